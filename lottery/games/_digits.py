"""Plays of the three-digit games (排列3 and 福彩3D), counted in closed form.

Both games sell the same family of plays on top of 直选 (3D: 单选): 组选3,
组选6, 和值, 跨度, 直选组合, 组选6胆拖; 3D adds its own single-bet plays (1D,
2D, 通选, 和数, 包选, 猜1D, 猜2D, 猜三同, 拖拉机, 猜奇偶, 猜大小).  Each play
here reads its notation, counts its bets by formula and decides its winning
bets from the draw's digits alone: nothing enumerates the numbers a ticket
covers.  The game modules choose which plays they sell and at what prizes.

The draw's *kind* decides what a 组选 bet can win: a triple (``111``) pays
no 组选 prize, a 组三 form (two digits equal, ``116``) pays only 组选3 and a
组六 form (three distinct digits) only 组选6 (rules.md §2, §5.3).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from math import comb
from typing import Final, Literal

import attrs

from lottery import _text
from lottery.exceptions import (
    DuplicateNumber,
    InvalidCount,
    InvalidFormat,
    InvalidNumber,
    UnsupportedPlay,
)
from lottery.model import Draw, Edition, Game, Play, Selection, Ticket, Zone

__all__ = [
    "THREE_DIGITS",
    "BaoXuan",
    "Combination",
    "GroupDanTuo",
    "GroupPlay",
    "GuessOne",
    "GuessTwo",
    "HeShu",
    "Pattern",
    "PositionPlay",
    "Predicate",
    "SpanPlay",
    "SumPlay",
    "TongXuan",
    "Unsupported",
    "common_plays",
    "group3_span_bets",
    "group3_sum_bets",
    "group6_span_bets",
    "group6_sum_bets",
    "is_tractor",
    "is_triple",
    "kind",
    "straight_span_bets",
    "straight_sum_bets",
]

Counts = dict[str, int]
Kind = Literal["triple", "group3", "group6"]
Target = Literal["straight", "group", "group3", "group6"]

_DIGIT: Final = Zone("号码", 0, 9, 1, positional=True, width=1)
#: The number of 排列3 and 3D: three positional digits.
THREE_DIGITS: Final = Zone(
    "号码", 0, 9, 3, positional=True, width=1, positions=("百位", "十位", "个位")
)


def kind(digits: Sequence[int]) -> Kind:
    """``triple`` (豹子), ``group3`` (组三: two equal) or ``group6`` (组六)."""
    distinct = len(set(digits))
    if distinct == 1:
        return "triple"
    return "group3" if distinct == 2 else "group6"


def _c2(n: int) -> int:
    return n * (n - 1) // 2 if n >= 2 else 0


def straight_sum_bets(total: int) -> int:
    """3-digit numbers (000–999) whose digits sum to ``total``.

    Inclusion–exclusion over digits above 9: Σₖ (−1)ᵏ C(3,k) C(total − 10k + 2, 2).
    """
    if not 0 <= total <= 27:
        return 0
    return sum((-1) ** k * comb(3, k) * _c2(total - 10 * k + 2) for k in range(4))


def group3_sum_bets(total: int) -> int:
    """组三 combinations {a, a, b} (a ≠ b) with a + a + b = ``total``."""
    if not 0 <= total <= 27:
        return 0
    low = max(0, -(-(total - 9) // 2))
    high = min(9, total // 2)
    return max(0, high - low + 1) - (1 if total % 3 == 0 else 0)


def group6_sum_bets(total: int) -> int:
    """组六 combinations {a, b, c} (distinct) with a + b + c = ``total``.

    Every 组六 set has 6 orderings, every 组三 set 3 and a triple 1, so the
    sets are (ordered − 3 · 组三 − triples) / 6.
    """
    if not 0 <= total <= 27:
        return 0
    triples = 1 if total % 3 == 0 else 0
    return (straight_sum_bets(total) - 3 * group3_sum_bets(total) - triples) // 6


def straight_span_bets(span: int) -> int:
    """3-digit numbers whose largest − smallest digit is ``span``: 10, or 6·K·(10 − K)."""
    if not 0 <= span <= 9:
        return 0
    return 10 if span == 0 else 6 * span * (10 - span)


def group3_span_bets(span: int) -> int:
    """组三 combinations with span K: the ordered pairs (a, b), |a − b| = K: 2·(10 − K)."""
    return 2 * (10 - span) if 1 <= span <= 9 else 0


def group6_span_bets(span: int) -> int:
    """组六 combinations with span K: (10 − K) ends × (K − 1) middles."""
    return (10 - span) * (span - 1) if 2 <= span <= 9 else 0


def _read_digits(game: Game, text: str, offset: int) -> list[tuple[int, int]]:
    """Digits written together or apart: ``2368``, ``2 3 6 8``, ``2,3,6,8``."""
    out: list[tuple[int, int]] = []
    for token, at in _text.split_tokens(text, offset):
        for i, ch in enumerate(token):
            if not _text.is_digits(ch):
                _bad(game, "digit", ch, at + i)
            out.append((int(ch), at + i))
    return out


def _bad(game: Game, what: str, token: str, pos: int) -> None:
    from lottery.plays import read_number  # noqa: PLC0415 - shared message

    read_number(game, _DIGIT, token, pos)
    msg = f"{game.label}: {what} {token!r} at column {pos + 1} is not valid"  # pragma: no cover
    raise InvalidFormat(msg, game=game.code, token=token, position=pos + 1)  # pragma: no cover


def _read_value(game: Game, play: str, text: str, offset: int, low: int, high: int) -> int:
    tokens = _text.split_tokens(text, offset)
    if len(tokens) != 1:
        at = tokens[1][1] + 1 if len(tokens) > 1 else offset + 1
        msg = f"{game.label}: {play} takes one number {low}–{high} (column {at})"
        raise InvalidCount(msg, game=game.code, token=text.strip(), position=at)
    token, at = tokens[0]
    if not _text.is_digits(token) or len(token) > 2:
        _bad(game, f"{play} value", token, at)
        shown = _text.shown(token)
        msg = f"{game.label}: {play} value {shown} at column {at + 1} is not {low}–{high}"
        raise InvalidNumber(msg, game=game.code, token=token, position=at + 1)
    value = int(token)
    if not low <= value <= high:
        msg = f"{game.label}: {play} value {token!r} at column {at + 1} is not within {low}–{high}"
        raise InvalidNumber(msg, game=game.code, token=token, position=at + 1)
    return value


def _distinct(game: Game, play: str, digits: Sequence[tuple[int, int]]) -> None:
    seen: set[int] = set()
    for d, pos in digits:
        if d in seen:
            msg = f"{game.label}: {play} digit '{d}' at column {pos + 1} repeats"
            raise DuplicateNumber(msg, game=game.code, token=str(d), position=pos + 1)
        seen.add(d)


def _one_group(game: Game, play: str, selection: Selection) -> tuple[int, ...]:
    if len(selection) != 1:
        msg = f"{game.label}: a {play} selection is one group of digits, not {len(selection)}"
        raise InvalidCount(msg, game=game.code)
    group = selection[0]
    for d in group:
        if not 0 <= d <= 9:
            msg = f"{game.label}: {play} digit {d} is out of range 0–9"
            raise InvalidNumber(msg, game=game.code, token=str(d))
    return group


def _no_dan(game: Game, play: str, dan: Selection) -> None:
    if any(dan):
        msg = f"{game.label}: {play} has no 胆"
        raise InvalidFormat(msg, game=game.code)


def _count_range(game: Game, play: str, n: int, low: int, high: int, what: str = "digits") -> None:
    if not low <= n <= high:
        msg = f"{game.label}: {play} takes {low}–{high} {what}, not {n}"
        raise InvalidCount(msg, game=game.code, token=str(n))


@attrs.frozen(eq=False)
class _DigitPlay(Play):
    """Shared parts: one group of digits, no 胆, the game's tier names."""

    name: str
    straight: str = "直选"
    aliases: tuple[str, ...] = ()
    summary: str = ""

    def tier_names(self, edition: Edition) -> tuple[str, ...]:  # noqa: ARG002
        """Names of the tiers this play can win: by default, its own name."""
        return (self.name,)

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection, str | None]:
        """Digits written together or apart."""
        digits = _read_digits(game, text, offset)
        return (tuple(d for d, _ in digits),), (), None

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection]:
        """One sorted group of digits; subclasses add their limits."""
        _no_dan(game, self.name, dan)
        return (tuple(sorted(_one_group(game, self.name, selection))),), ()

    def format(self, ticket: Ticket) -> str:
        """``组选6 2368``."""
        return f"{self.name} {''.join(map(str, ticket.selection[0]))}"


