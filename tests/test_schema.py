"""Every command's --json follows its schema in docs/schema/: one shape per concept."""

from __future__ import annotations

import io
import json
import pathlib
from contextlib import redirect_stdout

import jsonschema
import pytest
from referencing import Registry, Resource

from lottery.cli import main

ROOT = pathlib.Path(__file__).parent.parent
SCHEMAS = ROOT / "docs" / "schema"
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "seeds" / "000_839fedd83d185e9c.txt"
DRAW = ["--draw", "02 05 07 08 20 27 + 04", "--issue", "2019021"]


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def _check(name: str, data: object) -> None:
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, registry=_registry()).validate(data)


def _json(*args: str) -> object:
    out = io.StringIO()
    with redirect_stdout(out):
        main([*args, "--json"])
    return json.loads(out.getvalue())


def test_the_schemas_are_valid() -> None:
    for path in SCHEMAS.glob("*.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_check() -> None:
    data = _json(
        "check", "ssq", *DRAW, "02 05 07 08 20 33 + 04 x2", "01 02", "02 05 # 07 08 20 27 33 + 04"
    )
    _check("check", data)


def test_check_tickets(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "02 05 07 08 20 33 + 04\nnot a ticket\n02 05 07 08 20 27 + 04\n", encoding="utf-8"
    )
    _check("check-tickets", _json("check", "ssq", *DRAW, "--tickets", str(path)))


def test_check_history(tmp_path: pathlib.Path) -> None:
    feed = tmp_path / "pl3.txt"
    feed.write_text(
        "排列3 第19048期 161\n排列3 第19049期 16\n排列3 第19050期 123\n", encoding="utf-8"
    )
    _check("check-history", _json("check", "pl3", "--history", str(feed), "123", "161"))


@pytest.mark.parametrize(
    "inputs",
    [[str(SEED)], [str(FIXTURES / "cwl_ssq.json"), str(SEED)], [str(FIXTURES / "fc3d.bad.csv")]],
)
def test_validate(inputs: list[str]) -> None:
    _check("validate", _json("validate", *inputs))


def test_games() -> None:
    _check("games", _json("games"))


def test_a_rejection_is_one_shape_everywhere(tmp_path: pathlib.Path) -> None:
    """check's, check --tickets', check --history's and validate's rejections: one object."""
    path = tmp_path / "t.txt"
    path.write_text("oops\n", encoding="utf-8")
    shapes = [
        _json("check", "ssq", *DRAW, "oops")["rejected"][0],  # type: ignore[index]
        _json("check", "ssq", *DRAW, "--tickets", str(path))["rejected"][0],  # type: ignore[index]
        _json("validate", "ssq=" + str(path))["rejected"][0],  # type: ignore[index]
    ]
    for shape in shapes:
        assert {"text", "reason", "kind"} <= set(shape)
        assert {"line", "index", "where"} & set(shape)


def test_audit_and_convert(tmp_path: pathlib.Path) -> None:
    tickets = tmp_path / "t.txt"
    tickets.write_text("02 05 07 08 20 33 + 04\noops\n02 05 07 08 20 27 + 04 x2\n", "utf-8")
    feed = tmp_path / "feed.json"
    grades = [{"type": 1, "typenum": "2"}, {"type": 3, "typenum": "0", "typemoney": "3000"}]
    record = {"name": "ssq", "code": "2019021", "red": "02,05,07,08,20,27", "blue": "04",
              "prizegrades": grades}  # fmt: skip
    feed.write_text(json.dumps({"result": [record]}), encoding="utf-8")
    data = _json("audit", "ssq", "--issue", "2019021", "--announcement", str(feed),
                 "--tickets", str(tickets))  # fmt: skip
    _check("audit", data)
    assert data["agrees"] is False  # type: ignore[index]
    pytest.importorskip("pyarrow")
    _check("convert", _json("convert", str(tickets), str(tmp_path / "t.parquet"), "--game", "ssq"))
