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
"""

from __future__ import annotations

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
    """Best of five runs, µs per call."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


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
]


def bench_check() -> None:
    print("check(): largest tickets (µs per call, best of 5)")
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
        feed = os.path.join(tmp, "history.txt")
        rng = random.Random(3)
        with open(feed, "w", encoding="utf-8") as handle:
            for i in range(10_000):
                year, number = 2003 + i // 150, i % 150 + 1
                reds = " ".join(f"{r:02d}" for r in sorted(rng.sample(range(1, 34), 6)))
                handle.write(f"双色球 第{year}{number:03d}期 {reds} + {rng.randint(1, 16):02d}\n")
        ticket = "01 02 03 04 05 06 07 08 09 10 + 01 02"
        wall, peak = _run([*lottery_cmd, "check", "ssq", "--history", feed, ticket])
        print("command line, one 复式 (420 bets) against a 10,000-draw history")
        print(f"  {wall:6.2f} s   peak memory {peak:6.1f} MB")


SECTIONS = {"check": bench_check, "lines": bench_lines, "batch": bench_batch}


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
