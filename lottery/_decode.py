"""Private: bytes to text, line by line, with limits; for files, pipes and standard input.

Chinese result files come in UTF-8 (with or without a byte-order mark),
GB18030 (a superset of GBK and GB2312) and now and then UTF-16.  The
encoding is decided from evidence, wherever in the input it first appears:

- a byte-order mark (UTF-8 or UTF-16);
- a ``<meta charset=…>`` or ``<?xml … encoding=…?>`` declaration near the top;
- otherwise the first lines that are not ASCII (ASCII reads the same in
  both): the encoding that decodes most of them wins, UTF-8 on a tie.

After that, a line that does not decode costs only itself: it is read with
U+FFFD in place of the bad bytes and flagged, so a reader can report it
with its line number.  An empty input, a binary one (NUL bytes) and one
larger than ``max_bytes`` raise :class:`~lottery.exceptions.UnreadableInput`
before any memory is spent on them; memory stays bounded by the chunk and
the longest line, never the input.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import sys
from collections.abc import Generator, Iterator
from typing import BinaryIO, Final, NamedTuple

from lottery.exceptions import UnreadableInput

__all__ = ["DEFAULT_MAX_BYTES", "Line", "chunks", "lines", "open_binary"]

#: The largest input read by default (``--max-bytes``): 1 GiB.
DEFAULT_MAX_BYTES: Final = 1 << 30
_CHUNK: Final = 1 << 20
#: Non-ASCII lines looked at before the encoding is decided.
_VOTES: Final = 16
#: Lines held back at most while the encoding is not decided (ASCII lines between samples).
_PENDING: Final = 4096
_DECLARED: Final = re.compile(
    rb"""(?:charset|encoding)\s*=\s*["']?\s*(gb2312|gbk|gb18030|utf-?8)""", re.IGNORECASE
)


class Line(NamedTuple):
    """One line of an input: its number (from 1), its text, and whether a byte was bad."""

    number: int
    text: str
    bad: bool = False


def open_binary(path: str) -> BinaryIO:
    """``path`` opened for bytes; ``-`` is standard input."""
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def _read(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[bytes]:
    """The stream's bytes in chunks, refusing more than ``max_bytes``."""
    total = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return
        total += len(chunk)
        if total > max_bytes:
            msg = f"{name}: larger than {max_bytes:,} bytes (raise the limit with --max-bytes)"
            raise UnreadableInput(msg, token=name)
        yield chunk


def _start(name: str, head: bytes) -> str | None:
    """The encoding the first chunk declares (BOM or markup), or ``None`` to decide later."""
    if not head:
        msg = f"{name}: empty, nothing to read"
        raise UnreadableInput(msg, token=name)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:8192]:
        msg = f"{name}: binary data (NUL bytes), not text"
        raise UnreadableInput(msg, token=name)
    declared = _DECLARED.search(head[:4096])
    if declared is not None:
        return "utf-8" if declared.group(1).lower().startswith(b"utf") else "gb18030"
    return None


