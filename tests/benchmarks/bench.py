"""Benchmarks: print figures, assert nothing.

    python tests/benchmarks/bench.py            # everything
    python tests/benchmarks/bench.py check      # one section: check, lines, batch, validate

Sections:
- check: µs per check() of the largest ticket of each game and play.
- lines: single 双色球 bets per second, parsed from text and checked, through the
  per-ticket API (parse_ticket + check) and the bulk API (check_many).
- batch: the command line on a file of 1,000,000 single 双色球 tickets (command
  start to result, peak memory), and a 10,000-draw history against one 复式.
- validate: records per second for each input kind.
- stream: the command line on 100 MB text, CSV and JSON histories: records/s and peak memory
  (LOTTERY_BENCH_MB=20 for a quicker run).
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable

import lottery

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")


def _us(fn: Callable[[], object], number: int = 2000) -> float:
    """Best of nine runs, µs per call (the machine is shared: the best is the signal)."""
    return min(timeit.repeat(fn, number=number, repeat=9)) / number * 1e6


LARGEST = [
    # (game, issue, draw, ticket)
    (
        "ssq",
        "2019021",
        "02 05 07 08 20 27 + 04",
        " ".join(f"{n:02d}" for n in range(1, 21))
        + " + "
        + " ".join(f"{n:02d}" for n in range(1, 17)),
    ),
    (
        "ssq",
        "2026014",
        "02 05 07 08 20 27 + 04",
        "01 02 03 04 05 # "
        + " ".join(f"{n:02d}" for n in range(6, 34))
        + " + "
        + " ".join(f"{n:02d}" for n in range(1, 17)),
    ),
    (
        "qxc",
        "20100",
        "560021 + 7",
        "|".join(["0123456789"] * 6) + " + " + " ".join(map(str, range(15))),
    ),
    ("qxc", "19021", "2508750", "|".join(["0123456789"] * 4 + ["0", "5", "0"])),
    ("pl5", "19048", "16170", "|".join(["0123456789"] * 5)),
    ("pl3", "19048", "161", "0123456789|0123456789|0123456789"),
    ("pl3", "19048", "161", "直选组合 0123456789"),
    ("pl3", "19048", "161", "组选3 0123456789"),
    ("pl3", "19050", "326", "组选6 0123456789"),
    ("pl3", "19050", "326", "直选和值 13"),
    ("3d", "2019048", "326", "0123456789|0123456789|0123456789"),
    ("3d", "2019048", "326", "通选 326"),
    ("15x5", "2019048", "02 03 06 12 13", "01 02 03 04 05 06 07 08 09 10 11 12 13"),
    (
        "15x5",
        "2019048",
        "02 03 06 12 13",
        "02 # " + " ".join(f"{n:02d}" for n in range(1, 16) if n != 2),
    ),
    (
        "dlt",
        "26090",
        "02 08 11 16 23 + 02 07; 开奖前奖池=900000000",
        " ".join(f"{n:02d}" for n in range(1, 19))
        + " + "
        + " ".join(f"{n:02d}" for n in range(1, 13))
        + " 追加",
    ),
    (
        "dlt",
        "21102",
        "02 08 11 16 23 + 02 07",
        "02 08 11 16 # " + " ".join(f"{n:02d}" for n in range(17, 36)) + " + 02 # 03 04 05 06 07",
    ),
    ("qlc", "2017106", "01 02 03 04 05 06 07 + 08", " ".join(f"{n:02d}" for n in range(1, 17))),
    (
        "qlc",
        "2017106",
        "01 02 03 04 05 06 07 + 08",
        "01 02 03 04 05 06 # " + " ".join(f"{n:02d}" for n in range(7, 31)),
    ),
    (
        "kl8",
        "2025350",
        " ".join(f"{n:02d}" for n in range(1, 21)),
        "选十 " + " ".join(f"{n:02d}" for n in range(13, 29)),
    ),
    (
        "kl8",
        "2025350",
        " ".join(f"{n:02d}" for n in range(1, 21)),
        "选十 01 02 03 04 05 06 07 08 09 # " + " ".join(f"{n:02d}" for n in range(17, 24)),
    ),
]


def bench_check() -> None:
    print("check(): largest tickets (µs per call, best of 9)")
    print(f"  {'game':5} {'ticket':<48} {'bets':>12} {'µs':>8}")
    for code, issue, draw_text, text in LARGEST:
        draw = lottery.parse_draw(code, draw_text, issue=issue)
        ticket = lottery.parse_ticket(code, text, issue=issue)
        us = _us(lambda ticket=ticket, draw=draw: lottery.check(ticket, draw))
        shown = text if len(text) <= 48 else text[:45] + "…"
        print(f"  {code:5} {shown:<48} {ticket.bets:>12,} {us:>8.1f}")


def _ssq_lines(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(f"{r:02d}" for r in sorted(rng.sample(range(1, 34), 6)))
        + f" + {rng.randint(1, 16):02d}"
        for _ in range(n)
    ]


def bench_lines() -> None:
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    lines = _ssq_lines(1_000_000)
    sample = lines[:100_000]
    start = time.perf_counter()
    for line in sample:
        lottery.check(lottery.parse_ticket("ssq", line), draw)
    per_ticket = len(sample) / (time.perf_counter() - start)
    start = time.perf_counter()
    tally = lottery.check_many(lines, [draw])
    bulk = tally.tickets / (time.perf_counter() - start)
    print("single 双色球 bets from text, parsed and checked")
    print(f"  parse_ticket + check, 100,000 lines: {per_ticket:>10,.0f} bets/s")
    print(f"  check_many, 1,000,000 lines:         {bulk:>10,.0f} bets/s")


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of a command."""
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import resource, subprocess, sys;"
            "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
            *cmd,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    return wall, int(proc.stdout.strip()) / 1024


