"""Readers for result feeds: China Welfare Lottery JSON, sports-lottery JSON, CSV.

Each reader turns one input into :class:`~lottery.records.Record` s, one per
record of the input, keeping what the validator checks beyond the numbers.
The formats are described in ``docs/announcements.md`` (sources: [S-cwl-samples],
[S-sporttery-pl3], [S-sporttery-urls] in ``docs/sources.md``).  What a feed
calls a game or a tier is each game's data (``Game.feeds``, ``Game.tier_aliases``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

from lottery import _text
from lottery._text import shorten
from lottery.exceptions import LotteryError
from lottery.grammar import read_amount
from lottery.reading import make_record
from lottery.records import Record
from lottery.registry import feed_game, games, get_game
from lottery.rules import Game

__all__ = ["detect_kind", "read_csv", "read_json"]

_LONG_NUMBER: Final = re.compile(r"[0-9]{3}")


def detect_kind(text: str) -> str:
    """``json``, ``csv`` or ``text``, from the content."""
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] in "[{":
        return "json"
    first = head.split("\n", 1)[0]
    if first.count(",") >= 2 or first.count("\t") >= 2:
        # a header names its columns: words, at most a short number in them (red1, pos_1)
        cells = [c.strip() for c in re.split(r"[,\t]", first)]
        if all(c and not _LONG_NUMBER.search(c) for c in cells):
            return "csv"
    return "text"


def _amount(game: Game, value: object) -> int | None:
    """A yuan amount from a feed (``"1,040"``, ``"3000"``, ``982320278.84``); ``None`` if empty."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or text in ("-", "--", "-1"):
        return None
    whole = text.split(".", 1)[0]
    try:
        return read_amount(game, whole, 0)
    except LotteryError:
        return None


def _list(value: object) -> list[Any]:
    """A JSON array field, or nothing when the field is missing or of another type."""
    return value if isinstance(value, list) else []


def _game_named(name: object, hint: Game | None) -> Game | None:
    if isinstance(name, str) and name.strip():
        try:
            return get_game(name.strip())
        except LotteryError:
            return None
    return hint


# --- JSON ----------------------------------------------------------------------


def _records_of(data: object) -> tuple[list[Any], str]:
    """The list of records in a JSON document, and the envelope's name."""
    if isinstance(data, list):
        return data, "list"
    if isinstance(data, dict):
        result = data.get("result")
        if isinstance(result, list):
            return result, "cwl"
        value = data.get("value")
        if isinstance(value, dict) and isinstance(value.get("list"), list):
            return value["list"], "sporttery"
        if isinstance(data.get("list"), list):
            return data["list"], "list"
        return [data], "single"
    return [data], "single"


