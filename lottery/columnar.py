r"""Tickets in columns: a Parquet file the vectorised lane scores without reading text.

Needs the ``scale`` extra (pyarrow, and numpy).  One row per ticket line of
the text it was converted from, in line order; blank and comment lines are
left out (their numbers are kept, so every line stays where it was):

============  =========  ===========================================================
column        type       holds
============  =========  ===========================================================
``line``      int64      the line's number in the text
``spelling``  uint8      a single bet of the game's own play: which of its canonical
                         spellings the line was (``02 05 … + 04``, ``… x5``) —
                         null for a text row
``n1`` …      uint8      the single bet's numbers, zone after zone, as written
``multiple``  uint16     its multiple
``text``      string     any other line, as written: 复式, 胆拖, other plays, 追加,
                         a line that is not a ticket — null for a row of numbers
============  =========  ===========================================================

The file's metadata (key ``lottery``) names the format, the game and the
rule edition the numbers were read under.  A row of numbers and its spelling
give back the line byte for byte, so checking the file gives the tally the
text gives (winners shown as written, rejected lines with their reasons):

>>> import os, tempfile, lottery, lottery.columnar as columnar
>>> draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
>>> folder = tempfile.mkdtemp()
>>> text, table = os.path.join(folder, "t.txt"), os.path.join(folder, "t.parquet")
>>> with open(text, "w", encoding="utf-8") as f:
...     _ = f.write("02 05 07 08 20 33 + 04 x5\n01 02 03 04 05 06 07 + 16\noops\n")
>>> converted = columnar.convert(text, table, game="ssq")
>>> converted.singles, converted.texts, converted.rejected_count
(1, 2, 1)
>>> tally = columnar.check(table, draw)
>>> dict(tally.wins), tally.rejected[0].where
({'三等奖': 5}, 3)
>>> with open(text, encoding="utf-8") as f:
...     tally == lottery.check_many(f, [draw])
True
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from lottery import _io, _text, vector
from lottery import _rowlane as _rows
from lottery.batch import OneDraw
from lottery.exceptions import EditionMismatch, GameMismatch, LotteryError, UnreadableInput
from lottery.model import Draw
from lottery.notation import parse_ticket
from lottery.registry import get_game
from lottery.rules import Edition, Game
from lottery.tally import KEEP, Rejected, Tally

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "FORMAT",
    "ROW_GROUP",
    "Converted",
    "Layout",
    "available",
    "check",
    "convert",
    "describe",
    "is_columnar",
    "lines",
]

#: The format's name in the file's metadata, and its version.
FORMAT: Final = "lottery-tickets"
VERSION: Final = 1
#: Rows per row group: the unit a cluster splits a file into.
ROW_GROUP: Final = 1 << 20
_KEY: Final = b"lottery"
_LINES: Final = "lottery.lines"
_MAGIC: Final = b"PAR1"


def available() -> bool:
    """Whether pyarrow and numpy are installed (``pip install 'lottery[scale]'``)."""
    try:
        import numpy  # noqa: F401, PLC0415 - the optional extra
        import pyarrow  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def is_columnar(path: str) -> bool:
    """Whether ``path`` is a Parquet file (by its first bytes)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == _MAGIC
    except OSError:
        return False


@attrs.frozen
class Layout:
    """What a columnar ticket file holds: its game, rule edition, rows and row groups."""

    path: str
    game: Game
    edition: Edition
    numbers: int
    rows: int
    row_groups: int
    source: str
    #: Lines of the text it was converted from.
    lines: int


