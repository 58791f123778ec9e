from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items: Any, size: int = 20, param: str = "page") -> Page:
    """A page of items, chosen by the `param` of the address, with the number of pages. `page.query`
    keeps the rest of the address for the page links (includes/pagination.html)."""
    page = Paginator(items, size).get_page(request.GET.get(param))
    page.param = param  # type: ignore[attr-defined]
    page.query = _other_params(request, param)  # type: ignore[attr-defined]
    return page


MAX_PAGE = 1_000_000  # a larger offset is no page anyone reads, and SQLite refuses numbers over 2**63


@dataclass
class Window:
    """A page of a list too long to count on every request (a space's proposals): whether a next page
    exists comes from reading one row more than the page shows."""

    object_list: list[Any]
    number: int
    has_next: bool
    param: str
    query: str
    paginator: None = None  # no number of pages: includes/pagination.html says "Page 3"

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous()

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def window(request: HttpRequest, items: Any, size: int = 20, param: str = "page") -> Window:
    """Like paginate(), without counting the items. Page numbers that make no sense give the first page."""
    try:
        number = int(request.GET.get(param, "1"))
    except ValueError:
        number = 1
    number = number if 1 <= number <= MAX_PAGE else 1
    start = (number - 1) * size
    rows = list(items[start : start + size + 1])
    return Window(rows[:size], number, len(rows) > size, param, _other_params(request, param))


def _other_params(request: HttpRequest, param: str) -> str:
    params = request.GET.copy()
    params.pop(param, None)
    return params.urlencode() + "&" if params else ""
