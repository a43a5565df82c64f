"""Who acted and on whom: the actor and recipient of a predicate.

Indonesian is SVO. An active predicate (meN-, ber-, a bare root) takes as
actor the first noun phrase of its clause that is not inside a prepositional
phrase, and as recipient the first one after it. A di- passive turns this
round: its subject is the recipient and the agent follows "oleh" or stands
right after the verb ("ditangkap polisi"). A noun predicate names its actor
right after it ("kunjungan Prabowo"), unless a light verb before it makes it
a clause ("X melancarkan serangan"). Verbs after a quotation put the speaker
after them ("…, kecam Obama"). A pronoun stands for a speaker or an actor named
before; noun phrases come from the article's entities (with their canonical
names) and from common nouns of groups (`plover_cues.GROUPS`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kabar.analyse.plover.triggers import Trigger
from kabar.analyse.tokens import Token
from kabar.lang.id import plover_cues as cues
from kabar.lang.id.plover import PATIENT_NOUN_TYPES
import re

from kabar.lang.id.quote_cues import POST_CUES, SPEECH_VERBS, SUBJECT_ADVERBS, TITLE_WORDS

Name = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase that may fill a role: tokens [first, last] of the sentence."""

    first: int
    last: int
    text: str
    name: str | None  # canonical (English) name; None for a pronoun until resolved
    kind: str  # "entity", "group", "pronoun"
    entity_type: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    name: Name | None
    text: Name | None  # the words in the sentence, None when the sentence does not name it


NO_ROLE = Role(None, None)

_LIGHT_ACTIVE = frozenset(
    "menggelar melakukan melancarkan mengadakan melaksanakan menyampaikan mengeluarkan meluncurkan "
    "mengirim mengirimkan mengajukan memberikan memberi menjatuhkan menerima mencapai membuat "
    "melayangkan melontarkan melangsungkan menjalani menyatakan menyuarakan menunjukkan memberlakukan "
    "mengenakan menerapkan menjalin memulai membuka menetapkan mengumumkan".split()
)
_LIGHT_PASSIVE = frozenset(
    "digelar dilakukan dilancarkan diadakan dilaksanakan disampaikan dikeluarkan diluncurkan "
    "diajukan diberikan dijatuhkan dicapai dibuat diberlakukan dikenakan diterapkan dijalin dimulai dibuka "
    "ditetapkan diumumkan".split()
)
_HAPPENED = frozenset("terjadi berlangsung".split())
_BOUNDARIES = frozenset(
    "bahwa bahwasanya setelah sebelum ketika saat sejak usai seusai sesudah karena sehingga namun tetapi tapi "
    "sedangkan padahal meski meskipun walaupun agar supaya".split()
)
_DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut"})
_TEMPORAL = frozenset("saat ketika setelah sebelum usai seusai sesudah sejak sambil seraya".split())
_STOPS = frozenset({".", ";", "!", "?", ":", "“", "”", '"'})
_RECIPIENT_PREPS = frozenset({"dengan", "kepada", "terhadap", "atas", "ke", "bagi", "untuk"})
_VERB_FORM = re.compile(r"^(?:meng|meny|mem|men|me[lrwy]|di|ber|ter|per)\w{3,}$")
_CONJ = frozenset({"dan", "serta", ",", "&"})
_FIRST_PERSON = frozenset({"kami", "kita", "saya"})
_NOMINAL_AGENT = frozenset({"oleh", "dari"})


def is_light_verb_object(words: list[str], trigger: Trigger) -> str | None:
    """"active" when a light verb makes the noun a clause's predicate ("menggelar unjuk rasa"),
    "passive" for its passive ("serangan dilancarkan"), "nominal" when its source follows ("kritik
    datang dari X"), None otherwise."""
    before = words[max(0, trigger.first - 2) : trigger.first]
    if any(w in _LIGHT_ACTIVE for w in before):
        return "active"
    after = words[trigger.last + 1 : trigger.last + 4]
    if after[:2] in (["datang", "dari"], ["muncul", "dari"]):
        return "nominal"  # "Kritik datang dari X": the noun's actor follows
    if any(w in _LIGHT_PASSIVE or w in _HAPPENED for w in after):
        return "passive"
    return None


