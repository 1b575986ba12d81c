"""lottery.news: draws from newspaper pages and announcement lines."""

from __future__ import annotations

import datetime
import pathlib
import time

import pytest
from hypothesis import given

import lottery
from lottery import news
from lottery import strategies as lst

SEED = pathlib.Path(__file__).parent.parent / "seeds" / "000_839fedd83d185e9c.txt"


def test_the_seed_page() -> None:
    """The page this project started from: six draws, in order, out of a page of news."""
    draws = news.extract(SEED.read_text(encoding="utf-8"))
    assert [(d.game.code, d.issue, d.numbers) for d in draws] == [
        ("qxc", "19021", (2, 5, 0, 8, 7, 5, 0)),
        ("pl3", "19048", (1, 6, 1)),
        ("pl5", "19048", (1, 6, 1, 7, 0)),
        ("ssq", "2019021", (2, 5, 7, 8, 20, 27, 4)),
        ("3d", "2019048", (3, 2, 6)),
        ("15x5", "2019048", (2, 3, 6, 12, 13)),
    ]
    records = news.scan(SEED.read_text(encoding="utf-8"), source="seed")
    assert [r.where for r in records] == [
        "line 281",
        "line 284",
        "line 287",
        "line 290",
        "line 293",
        "line 296",
    ]


LINES = [
    # the styles people print (issue 4)
    (
        "双色球第2026095期开奖：红球 04 06 14 21 22 33 蓝球 16",
        "ssq",
        "2026095",
        (4, 6, 14, 21, 22, 33, 16),
    ),
    ("福彩3D第2026221期 试机号：581 开奖号码：296", "3d", "2026221", (2, 9, 6)),
    ("排列5 第26004期 8 7 8 8 2", "pl5", "26004", (8, 7, 8, 8, 2)),
    # the seed's styles, one line each
    ("全国联网电脑体育彩票“排列3”开奖公告第2019048期 中奖号码：161", "pl3", "19048", (1, 6, 1)),
    (
        "中国福利彩票“双色球”开奖公告第2019021期 中奖号码：红色球号码02、05、07、08、20、27 蓝色球号码：04",
        "ssq",
        "2019021",
        (2, 5, 7, 8, 20, 27, 4),
    ),
    # full-width digits and punctuation
    (
        "双色球第２０２６０９５期开奖：红球　０４，０６，１４，２１，２２，３３　蓝球　１６",
        "ssq",
        "2026095",
        (4, 6, 14, 21, 22, 33, 16),
    ),
    # 体彩 issues printed either way
    ("排列3 第2019048期 161", "pl3", "19048", (1, 6, 1)),
    ("七星彩第20100期开奖结果：前区 5 6 0 0 2 1 后区 7", "qxc", "20100", (5, 6, 0, 0, 2, 1, 7)),
    ("7星彩 第20101期 3 6 9 5 4 3 + 12", "qxc", "20101", (3, 6, 9, 5, 4, 3, 12)),
    ("15选5第2019048期 开奖号码：02 03 06 12 13", "15x5", "2019048", (2, 3, 6, 12, 13)),
    ("华东15选5 第2026235期 03 07 12 13 15", "15x5", "2026235", (3, 7, 12, 13, 15)),
    ("排列三 第25200期 开奖号码 2 1 1", "pl3", "25200", (2, 1, 1)),
    ("排列五第25200期：2 1 1 2 9", "pl5", "25200", (2, 1, 1, 2, 9)),
    # the library's own canonical text
    (
        "双色球 第2019021期 2019-02-24 02 05 07 08 20 27 + 04",
        "ssq",
        "2019021",
        (2, 5, 7, 8, 20, 27, 4),
    ),
]


@pytest.mark.parametrize(("line", "code", "issue", "numbers"), LINES)
def test_announcement_lines(line: str, code: str, issue: str, numbers: tuple[int, ...]) -> None:
    (draw,) = news.extract(line)
    assert (draw.game.code, draw.issue, draw.numbers) == (code, issue, numbers)


def test_dates_are_read() -> None:
    (draw,) = news.extract("双色球第2025063期 2025-06-05(四) 开奖号码：02 19 21 22 28 30 + 01")
    assert draw.date == datetime.date(2025, 6, 5)
    (record,) = news.scan("双色球第2025063期 2025年6月5日 02 19 21 22 28 30 + 01")
    assert record.draw is not None
    assert record.draw.date == datetime.date(2025, 6, 5)


def test_the_test_number_is_never_the_result() -> None:
    (record,) = news.scan("福彩3D第2026221期 试机号：581 开奖号码：296")
    assert record.draw is not None
    assert record.draw.numbers == (2, 9, 6)
    assert record.extra_numbers("试机号") == (5, 8, 1)
    (only,) = news.scan("福彩3D第2026222期 试机号：581")
    assert only.draw is None
    assert only.kind == "no-result"
    assert "试机号" in (only.error or "")
    assert news.extract("福彩3D第2026222期 试机号：581") == []


def test_lines_broken_anywhere() -> None:
    text = "中国福利彩票“双色\n球”开奖公告第2019\n021期\n中奖号码：红色球号码02、05、07、08、20、\n27 蓝色球号码：04\n"
    (draw,) = news.extract(text)
    assert (draw.issue, draw.numbers) == ("2019021", (2, 5, 7, 8, 20, 27, 4))
    (split,) = news.extract("双色球第2026095期 红球 04 06 14\n21 22 33 蓝球 16")
    assert split.numbers == (4, 6, 14, 21, 22, 33, 16)
    (digits,) = news.extract("七星彩第19021期开奖公告 本期开奖结果：25087\n50")
    assert digits.numbers == (2, 5, 0, 8, 7, 5, 0)


def test_news_prose_is_not_a_draw() -> None:
    prose = "双色球销量上升，2月21日在河内会面 5 个半小时。排列3 的玩法很多。"
    assert news.scan(prose) == []
    assert news.extract("") == []


def test_bad_announcements_are_reported_not_dropped() -> None:
    records = news.scan("双色球第2019021期 中奖号码：02 05 07 08 20 + 04\n排列3 第19048期 161")
    assert [r.ok for r in records] == [False, True]
    assert records[0].kind == "count"
    assert records[0].where == "line 1"
    assert records[1].where == "line 2"


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        news.extract(b"abc")  # type: ignore[arg-type]


@given(lst.draws())
def test_every_draw_reads_back_from_its_text(draw: lottery.Draw) -> None:
    (again,) = news.extract(str(draw))
    assert (again.game, again.issue, again.numbers, again.date) == (
        draw.game,
        draw.issue,
        draw.numbers,
        draw.date,
    )


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1_000_000,
        " " * 1_000_000,
        "、" * 1_000_000,
        "第" * 1_000_000,
        "中奖号码：" * 200_000,
        "双色球" * 330_000,
        "3D" * 500_000,
        "双色球第2019021期开奖号码：" + "0" * 1_000_000,
        "排列3 第19048期 " + "1 " * 500_000,
    ],
)
def test_linear_time(text: str) -> None:
    start = time.perf_counter()
    news.scan(text)
    assert time.perf_counter() - start < 2.0
