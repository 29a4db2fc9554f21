// Text in the voter's size and theme.
import QtQuick

Text {
    property bool big: false
    width: parent ? parent.width : implicitWidth
    wrapMode: Text.WordWrap
    font.family: access.fontFamily
    font.pixelSize: big ? access.titleFont : access.font
    font.bold: big
    color: access.theme.text
}
