from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items: Any, size: int = 20) -> Page:
    """A page of items; `page.query` keeps the other filters of the address for the page links."""
    page = Paginator(items, size).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    page.query = params.urlencode() + "&" if params else ""  # type: ignore[attr-defined]
    return page
