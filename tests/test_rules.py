"""The rulebook schema: zones, tiers, editions, plays and games as data."""

from __future__ import annotations

import pickle

import pytest

import lottery
from lottery.plays import StandardPlay
from lottery.rules import Edition, Game, Refusal, Tier, Zone

SSQ = lottery.get_game("ssq")
QXC = lottery.get_game("qxc")


def test_zone_reads_every_written_form() -> None:
    red = SSQ.editions[0].zones[0]
    assert (red.tokens["1"], red.tokens["01"], red.tokens["33"]) == (1, 1, 33)
    assert "001" not in red.tokens
    assert (red.values, red.most, red.digits, red.range_text()) == (33, 20, False, "01–33")
    front = QXC.editions[1].zones[0]
    assert (front.digits, front.most, front.position_name(0)) == (True, 10, "第一位")
    assert Zone("号码", 0, 9, 2, positional=True, width=1).position_name(1) == "号码 position 2"


def test_tier_prize_for_a_value() -> None:
    assert Tier("三等奖", 3000).prize_for(None) == 3000
    table = Tier("和数", None, table=((0, 1040), (1, 345)))
    assert (table.fixed, table.prize_for(1), table.prize_for(5), table.prize_for(None)) == (
        True,
        345,
        None,
        None,
    )
    assert not Tier("一等奖", None).fixed


def test_edition_indexes_its_tiers() -> None:
    edition = SSQ.editions[1]
    assert [t.name for t in edition.tiers_for((3, 0))] == ["福运奖"]
    assert edition.tiers_for((9, 9)) == ()
    assert edition.has_period and not SSQ.editions[0].has_period
    assert edition.known_period is not None
    assert edition.known_period((2026, 14)) is True
    assert edition.known_period((2026, 76)) is None
    with pytest.raises(lottery.ValidationError, match="no tier"):
        edition.tier("七等奖")
    assert repr(edition) == "<Edition 2026 (from 2026014)>"


def test_issue_text_and_parsing_agree() -> None:
    for game in lottery.games():
        text = game.issue_text(2019, 48)
        assert game.parse_issue(text) == text
        assert game.issue_key(text) == (2019, 48)
    assert (QXC.issue_text(2020, 100), SSQ.issue_text(2026, 14)) == ("20100", "2026014")


def test_a_game_is_pickled_by_its_module() -> None:
    for game in lottery.games():
        assert pickle.loads(pickle.dumps(game)) is game
    orphan = Game("x", "X", "X", "none", (), 7, (0,), SSQ.editions, SSQ.plays)
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(orphan)


def test_refused_plays_are_known_by_name_and_say_why() -> None:
    pl3 = lottery.get_game("pl3")
    with pytest.raises(lottery.UnsupportedPlay, match="直选组合胆拖 is not supported"):
        pl3.play("直选组合胆拖")
    with pytest.raises(lottery.InvalidFormat, match="unknown play"):
        pl3.play("组选9")
    refusal = Refusal("某玩法", reason="no rule text")
    error = refusal.error(SSQ, 3)
    assert (error.kind, error.position, str(error)) == (
        "unsupported",
        3,
        "双色球 (ssq): 某玩法 at column 3 is not supported: no rule text",
    )


def test_play_data() -> None:
    """What is the same for every ticket of a play is data, not a method."""
    d3 = lottery.get_game("3d")
    assert d3.play("通选").tiers == ("通选1", "通选2")
    assert d3.play("通选").single_bet
    assert not d3.play("组选3").single_bet
    assert d3.play("组选3").shapes  # every play but the game's own says how it is made
    standard = SSQ.default_play
    assert isinstance(standard, StandardPlay)
    assert standard.shapes == ()
    assert standard.tier_names(SSQ.editions[1])[-1] == "福运奖"
    assert d3.play("猜1D").tier_names(d3.editions[0]) == ("猜1D中1", "猜1D中2", "猜1D中3")


def test_game_play_names_are_longest_first() -> None:
    names = [name for name, _ in lottery.get_game("pl3").play_names]
    assert names == sorted(names, key=len, reverse=True)
    assert "直选组合胆拖" in names  # a refusal is found by name too


def test_editions_differ_in_layout() -> None:
    assert QXC.layouts_differ and not SSQ.layouts_differ
    edition = Edition("x", None, zones=(Zone("号码", 1, 3, 1),), tiers=())
    assert edition.size == 1
