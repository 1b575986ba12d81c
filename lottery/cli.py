"""The ``lottery`` command line.

Exit status: 0 when every input was valid (and, for ``validate``, no error
was found), 1 when some input was rejected or an error finding was made, 2
for a usage or I/O error.  See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import attrs

from lottery import _io, _text
from lottery._parallel import MIN_SIZE, splittable
from lottery._version import __version__
from lottery.batch import Rejected, Tally, check_many, read_for_draws
from lottery.check import CheckResult, check
from lottery.exceptions import LotteryError
from lottery.model import Draw
from lottery.notation import parse_draw, parse_ticket
from lottery.registry import games, get_game
from lottery.rules import Game

__all__ = ["main"]

OK, REJECTED, USAGE = 0, 1, 2
#: Exit statuses after SIGINT and SIGTERM (128 + the signal), as shells report them.
INTERRUPTED, TERMINATED = 130, 143


class _Usage(Exception):
    """A usage or I/O problem: message, exit 2."""


class _Terminated(Exception):
    """SIGTERM: every worker is ended and every temporary file removed, exit 143."""


def _on_term(signum: int, frame: object) -> None:
    raise _Terminated(signum, frame)


class _Mismatch(_Usage):
    """Draws of another game than the one checked (GameMismatch): exit 2."""


def _date(text: str) -> datetime.date:
    """A date written as in draw text: ``2019-02-24``, ``2019/2/24``, ``2019年2月24日``."""
    norm = _text.normalize(text).strip()
    found = _text.match_date(norm)
    if found is None or found[2] != len(norm):
        msg = f"not a date (2019-02-24, 2019/2/24 or 2019年2月24日): {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return found[0]


def _size(text: str) -> int:
    """A size in bytes: ``1000``, ``64K``, ``100M``, ``2G``."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    raw = text.strip().upper().removesuffix("B")
    factor = units.get(raw[-1:], 1)
    digits = raw[:-1] if raw[-1:] in units else raw
    if not _text.is_digits(digits) or int(digits) == 0:
        msg = f"not a size in bytes (e.g. 1000, 64K, 100M, 2G): {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(digits) * factor


