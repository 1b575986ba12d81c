"""lottery.feeds: the official JSON feeds and CSV histories, with real rows."""

from __future__ import annotations

import datetime
import json
import pathlib

import pytest

from lottery import feeds, inputs, validate

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def _records(name: str, game: str | None = None) -> list:
    return validate.read_file(str(FIXTURES / name), game=game)


def test_detect_kind() -> None:
    assert inputs.detect_kind('{"result": []}') == "json"
    assert inputs.detect_kind("\ufeff  [1, 2]") == "json"
    assert inputs.detect_kind("issue,date,numbers\n2026091,2026-04-11,537\n") == "rows"
    assert inputs.detect_kind("id\tdate\td1\td2\n") == "rows"
    assert inputs.detect_kind("双色球第2026095期开奖：红球 04,06,14,21,22,33 蓝球 16") == "text"
    assert inputs.detect_kind("2026091,2026-04-11,537\n") == "rows"  # a history without a header
    assert inputs.detect_kind("2026091 2026-04-11 5 3 7\n") == "rows"


def test_cwl_envelope() -> None:
    records = _records("cwl_ssq.json")
    assert len(records) == 16
    assert all(r.ok for r in records)
    by_issue = {r.draw.issue: r for r in records}
    latest = by_issue["2026095"]
    assert latest.draw.numbers == (4, 6, 14, 21, 22, 33, 16)
    assert latest.draw.date == datetime.date(2026, 8, 18)
    assert latest.weekday == "二"
    assert (latest.pool, latest.sales) == (628_888_733, 347_737_104)
    assert latest.draw.special_period is False
    start = by_issue["2026014"]
    assert start.draw.special_period is True
    assert start.draw.prize("福运奖") == 5
    assert dict(start.winners)["福运奖"] == 9_373_173
    assert any("封顶" in note for note in start.notes)
    assert by_issue["2026013"].draw.special_period is None  # the original rules have no 福运奖
    assert any("派奖" in note for note in by_issue["2013001"].notes)


def test_cwl_page_and_prizegrades() -> None:
    assert len(_records("cwl_ssq_page.json")) == 3
    (record,) = _records("cwl_ssq_2025063.json")
    assert record.draw is not None
    assert record.draw.prizes == (
        ("一等奖", 7_110_664),
        ("二等奖", 411_168),
        ("三等奖", 3000),
        ("四等奖", 200),
        ("五等奖", 10),
        ("六等奖", 5),
    )
    assert dict(record.winners)["六等奖"] == 6_329_337
    assert "福运奖" not in dict(record.winners)  # an empty type 7 is not an error


def test_cwl_3d() -> None:
    records = _records("cwl_3d.json")
    assert [r.draw.issue for r in records][:3] == ["2026221", "2026220", "2026219"]
    assert records[0].draw.numbers == (2, 9, 6)
    assert records[0].draw.game.code == "3d"


def test_sporttery() -> None:
    (record,) = _records("sporttery_pl3.json")
    draw = record.draw
    assert draw is not None
    assert (draw.game.code, draw.issue, draw.numbers) == ("pl3", "25200", (2, 1, 1))
    assert draw.date == datetime.date(2025, 7, 29)
    assert draw.prizes == (("直选", 1040), ("组选3", 346))  # 组选6 had no winner
    assert dict(record.winners) == {"直选": 12_224, "组选3": 15_149, "组选6": 0}
    assert record.extra_numbers("unsorted") == (2, 1, 1, 2, 9)
    assert record.sales == 46_599_904


def test_sporttery_dlt_and_an_unknown_game() -> None:
    record = {
        "lotteryDrawNum": "21102",
        "lotteryDrawResult": "02 08 11 16 23 02 07",
        "lotteryGameName": "超级大乐透",
        "lotteryGameNum": "85",
    }
    unknown = dict(record, lotteryGameName="顶呱刮", lotteryGameNum="999")
    data = {"value": {"list": [record, unknown]}}
    dlt, other = feeds.read_json(json.dumps(data), source="feed.json")
    assert dlt.draw is not None
    assert str(dlt.draw) == "大乐透 第21102期 02 08 11 16 23 + 02 07"
    assert other.draw is None
    assert other.kind == "game"
    assert "顶呱刮" in (other.error or "")


