"""The website widget in a real browser (headless Chromium driven by Playwright), against the real bot."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from bot import settings
from bot.launch import servers
from tests.conftest import OUTPUT
from tests.e2e.conftest import RunningBot

pytestmark = pytest.mark.browser
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def page_url(bot: RunningBot) -> Iterator[str]:
    page = servers.start_web(bot.web_port, bot.base, settings.rasa_env(), OUTPUT / "logs" / "web.log")
    try:
        page.wait_ready(60)
        yield page.ready_url
    finally:
        page.stop()


@pytest.fixture
def page(page_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        context = browser.new_context()
        page = context.new_page()
        page.alerts = []  # type: ignore[attr-defined]
        page.on("dialog", lambda dialog: (page.alerts.append(dialog.message), dialog.dismiss()))
        page.goto(page_url)
        yield page
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / f"{request.node.name}.png"))
        browser.close()


def ask(page: Page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    page.get_by_label("Your message").press("Enter")


def test_widget_conversation_buttons_reload_and_no_injection(page: Page) -> None:
    log = page.get_by_role("log")
    page.get_by_label("Chat with the careers assistant").click()
    ask(page, "what does a database architect earn")
    expect(log).to_contain_text("$117,000", timeout=30_000)
    expect(log).to_contain_text("Source: Back End Developer Careers")

    page.get_by_role("button", name="Job growth").click()
    expect(log).to_contain_text("9 percent", timeout=30_000)

    page.reload()
    expect(log).to_contain_text("$117,000")  # the conversation is still on screen
    ask(page, "what about software developers?")
    expect(log).to_contain_text("17 percent", timeout=30_000)  # ... and the bot still knows the context

    attack = "<img src=x onerror=alert(1)>"
    ask(page, attack)
    expect(page.locator(".cb-user").last).to_have_text(attack)
    expect(log.locator(".cb-bot")).to_have_count(4, timeout=30_000)
    assert log.locator("img").count() == 0
    assert page.alerts == []  # type: ignore[attr-defined]


def test_links_and_line_breaks_render(page: Page) -> None:
    page.evaluate("""() => {
        localStorage.setItem('careerbot.history', JSON.stringify([
          {from: 'bot', text: 'First line\\nSee https://example.org/careers for more', buttons: []}]));
        localStorage.setItem('careerbot.open', '1');
    }""")
    page.reload()
    bubble = page.locator(".cb-bot").first
    expect(bubble.locator("br")).to_have_count(1)
    expect(bubble.locator("a")).to_have_attribute("href", "https://example.org/careers")
    expect(bubble.locator("a")).to_have_attribute("rel", "noopener noreferrer")


def test_widget_shows_a_comparison_as_a_table_and_help_me_choose_by_buttons(page: Page) -> None:
    log = page.get_by_role("log")
    page.get_by_label("Chat with the careers assistant").click()
    ask(page, "compare software developers, database architects and computer programmers")
    table = log.locator("table.cb-table")
    expect(table).to_be_visible(timeout=30_000)
    expect(table.locator("th").first).to_have_text("Career")
    expect(table.locator("tr")).to_have_count(4)  # the header and three careers
    expect(table).to_contain_text("$117,000")

    ask(page, "help me choose a career")
    page.get_by_role("button", name="Computers and technology").click(timeout=30_000)
    page.get_by_role("button", name="Doesn't matter").click(timeout=30_000)
    expect(log).to_contain_text("What do you need to earn?", timeout=30_000)
    page.get_by_role("button", name="Doesn't matter").click(timeout=30_000)
    expect(log).to_contain_text("Careers in my documents that fit computers and technology", timeout=30_000)
    assert log.locator("img").count() == 0
