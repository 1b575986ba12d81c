"""Private text helpers: normalization and ASCII-only number reading.

Normalization maps one character to one character, so a column in the
normalized text is the same column in what the user typed; error messages can
point at the original.  Only full-width forms and CJK punctuation are mapped:
other "digits" (``٣``, ``²``, ``⑱``) stay as they are and are rejected by the
readers below, never silently converted.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from typing import Final

_MAP: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # ！…～
_MAP.update(
    {
        ord(src): ord(dst)
        for src, dst in {
            "\u3000": " ",  # ideographic space
            "\u00a0": " ",  # no-break space
            "\t": " ",
            "\u3001": ",",  # 、
            "\u3002": ".",  # 。
            "\u00d7": "x",  # ×, the multiple sign
            "\u2014": "-",  # —
            "\u2013": "-",  # –
            "\u3010": "[",  # 【
            "\u3011": "]",  # 】
            "\u300c": '"',  # 「
            "\u300d": '"',  # 」
            "\u201c": '"',  # “
            "\u201d": '"',  # ”
            "\ufe62": "+",  # small plus
        }.items()
    },
)
#: Traditional characters of result pages, one for one with their simplified forms
#: (雙色球, 開獎號碼, 紅球, 藍球 …), so that one grammar reads both.
_TRADITIONAL: Final = (
    "雙双開开獎奖號号碼码紅红藍蓝樂乐體体選选試试機机結结當当區区後后週周頭头銷销額额單单"
    "複复膽胆組组數数順顺國国聯联網网電电腦脑華华東东時时間间體体彩彩門门費费際际歲岁"
)
_MAP.update({ord(a): ord(b) for a, b in zip(_TRADITIONAL[::2], _TRADITIONAL[1::2], strict=True)})
_TABLE: Final = _MAP

_DIGITS_RE: Final = re.compile(r"[0-9]+")
#: Whole numbers are read up to 15 digits (as :func:`plain_int`).
_MOST: Final = 10**15

#: Longest text any parser reads as one ticket or draw; anything longer is not
#: a ticket (the largest real ticket is about 120 characters).
MAX_LINE: Final = 1000


def normalize(text: str) -> str:
    """Map full-width characters, CJK punctuation and traditional characters, one for one."""
    return text.translate(_TABLE)


def plain_int(text: str) -> int | None:
    """``12224`` as an int: ASCII digits only (``str.isdecimal`` alone takes ٣), at most 15."""
    return int(text) if text.isascii() and text.isdecimal() and len(text) < 16 else None


#: Cells joined by commas, each of ASCII digits (or empty).
_DIGITS_AND_COMMAS: Final = re.compile(r"[0-9,]*")


def plain_ints(cells: list[str]) -> list[int] | None:
    """A column of cells each :func:`plain_int` without a leading zero, read at once; else ``None``.

    The cells are read as one JSON array, which proves and converts every one in C
    (a history's column is thousands of cells); ``None`` leaves them to be read one by one.
    """
    text = ",".join(cells)
    if _DIGITS_AND_COMMAS.fullmatch(text) is None:
        return None  # not ASCII digits and commas only
    try:
        values: list[int] = json.loads(f"[{text}]")
    except ValueError:
        return None  # an empty cell, a leading zero
    if len(values) != len(cells) or max(values) >= _MOST:
        return None  # a cell held a comma; a number of more than 15 digits
    return values


def is_digits(token: str) -> bool:
    """Whether ``token`` is one or more ASCII digits (``str.isdigit`` is not)."""
    return _DIGITS_RE.fullmatch(token) is not None


_DATE_RE: Final = re.compile(
    r"(?P<y>[0-9]{4})(?:(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"|年(?P<m2>[0-9]{1,2})月(?P<d2>[0-9]{1,2})日?)"
    r"(?:\s*\((?P<w>[一二三四五六日天])\))?",
)


def match_date(text: str, pos: int = 0) -> tuple[datetime.date, str | None, int] | None:
    """A date at ``text[pos:]``: ``2019-02-24``, ``2019/2/24``, ``2019年2月24日``.

    An optional weekday in brackets may follow (``2025-06-05(四)``), as the
    China Welfare Lottery prints it.  Returns the date, the weekday character
    (or ``None``) and where the match ends; ``None`` when there is no valid
    date there.
    """
    m = _DATE_RE.match(text, pos)
    if m is None:
        return None
    month = m.group("m") or m.group("m2")
    day = m.group("d") or m.group("d2")
    try:
        value = datetime.date(int(m.group("y")), int(month), int(day))
    except ValueError:
        return None
    return value, m.group("w"), m.end()


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns."""
    return text + " " * max(0, columns - width(text))


def cut(text: str, most: int = 40) -> str:
    """``text`` cut to ``most`` characters, an ellipsis marking the cut."""
    return text if len(text) <= most else text[: most - 1] + "…"


def shown(text: str, most: int = 40) -> str:
    """``repr`` of a token for a message, cut to ``most`` characters."""
    return repr(cut(text, most))


def shorten(text: str, most: int = 100) -> str:
    """One line of at most ``most`` characters (white space runs folded)."""
    return cut(" ".join(text.split()), most)


def ensure_str(text: object, what: str = "text") -> str:
    """Return ``text`` if it is a str; raise a clear TypeError otherwise."""
    if not isinstance(text, str):
        msg = f"{what} must be a str, not {type(text).__name__}"
        raise TypeError(msg)
    return text
