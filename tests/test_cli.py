"""The lottery command line: check, validate, games; output, JSON and exit codes."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

import lottery
from lottery.cli import main

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEED = pathlib.Path(__file__).parent.parent / "seeds" / "000_839fedd83d185e9c.txt"
DRAW = ["ssq", "--issue", "2019021", "--draw", "02 05 07 08 20 27 + 04"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- check -----------------------------------------------------------------------------


def test_check_tickets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "check", *DRAW, "02 05 07 08 20 33 + 04 x2", "01 02 05 07 08 20 27 + 04 09"
    )
    assert code == 0
    assert err == ""
    assert out.splitlines()[0] == "双色球 第2019021期 02 05 07 08 20 27 + 04"
    assert "三等奖" in out
    assert "total 6,000元" in out
    assert "total 19,200元 (+ 一等奖, 二等奖 pending)" in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", *DRAW, "02 05 07 08 20 33 + 04 x2", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["draw"] == {
        "game": "ssq",
        "issue": "2019021",
        "numbers": [2, 5, 7, 8, 20, 27, 4],
        "date": None,
        "prizes": {},
        "special_period": None,
        "edition": "original",
        "pool_before": None,
        "promotions": {},
    }
    (result,) = data["results"]
    assert result["bets"] == 1
    assert result["multiple"] == 2
    assert result["wins"] == [{"tier": "三等奖", "count": 1, "prize": 3000}]
    assert result["total"] == 6000


def test_check_bad_ticket_is_reported_and_the_rest_checked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "check", *DRAW, "02 05 07 08 20 34 + 04", "02 05 07 08 20 33 + 04")
    assert code == 1
    assert "ticket 1 rejected" in err
    assert "'34' at column 16" in err
    assert "三等奖" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "ssq", "02 05 07 08 20 27 + 04"],  # no draw
        ["check", *DRAW],  # no tickets
        ["check", "ssq", "--draw", "02 05 07 08 20 27 + 04", "x"],  # no issue
        ["check", "ssq", "--issue", "2019021", "--draw", "02 05 07 08 20 + 04", "x"],  # a bad draw
        ["check", "nope", "--issue", "1", "--draw", "1", "x"],  # an unknown game
        ["check", *DRAW, "--tickets", "/no/such/file"],
        ["check", *DRAW, "--bogus"],
        ["validate", "/no/such/file"],
        [],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's own usage errors
        code = int(stop.code or 0)
    assert code == 2
    assert capsys.readouterr().err


def test_ticket_file(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    path = tmp_path / "tickets.txt"
    path.write_text(
        "# shop 17\n02 05 07 08 20 33 + 04\n\n01 02 03 04 05 06 + 04 x2\nnot a ticket\n02 05 # 07 08 20 27 33 + 04\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", *DRAW, "--tickets", str(path), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["tickets"] == 3
    assert data["bets"] == 1 + 2 + 5
    assert data["wins"] == {"一等奖": 1, "三等奖": 1 + 4, "六等奖": 2}
    assert data["total"] == 5 * 3000 + 2 * 5
    assert data["pending"] == ["一等奖"]
    assert [r["line"] for r in data["rejected"]] == [5]
    assert data["rejected_count"] == 1
    assert [w["line"] for w in data["winners"]] == [6, 2, 4]  # best tier first, then by line
    assert data["winners_count"] == 3
    code, out, err = run(capsys, "check", *DRAW, "--tickets", str(path))
    assert f"{path}:5: " in err
    assert "tickets 3" in out


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_ticket_file_encodings(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, encoding: str
) -> None:
    path = tmp_path / "tickets.txt"
    path.write_bytes(
        "# 我的号码\r\n０２ ０５ ０７ ０８ ２０ ３３ ＋ ０４\r\n组选3 116\r\n".encode(encoding)
    )
    code, out, _ = run(capsys, "check", *DRAW, "--tickets", str(path), "--json")
    data = json.loads(out)
    assert (data["tickets"], data["wins"], [r["line"] for r in data["rejected"]]) == (
        1,
        {"三等奖": 1},
        [3],
    )
    assert code == 1


def test_history(capsys: pytest.CaptureFixture[str]) -> None:
    feed = str(FIXTURES / "cwl_ssq.json")
    code, out, _ = run(capsys, "check", "ssq", "--history", feed, "04 06 14 21 22 33 + 01")
    assert code == 0
    assert out.startswith("04 06 14 21 22 33 + 01: ")
    assert "2026095" in out  # 6+0: 二等奖
    code, out, _ = run(
        capsys, "check", "ssq", "--history", feed, "04 06 14 21 22 33 + 01", "--json"
    )
    data = json.loads(out)
    assert data["draws"] == 16
    assert data["feed"] == {
        "source": feed,
        "rejected": [],
        "rejected_count": 0,
        "conflicts": [],
    }
    (entry,) = data["tickets"]
    assert entry["draws"] == 16
    assert [w["issue"] for w in entry["won"]][-1] == "2026095"
    assert entry["pending"] == ["二等奖"]


def test_history_of_a_ticket_file(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "t.txt"
    path.write_text("04 06 14 21 22 33 + 01\n", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "check",
        "ssq",
        "--history",
        str(FIXTURES / "cwl_ssq.json"),
        "--tickets",
        str(path),
        "--json",
    )
    data = json.loads(out)
    assert code == 0
    assert data["draws"] == 16
    assert data["tickets"] == 1
    assert data["bets"] == 16


# --- validate ------------------------------------------------------------------------------


def test_validate_the_seed_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(SEED))
    assert code == 0
    for line in (
        "七星彩  19021",
        "排列3   19048",
        "排列5   19048",
        "双色球  2019021",
        "福彩3D  2019048",
        "15选5   2019048",
    ):
        assert line in out
    assert "6 records: 6 draws, 0 rejected; 0 errors, 0 warnings" in out
    assert "排列3 19048 (161) agrees with 排列5 19048 (16170)" in out


def test_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(SEED), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["records"] == 6
    assert data["draws"][1] == {
        "game": "pl3",
        "issue": "19048",
        "numbers": [1, 6, 1],
        "date": None,
        "prizes": {},
        "special_period": None,
        "edition": "original",
        "pool_before": None,
        "promotions": {},
        "source": str(SEED),
        "where": "line 284",
    }
    assert data["findings"] == []


def test_validate_errors_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(FIXTURES / "pls.bad.csv"), "--json")
    assert code == 1
    data = json.loads(out)
    (stuck,) = data["findings"]
    assert set(stuck) == {"severity", "kind", "game", "issue", "where", "message"}
    assert (stuck["severity"], stuck["kind"], stuck["game"]) == ("error", "stuck", "pl3")


def test_validate_warnings_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(FIXTURES / "cwl_3d.json"))
    assert code == 0
    assert "warning hole" in out


def test_validate_game_named(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    path = tmp_path / "history.csv"
    path.write_text("issue,date,numbers\n2026091,2026-04-11,537\n", encoding="utf-8")
    assert run(capsys, "validate", str(path))[0] == 1
    assert run(capsys, "validate", f"3d={path}")[0] == 0
    assert run(capsys, "validate", str(path), "--game", "福彩3D")[0] == 0


def test_games(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "games", "--json")
    assert code == 0
    assert [g["code"] for g in json.loads(out)] == [g.code for g in lottery.games()]
    code, out, _ = run(capsys, "games")
    assert "2026 (from 2026014)" in out


def test_module_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "lottery", "validate", str(SEED)],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert proc.returncode == 0
    assert "6 records" in proc.stdout


def test_progress_bar_shows_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from lottery import cli_common

    clock = iter([0.0, 0.5, 1.5, 1.55, 2.0])
    monkeypatch.setattr(cli_common.time, "monotonic", lambda: next(clock))
    stream = io.StringIO()
    bar = cli_common.Progress(1000, stream)
    bar.update(100)  # half a second in: nothing yet
    assert stream.getvalue() == ""
    bar.update(500)
    assert "50.0%" in stream.getvalue()
    bar.update(600)  # 50 ms later: not redrawn (at most ten times a second)
    assert "60.0%" not in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r")


def test_no_progress_bar_when_piped(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "t.txt"
    path.write_text("02 05 07 08 20 33 + 04\n" * 10, encoding="utf-8")
    code, out, err = run(capsys, "check", *DRAW, "--tickets", str(path))
    assert (code, err) == (0, "")  # stderr is not a terminal here: no bar
    assert "tickets 10" in out


def test_history_across_the_seven_star_switch(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    """A 2020-layout ticket has no reading for the original draws: skipped there, not rejected."""
    feed = tmp_path / "qxc.txt"
    feed.write_text("七星彩 第20099期 2508750\n七星彩 第20100期 560021 + 7\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "qxc", "--history", str(feed), "590021 + 7", "2598756")
    assert (code, err) == (0, "")
    assert "590021 + 7: 1 winning draws of 2" in out  # 三等奖 in 20100 only
    assert "2598756: 1 winning draws of 2" in out  # 五等奖 in 20099; as 259875 + 6 nothing in 20100
    code, _, err = run(capsys, "check", "qxc", "--history", str(feed), "25087")
    assert code == 1
    assert "rejected" in err


def test_history_of_another_game_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    feed = tmp_path / "3d_history.csv"
    feed.write_text("期号,开奖号码\n2019048,326\n2019049,581\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "pl3", "--history", str(feed), "326")
    assert code == 2
    assert "福彩3D (3d)" in err
    assert "not 排列3 (pl3)" in err


def test_history_with_bad_records_and_conflicts(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    feed = tmp_path / "pl3_feed.txt"
    feed.write_text(
        "排列3 第19048期 161\n排列3 第19048期 162\n排列3 第19049期 16\n排列3 第19050期 123\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", "pl3", "--history", str(feed), "123", "--json")
    assert code == 1  # the feed had errors: a cron job notices
    data = json.loads(out)
    assert data["draws"] == 1  # 19048 is in conflict: not checked
    assert [c["issue"] for c in data["feed"]["conflicts"]] == ["19048"]
    assert data["feed"]["rejected_count"] == 1
    assert "issue 19048 not checked" in err
    assert "line 3: rejected" in err


def test_messages_in_the_command_line_voice(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "ssq", "--draw", "02 05 07 08 20 27 + 04", "01")
    assert code == 2
    assert "--issue" in err
    assert "issue=" not in err
    code, _, err = run(
        capsys, "check", "pl3", "--draw", "双色球 第2019021期 02 05 07 08 20 27 + 04", "161"
    )
    assert code == 2
    assert "排列3 (pl3)" in err and "双色球 (ssq)" in err


def test_a_date_that_is_no_draw_day_is_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", *DRAW, "--date", "2019/2/25", "02 05 07 08 20 33 + 04")
    assert code == 0
    assert "2019-02-25" in out
    assert "2019-02-25 is a 周一; 双色球 draws on 周二、周四、周日" in err


def test_an_unknown_game_before_the_equals_sign(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("排列3 第19048期 161\n", encoding="utf-8")
    code, _, err = run(capsys, "validate", f"xyz={page}")
    assert code == 2
    assert "unknown game 'xyz'" in err


def test_stray_tokens_of_a_draw_are_named() -> None:
    with pytest.raises(lottery.InvalidFormat, match="'#' at column 16 is not allowed in a draw"):
        lottery.parse_draw("ssq", "02 05 07 08 20 # 27 + 04", issue="2019021")
    with pytest.raises(
        lottery.InvalidFormat, match="'x2' at column 24 is a multiple, not a number"
    ):
        lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04 x2", issue="2019021")


def test_labelled_tickets_read_like_labelled_draws() -> None:
    assert str(lottery.parse_ticket("ssq", "红球：01 02 03 04 05 06 蓝球：07 x2")) == (
        "01 02 03 04 05 06 + 07 x2"
    )
    assert str(lottery.parse_ticket("qxc", "前区 1 2 3 4 5 6 后区 12")) == "123456 + 12"


def test_empty_and_binary_ticket_files_are_called_that(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.bin"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    for path, words in ((empty, "is empty"), (binary, "binary data")):
        code, _, err = run(capsys, "check", *DRAW, "--tickets", str(path))
        assert code == 2
        assert words in err


def test_a_count_progress_for_inputs_of_unknown_size() -> None:
    import io

    from lottery import cli_common

    stream = io.StringIO()
    bar = cli_common.Progress(0, stream)
    bar.start -= 2  # two seconds in
    bar.update(12_345)
    assert "12,345 records" in stream.getvalue()


def test_check_takes_the_pool_before_the_draw(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "dlt", "--issue", "26090", "--draw", "02 08 11 16 23 + 02 07"]
    code, out, _ = run(capsys, *args, "--pool", "900000000", "02 08 11 16 30 + 02 07 追加")
    assert code == 0
    assert "三等奖" in out and "6,666元" in out
    code, out, _ = run(capsys, *args, "02 08 11 16 30 + 02 07")
    assert "pending" in out
    with pytest.raises(SystemExit) as stop:  # argparse: a usage error
        run(capsys, *args, "--pool", "-5", "02 08 11 16 30 + 02 07")
    assert stop.value.code == 2


def test_money_with_a_fraction_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    draw = " ".join(str(n) for n in range(1, 21))
    code, out, _ = run(capsys, "check", "kl8", "--issue", "2025350", "--draw", draw, "选一 07 x3")
    assert code == 0
    assert "4.5元 ×3 = 13.5元" in out
    code, out, _ = run(
        capsys, "check", "kl8", "--issue", "2025350", "--draw", draw, "选一 07 x3", "--json"
    )
    data = json.loads(out)
    assert data["results"][0]["total"] == 13.5
    assert data["results"][0]["wins"][0]["prize"] == 4.5
