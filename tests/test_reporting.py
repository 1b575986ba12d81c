"""A failing property test is reported as an ordinary failure, with its example.

Runs pytest in a subprocess, under this project's own configuration (warnings
as errors, doctests, strict markers), on properties that fail with the
library's values in the falsifying example: the run must end with status 1
(tests failed), never 3 (internal error) or 4 (usage error).
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).parent.parent

FAILING = """
from hypothesis import given, settings, strategies as st

import lottery
from lottery import strategies as lst


@settings(max_examples=10)
@given(lst.matches())
def test_a_pair_fails(pair):
    ticket, draw = pair
    assert lottery.check(ticket, draw).bets < 0


@settings(max_examples=10)
@given(lst.games(), st.data())
def test_an_error_fails(game, data):
    ticket = data.draw(lst.tickets(game=game))
    lottery.parse_ticket(game, str(ticket) + " ?")
"""


def test_a_failing_property_is_an_ordinary_failure(tmp_path: pathlib.Path) -> None:
    test = tmp_path / "test_fails.py"
    test.write_text(FAILING, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            str(test),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "INTERNALERROR" not in output
    assert "2 failed" in output
    assert "Falsifying example" in output or "Failing test case" in output
    assert "Ticket(" in output  # the example shows the library's values
