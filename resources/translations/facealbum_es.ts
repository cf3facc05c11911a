<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="es">
<context>
    <name>AccountPage</name>
    <message>
        <source>Ajustes de la cuenta</source>
        <translation>Ajustes de la cuenta</translation>
    </message>
    <message>
        <source>Los cambios importantes piden tu contraseña actual.</source>
        <translation>Los cambios importantes piden tu contraseña actual.</translation>
    </message>
    <message>
        <source>Datos personales</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <source>Cambiar foto…</source>
        <translation>Cambiar foto…</translation>
    </message>
    <message>
        <source>Usar la cámara</source>
        <translation>Usar la cámara</translation>
    </message>
    <message>
        <source>Nombre de usuario</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Correo electrónico</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Nombre completo</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Contraseña actual (para guardar)</source>
        <translation>Contraseña actual (para guardar)</translation>
    </message>
    <message>
        <source>Guardar cambios</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Contraseña</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Contraseña actual</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>Nueva contraseña</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <source>Repite la nueva</source>
        <translation>Repite la nueva</translation>
    </message>
    <message>
        <source>Cambiar contraseña</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>Acceso con la cara</source>
        <translation>Acceso con la cara</translation>
    </message>
    <message>
        <source>Entra mirando a la cámara. Guardamos solo lo necesario para reconocerte y lo borramos al desactivarlo. Tu contraseña sigue funcionando siempre.</source>
        <translation>Entra mirando a la cámara. Guardamos solo lo necesario para reconocerte y lo borramos al desactivarlo. Tu contraseña sigue funcionando siempre.</translation>
    </message>
    <message>
        <source>Desactivar</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Entrar sin escribir mi nombre de usuario</source>
        <translation>Entrar sin escribir mi nombre de usuario</translation>
    </message>
    <message>
        <source>Aviso: cualquiera que se te parezca mucho podría intentar entrar como tú sin saber tu usuario.</source>
        <translation>Aviso: cualquiera que se te parezca mucho podría intentar entrar como tú sin saber tu usuario.</translation>
    </message>
    <message>
        <source>Eliminar la cuenta</source>
        <translation>Eliminar la cuenta</translation>
    </message>
    <message>
        <source>Se borrarán tu cuenta, todos tus álbumes y fotos y tus datos de acceso con la cara. Esta acción es irreversible.</source>
        <translation>Se borrarán tu cuenta, todos tus álbumes y fotos y tus datos de acceso con la cara. Esta acción es irreversible.</translation>
    </message>
    <message>
        <source>Eliminar mi cuenta</source>
        <translation>Eliminar mi cuenta</translation>
    </message>
    <message>
        <source>Comprobando…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Activado desde el {date}.</source>
        <translation>Activado desde el {date}.</translation>
    </message>
    <message>
        <source>Activado.</source>
        <translation>Activado.</translation>
    </message>
    <message>
        <source>Volver a registrar</source>
        <translation>Volver a registrar</translation>
    </message>
    <message>
        <source>Desactivado.</source>
        <translation>Desactivado.</translation>
    </message>
    <message>
        <source>Activar</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Elige tu foto de perfil</source>
        <translation>Elige tu foto de perfil</translation>
    </message>
    <message>
        <source>Imágenes ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <source>Pulsa «Guardar cambios» para usar la nueva foto.</source>
        <translation>Pulsa «Guardar cambios» para usar la nueva foto.</translation>
    </message>
    <message>
        <source>Escribe tu contraseña actual para guardar.</source>
        <translation>Escribe tu contraseña actual para guardar.</translation>
    </message>
    <message>
        <source>Guardando…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Cambios guardados.</source>
        <translation>Cambios guardados.</translation>
    </message>
    <message>
        <source>Las contraseñas no coinciden.</source>
        <translation>Las contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Al menos 8 caracteres.</source>
        <translation>Al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Demasiado fácil de adivinar</source>
        <translation>Demasiado fácil de adivinar</translation>
    </message>
    <message>
        <source>Mejor con mayúsculas, números o símbolos</source>
        <translation>Mejor con mayúsculas, números o símbolos</translation>
    </message>
    <message>
        <source>Contraseña buena</source>
        <translation>Contraseña buena</translation>
    </message>
    <message>
        <source>Contraseña fuerte</source>
        <translation>Contraseña fuerte</translation>
    </message>
    <message>
        <source>Contraseña cambiada. Las demás sesiones se han cerrado.</source>
        <translation>Contraseña cambiada. Las demás sesiones se han cerrado.</translation>
    </message>
    <message>
        <source>Escribe tu contraseña actual para continuar.</source>
        <translation>Escribe tu contraseña actual para continuar.</translation>
    </message>
    <message>
        <source>Registrando tu cara…</source>
        <translation>Registrando tu cara…</translation>
    </message>
    <message>
        <source>Listo: ya puedes entrar con la cara.</source>
        <translation>Listo: ya puedes entrar con la cara.</translation>
    </message>
    <message>
        <source>Ya puedes entrar con la cara sin escribir tu usuario.</source>
        <translation>Ya puedes entrar con la cara sin escribir tu usuario.</translation>
    </message>
    <message>
        <source>Para entrar con la cara tendrás que escribir tu usuario.</source>
        <translation>Para entrar con la cara tendrás que escribir tu usuario.</translation>
    </message>
    <message>
        <source>Acceso con la cara desactivado y datos biométricos borrados.</source>
        <translation>Acceso con la cara desactivado y datos biométricos borrados.</translation>
    </message>
    <message>
        <source>¿Seguro? Se borrará todo y no se podrá recuperar.</source>
        <translation>¿Seguro? Se borrará todo y no se podrá recuperar.</translation>
    </message>
    <message>
        <source>Eliminar para siempre</source>
        <translation>Eliminar para siempre</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>AlbumPage</name>
    <message>
        <source>Álbumes</source>
        <translation>Álbumes</translation>
    </message>
    <message>
        <source>Subir fotos</source>
        <translation>Subir fotos</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) movida(s) a la papelera</source>
        <translation>
            <numerusform>%n foto movida a la papelera</numerusform>
            <numerusform>%n fotos movidas a la papelera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) movida(s) a «%1»</source>
        <translation>
            <numerusform>%n foto movida a «%1»</numerusform>
            <numerusform>%n fotos movidas a «%1»</numerusform>
        </translation>
    </message>
    <message>
        <source>Exportar originales a…</source>
        <translation>Exportar originales a…</translation>
    </message>
    <message>
        <source>Abrir</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Mover a</source>
        <translation>Mover a</translation>
    </message>
    <message>
        <source>Eliminar…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>¿Mover «{name}» a la papelera? Podrás recuperarla durante 30 días.</source>
        <translation>¿Mover «{name}» a la papelera? Podrás recuperarla durante 30 días.</translation>
    </message>
    <message numerus="yes">
        <source>¿Mover %n fotos a la papelera? Podrás recuperarlas durante 30 días.</source>
        <translation>
            <numerusform>¿Mover %n foto a la papelera? Podrás recuperarla durante 30 días.</numerusform>
            <numerusform>¿Mover %n fotos a la papelera? Podrás recuperarlas durante 30 días.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mover a la papelera</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cargando fotos…</source>
        <translation>Cargando fotos…</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Se llena sola con tus fotos de perfil</source>
        <translation>Se llena sola con tus fotos de perfil</translation>
    </message>
    <message>
        <source>Arrastra fotos o carpetas aquí para subirlas</source>
        <translation>Arrastra fotos o carpetas aquí para subirlas</translation>
    </message>
    <message>
        <source>Este álbum está vacío.
