"""Human messages for the contract's error codes, in Spanish and English.

The Qt layer translates its own strings with Qt Linguist; these messages live here because the
API client (which must not import Qt) raises them. The active language follows the UI's.
"""

from __future__ import annotations

import threading

SUPPORTED_LANGUAGES = ("es", "en")

_lock = threading.Lock()
_language = "es"

# code -> (Spanish, English)
_CATALOGUE: dict[str, tuple[str, str]] = {
    "connection_failed": (
        "No se puede conectar con el servidor. Comprueba la dirección o tu conexión.",
        "Cannot reach the server. Check the address or your connection.",
    ),
    "timeout": (
        "El servidor tardó demasiado en responder. Inténtalo de nuevo.",
        "The server took too long to answer. Try again.",
    ),
    "not_authenticated": (
        "Tu sesión ha terminado. Vuelve a entrar.",
        "Your session has ended. Please log in again.",
    ),
    "session_expired": (
        "Tu sesión ha caducado. Vuelve a entrar.",
        "Your session has expired. Please log in again.",
    ),
    "invalid_token": (
        "Tu sesión ha caducado. Vuelve a entrar.",
        "Your session has expired. Please log in again.",
    ),
    "invalid_credentials": (
        "Usuario o contraseña incorrectos.",
        "Wrong username or password.",
    ),
    "wrong_password": (
        "La contraseña actual no es correcta.",
        "The current password is not correct.",
    ),
    "too_many_attempts": (
        "Demasiados intentos. Espera un poco antes de volver a probar.",
        "Too many attempts. Wait a little before trying again.",
    ),
    "face_login_locked": (
        "El acceso con la cara está bloqueado durante un rato. Usa tu contraseña.",
        "Face login is locked for a while. Use your password.",
    ),
    "username_taken": ("Ese nombre de usuario ya existe.", "That username is already taken."),
    "email_taken": ("Ese correo ya está registrado.", "That email is already registered."),
    "album_name_taken": (
        "Ya tienes un álbum con ese nombre.",
        "You already have an album with that name.",
    ),
    "conflict": ("Ya existe algo con ese nombre.", "Something with that name already exists."),
    "not_found": (
        "No se encontró. Puede que se haya eliminado.",
        "Not found. It may have been deleted.",
    ),
    "album_not_found": ("Ese álbum ya no existe.", "That album no longer exists."),
    "photo_not_found": ("Esa foto ya no existe.", "That photo no longer exists."),
    "person_not_found": ("Esa persona ya no existe.", "That person no longer exists."),
    "face_not_found": ("Esa cara ya no existe.", "That face no longer exists."),
    "person_name_taken": (
        "Ya tienes a alguien con ese nombre. Únelos en lugar de repetir el nombre.",
        "You already have someone with that name. Merge them instead of repeating the name.",
    ),
    "cannot_merge_me": (
        "«Yo» no se puede unir a otra persona; une la otra persona contigo.",
        "“Me” cannot be merged into someone else; merge the other person into you.",
    ),
    "duplicate_photo": (
        "Ya tienes esta foto. No se ha vuelto a subir.",
        "You already have this photo. It was not uploaded again.",
    ),
    "already_uploaded": (
        "Ya estaba subida: no se ha enviado otra vez.",
        "Already uploaded: not sent again.",
    ),
    "dates_reversed": (
        "La fecha de inicio es posterior a la de fin.",
        "The start date is after the end date.",
    ),
    "search_query_too_short": (
        "Escribe al menos 3 letras de una palabra para buscar.",
        "Type at least 3 letters of a word to search.",
    ),
    "invalid_idempotency_key": (
        "La subida no se pudo identificar. Vuelve a intentarlo.",
        "The upload could not be identified. Try again.",
    ),
    "profile_album_locked": (
        "El álbum «Fotos de perfil» se llena solo: no se puede renombrar, borrar ni subir a él.",
        "The “Fotos de perfil” album fills itself: it cannot be renamed, deleted or uploaded into.",
    ),
    "validation_error": ("Revisa los campos marcados.", "Check the highlighted fields."),
    "passwords_do_not_match": ("Las contraseñas no coinciden.", "The passwords do not match."),
    "unsupported_media_type": (
        "Ese archivo no es una imagen admitida (JPEG, PNG, WebP o HEIC).",
        "That file is not a supported image (JPEG, PNG, WebP or HEIC).",
    ),
    "not_an_image": (
        "Ese archivo no es una imagen.",
        "That file is not an image.",
    ),
    "payload_too_large": ("La imagen es demasiado grande.", "The image is too large."),
    "file_too_large": ("La imagen es demasiado grande.", "The image is too large."),
    "image_too_large": (
        "La imagen tiene demasiados píxeles.",
        "The image has too many pixels.",
    ),
    "unprocessable_image": (
        "No se pudo leer la imagen: puede estar dañada.",
        "The image could not be read: it may be damaged.",
    ),
    "no_face": (
        "No se ve ninguna cara. Colócate dentro del óvalo con buena luz.",
        "No face found. Place your face inside the oval, in good light.",
    ),
    "multiple_faces": (
        "Se ve más de una cara. Asegúrate de estar solo delante de la cámara.",
        "More than one face is visible. Make sure you are alone in front of the camera.",
    ),
    "face_too_small": (
        "La cara se ve muy pequeña. Acércate a la cámara.",
        "The face is too small. Move closer.",
    ),
    "face_too_dark": (
        "Hay poca luz. Busca un sitio más iluminado.",
        "It is too dark. Find more light.",
    ),
    "liveness_failed": (
        "La cámara vio una imagen quieta, no una cabeza que se mueve. Sigue las flechas.",
        "The camera saw a still picture, not a moving head. Follow the arrows.",
    ),
    "challenge_failed": (
        "La comprobación caducó o ya se usó. Vuelve a empezar el acceso con la cara.",
        "The check expired or was already used. Start the face login again.",
    ),
    "script_not_followed": (
        "El movimiento no siguió los pasos. Gira más la cabeza y en el orden indicado.",
        "The movement did not follow the steps. Turn your head further, in the order shown.",
    ),
    "script_step_left": (
        "No vimos el giro a tu izquierda. Gira la cabeza más hacia tu izquierda.",
        "We did not see the turn to your left. Turn your head further to your left.",
    ),
    "script_step_right": (
        "No vimos el giro a tu derecha. Gira la cabeza más hacia tu derecha.",
        "We did not see the turn to your right. Turn your head further to your right.",
    ),
    "script_step_center": (
        "No vimos tu cara de frente. Vuelve a mirar de frente a la cámara cuando se pida.",
        "We did not see you facing the camera. Look straight at it when asked.",
    ),
    "not_continuous": (
        "Las imágenes no son una grabación continua. Mantén la cara a la vista y muévete despacio.",
        "The frames are not one continuous recording. Keep your face in view and move slowly.",
    ),
    "mirror_detected": (
        "Se envió una imagen reflejada. Usa la cámara directamente.",
        "A mirrored picture was sent. Use the camera directly.",
    ),
    "flat_face": (
        "La cara se movió como una foto plana. Gira tu cabeza delante de la cámara.",
        "The face moved like a flat photo. Turn your own head in front of the camera.",
    ),
    "replay_detected": (
        "Estas imágenes ya se usaron para entrar. Vuelve a empezar con la cámara.",
        "These frames were already used to log in. Start again with the camera.",
    ),
    "face_busy": (
        "El servidor está ocupado con otros accesos. Inténtalo en unos segundos.",
        "The server is busy with other logins. Try again in a few seconds.",
    ),
    "not_recognized": (
        "No te hemos reconocido. Inténtalo de nuevo o usa tu contraseña.",
        "We did not recognise you. Try again or use your password.",
    ),
    "translation_unavailable": (
        "La traducción no está disponible en este servidor.",
        "Translation is not available on this server.",
    ),
    "unsupported_language": ("Ese idioma no está disponible.", "That language is not available."),
    "headers_too_large": (
        "La petición lleva demasiadas cabeceras.",
        "The request carries too many headers.",
    ),
    "engine_busy": (
        "El servidor está ocupado. Vuelve a intentarlo en unos segundos.",
        "The server is busy. Try again in a few seconds.",
    ),
    "text_unavailable": (
        "La extracción de texto no está disponible en este servidor.",
        "Text extraction is not available on this server.",
    ),
    "feature_not_available": (
        "Este servidor todavía no ofrece esta función.",
        "This server does not offer this feature yet.",
    ),
    "server_error": (
        "El servidor tuvo un problema. Inténtalo de nuevo en un momento.",
        "The server had a problem. Try again in a moment.",
    ),
    "camera_not_found": (
        "No se encontró ninguna cámara. Conecta una o elige un archivo en Ajustes.",
        "No camera found. Connect one or choose a file in Settings.",
    ),
    "camera_busy": (
        "La cámara está ocupada por otra aplicación.",
        "The camera is being used by another application.",
    ),
    "camera_permission_denied": (
        "No hay permiso para usar la cámara. Revisa los permisos del sistema.",
        "No permission to use the camera. Check the system permissions.",
    ),
    "camera_file_unreadable": (
        "No se pudo abrir el archivo elegido como cámara.",
        "The file chosen as camera could not be opened.",
    ),
    "cancelled": ("Cancelado.", "Cancelled."),
    "not_same_person": (
        "Las imágenes no muestran a la misma persona. Inténtalo tú solo delante de la cámara.",
        "The frames do not all show the same person. Try again alone in front of the camera.",
    ),
    "ambiguous_match": (
        "No podemos saber quién eres solo por la cara. Escribe tu usuario e inténtalo de nuevo.",
        "We cannot tell who you are from the face alone. Type your username and try again.",
    ),
    "image_unreadable": (
        "La imagen está dañada o incompleta y no se pudo leer.",
        "The image is damaged or incomplete and could not be read.",
    ),
    "too_few_frames": (
        "No llegaron suficientes imágenes de la cámara.",
        "Not enough camera frames arrived.",
    ),
    "too_many_frames": ("Se enviaron demasiadas imágenes.", "Too many frames were sent."),
    "weak_password": (
        "La contraseña es demasiado débil: usa al menos 8 caracteres variados.",
        "The password is too weak: use at least 8 varied characters.",
    ),
    "invalid_cursor": (
        "La lista cambió mientras la leías. Vuelve a abrir el álbum.",
        "The list changed while loading. Open the album again.",
    ),
    "storage_unavailable": (
        "El almacenamiento de fotos no responde. Inténtalo en un momento.",
        "Photo storage is not answering. Try again in a moment.",
    ),
    "labels_unavailable": (
        "Las etiquetas no están disponibles en este servidor.",
        "Tags are not available on this server.",
    ),
    "faces_cloud_unavailable": (
        "El reconocimiento facial en la nube no está disponible.",
        "Cloud face recognition is not available.",
    ),
    "forbidden": ("No tienes permiso para hacer eso.", "You are not allowed to do that."),
    "unavailable": (
        "Esa función no está disponible en este servidor ahora mismo.",
        "That feature is not available on this server right now.",
    ),
    "unprocessable": (
        "No se pudo leer la imagen: puede estar dañada.",
        "The image could not be read: it may be damaged.",
    ),
    "bad_request": ("La petición no es válida.", "The request is not valid."),
    "method_not_allowed": (
        "Esa acción no está permitida aquí.",
        "That action is not allowed here.",
    ),
    "internal_error": (
        "El servidor tuvo un problema. Inténtalo de nuevo en un momento.",
        "The server had a problem. Try again in a moment.",
    ),
    "not_ready": (
        "El servidor todavía se está preparando. Inténtalo en un momento.",
        "The server is still getting ready. Try again in a moment.",
    ),
    "empty_file": ("El archivo está vacío.", "The file is empty."),
    "empty_description": (
        "Esta foto no tiene descripción que traducir.",
        "This photo has no description to translate.",
    ),
    "empty_text": ("No hay texto que traducir.", "There is no text to translate."),
    "image_too_small": ("La imagen es demasiado pequeña.", "The image is too small."),
    "faces_unavailable": (
        "El reconocimiento facial no está disponible en este servidor.",
        "Face recognition is not available on this server.",
    ),
    "faces_models_missing": (
        "Faltan los modelos de reconocimiento facial en este servidor.",
        "The face recognition models are missing on this server.",
    ),
    "faces_identify_limit": (
        "Hay demasiadas cuentas para reconocerte solo por la cara. Escribe tu usuario.",
        "There are too many accounts to recognise you by face alone. Type your username.",
    ),
    "wrong_engine": (
        "Tu cara se registró con otro motor. Vuelve a activar el acceso con la cara.",
        "Your face was enrolled with another engine. Turn face login on again.",
    ),
    # Why a field was refused (the envelope's "fields" values).
    "wrong": ("La contraseña actual no es correcta.", "The current password is not correct."),
    "required": ("Este campo es obligatorio.", "This field is required."),
    "empty": ("No puede estar vacío.", "It cannot be empty."),
    "invalid": ("El valor no es válido.", "The value is not valid."),
    "invalid format": ("El formato no es válido.", "The format is not valid."),
    "invalid characters": (
        "Tiene caracteres no permitidos.",
        "It has characters that are not allowed.",
    ),
    "too long": ("Es demasiado largo.", "It is too long."),
    "too large": ("Es demasiado grande.", "It is too large."),
    "too many": ("Son demasiados.", "There are too many."),
    "too simple": (
        "La contraseña es demasiado fácil de adivinar.",
        "The password is too easy to guess.",
    ),
    "taken": ("Ya está en uso.", "It is already in use."),
    "mismatch": ("Las contraseñas no coinciden.", "The passwords do not match."),
    "same as current": (
        "La nueva contraseña debe ser distinta de la actual.",
        "The new password must differ from the current one.",
    ),
    "es|en": ("Elige español o inglés.", "Choose Spanish or English."),
    "thumb|preview|original": (
        "Ese tamaño de imagen no existe.",
        "That image size does not exist.",
    ),
}

