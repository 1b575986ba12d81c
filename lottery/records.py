"""Input records: one announcement as read, with the draw it holds or why not.

Every reader (newspaper text, China Welfare Lottery JSON, sports-lottery
JSON, CSV) turns its input into :class:`Record` s, so that nothing is lost:
a record either holds a valid :class:`~lottery.Draw` or an ``error`` that
says why it does not.  What an announcement says beyond the numbers (the
order the balls were drawn in, the pool, a 试机号, the weekday it printed) is
kept for the validator's checks.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, Final

import attrs

from lottery import _text
from lottery.exceptions import (
    DuplicateNumber,
    InvalidCount,
    InvalidFormat,
    InvalidIssue,
    InvalidNumber,
    LotteryError,
    UnknownGame,
)
from lottery.model import Draw, Game
from lottery.notation import read_numbers

__all__ = ["Record", "error_kind", "make_record"]

_KINDS: Final = (
    (InvalidIssue, "issue"),
    (InvalidCount, "count"),
    (InvalidNumber, "range"),
    (DuplicateNumber, "duplicate"),
    (UnknownGame, "game"),
    (InvalidFormat, "format"),
)


def error_kind(error: LotteryError) -> str:
    """A short name for what is wrong: ``count``, ``range``, ``duplicate`` and so on."""
    for cls, kind in _KINDS:
        if isinstance(error, cls):
            return kind
    return "invalid"


@attrs.frozen
class Record:
    """One input record: where it came from, and its draw or its error."""

    source: str
    where: str
    text: str = ""
    game: Game | None = None
    draw: Draw | None = None
    error: str | None = None
    kind: str | None = None
    issue: str | None = None
    #: Numbers in the order they were printed (ball games should print ascending).
    printed: tuple[int, ...] | None = None
    #: A labelled draw order (出球顺序) of the first zone, when the record gives one.
    order: tuple[int, ...] | None = None
    #: The weekday the record printed next to its date (``四``).
    weekday: str | None = None
    #: Prize pool after the draw and sales, in yuan.
    pool: int | None = None
    sales: int | None = None
    #: Announced winners per tier.
    winners: tuple[tuple[str, int], ...] = ()
    #: 3D's 试机号, a test number that is never the result.
    test: tuple[int, ...] | None = None
    #: The 排列5 digits a 排列3 record carries (sporttery ``lotteryUnsortDrawresult``).
    companion: tuple[int, ...] | None = None
    #: Other things the announcement said (派奖, caps, rule notices).
    notes: tuple[str, ...] = ()
    #: Announced prizes of tiers the issue's rule edition does not have.
    foreign: tuple[tuple[str, int], ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the record holds a draw."""
        return self.draw is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        out: dict[str, Any] = {"source": self.source, "where": self.where}
        if self.draw is not None:
            out.update(
                game=self.draw.game.code, issue=self.draw.issue, numbers=list(self.draw.numbers)
            )
            out["date"] = self.draw.date.isoformat() if self.draw.date else None
        else:
            out.update(game=self.game.code if self.game else None, error=self.error, kind=self.kind)
        return out


def shorten(text: str, most: int = 100) -> str:
    """One line of at most ``most`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"


def _read_date(
    game: Game,
    issue: str,
    date: datetime.date | str | None,
) -> tuple[datetime.date | None, str | None]:
    """A record's date and the weekday printed with it (``2025-06-05(四)``)."""
    if not isinstance(date, str):
        return date, None
    found = _text.match_date(_text.normalize(date).strip())
    if found is None:
        msg = f"{game.label}: issue {issue} has an unreadable date {date!r}"
        raise InvalidFormat(msg, game=game.code, token=date)
    return found[0], found[1]


def make_record(
    source: str,
    where: str,
    text: str,
    game: Game | None,
    *,
    issue: str | None,
    numbers: str | Sequence[int] | None,
    date: datetime.date | str | None = None,
    prizes: Sequence[tuple[str, int]] = (),
    special: bool | None = None,
    **extras: Any,  # noqa: ANN401 - Record fields
) -> Record:
    """Build the record, validating its draw; an invalid draw becomes an error."""
    base = {
        "source": source,
        "where": where,
        "text": shorten(text),
        "game": game,
        "issue": issue,
        **extras,
    }
    try:
        if game is None:
            msg = "cannot tell which game this is"
            raise UnknownGame(msg)
        if issue is None or not str(issue).strip():
            msg = f"{game.label}: no issue number"
            raise InvalidIssue(msg, game=game.code)
        official = game.parse_issue(str(issue))
        edition = game.edition(official)
        if numbers is None or (isinstance(numbers, str) and not numbers.strip()):
            msg = f"{game.label}: issue {official} has no numbers"
            raise InvalidCount(msg, game=game.code)
        if isinstance(numbers, str):
            values = read_numbers(game, edition, _text.normalize(numbers))
        else:
            values = tuple(numbers)
        when, printed_weekday = _read_date(game, official, date)
        if printed_weekday and not base.get("weekday"):
            base["weekday"] = printed_weekday
        known = [(tier, amount) for tier, amount in prizes if edition.has_tier(tier)]
        base["foreign"] = tuple(
            (tier, amount) for tier, amount in prizes if not edition.has_tier(tier)
        )
        if not edition.has_period:
            special = None  # a claim shows in ``foreign`` when it came with a 福运奖 amount
        draw = Draw(game, official, values, when, tuple(known), special)
    except LotteryError as error:
        return Record(**base, error=str(error), kind=error_kind(error))
    if base.get("printed") is None and isinstance(numbers, str | tuple | list):
        base["printed"] = values
    return Record(**base, draw=draw)
