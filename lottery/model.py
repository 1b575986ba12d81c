"""The values: a :class:`Draw` and a :class:`Ticket`, each with its canonical text.

Both are frozen attrs classes, validated once when made: a draw's numbers
against its issue's rule edition, a ticket's selection by its play.  ``str()``
of either is the canonical notation (``docs/notation.md``), which the
notation's readers parse back to an equal value.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Generic, TypeVar, overload

import attrs

from lottery._drawrules import check_draw_numbers, check_prizes
from lottery._money import money, to_json
from lottery.exceptions import (
    InvalidCount,
    UnsupportedPlay,
    ValidationError,
)
from lottery.rules import Edition, Game, Picks, Play, Selection, Zone

__all__ = [
    "ADDON_WORD",
    "POOL_BEFORE_KEY",
    "SPECIAL_PERIOD_KEY",
    "Draw",
    "Ticket",
    "format_draw",
    "format_numbers",
    "format_prizes",
]

_T = TypeVar("_T")

#: Key of the 特别规定期间 flag (a period in which a tier is paid) in a draw's canonical text.
SPECIAL_PERIOD_KEY: Final = "特别规定期间"
#: Key of the pool before the draw in a draw's canonical text.
POOL_BEFORE_KEY: Final = "开奖前奖池"
#: The word that marks a ticket as 追加投注 (an add-on bet).
ADDON_WORD: Final = "追加"


def _tuple_of_ints(value: object, what: str) -> tuple[int, ...]:
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        msg = f"{what} must be a sequence of ints, not {type(value).__name__}"
        raise TypeError(msg)
    out = tuple(value)
    for item in out:
        if type(item) is not int:
            msg = f"{what} must hold ints, not {type(item).__name__} ({item!r})"
            raise TypeError(msg)
    return out


def _numbers(value: object) -> tuple[int, ...]:
    return _tuple_of_ints(value, "numbers")


def _groups(value: object) -> Selection:
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        msg = f"a selection must be a sequence of groups, not {type(value).__name__}"
        raise TypeError(msg)
    return tuple(_tuple_of_ints(group, "a selection group") for group in value)


def _prizes(value: object) -> tuple[tuple[str, Decimal], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    if isinstance(items, str | bytes) or not hasattr(items, "__iter__"):
        msg = f"prizes must be a mapping of tier to yuan, not {type(value).__name__}"
        raise TypeError(msg)
    out: list[tuple[str, Decimal]] = []
    for pair in items:
        tier, amount = pair
        if (
            not isinstance(tier, str)
            or not isinstance(amount, int | Decimal)
            or isinstance(amount, bool)
        ):
            msg = f"prizes must map a tier name (str) to yuan (int or Decimal), not {pair!r}"
            raise TypeError(msg)
        out.append((tier, money(amount)))
    return tuple(out)


class _Cache(dict[str, Any]):
    """Derived data of a value, pickled empty: everything in it is made again when asked for.

    The lanes keep compiled functions here (a draw's match patterns, its
    tables), and a draw's edition or a ticket's play must stay its game's own
    object (they compare by identity), so a pickled draw or ticket takes none
    of it.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Cache, ())


