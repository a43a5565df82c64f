"""Language knowledge lives in `kabar.lang`: no Indonesian word list in the engines (issue 17).

A word list is a literal set, tuple, list or `"… …".split()`, or a regex alternation ("a|b|c"), with
at least 5 lower-case words of Indonesian news text (`kabar.lang.id.words.common_words`). Exempt:
the modules other engineers own and are moving (each with its reason below).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import kabar
from kabar.lang.id.words import common_words

ROOT = Path(kabar.__file__).parent
MIN_WORDS = 5
EXEMPT = {
    "lang/": "the language data itself",
    "analyse/timex/": "the time grammar, whose words its owner moves into lang.id.time_words",
    "analyse/plover/": "the PLOVER coder's clause words and light verbs, for lang.id.plover_cues by its owner",
    # extract is being reworked by its owner as this lands (meta.py's interview cues and name particles,
    # furniture.py's openers): its lists move into lang.id there
    "extract/": "the extractor's cue words (dihubungi, ditemui …; silakan, segera …), for lang.id by extract's owner",
    "analyse/tokens.py": "the tokeniser's abbreviations (dr, prof, jl, no …), for lang.id with the tokeniser",
    "link/conflicts.py": "the nouns casualty counts are made of (orang, korban, jiwa …), for lang.id by link's owner",
}
_ALTERNATION = re.compile(r"[a-z]+(?:\|[a-z]+){%d,}" % (MIN_WORDS - 1))


def _words(node: ast.AST) -> list[str]:
    """The strings a literal collection, a `"…".split()` or a regex alternation lists; else none."""
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        values = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        return values if len(values) == len(node.elts) else []
    if (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
        and not node.args and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value.split()
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [w for run in _ALTERNATION.findall(node.value) for w in run.split("|")]
    return []


def word_lists(source: str) -> list[tuple[int, list[str]]]:
    """(line, Indonesian words) of each word list in Python `source`."""
    known = common_words()
    found = []
    for node in ast.walk(ast.parse(source)):
        indonesian = [w for w in _words(node) if w.islower() and w in known]
        if len(indonesian) >= MIN_WORDS:
            found.append((node.lineno, indonesian))
    return found


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('CUES = frozenset({"kata", "ujar", "ungkap", "tutur", "ucap"})', True),
        ('CUES = frozenset("kata ujar ungkap tutur ucap".split())', True),
        ('VERB = re.compile(r"(?:mengatakan|melaporkan|menyebut|menyatakan|menulis)\\b")', True),
        ('MARKS = ("“", "”", "„", "«", "»")', False),
        ('CUES = frozenset({"kata", "ujar", "ungkap", "tutur"})', False),  # four words: below the bar
        ('NAMES = ("Jakarta", "Bandung", "Surabaya", "Medan", "Makassar")', False),  # capitalised: names
    ],
)
def test_word_lists_detector_finds_lists_of_indonesian_words(source, found):
    assert bool(word_lists(source)) is found


def test_word_lists_no_indonesian_word_list_outside_lang():
    outside = {}
    for path in sorted(ROOT.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if any(name.startswith(prefix) for prefix in EXEMPT):
            continue
        for line, words in word_lists(path.read_text(encoding="utf-8")):
            outside[f"{name}:{line}"] = words[:6]
    assert outside == {}, "move these word lists into kabar.lang.id (a module of data) and import them, or exempt the module above with its reason"


def test_word_lists_every_exemption_names_a_module_that_exists():
    assert [prefix for prefix in EXEMPT if not (ROOT / prefix).exists()] == []
