"""Hypothesis strategies for code that handles lottery numbers.

Requires the hypothesis package (``pip install lottery[test]``); ``import
lottery`` never imports it.  In hypothesis house style: plural nouns,
keyword-only arguments, and arguments that vary take strategies.  Where an
argument names a game, a play, a form or an edition, it also takes a plain
value (a code such as ``"ssq"`` or a :class:`~lottery.Game`), the same as
``st.just(value)``.

Every strategy generates only valid values (``str()`` of each parses back to
an equal value) and shrinks towards the simplest one: the first game
(七星彩), the lowest numbers, single bets, multiple 1, no announced prizes.

>>> from hypothesis import given
>>> from lottery import strategies as lst
>>> @given(lst.tickets(game="ssq", form="复式"))
... def test_bets(ticket):
...     assert ticket.bets > 1
>>> test_bets()
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st

from lottery import registry
from lottery.exceptions import LotteryError
from lottery.games import _digits
from lottery.model import Draw, Edition, Game, Play, Ticket, Zone
from lottery.plays import StandardPlay, layouts

__all__ = [
    "draws",
    "editions",
    "games",
    "issues",
    "tickets",
]

T = TypeVar("T")
_Arg = Any


def _as_strategy(value: _Arg, what: str, convert: Callable[[Any], T]) -> st.SearchStrategy[T]:
    """A strategy from a strategy, a plain value or ``None`` (handled by callers)."""
    if isinstance(value, st.SearchStrategy):
        return value.map(convert)
    try:
        converted = convert(value)
    except (LotteryError, TypeError) as error:
        msg = f"{what}={value!r} is not valid: {error}"
        raise TypeError(msg) from None
    return st.just(converted)


def _game(value: Game | str) -> Game:
    return registry.get_game(value)


def games() -> st.SearchStrategy[Game]:
    """Every game; shrinks to the first in the registry (七星彩)."""
    return st.sampled_from(registry.games())


def _game_strategy(game: _Arg) -> st.SearchStrategy[Game]:
    return games() if game is None else _as_strategy(game, "game", _game)


def _bounds(game: Game, edition: Edition) -> tuple[tuple[int, int], tuple[int, int]]:
    """The (year, number) range of issues an edition governs (2003 … 2030 at most)."""
    index = game.editions.index(edition)
    low = (2003, 1) if edition.first_issue is None else game.issue_key(edition.first_issue)
    if index + 1 < len(game.editions):
        nxt = game.editions[index + 1].first_issue or ""
        year, number = game.issue_key(nxt)
        high = (year, number - 1) if number > 1 else (year - 1, game.issues_per_year)
    else:
        high = (2030, game.issues_per_year)
    return low, high


def _format_issue(game: Game, year: int, number: int) -> str:
    return f"{year % 100:02d}{number:03d}" if game.issue_digits == 5 else f"{year}{number:03d}"


@st.composite
def _issue_in(draw: st.DrawFn, game: Game, edition: Edition) -> str:
    (y0, n0), (y1, n1) = _bounds(game, edition)
    year = draw(st.integers(y0, y1))
    low = n0 if year == y0 else 1
    high = n1 if year == y1 else game.issues_per_year
    return _format_issue(game, year, draw(st.integers(low, high)))


def editions(*, game: _Arg = None) -> st.SearchStrategy[tuple[Game, Edition]]:
    """(game, edition) pairs; shrinks to the first game's first edition."""
    return _game_strategy(game).flatmap(
        lambda g: st.sampled_from(g.editions).map(lambda e: (g, e)),
    )


def issues(*, game: _Arg = None) -> st.SearchStrategy[str]:
    """Official issue numbers (``19021`` for 体彩, ``2019021`` for 福彩) of a game."""
    return editions(game=game).flatmap(lambda pair: _issue_in(*pair))


def _edition_strategy(game: Game, edition: _Arg) -> st.SearchStrategy[Edition]:
    if edition is None:
        return st.sampled_from(game.editions)
    return _as_strategy(
        edition, "edition", lambda e: e if isinstance(e, Edition) else game.edition_named(e)
    )


