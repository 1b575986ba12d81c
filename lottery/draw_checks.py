"""The checks every draw of every game goes through, one record at a time.

Each takes a record and the draw it holds and yields problems (severity,
kind, message): the issue number against the draw days, the printed order,
the date and weekday, the announced prizes against the edition's (fixed,
following the pool, 追加 shares).  :mod:`lottery.validate` runs them, then a
game's own checks (``GameChecks.record``), then the checks across draws.

A history is thousands of records with nothing to say.  :func:`suspects`
proves that of a whole chunk at once, column by column (the issues' numbers
at most the draw days, the dates' years the issues', their weekdays draw
days, the printed numbers the draw's, the fixed prizes the edition's), and
names the records it cannot vouch for: only those go through the checks one
at a time (a property test compares the two on random, damaged records).
"""

from __future__ import annotations

import datetime
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final, cast

from lottery.findings import Problem
from lottery.model import Draw
from lottery.records import TEST_NUMBER, Record
from lottery.registry import checks
from lottery.rules import WEEKDAYS, Edition, Game

__all__ = ["CHECKS", "ENABLED", "Check", "suspects"]


def _fmt(draw: Draw, numbers: Sequence[int]) -> str:
    zone = draw.edition.zones[0]
    return " ".join(zone.fmt(n) for n in numbers)


#: One check of one record and the draw it holds: the problems found (usually none).
Check = Callable[[Record, Draw], Iterable[Problem]]


def _issue_number(record: Record, draw: Draw) -> list[Problem]:
    """The issue's number fits the year's draw days."""
    out: list[Problem] = []
    most = draw.game.issues_per_year
    number = draw.issue_key[1]
    if number > most:
        out.append(
            (
                "warning",
                "issue-number",
                f"number {number} is more than its draw days allow (at most {most})",
            )
        )
    test = record.extra_numbers(TEST_NUMBER) if record.extras else None
    if test is not None and len(test) != len(draw.numbers):
        out.append(("warning", "test-number", f"{TEST_NUMBER} {test} has the wrong length"))
    return out


def _printed_order(record: Record, draw: Draw) -> list[Problem]:
    """Ball numbers are printed ascending; a labelled draw order holds the same balls."""
    out: list[Problem] = []
    zones = draw.edition.zones
    printed = record.printed
    # printed as the draw is (ball zones ascending): the usual record, nothing to look at
    if printed and printed != draw.numbers and not all(zone.positional for zone in zones):
        start = 0
        for zone in zones:
            part = printed[start : start + zone.size]
            start += zone.size
            if not zone.positional and part and list(part) != sorted(part):
                shown = _fmt(draw, part)
                out.append(
                    (
                        "warning",
                        "order",
                        f"{zone.name} printed as {shown}, not ascending (label a draw order)",
                    )
                )
    if record.order is not None:
        result = draw.numbers[: zones[0].size]
        if sorted(record.order) != sorted(result):
            order, drawn = _fmt(draw, record.order), _fmt(draw, result)
            message = f"the draw order {order} is not the same balls as the result {drawn}"
            out.append(("error", "draw-order", message))
    return out


def _dates(record: Record, draw: Draw) -> list[Problem]:
    """The issue's year is the date's; the date is a draw day, as printed."""
    date = draw.date
    if date is None:
        return []
    out: list[Problem] = []
    year = draw.issue_key[0]
    if year != date.year:
        out.append(
            ("error", "issue-year", f"the issue's year {year} is not the date's year ({date})")
        )
    day = date.weekday()
    weekday = WEEKDAYS[day]
    if day not in draw.game.draw_weekdays:
        days = "、".join("周" + WEEKDAYS[d] for d in draw.game.draw_weekdays)
        out.append(
            ("error", "weekday", f"{date} is a 周{weekday}; {draw.game.name} draws on {days}")
        )
    if record.weekday and record.weekday.replace("天", "日") != weekday:
        out.append(
            ("error", "weekday", f"printed as 周{record.weekday} but {date} is a 周{weekday}")
        )
    return out


