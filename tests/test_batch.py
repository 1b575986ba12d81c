"""check_many and the parallel file checker: tallies equal the sum of single checks."""

from __future__ import annotations

import itertools
import pathlib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lottery
import lottery.batch
from lottery import strategies as lst
from lottery._parallel import check_file

DRAW = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")


def _sum_of_checks(items: list[str], draws: list[lottery.Draw]) -> dict[str, object]:
    tickets = bets = total = 0
    wins: dict[str, int] = {}
    rejected = []
    for where, text in enumerate(items, 1):
        if not text.strip() or text.strip().startswith("#"):
            continue
        parsed = {}
        for draw in draws:
            try:
                parsed[draw.edition.name] = lottery.parse_ticket(
                    draw.game, text.strip(), issue=draw.issue
                )
            except lottery.LotteryError:
                continue
        if not parsed:  # no rule edition of these draws can read it
            rejected.append(where)
            continue
        tickets += 1
        for draw in draws:
            ticket = parsed.get(draw.edition.name)
            if ticket is None:
                continue
            try:
                result = lottery.check(ticket, draw)
            except lottery.EditionMismatch:
                continue
            bets += result.bets * result.multiple
            total += result.total
            for win in result.wins:
                wins[win.tier] = wins.get(win.tier, 0) + win.count * result.multiple
    return {"tickets": tickets, "bets": bets, "total": total, "wins": wins, "rejected": rejected}


def _tally(tally: lottery.Tally) -> dict[str, object]:
    return {
        "tickets": tally.tickets,
        "bets": tally.bets,
        "total": tally.total,
        "wins": dict(tally.wins),
        "rejected": [r.where for r in tally.rejected],
    }


lines = st.one_of(
    lst.tickets().map(str),
    lst.invalid_tickets().map(lambda bad: bad.text.replace("\n", " ")),
    st.sampled_from(["", "   ", "# a comment", "#"]),
)


@settings(max_examples=30)
@given(st.data())
def test_tally_is_the_sum_of_single_checks(data: st.DataObject) -> None:
    game = data.draw(lst.games())
    draws = data.draw(st.lists(lst.draws(game=game), min_size=1, max_size=3))
    items = data.draw(
        st.lists(st.one_of(lst.tickets(game=game, max_bets=2000).map(str), lines), max_size=12)
    )
    tally = lottery.check_many(items, draws, game=game)
    assert _tally(tally) == _sum_of_checks(items, draws)
    assert tally.rejected_count == len(tally.rejected)
    assert tally.draws == len(draws)


@settings(max_examples=30)
@given(st.lists(lst.tickets(game="ssq", max_bets=500), max_size=10))
def test_ticket_objects(tickets: list[lottery.Ticket]) -> None:
    tally = lottery.check_many(tickets, [DRAW])
    assert _tally(tally) == _sum_of_checks([str(t) for t in tickets], [DRAW])


def test_winners_and_rejections_are_named_and_capped() -> None:
    items = ["02 05 07 08 20 33 + 04"] * 5 + ["bad"] * 4
    seen = []
    tally = lottery.check_many(
        items, [DRAW], keep_winners=2, keep_rejected=3, on_rejected=seen.append
    )
    assert [w.where for w in tally.winners] == [1, 2]
    assert tally.winners_count == 5
    assert [r.where for r in tally.rejected] == [6, 7, 8]
    assert tally.rejected_count == 4
    assert [r.where for r in seen] == [6, 7, 8, 9]
    assert tally.winners[0].to_dict() == {
        "line": 1,
        "ticket": "02 05 07 08 20 33 + 04",
        "issue": "2019021",
        "tiers": {"三等奖": 1},
        "total": 3000,
    }


def test_not_a_ticket_and_no_draws() -> None:
    tally = lottery.check_many([3, None], [DRAW])  # type: ignore[list-item]
    assert tally.rejected_count == 2
    with pytest.raises(lottery.LotteryError):
        lottery.check_many(["x"], [])
    with pytest.raises(lottery.GameMismatch):
        lottery.check_many(["161"], [DRAW, lottery.parse_draw("pl3", "161", issue="19048")])


