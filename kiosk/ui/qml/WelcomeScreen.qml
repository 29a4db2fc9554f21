import QtQuick

// At the largest text the screen scrolls, with its paging buttons under it.
ScrollArea {
    Column {
        width: parent.width
        spacing: 3 * access.gap
        Says { objectName: "election-title"; big: true; text: walk.electionTitle }
        Says {
            objectName: "welcome-not-ready"
            visible: walk.electionTitle === ""
            text: qsTr("This booth is not set up yet. Please see a poll worker.")
        }
        Says {
            objectName: "welcome-closed"
            visible: walk.electionTitle !== "" && !walk.pollsOpen
            text: qsTr("Voting is not open at this booth now. Please see a poll worker.")
        }
        Says { visible: walk.pollsOpen; text: qsTr("Insert your card or enter your voting code") }
        BigButton {
            visible: walk.pollsOpen
            objectName: "enter-code"
            primary: true
            text: qsTr("Enter a voting code")
            onTapped: walk.startCodeEntry()
        }
    }
}