def bench_batch() -> None:
    lottery_cmd = [sys.executable, "-m", "lottery.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "tickets.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(_ssq_lines(1_000_000, seed=2)) + "\n")
        wall, peak = _run(
            [
                *lottery_cmd,
                "check",
                "ssq",
                "--issue",
                "2019021",
                "--draw",
                "02 05 07 08 20 27 + 04",
                "--tickets",
                path,
            ]
        )
        print("command line, 1,000,000 single 双色球 tickets (start to result)")
        print(f"  {wall:6.2f} s   {1_000_000 / wall:>10,.0f} bets/s   peak memory {peak:6.1f} MB")
        rng = random.Random(3)
        records = []
        for i in range(10_000):
            year, number = 2003 + i // 150, i % 150 + 1
            reds = ",".join(f"{r:02d}" for r in sorted(rng.sample(range(1, 34), 6)))
            records.append(
                {
                    "name": "双色球",
                    "code": f"{year}{number:03d}",
                    "red": reds,
                    "blue": f"{rng.randint(1, 16):02d}",
                }
            )
        feed = _write(
            tmp, "history.json", json.dumps({"state": 0, "result": records}, ensure_ascii=False)
        )
        ticket = "01 02 03 04 05 06 07 08 09 10 + 01 02"
        from lottery.validate import read_inputs

        draws = [r.draw for r in read_inputs([feed]) if r.draw is not None]
        start = time.perf_counter()
        tally = lottery.check_many([ticket], draws)
        checking = time.perf_counter() - start
        print(
            f"one 复式 (420 bets) against a 10,000-draw history: {tally.winners_count:,} winning draws"
        )
        print(f"  check_many, draws in memory: {checking:6.2f} s")
        wall, peak = _run([*lottery_cmd, "check", "ssq", "--history", feed, ticket])
        print(
            f"  command line, reading a CWL JSON feed: {wall:6.2f} s   peak memory {peak:6.1f} MB"
        )


SHARED = os.path.join(ROOT, "..", "shared", "data")


