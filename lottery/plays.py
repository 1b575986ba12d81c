"""The standard bet every game has: 单式, 复式 and 胆拖 over the game's zones.

Its notation, limits and scoring come entirely from the edition's zones and
tiers, so one class serves 双色球, 15选5, 七星彩, 排列5 and the 直选 of
排列3 and 3D.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from math import comb, prod

import attrs

from lottery import _counting, _single, _text
from lottery._tokens import read_number, split_on, split_tokens, strip_span
from lottery.exceptions import (
    DuplicateNumber,
    InvalidCount,
    InvalidFormat,
    InvalidNumber,
    ValidationError,
)
from lottery.model import Draw, Ticket
from lottery.rules import Counts, Edition, Game, Picks, Play, Selection, Written, Zone

__all__ = [
    "StandardPlay",
    "check_ball",
    "check_positions",
    "layouts",
    "parse_ball",
    "zones_for",
]


def _digit_run(game: Game, zone: Zone, text: str, offset: int) -> list[tuple[int, int]]:
    """Digits of one position written together (``01``, ``0 1``, ``0,1``)."""
    out: list[tuple[int, int]] = []
    for token, pos in split_tokens(text, offset):
        for i, ch in enumerate(token):
            out.append((read_number(game, zone, ch, pos + i), pos + i))
    return out


def _no_repeats(game: Game, zone: Zone, numbers: Sequence[tuple[int, int]], where: str) -> None:
    seen: set[int] = set()
    for number, pos in numbers:
        if number in seen:
            msg = f"{game.label}: {zone.fmt(number)!r} at column {pos + 1} repeats in {where}"
            raise DuplicateNumber(msg, game=game.code, token=zone.fmt(number), position=pos + 1)
        seen.add(number)


def parse_ball(
    game: Game,
    zone: Zone,
    text: str,
    offset: int,
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Read a ball zone: ``02 05 07``, ``02 05 # 07 08``, ``(02 05) 07 08``."""
    dan_text, dan_at = "", offset
    tuo_text, tuo_at = text, offset
    stripped = text.lstrip()
    if "#" in text:
        parts = split_on(text, "#", offset)
        if len(parts) > 2:
            pos = parts[2][1] - 1
            msg = f"{game.label}: a second '#' at column {pos + 1} in {zone.name}"
            raise InvalidFormat(msg, game=game.code, token="#", position=pos + 1)
        (dan_text, dan_at), (tuo_text, tuo_at) = parts
    elif stripped.startswith("("):
        open_at = len(text) - len(stripped)
        close = text.find(")", open_at)
        if close < 0:
            msg = f"{game.label}: '(' at column {offset + open_at + 1} is never closed"
            raise InvalidFormat(msg, game=game.code, token="(", position=offset + open_at + 1)
        dan_text, dan_at = text[open_at + 1 : close], offset + open_at + 1
        tuo_text, tuo_at = text[close + 1 :], offset + close + 1
    dan = [
        (read_number(game, zone, tok, pos), pos)
        for tok, pos in (split_tokens(dan_text, dan_at) if dan_text else ())
    ]
    tuo = [(read_number(game, zone, tok, pos), pos) for tok, pos in split_tokens(tuo_text, tuo_at)]
    marked = "#" in text or stripped.startswith("(")
    if marked and zone.dan is None:
        mark = text.find("#") if "#" in text else len(text) - len(stripped)
        msg = (
            f"{game.label}: {zone.name} has no 胆拖, but a 胆 mark {text[mark]!r} is at"
            f" column {offset + mark + 1}"
        )
        raise InvalidFormat(msg, game=game.code, token=text[mark], position=offset + mark + 1)
    if marked and not dan:
        msg = f"{game.label}: {zone.name} has a 胆拖 mark but no 胆 at column {offset + 1}"
        raise InvalidCount(msg, game=game.code, position=offset + 1)
    _no_repeats(game, zone, dan + tuo, zone.name)
    return tuple(n for n, _ in dan), tuple(n for n, _ in tuo)


