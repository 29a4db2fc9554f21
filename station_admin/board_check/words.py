"""What the board's check page says, in each language the board is published in (en, fr, es).

Each verdict key is one the page's JavaScript returns (slip.js `check`); {code}, {session} and
{station} are filled in by the page. A verdict that is not good always says what to do: tell an
official, keep the slip.
"""

from __future__ import annotations

CHECK_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Check a ballot slip or a receipt",
        "intro": "Scan the QR code of your slip or receipt with your phone's camera, or paste here the text "
        "a QR scanner read. The check runs on this device alone: nothing is sent anywhere.",
        "label": "The QR code's text",
        "button": "Check",
        "camera": "Scan with the camera",
        "stop": "Stop the camera",
        "working": "Checking…",
        "board": "Back to the results board",
        "code": "Ballot code {code} — {session}, booth {station}",
        "match": "This booth encrypted exactly these choices:",
        "match_after": "This ballot was opened, so it is not counted. Vote again at the booth if you have "
        "not.",
        "mismatch": "Mismatch: the booth did not encrypt what the slip says. Tell an official now and keep "
        "this slip.",
        "invalid_choices": "Mismatch: the slip's choices are not a valid answer, so the booth did not "
        "encrypt a valid ballot. Tell an official now and keep this slip.",
        "checked_but_counted": "The booth encrypted these choices, but this opened ballot is among the "
        "counted ballots, where it must not be. Tell an official and keep this slip.",
        "unsigned": "This slip is not signed by a booth of this election: it is of another election, or it "
        "was edited. Tell an official and keep this slip.",
        "unknown_context": "This slip names a session, booth, group or voter this election does not have. "
        "Tell an official and keep this slip.",
        "on_board": "Your ballot is on the board: it is among the counted ballots.",
        "not_on_board": "Your ballot is not on the board: no counted ballot has this code. Tell an official "
        "and show your receipt.",
        "cast_but_checked": "This code is among the opened (not counted) ballots, but your receipt says it "
        "was cast. Tell an official and show your receipt.",
        "unreadable": "This is not the QR code of an Isoloir ballot slip or receipt of this version.",
        "broken": "This page's election data do not hold together: do not trust this page.",
        "blank": "blank",
        "colon": ": ",  # between a question and its choices
        "no_camera": "The camera could not be opened here: paste the text a QR scanner read instead.",
    },
    "fr": {
        "title": "Vérifier un bulletin ouvert ou un reçu",
        "intro": "Scannez le code QR de votre bulletin ou de votre reçu avec l'appareil photo de votre "
        "téléphone, ou collez ici le texte lu par un lecteur de QR. La vérification se fait sur cet "
        "appareil seul : rien n'est envoyé nulle part.",
        "label": "Le texte du code QR",
        "button": "Vérifier",
        "camera": "Scanner avec l'appareil photo",
        "stop": "Arrêter l'appareil photo",
        "working": "Vérification…",
        "board": "Retour au tableau des résultats",
        "code": "Bulletin {code} — {session}, isoloir {station}",
        "match": "Cet isoloir a chiffré exactement ces choix :",
        "match_after": "Ce bulletin a été ouvert, il n'est donc pas compté. Votez à nouveau à l'isoloir si "
        "ce n'est pas fait.",
        "mismatch": "Discordance : l'isoloir n'a pas chiffré ce que dit le bulletin. Prévenez tout de suite "
        "un responsable et gardez ce bulletin.",
        "invalid_choices": "Discordance : les choix du bulletin ne sont pas une réponse valable, l'isoloir "
        "n'a donc pas chiffré un bulletin valable. Prévenez tout de suite un responsable et gardez ce "
        "bulletin.",
        "checked_but_counted": "L'isoloir a chiffré ces choix, mais ce bulletin ouvert figure parmi les "
        "bulletins comptés, où il ne doit pas être. Prévenez un responsable et gardez ce bulletin.",
        "unsigned": "Ce bulletin n'est pas signé par un isoloir de cette élection : il vient d'une autre "
        "élection, ou il a été modifié. Prévenez un responsable et gardez ce bulletin.",
        "unknown_context": "Ce bulletin nomme une séance, un isoloir, un groupe ou un votant que cette "
        "élection n'a pas. Prévenez un responsable et gardez ce bulletin.",
        "on_board": "Votre bulletin est au tableau : il fait partie des bulletins comptés.",
        "not_on_board": "Votre bulletin n'est pas au tableau : aucun bulletin compté n'a ce code. Prévenez "
        "un responsable et montrez-lui votre reçu.",
        "cast_but_checked": "Ce code figure parmi les bulletins ouverts (non comptés), mais votre reçu dit "
        "qu'il a été déposé. Prévenez un responsable et montrez-lui votre reçu.",
        "unreadable": "Ce n'est pas le code QR d'un bulletin ouvert ou d'un reçu Isoloir de cette version.",
        "broken": "Les données d'élection de cette page ne concordent pas : ne vous fiez pas à cette page.",
        "blank": "blanc",
        "colon": "\u00a0: ",  # between a question and its choices (a French no-break space)
        "no_camera": "L'appareil photo n'a pas pu être ouvert ici : collez plutôt le texte lu par un "
        "lecteur de QR.",
    },
    "es": {
        "title": "Comprobar una papeleta abierta o un recibo",
        "intro": "Escanee el código QR de su papeleta o de su recibo con la cámara de su teléfono, o pegue "
        "aquí el texto que leyó un lector de QR. La comprobación se hace solo en este aparato: no se envía "
        "nada a ninguna parte.",
        "label": "El texto del código QR",
        "button": "Comprobar",
        "camera": "Escanear con la cámara",
        "stop": "Detener la cámara",
        "working": "Comprobando…",
        "board": "Volver al tablón de resultados",
        "code": "Papeleta {code} — {session}, cabina {station}",
        "match": "Esta cabina cifró exactamente estas opciones:",
        "match_after": "Esta papeleta se abrió, así que no se cuenta. Vuelva a votar en la cabina si aún no "
        "lo hizo.",
        "mismatch": "Discrepancia: la cabina no cifró lo que dice la papeleta. Avise ahora a un responsable "
        "y guarde esta papeleta.",
        "invalid_choices": "Discrepancia: las opciones de la papeleta no son una respuesta válida, así que "
        "la cabina no cifró una papeleta válida. Avise ahora a un responsable y guarde esta papeleta.",
        "checked_but_counted": "La cabina cifró estas opciones, pero esta papeleta abierta está entre las "
        "papeletas contadas, donde no debe estar. Avise a un responsable y guarde esta papeleta.",
        "unsigned": "Esta papeleta no está firmada por una cabina de esta elección: es de otra elección, o "
        "fue modificada. Avise a un responsable y guarde esta papeleta.",
        "unknown_context": "Esta papeleta nombra una sesión, cabina, grupo o votante que esta elección no "
        "tiene. Avise a un responsable y guarde esta papeleta.",
        "on_board": "Su papeleta está en el tablón: está entre las papeletas contadas.",
        "not_on_board": "Su papeleta no está en el tablón: ninguna papeleta contada tiene este código. "
        "Avise a un responsable y muéstrele su recibo.",
        "cast_but_checked": "Este código está entre las papeletas abiertas (no contadas), pero su recibo "
        "dice que se depositó. Avise a un responsable y muéstrele su recibo.",
        "unreadable": "Esto no es el código QR de una papeleta abierta o de un recibo Isoloir de esta "
        "versión.",
        "broken": "Los datos de la elección de esta página no concuerdan: no confíe en esta página.",
        "blank": "en blanco",
        "colon": ": ",  # between a question and its choices
        "no_camera": "No se pudo abrir la cámara aquí: pegue en su lugar el texto que leyó un lector de QR.",
    },
}

GOOD_VERDICTS = ("match", "on_board")  # shown in green; every other verdict in red, except:
NEUTRAL_VERDICTS = ("unreadable",)  # not a slip at all: nothing to report
