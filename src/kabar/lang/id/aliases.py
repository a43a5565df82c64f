"""Entity aliases for Indonesian news: CLDR territory names plus Kabar's own table (aliases.tsv).

Country and territory names come from CLDR through Babel (Indonesian and
English names, both folded to the English name); ``aliases.tsv`` adds what
CLDR lacks: abbreviations (Korut, AS, RI), epithets ("negara tirai bambu"),
agencies and parties, the capitals that stand for their states, the titles
stripped from names, the institutions named after their country ("Kementerian
Luar Negeri China" → "Ministry of Foreign Affairs of China"), the names the
tagger mistakes for entities that are none ("Covid-19") and the words opening a
place named after a titled person ("Jalan Jenderal Sudirman").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kabar.lang.id.titles import PERSON_TITLES, SHORT_FORMS, TITLES

# CLDR names we replace with the form news uses
_CLDR_OVERRIDES = {"HK": "Hong Kong", "MO": "Macau", "PS": "Palestine", "US": "United States",
                   "GB": "United Kingdom", "CN": "China", "KP": "North Korea", "KR": "South Korea"}
# CLDR codes that are not places in news sense (world, unknown region, outlying areas)
_CLDR_SKIP = {"001", "ZZ", "QO", "EZ", "UN", "EU"}


@dataclass(frozen=True, slots=True)
class AliasEntry:
    canonical: str
    type: str  # PER, ORG, LOC


@dataclass(frozen=True, slots=True)
class AliasTable:
    exact: dict[str, AliasEntry]  # case-sensitive forms (all-capital abbreviations)
    folded: dict[str, AliasEntry]  # lower-cased forms
    capitals: dict[str, AliasEntry]  # lower-cased capital → its state
    titles: frozenset[str]  # lower-cased titles
    max_title_words: int
    scan: frozenset[str]  # lower-cased forms worth looking for in running text (our table, CLDR Indonesian names)
    lowercase: frozenset[str]  # forms written in lower case ("negara tirai bambu"): no capital needed
    descriptors: frozenset[str] = frozenset()  # lower-cased words before an organisation's name ("kantor berita")
    person_titles: frozenset[str] = frozenset()  # lower-cased titles always followed by a person's name
    # lower-cased institution → canonical template and type: "partai komunis" → ("Communist Party of {}", "ORG")
    institutions: dict[str, tuple[str, str]] = field(default_factory=dict)
    non_entities: frozenset[str] = frozenset()  # lower-cased names that are no person, organisation or place
    facilities: frozenset[str] = frozenset()  # lower-cased words opening a place named after a titled person
    max_institution_words: int = 8  # the longest institution's words: lookups try no longer prefix
    max_name_words: int = 12  # the most words a form `lookup` can know has (an institution with its country)

    def lookup(self, surface: str) -> AliasEntry | None:
        """The entry for a surface form; a word an editor bracketed is read through ("Semenanjung (Korea)")."""
        form = " ".join(surface.split())
        hit = self._lookup_name(form) or self._lookup_institution(form)
        if hit is None and "(" in form:
            bare = form.replace("(", "").replace(")", "")
            hit = self._lookup_name(bare) or self._lookup_institution(bare)
        return hit

    def leading_title(self, words: Sequence[str], keep: int = 0) -> int:
        """How many of `words` the longest title opening them takes ("Menteri Luar Negeri …" → 3),
        leaving at least `keep` words after it; 0 when they open with no title."""
        for n in range(min(self.max_title_words, len(words) - keep), 0, -1):
            if " ".join(words[:n]).lower() in self.titles:
                return n
        return 0

    def _lookup_name(self, form: str) -> AliasEntry | None:
        hit = self.exact.get(form)
        if hit is None and not _is_abbreviation(form):
            hit = self.folded.get(form.lower())
        return hit

    def _lookup_institution(self, form: str) -> AliasEntry | None:
        """"Kementerian Luar Negeri Tiongkok" → "Ministry of Foreign Affairs of China": an institution
        followed by the country (or its capital) it belongs to."""
        words = form.split(" ")
        # prefixes no longer than the longest institution: trying every prefix of a long run of
        # words was cubic (a 2,000-word span the tagger ran together took 20 s in entities)
        for n in range(min(len(words) - 1, self.max_institution_words), 0, -1):
            found = self.institutions.get(" ".join(words[:n]).lower())
            if found is None:
                continue
            rest = " ".join(words[n:])
            country = self._lookup_name(rest) or self.capitals.get(rest.lower())
            if country is not None and country.type == "LOC":
                return AliasEntry(found[0].format(_with_article(country.canonical)), found[1])
        return None


# English country names said with "the" ("Embassy of the United States")
_WITH_THE = frozenset({"Philippines", "Netherlands", "Czech Republic", "Dominican Republic", "Central African Republic",
                       "Bahamas", "Maldives", "Gambia", "Solomon Islands", "Marshall Islands"})


def _with_article(country: str) -> str:
    return f"the {country}" if country in _WITH_THE or country.startswith("United ") else country


def _is_abbreviation(form: str) -> bool:
    letters = form.replace(".", "")
    return 1 < len(letters) <= 5 and letters.isupper() and letters.isalpha()


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    exact: dict[str, AliasEntry] = {}
    folded: dict[str, AliasEntry] = {}
    capitals: dict[str, AliasEntry] = {}
    scan: set[str] = set()
    lowercase: set[str] = set()
    institutions: dict[str, tuple[str, str]] = {}
    # kinds that are plain lists of lower-cased forms
    word_lists: dict[str, set[str]] = {"descriptor": set(), "non-entity": set(), "facility": set()}
    for code, entry in _cldr().items():
        for name in entry[1]:
            folded.setdefault(name.lower(), AliasEntry(entry[0], "LOC"))
        if entry[1] and len(entry[1][0]) > 3:
            scan.add(entry[1][0].lower())  # the Indonesian name
    text = resources.files("kabar.lang.id").joinpath("aliases.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        kind, form = cols[0], " ".join(cols[1].split())
        if kind in word_lists:
            word_lists[kind].add(form.lower())
            continue
        if kind == "institution":
            institutions[form.lower()] = (cols[2], cols[3])
            continue
        entry = AliasEntry(cols[2], cols[3])
        if kind == "capital":
            capitals[form.lower()] = entry
        elif _is_abbreviation(form):
            exact[form] = entry
        else:
            for variant in _epithet_variants(form):
                folded[variant.lower()] = entry  # our table wins over CLDR
                scan.add(variant.lower())
                if variant[0].islower():
                    lowercase.add(variant)
    longest = max((len(t.split()) for t in TITLES), default=1)
    return AliasTable(
        exact, folded, capitals, TITLES, longest, frozenset(scan), frozenset(lowercase),
        frozenset(word_lists["descriptor"]), PERSON_TITLES, institutions,
        frozenset(word_lists["non-entity"]), frozenset(word_lists["facility"]),
        max((len(k.split()) for k in institutions), default=0),
        max(len(k.split()) for k in (*exact, *folded, *capitals)) + max((len(k.split()) for k in institutions), default=0),
    )


_EPITHET_HEADS = ("negeri ", "negara ")


def _epithet_variants(form: str) -> tuple[str, ...]:
    """A country's epithet in every spelling news uses: "Negeri Sakura", "negeri sakura",
    "negara Sakura" (such phrases are no ordinary words, so lower case matches too)."""
    low = form.lower()
    if not low.startswith(_EPITHET_HEADS):
        return (form,)
    tail = form.split(" ", 1)[1]
    return tuple(dict.fromkeys((form, *(f"{head}{tail}" for head in _EPITHET_HEADS), *(f"{head}{tail.lower()}" for head in _EPITHET_HEADS))))


def _cldr() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Territory code → (English name, the Indonesian and English names)."""
    from babel import Locale

    indonesian, english = Locale("id").territories, Locale("en").territories
    out = {}
    for code, en in english.items():
        if code in _CLDR_SKIP:
            continue
        canonical = _CLDR_OVERRIDES.get(code, en)
        names = tuple(n for n in (indonesian.get(code), en, canonical) if n)
        out[code] = (canonical, names)
    return out


def canonical_of(surface: str) -> AliasEntry | None:
    """The alias table's entry for a surface form, or None."""
    return alias_table().lookup(surface)


# Short forms of titles news uses for the same office ("menkeu" → "menteri keuangan"; titles.tsv)
TITLE_SHORT_FORMS: dict[str, str] = SHORT_FORMS
_TITLE_ARTICLES = ("sang ", "si ", "pak ", "bu ")


@lru_cache(maxsize=4096)  # asked for each person's role at each quote: the same few titles over and over
def canonical_title(phrase: str) -> str | None:
    """The title a phrase is, in its long form, or None: "sang Presiden" → "presiden", "Menkeu" → "menteri keuangan"."""
    key = " ".join(phrase.lower().split())
    for article in _TITLE_ARTICLES:
        key = key.removeprefix(article)
    key = TITLE_SHORT_FORMS.get(key, key)
    return key if key in TITLES else None  # the titles of titles.tsv, which every alias table carries
