"""The rulebook schema: what a game *is* — zones, prize tiers, rule editions, plays.

A :class:`Game` holds its rule :class:`Edition` s, each keyed by the first
issue it governs; an edition holds the number :class:`Zone` s and the prize
:class:`Tier` s.  A :class:`Play` is a kind of bet.  Nothing here needs a
particular game: each game module (``lottery/games/``) fills these classes
with its data, and generic code reads them.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from lottery import _text
from lottery._money import money
from lottery.exceptions import InvalidFormat, InvalidIssue, ValidationError
from lottery.playbook import Counts, Group, Picks, Play, Refusal, Selection, Shape, Written

if TYPE_CHECKING:
    from lottery.model import Draw

__all__ = [
    "MAX_MULTIPLE",
    "WEEKDAYS",
    "Counts",
    "Edition",
    "Game",
    "Group",
    "Picks",
    "Play",
    "Refusal",
    "Selection",
    "Shape",
    "Tier",
    "Written",
    "Zone",
]


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
    #: Other names announcements print for the zone (``红色球号码`` for 红球).
    labels: tuple[str, ...] = ()
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

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the zone is printed under, its own first."""
        return (self.name, *self.labels)

    def position_name(self, index: int) -> str:
        """``百位``, or ``号码 position 2`` where the positions have no names."""
        if self.positions:
            return self.positions[index]
        return f"{self.name} position {index + 1}" if self.size > 1 else self.name


def _optional_money(value: object) -> Decimal | None:
    return None if value is None else money(value)


def _money_pairs(value: object) -> tuple[tuple[int, Decimal], ...]:
    pairs: Any = value
    return tuple((key, money(amount)) for key, amount in pairs)


