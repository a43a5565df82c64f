"""Indonesian (id) language data."""
