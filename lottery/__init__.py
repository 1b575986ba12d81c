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

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from lottery._version import __version__

if TYPE_CHECKING:  # the names the package offers; imported when first used (start-up stays light)
    from collections.abc import Callable

    from lottery.audit import audit
    from lottery.batch import check_many
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
    from lottery.tally import Rejected, Tally, Winner

#: Where each public name lives: ``import lottery`` imports none of them until asked.
_HOMES: dict[str, str] = {
    "check_many": "lottery.batch",
    **dict.fromkeys(("Rejected", "Tally", "Winner"), "lottery.tally"),
    **dict.fromkeys(("CheckResult", "Win", "check"), "lottery.check"),
    **dict.fromkeys(
        (
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
        ),
        "lottery.exceptions",
    ),
    **dict.fromkeys(("Draw", "Ticket"), "lottery.model"),
    **dict.fromkeys(("parse_draw", "parse_ticket"), "lottery.notation"),
    **dict.fromkeys(("games", "get_game"), "lottery.registry"),
    **dict.fromkeys(("Edition", "Game", "Play", "Tier", "Zone"), "lottery.rules"),
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - any of the package's names
    """Import a public name from its module the first time it is asked for (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        msg = f"module 'lottery' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def _loaded(name: str) -> types.ModuleType:
    """The module ``name``, imported once, then looked up.

    ``lottery.check`` is on the path of every ticket checked (``import_module``: 0.4 µs a call).
    """
    module = sys.modules.get(name)
    return module if module is not None else importlib.import_module(name)


class _Package(types.ModuleType):
    """The package, whose ``check`` and ``games`` stay functions when their modules load.

    Importing the submodule ``lottery.check`` (or the package ``lottery.games``)
    binds it on the package; these properties keep the public functions there.
    """

    @property
    def check(self) -> Callable[..., Any]:
        """:func:`lottery.check.check`."""
        return _loaded("lottery.check").check  # type: ignore[no-any-return]

    @check.setter
    def check(self, module: object) -> None:
        del module  # the submodule lottery.check: reachable through sys.modules

    @property
    def audit(self) -> Callable[..., Any]:
        """:func:`lottery.audit.audit`."""
        return _loaded("lottery.audit").audit  # type: ignore[no-any-return]

    @audit.setter
    def audit(self, module: object) -> None:
        del module  # the submodule lottery.audit: reachable through sys.modules

    @property
    def games(self) -> Callable[..., Any]:
        """:func:`lottery.registry.games`."""
        return _loaded("lottery.registry").games  # type: ignore[no-any-return]

    @games.setter
    def games(self, module: object) -> None:
        del module  # the package lottery.games: reachable through sys.modules


sys.modules[__name__].__class__ = _Package

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
    "audit",
    "check",
    "check_many",
    "games",
    "get_game",
    "parse_draw",
    "parse_ticket",
]


def __dir__() -> list[str]:
    return sorted(__all__)
