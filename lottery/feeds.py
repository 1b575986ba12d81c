"""Readers for result feeds: China Welfare Lottery JSON, sports-lottery JSON, CSV.

Each reader turns one input into :class:`~lottery.records.Record` s, one per
record of the input, keeping what the validator checks beyond the numbers.
The formats are described in ``docs/announcements.md`` (sources: [S-cwl-samples],
[S-sporttery-pl3], [S-sporttery-urls] in ``docs/sources.md``).  What a feed
calls a game or a tier is each game's data (``Game.feeds``, ``Game.tier_aliases``).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from lottery import _cwlfeed, _text
from lottery import _feedvalues as feed
from lottery._jsonstream import JsonStream
from lottery._text import shorten
from lottery.grammar import zone_names
from lottery.reading import make_record
from lottery.records import Record
from lottery.registry import feed_game
from lottery.rules import Game

__all__ = ["read_json", "read_json_pieces"]


# --- JSON ----------------------------------------------------------------------


#: Keys that hold the list of records, tried first (any other key holding a list of objects works).
_LIST_KEYS: Final = (
    "result",
    "list",
    "data",
    "draws",
    "records",
    "items",
    "rows",
    "history",
    "value",
)
#: A JSON input up to this size is parsed whole; a larger one is streamed record by record.
_WHOLE: Final = 8 << 20


def _find_list(data: object, depth: int = 0) -> list[Any] | None:
    """The first list of objects in a JSON document, looking under the usual keys first."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict) or depth > 3:
        return None
    keys = [k for k in _LIST_KEYS if k in data] + [k for k in data if k not in _LIST_KEYS]
    for key in keys:
        value = data[key]
        if isinstance(value, list) and (not value or isinstance(value[0], dict)):
            return value
    for key in keys:
        found = _find_list(data[key], depth + 1) if isinstance(data[key], dict) else None
        if found is not None:
            return found
    return None


def _is_record(data: Mapping[str, Any]) -> bool:
    """Whether an object is a draw record itself (an issue and numbers), not an envelope."""
    numbers = ("red", "lotteryDrawResult", *_NUMBER_KEYS, *_FIRST_KEYS)
    return any(k in data for k in numbers) and any(
        k in data for k in (*_ISSUE_KEYS, "lotteryDrawNum")
    )


def _records_of(data: object, source: str, game: Game | None) -> list[Any] | Record:
    """The records of a JSON document, or a record saying why it holds none."""
    if isinstance(data, dict) and _is_record(data):
        return [data]  # one record on its own
    found = _find_list(data)
    if found is not None:
        return found
    if isinstance(data, dict):
        keys = ", ".join(map(str, list(data)[:10]))
        reason = f"a JSON object with no list of records under any key (keys: {keys})"
    else:
        reason = f"a JSON {type(data).__name__}, not a list of records"
    return Record(source, "file", shorten(json.dumps(data, ensure_ascii=False)), game,
                  error=reason, kind="unreadable")  # fmt: skip


def read_json(text: str, *, source: str, game: Game | None = None) -> list[Record]:
    """Records of a JSON document: CWL draw notices, sporttery history, or plain records."""
    return list(read_json_pieces(iter([text]), source=source, game=game))


def read_json_pieces(
    pieces: Iterator[str], *, source: str, game: Game | None = None
) -> Iterator[Record]:
    """Records of a JSON document given in pieces of text, one per record of its list.

    Up to 8 MiB the document is parsed whole; a larger one is streamed: the
    records are read one at a time, so memory stays bounded by one record.
    """
    head: list[str] = []
    size = 0
    for piece in pieces:
        head.append(piece)
        size += len(piece)
        if size > _WHOLE:
            stream = JsonStream(itertools.chain(["".join(head)], pieces))
            yield from _with_pools(_items(stream.records(), source, game))
            if stream.error is not None:
                yield Record(source, f"record {stream.count + 1}", "", game,
                             error=stream.error, kind="unreadable")  # fmt: skip
            return
    text = "".join(head)
    if not text.strip():
        yield Record(source, "file", "", game, error="empty, nothing to read", kind="unreadable")
        return
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        yield Record(source, "file", shorten(text), game, error=f"not valid JSON: {error}",
                     kind="unreadable")  # fmt: skip
        return
    found = _records_of(data, source, game)
    if isinstance(found, Record):
        yield found
        return
    yield from _with_pools(_items(iter(found), source, game))


def _before(record: Record, other: Record | None) -> bool:
    """Whether ``other`` is the draw just before ``record``'s (its pool after is ours before)."""
    if other is None or other.draw is None or record.draw is None or other.pool is None:
        return False
    if other.draw.game is not record.draw.game:
        return False
    (year, number), (y, n) = record.draw.issue_key, other.draw.issue_key
    return (y, n) == (year, number - 1) or (number == 1 and y == year - 1)


