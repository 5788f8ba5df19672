"""The work after a build (familyhub/site/preview.py): a full build waits for the search index
and the downloads and fails with their error; a preview's dirty build goes on without them."""

from __future__ import annotations

import logging
import threading

import pytest

from familyhub.site.preview import Preview


def broken() -> None:
    raise RuntimeError("pagefind exited 1")


def test_a_full_build_waits_for_its_work_and_fails_with_its_error() -> None:
    preview, done = Preview(), threading.Event()
    preview.after_build("downloads", done.set)
    preview.after_build("search index", broken)
    with pytest.raises(RuntimeError, match="pagefind exited 1"):
        preview.finish()
    assert done.is_set()


def test_a_dirty_build_does_not_wait_and_logs_the_error(caplog: pytest.LogCaptureFixture) -> None:
    preview, release = Preview(dirty=True), threading.Event()
    preview.after_build("search index", lambda: (release.wait(10), broken()))
    preview.finish()  # returns at once: the job is still waiting for `release`
    with caplog.at_level(logging.ERROR, logger="mkdocs.familyhub"):
        release.set()
        assert preview._jobs is not None
        preview._jobs.shutdown(wait=True)
    assert "familyhub: search index failed: pagefind exited 1" in caplog.text
