from django import template

from medvind.audits import selectors

register = template.Library()


@register.inclusion_tag("audits/_published_reports.html")
def published_audit_reports(organisation):
    """On a service's public page: the user-led audits of it whose reports are published."""
    if organisation.kind != "service":
        return {"audits": []}
    return {"audits": list(selectors.published_audits(organisation))}
