"""快乐8: the play first, exact money, both tables, limits, the fast lane."""

from __future__ import annotations

import time
from decimal import Decimal
from math import comb

import pytest
from brute import lane_and_check

import lottery
from lottery.games.kl8 import MAX_NUMBERS, tier_name

DRAW = " ".join(str(n) for n in range(1, 21))


def test_tier_names() -> None:
    assert tier_name(10, 9) == "选十中九"
    assert tier_name(7, 0) == "选七中零"
    assert tier_name(10, 10) == "选十中十"


@pytest.mark.parametrize("name", ["选五", "选5"])
def test_the_play_comes_first(name: str) -> None:
    ticket = lottery.parse_ticket("kl8", f"{name} 05 04 03 02 01 x2")
    assert str(ticket) == "选五 01 02 03 04 05 x2"
    assert (ticket.play, ticket.bets, ticket.cost) == ("选五", 1, 4)
    assert lottery.parse_ticket("kl8", str(ticket)) == ticket


def test_a_ticket_without_a_play_is_refused() -> None:
    with pytest.raises(lottery.InvalidFormat, match="names its play first") as caught:
        lottery.parse_ticket("kl8", "01 02 03 04 05")
    assert caught.value.kind == "format"


def test_one_and_a_half_yuan_are_exact() -> None:
    for issue, prize in (("2025349", Decimal("4.6")), ("2025350", Decimal("4.5"))):
        draw = lottery.parse_draw("kl8", DRAW, issue=issue)
        result = lottery.check(lottery.parse_ticket("kl8", "选一 07 x3"), draw)
        assert result.wins[0].prize == prize
        assert result.total == prize * 3
        assert result.to_dict()["total"] == float(prize * 3)
        assert str(result).endswith(f"total {prize * 3}元")


def test_the_largest_ticket_is_counted_quickly() -> None:
    numbers = " ".join(f"{n:02d}" for n in range(5, 5 + MAX_NUMBERS))
    ticket = lottery.parse_ticket("kl8", f"选十 {numbers}")
    assert ticket.bets == comb(16, 10)
    draw = lottery.parse_draw("kl8", DRAW, issue="2025350")
    start = time.perf_counter()
    result = lottery.check(ticket, draw)
    assert time.perf_counter() - start < 1  # closed form; the benchmark prints the real figure
    assert sum(w.count for w in result.wins) <= ticket.bets
    assert result.pending == ("选十中十",)


@pytest.mark.parametrize("issue", ["2019001", "2019350"])
def test_before_2020001_is_refused(issue: str) -> None:
    with pytest.raises(lottery.InvalidIssue, match="before 2020001"):
        lottery.parse_draw("kl8", DRAW, issue=issue)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("选五 01 02 03 04", lottery.InvalidCount),
        ("选五 " + " ".join(f"{n:02d}" for n in range(1, 18)), lottery.InvalidCount),
        ("选五 01 02 03 04 81", lottery.InvalidNumber),
        ("选五 01 02 03 04 04", lottery.DuplicateNumber),
        ("选一 01 # 02 03", lottery.InvalidFormat),  # 选一 has no 胆拖
        ("选五 01 02 03 04 05 # 06 07", lottery.InvalidCount),  # 5 胆
        ("选五 01 02 # 03 04 05", lottery.InvalidCount),  # 胆 + 拖 < 6
        ("选五 01 # " + " ".join(f"{n:02d}" for n in range(2, 18)), lottery.InvalidCount),
        ("选十一 01", lottery.InvalidFormat),
        ("选五 01 02 03 04 05 追加", lottery.UnsupportedPlay),
    ],
)
def test_bad_tickets(text: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        lottery.parse_ticket("kl8", text)


def test_a_draw_is_twenty_numbers() -> None:
    draw = lottery.parse_draw("kl8", " ".join(str(n) for n in range(20, 0, -1)), issue="2025350")
    assert draw.numbers == tuple(range(1, 21))
    with pytest.raises(lottery.InvalidCount):
        lottery.parse_draw("kl8", "01 02 03", issue="2025350")


@pytest.mark.parametrize(
    "line",
    [
        "选五 01 02 03 04 05",
        "选5 01 02 03 04 25 x3",
        "选十 01 02 03 04 05 06 07 08 09 10",
        "选七 41 42 43 44 45 46 47",
        "选五 01 02 03 04",
        "选五 01 02 03 04 04",
        "选五 01 02 03 04 05 x0",
        "选五 01 02 03 04 05 x",
        "01 02 03 04 05",
        "选五 01 02 # 03 04 05 06",
    ],
)
def test_the_fast_lane_agrees_with_check(line: str) -> None:
    draw = lottery.parse_draw("kl8", DRAW, issue="2025350")
    fast, expected = lane_and_check(draw, line)
    single = expected is not None and "#" not in line and len(line.split()) <= 12
    if single and line.split(maxsplit=1)[0] in ("选五", "选5", "选十", "选七"):
        assert fast == expected  # every plain single bet takes the lane
