"""``lottery audit`` (announced winner counts against sold tickets) and ``lottery convert``."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import Any

from lottery import _text
from lottery._money import json_default
from lottery.audit import TierCount, audit, compare
from lottery.cli_common import OK, REJECTED, Usage
from lottery.exceptions import LotteryError
from lottery.model import Draw
from lottery.records import Record
from lottery.rules import Game
from lottery.tally import Rejected, Tally

__all__ = ["run_audit", "run_convert"]

#: ``lottery audit``'s exit status when a tier differs.
DIFFERS = 1
_SCALE = "pip install 'lottery[scale]'"


def _announcement(game: Game, issue: str, source: str) -> Record:
    """The record of ``issue`` in a feed or a store, with its winner counts."""
    from lottery.validate import iter_file  # noqa: PLC0415 - loaded when used

    try:
        official = game.parse_issue(issue)
    except LotteryError as error:
        msg = f"--issue: {error}"
        raise Usage(msg) from None
    found: list[Record] = []
    try:
        found += (
            r
            for r in iter_file(source, game=game)
            if r.draw is not None and r.draw.game is game and r.draw.issue == official
        )
    except (OSError, LotteryError) as error:
        msg = f"cannot read --announcement {source}: {getattr(error, 'strerror', None) or error}"
        raise Usage(msg) from None
    if not found:
        msg = f"--announcement {source} has no {game.label} draw of issue {official}"
        raise Usage(msg)
    told = [r for r in found if r.winners]
    if not told:
        msg = (
            f"--announcement {source}: its {game.name} {official} gives no winner counts"
            " (a feed's typenum, a CSV's winners): nothing to audit"
        )
        raise Usage(msg)
    results = {r.draw.numbers for r in told if r.draw is not None}
    if len(results) > 1:
        msg = f"--announcement {source} gives {game.name} {official} two results: validate it first"
        raise Usage(msg)
    return told[0]


def _paths(names: list[str]) -> list[str]:
    from lottery.partitions import expand  # noqa: PLC0415 - loaded when used

    try:
        return expand(names)
    except OSError as error:
        msg = f"--tickets {error.filename}: {error.strerror}"
        raise Usage(msg) from None


def _tally(args: argparse.Namespace, paths: list[str], draw: Draw) -> Tally:
    """The tickets' tally: in this process, or on the Dask cluster of ``--dask``."""
    from lottery import partitions  # noqa: PLC0415 - loaded when used

    try:
        if args.dask is None:
            return partitions.check(paths, [draw], keep=args.max_listed)
        try:
            from lottery import dask as cluster  # noqa: PLC0415 - the scale extra

            client, local = cluster.connect(args.dask)
        except ImportError:
            msg = f"--dask needs dask and distributed: {_SCALE}"
            raise Usage(msg) from None
        except OSError as error:  # the scheduler cannot be reached
            msg = f"--dask {args.dask}: {error}"
            raise Usage(msg) from None
        try:
            return cluster.check(paths, [draw], client=client, keep=args.max_listed)
        finally:
            client.close()
            if local is not None:
                local.close()
    except ImportError as error:  # a columnar file without pyarrow
        msg = f"--tickets: {error.name} is needed to read Parquet: {_SCALE}"
        raise Usage(msg) from None
    except OSError as error:
        msg = f"--tickets {error.filename or ''}: {error.strerror or error}"
        raise Usage(msg) from None
    except LotteryError as error:  # a columnar file of another game, or of other rules
        msg = f"--tickets: {error}"
        raise Usage(msg) from None


def run_audit(args: argparse.Namespace) -> int:
    """Audit an issue's announced winners against ticket files; 0 when every tier agrees."""
    record = _announcement(args.game, args.issue, args.announcement)
    draw = record.draw
    assert draw is not None  # noqa: S101 - found with its draw
    paths = _paths(args.tickets)
    tally = _tally(args, paths, draw)
    rows = compare(record, tally)
    findings = audit(record, tally)
    if args.json:
        data = {
            "game": draw.game.code,
            "issue": draw.issue,
            "draw": draw.to_dict(),
            "announcement": {"source": record.source, "where": record.where},
            "tickets": {"files": paths, **tally.to_dict()},
            "tiers": [row.to_dict() for row in rows],
            "agrees": not findings,
            "findings": [f.to_dict() for f in findings],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))
    else:
        _report_rejected(tally, paths)
        _print_audit(record, draw, paths, tally, rows)
    return OK if not findings else DIFFERS


