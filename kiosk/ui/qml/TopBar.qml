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
        text: qsTr("Text size %1/%2").arg(access.textSize + 1).arg(access.textSizeCount)
        onTapped: access.nextTextSize()
    }
    BigButton {
        objectName: "contrast"
        fontSize: access.barFont
        text: qsTr("Contrast: %1").arg(access.contrast === "high" ? qsTr("high")
                                        : access.contrast === "low" ? qsTr("low") : qsTr("standard"))
        onTapped: access.nextContrast()
    }
}