@attrs.frozen(eq=False)
class GroupPlay(_DigitPlay):
    """组选3 / 组选6: one combination, or 包号 (every combination of the digits).

    组选3 ``116`` is one bet; ``168`` is 包号, every 组三 form of the digits,
    n(n−1) bets for n digits (2–10).  组选6 ``236`` is one bet; ``2368`` is
    包号, C(n, 3) bets (3–10 digits).
    """

    group: Literal[3, 6] = 3

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,
    ) -> tuple[Selection, Selection, str | None]:
        """Digits; a repeat is allowed only as 组选3's one pair (``116``)."""
        digits = _read_digits(game, text, offset)
        if not (self.group == 3 and len(digits) == 3 and len({d for d, _ in digits}) == 2):
            _distinct(game, self.name, digits)
        return super().parse(game, text, offset, edition)

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,
    ) -> tuple[Selection, Selection]:
        """组选3: a pair form of 3 digits, or 2–10 distinct; 组选6: 3–10 distinct."""
        (group,), _ = super().canonical(game, selection, dan, edition)
        distinct = len(set(group))
        if self.group == 3 and distinct != len(group):
            if len(group) != 3 or distinct != 2:
                msg = (
                    f"{game.label}: 组选3 {''.join(map(str, group))} is neither one 组三"
                    " combination (two equal digits, e.g. 116) nor distinct digits (包号)"
                )
                raise InvalidFormat(msg, game=game.code, token="".join(map(str, group)))
        elif distinct != len(group):
            msg = f"{game.label}: {self.name} digits repeat in {''.join(map(str, group))}"
            raise DuplicateNumber(msg, game=game.code, token="".join(map(str, group)))
        else:
            low = 2 if self.group == 3 else 3
            _count_range(game, self.name, len(group), low, 10)
        return (group,), ()

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
class _ValuePlay(_DigitPlay):
    """A play whose argument is one number: a sum or a span."""

    target: Target = "straight"
    low: int = 0
    high: int = 27

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection, str | None]:
        """One number."""
        return ((_read_value(game, self.name, text, offset, self.low, self.high),),), (), None

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection]:
        """One value within the play's range."""
        _no_dan(game, self.name, dan)
        if len(selection) != 1 or len(selection[0]) != 1:
            msg = f"{game.label}: {self.name} takes one number {self.low}–{self.high}"
            raise InvalidCount(msg, game=game.code)
        value = selection[0][0]
        if not self.low <= value <= self.high:
            msg = f"{game.label}: {self.name} value {value} is not within {self.low}–{self.high}"
            raise InvalidNumber(msg, game=game.code, token=str(value))
        return selection, ()

    def format(self, ticket: Ticket) -> str:
        """``直选和值 10``."""
        return f"{self.name} {ticket.selection[0][0]}"

    def form(self, ticket: Ticket) -> str:
        """单式 when the value covers one bet, else 复式."""
        return "单式" if ticket.bets == 1 else "复式"

    def measure(self, digits: Sequence[int]) -> int:
        """The draw's sum or span."""
        raise NotImplementedError

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """One bet wins when the draw's value and kind match."""
        if self.measure(draw.numbers) != ticket.selection[0][0]:
            return {}
        tier = _targets(self.target, self.straight).get(kind(draw.numbers))
        return {tier: 1} if tier else {}

    def tier_names(self, edition: Edition) -> tuple[str, ...]:  # noqa: ARG002
        """The tiers the play stands for."""
        return tuple(dict.fromkeys(_targets(self.target, self.straight).values()))


