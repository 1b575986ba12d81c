"""Any input, whatever its kind, as a stream of records: the readers behind one entry.

The kind is told from the content: JSON (a list or an object), a history in
rows (CSV, TSV, ``;`` or spaces, with or without a header), or text
(newspaper pages, scraped web pages, single lines).  Files, pipes and
standard input (``-``) are read once, as bytes, decoded line by line
(:mod:`lottery._decode`); nothing is held but the record being read, so
memory is bounded by the record and the block, never the input.  An input
that holds nothing to read (empty, binary, too large, not JSON) is one
record that says so.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO, Final

from lottery import _decode, _text, store
from lottery._decode import DEFAULT_MAX_BYTES, Line
from lottery.exceptions import LotteryError, UnreadableInput
from lottery.feeds import read_json_pieces
from lottery.news import scan_lines
from lottery.records import Record
from lottery.registry import get_game
from lottery.rules import Game
from lottery.tables import looks_like_rows, read_rows

__all__ = [
    "DEFAULT_MAX_BYTES",
    "detect_kind",
    "game_from_name",
    "read_path",
    "read_stream",
    "read_text",
]

_PEEK: Final = 1 << 16


def detect_kind(head: str) -> str:
    """``json``, ``rows`` or ``text``, from the first characters of an input."""
    start = head.lstrip("\ufeff \t\r\n")
    if start[:1] in "[{":
        return "json"
    first = next((line for line in start.splitlines() if line.strip()), "")
    return "rows" if looks_like_rows(first) else "text"


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of a stream: its first whole line (a pipe may deliver less at once)."""
    head = b""
    while len(head) < _PEEK and b"\n" not in head:
        piece = stream.read1(_PEEK) if hasattr(stream, "read1") else stream.read(_PEEK)
        if not piece:
            break
        head += piece
    return head


class _Replayed(io.RawIOBase):
    """A stream whose first bytes were read already: they come first, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head = head
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:  # noqa: ANN401 - the RawIOBase signature
        view = memoryview(buffer)
        if self.head:
            count = min(len(view), len(self.head))
            view[:count] = self.head[:count]
            self.head = self.head[count:]
            return count
        data = (
            self.rest.read1(len(view)) if hasattr(self.rest, "read1") else self.rest.read(len(view))
        )
        view[: len(data)] = data
        return len(data)


def _guess(head: bytes) -> str:
    """The first bytes as text, for telling the kind (a character cut at the end is dropped)."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return head.decode(encoding)
        except UnicodeDecodeError as error:
            if error.start >= len(head) - 4:  # only the last character is cut
                return head[: error.start].decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")


def game_from_name(path: str) -> Game | None:
    """A game named in a file name: ``ssq_2003_2020.csv``, ``fc3d.bad.csv``."""
    stem = os.path.basename(path)
    for token in stem.replace("-", "_").replace(".", "_").split("_"):
        try:
            return get_game(token)
        except LotteryError:
            continue
    return None


def read_stream(
    stream: BinaryIO,
    *,
    source: str,
    game: Game | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record]:
    """The records of a byte stream (a file, a pipe, standard input), read once."""
    head = _head(stream)
    buffered = io.BufferedReader(_Replayed(head, stream), buffer_size=1 << 16)
    try:
        if head.startswith(store.MAGIC):
            reason = f"{source} is an SQLite store: give it as a file path, not a stream"
            yield Record(source, "file", "", game, error=reason, kind="unreadable")
            return
        kind = detect_kind(_guess(head))
        if kind == "json":
            yield from read_json_pieces(
                _decode.chunks(buffered, name=source, max_bytes=max_bytes), source=source, game=game
            )
            return
        lines = _decode.lines(buffered, name=source, max_bytes=max_bytes)
        if kind == "rows":
            yield from read_rows(lines, source=source, game=game)
        else:
            yield from _text_records(lines, source, game)
    except UnreadableInput as error:
        yield Record(source, "file", "", game, error=str(error), kind=error.kind)


def _text_records(lines: Iterator[Line], source: str, game: Game | None) -> Iterator[Record]:
    """Announcements in text; a text that holds none is one record that says so."""
    seen = False
    shown: list[str] = []

    def remember(items: Iterator[Line]) -> Iterator[Line]:
        for line in items:
            if len(shown) < 3 and line.text.strip():
                shown.append(line.text.strip())
            yield line

    for record in scan_lines(remember(lines), source=source):
        seen = True
        yield record
    if not seen:
        reason = "no announcement found (a game name, 第…期 and numbers)"
        yield Record(source, "file", _text.shorten(" ".join(shown), 80), game, error=reason,
                     kind="unreadable")  # fmt: skip


def _store_records(path: str, game: Game | None) -> Iterator[Record]:
    try:
        with store.open(path, create=False) as kept:
            yield from kept.records(game)
    except UnreadableInput as error:
        yield Record(path, "file", "", game, error=str(error), kind=error.kind)


def read_text(text: str, *, source: str = "<text>", game: Game | None = None) -> Iterator[Record]:
    """The records of a text already in memory."""
    return read_stream(io.BytesIO(text.encode("utf-8")), source=source, game=game)


def read_path(
    path: str, *, game: Game | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """The records of a file (``-``: standard input).  Raises OSError if it cannot be opened.

    An SQLite file is read as a :mod:`lottery.store` (its draws, oldest first).
    """
    if path != "-" and os.path.isfile(path) and store.is_store(path):
        yield from _store_records(path, game)
        return
    handle = _decode.open_binary(path)
    try:
        yield from read_stream(
            handle, source=path, game=game or game_from_name(path), max_bytes=max_bytes
        )
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
