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
from collections.abc import Sequence

from lottery import _text
from lottery._text import ensure_str
from lottery._tokens import read_number, split_on, split_tokens, strip_span
from lottery.exceptions import (
    DuplicateNumber,
    InvalidCount,
    InvalidFormat,
    InvalidIssue,
    LotteryError,
    ValidationError,
)
from lottery.model import SPECIAL_PERIOD_KEY, Draw, Ticket, format_draw, format_numbers
from lottery.registry import get_game
from lottery.rules import Edition, Game, Play, Refusal, Written, Zone

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

_TRUE = {"是": True, "否": False, "yes": True, "no": False, "true": True, "false": False}


def _pointing_at(error: LotteryError, text: str) -> LotteryError:
    """``error``, knowing the ``text`` it is about, so that ``error.render()`` shows it."""
    if error.text is None and len(text) <= _text.MAX_LINE:
        error.text = text
    return error


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
    ensure_str(text, "ticket text")
    try:
        return _read_ticket(g, text, issue)
    except LotteryError as error:
        raise _pointing_at(error, text) from None


def _read_ticket(g: Game, text: str, issue: str | None) -> Ticket:
    _too_long(g, text, "the ticket")
    edition = g.edition(ensure_str(issue, "issue")) if issue is not None else None
    norm = _text.normalize(text)
    start, end = strip_span(norm, 0, len(norm))
    if start == end:
        msg = f"{g.label}: the ticket {_text.shown(text)} at column 1 is empty"
        raise InvalidFormat(msg, game=g.code, token=text, position=1)
    multiple, end = _split_multiple(g, norm, start, end)
    play, arg = _split_play(g, norm, start, end)
    picks = play.parse(Written(g, norm[arg:end], arg, edition))
    written = picks.edition.name if picks.edition is not None else None
    return Ticket(g, play.name, picks.selection, multiple, picks.dan, written)


def _read_chunk(game: Game, zone: Zone, chunk: Sequence[tuple[str, int]]) -> list[int]:
    """Numbers of one zone of a draw, one token each; ball numbers must not repeat."""
    numbers: list[int] = []
    for token, pos in chunk:
        n = read_number(game, zone, token, pos)
        if not zone.positional and n in numbers:
            msg = f"{game.label}: {zone.name} {zone.fmt(n)!r} at column {pos + 1} repeats"
            raise DuplicateNumber(msg, game=game.code, token=zone.fmt(n), position=pos + 1)
        numbers.append(n)
    return numbers


def _read_zone(game: Game, zone: Zone, text: str, offset: int) -> list[int]:
    """Exactly the numbers of one zone of a draw."""
    tokens = split_tokens(text, offset)
    if zone.digits and zone.size > 1 and len(tokens) == 1 and len(tokens[0][0]) == zone.size:
        token, at = tokens[0]
        tokens = [(ch, at + i) for i, ch in enumerate(token)]
    if len(tokens) != zone.size:
        msg = (
            f"{game.label}: {zone.name} has {len(tokens)} numbers at column"
            f" {offset + 1}; a draw has {zone.size}"
        )
        raise InvalidCount(msg, game=game.code, token=text.strip(), position=offset + 1)
    return _read_chunk(game, zone, tokens)


def read_numbers(game: Game, edition: Edition, text: str, offset: int = 0) -> tuple[int, ...]:
    """The numbers of a draw: zones split by ``+``, or all numbers in a row."""
    parts = split_on(text, "+", offset)
    zones = edition.zones
    out: list[int] = []
    if len(parts) == len(zones):
        for zone, (part, at) in zip(zones, parts, strict=True):
            out.extend(_read_zone(game, zone, part, at))
        return tuple(out)
    if len(parts) == 1:
        tokens = split_tokens(text, offset)
        if (
            len(tokens) == 1
            and all(z.positional for z in zones)
            and len(tokens[0][0]) == edition.size
        ):
            token, at = tokens[0]
            tokens = [(ch, at + i) for i, ch in enumerate(token)]
        if len(tokens) == edition.size:
            i = 0
            for zone in zones:
                out.extend(_read_chunk(game, zone, tokens[i : i + zone.size]))
                i += zone.size
            return tuple(out)
    want = " + ".join(f"{z.size} {z.name}" for z in zones)
    shown = _text.cut(text.strip())
    msg = f"{game.label}: cannot read {shown!r} at column {offset + 1} as a draw of {want}"
    raise InvalidCount(msg, game=game.code, token=shown, position=offset + 1)


