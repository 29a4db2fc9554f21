"""The broken records of V7 (docs/e2e-spec.md §9.2a): marks that are not the ballots, a delegate
marked at two booths, marks that are not the voter list a booth signed. Used by mutate_record.py."""

from __future__ import annotations

from pathlib import Path

from record_edit import first_file, load, read_lines, write_lines


def marks_short(root: Path) -> None:
    path = first_file(root, "marks")
    header, rows = read_lines(path)
    write_lines(path, header, rows[1:])


def _marks_of(root: Path, path: Path) -> list[str]:
    return [row["voter"] for row in read_lines(path)[1]]


def voter_at_two_booths(root: Path) -> None:
    """One delegate marked at two booths in one session (a hall day's double vote): the second booth's
    first mark replaced by a voter the first booth marked, counts unchanged."""
    for session in sorted((root / "marks").iterdir()):
        files = sorted(session.glob("*.jsonl"))
        if len(files) >= 2:
            break
    else:
        raise SystemExit("the good record needs marks at two booths in one session")
    twice = _marks_of(root, files[0])[0]
    header, rows = read_lines(files[1])
    rows[0] = {"voter": twice}
    write_lines(files[1], header, rows, key=lambda r: r["voter"].encode("utf-8"))


def voters_not_marks(root: Path) -> None:
    """A booth's published marks are not the voter list it signed: one marked voter swapped for a
    voter of the roll whom no booth marked in that session (ballots = marks still holds)."""
    path = first_file(root, "marks")
    session = path.parent.name
    marked = {v for p in path.parent.glob("*.jsonl") for v in _marks_of(root, p)}
    manifest = load(root / "manifest.json")
    unmarked = [v["id"] for v in manifest["voters"] if session in v["sessions"] and v["id"] not in marked]
    header, rows = read_lines(path)
    rows[0] = {"voter": unmarked[0]}
    write_lines(path, header, rows, key=lambda r: r["voter"].encode("utf-8"))
