"""The processes a build starts (Pagefind), known while they run: a stopped preview stops them.

Without it an editor's Ctrl+C, or a `kill` of the preview, left Pagefind indexing a temporary
site that MkDocs had already deleted (walk-editor.md §4.3).
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Sequence

STOP_SECONDS = 5

_running: set[subprocess.Popen[str]] = set()
_lock = threading.Lock()


def run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """subprocess.run(command, capture_output=True, text=True), stoppable by stop_all()."""
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        with _lock:
            _running.add(process)
        try:
            output, errors = process.communicate()
        finally:
            with _lock:
                _running.discard(process)
    return subprocess.CompletedProcess(list(command), process.returncode, output, errors)


def stop_all() -> int:
    """Stop every process run() has started and that still runs; returns how many."""
    with _lock:
        running = list(_running)
    for process in running:
        process.terminate()
    for process in running:
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
    return len(running)
