"""The one grammar, on announcement lines written in the styles real pages use.

Each line was written from the patterns of official notices, news pages and
scraped sites (not copied from any page), with the draws it must yield.  The
lines are read one by one and all joined into one page: the same draws.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lottery
from lottery import news
from lottery import strategies as lst

SSQ = "02 05 07 08 20 27 + 04"
LINES: list[tuple[str, list[str]]] = [
    # official notices
    (
        "中国福利彩票“双色球”开奖公告第2019021期 中奖号码：红色球号码02、05、07、08、20、27 蓝色球号码：04",
        [f"ssq 2019021 {SSQ}"],
    ),
    (
        "中国福利彩票双色球第2019021期开奖公告 开奖日期：2019年2月24日 本期开奖号码：红球 02 05 07 08 20 27 蓝球 04",
        [f"ssq 2019021 {SSQ}"],
    ),
    ("全国联网电脑体育彩票“排列3”开奖公告第19048期 中奖号码：1 6 1", ["pl3 19048 161"]),
    ("全国联网电脑体育彩票“排列5”开奖公告第19048期 中奖号码：1 6 1 7 0", ["pl5 19048 16170"]),
    (
        "全国联网电脑体育彩票“七星彩”第19021期开奖公告 本期开奖结果：2 5 0 8 7 5 0",
        ["qxc 19021 2508750"],
    ),
    ("中国福利彩票3D玩法开奖公告第2019048期 中奖号码：3 2 6", ["3d 2019048 326"]),
    (
        "中国福利彩票15选5玩法开奖公告第2019048期 中奖号码：02 03 06 12 13",
        ["15x5 2019048 02 03 06 12 13"],
    ),
    # a date, a weekday or 开奖日期 between the issue and the numbers
    ("排列3 第2024001期 开奖日期：2024-01-02 开奖号码：5 2 8", ["pl3 24001 528"]),
    (
        "双色球第2024028期（2024-03-12 星期二）开奖号码：03 09 11 21 25 32 + 07",
        ["ssq 2024028 03 09 11 21 25 32 + 07"],
    ),
    (
        "双色球 第2024028期 2024/3/12 周二 03 09 11 21 25 32 07",
        ["ssq 2024028 03 09 11 21 25 32 + 07"],
    ),
    ("福彩3D 2024年3月12日 第2024065期 开奖号码 1 2 3", ["3d 2024065 123"]),
    (
        "双色球 2025-06-05(四) 第2025063期 01 09 13 21 26 30 + 12",
        ["ssq 2025063 01 09 13 21 26 30 + 12"],
    ),
    ("双色球 2019-02-24 第2019021期 02 05 07 08 20 27 + 04", [f"ssq 2019021 {SSQ}"]),
    ("排列5 第24065期 开奖时间：2024.03.12 号码：12345", ["pl5 24065 12345"]),
    # 期号 without 期, the issue before the name
    (
        "双色球 期号：2024028 红球：03 09 11 21 25 32 蓝球：07",
        ["ssq 2024028 03 09 11 21 25 32 + 07"],
    ),
    ("期号 24001 排列3 开奖号码 528", ["pl3 24001 528"]),
    ("第2024028期双色球开奖结果：03 09 11 21 25 32 + 07", ["ssq 2024028 03 09 11 21 25 32 + 07"]),
    ("第2024065期福彩3D开奖号码：123", ["3d 2024065 123"]),
    ("第24001期排列3：5 2 8", ["pl3 24001 528"]),
    # separators
    ("双色球 2024028期 03-09-11-21-25-32-07", ["ssq 2024028 03 09 11 21 25 32 + 07"]),
    ("双色球 第2024028期 03,09,11,21,25,32+07", ["ssq 2024028 03 09 11 21 25 32 + 07"]),
    (
        "双色球 第2024028期 03、09、11、21、25、32｜07".replace("｜", " "),
        ["ssq 2024028 03 09 11 21 25 32 + 07"],
    ),
    ("七星彩 第24001期 1-2-3-4-5-6-12", ["qxc 24001 123456 + 12"]),
    ("七星彩 第24001期 开奖号码：1 2 3 4 5 6 + 12", ["qxc 24001 123456 + 12"]),
    ("7星彩第24001期 前区 1 2 3 4 5 6 后区 14", ["qxc 24001 123456 + 14"]),
    ("15选5 第2024001期 01-02-03-04-05", ["15x5 2024001 01 02 03 04 05"]),
    # 开机号 and 试机号 before the result: never the result
    ("福彩3D第2026221期 试机号：581 开奖号码：296", ["3d 2026221 296"]),
    ("福彩3D 第2024100期 开机号：123 试机号：456 开奖号码：789", ["3d 2024100 789"]),
    ("3D第2024100期 试机号码 4 5 6 开奖号 7 8 9", ["3d 2024100 789"]),
    ("福彩3D第2026222期 试机号：581", []),
    # markup
    (
        "<p>双色球 第2024028期</p><p>开奖号码：<span class='ball'>03</span><span class='ball'>09</span>"
        "<span class='ball'>11</span><span class='ball'>21</span><span class='ball'>25</span>"
        "<span class='ball'>32</span>&nbsp;<span class='blue'>07</span></p>",
        ["ssq 2024028 03 09 11 21 25 32 + 07"],
    ),
    ("<tr><td>排列3</td><td>24001</td><td>期</td><td>5 2 8</td></tr>", ["pl3 24001 528"]),
    (
        "<div>福彩3D&nbsp;第2024065期<br>开奖号码：<b>1</b><b>2</b><b>3</b></div>",
        ["3d 2024065 123"],
    ),
    ("排列3&nbsp;第24001期&nbsp;&nbsp;5&nbsp;2&nbsp;8", ["pl3 24001 528"]),
    (
        "<li>双色球 第2024028期 <em>03 09 11 21 25 32</em> + <strong>07</strong></li><script>var x='排列3 第24001期 111';</script>",
        ["ssq 2024028 03 09 11 21 25 32 + 07"],
    ),
    # traditional characters, full width
    (
        "雙色球第2024028期 開獎號碼：紅球 03 09 11 21 25 32 藍球 07",
        ["ssq 2024028 03 09 11 21 25 32 + 07"],
    ),
    ("福彩３Ｄ 第２０２４０６５期 開獎號碼：１２３", ["3d 2024065 123"]),
    (
        "双色球　第２０２４０２８期　０３　０９　１１　２１　２５　３２　＋　０７",
        ["ssq 2024028 03 09 11 21 25 32 + 07"],
    ),
    ("排列三 第24001期 開獎結果：5，2，8", ["pl3 24001 528"]),
    # several games on one line, labels after names
    ("排列3 第19048期 161 排列5 第19048期 16170", ["pl3 19048 161", "pl5 19048 16170"]),
    (
        "排列5第24050期开奖号码：1 2 3 4 5 排列3第24050期开奖号码：1 2 3",
        ["pl5 24050 12345", "pl3 24050 123"],
    ),
    (
        "双色球第2024028期：03 09 11 21 25 32+07；福彩3D第2024065期：1 2 3",
        ["ssq 2024028 03 09 11 21 25 32 + 07", "3d 2024065 123"],
    ),
    ("体彩排列三第24050期：123", ["pl3 24050 123"]),
    (
        "大乐透 第24050期 01 02 03 04 05 + 06 07 排列3 第24050期 123",
        ["dlt 24050 01 02 03 04 05 + 06 07", "pl3 24050 123"],
    ),
    # names that start with a digit, at the start of a line
    (
        "双色球 第2019021期 02 05 07 08 20 27 + 04\n3D 第2019048期 326",
        [f"ssq 2019021 {SSQ}", "3d 2019048 326"],
    ),
    ("排列3 第24001期 528\n7星彩 第24001期 1234567", ["pl3 24001 528", "qxc 24001 123456 + 7"]),
    (
        "福彩3D 第2019048期 326\n15选5 第2019048期 02 03 06 12 13",
        ["3d 2019048 326", "15x5 2019048 02 03 06 12 13"],
    ),
    (
        "排列5 第19048期 16170\n3D第2019048期 326\n15选5第2019048期 02 03 06 12 13",
        ["pl5 19048 16170", "3d 2019048 326", "15x5 2019048 02 03 06 12 13"],
    ),
    # wrapped lines
    (
        "中国福利彩票“双色球”开奖公告第2019021期\n中奖号码：红色球号码02、05、07、08、20、\n27 蓝色球号码：04",
        [f"ssq 2019021 {SSQ}"],
    ),
    ("双色球第2026095期 红球 04 06 14\n21 22 33 蓝球 16", ["ssq 2026095 04 06 14 21 22 33 + 16"]),
    ("七星彩第19021期开奖公告 本期开奖结果：25087\n50", ["qxc 19021 2508750"]),
    ("排列5\n第19048期\n16170", ["pl5 19048 16170"]),
    ("福彩3D\n第2019048期 开奖号码：\n3 2 6\n第二行的说明文字", ["3d 2019048 326"]),
    # 5-digit and 7-digit issues for both operators
    ("排列3 第2019048期 161", ["pl3 19048 161"]),
    ("双色球 第19021期 02 05 07 08 20 27 04", [f"ssq 2019021 {SSQ}"]),
    ("七星彩 第2019021期 2508750", ["qxc 19021 2508750"]),
    ("福彩3D 19048期 326", ["3d 2019048 326"]),
    # prizes after the numbers
    ("双色球 第2019021期 02 05 07 08 20 27 + 04; 一等奖=5000000", [f"ssq 2019021 {SSQ}"]),
    ("福彩3D 第2019048期 326; 直选=1040", ["3d 2019048 326"]),
    ("排列5 第19048期 16170; 一等奖=100000", ["pl5 19048 16170"]),
    # prose around: sentences that mention a draw are no draw
    ("本报讯 昨晚，双色球第2024028期全国共中出一等奖9注，单注奖金约568万元。", []),
    ("双色球销量上升；排列3 的玩法很多。", []),
    ("据悉，福彩3D第2024065期开奖号码为1 2 3，组选6。", ["3d 2024065 123"]),
    (
        "排列3第24050期开奖结果出炉：123，排列5第24050期：12345。",
        ["pl3 24050 123", "pl5 24050 12345"],
    ),
    (
        "双色球第2024028期开奖号码是 03 09 11 21 25 32 蓝球 07，奖池金额 21亿元。",
        ["ssq 2024028 03 09 11 21 25 32 + 07"],
    ),
]


def _key(draw: lottery.Draw) -> str:
    from lottery.model import format_numbers

    return f"{draw.game.code} {draw.issue} {format_numbers(draw.edition, draw.numbers)}"


def test_the_table_is_large() -> None:
    assert len(LINES) >= 60


@pytest.mark.parametrize(("line", "expected"), LINES, ids=[str(i) for i in range(len(LINES))])
def test_each_line(line: str, expected: list[str]) -> None:
    assert [_key(d) for d in news.extract(line)] == expected


def test_all_lines_joined() -> None:
    """One page of every line: the same draws, in order."""
    page = "\n".join(line for line, _ in LINES)
    assert [_key(d) for d in news.extract(page)] == [e for _, want in LINES for e in want]


def test_every_named_span_is_a_record() -> None:
    """Nothing lost: a span with a game and an issue is a draw or a record that says why not."""
    (mention,) = news.scan("双色球第2024028期全国共中出一等奖9注")
    assert (mention.ok, mention.kind) == (False, "no-result")
    (bad,) = news.scan("双色球 第2024028期 03 09 11 21 25 + 07")
    assert (bad.ok, bad.kind) == (False, "count")


@pytest.mark.parametrize(
    ("line", "expected"),
    [(line, want) for line, want in LINES if len(want) == 1 and not any(c in line for c in "\n<&")],
)
def test_parse_draw_reads_what_news_finds(line: str, expected: list[str]) -> None:
    """Everything news finds, parse_draw reads from the same line: one grammar."""
    (found,) = news.extract(line)
    if "；" in line or "，" in line or "。" in line:
        return  # prose around the announcement: news finds it, parse_draw wants the announcement
    assert lottery.parse_draw(found.game, line) == found


PROSE = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "本报讯 ",
        "<br>",
        "<p>",
        "</p>\n",
        "（记者 王某）",
        "今日天气晴。",
        "&nbsp;",
        "<span>注：以上结果以官方公告为准。</span>\n",
        "\n\n",
        "编辑：李某\n",
    ]
)


@given(
    st.lists(
        st.tuples(
            lst.draws().map(lambda d: lottery.Draw(d.game, d.issue, d.numbers, d.date)),
            PROSE,
            PROSE,
        ),
        max_size=6,
    )
)
def test_announcements_in_prose_and_markup(parts: list[tuple[lottery.Draw, str, str]]) -> None:
    """Canonical announcements between any prose, markup and line breaks: exactly those draws."""
    text = "".join(f"{before}{draw}\n{after}" for draw, before, after in parts)
    assert news.extract(text) == [draw for draw, _, _ in parts]


@given(st.data())
def test_what_parse_draw_accepts_news_finds(data: st.DataObject) -> None:
    """Any announcement line of the strategies: parse_draw and news.extract give the same draw."""
    game = data.draw(lst.games())
    line = data.draw(lst.announcement_lines(game=game))
    (found,) = news.extract(line)
    assert lottery.parse_draw(game, line) == found