@attrs.frozen
class Converted:
    """What :func:`convert` wrote: rows of numbers, rows of text, lines left out or rejected."""

    path: str
    game: str
    edition: str
    lines: int
    singles: int
    texts: int
    skipped: int
    rejected: tuple[Rejected, ...]
    rejected_count: int

    @property
    def rows(self) -> int:
        """Rows written."""
        return self.singles + self.texts

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``lottery convert --json``)."""
        return {
            "path": self.path,
            "game": self.game,
            "edition": self.edition,
            "lines": self.lines,
            "rows": self.rows,
            "singles": self.singles,
            "texts": self.texts,
            "skipped": self.skipped,
            "rejected": [r.to_dict() for r in self.rejected],
            "rejected_count": self.rejected_count,
        }


def describe(path: str) -> Layout:
    """The layout of a columnar ticket file; UnreadableInput if it is not one."""
    import pyarrow.parquet as pq  # noqa: PLC0415 - the optional extra

    try:
        handle = pq.ParquetFile(path)
        meta, columns = handle.metadata, handle.schema_arrow
    except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
        msg = f"{path} is not a Parquet file: {error}"
        raise UnreadableInput(msg, token=path) from None
    told = (meta.metadata or {}).get(_KEY)
    try:
        info = json.loads(told) if told else {}
        game = get_game(info["game"])
        edition = next(e for e in game.editions if e.name == info["edition"])
        numbers = int(info["numbers"])
        ok = info.get("format") == FORMAT and info.get("version") == VERSION
    except (ValueError, KeyError, TypeError, StopIteration, LotteryError):
        ok = False
    if not ok:
        msg = f"{path} is a Parquet file, but not of lottery tickets ({FORMAT} {VERSION})"
        raise UnreadableInput(msg, token=path)
    expected = _schema(numbers, {})
    if [(f.name, f.type) for f in columns] != [(f.name, f.type) for f in expected]:
        shown = ", ".join(f"{f.name}: {f.type}" for f in columns)
        msg = f"{path} says it holds lottery tickets, but its columns are not theirs ({shown})"
        raise UnreadableInput(msg, token=path)
    lines = _text.plain_int((meta.metadata or {}).get(_LINES.encode(), b"").decode("latin-1"))
    return Layout(
        path, game, edition, numbers, meta.num_rows, meta.num_row_groups,
        str(info.get("source", "")), lines or 0,
    )  # fmt: skip


def _schema(numbers: int, info: dict[str, Any]) -> Any:  # noqa: ANN401 - a pyarrow schema
    import pyarrow as pa  # noqa: PLC0415 - the optional extra

    fields = [pa.field("line", pa.int64(), nullable=False), pa.field("spelling", pa.uint8())]
    fields += [pa.field(f"n{k + 1}", pa.uint8()) for k in range(numbers)]
    fields += [pa.field("multiple", pa.uint16()), pa.field("text", pa.string())]
    return pa.schema(fields, metadata={_KEY: json.dumps(info, ensure_ascii=False).encode()})


# --- writing ------------------------------------------------------------------------------


class _Writer:
    """Rows gathered into row groups of :data:`ROW_GROUP` rows and written."""

    def __init__(self, out: str, schema: Any, numbers: int, row_group: int) -> None:  # noqa: ANN401
        import pyarrow.parquet as pq  # noqa: PLC0415 - the optional extra

        self.schema = schema
        self.numbers = numbers
        self.row_group = row_group
        self.writer = pq.ParquetWriter(out, schema, compression="zstd")
        self.pending: list[Any] = []
        self.size = 0
        self.singles = self.texts = 0

    def add(
        self,
        where: NDArray[Any],
        spelling: NDArray[Any],
        values: NDArray[Any],
        multiples: NDArray[Any],
        texts: list[tuple[int, str]],
    ) -> None:
        """One block's rows: the rows of numbers, the rows of text; written in line order."""
        import numpy as np  # noqa: PLC0415 - the optional extra
        import pyarrow as pa  # noqa: PLC0415

        n, t = len(where), len(texts)
        columns: list[Any] = [
            np.concatenate([where, np.array([w for w, _ in texts], dtype=np.int64)]),
            pa.array(np.concatenate([spelling, np.zeros(t, np.uint8)]), mask=_tail(n, t)),
        ]
        columns += [
            pa.array(np.concatenate([values[:, k], np.zeros(t, np.uint8)]), mask=_tail(n, t))
            for k in range(self.numbers)
        ]
        columns.append(pa.array(np.concatenate([multiples, np.zeros(t, np.uint16)]),
                                mask=_tail(n, t)))  # fmt: skip
        columns.append(pa.array([None] * n + [text for _, text in texts], type=pa.string()))
        table = pa.Table.from_arrays(columns, schema=self.schema).sort_by("line")
        self.singles += n
        self.texts += t
        self.pending.append(table)
        self.size += len(table)
        if self.size >= self.row_group:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa  # noqa: PLC0415 - the optional extra

        if self.pending:
            self.writer.write_table(pa.concat_tables(self.pending), row_group_size=self.row_group)
        self.pending, self.size = [], 0

    def close(self, lines: int) -> None:
        self.flush()
        self.writer.add_key_value_metadata({_LINES: str(lines)})
        self.writer.close()


