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
        <source>Abre un álbum con doble clic. Arrastra fotos o carpetas sobre un álbum para subirlas.</source>
        <translation>Double-click an album to open it. Drag photos or folders onto an album to upload them.</translation>
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
        <source>«Fotos de perfil» guarda tus fotos de perfil y se llena sola: no se puede renombrar, borrar ni subir a él.</source>
        <translation>“Fotos de perfil” keeps your profile photos and fills itself: it cannot be renamed, deleted or uploaded into.</translation>
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
        <source>Organizar</source>
        <translation>Organise</translation>
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
        <source>Las etiquetas todavía no están listas; vuelve a abrir la foto más tarde.</source>
        <translation>The tags are not ready yet; open the photo again later.</translation>
    </message>
    <message>
        <source>Sin etiquetas para esta foto.</source>
        <translation>No tags for this photo.</translation>
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
        <source>Traducido del «{source}» ({engine})</source>
        <translation>Translated from “{source}” ({engine})</translation>
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
        <source>¿Eliminar «{name}»? No se puede deshacer.</source>
        <translation>Delete “{name}”? This cannot be undone.</translation>
    </message>
    <message>
        <source>Eliminar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
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
        <translation>Your profile photo starts the “Fotos de perfil” album and, if you like, lets you log in with your face.</translation>
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
