"""The per-article analysers as components: each has a name, the fields of `AnalysedArticle` it
needs and the ones it adds, and a function from the article analysed so far (and the resources)
to the article with its fields added, as spaCy's pipeline components are `Doc -> Doc` with their
`requires` and `assigns`. `kabar.pipeline.analyse` runs a list of them; `DEFAULT` is `kabar run`'s.

PLOVER event coding is no component: its events are no field of `AnalysedArticle` (`kabar events`
codes an analysed article, `kabar.pipeline.code_paths`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace

from kabar.analyse import entities, quotes, timex
from kabar.analyse.resources import Resources
from kabar.records import AnalysedArticle

__all__ = ["DEFAULT", "ENTITIES", "QUOTES", "TIMEX", "Component", "check_order"]

# what a component can need or add: the analysed article's fields besides the article itself
FIELDS = frozenset(f.name for f in fields(AnalysedArticle)) - {"article"}


@dataclass(frozen=True, slots=True)
class Component:
    name: str  # its stage in a failure: "analyse.<name>"
    needs: tuple[str, ...]  # fields earlier components must have added
    adds: tuple[str, ...]  # fields it fills; left empty when it fails
    run: Callable[[AnalysedArticle, Resources], AnalysedArticle]


def _entities(analysed: AnalysedArticle, resources: Resources) -> AnalysedArticle:
    found, mentions = entities.annotate(analysed.article, resources)
    return replace(analysed, entities=tuple(found), mentions=tuple(mentions))


def _timex(analysed: AnalysedArticle, resources: Resources) -> AnalysedArticle:
    return replace(analysed, timexes=tuple(timex.annotate(analysed.article)))


def _quotes(analysed: AnalysedArticle, resources: Resources) -> AnalysedArticle:
    return replace(analysed, quotes=tuple(quotes.annotate(analysed.article, analysed.entities, analysed.mentions)))


ENTITIES = Component("entities", (), ("entities", "mentions"), _entities)
TIMEX = Component("timex", (), ("timexes",), _timex)
# speakers resolve to the entities' mentions; with none (entities failed) they come from the text alone
QUOTES = Component("quotes", ("entities", "mentions"), ("quotes",), _quotes)
DEFAULT: tuple[Component, ...] = (ENTITIES, TIMEX, QUOTES)


def check_order(components: Sequence[Component]) -> None:
    """Raise ValueError unless every component adds known fields, no two add the same one, and each
    needs only what components before it add."""
    added: set[str] = set()
    for component in components:
        unknown = set(component.needs + component.adds) - FIELDS
        if unknown:
            raise ValueError(f"component {component.name!r}: no such field {sorted(unknown)} (fields: {sorted(FIELDS)})")
        missing = [need for need in component.needs if need not in added]
        if missing:
            raise ValueError(f"component {component.name!r} needs {missing}, which no component before it adds")
        twice = added & set(component.adds)
        if twice:
            raise ValueError(f"component {component.name!r} adds {sorted(twice)} again")
        added |= set(component.adds)