def roles(
    tokens: list[Token], phrases: list[Phrase], trigger: Trigger, voice: str
) -> tuple[Phrase | tuple[Phrase, ...] | None, Phrase | tuple[Phrase, ...] | None]:
    """(actor, recipient) phrases of the predicate in its sentence; a tuple for a compound actor."""
    words = [t.text.lower() for t in tokens]
    if voice == "passive":
        subject = _subject(words, phrases, trigger)
        agent = _agent(words, phrases, trigger)
        return agent, subject
    if voice == "nominal" and trigger.type in PATIENT_NOUN_TYPES:
        patient = _after(words, phrases, trigger.last, preps=frozenset(), adjacent=True)
        agent = _after(words, phrases, _end_of(patient, trigger.last), preps=frozenset({"oleh"}))
        has_oleh = agent is not None and "oleh" in words[trigger.last + 1 : _first_of(agent)]
        return (agent if has_oleh else None), patient
    if voice == "nominal":
        # "kunjungan Prabowo", "serangan oleh Israel", "sambungan telepon dari Presiden Lee"
        actor = _after(words, phrases, trigger.last, preps=_NOMINAL_AGENT, adjacent=True, modifiers=2)
        if actor is None and words[trigger.last + 1 : trigger.last + 3] in (["datang", "dari"], ["muncul", "dari"]):
            # "Kritik datang dari sejumlah anggota parlemen"
            actor = _after(words, phrases, trigger.last + 2, preps=frozenset(), adjacent=True, modifiers=2)
        if actor is None and trigger.text.lower().endswith("nya"):
            actor = Phrase(trigger.first, trigger.last, "-nya", None, "pronoun")  # "kunjungannya": his visit
        recipient = _after(words, phrases, _end_of(actor, trigger.last), preps=_RECIPIENT_PREPS - {"untuk", "bagi"})
        return actor, recipient
    actor = _subject(words, phrases, trigger)
    if actor is None and _inverted(words, trigger):
        actor = _after(words, phrases, trigger.last, preps=frozenset(), adjacent=True)
        recipient = None
    else:
        recipient = _after(words, phrases, trigger.last, preps=_RECIPIENT_PREPS)
    if trigger.type == "CONSULT" and isinstance(actor, tuple) and recipient is not None:
        if not any(words[i] == "dengan" for i in range(trigger.last + 1, _first_of(recipient))):
            recipient = None  # "X dan Y bertemu … di Z": reciprocal
    return actor, recipient


def _first_of(role: Phrase | tuple[Phrase, ...]) -> int:
    return role[0].first if isinstance(role, tuple) else role.first


def _end_of(role: Phrase | tuple[Phrase, ...] | None, default: int) -> int:
    if role is None:
        return default
    return role[-1].last if isinstance(role, tuple) else role.last


def _clause_start(words: list[str], before: int) -> int:
    for i in range(before - 1, -1, -1):
        w = words[i]
        if w in _STOPS or w in _BOUNDARIES or (w in SPEECH_VERBS and not _parenthetical(words, i)):
            return i + 1
    return 0


def _in_pp(words: list[str], phrase: Phrase) -> bool:
    i = phrase.first - 1
    while i >= 0 and (words[i] in cues.QUANTIFIERS or words[i].isdigit()):
        i -= 1
    return i >= 0 and words[i] in cues.PREPOSITIONS


