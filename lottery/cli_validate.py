"""``lottery validate``: read announcements, print draws and findings."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from lottery._text import pad
from lottery.model import format_numbers
from lottery.validate import Report, validate_files

__all__ = ["run_validate"]

OK, ERRORS, USAGE = 0, 1, 2
#: Findings of one kind (and draws) shown before the rest are summed up.
SHOWN = 20
#: Up to this many draws are all shown.
ALL_DRAWS = 50


def run_validate(args: argparse.Namespace) -> int:
    """Validate ``args.files``; print a table or JSON; return the exit status."""
    try:
        report = validate_files(args.files, game=args.game)
    except OSError as error:
        name = getattr(error, "filename", None) or "input"
        print(f"lottery: error: cannot read {name}: {error.strerror or error}", file=sys.stderr)
        return USAGE
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print(report)
    return OK if report.ok else ERRORS


def _print(report: Report) -> None:
    _print_draws(report)
    _print_findings(report)
    draws, errors, warnings = len(report.draws), len(report.errors), len(report.warnings)
    print(
        f"{len(report.records):,} records: {draws:,} draws, {len(report.rejected):,} rejected;"
        f" {errors:,} errors, {warnings:,} warnings",
    )
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
    for kind, count in by_kind.items():
        if count > SHOWN:
            print(f"… and {count - SHOWN:,} more {kind} findings")
    if report.findings:
        print()
