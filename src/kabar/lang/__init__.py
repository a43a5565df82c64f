"""Indonesian language data: lexicons, time patterns, quote cues, aliases. Data only; wiring here."""
