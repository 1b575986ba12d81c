"""An announcement's winner counts against the tickets sold: tier by tier, announced vs counted.

A draw notice says how many bets won each tier (``一等奖 12 注``); whoever
holds the sold tickets can count them (:func:`lottery.check_many`, the
vectorised lane, :mod:`lottery.dask` for a cluster) and compare.  Winning
bets include multiples.  Money is compared only where the prize is fixed:
a floating prize depends on the pool, which the tickets cannot show.

>>> import lottery
>>> from lottery.validate import read_text
>>> record = read_text(
...     '{"result": [{"name": "双色球", "code": "2019021", "red": "02,05,07,08,20,27",'
...     ' "blue": "04", "prizegrades": [{"type": 1, "typenum": "0", "typemoney": ""},'
...     ' {"type": 3, "typenum": "2", "typemoney": "3000"}]}]}'
... )[0]
>>> tally = lottery.check_many(["02 05 07 08 20 33 + 04 x2"], [record.draw])
>>> lottery.audit(record, tally)
()
>>> [f.message for f in lottery.audit(record, lottery.check_many(["02 05 07 08 20 33 + 04"],
...                                                              [record.draw]))]
['双色球 2019021 三等奖: announced 2 winning bets, the tickets hold 1 (-1)',
 '双色球 2019021 三等奖: announced 6,000元, the tickets win 3,000元 (-3,000元)']
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from lottery._money import to_json
from lottery.exceptions import FAULT_KINDS, LotteryError
from lottery.findings import CHECK_KINDS, Finding, place
from lottery.model import Draw
from lottery.records import Record
from lottery.tally import Tally

__all__ = ["AUDIT_KINDS", "TierCount", "audit", "compare"]

#: The kinds of finding an audit makes.
AUDIT_KINDS: Final = {
    "winners": "a tier's winning bets announced differ from those counted in the tickets",
    "money": "a fixed tier's money announced differs from what the tickets win",
}
assert not set(AUDIT_KINDS) & (set(FAULT_KINDS) | set(CHECK_KINDS))  # noqa: S101 - one vocabulary


@attrs.frozen
class TierCount:
    """One tier of an audit: winning bets (and money, for a fixed prize) announced and counted."""

    tier: str
    #: Winning bets the announcement gives (``None``: it does not list the tier).
    announced: int | None
    #: Winning bets in the tickets, multiples included.
    counted: int
    #: The prize per bet (fixed, or as announced); ``None`` when floating and not announced.
    prize: Decimal | None
    #: Whether the prize is fixed by the rules: only then is money compared.
    fixed: bool
    announced_money: Decimal | None
    counted_money: Decimal | None

    @property
    def difference(self) -> int:
        """Counted minus announced winning bets."""
        return self.counted - (self.announced or 0)

    @property
    def bets_agree(self) -> bool:
        """Whether the tier's winning bets agree."""
        return self.announced == self.counted or (self.announced is None and not self.counted)

    @property
    def money_agrees(self) -> bool:
        """Whether the tier's money agrees (always, for a floating prize or a tier not listed)."""
        if not self.fixed or self.announced_money is None:
            return True
        return self.announced_money == self.counted_money

    @property
    def agrees(self) -> bool:
        """Whether the tier agrees in winning bets and, where fixed, money."""
        return self.bets_agree and self.money_agrees

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``lottery audit --json``)."""
        return {
            "tier": self.tier,
            "announced": self.announced,
            "counted": self.counted,
            "difference": self.difference,
            "prize": None if self.prize is None else to_json(self.prize),
            "fixed": self.fixed,
            "announced_money": _json(self.announced_money),
            "counted_money": _json(self.counted_money),
            "agrees": self.agrees,
        }


def _json(amount: Decimal | None) -> int | float | str | None:
    return None if amount is None else to_json(amount)


def _announcement(
    announcement: Record | Draw, winners: Mapping[str, int] | None
) -> tuple[Draw, dict[str, int], str]:
    """The draw, its announced winners and where they come from."""
    if isinstance(announcement, Record):
        if announcement.draw is None:
            msg = f"the announcement holds no draw: {announcement.error}"
            raise LotteryError(msg)
        draw, told, where = announcement.draw, dict(announcement.winners), place(announcement)
    elif isinstance(announcement, Draw):
        draw, told, where = announcement, {}, "the draw"
    else:
        msg = f"announcement must be a Record or a Draw, not {type(announcement).__name__}"
        raise TypeError(msg)
    if winners is not None:
        told, where = dict(winners), "winners"
    if not told:
        msg = (
            f"{draw.game.label}: the announcement of issue {draw.issue} gives no winner"
            " counts: nothing to audit"
        )
        raise LotteryError(msg, game=draw.game.code)
    return draw, told, where


def compare(
    announcement: Record | Draw, tally: Tally, *, winners: Mapping[str, int] | None = None
) -> tuple[TierCount, ...]:
    """Every tier the announcement lists or the tickets won, best first: announced vs counted.

    ``announcement`` is the draw notice as read (a :class:`~lottery.records.Record`,
    which carries the announced ``winners``) or a :class:`~lottery.Draw` with
    ``winners`` given (tier → winning bets).  ``tally`` is the tickets' tally
    against that draw.
    """
    draw, told, _ = _announcement(announcement, winners)
    if tally.draws > 1:
        msg = f"{draw.game.label}: the tally covers {tally.draws} draws; audit one draw's tickets"
        raise LotteryError(msg, game=draw.game.code)
    order = draw.edition.order
    tiers = sorted({*told, *tally.wins}, key=lambda t: (order.get(t, len(order)), t))
    out: list[TierCount] = []
    for tier in tiers:
        announced = told.get(tier)
        counted = tally.wins.get(tier, 0)
        rule = draw.edition.tier(tier) if draw.edition.has_tier(tier) else None
        fixed = rule is not None and rule.fixed and not rule.table  # one amount per bet
        if rule is not None and rule.prize is not None:
            prize: Decimal | None = rule.prize  # the rules' amount, whatever was announced
        elif fixed:
            prize = draw.paid(tier)  # by the pool before the draw
        else:
            prize = draw.prize(tier)  # floating: as announced, if it was
        said = draw.prize(tier) if draw.prize(tier) is not None else prize
        out.append(
            TierCount(
                tier,
                announced,
                counted,
                prize,
                fixed and prize is not None,
                None if said is None or announced is None else said * announced,
                None if prize is None else prize * counted,
            )
        )
    return tuple(out)


def audit(
    announcement: Record | Draw, tally: Tally, *, winners: Mapping[str, int] | None = None
) -> tuple[Finding, ...]:
    """The tiers where the announcement and the tickets disagree, as findings (none: all agree).

    See :func:`compare` for the arguments.
    """
    draw, _, where = _announcement(announcement, winners)
    head = f"{draw.game.name} {draw.issue}"
    findings: list[Finding] = []
    for row in compare(announcement, tally, winners=winners):
        if not row.bets_agree:
            said = (
                "not announced"
                if row.announced is None
                else f"announced {row.announced:,} winning bets"
            )
            findings.append(
                Finding(
                    "error",
                    "winners",
                    draw.game.code,
                    draw.issue,
                    where,
                    f"{head} {row.tier}: {said}, the tickets hold {row.counted:,}"
                    f" ({row.difference:+,})",
                )
            )
        if not row.money_agrees and row.announced_money is not None:
            counted = row.counted_money or Decimal(0)
            findings.append(
                Finding(
                    "error",
                    "money",
                    draw.game.code,
                    draw.issue,
                    where,
                    f"{head} {row.tier}: announced {row.announced_money:,}元, the tickets win"
                    f" {counted:,}元 ({counted - row.announced_money:+,}元)",
                )
            )
    return tuple(findings)
