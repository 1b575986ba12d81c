"""The value objects: games as data, draws, tickets and check results.

Every class is a frozen attrs class.  A :class:`Game` holds its rule
:class:`Edition` s, each keyed by the first issue it governs; an edition holds
the number :class:`Zone` s and the prize :class:`Tier` s.  Generic code (the
parser, the counter, the validator) reads this data; a game module adds code
only where its rules really differ.
"""

from __future__ import annotations

import abc
import datetime
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

import attrs

from lottery import _text
from lottery.exceptions import (
    DuplicateNumber,
    InvalidCount,
    InvalidFormat,
    InvalidIssue,
    InvalidNumber,
    ValidationError,
)

if TYPE_CHECKING:
    from lottery.check import Counts

__all__ = [
    "CheckResult",
    "Draw",
    "Edition",
    "Game",
    "Play",
    "Selection",
    "Ticket",
    "Tier",
    "Win",
    "Zone",
]

#: Numbers of a ticket or draw grouped by zone, position or role.
Selection = tuple[tuple[int, ...], ...]
_T = TypeVar("_T")

MAX_MULTIPLE: Final = 99
WEEKDAYS: Final = "一二三四五六日"


@attrs.frozen
class Zone:
    """A group of numbers drawn together: 双色球's 红球, 排列5's five positions.

    A *ball* zone draws ``size`` distinct numbers from ``low``–``high``; their
    order does not matter.  A *positional* zone has ``size`` positions, each
    drawing one number from ``low``–``high`` with repeats allowed; order is
    everything.
    """

    name: str
    low: int
    high: int
    size: int
    positional: bool = False
    #: Ball zones: the most numbers a 复式 may hold (``None``: the whole range).
    max_pick: int | None = None
    #: Ball zones that allow 胆拖: the fewest and most 胆.
    dan: tuple[int, int] | None = None
    #: Digits printed per number (zero padded); 1 for digit games.
    width: int = 2
    #: Names of the positions of a positional zone (万位, 千位, …).
    positions: tuple[str, ...] = ()
    #: Every valid way to write a number of this zone (``"1"``, ``"01"``), for fast reading.
    tokens: dict[str, int] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        longest = max(self.width, len(str(self.high)))
        tokens = {
            str(n).zfill(width): n
            for n in range(self.low, self.high + 1)
            for width in range(len(str(n)), longest + 1)
        }
        object.__setattr__(self, "tokens", tokens)

    @property
    def values(self) -> int:
        """How many values one number of this zone can take."""
        return self.high - self.low + 1

    @property
    def most(self) -> int:
        """The most numbers one selection of this zone may hold."""
        if self.positional:
            return self.values
        return self.max_pick if self.max_pick is not None else self.values

    @property
    def digits(self) -> bool:
        """Whether every number is one digit, so positions can be run together."""
        return self.positional and self.high <= 9

    def fmt(self, number: int) -> str:
        """The number as printed in this zone (zero padded to ``width``)."""
        return str(number).zfill(self.width)

    def range_text(self) -> str:
        """``01–33`` or ``0–9``: the range as a message shows it."""
        return f"{self.fmt(self.low)}–{self.fmt(self.high)}"


@attrs.frozen
class Tier:
    """A prize tier: its official name, its prize and how a bet reaches it.

    ``prize`` is the fixed prize per bet in yuan, or ``None`` for a floating
    (pool) prize that only an announcement can state.  ``hits`` lists the
    match patterns that win it (one number per zone: how many numbers or
    positions match; for 七星彩 before 2020, the longest run).  ``when`` is a
    condition on the draw (福运奖's special period, 15选5's 特别奖).  A bet
    wins only its highest tier unless a tier ``stacks`` (兼中兼得).
    """

    name: str
    prize: int | None
    hits: tuple[tuple[int, ...], ...] = ()
    when: Callable[[Draw], bool] | None = attrs.field(default=None, eq=False)
    stacks: bool = False
    #: Fixed prizes that depend on the bet's chosen value (3D 和数), as pairs.
    table: tuple[tuple[int, int], ...] = ()
    source: str = ""

    @property
    def fixed(self) -> bool:
        """Whether the prize is a fixed amount (or a fixed table of amounts)."""
        return self.prize is not None or bool(self.table)


