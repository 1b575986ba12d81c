"""check() against brute-force expansion, for every form and play of every game."""

from __future__ import annotations

import itertools

import pytest
from brute import brute_counts, expected_prize
from hypothesis import given, note
from hypothesis import strategies as st

import lottery
from lottery import strategies as lst

GAMES = [g.code for g in lottery.games()]
PLAYS = [(g.code, p.name) for g in lottery.games() for p in g.plays if not p.default]


def _assert_matches(ticket: lottery.Ticket, draw: lottery.Draw) -> None:
    bets, expected = brute_counts(ticket, draw)
    result = lottery.check(ticket, draw)
    assert result.bets == ticket.bets == bets
    assert {w.tier: w.count for w in result.wins} == dict(expected)
    known = 0
    for win in result.wins:
        tier = draw.edition.tier(win.tier)
        if tier.table:
            assert win.prize == dict(tier.table)[ticket.selection[0][0]]
        else:
            assert win.prize == expected_prize(draw, win.tier)
        if win.prize is not None:
            known += win.prize * win.count
    assert result.total == known * ticket.multiple
    assert result.pending == tuple(w.tier for w in result.wins if w.prize is None)


@pytest.mark.parametrize("code", GAMES)
@pytest.mark.parametrize("form", ["单式", "复式", "胆拖"])
@given(data=st.data())
def test_standard_play_counts_like_expansion(code: str, form: str, data: st.DataObject) -> None:
    ticket, draw = data.draw(lst.matches(game=code, form=form, max_bets=3000))
    note(f"ticket {ticket}  draw {draw}")
    _assert_matches(ticket, draw)


@pytest.mark.parametrize(("code", "play"), PLAYS)
@given(data=st.data())
def test_digit_play_counts_like_expansion(code: str, play: str, data: st.DataObject) -> None:
    ticket, draw = data.draw(lst.matches(game=code, play=play))
    note(f"ticket {ticket}  draw {draw}")
    _assert_matches(ticket, draw)


EXHAUSTIVE = [
    ("pl3", "组选3 116"),
    ("pl3", "组选3 0189"),
    ("pl3", "组选6 2368"),
    ("pl3", "直选和值 13"),
    ("pl3", "组选和值 12"),
    ("pl3", "组选3和值 7"),
    ("pl3", "组选6和值 15"),
    ("pl3", "直选跨度 4"),
    ("pl3", "组选3跨度 3"),
    ("pl3", "组选6跨度 6"),
    ("pl3", "直选组合 1357"),
    ("pl3", "组选6胆拖 12 # 345"),
    ("pl3", "12|6|01"),
    ("3d", "1D 3**"),
    ("3d", "2D *32"),
    ("3d", "通选 326"),
    ("3d", "和数 11"),
    ("3d", "包选3 161"),
    ("3d", "包选6 326"),
    ("3d", "猜1D 6"),
    ("3d", "猜2D 66"),
    ("3d", "猜2D 23"),
    ("3d", "猜三同"),
    ("3d", "拖拉机"),
    ("3d", "猜奇偶 奇"),
    ("3d", "猜奇偶 偶"),
    ("3d", "猜大小 大"),
    ("3d", "猜大小 小"),
]


@pytest.mark.parametrize(("code", "text"), EXHAUSTIVE)
def test_digit_plays_against_every_draw(code: str, text: str) -> None:
    """Every one of the 1000 possible draws, for a representative ticket of each play."""
    ticket = lottery.parse_ticket(code, text)
    issue = "19048" if code == "pl3" else "2019048"
    for digits in itertools.product(range(10), repeat=3):
        _assert_matches(ticket, lottery.Draw(ticket.game, issue, digits))
