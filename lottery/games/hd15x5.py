"""15X5 (15选5, 华东15选5, East China "5 from 15").

A regional China Welfare Lottery (福彩) game of 华东 ("七省"), drawn daily.
Issue numbers are ``YYYYNNN`` (``2019048``).  A bet is 5 distinct numbers
from 01–15; order does not matter and draws are printed ascending.

Tickets
-------
- 单式: ``02 03 06 12 13``.
- 复式: 6–13 numbers, C(n, 5) bets.
- 胆拖: 1–4 胆, 胆 + 拖 ≥ 6: ``02 # 03 06 12 13 14``; C(拖, 5 − 胆) bets.
- The 13-number and 1–4 胆 limits come from one code definition
  ([S-lehecai], UNCONFIRMED).  胆 + 拖 ≥ 6 is the least that makes a 胆拖
  cover two bets, as for 双色球's 胆 + 拖 ≥ 7 (inferred).

Prize tiers ([S-ichari play_59]; UNCONFIRMED for 2019)
--------------------------------------------------------------------
=======  ==============================================  ========
特别奖   all 5 match **and** the draw holds ≥ 4           floating
         consecutive numbers (e.g. 02 03 04 05 13)
一等奖   all 5 match                                     floating
二等奖   any 4 match                                     10元
=======  ==============================================  ========

特别奖 and 一等奖 are 兼中兼得: a 特别奖 winner also wins 一等奖.  The whole
tier table rests on one template source and is UNCONFIRMED for 2019 and
later; the province list, draw time, price (2元), the 500万 cap and whether
the game is still sold are UNCONFIRMED too ([S-ichari]; docs/sources.md, UNCONFIRMED 15).

>>> import lottery
>>> draw = lottery.parse_draw("15x5", "02 03 06 12 13", issue="2019048")
>>> lottery.check(lottery.parse_ticket("15x5", "02 03 06 12 14"), draw).wins
(Win(tier='二等奖', count=1, prize=Decimal('10')),)
>>> run = lottery.parse_draw("15x5", "02 03 04 05 13", issue="2019049")
>>> [w.tier for w in lottery.check(lottery.parse_ticket("15x5", "02 03 04 05 13"), run).wins]
['特别奖', '一等奖']
"""

from __future__ import annotations

import itertools
from typing import Final

from lottery.model import Draw
from lottery.plays import StandardPlay
from lottery.rules import Edition, Game, Tier, Zone

__all__ = ["GAME", "has_four_consecutive"]


def has_four_consecutive(draw: Draw) -> bool:
    """Whether the draw holds 4 or more consecutive numbers (特别奖 condition)."""
    numbers = sorted(draw.numbers)
    run = best = 1
    for a, b in itertools.pairwise(numbers):
        run = run + 1 if b == a + 1 else 1
        best = max(best, run)
    return best >= 4


_SRC: Final = "[S-ichari play_59] (UNCONFIRMED: docs/sources.md 15)"

GAME: Final = Game(
    code="15x5",
    name="15选5",
    english="East China 5 from 15",
    operator="福彩",
    aliases=("15选5", "华东15选5", "hd15x5", "15x5", "HD15X5"),
    issue_digits=7,
    draw_weekdays=(0, 1, 2, 3, 4, 5, 6),
    region="华东 (七省, UNCONFIRMED)",
    editions=(
        Edition(
            name="original",
            first_issue=None,
            zones=(Zone("号码", 1, 15, 5, max_pick=13, dan=(1, 4)),),
            tiers=(
                Tier("特别奖", None, ((5,),), when=has_four_consecutive, stacks=True, source=_SRC),
                Tier("一等奖", None, ((5,),), source=_SRC),
                Tier("二等奖", 10, ((4,),), source=_SRC),
            ),
            source="[S-ichari]",
        ),
    ),
    plays=(StandardPlay("普通"),),
    doc=__doc__ or "",
    module=__name__,
    announcement="中国福利彩票15选5玩法开奖公告第{issue}期 中奖号码：{numbers}",
)
