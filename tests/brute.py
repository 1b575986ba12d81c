"""Brute force for the property tests: expand a ticket into its single bets
and score every bet straight from the rules in docs/sources.md, independently of the
library's tier tables and counting code.  Written only for the tests.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal

from lottery import Draw, Ticket

Bet = tuple


def _ball_bets(dan: Sequence[int], tuo: Sequence[int], size: int) -> Iterator[frozenset[int]]:
    for rest in itertools.combinations(tuo, size - len(dan)):
        yield frozenset((*dan, *rest))


def _standard_bets(ticket: Ticket, zones: Sequence[tuple[bool, int]]) -> Iterator[Bet]:
    """zones: (positional, size) pairs of the ticket's layout."""
    parts = []
    i = 0
    for positional, size in zones:
        if positional:
            parts.append(list(itertools.product(*ticket.selection[i : i + size])))
            i += size
        else:
            dan = ticket.dan[i] if ticket.dan else ()
            parts.append(list(_ball_bets(dan, ticket.selection[i], size)))
            i += 1
    yield from itertools.product(*parts)


LAYOUT = {
    "ssq": [(False, 6), (False, 1)],
    "dlt": [(False, 5), (False, 2)],
    "qlc": [(False, 7)],
    "15x5": [(False, 5)],
    "pl5": [(True, 5)],
    "pl3": [(True, 3)],
    "3d": [(True, 3)],
}


def _longest_run(bet: Sequence[int], draw: Sequence[int]) -> int:
    best = run = 0
    for a, b in zip(bet, draw, strict=True):
        run = run + 1 if a == b else 0
        best = max(best, run)
    return best


def _consecutive4(numbers: Sequence[int]) -> bool:
    s = set(numbers)
    return any(all(n + k in s for k in range(4)) for n in s)


def _fuyun(draw: Draw) -> bool:
    year, number = draw.issue_key
    if (year, number) < (2026, 14):
        return False
    if draw.special_period is not None:
        return draw.special_period
    return (year, number) <= (2026, 75)


def score_standard(code: str, layout: str | None, bet: Bet, draw: Draw) -> list[str]:
    """Tiers one single bet of the game's own play wins, from the rules (docs/sources.md)."""
    n = draw.numbers
    if code == "ssq":
        r = len(bet[0] & set(n[:6]))
        b = n[6] in bet[1]
        table = {
            (6, 1): "一等奖",
            (6, 0): "二等奖",
            (5, 1): "三等奖",
            (5, 0): "四等奖",
            (4, 1): "四等奖",
            (4, 0): "五等奖",
            (3, 1): "五等奖",
            (2, 1): "六等奖",
            (1, 1): "六等奖",
            (0, 1): "六等奖",
        }
        if (r, int(b)) == (3, 0) and _fuyun(draw):
            return ["福运奖"]
        return [table[(r, int(b))]] if (r, int(b)) in table else []
    if code == "dlt":
        return _dlt(bet, draw)
    if code == "qlc":  # 7 basic numbers, then a special one ([S-sogou qlc-rule])
        basic = len(bet[0] & set(n[:7]))
        special = n[7] in bet[0]
        table = {(7, False): "一等奖", (6, True): "二等奖", (6, False): "三等奖", (5, True): "四等奖",
                 (5, False): "五等奖", (4, True): "六等奖", (4, False): "七等奖"}  # fmt: skip
        return [table[(basic, special)]] if (basic, special) in table else []
    if code == "15x5":
        hits = len(bet[0] & set(n))
        if hits == 5:
            return ["特别奖", "一等奖"] if _consecutive4(n) else ["一等奖"]
        return ["二等奖"] if hits == 4 else []
    if code == "pl5":
        return ["直选"] if tuple(bet[0]) == tuple(n) else []
    if code in ("pl3", "3d"):
        return [("直选" if code == "pl3" else "单选")] if tuple(bet[0]) == tuple(n) else []
    if code == "qxc" and layout == "original":
        run = _longest_run(bet[0], n)
        names = {7: "一等奖", 6: "二等奖", 5: "三等奖", 4: "四等奖", 3: "五等奖", 2: "六等奖"}
        return [names[run]] if run in names else []
    if code == "qxc":
        front = sum(1 for a, b in zip(bet[0], n[:6], strict=True) if a == b)
        back = int(bet[1][0] == n[6])
        table = {
            (6, 1): "一等奖",
            (6, 0): "二等奖",
            (5, 1): "三等奖",
            (5, 0): "四等奖",
            (4, 1): "四等奖",
            (4, 0): "五等奖",
            (3, 1): "五等奖",
            (3, 0): "六等奖",
            (2, 1): "六等奖",
            (1, 1): "六等奖",
            (0, 1): "六等奖",
        }
        return [table[(front, back)]] if (front, back) in table else []
    raise AssertionError(code)


