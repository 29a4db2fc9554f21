// One question per screen, its options as large buttons; how many may be chosen is said plainly.
// The question scrolls with its options, so at the largest text the options keep the room.
import QtQuick

Item {
    readonly property var q: walk.question
    function hint() {
        if (q.kind === "list") return qsTr("Choose one list.")
        if (q.kind === "multiple") {
            if (q.min > 1) return qsTr("Choose at least %1 and at most %2.").arg(q.min).arg(q.max)
            return qsTr("Choose up to %1.").arg(q.max)
        }
        return qsTr("Choose one answer.")
    }
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
                Says { objectName: "question-number"; text: walk.sessionTitle + " — " + qsTr("Question %1 of %2").arg(q.number).arg(q.count) }
                Says { objectName: "question-title"; big: true; text: q.title }
                Says { visible: q.description !== ""; text: q.description }
                Says { objectName: "question-hint"; text: hint() + (q.allowBlank ? " " + qsTr("You may leave this question blank.") : "") }
                Notice {
                    objectName: "question-maximum"
                    visible: q.kind === "multiple" && q.atMaximum
                    text: qsTr("You have chosen the most allowed. To choose another, first tap a chosen one to remove it.")
                }
            }
            Repeater {
                model: walk.options
                BigButton {
                    objectName: "option-" + modelData.id
                    fill: true
                    text: modelData.label
                    detail: modelData.chosen ? qsTr("Chosen") + (modelData.candidates !== "" ? " — " + modelData.candidates : "")
                                             : modelData.candidates
                    chosen: modelData.chosen
                    onTapped: walk.choose(modelData.id)
                }
            }
            Says {
                objectName: "question-needs-answer"
                visible: q.canContinue !== true
                text: qsTr("Choose an answer to continue.")
            }
        }
    }
    Flow {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: access.gap
        BigButton { objectName: "question-back"; isBack: true; text: qsTr("Back"); onTapped: walk.back() }
        BigButton {
            objectName: "question-continue"
            primary: true
            active: q.canContinue === true
            text: q.backToReview ? qsTr("Back to review") : qsTr("Continue")
            onTapped: walk.next()
        }
        Pager { area: list }
    }
}
