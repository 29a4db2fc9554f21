// Closing is final: asked twice.
import QtQuick

// At the largest text the screen scrolls, with its paging buttons under it.
ScrollArea {
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { big: true; text: qsTr("Close the polls?") }
        Says {
            objectName: "close-question"
            text: worker.closeConfirmations === 0
                  ? qsTr("No one will be able to vote at this booth again. The closing report will be printed.")
                  : qsTr("Are you sure? This cannot be undone.")
        }
        WorkerProblem { objectName: "close-problem" }
        BigButton {
            objectName: "close-confirm"
            primary: true
            text: worker.closeConfirmations === 0 ? qsTr("Yes, close the polls") : qsTr("Yes, I am sure: close now")
            onTapped: worker.confirmClose()
        }
        BigButton { objectName: "close-cancel"; text: qsTr("No, keep the polls open"); onTapped: worker.go("home") }
    }
}
