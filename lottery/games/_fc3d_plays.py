"""福彩3D's own plays, one bet each: 1D, 2D, 通选, 和数, 包选, 猜1D/2D, 猜三同, 拖拉机, 猜奇偶/大小.

Each is one bet on a property of the draw's three digits, decided from the
digits alone ([S-ML], [S-bet3d], [S-java3d], [S-3dcodes] in docs/sources.md).
The prizes are data in :mod:`lottery.games.fc3d`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import attrs

from lottery import _text
from lottery._tokens import bad_token, strip_span
from lottery.exceptions import InvalidCount, InvalidFormat, InvalidNumber
from lottery.games._digits import DigitPlay, Kind, kind, no_dan, one_group, read_digits, read_value
from lottery.model import Draw, Ticket
from lottery.rules import Counts, Game, Group, Picks, Shape, Written

__all__ = [
    "BaoXuan",
    "GuessOne",
    "GuessTwo",
    "HeShu",
    "Pattern",
    "PositionPlay",
    "Predicate",
    "TongXuan",
    "is_tractor",
    "is_triple",
]


def _one_value(game: Game, play: str, picks: Picks, high: int, wanted: str) -> Picks:
    """A selection of one value 0–``high`` and no 胆 (和数's sum, a side's index)."""
    no_dan(game, play, picks)
    selection = picks.selection
    if len(selection) != 1 or len(selection[0]) != 1 or not 0 <= selection[0][0] <= high:
        msg = f"{game.label}: {play} takes {wanted}"
        raise InvalidCount(msg, game=game.code)
    return Picks(selection)


@attrs.frozen(eq=False)
class _SingleBet(DigitPlay):
    """A play of exactly one bet."""

    single_bet = True


@attrs.frozen(eq=False)
class PositionPlay(_SingleBet):
    """1D / 2D: chosen digits in chosen positions, ``*`` for an open one: ``3**``, ``32*``."""

    fixed: int = 1

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """A digit in each of ``fixed`` of the three positions."""
        return (Shape((Group(0, 9),) * 3, chosen=self.fixed),)

    def parse(self, written: Written) -> Picks:
        """Three characters, each a digit or ``*``."""
        game, text, offset = written.game, written.text, written.offset
        start, end = strip_span(text, 0, len(text))
        chars = [
            (ch, offset + i) for i, ch in enumerate(text[start:end], start) if not ch.isspace()
        ]
        if len(chars) != 3:
            msg = (
                f"{game.label}: {self.name} takes 3 positions (a digit or *), e.g."
                f" {'3**' if self.fixed == 1 else '32*'}, at column {offset + start + 1}"
            )
            raise InvalidCount(msg, game=game.code, token=text.strip(), position=offset + start + 1)
        groups: list[tuple[int, ...]] = []
        for ch, pos in chars:
            if ch == "*":
                groups.append(())
            elif _text.is_digits(ch):
                groups.append((int(ch),))
            else:
                raise bad_token(game, "号码 number", ch, pos)
        return Picks(tuple(groups))

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """Three positions, exactly ``fixed`` of them holding one digit."""
        no_dan(game, self.name, picks)
        selection = picks.selection
        if len(selection) != 3 or any(len(g) > 1 for g in selection):
            msg = f"{game.label}: {self.name} has 3 positions, each one digit or open"
            raise InvalidCount(msg, game=game.code)
        chosen = sum(1 for g in selection if g)
        if chosen != self.fixed:
            msg = f"{game.label}: {self.name} chooses {self.fixed} position(s), not {chosen}"
            raise InvalidCount(msg, game=game.code, token=str(chosen))
        for g in selection:
            for d in g:
                if not 0 <= d <= 9:
                    msg = f"{game.label}: {self.name} digit {d} is out of range 0–9"
                    raise InvalidNumber(msg, game=game.code, token=str(d))
        return Picks(selection)

    def format(self, ticket: Ticket) -> str:
        """``1D 3**``."""
        return f"{self.name} {''.join(str(g[0]) if g else '*' for g in ticket.selection)}"

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """Every chosen position matches."""
        ok = all(not g or g[0] == d for g, d in zip(ticket.selection, draw.numbers, strict=True))
        return {self.name: 1} if ok else {}


@attrs.frozen(eq=False)
class _Ordered(_SingleBet):
    """A bet on three digits in order (通选, 包选)."""

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """Three digits in order, repeats allowed."""
        return (Shape((Group(0, 9, 3, 3, repeats=True, ordered=True),)),)

    def parse(self, written: Written) -> Picks:
        """Three digits, order kept."""
        game, text, offset = written.game, written.text, written.offset
        digits = read_digits(game, text, offset)
        if len(digits) != 3:
            msg = (
                f"{game.label}: {self.name} takes 3 digits, not {len(digits)}:"
                f" {_text.shown(text.strip())} (column {offset + 1})"
            )
            raise InvalidCount(msg, game=game.code, token=text.strip(), position=offset + 1)
        return Picks((tuple(d for d, _ in digits),))

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """Three digits, order kept."""
        no_dan(game, self.name, picks)
        group = one_group(game, self.name, picks.selection)
        if len(group) != 3:
            msg = f"{game.label}: {self.name} takes 3 digits, not {len(group)}"
            raise InvalidCount(msg, game=game.code)
        return Picks((group,))


@attrs.frozen(eq=False)
class TongXuan(_Ordered):
    """通选: all 3 in position wins 通选1; exactly 2 in position wins 通选2."""

    @property
    def tiers(self) -> tuple[str, ...]:
        """通选1, 通选2."""
        return (f"{self.name}1", f"{self.name}2")

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """Positions matched decide the sub-tier."""
        matched = sum(1 for a, b in zip(ticket.selection[0], draw.numbers, strict=True) if a == b)
        if matched == 3:
            return {f"{self.name}1": 1}
        if matched == 2:
            return {f"{self.name}2": 1}
        return {}


@attrs.frozen(eq=False)
class BaoXuan(_Ordered):
    """包选3 / 包选6: a 组三 (or 组六) number; in order = 全中, any order = 组中."""

    group: Literal[3, 6] = 3

    @property
    def tiers(self) -> tuple[str, ...]:
        """全中 and 组中."""
        return (f"{self.name}全中", f"{self.name}组中")

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """包选3: a 组三 form in any order; 包选6: three distinct digits in any order."""
        if self.group == 3:
            return (Shape((Group(0, 9, 3, 3, ordered=True, pair=True),)),)
        return (Shape((Group(0, 9, 3, 3, ordered=True),)),)

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """包选3 needs a 组三 form (``116``), 包选6 three distinct digits."""
        (group,) = super().canonical(game, picks).selection
        want: Kind = "group3" if self.group == 3 else "group6"
        if kind(group) != want:
            shape = (
                "two equal digits and one other (e.g. 116)"
                if self.group == 3
                else "three distinct digits"
            )
            msg = f"{game.label}: {self.name} {''.join(map(str, group))} must be {shape}"
            raise InvalidFormat(msg, game=game.code, token="".join(map(str, group)))
        return Picks((group,))

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """全中 for the number in order, 组中 for the same digits in another order."""
        group = ticket.selection[0]
        if tuple(draw.numbers) == group:
            return {f"{self.name}全中": 1}
        if sorted(draw.numbers) == sorted(group):
            return {f"{self.name}组中": 1}
        return {}


@attrs.frozen(eq=False)
class HeShu(_SingleBet):
    """和数: the digits sum to the chosen value; the prize is the tier's table's for the value."""

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """One value 0–27."""
        return (Shape((Group(0, 27),)),)

    def parse(self, written: Written) -> Picks:
        """One number 0–27."""
        return Picks(((read_value(written.game, self.name, written, 0, 27),),))

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """One value 0–27."""
        return _one_value(game, self.name, picks, 27, "one number 0–27")

    def format(self, ticket: Ticket) -> str:
        """``和数 11``."""
        return f"{self.name} {ticket.selection[0][0]}"

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """The sum matches."""
        return {self.name: 1} if sum(draw.numbers) == ticket.selection[0][0] else {}


@attrs.frozen(eq=False)
class GuessOne(_SingleBet):
    """猜1D: a digit that appears 1, 2 or 3 times anywhere in the draw."""

    @property
    def tiers(self) -> tuple[str, ...]:
        """猜1D中1 … 猜1D中3."""
        return tuple(f"{self.name}中{n}" for n in (1, 2, 3))

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """One digit."""
        return (Shape((Group(0, 9),)),)

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """One digit."""
        (group,) = super().canonical(game, picks).selection
        if len(group) != 1:
            msg = f"{game.label}: {self.name} takes one digit, not {len(group)}"
            raise InvalidCount(msg, game=game.code)
        return Picks((group,))

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """中1, 中2 or 中3 by how often the digit appears."""
        times = draw.numbers.count(ticket.selection[0][0])
        return {f"{self.name}中{times}": 1} if times else {}


@attrs.frozen(eq=False)
class GuessTwo(_SingleBet):
    """猜2D: two equal digits (两同号: at least twice) or two different ones (两不同号)."""

    @property
    def tiers(self) -> tuple[str, ...]:
        """猜2D两同号, 猜2D两不同号."""
        return (f"{self.name}两同号", f"{self.name}两不同号")

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """Two digits, equal or not."""
        return (Shape((Group(0, 9, 2, 2, repeats=True),)),)

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """Two digits."""
        (group,) = super().canonical(game, picks).selection
        if len(group) != 2:
            msg = f"{game.label}: {self.name} takes two digits, not {len(group)}"
            raise InvalidCount(msg, game=game.code)
        return Picks((group,))

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """两同号: the digit at least twice; 两不同号: both digits present."""
        a, b = ticket.selection[0]
        if a == b:
            return {f"{self.name}两同号": 1} if draw.numbers.count(a) >= 2 else {}
        return {f"{self.name}两不同号": 1} if a in draw.numbers and b in draw.numbers else {}


def is_tractor(digits: Sequence[int]) -> bool:
    """拖拉机: three consecutive digits in ascending or descending order (012 … 987)."""
    a, b, c = digits
    return (b - a == 1 and c - b == 1) or (a - b == 1 and b - c == 1)


def is_triple(digits: Sequence[int]) -> bool:
    """猜三同: all three digits equal."""
    return kind(digits) == "triple"


@attrs.frozen(eq=False)
class Pattern(_SingleBet):
    """A bet on a whole set of draws: 猜三同 (any triple), 拖拉机 (012 … 987)."""

    test: Callable[[Sequence[int]], bool] = is_triple

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """No numbers: the name is the bet."""
        return (Shape(),)

    def parse(self, written: Written) -> Picks:
        """Nothing after the name."""
        game, text = written.game, written.text
        if text.strip():
            start, _ = strip_span(text, 0, len(text))
            at = written.offset + start + 1
            msg = (
                f"{game.label}: {self.name} takes no numbers, not {_text.shown(text.strip())}"
                f" (column {at})"
            )
            raise InvalidFormat(msg, game=game.code, token=text.strip(), position=at)
        return Picks(())

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """No numbers."""
        no_dan(game, self.name, picks)
        if picks.selection:
            msg = f"{game.label}: {self.name} takes no numbers"
            raise InvalidCount(msg, game=game.code)
        return Picks(())

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """Every bet of the ticket wins when the draw is in the set."""
        return {self.name: ticket.bets} if self.test(draw.numbers) else {}


@attrs.frozen(eq=False)
class Predicate(_SingleBet):
    """猜奇偶 / 猜大小: one of two named sides of the draw (奇/偶, 大/小)."""

    sides: tuple[tuple[str, Callable[[Sequence[int]], bool]], ...] = ()

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """A side's index."""
        return (Shape((Group(0, len(self.sides) - 1),)),)

    def parse(self, written: Written) -> Picks:
        """A side's name."""
        game, text = written.game, written.text
        word = text.strip()
        names = [name for name, _ in self.sides]
        if word not in names:
            start, _ = strip_span(text, 0, len(text))
            at = written.offset + start + 1
            msg = (
                f"{game.label}: {self.name} takes {' or '.join(names)}, not {word!r} (column {at})"
            )
            raise InvalidFormat(msg, game=game.code, token=word, position=at)
        return Picks(((names.index(word),),))

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """The side's index."""
        names = " or ".join(name for name, _ in self.sides)
        return _one_value(game, self.name, picks, len(self.sides) - 1, names)

    def format(self, ticket: Ticket) -> str:
        """``猜奇偶 奇``."""
        return f"{self.name} {self.sides[ticket.selection[0][0]][0]}"

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """The chosen side holds."""
        return {self.name: 1} if self.sides[ticket.selection[0][0]][1](draw.numbers) else {}
