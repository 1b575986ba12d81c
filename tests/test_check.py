"""check(): what a ticket won, its refusals and its results (the counting is in test_check_properties)."""

from __future__ import annotations

import datetime

import pytest

import lottery


def test_check_rejects_other_games_and_editions() -> None:
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    with pytest.raises(lottery.GameMismatch, match="排列3"):
        lottery.check(lottery.parse_ticket("pl3", "161"), draw)
    new = lottery.parse_draw("qxc", "560021 + 7", issue="20100")
    with pytest.raises(lottery.EditionMismatch) as info:
        lottery.check(lottery.parse_ticket("qxc", "2508750"), new)
    assert isinstance(info.value, lottery.GameMismatch)
    assert isinstance(info.value, ValueError)
    old = lottery.parse_draw("qxc", "2508750", issue="20099")
    with pytest.raises(lottery.EditionMismatch):
        lottery.check(lottery.parse_ticket("qxc", "250875 + 0"), old)
    with pytest.raises(TypeError):
        lottery.check("02 05 07 08 20 27 + 04", draw)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lottery.check(lottery.parse_ticket("ssq", "02 05 07 08 20 27 + 04"), "draw")  # type: ignore[arg-type]


def test_check_result_summary() -> None:
    draw = lottery.parse_draw("ssq", "2019-02-24 02 05 07 08 20 27 + 04", issue="2019021")
    result = lottery.check(lottery.parse_ticket("ssq", "02 05 07 08 20 27 33 + 04 x2"), draw)
    assert result.won
    assert result.to_dict() == {
        "game": "ssq",
        "issue": "2019021",
        "ticket": "02 05 07 08 20 27 33 + 04 x2",
        "form": "复式",
        "bets": 7,
        "multiple": 2,
        "wins": [
            {"tier": "一等奖", "count": 1, "prize": None},
            {"tier": "三等奖", "count": 6, "prize": 3000},
        ],
        "total": 36000,
        "pending": ["一等奖"],
        "notes": [],
    }
    assert draw.date == datetime.date(2019, 2, 24)


def test_a_table_prize_is_the_chosen_values() -> None:
    """3D 和数 pays by the sum the bet chose: the tier's table, keyed by the first number."""
    draw = lottery.parse_draw("3d", "326", issue="2019048")
    (win,) = lottery.check(lottery.parse_ticket("3d", "和数 11"), draw).wins
    assert (win.tier, win.prize) == ("和数", 15)
    announced = lottery.parse_draw("3d", "326; 和数=20", issue="2019048")
    assert announced.paid("和数", 11) == 20


def test_paid_is_announced_else_fixed_else_pending() -> None:
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04; 一等奖=5000000", issue="2019021")
    assert draw.paid("一等奖") == 5_000_000
    assert draw.paid("二等奖") is None
    assert draw.paid("三等奖") == 3000
