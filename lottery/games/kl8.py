"""KL8 (快乐8, Kuai Le 8, "happy 8").

A national China Welfare Lottery (福彩) game drawn every day except the
Spring Festival and 1–4 October breaks; launched 2020-10-28 as issue
``2020001``.  Issue numbers are ``YYYYNNN`` (351–352 a year).

Each draw draws 20 numbers from 01–80, printed ascending.  A bet picks N
numbers, N = 1–10: the plays 选一 … 选十, 2元 a bet.  A bet wins exactly one
row of its play's table, by how many of its N numbers are among the 20:
"选N中M" (``选十中九``, ``选七中零``) ([S-kl8feed], [S-kl8tab]).

Tickets (the play first; ``选1`` … ``选10`` read as well)
---------------------------------------------------------
- 单式: ``选五 01 02 03 04 05``.
- 复式: more than N numbers, at most 16: ``选五 01 02 03 04 05 06 07``;
  C(n, N) bets.
- 胆拖: 1 to N − 1 胆, 胆 + 拖 ≥ N + 1, at most 16: ``选五 01 02 # 03 04 05 06 07``;
  C(拖, N − 胆) bets.
- The 16-number limit is the library's, stated here: the sold limits are
  UNCONFIRMED (docs/sources.md, UNCONFIRMED 22).

Prize tables (yuan per bet)
---------------------------
``original``, issues 2020001–2025349, and ``2025``, from 2025350 (drawn
2025-12-30):

====  ==============================================  ==============================================
play  original                                        2025
====  ==============================================  ==============================================
选一  中1 4.6                                         中1 4.5
选二  中2 19                                          中2 19
选三  中3 53, 中2 3                                   中3 52, 中2 3
选四  中4 100, 中3 5, 中2 3                           中4 93, 中3 5, 中2 3
选五  中5 1000, 中4 21, 中3 3                         中5 1000, 中4 20, 中3 3
选六  中6 3000, 中5 30, 中4 10, 中3 3                 中6 2880, 中5 30, 中4 10, 中3 3
选七  中7 10000, 中6 288, 中5 28, 中4 4, 中0 2        中7 8500, 中6 300, 中5 30, 中4 4, 中0 2
选八  中8 50000, 中7 800, 中6 88, 中5 10, 中4 3,      中8 50000, 中7 800, 中6 80, 中5 10, 中4 3,
      中0 2                                           中0 2
选九  中9 300000, 中8 2000, 中7 200, 中6 20, 中5 5,   中9 floating, 中8 2000, 中7 225, 中6 22,
      中4 3, 中0 2                                    中5 5, 中4 3, 中0 2
选十  中10 floating, 中9 8000, 中8 800, 中7 80,       中10 floating, 中9 8000, 中8 720, 中7 80,
      中6 5, 中5 3, 中0 2                             中6 5, 中5 3, 中0 2
====  ==============================================  ==============================================

Money is not always whole yuan (选一 4.6 and 4.5): amounts are exact Decimals.

Limitations
-----------
- Floating prizes (选十中十; 选九中九 from 2025350) are known only from an
  announcement (observed: 5,000,000 and 250,000 every time).
- UNCONFIRMED (docs/sources.md, UNCONFIRMED 22): the rule text; that the
  original table held unchanged from 2020001 to 2025349; the 复式/胆拖 limits;
  the mechanics of the floating prizes; the feed's ``gdjc`` field.

>>> import lottery
>>> draw = lottery.parse_draw("kl8", " ".join(str(n) for n in range(1, 21)), issue="2025350")
>>> lottery.check(lottery.parse_ticket("kl8", "选一 07"), draw).wins
(Win(tier='选一中一', count=1, prize=Decimal('4.5')),)
>>> lottery.check(lottery.parse_ticket("kl8", "选七 41 42 43 44 45 46 47"), draw).wins
(Win(tier='选七中零', count=1, prize=Decimal('2')),)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from math import comb
from typing import Final

import attrs

from lottery import _counting
from lottery._single import ball_reader
from lottery.exceptions import InvalidCount
from lottery.findings import GameChecks, Problem
from lottery.model import Draw, Ticket
from lottery.plays import check_ball, parse_ball
from lottery.records import Record
from lottery.rules import Counts, Edition, Game, Group, Picks, Play, Shape, Tier, Written, Zone

__all__ = ["CHECKS", "GAME", "MAX_NUMBERS", "tier_name"]

#: The most numbers a 复式 or 胆拖 holds here (the sold limit is UNCONFIRMED).
MAX_NUMBERS: Final = 16
_NUMERALS: Final = ("零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
_SRC: Final = "[S-kl8feed; S-kl8tab]"
_DRAWN: Final = Zone("号码", 1, 80, 20)


def tier_name(pick: int, hits: int) -> str:
    """``选十中九``: the tier of a 选N bet with M of its numbers drawn."""
    return f"选{_NUMERALS[pick]}中{_NUMERALS[hits]}"


# play → {hits: prize or None (floating)}, by edition ([S-kl8tab], amounts seen in [S-kl8feed])
_ORIGINAL: Final[Mapping[int, Mapping[int, Decimal | int | None]]] = {
    1: {1: Decimal("4.6")},
    2: {2: 19},
    3: {3: 53, 2: 3},
    4: {4: 100, 3: 5, 2: 3},
    5: {5: 1000, 4: 21, 3: 3},
    6: {6: 3000, 5: 30, 4: 10, 3: 3},
    7: {7: 10000, 6: 288, 5: 28, 4: 4, 0: 2},
    8: {8: 50000, 7: 800, 6: 88, 5: 10, 4: 3, 0: 2},
    9: {9: 300000, 8: 2000, 7: 200, 6: 20, 5: 5, 4: 3, 0: 2},
    10: {10: None, 9: 8000, 8: 800, 7: 80, 6: 5, 5: 3, 0: 2},
}
_2025: Final[Mapping[int, Mapping[int, Decimal | int | None]]] = {
    1: {1: Decimal("4.5")},
    2: {2: 19},
    3: {3: 52, 2: 3},
    4: {4: 93, 3: 5, 2: 3},
    5: {5: 1000, 4: 20, 3: 3},
    6: {6: 2880, 5: 30, 4: 10, 3: 3},
    7: {7: 8500, 6: 300, 5: 30, 4: 4, 0: 2},
    8: {8: 50000, 7: 800, 6: 80, 5: 10, 4: 3, 0: 2},
    9: {9: None, 8: 2000, 7: 225, 6: 22, 5: 5, 4: 3, 0: 2},
    10: {10: None, 9: 8000, 8: 720, 7: 80, 6: 5, 5: 3, 0: 2},
}


def _tiers(table: Mapping[int, Mapping[int, Decimal | int | None]]) -> tuple[Tier, ...]:
    """Every 选N中M of a table, 选十 first and within a play the most numbers first."""
    return tuple(
        Tier(tier_name(pick, hits), table[pick][hits], source=_SRC)
        for pick in sorted(table, reverse=True)
        for hits in sorted(table[pick], reverse=True)
    )


@attrs.frozen(eq=False)
class Pick(Play):
    """选N: N numbers (复式: more, 胆拖: with 胆); a bet wins the row of its match count."""

    pick: int
    name: str = attrs.field(init=False)
    aliases: tuple[str, ...] = attrs.field(init=False)
    summary: str = attrs.field(init=False)
    zone: Zone = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        n = self.pick
        object.__setattr__(self, "name", f"选{_NUMERALS[n]}")
        object.__setattr__(self, "aliases", (f"选{n}",))
        object.__setattr__(self, "summary", f"{n} of 01–80; wins by how many of the 20 drawn")
        dan = (1, n - 1) if n > 1 else None
        object.__setattr__(self, "zone", Zone("号码", 1, 80, n, max_pick=MAX_NUMBERS, dan=dan))

    @property
    def tiers(self) -> tuple[str, ...]:
        """Every 选N中M row of this play in any edition, most numbers first."""
        rows = sorted({*_ORIGINAL[self.pick], *_2025[self.pick]}, reverse=True)
        return tuple(tier_name(self.pick, hits) for hits in rows)

    def tier_names(self, edition: Edition) -> tuple[str, ...]:
        """The rows of this play's table in ``edition``."""
        return tuple(t for t in self.tiers if edition.has_tier(t))

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """单式, 复式 and (from 选二 on) 胆拖."""
        n = self.pick
        single = Shape((Group(1, 80, n, n),))
        many = Shape((Group(1, 80, n + 1, MAX_NUMBERS),))
        if n == 1:
            return (single, many)
        return (single, many, Shape((Group(1, 80, n + 1, MAX_NUMBERS),), dan=(1, n - 1)))

    def parse(self, written: Written) -> Picks:
        """``01 02 03 04 05``, ``01 02 # 03 04 05 06 07``."""
        dan, tuo = parse_ball(written.game, self.zone, written.text, written.offset)
        self._limits(written.game, dan, tuo, written.offset + 1)
        return Picks((tuple(sorted(tuo)),), (tuple(sorted(dan)),) if dan else ())

    def _limits(self, game: Game, dan: tuple[int, ...], tuo: tuple[int, ...], at: int) -> None:
        check_ball(game, self.zone, dan, tuo, where=at)
        if dan and len(dan) + len(tuo) > MAX_NUMBERS:
            msg = (
                f"{game.label}: {self.name} has {len(dan)} 胆 + {len(tuo)} 拖 at column {at};"
                f" at most {MAX_NUMBERS} numbers"
            )
            raise InvalidCount(msg, game=game.code, position=at)

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """One group of numbers (and its 胆), sorted."""
        if len(picks.selection) != 1 or (picks.dan and len(picks.dan) != 1):
            msg = f"{game.label}: a {self.name} selection is one group of numbers"
            raise InvalidCount(msg, game=game.code)
        dan = picks.dan[0] if picks.dan else ()
        self._limits(game, dan, picks.selection[0], None)  # type: ignore[arg-type]
        return Picks((tuple(sorted(picks.selection[0])),), (tuple(sorted(dan)),) if dan else ())

    def format(self, ticket: Ticket) -> str:
        """``选五 01 02 # 03 04 05 06 07``."""
        numbers = " ".join(map(self.zone.fmt, ticket.selection[0]))
        if ticket.dan and ticket.dan[0]:
            numbers = " ".join(map(self.zone.fmt, ticket.dan[0])) + " # " + numbers
        return f"{self.name} {numbers}"

    def bets(self, ticket: Ticket) -> int:
        """C(拖, N − 胆)."""
        dan = ticket.dan[0] if ticket.dan else ()
        return comb(len(ticket.selection[0]), self.pick - len(dan))

    @property
    def picked_zone(self) -> Zone:
        """01–80, N numbers: a 选N single bet wins by how many of them were drawn."""
        return self.zone

    def plain_reader(self, game: Game, edition: Edition | None) -> Callable[[str], Picks | None]:
        """``01 02 03 04 05`` for 选五: exactly N distinct numbers, in one pass."""
        del game, edition
        return _single_reader(self)

    def single_hits(self, ticket: Ticket, draw: Draw) -> tuple[int, ...] | None:
        """A single bet's numbers drawn: its row."""
        if ticket.dan:
            return None
        return (len(draw.drawn[0].intersection(ticket.selection[0])),)  # type: ignore[union-attr]

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """Bets by numbers drawn (hypergeometric), each the row of its count."""
        dan = ticket.dan[0] if ticket.dan else ()
        drawn = draw.drawn[0]
        dist = _counting.ball_distribution(dan, ticket.selection[0], drawn, self.pick)  # type: ignore[arg-type]
        edition = draw.edition
        counts: Counts = {}
        for hits, count in enumerate(dist):
            name = tier_name(self.pick, hits)
            if count and edition.has_tier(name):
                counts[name] = count
        return counts


