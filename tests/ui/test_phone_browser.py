"""A phone's browser in the room: headless Chromium joins by the address the QR code on
the run view decodes to, says something and answers a round through the page's own forms,
and what it sent reaches the run view's queue and then the archive. The page has no axe
violations in English or in Welsh, and loads nothing from elsewhere."""

from __future__ import annotations

import re

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from coprod_desktop.domain.values import PostState, RoundKind
from tests.e2e.axe import axe_script, violations_here
from tests.ui.test_phones import open_to_phones, qr_address


def _problems(driver) -> list:
    return [(v["id"], v["help"], [n.get("target") for n in v["nodes"]][:3]) for v in violations_here(driver)]


def _told(driver) -> str:
    """What the page says once the browser has followed the form's answer."""
    found = WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[role=status]"))
    return found[0].text


def _submit(driver, css: str) -> None:
    """Click ``css`` and wait for the page it sends the browser to (not the one it leaves)."""
    left = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, css).click()

    def gone(_driver) -> bool:
        try:
            left.is_enabled()
        except WebDriverException:  # stale, or "does not belong to the document": a new page
            return True
        return False

    WebDriverWait(driver, 10).until(gone)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _loads_only_its_own(html: str) -> bool:
    """Nothing from elsewhere: every src and href is a path on this server."""
    return all(link.startswith("/") for link in re.findall(r'(?:src|href)="([^"]*)"', html))


def test_a_browser_joins_by_the_qr_code_says_something_and_answers_a_round(qtbot, running, chromium):
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    chromium.delete_all_cookies()
    chromium.get(qr_address(panel.qr))  # the address a phone's camera reads off the screen
    assert chromium.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en-GB"
    assert _loads_only_its_own(chromium.page_source)
    assert not _problems(chromium), axe_script()[1]

    chromium.find_element(By.ID, "text").send_keys("Gwŷr & <carers> need the leaflet sooner — مرحبا")
    chromium.find_element(By.CSS_SELECTOR, "input[name=kind][value=concern]").click()
    chromium.find_element(By.CSS_SELECTOR, "#say-heading ~ form button[type=submit]").click()
    assert "Sent. Thank you" in _told(chromium)
    qtbot.waitUntil(lambda: panel.queue.count() == 1, timeout=5000)
    assert "Concern · Anonymous: Gwŷr & <carers> need the leaflet sooner" in panel.queue.item(0).text()
    panel.queue.setCurrentRow(0)
    panel.accept()
    kept = [c for c in window.archive.contributions(session.id) if c.text.startswith("Gwŷr & <carers>")]
    assert len(kept) == 1 and kept[0].participant_id is None
    assert window.archive.phone_posts(session.id, None)[0].state is PostState.ACCEPTED

    box = panel.rounds
    box.kind.setCurrentIndex(box.kind.findData(RoundKind.CONSENT.value))
    box.question.setText("Send the leaflet a week before discharge")
    box.open_round()
    chromium.find_element(By.LINK_TEXT, "See what is on now").click()
    assert not _problems(chromium)  # with the round's form on the page
    chromium.find_element(By.CSS_SELECTOR, "input[name=answer][value=object]").click()
    chromium.find_element(By.ID, "reason").send_keys("Not everyone has an address")
    chromium.find_element(By.CSS_SELECTOR, "#round-heading ~ form button[type=submit]").click()
    assert "Your answer is in" in _told(chromium)
    answers = window.archive.round_answers(box.current.id)
    assert [(a.answer, a.reason) for a in answers] == [("object", "Not everyone has an address")]
    qtbot.waitUntil(lambda: "1 answer so far" in box.state.text(), timeout=5000)


def test_the_page_in_welsh_has_no_axe_violations(qtbot, running, chromium):
    _window, run, _session, _people = running
    panel = open_to_phones(qtbot, run)
    panel.rounds.kind.setCurrentIndex(panel.rounds.kind.findData(RoundKind.FIST_OF_FIVE.value))
    panel.rounds.open_round()
    chromium.delete_all_cookies()
    chromium.get(qr_address(panel.qr))
    chromium.find_element(By.LINK_TEXT, "Cymraeg").click()
    assert chromium.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy-GB"
    html = chromium.page_source
    for english in ("Say something", "What you want to say", "Answer this round", "Send my answer"):
        assert english not in html
    assert "English" in html  # the way back
    assert not _problems(chromium), axe_script()[1]


def test_the_check_sees_a_broken_page(qtbot, running, chromium):
    """The same check fails on the room's page with its labels taken away."""
    _window, run, _session, _people = running
    panel = open_to_phones(qtbot, run)
    chromium.delete_all_cookies()
    chromium.get(qr_address(panel.qr))
    chromium.execute_script("document.querySelectorAll('label').forEach(l => l.remove())")
    assert {p[0] for p in _problems(chromium)} & {"label", "aria-input-field-name"}


def test_as_me_by_code_then_forgotten_with_no_axe_violations(qtbot, running, chromium):
    """The page of a phone that gave its code names its owner and offers to forget it."""
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    name, code = panel.door.code_list()[0]
    chromium.delete_all_cookies()
    chromium.get(qr_address(panel.qr))
    chromium.find_element(By.ID, "text").send_keys("As me, from my own phone")
    chromium.find_element(By.CSS_SELECTOR, "input[name=as][value=me]").click()
    chromium.find_element(By.ID, "code").send_keys(code.lower())
    chromium.find_element(By.CSS_SELECTOR, "#say-heading ~ form button[type=submit]").click()
    assert "Sent. Thank you" in _told(chromium)
    forget = f"Not {name}? Forget the personal code on this phone"
    assert forget in chromium.page_source and not _problems(chromium), axe_script()[1]
    chromium.find_element(By.LINK_TEXT, "Cymraeg").click()
    assert f"Nid {name} ydych chi?" in chromium.page_source and not _problems(chromium)
    chromium.find_element(By.ID, "text").send_keys("Geiriau ar eu hanner <&>")
    _submit(chromium, "button.other")  # words typed, then handed on
    assert "anghofio eich cod personol" in _told(chromium) and name not in chromium.page_source
    assert chromium.find_element(By.ID, "text").get_property("value") == "Geiriau ar eu hanner <&>"
    assert not _problems(chromium)
    chromium.find_element(By.ID, "text").clear()  # as me again, then forgotten with the box empty
    chromium.find_element(By.ID, "text").send_keys("Eto")
    chromium.find_element(By.CSS_SELECTOR, "input[name=as][value=me]").click()
    chromium.find_element(By.ID, "code").send_keys(code)
    _submit(chromium, "#say-heading ~ form button[type=submit]")
    _submit(chromium, "button.other")  # "required" does not hold it back
    assert "anghofio eich cod personol" in _told(chromium) and name not in chromium.page_source
    qtbot.waitUntil(lambda: panel.queue.count() == 2, timeout=5000)
    panel.accept_all()
    made = next(c for c in window.archive.contributions(session.id) if c.text == "As me, from my own phone")
    assert window.archive.get(type(_people[0]), made.participant_id).preferred_name == name
