// Nothing was stored: the voter's answers are kept so they can try again.
import QtQuick

// At the largest text the screen scrolls, with its paging buttons under it.
ScrollArea {
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { objectName: "cast-not-recorded"; big: true; text: "! " + qsTr("Your vote was NOT recorded") }
        Says {
            text: walk.castError === "refused"
                ? qsTr("The booth refused this vote: the session may have been closed. Nothing was recorded. Please ask a poll worker.")
                : qsTr("The booth could not store your vote. Nothing was recorded and your answers are kept. Try again, or ask a poll worker.")
        }
        BigButton { objectName: "cast-retry"; primary: true; text: qsTr("Try again"); onTapped: walk.submit() }
        BigButton { objectName: "cast-failed-done"; isBack: true; text: qsTr("Back to sessions"); onTapped: walk.done() }
    }
}