@attrs.frozen(eq=False)
class SumPlay(_ValuePlay):
    """和值: every number (直选) or combination (组选) whose digits sum to S."""

    def bets(self, ticket: Ticket) -> int:
        """From the closed-form tables: 直选 1, 3, 6, 10 …; 组选3 90 and 组选6 120 in all."""
        return _SUM_BETS[self.target](ticket.selection[0][0])

    def measure(self, digits: Sequence[int]) -> int:
        """The digit sum."""
        return sum(digits)


@attrs.frozen(eq=False)
class SpanPlay(_ValuePlay):
    """跨度: every number or combination whose largest − smallest digit is K."""

    def bets(self, ticket: Ticket) -> int:
        """10 or 6K(10−K) for 直选; 2(10−K) for 组选3; (10−K)(K−1) for 组选6."""
        return _SPAN_BETS[self.target](ticket.selection[0][0])

    def measure(self, digits: Sequence[int]) -> int:
        """The span."""
        return max(digits) - min(digits)


@attrs.frozen(eq=False)
class Combination(_DigitPlay):
    """直选组合: every arrangement of 3 distinct digits taken from 3–10 digits."""

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,
    ) -> tuple[Selection, Selection, str | None]:
        """Distinct digits."""
        _distinct(game, self.name, _read_digits(game, text, offset))
        return super().parse(game, text, offset, edition)

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,
    ) -> tuple[Selection, Selection]:
        """3–10 distinct digits."""
        (group,), _ = super().canonical(game, selection, dan, edition)
        if len(set(group)) != len(group):
            msg = f"{game.label}: {self.name} digits repeat"
            raise DuplicateNumber(msg, game=game.code)
        _count_range(game, self.name, len(group), 3, 10)
        return (group,), ()

    def bets(self, ticket: Ticket) -> int:
        """n(n−1)(n−2)."""
        n = len(ticket.selection[0])
        return n * (n - 1) * (n - 2)

    def form(self, ticket: Ticket) -> str:  # noqa: ARG002
        """Always a 复式 (at least 6 bets)."""
        return "复式"

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """The draw's arrangement is covered iff its digits are distinct and chosen."""
        digits = draw.numbers
        if kind(digits) == "group6" and set(digits) <= set(ticket.selection[0]):
            return {self.straight: 1}
        return {}

    def tier_names(self, edition: Edition) -> tuple[str, ...]:  # noqa: ARG002
        """直选 (3D: 单选)."""
        return (self.straight,)


