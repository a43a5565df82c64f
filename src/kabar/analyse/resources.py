"""The models and tables the analysers read, loaded through one object that is passed in.

An analyser never reaches for a model itself: it is given a `Resources` and reads `resources.ner`
(the NER model) or `resources.aliases` (the alias table). Each is loaded on first use and kept by
that object, so a test can hand in its own (`Resources(ner=lambda: my_model)`) and a process that
never tags names never loads the tagger. The default loaders are the shipped model's and the
shipped table's (each read once per process by its own module), so default objects are free to
make and share what is already loaded. The outlet table is read by extraction, not analysis
(`kabar.extract.outlets`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from kabar.analyse.ner.model import NerModel, shipped
from kabar.lang.id.aliases import AliasTable, alias_table

__all__ = ["Resources"]


class Resources:
    """Lazy loaders of the analysers' models and tables. Not a record: it fills itself on first use."""

    def __init__(
        self, *, ner: Callable[[], NerModel] = shipped, aliases: Callable[[], AliasTable] = alias_table
    ) -> None:
        self._load_ner = ner
        self._load_aliases = aliases

    @cached_property
    def ner(self) -> NerModel:
        """The NER tagger (the CRF and its CNN student)."""
        return self._load_ner()

    @cached_property
    def aliases(self) -> AliasTable:
        """The alias table: CLDR names, Kabar's aliases, titles, institutions."""
        return self._load_aliases()

    def __getstate__(self) -> dict:
        # sent to another process: the loaders go, what they loaded is loaded there again
        return {"_load_ner": self._load_ner, "_load_aliases": self._load_aliases}
