// Asked once more, because a cast vote cannot be taken back.
import QtQuick

// At the largest text the screen scrolls, with its paging buttons under it.
ScrollArea {
    Column {
        width: parent.width
        spacing: 3 * access.gap
        Says { big: true; text: qsTr("Submit your vote now?") }
        Says { text: qsTr("This is final. Once submitted, your vote cannot be changed.") }
        BigButton {
            objectName: "confirm-cast"
            primary: true
            text: qsTr("Yes, submit my vote")
            onTapped: walk.confirm()
        }
        BigButton { objectName: "confirm-back"; isBack: true; text: qsTr("No, go back to the review"); onTapped: walk.back() }
    }
}