@attrs.frozen
class Tier:
    """A prize tier: its official name, its prize and how a bet reaches it.

    ``prize`` is the fixed prize per bet in yuan, or ``None`` for a floating
    (pool) prize that only an announcement can state.  ``hits`` lists the
    match patterns that win it (one number per zone: how many numbers or
    positions match; for 七星彩 before 2020, the longest run).  ``when`` is a
    condition on the draw (福运奖's special period, 15选5's 特别奖).  A bet
    wins only its highest tier unless a tier ``stacks`` (兼中兼得).
    ``table`` holds fixed prizes keyed by the value the bet chose (its first
    selected number: 3D 和数's sum).  ``source`` cites ``docs/sources.md``.
    """

    name: str
    prize: Decimal | None = attrs.field(converter=_optional_money)
    hits: tuple[tuple[int, ...], ...] = ()
    when: Callable[[Draw], bool] | None = attrs.field(default=None, eq=False)
    stacks: bool = False
    table: tuple[tuple[int, Decimal], ...] = attrs.field(default=(), converter=_money_pairs)
    source: str = ""
    #: Fixed prizes that depend on the pool before the draw: ``(from yuan, prize)``,
    #: ascending (大乐透 2026: below 8亿 one table, from 8亿 another).
    by_pool: tuple[tuple[int, Decimal], ...] = attrs.field(default=(), converter=_money_pairs)

    @property
    def fixed(self) -> bool:
        """Whether the prize is a fixed amount (or a fixed table of amounts)."""
        return self.prize is not None or bool(self.table) or bool(self.by_pool)

    def prize_for(self, value: int | None) -> Decimal | None:
        """The fixed prize of a bet that chose ``value`` (for tiers with a ``table``)."""
        if self.table and value is not None:
            return dict(self.table).get(value)
        return self.prize

    def prize_at(self, pool: int | None) -> Decimal | None:
        """The fixed prize when the pool before the draw was ``pool`` (``None``: unknown)."""
        if not self.by_pool or pool is None:
            return None
        found: Decimal | None = None
        for low, amount in self.by_pool:
            if pool >= low:
                found = amount
        return found


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
    #: Where a tier is paid only in a special period: whether an issue ``(year, number)``
    #: is in it as announced so far, ``None`` where only the announcements can tell.
    known_period: Callable[[tuple[int, int]], bool | None] | None = attrs.field(
        default=None, eq=False
    )
    #: 追加投注: (base tier, its add-on tier) — an add-on bet wins the add-on tier as
    #: often as the base one.  The add-on tiers are in ``tiers`` with no match patterns.
    addons: tuple[tuple[str, str], ...] = ()
    #: What the add-on costs per bet, in yuan.
    addon_price: int = 0
    #: The most a floating add-on prize may be, in percent of its base tier's prize.
    addon_share: int | None = None
    #: The last zone is a special number drawn from the first zone's pool after it
    #: (七乐彩's 特别号码): tickets fill the zones before it, and a bet's numbers
    #: are matched against both (match patterns: numbers drawn, special matched).
    special_ball: bool = False
    _by_hits: dict[tuple[int, ...], tuple[Tier, ...]] = attrs.field(init=False, repr=False)
    _by_name: dict[str, Tier] = attrs.field(init=False, repr=False)
    #: Position of each tier by name, highest first.
    order: dict[str, int] = attrs.field(init=False, repr=False)
    #: The tier paid only in a special period (双色球 2026's 福运奖), if any.
    period_tier: str | None = attrs.field(init=False, repr=False)
    #: Whether some fixed prizes depend on the pool before the draw.
    pool_tiers: bool = attrs.field(init=False, repr=False)
    #: How many numbers a draw of this edition has.
    size: int = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.special_ball and (
            len(self.zones) != 2 or self.zones[0].positional or self.zones[1].size != 1
        ):
            msg = f"edition {self.name!r}: a special ball follows exactly one ball zone"
            raise ValueError(msg)
        by_hits: dict[tuple[int, ...], list[Tier]] = {}
        for tier in self.tiers:
            for hits in tier.hits:
                by_hits.setdefault(hits, []).append(tier)
        object.__setattr__(
            self, "_by_hits", {hits: tuple(tiers) for hits, tiers in by_hits.items()}
        )
        object.__setattr__(self, "_by_name", {t.name: t for t in self.tiers})
        object.__setattr__(self, "order", {t.name: i for i, t in enumerate(self.tiers)})
        period = next((t.name for t in self.tiers if t.when is not None and not t.stacks), None)
        object.__setattr__(self, "period_tier", period)
        object.__setattr__(self, "pool_tiers", any(t.by_pool for t in self.tiers))
        object.__setattr__(self, "size", sum(zone.size for zone in self.zones))

    def __repr__(self) -> str:
        since = f"from {self.first_issue}" if self.first_issue else "from the start"
        return f"<Edition {self.name} ({since})>"

    @property
    def ticket_zones(self) -> tuple[Zone, ...]:
        """The zones a ticket fills: all but a special number's."""
        return self.zones[:-1] if self.special_ball else self.zones

    @property
    def has_period(self) -> bool:
        """Whether a tier is paid only in a special period (双色球 2026's 福运奖)."""
        return self.period_tier is not None

    def pool_tables_fitting(self, announced: Mapping[str, Decimal]) -> tuple[int, ...]:
        """The pool tables (rows of ``Tier.by_pool``) that every announced amount of theirs fits."""
        tiers = [t for t in self.tiers if t.by_pool and t.name in announced]
        if not tiers:
            return ()
        rows = range(len(tiers[0].by_pool))
        return tuple(i for i in rows if all(t.by_pool[i][1] == announced[t.name] for t in tiers))

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


def _load_game(module: str) -> Game:
    """The ``GAME`` of a game module: how a pickled game comes back as the same object."""
    game: Game = importlib.import_module(module).GAME
    return game


