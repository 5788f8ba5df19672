"""The header's search dialog in a real browser (issue 15): nothing of the search loads before the
reader types, scripts load only where they work, hostile queries stay text, a broken index says so
in the reader's language, and the open dialog is accessible by keyboard and to axe."""

from __future__ import annotations

import gzip

import pytest
from playwright.sync_api import Page, Response, Route, expect

from .conftest import PREFIX
from .test_every_page import axe_violations
from .test_search_language import ALL_RESULTS, OPEN, open_search

pytestmark = pytest.mark.browser

PAGES = ("/index.html", "/en/partnerships/index.html", "/guides/new-branch-norway.html")
SCRIPTS = ("familyhub-checklist.js", "familyhub-plan.js", "table-filter.js")
# the words the dialog says, from data/site.yml: no result, one, several, a broken index
STATUS = {
    "da": (
        "Ingen sider passer til søgningen.",
        "1 side passer til søgningen.",
        "{count} sider passer til søgningen.",
    ),
    "en": (
        "No pages match the search.",
        "1 page matches the search.",
        "{count} pages match the search.",
    ),
    "nb": (
        "Ingen sider passer til søket.",
        "1 side passer til søket.",
        "{count} sider passer til søket.",
    ),
}
NO_RESULTS = {lang: words[0] for lang, words in STATUS.items()}
BROKEN = {
    "da": "Søgningen kunne ikke hentes. Prøv igen om lidt, eller find siden i menuen.",
    "en": "The search could not be loaded. Try again in a moment, or find the page in the menu.",
    "nb": "Søket kunne ikke lastes. Prøv igjen om litt, eller finn siden i menyen.",
}
TITLES = {"da": "Søg i familyhub", "en": "Search familyhub", "nb": "Søk i familyhub"}
MORE = {"da": "Vis flere sider", "en": "Show more pages", "nb": "Vis flere sider"}
MAX_QUERY = 100  # characters the dialog searches (familyhub-search.js)
# resolves once an image of the hostile query's address ("x") has failed to load: by then that
# query's <img onerror>, had it become markup, would have fired too
IMAGE_FAILED = """() => new Promise((done) => {
  const probe = new Image();
  probe.onerror = () => done(true);
  probe.src = "x";
})"""


def said(lang: str, count: int) -> str:
    none, one, other = STATUS[lang]
    return none if count == 0 else one if count == 1 else other.format(count=count)


def requested(page: Page) -> list[str]:
    """Every URL the page asks for from now on."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def status(page: Page) -> str:
    page.locator(".fh-search__status:not(:empty)").wait_for(
        timeout=60_000
    )  # slow on a busy machine
    return page.locator(".fh-search__status").inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_opening_a_page_loads_nothing_of_the_search_until_the_reader_types(
    page: Page, site_url: str, path: str
) -> None:
    urls = requested(page)
    page.goto(f"{site_url}{path}", wait_until="networkidle")
    page.locator(".fh-search__open").click()
    # a query of punctuation only is answered without the index, after the dialog's keystroke
    # delay: the page has had the time to load the search, had opening it done so
    page.keyboard.type("?!")
    assert status(page) == NO_RESULTS["da" if "/en/" not in path else "en"]
    assert not [url for url in urls if "/pagefind/" in url], urls
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.type("familie")
    page.locator(".fh-search__result").first.wait_for()
    # then, and only then: Pagefind's script, its WebAssembly and the index
    searched = [url for url in urls if "/pagefind/" in url]
    assert any(url.endswith("/pagefind/pagefind.js") for url in searched), searched
    assert any(".pf_index" in url for url in searched) and any("wasm." in url for url in searched)


@pytest.mark.parametrize(
    ("path", "loaded"),
    [
        ("/index.html", set()),
        ("/en/index.html", set()),
        ("/partnerships/index.html", {"table-filter.js"}),
        ("/guides/new-branch-norway.html", {"familyhub-checklist.js"}),
        ("/en/guides/plan.html", {"familyhub-plan.js"}),
        ("/en/about.html", set()),
    ],
)
def test_each_script_loads_only_on_the_pages_it_works_on(
    page: Page, site_url: str, path: str, loaded: set[str]
) -> None:
    urls = requested(page)
    page.goto(f"{site_url}{path}", wait_until="networkidle")
    fetched = {script for script in SCRIPTS if any(url.endswith(script) for url in urls)}
    assert fetched == loaded, urls
    # none of them holds up the page's first paint
    for script in page.locator("script[src*='familyhub'], script[src*='table-filter']").all():
        assert script.evaluate("element => element.defer"), script.get_attribute("src")


# gzip bytes of the home page's HTML, stylesheets and scripts (issue 15's target)
HOME_BUDGET = 60 * 1024


@pytest.mark.parametrize("lang", PREFIX)
def test_the_home_page_opens_within_its_budget_and_its_menu_still_works(
    phone: Page, site_url: str, lang: str
) -> None:
    """Material's script is left off the home page (overrides/main.html): the page must still
    open its menu on a phone."""
    responses: list[Response] = []
    phone.on("response", lambda response: responses.append(response))
    phone.goto(f"{site_url}/{PREFIX[lang]}index.html", wait_until="networkidle")
    kinds = ("document", "stylesheet", "script")
    weight = sum(
        len(gzip.compress(response.body(), 9))
        for response in responses
        if response.request.resource_type in kinds
    )
    assert weight <= HOME_BUDGET, [response.url for response in responses]
    partnerships = phone.locator(".md-sidebar--primary a[href$='partnerships/index.html']").first
    expect(partnerships).not_to_be_in_viewport()
    phone.locator(".md-header .fh-menu-button").click()  # issue 21: a button, not a label
    expect(partnerships).to_be_in_viewport()
    partnerships.click()
    phone.wait_for_url("**/partnerships/index.html")


HOSTILE = {
    "long": "familie " * 125,  # 1,000 characters
    "punctuation": "!?.,;:-()[]{}«»\"'/\\*&%$#@",
    "markup": "<img src=x onerror=alert(1)>",
    "script": "<script>alert(1)</script>",
}


@pytest.mark.parametrize("lang", PREFIX)
def test_hostile_queries_show_text_never_run(page: Page, site_url: str, lang: str) -> None:
    """Each hostile query typed over the last, in one dialog per language: the dialog's escaping
    is the same script in every language; the count it says is in the reader's."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_search(page, f"{site_url}/{PREFIX[lang]}cases/index.html")
    searchbox = page.get_by_role("dialog").get_by_role("searchbox")
    for name, query in HOSTILE.items():
        searchbox.fill("")
        expect(page.locator(".fh-search__status")).to_be_empty()
        searchbox.fill(query)
        shown = status(page)
        # the count Pagefind itself gives for what the dialog searches (its first 100 characters)
        searched = query[:MAX_QUERY].strip()
        found = len(page.evaluate(ALL_RESULTS, searched)) if any(c.isalnum() for c in query) else 0
        assert shown == said(lang, found), (name, shown, found)
        assert page.locator(".fh-search__result").count() == min(found, 10), name
        assert page.evaluate(IMAGE_FAILED)
        assert dialogs == [] and errors == [], name
        assert page.locator(".fh-search img, .fh-search script").count() == 0, name
        # whatever the results say, they are text and marks only
        assert page.locator(".fh-search__excerpt *:not(mark)").count() == 0, name


