// Every session of the election for this voter: only the open ones can be entered.
import QtQuick

Item {
    ScrollArea {
        id: list
        external: true
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: actions.top; bottomMargin: access.gap }
        Column {
            width: parent.width
            spacing: access.gap
            Says { id: head; big: true; text: qsTr("Voting sessions") }  // scrolls with the list
            Repeater {
                model: walk.sessions
                BigButton {
                    objectName: "session-" + modelData.id
                    fill: true
                    text: modelData.title
                    detail: modelData.status === "open" ? qsTr("Open: tap to vote")
                          : modelData.status === "voted" ? "✓ " + qsTr("You have voted")
                          : qsTr("Not open now")
                    active: modelData.status === "open"
                    onTapped: walk.openSession(modelData.id)
                }
            }
        }
    }
    Flow {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: access.gap
        BigButton { objectName: "log-out"; text: qsTr("Log out"); onTapped: walk.logOut() }
        Pager { area: list }
    }
}
