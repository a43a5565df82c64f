"""The command line runs BLAS on one thread per process (workers are the parallelism), unless the
user set a number."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = "import kabar.cli, os, numpy; print(os.environ['OPENBLAS_NUM_THREADS'])"


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_threads_cli_sets_one_blas_thread_unless_the_user_chose(given, expected):
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == expected
