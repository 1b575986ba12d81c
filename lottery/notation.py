"""Reading and writing tickets and draws (the notation of ``docs/notation.md``).

Text is normalized first (full-width digits and CJK punctuation become
ASCII, one character for one), so every column an error names is a column of
the text the caller gave.  ``str()`` of a :class:`~lottery.Ticket` or
:class:`~lottery.Draw` is the canonical form and parses back to an equal
value.

>>> import lottery
>>> t = lottery.parse_ticket("ssq", "０２、05，07 08 20 27 ＋ 04 ×5")
>>> str(t), t.bets, t.multiple
('02 05 07 08 20 27 + 04 x5', 1, 5)
>>> d = lottery.parse_draw("pl5", "第2019048期 2019-02-24 16170")
>>> str(d)
'排列5 第19048期 2019-02-24 16170'
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from lottery import _text
from lottery._fast import peel
from lottery._text import ensure_str
from lottery._tokens import split_on, strip_span
from lottery.exceptions import (
    GameMismatch,
    InvalidCount,
    InvalidFormat,
    InvalidIssue,
    LotteryError,
    ValidationError,
)
from lottery.grammar import (
    read_amount,
    read_header,
    read_numbers,
    read_sections,
    relabel,
    scan_numbers,
)
from lottery.model import (
    ADDON_WORD,
    POOL_BEFORE_KEY,
    SPECIAL_PERIOD_KEY,
    Draw,
    Ticket,
    format_draw,
    format_numbers,
)
from lottery.registry import get_game
from lottery.rules import Edition, Game, Picks, Play, Refusal, Written

__all__ = [
    "SPECIAL_PERIOD_KEY",
    "format_draw",
    "format_numbers",
    "parse_draw",
    "parse_ticket",
    "read_amount",
    "read_numbers",
    "read_sections",
]


def _pointing_at(error: LotteryError, text: str) -> LotteryError:
    """``error``, knowing the ``text`` it is about, so that ``error.render()`` shows it."""
    if error.text is None and len(text) <= _text.MAX_LINE:
        error.text = text
    return error


def _stray(game: Game, text: str, pos: int, end: int) -> None:
    """Name a stray token of a draw's text for what it is: a 胆 mark, a multiple."""
    while pos < end and text[pos].isspace():
        pos += 1
    stop = pos
    while stop < end and not text[stop].isspace():
        stop += 1
    token = text[pos:stop]
    if token.startswith("#"):
        msg = f"{game.label}: '#' at column {pos + 1} is not allowed in a draw (胆 is for tickets)"
        raise InvalidFormat(msg, game=game.code, token="#", position=pos + 1)
    if re.fullmatch(r"[xX][0-9]+|[0-9]+倍", token):
        msg = (
            f"{game.label}: {token!r} at column {pos + 1} is a multiple, not a number:"
            " a draw has no multiple"
        )
        raise InvalidFormat(msg, game=game.code, token=token, position=pos + 1)


def _too_long(game: Game, text: str, what: str) -> None:
    if len(text) > _text.MAX_LINE:
        msg = (
            f"{game.label}: {what} is {len(text)} characters long; nothing valid"
            f" is longer than {_text.MAX_LINE}"
        )
        raise InvalidFormat(msg, game=game.code, token=text[:20], position=_text.MAX_LINE + 1)


def _split_multiple(game: Game, text: str, start: int, end: int) -> tuple[int, int]:
    """Peel a trailing multiple (``x5``, ``×5``, ``5倍``) off ``text[start:end]``."""
    k = end
    while k > start and not text[k - 1].isspace():
        k -= 1
    if k == start:
        return 1, end
    token = text[k:end]
    if len(token) > 1 and token[0] in "xX":
        digits = token[1:]
    elif len(token) > 1 and token.endswith("倍"):
        digits = token[:-1]
    else:
        return 1, end
    if not _text.is_digits(digits) or len(digits) > 2 or not 1 <= int(digits) <= 99:
        shown = _text.shown(token)
        msg = f"{game.label}: multiple {shown} at column {k + 1} is not a whole number 1–99"
        raise InvalidCount(msg, game=game.code, token=token, position=k + 1)
    _, new_end = strip_span(text, start, k)
    return int(digits), new_end


