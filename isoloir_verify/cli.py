"""`isoloir-verify RECORD [--jobs N] [--json REPORT] [--dask ADDRESS] [--authority-key KEY]`.

Takes only the public record directory; no secret is asked for or accepted. Prints one line per
check id and exits 0 only when every check passes (1 when one fails, 2 on a usage error).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from isoloir_verify.b64 import b64decode
from isoloir_verify.executors import choose
from isoloir_verify.runner import verify

KEY_BYTES = 32
HEX_KEY_CHARS = 64
EXIT_FAILED = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="isoloir-verify", description="Verify a published Isoloir election record (isoloir-record/1)."
    )
    parser.add_argument("record", type=Path, help="the record directory (with record.json at its top)")
    parser.add_argument("--jobs", type=int, default=1, help="local worker processes over booth shards")
    parser.add_argument("--json", type=Path, dest="json_report", help="also write the report as JSON here")
    parser.add_argument("--dask", metavar="ADDRESS", help="run the shards on an existing Dask scheduler")
    parser.add_argument(
        "--authority-key",
        metavar="KEY",
        help="the election authority's Ed25519 public key (base64url or hex), from its own publication",
    )
    return parser


def _key(text: str) -> bytes | None:
    try:
        key = bytes.fromhex(text) if len(text) == HEX_KEY_CHARS else b64decode(text)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.jobs < 1:
        print("isoloir-verify: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if not args.record.is_dir():
        print(f"isoloir-verify: {args.record} is not a record directory", file=sys.stderr)
        return EXIT_USAGE
    key = None
    if args.authority_key is not None:
        key = _key(args.authority_key)
        if key is None:
            print(
                "isoloir-verify: --authority-key is 32 bytes in base64url (43 chars) or hex (64)",
                file=sys.stderr,
            )
            return EXIT_USAGE
    report = verify(args.record, choose(args.jobs, args.dask), key)
    for line in report.lines():
        print(line)
    if args.json_report is not None:
        report.write_json(args.json_report)
    print("record verified: every check passed" if report.ok else "record NOT verified")
    return 0 if report.ok else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
