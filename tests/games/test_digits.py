"""Counting tables of the three-digit plays (排列3, 福彩3D), as published and by brute force."""

from __future__ import annotations

import itertools

import pytest

import lottery
from lottery.games import _digit_counts

NUMBERS = list(itertools.product(range(10), repeat=3))
COMBOS = sorted({tuple(sorted(n)) for n in NUMBERS})

# Published tables ([O-pls] names the plays; these are the well-known bet counts).
STRAIGHT_BY_SUM = [
    1,
    3,
    6,
    10,
    15,
    21,
    28,
    36,
    45,
    55,
    63,
    69,
    73,
    75,
    75,
    73,
    69,
    63,
    55,
    45,
    36,
    28,
    21,
    15,
    10,
    6,
    3,
    1,
]
GROUP3_BY_SUM = [0, 1, 2, 1, 3, 3, 3, 4, 5, 4, 5, 5, 4, 5, 5, 4, 5, 5, 4, 5, 4, 3, 3, 3, 1, 2, 1, 0]
GROUP6_BY_SUM = [
    0,
    0,
    0,
    1,
    1,
    2,
    3,
    4,
    5,
    7,
    8,
    9,
    10,
    10,
    10,
    10,
    9,
    8,
    7,
    5,
    4,
    3,
    2,
    1,
    1,
    0,
    0,
    0,
]
STRAIGHT_BY_SPAN = [10, 54, 96, 126, 144, 150, 144, 126, 96, 54]
GROUP3_BY_SPAN = [0, 18, 16, 14, 12, 10, 8, 6, 4, 2]
GROUP6_BY_SPAN = [0, 0, 8, 14, 18, 20, 20, 18, 14, 8]


def _form(c: tuple[int, ...]) -> int:
    return len(set(c))


def test_tables_by_brute_force() -> None:
    assert [sum(1 for n in NUMBERS if sum(n) == s) for s in range(28)] == STRAIGHT_BY_SUM
    assert [
        sum(1 for c in COMBOS if sum(c) == s and _form(c) == 2) for s in range(28)
    ] == GROUP3_BY_SUM
    assert [
        sum(1 for c in COMBOS if sum(c) == s and _form(c) == 3) for s in range(28)
    ] == GROUP6_BY_SUM
    assert [sum(1 for n in NUMBERS if max(n) - min(n) == k) for k in range(10)] == STRAIGHT_BY_SPAN
    assert [
        sum(1 for c in COMBOS if max(c) - min(c) == k and _form(c) == 2) for k in range(10)
    ] == GROUP3_BY_SPAN
    assert [
        sum(1 for c in COMBOS if max(c) - min(c) == k and _form(c) == 3) for k in range(10)
    ] == GROUP6_BY_SPAN
    assert (sum(STRAIGHT_BY_SUM), sum(GROUP3_BY_SUM), sum(GROUP6_BY_SUM)) == (1000, 90, 120)
    assert (sum(STRAIGHT_BY_SPAN), sum(GROUP3_BY_SPAN), sum(GROUP6_BY_SPAN)) == (1000, 90, 120)


@pytest.mark.parametrize("total", range(-1, 29))
def test_sum_formulas(total: int) -> None:
    inside = 0 <= total <= 27
    assert _digit_counts.straight_sum_bets(total) == (STRAIGHT_BY_SUM[total] if inside else 0)
    assert _digit_counts.group3_sum_bets(total) == (GROUP3_BY_SUM[total] if inside else 0)
    assert _digit_counts.group6_sum_bets(total) == (GROUP6_BY_SUM[total] if inside else 0)


@pytest.mark.parametrize("span", range(-1, 11))
def test_span_formulas(span: int) -> None:
    inside = 0 <= span <= 9
    assert _digit_counts.straight_span_bets(span) == (STRAIGHT_BY_SPAN[span] if inside else 0)
    assert _digit_counts.group3_span_bets(span) == (GROUP3_BY_SPAN[span] if inside else 0)
    assert _digit_counts.group6_span_bets(span) == (GROUP6_BY_SPAN[span] if inside else 0)