def _tail(n: int, t: int) -> NDArray[Any]:
    """A null mask: the first ``n`` rows set, the ``t`` after them null."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    return np.concatenate([np.zeros(n, dtype=bool), np.ones(t, dtype=bool)])


def convert(
    source: str,
    out: str,
    *,
    game: Game | str,
    issue: str | None = None,
    keep: int = KEEP,
    on_rejected: Callable[[Rejected], None] | None = None,
    row_group: int = ROW_GROUP,
) -> Converted:
    """Write the ticket file ``source`` as a columnar ticket file ``out``.

    Single bets are read under the rule edition of ``issue`` (default: the
    latest); the lines that do not hold a valid ticket under it are kept as
    text (checking rejects them again, with the same reason) and reported to
    ``on_rejected``.  Raises OSError if ``source`` cannot be read.
    """
    import numpy as np  # noqa: PLC0415 - the optional extra

    g = get_game(game)
    edition = g.edition(g.parse_issue(issue)) if issue is not None else g.editions[-1]
    lane = _rows.reader(g, edition)
    numbers = len(lane.low) if lane is not None else 0
    info = {"format": FORMAT, "version": VERSION, "game": g.code, "edition": edition.name,
            "numbers": numbers, "source": source}  # fmt: skip
    reading = _Reading(g, edition, issue, keep, on_rejected)
    writer = _Writer(out, _schema(numbers, info), numbers, row_group)
    first = 1
    try:
        for block, encoding in _ascii_safe_blocks(source):
            where, spelling, values, multiples, texts, first = _block(
                block, encoding, first, lane, reading
            )
            writer.add(where, spelling, values.astype(np.uint8), multiples.astype(np.uint16),
                       texts)  # fmt: skip
    finally:
        writer.close(first - 1)
    return Converted(
        out, g.code, edition.name, first - 1, writer.singles, writer.texts, reading.skipped,
        tuple(reading.rejected), reading.rejected_count,
    )  # fmt: skip


class _Reading:
    """The text rows of a conversion: blank and comment lines left out, bad lines reported."""

    def __init__(
        self,
        game: Game,
        edition: Edition,
        issue: str | None,
        keep: int,
        on_rejected: Callable[[Rejected], None] | None,
    ) -> None:
        self.game = game
        self.issue = issue if issue is not None else edition.first_issue
        self.keep = keep
        self.on_rejected = on_rejected
        self.skipped = 0
        self.rejected: list[Rejected] = []
        self.rejected_count = 0

    def text(self, where: int, line: str, rows: list[tuple[int, str]]) -> None:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            self.skipped += 1  # as check_many skips them
            return
        rows.append((where, line))
        try:
            parse_ticket(self.game, stripped, issue=self.issue)
        except LotteryError as error:
            bad = Rejected(where, stripped[:80], str(error), error.kind)
            self.rejected_count += 1
            if len(self.rejected) < self.keep:
                self.rejected.append(bad)
            if self.on_rejected is not None:
                self.on_rejected(bad)


def _ascii_safe_blocks(path: str) -> Iterator[tuple[bytes | memoryview, str]]:
    """Blocks of whole lines in an encoding where ASCII is itself (others re-encoded as UTF-8)."""
    with _io.open_text(path) as handle:
        encoding = handle.encoding.lower().replace("_", "-")
        if encoding in ("utf-8", "utf-8-sig", "gb18030"):
            for number, block in enumerate(vector.blocks(handle.buffer, None)):
                bom = number == 0 and block[:3].tobytes() == b"\xef\xbb\xbf"
                yield (block[3:] if bom else block), encoding.removesuffix("-sig")
            return
        while True:  # UTF-16: lines as text, written again as UTF-8
            chunk = handle.readlines(vector.BLOCK)
            if not chunk:
                return
            yield "".join(chunk).encode("utf-8"), "utf-8"


def _block(
    data: bytes | memoryview,
    encoding: str,
    first: int,
    lane: _rows.Lane | None,
    reading: _Reading,
) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any], NDArray[Any], list[tuple[int, str]], int]:
    """One block's rows of numbers (lines, spellings, numbers, multiples) and of text."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    width = len(lane.low) if lane is not None else 0
    found: list[tuple[NDArray[Any], int, NDArray[Any], NDArray[Any]]] = []
    texts: list[tuple[int, str]] = []
    raw = np.frombuffer(data, dtype=np.uint8)
    spans = vector.line_spans(raw)
    if spans is None:  # a lone carriage return ends a line: read the block as text
        where = first
        for line in io.StringIO(bytes(data).decode(encoding, errors="replace"), newline=None):
            reading.text(where, line.rstrip("\n"), texts)
            where += 1
        return *_numbers(found, width), texts, where
    starts, stops = spans
    fitting = vector.Unmatched(stops - starts)
    for index, template in enumerate(lane.templates if lane is not None else ()):
        rows = fitting(template.length)
        if len(rows) and lane is not None:
            ok, values, multiples = vector.fields(raw, starts[rows], template)
            values, multiples = values.astype(np.int16), multiples.astype(np.int16)
            _rows.valid_rows(values, multiples, ok, lane)
            fitting.matched[rows[ok]] = True
            found.append((first + rows[ok], index, values[ok], multiples[ok]))
    for index in np.flatnonzero(~fitting.matched).tolist():
        line = bytes(data[starts[index] : stops[index]]).decode(encoding, errors="replace")
        reading.text(first + index, line, texts)
    return *_numbers(found, width), texts, first + len(starts)


