"""Any partition of the ticket files gives the tally of one pass over them."""

from __future__ import annotations

import itertools
import pathlib
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lottery
from lottery import partitions
from lottery import strategies as lst

_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


def _lines(game: str) -> st.SearchStrategy[list[str]]:
    tickets = st.one_of(lst.tickets(game=game, form="单式"), lst.tickets(game=game, max_bets=200))
    noise = st.sampled_from(["", "# note", "oops", "02 05", "坏"])
    one = st.one_of(tickets.map(str), tickets.map(lambda t: f"{t} x2"), noise)
    return st.lists(one, max_size=40)


def _write(path: pathlib.Path, lines: list[str], end: str, encoding: str) -> str:
    path.write_bytes("".join(line + end for line in lines).encode(encoding, errors="replace"))
    return str(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    files=st.integers(1, 3),
    size=st.integers(1, 300),
    keep=st.sampled_from([0, 2, 1000]),
)
def test_any_partition_tallies_as_one_pass(
    data: st.DataObject, files: int, size: int, keep: int
) -> None:
    code = data.draw(st.sampled_from(["ssq", "pl3", "qxc", "dlt"]))
    draws = data.draw(st.lists(lst.draws(game=code), min_size=1, max_size=2))
    texts = [data.draw(_lines(code)) for _ in range(files)]
    ends = [data.draw(_ENDS) for _ in range(files)]
    encoding = data.draw(st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]))
    with tempfile.TemporaryDirectory() as folder:
        paths = [
            _write(pathlib.Path(folder) / f"t{i}.txt", lines, end, encoding)
            for i, (lines, end) in enumerate(zip(texts, ends, strict=True))
        ]
        parts = partitions.split(paths, size=size)
        assert [p.file for p in parts] == sorted(p.file for p in parts)
        got = partitions.merge(
            [partitions.check_part(p, draws, keep=keep) for p in parts], draws, keep=keep
        )
        one = [lottery.check_many(lines, draws, keep_winners=keep, keep_rejected=keep)
               for lines in texts]  # fmt: skip
        if files == 1:
            expected = one[0]
        else:
            expected = lottery.Tally.empty(len(draws), keep=keep)
            for path, tally in zip(paths, one, strict=True):
                expected += tally.moved(source=path)
        assert got.to_dict() == expected.to_dict()
        assert got == expected


def test_globs_expand_in_order(tmp_path: pathlib.Path) -> None:
    for name in ("b.txt", "a.txt", "c.dat"):
        (tmp_path / name).write_text("161\n", encoding="utf-8")
    assert partitions.expand([str(tmp_path / "*.txt"), str(tmp_path / "c.dat")]) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "c.dat"),
    ]
    with pytest.raises(FileNotFoundError):
        partitions.expand(str(tmp_path / "*.none"))


def test_parts_end_after_a_line(tmp_path: pathlib.Path) -> None:
    path = _write(tmp_path / "t.txt", ["02 05 07 08 20 27 + 04"] * 100, "\r\n", "utf-8")
    parts = partitions.split([path], size=100)
    data = pathlib.Path(path).read_bytes()
    assert parts[0].start == 0 and parts[-1].end == len(data)
    assert all(data[p.end - 1 : p.end] == b"\n" for p in parts)
    assert all(a.end == b.start for a, b in itertools.pairwise(parts))


def test_columnar_files_split_by_row_groups(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("pyarrow")
    from lottery import columnar

    lines = ["02 05 07 08 20 27 + 04", "01 02 03 04 05 06 07 + 16", "oops", ""] * 50
    text = _write(tmp_path / "t.txt", lines, "\n", "utf-8")
    table = str(tmp_path / "t.parquet")
    columnar.convert(text, table, game="ssq", row_group=16)
    parts = partitions.split([table, text], rows=40, size=500)
    assert all(p.columnar for p in parts if p.path == table)
    assert (
        sum(len(p.row_groups) for p in parts if p.columnar) == columnar.describe(table).row_groups
    )
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    got = partitions.merge([partitions.check_part(p, [draw]) for p in parts], [draw])
    one = lottery.check_many(lines, [draw])
    assert got == one.moved(source=table) + one.moved(source=text)
    assert partitions.check([table, text], [draw]) == got
