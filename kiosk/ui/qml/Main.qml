// The booth's window: the voter's tools on top of every screen, the current screen, the time-out.
import QtQuick

Window {
    id: root
    objectName: "booth"
    width: 1280
    height: 800
    visible: true
    color: access.theme.background
    title: "Isoloir"
    // What the keypad's Help key says, in the voter's language.
    // What the booth says back to the voice keys.
    readonly property string saySlower: qsTr("Slower")
    readonly property string sayFaster: qsTr("Faster")
    readonly property string saySofter: qsTr("Softer")
    readonly property string sayLouder: qsTr("Louder")
    readonly property string sayScreenOff: qsTr("The screen is dark. Press blank again to show it.")
    readonly property string sayScreenOn: qsTr("The screen is showing again.")
    readonly property string keypadHelp: qsTr("Press the up and down arrows to move from one item to the next, and the select key to choose. The back key goes back. To hear the screen again, press repeat. Slower, faster, softer and louder change the voice. Blank turns the screen dark for your privacy.")
    flags: Qt.Window | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint

    readonly property var screens: ({
        "welcome": "WelcomeScreen.qml", "code_entry": "CodeEntryScreen.qml",
        "sessions": "SessionsScreen.qml", "question": "QuestionScreen.qml",
        "review": "ReviewScreen.qml", "confirm": "ConfirmScreen.qml",
        "cast_done": "CastDoneScreen.qml", "cast_failed": "CastFailedScreen.qml",
        "cast_or_check": "CastOrCheckScreen.qml", "check_done": "CheckDoneScreen.qml",
        "seal_failed": "SealFailedScreen.qml"
    })

    readonly property var workerScreens: ({
        "pin": "WorkerPinScreen.qml", "home": "WorkerHomeScreen.qml", "setup": "WorkerSetupScreen.qml",
        "reissue": "WorkerReissueScreen.qml", "close": "WorkerCloseScreen.qml",
        "export": "WorkerExportScreen.qml", "audit": "WorkerAuditScreen.qml",
        "addendum": "WorkerAddendumScreen.qml"
    })

    Rectangle {
        anchors.fill: parent
        color: access.theme.background
    }
    Notice {  // a rehearsal must never pass for the vote: said on every screen, voter's and worker's
        id: testBanner
        objectName: "test-mode"
        anchors { left: parent.left; right: parent.right; top: bar.bottom; margins: access.gap }
        width: undefined
        visible: worker.active ? worker.testMode === true : walk.testMode
        text: qsTr("TEST MODE: this booth is set up for a rehearsal. Votes cast here are not counted.")
    }
    Loader {
        id: screen
        objectName: "screen"
        anchors {
            left: parent.left; right: parent.right; top: testBanner.visible ? testBanner.bottom : bar.bottom
            bottom: parent.bottom; margins: 2 * access.gap
        }
        source: worker.active ? root.workerScreens[worker.screen] : root.screens[walk.screen]
        focus: true
    }
    // After the screen in the item tree, so the keypad reaches the screen's buttons first.
    TopBar {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: access.gap }
    }
    TimeoutWarning {  // below the voter's tools: language and size stay one tap away
        anchors { left: parent.left; right: parent.right; top: bar.bottom; bottom: parent.bottom }
        visible: walk.warningShown && !worker.active
    }
    SizePicker {
        anchors.fill: parent
        visible: access.picking
        onDone: access.showSizes(false)
    }
    Rectangle {  // the audio ballot's privacy screen: nothing to read over the voter's shoulder
        objectName: "blank-screen"
        anchors.fill: parent
        visible: access.blanked
        color: "#000000"
        MouseArea { anchors.fill: parent; onClicked: access.toggleBlank() }  // a touch brings it back
    }
}
