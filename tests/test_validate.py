"""lottery.validate: every check with a real or a hand-made bad case; nothing lost."""

from __future__ import annotations

import json
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lottery
from lottery import strategies as lst
from lottery import validate

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEED = pathlib.Path(__file__).parent.parent / "seeds" / "000_839fedd83d185e9c.txt"


def _kinds(report: validate.Report) -> list[tuple[str, str, str | None]]:
    return [(f.severity, f.kind, f.issue) for f in report.findings]


def _fixture(*names: str) -> validate.Report:
    return validate.validate_files([str(FIXTURES / n) for n in names])


def test_the_seed_page_end_to_end() -> None:
    report = validate.validate_files([str(SEED)])
    assert len(report.records) == 6
    assert [d.game.code for d in report.draws] == ["qxc", "pl3", "pl5", "ssq", "3d", "15x5"]
    assert report.findings == ()
    assert report.ok


# --- each record -------------------------------------------------------------------

REJECTED = [
    # (text, kind): records that hold no valid draw
    ("双色球第2019021期 中奖号码：02 05 07 08 20 + 04", "count"),
    ("双色球第2019021期 中奖号码：02 05 07 08 20 34 + 04", "range"),
    ("双色球第2019021期 中奖号码：02 05 07 08 20 20 + 04", "duplicate"),
    ("双色球第2019000期 中奖号码：02 05 07 08 20 27 + 04", "issue"),
    ("排列3 第19048期 1616", "count"),
    ("福彩3D第2026222期 试机号：581", "no-result"),
]


@pytest.mark.parametrize(("text", "kind"), REJECTED)
def test_rejected_records(text: str, kind: str) -> None:
    report = validate.validate_text(text, source="page.txt")
    assert report.draws == ()
    (finding,) = report.findings
    severity = "warning" if kind == "no-result" else "error"  # no result: nothing false stored
    assert (finding.severity, finding.kind) == (severity, kind)
    assert finding.where == "page.txt, line 1"
    assert finding.message


def test_ball_numbers_not_ascending() -> None:
    report = validate.validate_text("双色球第2019021期 红球 27 05 07 08 20 02 蓝球 04")
    assert _kinds(report) == [("warning", "order", "2019021")]
    assert report.draws[0].numbers == (2, 5, 7, 8, 20, 27, 4)


def test_labelled_draw_order_must_be_the_same_balls(tmp_path: pathlib.Path) -> None:
    header = "id,date,red1,red2,red3,red4,red5,red6,blue,red1a,red2a,red3a,red4a,red5a,red6a\n"
    good = "2003001,2003-02-23,10,11,12,13,26,28,11,26,28,11,13,10,12\n"
    bad = "2003002,2003-02-27,4,9,19,20,21,26,12,9,4,26,21,19,33\n"
    path = tmp_path / "ssq.csv"
    path.write_text(header + good + bad, encoding="utf-8")
    report = validate.validate_files([str(path)])
    assert _kinds(report) == [("error", "draw-order", "2003002")]


def test_issue_year_against_the_date() -> None:
    report = validate.validate_text("双色球 第2019021期 2020-02-23 02 05 07 08 20 27 + 04")
    assert ("error", "issue-year", "2019021") in _kinds(report)


def test_draw_weekday_real_and_printed() -> None:
    """A real one: 七星彩 04145 is dated on a Wednesday (it draws Tue/Fri/Sun)."""
    report = _fixture("qxc_2004_2026.csv")
    weekday = [f for f in report.findings if f.kind == "weekday"]
    assert [(f.issue, f.where) for f in weekday] == [
        ("04145", f"{FIXTURES / 'qxc_2004_2026.csv'}, line 10")
    ]
    record = {
        "name": "双色球",
        "code": "2025063",
        "date": "2025-06-05(五)",
        "red": "02,19,21,22,28,30",
        "blue": "01",
    }
    printed = validate.validate_text(json.dumps(record, ensure_ascii=False))
    assert _kinds(printed) == [("error", "weekday", "2025063")]
    assert "周五" in printed.findings[0].message