# Generic messages per HTTP status, used when the code is unknown.
_BY_STATUS: dict[int, tuple[str, str]] = {
    400: _CATALOGUE["validation_error"],
    401: _CATALOGUE["not_authenticated"],
    403: ("No tienes permiso para hacer eso.", "You are not allowed to do that."),
    404: _CATALOGUE["not_found"],
    409: _CATALOGUE["conflict"],
    413: _CATALOGUE["payload_too_large"],
    415: _CATALOGUE["unsupported_media_type"],
    422: _CATALOGUE["unprocessable_image"],
    429: _CATALOGUE["too_many_attempts"],
    503: _CATALOGUE["unavailable"],
}


def set_language(language: str) -> None:
    """Choose the language of the messages (``es`` or ``en``; anything else means Spanish)."""
    global _language
    with _lock:
        _language = language if language in SUPPORTED_LANGUAGES else "es"


def current_language() -> str:
    """The active message language."""
    return _language


def has_message(code: str) -> bool:
    """Whether the catalogue knows this code."""
    return code in _CATALOGUE


def known_codes() -> list[str]:
    """Every code the catalogue explains."""
    return list(_CATALOGUE)


def sentences(code: str) -> tuple[str, str]:
    """The (Spanish, English) pair for a known code."""
    return _CATALOGUE[code]


def message_for(code: str, *, default: str = "", status: int | None = None) -> str:
    """The sentence for ``code`` in the active language.

    Unknown codes fall back to the server's own message, then to a generic one for the status.
    """
    index = 0 if _language == "es" else 1
    pair = _CATALOGUE.get(code)
    if pair is not None:
        return pair[index]
    if default:
        return default
    if status is not None and status in _BY_STATUS:
        return _BY_STATUS[status][index]
    if status is not None and status >= 500:
        return _CATALOGUE["server_error"][index]
    return _CATALOGUE["server_error"][index] if not code else code.replace("_", " ").capitalize()
