<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../desktop/views/account.py" line="167" />
        <source>Ajustes de la cuenta</source>
        <translation>Account settings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="168" />
        <source>Los cambios importantes piden tu contraseña actual.</source>
        <translation>Important changes ask for your current password.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="169" />
        <source>Datos personales</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="170" />
        <source>Cambiar foto…</source>
        <translation>Change photo…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="171" />
        <source>Usar la cámara</source>
        <translation>Use the camera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="172" />
        <source>Nombre de usuario</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="173" />
        <source>Correo electrónico</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="174" />
        <source>Nombre completo</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="175" />
        <source>Contraseña actual (para guardar)</source>
        <translation>Current password (to save)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="176" />
        <source>Guardar cambios</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="177" />
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="178" />
        <location filename="../../desktop/views/account.py" line="186" />
        <location filename="../../desktop/views/account.py" line="192" />
        <source>Contraseña actual</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="179" />
        <source>Nueva contraseña</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="180" />
        <source>Repite la nueva</source>
        <translation>Repeat the new one</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="181" />
        <source>Cambiar contraseña</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="182" />
        <source>Acceso con la cara</source>
        <translation>Face login</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="184" />
        <source>Entra mirando a la cámara. Guardamos solo lo necesario para reconocerte y lo borramos al desactivarlo. Tu contraseña sigue funcionando siempre.</source>
        <translation>Log in by looking at the camera. We keep only what is needed to recognise you and delete it when you turn this off. Your password always keeps working.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="187" />
        <source>Desactivar</source>
        <translation>Turn off</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="188" />
        <location filename="../../desktop/views/account.py" line="377" />
        <source>Eliminar la cuenta</source>
        <translation>Delete the account</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="190" />
        <source>Se borrarán tu cuenta, todos tus álbumes y fotos y tus datos de acceso con la cara. Esta acción es irreversible.</source>
        <translation>Your account, all your albums and photos and your face login data will be erased. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="193" />
        <source>Eliminar mi cuenta</source>
        <translation>Delete my account</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="227" />
        <source>Comprobando…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="231" />
        <source>Activado desde el {date}.</source>
        <translation>On since {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="232" />
        <source>Activado.</source>
        <translation>On.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="233" />
        <source>Volver a registrar</source>
        <translation>Enrol again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="235" />
        <source>Desactivado.</source>
        <translation>Off.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="236" />
        <source>Activar</source>
        <translation>Turn on</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="249" />
        <source>Elige tu foto de perfil</source>
        <translation>Choose your profile photo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="250" />
        <source>Imágenes ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="267" />
        <source>Pulsa «Guardar cambios» para usar la nueva foto.</source>
        <translation>Press “Save changes” to use the new photo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="275" />
        <source>Escribe tu contraseña actual para guardar.</source>
        <translation>Type your current password to save.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="285" />
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="293" />
        <source>Cambios guardados.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="307" />
        <location filename="../../desktop/views/account.py" line="320" />
        <source>Las contraseñas no coinciden.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="311" />
        <location filename="../../desktop/views/account.py" line="323" />
        <source>Al menos 8 caracteres.</source>
        <translation>At least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="312" />
        <source>Demasiado fácil de adivinar</source>
        <translation>Too easy to guess</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="313" />
        <source>Mejor con mayúsculas, números o símbolos</source>
        <translation>Better with capitals, digits or symbols</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="314" />
        <source>Contraseña buena</source>
        <translation>Good password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="314" />
        <source>Contraseña fuerte</source>
        <translation>Strong password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="332" />
        <source>Contraseña cambiada. Las demás sesiones se han cerrado.</source>
        <translation>Password changed. Your other sessions were closed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="338" />
        <location filename="../../desktop/views/account.py" line="359" />
        <location filename="../../desktop/views/account.py" line="374" />
        <source>Escribe tu contraseña actual para continuar.</source>
        <translation>Type your current password to continue.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="345" />
        <source>Registrando tu cara…</source>
        <translation>Enrolling your face…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="351" />
        <source>Listo: ya puedes entrar con la cara.</source>
        <translation>Done: you can now log in with your face.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="367" />
        <source>Acceso con la cara desactivado y datos biométricos borrados.</source>
        <translation>Face login turned off and biometric data deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="378" />
        <source>¿Seguro? Se borrará todo y no se podrá recuperar.</source>
        <translation>Are you sure? Everything will be erased and cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="379" />
        <source>Eliminar para siempre</source>
        <translation>Delete forever</translation>
    </message>
    <message>
        <location filename="../../desktop/views/account.py" line="380" />
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AlbumPage</name>
    <message>
        <location filename="../../desktop/views/album_view.py" line="303" />
        <source>Álbumes</source>
        <translation>Albums</translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="304" />
        <source>Subir fotos</source>
        <translation>Upload photos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="328" />
        <source>Cargando fotos…</source>
        <translation>Loading photos…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/album_view.py" line="330" />
        <source>%n foto(s)</source>
        <translation><numerusform>%n photo</numerusform><numerusform>%n photos</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="332" />
        <source>Se llena sola con tus fotos de perfil</source>
        <translation>Fills itself with your profile photos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="334" />
        <source>Arrastra fotos o carpetas aquí para subirlas</source>
        <translation>Drag photos or folders here to upload them</translation>
    </message>
    <message>
        <location filename="../../desktop/views/album_view.py" line="339" />
        <source>Este álbum está vacío.
Arrastra aquí fotos o carpetas desde el gestor de archivos, o pulsa «Subir fotos».</source>
        <translation>This album is empty.
Drag photos or folders here from the file manager, or press “Upload photos”.</translation>
    </message>
</context>
<context>
    <name>AlbumsPage</name>
    <message numerus="yes">
        <location filename="../../desktop/views/albums.py" line="251" />
        <source>%n foto(s)</source>
        <translation><numerusform>%n photo</numerusform><numerusform>%n photos</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="254" />
        <source>Álbumes</source>
        <translation>Albums</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="255" />
        <source>Abre un álbum con doble clic. Arrastra fotos o carpetas sobre un álbum para subirlas.</source>
        <translation>Double-click an album to open it. Drag photos or folders onto an album to upload them.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="257" />
        <location filename="../../desktop/views/albums.py" line="303" />
        <source>Nuevo álbum</source>
        <translation>New album</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="258" />
        <source>Renombrar</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="259" />
        <location filename="../../desktop/views/albums.py" line="337" />
        <source>Eliminar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="260" />
        <source>«Fotos de perfil» guarda tus fotos de perfil y se llena sola: no se puede renombrar, borrar ni subir a él.</source>
        <translation>“Fotos de perfil” keeps your profile photos and fills itself: it cannot be renamed, deleted or uploaded into.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="290" />
        <source>Cargando álbumes…</source>
        <translation>Loading albums…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="303" />
        <source>Nombre del álbum:</source>
        <translation>Album name:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="314" />
        <source>Renombrar álbum</source>
        <translation>Rename album</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="314" />
        <source>Nuevo nombre:</source>
        <translation>New name:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/albums.py" line="324" />
        <source>Se eliminarán también sus %n foto(s).</source>
        <translation><numerusform>Its photo will be deleted too.</numerusform><numerusform>Its %n photos will be deleted too.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="326" />
        <source>El álbum está vacío.</source>
        <translation>The album is empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="327" />
        <source>¿Eliminar el álbum «{name}»?</source>
        <translation>Delete the album “{name}”?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="328" />
        <source>Esta acción no se puede deshacer.</source>
        <translation>This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="335" />
        <source>Eliminar álbum</source>
        <translation>Delete album</translation>
    </message>
    <message>
        <location filename="../../desktop/views/albums.py" line="338" />
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BackendBanner</name>
    <message>
        <location filename="../../desktop/views/login.py" line="71" />
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="73" />
        <source>Iniciando el servidor local…</source>
        <translation>Starting the local server…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="74" />
        <source>Conectando con el servidor…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="77" />
        <source>El servidor local no pudo arrancar. Revisa el registro o prueba de nuevo.</source>
        <translation>The local server could not start. Check the log or try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="80" />
        <source>No se puede conectar con el servidor. Comprueba la dirección en Ajustes.</source>
        <translation>Cannot reach the server. Check the address in Settings.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../desktop/views/camera_dialog.py" line="31" />
        <source>Foto con la cámara</source>
        <translation>Photo from the camera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/camera_dialog.py" line="32" />
        <source>Colócate dentro del óvalo y pulsa «Tomar foto».</source>
        <translation>Place yourself inside the oval and press “Take photo”.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/camera_dialog.py" line="34" />
        <source>Activar el acceso con la cara</source>
        <translation>Turn on face login</translation>
    </message>
    <message>
        <location filename="../../desktop/views/camera_dialog.py" line="36" />
        <source>Mira a la cámara y sigue las indicaciones. Tomaremos {n} imágenes en unos segundos; solo se guarda lo necesario para reconocerte.</source>
        <translation>Look at the camera and follow the prompts. We will take {n} images in a few seconds; only what is needed to recognise you is kept.</translation>
    </message>
</context>
<context>
    <name>ExtractTextPage</name>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="64" />
        <source>Extraer texto</source>
        <translation>Extract text</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="65" />
        <source>Lee el texto de una imagen. La imagen no se guarda.</source>
        <translation>Read the text in an image. The image is not stored.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="66" />
        <source>Elegir imagen…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="67" />
        <source>Arrastra aquí una imagen con texto</source>
        <translation>Drag an image with text here</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="68" />
        <source>Texto encontrado</source>
        <translation>Text found</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="69" />
        <source>Copiar</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="70" />
        <source>El texto aparecerá aquí.</source>
        <translation>The text will appear here.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="74" />
        <source>Elige una imagen</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="75" />
        <source>Imágenes ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="87" />
        <location filename="../../desktop/views/extract_text.py" line="93" />
        <source>Leyendo el texto…</source>
        <translation>Reading the text…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/extract_text.py" line="98" />
        <source>%n línea(s) encontrada(s).</source>
        <translation><numerusform>%n line found.</numerusform><numerusform>%n lines found.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="99" />
        <source>No se encontró texto en esta imagen.</source>
        <translation>No text was found in this image.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/extract_text.py" line="109" />
        <source>Copiado al portapapeles.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>FaceCapturePanel</name>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="73" />
        <source>Mira a la cámara</source>
        <translation>Look at the camera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="75" />
        <source>Mira al centro del óvalo</source>
        <translation>Look at the centre of the oval</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="76" />
        <source>Gira la cabeza despacio</source>
        <translation>Turn your head slowly</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="77" />
        <source>Parpadea</source>
        <translation>Blink</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="82" />
        <source>Tomar foto</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="84" />
        <source>Empezar ahora</source>
        <translation>Start now</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="86" />
        <source>Empezar</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="90" />
        <source>Coloca tu cara dentro del óvalo: la captura empieza sola.</source>
        <translation>Place your face inside the oval: capture starts by itself.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="92" />
        <source>Pulsa «Empezar» y sigue las indicaciones.</source>
        <translation>Press “Start” and follow the prompts.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="94" />
        <source>Coloca tu cara dentro del óvalo.</source>
        <translation>Place your face inside the oval.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="113" />
        <source>Abriendo la cámara…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="189" />
        <source>Capturando… no te muevas del óvalo.</source>
        <translation>Capturing… stay inside the oval.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/face_capture.py" line="203" />
        <source>Comprobando…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>FaceTags</name>
    <message>
        <location filename="../../desktop/views/home.py" line="27" />
        <source>Sonríe</source>
        <translation>Smiling</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="27" />
        <source>Sin sonrisa</source>
        <translation>Not smiling</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="28" />
        <source>Gafas</source>
        <translation>Glasses</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="29" />
        <source>Gafas de sol</source>
        <translation>Sunglasses</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="30" />
        <source>Barba</source>
        <translation>Beard</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="31" />
        <source>Bigote</source>
        <translation>Moustache</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="32" />
        <source>Ojos abiertos</source>
        <translation>Eyes open</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="32" />
        <source>Ojos cerrados</source>
        <translation>Eyes closed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="33" />
        <source>Boca abierta</source>
        <translation>Mouth open</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="36" />
        <source>Hombre</source>
        <translation>Man</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="37" />
        <source>Mujer</source>
        <translation>Woman</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="39" />
        <source>Edad {low}–{high}</source>
        <translation>Age {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="40" />
        <source>Emoción: {emotion}</source>
        <translation>Emotion: {emotion}</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../desktop/views/home.py" line="136" />
        <location filename="../../desktop/views/home.py" line="162" />
        <source>Hola, {name}</source>
        <translation>Hello, {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="137" />
        <source>Inicio</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="138" />
        <source>Etiquetas de tu foto de perfil</source>
        <translation>Tags of your profile photo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="139" />
        <source>¿Qué quieres hacer?</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="141" />
        <source>Ver álbumes</source>
        <translation>View albums</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="141" />
        <source>Editar álbumes</source>
        <translation>Edit albums</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="142" />
        <source>Subir foto</source>
        <translation>Upload photo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="142" />
        <source>Extraer texto</source>
        <translation>Extract text</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="143" />
        <source>Ajustes de la cuenta</source>
        <translation>Account settings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="143" />
        <source>Cerrar sesión</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="183" />
        <source>Analizando tu foto…</source>
        <translation>Analysing your photo…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/home.py" line="191" />
        <source>No hay etiquetas para esta foto.</source>
        <translation>There are no tags for this photo.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../desktop/views/login.py" line="211" />
        <source>Tus fotos, protegidas con tu cara.</source>
        <translation>Your photos, protected by your face.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="212" />
        <source>Usuario y contraseña</source>
        <translation>Username and password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="213" />
        <source>Cámara</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="214" />
        <source>Usuario o correo</source>
        <translation>Username or email</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="215" />
        <source>p. ej. ana o ana@ejemplo.com</source>
        <translation>e.g. ana or ana@example.com</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="216" />
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="217" />
        <location filename="../../desktop/views/login.py" line="256" />
        <location filename="../../desktop/views/login.py" line="262" />
        <source>Entrar</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="218" />
        <source>Usuario o correo (opcional)</source>
        <translation>Username or email (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="219" />
        <source>Déjalo vacío y te buscamos por la cara</source>
        <translation>Leave it empty and we find you by your face</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="220" />
        <source>¿No tienes cuenta?</source>
        <translation>No account yet?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="221" />
        <source>Crear una cuenta</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="222" />
        <source>Ajustes</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="249" />
        <source>Entrando…</source>
        <translation>Logging in…</translation>
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
        <translation>Too many attempts. Try again in {wait}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="337" />
        <source>Vuelve a probar dentro de {wait}.</source>
        <translation>Try again in {wait}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login.py" line="347" />
        <source>Intentar de nuevo</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="168" />
        <source>Inicio</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="168" />
        <source>Álbumes</source>
        <translation>Albums</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169" />
        <source>Extraer texto</source>
        <translation>Extract text</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169" />
        <source>Cuenta</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="172" />
        <source>Ajustes</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="173" />
        <source>Cerrar sesión</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="289" />
        <source>Tu cuenta se ha eliminado.</source>
        <translation>Your account has been deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="298" />
        <source>Subir fotos</source>
        <translation>Upload photos</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="299" />
        <source>Primero crea un álbum en «Álbumes».</source>
        <translation>First create an album in “Albums”.</translation>
    </message>
</context>
<context>
    <name>PhotoPage</name>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="165" />
        <source>Detalles</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="166" />
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="167" />
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="168" />
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="169" />
        <source>Etiquetas</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="170" />
        <source>Traducción</source>
        <translation>Translation</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="171" />
        <source>Organizar</source>
        <translation>Organise</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="172" />
        <source>Mover</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="173" />
        <location filename="../../desktop/views/photo_view.py" line="399" />
        <source>Eliminar foto</source>
        <translation>Delete photo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="175" />
        <location filename="../../desktop/views/photo_view.py" line="184" />
        <source>Volver al álbum</source>
        <translation>Back to the album</translation>
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
        <translation>taken on {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="236" />
        <source>No se pudieron calcular las etiquetas.</source>
        <translation>The tags could not be computed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="238" />
        <source>Este servidor no calcula etiquetas.</source>
        <translation>This server does not compute tags.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="240" />
        <source>Calculando etiquetas…</source>
        <translation>Computing tags…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="243" />
        <source>Las etiquetas todavía no están listas; vuelve a abrir la foto más tarde.</source>
        <translation>The tags are not ready yet; open the photo again later.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="245" />
        <source>Sin etiquetas para esta foto.</source>
        <translation>No tags for this photo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="274" />
        <source>Cargando idiomas…</source>
        <translation>Loading languages…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="294" />
        <source>Elige un idioma…</source>
        <translation>Choose a language…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="302" />
        <source>Elige un idioma para leer la descripción traducida.</source>
        <translation>Choose a language to read the description translated.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="303" />
        <source>Este servidor no ofrece traducciones.</source>
        <translation>This server offers no translations.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="313" />
        <source>Esta foto no tiene descripción que traducir.</source>
        <translation>This photo has no description to translate.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="322" />
        <source>Traduciendo…</source>
        <translation>Translating…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="337" />
        <source>Traducido del «{source}» ({engine})</source>
        <translation>Translated from “{source}” ({engine})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="360" />
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="366" />
        <source>Guardado</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="374" />
        <location filename="../../desktop/views/photo_view.py" line="376" />
        <source>No se pudo guardar</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="391" />
        <source>Movida a «{album}»</source>
        <translation>Moved to “{album}”</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="400" />
        <source>¿Eliminar «{name}»? No se puede deshacer.</source>
        <translation>Delete “{name}”? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="402" />
        <source>Eliminar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/views/photo_view.py" line="403" />
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../desktop/views/register.py" line="155" />
        <source>Volver a entrar</source>
        <translation>Back to log in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="156" />
        <source>Crea tu cuenta</source>
        <translation>Create your account</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="157" />
        <source>Tu foto de perfil abre el álbum «Fotos de perfil» y, si quieres, te permitirá entrar con la cara.</source>
        <translation>Your profile photo starts the “Fotos de perfil” album and, if you like, lets you log in with your face.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="159" />
        <source>Foto de perfil</source>
        <translation>Profile photo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="160" />
        <source>Una foto tuya, de frente y con buena luz.</source>
        <translation>A photo of you, facing the camera, in good light.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="161" />
        <source>Elegir archivo…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="162" />
        <source>Usar la cámara</source>
        <translation>Use the camera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="164" />
        <source>Nombre de usuario</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="165" />
        <source>Correo electrónico</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="166" />
        <source>Nombre completo (opcional)</source>
        <translation>Full name (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="167" />
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="168" />
        <source>Repite la contraseña</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="172" />
        <source>letras, números, . _ -</source>
        <translation>letters, digits, . _ -</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="173" />
        <source>nombre@ejemplo.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="174" />
        <location filename="../../desktop/views/register.py" line="278" />
        <location filename="../../desktop/views/register.py" line="284" />
        <source>Crear cuenta</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="186" />
        <source>De 3 a 32 caracteres: letras, números, punto, guion o guion bajo.</source>
        <translation>3 to 32 characters: letters, digits, dot, hyphen or underscore.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="188" />
        <source>Escribe un correo válido.</source>
        <translation>Type a valid email.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="190" />
        <source>Como mucho 100 caracteres.</source>
        <translation>At most 100 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="192" />
        <source>Al menos 8 caracteres.</source>
        <translation>At least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="194" />
        <source>Las contraseñas no coinciden.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="196" />
        <location filename="../../desktop/views/register.py" line="260" />
        <source>Elige una foto de perfil.</source>
        <translation>Choose a profile photo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="211" />
        <source>Contraseña demasiado corta</source>
        <translation>Password too short</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="212" />
        <source>Demasiado fácil de adivinar</source>
        <translation>Too easy to guess</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="213" />
        <source>Mejor con mayúsculas, números o símbolos</source>
        <translation>Better with capitals, digits or symbols</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="214" />
        <source>Contraseña buena</source>
        <translation>Good password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="215" />
        <source>Contraseña fuerte</source>
        <translation>Strong password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="224" />
        <source>Elige tu foto de perfil</source>
        <translation>Choose your profile photo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="225" />
        <source>Imágenes ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="237" />
        <source>Ese archivo no es una imagen JPEG, PNG, WebP o HEIC.</source>
        <translation>That file is not a JPEG, PNG, WebP or HEIC image.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register.py" line="267" />
        <source>Creando la cuenta…</source>
        <translation>Creating the account…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="107" />
        <source>Ajustes</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="108" />
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="109" />
        <source>Servidor local incluido (tus fotos se quedan en este equipo)</source>
        <translation>Bundled local server (your photos stay on this computer)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="110" />
        <source>Servidor remoto (la nube)</source>
        <translation>Remote server (the cloud)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="111" />
        <source>Al cambiar de servidor tendrás que volver a entrar.</source>
        <translation>After switching servers you will log in again.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="112" />
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="113" />
        <source>Como el sistema</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="114" />
        <source>Cámara</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="116" />
        <source>Cámara {n}</source>
        <translation>Camera {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="117" />
        <source>Archivo…</source>
        <translation>File…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="118" />
        <source>Una cámara del equipo, o un vídeo o una foto que haga de cámara (útil para pruebas y demostraciones).</source>
        <translation>A camera on this computer, or a video or photo acting as one (handy for tests and demos).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="120" />
        <source>Sesión</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="123" />
        <source>La sesión se guarda en el llavero del sistema ({backend}): no tendrás que entrar cada vez.</source>
        <translation>The session is kept in the system keyring ({backend}): you will not have to log in every time.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="126" />
        <source>No hay llavero del sistema disponible: la sesión se guarda solo en memoria y tendrás que entrar cada vez que abras la app.</source>
        <translation>No system keyring is available: the session is kept in memory only and you will log in each time you open the app.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="128" />
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="135" />
        <source>Vídeo o foto que hará de cámara</source>
        <translation>Video or photo to act as the camera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="136" />
        <source>Vídeos e imágenes ({patterns})</source>
        <translation>Videos and images ({patterns})</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <location filename="../../desktop/views/uploads.py" line="376" />
        <source>Subir fotos</source>
        <translation>Upload photos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="377" />
        <source>Elegir archivos…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="378" />
        <source>Álbum</source>
        <translation>Album</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="379" />
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="380" />
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="381" />
        <source>Opcional: se puede traducir a otros idiomas</source>
        <translation>Optional: it can be translated into other languages</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="382" />
        <source>Subir</source>
        <translation>Upload</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="391" />
        <source>Elige las fotos</source>
        <translation>Choose the photos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="392" />
        <source>Imágenes ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="405" />
        <source>%n elemento(s) elegido(s)</source>
        <translation><numerusform>%n item chosen</numerusform><numerusform>%n items chosen</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="407" />
        <source>Arrastra aquí fotos o carpetas
o elige archivos</source>
        <translation>Drag photos or folders here
or choose files</translation>
    </message>
</context>
<context>
    <name>UploadPanel</name>
    <message>
        <location filename="../../desktop/views/uploads.py" line="258" />
        <source>Subidas</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="259" />
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="260" />
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="272" />
        <source>Subiendo… {percent} %</source>
        <translation>Uploading… {percent} %</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="274" />
        <source>Se reintentará al final</source>
        <translation>Will retry at the end</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="274" />
        <source>En cola</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="276" />
        <source>Subida</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="278" />
        <source>Cancelada</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="279" />
        <source>Omitida</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="279" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="319" />
        <source>%n subida(s)</source>
        <translation><numerusform>%n uploaded</numerusform><numerusform>%n uploaded</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="321" />
        <source>%n omitida(s)</source>
        <translation><numerusform>%n skipped</numerusform><numerusform>%n skipped</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="323" />
        <source>%n con error</source>
        <translation><numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/uploads.py" line="325" />
        <source>%n cancelada(s)</source>
        <translation><numerusform>%n cancelled</numerusform><numerusform>%n cancelled</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/views/uploads.py" line="326" />
        <source>{done} de {total}</source>
        <translation>{done} of {total}</translation>
    </message>
</context>
</TS>