"""Lower-case words of Indonesian news text, as data (common_words.txt), and the small word
lists of personal names (particles inside a name, ranks of the people places are named after).

``common_words.txt`` is built by ``scripts/build_common_words.py`` from the cased, licensed NER
training sets, jusText's Indonesian stoplist and the licensed unlabelled news text. It tells words
from names where case alone cannot: a word glued to a link ("dikutipAnadolu"), a title left on a
name ("Negeri Sugiono"), a programme taken for a person ("Sekolah Rakyat").
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["EPONYM_TITLES", "FUNCTION_WORDS", "NAME_PARTICLES", "PLACE_NAME_ENDINGS", "common_words", "organisation_words"]

# lower-case words that belong inside a person's name ("Mohammed bin Salman", "Ulina br Ginting");
# not "di" or "e": Indonesian "di" (at) and Portuguese "e" (and) join two names more often than one
NAME_PARTICLES = frozenset({
    "bin", "binti", "ibn", "bte", "br", "boru", "de", "da", "do", "dos", "das", "del", "della", "van", "von",
    "der", "den", "al", "el",
})

# short prepositions, conjunctions and relative words that follow a name in a sentence ("Prabowo di
# Jeddah", "Trump dan Musk"): what a lost link space glues to the name before it
FUNCTION_WORDS = frozenset({
    "di", "ke", "dari", "dan", "yang", "pada", "untuk", "dengan", "atau", "serta", "ini", "itu", "akan",
})

# words that end compound place names ("Karangtengah", "Kebayoranbaru", "Sukamakmur"): a name glued
# to one of these is a place's name, not glue
PLACE_NAME_ENDINGS = frozenset({
    "tengah", "utara", "selatan", "timur", "barat", "baru", "anyar", "jaya", "raya", "indah", "asri",
    "makmur", "sari", "mulya", "mulyo", "rejo", "kidul", "kulon", "wetan", "lor", "agung", "permai",
})

# ranks and honorifics of the people streets, airports and hospitals are named after ("Jalan Jenderal
# Sudirman"); an office ("Gedung Sate Gubernur Ridwan Kamil") names the person acting, not the place
EPONYM_TITLES = frozenset({
    "jenderal", "jend.", "letjen", "mayjen", "brigjen", "laksamana", "marsekal", "kolonel", "kapten", "sultan",
    "raja", "ratu", "pangeran", "haji", "h.", "kh", "k.h.", "kiai", "kyai", "dr.", "prof.", "ir.", "pol", "tni",
})


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
