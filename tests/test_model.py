"""Values built directly (not parsed) are validated the same way."""

from __future__ import annotations

import pathlib

import pytest

import lottery
from lottery import Draw, Ticket, get_game

FIXTURES = pathlib.Path(__file__).parent / "fixtures"

SSQ = get_game("ssq")
QXC = get_game("qxc")


def test_draw_is_canonical() -> None:
    d = Draw(SSQ, "19021", [27, 5, 7, 8, 20, 2, 4])
    assert d.issue == "2019021"
    assert d.numbers == (2, 5, 7, 8, 20, 27, 4)
    assert d == lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    assert hash(d) == hash(lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021"))


@pytest.mark.parametrize(
    ("numbers", "error"),
    [
        ((2, 5, 7, 8, 20, 27), lottery.InvalidCount),
        ((2, 5, 7, 8, 20, 34, 4), lottery.InvalidNumber),
        ((2, 5, 7, 8, 20, 20, 4), lottery.DuplicateNumber),
        ((2, 5, 7, 8, 20, 27, 0), lottery.InvalidNumber),
    ],
)
def test_bad_draw_numbers(numbers: tuple[int, ...], error: type[Exception]) -> None:
    with pytest.raises(error):
        Draw(SSQ, "2019021", numbers)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"numbers": "0205070820274"}, TypeError),
        ({"numbers": (2, 5, 7, 8, 20, 27, "4")}, TypeError),
        ({"numbers": (2, 5, 7, 8, 20, 27, True)}, TypeError),
        ({"date": "2019-02-24"}, TypeError),
        ({"prizes": {"一等奖": 5.5}}, TypeError),
        ({"prizes": {"七等奖": 5}}, lottery.ValidationError),
        ({"prizes": {"一等奖": -5}}, lottery.ValidationError),
        ({"prizes": (("一等奖", 5), ("一等奖", 6))}, lottery.ValidationError),
        ({"special_period": "yes"}, TypeError),
        ({"special_period": True}, lottery.ValidationError),  # 2019021: no such period yet
        ({"issue": "abc"}, lottery.InvalidIssue),
        ({"issue": 2019021}, TypeError),
    ],
)
def test_bad_draw_fields(kwargs: dict[str, object], error: type[Exception]) -> None:
    fields: dict[str, object] = {
        "game": SSQ,
        "issue": "2019021",
        "numbers": (2, 5, 7, 8, 20, 27, 4),
    }
    fields.update(kwargs)
    with pytest.raises(error):
        Draw(**fields)  # type: ignore[arg-type]


def test_draw_prizes_are_ordered_by_tier() -> None:
    d = Draw(SSQ, "2019021", (2, 5, 7, 8, 20, 27, 4), prizes={"二等奖": 100, "一等奖": 5000})
    assert d.prizes == (("一等奖", 5000), ("二等奖", 100))
    assert d.prize("一等奖") == 5000
    assert d.prize("三等奖") is None


def test_draw_prizes_checked_every_time_their_tiers_were_seen() -> None:
    """The tiers of one announcement are learnt once; each draw's amounts are still checked."""
    tiers = ("二等奖", "一等奖", "三等奖")
    for low, high in ((100, 5000), (150, 6000)):
        d = Draw(
            SSQ,
            "2019021",
            (2, 5, 7, 8, 20, 27, 4),
            prizes=dict(zip(tiers, (low, high, 3000), strict=True)),
        )
        assert [t for t, _ in d.prizes] == ["一等奖", "二等奖", "三等奖"]
        assert d.prize("二等奖") == low
    with pytest.raises(lottery.ValidationError, match="negative"):
        Draw(
            SSQ,
            "2019021",
            (2, 5, 7, 8, 20, 27, 4),
            prizes=dict(zip(tiers, (100, -1, 3000), strict=True)),
        )
    with pytest.raises(lottery.ValidationError, match="派奖"):
        Draw(
            SSQ,
            "2019021",
            (2, 5, 7, 8, 20, 27, 4),
            prizes=dict(zip(tiers, (100, 5000, 3000), strict=True)),
            promotions={"四等奖": 10},
        )


def test_ticket_is_canonical() -> None:
    t = Ticket(SSQ, "普通", [[27, 20, 8, 7, 5, 2], [4]])
    assert t.selection == ((2, 5, 7, 8, 20, 27), (4,))
    assert t == lottery.parse_ticket("ssq", "02 05 07 08 20 27 + 04")
    assert Ticket(SSQ, "复式", [[1, 2, 3, 4, 5, 6, 7], [4]]).play == "普通"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((SSQ, "普通", ((1, 2, 3, 4, 5), (4,))), lottery.InvalidCount),
        ((SSQ, "普通", ((1, 2, 3, 4, 5, 6),)), lottery.InvalidCount),
        ((SSQ, "普通", ((1, 2, 3, 4, 5, 34), (4,))), lottery.InvalidNumber),
        ((SSQ, "普通", ((1, 2, 3, 4, 5, 5), (4,))), lottery.DuplicateNumber),
        ((SSQ, "组选3", ((1, 2, 3),)), lottery.InvalidFormat),
        ((SSQ, "普通", ((1, 2, 3, 4, 5, 6), (4,)), 0), lottery.InvalidCount),
        ((SSQ, "普通", ((1, 2, 3, 4, 5, 6), (4,)), 100), lottery.InvalidCount),
        ((SSQ, "普通", ((3, 4, 5, 6, 7), (4,)), 1, ((1, 2, 3), ())), lottery.DuplicateNumber),
        ((SSQ, "普通", ((3, 4, 5, 6, 7), (4,)), 1, ((1, 2), (5,))), lottery.InvalidFormat),
        ((QXC, "普通", ((1,),) * 7), lottery.ValidationError),  # which edition?
        ((QXC, "普通", ((1,),) * 7, 1, (), "1999"), lottery.ValidationError),
        ((SSQ, "普通", "0102"), TypeError),
        ((SSQ, "普通", ((1, 2, 3, 4, 5, 6), (4,)), 2.0), TypeError),
        ((SSQ, 1, ((1, 2, 3, 4, 5, 6), (4,))), TypeError),
        (("ssq", "普通", ((1, 2, 3, 4, 5, 6), (4,))), TypeError),
    ],
)
def test_bad_tickets(args: tuple[object, ...], error: type[Exception]) -> None:
    with pytest.raises(error):
        Ticket(*args)  # type: ignore[arg-type]


