<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>AccountPage</name>
    <message>
        <source>Ajustes de la cuenta</source>
        <translation>Account settings</translation>
    </message>
    <message>
        <source>Los cambios importantes piden tu contraseña actual.</source>
        <translation>Important changes ask for your current password.</translation>
    </message>
    <message>
        <source>Datos personales</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <source>Cambiar foto…</source>
        <translation>Change photo…</translation>
    </message>
    <message>
        <source>Usar la cámara</source>
        <translation>Use the camera</translation>
    </message>
    <message>
        <source>Nombre de usuario</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Correo electrónico</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Nombre completo</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Contraseña actual (para guardar)</source>
        <translation>Current password (to save)</translation>
    </message>
    <message>
        <source>Guardar cambios</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Contraseña actual</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Nueva contraseña</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repite la nueva</source>
        <translation>Repeat the new one</translation>
    </message>
    <message>
        <source>Cambiar contraseña</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Acceso con la cara</source>
        <translation>Face login</translation>
    </message>
    <message>
        <source>Entra mirando a la cámara. Guardamos solo lo necesario para reconocerte y lo borramos al desactivarlo. Tu contraseña sigue funcionando siempre.</source>
        <translation>Log in by looking at the camera. We keep only what is needed to recognise you and delete it when you turn this off. Your password always keeps working.</translation>
    </message>
    <message>
        <source>Desactivar</source>
        <translation>Turn off</translation>
    </message>
    <message>
        <source>Entrar sin escribir mi nombre de usuario</source>
        <translation>Log in without typing my username</translation>
    </message>
    <message>
        <source>Aviso: cualquiera que se te parezca mucho podría intentar entrar como tú sin saber tu usuario.</source>
        <translation>Warning: anyone who looks very much like you could try to log in as you without knowing your username.</translation>
    </message>
    <message>
        <source>Eliminar la cuenta</source>
        <translation>Delete the account</translation>
    </message>
    <message>
        <source>Se borrarán tu cuenta, todos tus álbumes y fotos y tus datos de acceso con la cara. Esta acción es irreversible.</source>
        <translation>Your account, all your albums and photos and your face login data will be erased. This cannot be undone.</translation>
    </message>
    <message>
        <source>Eliminar mi cuenta</source>
        <translation>Delete my account</translation>
    </message>
    <message>
        <source>Comprobando…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Activado desde el {date}.</source>
        <translation>On since {date}.</translation>
    </message>
    <message>
        <source>Activado.</source>
        <translation>On.</translation>
    </message>
    <message>
        <source>Volver a registrar</source>
        <translation>Enrol again</translation>
    </message>
    <message>
        <source>Desactivado.</source>
        <translation>Off.</translation>
    </message>
    <message>
        <source>Activar</source>
        <translation>Turn on</translation>
    </message>
    <message>
        <source>Elige tu foto de perfil</source>
        <translation>Choose your profile photo</translation>
    </message>
    <message>
        <source>Imágenes ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <source>Pulsa «Guardar cambios» para usar la nueva foto.</source>
        <translation>Press “Save changes” to use the new photo.</translation>
    </message>
    <message>
        <source>Escribe tu contraseña actual para guardar.</source>
        <translation>Type your current password to save.</translation>
    </message>
    <message>
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Cambios guardados.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <source>Las contraseñas no coinciden.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <source>Al menos 8 caracteres.</source>
        <translation>At least 8 characters.</translation>
    </message>
    <message>
        <source>Demasiado fácil de adivinar</source>
        <translation>Too easy to guess</translation>
    </message>
    <message>
        <source>Mejor con mayúsculas, números o símbolos</source>
        <translation>Better with capitals, digits or symbols</translation>
    </message>
    <message>
        <source>Contraseña buena</source>
        <translation>Good password</translation>
    </message>
    <message>
        <source>Contraseña fuerte</source>
        <translation>Strong password</translation>
    </message>
    <message>
        <source>Contraseña cambiada. Las demás sesiones se han cerrado.</source>
        <translation>Password changed. Your other sessions were closed.</translation>
    </message>
    <message>
        <source>Escribe tu contraseña actual para continuar.</source>
        <translation>Type your current password to continue.</translation>
    </message>
    <message>
        <source>Registrando tu cara…</source>
        <translation>Enrolling your face…</translation>
    </message>
    <message>
        <source>Listo: ya puedes entrar con la cara.</source>
        <translation>Done: you can now log in with your face.</translation>
    </message>
    <message>
        <source>Ya puedes entrar con la cara sin escribir tu usuario.</source>
        <translation>You can now log in by face without typing your username.</translation>
    </message>
    <message>
        <source>Para entrar con la cara tendrás que escribir tu usuario.</source>
        <translation>To log in by face you will type your username.</translation>
    </message>
    <message>
        <source>Acceso con la cara desactivado y datos biométricos borrados.</source>
        <translation>Face login turned off and biometric data deleted.</translation>
    </message>
    <message>
        <source>¿Seguro? Se borrará todo y no se podrá recuperar.</source>
        <translation>Are you sure? Everything will be erased and cannot be recovered.</translation>
    </message>
    <message>
        <source>Eliminar para siempre</source>
        <translation>Delete forever</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AlbumPage</name>
    <message>
        <source>Álbumes</source>
        <translation>Albums</translation>
    </message>
    <message>
        <source>Subir fotos</source>
        <translation>Upload photos</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) movida(s) a la papelera</source>
        <translation>
            <numerusform>%n photo moved to the trash</numerusform>
            <numerusform>%n photos moved to the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) movida(s) a «%1»</source>
        <translation>
            <numerusform>%n photo moved to “%1”</numerusform>
            <numerusform>%n photos moved to “%1”</numerusform>
        </translation>
    </message>
    <message>
        <source>Exportar originales a…</source>
        <translation>Export originals to…</translation>
    </message>
    <message>
        <source>Abrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Mover a</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>Eliminar…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>¿Mover «{name}» a la papelera? Podrás recuperarla durante 30 días.</source>
        <translation>Move “{name}” to the trash? You can restore it for 30 days.</translation>
    </message>
    <message numerus="yes">
        <source>¿Mover %n fotos a la papelera? Podrás recuperarlas durante 30 días.</source>
        <translation>
            <numerusform>Move %n photo to the trash? You can restore it for 30 days.</numerusform>
            <numerusform>Move %n photos to the trash? You can restore them for 30 days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mover a la papelera</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cargando fotos…</source>
        <translation>Loading photos…</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Se llena sola con tus fotos de perfil</source>
        <translation>Fills itself with your profile photos</translation>
    </message>
    <message>
        <source>Arrastra fotos o carpetas aquí para subirlas</source>
        <translation>Drag photos or folders here to upload them</translation>
    </message>
    <message>
        <source>Este álbum está vacío.
