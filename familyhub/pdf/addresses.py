"""The sources' addresses the pages print after their titles, made links in the PDFs.

issue 22 prints a source's address after its title in a page's list of sources, for paper, where
the link to the hub's page of the source cannot be followed; issue 21 makes the printed address a
link of its own, and lets the source's title open the source where its page is not in the PDF.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import cssselect2

SOURCE_ADDRESS = "span.fh-source-address"
_ADDRESS = re.compile(r"(?P<before>\W*)(?P<url>https?://\S+)(?P<after>\s*)")


def linked_addresses(article: ET.Element, dest: str) -> dict[str, str]:
    """Each printed source address in article made a link of its own; the addresses by the
    built page of their source ("sources/x.html"), which the link just before them opens."""
    addresses: dict[str, str] = {}
    wrapper = cssselect2.ElementWrapper.from_html_root(article)
    for found in list(wrapper.query_all(SOURCE_ADDRESS)):
        span = found.etree_element
        match = _ADDRESS.fullmatch(span.text or "")
        if match is None or len(span):
            continue
        span.text = match["before"]
        link = ET.SubElement(span, "a", href=match["url"])
        link.text, link.tail = match["url"], match["after"]
        titled = found.previous
        if titled is not None and titled.etree_element.tag == "a":
            target = urlsplit(titled.etree_element.get("href", ""))
            if target.path and not (target.scheme or target.netloc):
                page = posixpath.join(posixpath.dirname(dest), target.path)
                addresses[posixpath.normpath(page)] = match["url"]
    return addresses
