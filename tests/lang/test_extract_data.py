"""The extraction data modules: patterns compile, tables are consistent."""

from __future__ import annotations

import re

import pytest

from kabar.lang.id import boilerplate, page_dates


@pytest.mark.parametrize(
    "group",
    ["RELATED_PREFIXES", "CHROME_LINES", "INLINE_CHROME", "INLINE_RELATED", "FOOTER_PATTERNS", "CAPTION_PATTERNS",
     "CREDIT_PATTERNS", "END_MARKERS"],
)
def test_boilerplate_patterns_compile_and_match_nothing_empty(group: str) -> None:
    patterns = getattr(boilerplate, group)
    assert patterns
    for pattern in patterns:
        compiled = re.compile(pattern, re.I)
        assert not compiled.fullmatch("")


def test_boilerplate_author_roles_are_contract_roles() -> None:
    assert set(boilerplate.AUTHOR_LABELS.values()) == {"writer", "reporter", "editor", "contributor"}


def test_page_dates_months_and_zones() -> None:
    assert sorted(set(page_dates.MONTHS.values())) == list(range(1, 13))
    assert page_dates.MONTHS["mei"] == 5 and page_dates.MONTHS["agustus"] == 8 and page_dates.MONTHS["october"] == 10
    assert page_dates.ZONES["wib"] == "+07:00" and page_dates.ZONES["wita"] == "+08:00"
    assert page_dates.ZONES["wit"] == "+09:00"
    assert set(page_dates.WEEKDAYS.values()) == set(range(1, 8))  # ISO: Monday = 1, as time_words
    assert page_dates.WEEKDAYS["senin"] == 1 and page_dates.WEEKDAYS["minggu"] == page_dates.WEEKDAYS["sun"] == 7
