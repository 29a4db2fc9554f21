"""The results report in PDF, CSV and JSON, in the election's languages; the PDF is rendered to
pictures and read back as a person would read it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pypdfium2 as pdfium
from click.testing import CliRunner

from station_admin.cli import main as admin
from tests.station_admin.conftest import Tallied

runner = CliRunner()
BAR = (0x2B, 0x5C, 0x8A)  # the bar chart's colour


def _report(tallied: Tallied, out: Path, form: str, language: str) -> Path:
    result = runner.invoke(
        admin,
        ["report", "--election", str(tallied.election), "--results", str(tallied.results),
         "--format", form, "--language", language, "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def test_the_pdf_report_shows_every_question_its_outcome_a_chart_and_the_booths(
    tallied: Tallied, tmp_path: Path
) -> None:
    pdf = _report(tallied, tmp_path / "report.pdf", "pdf", "fr")
    document = pdfium.PdfDocument(pdf)
    assert 1 <= len(document) <= 4
    text = ""
    pages_with_bars = 0
    for number, page in enumerate(document):
        text += page.get_textpage().get_text_range() + "\n"
        picture = page.render(scale=1).to_pil().convert("RGB")
        width, height = picture.size
        assert abs(width - 595) <= 1 and abs(height - 842) <= 1  # A4 portrait
        pages_with_bars += any(pixel == BAR for pixel in picture.get_flattened_data())
        picture.save(tmp_path / f"page-{number}.png")
    document.close()
    assert pages_with_bars >= 1
    for said in ("Budget", "Adopter le budget ?", "Adopté", "Comité du personnel", "Sièges",
                 "Vote par appel nominal", "Isoloirs importés", "Quorum : 10 voix requises"):  # fmt: skip
        assert said in text, said
    booth = json.loads(tallied.results.read_text())["booths"][0]
    assert booth["audit_head"][:8] in text and booth["file_sha256"][:8] in text
    assert "Résultats par groupe non publiés" in text


def test_the_csv_and_json_reports_carry_counts_seats_and_outcomes(tallied: Tallied, tmp_path: Path) -> None:
    with _report(tallied, tmp_path / "r.csv", "csv", "es").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    budget_yes = next(r for r in rows if (r["session"], r["option"]) == ("budget", "yes"))
    assert (budget_yes["label"], budget_yes["votes"], budget_yes["outcome"]) == ("Sí", "8", "Adoptado")
    lists = {r["option"]: r["seats"] for r in rows if r["question"] == "lists"}
    assert lists == {"l1": "3", "l2": "2"}
    report = json.loads(_report(tallied, tmp_path / "r.json", "json", "en").read_text())
    assert report["sessions"][0]["questions"][0]["outcome"] == "Adopted"


def test_a_language_the_election_does_not_have_is_refused(tallied: Tallied, tmp_path: Path) -> None:
    result = runner.invoke(
        admin,
        ["report", "--election", str(tallied.election), "--results", str(tallied.results),
         "--language", "de", "--out", str(tmp_path / "r.pdf")],
    )  # fmt: skip
    assert result.exit_code == 2 and "'de' is not a language of this election" in result.output


def test_results_of_another_election_are_refused(tallied: Tallied, tmp_path: Path) -> None:
    other = json.loads(tallied.results.read_text()) | {"election": "another-election"}
    (tmp_path / "results.json").write_text(json.dumps(other))
    result = runner.invoke(
        admin,
        ["report", "--election", str(tallied.election), "--results", str(tmp_path / "results.json"),
         "--out", str(tmp_path / "r.pdf")],
    )  # fmt: skip
    assert result.exit_code == 1 and "of election 'another-election', not 'small-test'" in result.output
    assert not (tmp_path / "r.pdf").exists()
