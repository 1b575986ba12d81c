"""``lottery sync``, ``export``, ``check --latest`` and a store as an input, on the command line."""

from __future__ import annotations

import io
import json
import os
import pathlib
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout

import attrs
import jsonschema
import pytest
import replay
from referencing import Registry, Resource
from replay import CWL_API, FORBIDDEN, Recorded, Replay

from lottery import store
from lottery.cli import main
from lottery.validate import read_file

httpx = pytest.importorskip("httpx", reason="the sync extra: pip install -e '.[test,sync]'")
ROOT = pathlib.Path(__file__).parent.parent
SSQ = replay.records("cwl_ssq.json")


def _serve_everything(server: Replay, ssq: list[dict[str, object]] | None = None) -> None:
    replay.cwl(server, "ssq", SSQ if ssq is None else ssq, "ssq")
    replay.cwl(server, "fc3d", replay.records("cwl_3d.json"), "3d")
    replay.sporttery(server, replay.records("sporttery_pl3.json"), "35")
    replay.sporttery(server, replay.records("sporttery_pl5.json"), "350133")
    replay.sporttery(server, replay.records("sporttery_qxc.json"), "04")
    replay.sporttery(server, replay.records("sporttery_dlt.json"), "85")
    replay.cwl(server, "qlc", [], "qlc")  # no 七乐彩 records in the fixtures: an empty history
    replay.cwl(server, "kl8", [], "kl8")  # nor 快乐8 records


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _sync(path: pathlib.Path, *args: str) -> tuple[int, str, str]:
    return _run("sync", *args, "--store", str(path), "--pace", "0", "--backoff", "0")


