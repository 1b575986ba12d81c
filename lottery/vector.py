"""The vectorised lane: single bets scored in chunks as arrays (needs numpy: ``lottery[fast]``).

A ticket file is read in blocks of bytes; lines in the canonical form of a
single bet of the game's own play (``02 05 07 08 20 27 + 04``, ``161``,
``560021 + 12``, with an optional `` x5``) are checked as rows of a byte
array: digits and separators validated, numbers range-checked and (ball
zones) made bit masks whose population counts are the hits; each row's hit
pattern indexes the tiers the draw gives it.  Other plays' single bets as
the library writes them (``组选3 116``) are tallied by their digits, each
distinct one read in full once.  Every other line — 复式, 胆拖, 快乐8's
tickets (80 numbers, named plays), another spelling, a bad number — goes to
the exact path of :func:`lottery.check_many`, in file order, so the tally,
the rejections and their line numbers are the same as without numpy (the
tests compare them).

>>> import lottery, lottery.vector
>>> draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
>>> tally = lottery.vector.check_lines(
...     ["02 05 07 08 20 33 + 04 x5", "01 02 03 04 05 06 + 16", "02 05 07 08 20 20 + 04"], draw
... )
>>> tally.tickets, dict(tally.wins), tally.rejected[0].where
(2, {'三等奖': 5}, 3)

Columns of numbers (one row per bet, the zones' numbers in order) are
scored the same way by :func:`check_columns`.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from lottery import _io
from lottery import _rowlane as _rows
from lottery.batch import OneDraw
from lottery.exceptions import InvalidCount
from lottery.model import Draw
from lottery.rules import Zone
from lottery.tally import KEEP, Rejected, Tally

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "BLOCK",
    "available",
    "check_columns",
    "check_file",
    "check_lines",
    "check_stream",
    "enabled",
]

#: Bytes read at a time: memory follows the block, never the file.
BLOCK = 4 << 20
#: Encodings in which ASCII is itself and a newline byte always ends a line.
_ASCII_SAFE = ("utf-8", "utf-8-sig", "gb18030")


def enabled() -> bool:
    """Whether to take the lane: numpy is there and ``LOTTERY_VECTOR=0`` does not switch it off."""
    if os.environ.get("LOTTERY_VECTOR", "").strip() == "0":
        return False
    # the lane uses no linear algebra: no BLAS threads to start (before numpy loads)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    return available()


def available() -> bool:
    """Whether numpy is installed (``pip install 'lottery[fast]'``)."""
    try:
        import numpy  # noqa: F401, PLC0415 - the optional extra
    except ImportError:
        return False
    return True


def check_columns(
    numbers: Any,  # noqa: ANN401 - an array-like of shape (bets, numbers)
    draw: Draw,
    *,
    multiples: Any = None,  # noqa: ANN401 - an array-like of shape (bets,)
    first_line: int = 1,
    keep_winners: int = KEEP,
    keep_rejected: int = KEEP,
    on_rejected: Callable[[Rejected], None] | None = None,
) -> Tally:
    """Single bets as columns: row ``i`` holds bet ``i``'s numbers, zone after zone.

    Ball numbers may come in any order; positions in order.  ``multiples``
    (default 1) is one multiple per row.  A row that is not a valid bet is
    rejected with its reason, as its text would be, numbered ``first_line + i``.

    >>> import lottery, lottery.vector
    >>> draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    >>> tally = lottery.vector.check_columns([[27, 2, 5, 7, 8, 33, 4], [1, 1, 2, 3, 4, 5, 6]], draw)
    >>> dict(tally.wins), tally.rejected[0].reason
    ({'三等奖': 1}, "双色球 (ssq): '01' at column 4 repeats in 红球")
    """
    import numpy as np  # noqa: PLC0415 - the optional extra

    lane = _rows.lane(draw)
    one = OneDraw.start(
        draw, keep_winners=keep_winners, keep_rejected=keep_rejected, on_rejected=on_rejected
    )
    values = np.asarray(numbers)
    if lane is None or values.ndim != 2 or values.shape[1] != len(lane.low):
        width = "the game's numbers" if lane is None else f"{len(lane.low)} numbers"
        msg = f"{draw.game.label}: numbers must be rows of {width}, not shape {values.shape}"
        raise InvalidCount(msg, game=draw.game.code)
    if values.dtype.kind not in "iu":
        msg = f"{draw.game.label}: numbers must be integers, not {values.dtype}"
        raise InvalidCount(msg, game=draw.game.code)
    times = np.ones(len(values), np.int64) if multiples is None else np.asarray(multiples)
    if times.shape != (len(values),) or times.dtype.kind not in "iu":
        msg = f"{draw.game.label}: multiples must be one whole number per row"
        raise InvalidCount(msg, game=draw.game.code)
    values, times = values.astype(np.int64), times.astype(np.int64)
    where = np.arange(first_line, first_line + len(values))
    ok = np.ones(len(values), dtype=bool)
    for row, tiers, times_won in _rows.tally_rows(values, times, ok, lane, one, where):
        one.keep(int(where[row]), _rows.row_text(lane, values[row].tolist(), 1), tiers, times_won)
    for row in np.flatnonzero(~ok).tolist():
        one_line(one, int(where[row]), _rows.row_text(lane, values[row].tolist(), int(times[row])))
    one.close()
    return one.tally()


def check_lines(
    lines: Iterable[str],
    draw: Draw,
    *,
    keep_winners: int = KEEP,
    keep_rejected: int = KEEP,
    on_rejected: Callable[[Rejected], None] | None = None,
) -> Tally:
    """:func:`lottery.check_many` of text lines against one draw, through the vectorised lane."""
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    return _check_blocks(
        iter([memoryview(text.encode("utf-8"))]),
        "utf-8",
        draw,
        OneDraw.start(
            draw, keep_winners=keep_winners, keep_rejected=keep_rejected, on_rejected=on_rejected
        ),
    )


def check_file(
    path: str,
    draw: Draw,
    *,
    keep_winners: int = KEEP,
    keep_rejected: int = KEEP,
    on_rejected: Callable[[Rejected], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Tally:
    """A ticket file (``-``: standard input) against one draw: the tally ``check_many`` gives."""
    with _io.open_text(path) as handle:
        return check_stream(
            handle.buffer,
            handle.encoding,
            draw,
            keep_winners=keep_winners,
            keep_rejected=keep_rejected,
            on_rejected=on_rejected,
            on_progress=on_progress,
        )


def check_stream(
    stream: IO[bytes],
    encoding: str,
    draw: Draw,
    *,
    keep_winners: int = KEEP,
    keep_rejected: int = KEEP,
    on_rejected: Callable[[Rejected], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    first_line: int = 1,
) -> Tally:
    """Bytes of a ticket file in ``encoding``; ``on_progress(bytes read)`` after each block.

    ``first_line`` numbers the first line (a part of a file read from its middle).
    """
    one = OneDraw.start(
        draw, keep_winners=keep_winners, keep_rejected=keep_rejected, on_rejected=on_rejected
    )
    if encoding.lower().replace("_", "-") not in _ASCII_SAFE:  # UTF-16: no byte is a line
        text = io.TextIOWrapper(stream, encoding, errors="replace", newline=None)
        for where, line in enumerate(text, first_line):
            one_line(one, where, line)
        text.detach()
        one.close()
        return one.tally()
    return _check_blocks(blocks(stream, on_progress), encoding, draw, one, first_line)


def blocks(stream: IO[bytes], on_progress: Callable[[int], None] | None) -> Iterator[memoryview]:
    """Blocks of whole lines (the last may lack its newline), without copying them."""
    rest = b""
    done = 0
    while True:
        data = stream.read(BLOCK)
        if not data:
            break
        done += len(data)
        if rest:
            data = rest + data
        cut = data.rfind(b"\n") + 1
        rest = data[cut:]
        if cut:
            yield memoryview(data)[:cut]
        if on_progress is not None:
            on_progress(done)
    if rest:
        yield memoryview(rest)


def _check_blocks(
    blocks: Iterator[memoryview], encoding: str, draw: Draw, one: OneDraw, first: int = 1
) -> Tally:
    lane = _rows.lane(draw)
    if encoding.lower().replace("_", "-") == "utf-8-sig":
        encoding = "utf-8"  # its mark is taken off the first block below
    for number, block in enumerate(blocks):
        data = block[3:] if number == 0 and block[:3].tobytes() == b"\xef\xbb\xbf" else block
        first = _check_block(data, encoding, first, lane, one)
    one.close()
    return one.tally()


def _check_block(
    data: bytes | memoryview, encoding: str, first: int, lane: _rows.Lane | None, one: OneDraw
) -> int:
    """Tally one block of whole lines numbered from ``first``; the next block's first line."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    raw = np.frombuffer(data, dtype=np.uint8)
    picks = _rows.pick_templates(one.draw.game, encoding)
    spans = line_spans(raw) if lane is not None or picks else None
    if spans is None:  # no lane, or a lone carriage return: read it as text
        where = first
        for line in io.StringIO(bytes(data).decode(encoding, errors="replace"), newline=None):
            one_line(one, where, line)
            where += 1
        return where
    starts, stops = spans
    fitting = Unmatched(stops - starts)
    matched = fitting.matched
    for template in lane.templates if lane is not None else ():
        rows = fitting(template.length)
        if len(rows) and lane is not None:
            matched[rows[_score(raw, starts[rows], template, lane, one, first + rows, data)]] = True
    for name, zone, template in picks:
        rows = fitting(template.length)
        if len(rows):
            took = _score_picks(
                raw, starts[rows], template, (name, zone), one, first + rows, data, encoding
            )
            matched[rows[took]] = True
    for name, template in _rows.named_templates(one.draw.game, encoding):
        rows = fitting(template.length)
        if len(rows):
            took = _score_named(
                raw, starts[rows], template, name, one, first + rows, data, encoding
            )
            matched[rows[took]] = True
    for index in np.flatnonzero(~matched).tolist():
        line = bytes(data[starts[index] : stops[index]]).decode(encoding, errors="replace")
        one_line(one, first + index, line)
    return first + len(starts)


