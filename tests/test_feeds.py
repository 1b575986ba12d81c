"""lottery.feeds: the official JSON feeds and CSV histories, with real rows."""

from __future__ import annotations

import datetime
import json
import pathlib
from decimal import Decimal

import pytest

import lottery
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


def test_csv_whole_number_columns_each_read_as_its_own(tmp_path: pathlib.Path) -> None:
    """Counts, amounts, sales and pool columns: read together, each as if alone."""
    header = "issue,date,red1,red2,red3,red4,red5,red6,blue,No1,No2,No2_M,sales,pool_before\n"
    rows = (
        "2020003,2020-01-05,1,2,3,4,5,6,7,2,10,200000,368960938,900000000\n"  # plain
        "2020004,2020-01-07,1,2,3,4,5,6,7,0,10,0,0,0\n"  # zeros: nothing announced
        "2020005,2020-01-09,1,2,3,4,5,6,7, 3 ,10,200000.0,1,\n"  # spaced, a decimal, empty
        "2020006,2020-01-12,1,2,3,4,5,6,7,1,10\n"  # short: no amount, sales, pool
    )
    path = tmp_path / "ssq.csv"
    path.write_text(header + rows, encoding="utf-8")
    plain, zeros, spaced, short = validate.read_file(f"ssq={path}")
    assert plain.winners == (("一等奖", 2), ("二等奖", 10))
    assert plain.draw is not None
    assert plain.draw.prizes == (("二等奖", Decimal(200000)),)
    assert (plain.sales, plain.pool, plain.draw.pool_before) == (368_960_938, None, 900_000_000)
    assert zeros.winners == (("二等奖", 10),)
    assert zeros.draw is not None
    assert (zeros.draw.prizes, zeros.sales, zeros.draw.pool_before) == ((), None, 0)
    assert spaced.winners == (("一等奖", 3), ("二等奖", 10))
    assert spaced.draw is not None
    assert spaced.draw.prizes == (("二等奖", Decimal(200000)),)
    assert (spaced.sales, spaced.draw.pool_before) == (1, None)
    assert short.winners == (("一等奖", 1), ("二等奖", 10))
    assert short.draw is not None
    assert (short.draw.prizes, short.sales, short.draw.pool_before) == ((), None, None)


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


def _dlt(issue: str, pool: str, levels: list[dict[str, str]]) -> dict[str, object]:
    """A sports-lottery 大乐透 record in the feed's shape ([S-sporttery-dlt]); the numbers are
    those of 21102 (the one record the sources give), the amounts illustrative."""
    return {
        "lotteryDrawNum": issue,
        "lotteryDrawResult": "02 08 11 16 23 02 07",
        "lotteryUnsortDrawresult": "16+02+11+08+23 02+07",
        "lotteryGameName": "超级大乐透",
        "lotteryGameNum": "85",
        "poolBalanceAfterdraw": pool,
        "prizeLevelList": levels,
    }


def test_sporttery_dlt_addon_rows_and_no_amounts() -> None:
    levels = [
        {"prizeLevel": "一等奖", "stakeAmount": "7,523,067", "stakeCount": "3"},
        {"prizeLevel": "一等奖(追加)", "stakeAmount": "6,018,453", "stakeCount": "1"},
        {"prizeLevel": "二等奖", "stakeAmount": "176,361", "stakeCount": "74"},
        {"prizeLevel": "二等奖(追加)", "stakeAmountFormat": "-1", "stakeCount": "0"},
        {"prizeLevel": "三等奖", "stakeAmount": "10,000", "stakeCount": "189"},
        {"prizeLevel": "四等奖", "stakeAmount": "---", "stakeCount": "0"},
        {"prizeLevel": "九等奖", "stakeAmount": "5", "stakeCount": "6,718,270"},
    ]
    data = {"value": {"list": [_dlt("21102", "982,320,278.84", levels)]}}
    (record,) = feeds.read_json(json.dumps(data, ensure_ascii=False), source="dlt.json")
    assert record.draw is not None, record.error
    assert dict(record.draw.prizes) == {
        "一等奖": 7523067,
        "一等奖(追加)": 6018453,
        "二等奖": 176361,
        "三等奖": 10000,
        "九等奖": 5,
    }
    assert dict(record.winners)["九等奖"] == 6_718_270
    assert dict(record.winners)["二等奖(追加)"] == 0
    assert record.pool == 982_320_278
    assert record.extra_numbers("unsorted") == (16, 2, 11, 8, 23, 2, 7)


