"""Draws from announcement text: newspaper pages, web pages, single lines.

The text may be extracted from a PDF: lines broken anywhere, news articles
around the results box, full-width digits and CJK punctuation.  An
announcement is found where a game's name is followed, within a few words,
by an issue number (``第2019048期``) and then its numbers, with or without a
label (``中奖号码：``, ``开奖结果：``, ``红球 … 蓝球 …``).  A 3D 试机号 is kept
apart and never taken for the result.

>>> from lottery import news
>>> page = '''中国福利彩票“双色球”开奖公告第2019021期
... 中奖号码：红色球号码02、05、07、08、20、
... 27 蓝色球号码：04
... 福彩3D第2026221期 试机号：581 开奖号码：296'''
>>> [str(d) for d in news.extract(page)]
['双色球 第2019021期 02 05 07 08 20 27 + 04', '福彩3D 第2026221期 296']

The scanner is linear in the length of the text: every search is bounded
or anchored, and no regular expression can backtrack over more than a
bounded window.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import re
from typing import Final

import attrs

from lottery import _text
from lottery._text import ensure_str
from lottery._tokens import split_on
from lottery.exceptions import FaultKind, LotteryError
from lottery.model import Draw
from lottery.notation import read_sections
from lottery.reading import make_record
from lottery.records import TEST_NUMBER, Record
from lottery.registry import games, get_game
from lottery.rules import Game

__all__ = ["extract", "scan"]

# Names that start an announcement, longest first.  ASCII codes need word edges.
_CJK_NAMES: Final = sorted(
    {name for g in games() for name in (g.name, *g.aliases) if not name.isascii()},
    key=len,
    reverse=True,
)
_ASCII_NAMES: Final = sorted(
    {name.lower() for g in games() for name in (g.code, *g.aliases) if name.isascii()},
    key=len,
    reverse=True,
)
_NAMES: Final = (
    "(?:"
    + "|".join(re.escape(n) for n in _CJK_NAMES)
    + r"|(?<![A-Za-z0-9])(?:"
    + "|".join(re.escape(n) for n in _ASCII_NAMES)
    + r")(?![A-Za-z]))"
)
#: Characters a name can start with: a quick look-ahead skips all other text.
_FIRST: Final = re.escape("".join(sorted({n[0] for n in (*_CJK_NAMES, *_ASCII_NAMES)})))
#: A game's name, a short gap (”开奖公告, 玩法开奖公告 …) holding no digit and no
#: other name, then its issue.  The gap cannot run over a name, so repeated
#: names cost one step each: the search stays linear.
_ANNOUNCEMENT_RE: Final = re.compile(
    rf"(?=[{_FIRST}])(?P<name>{_NAMES})"
    rf"(?P<gap>[^0-9\n{_FIRST}]{{0,24}}?)第?[ ]?(?P<issue>[0-9]{{5,7}})[ ]?期",
    re.IGNORECASE,
)
#: How far after the issue the numbers may start, and how long they may run.
_LEAD: Final = 80
_SPAN: Final = 160

_RESULT_LABELS: Final = (
    "本期开奖结果",
    "开奖结果",
    "中奖号码",
    "开奖号码",
    "开奖号",
    "中奖号",
    "开奖",
    "结果",
    "号码",
)
_TEST_LABELS: Final = ("试机号码", "试机号")
_FILLER: Final = ("开奖公告", "公告", "玩法", "本期", "为", "是", "的")


def _zone_labels(index: int) -> tuple[str, ...]:
    """Every name the games print for their ``index``-th zone, longest first."""
    names = {
        name
        for game in games()
        for edition in game.editions
        if len(edition.zones) > index
        for name in edition.zones[index].names
    }
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


#: Zone labels inside the numbers: the first zone's are dropped, the next zone's become ``+``.
_FIRST_ZONE: Final = _zone_labels(0)
_NEXT_ZONE: Final = _zone_labels(1)
_NUMBER_CHARS: Final = frozenset("0123456789 ,+|:")
#: Characters that can start what follows an issue: a date, a label, a filler word, numbers.
_LEAD_CHARS: Final = frozenset(
    "0123456789"
    + "".join(w[0] for w in (*_RESULT_LABELS, *_TEST_LABELS, *_FILLER, *_FIRST_ZONE, *_NEXT_ZONE)),
)
_WEEKDAYS: Final = "一二三四五六日天"


_WORD_BREAK: Final = re.compile(r"(?<=[A-Za-z])\n(?=[A-Za-z])")


def _join_lines(text: str) -> tuple[str, list[int]]:
    """Undo line breaks: CJK and digits join directly, English words keep a space.

    Returns the joined text and, for each line break, its position in it,
    so a position maps back to a line number.  All the work is in C-speed
    string calls: a megabyte of newlines costs milliseconds.
    """
    text = _WORD_BREAK.sub(" \n", text.replace("\r\n", "\n"))
    lines = text.split("\n")
    return "".join(lines), list(itertools.accumulate(map(len, lines[:-1])))


@functools.cache
def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    """One anchored alternation, longest word first: a single match call per position."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _starts(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` that ``text`` holds at ``pos``, if any."""
    m = _words(words).match(text, pos)
    return m.group(0) if m is not None else None


