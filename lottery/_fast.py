"""A fast lane for the commonest line in a ticket file: one plain single bet.

:func:`single_scorer` compiles, for one draw, a function that reads a line
like ``02 05 07 08 20 27 + 04`` (or ``161``, ``250875 + 0``, with an optional
``x5``) and returns the tiers that bet wins and its multiple, straight from
precomputed tables.  Anything it does not recognise, or that would be an
error, returns ``None``, and the caller takes the general path (full parser
and :func:`lottery.check`), which also produces the error message.  The
tests check that both lanes always agree.

The regular expressions are linear: each repeated piece is followed by a
character the piece cannot contain.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Final

from lottery.model import ADDON_WORD, Draw
from lottery.rules import Zone

__all__ = ["Scorer", "Shape", "ShapeReader", "peel", "shape_reader", "single_scorer"]

#: (tiers won, multiple) of one single bet, or ``None``: take the general path.
Scorer = Callable[[str], tuple[tuple[str, ...], int] | None]

_MULTIPLE = r"(?:[ \t]+[xX]([0-9]{1,2}))?[ \t\r\n]*"


def _number(zone: Zone) -> str:
    return f"([0-9]{{1,{max(zone.width, len(str(zone.high)))}}})"


def _ball_scorer(draw: Draw) -> Scorer:  # noqa: C901, PLR0915 - closures unrolled for speed
    """Ball games: numbers become bits, so hits are a popcount of ticket & draw."""
    edition = draw.edition
    zones = edition.ticket_zones
    bits = [{token: 1 << n for token, n in z.tokens.items()} for z in zones]
    masks = [sum(1 << n for n in drawn) for drawn in draw.drawn[: len(zones)]]
    sizes = [z.size for z in zones]
    special = 1 << draw.numbers[-1] if edition.special_ball else 0  # 七乐彩's 特别号码
    ranges = [range(z.size + 1) for z in zones] + ([range(2)] if special else [])
    tiers_of = {hits: draw.winning_tiers(hits) for hits in itertools.product(*ranges)}
    most = edition.max_multiple

    def read(text: str, zone: int) -> int | None:
        """The zone's numbers as a bit mask; ``None`` unless exactly ``size`` distinct."""
        tokens = text.split()
        if len(tokens) != sizes[zone]:
            return None
        table = bits[zone]
        mask = 0
        for token in tokens:
            bit = table.get(token)
            if bit is None:
                return None
            mask |= bit
        return mask if mask.bit_count() == sizes[zone] else None

    def times_of(text: str) -> tuple[str, int] | None:
        """Split a trailing `` x5`` off the last zone."""
        head, sep, tail = text.rpartition(" x")
        if not sep:
            return text, 1
        if not tail.isascii() or not tail.isdecimal() or len(tail) > 2:
            return None
        times = int(tail)
        return (head, times) if 1 <= times <= most else None

    def score(line: str) -> tuple[tuple[str, ...], int] | None:
        parts = line.split("+")
        if len(parts) != len(zones):
            return None
        split = times_of(parts[-1])
        if split is None:
            return None
        parts[-1], times = split
        hits = []
        for zone, text in enumerate(parts):
            mask = read(text, zone)
            if mask is None:
                return None
            hits.append((mask & masks[zone]).bit_count())
            if special:
                hits.append(1 if mask & special else 0)
        return tiers_of[tuple(hits)], times

    if len(zones) != 2:
        return score
    (red_bits, blue_bits), (red_mask, blue_mask) = bits, masks
    red_size, blue_size = sizes

    def score2(line: str) -> tuple[tuple[str, ...], int] | None:
        """双色球: the same, unrolled for two zones."""
        red, plus, blue = line.partition("+")
        if not plus:
            return None
        split = times_of(blue)
        if split is None:
            return None
        blue, times = split
        reds = red.split()
        blues = blue.split()
        if len(reds) != red_size or len(blues) != blue_size:
            return None
        a = b = 0
        try:
            for token in reds:
                a |= red_bits[token]
            for token in blues:
                b |= blue_bits[token]
        except KeyError:
            return None
        if a.bit_count() != red_size or b.bit_count() != blue_size:
            return None
        return tiers_of[(a & red_mask).bit_count(), (b & blue_mask).bit_count()], times

    return score2


def _spans(zones: tuple[Zone, ...]) -> list[tuple[int, int]]:
    """Where each zone's digits are in a run of them: ``[(0, 6)]``."""
    spans = []
    start = 0
    for zone in zones:
        spans.append((start, start + zone.size))
        start += zone.size
    return spans


