"""The one error hierarchy of the library, and the one vocabulary of faults.

Every error the library raises on purpose derives from :class:`LotteryError`.
Errors about bad input are also :class:`ValueError`, so callers that already
catch ``ValueError`` keep working.  A message names the game, the offending
token and where it is (1-based character column in the text that was given).

Every error has a :data:`FaultKind`: the same short word names the same fault
wherever it is reported (a rejected ticket of ``check_many``, a reader's
record, a validator finding, the command line's JSON).  :data:`FAULT_KINDS`
says what each means.

>>> import lottery
>>> try:
...     lottery.parse_ticket("ssq", "02 05 07 08 20 34 + 04")
... except lottery.InvalidNumber as error:
...     caught = error
>>> print(caught)
双色球 (ssq): 红球 number '34' at column 16 is out of range 01–33
>>> isinstance(caught, ValueError), caught.game, caught.token, caught.position
(True, 'ssq', '34', 16)
>>> caught.kind, caught.span
('range', (15, 17))
>>> print(caught.render())
双色球 (ssq): 红球 number '34' at column 16 is out of range 01–33
    02 05 07 08 20 34 + 04
                   ~^
"""

from __future__ import annotations

from typing import Final, Literal

from lottery._text import width

__all__ = [
    "FAULT_KINDS",
    "DuplicateNumber",
    "EditionMismatch",
    "FaultKind",
    "GameMismatch",
    "InvalidCount",
    "InvalidFormat",
    "InvalidIssue",
    "InvalidNumber",
    "LotteryError",
    "UnknownGame",
    "UnreadableInput",
    "UnsupportedPlay",
    "ValidationError",
]

#: Why an input holds no ticket or draw: one word per fault, everywhere.
FaultKind = Literal[
    "count",
    "range",
    "duplicate",
    "issue",
    "format",
    "game",
    "unsupported",
    "mismatch",
    "edition",
    "unreadable",
    "no-result",
    "type",
    "invalid",
]

#: What each fault kind means (``docs/announcements.md`` shows the same table).
FAULT_KINDS: Final[dict[FaultKind, str]] = {
    "count": "too many or too few numbers, 胆, positions or bets, or a bad multiple",
    "range": "a number out of range, or not written with ASCII or full-width digits",
    "duplicate": "the same number twice where numbers must be distinct",
    "issue": "no issue number, or not YYNNN / YYYYNNN",
    "format": "text that cannot be read as the notation it should be in",
    "game": "a game the library does not know, or cannot tell",
    "unsupported": "a play that exists but whose rules are not known well enough to score",
    "mismatch": "a ticket and a draw of different games",
    "edition": "a ticket written for one rule edition, a draw of another",
    "unreadable": "a file, header or row that cannot be read at all",
    "no-result": "only a 试机号, never the result",
    "type": "not text, nor a ticket or draw, at all (a number, None …)",
    "invalid": "any other reason an input holds no ticket or draw",
}


class LotteryError(Exception):
    """Root of every error the library raises on purpose.

    ``game`` is the game's code (or ``None``), ``token`` the offending piece of
    text and ``position`` its 1-based column in the text that was parsed;
    ``text`` is that text, where the parser knows it.  ``kind`` is the fault's
    word in :data:`FAULT_KINDS`.
    """

    message = "lottery error"
    kind: FaultKind = "invalid"

    def __init__(
        self,
        message: str | None = None,
        *,
        game: str | None = None,
        token: str | None = None,
        position: int | None = None,
        text: str | None = None,
    ) -> None:
        self.message = message if message is not None else type(self).message
        self.game = game
        self.token = token
        self.position = position
        self.text = text
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    @property
    def span(self) -> tuple[int, int] | None:
        """``(start, end)``: 0-based offsets of the token in ``text``, if known."""
        if self.position is None:
            return None
        start = self.position - 1
        return start, start + max(1, len(self.token or ""))

    def render(self, text: str | None = None) -> str:
        """The message, then the input with ``~~^`` under the token (as ``packaging`` does).

        ``text`` is the input the error is about (default: the one the parser
        recorded).  Without a text or a position, just the message.
        """
        line = text if text is not None else self.text
        span = self.span
        if line is None or span is None or span[0] > len(line) or "\n" in line:
            return self.message
        start, end = span[0], min(span[1], max(len(line), span[0] + 1))
        lead = width(line[:start])
        under = max(1, width(line[start:end]))
        return f"{self.message}\n    {line}\n    {' ' * lead}{'~' * (under - 1)}^"


class ValidationError(LotteryError, ValueError):
    """Input that does not follow a game's rules or notation."""

    message = "invalid input"


class InvalidFormat(ValidationError):
    """Text that cannot be read as the notation it should be in."""

    message = "invalid format"
    kind: FaultKind = "format"


class InvalidNumber(ValidationError):
    """A number outside its zone's range, or not written with ASCII digits."""

    message = "invalid number"
    kind: FaultKind = "range"


class DuplicateNumber(ValidationError):
    """The same number twice where numbers must be distinct."""

    message = "duplicate number"
    kind: FaultKind = "duplicate"


class InvalidCount(ValidationError):
    """Too many or too few numbers, 胆, bets or a bad multiple."""

    message = "wrong count"
    kind: FaultKind = "count"


class InvalidIssue(ValidationError):
    """An issue number (期号) that is not in the game's format."""

    message = "invalid issue number"
    kind: FaultKind = "issue"


class UnreadableInput(ValidationError):
    """An input that holds no text to read: empty, binary, or larger than the limit."""

    message = "unreadable input"
    kind: FaultKind = "unreadable"


class UnknownGame(ValidationError):
    """A game name or code the library does not know."""

    message = "unknown game"
    kind: FaultKind = "game"


class UnsupportedPlay(ValidationError):
    """A play that exists but whose rules are not known well enough to score."""

    message = "unsupported play"
    kind: FaultKind = "unsupported"


class GameMismatch(LotteryError, ValueError):
    """A ticket checked against a draw of another game."""

    message = "ticket and draw are of different games"
    kind: FaultKind = "mismatch"


class EditionMismatch(GameMismatch):
    """A ticket written for one rule edition checked against a draw of another.

    七星彩 changed its number layout in 2020: a 7-digit ticket of the original
    game cannot be scored against a 6+1 draw, and the other way round.
    """

    message = "ticket and draw follow different rule editions"
    kind: FaultKind = "edition"
