"""Repair page text damaged by scrapers before the line classifier reads it.

Three kinds of damage are common in news text exported by scrapers (CSV dumps,
``element.text`` of a page):

- HTML entities left in the text (``&ldquo;``, ``&nbsp;``);
- domains split by a tokeniser (``KOMPAS. com``);
- words glued to the link text around them, because the anchors' spaces were
  lost: ``SerikatDonald Trumpkembali``, ``dikutipAnadolu Agency``,
  ``Serikat(AS)Elon``.

Glue is only undone in prose lines. Two joins are evidence enough on their own,
so they are split in any text: a known lower-case word glued to a capitalised
word the text also writes alone ("dikutipAnadolu" beside "Anadolu"), and a name
the text writes alone glued to a known word of five letters or more
("Karnavianmenyebut" beside "Karnavian"). Camel-case names (WhatsApp, iPhone,
PlayStation), outlets (detikNews) and domains (KapanLagi.com) stay whole: their
left part is capitalised, too short, an outlet, or their right part never stands
alone. The looser joins are undone only in a text whose prose shows glue at least
twice: a title, country or acronym glued to a name ("MenteriArab",
"SaudiPangeran", "RIPrabowo"), a known acronym glued to a word ("RImerinci"), any
lower-case word glued to a name the text writes alone ("lamanKementerian"), and
a name glued to a short function word ("Subiantodi").
"""

from __future__ import annotations

import html
import re

from kabar.lang.id.agencies import canonical_agency
from kabar.lang.id.aliases import alias_table
from kabar.lang.id.words import FUNCTION_WORDS, PLACE_NAME_ENDINGS, common_words

__all__ = ["join_broken_domains", "repair_text", "unescape_entities", "unglue_words"]

# "KOMPAS. com": a tokeniser's space after the dot of a domain (a sentence never starts with "com")
_BROKEN_DOMAIN = re.compile(r"\b([A-Za-z0-9]{3,})\. (com|co\.id|net|org)\b")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
# A run of letters that is not part of a domain, handle, hashtag or path ("KapanLagi.com", "#AnakArtis")
_LINK_RUN = re.compile(r"(?<![#@/.\w])[A-Za-z]{4,}(?![\w@/]|\.[A-Za-z])")
# Camel-case segments of a run of letters: "dilansirReutersdanAl" -> dilansir, Reutersdan, Al
_SEGMENT = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z])")
_PAREN_GLUE = (
    (re.compile(r"(?<=[a-z])\((?=[A-Z])"), " ("),  # "Serikat(AS)" -> "Serikat (AS)"
    (re.compile(r"\)(?=[A-Za-z])"), ") "),  # "(AS)Elon" -> "(AS) Elon"
)
_MIN_EVIDENCE = 2  # glued joins a text must show before any is undone
_MIN_PART = 3
_MIN_TAIL = 5  # a word split off a name: "kembali", "menyusul"; not "lah", "nya", "sari"
_MIN_PROSE_WORDS = 15
_SENTENCE_PUNCTUATION = re.compile(r"[a-z][,.;:!?](?:\s|$)")


def repair_text(text: str) -> str:
    """`text` with entities decoded and scraper-glued words split apart."""
    return unglue_words(join_broken_domains(unescape_entities(text)))


def join_broken_domains(text: str) -> str:
    """ "JAKARTA, KOMPAS. com - …" → "JAKARTA, KOMPAS.com - …", so datelines and outlets are found."""
    return _BROKEN_DOMAIN.sub(r"\1.\2", text)


def unescape_entities(text: str) -> str:
    """Decode HTML entities left in plain text; no-break spaces become spaces."""
    if not _ENTITY.search(text):
        return text
    return html.unescape(text).replace("\xa0", " ")


def unglue_words(text: str, words: frozenset[str] | None = None) -> str:
    """Split words glued by lost link spaces, when the text's sentences show that damage.

    Only prose lines are touched: menus copied from a page ("UmumPolkamHukum")
    are glued too, but that is chrome, not lost link spaces.
    """
    words = common_words() if words is None else words
    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if _is_prose(line)]
    standalone = frozenset(_CAPITALISED.findall(text))
    damaged = sum(_glue_evidence(lines[i], words, standalone) for i in prose) >= _MIN_EVIDENCE
    for i in prose:
        line = _LINK_RUN.sub(lambda m: _split_run(m.group(), words, standalone, damaged), lines[i])
        if damaged:
            for pattern, replacement in _PAREN_GLUE:
                line = pattern.sub(replacement, line)
        lines[i] = line
    return "\n".join(lines)