def _report_rejected(tally: Tally, paths: list[str]) -> None:
    for bad in tally.rejected:
        print(f"{bad.source or paths[0]}:{bad.where}: {bad.reason}", file=sys.stderr)
    if tally.rejected_count > len(tally.rejected):
        more = tally.rejected_count - len(tally.rejected)
        print(f"lottery: … and {more:,} more rejected lines", file=sys.stderr)


def _money(amount: Decimal | None) -> str:
    from lottery._money import text  # noqa: PLC0415

    return "" if amount is None else f"{text(amount)}元"


def _print_audit(
    record: Record, draw: Draw, paths: list[str], tally: Tally, rows: tuple[TierCount, ...]
) -> None:
    print(draw)
    print(f"announcement  {record.source}, {record.where}")
    files = paths[0] if len(paths) == 1 else f"{len(paths)} files"
    print(
        f"tickets       {files}: {tally.tickets:,} tickets, {tally.bets:,} bets,"
        f" {tally.rejected_count:,} rejected"
    )
    print()
    header = ("tier", "announced", "counted", "difference", "prize", "announced money",
              "counted money")  # fmt: skip
    print(
        f"{_text.pad(header[0], 14)}{header[1]:>12}{header[2]:>12}{header[3]:>12}"
        f"{header[4]:>14}{header[5]:>18}{header[6]:>18}"
    )
    for row in rows:
        said = "—" if row.announced is None else f"{row.announced:,}"
        prize = _money(row.prize) if row.prize is not None else "floating"
        mark = "" if row.agrees else "   ✗"
        change = f"{row.difference:+,}" if row.difference else "0"
        print(
            f"{_text.pad(row.tier, 14)}{said:>12}{row.counted:>12,}{change:>12}"
            f"{prize:>14}{_money(row.announced_money):>18}{_money(row.counted_money):>18}{mark}"
        )
    print()
    differing = [row.tier for row in rows if not row.agrees]
    if differing:
        print(f"{len(differing)} of {len(rows)} tiers differ: {', '.join(differing)}")
    else:
        print(f"all {len(rows)} tiers agree (winning bets, and money where the prize is fixed)")


def run_convert(args: argparse.Namespace) -> int:
    """Write a ticket file as a columnar (Parquet) ticket file; 1 when some line was rejected."""
    try:
        from lottery import columnar  # noqa: PLC0415 - the scale extra

        if not columnar.available():
            raise ImportError(name="pyarrow")  # noqa: TRY301 - one message for both
    except ImportError:
        msg = f"convert needs pyarrow and numpy: {_SCALE}"
        raise Usage(msg) from None
    game = args.game or _game_of(args.source)

    def report(bad: Rejected) -> None:
        if not args.json:
            print(f"{args.source}:{bad.where}: {bad.reason}", file=sys.stderr)

    try:
        done = columnar.convert(
            args.source, args.out, game=game, issue=args.issue, keep=args.max_listed,
            on_rejected=report,
        )  # fmt: skip
    except OSError as error:
        msg = f"cannot convert {error.filename or args.source}: {error.strerror or error}"
        raise Usage(msg) from None
    except LotteryError as error:
        msg = f"--issue: {error}"
        raise Usage(msg) from None
    if args.json:
        print(json.dumps(done.to_dict(), ensure_ascii=False, indent=2, default=json_default))
    else:
        print(
            f"wrote {done.path}: {done.rows:,} rows ({done.singles:,} single bets as numbers,"
            f" {done.texts:,} lines as text) of {done.lines:,} lines; {done.skipped:,} blank or"
            f" comment lines left out; {done.rejected_count:,} rejected"
        )
    return REJECTED if done.rejected_count else OK


def _game_of(path: str) -> Any:  # noqa: ANN401 - a Game
    from lottery.inputs import game_from_name  # noqa: PLC0415 - loaded when used

    found = game_from_name(path)
    if found is None:
        msg = f"which game are the tickets of {path}? give --game"
        raise Usage(msg)
    return found