def _positions_split(game: Game, zone: Zone, text: str, offset: int) -> list[list[tuple[int, int]]]:
    """Positions split by ``|``: ``12|6|01``; wide numbers apart: ``0 12``."""
    parts = split_on(text, "|", offset)
    if len(parts) != zone.size:
        msg = (
            f"{game.label}: {zone.name} has {len(parts)} positions split by '|'"
            f" at column {offset + 1}; it needs {zone.size}"
        )
        raise InvalidCount(msg, game=game.code, position=offset + 1)
    if zone.digits:
        return [_digit_run(game, zone, part, at) for part, at in parts]
    return [
        [(read_number(game, zone, t, p), p) for t, p in split_tokens(part, at)]
        for part, at in parts
    ]


def _positions_plain(game: Game, zone: Zone, text: str, offset: int) -> list[list[tuple[int, int]]]:
    """One digit per position, run together or apart: ``161``, ``1 6 1``."""
    tokens = split_tokens(text, offset)
    if not zone.digits:
        if zone.size != 1:
            msg = f"{game.label}: split the positions of {zone.name} with '|' (column {offset + 1})"
            raise InvalidFormat(msg, game=game.code, position=offset + 1)
        return [[(read_number(game, zone, t, p), p) for t, p in tokens]]
    if len(tokens) == 1 and len(tokens[0][0]) == zone.size:
        token, at = tokens[0]
        return [[(read_number(game, zone, ch, at + i), at + i)] for i, ch in enumerate(token)]
    if len(tokens) == zone.size and all(len(t) == 1 for t, _ in tokens):
        return [[(read_number(game, zone, t, p), p)] for t, p in tokens]
    for token, at in tokens:  # point at a bad character first
        for i, ch in enumerate(token):
            read_number(game, zone, ch, at + i)
    msg = (
        f"{game.label}: {zone.name} {_text.shown(text.strip())} at column {offset + 1} needs"
        f" {zone.size} digits, one per position, or positions split by '|' (e.g. 12|6|01)"
    )
    raise InvalidCount(msg, game=game.code, token=text.strip(), position=offset + 1)


def _parse_positional(game: Game, zone: Zone, text: str, offset: int) -> list[tuple[int, ...]]:
    """Read a positional zone: ``161``, ``1 6 1``, ``12|6|01``, ``0 12``."""
    if "|" in text:
        groups = _positions_split(game, zone, text, offset)
    else:
        groups = _positions_plain(game, zone, text, offset)
    for index, group in enumerate(groups):
        where = zone.position_name(index)
        if not group:
            msg = f"{game.label}: {where} has no number (column {offset + 1})"
            raise InvalidCount(msg, game=game.code, position=offset + 1)
        _no_repeats(game, zone, group, where)
    return [tuple(n for n, _ in group) for group in groups]


def _singles_across(
    game: Game, zones: Sequence[Zone], text: str, offset: int
) -> list[tuple[int, ...]] | None:
    """A single bet run together over several digit zones: ``2508750``."""
    if not all(z.positional for z in zones):
        return None
    need = sum(z.size for z in zones)
    tokens = split_tokens(text, offset)
    chars: list[tuple[str, int]]
    if len(tokens) == 1 and len(tokens[0][0]) == need:
        token, at = tokens[0]
        chars = [(ch, at + i) for i, ch in enumerate(token)]
    elif len(tokens) == need:
        chars = tokens
    else:
        return None
    out: list[tuple[int, ...]] = []
    i = 0
    for zone in zones:
        for _ in range(zone.size):
            token, pos = chars[i]
            out.append((read_number(game, zone, token, pos),))
            i += 1
    return out


@functools.cache
def _suggest(zones: Sequence[Zone], text: str) -> str:
    """``; did you mean "01 02 03 04 05 06 + 04"?`` when only the zone separator is missing."""
    tokens = text.split()
    if len(zones) < 2 or any(z.positional for z in zones):
        return ""
    if len(tokens) != sum(z.size for z in zones):
        return ""
    out: list[str] = []
    i = 0
    for zone in zones:
        out.append(" ".join(tokens[i : i + zone.size]))
        i += zone.size
    return f'; did you mean "{" + ".join(out)}"?'


