"""A booth's sealed session file on its way to the hall: a signed call naming the file's digest,
and the file's bytes beside it (kiosk/booth/session_close.py sends it, station_admin/hall/collect.py
checks it). The file is signed by the booth key on its own; the call binds it to the booth's channel.
"""

from __future__ import annotations

import base64
import binascii

from pydantic import BaseModel, ConfigDict

from kiosk.ballot.hall_wire import HallWireError, Request

SESSION_FILE_ROUTE = "/session-file"
# A session file of the 24-question session for 750 delegates is ~1 MB (HPKE); end-to-end ballots
# with their proofs take tens of MB. Anything beyond this is refused unread.
MAX_UPLOAD_BYTES = 256 * 1024 * 1024
# The hall reads the whole file and checks every signature, count and proof before it answers.
UPLOAD_TIMEOUT_S = 300.0


class SessionFileUpload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    request: Request
    file: str  # base64 of the sealed session file


def upload_body(request: Request, data: bytes) -> bytes:
    return SessionFileUpload(request=request, file=base64.b64encode(data).decode()).model_dump_json().encode()


def file_bytes(upload: SessionFileUpload) -> bytes:
    try:
        return base64.b64decode(upload.file, validate=True)
    except (binascii.Error, ValueError):
        raise HallWireError("the session file is not base64") from None