def _with_pools(records: Iterator[Record]) -> Iterator[Record]:
    """Give a draw whose fixed prizes follow the pool the pool after the draw before it.

    Feeds list newest first (or oldest first): the draw before is the record next
    to it, so one record is held back to look at both neighbours.
    """
    previous: Record | None = None
    held: Record | None = None
    for record in records:
        if held is not None:
            yield _pooled(held, previous, record)
            previous = held
        held = record
    if held is not None:
        yield _pooled(held, previous, None)


def _pooled(record: Record, before: Record | None, after: Record | None) -> Record:
    draw = record.draw
    if draw is None or draw.pool_before is not None or not draw.edition.pool_tiers:
        return record
    for other in (after, before):
        if other is not None and _before(record, other):
            return attrs.evolve(record, draw=attrs.evolve(draw, pool_before=other.pool))
    return record


def _items(items: Iterator[Any], source: str, game: Game | None) -> Iterator[Record]:
    """A record per item, in order: CWL notices through the feed lane a chunk at a time."""
    index = 1
    while chunk := list(itertools.islice(items, _cwlfeed.CHUNK)):
        fast = _cwlfeed.read_chunk(chunk, index, source)
        for made, item in zip(fast, chunk, strict=True):
            yield made if made is not None else _item(item, source, f"record {index}", game)
            index += 1


def _item(item: object, source: str, where: str, game: Game | None) -> Record:
    if not isinstance(item, dict):
        return Record(source, where, shorten(repr(item)), game, error="not a JSON object",
                      kind="format")  # fmt: skip
    if "lotteryDrawNum" in item or "lotteryDrawResult" in item:
        return _sporttery(item, source, where, game)
    if _cwlfeed.is_notice(item):
        return _cwlfeed.record(item, source, where, game)
    return _plain(item, source, where, game)


def _levels(
    game: Game, item: Mapping[str, Any]
) -> tuple[list[tuple[str, Decimal]], list[tuple[str, Decimal]], list[tuple[str, int]]]:
    """A sports-lottery record's ``prizeLevelList``: prizes, 派奖 and winners by tier."""
    prizes: list[tuple[str, Decimal]] = []
    promotions: list[tuple[str, Decimal]] = []
    winners: list[tuple[str, int]] = []
    for level in feed.as_list(item.get("prizeLevelList")):
        if not isinstance(level, dict):
            continue
        name = str(level.get("prizeLevel") or "").strip().replace("（", "(").replace("）", ")")
        tier = game.tier_aliases.get(name, name)
        amount, promotion = feed.prize(game, level.get("stakeAmount"))
        if amount is None:  # the comma-free copy, where the shown one is missing
            amount, promotion = feed.prize(game, level.get("stakeAmountFormat"))
        count = feed.amount(game, level.get("stakeCount"))
        if count is not None:
            winners.append((tier, count))
        if amount and count:
            prizes.append((tier, amount))
            if promotion:
                promotions.append((tier, promotion))
    return prizes, promotions, winners


def _sporttery(item: Mapping[str, Any], source: str, where: str, hint: Game | None) -> Record:
    """A China Sports Lottery history record ([O-sporttery-feed])."""
    text = feed.as_text(item)
    code = str(item.get("lotteryGameNum") or "").strip()
    game = feed.game_named(item.get("lotteryGameName"), None)
    if game is None and code:
        game = feed_game("sporttery", code)
    if game is None and not item.get("lotteryGameName") and not code:
        game = hint
    if game is None:
        name = item.get("lotteryGameName") or code
        return Record(source, where, text, None, error=f"unknown game {name!r}", kind="game")
    issue = item.get("lotteryDrawNum")
    result = str(item.get("lotteryDrawResult") or "")
    prizes, promotions, winners = _levels(game, item)
    extras: dict[str, tuple[int, ...]] = {}
    # draw order: "2 1 1 2 9" (排列3 shows its 排列5), "16+02+11+08+23 02+07" (大乐透)
    unsorted = str(item.get("lotteryUnsortDrawresult") or "").replace("+", " ").split()
    if unsorted and all(_text.is_digits(d) and len(d) <= 2 for d in unsorted):
        extras["unsorted"] = tuple(int(d) for d in unsorted)
    return make_record(
        source,
        f"{where} ({issue})" if issue else where,
        text,
        game,
        issue=str(issue) if issue is not None else None,
        numbers=result,
        date=str(item.get("lotteryDrawTime") or "")[:10] or None,
        prizes=prizes,
        pool=feed.amount(game, item.get("poolBalanceAfterdraw")),
        sales=feed.amount(game, item.get("totalSaleAmount")),
        winners=tuple(winners),
        extras=extras,
        promotions=promotions,
    )