def test_seven_star_original_bet_limit() -> None:
    """At most 10,000 bets per ticket under the original rules ([O-qxc])."""
    assert (
        lottery.parse_ticket("qxc", "0123456789|0123456789|0123456789|0123456789|0|0|0").bets
        == 10_000
    )
    with pytest.raises(lottery.InvalidCount, match="10000"):
        lottery.parse_ticket("qxc", "0123456789|0123456789|0123456789|0123456789|01|0|0")
    big = lottery.parse_ticket(
        "qxc",
        "0123456789|0123456789|0123456789|0123456789|0123456789|0123456789 + 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14",
    )
    assert big.bets == 15_000_000


@pytest.mark.parametrize(
    ("code", "last", "first", "before", "after"),
    [
        ("qxc", "20099", "20100", "original", "2020"),
        ("qxc", "2020099", "2020100", "original", "2020"),
        ("ssq", "2026013", "2026014", "original", "2026"),
        ("ssq", "26013", "26014", "original", "2026"),
    ],
)
def test_editions_switch_exactly_at_their_boundary(
    code: str, last: str, first: str, before: str, after: str
) -> None:
    game = get_game(code)
    assert game.edition(last).name == before
    assert game.edition(first).name == after
    assert game.edition("2004001").name == before
    assert game.edition("2099001").name == after


def test_repr_shows_the_game_and_the_notation() -> None:
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    ticket = lottery.parse_ticket("ssq", "02 05 # 07 08 20 27 33 + 04 x2")
    assert repr(draw) == "<Draw ssq '双色球 第2019021期 02 05 07 08 20 27 + 04'>"
    assert repr(ticket) == "<Ticket ssq '02 05 # 07 08 20 27 33 + 04 x2'>"


def test_to_dict_is_json() -> None:
    import json

    draw = lottery.parse_draw(
        "ssq", "2019-02-24 02 05 07 08 20 27 + 04; 一等奖=5000000", issue="2019021"
    )
    ticket = lottery.parse_ticket("ssq", "02 05 # 07 08 20 27 33 + 04 x2")
    result = lottery.check(ticket, draw)
    for value in (draw, ticket, result, *result.wins):
        assert json.loads(json.dumps(value.to_dict(), ensure_ascii=False)) == value.to_dict()
    assert draw.to_dict() == {
        "game": "ssq",
        "issue": "2019021",
        "numbers": [2, 5, 7, 8, 20, 27, 4],
        "date": "2019-02-24",
        "prizes": {"一等奖": 5_000_000},
        "special_period": None,
        "edition": "original",
        "pool_before": None,
        "promotions": {},
    }
    assert ticket.to_dict()["cost"] == 20
    assert str(result) == (
        "双色球 2019021 02 05 # 07 08 20 27 33 + 04 x2:"
        " 一等奖 2 注 × 5,000,000元, 三等奖 8 注 × 3,000元; total 10,024,000元"
    )


def test_draws_tickets_and_results_pickle_after_any_lane_used_them() -> None:
    """The lanes keep compiled functions in a draw's cache; pickling leaves them out."""
    import pickle

    from lottery import vector

    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    ticket = lottery.parse_ticket("ssq", "02 05 07 08 20 33 + 04")
    result = lottery.check(ticket, draw)
    lottery.check_many(["01 02 03 04 05 06 + 01", "01 02 03 04 05 06 07 + 01", "x"], [draw])
    if vector.available():
        vector.check_lines(["01 02 03 04 05 06 + 01"], draw)
    back = pickle.loads(pickle.dumps((draw, ticket, result)))
    assert back == (draw, ticket, result)
    assert back[0].edition is draw.edition
    assert lottery.check(back[1], back[0]) == result
    assert lottery.check_many(["02 05 07 08 20 33 + 04"], [back[0]]).wins == {"三等奖": 1}
    from lottery.validate import read_file, read_text

    read = read_text("双色球 第2019021期 02 05 07 08 20 27 + 04 一等奖 5,000,000元")[0]
    assert read.draw is not None
    copied = pickle.loads(pickle.dumps(read))  # a reader's draw and record: every field
    assert copied == read
    assert copied.draw.prizes == read.draw.prizes
    assert copied.draw.edition is read.draw.edition
    fed = read_file(str(FIXTURES / "cwl_3d.json"))[0]  # its text made only when shown
    assert pickle.loads(pickle.dumps(fed)) == fed