class _kept(Generic[_T]):  # noqa: N801 - used as a decorator, like property
    """A property computed once and kept in the instance's dict, where reading it is cheap.

    For values that pickle as they are (not a game's own objects, which stay in
    ``_cache``).  Like ``functools.cached_property`` without its lock (Python 3.11).
    """

    def __init__(self, make: Callable[[Any], _T]) -> None:
        self.make = make
        self.name = make.__name__
        self.__doc__ = make.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _kept[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _T | _kept[_T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.make(instance)
        return value


@attrs.frozen
class _Memo:
    """A value whose derived data is computed once and kept in ``_cache``, outside its identity."""

    _cache: dict[str, Any] = attrs.field(
        init=False, factory=_Cache, eq=False, repr=False, hash=False
    )

    def memo(self, key: str, make: Callable[[], _T]) -> _T:
        """The value of ``make()``, computed the first time ``key`` is asked for."""
        try:
            value: _T = self._cache[key]
        except KeyError:
            value = self._cache[key] = make()
        return value


@attrs.frozen(slots=False)  # its fields in a dict: made at once (a reader makes thousands)
class Draw(_Memo):
    """One draw's result: game, issue, numbers, and what its announcement said.

    ``numbers`` are in the official printed order: digit games by position,
    ball games ascending within each zone, zone after zone (a draw given in
    another order is sorted within its zones).  ``prizes`` are announced
    amounts per bet, by tier name; ``special_period`` is 双色球's 特别规定期间
    (福运奖) as announced, ``None`` when the announcement did not say.
    """

    game: Game = attrs.field(validator=attrs.validators.instance_of(Game))
    issue: str
    numbers: tuple[int, ...] = attrs.field(converter=_numbers)
    date: datetime.date | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(datetime.date)),
    )
    prizes: tuple[tuple[str, Decimal], ...] = attrs.field(default=(), converter=_prizes)
    special_period: bool | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(bool)),
    )
    #: The prize pool before the draw (the pool after the draw before), in yuan, where
    #: some fixed prizes depend on it (大乐透 2026); ``None`` when not known.
    pool_before: int | None = attrs.field(default=None, kw_only=True)
    #: 派奖 per tier as announced (``N(含派奖M)``): paid only to eligible bets, on top of the
    #: prize, so never counted in a result; results note it.
    promotions: tuple[tuple[str, Decimal], ...] = attrs.field(
        default=(), converter=_prizes, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        game = self.game
        if self.pool_before is not None and (
            type(self.pool_before) is not int or self.pool_before < 0
        ):
            msg = f"pool_before must be a whole number of yuan ≥ 0, not {self.pool_before!r}"
            raise TypeError(msg)
        object.__setattr__(self, "issue", game.parse_issue(self.issue))
        self._settle(game.edition(self.issue))

    @classmethod
    def _read(
        cls,
        game: Game,
        issue: str,
        edition: Edition,
        numbers: tuple[int, ...],
        date: datetime.date | None,
        prizes: tuple[tuple[str, Decimal], ...],
        special_period: bool | None,  # noqa: FBT001 - by position: a reader's thousands of calls
        pool_before: int | None,
        promotions: tuple[tuple[str, Decimal], ...],
        settled: bool = False,  # noqa: FBT001, FBT002
        proven: bool = False,  # noqa: FBT001, FBT002
    ) -> Draw:
        """A draw from a reader that has read its issue (official), edition and typed values.

        Only the draw's own rules are checked here (numbers, prizes, period): once.
        ``settled``: the reader has proven the prizes already (tiers of the edition, each
        once, in its order, none negative, no 派奖, no period tier), for a whole history;
        ``proven``: it has proven the numbers a valid draw in its order, for a whole chunk.
        """
        draw = object.__new__(cls)
        object.__setattr__(draw, "_cache", _Cache(edition=edition))
        draw.__dict__.update(
            game=game,
            issue=issue,
            numbers=numbers if proven else check_draw_numbers(game, edition, numbers),
            date=date,
            prizes=prizes,
            special_period=special_period,
            pool_before=pool_before,
            promotions=promotions,
        )
        if not settled and (prizes or promotions or special_period is not None):
            draw._settle_prizes(edition)  # the usual draw has none
        return draw

    def _settle(self, edition: Edition) -> None:
        """Check the draw against its edition's rules; sort what has an order."""
        game = self.game
        self._cache["edition"] = edition
        object.__setattr__(self, "numbers", check_draw_numbers(game, edition, self.numbers))
        self._settle_prizes(edition)

    def _settle_prizes(self, edition: Edition) -> None:
        """Check the announced prizes, 派奖 and period against the edition; order the prizes."""
        game = self.game
        if self.special_period is not None and not edition.has_period:
            msg = (
                f"{game.label}: issue {self.issue} follows the {edition.name!r} rules,"
                " which have no 特别规定期间"
            )
            raise ValidationError(msg, game=game.code, token=str(self.special_period))
        ordered, seen = check_prizes(game, edition, self.issue, self.prizes, self.promotions)
        period = edition.period_tier
        if self.special_period is None and period is not None and period in seen:
            # an announced amount of the period's tier (福运奖) says the period was on
            object.__setattr__(self, "special_period", True)
        object.__setattr__(self, "prizes", ordered)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled: the fields (the cache, a slot of ``_Memo``, is made again when asked for)."""
        return dict(self.__dict__)

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "_cache", _Cache())
        self.__dict__.update(state)

    def __str__(self) -> str:
        return format_draw(self)

    def __repr__(self) -> str:
        return f"<Draw {self.game.code} {format_draw(self)!r}>"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the same shape in every command's ``--json``."""
        return {
            "game": self.game.code,
            "issue": self.issue,
            "numbers": list(self.numbers),
            "date": self.date.isoformat() if self.date else None,
            "prizes": {tier: to_json(amount) for tier, amount in self.prizes},
            "special_period": self.special_period,
            "edition": self.edition.name,
            "pool_before": self.pool_before,
            "promotions": {tier: to_json(amount) for tier, amount in self.promotions},
        }

    @property
    def edition(self) -> Edition:
        """The rule edition in force for this draw's issue."""
        edition: Edition | None = self._cache.get("edition")
        if edition is None:  # an unpickled draw: its game's own edition, not a copy
            edition = self._cache["edition"] = self.game.edition(self.issue)
        return edition

    @_kept
    def issue_key(self) -> tuple[int, int]:
        """``(year, number)`` of the issue, for sorting draws."""
        return self.game.issue_key(self.issue)

    @property
    def zones(self) -> Selection:
        """The numbers split into zones."""
        out: list[tuple[int, ...]] = []
        start = 0
        for zone in self.edition.zones:
            out.append(self.numbers[start : start + zone.size])
            start += zone.size
        return tuple(out)

    @property
    def drawn(self) -> tuple[frozenset[int] | tuple[int, ...], ...]:
        """Per zone: the drawn numbers as a set (ball zones) or in order (positional)."""
        return self.memo(
            "drawn",
            lambda: tuple(
                numbers if zone.positional else frozenset(numbers)
                for zone, numbers in zip(self.edition.zones, self.zones, strict=True)
            ),
        )

    def winning_tiers(self, hits: tuple[int, ...]) -> tuple[str, ...]:
        """Tiers a bet with match pattern ``hits`` wins in this draw.

        The highest tier whose condition holds, plus every stacking tier
        (兼中兼得) whose condition holds.
        """
        cache: dict[tuple[int, ...], tuple[str, ...]] = self._cache.setdefault("tiers", {})
        found = cache.get(hits)
        if found is None:
            names: list[str] = []
            base = False
            for tier in self.edition.tiers_for(hits):
                if tier.when is not None and not tier.when(self):
                    continue
                if tier.stacks:
                    names.append(tier.name)
                elif not base:
                    names.append(tier.name)
                    base = True
            found = cache[hits] = tuple(names)
        return found

    def prize(self, tier: str) -> Decimal | None:
        """The announced prize per bet of ``tier``, if the draw carries it."""
        for name, amount in self.prizes:
            if name == tier:
                return amount
        return None

    def paid(self, tier: str, value: int | None = None) -> Decimal | None:
        """The prize per bet of ``tier``: announced, else the edition's fixed one.

        ``value`` is what the bet chose, for tiers whose prize depends on it
        (3D 和数); ``None`` means pending: a floating prize not announced.
        """
        announced = self.prize(tier)
        if announced is not None:
            return announced
        rule = self.edition.tier(tier)
        if rule.by_pool:
            if self.pool_before is not None:
                return rule.prize_at(self.pool_before)
            table = self.memo("pool_table", self._announced_table)
            return None if table is None else rule.by_pool[table][1]
        return rule.prize_for(value)

    def _announced_table(self) -> int | None:
        """Which pool table the announced fixed prizes follow, when only one fits them."""
        fits = self.edition.pool_tables_fitting(dict(self.prizes))
        return fits[0] if len(fits) == 1 else None


def _multiple(value: object) -> int:
    if type(value) is not int:
        msg = f"multiple must be an int, not {type(value).__name__}"
        raise TypeError(msg)
    return value


@attrs.frozen
class Ticket(_Memo):
    """A ticket: a play, its numbers and a multiple (倍数).

    ``selection`` holds the numbers grouped as the play defines them (one
    group per ball zone, per position, or the play's argument); ``dan`` holds
    the 胆 of a 胆拖 ticket in the same grouping.  ``edition`` names the rule
    edition whose layout the ticket follows, only for games whose layout
    changed (七星彩); otherwise it is ``None``.
    """

    game: Game = attrs.field(validator=attrs.validators.instance_of(Game))
    play: str = attrs.field(validator=attrs.validators.instance_of(str))
    selection: Selection = attrs.field(converter=_groups)
    multiple: int = attrs.field(default=1, converter=_multiple)
    dan: Selection = attrs.field(default=(), converter=_groups)
    edition: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(str)),
    )
    #: 追加投注: an add-on bet (大乐透) that wins the add-on tiers too, at a higher price.
    addon: bool = attrs.field(
        default=False, kw_only=True, validator=attrs.validators.instance_of(bool)
    )

    def __attrs_post_init__(self) -> None:
        game = self.game
        if self.addon and not game.has_addon:
            msg = f"{game.label} has no 追加投注 (add-on bet)"
            raise UnsupportedPlay(msg, game=game.code, token="追加")
        play = game.play(self.play)
        object.__setattr__(self, "play", play.name)
        edition = game.edition_named(self.edition) if self.edition is not None else None
        picks = play.canonical(game, Picks(self.selection, self.dan, edition))
        object.__setattr__(self, "selection", picks.selection)
        object.__setattr__(self, "dan", picks.dan)
        self._cache["play"] = play
        self._check_limits(edition)

    @classmethod
    def _read(
        cls,
        game: Game,
        play: Play,
        picks: Picks,
        multiple: int,
        *,
        addon: bool,
        bets: int | None = None,
    ) -> Ticket:
        """A ticket from picks its play read and validated (canonical): nothing checked twice.

        The readers call this (``bets`` when they know it); code that builds a
        selection itself calls ``Ticket(...)``.
        """
        if addon and not game.has_addon:
            msg = f"{game.label} has no 追加投注 (add-on bet)"
            raise UnsupportedPlay(msg, game=game.code, token="追加")
        ticket = object.__new__(cls)
        edition = picks.edition
        setattr_ = object.__setattr__
        setattr_(ticket, "game", game)
        setattr_(ticket, "play", play.name)
        setattr_(ticket, "selection", picks.selection)
        setattr_(ticket, "multiple", multiple)
        setattr_(ticket, "dan", picks.dan)
        setattr_(ticket, "edition", None if edition is None else edition.name)
        setattr_(ticket, "addon", addon)
        if bets is None:
            setattr_(ticket, "_cache", _Cache(play=play))
            ticket._check_limits(edition)
        else:  # one bet, its multiple read within the game's limit
            setattr_(ticket, "_cache", _Cache(play=play, bets=bets))
        return ticket

    def _check_limits(self, edition: Edition | None) -> None:
        game = self.game
        if not 1 <= self.multiple <= game.max_multiple:
            msg = f"{game.label}: multiple {self.multiple} is not within 1–{game.max_multiple}"
            raise InvalidCount(msg, game=game.code, token=str(self.multiple))
        limit = game.max_bets if edition is None else edition.max_bets
        if limit is not None and self.bets > limit:
            msg = f"{game.label}: {self.bets} bets exceed the limit of {limit} per ticket"
            raise InvalidCount(msg, game=game.code)

    def _editions(self) -> Iterator[Edition]:
        if self.edition is None:
            yield from self.game.editions
        else:
            yield self.game.edition_named(self.edition)

    def __str__(self) -> str:
        text = self.play_object.format(self)
        if self.multiple != 1:
            text += f" x{self.multiple}"
        return f"{text} {ADDON_WORD}" if self.addon else text

    def __repr__(self) -> str:
        return f"<Ticket {self.game.code} {str(self)!r}>"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the same shape in every command's ``--json``."""
        return {
            "game": self.game.code,
            "ticket": str(self),
            "play": self.play,
            "form": self.form,
            "bets": self.bets,
            "multiple": self.multiple,
            "addon": self.addon,
            "cost": self.cost,
        }

    @property
    def play_object(self) -> Play:
        """The :class:`Play` this ticket belongs to."""
        play: Play | None = self._cache.get("play")
        if play is None:  # an unpickled ticket: its game's own play, not a copy
            play = self._cache["play"] = self.game.play(self.play)
        return play

    @property
    def bets(self) -> int:
        """Single bets the ticket covers (without the multiple)."""
        bets: int | None = self._cache.get("bets")
        if bets is None:
            play = self.play_object
            bets = 1 if play.single_bet else play.bets(self)
            self._cache["bets"] = bets
        return bets

    @property
    def layout(self) -> tuple[Zone, ...]:
        """The zones the ticket's numbers follow: its edition's, else the game's newest."""
        if self.edition is None:
            return self.game.editions[-1].ticket_zones
        return self.game.edition_named(self.edition).ticket_zones

    @property
    def form(self) -> str:
        """单式, 复式 or 胆拖."""
        return self.play_object.form(self)

    @property
    def cost(self) -> int:
        """What the ticket costs in yuan: bets × price × multiple."""
        price = max(e.price + (e.addon_price if self.addon else 0) for e in self._editions())
        return self.bets * price * self.multiple


