"""Official results into the store: fetched politely, validated, kept only when verified.

Two operators publish their results as paged JSON ([O-cwl-feed],
[O-sporttery-feed]); a game names its feed in ``Game.feeds``.  A sync asks
for the newest page first and pages back until it reaches draws already
stored and unchanged (``since`` and ``full`` widen the window).  Each page is
a stored raw response plus the draws that passed the same validation as
``lottery validate``; a record that fails is reported and not kept, a draw
that differs from the stored one is a conflict (kept as stored).

Requests are sequential and paced; timeouts, connection errors, 429 and 5xx
are retried with exponential backoff, and a few failures in a row stop the
game.  Every response is classified: ``ok``, ``empty``, ``blocked`` (403, an
HTML challenge page, a redirect loop) or ``malformed``, and a blocked source
is reported as blocked, never as "no new draws".

The HTTP client (httpx) is the optional ``sync`` extra; it is imported here,
when a sync starts, and nowhere else.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from lottery import store as _store
from lottery._version import __version__
from lottery.exceptions import LotteryError
from lottery.feeds import read_json
from lottery.findings import place
from lottery.records import Record
from lottery.registry import games as all_games
from lottery.registry import get_game
from lottery.rules import Game
from lottery.validate import validate

if TYPE_CHECKING:
    import httpx

__all__ = [
    "SOURCES",
    "GameSync",
    "NoFeed",
    "Source",
    "Status",
    "classify",
    "sync",
    "sync_game",
    "syncable",
]

#: How a game's sync ended: ``ok``, ``blocked``, ``unreachable`` or ``malformed``.
Status = Literal["ok", "blocked", "unreachable", "malformed"]
#: What one response was.
Outcome = Literal["ok", "empty", "blocked", "malformed", "retry", "unreachable"]

#: Largest page size both operators serve.
PAGE_SIZE: Final = 100
#: The most bytes read from one response (a page of 100 draws is ~60 KB).
MAX_RESPONSE: Final = 16 << 20
#: Attempts of one request before the game is given up as unreachable.
ATTEMPTS: Final = 4
_EXTRA: Final = "lottery sync needs an HTTP client: pip install 'lottery[sync]'"


class Malformed(Exception):
    """A response that is JSON but not the operator's envelope."""


class NoFeed(LotteryError, ValueError):
    """A game that cannot be synced (no national feed), or options a sync cannot take."""

    kind = "unsupported"


@attrs.frozen
class Source:
    """One operator's results API ([O-cwl-feed], [O-sporttery-feed])."""

    name: str
    env: str
    default: str
    label: str

    def base(self) -> str:
        """The base URL: ``$env`` if set (a mirror, a test server), else the operator's."""
        return (os.environ.get(self.env, "").strip() or self.default).rstrip("/")

    def warmup(self, game: Game) -> str | None:
        """The page a session visits first for its cookie (the CWL's WAF), if any."""
        if self.name != "cwl":
            return None
        return f"{self.base()}/ygkj/wqkjgg/{game.feed_pages.get('cwl', _feed_name(self, game))}/"

    def request(
        self, game: Game, page: int, size: int
    ) -> tuple[str, dict[str, str], dict[str, str]]:
        """URL, query and headers of one page of ``game``'s history, newest first."""
        name = _feed_name(self, game)
        if self.name == "cwl":
            url = f"{self.base()}/cwl_admin/front/cwlkj/search/kjxx/findDrawNotice"
            query = {
                "name": name,
                "issueCount": "",
                "issueStart": "",
                "issueEnd": "",
                "dayStart": "",
                "dayEnd": "",
                "pageNo": str(page),
                "pageSize": str(size),
                "week": "",
                "systemType": "PC",
            }
            return url, query, {"Referer": self.warmup(game) or ""}
        url = f"{self.base()}/gateway/lottery/getHistoryPageListV1.qry"
        query = {
            "gameNo": name,
            "provinceId": "0",
            "pageSize": str(size),
            "isVerify": "1",
            "pageNo": str(page),
        }
        return url, query, {"Referer": "https://www.lottery.gov.cn/"}

    def envelope(self, data: object) -> tuple[list[Any], int | None]:
        """The records and page count of a response; :class:`Malformed` if not the envelope."""
        if not isinstance(data, dict):
            msg = "the response is not a JSON object"
            raise Malformed(msg)
        if self.name == "cwl":
            if data.get("state") not in (0, "0"):
                msg = f"state {data.get('state')!r}: {data.get('message', '')}"
                raise Malformed(msg)
            items, pages = data.get("result"), data.get("pageNum")
        else:
            if data.get("success") is not True or str(data.get("errorCode", "0")) != "0":
                msg = f"errorCode {data.get('errorCode')!r}: {data.get('errorMessage', '')}"
                raise Malformed(msg)
            value = data.get("value")
            if not isinstance(value, dict):
                msg = "no 'value' object"
                raise Malformed(msg)
            items, pages = value.get("list"), value.get("pages")
        if items is None:
            items = []
        if not isinstance(items, list):
            msg = "the records are not a list"
            raise Malformed(msg)
        return items, pages if isinstance(pages, int) and pages >= 0 else None


