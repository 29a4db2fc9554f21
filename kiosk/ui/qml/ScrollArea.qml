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
    // Empty room after the content, so the last page too starts at a row instead of being pulled up
    // to end at the content's end (which would cut its top row in the middle of a line).
    property real tail: 0
    // Decided from the whole area, not the list's own height, so the pager never resizes what it measures.
    readonly property bool paged: contentTall > area.height
    readonly property bool moreAbove: paged && flick.contentY > 0
    readonly property bool moreBelow: paged && flick.contentY + flick.height < contentTall - 1

    // A page starts at a row of the list (a question, an answer, an option), never in its middle; only
    // a row taller than the whole area is paged through by 80% of the area.
    function rows() {
        var column = inner.children.length > 0 ? inner.children[0] : null
        var found = []
        for (var i = 0; column && i < column.children.length; i++) {
            var row = column.children[i]
            if (!row.visible || row.height <= 0) continue
            // A grid of keys pages by its lines: its first line, whole on the glass, is not a sliver.
            var parts = row.pagedByLine ? row.children : [null]
            for (var j = 0; j < parts.length; j++) {
                var part = parts[j]
                if (part !== null && (!part.visible || part.height <= 0)) continue
                var top = column.y + row.y + (part ? part.y : 0)
                found.push({ top: top, bottom: top + (part ? part.height : row.height) })
            }
        }
        return found.sort(function (a, b) { return a.top - b.top })
    }
    function clamped(y) { return Math.max(0, Math.min(contentTall - flick.height, y)) }
    // Content that shrank (a list of changes replaced by one line) comes back on the glass: a page
    // left past the new end would show nothing, with no pager to page back.
    onContentTallChanged: {
        if (flick.contentY > Math.max(0, contentTall + tail - flick.height)) {
            tail = 0
            flick.contentY = clamped(flick.contentY)
        }
    }
    function pageDown() {
        var target = flick.contentY + flick.height * 0.8
        var shown = rows()
        var i = 0
        for (; i < shown.length; i++) {
            if (shown[i].bottom + ring > flick.contentY + flick.height + 1) {  // the first row not wholly on the glass
                if (shown[i].top > flick.contentY + 1) target = shown[i].top
                break
            }
        }
        // Every row whole already, only the room for a ring below them is not: the last row on top.
        if (i === shown.length && shown.length > 0 && shown[i - 1].top > flick.contentY + 1) target = shown[i - 1].top
        tail = Math.max(0, target + flick.height - contentTall)
        flick.contentY = Math.max(0, Math.min(contentTall + tail - flick.height, target))
    }
    function pageUp() {
        var target = flick.contentY - flick.height * 0.8
        var shown = rows()
        for (var i = 0; i < shown.length; i++) {
            if (shown[i].top + ring >= flick.contentY - flick.height + 2 * ring) {  // fits above the top row
                if (shown[i].top < flick.contentY - 1) target = shown[i].top
                break
            }
        }
        flick.contentY = clamped(target)
        tail = 0
    }

    Flickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: pager.top }
        anchors.bottomMargin: pager.visible ? access.gap : 0
        contentHeight: area.contentTall + area.tail
        // A new size or new content starts without the last page's room.
        onHeightChanged: area.tail = 0
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Item { id: inner; x: area.ring; y: area.ring; width: flick.width - 2 * area.ring; height: childrenRect.height }
    }
    // A row cut by an edge to less than half of it answers no tap: a 2 mm sliver of a button is not a
    // target a voter can aim at (VVSG 2.0 7.2-D), and a tap there chose what they could not read.
    // The pager brings the whole row in; the keypad always does.
    function cut(atTop) {
        var shown = rows()
        for (var i = 0; i < shown.length; i++) {
            var top = shown[i].top + ring - flick.contentY, bottom = shown[i].bottom + ring - flick.contentY
            var seen = Math.min(bottom, flick.height) - Math.max(top, 0)
            if (seen <= 0 || seen >= (bottom - top) / 2) continue
            if (atTop && top < 0) return bottom
            if (!atTop && bottom > flick.height) return flick.height - top
        }
        return 0
    }
    MouseArea {
        objectName: "sliver-top"
        x: flick.x; y: flick.y; width: flick.width
        height: area.paged ? area.cut(true) : 0
        enabled: height > 0
    }
    MouseArea {
        objectName: "sliver-bottom"
        x: flick.x; width: flick.width
        height: area.paged ? area.cut(false) : 0
        y: flick.y + flick.height - height
        enabled: height > 0
    }
    Pager {
        id: pager
        area: area
        anchors { left: parent.left; bottom: parent.bottom }
        visible: area.paged && !area.external
        height: visible ? implicitHeight : 0
    }
}
