"""Every input kind through one entry: structured shapes, encodings, limits, streams."""

from __future__ import annotations

import io
import json
import os
import pathlib
import re
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lottery import _decode, inputs, validate
from lottery.exceptions import UnreadableInput

SHAPES = pathlib.Path(__file__).parent / "fixtures" / "shapes"
SSQ = [(2, 5, 7, 8, 20, 27, 4), (3, 9, 11, 21, 25, 32, 7)]
D3 = [(3, 2, 6), (5, 8, 1)]


@pytest.mark.parametrize(
    ("spec", "issues", "numbers"),
    [
        (
            "ssq=draws_key.json",
            ["2019021", "2019022"],
            SSQ,
        ),  # {"draws": [...]}, redBalls + blueBall
        ("3d=data_key.json", ["2019048", "2019049"], D3),  # {"data": {"list": [...]}}, digits
        ("pl3=chinese_keys.json", ["19048", "19049"], [(1, 6, 1), (5, 8, 1)]),  # 期号, 开奖号码
        ("ssq=ssq_spaces.txt", ["2019021", "2019022"], SSQ),  # whitespace, no header
        ("3d=3d_semicolon.csv", ["2019048", "2019049"], D3),  # ';', no header
        ("3d=3d_code.csv", ["2019048", "2019049"], D3),  # issue column 'code'
        ("pl3=pl3_two_columns.csv", ["19048", "19049"], [(1, 6, 1), (5, 8, 1)]),  # 期号,开奖号码
        ("ssq=ssq_tab.tsv", ["2019021", "2019022"], SSQ),  # TSV, a column per number
    ],
)
def test_structured_shapes(spec: str, issues: list[str], numbers: list[tuple[int, ...]]) -> None:
    game, _, name = spec.partition("=")
    records = validate.read_file(f"{game}={SHAPES / name}")
    assert [r.error for r in records] == [None, None]
    assert [r.draw.issue for r in records if r.draw] == issues
    assert [r.draw.numbers for r in records if r.draw] == numbers


def test_json_without_a_list_says_which_keys() -> None:
    (record,) = validate.read_file(str(SHAPES / "empty_key.json"))
    assert record.kind == "unreadable"
    assert "no list of records" in (record.error or "")
    assert "state, message, total" in (record.error or "")


def test_one_record_per_item_whatever_it_holds() -> None:
    items = [{"issue": "2019021", "numbers": "02 05 07 08 20 27 + 04"}, "oops", {"issue": "x"}]
    records = validate.read_text(json.dumps({"items": items}), game="ssq")
    assert [r.ok for r in records] == [True, False, False]
    assert [r.kind for r in records] == [None, "format", "issue"]


def _lines(data: bytes) -> list[_decode.Line]:
    return list(_decode.lines(io.BytesIO(data), name="x"))


def test_a_bad_byte_costs_only_its_line() -> None:
    data = "双色球 第2019021期 02 05 07 08 20 27 + 04\n".encode() + b"\xff\xfe\n"
    data += "排列3 第19048期 161\n".encode()
    out = list(inputs.read_stream(io.BytesIO(data), source="page.txt"))
    assert [(r.where, r.ok) for r in out] == [("line 1", True), ("line 2", False), ("line 3", True)]
    assert out[1].kind == "unreadable"


def test_gb18030_after_a_long_ascii_head() -> None:
    head = ("<html><head><title>results</title></head>" + " " * 100_000 + "\n").encode()
    data = head + "双色球 第2019021期 02 05 07 08 20 27 + 04\n".encode("gb18030")
    (record,) = inputs.read_stream(io.BytesIO(data), source="page.html")
    assert record.draw is not None
    assert record.where == "line 2"


def test_gb18030_declared_in_markup() -> None:
    data = '<meta charset="gbk">\n双色球 第2019021期 02 05 07 08 20 27 + 04\n'.encode("gb18030")
    (record,) = inputs.read_stream(io.BytesIO(data), source="page.html")
    assert record.draw is not None


def test_utf16_with_a_bom() -> None:
    data = "双色球 第2019021期 02 05 07 08 20 27 + 04\n".encode("utf-16")
    (record,) = inputs.read_stream(io.BytesIO(data), source="page.txt")
    assert record.draw is not None


def test_lone_carriage_returns_end_lines() -> None:
    assert [line.text for line in _lines(b"a\rb\r\nc\n")] == ["a", "b", "c"]


def _expected_lines(data: bytes) -> list[bytes]:
    """Lines as the docstring says: ended by \\n, \\r\\n or a lone \\r; no line after the last end."""
    parts = re.split(rb"\r\n|\r|\n", data)
    return parts[:-1] if parts[-1] == b"" else parts


_PIECES = st.sampled_from(
    [b"a", b"7,", b"\r", b"\n", b"\r\n", "双".encode(), "双".encode("gb18030")]
)


