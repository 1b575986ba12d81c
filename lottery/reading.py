"""Building input records: raw fields of an announcement → a :class:`~lottery.records.Record`.

Every reader (newspaper text, the official feeds, CSV) hands what it found
to :func:`make_record`, which reads the numbers through the one grammar of
:mod:`lottery.notation` and validates the draw; an invalid draw becomes a
record that says why, so that nothing is lost.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Final

from lottery import _text
from lottery._money import money
from lottery.exceptions import InvalidCount, InvalidFormat, InvalidIssue, LotteryError, UnknownGame
from lottery.grammar import read_numbers, scan_numbers
from lottery.model import Draw
from lottery.records import Record
from lottery.rules import Edition, Game, Zone

__all__ = ["make_record", "numbers_of_text"]

#: Numbers already in notation: digits, spaces, commas, ``+``.
_PLAIN: Final = re.compile(r"[0-9 ,+]*")


_WEEKDAYS: Final = frozenset("一二三四五六日天")

#: What a record's numbers are printed as, kept as ``printed`` in the order given.
_PRINTED: Final = (str, tuple, list)


def _iso_date(text: str) -> tuple[datetime.date, str | None] | None:
    """``2025-06-05`` or ``2025-06-05(四)``, as feeds print them, without the date grammar."""
    head = text[:10]
    if not (len(head) == 10 and head.isascii() and head[4] == "-" and head[7] == "-"):
        return None
    weekday = None
    if len(text) > 10:
        rest = text[10:]
        if len(rest) != 3 or rest[0] != "(" or rest[2] != ")" or rest[1] not in _WEEKDAYS:
            return None
        weekday = rest[1]
    try:  # ASCII YYYY-MM-DD: nothing else passes
        return datetime.date.fromisoformat(head), weekday
    except ValueError:
        return None  # the grammar says what is wrong


def _read_date(
    game: Game,
    issue: str,
    date: datetime.date | str | None,
) -> tuple[datetime.date | None, str | None]:
    """A record's date and the weekday printed with it (``2025-06-05(四)``)."""
    if not isinstance(date, str):
        return date, None
    quick = _iso_date(date)
    if quick is not None:
        return quick
    found = _text.match_date(_text.normalize(date).strip())
    if found is None:
        msg = f"{game.label}: issue {issue} has an unreadable date {date!r}"
        raise InvalidFormat(msg, game=game.code, token=date)
    return found[0], found[1]


#: Plain numbers already read, by edition and text: histories repeat results (3D: 1,000).
_SEEN: dict[tuple[Edition, str], tuple[int, ...]] = {}
_SEEN_MOST: Final = 1 << 14


def _numbers(game: Game, edition: Edition, numbers: str | Sequence[int]) -> tuple[int, ...]:
    """A record's numbers: plain ones in one pass, anything else through the grammar."""
    if not isinstance(numbers, str):
        return tuple(numbers)
    known = _SEEN.get((edition, numbers))
    if known is not None:
        return known  # a result seen before (3D has a thousand)
    plain = _plain_numbers(edition, numbers)
    if plain is not None:
        if len(_SEEN) >= _SEEN_MOST:
            _SEEN.clear()
        _SEEN[edition, numbers] = plain
        return plain
    norm = _text.normalize(numbers)
    if _PLAIN.fullmatch(norm) is None:  # labels, hyphens: through the grammar
        scanned, stop = scan_numbers(norm, 0, len(norm), edition)
        norm = scanned if not norm[stop:].strip() else norm
    return read_numbers(game, edition, norm)


def numbers_of_text(game: Game, edition: Edition, text: str) -> tuple[int, ...]:
    """The numbers of a history's cell, read as :func:`make_record` reads them."""
    return _numbers(game, edition, text)


def _plain_numbers(edition: Edition, text: str) -> tuple[int, ...] | None:
    """``3,2,6``, ``01 02 03 04 05 06 + 07``: each number a known token, one pass; else ``None``.

    Anything else (glued digits, labels, a bad number) is read by the grammar,
    which explains what is wrong.
    """
    zones = edition.zones
    groups = _groups(zones, edition.size, text)
    if groups is None:
        return None
    try:
        if len(zones) == 1:  # the digit games, 15选5: one table, one pass
            return tuple(map(zones[0].tokens.__getitem__, groups[0]))
        out: list[int] = []
        for zone, group in zip(zones, groups, strict=True):
            out += map(zone.tokens.__getitem__, group)
        return tuple(out)
    except KeyError:  # not a number of its zone: the grammar says why
        return None