def _peel(
    game: Game, norm: str, start: int, end: int
) -> tuple[str | None, datetime.date | None, int]:
    """Leading game name, issue (``第…期``) and date of a draw's text."""
    issue: str | None = None
    date: datetime.date | None = None
    names = {n.upper() for n in (game.code, game.name, *game.aliases)}
    pos = start
    while pos < end:
        stop = pos
        while stop < end and not norm[stop].isspace():
            stop += 1
        token = norm[pos:stop]
        dated = _text.match_date(norm, pos)
        if token.upper() in names:
            pass
        elif token.startswith("第") or token.endswith("期"):
            issue = game.parse_issue(token, offset=pos)
        elif dated is not None and (dated[2] >= end or norm[dated[2]].isspace()):
            date, _, stop = dated
        else:
            break
        pos, _ = strip_span(norm, stop, end)
    return issue, date, pos


def _flag(game: Game, key: str, value: str, pos: int) -> bool:
    flag = _TRUE.get(value.strip().lower())
    if flag is None:
        msg = f"{game.label}: {key} must be 是 or 否, not {value.strip()!r} (column {pos + 1})"
        raise InvalidFormat(msg, game=game.code, token=value.strip(), position=pos + 1)
    return flag


def read_amount(game: Game, text: str, pos: int) -> int:
    """An announced amount in yuan: ``5000000``, ``5,000,000`` or ``5000000元``."""
    raw = text.strip().removesuffix("元")
    digits = raw.replace(",", "")
    groups = raw.split(",")
    grouped = len(groups) == 1 or (
        1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    )
    if not _text.is_digits(digits) or not grouped or len(digits) > 15:
        msg = (
            f"{game.label}: amount {_text.shown(text.strip())} at column {pos + 1} is not a"
            " whole number of yuan"
        )
        raise InvalidFormat(msg, game=game.code, token=text.strip(), position=pos + 1)
    return int(digits)


def read_sections(
    game: Game,
    edition: Edition | None,
    issue: str,
    sections: Sequence[tuple[str, int]],
) -> tuple[tuple[tuple[str, int], ...], bool | None]:
    """The ``; TIER=YUAN`` and ``; 特别规定期间=是`` sections of a draw's text.

    With no ``edition``, a tier of any of the game's editions is accepted.
    """
    editions = [edition] if edition is not None else list(game.editions)
    prizes: list[tuple[str, int]] = []
    special: bool | None = None
    for section, at in sections:
        if not section.strip():
            continue
        key, eq, value = section.partition("=")
        if not eq:
            msg = (
                f"{game.label}: expected TIER=YUAN after ';' at column {at + 1},"
                f" not {section.strip()!r}"
            )
            raise InvalidFormat(msg, game=game.code, token=section.strip(), position=at + 1)
        key = key.strip()
        value_at = at + len(key) + 1
        if key == SPECIAL_PERIOD_KEY:
            special = _flag(game, key, value, value_at)
        elif any(e.has_tier(key) for e in editions):
            prizes.append((key, read_amount(game, value, value_at)))
        else:
            msg = f"{game.label}: issue {issue} has no prize tier {key!r} (column {at + 1})"
            raise InvalidFormat(msg, game=game.code, token=key, position=at + 1)
    return tuple(prizes), special


def parse_draw(
    game: Game | str,
    text: str,
    *,
    issue: str | None = None,
    date: datetime.date | None = None,
) -> Draw:
    """Read a draw: ``[game] [第ISSUE期] [DATE] NUMBERS [; TIER=YUAN …]``.

    The issue may come from the text or from ``issue=``; a draw needs one,
    because the issue decides which rules apply.

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
    try:
        return _read_draw(g, text, issue, date)
    except LotteryError as error:
        raise _pointing_at(error, text) from None


def _read_draw(g: Game, text: str, issue: str | None, date: datetime.date | None) -> Draw:
    _too_long(g, text, "the draw")
    norm = _text.normalize(text)
    sections = split_on(norm, ";", 0)
    head, _ = sections[0]
    start, end = strip_span(head, 0, len(head))
    found_issue, found_date, pos = _peel(g, head, start, end)
    given = g.parse_issue(ensure_str(issue, "issue")) if issue is not None else None
    if found_issue is not None and given is not None and found_issue != given:
        msg = f"{g.label}: the text says issue {found_issue} but issue={issue!r} was given"
        raise InvalidIssue(msg, game=g.code, token=found_issue)
    the_issue = found_issue or given
    if the_issue is None:
        msg = f"{g.label}: a draw needs its issue number (write 第NNN期 or pass issue=)"
        raise InvalidIssue(msg, game=g.code, token=text[:20], position=1)
    if found_date is not None and date is not None and found_date != date:
        msg = f"{g.label}: the text says {found_date} but date={date} was given"
        raise ValidationError(msg, game=g.code, token=str(found_date))
    if pos >= end:
        msg = f"{g.label}: the draw has no numbers"
        raise InvalidCount(msg, game=g.code, token=text[:20], position=end + 1)
    edition = g.edition(the_issue)
    numbers = read_numbers(g, edition, head[pos:end], pos)
    prizes, special = read_sections(g, edition, the_issue, sections[1:])
    return Draw(g, the_issue, numbers, found_date or date, prizes, special)
