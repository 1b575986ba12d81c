"""The vectorised lane gives exactly check_many's tally: counts, winners, rejections, lines."""

from __future__ import annotations

import pathlib

import pytest
import ticket_lines
from hypothesis import given, settings
from hypothesis import strategies as st

import lottery
from lottery import strategies as lst

np = pytest.importorskip("numpy")
from lottery import vector  # noqa: E402 - after the numpy check

GAMES = [g.code for g in lottery.games()]


_lines = ticket_lines.lines


@pytest.mark.parametrize("code", GAMES)
@settings(max_examples=40)
@given(data=st.data())
def test_the_lane_tallies_as_check_many(code: str, data: st.DataObject) -> None:
    draw = data.draw(lst.draws(game=code))
    lines = data.draw(_lines(code))
    keep = data.draw(st.sampled_from([0, 2, 1000]))
    expected = lottery.check_many(lines, [draw], keep_winners=keep, keep_rejected=keep)
    seen: list[lottery.Rejected] = []
    got = vector.check_lines(
        lines, draw, keep_winners=keep, keep_rejected=keep, on_rejected=seen.append
    )
    assert got == expected
    assert tuple(seen[: len(expected.rejected)]) == expected.rejected
    assert len(seen) == expected.rejected_count
    assert [r.where for r in seen] == sorted(r.where for r in seen)


@pytest.mark.parametrize("code", GAMES)
@settings(max_examples=20)
@given(data=st.data())
def test_the_lane_takes_every_canonical_single_bet(code: str, data: st.DataObject) -> None:
    """Fails if the lane is switched off or skips a game, an edition or a spelling."""
    draw = data.draw(lst.draws(game=code))
    tickets = data.draw(st.lists(lst.tickets(game=code, form="单式"), min_size=1, max_size=20))
    lines = [  # those written for the draw's rules: the others are rejected, rightly
        str(t) for t in tickets if not t.addon and t.edition in (None, draw.edition.name)
    ]
    exact: list[int] = []
    with pytest.MonkeyPatch.context() as patch:
        real = vector.one_line
        patch.setattr(
            vector,
            "one_line",
            lambda one, where, line: (exact.append(where), real(one, where, line)),
        )
        tally = vector.check_lines(lines, draw)
    assert tally == lottery.check_many(lines, [draw])
    assert exact == []  # 快乐8's 选N too: read as numbers


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("block", [16, 64, 1 << 20])
def test_files_read_as_text_does(
    tmp_path: pathlib.Path, encoding: str, newline: str, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vector, "BLOCK", block)
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    lines = [
        "02 05 07 08 20 33 + 04 x5",
        "# 注释：我的号码",
        "",
        "01 02 03 04 05 06 + 04",
        "红球 02 05 07 08 20 27 蓝球 04",
        "02 05 07 08 20 20 + 04",
        "01 02 03 04 05 06 07 + 04 x2",
        "０２ ０５ ０７ ０８ ２０ ２７ ＋ ０４",
        "02 05 07 08 20 27 + 04",
    ] * 3
    path = tmp_path / "tickets.txt"
    text = newline.join(lines)  # no newline at the end
    path.write_bytes(text.encode(encoding))
    with lottery._io.open_text(str(path)) as handle:
        expected = lottery.check_many(handle, [draw])
    progress: list[int] = []
    got = vector.check_file(str(path), draw, on_progress=progress.append)
    assert got == expected
    assert (got.tickets, got.rejected_count) == (18, 3)
    if encoding != "utf-16":
        assert progress[-1] == path.stat().st_size


def test_mixed_line_ends_and_bad_bytes(tmp_path: pathlib.Path) -> None:
    draw = lottery.parse_draw("pl3", "161", issue="19048")
    data = b"161\r\n162\n\xff\xfe161\r163 x2\n\n161"
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    with lottery._io.open_text(str(path)) as handle:
        expected = lottery.check_many(handle, [draw])
    assert vector.check_file(str(path), draw) == expected


