// A new voting code for a voter who lost theirs: the old one stops at once; the new one is shown 120 s.
import QtQuick

Item {
    ScrollArea {  // at the largest text the screen scrolls above the bar
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: bar.top; bottomMargin: access.gap }
        Column {
            id: body
            width: parent.width
            spacing: access.gap
            Says { big: true; text: qsTr("Reissue a voting code") }
            Column {
                visible: worker.shownCode !== ""
                width: parent.width
                spacing: access.gap
                Says { text: qsTr("New code for %1. The old code no longer works. Hidden in %2 seconds.").arg(worker.shownFor).arg(worker.codeSeconds) }
                Says { objectName: "reissued-code"; big: true; font.family: "DejaVu Sans Mono"; text: worker.shownCode }
                BigButton { objectName: "print-slip"; text: qsTr("Print it as a sealed slip instead"); onTapped: worker.printSlip() }
            }
            Says {
                objectName: "slip-printed"
                visible: worker.slipPrinted
                text: qsTr("The code was printed as a sealed slip. Give it to the voter.")
            }
            WorkerProblem { objectName: "reissue-message" }
            Says { text: qsTr("Find the voter by name or number:") + " " + worker.search + "▏" }
            Flow {
                width: parent.width
                spacing: access.gap  // VVSG 2.0 7.2-D: 2.54 mm at least between keys
                Repeater {
                    model: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".split("")
                    BigButton { objectName: "search-" + modelData; centred: true; text: modelData; onTapped: worker.searchKey(modelData.toLowerCase()) }
                }
                BigButton { objectName: "search-space"; text: "␣"; onTapped: worker.searchKey(" ") }
                BigButton { objectName: "search-delete"; text: "⌫"; onTapped: worker.searchDelete() }
            }
            Repeater {
                model: worker.results.slice(0, 4)
                BigButton {
                    objectName: "reissue-" + modelData.id
                    fill: true
                    text: modelData.name + " (" + modelData.id + ")"
                    detail: qsTr("Tap to reissue this voter's code")
                    onTapped: worker.reissue(modelData.id)
                }
            }
        }
    }
    WorkerBar {
        id: bar
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
    }
}
