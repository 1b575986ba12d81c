"""The commonest ticket, one plain single bet: read in one pass, matched without counting.

A ticket file is mostly single bets (``02 05 07 08 20 27 + 04``).  The game's
own play reads them here with each number validated once, and a draw matches
them with one set intersection per zone; everything else (复式, 胆拖, the
digit games' plays) goes through the full parser and the closed-form counts.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Sequence

from lottery.model import Draw
from lottery.rules import Edition, Picks, Selection, Zone

__all__ = ["PlainReader", "ball_reader", "hits_function", "plain_reader"]


def hits_function(draw: Draw, layout: Sequence[Zone]) -> Callable[[Selection], tuple[int, ...]]:
    """For one draw, the match pattern of a single bet's selection (the zones of ``layout``)."""
    edition = draw.edition
    if edition.match == "run":
        return _run(draw.numbers)
    drawn = draw.drawn
    if edition.special_ball:
        (front,), special = drawn[:1], draw.numbers[-1]
        return lambda s: (len(front.intersection(s[0])), int(special in s[0]))  # type: ignore[union-attr]
    if len(layout) == 2 and not any(z.positional for z in layout):
        first, second = drawn
        return lambda s: (len(first.intersection(s[0])), len(second.intersection(s[1])))  # type: ignore[union-attr]
    if all(z.positional for z in layout):  # 排列3, 排列5, 3D, 七星彩 2020: one digit a position
        return _positions(draw.numbers, [z.size for z in layout])
    spans: list[tuple[int, int, frozenset[int] | tuple[int, ...]]] = []
    i = 0
    for zone, numbers in zip(layout, drawn, strict=True):
        spans.append((i, i + zone.size if zone.positional else -1, numbers))
        i += zone.size if zone.positional else 1

    def hits(selection: Selection) -> tuple[int, ...]:
        out: list[int] = []
        for lo, hi, numbers in spans:
            if hi < 0:
                out.append(len(numbers.intersection(selection[lo])))  # type: ignore[union-attr]
            else:
                out.append(sum(g[0] == n for g, n in zip(selection[lo:hi], numbers, strict=True)))
        return tuple(out)

    return hits


def _run(numbers: tuple[int, ...]) -> Callable[[Selection], tuple[int, ...]]:
    """七星彩 before 2020: the longest run of adjacent positions matched."""
    drawn = tuple((n,) for n in numbers)  # as a selection holds them: compared in C

    def run(selection: Selection) -> tuple[int, ...]:
        same = bytes(map(operator.eq, selection, drawn))  # b"\x01\x01\x00…": matched or not
        return (max(map(len, same.split(b"\x00"))),)

    return run


def _positions(
    numbers: tuple[int, ...], sizes: list[int]
) -> Callable[[Selection], tuple[int, ...]]:
    """Positional zones: per zone, the positions whose digit is the drawn one."""
    drawn = tuple((n,) for n in numbers)  # as a selection holds them: compared in C
    eq = operator.eq
    if len(sizes) == 1:
        return lambda s: (sum(map(eq, s, drawn)),)
    if len(sizes) == 2:  # 七星彩 2020: 前区 and 后区
        cut = sizes[0]
        front, back = drawn[:cut], drawn[cut:]

        def two(selection: Selection) -> tuple[int, ...]:
            return (sum(map(eq, selection[:cut], front)), sum(map(eq, selection[cut:], back)))

        return two
    cuts = [sum(sizes[:k]) for k in range(len(sizes) + 1)]
    bounds = list(itertools.pairwise(cuts))

    def hits(selection: Selection) -> tuple[int, ...]:
        same = list(map(eq, selection, drawn))
        return tuple(sum(same[lo:hi]) for lo, hi in bounds)

    return hits


#: Reads one plain single bet's text into its canonical picks, or ``None``: take the full parser.
PlainReader = Callable[[str], Picks | None]


def ball_reader(zone: Zone) -> Callable[[str], tuple[int, ...] | None]:
    """A ball zone of a single bet: exactly ``zone.size`` distinct known numbers, sorted."""
    number_of, size = zone.tokens.__getitem__, zone.size
    if size == 1:  # 双色球's blue ball: one token, no order, no repeat

        def ball(text: str) -> tuple[int, ...] | None:
            try:
                return (number_of(text.strip()),)
            except KeyError:  # two numbers, or not one of the zone's
                return None

        return ball

    def balls(text: str) -> tuple[int, ...] | None:
        parts = text.split()
        if len(parts) != size:
            return None
        try:
            numbers = tuple(sorted(map(number_of, parts)))
        except KeyError:
            return None
        return numbers if len(set(numbers)) == size else None

    return balls