@given(st.lists(_PIECES, max_size=40).map(b"".join), st.lists(st.integers(1, 9), max_size=20))
def test_line_ends_across_any_chunks(data: bytes, cuts: list[int]) -> None:
    """Blocks of whole lines, wherever the chunks end (a \\r\\n split between two too)."""
    chunks, at = [], 0
    for cut in cuts:
        chunks.append(data[at : at + cut])
        at += cut
    chunks.append(data[at:])
    got = [line for block in _decode._blocks(iter(chunks)) for line in block.split(b"\n")]
    assert got == _expected_lines(data)


@settings(max_examples=200)
@given(st.lists(_PIECES, min_size=1, max_size=60).map(b"".join), st.integers(1, 12))
def test_lines_the_same_in_any_chunk_size(data: bytes, size: int) -> None:
    """Decoded a block at once or line by line, the same lines, numbers and flags."""
    whole = _lines(data)
    original = _decode._CHUNK
    _decode._CHUNK = size  # type: ignore[misc]
    try:
        pieces = _lines(data)
    finally:
        _decode._CHUNK = original  # type: ignore[misc]
    assert pieces == whole
    assert [line.number for line in whole] == list(range(1, len(whole) + 1))
    assert len(whole) == len(_expected_lines(data.removeprefix(b"\xef\xbb\xbf")))


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", "empty"), (b"\x00\x01\x02", "binary"), (b"x" * 2_000_000, "larger than")],
)
def test_unreadable_inputs(data: bytes, words: str) -> None:
    with pytest.raises(UnreadableInput, match=words):
        list(_decode.lines(io.BytesIO(data), name="x", max_bytes=1_000_000))
    (record,) = inputs.read_stream(io.BytesIO(data), source="x", max_bytes=1_000_000)
    assert (record.kind, record.where) == ("unreadable", "file")


def _lottery(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lottery", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_dev_zero_stops_with_exit_2() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    done = _lottery("validate", "/dev/zero")
    assert done.returncode == 2
    assert b"binary" in done.stdout + done.stderr


def test_an_endless_text_stops_at_max_bytes() -> None:
    endless = subprocess.Popen(
        [sys.executable, "-c", "import sys\nwhile True: sys.stdout.write('双色球 ' * 1000)"],
        stdout=subprocess.PIPE,
    )
    try:
        done = subprocess.run(
            [sys.executable, "-m", "lottery", "validate", "--max-bytes", "2M", "-"],
            stdin=endless.stdout,
            capture_output=True,
            timeout=120,
            check=False,
        )
    finally:
        endless.kill()
        endless.wait()
        if endless.stdout is not None:
            endless.stdout.close()
    assert done.returncode == 2
    assert b"larger than" in done.stdout + done.stderr


def test_standard_input_and_several_sources(tmp_path: pathlib.Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("排列3 第19048期 161\n排列3 第19049期 582\n", encoding="utf-8")
    page = "排列3 第19048期 161\n排列3 第19049期 581\n排列3 第19050期 123\n".encode()
    done = _lottery("validate", "--json", "-", str(other), stdin=page)
    data = json.loads(done.stdout)
    sources = data["sources"]
    assert sources["shared"] == 2
    assert sources["agree"] == 1
    assert sources["single"] == 1
    (conflict,) = sources["conflicts"]
    assert conflict["issue"] == "19049"
    assert conflict["says"] == {"-": ["581"], str(other): ["582"]}
    text = _lottery("validate", "-", str(other), stdin=page).stdout.decode()
    assert "2 sources: 2 issues in two or more, all agree on 1; 1 in conflict" in text
    assert f"{other} says 582" in text


def test_a_missing_file_among_several(tmp_path: pathlib.Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("排列3 第19048期 161\n", encoding="utf-8")
    done = _lottery("validate", str(tmp_path / "missing.txt"), str(good))
    assert done.returncode == 2
    assert b"cannot read" in done.stderr
    assert b"19048" in done.stdout  # the readable file was still validated


def test_ascii_rows_after_a_chinese_header_are_not_held_back() -> None:
    """Memory stays bounded: the encoding is decided after a bounded number of lines."""
    data = "期号,开奖号码\n".encode("gb18030") + b"".join(
        f"{2003000 + i % 999 + 1},01 02 03 04 05 06 + 07\n".encode() for i in range(20_000)
    )
    lines = _decode.lines(io.BytesIO(data), name="x")
    first = next(lines)
    assert first.text == "期号,开奖号码"  # GB18030 decided from one sample, early
    assert sum(1 for _ in lines) == 20_000


def test_a_pipe_that_delivers_a_line_in_pieces_is_told_right() -> None:
    """The kind is told from the first whole line, however a pipe delivers it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "lottery", "validate", "--json", "--game", "ssq", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    proc.stdin.write(b"2019021,02 05 07")
    proc.stdin.flush()
    time.sleep(0.3)
    proc.stdin.write(b" 08 20 27 + 04\n2019022,03 09 11 21 25 32 + 07\n")
    proc.stdin.close()
    assert proc.stdout is not None
    assert proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=60)
    proc.stdout.close()
    proc.stderr.close()
    data = json.loads(out)
    assert [d["issue"] for d in data["draws"]] == ["2019021", "2019022"], err
