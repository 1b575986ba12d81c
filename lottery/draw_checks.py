"""The checks every draw of every game goes through, one record at a time.

Each takes a record and the draw it holds and yields problems (severity,
kind, message): the issue number against the draw days, the printed order,
the date and weekday, the announced prizes against the edition's (fixed,
following the pool, 追加 shares).  :mod:`lottery.validate` runs them, then a
game's own checks (``GameChecks.record``), then the checks across draws.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final

from lottery.findings import Problem
from lottery.model import Draw
from lottery.records import TEST_NUMBER, Record
from lottery.registry import checks
from lottery.rules import WEEKDAYS, Edition

__all__ = ["CHECKS", "Check"]


def _fmt(draw: Draw, numbers: Sequence[int]) -> str:
    zone = draw.edition.zones[0]
    return " ".join(zone.fmt(n) for n in numbers)


#: One check of one record and the draw it holds: the problems found (usually none).
Check = Callable[[Record, Draw], Iterable[Problem]]


def _issue_number(record: Record, draw: Draw) -> list[Problem]:
    """The issue's number fits the year's draw days."""
    out: list[Problem] = []
    most = draw.game.issues_per_year
    number = draw.issue_key[1]
    if number > most:
        out.append(
            (
                "warning",
                "issue-number",
                f"number {number} is more than its draw days allow (at most {most})",
            )
        )
    test = record.extra_numbers(TEST_NUMBER) if record.extras else None
    if test is not None and len(test) != len(draw.numbers):
        out.append(("warning", "test-number", f"{TEST_NUMBER} {test} has the wrong length"))
    return out


def _printed_order(record: Record, draw: Draw) -> list[Problem]:
    """Ball numbers are printed ascending; a labelled draw order holds the same balls."""
    out: list[Problem] = []
    zones = draw.edition.zones
    printed = record.printed
    # printed as the draw is (ball zones ascending): the usual record, nothing to look at
    if printed and printed != draw.numbers and not all(zone.positional for zone in zones):
        start = 0
        for zone in zones:
            part = printed[start : start + zone.size]
            start += zone.size
            if not zone.positional and part and list(part) != sorted(part):
                shown = _fmt(draw, part)
                out.append(
                    (
                        "warning",
                        "order",
                        f"{zone.name} printed as {shown}, not ascending (label a draw order)",
                    )
                )
    if record.order is not None:
        result = draw.numbers[: zones[0].size]
        if sorted(record.order) != sorted(result):
            order, drawn = _fmt(draw, record.order), _fmt(draw, result)
            message = f"the draw order {order} is not the same balls as the result {drawn}"
            out.append(("error", "draw-order", message))
    return out


def _dates(record: Record, draw: Draw) -> list[Problem]:
    """The issue's year is the date's; the date is a draw day, as printed."""
    date = draw.date
    if date is None:
        return []
    out: list[Problem] = []
    year = draw.issue_key[0]
    if year != date.year:
        out.append(
            ("error", "issue-year", f"the issue's year {year} is not the date's year ({date})")
        )
    day = date.weekday()
    weekday = WEEKDAYS[day]
    if day not in draw.game.draw_weekdays:
        days = "、".join("周" + WEEKDAYS[d] for d in draw.game.draw_weekdays)
        out.append(
            ("error", "weekday", f"{date} is a 周{weekday}; {draw.game.name} draws on {days}")
        )
    if record.weekday and record.weekday.replace("天", "日") != weekday:
        out.append(
            ("error", "weekday", f"printed as 周{record.weekday} but {date} is a 周{weekday}")
        )
    return out


def _pool_tables(draw: Draw) -> Iterator[Problem]:
    """Fixed prizes that follow the pool: the announced ones agree with one table, the pool's."""
    if not draw.edition.pool_tiers:
        return
    tiers = [t for t in draw.edition.tiers if t.by_pool]
    if not tiers:
        return
    tables = [
        {t.name: amount for t in tiers for edge, amount in t.by_pool if edge == low}
        for low, _ in tiers[0].by_pool
    ]
    shown = "; ".join(
        f"from {low:,}元: " + ", ".join(f"{n} {a}" for n, a in table.items())
        for (low, _), table in zip(tiers[0].by_pool, tables, strict=True)
    )
    announced = {n: a for n, a in draw.prizes if n in tables[0]}
    if not announced:
        return
    fits = draw.edition.pool_tables_fitting(announced)
    said = ", ".join(f"{n} {a}" for n, a in announced.items())
    if draw.pool_before is not None:
        due = max(i for i, (low, _) in enumerate(tiers[0].by_pool) if draw.pool_before >= low)
        if due not in fits:
            yield (
                "warning",
                "prize",
                (
                    f"announced {said}, but the pool before the draw ({draw.pool_before:,}元) calls"
                    f" for the table from {tiers[0].by_pool[due][0]:,}元 (tables: {shown})"
                ),
            )
    elif not fits:
        yield "warning", "prize", f"announced {said} fits neither fixed-prize table ({shown})"


def _addons(draw: Draw) -> Iterator[Problem]:
    """A floating add-on prize (追加) is at most its share of the base prize."""
    share = draw.edition.addon_share
    if share is None:
        return
    for base, addon in draw.edition.addons:
        paid, extra = draw.prize(base), draw.prize(addon)
        if paid is None or extra is None or draw.edition.tier(addon).fixed:
            continue
        if extra * 100 > paid * share:
            yield (
                "warning",
                "prize",
                (f"{addon} announced {extra:,}元, more than {share}% of {base}'s {paid:,}元"),
            )


#: Each edition's fixed prize per tier (``None``: a floating one).
_FIXED: dict[Edition, dict[str, Decimal | None]] = {}


def _prizes(record: Record, draw: Draw) -> list[Problem]:
    """Announced fixed prizes equal the edition's; tiers exist in the edition."""
    if not draw.prizes and not record.foreign:
        return []  # nothing announced: nothing to compare
    edition = draw.edition
    floating = edition.pool_tiers or edition.addon_share is not None
    out = [*_pool_tables(draw), *_addons(draw)] if floating else []
    fixed = _FIXED.get(edition)
    if fixed is None:
        fixed = _FIXED[edition] = {tier.name: tier.prize for tier in edition.tiers}
    for name, amount in draw.prizes:
        prize = fixed[name]
        if prize is not None and amount != prize:
            message = (
                f"{name} announced {amount:,}元, the rules say {prize:,}元"
                f" ({amount - prize:+,}元; a 派奖 adds, 限额赔付 cuts)"
            )
            out.append(("warning", "prize", message))
    if not record.foreign:
        return out
    tier_kinds = checks(draw.game).tier_kinds
    for name, amount in record.foreign:
        kind = tier_kinds.get(name, "prize")
        rules = draw.edition.name
        out.append(
            (
                "error",
                kind,
                f"announces {name} {amount:,}元, but the {rules!r} rules have no {name}",
            )
        )
    return out


CHECKS: Final[tuple[Check, ...]] = (_issue_number, _printed_order, _dates, _prizes)