def layouts(
    game: Game, edition: Edition | None
) -> tuple[tuple[tuple[Zone, ...], Edition | None], ...]:
    """Number layouts a ticket may follow, newest first, each with its edition.

    The edition is ``None`` unless the game's editions differ in layout.
    """
    differ = game.layouts_differ
    if edition is not None:
        return ((edition.ticket_zones, edition if differ else None),)
    out: list[tuple[tuple[Zone, ...], Edition | None]] = []
    for candidate in reversed(game.editions):
        if all(zones != candidate.ticket_zones for zones, _ in out):
            out.append((candidate.ticket_zones, candidate if differ else None))
    return tuple(out)


def zones_for(game: Game, edition: Edition | None) -> tuple[Zone, ...]:
    """The zones of a ticket written for ``edition`` (``None``: the shared layout)."""
    if edition is not None:
        return edition.ticket_zones
    if game.layouts_differ:
        names = "、".join(repr(e.name) for e in game.editions)
        msg = f"{game.label}: a ticket must name the rule edition it follows ({names})"
        raise ValidationError(msg, game=game.code)
    return game.editions[-1].ticket_zones


def check_ball(
    game: Game, zone: Zone, dan: Sequence[int], tuo: Sequence[int], where: int | None = None
) -> None:
    """Rules of one ball zone's selection: range, repeats, 复式 and 胆拖 limits."""
    at = f" at column {where}" if where is not None else ""
    for n in (*dan, *tuo):
        if not zone.low <= n <= zone.high:
            msg = f"{game.label}: {zone.name} number {n} is out of range {zone.range_text()}"
            raise InvalidNumber(msg, game=game.code, token=str(n), position=where)
    if len({*dan, *tuo}) != len(dan) + len(tuo):
        msg = f"{game.label}: {zone.name} numbers repeat{at}"
        raise DuplicateNumber(msg, game=game.code, position=where)
    if dan:
        if zone.dan is None:
            msg = f"{game.label}: {zone.name} has no 胆拖 (a 胆 mark{at})"
            raise InvalidFormat(msg, game=game.code, position=where)
        low, high = zone.dan
        if not low <= len(dan) <= high:
            msg = f"{game.label}: {zone.name} has {len(dan)} 胆{at}; a 胆拖 takes {low}–{high}"
            raise InvalidCount(msg, game=game.code, position=where)
        if len(dan) + len(tuo) < zone.size + 1:
            msg = (
                f"{game.label}: {zone.name} has {len(dan)} 胆 + {len(tuo)} 拖{at};"
                f" 胆 + 拖 must be at least {zone.size + 1}"
            )
            raise InvalidCount(msg, game=game.code, position=where)
        return
    if not zone.size <= len(tuo) <= zone.most:
        kind = "a bet takes" if zone.size == zone.most else "a bet or 复式 takes"
        span = f"{zone.size}" if zone.size == zone.most else f"{zone.size}–{zone.most}"
        msg = f"{game.label}: {zone.name} has {len(tuo)} numbers{at}; {kind} {span}"
        raise InvalidCount(msg, game=game.code, position=where)


def check_positions(game: Game, zone: Zone, groups: Sequence[Sequence[int]]) -> None:
    """Rules of a positional zone's selection: a non-empty set of digits each."""
    for index, group in enumerate(groups):
        where = zone.position_name(index)
        if not group:
            msg = f"{game.label}: {where} has no number"
            raise InvalidCount(msg, game=game.code)
        for n in group:
            if not zone.low <= n <= zone.high:
                msg = f"{game.label}: {where} number {n} is out of range {zone.range_text()}"
                raise InvalidNumber(msg, game=game.code, token=str(n))
        if len(set(group)) != len(group):
            msg = f"{game.label}: {where} repeats a number"
            raise DuplicateNumber(msg, game=game.code)


