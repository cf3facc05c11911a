"""FaceAlbum desktop client (PySide6): views, background ops, camera and the bundled backend."""
