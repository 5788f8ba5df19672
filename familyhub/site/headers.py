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
NETLIFY_REDIRECTS = "_redirects"
NGINX_FILE = "security-headers.nginx.conf"
# each language's 404 page names its own folder, as the site is hosted (scripts/not_found.py)
BASE = re.compile(r'<base href="([^"]+)">')


TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
# the script types a browser runs (HTML's "JavaScript MIME type essence match", module, and the
# two it reads as instructions); any other type, such as a page's JSON-LD, is a data block
SCRIPT_TYPES = {"", "module", "importmap", "speculationrules"}
JAVASCRIPT = re.compile(
    r"(?:application|text)/(?:x-)?(?:java|ecma)script|text/javascript1\.[0-5]"
    r"|text/(?:jscript|livescript)"
)


def executable(attributes: str) -> bool:
    """Whether a script element with these attributes is code, which the CSP governs."""
    match = TYPE.search(attributes)
    kind = match[1].strip().lower() if match else ""
    return kind in SCRIPT_TYPES or JAVASCRIPT.fullmatch(kind) is not None


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP source expressions for every distinct executable inline script in the site: data
    blocks (the overviews' JSON, each page's JSON-LD) are not code, and hashing them would put
    a hash per page in the header (a 70 kB header, past what HTTP clients read)."""
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for attributes, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if not executable(attributes):
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


def not_found_pages(site_dir: Path) -> list[tuple[str, str]]:
    """(the folder a 404 page answers for, its address) per language, deepest folder first."""
    pages = []
    for page in site_dir.rglob("404.html"):
        match = BASE.search(page.read_text(encoding="utf-8"))
        if match:
            pages.append((match[1], f"{match[1]}404.html"))
    return sorted(pages, key=lambda page: (-len(page[0]), page[0]))


def nginx_not_found(pages: list[tuple[str, str]]) -> str:
    """The root's 404 page for misses at the root, each other language's for its folder."""
    lines = [
        f"location {folder} {{ error_page 404 {address}; }}\n" for folder, address in pages[:-1]
    ]
    return "".join(lines) + (f"error_page 404 {pages[-1][1]};\n" if pages else "")


def write_header_files(site_dir: Path) -> None:
    """site/_headers and _redirects (Netlify-style hosts: the headers, and each language's 404
    page for misses in its folder) and an nginx snippet to include in a server block."""
    headers = security_headers(site_dir)
    pages = not_found_pages(site_dir)
    netlify = "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
    redirects = "".join(f"{folder}*  {address}  404\n" for folder, address in pages)
    nginx = "".join(f'add_header {name} "{value}" always;\n' for name, value in headers.items())
    (site_dir / NETLIFY_FILE).write_text(netlify, encoding="utf-8")
    (site_dir / NETLIFY_REDIRECTS).write_text(redirects, encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(nginx + nginx_not_found(pages), encoding="utf-8")
