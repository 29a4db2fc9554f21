"""The public board's offline check page, check.html: one self-contained file (its JavaScript, style,
words and the election's public data inlined; no CDN, no request) that works from file:// on any
phone or laptop, and answers a slip's QR link when the board is served at the election's verify_url.

Its data come from the published record (`station-admin record`, docs/e2e-spec.md §10) alone: the
manifest's exact bytes (the page recomputes H_M … H_E from them and the trustees' commitments), the
booths' certified Ed25519 keys (to check a slip's signature, §9.4), and the codes of every cast and
checked ballot (a receipt's ballot must be on the board; a checked one must not be counted).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from station_admin.board_check.words import CHECK_WORDS, GOOD_VERDICTS, NEUTRAL_VERDICTS

HERE = Path(__file__).resolve().parent
SCRIPTS = ("group.js", "slip.js", "ui.js")  # in this order: each uses the one before
PAGE_NAME = "check.html"
Codes = dict[str, dict[str, list[str]]]  # session -> station -> base64url codes


class CheckPageError(ValueError):
    """A record folder the page cannot be built from; the message names the file."""


@dataclass(frozen=True)
class BoardData:
    """Everything public the page checks a slip against."""

    manifest: bytes  # the definition's exact bytes, as the trustees hashed them
    ceremony: dict[str, Any]  # ceremony.json
    booths: dict[str, str]  # station -> the booth's Ed25519 public key, hex
    ballots: Codes = field(default_factory=dict)
    checked: Codes = field(default_factory=dict)

    def page_json(self) -> dict[str, Any]:
        definition = json.loads(self.manifest)
        return {
            "manifest": base64.b64encode(self.manifest).decode("ascii"),
            "languages": definition.get("languages", ["en"]),
            "ceremony": {
                "n": self.ceremony["n"],
                "k": self.ceremony["k"],
                "trustees": [{"commitments": t["commitments"]} for t in self.ceremony["trustees"]],
                "election_key": self.ceremony["election_key"],
                "h_e": self.ceremony["h_e"],
            },
            "booths": self.booths,
            "ballots": self.ballots,
            "checked": self.checked,
        }


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise CheckPageError(f"{path}: {exc}") from None


def _codes(folder: Path) -> Codes:
    """The codes of `ballots/` or `checked/`: each .jsonl's header names its session and station."""
    found: Codes = {}
    for path in sorted(folder.glob("*/*.jsonl")) if folder.is_dir() else []:
        lines = path.read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
        found.setdefault(header["session"], {})[header["station"]] = [
            json.loads(x)["code"] for x in lines[1:]
        ]
    return found


def board_data_from_record(record: Path, election_id: str | None = None) -> BoardData:
    """The page's data from a published record folder (the one `isoloir-verify` checks), refused if
    it is the record of another election than `election_id`."""
    if not (record / "record.json").is_file():
        raise CheckPageError(f"{record} is not a published record (no record.json)")
    recorded = _read_json(record / "record.json").get("election")
    if election_id is not None and recorded != election_id:
        raise CheckPageError(f"{record} is the record of election {recorded!r}, not {election_id!r}")
    booths = {}
    for path in sorted((record / "booths").glob("*.json")):
        booth = _read_json(path)
        booths[booth["station"]] = booth["certificate"]["body"]["booth_public_key"]
    try:
        manifest = (record / "manifest.json").read_bytes()
    except OSError as exc:
        raise CheckPageError(f"{record}: {exc}") from None
    return BoardData(manifest, _read_json(record / "ceremony.json"), booths,
                     _codes(record / "ballots"), _codes(record / "checked"))  # fmt: skip


def _inline(value: object) -> str:
    """JSON safe inside a <script> element: no "</" can close it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def check_page(data: BoardData, board_link: str | None = "index.html") -> str:
    """The page's HTML; its first words are the election's first language, the script then picks the
    reader's (?lang=, then the browser's, then the election's first)."""
    languages = [lang for lang in data.page_json()["languages"] if lang in CHECK_WORDS] or ["en"]
    words = CHECK_WORDS[languages[0]]
    scripts = "\n".join((HERE / name).read_text(encoding="utf-8") for name in SCRIPTS)
    nav = " ".join(f'<a href="?lang={lang}" hreflang="{lang}">{lang.upper()}</a>' for lang in languages)
    back = (
        f'<p><a id="w-board" href="{escape(board_link)}">{escape(words["board"])}</a></p>'
        if board_link
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{languages[0]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(words["title"])}</title>
<style>{(HERE / "check.css").read_text(encoding="utf-8")}</style>
</head>
<body>
<nav>{nav}</nav>
<h1 id="w-title">{escape(words["title"])}</h1>
<div id="verdict" role="status" aria-live="polite"></div>
<p id="w-intro">{escape(words["intro"])}</p>
<form id="form">
<label id="w-label" for="qr">{escape(words["label"])}</label>
<textarea id="qr" rows="4" autocomplete="off" spellcheck="false"></textarea>
<button id="w-button" type="submit">{escape(words["button"])}</button>
<button id="camera" type="button" hidden>{escape(words["camera"])}</button>
</form>
<video id="video" hidden playsinline muted></video>
{back}
<script>
window.CHECK_DATA = {_inline(data.page_json())};
window.CHECK_WORDS = {_inline({lang: CHECK_WORDS[lang] for lang in languages})};
window.GOOD_VERDICTS = {_inline(GOOD_VERDICTS)};
window.NEUTRAL_VERDICTS = {_inline(NEUTRAL_VERDICTS)};
</script>
<script>
{scripts}
</script>
</body>
</html>
"""


def write_check_page(data: BoardData, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / PAGE_NAME
    path.write_text(check_page(data), encoding="utf-8")
    return path