def _groups(zones: Sequence[Zone], size: int, text: str) -> list[list[str]] | None:
    """Each zone's tokens: split at ``+``, or (without one) by the zones' sizes."""
    if len(zones) == 1 or "+" not in text:
        tokens = text.replace(",", " ").split()
        if len(tokens) != size:
            return None
        if len(zones) == 1:
            return [tokens]
        groups = []
        start = 0
        for zone in zones:
            groups.append(tokens[start : start + zone.size])
            start += zone.size
        return groups
    parts = text.split("+")
    if len(parts) != len(zones):
        return None
    groups = [part.replace(",", " ").split() for part in parts]
    if any(len(g) != z.size for g, z in zip(groups, zones, strict=True)):
        return None
    return groups


def _announced(
    edition: Edition,
    prizes: Sequence[tuple[str, int | Decimal]],
    promotions: Sequence[tuple[str, Decimal]],
    extras: dict[str, Any],
) -> tuple[tuple[tuple[str, Decimal], ...], tuple[tuple[str, Decimal], ...]]:
    """The announced prizes of the edition's tiers and their 派奖; others go to ``foreign``."""
    known = tuple((t, money(a)) for t, a in prizes if edition.has_tier(t))
    if len(known) < len(prizes):
        extras["foreign"] = tuple((t, money(a)) for t, a in prizes if not edition.has_tier(t))
    offers = tuple((t, money(a)) for t, a in promotions if any(t == k for k, _ in known))
    return known, offers


def make_record(
    source: str,
    where: str,
    text: str | Callable[[], str],
    game: Game | None,
    *,
    issue: str | None,
    numbers: str | Sequence[int] | None,
    date: datetime.date | str | None = None,
    prizes: Sequence[tuple[str, int | Decimal]] = (),
    special: bool | None = None,
    promotions: Sequence[tuple[str, Decimal]] = (),
    pool_before: int | None = None,
    **extras: Any,  # noqa: ANN401 - Record fields
) -> Record:
    """Build the record, validating its draw; an invalid draw becomes an error."""
    if isinstance(text, str):
        text = _text.shorten(text)
    try:
        if game is None:
            msg = "cannot tell which game this is"
            raise UnknownGame(msg)
        if issue is None or not (issue if type(issue) is str else str(issue)).strip():
            msg = f"{game.label}: no issue number"
            raise InvalidIssue(msg, game=game.code)
        official = game.parse_issue(issue if type(issue) is str else str(issue))
        edition = game.edition(official)
        if numbers is None or (type(numbers) is str and not numbers.strip()):
            msg = f"{game.label}: issue {official} has no numbers"
            raise InvalidCount(msg, game=game.code)
        values = _numbers(game, edition, numbers)
        when, printed_weekday = _read_date(game, official, date)
        if printed_weekday and not extras.get("weekday"):
            extras["weekday"] = printed_weekday
        known, offers = _announced(edition, prizes, promotions, extras) if prizes else ((), ())
        if edition.period_tier is None:
            special = None  # a claim shows in ``foreign`` when it came with a 福运奖 amount
        if pool_before is not None and (type(pool_before) is not int or pool_before < 0):
            msg = f"{game.label}: the pool before the draw is not a whole number of yuan ≥ 0"
            raise InvalidFormat(msg, game=game.code, token=str(pool_before))
        draw = Draw._read(  # noqa: SLF001 - its reader
            game,
            official,
            edition,
            values,
            when,
            known,
            special_period=special,
            promotions=offers,
            pool_before=pool_before,
        )
    except LotteryError as error:
        return Record(
            source, where, text, game, issue=issue, error=str(error), kind=error.kind, **extras
        )
    if extras.get("printed") is None and isinstance(numbers, _PRINTED):
        extras["printed"] = values
    return Record(source, where, text, game, draw=draw, issue=issue, **extras)
