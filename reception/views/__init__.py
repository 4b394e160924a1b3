"""Views of the reception app, one module per area (cases, notices, persons, letters)."""
