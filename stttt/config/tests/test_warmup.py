"""A serving process loads what it keeps for life, then freezes it out of the garbage collector's walks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import gc, json
import stttt.config.wsgi
print(json.dumps({"frozen": gc.get_freeze_count(), "tracked": len(gc.get_objects())}))
"""


def test_the_wsgi_process_freezes_what_it_loaded_at_start():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, env=dict(os.environ), check=True
    )
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    # Django and every app loaded: the collector walks a small remainder instead of every object.
    assert counts["frozen"] > 100_000
    assert counts["tracked"] < counts["frozen"] / 20
