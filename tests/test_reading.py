"""make_record: raw fields of an announcement become a record that holds a draw or says why not."""

from __future__ import annotations

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
