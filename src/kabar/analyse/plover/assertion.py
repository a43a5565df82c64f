"""Is a predicate stated as having happened? The cues that say it is not.

PLOVER codes what happened, not what was planned, asked for, denied,
imagined, predicted or alleged. Indonesian marks these with words before the
predicate in its clause: a negation or modal right before it ("tidak
menyerang", "akan bertemu"), an appeal or allegation governing its clause
("mendesak Israel menghentikan serangan", "diduga menyerang"), or a condition
anywhere before it in the sentence ("Jika Iran menyerang, …"). A question
asserts nothing either.
"""

from __future__ import annotations

import re

from kabar.analyse.plover.triggers import Trigger
from kabar.analyse.tokens import Token
from kabar.lang.id import plover_cues as cues

# How far back a word must sit to bind the predicate.
_NEAR = 4  # negation, modality, habit, prediction: "tidak akan pernah lagi menyerang"
_CLAUSE = 14  # appeals, allegations, opinions govern their whole complement

_PUNCT_STOPS = frozenset({".", ";", "!", "?", ":"})
_SOFT_STOPS = frozenset({",", "(", ")", "“", "”", '"'})
_NEW_CLAUSE = frozenset({"setelah", "sebelum", "ketika", "saat", "sejak", "usai", "seusai", "namun", "tetapi", "sedangkan", "sementara"})
_VERB = re.compile(r"^(?:meng|meny|mem|men|me[lrwy]|di|ber|ter)[a-z]{3,}$")
_PROSECUTION = frozenset({"jaksa", "jpu", "penyidik", "dakwaan", "penuntut", "surat"})


def unasserted(tokens: list[Token], trigger: Trigger) -> str | None:
    """Why the predicate is not an asserted happening ("negated", "plan", …), or None if it is."""
    words = [t.text.lower() for t in tokens]
    if _is_question(words, trigger):
        return "question"
    reason = _near_cue(words, trigger.first)
    if reason:
        return reason
    reason = _clause_cue(words, trigger.first)
    if reason:
        return reason
    if trigger.voice == "nominal" or trigger.bare:
        return _referred_to(words, trigger.first) or _after_nominal(words, trigger.last)
    return None


def _is_question(words: list[str], trigger: Trigger) -> bool:
    tail = next((w for w in reversed(words) if w not in {"”", '"', "’", ")"}), "")
    return tail == "?" or "apakah" in words[: trigger.first]


def _near_cue(words: list[str], first: int) -> str | None:
    for i in range(first - 1, max(-1, first - 1 - _NEAR), -1):
        w = words[i]
        if w in _PUNCT_STOPS or w in _SOFT_STOPS or (w in cues.CLAUSE_OPENERS and w not in {"yang"}):
            return None
        if w in cues.NEGATION:
            return "negated"
        if w in cues.MODAL and (w not in cues.PURPOSE_PREPOSITIONS or _purpose(words, i, first)):
            return "plan"
        if w in cues.HABITUAL:
            return "generic"
        if w in cues.PREDICTION:
            return "prediction"
    return None


def _purpose(words: list[str], cue: int, first: int) -> bool:
    """"untuk menangkap", "untuk segera melakukan kunjungan": a purpose when a verb or adverb follows;
    "bekerja untuk majalah itu": a preposition when a noun does."""
    following = words[cue + 1] if cue + 1 < len(words) else ""
    return cue + 1 == first or following in cues.PURPOSE_ADVERBS or following in cues.MODAL or bool(
        _VERB.match(following)
    )


def _clause_cue(words: list[str], first: int) -> str | None:
    governed = True  # cleared at a clause opener: an appeal before it does not reach past it
    for i in range(first - 1, -1, -1):
        w = words[i]
        if w in cues.CONDITION or (w == "hal" and i > 0 and words[i - 1] == "dalam"):
            return "hypothetical"  # "dalam hal …": in case
        if w in cues.GENERIC_SUBJECTS and first - i <= _CLAUSE:
            return "generic"
        if w in _PUNCT_STOPS:
            return None
        if not governed or first - i > _CLAUSE or w in _SOFT_STOPS:
            continue  # only a condition reaches across commas and far back
        if w in _NEW_CLAUSE:
            governed = False
        elif w in cues.APPEAL:
            return "appeal"
        elif w in cues.ALLEGATION:
            return "allegation"
        elif w == "menurut" and i + 1 < len(words) and words[i + 1] in _PROSECUTION:
            return "allegation"
        elif w == "menurut" and i + 1 < len(words) and words[i + 1] in cues.STUDIES:
            return "statistic"
        elif w in cues.OPINION:
            return "opinion"
    return None


def _referred_to(words: list[str], first: int) -> str | None:
    """"menjawab tuntutan para sopir", "menghormati pemanggilan itu": the noun is talked about."""
    before = words[max(0, first - 3) : first]
    return "reference" if any(w in cues.REFERRING for w in before) else None


def _after_nominal(words: list[str], last: int) -> str | None:
    """"kunjungan yang akan dilakukan", "serangan yang direncanakan": a planned act named by a noun;
    "demonstrasi mahasiswa belum meletus": one that has not happened."""
    window = words[last + 1 : last + 4]
    if "yang" in window and any(w in cues.MODAL or w in {"direncanakan", "dijadwalkan"} for w in window):
        return "plan"
    if any(w in cues.NEGATION for w in words[last + 1 : last + 5]):
        return "negated"
    return None