@attrs.frozen(eq=False, repr=False)
class Edition:
    """One version of a game's rules, in force from ``first_issue`` on.

    ``match`` says how a bet is compared with the draw: ``"count"`` counts
    matching numbers per zone; ``"run"`` (七星彩 before 2020) takes the longest
    run of adjacent matching positions.
    """

    name: str
    first_issue: str | None
    zones: tuple[Zone, ...]
    tiers: tuple[Tier, ...]
    match: Literal["count", "run"] = "count"
    max_bets: int | None = None
    max_multiple: int = MAX_MULTIPLE
    price: int = 2
    source: str = ""
    _by_hits: dict[tuple[int, ...], tuple[Tier, ...]] = attrs.field(
        init=False,
        repr=False,
    )
    _by_name: dict[str, Tier] = attrs.field(init=False, repr=False)
    #: Position of each tier by name, highest first.
    order: dict[str, int] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_hits: dict[tuple[int, ...], list[Tier]] = {}
        for tier in self.tiers:
            for hits in tier.hits:
                by_hits.setdefault(hits, []).append(tier)
        object.__setattr__(
            self,
            "_by_hits",
            {hits: tuple(tiers) for hits, tiers in by_hits.items()},
        )
        object.__setattr__(self, "_by_name", {t.name: t for t in self.tiers})
        object.__setattr__(self, "order", {t.name: i for i, t in enumerate(self.tiers)})

    def __repr__(self) -> str:
        since = f"from {self.first_issue}" if self.first_issue else "from the start"
        return f"<Edition {self.name} ({since})>"

    @property
    def size(self) -> int:
        """How many numbers a draw of this edition has."""
        return sum(zone.size for zone in self.zones)

    @property
    def has_period(self) -> bool:
        """Whether a tier is paid only in a special period (双色球 2026's 福运奖)."""
        return any(t.when is not None and not t.stacks for t in self.tiers)

    def tier(self, name: str) -> Tier:
        """The tier called ``name``."""
        try:
            return self._by_name[name]
        except KeyError:
            msg = f"edition {self.name!r} has no tier {name!r}"
            raise ValidationError(msg, token=name) from None

    def has_tier(self, name: str) -> bool:
        """Whether this edition has a tier called ``name``."""
        return name in self._by_name

    def tiers_for(self, hits: tuple[int, ...]) -> tuple[Tier, ...]:
        """The tiers a match pattern can win, highest first (conditions unchecked)."""
        return self._by_hits.get(hits, ())


