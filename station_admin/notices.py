"""Voters' notices: one A4 page per voter, ready to fold and post.

Each page holds only its own voter: name, the election, the booth, the voting code in large type in
an unambiguous alphabet, the same code as a QR code for the booth's scanner, and the instructions in
the voter's language. Nothing else about any other voter is on the page.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kiosk.ballot.codes import format_code
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.ids import StationId, VoterId
from station_admin.pdf_fonts import MONO_BOLD, SANS, SANS_BOLD, register_fonts

QR_SIZE = 45 * mm  # scans from a hand-held notice at the booth's scanner distance
CODE_FONT_SIZE = 22  # six groups of four fit the page width in large monospaced type

TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "notice": "Voting notice",
        "for": "For",
        "booth": "Your booth",
        "code": "Your voting code",
        "steps": [
            "Go to your booth with this notice. Keep it to yourself: the code lets one vote in each session.",
            "Scan the square code at the booth, or type the code on the screen (dashes are optional).",
            "Answer each question, review your answers and submit. Take your receipt.",
            "Check your receipt's tracking code on the published list after the count.",
            "Lost this notice? A poll worker at your booth can cancel this code and give you a new one.",
        ],
    },
    "fr": {
        "notice": "Avis de vote",
        "for": "Pour",
        "booth": "Votre isoloir",
        "code": "Votre code de vote",
        "steps": [
            "Présentez-vous à votre isoloir avec cet avis. Gardez-le pour vous : "
            "le code permet un vote par séance.",
            "Scannez le code carré à l'isoloir, ou tapez le code à l'écran (les tirets sont facultatifs).",
            "Répondez à chaque question, vérifiez vos réponses et validez. Prenez votre reçu.",
            "Après le dépouillement, vérifiez le code de suivi de votre reçu sur la liste publiée.",
            "Avis perdu ? Un assesseur de votre isoloir peut annuler ce code et vous en donner un nouveau.",
        ],
    },
    "es": {
        "notice": "Aviso de votación",
        "for": "Para",
        "booth": "Su cabina",
        "code": "Su código de votación",
        "steps": [
            "Acuda a su cabina con este aviso. No lo comparta: el código permite un voto por sesión.",
            "Escanee el código cuadrado en la cabina, o escriba el código en la pantalla "
            "(los guiones son opcionales).",
            "Responda cada pregunta, revise sus respuestas y confirme. Recoja su recibo.",
            "Tras el escrutinio, compruebe el código de seguimiento de su recibo en la lista publicada.",
            "¿Perdió este aviso? Un miembro de la mesa en su cabina puede anular este código "
            "y darle uno nuevo.",
        ],
    },
}


@dataclass(frozen=True)
class VoterCode:
    voter_id: VoterId
    name: str
    station: StationId
    language: str
    code: str


def read_codes(path: Path) -> list[VoterCode]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            VoterCode(VoterId(row["voter_id"]), row["name"], StationId(row["station"]), row["language"],
                      row["code"])
            for row in csv.DictReader(handle)
        ]


def write_notices(definition: ElectionDefinition, voters: list[VoterCode], out: Path) -> int:
    """Writes one page per voter; returns the number of pages."""
    register_fonts()
    out.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(out), pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Voting notices — {definition.id}")
    for voter in voters:
        _page(canvas, definition, voter)
        canvas.showPage()
    canvas.save()
    return len(voters)


def _page(canvas: Canvas, definition: ElectionDefinition, voter: VoterCode) -> None:
    language = voter.language if voter.language in TEXTS else "en"
    texts = TEXTS[language]
    width, height = A4
    left, y = 20 * mm, height - 25 * mm
    canvas.setFont(SANS_BOLD, 18)
    canvas.drawString(left, y, str(texts["notice"]))
    canvas.setFont(SANS, 12)
    y -= 9 * mm
    canvas.drawString(left, y, definition.title.get(language) or definition.title[definition.languages[0]])
    y -= 12 * mm
    canvas.drawString(left, y, f"{texts['for']}: {voter.name}")
    station = next((s for s in definition.stations if s.id == voter.station), None)
    booth = (station.name.get(language) or voter.station) if station else voter.station
    y -= 7 * mm
    canvas.drawString(left, y, f"{texts['booth']}: {booth}")
    y -= 16 * mm
    canvas.setFont(SANS_BOLD, 12)
    canvas.drawString(left, y, str(texts["code"]))
    code = format_code(voter.code)
    y -= 12 * mm
    canvas.setFont(MONO_BOLD, CODE_FONT_SIZE)
    canvas.drawString(left, y, code)
    y -= 8 * mm + QR_SIZE
    canvas.drawImage(_qr(code), left, y, QR_SIZE, QR_SIZE)
    y -= 12 * mm
    canvas.setFont(SANS, 10.5)
    for number, step in enumerate(texts["steps"], start=1):
        for k, line in enumerate(_wrap(str(step), SANS, 10.5, width - 2 * left - 8 * mm)):
            canvas.drawString(left, y, f"{number}." if k == 0 else "")
            canvas.drawString(left + 8 * mm, y, line)
            y -= 5.5 * mm
        y -= 2 * mm


def _qr(code: str) -> ImageReader:
    buffer = BytesIO()
    segno.make(code, error="m", micro=False).save(buffer, kind="png", scale=10, border=4)
    buffer.seek(0)
    return ImageReader(buffer)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) > width and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines
