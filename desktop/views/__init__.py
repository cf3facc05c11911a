"""One module per screen; shared widgets in ``widgets``."""
