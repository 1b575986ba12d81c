"""China Welfare Lottery draw notices ([O-cwl-feed]): one at a time, or a chunk at a time.

:func:`record` reads any notice and says what is wrong with a bad one.  A
feed is thousands of notices of the same shape, so :func:`read_chunk` (the
feed lane) takes a chunk of one game's plain ones (strings where the feed
writes strings, ISO dates, no notices, 派奖 or 福运奖 fields) column by
column and builds each draw and record from their values directly, with the
same constructors; every other notice is left to :func:`record`.  Both give
the same record (a property test compares them on random and damaged feeds).
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple

from lottery import _text
from lottery._drawrules import columns_in_order
from lottery._feedvalues import amount, as_list, as_text, game_named, prize
from lottery._money import money
from lottery.exceptions import LotteryError
from lottery.model import Draw
from lottery.reading import make_record
from lottery.records import Record
from lottery.registry import feed_game
from lottery.rules import Edition, Game

__all__ = ["CHUNK", "ENABLED", "grades", "is_notice", "read_chunk", "record"]

#: Notices read together by the lane.
CHUNK = 1024
#: Whether the lane is used (the tests compare it with :func:`record` by switching it off).
ENABLED = True

#: A CWL record's notices (rules, caps), kept as notes.
_NOTE_KEYS: Final = ("specialRuleInfo", "prizeSpecialInfo", "compLimitInfo")
#: A CWL record's 派奖 fields, kept as notes when set.
_PROMOTION_KEYS: Final = ("zj1", "mj1", "zj6", "mj6", "addmoney")
#: Both, looked up in one pass (most records have none set).
_EXTRA_KEYS: Final = _NOTE_KEYS + _PROMOTION_KEYS
#: The fields of the period's tier (福运奖), read apart from ``prizegrades``.
_PERIOD_KEYS: Final = frozenset({"fyjMoney", "fyjCount"})


def is_notice(item: Mapping[str, Any]) -> bool:
    """Whether a JSON object is a CWL notice (and not a sports-lottery record)."""
    return (
        "red" in item
        and ("code" in item or "name" in item)
        and "lotteryDrawNum" not in item
        and "lotteryDrawResult" not in item
    )


@functools.lru_cache(maxsize=256)
def _game(name: str) -> Game | None:
    """The game a CWL record's ``name`` is (a feed code or a name of the game): looked up once."""
    return feed_game("cwl", name) or game_named(name, None)


def _note(key: str, value: object) -> str:
    """A notice as it reads, a 派奖 field with its name."""
    return str(value).strip() if key in _NOTE_KEYS else f"派奖 {key}={value}"


def _present(item: Mapping[str, Any], keys: tuple[str, ...]) -> list[tuple[str, Any]]:
    """The fields of ``keys`` that are set (not empty, zero or missing)."""
    return [(key, value) for key, value in zip(keys, map(item.get, keys), strict=True) if value]


_Grades = tuple[list[tuple[str, Decimal]], list[tuple[str, Decimal]], list[tuple[str, int]]]


def grades(game: Game, item: Mapping[str, Any]) -> _Grades:
    """A notice's ``prizegrades``: prizes, 派奖 and winners by tier (unnamed tiers left out)."""
    prizes: list[tuple[str, Decimal]] = []
    promotions: list[tuple[str, Decimal]] = []
    winners: list[tuple[str, int]] = []
    for grade in as_list(item.get("prizegrades")):
        if not isinstance(grade, dict):
            continue
        kind = grade.get("type")  # 1 … 7, or 快乐8's "x10z9"
        tier = game.tier_aliases.get(str(kind)) if isinstance(kind, (int, str)) else None
        count = amount(game, grade.get("typenum"))
        paid, promotion = prize(game, grade.get("typemoney"))
        if tier is None or count is None:
            continue
        winners.append((tier, count))
        if count and paid:
            prizes.append((tier, paid))
            if promotion:
                promotions.append((tier, promotion))
    return prizes, promotions, winners