_ISSUE_KEYS: Final = (
    "issue",
    "issueNumber",
    "issueNo",
    "issue_no",
    "drawIssue",
    "lotteryIssue",
    "code",
    "期号",
    "qihao",
    "expect",
    "term",
    "period",
    "drawNum",
    "drawNo",
    "id",
)
_DATE_KEYS: Final = (
    "date",
    "drawDate",
    "draw_date",
    "日期",
    "开奖日期",
    "opentime",
    "openTime",
    "drawTime",
    "time",
)
_NUMBER_KEYS: Final = (
    "numbers",
    "number",
    "result",
    "results",
    "opencode",
    "openCode",
    "winningNumbers",
    "drawNumbers",
    "digits",
    "开奖号码",
    "号码",
    "nums",
)
#: Keys that hold one zone each: the first zone, then the next.
_FIRST_KEYS: Final = (
    "redBalls",
    "red_balls",
    "reds",
    "red",
    "frontBalls",
    "front",
    *zone_names(0, labels=False, several=True),
)
_NEXT_KEYS: Final = (
    "blueBalls",
    "blueBall",
    "blue_balls",
    "blue",
    "blues",
    "backBalls",
    "back",
    *zone_names(1, labels=False, several=True),
)


def _numbers_of(value: object) -> str | None:
    """A numbers field as notation: a string as it is, a list of ints or of padded strings."""
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return " ".join(
            str(int(n)) if isinstance(n, str) and _text.is_digits(n.strip()) and len(n.strip()) <= 3
            else str(n)
            for n in value
        )  # fmt: skip
    return str(value)


def _plain(item: Mapping[str, Any], source: str, where: str, hint: Game | None) -> Record:
    """A record in no official format: ``{"issue": …, "date": …, "numbers": [...]}``.

    The field names public histories use are read (docs/announcements.md has the table):
    the numbers in one field, or one field per zone (``redBalls`` + ``blueBall``).
    """
    text = feed.as_text(item)
    name = item.get("game") or item.get("lottery") or item.get("lotteryName") or item.get("name")
    game = feed.game_named(name, hint)
    issue = next((item[k] for k in _ISSUE_KEYS if item.get(k) not in (None, "")), None)
    date = next((item[k] for k in _DATE_KEYS if item.get(k)), None)
    numbers = _numbers_of(
        next((item[k] for k in _NUMBER_KEYS if item.get(k) not in (None, "")), None)
    )
    if numbers is None:
        first = _numbers_of(
            next((item[k] for k in _FIRST_KEYS if item.get(k) not in (None, "")), None)
        )
        nxt = _numbers_of(
            next((item[k] for k in _NEXT_KEYS if item.get(k) not in (None, "")), None)
        )
        if first is not None:
            numbers = f"{first} + {nxt}" if nxt is not None else first
    special = item.get("special_period")
    return make_record(
        source,
        f"{where} ({issue})" if issue else where,
        text,
        game,
        issue=None if issue is None else str(issue),
        numbers=numbers,
        date=None if date is None else str(date),
        prizes=_money_by_tier(game, item.get("prizes")),
        promotions=_money_by_tier(game, item.get("promotions")),
        pool_before=feed.amount(game, item.get("pool_before")) if game is not None else None,
        special=special if isinstance(special, bool) else None,
        winners=_by_tier(game, item.get("winners")),
        pool=feed.amount(game, item.get("pool")) if game is not None else None,
        sales=feed.amount(game, item.get("sales")) if game is not None else None,
    )


def _money_by_tier(game: Game | None, value: object) -> tuple[tuple[str, Decimal], ...]:
    """``{"一等奖": 5000000, "选一中一": 4.5}`` (the library's own JSON): exact amounts by tier.

    A JSON number with a fraction arrives as a float; its shortest repr is the text
    it was written as (the library writes at most 15 digits), read back exactly.
    """
    if game is None or not isinstance(value, dict):
        return ()
    out = []
    for tier, amount in value.items():
        text = repr(amount) if isinstance(amount, float) else amount
        found, _ = feed.prize(game, text)
        if isinstance(tier, str) and found is not None and found >= 0:
            out.append((tier, found))
    return tuple(out)


def _by_tier(game: Game | None, value: object) -> tuple[tuple[str, int], ...]:
    """``{"一等奖": 12, …}`` (the library's own JSON): winners by tier."""
    if game is None or not isinstance(value, dict):
        return ()
    out = []
    for tier, amount in value.items():
        number = amount if type(amount) is int else feed.amount(game, amount)
        if isinstance(tier, str) and number is not None and number >= 0:
            out.append((tier, number))
    return tuple(out)
