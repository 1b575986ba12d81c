"""check() against brute-force expansion, for every form and play of every game."""

from __future__ import annotations

import itertools

import pytest
from brute import brute_counts
from hypothesis import given, note
from hypothesis import strategies as st

import lottery
from lottery import strategies as lst
from lottery.games import _digits

GAMES = [g.code for g in lottery.games()]
PLAYS = [
    (g.code, p.name)
    for g in lottery.games()
    for p in g.plays
    if not p.default and not isinstance(p, _digits.Unsupported)
]


@st.composite
def draws_near(draw: st.DrawFn, ticket: lottery.Ticket) -> lottery.Draw:
    """A draw of the ticket's game whose numbers often come from the ticket."""
    game = ticket.game
    edition = ticket.edition or draw(st.sampled_from([e.name for e in game.editions]))
    base = draw(lst.draws(game=game, edition=edition))
    mentioned = sorted({n for group in (*ticket.selection, *ticket.dan) for n in group})
    numbers: list[int] = []
    i = 0
    for zone in base.edition.zones:
        drawn = list(base.numbers[i : i + zone.size])
        i += zone.size
        if zone.positional:
            for p in range(zone.size):
                index = len(numbers)
                own = ticket.selection[index] if ticket.play_object.default else mentioned
                own = [n for n in own if zone.low <= n <= zone.high]
                numbers.append(
                    draw(st.sampled_from(own)) if own and draw(st.booleans()) else drawn[p]
                )
        else:
            group = len([z for z in base.edition.zones[: base.edition.zones.index(zone)]])
            own = sorted(
                set(ticket.selection[group]) | set(ticket.dan[group] if ticket.dan else ())
            )
            take = draw(st.integers(0, min(len(own), zone.size)))
            chosen = draw(st.permutations(own))[:take]
            rest = [n for n in drawn if n not in chosen]
            pool = [n for n in range(zone.low, zone.high + 1) if n not in chosen and n not in rest]
            picked = chosen + rest
            while len(picked) < zone.size:
                picked.append(pool.pop())
            numbers.extend(sorted(picked[: zone.size]))
    return lottery.Draw(
        game, base.issue, tuple(numbers), base.date, base.prizes, base.special_period
    )


def _assert_matches(ticket: lottery.Ticket, draw: lottery.Draw) -> None:
    bets, expected = brute_counts(ticket, draw)
    result = lottery.check(ticket, draw)
    assert result.bets == ticket.bets == bets
    assert {w.tier: w.count for w in result.wins} == dict(expected)
    known = 0
    for win in result.wins:
        announced = draw.prize(win.tier)
        tier = draw.edition.tier(win.tier)
        if tier.table:
            assert win.prize == dict(tier.table)[ticket.selection[0][0]]
        else:
            assert win.prize == (announced if announced is not None else tier.prize)
        if win.prize is not None:
            known += win.prize * win.count
    assert result.total == known * ticket.multiple
    assert result.pending == tuple(w.tier for w in result.wins if w.prize is None)


@pytest.mark.parametrize("code", GAMES)
@pytest.mark.parametrize("form", ["单式", "复式", "胆拖"])
@given(data=st.data())
def test_standard_play_counts_like_expansion(code: str, form: str, data: st.DataObject) -> None:
    ticket = data.draw(lst.tickets(game=code, form=form, max_bets=3000))
    draw = data.draw(draws_near(ticket))
    note(f"ticket {ticket}  draw {draw}")
    _assert_matches(ticket, draw)


@pytest.mark.parametrize(("code", "play"), PLAYS)
@given(data=st.data())
def test_digit_play_counts_like_expansion(code: str, play: str, data: st.DataObject) -> None:
    ticket = data.draw(lst.tickets(game=code, play=play))
    draw = data.draw(draws_near(ticket))
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
