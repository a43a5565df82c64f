"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "examples" / "samples"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    """The five demo pages (browser-copied text, five outlets)."""
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared`, or skip: the suite must pass without it."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
