// Content taller than the screen is paged with two large buttons: no swiping needed. The buttons sit
// under the content, or in the screen's own row of actions (external: true, with a Pager there).
import QtQuick

Item {
    id: area
    default property alias content: inner.data
    property alias contentY: flick.contentY
    property bool external: false
    // Room around the content for a button's focus ring, which the clipping would otherwise cut.
    readonly property int ring: Math.max(3, Math.round(access.gap / 2))
    readonly property real contentTall: inner.childrenRect.height + 2 * ring
    // Decided from the whole area, not the list's own height, so the pager never resizes what it measures.
    readonly property bool paged: contentTall > area.height
    readonly property bool moreAbove: paged && flick.contentY > 0
    readonly property bool moreBelow: paged && flick.contentY + flick.height < contentTall - 1

    function pageUp() { flick.contentY = Math.max(0, flick.contentY - flick.height * 0.8) }
    function pageDown() {
        flick.contentY = Math.min(contentTall - flick.height, flick.contentY + flick.height * 0.8)
    }

    Flickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: pager.top }
        anchors.bottomMargin: pager.visible ? access.gap : 0
        contentHeight: area.contentTall
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Item { id: inner; x: area.ring; y: area.ring; width: flick.width - 2 * area.ring; height: childrenRect.height }
    }
    Pager {
        id: pager
        area: area
        anchors { left: parent.left; bottom: parent.bottom }
        visible: area.paged && !area.external
        height: visible ? implicitHeight : 0
    }
}
