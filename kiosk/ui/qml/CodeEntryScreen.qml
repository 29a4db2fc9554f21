// The voting code: our own keypad with only the code's symbols, or a scanner that types and ends with Enter.
import QtQuick

Item {
    id: entry
    objectName: "code-entry"
    focus: true
    property string scan: ""
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            if (entry.scan !== "") code.scanned(entry.scan)
            entry.scan = ""
        } else if (event.text !== "") {
            entry.scan += event.text
        }
        event.accepted = true
    }

    function refusalText() {
        switch (code.refusal) {
        case "mistyped":
            if (code.wrongLength) return qsTr("A voting code has 24 characters. Check that none is missing.")
            if (code.groupsToCheck !== "") return qsTr("This code has a typing mistake. Check group %1.").arg(code.groupsToCheck)
            return qsTr("This code has a typing mistake. Check it against your notice.")
        case "unknown": return qsTr("This code is not known at this booth. Check it, or ask a poll worker.")
        case "used": return qsTr("This code has already been used to vote in every session open to you.")
        case "no_delegation": return qsTr("You have no delegation for this vote; only a delegate may hand you their vote, through the Credentials Committee. Please see a poll worker.")
        case "locked": return qsTr("Too many wrong codes: the booth is locked for %1 seconds. Please see a poll worker.").arg(code.lockedSeconds)
        case "not_open": return qsTr("Voting is not open at this booth now. Please see a poll worker.")
        case "hall_unreachable": return qsTr("This booth cannot reach the hall just now. Please go to another booth.")
        }
        return ""
    }

    ScrollArea {  // at the largest text the code and the keys scroll; the actions stay in view
        id: list
        external: true
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: actions.top; bottomMargin: access.gap }
        Column {
            width: parent.width
            spacing: access.gap
            Column {
                id: head
                readonly property bool pagedByLine: true  // a refusal and its buttons page by their lines too
                width: parent.width
                spacing: access.gap
                Says {
                    visible: code.refusal === ""  // the refusal takes its place, leaving room for the keys
                    text: qsTr("Type the voting code printed on your notice, or hold it under the scanner.")
                }
                Flow {  // the groups wrap at the largest text rather than run off the glass
                    objectName: "code-display"
                    width: parent.width
                    spacing: access.gap
                    property string shown: code.groups.join("-")
                    Repeater {
                        model: code.groups
                        Rectangle {
                            objectName: "code-group-" + (index + 1)
                            // The group the check character points at: a thick frame on the notice's colour.
                            readonly property bool suspect: code.suspectGroups.indexOf(index + 1) >= 0
                            width: groupText.implicitWidth + 2 * access.gap + 2 * border.width
                            height: groupText.implicitHeight + access.gap + 2 * border.width
                            color: suspect ? access.theme.notice : access.theme.control
                            border.color: access.theme.border
                            border.width: suspect ? Math.max(6, Math.round(access.gap / 2)) : 2
                            Text {
                                id: groupText
                                readonly property bool spell: true  // said one symbol at a time
                                anchors.centerIn: parent
                                text: modelData
                                font.family: "DejaVu Sans Mono"
                                font.pixelSize: access.titleFont
                                font.bold: true
                                color: parent.suspect ? access.theme.notice_text : access.theme.control_text
                            }
                        }
                    }
                }
                Notice {
                    objectName: "code-refusal"
                    visible: code.refusal !== ""
                    text: entry.refusalText() + (code.failuresLeft > 0 && code.refusal !== "locked"
                          ? " " + qsTr("Tries left before the booth locks: %1.").arg(code.failuresLeft) : "")
                }
                Flow {  // fix the group the check points at without deleting what comes after it
                    width: parent.width
                    spacing: access.gap
                    visible: code.refusal === "mistyped" && code.suspectGroups.length > 0 && code.complete
                    Repeater {
                        model: code.suspectGroups
                        BigButton {
                            objectName: "retype-group-" + modelData
                            text: qsTr("Type group %1 again").arg(modelData)
                            onTapped: code.retypeGroup(modelData)
                        }
                    }
                }
            }
            Grid {
                id: keypad
                readonly property bool pagedByLine: true  // ScrollArea: each line of keys is a row
                // Read out as one sentence when the screen appears; each key is named as the keypad reaches it.
                readonly property string spokenAs: qsTr("A keypad with the letters and digits of voting codes: move to a key, then select it.")
                // Keys of one size whatever the screen shows above them (a refusal no longer reshapes the
                // keypad), as many to a row as the width takes, up to 16 (two rows of the 32 symbols).
                readonly property int keySize: Math.round(access.target * 1.25)
                columns: Math.max(1, Math.min(16, Math.floor((width + spacing) / (keySize + spacing))))
                width: parent.width
                spacing: access.gap
                Repeater {
                    model: code.keys
                    BigButton {
                        objectName: "key-" + modelData
                        width: keypad.keySize
                        height: keypad.keySize
                        text: modelData
                        centred: true
                        active: !code.locked && !code.complete
                        onTapped: code.press(modelData)
                    }
                }
            }
        }
    }
    Flow {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: access.gap
        BigButton { objectName: "code-back"; isBack: true; text: qsTr("Back"); onTapped: walk.back() }
        BigButton { objectName: "key-delete"; text: "⌫ " + qsTr("Delete"); onTapped: code.deleteLast() }
        BigButton { objectName: "key-clear"; text: qsTr("Clear"); onTapped: code.clear() }
        BigButton {
            objectName: "code-submit"
            primary: true
            active: code.complete && !code.locked
            text: qsTr("Check my code")
            onTapped: code.submit()
        }
        Pager { area: list }
    }
}
