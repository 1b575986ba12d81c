"""Plain whole numbers, one cell or a column at a time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lottery import _text


@given(st.lists(st.integers(0, 10**15 - 1), min_size=1, max_size=50))
def test_a_column_of_plain_numbers_is_read_at_once(values: list[int]) -> None:
    assert _text.plain_ints([str(v) for v in values]) == values


@pytest.mark.parametrize(
    "cells",
    [["1", ""], ["007"], ["1,234", "5"], ["-1"], ["1.5"], ["3e5"], ["٣"], ["1" * 16], [" 5"]],
)
def test_anything_else_is_left_to_each_cell(cells: list[str]) -> None:
    """Not digits alone, or a leading zero, an empty cell, 16 digits: read cell by cell."""
    assert _text.plain_ints(cells) is None
