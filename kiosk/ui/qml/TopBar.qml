// Language, text size and contrast: one tap away on every screen; they keep the voter's place.
import QtQuick

Flow {
    spacing: access.gap
    readonly property QtObject sizes: QtObject {
        readonly property var names: [qsTr("Small"), qsTr("Standard"), qsTr("Large"), qsTr("Extra large")]
    }
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
        text: qsTr("Text size: %1").arg(sizes.names[access.textSize])
        onTapped: access.showSizes(true)
    }
    BigButton {
        objectName: "contrast"
        fontSize: access.barFont
        text: qsTr("Contrast: %1").arg(access.contrast === "high" ? qsTr("high")
                                        : access.contrast === "low" ? qsTr("low") : qsTr("standard"))
        onTapped: access.nextContrast()
    }
}
