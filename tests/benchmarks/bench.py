"""Benchmarks: print figures, assert nothing.

    python tests/benchmarks/bench.py            # everything
    python tests/benchmarks/bench.py one forms  # some sections

Every figure is CPU time (the machine is shared: CPU time cancels most of its
noise), best of several runs, printed next to a minimal pure-Python loop doing
the same job's essential work, measured in the same run.

Sections:
- one: parse_ticket + check of one plain single bet of each game (µs, × the minimal loop).
- check: µs per check() of the largest ticket of each game and play.
- forms: check_many over every single-bet form and over 复式/胆拖 lines (tickets/s).
- vector: the vectorised lane (numpy) over files of each single-bet form (bets/s).
- batch: the command line on 1,000,000 双色球 singles (CPU, peak memory), with and
  without numpy, and split over 2 processes; a 10,000-draw history against one 复式.
- startup: import lottery, lottery --version, lottery --help (wall, best of 15).
- validate: records per second for the real feeds and histories and each input kind.
- stream: the command line on 100 MB text, CSV and JSON histories: records/s and peak memory
  (LOTTERY_BENCH_MB=20 for a quicker run).
- scale: 10,000,000 双色球 singles (LOTTERY_BENCH_BETS to change) from text and from Parquet,
  in one process and on a 2-worker Dask LocalCluster (bets/s, wall); what one draw
  (1.9 × 10⁸ bets) and a year (150 draws) would take on one such machine and on N.
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
    """Best of nine runs, µs of CPU per call (the machine is shared: the best is the signal)."""
    return min(timeit.repeat(fn, number=number, repeat=9, timer=time.process_time)) / number * 1e6


def _cpu(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best CPU seconds of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


_RED = {f"{n:02d}": n for n in range(1, 34)}
_BLUE = {f"{n:02d}": n for n in range(1, 17)}
_DRAWN_RED, _DRAWN_BLUE = frozenset({2, 5, 7, 8, 20, 27}), frozenset({4})
_TIERS = {(6, 1): "一等奖", (6, 0): "二等奖", (5, 1): "三等奖"}


def _minimal_one(line: str) -> str | None:
    """The minimal loop: read one 双色球 single (tokens, counts, repeats) and find its tier."""
    red, _, blue = line.partition("+")
    reds, blues = red.split(), blue.split()
    if len(reds) != 6 or len(blues) != 1:
        return None
    a = {_RED[t] for t in reds}
    b = {_BLUE[t] for t in blues}
    if len(a) != 6:
        return None
    return _TIERS.get((len(a & _DRAWN_RED), len(b & _DRAWN_BLUE)))


def _minimal_many(lines: list[str]) -> dict[tuple[int, int], int]:
    """The minimal loop over many lines: the same checks, hit patterns counted."""
    counts: dict[tuple[int, int], int] = {}
    for line in lines:
        red, _, blue = line.partition("+")
        reds, blues = red.split(), blue.split()
        if len(reds) != 6 or len(blues) != 1:
            continue
        a = {_RED[t] for t in reds}
        b = {_BLUE[t] for t in blues}
        if len(a) != 6:
            continue
        key = (len(a & _DRAWN_RED), len(b & _DRAWN_BLUE))
        counts[key] = counts.get(key, 0) + 1
    return counts


ONE = [  # (game, issue, draw, a plain single bet)
    ("ssq", "2019021", "02 05 07 08 20 27 + 04", "02 05 07 08 20 33 + 04"),
    ("dlt", "21102", "02 08 11 16 23 + 02 07", "02 08 11 16 30 + 02 09"),
    ("qlc", "2017106", "01 02 03 04 05 06 07 + 08", "01 02 03 04 05 06 08"),
    ("15x5", "2019048", "02 03 06 12 13", "02 03 06 12 14"),
    ("pl3", "19048", "161", "161"),
    ("3d", "2019048", "326", "326"),
    ("pl5", "19048", "16170", "16171"),
    ("qxc", "19021", "2508750", "2508751"),
    ("qxc", "20100", "560021 + 12", "560021 + 12"),
    ("pl3", "19048", "161", "组选3 116"),
    ("pl3", "19050", "326", "组选6 236"),
    ("kl8", "2025350", " ".join(f"{n:02d}" for n in range(1, 21)), "选五 01 02 03 04 05"),
]


def bench_one() -> None:
    line = "02 05 07 08 20 33 + 04"
    print("one ticket: parse_ticket + check (µs of CPU; the minimal loop measured next to each)")
    for code, issue, draw_text, text in ONE:
        draw = lottery.parse_draw(code, draw_text, issue=issue)
        given = issue if code == "qxc" else None  # the layout of 七星彩's tickets changed

        def path(
            code: str = code, text: str = text, draw: lottery.Draw = draw, given: str | None = given
        ) -> object:
            return lottery.check(lottery.parse_ticket(code, text, issue=given), draw)

        us = base = float("inf")
        for _ in range(3):  # alternate: the machine's speed drifts between minutes
            base = min(base, _us(lambda: _minimal_one(line), number=10000))
            us = min(us, _us(path, number=5000))
        print(
            f"  {code:5} {text:<28} {us:7.2f} µs  {us / base:5.1f}× the minimal loop ({base:.2f} µs)"
        )


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
    print("check(): largest tickets (µs of CPU per call, best of 9)")
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


def _forms() -> list[tuple[str, str, str, Callable[[random.Random], str]]]:
    """(name, issue, draw, a random line of the form) for every single-bet form and more."""

    def balls(rng: random.Random, hi: int, k: int) -> str:
        return " ".join(f"{n:02d}" for n in sorted(rng.sample(range(1, hi + 1), k)))

    def digits(rng: random.Random, k: int) -> str:
        return "".join(str(rng.randint(0, 9)) for _ in range(k))

    def pair(rng: random.Random) -> str:
        a, b = rng.sample("0123456789", 2)
        return f"组选3 {a}{a}{b}"

    def dantuo(rng: random.Random) -> str:
        picked = [f"{n:02d}" for n in rng.sample(range(1, 34), 8)]
        return f"{' '.join(picked[:2])} # {' '.join(sorted(picked[2:]))} + {balls(rng, 16, 1)}"

    kl8 = " ".join(f"{n:02d}" for n in range(1, 21))
    return [
        (
            "ssq",
            "2019021",
            "02 05 07 08 20 27 + 04",
            lambda r: f"{balls(r, 33, 6)} + {balls(r, 16, 1)}",
        ),
        ("15x5", "2019048", "02 03 06 12 13", lambda r: balls(r, 15, 5)),
        ("pl3 直选", "19048", "161", lambda r: digits(r, 3)),
        ("3d 直选", "2019048", "326", lambda r: digits(r, 3)),
        ("pl3 组选3", "19048", "161", pair),
        ("pl3 组选6", "19048", "162", lambda r: "组选6 " + "".join(r.sample("0123456789", 3))),
        ("pl5", "19048", "16170", lambda r: digits(r, 5)),
        ("qxc original", "19021", "2508750", lambda r: digits(r, 7)),
        (
            "qxc 2020, back 7",
            "20100",
            "560021 + 7",
            lambda r: f"{digits(r, 6)} + {r.randint(0, 14)}",
        ),
        (
            "qxc 2020, back 12",
            "20100",
            "560021 + 12",
            lambda r: f"{digits(r, 6)} + {r.randint(0, 14)}",
        ),
        (
            "dlt",
            "21102",
            "02 08 11 16 23 + 02 07",
            lambda r: f"{balls(r, 35, 5)} + {balls(r, 12, 2)}",
        ),
        ("qlc", "2017106", "01 02 03 04 05 06 07 + 08", lambda r: balls(r, 30, 7)),
        ("kl8 选一", "2025350", kl8, lambda r: "选一 " + balls(r, 80, 1)),
        ("kl8 选五", "2025350", kl8, lambda r: "选五 " + balls(r, 80, 5)),
        ("kl8 选十", "2025350", kl8, lambda r: "选十 " + balls(r, 80, 10)),
        (
            "ssq 复式 8+2",
            "2019021",
            "02 05 07 08 20 27 + 04",
            lambda r: f"{balls(r, 33, 8)} + {balls(r, 16, 2)}",
        ),
        ("ssq 胆拖 2#6+1", "2019021", "02 05 07 08 20 27 + 04", dantuo),
        (
            "pl3 复式",
            "19048",
            "161",
            lambda r: "|".join("".join(sorted(r.sample("0123456789", 2))) for _ in range(3)),
        ),
        (
            "dlt 复式 7+3",
            "21102",
            "02 08 11 16 23 + 02 07",
            lambda r: f"{balls(r, 35, 7)} + {balls(r, 12, 3)}",
        ),
    ]


def bench_forms() -> None:
    n = 100_000
    rng = random.Random(1)
    ssq = _ssq_lines(n)
    base = n / _cpu(lambda: _minimal_many(ssq))
    print(
        f"check_many, one draw: tickets/s of CPU (minimal loop over 双色球 singles {base:,.0f}/s)"
    )
    first = None
    for name, issue, draw_text, make in _forms():
        draw = lottery.parse_draw(name.split()[0], draw_text, issue=issue)
        lines = [make(rng) for _ in range(n)]
        rate = n / _cpu(lambda lines=lines, draw=draw: lottery.check_many(lines, [draw]))
        first = first or rate
        print(
            f"  {name:<18} {rate:>10,.0f}  {rate / first:5.0%} of 双色球 singles  {base / rate:5.1f}× the minimal loop"
        )


def bench_vector() -> None:
    try:
        from lottery import vector
    except ImportError:  # pragma: no cover
        return
    if not vector.available():
        print("vector: numpy is not installed (pip install 'lottery[fast]')")
        return
    n = 1_000_000
    rng = random.Random(1)
    ssq = _ssq_lines(200_000)
    base = len(ssq) / _cpu(lambda: _minimal_many(ssq))
    print(
        f"the vectorised lane over files of 1,000,000 lines: bets/s of CPU (minimal loop {base:,.0f}/s)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "tickets.txt")
        for name, issue, draw_text, make in _forms():
            if "复式" in name or "胆拖" in name:
                continue
            draw = lottery.parse_draw(name.split()[0], draw_text, issue=issue)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("".join(make(rng) + "\n" for _ in range(n)))
            vector.check_file(path, draw)
            rate = n / _cpu(lambda draw=draw: vector.check_file(path, draw))
            print(f"  {name:<18} {rate:>12,.0f}  {rate / base:6.1f}× the minimal loop")


def _run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident MB of a command."""
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import resource, subprocess, sys;"
            "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
            "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
            "print(u.ru_utime + u.ru_stime, u.ru_maxrss)",
            *cmd,
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    wall = time.perf_counter() - start
    cpu, peak = proc.stdout.split()
    return wall, float(cpu), int(peak) / 1024