def read_json(text: str, *, source: str, game: Game | None = None) -> list[Record]:
    """Records of a JSON document: CWL draw notices, sporttery history, or plain records."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        return [
            Record(
                source,
                "file",
                shorten(text),
                game,
                error=f"not valid JSON: {error}",
                kind="unreadable",
            )
        ]
    items, _ = _records_of(data)
    out: list[Record] = []
    for index, item in enumerate(items, 1):
        where = f"record {index}"
        if not isinstance(item, dict):
            out.append(
                Record(
                    source,
                    where,
                    shorten(repr(item)),
                    game,
                    error="not a JSON object",
                    kind="format",
                )
            )
        elif "lotteryDrawNum" in item or "lotteryDrawResult" in item:
            out.append(_sporttery(item, source, where, game))
        elif "red" in item and ("code" in item or "name" in item):
            out.append(_cwl(item, source, where, game))
        else:
            out.append(_plain(item, source, where, game))
    return out


def _cwl(item: Mapping[str, Any], source: str, where: str, hint: Game | None) -> Record:
    """A China Welfare Lottery draw notice ([O-cwl-feed])."""
    name = item.get("name")
    game = feed_game("cwl", name) if isinstance(name, str) else None
    game = game or _game_named(name, hint)
    text = json.dumps(item, ensure_ascii=False)
    if game is None:
        return Record(
            source,
            where,
            shorten(text),
            None,
            error=f"unknown game {item.get('name')!r}",
            kind="game",
        )
    issue = item.get("code")
    red = str(item.get("red") or "")
    blue = str(item.get("blue") or "")
    numbers = f"{red} + {blue}" if blue.strip() else red
    prizes: list[tuple[str, int]] = []
    winners: list[tuple[str, int]] = []
    for grade in _list(item.get("prizegrades")):
        if not isinstance(grade, dict):
            continue
        kind = grade.get("type")
        tier = game.tier_aliases.get(str(kind)) if isinstance(kind, int) else None
        count = _amount(game, grade.get("typenum"))
        amount = _amount(game, grade.get("typemoney"))
        if tier is None or count is None:
            continue
        winners.append((tier, count))
        if count and amount:
            prizes.append((tier, amount))
    special: bool | None = None
    period = game.editions[-1].period_tier  # the feed's fyj* fields: that tier (福运奖)
    if period is not None and ("fyjMoney" in item or "fyjCount" in item):
        fyj = _amount(game, item.get("fyjMoney"))
        special = fyj is not None
        if fyj is not None:
            prizes = [(t, a) for t, a in prizes if t != period] + [(period, fyj)]
            count = _amount(game, item.get("fyjCount"))
            if count is not None:
                winners = [(t, c) for t, c in winners if t != period] + [(period, count)]
    notes = tuple(
        str(item[key]).strip()
        for key in ("specialRuleInfo", "prizeSpecialInfo", "compLimitInfo")
        if str(item.get(key) or "").strip()
    )
    extra = [
        f"派奖 {key}={item[key]}"
        for key in ("zj1", "mj1", "zj6", "mj6", "addmoney")
        if item.get(key)
    ]
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
        pool=_amount(game, item.get("poolmoney")),
        sales=_amount(game, item.get("sales")),
        winners=tuple(winners),
        notes=notes + tuple(extra),
    )


def _sporttery(item: Mapping[str, Any], source: str, where: str, hint: Game | None) -> Record:
    """A China Sports Lottery history record ([O-sporttery-feed])."""
    text = json.dumps(item, ensure_ascii=False)
    code = str(item.get("lotteryGameNum") or "").strip()
    game = _game_named(item.get("lotteryGameName"), None)
    if game is None and code:
        game = feed_game("sporttery", code)
    if game is None and not item.get("lotteryGameName") and not code:
        game = hint
    if game is None:
        name = item.get("lotteryGameName") or code
        return Record(
            source, where, shorten(text), None, error=f"unknown game {name!r}", kind="game"
        )
    issue = item.get("lotteryDrawNum")
    result = str(item.get("lotteryDrawResult") or "")
    prizes: list[tuple[str, int]] = []
    winners: list[tuple[str, int]] = []
    for level in _list(item.get("prizeLevelList")):
        if not isinstance(level, dict):
            continue
        name = str(level.get("prizeLevel") or "").strip()
        tier = game.tier_aliases.get(name, name)
        amount = _amount(game, level.get("stakeAmountFormat") or level.get("stakeAmount"))
        count = _amount(game, level.get("stakeCount"))
        if count is not None:
            winners.append((tier, count))
        if amount and count:
            prizes.append((tier, amount))
    extras: dict[str, tuple[int, ...]] = {}
    unsorted = str(item.get("lotteryUnsortDrawresult") or "").split()
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
        pool=_amount(game, item.get("poolBalanceAfterdraw")),
        sales=_amount(game, item.get("totalSaleAmount")),
        winners=tuple(winners),
        extras=extras,
    )


_ISSUE_KEYS: Final = ("issue", "code", "期号", "qihao", "expect", "term", "period", "drawNum", "id")
_DATE_KEYS: Final = ("date", "日期", "drawDate", "opentime", "time")
_NUMBER_KEYS: Final = ("numbers", "number", "result", "opencode", "开奖号码", "号码", "nums")


def _plain(item: Mapping[str, Any], source: str, where: str, hint: Game | None) -> Record:
    """A record in no official format: ``{"issue": …, "date": …, "numbers": [...]}``."""
    text = json.dumps(item, ensure_ascii=False)
    game = _game_named(item.get("game") or item.get("name") or item.get("lottery"), hint)
    issue = next((item[k] for k in _ISSUE_KEYS if item.get(k) not in (None, "")), None)
    date = next((item[k] for k in _DATE_KEYS if item.get(k)), None)
    raw = next((item[k] for k in _NUMBER_KEYS if item.get(k) not in (None, "")), None)
    numbers: str | None
    if isinstance(raw, list):
        numbers = " ".join(str(n) for n in raw)
    else:
        numbers = None if raw is None else str(raw)
    return make_record(
        source,
        f"{where} ({issue})" if issue else where,
        text,
        game,
        issue=None if issue is None else str(issue),
        numbers=numbers,
        date=None if date is None else str(date),
    )


# --- CSV -----------------------------------------------------------------------

_ISSUE_COLUMNS: Final = frozenset(
    {
        "id",
        "issue",
        "code",
        "seq",
        "期号",
        "qihao",
        "period",
        "term",
        "expect",
        "drawnum",
        "lotterydrawnum",
        "期数",
        "qh",
    },
)
_DATE_COLUMNS: Final = frozenset(
    {"date", "日期", "drawdate", "kjdate", "opendate", "lotterydrawtime", "开奖日期", "time"}
)
_NUMBER_COLUMNS: Final = frozenset(
    {
        "numbers",
        "number",
        "result",
        "results",
        "号码",
        "开奖号码",
        "kjhm",
        "opencode",
        "lotterydrawresult",
        "winning",
    },
)


def _zone_words(index: int, *ascii_words: str) -> str:
    """A regex alternation of the words a CSV header uses for the ``index``-th zone."""
    names = {
        zone.name
        for game in games()
        for edition in game.editions
        if len(edition.zones) > 1 and len(edition.zones) > index
        for zone in (edition.zones[index],)
    }
    return "|".join(map(re.escape, (*ascii_words, *sorted(names))))


_FIRST_ZONE_RE: Final = re.compile(
    rf"(?:{_zone_words(0, 'red', 'r', 'front', 'qian')})_?(\d{{1,2}})"
)
_NEXT_ZONE_RE: Final = re.compile(rf"(?:{_zone_words(1, 'blue', 'b', 'back', 'hou')})_?(\d{{0,2}})")
_ORDER_RE: Final = re.compile(r"(?:red|r)_?(\d{1,2})a")
_DIGIT_RE: Final = re.compile(r"(?:d|n|num|pos|digit|ball|p|位)_?(\d{1,2})")
_PRIZE_COUNT_RE: Final = re.compile(r"no(\d)")
_PRIZE_MONEY_RE: Final = re.compile(r"no(\d)_m")
_TIERS: Final = ("一等奖", "二等奖", "三等奖", "四等奖", "五等奖", "六等奖")


class _Columns:
    """What each column of a CSV header holds."""

    def __init__(self, header: Sequence[str]) -> None:
        self.issue: int | None = None
        self.date: int | None = None
        self.numbers: int | None = None
        self.sales: int | None = None
        self.pool: int | None = None
        self.first: list[int] = []
        self.next: list[int] = []
        self.order: list[int] = []
        self.digits: list[int] = []
        self.prize_count: dict[int, int] = {}
        self.prize_money: dict[int, int] = {}
        for index, raw in enumerate(header):
            name = raw.strip().lstrip("\ufeff").lower()
            self._classify(index, name)

    def _classify(self, index: int, name: str) -> None:  # noqa: C901
        if name in _ISSUE_COLUMNS and self.issue is None:
            self.issue = index
        elif name in _DATE_COLUMNS and self.date is None:
            self.date = index
        elif name in _NUMBER_COLUMNS and self.numbers is None:
            self.numbers = index
        elif name in ("input_all", "sales", "销售额"):
            self.sales = index
        elif name in ("net_all", "pool", "poolmoney", "奖池"):
            self.pool = index
        elif (m := _ORDER_RE.fullmatch(name)) is not None:
            self.order.append(index)
        elif (m := _PRIZE_MONEY_RE.fullmatch(name)) is not None:
            self.prize_money[int(m.group(1))] = index
        elif (m := _PRIZE_COUNT_RE.fullmatch(name)) is not None:
            self.prize_count[int(m.group(1))] = index
        elif _FIRST_ZONE_RE.fullmatch(name) is not None:
            self.first.append(index)
        elif _NEXT_ZONE_RE.fullmatch(name) is not None:
            self.next.append(index)
        elif _DIGIT_RE.fullmatch(name) is not None:
            self.digits.append(index)

    def numbers_of(self, row: Sequence[str]) -> str | None:
        """The row's numbers as notation text: one column, or a column per number."""

        def cells(indexes: list[int]) -> str:
            return " ".join(row[i].strip() for i in indexes if i < len(row))

        if self.numbers is not None and self.numbers < len(row):
            return row[self.numbers]
        if self.first:
            return cells(self.first) + (" + " + cells(self.next) if self.next else "")
        if self.digits:
            return cells(self.digits)
        return None


