"""福彩3D's own plays: sold by 3D only, prizes from the tables."""

from __future__ import annotations

import itertools

import pytest

import lottery
from lottery.games._fc3d_plays import is_tractor, is_triple

NUMBERS = list(itertools.product(range(10), repeat=3))


def test_extended_plays_are_3d_only() -> None:
    with pytest.raises(lottery.InvalidFormat, match="unknown play"):
        lottery.parse_ticket("pl3", "1D 3**")


def test_heshu_prizes_from_rules() -> None:
    """[S-ML], [S-bet3d]: 和数 prizes by sum, symmetric around 13.5."""
    expected = [1040, 345, 172, 104, 69, 49, 37, 29, 23, 19, 16, 15, 15, 14]
    for s in range(28):
        draw = lottery.Draw(
            lottery.get_game("3d"), "2019048", next(n for n in NUMBERS if sum(n) == s)
        )
        (win,) = lottery.check(lottery.parse_ticket("3d", f"和数 {s}"), draw).wins
        assert win.prize == expected[min(s, 27 - s)]


def test_whole_set_patterns() -> None:
    assert sum(1 for n in NUMBERS if is_triple(n)) == 10
    assert sum(1 for n in NUMBERS if is_tractor(n)) == 16  # 012 … 789 and 987 … 210
