"""Lower-case words of Indonesian news text, as data (common_words.txt), and the small word
lists of names (particles inside a name, words joining an organisation's name, nickname honorifics);
titles are in ``titles`` (titles.tsv).

``common_words.txt`` is built by ``scripts/build_common_words.py`` from the cased, licensed NER
training sets, jusText's Indonesian stoplist and the licensed unlabelled news text. It tells words
from names where case alone cannot: a word glued to a link ("dikutipAnadolu"), a title left on a
name ("Negeri Sugiono"), a programme taken for a person ("Sekolah Rakyat").
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = [
    "ACRONYM_SKIPS", "FUNCTION_WORDS", "LOCATIVES", "NAME_CONNECTORS", "NAME_PARTICLES",
    "NICKNAME_HONORIFICS", "PLACE_NAME_ENDINGS", "RUN_JOINERS", "common_words", "organisation_words",
]

# lower-case words that belong inside a person's name ("Mohammed bin Salman", "Ulina br Ginting");
# not "di" or "e": Indonesian "di" (at) and Portuguese "e" (and) join two names more often than one
NAME_PARTICLES = frozenset({
    "bin", "binti", "ibn", "bte", "br", "boru", "de", "da", "do", "dos", "das", "del", "della", "la", "van", "von",
    "der", "den", "al", "el",
})

# lower-case words that join the parts of one name that is no person's: an organisation or an office
# ("Kementerian Energi dan Sumber Daya Mineral", "Bank of America", "Johnson & Johnson")
NAME_CONNECTORS = frozenset({"dan", "of", "&"})

# lower-case words a capitalised run may hold, read by the NER model's run features. The shipped CRF was
# trained with exactly these (model card, feature "runs"): change them only with a new model.
RUN_JOINERS = frozenset({"dan", "&", "of", "the", "de", "van", "der", "von", "bin", "binti", "al", "el", "la", "untuk"})

# words before a capital city that make it the place, not the state it stands for ("di Beijing",
# "kunjungan ke Beijing"; "Beijing menolak" is China)
LOCATIVES = frozenset(
    "di ke dari dekat menuju sekitar kota ibu ibukota tiba kunjungan berkunjung mengunjungi bandara".split()
)

# honorifics that open a nickname ("Saifullah Yusuf atau Gus Ipul"): after "atau" they give one
# person's other name, not a second person
NICKNAME_HONORIFICS = frozenset({"gus", "cak", "kang", "bung", "abah", "mbah", "ning", "buya", "bang", "uda", "daeng"})

# words an acronym's initials skip ("KKP" = "Kementerian Kelautan dan Perikanan")
ACRONYM_SKIPS = frozenset({"dan", "dan/atau", "untuk", "di", "of", "and", "the", "&", "for"})

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