#: 大乐透 by edition: (front, back) matched → tier, from the tables of docs/games/dlt.md.
_DLT = {
    "2014": {
        (5, 2): "一等奖", (5, 1): "二等奖", (5, 0): "三等奖", (4, 2): "三等奖",
        (4, 1): "四等奖", (3, 2): "四等奖", (4, 0): "五等奖", (3, 1): "五等奖", (2, 2): "五等奖",
        (3, 0): "六等奖", (2, 1): "六等奖", (1, 2): "六等奖", (0, 2): "六等奖",
    },
    "2019": {
        (5, 2): "一等奖", (5, 1): "二等奖", (5, 0): "三等奖", (4, 2): "四等奖", (4, 1): "五等奖",
        (3, 2): "六等奖", (4, 0): "七等奖", (3, 1): "八等奖", (2, 2): "八等奖",
        (3, 0): "九等奖", (2, 1): "九等奖", (1, 2): "九等奖", (0, 2): "九等奖",
    },
    "2026": {
        (5, 2): "一等奖", (5, 1): "二等奖", (5, 0): "三等奖", (4, 2): "三等奖", (4, 1): "四等奖",
        (4, 0): "五等奖", (3, 2): "五等奖", (3, 1): "六等奖", (2, 2): "六等奖",
        (3, 0): "七等奖", (2, 1): "七等奖", (1, 2): "七等奖", (0, 2): "七等奖",
    },
}  # fmt: skip
#: The tiers a 追加 bet also wins as "(追加)", by edition.
_DLT_ADDON = {"2014": ("一等奖", "二等奖", "三等奖", "四等奖", "五等奖"), "2019": ("一等奖", "二等奖"),
              "2026": ("一等奖", "二等奖")}  # fmt: skip


def _dlt_edition(draw: Draw) -> str:
    year, number = draw.issue_key
    if (year, number) >= (2026, 14):
        return "2026"
    return "2019" if (year, number) >= (2019, 19) else "2014"


def _dlt(bet: Bet, draw: Draw) -> list[str]:
    n = draw.numbers
    hits = (len(bet[0] & set(n[:5])), len(bet[1] & set(n[5:])))
    tier = _DLT[_dlt_edition(draw)].get(hits)
    return [tier] if tier else []


def dlt_addons(ticket: Ticket, draw: Draw, counts: Counter[str]) -> None:
    """A 追加 ticket wins each listed tier again as ``tier(追加)``."""
    if ticket.addon:
        for tier in _DLT_ADDON[_dlt_edition(draw)]:
            if counts.get(tier):
                counts[tier + "(追加)"] = counts[tier]


def expected_prize(draw: Draw, tier: str) -> int | None:
    """A prize from the rules' tables (announced amounts first)."""
    announced = draw.prize(tier)
    if announced is not None:
        return announced
    if draw.game.code == "kl8":
        pick, hits = _DIGITS.index(tier[1]), _DIGITS.index(tier[3])
        pick = 10 if tier[1] == "十" else pick
        hits = 10 if tier[3:] == "十" else hits
        amount = KL8_TABLES[_kl8_edition(draw)][pick].get(hits)
        return None if amount is None else Decimal(str(amount))
    if draw.game.code == "dlt":
        edition = _dlt_edition(draw)
        if edition == "2014":
            return {"四等奖": 200, "四等奖(追加)": 100, "五等奖": 10, "五等奖(追加)": 5,
                    "六等奖": 5}.get(tier)  # fmt: skip
        if edition == "2019":
            return {"三等奖": 10000, "四等奖": 3000, "五等奖": 300, "六等奖": 200, "七等奖": 100,
                    "八等奖": 15, "九等奖": 5}.get(tier)  # fmt: skip
        if draw.pool_before is None:
            return None
        high = draw.pool_before >= 800_000_000
        low_table = {"三等奖": 5000, "四等奖": 300, "五等奖": 150, "六等奖": 15, "七等奖": 5}
        high_table = {"三等奖": 6666, "四等奖": 380, "五等奖": 200, "六等奖": 18, "七等奖": 7}
        return (high_table if high else low_table).get(tier)
    return draw.edition.tier(tier).prize


def _form(digits: Sequence[int]) -> str:
    return {1: "triple", 2: "group3", 3: "group6"}[len(set(digits))]


