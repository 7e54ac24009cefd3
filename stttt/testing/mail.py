"""An e-mail backend for tests across processes: Django's file backend, with a gate the test controls.

While the file named by `STTTT_TEST_MAIL_GATE` exists, a delivery announces itself (it creates
`<gate>.started`) and waits, so a test can kill the worker in the middle of a job. Messages are written to
`STTTT_TEST_MAIL_DIR`, one file per connection, as Django's file backend does.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from django.core.mail.backends.filebased import EmailBackend

GATE_TIMEOUT = 120  # seconds: a test that forgets its gate does not hang a worker for ever


class GatedFileBackend(EmailBackend):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("file_path", os.environ["STTTT_TEST_MAIL_DIR"])
        super().__init__(*args, **kwargs)

    def send_messages(self, email_messages: Any) -> int:
        gate = Path(os.environ.get("STTTT_TEST_MAIL_GATE", ""))
        if gate.name and gate.exists():
            gate.with_name(gate.name + ".started").touch()
            deadline = time.monotonic() + GATE_TIMEOUT
            while gate.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
        return super().send_messages(email_messages)
