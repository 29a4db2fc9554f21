// An addendum of the election authority from the officials' USB stick: checked, then what it
// changes at this booth is read by the poll worker before they accept it.
import QtQuick

ScrollArea {
    function change(row) {
        switch (row.kind) {
        case "session": return qsTr("A vote is added: %1").arg(row.a)
        case "delegation": return qsTr("%1 votes in the place of %2 in: %3").arg(row.a).arg(row.b).arg(row.c)
        case "voted_first": return qsTr("Refused: %2 already voted in %3, so %1 cannot vote in their place").arg(row.a).arg(row.b).arg(row.c)
        case "revoked": return qsTr("%1 votes again in person in: %2").arg(row.a).arg(row.b)
        case "voter": return qsTr("A voter is added to this booth: %1").arg(row.a)
        case "code": return qsTr("A new voting code for %1: their old code stops working").arg(row.a)
        case "struck": return qsTr("Struck off the roll: %1 can no longer vote").arg(row.a)
        case "weighting_by-group": return qsTr("%1 is weighted by group, equal strength for each group:").arg(row.a)
        case "weighting_per-voter": return qsTr("%1 is weighted per voter: each voter carries their own mandates").arg(row.a)
        case "weighting_none": return qsTr("%1 is no longer weighted: one vote per ballot").arg(row.a)
        case "weight": return qsTr("%1: %2 members entitled to vote, %3 votes each").arg(row.a).arg(row.b).arg(row.c)
        }
        return ""
    }
    Column {
        width: parent.width
        spacing: 2 * access.gap
        Says { big: true; text: qsTr("Take in an addendum") }
        Says { objectName: "addenda-held"; text: qsTr("Addenda this booth holds: %1").arg(worker.addendaHeld) }
        Says { text: qsTr("Insert the officials' USB stick with the addendum, then check it.") }
        BigButton { objectName: "addendum-check"; text: qsTr("Check the USB stick"); onTapped: worker.previewAddendum() }
        WorkerProblem { objectName: "addendum-refused" }
        Says {
            objectName: "addendum-accepted"
            visible: worker.addendumAccepted > 0
            text: qsTr("Addendum %1 was taken in. Check the stick again for the next one.").arg(worker.addendumAccepted)
        }
        Column {
            objectName: "addendum-preview"
            visible: worker.addendumNumber > 0
            width: parent.width
            spacing: access.gap
            Says { objectName: "addendum-number"; big: true; text: qsTr("Addendum %1, signed by the election authority").arg(worker.addendumNumber) }
            Says { text: qsTr("What it changes at this booth:") }
            Says { visible: worker.addendum.length === 0; text: qsTr("Nothing for the voters of this booth.") }
            Repeater {
                model: worker.addendum
                Says { objectName: "addendum-change"; text: (modelData.kind === "weight" ? "    – " : "• ") + change(modelData) }
            }
            BigButton { objectName: "addendum-accept"; primary: true; text: qsTr("Accept this addendum"); onTapped: worker.acceptAddendum() }
        }
        BigButton { objectName: "worker-home"; text: qsTr("Back"); onTapped: worker.go("home") }
    }
}
