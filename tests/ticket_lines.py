"""Random lines of a ticket file for the lanes' property tests: tickets, bad tickets, noise."""

from __future__ import annotations

from hypothesis import strategies as st

from lottery import strategies as lst


def variants(text: str) -> list[str]:
    """A ticket's text in the spellings a file may hold, canonical or not, valid or not."""
    return [
        text,
        text + " x3",
        text + " x12",
        text + " x0",
        text + " x05",
        text + " x100",
        " " + text,
        text.replace(" ", "  "),
        text + " 追加",
        text.replace("0", "９"),
        text + "x",
    ]


def lines(game: str) -> st.SearchStrategy[list[str]]:
    """Up to 30 lines: single bets, 复式 and 胆拖 in every spelling, bad tickets, blank lines."""
    tickets = st.one_of(lst.tickets(game=game, form="单式"), lst.tickets(game=game, max_bets=500))
    bad = lst.invalid_tickets(game=game).map(lambda b: b.text.replace("\n", " ").replace("\r", " "))
    noise = st.sampled_from(["", "   ", "# a comment", "#", "00 00", "x5"])
    one = st.one_of(tickets.map(str).flatmap(lambda t: st.sampled_from(variants(t))), bad, noise)
    return st.lists(one, max_size=30)
