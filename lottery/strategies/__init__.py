"""Hypothesis strategies for code that handles lottery numbers.

Requires the hypothesis package (``pip install lottery[test]``); ``import
lottery`` never imports it.  In hypothesis house style: plural nouns,
keyword-only arguments, and arguments that vary take strategies.  Where an
argument names a game, a play, a form or an edition, it also takes a plain
value (a code such as ``"ssq"`` or a :class:`~lottery.Game`), the same as
``st.just(value)``.

Every strategy generates only valid values (``str()`` of each parses back to
an equal value) and shrinks towards the simplest one: the fewest and lowest
numbers, a single bet, multiple 1, the earliest issue, no date and no
announced prizes (``排列3 第03001期 000``; with ``game="ssq"``,
``01 02 03 04 05 06 + 01``).

>>> from hypothesis import given
>>> from lottery import strategies as lst
>>> @given(lst.tickets(game="ssq", form="复式"))
... def test_bets(ticket):
...     assert ticket.bets > 1
>>> test_bets()
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable
from typing import Any, Final, TypeVar


def _hypothesis_setup_hook() -> None:
    """Registered as a ``hypothesis`` entry point: ``st.from_type(Draw)`` and friends work.

    Defined before this module imports hypothesis, because importing
    hypothesis runs its entry points, this one included, while this module
    is still half-imported; the strategies are looked up when first used.
    """
    from hypothesis import strategies as hst  # noqa: PLC0415 - see above

    from lottery.model import Draw, Ticket  # noqa: PLC0415
    from lottery.rules import Game  # noqa: PLC0415

    module = sys.modules[__name__]
    # the lambdas look the strategies up later: they do not exist yet
    hst.register_type_strategy(Game, hst.deferred(lambda: module.games()))  # noqa: PLW0108
    hst.register_type_strategy(Draw, hst.deferred(lambda: module.draws()))  # noqa: PLW0108
    hst.register_type_strategy(Ticket, hst.deferred(lambda: module.tickets()))  # noqa: PLW0108


import attrs  # noqa: E402 - after the hook, see its docstring

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ModuleNotFoundError as missing:  # pragma: no cover - tested in a subprocess
    msg = (
        "lottery.strategies needs the hypothesis package: install the test extra,"
        " pip install 'lottery[test]'"
    )
    raise ImportError(msg, name=missing.name) from None

from lottery import registry  # noqa: E402
from lottery.exceptions import LotteryError  # noqa: E402
from lottery.model import Draw, Ticket, format_numbers  # noqa: E402
from lottery.rules import Edition, Game, Play, Zone  # noqa: E402
from lottery.strategies.selections import shaped_ticket, standard_ticket  # noqa: E402

__all__ = [
    "InvalidTicket",
    "announcement_lines",
    "draws",
    "games",
    "invalid_tickets",
    "issues",
    "matches",
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
        msg = (
            f"{what}={value!r} is not valid: {error} (pass a value, or a strategy like st.just(…))"
        )
        raise InvalidArgument(msg) from None
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


@st.composite
def _issue_in(draw: st.DrawFn, game: Game, edition: Edition) -> str:
    (y0, n0), (y1, n1) = _bounds(game, edition)
    year = draw(st.integers(y0, y1))
    low = n0 if year == y0 else 1
    high = n1 if year == y1 else game.issues_per_year
    return game.issue_text(year, draw(st.integers(low, high)))


def _editions(*, game: _Arg = None) -> st.SearchStrategy[tuple[Game, Edition]]:
    """(game, edition) pairs; shrinks to the first game's first edition."""
    return _game_strategy(game).flatmap(
        lambda g: st.sampled_from(g.editions).map(lambda e: (g, e)),
    )