def _valid(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _vote(samples: list[bytes]) -> str:
    utf8 = sum(_valid(s, "utf-8") for s in samples)
    gb = sum(_valid(s, "gb18030") and not _valid(s, "utf-8") for s in samples)
    return "gb18030" if gb > utf8 else "utf-8"


def _blocks(stream: Iterator[bytes]) -> Iterator[bytes]:
    r"""Whole lines a chunk at a time, each line's end (``\n``, ``\r\n``, a lone ``\r``) a ``\n``.

    A block holds no end after its last line; the line still open waits for the
    next chunk (and a ``\r`` that ends a chunk, perhaps the half of a ``\r\n``).
    """
    rest = b""
    for chunk in stream:
        data = rest + chunk
        held = data.endswith(b"\r")
        if held:
            data = data[:-1]
        if b"\r" in data:
            data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        cut = data.rfind(b"\n")
        rest = data[cut + 1 :] + b"\r" if held else data[cut + 1 :]
        if cut >= 0:
            yield data[:cut]
    if rest:
        yield rest.removesuffix(b"\r").replace(b"\r\n", b"\n").replace(b"\r", b"\n")


#: A :class:`Line` made in C from ``(number, text, bad)`` (``Line(...)`` runs Python code).
_LINE: Final = functools.partial(tuple.__new__, Line)


def _block_lines(number: int, texts: list[str]) -> Iterator[Line]:
    """The lines of a decoded block, numbered from ``number + 1``."""
    return map(_LINE, zip(itertools.count(number + 1), texts, itertools.repeat(False)))  # noqa: FBT003


def lines(stream: BinaryIO, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Line]:
    """The decoded lines of ``stream``; see the module's docstring.

    A block of lines that decodes whole (ASCII before the encoding is decided,
    or in the encoding decided) is decoded at once; any other line by line.
    """
    raw = _read(stream, name, max_bytes)
    head = next(raw, b"")
    encoding = _start(name, head)

    def everything() -> Iterator[bytes]:
        yield head
        yield from raw

    if encoding == "utf-16":
        decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
        text = "".join(decoder.decode(chunk) for chunk in everything()) + decoder.decode(
            b"", final=True
        )
        for number, line in enumerate(text.splitlines(), 1):
            yield Line(number, line)
        return
    pending: list[tuple[int, bytes]] = []
    samples: list[bytes] = []
    number = 0
    first = True
    for block in _blocks(everything()):
        if first:
            block = block.removeprefix(codecs.BOM_UTF8)  # noqa: PLW2901 - the input's first line
            first = False
        whole = _whole_block(block, encoding, pending)
        if whole is not None:
            yield from _block_lines(number, whole)
            number += len(whole)
            continue
        number, encoding = yield from _one_by_one(block, number, encoding, pending, samples)
    if pending:
        yield from _decoded(pending, _vote(samples))


def _one_by_one(
    block: bytes,
    number: int,
    encoding: str | None,
    pending: list[tuple[int, bytes]],
    samples: list[bytes],
) -> Generator[Line, None, tuple[int, str | None]]:
    """A block's lines one by one, the encoding decided once enough of them tell.

    Lines not ASCII wait in ``pending`` (with the ASCII ones after them) until
    ``_VOTES`` of them are in ``samples``.  Returns the last line's number and the
    encoding (``None``: not decided yet).
    """
    for data in block.split(b"\n"):
        number += 1
        if encoding is None:
            if data.isascii() and not pending:
                yield Line(number, data.decode("ascii"))
                continue
            pending.append((number, data))
            if not data.isascii():
                samples.append(data)
            if len(samples) < _VOTES and len(pending) < _PENDING:
                continue
            encoding = _vote(samples)
            yield from _decoded(pending, encoding)
            pending.clear()
            continue
        yield from _decoded([(number, data)], encoding)
    return number, encoding


def _whole_block(
    block: bytes, encoding: str | None, pending: list[tuple[int, bytes]]
) -> list[str] | None:
    """A block's lines decoded at once, or ``None`` where they must go line by line."""
    if encoding is None:
        return block.decode("ascii").split("\n") if not pending and block.isascii() else None
    try:
        return block.decode(_codec(encoding)).split("\n")
    except UnicodeDecodeError:
        return None  # a bad line: each line on its own, the bad one flagged


def _codec(encoding: str) -> str:
    return "utf-8" if encoding == "utf-8-sig" else encoding


def _decoded(raw: list[tuple[int, bytes]], encoding: str) -> Iterator[Line]:
    codec = _codec(encoding)
    for number, line in raw:
        try:
            yield Line(number, line.decode(codec))
        except UnicodeDecodeError:
            yield Line(number, line.decode(codec, errors="replace"), bad=True)


def chunks(stream: BinaryIO, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[str]:
    """The decoded text of ``stream`` in pieces of about a megabyte (for JSON on one line).

    The encoding is decided as for :func:`lines`, from the first piece that is
    not ASCII; a piece never ends inside a character.
    """
    raw = _read(stream, name, max_bytes)
    head = next(raw, b"")
    encoding = _start(name, head)
    decoder: codecs.IncrementalDecoder | None = None
    for chunk in _chain(head, raw):
        if decoder is None:
            if encoding is None and chunk.isascii():
                yield chunk.decode("ascii")
                continue
            if encoding is None:
                sample = chunk.split(b"\n")
                encoding = _vote([s for s in sample[:-1] if not s.isascii()] or [chunk[:-4]])
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        yield decoder.decode(chunk)
    if decoder is not None:
        yield decoder.decode(b"", final=True)


def _chain(head: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield head
    yield from rest