def _pool_tables(draw: Draw) -> Iterator[Problem]:
    """Fixed prizes that follow the pool: the announced ones agree with one table, the pool's."""
    if not draw.edition.pool_tiers:
        return
    tiers = [t for t in draw.edition.tiers if t.by_pool]
    if not tiers:
        return
    tables = [
        {t.name: amount for t in tiers for edge, amount in t.by_pool if edge == low}
        for low, _ in tiers[0].by_pool
    ]
    shown = "; ".join(
        f"from {low:,}元: " + ", ".join(f"{n} {a}" for n, a in table.items())
        for (low, _), table in zip(tiers[0].by_pool, tables, strict=True)
    )
    announced = {n: a for n, a in draw.prizes if n in tables[0]}
    if not announced:
        return
    fits = draw.edition.pool_tables_fitting(announced)
    said = ", ".join(f"{n} {a}" for n, a in announced.items())
    if draw.pool_before is not None:
        due = max(i for i, (low, _) in enumerate(tiers[0].by_pool) if draw.pool_before >= low)
        if due not in fits:
            yield (
                "warning",
                "prize",
                (
                    f"announced {said}, but the pool before the draw ({draw.pool_before:,}元) calls"
                    f" for the table from {tiers[0].by_pool[due][0]:,}元 (tables: {shown})"
                ),
            )
    elif not fits:
        yield "warning", "prize", f"announced {said} fits neither fixed-prize table ({shown})"


def _addons(draw: Draw) -> Iterator[Problem]:
    """A floating add-on prize (追加) is at most its share of the base prize."""
    share = draw.edition.addon_share
    if share is None:
        return
    for base, addon in draw.edition.addons:
        paid, extra = draw.prize(base), draw.prize(addon)
        if paid is None or extra is None or draw.edition.tier(addon).fixed:
            continue
        if extra * 100 > paid * share:
            yield (
                "warning",
                "prize",
                (f"{addon} announced {extra:,}元, more than {share}% of {base}'s {paid:,}元"),
            )


#: Each edition's fixed prize per tier (``None``: a floating one).
_FIXED: dict[Edition, dict[str, Decimal | None]] = {}


def _floating(edition: Edition) -> bool:
    """Whether fixed prizes follow the pool, or 追加 prizes are a share: checked draw by draw."""
    return bool(edition.pool_tiers) or edition.addon_share is not None


def _fixed(edition: Edition) -> dict[str, Decimal | None]:
    fixed = _FIXED.get(edition)
    if fixed is None:
        fixed = _FIXED[edition] = {tier.name: tier.prize for tier in edition.tiers}
    return fixed


def _prizes(record: Record, draw: Draw) -> list[Problem]:
    """Announced fixed prizes equal the edition's; tiers exist in the edition."""
    if not draw.prizes and not record.foreign:
        return []  # nothing announced: nothing to compare
    edition = draw.edition
    floating = _floating(edition)
    out = [*_pool_tables(draw), *_addons(draw)] if floating else []
    fixed = _fixed(edition)
    for name, amount in draw.prizes:
        prize = fixed[name]
        if prize is not None and amount != prize:
            message = (
                f"{name} announced {amount:,}元, the rules say {prize:,}元"
                f" ({amount - prize:+,}元; a 派奖 adds, 限额赔付 cuts)"
            )
            out.append(("warning", "prize", message))
    if not record.foreign:
        return out
    tier_kinds = checks(draw.game).tier_kinds
    for name, amount in record.foreign:
        kind = tier_kinds.get(name, "prize")
        rules = draw.edition.name
        out.append(
            (
                "error",
                kind,
                f"announces {name} {amount:,}元, but the {rules!r} rules have no {name}",
            )
        )
    return out


CHECKS: Final[tuple[Check, ...]] = (_issue_number, _printed_order, _dates, _prizes)


# --- a chunk at a time ----------------------------------------------------------------

#: Whether :func:`suspects` proves chunks at once (the tests compare it with the checks
#: one record at a time by switching it off: then every record is a suspect).
ENABLED = True

_YEAR: Final = operator.attrgetter("year")
_FIRST: Final = operator.itemgetter(0)
_SECOND: Final = operator.itemgetter(1)