class Play(abc.ABC):
    """A kind of bet: the generic 直选/复式/胆拖 bet, or 组选3, 和值, 1D and so on.

    A play reads its own notation, validates a selection, counts its bets and
    counts its winning bets against a draw, all without expanding the ticket.
    """

    #: Canonical name, written in front of the numbers (``组选3``).
    name: str
    #: Other names accepted on input.
    aliases: tuple[str, ...] = ()
    #: Whether the canonical text omits the name (the game's default play).
    default: bool = False
    #: One line for documentation and the command line.
    summary: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the play answers to, canonical first."""
        return (self.name, *self.aliases)

    @abc.abstractmethod
    def parse(
        self,
        game: Game,
        text: str,
        offset: int,
        edition: Edition | None,
    ) -> tuple[Selection, Selection, str | None]:
        """Read the numbers of ``text`` (after the play name).

        Returns the selection, the 胆 and the name of the edition whose layout
        the ticket follows (``None`` where all editions share one layout).
        Errors point at columns counted from ``offset``.
        """

    @abc.abstractmethod
    def canonical(
        self,
        game: Game,
        selection: Selection,
        dan: Selection,
        edition: str | None,
    ) -> tuple[Selection, Selection]:
        """Validate a selection and return it in canonical order."""

    @abc.abstractmethod
    def format(self, ticket: Ticket) -> str:
        """The canonical notation of the ticket's numbers (without multiple)."""

    @abc.abstractmethod
    def bets(self, ticket: Ticket) -> int:
        """How many single bets the ticket covers, counted in closed form."""

    @abc.abstractmethod
    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """Winning bets per tier name, counted in closed form."""

    @abc.abstractmethod
    def tier_names(self, edition: Edition) -> tuple[str, ...]:
        """Names of the tiers this play can win under ``edition``."""

    def prize(self, ticket: Ticket, draw: Draw, tier: str) -> int | None:  # noqa: ARG002
        """The prize per bet of ``tier``: announced, else the edition's fixed one."""
        announced = draw.prize(tier)
        if announced is not None:
            return announced
        return draw.edition.tier(tier).prize

    def form(self, ticket: Ticket) -> str:
        """单式 for one bet, 复式 for more, 胆拖 when the ticket has 胆."""
        if any(ticket.dan):
            return "胆拖"
        return "单式" if ticket.bets == 1 else "复式"

    def __repr__(self) -> str:
        return f"<Play {self.name}>"


