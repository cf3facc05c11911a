<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es" sourcelanguage="es">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../desktop/views/account.py" line="167" />
        <source>Ajustes de la cuenta</source>
        <translation>Ajustes de la cuenta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="168" />
        <source>Los cambios importantes piden tu contraseña actual.</source>
        <translation>Los cambios importantes piden tu contraseña actual.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="169" />
        <source>Datos personales</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="170" />
        <source>Cambiar foto…</source>
        <translation>Cambiar foto…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="171" />
        <source>Usar la cámara</source>
        <translation>Usar la cámara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="172" />
        <source>Nombre de usuario</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="173" />
        <source>Correo electrónico</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="174" />
        <source>Nombre completo</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="175" />
        <source>Contraseña actual (para guardar)</source>
        <translation>Contraseña actual (para guardar)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="176" />
        <source>Guardar cambios</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="177" />
        <source>Contraseña</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="178" />
        <location filename="../../desktop/views/account.py" line="186" />
        <location filename="../../desktop/views/account.py" line="192" />
        <source>Contraseña actual</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="179" />
        <source>Nueva contraseña</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="180" />
        <source>Repite la nueva</source>
        <translation>Repite la nueva</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="181" />
        <source>Cambiar contraseña</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="182" />
        <source>Acceso con la cara</source>
        <translation>Acceso con la cara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="184" />
        <source>Entra mirando a la cámara. Guardamos solo lo necesario para reconocerte y lo borramos al desactivarlo. Tu contraseña sigue funcionando siempre.</source>
        <translation>Entra mirando a la cámara. Guardamos solo lo necesario para reconocerte y lo borramos al desactivarlo. Tu contraseña sigue funcionando siempre.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="187" />
        <source>Desactivar</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="188" />
        <location filename="../../desktop/views/account.py" line="377" />
        <source>Eliminar la cuenta</source>
        <translation>Eliminar la cuenta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="190" />
        <source>Se borrarán tu cuenta, todos tus álbumes y fotos y tus datos de acceso con la cara. Esta acción es irreversible.</source>
        <translation>Se borrarán tu cuenta, todos tus álbumes y fotos y tus datos de acceso con la cara. Esta acción es irreversible.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="193" />
        <source>Eliminar mi cuenta</source>
        <translation>Eliminar mi cuenta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="227" />
        <source>Comprobando…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="231" />
        <source>Activado desde el {date}.</source>
        <translation>Activado desde el {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="232" />
        <source>Activado.</source>
        <translation>Activado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="233" />
        <source>Volver a registrar</source>
        <translation>Volver a registrar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="235" />
        <source>Desactivado.</source>
        <translation>Desactivado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="236" />
        <source>Activar</source>
        <translation>Activar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="249" />
        <source>Elige tu foto de perfil</source>
        <translation>Elige tu foto de perfil</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="250" />
        <source>Imágenes ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="267" />
        <source>Pulsa «Guardar cambios» para usar la nueva foto.</source>
        <translation>Pulsa «Guardar cambios» para usar la nueva foto.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="275" />
        <source>Escribe tu contraseña actual para guardar.</source>
        <translation>Escribe tu contraseña actual para guardar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="285" />
        <source>Guardando…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="293" />
        <source>Cambios guardados.</source>
        <translation>Cambios guardados.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="307" />
        <location filename="../../desktop/views/account.py" line="320" />
        <source>Las contraseñas no coinciden.</source>
        <translation>Las contraseñas no coinciden.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="311" />
        <location filename="../../desktop/views/account.py" line="323" />
        <source>Al menos 8 caracteres.</source>
        <translation>Al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="312" />
        <source>Demasiado fácil de adivinar</source>
        <translation>Demasiado fácil de adivinar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="313" />
        <source>Mejor con mayúsculas, números o símbolos</source>
        <translation>Mejor con mayúsculas, números o símbolos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="314" />
        <source>Contraseña buena</source>
        <translation>Contraseña buena</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="314" />
        <source>Contraseña fuerte</source>
        <translation>Contraseña fuerte</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="332" />
        <source>Contraseña cambiada. Las demás sesiones se han cerrado.</source>
        <translation>Contraseña cambiada. Las demás sesiones se han cerrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="338" />
        <location filename="../../desktop/views/account.py" line="359" />
        <location filename="../../desktop/views/account.py" line="374" />
        <source>Escribe tu contraseña actual para continuar.</source>
        <translation>Escribe tu contraseña actual para continuar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="345" />
        <source>Registrando tu cara…</source>
        <translation>Registrando tu cara…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="351" />
        <source>Listo: ya puedes entrar con la cara.</source>
        <translation>Listo: ya puedes entrar con la cara.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="367" />
        <source>Acceso con la cara desactivado y datos biométricos borrados.</source>
        <translation>Acceso con la cara desactivado y datos biométricos borrados.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="378" />
        <source>¿Seguro? Se borrará todo y no se podrá recuperar.</source>
        <translation>¿Seguro? Se borrará todo y no se podrá recuperar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="379" />
        <source>Eliminar para siempre</source>
        <translation>Eliminar para siempre</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="380" />
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>AlbumPage</name>
    <message>
        <location filename="../../desktop/views/album_view.py" line="303" />
        <source>Álbumes</source>
        <translation>Álbumes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="304" />
        <source>Subir fotos</source>
        <translation>Subir fotos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="328" />
        <source>Cargando fotos…</source>
        <translation>Cargando fotos…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/album_view.py" line="330" />
        <source>%n foto(s)</source>
        <translation><numerusform>%n foto</numerusform><numerusform>%n fotos</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="332" />
        <source>Se llena sola con tus fotos de perfil</source>
        <translation>Se llena sola con tus fotos de perfil</translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="334" />
        <source>Arrastra fotos o carpetas aquí para subirlas</source>
        <translation>Arrastra fotos o carpetas aquí para subirlas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="339" />
        <source>Este álbum está vacío.
Arrastra aquí fotos o carpetas desde el gestor de archivos, o pulsa «Subir fotos».</source>
        <translation>Este álbum está vacío.
Arrastra aquí fotos o carpetas desde el gestor de archivos, o pulsa «Subir fotos».</translation>
    </message>
</context>
<context>
    <name>AlbumsPage</name>
    <message numerus="yes">
        <location filename="../../desktop/views/albums.py" line="251" />
        <source>%n foto(s)</source>
        <translation><numerusform>%n foto</numerusform><numerusform>%n fotos</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="254" />
        <source>Álbumes</source>
        <translation>Álbumes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="255" />
        <source>Abre un álbum con doble clic. Arrastra fotos o carpetas sobre un álbum para subirlas.</source>
        <translation>Abre un álbum con doble clic. Arrastra fotos o carpetas sobre un álbum para subirlas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="257" />
        <location filename="../../desktop/views/albums.py" line="303" />
        <source>Nuevo álbum</source>
        <translation>Nuevo álbum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="258" />
        <source>Renombrar</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="259" />
        <location filename="../../desktop/views/albums.py" line="337" />
        <source>Eliminar</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="260" />
        <source>«Fotos de perfil» guarda tus fotos de perfil y se llena sola: no se puede renombrar, borrar ni subir a él.</source>
        <translation>«Fotos de perfil» guarda tus fotos de perfil y se llena sola: no se puede renombrar, borrar ni subir a él.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="290" />
        <source>Cargando álbumes…</source>
        <translation>Cargando álbumes…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="303" />
        <source>Nombre del álbum:</source>
        <translation>Nombre del álbum:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="314" />
        <source>Renombrar álbum</source>
        <translation>Renombrar álbum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="314" />
        <source>Nuevo nombre:</source>
        <translation>Nuevo nombre:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/albums.py" line="324" />
        <source>Se eliminarán también sus %n foto(s).</source>
        <translation><numerusform>Se eliminará también su foto.</numerusform><numerusform>Se eliminarán también sus %n fotos.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="326" />
        <source>El álbum está vacío.</source>
        <translation>El álbum está vacío.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="327" />
        <source>¿Eliminar el álbum «{name}»?</source>
        <translation>¿Eliminar el álbum «{name}»?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="328" />
        <source>Esta acción no se puede deshacer.</source>
        <translation>Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="335" />
        <source>Eliminar álbum</source>
        <translation>Eliminar álbum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="338" />
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>BackendBanner</name>
    <message>
        <location filename="../../desktop/views/login.py" line="71" />
        <source>Reintentar</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="73" />
        <source>Iniciando el servidor local…</source>
        <translation>Iniciando el servidor local…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="74" />
        <source>Conectando con el servidor…</source>
        <translation>Conectando con el servidor…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="77" />
        <source>El servidor local no pudo arrancar. Revisa el registro o prueba de nuevo.</source>
        <translation>El servidor local no pudo arrancar. Revisa el registro o prueba de nuevo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="80" />
        <source>No se puede conectar con el servidor. Comprueba la dirección en Ajustes.</source>
        <translation>No se puede conectar con el servidor. Comprueba la dirección en Ajustes.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../desktop/views/camera_dialog.py" line="31" />
        <source>Foto con la cámara</source>
        <translation>Foto con la cámara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/camera_dialog.py" line="32" />
        <source>Colócate dentro del óvalo y pulsa «Tomar foto».</source>
        <translation>Colócate dentro del óvalo y pulsa «Tomar foto».</translation>
    </message>
    <message>
        <location filename="../../desktop/views/camera_dialog.py" line="34" />
        <source>Activar el acceso con la cara</source>
        <translation>Activar el acceso con la cara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/camera_dialog.py" line="36" />
        <source>Mira a la cámara y sigue las indicaciones. Tomaremos {n} imágenes en unos segundos; solo se guarda lo necesario para reconocerte.</source>
        <translation>Mira a la cámara y sigue las indicaciones. Tomaremos {n} imágenes en unos segundos; solo se guarda lo necesario para reconocerte.</translation>
    </message>
</context>
<context>
    <name>ExtractTextPage</name>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="64" />
        <source>Extraer texto</source>
        <translation>Extraer texto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="65" />
        <source>Lee el texto de una imagen. La imagen no se guarda.</source>
        <translation>Lee el texto de una imagen. La imagen no se guarda.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="66" />
        <source>Elegir imagen…</source>
        <translation>Elegir imagen…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="67" />
        <source>Arrastra aquí una imagen con texto</source>
        <translation>Arrastra aquí una imagen con texto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="68" />
        <source>Texto encontrado</source>
        <translation>Texto encontrado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="69" />
        <source>Copiar</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="70" />
        <source>El texto aparecerá aquí.</source>
        <translation>El texto aparecerá aquí.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="74" />
        <source>Elige una imagen</source>
        <translation>Elige una imagen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="75" />
        <source>Imágenes ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="87" />
        <location filename="../../desktop/views/extract_text.py" line="93" />
        <source>Leyendo el texto…</source>
        <translation>Leyendo el texto…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/extract_text.py" line="98" />
        <source>%n línea(s) encontrada(s).</source>
        <translation><numerusform>%n línea encontrada.</numerusform><numerusform>%n líneas encontradas.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="99" />
        <source>No se encontró texto en esta imagen.</source>
        <translation>No se encontró texto en esta imagen.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="109" />
        <source>Copiado al portapapeles.</source>
        <translation>Copiado al portapapeles.</translation>
    </message>
</context>
<context>
    <name>FaceCapturePanel</name>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="73" />
        <source>Mira a la cámara</source>
        <translation>Mira a la cámara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="75" />
        <source>Mira al centro del óvalo</source>
        <translation>Mira al centro del óvalo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="76" />
        <source>Gira la cabeza despacio</source>
        <translation>Gira la cabeza despacio</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="77" />
        <source>Parpadea</source>
        <translation>Parpadea</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="82" />
        <source>Tomar foto</source>
        <translation>Tomar foto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="84" />
        <source>Empezar ahora</source>
        <translation>Empezar ahora</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="86" />
        <source>Empezar</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="90" />
        <source>Coloca tu cara dentro del óvalo: la captura empieza sola.</source>
        <translation>Coloca tu cara dentro del óvalo: la captura empieza sola.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="92" />
        <source>Pulsa «Empezar» y sigue las indicaciones.</source>
        <translation>Pulsa «Empezar» y sigue las indicaciones.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="94" />
        <source>Coloca tu cara dentro del óvalo.</source>
        <translation>Coloca tu cara dentro del óvalo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="113" />
        <source>Abriendo la cámara…</source>
        <translation>Abriendo la cámara…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="189" />
        <source>Capturando… no te muevas del óvalo.</source>
        <translation>Capturando… no te muevas del óvalo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="203" />
        <source>Comprobando…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
<context>
    <name>FaceTags</name>
    <message>
        <location filename="../../desktop/views/home.py" line="27" />
        <source>Sonríe</source>
        <translation>Sonríe</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="27" />
        <source>Sin sonrisa</source>
        <translation>Sin sonrisa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="28" />
        <source>Gafas</source>
        <translation>Gafas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="29" />
        <source>Gafas de sol</source>
        <translation>Gafas de sol</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="30" />
        <source>Barba</source>
        <translation>Barba</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="31" />
        <source>Bigote</source>
        <translation>Bigote</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="32" />
        <source>Ojos abiertos</source>
        <translation>Ojos abiertos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="32" />
        <source>Ojos cerrados</source>
        <translation>Ojos cerrados</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="33" />
        <source>Boca abierta</source>
        <translation>Boca abierta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="36" />
        <source>Hombre</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="37" />
        <source>Mujer</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="39" />
        <source>Edad {low}–{high}</source>
        <translation>Edad {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="40" />
        <source>Emoción: {emotion}</source>
        <translation>Emoción: {emotion}</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../desktop/views/home.py" line="136" />
        <location filename="../../desktop/views/home.py" line="162" />
        <source>Hola, {name}</source>
        <translation>Hola, {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="137" />
        <source>Inicio</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="138" />
        <source>Etiquetas de tu foto de perfil</source>
        <translation>Etiquetas de tu foto de perfil</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="139" />
        <source>¿Qué quieres hacer?</source>
        <translation>¿Qué quieres hacer?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="141" />
        <source>Ver álbumes</source>
        <translation>Ver álbumes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="141" />
        <source>Editar álbumes</source>
        <translation>Editar álbumes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="142" />
        <source>Subir foto</source>
        <translation>Subir foto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="142" />
        <source>Extraer texto</source>
        <translation>Extraer texto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="143" />
        <source>Ajustes de la cuenta</source>
        <translation>Ajustes de la cuenta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="143" />
        <source>Cerrar sesión</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="183" />
        <source>Analizando tu foto…</source>
        <translation>Analizando tu foto…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="191" />
        <source>No hay etiquetas para esta foto.</source>
        <translation>No hay etiquetas para esta foto.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../desktop/views/login.py" line="211" />
        <source>Tus fotos, protegidas con tu cara.</source>
        <translation>Tus fotos, protegidas con tu cara.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="212" />
        <source>Usuario y contraseña</source>
        <translation>Usuario y contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="213" />
        <source>Cámara</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="214" />
        <source>Usuario o correo</source>
        <translation>Usuario o correo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="215" />
        <source>p. ej. ana o ana@ejemplo.com</source>
        <translation>p. ej. ana o ana@ejemplo.com</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="216" />
        <source>Contraseña</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="217" />
        <location filename="../../desktop/views/login.py" line="256" />
        <location filename="../../desktop/views/login.py" line="262" />
        <source>Entrar</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="218" />
        <source>Usuario o correo (opcional)</source>
        <translation>Usuario o correo (opcional)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="219" />
        <source>Déjalo vacío y te buscamos por la cara</source>
        <translation>Déjalo vacío y te buscamos por la cara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="220" />
        <source>¿No tienes cuenta?</source>
        <translation>¿No tienes cuenta?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="221" />
        <source>Crear una cuenta</source>
        <translation>Crear una cuenta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="222" />
        <source>Ajustes</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="249" />
        <source>Entrando…</source>
        <translation>Entrando…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="289" />
        <location filename="../../desktop/views/login.py" line="338" />
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="290" />
        <location filename="../../desktop/views/login.py" line="339" />
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="291" />
        <source>Demasiados intentos. Vuelve a probar dentro de {wait}.</source>
        <translation>Demasiados intentos. Vuelve a probar dentro de {wait}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="337" />
        <source>Vuelve a probar dentro de {wait}.</source>
        <translation>Vuelve a probar dentro de {wait}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="347" />
        <source>Intentar de nuevo</source>
        <translation>Intentar de nuevo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="168" />
        <source>Inicio</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="168" />
        <source>Álbumes</source>
        <translation>Álbumes</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169" />
        <source>Extraer texto</source>
        <translation>Extraer texto</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169" />
        <source>Cuenta</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="172" />
        <source>Ajustes</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="173" />
        <source>Cerrar sesión</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="289" />
        <source>Tu cuenta se ha eliminado.</source>
        <translation>Tu cuenta se ha eliminado.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="298" />
        <source>Subir fotos</source>
        <translation>Subir fotos</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="299" />
        <source>Primero crea un álbum en «Álbumes».</source>
        <translation>Primero crea un álbum en «Álbumes».</translation>
    </message>
</context>
<context>
    <name>PhotoPage</name>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="165" />
        <source>Detalles</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="166" />
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="167" />
        <source>Descripción</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="168" />
        <source>Guardar</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="169" />
        <source>Etiquetas</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="170" />
        <source>Traducción</source>
        <translation>Traducción</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="171" />
        <source>Organizar</source>
        <translation>Organizar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="172" />
        <source>Mover</source>
        <translation>Mover</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="173" />
        <location filename="../../desktop/views/photo_view.py" line="399" />
        <source>Eliminar foto</source>
        <translation>Eliminar foto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="175" />
        <location filename="../../desktop/views/photo_view.py" line="184" />
        <source>Volver al álbum</source>
        <translation>Volver al álbum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="222" />
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="224" />
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="226" />
        <source>tomada el {date}</source>
        <translation>tomada el {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="236" />
        <source>No se pudieron calcular las etiquetas.</source>
        <translation>No se pudieron calcular las etiquetas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="238" />
        <source>Este servidor no calcula etiquetas.</source>
        <translation>Este servidor no calcula etiquetas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="240" />
        <source>Calculando etiquetas…</source>
        <translation>Calculando etiquetas…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="243" />
        <source>Las etiquetas todavía no están listas; vuelve a abrir la foto más tarde.</source>
        <translation>Las etiquetas todavía no están listas; vuelve a abrir la foto más tarde.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="245" />
        <source>Sin etiquetas para esta foto.</source>
        <translation>Sin etiquetas para esta foto.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="274" />
        <source>Cargando idiomas…</source>
        <translation>Cargando idiomas…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="294" />
        <source>Elige un idioma…</source>
        <translation>Elige un idioma…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="302" />
        <source>Elige un idioma para leer la descripción traducida.</source>
        <translation>Elige un idioma para leer la descripción traducida.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="303" />
        <source>Este servidor no ofrece traducciones.</source>
        <translation>Este servidor no ofrece traducciones.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="313" />
        <source>Esta foto no tiene descripción que traducir.</source>
        <translation>Esta foto no tiene descripción que traducir.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="322" />
        <source>Traduciendo…</source>
        <translation>Traduciendo…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="337" />
        <source>Traducido del «{source}» ({engine})</source>
        <translation>Traducido del «{source}» ({engine})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="360" />
        <source>Guardando…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="366" />
        <source>Guardado</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="374" />
        <location filename="../../desktop/views/photo_view.py" line="376" />
        <source>No se pudo guardar</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="391" />
        <source>Movida a «{album}»</source>
        <translation>Movida a «{album}»</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="400" />
        <source>¿Eliminar «{name}»? No se puede deshacer.</source>
        <translation>¿Eliminar «{name}»? No se puede deshacer.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="402" />
        <source>Eliminar</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="403" />
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../desktop/views/register.py" line="155" />
        <source>Volver a entrar</source>
        <translation>Volver a entrar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="156" />
        <source>Crea tu cuenta</source>
        <translation>Crea tu cuenta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="157" />
        <source>Tu foto de perfil abre el álbum «Fotos de perfil» y, si quieres, te permitirá entrar con la cara.</source>
        <translation>Tu foto de perfil abre el álbum «Fotos de perfil» y, si quieres, te permitirá entrar con la cara.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="159" />
        <source>Foto de perfil</source>
        <translation>Foto de perfil</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="160" />
        <source>Una foto tuya, de frente y con buena luz.</source>
        <translation>Una foto tuya, de frente y con buena luz.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="161" />
        <source>Elegir archivo…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="162" />
        <source>Usar la cámara</source>
        <translation>Usar la cámara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="164" />
        <source>Nombre de usuario</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="165" />
        <source>Correo electrónico</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="166" />
        <source>Nombre completo (opcional)</source>
        <translation>Nombre completo (opcional)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="167" />
        <source>Contraseña</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="168" />
        <source>Repite la contraseña</source>
        <translation>Repite la contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="172" />
        <source>letras, números, . _ -</source>
        <translation>letras, números, . _ -</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="173" />
        <source>nombre@ejemplo.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="174" />
        <location filename="../../desktop/views/register.py" line="278" />
        <location filename="../../desktop/views/register.py" line="284" />
        <source>Crear cuenta</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="186" />
        <source>De 3 a 32 caracteres: letras, números, punto, guion o guion bajo.</source>
        <translation>De 3 a 32 caracteres: letras, números, punto, guion o guion bajo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="188" />
        <source>Escribe un correo válido.</source>
        <translation>Escribe un correo válido.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="190" />
        <source>Como mucho 100 caracteres.</source>
        <translation>Como mucho 100 caracteres.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="192" />
        <source>Al menos 8 caracteres.</source>
        <translation>Al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="194" />
        <source>Las contraseñas no coinciden.</source>
        <translation>Las contraseñas no coinciden.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="196" />
        <location filename="../../desktop/views/register.py" line="260" />
        <source>Elige una foto de perfil.</source>
        <translation>Elige una foto de perfil.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="211" />
        <source>Contraseña demasiado corta</source>
        <translation>Contraseña demasiado corta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="212" />
        <source>Demasiado fácil de adivinar</source>
        <translation>Demasiado fácil de adivinar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="213" />
        <source>Mejor con mayúsculas, números o símbolos</source>
        <translation>Mejor con mayúsculas, números o símbolos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="214" />
        <source>Contraseña buena</source>
        <translation>Contraseña buena</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="215" />
        <source>Contraseña fuerte</source>
        <translation>Contraseña fuerte</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="224" />
        <source>Elige tu foto de perfil</source>
        <translation>Elige tu foto de perfil</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="225" />
        <source>Imágenes ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="237" />
        <source>Ese archivo no es una imagen JPEG, PNG, WebP o HEIC.</source>
        <translation>Ese archivo no es una imagen JPEG, PNG, WebP o HEIC.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="267" />
        <source>Creando la cuenta…</source>
        <translation>Creando la cuenta…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="107" />
        <source>Ajustes</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="108" />
        <source>Servidor</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="109" />
        <source>Servidor local incluido (tus fotos se quedan en este equipo)</source>
        <translation>Servidor local incluido (tus fotos se quedan en este equipo)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="110" />
        <source>Servidor remoto (la nube)</source>
        <translation>Servidor remoto (la nube)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="111" />
        <source>Al cambiar de servidor tendrás que volver a entrar.</source>
        <translation>Al cambiar de servidor tendrás que volver a entrar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="112" />
        <source>Idioma</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="113" />
        <source>Como el sistema</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="114" />
        <source>Cámara</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="116" />
        <source>Cámara {n}</source>
        <translation>Cámara {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="117" />
        <source>Archivo…</source>
        <translation>Archivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="118" />
        <source>Una cámara del equipo, o un vídeo o una foto que haga de cámara (útil para pruebas y demostraciones).</source>
        <translation>Una cámara del equipo, o un vídeo o una foto que haga de cámara (útil para pruebas y demostraciones).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="120" />
        <source>Sesión</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="123" />
        <source>La sesión se guarda en el llavero del sistema ({backend}): no tendrás que entrar cada vez.</source>
        <translation>La sesión se guarda en el llavero del sistema ({backend}): no tendrás que entrar cada vez.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="126" />
        <source>No hay llavero del sistema disponible: la sesión se guarda solo en memoria y tendrás que entrar cada vez que abras la app.</source>
        <translation>No hay llavero del sistema disponible: la sesión se guarda solo en memoria y tendrás que entrar cada vez que abras la app.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="128" />
        <source>Guardar</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="135" />
        <source>Vídeo o foto que hará de cámara</source>
        <translation>Vídeo o foto que hará de cámara</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="136" />
        <source>Vídeos e imágenes ({patterns})</source>
        <translation>Vídeos e imágenes ({patterns})</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <location filename="../../desktop/views/uploads.py" line="376" />
        <source>Subir fotos</source>
        <translation>Subir fotos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="377" />
        <source>Elegir archivos…</source>
        <translation>Elegir archivos…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="378" />
        <source>Álbum</source>
        <translation>Álbum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="379" />
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="380" />
        <source>Descripción</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="381" />
        <source>Opcional: se puede traducir a otros idiomas</source>
        <translation>Opcional: se puede traducir a otros idiomas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="382" />
        <source>Subir</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="391" />
        <source>Elige las fotos</source>
        <translation>Elige las fotos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="392" />
        <source>Imágenes ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="405" />
        <source>%n elemento(s) elegido(s)</source>
        <translation><numerusform>%n elemento elegido</numerusform><numerusform>%n elementos elegidos</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="407" />
        <source>Arrastra aquí fotos o carpetas
o elige archivos</source>
        <translation>Arrastra aquí fotos o carpetas
o elige archivos</translation>
    </message>
</context>
<context>
    <name>UploadPanel</name>
    <message>
        <location filename="../../desktop/views/uploads.py" line="258" />
        <source>Subidas</source>
        <translation>Subidas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="259" />
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="260" />
        <source>Cerrar</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="272" />
        <source>Subiendo… {percent} %</source>
        <translation>Subiendo… {percent} %</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="274" />
        <source>Se reintentará al final</source>
        <translation>Se reintentará al final</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="274" />
        <source>En cola</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="276" />
        <source>Subida</source>
        <translation>Subida</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="278" />
        <source>Cancelada</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="279" />
        <source>Omitida</source>
        <translation>Omitida</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="279" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="319" />
        <source>%n subida(s)</source>
        <translation><numerusform>%n subida</numerusform><numerusform>%n subidas</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="321" />
        <source>%n omitida(s)</source>
        <translation><numerusform>%n omitida</numerusform><numerusform>%n omitidas</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="323" />
        <source>%n con error</source>
        <translation><numerusform>%n con error</numerusform><numerusform>%n con error</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="325" />
        <source>%n cancelada(s)</source>
        <translation><numerusform>%n cancelada</numerusform><numerusform>%n canceladas</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="326" />
        <source>{done} de {total}</source>
        <translation>{done} de {total}</translation>
    </message>
</context>
</TS>