def record(item: Mapping[str, Any], source: str, where: str, hint: Game | None) -> Record:
    """A China Welfare Lottery draw notice ([O-cwl-feed])."""
    name = item.get("name")
    game = _game(name) if isinstance(name, str) and name.strip() else hint
    text = as_text(item)
    if game is None:
        return Record(
            source,
            where,
            text,
            None,
            error=f"unknown game {item.get('name')!r}",
            kind="game",
        )
    issue = item.get("code")
    red = str(item.get("red") or "")
    blue = str(item.get("blue") or "")
    numbers = f"{red} + {blue}" if blue.strip() else red
    prizes, promotions, winners = grades(game, item)
    special: bool | None = None
    period = game.editions[-1].period_tier  # the feed's fyj* fields: that tier (福运奖)
    if period is not None and ("fyjMoney" in item or "fyjCount" in item):
        fyj, _ = prize(game, item.get("fyjMoney"))
        special = fyj is not None
        if fyj is not None:
            prizes = [(t, a) for t, a in prizes if t != period] + [(period, fyj)]
            count = amount(game, item.get("fyjCount"))
            if count is not None:
                winners = [(t, c) for t, c in winners if t != period] + [(period, count)]
    notes = (
        [_note(key, value) for key, value in _present(item, _EXTRA_KEYS) if str(value).strip()]
        if any(map(item.get, _EXTRA_KEYS))  # most records have none set
        else []
    )
    return make_record(
        source,
        f"{where} ({issue})" if issue else where,
        text,
        game,
        issue=str(issue) if issue is not None else None,
        numbers=numbers,
        date=str(item.get("date") or "") or None,
        prizes=prizes,
        special=special,
        weekday=(str(item.get("week")).strip() or None) if item.get("week") else None,
        pool=amount(game, item.get("poolmoney")),
        sales=amount(game, item.get("sales")),
        winners=tuple(winners),
        notes=tuple(notes),
        promotions=promotions,
    )


def read_chunk(items: Sequence[object], first: int, source: str) -> list[Record | None]:
    """One record per plain notice of ``items`` (record ``first`` onwards), ``None`` for the rest.

    ``None`` also for anything the lane would have to explain (an issue, numbers or
    prizes the rules refuse): :func:`record` says why.  The lane takes a chunk of one
    game's plain notices, one rule edition, numbers and dates written the usual way
    (a feed), column by column; any other chunk is left to :func:`record` whole.
    """
    out: list[Record | None] = [None] * len(items)
    if not ENABLED:
        return out
    places = [k for k, item in enumerate(items) if type(item) is dict and is_notice(item)]
    notices: list[dict[str, Any]] = [items[k] for k in places]  # type: ignore[misc]
    made = _columns(notices, first, places, source) if notices else None
    if made is None:
        return out  # not one game's plain notices: each read by the general reader
    for k, record_ in zip(places, made, strict=True):
        out[k] = record_
    return out


#: A column of dates as feeds print them (``2025-06-05(四)``), one a line.
_DATES: Final = re.compile(
    r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\([一二三四五六日天]\))?\n)*"
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\([一二三四五六日天]\))?"
)


class _Chunk(NamedTuple):
    """What a chunk of one game's plain notices holds, column by column."""

    game: Game
    edition: Edition
    officials: list[str]
    drawn: list[tuple[int, ...]]
    proven: bool
    days: list[datetime.date]


def _chunk(notices: list[dict[str, Any]]) -> _Chunk | None:
    """The chunk's columns read, or ``None`` if it is not one game's plain notices."""
    column = functools.partial(_column, notices)
    names, codes, reds, blues, dates = map(column, ("name", "code", "red", "blue", "date"))
    try:
        kinds = {*map(type, names), *map(type, codes), *map(type, reds), *map(type, dates)}
        one = set(names)
    except TypeError:  # an unhashable name
        return None
    game = _game(names[0]) if len(one) == 1 and kinds == {str} and names[0].strip() else None
    keys = set().union(*notices)  # the fields any notice has: the usual ones
    if (
        game is None
        or any(any(column(key)) for key in keys.intersection(_EXTRA_KEYS))
        or (game.editions[-1].period_tier and any(not _PERIOD_KEYS.isdisjoint(n) for n in notices))
        or _DATES.fullmatch("\n".join(dates)) is None
    ):
        return None
    try:
        official = _official(game).fullmatch(",".join(codes)) is not None
        officials = codes if official else list(map(game.parse_issue, codes))
        edition = game.edition(min(officials))
        numbers = _numbers(edition, reds, blues)
        days = list(map(datetime.date.fromisoformat, [d[:10] for d in dates]))
    except (LotteryError, ValueError):  # a refused issue, a day not in the calendar
        return None
    if numbers is None or game.edition(max(officials)) is not edition:
        return None  # numbers written otherwise, two rule editions: notice by notice
    return _Chunk(game, edition, officials, *numbers, days)