@pytest.mark.parametrize("code", GAMES)
@settings(max_examples=25)
@given(data=st.data())
def test_columns_tally_as_their_texts(code: str, data: st.DataObject) -> None:
    draw = data.draw(lst.draws(game=code))
    lane = vector._rows.lane(draw)
    if lane is None:
        with pytest.raises(lottery.LotteryError):
            vector.check_columns([[1]], draw)
        return
    width = len(lane.low)
    low, high = min(lane.low), max(lane.high)
    rows = data.draw(
        st.lists(
            st.lists(st.integers(low - 1, high + 1), min_size=width, max_size=width), max_size=20
        )
    )
    times = data.draw(st.lists(st.integers(0, 100), min_size=len(rows), max_size=len(rows)))
    array = np.array(rows, dtype=np.int16).reshape(len(rows), width)
    got = vector.check_columns(array, draw, multiples=np.array(times, dtype=np.int64), first_line=5)
    texts = [vector._rows.row_text(lane, row, t) for row, t in zip(rows, times, strict=True)]
    expected = lottery.check_many(texts, [draw], first_line=5)
    assert (got.tickets, got.bets, dict(got.wins), got.total, got.rejected) == (
        expected.tickets,
        expected.bets,
        dict(expected.wins),
        expected.total,
        expected.rejected,
    )
    assert [(w.where, w.wins, w.total) for w in got.winners] == [
        (w.where, w.wins, w.total) for w in expected.winners
    ]


def test_columns_refuse_what_is_not_a_table() -> None:
    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    with pytest.raises(lottery.InvalidCount, match="rows of 7 numbers"):
        vector.check_columns(np.zeros((3, 6), dtype=int), draw)
    with pytest.raises(lottery.InvalidCount, match="integers"):
        vector.check_columns(np.zeros((3, 7)), draw)
    with pytest.raises(lottery.InvalidCount, match="multiples"):
        vector.check_columns(np.ones((3, 7), dtype=int), draw, multiples=[1, 2])
    assert vector.available()


@pytest.mark.parametrize("code", ["pl3", "3d"])
def test_other_plays_are_read_once_per_digits(code: str) -> None:
    """组选3 116, 组选6 236 x2, 直选和值 13: scored by their digits; fails if the lane skips them."""
    draw = lottery.parse_draw(code, "161", issue="2019048" if code == "3d" else "19048")
    plays = [p.name for p in draw.game.plays[1:]]
    lines = [f"{p} {d}" for p in plays for d in ("116", "611", "236 x2", "13", "7", "1")] * 20
    exact: list[int] = []
    learnt: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        real_line, real_learn = vector.one_line, lottery.batch._Outcomes.learn
        patch.setattr(
            vector,
            "one_line",
            lambda one, where, line: (exact.append(where), real_line(one, where, line)),
        )
        patch.setattr(
            lottery.batch._Outcomes,
            "learn",
            lambda self, text: (learnt.append(text), real_learn(self, text))[1],
        )
        got = vector.check_lines(lines, draw, keep_winners=3, keep_rejected=10**6)
    assert got == lottery.check_many(lines, [draw], keep_winners=3, keep_rejected=10**6)
    assert got.tickets > 0
    assert exact == [
        r.where for r in got.rejected
    ]  # only the invalid ones (组选3 13 …)  # each play's digits read once


def _cli(
    args: list[str], *, hide_numpy: bool, env: dict[str, str] | None = None
) -> tuple[int, str]:
    import os
    import subprocess
    import sys

    code = (
        "import sys, importlib.abc\n"
        "class Hide(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'numpy' or name.startswith('numpy.'):\n"
        "            raise ModuleNotFoundError(name=name)\n"
        f"if {hide_numpy!r}:\n"
        "    sys.meta_path.insert(0, Hide())\n"
        "from lottery.cli import main\n"
        f"code = main({args!r})\n"
        "print('numpy loaded' if 'numpy' in sys.modules else 'no numpy', file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    return done.returncode, done.stdout + done.stderr


def test_the_command_line_gives_one_answer_with_or_without_numpy(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "tickets.txt"
    lines = ["02 05 07 08 20 33 + 04 x5", "01 02 03 04 05 06 + 16", "02 05 07 08 20 20 + 04"]
    lines += ["01 02 03 04 05 06 07 + 04", "组选3 116"] * 50
    path.write_text("\n".join(lines * 40) + "\n", encoding="gb18030")
    args = ["check", "ssq", "--issue", "2019021", "--draw", "02 05 07 08 20 27 + 04"]
    args += ["--tickets", str(path), "--json", "--workers", "1"]
    with_numpy = _cli(args, hide_numpy=False)
    without = _cli(args, hide_numpy=True)
    switched_off = _cli(args, hide_numpy=False, env={"LOTTERY_VECTOR": "0"})
    assert with_numpy[0] == without[0] == switched_off[0] == 1  # lines were rejected
    assert "numpy loaded" in with_numpy[1]
    assert "no numpy" in without[1]
    assert "no numpy" in switched_off[1]
    strip = lambda out: out.rsplit("\n", 2)[0]  # noqa: E731 - the report without the probe
    assert strip(with_numpy[1]) == strip(without[1]) == strip(switched_off[1])
