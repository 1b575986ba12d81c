"""The documentation covers what the code has: games, plays, findings, pages."""

from __future__ import annotations

import pathlib
import re

import pytest

import lottery
import lottery.exceptions
from lottery import validate
from lottery.exceptions import FAULT_KINDS

ROOT = pathlib.Path(__file__).parent.parent
DOCS = ROOT / "docs"


@pytest.mark.parametrize("game", lottery.games(), ids=lambda g: g.code)
def test_every_game_has_a_page_with_every_tier(game: lottery.Game) -> None:
    page = (DOCS / "games" / f"{game.code}.md").read_text(encoding="utf-8")
    assert page.startswith(f"# {game.name} (`{game.code}`)")
    for edition in game.editions:
        assert f"`{edition.name}`" in page or len(game.editions) == 1
        for tier in edition.tiers:
            if tier.hits or game.code != "3d":
                assert tier.name in page, (game.code, tier.name)


def test_game_pages_match_the_registry() -> None:
    pages = {p.stem for p in (DOCS / "games").glob("*.md")}
    assert pages == {g.code for g in lottery.games()}
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for game in lottery.games():
        assert f"(games/{game.code}.md)" in index


def test_every_play_is_documented() -> None:
    plays = (DOCS / "plays.md").read_text(encoding="utf-8")
    for code in ("pl3", "3d"):
        for play in lottery.get_game(code).plays:
            assert play.name in plays, play.name
            for tier in play.tier_names(lottery.get_game(code).editions[0]):
                assert tier in plays or tier.endswith(("1", "2", "3")), tier


def test_every_finding_kind_is_documented() -> None:
    text = (DOCS / "announcements.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z][a-z0-9-]*)`", text))
    assert set(validate.FINDING_KINDS) - {"invalid"} <= documented


def test_every_fault_kind_is_documented_with_its_class() -> None:
    text = (DOCS / "announcements.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| ([^|]+) \|", text, re.MULTILINE))
    assert set(FAULT_KINDS) <= set(rows)
    for name in lottery.exceptions.__all__:
        cls = getattr(lottery.exceptions, name)
        if (
            isinstance(cls, type)
            and issubclass(cls, lottery.LotteryError)
            and cls.kind != "invalid"
        ):
            assert f"`{name}`" in rows[cls.kind], (name, cls.kind)


def test_the_code_emits_only_known_kinds() -> None:
    source = (ROOT / "lottery" / "validate.py").read_text(encoding="utf-8")
    source += (ROOT / "lottery" / "exceptions.py").read_text(encoding="utf-8")
    source += (ROOT / "lottery" / "records.py").read_text(encoding="utf-8")
    source += (ROOT / "lottery" / "feeds.py").read_text(encoding="utf-8")
    source += (ROOT / "lottery" / "news.py").read_text(encoding="utf-8")
    source += (ROOT / "lottery" / "findings.py").read_text(encoding="utf-8")
    for game in sorted((ROOT / "lottery" / "games").glob("*.py")):
        source += game.read_text(encoding="utf-8")
    emitted = set(re.findall(r'"(?:error|warning)",\s*"([a-z-]+)"', source))
    emitted |= set(re.findall(r'kind="([a-z-]+)"', source))
    emitted |= set(re.findall(r'kind: FaultKind = "([a-z-]+)"', source))
    emitted -= {"error", "warning"}  # Severity = Literal["error", "warning"]
    assert len(emitted) > 10
    assert emitted <= set(validate.FINDING_KINDS)


def test_readme_links_every_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in sorted(DOCS.rglob("*.md")):
        assert f"({page.relative_to(ROOT).as_posix()})" in readme, page


def test_readme_has_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.DOTALL)
    assert len(commands) == 2
    assert "lottery validate seeds/000_839fedd83d185e9c.txt" in commands[0]
    assert "pytest" in commands[1]
    assert "pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_version_matches_the_project() -> None:
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{lottery.__version__}"' in project
    changelog = (DOCS / "changelog.md").read_text(encoding="utf-8")
    assert f"## {lottery.__version__}" in changelog


_KEY = re.compile(r"(?<![A-Za-z0-9-])([OS]-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)")


def test_every_source_cited_is_listed() -> None:
    """Every source key the code and docs cite is in docs/sources.md, and no file cites another."""
    listed = set(
        re.findall(
            r"^\| `([OS]-[^`]+)`", (DOCS / "sources.md").read_text(encoding="utf-8"), re.MULTILINE
        )
    )
    listed |= {
        k
        for row in re.findall(
            r"^\| (`S-[^|]+)\|", (DOCS / "sources.md").read_text(encoding="utf-8"), re.MULTILINE
        )
        for k in re.findall(r"`([^`]+)`", row)
    }
    cited: set[str] = set()
    for path in [
        *(ROOT / "lottery").rglob("*.py"),
        *DOCS.rglob("*.md"),
        *(ROOT / "tests").rglob("*.py"),
    ]:
        text = path.read_text(encoding="utf-8")
        assert "rules" + ".md" not in text, path
        if path.name != "sources.md":
            cited |= {m for m in _KEY.findall(text) if "[" in text}
    cited = {key for key in cited if not key[2:].isdigit() or key in listed}
    assert cited <= listed, sorted(cited - listed)
    for game in lottery.games():
        assert set(_KEY.findall(game.doc)) <= listed
