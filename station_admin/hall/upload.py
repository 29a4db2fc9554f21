"""POST /session-file: a booth's sealed session file, parsed at the edge, then the signed call."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from kiosk.ballot.hall_upload import SessionFileUpload, file_bytes
from kiosk.ballot.hall_wire import HallWireError
from station_admin.hall.service import BAD_REQUEST, HallService


def session_file_call(service: HallService, body: bytes) -> tuple[int, dict[str, Any]]:
    try:
        upload = SessionFileUpload.model_validate_json(body)
        data = file_bytes(upload)
    except (ValidationError, HallWireError):
        return BAD_REQUEST, {"error": "not a session file upload"}
    return service.call(upload.request, attachment=data)