@functools.cache
def _single_reader(play: Pick) -> Callable[[str], Picks | None]:
    balls = ball_reader(play.zone)  # exactly N distinct numbers of 01–80

    def read(text: str) -> Picks | None:
        numbers = balls(text)
        return None if numbers is None else Picks((numbers,), ())

    return read


_PLAYS: Final = tuple(Pick(n) for n in range(1, 11))


def _multiple(numbers: list[str], most: int) -> tuple[list[str], int] | None:
    """Split a trailing ``x5`` off; ``None`` if it is not a multiple 1–``most``."""
    last = numbers[-1]
    if not last.startswith(("x", "X")):
        return numbers, 1
    digits = last[1:]
    if not (digits.isascii() and digits.isdecimal() and len(digits) <= 2):
        return None
    times = int(digits)
    return (numbers[:-1], times) if 1 <= times <= most else None


def _bits(numbers: list[str], tokens: Mapping[str, int], pick: int) -> int | None:
    """The numbers as a bit mask, if they are exactly ``pick`` distinct valid ones."""
    if len(numbers) != pick:
        return None
    bits = 0
    for token in numbers:
        number = tokens.get(token)
        if number is None:
            return None
        bits |= 1 << number
    return bits if bits.bit_count() == pick else None


def _fast_lane(draw: Draw) -> Callable[[str], tuple[tuple[str, ...], int] | None]:
    """Plain single bets (``选五 01 02 03 04 05 x2``) scored from bit masks."""
    edition = draw.edition
    mask = sum(1 << n for n in draw.numbers)
    plays = {name: play for play in _PLAYS for name in play.names}
    won: dict[tuple[int, int], tuple[str, ...]] = {}
    for play in _PLAYS:
        for hits in range(play.pick + 1):
            name = tier_name(play.pick, hits)
            won[play.pick, hits] = (name,) if edition.has_tier(name) else ()
    most = edition.max_multiple
    tokens = _DRAWN.tokens

    def score(line: str) -> tuple[tuple[str, ...], int] | None:
        parts = line.split()
        play = plays.get(parts[0]) if len(parts) > 1 else None
        split = _multiple(parts[1:], most) if play is not None else None
        if play is None or split is None:
            return None
        numbers, times = split
        bits = _bits(numbers, tokens, play.pick)
        return None if bits is None else (won[play.pick, (bits & mask).bit_count()], times)

    return score


