"""A columnar ticket file checks exactly as the text it came from: counts, winners, rejections."""

from __future__ import annotations

import pathlib
import tempfile

import pytest
import ticket_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lottery
import lottery.exceptions
from lottery import strategies as lst

pytest.importorskip("numpy")
pytest.importorskip("pyarrow")
from lottery import columnar, vector

GAMES = [g.code for g in lottery.games()]


_lines = ticket_lines.lines


def _write(folder: str, lines: list[str], encoding: str = "utf-8", end: str = "\n") -> str:
    path = pathlib.Path(folder) / "tickets.txt"
    path.write_bytes("".join(line + end for line in lines).encode(encoding, errors="replace"))
    return str(path)


@pytest.mark.parametrize("code", GAMES)
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_columns_tally_as_the_text(code: str, data: st.DataObject) -> None:
    draw = data.draw(lst.draws(game=code))
    lines = data.draw(_lines(code))
    keep = data.draw(st.sampled_from([0, 2, 1000]))
    with tempfile.TemporaryDirectory() as folder:
        text = _write(folder, lines)
        table = str(pathlib.Path(folder) / "tickets.parquet")
        issue = draw.issue
        converted = columnar.convert(text, table, game=code, issue=issue, row_group=7)
        seen: list[lottery.Rejected] = []
        got = columnar.check(
            table, draw, keep_winners=keep, keep_rejected=keep, on_rejected=seen.append
        )
        expected = lottery.check_many(lines, [draw], keep_winners=keep, keep_rejected=keep)
        assert got == expected
        assert vector.check_file(text, draw, keep_winners=keep, keep_rejected=keep) == expected
        assert [r.where for r in seen] == sorted(r.where for r in seen)
        assert len(seen) == expected.rejected_count
        blank = sum(1 for line in lines if not line.strip() or line.strip().startswith("#"))
        assert converted.rows + converted.skipped == len(lines)
        assert converted.skipped == blank
        assert (
            converted.rejected_count >= expected.rejected_count
        )  # the draw's edition may read more
        assert list(columnar.lines(table)) == [
            line if line.strip() and not line.strip().startswith("#") else "" for line in lines
        ]


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_row_groups_checked_apart_add_up(data: st.DataObject) -> None:
    draw = data.draw(lst.draws(game="ssq"))
    lines = data.draw(_lines("ssq"))
    with tempfile.TemporaryDirectory() as folder:
        text = _write(folder, lines)
        table = str(pathlib.Path(folder) / "t.parquet")
        columnar.convert(text, table, game="ssq", row_group=4)
        groups = columnar.describe(table).row_groups
        parts = [columnar.check(table, draw, row_groups=[g], keep_winners=2) for g in range(groups)]
        whole = columnar.check(table, draw, keep_winners=2)
        assert sum(parts, lottery.Tally.empty(1, keep=2)) == whole


def test_singles_are_stored_as_numbers(tmp_path: pathlib.Path) -> None:
    lines = ["02 05 07 08 20 27 + 04", "02 05 07 08 20 33 + 04 x5", "01 02 03 04 05 06 07 + 16"]
    text = _write(str(tmp_path), lines * 1000)
    table = str(tmp_path / "t.parquet")
    converted = columnar.convert(text, table, game="ssq")
    assert (converted.singles, converted.texts, converted.rejected_count) == (2000, 1000, 0)
    layout = columnar.describe(table)
    assert (layout.game.code, layout.numbers, layout.rows) == ("ssq", 7, 3000)
    import pyarrow.parquet as pq

    first = pq.read_table(table).slice(0, 3).to_pydict()
    assert first["line"] == [1, 2, 3]
    assert first["n1"][:2] == [2, 2] and first["multiple"][:2] == [1, 5]
    assert first["text"] == [None, None, "01 02 03 04 05 06 07 + 16"]


@pytest.mark.parametrize(
    ("encoding", "end"),
    [("utf-8-sig", "\r\n"), ("gb18030", "\n"), ("utf-16", "\n"), ("utf-8", "\r")],
)
def test_encodings_and_line_ends(tmp_path: pathlib.Path, encoding: str, end: str) -> None:
    draw = lottery.parse_draw("pl3", "1 6 1", issue="19048")
    lines = ["161", "组选3 116", "161 x2", "", "坏", "# note", "1|6|1"]
    text = _write(str(tmp_path), lines, encoding, end)
    table = str(tmp_path / "t.parquet")
    columnar.convert(text, table, game="pl3")
    with open(text, encoding=encoding, newline=None) as handle:
        expected = lottery.check_many(handle.read().splitlines(), [draw])
    assert columnar.check(table, draw) == expected


def test_other_rules_and_other_files_are_refused(tmp_path: pathlib.Path) -> None:
    text = _write(str(tmp_path), ["5600212", "560021 + 12"])
    table = str(tmp_path / "t.parquet")
    columnar.convert(text, table, game="qxc", issue="20100")  # 6 + 1 since 20100
    old = lottery.parse_draw("qxc", "2508750", issue="19021")
    with pytest.raises(lottery.EditionMismatch, match="convert it again with --issue"):
        columnar.check(table, old)
    with pytest.raises(lottery.GameMismatch):
        columnar.check(table, lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021"))
    with pytest.raises(lottery.exceptions.UnreadableInput):
        columnar.describe(text)
    assert columnar.is_columnar(table) and not columnar.is_columnar(text)
    assert not columnar.is_columnar(str(tmp_path / "missing"))


def test_damaged_or_foreign_files_are_unreadable_input(tmp_path: pathlib.Path) -> None:
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    text = _write(str(tmp_path), ["02 05 07 08 20 27 + 04"] * 100)
    table = str(tmp_path / "t.parquet")
    columnar.convert(text, table, game="ssq", row_group=10)
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    unreadable = lottery.exceptions.UnreadableInput
    with pytest.raises(unreadable, match="row group 99"):
        columnar.check(table, draw, row_groups=[99])
    cut = tmp_path / "cut.parquet"
    data = pathlib.Path(table).read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(unreadable, match="not a Parquet file"):
        columnar.check(str(cut), draw)
    info = {"format": "lottery-tickets", "version": 1, "game": "ssq", "edition": "original",
            "numbers": 7}  # fmt: skip
    odd = pa.table({"line": [1], "text": ["02 05 07 08 20 27 + 04"]})
    odd = odd.replace_schema_metadata({b"lottery": json.dumps(info).encode()})
    pq.write_table(odd, tmp_path / "odd.parquet")
    with pytest.raises(unreadable, match="its columns are not theirs"):
        columnar.check(str(tmp_path / "odd.parquet"), draw)
    pq.write_table(pa.table({"a": [1]}), tmp_path / "other.parquet")
    with pytest.raises(unreadable, match="not of lottery tickets"):
        columnar.check(str(tmp_path / "other.parquet"), draw)