def _digit_scorer(draw: Draw) -> Scorer | None:  # noqa: C901 - closures unrolled for speed
    """Positional games: digit runs, possibly ending in one wide number (七星彩 2020's 后区)."""
    edition = draw.edition
    zones = edition.zones
    wide = not zones[-1].digits
    if not all(z.digits for z in zones[:-1]) or (wide and zones[-1].size != 1):
        return None
    pieces = [f"([0-9]{{{z.size}}})" if z.digits else _number(z) for z in zones]
    match = re.compile(r"[ \t]*" + r"[ \t]*\+[ \t]*".join(pieces) + _MULTIPLE).fullmatch
    glued = None
    if len(zones) > 1:  # one run of single digits over every zone: 2508750 read as 6 + 1
        total = sum(z.size for z in zones)
        glued = re.compile(rf"[ \t]*([0-9]{{{total}}}){_MULTIPLE}").fullmatch
    last_tokens = zones[-1].tokens
    front = draw.numbers[:-1] if wide else draw.numbers
    drawn = "".join(str(n) for n in front)
    back_drawn = draw.numbers[-1]
    bounds = _spans(zones[:-1] if wide else zones)
    run = edition.match == "run"
    one_front = wide and len(bounds) == 1
    tiers_of: dict[tuple[int, ...], tuple[str, ...]] = {}

    def hits_of(digits: str, back: int) -> tuple[int, ...]:
        if run:
            best = current = 0
            for a, b in zip(digits, drawn, strict=True):
                current = current + 1 if a == b else 0
                best = max(best, current)
            return (best,)
        if one_front:  # 七星彩 2020: one run of digits, then the back number
            return (sum(map(str.__eq__, digits, drawn)), 1 if back == back_drawn else 0)
        hits = [sum(map(str.__eq__, digits[lo:hi], drawn[lo:hi])) for lo, hi in bounds]
        if wide:
            hits.append(1 if back == back_drawn else 0)
        return tuple(hits)

    def score(line: str) -> tuple[tuple[str, ...], int] | None:
        m = match(line) or (glued(line) if glued is not None else None)
        if m is None:
            return None
        groups = m.groups()
        parts = groups[:-1]
        back = -1
        if wide:
            *heads, tail = parts if len(parts) > 1 else (parts[0][:-1], parts[0][-1])
            number = last_tokens.get(tail)
            if number is None:
                return None
            digits, back = "".join(heads), number
        else:
            digits = "".join(parts)
        multiple = groups[-1]
        times = 1 if multiple is None else int(multiple)
        if not 1 <= times <= edition.max_multiple:
            return None
        hits = hits_of(digits, back)
        tiers = tiers_of.get(hits)
        if tiers is None:
            tiers = tiers_of[hits] = draw.winning_tiers(hits)
        return tiers, times

    return score


def _with_addon(draw: Draw, plain: Scorer) -> Scorer:
    """追加投注: a trailing ``追加`` (before or after the multiple) adds the add-on tiers."""
    extra = dict(draw.edition.addons)
    added: dict[tuple[str, ...], tuple[str, ...]] = {}
    word = " " + ADDON_WORD

    def score(line: str) -> tuple[tuple[str, ...], int] | None:
        text = line.rstrip()
        if text.endswith((word, "\t" + ADDON_WORD)):
            result = plain(text[: -len(word)])
        else:
            head, sep, tail = text.rpartition(word + " ")
            if not sep or not tail.startswith(("x", "X")):
                return plain(line)
            result = plain(f"{head} {tail}")
        if result is None:
            return None
        tiers, times = result
        more = added.get(tiers)
        if more is None:
            more = added[tiers] = tiers + tuple(extra[t] for t in tiers if t in extra)
        return more, times

    return score


def single_scorer(draw: Draw) -> Scorer | None:
    """A fast scorer of plain single bets of the draw's game, if it has one."""
    if draw.game.fast_lane is not None:
        return draw.game.fast_lane(draw)
    zones = draw.edition.ticket_zones
    scorer = _ball_scorer(draw) if all(not z.positional for z in zones) else _digit_scorer(draw)
    if scorer is not None and draw.edition.addons:
        return _with_addon(draw, scorer)
    return scorer


#: A 复式 or 胆拖 line, reduced to what its result depends on: per zone (or position) how many
#: numbers it holds and how many of them were drawn; with its text without the multiple, and
#: the multiple.  Two lines with one key win alike: the tally counts each key once.
Shape = tuple[tuple[int, ...], str, int]
ShapeReader = Callable[[str], Shape | None]


