"""PL3 (排列3, Pai Lie 3, "arrangement 3").

A national China Sports Lottery (体彩) game, drawn daily.  Its result is the
first three digits of the same issue's 排列5 draw ([O-sporttery-feed], [S-data]).  Issue
numbers are ``YYNNN`` officially (``19048``); ``2019048`` is accepted on
input.  No official 试机号 exists for 排列3 (UNCONFIRMED).

A number is 3 digits (百 十 个), each 0–9, repeats allowed.  2元 a bet.

Plays and prizes ([O-pls]; [S-166], [S-sporttery-pl3], [S-17500cfg])
-------------------------------------------------------------------------
======  ==========================================================  ======
直选    all 3 digits in order                                        1040元
组选3   the draw has exactly two equal digits; same digits           346元
组选6   the draw has three distinct digits; same digits              173元
======  ==========================================================  ======

A triple draw (``111``) pays only 直选; a 组三-form draw pays only 组选3 and
a 组六-form draw only 组选6.  Every other play wins the prize of the play it
stands for: 直选和值, 直选跨度 and 直选组合 pay 直选; 组选和值 pays 组选3 or
组选6 by the draw's form; 组选3和值/跨度 pay 组选3; 组选6和值/跨度 and
组选6胆拖 pay 组选6; 组选3胆拖 pays 组选3.

Tickets: 直选 ``161`` or 复式 ``12|6|01``; 组选3 ``116`` (one bet) or 包号
``168`` (n(n−1) bets); 组选6 ``236`` or 包号 ``2368`` (C(n,3) bets);
直选和值 ``直选和值 10``; 组选和值, 组选3和值, 组选6和值; 直选跨度, 组选3跨度,
组选6跨度; 直选组合 ``直选组合 1234`` (n(n−1)(n−2) bets); 组选6胆拖
``组选6胆拖 1 # 2345`` (C(拖, 3−胆) bets); 组选3胆拖 ``组选3胆拖 1 # 23``
(each 拖 digit t covers {d, d, t} and {d, t, t}: 2 × 拖 bets, [S-z3dt]).
直选组合胆拖 is refused: one source lists it without its rule text.

Editions: an older edition paid 1000 / 320 / 160 ([S-hyx], c. 2009–2012);
the date of the change to 1040 / 346 / 173 is UNCONFIRMED (in force by about
2016), so the library applies the current amounts to every issue and the
validator reports an announcement of the old amounts as a difference.  The
full play list is single-source ([S-ML], UNCONFIRMED).

>>> import lottery
>>> draw = lottery.parse_draw("pl3", "161", issue="19048")
>>> lottery.check(lottery.parse_ticket("pl3", "组选3 16"), draw).wins
(Win(tier='组选3', count=1, prize=Decimal('346')),)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Final

from lottery.findings import Finding, GameChecks, Problem, place
from lottery.games import pl5
from lottery.games._digits import THREE_DIGITS, common_plays, common_refusals
from lottery.model import Draw
from lottery.plays import StandardPlay
from lottery.records import Record
from lottery.rules import Edition, Game, Tier

__all__ = ["CHECKS", "GAME"]

_SRC: Final = "[O-pls; S-166, S-sporttery-pl3, S-17500cfg]"

GAME: Final = Game(
    code="pl3",
    name="排列3",
    english="Arrangement 3",
    operator="体彩",
    aliases=("排列3", "排列三", "pls", "pl3", "PL3", "P3"),
    issue_digits=5,
    draw_weekdays=(0, 1, 2, 3, 4, 5, 6),
    editions=(
        Edition(
            name="original",
            first_issue=None,
            zones=(THREE_DIGITS,),
            tiers=(
                Tier("直选", 1040, ((3,),), source=_SRC),
                Tier("组选3", 346, source=_SRC),
                Tier("组选6", 173, source=_SRC),
            ),
            source="[O-pls]",
        ),
    ),
    plays=(
        StandardPlay("直选", aliases=("单选", "单式", "复式", "直选复式")),
        *common_plays("直选"),
    ),
    doc=__doc__ or "",
    module=__name__,
    refused=common_refusals(),
    feeds={"sporttery": ("35",)},
    announcement="全国联网电脑体育彩票“排列3”开奖公告第{issue}期 中奖号码：{numbers}",
)


def _with_pl5(records: Sequence[Record]) -> Iterator[int]:
    """The records ``_own_pl5`` looks at: those that carry numbers besides the result."""
    return (k for k, record in enumerate(records) if record.extras)


def _own_pl5(record: Record) -> Iterator[Problem]:
    """A sports-lottery 排列3 record carries its 排列5 draw: the first three digits agree."""
    draw = record.draw
    five = record.extra_numbers("unsorted")
    if draw is None or five is None or len(five) != pl5.GAME.editions[-1].size:
        return
    if five[:3] != draw.numbers:
        three, whole = "".join(map(str, draw.numbers)), "".join(map(str, five))
        yield (
            "error",
            "pl3-pl5",
            f"is {three} but its own 排列5 draw is {whole}: 排列3 is its first three digits",
        )


def _pl3_pl5(histories: Mapping[str, Sequence[Record]]) -> list[Finding]:
    """排列3 is the first three digits of the same issue's 排列5 ([S-data], [S-166])."""
    fives: dict[str, dict[tuple[int, ...], Record]] = {}
    for record in histories.get(pl5.GAME.code, ()):
        if record.draw is not None:
            fives.setdefault(record.draw.issue, {}).setdefault(record.draw.numbers, record)
    out: list[Finding] = []
    seen: set[tuple[str, tuple[int, ...], tuple[int, ...]]] = set()
    for record in histories.get(GAME.code, ()):
        draw = record.draw
        if draw is None:
            continue
        for five in fives.get(draw.issue, {}).values():
            if five.draw is None or five.draw.numbers[:3] == draw.numbers:
                continue
            if (draw.issue, draw.numbers, five.draw.numbers) in seen:
                continue
            seen.add((draw.issue, draw.numbers, five.draw.numbers))
            three = "".join(map(str, draw.numbers))
            whole = "".join(map(str, five.draw.numbers))
            out.append(
                Finding(
                    "error",
                    "pl3-pl5",
                    GAME.code,
                    draw.issue,
                    f"{place(record)}; {place(five)}",
                    f"排列3 {draw.issue} is {three} but 排列5 {draw.issue} starts {whole[:3]}"
                    f" ({whole}): 排列3 is the first three digits of 排列5",
                ),
            )
    return out


