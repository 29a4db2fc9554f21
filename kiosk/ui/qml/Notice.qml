// A warning or refusal: a "!" sign and a frame go with the colour.
import QtQuick

Rectangle {
    property alias text: message.text
    width: parent ? parent.width : 0
    height: visible ? message.implicitHeight + 2 * access.gap : 0
    color: access.theme.notice
    border.color: access.theme.border
    border.width: 3
    Text {
        id: sign
        x: access.gap
        anchors.verticalCenter: parent.verticalCenter
        text: "!"
        font.family: access.fontFamily
        font.pixelSize: access.titleFont
        font.bold: true
        color: access.theme.notice_text
    }
    Text {
        id: message
        x: sign.x + sign.width + access.gap
        y: access.gap
        width: parent.width - x - access.gap
        wrapMode: Text.WordWrap
        font.family: access.fontFamily
        font.pixelSize: access.font
        color: access.theme.notice_text
    }
}
