"""The results report as a PDF: per session and question the counts, a bar chart, the outcome and
turnout; then the booths imported with their sealed files' digests and audit chain heads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from station_admin.pdf_fonts import SANS, SANS_BOLD, register_fonts
from station_admin.report_data import QuestionView, Report, SessionView
from station_admin.report_texts import words

WIDTH = A4[0] - 40 * mm  # the text block between 20 mm margins
BAR_HEIGHT, BAR_GAP = 5 * mm, 2 * mm
LABEL_WIDTH = 55 * mm  # room for an option's label beside its bar
BAR_COLOUR = colors.HexColor("#2b5c8a")
OUTCOME_COLOURS = {"adopted": "#1b6e2a", "rejected": "#a1261b", "no quorum": "#8a5a00"}


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=SANS, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#444444")
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=18, leading=22, spaceAfter=4
        ),
        "session": ParagraphStyle(
            "session", parent=base, fontName=SANS_BOLD, fontSize=14, leading=18, spaceBefore=10, spaceAfter=4
        ),
        "question": ParagraphStyle(
            "question", parent=base, fontName=SANS_BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
        ),
        "outcome": ParagraphStyle("outcome", parent=base, fontName=SANS_BOLD, fontSize=11, leading=14),
    }


def write_pdf(report: Report, out: Path) -> None:
    register_fonts()
    w = words(report.language)
    styles = _styles()
    story: list[Flowable] = [
        Paragraph(_escape(report.title), styles["title"]),
        Paragraph(f"{w['report']} — {w['fingerprint']}{w['colon']}<b>{report.fingerprint}</b>",
                  styles["body"]),
    ]
    for session in report.sessions:
        story += _session(session, w, styles)
    story += _booths(report.booths, w, styles)
    for heading, lines in ((w["addenda"], report.addenda), (w["delegations"], report.delegations)):
        if lines:  # what changed during the conference, in the order it was signed
            story.append(Paragraph(heading, styles["session"]))
            story += [Paragraph(_escape(line), styles["small"]) for line in lines]
    document = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{w['report']} — {report.title}",
    )

    def footer(canvas: Any, doc: Any) -> None:
        canvas.setFont(SANS, 8)
        canvas.drawString(20 * mm, 10 * mm, f"{report.title} — {report.fingerprint}")
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"{w['page']} {doc.page}")

    document.build(story, onFirstPage=footer, onLaterPages=footer)


def _session(session: SessionView, w: dict[str, str], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    heading: list[Flowable] = [
        Paragraph(f"{w['session']}{w['colon']}{_escape(session.title)}", styles["session"]),
        Paragraph(f"{session.ballots} {w['ballots']} — {w['turnout']}{w['colon']}{session.turnout}",
                  styles["body"]),
    ]
    if session.kind:
        heading.append(Paragraph(f"{w['kind']}{w['colon']}{_escape(session.kind)}", styles["body"]))
    if session.attending:
        heading.append(Paragraph(session.attending, styles["body"]))
    heading += [Paragraph(_escape(line), styles["body"]) for line in session.weights]
    # The session's heading stays on the page of its first question, never alone at a page's foot.
    first, *others = session.questions
    story: list[Flowable] = [KeepTogether([*heading, *_question(first, w, styles)])]
    story += [KeepTogether(_question(question, w, styles)) for question in others]
    if session.groups is not None:
        story += _groups(session, w, styles)
    elif session.groups_note:
        story.append(Paragraph(session.groups_note, styles["small"]))
    if session.recorded:
        story.append(Paragraph(w["recorded"], styles["question"]))
        rows = [[w["voter"], w["answer"]], *[[name, answer] for name, answer in session.recorded]]
        story.append(_table(rows, [WIDTH * 0.6, WIDTH * 0.4]))
    return story


def _question(question: QuestionView, w: dict[str, str], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    with_seats = any(o.seats is not None for o in question.options)
    header = [w["option"], w["votes"], w["share"], *([w["seats"]] if with_seats else [])]
    rows: list[list[str]] = [header]
    for o in question.options:
        rows.append([o.label, str(o.votes), f"{o.share:.1%}", *([str(o.seats)] if with_seats else [])])
    rows.append([w["blank"], str(question.blank), "", *([""] if with_seats else [])])
    widths = (
        [WIDTH * 0.55, WIDTH * 0.15, WIDTH * 0.15, WIDTH * 0.15]
        if with_seats
        else [WIDTH * 0.6, WIDTH * 0.2, WIDTH * 0.2]
    )
    colour = OUTCOME_COLOURS.get(question.outcome_key, "#222222")
    parts: list[Flowable] = [
        Paragraph(_escape(question.title), styles["question"]),
        _table(rows, widths),
        Spacer(1, 2 * mm),
        _bars(question),
        Spacer(1, 2 * mm),
        Paragraph(
            f"{w['outcome']}{w['colon']}<font color='{colour}'>{_escape(question.outcome)}</font>",
            styles["outcome"],
        ),
    ]
    parts += [Paragraph(_escape(line), styles["small"]) for line in question.details]
    return parts


def _bars(question: QuestionView) -> Drawing:
    lines = question.options
    height = len(lines) * (BAR_HEIGHT + BAR_GAP)
    drawing = Drawing(WIDTH, height)
    most = max((o.votes for o in lines), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 20 * mm  # leaves room for the count after the longest bar
    for n, option in enumerate(lines):
        y = height - (n + 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP / 2
        label = option.label if len(option.label) <= 34 else option.label[:33] + "…"
        drawing.add(String(0, y + 1.3 * mm, label, fontName=SANS, fontSize=8))
        length = room * option.votes / most
        drawing.add(
            Rect(LABEL_WIDTH, y, max(length, 0.3), BAR_HEIGHT, fillColor=BAR_COLOUR, strokeColor=None)
        )
        drawing.add(
            String(LABEL_WIDTH + length + 2 * mm, y + 1.3 * mm, str(option.votes), fontName=SANS, fontSize=8)
        )
    return drawing


def _groups(session: SessionView, w: dict[str, str], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    assert session.groups is not None
    story: list[Flowable] = [Paragraph(w["groups"], styles["question"])]
    for question in session.questions:
        options = [o.label for o in question.options]
        rows = [[w["group"], w["ballots"].capitalize(), *options]]
        for group in session.groups:
            counts = next(q for q in group["questions"] if q["id"] == question.id)["options"]
            rows.append([group["label"], str(group["ballots"]), *[str(c["votes"]) for c in counts]])
        story.append(Paragraph(_escape(question.title), styles["small"]))
        first = WIDTH * 0.3
        story.append(_table(rows, [first, WIDTH * 0.12, *[(WIDTH * 0.58) / len(options)] * len(options)]))
    return story


def _booths(
    booths: list[dict[str, Any]], w: dict[str, str], styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    small = styles["small"]
    rows: list[list[Any]] = [[w["booth"], w["ballots"].capitalize(), w["closed"], w["held"], w["file"],
                              w["chain_head"]]]
    for b in booths:
        rows.append(
            [
                b["station"],
                str(b["ballots"]),
                Paragraph(str(b["closed_at"])[:19].replace("T", " "), small),
                Paragraph(", ".join(str(n) for n in b.get("addenda", [])) or "—", small),
                Paragraph(_split(b["file_sha256"]), small),
                Paragraph(_split(b["audit_head"]), small),
            ]
        )
    widths = [WIDTH * 0.1, WIDTH * 0.08, WIDTH * 0.16, WIDTH * 0.14, WIDTH * 0.26, WIDTH * 0.26]
    return [Paragraph(w["booths"], styles["session"]), _table(rows, widths)]


def _split(digest: str) -> str:
    """A digest in groups of eight, so it wraps and can be read aloud and compared."""
    return " ".join(digest[i : i + 8] for i in range(0, len(digest), 8))


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 8.5),
                ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f0f0f0")]),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
