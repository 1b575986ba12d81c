"""The one error hierarchy of the library.

Every error the library raises on purpose derives from :class:`LotteryError`.
Errors about bad input are also :class:`ValueError`, so callers that already
catch ``ValueError`` keep working.  A message names the game, the offending
token and where it is (1-based character column in the text that was given).

>>> import lottery
>>> try:
...     lottery.parse_ticket("ssq", "02 05 07 08 20 34 + 04")
... except lottery.InvalidNumber as error:
...     caught = error
>>> print(caught)
双色球 (ssq): 红球 number '34' at column 16 is out of range 01–33
>>> isinstance(caught, ValueError), caught.game, caught.token, caught.position
(True, 'ssq', '34', 16)
"""

from __future__ import annotations

__all__ = [
    "DuplicateNumber",
    "EditionMismatch",
    "GameMismatch",
    "InvalidCount",
    "InvalidFormat",
    "InvalidIssue",
    "InvalidNumber",
    "LotteryError",
    "UnknownGame",
    "UnsupportedPlay",
    "ValidationError",
]


class LotteryError(Exception):
    """Root of every error the library raises on purpose.

    ``game`` is the game's code (or ``None``), ``token`` the offending piece of
    text and ``position`` its 1-based column in the text that was parsed.
    """

    message = "lottery error"

    def __init__(
        self,
        message: str | None = None,
        *,
        game: str | None = None,
        token: str | None = None,
        position: int | None = None,
    ) -> None:
        self.message = message if message is not None else type(self).message
        self.game = game
        self.token = token
        self.position = position
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class ValidationError(LotteryError, ValueError):
    """Input that does not follow a game's rules or notation."""

    message = "invalid input"


class InvalidFormat(ValidationError):
    """Text that cannot be read as the notation it should be in."""

    message = "invalid format"


class InvalidNumber(ValidationError):
    """A number outside its zone's range, or not written with ASCII digits."""

    message = "invalid number"


class DuplicateNumber(ValidationError):
    """The same number twice where numbers must be distinct."""

    message = "duplicate number"


class InvalidCount(ValidationError):
    """Too many or too few numbers, 胆, bets or a bad multiple."""

    message = "wrong count"


class InvalidIssue(ValidationError):
    """An issue number (期号) that is not in the game's format."""

    message = "invalid issue number"


class UnknownGame(ValidationError):
    """A game name or code the library does not know."""

    message = "unknown game"


class UnsupportedPlay(ValidationError):
    """A play that exists but whose rules are not known well enough to score."""

    message = "unsupported play"


class GameMismatch(LotteryError, ValueError):
    """A ticket checked against a draw of another game."""

    message = "ticket and draw are of different games"


class EditionMismatch(GameMismatch):
    """A ticket written for one rule edition checked against a draw of another.

    七星彩 changed its number layout in 2020: a 7-digit ticket of the original
    game cannot be scored against a 6+1 draw, and the other way round.
    """

    message = "ticket and draw follow different rule editions"