#: The National Day break: no draw from 1 to 4 October (month, first day, last day).
_BREAK: Final = (10, 1, 4)


def _in_october(records: Sequence[Record]) -> Iterator[int]:
    """The records ``_breaks`` looks at: those dated in the break's month."""
    month = _BREAK[0]
    for k, record in enumerate(records):
        when = record.draw.date if record.draw is not None else None
        if when is not None and when.month == month:
            yield k


def _breaks(record: Record) -> Iterator[Problem]:
    """No draw in the National Day break (the Spring Festival break moves, and is not checked)."""
    draw = record.draw
    month, first, last = _BREAK
    when = draw.date if draw is not None else None
    if when is not None and when.month == month and first <= when.day <= last:
        yield "warning", "break", f"{when} is in the 1–4 October break; 快乐8 does not draw then"


GAME: Final = Game(
    code="kl8",
    name="快乐8",
    english="Happy 8",
    operator="福彩",
    aliases=("快乐8", "快乐八", "kl8", "KL8", "kuaile8"),
    issue_digits=7,
    draw_weekdays=(0, 1, 2, 3, 4, 5, 6),
    editions=(
        Edition(
            name="original",
            first_issue="2020001",
            zones=(_DRAWN,),
            tiers=_tiers(_ORIGINAL),
            source=_SRC,
        ),
        Edition(
            name="2025", first_issue="2025350", zones=(_DRAWN,), tiers=_tiers(_2025), source=_SRC
        ),
    ),
    plays=_PLAYS,
    doc=__doc__ or "",
    module=__name__,
    feeds={"cwl": ("kl8",)},
    tier_aliases={
        f"x{pick}z{hits}": tier_name(pick, hits)
        for pick in range(1, 11)
        for hits in range(pick + 1)
    },
    play_required=True,
    fast_lane=_fast_lane,
)

CHECKS: Final = GameChecks(
    kinds={"break": "a 快乐8 draw dated in the 1–4 October break"},
    record=_breaks,
    suspects=_in_october,
)
