"""Frozen records hold no state that fills in as they are used (issue 17): a frozen dataclass with a
cache field (`field(init=False, default_factory=dict)`) or one that sets attributes after it is made
is mutable in all but name; such a thing is a plain class (as `kabar.analyse.ner.cnn.tagger.CnnTagger`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kabar

ROOT = Path(kabar.__file__).parent
_MUTABLE = ("dict", "list", "set", "bytearray", "collections.OrderedDict", "collections.Counter")


def _is_frozen_dataclass(node: ast.ClassDef) -> bool:
    return any(
        isinstance(d, ast.Call) and getattr(d.func, "id", getattr(d.func, "attr", None)) == "dataclass"
        and any(k.arg == "frozen" and isinstance(k.value, ast.Constant) and k.value.value is True for k in d.keywords)
        for d in node.decorator_list
    )


def mutable_state(source: str) -> list[str]:
    """`Class.field` of each frozen dataclass field made after init with a mutable type, and
    `Class.method` of each method that sets an attribute through object.__setattr__ (a cache)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.ClassDef) and _is_frozen_dataclass(node)):
            continue
        for item in node.body:
            if isinstance(item, ast.AnnAssign) and isinstance(item.value, ast.Call):
                keywords = {k.arg: ast.unparse(k.value) for k in item.value.keywords}
                if keywords.get("init") == "False" and (
                    keywords.get("default_factory") in _MUTABLE or ast.unparse(item.annotation).startswith(tuple(f"{m}[" for m in _MUTABLE))
                ):
                    found.append(f"{node.name}.{ast.unparse(item.target)}")
            elif isinstance(item, ast.FunctionDef) and item.name != "__post_init__":
                if any(isinstance(n, ast.Call) and ast.unparse(n.func) == "object.__setattr__" for n in ast.walk(item)):
                    found.append(f"{node.name}.{item.name}")
    return found


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("@dataclass(frozen=True)\nclass T:\n    ids: dict[str, int] = field(init=False, default_factory=dict)", ["T.ids"]),
        ("@dataclass(frozen=True)\nclass T:\n    x: int\n    def grow(self):\n        object.__setattr__(self, 'x', 2)", ["T.grow"]),
        ("@dataclass(frozen=True)\nclass T:\n    names: dict[str, str]", []),  # data given at init: a table
        ("@dataclass(eq=False)\nclass T:\n    ids: dict[str, int] = field(init=False, default_factory=dict)", []),
    ],
)
def test_frozen_records_detector(source, found):
    assert mutable_state(source) == found


def test_frozen_records_carry_no_cache():
    found = {str(p.relative_to(ROOT)): m for p in sorted(ROOT.rglob("*.py")) if (m := mutable_state(p.read_text(encoding="utf-8")))}
    assert found == {}
