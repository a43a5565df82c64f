"""The record of one coded event mention."""

from __future__ import annotations

from dataclasses import dataclass

# A name, or several for a compound actor ("Iran", "Israel").
Name = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventMention:
    """One sentence stating one PLOVER event (shared/docs/interfaces.md, "kabar events")."""

    article_id: str
    start: int  # the evidence sentence: offsets into Article.text
    end: int
    sentence: str  # == article.text[start:end]
    type: str  # one of the 19 PLOVER categories
    mode: str | None
    actor: Name | None  # canonical English name(s), resolved from the article when the sentence lacks it
    actor_text: Name | None  # the words in the sentence, None when it does not name the actor
    recipient: Name | None
    recipient_text: Name | None
    date: str | None  # of the happening: day, month, year, ISO week or interval
    location: str | None
    background: bool
    trigger: str  # the predicate's words, for the reader

    def to_contract(self, source: str, *, start: int | None = None, end: int | None = None,
                    sentence: str | None = None) -> dict:
        """The contract object; `start`/`end`/`sentence` override the offsets (a .txt file's own)."""
        return {
            "article": self.article_id,
            "source": source,
            "start": self.start if start is None else start,
            "end": self.end if end is None else end,
            "type": self.type,
            "mode": self.mode,
            "actor": _plain(self.actor),
            "actor_text": _plain(self.actor_text),
            "recipient": _plain(self.recipient),
            "recipient_text": _plain(self.recipient_text),
            "date": self.date,
            "location": self.location,
            "background": self.background,
            "sentence": self.sentence if sentence is None else sentence,
            "trigger": self.trigger,
        }


def _plain(name: Name | None) -> str | list[str] | None:
    return list(name) if isinstance(name, tuple) else name
