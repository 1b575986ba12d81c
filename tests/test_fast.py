"""The fast lane for plain single bets agrees with the general path, always."""

from __future__ import annotations

import pytest
from brute import lane_and_check
from hypothesis import given
from hypothesis import strategies as st

import lottery
import lottery.batch
from lottery import strategies as lst
from lottery._fast import shape_reader, single_scorer

GAMES = [g.code for g in lottery.games()]


def _general(draw: lottery.Draw, line: str) -> tuple[tuple[str, ...], int] | None:
    try:
        ticket = lottery.parse_ticket(draw.game, line, issue=draw.issue)
        result = lottery.check(ticket, draw)
    except lottery.LotteryError:
        return None
    return tuple(w.tier for w in result.wins for _ in range(w.count)), ticket.multiple


def _agree(draw: lottery.Draw, line: str) -> None:
    scorer = single_scorer(draw)
    if scorer is None:
        return
    fast = scorer(line)
    if fast is None:
        return  # the general path decides, and explains
    general = _general(draw, line)
    assert general is not None, line
    tiers, times = fast
    assert (tiers, times) == general, line
    assert lottery.parse_ticket(draw.game, line, issue=draw.issue).bets == 1


def _variants(text: str) -> list[str]:
    return [
        text,
        text + "\n",
        text + "\r\n",
        "  " + text + "  ",
        text.replace(" + ", "+"),
        text.replace(" ", "  "),
        text.replace(" ", ","),
        text + " x7",
        text + " X12",
        text + " x0",
        text + " x100",
        text + " x٣",
        text.replace("0", "٠"),
        text[:-1],
        text + "1",
        "0" + text,
    ]


@pytest.mark.parametrize("code", GAMES)
@given(data=st.data())
def test_fast_lane_agrees_on_singles_and_their_variants(code: str, data: st.DataObject) -> None:
    draw = data.draw(lst.draws(game=code))
    ticket = data.draw(lst.tickets(game=code, form="单式"))
    for line in _variants(str(ticket)):
        _agree(draw, line)


@pytest.mark.parametrize("code", GAMES)
@given(data=st.data())
def test_fast_lane_agrees_on_noise(code: str, data: st.DataObject) -> None:
    draw = data.draw(lst.draws(game=code))
    line = data.draw(st.text(alphabet="0123456789 +x,|#\n\t", max_size=40))
    _agree(draw, line)


def test_fast_lane_examples() -> None:
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    scorer = single_scorer(draw)
    assert scorer is not None
    assert scorer("02 05 07 08 20 33 + 04 x5") == (("三等奖",), 5)
    assert scorer("02 05 07 08 20 20 + 04") is None  # a repeat: the general path explains
    assert scorer("01 02 05 07 08 20 27 + 04") is None  # a 复式: the general path counts
    qxc = lottery.parse_draw("qxc", "560021 + 12", issue="20101")
    wide = single_scorer(qxc)
    assert wide is not None  # a wide back number is read like any other
    assert wide("560021 + 12 x2") == (("一等奖",), 2)
    assert wide("560021 + 7") == (("二等奖",), 1)
    assert wide("5600217") == (("二等奖",), 1)  # glued: the back is one digit


def _plain_singles() -> st.SearchStrategy[tuple[lottery.Ticket, lottery.Draw]]:
    """Every game's plain single bets (the standard play, 单式) with draws of their edition."""
    return lst.games().flatmap(
        lambda g: lst.matches(game=g, form="单式", play=g.default_play.name),
    )


@given(_plain_singles())
def test_every_plain_single_bet_takes_the_fast_lane(
    pair: tuple[lottery.Ticket, lottery.Draw],
) -> None:
    """Fails if the fast lane is switched off or skips a game, an edition or a number."""
    ticket, draw = pair
    scorer = single_scorer(draw)
    assert scorer is not None, draw
    line = str(ticket)
    fast = scorer(line)
    assert fast is not None, line
    result = lottery.check(ticket, draw)
    assert fast == (tuple(w.tier for w in result.wins for _ in range(w.count)), ticket.multiple)


def test_check_many_uses_the_fast_lane(monkeypatch: pytest.MonkeyPatch) -> None:
    """check_many's tally of plain singles comes from the fast lane."""
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    lines = ["02 05 07 08 20 33 + 04 x5", "01 03 06 09 10 11 + 05"]
    parsed = []
    real = lottery.batch.parse_ticket

    def spy(*args: object, **kwargs: object) -> lottery.Ticket:
        parsed.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lottery.batch, "parse_ticket", spy)
    tally = lottery.check_many(lines, [draw])
    assert dict(tally.wins) == {"三等奖": 5}
    assert parsed == []  # no line went down the general path