def _cell_int(row: Sequence[str], index: int | None) -> int | None:
    if index is None or index >= len(row):
        return None
    cell = row[index].strip().split(".", 1)[0]
    return int(cell) if _text.is_digits(cell) and len(cell) < 16 else None


def read_csv(text: str, *, source: str, game: Game | None) -> list[Record]:
    """Records of a CSV history with a header row (one per data row)."""
    lines = text.lstrip("\ufeff").splitlines()
    dialect = "excel-tab" if lines and lines[0].count("\t") > lines[0].count(",") else "excel"
    reader = csv.reader(io.StringIO("\n".join(lines)), dialect=dialect)
    rows = _rows(reader, source, game)
    first = next(rows, None)
    if first is None:
        return []
    if isinstance(first, Record):
        return [first, *(r for r in rows if isinstance(r, Record))]
    header = first
    columns = _Columns(header)
    if columns.issue is None or (
        columns.numbers is None and not columns.first and not columns.digits
    ):
        msg = f"the CSV header {_text.cut(','.join(header), 80)!r} has no issue or number columns"
        return [Record(source, "line 1", shorten(lines[0]), game, error=msg, kind="unreadable")]
    out: list[Record] = []
    for row in rows:
        if isinstance(row, Record):
            out.append(row)
        elif any(cell.strip() for cell in row):
            out.append(_csv_record(columns, row, reader.line_num, source, game))
    return out


