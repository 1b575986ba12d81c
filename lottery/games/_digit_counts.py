"""Closed-form counts of the three-digit numbers (000–999) by sum and by span.

A three-digit draw is a triple (豹子, ``111``), a 组三 form (two digits equal,
``116``) or a 组六 form (three distinct).  The 和值 and 跨度 plays of 排列3
and 3D cover every number (直选) or combination (组选) with a given sum or
span; these formulas count them, and the tests check them against the
published tables and against enumeration.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import comb
from typing import Literal

__all__ = [
    "Kind",
    "group3_span_bets",
    "group3_sum_bets",
    "group6_span_bets",
    "group6_sum_bets",
    "kind",
    "straight_span_bets",
    "straight_sum_bets",
]

Kind = Literal["triple", "group3", "group6"]


def kind(digits: Sequence[int]) -> Kind:
    """``triple`` (豹子), ``group3`` (组三: two equal) or ``group6`` (组六)."""
    distinct = len(set(digits))
    if distinct == 1:
        return "triple"
    return "group3" if distinct == 2 else "group6"


def _c2(n: int) -> int:
    return n * (n - 1) // 2 if n >= 2 else 0


def straight_sum_bets(total: int) -> int:
    """3-digit numbers (000–999) whose digits sum to ``total``.

    Inclusion–exclusion over digits above 9: Σₖ (−1)ᵏ C(3,k) C(total − 10k + 2, 2).
    """
    if not 0 <= total <= 27:
        return 0
    return sum((-1) ** k * comb(3, k) * _c2(total - 10 * k + 2) for k in range(4))


def group3_sum_bets(total: int) -> int:
    """组三 combinations {a, a, b} (a ≠ b) with a + a + b = ``total``."""
    if not 0 <= total <= 27:
        return 0
    low = max(0, -(-(total - 9) // 2))
    high = min(9, total // 2)
    return max(0, high - low + 1) - (1 if total % 3 == 0 else 0)


def group6_sum_bets(total: int) -> int:
    """组六 combinations {a, b, c} (distinct) with a + b + c = ``total``.

    Every 组六 set has 6 orderings, every 组三 set 3 and a triple 1, so the
    sets are (ordered − 3 · 组三 − triples) / 6.
    """
    if not 0 <= total <= 27:
        return 0
    triples = 1 if total % 3 == 0 else 0
    return (straight_sum_bets(total) - 3 * group3_sum_bets(total) - triples) // 6


def straight_span_bets(span: int) -> int:
    """3-digit numbers whose largest − smallest digit is ``span``: 10, or 6·K·(10 − K)."""
    if not 0 <= span <= 9:
        return 0
    return 10 if span == 0 else 6 * span * (10 - span)


def group3_span_bets(span: int) -> int:
    """组三 combinations with span K: the ordered pairs (a, b), |a − b| = K: 2·(10 − K)."""
    return 2 * (10 - span) if 1 <= span <= 9 else 0


def group6_span_bets(span: int) -> int:
    """组六 combinations with span K: (10 − K) ends × (K − 1) middles."""
    return (10 - span) * (span - 1) if 2 <= span <= 9 else 0
