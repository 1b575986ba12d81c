"""What a draw's own values must be: numbers per zone, announced prize tiers.

:class:`lottery.model.Draw` checks its numbers and prizes here, once, when
it is made.  The usual draw is proven with a few set operations (its zones'
numbers, the shape of its announced tiers learnt once per edition); any
other is walked value by value, for the message that says what is wrong.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from lottery.exceptions import DuplicateNumber, InvalidCount, InvalidNumber, ValidationError
from lottery.rules import Edition, Game

__all__ = ["check_draw_numbers", "check_prizes", "columns_in_order"]


#: The tiers of announced prizes already found valid, by edition and names: the tiers, and
#: where each goes in the edition's order (``None``: in order already).  A history
#: announces the same tiers draw after draw.
_PRIZE_SHAPES: dict[
    tuple[Edition, tuple[str, ...]], tuple[frozenset[str], tuple[int, ...] | None]
] = {}


def check_prizes(
    game: Game,
    edition: Edition,
    issue: str,
    prizes: tuple[tuple[str, Decimal], ...],
    promotions: tuple[tuple[str, Decimal], ...],
) -> tuple[tuple[tuple[str, Decimal], ...], frozenset[str]]:
    """Announced prizes name tiers of the edition, once each, not negative; 派奖 on them.

    Returns the prizes in the edition's order, and their tiers.
    """
    names = tuple(map(_first, prizes))
    shape = _PRIZE_SHAPES.get((edition, names))
    if shape is None:
        order = _prize_order(game, edition, issue, prizes)
        shape = (frozenset(names), None if order == tuple(range(len(order))) else order)
        if len(_PRIZE_SHAPES) < 1 << 10:  # a handful in practice; bounded for any input
            _PRIZE_SHAPES[edition, names] = shape
    elif prizes and min(map(_second, prizes)) < 0:
        tier, amount = next(pair for pair in prizes if pair[1] < 0)
        raise _negative(game, tier, amount)
    seen, places = shape
    for tier, _ in promotions:
        if tier not in seen:
            msg = f"{game.label}: a 派奖 on {tier!r} without its announced prize"
            raise ValidationError(msg, game=game.code, token=tier)
    if places is None:
        return prizes, seen
    return tuple([prizes[i] for i in places]), seen


_first: Final = operator.itemgetter(0)
_second: Final = operator.itemgetter(1)


def _prize_order(
    game: Game, edition: Edition, issue: str, prizes: tuple[tuple[str, Decimal], ...]
) -> tuple[int, ...]:
    """Each prize names a tier of the edition, once, not negative: their places in its order."""
    seen: set[str] = set()
    for tier, amount in prizes:
        if not edition.has_tier(tier):
            msg = f"{game.label}: issue {issue} has no prize tier {tier!r}"
            raise ValidationError(msg, game=game.code, token=tier)
        if tier in seen:
            msg = f"{game.label}: prize of {tier} announced twice"
            raise ValidationError(msg, game=game.code, token=tier)
        if amount < 0:
            raise _negative(game, tier, amount)
        seen.add(tier)
    order = edition.order
    return tuple(sorted(range(len(prizes)), key=lambda i: order[prizes[i][0]]))


def _negative(game: Game, tier: str, amount: Decimal) -> ValidationError:
    msg = f"{game.label}: prize of {tier} is negative ({amount})"
    return ValidationError(msg, game=game.code, token=str(amount))


#: Per edition, each zone's place in a draw, its numbers, and whether it is a ball zone.
_SPANS: dict[Edition, tuple[tuple[int, int, frozenset[int], bool], ...]] = {}


def _spans(edition: Edition) -> tuple[tuple[int, int, frozenset[int], bool], ...]:
    spans = _SPANS.get(edition)
    if spans is None:
        out = []
        start = 0
        for zone in edition.zones:
            valid = frozenset(range(zone.low, zone.high + 1))
            out.append((start, start + zone.size, valid, not zone.positional))
            start += zone.size
        spans = _SPANS[edition] = tuple(out)
    return spans


def check_draw_numbers(game: Game, edition: Edition, numbers: tuple[int, ...]) -> tuple[int, ...]:
    """A draw's numbers, each zone's in range and (ball zones) distinct and ascending.

    The usual draw is proven with set operations, zone by zone; any other is
    walked number by number, for the message.
    """
    spans = _SPANS.get(edition) or _spans(edition)
    if len(spans) == 1 and type(numbers) is tuple:  # the digit games, 15选5: one zone
        start, stop, valid, ball = spans[0]
        if len(numbers) == stop and valid.issuperset(numbers):
            if not ball:
                return numbers
            if len(set(numbers)) == stop:
                return tuple(sorted(numbers))
    elif len(numbers) == edition.size and not edition.special_ball:
        out: list[int] = []
        for start, stop, valid, ball in spans:
            part = numbers[start:stop]
            if ball:
                if len(set(part)) != stop - start or not valid.issuperset(part):
                    break
                out += sorted(part)
            elif valid.issuperset(part):
                out += part
            else:
                break
        else:
            return tuple(out)
    return _walk_draw_numbers(game, edition, numbers)


def _walk_draw_numbers(game: Game, edition: Edition, numbers: tuple[int, ...]) -> tuple[int, ...]:
    if len(numbers) != edition.size:
        msg = (
            f"{game.label}: a draw of issue edition {edition.name!r} has"
            f" {edition.size} numbers, not {len(numbers)}"
        )
        raise InvalidCount(msg, game=game.code)
    out: list[int] = []
    start = 0
    for zone in edition.zones:
        part = numbers[start : start + zone.size]
        start += zone.size
        if not (zone.low <= min(part) and max(part) <= zone.high):
            n = next(n for n in part if not zone.low <= n <= zone.high)
            msg = f"{game.label}: {zone.name} number {n} is out of range {zone.range_text()}"
            raise InvalidNumber(msg, game=game.code, token=str(n))
        if zone.positional:
            out += part
            continue
        if len(set(part)) != len(part):
            msg = f"{game.label}: {zone.name} numbers repeat in {part}"
            raise DuplicateNumber(msg, game=game.code)
        out += sorted(part)
    if edition.special_ball and out[-1] in out[: -edition.zones[-1].size]:
        special = edition.zones[-1]
        msg = (
            f"{game.label}: {special.name} {special.fmt(out[-1])} is also among the numbers"
            " drawn before it (it is drawn from the numbers left)"
        )
        raise DuplicateNumber(msg, game=game.code, token=special.fmt(out[-1]))
    return tuple(out)


def columns_in_order(edition: Edition, values: Sequence[Sequence[int]]) -> bool:
    """Whether rows of numbers, given column by column, are valid draws as printed.

    ``values[c]`` is every row's number ``c``, each known in range already (read
    through its zone's tokens).  A ball zone strictly ascending in every row is
    distinct and in the order a draw keeps, so the rows need no check of their own.
    """
    if edition.special_ball:
        return False  # its last number must also not be among the others: per row
    start = 0
    for zone in edition.zones:
        stop = start + zone.size
        if not zone.positional and not all(
            all(map(operator.lt, values[c], values[c + 1])) for c in range(start, stop - 1)
        ):
            return False
        start = stop
    return True
