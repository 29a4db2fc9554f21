import QtQuick

Column {
    spacing: 3 * access.gap
    Says { objectName: "election-title"; big: true; text: walk.electionTitle }
    Says {
        objectName: "welcome-not-ready"
        visible: walk.electionTitle === ""
        text: qsTr("This booth is not set up yet. Please see a poll worker.")
    }
    Says { visible: walk.electionTitle !== ""; text: qsTr("Insert your card or enter your voting code") }
    BigButton {
        visible: walk.electionTitle !== ""
        objectName: "enter-code"
        primary: true
        text: qsTr("Enter a voting code")
        onTapped: walk.startCodeEntry()
    }
}
