"""Records of a JSON document too large to parse whole, read one at a time from text pieces.

Standard library only: ``json.JSONDecoder.raw_decode`` reads each value where
it starts, so memory holds one record and the unread piece, never the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

__all__ = ["JsonStream"]


class JsonStream:
    """The records of a large JSON document, read one at a time from pieces of text.

    The document is a list, or objects that hold one (at any depth); the first
    list of objects is the records.  Scalars and other values around it are
    read and dropped.
    """

    def __init__(self, pieces: Iterator[str]) -> None:
        self.pieces = pieces
        self.buf = ""
        self.pos = 0
        self.count = 0
        self.error: str | None = None
        self.decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        piece = next(self.pieces, None)
        if piece is None:
            return False
        self.buf = self.buf[self.pos :] + piece
        self.pos = 0
        return True

    def _peek(self) -> str | None:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n\ufeff":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return None

    def _after(self) -> str | None:
        """The first character after the one at ``pos`` that is not white space."""
        self.pos += 1
        char = self._peek()
        self.pos -= 1
        return char

    def _value(self) -> Any:  # noqa: ANN401 - any JSON value
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if not self._fill():
                    raise
                continue
            if end == len(self.buf) and self._fill():
                continue  # a number may go on in the next piece
            self.pos = end
            return value

    def records(self) -> Iterator[Any]:
        """Each record of the first list of objects."""
        try:
            yield from self._walk(0)
        except (json.JSONDecodeError, RecursionError) as error:
            self.error = f"not valid JSON after record {self.count}: {error}"
        else:
            if self.count == 0 and self.error is None:
                self.error = "no list of records under any key"

    def _walk(self, depth: int) -> Iterator[Any]:
        char = self._peek()
        if char == "[":
            yield from self._list()
        elif char == "{" and depth < 4:
            self.pos += 1
            while (char := self._peek()) not in ("}", None):
                if char == ",":
                    self.pos += 1
                    continue
                self._value()  # the key
                if self._peek() != ":":
                    msg = "expected ':'"
                    raise json.JSONDecodeError(msg, self.buf, self.pos)
                self.pos += 1
                nxt = self._peek()
                if self.count == 0 and (nxt == "{" or (nxt == "[" and self._after() == "{")):
                    yield from self._walk(depth + 1)
                else:
                    self._value()
            self.pos += 1
        else:
            self._value()

    def _list(self) -> Iterator[Any]:
        self.pos += 1
        while (char := self._peek()) not in ("]", None):
            if char == ",":
                self.pos += 1
                continue
            item = self._value()
            self.count += 1
            yield item
            if self.pos > 1 << 20:
                self.buf, self.pos = self.buf[self.pos :], 0
        self.pos += 1
