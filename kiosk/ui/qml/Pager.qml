// The two paging buttons of a ScrollArea, wherever the screen puts them.
import QtQuick

Row {
    property var area
    spacing: access.gap
    visible: area.paged
    BigButton {
        objectName: "scroll-up"
        navigable: false  // the keypad scrolls to whatever it moves to
        text: "▲ " + qsTr("More above")
        active: area.moreAbove
        onTapped: area.pageUp()
    }
    BigButton {
        objectName: "scroll-down"
        navigable: false
        text: "▼ " + qsTr("More below")
        active: area.moreBelow
        onTapped: area.pageDown()
    }
}
