"""A game's own checks run through one hook, and generic code never names a game."""

from __future__ import annotations

from lottery import registry, validate
from lottery.findings import CHECK_KINDS, GameChecks, place
from lottery.records import Record


def test_every_game_has_checks_and_their_kinds_are_known() -> None:
    for game in registry.games():
        checks = registry.checks(game)
        assert isinstance(checks, GameChecks)
        assert set(checks.kinds) <= set(validate.FINDING_KINDS)
        assert not set(checks.kinds) & set(CHECK_KINDS)
        assert set(checks.tier_kinds.values()) <= set(checks.kinds)


def test_a_game_checks_its_own_records() -> None:
    """排列3's own check reads the 排列5 draw a sports-lottery record carries in its extras."""
    report = validate.validate_text(
        '{"lotteryGameNum": "35", "lotteryDrawNum": "25200", "lotteryDrawResult": "2 1 1",'
        ' "lotteryUnsortDrawresult": "2 1 3 2 9"}'
    )
    (finding,) = [f for f in report.findings if f.kind == "pl3-pl5"]
    assert (finding.severity, finding.game, finding.issue) == ("error", "pl3", "25200")
    assert "own 排列5 draw is 21329" in finding.message


def test_a_game_summarises_what_held() -> None:
    report = validate.validate_text("排列3 第19048期 161\n排列5 第19048期 16170")
    assert report.agreements == (
        "排列3 19048 (161) agrees with 排列5 19048 (16170): its first three digits.",
    )
    assert validate.validate_text("双色球 第2019021期 02 05 07 08 20 27 + 04").agreements == ()


def test_place() -> None:
    assert place(Record("a.json", "record 3 (2019021)")) == "a.json, record 3 (2019021)"


def test_feed_names_come_from_the_games() -> None:
    assert registry.feed_game("sporttery", "35") is registry.get_game("pl3")
    assert registry.feed_game("cwl", "ssq") is registry.get_game("ssq")
    assert registry.feed_game("sporttery", "99") is None
