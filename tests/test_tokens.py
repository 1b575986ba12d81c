"""The token layer: tokens with their offsets, numbers read from ASCII digits only."""

from __future__ import annotations

import pytest

import lottery
from lottery._tokens import bad_token, read_number, split_on, split_tokens, strip_span

SSQ = lottery.get_game("ssq")
RED = SSQ.editions[0].zones[0]


def test_split_tokens_keeps_offsets() -> None:
    assert split_tokens("02 05,07  08", 10) == [("02", 10), ("05", 13), ("07", 16), ("08", 20)]
    assert split_tokens("   ") == []


def test_split_on_keeps_offsets() -> None:
    assert split_on("01 02 + 03", "+", 4) == [("01 02 ", 4), (" 03", 11)]
    assert split_on("abc", "+", 0) == [("abc", 0)]


def test_strip_span() -> None:
    assert strip_span("  ab  ", 0, 6) == (2, 4)
    assert strip_span("    ", 0, 4) == (4, 4)


@pytest.mark.parametrize(
    ("token", "expected"),
    [("1", 1), ("01", 1), ("33", 33)],
)
def test_read_number(token: str, expected: int) -> None:
    assert read_number(SSQ, RED, token, 0) == expected


@pytest.mark.parametrize(
    ("token", "error", "words"),
    [
        ("34", lottery.InvalidNumber, "out of range 01–33"),
        ("00", lottery.InvalidNumber, "out of range"),
        ("001", lottery.InvalidNumber, "too many digits"),
        ("٣", lottery.InvalidNumber, "not written with ASCII or full-width digits"),
        ("²", lottery.InvalidNumber, "not written with ASCII"),
        ("x", lottery.InvalidFormat, "is not a number"),
    ],
)
def test_read_number_refuses(token: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words) as raised:
        read_number(SSQ, RED, token, 4)
    assert raised.value.position == 5  # type: ignore[attr-defined]
    assert raised.value.token == token  # type: ignore[attr-defined]


def test_bad_token_cuts_what_it_shows() -> None:
    error = bad_token(SSQ, "红球 number", "x" * 100, 0)
    assert "…" in str(error)
    assert len(str(error)) < 100
