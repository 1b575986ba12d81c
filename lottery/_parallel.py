"""Check a large ticket file on every core: split at line boundaries, merge tallies.

Each worker streams its own byte range of the file (GB18030 and UTF-8 never
have a newline byte inside a character, so a split after a newline is a split
between lines), numbers its lines from the right place, and writes the lines
it rejects to a file of its own; the parent merges the tallies and replays the
rejections in file order.  Memory stays flat in every process.
"""

from __future__ import annotations

import io
import itertools
import json
import multiprocessing
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Sequence
from typing import Any

from lottery import _io
from lottery._money import money
from lottery.batch import Rejected, Tally, Winner, check_many
from lottery.check import Win
from lottery.model import Draw
from lottery.notation import parse_draw
from lottery.registry import get_game
from lottery.rules import Game

__all__ = ["MIN_SIZE", "check_file", "splittable"]

#: Files smaller than this are checked in one process: starting workers costs more.
MIN_SIZE = _io.SPLIT_SIZE
_BLOCK = 1 << 20
#: Encodings in which a newline byte always ends a line.
_SPLITTABLE = ("utf-8", "utf-8-sig", "gb18030")


def splittable(path: str, min_size: int = MIN_SIZE) -> bool:
    """Whether ``path`` is a regular file large enough to split over processes."""
    return _io.big_file(path, min_size)


class _Range(io.RawIOBase):
    """Bytes ``start``–``end`` of a file, as a stream."""

    def __init__(self, path: str, start: int, end: int) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 - closed in close()
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:  # noqa: ANN401 - the RawIOBase signature
        if self._left <= 0:
            return 0
        view = memoryview(buffer)[: self._left]
        count = self._file.readinto(view)
        self._left -= count
        return count

    def close(self) -> None:
        self._file.close()
        super().close()


def _splits(path: str, parts: int) -> list[tuple[int, int, int]]:
    """(start, end, first line number) of ``parts`` ranges that end after a newline."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as handle:
        for i in range(1, parts):
            handle.seek(max(size * i // parts, cuts[-1]))
            handle.readline()
            cuts.append(handle.tell())
        cuts.append(size)
        ranges = []
        line = 1
        handle.seek(0)
        for start, end in itertools.pairwise(cuts):
            ranges.append((start, end, line))
            left = end - start
            while left > 0:
                block = handle.read(min(_BLOCK, left))
                line += block.count(b"\n")
                left -= len(block)
    return ranges


def _worker(
    path: str,
    encoding: str,
    span: tuple[int, int, int],
    code: str,
    texts: Sequence[str],
    keep: int,
    rejections: str,
    progress: Any,  # noqa: ANN401 - a multiprocessing.Value
    vectorised: bool,  # noqa: FBT001 - passed through the process's arguments
) -> dict[str, Any]:
    """Check one range of the file; return the tally as plain data (it crosses processes)."""
    game = get_game(code)
    draws = [parse_draw(game, text) for text in texts]
    start, end, first = span
    stream = io.BufferedReader(_Range(path, start, end))
    encoding = encoding if start == 0 else encoding.removesuffix("-sig")
    out = open(rejections, "w", encoding="utf-8")  # noqa: SIM115 - closed below

    def report(bad: Rejected) -> None:
        out.write(f"{bad.where}\t{bad.kind}\t{bad.reason}\n")

    try:
        tally = (_vector if vectorised else _lines)(
            stream, encoding, draws, game, keep, report, first, progress
        )
    finally:
        out.close()
        stream.close()
    return {
        "tickets": tally.tickets,
        "bets": tally.bets,
        "wins": dict(tally.wins),
        "total": str(tally.total),  # money crosses as decimal text: exact
        "pending": tally.pending,
        "winners": [
            (
                w.where,
                w.ticket,
                w.issue,
                [(x.tier, x.count, None if x.prize is None else str(x.prize)) for x in w.wins],
                str(w.total),
                w.multiple,
            )
            for w in tally.winners
        ],
        "winners_count": tally.winners_count,
        "rejected": [(r.where, r.text, r.reason, r.kind) for r in tally.rejected],
        "rejected_count": tally.rejected_count,
        "draws": tally.draws,
    }


def _lines(
    stream: Any,  # noqa: ANN401 - a buffered reader of the range
    encoding: str,
    draws: list[Draw],
    game: Game,
    keep: int,
    report: Callable[[Rejected], None],
    first: int,
    progress: Any,  # noqa: ANN401 - a multiprocessing.Value
) -> Tally:
    """A range through check_many, line by line."""
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=None)

    def lines() -> Any:  # noqa: ANN401 - a generator of str
        done = 0
        for count, line in enumerate(text):
            done += len(line)
            if not count & 0xFFFF:
                with progress.get_lock():
                    progress.value += done
                done = 0
            yield line
        with progress.get_lock():
            progress.value += done

    try:
        return check_many(
            lines(),
            draws,
            game=game,
            keep_winners=keep,
            keep_rejected=keep,
            on_rejected=report,
            first_line=first,
        )
    finally:
        text.detach()


def _vector(
    stream: Any,  # noqa: ANN401 - a buffered reader of the range
    encoding: str,
    draws: list[Draw],
    game: Game,
    keep: int,
    report: Callable[[Rejected], None],
    first: int,
    progress: Any,  # noqa: ANN401 - a multiprocessing.Value
) -> Tally:
    """A range through the vectorised lane (one draw, numpy)."""
    from lottery import vector  # noqa: PLC0415 - the optional lane

    del game
    seen = [0]

    def moved(done: int) -> None:
        with progress.get_lock():
            progress.value += done - seen[0]
        seen[0] = done

    return vector.check_stream(
        stream,
        encoding,
        draws[0],
        keep_winners=keep,
        keep_rejected=keep,
        on_rejected=report,
        on_progress=moved,
        first_line=first,
    )


_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _block() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)


def _unblock() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)


def _run(result: str, *args: Any) -> None:  # noqa: ANN401
    """A worker process: check one range and leave the tally in ``result``.

    The parent ends the workers on an interrupt; a worker ignores it itself, so
    Ctrl-C prints one line, not a traceback per process.  A worker that fails
    says so in one line and exits 1.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not ours
    _unblock()  # blocked by the parent across the fork: now our own handlers are set
    try:
        tally = _worker(*args)
        with open(result, "w", encoding="utf-8") as handle:
            json.dump(tally, handle, ensure_ascii=False)
    except Exception as error:  # noqa: BLE001 - reported in one line, then exit 1
        sys.stderr.write(f"lottery: a worker failed: {type(error).__name__}: {error}\n")
        sys.stderr.flush()
        os._exit(1)


