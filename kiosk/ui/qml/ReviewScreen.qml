// Every answer before the vote is cast; "No answer" is flagged apart from an abstention.
import QtQuick

Item {
    Column {
        id: head
        width: parent.width
        spacing: access.gap
        Says { big: true; text: walk.sessionTitle + " — " + qsTr("Review your answers") }
        Notice {
            objectName: "review-unanswered"
            visible: walk.unanswered > 0
            text: qsTr("Questions with no answer: %1. You can still answer them with Change.").arg(walk.unanswered)
        }
    }
    ScrollArea {
        id: list
        external: true
        anchors { left: parent.left; right: parent.right; top: head.bottom; bottom: actions.top; margins: access.gap }
        Column {
            width: parent.width
            spacing: access.gap
            Repeater {
                model: walk.review
                Rectangle {
                    objectName: "review-" + modelData.id
                    width: parent.width
                    height: Math.max(row.implicitHeight, change.height) + 2 * access.gap
                    color: access.theme.background
                    border.color: access.theme.border
                    border.width: modelData.state === "no_answer" ? 5 : 1
                    Column {
                        id: row
                        x: access.gap
                        y: access.gap
                        width: parent.width - change.width - 3 * access.gap
                        Says { text: modelData.number + ". " + modelData.title }
                        Says {
                            objectName: "answer-" + modelData.id
                            font.bold: true
                            text: modelData.state === "no_answer" ? "! " + qsTr("No answer") : modelData.answer
                        }
                    }
                    BigButton {
                        id: change
                        objectName: "change-" + modelData.id
                        anchors { right: parent.right; rightMargin: access.gap; verticalCenter: parent.verticalCenter }
                        text: qsTr("Change")
                        onTapped: walk.change(modelData.id)
                    }
                }
            }
        }
    }
    Flow {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: access.gap
        BigButton { objectName: "review-back"; isBack: true; text: qsTr("Back"); onTapped: walk.back() }
        BigButton {
            objectName: "review-submit"
            primary: true
            text: qsTr("Submit your vote")
            detail: qsTr("This is final: your vote cannot be changed afterwards.")
            onTapped: walk.submit()
        }
        Pager { area: list }
    }
}
