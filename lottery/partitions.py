r"""The tickets of a large check as parts: byte ranges of text files, row groups of columnar ones.

Each part is checked on its own — in this process, in another, on a machine
of a cluster (:mod:`lottery.dask`) — its lines numbered from its start;
:func:`merge` moves each part's tally to its file and line and adds them
up.  Any partition gives the tally of one pass over the files in order
(several files: each winner and rejected line keeps its file, ``source``).

>>> import os, tempfile, lottery
>>> from lottery import partitions
>>> draw = lottery.parse_draw("pl3", "1 6 1", issue="19048")
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "tickets.txt")
>>> with open(path, "w", encoding="utf-8") as f:
...     _ = f.write("161\n" * 600 + "oops\n" + "1 6 1\n" * 600)
>>> parts = partitions.split([path], size=1000)
>>> len(parts) > 1
True
>>> tally = partitions.merge([partitions.check_part(p, [draw]) for p in parts], [draw])
>>> tally.tickets, dict(tally.wins), tally.rejected[0].where
(1200, {'直选': 1200}, 601)
"""

from __future__ import annotations

import glob
import io
import itertools
import os
from collections.abc import Sequence
from typing import IO, Any, Final

import attrs

from lottery import _io
from lottery.batch import check_many
from lottery.exceptions import LotteryError
from lottery.model import Draw
from lottery.tally import KEEP, Tally

__all__ = ["PART_ROWS", "PART_SIZE", "Checked", "Part", "check", "check_part", "expand", "merge",
           "split"]  # fmt: skip

#: Bytes of text per part: a part's start-up is nothing next to it (~0.2 s of work), and the
#: parts are many enough to keep every worker busy to the end.
PART_SIZE: Final = 32 << 20
#: Rows of a columnar file per part (whole row groups: one, as ``lottery convert`` writes them).
PART_ROWS: Final = 1 << 20
#: Encodings in which a line break is always one of its own bytes.
_SPLITTABLE: Final = ("utf-8", "utf-8-sig", "gb18030")
_SAMPLE: Final = 1 << 16
_READ: Final = 1 << 20


@attrs.frozen
class Part:
    """A piece of the tickets: a byte range of a text file or row groups of a columnar file."""

    path: str
    #: The file's place among the inputs.
    file: int
    start: int = 0
    end: int = 0
    row_groups: tuple[int, ...] = ()
    columnar: bool = False
    #: A text file's encoding, detected once for the whole file.
    encoding: str = "utf-8"


@attrs.frozen
class Checked:
    """A part's tally, its lines numbered from the part's start, and how many lines it holds."""

    part: Part
    tally: Tally
    lines: int


def expand(inputs: str | Sequence[str]) -> list[str]:
    """Files and globs as paths, in order (a glob's matches sorted).

    Raises OSError for a name that is neither a file nor a glob that matches one.
    """
    names = [inputs] if isinstance(inputs, str) else list(inputs)
    out: list[str] = []
    for name in names:
        if os.path.isfile(name):
            out.append(name)
            continue
        found = sorted(p for p in glob.glob(name, recursive=True) if os.path.isfile(p))
        if not found:
            raise FileNotFoundError(2, "no such file, and no file matches it", name)
        out += found
    return out


def split(paths: Sequence[str], *, size: int = PART_SIZE, rows: int = PART_ROWS) -> list[Part]:
    """The parts of the files, in file order.  Raises OSError.

    Text is cut at line ends every ``size`` bytes or so; columnar files by
    whole row groups of about ``rows`` rows.
    """
    parts: list[Part] = []
    for index, path in enumerate(paths):
        if _is_columnar(path):
            parts += _row_group_parts(path, index, rows)
        else:
            parts += _text_parts(path, index, size)
    return parts


