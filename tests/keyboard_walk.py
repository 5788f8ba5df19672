"""A keyboard walk through a page in a real browser: press Tab, and for each stop ask whether
the reader can see what has focus (issue 21, WCAG 2.4.7, 2.4.11 and 2.1.1). Used by
test_keyboard.py; kept apart so a hand walk (screenshots of every stop) can reuse it."""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from PIL import Image
from playwright.sync_api import FloatRect, Page, ViewportSize

# Transitions end at once, so that what is measured is what the reader sees when it settles;
# a constructed style sheet, as the site's content security policy refuses a <style> element.
NO_TRANSITIONS = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync("* { transition: none !important; animation: none !important }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

# The focused element: where it is, what covers it, and whether it can be seen at all.
DESCRIBE_FOCUS = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const header = document.querySelector("header.md-header");
  const regions = "header, dialog, .md-sidebar--primary, .md-sidebar--secondary, footer, main";
  const region = el.closest(regions);
  const name = (e) => e.tagName.toLowerCase() + [...e.classList].map((c) => "." + c).join("");
  const shown = el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const topOf = (x, y) => document.elementFromPoint(x, y);
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const points = [[x, box.top + box.height / 2], [x, box.top + 1]];
  const covers = points.map(([px, py]) => topOf(px, py)).filter((hit) => hit && !el.contains(hit));
  const underHeader = header && !header.contains(el) && covers.some((hit) => header.contains(hit));
  if (!el.__fhStop) el.__fhStop = ++window.__fhStops || (window.__fhStops = 1);
  return {
    stop: el.__fhStop,
    name: name(el) + (el.type ? `[type=${el.type}]` : ""),
    kind: (region ? name(region) : "body") + " " + name(el) + (el.type ? `[${el.type}]` : ""),
    text: (el.getAttribute("aria-label") || el.textContent || el.value || "")
      .replace(/\s+/g, " ").trim().slice(0, 40),
    box: {x: box.x, y: box.y, width: box.width, height: box.height},
    size: box.width > 0 && box.height > 0,
    shown,
    onScreen: box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
    underHeader: Boolean(underHeader),
    inDrawer: Boolean(el.closest(".md-sidebar--primary")),
  };
}"""

MARGIN = 5  # px around the element: the ring is drawn outside it (2 px, 2 px away)


@dataclass
class Walk:
    """What one walk found: each stop's description, and what a reader could not see."""

    stops: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    compared: int = 0  # stops whose focused and unfocused pictures were compared


# sRGB channel value -> linear light, for WCAG's relative luminance
LINEAR = [c / 3294.6 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in range(256)]


def luminance(pixel: tuple[int, ...]) -> float:
    red, green, blue = pixel[:3]
    return 0.2126 * LINEAR[red] + 0.7152 * LINEAR[green] + 0.0722 * LINEAR[blue]


