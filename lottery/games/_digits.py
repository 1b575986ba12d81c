"""Plays of the three-digit games (排列3 and 福彩3D), counted in closed form.

Both games sell the same family of plays on top of 直选 (3D: 单选): 组选3,
组选6, 和值, 跨度, 直选组合, 组选6胆拖.  Each play here reads its notation,
counts its bets by formula and decides its winning bets from the draw's digits
alone: nothing enumerates the numbers a ticket covers.  The game modules choose
which plays they sell and at what prizes; 3D's own plays are in
:mod:`lottery.games._fc3d_plays`.

The draw's *kind* decides what a 组选 bet can win: a triple (``111``) pays
no 组选 prize, a 组三 form (two digits equal, ``116``) pays only 组选3 and a
组六 form (three distinct digits) only 组选6 (docs/sources.md: [S-166],
[S-17500cfg], [S-ML]).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from math import comb
from typing import Final, Literal

import attrs

from lottery import _text
from lottery._tokens import bad_token, read_number, split_tokens
from lottery.exceptions import DuplicateNumber, InvalidCount, InvalidFormat, InvalidNumber
from lottery.games._digit_counts import (
    Kind,
    group3_span_bets,
    group3_sum_bets,
    group6_span_bets,
    group6_sum_bets,
    kind,
    straight_span_bets,
    straight_sum_bets,
)
from lottery.model import Draw, Ticket
from lottery.rules import Counts, Edition, Game, Group, Picks, Play, Refusal, Shape, Written, Zone

__all__ = [
    "THREE_DIGITS",
    "Combination",
    "DigitPlay",
    "GroupDanTuo",
    "GroupPlay",
    "Kind",
    "SpanPlay",
    "SumPlay",
    "common_plays",
    "common_refusals",
    "count_range",
    "distinct",
    "kind",
    "no_dan",
    "one_group",
    "read_digits",
    "read_value",
]

Target = Literal["straight", "group", "group3", "group6"]

#: The number of 排列3 and 3D: three positional digits.
THREE_DIGITS: Final = Zone(
    "号码", 0, 9, 3, positional=True, width=1, positions=("百位", "十位", "个位")
)
_ONE: Final = Zone("号码", 0, 9, 1, positional=True, width=1)


# --- reading and checking, shared by every digit play -------------------------------


def read_digits(game: Game, text: str, offset: int) -> list[tuple[int, int]]:
    """Digits written together or apart: ``2368``, ``2 3 6 8``, ``2,3,6,8``."""
    out: list[tuple[int, int]] = []
    for token, at in split_tokens(text, offset):
        for i, ch in enumerate(token):
            number = _ONE.tokens.get(ch)
            if number is None:
                raise bad_token(game, "号码 number", ch, at + i)
            out.append((number, at + i))
    return out


def read_value(game: Game, play: str, written: Written, low: int, high: int) -> int:
    """One number ``low``–``high``: a sum, a span, a 和数."""
    tokens = split_tokens(written.text, written.offset)
    if len(tokens) != 1:
        at = tokens[1][1] + 1 if len(tokens) > 1 else written.offset + 1
        msg = f"{game.label}: {play} takes one number {low}–{high} (column {at})"
        raise InvalidCount(msg, game=game.code, token=written.text.strip(), position=at)
    token, at = tokens[0]
    if not _text.is_digits(token) or len(token) > 2:
        read_number(game, _ONE, token, at)  # not a number, or too many digits
        shown = _text.shown(token)
        msg = f"{game.label}: {play} value {shown} at column {at + 1} is not {low}–{high}"
        raise InvalidNumber(msg, game=game.code, token=token, position=at + 1)
    value = int(token)
    if not low <= value <= high:
        msg = f"{game.label}: {play} value {token!r} at column {at + 1} is not within {low}–{high}"
        raise InvalidNumber(msg, game=game.code, token=token, position=at + 1)
    return value


def distinct(game: Game, play: str, digits: Sequence[tuple[int, int]]) -> None:
    """No digit twice."""
    seen: set[int] = set()
    for d, pos in digits:
        if d in seen:
            msg = f"{game.label}: {play} digit '{d}' at column {pos + 1} repeats"
            raise DuplicateNumber(msg, game=game.code, token=str(d), position=pos + 1)
        seen.add(d)


def one_group(game: Game, play: str, groups: Sequence[Sequence[int]]) -> tuple[int, ...]:
    """The one group of digits of a selection."""
    if len(groups) != 1:
        msg = f"{game.label}: a {play} selection is one group of digits, not {len(groups)}"
        raise InvalidCount(msg, game=game.code)
    group = tuple(groups[0])
    for d in group:
        if not 0 <= d <= 9:
            msg = f"{game.label}: {play} digit {d} is out of range 0–9"
            raise InvalidNumber(msg, game=game.code, token=str(d))
    return group


def no_dan(game: Game, play: str, picks: Picks) -> None:
    """Refuse 胆 where a play has none."""
    if any(picks.dan):
        msg = f"{game.label}: {play} has no 胆"
        raise InvalidFormat(msg, game=game.code)


def count_range(game: Game, play: str, n: int, low: int, high: int, what: str = "digits") -> None:
    """``n`` within ``low``–``high``."""
    if not low <= n <= high:
        msg = f"{game.label}: {play} takes {low}–{high} {what}, not {n}"
        raise InvalidCount(msg, game=game.code, token=str(n))


@attrs.frozen(eq=False)
class DigitPlay(Play):
    """Shared parts: one group of digits, no 胆; ``straight`` names the game's 直选 tier."""

    name: str
    straight: str = "直选"
    aliases: tuple[str, ...] = ()
    summary: str = ""

    @property
    def tiers(self) -> tuple[str, ...]:
        """By default, the play's own name."""
        return (self.name,)

    def parse(self, written: Written) -> Picks:
        """Digits written together or apart."""
        digits = read_digits(written.game, written.text, written.offset)
        return Picks((tuple(d for d, _ in digits),))

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """One sorted group of digits; subclasses add their limits."""
        no_dan(game, self.name, picks)
        return Picks((tuple(sorted(one_group(game, self.name, picks.selection))),))