def _zone_numbers(draw: st.DrawFn, zone: Zone) -> list[int]:
    if zone.positional:
        return [draw(st.integers(zone.low, zone.high)) for _ in range(zone.size)]
    picked = draw(
        st.lists(
            st.integers(zone.low, zone.high), min_size=zone.size, max_size=zone.size, unique=True
        ),
    )
    return sorted(picked)


def _date_for(draw: st.DrawFn, game: Game, year: int) -> datetime.date:
    """A date in ``year`` on one of the game's draw days."""
    first = datetime.date(year, 1, 1)
    weekday = draw(st.sampled_from(game.draw_weekdays))
    offset = (weekday - first.weekday()) % 7 + 7 * draw(st.integers(0, 51))
    return first + datetime.timedelta(days=offset)


@st.composite
def _draw_of(draw: st.DrawFn, game: Game, edition: Edition) -> Draw:
    issue = draw(_issue_in(game, edition))
    numbers: list[int] = []
    for zone in edition.zones:
        numbers.extend(_zone_numbers(draw, zone))
    date = None
    if draw(st.booleans()):
        date = _date_for(draw, game, game.issue_key(issue)[0])
    prizes: list[tuple[str, int]] = []
    if draw(st.booleans()):
        floating = [t.name for t in edition.tiers if t.prize is None and not t.table]
        announced = draw(st.lists(st.sampled_from(floating), unique=True)) if floating else []
        prizes.extend((name, draw(st.integers(5_000, 10_000_000))) for name in announced)
    special: bool | None = None
    if any(t.when is not None and not t.stacks for t in edition.tiers) and draw(st.booleans()):
        special = _known_period(game, issue)
        if special is None:
            special = draw(st.booleans())
    return Draw(game, issue, tuple(numbers), date, tuple(prizes), special)


def _known_period(game: Game, issue: str) -> bool | None:
    """双色球's 特别规定期间 where the library knows it, ``None`` after it."""
    from lottery.games import ssq  # noqa: PLC0415 - only 双色球 has one

    key = game.issue_key(issue)
    if key <= ssq.SPECIAL_PERIOD_LAST:
        return key >= ssq.SPECIAL_PERIOD_FIRST
    return None


def draws(*, game: _Arg = None, edition: _Arg = None) -> st.SearchStrategy[Draw]:
    """Valid draws, optionally of one game (code or Game) and rule edition (name).

    Shrinks towards the first edition's earliest issue, the lowest numbers,
    no date and no announced prizes.
    """
    return _game_strategy(game).flatmap(
        lambda g: _edition_strategy(g, edition).flatmap(lambda e: _draw_of(g, e)),
    )


# --- tickets -----------------------------------------------------------------

_FORMS = ("单式", "复式", "胆拖")


def _ball_sizes(draw: st.DrawFn, zone: Zone, form: str, budget: int) -> tuple[int, int]:
    """(胆, 拖) counts of one ball zone, within a bet budget where it can be."""
    if form == "胆拖" and zone.dan is not None:
        low, high = zone.dan
        dans = [d for d in range(low, high + 1) if zone.size + 1 - d <= budget]
        if dans:
            d = draw(st.sampled_from(dans))
            tuos = [
                t
                for t in range(zone.size + 1 - d, zone.values - d + 1)
                if math.comb(t, zone.size - d) <= budget
            ]
            return d, draw(st.sampled_from(tuos))
    if form == "单式":
        return 0, zone.size
    least = zone.size + 1 if form == "复式" and zone.most > zone.size else zone.size
    sizes = [n for n in range(least, zone.most + 1) if math.comb(n, zone.size) <= budget]
    return 0, draw(st.sampled_from(sizes or [zone.size]))


