"""Cross-source agreement: where several histories of a game say the same, and where not.

Given the records of several inputs, each issue is looked at across the
sources that have it: all agree, some disagree (which source says what), or
only one has it.  This is what a user needs to decide which source to trust.

>>> from lottery import validate
>>> report = validate.validate_text("排列3 第19048期 161", source="a.txt")
>>> report.sources()["files"]
{'a.txt': {'draws': 1, 'issues': 1}}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lottery.model import format_numbers
from lottery.records import Record

__all__ = ["compare"]


def _says(record: Record) -> str:
    draw = record.draw
    assert draw is not None  # noqa: S101 - only draws are compared
    text = format_numbers(draw.edition, draw.numbers)
    return f"{text} ({draw.date.isoformat()})" if draw.date else text


def compare(records: Iterable[Record]) -> dict[str, Any]:
    """Issue by issue, what each source says; see the module's docstring.

    Returns ``files`` (per source: distinct draws and issues), ``shared``
    (issues in two or more sources), ``agree`` (of those, where every source
    says the same), ``single`` (issues in one source only) and ``conflicts``
    (per issue in conflict: ``game``, ``issue`` and ``says``, source → what).
    """
    says: dict[tuple[str, str], dict[str, list[str]]] = {}
    files: dict[str, dict[str, int]] = {}
    for record in records:
        draw = record.draw
        if draw is None:
            continue
        source = files.setdefault(record.source, {"draws": 0, "issues": 0})
        source["draws"] += 1
        per_source = says.setdefault((draw.game.code, draw.issue), {})
        if record.source not in per_source:
            source["issues"] += 1
        texts = per_source.setdefault(record.source, [])
        text = _says(record)
        if text not in texts:
            texts.append(text)
    shared = agree = single = 0
    conflicts: list[dict[str, Any]] = []
    for (game, issue), per_source in sorted(says.items()):
        values = {text for texts in per_source.values() for text in texts}
        if len(per_source) == 1:
            single += 1
        else:
            shared += 1
            agree += len(values) == 1
        if len(values) > 1:
            conflicts.append({"game": game, "issue": issue, "says": dict(per_source)})
    return {
        "files": files,
        "shared": shared,
        "agree": agree,
        "single": single,
        "conflicts": conflicts,
    }