def _synthetic_inputs(tmp: str, n: int = 5000) -> dict[str, str]:
    """One file per input kind, n records each, from random draws (issues 2010001 …)."""
    rng = random.Random(4)
    issues = [(2010 + i // 300, i % 300 + 1) for i in range(n)]
    paths = {}
    cwl = [
        {
            "name": "3D",
            "code": f"{y}{k:03d}",
            "date": "",
            "red": ",".join(str(rng.randint(0, 9)) for _ in range(3)),
            "blue": "",
            "sales": "100000000",
            "poolmoney": "",
        }
        for y, k in issues
    ]
    paths["CWL JSON (3D)"] = _write(
        tmp, "cwl_3d.json", json.dumps({"state": 0, "result": cwl}, ensure_ascii=False)
    )
    sport = [
        {
            "lotteryDrawNum": f"{y % 100:02d}{k:03d}",
            "lotteryDrawResult": " ".join(str(rng.randint(0, 9)) for _ in range(3)),
            "lotteryGameName": "排列3",
            "lotteryGameNum": "35",
            "lotteryDrawTime": "",
            "prizeLevelList": [
                {"prizeLevel": "直选", "stakeAmount": "1,040", "stakeCount": "1,000"}
            ],
        }
        for y, k in issues
    ]
    paths["sporttery JSON (排列3)"] = _write(
        tmp, "pl3.json", json.dumps({"value": {"list": sport}}, ensure_ascii=False)
    )
    rows = ["id,date,red1,red2,red3,red4,red5,red6,blue"]
    for y, k in issues:
        reds = sorted(rng.sample(range(1, 34), 6))
        rows.append(f"{y}{k:03d},," + ",".join(map(str, reds)) + f",{rng.randint(1, 16)}")
    paths["CSV (双色球)"] = _write(tmp, "ssq.csv", "\n".join(rows) + "\n")
    lines = []
    for y, k in issues:
        reds = " ".join(f"{r:02d}" for r in sorted(rng.sample(range(1, 34), 6)))
        lines.append(
            f"中国福利彩票“双色球”开奖公告第{y}{k:03d}期\n中奖号码：红色球号码{reds} 蓝色球号码：{rng.randint(1, 16):02d}"
        )
    paths["newspaper text (双色球)"] = _write(tmp, "page.txt", "\n".join(lines) + "\n")
    return paths


def _write(tmp: str, name: str, text: str) -> str:
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def bench_validate() -> None:
    from lottery import validate

    print("validate: records per second by input kind (read + every check)")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _synthetic_inputs(tmp)
        real = os.path.join(SHARED, "cwl", "3d.json")
        if os.path.exists(real):
            inputs = {"real CWL 3D feed (4,726 records)": real, **inputs}
        for kind, path in inputs.items():
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                report = validate.validate_files([path])
                best = min(best, time.perf_counter() - start)
            n = len(report.records)
            print(f"  {kind:<36} {n:>6,} records  {best:6.3f} s  {n / best:>9,.0f} records/s")


def _history_rows(n: int, seed: int = 7) -> list[tuple[str, list[int], int]]:
    """``n`` 双色球 draws with distinct issues (2003001 on), as a real history has."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        issue = f"{2003 + i // 150}{i % 150 + 1:03d}"
        out.append((issue, sorted(rng.sample(range(1, 34), 6)), rng.randint(1, 16)))
    return out


def _write_large(tmp: str, kind: str, size: int, rows: list[tuple[str, list[int], int]]) -> str:
    """A history of ``size`` bytes: the rows again and again (snapshots of one source)."""
    if kind == "text":
        unit = "".join(
            f"双色球第{i}期 开奖号码：{' '.join(f'{n:02d}' for n in r)} + {b:02d}\n"
            for i, r, b in rows
        )
        head, tail, sep = "", "", ""
    elif kind == "csv":
        unit = "".join(f"{i},{' '.join(f'{n:02d}' for n in r)} + {b:02d}\n" for i, r, b in rows)
        head, tail, sep = "期号,开奖号码\n", "", ""
    else:
        unit = ",".join(
            json.dumps(
                {
                    "name": "ssq",
                    "code": i,
                    "red": ",".join(f"{n:02d}" for n in r),
                    "blue": f"{b:02d}",
                }
            )
            for i, r, b in rows
        )
        head, tail, sep = '{"state":0,"message":"查询成功","result":[', "]}", ","
    path = os.path.join(tmp, f"ssq_history.{'txt' if kind == 'text' else kind}")
    data = unit.encode()
    with open(path, "wb") as handle:
        handle.write(head.encode())
        written = 0
        while written < size:
            if written:
                handle.write(sep.encode())
            handle.write(data)
            written += len(data)
        handle.write(tail.encode())
    return path


def bench_stream() -> None:
    """100 MB of each input kind through the command line: records/s and peak memory."""
    size = int(os.environ.get("LOTTERY_BENCH_MB", "100")) << 20
    rows = _history_rows(3_000)
    print(f"lottery validate of {size >> 20} MB histories (3,000 distinct 双色球 draws, repeated)")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("text", "csv", "json"):
            path = _write_large(tmp, kind, size, rows)
            mb = os.path.getsize(path) / (1 << 20)
            records = _json_records(path) if kind == "json" else _lines(path) - (kind == "csv")
            wall, peak = _run([sys.executable, "-m", "lottery", "validate", "--game", "ssq", path])
            print(
                f"  {kind:<5} {mb:6.0f} MB  {records:>10,} records  {wall:6.1f} s"
                f"  {records / wall:>9,.0f} records/s  peak {peak:6.0f} MB ({peak / mb:.2f}× the input)"
            )


def _lines(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def _json_records(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b'"code"') for chunk in iter(lambda: handle.read(1 << 20), b""))


SECTIONS = {
    "check": bench_check,
    "lines": bench_lines,
    "batch": bench_batch,
    "validate": bench_validate,
    "stream": bench_stream,
}


def main() -> None:
    wanted = sys.argv[1:] or list(SECTIONS)
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, lottery {lottery.__version__}\n"
    )
    for name in wanted:
        SECTIONS[name]()
        print()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"(benchmark process peak memory {usage.ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
