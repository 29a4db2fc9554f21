// A large touch target (VVSG 2.0: at least 12.7 mm); a chosen one shows a tick and a thick border,
// never colour alone.
import QtQuick

Rectangle {
    id: button
    property string text: ""
    property string detail: ""
    property bool chosen: false
    property bool primary: false
    property bool active: true
    property bool fill: false
    signal tapped()

    implicitWidth: fill ? parent.width : Math.max(access.target, content.implicitWidth + 3 * access.gap)
    implicitHeight: Math.max(access.target, content.implicitHeight + 3 * access.gap)
    radius: access.gap
    color: (chosen || primary) ? access.theme.chosen : access.theme.control
    border.color: access.theme.border
    border.width: chosen ? Math.max(6, access.gap) : 3
    opacity: active ? 1 : 0.5
    Accessible.role: Accessible.Button
    Accessible.name: text

    Row {
        id: content
        anchors.verticalCenter: parent.verticalCenter
        x: 1.5 * access.gap
        spacing: access.gap
        width: button.fill ? button.width - 3 * access.gap : implicitWidth
        Text {
            id: mark
            visible: button.chosen
            text: "✓"
            font.family: access.fontFamily
            font.pixelSize: access.titleFont
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
                font.pixelSize: access.font
                font.bold: button.chosen || button.primary
                color: (button.chosen || button.primary) ? access.theme.chosen_text : access.theme.control_text
            }
            Text {
                visible: button.detail !== ""
                width: button.fill ? parent.width : implicitWidth
                text: button.detail
                wrapMode: Text.WordWrap
                font.family: access.fontFamily
                font.pixelSize: Math.round(access.font * 0.8)
                color: label.color
            }
        }
    }
    MouseArea {
        anchors.fill: parent
        enabled: button.active
        onClicked: button.tapped()
    }
}
