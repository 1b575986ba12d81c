"""The one grammar of a draw announcement: a header, then the numbers.

A header is any order of: the game's name (any alias, simplified or
traditional), the issue (``第2024001期``, ``2024001期``, ``期号：2024001``),
the date (``2024-01-02``, ``2024/1/2``, ``2024年1月2日``, with ``开奖日期：``)
and weekday (``星期二``, ``周二``, ``(二)``), a 试机号 or 开机号 (kept apart,
never the result), labels (``开奖号码：``, ``中奖号码``, ``开奖结果``) and the
words official notices put around them (``开奖公告``, ``全国联网电脑体育彩票``).
The numbers follow, separated by spaces, commas, ``、`` or hyphens, with
``+`` or zone labels (``红球 … 蓝球 …``, ``前区 … 后区 …``) between zones,
then ``; TIER=YUAN`` sections.  :func:`lottery.parse_draw`, the newspaper
scanner (:mod:`lottery.news`) and the feed readers all read through here.

Text is normalised first (full-width, CJK punctuation, traditional
characters, one for one), so every offset is an offset of the caller's text.
Line breaks are white space, except that the numbers stop at a line break
once the draw is complete: a game name on the next line is never read as
digits of this one.

>>> from lottery import _text, grammar
>>> line = "第2024028期双色球 开奖日期：2024-03-12（星期二） 红球：03 09 11 21 25 32 蓝球：07"
>>> header = grammar.read_header(_text.normalize(line))
>>> header.game.code, header.issue, header.date.isoformat(), header.weekday
('ssq', '2024028', '2024-03-12', '二')
>>> grammar.scan_numbers(_text.normalize(line), header.start, len(line), None)[0].split()
['03', '09', '11', '21', '25', '32', '+', '07']
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final, NamedTuple

import attrs

from lottery import _text
from lottery._money import tidy
from lottery._tokens import read_number, split_on, split_tokens
from lottery.exceptions import DuplicateNumber, InvalidCount, InvalidFormat
from lottery.model import POOL_BEFORE_KEY, SPECIAL_PERIOD_KEY
from lottery.registry import games
from lottery.rules import Edition, Game, Zone

__all__ = [
    "Header",
    "Sections",
    "read_amount",
    "read_header",
    "read_numbers",
    "read_prize",
    "read_sections",
    "relabel",
    "scan_numbers",
]

#: Labels in front of the result.
RESULT_LABELS: Final = (
    "本期开奖结果",
    "开奖结果",
    "中奖号码",
    "开奖号码",
    "开奖号",
    "中奖号",
    "摇奖号码",
    "开奖",
    "结果",
    "号码",
)
#: Numbers drawn before the result that are never the result, by the label they keep.
TEST_LABELS: Final = {
    "试机号码": "试机号",
    "试机号": "试机号",
    "开机号码": "开机号",
    "开机号": "开机号",
}
#: Words official notices and pages put around the header.
FILLER: Final = (
    "全国联网电脑体育彩票",
    "中国体育彩票",
    "中国福利彩票",
    "体育彩票",
    "福利彩票",
    "开奖公告",
    "开奖信息",
    "体彩",
    "福彩",
    "出炉",
    "揭晓",
    "公布",
    "如下",
    "开奖详情",
    "开奖日期",
    "开奖时间",
    "开奖",
    "公告",
    "玩法",
    "游戏",
    "本期",
    "日期",
    "时间",
    "期号",
    "为",
    "是",
    "的",
    "第",
)
_TEST_WORDS: Final = tuple(TEST_LABELS)
_BLANKS: Final = frozenset(" \t\r\n\u2028\u2029:,.;()[]{}<>-\"'`/|~!?*_=")
_WEEKDAY_RE: Final = re.compile(r"(?:星期|礼拜|周)([一二三四五六日天])|\(([一二三四五六日天])\)")
_ISSUE_RE: Final = re.compile(r"第?[ ]{0,3}([0-9]{5,7})[ ]{0,3}期")
_ISSUE_LABELLED_RE: Final = re.compile(r"期号[ :]*([0-9]{5,7})(?:[ ]{0,3}期)?")
_LINE_BREAKS: Final = "\r\n\u2028\u2029"
_DATE_SEPARATORS: Final = frozenset("-/.年")


@functools.cache
def _names() -> dict[str, Game]:
    out: dict[str, Game] = {}
    for game in games():
        for name in (game.code, game.name, *game.aliases):
            out.setdefault(name.casefold(), game)
    return out


@functools.cache
def _name_re(*, left_edge: bool = True) -> re.Pattern[str]:
    """Every game name, longest first; ASCII names need word edges.

    Without ``left_edge`` an ASCII name may follow a digit: the caller
    decides (a name at the start of a joined line does).
    """
    names = sorted(_names(), key=len, reverse=True)
    cjk = [re.escape(n) for n in names if not n.isascii()]
    ascii_ = [re.escape(n) for n in names if n.isascii()]
    edge = r"(?<![A-Za-z0-9])" if left_edge else r"(?<![A-Za-z])"
    return re.compile(
        "(?:" + "|".join(cjk) + "|" + edge + "(?:" + "|".join(ascii_) + r")(?![A-Za-z]))",
        re.IGNORECASE,
    )


def game_at(text: str, pos: int) -> tuple[Game, int] | None:
    """The game named at ``text[pos:]`` and where its name ends."""
    m = _name_re(left_edge=False).match(text, pos)
    if m is None:
        return None
    return _names()[m.group(0).casefold()], m.end()


def iter_names(text: str) -> Iterator[re.Match[str]]:
    """Every game name in ``text``, in order, also one right after a digit (check its edge)."""
    return _name_re(left_edge=False).finditer(text)


@functools.cache
def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def word_at(text: str, pos: int, words: Sequence[str]) -> str | None:
    """The word of ``words`` that ``text`` holds at ``pos``, if any (longest first)."""
    m = _words(tuple(words)).match(text, pos)
    return m.group(0) if m is not None else None


@functools.cache
def zone_names(index: int, *, labels: bool = True, several: bool = False) -> tuple[str, ...]:
    """The names the games give their ``index``-th zone, longest first.

    With ``labels``, also the other names announcements print (``红色球号码``);
    with ``several``, only of editions that have more than one zone (a
    column called ``号码`` holds all the numbers, not a first zone).
    """
    names = {
        name
        for game in games()
        for edition in game.editions
        if len(edition.zones) > max(index, 1 if several else 0)
        for name in (edition.zones[index].names if labels else (edition.zones[index].name,))
    }
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@functools.cache
def _any_zone_label() -> tuple[str, ...]:
    """The labels of a first or a next zone, once: they may start the numbers."""
    return zone_labels(0) + zone_labels(1)


def zone_labels(index: int) -> tuple[str, ...]:
    """Every name the games print for their ``index``-th zone (``红球``, ``前区``, ``号码`` …)."""
    return zone_names(index)


def relabel(text: str) -> str:
    """Zone labels as notation, one character for each: ``红球 01 … 蓝球 07`` → ``   01 … +  07``.

    The first zone's labels become blanks, the next zone's a ``+``; a ticket
    written with labels reads like a labelled draw.
    """
    first, nxt = zone_labels(0), zone_labels(1)
    if not any(label in text for label in (*first, *nxt) if label != "号码"):
        return text
    out: list[str] = []
    pos = 0
    while pos < len(text):
        label = word_at(text, pos, nxt)
        if label is not None:
            out.append("+" + " " * (len(label) - 1))
        elif (label := word_at(text, pos, first)) is not None:
            out.append(" " * len(label))
        else:
            out.append(text[pos])
            pos += 1
            continue
        pos += len(label)
    return "".join(out).replace(": ", "  ").replace(":", " ")


@attrs.frozen
class Header:
    """What an announcement says before its numbers.

    ``start`` is where the numbers begin (``None``: no numbers follow: a
    sentence that only mentions a draw); ``end`` where the header stopped.
    ``extras`` are numbers drawn before the result (试机号, 开机号).
    """

    game: Game | None = None
    game_at: int | None = None
    issue: str | None = None
    issue_at: int | None = None
    date: datetime.date | None = None
    weekday: str | None = None
    extras: tuple[tuple[str, tuple[int, ...]], ...] = ()
    start: int | None = None
    end: int = 0


def _skip(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in _BLANKS:
        pos += 1
    return pos


def _digits_after(text: str, pos: int, end: int) -> tuple[tuple[int, ...], int]:
    """A run of digits and spaces (a 试机号 ``5 8 1``), and where it ends."""
    pos = _skip(text, pos, end)
    stop = pos
    while stop < end and ("0" <= text[stop] <= "9" or text[stop] == " "):
        stop += 1
    return tuple(int(d) for d in text[pos:stop] if d != " "), stop


def read_header(text: str, pos: int = 0, end: int | None = None) -> Header:  # noqa: C901
    """Read the header of an announcement in normalised ``text`` from ``pos``."""
    end = len(text) if end is None else end
    found: dict[str, object] = {}
    extras: list[tuple[str, tuple[int, ...]]] = []
    while True:
        pos = _skip(text, pos, end)
        if pos >= end:
            break
        named = game_at(text, pos)
        if named is not None and "game" not in found:
            found["game"], found["game_at"] = named[0], pos
            pos = named[1]
            continue
        m = _ISSUE_RE.match(text, pos) or _ISSUE_LABELLED_RE.match(text, pos)
        if m is not None and "issue" not in found:
            found["issue"], found["issue_at"] = m.group(1), m.start(1)
            pos = m.end()
            continue
        dated = _text.match_date(text, pos)
        if dated is not None and "date" not in found:
            found["date"] = dated[0]
            if dated[1]:
                found["weekday"] = dated[1]
            pos = dated[2]
            continue
        w = _WEEKDAY_RE.match(text, pos)
        if w is not None:
            found.setdefault("weekday", w.group(1) or w.group(2))
            pos = w.end()
            continue
        test = word_at(text, pos, _TEST_WORDS)
        if test is not None:
            digits, pos = _digits_after(text, pos + len(test), end)
            if digits:
                extras.append((TEST_LABELS[test], digits))
            continue
        if "0" <= text[pos] <= "9" or word_at(text, pos, _any_zone_label()):
            found["start"] = pos
            break
        word = word_at(text, pos, RESULT_LABELS) or word_at(text, pos, FILLER)
        if word is not None:
            pos += len(word)
            continue
        break
    return Header(
        game=found.get("game"),  # type: ignore[arg-type]
        game_at=found.get("game_at"),  # type: ignore[arg-type]
        issue=found.get("issue"),  # type: ignore[arg-type]
        issue_at=found.get("issue_at"),  # type: ignore[arg-type]
        date=found.get("date"),  # type: ignore[arg-type]
        weekday=found.get("weekday"),  # type: ignore[arg-type]
        extras=tuple(extras),
        start=found.get("start"),  # type: ignore[arg-type]
        end=pos,
    )


def _complete(edition: Edition, numbers: str) -> bool:
    """Whether ``numbers`` already hold a whole draw of ``edition``."""
    if all(z.digits for z in edition.zones[:-1]) and all(z.positional for z in edition.zones):
        return sum(ch.isdigit() for ch in numbers) >= edition.size
    count = 0
    for token in numbers.replace("+", " ").split():
        width = edition.zones[0].width
        count += max(1, len(token) // width)
    return count >= edition.size


def scan_numbers(  # noqa: C901 - one pass over the characters
    text: str,
    pos: int,
    end: int,
    edition: Edition | None,
    line_starts: Sequence[int] = (),
) -> tuple[str, int]:
    """The numbers from ``pos`` as notation, one character for each of ``text``'s.

    Separators become spaces, the first zone's labels blanks and the next
    zone's labels ``+``; a date ends the numbers, and so does a line break
    (or the start of a line of ``line_starts``, in text whose lines were
    joined) once ``edition``'s draw is complete.  Returns the text and where
    it stops; the result has the same length as ``text[pos:stop]``, so
    columns agree.
    """
    out: list[str] = []
    first, nxt = zone_labels(0), zone_labels(1)
    index = bisect.bisect_right(line_starts, pos)
    while pos < end:
        if index < len(line_starts) and pos >= line_starts[index]:
            index += 1
            if edition is not None and _complete(edition, "".join(out)):
                break
        ch = text[pos]
        if "0" <= ch <= "9":
            if (
                text[pos + 4 : pos + 5] in _DATE_SEPARATORS
                and out
                and (_text.match_date(text, pos) is not None)
            ):
                break
            out.append(ch)
            pos += 1
        elif ch in " \t,-|:+":
            out.append("+" if ch == "+" else " ")
            pos += 1
        elif ch in _LINE_BREAKS:
            if edition is not None and _complete(edition, "".join(out)):
                break
            out.append(" ")
            pos += 1
        elif (label := word_at(text, pos, nxt)) is not None:
            out.append("+" + " " * (len(label) - 1))
            pos += len(label)
        elif (label := word_at(text, pos, first)) is not None:
            out.append(" " * len(label))
            pos += len(label)
        else:
            break
    numbers = "".join(out)
    return numbers.rstrip(), pos - (len(numbers) - len(numbers.rstrip()))


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


def _as_digits(zone: Zone, tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A digit zone's tokens as single digits when together they are exactly its size."""
    if zone.digits and sum(len(t) for t, _ in tokens) == zone.size:
        return [(ch, at + i) for token, at in tokens for i, ch in enumerate(token)]
    return tokens


