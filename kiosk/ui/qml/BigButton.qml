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

    implicitWidth: fill ? parent.width : Math.max(access.target, content.implicitWidth + 2 * inset)
    implicitHeight: Math.max(access.target, content.implicitHeight + 2 * inset)
    readonly property real pad: Math.min(1.5 * access.gap, fontSize / 2)
    // The label keeps its padding inside the frame, however thick the frame of a chosen button is.
    readonly property real frame: chosen ? Math.max(6, access.gap) : active ? 3 : 1
    readonly property real inset: pad + frame
    radius: access.gap
    // An unavailable button keeps full contrast (VVSG: 10:1 for text) and shows it by shape instead:
    // a thin frame, no fill, slanted text; the screen also says why in words.
    readonly property bool filled: chosen || (primary && active)
    color: filled ? access.theme.chosen : access.theme.control
    border.color: access.theme.border
    border.width: frame
    Accessible.role: Accessible.Button
    Accessible.name: text

    Row {
        id: content
        anchors.verticalCenter: parent.verticalCenter
        x: button.centred ? (button.width - width) / 2 : button.inset
        spacing: access.gap
        width: button.fill ? button.width - 2 * button.inset : implicitWidth
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
            // A button never grows past its row: a long label wraps instead of running off the glass.
            readonly property real room: (button.parent ? button.parent.width : 100000) - 2 * button.inset
                                         - (mark.visible ? mark.width + access.gap : 0)
            Text {
                id: label
                width: button.fill ? parent.width : Math.min(implicitWidth, parent.room)
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
                width: button.fill ? parent.width : Math.min(implicitWidth, parent.room)
                text: button.detail
                wrapMode: Text.WordWrap
                font.family: access.fontFamily
                font.pixelSize: button.fontSize  // a second line is read as closely as the first (VVSG 7.1-G)
                color: label.color
            }
        }
    }
    Rectangle {  // a chosen option's inner line: a chosen answer never looks like a primary button
        objectName: "chosen-line"
        visible: button.chosen
        anchors.fill: parent
        anchors.margins: button.frame
        radius: Math.max(0, button.radius - button.frame)
        color: "transparent"
        border.color: access.theme.background
        border.width: 3
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
