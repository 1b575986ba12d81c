"""DLT (超级大乐透, Super Lotto).

A national China Sports Lottery (体彩) game, drawn every Monday, Wednesday and
Saturday at 21:25.  Issue numbers are ``YYNNN`` (``26014``, drawn
2026-02-02), like the other 体彩 games.

A bet is 5 distinct 前区 numbers from 01–35 and 2 distinct 后区 numbers from
01–12; order does not matter, and draws are printed ascending within each
zone.  A bet costs 2元; **追加投注** adds 1元 a bet (3元) and pays an
additional prize on the tiers each edition lists, stacked on the base prize
of the same tier ([S-sogou dlt-rule], [S-dlt26], [S-sporttery-dlt]).

Tickets
-------
- 单式: ``01 02 03 04 05 + 06 07``; 追加: ``01 02 03 04 05 + 06 07 x3 追加``.
- 复式: 6–18 前区 and/or 3–12 后区; C(前区, 5) × C(后区, 2) bets.
- 胆拖 in either zone: 前区 1–4 胆 with 胆 + 拖 ≥ 6; 后区 0 or 1 胆 with, when
  1, 拖 ≥ 2: ``01 02 # 03 04 05 06 + 06 # 07 08``; C(前拖, 5 − 胆) ×
  C(后拖, 2 − 胆) bets.  The rule sets no maximum; the 18/12 limits are the
  sales channels' ([S-sogou dlt-rule]).

Each bet wins only its highest tier; a 追加 bet also wins that tier's add-on
prize, listed as its own entry (``一等奖(追加)``) with the same count.

Prize tiers (前区 + 后区 matched) and editions
---------------------------------------------
``2014``, issues 14052–19018 ([S-dlt14]):

========  =======================  =========  ===========================
一等奖    5+2                      floating   追加 60% of the base, floating
二等奖    5+1                      floating   追加 60%, floating
三等奖    5+0, 4+2                 floating   追加 60%, floating
四等奖    4+1, 3+2                 200元      追加 100元
五等奖    4+0, 3+1, 2+2            10元       追加 5元
六等奖    3+0, 2+1, 1+2, 0+2       5元        no 追加
========  =======================  =========  ===========================

``2019``, issues 19019–26013 ([S-dlt19]): 一等奖 5+2 and 二等奖 5+1
floating (追加 80% of the base, floating); 三等奖 5+0 10000元; 四等奖 4+2
3000元; 五等奖 4+1 300元; 六等奖 3+2 200元; 七等奖 4+0 100元; 八等奖 3+1,
2+2 15元; 九等奖 3+0, 2+1, 1+2, 0+2 5元.

``2026``, from issue 26014 (财综〔2025〕51号, [S-dlt26], [S-dlt26b]): 一等奖 5+2
and 二等奖 5+1 floating (追加 80%, floating); 三等奖 5+0, 4+2; 四等奖 4+1;
五等奖 4+0, 3+2; 六等奖 3+1, 2+2; 七等奖 3+0, 2+1, 1+2, 0+2.  The fixed
prizes depend on the prize pool **before** the draw (the pool after the draw
before): below 8亿 三 5000, 四 300, 五 150, 六 15, 七 5元; at 8亿 or more
(8亿 included) 三 6666, 四 380, 五 200, 六 18, 七 7元.  A draw knows its
amounts from its announcement or from that pool (``parse_draw(…, pool=…)``,
``Draw.pool_before``); without either they are pending, never guessed.

No edition pays 2+0, 1+1, 0+1, 1+0 or 0+0.

Limitations
-----------
- Floating prizes (一等奖, 二等奖, 2014's 三等奖, and their 追加) are known only
  from an announcement.
- UNCONFIRMED (docs/sources.md, UNCONFIRMED 19–20): the 8-tier rules before
  14052 (a draw before 14052 is refused, not scored with a later table); the
  2026 caps (一等奖 1000万 a base bet, 1800万 with 追加, 1亿 a draw); how 2026
  rounds 追加 amounts; the 派奖 from about 26050, whose announced amounts may
  exceed the table (the validator reports the difference).

>>> import lottery
>>> draw = lottery.parse_draw("dlt", "02 08 11 16 23 + 02 07", issue="21102")
>>> result = lottery.check(lottery.parse_ticket("dlt", "02 08 11 16 30 + 02 07 追加"), draw)
>>> [(w.tier, w.count, w.prize) for w in result.wins], result.ticket.cost
([('四等奖', 1, Decimal('3000'))], 3)
>>> rich = lottery.parse_draw("dlt", "02 08 11 16 23 + 02 07", issue="26090", pool=982_320_278)
>>> lottery.check(lottery.parse_ticket("dlt", "02 08 11 16 30 + 02 07"), rich).wins
(Win(tier='三等奖', count=1, prize=Decimal('6666')),)
"""

from __future__ import annotations

from typing import Final

from lottery.plays import StandardPlay
from lottery.rules import Edition, Game, Tier, Zone

__all__ = ["ADDON_SHARE", "GAME", "HIGH_POOL"]

