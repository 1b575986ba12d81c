"""Shared test set-up: hypothesis profiles, and the replaying server of the sync tests.

The default profile is repeatable (the same examples on every run), so a
red CI always means a change broke something; set HYPOTHESIS_PROFILE to
``explore`` (random, 100 examples) or ``thorough`` (random, 2000) to search
further.  Budgets keep the whole suite within a few minutes on 2 cores.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import replay
from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("repeatable", max_examples=100, derandomize=True, **_COMMON)
settings.register_profile("explore", max_examples=100, **_COMMON)
settings.register_profile("thorough", max_examples=2000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[replay.Replay]:
    """A local server replaying both operators, and the sources pointed at it."""
    with replay.serving() as running:
        monkeypatch.setenv("LOTTERY_CWL_URL", running.url)
        monkeypatch.setenv("LOTTERY_SPORTTERY_URL", running.url)
        yield running