def suspects(records: Sequence[Record]) -> list[int]:
    """The positions of the records the checks may find something in, ascending.

    The checks: :data:`CHECKS` and the game's own (``GameChecks.record``, through
    its ``suspects``).  Every other record is proven to have nothing to say, for
    the whole chunk at once (a record without a draw is a suspect: it is not
    proven anything).
    """
    n = len(records)
    if not ENABLED:
        return list(range(n))
    held = [record.draw for record in records]
    found = set(positions(map(operator.is_, held, itertools.repeat(None))))
    if found:
        kept = [k for k in range(n) if k not in found]
        records = [records[k] for k in kept]
        held = [held[k] for k in kept]
    else:
        kept = None
    draws = cast("list[Draw]", held)  # each record's draw, none without
    games = [draw.game for draw in draws]
    groups: list[tuple[Game, list[int]]]
    if not games:
        groups = []
    elif games.count(games[0]) == len(games):  # the usual chunk: one game
        groups = [(games[0], list(range(len(games))))]
    else:
        places: dict[Game, list[int]] = {}
        for k, game in enumerate(games):
            places.setdefault(game, []).append(k)
        groups = list(places.items())
    for game, where in groups:
        group = records if len(where) == len(records) else [records[k] for k in where]
        drawn = draws if len(where) == len(draws) else [draws[k] for k in where]
        local = _suspects_of(game, group, drawn)
        found.update(
            local if kept is None and len(where) == len(draws) else _at(where, kept, local)
        )
    return sorted(found)


def _at(where: list[int], kept: list[int] | None, local: Iterable[int]) -> Iterator[int]:
    """Positions in a group, as positions in the chunk."""
    for k in local:
        place = where[k]
        yield place if kept is None else kept[place]


def positions(flags: Iterable[object]) -> Iterator[int]:
    """The positions of the true flags (the places a column-wise check does not hold)."""
    return itertools.compress(itertools.count(), flags)


def _suspects_of(game: Game, records: Sequence[Record], draws: Sequence[Draw]) -> set[int]:
    """:func:`suspects` of records of one game, each with its draw."""
    out: set[int] = set()
    # _issue_number: the number within the draw days; a 试机号 (any extras) is looked at
    keys = [draw.issue_key for draw in draws]
    if max(map(_SECOND, keys)) > game.issues_per_year:
        out.update(k for k, key in enumerate(keys) if key[1] > game.issues_per_year)
    out.update(positions([record.extras for record in records]))
    out.update(_printed(game, records, draws))
    out.update(_days(game, records, draws, keys))
    out.update(_fixed_prizes(game, records, draws))
    own = checks(game)
    if own.record is not None:  # the game's own check of each record
        out.update(range(len(records)) if own.suspects is None else own.suspects(records))
    return out


def _printed(game: Game, records: Sequence[Record], draws: Sequence[Draw]) -> Iterator[int]:
    """_printed_order: numbers printed as the draw has them; a draw order of its balls."""
    printed = [record.printed for record in records]
    numbers = [draw.numbers for draw in draws]
    for k in positions(map(operator.is_not, printed, numbers)):  # the usual: the very tuple
        if printed[k] and printed[k] != numbers[k]:
            yield k
    orders = [record.order for record in records]
    if orders.count(None) == len(orders):
        return
    sizes = {edition.zones[0].size for edition in game.editions}
    balls = not any(edition.zones[0].positional for edition in game.editions)
    if len(sizes) != 1 or not balls:
        yield from positions(map(operator.is_not, orders, itertools.repeat(None)))
        return
    (size,) = sizes
    where = list(positions(map(operator.is_not, orders, itertools.repeat(None))))
    given = cast(
        "list[tuple[int, ...]]", [orders[k] for k in where] if len(where) < len(orders) else orders
    )
    given_numbers = numbers if len(where) == len(numbers) else [numbers[k] for k in where]
    results = map(operator.itemgetter(slice(0, size)), given_numbers)  # a ball zone: ascending
    same = map(operator.eq, map(tuple, map(sorted, given)), results)
    yield from (where[k] for k in positions(map(operator.not_, same)))


def _days(
    game: Game, records: Sequence[Record], draws: Sequence[Draw], keys: list[tuple[int, int]]
) -> Iterator[int]:
    """_dates: each date in its issue's year, on a draw day, on the weekday printed."""
    dates = [draw.date for draw in draws]
    where: list[int] | None = None
    if dates.count(None):
        where = [k for k, date in enumerate(dates) if date is not None]
        dates = [dates[k] for k in where]
        keys = [keys[k] for k in where]
    if not dates:
        return
    years = list(map(_YEAR, dates))
    issue_years = list(map(_FIRST, keys))
    if years != issue_years:
        bad = positions(map(operator.ne, years, issue_years))
        yield from (k if where is None else where[k] for k in bad)
    days = list(map(datetime.date.weekday, cast("list[datetime.date]", dates)))
    if not set(days).issubset(game.draw_weekdays):
        bad = (k for k, day in enumerate(days) if day not in game.draw_weekdays)
        yield from (k if where is None else where[k] for k in bad)
    marks = [record.weekday for record in records]
    for k in positions(marks):
        mark = marks[k]
        date = draws[k].date
        if date is None or mark is None or mark.replace("天", "日") != WEEKDAYS[date.weekday()]:
            yield k