@attrs.frozen(eq=False, repr=False)
class Game:
    """A lottery game: its identity, schedule, issue format, plays and editions.

    Games are singletons from the registry and compare by identity.
    """

    code: str
    name: str
    english: str
    operator: str
    aliases: tuple[str, ...]
    #: 5 for 体彩's YYNNN issue numbers, 7 for 福彩's YYYYNNN.
    issue_digits: int
    #: Draw days, Monday = 0.
    draw_weekdays: tuple[int, ...]
    editions: tuple[Edition, ...]
    plays: tuple[Play, ...]
    region: str = "全国"
    doc: str = attrs.field(default="", repr=False)
    _plays: dict[str, Play] = attrs.field(init=False, repr=False)
    _keys: tuple[tuple[int, int], ...] = attrs.field(init=False, repr=False)
    #: Whether editions differ in number layout (七星彩 in 2020).
    layouts_differ: bool = attrs.field(init=False, repr=False)
    #: Play names (upper case) with their plays, longest first, for reading tickets.
    play_names: tuple[tuple[str, Play], ...] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        plays: dict[str, Play] = {}
        for play in self.plays:
            for name in play.names:
                plays[name] = play
        object.__setattr__(self, "_plays", plays)
        keys = tuple(
            (0, 0) if e.first_issue is None else self.issue_key(e.first_issue)
            for e in self.editions
        )
        object.__setattr__(self, "_keys", keys)
        first = self.editions[0].zones
        object.__setattr__(self, "layouts_differ", any(e.zones != first for e in self.editions[1:]))
        names = sorted(
            ((name.upper(), play) for play in self.plays for name in play.names),
            key=lambda pair: -len(pair[0]),
        )
        object.__setattr__(self, "play_names", tuple(names))

    def __reduce__(self) -> tuple[Callable[[str], Game], tuple[str]]:
        from lottery.registry import get_game  # noqa: PLC0415 - import cycle

        return get_game, (self.code,)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Game {self.code} {self.name}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: ANN401, ARG002, FBT001
        """Keep hypothesis' and IPython's pretty printers as short as ``repr``."""
        printer.text(repr(self))

    @property
    def issue_format(self) -> str:
        """``YYNNN`` or ``YYYYNNN``."""
        return "YYNNN" if self.issue_digits == 5 else "YYYYNNN"

    @property
    def default_play(self) -> Play:
        """The play a ticket without a play name belongs to."""
        return self.plays[0]

    @property
    def issues_per_year(self) -> int:
        """The most draws the draw days allow in a year (a plausibility bound, not the format's)."""
        return min(366, 53 * len(self.draw_weekdays))

    def play(self, name: str) -> Play:
        """The play called ``name`` (or one of its aliases)."""
        try:
            return self._plays[name]
        except KeyError:
            known = "、".join(p.name for p in self.plays)
            msg = f"{self.label}: unknown play {name!r} (plays: {known})"
            raise InvalidFormat(msg, game=self.code, token=name) from None

    def edition_named(self, name: str) -> Edition:
        """The edition called ``name``."""
        for edition in self.editions:
            if edition.name == name:
                return edition
        msg = f"{self.label}: unknown rule edition {name!r}"
        raise ValidationError(msg, game=self.code, token=name)

    def edition(self, issue: str) -> Edition:
        """The rule edition in force for ``issue``."""
        key = self.issue_key(issue)
        found = self.editions[0]
        for edition, first in zip(self.editions, self._keys, strict=True):
            if first <= key:
                found = edition
        return found

    @property
    def label(self) -> str:
        """``双色球 (ssq)``: how messages name the game."""
        return f"{self.name} ({self.code})"

    def parse_issue(self, text: str, *, offset: int = 0) -> str:
        """Read an issue number in either format; return the official one.

        >>> from lottery import get_game
        >>> get_game("pl3").parse_issue("2019048"), get_game("ssq").parse_issue("19021")
        ('19048', '2019021')
        """
        if not isinstance(text, str):
            msg = f"issue must be a str, not {type(text).__name__}"
            raise TypeError(msg)
        if (
            len(text) == self.issue_digits
            and text.isascii()
            and text.isdecimal()
            and text[-3:] != "000"
        ):
            if self.issue_digits == 7 and text.startswith("20"):  # already official: 2019021
                return text
            if self.issue_digits == 5:  # already official: 19021
                return text
        raw = _text.normalize(text).strip()
        core = raw.removeprefix("第").removesuffix("期").strip()
        where = offset + 1 + max(text.find(core[:1]), 0) if core else offset + 1
        if not _text.is_digits(core) or len(core) not in (5, 7):
            msg = (
                f"{self.label}: issue {_text.shown(text)} at column {where} is not a"
                f" {self.issue_format} issue number"
            )
            raise InvalidIssue(msg, game=self.code, token=text, position=where)
        year = 2000 + int(core[:2]) if len(core) == 5 else int(core[:4])
        seq = int(core[-3:])
        if not 2000 <= year <= 2099 or seq == 0:
            msg = (
                f"{self.label}: issue {_text.shown(text)} at column {where} has"
                f" year {year} and number {seq:03d}; expected a year 2000–2099"
                " and a number 001–999"
            )
            raise InvalidIssue(msg, game=self.code, token=text, position=where)
        if self.issue_digits == 5:
            return f"{year % 100:02d}{seq:03d}"
        return f"{year}{seq:03d}"

    def issue_key(self, issue: str) -> tuple[int, int]:
        """``(year, number)`` of an issue, for ordering across formats."""
        return _issue_key(self, issue)


@functools.lru_cache(maxsize=1 << 16)
def _issue_key(game: Game, issue: str) -> tuple[int, int]:
    official = game.parse_issue(issue)
    if len(official) == 5:
        return 2000 + int(official[:2]), int(official[2:])
    return int(official[:4]), int(official[4:])


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


