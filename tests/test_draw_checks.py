"""lottery.draw_checks: the chunk proof (``suspects``) against the checks one record at a time."""

from __future__ import annotations

import datetime
import pathlib
from collections.abc import Iterator
from decimal import Decimal
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lottery import draw_checks, validate
from lottery import strategies as lst
from lottery.exceptions import LotteryError
from lottery.model import Draw
from lottery.records import TEST_NUMBER, Record
from lottery.registry import get_game
from lottery.rules import Game

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
T = TypeVar("T")


@pytest.fixture
def one_at_a_time() -> Iterator[None]:
    draw_checks.ENABLED = False
    try:
        yield
    finally:
        draw_checks.ENABLED = True


def _mostly(clean: T, faulty: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """``clean`` nine times in ten: a record has a fault or two, not every one."""
    return st.integers(0, 9).flatmap(lambda k: faulty if k == 0 else st.just(clean))


@st.composite
def _issue(draw: st.DrawFn, game: Game) -> str:
    """An issue of the game, now and then past its draw days (a number the check warns of)."""
    year = draw(st.integers(2003, 2030))
    most = game.issues_per_year
    number = draw(st.integers(most - 1, most + 2) | st.integers(1, 3))
    return game.issue_text(year, number)


@st.composite
def _date(draw: st.DrawFn, year: int) -> datetime.date | None:
    """No date, or any day around the issue's year (wrong years and weekdays too).

    Early October now and then: 快乐8 does not draw in the National Day break.
    """
    if draw(st.booleans()):
        return None
    if draw(st.booleans()):
        return datetime.date(year, 10, draw(st.integers(1, 6)))
    start = datetime.date(year - 1, 12, 20)
    return start + datetime.timedelta(days=draw(st.integers(0, 390)))


@st.composite
def _draw_day(draw: st.DrawFn, game: Game, year: int) -> datetime.date | None:
    """No date, or a day of ``year`` the game draws on (an issue's usual date)."""
    if draw(st.booleans()):
        return None
    day = datetime.date(year, 1, 1) + datetime.timedelta(days=draw(st.integers(0, 364)))
    while day.weekday() not in game.draw_weekdays:
        day -= datetime.timedelta(days=1)
    return day if day.year == year else None


@st.composite
def _prizes(
    draw: st.DrawFn, game: Game, issue: str, shared: dict[tuple[str, int], tuple[str, Decimal]]
) -> tuple[tuple[str, Decimal], ...]:
    """Announced prizes: fixed tiers mostly at their amount, floating ones anything.

    Pairs of one value are one object now and then, as the table reader shares them.
    """
    edition = game.edition(issue)
    if draw(st.booleans()):
        return ()
    tiers = draw(st.lists(st.sampled_from(edition.tiers), unique=True, max_size=4))
    out = []
    for tier in tiers:
        if tier.by_pool or tier.name == edition.period_tier:
            continue  # the pool's tables and the period are the draw's to settle
        base = int(tier.prize) if tier.prize is not None else draw(st.integers(5, 9))
        value = base + draw(_mostly(0, st.sampled_from([1, -1])))
        if value <= 0:
            continue
        pair = shared.setdefault((tier.name, value), (tier.name, Decimal(value)))
        out.append(pair if draw(st.booleans()) else (tier.name, Decimal(value)))
    return tuple(out)


@st.composite
def _record(
    draw: st.DrawFn, game: Game, shared: dict[tuple[str, int], tuple[str, Decimal]]
) -> Record:
    """A record with a draw of ``game``, and everything a check looks at, mostly right."""
    base = draw(lst.draws(game=game))
    issue = draw(_mostly(base.issue, _issue(game)))
    key = game.issue_key(issue)
    usual = base.date if issue == base.issue else draw(_draw_day(game, key[0]))
    try:
        made = Draw(
            game,
            issue,
            base.numbers,
            draw(_mostly(usual, _date(key[0]))),
            draw(_prizes(game, issue, shared)),
        )
    except LotteryError:
        made = base  # numbers or tiers the issue's rules do not have: the draw as it was
    numbers = made.numbers
    size = made.edition.zones[0].size
    printed = draw(
        st.sampled_from([numbers, tuple(numbers), None, ()])
        | _mostly(numbers, st.permutations(numbers).map(tuple))
    )
    order = draw(
        st.none()
        | st.permutations(numbers[:size]).map(tuple)
        | _mostly(
            tuple(numbers[:size]),
            st.lists(st.integers(0, 40), min_size=size - 1, max_size=size + 1).map(tuple),
        )
    )
    right = "一二三四五六日"[made.date.weekday()] if made.date is not None else None
    weekday = draw(st.none() | _mostly(right, st.sampled_from("一二三四五六日天")))
    extras = draw(
        _mostly(
            (),
            st.tuples(
                st.tuples(
                    st.sampled_from([TEST_NUMBER, "unsorted"]),
                    st.lists(st.integers(0, 9), min_size=2, max_size=8).map(tuple),
                )
            ),
        )
    )
    foreign = draw(_mostly((), st.just((("福运奖", Decimal(5)),))))
    return Record(
        "s",
        "line 1",
        "text",
        game,
        draw=made,
        issue=issue,
        printed=printed,
        order=order,
        weekday=weekday,
        extras=extras,
        foreign=foreign,
    )


@st.composite
def _chunks(draw: st.DrawFn) -> list[Record]:
    """Records of one game (the usual chunk) or several, with records that hold no draw."""
    shared: dict[tuple[str, int], tuple[str, Decimal]] = {}
    games = draw(st.lists(lst.games(), min_size=1, max_size=3))
    rejected = Record("s", "line 2", "bad", None, error="no", kind="invalid")
    records = draw(
        st.lists(
            st.sampled_from(games).flatmap(lambda g: _mostly(g, st.just(None))),
            min_size=1,
            max_size=40,
        )
    )
    return [rejected if game is None else draw(_record(game, shared)) for game in records]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_chunks())
