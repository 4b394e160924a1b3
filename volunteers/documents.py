"""The cooperation agreement as a PDF, to print, sign and send to the organisation.

It is written in the portal's language (Danish) like the model agreement (seed 003), in the
letters' shipped fonts; nothing in it concerns a citizen.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from integration_portal.letters.rendering import render_html_pdf
from volunteers.models import EVALUATION_INTERVAL_MONTHS, NOTICE_MONTHS, CooperationAgreement
from volunteers.selectors import agreement_commitments_by_party

TEMPLATE = "volunteers/agreements/agreement_pdf.html"


def render_agreement_pdf(*, agreement: CooperationAgreement, language: str) -> bytes:
    today = timezone.localdate()
    with translation.override(language):
        html = render_to_string(TEMPLATE, {
            "agreement": agreement,
            "organisation": agreement.organisation,
            "municipality": agreement.organisation.municipality,
            "commitments": agreement_commitments_by_party(agreement),
            "status": agreement.status_on(today),
            "notice_months": NOTICE_MONTHS,
            "evaluation_interval_months": EVALUATION_INTERVAL_MONTHS,
            "language": language,
            "today": today,
        })
    return render_html_pdf(html)


def agreement_pdf_filename(agreement: CooperationAgreement) -> str:
    """E.g. samarbejdsaftale-frivillignet-lejre-2026-01-01.pdf: the same in every language,
    as the agreement's own name is Danish."""
    name = slugify(agreement.organisation.name) or "organisation"
    return f"samarbejdsaftale-{name}-{agreement.period_start:%Y-%m-%d}.pdf"
