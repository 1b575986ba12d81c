"""``lottery sync`` and ``lottery export``: the official results into the store, and out again.

Exit status of ``sync``: 0 when every game synced cleanly; 1 when there were
conflicts, rejected records, a stale source, or a source that was blocked or
answered with something that is not its data; 2 on a usage error, or when no
source answered at all (every game unreachable).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from lottery import store as _store
from lottery._money import json_default
from lottery.cli_common import OK, REJECTED, USAGE, Progress, Usage, show_progress
from lottery.exceptions import LotteryError
from lottery.model import format_numbers, format_prizes
from lottery.registry import games
from lottery.rules import Game
from lottery.store import Store
from lottery.sync import GameSync, NoFeed, sync_game, syncable

__all__ = ["open_store", "run_export", "run_sync"]


def open_store(path: str | None, *, create: bool = False) -> Store:
    """The store of ``--store`` (default: the user's), in the command line's voice."""
    where = path or str(_store.default_path())
    try:
        return _store.open(where, create=create)
    except FileNotFoundError:
        hint = "" if path else " (run `lottery sync` first, or give --store PATH)"
        msg = f"no store at {where}{hint}"
        raise Usage(msg) from None
    except OSError as error:
        msg = f"cannot open the store {where}: {error.strerror or error}"
        raise Usage(msg) from None
    except LotteryError as error:
        raise Usage(str(error)) from None


def _chosen(args: argparse.Namespace) -> list[Game]:
    chosen: list[Game] = list(dict.fromkeys(args.games)) or [
        g for g in games() if syncable(g) is not None
    ]
    for game in chosen:
        if syncable(game) is None:
            msg = (
                f"sync {game.code}: {game.label} has no national results feed (neither the China"
                " Welfare Lottery nor the China Sports Lottery publishes it); validate its"
                " announcements from files instead"
            )
            raise Usage(msg)
    if args.since is not None:
        for game in chosen:
            try:
                game.parse_issue(args.since)
            except LotteryError as error:
                msg = f"--since {args.since}: {error}"
                raise Usage(msg) from None
    return chosen


def run_sync(args: argparse.Namespace) -> int:
    """Sync the games of ``args``; print one line per game (or JSON); return the exit status."""
    chosen = _chosen(args)
    if args.since is not None and args.full:
        msg = "--since and --full each set the window: give one"
        raise Usage(msg)
    try:
        import httpx  # noqa: F401, PLC0415 - only to say which extra is missing
    except ImportError:
        msg = "sync needs an HTTP client: pip install 'lottery[sync]'"
        raise Usage(msg) from None
    results: list[GameSync] = []
    with open_store(args.store, create=True) as kept:
        for game in chosen:
            progress = (
                Progress(0, sys.stderr, unit=f"{game.code} pages")
                if show_progress(json=args.json, quiet=args.quiet)
                else None
            )
            try:
                result = sync_game(
                    game,
                    kept,
                    since=args.since,
                    full=args.full,
                    accept_source=args.accept_source,
                    pace=args.pace,
                    backoff=args.backoff,
                    on_page=None if progress is None else _pages(progress),
                )
            except NoFeed as error:  # pragma: no cover - refused by _chosen
                raise Usage(str(error)) from None
            finally:
                if progress is not None:
                    progress.close()
            results.append(result)
            if not args.json:
                _print_game(result, sys.stdout)
        path = str(kept.path)
    if args.json:
        data = {"games": {r.game.code: r.to_dict() for r in results}, "store": path}
        print(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))
    if all(r.status == "unreachable" and not r.responses for r in results):
        return USAGE
    return OK if all(r.clean for r in results) else REJECTED


def _pages(progress: Progress) -> Callable[[Game, int, int | None], None]:
    """The progress bar's redraw after each page."""

    def update(_game: Game, page: int, _pages: int | None) -> None:
        progress.update(page)

    return update


def _print_game(result: GameSync, out: TextIO) -> None:
    head = f"{result.game.label}: "
    if result.status != "ok":
        print(f"{head}{result.status.upper()}: {result.message}", file=out)
    counts = (
        f"fetched {result.fetched}, new {result.new}, unchanged {result.unchanged},"
        f" conflicts {len(result.conflicts)}, rejected {len(result.rejected)}"
    )
    newest = f"; newest {result.newest}" if result.newest else ""
    print(f"{head}{counts}{newest} [{result.status}]", file=out)
    if result.stale or (result.status == "ok" and result.message):
        print(f"  {result.message}", file=out)
    for change in result.conflicts:
        action = "replaced (--accept-source; logged)" if change.replaced else "kept the stored one"
        print(
            f"  conflict {change.game} {change.issue}: {', '.join(change.differences())} differ;"
            f" stored {_said(change.stored)} (from {change.stored_url}),"
            f" fetched {_said(change.fetched)} (from {change.fetched_url}): {action}",
            file=out,
        )
    for bad in result.rejected:
        place = bad.get("where") or f"record {bad.get('index', bad.get('line', '?'))}"
        print(f"  rejected {bad['source']}, {place}: {bad['reason']}", file=out)


def _said(facts: dict[str, Any]) -> str:
    numbers = " ".join(str(n) for n in facts.get("numbers", ()))
    return f"[{numbers}] {facts.get('date') or ''}".strip()


# --- export ------------------------------------------------------------------------

#: The columns of the library's own CSV, which ``lottery validate`` reads back.
CSV_COLUMNS = ("game", "issue", "date", "numbers", "prizes", "winners", "pool", "sales",
               "special_period", "pool_before")  # fmt: skip


def run_export(args: argparse.Namespace) -> int:
    """Write the stored history of a game as the library's canonical CSV or JSON."""
    game: Game = args.game
    with open_store(args.store) as kept:
        try:
            records = list(kept.records(game, since=args.since))
        except LotteryError as error:
            msg = f"--since {args.since}: {error}"
            raise Usage(msg) from None
    out = sys.stdout
    if args.format == "json":
        data = {
            "game": game.code,
            "draws": [_row(r) for r in records if r.draw is not None],
        }
        json.dump(data, out, ensure_ascii=False, indent=1, default=json_default)
        out.write("\n")
        return OK
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        draw = record.draw
        if draw is None:
            continue
        writer.writerow(
            [
                game.code,
                draw.issue,
                draw.date.isoformat() if draw.date else "",
                format_numbers(draw.edition, draw.numbers),
                ";".join(format_prizes(draw)),
                ";".join(f"{t}={n}" for t, n in record.winners),
                "" if record.pool is None else record.pool,
                "" if record.sales is None else record.sales,
                {None: "", True: "是", False: "否"}[draw.special_period],
                "" if draw.pool_before is None else draw.pool_before,
            ]
        )
    return OK


def _row(record: Any) -> dict[str, Any]:  # noqa: ANN401 - a Record
    draw = record.draw
    return {
        **draw.to_dict(),
        "winners": dict(record.winners),
        "pool": record.pool,
        "sales": record.sales,
    }
