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
from typing import Any

from lottery import _text
from lottery._fast import Scorer, shape_reader, single_scorer
from lottery._money import ZERO, tidy
from lottery.check import Win, check
from lottery.exceptions import EditionMismatch, GameMismatch, LotteryError
from lottery.model import Draw, Ticket
from lottery.notation import parse_ticket
from lottery.registry import get_game
from lottery.rules import Game
from lottery.tally import KEEP, Rejected, Tally, Winner

__all__ = ["OneDraw", "Rejected", "Tally", "Winner", "check_many", "read_for_draws"]


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
        if not self.best:  # keep_winners=0: count them, keep none
            return False
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
    single = len(draws) == 1
    return [(draw, single_scorer(draw) if single else None, _prizes(draw)) for draw in draws]


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
    """One draw: single bets take the fast lane, 复式 and 胆拖 the shape lane, the rest in full."""
    one = OneDraw(counter, lane, game)
    scorer, singles, fed = one.scorer, one.singles, one.feed
    for where, item in enumerate(tickets, first_line):
        if type(item) is str:
            scored = scorer(item)
            if scored is not None:
                singles(where, item, *scored)
                continue
        fed(where, item)
    one.close()


class OneDraw:
    """The tally of tickets against one draw, fed line by line or in bulk (the vectorised lane).

    Winning single bets are tallied by the tuple of tiers they won and turned
    into money once at the end; only the winners kept become objects.
    """

    def __init__(
        self,
        counter: _Counter,
        lane: list[tuple[Draw, Scorer | None, dict[str, Decimal | None]]],
        game: Game,
    ) -> None:
        self.counter, self.lane, self.game = counter, lane, game
        self.draw, scorer, self.prizes = lane[0]
        assert scorer is not None  # noqa: S101 - a one-draw lane has its scorer
        self.scorer = scorer
        self.by_tiers: dict[tuple[str, ...], int] = {}
        self.tickets = self.bets = 0
        self.others = _Outcomes(counter, self.draw, game)
        self._memos: dict[tuple[str, int], dict[int, _Outcome | None]] = {}

    def memo(self, play: str, digits: int) -> dict[int, _Outcome | None]:
        """What the tickets of ``play`` with these many digits won, by their digits (or None)."""
        return self._memos.setdefault((play, digits), {})

    @classmethod
    def start(
        cls,
        draw: Draw,
        *,
        keep_winners: int = KEEP,
        keep_rejected: int = KEEP,
        on_rejected: Callable[[Rejected], None] | None = None,
    ) -> OneDraw:
        """A new tally against ``draw``."""
        counter = _Counter(keep_winners, keep_rejected, on_rejected)
        counter.rank = {tier.name: place for place, tier in enumerate(draw.edition.tiers)}
        lane: list[tuple[Draw, Scorer | None, dict[str, Decimal | None]]]
        lane = [(draw, single_scorer(draw) or _never, _prizes(draw))]
        return cls(counter, lane, draw.game)

    def singles(self, where: int, text: str, tiers: tuple[str, ...], times: int) -> None:
        """One plain single bet that won ``tiers`` (``times`` over)."""
        self.tickets += 1
        self.bets += times
        if tiers:
            self.won(tiers, times, 1)
            counter = self.counter
            rank = counter.rank[tiers[0]]
            if counter.wants(rank, where):
                self.keep(where, text.strip(), tiers, times)

    def won(self, tiers: tuple[str, ...], times: int, tickets: int) -> None:
        """``tickets`` winning single bets of one pattern, ``times`` bets in all."""
        self.by_tiers[tiers] = self.by_tiers.get(tiers, 0) + times
        self.counter.winners_count += tickets

    def keep(self, where: int, text: str, tiers: tuple[str, ...], times: int) -> None:
        """Keep a winning single bet among the best winners, if it is one of them."""
        prizes = self.prizes
        wins = tuple(Win(t, 1, prizes[t]) for t in tiers)
        total = tidy(sum((prizes[t] or ZERO for t in tiers), ZERO) * times)
        rank = self.counter.rank[tiers[0]]
        self.counter.keep(rank, where, Winner(where, text, self.draw.issue, wins, total, times))

    def feed(self, where: int, item: object) -> None:
        """Any other input: the shape and text lanes, else the general path."""
        if type(item) is str and self.others.tally(where, item):
            return
        _one_item(self.counter, where, item, self.lane, [self.draw], self.game)

    def close(self) -> None:
        """Add what was counted in bulk to the tally."""
        counter, prizes = self.counter, self.prizes
        counter.tickets += self.tickets
        counter.bets += self.bets
        for tiers, times in self.by_tiers.items():
            for tier in tiers:
                counter.wins[tier] = counter.wins.get(tier, 0) + times
                prize = prizes[tier]
                if prize is None:
                    counter.pending[tier] = None
                else:
                    counter.total += prize * times
        self.by_tiers.clear()
        self.tickets = self.bets = 0
        self.others.close()

    def tally(self) -> Tally:
        """The tally so far (after :meth:`close`)."""
        order = {t.name: i for i, t in enumerate(self.draw.edition.tiers)}
        return self.counter.freeze(1, order)


