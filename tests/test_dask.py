"""On a real Dask cluster (two worker processes on this machine) the tally is one process's."""

from __future__ import annotations

import json
import pathlib
import random
from collections.abc import Iterator
from typing import Any

import pytest

import lottery

distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pytest.importorskip("numpy")
import lottery.dask  # noqa: E402 - after the extra's check
from lottery import columnar, partitions  # noqa: E402
from lottery.cli import main  # noqa: E402

_DRAW = "02 05 07 08 20 27 + 04"


def test_without_a_client_it_says_so(tmp_path: pathlib.Path) -> None:
    """(Runs first: the module's cluster, once started, is every later test's current client.)"""
    (tmp_path / "t.txt").write_text(_DRAW + "\n", encoding="utf-8")
    draw = lottery.parse_draw("ssq", _DRAW, issue="2019021")
    with pytest.raises(lottery.LotteryError, match="needs a Dask client"):
        lottery.dask.check(str(tmp_path / "t.txt"), [draw])
    with pytest.raises(FileNotFoundError):
        lottery.dask.check(str(tmp_path / "missing-*.txt"), [draw])


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = lottery.dask.local_cluster(2)
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


def _lines(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        reds = sorted(rng.sample(range(1, 34), 6))
        line = " ".join(f"{r:02d}" for r in reds) + f" + {rng.randint(1, 16):02d}"
        if i % 97 == 0:
            line = "01 02 05 07 08 20 27 + 04 16"  # 复式: the exact path
        elif i % 101 == 0:
            line = "02 05 07 08 20 27 34 + 04"  # rejected
        elif i % 7 == 0:
            line += f" x{rng.randint(2, 5)}"
        out.append(line)
    return out


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, list[list[str]]]:
    folder = tmp_path_factory.mktemp("sold")
    texts = [_lines(30_000, seed) for seed in range(3)]
    for i, lines in enumerate(texts):
        (folder / f"part-{i}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    columnar.convert(str(folder / "part-2.txt"), str(folder / "part-2.parquet"), game="ssq",
                     row_group=5000)  # fmt: skip
    (folder / "part-2.txt").unlink()
    return folder, texts


def test_the_cluster_tallies_as_one_process(
    client: Any, files: tuple[pathlib.Path, list[list[str]]]
) -> None:
    folder, texts = files
    draw = lottery.parse_draw("ssq", _DRAW, issue="2019021")
    pattern = str(folder / "part-*")
    on_cluster = lottery.dask.check(pattern, [draw], client=client, part_size=200_000,
                                    part_rows=10_000)  # fmt: skip
    assert len(partitions.split(partitions.expand(pattern), size=200_000, rows=10_000)) > 4
    assert on_cluster == partitions.check(pattern, [draw])
    paths = partitions.expand(pattern)
    expected = lottery.Tally.empty(1)
    for path, lines in zip(paths, texts, strict=True):
        expected += lottery.check_many(lines, [draw]).moved(source=path)
    assert on_cluster == expected
    assert on_cluster.rejected_count == sum(1 for t in texts for line in t if "34 +" in line)


def test_several_draws_on_the_cluster(
    client: Any, files: tuple[pathlib.Path, list[list[str]]]
) -> None:
    folder, _ = files
    draws = [
        lottery.parse_draw("ssq", _DRAW, issue="2019021"),
        lottery.parse_draw("ssq", "01 02 03 04 05 06 + 07", issue="2019022"),
    ]
    pattern = str(folder / "part-*")
    assert lottery.dask.check(pattern, draws, client=client, part_size=300_000) == (
        partitions.check(pattern, draws)
    )


def test_audit_on_the_cluster(
    client: Any,
    files: tuple[pathlib.Path, list[list[str]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, _ = files
    draw = lottery.parse_draw("ssq", _DRAW, issue="2019021")
    tally = partitions.check(str(folder / "part-*"), [draw])
    grades = [{"type": i + 1, "typenum": str(tally.wins.get(t, 0))}
              for i, t in enumerate(("一等奖", "二等奖", "三等奖", "四等奖", "五等奖", "六等奖"))]  # fmt: skip
    feed = folder / "feed.json"
    record = {"name": "ssq", "code": "2019021", "red": "02,05,07,08,20,27", "blue": "04",
              "prizegrades": grades}  # fmt: skip
    feed.write_text(json.dumps({"result": [record]}), encoding="utf-8")
    argv = ["audit", "ssq", "--issue", "2019021", "--announcement", str(feed),
            "--tickets", str(folder / "part-*"), "--json", "--dask", client.scheduler.address]  # fmt: skip
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agrees"] is True
    assert data["tickets"]["wins"] == dict(tally.wins)