@st.composite
def _standard_ticket(
    draw: st.DrawFn,
    game: Game,
    play: Play,
    form: str,
    max_bets: int,
) -> Ticket:
    zones, edition = draw(st.sampled_from(layouts(game, None)))
    dan_zones = [i for i, z in enumerate(zones) if not z.positional and z.dan is not None]
    if form == "胆拖" and not dan_zones:
        form = "复式"
    budget = max_bets
    for candidate in game.editions:
        if candidate.zones == zones and candidate.max_bets is not None:
            budget = min(budget, candidate.max_bets)
    # the zone that makes the ticket a 复式 or 胆拖; the others vary freely
    if form == "胆拖":
        star = dan_zones[0]
    else:
        star = draw(
            st.sampled_from([i for i, z in enumerate(zones) if z.most > z.size or z.positional])
        )
    selection: list[tuple[int, ...]] = []
    dan: list[tuple[int, ...]] = []
    for index, zone in enumerate(zones):
        zone_form = form if index == star else draw(st.sampled_from(("单式", "任意")))
        if zone.positional:
            forced = (
                draw(st.integers(0, zone.size - 1)) if zone_form == "复式" and budget >= 2 else -1
            )
            for position in range(zone.size):
                reserve = 2 if position < forced else 1  # room for the forced 复式 position
                most = 1 if zone_form == "单式" else max(1, min(zone.values, budget // reserve))
                least = 2 if position == forced else 1
                group = draw(
                    st.lists(
                        st.integers(zone.low, zone.high),
                        min_size=least,
                        max_size=max(most, least),
                        unique=True,
                    ),
                )
                budget = max(1, budget // len(group))
                selection.append(tuple(sorted(group)))
                dan.append(())
        else:
            d, t = _ball_sizes(draw, zone, "任意" if zone_form == "任意" else zone_form, budget)
            numbers = draw(
                st.lists(
                    st.integers(zone.low, zone.high), min_size=d + t, max_size=d + t, unique=True
                ),
            )
            dan.append(tuple(sorted(numbers[:d])))
            selection.append(tuple(sorted(numbers[d:])))
            budget = max(1, budget // math.comb(t, zone.size - d))
    multiple = draw(st.integers(1, min(e.max_multiple for e in game.editions)))
    return Ticket(
        game, play.name, tuple(selection), multiple, tuple(dan) if any(dan) else (), edition
    )


def _digits_of(draw: st.DrawFn, low: int, high: int) -> tuple[int, ...]:
    return tuple(
        sorted(draw(st.lists(st.integers(0, 9), min_size=low, max_size=high, unique=True)))
    )


@st.composite
def _digit_ticket(draw: st.DrawFn, game: Game, play: Play) -> Ticket:  # noqa: C901, PLR0911, PLR0912
    multiple = draw(st.integers(1, 99))

    def make(selection: Sequence[tuple[int, ...]], dan: Sequence[tuple[int, ...]] = ()) -> Ticket:
        return Ticket(game, play.name, tuple(selection), multiple, tuple(dan))

    if isinstance(play, _digits.GroupPlay):
        if play.group == 3 and draw(st.booleans()):
            a, b = draw(st.lists(st.integers(0, 9), min_size=2, max_size=2, unique=True))
            return make([tuple(sorted((a, a, b)))])
        low = 2 if play.group == 3 else 3
        return make([_digits_of(draw, low, 10)])
    if isinstance(play, _digits.SumPlay | _digits.SpanPlay):
        return make([(draw(st.integers(play.low, play.high)),)])
    if isinstance(play, _digits.Combination):
        return make([_digits_of(draw, 3, 10)])
    if isinstance(play, _digits.GroupDanTuo):
        chosen = draw(st.lists(st.integers(0, 9), min_size=4, max_size=10, unique=True))
        d = draw(st.integers(1, 2))
        return make([tuple(sorted(chosen[d:]))], [tuple(sorted(chosen[:d]))])
    if isinstance(play, _digits.PositionPlay):
        where = draw(
            st.lists(st.integers(0, 2), min_size=play.fixed, max_size=play.fixed, unique=True)
        )
        return make([(draw(st.integers(0, 9)),) if i in where else () for i in range(3)])
    if isinstance(play, _digits.BaoXuan):
        if play.group == 3:
            a, b = draw(st.lists(st.integers(0, 9), min_size=2, max_size=2, unique=True))
            return make([draw(st.sampled_from(((a, a, b), (a, b, a), (b, a, a))))])
        return make([tuple(draw(st.lists(st.integers(0, 9), min_size=3, max_size=3, unique=True)))])
    if isinstance(play, _digits.TongXuan):
        return make([tuple(draw(st.lists(st.integers(0, 9), min_size=3, max_size=3)))])
    if isinstance(play, _digits.HeShu):
        return make([(draw(st.integers(0, 27)),)])
    if isinstance(play, _digits.GuessOne):
        return make([(draw(st.integers(0, 9)),)])
    if isinstance(play, _digits.GuessTwo):
        return make([tuple(sorted(draw(st.lists(st.integers(0, 9), min_size=2, max_size=2))))])
    if isinstance(play, _digits.Pattern):
        return make([])
    if isinstance(play, _digits.Predicate):
        return make([(draw(st.integers(0, len(play.sides) - 1)),)])
    msg = f"no strategy for play {play.name}"  # pragma: no cover - every play is covered
    raise NotImplementedError(msg)  # pragma: no cover


def _playable(game: Game) -> tuple[Play, ...]:
    return tuple(p for p in game.plays if not isinstance(p, _digits.Unsupported))


def _play_strategy(game: Game, play: _Arg) -> st.SearchStrategy[Play]:
    if play is None:
        return st.sampled_from(_playable(game))
    return _as_strategy(play, "play", lambda p: p if isinstance(p, Play) else game.play(p))


def _form_strategy(form: _Arg) -> st.SearchStrategy[str]:
    if form is None:
        return st.sampled_from(_FORMS)

    def check(value: str) -> str:
        if value not in (*_FORMS, "包号"):
            msg = f"form must be one of 单式, 复式, 胆拖, 包号, not {value!r}"
            raise TypeError(msg)
        return value

    return _as_strategy(form, "form", check)


@st.composite
def _ticket(draw: st.DrawFn, game: Game, play: Play, form: str | None, max_bets: int) -> Ticket:
    if isinstance(play, StandardPlay):
        wanted = form if form is not None and form != "包号" else "单式"
        return draw(_standard_ticket(game, play, wanted, max_bets))
    ticket = draw(_digit_ticket(game, play))
    if ticket.bets > max_bets:
        ticket = draw(_digit_ticket(game, play).filter(lambda t: t.bets <= max_bets))
    return ticket


def tickets(
    *,
    game: _Arg = None,
    form: _Arg = None,
    play: _Arg = None,
    max_bets: int | None = None,
) -> st.SearchStrategy[Ticket]:
    """Valid tickets of every play and form the library supports.

    ``game`` is a code, a Game or a strategy of them; ``play`` a play name (or
    strategy); ``form`` one of 单式, 复式, 胆拖 (or a strategy) and applies to
    the standard play of each game (a 胆拖 where the game has none is a
    复式).  ``max_bets`` bounds the bets a ticket covers, for tests that
    expand tickets.  Shrinks towards a single bet of the lowest numbers in
    the first game, multiple 1.
    """
    if max_bets is not None and (not isinstance(max_bets, int) or max_bets < 1):
        msg = f"max_bets must be a positive int, not {max_bets!r}"
        raise TypeError(msg)
    limit = max_bets if max_bets is not None else 10**9

    def for_game(g: Game) -> st.SearchStrategy[Ticket]:
        forms: st.SearchStrategy[str | None] = st.none() if form is None else _form_strategy(form)
        if form is None and play is None:
            return st.one_of(
                _form_strategy(None).flatmap(lambda f: _ticket(g, g.default_play, f, limit)),
                _play_strategy(g, None).flatmap(lambda p: _ticket(g, p, None, limit)),
            )
        plays = st.just(g.default_play) if play is None else _play_strategy(g, play)
        return plays.flatmap(lambda p: forms.flatmap(lambda f: _ticket(g, p, f, limit)))

    return _game_strategy(game).flatmap(for_game)