def _best_run(
    cmd: list[str], env: dict[str, str] | None = None, times: int = 3
) -> tuple[float, float, float]:
    runs = [_run(cmd, env) for _ in range(times)]
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)


def bench_batch() -> None:
    lottery_cmd = [sys.executable, "-m", "lottery"]
    draw = ["--issue", "2019021", "--draw", "02 05 07 08 20 27 + 04"]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "tickets.txt")
        lines = _ssq_lines(1_000_000, seed=2)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        base = len(lines) / _cpu(lambda: _minimal_many(lines), repeat=2)
        print(f"command line, 1,000,000 single 双色球 tickets (minimal loop {base:,.0f}/s)")
        cmd = [*lottery_cmd, "check", "ssq", *draw, "--tickets", path]
        for label, extra, env in [
            ("numpy lane, one process", [], {}),
            ("numpy lane, --workers 2", ["--workers", "2"], {}),
            ("no numpy (LOTTERY_VECTOR=0), auto split", [], {"LOTTERY_VECTOR": "0"}),
            ("no numpy, --workers 1", ["--workers", "1"], {"LOTTERY_VECTOR": "0"}),
        ]:
            wall, cpu, peak = _best_run([*cmd, *extra], env)
            print(
                f"  {label:<40} {wall:5.2f} s wall  {cpu:5.2f} s CPU"
                f"  {1_000_000 / cpu:>11,.0f} bets/s of CPU  peak {peak:5.1f} MB"
            )
        big = os.path.join(tmp, "big.txt")
        with open(big, "w", encoding="utf-8") as handle:
            handle.writelines("\n".join(lines) + "\n" for _ in range(4))
        mb = os.path.getsize(big) >> 20
        for workers in ("1", "2"):
            wall, cpu, peak = _best_run(
                [*lottery_cmd, "check", "ssq", *draw, "--tickets", big, "--workers", workers]
            )
            print(
                f"  4,000,000 lines ({mb} MB), numpy, --workers {workers}: {wall:5.2f} s wall  {cpu:5.2f} s CPU  peak {peak:5.1f} MB"
            )
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
        checking = _cpu(lambda: lottery.check_many([ticket], draws))
        print("one 复式 (420 bets) against a 10,000-draw history")
        print(f"  check_many, draws in memory: {checking:6.2f} s of CPU")
        wall, cpu, peak = _best_run([*lottery_cmd, "check", "ssq", "--history", feed, ticket])
        print(
            f"  command line, reading a CWL JSON feed: {wall:5.2f} s wall  {cpu:5.2f} s CPU  peak {peak:5.1f} MB"
        )


