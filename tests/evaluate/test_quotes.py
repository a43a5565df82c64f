"""Speaker matching of `kabar eval quotes`: names, pronouns and bare titles at the cue."""

from __future__ import annotations

import pytest

from kabar.evaluate.quotes import speaker_matches


@pytest.mark.parametrize(
    ("pred", "gold", "pred_text", "expected"),
    [
        ("Joko Widodo", "Presiden Joko Widodo", "Jokowi", True),  # titles set aside
        ("Joko Widodo", "Presiden", "Presiden", True),  # gold marks the title at the cue; Kabar resolved it
        ("Joko Widodo", "Presiden", "Menkeu", False),  # a different cue
        ("Sri Mulyani Indrawati", "Budi Gunadi Sadikin", "Sri Mulyani", False),
        ("Budi Gunadi Sadikin", "dia", "dia", True),  # a pronoun is matched by the words at the cue
        (None, "Presiden", None, False),
    ],
)
def test_quotes_eval_speaker_matches(pred, gold, pred_text, expected) -> None:
    assert speaker_matches(pred, gold, pred_text) is expected
