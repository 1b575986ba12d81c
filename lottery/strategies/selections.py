"""How the strategies draw a ticket's selection (part of :mod:`lottery.strategies`).

The game's own bet is drawn from its zones in the form asked for (单式, 复式,
胆拖) within a budget of bets; every other play is drawn from the
:class:`~lottery.rules.Shape` s it describes itself by.  Requires hypothesis.
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

from lottery.model import Ticket
from lottery.plays import layouts
from lottery.rules import Edition, Game, Group, Play, Shape, Zone

__all__ = ["shaped_ticket", "standard_ticket"]


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
def standard_ticket(
    draw: st.DrawFn,
    game: Game,
    play: Play,
    form: str,
    max_bets: int,
    rules: Edition | None,
) -> Ticket:
    """A ticket of the game's own bet in ``form``, covering at most ``max_bets`` bets.

    One zone (the first with 胆拖 for a 胆拖) makes the form; the others vary
    freely within what is left of the budget.
    """
    zones, written = draw(st.sampled_from(layouts(game, rules)))
    edition = written.name if written is not None else None
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
        zone_form = (
            form if index == star or form == "单式" else draw(st.sampled_from(("单式", "任意")))
        )
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
    multiple = draw(st.integers(1, game.max_multiple))
    return Ticket(
        game, play.name, tuple(selection), multiple, tuple(dan) if any(dan) else (), edition
    )


def _group(draw: st.DrawFn, group: Group) -> tuple[int, ...]:
    """One group of a selection, as its :class:`~lottery.rules.Group` says."""
    if group.pair:
        a, b = draw(
            st.lists(st.integers(group.low, group.high), min_size=2, max_size=2, unique=True)
        )
        return (
            tuple(draw(st.permutations((a, a, b)))) if group.ordered else tuple(sorted((a, a, b)))
        )
    if group.repeats:
        size = draw(st.integers(group.min_size, group.max_size))
        numbers = [draw(st.integers(group.low, group.high)) for _ in range(size)]
    else:
        numbers = draw(
            st.lists(
                st.integers(group.low, group.high),
                min_size=group.min_size,
                max_size=group.max_size,
                unique=True,
            ),
        )
    return tuple(numbers) if group.ordered else tuple(sorted(numbers))


def _shape_form(shape: Shape) -> str:
    """单式 for one fixed-size group, 胆拖 with 胆, 复式 otherwise."""
    if shape.dan is not None:
        return "胆拖"
    if all(g.min_size == g.max_size for g in shape.groups) and len(shape.groups) == 1:
        return "单式"
    return "复式"


@st.composite
def shaped_ticket(draw: st.DrawFn, game: Game, play: Play, form: str | None = None) -> Ticket:
    """A ticket of a play that describes its selections by :class:`~lottery.rules.Shape`.

    ``form`` (单式, 复式, 胆拖) keeps to the shapes of that form where the play has them.
    """
    multiple = draw(st.integers(1, game.max_multiple))
    shapes = [s for s in play.shapes if form is None or _shape_form(s) == form] or play.shapes
    shape: Shape = draw(st.sampled_from(shapes))
    groups = [_group(draw, group) for group in shape.groups]
    dan: list[tuple[int, ...]] = []
    if shape.dan is not None:
        (pool,) = groups
        low, high = shape.dan
        mixed = draw(st.permutations(pool))
        cut = draw(st.integers(low, high))
        groups, dan = [tuple(sorted(mixed[cut:]))], [tuple(sorted(mixed[:cut]))]
    if shape.chosen is not None:
        keep = draw(
            st.lists(
                st.integers(0, len(groups) - 1),
                min_size=shape.chosen,
                max_size=shape.chosen,
                unique=True,
            ),
        )
        groups = [g if i in keep else () for i, g in enumerate(groups)]
    return Ticket(game, play.name, tuple(groups), multiple, tuple(dan))
