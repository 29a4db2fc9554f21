// A large touch target (VVSG 2.0: at least 12.7 mm); a chosen one shows a tick and a thick border,
// never colour alone. The keypad and the switches reach it too: the navigator sets keyFocus (a ring
// drawn in the gap around it) and calls activate(); `spoken` is what the audio ballot says for it.
import QtQuick

Rectangle {
    id: button
    property string text: ""
    property string detail: ""
    property bool chosen: false
    property bool primary: false
    property bool active: true
    property bool fill: false
    property bool centred: false
    property int fontSize: access.font
    property bool navigable: true  // false for buttons a keypad user never needs (the pager's)
    property bool isBack: false  // the screen's way back, for the keypad's Back key
    property bool keyFocus: false
    readonly property int ringRoom: Math.max(3, Math.round(access.gap / 2))
    readonly property bool reachable: navigable && active
    readonly property string spoken: text.replace(/[✓▲▼⌫!]/g, "").trim()
        + (detail !== "" ? ". " + detail.replace(/[✓!]/g, "").trim() : "")
        + (chosen && detail.indexOf(qsTr("Chosen")) < 0 ? ". " + qsTr("Chosen") : "")
        + (active ? "" : ". " + qsTr("Not available"))
    signal tapped()
    function activate() { if (active) tapped() }

    implicitWidth: fill ? parent.width : Math.max(access.target, content.implicitWidth + 2 * pad)
    implicitHeight: Math.max(access.target, content.implicitHeight + 2 * pad)
    readonly property real pad: Math.min(1.5 * access.gap, fontSize / 2)
    radius: access.gap
    // An unavailable button keeps full contrast (VVSG: 10:1 for text) and shows it by shape instead:
    // a thin frame, no fill, slanted text; the screen also says why in words.
    readonly property bool filled: chosen || (primary && active)
    color: filled ? access.theme.chosen : access.theme.control
    border.color: access.theme.border
    border.width: chosen ? Math.max(6, access.gap) : active ? 3 : 1
    Accessible.role: Accessible.Button
    Accessible.name: text

    Row {
        id: content
        anchors.verticalCenter: parent.verticalCenter
        x: button.centred ? (button.width - width) / 2 : button.pad
        spacing: access.gap
        width: button.fill ? button.width - 2 * button.pad : implicitWidth
        Text {
            id: mark
            visible: button.chosen
            text: "✓"
            font.family: access.fontFamily
            font.pixelSize: button.fontSize
            font.bold: true
            color: access.theme.chosen_text
        }
        Column {
            width: button.fill ? content.width - (mark.visible ? mark.width + access.gap : 0) : implicitWidth
            Text {
                id: label
                width: button.fill ? parent.width : implicitWidth
                text: button.text
                wrapMode: Text.WordWrap
                font.family: access.fontFamily
                font.pixelSize: button.fontSize
                font.bold: button.filled
                font.italic: !button.active
                color: button.filled ? access.theme.chosen_text : access.theme.control_text
            }
            Text {
                visible: button.detail !== ""
                width: button.fill ? parent.width : implicitWidth
                text: button.detail
                wrapMode: Text.WordWrap
                font.family: access.fontFamily
                font.pixelSize: Math.round(button.fontSize * 0.8)
                color: label.color
            }
        }
    }
    MouseArea {
        anchors.fill: parent
        enabled: button.active
        onClicked: button.tapped()
    }
    Rectangle {  // the focus ring: in the outer half of the gap, so it never covers a neighbour
        objectName: "focus-ring"
        visible: button.keyFocus
        z: 1
        anchors.fill: parent
        anchors.margins: -button.ringRoom
        radius: button.radius + button.ringRoom
        color: "transparent"
        border.color: access.theme.focus
        border.width: button.ringRoom
    }
}
