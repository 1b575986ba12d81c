"""Input records: one announcement as read, with the draw it holds or why not.

Every reader (newspaper text, China Welfare Lottery JSON, sports-lottery
JSON, CSV) turns its input into :class:`Record` s, so that nothing is lost:
a record either holds a valid :class:`~lottery.Draw` or an ``error`` that
says why it does not.  What an announcement says beyond the numbers (the
order the balls were drawn in, the pool, a 试机号, the weekday it printed) is
kept for the validator's checks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from lottery.exceptions import FaultKind
from lottery.model import Draw
from lottery.rules import Game

__all__ = ["TEST_NUMBER", "Record"]

#: The label of a 试机号 (a test number drawn before the result, never the result) in ``extras``.
TEST_NUMBER: Final = "试机号"


def _extras(
    value: Mapping[str, tuple[int, ...]] | tuple[tuple[str, tuple[int, ...]], ...],
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    if not value:
        return ()
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(name), tuple(numbers)) for name, numbers in items)


def _shown(text: str | Callable[[], str]) -> str:
    return text if isinstance(text, str) else text()


@attrs.frozen(slots=False, init=False)  # fields in a dict, made at once (see __init__)
class Record:
    """One input record: where it came from, and its draw or its error.

    ``where`` is the line, record or row in ``source``; ``text`` the record
    as read (cut for messages).
    """

    source: str
    where: str
    #: The record as read, cut for messages; a reader may give a function that makes it,
    #: called only if a message needs it (a feed's records are rarely shown).
    _text: str | Callable[[], str] = attrs.field(
        default="",
        alias="text",
        eq=attrs.cmp_using(eq=lambda a, b: _shown(a) == _shown(b), require_same_type=False),
        hash=False,
        repr=lambda value: repr(_shown(value)),
    )
    game: Game | None = None
    draw: Draw | None = None
    error: str | None = None
    #: Why there is no draw, in the one vocabulary of :data:`lottery.exceptions.FAULT_KINDS`.
    kind: FaultKind | None = None
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
    #: Numbers an announcement gives besides the result, by label: a 试机号 (never the
    #: result), a feed's ``unsorted`` numbers.  The game's own checks read them.
    extras: tuple[tuple[str, tuple[int, ...]], ...] = ()
    #: Other things the announcement said (派奖, caps, rule notices).
    notes: tuple[str, ...] = ()
    #: Announced prizes of tiers the issue's rule edition does not have.
    foreign: tuple[tuple[str, Decimal], ...] = ()

    def __init__(
        self,
        source: str,
        where: str,
        text: str | Callable[[], str] = "",
        game: Game | None = None,
        draw: Draw | None = None,
        error: str | None = None,
        kind: FaultKind | None = None,
        issue: str | None = None,
        printed: tuple[int, ...] | None = None,
        order: tuple[int, ...] | None = None,
        weekday: str | None = None,
        pool: int | None = None,
        sales: int | None = None,
        winners: tuple[tuple[str, int], ...] = (),
        extras: Mapping[str, tuple[int, ...]] | tuple[tuple[str, tuple[int, ...]], ...] = (),
        notes: tuple[str, ...] = (),
        foreign: tuple[tuple[str, Decimal], ...] = (),
    ) -> None:
        """The fields, as attrs would set them, in one dict made at once.

        A reader makes thousands of records and the checks read each field of
        each: one dict of the same layout for every record is made at once and
        read at the speed of a plain object's (attrs' own ``__init__`` fills a
        shared-key dict a field at a time, which Python 3.11 reads slowly).
        """
        object.__setattr__(
            self,
            "__dict__",
            {
                "source": source,
                "where": where,
                "_text": text,
                "game": game,
                "draw": draw,
                "error": error,
                "kind": kind,
                "issue": issue,
                "printed": printed,
                "order": order,
                "weekday": weekday,
                "pool": pool,
                "sales": sales,
                "winners": winners,
                "extras": _extras(extras) if extras else (),
                "notes": notes,
                "foreign": foreign,
            },
        )

    def __getstate__(self) -> dict[str, Any]:
        """Pickled with its text made (a function that makes it may not pickle)."""
        return {**self.__dict__, "_text": self.text}

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "__dict__", dict(state))

    @property
    def text(self) -> str:
        """The record as read (cut for messages)."""
        text = self._text
        if not isinstance(text, str):
            text = _shown(text)
            object.__setattr__(self, "_text", text)
        return text

    def extra_numbers(self, label: str) -> tuple[int, ...] | None:
        """The extra numbers labelled ``label`` (``试机号``), if the record has them."""
        for name, numbers in self.extras:
            if name == label:
                return numbers
        return None

    @property
    def ok(self) -> bool:
        """Whether the record holds a draw."""
        return self.draw is not None

    def rejection(self) -> dict[str, Any]:
        """The rejection object of every command's JSON: where, text, reason, kind.

        ``line`` for a line of text or a row, ``index`` for a record of a JSON list,
        ``where`` for the rest (``file``); and ``source``.
        """
        out: dict[str, Any] = {"source": self.source}
        kind, _, number = self.where.partition(" ")
        number = number.split(" ", 1)[0]
        if kind in ("line", "record") and number.isdecimal():
            out["line" if kind == "line" else "index"] = int(number)
        else:
            out["where"] = self.where
        out.update(text=self.text, reason=self.error or "", kind=self.kind or "invalid")
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, in the command line's shapes: a draw with its place, or a rejection."""
        if self.draw is not None:
            return {**self.draw.to_dict(), "source": self.source, "where": self.where}
        return self.rejection()