def _split_play(game: Game, text: str, start: int, end: int) -> tuple[Play, int]:
    """Find the play name at the start of ``text[start:end]``."""
    head = text[start:end].upper()
    for name, play in game.play_names:
        after = start + len(name)
        if head.startswith(name) and (after == end or text[after].isspace() or text[after] == ":"):
            if isinstance(play, Refusal):
                raise play.error(game, start + 1)
            return play, min(after + 1, end)
    first = text[start]
    stop = start
    while stop < end and not text[stop].isspace():
        stop += 1
    token = text[start:stop]
    if game.play_required:
        names = "、".join(p.name for p in game.plays)
        msg = (
            f"{game.label}: a ticket names its play first ({names}), not"
            f" {_text.shown(token)} at column {start + 1}"
        )
        raise InvalidFormat(msg, game=game.code, token=token, position=start + 1)
    tail = token.lstrip("0123456789")
    named = bool(tail) and tail.isalpha()  # "1D", "2D": a play name that starts with a digit
    if not ("0" <= first <= "9" or first in "(|#") or named:
        known = "、".join(p.name for p in game.plays)
        shown = _text.shown(token)
        msg = f"{game.label}: unknown play {shown} at column {start + 1} (plays: {known})"
        raise InvalidFormat(msg, game=game.code, token=token, position=start + 1)
    return game.default_play, start


def parse_ticket(game: Game | str, text: str, *, issue: str | None = None) -> Ticket:
    """Read a ticket written in the library's notation.

    ``issue`` (optional) names the draw the ticket is for; it picks the rule
    edition for games whose layout changed (七星彩), so that a plain 7-digit
    ticket of 2020 or later reads as 6 + 1.

    >>> import lottery
    >>> lottery.parse_ticket("ssq", "02 05 # 07 08 20 27 33 + 04").bets
    5
    >>> lottery.parse_ticket("pl3", "12|6|01").bets
    4
    >>> lottery.parse_ticket("ssq", "02 05 07 08 20 + 04")
    Traceback (most recent call last):
    ...
    lottery.exceptions.InvalidCount: 双色球 (ssq): 红球 has 5 numbers at column 1;
    a bet or 复式 takes 6–20
    """
    g = get_game(game)
    if type(text) is str and len(text) <= _text.MAX_LINE and (issue is None or type(issue) is str):
        try:  # the commonest ticket, in one pass
            quick = _plain_single(g, text, None if issue is None else g.edition(issue))
        except LotteryError:
            quick = None  # a bad issue: said below, pointing at the text
        if quick is not None:
            return quick
    ensure_str(text, "ticket text")
    try:
        return _read_ticket(g, text, issue)
    except LotteryError as error:
        raise _pointing_at(error, text) from None


def _read_ticket(g: Game, text: str, issue: str | None, *, plain: bool = True) -> Ticket:
    _too_long(g, text, "the ticket")
    edition = g.edition(ensure_str(issue, "issue")) if issue is not None else None
    quick = _plain_single(g, text, edition) if plain else None
    if quick is not None:  # (parse_ticket tried this first; other callers may not have)
        return quick
    norm = _text.normalize(text)
    start, end = strip_span(norm, 0, len(norm))
    if start == end:
        msg = f"{g.label}: the ticket {_text.shown(text)} at column 1 is empty"
        raise InvalidFormat(msg, game=g.code, token=text, position=1)
    addon, end = _split_addon(norm, start, end)
    multiple, end = _split_multiple(g, norm, start, end)
    if not addon:
        addon, end = _split_addon(norm, start, end)  # 追加 before the multiple
    if g.default_play.default:
        norm = relabel(norm)  # 红球 … 蓝球 … reads as … + …
        start, end = strip_span(norm, start, end)
        if start == end:  # nothing but labels
            msg = f"{g.label}: the ticket {_text.shown(text)} at column 1 has no numbers"
            raise InvalidCount(msg, game=g.code, token=text, position=1)
    play, arg = _split_play(g, norm, start, end)
    picks = play.parse(Written(g, norm[arg:end], arg, edition))
    written = picks.edition.name if picks.edition is not None else None
    return Ticket(g, play.name, picks.selection, multiple, picks.dan, written, addon=addon)


def _plain_single(g: Game, text: str, edition: Edition | None) -> Ticket | None:
    """The commonest ticket, one plain single bet in ASCII (``02 05 … + 04 x2``), in one pass.

    Also a named play's (``组选3 116``, ``选五 01 02 03 04 05``).  ``None`` for
    anything else: the full reader takes it, with its messages.
    """
    if "0" <= text[:1] <= "9":
        play, body = g.plays[0], text  # the default play: a ticket without a play name
        if g.play_required:
            return None
    else:
        name, space, body = text.partition(" ")
        named = g.play_named(name) if space else None
        if named is None:
            return None
        play = named
    peeled = peel(body, addon=g.has_addon, most=g.max_multiple)
    if peeled is None:
        return None
    numbers, multiple, addon = peeled
    reader = _READERS.get((g, play, edition))
    if reader is None:
        reader = _READERS[g, play, edition] = play.plain_reader(g, edition)
    picks = reader(numbers)
    if picks is None:
        return None
    return Ticket._read(g, play, picks, multiple, addon=addon, bets=1)  # noqa: SLF001 - its reader