def _prizes(value: object) -> tuple[tuple[str, int], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    if isinstance(items, str | bytes) or not hasattr(items, "__iter__"):
        msg = f"prizes must be a mapping of tier to yuan, not {type(value).__name__}"
        raise TypeError(msg)
    out: list[tuple[str, int]] = []
    for pair in items:
        tier, amount = pair
        if not isinstance(tier, str) or type(amount) is not int:
            msg = f"prizes must map a tier name (str) to yuan (int), not {pair!r}"
            raise TypeError(msg)
        out.append((tier, amount))
    return tuple(out)


class _Memo:
    """``memo``: derived data computed once per value, kept in its ``_cache``."""

    __slots__ = ()
    _cache: dict[str, Any]

    def memo(self, key: str, make: Callable[[], _T]) -> _T:
        """The value of ``make()``, computed the first time ``key`` is asked for."""
        try:
            value: _T = self._cache[key]
        except KeyError:
            value = self._cache[key] = make()
        return value


@attrs.frozen
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
    prizes: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_prizes)
    special_period: bool | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(bool)),
    )
    _cache: dict[str, Any] = attrs.field(
        init=False,
        factory=dict,
        eq=False,
        repr=False,
        hash=False,
    )

    def __attrs_post_init__(self) -> None:
        game = self.game
        object.__setattr__(self, "issue", game.parse_issue(self.issue))
        edition = game.edition(self.issue)
        self._cache["edition"] = edition
        object.__setattr__(self, "numbers", _check_draw_numbers(game, edition, self.numbers))
        if self.special_period is not None and not edition.has_period:
            msg = (
                f"{game.label}: issue {self.issue} follows the {edition.name!r} rules,"
                " which have no 特别规定期间 (双色球 has one from 2026014)"
            )
            raise ValidationError(msg, game=game.code, token=str(self.special_period))
        seen: set[str] = set()
        for tier, amount in self.prizes:
            if not edition.has_tier(tier):
                msg = f"{game.label}: issue {self.issue} has no prize tier {tier!r}"
                raise ValidationError(msg, game=game.code, token=tier)
            if tier in seen:
                msg = f"{game.label}: prize of {tier} announced twice"
                raise ValidationError(msg, game=game.code, token=tier)
            if amount < 0:
                msg = f"{game.label}: prize of {tier} is negative ({amount})"
                raise ValidationError(msg, game=game.code, token=str(amount))
            seen.add(tier)
        order = {t.name: i for i, t in enumerate(edition.tiers)}
        ordered = tuple(sorted(self.prizes, key=lambda pair: order[pair[0]]))
        object.__setattr__(self, "prizes", ordered)

    def __str__(self) -> str:
        from lottery.notation import format_draw  # noqa: PLC0415 - import cycle

        return format_draw(self)

    @property
    def edition(self) -> Edition:
        """The rule edition in force for this draw's issue."""
        edition: Edition = self._cache["edition"]
        return edition

    @property
    def issue_key(self) -> tuple[int, int]:
        """``(year, number)`` of the issue, for sorting draws."""
        return self.memo("issue_key", lambda: self.game.issue_key(self.issue))

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

    def prize(self, tier: str) -> int | None:
        """The announced prize per bet of ``tier``, if the draw carries it."""
        for name, amount in self.prizes:
            if name == tier:
                return amount
        return None


