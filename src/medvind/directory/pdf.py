"""The joint folder of a municipality's organisations as a tagged, accessible PDF (PDF/UA-1)."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from weasyprint import HTML


def folder_pdf(request: HttpRequest, context: dict) -> bytes:
    html = render_to_string("directory/folder_print.html", context, request)
    return HTML(string=html, url_fetcher=_refuse).write_pdf(pdf_variant="pdf/ua-1")


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"the folder PDF fetches nothing ({url})")