@attrs.frozen(eq=False)
class StandardPlay(Play):
    """The game's own bet, in 单式, 复式 or 胆拖 form, read from its zones."""

    name: str
    aliases: tuple[str, ...] = ("单式", "复式", "胆拖")
    default: bool = True
    summary: str = "单式, 复式 or 胆拖 over the game's zones"

    def parse(self, written: Written) -> Picks:
        """Read zones split by ``+``; see :mod:`lottery.notation`."""
        game, text, offset = written.game, written.text, written.offset
        parts = split_on(text, "+", offset)
        candidates = layouts(game, written.edition)
        for zones, edition in candidates:
            if len(zones) == len(parts):
                selection, dan = self._read(game, zones, parts)
                return Picks(selection, dan, edition)
        if len(parts) == 1:
            for zones, edition in candidates:
                singles = _singles_across(game, zones, text, offset)
                if singles is not None:
                    return Picks(tuple(singles), (), edition)
        want = " or ".join(sorted({str(len(z)) for z, _ in candidates}))
        zone_names = " / ".join(" + ".join(z.name for z in zones) for zones, _ in candidates)
        hint = _suggest(candidates[0][0], text) if len(parts) == 1 else ""
        msg = (
            f"{game.label}: {len(parts)} zone(s) split by '+' at column {offset + 1};"
            f" expected {want} ({zone_names}){hint}"
        )
        raise InvalidCount(msg, game=game.code, token=text.strip(), position=offset + 1)

    def _read(
        self,
        game: Game,
        zones: Sequence[Zone],
        parts: Sequence[tuple[str, int]],
    ) -> tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]:
        selection: list[tuple[int, ...]] = []
        dan: list[tuple[int, ...]] = []
        for zone, (part, at) in zip(zones, parts, strict=True):
            start, end = strip_span(part, 0, len(part))
            if start == end:
                msg = f"{game.label}: {zone.name} is empty at column {at + 1}"
                raise InvalidCount(msg, game=game.code, position=at + 1)
            if zone.positional:
                groups = _parse_positional(game, zone, part, at)
                selection.extend(groups)
                dan.extend(() for _ in groups)
            else:
                d, t = parse_ball(game, zone, part, at)
                check_ball(game, zone, d, t, where=at + start + 1)
                selection.append(tuple(sorted(t)))
                dan.append(tuple(sorted(d)))
        return tuple(selection), tuple(dan) if any(dan) else ()

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """Check the selection against the zones; sort numbers within groups."""
        selection, dan = picks.selection, picks.dan
        zones = zones_for(game, picks.edition)
        groups = sum(z.size if z.positional else 1 for z in zones)
        if len(selection) != groups or (dan and len(dan) != groups):
            msg = (
                f"{game.label}: a {self.name} selection has {groups} groups"
                f" ({' + '.join(z.name for z in zones)}), not {len(selection)}"
            )
            raise InvalidCount(msg, game=game.code)
        dans = dan or tuple(() for _ in selection)
        out: list[tuple[int, ...]] = []
        i = 0
        for zone in zones:
            if zone.positional:
                part = selection[i : i + zone.size]
                if any(dans[i : i + zone.size]):
                    msg = f"{game.label}: {zone.name} has no 胆拖"
                    raise InvalidFormat(msg, game=game.code)
                check_positions(game, zone, part)
                out.extend(tuple(sorted(g)) for g in part)
                i += zone.size
            else:
                check_ball(game, zone, dans[i], selection[i])
                out.append(tuple(sorted(selection[i])))
                i += 1
        canon_dan = tuple(tuple(sorted(d)) for d in dans) if any(dans) else ()
        return Picks(tuple(out), canon_dan, picks.edition)

    def plain_reader(self, game: Game, edition: Edition | None) -> _single.PlainReader:
        """A one-pass reader of a plain single bet, choosing the layout as :meth:`parse` does."""
        return _plain_reader(game, edition)

    def format(self, ticket: Ticket) -> str:
        """``02 05 # 07 08 20 27 33 + 04``, ``12|6|01``, ``250875 + 0``."""
        out: list[str] = []
        i = 0
        for zone in ticket.layout:
            if zone.positional:
                groups = ticket.selection[i : i + zone.size]
                i += zone.size
                if zone.digits:
                    if all(len(g) == 1 for g in groups):
                        out.append("".join(str(g[0]) for g in groups))
                    else:
                        out.append("|".join("".join(map(str, g)) for g in groups))
                else:
                    out.append("|".join(" ".join(map(zone.fmt, g)) for g in groups))
            else:
                text = " ".join(map(zone.fmt, ticket.selection[i]))
                if ticket.dan and ticket.dan[i]:
                    text = " ".join(map(zone.fmt, ticket.dan[i])) + " # " + text
                out.append(text)
                i += 1
        return " + ".join(out)

    def bets(self, ticket: Ticket) -> int:
        """∏ C(拖, size − 胆) over ball zones × ∏ digits per position."""
        total = 1
        i = 0
        for zone in ticket.layout:
            if zone.positional:
                total *= prod(len(g) for g in ticket.selection[i : i + zone.size])
                i += zone.size
            else:
                dan = ticket.dan[i] if ticket.dan else ()
                total *= comb(len(ticket.selection[i]), zone.size - len(dan))
                i += 1
        return total

    def _parts(self, ticket: Ticket) -> list[tuple[Zone, Selection, Selection]]:
        """The ticket's numbers by zone: (zone, groups or 拖, 胆)."""
        parts: list[tuple[Zone, Selection, Selection]] = []
        i = 0
        for zone in ticket.layout:
            if zone.positional:
                parts.append((zone, ticket.selection[i : i + zone.size], ()))
                i += zone.size
            else:
                dan = (ticket.dan[i],) if ticket.dan else ((),)
                parts.append((zone, (ticket.selection[i],), dan))
                i += 1
        return parts

    def single_hits(self, ticket: Ticket, draw: Draw) -> tuple[int, ...]:
        """The match pattern of a single bet (``ticket.bets == 1``): nothing to combine."""
        key = "single_hits" if ticket.edition is None else f"single_hits {ticket.edition}"
        hits_of = draw._cache.get(key)  # noqa: SLF001 - the draw's memo, read without a call
        if hits_of is None:
            hits_of = draw.memo(key, lambda: _single.hits_function(draw, ticket.layout))
        return hits_of(ticket.selection)

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """Hit distributions per zone, combined, mapped to tiers."""
        run = draw.edition.match == "run"
        dists: list[list[int]] = []
        parts = ticket.memo("parts", lambda: self._parts(ticket))
        if draw.edition.special_ball:
            return self._count_special(parts, draw)
        for (zone, groups, dan), drawn in zip(parts, draw.drawn, strict=True):
            if not zone.positional:
                dists.append(_counting.ball_distribution(dan[0], groups[0], drawn, zone.size))  # type: ignore[arg-type]
            elif run:
                dists.append(_counting.run_distribution(groups, drawn))  # type: ignore[arg-type]
            else:
                dists.append(_counting.positional_distribution(groups, drawn))
        counts: Counts = {}
        tiers_of = draw.memo("tiers_of", dict[tuple[int, ...], tuple[str, ...]])
        for hits, count in _counting.combine(dists).items():
            tiers = tiers_of.get(hits)
            if tiers is None:
                tiers = tiers_of[hits] = draw.winning_tiers(hits)
            for tier in tiers:
                counts[tier] = counts.get(tier, 0) + count
        return counts

    def _count_special(self, parts: list[tuple[Zone, Selection, Selection]], draw: Draw) -> Counts:
        """One ball zone matched against the drawn numbers and the special number."""
        ((zone, groups, dan),) = parts
        drawn = draw.drawn[0]
        special = draw.numbers[-1]
        dist = _counting.ball_special_distribution(dan[0], groups[0], drawn, special, zone.size)  # type: ignore[arg-type]
        counts: Counts = {}
        for hits, count in dist.items():
            for tier in draw.winning_tiers(hits):
                counts[tier] = counts.get(tier, 0) + count
        return counts


@functools.cache
def _plain_reader(game: Game, edition: Edition | None) -> _single.PlainReader:
    return _single.plain_reader(layouts(game, edition))
