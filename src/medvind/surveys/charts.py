"""Bar charts of survey results drawn as SVG on the server (no script). Each chart has a title and a
description for screen readers, and the page shows a table with the same figures next to it."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .results import SMALL, Cell

ROW = 32
LABEL_WIDTH = 260
BAR_SPACE = 300


@dataclass
class Bar:
    y: int
    label: str
    width: int
    value_x: int
    text: str
    state: str


def bars(cells: list[Cell], k: int) -> list[Bar]:
    """Shares of the shown cells as bars; a hidden cell has no bar, only its words."""
    out = []
    for i, cell in enumerate(cells):
        share = cell.share if cell.shown and cell.share is not None else 0
        width = round(BAR_SPACE * share / 100)
        if cell.shown:
            text = f"{share} %"
        elif cell.state == SMALL:
            text = _("fewer than %(k)s") % {"k": k}
        else:
            text = _("hidden")
        out.append(Bar(i * ROW, cell.label, width, LABEL_WIDTH + 6 + width, text, cell.state))
    return out


def height(cells: list[Cell]) -> int:
    return max(1, len(cells)) * ROW
