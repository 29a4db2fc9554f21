"""The public board: a static web site (plain files, no server) with the results, every counted
ballot's tracking code, and a search box where a voter types the code on their receipt.

The receipt's QR code opens the election's verify_url with ?code=TRACKING-CODE; the page reads the
same parameter, so a scan lands on the answer. One page per language of the election.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from station_admin.report_data import Report, SessionView

SEARCH_WORDS = {
    "en": {
        "board": "Public results board",
        "search": "Check your receipt",
        "hint": "Type the tracking code printed on your receipt, e.g. 006N-K5A7-9K1J.",
        "button": "Check",
        "found": "Counted: the ballot with tracking code {code} is among the counted ballots.",
        "missing": "Not found: no counted ballot has the tracking code {code}. Check the code; if it is "
        "right, tell the election officials and show them your receipt.",
        "codes": "Every counted tracking code ({n})",
        "results": "Results",
        "check": "Check an opened ballot's slip, or your receipt's QR code",
        "lang": "en",
    },
    "fr": {
        "board": "Tableau public des résultats",
        "search": "Vérifiez votre reçu",
        "hint": "Tapez le code de suivi imprimé sur votre reçu, par exemple 006N-K5A7-9K1J.",
        "button": "Vérifier",
        "found": "Compté : le bulletin au code de suivi {code} fait partie des bulletins comptés.",
        "missing": "Introuvable : aucun bulletin compté n'a le code de suivi {code}. Vérifiez le code ; "
        "s'il est juste, prévenez les responsables de l'élection et montrez-leur votre reçu.",
        "codes": "Tous les codes de suivi comptés ({n})",
        "results": "Résultats",
        "check": "Vérifier un bulletin ouvert, ou le code QR de votre reçu",
        "lang": "fr",
    },
    "es": {
        "board": "Tablón público de resultados",
        "search": "Compruebe su recibo",
        "hint": "Escriba el código de seguimiento impreso en su recibo, por ejemplo 006N-K5A7-9K1J.",
        "button": "Comprobar",
        "found": "Contada: la papeleta con el código de seguimiento {code} está entre las papeletas "
        "contadas.",
        "missing": "No encontrado: ninguna papeleta contada tiene el código de seguimiento {code}. Revise el "
        "código; si es correcto, avise a los responsables de la elección y muéstreles su recibo.",
        "codes": "Todos los códigos de seguimiento contados ({n})",
        "results": "Resultados",
        "check": "Comprobar una papeleta abierta, o el código QR de su recibo",
        "lang": "es",
    },
}

BAR_REM = 12  # the longest bar, in rem: fits beside the counts on a phone held upright
ASSETS = Path(__file__).resolve().parent  # board.css and board.js ship beside this module


def publish_site(
    reports: list[Report], tracking_codes: list[str], out: Path, check_page: bool = False
) -> list[Path]:
    """Writes one page per report (language) and the codes; returns the pages, the first as index.
    With check_page, the pages link to check.html (board_check/page.py) and hand it a slip's QR link."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "tracking-codes.txt").write_text(
        "".join(f"{c}\n" for c in sorted(tracking_codes)), encoding="utf-8"
    )
    (out / "tracking-codes.js").write_text(
        f"window.TRACKING_CODES = {_js(sorted(tracking_codes))};\n", encoding="utf-8"
    )
    for asset in ("board.js", "board.css"):
        (out / asset).write_bytes((ASSETS / asset).read_bytes())
    pages = []
    for n, report in enumerate(reports):
        path = out / _page_name(n, report)
        path.write_text(_page(report, reports, tracking_codes, check_page), encoding="utf-8")
        pages.append(path)
    return pages


def _page_name(index: int, report: Report) -> str:
    return "index.html" if index == 0 else f"index.{report.language}.html"