#: From this pool before the draw (8亿, included) the 2026 edition pays the higher table.
HIGH_POOL: Final = 800_000_000
#: The 追加 share of a floating base prize, in percent, by edition (paid as announced).
ADDON_SHARE: Final = {"2014": 60, "2019": 80, "2026": 80}

_FRONT: Final = Zone("前区", 1, 35, 5, max_pick=18, dan=(1, 4), labels=("前区号码", "前区号"))
_BACK: Final = Zone("后区", 1, 12, 2, max_pick=12, dan=(1, 1), labels=("后区号码", "后区号"))
_ADD: Final = "(追加)"


def _addon(name: str, prize: int | None, source: str) -> Tier:
    """The add-on tier of ``name``: never reached by matching, won with its base by 追加 bets."""
    return Tier(name + _ADD, prize, source=source)


_S14: Final = "[S-dlt14; S-sogou dlt-rule]"
_TIERS_2014: Final = (
    Tier("一等奖", None, ((5, 2),), source=_S14),
    _addon("一等奖", None, _S14),
    Tier("二等奖", None, ((5, 1),), source=_S14),
    _addon("二等奖", None, _S14),
    Tier("三等奖", None, ((5, 0), (4, 2)), source=_S14),
    _addon("三等奖", None, _S14),
    Tier("四等奖", 200, ((4, 1), (3, 2)), source=_S14),
    _addon("四等奖", 100, _S14),
    Tier("五等奖", 10, ((4, 0), (3, 1), (2, 2)), source=_S14),
    _addon("五等奖", 5, _S14),
    Tier("六等奖", 5, ((3, 0), (2, 1), (1, 2), (0, 2)), source=_S14),
)
_S19: Final = "[S-dlt19]"
_TIERS_2019: Final = (
    Tier("一等奖", None, ((5, 2),), source=_S19),
    _addon("一等奖", None, _S19),
    Tier("二等奖", None, ((5, 1),), source=_S19),
    _addon("二等奖", None, _S19),
    Tier("三等奖", 10000, ((5, 0),), source=_S19),
    Tier("四等奖", 3000, ((4, 2),), source=_S19),
    Tier("五等奖", 300, ((4, 1),), source=_S19),
    Tier("六等奖", 200, ((3, 2),), source=_S19),
    Tier("七等奖", 100, ((4, 0),), source=_S19),
    Tier("八等奖", 15, ((3, 1), (2, 2)), source=_S19),
    Tier("九等奖", 5, ((3, 0), (2, 1), (1, 2), (0, 2)), source=_S19),
)
_S26: Final = "[S-dlt26; S-dlt26b]"


def _pooled(name: str, hits: tuple[tuple[int, int], ...], low: int, high: int) -> Tier:
    """A 2026 fixed tier: ``low`` below 8亿 in the pool before the draw, ``high`` from 8亿."""
    return Tier(name, None, hits, by_pool=((0, low), (HIGH_POOL, high)), source=_S26)


_TIERS_2026: Final = (
    Tier("一等奖", None, ((5, 2),), source=_S26),
    _addon("一等奖", None, _S26),
    Tier("二等奖", None, ((5, 1),), source=_S26),
    _addon("二等奖", None, _S26),
    _pooled("三等奖", ((5, 0), (4, 2)), 5000, 6666),
    _pooled("四等奖", ((4, 1),), 300, 380),
    _pooled("五等奖", ((4, 0), (3, 2)), 150, 200),
    _pooled("六等奖", ((3, 1), (2, 2)), 15, 18),
    _pooled("七等奖", ((3, 0), (2, 1), (1, 2), (0, 2)), 5, 7),
)


def _addons(tiers: tuple[Tier, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((t.name.removesuffix(_ADD), t.name) for t in tiers if t.name.endswith(_ADD))


def _edition(name: str, first: str, tiers: tuple[Tier, ...], source: str) -> Edition:
    return Edition(
        name=name,
        first_issue=first,
        zones=(_FRONT, _BACK),
        tiers=tiers,
        addons=_addons(tiers),
        addon_price=1,
        addon_share=ADDON_SHARE[name],
        source=source,
    )


GAME: Final = Game(
    code="dlt",
    name="大乐透",
    english="Super Lotto",
    operator="体彩",
    aliases=("大乐透", "超级大乐透", "超级乐透", "dlt", "DLT", "daletou"),
    issue_digits=5,
    draw_weekdays=(0, 2, 5),
    editions=(
        _edition("2014", "14052", _TIERS_2014, _S14),
        _edition("2019", "19019", _TIERS_2019, _S19),
        _edition("2026", "26014", _TIERS_2026, "[S-dlt26] (财综〔2025〕51号)"),
    ),
    plays=(StandardPlay("普通"),),
    doc=__doc__ or "",
    module=__name__,
    feeds={"sporttery": ("85",)},
    tier_aliases={
        f"{t}（追加）": f"{t}(追加)" for t in ("一等奖", "二等奖", "三等奖", "四等奖", "五等奖")
    },
)
