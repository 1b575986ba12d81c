"""``check(ticket, draw)``: what a ticket won, counted without expanding it, and its results."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from lottery._money import ZERO, text, tidy, to_json
from lottery.exceptions import EditionMismatch, GameMismatch
from lottery.model import Draw, Ticket
from lottery.rules import Counts

__all__ = ["CheckResult", "Counts", "Win", "check"]


@attrs.frozen
class Win:
    """Winning bets of one tier: how many, and the prize per bet.

    ``prize`` is ``None`` for a floating prize the draw does not announce:
    pending, never a guess.
    """

    tier: str
    count: int
    prize: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (money as exact JSON numbers)."""
        prize = None if self.prize is None else to_json(self.prize)
        return {"tier": self.tier, "count": self.count, "prize": prize}

    @property
    def amount(self) -> Decimal | None:
        """Prize money for these bets at multiple 1, or ``None`` if pending."""
        return None if self.prize is None else tidy(self.prize * self.count)


@attrs.frozen
class CheckResult:
    """What a ticket won in a draw.

    ``total`` is the known prize money (× multiple) in yuan, exact; tiers in
    ``pending`` won but their floating prize is not known yet.
    """

    ticket: Ticket
    draw: Draw
    bets: int
    multiple: int
    wins: tuple[Win, ...]
    total: Decimal = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        known = sum((w.amount for w in self.wins if w.amount is not None), ZERO)
        object.__setattr__(self, "total", tidy(known * self.multiple))

    @classmethod
    def _made(cls, ticket: Ticket, draw: Draw, bets: int, wins: _Wins) -> CheckResult:
        """The result :func:`check` counted, its money at multiple 1 already summed."""
        result = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(result, "ticket", ticket)
        setattr_(result, "draw", draw)
        setattr_(result, "bets", bets)
        setattr_(result, "multiple", ticket.multiple)
        setattr_(result, "wins", wins[0])
        known, multiple = wins[1], ticket.multiple
        setattr_(result, "total", known if multiple == 1 else tidy(known * multiple))
        return result

    def __str__(self) -> str:
        """One line: ``双色球 2019021 02 05 … + 04: 三等奖 1 注 × 3000元, total 3,000元``."""
        head = f"{self.draw.game.name} {self.draw.issue} {self.ticket}"
        if not self.wins:
            return f"{head}: no prize"
        wins = ", ".join(
            f"{w.tier} {w.count * self.multiple} 注 × "
            + ("pending" if w.prize is None else f"{text(w.prize)}元")
            for w in self.wins
        )
        pending = f" + {'、'.join(self.pending)} pending" if self.pending else ""
        return f"{head}: {wins}; total {text(self.total)}元{pending}"

    @property
    def won(self) -> bool:
        """Whether any bet won."""
        return bool(self.wins)

    @property
    def notes(self) -> tuple[str, ...]:
        """What the result cannot count: a 派奖 announced on a tier won, for eligible bets."""
        promotions = dict(self.draw.promotions)
        return tuple(
            f"{w.tier}: a 派奖 of {text(promotions[w.tier])}元 a bet is paid on top to eligible"
            " bets only (not counted)"
            for w in self.wins
            if w.tier in promotions
        )

    @property
    def pending(self) -> tuple[str, ...]:
        """Tiers won whose prize is not announced yet."""
        return tuple(w.tier for w in self.wins if w.prize is None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (the command line's ``--json``)."""
        return {
            "game": self.ticket.game.code,
            "issue": self.draw.issue,
            "ticket": str(self.ticket),
            "form": self.ticket.form,
            "bets": self.bets,
            "multiple": self.multiple,
            "wins": [w.to_dict() for w in self.wins],
            "total": to_json(self.total),
            "pending": list(self.pending),
            "notes": list(self.notes),
        }


def check(ticket: Ticket, draw: Draw) -> CheckResult:
    """Score ``ticket`` against ``draw`` under the rules of the draw's issue.

    >>> import lottery
    >>> draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    >>> result = lottery.check(lottery.parse_ticket("ssq", "02 05 07 08 20 33 + 04 x2"), draw)
    >>> result.wins, result.total
    ((Win(tier='三等奖', count=1, prize=Decimal('3000')),), Decimal('6000'))
    """
    if not isinstance(ticket, Ticket):
        msg = f"ticket must be a Ticket, not {type(ticket).__name__}"
        raise TypeError(msg)
    if not isinstance(draw, Draw):
        msg = f"draw must be a Draw, not {type(draw).__name__}"
        raise TypeError(msg)
    if ticket.game is not draw.game:
        msg = f"the ticket is for {ticket.game.label} but the draw is {draw.game.label}"
        raise GameMismatch(msg, game=ticket.game.code)
    if ticket.edition is not None and ticket.edition != draw.edition.name:
        edition = draw.edition
        written = ticket.game.edition_named(ticket.edition)
        if written.zones != edition.zones:
            msg = (
                f"{ticket.game.label}: the ticket {str(ticket)!r} is written for the"
                f" {written.name!r} rules but issue {draw.issue} follows the"
                f" {edition.name!r} rules"
            )
            raise EditionMismatch(msg, game=ticket.game.code, token=str(ticket))
    play = ticket.play_object
    selection = ticket.selection
    value = selection[0][0] if selection and selection[0] else None
    bets = ticket.bets
    hits = play.single_hits(ticket, draw) if bets == 1 else None
    if hits is None:
        wins = _wins(draw, _counts(ticket, draw, play.count(ticket, draw)), value)
    else:  # a single bet wins one of few patterns: their wins are made once per draw
        made: dict[tuple[str, tuple[int, ...], bool, int | None], _Wins]
        made = draw.memo("single_wins", dict)
        key = (play.name, hits, ticket.addon, value)
        found = made.get(key)
        if found is None:  # the first single bet of this pattern: counted in full
            counts = {tier: n for tier, n in play.count(ticket, draw).items() if n}
            found = made[key] = _wins(draw, _counts(ticket, draw, counts), value)
        wins = found
    return CheckResult._made(ticket, draw, bets, wins)  # noqa: SLF001 - its maker


def _counts(ticket: Ticket, draw: Draw, counts: Counts) -> Counts:
    """追加: each base win wins its add-on tier as often."""
    if not ticket.addon:
        return counts
    counts = dict(counts)
    for base, addon in draw.edition.addons:
        if counts.get(base):
            counts[addon] = counts[base]
    return counts


#: The wins of a ticket, best tier first, and their known money at multiple 1.
_Wins = tuple[tuple[Win, ...], Decimal]


def _wins(draw: Draw, counts: Counts, value: int | None) -> _Wins:
    order = draw.edition.order
    wins = tuple(
        Win(tier, count, draw.paid(tier, value))
        for tier, count in sorted(counts.items(), key=lambda item: order[item[0]])
        if count
    )
    return wins, tidy(sum((w.amount for w in wins if w.amount is not None), ZERO))
