"""A real HTTP server on 127.0.0.1 that replays the operators' recorded responses.

Routes are answered in order: each request to a route takes the route's next
recorded response (status, headers, body, an optional delay), the last one
repeating.  A history route builds the operator's envelope around real
records (``tests/fixtures/replay/``) for the page asked for, so the sync's
real session, paging and retry code runs against it.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs

FIXTURES = Path(__file__).parent / "fixtures" / "replay"
CWL_API = "/cwl_admin/front/cwlkj/search/kjxx/findDrawNotice"
SPORTTERY_API = "/gateway/lottery/getHistoryPageListV1.qry"


@attrs.frozen
class Recorded:
    """One recorded response."""

    status: int = 200
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/json;charset=UTF-8"),)
    body: bytes = b""
    delay: float = 0.0


Responder = Callable[[Mapping[str, str], Mapping[str, str]], Recorded]


def records(name: str) -> list[dict[str, Any]]:
    """Real feed records, newest first."""
    data: list[dict[str, Any]] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def cwl_pages(items: Sequence[Mapping[str, Any]]) -> Responder:
    """The China Welfare Lottery envelope around the page of ``items`` asked for."""

    def answer(query: Mapping[str, str], headers: Mapping[str, str]) -> Recorded:
        page, size = int(query.get("pageNo", "1")), int(query.get("pageSize", "30"))
        chunk = list(items[(page - 1) * size : page * size])
        body = {
            "state": 0,
            "message": "查询成功",
            "total": len(items),
            "pageNum": -(-len(items) // size),
            "pageNo": page,
            "pageSize": size,
            "Tflag": 0,
            "result": chunk,
        }
        return Recorded(body=json.dumps(body, ensure_ascii=False).encode())

    return answer


def sporttery_pages(items: Sequence[Mapping[str, Any]]) -> Responder:
    """The China Sports Lottery envelope around the page of ``items`` asked for."""

    def answer(query: Mapping[str, str], headers: Mapping[str, str]) -> Recorded:
        page, size = int(query.get("pageNo", "1")), int(query.get("pageSize", "30"))
        chunk = list(items[(page - 1) * size : page * size])
        body = {
            "dataFrom": "",
            "emptyFlag": not chunk,
            "errorCode": "0",
            "errorMessage": "处理成功",
            "success": True,
            "value": {
                "list": chunk,
                "pageNo": page,
                "pageSize": size,
                "pages": -(-len(items) // size),
                "total": len(items),
            },
        }
        return Recorded(body=json.dumps(body, ensure_ascii=False).encode())

    return answer


#: The CWL's WAF warm-up as recorded: a redirect that sets the cookie, then the page.
WARMUP_REDIRECT = Recorded(
    302,
    (("Location", "?set=1"), ("Set-Cookie", "HMF_CI=4f2a9c; Path=/; HttpOnly")),
)
WARMUP_PAGE = Recorded(200, (("Content-Type", "text/html; charset=utf-8"),), b"<html>ok</html>")
#: A WAF challenge page, as a blocked client gets it.
CHALLENGE = Recorded(
    200,
    (("Content-Type", "text/html"),),
    b"<!DOCTYPE html><html><head><title>\xe5\xae\x89\xe5\x85\xa8\xe9\xaa\x8c\xe8\xaf\x81"
    b"</title></head><body><script>var _0x=1;</script></body></html>",
)
FORBIDDEN = Recorded(
    403, (("Content-Type", "text/html"),), b"<html><body>403 Forbidden</body></html>"
)


def warmup(query: Mapping[str, str], headers: Mapping[str, str]) -> Recorded:
    """The CWL's page: a client without the WAF cookie is redirected and given it."""
    return WARMUP_PAGE if "HMF_CI=" in headers.get("Cookie", "") else WARMUP_REDIRECT


@attrs.define
class Route:
    """Answers for one path: recorded responses in turn, or a responder per request."""

    path: str
    answers: list[Recorded | Responder]
    match: Mapping[str, str] = attrs.Factory(dict)
    hits: int = 0


class Replay:
    """The server: ``url`` is its base; ``requests`` what it was asked, in order."""

    def __init__(self) -> None:
        self.routes: list[Route] = []
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                replay.answer(self)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def route(self, path: str, *answers: Recorded | Responder, **match: str) -> Route:
        """Answer ``path`` (and query values ``match``) with ``answers`` in turn."""
        found = Route(path, list(answers), match)
        self.routes.insert(0, found)  # the latest route wins
        return found

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        with self.lock:
            self.requests.append(
                {"path": parts.path, "query": query, "headers": dict(handler.headers.items())}
            )
            route = next(
                (
                    r
                    for r in self.routes
                    if r.path == parts.path and all(query.get(k) == v for k, v in r.match.items())
                ),
                None,
            )
            if route is not None:
                answer = route.answers[min(route.hits, len(route.answers) - 1)]
                route.hits += 1
        if route is None:
            recorded = Recorded(404, (("Content-Type", "text/plain"),), b"not found")
        else:
            recorded = (
                answer
                if isinstance(answer, Recorded)
                else answer(query, dict(handler.headers.items()))
            )
        if recorded.delay:
            time.sleep(recorded.delay)
        try:
            handler.send_response(recorded.status)
            for name, value in recorded.headers:
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(recorded.body)))
            handler.end_headers()
            handler.wfile.write(recorded.body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass

    def api_requests(self) -> list[dict[str, Any]]:
        """The requests to either operator's history API."""
        return [r for r in self.requests if r["path"] in (CWL_API, SPORTTERY_API)]


@contextmanager
def serving() -> Iterator[Replay]:
    """A started replay server, shut down afterwards."""
    replay = Replay()
    replay.thread.start()
    try:
        yield replay
    finally:
        replay.server.shutdown()
        replay.server.server_close()


def cwl(replay: Replay, page: str, items: Sequence[Mapping[str, Any]], name: str) -> None:
    """A CWL game as the site serves it: the warm-up with its cookie, then the history."""
    replay.route(f"/ygkj/wqkjgg/{page}/", warmup)
    pages = cwl_pages(items)

    def guarded(query: Mapping[str, str], headers: Mapping[str, str]) -> Recorded:
        """The WAF: no cookie from the warm-up, or no Referer, gets the challenge page."""
        if "HMF_CI=" not in headers.get("Cookie", "") or "/ygkj/wqkjgg/" not in headers.get(
            "Referer", ""
        ):
            return CHALLENGE
        return pages(query, headers)

    replay.route(CWL_API, guarded, name=name)


def sporttery(replay: Replay, items: Sequence[Mapping[str, Any]], game_no: str) -> None:
    """A sports-lottery game's history."""
    replay.route(SPORTTERY_API, sporttery_pages(items), gameNo=game_no)