def _group_win(combo: Sequence[int], draw: Sequence[int]) -> list[str]:
    """One 组选 bet (a multiset of 3 digits) against a draw."""
    if sorted(combo) != sorted(draw) or _form(draw) == "triple":
        return []
    return ["组选3" if _form(draw) == "group3" else "组选6"]


ALL = list(itertools.product(range(10), repeat=3))
COMBOS = sorted({tuple(sorted(n)) for n in ALL})


def _span(n: Sequence[int]) -> int:
    return max(n) - min(n)


def digit_bets(ticket: Ticket) -> tuple[str, list[Bet]]:
    """(kind of single bet, the single bets) a digit-game play covers."""
    play = ticket.play
    sel = ticket.selection
    if play in ("直选和值",):
        return "straight", [n for n in ALL if sum(n) == sel[0][0]]
    if play in ("直选跨度",):
        return "straight", [n for n in ALL if _span(n) == sel[0][0]]
    if play == "直选组合":
        return "straight", list(itertools.permutations(sel[0], 3))
    group_filters = {
        "组选和值": lambda c: sum(c) == sel[0][0] and _form(c) != "triple",
        "组选3和值": lambda c: sum(c) == sel[0][0] and _form(c) == "group3",
        "组选6和值": lambda c: sum(c) == sel[0][0] and _form(c) == "group6",
        "组选3跨度": lambda c: _span(c) == sel[0][0] and _form(c) == "group3",
        "组选6跨度": lambda c: _span(c) == sel[0][0] and _form(c) == "group6",
    }
    if play in group_filters:
        return "group", [c for c in COMBOS if group_filters[play](c)]
    if play == "组选3":
        g = sel[0]
        if len(set(g)) < len(g):
            return "group", [tuple(sorted(g))]
        return "group", [tuple(sorted((a, a, b))) for a in g for b in g if a != b]
    if play == "组选6":
        return "group", list(itertools.combinations(sel[0], 3))
    if play == "组选3胆拖":  # each 拖 digit t: {d, d, t} and {d, t, t} ([S-z3dt])
        (d,) = ticket.dan[0]
        return "group", [
            c for t in sel[0] for c in (tuple(sorted((d, d, t))), tuple(sorted((d, t, t))))
        ]
    if play == "组选6胆拖":
        dan = set(ticket.dan[0])
        pool = sorted(dan | set(sel[0]))
        return "group", [c for c in itertools.combinations(pool, 3) if dan <= set(c)]
    return "single", [sel]


def score_single_play(play: str, sel: tuple, d: Sequence[int]) -> list[str]:
    """3D's one-bet plays, from the [S-ML], [S-bet3d] table."""
    if play == "1D" or play == "2D":
        ok = all(not g or g[0] == x for g, x in zip(sel, d, strict=True))
        return [play] if ok else []
    if play == "通选":
        m = sum(1 for a, b in zip(sel[0], d, strict=True) if a == b)
        return ["通选1"] if m == 3 else ["通选2"] if m == 2 else []
    if play == "和数":
        return ["和数"] if sum(d) == sel[0][0] else []
    if play in ("包选3", "包选6"):
        if tuple(d) == tuple(sel[0]):
            return [play + "全中"]
        return [play + "组中"] if sorted(d) == sorted(sel[0]) else []
    if play == "猜1D":
        times = list(d).count(sel[0][0])
        return [f"猜1D中{times}"] if times else []
    if play == "猜2D":
        a, b = sel[0]
        if a == b:
            return ["猜2D两同号"] if list(d).count(a) >= 2 else []
        return ["猜2D两不同号"] if a in d and b in d else []
    if play == "猜三同":
        return ["猜三同"] if d[0] == d[1] == d[2] else []
    if play == "拖拉机":
        up = d[1] == d[0] + 1 and d[2] == d[1] + 1
        down = d[1] == d[0] - 1 and d[2] == d[1] - 1
        return ["拖拉机"] if up or down else []
    if play == "猜奇偶":
        want_odd = sel[0][0] == 1
        return ["猜奇偶"] if all((x % 2 == 1) == want_odd for x in d) else []
    if play == "猜大小":
        big = sel[0][0] == 1
        return ["猜大小"] if (sum(d) >= 19 if big else sum(d) <= 8) else []
    raise AssertionError(play)