class Unmatched:
    """The lines of one length not taken yet (each length looked up once per block)."""

    def __init__(self, lengths: NDArray[Any]) -> None:
        import numpy as np  # noqa: PLC0415 - the optional extra

        self.lengths = lengths
        self.matched = np.zeros(len(lengths), dtype=bool)
        self.present = set(np.unique(lengths).tolist())
        self.rows: dict[int, NDArray[Any]] = {}
        self.none = np.empty(0, dtype=np.intp)

    def __call__(self, length: int) -> NDArray[Any]:
        import numpy as np  # noqa: PLC0415 - the optional extra

        if length not in self.present:
            return self.none
        rows = self.rows.get(length)
        if rows is None:
            rows = self.rows[length] = np.flatnonzero(self.lengths == length)
        taken = self.matched[rows]
        return rows[~taken] if taken.any() else rows


def line_spans(raw: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any]] | None:
    """Where each line starts and stops (without its line end); ``None`` for a lone CR."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    ends = np.flatnonzero(raw == 10)
    starts = np.empty(len(ends) + 1, dtype=ends.dtype)
    starts[0] = 0
    starts[1:] = ends + 1
    if len(raw) and raw[-1] != 10:  # the last line of a file without its newline
        ends = np.append(ends, len(raw))
    starts = starts[: len(ends)]
    returns = int(np.count_nonzero(raw == 13))
    if not returns:
        return starts, ends
    crs = (ends > starts) & (raw[np.maximum(ends - 1, 0)] == 13)
    if returns != int(np.count_nonzero(crs)):
        return None  # a carriage return alone is a line break in text mode
    return starts, ends - crs


def one_line(one: OneDraw, where: int, line: str) -> None:
    scored = one.scorer(line)
    if scored is not None:
        one.singles(where, line, *scored)
    else:
        one.feed(where, line)


def _score(
    raw: NDArray[Any],
    starts: NDArray[Any],
    template: _rows.Template,
    lane: _rows.Lane,
    one: OneDraw,
    where: NDArray[Any],
    data: bytes | memoryview,
) -> NDArray[Any]:
    """Score the rows that fit ``template``; which of them it took."""
    taken, values, multiples = fields(raw, starts, template)
    for row, tiers, times in _rows.tally_rows(values, multiples, taken, lane, one, where):
        start = int(starts[row])  # a winner worth keeping, shown as written
        text = bytes(data[start : start + template.length]).decode("ascii")
        one.keep(int(where[row]), text, tiers, times)
    return taken


def fields(
    raw: NDArray[Any], starts: NDArray[Any], template: _rows.Template
) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]]:
    """Rows read by ``template``: which fit it (fixed bytes, digits), their numbers, multiples."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    grid = _rows.grid(raw, starts, template.length)
    fixed, digit_at, tens, ones, has_tens = _rows.layout(template)
    ok: NDArray[Any] = (grid[:, fixed[0]] == fixed[1]).all(axis=1)
    digits = grid[:, digit_at] - np.uint8(48)  # a byte below '0' wraps above 9
    ok &= (digits <= 9).all(axis=1)
    numbers = digits[:, tens].astype(np.int16) * has_tens + digits[:, ones]
    if template.multiple is None:
        return ok, numbers, np.ones(len(grid), dtype=np.int16)
    return ok, numbers[:, :-1], numbers[:, -1]


