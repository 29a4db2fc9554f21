// The four text sizes by name, and a way back to the booth's defaults (VVSG 2.0 7.1-B, 7.1-G): one
// tap on a size chooses it, so the largest never turns into the smallest by one tap too many.
import QtQuick

Rectangle {
    id: picker
    objectName: "size-picker"
    readonly property bool modal: true  // the keypad moves only among its buttons while it shows
    readonly property var names: [qsTr("Small"), qsTr("Standard"), qsTr("Large"), qsTr("Extra large")]
    signal done()
    color: access.theme.background
    MouseArea { anchors.fill: parent }  // taps elsewhere do not reach the screen underneath
    ScrollArea {
        anchors { fill: parent; margins: 2 * access.gap }
        Column {
            width: parent.width
            spacing: access.gap
            Says { big: true; text: qsTr("Text size") }
            Repeater {
                model: picker.names
                BigButton {
                    objectName: "size-" + (index + 1)
                    fill: true
                    text: modelData
                    chosen: access.textSize === index
                    detail: index === 1 ? qsTr("The booth's usual size") : ""
                    onTapped: { access.chooseTextSize(index); picker.done() }
                }
            }
            BigButton {
                objectName: "size-reset"
                fill: true
                text: qsTr("Reset the text size and contrast")
                onTapped: { access.resetLook(); picker.done() }
            }
            BigButton {
                objectName: "size-close"
                isBack: true
                text: qsTr("Back")
                onTapped: picker.done()
            }
        }
    }
}
