"""search domain: one normalised text per photo, indexed by SQLite FTS5 or MySQL FULLTEXT."""