def _subject(words: list[str], phrases: list[Phrase], trigger: Trigger) -> Phrase | tuple[Phrase, ...] | None:
    start = _clause_start(words, trigger.first)
    relative = _relative_head(words, phrases, start, trigger.first)
    if relative is not None:
        return relative
    # After a fronted adverbial ("Akibat skandal itu, ratusan ribu warga turun ke jalan") the subject
    # follows the last comma; otherwise it opens the clause ("Polisi menangkap X dan menyita Y").
    comma = next((i for i in range(trigger.first - 1, start - 1, -1) if words[i] == ","), None)
    fronted = start > 0 and words[start - 1] in _TEMPORAL  # "Setelah …, massa membentangkan spanduk"
    if comma is not None and not fronted and (
        any(p.last == comma - 1 for p in phrases) or words[comma + 1 : comma + 2] in (["dan"], ["serta"])
    ):
        comma = None  # "Kim Jong Un, dan Xi …", "Xi Jinping, …": a list or an apposition, not an adverbial
    for segment_start in ([comma + 1] if comma is not None else []) + [start]:
        for phrase in phrases:
            if phrase.first < segment_start or phrase.last >= trigger.first:
                continue
            if _in_pp(words, phrase) or _parenthetical(words, phrase.first - 1):
                continue
            return _with_conjuncts(words, phrases, phrase, trigger.first)
    if start > 0 and (words[start - 1] in SPEECH_VERBS or words[start - 1] == "bahwa"):
        # "X mengatakan telah membuka penyelidikan": a subjectless report shares the speaker
        cue = start - 1 if words[start - 1] in SPEECH_VERBS else start - 2
        before = [p for p in phrases if p.last < cue and cue - p.last <= 1 and not _in_pp(words, p)]
        if cue >= 0 and words[cue] in SPEECH_VERBS and before:
            return _with_conjuncts(words, phrases, before[-1], cue)
    if start > 0 and words[start - 1] in _TEMPORAL:
        # "Macron saat berkunjung ke Tallinn": a subjectless time clause shares the subject before it
        before = [p for p in phrases if p.last < start - 1 and start - 1 - p.last <= 2 and not _in_pp(words, p)]
        if before:
            return before[-1]
    return None


def _parenthetical(words: list[str], cue: int) -> bool:
    """", kata Sutikno," inside a clause: the speaker is not the clause's subject."""
    return 0 < cue < len(words) and words[cue - 1] == "," and (words[cue] in POST_CUES or words[cue] in SPEECH_VERBS)


def _relative_head(words, phrases, start: int, first: int) -> Phrase | tuple[Phrase, ...] | None:
    """"Kim, yang pekan lalu mengucapkan selamat": the subject of a "yang" clause is its antecedent."""
    at = next((i for i in range(first - 1, start - 1, -1) if words[i] == "yang"), None)
    if at is None or any(at < p.first < first for p in phrases):
        return None
    before = [p for p in phrases if p.last < at and at - p.last <= 2]
    if not before:
        return None
    group = [before[-1]]
    for p in reversed([p for p in phrases if p.last < group[0].first]):
        between = words[p.last + 1 : group[0].first]
        # "A, B dan C yang …": the join next to the head needs "dan"; a lone comma before the
        # head ends a fronted clause ("Setelah … Fadli Zon, massa yang hadir …")
        if between and all(w in _CONJ for w in between) and (len(group) > 1 or set(between) - {","}):
            group.insert(0, p)
        else:
            break
    return tuple(group) if len(group) > 1 else group[0]


def _with_conjuncts(words, phrases, head: Phrase, limit: int) -> Phrase | tuple[Phrase, ...]:
    """The head with the phrases joined to it: "X dan Y" (a compound), "pemimpin Korut, Kim Jong Un"
    and "Presiden China Xi Jinping" (appositions: the person stands for the phrase)."""
    group = [head]
    for phrase in phrases:
        if phrase.first <= group[-1].last or phrase.last >= limit:
            continue
        between = words[group[-1].last + 1 : phrase.first]
        rest = [w for w in between if w not in _CONJ]
        if set(between) & {"dan", "serta", "&"} and len(rest) <= 2 and all(_plain_noun(w) for w in rest):
            group.append(phrase)
        elif _apposition(group[-1], phrase, between):
            group[-1] = phrase
        else:
            break
    return tuple(group) if len(group) > 1 else group[0]


