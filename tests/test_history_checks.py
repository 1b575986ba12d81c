"""lottery.history_checks: the checks across draws, proven a history at once, against brute force."""

from __future__ import annotations

import datetime
import itertools
import math
import operator
from collections.abc import Iterable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from lottery import history_checks
from lottery import strategies as lst
from lottery.findings import Finding, place
from lottery.model import Draw
from lottery.records import Record
from lottery.registry import checks, games, get_game
from lottery.rules import Game

# --- the reference: every check a record at a time, as it was written first ----------


def _brute(records: Sequence[Record]) -> list[Finding]:
    findings: list[Finding] = []
    by_game: dict[str, list[Record]] = {}
    for record in records:
        if record.draw is not None:
            by_game.setdefault(record.draw.game.code, []).append(record)
    histories: dict[str, list[Record]] = {}
    for code, group in by_game.items():
        game = get_game(code)
        issues: dict[str, list[Record]] = {}
        for record in group:
            assert record.draw is not None
            issues.setdefault(record.draw.issue, []).append(record)
        findings.extend(history_checks._conflicts(game, issues))
        keyed = _keyed(rs[0] for rs in issues.values())
        firsts = [r for _, r in keyed]
        findings.extend(_holes(game, keyed))
        findings.extend(_date_order(game, firsts))
        findings.extend(_stuck(game, firsts))
        histories[code] = [r for _, r in _keyed(group)]
    for game in games():
        own = checks(game).history
        if game.code in by_game and own is not None:
            findings.extend(own(histories))
    return findings


def _keyed(records: Iterable[Record]) -> list[tuple[tuple[int, int], Record]]:
    keyed = [(r.draw.issue_key, r) for r in records if r.draw is not None]
    keyed.sort(key=operator.itemgetter(0))
    return keyed


def _holes(game: Game, keyed: list[tuple[tuple[int, int], Record]]) -> list[Finding]:
    out: list[Finding] = []
    years = {key[0] for key, _ in keyed}
    previous: tuple[int, int] | None = None
    for key, record in keyed:
        year, number = key
        if previous is not None and previous[0] == year and number > previous[1] + 1:
            low, high = previous[1] + 1, number - 1
        elif (previous is None or previous[0] != year) and number > 1 and year - 1 in years:
            low, high = 1, number - 1
        else:
            previous = key
            continue
        first, last = game.issue_text(year, low), game.issue_text(year, high)
        span = first if low == high else f"{first}–{last}"
        out.append(
            Finding(
                "warning",
                "hole",
                game.code,
                first,
                place(record),
                f"{game.name}: issue {span} missing ({high - low + 1}) before"
                f" {game.issue_text(year, number)}; numbers never skip: the source has a hole",
            ),
        )
        previous = key
    return out


def _date_order(game: Game, firsts: list[Record]) -> list[Finding]:
    out: list[Finding] = []
    dated = [(r, r.draw) for r in firsts if r.draw is not None and r.draw.date is not None]
    for (_, before), (record, after) in itertools.pairwise(dated):
        if after.date <= before.date:  # type: ignore[operator]
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


def _stuck(game: Game, firsts: list[Record]) -> list[Finding]:
    edition = game.editions[-1]
    outcomes = 1
    for zone in edition.zones:
        outcomes *= zone.values**zone.size if zone.positional else math.comb(zone.values, zone.size)
    least = 1 + math.ceil(math.log(1 / history_checks.STUCK_CHANCE) / math.log(outcomes))
    out: list[Finding] = []
    run: list[Record] = []

    def close() -> None:
        if len(run) >= least:
            first, last = run[0].draw, run[-1].draw
            assert first is not None
            assert last is not None
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

    for record in firsts:
        previous = run[-1].draw if run else None
        if (
            previous is not None
            and record.draw is not None
            and record.draw.numbers == previous.numbers
        ):
            run.append(record)
            continue
        close()
        run = [record]
    close()
    return out


# --- random histories: holes, repeats, conflicts, disorder, stuck runs ------------------


@st.composite
def _history(draw: st.DrawFn, game: Game, source: str) -> list[Record]:
    """A game's history over two or three years, damaged now and then in every way."""
    results = draw(st.lists(lst.draws(game=game).map(lambda d: d.numbers), min_size=1, max_size=3))
    year = draw(st.integers(2021, 2023))
    per_year = draw(st.integers(2, 9))
    out: list[Record] = []
    day = datetime.date(year, 1, 1)
    for y, n in itertools.product(range(year, year + draw(st.integers(1, 3))), range(1, per_year)):
        if draw(st.integers(0, 9)) == 0:
            continue  # a hole
        day += datetime.timedelta(days=draw(st.sampled_from([1, 1, 1, 2, 0, -3])))
        date = None if draw(st.integers(0, 9)) == 0 else day
        for _ in range(draw(st.sampled_from([1, 1, 1, 1, 2]))):  # the issue again, now and then
            numbers = results[draw(st.integers(0, len(results) - 1))]
            record_date = date if draw(st.integers(0, 5)) else datetime.date(y, 12, 31)
            issue = game.issue_text(y, n)
            made = Draw(game, issue, numbers, record_date)
            out.append(Record(source, f"line {len(out) + 1}", "t", game, draw=made, issue=issue))
    if draw(st.booleans()):  # a few out of issue order
        k = draw(st.integers(0, max(len(out) - 2, 0)))
        out[k : k + 2] = out[k : k + 2][::-1]
    return out


@st.composite
def _inputs(draw: st.DrawFn) -> list[Record]:
    codes = draw(st.lists(st.sampled_from(["ssq", "3d", "pl3", "pl5"]), min_size=1, max_size=2))
    parts = [draw(_history(get_game(code), f"s{k}")) for k, code in enumerate(codes)]
    records = [r for part in parts for r in part]
    if len(parts) > 1 and draw(st.booleans()):
        records = draw(st.permutations(records))
    rejected = Record("s", "line 0", "bad", None, error="no", kind="invalid")
    return [rejected, *records] if draw(st.booleans()) else records


@settings(max_examples=300)
@given(_inputs())
def test_the_same_findings_as_record_by_record(records: list[Record]) -> None:
    assert history_checks.across(records) == _brute(records)


def test_a_real_history_has_nothing_to_say() -> None:
    ssq = get_game("ssq")
    records = [
        Record(
            "s",
            f"line {n}",
            "t",
            ssq,
            draw=Draw(ssq, f"2019{n:03d}", (1, 2, 3, 4, 5, n % 28 + 6, 1)),
        )
        for n in range(7, 100)
    ]
    assert history_checks.across(records) == []


def test_a_new_year_that_starts_where_the_old_one_stopped() -> None:
    """2021001–2021003 then 2022004: the number steps by one, but the year's first three are missing."""
    ssq = get_game("ssq")
    issues = ["2021001", "2021002", "2021003", "2022004"]
    records = [
        Record("s", f"line {k}", "t", ssq, draw=Draw(ssq, issue, (1, 2, 3, 4, 5, 6 + k, 1)))
        for k, issue in enumerate(issues, 1)
    ]
    found = history_checks.across(records)
    assert [(f.kind, f.issue, f.where) for f in found] == [("hole", "2022001", "s, line 4")]
    assert found == _brute(records)
