// Poll-worker log-in: the card is in the reader; its PIN is typed on the screen's keypad.
import QtQuick

// At the largest text the screen scrolls, with its paging buttons under it.
ScrollArea {
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { big: true; text: qsTr("Poll-worker card") }
        Says { text: qsTr("Type the card's PIN.") }
        Says { objectName: "pin-dots"; big: true; text: worker.pinDots === "" ? " " : worker.pinDots }
        Notice {
            objectName: "pin-refusal"
            visible: worker.pinStatus === "wrong" || worker.pinStatus === "blocked"
            text: worker.problem === "not_registered" ? qsTr("This card is not registered for this booth.")
                : worker.pinStatus === "blocked" ? qsTr("This card is blocked. Use another poll-worker card.")
                : qsTr("Wrong PIN. Tries left on this card: %1.").arg(worker.triesLeft)
        }
        Grid {
            columns: 5
            spacing: access.gap
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]
                BigButton {
                    objectName: "pin-" + modelData
                    width: access.target * 1.3
                    height: access.target * 1.3
                    centred: true
                    text: modelData
                    active: worker.pinStatus !== "blocked"
                    onTapped: worker.pinKey(modelData)
                }
            }
        }
        Flow {
            width: parent.width
            spacing: access.gap
            BigButton { objectName: "worker-leave"; text: qsTr("Leave poll-worker mode"); onTapped: worker.leave() }
            BigButton { objectName: "pin-delete"; text: "⌫ " + qsTr("Delete"); onTapped: worker.pinDelete() }
            BigButton {
                objectName: "pin-submit"
                primary: true
                active: worker.pinDots !== "" && worker.pinStatus !== "blocked"
                text: qsTr("Log in")
                onTapped: worker.pinSubmit()
            }
        }
    }
}
