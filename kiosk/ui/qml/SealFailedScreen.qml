// No code on paper, so nothing was asked and nothing was kept: the voter's answers are.
import QtQuick

ScrollArea {
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { objectName: "seal-failed-title"; big: true; text: "! " + qsTr("Your ballot was NOT sealed") }
        Says {
            objectName: "seal-failed-why"
            text: walk.printStatus === "paper_out"
                ? qsTr("The printer is out of paper, so the ballot's code could not be printed. Nothing was recorded. Please ask a poll worker.")
                : qsTr("The ballot's code could not be printed. Nothing was recorded. Please ask a poll worker.")
        }
        BigButton { objectName: "seal-failed-back"; primary: true; isBack: true; text: qsTr("Back to the review"); onTapped: walk.back() }
    }
}
