"""SSQ (双色球, Shuang Se Qiu, "double colour ball").

A national China Welfare Lottery (福彩) game with a single national pool,
drawn every Tuesday, Thursday and Sunday.  Issue numbers are ``YYYYNNN``
(``2019021``), restarting at 001 each year and never skipping over holidays.

A bet is 6 distinct 红球 from 01–33 and 1 蓝球 from 01–16 (the blue may equal
a red value); order does not matter, and draws are printed with the reds
ascending.  A bet costs 2元.

Tickets
-------
- 单式: ``02 05 07 08 20 27 + 04``.
- 复式: 7–20 reds and/or 2–16 blues; C(red, 6) × blue bets.
- 胆拖 (reds only): 1–5 red 胆 and 拖 with 胆 + 拖 ≥ 7;
  C(拖, 6 − 胆) × blue bets: ``02 05 # 07 08 20 27 33 + 04``.
- The 20-red and 5-胆 limits are channel and help-page limits, not rule text
  ([O-ssq]; docs/sources.md, UNCONFIRMED 9).

Prize tiers (red + blue matched)
--------------------------------
========  ========================  =========
一等奖    6+1                       floating
二等奖    6+0                       floating
三等奖    5+1                       3000元
四等奖    5+0, 4+1                  200元
五等奖    4+0, 3+1                  10元
六等奖    2+1, 1+1, 0+1             5元
福运奖    3+0, 2026 edition only,   5元
          in the 特别规定期间
========  ========================  =========

Each bet wins only one tier.  Editions:

- ``original``: every issue before 2026014 ([O-ssq]; [S-hyx],
  [S-166], [S-sogou ssq-award]; fixed amounts also in cwl API samples).
- ``2026``: from issue 2026014 (2026-02-01; 财综〔2025〕50号, [O-ssq2026]).
  Fixed tiers unchanged; **福运奖** (3+0, 5元) is paid only during the
  特别规定期间, which starts once the pool after a draw reaches 15亿 and ends
  when it falls below 3亿 (the post-draw pool governs the next draw).  It
  ran from 2026014 through 2026075; 广东福彩 announced the stop from 2026076
  [S-settle].  A draw after 2026075 pays 福运奖 only if it says the period is
  active (``Draw.special_period``).  3+1 stays 五等奖; 福运奖 is not added.

Limitations
-----------
- Floating prizes (一等奖, 二等奖) are known only from an announcement.
- UNCONFIRMED (docs/sources.md, UNCONFIRMED): the 2026 caps (一等奖 1亿 and 二等奖 7000万 per
  draw), the 限额赔付 clause that can adjust fixed prizes, and what the 2018
  republication of the rules changed.  Temporary 派奖 promotions change
  published amounts; the validator reports them as differences.

>>> import lottery
>>> draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
>>> lottery.check(lottery.parse_ticket("ssq", "02 05 07 08 21 33 + 04"), draw).wins
(Win(tier='四等奖', count=1, prize=Decimal('200')),)
>>> fuyun = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2026020")
>>> lottery.check(lottery.parse_ticket("ssq", "02 05 07 09 21 33 + 01"), fuyun).wins
(Win(tier='福运奖', count=1, prize=Decimal('5')),)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from lottery.findings import Finding, GameChecks, place
from lottery.model import Draw
from lottery.plays import StandardPlay
from lottery.records import Record
from lottery.rules import Edition, Game, Tier, Zone

__all__ = [
    "CHECKS",
    "FUYUN_OFF",
    "FUYUN_ON",
    "GAME",
    "SPECIAL_PERIOD_FIRST",
    "SPECIAL_PERIOD_LAST",
    "in_special_period",
    "known_special_period",
]

#: The 特别规定期间 starts when the pool after a draw reaches 15亿 and ends when it
#: falls below 3亿 ([S-settle], [S-cfg-ts]).
FUYUN_ON: Final = 1_500_000_000
FUYUN_OFF: Final = 300_000_000

#: First and last issue of the 2026 特别规定期间 as announced ([O-ssq2026]).
SPECIAL_PERIOD_FIRST: Final = (2026, 14)
SPECIAL_PERIOD_LAST: Final = (2026, 75)


def known_special_period(issue_key: tuple[int, int]) -> bool | None:
    """Whether an issue falls in the period as announced so far: ``None`` after it.

    After 2026075 only the pool after each draw can tell ([O-ssq2026]).
    """
    if issue_key > SPECIAL_PERIOD_LAST:
        return None
    return issue_key >= SPECIAL_PERIOD_FIRST


def in_special_period(draw: Draw) -> bool:
    """Whether 福运奖 is paid in ``draw``: as announced, else the known period.

    The announced state wins because the period depends on the pool, which
    only announcements know; without one, the library knows 2026014–2026075.
    """
    if draw.special_period is not None:
        return draw.special_period
    return bool(known_special_period(draw.issue_key))


#: The China Welfare Lottery feed's ``prizegrades`` types 1–7, in order; 7 is 2026's 福运奖.
_CWL_TIERS: Final = ("一等奖", "二等奖", "三等奖", "四等奖", "五等奖", "六等奖", "福运奖")

_RED: Final = Zone(
    "红球", 1, 33, 6, max_pick=20, dan=(1, 5), labels=("红色球号码", "红色球", "红球号码")
)
_BLUE: Final = Zone("蓝球", 1, 16, 1, max_pick=16, labels=("蓝色球号码", "蓝色球", "蓝球号码"))
_SRC: Final = "[O-ssq; S-hyx, S-166, S-sogou ssq-award]"
_TIERS: Final = (
    Tier("一等奖", None, ((6, 1),), source=_SRC),
    Tier("二等奖", None, ((6, 0),), source=_SRC),
    Tier("三等奖", 3000, ((5, 1),), source=_SRC),
    Tier("四等奖", 200, ((5, 0), (4, 1)), source=_SRC),
    Tier("五等奖", 10, ((4, 0), (3, 1)), source=_SRC),
    Tier("六等奖", 5, ((2, 1), (1, 1), (0, 1)), source=_SRC),
)

GAME: Final = Game(
    code="ssq",
    name="双色球",
    english="Double Color Ball",
    operator="福彩",
    aliases=("双色球", "ssq", "SSQ", "shuangseqiu"),
    issue_digits=7,
    draw_weekdays=(1, 3, 6),
    editions=(
        Edition(
            name="original",
            first_issue=None,
            zones=(_RED, _BLUE),
            tiers=_TIERS,
            source="[O-ssq]",
        ),
        Edition(
            name="2026",
            first_issue="2026014",
            zones=(_RED, _BLUE),
            known_period=known_special_period,
            tiers=(
                *_TIERS,
                Tier(
                    "福运奖",
                    5,
                    ((3, 0),),
                    when=in_special_period,
                    source="[O-ssq2026; S-settle, S-plan10, S-17500cfg, S-cfg-ts]",
                ),
            ),
            source="[O-ssq2026] (财综〔2025〕50号)",
        ),
    ),
    plays=(StandardPlay("普通"),),
    doc=__doc__ or "",
    module=__name__,
    feeds={"cwl": ("ssq",)},
    tier_aliases={str(n): name for n, name in enumerate(_CWL_TIERS, 1)},
    announcement="中国福利彩票“双色球”开奖公告第{issue}期 中奖号码：{numbers}",
)


def _first_per_issue(records: Sequence[Record]) -> list[Record]:
    """The first record of each issue (sources that disagree are the conflicts check's)."""
    firsts: list[Record] = []
    seen: set[str] = set()
    for record in records:
        if record.draw is not None and record.draw.issue not in seen:
            seen.add(record.draw.issue)
            firsts.append(record)
    return firsts


def _from_the_period(history: Sequence[Record]) -> list[Record]:
    """The draws to judge (one record an issue): from the one before the first with the period.

    None if the history (in issue order) ends before the rules with the period.  A
    draw's state depends on the draw before it alone (histories are mostly older).
    """
    if not history or _before_the_period(history[-1]):
        return []
    firsts = _first_per_issue(history)
    first = next((i for i, r in enumerate(firsts) if r.draw and r.draw.edition.has_period), None)
    return [] if first is None else firsts[max(first - 1, 0) :]


def _before_the_period(record: Record) -> bool:
    """Whether the record's issue comes before every edition with the 特别规定期间."""
    draw = record.draw
    firsts = [
        GAME.issue_key(e.first_issue) for e in GAME.editions if e.has_period and e.first_issue
    ]
    return draw is not None and bool(firsts) and draw.issue_key < min(firsts)


def _pool_after(record: Record | None) -> str:
    """Where a period's state came from: the pool after a draw, as a message says it."""
    if record is None or record.draw is None or record.pool is None:
        return ""
    return f"pool after {record.draw.issue}: {record.pool:,}元"


def _fuyun(histories: Mapping[str, Sequence[Record]]) -> list[Finding]:
    """双色球 2026: was each draw in the 特别规定期间? The pool after the draw before decides."""
    firsts = _from_the_period(histories.get(GAME.code, ()))
    out: list[Finding] = []
    state: bool | None = None
    state_from: Record | None = None  # the record whose pool says the state (its message)
    previous: tuple[int, int] | None = None
    for record in firsts:
        draw = record.draw
        assert draw is not None  # noqa: S101 - only draws
        key = draw.issue_key
        if previous is not None and not (
            key == (previous[0], previous[1] + 1) or (key[0] == previous[0] + 1 and key[1] == 1)
        ):
            state = None  # a hole: the pool before this draw is unknown
        period = draw.edition.has_period
        if period:
            announced = known_special_period(key)
            known = state is not None or announced is not None
            expected = state if state is not None else bool(announced)
            claimed = draw.special_period
            if claimed is not None and claimed != expected:
                verb = "pays 福运奖" if claimed else "has no 福运奖"
                if known:
                    state_text = "in" if expected else "outside"
                    why = _pool_after(state_from) or "the known period 2026014–2026075"
                    message = (
                        f"{GAME.name} {draw.issue} {verb} but is {state_text} the period ({why})"
                    )
                else:  # after the known period, only the pool can tell
                    message = (
                        f"{GAME.name} {draw.issue} {verb}; after 2026075 only the pool after the"
                        " draw before can tell, and no input gives it"
                    )
                out.append(
                    Finding(
                        "error" if known else "warning",
                        "fuyun",
                        GAME.code,
                        draw.issue,
                        place(record),
                        message,
                    ),
                )
            current = claimed if not known and claimed is not None else expected
        else:
            current = False
        if record.pool is not None:
            if record.pool >= FUYUN_ON:
                state = True
            elif record.pool < FUYUN_OFF:
                state = False
            else:
                state = current
            state_from = record
        else:
            state = None
            state_from = None
        previous = key
    return out


CHECKS: Final = GameChecks(
    kinds={"fuyun": "福运奖 paid outside the 特别规定期间, or missing inside"},
    tier_kinds={"福运奖": "fuyun"},
    history=_fuyun,
)