def _is_columnar(path: str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"PAR1"


def _row_group_parts(path: str, index: int, rows: int) -> list[Part]:
    import pyarrow.parquet as pq  # noqa: PLC0415 - the scale extra

    from lottery import columnar  # noqa: PLC0415

    columnar.describe(path)  # a Parquet file of another kind is refused here
    meta = pq.ParquetFile(path).metadata
    parts: list[Part] = []
    groups: list[int] = []
    held = 0
    for group in range(meta.num_row_groups):
        groups.append(group)
        held += meta.row_group(group).num_rows
        if held >= rows:
            parts.append(Part(path, index, row_groups=tuple(groups), columnar=True))
            groups, held = [], 0
    if groups or not parts:
        parts.append(Part(path, index, row_groups=tuple(groups), columnar=True))
    return parts


def _text_parts(path: str, index: int, size: int) -> list[Part]:
    """Byte ranges that end after a newline (never inside a character or a CR LF)."""
    length = os.path.getsize(path)
    with open(path, "rb") as handle:
        sample = handle.read(_SAMPLE)
        encoding = _io.detect_encoding(sample)
        if encoding not in _SPLITTABLE or length <= size:
            return [Part(path, index, 0, length, encoding=encoding)]
        cuts = [0]
        while cuts[-1] + size < length:
            handle.seek(cuts[-1] + size)
            handle.readline()
            cut = handle.tell()
            if cut >= length:
                break
            cuts.append(cut)
        cuts.append(length)
    return [
        Part(path, index, start, end, encoding=encoding if start == 0 else _no_mark(encoding))
        for start, end in itertools.pairwise(cuts)
    ]


def _no_mark(encoding: str) -> str:
    """The encoding of a part after the first: its byte order mark is at the file's start."""
    return encoding.removesuffix("-sig")


class _Range(io.RawIOBase):
    """Bytes ``start`` to ``end`` of a file, counting the line breaks read (CR LF, LF, CR)."""

    def __init__(self, path: str, start: int, end: int) -> None:
        self.handle = open(path, "rb")  # noqa: SIM115 - closed with the range
        self.handle.seek(start)
        self.left = end - start
        self.breaks = 0
        self.after_cr = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:  # noqa: ANN401 - the RawIOBase signature
        data = self.handle.read(min(len(buffer), self.left))
        self.left -= len(data)
        buffer[: len(data)] = data
        if data:
            self.breaks += data.count(b"\n")
            if self.after_cr or b"\r" in data:  # a CR alone breaks a line too
                pairs = data.count(b"\r\n") + (self.after_cr and data[:1] == b"\n")
                self.breaks += data.count(b"\r") - pairs
            self.after_cr = data[-1:] == b"\r"
        return len(data)

    def close(self) -> None:
        self.handle.close()
        super().close()


def check_part(part: Part, draws: Sequence[Draw], *, keep: int = KEEP) -> Checked:
    """Check one part against the draws: its tally (lines from the part's start) and its lines.

    Against one draw with numpy installed, through the vectorised lane;
    otherwise by :func:`lottery.check_many`.
    """
    if part.columnar:
        return _check_columnar(part, draws, keep)
    stream = _Range(part.path, part.start, part.end)
    with io.BufferedReader(stream, _READ) as buffered:
        tally = _check_text(buffered, part.encoding, draws, keep)
        while buffered.read(_READ):
            pass  # a part the check did not read to its end: count its lines all the same
    return Checked(part, tally, stream.breaks)


def _check_text(stream: IO[bytes], encoding: str, draws: Sequence[Draw], keep: int) -> Tally:
    from lottery import vector  # noqa: PLC0415 - imports numpy only when the lane is taken

    if len(draws) == 1 and vector.enabled():
        return vector.check_stream(
            stream, encoding, draws[0], keep_winners=keep, keep_rejected=keep
        )
    text = io.TextIOWrapper(stream, encoding, errors="replace", newline=None)
    try:
        return check_many(text, draws, keep_winners=keep, keep_rejected=keep)
    finally:
        text.detach()


def _check_columnar(part: Part, draws: Sequence[Draw], keep: int) -> Checked:
    from lottery import columnar  # noqa: PLC0415 - the scale extra

    if len(draws) == 1:
        tally = columnar.check(
            part.path, draws[0], row_groups=part.row_groups, keep_winners=keep, keep_rejected=keep
        )
    else:  # several draws: the exact path, over the lines the file was made from
        tally = check_many(columnar.lines(part.path), draws, keep_winners=keep, keep_rejected=keep)
    return Checked(part, tally, 0)  # its lines are numbered in the file already


def merge(checked: Sequence[Checked], draws: Sequence[Draw], *, keep: int = KEEP) -> Tally:
    """The parts' tallies moved to their files and lines and added up."""
    if not draws:
        msg = "a check needs at least one draw"
        raise LotteryError(msg)
    files = {c.part.path for c in checked}
    order = tuple(t.name for t in draws[-1].edition.tiers)
    total = Tally.empty(len(draws), order=order, keep=keep)
    before: dict[int, int] = {}
    for item in sorted(checked, key=lambda c: (c.part.file, c.part.start, c.part.row_groups)):
        file = item.part.file
        lines = before.get(file, 0)
        source = item.part.path if len(files) > 1 else None
        total += item.tally.moved(source=source, lines=lines)
        before[file] = lines + item.lines
    return total


def check(
    inputs: str | Sequence[str], draws: Sequence[Draw], *, keep: int = KEEP, size: int = PART_SIZE
) -> Tally:
    """Check files (text or columnar, or globs) against the draws in this process, part by part."""
    parts = split(expand(inputs), size=size)
    return merge([check_part(p, draws, keep=keep) for p in parts], draws, keep=keep)
