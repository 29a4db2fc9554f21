// What went wrong for the poll worker, in their language; the core's detail after it, as recorded.
import QtQuick

Notice {
    function said(problem) {
        switch (problem) {
        case "package_refused": return qsTr("The election package was refused.")
        case "authority_refused": return qsTr("This election package is signed by another authority than the one this booth trusts. Do not use this stick: call the election officials.")
        case "stick_used": return qsTr("This stick already set up a booth. A second booth set up from it would have its ballots refused: ask the election officials for a new stick.")
        case "polls_refused": return qsTr("The booth refused this change.")
        case "export_failed": return qsTr("The sealed file was not written. Try again, or use another stick.")
        case "audit_failed": return qsTr("The audit log was not written. Try another stick.")
        case "slip_failed": return qsTr("The slip could not be printed: the code stays on the screen.")
        case "not_registered": return qsTr("This card is not registered for this booth.")
        }
        return ""
    }
    visible: worker.problem !== ""
    text: said(worker.problem) + (worker.message !== "" ? " (" + worker.message + ")" : "")
}