# what a broken deployment can lack: a result's fragment, its contents, or the whole bundle
DAMAGE = {
    "missing-fragment": ("**/pagefind/fragment/**", 404, b"not found"),
    "corrupt-fragment": ("**/pagefind/fragment/**", 200, b"\x1f\x8b\x08\x00garbage"),
    "no-bundle": ("**/pagefind/pagefind.js", 404, b"not found"),
}


# each kind of damage in one language, each language's message once: the dialog's handling of
# a failed load is one script, its words are the language's
BROKEN_IN = dict(zip(DAMAGE, PREFIX, strict=True))


@pytest.mark.parametrize(
    ("damage", "lang"),
    [(DAMAGE[kind], lang) for kind, lang in BROKEN_IN.items()],
    ids=[f"{kind}-{lang}" for kind, lang in BROKEN_IN.items()],
)
def test_a_broken_index_says_so_in_the_readers_language(
    page: Page, site_url: str, lang: str, damage: tuple[str, int, bytes]
) -> None:
    pattern, code, body = damage

    def broken(route: Route) -> None:
        route.fulfill(status=code, body=body, content_type="application/octet-stream")

    page.route(pattern, broken)
    open_search(page, f"{site_url}/{PREFIX[lang]}index.html")
    page.keyboard.type("familie")
    assert status(page) == BROKEN[lang]
    assert page.locator(".fh-search__result").count() == 0


@pytest.mark.parametrize("lang", PREFIX)
def test_the_dialog_is_named_usable_by_keyboard_and_axe_clean(
    page: Page, site_url: str, lang: str
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}/{PREFIX[lang]}index.html")
    opener = page.get_by_role("button", name=OPEN[lang])
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=TITLES[lang])
    assert dialog.is_visible()
    searchbox = dialog.get_by_role("searchbox")
    assert searchbox.evaluate("element => element === document.activeElement")
    page.keyboard.type("volunteers" if lang == "en" else "frivillige")
    first = dialog.locator(".fh-search__result a").first
    first.wait_for()
    # the count is announced: a status region names how many pages match
    count = int(dialog.get_by_role("status").inner_text().split()[0])
    assert dialog.get_by_role("status").inner_text() == said(lang, count)
    page.keyboard.press("ArrowDown")
    assert first.evaluate("element => element === document.activeElement")
    page.keyboard.press("ArrowUp")
    assert searchbox.evaluate("element => element === document.activeElement")
    if not PREFIX[lang]:  # axe in the default language, as test_every_page.py says why
        assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert opener.evaluate("element => element === document.activeElement")


@pytest.mark.parametrize("lang", PREFIX)
def test_results_come_ten_at_a_time(page: Page, site_url: str, lang: str) -> None:
    """README: results are listed ten at a time; "show more" lists the next ten."""
    open_search(page, f"{site_url}/{PREFIX[lang]}index.html")
    word = "municipality" if lang == "en" else "kommune"
    page.keyboard.type(word)
    shown = status(page)
    found = len(page.evaluate(ALL_RESULTS, word))
    assert found > 20, found  # three pages' worth, so that "more" is pressed twice
    assert shown == said(lang, found)
    results = page.locator(".fh-search__result a")
    more = page.get_by_role("button", name=MORE[lang])
    expect(results).to_have_count(10)
    before = 10
    for listed in (20, min(found, 30)):
        more.click()
        expect(results).to_have_count(listed)
        # the first of the new results has the focus, for a keyboard or screen reader user
        expect(results.nth(before)).to_be_focused()
        before = listed
    if found > 30:
        expect(more).to_be_visible()
    else:
        expect(more).to_be_hidden()
