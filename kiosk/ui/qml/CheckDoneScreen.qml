// The ballot was opened and stored as checked: never counted. The voter's answers are kept, she votes
// again (a new ballot, new secrets), and the slip lets her or anyone confirm what the booth encrypted.
import QtQuick

ScrollArea {
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { objectName: "checked-title"; big: true; text: qsTr("This ballot was checked: it will not be counted") }
        Says { text: qsTr("Checked ballot code:") }
        Text {
            objectName: "checked-code"
            readonly property bool spell: true
            width: parent.width
            wrapMode: Text.WrapAnywhere
            text: walk.sealedCode
            font.family: "DejaVu Sans Mono"
            font.pixelSize: access.titleFont
            font.bold: true
            color: access.theme.text
        }
        Says {
            objectName: "checked-print"
            text: walk.printStatus === "printed"
                ? qsTr("Take the slip: scan its QR code with a phone or at the observers' desk to confirm the booth encrypted the choices printed on it.")
                : qsTr("The slip could not be printed. Nothing was counted. Please tell a poll worker.")
        }
        Says { objectName: "checked-again"; text: qsTr("You have not voted yet. Vote again: your answers are kept, change any you like.") }
        BigButton { objectName: "checked-continue"; primary: true; text: qsTr("Vote again"); onTapped: walk.next() }
    }
}