def _tally(part: dict[str, Any], keep: int, order: tuple[str, ...]) -> Tally:
    """A worker's tally, back from the plain data that crossed processes."""
    return Tally(
        part["tickets"],
        part["bets"],
        part["wins"],
        money(part["total"]),
        tuple(part["pending"]),
        tuple(
            Winner(
                where,
                ticket,
                issue,
                tuple(Win(t, c, None if p is None else money(p)) for t, c, p in won),
                money(total),
                multiple,
            )
            for where, ticket, issue, won, total, multiple in part["winners"]
        ),
        part["winners_count"],
        tuple(Rejected(*r) for r in part["rejected"]),
        part["rejected_count"],
        part["draws"],
        order=order,
        keep=keep,
    )


def _merge(parts: Sequence[dict[str, Any]], keep: int, order: dict[str, int]) -> Tally:
    """The workers' tallies added up: the same as one pass over the file."""
    names = tuple(sorted(order, key=order.__getitem__))
    empty = Tally.empty(parts[0]["draws"], order=names, keep=keep)
    return sum((_tally(part, keep, names) for part in parts), empty)


def check_file(
    path: str,
    draws: Sequence[Draw],
    *,
    game: Game,
    keep: int,
    on_rejected: Callable[[Rejected], None] | None,
    on_progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    min_size: int = MIN_SIZE,
    vectorised: bool = False,
) -> Tally | None:
    """The tally of a ticket file checked on every core, or ``None`` to check it in one.

    ``on_rejected`` sees every rejected line, in file order, after the run;
    ``on_progress(done, size)`` is called about ten times a second.
    """
    cores = workers or os.cpu_count() or 1
    if cores < 2 or not splittable(path, min_size):
        return None
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        sample = handle.read(64 * 1024)
    encoding = _io.detect_encoding(sample)
    if encoding not in _SPLITTABLE or b"\r" in sample.replace(b"\r\n", b""):
        return None  # a lone carriage return ends a line too: the splits would miscount
    context: Any = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    progress = context.Value("q", 0)
    texts = [str(d) for d in draws]
    order = {t.name: i for i, t in enumerate(draws[-1].edition.tiers)}
    with tempfile.TemporaryDirectory() as tmp:
        spans = _splits(path, cores)
        files = [os.path.join(tmp, f"rejected-{i}.txt") for i in range(len(spans))]
        results = [os.path.join(tmp, f"tally-{i}.json") for i in range(len(spans))]
        processes = [
            context.Process(
                target=_run,
                args=(
                    result,
                    path,
                    encoding,
                    span,
                    game.code,
                    texts,
                    keep,
                    name,
                    progress,
                    vectorised,
                ),
                daemon=True,
            )
            for span, name, result in zip(spans, files, results, strict=True)
        ]
        try:
            _block()  # a signal during the forks waits until each worker set its handlers
            try:
                for process in processes:
                    process.start()
            finally:
                _unblock()
            while any(p.is_alive() for p in processes):
                processes[0].join(0.1)
                if on_progress is not None:
                    on_progress(progress.value, size)
        finally:  # an interrupt or a failure: no worker outlives the parent
            for process in processes:
                if process.is_alive():
                    process.terminate()
            for process in processes:
                process.join()
        if any(p.exitcode != 0 for p in processes):
            return None  # a worker failed (it said so): the caller checks in one process
        tallies = _collect(results, files, on_rejected)
    return _merge(tallies, keep, order)


def _collect(
    results: Sequence[str], files: Sequence[str], on_rejected: Callable[[Rejected], None] | None
) -> list[dict[str, Any]]:
    """The workers' tallies; their rejected lines replayed to ``on_rejected`` in file order."""
    tallies = []
    for result in results:
        with open(result, encoding="utf-8") as handle:
            tallies.append(json.load(handle))
    if on_rejected is not None:
        for name in files:
            with open(name, encoding="utf-8") as handle:
                for row in handle:
                    where, kind, reason = row.rstrip("\n").split("\t", 2)
                    on_rejected(Rejected(int(where), "", reason, kind))
    return tallies