def _apposition(left: Phrase, right: Phrase, between: list[str]) -> bool:
    if right.entity_type != "PER" or left.entity_type == "PER":
        return False
    between = [w for w in between if w not in {"(", ")"}]  # "Menteri ESDM (ESDM) Bahlil": brackets aside
    if between == [","] or not between:
        return True
    return len(between) <= 2 and all(w.isalpha() and not w.startswith(("me", "di", "ber")) for w in between)


def _agent(words: list[str], phrases: list[Phrase], trigger: Trigger) -> Phrase | tuple[Phrase, ...] | None:
    after_oleh = _after(words, phrases, trigger.last, preps=frozenset({"oleh"}))
    if after_oleh is not None and any(words[i] == "oleh" for i in range(trigger.last + 1, _first_of(after_oleh))):
        return after_oleh
    return _after(words, phrases, trigger.last, preps=frozenset(), adjacent=True)


def _after(
    words: list[str], phrases: list[Phrase], last: int, *, preps: frozenset[str], adjacent: bool = False,
    modifiers: int = 0,
) -> Phrase | tuple[Phrase, ...] | None:
    """The first phrase after token `last` in its clause: right after it (or after up to `modifiers`
    plain words: "kecaman resmi Riyadh"), or after one of `preps`."""
    for phrase in phrases:
        if phrase.first <= last:
            continue
        between = words[last + 1 : phrase.first]
        if any(w in _STOPS or w in _BOUNDARIES or w == "," for w in between):
            return None
        core = [w for w in between if w not in cues.QUANTIFIERS and not w.isdigit() and w not in _DEMONSTRATIVES]
        if not core or (len(core) == 1 and core[0] in preps):
            return _with_conjuncts(words, phrases, phrase, len(words))
        if adjacent:
            if 0 < len(core) <= modifiers and all(_plain_noun(w) for w in core):
                return _with_conjuncts(words, phrases, phrase, len(words))
            return None
        head = core[1:] if core[0] in preps else core
        if len(head) <= 4 and all(_plain_noun(w) for w in head):
            return _with_conjuncts(words, phrases, phrase, len(words))  # "kebijakan AS": X's policy
        return None
    return None


def _plain_noun(word: str) -> bool:
    """A word that is neither a verb form nor a function word: "ambisi nuklir X", "Menteri Luar Negeri X"."""
    if not word.isalpha() or word in cues.PREPOSITIONS or word in _BOUNDARIES or word in cues.CLAUSE_OPENERS:
        return False
    if word in TITLE_WORDS:
        return True
    return not _VERB_FORM.match(word) and word not in {"itu", "ini", "tersebut", "yang"}


def headline_verb(words: list[str], phrases: list[Phrase], trigger: Trigger) -> bool:
    """A bare root used as a verb: after a quotation ("…," kecam X) or right after its subject ("Iran Tolak …")."""
    i = trigger.first - 1
    while i >= 0 and words[i] in SUBJECT_ADVERBS:
        i -= 1  # "Iran juga tolak …"
    return _inverted(words, trigger) or any(p.last == i for p in phrases)


def _inverted(words: list[str], trigger: Trigger) -> bool:
    """"…," kecam Obama: a bare verb right after a quotation or comma, its subject after it."""
    before = words[max(0, trigger.first - 2) : trigger.first]
    return bool(before) and before[-1] in {",", "”", '"'} and any(w in {"”", '"', "’"} for w in before)


def resolve_pronoun(
    phrase: Phrase, speaker: str | None, previous: str | None, previous_body: str | None = None
) -> str | None:
    """A pronoun's referent: the speaker of the sentence's quotation or reported speech ("Kami
    mengecam …," kata X; "X mengatakan bahwa mereka mendukung …"), else the last one named before;
    "mereka" is the last body (an organisation) named, never one person."""
    if phrase.text.lower() in _FIRST_PERSON:
        return speaker
    if phrase.text.lower() in cues.PLURAL_PRONOUNS:
        return previous_body
    return speaker or previous
