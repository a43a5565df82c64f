"""Lower-case words of Indonesian news text, as data (common_words.txt).

Built by ``scripts/build_common_words.py`` from the cased, licensed NER training
sets and jusText's Indonesian stoplist. Used to tell words from names where
case alone cannot: a word glued to a link ("dikutipAnadolu"), a title left on a
name ("Negeri Sugiono").
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["common_words", "organisation_words"]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The lower-case word list, without its comment header."""
    text = resources.files("kabar.lang.id").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """One-word organisation names of the NER organisation list ("Kemensos", "Basarnas"), lower-cased:
    such a word glued before a name is not part of the name ("Kemensos Robben Rico")."""
    text = resources.files("kabar.lang.id").joinpath("ner_organisations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#") and " " not in line.strip()
    )
