"""What a voter would call a broken screen, measured on the live items of a rendered picture: a
button or text cut off by the window's edge or another's, text under another text or a button it is
not part of, a button under the touch minimum, two buttons closer than the guidelines allow, text
smaller than the chosen size, and a page of a list that starts in the middle of a line."""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QPointF, QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.ui.accessibility import MM_PER_INCH
from kiosk.ui.app import BoothUi
from kiosk.ui.navigation import shown_items

MIN_TARGET_MM = 12.7  # VVSG 2.0 7.2-D
MIN_GAP_MM = 2.54  # VVSG 2.0 7.2-D, between targets
SLACK_PX = 1.0  # rounding of positions and sizes


def _rect(item: QQuickItem) -> QRectF:
    top_left = item.mapToScene(QPointF(0, 0))
    return QRectF(top_left.x(), top_left.y(), item.width(), item.height())


def _clip(item: QQuickItem, window: QRectF) -> QRectF:
    """The part of the window where the item can be seen (inside every clipping list it is in)."""
    seen = QRectF(window)
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            seen = seen.intersected(_rect(parent))
        parent = parent.parentItem()
    return seen


def _is_button(item: QQuickItem) -> bool:
    return item.property("reachable") is not None


def _inside_button(item: QQuickItem) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if _is_button(parent):
            return True
        parent = parent.parentItem()
    return False


def problems(ui: BoothUi, name: str) -> list[str]:
    """Every defect on the screen now, each said in a line naming the screen and the item."""
    window = QRectF(0, 0, ui.window.width(), ui.window.height())
    dpi = float(ui.access.property("dpi"))
    px = dpi / MM_PER_INCH
    root = ui.window.contentItem()
    modal = next((i for i in shown_items(root) if i.property("modal") is True), None)
    found = shown_items(modal) if modal is not None else shown_items(root)
    buttons = [i for i in found if _is_button(i)]
    faults: list[str] = []
    seen: list[tuple[str, QRectF]] = []
    glass = window.adjusted(-SLACK_PX, -SLACK_PX, SLACK_PX, SLACK_PX)
    for button in buttons:
        label = f"{name}: button {button.objectName() or button.property('text')!r}"
        rect, clip = _rect(button), _clip(button, window)
        if button.height() < MIN_TARGET_MM * px - SLACK_PX or button.width() < MIN_TARGET_MM * px - SLACK_PX:
            faults.append(f"{label} is {button.width() / px:.1f} x {button.height() / px:.1f} mm")
        visible = rect.intersected(clip)
        if visible.isEmpty():
            continue  # scrolled out of its list: the pager or the keypad brings it in
        if not _in_list(button) and not glass.contains(rect):
            faults.append(f"{label} is cut off by the window's edge")
        for other, other_rect in seen:
            gap = _distance(visible, other_rect)
            if gap < MIN_GAP_MM * px - SLACK_PX:
                faults.append(f"{label} is {gap / px:.1f} mm from {other!r}")
        seen.append((button.objectName() or str(button.property("text")), visible))
    font = int(ui.access.property("font"))
    for text in (i for i in found if i.inherits("QQuickText") and str(i.property("text") or "").strip()):
        label = f"{name}: text {str(text.property('text'))[:40]!r}"
        rect, clip = _rect(text), _clip(text, window)
        if rect.intersected(clip).isEmpty():
            continue
        if float(text.property("contentWidth")) > text.width() + SLACK_PX:
            faults.append(f"{label} is wider than its place")
        if not _in_list(text) and not glass.contains(rect):
            faults.append(f"{label} is cut off by the window's edge")
        size = text.property("font").pixelSize()
        if size < font - SLACK_PX:
            faults.append(f"{label} is {size} px, below the chosen {font} px")
    return faults + _overlaps(found, window, name)


def _painted(text: QQuickItem) -> QRectF:
    """Where a text's letters are: its item may be wider than its words (a line across the screen).
    Every text of the booth is aligned left (PySide6 cannot read a Text's alignment to say otherwise)."""
    rect = _rect(text)
    width = min(rect.width(), float(text.property("contentWidth")))
    height = min(rect.height(), float(text.property("contentHeight")))
    return QRectF(rect.x(), rect.y(), width, height)


