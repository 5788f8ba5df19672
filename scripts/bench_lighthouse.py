"""`make bench`: Lighthouse's mobile figures for three pages of the default language (issue 15).

The issue asks for performance >= 95 and accessibility 100 on the home page, an overview and a
guide, served with gzip. Lighthouse (scripts/tooling/, pinned by its lock file) drives Debian's
chromium ($CHROME_PATH) with its defaults: a mobile phone, simulated throttling. The site is
served from a thread on a free loopback port the way a static host serves it: gzip for text, a
Content-Type per file, the site's security headers. Nothing leaves the machine: Lighthouse's
error reporting is switched off, and chromium resolves no host name but the loopback address (its
background services still look up Google's hosts otherwise); any request the page itself makes to
another host is listed.

These are figures to record, not a timed test: each is the median of the runs, and the audits
listed (accessibility below 1, performance opportunities and diagnostics with their estimated
savings) are those of the run with the median performance score, for a developer to act on.

Alone: python scripts/bench_lighthouse.py SITE_FOLDER [--runs N] [--reports FOLDER]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, ClassVar
from urllib.parse import urlsplit

from familyhub.site.headers import security_headers

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "scripts" / "tooling" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = {
    "home": "index.html",
    "overview": "partnerships/index.html",
    "guide": "guides/new-branch-norway.html",
}
# what a static host compresses, with the Content-Type it names
TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
}
OTHER_TYPES = {".wasm": "application/wasm", ".webmanifest": "application/manifest+json"}
NO_DNS = '"MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"'
LIGHTHOUSE_FLAGS = [
    "--only-categories=performance,accessibility",
    "--output=json",
    "--quiet",
    # Debian's chromium still asks DNS for accounts.google.com, clients2.google.com and
    # update.googleapis.com despite chrome-launcher's flags: only the loopback host is resolved
    f"--chrome-flags=--headless=new --no-sandbox --disable-gpu --host-resolver-rules={NO_DNS}",
    "--disable-full-page-screenshot",
    # no question asked and nothing sent to Lighthouse's error tracker (Sentry)
    "--no-enable-error-reporting",
]
METRICS = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
}
TIMEOUT_SECONDS = 300
# what an audit's items say: the file (or the kind of main-thread work), what it would save,
# how long it ran (a long task; all of a script's work)
ITEM_KEYS = ("url", "groupLabel", "wastedMs", "wastedBytes", "duration", "total")


class GzipHost(http.server.SimpleHTTPRequestHandler):
    """Serves site/ as a static host does: text gzip-compressed when the browser accepts it."""

    headers_to_send: ClassVar[dict[str, str]] = {}

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if path.suffix not in TEXT_TYPES or not path.is_file() or not accepts:
            return super().send_head()  # redirects, 404s and files sent as they are
        body = compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", TEXT_TYPES[path.suffix])
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        suffix = Path(path).suffix
        types = TEXT_TYPES | OTHER_TYPES
        return types[suffix] if suffix in types else super().guess_type(path)

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@functools.lru_cache(maxsize=1024)
def compressed(path: Path, mtime_ns: int) -> bytes:
    """gzip at level 6, a common host's default; once per file and version."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """site/ on a free loopback port, under its security headers; yields the base URL."""
    headers = security_headers(site)
    handler_class = type("Host", (GzipHost,), {"headers_to_send": headers})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url: str, report: Path) -> dict[str, Any]:
    """One Lighthouse run on `url`; its JSON report (also left in `report`)."""
    if not LIGHTHOUSE.is_file():
        sys.exit(f"bench: {LIGHTHOUSE} missing: `make bench` installs it (npm ci)")
    command = ["node", str(LIGHTHOUSE), url, *LIGHTHOUSE_FLAGS, f"--output-path={report}"]
    result = subprocess.run(
        command,
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    if result.returncode != 0 or not report.is_file():
        sys.exit(f"bench: lighthouse {url} failed ({result.returncode}):\n{result.stderr}")
    lhr: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        sys.exit(f"bench: lighthouse {url}: {lhr['runtimeError']}")
    return lhr


def score(lhr: dict[str, Any], category: str) -> int:
    return round(100 * (lhr["categories"][category]["score"] or 0))


def metric(lhr: dict[str, Any], name: str) -> float:
    """A metric in milliseconds."""
    return float(lhr["audits"][METRICS[name]]["numericValue"])


def audits(lhr: dict[str, Any], category: str) -> Iterator[dict[str, Any]]:
    """The category's audits as its report shows them: for performance, the opportunities and
    diagnostics (not the metrics, nor the audits Lighthouse keeps hidden)."""
    for ref in lhr["categories"][category]["auditRefs"]:
        if category != "performance" or ref.get("group") not in ("metrics", "hidden"):
            yield lhr["audits"][ref["id"]]


def failing(lhr: dict[str, Any], category: str) -> Iterator[dict[str, Any]]:
    """The category's audits that scored below 1."""
    for audit in audits(lhr, category):
        if audit.get("score") is not None and audit["score"] < 1:
            yield audit


def errors(lhr: dict[str, Any]) -> dict[str, list[str]]:
    """Audits Lighthouse could not run, by error: they say nothing about the page."""
    found: dict[str, list[str]] = {}
    for category in ("performance", "accessibility"):
        for audit in audits(lhr, category):
            if audit.get("scoreDisplayMode") == "error":
                found.setdefault(audit.get("errorMessage", ""), []).append(audit["id"])
    return found


def accessibility_failures(lhr: dict[str, Any]) -> list[dict[str, Any]]:
    """id, title and the failing elements (selector, snippet, what is wrong)."""
    failures = []
    for audit in failing(lhr, "accessibility"):
        items = audit.get("details", {}).get("items", [])
        nodes = [item.get("node", {}) for item in items]
        elements = [
            {
                "selector": node.get("selector", ""),
                "snippet": node.get("snippet", ""),
                "explanation": node.get("explanation", ""),
            }
            for node in nodes
        ]
        failures.append({"id": audit["id"], "title": audit["title"], "elements": elements})
    return failures


def to_act_on(audit: dict[str, Any]) -> bool:
    """A performance audit below 1, or one that estimates a saving (some diagnostics that pass,
    such as the main thread's work, and informative ones, such as long tasks, do)."""
    if audit.get("scoreDisplayMode") in ("error", "notApplicable", "manual"):
        return False
    below = audit.get("score") is not None and audit["score"] < 1
    details = audit.get("details", {})
    saves = details.get("overallSavingsMs") or details.get("overallSavingsBytes")
    return below or bool(saves) or any(audit.get("metricSavings", {}).values())


def opportunities(lhr: dict[str, Any], base: str) -> list[dict[str, Any]]:
    """Performance opportunities and diagnostics to act on with their estimated savings, the
    largest first; per audit up to ten of its items (a file, a long task, what it costs)."""
    found = []
    for audit in filter(to_act_on, audits(lhr, "performance")):
        details = audit.get("details", {})
        items = [
            {key: item[key] for key in ITEM_KEYS if key in item}
            for item in details.get("items", [])
            if isinstance(item, dict)
        ]
        for item in items:
            if isinstance(item.get("url"), str):
                item["url"] = item["url"].removeprefix(f"{base}/")
        items.sort(key=lambda item: [-item.get(key, 0) for key in ITEM_KEYS[2:]])
        found.append(
            {
                "id": audit["id"],
                "title": audit["title"],
                "display": audit.get("displayValue", ""),
                "savings ms": details.get("overallSavingsMs", 0),
                "savings bytes": details.get("overallSavingsBytes", 0),
                "metric savings": audit.get("metricSavings", {}),
                "items": [item for item in items if item][:10],
            }
        )
    return sorted(found, key=lambda a: (-most_ms(a), -a["savings bytes"], a["id"]))


def most_ms(audit: dict[str, Any]) -> float:
    """The largest saving in milliseconds Lighthouse estimates for an audit, of any metric."""
    return float(max([audit["savings ms"], *(ms or 0 for ms in audit["metric savings"].values())]))


def other_hosts(lhr: dict[str, Any], base: str) -> list[str]:
    """Every URL the page asked for that is not on the loopback host serving the site."""
    host = urlsplit(base).netloc
    details = lhr["audits"].get("network-requests", {}).get("details", {})
    urls = [item["url"] for item in details.get("items", [])]
    web = [url for url in urls if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    return sorted({url for url in web if urlsplit(url).netloc != host})


def figures(lhr: dict[str, Any], base: str) -> dict[str, Any]:
    return {
        "performance": score(lhr, "performance"),
        "accessibility": score(lhr, "accessibility"),
        **{f"{name} ms": metric(lhr, name) for name in METRICS},
        "accessibility below 1": accessibility_failures(lhr),
        "performance opportunities": opportunities(lhr, base),
        "other hosts": other_hosts(lhr, base),
        "warnings": lhr.get("runWarnings", []),
        "audit errors": errors(lhr),
        "lighthouse": lhr["lighthouseVersion"],
        "chromium": lhr["environment"]["hostUserAgent"],
        # Lighthouse's measure of the machine's speed during the run; a busy machine scores low
        "benchmark index": lhr["environment"]["benchmarkIndex"],
    }


def median_figures(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each number the median of the runs; the lists those of the median performance run."""
    ranked = sorted(runs, key=lambda run: (run["performance"], -run["lcp ms"]))
    result = dict(ranked[len(ranked) // 2])
    for name in ("performance", "accessibility", *(f"{m} ms" for m in METRICS), "benchmark index"):
        result[name] = statistics.median(run[name] for run in runs)
    result["runs"] = len(runs)
    result["other hosts"] = sorted({url for run in runs for url in run["other hosts"]})
    return result


def measure(site: Path, runs: int = 1, reports: Path | None = None) -> dict[str, Any]:
    """page name -> its figures (median of `runs`); JSON reports kept in `reports` if given."""
    with tempfile.TemporaryDirectory(prefix="familyhub-lighthouse-") as scratch:
        folder = reports or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        with serving(site) as base:
            measured: dict[str, list[dict[str, Any]]] = {name: [] for name in PAGES}
            for run in range(runs):
                for name, page in PAGES.items():
                    report = folder / f"{name}-{run + 1}.json"
                    lhr = lighthouse(f"{base}/{page}", report)
                    measured[name].append(figures(lhr, base))
    return {
        name: {"page": PAGES[name], **median_figures(found)} for name, found in measured.items()
    }


def describe(results: dict[str, Any]) -> Iterator[str]:
    """The figures as text: scores and metrics, then what to act on per page."""
    for name, page in results.items():
        yield (
            f"{name} ({page['page']}): performance {page['performance']:.0f}, accessibility "
            f"{page['accessibility']:.0f}; FCP {page['fcp ms'] / 1000:.2f} s, LCP "
            f"{page['lcp ms'] / 1000:.2f} s, TBT {page['tbt ms']:.0f} ms "
            f"(median of {page['runs']}; benchmark index {page['benchmark index']:.0f})"
        )
        for audit in page["accessibility below 1"]:
            yield f"  accessibility: {audit['id']}: {audit['title']}"
            for element in audit["elements"]:
                yield f"    {element['selector']}  {element['snippet']}"
                yield f"      {' '.join(element['explanation'].split())}"
        for audit in page["performance opportunities"]:
            title = f"{audit['title']} [{audit['display']}]" if audit["display"] else audit["title"]
            yield f"  performance: {audit['id']}: {title}{savings(audit)}"
            for item in audit["items"][:3]:
                yield f"    {item_savings(item)}"
        for url in page["other hosts"]:
            yield f"  another host: {url}"
        for warning in page["warnings"]:
            yield f"  warning: {warning}"
        for error, ids in page["audit errors"].items():
            yield f"  Lighthouse could not run {', '.join(ids)}: {error}"


def savings(audit: dict[str, Any]) -> str:
    """What Lighthouse estimates an audit's fix would save: bytes, time, time per metric."""
    parts = [
        f"{name} {value:.3f}" if name == "CLS" else f"{name} {value:.0f} ms"  # CLS has no unit
        for name, value in audit["metric savings"].items()
        if value
    ]
    if audit["savings ms"]:
        parts.insert(0, f"{audit['savings ms']:.0f} ms")
    if audit["savings bytes"]:
        parts.insert(0, f"{audit['savings bytes'] / 1024:.1f} KiB")
    return f" (saves {', '.join(parts)})" if parts else ""


def item_savings(item: dict[str, Any]) -> str:
    wasted = [f"{item['wastedBytes'] / 1024:.1f} KiB"] if item.get("wastedBytes") else []
    wasted += [f"{item['wastedMs']:.0f} ms"] if item.get("wastedMs") else []
    wasted += [f"ran {item[key]:.0f} ms" for key in ("duration", "total") if item.get(key)]
    what = item.get("url") or item.get("groupLabel", "")
    return f"{what}" + (f" ({', '.join(wasted)})" if wasted else "")


def load_average() -> str:
    """Other work on the machine lengthens the main thread's tasks, and so TBT: say how busy."""
    return " ".join(f"{load:.1f}" for load in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build's site/)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's JSON reports here")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    start = load_average()
    results = measure(args.site.resolve(), args.runs, args.reports)
    print(json.dumps(results, indent=2) if args.json else "\n".join(describe(results)))
    print(f"load average at the start: {start}; at the end: {load_average()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
