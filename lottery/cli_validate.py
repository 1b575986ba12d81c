"""``lottery validate``: read announcements, print draws and findings."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from lottery._money import json_default
from lottery._text import pad
from lottery.cli_common import Progress, show_progress
from lottery.exceptions import LotteryError
from lottery.model import format_numbers
from lottery.validate import Report, validate_stream

__all__ = ["run_validate"]

OK, ERRORS, USAGE = 0, 1, 2
#: Findings of one kind (and draws) shown before the rest are summed up.
SHOWN = 20
#: Rejected records and findings of each kind kept in memory (all are counted).
KEEP = 1000
#: Up to this many draws are all shown.
ALL_DRAWS = 50


def run_validate(args: argparse.Namespace) -> int:
    """Validate ``args.files``; print a table or JSON; return the exit status."""
    missing: list[str] = []

    def skip(spec: str, error: OSError | LotteryError) -> None:
        missing.append(spec)
        if isinstance(error, OSError):
            print(f"lottery: error: cannot read {spec}: {error.strerror or error}", file=sys.stderr)
        else:
            print(f"lottery: error: {error}", file=sys.stderr)

    progress = Progress(0, sys.stderr) if show_progress(json=args.json, quiet=args.quiet) else None
    try:
        report = validate_stream(
            args.files,
            game=args.game,
            keep=KEEP,
            max_bytes=args.max_bytes,
            on_missing=skip,
            on_progress=progress.update if progress is not None else None,
        )
    finally:
        if progress is not None:
            progress.close()
    unreadable = [r for r in report.rejected if r.where == "file" and r.kind == "unreadable"]
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=json_default))
    else:
        _print(report)
    if missing or (unreadable and len(unreadable) == len(args.files)):
        return USAGE
    return OK if report.ok else ERRORS


def _print(report: Report) -> None:
    _print_draws(report)
    _print_findings(report)
    records = report.record_count or 0
    rejected = report.rejected_count or 0
    errors, warnings = report.error_count or 0, report.warning_count or 0
    print(
        f"{records:,} records: {records - rejected:,} draws, {rejected:,} rejected;"
        f" {errors:,} errors, {warnings:,} warnings",
    )
    _print_sources(report)
    for line in report.agreements:
        print(line)


def _print_draws(report: Report) -> None:
    draws = report.draws
    if not draws:
        return
    print(f"{'game':<8}{'issue':<10}{'date':<12}numbers")
    shown = draws if len(draws) <= ALL_DRAWS else draws[:SHOWN]
    for draw in shown:
        date = draw.date.isoformat() if draw.date else ""
        numbers = format_numbers(draw.edition, draw.numbers)
        print(f"{pad(draw.game.name, 8)}{draw.issue:<10}{date:<12}{numbers}")
    if len(shown) < len(draws):
        print(f"… and {len(draws) - len(shown):,} more draws")
    print()


def _print_findings(report: Report) -> None:
    by_kind: Counter[str] = Counter()
    for finding in report.findings:
        by_kind[finding.kind] += 1
        if by_kind[finding.kind] <= SHOWN:
            print(f"{finding.severity:<8}{finding.kind:<12}{finding.where}")
            print(f"        {finding.message}")
    for kind, count in (report.counts or by_kind).items():
        if count > SHOWN:
            print(f"… and {count - SHOWN:,} more {kind} findings")
    if report.findings:
        print()


def _print_sources(report: Report) -> None:
    """With several inputs: which issues they share, agree on, and who says what in a conflict."""
    sources = report.sources()
    if len(sources["files"]) < 2:
        return
    for conflict in sources["conflicts"][:SHOWN]:
        print(f"conflict {conflict['game']} {conflict['issue']}:")
        for source, says in conflict["says"].items():
            print(f"        {source} says {' / '.join(says)}")
    if len(sources["conflicts"]) > SHOWN:
        print(f"… and {len(sources['conflicts']) - SHOWN:,} more issues in conflict")
    print(
        f"{len(sources['files'])} sources: {sources['shared']:,} issues in two or more,"
        f" all agree on {sources['agree']:,}; {len(sources['conflicts']):,} in conflict;"
        f" {sources['single']:,} in one source only",
    )
