"""A learned judge of page furniture: general cues of one sentence in its body, weighed by a
logistic regression trained on labelled IndoSum sentences (`kabar_train.furniture`) and checked
leave-one-outlet-out (the card: kabar/models/furniture/README.md).

The features name no outlet's phrases: the shape of the sentence (length, capitals, a label
before a colon, brackets, no closing full stop), what it holds (a link, a handle, a hashtag, a
call-to-action verb, words to the reader, a credit label, quotation and speech verbs), where it
stands (first, last, closing), what comes just before it, and whether other pages of the same
outlet carry it. Training and inference share `features`, so they cannot drift apart.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kabar.lang.id import furniture as data
from kabar.lang.id.quote_cues import POST_CUES, SPEECH_VERBS

MODEL_PACKAGE = "kabar.models.furniture"

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TOKEN = re.compile(r"\S+")
LINK = re.compile(
    # the bare domain starts only where a run of word characters and hyphens starts, and takes the run
    # whole: from every word boundary of "2021-2021-…" it rescanned the run (55 KB: 5 s)
    r"https?://\S+|\bwww\.\S+|\b(?:t\.me|wa\.me|bit\.ly|s\.id|linktr\.ee)/\S+|(?<![\w-])[\w-]++\.(?:com|co\.id|id|net|org|tv)/\S*",
    re.I,
)
HANDLE = re.compile(r"(?<![\w.])@[A-Za-z_][\w.]{2,}")
# as LINK's bare domain: from every word boundary of "a-a-a-…" the run was rescanned (52 KB: 5 s)
_DOMAIN = re.compile(r"(?<![\w-])[\w-]++\.(?:com|co\.id|id|net|org|tv)\b", re.I)
_HASHTAG = re.compile(r"(?<![\w&])#[^\W\d_]\w+")
_QUOTE = re.compile(r"[\"“”„]")
_END_MARK = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A label and its colon near the start: "Sumber : X", "Baca juga: Y", "Reporter: Z". Each word is
# taken whole (possessive): splitting one long letter run three ways is cubic (20 KB: minutes).
_LABEL_COLON = re.compile(r"^\W{0,3}(?:[^\W\d_]++\s*+){1,3}[:|]")
_BRACKETED = re.compile(r"^\s*[(\[][^\n]*[)\]]\W*$")
_SELF_REFERENCE = re.compile("|".join(f"(?:{p})" for p in data.SELF_REFERENCE), re.I)
_TEASER = re.compile(r"^\W{0,3}(?:" + "|".join(f"(?:{p})" for p in data.TEASER_OPENERS) + ")", re.I)
_SPEECH = POST_CUES | SPEECH_VERBS | {f"{w}nya" for w in POST_CUES}


@dataclass(frozen=True, slots=True)
class Place:
    """Where a sentence stands: its index among the body's sentences, how many there are, the
    sentence before it ("" for the first), whether other pages of the outlet carry it, the names
    the page's outlet goes by, and the sentence after it."""

    index: int
    count: int
    previous: str = ""
    repeated: bool = False
    outlet_names: tuple[str, ...] = ()
    following: str = ""  # the sentence after it ("" for the last)


FEATURES: tuple[str, ...] = (
    "first", "last", "closing", "relative_position", "log_words", "short", "no_end_mark", "title_case",
    "upper_case", "bracketed", "bracketed_short", "label_colon", "link", "domain", "handle", "hashtag",
    "action_opener", "action_anywhere", "reader", "channel", "credit_label", "own_outlet", "self_reference",
    "teaser", "quote", "speech_verb", "repeated", "previous_label_colon", "previous_action", "digits",
    "repeated_closing", "own_outlet_closing", "previous_title_shape", "ends_colon",
    "heading",
)


def _opener(words: Sequence[str]) -> str:
    return next((w for w in words[:3] if w not in data.ACTION_LEAD_INS), "")