@attrs.frozen(eq=False)
class GroupDanTuo(_DigitPlay):
    """组选6胆拖: 1–2 胆 in every combination, the rest from the 拖; 胆 + 拖 ≥ 4."""

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection, str | None]:
        """``1 # 2345``."""
        at = text.find("#")
        if at < 0 or text.find("#", at + 1) >= 0:
            msg = (
                f"{game.label}: write {self.name} as 胆 # 拖, e.g. '1 # 2345' (column {offset + 1})"
            )
            raise InvalidFormat(msg, game=game.code, token=text.strip(), position=offset + 1)
        dan = _read_digits(game, text[:at], offset)
        tuo = _read_digits(game, text[at + 1 :], offset + at + 1)
        _distinct(game, self.name, dan + tuo)
        return (tuple(d for d, _ in tuo),), (tuple(d for d, _ in dan),), None

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection]:
        """1–2 胆, disjoint from the 拖, 胆 + 拖 ≥ 4."""
        tuo = tuple(sorted(_one_group(game, self.name, selection)))
        dans = tuple(sorted(_one_group(game, self.name, dan or ((),))))
        _count_range(game, self.name, len(dans), 1, 2, "胆")
        if len({*dans, *tuo}) != len(dans) + len(tuo):
            msg = f"{game.label}: {self.name} digits repeat"
            raise DuplicateNumber(msg, game=game.code)
        _count_range(game, self.name, len(dans) + len(tuo), 4, 10, "digits (胆 + 拖)")
        return (tuo,), (dans,)

    def format(self, ticket: Ticket) -> str:
        """``组选6胆拖 1 # 2345``."""
        dan = "".join(map(str, ticket.dan[0]))
        return f"{self.name} {dan} # {''.join(map(str, ticket.selection[0]))}"

    def bets(self, ticket: Ticket) -> int:
        """C(拖, 3 − 胆)."""
        return comb(len(ticket.selection[0]), 3 - len(ticket.dan[0]))

    def form(self, ticket: Ticket) -> str:  # noqa: ARG002
        """胆拖."""
        return "胆拖"

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """A 组六 draw holding every 胆, its other digits among the 拖."""
        digits = set(draw.numbers)
        dan = set(ticket.dan[0])
        if (
            kind(draw.numbers) == "group6"
            and dan <= digits
            and digits - dan <= set(ticket.selection[0])
        ):
            return {"组选6": 1}
        return {}

    def tier_names(self, edition: Edition) -> tuple[str, ...]:  # noqa: ARG002
        """组选6."""
        return ("组选6",)