@pytest.mark.parametrize("code", ["pl3", "3d"])
def test_bets_of_every_sum_and_span_ticket(code: str) -> None:
    for s in range(28):
        assert lottery.parse_ticket(code, f"直选和值 {s}").bets == STRAIGHT_BY_SUM[s]
    for s in range(1, 27):
        assert (
            lottery.parse_ticket(code, f"组选和值 {s}").bets == GROUP3_BY_SUM[s] + GROUP6_BY_SUM[s]
        )
        assert lottery.parse_ticket(code, f"组选3和值 {s}").bets == GROUP3_BY_SUM[s]
    for s in range(3, 25):
        assert lottery.parse_ticket(code, f"组选6和值 {s}").bets == GROUP6_BY_SUM[s]
    for k in range(10):
        assert lottery.parse_ticket(code, f"直选跨度 {k}").bets == STRAIGHT_BY_SPAN[k]
    for k in range(1, 10):
        assert lottery.parse_ticket(code, f"组选3跨度 {k}").bets == GROUP3_BY_SPAN[k]
    for k in range(2, 10):
        assert lottery.parse_ticket(code, f"组选6跨度 {k}").bets == GROUP6_BY_SPAN[k]


@pytest.mark.parametrize(
    ("text", "bets"),
    [
        # [O-pls]: 组三包号 n digits → n(n−1) bets (cost 4, 12, 24 … 180元)
        *((f"组选3 {'0123456789'[:n]}", n * (n - 1)) for n in range(2, 11)),
        # 组六包号 n digits → C(n, 3) bets (cost 8, 20, 40 … 240元)
        *(
            (f"组选6 {'0123456789'[:n]}", len(list(itertools.combinations(range(n), 3))))
            for n in range(3, 11)
        ),
        *((f"直选组合 {'0123456789'[:n]}", n * (n - 1) * (n - 2)) for n in range(3, 11)),
        ("组选6胆拖 1 # 234", 3),
        ("组选6胆拖 1 # 2345", 6),
        ("组选6胆拖 12 # 34", 2),
        ("组选6胆拖 12 # 3456789", 7),
        ("组选3 116", 1),
    ],
)
def test_bet_counts(text: str, bets: int) -> None:
    assert lottery.parse_ticket("pl3", text).bets == bets
    assert lottery.parse_ticket("3d", text).bets == bets


def test_group3_costs_from_rules() -> None:
    """[O-pls]: 组三包号 costs 4, 12, 24, 40, 60, 84, 112, 144, 180元; 组六 8 … 240元."""
    assert [
        lottery.parse_ticket("pl3", f"组选3 {'0123456789'[:n]}").cost for n in range(2, 11)
    ] == [4, 12, 24, 40, 60, 84, 112, 144, 180]
    assert [
        lottery.parse_ticket("pl3", f"组选6 {'0123456789'[:n]}").cost for n in range(4, 11)
    ] == [8, 20, 40, 70, 112, 168, 240]


def test_group3_dantuo_is_two_bets_per_tuo() -> None:
    """[S-z3dt]: "1*23 → 112、122、113、133 共四注"."""
    ticket = lottery.parse_ticket("pl3", "组选3胆拖 1 # 23")
    assert (ticket.bets, ticket.cost, ticket.form) == (4, 8, "胆拖")
    won = [
        d
        for d in (f"{n:03d}" for n in range(1000))
        if lottery.check(ticket, lottery.parse_draw("pl3", d, issue="19048")).won
    ]
    assert sorted({"".join(sorted(d)) for d in won}) == ["112", "113", "122", "133"]
    with pytest.raises(lottery.InvalidCount, match="1–1 胆"):
        lottery.parse_ticket("pl3", "组选3胆拖 12 # 34")
    with pytest.raises(lottery.InvalidCount):
        lottery.parse_ticket("pl3", "组选3胆拖 1 # 2")


def test_a_refused_play_says_why_and_is_not_offered() -> None:
    with pytest.raises(lottery.UnsupportedPlay, match="without its rule text") as raised:
        lottery.parse_ticket("pl3", "直选组合胆拖 1 # 234")
    assert raised.value.kind == "unsupported"
    assert raised.value.position == 1
    assert "直选组合胆拖" not in [p.name for p in lottery.get_game("pl3").plays]


@pytest.mark.parametrize("code", ["pl3", "3d"])
@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("组六 236", "组选6 236"),
        ("组6 236", "组选6 236"),
        ("组选六 2368", "组选6 2368"),
        ("组三 116", "组选3 116"),
        ("组3 116", "组选3 116"),
        ("组选三 168", "组选3 168"),
        ("直选 161", "161"),
        ("单选 161", "161"),
    ],
)
def test_shop_vocabulary(code: str, text: str, canonical: str) -> None:
    """The words shops print on tickets are the plays' names too."""
    assert str(lottery.parse_ticket(code, text)) == canonical
