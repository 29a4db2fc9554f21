// The sealed ballot file to the USB stick, read back and checked; a second copy offered.
import QtQuick

Item {
    ScrollArea {  // at the largest text the screen scrolls above the bar
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: bar.top; bottomMargin: access.gap }
        Column {
            width: parent.width
            spacing: 2 * access.gap
            Says { big: true; text: qsTr("Polls closed") }
            Says {
                objectName: "closing-report"
                text: qsTr("Closing report:") + " "
                      + (worker.reportStatus === "printed" ? qsTr("Printed.") : qsTr("Not printed: check the printer."))
            }
            Repeater {
                model: worker.sessions
                Says { text: modelData.title + " — " + qsTr("ballots: %1").arg(modelData.ballots) }
            }
            Says { text: qsTr("Insert a USB stick, then write the sealed ballot file.") }
            WorkerProblem { objectName: "export-failed" }
            Says {
                objectName: "export-done"
                visible: worker.copiesWritten > 0
                text: "✓ " + qsTr("Sealed file written and checked. Copies: %1.").arg(worker.copiesWritten)
            }
            BigButton {
                objectName: "export-write"
                primary: true
                text: worker.copiesWritten === 0 ? qsTr("Write the sealed ballot file") : qsTr("Write a second copy on another stick")
                onTapped: worker.exportSealed()
            }
        }
    }
    WorkerBar {
        id: bar
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
    }
}
