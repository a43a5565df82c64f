"""What the NER model's lexicon and the alias table know about a name."""

from __future__ import annotations

from kabar.lang.id.aliases import AliasTable


def is_known_name(name: str, table: AliasTable) -> bool:
    return table.lookup(name) is not None or names_a_place_or_organisation(name)


def names_a_place_or_organisation(name: str) -> bool:
    """The gazetteer knows the words as a place or an organisation and never as a person ("Jawa Tengah")."""
    from kabar.analyse.ner.model import shipped

    kinds = shipped().lexicon.names.get(name.lower(), "")
    return bool(kinds) and "P" not in kinds


def looks_like_person(name: str) -> bool:
    """The gazetteer knows the name, or its first word, as a person's."""
    from kabar.analyse.ner.model import shipped

    names = shipped().lexicon.names
    words = name.lower().split()
    return "P" in names.get(" ".join(words), "") or (len(words) > 1 and "P" in names.get(words[0], ""))