def _is_prose(line: str) -> bool:
    """A line of sentences, not a menu ("detikNews · Berita · Kolom"): long, with punctuation after words."""
    return len(line.split()) >= _MIN_PROSE_WORDS and _SENTENCE_PUNCTUATION.search(line) is not None


def _glue_evidence(line: str, words: frozenset[str], standalone: frozenset[str] = frozenset()) -> int:
    """Known lower-case words glued to the capitalised word after them ("dikutipAnadolu"), and known
    titles, countries or acronyms glued to a name the text also writes alone ("SaudiPangeran")."""
    count = 0
    for match in _LINK_RUN.finditer(line):
        segments = _SEGMENT.findall(match.group())
        if canonical_agency(match.group()) is not None:
            continue
        count += sum(
            1 for left, right in zip(segments, segments[1:])
            if (left[0].islower() and _word_then_name(left, right, words)) or _name_then_name(left, right, words, standalone)
        )
    return count


def _name_then_name(left: str, right: str, words: frozenset[str], standalone: frozenset[str]) -> bool:
    """A title, a country, an acronym the alias table knows or a capitalised common word (a portfolio:
    "Kebudayaan"), glued to a capitalised word that is a title or known name itself or stands alone
    elsewhere in the text: "Menteri|Arab", "RI|Prabowo", "Kebudayaan|Fadli"."""
    if not (left[:1].isupper() and right[:1].isupper() and right[1:].islower() and len(right) >= _MIN_PART):
        return False
    table = alias_table()
    known_left = left.lower() in table.titles or table.lookup(left) is not None or (
        left[1:].islower() and len(left) >= _MIN_TAIL and left.lower() in words
    )
    known_right = right in standalone or right.lower() in table.titles or table.lookup(right) is not None
    return known_left and known_right


def _word_then_name(left: str, right: str, words: frozenset[str]) -> bool:
    """A known word directly followed by a capitalised word: "dikutip|Anadolu", "Serikat|Donald"."""
    return (
        len(left) >= _MIN_PART
        and len(right) >= _MIN_PART
        and left.lower() in words
        and right[:1].isupper()
        and right[1:].islower()
    )


# an acronym glued to the word after it: "RImerinci" (RI merinci)
_ACRONYM_THEN_WORD = re.compile(r"([A-Z]{2,5})([a-z]{4,})")


def _split_run(run: str, words: frozenset[str], standalone: frozenset[str], damaged: bool) -> str:
    """One run of letters with its glued joins split: the sure ones always, the others when the text
    is `damaged` (has shown glue twice)."""
    glued = _ACRONYM_THEN_WORD.fullmatch(run)
    if damaged and glued and alias_table().lookup(glued.group(1)) is not None:
        return f"{glued.group(1)} {glued.group(2)}"
    segments = _SEGMENT.findall(run)
    if len(segments) < 2 and not (run[:1].isupper() and run[1:].islower()):
        return run
    if canonical_agency(run) is not None:
        return run  # an outlet written in camel case: "detikNews", "BeritaSatu", "KapanLagi"
    pieces = [segments[0]]
    for segment in segments[1:]:
        sure = _word_then_name(pieces[-1], segment, words) and segment in standalone
        loose = damaged and (
            _word_then_name(pieces[-1], segment, words)
            or _name_then_name(pieces[-1], segment, words, standalone)
            or _unknown_word_then_standalone_name(pieces[-1], segment, standalone)
        )
        if sure or loose:
            pieces.append(segment)
        else:
            pieces[-1] += segment
    return " ".join(part for piece in pieces for part in _split_name_word(piece, words, standalone, damaged))


def _unknown_word_then_standalone_name(left: str, right: str, standalone: frozenset[str]) -> bool:
    """In a text known to be damaged, any lower-case word of four letters or more glued to a name the
    text also writes alone: "laman|Kementerian"."""
    return len(left) >= 4 and left.isalpha() and left.islower() and right in standalone


def _split_name_word(piece: str, words: frozenset[str], standalone: frozenset[str], damaged: bool) -> tuple[str, ...]:
    """ "Trumpkembali" -> ("Trump", "kembali") when "Trump" stands alone elsewhere in the text; in a
    damaged text also "Subiantodi" -> ("Subianto", "di")."""
    if not (piece[:1].isupper() and piece[1:].islower()) or piece.lower() in words:
        return (piece,)
    for cut in range(len(piece) - _MIN_PART, _MIN_PART - 1, -1):
        head, tail = piece[:cut], piece[cut:]
        if tail in PLACE_NAME_ENDINGS:
            continue  # "Karangtengah" is a place's name
        if head in standalone and (len(tail) >= _MIN_TAIL and tail in words or damaged and tail in FUNCTION_WORDS):
            return head, tail
    return (piece,)