def issues(*, game: _Arg = None) -> st.SearchStrategy[str]:
    """Official issue numbers (``19021`` for 体彩, ``2019021`` for 福彩) of a game."""
    return _editions(game=game).flatmap(lambda pair: _issue_in(*pair))


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
    for zone in edition.ticket_zones:
        numbers.extend(_zone_numbers(draw, zone))
    if edition.special_ball:  # drawn from the numbers left
        last = edition.zones[-1]
        left = [n for n in range(last.low, last.high + 1) if n not in numbers]
        numbers.append(draw(st.sampled_from(left)))
    date = None
    if draw(st.booleans()):
        date = _date_for(draw, game, game.issue_key(issue)[0])
    prizes: list[tuple[str, int]] = []
    if draw(st.booleans()):
        floating = [t.name for t in edition.tiers if not t.fixed]
        announced = draw(st.lists(st.sampled_from(floating), unique=True)) if floating else []
        prizes.extend((name, draw(st.integers(5_000, 10_000_000))) for name in announced)
    special: bool | None = None
    if edition.has_period and draw(st.booleans()):
        known = edition.known_period
        special = known(game.issue_key(issue)) if known is not None else None
        if special is None:
            special = draw(st.booleans())
    pool: int | None = None
    if edition.pool_tiers and draw(st.booleans()):  # fixed prizes that follow the pool
        edges = sorted({low for t in edition.tiers for low, _ in t.by_pool})
        near = st.sampled_from(edges).flatmap(lambda e: st.integers(max(e - 1, 0), e + 1))
        pool = draw(near | st.integers(0, 5_000_000_000))
    return Draw(game, issue, tuple(numbers), date, tuple(prizes), special, pool_before=pool)


def draws(*, game: _Arg = None, edition: _Arg = None) -> st.SearchStrategy[Draw]:
    """Valid draws, optionally of one game (code or Game) and rule edition (name).

    Shrinks towards the first edition's earliest issue, the lowest numbers,
    no date and no announced prizes.
    """
    games_ = _game_strategy(game)

    @st.composite
    def build(draw: st.DrawFn) -> Draw:
        g = draw(games_)
        return draw(_draw_of(g, draw(_edition_strategy(g, edition))))

    return build()


# --- tickets -----------------------------------------------------------------

_FORMS = ("单式", "复式", "胆拖")


def _play_strategy(game: Game, play: _Arg) -> st.SearchStrategy[Play]:
    if play is None:
        return st.sampled_from(game.plays)

    def convert(value: Play | str) -> Play:
        return value if isinstance(value, Play) else game.play(value)

    return _as_strategy(play, "play", convert)


def _form_strategy(form: _Arg) -> st.SearchStrategy[str]:
    if form is None:
        return st.sampled_from(_FORMS)

    def check(value: str) -> str:
        if value not in (*_FORMS, "包号"):
            msg = f"form must be one of 单式, 复式, 胆拖, 包号, not {value!r}"
            raise InvalidArgument(msg)
        return value

    return _as_strategy(form, "form", check)


@st.composite
def _ticket(
    draw: st.DrawFn,
    game: Game,
    play: Play,
    form: str | None,
    max_bets: int,
    rules: Edition | None = None,
) -> Ticket:
    if play.default:
        wanted = form if form is not None and form != "包号" else "单式"
        ticket = draw(standard_ticket(game, play, wanted, max_bets, rules))
    else:
        shaped = shaped_ticket(game, play, form if form in _FORMS else None)
        ticket = draw(shaped)
        if ticket.bets > max_bets:
            ticket = draw(shaped.filter(lambda t: t.bets <= max_bets))
    if game.has_addon and draw(st.booleans()):  # 追加投注
        ticket = attrs.evolve(ticket, addon=True)
    return ticket


