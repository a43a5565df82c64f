"""Titles, offices, ranks and forms of address, as data (titles.tsv): the one list of them.

Each row is a form with flags saying what it is to the rules that read it: a title kept as a
person's role (the entity rules, `aliases.AliasTable.titles`), one always followed by a person's
name (`person`), a rank places are named after (`eponym`: "Jalan Jenderal Sudirman"), or only a
word of a title before a name (`word`: what the speaker rules skip to find the name). A short
form names the title it stands for ("Menkeu" = "Menteri Keuangan").
"""

from __future__ import annotations

from importlib import resources

__all__ = ["EPONYM_TITLES", "PERSON_TITLES", "SHORT_FORMS", "TITLES", "TITLE_WORDS", "parse"]

_FLAGS = frozenset({"person", "eponym", "word"})


def parse(text: str) -> list[tuple[str, frozenset[str], str]]:
    """(lower-cased form, flags, lower-cased long form or "") of every row of a titles table."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        flags = frozenset(cols[1].split()) if len(cols) > 1 else frozenset()
        if flags - _FLAGS:
            raise ValueError(f"titles line {number}: unknown flag {sorted(flags - _FLAGS)} (known: {sorted(_FLAGS)})")
        rows.append((" ".join(cols[0].split()).lower(), flags, " ".join(cols[2].split()).lower() if len(cols) > 2 else ""))
    return rows


_ROWS = parse(resources.files("kabar.lang.id").joinpath("titles.tsv").read_text(encoding="utf-8"))

# titles and offices kept as a person's role ("presiden", "menteri luar negeri")
TITLES: frozenset[str] = frozenset(form for form, flags, _ in _ROWS if "word" not in flags)
# titles always followed by a person's name
PERSON_TITLES: frozenset[str] = frozenset(form for form, flags, _ in _ROWS if "person" in flags)
# ranks and honorifics of the people streets, airports and hospitals are named after
EPONYM_TITLES: frozenset[str] = frozenset(form for form, flags, _ in _ROWS if "eponym" in flags)
# short form → the title it stands for ("menkeu" → "menteri keuangan")
SHORT_FORMS: dict[str, str] = {form: long for form, _, long in _ROWS if long}
# the grammatical words inside titles ("Menteri Dalam Negeri", "Menteri Pemuda dan Olahraga"): in running
# text they join clauses, so they are no sign of a title
_GRAMMAR = frozenset({"dan", "dalam"})
# single words a title or rank before a name is made of ("kepala", "dusun", "bapak", "ceo")
TITLE_WORDS: frozenset[str] = frozenset(word for form, _, _ in _ROWS for word in form.split() if word not in _GRAMMAR)
