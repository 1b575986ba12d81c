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
    edition = draw.edition
    if ticket.edition is not None and ticket.edition != edition.name:
        written = ticket.game.edition_named(ticket.edition)
        if written.zones != edition.zones:
            msg = (
                f"{ticket.game.label}: the ticket {str(ticket)!r} is written for the"
                f" {written.name!r} rules but issue {draw.issue} follows the"
                f" {edition.name!r} rules"
            )
            raise EditionMismatch(msg, game=ticket.game.code, token=str(ticket))
    play = ticket.play_object
    counts = play.count(ticket, draw)
    if ticket.addon:  # 追加: each base win wins its add-on tier as often
        counts = dict(counts)
        for base, addon in edition.addons:
            if counts.get(base):
                counts[addon] = counts[base]
    order = edition.order
    value = ticket.selection[0][0] if ticket.selection and ticket.selection[0] else None
    wins = tuple(
        Win(tier, count, draw.paid(tier, value))
        for tier, count in sorted(counts.items(), key=lambda item: order[item[0]])
        if count
    )
    return CheckResult(ticket, draw, ticket.bets, ticket.multiple, wins)