def _never(line: str) -> None:
    """No fast lane: every line takes the general path."""
    del line


def _prizes(draw: Draw) -> dict[str, Decimal | None]:
    return {tier.name: draw.paid(tier.name) for tier in draw.edition.tiers}


#: A valid ticket's result in one draw, at multiple 1: its bets and its wins.
_Outcome = tuple[int, tuple[Win, ...]]
#: Distinct texts of other plays remembered per draw (digit games have few).
_TEXTS = 1 << 16


class _Outcomes:
    """Lines that are not plain single bets, tallied by what decides their result.

    A 复式 or 胆拖 line of the game's own play is reduced to its shape (see
    :func:`lottery._fast.shape_reader`); the first line of each shape is read
    and checked in full, the others count as it did.  Other plays' lines
    (组选3 116, 直选和值 13 …) are remembered by their text.  A line the full
    reader rejects is never remembered: the general path rejects it again.
    """

    def __init__(self, counter: _Counter, draw: Draw, game: Game) -> None:
        self.counter, self.draw, self.game = counter, draw, game
        self.shape = shape_reader(draw)
        self.by_shape: dict[tuple[int, ...], _Outcome] = {}
        self.by_text: dict[str, tuple[_Outcome, int]] = {}
        #: Multiples won per outcome, by the identity of its wins (kept alive by the memos:
        #: hashing a tuple of Wins for every line would cost more than the line).
        self.times: dict[int, list[Any]] = {}
        self.shown: dict[str, str] = {}  # a winning text in canonical form

    def tally(self, where: int, line: str) -> bool:
        """Count ``line`` if its result is known or can be learnt; ``False``: the general path."""
        shape = self.shape(line) if self.shape is not None else None
        if shape is not None:
            key, text, times = shape
            outcome = self.by_shape.get(key)
            if outcome is None:
                learnt = self._learn(text)
                if learnt is None:
                    return False
                outcome = self.by_shape[key] = learnt[0]
            text = line.strip()  # a winner is shown with its multiple
        else:
            text = line.strip()
            known = self.by_text.get(text)
            if known is None:
                if not text or text.startswith("#") or len(self.by_text) >= _TEXTS:
                    return False
                learnt = self._learn(text)
                if learnt is None:
                    return False
                known = self.by_text[text] = learnt
            outcome, times = known
        self._count(where, text, outcome, times)
        return True

    def _learn(self, text: str) -> tuple[_Outcome, int] | None:
        try:
            result = check(parse_ticket(self.game, text, issue=self.draw.issue), self.draw)
        except LotteryError:
            return None
        return (result.bets, result.wins), result.multiple

    def learn(self, text: str) -> _Outcome | None:
        """The result of the ticket ``text`` (at multiple 1), or ``None`` if it is not valid."""
        learnt = self._learn(text)
        return None if learnt is None or learnt[1] != 1 else learnt[0]

    def _count(self, where: int, text: str, outcome: _Outcome, times: int) -> None:
        self.counted(outcome, 1, times)
        if outcome[1]:
            self.keep(where, text, outcome, times)

    def counted(self, outcome: _Outcome, tickets: int, times: int) -> None:
        """``tickets`` tickets of one outcome, ``times`` multiples in all."""
        counter = self.counter
        bets, wins = outcome
        counter.tickets += tickets
        counter.bets += bets * times
        if wins:
            entry = self.times.get(id(wins))
            if entry is None:
                self.times[id(wins)] = [wins, times]
            else:
                entry[1] += times
            counter.winners_count += tickets

    def rank(self, outcome: _Outcome) -> int:
        """Where its best tier ranks (lower is better; no win ranks last)."""
        rank = self.counter.rank
        return min((rank.get(w.tier, len(rank)) for w in outcome[1]), default=len(rank))

    def keep(self, where: int, text: str, outcome: _Outcome, times: int) -> bool:
        """Keep a winning ticket among the best, shown in canonical form; whether it was."""
        counter, wins = self.counter, outcome[1]
        rank = self.rank(outcome)
        if not counter.wants(rank, where):
            return False
        known = sum((w.prize * w.count for w in wins if w.prize is not None), ZERO)
        shown = self.shown.get(text)
        if shown is None:
            shown = str(parse_ticket(self.game, text, issue=self.draw.issue))
            if len(self.shown) < _TEXTS:
                self.shown[text] = shown
        counter.keep(
            rank, where, Winner(where, shown, self.draw.issue, wins, tidy(known * times), times)
        )
        return True

    def close(self) -> None:
        """Add the wins counted by outcome to the tally."""
        counter = self.counter
        times_of, self.times = self.times, {}
        for wins, times in times_of.values():
            for win in wins:
                counter.wins[win.tier] = counter.wins.get(win.tier, 0) + win.count * times
                if win.prize is None:
                    counter.pending[win.tier] = None
                else:
                    counter.total += win.prize * win.count * times


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