@attrs.frozen(eq=False)
class Unsupported(_DigitPlay):
    """A play a shop sells whose rules rules.md does not define; always refused."""

    reason: str = ""

    def _refuse(self, game: Game) -> UnsupportedPlay:
        msg = f"{game.label}: {self.name} is not supported: {self.reason}"
        return UnsupportedPlay(msg, game=game.code, token=self.name)

    def parse(
        self,
        game: Game,
        text: str,  # noqa: ARG002
        offset: int,  # noqa: ARG002
        edition: Edition | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection, str | None]:
        """Refuse."""
        raise self._refuse(game)

    def canonical(
        self,
        game: Game,
        selection: Selection,  # noqa: ARG002
        dan: Selection,  # noqa: ARG002
        edition: str | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection]:
        """Refuse."""
        raise self._refuse(game)

    def bets(self, ticket: Ticket) -> int:
        """Never reached: no ticket of this play can exist."""
        raise self._refuse(ticket.game)

    def count(self, ticket: Ticket, draw: Draw) -> Counts:  # noqa: ARG002
        """Never reached: no ticket of this play can exist."""
        raise self._refuse(ticket.game)


# --- 福彩3D's own single-bet plays (rules.md §5.4) ---------------------------


@attrs.frozen(eq=False)
class _SingleBet(_DigitPlay):
    """A play of exactly one bet."""

    def bets(self, ticket: Ticket) -> int:  # noqa: ARG002
        """One."""
        return 1

    def form(self, ticket: Ticket) -> str:  # noqa: ARG002
        """单式."""
        return "单式"


@attrs.frozen(eq=False)
class PositionPlay(_SingleBet):
    """1D / 2D: chosen digits in chosen positions, ``*`` for an open one: ``3**``, ``32*``."""

    fixed: int = 1

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection, str | None]:
        """Three characters, each a digit or ``*``."""
        start, end = _text.strip_span(text, 0, len(text))
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
                _bad(game, f"{self.name} position", ch, pos)
        return tuple(groups), (), None

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection]:
        """Three positions, exactly ``fixed`` of them holding one digit."""
        _no_dan(game, self.name, dan)
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
        return selection, ()

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

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection, str | None]:
        """Three digits, order kept."""
        digits = _read_digits(game, text, offset)
        if len(digits) != 3:
            msg = (
                f"{game.label}: {self.name} takes 3 digits, not {len(digits)}:"
                f" {_text.shown(text.strip())} (column {offset + 1})"
            )
            raise InvalidCount(msg, game=game.code, token=text.strip(), position=offset + 1)
        return (tuple(d for d, _ in digits),), (), None

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection]:
        """Three digits, order kept."""
        _no_dan(game, self.name, dan)
        group = _one_group(game, self.name, selection)
        if len(group) != 3:
            msg = f"{game.label}: {self.name} takes 3 digits, not {len(group)}"
            raise InvalidCount(msg, game=game.code)
        return (group,), ()


