// Shown only once the core has stored the ballot.
import QtQuick

// At the largest text the screen scrolls, with its paging buttons under it.
ScrollArea {
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { objectName: "cast-recorded"; big: true; text: "✓ " + qsTr("Your vote has been recorded") }
        Says { text: qsTr("Your tracking code:") }
        Text {
            objectName: "tracking-code"
            readonly property bool spell: true
            width: parent.width
            wrapMode: Text.WrapAnywhere
            text: walk.trackingCode
            font.family: "DejaVu Sans Mono"
            font.pixelSize: access.titleFont * 1.4
            font.bold: true
            color: access.theme.text
        }
        Says {
            objectName: "print-status"
            text: walk.printStatus === "printed" ? qsTr("Your receipt has been printed. Take it with you.")
                : walk.printStatus === "paper_out" ? qsTr("The receipt could not be printed: the printer is out of paper. Your vote is recorded. Please tell a poll worker.")
                : walk.printStatus === "failed" ? qsTr("The receipt could not be printed. Your vote is recorded. Please tell a poll worker.")
                : qsTr("No receipt is printed at this booth: note your tracking code if you wish to check it later.")
        }
        BigButton { objectName: "cast-done"; primary: true; text: qsTr("Done"); onTapped: walk.done() }
    }
}
