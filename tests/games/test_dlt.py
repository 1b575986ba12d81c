"""大乐透: editions by issue, 追加, the 2026 prizes that follow the pool, ticket limits."""

from __future__ import annotations

from math import comb

import pytest

import lottery
from lottery.games.dlt import HIGH_POOL

DRAW = "01 02 03 04 05 + 01 02"


@pytest.mark.parametrize(
    ("issue", "edition"),
    [("14052", "2014"), ("19018", "2014"), ("19019", "2019"), ("26013", "2019"), ("26014", "2026")],
)
def test_editions_by_issue(issue: str, edition: str) -> None:
    assert lottery.parse_draw("dlt", DRAW, issue=issue).edition.name == edition


@pytest.mark.parametrize("issue", ["14051", "09001", "2014051"])
def test_a_draw_before_14052_is_refused(issue: str) -> None:
    with pytest.raises(lottery.InvalidIssue, match="before 14052") as caught:
        lottery.parse_draw("dlt", DRAW, issue=issue)
    assert "UNCONFIRMED" in str(caught.value)
    with pytest.raises(lottery.InvalidIssue):
        lottery.parse_ticket("dlt", DRAW, issue=issue)


@pytest.mark.parametrize(
    "text",
    [
        "01 02 03 04 05 + 06 07 x3 追加",
        "01 02 03 04 05 + 06 07 追加 x3",
        "01 02 03 04 05 + 06 07 追加 3倍",
        "01 02 03 04 05 + 06 07　追加ｘ3".replace("ｘ", " x"),
    ],
)
def test_addon_is_a_trailing_word_before_or_after_the_multiple(text: str) -> None:
    ticket = lottery.parse_ticket("dlt", text)
    assert ticket.addon
    assert ticket.multiple == 3
    assert str(ticket) == "01 02 03 04 05 + 06 07 x3 追加"
    assert lottery.parse_ticket("dlt", str(ticket)) == ticket
    assert ticket.cost == 9
    assert ticket.to_dict()["addon"] is True
    plain = lottery.parse_ticket("dlt", "01 02 03 04 05 + 06 07 x3")
    assert not plain.addon
    assert plain.cost == 6


def test_addon_only_where_the_game_sells_it() -> None:
    with pytest.raises(lottery.UnsupportedPlay, match="no 追加") as caught:
        lottery.parse_ticket("ssq", "01 02 03 04 05 06 + 07 追加")
    assert caught.value.kind == "unsupported"
    with pytest.raises(lottery.UnsupportedPlay):
        lottery.Ticket(lottery.get_game("ssq"), "普通", ((1, 2, 3, 4, 5, 6), (7,)), addon=True)


def test_the_pool_before_the_draw_picks_the_2026_table() -> None:
    ticket = lottery.parse_ticket("dlt", "01 02 03 04 06 + 01 02")
    for pool, prize in [(0, 5000), (HIGH_POOL - 1, 5000), (HIGH_POOL, 6666), (3 * HIGH_POOL, 6666)]:
        draw = lottery.parse_draw("dlt", DRAW, issue="26020", pool=pool)
        assert draw.pool_before == pool
        assert lottery.check(ticket, draw).wins[0].prize == prize
        assert lottery.parse_draw("dlt", str(draw)) == draw  # the pool is in the canonical text
    unknown = lottery.check(ticket, lottery.parse_draw("dlt", DRAW, issue="26020"))
    assert unknown.wins[0].prize is None
    assert unknown.pending == ("三等奖",)
    assert unknown.total == 0


def test_an_announced_amount_wins_over_the_pool() -> None:
    draw = lottery.parse_draw("dlt", DRAW + "; 七等奖=5", issue="26020", pool=HIGH_POOL)
    result = lottery.check(lottery.parse_ticket("dlt", "06 07 08 09 10 + 01 02"), draw)
    assert result.wins[0].prize == 5


def test_pool_arguments() -> None:
    with pytest.raises(TypeError, match="whole number"):
        lottery.parse_draw("dlt", DRAW, issue="26020", pool=8.5e8)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="whole number"):
        lottery.parse_draw("dlt", DRAW, issue="26020", pool=-1)
    with pytest.raises(lottery.ValidationError, match="开奖前奖池=5"):
        lottery.parse_draw("dlt", DRAW + "; 开奖前奖池=5", issue="26020", pool=6)


def test_the_largest_ticket() -> None:
    front = " ".join(f"{n:02d}" for n in range(1, 19))
    back = " ".join(f"{n:02d}" for n in range(1, 13))
    ticket = lottery.parse_ticket("dlt", f"{front} + {back} 追加")
    assert ticket.bets == comb(18, 5) * comb(12, 2)
    draw = lottery.parse_draw("dlt", DRAW, issue="21102")
    result = lottery.check(ticket, draw)
    assert sum(w.count for w in result.wins if "追加" not in w.tier) <= ticket.bets
    assert {w.tier: w.count for w in result.wins}["一等奖(追加)"] == 1


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 + 01 02", lottery.InvalidCount),
        ("01 02 03 04 36 + 01 02", lottery.InvalidNumber),
        ("01 02 03 04 05 + 01 13", lottery.InvalidNumber),
        ("01 02 03 04 05 + 01", lottery.InvalidCount),
        ("01 02 03 04 05 # 06 07 + 01 02", lottery.InvalidCount),  # 5 胆
        ("01 02 03 04 # 05 + 01 02", lottery.InvalidCount),  # 胆 + 拖 < 6
        ("01 02 03 04 05 + 01 02 # 03 04", lottery.InvalidCount),  # 2 后区 胆
        ("01 02 03 04 05 + 01 # 02", lottery.InvalidCount),  # 后区 胆 + 拖 < 3
        ("01 02 03 04 04 + 01 02", lottery.DuplicateNumber),
        ("01 02 03 04 05 + 01 02 追加追加", lottery.InvalidFormat),
    ],
)
def test_bad_tickets(text: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        lottery.parse_ticket("dlt", text)


def test_names_and_schedule() -> None:
    game = lottery.get_game("超级大乐透")
    assert (
        game
        is lottery.get_game("DLT")
        is lottery.get_game("超级乐透")
        is lottery.get_game("大乐透")
    )
    assert game.draw_weekdays == (0, 2, 5)
    assert game.has_addon
    assert not lottery.get_game("ssq").has_addon


def test_the_announced_amounts_tell_the_table_of_the_others() -> None:
    draw = lottery.parse_draw("dlt", DRAW + "; 三等奖=6666", issue="26090")
    assert draw.paid("七等奖") == 7  # the ≥ 8亿 table, told by 三等奖
    low = lottery.parse_draw("dlt", DRAW + "; 六等奖=15", issue="26090")
    assert low.paid("三等奖") == 5000
    mixed = lottery.parse_draw("dlt", DRAW + "; 三等奖=6666; 七等奖=5", issue="26090")
    assert mixed.paid("四等奖") is None  # the amounts fit neither table: not guessed