#: 快乐8 by edition: play N → {numbers drawn: yuan}, from the tables of docs/games/kl8.md
#: (None: floating).
KL8_TABLES = {
    "original": {1: {1: "4.6"}, 2: {2: 19}, 3: {3: 53, 2: 3}, 4: {4: 100, 3: 5, 2: 3},
                 5: {5: 1000, 4: 21, 3: 3}, 6: {6: 3000, 5: 30, 4: 10, 3: 3},
                 7: {7: 10000, 6: 288, 5: 28, 4: 4, 0: 2},
                 8: {8: 50000, 7: 800, 6: 88, 5: 10, 4: 3, 0: 2},
                 9: {9: 300000, 8: 2000, 7: 200, 6: 20, 5: 5, 4: 3, 0: 2},
                 10: {10: None, 9: 8000, 8: 800, 7: 80, 6: 5, 5: 3, 0: 2}},
    "2025": {1: {1: "4.5"}, 2: {2: 19}, 3: {3: 52, 2: 3}, 4: {4: 93, 3: 5, 2: 3},
             5: {5: 1000, 4: 20, 3: 3}, 6: {6: 2880, 5: 30, 4: 10, 3: 3},
             7: {7: 8500, 6: 300, 5: 30, 4: 4, 0: 2},
             8: {8: 50000, 7: 800, 6: 80, 5: 10, 4: 3, 0: 2},
             9: {9: None, 8: 2000, 7: 225, 6: 22, 5: 5, 4: 3, 0: 2},
             10: {10: None, 9: 8000, 8: 720, 7: 80, 6: 5, 5: 3, 0: 2}},
}  # fmt: skip
_DIGITS = "零一二三四五六七八九十"


def _kl8_edition(draw: Draw) -> str:
    return "2025" if draw.issue_key >= (2025, 350) else "original"


def _kl8_pick(ticket: Ticket) -> int:
    return _DIGITS.index(ticket.play[1]) if ticket.play != "选十" else 10


def _kl8_score(pick: int, bet: frozenset[int], draw: Draw) -> list[str]:
    hits = len(bet & set(draw.numbers))
    if hits not in KL8_TABLES[_kl8_edition(draw)][pick]:
        return []
    return [f"选{_DIGITS[pick]}中{_DIGITS[hits]}" if hits < 10 else f"选{_DIGITS[pick]}中十"]


def expand(ticket: Ticket) -> tuple[str, list[Bet]]:
    """The ticket's single bets and the kind of each."""
    code = ticket.game.code
    if code == "kl8":
        dan = ticket.dan[0] if ticket.dan else ()
        return "kl8", [(b,) for b in _ball_bets(dan, ticket.selection[0], _kl8_pick(ticket))]
    if ticket.play_object.default:
        if code == "qxc":
            layout = [(True, 7)] if ticket.edition == "original" else [(True, 6), (True, 1)]
        else:
            layout = LAYOUT[code]
        return "standard", list(_standard_bets(ticket, layout))
    return digit_bets(ticket)


def brute_counts(ticket: Ticket, draw: Draw) -> tuple[int, Counter[str]]:
    """(bets, winning bets per tier) by expanding the ticket."""
    kind, bets = expand(ticket)
    counts: Counter[str] = Counter()
    straight = "直选" if ticket.game.code == "pl3" else "单选"
    for bet in bets:
        if kind == "standard":
            counts.update(score_standard(ticket.game.code, ticket.edition, bet, draw))
        elif kind == "straight":
            if tuple(bet) == tuple(draw.numbers):
                counts[straight] += 1
        elif kind == "group":
            counts.update(_group_win(bet, draw.numbers))
        elif kind == "kl8":
            counts.update(_kl8_score(_kl8_pick(ticket), bet[0], draw))
        else:
            counts.update(score_single_play(ticket.play, bet, draw.numbers))
    dlt_addons(ticket, draw, counts)
    return len(bets), counts


def lane_and_check(draw: Draw, line: str) -> tuple[object, object]:
    """(the fast lane's answer for ``line``, check()'s as the same shape, or None if invalid).

    The fast lane must give ``None`` for a line the parser rejects, and otherwise either
    ``None`` (the general path takes it) or exactly what :func:`lottery.check` says.
    """
    import lottery
    from lottery._fast import single_scorer

    scorer = single_scorer(draw)
    assert scorer is not None
    fast = scorer(line)
    try:
        ticket = lottery.parse_ticket(draw.game, line)
    except lottery.LotteryError:
        assert fast is None
        return fast, None
    result = lottery.check(ticket, draw)
    expected = (tuple(w.tier for w in result.wins for _ in range(w.count)), ticket.multiple)
    assert fast is None or fast == expected
    return fast, expected