@pytest.mark.parametrize(
    ("name", "game", "rows", "first"),
    [
        ("ssq_2003_2020.csv", None, 5, ("2003001", (10, 11, 12, 13, 26, 28, 11))),
        ("3d_2002_2020.csv", None, 9, ("2003046", (4, 6, 3))),
        ("pl3_2004_2025.csv", None, 24, ("04001", (1, 9, 2))),
        ("pl5_2004_2025.csv", None, 24, ("04001", (9, 2, 8, 8, 2))),
        ("qxc_2004_2026.csv", None, 10, ("26093", (4, 9, 6, 5, 0, 8, 7))),
        ("fc3d_2026.csv", None, 7, ("2026091", (5, 3, 7))),
        ("pls_2026.csv", None, 7, ("26091", (2, 0, 2))),
        ("plw_2026.csv", None, 7, ("26091", (2, 0, 2, 8, 2))),
        ("15x5_2026.json", None, 6, ("2026235", (3, 7, 12, 13, 15))),
    ],
)
def test_csv_and_json_histories(name: str, game: str | None, rows: int, first: tuple) -> None:
    records = _records(name, game)
    assert len(records) == rows
    assert all(r.ok for r in records), [r.error for r in records if not r.ok]
    issue, numbers = first
    assert records[0].draw.issue == issue
    if numbers is not None:
        assert records[0].draw.numbers == numbers


def test_ssq_csv_extras() -> None:
    records = _records("ssq_2003_2020.csv")
    first = records[0]
    assert first.order == (26, 28, 11, 13, 10, 12)
    assert first.draw.prizes == ()  # zeros: the source had no amounts
    later = next(r for r in records if r.draw.issue == "2020003")
    assert later.draw.prizes[0] == ("一等奖", 6_237_758)
    assert dict(later.winners)["六等奖"] == 9_719_687
    assert (later.sales, later.pool) == (368_960_938, 885_816_521)


def test_seven_star_switch_in_one_file() -> None:
    records = {r.draw.issue: r.draw for r in _records("qxc_2004_2026.csv")}
    assert records["20099"].edition.name == "original"
    assert records["20100"].edition.name == "2020"
    assert records["20101"].numbers[-1] == 12


def test_csv_game_from_the_name_or_the_caller(tmp_path: pathlib.Path) -> None:
    rows = "issue,date,numbers\n2026091,2026-04-11,537\n"
    nameless = tmp_path / "history.csv"
    nameless.write_text(rows, encoding="utf-8")
    (record,) = validate.read_file(str(nameless))
    assert record.kind == "game"  # the fault: which game it is cannot be told
    assert "GAME=FILE" in (record.error or "")
    assert validate.read_file(str(nameless), game="3d")[0].draw.game.code == "3d"
    assert validate.read_file(f"pl3={nameless}")[0].draw.game.code == "pl3"


def test_bad_json_is_reported() -> None:
    (record,) = feeds.read_json("{not json", source="x.json")
    assert (record.kind, record.where) == ("unreadable", "file")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_and_line_ends(tmp_path: pathlib.Path, encoding: str, newline: str) -> None:
    text = "期号,日期,开奖号码\n2026091,2026-04-11,537\n2026092,2026-04-12,870\n"
    path = tmp_path / "fc3d.csv"
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    records = validate.read_file(str(path))
    assert [r.draw.numbers for r in records] == [(5, 3, 7), (8, 7, 0)]
    page = "中国福利彩票3D玩法开奖公告第2019048期\n中奖号码：326\n"
    news_path = tmp_path / "page.txt"
    news_path.write_bytes(page.replace("\n", newline).encode(encoding))
    (record,) = validate.read_file(str(news_path))
    assert record.draw.numbers == (3, 2, 6)
