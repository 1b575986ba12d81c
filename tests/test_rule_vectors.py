"""Every tier of every edition of every game, checked against a vector."""

from __future__ import annotations

import pytest
from vectors import VECTORS

import lottery

ROWS = [(code, *row) for code, rows in VECTORS.items() for row in rows]


@pytest.mark.parametrize(("code", "issue", "draw", "ticket", "expected"), ROWS)
def test_vector(
    code: str, issue: str, draw: str, ticket: str, expected: dict[str, tuple[int, int | None]]
) -> None:
    d = lottery.parse_draw(code, draw, issue=issue)
    t = lottery.parse_ticket(code, ticket, issue=issue)
    result = lottery.check(t, d)
    got = {w.tier: (w.count, w.prize) for w in result.wins}
    assert got == {tier: value for tier, value in expected.items() if value[0]}


def test_every_tier_of_every_edition_has_a_vector() -> None:
    missing = []
    for game in lottery.games():
        for edition in game.editions:
            covered = {
                tier
                for issue, _draw, _ticket, expected in VECTORS[game.code]
                if game.edition(issue) is edition
                for tier, (count, _) in expected.items()
                if count
            }
            missing += [
                f"{game.code} {edition.name} {t.name}"
                for t in edition.tiers
                if t.name not in covered
            ]
    assert missing == []