def _skip_blanks(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " :,.、;()-":
        pos += 1
    return pos


def _digits_run(text: str, pos: int, end: int) -> tuple[str, int]:
    """Digits and spaces from ``pos`` (a 试机号 like ``5 8 1``)."""
    stop = pos
    while stop < end and ((text[stop].isascii() and text[stop].isdigit()) or text[stop] == " "):
        stop += 1
    return text[pos:stop].strip(), stop


def _numbers(text: str, pos: int, end: int) -> tuple[str, int]:
    """The numbers from ``pos``, zone labels turned into ``+``; and where they stop."""
    out: list[str] = []
    stop = min(end, pos + _SPAN)
    while pos < stop:
        ch = text[pos]
        if ch in _NUMBER_CHARS:
            out.append(ch)
            pos += 1
            continue
        first = _starts(text, pos, _FIRST_ZONE)
        if first is not None:
            out.append(" ")
            pos += len(first)
            continue
        nxt = _starts(text, pos, _NEXT_ZONE)
        if nxt is not None:
            out.append(" + ")
            pos += len(nxt)
            continue
        break
    numbers = "".join(out).replace(":", " ").strip(" ,|")
    while numbers.startswith("+"):
        numbers = numbers[1:].strip()
    while numbers.endswith("+"):
        numbers = numbers[:-1].strip()
    return numbers, pos


def _split_wide(game: Game, numbers: str) -> str:
    """Ball numbers run together by a broken line (``1421``) split at their width."""
    parts = []
    for zone_text, zone in zip(numbers.split("+"), game.editions[-1].zones, strict=False):
        tokens: list[str] = []
        for token in zone_text.replace(",", " ").split():
            width = zone.width
            if (
                not zone.positional
                and token.isdigit()
                and len(token) > width
                and len(token) % width == 0
            ):
                tokens.extend(token[i : i + width] for i in range(0, len(token), width))
            else:
                tokens.append(token)
        parts.append(" ".join(tokens))
    return " + ".join(parts)


def _skip_spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] == " ":
        pos += 1
    return pos


def _sections(
    game: Game,
    joined: str,
    start: int,
    end: int,
) -> tuple[tuple[tuple[str, int], ...], bool | None, int]:
    """``; 一等奖=5000000; 特别规定期间=是`` after the numbers, to the end of the line."""
    try:
        sections = split_on(joined[start:end], ";", start)[1:]
        prizes, special = read_sections(game, None, "", sections)
    except LotteryError:
        return (), None, start
    return prizes, special, end


def _line_of(breaks: list[int], pos: int) -> int:
    return bisect.bisect_right(breaks, pos) + 1


