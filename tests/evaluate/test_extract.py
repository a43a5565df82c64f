"""The extraction scores: token F1, WIB days, boilerplate left, and the boards on the dev data."""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.evaluate.extract import (
    body_f1,
    boilerplate_left,
    kabar_predict,
    sample_cases,
    score,
    text_as_html,
    wib_day,
)


@pytest.mark.parametrize(
    ("predicted", "gold", "f1"),
    [
        ("Kim bertukar pesan dengan Xi", "Kim bertukar pesan dengan Xi", 1.0),
        ("KIM bertukar PESAN", "kim bertukar pesan dengan xi", 0.75),
        ("", "Kim bertukar pesan", 0.0),
        ("", "", 1.0),
    ],
)
def test_extract_eval_body_f1(predicted: str, gold: str, f1: float) -> None:
    assert body_f1(predicted, gold) == pytest.approx(f1)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2021-03-23T18:31+07:00", "2021-03-23"),
        ("2015-11-05T20:08:58+00:00", "2015-11-06"),  # 03:08 WIB the next day
        ("2022-11-26", "2022-11-26"),
        (None, None),
    ],
)
def test_extract_eval_wib_day(value: str | None, day: str | None) -> None:
    assert wib_day(value) == day


def test_extract_eval_boilerplate_left() -> None:
    body = "PYONGYANG, KOMPAS.com - Para pemimpin.\nBaca juga: Korea Utara: Upaya AS Memulai Kontak"
    lines = ["Baca juga: Korea Utara: Upaya AS Memulai Kontak", "Penulis", "KCNA"]
    assert boilerplate_left(body, lines) == 1


def test_extract_eval_text_as_html_escapes() -> None:
    assert text_as_html("a < b\n\nc") == "<html><body><p>a &lt; b</p><p>c</p></body></html>"


def test_extract_eval_samples_against_gold(shared_dir: Path) -> None:
    scores = score(sample_cases(shared_dir / "samples" / "gold"), kabar_predict)
    assert scores["pages"] == 5
    # measured 1.000 on each (2026-12): at most one page of five may go wrong, bodies barely
    assert scores["body_f1"] >= 0.98 and scores["title"] >= 0.8
    assert scores["date_exact"] >= 0.8 and scores["authors"] >= 0.8 and scores["dateline"] >= 0.8
    assert scores["boilerplate_left"] == 0
