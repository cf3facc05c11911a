"""Desktop logic that does not need Qt: settings, session storage, uploads, caches, messages."""
