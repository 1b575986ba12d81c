"""Values as result feeds write them: amounts, prizes, lists, game names; a record's text.

Shared by the readers of each feed (:mod:`lottery.feeds`, :mod:`lottery._cwlfeed`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

from lottery import _text
from lottery._text import shorten
from lottery.exceptions import LotteryError
from lottery.grammar import read_amount, read_prize
from lottery.registry import get_game
from lottery.rules import Game

__all__ = ["amount", "as_list", "as_text", "game_named", "prize"]

#: What feeds write for "no amount" (an unwon 追加 row: "-1", "---").
_NO_AMOUNT: Final = frozenset({"", "-", "--", "---", "-1"})


def amount(game: Game, value: object) -> int | None:
    """A whole count or sum from a feed (``"12,224"``; a pool ``982,320,278.84`` loses its fen)."""
    if type(value) is str and value.isascii() and value.isdecimal() and len(value) < 16:
        return int(value)  # the usual "12224"
    if value is None or value == "" or isinstance(value, bool):
        return None
    if type(value) is int:
        return value if value >= 0 else None
    text = str(value).strip()
    plain = _text.plain_int(text)  # "12224" with white space: no grammar
    if plain is not None or text in _NO_AMOUNT:
        return plain
    whole = text.split(".", 1)[0]
    try:
        return read_amount(game, whole, 0)
    except LotteryError:
        return None


def prize(game: Game, value: object) -> tuple[Decimal | None, Decimal | None]:
    """A prize per bet from a feed, exact (``"4.5"``, ``"1,040"``, ``"N(含派奖M)"``); its 派奖."""
    if value is None or isinstance(value, bool):
        return None, None
    text = str(value).strip()
    if _text.plain_int(text) is not None:  # the usual "1040": exact at once
        return Decimal(text), None
    text = text.replace("（", "(").replace("）", ")")
    if text in _NO_AMOUNT:
        return None, None
    try:
        return read_prize(game, text, 0)
    except LotteryError:
        return None, None


def as_list(value: object) -> list[Any]:
    """A JSON array field, or nothing when the field is missing or of another type."""
    return value if isinstance(value, list) else []


def game_named(name: object, hint: Game | None) -> Game | None:
    """The game a feed names (any of its names), ``hint`` if it names none."""
    if isinstance(name, str) and name.strip():
        try:
            return get_game(name.strip())
        except LotteryError:
            return None
    return hint


def as_text(item: Mapping[str, Any]) -> Callable[[], str]:
    """The record as JSON text, made only if a message shows it."""
    return lambda: shorten(json.dumps(item, ensure_ascii=False))
