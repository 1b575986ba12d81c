"""The collector paused while a reader makes lasting objects, and always given back."""

from __future__ import annotations

import gc
import pathlib

import pytest

from lottery import validate
from lottery._gc import paused

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def test_paused_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():  # nested: the inner block leaves it to the outer
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_on_again_after_an_error() -> None:
    with pytest.raises(OSError), paused():
        raise OSError
    assert gc.isenabled()


def test_left_off_when_the_caller_turned_it_off() -> None:
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_validation_gives_it_back() -> None:
    report = validate.validate_files([str(FIXTURES / "3d_2002_2020.csv")])
    assert report.records
    assert gc.isenabled()
    with pytest.raises(OSError):
        validate.validate_files([str(FIXTURES / "no such file.csv")])
    assert gc.isenabled()
    validate.validate_stream([str(FIXTURES / "fc3d.bad.csv")])
    assert gc.isenabled()


def test_cycles_made_meanwhile_are_collected_after() -> None:
    class Node:
        other: object = None

    with paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
    assert gc.collect() >= 2