@attrs.frozen(eq=False)
class TongXuan(_Ordered):
    """通选: all 3 in position wins 通选1; exactly 2 in position wins 通选2."""

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """Positions matched decide the sub-tier."""
        matched = sum(1 for a, b in zip(ticket.selection[0], draw.numbers, strict=True) if a == b)
        if matched == 3:
            return {f"{self.name}1": 1}
        if matched == 2:
            return {f"{self.name}2": 1}
        return {}

    def tier_names(self, edition: Edition) -> tuple[str, ...]:  # noqa: ARG002
        """通选1, 通选2."""
        return (f"{self.name}1", f"{self.name}2")


@attrs.frozen(eq=False)
class BaoXuan(_Ordered):
    """包选3 / 包选6: a 组三 (or 组六) number; in order = 全中, any order = 组中."""

    group: Literal[3, 6] = 3

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,
    ) -> tuple[Selection, Selection]:
        """包选3 needs a 组三 form (``116``), 包选6 three distinct digits."""
        (group,), _ = super().canonical(game, selection, dan, edition)
        want: Kind = "group3" if self.group == 3 else "group6"
        if kind(group) != want:
            shape = (
                "two equal digits and one other (e.g. 116)"
                if self.group == 3
                else "three distinct digits"
            )
            msg = f"{game.label}: {self.name} {''.join(map(str, group))} must be {shape}"
            raise InvalidFormat(msg, game=game.code, token="".join(map(str, group)))
        return (group,), ()

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """全中 for the number in order, 组中 for the same digits in another order."""
        group = ticket.selection[0]
        if tuple(draw.numbers) == group:
            return {f"{self.name}全中": 1}
        if sorted(draw.numbers) == sorted(group):
            return {f"{self.name}组中": 1}
        return {}

    def tier_names(self, edition: Edition) -> tuple[str, ...]:  # noqa: ARG002
        """全中 and 组中."""
        return (f"{self.name}全中", f"{self.name}组中")


@attrs.frozen(eq=False)
class HeShu(_SingleBet):
    """和数: the digits sum to the chosen value; the prize depends on the value."""

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection, str | None]:
        """One number 0–27."""
        return ((_read_value(game, self.name, text, offset, 0, 27),),), (), None

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection]:
        """One value 0–27."""
        _no_dan(game, self.name, dan)
        if len(selection) != 1 or len(selection[0]) != 1 or not 0 <= selection[0][0] <= 27:
            msg = f"{game.label}: {self.name} takes one number 0–27"
            raise InvalidCount(msg, game=game.code)
        return selection, ()

    def format(self, ticket: Ticket) -> str:
        """``和数 11``."""
        return f"{self.name} {ticket.selection[0][0]}"

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """The sum matches."""
        return {self.name: 1} if sum(draw.numbers) == ticket.selection[0][0] else {}

    def prize(self, ticket: Ticket, draw: Draw, tier: str) -> int | None:
        """From the edition's table by the chosen value."""
        table = dict(draw.edition.tier(tier).table)
        return table.get(ticket.selection[0][0])


@attrs.frozen(eq=False)
class GuessOne(_SingleBet):
    """猜1D: a digit that appears 1, 2 or 3 times anywhere in the draw."""

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,
    ) -> tuple[Selection, Selection]:
        """One digit."""
        (group,), _ = super().canonical(game, selection, dan, edition)
        if len(group) != 1:
            msg = f"{game.label}: {self.name} takes one digit, not {len(group)}"
            raise InvalidCount(msg, game=game.code)
        return (group,), ()

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """中1, 中2 or 中3 by how often the digit appears."""
        times = draw.numbers.count(ticket.selection[0][0])
        return {f"{self.name}中{times}": 1} if times else {}

    def tier_names(self, edition: Edition) -> tuple[str, ...]:  # noqa: ARG002
        """猜1D中1 … 猜1D中3."""
        return tuple(f"{self.name}中{n}" for n in (1, 2, 3))


