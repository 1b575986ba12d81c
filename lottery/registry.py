"""The games the library knows, keyed by code, and lookup by any of their names.

>>> import lottery
>>> [g.code for g in lottery.games()]
['qxc', 'pl3', 'pl5', 'ssq', '3d', '15x5']
>>> lottery.get_game("排列三").code, lottery.get_game("福彩３Ｄ").code
('pl3', '3d')
>>> lottery.get_game("大乐透")
Traceback (most recent call last):
...
lottery.exceptions.UnknownGame: unknown game '大乐透' (known: qxc 七星彩, pl3 排列3,
pl5 排列5, ssq 双色球, 3d 福彩3D, 15x5 15选5)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from lottery import _text
from lottery.exceptions import UnknownGame
from lottery.games import fc3d, hd15x5, pl3, pl5, qxc, ssq
from lottery.model import Game

__all__ = ["GAMES", "games", "get_game"]

#: Every game by code, in the order the seed page prints them.
GAMES: Final[Mapping[str, Game]] = MappingProxyType(
    {game.code: game for game in (qxc.GAME, pl3.GAME, pl5.GAME, ssq.GAME, fc3d.GAME, hd15x5.GAME)},
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
