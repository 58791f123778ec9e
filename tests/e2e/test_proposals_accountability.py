""" "You said, we did": the overdue proposals with their days overdue, the key figures, the chart with the
same figures as a table, and the CSV downloads; for a space and for an organisation."""

import csv
import io
import re

import pytest
from django.utils import timezone

from medvind.core.models import Space
from medvind.proposals import selectors

from .helpers import expect
from .proposals_helpers import (
    GROUP,
    MUNICIPALITY,
    OVERDUE,
    OVERDUE_TOO,
    assert_no_horizontal_scroll,
    load_proposals_demo,
    proposal,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def proposals_demo(demo):
    load_proposals_demo()


def download(page, link) -> tuple[str, str]:
    """Follow a download link; the file's suggested name and its text."""
    with page.expect_download() as info:
        link.click()
    file = info.value
    with open(file.path(), encoding="utf-8") as handle:
        return file.suggested_filename, handle.read()


def test_you_said_we_did_shows_overdue_proposals_figures_chart_and_csv(new_page, proposals_demo):
    page = new_page(viewport={"width": 320, "height": 640})  # on a phone
    group = Space.objects.get(slug=GROUP)
    figures = selectors.accountability(space=group)
    today = timezone.localdate()
    late, later = proposal(OVERDUE), proposal(OVERDUE_TOO)
    assert figures["overdue"] == 2

    # A visitor opens the space and follows "You said, we did".
    page.goto(f"/en/spaces/{GROUP}/")
    page.get_by_role("main").get_by_role("link", name="You said, we did").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You said, we did")
    assert_no_horizontal_scroll(page)
    main = page.get_by_role("main")

    # The overdue proposals, the longest overdue first, with their days overdue and who must answer.
    overdue = page.get_by_role("region", name="Overdue: waiting for an answer after the deadline")
    rows = overdue.get_by_role("table", name="Overdue proposals").locator("tbody tr")
    expect(rows).to_have_count(2)
    for row, item in zip(rows.all(), [late, later], strict=True):
        cells = row.get_by_role("cell")
        expect(cells.nth(0)).to_have_text(item.title)
        expect(cells.nth(2)).to_have_text(str((today - item.deadline).days))
        expect(cells.nth(3)).to_contain_text(item.responder.display_name)

    # The key figures.
    key = page.get_by_role("region", name="Key figures").get_by_role("listitem")
    expect(key.nth(0)).to_have_text(
        f"{figures['share_on_time']} % answered within the deadline "
        f"({figures['on_time']} of {figures['due']} that were due)"
    )
    median = figures["median_days"]
    expect(key.nth(1)).to_have_text(f"{median:g} days to an answer (median)")
    expect(key.nth(2)).to_have_text(
        f"{figures['share_acted_on']} % acted on ({figures['acted_on']} of {figures['answered']} answered)"
    )
    expect(key.nth(3)).to_have_text("2 overdue now")

    # The chart has a text alternative and a bar per status; the table below has the same figures.
    by_status = page.get_by_role("region", name=f"{figures['total']} proposals by status")
    chart = by_status.get_by_role("img", name=re.compile("^Proposals by status"))
    expect(chart).to_be_visible()
    expect(chart.locator("g")).to_have_count(len(figures["by_status"]))
    table = by_status.get_by_role("table", name="Proposals by status")
    table_rows = table.locator("tbody tr")
    expect(table_rows).to_have_count(len(figures["by_status"]))
    bars = zip(table_rows.all(), chart.locator("g").all(), figures["by_status"], strict=True)
    for row, bar, (_status, label, count) in bars:
        expect(row.get_by_role("rowheader")).to_have_text(str(label))
        expect(row.get_by_role("cell")).to_have_text(str(count))
        expect(bar).to_have_text(f"{label} {count}")

    # Both CSV files download.
    name, text = download(page, main.get_by_role("link", name="Download the figures (CSV)"))
    assert name == f"accountability-{GROUP}.csv"
    figures_csv = dict(csv.reader(io.StringIO(text)))
    assert figures_csv["overdue"] == "2"
    assert figures_csv["total"] == str(figures["total"])
    assert figures_csv["status_done"] == "1"

    name, text = download(page, main.get_by_role("link", name="Download the list of proposals (CSV)"))
    assert name == f"proposals-{GROUP}.csv"
    listed = {row["title"]: row for row in csv.DictReader(io.StringIO(text))}
    assert listed[OVERDUE]["overdue"] == "yes"
    assert listed[OVERDUE]["status"] == "received"
    assert listed["Längre öppettider på träfflokalen"]["status"] == "done"
    assert listed["Längre öppettider på träfflokalen"]["overdue"] == "no"

    # The municipality's page has the same view across its spaces, with the space of each proposal.
    page.goto(f"/en/organisations/{MUNICIPALITY}/")
    page.get_by_role("link", name=re.compile("^You said, we did")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You said, we did")
    expect(page.get_by_role("main")).to_contain_text("All spaces of Exempelkommun")
    assert_no_horizontal_scroll(page)
    rows = page.get_by_role("table", name="Overdue proposals").locator("tbody tr")
    expect(rows.filter(has_text=OVERDUE)).to_contain_text(group.title)
    expect(rows.filter(has_text=OVERDUE_TOO).get_by_role("cell").nth(3)).to_have_text(
        str((today - later.deadline).days)
    )
    name, text = download(page, page.get_by_role("link", name="Download the figures (CSV)"))
    assert name == f"accountability-{MUNICIPALITY}.csv"
    assert "overdue," in text
