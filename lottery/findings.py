"""What validation says: :class:`Finding` s, and the hook through which a game adds its own checks.

The validator (:mod:`lottery.validate`) runs the checks every game shares;
a game module that needs more (双色球's 福运奖 period, 排列3 ⊂ 排列5) exports
``CHECKS``, a :class:`GameChecks`, and the validator runs those too without
knowing which game they belong to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, Literal

import attrs

from lottery.exceptions import FAULT_KINDS
from lottery.model import Draw
from lottery.records import Record

__all__ = [
    "CHECK_KINDS",
    "Finding",
    "GameChecks",
    "Problem",
    "Severity",
    "place",
]

Severity = Literal["error", "warning"]
#: What a check of one record finds: severity, kind and message (the validator adds the rest).
Problem = tuple[Severity, str, str]

#: The kinds of finding every game's draws are checked for (a game's own are in its ``CHECKS``).
CHECK_KINDS: Final = {
    # each draw
    "order": "ball numbers not printed ascending",
    "draw-order": "a labelled draw order that is not the result's balls",
    "issue-year": "the issue's year is not the date's",
    "weekday": "not a draw day, or not the weekday printed",
    "issue-number": "more issues than the draw days allow",
    "prize": "an announced fixed prize that differs from the rules",
    "test-number": "a 试机号 of the wrong length",
    # across draws
    "hole": "missing issue numbers",
    "date-order": "dates that do not rise with the issue",
    "conflict": "one issue, two results or dates",
    "stuck": "the same result too many times in a row",
}
assert not set(CHECK_KINDS) & set(FAULT_KINDS)  # noqa: S101 - one word, one meaning


@attrs.frozen
class Finding:
    """Something wrong (``error``) or worth a look (``warning``) in the inputs.

    ``kind`` is a fault kind (:data:`lottery.exceptions.FAULT_KINDS`) for a
    record that holds no draw, else a check's kind (:data:`CHECK_KINDS` or a
    game's own).
    """

    severity: Severity
    kind: str
    game: str | None
    issue: str | None
    where: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return attrs.asdict(self)


def place(record: Record) -> str:
    """Where a record is, as findings say it: ``file.json, record 3 (2019021)``."""
    return f"{record.source}, {record.where}"


@attrs.frozen
class GameChecks:
    """The checks only one game needs, run by the validator through one hook.

    ``record`` checks one record that holds a draw of the game; ``suspects``
    names the records of a chunk of the game's that ``record`` may find
    something in (positions; the validator runs ``record`` on those alone),
    every record without it.  ``history``
    checks the game's draws: it gets every game's records that hold a draw, by
    code, in issue order (records of one issue in input order: sources may
    disagree), so that a check can relate two games.
    ``summary`` says in one line which of these checks held (or ``""``), so
    that a clean run says what it checked.  ``kinds`` names and explains the
    finding kinds these checks report; ``tier_kinds`` gives the kind of a
    finding about an announced tier the draw's rules do not have.
    """

    kinds: Mapping[str, str] = attrs.field(factory=dict)
    tier_kinds: Mapping[str, str] = attrs.field(factory=dict)
    record: Callable[[Record], Iterable[Problem]] | None = None
    suspects: Callable[[Sequence[Record]], Iterable[int]] | None = None
    history: Callable[[Mapping[str, Sequence[Record]]], Iterable[Finding]] | None = None
    summary: Callable[[Mapping[str, Sequence[Draw]], Sequence[Finding]], str] | None = None
