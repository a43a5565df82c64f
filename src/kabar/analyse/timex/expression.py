"""The time expression record `tag` returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None  # TIMEX3 mod: START, MID, END ("awal/pertengahan/akhir")

    def to_contract(self) -> dict:
        """The `kabar timex` JSON object (shared/docs/interfaces.md), plus `mod` when set."""
        out = {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value}
        if self.mod:
            out["mod"] = self.mod
        return out
