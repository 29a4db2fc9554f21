// Every answer before the vote is cast, then the button that casts it; "No answer" is flagged apart from an abstention, and so is a
// multiple choice with fewer picks than allowed. The heading scrolls with the answers; a page of
// answers never ends in the middle of one.
import QtQuick

Item {
    readonly property var missing: walk.review.filter(r => r.state === "no_answer").map(r => r.number)
    ScrollArea {
        id: list
        external: true
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: actions.top; bottomMargin: access.gap }
        Column {
            width: parent.width
            spacing: access.gap
            Column {
                id: head
                readonly property bool pagedByLine: true  // a long heading pages by its lines too
                width: parent.width
                spacing: access.gap
                Says { big: true; text: walk.sessionTitle + " — " + qsTr("Review your answers") }
                Notice {
                    objectName: "review-unanswered"
                    visible: missing.length > 0
                    text: (missing.length === 1 ? qsTr("Question %1 has no answer.").arg(missing[0])
                           : qsTr("Questions %1 have no answer.").arg(missing.join(", ")))
                          + " " + qsTr("You can still answer with Change.")
                }
            }
            Repeater {
                model: walk.review
                Rectangle {
                    objectName: "review-" + modelData.id
                    readonly property bool under: modelData.kind === "multiple" && modelData.chosenCount > 0
                                                  && modelData.chosenCount < modelData.max
                    width: parent.width
                    height: Math.max(row.implicitHeight, change.height) + 2 * access.gap
                    color: access.theme.background
                    border.color: access.theme.border
                    border.width: modelData.state === "no_answer" || under ? 5 : 1
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
                        Says {
                            objectName: "undervote-" + modelData.id
                            visible: under
                            text: "! " + qsTr("You chose %1 of up to %2.").arg(modelData.chosenCount).arg(modelData.max)
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
            // After every answer, so the voter reaches it having seen them all; at the largest text
            // it takes the list's room only once they get there.
            BigButton {
                objectName: "review-submit"
                visible: !walk.e2e
                primary: true
                fill: true
                text: qsTr("Submit your vote")
                detail: qsTr("This is final: your vote cannot be changed afterwards.")
                onTapped: walk.submit()
            }
            // An end-to-end booth seals first: the code prints, then she casts or checks the ballot.
            BigButton {
                objectName: "review-seal"
                visible: walk.e2e
                primary: true
                fill: true
                text: qsTr("Seal my ballot")
                detail: qsTr("The booth prints your ballot's code, then asks you to cast it or check it.")
                onTapped: walk.seal()
            }
        }
    }
    Flow {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: access.gap
        BigButton { objectName: "review-back"; isBack: true; text: qsTr("Back"); onTapped: walk.back() }
        Pager { area: list }
    }
}
