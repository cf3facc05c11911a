"""FaceAlbum HTTP service: accounts, albums, photos, face login and photo intelligence."""

__version__ = "0.1.0"