def shape_reader(draw: Draw) -> ShapeReader | None:
    """For one draw, the key of a plain 复式 or 胆拖 line of the game's own play, if it has one.

    Numbers are validated as the parser does (known tokens, no repeats, ``#``
    only where a zone has 胆); counts and limits are left to the full parser,
    which reads the first line of each key.  Anything else returns ``None``.
    """
    edition = draw.edition
    if draw.game.fast_lane is not None or draw.game.play_required:
        return None
    zones = edition.ticket_zones
    if all(not z.positional for z in zones):
        special = draw.numbers[-1] if edition.special_ball else None
        zone_keys = [
            _ball_key(z, drawn, special) for z, drawn in zip(zones, draw.drawn, strict=False)
        ]
    elif all(z.positional for z in zones):
        zone_keys = [_positions_key(z, drawn) for z, drawn in zip(zones, draw.drawn, strict=True)]
    else:  # pragma: no cover - no game mixes the two
        return None
    most, addon = edition.max_multiple, bool(edition.addons)

    def read(line: str) -> Shape | None:
        peeled = peel(line.strip(), addon=addon, most=most)
        if peeled is None:
            return None
        body, times, added = peeled
        parts = body.split("+")
        if len(parts) != len(zone_keys):
            return None
        key: list[int] = [added]
        for part, zone_key in zip(parts, zone_keys, strict=True):
            if not zone_key(part, key):
                return None
        return tuple(key), f"{body} {ADDON_WORD}" if added else body, times

    return read


#: How 追加 ends a plain bet: after a space or a tab.
_ADDON_TAIL: Final = (" " + ADDON_WORD, "\t" + ADDON_WORD)


def peel(text: str, *, addon: bool, most: int) -> tuple[str, int, bool] | None:
    """A plain bet's numbers, its multiple (`` x5``) and its 追加 (where ``addon``), or ``None``.

    ASCII numbers only, a multiple 1–``most``; anything else is for the full
    reader, which says what is wrong.
    """
    added = False
    if not text.isascii():
        if not (addon and text.rstrip().endswith(_ADDON_TAIL)):
            return None
        text, added = text.rstrip()[: -len(ADDON_WORD)], True
        if not text.isascii():
            return None
    if "x" not in text and "X" not in text:
        return text, 1, added
    pieces = text.rsplit(None, 1)
    if len(pieces) < 2 or pieces[1][0] not in "xX":
        return text, 1, added
    digits = pieces[1][1:]
    if len(digits) > 2 or not digits.isdecimal():  # ASCII here: isdecimal is exact
        return None
    times = int(digits)
    return (pieces[0], times, added) if 1 <= times <= most else None


def _ball_key(
    zone: Zone, drawn: frozenset[int] | tuple[int, ...], special: int | None = None
) -> Callable[[str, list[int]], bool]:
    """One ball zone, ``01 02 … 08`` or ``01 02 # 03 … 08``: (胆, 胆 drawn, 拖, 拖 drawn).

    With a special number (七乐彩) also whether the 胆 and the 拖 hold it.
    """
    bits = {token: 1 << n for token, n in zone.tokens.items()}
    mask = sum(1 << n for n in drawn)
    extra = 0 if special is None else 1 << special
    has_dan = zone.dan is not None

    def key(text: str, out: list[int]) -> bool:
        dan_text, mark, tuo_text = text.partition("#")
        if not mark:
            dan_text, tuo_text = "", text
        elif not has_dan:
            return False
        dan = _mask(bits, dan_text)
        tuo = _mask(bits, tuo_text)
        if dan is None or tuo is None or dan & tuo or (mark and not dan):
            return False
        out += (
            dan.bit_count(),
            (dan & mask).bit_count(),
            tuo.bit_count(),
            (tuo & mask).bit_count(),
        )
        if extra:
            out += (dan & extra != 0, tuo & extra != 0)
        return True

    return key


def _positions_key(
    zone: Zone, drawn: frozenset[int] | tuple[int, ...]
) -> Callable[[str, list[int]], bool]:
    """A positional zone split by ``|`` (``01|2|345``): per position (numbers, drawn or not)."""
    bits = {token: 1 << n for token, n in zone.tokens.items()}
    drawn_bits = [1 << n for n in drawn]
    size, digits = zone.size, zone.digits

    def key(text: str, out: list[int]) -> bool:
        groups = text.split("|") if size > 1 else [text]
        if len(groups) != size:
            return False
        for group, hit in zip(groups, drawn_bits, strict=True):
            tokens = list(group.strip()) if digits else group.split()
            if digits and " " in group.strip():
                return False
            mask = 0
            for token in tokens:
                bit = bits.get(token)
                if bit is None or mask & bit:
                    return False
                mask |= bit
            if not mask:
                return False
            out += (len(tokens), 1 if mask & hit else 0)
        return True

    return key


def _mask(bits: dict[str, int], text: str) -> int | None:
    """The numbers of ``text`` as a bit mask; ``None`` if one is unknown or repeats."""
    mask = 0
    for token in text.split():
        bit = bits.get(token)
        if bit is None or mask & bit:
            return None
        mask |= bit
    return mask
