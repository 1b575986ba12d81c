"""The table lane gives every record the general reader gives, on any history."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lottery import _tablelane, strategies, validate
from lottery.model import Draw
from lottery.records import Record
from lottery.registry import games, get_game

FIXTURES = pathlib.Path(__file__).parent / "fixtures"

_TIERS = ("一等奖", "二等奖", "三等奖", "四等奖", "五等奖", "六等奖")

#: What a damaged cell may hold instead: each a fault some real history has.
_DAMAGE = (
    "",
    " 5",
    "x",
    "０",
    "99",
    "-1",
    "5.0",
    "007",
    "2020-02-30",
    '"3"',
    "第2020001期",
    "1,2",
    "2026-13-01",
    "20200",
    "2020000",
    "3e5",
)


def _zones_text(draw: Draw, sep: str) -> str:
    inner = " " if sep == "," else ","
    return "+".join(inner.join(map(zone_fmt, part)) for zone_fmt, part in _fmt_zones(draw))


def _fmt_zones(draw: Draw) -> list[tuple[object, tuple[int, ...]]]:
    return [(z.fmt, part) for z, part in zip(draw.edition.zones, draw.zones, strict=True)]


@st.composite
def histories(draw: st.DrawFn) -> tuple[str, str]:
    """A history of one game in rows under a header: (game code, text), some rows damaged."""
    game = draw(st.sampled_from([g.code for g in games()]))
    rows = draw(st.lists(strategies.draws(game=game), min_size=1, max_size=25))
    sep = draw(st.sampled_from([",", ";", "|", "\t"]))
    layout = draw(st.sampled_from(["numbers", "zones", "digits"]))
    dated = draw(st.booleans())
    own = [n for n, tier in enumerate(_TIERS, 1) if rows[0].edition.has_tier(tier)]
    some = st.sampled_from(own) if own and draw(st.integers(0, 5)) else st.integers(1, 6)
    tiers = draw(st.lists(some, unique=True, max_size=6))
    money = {n: draw(st.booleans()) for n in tiers}
    ordered = draw(st.booleans())
    rest = draw(st.lists(st.sampled_from(["sales", "pool", "pool_before", "note"]), unique=True))
    first = rows[0].edition.zones
    header = ["issue"] + (["date"] if dated else [])
    if layout == "numbers":
        header.append("numbers")
    elif layout == "zones" or len(first) > 1:
        header += [f"red{i}" for i in range(1, first[0].size + 1)]
        if len(first) > 1:
            header += [f"blue{i}" for i in range(1, first[1].size + 1)]
    else:
        header += [f"d{i}" for i in range(1, first[0].size + 1)]
    if ordered:
        header += [f"red{i}a" for i in range(1, first[0].size + 1)]
    for n in tiers:
        header += [f"No{n}"] + ([f"No{n}_M"] if money[n] else [])
    header += rest
    lines = [sep.join(header)]
    for row in rows:
        cells = [row.issue] + ([row.date.isoformat() if row.date else ""] if dated else [])
        if layout == "numbers":
            cells.append(_zones_text(row, sep))
        else:
            cells += [z.fmt(n) if draw(st.booleans()) else str(n) for z, n in _each(row)]
        if ordered:
            part = list(row.zones[0])
            cells += map(str, draw(st.permutations(part)))
        for n in tiers:
            cells.append(str(draw(st.sampled_from([0, 1, 3, 250, 10_000_000]))))
            if money[n]:
                cells.append(str(draw(st.sampled_from([0, 5, 3000, 5_000_000]))))
        cells += [str(draw(st.integers(0, 10**10))) for _ in rest]
        if draw(st.integers(0, 4)) == 0:  # a damaged row
            where = draw(st.integers(0, len(cells) - 1))
            how = draw(st.sampled_from(["cell", "cut", "more", "blank", "comment"]))
            if how == "cell":
                cells[where] = draw(st.sampled_from(_DAMAGE))
            elif how == "cut":
                del cells[where:]
            elif how == "more":
                cells.append("1")
            else:
                lines.append("" if how == "blank" else "# note")
        lines.append(sep.join(cells))
    return game, "\n".join(lines) + "\n"


def _each(draw: Draw) -> list[tuple[object, int]]:
    return [(z, n) for z, part in zip(draw.edition.zones, draw.zones, strict=True) for n in part]


def _count_lane_records(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many records the lane makes, chunk by chunk, from now on."""
    made: list[int] = []
    read = _tablelane.TableLane.read

    def counting(self: _tablelane.TableLane, lines: list[tuple[int, str]], source: str) -> list:
        out = read(self, lines, source)
        made.append(sum(r is not None for r in out))
        return out

    monkeypatch.setattr(_tablelane.TableLane, "read", counting)
    return made


def _read(text: str, game: str, *, lane: bool, monkeypatch: pytest.MonkeyPatch) -> list[Record]:
    monkeypatch.setattr(_tablelane, "ENABLED", lane)
    return validate.read_text(text, source="history.csv", game=game)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=histories(), chunk=st.sampled_from([1, 2, 5, 1024]))
