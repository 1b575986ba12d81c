"""Checking at scale: many tickets against one draw or a whole history.

:func:`check_many` streams its tickets (any iterable: a list, a generator,
an open file) and keeps only a tally, so memory stays flat however many
tickets there are.  A bad ticket is recorded with its position and reason,
and checking goes on.

Counts in a :class:`Tally` include multiples: a ticket ``x5`` adds five times
its bets and five times its winning bets, so ``total`` is Σ wins × prize.

>>> import lottery
>>> draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
>>> lines = ["02 05 07 08 20 33 + 04", "", "# my numbers", "01 02 03 04 05 06 + 04 x2", "oops"]
>>> tally = lottery.check_many(lines, [draw])
>>> tally.tickets, tally.bets, dict(tally.wins), tally.total
(2, 3, {'三等奖': 1, '六等奖': 2}, Decimal('3010'))
>>> [(r.where, r.reason) for r in tally.rejected]
[(5, "双色球 (ssq): unknown play 'oops' at column 1 (plays: 普通)")]

Tallies add up: any partition of a batch, tallied apart (each part numbering
its lines from where it starts), gives the tally of the whole.

>>> first = lottery.check_many(lines[:3], [draw])
>>> rest = lottery.check_many(lines[3:], [draw], first_line=4)
>>> first + rest == tally, sum([first, rest], lottery.Tally.empty()) == tally
(True, True)
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from lottery import _text
from lottery._fast import Scorer, single_scorer
from lottery._money import ZERO, tidy, to_json
from lottery.check import Win, check
from lottery.exceptions import EditionMismatch, GameMismatch, LotteryError
from lottery.model import Draw, Ticket
from lottery.notation import parse_ticket
from lottery.registry import get_game
from lottery.rules import Game

__all__ = ["Rejected", "Tally", "Winner", "check_many", "read_for_draws"]

#: How many winners and rejected inputs a tally keeps by default (all are counted).
KEEP = 1000


@attrs.frozen
class Rejected:
    """An input that is not a valid ticket: where it was and why."""

    where: int
    text: str
    reason: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"line": self.where, "text": self.text, "reason": self.reason, "kind": self.kind}


@attrs.frozen
class Winner:
    """A ticket that won in one draw."""

    where: int
    ticket: str
    issue: str
    wins: tuple[Win, ...]
    total: Decimal
    multiple: int = 1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
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

        def ranked(w: Winner) -> tuple[int, int]:
            return min((rank.get(x.tier, best) for x in w.wins), default=best), w.where

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
            tuple(sorted((*self.rejected, *other.rejected), key=lambda r: r.where)[:keep]),
            self.rejected_count + other.rejected_count,
            max(self.draws, other.draws),
            order=order,
            keep=keep,
        )

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


class _Counter:
    """The running tally (mutable; frozen into a :class:`Tally` at the end)."""

    def __init__(
        self, keep_winners: int, keep_rejected: int, on_rejected: Callable[[Rejected], None] | None
    ) -> None:
        self.tickets = self.bets = 0
        self.total = ZERO
        self.wins: dict[str, int] = {}
        self.pending: dict[str, None] = {}
        self.best: list[tuple[int, int, int, Winner]] = []  # a heap of (-rank, -line, seq, …)
        self.winners_count = 0
        self.rejected: list[Rejected] = []
        self.rejected_count = 0
        self.keep_winners = keep_winners
        self.keep_rejected = keep_rejected
        #: Each tier's place, best first (the draws' editions), for ranking winners.
        self.rank: dict[str, int] = {}
        self.on_rejected = on_rejected

    def reject(self, where: int, text: str, error: Exception) -> None:
        self.rejected_count += 1
        item = Rejected(
            where,
            _text.cut(text.rstrip("\r\n"), 80),
            str(error),
            error.kind if isinstance(error, LotteryError) else "type",
        )
        if len(self.rejected) < self.keep_rejected:
            self.rejected.append(item)
        if self.on_rejected is not None:
            self.on_rejected(item)

    def won(
        self, where: int, ticket: str, issue: str, wins: tuple[Win, ...], multiple: int
    ) -> None:
        total = ZERO
        for win in wins:
            self.wins[win.tier] = self.wins.get(win.tier, 0) + win.count * multiple
            if win.prize is None:
                self.pending[win.tier] = None
            else:
                total += win.prize * win.count * multiple
        self.total += total
        total = tidy(total)
        self.winners_count += 1
        rank = min(self.rank.get(w.tier, len(self.rank)) for w in wins) if wins else 0
        if self.wants(rank, where):
            self.keep(rank, where, Winner(where, ticket, issue, wins, total, multiple))

    def wants(self, rank: int, where: int) -> bool:
        """Whether a winner of this rank and line would be among the best kept."""
        if len(self.best) < self.keep_winners:
            return True
        worst_rank, worst_line = -self.best[0][0], -self.best[0][1]
        return (rank, where) < (worst_rank, worst_line)

    def keep(self, rank: int, where: int, winner: Winner) -> None:
        """Keep ``winner`` among the best, dropping the worst kept if there are too many."""
        if self.keep_winners <= 0:
            return
        item = (-rank, -where, self.winners_count, winner)
        if len(self.best) < self.keep_winners:
            heapq.heappush(self.best, item)
        else:
            heapq.heapreplace(self.best, item)

    @property
    def winners(self) -> list[Winner]:
        """The winners kept, best tier first, then by line."""
        return [w for _, _, _, w in sorted(self.best, key=lambda i: (-i[0], -i[1]))]

    def freeze(self, draws: int, order: Mapping[str, int]) -> Tally:
        wins = dict(sorted(self.wins.items(), key=lambda item: order.get(item[0], len(order))))
        return Tally(
            self.tickets,
            self.bets,
            wins,
            tidy(self.total),
            tuple(sorted(self.pending, key=lambda t: order.get(t, len(order)))),
            tuple(self.winners),
            self.winners_count,
            tuple(self.rejected),
            self.rejected_count,
            draws,
            order=tuple(sorted(order, key=order.__getitem__)),
            keep=max(self.keep_winners, self.keep_rejected),
        )


def _fast_lane(draws: list[Draw]) -> list[tuple[Draw, Scorer | None, dict[str, Decimal | None]]]:
    """Each draw with its fast scorer (only for a single draw: it pays off over many tickets)."""
    lane = []
    single = len(draws) == 1
    for draw in draws:
        prizes = {tier.name: draw.paid(tier.name) for tier in draw.edition.tiers}
        lane.append((draw, single_scorer(draw) if single else None, prizes))
    return lane


def check_many(
    tickets: Iterable[Ticket | str],
    draws: Iterable[Draw],
    *,
    game: Game | str | None = None,
    keep_winners: int = KEEP,
    keep_rejected: int = KEEP,
    on_rejected: Callable[[Rejected], None] | None = None,
    first_line: int = 1,
) -> Tally:
    """Check every ticket against every draw of its game; return the tally.

    ``tickets`` holds :class:`Ticket` s or ticket texts (one ticket a line);
    blank texts and texts starting with ``#`` are skipped but keep their
    place in the count, so a ``Rejected.where`` or ``Winner.where`` is the
    1-based line number of a file iterated line by line.  Texts are read with
    the issue of each draw, so a plain 7-digit 七星彩 ticket reads as 6 + 1
    against draws of 2020 or later.  A ticket whose layout does not fit a
    draw's rule edition is skipped for that draw.  ``on_rejected`` sees every
    rejected input as it happens.  ``first_line`` numbers the first input
    (for a file read from the middle).
    """
    history = list(draws)
    if not history:
        msg = "check_many needs at least one draw"
        raise LotteryError(msg)
    for draw in history:
        if not isinstance(draw, Draw):
            msg = f"draws must be Draw objects, not {type(draw).__name__}"
            raise TypeError(msg)
    the_game = get_game(game) if game is not None else history[0].game
    if any(d.game is not the_game for d in history):
        msg = f"every draw must be of {the_game.label}"
        raise GameMismatch(msg, game=the_game.code)
    counter = _Counter(keep_winners, keep_rejected, on_rejected)
    for draw in history:  # a tier's place: its best under any edition of the draws
        for place, tier in enumerate(draw.edition.tiers):
            counter.rank[tier.name] = min(place, counter.rank.get(tier.name, place))
    lane = _fast_lane(history)
    if len(lane) == 1 and lane[0][1] is not None:
        _one_draw(counter, tickets, lane, the_game, first_line)
    else:
        for where, item in enumerate(tickets, first_line):
            _one_item(counter, where, item, lane, history, the_game)
    order = {t.name: i for i, t in enumerate(history[-1].edition.tiers)}
    return counter.freeze(len(history), order)


def _one_item(
    counter: _Counter,
    where: int,
    item: object,
    lane: list[tuple[Draw, Scorer | None, dict[str, Decimal | None]]],
    history: list[Draw],
    game: Game,
) -> None:
    """The general path for one input."""
    if isinstance(item, str):
        stripped = item.strip()
        if stripped and not stripped.startswith("#"):
            _check_text(counter, where, stripped, lane, game)
    elif isinstance(item, Ticket):
        _check_ticket(counter, where, item, history)
    else:
        counter.reject(where, repr(item), TypeError(f"not a ticket: {type(item).__name__}"))


def _one_draw(
    counter: _Counter,
    tickets: Iterable[Ticket | str],
    lane: list[tuple[Draw, Scorer | None, dict[str, Decimal | None]]],
    game: Game,
    first_line: int,
) -> None:
    """One draw: plain single bets take the fast lane, the rest the general path.

    Winning single bets are tallied by the tuple of tiers they won and turned
    into money once at the end; only the first winners become objects.
    """
    draw, scorer, prizes = lane[0]
    assert scorer is not None  # noqa: S101 - checked by the caller
    by_tiers: dict[tuple[str, ...], int] = {}
    fast_tickets = fast_bets = 0
    rank_of = counter.rank
    for where, item in enumerate(tickets, first_line):
        if type(item) is str:
            scored = scorer(item)
            if scored is not None:
                tiers, times = scored
                fast_tickets += 1
                fast_bets += times
                if tiers:
                    by_tiers[tiers] = by_tiers.get(tiers, 0) + times
                    counter.winners_count += 1
                    rank = rank_of[tiers[0]]
                    if counter.wants(rank, where):
                        wins = tuple(Win(t, 1, prizes[t]) for t in tiers)
                        known = (prizes[t] or ZERO for t in tiers)
                        total = tidy(sum(known, ZERO) * times)
                        counter.keep(
                            rank, where, Winner(where, item.strip(), draw.issue, wins, total, times)
                        )
                continue
        _one_item(counter, where, item, lane, [draw], game)
    counter.tickets += fast_tickets
    counter.bets += fast_bets
    for tiers, times in by_tiers.items():
        for tier in tiers:
            counter.wins[tier] = counter.wins.get(tier, 0) + times
            prize = prizes[tier]
            if prize is None:
                counter.pending[tier] = None
            else:
                counter.total += prize * times


def _check_text(
    counter: _Counter,
    where: int,
    text: str,
    lane: list[tuple[Draw, Scorer | None, dict[str, Decimal | None]]],
    game: Game,
) -> None:
    """Read the text under each rule edition, then score each draw it can be read for."""
    try:
        readings = read_for_draws(game, text, [draw for draw, _, _ in lane])
    except LotteryError as error:
        counter.reject(where, text, error)
        return
    counter.tickets += 1
    for draw, _scorer, _prizes in lane:
        ticket = readings.get(draw.edition.name)
        if ticket is not None:
            _score(counter, where, ticket, draw)


def read_for_draws(game: Game, text: str, draws: Iterable[Draw]) -> dict[str, Ticket]:
    """The ticket ``text`` as read under each rule edition of ``draws``, by edition name.

    A text is invalid only when no edition can read it (then the last
    edition's error is raised): a 2020 七星彩 ticket simply has no reading for
    the draws of the original game.
    """
    readings: dict[str, Ticket] = {}
    error: LotteryError | None = None
    tried: set[str] = set()
    for draw in draws:
        name = draw.edition.name
        if name in tried:
            continue
        tried.add(name)
        try:
            readings[name] = parse_ticket(game, text, issue=draw.issue)
        except LotteryError as failure:
            error = failure
    if not readings and error is not None:
        raise error
    return readings


def _check_ticket(counter: _Counter, where: int, ticket: Ticket, history: list[Draw]) -> None:
    counter.tickets += 1
    for draw in history:
        if ticket.game is not draw.game:
            counter.reject(
                where, str(ticket), GameMismatch(f"the ticket is for {ticket.game.label}")
            )
            return
        _score(counter, where, ticket, draw)


def _score(counter: _Counter, where: int, ticket: Ticket, draw: Draw) -> None:
    try:
        result = check(ticket, draw)
    except EditionMismatch:
        return
    counter.bets += result.bets * result.multiple
    if result.wins:
        counter.won(where, str(ticket), draw.issue, result.wins, result.multiple)
