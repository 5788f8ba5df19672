"""MkDocs hook: mend the few spots where Material's templates are not valid HTML.

The W3C Nu checker flags, on every page: `autocomplete` on the two toggle checkboxes, and, on
pages outside the nav, a table-of-contents label whose `for` names a checkbox that is not there.
"""

from __future__ import annotations

import re
from typing import Any

TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
TOC_LABEL_FOR = re.compile(r'(<label class="md-nav__title") for="__toc"')


def on_post_page(output: str, **_: Any) -> str:
    output = TOGGLE_AUTOCOMPLETE.sub(r"\1", output)
    if 'id="__toc"' not in output:
        output = TOC_LABEL_FOR.sub(r"\1", output)
    return output


def on_post_template(output_content: str, **_: Any) -> str:
    """The same for pages made from theme templates alone, such as 404.html."""
    return on_post_page(output_content)
