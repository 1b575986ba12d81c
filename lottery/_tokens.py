"""Private token layer: splitting text into tokens with their spans, reading numbers.

Every reader of numbers (the notation, the plays, the games) splits and reads
through these functions, so a token is read one way everywhere and every
error points at the same column.  Offsets are 0-based; messages say 1-based
columns.  Numbers are read from ASCII digits only (full-width ones are mapped
to ASCII by :func:`lottery._text.normalize` first); ``٣``, ``²`` or ``⑱`` are
refused, never converted.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from lottery import _text
from lottery.exceptions import InvalidFormat, InvalidNumber, ValidationError

if TYPE_CHECKING:
    from lottery.rules import Game, Zone

__all__ = ["bad_token", "read_number", "split_on", "split_tokens", "strip_span"]


def split_tokens(text: str, offset: int = 0) -> list[tuple[str, int]]:
    """Split on white space and commas; each token with its 0-based offset."""
    spaced = text.replace(",", " ") if "," in text else text
    out: list[tuple[str, int]] = []
    cursor = 0
    for token in spaced.split():
        at = spaced.find(token, cursor)
        out.append((token, offset + at))
        cursor = at + len(token)
    return out


def split_on(text: str, sep: str, offset: int) -> list[tuple[str, int]]:
    """Split ``text`` on ``sep``; each part with its offset."""
    out: list[tuple[str, int]] = []
    start = 0
    while True:
        at = text.find(sep, start)
        if at < 0:
            out.append((text[start:], offset + start))
            return out
        out.append((text[start:at], offset + start))
        start = at + len(sep)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``text[start:end]`` past white space on both sides."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def bad_token(game: Game, what: str, token: str, pos: int) -> ValidationError:
    """The error for a token that is not a number: foreign digits, or not digits at all."""
    shown = repr(_text.cut(token, 21))
    if any(not ch.isascii() and unicodedata.category(ch) in ("Nd", "No", "Nl") for ch in token):
        msg = (
            f"{game.label}: {what} {shown} at column {pos + 1} is not written with"
            " ASCII or full-width digits"
        )
        return InvalidNumber(msg, game=game.code, token=token, position=pos + 1)
    msg = f"{game.label}: {what} {shown} at column {pos + 1} is not a number"
    return InvalidFormat(msg, game=game.code, token=token, position=pos + 1)


def read_number(game: Game, zone: Zone, token: str, pos: int) -> int:
    """Read one number of ``zone``: ASCII digits, in range, not absurdly long."""
    number = zone.tokens.get(token)
    if number is not None:
        return number
    what = f"{zone.name} number"
    if not _text.is_digits(token):
        raise bad_token(game, what, token, pos)
    longest = max(zone.width, len(str(zone.high)))
    if len(token) > longest:
        msg = (
            f"{game.label}: {what} {_text.cut(token, 21)!r} at column {pos + 1} has too many"
            f" digits (at most {longest})"
        )
        raise InvalidNumber(msg, game=game.code, token=token, position=pos + 1)
    number = int(token)
    if not zone.low <= number <= zone.high:
        msg = (
            f"{game.label}: {what} {token!r} at column {pos + 1} is out of range"
            f" {zone.range_text()}"
        )
        raise InvalidNumber(msg, game=game.code, token=token, position=pos + 1)
    return number
