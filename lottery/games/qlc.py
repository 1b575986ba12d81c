"""QLC (七乐彩, Qi Le Cai, "seven happy lottery").

A national China Welfare Lottery (福彩) game, drawn every Monday, Wednesday
and Friday.  Issue numbers are ``YYYYNNN`` (``2017106``, drawn 2017-09-11).

A bet is 7 distinct numbers from 01–30, 2元.  A draw draws 7 **基本号码**
(basic numbers) and then 1 **特别号码** (special number) from the 23 left;
it is printed basic ascending, then the special: ``01 02 03 04 05 06 07 + 08``
([S-sogou qlc-rule], the official rule text 财综[2002]13号; [S-cwl-qlc];
[S-szfc]).

Tickets
-------
- 单式: ``01 02 03 04 05 06 07``.
- 复式: 8–16 numbers; C(n, 7) bets.
- 胆拖: 1–6 胆 with 胆 + 拖 ≥ 8: ``01 02 # 03 04 05 06 07 08``; C(拖, 7 − 胆) bets.

Prize tiers (basic numbers matched + special matched)
----------------------------------------------------
========  ===========  =========
一等奖    7            floating
二等奖    6 + special  floating
三等奖    6            floating
四等奖    5 + special  200元
五等奖    5            50元
六等奖    4 + special  10元
七等奖    4            5元
========  ===========  =========

一/二/三等奖 share the high-tier prize money 70% / 10% / 20% (a cap of 500万 a
bet).  One prize per bet (不兼中兼得): a bet wins its highest tier only;
3 + special and below win nothing.  Some public configurations give 60/12/10
for the fixed tiers: they are wrong (three sources above agree on 200/50/10/5).

One edition, ``original``: no change of these rules was found; a later
re-issue, and the numbering of the CWL feed's ``prizegrades`` types for this
game, are UNCONFIRMED (docs/sources.md, UNCONFIRMED 21) — the feed's prize rows
are therefore not read by type.

>>> import lottery
>>> draw = lottery.parse_draw("qlc", "01 02 03 04 05 06 07 + 08", issue="2017106")
>>> lottery.check(lottery.parse_ticket("qlc", "01 02 03 04 05 06 08"), draw).wins
(Win(tier='二等奖', count=1, prize=None),)
>>> lottery.check(lottery.parse_ticket("qlc", "01 02 03 04 05 09 10"), draw).wins
(Win(tier='五等奖', count=1, prize=Decimal('50')),)
"""

from __future__ import annotations

from typing import Final

from lottery.plays import StandardPlay
from lottery.rules import Edition, Game, Tier, Zone

__all__ = ["GAME"]

_BASIC: Final = Zone("基本号码", 1, 30, 7, max_pick=16, dan=(1, 6), labels=("基本号",))
_SPECIAL: Final = Zone("特别号码", 1, 30, 1, labels=("特别号",))
_SRC: Final = "[S-sogou qlc-rule; S-cwl-qlc, S-szfc]"

GAME: Final = Game(
    code="qlc",
    name="七乐彩",
    english="Seven Happy Lottery",
    operator="福彩",
    aliases=("七乐彩", "qlc", "QLC", "qilecai"),
    issue_digits=7,
    draw_weekdays=(0, 2, 4),
    editions=(
        Edition(
            name="original",
            first_issue=None,
            zones=(_BASIC, _SPECIAL),
            special_ball=True,
            tiers=(
                Tier("一等奖", None, ((7, 0),), source=_SRC),
                Tier("二等奖", None, ((6, 1),), source=_SRC),
                Tier("三等奖", None, ((6, 0),), source=_SRC),
                Tier("四等奖", 200, ((5, 1),), source=_SRC),
                Tier("五等奖", 50, ((5, 0),), source=_SRC),
                Tier("六等奖", 10, ((4, 1),), source=_SRC),
                Tier("七等奖", 5, ((4, 0),), source=_SRC),
            ),
            source=_SRC,
        ),
    ),
    plays=(StandardPlay("普通"),),
    doc=__doc__ or "",
    module=__name__,
    feeds={"cwl": ("qlc",)},
)
