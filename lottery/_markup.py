"""Private: markup to text, with the standard library (``html.parser``, ``html.unescape``).

Scraped result pages hold the announcement inside tags and entities
(``<span class="ball">09</span>``, ``&nbsp;``).  Tags become white space
(a line break for block elements, so a table row stays a line), entities are
unescaped, scripts and styles are dropped.  Line numbers of the text are kept:
every newline of the input stays a newline of the output.
"""

from __future__ import annotations

import html
import html.parser
import re
from typing import Final

__all__ = ["looks_like_markup", "strip_markup"]

_BLOCK: Final = frozenset(
    {"br", "p", "div", "tr", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "ul"}
)
_SKIP: Final = frozenset({"script", "style", "title", "template"})
_VOID: Final = frozenset({"br", "img", "input", "meta", "link", "hr", "col", "area", "base", "wbr"})
_TAG: Final = re.compile(r"<[A-Za-z!/?]")


def looks_like_markup(text: str) -> bool:
    """Whether ``text`` holds tags or entities worth stripping."""
    return _TAG.search(text) is not None or "&" in text


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """An element a browser does not show (``style="display:none"``, ``hidden``)."""
    for name, value in attrs:
        if name == "hidden" or (
            name == "style" and "display:none" in (value or "").replace(" ", "")
        ):
            return True
    return False


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipped: list[str] = []  # open elements whose text is not shown

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP or (tag not in _VOID and _hidden(attrs)):
            self.skipped.append(tag)
        self.parts.append(" " if tag not in _BLOCK else " \u2028")

    def handle_endtag(self, tag: str) -> None:
        if self.skipped and self.skipped[-1] == tag:
            self.skipped.pop()
        self.parts.append(" " if tag not in _BLOCK else " \u2028")

    def handle_data(self, data: str) -> None:
        if self.skipped:
            self.parts.append("\n" * data.count("\n"))
        else:
            self.parts.append(data)


def strip_markup(text: str) -> str:
    """``text`` without tags and entities; block tags end a line (U+2028, a line separator)."""
    if not looks_like_markup(text):
        return text
    if _TAG.search(text) is None:
        return html.unescape(text)
    parser = _Text()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)