def test_issue_number_beyond_the_draw_days() -> None:
    """七星彩 2004 ran to 04197, more than a Tue/Fri/Sun year allows: a warning, not a rejection."""
    report = _fixture("qxc_2004_2026.csv")
    assert ("warning", "issue-number", "04197") in _kinds(report)
    assert len(report.draws) == 10


def test_announced_fixed_prizes() -> None:
    good = validate.validate_files([str(FIXTURES / "cwl_ssq_2025063.json")])
    assert good.findings == ()
    text = "双色球 第2019021期 02 05 07 08 20 27 + 04; 一等奖=5000000; 三等奖=3500; 六等奖=5"
    report = validate.validate_text(text)
    (finding,) = report.findings
    assert (finding.severity, finding.kind) == ("warning", "prize")
    assert "三等奖 announced 3,500元" in finding.message
    assert "+500元" in finding.message


def test_fuyun_real_feed_is_consistent() -> None:
    """In the real feed 福运奖 runs 2026014–2026075, as the pools say ([O-ssq2026])."""
    report = _fixture("cwl_ssq.json")
    assert [f for f in report.findings if f.kind == "fuyun"] == []


def _cwl(code: str, date: str, pool: int, fyj: str) -> dict[str, str]:
    return {
        "name": "双色球",
        "code": code,
        "date": date,
        "red": "01,02,03,04,05,06",
        "blue": "07",
        "poolmoney": str(pool),
        "fyjCount": "100" if fyj else "",
        "fyjMoney": fyj,
    }


def test_fuyun_claimed_outside_or_missing_inside() -> None:
    records = [
        _cwl("2026074", "2026-06-30(二)", 1_200_000_000, "5"),  # in the period
        _cwl(
            "2026075", "2026-07-02(四)", 283_183_968, ""
        ),  # lacks it: still in (pool before ≥ 3亿)
        _cwl("2026076", "2026-07-05(日)", 290_000_000, "5"),  # claims it: the pool fell below 3亿
        _cwl("2026077", "2026-07-07(二)", 1_600_000_000, ""),  # off: the pool was below 3亿
        _cwl("2026078", "2026-07-09(四)", 1_600_000_000, ""),  # lacks it: the pool reached 15亿
    ]
    report = validate.validate_text(json.dumps({"result": records}, ensure_ascii=False))
    fuyun = [(f.issue, f.message) for f in report.findings if f.kind == "fuyun"]
    assert [issue for issue, _ in fuyun] == ["2026075", "2026076", "2026078"]
    assert "pool after 2026075: 283,183,968元" in fuyun[1][1]
    before = [_cwl("2025063", "2025-06-05(四)", 1_000_000_000, "5")]
    early = validate.validate_text(json.dumps({"result": before}, ensure_ascii=False))
    assert ("error", "fuyun", "2025063") in _kinds(early)


def test_fuyun_judged_the_same_after_a_long_history() -> None:
    """Draws of editions without the period before it change nothing, nor does their number."""
    period = [
        _cwl("2026074", "2026-06-30(二)", 1_200_000_000, "5"),
        _cwl("2026075", "2026-07-02(四)", 283_183_968, ""),
        _cwl("2026076", "2026-07-05(日)", 290_000_000, "5"),
    ]
    older = [_cwl(f"2019{n:03d}", "", 900_000_000, "") for n in range(1, 40)]

    def judged(records: list[dict[str, str]]) -> list[tuple[str, str]]:
        text = json.dumps({"result": records}, ensure_ascii=False)
        report = validate.validate_text(text)
        return [(f.issue, f.message) for f in report.findings if f.kind == "fuyun"]

    assert judged(older + period) == judged(period) != []
    assert judged(older) == []


# --- across draws ---------------------------------------------------------------------


def test_holes_in_a_real_feed() -> None:
    """2013 in the real 3D feed has holes: issue numbers never skip."""
    report = _fixture("cwl_3d.json")
    holes = [f for f in report.findings if f.kind == "hole"]
    assert [f.issue for f in holes] == ["2013003", "2013007", "2013009"]
    assert all(f.severity == "warning" for f in holes)
    assert "2013003–2013005 missing (3)" in holes[0].message


