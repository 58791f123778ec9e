"""The report as a tagged, accessible PDF (PDF/UA-1) made by WeasyPrint from the same HTML as the page."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from weasyprint import HTML

from .models import Audit


def report_pdf(request: HttpRequest, audit: Audit, context: dict) -> bytes:
    html = render_to_string(
        "audits/report_print.html", {**context, "audit": audit, "space": audit.space}, request
    )
    # Nothing is fetched: the print template holds its own styles (a sync worker asking itself for a
    # stylesheet would wait for itself).
    document = HTML(string=html, url_fetcher=_refuse)
    return document.write_pdf(pdf_variant="pdf/ua-1")


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"the report PDF fetches nothing ({url})")