def _score_picks(
    raw: NDArray[Any],
    starts: NDArray[Any],
    template: _rows.Template,
    play: tuple[str, Zone],
    one: OneDraw,
    where: NDArray[Any],
    data: bytes | memoryview,
    encoding: str,
) -> NDArray[Any]:
    """Rows of a play that picks N numbers of one zone, scored by how many were drawn.

    Each row's numbers become a bit mask (two 64-bit words: 快乐8 reaches 80);
    the tiers of each count are learnt once from the exact single-bet scorer.
    """
    import numpy as np  # noqa: PLC0415 - the optional extra

    name, zone = play
    tiers = _pick_tiers(one, name, zone)
    ok, numbers, multiples = fields(raw, starts, template)
    if tiers is None:  # the play does not score plain bets here: the exact path says why
        return np.zeros(len(ok), dtype=bool)
    ok &= (multiples >= 1) & (multiples <= one.draw.edition.max_multiple)
    ok &= ((numbers >= zone.low) & (numbers <= zone.high)).all(axis=1)
    low_words = np.zeros(len(ok), dtype=np.uint64)
    high_words = np.zeros(len(ok), dtype=np.uint64)
    for column in range(numbers.shape[1]):  # column by column: short arrays, in cache
        value = numbers[:, column].astype(np.uint64)
        bit = np.left_shift(np.uint64(1), value & np.uint64(63))
        high = bit * (value >= 64)
        low_words |= bit ^ high
        high_words |= high
    ok &= np.bitwise_count(low_words) + np.bitwise_count(high_words) == zone.size
    drawn_low, drawn_high = _drawn_words(one.draw)
    hits = np.bitwise_count(low_words & drawn_low) + np.bitwise_count(high_words & drawn_high)
    rows = np.flatnonzero(ok)
    for row, won, times in _rows.count_rows(hits[rows], multiples[rows], rows, tiers, one, where):
        start = int(starts[row])  # a winner worth keeping, shown as written
        text = bytes(data[start : start + template.length]).decode(encoding, errors="replace")
        one.keep(int(where[row]), text, won, times)
    return ok


