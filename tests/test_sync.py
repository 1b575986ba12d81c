"""lottery.sync against a real local HTTP server replaying the operators' recorded responses."""

from __future__ import annotations

import json
import pathlib
from collections.abc import Iterator

import pytest
import replay
from replay import CHALLENGE, CWL_API, FORBIDDEN, SPORTTERY_API, Recorded, Replay

from lottery import store, sync

httpx = pytest.importorskip("httpx", reason="the sync extra: pip install -e '.[test,sync]'")
SSQ = replay.records("cwl_ssq.json")
PL3 = replay.records("sporttery_pl3.json")


@pytest.fixture
def kept(tmp_path: pathlib.Path) -> Iterator[store.Store]:
    with store.open(tmp_path / "draws.sqlite") as opened:
        yield opened


class Sleeps:
    """A sleep that only records how long it was asked to wait."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def _run(game: str, kept: store.Store, **options: object) -> sync.GameSync:
    options.setdefault("pace", 0)
    options.setdefault("backoff", 0)
    return sync.sync_game(game, kept, **options)  # type: ignore[arg-type]


def test_the_first_sync_warms_up_then_pages_the_whole_history(
    server: Replay, kept: store.Store
) -> None:
    replay.cwl(server, "ssq", SSQ, "ssq")
    result = _run("ssq", kept)
    assert (result.status, result.fetched, result.new, result.pages) == ("ok", 250, 250, 3)
    assert result.newest == SSQ[0]["code"]
    assert result.clean
    first, redirected, *api = server.requests
    assert first["path"] == redirected["path"] == "/ygkj/wqkjgg/ssq/"
    assert "HMF_CI=" in redirected["headers"].get("Cookie", "")
    assert [r["query"]["pageNo"] for r in api] == ["1", "2", "3"]
    for request in api:
        assert request["path"] == CWL_API
        assert request["query"]["name"] == "ssq"
        assert request["query"]["pageSize"] == "100"
        assert request["query"]["systemType"] == "PC"
        assert request["headers"]["Referer"].endswith("/ygkj/wqkjgg/ssq/")
        assert "HMF_CI=" in request["headers"]["Cookie"]
    assert kept.count("ssq") == 250
    assert kept.responses() == 3
    assert kept.check() == ()


def test_3d_warms_up_on_its_own_page(server: Replay, kept: store.Store) -> None:
    replay.cwl(server, "fc3d", replay.records("cwl_3d.json"), "3d")
    result = _run("3d", kept)
    assert (result.status, result.new) == ("ok", 120)
    assert server.requests[0]["path"] == "/ygkj/wqkjgg/fc3d/"


def test_the_sports_lottery_feed(server: Replay, kept: store.Store) -> None:
    replay.sporttery(server, PL3, "35")
    result = _run("pl3", kept, page_size=25)
    assert (result.status, result.new, result.pages, result.newest) == ("ok", 60, 3, "26150")
    for request in server.api_requests():
        assert request["path"] == SPORTTERY_API
        assert request["query"]["gameNo"] == "35"
        assert request["query"]["provinceId"] == "0"
        assert request["query"]["isVerify"] == "1"
        assert request["headers"]["Referer"] == "https://www.lottery.gov.cn/"
    draw = kept.get("pl3", "26150")
    assert draw is not None
    assert draw.numbers == (3, 4, 0)
    (record,) = [r for r in kept.records("pl3") if r.issue == "26150"]
    assert record.extras  # the feed's unsorted 排列5 draw is kept with it


def test_a_second_sync_stops_at_the_draws_already_kept(server: Replay, kept: store.Store) -> None:
    replay.cwl(server, "ssq", SSQ[5:], "ssq")
    assert _run("ssq", kept).new == 245
    replay.cwl(server, "ssq", SSQ, "ssq")  # five new draws published
    before = len(server.api_requests())
    result = _run("ssq", kept)
    assert (result.new, result.unchanged, result.newest) == (5, 95, SSQ[0]["code"])
    assert len(server.api_requests()) - before == 1  # one page was enough
    assert kept.count("ssq") == 250


def test_since_and_full_widen_the_window(server: Replay, kept: store.Store) -> None:
    replay.cwl(server, "ssq", SSQ, "ssq")
    result = _run("ssq", kept, since=SSQ[149]["code"])
    assert (result.new, result.pages) == (150, 2)
    assert kept.count("ssq") == 150
    full = _run("ssq", kept, full=True)
    assert (full.new, full.unchanged, full.pages) == (100, 150, 3)


def test_a_changed_record_is_a_conflict_with_both_versions(
    server: Replay, kept: store.Store
) -> None:
    replay.cwl(server, "ssq", SSQ[:100], "ssq")
    _run("ssq", kept)
    changed = [dict(SSQ[0], red="01,19,21,22,28,30"), *SSQ[1:100]]
    replay.cwl(server, "ssq", changed, "ssq")
    result = _run("ssq", kept)
    (conflict,) = result.conflicts
    assert conflict.issue == SSQ[0]["code"]
    assert conflict.differences() == ("numbers",)
    assert conflict.fetched["numbers"][0] == 1
    assert not result.clean
    stored = kept.get("ssq", SSQ[0]["code"])
    assert stored is not None
    assert stored.numbers[0] == 4  # never overwritten
    replaced = _run("ssq", kept, accept_source=True)
    assert replaced.conflicts[0].replaced
    assert kept.get("ssq", SSQ[0]["code"]).numbers[0] == 1  # type: ignore[union-attr]
    assert len(kept.log()) == 1


def test_a_record_that_fails_validation_is_reported_and_not_kept(
    server: Replay, kept: store.Store
) -> None:
    bad = dict(SSQ[2], red="02,19,21,22,28,34")  # 34 is out of range
    wrong_day = dict(SSQ[3], date="2026-08-12(三)")  # 双色球 does not draw on a Wednesday
    replay.cwl(server, "ssq", [SSQ[0], SSQ[1], bad, wrong_day, *SSQ[4:50]], "ssq")
    result = _run("ssq", kept)
    assert result.new == 48
    reasons = {r["where"] if "where" in r else r["index"]: r["reason"] for r in result.rejected}
    assert len(result.rejected) == 2, reasons
    assert any("34" in reason for reason in reasons.values())
    assert kept.get("ssq", SSQ[2]["code"]) is None
    assert kept.get("ssq", SSQ[3]["code"]) is None
    assert not result.clean


def test_a_record_of_another_game_is_rejected(server: Replay, kept: store.Store) -> None:
    fc3d = replay.records("cwl_3d.json")[:1]
    replay.cwl(server, "ssq", [*SSQ[:3], *fc3d], "ssq")
    result = _run("ssq", kept)
    assert result.new == 3
    assert [r["kind"] for r in result.rejected] == ["mismatch"]


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (FORBIDDEN, "HTTP 403"),
        (CHALLENGE, "HTML page"),
        (Recorded(302, (("Location", "/loop"),)), "redirect"),
    ],
)
def test_a_blocked_source_is_reported_as_blocked(
    server: Replay, kept: store.Store, answer: Recorded, reason: str
) -> None:
    replay.cwl(server, "ssq", SSQ, "ssq")
    server.route(CWL_API, answer)
    server.route("/loop", Recorded(302, (("Location", "/loop"),)))
    result = _run("ssq", kept)
    assert result.status == "blocked"
    assert reason in result.message
    assert (result.fetched, result.new) == (0, 0)
    assert kept.count() == 0


def test_a_blocked_warm_up_is_blocked(server: Replay, kept: store.Store) -> None:
    server.route("/ygkj/wqkjgg/ssq/", FORBIDDEN)
    result = _run("ssq", kept)
    assert result.status == "blocked"
    assert server.api_requests() == []


def test_a_blocked_sports_lottery_is_blocked(server: Replay, kept: store.Store) -> None:
    server.route(SPORTTERY_API, FORBIDDEN)
    assert _run("qxc", kept).status == "blocked"


def test_server_errors_are_retried_with_backoff(server: Replay, kept: store.Store) -> None:
    server.route(SPORTTERY_API, replay.sporttery_pages(PL3), gameNo="35")
    error = Recorded(503, (("Content-Type", "text/plain"),), b"busy")
    route = server.route(SPORTTERY_API, error, error, replay.sporttery_pages(PL3), gameNo="35")
    sleeps = Sleeps()
    result = sync.sync_game("pl3", kept, pace=0, backoff=0.5, sleep=sleeps)
    assert (result.status, result.new) == ("ok", 60)
    assert route.hits == 3
    assert sleeps.waits == [0.5, 1.0]


def test_a_source_that_keeps_failing_is_unreachable(server: Replay, kept: store.Store) -> None:
    route = server.route(SPORTTERY_API, Recorded(500, body=b"oops"))
    sleeps = Sleeps()
    result = sync.sync_game("pl3", kept, pace=0, backoff=1, sleep=sleeps)
    assert result.status == "unreachable"
    assert route.hits == sync.ATTEMPTS
    assert sleeps.waits == [1, 2, 4]
    assert "HTTP 500" in result.message


def test_timeouts_are_retried(server: Replay, kept: store.Store) -> None:
    route = server.route(SPORTTERY_API, Recorded(body=b"{}", delay=0.5))
    with httpx.Client(timeout=0.05) as client:
        result = sync.sync_game("pl3", kept, pace=0, backoff=0, client=client)
    assert result.status == "unreachable"
    assert "Timeout" in result.message
    assert route.hits == sync.ATTEMPTS


def test_no_server_at_all_is_unreachable(
    kept: store.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOTTERY_SPORTTERY_URL", "http://127.0.0.1:9")
    result = _run("pl3", kept)
    assert (result.status, result.responses) == ("unreachable", 0)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "not JSON"),
        (b'{"state": 1, "message": "\xe7\xb3\xbb\xe7\xbb\x9f\xe7\xb9\x81\xe5\xbf\x99"}', "state 1"),
        (b'{"state": 0, "result": {"code": 1}}', "not a list"),
        (b"[1, 2]", "not a JSON object"),
    ],
)
def test_a_malformed_response_is_malformed(
    server: Replay, kept: store.Store, body: bytes, reason: str
) -> None:
    replay.cwl(server, "ssq", SSQ, "ssq")
    server.route(CWL_API, Recorded(body=body))
    result = _run("ssq", kept)
    assert result.status == "malformed"
    assert reason in result.message


def test_an_empty_history_is_not_an_error(server: Replay, kept: store.Store) -> None:
    replay.cwl(server, "ssq", [], "ssq")
    result = _run("ssq", kept)
    assert (result.status, result.fetched) == ("ok", 0)
    assert "no records" in result.message


def test_a_stale_source_is_reported_and_never_rewinds(server: Replay, kept: store.Store) -> None:
    replay.cwl(server, "ssq", SSQ, "ssq")
    _run("ssq", kept)
    replay.cwl(server, "ssq", SSQ[10:], "ssq")  # a mirror ten draws behind
    result = _run("ssq", kept)
    assert result.stale
    assert not result.clean
    assert "stale" in result.message
    assert kept.newest("ssq").issue == SSQ[0]["code"]  # type: ignore[union-attr]


def test_pages_are_paced(server: Replay, kept: store.Store) -> None:
    replay.cwl(server, "ssq", SSQ, "ssq")
    sleeps = Sleeps()
    sync.sync_game("ssq", kept, pace=30, sleep=sleeps)
    assert len(sleeps.waits) == 3  # between the warm-up and page 1, 1 and 2, 2 and 3
    assert all(20 < wait <= 30 for wait in sleeps.waits)


def test_a_game_without_a_feed_and_a_bad_page_size_are_refused(kept: store.Store) -> None:
    with pytest.raises(sync.NoFeed, match="no national results feed"):
        sync.sync_game("15x5", kept)
    with pytest.raises(sync.NoFeed, match="page size"):
        sync.sync_game("ssq", kept, page_size=500)


def test_classify() -> None:
    cwl = sync.SOURCES["cwl"]
    ok = json.dumps({"state": 0, "pageNum": 3, "result": [{"code": "1"}]}).encode()
    assert sync.classify(cwl, 200, "application/json", ok)[::3] == ("ok", 3)
    assert sync.classify(cwl, 403, "", b"")[0] == "blocked"
    assert sync.classify(cwl, 429, "", b"")[0] == "retry"
    assert sync.classify(cwl, 502, "", b"")[0] == "retry"
    assert sync.classify(cwl, 404, "", b"")[0] == "unreachable"
    assert sync.classify(cwl, 200, "application/json", b"  <html>")[0] == "blocked"
    assert sync.classify(None, 200, "text/html", b"<html>")[0] == "ok"
    sporttery = sync.SOURCES["sporttery"]
    failed = json.dumps({"success": False, "errorCode": "9", "errorMessage": "x"}).encode()
    assert sync.classify(sporttery, 200, "application/json", failed)[0] == "malformed"
    empty = json.dumps({"success": True, "errorCode": "0", "value": {"list": [], "pages": 0}})
    assert sync.classify(sporttery, 200, "application/json", empty.encode())[0] == "empty"


def test_every_game_with_a_feed_has_a_source() -> None:
    from lottery.registry import games

    named = {g.code: sync.syncable(g) for g in games()}
    assert {code for code, source in named.items() if source is None} == {"15x5"}
    assert named["ssq"] is sync.SOURCES["cwl"]
    assert named["qxc"] is sync.SOURCES["sporttery"]
