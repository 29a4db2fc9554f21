// The day at the booth: polls, sessions, counts (never results), devices, the code-entry lock.
import QtQuick

Item {
    function pollsName(state) {
        switch (state) {
        case "ready": return qsTr("set up, not open yet")
        case "open": return qsTr("open")
        case "paused": return qsTr("paused")
        case "closed": return qsTr("closed")
        }
        return qsTr("not set up")
    }
    function deviceName(name) {
        switch (name) {
        case "printer": return qsTr("Receipt printer")
        case "card_reader": return qsTr("Card reader")
        case "storage": return qsTr("Storage")
        case "scanner": return qsTr("Code scanner")
        case "clock": return qsTr("Clock")
        case "hall": return qsTr("Hall network")
        }
        return name
    }
    function deviceDetail(name, detail) {
        if (detail === "")
            return ""
        return " — " + (name === "storage" ? qsTr("%1 MB free").arg(detail) : detail)
    }
    function deviceStatus(status) {
        switch (status) {
        case "ok": return qsTr("working")
        case "paper_out": return qsTr("out of paper")
        case "missing": return qsTr("not connected")
        case "connected": return qsTr("connected to the hall")
        case "disconnected": return qsTr("the hall cannot be reached: voters are sent to another booth; it resumes by itself")
        }
        return qsTr("fault")
    }
    ScrollArea {
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: bar.top; bottomMargin: access.gap }
        Column {
            width: parent.width
            spacing: access.gap
            Says { big: true; objectName: "polls-state"; text: qsTr("Polls: %1").arg(pollsName(worker.polls)) }
            WorkerProblem { objectName: "worker-message" }
            Flow {
                width: parent.width
                spacing: access.gap
                BigButton { objectName: "worker-open"; visible: worker.polls === "ready"; primary: true; text: qsTr("Open polls"); onTapped: worker.openPolls() }
                BigButton { objectName: "worker-pause"; visible: worker.polls === "open"; text: qsTr("Pause voting"); onTapped: worker.pause() }
                BigButton { objectName: "worker-resume"; visible: worker.polls === "paused"; primary: true; text: qsTr("Resume voting"); onTapped: worker.resume() }
                BigButton { objectName: "worker-close"; visible: worker.polls === "open" || worker.polls === "paused"; text: qsTr("Close polls"); onTapped: worker.go("close") }
                BigButton { objectName: "worker-export"; visible: worker.polls === "closed"; text: qsTr("Write the sealed ballot file"); onTapped: worker.go("export") }
            }
            // Printed is news, not a warning: plain text. Only a report that did not print is a notice.
            Says {
                objectName: "zero-report"
                visible: worker.report.length > 0 && worker.polls !== "closed" && worker.reportStatus === "printed"
                text: qsTr("Zero report: check that every session shows 0.") + " " + qsTr("Printed.")
            }
            Notice {
                objectName: "zero-report"
                visible: worker.report.length > 0 && worker.polls !== "closed" && worker.reportStatus !== "printed"
                text: qsTr("Zero report: check that every session shows 0.") + " " + qsTr("Not printed: check the printer.")
            }
            Says { text: qsTr("Voting sessions (ballots cast at this booth)") }
            Repeater {
                model: worker.sessions
                Column {
                    width: parent.width
                    spacing: access.gap
                    BigButton {
                        objectName: "toggle-" + modelData.id
                        width: parent.width
                        chosen: modelData.active
                        active: worker.polls !== "closed" && modelData.closed === ""
                        text: modelData.title + " — " + qsTr("ballots: %1").arg(modelData.ballots)
                        detail: modelData.closed === "closed" ? qsTr("Closed for good: its sealed ballots are with the hall (or on the stick).")
                              : modelData.closed === "unsent" ? qsTr("Closed for good: its sealed ballots wait for the hall; they go as soon as it answers.")
                              : modelData.active ? qsTr("Active: voters can vote. Tap to stop.") : qsTr("Not active. Tap to open it to voters.")
                        onTapped: worker.setSession(modelData.id, !modelData.active)
                    }
                    BigButton {
                        objectName: "close-vote-" + modelData.id
                        visible: modelData.closed === "" && !modelData.active && (worker.polls === "open" || worker.polls === "paused")
                        text: qsTr("Close this vote for good (at every booth of the hall)")
                        onTapped: worker.closeSession(modelData.id)
                    }
                }
            }
            Says { text: qsTr("Devices") }
            Repeater {
                model: worker.devices
                Says {
                    objectName: "device-" + modelData.name
                    text: deviceName(modelData.name) + ": " + deviceStatus(modelData.status)
                          + deviceDetail(modelData.name, modelData.detail)
                }
            }
            Flow {
                width: parent.width
                spacing: access.gap
                BigButton { objectName: "worker-clear-lock"; text: qsTr("Clear the code-entry lock"); onTapped: worker.clearLock() }
                BigButton { objectName: "worker-reissue"; text: qsTr("Reissue a voting code"); onTapped: worker.go("reissue") }
                BigButton { objectName: "worker-audit"; text: qsTr("Audit log"); onTapped: worker.go("audit") }
                BigButton { objectName: "worker-addendum"; visible: worker.polls !== "closed"; text: qsTr("Take in an addendum"); onTapped: worker.go("addendum") }
                BigButton { objectName: "worker-reprint"; text: qsTr("Reprint the last receipt"); onTapped: worker.reprintLast() }
            }
            Says {
                objectName: "reprint-status"
                visible: worker.reprint !== ""
                text: worker.reprint === "printed" ? qsTr("The last receipt was printed again.")
                    : worker.reprint === "already" ? qsTr("The last receipt was already reprinted once.")
                    : worker.reprint === "none" ? qsTr("No vote has been cast at this booth yet.")
                    : qsTr("The receipt could not be printed: check the printer.")
            }
        }
    }
    Flow {
        id: bar
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        BigButton { objectName: "worker-leave"; text: qsTr("Leave poll-worker mode"); onTapped: worker.leave() }
    }
}
