"""The store: one SQLite file, versioned, that keeps draws with their provenance and never overwrites."""

from __future__ import annotations

import io
import json
import multiprocessing
import pathlib
import sqlite3

import pytest
from replay import records as feed_records

import lottery
from lottery import store
from lottery.exceptions import UnreadableInput
from lottery.feeds import read_json
from lottery.inputs import read_stream
from lottery.records import Record
from lottery.validate import read_file

SSQ = feed_records("cwl_ssq.json")


def _records(items: list[dict[str, object]], source: str = "feed") -> list[Record]:
    return read_json(json.dumps(items, ensure_ascii=False), source=source)


def _response(body: bytes = b"{}", url: str = "https://example.test/page") -> store.Response:
    return store.Response(url, body, 200, "application/json")


def test_a_new_store_has_the_schema_version_and_a_wal_journal(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "sub" / "draws.sqlite"
    with store.open(path) as kept:
        assert kept.count() == 0
        assert kept.draws("ssq") == ()
        assert kept.check() == ()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"draws", "prizes", "responses", "log"} <= tables
    db.close()
    assert store.is_store(path)


def test_an_empty_file_is_migrated_from_version_0(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "old.sqlite"
    sqlite3.connect(path).close()  # a version-0 store: no tables yet
    with store.open(path) as kept:
        kept.save(_records(SSQ[:2]), _response())
        assert kept.count("ssq") == 2


def test_a_newer_schema_and_a_file_that_is_not_sqlite_are_refused(tmp_path: pathlib.Path) -> None:
    newer = tmp_path / "newer.sqlite"
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(UnreadableInput, match="schema version") as caught:
        store.open(newer)
    assert isinstance(caught.value, lottery.LotteryError)
    assert isinstance(caught.value, ValueError)
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="not an SQLite file"):
        store.open(text)
    with pytest.raises(FileNotFoundError):
        store.open(tmp_path / "missing.sqlite", create=False)