def features(sentence: str, place: Place) -> list[float]:
    """The sentence's feature vector, in the order of FEATURES."""
    text = sentence.strip()
    words = [w.lower() for w in _WORD.findall(text)]
    raw_words = _WORD.findall(text)
    tokens = _TOKEN.findall(text)
    n = max(len(tokens), 1)
    long_words = [w for w in raw_words if len(w) > 3]
    title = sum(w[0].isupper() for w in long_words) / len(long_words) if long_words else 0.0
    upper = sum(w.isupper() for w in raw_words if len(w) >= 3) / max(len(raw_words), 1)
    lowered = text.lower()
    previous = place.previous.strip()
    previous_words = [w.lower() for w in _WORD.findall(previous)]
    bracketed = bool(_BRACKETED.match(text))
    label_colon = bool(_LABEL_COLON.match(text))
    names = [name.lower() for name in place.outlet_names if name and len(name) >= 4]
    last = place.index >= place.count - 1
    return [
        float(place.index == 0),
        float(last),
        float(place.index >= place.count - 3),
        place.index / max(place.count - 1, 1),
        math.log1p(len(tokens)),
        float(len(words) <= 4),
        float(not _END_MARK.search(text)),
        title,
        upper,
        float(bracketed),
        float(bracketed and len(words) <= 6),
        float(label_colon),
        float(bool(LINK.search(text))),
        float(bool(_DOMAIN.search(text))),
        float(bool(HANDLE.search(text))),
        float(bool(_HASHTAG.search(text))),
        float(_opener(words) in data.CALL_TO_ACTION),
        float(any(w in data.CALL_TO_ACTION for w in words[:8])),
        float(any(w in data.READER_WORDS for w in words)),
        float(any(w in data.CHANNEL_WORDS for w in words)),
        float(bool(words) and words[0] in data.CREDIT_WORDS and (label_colon or len(words) <= 3)),
        float(any(name in lowered for name in names)),
        float(bool(_SELF_REFERENCE.search(text))),
        float(bool(_TEASER.match(text))),
        float(bool(_QUOTE.search(text))),
        float(any(w in _SPEECH for w in words)),
        float(place.repeated),
        float(previous.endswith((":", "|")) or bool(_LABEL_COLON.match(previous)) and len(previous_words) <= 3),
        float(_opener(previous_words) in data.CALL_TO_ACTION),
        sum(map(str.isdigit, text)) / max(len(text), 1),
        # what an outlet repeats, or says of itself, at the end of its pages is its own promotion
        float(place.repeated and place.index >= place.count - 3),
        float(any(name in lowered for name in names) and place.index >= place.count - 3),
        # a run of headline-shaped lines is a list of links (a paragraph of text follows a subhead)
        float(_title_shape(previous) and _title_shape(text)),
        float(text.endswith(":")),  # a heading that introduces the article's own list ("Susunan pemain:")
        # a subhead: headline-shaped, and what follows is running text (a link title is followed by
        # another title, or by nothing)
        float(_title_shape(text) and bool(place.following) and not _title_shape(place.following)
              and bool(_END_MARK.search(place.following.strip()))),
    ]


def _title_shape(text: str) -> bool:
    """Headline-shaped: no closing full stop, most longer words capitalised, a few words."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return (bool(words) and 3 <= len(_TOKEN.findall(text)) <= 20 and not _END_MARK.search(text)
            and sum(w[0].isupper() for w in words) / len(words) >= 0.6)


@dataclass(frozen=True, slots=True)
class FurnitureModel:
    """Logistic regression over standardised FEATURES; a sentence is furniture at `threshold`."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float

    def probability(self, vector: Sequence[float]) -> float:
        z = self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, vector, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def is_furniture(self, sentence: str, place: Place) -> bool:
        return self.probability(features(sentence, place)) >= self.threshold

    def to_json(self) -> dict:
        return {"features": list(FEATURES), "weights": list(self.weights), "bias": self.bias,
                "mean": list(self.mean), "scale": list(self.scale), "threshold": self.threshold}

    @classmethod
    def from_json(cls, raw: dict) -> FurnitureModel:
        if tuple(raw.get("features", ())) != FEATURES:
            raise ValueError("furniture model: its features are not this code's FEATURES (retrain it)")
        return cls(tuple(raw["weights"]), float(raw["bias"]), tuple(raw["mean"]), tuple(raw["scale"]),
                   float(raw["threshold"]))


@lru_cache(maxsize=1)
def shipped_model() -> FurnitureModel | None:
    """The model shipped in kabar/models/furniture, or None when the package holds none."""
    try:
        raw = resources.files(MODEL_PACKAGE).joinpath("model.json").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return FurnitureModel.from_json(json.loads(raw))
