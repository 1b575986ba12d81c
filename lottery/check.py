"""``check(ticket, draw)``: what a ticket won, counted without expanding it."""

from __future__ import annotations

from lottery.exceptions import EditionMismatch, GameMismatch
from lottery.model import CheckResult, Draw, Ticket, Win

__all__ = ["Counts", "check"]

#: Winning bets per tier name.
Counts = dict[str, int]


def check(ticket: Ticket, draw: Draw) -> CheckResult:
    """Score ``ticket`` against ``draw`` under the rules of the draw's issue.

    >>> import lottery
    >>> draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    >>> result = lottery.check(lottery.parse_ticket("ssq", "02 05 07 08 20 33 + 04 x2"), draw)
    >>> result.wins, result.total
    ((Win(tier='三等奖', count=1, prize=3000),), 6000)
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
    order = edition.order
    wins = tuple(
        Win(tier, count, play.prize(ticket, draw, tier))
        for tier, count in sorted(counts.items(), key=lambda item: order[item[0]])
        if count
    )
    return CheckResult(ticket, draw, ticket.bets, ticket.multiple, wins)
