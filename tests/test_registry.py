"""The registry matches the game modules one to one, and every name resolves."""

from __future__ import annotations

import pathlib
import re

import pytest

import lottery
from lottery import registry
from lottery.games import dlt, fc3d, hd15x5, kl8, pl3, pl5, qlc, qxc, ssq


def test_registry_matches_the_modules() -> None:
    folder = pathlib.Path(lottery.__file__).parent / "games"
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert modules == {"qxc", "pl3", "pl5", "ssq", "fc3d", "hd15x5", "dlt", "qlc", "kl8"}
    assert [g.code for g in lottery.games()] == [
        "qxc",
        "pl3",
        "pl5",
        "ssq",
        "3d",
        "15x5",
        "dlt",
        "qlc",
        "kl8",
    ]
    assert [m.GAME for m in (qxc, pl3, pl5, ssq, fc3d, hd15x5, dlt, qlc, kl8)] == list(
        lottery.games()
    )


def test_names_are_unique() -> None:
    seen: dict[str, str] = {}
    for game in lottery.games():
        for name in {game.code, game.name, *game.aliases}:
            key = name.casefold()
            assert seen.setdefault(key, game.code) == game.code, name


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("七星彩", "qxc"),
        ("7星彩", "qxc"),
        ("qxc", "qxc"),
        ("排列3", "pl3"),
        ("排列三", "pl3"),
        ("pls", "pl3"),
        ("PL3", "pl3"),
        ("排列5", "pl5"),
        ("排列五", "pl5"),
        ("plw", "pl5"),
        ("双色球", "ssq"),
        ("SSQ", "ssq"),
        ("3D", "3d"),
        ("福彩3D", "3d"),
        ("fc3d", "3d"),
        ("３Ｄ", "3d"),
        (" 福彩3d ", "3d"),
        ("15选5", "15x5"),
        ("华东15选5", "15x5"),
        ("15X5", "15x5"),
    ],
)
def test_get_game(name: str, code: str) -> None:
    assert lottery.get_game(name).code == code
    assert lottery.get_game(lottery.get_game(name)) is lottery.get_game(name)


@pytest.mark.parametrize("name", ["乐透", "", "ssq2", "双色", "排列4"])
def test_unknown_game(name: str) -> None:
    with pytest.raises(lottery.UnknownGame) as info:
        lottery.get_game(name)
    assert isinstance(info.value, ValueError)
    assert repr(name) in str(info.value)


def test_non_str_name() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        lottery.get_game(3)  # type: ignore[arg-type]


def test_game_facts() -> None:
    """What each game states about itself, from docs/sources.md."""
    facts = {
        # code: (operator, issue format, weekdays (Mon=0), editions)
        "qxc": ("体彩", "YYNNN", (1, 4, 6), ["original", "2020"]),
        "pl3": ("体彩", "YYNNN", tuple(range(7)), ["original"]),
        "pl5": ("体彩", "YYNNN", tuple(range(7)), ["original"]),
        "ssq": ("福彩", "YYYYNNN", (1, 3, 6), ["original", "2026"]),
        "3d": ("福彩", "YYYYNNN", tuple(range(7)), ["original"]),
        "15x5": ("福彩", "YYYYNNN", tuple(range(7)), ["original"]),
    }
    for code, (operator, issue_format, weekdays, editions) in facts.items():
        game = lottery.get_game(code)
        assert (game.operator, game.issue_format, game.draw_weekdays) == (
            operator,
            issue_format,
            weekdays,
        )
        assert [e.name for e in game.editions] == editions
        assert game.doc.startswith(game.doc.splitlines()[0]) and "(" in game.doc.splitlines()[0]
        for edition in game.editions:
            for tier in edition.tiers:
                assert re.search(r"\[[OS]-", tier.source), (code, tier.name)


def test_games_pickle_to_the_same_object() -> None:
    import pickle

    game = lottery.get_game("ssq")
    assert pickle.loads(pickle.dumps(game)) is game
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    assert pickle.loads(pickle.dumps(draw)) == draw


def test_registry_is_read_only() -> None:
    with pytest.raises(TypeError):
        registry.GAMES["x"] = lottery.get_game("ssq")  # type: ignore[index]
