"""Validate draw announcements: every field, across draws, and lose nothing.

:func:`validate_files` reads any mix of inputs (newspaper text, China Welfare
Lottery JSON, sports-lottery JSON, CSV; UTF-8 or GB18030), checks each draw
and the draws against each other, and returns a :class:`Report`.  Every
input record ends up either as a draw or as an error finding that says where
it was and why: ``report.records == len(report.draws) + rejected``.

>>> from lottery import validate
>>> report = validate.validate_text('''排列3 第19048期 161
... 排列5 第19048期 16270''')
>>> [(f.severity, f.kind, f.issue) for f in report.findings]
[('error', 'pl3-pl5', '19048')]
>>> print(report.findings[0].message)
排列3 19048 is 161 but 排列5 19048 starts 162 (16270): 排列3 is the first three digits of 排列5
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

import attrs

from lottery import agreement, history_checks, inputs
from lottery._gc import paused
from lottery._text import ensure_str
from lottery.draw_checks import CHECKS, suspects
from lottery.exceptions import FAULT_KINDS, LotteryError, UnknownGame
from lottery.findings import CHECK_KINDS, Finding, Problem, place
from lottery.history_checks import across
from lottery.model import Draw
from lottery.records import Record
from lottery.registry import checks, games, get_game
from lottery.rules import Game

__all__ = [
    "FINDING_KINDS",
    "Finding",
    "Report",
    "read_file",
    "read_inputs",
    "read_text",
    "validate",
    "validate_draws",
    "validate_files",
    "validate_text",
]

#: A run of identical results whose chance is below this is a failed scrape (see history_checks).
STUCK_CHANCE: Final = history_checks.STUCK_CHANCE

#: Records checked together by :func:`validate_stream` (memory: the chunk's records).
_CHUNK: Final = 1024
#: :func:`validate_stream` tells its progress every 2**_PROGRESS records.
_PROGRESS: Final = 12

#: Every kind of finding, with what it means (``docs/announcements.md`` lists them too):
#: the faults of records that hold no draw, the checks every game gets, each game's own.
FINDING_KINDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        **{str(kind): text for kind, text in FAULT_KINDS.items()},
        **CHECK_KINDS,
        **{kind: text for game in games() for kind, text in checks(game).kinds.items()},
    },
)


@attrs.frozen
class Report:
    """Records read, the draws they hold, and every finding.

    A report of :func:`validate` keeps every record and finding.  One of
    :class:`Validation` with ``keep`` (the command line's) keeps one record per
    distinct draw, the first ``keep`` rejected records and findings of each
    kind, and counts them all: ``record_count``, ``rejected_count``,
    ``counts`` (findings by kind), ``error_count`` and ``warning_count``.
    """

    records: tuple[Record, ...]
    findings: tuple[Finding, ...]
    counts: Mapping[str, int] = attrs.field(factory=dict)
    record_count: int | None = None
    rejected_count: int | None = None
    error_count: int | None = None
    warning_count: int | None = None

    @property
    def draws(self) -> tuple[Draw, ...]:
        """The valid draws, in input order."""
        return tuple(r.draw for r in self.records if r.draw is not None)

    @property
    def rejected(self) -> tuple[Record, ...]:
        """Records that hold no draw."""
        return tuple(r for r in self.records if r.draw is None)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Error findings."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Warning findings."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def ok(self) -> bool:
        """Whether there is no error finding."""
        return not (self.error_count if self.error_count is not None else self.errors)

    @property
    def agreements(self) -> tuple[str, ...]:
        """A line per game check relating draws, so that a clean run says what it checked."""
        draws: dict[str, list[Draw]] = {}
        for draw in self.draws:
            draws.setdefault(draw.game.code, []).append(draw)
        lines = (
            summary(draws, self.findings)
            for summary in (checks(game).summary for game in games())
            if summary is not None
        )
        return tuple(line for line in lines if line)

    def sources(self) -> dict[str, Any]:
        """How the inputs agree, issue by issue (see :func:`lottery.agreement.compare`)."""
        return agreement.compare(self.records)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``records``, ``draws``, ``rejected``, ``findings``, ``sources``."""
        return {
            "records": self.record_count if self.record_count is not None else len(self.records),
            "draws": [
                {**r.draw.to_dict(), "source": r.source, "where": r.where}
                for r in self.records
                if r.draw is not None
            ],
            "rejected": [r.rejection() for r in self.rejected],
            "rejected_count": (
                self.rejected_count if self.rejected_count is not None else len(self.rejected)
            ),
            "findings": [f.to_dict() for f in self.findings],
            "counts": dict(self.counts) or dict(Counter(f.kind for f in self.findings)),
            "sources": self.sources(),
        }


class Validation:
    """Records checked one at a time, for inputs of any size.

    With ``keep``, memory is bounded by the distinct draws (one record each)
    and ``keep`` rejected records and findings of each kind; everything is
    counted.  Without it, every record and finding is kept.
    """

    def __init__(self, *, keep: int | None = None) -> None:
        self.keep = keep
        self.records: list[Record] = []
        self.findings: list[Finding] = []
        self.counts: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()
        self.record_count = 0
        self.rejected_count = 0
        self._seen: set[tuple[object, ...]] = set()

    def _finding(self, finding: Finding) -> None:
        self.counts[finding.kind] += 1
        self.severities[finding.severity] += 1
        if self.keep is None or self.counts[finding.kind] <= self.keep:
            self.findings.append(finding)

    def add(self, record: Record) -> None:
        """Check one record and keep what the checks across draws need."""
        self.extend((record,))

    def extend(self, records: Sequence[Record]) -> None:
        """Check records (a chunk at once: see :func:`_check_records`) and keep what is needed."""
        self.record_count += len(records)
        for finding in _check_records(records):
            self._finding(finding)
        for record in records:
            self._keep(record)

    def _keep(self, record: Record) -> None:
        draw = record.draw
        if draw is None:
            self.rejected_count += 1
            if self.keep is None or self.rejected_count <= self.keep:
                self.records.append(record)
        elif self.keep is None:
            self.records.append(record)
        else:
            key = (draw.game.code, draw.issue, draw.numbers, draw.date, record.source)
            if key not in self._seen:
                self._seen.add(key)
                self.records.append(record)

    def report(self) -> Report:
        """The report: the records kept, with the checks across draws done."""
        for finding in across([r for r in self.records if r.draw is not None]):
            self._finding(finding)
        return Report(
            tuple(self.records),
            tuple(self.findings),
            counts=dict(self.counts),
            record_count=self.record_count,
            rejected_count=self.rejected_count,
            error_count=self.severities["error"],
            warning_count=self.severities["warning"],
        )


# --- reading -------------------------------------------------------------------


def read_text(text: str, *, source: str = "<text>", game: Game | str | None = None) -> list[Record]:
    """Records of one input's text; the kind is told from the content."""
    ensure_str(text, "text")
    hint = get_game(game) if isinstance(game, str) else game
    return list(inputs.read_text(text, source=source, game=hint))


def _split_spec(spec: str) -> tuple[Game | None, str]:
    """``GAME=PATH`` or ``PATH``."""
    name, eq, path = spec.partition("=")
    if eq and not os.path.exists(spec):
        try:
            return get_game(name), path
        except LotteryError as error:
            if os.path.exists(path):  # GAME=PATH with a game the library does not know
                msg = f"{spec}: unknown game {name!r} before '=' ({error})"
                raise UnknownGame(msg, token=name) from None
    return None, spec


def iter_file(
    spec: str, *, game: Game | str | None = None, max_bytes: int = inputs.DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """Records of one file (``GAME=PATH`` names its game; ``-`` is standard input), streamed.

    Raises OSError if the file cannot be opened.
    """
    named, path = _split_spec(spec)
    hint = named or (get_game(game) if isinstance(game, str) else game)
    return inputs.read_path(path, game=hint, max_bytes=max_bytes)


def read_file(spec: str, *, game: Game | str | None = None) -> list[Record]:
    """Records of one file (``GAME=PATH`` names its game).  Raises OSError if unreadable."""
    with paused():  # every record lives on: nothing for the collector to find
        return list(iter_file(spec, game=game))


def read_inputs(specs: Sequence[str], *, game: Game | str | None = None) -> list[Record]:
    """Records of every file, in order."""
    out: list[Record] = []
    with paused():
        for spec in specs:
            out.extend(read_file(spec, game=game))
    return out


# --- checks on each draw ----------------------------------------------------------


def _check_records(records: Sequence[Record]) -> list[Finding]:
    """Every record's findings, in order.

    The records the checks could find nothing in are proven so a chunk at once
    (:func:`lottery.draw_checks.suspects`); the others are checked one by one.
    """
    out: list[Finding] = []
    for k in suspects(records):
        out.extend(_check_record(records[k]))
    return out


def _check_record(record: Record) -> list[Finding]:
    draw = record.draw
    if draw is None:
        code = record.game.code if record.game else None
        message = record.error or "?"
        return [
            Finding(
                "warning" if record.kind == "no-result" else "error",
                record.kind or "invalid",
                code,
                record.issue,
                place(record),
                message,
            )
        ]
    problems: list[Problem] = []
    for check in CHECKS:
        found = check(record, draw)
        if found:
            problems.extend(found)
    own = checks(draw.game).record
    if own is not None:
        problems.extend(own(record))
    if not problems:
        return []  # the usual record: nothing to say
    head = f"{draw.game.name} {draw.issue}"
    return [
        Finding(severity, kind, draw.game.code, draw.issue, place(record), f"{head}: {message}")
        for severity, kind, message in problems
    ]


# --- entry points -------------------------------------------------------------------


def validate(records: Iterable[Record]) -> Report:
    """Check every record and the draws against each other."""
    with paused():
        kept = tuple(records)
        findings = _check_records(kept)
        findings.extend(across(kept))
        return Report(kept, tuple(findings))


def validate_stream(
    specs: Sequence[str],
    *,
    game: Game | str | None = None,
    keep: int = 1000,
    max_bytes: int = inputs.DEFAULT_MAX_BYTES,
    on_missing: Callable[[str, OSError | LotteryError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Report:
    """Read and validate files of any size, streamed (``-`` is standard input).

    A file that cannot be opened is passed to ``on_missing`` and skipped (raised
    without it); the others are still validated.
    """
    validation = Validation(keep=keep)
    with paused():  # the draws kept live on; the rest is freed as it goes
        for spec in specs:
            try:
                records = iter_file(spec, game=game, max_bytes=max_bytes)
                while chunk := list(itertools.islice(records, _CHUNK)):
                    told = validation.record_count >> _PROGRESS
                    validation.extend(chunk)
                    if on_progress is not None and validation.record_count >> _PROGRESS > told:
                        on_progress(validation.record_count)
            except (OSError, UnknownGame) as error:
                if on_missing is None:
                    raise
                on_missing(spec, error)
        return validation.report()


def validate_text(text: str, *, source: str = "<text>", game: Game | str | None = None) -> Report:
    """Read and validate one text."""
    return validate(read_text(text, source=source, game=game))


def validate_files(specs: Sequence[str], *, game: Game | str | None = None) -> Report:
    """Read and validate files (``GAME=PATH`` names a file's game).  Raises OSError."""
    return validate(read_inputs(specs, game=game))


def validate_draws(draws: Iterable[Draw], *, source: str = "<draws>") -> Report:
    """Validate :class:`~lottery.Draw` objects from anywhere (cross-checks and dates)."""
    records = [
        Record(source, f"draw {i}", str(d), d.game, draw=d, issue=d.issue)
        for i, d in enumerate(draws, 1)
    ]
    return validate(records)
