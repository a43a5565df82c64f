"""`kabar --help` stays fast: registering the commands imports no library a command needs only when it runs."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

HEAVY = ("numpy", "sklearn", "scipy", "sqlalchemy", "fastapi", "trafilatura", "lxml", "pycrfsuite", "kabar.pipeline", "kabar.store")


def test_help_imports_nothing_heavy():
    code = (
        "import sys\nfrom kabar.cli import app\n"
        f"print(sorted({{m.split('.')[0] if not m.startswith('kabar') else m for m in sys.modules}} & set({HEAVY!r})))"
    )
    env = os.environ | {"PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == "[]"


def test_help_lists_the_new_commands():
    from typer.testing import CliRunner

    from kabar.cli import app

    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("entities", "alert"):
        assert command in result.stdout
