"""One file a schema revision, oldest first: 0001 creates the catalogue."""
