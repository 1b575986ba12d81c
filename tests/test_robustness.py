"""No input, however strange, crashes the library.

Every public parser either returns a value or raises a LotteryError for any
str; non-str arguments raise TypeError; every parser runs in linear time;
digits other than ASCII and full-width are rejected, never converted.
"""

from __future__ import annotations

import contextlib
import json
import pathlib
import time
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import lottery
from lottery import news, validate
from lottery import strategies as lst

SEED = pathlib.Path(__file__).parent.parent / "seeds" / "000_839fedd83d185e9c.txt"
CODES = [g.code for g in lottery.games()]

# Parsers that may refuse (with a LotteryError) ...
REFUSING: dict[str, Callable[[str], object]] = {
    **{f"parse_ticket[{c}]": (lambda text, c=c: lottery.parse_ticket(c, text)) for c in CODES},
    **{
        f"parse_ticket[{c}, issue]": (
            lambda text, c=c: lottery.parse_ticket(c, text, issue="2020100")
        )
        for c in CODES
    },
    **{
        f"parse_draw[{c}]": (lambda text, c=c: lottery.parse_draw(c, text, issue="2020100"))
        for c in CODES
    },
    **{
        f"parse_issue[{c}]": (lambda text, c=c: lottery.get_game(c).parse_issue(text))
        for c in CODES
    },
    "get_game": lottery.get_game,
}
# ... and readers that never raise for a str: they report.
REPORTING: dict[str, Callable[[str], object]] = {
    "news.extract": news.extract,
    "news.scan": news.scan,
    "validate_text": validate.validate_text,
    **{
        f"validate_text[{c}]": (lambda text, c=c: validate.validate_text(text, game=c))
        for c in ("ssq", "pl3")
    },
    "check_many": lambda text: lottery.check_many(
        text.splitlines() or [text],
        [lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")],
    ),
}


def _survives(text: str) -> None:
    for name, parse in REFUSING.items():
        try:
            parse(text)
        except lottery.LotteryError as error:
            refused = error
            assert isinstance(refused, ValueError), name
            assert str(refused), name
    for parse in REPORTING.values():
        parse(text)


@given(st.text())
def test_any_text(text: str) -> None:
    _survives(text)


_PIECES = [
    "0",
    "1",
    "9",
    "10",
    "33",
    "99",
    "100",
    "０",
    "９",
    "٣",
    "²",
    "⑱",
    "三",
    " ",
    "  ",
    ",",
    "、",
    "，",
    "+",
    "＋",
    "#",
    "＃",
    "|",
    "｜",
    "(",
    ")",
    "x",
    "×",
    "x5",
    "倍",
    "*",
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "第",
    "期",
    "\ufeff",
    "双色球",
    "排列3",
    "3D",
    "七星彩",
    "15选5",
    "红球",
    "蓝球",
    "前区",
    "后区",
    "开奖号码：",
    "试机号：",
    "组选3",
    "1D",
    "直选和值",
    "猜奇偶",
    "奇",
    ";",
    "一等奖=",
    "特别规定期间=是",
    "2019-02-24",
    "2019021",
    "19048",
    "{",
    "}",
    "[",
    "]",
    '"',
    "red",
    "issue,date,numbers\n",
]


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    """A valid ticket, draw or announcement line with a few random edits."""
    base = draw(
        st.one_of(
            lst.tickets().map(str),
            lst.draws().map(str),
            lst.announcement_lines(),
            st.sampled_from(SEED.read_text(encoding="utf-8").splitlines()),
        ),
    )
    chars = list(base)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(chars)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(_PIECES))
        if action == "insert" or not chars:
            chars[where:where] = [piece]
        elif action == "delete":
            del chars[min(where, len(chars) - 1)]
        else:
            chars[min(where, len(chars) - 1)] = piece
    return "".join(chars)


@given(mutated_lines())
def test_mutations_of_valid_lines(text: str) -> None:
    _survives(text)


@pytest.mark.parametrize("line", SEED.read_text(encoding="utf-8").splitlines())
def test_every_line_of_the_seed_page(line: str) -> None:
    _survives(line)


