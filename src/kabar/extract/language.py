"""Document language (id / en / ms) with lingua, restricted to the languages
Indonesian news pages come in; the detector is built once, lazily."""

from __future__ import annotations

from functools import lru_cache

_CODES = {"INDONESIAN": "id", "ENGLISH": "en", "MALAY": "ms"}


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.INDONESIAN, Language.ENGLISH, Language.MALAY).build()


def detect_language(text: str) -> str | None:
    """"id", "en" or "ms" for a body text; None when there is too little to tell."""
    sample = text[:3000]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    language = _detector().detect_language_of(sample)
    return _CODES.get(language.name) if language is not None else None
