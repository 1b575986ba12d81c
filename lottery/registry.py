"""The games the library knows, keyed by code, and lookup by any of their names.

Each game is a module of :mod:`lottery.games` with a ``GAME`` and, where it
needs checks of its own, ``CHECKS``; adding a game is adding its module to
``_MODULES`` below.

>>> import lottery
>>> [g.code for g in lottery.games()]
['qxc', 'pl3', 'pl5', 'ssq', '3d', '15x5', 'dlt', 'qlc', 'kl8']
>>> lottery.get_game("排列三").code, lottery.get_game("福彩３Ｄ").code
('pl3', '3d')
>>> lottery.get_game("乐透")
Traceback (most recent call last):
...
lottery.exceptions.UnknownGame: unknown game '乐透' (known: qxc 七星彩, pl3 排列3,
pl5 排列5, ssq 双色球, 3d 福彩3D, 15x5 15选5, dlt 大乐透, qlc 七乐彩, kl8 快乐8)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType, ModuleType
from typing import Final

from lottery import _text
from lottery.exceptions import UnknownGame
from lottery.findings import GameChecks
from lottery.games import dlt, fc3d, hd15x5, kl8, pl3, pl5, qlc, qxc, ssq
from lottery.rules import Game

__all__ = ["GAMES", "checks", "feed_game", "games", "get_game"]

#: The game modules: the seed page's six in its order, then the national games added.
_MODULES: Final[tuple[ModuleType, ...]] = (qxc, pl3, pl5, ssq, fc3d, hd15x5, dlt, qlc, kl8)

#: Every game by code.
GAMES: Final[Mapping[str, Game]] = MappingProxyType({m.GAME.code: m.GAME for m in _MODULES})

_CHECKS: Final[Mapping[str, GameChecks]] = MappingProxyType(
    {m.GAME.code: getattr(m, "CHECKS", GameChecks()) for m in _MODULES},
)

_FEEDS: Final[Mapping[tuple[str, str], Game]] = MappingProxyType(
    {
        (feed, name): game
        for game in GAMES.values()
        for feed, names in game.feeds.items()
        for name in names
    },
)


def _key(name: str) -> str:
    return _text.normalize(name).strip().casefold()


_NAMES: Final[Mapping[str, Game]] = MappingProxyType(
    {
        _key(alias): game
        for game in GAMES.values()
        for alias in (game.code, game.name, *game.aliases)
    },
)


_EXACT: Final[Mapping[str, Game]] = MappingProxyType(
    {alias: game for game in GAMES.values() for alias in (game.code, game.name, *game.aliases)},
)


def games() -> tuple[Game, ...]:
    """All games, in registry order."""
    return tuple(GAMES.values())


def get_game(name: str | Game) -> Game:
    """The game with this code, Chinese name or alias (case and width ignored)."""
    if isinstance(name, Game):
        return name
    exact = _EXACT.get(name) if isinstance(name, str) else None
    if exact is not None:
        return exact
    if not isinstance(name, str):
        msg = f"a game name must be a str, not {type(name).__name__}"
        raise TypeError(msg)
    game = _NAMES.get(_key(name))
    if game is None:
        known = ", ".join(f"{g.code} {g.name}" for g in GAMES.values())
        msg = f"unknown game {name!r} (known: {known})"
        raise UnknownGame(msg, token=name)
    return game


_NO_CHECKS: Final = GameChecks()


def checks(game: Game) -> GameChecks:
    """The checks only ``game`` needs (none: an empty :class:`~lottery.findings.GameChecks`)."""
    found = _CHECKS.get(game.code)
    return found if found is not None else _NO_CHECKS


def feed_game(feed: str, name: str) -> Game | None:
    """The game an official feed calls ``name`` (``feed_game("sporttery", "35")``), if known."""
    return _FEEDS.get((feed, name.strip()))