def _zone_reader(zone: Zone) -> Callable[[str], list[tuple[int, ...]] | None]:
    """One zone of a single bet: exactly ``size`` distinct balls, or one digit per position."""
    tokens, size = zone.tokens, zone.size
    if not zone.positional:
        balls = ball_reader(zone)

        def group(text: str) -> list[tuple[int, ...]] | None:
            numbers = balls(text)
            return None if numbers is None else [numbers]

        return group

    group_of = {token: (number,) for token, number in tokens.items()}.__getitem__

    def positions(text: str) -> list[tuple[int, ...]] | None:
        parts: list[str] | str = text.split()
        if len(parts) == 1 and size > 1:
            parts = parts[0]  # digits run together: one a position
        if len(parts) != size:
            return None
        try:  # a digit zone's tokens are its ten digits
            return list(map(group_of, parts))
        except KeyError:
            return None

    return positions


#: ``Picks(selection, dan, edition)`` without the NamedTuple's Python-level ``__new__``.
_picks: Callable[[tuple[Selection, Selection, Edition | None]], Picks] = functools.partial(
    tuple.__new__, Picks
)

_ZoneReader = Callable[[str], list[tuple[int, ...]] | None]


def plain_reader(layouts: Sequence[tuple[tuple[Zone, ...], Edition | None]]) -> PlainReader:
    """A reader of the commonest ticket, one plain single bet, over the layouts a ticket may follow.

    It chooses the layout as :meth:`lottery.plays.StandardPlay.parse` does (the
    first with as many zones as the text has parts split by ``+``, else one
    run of digits over every zone) and validates each number once; anything
    else — 复式, 胆拖, a bad number, punctuation — returns ``None`` and the
    full parser reads it, error messages included.  A property test holds
    both equal.
    """
    by_parts: dict[int, tuple[list[_ZoneReader], Edition | None]] = {}
    for zones, found in layouts:
        by_parts.setdefault(len(zones), ([_zone_reader(z) for z in zones], found))
    zones, found = layouts[0]
    if len(layouts) == 1 and len(zones) == 2 and not any(z.positional for z in zones):
        return _two_balls(zones, found)
    if len(layouts) == 1 and len(zones) == 1:
        return _one_zone(by_parts[1][0][0], found)
    if len(layouts) == 1 and len(zones) == 2 and all(z.positional for z in zones):
        return _two_zones(by_parts[2][0], found, _across_reader(layouts))
    across = _across_reader(layouts)

    def read(text: str) -> Picks | None:
        parts = text.split("+")
        chosen = by_parts.get(len(parts))
        if chosen is None:
            return across(text) if len(parts) == 1 else None
        readers, found = chosen
        selection: list[tuple[int, ...]] = []
        for reader, part in zip(readers, parts, strict=True):
            groups = reader(part)
            if groups is None:
                return None
            selection += groups
        return _picks((tuple(selection), (), found))

    return read


def _one_zone(zone: _ZoneReader, found: Edition | None) -> PlainReader:
    """One zone (15选5, 七乐彩, 排列3, 排列5, 3D): :func:`plain_reader`, unrolled."""

    def read(text: str) -> Picks | None:
        if "+" in text:
            return None
        groups = zone(text)
        return None if groups is None else _picks((tuple(groups), (), found))

    return read


def _two_zones(
    readers: list[_ZoneReader], found: Edition | None, across: PlainReader
) -> PlainReader:
    """Two positional zones (七星彩 2020: ``560021 + 12``, or ``5600217`` run together)."""
    first, second = readers

    def read(text: str) -> Picks | None:
        head, plus, tail = text.partition("+")
        if not plus:
            return across(text)
        if "+" in tail:
            return None
        a = first(head)
        b = second(tail)
        if a is None or b is None:
            return None
        return _picks(((*a, *b), (), found))

    return read


def _two_balls(zones: tuple[Zone, ...], found: Edition | None) -> PlainReader:
    """Two ball zones (双色球, 大乐透): :func:`plain_reader`, unrolled."""
    first, second = (ball_reader(zone) for zone in zones)

    def read(text: str) -> Picks | None:
        head, plus, tail = text.partition("+")
        if not plus:
            return None
        a = first(head)
        if a is None:
            return None
        b = second(tail)
        return None if b is None else _picks(((a, b), (), found))

    return read


def _group(table: dict[str, int], token: str) -> tuple[int]:
    """A position's number, as its group of one (KeyError: not a number of that position)."""
    return (table[token],)


def _across_reader(layouts: Sequence[tuple[tuple[Zone, ...], Edition | None]]) -> PlainReader:
    """``2508750``: one run of digits over every zone of a positional layout (七星彩)."""
    runs = [
        (found, [z.tokens for z in zones for _ in range(z.size)], sum(z.size for z in zones))
        for zones, found in layouts
        if all(z.positional for z in zones)
    ]

    def read(text: str) -> Picks | None:
        parts = text.split()
        for found, tables, need in runs:
            chars = parts[0] if len(parts) == 1 and len(parts[0]) == need else parts
            if len(chars) != need:
                continue
            try:
                selection = tuple(map(_group, tables, chars))
            except KeyError:
                return None
            return _picks((selection, (), found))
        return None

    return read