#: The operators, by the name games use in ``Game.feeds``.
SOURCES: Final[Mapping[str, Source]] = {
    "cwl": Source("cwl", "LOTTERY_CWL_URL", "https://www.cwl.gov.cn", "China Welfare Lottery"),
    "sporttery": Source(
        "sporttery", "LOTTERY_SPORTTERY_URL", "https://webapi.sporttery.cn", "China Sports Lottery"
    ),
}


def _feed_name(source: Source, game: Game) -> str:
    return game.feeds[source.name][0]


def syncable(game: Game) -> Source | None:
    """The source ``game`` is fetched from, or ``None`` when it has no national feed."""
    for name, source in SOURCES.items():
        if game.feeds.get(name):
            return source
    return None


def _is_html(content_type: str, body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<"))


def classify(  # noqa: PLR0911 - one return per outcome
    source: Source | None, status: int, content_type: str, body: bytes
) -> tuple[Outcome, str, list[Any], int | None]:
    """What one response is: outcome, reason, its records and the page count it announces.

    ``source`` is ``None`` for a web page (the warm-up), which is ``ok`` when it answers.
    """
    if status in (401, 403, 451):
        return "blocked", f"HTTP {status}: the source refuses this client", [], None
    if status == 429 or status >= 500:
        return "retry", f"HTTP {status}", [], None
    if 300 <= status < 400:
        return "blocked", f"HTTP {status}: redirected away from the data", [], None
    if status >= 400:
        return "unreachable", f"HTTP {status}", [], None
    if source is None:
        return "ok", "", [], None
    if _is_html(content_type, body):
        return (
            "blocked",
            "an HTML page instead of data (a WAF challenge or an error page)",
            [],
            None,
        )
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        return "malformed", f"not JSON ({error})", [], None
    try:
        items, pages = source.envelope(data)
    except Malformed as error:
        return "malformed", f"unexpected envelope: {error}", [], None
    if not items:
        return "empty", "no records", [], pages
    return "ok", "", items, pages


@attrs.frozen
class GameSync:
    """What a sync of one game did (the command line prints it; ``to_dict`` is its JSON)."""

    game: Game
    source: str
    status: Status = "ok"
    fetched: int = 0
    new: int = 0
    unchanged: int = 0
    conflicts: tuple[_store.Change, ...] = ()
    rejected: tuple[dict[str, Any], ...] = ()
    newest: str | None = None
    stale: bool = False
    message: str = ""
    pages: int = 0
    responses: int = 0

    @property
    def clean(self) -> bool:
        """No conflict, no rejected record, not stale, and the source answered."""
        return self.status == "ok" and not self.conflicts and not self.rejected and not self.stale

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the command line's per-game object (``docs/schema/sync.json``)."""
        return {
            "fetched": self.fetched,
            "new": self.new,
            "unchanged": self.unchanged,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "rejected": list(self.rejected),
            "newest": self.newest,
            "status": self.status,
            "stale": self.stale,
            "message": self.message,
            "source": self.source,
            "pages": self.pages,
        }


class _Session:
    """One game's requests: a cookie jar, pacing, retries with backoff."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        pace: float,
        backoff: float,
        sleep: Callable[[float], None],
    ) -> None:
        self.client = client
        self.pace = pace
        self.backoff = backoff
        self.sleep = sleep
        self.last: float | None = None

    def get(
        self, source: Source | None, url: str, query: Mapping[str, str], headers: Mapping[str, str]
    ) -> tuple[Outcome, str, _store.Response | None, list[Any], int | None]:
        """One request, retried: outcome, reason, the raw response, records, page count."""
        import httpx  # noqa: PLC0415 - the optional extra, needed only here

        reason = ""
        for attempt in range(ATTEMPTS):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait()
            try:
                response = self._fetch(url, query, headers)
            except httpx.TooManyRedirects:
                return (
                    "blocked",
                    "a redirect loop (the source's cookie check failed)",
                    None,
                    [],
                    None,
                )
            except (httpx.TimeoutException, httpx.TransportError) as error:
                reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
                continue
            except _TooLarge as error:
                return "malformed", str(error), None, [], None
            outcome, reason, items, pages = classify(
                source, response.status, response.content_type, response.body
            )
            if outcome != "retry":
                return outcome, reason, response, items, pages
        return "unreachable", f"{reason} ({ATTEMPTS} attempts)", None, [], None

    def _wait(self) -> None:
        now = time.monotonic()
        if self.last is not None and now - self.last < self.pace:
            self.sleep(self.pace - (now - self.last))
        self.last = time.monotonic()

    def _fetch(
        self, url: str, query: Mapping[str, str], headers: Mapping[str, str]
    ) -> _store.Response:
        with self.client.stream("GET", url, params=dict(query), headers=dict(headers)) as response:
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_RESPONSE:
                    raise _TooLarge(f"the response is larger than {MAX_RESPONSE >> 20} MiB")
            return _store.Response(
                str(response.url),
                bytes(body),
                response.status_code,
                response.headers.get("content-type", ""),
            )


class _TooLarge(Exception):
    pass


def _client() -> httpx.Client:
    try:
        import httpx  # noqa: PLC0415 - the optional extra, needed only here
    except ImportError as error:
        raise ImportError(_EXTRA) from error
    return httpx.Client(
        timeout=httpx.Timeout(20.0, connect=10.0),
        follow_redirects=True,
        max_redirects=5,
        headers={
            "User-Agent": f"lottery/{__version__} (results verifier; python-httpx)",
            "Accept": "application/json, text/plain, */*",
        },
    )


def _reject(record: Record, reason: str, check: str | None = None) -> dict[str, Any]:
    out = record.rejection()
    if check is not None:
        out.update(reason=reason, check=check)
    return out


def _vet(game: Game, records: Sequence[Record]) -> tuple[list[Record], list[dict[str, Any]]]:
    """The records that pass validation, and the rejections of the rest (with their reason)."""
    report = validate(records)
    errors: dict[str, tuple[str, str]] = {}
    for finding in report.errors:
        if finding.issue is not None and finding.game == game.code:
            errors.setdefault(finding.issue, (finding.message, finding.kind))
        errors.setdefault(finding.where, (finding.message, finding.kind))
    kept: list[Record] = []
    rejected: list[dict[str, Any]] = []
    for record in records:
        draw = record.draw
        if draw is None:
            rejected.append(record.rejection())
        elif draw.game is not game:
            reason = f"a {draw.game.label} record in the {game.label} feed"
            rejected.append({**record.rejection(), "reason": reason, "kind": "mismatch"})
        elif (found := errors.get(place(record)) or errors.get(draw.issue)) is not None:
            rejected.append(_reject(record, *found))
        else:
            kept.append(record)
    return kept, rejected


def sync_game(  # noqa: C901, PLR0912, PLR0915 - one loop over pages, each branch a documented case
    game: Game | str,
    kept: _store.Store,
    *,
    since: str | None = None,
    full: bool = False,
    accept_source: bool = False,
    pace: float = 1.0,
    backoff: float = 1.0,
    page_size: int = PAGE_SIZE,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_page: Callable[[Game, int, int | None], None] | None = None,
) -> GameSync:
    """Fetch ``game``'s newest results into ``kept`` (see the module's docs)."""
    g = get_game(game) if isinstance(game, str) else game
    source = syncable(g)
    if source is None:
        msg = f"{g.label} has no national results feed to sync from"
        raise NoFeed(msg, game=g.code)
    if not 1 <= page_size <= PAGE_SIZE:
        msg = f"page size must be 1…{PAGE_SIZE}, not {page_size}"
        raise NoFeed(msg, game=g.code, token=str(page_size))
    low = None if since is None else g.issue_key(g.parse_issue(since))
    stored_newest = kept.newest(g)
    # the last sync was killed or failed half-way: walk on past the draws already kept
    walk = full or not kept.complete(g)
    kept.mark(g, complete=False)
    own = client is None
    http = _client() if client is None else client
    session = _Session(http, pace=pace, backoff=backoff, sleep=sleep)
    result = GameSync(g, source.name)
    try:
        warmup = source.warmup(g)
        if warmup is not None:
            outcome, reason, response, _, _ = session.get(None, warmup, {}, {})
            if outcome in ("blocked", "unreachable"):
                status: Status = "blocked" if outcome == "blocked" else "unreachable"
                answered = response is not None
                return attrs.evolve(result, status=status, message=f"{warmup}: {reason}",
                                    responses=int(answered))  # fmt: skip
        page = 1
        while True:
            url, query, headers = source.request(g, page, page_size)
            outcome, reason, response, items, pages = session.get(source, url, query, headers)
            result = attrs.evolve(result, responses=result.responses + (response is not None))
            if outcome in ("blocked", "unreachable", "malformed"):
                where = response.url if response is not None else url
                status = "malformed" if outcome == "malformed" else outcome
                return attrs.evolve(result, status=status, message=f"{where}: {reason}")
            assert response is not None  # noqa: S101 - ok and empty come with a response
            if outcome == "empty":
                if page == 1 and stored_newest is None:
                    result = attrs.evolve(
                        result, message=f"{response.url}: the source has no records"
                    )
                break
            records = read_json(response.body.decode("utf-8-sig"), source=response.url, game=g)
            if low is not None:
                records = [r for r in records if r.draw is None or r.draw.issue_key >= low]
            ok, rejected = _vet(g, records)
            saved = kept.save(ok, response, accept_source=accept_source)
            newest = max((r.draw for r in ok if r.draw), key=lambda d: d.issue_key, default=None)
            stale = result.stale or (
                page == 1
                and newest is not None
                and stored_newest is not None
                and newest.issue_key < stored_newest.issue_key
            )
            best = result.newest
            if newest is not None and (best is None or newest.issue_key > g.issue_key(best)):
                best = newest.issue
            result = attrs.evolve(
                result,
                fetched=result.fetched + len(records),
                new=result.new + len(saved.new),
                unchanged=result.unchanged + len(saved.unchanged),
                conflicts=result.conflicts + saved.conflicts,
                rejected=result.rejected + tuple(rejected),
                newest=best,
                stale=stale,
                pages=page,
            )
            if on_page is not None:
                on_page(g, page, pages)
            oldest = min((r.draw.issue_key for r in ok if r.draw), default=None)
            if low is not None and oldest is not None and oldest <= low:
                break
            if low is None and not walk and saved.unchanged:
                break
            if (pages is not None and page >= pages) or len(items) < page_size:
                break
            page += 1
        kept.mark(g, complete=True)
    finally:
        if own:
            http.close()
    if result.stale and stored_newest is not None:
        result = attrs.evolve(
            result,
            message=f"the source's newest issue {result.newest} is older than the stored"
            f" {stored_newest.issue}: a stale source (the store keeps its history)",
        )
    return result


def sync(
    games: Sequence[Game | str] = (),
    *,
    store: _store.Store,
    **options: Any,  # noqa: ANN401 - sync_game's options
) -> Iterator[GameSync]:
    """Sync each game (default: every game with a feed), one after another."""
    chosen = [get_game(g) if isinstance(g, str) else g for g in games] or [
        g for g in all_games() if syncable(g) is not None
    ]
    for game in chosen:
        yield sync_game(game, store, **options)