def _fixed_prizes(game: Game, records: Sequence[Record], draws: Sequence[Draw]) -> Iterator[int]:
    """_prizes: each fixed prize announced the edition's (floating editions: looked at)."""
    yield from positions([record.foreign for record in records])
    prizes = [draw.prizes for draw in draws]
    where = list(positions(prizes))
    if not where:
        return
    if len(where) < len(prizes):
        prizes = [prizes[k] for k in where]
        draws = [draws[k] for k in where]
    fixed = _game_fixed(game)
    if fixed is not None:  # every edition's fixed prizes agree: no edition to look up
        yield from (where[k] for k in _bad_prizes(fixed, prizes))
        return
    editions = [draw.edition for draw in draws]
    for edition in dict.fromkeys(editions):
        at = [k for k, e in enumerate(editions) if e is edition]
        if _floating(edition):
            bad: Iterable[int] = range(len(at))  # prizes that follow the pool, 追加: one at a time
        else:
            bad = _bad_prizes(_fixed(edition), [prizes[k] for k in at])
        yield from (where[at[k]] for k in bad)


#: Each game's fixed prize per tier, if every edition agrees and none has floating ones.
_GAME_FIXED: dict[Game, dict[str, Decimal | None] | None] = {}


def _game_fixed(game: Game) -> dict[str, Decimal | None] | None:
    if game in _GAME_FIXED:
        return _GAME_FIXED[game]
    merged: dict[str, Decimal | None] = {}
    agree = True
    for edition in game.editions:
        agree = agree and not _floating(edition)
        for name, prize in _fixed(edition).items():
            agree = agree and merged.setdefault(name, prize) == prize
    _GAME_FIXED[game] = merged if agree else None
    return _GAME_FIXED[game]


_MISSING: Final = object()  # a tier ``fixed`` does not have


def _bad_prizes(
    fixed: dict[str, Decimal | None], prizes: list[tuple[tuple[str, Decimal], ...]]
) -> Iterable[int]:
    """Positions of the prize lists that may not be the fixed amounts ``fixed`` has.

    Column by column among lists of one length (a history's rows name the same
    tiers): a column of one pair (a fixed prize, shared by a reader) is that pair,
    a column of a floating tier its name; any other column pair by pair.
    """
    widths = list(map(len, prizes))
    width = widths[0]
    bad: set[int] = set()
    rows: Sequence[int] = range(len(widths))
    if widths.count(width) != len(widths):  # the most common width column by column
        width = max(set(widths), key=widths.count)
        rows = list(positions(map(operator.eq, widths, itertools.repeat(width))))
        rest = list(positions(map(operator.ne, widths, itertools.repeat(width))))
        pairs = list(itertools.chain.from_iterable([prizes[k] for k in rest]))
        at = list(itertools.chain.from_iterable([itertools.repeat(k, widths[k]) for k in rest]))
        bad.update(at[k] for k in _wrong(fixed, pairs))  # the others pair by pair
        prizes = [prizes[k] for k in rows]
    if width:
        pairs = list(itertools.chain.from_iterable(prizes))
        for j in range(width):
            column = pairs[j::width]
            name, amount = column[0]
            prize = fixed.get(name, _MISSING)
            if prize is None:  # a floating tier: any amount, if every pair is of that tier
                if list(map(_FIRST, column)).count(name) == len(column):
                    continue
            elif prize == amount and column.count(column[0]) == len(column):
                continue  # one pair (by value), the fixed prize
            bad.update(rows[k] for k in _wrong(fixed, column))
    return sorted(bad)


def _wrong(fixed: dict[str, Decimal | None], pairs: list[tuple[str, Decimal]]) -> list[int]:
    """Positions of the pairs that are not a tier of ``fixed`` with its fixed amount (if any)."""
    distinct = dict(zip(map(id, pairs), pairs, strict=True))
    wrong = {
        key
        for key, (name, amount) in distinct.items()
        if fixed.get(name, _MISSING) not in (None, amount)
    }
    if not wrong:
        return []
    return [k for k, pair in enumerate(pairs) if id(pair) in wrong]
