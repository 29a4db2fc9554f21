// The poll worker's way back to the day's screen, and out.
import QtQuick

Flow {
    spacing: access.gap
    BigButton { objectName: "worker-home"; text: qsTr("Back to the day"); onTapped: worker.go("home") }
    BigButton { objectName: "worker-leave"; text: qsTr("Leave poll-worker mode"); onTapped: worker.leave() }
}