@functools.cache
def _group_reader(group: int) -> Callable[[str], Picks | None]:
    digit = _ONE.tokens.__getitem__

    def read(text: str) -> Picks | None:
        parts = text.split()
        if len(parts) != 1 or len(parts[0]) != 3:
            return None
        try:
            digits = tuple(sorted(map(digit, parts[0])))
        except KeyError:
            return None
        distinct = len(set(digits))
        return Picks((digits,)) if distinct == (2 if group == 3 else 3) else None

    return read


@attrs.frozen(eq=False)
class GroupPlay(DigitPlay):
    """组选3 / 组选6: one combination, or 包号 (every combination of the digits).

    组选3 ``116`` is one bet; ``168`` is 包号, every 组三 form of the digits,
    n(n−1) bets for n digits (2–10).  组选6 ``236`` is one bet; ``2368`` is
    包号, C(n, 3) bets (3–10 digits).
    """

    group: Literal[3, 6] = 3

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """组选3: a 组三 form or 2–10 digits; 组选6: 3–10 digits."""
        if self.group == 3:
            return (Shape((Group(0, 9, 2, 10),)), Shape((Group(0, 9, 3, 3, pair=True),)))
        return (Shape((Group(0, 9, 3, 10),)),)

    def parse(self, written: Written) -> Picks:
        """Digits; a repeat is allowed only as 组选3's one pair (``116``)."""
        digits = read_digits(written.game, written.text, written.offset)
        if not (self.group == 3 and len(digits) == 3 and len({d for d, _ in digits}) == 2):
            distinct(written.game, self.name, digits)
        return Picks((tuple(d for d, _ in digits),))

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """组选3: a pair form of 3 digits, or 2–10 distinct; 组选6: 3–10 distinct."""
        (group,) = super().canonical(game, picks).selection
        shown = "".join(map(str, group))
        unique = len(set(group))
        if self.group == 3 and unique != len(group):
            if len(group) != 3 or unique != 2:
                msg = (
                    f"{game.label}: 组选3 {shown} is neither one 组三"
                    " combination (two equal digits, e.g. 116) nor distinct digits (包号)"
                )
                raise InvalidFormat(msg, game=game.code, token=shown)
        elif unique != len(group):
            msg = f"{game.label}: {self.name} digits repeat in {shown}"
            raise DuplicateNumber(msg, game=game.code, token=shown)
        else:
            count_range(game, self.name, len(group), 2 if self.group == 3 else 3, 10)
        return Picks((group,))

    def plain_reader(self, game: Game, edition: Edition | None) -> Callable[[str], Picks | None]:
        """``116`` (组选3) or ``236`` (组选6): one combination, three digits together."""
        del game, edition
        return _group_reader(self.group)

    def single_hits(self, ticket: Ticket, draw: Draw) -> tuple[int, ...] | None:
        """One combination: whether it is the draw's digits (in any order)."""
        return (int(ticket.selection[0] == tuple(sorted(draw.numbers))),)

    def _single(self, group: Sequence[int]) -> bool:
        return len(set(group)) != len(group) or (self.group == 6 and len(group) == 3)

    def bets(self, ticket: Ticket) -> int:
        """1 for one combination; n(n−1) (组选3) or C(n, 3) (组选6) for 包号."""
        group = ticket.selection[0]
        if self._single(group):
            return 1
        n = len(group)
        return n * (n - 1) if self.group == 3 else comb(n, 3)

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """At most one bet can match the draw's combination."""
        group = ticket.selection[0]
        digits = draw.numbers
        want: Kind = "group3" if self.group == 3 else "group6"
        if kind(digits) != want:
            return {}
        hit = tuple(sorted(digits)) == group if self._single(group) else set(digits) <= set(group)
        return {self.name: 1} if hit else {}

    def form(self, ticket: Ticket) -> str:
        """单式 for one combination, 包号 otherwise."""
        return "单式" if self._single(ticket.selection[0]) else "包号"


