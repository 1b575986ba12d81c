"""Announced winners against the tickets' tally: lottery.audit and ``lottery audit``."""

from __future__ import annotations

import json
import pathlib
import random
from decimal import Decimal

import pytest

import lottery
from lottery.audit import AUDIT_KINDS, compare
from lottery.cli import main
from lottery.validate import read_text

_DRAW = "02 05 07 08 20 27 + 04"
_TIERS = ("一等奖", "二等奖", "三等奖", "四等奖", "五等奖", "六等奖")
_FIXED = {"三等奖": 3000, "四等奖": 200, "五等奖": 10, "六等奖": 5}


def _tickets(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        reds = sorted(rng.sample(range(1, 34), 6))
        line = " ".join(f"{r:02d}" for r in reds) + f" + {rng.randint(1, 16):02d}"
        out.append(line + (f" x{rng.randint(2, 9)}" if rng.random() < 0.2 else ""))
    out[10] = _DRAW + " x2"  # a 一等奖, twice
    out[11] = "01 02 05 07 08 20 27 + 04 16"  # a 复式 of 14 bets
    out[12] = "oops"
    return out


def _feed(winners: dict[str, int], money: dict[str, int] | None = None) -> str:
    money = _FIXED if money is None else money
    grades = [
        {"type": i + 1, "typenum": str(winners.get(t, 0)), "typemoney": str(money.get(t, ""))}
        for i, t in enumerate(_TIERS)
    ]
    record = {"name": "双色球", "code": "2019021", "date": "2019-02-24", "red": "02,05,07,08,20,27",
              "blue": "04", "prizegrades": grades}  # fmt: skip
    return json.dumps({"result": [record]}, ensure_ascii=False)


def _counted(lines: list[str]) -> dict[str, int]:
    draw = lottery.parse_draw("ssq", _DRAW, issue="2019021")
    return dict(lottery.check_many(lines, [draw]).wins)


def test_an_announcement_that_agrees() -> None:
    lines = _tickets(3000)
    record = read_text(_feed(_counted(lines)))[0]
    tally = lottery.check_many(lines, [record.draw])
    assert lottery.audit(record, tally) == ()
    rows = compare(record, tally)
    assert [r.tier for r in rows] == list(_TIERS)
    assert all(r.agrees for r in rows)
    first = rows[0]
    assert (first.fixed, first.prize, first.announced_money) == (False, None, None)
    third = rows[2]
    assert third.fixed and third.prize == Decimal(3000)
    assert third.counted_money == third.announced_money == 3000 * third.counted


def test_every_difference_is_a_finding() -> None:
    lines = _tickets(3000)
    told = _counted(lines)
    told["一等奖"] += 1  # one winner the tickets do not hold
    told["六等奖"] -= 5
    record = read_text(_feed(told, {**_FIXED, "五等奖": 20}))[0]
    tally = lottery.check_many(lines, [record.draw])
    findings = lottery.audit(record, tally)
    kinds = [(f.kind, f.message.split(":")[0].split()[-1]) for f in findings]
    assert kinds == [("winners", "一等奖"), ("money", "五等奖"), ("winners", "六等奖"),
                     ("money", "六等奖")]  # fmt: skip
    assert all(f.kind in AUDIT_KINDS and f.severity == "error" for f in findings)
    assert "(-1)" in findings[0].message and "(+5)" in findings[2].message
    assert findings[0].where == "<text>, record 1 (2019021)"


def test_a_draw_with_winners_given() -> None:
    draw = lottery.parse_draw("ssq", _DRAW, issue="2019021")
    tally = lottery.check_many([_DRAW], [draw])
    assert lottery.audit(draw, tally, winners={"一等奖": 1}) == ()
    [finding] = lottery.audit(draw, tally, winners={"一等奖": 2})
    assert finding.kind == "winners"
    with pytest.raises(lottery.LotteryError, match="no winner counts"):
        lottery.audit(draw, tally)
    with pytest.raises(TypeError):
        lottery.audit("2019021", tally)  # type: ignore[arg-type]


def test_a_tier_won_but_not_announced() -> None:
    draw = lottery.parse_draw("ssq", _DRAW, issue="2019021")
    tally = lottery.check_many(["02 05 07 08 20 33 + 04"], [draw])  # a 三等奖
    [row] = [r for r in compare(draw, tally, winners={"一等奖": 0}) if r.tier == "三等奖"]
    assert row.announced is None and not row.agrees
    [finding] = lottery.audit(draw, tally, winners={"一等奖": 0})
    assert "三等奖: not announced, the tickets hold 1 (+1)" in finding.message


# --- the command line -------------------------------------------------------------------------


def _files(tmp_path: pathlib.Path, told: dict[str, int] | None = None) -> tuple[str, list[str]]:
    lines = _tickets(4000)
    (tmp_path / "a.txt").write_text("\n".join(lines[:2000]) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(lines[2000:]) + "\n", encoding="utf-8")
    feed = tmp_path / "feed.json"
    feed.write_text(_feed(_counted(lines) if told is None else told), encoding="utf-8")
    return str(feed), lines


def test_the_command_agrees_and_exits_0(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed, _ = _files(tmp_path)
    glob = str(tmp_path / "*.txt")
    status = main(["audit", "ssq", "--issue", "2019021", "--announcement", feed, "--tickets", glob])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "all 6 tiers agree" in out
    assert f"{tmp_path / 'a.txt'}:13: " in err  # the rejected line, with its file


def test_the_command_says_what_differs_and_exits_1(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _tickets(4000)
    told = _counted(lines)
    told["四等奖"] += 2
    feed, _ = _files(tmp_path, told)
    argv = ["audit", "ssq", "--issue", "2019021", "--announcement", feed, "--tickets",
            str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json"]  # fmt: skip
    assert main(argv) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["agrees"] is False
    four = next(t for t in data["tiers"] if t["tier"] == "四等奖")
    assert (four["difference"], four["agrees"]) == (-2, False)
    assert [f["kind"] for f in data["findings"]] == ["winners", "money"]
    assert data["tickets"]["rejected"][0] == {
        "source": str(tmp_path / "a.txt"),
        "line": 13,
        "text": "oops",
        "reason": data["tickets"]["rejected"][0]["reason"],
        "kind": "format",
    }


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--issue", "2019022"], "has no 双色球 (ssq) draw of issue 2019022"),
        (["--issue", "20x"], "--issue"),
        (["--tickets", "/nonexistent/*.txt"], "--tickets /nonexistent/*.txt"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    feed, _ = _files(tmp_path)
    base = {"--issue": "2019021", "--tickets": str(tmp_path / "a.txt")}
    base.update(dict(zip(argv[::2], argv[1::2], strict=True)))
    args = ["audit", "ssq", "--announcement", feed]
    for key, value in base.items():
        args += [key, value]
    assert main(args) == 2
    assert said in capsys.readouterr().err


def test_an_announcement_without_counts_is_refused(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "plain.txt"
    feed.write_text("双色球第2019021期 开奖号码：02 05 07 08 20 27 + 04\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text(_DRAW + "\n", encoding="utf-8")
    argv = ["audit", "ssq", "--issue", "2019021", "--announcement", str(feed),
            "--tickets", str(tmp_path / "t.txt")]  # fmt: skip
    assert main(argv) == 2
    assert "gives no winner counts" in capsys.readouterr().err


def test_columnar_tickets_audit_as_their_text(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyarrow")
    feed, _ = _files(tmp_path)
    table = str(tmp_path / "a.parquet")
    assert main(["convert", str(tmp_path / "a.txt"), table, "--game", "ssq"]) == 1  # line 13
    assert "a.txt:13: " in capsys.readouterr().err
    argv = ["audit", "ssq", "--issue", "2019021", "--announcement", feed, "--json", "--tickets"]
    assert main([*argv, str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 0
    text = json.loads(capsys.readouterr().out)
    assert main([*argv, table, str(tmp_path / "b.txt")]) == 0
    columns = json.loads(capsys.readouterr().out)
    assert columns["tiers"] == text["tiers"]
    assert columns["tickets"]["wins"] == text["tickets"]["wins"]
    assert columns["tickets"]["rejected_count"] == text["tickets"]["rejected_count"] == 1


def test_add_on_tiers_are_audited_as_announced() -> None:
    """大乐透: 追加 tiers as the sports-lottery feed names them, against 追加 tickets."""
    draw = lottery.parse_draw("dlt", "02 08 11 16 23 + 02 07", issue="21102")
    lines = [
        "02 08 11 16 23 + 02 07 追加",
        "02 08 11 16 23 + 02 09",
        "02 08 11 16 30 + 02 07 x2 追加",
    ]
    tally = lottery.check_many(lines, [draw])
    levels = [
        {"prizeLevel": t, "stakeCount": str(n), "stakeAmount": "0"} for t, n in tally.wins.items()
    ]
    record = {"lotteryDrawNum": "21102", "lotteryDrawResult": "02 08 11 16 23 02 07",
              "prizeLevelList": levels}  # fmt: skip
    [announced] = read_text(json.dumps({"value": {"list": [record]}}), game="dlt")
    assert "一等奖(追加)" in dict(announced.winners)
    assert lottery.audit(announced, tally) == ()
    rows = {r.tier: r for r in compare(announced, tally)}
    assert rows["一等奖(追加)"].counted == 1 and not rows["一等奖(追加)"].fixed
    assert rows["四等奖"].counted == 2 and rows["四等奖"].fixed
    fewer = lottery.check_many(lines[1:], [draw])
    assert {f.message.split(":")[0].split()[-1] for f in lottery.audit(announced, fewer)} == {
        "一等奖",
        "一等奖(追加)",
    }


def test_convert_without_the_scale_extra_says_how_to_get_it(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("numpy")
    from lottery import columnar

    monkeypatch.setattr(columnar, "available", lambda: False)
    (tmp_path / "t.txt").write_text(_DRAW + "\n", encoding="utf-8")
    argv = ["convert", str(tmp_path / "t.txt"), str(tmp_path / "t.parquet"), "--game", "ssq"]
    assert main(argv) == 2
    assert "pip install 'lottery[scale]'" in capsys.readouterr().err
    assert not (tmp_path / "t.parquet").exists()


def test_convert_needs_a_game(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    (tmp_path / "tickets.txt").write_text(_DRAW + "\n", encoding="utf-8")
    assert main(["convert", str(tmp_path / "tickets.txt"), str(tmp_path / "t.parquet")]) == 2
    assert "give --game" in capsys.readouterr().err
    (tmp_path / "ssq-sold.txt").write_text(_DRAW + "\n", encoding="utf-8")
    assert main(["convert", str(tmp_path / "ssq-sold.txt"), str(tmp_path / "t.parquet")]) == 0


def test_the_announcement_may_come_from_the_store(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from lottery import store

    feed, _ = _files(tmp_path)
    with store.open(str(tmp_path / "draws.sqlite")) as kept:
        kept.save(read_text(pathlib.Path(feed).read_text(encoding="utf-8"), source=feed))
    argv = ["audit", "ssq", "--issue", "2019021", "--announcement", str(tmp_path / "draws.sqlite"),
            "--tickets", str(tmp_path / "*.txt")]  # fmt: skip
    assert main(argv) == 0
    assert "all 6 tiers agree" in capsys.readouterr().out
