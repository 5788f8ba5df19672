"""issue 23: what of another language a built page shows outside a passage marked with `lang`.

Another language's words are recognised by its labels in data/site.yml ("Ikke oplyst i kilderne"
on an English page), by the hub's descriptions of untitled sources ("Volunteer family contacts
wanted" on a Norwegian page), and by the placeholders editors used to type into one-language
fields ("Ikke noteret / not recorded"). A passage marked with its own language
(`<span lang="nb">`, a Norwegian source's title on a Danish page) is left out: a screen reader
switches voice there, and a reader sees a title in the language it was published in."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

# hidden or machine text, and every element marked with a language of its own (not <html>)
_SKIPPED = re.compile(
    r"<(script|style|template)\b.*?</\1>"
    r"|<(span|a|q|i|em|cite|code|blockquote|p|li|div|td|h[1-6])\b[^>]*\blang=\"[^\"]*\"[^>]*>.*?</\2>",
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w[\w'\u2019.-]*")
# a label's literal text between its {placeholders}: a chunk this long is that language's own
_MIN_LENGTH = 12
_MIN_WORDS = 2
# what editors once typed for "not recorded", in one language or two
PLACEHOLDERS = {
    "da": ["Ikke noteret", "Ikke oplyst"],
    "en": ["not recorded", "not stated"],
    "nb": ["Ikke notert", "Ikke oppgitt"],
}
# a label's words that are as good in another language: Danish "hver med sin kilde" is bokmål too
ALIKE = {"hver med sin kilde"}


def visible_text(page_html: str) -> str:
    """The page's text a reader sees in the page's own language (tags and marked passages out)."""
    body = page_html[page_html.find("<body") :]
    return html.unescape(_TAG.sub(" ", _SKIPPED.sub(" ", body)))


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _chunks(label: str) -> Iterator[str]:
    for chunk in re.split(r"\{[^}]*\}", label):
        chunk = chunk.strip(" .,:;()\u2013-")
        if len(chunk) >= _MIN_LENGTH and len(words(chunk)) >= _MIN_WORDS:
            yield chunk


class Markers:
    """Phrases that belong to one language only, found in a page's text by its words (a lookup
    per word, not a search per phrase: there are many pages and many labels)."""

    def __init__(self, labels: Mapping[str, Collection[str]]) -> None:
        """`labels`: each language's own texts (its labels, its descriptions of sources)."""
        own: dict[str, set[str]] = {
            lang: {" ".join(words(text)) for text in texts} for lang, texts in labels.items()
        }
        self._by_first: dict[str, dict[str, list[tuple[list[str], str]]]] = {}
        for lang, texts in labels.items():
            phrases = [chunk for text in texts for chunk in _chunks(text)]
            phrases += PLACEHOLDERS.get(lang, [])
            for other in labels:
                if other == lang:
                    continue
                index = self._by_first.setdefault(other, defaultdict(list))
                for phrase in dict.fromkeys(phrases):
                    phrase_words = words(phrase)
                    joined = " ".join(phrase_words)
                    if joined in ALIKE or any(joined in text for text in own[other]):
                        continue  # the page's language says it the same way
                    index[phrase_words[0]].append((phrase_words, f"{lang}: {phrase}"))

    def found(self, page_lang: str, text: str) -> list[str]:
        """Each phrase of another language in the text of a page in `page_lang`."""
        index = self._by_first[page_lang]
        found: dict[str, None] = {}
        text_words = words(text)
        for at, word in enumerate(text_words):
            for phrase, name in index.get(word, ()):
                if text_words[at : at + len(phrase)] == phrase:
                    found[name] = None
        return list(found)


def leaks(site: Path, languages: Mapping[str, str], markers: Markers) -> dict[str, list[str]]:
    """Built page (relative to site/) -> the other languages' phrases it shows unmarked;
    `languages` maps each code to its folder prefix ('' for the default language)."""
    prefixes = {prefix.rstrip("/"): code for code, prefix in languages.items() if prefix}
    default = next(code for code, prefix in languages.items() if not prefix)
    result = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] in ("assets", "pdf"):
            continue
        lang = prefixes.get(relative.parts[0], default)
        found = markers.found(lang, visible_text(path.read_text(encoding="utf-8")))
        if found:
            result[relative.as_posix()] = found
    return result