def tickets(
    *,
    game: _Arg = None,
    form: _Arg = None,
    play: _Arg = None,
    edition: _Arg = None,
    max_bets: int | None = None,
) -> st.SearchStrategy[Ticket]:
    """Valid tickets of every play and form the library supports.

    ``game`` is a code, a Game or a strategy of them; ``play`` a play name (or
    strategy); ``form`` one of 单式, 复式, 胆拖 (or a strategy) and applies to
    the standard play of each game (a 胆拖 where the game has none is a
    复式); ``edition`` (a rule edition's name) keeps to that edition's number
    layout (七星彩 before and after 2020).  ``max_bets`` bounds the bets a
    ticket covers, for tests that expand tickets.  Shrinks towards a single
    bet of the lowest numbers in the first game, multiple 1.
    """
    if max_bets is not None and (not isinstance(max_bets, int) or max_bets < 1):
        msg = f"max_bets must be a positive int, not {max_bets!r}"
        raise InvalidArgument(msg)
    limit = max_bets if max_bets is not None else 10**9

    games_ = _game_strategy(game)
    forms = None if form is None else _form_strategy(form)

    @st.composite
    def build(draw: st.DrawFn) -> Ticket:
        # one composite, drawn in order, shrinks better than nested flatmaps
        g = draw(games_)
        rules = None if edition is None else draw(_edition_strategy(g, edition))
        if play is None:
            chosen = g.default_play if forms is not None else draw(st.sampled_from(g.plays))
        else:
            chosen = draw(_play_strategy(g, play))
        wanted = draw(forms) if forms is not None else None
        if wanted is None and chosen.default:
            wanted = draw(_form_strategy(None))
        return draw(_ticket(g, chosen, wanted, limit, rules))

    return build()


# --- tickets with draws that can win -------------------------------------------------


@st.composite
def _draw_near(draw: st.DrawFn, ticket: Ticket, edition: Edition) -> Draw:
    """A draw of ``edition`` whose numbers often come from the ticket."""
    game = ticket.game
    base = draw(_draw_of(game, edition))
    mentioned = sorted({n for group in (*ticket.selection, *ticket.dan) for n in group})
    numbers: list[int] = []
    start = group = 0
    for zone in base.edition.zones:
        drawn = list(base.numbers[start : start + zone.size])
        start += zone.size
        if zone.positional:
            for position in range(zone.size):
                index = len(numbers)
                own = ticket.selection[index] if ticket.play_object.default else mentioned
                own = [n for n in own if zone.low <= n <= zone.high]
                take = bool(own) and draw(st.booleans())
                numbers.append(draw(st.sampled_from(own)) if take else drawn[position])
            continue
        own = sorted({*ticket.selection[group], *(ticket.dan[group] if ticket.dan else ())})
        group += 1
        chosen_numbers = draw(st.permutations(own))[
            : draw(st.integers(0, min(len(own), zone.size)))
        ]
        picked = chosen_numbers + [n for n in drawn if n not in chosen_numbers]
        spare = (n for n in range(zone.low, zone.high + 1) if n not in picked)
        while len(picked) < zone.size:
            picked.append(next(spare))
        numbers.extend(sorted(picked[: zone.size]))
        if group == len(ticket.selection):
            break
    if edition.special_ball:  # often one of the ticket's numbers left over
        last = edition.zones[-1]
        left = [n for n in range(last.low, last.high + 1) if n not in numbers]
        own = [n for n in mentioned if n in left]
        prefer = bool(own) and draw(st.booleans())
        numbers.append(draw(st.sampled_from(own if prefer else left)))
    return attrs.evolve(base, numbers=tuple(numbers))


def matches(
    *,
    game: _Arg = None,
    edition: _Arg = None,
    form: _Arg = None,
    play: _Arg = None,
    max_bets: int | None = None,
) -> st.SearchStrategy[tuple[Ticket, Draw]]:
    """(ticket, draw) pairs of one game whose draw often shares the ticket's numbers.

    Independent tickets and draws almost never win the top tiers; these pairs
    reach every tier of every edition, for tests of code that pays prizes.
    Arguments as for :func:`tickets` and :func:`draws`.
    """

    def for_edition(g: Game, e: Edition) -> st.SearchStrategy[tuple[Ticket, Draw]]:
        ticket = tickets(game=g, form=form, play=play, edition=e.name, max_bets=max_bets)
        return ticket.flatmap(lambda t: _draw_near(t, e).map(lambda d: (t, d)))

    return _game_strategy(game).flatmap(
        lambda g: _edition_strategy(g, edition).flatmap(lambda e: for_edition(g, e)),
    )


