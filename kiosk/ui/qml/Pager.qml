// The two paging buttons of a ScrollArea, wherever the screen puts them.
import QtQuick

Row {
    property var area
    spacing: access.gap
    visible: area.paged
    BigButton {
        objectName: "scroll-up"
        navigable: false  // the keypad scrolls to whatever it moves to
        // At the two largest sizes the arrows alone, so the row of actions keeps to one line.
        text: access.textSize >= 2 ? "▲" : "▲ " + qsTr("More above")
        active: area.moreAbove
        onTapped: area.pageUp()
    }
    BigButton {
        objectName: "scroll-down"
        navigable: false
        text: access.textSize >= 2 ? "▼" : "▼ " + qsTr("More below")
        active: area.moreBelow
        onTapped: area.pageDown()
    }
}
