"""lottery.strategies, tested the way hypothesis tests its own strategies."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import lottery
from lottery import news, validate
from lottery import strategies as lst

TIERS = [
    (game.code, edition.name, tier)
    for game in lottery.games()
    for edition in game.editions
    for tier in dict.fromkeys(
        name
        for play in game.plays
        if not hasattr(play, "reason")
        for name in play.tier_names(edition)
    )
]


def minimal(strategy: st.SearchStrategy, condition=lambda _: True):
    return find(strategy, condition, settings=settings(max_examples=2000, database=None))


# --- every generated value is valid --------------------------------------------------------


@given(lst.draws())
def test_draws_validate(draw: lottery.Draw) -> None:
    assert lottery.parse_draw(draw.game, str(draw)) == draw
    report = validate.validate_draws([draw])
    assert report.errors == ()


@given(lst.tickets())
def test_tickets_round_trip(ticket: lottery.Ticket) -> None:
    assert lottery.parse_ticket(ticket.game, str(ticket)) == ticket
    assert ticket.bets >= 1


@given(lst.issues())
def test_issues_are_official(issue: str) -> None:
    games = [g for g in lottery.games() if len(issue) == g.issue_digits]
    assert games
    assert all(g.parse_issue(issue) == issue for g in games)


@given(st.data())
def test_issues_of_a_game(data: st.DataObject) -> None:
    game = data.draw(lst.games())
    issue = data.draw(lst.issues(game=game))
    assert game.parse_issue(issue) == issue


@pytest.mark.parametrize("form", ["单式", "复式", "胆拖"])
@given(data=st.data())
def test_forms(form: str, data: st.DataObject) -> None:
    ticket = data.draw(lst.tickets(game=st.sampled_from(["ssq", "15x5"]), form=form))
    assert ticket.form == form


@pytest.mark.parametrize(
    ("code", "play"), [(g.code, r.name) for g in lottery.games() for r in g.refused]
)
@given(data=st.data())
def test_a_refused_play_has_no_strategy(code: str, play: str, data: st.DataObject) -> None:
    with pytest.raises(InvalidArgument, match="is not supported"):
        data.draw(lst.tickets(game=code, play=play))


@pytest.mark.parametrize(
    ("code", "play"), [(g.code, p.name) for g in lottery.games() for p in g.plays]
)
@given(data=st.data())
def test_every_play_is_generated(code: str, play: str, data: st.DataObject) -> None:
    ticket = data.draw(lst.tickets(game=code, play=play))
    assert ticket.play == play
    assert lottery.parse_ticket(code, str(ticket)) == ticket


@given(lst.announcement_lines())
def test_announcement_lines_read_back(line: str) -> None:
    (draw,) = news.extract(line)
    assert draw.game in lottery.games()


@given(st.data())
def test_announcement_lines_are_the_draw(data: st.DataObject) -> None:
    game = data.draw(lst.games())
    line, expected = data.draw(lst._announcement(game))
    (draw,) = news.extract(line)
    assert (draw.game, draw.issue, draw.numbers) == (
        expected.game,
        expected.issue,
        expected.numbers,
    )


@given(lst.invalid_tickets())
def test_invalid_tickets_are_invalid(bad: lst.InvalidTicket) -> None:
    with pytest.raises(lottery.LotteryError):
        lottery.parse_ticket(bad.game, bad.text)
    assert bad.reason


@pytest.mark.parametrize("code", ["dlt", "qlc", "kl8"])
@given(data=st.data())
def test_invalid_tickets_of_the_national_games(code: str, data: st.DataObject) -> None:
    bad = data.draw(lst.invalid_tickets(game=code))
    with pytest.raises(lottery.LotteryError):
        lottery.parse_ticket(code, bad.text)


# --- every tier is reachable -----------------------------------------------------------------


@pytest.mark.parametrize(("code", "edition", "tier"), TIERS)
def test_every_tier_of_every_edition_is_reachable(code: str, edition: str, tier: str) -> None:
    def wins(pair: tuple[lottery.Ticket, lottery.Draw]) -> bool:
        ticket, draw = pair
        return any(w.tier == tier for w in lottery.check(ticket, draw).wins)

    game = lottery.get_game(code)
    plays = [p.name for p in game.plays if tier in p.tier_names(game.edition_named(edition))]
    strategy = lst.matches(game=code, edition=edition, play=st.sampled_from(plays), max_bets=500)
    _, draw = find(
        strategy,
        wins,
        settings=settings(
            max_examples=20_000,
            database=None,
            phases=[Phase.generate],  # found is enough: no need to shrink
            suppress_health_check=list(HealthCheck),
        ),
    )
    assert draw.edition.name == edition


# --- shrinking -------------------------------------------------------------------------------


def test_minimal_examples() -> None:
    assert minimal(lst.games()).code == "qxc"
    assert str(minimal(lst.tickets(game="ssq"))) == "01 02 03 04 05 06 + 01"
    assert str(minimal(lst.tickets(game="ssq", form="复式"))) == "01 02 03 04 05 06 07 + 01"
    assert str(minimal(lst.tickets(game="ssq", form="胆拖"))) == "01 # 02 03 04 05 06 07 + 01"
    assert str(minimal(lst.tickets(game="pl3", play="直选"))) == "000"
    assert str(minimal(lst.tickets(game="3d", play="组选6"))) == "组选6 012"
    assert str(minimal(lst.tickets(game="3d", play="猜奇偶"))) == "猜奇偶 偶"
    assert str(minimal(lst.draws(game="ssq"))) == "双色球 第2003001期 01 02 03 04 05 06 + 01"
    assert str(minimal(lst.draws(game="qxc", edition="2020"))) == "七星彩 第20100期 000000 + 0"
    assert str(minimal(lst.draws())) == "排列3 第03001期 000"  # the fewest, lowest numbers
    assert minimal(lst.issues(game="pl5")) == "03001"
    assert minimal(lst.tickets(game="ssq"), lambda t: t.multiple > 1).multiple == 2
    assert (
        str(minimal(lst.tickets(game="ssq"), lambda t: t.bets > 1)) == "01 02 03 04 05 06 07 + 01"
    )
    bad = minimal(lst.invalid_tickets(game="ssq"))
    assert (bad.text, bad.reason) == ("34 02 03 04 05 06 + 01", "a number out of range")


# --- arguments -------------------------------------------------------------------------------------


@given(st.data())
def test_game_takes_a_code_a_game_or_a_strategy(data: st.DataObject) -> None:
    ssq = lottery.get_game("ssq")
    for game in ("ssq", "双色球", ssq, st.just(ssq), st.just("ssq")):
        assert data.draw(lst.draws(game=game)).game is ssq


@pytest.mark.parametrize(
    "make",
    [
        lambda: lst.draws(game="lotto"),
        lambda: lst.tickets(game=3),
        lambda: lst.tickets(game="ssq", form="七式"),
        lambda: lst.tickets(game="ssq", play="组选3"),
        lambda: lst.tickets(max_bets=0),
        lambda: lst.draws(game="ssq", edition="1999"),
    ],
)
def test_bad_arguments(make) -> None:
    with pytest.raises(InvalidArgument):
        minimal(make())


def test_from_type() -> None:
    lst._hypothesis_setup_hook()

    @given(st.from_type(lottery.Draw), st.from_type(lottery.Ticket), st.from_type(lottery.Game))
    def check(draw: lottery.Draw, ticket: lottery.Ticket, game: lottery.Game) -> None:
        assert isinstance(draw, lottery.Draw)
        assert isinstance(ticket, lottery.Ticket)
        assert game in lottery.games()

    check()


def test_entry_point_is_installed() -> None:
    from importlib.metadata import entry_points

    (hook,) = [e for e in entry_points(group="hypothesis") if e.value.startswith("lottery.")]
    assert hook.value == "lottery.strategies:_hypothesis_setup_hook"


def test_strategies_import_first_in_a_fresh_interpreter() -> None:
    """Importing lottery.strategies imports hypothesis, which runs our entry point."""
    code = (
        "from lottery import strategies as lst; from hypothesis import strategies as st;"
        "import lottery; print(type(st.from_type(lottery.Draw).example()).__name__)"
    )
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "Draw"


def test_import_lottery_does_not_import_hypothesis() -> None:
    code = "import sys, lottery, lottery.news, lottery.validate, lottery.cli; print('hypothesis' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_without_hypothesis_the_import_error_names_the_extra() -> None:
    """A finder that hides hypothesis stands for an environment without the test extra."""
    code = (
        "import sys, importlib.abc\n"
        "class Hide(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'hypothesis' or name.startswith('hypothesis.'):\n"
        "            raise ModuleNotFoundError(name=name)\n"
        "sys.meta_path.insert(0, Hide())\n"
        "try:\n"
        "    import lottery.strategies\n"
        "except ImportError as error:\n"
        "    print(type(error).__name__, error)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("ImportError ")
    assert "pip install 'lottery[test]'" in out


def test_dir_lists_only_the_api() -> None:
    assert dir(lottery) == sorted(lottery.__all__)