#: Each game's plays' plain readers, by edition (made once).
_READERS: dict[tuple[Game, Play, Edition | None], Callable[[str], Picks | None]] = {}


def _split_addon(text: str, start: int, end: int) -> tuple[bool, int]:
    """Peel a trailing ``追加`` (追加投注) off ``text[start:end]``."""
    if not text[start:end].endswith(ADDON_WORD):
        return False, end
    k = end - len(ADDON_WORD)
    if k > start and not text[k - 1].isspace():
        return False, end
    _, new_end = strip_span(text, start, k)
    return True, new_end


def parse_draw(
    game: Game | str,
    text: str,
    *,
    issue: str | None = None,
    date: datetime.date | None = None,
    pool: int | None = None,
) -> Draw:
    """Read a draw: ``[game] [第ISSUE期] [DATE] NUMBERS [; TIER=YUAN …]``.

    The issue may come from the text or from ``issue=``; a draw needs one,
    because the issue decides which rules apply.  ``pool`` is the prize pool
    before the draw in yuan (``; 开奖前奖池=…`` in the text), for games whose
    fixed prizes depend on it (大乐透 2026).

    >>> import lottery
    >>> d = lottery.parse_draw("ssq", "27 05 07 08 20 02 04", issue="2019021")
    >>> d.numbers, d.issue
    ((2, 5, 7, 8, 20, 27, 4), '2019021')
    >>> str(lottery.parse_draw("qxc", "5 6 0 0 2 1 7", issue="20100"))
    '七星彩 第20100期 560021 + 7'
    """
    g = get_game(game)
    ensure_str(text, "draw text")
    if date is not None and not isinstance(date, datetime.date):
        msg = f"date must be a datetime.date, not {type(date).__name__}"
        raise TypeError(msg)
    if pool is not None and (type(pool) is not int or pool < 0):
        msg = f"pool must be a whole number of yuan ≥ 0, not {pool!r}"
        raise TypeError(msg)
    try:
        return _read_draw(g, text, issue, date, pool)
    except LotteryError as error:
        raise _pointing_at(error, text) from None


def _read_draw(
    g: Game, text: str, issue: str | None, date: datetime.date | None, pool: int | None
) -> Draw:
    _too_long(g, text, "the draw")
    norm = _text.normalize(text)
    sections = split_on(norm, ";", 0)
    head, _ = sections[0]
    start, end = strip_span(head, 0, len(head))
    header = read_header(head, start, end)
    if header.game is not None and header.game is not g:
        at = (header.game_at or 0) + 1
        msg = f"{g.label}: the draw text at column {at} names {header.game.label}, another game"
        raise GameMismatch(msg, game=g.code, token=header.game.name, position=at)
    found_issue = g.parse_issue(header.issue, offset=header.issue_at or 0) if header.issue else None
    given = g.parse_issue(ensure_str(issue, "issue")) if issue is not None else None
    if found_issue is not None and given is not None and found_issue != given:
        msg = f"{g.label}: the text says issue {found_issue} but issue={issue!r} was given"
        raise InvalidIssue(msg, game=g.code, token=found_issue)
    the_issue = found_issue or given
    if the_issue is None:
        msg = f"{g.label}: a draw needs its issue number (write 第NNN期 or pass issue=)"
        raise InvalidIssue(msg, game=g.code, token=text[:20], position=1)
    found_date = header.date
    if found_date is not None and date is not None and found_date != date:
        msg = f"{g.label}: the text says {found_date} but date={date} was given"
        raise ValidationError(msg, game=g.code, token=str(found_date))
    edition = g.edition(the_issue)
    if header.start is None:
        if header.end < end:  # something the grammar cannot read: say what and where
            read_numbers(g, edition, head[header.end : end], header.end)
        msg = f"{g.label}: the draw has no numbers"
        raise InvalidCount(msg, game=g.code, token=text[:20], position=end + 1)
    numbers_text, stop = scan_numbers(head, header.start, end, edition)
    if stop < end:  # the raw rest names the bad token in its error
        _stray(g, head, stop, end)
        numbers_text = head[header.start : end]
    numbers = read_numbers(g, edition, numbers_text, header.start)
    prizes, special, told, promotions = read_sections(g, edition, the_issue, sections[1:])
    if told is not None and pool is not None and told != pool:
        msg = f"{g.label}: the text says {POOL_BEFORE_KEY}={told} but pool={pool} was given"
        raise ValidationError(msg, game=g.code, token=str(told))
    before = told if told is not None else pool
    return Draw(
        g,
        the_issue,
        numbers,
        found_date or date,
        prizes,
        special,
        pool_before=before,
        promotions=promotions,
    )