Arrastra aquí fotos o carpetas desde el gestor de archivos, o pulsa «Subir fotos».</source>
        <translation>Este álbum está vacío.
Arrastra aquí fotos o carpetas desde el gestor de archivos, o pulsa «Subir fotos».</translation>
    </message>
</context>
<context>
    <name>Albums</name>
    <message>
        <source>Fotos de perfil</source>
        <translation>Fotos de perfil</translation>
    </message>
</context>
<context>
    <name>AlbumsPage</name>
    <message numerus="yes">
        <source>%n foto(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Álbumes</source>
        <translation>Álbumes</translation>
    </message>
    <message>
        <source>Nuevo álbum</source>
        <translation>Nuevo álbum</translation>
    </message>
    <message>
        <source>Renombrar</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Eliminar</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Abre un álbum con doble clic o Intro; clic derecho para renombrarlo o borrarlo. Arrastra fotos o carpetas sobre un álbum para subirlas.</source>
        <translation>Abre un álbum con doble clic o Intro; clic derecho para renombrarlo o borrarlo. Arrastra fotos o carpetas sobre un álbum para subirlas.</translation>
    </message>
    <message>
        <source>«{name}» guarda tus fotos de perfil y se llena sola: no se puede renombrar, borrar ni subir a él.</source>
        <translation>«{name}» guarda tus fotos de perfil y se llena sola: no se puede renombrar, borrar ni subir a él.</translation>
    </message>
    <message>
        <source>Cargando álbumes…</source>
        <translation>Cargando álbumes…</translation>
    </message>
    <message>
        <source>Nombre del álbum:</source>
        <translation>Nombre del álbum:</translation>
    </message>
    <message>
        <source>Renombrar álbum</source>
        <translation>Renombrar álbum</translation>
    </message>
    <message>
        <source>Nuevo nombre:</source>
        <translation>Nuevo nombre:</translation>
    </message>
    <message numerus="yes">
        <source>Se eliminarán también sus %n foto(s).</source>
        <translation>
            <numerusform>Se eliminará también su foto.</numerusform>
            <numerusform>Se eliminarán también sus %n fotos.</numerusform>
        </translation>
    </message>
    <message>
        <source>El álbum está vacío.</source>
        <translation>El álbum está vacío.</translation>
    </message>
    <message>
        <source>¿Eliminar el álbum «{name}»?</source>
        <translation>¿Eliminar el álbum «{name}»?</translation>
    </message>
    <message>
        <source>Esta acción no se puede deshacer.</source>
        <translation>Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Eliminar álbum</source>
        <translation>Eliminar álbum</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Abrir</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Renombrar…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <source>Eliminar…</source>
        <translation>Eliminar…</translation>
    </message>
</context>
<context>
    <name>BackendBanner</name>
    <message>
        <source>Reintentar</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Iniciando el servidor local…</source>
        <translation>Iniciando el servidor local…</translation>
    </message>
    <message>
        <source>Conectando con el servidor…</source>
        <translation>Conectando con el servidor…</translation>
    </message>
    <message>
        <source>El servidor local no pudo arrancar. Revisa el registro o prueba de nuevo.</source>
        <translation>El servidor local no pudo arrancar. Revisa el registro o prueba de nuevo.</translation>
    </message>
    <message>
        <source>No se puede conectar con el servidor. Comprueba la dirección en Ajustes.</source>
        <translation>No se puede conectar con el servidor. Comprueba la dirección en Ajustes.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Foto con la cámara</source>
        <translation>Foto con la cámara</translation>
    </message>
    <message>
        <source>Colócate dentro del óvalo y pulsa «Tomar foto».</source>
        <translation>Colócate dentro del óvalo y pulsa «Tomar foto».</translation>
    </message>
    <message>
        <source>Activar el acceso con la cara</source>
        <translation>Activar el acceso con la cara</translation>
    </message>
    <message>
        <source>Mira a la cámara y sigue las indicaciones. Tomaremos {n} imágenes en unos segundos; solo se guarda lo necesario para reconocerte.</source>
        <translation>Mira a la cámara y sigue las indicaciones. Tomaremos {n} imágenes en unos segundos; solo se guarda lo necesario para reconocerte.</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Duplicados</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <source>Buscar de nuevo</source>
        <translation>Buscar de nuevo</translation>
    </message>
    <message numerus="yes">
        <source>Conservada «{name}»; %n foto(s) a la papelera</source>
        <translation>
            <numerusform>Conservada «{name}»; %n foto a la papelera</numerusform>
            <numerusform>Conservada «{name}»; %n fotos a la papelera</numerusform>
        </translation>
    </message>
    <message>
        <source>Buscando fotos iguales o parecidas…</source>
        <translation>Buscando fotos iguales o parecidas…</translation>
    </message>
    <message>
        <source>No hay fotos repetidas.</source>
        <translation>No hay fotos repetidas.</translation>
    </message>
    <message numerus="yes">
        <source>%n grupo(s) por revisar</source>
        <translation>
            <numerusform>%n grupo por revisar</numerusform>
            <numerusform>%n grupos por revisar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExtractTextPage</name>
    <message>
        <source>Extraer texto</source>
        <translation>Extraer texto</translation>
    </message>
    <message>
        <source>Lee el texto de una imagen. La imagen no se guarda.</source>
        <translation>Lee el texto de una imagen. La imagen no se guarda.</translation>
    </message>
    <message>
        <source>Elegir imagen…</source>
        <translation>Elegir imagen…</translation>
    </message>
    <message>
        <source>Arrastra aquí una imagen con texto</source>
        <translation>Arrastra aquí una imagen con texto</translation>
    </message>
    <message>
        <source>Texto encontrado</source>
        <translation>Texto encontrado</translation>
    </message>
    <message>
        <source>Copiar</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>El texto aparecerá aquí.</source>
        <translation>El texto aparecerá aquí.</translation>
    </message>
    <message>
        <source>Elige una imagen</source>
        <translation>Elige una imagen</translation>
    </message>
    <message>
        <source>Imágenes ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <source>Leyendo el texto…</source>
        <translation>Leyendo el texto…</translation>
    </message>
    <message numerus="yes">
        <source>%n línea(s) encontrada(s).</source>
        <translation>
            <numerusform>%n línea encontrada.</numerusform>
            <numerusform>%n líneas encontradas.</numerusform>
        </translation>
    </message>
    <message>
        <source>No se encontró texto en esta imagen.</source>
        <translation>No se encontró texto en esta imagen.</translation>
    </message>
    <message>
        <source>Copiado al portapapeles.</source>
        <translation>Copiado al portapapeles.</translation>
    </message>
</context>
<context>
    <name>FaceCapturePanel</name>
    <message>
        <source>Mira a la cámara</source>
        <translation>Mira a la cámara</translation>
    </message>
    <message>
        <source>Gira la cabeza hacia tu izquierda</source>
        <translation>Gira la cabeza hacia tu izquierda</translation>
    </message>
    <message>
        <source>Gira la cabeza hacia tu derecha</source>
        <translation>Gira la cabeza hacia tu derecha</translation>
    </message>
    <message>
        <source>Mira de frente a la cámara</source>
        <translation>Mira de frente a la cámara</translation>
    </message>
    <message>
        <source>Tomar foto</source>
        <translation>Tomar foto</translation>
    </message>
    <message>
        <source>Empezar ahora</source>
        <translation>Empezar ahora</translation>
    </message>
    <message>
        <source>Empezar</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Coloca tu cara dentro del óvalo: la captura empieza sola.</source>
        <translation>Coloca tu cara dentro del óvalo: la captura empieza sola.</translation>
    </message>
    <message>
        <source>Pulsa «Empezar» y sigue las flechas.</source>
        <translation>Pulsa «Empezar» y sigue las flechas.</translation>
    </message>
    <message>
        <source>Pulsa «Empezar» y sigue las indicaciones.</source>
        <translation>Pulsa «Empezar» y sigue las indicaciones.</translation>
    </message>
    <message>
        <source>Coloca tu cara dentro del óvalo.</source>
        <translation>Coloca tu cara dentro del óvalo.</translation>
    </message>
    <message>
        <source>Abriendo la cámara…</source>
        <translation>Abriendo la cámara…</translation>
    </message>
    <message>
        <source>Preparando los pasos…</source>
        <translation>Preparando los pasos…</translation>
    </message>
    <message>
        <source>Capturando… no te muevas del óvalo.</source>
        <translation>Capturando… no te muevas del óvalo.</translation>
    </message>
    <message>
        <source>Sigue las indicaciones sin salir del óvalo.</source>
        <translation>Sigue las indicaciones sin salir del óvalo.</translation>
    </message>
    <message>
        <source>Comprobando…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
<context>
    <name>FaceImageLabel</name>
    <message>
        <source>¿Quién es?</source>
        <translation>¿Quién es?</translation>
    </message>
    <message>
        <source>Yo</source>
        <translation>Yo</translation>
    </message>
</context>
<context>
    <name>FaceTags</name>
    <message>
        <source>Sonríe</source>
        <translation>Sonríe</translation>
    </message>
    <message>
        <source>Sin sonrisa</source>
        <translation>Sin sonrisa</translation>
    </message>
    <message>
        <source>Gafas</source>
        <translation>Gafas</translation>
    </message>
    <message>
        <source>Gafas de sol</source>
        <translation>Gafas de sol</translation>
    </message>
    <message>
        <source>Barba</source>
        <translation>Barba</translation>
    </message>
    <message>
        <source>Bigote</source>
        <translation>Bigote</translation>
    </message>
    <message>
        <source>Ojos abiertos</source>
        <translation>Ojos abiertos</translation>
    </message>
    <message>
        <source>Ojos cerrados</source>
        <translation>Ojos cerrados</translation>
    </message>
    <message>
        <source>Boca abierta</source>
        <translation>Boca abierta</translation>
    </message>
    <message>
        <source>Hombre</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Mujer</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Edad {low}–{high}</source>
        <translation>Edad {low}–{high}</translation>
    </message>
    <message>
        <source>Emoción: {emotion}</source>
        <translation>Emoción: {emotion}</translation>
    </message>
</context>
<context>
    <name>GroupCard</name>
    <message>
        <source>Iguales</source>
        <translation>Iguales</translation>
    </message>
    <message>
        <source>Parecidas</source>
        <translation>Parecidas</translation>
    </message>
    <message numerus="yes">
        <source>{kind} · %n foto(s)</source>
        <translation>
            <numerusform>{kind} · %n foto</numerusform>
            <numerusform>{kind} · %n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Conservar esta (sugerida)</source>
        <translation>Conservar esta (sugerida)</translation>
    </message>
    <message>
        <source>Conservar esta</source>
        <translation>Conservar esta</translation>
    </message>
    <message>
        <source>Conservar la elegida y mover las demás a la papelera</source>
        <translation>Conservar la elegida y mover las demás a la papelera</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Hola, {name}</source>
        <translation>Hola, {name}</translation>
    </message>
    <message>
        <source>Inicio</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Etiquetas de tu foto de perfil</source>
        <translation>Etiquetas de tu foto de perfil</translation>
    </message>
    <message>
        <source>¿Qué quieres hacer?</source>
        <translation>¿Qué quieres hacer?</translation>
    </message>
    <message>
        <source>Ver álbumes</source>
        <translation>Ver álbumes</translation>
    </message>
    <message>
        <source>Editar álbumes</source>
        <translation>Editar álbumes</translation>
    </message>
    <message>
        <source>Subir foto</source>
        <translation>Subir foto</translation>
    </message>
    <message>
        <source>Extraer texto</source>
        <translation>Extraer texto</translation>
    </message>
    <message>
        <source>Ajustes de la cuenta</source>
        <translation>Ajustes de la cuenta</translation>
    </message>
    <message>
        <source>Cerrar sesión</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Analizando tu foto…</source>
        <translation>Analizando tu foto…</translation>
    </message>
    <message>
        <source>No hay etiquetas para esta foto.</source>
        <translation>No hay etiquetas para esta foto.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Tus fotos, protegidas con tu cara.</source>
        <translation>Tus fotos, protegidas con tu cara.</translation>
    </message>
    <message>
        <source>Usuario y contraseña</source>
        <translation>Usuario y contraseña</translation>
    </message>
    <message>
        <source>Cámara</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Usuario o correo</source>
        <translation>Usuario o correo</translation>
    </message>
    <message>
        <source>p. ej. ana o ana@ejemplo.com</source>
        <translation>p. ej. ana o ana@ejemplo.com</translation>
    </message>
    <message>
        <source>Contraseña</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Entrar</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Usuario o correo (opcional)</source>
        <translation>Usuario o correo (opcional)</translation>
    </message>
    <message>
        <source>Déjalo vacío y te buscamos por la cara</source>
        <translation>Déjalo vacío y te buscamos por la cara</translation>
    </message>
    <message>
        <source>¿No tienes cuenta?</source>
        <translation>¿No tienes cuenta?</translation>
    </message>
    <message>
        <source>Crear una cuenta</source>
        <translation>Crear una cuenta</translation>
    </message>
    <message>
        <source>Ajustes</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Entrando…</source>
        <translation>Entrando…</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>Demasiados intentos. Vuelve a probar dentro de {wait}.</source>
        <translation>Demasiados intentos. Vuelve a probar dentro de {wait}.</translation>
    </message>
    <message>
        <source>Vuelve a probar dentro de {wait}.</source>
        <translation>Vuelve a probar dentro de {wait}.</translation>
    </message>
    <message>
        <source>Intentar de nuevo</source>
        <translation>Intentar de nuevo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inicio</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Álbumes</source>
        <translation>Álbumes</translation>
    </message>
    <message>
        <source>Fotos donde aparezco</source>
        <translation>Fotos donde aparezco</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Duplicados</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <source>Papelera</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Extraer texto</source>
        <translation>Extraer texto</translation>
    </message>
    <message>
        <source>Cuenta</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Ajustes</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Buscar fotos: nombre, etiqueta, texto, álbum… (Ctrl+F)</source>
        <translation>Buscar fotos: nombre, etiqueta, texto, álbum… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cerrar sesión</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Tu cuenta se ha eliminado.</source>
        <translation>Tu cuenta se ha eliminado.</translation>
    </message>
    <message>
        <source>Subir fotos</source>
        <translation>Subir fotos</translation>
    </message>
    <message>
        <source>Primero crea un álbum en «Álbumes».</source>
        <translation>Primero crea un álbum en «Álbumes».</translation>
    </message>
    <message>
        <source>Subidas pendientes</source>
        <translation>Subidas pendientes</translation>
    </message>
    <message numerus="yes">
        <source>Quedan %n foto(s) por subir.</source>
        <translation>
            <numerusform>Queda %n foto por subir.</numerusform>
            <numerusform>Quedan %n fotos por subir.</numerusform>
        </translation>
    </message>
    <message>
        <source>Si sales ahora, se subirán la próxima vez que entres con esta cuenta.</source>
        <translation>Si sales ahora, se subirán la próxima vez que entres con esta cuenta.</translation>
    </message>
    <message>
        <source>Seguir subiendo</source>
        <translation>Seguir subiendo</translation>
    </message>
    <message>
        <source>Salir y continuar después</source>
        <translation>Salir y continuar después</translation>
    </message>
    <message>
        <source>Salir y descartarlas</source>
        <translation>Salir y descartarlas</translation>
    </message>
</context>
<context>
    <name>MyPhotosPage</name>
    <message>
        <source>Fotos donde aparezco</source>
        <translation>Fotos donde aparezco</translation>
    </message>
    <message>
        <source>Actualizar</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Buscándote en tus fotos…</source>
        <translation>Buscándote en tus fotos…</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) en las que sales, encontradas con tu cara de inicio de sesión o tus fotos de perfil</source>
        <translation>
            <numerusform>%n foto en la que sales, encontrada con tu cara de inicio de sesión o tus fotos de perfil</numerusform>
            <numerusform>%n fotos en las que sales, encontradas con tu cara de inicio de sesión o tus fotos de perfil</numerusform>
        </translation>
    </message>
    <message>
        <source>Aún no te hemos encontrado en ninguna foto. Las caras se buscan en segundo plano al subir fotos.</source>
        <translation>Aún no te hemos encontrado en ninguna foto. Las caras se buscan en segundo plano al subir fotos.</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Las caras de tus fotos, agrupadas. Ponles nombre, une grupos de la misma persona u oculta los que no te interesen.</source>
        <translation>Las caras de tus fotos, agrupadas. Ponles nombre, une grupos de la misma persona u oculta los que no te interesen.</translation>
    </message>
    <message>
        <source>Ver ocultas</source>
        <translation>Ver ocultas</translation>
    </message>
    <message>
        <source>Nombre de la persona</source>
        <translation>Nombre de la persona</translation>
    </message>
    <message>
        <source>Guardar nombre</source>
        <translation>Guardar nombre</translation>
    </message>
    <message>
        <source>Unir con…</source>
        <translation>Unir con…</translation>
    </message>
    <message>
        <source>Quitar cara (no es esta persona)</source>
        <translation>Quitar cara (no es esta persona)</translation>
    </message>
    <message>
        <source>Confirmar</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Rechazar</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Sugerencias por confirmar</source>
        <translation>Sugerencias por confirmar</translation>
    </message>
    <message>
        <source>Yo</source>
        <translation>Yo</translation>
    </message>
    <message>
        <source>¿Quién es?</source>
        <translation>¿Quién es?</translation>
    </message>
    <message numerus="yes">
        <source>{name} · %n foto(s)</source>
        <translation>
            <numerusform>{name} · %n foto</numerusform>
            <numerusform>{name} · %n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>oculta</source>
        <translation>oculta</translation>
    </message>
    <message>
        <source>¿Es?</source>
        <translation>¿Es?</translation>
    </message>
    <message>
        <source>Doble clic para abrir la foto</source>
        <translation>Doble clic para abrir la foto</translation>
    </message>
    <message numerus="yes">
        <source>Caras (%n)</source>
        <translation>
            <numerusform>Caras (%n)</numerusform>
            <numerusform>Caras (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>¿Es {name}?</source>
        <translation>¿Es {name}?</translation>
    </message>
    <message numerus="yes">
        <source>Sugerencias por confirmar (%n)</source>
        <translation>
            <numerusform>Sugerencias por confirmar (%n)</numerusform>
            <numerusform>Sugerencias por confirmar (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Elige una persona</source>
        <translation>Elige una persona</translation>
    </message>
    <message>
        <source>Caras</source>
        <translation>Caras</translation>
    </message>
    <message>
        <source>Mostrar</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Ocultar</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Guardado</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Unir personas</source>
        <translation>Unir personas</translation>
    </message>
    <message>
        <source>¿Unir «{source}» con «{into}»? Sus caras pasarán a «{into}».</source>
        <translation>¿Unir «{source}» con «{into}»? Sus caras pasarán a «{into}».</translation>
    </message>
</context>
<context>
    <name>PhotoPage</name>
    <message>
        <source>Detalles</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Descripción</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Guardar</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Etiquetas</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Traducción</source>
        <translation>Traducción</translation>
    </message>
    <message>
        <source>Mover a otro álbum</source>
        <translation>Mover a otro álbum</translation>
    </message>
    <message>
        <source>Foto anterior (←)</source>
        <translation>Foto anterior (←)</translation>
    </message>
    <message>
        <source>Foto siguiente (→)</source>
        <translation>Foto siguiente (→)</translation>
    </message>
    <message>
        <source>Ajustar</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Ajustar a la ventana (0)</source>
        <translation>Ajustar a la ventana (0)</translation>
    </message>
    <message>
        <source>Tamaño real (1)</source>
        <translation>Tamaño real (1)</translation>
    </message>
    <message>
        <source>Acercar (+ o Ctrl+rueda)</source>
        <translation>Acercar (+ o Ctrl+rueda)</translation>
    </message>
    <message>
        <source>Alejar (−)</source>
        <translation>Alejar (−)</translation>
    </message>
    <message>
        <source>Mover</source>
        <translation>Mover</translation>
    </message>
    <message>
        <source>Eliminar foto</source>
        <translation>Eliminar foto</translation>
    </message>
    <message>
        <source>Volver al álbum</source>
        <translation>Volver al álbum</translation>
    </message>
    <message>
        <source>Volver a los resultados</source>
        <translation>Volver a los resultados</translation>
    </message>
    <message>
        <source>Volver</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>¿Quién es?</source>
        <translation>¿Quién es?</translation>
    </message>
    <message>
        <source>Nombrar</source>
        <translation>Nombrar</translation>
    </message>
    <message>
        <source>No es esta persona</source>
        <translation>No es esta persona</translation>
    </message>
    <message>
        <source>{n} de {total}</source>
        <translation>{n} de {total}</translation>
    </message>
    <message>
        <source>Salir de pantalla completa</source>
        <translation>Salir de pantalla completa</translation>
    </message>
    <message>
        <source>Pantalla completa</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>tomada el {date}</source>
        <translation>tomada el {date}</translation>
    </message>
    <message>
        <source>Coincide: {words}</source>
        <translation>Coincide: {words}</translation>
    </message>
    <message>
        <source>Coincide por su álbum, cámara o fecha.</source>
        <translation>Coincide por su álbum, cámara o fecha.</translation>
    </message>
    <message>
        <source>Texto en la imagen: {text}</source>
        <translation>Texto en la imagen: {text}</translation>
    </message>
    <message>
        <source>No se pudieron calcular las etiquetas.</source>
        <translation>No se pudieron calcular las etiquetas.</translation>
    </message>
    <message>
        <source>Este servidor no calcula etiquetas.</source>
        <translation>Este servidor no calcula etiquetas.</translation>
    </message>
    <message>
        <source>Calculando etiquetas…</source>
        <translation>Calculando etiquetas…</translation>
    </message>
    <message>
        <source>Caras ocultas. Pulsa F para mostrarlas.</source>
        <translation>Caras ocultas. Pulsa F para mostrarlas.</translation>
    </message>
    <message numerus="yes">
        <source>%n cara(s). Pulsa una cara para decir quién es; F las oculta.</source>
        <translation>
            <numerusform>%n cara. Pulsa una cara para decir quién es; F las oculta.</numerusform>
            <numerusform>%n caras. Pulsa una cara para decir quién es; F las oculta.</numerusform>
        </translation>
    </message>
    <message>
        <source>No se han encontrado caras (todavía).</source>
        <translation>No se han encontrado caras (todavía).</translation>
    </message>
    <message>
        <source>Traducido de: {language}</source>
        <translation>Traducido de: {language}</translation>
    </message>
    <message>
        <source>Mover a la papelera</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>¿Mover «{name}» a la papelera? Podrás recuperarla durante 30 días.</source>
        <translation>¿Mover «{name}» a la papelera? Podrás recuperarla durante 30 días.</translation>
    </message>
    <message>
        <source>«{name}» movida a la papelera</source>
        <translation>«{name}» movida a la papelera</translation>
    </message>
    <message>
        <source>Sin etiquetas para esta foto.</source>
        <translation>Sin etiquetas para esta foto.</translation>
    </message>
    <message>
        <source>Las fotos de perfil se quedan en su álbum.</source>
        <translation>Las fotos de perfil se quedan en su álbum.</translation>
    </message>
    <message>
        <source>Crea otro álbum en «Álbumes» para poder mover aquí la foto.</source>
        <translation>Crea otro álbum en «Álbumes» para poder mover aquí la foto.</translation>
    </message>
    <message>
        <source>Cargando idiomas…</source>
        <translation>Cargando idiomas…</translation>
    </message>
    <message>
        <source>Elige un idioma…</source>
        <translation>Elige un idioma…</translation>
    </message>
    <message>
        <source>Elige un idioma para leer la descripción traducida.</source>
        <translation>Elige un idioma para leer la descripción traducida.</translation>
    </message>
    <message>
        <source>Este servidor no ofrece traducciones.</source>
        <translation>Este servidor no ofrece traducciones.</translation>
    </message>
    <message>
        <source>Esta foto no tiene descripción que traducir.</source>
        <translation>Esta foto no tiene descripción que traducir.</translation>
    </message>
    <message>
        <source>Traduciendo…</source>
        <translation>Traduciendo…</translation>
    </message>
    <message>
        <source>Guardando…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Guardado</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>No se pudo guardar</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <source>Movida a «{album}»</source>
        <translation>Movida a «{album}»</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ProfilePhoto</name>
    <message>
        <source>No se ve ninguna cara en tu foto de perfil.</source>
        <translation>No se ve ninguna cara en tu foto de perfil.</translation>
    </message>
    <message>
        <source>Tu foto de perfil muestra varias caras.</source>
        <translation>Tu foto de perfil muestra varias caras.</translation>
    </message>
    <message>
        <source>La foto se guardó, pero las etiquetas de perfil y el acceso con la cara necesitan una foto con una sola cara: cámbiala en «Cuenta» cuando quieras.</source>
        <translation>La foto se guardó, pero las etiquetas de perfil y el acceso con la cara necesitan una foto con una sola cara: cámbiala en «Cuenta» cuando quieras.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Volver a entrar</source>
        <translation>Volver a entrar</translation>
    </message>
    <message>
        <source>Crea tu cuenta</source>
        <translation>Crea tu cuenta</translation>
    </message>
    <message>
        <source>Tu foto de perfil abre el álbum «Fotos de perfil» y, si quieres, te permitirá entrar con la cara.</source>
        <translation>Tu foto de perfil abre el álbum «Fotos de perfil» y, si quieres, te permitirá entrar con la cara.</translation>
    </message>
    <message>
        <source>Foto de perfil</source>
        <translation>Foto de perfil</translation>
    </message>
    <message>
        <source>Una foto tuya, de frente y con buena luz.</source>
        <translation>Una foto tuya, de frente y con buena luz.</translation>
    </message>
    <message>
        <source>Elegir archivo…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <source>Usar la cámara</source>
        <translation>Usar la cámara</translation>
    </message>
    <message>
        <source>Nombre de usuario</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Correo electrónico</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Nombre completo (opcional)</source>
        <translation>Nombre completo (opcional)</translation>
    </message>
    <message>
        <source>Contraseña</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Repite la contraseña</source>
        <translation>Repite la contraseña</translation>
    </message>
    <message>
        <source>letras, números, . _ -</source>
        <translation>letras, números, . _ -</translation>
    </message>
    <message>
        <source>nombre@ejemplo.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>Crear cuenta</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>De 3 a 32 caracteres: letras, números, punto, guion o guion bajo.</source>
        <translation>De 3 a 32 caracteres: letras, números, punto, guion o guion bajo.</translation>
    </message>
    <message>
        <source>Escribe un correo válido.</source>
        <translation>Escribe un correo válido.</translation>
    </message>
    <message>
        <source>Como mucho 100 caracteres.</source>
        <translation>Como mucho 100 caracteres.</translation>
    </message>
    <message>
        <source>Al menos 8 caracteres.</source>
        <translation>Al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Las contraseñas no coinciden.</source>
        <translation>Las contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Elige una foto de perfil.</source>
        <translation>Elige una foto de perfil.</translation>
    </message>
    <message>
        <source>Contraseña demasiado corta</source>
        <translation>Contraseña demasiado corta</translation>
    </message>
    <message>
        <source>Demasiado fácil de adivinar</source>
        <translation>Demasiado fácil de adivinar</translation>
    </message>
    <message>
        <source>Mejor con mayúsculas, números o símbolos</source>
        <translation>Mejor con mayúsculas, números o símbolos</translation>
    </message>
    <message>
        <source>Contraseña buena</source>
        <translation>Contraseña buena</translation>
    </message>
    <message>
        <source>Contraseña fuerte</source>
        <translation>Contraseña fuerte</translation>
    </message>
    <message>
        <source>Elige tu foto de perfil</source>
        <translation>Elige tu foto de perfil</translation>
    </message>
    <message>
        <source>Imágenes ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <source>Ese archivo no es una imagen JPEG, PNG, WebP o HEIC.</source>
        <translation>Ese archivo no es una imagen JPEG, PNG, WebP o HEIC.</translation>
    </message>
    <message>
        <source>Creando la cuenta…</source>
        <translation>Creando la cuenta…</translation>
    </message>
</context>
<context>
    <name>SearchResultsPage</name>
    <message>
        <source>Entre fechas</source>
        <translation>Entre fechas</translation>
    </message>
    <message>
        <source>Con texto</source>
        <translation>Con texto</translation>
    </message>
    <message>
        <source>Todos los álbumes</source>
        <translation>Todos los álbumes</translation>
    </message>
    <message>
        <source>Resultados para «{q}»</source>
        <translation>Resultados para «{q}»</translation>
    </message>
    <message>
        <source>Todas las fotos</source>
        <translation>Todas las fotos</translation>
    </message>
    <message>
        <source>Buscando…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <source>Más de %n foto(s)</source>
        <translation>
            <numerusform>Más de %n foto</numerusform>
            <numerusform>Más de %n fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Ninguna foto coincide. Prueba con otras palabras o quita algún filtro.</source>
        <translation>Ninguna foto coincide. Prueba con otras palabras o quita algún filtro.</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <source>Mover a…</source>
        <translation>Mover a…</translation>
    </message>
    <message>
        <source>Papelera</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Exportar…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Quitar selección</source>
        <translation>Quitar selección</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) seleccionada(s)</source>
        <translation>
            <numerusform>%n foto seleccionada</numerusform>
            <numerusform>%n fotos seleccionadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Ajustes</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Servidor</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Servidor local incluido (tus fotos se quedan en este equipo)</source>
        <translation>Servidor local incluido (tus fotos se quedan en este equipo)</translation>
    </message>
    <message>
        <source>Servidor remoto (la nube)</source>
        <translation>Servidor remoto (la nube)</translation>
    </message>
    <message>
        <source>Al cambiar de servidor tendrás que volver a entrar.</source>
        <translation>Al cambiar de servidor tendrás que volver a entrar.</translation>
    </message>
    <message>
        <source>Idioma</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Como el sistema</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Cámara</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Cámara {n}</source>
        <translation>Cámara {n}</translation>
    </message>
    <message>
        <source>Archivo…</source>
        <translation>Archivo…</translation>
    </message>
    <message>
        <source>Una cámara del equipo, o un vídeo o una foto que haga de cámara (útil para pruebas y demostraciones).</source>
        <translation>Una cámara del equipo, o un vídeo o una foto que haga de cámara (útil para pruebas y demostraciones).</translation>
    </message>
    <message>
        <source>Sesión</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>La sesión se guarda en el llavero del sistema ({backend}): no tendrás que entrar cada vez.</source>
        <translation>La sesión se guarda en el llavero del sistema ({backend}): no tendrás que entrar cada vez.</translation>
    </message>
    <message>
        <source>No hay llavero del sistema disponible: la sesión se guarda solo en memoria y tendrás que entrar cada vez que abras la app.</source>
        <translation>No hay llavero del sistema disponible: la sesión se guarda solo en memoria y tendrás que entrar cada vez que abras la app.</translation>
    </message>
    <message>
        <source>Guardar</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Vídeo o foto que hará de cámara</source>
        <translation>Vídeo o foto que hará de cámara</translation>
    </message>
    <message>
        <source>Vídeos e imágenes ({patterns})</source>
        <translation>Vídeos e imágenes ({patterns})</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Papelera</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Restaurar</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Vaciar papelera</source>
        <translation>Vaciar papelera</translation>
    </message>
    <message>
        <source>¿Borrar para siempre las fotos de la papelera? No se puede deshacer.</source>
        <translation>¿Borrar para siempre las fotos de la papelera? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cargando…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) · se borran solas a los 30 días</source>
        <translation>
            <numerusform>%n foto · se borra sola a los 30 días</numerusform>
            <numerusform>%n fotos · se borran solas a los 30 días</numerusform>
        </translation>
    </message>
    <message>
        <source>La papelera está vacía.</source>
        <translation>La papelera está vacía.</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Deshacer (Ctrl+Z)</source>
        <translation>Deshacer (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <source>Subir fotos</source>
        <translation>Subir fotos</translation>
    </message>
    <message>
        <source>Elegir archivos…</source>
        <translation>Elegir archivos…</translation>
    </message>
    <message>
        <source>Álbum</source>
        <translation>Álbum</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Descripción</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Opcional: se puede traducir a otros idiomas</source>
        <translation>Opcional: se puede traducir a otros idiomas</translation>
    </message>
    <message>
        <source>Subir</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Elige las fotos</source>
        <translation>Elige las fotos</translation>
    </message>
    <message>
        <source>Imágenes ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message numerus="yes">
        <source>%n elemento(s) elegido(s)</source>
        <translation>
            <numerusform>%n elemento elegido</numerusform>
            <numerusform>%n elementos elegidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Arrastra aquí fotos o carpetas
o elige archivos</source>
        <translation>Arrastra aquí fotos o carpetas
o elige archivos</translation>
    </message>
</context>
<context>
    <name>UploadPanel</name>
    <message>
        <source>Subidas</source>
        <translation>Subidas</translation>
    </message>
    <message>
        <source>Reintentar</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Volver a enviar los archivos con error</source>
        <translation>Volver a enviar los archivos con error</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cerrar</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Subiendo… {percent} %</source>
        <translation>Subiendo… {percent} %</translation>
    </message>
    <message>
        <source>Se reintentará al final</source>
        <translation>Se reintentará al final</translation>
    </message>
    <message>
        <source>En cola</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Subida</source>
        <translation>Subida</translation>
    </message>
    <message>
        <source>Cancelada</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Omitida</source>
        <translation>Omitida</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message numerus="yes">
        <source>%n subida(s)</source>
        <translation>
            <numerusform>%n subida</numerusform>
            <numerusform>%n subidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n omitida(s)</source>
        <translation>
            <numerusform>%n omitida</numerusform>
            <numerusform>%n omitidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n con error</source>
        <translation>
            <numerusform>%n con error</numerusform>
            <numerusform>%n con error</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelada(s)</source>
        <translation>
            <numerusform>%n cancelada</numerusform>
            <numerusform>%n canceladas</numerusform>
        </translation>
    </message>
    <message>
        <source>{done} de {total}</source>
        <translation>{done} de {total}</translation>
    </message>
</context>
</TS>