def _schema(data: object) -> None:
    schemas = ROOT / "docs" / "schema"
    registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s))
        for s in (json.loads(p.read_text(encoding="utf-8")) for p in schemas.glob("*.json"))
    )
    schema = json.loads((schemas / "sync.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, registry=registry).validate(data)


def test_sync_every_game_with_a_feed(server: Replay, tmp_path: pathlib.Path) -> None:
    _serve_everything(server)
    path = tmp_path / "draws.sqlite"
    code, out, err = _sync(path, "--json")
    assert code == 0, err
    data = json.loads(out)
    _schema(data)
    assert set(data["games"]) == {"qxc", "pl3", "pl5", "ssq", "3d", "dlt", "qlc", "kl8"}
    assert (data["games"]["qlc"]["status"], data["games"]["qlc"]["fetched"]) == ("ok", 0)
    assert data["games"]["dlt"]["newest"] == "21102"
    assert data["games"]["ssq"]["new"] == 250
    assert data["games"]["pl3"]["newest"] == "26150"
    assert all(g["status"] == "ok" for g in data["games"].values())
    code, out, _ = _sync(path, "ssq")
    assert code == 0
    assert "双色球 (ssq): fetched 100, new 0, unchanged 100, conflicts 0, rejected 0" in out
    assert f"newest {SSQ[0]['code']} [ok]" in out


def test_conflicts_and_rejections_exit_1(server: Replay, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "draws.sqlite"
    _serve_everything(server, SSQ[:100])
    assert _sync(path, "ssq")[0] == 0
    changed = dict(SSQ[1], sales="373881723")
    broken = dict(SSQ[2], red="02,19,21")
    replay.cwl(server, "ssq", [SSQ[0], changed, broken, *SSQ[3:100]], "ssq")
    code, out, _ = _sync(path, "ssq")
    assert code == 1
    assert f"conflict ssq {SSQ[1]['code']}: sales differ" in out
    assert "kept the stored one" in out
    assert "rejected " in out
    code, out, _ = _sync(path, "ssq", "--json")
    data = json.loads(out)
    _schema(data)
    (conflict,) = data["games"]["ssq"]["conflicts"]
    assert conflict["fetched"]["sales"] == conflict["stored"]["sales"] + 1
    assert data["games"]["ssq"]["rejected"][0]["kind"] == "count"
    code, out, _ = _sync(path, "ssq", "--accept-source")
    assert code == 1  # still reported, and now replaced
    assert "replaced (--accept-source; logged)" in out
    with store.open(path) as kept:
        assert len(kept.log()) == 1


def test_a_blocked_source_exits_1_and_says_blocked(server: Replay, tmp_path: pathlib.Path) -> None:
    _serve_everything(server)
    server.route(CWL_API, FORBIDDEN, name="ssq")
    code, out, _ = _sync(tmp_path / "s.sqlite", "ssq", "pl3")
    assert code == 1
    assert "双色球 (ssq): BLOCKED: " in out
    assert "[blocked]" in out
    assert "排列3 (pl3): fetched 60, new 60" in out


def test_nothing_answering_exits_2(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOTTERY_SPORTTERY_URL", "http://127.0.0.1:9")
    code, out, _ = _sync(tmp_path / "s.sqlite", "pl3", "--json")
    assert code == 2
    assert json.loads(out)["games"]["pl3"]["status"] == "unreachable"


def test_usage_errors(tmp_path: pathlib.Path) -> None:
    code, _, err = _sync(tmp_path / "s.sqlite", "15x5")
    assert code == 2
    assert "15选5 (15x5) has no national results feed" in err
    code, _, err = _sync(tmp_path / "s.sqlite", "ssq", "--since", "12")
    assert code == 2
    assert "--since 12" in err
    code, _, err = _sync(tmp_path / "s.sqlite", "ssq", "--since", "2026001", "--full")
    assert code == 2
    with pytest.raises(SystemExit):
        _run("sync", "--pace", "-1")
    code, _, err = _run("export", "ssq", "--store", str(tmp_path / "missing.sqlite"))
    assert code == 2
    assert "no store at" in err


def test_without_the_sync_extra_says_which_to_install(tmp_path: pathlib.Path) -> None:
    code = (
        "import sys, importlib.abc\n"
        "class Hide(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'httpx' or name.startswith('httpx.'):\n"
        "            raise ModuleNotFoundError(name=name)\n"
        "sys.meta_path.insert(0, Hide())\n"
        "from lottery.cli import main\n"
        f"sys.exit(main(['sync', 'ssq', '--store', {str(tmp_path / 's.sqlite')!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 2
    assert "pip install 'lottery[sync]'" in done.stderr


def test_the_store_as_an_input(server: Replay, tmp_path: pathlib.Path) -> None:
    _serve_everything(server)
    path = tmp_path / "draws.sqlite"
    _sync(path)
    code, out, err = _run(
        "check", "ssq", "--latest", "--store", str(path), "04 06 14 21 22 33 + 16"
    )
    assert code == 0, err
    assert "一等奖" in out
    assert f"newest stored 双色球 draw: {SSQ[0]['code']} of 2026-08-18" in err
    code, out, _ = _run("check", "ssq", "--history", str(path), "04 06 14 21 22 33 + 16", "--json")
    assert code == 0
    assert json.loads(out)["draws"] == 250
    code, out, _ = _run("validate", str(path), "--json")
    data = json.loads(out)
    assert data["records"] == 250 + 120 + 60 + 60 + 244 + 1
    code, _, err = _run("check", "3d", "--latest", "--store", str(tmp_path / "new.sqlite"), "123")
    assert code == 2
    code, _, err = _run("check", "ssq", "--latest", "--issue", "2026001", "01 02 03 04 05 06 + 01")
    assert code == 2
    assert "--latest replaces" in err


def test_an_empty_store_has_no_latest(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "draws.sqlite"
    store.open(path).close()
    code, _, err = _run("check", "ssq", "--latest", "--store", str(path), "01 02 03 04 05 06 + 01")
    assert code == 2
    assert "run `lottery sync ssq`" in err


@pytest.mark.parametrize("form", ["csv", "json"])
def test_export_reads_back_to_the_same_draws(
    server: Replay, tmp_path: pathlib.Path, form: str
) -> None:
    _serve_everything(server)
    path = tmp_path / "draws.sqlite"
    _sync(path)
    for game in ("ssq", "3d", "pl3", "pl5", "qxc", "dlt"):
        code, out, _ = _run("export", game, "--store", str(path), "--format", form)
        assert code == 0
        exported = tmp_path / f"export.{form}"
        exported.write_text(out, encoding="utf-8")
        back = read_file(str(exported))
        assert all(r.draw is not None for r in back), [r.error for r in back if r.error][:3]
        with store.open(path) as kept:
            assert tuple(r.draw for r in back) == kept.draws(game)
            assert [r.winners for r in back] == [r.winners for r in kept.records(game)]
        code, _, _ = _run("validate", str(exported))
        assert code == 0


def _env(server: Replay) -> dict[str, str]:
    return dict(
        os.environ,
        LOTTERY_CWL_URL=server.url,
        LOTTERY_SPORTTERY_URL=server.url,
        PYTHONPATH=str(ROOT),
    )


def _count(path: pathlib.Path) -> int:
    try:
        db = sqlite3.connect(path, timeout=5)
        try:
            return int(db.execute("SELECT count(*) FROM draws").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def test_a_sync_killed_half_way_leaves_a_consistent_store_and_the_next_one_finishes(
    server: Replay, tmp_path: pathlib.Path
) -> None:
    pages = replay.cwl_pages(SSQ)

    def slow_third(query: dict[str, str], headers: dict[str, str]) -> Recorded:
        answer = pages(query, headers)
        return attrs.evolve(answer, delay=30.0) if query.get("pageNo") == "3" else answer

    replay.cwl(server, "ssq", SSQ, "ssq")
    route = server.route(CWL_API, slow_third, name="ssq")
    path = tmp_path / "draws.sqlite"
    command = [sys.executable, "-m", "lottery", "sync", "ssq", "--store", str(path), "--pace", "0"]
    proc = subprocess.Popen(
        command, env=_env(server), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while _count(path) < 200 and time.monotonic() < deadline:
            time.sleep(0.05)
        while route.hits < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.communicate(timeout=30)
    assert _count(path) == 200
    with store.open(path) as kept:
        assert kept.check() == ()
        assert not kept.complete("ssq")
    route.answers[0] = pages  # the source answers at once again
    code, out, err = _sync(path, "ssq")
    assert code == 0, out + err
    with store.open(path) as kept:
        assert kept.count("ssq") == 250  # the walk went on past the draws already kept
        assert kept.complete("ssq")
        assert kept.check() == ()


def test_two_syncs_at_once(server: Replay, tmp_path: pathlib.Path) -> None:
    _serve_everything(server)
    path = tmp_path / "draws.sqlite"
    command = [sys.executable, "-m", "lottery", "sync", "--store", str(path), "--pace", "0"]
    procs = [
        subprocess.Popen(command, env=_env(server), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outs = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outs
    with store.open(path) as kept:
        assert kept.count() == 250 + 120 + 60 + 60 + 244 + 1
        assert kept.check() == ()


def test_a_progress_count_on_a_terminal(
    server: Replay, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lottery import cli_common, cli_sync

    class Started(cli_common.Progress):
        """A bar whose run began two seconds ago, so it shows at once."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self.start -= 2

    monkeypatch.setattr(cli_sync, "Progress", Started)
    monkeypatch.setattr(cli_sync, "show_progress", lambda *, json, quiet: not json and not quiet)
    _serve_everything(server)
    code, _, err = _sync(tmp_path / "s.sqlite", "ssq")
    assert code == 0
    assert "1 ssq pages" in err  # then at most ten redraws a second
    code, _, err = _sync(tmp_path / "t.sqlite", "ssq", "--quiet")
    assert err == ""