def _js(value: object) -> str:
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def _page(report: Report, reports: list[Report], codes: list[str], check_page: bool = False) -> str:
    w = SEARCH_WORDS.get(report.language, SEARCH_WORDS["en"])
    languages = " ".join(
        f'<a href="{_page_name(n, r)}" hreflang="{r.language}">{r.language.upper()}</a>'
        for n, r in enumerate(reports)
    )
    sessions = "\n".join(_session(s) for s in report.sessions)
    listed = "".join(f"<li>{escape(c)}</li>" for c in sorted(codes))
    return f"""<!DOCTYPE html>
<html lang="{escape(report.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(report.title)} — {escape(w["board"])}</title>
<link rel="stylesheet" href="board.css">
</head>
<body>
<nav>{languages}</nav>
<h1>{escape(report.title)}</h1>
<p class="fingerprint">{escape(w["board"])} — {escape(report.fingerprint)}</p>
<section id="search">
<h2>{escape(w["search"])}</h2>
<form id="search-form" method="get">
<label for="code">{escape(w["hint"])}</label><br>
<input id="code" name="code" autocomplete="off" spellcheck="false" placeholder="XXXX-XXXX-XXXX">
<button type="submit">{escape(w["button"])}</button>
</form>
<p id="search-result" role="status" aria-live="polite"></p>
{_check_link(w) if check_page else ""}
</section>
<h2>{escape(w["results"])}</h2>
{sessions}
<details><summary>{escape(w["codes"].format(n=len(codes)))}</summary>
<p><a href="tracking-codes.txt">tracking-codes.txt</a></p><ol class="codes">{listed}</ol></details>
<script>window.SEARCH_WORDS = {_js(w)};
window.CHECK_PAGE = {_js("check.html" if check_page else "")};</script>
<script src="tracking-codes.js"></script>
<script src="board.js"></script>
</body>
</html>
"""


def _check_link(words: dict[str, str]) -> str:
    return f'<p><a id="check-page" href="check.html?lang={words["lang"]}">{escape(words["check"])}</a></p>'


def _session(session: SessionView) -> str:
    parts = [f"<h3>{escape(session.title)}</h3>", f'<p class="kind">{escape(session.kind)}</p>',
             f"<p>{escape(session.turnout)}</p>"]
    parts += [f'<p class="weights">{escape(line)}</p>' for line in session.weights]
    for q in session.questions:
        most = max((o.votes for o in q.options), default=0) or 1
        with_seats = any(o.seats is not None for o in q.options)
        rows = "".join(
            f"<tr><td>{escape(o.label)}</td><td>{o.votes}</td>"
            + (f"<td>{o.seats}</td>" if with_seats else "")
            + f'<td class="chart"><span class="bar" style="width:{_bar(o.votes, most)}rem"></span></td></tr>'
            for o in q.options
        )
        details = "".join(f'<div class="details">{escape(d)}</div>' for d in q.details)
        parts.append(
            f"<h4>{escape(q.title)}</h4><table>{rows}</table>"
            f'<div class="outcome" data-outcome="{escape(q.outcome_key)}">{escape(q.outcome)}</div>{details}'
        )
    parts += _groups(session) + _recorded(session)
    return "<section>" + "\n".join(parts) + "</section>"


def _groups(session: SessionView) -> list[str]:
    """The counts per group where the kind of vote publishes them (a show of hands always)."""
    if session.groups is None:
        return [f'<p class="details">{escape(session.groups_note)}</p>'] if session.groups_note else []
    tables = []
    for question in session.questions:
        head = "".join(f"<th>{escape(o.label)}</th>" for o in question.options)
        rows = ""
        for group in session.groups:
            counts = next(q for q in group["questions"] if q["id"] == question.id)["options"]
            cells = "".join(f"<td>{c['votes']}</td>" for c in counts)
            label = escape(group["label"])
            rows += f'<tr class="group"><td>{label}</td><td>{group["ballots"]}</td>{cells}</tr>'
        tables.append(f'<table class="groups"><tr><th></th><th></th>{head}</tr>{rows}</table>')
    return tables


def _recorded(session: SessionView) -> list[str]:
    """A record vote's names and answers (a deputy's as "name (a001-3 for s001-1)")."""
    if not session.recorded:
        return []
    rows = "".join(f'<tr class="recorded"><td>{escape(name)}</td><td>{escape(answer)}</td></tr>'
                   for name, answer in session.recorded)
    return [f'<table class="recorded">{rows}</table>']


def _bar(votes: int, most: int) -> float:
    return round(BAR_REM * votes / most, 2)
