"""Kabar: Indonesian news into a searchable record of who did and said what, when, according to whom."""

__version__ = "0.1.0"
