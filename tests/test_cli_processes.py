"""The command line with real processes: pipes and FIFOs read once, workers, signals."""

from __future__ import annotations

import json
import os
import pathlib
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

DRAW = ["--draw", "02 05 07 08 20 27 + 04", "--issue", "2019021"]


def _tickets(path: pathlib.Path, n: int, *, newline: str = "\n") -> None:
    rng = random.Random(5)
    lines = []
    for i in range(n):
        if i % 997 == 0:
            lines.append("not a ticket")
            continue
        reds = sorted(rng.sample(range(1, 34), 6))
        lines.append(" ".join(f"{x:02d}" for x in reds) + f" + {rng.randint(1, 16):02d}")
    path.write_text(newline.join(lines) + newline, encoding="utf-8")


def _lottery(*args: str, stdin: object = None, env: dict[str, str] | None = None) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "lottery", *args],
        stdin=stdin,  # type: ignore[arg-type]
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def _same(a: dict, b: dict) -> None:
    for key in ("tickets", "bets", "wins", "total", "rejected_count", "winners_count"):
        assert a[key] == b[key], key
    assert [r["line"] for r in a["rejected"]] == [r["line"] for r in b["rejected"]]
    assert [w["line"] for w in a["winners"]] == [w["line"] for w in b["winners"]]


def test_a_file_a_pipe_stdin_and_a_fifo_give_the_same_tally(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "tickets.txt"
    _tickets(path, 200_000)  # over the split threshold: the file itself is split over workers
    args = ["check", "ssq", *DRAW, "--json", "--max-listed", "50"]
    whole = _lottery(*args, "--tickets", str(path), "--workers", "2")
    single = _lottery(*args, "--tickets", str(path), "--workers", "1")
    with path.open("rb") as handle:
        stdin = _lottery(*args, "--tickets", "-", stdin=handle)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as out:
            out.write(path.read_bytes())

    writer = threading.Thread(target=feed)
    writer.start()
    piped = _lottery(*args, "--tickets", str(fifo), "--workers", "2")
    writer.join()
    assert whole["tickets"] + whole["rejected_count"] == 200_000
    for other in (single, stdin, piped):
        _same(whole, other)


def test_lone_carriage_returns_count_the_same(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "tickets.txt"
    _tickets(path, 200_000, newline="\r")
    args = ["check", "ssq", *DRAW, "--json", "--max-listed", "50", "--tickets", str(path)]
    _same(_lottery(*args, "--workers", "2"), _lottery(*args, "--workers", "1"))


@pytest.mark.parametrize("value", ["99999", "-3", "x"])
def test_workers_outside_the_cores_are_a_usage_error(value: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lottery", "check", "ssq", *DRAW, "--workers", value, "01"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "--workers" in done.stderr


def test_max_listed_must_not_be_negative() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lottery", "check", "ssq", *DRAW, "--max-listed", "-5", "01"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
@pytest.mark.parametrize(
    ("sig", "status", "word"),
    [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")],
)
def test_a_signal_ends_every_worker_and_leaves_no_file(
    tmp_path: pathlib.Path, sig: int, status: int, word: str
) -> None:
    path = tmp_path / "tickets.txt"
    _tickets(path, 1_500_000)
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lottery",
            "check",
            "ssq",
            *DRAW,
            "--tickets",
            str(path),
            "--workers",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the workers did not start"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == status
    assert err.strip().splitlines() == [f"lottery: {word}"]
    time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)]
    assert list(temp.iterdir()) == []


def test_a_failing_worker_says_so_in_one_line(tmp_path: pathlib.Path) -> None:
    code = (
        "from lottery import _parallel\n"
        f"_parallel._run({str(tmp_path / 'tally.json')!r}, {str(tmp_path / 'missing.txt')!r},"
        " 'utf-8', (0, 10, 1), 'ssq', [], 10,"
        f" {str(tmp_path / 'rejected.txt')!r}, None, False)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("lottery: a worker failed: FileNotFoundError")


def test_a_history_from_standard_input() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lottery", "check", "pl3", "--history", "-", "123", "--json"],
        input="排列3 第19048期 161\n排列3 第19049期 123\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["draws"] == 2
    assert data["feed"]["source"] == "-"
    assert [w["issue"] for w in data["tickets"][0]["won"]] == ["19049"]
