"""``lottery check``: tickets against a draw, a ticket file, or a history."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TextIO

import attrs

from lottery import _io, _text
from lottery._money import json_default
from lottery._money import text as yuan_text
from lottery.batch import Rejected, Tally, check_many, read_for_draws
from lottery.check import CheckResult, check
from lottery.cli_common import (
    OK,
    REJECTED,
    Mismatch,
    Progress,
    Usage,
    lines_with_progress,
    show_progress,
)
from lottery.exceptions import LotteryError
from lottery.model import Draw
from lottery.notation import parse_draw, parse_ticket
from lottery.rules import WEEKDAYS

__all__ = ["run_check"]


def _draw_from_args(args: argparse.Namespace) -> Draw:
    if args.draw is None:
        msg = "check needs --draw (with --issue) or --history"
        raise Usage(msg)
    try:
        draw = parse_draw(args.game, args.draw, issue=args.issue, date=args.date, pool=args.pool)
    except LotteryError as error:
        raise Usage(_option_voice(error.render())) from None
    if draw.date is not None and draw.date.weekday() not in draw.game.draw_weekdays:
        days = "、".join("周" + WEEKDAYS[d] for d in draw.game.draw_weekdays)
        day = WEEKDAYS[draw.date.weekday()]
        print(
            f"lottery: warning: {draw.date} is a 周{day}; {draw.game.name} draws on {days}",
            file=sys.stderr,
        )
    return draw


def _latest(args: argparse.Namespace) -> Draw:
    """The newest stored draw of the game (``--latest``), said on standard error."""
    from lottery.cli_sync import open_store  # noqa: PLC0415 - the store, only when asked

    with open_store(args.store) as kept:
        draw = kept.newest(args.game)
        where = kept.path
    if draw is None:
        msg = (
            f"the store {where} has no {args.game.label} draws: run `lottery sync {args.game.code}`"
        )
        raise Usage(msg)
    when = f" of {draw.date}" if draw.date else ""
    print(f"lottery: the newest stored {args.game.name} draw: {draw.issue}{when}", file=sys.stderr)
    return draw


#: How the library names an argument, and how the command line names it.
_OPTIONS = (("pass issue=", "give --issue"), ("issue=", "--issue "), ("date=", "--date "))


def _option_voice(message: str) -> str:
    """A message of the library in the command line's voice: arguments become options."""
    for python, option in _OPTIONS:
        message = message.replace(python, option)
    return message


def run_check(args: argparse.Namespace) -> int:
    """Check the tickets of ``args``; print a table or JSON; return the exit status."""
    if args.latest:
        if args.history is not None or args.draw is not None or args.issue is not None:
            msg = "--latest replaces --history, --issue and --draw: give one or the other"
            raise Usage(msg)
        feed = None
        draws = [_latest(args)]
    elif args.history is not None:
        if args.draw is not None or args.issue is not None:
            msg = "--history replaces --issue and --draw: give one or the other"
            raise Usage(msg)
        feed = _history(args)
        draws = feed.draws
    else:
        feed = None
        draws = [_draw_from_args(args)]
    if args.ticket_file is not None:
        if args.tickets:
            msg = "give tickets on the command line or with --tickets FILE, not both"
            raise Usage(msg)
        return _check_file(args, draws)
    if not args.tickets:
        msg = "no tickets: give them as arguments or with --tickets FILE"
        raise Usage(msg)
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
        raise Usage(msg) from None
    games = {r.draw.game for r in records if r.draw is not None}
    if games and args.game not in games:
        names = "、".join(sorted(g.label for g in games))
        msg = (
            f"--history {args.history} holds draws of {names}, not {args.game.label}:"
            " a ticket is checked against draws of its own game"
        )
        raise Mismatch(msg)
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
        raise Usage(msg)
    return _Feed(draws, rejected, conflicts)


def _yuan(amount: Decimal | int | None) -> str:
    return "pending" if amount is None else f"{yuan_text(Decimal(amount))}元"


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
    for note in result.notes:
        print(f"  note: {note}", file=out)


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
        print(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))
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
        print(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))
    return status


def _iso(date: datetime.date | None) -> str | None:
    return date.isoformat() if date is not None else None


