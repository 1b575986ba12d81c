"""A tally: what a batch of tickets won, as a value that merges.

Counts include multiples; ``winners`` and ``rejected`` keep the best and the
first few (all are counted).  ``a + b`` is the tally of both batches, so a
batch split anyhow — across processes, files, machines — tallies the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from lottery._money import ZERO, tidy, to_json
from lottery.check import Win

__all__ = ["KEEP", "Rejected", "Tally", "Winner"]


#: How many winners and rejected inputs a tally keeps by default (all are counted).
KEEP = 1000


@attrs.frozen
class Rejected:
    """An input that is not a valid ticket: where it was (line, and file if several) and why."""

    where: int
    text: str
    reason: str
    kind: str
    #: The file it is in, when a tally covers several (``""``: the one input).
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``source`` only when the tally covers several files)."""
        out: dict[str, Any] = {"source": self.source} if self.source else {}
        out.update(line=self.where, text=self.text, reason=self.reason, kind=self.kind)
        return out


@attrs.frozen
class Winner:
    """A ticket that won in one draw."""

    where: int
    ticket: str
    issue: str
    wins: tuple[Win, ...]
    total: Decimal
    multiple: int = 1
    #: The file it is in, when a tally covers several (``""``: the one input).
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``source`` only when the tally covers several files)."""
        return {
            **({"source": self.source} if self.source else {}),
            "line": self.where,
            "ticket": self.ticket,
            "issue": self.issue,
            "tiers": {w.tier: w.count * self.multiple for w in self.wins},
            "total": to_json(self.total),
        }


def _frozen_mapping(value: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Tally:
    """What a batch of tickets won, with the inputs that were rejected.

    ``winners`` keeps the best winners only (1000 by default): best tier first,
    then by line; ``rejected`` the first rejected inputs; ``winners_count`` and
    ``rejected_count`` count them all.
    """

    tickets: int
    bets: int
    wins: Mapping[str, int] = attrs.field(converter=_frozen_mapping, hash=False)
    total: Decimal
    pending: tuple[str, ...]
    winners: tuple[Winner, ...]
    winners_count: int
    rejected: tuple[Rejected, ...]
    rejected_count: int
    draws: int
    #: The tier names, best first: how winners rank when tallies merge.
    order: tuple[str, ...] = attrs.field(default=(), eq=False)
    #: How many winners and rejected inputs the tally keeps.
    keep: int = attrs.field(default=KEEP, eq=False)

    @classmethod
    def empty(cls, draws: int = 0, *, order: tuple[str, ...] = (), keep: int = KEEP) -> Tally:
        """The tally of nothing: ``sum(tallies, Tally.empty())`` merges any number."""
        return cls(0, 0, {}, ZERO, (), (), 0, (), 0, draws, order=order, keep=keep)

    def __add__(self, other: Tally) -> Tally:
        """The tally of both batches, as if checked in one pass (lines as each numbered them).

        Counts, money and pending tiers add up; the winners kept are the best of
        both (best tier, then line) and the rejected inputs the first by line,
        each list cut to the larger ``keep``.
        """
        if not isinstance(other, Tally):
            return NotImplemented
        order = self.order or other.order
        rank = {tier: i for i, tier in enumerate(order)}
        keep = max(self.keep, other.keep)
        wins = dict(self.wins)
        for tier, count in other.wins.items():
            wins[tier] = wins.get(tier, 0) + count
        best = len(rank)

        def ranked(w: Winner) -> tuple[int, str, int]:
            return min((rank.get(x.tier, best) for x in w.wins), default=best), w.source, w.where

        return Tally(
            self.tickets + other.tickets,
            self.bets + other.bets,
            dict(sorted(wins.items(), key=lambda item: rank.get(item[0], best))),
            tidy(self.total + other.total),
            tuple(
                sorted(
                    dict.fromkeys((*self.pending, *other.pending)), key=lambda t: rank.get(t, best)
                )
            ),
            tuple(sorted((*self.winners, *other.winners), key=ranked)[:keep]),
            self.winners_count + other.winners_count,
            tuple(
                sorted((*self.rejected, *other.rejected), key=lambda r: (r.source, r.where))[:keep]
            ),
            self.rejected_count + other.rejected_count,
            max(self.draws, other.draws),
            order=order,
            keep=keep,
        )

    def moved(self, *, source: str | None = None, lines: int = 0) -> Tally:
        """The same tally with the inputs it keeps in ``source`` and ``lines`` lines further on.

        A part of a file checked on its own numbers its lines from 1; moved by
        the lines before it (and named by its file) it merges with the others
        as if the files had been checked in one pass.
        """

        def place(item: Any) -> Any:  # noqa: ANN401 - a Winner or a Rejected
            return attrs.evolve(
                item,
                where=item.where + lines,
                source=item.source if source is None else source,
            )

        return attrs.evolve(
            self,
            winners=tuple(place(w) for w in self.winners),
            rejected=tuple(place(r) for r in self.rejected),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickles (to cross processes and machines) with its wins as a plain dict."""
        state = {a.name: getattr(self, a.name) for a in attrs.fields(Tally)}
        state["wins"] = dict(self.wins)
        return _rebuild, (state,)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (the command line's ``--json``)."""
        return {
            "tickets": self.tickets,
            "rejected": [r.to_dict() for r in self.rejected],
            "rejected_count": self.rejected_count,
            "bets": self.bets,
            "wins": dict(self.wins),
            "total": to_json(self.total),
            "pending": list(self.pending),
            "winners": [w.to_dict() for w in self.winners],
            "winners_count": self.winners_count,
            "draws": self.draws,
        }


def _rebuild(state: dict[str, Any]) -> Tally:
    """A pickled :class:`Tally` again."""
    return Tally(**state)
