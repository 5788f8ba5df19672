"""HTTP security headers for a static host: a content security policy that the built site meets.

The site's only inline scripts are the theme's few bootstrap snippets; they are allowed by their
sha256 hashes, computed from the built pages, so no 'unsafe-inline' is needed for scripts.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
NETLIFY_FILE = "_headers"
NGINX_FILE = "security-headers.nginx.conf"


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP source expressions for every distinct executable inline script in the site."""
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for attributes, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attributes:
                continue  # data, not code: CSP does not apply
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(hashes)


def content_security_policy(site_dir: Path) -> str:
    directives = {
        "default-src": "'self'",
        # the search (Pagefind, issue 15) compiles its own WebAssembly: no other eval is allowed
        "script-src": " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(site_dir)]),
        "style-src": "'self'",
        # the theme's stylesheet draws its icons from data: SVG URLs
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def security_headers(site_dir: Path) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(site_dir),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def write_header_files(site_dir: Path) -> None:
    """site/_headers (Netlify-style hosts) and an nginx snippet to include in a server block."""
    headers = security_headers(site_dir)
    netlify = "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
    nginx = "".join(f'add_header {name} "{value}" always;\n' for name, value in headers.items())
    (site_dir / NETLIFY_FILE).write_text(netlify, encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(nginx, encoding="utf-8")