@attrs.frozen(eq=False)
class GuessTwo(_SingleBet):
    """猜2D: two equal digits (两同号: at least twice) or two different ones (两不同号)."""

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,
    ) -> tuple[Selection, Selection]:
        """Two digits."""
        (group,), _ = super().canonical(game, selection, dan, edition)
        if len(group) != 2:
            msg = f"{game.label}: {self.name} takes two digits, not {len(group)}"
            raise InvalidCount(msg, game=game.code)
        return (group,), ()

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """两同号: the digit at least twice; 两不同号: both digits present."""
        a, b = ticket.selection[0]
        if a == b:
            return {f"{self.name}两同号": 1} if draw.numbers.count(a) >= 2 else {}
        return {f"{self.name}两不同号": 1} if a in draw.numbers and b in draw.numbers else {}

    def tier_names(self, edition: Edition) -> tuple[str, ...]:  # noqa: ARG002
        """猜2D两同号, 猜2D两不同号."""
        return (f"{self.name}两同号", f"{self.name}两不同号")


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

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection, str | None]:
        """Nothing after the name."""
        if text.strip():
            start, _ = _text.strip_span(text, 0, len(text))
            msg = (
                f"{game.label}: {self.name} takes no numbers, not {_text.shown(text.strip())}"
                f" (column {offset + start + 1})"
            )
            raise InvalidFormat(
                msg, game=game.code, token=text.strip(), position=offset + start + 1
            )
        return (), (), None

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection]:
        """No numbers."""
        _no_dan(game, self.name, dan)
        if selection:
            msg = f"{game.label}: {self.name} takes no numbers"
            raise InvalidCount(msg, game=game.code)
        return (), ()

    def format(self, ticket: Ticket) -> str:  # noqa: ARG002
        """The name alone."""
        return self.name

    def count(self, ticket: Ticket, draw: Draw) -> Counts:  # noqa: ARG002
        """The draw is in the set."""
        return {self.name: 1} if self.test(draw.numbers) else {}


@attrs.frozen(eq=False)
class Predicate(_SingleBet):
    """猜奇偶 / 猜大小: one of two named sides of the draw (奇/偶, 大/小)."""

    sides: tuple[tuple[str, Callable[[Sequence[int]], bool]], ...] = ()

    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection, str | None]:
        """A side's name."""
        word = text.strip()
        names = [name for name, _ in self.sides]
        if word not in names:
            start, _ = _text.strip_span(text, 0, len(text))
            msg = (
                f"{game.label}: {self.name} takes {' or '.join(names)}, not {word!r}"
                f" (column {offset + start + 1})"
            )
            raise InvalidFormat(msg, game=game.code, token=word, position=offset + start + 1)
        return ((names.index(word),),), (), None

    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,  # noqa: ARG002
    ) -> tuple[Selection, Selection]:
        """The side's index."""
        _no_dan(game, self.name, dan)
        if (
            len(selection) != 1
            or len(selection[0]) != 1
            or not 0 <= selection[0][0] < len(self.sides)
        ):
            names = " or ".join(name for name, _ in self.sides)
            msg = f"{game.label}: {self.name} takes {names}"
            raise InvalidCount(msg, game=game.code)
        return selection, ()

    def format(self, ticket: Ticket) -> str:
        """``猜奇偶 奇``."""
        return f"{self.name} {self.sides[ticket.selection[0][0]][0]}"

    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """The chosen side holds."""
        return {self.name: 1} if self.sides[ticket.selection[0][0]][1](draw.numbers) else {}


def common_plays(straight: str) -> tuple[Play, ...]:
    """The plays 排列3 and 3D share, after their 直选/单选 (rules.md §2, §5.3)."""
    return (
        GroupPlay(
            "组选3", straight, group=3, summary="one 组三 combination, or 包号 of 2–10 digits"
        ),
        GroupPlay(
            "组选6", straight, group=6, summary="one 组六 combination, or 包号 of 4–10 digits"
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
            summary="1–2 胆 in every 组六 combination, the rest from the 拖",
        ),
        Unsupported(
            "组选3胆拖",
            straight,
            aliases=("组三胆拖",),
            summary="not supported (see the reason)",
            reason=(
                "rules.md lists it (1 胆 + ≥2 拖, single source [S‑ML]) but does not say"
                " which 组三 combinations it covers (胆胆拖, 胆拖拖 or both) or how many"
                " bets it is, so it cannot be scored without inventing a rule"
            ),
        ),
    )
