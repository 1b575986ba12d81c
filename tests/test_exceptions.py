"""One error hierarchy, one vocabulary of faults, errors that point at their token."""

from __future__ import annotations

import pytest

import lottery
from lottery import exceptions
from lottery.exceptions import FAULT_KINDS, LotteryError


def _classes() -> list[type[LotteryError]]:
    return [
        cls
        for name in exceptions.__all__
        if isinstance(cls := getattr(exceptions, name), type) and issubclass(cls, LotteryError)
    ]


def test_every_error_has_a_kind_of_the_vocabulary() -> None:
    kinds = {cls.kind for cls in _classes()}
    assert kinds <= set(FAULT_KINDS)
    specific = [cls for cls in _classes() if cls not in (LotteryError, exceptions.ValidationError)]
    assert len({cls.kind for cls in specific}) == len(specific)  # one word, one fault


def test_input_errors_are_value_errors() -> None:
    for cls in _classes():
        if cls is not LotteryError:
            assert issubclass(cls, ValueError), cls


def test_span_and_render() -> None:
    with pytest.raises(lottery.InvalidNumber) as raised:
        lottery.parse_ticket("ssq", "02 05 07 08 20 34 + 04")
    error = raised.value
    assert (error.kind, error.span, error.text) == ("range", (15, 17), "02 05 07 08 20 34 + 04")
    assert error.render().splitlines() == [
        "双色球 (ssq): 红球 number '34' at column 16 is out of range 01–33",
        "    02 05 07 08 20 34 + 04",
        "                   ~^",
    ]


def test_render_counts_wide_characters() -> None:
    """Full-width text is two terminal columns a character: the caret still lands."""
    with pytest.raises(lottery.InvalidNumber) as raised:
        lottery.parse_ticket("ssq", "０２ ０５ ０７ ０８ ２０ ３４ ＋ ０４")
    lines = raised.value.render().splitlines()
    # before the token: 10 wide digits and 5 spaces (25 columns); the token: 4 columns
    assert lines[2] == " " * (4 + 25) + "~~~^"


def test_render_without_a_position_or_text_is_the_message() -> None:
    error = lottery.InvalidCount("too many", game="ssq")
    assert error.render() == "too many"
    assert error.span is None
    assert LotteryError("x", position=3, token="ab").render("12345") == "x\n    12345\n      ~^"


def test_draw_errors_point_too() -> None:
    with pytest.raises(lottery.LotteryError) as raised:
        lottery.parse_draw("ssq", "第2019021期 02 05 07 08 20 27 + 4x")
    assert raised.value.render().endswith("~^")
    assert raised.value.text == "第2019021期 02 05 07 08 20 27 + 4x"
