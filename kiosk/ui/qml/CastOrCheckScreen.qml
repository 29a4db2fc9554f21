// Sealed: the ballot's code is already on paper, so the booth cannot change the ballot now that it
// asks. Cast counts it; Check opens it to prove what the booth encrypted, and it is never counted.
import QtQuick

// At the largest text the screen scrolls, with its paging buttons under it.
ScrollArea {
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { objectName: "sealed-title"; big: true; text: qsTr("Your ballot is sealed") }
        Says { text: qsTr("Its code is printed on the slip:") }
        Text {
            objectName: "sealed-code"
            readonly property bool spell: true
            width: parent.width
            wrapMode: Text.WrapAnywhere
            text: walk.sealedCode
            font.family: "DejaVu Sans Mono"
            font.pixelSize: access.titleFont * 1.4
            font.bold: true
            color: access.theme.text
        }
        BigButton {
            objectName: "seal-cast"
            primary: true
            fill: true
            text: qsTr("Cast this ballot")
            detail: qsTr("This is final: your vote is recorded and cannot be changed afterwards.")
            onTapped: walk.castSealed()
        }
        BigButton {
            objectName: "seal-check"
            fill: true
            active: walk.checksLeft > 0
            text: qsTr("Check this ballot")
            detail: walk.checksLeft > 0
                ? qsTr("A checked ballot is opened, shown publicly and never counted; you then vote again.")
                : qsTr("You have checked as many ballots as this booth allows: cast this one.")
            onTapped: walk.checkSealed()
        }
        Says { text: qsTr("Checking lets you confirm, with the slip, that the booth encrypted exactly your choices. Anyone may see a checked ballot's choices.") }
    }
}