def bench_startup() -> None:
    def best(cmd: list[str]) -> float:
        runs = []
        for _ in range(15):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
            runs.append(time.perf_counter() - start)
        return min(runs) * 1000

    python = best([sys.executable, "-c", "pass"])
    print(f"start-up, wall ms, best of 15 (python -c pass: {python:.0f} ms)")
    script = os.path.join(os.path.dirname(sys.executable), "lottery")
    cli = [script] if os.path.exists(script) else [sys.executable, "-m", "lottery"]
    for label, cmd in [
        ("import lottery", [sys.executable, "-c", "import lottery"]),
        (
            "import lottery; parse a ticket",
            [
                sys.executable,
                "-c",
                "import lottery; lottery.parse_ticket('ssq', '01 02 03 04 05 06 + 07')",
            ],
        ),
        ("lottery --version", [*cli, "--version"]),
        ("lottery --help", [*cli, "--help"]),
    ]:
        ms = best(cmd)
        print(f"  {label:<32} {ms:6.0f} ms  ({ms - python:+.0f} ms over python)")


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


def _minimal_read(path: str) -> int:
    """The minimal loop: parse the file and each record's numbers as ints (no checks)."""
    count = 0
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        items = data.get("result") or data.get("value", {}).get("list") or []
        for item in items:
            text = item.get("red") or item.get("lotteryDrawResult") or ""
            [int(x) for x in text.replace(",", " ").split()]
            count += 1
        return count
    with open(path, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            [int(x) for x in line.rstrip("\n").split(",")[2:9] if x.strip().isdecimal()]
            count += 1
    return count


def _objects(records: list[lottery.Record]) -> None:
    """The data model alone: each record's draw and record made again, nothing read or checked."""
    from lottery.model import Draw
    from lottery.records import Record

    for r in records:
        d = r.draw
        if d is None:
            continue
        draw = Draw._read(
            d.game,
            d.issue,
            d.edition,
            d.numbers,
            d.date,
            d.prizes,
            special_period=d.special_period,
            pool_before=d.pool_before,
            promotions=d.promotions,
            settled=True,
        )
        Record(
            r.source,
            r.where,
            r.text,
            r.game,
            draw=draw,
            issue=r.issue,
            printed=r.printed,
            order=r.order,
            weekday=r.weekday,
            pool=r.pool,
            sales=r.sales,
            winners=r.winners,
            notes=r.notes,
        )


def bench_validate() -> None:
    from lottery import validate

    print("validate: records/s of CPU by input (read + every check), × a minimal read loop;")
    print("  the last column: the data model alone (each Draw and Record made, nothing else)")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _synthetic_inputs(tmp)
        real = {
            "real CWL 3D feed": os.path.join(SHARED, "cwl", "3d.json"),
            "real CWL 双色球 feed": os.path.join(SHARED, "cwl", "ssq.json"),
            "real CSV 双色球 2003–2020": os.path.join(SHARED, "csv", "ssq_2003_2020.csv"),
            "real CSV 3D 2002–2020": os.path.join(SHARED, "csv", "3d_2002_2020.csv"),
            "real CSV 排列3 2004–2025": os.path.join(SHARED, "csv", "pl3_2004_2025.csv"),
            "real CSV 七星彩 2004–2026": os.path.join(SHARED, "csv", "qxc_2004_2026.csv"),
        }
        inputs = {k: v for k, v in real.items() if os.path.exists(v)} | inputs
        for kind, path in inputs.items():
            validate.validate_files([path])
            # best of 15: a run is tens of milliseconds, and the shared machine's speed moves
            seconds = _cpu(lambda path=path: validate.validate_files([path]), repeat=15)
            n = len(validate.read_inputs([path]))
            minimal = _cpu(lambda path=path: _minimal_read(path))
            records = validate.read_inputs([path])
            objects = _cpu(lambda records=records: _objects(records))
            print(
                f"  {kind:<28} {n:>6,} records  {n / seconds:>9,.0f} records/s"
                f"  {seconds / minimal:5.1f}× the minimal loop  objects alone {n / objects:>9,.0f}/s"
            )


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
            wall, cpu, peak = _run(
                [sys.executable, "-m", "lottery", "validate", "--game", "ssq", path]
            )
            print(
                f"  {kind:<5} {mb:6.0f} MB  {records:>10,} records  {wall:6.1f} s wall  {cpu:6.1f} s CPU"
                f"  {records / cpu:>9,.0f} records/s of CPU  peak {peak:6.0f} MB ({peak / mb:.2f}× the input)"
            )


def _ssq_file(path: str, n: int, seed: int = 5) -> None:
    """``n`` random 双色球 singles, one a line, written in chunks (numpy makes them)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    digits = np.frombuffer(b"0123456789", dtype=np.uint8)
    with open(path, "wb") as handle:
        for start in range(0, n, 250_000):
            rows = min(250_000, n - start)
            reds = np.sort(rng.random((rows, 33)).argsort(axis=1)[:, :6] + 1, axis=1)
            numbers = np.concatenate([reds, rng.integers(1, 17, (rows, 1))], axis=1)
            line = np.frombuffer(b"00 00 00 00 00 00 + 00\n", dtype=np.uint8)
            grid = np.tile(line, (rows, 1))
            for k, at in enumerate((0, 3, 6, 9, 12, 15, 20)):
                grid[:, at] = digits[numbers[:, k] // 10]
                grid[:, at + 1] = digits[numbers[:, k] % 10]
            handle.write(grid.tobytes())


def bench_scale() -> None:
    try:
        import distributed

        from lottery import columnar, partitions
        from lottery import dask as on_dask
    except ImportError:
        print("scale: needs pip install 'lottery[scale]'")
        return
    n = int(os.environ.get("LOTTERY_BENCH_BETS", "10000000"))
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    sample = _ssq_lines(200_000)
    base = len(sample) / _cpu(lambda: _minimal_many(sample))
    print(f"scale: {n:,} 双色球 singles (minimal loop {base:,.0f} bets/s of CPU)")
    with tempfile.TemporaryDirectory() as tmp:
        text = os.path.join(tmp, "sold.txt")
        table = os.path.join(tmp, "sold.parquet")
        _ssq_file(text, n)
        start, cpu = time.perf_counter(), time.process_time()
        columnar.convert(text, table, game="ssq")
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        mb_text, mb_table = os.path.getsize(text) / 2**20, os.path.getsize(table) / 2**20
        print(
            f"  lottery convert: {n / wall:,.0f} lines/s ({wall:.1f} s wall, {cpu:.1f} s CPU);"
            f" text {mb_text:.0f} MB, Parquet {mb_table:.0f} MB"
        )
        rates: dict[str, float] = {}
        for name, path in (("text", text), ("Parquet", table)):
            start, cpu = time.perf_counter(), time.process_time()
            tally = partitions.check(path, [draw])
            wall, cpu = time.perf_counter() - start, time.process_time() - cpu
            assert tally.bets == n
            rates[f"one process, {name}"] = n / wall
            print(
                f"  one process, {name:<8} {n / wall:>12,.0f} bets/s ({wall:5.2f} s wall,"
                f" {n / cpu:,.0f} bets/s of CPU = {n / cpu / base:.0f}× the minimal loop)"
            )
        cluster = on_dask.local_cluster(2)
        with distributed.Client(cluster) as client:
            for name, path in (("text", text), ("Parquet", table)):
                on_dask.check(path, [draw], client=client)  # workers warm
                best = min(
                    _timed(lambda path=path: on_dask.check(path, [draw], client=client))
                    for _ in range(2)
                )
                rates[f"2 workers, {name}"] = n / best
                print(
                    f"  2-worker cluster, {name:<8} {n / best:>12,.0f} bets/s ({best:5.2f} s wall)"
                )
        cluster.close()
    draw_bets, year = 1.9e8, 150
    print("  projected (bets/s as measured; parts are independent, so N machines divide the time):")
    for label, rate in rates.items():
        one, whole = draw_bets / rate, draw_bets * year / rate
        print(
            f"    {label:<22} one draw {one:6.1f} s;  a year {whole / 60:6.1f} min on one machine,"
            f" {whole / 60 / 10:5.1f} min on 10"
        )


def _timed(job: Callable[[], object]) -> float:
    start = time.perf_counter()
    job()
    return time.perf_counter() - start


def _lines(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def _json_records(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b'"code"') for chunk in iter(lambda: handle.read(1 << 20), b""))


SECTIONS = {
    "one": bench_one,
    "check": bench_check,
    "forms": bench_forms,
    "vector": bench_vector,
    "batch": bench_batch,
    "startup": bench_startup,
    "validate": bench_validate,
    "stream": bench_stream,
    "scale": bench_scale,
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
