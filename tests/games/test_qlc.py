"""七乐彩: the special number, one prize a bet, ticket limits."""

from __future__ import annotations

from math import comb

import pytest

import lottery


def test_the_special_number_is_drawn_from_the_numbers_left() -> None:
    draw = lottery.parse_draw("qlc", "07 06 05 04 03 02 01 + 08", issue="2017106")
    assert draw.numbers == (1, 2, 3, 4, 5, 6, 7, 8)
    assert str(draw) == "七乐彩 第2017106期 01 02 03 04 05 06 07 + 08"
    with pytest.raises(lottery.DuplicateNumber, match="特别号码 07"):
        lottery.parse_draw("qlc", "01 02 03 04 05 06 07 + 07", issue="2017106")
    with pytest.raises(lottery.InvalidCount):
        lottery.parse_draw("qlc", "01 02 03 04 05 06 07", issue="2017106")


def test_a_ticket_has_no_special_zone() -> None:
    with pytest.raises(lottery.InvalidCount):
        lottery.parse_ticket("qlc", "01 02 03 04 05 06 07 + 08")
    ticket = lottery.parse_ticket("qlc", "01 02 03 04 05 06 07 x2")
    assert (ticket.bets, ticket.cost, ticket.form) == (1, 4, "单式")


def test_the_largest_ticket() -> None:
    ticket = lottery.parse_ticket("qlc", " ".join(f"{n:02d}" for n in range(1, 17)))
    assert ticket.bets == comb(16, 7)
    draw = lottery.parse_draw("qlc", "01 02 03 04 05 06 07 + 08", issue="2017106")
    result = lottery.check(ticket, draw)
    assert sum(w.count for w in result.wins) <= ticket.bets
    assert {w.tier: w.count for w in result.wins}["一等奖"] == 1


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("01 02 03 04 05 06", lottery.InvalidCount),
        (" ".join(f"{n:02d}" for n in range(1, 18)), lottery.InvalidCount),  # 17 numbers
        ("01 02 03 04 05 06 31", lottery.InvalidNumber),
        ("01 02 03 04 05 06 06", lottery.DuplicateNumber),
        ("01 02 03 04 05 06 07 # 08 09", lottery.InvalidCount),  # 7 胆
        ("01 02 # 03 04 05 06 07", lottery.InvalidCount),  # 胆 + 拖 < 8
        ("01 02 03 04 05 06 07 追加", lottery.UnsupportedPlay),
    ],
)
def test_bad_tickets(text: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        lottery.parse_ticket("qlc", text)


def test_names_and_schedule() -> None:
    game = lottery.get_game("七乐彩")
    assert game is lottery.get_game("QLC")
    assert game.draw_weekdays == (0, 2, 4)
