"""What every command of the ``lottery`` command line shares: exit statuses, errors, progress.

Exit status: 0 when every input was valid (and, for ``validate``, no error
was found), 1 when some input was rejected or an error finding was made, 2
for a usage or I/O error, 130 after SIGINT and 143 after SIGTERM.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from typing import TextIO

__all__ = [
    "INTERRUPTED",
    "OK",
    "REJECTED",
    "TERMINATED",
    "USAGE",
    "Mismatch",
    "Progress",
    "Terminated",
    "Usage",
    "lines_with_progress",
    "on_term",
    "show_progress",
]

OK, REJECTED, USAGE = 0, 1, 2
#: Exit statuses after SIGINT and SIGTERM (128 + the signal), as shells report them.
INTERRUPTED, TERMINATED = 130, 143


class Usage(Exception):
    """A usage or I/O problem: message, exit 2."""


class Terminated(Exception):
    """SIGTERM: every worker is ended and every temporary file removed, exit 143."""


def on_term(signum: int, frame: object) -> None:
    """The SIGTERM handler: unwind as an exception, so ``finally`` blocks clean up."""
    raise Terminated(signum, frame)


class Mismatch(Usage):
    """Draws of another game than the one checked (GameMismatch): exit 2."""


def show_progress(*, json: bool, quiet: bool) -> bool:
    """Whether to draw a progress bar: on a terminal, not with ``--json`` or ``--quiet``."""
    return not json and not quiet and sys.stderr.isatty()


class Progress:
    """A progress bar on a terminal, shown once a run passes about a second.

    With a ``total`` (bytes), a bar and a share; with none, a count of ``unit``.
    """

    def __init__(self, total: int, stream: TextIO, unit: str = "records") -> None:
        self.total = total
        self.unit = unit
        self.stream = stream
        self.start = time.monotonic()
        self.drawn = 0.0
        self.shown = False

    def update(self, done: int) -> None:
        """Redraw, at most ten times a second, once a second has passed."""
        now = time.monotonic()
        elapsed = now - self.start
        if elapsed < 1.0 or now - self.drawn < 0.1:  # at most ten redraws a second
            return
        self.drawn = now
        self.shown = True
        if self.total > 0:
            share = min(done / self.total, 1.0)
            bar = "#" * int(share * 30)
            self.stream.write(f"\r[{bar:<30}] {share:6.1%} {elapsed:5.1f}s")
        else:
            self.stream.write(f"\r{done:>12,} {self.unit} {elapsed:6.1f}s")
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar, if it was drawn."""
        if self.shown:
            self.stream.write("\r" + " " * 50 + "\r")
            self.stream.flush()


def lines_with_progress(lines: Iterator[str], progress: Progress | None) -> Iterator[str]:
    """``lines``, updating ``progress`` by the characters read."""
    if progress is None:
        yield from lines
        return
    done = 0
    for count, line in enumerate(lines):
        done += len(line)
        if not count & 0xFFFF:
            progress.update(done)
        yield line
