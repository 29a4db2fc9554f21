// What went wrong for the poll worker, in their language, with its reason after it. Every typed
// reason of the core has its text here (tests/ui/test_refusal_texts.py checks that none is missing).
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
        case "addendum_refused": return qsTr("The addendum was refused and nothing changed.")
        }
        return ""
    }
    function why(reason, args) {
        switch (reason) {
        // the stick at set-up
        case "no_stick": return qsTr("no USB stick is inserted")
        case "no_package": return qsTr("there is no election package on this stick")
        case "package_invalid": return qsTr("the package is not signed by its election authority, was altered, or has expired")
        case "no_provision": return qsTr("there is no booth provisioning on this stick")
        case "provision_invalid": return qsTr("the booth provisioning is damaged, or names a booth this election does not have")
        case "other_booth": return qsTr("this stick provisions '%1', and this booth is '%2'").arg(args[0]).arg(args[1])
        case "not_the_stick_checked": return qsTr("this is not the stick just checked: check it again")
        case "already_set_up": return qsTr("this booth is already set up")
        case "unreadable": return qsTr("the stick cannot be read")
        case "authority_refused": return qsTr("this election package is signed by another authority than the one this booth trusts. Do not use this stick: call the election officials")
        case "stick_used": return qsTr("this stick already set up a booth. A second booth set up from it would have its ballots refused: ask the election officials for a new stick")
        case "card_refused": return qsTr("this card is not registered to a poll worker of this booth, or it did not sign the booth's key: insert it again, or use another")
        // the polls
        case "not_set_up": return qsTr("the booth is not set up with an election yet")
        case "not_open_yet": return qsTr("polls are not open yet")
        case "already_open": return qsTr("polls are open")
        case "paused": return qsTr("polls are paused")
        case "closed": return qsTr("polls are closed for this election")
        case "ballots_stored": return qsTr("ballots are already stored on this booth")
        case "sessions_fixed": return qsTr("sessions cannot change: polls are closed")
        case "session_closed": return qsTr("this vote is closed for good and cannot open again")
        // the sealed file and the stick it goes to
        case "not_closed": return qsTr("close the polls before exporting the sealed ballot file")
        case "does_not_verify": return qsTr("the sealed ballot file does not verify")
        case "write_failed": return qsTr("the sealed ballot file could not be written")
        case "no_closing": return qsTr("the audit log has no closing event")
        case "no_media": return qsTr("no USB stick is inserted")
        case "pulled": return qsTr("the stick was pulled out during the write; insert another")
        case "full": return qsTr("the stick is full; insert another")
        case "read_only": return qsTr("the stick is write-protected; insert another")
        case "verify_failed": return qsTr("the stick gave back other bytes than were written; insert another")
        // an addendum from the officials' stick
        case "no_addendum": return qsTr("there is no addendum on this stick")
        case "malformed": return qsTr("this is not an addendum, or it is damaged")
        case "not_signed": return qsTr("it is not signed by this election's authority, or was altered since. Do not use this stick: call the election officials")
        case "other_election": return qsTr("it amends another election, or another package of this one")
        case "repeated": return qsTr("this booth already took it in; the stick holds nothing new")
        case "skipped": return qsTr("an earlier addendum is missing from the stick: it must be taken in first")
        case "out_of_sequence": return qsTr("it does not follow the addenda this booth holds. Call the election officials")
        case "does_not_fit": return qsTr("its changes do not fit this election. Call the election officials")
        case "not_the_one_read": return qsTr("the stick no longer holds the addendum just shown: check it again")
        case "votes_cast": return qsTr("votes were already cast at this booth in '%1' under its earlier weighting, and addendum %2 would count them under another. Call the election officials").arg(args[0]).arg(args[1])
        }
        return ""
    }
    visible: worker.problem !== ""
    text: said(worker.problem) + (worker.reason !== "" ? " (" + why(worker.reason, worker.reasonArgs) + ")" : "")
}
