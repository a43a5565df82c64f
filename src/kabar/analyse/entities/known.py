"""What the NER model's lexicon and the alias table know about a name."""

from __future__ import annotations

from kabar.analyse.ner.features import Lexicon
from kabar.lang.id.aliases import AliasTable


def is_known_name(name: str, table: AliasTable, lexicon: Lexicon) -> bool:
    return table.lookup(name) is not None or names_a_place_or_organisation(name, lexicon)


def names_a_place_or_organisation(name: str, lexicon: Lexicon) -> bool:
    """The gazetteer knows the words as a place or an organisation and never as a person ("Jawa Tengah")."""
    kinds = lexicon.names.get(name.lower(), "")
    return bool(kinds) and "P" not in kinds


def looks_like_person(name: str, lexicon: Lexicon) -> bool:
    """The gazetteer knows the name, or its first word, as a person's."""
    names = lexicon.names
    words = name.lower().split()
    return "P" in names.get(" ".join(words), "") or (len(words) > 1 and "P" in names.get(words[0], ""))
