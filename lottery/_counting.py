"""Closed-form counting of winning bets.

Each function returns a *hit distribution*: ``dist[h]`` is how many of the
bets a ticket covers match ``h`` numbers (or positions, or a run of ``h``)
of the draw.  Nothing here enumerates bets: the work depends on the number of
zones and positions, never on how many bets a ticket covers.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from math import comb

__all__ = [
    "ball_distribution",
    "ball_special_distribution",
    "combine",
    "positional_distribution",
    "run_distribution",
]


def ball_distribution(
    dan: Collection[int],
    tuo: Collection[int],
    drawn: frozenset[int],
    size: int,
) -> list[int]:
    """Bets by hits in one ball zone of a 复式 or 胆拖 selection.

    Every bet takes all of ``dan`` and ``size - len(dan)`` of ``tuo``.  With
    ``kd`` 胆 and ``kt`` 拖 drawn, the bets hitting ``kd + r`` numbers number
    ``C(kt, r) · C(len(tuo) - kt, need - r)``.
    """
    kd = len(drawn.intersection(dan)) if dan else 0
    kt = len(drawn.intersection(tuo))
    need = size - len(dan)
    misses = len(tuo) - kt
    dist = [0] * (size + 1)
    for r in range(max(0, need - misses), min(kt, need) + 1):
        dist[kd + r] = comb(kt, r) * comb(misses, need - r)
    return dist


def ball_special_distribution(
    dan: Collection[int],
    tuo: Collection[int],
    drawn: frozenset[int],
    special: int,
    size: int,
) -> dict[tuple[int, int], int]:
    """Bets by (numbers drawn, special number matched) of a ball zone with a special number.

    The special number (七乐彩's 特别号码) is drawn from the same pool after
    the others, so a bet holds it at most once: split the selection into drawn,
    special and other numbers, and count the ways to complete the 胆 from each.
    """
    d_hit = len(drawn.intersection(dan)) if dan else 0
    d_special = int(special in dan)
    need = size - len(dan)
    t_hit = len(drawn.intersection(tuo))
    t_special = int(special in tuo)
    t_other = len(tuo) - t_hit - t_special
    out: dict[tuple[int, int], int] = {}
    for s in range(t_special + 1):
        for r in range(max(0, need - s - t_other), min(t_hit, need - s) + 1):
            count = comb(t_hit, r) * comb(t_other, need - s - r)
            if count:
                key = (d_hit + r, d_special + s)
                out[key] = out.get(key, 0) + count
    return out


def positional_distribution(groups: Iterable[Sequence[int]], drawn: Iterable[int]) -> list[int]:
    """Bets by matching positions: the coefficients of ∏ (misses + hits·x)."""
    dist = [1]
    for group, digit in zip(groups, drawn, strict=True):
        if digit in group:
            miss = len(group) - 1
            prev = 0
            nxt = []
            for count in dist:
                nxt.append(count * miss + prev)
                prev = count
            nxt.append(prev)
            dist = nxt
        else:
            miss = len(group)
            dist = [count * miss for count in dist]
            dist.append(0)
    return dist


def run_distribution(groups: Sequence[Sequence[int]], drawn: Sequence[int]) -> list[int]:
    """Bets by their longest run of adjacent matching positions.

    A walk over the positions keeps, for each (current run, longest run so
    far), how many partial bets reach it: a match extends the run, a miss
    ends it.  At most (positions + 1)² states, whatever the bet count.
    """
    shift = len(groups).bit_length()  # a state is run << shift | best
    mask = (1 << shift) - 1
    states: dict[int, int] = {0: 1}
    for group, digit in zip(groups, drawn, strict=True):
        hit = digit in group
        miss = len(group) - hit
        nxt: dict[int, int] = {}
        get = nxt.get
        for key, count in states.items():
            best = key & mask
            if miss:
                nxt[best] = get(best, 0) + count * miss
            if hit:
                run = (key >> shift) + 1
                state = (run << shift) | max(run, best)
                nxt[state] = get(state, 0) + count
        states = nxt
    dist = [0] * (len(groups) + 1)
    for key, count in states.items():
        dist[key & mask] += count
    return dist


def combine(dists: Sequence[Sequence[int]]) -> dict[tuple[int, ...], int]:
    """Joint distribution of independent zones: bets by hits in every zone."""
    if len(dists) == 1:
        return {(h,): c for h, c in enumerate(dists[0]) if c}
    if len(dists) == 2:  # the common case: 双色球, 七星彩 2020
        first, second = dists
        return {
            (h1, h2): c1 * c2
            for h1, c1 in enumerate(first)
            if c1
            for h2, c2 in enumerate(second)
            if c2
        }
    joint: dict[tuple[int, ...], int] = {(): 1}
    for dist in dists:
        joint = {
            (*hits, h): count * c for hits, count in joint.items() for h, c in enumerate(dist) if c
        }
    return joint