def contrast(one: tuple[int, ...], other: tuple[int, ...]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ring_pixels(focused: bytes, unfocused: bytes) -> int:
    """Pixels that focus changes by at least 3:1 (WCAG 1.4.11's contrast for a focus ring)."""
    after = pixels(focused)
    before = pixels(unfocused)
    return sum(1 for a, b in zip(after, before, strict=True) if a != b and contrast(a, b) >= 3)


def pixels(png: bytes) -> list[tuple[int, ...]]:
    return list(Image.open(BytesIO(png)).convert("RGB").get_flattened_data())  # type: ignore[arg-type]


def ring_length(box: dict[str, float], clip: FloatRect, size: ViewportSize) -> float:
    """The length of the sides of the element's box that are on screen."""
    across, down = clip["width"], clip["height"]
    sides = [
        (box["y"] >= 0, across),
        (box["y"] + box["height"] <= size["height"], across),
        (box["x"] >= 0, down),
        (box["x"] + box["width"] <= size["width"], down),
    ]
    return sum(length for on_screen, length in sides if on_screen)


def focus_ring_shows(page: Page, box: dict[str, float]) -> bool:
    """Focus changes the element's neighbourhood by 3:1 in as many pixels as its sides on
    screen are long: a 2 px ring changes twice as many; a paler background or a change of text
    colour alone (what Material's language list did) fewer."""
    size = page.viewport_size or {"width": 1280, "height": 720}
    left, top = max(box["x"] - MARGIN, 0), max(box["y"] - MARGIN, 0)
    right = min(box["x"] + box["width"] + MARGIN, size["width"])
    bottom = min(box["y"] + box["height"] + MARGIN, size["height"])
    clip = FloatRect(x=left, y=top, width=right - left, height=bottom - top)
    focused = page.screenshot(clip=clip)
    page.evaluate(
        "() => { window.__fhFocused = document.activeElement; window.__fhFocused.blur() }"
    )
    unfocused = page.screenshot(clip=clip)
    page.evaluate("() => window.__fhFocused.focus({preventScroll: true})")
    return ring_pixels(focused, unfocused) >= ring_length(box, clip, size)


def where(stop: dict[str, Any]) -> str:
    return f"stop {stop['stop']} {stop['name']} '{stop['text']}'"


def problems_of(stop: dict[str, Any]) -> list[str]:
    if not (stop["size"] and stop["shown"] and stop["onScreen"]):
        return [f"{where(stop)}: a tab stop the reader cannot see ({stop['box']})"]
    if stop["underHeader"]:
        return [f"{where(stop)}: focused under the sticky header ({stop['box']})"]
    return []


def tab_through(page: Page, walk: Walk, presses: int, seen_kinds: set[str]) -> None:
    """Press Tab `presses` times; compare pictures once per kind of control."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        stop = page.evaluate(DESCRIBE_FOCUS)
        if stop is None:
            return  # focus left the page for the browser's own controls
        if any(stop["stop"] == earlier["stop"] for earlier in walk.stops):
            continue  # met before, in the walk from the top
        walk.stops.append(stop)
        found = problems_of(stop)
        walk.problems.extend(found)
        if not found and stop["kind"] not in seen_kinds:
            seen_kinds.add(stop["kind"])
            walk.compared += 1
            if not focus_ring_shows(page, stop["box"]):
                walk.problems.append(f"{where(stop)}: no focus ring of 3:1 shows")


def walk_page(page: Page, url: str, presses: tuple[int, int], compared: set[str]) -> Walk:
    """Tab from the top of the page, then from the skip link's target (the content); the
    presses of each. A kind of control whose pictures were compared before is not again."""
    page.goto(url, wait_until="load")
    page.evaluate(NO_TRANSITIONS)
    walk = Walk()
    from_top, in_content = presses
    tab_through(page, walk, from_top, compared)
    if page.evaluate(SKIP_TO_CONTENT):
        page.keyboard.press("Enter")
        tab_through(page, walk, in_content, compared)
    return walk


SKIP_TO_CONTENT = """() => {
  const skip = document.querySelector("a.md-skip");
  skip?.focus();
  return Boolean(skip);
}"""


MENU_STATE = """() => {
  const button = document.querySelector(".fh-menu-button");
  const drawer = document.querySelector(".md-sidebar--primary");
  return {
    expanded: button.getAttribute("aria-expanded"),
    focusOnButton: document.activeElement === button,
    focusInDrawer: drawer.contains(document.activeElement),
    drawerOnScreen: drawer.getBoundingClientRect().right > 0,
  };
}"""


def menu_problems(page: Page) -> list[str]:
    """In the narrow layout: Enter on the menu button opens the menu and moves focus into it,
    Tab stays in it, Escape closes it and gives the focus back to the button."""
    button = page.locator(".fh-menu-button")
    if not button.is_visible():
        return ["no visible menu button"]
    button.focus()
    steps = [("Enter", {"expanded": "true", "focusInDrawer": True, "drawerOnScreen": True})]
    steps += [("Tab", {"focusInDrawer": True})]
    steps += [("Escape", {"expanded": "false", "focusOnButton": True, "drawerOnScreen": False})]
    problems = []
    for key, expected in steps:
        page.keyboard.press(key)
        state = page.evaluate(MENU_STATE)
        wrong = {name: state[name] for name, value in expected.items() if state[name] != value}
        if wrong:
            problems.append(f"menu after {key}: {wrong}")
    return problems