def _targets(target: Target, straight: str) -> dict[Kind, str]:
    """Which tier a draw of each kind pays for a play standing for ``target``."""
    if target == "straight":
        return {"triple": straight, "group3": straight, "group6": straight}
    if target == "group":
        return {"group3": "组选3", "group6": "组选6"}
    if target == "group3":
        return {"group3": "组选3"}
    return {"group6": "组选6"}


_SUM_BETS: Final[Mapping[Target, Callable[[int], int]]] = {
    "straight": straight_sum_bets,
    "group": lambda s: group3_sum_bets(s) + group6_sum_bets(s),
    "group3": group3_sum_bets,
    "group6": group6_sum_bets,
}
_SPAN_BETS: Final[Mapping[Target, Callable[[int], int]]] = {
    "straight": straight_span_bets,
    "group3": group3_span_bets,
    "group6": group6_span_bets,
}


@attrs.frozen(eq=False)
class _ValuePlay(DigitPlay):
    """A play whose argument is one number: a sum or a span."""

    target: Target = "straight"
    low: int = 0
    high: int = 27
    #: The draw's sum or span.
    measure: Callable[[Sequence[int]], int] = sum
    #: Bets a value covers.
    bets_of: Mapping[Target, Callable[[int], int]] = attrs.field(factory=lambda: _SUM_BETS)

    @property
    def tiers(self) -> tuple[str, ...]:
        """The tiers the play stands for."""
        return tuple(dict.fromkeys(_targets(self.target, self.straight).values()))

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """One value in the play's range."""
        return (Shape((Group(self.low, self.high),)),)

    def parse(self, written: Written) -> Picks:
        """One number."""
        return Picks(((read_value(written.game, self.name, written, self.low, self.high),),))

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """One value within the play's range."""
        no_dan(game, self.name, picks)
        selection = picks.selection
        if len(selection) != 1 or len(selection[0]) != 1:
            msg = f"{game.label}: {self.name} takes one number {self.low}–{self.high}"
            raise InvalidCount(msg, game=game.code)
        value = selection[0][0]
        if not self.low <= value <= self.high:
            msg = f"{game.label}: {self.name} value {value} is not within {self.low}–{self.high}"
            raise InvalidNumber(msg, game=game.code, token=str(value))
        return Picks(selection)

    def format(self, ticket: Ticket) -> str:
        """``直选和值 10``."""
        return f"{self.name} {ticket.selection[0][0]}"

    def bets(self, ticket: Ticket) -> int:
        """From the closed-form tables: 直选和值 1, 3, 6, 10 …; 跨度 10 or 6K(10−K) …."""
        return self.bets_of[self.target](ticket.selection[0][0])

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """One bet wins when the draw's value and kind match."""
        if self.measure(draw.numbers) != ticket.selection[0][0]:
            return {}
        tier = _targets(self.target, self.straight).get(kind(draw.numbers))
        return {tier: 1} if tier else {}