# --- announcement lines -----------------------------------------------------------------

_FULL_WIDTH = str.maketrans("0123456789+,:", "０１２３４５６７８９＋，：")


def _labelled(draw: Draw, sep: str) -> str:
    """Numbers with zone labels, as announcements print them."""
    zones = draw.edition.zones
    parts = [
        sep.join(z.fmt(n) for n in numbers) for z, numbers in zip(zones, draw.zones, strict=True)
    ]
    if len(parts) == 1:
        return parts[0]
    return " ".join(f"{zone.name} {part}" for zone, part in zip(zones, parts, strict=True))


@st.composite
def _announcement(draw: st.DrawFn, game: Game) -> tuple[str, Draw]:
    result = draw(draws(game=game).map(lambda d: Draw(d.game, d.issue, d.numbers, d.date)))
    issue = result.issue
    if draw(st.booleans()):  # 体彩 issues are also printed in 7 digits, 福彩 ones in 5
        year, number = result.issue_key
        issue = f"{year}{number:03d}" if game.issue_digits == 5 else f"{year % 100:02d}{number:03d}"
    sep = draw(st.sampled_from([" ", "、", ","]))
    style = draw(st.sampled_from(["canonical", "official", "labelled", "plain"]))
    if style == "canonical":
        line = str(result)
    elif style == "official" and game.announcement:
        line = game.announcement.format(issue=issue, numbers=_labelled(result, sep))
    elif style == "labelled":
        name = draw(st.sampled_from((game.name, *game.aliases)))
        line = f"{name}第{issue}期开奖：{_labelled(result, sep)}"
    else:
        numbers = " ".join(
            z.fmt(n) for z, n in zip(_zone_of_each(result), result.numbers, strict=True)
        )
        if len(result.edition.zones) > 1:
            numbers = format_numbers(result.edition, result.numbers)
        line = f"{game.name} 第{issue}期 {numbers}"
    if game.test_numbers and draw(st.booleans()):
        test = "".join(str(draw(st.integers(0, 9))) for _ in range(len(result.numbers)))
        line = (
            f"{game.name}第{issue}期 试机号：{test} 开奖号码：{''.join(map(str, result.numbers))}"
        )
    if draw(st.booleans()):
        line = line.translate(_FULL_WIDTH)
    return line, result


def _zone_of_each(draw: Draw) -> list[Zone]:
    return [zone for zone in draw.edition.zones for _ in range(zone.size)]


def announcement_lines(*, game: _Arg = None) -> st.SearchStrategy[str]:
    """Announcement lines in the styles people print, one draw each.

    ``lottery.news.extract(line)`` reads exactly one draw back from every
    line: the seed page's official wording, ``双色球第2026095期开奖：红球 …
    蓝球 …``, a 3D line with its 试机号, 体彩 issues in 7 digits, full-width
    digits.  Shrinks towards the canonical text of the simplest draw.
    """
    return _game_strategy(game).flatmap(_announcement).map(lambda pair: pair[0])


# --- invalid tickets ---------------------------------------------------------------------------


@attrs.frozen
class InvalidTicket:
    """A ticket text that :func:`lottery.parse_ticket` must reject, and why."""

    game: Game
    text: str
    reason: str


def _replace_number(text: str, old: str, new: str) -> str:
    """Replace the first whole token ``old`` (ball numbers are space separated)."""
    tokens = text.split(" ")
    tokens[tokens.index(old)] = new
    return " ".join(tokens)


