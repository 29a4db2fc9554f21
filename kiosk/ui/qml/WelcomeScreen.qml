import QtQuick

Column {
    spacing: 3 * access.gap
    Says { objectName: "election-title"; big: true; text: walk.electionTitle }
    Says { text: qsTr("Insert your card or enter your voting code") }
    BigButton {
        objectName: "enter-code"
        primary: true
        text: qsTr("Enter a voting code")
        onTapped: walk.startCodeEntry()
    }
}