def test_dates_rise_with_the_issue_real() -> None:
    """A real typo: 3D 2003050 is dated 2003-03-26, between 02-24 and 02-27."""
    report = _fixture("3d_2002_2020.csv")
    dates = [(f.issue, f.kind) for f in report.findings if f.kind == "date-order"]
    assert dates == [("2003051", "date-order"), ("2003052", "date-order")]


def test_one_issue_two_results() -> None:
    report = validate.validate_text("排列3 第19048期 161\n排列3 第2019048期 162")
    assert _kinds(report) == [("error", "conflict", "19048")]


def test_same_draw_twice_is_fine() -> None:
    report = validate.validate_text("排列3 第19048期 161\n排列3 第2019048期 1 6 1")
    assert report.findings == ()
    assert len(report.draws) == 2


def test_pl3_is_the_first_three_digits_of_pl5_real() -> None:
    """Real rows: 2004001–2004020 disagree (a shifted column); 2025189 agrees."""
    report = _fixture("pl3_2004_2025.csv", "pl5_2004_2025.csv")
    bad = sorted(f.issue for f in report.findings if f.kind == "pl3-pl5")
    assert bad == [f"04{n:03d}" for n in range(1, 21)]
    clean = _fixture("pls_2026.csv", "plw_2026.csv")
    assert clean.findings == ()


def test_pl3_pl5_from_any_mix_of_inputs(tmp_path: pathlib.Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("排列5 第19048期 16270", encoding="utf-8")
    report = validate.validate_files([str(SEED), str(page)])
    kinds = _kinds(report)
    assert ("error", "pl3-pl5", "19048") in kinds
    assert ("error", "conflict", "19048") in kinds


def test_sporttery_pl3_carries_its_pl5() -> None:
    good = _fixture("sporttery_pl3.json")
    assert good.findings == ()
    data = json.loads((FIXTURES / "sporttery_pl3.json").read_text(encoding="utf-8"))
    data["value"]["list"][0]["lotteryUnsortDrawresult"] = "2 1 2 2 9"
    report = validate.validate_text(json.dumps(data, ensure_ascii=False))
    assert _kinds(report) == [("error", "pl3-pl5", "25200")]


def test_a_failed_scrape_real() -> None:
    """The real failed scrape: one result repeated for 220 rows, in three games."""
    report = _fixture("pls.bad.csv", "plw.bad.csv", "fc3d.bad.csv")
    stuck = [f for f in report.findings if f.kind == "stuck"]
    assert sorted(f.game for f in stuck) == [
        "3d",
        "pl3",
        "pl5",
        "pl5",
    ]  # 00000 ×172, 32698, 00000 ×47
    assert sorted(int(f.message.split(" times")[0].rsplit(" ", 1)[1]) for f in stuck) == [
        47,
        172,
        220,
        220,
    ]
    assert len([f for f in report.findings if f.kind == "pl3-pl5"]) == 220
    assert not report.ok


def test_short_repeats_are_not_a_scrape() -> None:
    """Two equal 3D results in a row happen (1 in 1000); four do not."""
    two = validate.validate_text(
        "福彩3D第2026001期 123\n福彩3D第2026002期 123\n福彩3D第2026003期 456"
    )
    assert two.findings == ()
    four = validate.validate_text("\n".join(f"福彩3D第202600{i}期 123" for i in range(1, 5)))
    assert _kinds(four) == [("error", "stuck", "2026001")]
    ssq = validate.validate_text(
        "\n".join(f"双色球第202600{i}期 01 02 03 04 05 06 + 07" for i in (1, 2, 3))
    )
    assert _kinds(ssq) == [("error", "stuck", "2026001")]


# --- nothing lost -------------------------------------------------------------------------

ALL_FIXTURES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".csv", ".json"))


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_every_record_is_a_draw_or_an_error(name: str) -> None:
    report = _fixture(name)
    rejected = [
        f for f in report.findings if f.severity == "error" and f.where.startswith(str(FIXTURES))
    ]
    assert len(report.records) == len(report.draws) + len(report.rejected)
    for record in report.rejected:
        assert any(
            f.where == f"{record.source}, {record.where}" and f.severity == "error"
            for f in rejected
        )


