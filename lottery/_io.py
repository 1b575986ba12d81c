"""Private file helpers: open text in UTF-8 (with or without BOM) or GB18030.

Chinese result files come in both encodings.  The encoding is decided from
the first 64 KiB: a byte-order mark wins; bytes that are valid UTF-8 mean
UTF-8; anything else is read as GB18030 (a superset of GBK and GB2312).
Undecodable bytes become U+FFFD, so a bad line is reported, never lost.
"""

from __future__ import annotations

import codecs
import io
import os
import stat
import sys
from typing import TYPE_CHECKING, BinaryIO, TextIO

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "SPLIT_SIZE",
    "VECTOR_SPLIT_SIZE",
    "big_file",
    "default_store_path",
    "detect_encoding",
    "open_text",
]

_SAMPLE = 64 * 1024
#: Ticket files smaller than this are checked in one process: starting workers costs more.
SPLIT_SIZE = 4 << 20
#: The same with the vectorised lane (one draw, numpy): one process checks ~10 million single
#: bets a second, and a 92 MB file split over 2 workers was no faster (docs/performance.md).
VECTOR_SPLIT_SIZE = 256 << 20


def big_file(path: str, min_size: int = SPLIT_SIZE) -> bool:
    """Whether ``path`` is a regular file of ``min_size`` bytes or more (worth splitting).

    A pipe, a FIFO or standard input is read once, by one process: opening it
    again would take lines from the reader.
    """
    if path == "-":
        return False
    try:
        status = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(status.st_mode) and status.st_size >= min_size


def default_store_path() -> Path:
    """``$XDG_DATA_HOME/lottery/draws.sqlite``, or the platform's user data folder."""
    from pathlib import Path  # noqa: PLC0415 - not needed to start the command line

    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    if xdg:
        base = Path(xdg)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path.home() / ".local" / "share"
    return base / "lottery" / "draws.sqlite"


def detect_encoding(sample: bytes) -> str:
    """``utf-8-sig``, ``utf-16``, ``utf-8`` or ``gb18030`` for the first bytes of a file."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def open_text(path: str) -> TextIO:
    """Open ``path`` (``-`` for standard input) as text, encoding detected."""
    raw: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 - returned open
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[type-var]
    encoding = detect_encoding(buffered.peek(_SAMPLE)[:_SAMPLE])
    return io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline=None)
