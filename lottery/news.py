"""Draws from announcement text: newspaper pages, scraped web pages, single lines.

This module only finds *where* announcements are: every game name in the
text starts one (or an issue just before it: ``第2024028期双色球…``), and it
runs to the next.  Each span goes to the one grammar of
:mod:`lottery.grammar`, the same that :func:`lottery.parse_draw` reads with,
so the two always agree.  Markup is stripped with the standard library
(tags, entities, scripts), traditional and full-width characters are read
as their simplified and ASCII forms, and a line broken anywhere is read
across, but never past a complete draw: the next line's game name is never
taken for digits.

Nothing is lost: every span that names a game and an issue becomes a
record, with its draw or the reason it has none.  A span with a 试机号 only,
or a sentence that mentions a draw without its numbers
(``双色球第2024028期全国共中出一等奖9注``), is a ``no-result`` record.

>>> from lottery import news
>>> page = '''中国福利彩票“双色球”开奖公告第2019021期
... 中奖号码：红色球号码02、05、07、08、20、
... 27 蓝色球号码：04
... 福彩3D第2026221期 试机号：581 开奖号码：296'''
>>> [str(d) for d in news.extract(page)]
['双色球 第2019021期 02 05 07 08 20 27 + 04', '福彩3D 第2026221期 296']

The scanner is linear in the length of the text: names are found by one
regular expression search each, and each span is read once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import Final

from lottery import _markup, _text
from lottery._text import ensure_str
from lottery._tokens import split_on
from lottery.exceptions import LotteryError
from lottery.grammar import Sections, iter_names, read_header, read_sections, scan_numbers
from lottery.model import Draw
from lottery.reading import make_record
from lottery.records import TEST_NUMBER, Record

__all__ = ["extract", "scan", "scan_lines", "spans"]

#: An issue written just before a game's name, on the same line: ``第2024028期双色球``.
_ISSUE_BEFORE: Final = re.compile(
    r"(?:第[ ]{0,3}[0-9]{5,7}[ ]{0,3}期|期号[ :]*[0-9]{5,7}(?:[ ]{0,3}期)?)[ :]*$"
)
_ISSUE_DIGITS: Final = re.compile(r"[0-9]{5,7}")
#: How far an announcement may run when no other follows it.
_SPAN: Final = 400


def _join(text: str) -> tuple[str, list[int], list[int]]:
    """Lines read across: the text without its line breaks, and where each line starts.

    Also each line's number (a block tag of a page starts a line but no number).

    CJK and digits join directly (a number or a name broken by a PDF line joins
    again); English words keep a space.
    """
    joined: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    size = 0
    line = 0
    previous = ""
    for piece in _BREAK.split(text):
        if piece == "\n":
            line += 1
            continue
        if piece == "\u2028":
            continue
        if (
            previous[-1:].isascii()
            and previous[-1:].isalpha()
            and piece[:1].isascii()
            and piece[:1].isalpha()
        ):
            joined.append(" ")
            size += 1
        starts.append(size)
        numbers.append(line)
        joined.append(piece)
        size += len(piece)
        previous = piece or previous
    return "".join(joined), starts, numbers


_BREAK: Final = re.compile("(\n|\u2028)")


def spans(text: str, starts: list[int] | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each announcement in normalised, joined ``text``, in order.

    ``starts`` are where lines start: a name there starts an announcement even
    right after a digit (``…04`` / ``3D第…期``); elsewhere an ASCII name needs
    a word edge.
    """
    line_starts = starts or [0]
    found: list[int] = []
    name_end: int | None = None  # where the previous name ended: an issue right after it is its
    for m in iter_names(text):
        start = m.start()
        line = bisect.bisect_right(line_starts, start) - 1
        line_start = line_starts[line] if line >= 0 else 0
        before_ok = start == line_start or not (
            text[start - 1].isascii() and text[start - 1].isalnum()
        )
        if not before_ok:
            continue
        if "期" in text[max(line_start, start - 20) : start]:
            issue = _ISSUE_BEFORE.search(text, max(line_start, start - 20), start)
            if issue is not None and (
                name_end is None or name_end <= line_start or issue.start() > name_end + 12
            ):
                start = issue.start()
        found.append(start)
        name_end = m.end()
    for index, start in enumerate(found):
        end = found[index + 1] if index + 1 < len(found) else len(text)
        yield start, min(end, start + _SPAN)


def scan(text: str, *, source: str = "<text>", first_line: int = 1) -> list[Record]:
    """Every announcement in ``text`` as a :class:`~lottery.records.Record`, in order.

    A record holds a draw, or the reason its numbers could not be read.
    ``first_line`` numbers the lines (for a text that is part of a file).
    """
    ensure_str(text, "text")
    lines = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    joined, starts, numbers = _join(_text.normalize(_markup.strip_markup(lines)))
    records: list[Record] = []
    for start, end in spans(joined, starts):
        if _ISSUE_DIGITS.search(joined, start, end) is None:
            continue  # no issue number: a mention of a game, not an announcement
        line = (
            numbers[bisect.bisect_right(starts, start) - 1] + first_line if starts else first_line
        )
        record = _announcement(joined, start, end, source, line, starts)
        if record is not None:
            records.append(record)
    return records


