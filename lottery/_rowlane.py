"""A draw's single bets as rows of numbers: their spellings, validation and scoring in numpy.

:func:`lane` describes, for one draw, the canonical spellings of a single bet
of the game's own play (templates of fixed bytes and digit fields), the
range of every column, and the tiers of every hit pattern.
:func:`tally_rows` validates rows of numbers (ranges, ball zones distinct as
bit masks), scores them by population counts and adds them to a one-draw
tally; it yields the winners worth keeping.  numpy is imported where used
(the ``fast`` extra).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from lottery.batch import OneDraw
from lottery.model import Draw
from lottery.rules import Edition, Game, Zone

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "Lane",
    "Template",
    "count_rows",
    "grid",
    "lane",
    "layout",
    "named_templates",
    "pick_templates",
    "reader",
    "render",
    "row_text",
    "spellings",
    "tally_rows",
    "valid_rows",
]


class Field(NamedTuple):
    """A number in a template: where it starts, how many digits, its column."""

    start: int
    width: int
    column: int


class Template(NamedTuple):
    """One spelling of a single bet: fixed bytes, digit fields, an optional multiple."""

    length: int
    fixed: tuple[tuple[int, int], ...]  # (position, byte)
    fields: tuple[Field, ...]
    multiple: Field | None


class Lane(NamedTuple):
    """A draw's vectorised scoring: the templates, the columns' ranges, the tiers by pattern."""

    templates: tuple[Template, ...]
    layout: tuple[Zone, ...]
    low: tuple[int, ...]
    high: tuple[int, ...]
    #: Per zone: (first column, columns, ball zone?, drawn numbers).
    zones: tuple[tuple[int, int, bool, tuple[int, ...]], ...]
    run: bool
    special: int | None
    radices: tuple[int, ...]
    tiers: tuple[tuple[str, ...], ...]
    most: int
    bounds: tuple[Any, Any]  # low and high as int16 arrays


def lane(draw: Draw) -> Lane | None:
    """The vectorised scoring of ``draw``'s single bets, if its game's own play has them."""
    return draw.memo("vector_lane", lambda: _makelane(draw))


def _makelane(draw: Draw) -> Lane | None:
    return _build(draw.game, draw.edition, draw)


@functools.cache
def reader(game: Game, edition: Edition) -> Lane | None:
    """A lane without a draw, to read and validate rows of ``edition`` (no tiers: no scoring)."""
    return _build(game, edition, None)


def _build(game: Game, edition: Edition, draw: Draw | None) -> Lane | None:
    import numpy as np  # noqa: PLC0415 - the optional extra

    zones = edition.ticket_zones
    templates = spellings(game, edition)
    if templates is None:
        return None
    low: list[int] = []
    high: list[int] = []
    spans: list[tuple[int, int, bool, tuple[int, ...]]] = []
    radices: list[int] = []
    drawn_zones = draw.zones if draw is not None else ((),) * len(zones)
    for zone, drawn in zip(zones, drawn_zones, strict=False):
        spans.append((len(low), zone.size, not zone.positional, tuple(drawn)))
        low += [zone.low] * zone.size
        high += [zone.high] * zone.size
        radices.append(zone.size + 1)
    run = edition.match == "run"
    special = draw.numbers[-1] if draw is not None and edition.special_ball else None
    if edition.special_ball:
        radices.append(2)
    patterns = itertools.product(*(range(r) for r in radices))
    tiers = tuple(draw.winning_tiers(tuple(p)) for p in patterns) if draw is not None else ()
    return Lane(
        templates=templates,
        layout=zones,
        low=tuple(low),
        high=tuple(high),
        zones=tuple(spans),
        run=run,
        special=special,
        radices=tuple(radices),
        tiers=tiers,
        most=edition.max_multiple,
        bounds=(np.array(low, dtype=np.int16), np.array(high, dtype=np.int16)),
    )


@functools.cache
def spellings(game: Game, edition: Edition) -> tuple[Template, ...] | None:
    """The spellings of a single bet of ``edition`` the lane reads, if it has a lane."""
    zones = edition.ticket_zones
    if game.play_required or game.fast_lane is not None:
        return None  # plays named on every ticket (快乐8): the exact path
    if any(not z.positional and z.high > 62 for z in zones):
        return None  # a ball's bit must fit in 64
    return _templates(zones)


def _templates(zones: tuple[Zone, ...]) -> tuple[Template, ...]:
    """The canonical spellings of a single bet, with no multiple, `` x5`` and `` x12``."""
    pieces: list[tuple[str, int]] = []  # a separator (text, 0) or a number ("#", digits)
    wide: list[int] = []  # numbers written with 1 or 2 digits (七星彩's 后区)
    for index, zone in enumerate(zones):
        if index:
            pieces.append((" + ", 0))
        for k in range(zone.size):
            if not zone.positional and k:
                pieces.append((" ", 0))
            if not zone.digits and zone.positional:
                wide.append(len(pieces))
            pieces.append(("#", 1 if zone.positional else zone.width))
    bodies = [pieces]
    bodies += [[("#", 2) if i == at else p for i, p in enumerate(pieces)] for at in wide]
    if len(zones) > 1 and all(z.positional for z in zones):  # 七星彩 2508750: glued, 6 + 1
        bodies.append([p for p in pieces if p[0] == "#"])
    return tuple(_template(body, suffix) for body in bodies for suffix in (0, 1, 2))


@functools.cache
def named_templates(game: Game, encoding: str) -> tuple[tuple[str, Template], ...]:
    """The game's other plays as written by the library: the name, a space, 1–3 digits.

    (组选3 116, 组选6 236, 直选和值 13, 通选 326.)  Their rows are scored by
    the distinct digits they hold, each read once by the exact path.
    """
    out: list[tuple[str, Template]] = []
    for play in game.plays[1:]:
        if play.picked_zone is not None:
            continue  # read as numbers: pick_templates
        try:
            prefix = (play.name + " ").encode(encoding)
        except UnicodeEncodeError:  # pragma: no cover - every name is in GB18030
            continue
        out += (
            (play.name, _template([("#", 1)] * digits, suffix, prefix))
            for digits in (1, 2, 3)
            for suffix in (0, 1, 2)
        )
    return tuple(out)


@functools.cache
def pick_templates(game: Game, encoding: str) -> tuple[tuple[str, Zone, Template], ...]:
    """The plays whose single bet is N numbers of one zone (快乐8's 选N), as written.

    The name, a space, the numbers (``选五 01 02 03 04 05``), an optional multiple.
    """
    out: list[tuple[str, Zone, Template]] = []
    for play in game.plays:
        zone = play.picked_zone
        if zone is None:
            continue
        try:
            prefix = (play.name + " ").encode(encoding)
        except UnicodeEncodeError:  # pragma: no cover - every name is in GB18030
            continue
        body: list[tuple[str, int]] = []
        for k in range(zone.size):
            body += [(" ", 0)] * bool(k) + [("#", zone.width)]
        out += ((play.name, zone, _template(body, suffix, prefix)) for suffix in (0, 1, 2))
    return tuple(out)


def _template(body: list[tuple[str, int]], suffix: int, prefix: bytes = b"") -> Template:
    """A template of ``body`` after the bytes ``prefix``, with a multiple of ``suffix`` digits."""
    fixed: list[tuple[int, int]] = list(enumerate(prefix))
    fields: list[Field] = []
    pos = len(prefix)
    for text, width in body:
        if text == "#":
            fields.append(Field(pos, width, len(fields)))
            pos += width
        else:
            fixed += [(pos + i, ord(ch)) for i, ch in enumerate(text)]
            pos += len(text)
    multiple = None
    if suffix:
        fixed += [(pos, ord(" ")), (pos + 1, ord("x"))]
        multiple = Field(pos + 2, suffix, -1)
        pos += 2 + suffix
    return Template(pos, tuple(fixed), tuple(fields), multiple)


def row_text(lane: Lane, numbers: list[int], times: int) -> str:
    """A row as its ticket would be written (ball zones sorted)."""
    out: list[str] = []
    for zone, (first, size, ball, _) in zip(lane.layout, lane.zones, strict=False):
        part = numbers[first : first + size]
        if ball:
            out.append(" ".join(zone.fmt(n) if 0 <= n < 100 else str(n) for n in sorted(part)))
        elif zone.digits:
            out.append("".join(str(n) for n in part))
        else:
            out.append(" ".join(str(n) for n in part))
    text = " + ".join(out)
    return text if times == 1 else f"{text} x{times}"


def grid(raw: NDArray[Any], starts: NDArray[Any], length: int) -> NDArray[Any]:
    """The rows' bytes as an array: a view when they follow each other evenly (the usual file)."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    if len(starts) > 1:
        step = int(starts[1] - starts[0])
        last = int(starts[-1] - starts[0])
        if step >= length and last == step * (len(starts) - 1) and np.all(np.diff(starts) == step):
            view = raw[int(starts[0]) :]
            return np.lib.stride_tricks.as_strided(
                view, shape=(len(starts), length), strides=(step, 1), writeable=False
            )
    return raw[starts[:, None] + np.arange(length)]


@functools.cache
def layout(template: Template) -> tuple[Any, ...]:
    """A template as index arrays: fixed bytes, digit columns, each number's tens and ones."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    fields = [*template.fields, *([template.multiple] if template.multiple else [])]
    digit_at = [f.start + k for f in fields for k in range(f.width)]
    column = {pos: i for i, pos in enumerate(digit_at)}
    fixed = (
        np.array([p for p, _ in template.fixed], dtype=np.intp),
        np.array([b for _, b in template.fixed], dtype=np.uint8),
    )
    return (
        fixed,
        np.array(digit_at, dtype=np.intp),
        np.array([column[f.start] for f in fields], dtype=np.intp),  # tens, or the only digit
        np.array([column[f.start + f.width - 1] for f in fields], dtype=np.intp),
        np.array([10 if f.width == 2 else 0 for f in fields], dtype=np.int16),
    )


def valid_rows(
    values: NDArray[Any], multiples: NDArray[Any], ok: NDArray[Any], lane: Lane
) -> list[NDArray[Any]]:
    """Narrow ``ok`` to the valid rows (multiple, ranges, ball zones distinct), in place.

    Returns each ball zone's bit masks, for scoring.
    """
    import numpy as np  # noqa: PLC0415 - the optional extra

    ok &= (multiples >= 1) & (multiples <= lane.most)
    low, high = lane.bounds
    ok &= ((values >= low) & (values <= high)).all(axis=1)
    masks: list[NDArray[Any]] = []
    for first, size, ball, _ in lane.zones:
        if ball:  # a number out of range shifts to nothing: its row is not ok anyway
            part = values[:, first : first + size]
            bits = np.left_shift(np.uint64(1), part.astype(np.uint64))
            mask = bits[:, 0].copy()
            for k in range(1, size):
                mask |= bits[:, k]
            ok &= np.bitwise_count(mask) == size
            masks.append(mask)
    return masks


def tally_rows(
    values: NDArray[Any],
    multiples: NDArray[Any],
    ok: NDArray[Any],
    lane: Lane,
    one: OneDraw,
    where: NDArray[Any],
) -> Iterator[tuple[int, tuple[str, ...], int]]:
    """Validate and tally the rows (``ok`` is narrowed to the valid ones, in place).

    Yields the winning rows worth keeping, best first, while the tally wants them.
    """
    import numpy as np  # noqa: PLC0415 - the optional extra

    masks = iter(valid_rows(values, multiples, ok, lane))
    first_mask = None
    code = np.zeros(len(values), dtype=np.int32)
    for (first, size, ball, drawn), radix in zip(lane.zones, lane.radices, strict=False):
        if ball:
            mask = next(masks)
            first_mask = mask if first_mask is None else first_mask
            hits = np.bitwise_count(mask & np.uint64(sum(1 << n for n in drawn)))
        elif lane.run:
            hits = _longest_run(values[:, first : first + size] == np.array(drawn))
        else:
            hits = (values[:, first : first + size] == np.array(drawn)).sum(axis=1)
        code = code * radix + hits
    if lane.special is not None and first_mask is not None:
        special = (first_mask >> np.uint64(lane.special)) & np.uint64(1)
        code = code * 2 + special.astype(np.int32)
    return count_rows(code[ok], multiples[ok], np.flatnonzero(ok), lane.tiers, one, where)


def render(template: Template, numbers: list[int], multiple: int) -> str:
    """The line ``template`` reads as these numbers (each field zero-padded to its width)."""
    out = bytearray(template.length)
    for position, byte in template.fixed:
        out[position] = byte
    for field in template.fields:
        value = numbers[field.column]
        out[field.start : field.start + field.width] = b"%0*d" % (field.width, value)
    if template.multiple is not None:
        field = template.multiple
        out[field.start : field.start + field.width] = b"%0*d" % (field.width, multiple)
    return out.decode("ascii")


def _longest_run(same: NDArray[Any]) -> NDArray[Any]:
    import numpy as np  # noqa: PLC0415 - the optional extra

    best = np.zeros(len(same), dtype=np.int64)
    current = np.zeros(len(same), dtype=np.int64)
    for column in same.T:
        current = (current + 1) * column
        np.maximum(best, current, out=best)
    return best


def count_rows(
    code: NDArray[Any],
    multiples: NDArray[Any],
    rows: NDArray[Any],
    tiers: tuple[tuple[str, ...], ...],
    one: OneDraw,
    where: NDArray[Any],
) -> Iterator[tuple[int, tuple[str, ...], int]]:
    """Tally valid rows by their pattern (``code`` indexes ``tiers``); the winners worth keeping.

    Yields (row, tiers, multiple) best first, as long as the tally wants them.
    """
    import numpy as np  # noqa: PLC0415 - the optional extra

    patterns = len(tiers)
    tickets = np.bincount(code, minlength=patterns)
    bets = np.bincount(code, weights=multiples, minlength=patterns)  # exact below 2**53
    one.tickets += len(code)
    one.bets += int(multiples.sum())
    for pattern in np.flatnonzero(tickets).tolist():
        won = tiers[pattern]
        if won:
            one.won(won, int(bets[pattern]), int(tickets[pattern]))
    return _best(code, multiples, rows, tiers, one, where)


def _best(
    code: NDArray[Any],
    multiples: NDArray[Any],
    rows: NDArray[Any],
    tiers: tuple[tuple[str, ...], ...],
    one: OneDraw,
    where: NDArray[Any],
) -> Iterator[tuple[int, tuple[str, ...], int]]:
    """Winning rows best first (tier, then line), as long as the tally would keep them."""
    import numpy as np  # noqa: PLC0415 - the optional extra

    counter = one.counter
    worst = len(counter.rank)
    ranks = np.array([counter.rank[t[0]] if t else worst for t in tiers])[code]
    winning = np.flatnonzero(ranks < worst)
    if not len(winning) or counter.keep_winners <= 0:
        return
    order = winning[np.lexsort((where[rows[winning]], ranks[winning]))][: counter.keep_winners]
    for index in order.tolist():
        row = int(rows[index])
        rank, line = int(ranks[index]), int(where[row])
        if not counter.wants(rank, line):
            return
        yield row, tiers[int(code[index])], int(multiples[index])
