// Set-up from the USB stick: the package is checked, then its title and fingerprint are compared by eye.
import QtQuick

// At the largest text the screen scrolls, with its paging buttons under it.
ScrollArea {
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { big: true; text: qsTr("Set up this booth") }
        Says { text: qsTr("Insert the USB stick with the election package, then check it.") }
        BigButton { objectName: "setup-check"; text: qsTr("Check the USB stick"); onTapped: worker.previewSetup() }
        WorkerProblem { objectName: "setup-refused" }
        Column {
            visible: worker.preview.title !== undefined
            width: parent.width
            spacing: access.gap
            Says { objectName: "setup-title"; text: qsTr("Election: %1").arg(worker.preview.title || "") }
            Says { text: qsTr("Booth: %1").arg(worker.preview.station || "") }
            Says { text: qsTr("Compare this fingerprint with the one the election officials gave you:") }
            Says { objectName: "setup-fingerprint"; big: true; font.family: "DejaVu Sans Mono"; wrapMode: Text.WrapAnywhere; text: worker.preview.fingerprint || "" }
            Says { text: qsTr("Your card will certify this booth's own signing key. Choose the vote, or a rehearsal:") }
            BigButton { objectName: "setup-confirm"; primary: true; text: qsTr("They match: set up the booth for the official vote"); onTapped: worker.confirmSetup() }
            BigButton { objectName: "setup-confirm-test"; text: qsTr("They match: set up the booth in test mode (a rehearsal, never counted)"); onTapped: worker.confirmTestSetup() }
        }
        BigButton { objectName: "worker-leave"; text: qsTr("Leave poll-worker mode"); onTapped: worker.leave() }
    }
}
