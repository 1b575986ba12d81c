"""PL5 (排列5, Pai Lie 5, "arrangement 5").

A national China Sports Lottery (体彩) game, drawn daily together with
排列3: the same draw, whose first three digits are the 排列3 result
([O-sporttery-feed], [S-data]).  Issue numbers are ``YYNNN`` officially (``19048``);
newspapers also print ``2019048``, which is accepted on input.

A bet is 5 digits (万 千 百 十 个), each 0–9, repeats allowed; order is
everything.  2元 a bet.

Tickets: 单式 ``16170``; 复式 with several digits in a position, positions
split by ``|``: ``1|6|1|7|01`` (∏ digits per position bets).

Prize: one tier, 直选 (一等奖): all 5 digits in order, **100,000元** fixed
([O-pls]; [S-166 play_pl5, S-17500cfg, S-ML]).  No edition change found
for 2019–2026.  UNCONFIRMED: 排列5 19048 = 16170 (from the seed page only).

>>> import lottery
>>> draw = lottery.parse_draw("pl5", "16170", issue="19048")
>>> lottery.check(lottery.parse_ticket("pl5", "1|6|1|7|01"), draw).wins
(Win(tier='直选', count=1, prize=Decimal('100000')),)
"""

from __future__ import annotations

from typing import Final

from lottery.plays import StandardPlay
from lottery.rules import Edition, Game, Tier, Zone

__all__ = ["GAME"]

GAME: Final = Game(
    code="pl5",
    name="排列5",
    english="Arrangement 5",
    operator="体彩",
    aliases=("排列5", "排列五", "plw", "pl5", "PL5", "P5"),
    issue_digits=5,
    draw_weekdays=(0, 1, 2, 3, 4, 5, 6),
    editions=(
        Edition(
            name="original",
            first_issue=None,
            zones=(
                Zone(
                    "号码",
                    0,
                    9,
                    5,
                    positional=True,
                    width=1,
                    positions=("万位", "千位", "百位", "十位", "个位"),
                ),
            ),
            tiers=(Tier("直选", 100_000, ((5,),), source="[O-pls; S-166, S-17500cfg, S-ML]"),),
            source="[O-pls]",
        ),
    ),
    plays=(StandardPlay("直选", aliases=("单式", "复式", "直选复式")),),
    doc=__doc__ or "",
    module=__name__,
    feeds={"sporttery": ("350133",)},
    tier_aliases={"一等奖": "直选"},
    announcement="全国联网电脑体育彩票“排列5”开奖公告第{issue}期 中奖号码：{numbers}",
)
