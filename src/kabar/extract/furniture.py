"""Page furniture inside running text, found sentence by sentence.

Scraped bodies often fold the page into one long line, so a whole-line classifier
cannot see the invitation to a WhatsApp channel or the syndication note at its end.
Here the body is cut into sentences and each is weighed on general cues
(`kabar.lang.id.furniture`): an imperative call to action, a link or a handle, a
messaging channel, words addressed to the reader, the outlet naming itself, a note
about the text itself, a teaser for a video; and its position (furniture closes an
article, or follows other furniture). A sentence is cut only when two kinds of cue
agree, so a report that mentions a video on Instagram keeps every sentence. Beside the cues, a
learned model (`furniture_model`, trained and checked leave-one-outlet-out on labelled IndoSum
sentences) cuts a sentence it calls furniture with high confidence: related-link titles, credits,
editor initials and captions that no cue list names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kabar.extract.furniture_model import HANDLE as _HANDLE
from kabar.extract.furniture_model import LINK as _LINK
from kabar.extract.furniture_model import FurnitureModel, Place, shipped_model
from kabar.lang.id import furniture as data

# A sentence ends at . ! ? … (and closing quotes) before a space and an opening capital or quote;
# URLs and numbers ("Rp2.000", "t.me/x") hold no space after their dots and are never split.
_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    self_ref = re.compile("|".join(f"(?:{p})" for p in data.SELF_REFERENCE), re.I)
    teaser = re.compile(r"^\W{0,3}(?:" + "|".join(f"(?:{p})" for p in data.TEASER_OPENERS) + ")", re.I)
    return self_ref, teaser


@dataclass(frozen=True, slots=True)
class Cues:
    """What one sentence shows; `kinds` counts the distinct kinds present."""

    action: bool  # opens with an imperative ("Klik", "Ikuti", "Simak")
    link: bool  # a URL or a handle
    channel: bool  # a messaging channel, a social network, the outlet's app
    reader: bool  # speaks to the reader ("Anda", "ponselmu")
    outlet: bool  # the page's outlet names itself
    self_reference: bool  # says something of the text itself (syndication, credits)
    teaser: bool  # opens a teaser for a video or photos

    @property
    def kinds(self) -> int:
        return sum((self.action, self.link, self.channel, self.reader, self.outlet))


def sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, verbatim (joining them with one space gives the paragraph back,
    up to its spacing)."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE.finditer(paragraph):  # cut in the space after the end mark and its quotes
        out.append(paragraph[start:match.start(1)])
        start = match.end(1)
    out.append(paragraph[start:])
    return [s for s in out if s.strip()]


def sentence_key(sentence: str) -> str:
    """A sentence as compared across pages: its words, lower-cased (spacing, punctuation and
    inline markers such as HTML entities aside)."""
    return " ".join(re.findall(r"\w+", sentence.lower()))


def cues(sentence: str, outlet_names: Iterable[str] = ()) -> Cues:
    text = sentence.strip()
    words = [w.lower() for w in _WORD.findall(text)]
    opener = next((w for w in words[:3] if w not in data.ACTION_LEAD_INS), "")
    lowered = text.lower()
    self_ref, teaser = _patterns()
    names = [n.lower() for n in outlet_names if n and len(n) >= 4]
    return Cues(
        action=opener in data.CALL_TO_ACTION,
        link=bool(_LINK.search(text) or _HANDLE.search(text)),
        channel=any(w in data.CHANNEL_WORDS for w in words) or "google news" in lowered,
        reader=any(w in data.READER_WORDS for w in words),
        outlet=any(n in lowered for n in names),
        self_reference=bool(self_ref.search(text)),
        teaser=bool(teaser.match(text)),
    )


def is_furniture(found: Cues, *, closing: bool, after_furniture: bool) -> bool:
    """Two kinds of cue agree; a note about the text itself or a teaser counts when it closes the
    article or follows other furniture (a report may quote "artikel ini" in its middle)."""
    if found.self_reference and (closing or after_furniture or found.outlet):
        return True
    if found.teaser and (closing or after_furniture or found.kinds >= 1):
        return True
    if found.action and (found.link or (found.channel and (found.reader or found.outlet or after_furniture))):
        return True  # an imperative sending the reader to a link, or to a channel named for them
    if found.link and (found.channel or found.reader) and (found.outlet or after_furniture):
        return True
    return after_furniture and found.kinds >= 2 and (found.link or found.channel)


def _any_cue(found: Cues) -> bool:
    return found.kinds >= 1 or found.self_reference or found.teaser


def strip_furniture(
    body: Sequence[str],
    outlet_names: Iterable[str] = (),
    repeated: frozenset[str] = frozenset(),
    *,
    learned: bool = True,
) -> tuple[list[str], list[str]]:
    """The body without furniture sentences: (paragraphs, removed sentences). Only the article's
    closing sentences, and sentences next to a furniture sentence, are candidates at their weakest.
    `repeated` holds `sentence_key`s other pages of the outlet carry: such a sentence with any cue
    of furniture goes (a background sentence an outlet repeats has none and stays). With `learned`,
    a sentence the shipped model (`furniture_model`) calls furniture at its threshold goes too."""
    names = tuple(outlet_names)
    model = shipped_model() if learned else None
    split = [sentences(paragraph) for paragraph in body]
    judged = _learned_cuts(split, names, repeated, model) if model else [[False] * len(p) for p in split]
    kept: list[str] = []
    removed: list[str] = []
    last = len(body) - 1
    for n, (paragraph, parts) in enumerate(zip(body, split)):
        found = [cues(sentence, names) for sentence in parts]
        cut = [False] * len(parts)
        for k, sentence_cues in enumerate(found):
            closing = n == last and k >= len(parts) - 3
            cut[k] = is_furniture(sentence_cues, closing=closing, after_furniture=k > 0 and cut[k - 1]) or (
                _any_cue(sentence_cues) and sentence_key(parts[k]) in repeated)
        # An imperative just before furniture opens it ("Dapatkan update berita pilihan setiap hari.").
        for k in range(len(parts) - 2, -1, -1):
            if cut[k + 1] and not cut[k] and found[k].action and (n == last or k >= len(parts) - 4):
                cut[k] = True
        cut = [rule or model_says for rule, model_says in zip(cut, judged[n])]
        if not any(cut):
            kept.append(paragraph)  # untouched, spacing and all
            continue
        removed.extend(s.strip() for s, gone in zip(parts, cut) if gone)
        keep = [s.strip() for s, gone in zip(parts, cut) if not gone]
        if keep:
            kept.append(" ".join(keep))
    return kept, removed


def _learned_cuts(
    split: Sequence[Sequence[str]], names: tuple[str, ...], repeated: frozenset[str], model: FurnitureModel
) -> list[list[bool]]:
    """The model's verdict on each sentence, placed among all the body's sentences (position is a cue)."""
    flat = [sentence for parts in split for sentence in parts]
    count = len(flat)
    out: list[list[bool]] = []
    index = 0
    for parts in split:
        verdicts = []
        for sentence in parts:
            place = Place(index, count, flat[index - 1] if index else "", sentence_key(sentence) in repeated, names,
                          flat[index + 1] if index + 1 < count else "")
            verdicts.append(model.is_furniture(sentence, place))
            index += 1
        out.append(verdicts)
    return out
