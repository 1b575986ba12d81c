"""Money: exact yuan as :class:`~decimal.Decimal`, everywhere in the API.

Prizes are not always whole yuan (快乐8 pays 4.5元 and 4.6元), and binary
floats cannot hold them exactly, so every prize, amount and total is a
``Decimal``.  Whole amounts carry no fraction (``Decimal('3000')``, which
compares equal to ``3000``), others no trailing zeros (``Decimal('4.5')``).
JSON writes each as a number with exactly its decimal digits (``3000``,
``4.5``).

>>> from lottery._money import money, text, to_json
>>> money(3000), money("4.50"), money(2) * money("4.5")
(Decimal('3000'), Decimal('4.5'), Decimal('9.0'))
>>> text(money(2) * money("4.5")), text(money(1234567)), to_json(money("4.6"))
('9', '1,234,567', 4.6)
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Final

__all__ = ["ZERO", "Money", "json_default", "money", "text", "tidy", "to_json"]

#: The one type of every prize and total.
Money = Decimal
ZERO: Final = Decimal(0)


def tidy(value: Decimal) -> Decimal:
    """The same amount without a fraction when whole, without trailing zeros otherwise."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def money(value: object) -> Decimal:
    """An exact amount of yuan from an int, a Decimal or a decimal string (never a float)."""
    if type(value) is int:  # the usual amount
        return Decimal(value)
    if isinstance(value, bool | float):
        msg = f"money must be an int, a Decimal or a decimal string, not {type(value).__name__}"
        raise TypeError(msg)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            msg = f"not an amount of yuan: {value!r}"
            raise ValueError(msg) from None
    else:
        msg = f"money must be an int, a Decimal or a decimal string, not {type(value).__name__}"
        raise TypeError(msg)
    if not amount.is_finite():
        msg = f"not an amount of yuan: {value!r}"
        raise ValueError(msg)
    return tidy(amount)


def text(value: Decimal) -> str:
    """``3,000`` or ``4.5``: an amount as the command line prints it."""
    amount = tidy(value)
    return f"{amount:,}" if amount == amount.to_integral_value() else f"{amount:,f}"


def to_json(value: Decimal) -> int | float | str:
    """A JSON number with exactly the amount's digits: an int when whole.

    A fraction is written through the float whose shortest repr is the same
    decimal text (always so for amounts of up to 15 digits); an amount no
    float can carry that way is written as a string rather than rounded.
    """
    amount = tidy(value)
    if amount == amount.to_integral_value():
        return int(amount)
    as_float = float(amount)
    return as_float if Decimal(repr(as_float)) == amount else str(amount)


def json_default(value: Any) -> Any:  # noqa: ANN401 - json's hook takes anything
    """``json.dumps(…, default=json_default)``: Decimals as exact numbers."""
    if isinstance(value, Decimal):
        return to_json(value)
    msg = f"Object of type {type(value).__name__} is not JSON serializable"
    raise TypeError(msg)
