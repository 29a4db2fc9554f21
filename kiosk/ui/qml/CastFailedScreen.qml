// Nothing was stored: the voter's answers are kept so they can try again. Every reason the core
// gives for a refused cast has its text here (tests/ui/test_refusal_texts.py checks it).
import QtQuick

// At the largest text the screen scrolls, with its paging buttons under it.
ScrollArea {
    function why(error) {
        switch (error) {
        case "polls_not_open": return qsTr("The booth refused this vote: polls are not open now. Nothing was recorded. Please ask a poll worker.")
        case "session_not_open": return qsTr("The booth refused this vote: the session may have been closed. Nothing was recorded. Please ask a poll worker.")
        case "not_eligible": return qsTr("The booth refused this vote: you may not vote in this session. Nothing was recorded. Please ask a poll worker.")
        case "already_voted": return qsTr("The booth refused this vote: a vote was already cast in this session. Nothing was recorded. Please ask a poll worker.")
        case "cast_pending": return qsTr("The booth refused this vote: a vote with your code is being recorded at another booth in this session. Nothing was recorded here. Please ask a poll worker.")
        case "hall_unreachable": return qsTr("This booth cannot reach the hall just now. Your vote was NOT recorded. Please go to another booth.")
        case "storage": return qsTr("The booth could not store your vote. Nothing was recorded and your answers are kept. Try again, or ask a poll worker.")
        }
        return ""
    }
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { objectName: "cast-not-recorded"; big: true; text: "! " + qsTr("Your vote was NOT recorded") }
        Says { objectName: "cast-failed-why"; text: why(walk.castError) }
        BigButton { objectName: "cast-retry"; primary: true; text: qsTr("Try again"); onTapped: walk.e2e ? walk.seal() : walk.submit() }
        BigButton { objectName: "cast-failed-done"; isBack: true; text: qsTr("Back to sessions"); onTapped: walk.done() }
    }
}
