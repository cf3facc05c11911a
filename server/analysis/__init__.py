"""Photo intelligence over HTTP: text in images, description translations, background tagging."""
