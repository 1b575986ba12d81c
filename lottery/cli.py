"""The ``lottery`` command line.

Exit status: 0 when every input was valid (and, for ``validate``, no error
was found), 1 when some input was rejected or an error finding was made, 2
for a usage or I/O error.  See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lottery import _io, _text
from lottery._version import __version__
from lottery.cli_common import (
    INTERRUPTED,
    OK,
    TERMINATED,
    USAGE,
    Terminated,
    Usage,
    on_term,
)

if TYPE_CHECKING:  # the rules load when a command needs them: --help and --version stay quick
    from lottery.rules import Game, Tier

__all__ = ["main"]


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
    from lottery.exceptions import LotteryError  # noqa: PLC0415 - loaded when used
    from lottery.registry import get_game  # noqa: PLC0415

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
        "--pool",
        type=_count,
        metavar="YUAN",
        help="the prize pool before the draw, where fixed prizes depend on it (大乐透 2026)",
    )
    chk.add_argument(
        "--tickets", dest="ticket_file", metavar="FILE", help="file of tickets, one a line"
    )
    chk.add_argument(
        "--history",
        metavar="FEED",
        help="check against every draw in FEED (any input `validate` reads, or a store)",
    )
    chk.add_argument(
        "--latest",
        action="store_true",
        help="check against the newest draw of the game in the store (see --store)",
    )
    chk.add_argument("--store", metavar="PATH", help="the store --latest reads (default: yours)")
    chk.add_argument("--json", action="store_true", help="print JSON")
    chk.add_argument(
        "--workers",
        type=_workers,
        default=0,
        metavar="N",
        help=(
            "processes for a --tickets file: 1 to the number of cores, 0 or auto to decide"
            f" (a regular file of {_io.SPLIT_SIZE >> 20} MB or more is split; with numpy, against"
            f" one draw, one of {_io.VECTOR_SPLIT_SIZE >> 20} MB or more; default auto)"
        ),
    )
    chk.add_argument("--quiet", action="store_true", help="no progress bar")
    _max_listed(chk, "winners (best tier first, then by line) and N rejected lines")

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
    val.add_argument("--quiet", action="store_true", help="no progress bar")
    val.add_argument(
        "--max-bytes",
        type=_size,
        default=1 << 30,
        metavar="N",
        help="refuse an input larger than N bytes (default 1 GiB; K, M and G suffixes work)",
    )

    _sync_parsers(sub, _game)
    _scale_parsers(sub, _game)

    lst = sub.add_parser("games", help="list the games and their rule editions")
    lst.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _sync_parsers(sub: Any, game_type: Any) -> None:  # noqa: ANN401 - argparse's private types
    """The ``sync`` and ``export`` subcommands."""
    syn = sub.add_parser(
        "sync",
        help="fetch official results into the local store, validated before they are kept",
        description=(
            "Fetch the newest results of each game from the official sources (China Welfare"
            " Lottery, China Sports Lottery) into a local SQLite store.  Every record is"
            " validated first; a record that fails is not kept, one that differs from the"
            " stored draw is a conflict and is not overwritten."
        ),
        epilog=(
            "exit status: 0 every game synced cleanly; 1 conflicts, rejected records, a stale"
            " source or a blocked one; 2 a usage error or no source answered.  The sources'"
            " addresses can be changed with LOTTERY_CWL_URL and LOTTERY_SPORTTERY_URL."
        ),
    )
    syn.add_argument(
        "games",
        nargs="*",
        type=game_type,
        metavar="GAME",
        help="games to sync (default: every game with a feed)",
    )
    _store_option(syn)
    syn.add_argument("--since", metavar="ISSUE", help="fetch back to this issue (and re-check)")
    syn.add_argument("--full", action="store_true", help="fetch the whole history")
    syn.add_argument(
        "--accept-source",
        action="store_true",
        help="replace a stored draw the source now gives differently (logged in the store)",
    )
    syn.add_argument(
        "--pace",
        type=_seconds,
        default=1.0,
        metavar="SECONDS",
        help="wait at least this long between requests (default 1)",
    )
    syn.add_argument(
        "--backoff",
        type=_seconds,
        default=1.0,
        metavar="SECONDS",
        help="first wait before a retry, doubled each time (default 1)",
    )
    syn.add_argument("--json", action="store_true", help="print JSON")
    syn.add_argument("--quiet", action="store_true", help="no progress bar")

    exp = sub.add_parser(
        "export",
        help="write a game's stored history as CSV or JSON",
        description="Write the stored draws of a game, oldest first, in the library's own"
        " CSV or JSON; `lottery validate` reads either back to the same draws.",
    )
    exp.add_argument("game", type=game_type, metavar="GAME", help="game code or name")
    _store_option(exp)
    exp.add_argument("--format", choices=("csv", "json"), default="csv", help="default csv")
    exp.add_argument("--since", metavar="ISSUE", help="from this issue on")


def _scale_parsers(sub: Any, game_type: Any) -> None:  # noqa: ANN401 - argparse's private types
    aud = sub.add_parser(
        "audit",
        help="compare an issue's announced winner counts with the sold tickets",
        description=(
            "Tally the tickets (text or columnar files, or globs) against the draw of ISSUE"
            " and compare, tier by tier, the winning bets (multiples included) and, where the"
            " prize is fixed, the money with the announcement's. Exit 0 when every tier"
            " agrees, 1 when one differs, 2 for a usage or I/O error."
        ),
    )
    aud.add_argument("game", type=game_type, metavar="GAME", help="game code or name")
    aud.add_argument("--issue", required=True, help="the issue audited (期号)")
    aud.add_argument(
        "--announcement",
        required=True,
        metavar="FEED_OR_STORE",
        help="where the announced winners are: any input `validate` reads, or a store",
    )
    aud.add_argument(
        "--tickets",
        required=True,
        nargs="+",
        metavar="FILE",
        help="ticket files (one ticket a line, or `lottery convert`'s Parquet) or globs",
    )
    aud.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="check on the Dask cluster at ADDRESS (tcp://host:8786); `local` starts one here",
    )
    aud.add_argument("--json", action="store_true", help="print JSON")
    _max_listed(aud, "winners and N rejected lines")

    con = sub.add_parser(
        "convert",
        help="write a ticket file as a columnar (Parquet) ticket file",
        description=(
            "Write TICKETS as OUT.parquet: single bets as numbers, every other line as written;"
            " checking OUT gives the tally TICKETS gives. Rejected lines are reported (exit 1)."
        ),
    )
    con.add_argument("source", metavar="TICKETS", help="a ticket file, one ticket a line")
    con.add_argument("out", metavar="OUT", help="the Parquet file to write")
    con.add_argument(
        "--game", type=game_type, help="the tickets' game (default: told by the file's name)"
    )
    con.add_argument(
        "--issue", help="read the tickets under this issue's rules (default: the latest)"
    )
    con.add_argument("--json", action="store_true", help="print JSON")
    _max_listed(con, "rejected lines in the JSON")


def _max_listed(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--max-listed",
        type=_count,
        default=1000,
        metavar="N",
        help=f"list at most N {what}; all are counted, and the output says how many more"
        " (default 1000)",
    )


def _store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="PATH",
        help=f"the store file (default {_io.default_store_path()})",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        msg = f"not a number of seconds: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not 0 <= value <= 3600:
        msg = f"seconds must be 0…3600, not {text}"
        raise argparse.ArgumentTypeError(msg)
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    # argparse takes positionals in one run; tickets after an option arrive as extras
    args, extra = parser.parse_known_args(argv)
    if extra:
        if args.command != "check" or any(e.startswith("--") for e in extra):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.tickets = [*args.tickets, *extra]
    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        return _dispatch(args)
    except Usage as error:
        print(f"lottery: error: {error}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        print("\nlottery: interrupted", file=sys.stderr)
        return INTERRUPTED
    except Terminated:
        print("lottery: terminated", file=sys.stderr)
        return TERMINATED
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return OK
    finally:
        signal.signal(signal.SIGTERM, previous)


#: Each command's module and function, imported when the command runs (start-up stays quick).
_COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("lottery.cli_check", "run_check"),
    "validate": ("lottery.cli_validate", "run_validate"),
    "sync": ("lottery.cli_sync", "run_sync"),
    "export": ("lottery.cli_sync", "run_export"),
    "audit": ("lottery.cli_audit", "run_audit"),
    "convert": ("lottery.cli_audit", "run_convert"),
}


def _dispatch(args: argparse.Namespace) -> int:
    home = _COMMANDS.get(args.command)
    if home is None:
        return _games(args)
    module, function = home
    status: int = getattr(importlib.import_module(module), function)(args)
    return status


# --- games -----------------------------------------------------------------------


def _games(args: argparse.Namespace) -> int:
    from lottery._money import json_default  # noqa: PLC0415 - loaded when used
    from lottery.registry import games  # noqa: PLC0415

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
                        "tiers": [_tier_json(t) for t in e.tiers],
                        "addons": dict(e.addons),
                    }
                    for e in g.editions
                ],
            }
            for g in games()
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))
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
            shown = [t for t in e.tiers if t.hits] or list(e.tiers)  # 快乐8: by play
            tiers = ", ".join(f"{t.name} {_prize_text(t)}" for t in shown)
            print(f"      edition {e.name} ({since}): {tiers}")
            if e.addons:
                addons = ", ".join(f"{a} {_prize_text(e.tier(a))}" for _, a in e.addons)
                print(f"        追加 (+{e.addon_price}元 a bet): {addons}")
    return OK


def _prize_text(tier: Tier) -> str:
    """``200``, ``浮动`` (floating), or ``5000/6666`` for prizes that follow the pool."""
    if tier.by_pool:
        return "/".join(str(amount) for _, amount in tier.by_pool)
    return str(tier.prize) if tier.prize is not None else "浮动"


def _tier_json(tier: Tier) -> dict[str, object]:
    out: dict[str, object] = {"name": tier.name, "prize": tier.prize}
    if tier.by_pool:
        out["by_pool"] = [{"from": low, "prize": amount} for low, amount in tier.by_pool]
    return out


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