def _span(digits: Sequence[int]) -> int:
    return max(digits) - min(digits)


@attrs.frozen(eq=False)
class SumPlay(_ValuePlay):
    """和值: every number (直选) or combination (组选) whose digits sum to S."""


@attrs.frozen(eq=False)
class SpanPlay(_ValuePlay):
    """跨度: every number or combination whose largest − smallest digit is K."""

    measure: Callable[[Sequence[int]], int] = _span
    bets_of: Mapping[Target, Callable[[int], int]] = attrs.field(factory=lambda: _SPAN_BETS)


@attrs.frozen(eq=False)
class Combination(DigitPlay):
    """直选组合: every arrangement of 3 distinct digits taken from 3–10 digits."""

    @property
    def tiers(self) -> tuple[str, ...]:
        """直选 (3D: 单选)."""
        return (self.straight,)

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """3–10 distinct digits."""
        return (Shape((Group(0, 9, 3, 10),)),)

    def parse(self, written: Written) -> Picks:
        """Distinct digits."""
        digits = read_digits(written.game, written.text, written.offset)
        distinct(written.game, self.name, digits)
        return Picks((tuple(d for d, _ in digits),))

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """3–10 distinct digits."""
        (group,) = super().canonical(game, picks).selection
        if len(set(group)) != len(group):
            msg = f"{game.label}: {self.name} digits repeat"
            raise DuplicateNumber(msg, game=game.code)
        count_range(game, self.name, len(group), 3, 10)
        return Picks((group,))

    def bets(self, ticket: Ticket) -> int:
        """n(n−1)(n−2)."""
        n = len(ticket.selection[0])
        return n * (n - 1) * (n - 2)

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """The draw's arrangement is covered iff its digits are distinct and chosen."""
        digits = draw.numbers
        if kind(digits) == "group6" and set(digits) <= set(ticket.selection[0]):
            return {self.straight: 1}
        return {}


@attrs.frozen(eq=False)
class GroupDanTuo(DigitPlay):
    """组选6胆拖 / 组选3胆拖: the 胆 in every combination, the rest from the 拖.

    组选6胆拖: 1–2 胆, 胆 + 拖 ≥ 4, C(拖, 3 − 胆) 组六 combinations.
    组选3胆拖: 1 胆 d and 2–9 拖; each 拖 digit t covers the two 组三
    combinations {d, d, t} and {d, t, t}, so 2 × 拖 bets ([S-z3dt]: "1*23 →
    112、122、113、133 共四注").
    """

    group: Literal[3, 6] = 6

    @property
    def tiers(self) -> tuple[str, ...]:
        """组选3 or 组选6."""
        return (f"组选{self.group}",)

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """组选6: 4–10 digits, 1–2 of them 胆; 组选3: 3–10 digits, 1 of them 胆."""
        if self.group == 3:
            return (Shape((Group(0, 9, 3, 10),), dan=(1, 1)),)
        return (Shape((Group(0, 9, 4, 10),), dan=(1, 2)),)

    def parse(self, written: Written) -> Picks:
        """``1 # 2345``."""
        game, text, offset = written.game, written.text, written.offset
        at = text.find("#")
        if at < 0 or text.find("#", at + 1) >= 0:
            msg = (
                f"{game.label}: write {self.name} as 胆 # 拖, e.g. '1 # 2345' (column {offset + 1})"
            )
            raise InvalidFormat(msg, game=game.code, token=text.strip(), position=offset + 1)
        dan = read_digits(game, text[:at], offset)
        tuo = read_digits(game, text[at + 1 :], offset + at + 1)
        distinct(game, self.name, dan + tuo)
        return Picks((tuple(d for d, _ in tuo),), (tuple(d for d, _ in dan),))

    def canonical(self, game: Game, picks: Picks) -> Picks:
        """组选6: 1–2 胆 and 胆 + 拖 ≥ 4; 组选3: 1 胆 and 2–9 拖; 胆 and 拖 disjoint."""
        tuo = tuple(sorted(one_group(game, self.name, picks.selection)))
        dans = tuple(sorted(one_group(game, self.name, picks.dan or ((),))))
        count_range(game, self.name, len(dans), 1, 2 if self.group == 6 else 1, "胆")
        if len({*dans, *tuo}) != len(dans) + len(tuo):
            msg = f"{game.label}: {self.name} digits repeat"
            raise DuplicateNumber(msg, game=game.code)
        least = 4 if self.group == 6 else 3
        count_range(game, self.name, len(dans) + len(tuo), least, 10, "digits (胆 + 拖)")
        return Picks((tuo,), (dans,))

    def format(self, ticket: Ticket) -> str:
        """``组选6胆拖 1 # 2345``."""
        dan = "".join(map(str, ticket.dan[0]))
        return f"{self.name} {dan} # {''.join(map(str, ticket.selection[0]))}"

    def bets(self, ticket: Ticket) -> int:
        """组选6: C(拖, 3 − 胆); 组选3: 2 × 拖."""
        tuo = len(ticket.selection[0])
        return 2 * tuo if self.group == 3 else comb(tuo, 3 - len(ticket.dan[0]))

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """A draw of the play's kind holding every 胆, its other digits among the 拖."""
        digits = set(draw.numbers)
        dan = set(ticket.dan[0])
        want: Kind = "group3" if self.group == 3 else "group6"
        tuo = set(ticket.selection[0])
        if kind(draw.numbers) == want and dan <= digits and digits - dan <= tuo:
            return {f"组选{self.group}": 1}
        return {}


