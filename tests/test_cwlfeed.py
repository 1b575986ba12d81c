"""The feed lane gives every record the notice-by-notice reader gives, on any CWL feed."""

from __future__ import annotations

import json
import pathlib
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lottery import _cwlfeed, strategies, validate
from lottery.model import Draw
from lottery.records import Record
from lottery.registry import get_game

FIXTURES = pathlib.Path(__file__).parent / "fixtures"

#: The games of the CWL feed, and the names notices give them.
_NAMES = {"ssq": ("ssq", "双色球"), "3d": ("3d", "3D"), "qlc": ("qlc", "七乐彩"), "kl8": ("kl8",)}
_WEEKDAYS = "一二三四五六日"

#: What a damaged field may hold instead: each a fault some real feed or scrape has.
_DAMAGE: tuple[object, ...] = (
    "",
    " ",
    None,
    7,
    ["1"],
    "x",
    "０",
    "007",
    "-1",
    "1,234",
    "2026-02-30",
    "2026-02-03(九)",
    "2026/02/03",
    "2026000",
    "26001",
    "99",
    "01 02",
    "3e5",
    "1.5",
)


def _numbers(draw: Draw, rng: random.Random) -> tuple[str, str]:
    """The draw's numbers as a notice writes them: first zone, then the rest (maybe unsorted)."""
    zones = draw.edition.zones
    parts = [list(p) for p in draw.zones]
    if rng.random() < 0.2 and not zones[0].positional:
        rng.shuffle(parts[0])  # a draw order where the result belongs
    texts = [",".join(z.fmt(n) for n in p) for z, p in zip(zones, parts, strict=True)]
    return texts[0], ",".join(texts[1:])


@st.composite
def feeds(draw: st.DrawFn) -> tuple[str, list[object]]:
    """A feed of one game, newest first or not, some notices damaged: (game, notices)."""
    code = draw(st.sampled_from(sorted(_NAMES)))
    game = get_game(code)
    draws = draw(st.lists(strategies.draws(game=code), min_size=1, max_size=20))
    rng = random.Random(draw(st.integers(0, 1 << 30)))
    name = draw(st.sampled_from(_NAMES[code]))
    graded = draw(st.booleans())
    out: list[object] = []
    for d in draws:
        red, blue = _numbers(d, rng)
        date = d.date.isoformat() if d.date else "2026-01-01"
        weekday = _WEEKDAYS[d.date.weekday()] if d.date else "四"
        notice: dict[str, Any] = {
            "name": name,
            "code": d.issue,
            "date": f"{date}({weekday})" if rng.random() < 0.7 else date,
            "week": weekday if rng.random() < 0.8 else "",
            "red": red,
            "blue": blue,
            "sales": rng.choice(["0", "", str(rng.randrange(10**9)), str(rng.randrange(10**9))]),
            "poolmoney": rng.choice(["0", "", str(rng.randrange(10**10))]),
            "addmoney": "",
        }
        if graded:
            notice["prizegrades"] = [
                {
                    "type": n,
                    "typenum": str(rng.randrange(50)),
                    "typemoney": str(rng.randrange(9999)),
                }
                for n in range(1, 8)
                if rng.random() < 0.8
            ]
        if code == "ssq" and rng.random() < 0.1:
            notice["fyjMoney"], notice["fyjCount"] = "5", "12"
        if rng.random() < 0.05:
            notice["specialRuleInfo"] = "派奖活动"
        if rng.random() < 0.15:
            notice[rng.choice(["name", "code", "date", "week", "red", "blue", "sales"])] = (
                rng.choice(_DAMAGE)
            )
        if rng.random() < 0.05:
            del notice[rng.choice(["name", "code", "date", "blue"])]
        out.append(notice if rng.random() > 0.03 else rng.choice([[1, 2], "x", 3]))
    if game.code == "ssq" and draw(st.booleans()):
        out.reverse()
    return code, out


def _read(notices: list[object], *, lane: bool, monkeypatch: pytest.MonkeyPatch) -> list[Record]:
    monkeypatch.setattr(_cwlfeed, "ENABLED", lane)
    return validate.read_text(json.dumps({"result": notices}, ensure_ascii=False), source="feed")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(feed=feeds(), chunk=st.sampled_from([1, 2, 5, 1024]))
def test_the_lane_gives_the_general_readers_records(
    feed: tuple[str, list[object]], chunk: int
) -> None:
    _, notices = feed
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(_cwlfeed, "CHUNK", chunk)
        fast = _read(notices, lane=True, monkeypatch=monkeypatch)
        exact = _read(notices, lane=False, monkeypatch=monkeypatch)
    assert fast == exact
    assert [r.text for r in fast] == [r.text for r in exact]
    assert validate.validate(fast).findings == validate.validate(exact).findings


def _count_lane_records(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many records the lane makes, chunk by chunk, from now on."""
    made: list[int] = []
    read = _cwlfeed.read_chunk

    def counting(items: list[object], first: int, source: str) -> list[Record | None]:
        out = read(items, first, source)
        made.append(sum(r is not None for r in out))
        return out

    monkeypatch.setattr(_cwlfeed, "read_chunk", counting)
    return made


def test_the_real_3d_feed_goes_through_the_lane_column_by_column(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = _count_lane_records(monkeypatch)
    columns: list[int] = []
    whole = _cwlfeed._columns

    def counted(*args: Any) -> list[Record | None] | None:
        out = whole(*args)
        columns.append(0 if out is None else sum(r is not None for r in out))
        return out

    monkeypatch.setattr(_cwlfeed, "_columns", counted)
    path = str(FIXTURES / "cwl_3d.json")
    fast = validate.read_file(path)
    assert sum(made) == sum(columns) == len(fast)  # every notice, by columns
    monkeypatch.setattr(_cwlfeed, "ENABLED", False)
    assert validate.read_file(path) == fast


def test_notices_the_lane_leaves_keep_their_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_cwlfeed, "CHUNK", 3)
    good = {"name": "3D", "code": "2026221", "date": "2026-08-19(三)", "red": "2,9,6"}
    notices = [good, {**good, "code": "2026222", "red": "2,9"}, "x", {**good, "code": "2026223"}]
    records = _read(notices, lane=True, monkeypatch=monkeypatch)
    assert [r.where for r in records] == [
        "record 1 (2026221)",
        "record 2 (2026222)",
        "record 3",
        "record 4 (2026223)",
    ]
    assert [r.ok for r in records] == [True, False, False, True]
