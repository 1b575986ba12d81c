"""QXC (七星彩 / 7星彩, Qi Xing Cai, "seven star lottery").

A national China Sports Lottery (体彩) game, drawn Tuesday, Friday and
Sunday.  Issue numbers are ``YYNNN`` (``19021``, ``20100``), restarting each
year; ``2019021`` is accepted on input.  2元 a bet.  The game changed its
layout and prize rules in 2020, keyed by issue number (not by date):

Edition ``original`` (up to issue 20099, 2020-10-11)
----------------------------------------------------
7 digits, each 0–9, positional.  Tickets: 单式 ``2508750``; 复式 with
several digits in any position, ``1|2|3|4|5|6|7``; no 胆拖; at most 10,000
bets per ticket; multiple up to 99.  A bet wins by its longest run of
adjacent positions that match ("定位连续"), and only its highest tier
([O-qxc], [S-sogou qxc-rule], [S-hyx]):

======  =====================  ========
一等奖  all 7                  floating
二等奖  run of 6               floating
三等奖  run of 5               1800元
四等奖  run of 4               300元
五等奖  run of 3               20元
六等奖  run of 2               5元
======  =====================  ========

Edition ``2020`` (from issue 20100, 2020-10-13)
-----------------------------------------------
前区 6 digits 0–9 and 后区 1 number 0–14, positional.  Tickets: ``250875 +
0``; 复式 ``1|2|3|4|5|6 + 0 12`` (前六位复式, 末位复式 or 全复式; the form
list is single-source, UNCONFIRMED).  With issue= given, a plain 7-digit
single reads as 6 + 1.  Tiers count front positions matched (any, not
necessarily adjacent) and whether the back matches ([O-qxc2020],
[S-plan10], [S-qxcjs], [S-17500cfg], [S-ML]):

======  =========================  ========
一等奖  6+1                        floating
二等奖  6+0                        floating
三等奖  5+1                        3000元
四等奖  5+0, 4+1                   500元
五等奖  4+0, 3+1                   30元
六等奖  3+0, 2+1, 1+1, 0+1         5元
======  =========================  ========

UNCONFIRMED (docs/sources.md, UNCONFIRMED 2–3): the 2020 edition's 一等奖/二等奖
allocation and caps, its price (2元), and its ticket forms.

>>> import lottery
>>> old = lottery.parse_draw("qxc", "2508750", issue="19021")
>>> lottery.check(lottery.parse_ticket("qxc", "2598756"), old).wins
(Win(tier='五等奖', count=1, prize=Decimal('20')),)
>>> new = lottery.parse_draw("qxc", "560021 + 7", issue="20100")
>>> lottery.check(lottery.parse_ticket("qxc", "590021 + 7"), new).wins
(Win(tier='三等奖', count=1, prize=Decimal('3000')),)
"""

from __future__ import annotations

from typing import Final

from lottery.plays import StandardPlay
from lottery.rules import Edition, Game, Tier, Zone

__all__ = ["GAME"]

_OLD: Final = "[O-qxc; S-sogou qxc-rule, S-hyx]"
_NEW: Final = "[O-qxc2020; S-plan10, S-qxcjs, S-17500cfg, S-ML]"
_POSITIONS: Final = ("第一位", "第二位", "第三位", "第四位", "第五位", "第六位", "第七位")

GAME: Final = Game(
    code="qxc",
    name="七星彩",
    english="Seven Star Lottery",
    operator="体彩",
    aliases=("七星彩", "7星彩", "qxc", "QXC", "7xc"),
    issue_digits=5,
    draw_weekdays=(1, 4, 6),
    editions=(
        Edition(
            name="original",
            first_issue=None,
            zones=(Zone("号码", 0, 9, 7, positional=True, width=1, positions=_POSITIONS),),
            tiers=(
                Tier("一等奖", None, ((7,),), source=_OLD),
                Tier("二等奖", None, ((6,),), source=_OLD),
                Tier("三等奖", 1800, ((5,),), source=_OLD),
                Tier("四等奖", 300, ((4,),), source=_OLD),
                Tier("五等奖", 20, ((3,),), source=_OLD),
                Tier("六等奖", 5, ((2,),), source=_OLD),
            ),
            match="run",
            max_bets=10_000,
            source="[O-qxc]",
        ),
        Edition(
            name="2020",
            first_issue="20100",
            zones=(
                Zone(
                    "前区",
                    0,
                    9,
                    6,
                    positional=True,
                    width=1,
                    positions=_POSITIONS[:6],
                    labels=("前区号码",),
                ),
                Zone(
                    "后区",
                    0,
                    14,
                    1,
                    positional=True,
                    width=1,
                    positions=("后区",),
                    labels=("后区号码",),
                ),
            ),
            tiers=(
                Tier("一等奖", None, ((6, 1),), source=_NEW),
                Tier("二等奖", None, ((6, 0),), source=_NEW),
                Tier("三等奖", 3000, ((5, 1),), source=_NEW),
                Tier("四等奖", 500, ((5, 0), (4, 1)), source=_NEW),
                Tier("五等奖", 30, ((4, 0), (3, 1)), source=_NEW),
                Tier("六等奖", 5, ((3, 0), (2, 1), (1, 1), (0, 1)), source=_NEW),
            ),
            source="[O-qxc2020]",
        ),
    ),
    plays=(StandardPlay("普通"),),
    doc=__doc__ or "",
    module=__name__,
    feeds={"sporttery": ("04", "4")},
    announcement="全国联网电脑体育彩票“七星彩”第{issue}期开奖公告 本期开奖结果：{numbers}",
)
