"""What a play is: the protocol every kind of bet follows, and the data it reads and makes.

A :class:`Play` reads its notation into :class:`Picks`, validates them,
counts its bets and its winning bets in closed form.  :class:`Group` and
:class:`Shape` describe how valid selections are made (the strategies read
them); a :class:`Refusal` is a play a shop sells that the library refuses,
with its reason.  :mod:`lottery.rules` re-exports all of these.
"""

from __future__ import annotations

import abc
from typing import TYPE_CHECKING, NamedTuple

import attrs

from lottery.exceptions import UnsupportedPlay

if TYPE_CHECKING:
    from collections.abc import Callable

    from lottery.model import Draw, Ticket
    from lottery.rules import Edition, Game, Zone

__all__ = ["Counts", "Group", "Picks", "Play", "Refusal", "Selection", "Shape", "Written"]

#: Numbers of a ticket or draw grouped by zone, position or role.
Selection = tuple[tuple[int, ...], ...]
#: Winning bets per tier name.
Counts = dict[str, int]


class Written(NamedTuple):
    """The part of a ticket's text its play reads, and what reading it needs.

    ``offset`` is where ``text`` starts in the whole ticket (errors point at
    columns of the whole); ``edition`` is the edition of the draw the ticket
    is for, when the caller named an issue.
    """

    game: Game
    text: str
    offset: int = 0
    edition: Edition | None = None


class Picks(NamedTuple):
    """A ticket's numbers as its play groups them.

    ``selection`` holds one group per ball zone, per position, or the play's
    argument; ``dan`` the 胆 of a 胆拖 in the same grouping (empty without);
    ``edition`` the edition whose number layout the ticket follows, only for
    games whose layout changed (七星彩).  A tuple: made for every ticket read.
    """

    selection: Selection
    dan: Selection = ()
    edition: Edition | None = None


@attrs.frozen
class Group:
    """How one group of a play's selection is made: data that generators read.

    ``size`` numbers (``min_size``–``max_size``) from ``low``–``high``:
    distinct, unless ``repeats``; sorted, unless ``ordered``.  A ``pair``
    group is a 组三 form: two distinct numbers ``a``, ``b`` made ``a a b``.
    """

    low: int
    high: int
    min_size: int = 1
    max_size: int = 1
    repeats: bool = False
    ordered: bool = False
    pair: bool = False


@attrs.frozen
class Shape:
    """One way to make a valid selection of a play (``lottery.strategies`` reads it).

    ``groups`` are made one by one.  With ``dan`` = (fewest, most), that many
    numbers of the first group become the 胆 and the rest its 拖.  With
    ``chosen`` = N, N of the groups keep their numbers and the others are
    left open (3D's 1D and 2D: ``3**``).
    """

    groups: tuple[Group, ...] = ()
    dan: tuple[int, int] | None = None
    chosen: int | None = None


class Play(abc.ABC):
    """A kind of bet: the generic 直选/复式/胆拖 bet, or 组选3, 和值, 1D and so on.

    A play reads its own notation, validates a selection, counts its bets and
    counts its winning bets against a draw, all without expanding the ticket.
    What is the same for every play of a kind is data: ``tiers`` (the tiers it
    can win; empty: those of the edition reached by matching numbers),
    ``single_bet`` (every ticket is one bet).
    """

    #: Canonical name, written in front of the numbers (``组选3``).
    name: str
    #: Other names accepted on input.
    aliases: tuple[str, ...] = ()
    #: Whether this is the game's own bet, whose canonical text omits the name.
    default: bool = False
    #: One line for documentation and the command line.
    summary: str = ""
    #: Whether every ticket of this play is exactly one bet.
    single_bet: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the play answers to, canonical first."""
        return (self.name, *self.aliases)

    @property
    def tiers(self) -> tuple[str, ...]:
        """The tiers the play can win; empty: every tier of the edition with match patterns."""
        return ()

    @property
    def shapes(self) -> tuple[Shape, ...]:
        """The ways a valid selection is made (none for the game's own bet: its zones say)."""
        return ()

    @abc.abstractmethod
    def parse(self, written: Written) -> Picks:
        """Read the numbers of ``written.text`` (what follows the play name)."""

    @abc.abstractmethod
    def canonical(self, game: Game, picks: Picks) -> Picks:
        """Validate a selection and return it in canonical order."""

    def bets(self, ticket: Ticket) -> int:
        """How many single bets the ticket covers, counted in closed form.

        Every play that is not ``single_bet`` counts its own; a ``single_bet``
        play's tickets are one bet each and this is never asked.
        """
        raise NotImplementedError

    @abc.abstractmethod
    def count(self, ticket: Ticket, draw: Draw) -> Counts:
        """Winning bets per tier name, counted in closed form."""

    def single_hits(self, ticket: Ticket, draw: Draw) -> tuple[int, ...] | None:
        """A single bet's match pattern: single bets of this play with one pattern win alike.

        ``None``: count it in full (``count``).
        """
        del ticket, draw
        return None

    @property
    def picked_zone(self) -> Zone | None:
        """The zone a single bet picks from, if only how many of it were drawn counts.

        快乐8's 选N: a bet of N numbers of 01–80 wins by how many of them the
        draw's first zone holds.  The vectorised lane reads such bets as bit
        masks (one outcome per count, learnt from the exact path).  ``None``:
        any other play.
        """
        return None

    def plain_reader(self, game: Game, edition: Edition | None) -> Callable[[str], Picks | None]:
        """A one-pass reader of this play's plain single bet (``None`` from it: read in full).

        The game's own bet has one; other plays read every ticket in full.
        """
        del game, edition
        return _never

    def format(self, ticket: Ticket) -> str:
        """The canonical notation: the name, then each group's digits (``组选6 2368``)."""
        groups = " ".join("".join(map(str, group)) for group in ticket.selection)
        return f"{self.name} {groups}" if groups else self.name

    def form(self, ticket: Ticket) -> str:
        """单式 for one bet, 复式 for more, 胆拖 when the ticket has 胆."""
        if any(ticket.dan):
            return "胆拖"
        return "单式" if ticket.bets == 1 else "复式"

    def tier_names(self, edition: Edition) -> tuple[str, ...]:
        """Names of the tiers this play can win under ``edition``."""
        return self.tiers or tuple(t.name for t in edition.tiers if t.hits)

    def __repr__(self) -> str:
        return f"<Play {self.name}>"


def _never(text: str) -> None:
    """No plain single bet: every ticket takes the full parser."""
    del text


@attrs.frozen
class Refusal:
    """A play a shop sells that the library refuses, with the reason why."""

    name: str
    aliases: tuple[str, ...] = ()
    reason: str = ""

    def error(self, game: Game, position: int | None = None) -> UnsupportedPlay:
        """The error that refuses it."""
        at = f" at column {position}" if position is not None else ""
        msg = f"{game.label}: {self.name}{at} is not supported: {self.reason}"
        return UnsupportedPlay(msg, game=game.code, token=self.name, position=position)
