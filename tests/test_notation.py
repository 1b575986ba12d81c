"""The notation: every accepted form, round trips, and every kind of bad input."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given

import lottery
from lottery import strategies as lst

# --- accepted forms -------------------------------------------------------------

SAME_TICKET = [
    # (game, written, canonical)
    ("ssq", "02 05 07 08 20 27 + 04", "02 05 07 08 20 27 + 04"),
    ("ssq", "2 5 7 8 20 27+4", "02 05 07 08 20 27 + 04"),
    ("ssq", "27,20,08,07,05,02 + 04", "02 05 07 08 20 27 + 04"),
    ("ssq", "02、05、07、08、20、27＋04", "02 05 07 08 20 27 + 04"),
    ("ssq", "０２ ０５ ０７ ０８ ２０ ２７ ＋ ０４", "02 05 07 08 20 27 + 04"),
    ("ssq", "02，05，07，08，20，27　+　04", "02 05 07 08 20 27 + 04"),
    ("ssq", "单式 02 05 07 08 20 27 + 04", "02 05 07 08 20 27 + 04"),
    ("ssq", "01 02 05 07 08 20 27 + 04 09", "01 02 05 07 08 20 27 + 04 09"),
    ("ssq", "02 05 # 07 08 20 27 33 + 04", "02 05 # 07 08 20 27 33 + 04"),
    ("ssq", "(02 05) 07 08 20 27 33 + 04", "02 05 # 07 08 20 27 33 + 04"),
    ("ssq", "胆拖 02 05＃07 08 20 27 33+04", "02 05 # 07 08 20 27 33 + 04"),
    ("ssq", "02 05 07 08 20 27 + 04 x5", "02 05 07 08 20 27 + 04 x5"),
    ("ssq", "02 05 07 08 20 27 + 04 ×5", "02 05 07 08 20 27 + 04 x5"),
    ("ssq", "02 05 07 08 20 27 + 04 X12", "02 05 07 08 20 27 + 04 x12"),
    ("ssq", "02 05 07 08 20 27 + 04 5倍", "02 05 07 08 20 27 + 04 x5"),
    ("ssq", "02 05 07 08 20 27 + 04 x1", "02 05 07 08 20 27 + 04"),
    ("15x5", "02 03 06 12 13", "02 03 06 12 13"),
    ("15x5", "2,3,6,12,13,14", "02 03 06 12 13 14"),
    ("15x5", "02 # 03 06 12 13 14", "02 # 03 06 12 13 14"),
    ("pl3", "161", "161"),
    ("pl3", "1 6 1", "161"),
    ("pl3", "1,6,1", "161"),
    ("pl3", "直选 161", "161"),
    ("pl3", "12|6|01", "12|6|01"),
    ("pl3", "21|6|10", "12|6|01"),
    ("pl3", "1 2|6|0,1", "12|6|01"),
    ("pl3", "组选3 116", "组选3 116"),
    ("pl3", "组选3 161", "组选3 116"),
    ("pl3", "组选3 861", "组选3 168"),
    ("pl3", "组选3：1 6 8", "组选3 168"),
    ("pl3", "组选6 236", "组选6 236"),
    ("pl3", "组选6 8632", "组选6 2368"),
    ("pl3", "组六和值 15", "组选6和值 15"),
    ("pl5", "16170", "16170"),
    ("pl5", "1|6|1|7|01", "1|6|1|7|01"),
    ("3d", "326", "326"),
    ("3d", "直选 326", "326"),
    ("3d", "单选 3|2|6", "326"),
    ("3d", "1d 3**", "1D 3**"),
    ("3d", "１Ｄ ３＊＊", "1D 3**"),
    ("3d", "猜奇偶 奇 x3", "猜奇偶 奇 x3"),
    ("qxc", "2508750", "2508750"),
    ("qxc", "2 5 0 8 7 5 0", "2508750"),
    ("qxc", "1|2|3|4|5|6|7", "1234567"),
    ("qxc", "1|2|3|4|5|6|78", "1|2|3|4|5|6|78"),
    ("qxc", "250875 + 0", "250875 + 0"),
    ("qxc", "250875+12", "250875 + 12"),
    ("qxc", "1|2|3|4|5|6 + 0 12", "123456 + 0 12"),
    ("qxc", "1|2|3|4|5|06 + 0 12", "1|2|3|4|5|06 + 0 12"),
    ("qxc", "2 5 0 8 7 5 + 14 0", "250875 + 0 14"),
]


@pytest.mark.parametrize(("code", "text", "canonical"), SAME_TICKET)
def test_ticket_forms(code: str, text: str, canonical: str) -> None:
    ticket = lottery.parse_ticket(code, text)
    assert str(ticket) == canonical
    assert lottery.parse_ticket(code, canonical) == ticket


def test_ticket_values() -> None:
    t = lottery.parse_ticket("ssq", "02 05 # 07 08 20 27 33 + 04 09 x3")
    assert t.play == "普通"
    assert t.dan == ((2, 5), ())
    assert t.selection == ((7, 8, 20, 27, 33), (4, 9))
    assert (t.multiple, t.bets, t.form, t.cost) == (3, 10, "胆拖", 60)
    assert lottery.parse_ticket("pl3", "组选3 168").form == "包号"
    assert lottery.parse_ticket("pl3", "组选3 116").form == "单式"


def test_seven_star_layout_follows_the_notation_or_the_issue() -> None:
    old = lottery.parse_ticket("qxc", "2508750")
    new = lottery.parse_ticket("qxc", "250875 + 0")
    assert (old.edition, new.edition) == ("original", "2020")
    assert old.selection == new.selection
    assert old != new
    assert lottery.parse_ticket("qxc", "2508750", issue="20100") == new
    assert lottery.parse_ticket("qxc", "2508750", issue="2020099") == old
    assert lottery.parse_ticket("ssq", "02 05 07 08 20 27 + 04").edition is None


SAME_DRAW = [
    ("ssq", "02 05 07 08 20 27 + 04", "2019021", "双色球 第2019021期 02 05 07 08 20 27 + 04"),
    ("ssq", "27 05 07 08 20 02 04", "19021", "双色球 第2019021期 02 05 07 08 20 27 + 04"),
    (
        "ssq",
        "双色球 第2019021期 2019-02-24 02,05,07,08,20,27+04",
        None,
        "双色球 第2019021期 2019-02-24 02 05 07 08 20 27 + 04",
    ),
    (
        "ssq",
        "第2019021期 2019/2/24 02 05 07 08 20 27 + 04",
        None,
        "双色球 第2019021期 2019-02-24 02 05 07 08 20 27 + 04",
    ),
    (
        "ssq",
        "2019021期 2019年2月24日 02 05 07 08 20 27 + 04",
        None,
        "双色球 第2019021期 2019-02-24 02 05 07 08 20 27 + 04",
    ),
    ("pl5", "16170", "2019048", "排列5 第19048期 16170"),
    ("pl5", "1 6 1 7 0", "19048", "排列5 第19048期 16170"),
    ("pl3", "２ １ １", "25200", "排列3 第25200期 211"),
    ("qxc", "2508750", "19021", "七星彩 第19021期 2508750"),
    ("qxc", "5 6 0 0 2 1 + 7", "20100", "七星彩 第20100期 560021 + 7"),
    ("qxc", "5 6 0 0 2 1 7", "20100", "七星彩 第20100期 560021 + 7"),
    ("qxc", "5600217", "20100", "七星彩 第20100期 560021 + 7"),
    ("qxc", "3 4 2 9 0 1 12", "20101", "七星彩 第20101期 342901 + 12"),
    ("3d", "3,2,6", "2019048", "福彩3D 第2019048期 326"),
    ("15x5", "13 12 06 03 02", "2019048", "15选5 第2019048期 02 03 06 12 13"),
    (
        "ssq",
        "02 05 07 08 20 27 + 04; 一等奖=5,000,000; 二等奖=100000元",
        "2019021",
        "双色球 第2019021期 02 05 07 08 20 27 + 04; 一等奖=5000000; 二等奖=100000",
    ),
    (
        "ssq",
        "02 05 07 08 20 27 + 04; 特别规定期间=是",
        "2026080",
        "双色球 第2026080期 02 05 07 08 20 27 + 04; 特别规定期间=是",
    ),
]


@pytest.mark.parametrize(("code", "text", "issue", "canonical"), SAME_DRAW)
def test_draw_forms(code: str, text: str, issue: str | None, canonical: str) -> None:
    draw = lottery.parse_draw(code, text, issue=issue)
    assert str(draw) == canonical
    assert lottery.parse_draw(code, canonical) == draw


def test_draw_values() -> None:
    d = lottery.parse_draw(
        "ssq", "27 05 07 08 20 02 + 04", issue="2019021", date=datetime.date(2019, 2, 24)
    )
    assert d.numbers == (2, 5, 7, 8, 20, 27, 4)
    assert d.zones == ((2, 5, 7, 8, 20, 27), (4,))
    assert d.edition.name == "original"
    assert d.issue_key == (2019, 21)
    positional = lottery.parse_draw("pl5", "90210", issue="25001")
    assert positional.numbers == (9, 0, 2, 1, 0)  # positional: never sorted


# --- round trips over generated values -------------------------------------------


@given(lst.tickets())
def test_every_ticket_round_trips(ticket: lottery.Ticket) -> None:
    again = lottery.parse_ticket(ticket.game, str(ticket))
    assert again == ticket
    assert str(again) == str(ticket)


@given(lst.draws())
def test_every_draw_round_trips(draw: lottery.Draw) -> None:
    assert lottery.parse_draw(draw.game, str(draw)) == draw


# --- bad input --------------------------------------------------------------------

BAD_TICKETS = [
    # (game, text, error, token, column)
    ("ssq", "02 05 07 08 20 34 + 04", lottery.InvalidNumber, "34", 16),
    ("ssq", "02 05 07 08 20 00 + 04", lottery.InvalidNumber, "00", 16),
    ("ssq", "02 05 07 08 20 27 + 17", lottery.InvalidNumber, "17", 21),
    ("ssq", "02 05 07 08 20 20 + 04", lottery.DuplicateNumber, "20", 16),
    ("ssq", "02 05 # 05 08 20 27 33 + 04", lottery.DuplicateNumber, "05", 9),
    ("ssq", "02 05 07 08 20 + 04", lottery.InvalidCount, None, 1),
    ("ssq", "02 05 07 08 20 27", lottery.InvalidCount, None, 1),
    ("ssq", "02 05 07 08 20 27 + 04 + 05", lottery.InvalidCount, None, 1),
    ("ssq", "02 05 07 08 20 27 + ", lottery.InvalidCount, None, 20),
    ("ssq", "02 05 07 08 20 27 + 04 x0", lottery.InvalidCount, "x0", 24),
    ("ssq", "02 05 07 08 20 27 + 04 x100", lottery.InvalidCount, "x100", 24),
    ("ssq", "02 05 07 08 20 27 + 04 xx", lottery.InvalidCount, "xx", 24),
    ("ssq", "02 05 07 08 2a 27 + 04", lottery.InvalidFormat, "2a", 13),
    ("ssq", "02 05 07 08 ٢٠ 27 + 04", lottery.InvalidNumber, "٢٠", 13),
    ("ssq", "02 05 07 08 ²⁰ 27 + 04", lottery.InvalidNumber, "²⁰", 13),
    ("ssq", "02 05 07 08 ⑱ 27 + 04", lottery.InvalidNumber, "⑱", 13),
    ("ssq", "02 05 07 08 020 27 + 04", lottery.InvalidNumber, "020", 13),
    ("ssq", "02 05 07 08 " + "9" * 40 + " 27 + 04", lottery.InvalidNumber, "9" * 40, 13),
    ("ssq", "", lottery.InvalidFormat, "", 1),
    ("ssq", "   ", lottery.InvalidFormat, "   ", 1),
    ("ssq", "组选3 116", lottery.InvalidFormat, "组选3", 1),
    ("ssq", "02 05 # 07 08 20 27 + 04", lottery.InvalidCount, None, 1),  # 胆 + 拖 = 6
    ("ssq", "01 02 03 04 05 06 # 07 08 + 04", lottery.InvalidCount, None, 1),  # 6 胆
    ("ssq", " # 01 02 03 04 05 06 07 + 04", lottery.InvalidCount, None, 2),
    ("ssq", "01 02 # 03 # 04 05 06 07 + 04", lottery.InvalidFormat, "#", 12),
    ("ssq", "(01 02 03 04 05 06 07 + 04", lottery.InvalidFormat, "(", 1),
    (
        "ssq",
        "01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 + 04",
        lottery.InvalidCount,
        None,
        1,
    ),
    ("ssq", "01 02 03 04 05 06 + 04 # 05", lottery.InvalidFormat, "#", 24),
    ("15x5", "01 # 02 03 04 05", lottery.InvalidCount, None, 1),  # 胆 + 拖 = 5
    ("15x5", "01 02 03 04 05 # 06 07", lottery.InvalidCount, None, 1),  # 5 胆
    ("15x5", "01 02 03 04 05 06 07 08 09 10 11 12 13 14", lottery.InvalidCount, None, 1),
    ("pl3", "1616", lottery.InvalidCount, "1616", 1),
    ("pl3", "16", lottery.InvalidCount, "16", 1),
    ("pl3", "1|6", lottery.InvalidCount, None, 1),
    ("pl3", "1||6", lottery.InvalidCount, None, 1),
    ("pl3", "11|6|1", lottery.DuplicateNumber, "1", 2),
    ("pl3", "1a1", lottery.InvalidFormat, "a", 2),
    ("pl3", "组选3 111", lottery.DuplicateNumber, "1", 6),
    ("pl3", "组选3 1", lottery.InvalidCount, "1", None),
    ("pl3", "组选3 1166", lottery.DuplicateNumber, "1", 6),
    ("pl3", "组选6 23", lottery.InvalidCount, "2", None),
    ("pl3", "组选6 223", lottery.DuplicateNumber, "2", 6),
    ("pl3", "组选7 123", lottery.InvalidFormat, "组选7", 1),
    ("pl3", "直选组合胆拖 1 # 23", lottery.UnsupportedPlay, "直选组合胆拖", 1),
    ("pl5", "1617", lottery.InvalidCount, "1617", 1),
    ("qxc", "250875 + 15", lottery.InvalidNumber, "15", 10),
    ("qxc", "25087 + 1", lottery.InvalidCount, "25087", 1),
    ("qxc", "250875", lottery.InvalidCount, "250875", 1),
    (
        "qxc",
        "0123456789|0123456789|0123456789|0123456789|0123456789|0|0",
        lottery.InvalidCount,
        None,
        None,
    ),
    ("3d", "1D 3*", lottery.InvalidCount, "3*", 4),
    ("3d", "1D 32*", lottery.InvalidCount, "2", None),
    ("3d", "通选 32", lottery.InvalidCount, "32", 4),
    ("3d", "和数 28", lottery.InvalidNumber, "28", 4),
    ("3d", "包选3 123", lottery.InvalidFormat, "123", None),
    ("3d", "猜奇偶 单", lottery.InvalidFormat, "单", 5),
    ("3d", "猜三同 1", lottery.InvalidFormat, "1", 5),
]


@pytest.mark.parametrize(("code", "text", "error", "token", "column"), BAD_TICKETS)
def test_bad_tickets(
    code: str, text: str, error: type[Exception], token: str | None, column: int | None
) -> None:
    with pytest.raises(error) as info:
        lottery.parse_ticket(code, text)
    raised = info.value
    assert isinstance(raised, lottery.LotteryError)
    assert isinstance(raised, ValueError)
    game = lottery.get_game(code)
    assert game.name in str(raised)
    assert raised.game == game.code
    if token is not None:
        assert raised.token == token
        assert token[:20] in str(raised)
    if column is not None:
        assert raised.position == column
        assert f"column {column}" in str(raised)


BAD_DRAWS = [
    ("ssq", "02 05 07 08 20 27 + 04", None, lottery.InvalidIssue),
    ("ssq", "02 05 07 08 20 27", "2019021", lottery.InvalidCount),
    ("ssq", "02 05 07 08 20 20 + 04", "2019021", lottery.DuplicateNumber),
    ("ssq", "02 05 07 08 20 27 + 04", "2019000", lottery.InvalidIssue),
    ("ssq", "02 05 07 08 20 27 + 04", "20190210", lottery.InvalidIssue),
    ("ssq", "02 05 07 08 20 27 + 04", "1990021", lottery.InvalidIssue),
    ("ssq", "第2019021期 02 05 07 08 20 27 + 04", "2019022", lottery.InvalidIssue),
    ("ssq", "02 05 07 08 20 27 + 04; 七等奖=5", "2019021", lottery.InvalidFormat),
    ("ssq", "02 05 07 08 20 27 + 04; 一等奖=五百万", "2019021", lottery.InvalidFormat),
    ("ssq", "02 05 07 08 20 27 + 04; 一等奖=5,00,000", "2019021", lottery.InvalidFormat),
    ("ssq", "02 05 07 08 20 27 + 04; 福运奖=5", "2019021", lottery.InvalidFormat),
    ("ssq", "02 05 07 08 20 27 + 04; 特别规定期间=也许", "2026021", lottery.InvalidFormat),
    ("ssq", "02 05 07 08 20 27 + 04; 特别规定期间=是", "2025021", lottery.ValidationError),
    ("ssq", "02 05 07 08 20 27 + 04; 一等奖", "2026021", lottery.InvalidFormat),
    ("ssq", "第2019021期", None, lottery.InvalidCount),
    ("pl3", "1616", "19048", lottery.InvalidCount),
    ("qxc", "560021 + 7", "19021", lottery.InvalidCount),
    ("qxc", "25087500", "20100", lottery.InvalidCount),
    ("qxc", "560021 + 15", "20100", lottery.InvalidNumber),
    ("3d", "٣٢٦", "2019048", lottery.InvalidNumber),
]


@pytest.mark.parametrize(("code", "text", "issue", "error"), BAD_DRAWS)
def test_bad_draws(code: str, text: str, issue: str | None, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        lottery.parse_draw(code, text, issue=issue)
    assert isinstance(info.value, ValueError)
    assert lottery.get_game(code).name in str(info.value)


def test_conflicting_date() -> None:
    with pytest.raises(lottery.ValidationError, match="2019-02-24"):
        lottery.parse_draw(
            "ssq",
            "2019-02-24 02 05 07 08 20 27 + 04",
            issue="2019021",
            date=datetime.date(2019, 2, 26),
        )


@pytest.mark.parametrize("bad", [None, 123, b"02 05 07 08 20 27 + 04", ["02"], object()])
def test_non_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        lottery.parse_ticket("ssq", bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        lottery.parse_draw("ssq", bad, issue="2019021")  # type: ignore[arg-type]


def test_too_long_is_refused_quickly() -> None:
    with pytest.raises(lottery.InvalidFormat, match="characters long"):
        lottery.parse_ticket("ssq", "0" * 1_000_000)
    with pytest.raises(lottery.InvalidFormat, match="characters long"):
        lottery.parse_draw("ssq", "+" * 1_000_000, issue="2019021")


def test_a_missing_zone_separator_suggests_the_fix() -> None:
    with pytest.raises(lottery.InvalidCount, match=r'did you mean "01 02 03 04 05 06 \+ 04"\?'):
        lottery.parse_ticket("ssq", "01 02 03 04 05 06 04")
    with pytest.raises(lottery.InvalidCount) as raised:
        lottery.parse_ticket("ssq", "01 02 03 04 05 04")  # too few for a guess: no suggestion
    assert "did you mean" not in str(raised.value)
