// Recent events of the booth's audit log, newest first; the full log can go to the USB stick.
import QtQuick

Item {
    Says { id: head; big: true; text: qsTr("Audit log: recent events") }
    ScrollArea {
        anchors { left: parent.left; right: parent.right; top: head.bottom; bottom: actions.top; margins: access.gap }
        Column {
            width: parent.width
            Repeater {
                model: worker.audit
                Text {
                    objectName: "audit-row"
                    width: parent.width
                    wrapMode: Text.WrapAnywhere
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: Math.round(access.font * 0.8)
                    color: access.theme.text
                    text: modelData.time + "  " + modelData.event + "  " + modelData.data
                }
            }
        }
    }
    Column {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: access.gap
        WorkerProblem { objectName: "audit-problem" }
        BigButton { objectName: "audit-export"; text: qsTr("Write the full log to the USB stick"); onTapped: worker.exportAudit() }
        WorkerBar { width: parent.width }
    }
}