def scan(text: str, *, source: str = "<text>") -> list[Record]:
    """Every announcement in ``text`` as a :class:`~lottery.records.Record`, in order.

    A record holds a draw, or the reason its numbers could not be read.
    """
    ensure_str(text, "text")
    joined, breaks = _join_lines(_text.normalize(text))
    records: list[Record] = []
    end = len(joined)
    pos = 0
    while True:
        m = _ANNOUNCEMENT_RE.search(joined, pos)
        if m is None:
            break
        record, pos = _announcement(joined, m, end, source, breaks)
        records.append(record)
    return records


@attrs.frozen
class _Lead:
    """What comes between an issue and its numbers: a date, a 试机号, labels."""

    date: datetime.date | None = None
    weekday: str | None = None
    test: tuple[int, ...] | None = None
    start: int | None = None  # where the numbers start, if they do


def _lead(joined: str, pos: int, limit: int) -> _Lead:
    date: datetime.date | None = None
    weekday: str | None = None
    test: tuple[int, ...] | None = None
    while True:
        pos = _skip_blanks(joined, pos, limit)
        if pos >= limit or joined[pos] not in _LEAD_CHARS:  # nothing that can lead to numbers
            return _Lead(date, weekday, test)
        dated = _text.match_date(joined, pos)
        if dated is not None:
            date, weekday, pos = dated
            continue
        label = _starts(joined, pos, _TEST_LABELS)
        if label is not None:
            digits, pos = _digits_run(joined, _skip_blanks(joined, pos + len(label), limit), limit)
            test = tuple(int(d) for d in digits if d.isdigit()) or None
            continue
        word = _starts(joined, pos, _RESULT_LABELS) or _starts(joined, pos, _FILLER)
        if word is not None:
            pos += len(word)
            continue
        if joined[pos].isdigit() or _starts(joined, pos, _FIRST_ZONE + _NEXT_ZONE):
            return _Lead(date, weekday, test, pos)
        return _Lead(date, weekday, test)


def _announcement(
    joined: str,
    m: re.Match[str],
    end: int,
    source: str,
    breaks: list[int],
) -> tuple[Record, int]:
    """The announcement matched by ``m``: a record, and where scanning goes on."""
    game = get_game(m.group("name"))
    where = f"line {_line_of(breaks, m.start())}"
    lead = _lead(joined, m.end(), min(end, m.end() + _LEAD))
    date, weekday, test = lead.date, lead.weekday, lead.test
    numbers, stop = _numbers(joined, lead.start, end) if lead.start is not None else ("", m.end())
    stop = max(stop, m.end())
    prizes: tuple[tuple[str, int], ...] = ()
    special: bool | None = None
    if numbers and joined.startswith(";", _skip_spaces(joined, stop, end)):
        line_end = next((b for b in breaks[bisect.bisect_right(breaks, stop) :]), end)
        prizes, special, stop = _sections(game, joined, stop, line_end)
    text = joined[m.start() : stop]
    if not numbers:  # an issue with no result after it: say so without building a draw
        issue = m.group("issue")
        kind: FaultKind
        if test is not None:
            reason, kind = (
                f"{game.label}: {TEST_NUMBER} only: a test number is never the result",
                "no-result",
            )
        else:
            reason, kind = f"{game.label}: issue {issue} has no numbers after it", "count"
        extras = {TEST_NUMBER: test} if test is not None else {}
        return Record(
            source,
            where,
            _text.cut(text, 100),
            game,
            error=reason,
            kind=kind,
            issue=issue,
            extras=extras,
        ), stop
    record = make_record(
        source,
        where,
        text,
        game,
        issue=m.group("issue"),
        numbers=_split_wide(game, numbers) if numbers else None,
        date=date,
        weekday=weekday,
        extras={TEST_NUMBER: test} if test is not None else {},
        prizes=prizes,
        special=special,
    )
    return record, stop


def extract(text: str) -> list[Draw]:
    """The draws announced in ``text``, in order; unreadable ones are left out.

    To learn why an announcement was left out, use :func:`scan` or
    ``lottery validate``.
    """
    return [r.draw for r in scan(text) if r.draw is not None]