def _numbers(
    found: list[tuple[NDArray[Any], int, NDArray[Any], NDArray[Any]]], width: int
) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any], NDArray[Any]]:
    import numpy as np  # noqa: PLC0415 - the optional extra

    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.astype(np.uint8), np.zeros((0, width), np.int64), empty
    return (
        np.concatenate([w for w, _, _, _ in found]),
        np.concatenate([np.full(len(w), s, dtype=np.uint8) for w, s, _, _ in found]),
        np.concatenate([v for _, _, v, _ in found]),
        np.concatenate([m for _, _, _, m in found]),
    )


# --- reading --------------------------------------------------------------------------------


#: Rows scored at a time: the arrays of a slice stay in the processor's cache.
_SLICE: Final = 1 << 17


def _batches(path: str, row_groups: Sequence[int] | None) -> Iterator[Any]:
    """The row groups' rows, in slices of :data:`_SLICE`."""
    import pyarrow.parquet as pq  # noqa: PLC0415 - the optional extra

    handle = pq.ParquetFile(path)
    groups = range(handle.metadata.num_row_groups) if row_groups is None else row_groups
    for group in groups:
        try:
            table = handle.read_row_group(group)
        except (OSError, ValueError, IndexError) as error:  # damaged, cut short, no such group
            msg = f"{path}: row group {group} cannot be read: {error}"
            raise UnreadableInput(msg, token=path) from None
        for start in range(0, len(table), _SLICE):
            yield table.slice(start, _SLICE)


def check(
    path: str,
    draw: Draw,
    *,
    row_groups: Sequence[int] | None = None,
    keep_winners: int = KEEP,
    keep_rejected: int = KEEP,
    on_rejected: Callable[[Rejected], None] | None = None,
) -> Tally:
    """A columnar ticket file (or some of its row groups) against one draw.

    The tally is the one :func:`lottery.check_many` gives for the text it was
    converted from.  Raises UnreadableInput for another kind of file, and
    GameMismatch or EditionMismatch for tickets read under other rules.
    """
    layout = _fitting(path, draw)
    lane = _rows.lane(draw)
    one = OneDraw.start(
        draw, keep_winners=keep_winners, keep_rejected=keep_rejected, on_rejected=on_rejected
    )
    templates = _rows.spellings(draw.game, draw.edition) or ()
    for table in _batches(path, row_groups):
        spelled = table.column("spelling")
        numbers = spelled.null_count < len(table)  # rows of numbers
        texts = spelled.null_count > 0  # rows of text (a row of neither: a blank line)
        rest: list[tuple[int, str | None]] = []
        if numbers:
            picked = table.filter(spelled.is_valid()) if texts else table
            rest += _score(picked, layout.numbers, templates, lane, one)
        if texts:
            written = table.filter(spelled.is_null())
            rest += zip(written.column("line").to_pylist(), written.column("text").to_pylist(),
                        strict=True)  # fmt: skip
        for line, text in sorted(rest, key=lambda item: item[0]):
            if text is not None:
                vector.one_line(one, line, text)
    one.close()
    return one.tally()