def _overlaps(found: list[QQuickItem], window: QRectF, name: str) -> list[str]:
    """Text drawn over another text, or over a button it is not part of (under another, unreadable)."""
    texts = [(t, _painted(t).intersected(_clip(t, window))) for t in found
             if t.inherits("QQuickText") and str(t.property("text") or "").strip()]
    texts = [(t, r) for t, r in texts if not r.isEmpty()]
    buttons = [(b, _rect(b).intersected(_clip(b, window))) for b in found if _is_button(b)]
    faults = []
    for n, (text, rect) in enumerate(texts):
        label = f"{name}: text {str(text.property('text'))[:40]!r}"
        for other, other_rect in texts[n + 1:]:
            if _area(rect.intersected(other_rect)) > SLACK_PX * SLACK_PX * 4:
                faults.append(f"{label} is drawn over the text {str(other.property('text'))[:30]!r}")
        for button, button_rect in buttons:
            if not _within(text, button) and _area(rect.intersected(button_rect)) > SLACK_PX * SLACK_PX * 4:
                named = button.objectName() or button.property("text")
                faults.append(f"{label} is under the button {named!r}")
    return faults


def _area(rect: QRectF) -> float:
    return 0.0 if rect.isEmpty() else rect.width() * rect.height()


def _within(item: QQuickItem, ancestor: QQuickItem) -> bool:
    parent = item.parentItem()
    while parent is not None and parent is not ancestor:
        parent = parent.parentItem()
    return parent is ancestor


def page_breaks(ui: BoothUi, name: str) -> list[str]:
    """Pages through every list of the screen with its own More below button, checking each page as
    `problems` does: each page starts at a line (no text cut by the top edge), and every page is
    reached. Leaves the lists where they end."""
    from tests.ui.taps import settle

    faults = []
    for area in [i for i in shown_items(ui.window.contentItem()) if i.property("paged") is True]:
        flick = next(c for c in area.childItems() if c.inherits("QQuickFlickable"))
        for page in range(2, MAX_PAGES + 2):
            if area.property("moreBelow") is not True:
                break
            before = float(flick.property("contentY"))
            QMetaObject.invokeMethod(area, "pageDown")
            settle(ui.window)
            if float(flick.property("contentY")) <= before:
                faults.append(f"{name}: More below does not move past page {page - 1}")
                break
            faults += [f"{name} page {page}: {f}" for f in split_at_top(flick)]
            faults += problems(ui, f"{name} page {page}")
        else:
            faults.append(f"{name}: more than {MAX_PAGES} pages")
    return faults


def _taller_row(item: QQuickItem, flick: QQuickItem) -> bool:
    """Whether the item is part of a row (as ScrollArea pages them) taller than the list: such a row
    is paged through by 80% of the list, and some page starts inside it."""
    chain = []
    while item is not None and item is not flick:
        chain.append(item)
        item = item.parentItem()
    # contentItem, ScrollArea's inner item, its column of rows, a row, (a line of a row paged by line)
    rows = chain[-4] if len(chain) >= 4 else None
    if rows is not None and rows.property("pagedByLine") is True and len(chain) >= 5:
        rows = chain[-5]
    ring = float(flick.parentItem().property("ring") or 0)  # ScrollArea's room for a focus ring
    return rows is not None and rows.height() + 2 * ring > flick.height()


MAX_PAGES = 40  # a 24-answer review at the largest text takes 25 (fr) to 30 (es); the audit found 43-54


def split_at_top(flick: QQuickItem) -> list[str]:
    top = flick.mapToScene(QPointF(0, 0)).y()
    faults = []
    for text in shown_items(flick):
        if not text.inherits("QQuickText") or not str(text.property("text") or "").strip():
            continue
        rect = _painted(text)
        if rect.top() < top - SLACK_PX and rect.bottom() > top + SLACK_PX and not _taller_row(text, flick):
            faults.append(f"text {str(text.property('text'))[:40]!r} is cut by the top of the page")
    return faults


def _in_list(item: QQuickItem) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickFlickable"):
            return True
        parent = parent.parentItem()
    return False


def _distance(a: QRectF, b: QRectF) -> float:
    """Between two rectangles' edges; 0 when they touch, negative when they overlap."""
    dx = max(b.left() - a.right(), a.left() - b.right())
    dy = max(b.top() - a.bottom(), a.top() - b.bottom())
    if dx < 0 and dy < 0:
        return max(dx, dy)
    return max(dx, dy, 0.0) if dx < 0 or dy < 0 else (dx * dx + dy * dy) ** 0.5
