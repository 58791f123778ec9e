"""A person completes a learning path in the browser, answers a question privately and downloads the
certificate, in Swedish and in English. Every page is checked with axe-core."""

import io
import re

import pytest
from pypdf import PdfReader

from medvind.audits.models import Training
from medvind.learning import demo as learning_demo
from medvind.learning.models import Path, Reflection

from .helpers import expect, sign_in

pytestmark = pytest.mark.e2e

PATHS = {"sv": "Bli brukarrevisor", "en": "Becoming a user auditor"}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_person_completes_a_path_and_downloads_the_certificate(new_page, demo, language):
    learning_demo.load_demo()
    path = Path.objects.get(title=PATHS[language])
    page = new_page()
    sign_in(page, "participant@demo.example", language=language)
    page.goto(f"/{language}/learning/")
    page.get_by_role("link", name=PATHS[language]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PATHS[language])
    page.locator("main form[action$='/start/'] button").click()
    progress = page.locator("main progress")
    expect(progress).to_have_attribute("value", "0")

    answer = page.locator("main textarea").first
    answer.fill("Jag vill granska boendestödet.")
    answer.locator("xpath=ancestor::form").locator("button").click()
    expect(page.locator("main textarea").first).to_have_value("Jag vill granska boendestödet.")

    for number in range(1, 4):
        page.locator("main form[action*='/done/'] button").first.click()
        expect(progress).to_have_attribute("value", str(number))
    expect(progress).to_have_attribute("max", "3")
    if language == "en":
        expect(page.locator("main")).to_contain_text("3 of 3 steps done")
        expect(page.get_by_role("status")).to_contain_text("You have completed the learning path.")

    with page.expect_download() as download:
        page.locator("main a[href$='certificate.pdf']").click()
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(sheet.extract_text() for sheet in reader.pages)
    assert "Pia" in text and PATHS[language] in text
    assert reader.trailer["/Root"]["/Lang"] == "sv"  # Pia's own language

    page.goto(f"/{language}/learning/me/")
    expect(page.locator("main")).to_contain_text(PATHS[language])
    expect(page.locator(f"main a[href$='{path.slug}/certificate.pdf']")).to_be_visible()
    assert Reflection.objects.filter(person__email="participant@demo.example", step__path=path).count() == 1
    assert Training.objects.filter(
        profile__user__email="participant@demo.example", course=PATHS[language]
    ).exists()
    assert re.search(r"/learning/me/$", page.url)