Arrastra aquí fotos o carpetas desde el gestor de archivos, o pulsa «Subir fotos».</source>
        <translation>This album is empty.
Drag photos or folders here from the file manager, or press “Upload photos”.</translation>
    </message>
</context>
<context>
    <name>Albums</name>
    <message>
        <source>Fotos de perfil</source>
        <translation>Profile photos</translation>
    </message>
</context>
<context>
    <name>AlbumsPage</name>
    <message numerus="yes">
        <source>%n foto(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Álbumes</source>
        <translation>Albums</translation>
    </message>
    <message>
        <source>Nuevo álbum</source>
        <translation>New album</translation>
    </message>
    <message>
        <source>Renombrar</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Eliminar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Abre un álbum con doble clic o Intro; clic derecho para renombrarlo o borrarlo. Arrastra fotos o carpetas sobre un álbum para subirlas.</source>
        <translation>Open an album with a double click or Enter; right-click to rename or delete it. Drag photos or folders onto an album to upload them.</translation>
    </message>
    <message>
        <source>«{name}» guarda tus fotos de perfil y se llena sola: no se puede renombrar, borrar ni subir a él.</source>
        <translation>“{name}” keeps your profile photos and fills itself: it cannot be renamed, deleted or uploaded into.</translation>
    </message>
    <message>
        <source>Cargando álbumes…</source>
        <translation>Loading albums…</translation>
    </message>
    <message>
        <source>Nombre del álbum:</source>
        <translation>Album name:</translation>
    </message>
    <message>
        <source>Renombrar álbum</source>
        <translation>Rename album</translation>
    </message>
    <message>
        <source>Nuevo nombre:</source>
        <translation>New name:</translation>
    </message>
    <message numerus="yes">
        <source>Se eliminarán también sus %n foto(s).</source>
        <translation>
            <numerusform>Its photo will be deleted too.</numerusform>
            <numerusform>Its %n photos will be deleted too.</numerusform>
        </translation>
    </message>
    <message>
        <source>El álbum está vacío.</source>
        <translation>The album is empty.</translation>
    </message>
    <message>
        <source>¿Eliminar el álbum «{name}»?</source>
        <translation>Delete the album “{name}”?</translation>
    </message>
    <message>
        <source>Esta acción no se puede deshacer.</source>
        <translation>This cannot be undone.</translation>
    </message>
    <message>
        <source>Eliminar álbum</source>
        <translation>Delete album</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Abrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Renombrar…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Eliminar…</source>
        <translation>Delete…</translation>
    </message>
</context>
<context>
    <name>BackendBanner</name>
    <message>
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Iniciando el servidor local…</source>
        <translation>Starting the local server…</translation>
    </message>
    <message>
        <source>Conectando con el servidor…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>El servidor local no pudo arrancar. Revisa el registro o prueba de nuevo.</source>
        <translation>The local server could not start. Check the log or try again.</translation>
    </message>
    <message>
        <source>No se puede conectar con el servidor. Comprueba la dirección en Ajustes.</source>
        <translation>Cannot reach the server. Check the address in Settings.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Foto con la cámara</source>
        <translation>Photo from the camera</translation>
    </message>
    <message>
        <source>Colócate dentro del óvalo y pulsa «Tomar foto».</source>
        <translation>Place yourself inside the oval and press “Take photo”.</translation>
    </message>
    <message>
        <source>Activar el acceso con la cara</source>
        <translation>Turn on face login</translation>
    </message>
    <message>
        <source>Mira a la cámara y sigue las indicaciones. Tomaremos {n} imágenes en unos segundos; solo se guarda lo necesario para reconocerte.</source>
        <translation>Look at the camera and follow the prompts. We will take {n} images in a few seconds; only what is needed to recognise you is kept.</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Duplicados</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Buscar de nuevo</source>
        <translation>Look again</translation>
    </message>
    <message numerus="yes">
        <source>Conservada «{name}»; %n foto(s) a la papelera</source>
        <translation>
            <numerusform>Kept “{name}”; %n photo moved to the trash</numerusform>
            <numerusform>Kept “{name}”; %n photos moved to the trash</numerusform>
        </translation>
    </message>
    <message>
        <source>Buscando fotos iguales o parecidas…</source>
        <translation>Looking for identical or similar photos…</translation>
    </message>
    <message>
        <source>No hay fotos repetidas.</source>
        <translation>No repeated photos.</translation>
    </message>
    <message numerus="yes">
        <source>%n grupo(s) por revisar</source>
        <translation>
            <numerusform>%n group to review</numerusform>
            <numerusform>%n groups to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExtractTextPage</name>
    <message>
        <source>Extraer texto</source>
        <translation>Extract text</translation>
    </message>
    <message>
        <source>Lee el texto de una imagen. La imagen no se guarda.</source>
        <translation>Read the text in an image. The image is not stored.</translation>
    </message>
    <message>
        <source>Elegir imagen…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <source>Arrastra aquí una imagen con texto</source>
        <translation>Drag an image with text here</translation>
    </message>
    <message>
        <source>Texto encontrado</source>
        <translation>Text found</translation>
    </message>
    <message>
        <source>Copiar</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>El texto aparecerá aquí.</source>
        <translation>The text will appear here.</translation>
    </message>
    <message>
        <source>Elige una imagen</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <source>Imágenes ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <source>Leyendo el texto…</source>
        <translation>Reading the text…</translation>
    </message>
    <message numerus="yes">
        <source>%n línea(s) encontrada(s).</source>
        <translation>
            <numerusform>%n line found.</numerusform>
            <numerusform>%n lines found.</numerusform>
        </translation>
    </message>
    <message>
        <source>No se encontró texto en esta imagen.</source>
        <translation>No text was found in this image.</translation>
    </message>
    <message>
        <source>Copiado al portapapeles.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>FaceCapturePanel</name>
    <message>
        <source>Mira a la cámara</source>
        <translation>Look at the camera</translation>
    </message>
    <message>
        <source>Gira la cabeza hacia tu izquierda</source>
        <translation>Turn your head to your left</translation>
    </message>
    <message>
        <source>Gira la cabeza hacia tu derecha</source>
        <translation>Turn your head to your right</translation>
    </message>
    <message>
        <source>Mira de frente a la cámara</source>
        <translation>Look straight at the camera</translation>
    </message>
    <message>
        <source>Tomar foto</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>Empezar ahora</source>
        <translation>Start now</translation>
    </message>
    <message>
        <source>Empezar</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Coloca tu cara dentro del óvalo: la captura empieza sola.</source>
        <translation>Place your face inside the oval: capture starts by itself.</translation>
    </message>
    <message>
        <source>Pulsa «Empezar» y sigue las flechas.</source>
        <translation>Press “Start” and follow the arrows.</translation>
    </message>
    <message>
        <source>Pulsa «Empezar» y sigue las indicaciones.</source>
        <translation>Press “Start” and follow the prompts.</translation>
    </message>
    <message>
        <source>Coloca tu cara dentro del óvalo.</source>
        <translation>Place your face inside the oval.</translation>
    </message>
    <message>
        <source>Abriendo la cámara…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>Preparando los pasos…</source>
        <translation>Preparing the steps…</translation>
    </message>
    <message>
        <source>Capturando… no te muevas del óvalo.</source>
        <translation>Capturing… stay inside the oval.</translation>
    </message>
    <message>
        <source>Sigue las indicaciones sin salir del óvalo.</source>
        <translation>Follow the prompts without leaving the oval.</translation>
    </message>
    <message>
        <source>Comprobando…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>FaceImageLabel</name>
    <message>
        <source>¿Quién es?</source>
        <translation>Who is this?</translation>
    </message>
    <message>
        <source>Yo</source>
        <translation>Me</translation>
    </message>
</context>
<context>
    <name>FaceTags</name>
    <message>
        <source>Sonríe</source>
        <translation>Smiling</translation>
    </message>
    <message>
        <source>Sin sonrisa</source>
        <translation>Not smiling</translation>
    </message>
    <message>
        <source>Gafas</source>
        <translation>Glasses</translation>
    </message>
    <message>
        <source>Gafas de sol</source>
        <translation>Sunglasses</translation>
    </message>
    <message>
        <source>Barba</source>
        <translation>Beard</translation>
    </message>
    <message>
        <source>Bigote</source>
        <translation>Moustache</translation>
    </message>
    <message>
        <source>Ojos abiertos</source>
        <translation>Eyes open</translation>
    </message>
    <message>
        <source>Ojos cerrados</source>
        <translation>Eyes closed</translation>
    </message>
    <message>
        <source>Boca abierta</source>
        <translation>Mouth open</translation>
    </message>
    <message>
        <source>Hombre</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Mujer</source>
        <translation>Woman</translation>
    </message>
    <message>
        <source>Edad {low}–{high}</source>
        <translation>Age {low}–{high}</translation>
    </message>
    <message>
        <source>Emoción: {emotion}</source>
        <translation>Emotion: {emotion}</translation>
    </message>
</context>
<context>
    <name>GroupCard</name>
    <message>
        <source>Iguales</source>
        <translation>Identical</translation>
    </message>
    <message>
        <source>Parecidas</source>
        <translation>Similar</translation>
    </message>
    <message numerus="yes">
        <source>{kind} · %n foto(s)</source>
        <translation>
            <numerusform>{kind} · %n photo</numerusform>
            <numerusform>{kind} · %n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Conservar esta (sugerida)</source>
        <translation>Keep this one (suggested)</translation>
    </message>
    <message>
        <source>Conservar esta</source>
        <translation>Keep this one</translation>
    </message>
    <message>
        <source>Conservar la elegida y mover las demás a la papelera</source>
        <translation>Keep the chosen one and move the others to the trash</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Hola, {name}</source>
        <translation>Hello, {name}</translation>
    </message>
    <message>
        <source>Inicio</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Etiquetas de tu foto de perfil</source>
        <translation>Tags of your profile photo</translation>
    </message>
    <message>
        <source>¿Qué quieres hacer?</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <source>Ver álbumes</source>
        <translation>View albums</translation>
    </message>
    <message>
        <source>Editar álbumes</source>
        <translation>Edit albums</translation>
    </message>
    <message>
        <source>Subir foto</source>
        <translation>Upload photo</translation>
    </message>
    <message>
        <source>Extraer texto</source>
        <translation>Extract text</translation>
    </message>
    <message>
        <source>Ajustes de la cuenta</source>
        <translation>Account settings</translation>
    </message>
    <message>
        <source>Cerrar sesión</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Analizando tu foto…</source>
        <translation>Analysing your photo…</translation>
    </message>
    <message>
        <source>No hay etiquetas para esta foto.</source>
        <translation>There are no tags for this photo.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Tus fotos, protegidas con tu cara.</source>
        <translation>Your photos, protected by your face.</translation>
    </message>
    <message>
        <source>Usuario y contraseña</source>
        <translation>Username and password</translation>
    </message>
    <message>
        <source>Cámara</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Usuario o correo</source>
        <translation>Username or email</translation>
    </message>
    <message>
        <source>p. ej. ana o ana@ejemplo.com</source>
        <translation>e.g. ana or ana@example.com</translation>
    </message>
    <message>
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Entrar</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Usuario o correo (opcional)</source>
        <translation>Username or email (optional)</translation>
    </message>
    <message>
        <source>Déjalo vacío y te buscamos por la cara</source>
        <translation>Leave it empty and we find you by your face</translation>
    </message>
    <message>
        <source>¿No tienes cuenta?</source>
        <translation>No account yet?</translation>
    </message>
    <message>
        <source>Crear una cuenta</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <source>Ajustes</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Entrando…</source>
        <translation>Logging in…</translation>
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
        <translation>Too many attempts. Try again in {wait}.</translation>
    </message>
    <message>
        <source>Vuelve a probar dentro de {wait}.</source>
        <translation>Try again in {wait}.</translation>
    </message>
    <message>
        <source>Intentar de nuevo</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inicio</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Álbumes</source>
        <translation>Albums</translation>
    </message>
    <message>
        <source>Fotos donde aparezco</source>
        <translation>Photos of me</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Duplicados</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Papelera</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Extraer texto</source>
        <translation>Extract text</translation>
    </message>
    <message>
        <source>Cuenta</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Ajustes</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Buscar fotos: nombre, etiqueta, texto, álbum… (Ctrl+F)</source>
        <translation>Search photos: name, tag, text, album… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cerrar sesión</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Tu cuenta se ha eliminado.</source>
        <translation>Your account has been deleted.</translation>
    </message>
    <message>
        <source>Subir fotos</source>
        <translation>Upload photos</translation>
    </message>
    <message>
        <source>Primero crea un álbum en «Álbumes».</source>
        <translation>First create an album in “Albums”.</translation>
    </message>
    <message>
        <source>Subidas pendientes</source>
        <translation>Uploads pending</translation>
    </message>
    <message numerus="yes">
        <source>Quedan %n foto(s) por subir.</source>
        <translation>
            <numerusform>%n photo is still to upload.</numerusform>
            <numerusform>%n photos are still to upload.</numerusform>
        </translation>
    </message>
    <message>
        <source>Si sales ahora, se subirán la próxima vez que entres con esta cuenta.</source>
        <translation>If you quit now, they will upload the next time you log in with this account.</translation>
    </message>
    <message>
        <source>Seguir subiendo</source>
        <translation>Keep uploading</translation>
    </message>
    <message>
        <source>Salir y continuar después</source>
        <translation>Quit and continue later</translation>
    </message>
    <message>
        <source>Salir y descartarlas</source>
        <translation>Quit and discard them</translation>
    </message>
</context>
<context>
    <name>MyPhotosPage</name>
    <message>
        <source>Fotos donde aparezco</source>
        <translation>Photos of me</translation>
    </message>
    <message>
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Buscándote en tus fotos…</source>
        <translation>Looking for you in your photos…</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) en las que sales, encontradas con tu cara de inicio de sesión o tus fotos de perfil</source>
        <translation>
            <numerusform>%n photo you appear in, found with your face login or your profile photos</numerusform>
            <numerusform>%n photos you appear in, found with your face login or your profile photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Aún no te hemos encontrado en ninguna foto. Las caras se buscan en segundo plano al subir fotos.</source>
        <translation>You have not been found in any photo yet. Faces are looked for in the background after uploading.</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Personas</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Las caras de tus fotos, agrupadas. Ponles nombre, une grupos de la misma persona u oculta los que no te interesen.</source>
        <translation>The faces in your photos, grouped. Name them, merge groups of the same person, or hide the ones you do not care about.</translation>
    </message>
    <message>
        <source>Ver ocultas</source>
        <translation>Show hidden</translation>
    </message>
    <message>
        <source>Nombre de la persona</source>
        <translation>Person&apos;s name</translation>
    </message>
    <message>
        <source>Guardar nombre</source>
        <translation>Save name</translation>
    </message>
    <message>
        <source>Unir con…</source>
        <translation>Merge with…</translation>
    </message>
    <message>
        <source>Quitar cara (no es esta persona)</source>
        <translation>Remove face (not this person)</translation>
    </message>
    <message>
        <source>Confirmar</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Rechazar</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Sugerencias por confirmar</source>
        <translation>Suggestions to confirm</translation>
    </message>
    <message>
        <source>Yo</source>
        <translation>Me</translation>
    </message>
    <message>
        <source>¿Quién es?</source>
        <translation>Who is this?</translation>
    </message>
    <message numerus="yes">
        <source>{name} · %n foto(s)</source>
        <translation>
            <numerusform>{name} · %n photo</numerusform>
            <numerusform>{name} · %n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>oculta</source>
        <translation>hidden</translation>
    </message>
    <message>
        <source>¿Es?</source>
        <translation>Is it?</translation>
    </message>
    <message>
        <source>Doble clic para abrir la foto</source>
        <translation>Double-click to open the photo</translation>
    </message>
    <message numerus="yes">
        <source>Caras (%n)</source>
        <translation>
            <numerusform>Faces (%n)</numerusform>
            <numerusform>Faces (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>¿Es {name}?</source>
        <translation>Is it {name}?</translation>
    </message>
    <message numerus="yes">
        <source>Sugerencias por confirmar (%n)</source>
        <translation>
            <numerusform>Suggestions to confirm (%n)</numerusform>
            <numerusform>Suggestions to confirm (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Elige una persona</source>
        <translation>Choose a person</translation>
    </message>
    <message>
        <source>Caras</source>
        <translation>Faces</translation>
    </message>
    <message>
        <source>Mostrar</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Ocultar</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Guardado</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Unir personas</source>
        <translation>Merge people</translation>
    </message>
    <message>
        <source>¿Unir «{source}» con «{into}»? Sus caras pasarán a «{into}».</source>
        <translation>Merge “{source}” with “{into}”? Their faces will move to “{into}”.</translation>
    </message>
</context>
<context>
    <name>PhotoPage</name>
    <message>
        <source>Detalles</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Etiquetas</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Traducción</source>
        <translation>Translation</translation>
    </message>
    <message>
        <source>Mover a otro álbum</source>
        <translation>Move to another album</translation>
    </message>
    <message>
        <source>Foto anterior (←)</source>
        <translation>Previous photo (←)</translation>
    </message>
    <message>
        <source>Foto siguiente (→)</source>
        <translation>Next photo (→)</translation>
    </message>
    <message>
        <source>Ajustar</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Ajustar a la ventana (0)</source>
        <translation>Fit to window (0)</translation>
    </message>
    <message>
        <source>Tamaño real (1)</source>
        <translation>Actual size (1)</translation>
    </message>
    <message>
        <source>Acercar (+ o Ctrl+rueda)</source>
        <translation>Zoom in (+ or Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Alejar (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <source>Mover</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Eliminar foto</source>
        <translation>Delete photo</translation>
    </message>
    <message>
        <source>Volver al álbum</source>
        <translation>Back to the album</translation>
    </message>
    <message>
        <source>Volver a los resultados</source>
        <translation>Back to the results</translation>
    </message>
    <message>
        <source>Volver</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>People</translation>
    </message>
    <message>
        <source>¿Quién es?</source>
        <translation>Who is this?</translation>
    </message>
    <message>
        <source>Nombrar</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No es esta persona</source>
        <translation>Not this person</translation>
    </message>
    <message>
        <source>{n} de {total}</source>
        <translation>{n} of {total}</translation>
    </message>
    <message>
        <source>Salir de pantalla completa</source>
        <translation>Exit full screen</translation>
    </message>
    <message>
        <source>Pantalla completa</source>
        <translation>Full screen</translation>
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
        <translation>taken on {date}</translation>
    </message>
    <message>
        <source>Coincide: {words}</source>
        <translation>Matches: {words}</translation>
    </message>
    <message>
        <source>Coincide por su álbum, cámara o fecha.</source>
        <translation>Matches by its album, camera or date.</translation>
    </message>
    <message>
        <source>Texto en la imagen: {text}</source>
        <translation>Text in the image: {text}</translation>
    </message>
    <message>
        <source>No se pudieron calcular las etiquetas.</source>
        <translation>The tags could not be computed.</translation>
    </message>
    <message>
        <source>Este servidor no calcula etiquetas.</source>
        <translation>This server does not compute tags.</translation>
    </message>
    <message>
        <source>Calculando etiquetas…</source>
        <translation>Computing tags…</translation>
    </message>
    <message>
        <source>Caras ocultas. Pulsa F para mostrarlas.</source>
        <translation>Faces hidden. Press F to show them.</translation>
    </message>
    <message numerus="yes">
        <source>%n cara(s). Pulsa una cara para decir quién es; F las oculta.</source>
        <translation>
            <numerusform>%n face. Click a face to say who it is; F hides them.</numerusform>
            <numerusform>%n faces. Click a face to say who it is; F hides them.</numerusform>
        </translation>
    </message>
    <message>
        <source>No se han encontrado caras (todavía).</source>
        <translation>No faces found (yet).</translation>
    </message>
    <message>
        <source>Traducido de: {language}</source>
        <translation>Translated from: {language}</translation>
    </message>
    <message>
        <source>Mover a la papelera</source>
        <translation>Move to the trash</translation>
    </message>
    <message>
        <source>¿Mover «{name}» a la papelera? Podrás recuperarla durante 30 días.</source>
        <translation>Move “{name}” to the trash? You can restore it for 30 days.</translation>
    </message>
    <message>
        <source>«{name}» movida a la papelera</source>
        <translation>“{name}” moved to the trash</translation>
    </message>
    <message>
        <source>Sin etiquetas para esta foto.</source>
        <translation>No tags for this photo.</translation>
    </message>
    <message>
        <source>Las fotos de perfil se quedan en su álbum.</source>
        <translation>Profile photos stay in their album.</translation>
    </message>
    <message>
        <source>Crea otro álbum en «Álbumes» para poder mover aquí la foto.</source>
        <translation>Create another album in “Albums” to move the photo there.</translation>
    </message>
    <message>
        <source>Cargando idiomas…</source>
        <translation>Loading languages…</translation>
    </message>
    <message>
        <source>Elige un idioma…</source>
        <translation>Choose a language…</translation>
    </message>
    <message>
        <source>Elige un idioma para leer la descripción traducida.</source>
        <translation>Choose a language to read the description translated.</translation>
    </message>
    <message>
        <source>Este servidor no ofrece traducciones.</source>
        <translation>This server offers no translations.</translation>
    </message>
    <message>
        <source>Esta foto no tiene descripción que traducir.</source>
        <translation>This photo has no description to translate.</translation>
    </message>
    <message>
        <source>Traduciendo…</source>
        <translation>Translating…</translation>
    </message>
    <message>
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Guardado</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>No se pudo guardar</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>Movida a «{album}»</source>
        <translation>Moved to “{album}”</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProfilePhoto</name>
    <message>
        <source>No se ve ninguna cara en tu foto de perfil.</source>
        <translation>No face can be seen in your profile photo.</translation>
    </message>
    <message>
        <source>Tu foto de perfil muestra varias caras.</source>
        <translation>Your profile photo shows several faces.</translation>
    </message>
    <message>
        <source>La foto se guardó, pero las etiquetas de perfil y el acceso con la cara necesitan una foto con una sola cara: cámbiala en «Cuenta» cuando quieras.</source>
        <translation>The photo was saved, but profile tags and face login need a photo with one face: change it in “Account” whenever you like.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Volver a entrar</source>
        <translation>Back to log in</translation>
    </message>
    <message>
        <source>Crea tu cuenta</source>
        <translation>Create your account</translation>
    </message>
    <message>
        <source>Tu foto de perfil abre el álbum «Fotos de perfil» y, si quieres, te permitirá entrar con la cara.</source>
        <translation>Your profile photo starts the “Profile photos” album and, if you like, lets you log in with your face.</translation>
    </message>
    <message>
        <source>Foto de perfil</source>
        <translation>Profile photo</translation>
    </message>
    <message>
        <source>Una foto tuya, de frente y con buena luz.</source>
        <translation>A photo of you, facing the camera, in good light.</translation>
    </message>
    <message>
        <source>Elegir archivo…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Usar la cámara</source>
        <translation>Use the camera</translation>
    </message>
    <message>
        <source>Nombre de usuario</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Correo electrónico</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Nombre completo (opcional)</source>
        <translation>Full name (optional)</translation>
    </message>
    <message>
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repite la contraseña</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>letras, números, . _ -</source>
        <translation>letters, digits, . _ -</translation>
    </message>
    <message>
        <source>nombre@ejemplo.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Crear cuenta</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>De 3 a 32 caracteres: letras, números, punto, guion o guion bajo.</source>
        <translation>3 to 32 characters: letters, digits, dot, hyphen or underscore.</translation>
    </message>
    <message>
        <source>Escribe un correo válido.</source>
        <translation>Type a valid email.</translation>
    </message>
    <message>
        <source>Como mucho 100 caracteres.</source>
        <translation>At most 100 characters.</translation>
    </message>
    <message>
        <source>Al menos 8 caracteres.</source>
        <translation>At least 8 characters.</translation>
    </message>
    <message>
        <source>Las contraseñas no coinciden.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <source>Elige una foto de perfil.</source>
        <translation>Choose a profile photo.</translation>
    </message>
    <message>
        <source>Contraseña demasiado corta</source>
        <translation>Password too short</translation>
    </message>
    <message>
        <source>Demasiado fácil de adivinar</source>
        <translation>Too easy to guess</translation>
    </message>
    <message>
        <source>Mejor con mayúsculas, números o símbolos</source>
        <translation>Better with capitals, digits or symbols</translation>
    </message>
    <message>
        <source>Contraseña buena</source>
        <translation>Good password</translation>
    </message>
    <message>
        <source>Contraseña fuerte</source>
        <translation>Strong password</translation>
    </message>
    <message>
        <source>Elige tu foto de perfil</source>
        <translation>Choose your profile photo</translation>
    </message>
    <message>
        <source>Imágenes ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <source>Ese archivo no es una imagen JPEG, PNG, WebP o HEIC.</source>
        <translation>That file is not a JPEG, PNG, WebP or HEIC image.</translation>
    </message>
    <message>
        <source>Creando la cuenta…</source>
        <translation>Creating the account…</translation>
    </message>
</context>
<context>
    <name>SearchResultsPage</name>
    <message>
        <source>Entre fechas</source>
        <translation>Between dates</translation>
    </message>
    <message>
        <source>Con texto</source>
        <translation>With text</translation>
    </message>
    <message>
        <source>Todos los álbumes</source>
        <translation>All albums</translation>
    </message>
    <message>
        <source>Resultados para «{q}»</source>
        <translation>Results for “{q}”</translation>
    </message>
    <message>
        <source>Todas las fotos</source>
        <translation>All photos</translation>
    </message>
    <message>
        <source>Buscando…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <source>Más de %n foto(s)</source>
        <translation>
            <numerusform>More than %n photo</numerusform>
            <numerusform>More than %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Ninguna foto coincide. Prueba con otras palabras o quita algún filtro.</source>
        <translation>No photo matches. Try other words or remove a filter.</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <source>Mover a…</source>
        <translation>Move to…</translation>
    </message>
    <message>
        <source>Papelera</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Exportar…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Quitar selección</source>
        <translation>Clear selection</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) seleccionada(s)</source>
        <translation>
            <numerusform>%n photo selected</numerusform>
            <numerusform>%n photos selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Ajustes</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Servidor local incluido (tus fotos se quedan en este equipo)</source>
        <translation>Bundled local server (your photos stay on this computer)</translation>
    </message>
    <message>
        <source>Servidor remoto (la nube)</source>
        <translation>Remote server (the cloud)</translation>
    </message>
    <message>
        <source>Al cambiar de servidor tendrás que volver a entrar.</source>
        <translation>After switching servers you will log in again.</translation>
    </message>
    <message>
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Como el sistema</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <source>Cámara</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Cámara {n}</source>
        <translation>Camera {n}</translation>
    </message>
    <message>
        <source>Archivo…</source>
        <translation>File…</translation>
    </message>
    <message>
        <source>Una cámara del equipo, o un vídeo o una foto que haga de cámara (útil para pruebas y demostraciones).</source>
        <translation>A camera on this computer, or a video or photo acting as one (handy for tests and demos).</translation>
    </message>
    <message>
        <source>Sesión</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>La sesión se guarda en el llavero del sistema ({backend}): no tendrás que entrar cada vez.</source>
        <translation>The session is kept in the system keyring ({backend}): you will not have to log in every time.</translation>
    </message>
    <message>
        <source>No hay llavero del sistema disponible: la sesión se guarda solo en memoria y tendrás que entrar cada vez que abras la app.</source>
        <translation>No system keyring is available: the session is kept in memory only and you will log in each time you open the app.</translation>
    </message>
    <message>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Vídeo o foto que hará de cámara</source>
        <translation>Video or photo to act as the camera</translation>
    </message>
    <message>
        <source>Vídeos e imágenes ({patterns})</source>
        <translation>Videos and images ({patterns})</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Papelera</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Restaurar</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Vaciar papelera</source>
        <translation>Empty trash</translation>
    </message>
    <message>
        <source>¿Borrar para siempre las fotos de la papelera? No se puede deshacer.</source>
        <translation>Delete the photos in the trash for good? This cannot be undone.</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cargando…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n foto(s) · se borran solas a los 30 días</source>
        <translation>
            <numerusform>%n photo · deleted automatically after 30 days</numerusform>
            <numerusform>%n photos · deleted automatically after 30 days</numerusform>
        </translation>
    </message>
    <message>
        <source>La papelera está vacía.</source>
        <translation>The trash is empty.</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Deshacer (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <source>Subir fotos</source>
        <translation>Upload photos</translation>
    </message>
    <message>
        <source>Elegir archivos…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>Álbum</source>
        <translation>Album</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Opcional: se puede traducir a otros idiomas</source>
        <translation>Optional: it can be translated into other languages</translation>
    </message>
    <message>
        <source>Subir</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Elige las fotos</source>
        <translation>Choose the photos</translation>
    </message>
    <message>
        <source>Imágenes ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message numerus="yes">
        <source>%n elemento(s) elegido(s)</source>
        <translation>
            <numerusform>%n item chosen</numerusform>
            <numerusform>%n items chosen</numerusform>
        </translation>
    </message>
    <message>
        <source>Arrastra aquí fotos o carpetas
o elige archivos</source>
        <translation>Drag photos or folders here
or choose files</translation>
    </message>
</context>
<context>
    <name>UploadPanel</name>
    <message>
        <source>Subidas</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Volver a enviar los archivos con error</source>
        <translation>Send the failed files again</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Subiendo… {percent} %</source>
        <translation>Uploading… {percent} %</translation>
    </message>
    <message>
        <source>Se reintentará al final</source>
        <translation>Will retry at the end</translation>
    </message>
    <message>
        <source>En cola</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Subida</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <source>Cancelada</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Omitida</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message numerus="yes">
        <source>%n subida(s)</source>
        <translation>
            <numerusform>%n uploaded</numerusform>
            <numerusform>%n uploaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n omitida(s)</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n con error</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelada(s)</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message>
        <source>{done} de {total}</source>
        <translation>{done} of {total}</translation>
    </message>
</context>
</TS>
