"""The checks across the draws of each game: one issue one result, no holes, dates rising.

:func:`across` takes the records that hold draws, in input order, and finds
what no single record shows: an issue with two results or dates (sources
that disagree), a hole in the issue numbers, dates that do not rise with the
issues, the same result too many times in a row (a failed scrape); then each
game's own checks across draws (``GameChecks.history``).

A history is thousands of draws in issue order with nothing to say: each
check proves that of the whole history at once, column by column (issue
numbers that step by one, dates that rise, results that change), and looks
one by one only at the places where it does not hold.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Iterable, Sequence
from typing import Final

from lottery.draw_checks import positions
from lottery.findings import Finding, place
from lottery.model import Draw
from lottery.records import Record
from lottery.registry import checks, games, get_game
from lottery.rules import Game

__all__ = ["STUCK_CHANCE", "across"]

#: A run of identical results whose chance is below this is a failed scrape.
STUCK_CHANCE: Final = 1e-8

_YEAR: Final = operator.itemgetter(0)
_NUMBER: Final = operator.itemgetter(1)


def across(records: Sequence[Record]) -> list[Finding]:
    """Every finding across draws, game by game (in the order games first appear)."""
    findings: list[Finding] = []
    by_game = _by_game([r for r in records if r.draw is not None])
    histories: dict[str, list[Record]] = {}  # each game's records in issue order
    for code, group in by_game.items():
        game = get_game(code)
        issues = [_draw(r).issue for r in group]
        if len(set(issues)) == len(issues):  # the usual history: one record an issue
            firsts = group
        else:
            by_issue = _by_issue(group)
            findings.extend(_conflicts(game, by_issue))
            firsts = [rs[0] for rs in by_issue.values()]
        keys = [_draw(r).issue_key for r in firsts]
        if not all(map(operator.le, keys, keys[1:])):  # not in issue order: sorted, stably
            order = sorted(range(len(keys)), key=keys.__getitem__)
            firsts, keys = [firsts[k] for k in order], [keys[k] for k in order]
        findings.extend(_holes(game, keys, firsts))
        findings.extend(_date_order(game, firsts))
        findings.extend(_stuck(game, firsts))
        histories[code] = firsts if len(firsts) == len(group) else _in_issue_order(group)
    owners = [g for g in games() if g.code in by_game and checks(g).history is not None]
    for game in owners:  # a game's own checks across draws see every game's history
        own = checks(game).history
        if own is not None:
            findings.extend(own(histories))
    return findings


def _draw(record: Record) -> Draw:
    draw = record.draw
    assert draw is not None  # noqa: S101 - only records with draws come here
    return draw


def _by_game(records: list[Record]) -> dict[str, list[Record]]:
    codes = [_draw(r).game.code for r in records]
    if codes and codes.count(codes[0]) == len(codes):  # the usual input: one game
        return {codes[0]: records}
    out: dict[str, list[Record]] = {}
    for code, record in zip(codes, records, strict=True):
        out.setdefault(code, []).append(record)
    return out


def _by_issue(records: Iterable[Record]) -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = {}
    for record in records:
        out.setdefault(_draw(record).issue, []).append(record)
    return out


def _in_issue_order(records: list[Record]) -> list[Record]:
    """Records in issue order; records of one issue in input order."""
    keys = [_draw(r).issue_key for r in records]
    return [records[k] for k in sorted(range(len(keys)), key=keys.__getitem__)]


def _conflicts(game: Game, issues: dict[str, list[Record]]) -> list[Finding]:
    out: list[Finding] = []
    for issue, group in issues.items():
        if len(group) == 1:
            continue  # the usual issue: one record
        drawn = [_draw(r) for r in group]
        results = {d.numbers for d in drawn}
        dates = {d.date for d in drawn if d.date is not None}
        if len(results) > 1 or len(dates) > 1:
            what = "results" if len(results) > 1 else "dates"
            shown = "; ".join(
                f"{str(d).split(' ', 2)[2]} ({place(r)})" for r, d in zip(group, drawn, strict=True)
            )
            out.append(
                Finding(
                    "error",
                    "conflict",
                    game.code,
                    issue,
                    ", ".join(dict.fromkeys(place(r) for r in group)),
                    f"{game.name} {issue} has different {what}: {shown}",
                ),
            )
    return out


def _holes(game: Game, keys: list[tuple[int, int]], records: list[Record]) -> list[Finding]:
    """An issue number skipped within a year, or the first ones of a year after another.

    Looked at only where the number does not step by one within a year (and at
    the first issue): the rest of a history is proven at once.
    """
    if not keys:
        return []
    years = list(map(_YEAR, keys))
    numbers = list(map(_NUMBER, keys))
    steps = map(operator.ne, map(operator.sub, numbers[1:], numbers), itertools.repeat(1))
    turns = map(operator.ne, years[1:], years)
    places = [0, *(k + 1 for k in positions(map(operator.or_, steps, turns)))]
    known = set(years)
    out: list[Finding] = []
    for k in places:
        year, number = keys[k]
        previous = keys[k - 1] if k else None
        if previous is not None and previous[0] == year and number > previous[1] + 1:
            low, high = previous[1] + 1, number - 1
        elif (previous is None or previous[0] != year) and number > 1 and year - 1 in known:
            low, high = 1, number - 1
        else:
            continue
        first = game.issue_text(year, low)
        last = game.issue_text(year, high)
        span = first if low == high else f"{first}–{last}"
        out.append(
            Finding(
                "warning",
                "hole",
                game.code,
                first,
                place(records[k]),
                f"{game.name}: issue {span} missing ({high - low + 1}) before"
                f" {game.issue_text(year, number)}; numbers never skip: the source has a hole",
            ),
        )
    return out


def _date_order(game: Game, firsts: list[Record]) -> list[Finding]:
    """Dates rise with the issue: looked at only where one does not."""
    dated = [(r, d) for r, d in zip(firsts, map(_draw, firsts), strict=True) if d.date is not None]
    dates = [d.date for _, d in dated]
    out: list[Finding] = []
    for k in positions(map(operator.le, dates[1:], dates)):  # type: ignore[arg-type]
        (_, before), (record, after) = dated[k], dated[k + 1]
        out.append(
            Finding(
                "error",
                "date-order",
                game.code,
                after.issue,
                place(record),
                f"{game.name} {after.issue} is dated {after.date}, not after"
                f" {before.issue} ({before.date}): dates must rise with the issue",
            ),
        )
    return out


def _stuck_length(game: Game) -> int:
    """The shortest run of identical results that is too unlikely to be real."""
    edition = game.editions[-1]
    outcomes = 1
    for zone in edition.zones:
        outcomes *= zone.values**zone.size if zone.positional else math.comb(zone.values, zone.size)
    return 1 + math.ceil(math.log(1 / STUCK_CHANCE) / math.log(outcomes))


def _stuck(game: Game, firsts: list[Record]) -> list[Finding]:
    """The same result too many times in a row: looked at only if results repeat enough."""
    least = _stuck_length(game)
    numbers = [_draw(r).numbers for r in firsts]
    if list(map(operator.eq, numbers[1:], numbers)).count(True) < least - 1:
        return []  # not even that many repeats in the whole history: no run is long enough
    out: list[Finding] = []
    start = 0
    for k in range(1, len(firsts) + 1):
        if k < len(firsts) and numbers[k] == numbers[start]:
            continue
        if k - start >= least:
            run = firsts[start:k]
            first, last = _draw(run[0]), _draw(run[-1])
            out.append(
                Finding(
                    "error",
                    "stuck",
                    game.code,
                    first.issue,
                    f"{place(run[0])} … {run[-1].where}",
                    f"{game.name} {first.issue}–{last.issue}: the same result"
                    f" {str(first).split(' ', 2)[2]} {len(run)} times in a row; a failed scrape?",
                ),
            )
        start = k
    return out