def test_proven_records_have_nothing_to_say(records: list[Record]) -> None:
    found = set(draw_checks.suspects(records))
    for k, record in enumerate(records):
        if k not in found:
            assert validate._check_record(record) == []
    draw_checks.ENABLED = False
    try:
        each = validate._check_records(records)
    finally:
        draw_checks.ENABLED = True
    assert validate._check_records(records) == each


@pytest.mark.parametrize(
    ("name", "game"),
    [("ssq_2003_2020.csv", "ssq"), ("3d_2002_2020.csv", "3d"), ("cwl_3d.json", None)],
)
def test_real_histories_are_proven_a_chunk_at_once(name: str, game: str | None) -> None:
    """Nothing to say of a real history: no record is left to the checks one at a time."""
    spec = f"{game}={FIXTURES / name}" if game else str(FIXTURES / name)
    records = validate.read_file(spec)
    assert records
    assert draw_checks.suspects(records) == []


def test_switched_off_every_record_is_a_suspect(one_at_a_time: None) -> None:
    records = validate.read_file(f"ssq={FIXTURES / 'ssq_2003_2020.csv'}")
    assert draw_checks.suspects(records) == list(range(len(records)))


def test_each_fault_is_a_suspect() -> None:
    """Each thing a check reports makes its record a suspect (and the check reports it)."""
    ssq = get_game("ssq")
    good = Draw(ssq, "2019021", (2, 5, 7, 8, 20, 27, 4), datetime.date(2019, 2, 24))
    bad_prize = Draw(
        ssq, "2019022", (2, 5, 7, 8, 20, 27, 4), datetime.date(2019, 2, 26), (("三等奖", 3001),)
    )
    records = [
        Record("s", "line 1", "t", ssq, draw=good, printed=good.numbers),
        Record("s", "line 2", "t", ssq, draw=good, weekday="一"),  # 2019-02-24 is a Sunday
        Record("s", "line 3", "t", ssq, draw=good, order=(2, 5, 7, 8, 20, 26)),
        Record("s", "line 4", "t", ssq, draw=good, printed=(5, 2, 7, 8, 20, 27, 4)),
        Record("s", "line 5", "t", ssq, draw=bad_prize),
        Record("s", "line 6", "t", ssq, draw=good, order=(27, 20, 8, 7, 5, 2), weekday="日"),
    ]
    assert draw_checks.suspects(records) == [1, 2, 3, 4]
    kinds = [(f.kind, f.where) for f in validate._check_records(records)]
    assert kinds == [
        ("weekday", "s, line 2"),
        ("draw-order", "s, line 3"),
        ("order", "s, line 4"),
        ("prize", "s, line 5"),
    ]


def test_a_wrong_fixed_prize_in_a_column_of_a_floating_tier() -> None:
    """Prize lists of one length, a floating tier's and a fixed one's at one place."""
    ssq = get_game("ssq")
    first = Draw(ssq, "2019021", (2, 5, 7, 8, 20, 27, 4), None, (("一等奖", 5_000_000),))
    third = Draw(ssq, "2019022", (2, 5, 7, 8, 20, 27, 4), None, (("三等奖", 3001),))
    records = [Record("s", f"line {k}", "t", ssq, draw=d) for k, d in enumerate([first, third])]
    assert draw_checks.suspects(records) == [1]


def test_an_issue_past_the_draw_days_and_the_october_break() -> None:
    ssq, kl8 = get_game("ssq"), get_game("kl8")
    late = Draw(ssq, "2019160", (2, 5, 7, 8, 20, 27, 4))  # 159 draw days a year at most
    october = Draw(kl8, "2020270", tuple(range(1, 21)), datetime.date(2020, 10, 2))
    november = Draw(kl8, "2020271", tuple(range(1, 21)), datetime.date(2020, 11, 2))
    records = [Record("s", "line 1", "t", d.game, draw=d) for d in (late, october, november)]
    assert draw_checks.suspects(records) == [0, 1]
    kinds = [f.kind for f in validate._check_records(records)]
    assert kinds == ["issue-number", "break"]