def _score(
    table: Any,  # noqa: ANN401 - a pyarrow table of rows of numbers
    width: int,
    templates: Sequence[_rows.Template],
    lane: _rows.Lane | None,
    one: OneDraw,
) -> list[tuple[int, str | None]]:
    """Score rows of numbers through the lane; the rows it did not take, as lines."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    lines = table.column("line").to_numpy()
    spelling = table.column("spelling").to_numpy()
    values = np.empty((len(table), width), dtype=np.int16)  # as the text lane reads them
    for k in range(width):
        values[:, k] = table.column(f"n{k + 1}").to_numpy()
    multiples = table.column("multiple").to_numpy().astype(np.int16)
    ok = spelling < len(templates)
    if lane is not None:
        for row, tiers, times in _rows.tally_rows(values, multiples, ok, lane, one, lines):
            text = _rows.render(templates[spelling[row]], values[row].tolist(), times)
            one.keep(int(lines[row]), text, tiers, times)
    else:
        ok[:] = False  # no lane for this game: every row by the exact path
    return [
        (int(lines[row]), _shown(templates, spelling[row], values[row], multiples[row]))
        for row in np.flatnonzero(~ok).tolist()
    ]


def _shown(templates: Sequence[_rows.Template], spelling: int, values: Any, times: Any) -> str:  # noqa: ANN401
    """A row of numbers as its line, for the exact path (a row the lane did not take)."""
    numbers = [int(v) for v in values]
    if spelling < len(templates):
        return _rows.render(templates[int(spelling)], numbers, int(times))
    return " ".join(map(str, numbers))  # a spelling this library never wrote: rejected


def _fitting(path: str, draw: Draw) -> Layout:
    """The file's layout, if its tickets were read under rules with ``draw``'s ticket layout."""
    layout = describe(path)
    if layout.game is not draw.game:
        msg = f"{path} holds {layout.game.label} tickets, not {draw.game.label}"
        raise GameMismatch(msg, game=draw.game.code, token=layout.game.code)
    if layout.edition.ticket_zones != draw.edition.ticket_zones:  # another ticket layout
        msg = (
            f"{draw.game.label}: {path} holds tickets read under the {layout.edition.name!r}"
            f" rules; issue {draw.issue} follows {draw.edition.name!r} (convert it again"
            " with --issue)"
        )
        raise EditionMismatch(msg, game=draw.game.code, token=layout.edition.name)
    return layout


def lines(path: str) -> Iterator[str]:
    """Every line of the text the file was converted from, in order (``""`` for lines left out).

    For :func:`lottery.check_many` against several draws:
    ``check_many(columnar.lines(path), draws)`` numbers the lines as the text did.
    """
    layout = describe(path)
    templates = _rows.spellings(layout.game, layout.edition) or ()
    line = 1
    for table in _batches(path, None):
        rows = table.to_pydict()
        numbers = [rows[f"n{k + 1}"] for k in range(layout.numbers)]
        for i, (where, spelling, text) in enumerate(
            zip(rows["line"], rows["spelling"], rows["text"], strict=True)
        ):
            while line < where:
                yield ""
                line += 1
            if spelling is not None:
                values = [column[i] for column in numbers]
                yield _shown(templates, spelling, values, rows["multiple"][i])
            else:
                yield text or ""
            line += 1
    for _ in range(line, layout.lines + 1):
        yield ""  # blank and comment lines at the end
