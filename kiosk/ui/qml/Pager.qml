// The two paging buttons of a ScrollArea, wherever the screen puts them.
import QtQuick

Row {
    property var area
    spacing: access.gap
    visible: area.paged
    BigButton {
        objectName: "scroll-up"
        text: "▲ " + qsTr("More above")
        active: area.moreAbove
        onTapped: area.pageUp()
    }
    BigButton {
        objectName: "scroll-down"
        text: "▼ " + qsTr("More below")
        active: area.moreBelow
        onTapped: area.pageDown()
    }
}