_FAULTS: Final = (
    "range",
    "duplicate",
    "too few",
    "digit",
    "play",
    "multiple",
    "empty",
    "long number",
    "long text",
    "addon",
    "no play",
)


@st.composite
def _invalid(draw: st.DrawFn, game: Game) -> InvalidTicket:
    ticket = draw(tickets(game=game, form="单式", play=game.default_play.name))
    text = str(attrs.evolve(ticket, multiple=1))
    kind = draw(st.sampled_from(_FAULTS))
    if kind in ("range", "duplicate", "too few"):
        return _number_fault(game, ticket, text, kind)
    return _text_fault(draw, game, text, kind)


def _number_fault(game: Game, ticket: Ticket, text: str, kind: str) -> InvalidTicket:
    """A number out of range, repeated, or missing (digit games: a digit too many or few)."""
    first = _zones_of(ticket)[0]
    token = first.fmt(ticket.selection[0][0])
    if first.positional:
        head, _, tail = text.partition(" + ")
        shorter = head[:-1] if kind == "too few" else head + "1"
        return InvalidTicket(
            game, shorter + (" + " + tail if tail else ""), "the wrong number of digits"
        )
    if kind == "range":
        bad = _replace_number(text, token, first.fmt(first.high + 1))
        return InvalidTicket(game, bad, "a number out of range")
    if kind == "duplicate":
        if len(ticket.selection[0]) < 2:  # 选一: one number, given twice
            return InvalidTicket(game, f"{text} {token}", "a number repeated")
        other = first.fmt(ticket.selection[0][1])
        return InvalidTicket(game, _replace_number(text, other, token), "a number repeated")
    fewer = _replace_number(text, token, "").replace("  ", " ").strip()
    return InvalidTicket(game, fewer, "too few numbers")


def _text_fault(draw: st.DrawFn, game: Game, text: str, kind: str) -> InvalidTicket:  # noqa: PLR0911
    """Everything else a ticket's text can get wrong."""
    if kind == "digit":
        foreign = draw(st.sampled_from(["٣", "²", "⑱", "३", "໓"]))
        return InvalidTicket(
            game, foreign + text[1:], "a digit that is neither ASCII nor full-width"
        )
    if kind == "multiple":
        times = draw(st.sampled_from(["x0", "x100", "x-1", "x1.5"]))
        return InvalidTicket(game, f"{text} {times}", "a multiple outside 1–99")
    if kind == "empty":
        return InvalidTicket(game, draw(st.sampled_from(["", " ", "\t", "　"])), "no numbers")
    if kind == "long number":
        return InvalidTicket(
            game, "9" * draw(st.integers(20, 60)) + text[1:], "an absurdly long number"
        )
    if kind == "addon":
        if not game.has_addon:
            return InvalidTicket(game, f"{text} 追加", "追加 on a game that has none")
        return InvalidTicket(game, f"{text}追加", "追加 glued to a number")
    if kind == "no play" and game.play_required:
        return InvalidTicket(game, text.split(" ", 1)[1], "a ticket without its play")
    if kind in ("play", "no play"):
        return InvalidTicket(game, "乐透 " + text, "an unknown play")
    return InvalidTicket(game, text + " " + "0" * 2000, "text far longer than any ticket")


def _zones_of(ticket: Ticket) -> tuple[Zone, ...]:
    return ticket.layout


def invalid_tickets(*, game: _Arg = None) -> st.SearchStrategy[InvalidTicket]:
    """Ticket texts guaranteed invalid, each with the reason, for testing validators.

    Every kind of fault the library rejects: numbers out of range, repeated,
    too few, non-ASCII digits (``٣``, ``²``, ``⑱``), unknown plays, bad
    multiples, empty text, absurdly long numbers and lines.
    """
    return _game_strategy(game).flatmap(_invalid)