def _check_draw_numbers(game: Game, edition: Edition, numbers: tuple[int, ...]) -> tuple[int, ...]:
    if len(numbers) != edition.size:
        msg = (
            f"{game.label}: a draw of issue edition {edition.name!r} has"
            f" {edition.size} numbers, not {len(numbers)}"
        )
        raise InvalidCount(msg, game=game.code)
    out: list[int] = []
    start = 0
    for zone in edition.zones:
        part = numbers[start : start + zone.size]
        start += zone.size
        for n in part:
            if not zone.low <= n <= zone.high:
                msg = f"{game.label}: {zone.name} number {n} is out of range {zone.range_text()}"
                raise InvalidNumber(msg, game=game.code, token=str(n))
        if not zone.positional:
            if len(set(part)) != len(part):
                msg = f"{game.label}: {zone.name} numbers repeat in {part}"
                raise DuplicateNumber(msg, game=game.code)
            part = tuple(sorted(part))
        out.extend(part)
    return tuple(out)


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
    _cache: dict[str, Any] = attrs.field(
        init=False,
        factory=dict,
        eq=False,
        repr=False,
        hash=False,
    )

    def __attrs_post_init__(self) -> None:
        play = self.game.play(self.play)
        object.__setattr__(self, "play", play.name)
        if self.edition is not None:
            self.game.edition_named(self.edition)
        selection, dan = play.canonical(self.game, self.selection, self.dan, self.edition)
        object.__setattr__(self, "selection", selection)
        object.__setattr__(self, "dan", dan)
        self._cache["play"] = play
        max_multiple = min(e.max_multiple for e in self.game.editions)
        if not 1 <= self.multiple <= max_multiple:
            msg = f"{self.game.label}: multiple {self.multiple} is not within 1–{max_multiple}"
            raise InvalidCount(msg, game=self.game.code, token=str(self.multiple))
        limits = [e.max_bets for e in self._editions() if e.max_bets is not None]
        if limits and self.bets > max(limits):
            msg = (
                f"{self.game.label}: {self.bets} bets exceed the limit of {max(limits)} per ticket"
            )
            raise InvalidCount(msg, game=self.game.code)

    def _editions(self) -> Iterator[Edition]:
        if self.edition is None:
            yield from self.game.editions
        else:
            yield self.game.edition_named(self.edition)

    def __str__(self) -> str:
        text = self.play_object.format(self)
        return text if self.multiple == 1 else f"{text} x{self.multiple}"

    @property
    def play_object(self) -> Play:
        """The :class:`Play` this ticket belongs to."""
        play: Play = self._cache["play"]
        return play

    @property
    def bets(self) -> int:
        """Single bets the ticket covers (without the multiple)."""
        bets: int | None = self._cache.get("bets")
        if bets is None:
            bets = self.play_object.bets(self)
            self._cache["bets"] = bets
        return bets

    @property
    def form(self) -> str:
        """单式, 复式 or 胆拖."""
        return self.play_object.form(self)

    @property
    def cost(self) -> int:
        """What the ticket costs in yuan: bets × price × multiple."""
        price = max(e.price for e in self._editions())
        return self.bets * price * self.multiple


@attrs.frozen
class Win:
    """Winning bets of one tier: how many, and the prize per bet.

    ``prize`` is ``None`` for a floating prize the draw does not announce:
    pending, never a guess.
    """

    tier: str
    count: int
    prize: int | None

    @property
    def amount(self) -> int | None:
        """Prize money for these bets at multiple 1, or ``None`` if pending."""
        return None if self.prize is None else self.prize * self.count


@attrs.frozen
class CheckResult:
    """What a ticket won in a draw.

    ``total`` is the known prize money (× multiple) in integer yuan; tiers in
    ``pending`` won but their floating prize is not known yet.
    """

    ticket: Ticket
    draw: Draw
    bets: int
    multiple: int
    wins: tuple[Win, ...]
    total: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        known = sum(w.amount for w in self.wins if w.amount is not None)
        object.__setattr__(self, "total", known * self.multiple)

    @property
    def won(self) -> bool:
        """Whether any bet won."""
        return bool(self.wins)

    @property
    def pending(self) -> tuple[str, ...]:
        """Tiers won whose prize is not announced yet."""
        return tuple(w.tier for w in self.wins if w.prize is None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (the command line's ``--json``)."""
        return {
            "game": self.ticket.game.code,
            "issue": self.draw.issue,
            "ticket": str(self.ticket),
            "form": self.ticket.form,
            "bets": self.bets,
            "multiple": self.multiple,
            "wins": [{"tier": w.tier, "count": w.count, "prize": w.prize} for w in self.wins],
            "total": self.total,
            "pending": list(self.pending),
        }


def ensure_str(text: object, what: str = "text") -> str:
    """Return ``text`` if it is a str; raise a clear TypeError otherwise."""
    if not isinstance(text, str):
        msg = f"{what} must be a str, not {type(text).__name__}"
        raise TypeError(msg)
    return text
