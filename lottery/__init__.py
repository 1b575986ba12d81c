"""lottery: rules, announcements and ticket checking for Chinese lotteries.

Six games as versioned rule data (七星彩, 排列3, 排列5, 双色球, 福彩3D, 15选5),
a notation for tickets and draws, and :func:`check`, which scores any ticket
(单式, 复式, 胆拖 and the digit games' plays) by counting, never by
expanding it.

>>> import lottery
>>> draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
>>> result = lottery.check(lottery.parse_ticket("ssq", "01 02 05 07 08 20 27 + 04 09"), draw)
>>> result.bets, [(w.tier, w.count) for w in result.wins]
(14, [('一等奖', 1), ('二等奖', 1), ('三等奖', 6), ('四等奖', 6)])
>>> result.wins[2].prize, result.total, result.pending
(Decimal('3000'), Decimal('19200'), ('一等奖', '二等奖'))

Money is exact: every prize and total is a :class:`~decimal.Decimal` (快乐8 pays
4.5元), equal to the integers of whole amounts.
"""

from __future__ import annotations

from lottery._version import __version__
from lottery.batch import Rejected, Tally, Winner, check_many
from lottery.check import CheckResult, Win, check
from lottery.exceptions import (
    DuplicateNumber,
    EditionMismatch,
    GameMismatch,
    InvalidCount,
    InvalidFormat,
    InvalidIssue,
    InvalidNumber,
    LotteryError,
    UnknownGame,
    UnsupportedPlay,
    ValidationError,
)
from lottery.model import Draw, Ticket
from lottery.notation import parse_draw, parse_ticket
from lottery.registry import games, get_game
from lottery.rules import Edition, Game, Play, Tier, Zone

__all__ = [
    "CheckResult",
    "Draw",
    "DuplicateNumber",
    "Edition",
    "EditionMismatch",
    "Game",
    "GameMismatch",
    "InvalidCount",
    "InvalidFormat",
    "InvalidIssue",
    "InvalidNumber",
    "LotteryError",
    "Play",
    "Rejected",
    "Tally",
    "Ticket",
    "Tier",
    "UnknownGame",
    "UnsupportedPlay",
    "ValidationError",
    "Win",
    "Winner",
    "Zone",
    "__version__",
    "check",
    "check_many",
    "games",
    "get_game",
    "parse_draw",
    "parse_ticket",
]


def __dir__() -> list[str]:
    return sorted(__all__)