def _line_end(starts: list[int], pos: int, end: int) -> int:
    """Where the line holding ``pos`` ends (the next line's start), at most ``end``."""
    index = bisect.bisect_right(starts, pos)
    return min(starts[index], end) if index < len(starts) else end


def _announcement(
    text: str, start: int, end: int, source: str, line: int, starts: list[int]
) -> Record | None:
    """The record of the announcement in ``text[start:end]``; ``None`` if it names no issue."""
    header = read_header(text, start, end)
    game, issue = header.game, header.issue
    if game is None or issue is None:
        return None  # a name alone: a mention, not an announcement
    where = f"line {line}"
    extras = dict(header.extras)
    try:
        edition = game.edition(game.parse_issue(issue))
    except LotteryError as error:
        return Record(
            source, where, _text.shorten(text[start:end]), game,
            error=str(error), kind=error.kind, issue=issue, extras=extras,
        )  # fmt: skip
    if header.start is None:
        stop = _line_end(starts, header.end, end)
        if TEST_NUMBER in extras or "开机号" in extras:
            reason = f"{game.label}: issue {issue}: only a 试机号 or 开机号, never the result"
        else:
            reason = f"{game.label}: issue {issue} is mentioned, but no result follows it"
        return Record(
            source, where, _text.shorten(text[start:stop]), game,
            error=reason, kind="no-result", issue=issue, extras=extras,
        )  # fmt: skip
    numbers, stop = scan_numbers(text, header.start, end, edition, starts)
    sections = Sections()
    after = stop
    while after < end and text[after] == " ":
        after += 1
    if after < end and text[after] == ";":
        line_end = _line_end(starts, after, end)
        try:
            sections = read_sections(
                game, None, issue, split_on(text[after:line_end], ";", after)[1:]
            )
            stop = line_end
        except LotteryError:
            pass  # the sections are not ours: the draw stands without them
    return make_record(
        source,
        where,
        text[start:stop],
        game,
        issue=issue,
        numbers=numbers,
        date=header.date,
        weekday=header.weekday,
        extras=extras,
        prizes=sections.prizes,
        special=sections.special,
        promotions=sections.promotions,
        pool_before=sections.pool,
    )


def extract(text: str) -> list[Draw]:
    """The draws announced in ``text``, in order; unreadable ones are left out.

    To learn why an announcement was left out, use :func:`scan` or
    ``lottery validate``.
    """
    return [r.draw for r in scan(text) if r.draw is not None]


#: Lines scanned at once by :func:`scan_lines`, and the lines carried to the next block.
_BLOCK: Final = 1 << 20
_CARRY: Final = 8


def scan_lines(lines: Iterable[tuple[int, str, bool]], *, source: str) -> Iterator[Record]:
    """The records of a text given line by line (``(number, text, bad)``), streamed.

    Lines are scanned in blocks of about a megabyte; the last few lines of a
    block are read again with the next, so an announcement across the cut is
    read whole, once.  A line with bytes that do not decode is reported
    (``unreadable``, in its place among the records) and skipped: it costs
    only itself.
    """
    block: list[tuple[int, str]] = []
    bad_lines: list[Record] = []
    size = 0
    for number, raw, bad in lines:
        if bad:
            reason = f"line {number} has bytes that are not text in the file's encoding"
            bad_lines.append(
                Record(
                    source,
                    f"line {number}",
                    _text.shorten(raw),
                    None,
                    error=reason,
                    kind="unreadable",
                )
            )
        text = "" if bad else raw
        block.append((number, text))
        size += len(text) + 1
        if size >= _BLOCK and len(block) > _CARRY:
            keep = block[-_CARRY:]
            before = keep[0][0]
            done = [r for r in bad_lines if _line(r) < before]
            bad_lines = bad_lines[len(done) :]
            yield from _merged(_block(block, source, before=before), done)
            block, size = keep, sum(len(t) + 1 for _, t in keep)
    if block:
        yield from _merged(_block(block, source, before=None), bad_lines)


def _line(record: Record) -> int:
    return int(record.where.removeprefix("line "))


def _merged(found: Iterator[Record], bad: list[Record]) -> Iterator[Record]:
    """Two runs of records in line order, merged in line order."""
    pending = list(bad)
    for record in found:
        while pending and _line(pending[0]) <= _line(record):
            yield pending.pop(0)
        yield record
    yield from pending


def _block(block: list[tuple[int, str]], source: str, before: int | None) -> Iterator[Record]:
    """Records of a block of consecutive lines, those that start before line ``before``."""
    first = block[0][0]
    text = "\n".join(t for _, t in block)
    for record in scan(text, source=source, first_line=first):
        if before is None or _line(record) < before:
            yield record