def format_numbers(edition: Edition, numbers: Sequence[int]) -> str:
    """A draw's numbers as printed: ``02 05 07 08 20 27 + 04``, ``16170``, ``560021 + 7``."""
    out: list[str] = []
    i = 0
    for zone in edition.zones:
        part = numbers[i : i + zone.size]
        i += zone.size
        if zone.digits:
            out.append("".join(map(str, part)))
        else:
            out.append(" ".join(map(zone.fmt, part)))
    return " + ".join(out)


def format_prizes(draw: Draw) -> tuple[str, ...]:
    """``一等奖=5000000``, ``三等奖=15000(含派奖5000)``: each announced prize as text writes it."""
    promotions = dict(draw.promotions)
    return tuple(
        f"{tier}={amount}" if tier not in promotions
        else f"{tier}={amount + promotions[tier]}(含派奖{promotions[tier]})"
        for tier, amount in draw.prizes
    )  # fmt: skip


def format_draw(draw: Draw) -> str:
    """``双色球 第2019021期 2019-02-24 02 05 07 08 20 27 + 04`` (+ prizes, flags)."""
    parts = [draw.game.name, f"第{draw.issue}期"]
    if draw.date is not None:
        parts.append(draw.date.isoformat())
    parts.append(format_numbers(draw.edition, draw.numbers))
    text = " ".join(parts)
    for item in format_prizes(draw):
        text += f"; {item}"
    if draw.special_period is not None:
        text += f"; {SPECIAL_PERIOD_KEY}={'是' if draw.special_period else '否'}"
    if draw.pool_before is not None:
        text += f"; {POOL_BEFORE_KEY}={draw.pool_before}"
    return text