@attrs.frozen(eq=False, repr=False)
class Game:
    """A lottery game: its identity, schedule, issue format, plays and editions.

    Games are singletons of their modules and compare by identity.  ``feeds``
    names the game in the official feeds (``{"cwl": ("ssq",)}``), ``feed_pages``
    the operator's results page of the game where it differs from that name
    (a sync visits it first);
    ``tier_aliases`` maps a feed's tier names to the game's;
    ``announcement`` is the official notice's headline, with ``{issue}`` and
    ``{numbers}`` for the fields.
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
    #: The game module (``__name__``), so that a pickled game unpickles as itself.
    module: str = ""
    refused: tuple[Refusal, ...] = ()
    feeds: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, repr=False)
    feed_pages: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    tier_aliases: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    announcement: str = ""
    #: Whether a 试机号 (test number, never the result) is drawn and printed before each draw.
    test_numbers: bool = False
    #: Whether every ticket names its play first (快乐8's 选一 … 选十): no default play.
    play_required: bool = False
    #: The game's own fast lane for plain single bets, where the generic one cannot read
    #: its tickets: a draw → a scorer of ticket lines (see :mod:`lottery._fast`).
    fast_lane: (
        Callable[[Draw], Callable[[str], tuple[tuple[str, ...], int] | None] | None] | None
    ) = attrs.field(default=None, eq=False, repr=False)
    _plays: dict[str, Play] = attrs.field(init=False, repr=False)
    _keys: tuple[tuple[int, int], ...] = attrs.field(init=False, repr=False)
    #: Whether editions differ in number layout (七星彩 in 2020).
    layouts_differ: bool = attrs.field(init=False, repr=False)
    #: The highest multiple every edition allows.
    max_multiple: int = attrs.field(init=False, repr=False)
    #: The most bets a ticket may cover under any edition that limits it (``None``: no limit).
    max_bets: int | None = attrs.field(init=False, repr=False)
    #: Whether any edition sells 追加投注 (an add-on bet).
    has_addon: bool = attrs.field(init=False, repr=False)
    #: Play names (upper case) with their plays or refusals, longest first, for reading tickets.
    play_names: tuple[tuple[str, Play | Refusal], ...] = attrs.field(init=False, repr=False)

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
        first = self.editions[0].ticket_zones
        differ = any(e.ticket_zones != first for e in self.editions[1:])
        object.__setattr__(self, "layouts_differ", differ)
        object.__setattr__(self, "max_multiple", min(e.max_multiple for e in self.editions))
        limits = [e.max_bets for e in self.editions if e.max_bets is not None]
        object.__setattr__(self, "max_bets", max(limits) if limits else None)
        object.__setattr__(self, "has_addon", any(e.addons for e in self.editions))
        named: list[tuple[str, Play | Refusal]] = [
            (name.upper(), play) for play in self.plays for name in play.names
        ]
        named += [(name.upper(), r) for r in self.refused for name in (r.name, *r.aliases)]
        named.sort(key=lambda pair: -len(pair[0]))
        object.__setattr__(self, "play_names", tuple(named))

    def __reduce__(self) -> tuple[Callable[[str], Game], tuple[str]]:
        if not self.module:
            msg = f"{self.label} has no module and cannot be pickled"
            raise TypeError(msg)
        return _load_game, (self.module,)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Game {self.code} {self.name}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: ANN401, FBT001
        """Keep hypothesis' and IPython's pretty printers as short as ``repr``."""
        printer.text(repr(self) if not cycle else "<Game …>")

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

    @property
    def label(self) -> str:
        """``双色球 (ssq)``: how messages name the game."""
        return f"{self.name} ({self.code})"

    def play_named(self, name: str) -> Play | None:
        """The play called ``name`` (or one of its aliases), or ``None``."""
        return self._plays.get(name)

    def play(self, name: str) -> Play:
        """The play called ``name`` (or one of its aliases)."""
        try:
            return self._plays[name]
        except KeyError:
            for refusal in self.refused:
                if name in (refusal.name, *refusal.aliases):
                    raise refusal.error(self) from None
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
        """The rule edition in force for ``issue``.

        An issue before the first edition the game defines (大乐透 before 14052)
        has no rules here: :class:`~lottery.exceptions.InvalidIssue`.
        """
        return _edition(self, issue)

    def _edition_of(self, issue: str) -> Edition:
        key = self.issue_key(issue)
        if key < self._keys[0]:
            oldest = self.editions[0]
            msg = (
                f"{self.label}: issue {issue} is before {oldest.first_issue}, the first issue of"
                f" the {oldest.name!r} rules; the rules before it are not known here"
                " (docs/sources.md, UNCONFIRMED)"
            )
            raise InvalidIssue(msg, game=self.code, token=issue)
        found = self.editions[0]
        for edition, first in zip(self.editions, self._keys, strict=True):
            if first <= key:
                found = edition
        return found

    def issue_text(self, year: int, number: int) -> str:
        """The official issue of the ``number``-th draw of ``year``: ``19048``, ``2019048``."""
        if self.issue_digits == 5:
            return f"{year % 100:02d}{number:03d}"
        return f"{year}{number:03d}"

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
            and (self.issue_digits == 5 or text.startswith("20"))
        ):
            return text  # already official: 19021, 2019021
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
        return self.issue_text(year, seq)

    def issue_key(self, issue: str) -> tuple[int, int]:
        """``(year, number)`` of an issue, for ordering across formats."""
        return _issue_key(self, issue)


@functools.lru_cache(maxsize=1 << 16)
def _edition(game: Game, issue: str) -> Edition:
    """:meth:`Game.edition`, remembered (a refused issue raises again each time)."""
    return game._edition_of(issue)  # noqa: SLF001 - its cache


@functools.lru_cache(maxsize=1 << 16)
def _issue_key(game: Game, issue: str) -> tuple[int, int]:
    official = game.parse_issue(issue)
    if len(official) == 5:
        return 2000 + int(official[:2]), int(official[2:])
    return int(official[:4]), int(official[4:])