def test_sporttery_dlt_2026_takes_the_pool_after_the_draw_before() -> None:
    rows = [_dlt("26091", "700,000,000.00", []), _dlt("26090", "810,000,000.50", []),
            _dlt("26089", "982,320,278.84", [])]  # fmt: skip
    data = {"value": {"list": rows}}
    newest, middle, oldest = feeds.read_json(json.dumps(data, ensure_ascii=False), source="f")
    assert newest.draw is not None and middle.draw is not None and oldest.draw is not None
    assert newest.draw.pool_before == 810_000_000
    assert middle.draw.pool_before == 982_320_278
    assert oldest.draw.pool_before is None  # the draw before is not in the feed: pending
    ticket = lottery.parse_ticket("dlt", "02 08 11 16 30 + 02 07")
    assert lottery.check(ticket, middle.draw).wins[0].prize == 6666
    assert lottery.check(ticket, oldest.draw).wins[0].prize is None
    ascending = {"value": {"list": rows[::-1]}}
    first, _, third = feeds.read_json(json.dumps(ascending, ensure_ascii=False), source="f")
    assert (first.draw.pool_before, third.draw.pool_before) == (None, 810_000_000)  # type: ignore[union-attr]


def test_a_promotion_is_read_and_not_paid_to_every_bet() -> None:
    levels = [{"prizeLevel": "三等奖", "stakeAmount": "15,000(含派奖5,000)", "stakeCount": "9"}]
    data = {"value": {"list": [_dlt("21102", "0", levels)]}}
    (record,) = feeds.read_json(json.dumps(data, ensure_ascii=False), source="f")
    draw = record.draw
    assert draw is not None
    assert draw.prize("三等奖") == 10000
    assert dict(draw.promotions) == {"三等奖": 5000}
    assert "三等奖=15000(含派奖5000)" in str(draw)
    assert lottery.parse_draw("dlt", str(draw)) == draw
    result = lottery.check(lottery.parse_ticket("dlt", "02 08 11 16 23 + 01 03"), draw)
    assert [(w.tier, w.prize) for w in result.wins] == [("三等奖", 10000)]
    assert result.notes and "5,000元" in result.notes[0]


def test_cwl_kl8_and_qlc() -> None:
    red = ",".join(f"{n:02d}" for n in range(1, 21))
    kl8 = {"name": "快乐8", "code": "2025350", "date": "2025-12-30(二)", "red": red, "blue": "",
           "prizegrades": [{"type": "x1z1", "typenum": "1,234", "typemoney": "4.5"},
                           {"type": "x10z10", "typenum": "0", "typemoney": "0"},
                           {"type": "x10z9", "typenum": "2", "typemoney": "8000"},
                           {"type": "gdjc", "typenum": "", "typemoney": ""}]}  # fmt: skip
    qlc = {"name": "七乐彩", "code": "2017106", "date": "2017-09-11(一)",
           "red": "01,02,03,04,05,06,07", "blue": "08"}  # fmt: skip
    data = {"state": 0, "result": [kl8, qlc]}
    happy, seven = feeds.read_json(json.dumps(data, ensure_ascii=False), source="cwl.json")
    assert happy.draw is not None, happy.error
    assert happy.draw.numbers == tuple(range(1, 21))
    assert dict(happy.draw.prizes) == {"选一中一": Decimal("4.5"), "选十中九": 8000}
    assert dict(happy.winners) == {"选一中一": 1234, "选十中十": 0, "选十中九": 2}
    assert seven.draw is not None, seven.error
    assert str(seven.draw) == "七乐彩 第2017106期 2017-09-11 01 02 03 04 05 06 07 + 08"
