"""The one error extraction raises: its own module, so every part of the package can raise it."""

from __future__ import annotations


class ExtractError(ValueError):
    """The page holds no article (empty, binary, no body found)."""