def _columns(
    notices: list[dict[str, Any]], first: int, places: list[int], source: str
) -> list[Record | None] | None:
    """The chunk's records made from its columns, or ``None`` if it has none to read."""
    chunk = _chunk(notices)
    if chunk is None:
        return None
    game, edition = chunk.game, chunk.edition
    column = functools.partial(_column, notices)
    weeks = [(str(w).strip() or None) if w else None for w in column("week")]
    sales, pools = _amounts(game, column("sales")), _amounts(game, column("poolmoney"))
    out: list[Record | None] = []
    for k, notice in enumerate(notices):
        prizes, promotions, winners = (
            grades(game, notice) if "prizegrades" in notice else ([], [], [])
        )
        if not all(edition.has_tier(tier) for tier, _ in prizes):
            out.append(None)  # kept apart as foreign: the general reader does it
            continue
        known = tuple([(t, money(a)) for t, a in prizes])
        try:
            draw = Draw._read(  # noqa: SLF001 - a reader of draws
                game,
                chunk.officials[k],
                edition,
                chunk.drawn[k],
                chunk.days[k],
                known,
                special_period=None,
                pool_before=None,
                promotions=tuple([(t, money(a)) for t, a in promotions if t in dict(known)]),
                proven=chunk.proven,
            )
        except LotteryError:
            out.append(None)  # the general reader says why
            continue
        code, date = notice["code"], notice["date"]
        out.append(
            Record(
                source,
                f"record {first + places[k]} ({code})",
                as_text(notice),
                game,
                draw=draw,
                issue=code,
                printed=chunk.drawn[k],
                weekday=weeks[k] or (date[11] if len(date) > 10 else None),
                pool=pools[k],
                sales=sales[k],
                winners=tuple(winners),
            )
        )
    return out


@functools.cache
def _official(game: Game) -> re.Pattern[str]:
    """Issues already in their official form (what ``parse_issue`` gives back as it is)."""
    head = "20[0-9]{2}" if game.issue_digits == 7 else "[0-9]{2}"
    one = f"{head}(?!000)[0-9]{{3}}"
    return re.compile(f"(?:{one},)*{one}")


def _column(notices: list[dict[str, Any]], key: str) -> list[Any]:
    """Every notice's field ``key`` (``None`` where it has none)."""
    return list(map(dict.get, notices, itertools.repeat(key)))


def _numbers(
    edition: Edition, reds: list[str], blues: list[object]
) -> tuple[list[tuple[int, ...]], bool] | None:
    """Each notice's numbers, read column by column, and whether they are proven draws.

    ``None`` unless every notice writes them the usual way (``2,9,6``; ``01,…,06`` and
    ``07``): each number a token of its zone.
    """
    zones = edition.zones
    if len(zones) == 1:
        if any(blues):
            return None  # a second zone the game does not have: the grammar says so
        text = ",".join(reds)
    elif len(zones) == 2 and all(type(b) is str and b for b in blues):
        text = ",".join(map("{},{}".format, reds, blues))
    else:
        return None
    cells = text.split(",")
    size = edition.size
    if " " in text or len(cells) != size * len(reds):
        return None
    tokens = [zone.tokens for zone in zones for _ in range(zone.size)]
    try:
        values = [list(map(t.__getitem__, cells[c::size])) for c, t in enumerate(tokens)]
    except KeyError:
        return None
    return list(zip(*values, strict=True)), columns_in_order(edition, values)


def _amounts(game: Game, values: list[object]) -> Sequence[int | None]:
    """A column of counts or sums: plain digits read at once, anything else one by one."""
    if not any(values):
        return [amount(game, v) for v in values]  # none written ("" or 0)
    if set(map(type, values)) == {str}:
        found = _text.plain_ints(values)  # type: ignore[arg-type]
        if found is not None:
            return found
    return [amount(game, v) for v in values]
