"""Shipped model files (data only)."""
