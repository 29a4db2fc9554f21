"""What a voter would call a broken screen, measured on the live items of a rendered picture: a
button or text cut off by the window's edge or another's, a button under the touch minimum, two
buttons closer than the guidelines allow, text smaller than the chosen size."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
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