def common_plays(straight: str) -> tuple[Play, ...]:
    """The plays 排列3 and 3D share, after their 直选/单选 ([S-166], [S-ML])."""
    return (
        GroupPlay(
            "组选3",
            straight,
            aliases=("组三", "组3", "组选三", "组三包号", "组选3包号"),
            group=3,
            summary="one 组三 combination, or 包号 of 2–10 digits",
        ),
        GroupPlay(
            "组选6",
            straight,
            aliases=("组六", "组6", "组选六", "组六包号", "组选6包号"),
            group=6,
            summary="one 组六 combination, or 包号 of 4–10 digits",
        ),
        SumPlay(
            "直选和值",
            straight,
            aliases=("单选和值",),
            target="straight",
            low=0,
            high=27,
            summary="every number with digit sum S",
        ),
        SumPlay(
            "组选和值",
            straight,
            target="group",
            low=1,
            high=26,
            summary="every 组三 and 组六 combination with sum S",
        ),
        SumPlay(
            "组选3和值",
            straight,
            aliases=("组三和值",),
            target="group3",
            low=1,
            high=26,
            summary="every 组三 combination with sum S",
        ),
        SumPlay(
            "组选6和值",
            straight,
            aliases=("组六和值",),
            target="group6",
            low=3,
            high=24,
            summary="every 组六 combination with sum S",
        ),
        SpanPlay(
            "直选跨度",
            straight,
            aliases=("单选跨度",),
            target="straight",
            low=0,
            high=9,
            summary="every number with span K",
        ),
        SpanPlay(
            "组选3跨度",
            straight,
            aliases=("组三跨度",),
            target="group3",
            low=1,
            high=9,
            summary="every 组三 combination with span K",
        ),
        SpanPlay(
            "组选6跨度",
            straight,
            aliases=("组六跨度",),
            target="group6",
            low=2,
            high=9,
            summary="every 组六 combination with span K",
        ),
        Combination(
            "直选组合",
            straight,
            aliases=("单选组合",),
            summary="every arrangement of 3 distinct digits from 3–10",
        ),
        GroupDanTuo(
            "组选6胆拖",
            straight,
            aliases=("组六胆拖",),
            group=6,
            summary="1–2 胆 in every 组六 combination, the rest from the 拖",
        ),
        GroupDanTuo(
            "组选3胆拖",
            straight,
            aliases=("组三胆拖",),
            group=3,
            summary="1 胆 with each 拖 digit t: {d, d, t} and {d, t, t}, 2 bets per 拖",
        ),
    )


def common_refusals() -> tuple[Refusal, ...]:
    """Plays 排列3 and 3D shops sell that the library refuses, with why."""
    return (
        Refusal(
            "直选组合胆拖",
            aliases=("单选组合胆拖",),
            reason=(
                "one source lists it ([S-ML], at most 2 胆) without its rule text: which"
                " arrangements it covers and how many bets it is are not settled, so it"
                " cannot be scored without inventing a rule"
            ),
        ),
    )
