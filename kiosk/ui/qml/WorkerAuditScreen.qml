// Recent events of the booth's audit log, newest first; the full log can go to the USB stick.
import QtQuick

Item {
    // Each event of the catalog (kiosk/ballot/audit_events.py) in the poll worker's language; the log
    // itself keeps the names, and the full log written to the stick too.
    function said(event) {
        switch (event) {
        case "station_set_up": return qsTr("Booth set up (its key certified by the poll worker's card)")
        case "polls_opened": return qsTr("Polls opened")
        case "polls_paused": return qsTr("Polls paused")
        case "polls_resumed": return qsTr("Polls resumed")
        case "polls_closed": return qsTr("Polls closed")
        case "transition_refused": return qsTr("Change refused")
        case "session_activated": return qsTr("Voting session opened")
        case "session_deactivated": return qsTr("Voting session closed")
        case "voter_authenticated": return qsTr("Voter let in")
        case "code_refused": return qsTr("Voting code refused")
        case "code_entry_locked": return qsTr("Code entry locked")
        case "code_entry_unlocked": return qsTr("Code entry unlocked")
        case "code_reissued": return qsTr("Voting code reissued")
        case "ballot_cast": return qsTr("Ballot cast")
        case "cast_refused": return qsTr("Cast refused")
        case "receipt_reprinted": return qsTr("Receipt reprinted")
        case "poll_worker_login": return qsTr("Poll worker logged in")
        case "poll_worker_refused": return qsTr("Poll-worker card refused")
        case "poll_worker_logout": return qsTr("Poll worker left")
        case "sealed_file_written": return qsTr("Sealed ballot file written")
        case "sealed_file_failed": return qsTr("Sealed ballot file not written")
        case "clock_jump": return qsTr("Clock jumped")
        case "addendum_taken_in": return qsTr("Addendum taken in")
        case "addendum_refused": return qsTr("Addendum refused")
        case "delegation_refused": return qsTr("Delegation refused: the delegate had voted")
        }
        return event
    }
    // The heading, the events and the export button scroll together, so at the largest text the
    // events keep the room; only the way back and the paging buttons stay put.
    ScrollArea {
        id: list
        external: true
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: actions.top; bottomMargin: access.gap }
        Column {
            width: parent.width
            spacing: access.gap
            Says { id: head; big: true; text: qsTr("Audit log: recent events") }
            Repeater {
                model: worker.audit
                Text {
                    objectName: "audit-row"
                    width: parent.width
                    wrapMode: Text.WrapAnywhere
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: Math.round(access.font * 0.8)
                    color: access.theme.text
                    text: modelData.time + "  " + said(modelData.event) + "  " + modelData.data
                }
            }
            WorkerProblem { objectName: "audit-problem" }
            BigButton { objectName: "audit-export"; text: qsTr("Write the full log to the USB stick"); onTapped: worker.exportAudit() }
        }
    }
    Column {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: access.gap
        Pager { area: list }
        WorkerBar { width: parent.width }
    }
}
