"""3D (福彩3D, Fu Cai 3D, "welfare lottery 3D").

A national China Welfare Lottery (福彩) game, drawn daily.  Issue numbers
are ``YYYYNNN`` (``2019048``); ``19048`` is accepted on input.  A 试机号
(test number) is drawn before each draw; it is never the result ([S-shijihao]).
3D and 排列3 are independent games ([O-sporttery-feed], [S-data]).

A number is 3 digits (百 十 个), each 0–9, repeats allowed.  2元 a bet.

Core plays ([O-fc3d]; [S-166], [S-17500cfg], [S-ML])
----------------------------------------------------------
======  ==========================================================  ======
单选    all 3 digits in order (= 排列3's 直选)                        1040元
组选3   the draw has exactly two equal digits; same digits           346元
组选6   the draw has three distinct digits; same digits              173元
======  ==========================================================  ======

A triple draw pays only 单选, a 组三-form draw only 组选3, a 组六-form draw
only 组选6.  3D sells the same 和值, 跨度, 组合 and 胆拖 plays as 排列3 (see
:mod:`lottery.games.pl3`); 直选和值 etc. are also accepted as 单选和值.

Extended plays ([S-ML], [S-bet3d], [S-java3d], [S-3dcodes])
---------------------------------------------------------------------------
One bet each.  The year they were introduced and whether every province
sells them are UNCONFIRMED.

=========  ===============================================  ==============
1D         ``1D 3**``: the chosen position holds the digit   10元
2D         ``2D 32*``: both chosen positions match           104元
通选       ``通选 326``: all 3 in position / exactly 2       470 / 21元
和数       ``和数 11``: the digits sum to the value          by value (below)
包选3      ``包选3 116``: in order (全中) / any order (组中)  693 / 173元
包选6      ``包选6 236``: in order (全中) / any order (组中)  606 / 86元
猜1D       ``猜1D 6``: the digit appears 1 / 2 / 3 times     2 / 12 / 230元
猜2D       ``猜2D 66``: the digit at least twice (两同号)     37元
           ``猜2D 23``: both digits present (两不同号)        19元
猜三同     ``猜三同``: the draw is any triple                104元
拖拉机     ``拖拉机``: 012 … 789 or 987 … 210                 65元
猜奇偶     ``猜奇偶 奇``/``偶``: all three odd / all even     8元
猜大小     ``猜大小 大``/``小``: sum 19–27 / sum 0–8          6元
=========  ===============================================  ==============

和数 pays by the chosen sum: 0/27 1040, 1/26 345, 2/25 172, 3/24 104,
4/23 69, 5/22 49, 6/21 37, 7/20 29, 8/19 23, 9/18 19, 10/17 16, 11/16 15,
12/15 15, 13/14 14.  UNCONFIRMED: the 12/15 amount (single source; 14 would
fit the ~52% return pattern better), and 猜三同 and 拖拉机 as bets on the
whole set of triples or tractor numbers, read from their odds and prizes
(docs/sources.md, UNCONFIRMED 11–13).

Editions: nationally 1000 / 320 / 160 in older rules (上海 1000 / 333 /
166); the date of the change to 1040 / 346 / 173 is UNCONFIRMED, so the
current amounts apply to every issue (the validator reports old amounts as
differences).

>>> import lottery
>>> draw = lottery.parse_draw("3d", "326", issue="2019048")
>>> [(w.tier, w.prize) for w in lottery.check(lottery.parse_ticket("3d", "通选 329"), draw).wins]
[('通选2', Decimal('21'))]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from lottery.games._digits import THREE_DIGITS, common_plays, common_refusals
from lottery.games._fc3d_plays import (
    BaoXuan,
    GuessOne,
    GuessTwo,
    HeShu,
    Pattern,
    PositionPlay,
    Predicate,
    TongXuan,
    is_tractor,
    is_triple,
)
from lottery.plays import StandardPlay
from lottery.rules import Edition, Game, Tier

__all__ = ["GAME", "HESHU_PRIZES"]

_CORE: Final = "[O-fc3d; S-166, S-17500cfg, S-ML]"
_EXT: Final = "[O-fc3d; S-ML, S-bet3d]"

#: 和数 prize by chosen sum ([S-ML], [S-bet3d]; 12/15 UNCONFIRMED).
HESHU_PRIZES: Final = {
    s: prize
    for low, prize in enumerate((1040, 345, 172, 104, 69, 49, 37, 29, 23, 19, 16, 15, 15, 14))
    for s in (low, 27 - low)
}


def _all_odd(digits: Sequence[int]) -> bool:
    return all(d % 2 for d in digits)


def _all_even(digits: Sequence[int]) -> bool:
    return not any(d % 2 for d in digits)


def _big(digits: Sequence[int]) -> bool:
    return sum(digits) >= 19


def _small(digits: Sequence[int]) -> bool:
    return sum(digits) <= 8


GAME: Final = Game(
    code="3d",
    name="福彩3D",
    english="Welfare Lottery 3D",
    operator="福彩",
    aliases=("福彩3D", "3D", "3d", "fc3d", "FC3D", "福彩3d", "3D玩法"),
    issue_digits=7,
    draw_weekdays=(0, 1, 2, 3, 4, 5, 6),
    editions=(
        Edition(
            name="original",
            first_issue=None,
            zones=(THREE_DIGITS,),
            tiers=(
                Tier("单选", 1040, ((3,),), source=_CORE),
                Tier("组选3", 346, source=_CORE),
                Tier("组选6", 173, source=_CORE),
                Tier("1D", 10, source=_EXT),
                Tier("2D", 104, source=_EXT),
                Tier("通选1", 470, source=_EXT),
                Tier("通选2", 21, source=_EXT),
                Tier(
                    "和数",
                    None,
                    table=tuple(sorted(HESHU_PRIZES.items())),
                    source=_EXT + " (12/15 UNCONFIRMED)",
                ),
                Tier("包选3全中", 693, source=_EXT[:-1] + ", S-java3d]"),
                Tier("包选3组中", 173, source=_EXT[:-1] + ", S-java3d]"),
                Tier("包选6全中", 606, source=_EXT[:-1] + ", S-java3d]"),
                Tier("包选6组中", 86, source=_EXT[:-1] + ", S-java3d]"),
                Tier("猜1D中1", 2, source=_EXT),
                Tier("猜1D中2", 12, source=_EXT),
                Tier("猜1D中3", 230, source=_EXT),
                Tier("猜2D两同号", 37, source=_EXT),
                Tier("猜2D两不同号", 19, source=_EXT),
                Tier("猜三同", 104, source=_EXT + " (whole-set reading UNCONFIRMED)"),
                Tier("拖拉机", 65, source=_EXT + " (whole-set reading UNCONFIRMED)"),
                Tier("猜奇偶", 8, source=_EXT),
                Tier("猜大小", 6, source=_EXT),
            ),
            source="[O-fc3d]",
        ),
    ),
    plays=(
        StandardPlay("单选", aliases=("直选", "单式", "复式", "单选复式", "直选复式")),
        *common_plays("单选"),
        PositionPlay("1D", "单选", fixed=1, summary="a digit in a chosen position"),
        PositionPlay("2D", "单选", fixed=2, summary="digits in two chosen positions"),
        TongXuan("通选", "单选", summary="all 3 (通选1) or exactly 2 (通选2) in position"),
        HeShu("和数", "单选", summary="the digits sum to the value; prize by value"),
        BaoXuan(
            "包选3", "单选", group=3, summary="a 组三 number: in order (全中) or any order (组中)"
        ),
        BaoXuan(
            "包选6", "单选", group=6, summary="a 组六 number: in order (全中) or any order (组中)"
        ),
        GuessOne("猜1D", "单选", summary="a digit appearing 1, 2 or 3 times"),
        GuessTwo("猜2D", "单选", summary="two equal digits (两同号) or two different (两不同号)"),
        Pattern("猜三同", "单选", test=is_triple, summary="the draw is any triple"),
        Pattern(
            "拖拉机",
            "单选",
            test=is_tractor,
            summary="the draw is 3 consecutive digits, up or down",
        ),
        Predicate(
            "猜奇偶",
            "单选",
            sides=(("偶", _all_even), ("奇", _all_odd)),
            summary="all odd or all even",
        ),
        Predicate(
            "猜大小", "单选", sides=(("小", _small), ("大", _big)), summary="sum 19–27 or 0–8"
        ),
    ),
    doc=__doc__ or "",
    module=__name__,
    refused=common_refusals(),
    feeds={"cwl": ("3d",)},
    feed_pages={"cwl": "fc3d"},  # www.cwl.gov.cn/ygkj/wqkjgg/fc3d/ [O-cwl-feed]
    tier_aliases={"直选": "单选"},
    test_numbers=True,
    announcement="中国福利彩票3D玩法开奖公告第{issue}期 中奖号码：{numbers}",
)