def _agreement(draws: Mapping[str, Sequence[Draw]], findings: Sequence[Finding]) -> str:
    """Whether 排列3 agreed with 排列5 on the issues both inputs have."""
    threes = {d.issue: d for d in draws.get(GAME.code, ())}
    fives = {d.issue: d for d in draws.get(pl5.GAME.code, ())}
    shared = sorted(set(threes) & set(fives))
    if not shared:
        return ""
    bad = {f.issue for f in findings if f.kind == "pl3-pl5"}
    good = [i for i in shared if i not in bad]
    if len(good) < len(shared):
        return (
            f"排列3 and 排列5 disagree on {len(shared) - len(good):,} of {len(shared):,}"
            " shared issues."
        )
    if len(shared) > 1:
        return f"排列3 agrees with 排列5 on all {len(shared):,} shared issues."
    issue = shared[0]
    three = "".join(map(str, threes[issue].numbers))
    five = "".join(map(str, fives[issue].numbers))
    return f"排列3 {issue} ({three}) agrees with 排列5 {issue} ({five}): its first three digits."


CHECKS: Final = GameChecks(
    kinds={"pl3-pl5": "排列3 is not the first three digits of 排列5"},
    record=_own_pl5,
    suspects=_with_pl5,
    history=_pl3_pl5,
    summary=_agreement,
)
