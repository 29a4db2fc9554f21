// What went wrong for the poll worker, in their language; the core's detail after it, as recorded.
import QtQuick

Notice {
    function said(problem) {
        switch (problem) {
        case "package_refused": return qsTr("The election package was refused.")
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
