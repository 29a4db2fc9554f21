// Language, text size and contrast: one tap away on every screen; they keep the voter's place.
import QtQuick

Flow {
    spacing: access.gap
    Repeater {
        model: lang.choices
        BigButton {
            objectName: "lang-" + modelData.code
            text: modelData.name
            fontSize: access.barFont
            chosen: lang.current === modelData.code
            onTapped: lang.choose(modelData.code)
        }
    }
    BigButton {
        objectName: "text-size"
        fontSize: access.barFont
        text: qsTr("Text size") + "  " + (access.textSize + 1) + "/" + access.textSizeCount
        onTapped: access.nextTextSize()
    }
    BigButton {
        objectName: "contrast"
        fontSize: access.barFont
        text: qsTr("Contrast") + ": " + (access.contrast === "high" ? qsTr("high")
                                        : access.contrast === "low" ? qsTr("low") : qsTr("standard"))
        onTapped: access.nextContrast()
    }
}