def test_the_default_path_follows_xdg(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert store.default_path() == tmp_path / "lottery" / "draws.sqlite"
    with store.open() as kept:
        assert kept.path == tmp_path / "lottery" / "draws.sqlite"


def test_saved_draws_come_back_with_prizes_winners_and_provenance(tmp_path: pathlib.Path) -> None:
    item = json.loads(
        (pathlib.Path(__file__).parent / "fixtures" / "cwl_ssq_2025063.json").read_text(
            encoding="utf-8"
        )
    )
    records = _records([item])
    body = json.dumps({"result": [item]}, ensure_ascii=False).encode()
    with store.open(tmp_path / "s.sqlite") as kept:
        saved = kept.save(records, _response(body))
        assert saved.new == ("2025063",)
        draw = kept.get("ssq", "2025063")
        assert draw == records[0].draw
        assert draw is not None
        assert draw.prize("一等奖") == 7110664
        (stored,) = kept.records("ssq")
        assert dict(stored.winners)["一等奖"] == 12
        where = kept.provenance("ssq", "2025063")
        assert where is not None
        assert where["source"] == "https://example.test/page"
        raw = kept.response(where["sha256"])
        assert raw is not None
        assert raw.body == body  # the raw response, byte for byte
        rows = kept._db.execute(
            "SELECT tier, winners, amount FROM prizes ORDER BY rowid"
        ).fetchall()
        assert tuple(rows[0]) == ("一等奖", 12, "7110664")


def test_the_same_draw_again_changes_nothing(tmp_path: pathlib.Path) -> None:
    with store.open(tmp_path / "s.sqlite") as kept:
        first = kept.save(_records(SSQ[:5]), _response(b"a"))
        again = kept.save(_records(SSQ[:5]), _response(b"b"))
        assert len(first.new) == 5
        assert again.new == ()
        assert len(again.unchanged) == 5
        assert kept.provenance("ssq", SSQ[0]["code"])["sha256"] == _response(b"a").sha256  # type: ignore[index]


def test_a_different_draw_is_a_conflict_and_is_not_overwritten(tmp_path: pathlib.Path) -> None:
    changed = dict(SSQ[0], blue="15")
    with store.open(tmp_path / "s.sqlite") as kept:
        kept.save(_records(SSQ[:3]), _response(b"a", "https://one.test"))
        saved = kept.save(_records([changed]), _response(b"b", "https://two.test"))
        (conflict,) = saved.conflicts
        assert conflict.differences() == ("numbers",)
        assert conflict.stored["numbers"][-1] == 16
        assert conflict.fetched["numbers"][-1] == 15
        assert (conflict.stored_url, conflict.fetched_url) == (
            "https://one.test",
            "https://two.test",
        )
        assert not conflict.replaced
        assert kept.get("ssq", SSQ[0]["code"]).numbers[-1] == 16  # type: ignore[union-attr]
        assert kept.log() == ()


def test_accept_source_replaces_and_logs(tmp_path: pathlib.Path) -> None:
    changed = dict(SSQ[0], blue="15")
    with store.open(tmp_path / "s.sqlite") as kept:
        kept.save(_records(SSQ[:3]), _response(b"a"))
        saved = kept.save(
            _records([changed]), _response(b"b", "https://two.test"), accept_source=True
        )
        assert saved.conflicts[0].replaced
        assert kept.get("ssq", SSQ[0]["code"]).numbers[-1] == 15  # type: ignore[union-attr]
        (entry,) = kept.log()
        assert entry["action"] == "replaced"
        assert entry["issue"] == SSQ[0]["code"]
        assert json.loads(entry["old"])["numbers"][-1] == 16
        assert entry["source_url"] == "https://two.test"
        assert kept.check() == ()


def test_draws_since_and_newest(tmp_path: pathlib.Path) -> None:
    with store.open(tmp_path / "s.sqlite") as kept:
        kept.save(_records(SSQ[:20]), _response())
        issues = [d.issue for d in kept.draws("ssq")]
        assert issues == sorted(issues)
        assert len(issues) == 20
        assert [d.issue for d in kept.draws("双色球", since=issues[-3])] == issues[-3:]
        assert kept.newest("ssq").issue == SSQ[0]["code"]  # type: ignore[union-attr]
        assert kept.get("ssq", "2012001") is None
        assert kept.newest("3d") is None
        assert kept.games() == ("ssq",)


def test_a_rejected_record_is_never_saved(tmp_path: pathlib.Path) -> None:
    bad = _records([dict(SSQ[0], red="01,02,03")])
    assert bad[0].draw is None
    with store.open(tmp_path / "s.sqlite") as kept:
        assert kept.save(bad, _response()).new == ()
        with pytest.raises(ValueError, match="rejected"):
            store.facts(bad[0])


def test_validate_and_history_read_a_store(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "s.sqlite"
    with store.open(path) as kept:
        kept.save(_records(SSQ[:10]), _response())
    records = read_file(str(path))
    assert [r.draw.issue for r in records if r.draw] == sorted(r["code"] for r in SSQ[:10])  # type: ignore[misc]
    assert all(r.source == str(path) for r in records)
    assert read_file(str(path), game="3d") == []


def test_a_store_on_a_pipe_is_named(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "s.sqlite"
    with store.open(path) as kept:
        kept.save(_records(SSQ[:1]), _response())
    (record,) = read_stream(io.BytesIO(path.read_bytes()), source="-")
    assert record.draw is None
    assert record.kind == "unreadable"
    assert "SQLite store" in (record.error or "")


def _save_in_process(path: str, start: int, body: bytes) -> None:
    items = SSQ[start : start + 60]
    with store.open(path) as kept:
        for i in range(0, 60, 10):
            kept.save(_records(items[i : i + 10]), _response(body + bytes([i])))


def test_two_processes_write_at_once(tmp_path: pathlib.Path) -> None:
    path = str(tmp_path / "s.sqlite")
    store.open(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_save_in_process, args=(path, start, body))
        for start, body in ((0, b"one"), (30, b"two"))
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    with store.open(path) as kept:
        assert kept.count("ssq") == 90
        assert kept.check() == ()
        assert kept.responses() == 12


def test_the_store_and_the_sync_module_need_no_http_client() -> None:
    import subprocess
    import sys

    code = (
        "import sys, lottery, lottery.store, lottery.sync, lottery.cli_sync;"
        " print('httpx' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"