def _workers(text: str) -> int:
    """``--workers``: 1 to the number of cores; 0 or ``auto`` to decide."""
    cores = os.cpu_count() or 1
    if text.strip().lower() == "auto":
        return 0
    if not _text.is_digits(text.strip()) or int(text) > cores:
        msg = f"must be 1 to {cores} (the cores of this machine), or 0 or auto to decide"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _count(text: str) -> int:
    """A whole number, zero or more."""
    if not _text.is_digits(text.strip()):
        msg = f"must be a whole number, 0 or more, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _game(text: str) -> Game:
    try:
        return get_game(text)
    except LotteryError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lottery",
        description="Rules, announcements and exact ticket checking for Chinese lotteries.",
        epilog=(
            "exit status: 0 every input valid (and no error found), 1 an input rejected or"
            " an error found, 2 a usage or I/O error.  See docs/cli.md."
        ),
    )
    parser.add_argument("--version", action="version", version=f"lottery {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    chk = sub.add_parser(
        "check",
        help="score tickets against a draw or a history",
        description=(
            "Score tickets against one draw (--issue and --draw) or against every draw"
            " of a history (--history FEED). Tickets come from the command line or,"
            " one per line, from --tickets FILE."
        ),
    )
    chk.add_argument(
        "game", type=_game, metavar="GAME", help="game code or name: ssq, 双色球, 3d …"
    )
    chk.add_argument(
        "tickets", nargs="*", metavar="TICKET", help="ticket in the library's notation"
    )
    chk.add_argument("--issue", help="issue number of the draw (期号)")
    chk.add_argument("--draw", help="the draw's numbers, e.g. '02 05 07 08 20 27 + 04'")
    chk.add_argument("--date", type=_date, help="the draw's date (YYYY-MM-DD)")
    chk.add_argument(
        "--tickets", dest="ticket_file", metavar="FILE", help="file of tickets, one a line"
    )
    chk.add_argument(
        "--history",
        metavar="FEED",
        help="check against every draw in FEED (any input `validate` reads)",
    )
    chk.add_argument("--json", action="store_true", help="print JSON")
    chk.add_argument(
        "--workers",
        type=_workers,
        default=0,
        metavar="N",
        help=(
            "processes for a --tickets file: 1 to the number of cores, 0 or auto to decide"
            f" (a regular file of {MIN_SIZE >> 20} MB or more is split; default auto)"
        ),
    )
    chk.add_argument("--quiet", action="store_true", help="no progress bar")
    chk.add_argument(
        "--max-listed",
        type=_count,
        default=1000,
        metavar="N",
        help=(
            "list at most N winners (best tier first, then by line) and N rejected lines;"
            " all are counted, and the output says how many more (default 1000)"
        ),
    )

    val = sub.add_parser(
        "validate",
        help="read and validate draw announcements",
        description=(
            "Read announcements (newspaper text, CWL or sports-lottery JSON, CSV)"
            " and report every draw and finding."
        ),
    )
    val.add_argument(
        "files", nargs="+", metavar="FILE", help="a file, or GAME=FILE to name its game"
    )
    val.add_argument("--game", type=_game, help="the game of files that do not say")
    val.add_argument("--json", action="store_true", help="print JSON")
    val.add_argument(
        "--max-bytes",
        type=_size,
        default=1 << 30,
        metavar="N",
        help="refuse an input larger than N bytes (default 1 GiB; K, M and G suffixes work)",
    )

    lst = sub.add_parser("games", help="list the games and their rule editions")
    lst.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    # argparse takes positionals in one run; tickets after an option arrive as extras
    args, extra = parser.parse_known_args(argv)
    if extra:
        if args.command != "check" or any(e.startswith("--") for e in extra):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.tickets = [*args.tickets, *extra]
    previous = signal.signal(signal.SIGTERM, _on_term)
    try:
        return _dispatch(args)
    except _Usage as error:
        print(f"lottery: error: {error}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        print("\nlottery: interrupted", file=sys.stderr)
        return INTERRUPTED
    except _Terminated:
        print("lottery: terminated", file=sys.stderr)
        return TERMINATED
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return OK
    finally:
        signal.signal(signal.SIGTERM, previous)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "check":
        return _check(args)
    if args.command == "validate":
        from lottery.cli_validate import run_validate  # noqa: PLC0415 - heavier import

        return run_validate(args)
    return _games(args)


# --- games -----------------------------------------------------------------------


def _games(args: argparse.Namespace) -> int:
    if args.json:
        data = [
            {
                "code": g.code,
                "name": g.name,
                "operator": g.operator,
                "issue_format": g.issue_format,
                "draw_weekdays": list(g.draw_weekdays),
                "plays": [p.name for p in g.plays],
                "editions": [
                    {
                        "name": e.name,
                        "first_issue": e.first_issue,
                        "tiers": [{"name": t.name, "prize": t.prize} for t in e.tiers],
                    }
                    for e in g.editions
                ],
            }
            for g in games()
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return OK
    for g in games():
        days = (
            "daily"
            if len(g.draw_weekdays) == 7
            else "/".join("一二三四五六日"[d] for d in g.draw_weekdays)
        )
        print(f"{g.code:5} {g.name}  {g.operator}  {g.issue_format}  {days}")
        for e in g.editions:
            since = f"from {e.first_issue}" if e.first_issue else "from the start"
            tiers = ", ".join(
                f"{t.name} {t.prize if t.prize is not None else '浮动'}" for t in e.tiers if t.hits
            )
            print(f"      edition {e.name} ({since}): {tiers}")
    return OK


# --- check -----------------------------------------------------------------------


def _draw_from_args(args: argparse.Namespace) -> Draw:
    if args.draw is None:
        msg = "check needs --draw (with --issue) or --history"
        raise _Usage(msg)
    try:
        return parse_draw(args.game, args.draw, issue=args.issue, date=args.date)
    except LotteryError as error:
        raise _Usage(error.render()) from None


def _check(args: argparse.Namespace) -> int:
    if args.history is not None:
        if args.draw is not None or args.issue is not None:
            msg = "--history replaces --issue and --draw: give one or the other"
            raise _Usage(msg)
        feed = _history(args)
        draws = feed.draws
    else:
        feed = None
        draws = [_draw_from_args(args)]
    if args.ticket_file is not None:
        if args.tickets:
            msg = "give tickets on the command line or with --tickets FILE, not both"
            raise _Usage(msg)
        return _check_file(args, draws)
    if not args.tickets:
        msg = "no tickets: give them as arguments or with --tickets FILE"
        raise _Usage(msg)
    if feed is not None:
        return _check_history(args, feed)
    return _check_tickets(args, draws[0])


@attrs.frozen
class _Feed:
    """The draws of a --history feed, and what in it cannot be trusted."""

    draws: list[Draw]
    rejected: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]


def _history(args: argparse.Namespace) -> _Feed:
    """The feed's draws of the game checked; its rejected records and conflicting issues apart.

    The feed's own game decides (its records, its name): a feed of another game is
    refused as a ticket of another game is (GameMismatch, exit 2).
    """
    from lottery.validate import read_file  # noqa: PLC0415 - heavier import

    try:
        records = read_file(args.history)
        if all(r.draw is None and r.kind == "game" for r in records):
            records = read_file(args.history, game=args.game)  # the feed does not say: ours
    except OSError as error:
        msg = f"cannot read {args.history}: {error.strerror or error}"
        raise _Usage(msg) from None
    games = {r.draw.game for r in records if r.draw is not None}
    if games and args.game not in games:
        names = "、".join(sorted(g.label for g in games))
        msg = (
            f"--history {args.history} holds draws of {names}, not {args.game.label}:"
            " a ticket is checked against draws of its own game"
        )
        raise _Mismatch(msg)
    rejected = [r.rejection() for r in records if r.draw is None]
    by_issue: dict[str, list[Draw]] = {}
    for record in records:
        if record.draw is not None and record.draw.game is args.game:
            by_issue.setdefault(record.draw.issue, []).append(record.draw)
    conflicts = [
        {"issue": issue, "results": sorted({str(d).split(" ", 2)[2] for d in found})}
        for issue, found in by_issue.items()
        if len({(d.numbers, d.date) for d in found}) > 1
    ]
    bad = {c["issue"] for c in conflicts}
    draws = sorted(
        (found[0] for issue, found in by_issue.items() if issue not in bad),
        key=lambda d: d.issue_key,
    )
    if not draws:
        msg = f"--history {args.history} holds no {args.game.label} draws that can be trusted"
        raise _Usage(msg)
    return _Feed(draws, rejected, conflicts)


def _yuan(amount: int | None) -> str:
    return "pending" if amount is None else f"{amount:,}元"


def _print_result(result: CheckResult, out: TextIO) -> None:
    t = result.ticket
    times = f" ×{t.multiple}" if t.multiple > 1 else ""
    print(f"{t}    {t.form}, {result.bets} 注{times}", file=out)
    if not result.wins:
        print("  no prize", file=out)
        return
    for w in result.wins:
        money = "" if w.prize is None else f" = {_yuan(w.prize * w.count * t.multiple)}"
        print(
            f"  {_text.pad(w.tier, 12)}{w.count:>8,} 注 × {_yuan(w.prize)}{times}{money}", file=out
        )
    pending = f" (+ {', '.join(result.pending)} pending)" if result.pending else ""
    print(f"  total {_yuan(result.total)}{pending}", file=out)


def _check_tickets(args: argparse.Namespace, draw: Draw) -> int:
    results: list[CheckResult] = []
    rejected: list[dict[str, Any]] = []
    shown: list[str] = []
    for index, text in enumerate(args.tickets, 1):
        try:
            results.append(check(parse_ticket(args.game, text, issue=draw.issue), draw))
        except LotteryError as error:
            rejected.append(
                {"index": index, "text": text, "reason": str(error), "kind": error.kind}
            )
            shown.append(f"ticket {index} rejected: {error.render()}")
    if args.json:
        data = {
            "draw": draw.to_dict(),
            "results": [r.to_dict() for r in results],
            "rejected": rejected,
            "rejected_count": len(rejected),
            "total": sum(r.total for r in results),
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(draw)
        for result in results:
            print()
            _print_result(result, sys.stdout)
        for line in shown:
            print(f"\n{line}", file=sys.stderr)
        if len(results) > 1:
            print(f"\n{len(results)} tickets, total {_yuan(sum(r.total for r in results))}")
    return REJECTED if rejected else OK


def _check_history(args: argparse.Namespace, feed: _Feed) -> int:
    draws = feed.draws
    out: list[dict[str, Any]] = []
    status = REJECTED if feed.rejected or feed.conflicts else OK
    for bad in feed.rejected[: args.max_listed]:
        where = f"line {bad['line']}" if "line" in bad else f"record {bad.get('index', '')}"
        print(f"{args.history}:{where}: rejected: {bad['reason']}", file=sys.stderr)
    for conflict in feed.conflicts[: args.max_listed]:
        said = " / ".join(conflict["results"])
        print(
            f"{args.history}: issue {conflict['issue']} not checked: the feed says {said}",
            file=sys.stderr,
        )
    for text in args.tickets:
        try:
            readings = read_for_draws(args.game, text, draws)
        except LotteryError as error:
            status = REJECTED
            print(f"ticket {text!r} rejected: {error.render(text)}", file=sys.stderr)
            continue
        results = (check(readings[d.edition.name], d) for d in draws if d.edition.name in readings)
        won = [result for result in results if result.wins]
        total = sum(r.total for r in won)
        pending = sorted({t for r in won for t in r.pending})
        if args.json:
            out.append(
                {
                    "ticket": text,
                    "draws": len(draws),
                    "won": [dict(r.to_dict(), date=_iso(r.draw.date)) for r in won],
                    "total": total,
                    "pending": pending,
                },
            )
            continue
        print(
            f"{text}: {len(won)} winning draws of {len(draws)}"
            f" ({draws[0].issue} … {draws[-1].issue})"
        )
        for r in won:
            tiers = ", ".join(f"{w.tier} ×{w.count}" for w in r.wins)
            print(f"  {r.draw.issue}  {_iso(r.draw.date) or '':10}  {tiers:<24} {_yuan(r.total)}")
        extra = f" (+ {', '.join(pending)} pending)" if pending else ""
        print(f"  sum {_yuan(total)}{extra}")
    if args.json:
        data = {
            "draws": len(draws),
            "tickets": out,
            "feed": {
                "source": args.history,
                "rejected": feed.rejected[: args.max_listed],
                "rejected_count": len(feed.rejected),
                "conflicts": feed.conflicts,
            },
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    return status


def _iso(date: datetime.date | None) -> str | None:
    return date.isoformat() if date is not None else None


class _Progress:
    """A progress bar on a terminal, shown once a run passes about a second."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = max(total, 1)
        self.stream = stream
        self.start = time.monotonic()
        self.drawn = 0.0
        self.shown = False

    def update(self, done: int) -> None:
        now = time.monotonic()
        elapsed = now - self.start
        if elapsed < 1.0 or now - self.drawn < 0.1:  # at most ten redraws a second
            return
        self.drawn = now
        self.shown = True
        share = min(done / self.total, 1.0)
        bar = "#" * int(share * 30)
        self.stream.write(f"\r[{bar:<30}] {share:6.1%} {elapsed:5.1f}s")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 50 + "\r")
            self.stream.flush()


def _lines_with_progress(lines: Iterator[str], progress: _Progress | None) -> Iterator[str]:
    if progress is None:
        yield from lines
        return
    done = 0
    for count, line in enumerate(lines):
        done += len(line)
        if not count & 0xFFFF:
            progress.update(done)
        yield line


def _check_file(args: argparse.Namespace, draws: list[Draw]) -> int:
    path = args.ticket_file
    try:
        handle = _io.open_text(path)
        size = os.path.getsize(path) if path != "-" else 0
    except OSError as error:
        msg = f"cannot read {path}: {error.strerror or error}"
        raise _Usage(msg) from None
    show = not args.json and not args.quiet and sys.stderr.isatty() and size > 0
    progress = _Progress(size, sys.stderr) if show else None

    def report(bad: Rejected) -> None:
        if not args.json:
            if progress is not None:
                progress.close()
            print(f"{path}:{bad.where}: {bad.reason}", file=sys.stderr)

    with handle:
        tally = None
        if args.workers != 1 and splittable(path):  # a pipe or stdin is read once, here
            from lottery._parallel import check_file  # noqa: PLC0415 - big files only

            tally = check_file(
                path,
                draws,
                game=args.game,
                keep=args.max_listed,
                on_rejected=report,
                on_progress=(lambda done, _: progress.update(done)) if progress else None,
                workers=args.workers,
            )
        if tally is None:
            tally = check_many(
                _lines_with_progress(iter(handle), progress),
                draws,
                game=args.game,
                keep_winners=args.max_listed,
                keep_rejected=args.max_listed,
                on_rejected=report,
            )
    if progress is not None:
        progress.close()
    if args.json:
        data = tally.to_dict()
        data["draw"] = draws[0].to_dict() if len(draws) == 1 else None
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_tally(tally, draws)
    return REJECTED if tally.rejected_count else OK


def _print_tally(tally: Tally, draws: list[Draw]) -> None:
    if len(draws) == 1:
        print(draws[0])
    else:
        print(f"{len(draws)} draws, {draws[0].issue} … {draws[-1].issue}")
    print(f"tickets {tally.tickets:,}   bets {tally.bets:,}   rejected {tally.rejected_count:,}")
    for tier, count in tally.wins.items():
        print(f"  {_text.pad(tier, 12)}{count:>10,} 注")
    extra = f" (+ {', '.join(tally.pending)} pending)" if tally.pending else ""
    print(f"total {_yuan(tally.total)}{extra}")
    if tally.winners:
        print(f"winners ({tally.winners_count:,}):")
        for w in tally.winners:
            tiers = ", ".join(f"{x.tier} ×{x.count * w.multiple}" for x in w.wins)
            print(f"  line {w.where}: {w.ticket}  [{w.issue}] {tiers}")
        if tally.winners_count > len(tally.winners):
            print(f"  … and {tally.winners_count - len(tally.winners):,} more")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
