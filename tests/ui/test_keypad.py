"""A delegate who cannot use the touchscreen votes alone: a USB keypad, or two switches (sip-and-puff).

Every key event goes to the real window; the ballot is read back from the real ballot box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF

from kiosk.ballot.definition import ElectionDefinition, Option, VotingSession
from kiosk.ballot.encryption import decrypt_ballot
from kiosk.ballot.selections import decode_ballot
from kiosk.booth.station import Station
from kiosk.ui.accessibility import THEMES
from kiosk.ui.app import BoothUi
from tests.kit import ElectionKit
from tests.ui.keys import (
    DOWN,
    SELECT,
    choose_with_keypad,
    choose_with_switches,
    focused,
    press,
    reach_with_arrows,
)
from tests.ui.taps import MARITIME, find, settle, text_of, voter_code
from tests.ui.test_accessibility import contrast

Choose = Callable[[BoothUi, str], None]
# WCAG 2.2 2.4.13 (focus appearance): the ring contrasts at least 3:1 with what is around it.
FOCUS_RING_CONTRAST = 3.0


def _answers(session: VotingSession) -> dict[str, tuple[str, ...]]:
    """Yes, No, Abstain, Yes... down the session: every option is reached at least once."""
    answers = {}
    for n, question in enumerate(session.questions):
        options: list[Option] = question.options  # type: ignore[union-attr]
        answers[question.id] = (options[n % len(options)].id,)
    return answers


def _vote_by_keys(ui: BoothUi, kit: ElectionKit, station: Station, choose: Choose, wake: object) -> None:
    _voter, code = voter_code(kit, station.station_id, MARITIME)
    press(ui, wake)  # type: ignore[arg-type]  # the first key wakes the keypad: the ring appears
    assert focused(ui) == "enter-code"
    choose(ui, "enter-code")
    for symbol in code.replace("-", ""):
        choose(ui, f"key-{symbol}")
    choose(ui, "code-submit")
    choose(ui, f"session-{MARITIME}")
    session = kit.definition.session(MARITIME)
    for n, (question_id, (answer,)) in enumerate(_answers(session).items()):
        assert text_of(ui, "question-number").endswith(f"Question {n + 1} of 24")
        assert focused(ui) == f"option-{session.questions[0].options[0].id}"  # type: ignore[union-attr]
        choose(ui, f"option-{answer}")
        assert find(ui, f"option-{answer}").property("chosen") is True, question_id
        assert focused(ui) == f"option-{answer}"  # the ring stays where the voter is
        choose(ui, "question-continue")
    assert ui.walk.walk.screen.value == "review"
    choose(ui, "review-submit")
    choose(ui, "confirm-cast")
    assert text_of(ui, "cast-recorded").endswith("Your vote has been recorded")


def _ballot(kit: ElectionKit, station: Station) -> dict[str, tuple[str, ...]]:
    election: ElectionDefinition = kit.definition
    [(_tracking, session_id, ciphertext)] = station.box.all_ballots()
    plaintext = decrypt_ballot(kit.secret, election.id, session_id, ciphertext)
    return dict(decode_ballot(election, election.session(MARITIME), plaintext).answers)


def test_a_delegate_casts_24_answers_with_the_keypad_only(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    _vote_by_keys(ui, conference, station, choose_with_keypad, DOWN)
    assert _ballot(conference, station) == _answers(conference.definition.session(MARITIME))


def test_a_delegate_casts_24_answers_with_two_switches_only(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    from kiosk.ui.navigation import SWITCH_MOVE

    _vote_by_keys(ui, conference, station, choose_with_switches, SWITCH_MOVE)
    assert _ballot(conference, station) == _answers(conference.definition.session(MARITIME))


def test_the_focus_ring_is_seen_in_every_theme_and_follows_the_voter_down_a_long_list(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    press(ui, DOWN)
    _voter, code = voter_code(conference, station.station_id, MARITIME)
    choose_with_keypad(ui, "enter-code")
    for symbol in code.replace("-", ""):
        choose_with_keypad(ui, f"key-{symbol}")
    choose_with_keypad(ui, "code-submit")
    for contrast_name in ("default", "high", "low"):
        ui.access.set_look(contrast_name, 3)  # the largest text: the sessions overflow the screen
        settle(ui.window)
        button = find(ui, focused(ui))
        room = int(button.property("ringRoom"))
        # A pixel in the gap just left of the button, where only the ring is painted.
        where = button.mapToScene(QPointF(-room / 2, button.height() / 2))
        picture = ui.window.grabWindow()
        colour = picture.pixelColor(round(where.x()), round(where.y())).name().upper()
        theme = THEMES[contrast_name]
        assert colour == theme.focus, contrast_name
        assert contrast(colour, theme.background) >= FOCUS_RING_CONTRAST, contrast_name
    last = [n for n in (i.objectName() for i in _session_buttons(ui))][-1]
    reach_with_arrows(ui, last)
    settle(ui.window)
    item = find(ui, last)
    bottom = item.mapToScene(QPointF(0, item.height())).y()
    assert bottom <= ui.window.height(), "the focused button is scrolled onto the glass"


def _session_buttons(ui: BoothUi) -> list:  # type: ignore[type-arg]
    from kiosk.ui.navigation import reachable_items

    return [i for i in reachable_items(ui.window) if i.objectName().startswith("session-")]


def test_back_key_goes_back_and_the_first_key_changes_nothing(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    from PySide6.QtCore import Qt

    press(ui, SELECT)  # a voter's first press only wakes the keypad: it never casts or chooses blindly
    assert ui.walk.walk.screen.value == "welcome"
    press(ui, SELECT)
    assert ui.walk.walk.screen.value == "code_entry"
    press(ui, Qt.Key.Key_Backspace)
    assert ui.walk.walk.screen.value == "welcome"
