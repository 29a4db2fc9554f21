// Shown after a while without a touch; the voter's answers are kept only if they ask for more time.
import QtQuick

Rectangle {
    objectName: "timeout-warning"
    readonly property bool modal: true  // the keypad moves only among its buttons while it shows
    color: access.theme.background
    MouseArea { anchors.fill: parent }  // taps elsewhere do not reach the screen underneath
    Column {
        anchors.centerIn: parent
        width: parent.width * 0.8
        spacing: 2 * access.gap
        Says { big: true; text: qsTr("Are you still there?") }
        Says {
            objectName: "countdown"
            text: qsTr("For your privacy, the booth will return to the start in %1 seconds and forget the answers you have not submitted.").arg(walk.countdown)
        }
        BigButton {
            objectName: "more-time"
            primary: true
            text: qsTr("I need more time")
            onTapped: walk.moreTime()
        }
    }
}