def test_everything_at_once_adds_up() -> None:
    report = validate.validate_files([str(SEED)] + [str(FIXTURES / n) for n in ALL_FIXTURES])
    data = report.to_dict()
    assert data["records"] == len(data["draws"]) + data["rejected_count"]
    assert len(data["rejected"]) == data["rejected_count"]
    assert set(data) >= {"records", "draws", "findings"}
    assert set(data["draws"][0]) >= {"game", "issue", "numbers", "date"}
    assert set(data["findings"][0]) == {"severity", "kind", "game", "issue", "where", "message"}


def test_one_bad_record_never_stops_the_rest() -> None:
    text = "双色球第2019021期 中奖号码：02 05 07 08 20 + 04\n" + "排列3 第19048期 161\n" * 3
    report = validate.validate_text(text)
    assert (len(report.records), len(report.draws), len(report.rejected)) == (4, 3, 1)


@given(st.lists(lst.draws(), max_size=5))
def test_validate_draws_accepts_generated_draws(draws: list[lottery.Draw]) -> None:
    report = validate.validate_draws(draws)
    assert len(report.records) == len(draws)
    per_draw = [
        f for f in report.findings if f.kind in ("weekday", "issue-year", "order", "prize", "fuyun")
    ]
    assert [f for f in per_draw if f.severity == "error"] == []


def test_records_to_dict_in_the_command_line_shapes() -> None:
    good, bad = validate.read_text("排列3 第19048期 161\n排列3 第19049期 16")
    assert good.to_dict()["numbers"] == [1, 6, 1]
    assert good.to_dict()["where"] == "line 1"
    assert bad.to_dict() == bad.rejection()
    assert bad.to_dict()["line"] == 2
    assert bad.to_dict()["kind"] == "count"


def _said(text: str, game: str) -> list[tuple[str, str, str]]:
    report = validate.validate_text(text, game=game)
    return [(f.severity, f.kind, f.message) for f in report.findings]


def test_dlt_2026_announced_amounts_follow_the_pool_table() -> None:
    base = "大乐透 第26090期 02 08 11 16 23 + 02 07"
    assert _said(base + "; 三等奖=6666; 七等奖=7; 开奖前奖池=900000000", "dlt") == []
    (finding,) = _said(base + "; 三等奖=5000; 开奖前奖池=900000000", "dlt")
    assert finding[:2] == ("warning", "prize")
    assert "from 800,000,000元" in finding[2] and "from 0元" in finding[2]  # both tables
    assert _said(base + "; 三等奖=5000; 七等奖=5", "dlt") == []  # no pool: either table fits
    (mixed,) = _said(base + "; 三等奖=5000; 七等奖=7", "dlt")
    assert "fits neither" in mixed[2]


def test_dlt_addon_at_most_its_share() -> None:
    base = "大乐透 第21102期 02 08 11 16 23 + 02 07; 一等奖=7523067"
    assert _said(base + "; 一等奖(追加)=6018453", "dlt") == []  # floor(0.8 × base)
    (finding,) = _said(base + "; 一等奖(追加)=6018454", "dlt")
    assert "more than 80%" in finding[2]


def test_kl8_amounts_against_the_table_and_the_october_break() -> None:
    numbers = " ".join(f"{n:02d}" for n in range(1, 21))
    assert _said(f"快乐8 第2025350期 2025-12-30 {numbers}; 选一中一=4.5", "kl8") == []
    (finding,) = _said(f"快乐8 第2025350期 {numbers}; 选一中一=4.6", "kl8")
    assert finding[1] == "prize"
    (rest,) = _said(f"快乐8 第2025270期 2025-10-02 {numbers}", "kl8")
    assert rest[:2] == ("warning", "break")
