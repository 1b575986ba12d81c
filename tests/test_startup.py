"""Start-up stays light: ``import lottery`` and ``lottery --version`` load only what they need."""

from __future__ import annotations

import subprocess
import sys

import pytest

import lottery


def _loaded(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_import_lottery_loads_no_rules() -> None:
    loaded = _loaded("import lottery")
    ours = {m for m in loaded if m.startswith("lottery")}
    assert ours == {"lottery", "lottery._version"}
    assert "attrs" not in loaded


def test_version_and_help_load_no_rules() -> None:
    for argv in (["--version"], ["--help"], ["sync", "--help"]):
        code = (
            f"from lottery.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"
        )
        loaded = _loaded(code)
        assert not {"lottery.registry", "lottery.rules", "lottery.model", "attrs"} & loaded, argv


def test_names_load_when_first_used() -> None:
    code = "import lottery\nlottery.Draw"
    loaded = _loaded(code)
    assert "lottery.model" in loaded
    assert "lottery.batch" not in loaded


def test_check_and_games_stay_functions_when_their_modules_load() -> None:
    import lottery.check
    import lottery.games.ssq  # binds the package lottery.games on lottery, were it not kept

    assert callable(lottery.check)
    assert lottery.check.__module__ == "lottery.check"
    assert [g.code for g in lottery.games()][:1] == ["qxc"]
    from lottery import check, games

    assert check is lottery.check
    assert games is lottery.games


def test_every_public_name_resolves() -> None:
    for name in lottery.__all__:
        assert getattr(lottery, name) is not None, name
    assert sorted(dir(lottery)) == sorted(lottery.__all__)
    with pytest.raises(AttributeError, match="no_such_name"):
        lottery.no_such_name  # type: ignore[attr-defined]  # noqa: B018
