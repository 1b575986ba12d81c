"""The house in order: modules import only from the layers below them, with no cycle.

Imports are read from the source (``ast``), including imports inside
functions; imports under ``if TYPE_CHECKING:`` are annotations only and are
left out.  ``docs/adding-a-game.md`` shows the same layers.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

import lottery

ROOT = pathlib.Path(__file__).parent.parent / "lottery"

#: Each module's layer; a module may import modules of its own layer or below (no cycle).
LAYERS: dict[str, int] = {
    "lottery._text": 0,
    "lottery.exceptions": 0,
    "lottery._tokens": 0,
    "lottery._io": 0,
    "lottery._version": 0,
    "lottery._markup": 0,
    "lottery._decode": 0,
    "lottery._schema": 0,
    "lottery._money": 0,
    "lottery._jsonstream": 0,
    "lottery._gc": 0,
    "lottery.playbook": 1,
    "lottery.rules": 1,
    "lottery._drawrules": 2,
    "lottery.model": 2,
    "lottery.records": 2,
    "lottery.findings": 2,
    "lottery._counting": 3,
    "lottery.plays": 3,
    "lottery.check": 3,
    "lottery._fast": 3,
    "lottery._single": 3,
    "lottery.tally": 3,
    "lottery.games": 4,
    "lottery.registry": 5,
    "lottery.grammar": 5,
    "lottery.notation": 5,
    "lottery.reading": 6,
    "lottery._tablelane": 6,
    "lottery._feedvalues": 6,
    "lottery._cwlfeed": 6,
    "lottery.news": 6,
    "lottery.feeds": 6,
    "lottery.tables": 6,
    "lottery.store": 6,
    "lottery.inputs": 6,
    "lottery.draw_checks": 7,
    "lottery.history_checks": 7,
    "lottery.validate": 7,
    "lottery.agreement": 7,
    "lottery.batch": 7,
    "lottery._rowlane": 7,
    "lottery.vector": 7,
    "lottery._parallel": 7,
    "lottery.columnar": 7,
    "lottery.partitions": 7,
    "lottery.strategies": 8,
    "lottery.sync": 8,
    "lottery.audit": 8,
    "lottery.dask": 8,
    "lottery.cli_common": 9,
    "lottery.cli_check": 9,
    "lottery.cli_sync": 9,
    "lottery.cli_validate": 9,
    "lottery.cli_audit": 9,
    "lottery.cli": 9,
    "lottery.__main__": 9,
    "lottery": 10,  # the package's __init__ gathers the API
}


def _name(path: pathlib.Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    while module not in LAYERS:
        module = module.rpartition(".")[0]
    return LAYERS[module]


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: pathlib.Path) -> set[str]:
    """The lottery modules ``path`` imports at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _type_checking(node)
        for stmt in node.body
        for child in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("lottery")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lottery"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                known = (ROOT.parent / candidate.replace(".", "/")).with_suffix(".py").exists()
                found.add(candidate if known else node.module)
    return found


MODULES = {_name(p): p for p in sorted(ROOT.rglob("*.py"))}
GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        assert _layer(name) >= 0, name


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_look_down(module: str) -> None:
    for target in GRAPH[module]:
        assert _layer(target) <= _layer(module), f"{module} imports {target} from above"


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(GRAPH.get(node, ())):
            if nxt not in GRAPH:
                continue
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                raise AssertionError(" -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(GRAPH):
        if start not in state:
            visit(start, [start])


def test_generic_modules_name_no_game() -> None:
    """A game's code appears only in its module (docs and doctests aside)."""
    codes = {"qxc", "pl3", "pl5", "ssq", "3d", "15x5", "dlt", "qlc", "kl8"}
    for name, path in MODULES.items():
        if name.startswith("lottery.games"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and id(node) not in docstrings:
                assert node.value not in codes, f"{name}:{node.lineno} names {node.value!r}"


def test_zone_labels_are_game_data() -> None:
    """The labels announcements print for zones (红球, 前区 …) come from the games."""
    labels = {
        name
        for game in lottery.games()
        for edition in game.editions
        for zone in edition.zones
        for name in zone.names
        if name != "号码"
    }
    for name, path in MODULES.items():
        if name.startswith("lottery.games"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert node.value not in labels, f"{name}:{node.lineno} names {node.value!r}"


def test_modules_are_small() -> None:
    for name, path in MODULES.items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 600, f"{name} has {lines} lines"