@pytest.mark.parametrize(
    "line",
    [
        "02 08 11 16 23 + 02 07 追加",
        "02 08 11 16 23 + 02 07 x3 追加",
        "02 08 11 16 23 + 02 07 追加 x3",
        "02 08 11 16 30 + 02 09\t追加  ",
        "02 08 11 16 30 + 02 09追加",
        "02 08 11 16 30 + 02 09 追加追加",
        "02 08 11 16 30 + 02 09 追加 追加",
        "02 08 11 16 30 + 02 09 x2",
    ],
)
def test_the_addon_lane_agrees_with_check(line: str) -> None:
    draw = lottery.parse_draw("dlt", "02 08 11 16 23 + 02 07", issue="21102")
    fast, expected = lane_and_check(draw, line)
    if "追加" in line and line.count("追加") == 1 and " 追加" in line.replace("\t", " "):
        assert fast == expected  # the plain forms take the lane


def _multi_bets() -> st.SearchStrategy[tuple[lottery.Ticket, lottery.Draw]]:
    """复式 and 胆拖 of every game's own play, with draws of their edition."""
    return st.tuples(lst.games(), st.sampled_from(["复式", "胆拖"])).flatmap(
        lambda gf: lst.matches(game=gf[0], form=gf[1], play=gf[0].default_play.name)
    )


@given(_multi_bets(), st.integers(1, 3))
def test_every_multi_bet_has_a_shape(pair: tuple[lottery.Ticket, lottery.Draw], times: int) -> None:
    """Fails if the shape lane is switched off or skips a game, a form or a zone."""
    ticket, draw = pair
    reader = shape_reader(draw)
    if draw.game.fast_lane is not None or draw.game.play_required:
        assert reader is None  # 快乐8: its plays are read in full
        return
    assert reader is not None, draw
    line = str(ticket) + (f" x{times}" if ticket.multiple == 1 else "")
    shape = reader(line)
    assert shape is not None, line
    _, text, multiple = shape
    assert multiple == lottery.parse_ticket(draw.game, line, issue=draw.issue).multiple
    assert lottery.parse_ticket(draw.game, text, issue=draw.issue).multiple == 1


@given(st.data())
def test_one_shape_one_result(data: st.DataObject) -> None:
    """Two valid lines with one shape win alike in the draw (what the tally relies on)."""
    game = data.draw(lst.games())
    draw = data.draw(lst.draws(game=game))
    reader = shape_reader(draw)
    if reader is None:
        return
    seen: dict[tuple[int, ...], tuple[int, tuple[lottery.Win, ...]]] = {}
    for ticket in data.draw(st.lists(lst.tickets(game=game, max_bets=5000), max_size=20)):
        line = str(ticket)
        try:
            mine = lottery.parse_ticket(game, line, issue=draw.issue)
            result = lottery.check(mine, draw)
        except lottery.LotteryError:
            continue
        shape = reader(line)
        if shape is None:
            continue
        key, _, times = shape
        assert times == result.multiple
        outcome = (result.bets, result.wins)
        assert seen.setdefault(key, outcome) == outcome, line


@pytest.mark.parametrize("code", GAMES)
@given(data=st.data())
def test_shapes_are_only_given_to_valid_looking_lines(code: str, data: st.DataObject) -> None:
    """A line with a repeat, an unknown token or a misplaced 胆 has no shape."""
    draw = data.draw(lst.draws(game=code))
    reader = shape_reader(draw)
    if reader is None:
        return
    bad = data.draw(lst.invalid_tickets(game=code))
    shape = reader(bad.text)
    if shape is not None:  # only counts or limits can be wrong: the full reader decides
        with pytest.raises(lottery.LotteryError):
            lottery.parse_ticket(draw.game, shape[1], issue=draw.issue)


def test_check_many_reads_each_shape_and_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """复式, 胆拖 and other plays' lines are read in full once per shape or text; fails if off."""
    parsed: list[str] = []
    real = lottery.batch.parse_ticket

    def spy(game: object, text: str, **kwargs: object) -> lottery.Ticket:
        parsed.append(text)
        return real(game, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lottery.batch, "parse_ticket", spy)
    ssq = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    lines = [  # one shape: 8 red of which 1 drawn, 2 blue of which none
        f"01 03 {n:02d} 09 10 11 12 13 + 05 06" for n in (2, 5, 7, 8, 20, 27)
    ] * 50 + ["01 # 03 04 06 09 10 11 + 05"] * 100
    tally = lottery.check_many(lines, [ssq], keep_winners=0)
    assert tally.tickets == 400
    assert len(parsed) == 2
    pl3 = lottery.parse_draw("pl3", "161", issue="19048")
    parsed.clear()
    lines = ["组选3 116", "组选6 123 x2", "组选3 116"] * 100
    tally = lottery.check_many(lines, [pl3], keep_winners=0)
    assert (tally.tickets, dict(tally.wins)) == (300, {"组选3": 200})
    assert len(parsed) == 2