def _check_file(args: argparse.Namespace, draws: list[Draw]) -> int:
    path = args.ticket_file
    try:
        handle = _io.open_text(path)
        size = os.path.getsize(path) if path != "-" else 0
    except OSError as error:
        msg = f"cannot read {path}: {error.strerror or error}"
        raise Usage(msg) from None
    head = handle.buffer.peek(8192)[:8192]  # type: ignore[attr-defined]
    if head.startswith(b"PAR1") and path != "-":  # `lottery convert`'s columnar tickets
        handle.close()
        return _check_columnar(args, draws)
    if not head or b"\x00" in head:
        handle.close()
        what = "empty: no tickets" if not head else "binary data (NUL bytes), not text"
        msg = f"--tickets {path} is {what}"
        raise Usage(msg)
    show = show_progress(json=args.json, quiet=args.quiet) and size > 0
    progress = Progress(size, sys.stderr) if show else None

    def report(bad: Rejected) -> None:
        if not args.json:
            if progress is not None:
                progress.close()
            print(f"{path}:{bad.where}: {bad.reason}", file=sys.stderr)

    with handle:
        tally = _tally_file(args, draws, handle, progress, report)
    if progress is not None:
        progress.close()
    _show_tally(args, tally, draws)
    return REJECTED if tally.rejected_count else OK


def _check_columnar(args: argparse.Namespace, draws: list[Draw]) -> int:
    """A columnar ticket file (``lottery convert``): the tally its text would give."""
    from lottery import partitions  # noqa: PLC0415 - loaded when used

    path = args.ticket_file
    try:
        tally = partitions.check([path], draws, keep=args.max_listed)
    except ImportError:
        msg = f"--tickets {path} is a Parquet file: reading it needs pip install 'lottery[scale]'"
        raise Usage(msg) from None
    except LotteryError as error:
        msg = f"--tickets {error}"
        raise Usage(msg) from None
    if not args.json:
        for bad in tally.rejected:
            print(f"{path}:{bad.where}: {bad.reason}", file=sys.stderr)
    _show_tally(args, tally, draws)
    return REJECTED if tally.rejected_count else OK


def _show_tally(args: argparse.Namespace, tally: Tally, draws: list[Draw]) -> None:
    if args.json:
        data = tally.to_dict()
        data["draw"] = draws[0].to_dict() if len(draws) == 1 else None
        print(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))
    else:
        _print_tally(tally, draws)


def _tally_file(
    args: argparse.Namespace,
    draws: list[Draw],
    handle: TextIO,
    progress: Progress | None,
    report: Callable[[Rejected], None],
) -> Tally:
    """The vectorised lane (one draw, numpy), else the file split over cores, else one pass."""
    path = args.ticket_file
    from lottery.vector import enabled  # noqa: PLC0415 - loaded when a file is checked

    vectorised = len(draws) == 1 and enabled()
    tally = None
    if args.workers != 1 and _io.big_file(path, _split_size(args.workers, vectorised=vectorised)):
        from lottery._parallel import check_file  # noqa: PLC0415 - big files only

        tally = check_file(  # a pipe or stdin is read once, here
            path,
            draws,
            game=args.game,
            keep=args.max_listed,
            on_rejected=report,
            on_progress=(lambda done, _: progress.update(done)) if progress else None,
            workers=args.workers,
            min_size=0,
            vectorised=vectorised,
        )
    if tally is None and vectorised:
        from lottery import vector  # noqa: PLC0415 - the optional lane

        tally = vector.check_stream(
            handle.buffer,
            handle.encoding,
            draws[0],
            keep_winners=args.max_listed,
            keep_rejected=args.max_listed,
            on_rejected=report,
            on_progress=progress.update if progress else None,
        )
    if tally is None:
        tally = check_many(
            lines_with_progress(iter(handle), progress),
            draws,
            game=args.game,
            keep_winners=args.max_listed,
            keep_rejected=args.max_listed,
            on_rejected=report,
        )
    return tally


def _split_size(workers: int, *, vectorised: bool) -> int:
    """The smallest file worth splitting over processes: asked for, or where it pays."""
    return _io.VECTOR_SPLIT_SIZE if vectorised and workers == 0 else _io.SPLIT_SIZE


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
