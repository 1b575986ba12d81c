"""The single-bet lanes: one-pass reading and matching agree with the full parser and counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lottery
from lottery import notation
from lottery import strategies as lst

GAMES = [g.code for g in lottery.games()]


def _full(game: lottery.Game, text: str, issue: str | None) -> lottery.Ticket | None:
    try:
        return notation._read_ticket(game, text, issue, plain=False)
    except lottery.LotteryError:
        return None


def _agree(game: lottery.Game, text: str, issue: str | None) -> lottery.Ticket | None:
    """The plain lane's ticket, if it takes the text; it must be the full parser's, exactly."""
    edition = game.edition(issue) if issue is not None else None
    plain = notation._plain_single(game, text, edition)
    if plain is None:
        return None  # the full parser decides, and explains
    full = _full(game, text, issue)
    assert full is not None, text
    assert plain == full, text
    assert (str(plain), plain.bets, plain.form, plain.cost) == (
        str(full),
        full.bets,
        full.form,
        full.cost,
    )
    return plain


def _variants(text: str) -> list[str]:
    return [
        text,
        text + "\n",
        "  " + text + "\t",
        text.replace(" + ", "+"),
        text.replace(" + ", " +"),
        text.replace(" ", "  "),
        text.replace(" ", ","),
        text.replace(" + ", " "),
        text.replace(" ", ""),
        text + " x7",
        text + " X12",
        text + " x0",
        text + " x100",
        text + " x",
        text + "x2",
        text + " x٣",
        text + " 追加",
        text + " x3 追加",
        text + " 追加 x3",
        text + "追加",
        text.replace("0", "٠"),
        text.replace("0", "０"),
        text[:-1],
        text + "1",
        "0" + text,
        text + " + 01",
        text.replace("+", "#"),
    ]


@pytest.mark.parametrize("code", GAMES)
@given(data=st.data())
def test_plain_reading_agrees_on_singles_and_their_variants(code: str, data: st.DataObject) -> None:
    game = lottery.get_game(code)
    ticket = data.draw(st.one_of(lst.tickets(game=code, form="单式"), lst.tickets(game=code)))
    issue = data.draw(st.one_of(st.none(), lst.draws(game=code).map(lambda d: d.issue)))
    for text in _variants(str(ticket)):
        _agree(game, text, issue)


@pytest.mark.parametrize("code", GAMES)
@given(text=st.text(alphabet="0123456789 +xX,|#\n\t", max_size=40))
def test_plain_reading_agrees_on_noise(code: str, text: str) -> None:
    _agree(lottery.get_game(code), text, None)


def _plain_singles() -> st.SearchStrategy[tuple[lottery.Ticket, lottery.Draw]]:
    return lst.games().flatmap(lambda g: lst.matches(game=g, form="单式", play=g.default_play.name))


def _any_singles() -> st.SearchStrategy[tuple[lottery.Ticket, lottery.Draw]]:
    return lst.games().flatmap(lambda g: lst.matches(game=g, form="单式"))


@given(_any_singles())
def test_every_plain_single_bet_is_read_in_one_pass(
    pair: tuple[lottery.Ticket, lottery.Draw],
) -> None:
    """Fails if the plain lane is switched off or skips a game, a play, an edition or a number."""
    ticket, draw = pair
    play = ticket.play_object
    if type(play).plain_reader is lottery.Play.plain_reader:  # 直选和值, 1D …: read in full
        return
    if ticket.bets != 1:
        return
    text = str(ticket)
    assert _agree(ticket.game, text, draw.issue) == ticket
    if ticket.edition is None or not ticket.game.layouts_differ:
        assert _agree(ticket.game, text, None) == ticket
    assert notation._plain_single(ticket.game, text, draw.edition) is not None, text


@given(_any_singles(), _any_singles())
def test_single_bets_of_one_pattern_win_alike(
    pair: tuple[lottery.Ticket, lottery.Draw], other: tuple[lottery.Ticket, lottery.Draw]
) -> None:
    """Two single bets of a play with one match pattern count alike (what check remembers)."""
    ticket, draw = pair
    play = ticket.play_object
    hits = play.single_hits(ticket, draw)
    if type(play).single_hits is not lottery.Play.single_hits:
        assert hits is not None, ticket  # fails if a play's single lane is switched off
    if type(play).__name__ == "StandardPlay":
        assert dict.fromkeys(draw.winning_tiers(hits), 1) == {
            tier: n for tier, n in play.count(ticket, draw).items() if n
        }
    second = other[0]
    same = second.game is ticket.game and second.play == ticket.play and second.bets == 1
    if same and second.edition == ticket.edition and play.single_hits(second, draw) == hits:
        counts = {t: n for t, n in play.count(ticket, draw).items() if n}
        assert {t: n for t, n in play.count(second, draw).items() if n} == counts


@given(_plain_singles())
def test_check_of_a_single_bet_is_its_counted_result(
    pair: tuple[lottery.Ticket, lottery.Draw],
) -> None:
    ticket, draw = pair
    result = lottery.check(ticket, draw)
    again = lottery.check(ticket, draw)  # the second from the draw's made wins
    counts = ticket.play_object.count(ticket, draw)
    for base, addon in draw.edition.addons if ticket.addon else ():
        if counts.get(base):
            counts[addon] = counts[base]
    assert {w.tier: w.count for w in result.wins} == {t: n for t, n in counts.items() if n}
    assert result == again
    known = sum((w.prize * w.count for w in result.wins if w.prize is not None), start=0)
    assert result.total == known * ticket.multiple
    assert result.to_dict()["total"] == again.to_dict()["total"]


def test_plain_reading_examples() -> None:
    ssq = lottery.get_game("ssq")
    assert notation._plain_single(ssq, "02 05 07 08 20 33 + 04 x5", None) is not None
    assert notation._plain_single(ssq, "02 05 07 08 20 20 + 04", None) is None  # a repeat
    assert notation._plain_single(ssq, "01 02 05 07 08 20 27 + 04", None) is None  # a 复式
    qxc = lottery.get_game("qxc")
    glued = notation._plain_single(qxc, "5600217", qxc.edition("20101"))
    assert glued is not None
    assert str(glued) == "560021 + 7"
    old = notation._plain_single(qxc, "5600217", None)  # no issue: the 7-digit layout, as in full
    assert old == _full(qxc, "5600217", None)
    dlt = lottery.get_game("dlt")
    addon = notation._plain_single(dlt, "02 08 11 16 23 + 02 07 x3 追加", None)
    assert addon is not None
    assert (addon.addon, addon.multiple) == (True, 3)
    with pytest.raises(lottery.DuplicateNumber):
        lottery.parse_ticket("ssq", "02 05 07 08 20 20 + 04")