def test_the_lane_gives_the_general_readers_records(history: tuple[str, str], chunk: int) -> None:
    game, text = history
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(_tablelane, "CHUNK", chunk)
        fast = _read(text, game, lane=True, monkeypatch=monkeypatch)
        exact = _read(text, game, lane=False, monkeypatch=monkeypatch)
    assert fast == exact
    assert [r.text for r in fast] == [r.text for r in exact]
    assert validate.validate(fast).findings == validate.validate(exact).findings


@pytest.mark.parametrize(
    ("name", "game"),
    [
        ("ssq_2003_2020.csv", "ssq"),
        ("3d_2002_2020.csv", "3d"),
        ("pl3_2004_2025.csv", "pl3"),
        ("qxc_2004_2026.csv", "qxc"),
        ("pl5_2004_2025.csv", "pl5"),
        ("fc3d.bad.csv", "3d"),
    ],
)
def test_real_histories_go_through_the_lane(
    name: str, game: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every row of a real history is the lane's (a test fails if it is switched off)."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    made = _count_lane_records(monkeypatch)
    records = validate.read_text(text, source=name, game=game)
    assert sum(made) == len(records) > 0
    monkeypatch.setattr(_tablelane, "ENABLED", False)
    assert validate.read_text(text, source=name, game=game) == records


@pytest.mark.parametrize(
    ("text", "game"),
    [
        (
            "期号,开奖号码\n2026001,01 02 03 04 05 06 + 07\n2026002, 03 09 11 20 27 33 + 16 \n",
            "ssq",
        ),
        ("issue;date;numbers\n2026001;2026-01-01;3,2,6\n2026002 ; 2026-01-02 ;1,1,1\n", "3d"),
        ("issue\tred1\tred2\tred3\n2026001\t3\t2\t6\n", "pl3"),
        (  # a row longer than a message shows (cut with an ellipsis)
            "issue,d1,d2,d3,sales,pool,note\n2026001,3,2,6,"
            + ",".join(["123456789012345"] * 2)
            + ","
            + "x" * 60
            + "\n",
            "3d",
        ),
    ],
)
def test_common_layouts_go_through_the_lane(
    text: str, game: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _count_lane_records(monkeypatch)
    records = validate.read_text(text, source="h.csv", game=game)
    assert all(r.ok for r in records)
    assert sum(made) == len(records) == text.count("\n") - 1
    monkeypatch.setattr(_tablelane, "ENABLED", False)
    exact = validate.read_text(text, source="h.csv", game=game)
    assert records == exact
    assert [r.text for r in records] == [r.text for r in exact]


def test_rows_the_lane_leaves_keep_their_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad row among plain ones: the general reader's record, between the lane's."""
    monkeypatch.setattr(_tablelane, "CHUNK", 4)
    rows = [f"202600{i},2026-01-0{i},{i},{i},{i}" for i in range(1, 8)]
    rows[2] = "2026003,2026-01-03,1,x,1"
    rows[4] = "2026005,2026-01-05,1,1"  # a cell short
    text = "issue,date,d1,d2,d3\n" + "\n".join(rows) + "\n"
    records = validate.read_text(text, source="h.csv", game="3d")
    assert [r.where for r in records] == [f"line {n}" for n in range(2, 9)]
    assert [r.ok for r in records] == [True, True, False, True, False, True, True]
    assert get_game("3d") is records[0].game


def test_a_line_that_is_not_text_keeps_its_place(tmp_path: pathlib.Path) -> None:
    """An undecodable line between plain rows: its rejection, in place, the rows around it."""
    data = b"issue,date,d1,d2,d3\n2026001,2026-01-01,1,2,3\n2026002,2026-01-02,1,\xff2,3\n"
    path = tmp_path / "h.csv"
    path.write_bytes(data + b"2026003,2026-01-03,4,5,6\n")
    records = validate.read_file(f"3d={path}")
    assert [(r.where, r.kind) for r in records] == [
        ("line 2", None),
        ("line 3", "unreadable"),
        ("line 4", None),
    ]


@pytest.mark.parametrize("sep", [";", "|", "\t"])
def test_a_cell_with_a_comma_keeps_its_row(sep: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``1,234`` under another separator is one cell (it once shifted a column, or raised)."""
    rows = ["issue;date;numbers;sales", "2020001;2020-01-01;01 02 03 04 05 06 + 07;1,234"]
    rows += [
        "2020002;2020-01-02;01 02 03 04 05 06 + 07;5",
        "2020003;2020-01-05;01 02 03 04 05 06 + 07;7",
    ]
    text = "\n".join(rows).replace(";", sep) + "\n"
    fast = _read(text, "ssq", lane=True, monkeypatch=monkeypatch)
    assert [r.sales for r in fast] == [None, 5, 7]  # the general reader's reading of 1,234
    assert fast == _read(text, "ssq", lane=False, monkeypatch=monkeypatch)