def _split_wide(zone: Zone, tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Ball numbers run together (``0205``, a broken line) split at the zone's width."""
    out: list[tuple[str, int]] = []
    w = zone.width
    for token, at in tokens:
        if not zone.positional and len(token) > w and len(token) % w == 0 and token.isdigit():
            out.extend((token[i : i + w], at + i) for i in range(0, len(token), w))
        else:
            out.append((token, at))
    return out


def _read_zone(game: Game, zone: Zone, text: str, offset: int) -> list[int]:
    """Exactly the numbers of one zone of a draw."""
    tokens = _split_wide(zone, _as_digits(zone, split_tokens(text, offset)))
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
        if all(z.positional for z in zones) and sum(len(t) for t, _ in tokens) == edition.size:
            tokens = [(ch, at + i) for token, at in tokens for i, ch in enumerate(token)]
        elif len(zones) == 1:
            tokens = _split_wide(zones[0], tokens)
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


_TRUE: Final = {"是": True, "否": False, "yes": True, "no": False, "true": True, "false": False}


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


def read_prize(game: Game, text: str, pos: int) -> tuple[Decimal, Decimal | None]:
    """An announced prize per bet, exact: ``1,040``, ``4.5``, ``1040元``.

    ``N(含派奖M)`` is N yuan of which M is a 派奖 (a promotion only eligible bets
    get): the prize every bet gets is N − M, and M is returned apart.
    """
    raw = text.strip()
    promotion: Decimal | None = None
    head, paren, rest = raw.partition("(含派奖")
    if paren:
        inner = rest.removesuffix(")")
        if inner == rest:
            msg = f"{game.label}: amount {_text.shown(raw)} at column {pos + 1} has no ')'"
            raise InvalidFormat(msg, game=game.code, token=raw, position=pos + 1)
        promotion = read_prize(game, inner, pos)[0]
        raw = head
    whole, dot, cents = raw.removesuffix("元").partition(".")
    base = Decimal(read_amount(game, whole, pos))
    if dot:
        if not _text.is_digits(cents) or len(cents) > 2:
            msg = (
                f"{game.label}: amount {_text.shown(text.strip())} at column {pos + 1} is not"
                " an amount of yuan (at most two decimals)"
            )
            raise InvalidFormat(msg, game=game.code, token=text.strip(), position=pos + 1)
        base += Decimal(int(cents)) / (10 ** len(cents))
    base = tidy(base)
    if promotion is not None:
        if promotion > base:
            msg = f"{game.label}: amount {_text.shown(text.strip())}: the 派奖 exceeds the total"
            raise InvalidFormat(msg, game=game.code, token=text.strip(), position=pos + 1)
        return tidy(base - promotion), promotion
    return base, None


class Sections(NamedTuple):
    """What the ``;`` sections of a draw's text say besides the numbers."""

    prizes: tuple[tuple[str, Decimal], ...] = ()
    special: bool | None = None
    pool: int | None = None
    #: 派奖 per tier: paid only to eligible bets, on top of the prize.
    promotions: tuple[tuple[str, Decimal], ...] = ()


def read_sections(
    game: Game,
    edition: Edition | None,
    issue: str,
    sections: Sequence[tuple[str, int]],
) -> Sections:
    """The ``; TIER=YUAN``, ``; 特别规定期间=是`` and ``; 开奖前奖池=N`` sections of a draw.

    With no ``edition``, a tier of any of the game's editions is accepted;
    the names the game's feeds use for its tiers are read too.
    """
    editions = [edition] if edition is not None else list(game.editions)
    prizes: list[tuple[str, Decimal]] = []
    promotions: list[tuple[str, Decimal]] = []
    special: bool | None = None
    pool: int | None = None
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
        tier = game.tier_aliases.get(key, key)
        if key == SPECIAL_PERIOD_KEY:
            special = _flag(game, key, value, value_at)
        elif key == POOL_BEFORE_KEY:
            pool = read_amount(game, value, value_at)
        elif any(e.has_tier(tier) for e in editions):
            amount, promotion = read_prize(game, value, value_at)
            prizes.append((tier, amount))
            if promotion is not None:
                promotions.append((tier, promotion))
        else:
            msg = f"{game.label}: issue {issue} has no prize tier {key!r} (column {at + 1})"
            raise InvalidFormat(msg, game=game.code, token=key, position=at + 1)
    return Sections(tuple(prizes), special, pool, tuple(promotions))