def _rows(reader: Any, source: str, game: Game | None) -> Iterator[list[str] | Record]:  # noqa: ANN401
    """The rows of a CSV reader; a row it cannot read becomes an error record."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            line = f"line {reader.line_num}"
            yield Record(
                source, line, "", game, error=f"unreadable CSV row: {error}", kind="unreadable"
            )
            continue
        yield row


def _csv_record(
    columns: _Columns, row: list[str], number: int, source: str, game: Game | None
) -> Record:
    line = ",".join(row)
    issue = (
        row[columns.issue].strip()
        if columns.issue is not None and columns.issue < len(row)
        else None
    )
    date = (
        row[columns.date].strip() if columns.date is not None and columns.date < len(row) else None
    )
    order = None
    if columns.order:
        values = [_cell_int(row, i) for i in columns.order]
        order = tuple(v for v in values if v is not None) or None
    prizes: list[tuple[str, int]] = []
    winners: list[tuple[str, int]] = []
    for tier_no, count_col in sorted(columns.prize_count.items()):
        count = _cell_int(row, count_col)
        money = _cell_int(row, columns.prize_money.get(tier_no))
        if count and 1 <= tier_no <= len(_TIERS):
            winners.append((_TIERS[tier_no - 1], count))
            if money:  # zero means the source had no amount
                prizes.append((_TIERS[tier_no - 1], money))
    return make_record(
        source,
        f"line {number}",
        line,
        game,
        issue=issue or None,
        numbers=columns.numbers_of(row),
        date=date or None,
        prizes=prizes,
        order=order,
        winners=tuple(winners),
        sales=_cell_int(row, columns.sales) or None,
        pool=_cell_int(row, columns.pool) or None,
    )