def test_a_ticket_of_one_layout_skips_draws_of_the_other() -> None:
    draws = [
        lottery.parse_draw("qxc", "2508750", issue="20099"),
        lottery.parse_draw("qxc", "560021 + 7", issue="20100"),
    ]
    tally = lottery.check_many(["250875 + 0", "2508750"], draws)
    assert tally.tickets == 2
    assert tally.bets == 1 + 2  # the 6+1 ticket only meets the 2020 draw; the plain one both
    assert dict(tally.wins) == {"一等奖": 1}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_the_parallel_checker_agrees(tmp_path: pathlib.Path, encoding: str) -> None:
    rng = random.Random(7)
    rows = []
    for i in range(3000):
        if i % 97 == 0:
            rows.append("不是号码")
        elif i % 89 == 0:
            rows.append("# 注释")
        else:
            reds = " ".join(f"{n:02d}" for n in sorted(rng.sample(range(1, 34), 6)))
            rows.append(f"{reds} + {rng.randint(1, 16):02d}" + (" x3" if i % 7 == 0 else ""))
    path = tmp_path / "tickets.txt"
    path.write_bytes("\r\n".join(rows).encode(encoding))
    seen: list[lottery.Rejected] = []
    parallel = check_file(
        str(path),
        [DRAW],
        game=DRAW.game,
        keep=10_000,
        on_rejected=seen.append,
        workers=3,
        min_size=0,
    )
    assert parallel is not None
    with path.open(encoding=encoding) as handle:
        single = lottery.check_many(handle, [DRAW], keep_winners=10_000, keep_rejected=10_000)
    assert _tally(parallel) == _tally(single)
    assert parallel.winners_count == single.winners_count
    assert [w.where for w in parallel.winners] == [w.where for w in single.winners]
    assert (
        [r.where for r in seen]
        == [r.where for r in single.rejected]
        == [i + 1 for i in range(0, 3000, 97)]
    )


def test_the_best_winners_are_kept_whatever_their_line() -> None:
    """Of many small winners and one big one at the end, the big one is listed first."""
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    lines = ["01 03 06 09 10 11 + 04"] * 2_000 + ["02 05 07 08 20 27 + 01"]  # 六等奖…, 二等奖
    tally = lottery.check_many(lines, [draw], keep_winners=10)
    assert tally.winners_count == 2_001
    assert len(tally.winners) == 10
    assert tally.winners[0].where == 2_001
    assert [w.where for w in tally.winners[1:]] == list(range(1, 10))
    mixed = lottery.check_many(["01 02 03 04 05 06 07 + 04", *lines], [draw], keep_winners=3)
    assert [w.where for w in mixed.winners] == [2_002, 1, 2]  # the general path ranks too


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lottery import strategies as lst  # noqa: E402

_DRAW = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04; 一等奖=5000000", issue="2019021")
_LINES = st.one_of(
    lst.tickets(game="ssq", max_bets=50).map(str),
    st.sampled_from(["oops", "02 05 07 08 20 + 04", "", "# a comment", "02 05 07 08 20 27 + 04"]),
)


@settings(max_examples=60)
@given(st.lists(_LINES, max_size=40), st.lists(st.integers(0, 40), max_size=4), st.integers(1, 6))
def test_tallies_merge_like_one_pass(lines: list[str], cuts: list[int], keep: int) -> None:
    """Any partition of a batch, tallied apart and added, is the tally of the whole."""
    whole = lottery.check_many(lines, [_DRAW], keep_winners=keep, keep_rejected=keep)
    bounds = sorted({0, len(lines), *(c for c in cuts if c <= len(lines))})
    parts = [
        lottery.check_many(
            lines[a:b], [_DRAW], keep_winners=keep, keep_rejected=keep, first_line=a + 1
        )
        for a, b in itertools.pairwise(bounds)
    ]
    merged = sum(parts, lottery.Tally.empty(1, keep=keep))
    assert merged == whole
    assert merged.to_dict() == whole.to_dict()


def test_adding_the_empty_tally_changes_nothing() -> None:
    tally = lottery.check_many(["02 05 07 08 20 27 + 04", "oops"], [_DRAW])
    assert tally + lottery.Tally.empty() == tally
    assert lottery.Tally.empty() + tally == tally


def _variants(text: str) -> list[str]:
    return [text, f"  {text} ", text + " x3", text.replace(" ", "  "), text + " 追加", text + "x"]


@settings(max_examples=40)
@given(data=st.data())
def test_the_lanes_give_the_general_paths_tally(data: st.DataObject) -> None:
    """One draw: the single-bet, shape and text lanes tally exactly as every line read in full."""
    game = data.draw(lst.games())
    draw = data.draw(lst.draws(game=game))
    tickets = data.draw(st.lists(lst.tickets(game=game, max_bets=3000), max_size=8))
    items = [v for t in tickets for v in _variants(str(t))]
    items += data.draw(st.lists(lines, max_size=4))
    items = data.draw(st.permutations(items * 2))  # repeats: the remembered results
    fast = lottery.check_many(items, [draw], keep_winners=5)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lottery.batch, "single_scorer", lambda draw: None)
        slow = lottery.check_many(items, [draw], keep_winners=5)
    assert (fast.tickets, fast.bets, dict(fast.wins), fast.total, fast.pending) == (
        slow.tickets,
        slow.bets,
        dict(slow.wins),
        slow.total,
        slow.pending,
    )
    assert fast.rejected == slow.rejected
    assert fast.winners_count == slow.winners_count
    for a, b in zip(fast.winners, slow.winners, strict=True):
        assert (a.where, a.issue, a.wins, a.total, a.multiple) == (
            b.where,
            b.issue,
            b.wins,
            b.total,
            b.multiple,
        )
        assert lottery.parse_ticket(game, a.ticket, issue=draw.issue) == lottery.parse_ticket(
            game, b.ticket, issue=draw.issue
        )