def _drawn_words(draw: Draw) -> tuple[Any, Any]:
    """The draw's first zone as a bit mask in two 64-bit words."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    mask = sum(1 << n for n in draw.zones[0])
    return np.uint64(mask & (2**64 - 1)), np.uint64(mask >> 64)


def _pick_tiers(one: OneDraw, name: str, zone: Zone) -> tuple[tuple[str, ...], ...] | None:
    """The tiers a single bet of the play wins with 0, 1, … N of its numbers drawn.

    Each is learnt from the exact scorer on a bet with that many; ``None``:
    the play's plain bets are not scored here (the exact path reads them).
    """

    def learn() -> tuple[tuple[str, ...], ...] | None:
        drawn = sorted(one.draw.zones[0])
        others = [n for n in range(zone.low, zone.high + 1) if n not in drawn]
        out: list[tuple[str, ...]] = []
        for hits in range(zone.size + 1):
            if hits > len(drawn) or zone.size - hits > len(others):
                out.append(())  # a count no bet can reach
                continue
            bet = sorted(drawn[:hits] + others[: zone.size - hits])
            scored = one.scorer(f"{name} " + " ".join(zone.fmt(n) for n in bet))
            if scored is None or scored[1] != 1:
                return None
            out.append(scored[0])
        return tuple(out)

    found: tuple[tuple[str, ...], ...] | None = one.draw.memo(f"picks {name}", learn)
    return found


def _score_named(
    raw: NDArray[Any],
    starts: NDArray[Any],
    template: _rows.Template,
    name: str,
    one: OneDraw,
    where: NDArray[Any],
    data: bytes | memoryview,
    encoding: str,
) -> NDArray[Any]:
    """Rows of another play, tallied by their digits (each distinct one read in full once)."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    ok, numbers, multiples = fields(raw, starts, template)
    k = len(template.fields)
    code = numbers[:, 0].astype(np.int32)
    for column in range(1, k):
        code = code * 10 + numbers[:, column]
    ok &= (multiples >= 1) & (multiples <= one.draw.edition.max_multiple)
    others = one.others
    known = one.memo(name, k)
    rows = np.flatnonzero(ok)
    codes = code[rows]
    tickets = np.bincount(codes, minlength=10**k)
    times = np.bincount(codes, weights=multiples[rows], minlength=10**k)
    worst = len(one.counter.rank)
    valid = np.zeros(10**k, dtype=bool)
    rank = np.full(10**k, worst, dtype=np.int64)
    outcomes: dict[int, tuple[int, tuple[Any, ...]]] = {}
    for value in np.flatnonzero(tickets).tolist():
        if value not in known:
            known[value] = others.learn(f"{name} {value:0{k}d}")
        outcome = known[value]
        if outcome is not None:
            outcomes[value] = outcome
            valid[value] = True
            rank[value] = others.rank(outcome)
            others.counted(outcome, int(tickets[value]), int(times[value]))
    ok[rows[~valid[codes]]] = False
    ranks = rank[codes]
    winning = np.flatnonzero(ranks < worst)
    for index in winning[np.lexsort((where[rows[winning]], ranks[winning]))].tolist():
        row = int(rows[index])
        start = int(starts[row])
        text = bytes(data[start : start + template.length]).decode(encoding, errors="replace")
        outcome = outcomes[int(codes[index])]
        if not others.keep(int(where[row]), text, outcome, int(multiples[row])):
            break
    return ok
