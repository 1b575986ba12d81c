"""make_record: raw fields of an announcement become a record that holds a draw or says why not."""

from __future__ import annotations

import pytest

import lottery
from lottery.reading import make_record

SSQ = lottery.get_game("ssq")


def test_a_valid_record() -> None:
    record = make_record(
        "feed",
        "record 1",
        "…",
        SSQ,
        issue="2019021",
        numbers="02 05 07 08 20 27 + 04",
        date="2019-02-24(日)",
        extras={"试机号": (1, 2, 3)},
    )
    assert record.ok and record.draw is not None
    assert (record.weekday, record.printed) == ("日", (2, 5, 7, 8, 20, 27, 4))
    assert record.extra_numbers("试机号") == (1, 2, 3)
    assert record.extra_numbers("unsorted") is None


def test_every_fault_has_its_kind() -> None:
    cases = {
        "game": {"game": None, "issue": "2019021", "numbers": "1"},
        "issue": {"game": SSQ, "issue": " ", "numbers": "1"},
        "count": {"game": SSQ, "issue": "2019021", "numbers": "02 05 07"},
        "range": {"game": SSQ, "issue": "2019021", "numbers": "02 05 07 08 20 34 + 04"},
        "duplicate": {"game": SSQ, "issue": "2019021", "numbers": "02 02 07 08 20 27 + 04"},
        "format": {
            "game": SSQ,
            "issue": "2019021",
            "numbers": "02 05 07 08 20 27 + 04",
            "date": "soon",
        },
    }
    for kind, fields in cases.items():
        record = make_record("feed", "record 1", "text", **fields)  # type: ignore[arg-type]
        assert (record.ok, record.kind) == (False, kind), (kind, record.error)
        assert record.error


def test_a_tier_the_edition_lacks_is_kept_apart() -> None:
    record = make_record(
        "feed",
        "record 1",
        "",
        SSQ,
        issue="2019021",
        numbers="02 05 07 08 20 27 + 04",
        prizes=[("福运奖", 5), ("三等奖", 3000)],
    )
    assert record.draw is not None
    assert record.draw.prizes == (("三等奖", 3000),)
    assert record.foreign == (("福运奖", 5),)


def test_a_paid_fuyun_puts_a_draw_in_the_special_period_even_after_2026075() -> None:
    import json as _json

    from lottery import feeds

    item = {"name": "双色球", "code": "2026120", "date": "2026-10-15(四)",
            "red": "02,05,07,08,20,27", "blue": "04",
            "prizegrades": [{"type": 7, "typenum": "1,234,567", "typemoney": "5"}]}  # fmt: skip
    (record,) = feeds.read_json(_json.dumps({"result": [item]}, ensure_ascii=False), source="f")
    assert record.draw is not None
    assert record.draw.special_period is True
    ticket = lottery.parse_ticket("ssq", "02 05 07 09 21 33 + 01")
    assert [w.tier for w in lottery.check(ticket, record.draw).wins] == ["福运奖"]
    text = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04; 福运奖=5", issue="2026120")
    assert text.special_period is True  # 福运奖 was announced: the period was on
    assert [w.tier for w in lottery.check(ticket, text).wins] == ["福运奖"]
    assert lottery.parse_draw("ssq", str(text)) == text


@pytest.mark.parametrize(
    ("game", "text", "tier"),
    [("3d", "326; 直选=1040", "单选"), ("pl5", "16170; 一等奖=100000", "直选")],
)
def test_draw_text_reads_the_feeds_prize_names(game: str, text: str, tier: str) -> None:
    draw = lottery.parse_draw(game, text, issue="2019048")
    assert dict(draw.prizes) == {tier: int(text.rpartition("=")[2])}