def test_the_whole_seed_page() -> None:
    _survives(SEED.read_text(encoding="utf-8"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
CWL_KEYS = [
    "name",
    "code",
    "date",
    "red",
    "blue",
    "poolmoney",
    "sales",
    "prizegrades",
    "fyjMoney",
    "fyjCount",
]
SPORT_KEYS = [
    "lotteryDrawNum",
    "lotteryDrawResult",
    "lotteryGameName",
    "lotteryGameNum",
    "prizeLevelList",
    "lotteryUnsortDrawresult",
    "lotteryDrawTime",
    "poolBalanceAfterdraw",
]


# Records that reach each reader's field handling: the keys that route them, a known game.
cwl_records = st.fixed_dictionaries(
    {
        "red": json_values | st.just("1,2,3"),
        "code": json_values | st.just("2019048"),
        "name": st.sampled_from(["3D", "双色球"]) | json_values,
    },
    optional=dict.fromkeys(set(CWL_KEYS) - {"red", "code", "name"}, json_values),
)
sport_records = st.fixed_dictionaries(
    {
        "lotteryDrawNum": json_values | st.just("19048"),
        "lotteryGameName": st.sampled_from(["排列3", "排列5", "七星彩"]) | json_values,
    },
    optional=dict.fromkeys(set(SPORT_KEYS) - {"lotteryDrawNum", "lotteryGameName"}, json_values),
)


@given(
    st.one_of(
        json_values,
        st.lists(st.fixed_dictionaries({}, optional=dict.fromkeys(CWL_KEYS, json_values))),
        st.lists(cwl_records),
        st.fixed_dictionaries({"result": st.lists(cwl_records)}),
        st.fixed_dictionaries({"value": st.fixed_dictionaries({"list": st.lists(sport_records)})}),
        st.lists(sport_records),
    ),
)
@example([{"red": "1,2,3", "code": "2019048", "name": "3D", "prizegrades": 5}])
@example(
    {
        "value": {
            "list": [{"lotteryDrawNum": "19048", "lotteryGameName": "排列3", "prizeLevelList": 7}]
        }
    }
)
@settings(max_examples=200)
def test_any_json(data: object) -> None:
    report = validate.validate_text(json.dumps(data, ensure_ascii=False))
    assert len(report.records) == len(report.draws) + len(report.rejected)


@given(
    st.lists(
        st.lists(st.text(alphabet='0123456789-,"\n ab期', max_size=12), min_size=1, max_size=9),
        max_size=6,
    ),
)
def test_any_csv(rows: list[list[str]]) -> None:
    header = "issue,date,red1,red2,red3,red4,red5,red6,blue"
    text = header + "\n" + "\n".join(",".join(r) for r in rows)
    report = validate.validate_text(text, game="ssq")
    assert len(report.records) == len(report.draws) + len(report.rejected)


def test_deeply_nested_json() -> None:
    report = validate.validate_text("[" * 100_000 + "]" * 100_000)
    assert report.rejected[0].kind == "unreadable"


def test_huge_csv_field() -> None:
    report = validate.validate_text(
        'issue,date,numbers\n2026001,,"' + "1" * 200_000 + '"\n', game="3d"
    )
    assert len(report.records) == 1
    assert not report.ok


# --- types --------------------------------------------------------------------------------

NON_STR = [None, 3, 3.0, b"02 05", bytearray(b"1"), ["02"], ("02",), {"a": 1}, object()]


@pytest.mark.parametrize("value", NON_STR, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("name", [*REFUSING, "news.extract", "news.scan", "validate_text"])
def test_non_str_is_a_type_error(name: str, value: object) -> None:
    parse = {**REFUSING, **REPORTING}[name]
    with pytest.raises(TypeError, match="must be a str"):
        parse(value)  # type: ignore[arg-type]


# --- linear time ---------------------------------------------------------------------------

MB = 1_000_000
ADVERSARIAL = {
    "a digit": "1" * MB,
    "a zero-padded number": "0" * MB,
    "spaces": " " * MB,
    "commas": "," * MB,
    "ideographic commas": "、" * MB,
    "plus signs": "+" * MB,
    "hashes": "#" * MB,
    "bars": "|" * MB,
    "a label": "中奖号码：" * (MB // 5),
    "an issue marker": "第" * MB,
    "a game name": "双色球" * (MB // 3),
    "numbers after a label": "双色球第2019021期开奖号码：" + "0 " * (MB // 2),
    "digits and separators": "1,2 " * (MB // 4),
    "brackets": "(" * MB,
    "newlines": "\n" * MB,
    "a date": "2019-02-24 " * (MB // 11),
    "sections": ";" * MB,
}


def test_a_megabyte_of_announcements_is_linear() -> None:
    """83,333 issue headers with no numbers: every one is a record with its reason."""
    text = ("双色球第2019021期" * (MB // 12))[:MB]
    start = time.perf_counter()
    report = validate.validate_text(text)
    assert time.perf_counter() - start < 5.0  # about a second on the 2-core CI machine
    assert len(report.records) == len(report.rejected) == MB // 12


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_a_megabyte_line_is_handled_quickly(name: str) -> None:
    """Well under a second each; a regular expression that backtracked would take minutes."""
    text = ADVERSARIAL[name]
    for parse in (*REFUSING.values(), news.scan, validate.validate_text):
        start = time.perf_counter()
        with contextlib.suppress(lottery.LotteryError):
            parse(text)
        assert time.perf_counter() - start < 1.0, parse


# --- digits ------------------------------------------------------------------------------------


@pytest.mark.parametrize("digit", ["٣", "²", "⑱", "३", "໓", "𝟑", "Ⅲ", "三"])
def test_other_digits_are_rejected_not_converted(digit: str) -> None:
    with pytest.raises(lottery.LotteryError):
        lottery.parse_ticket("pl3", f"1{digit}1")
    with pytest.raises(lottery.LotteryError):
        lottery.parse_ticket("ssq", f"02 05 07 08 20 2{digit} + 04")
    with pytest.raises(lottery.LotteryError):
        lottery.parse_draw("3d", f"3{digit}6", issue="2019048")
    with pytest.raises(lottery.LotteryError):
        lottery.get_game("pl3").parse_issue(f"1904{digit}")
    assert news.extract(f"排列3 第19048期 1{digit}1") == []
    assert lottery.parse_ticket("pl3", "1３1").selection == ((1,), (3,), (1,))  # full-width is fine
