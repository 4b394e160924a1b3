"""The survey's PDFs, rendered like the reports (the shipped fonts only): the results, and the
paper invitation slips (Danish and one more language; right to left for Arabic, Dari and
Farsi)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from integration_portal.letters.rendering import render_html_pdf
from integration_portal.reports.registry import Bar, Chart
from surveys.models import DANISH, NO, YES, Survey
from surveys.selectors import QuestionResult, SurveyResults
from surveys.texts import direction, language_name, texts_for
from surveys.tokens import grouped


def question_chart(result: QuestionResult, *, language: str = DANISH) -> Chart | None:
    """The distribution of a scale or yes/no question as a bar chart (None for free text)."""
    question = result.question
    words = texts_for(language)
    if result.is_scale:
        low = question.low_label.get(language) or words["low"]
        high = question.high_label.get(language) or words["high"]
        labels = {1: f"1 – {low}", 2: "2", 3: "3", 4: "4", 5: f"5 – {high}"}
        bars = tuple(Bar(key=str(value), label=labels[value], value=count)
                     for value, count in result.counts.items())
    elif result.is_yes_no:
        bars = (Bar(key="yes", label=_("Yes"), value=result.counts[YES]),
                Bar(key="no", label=_("No"), value=result.counts[NO]))
    else:
        return None
    return Chart(key=f"q{question.pk}", title=question.text_in(language), bars=bars,
                 unit="", description=_("Number of answers per choice"))


def render_results_pdf(*, results: SurveyResults, language: str, group_label: str) -> bytes:
    with translation.override(language):
        rows = [(result, question_chart(result)) for result in results.questions]
        html = render_to_string("surveys/pdf/results.html", {
            "results": results, "survey": results.survey, "rows": rows,
            "group_label": group_label, "language": language, "generated_at": timezone.now(),
        })
    return render_html_pdf(html)


def render_slips_pdf(*, survey: Survey, tokens: list[str], language: str, link_base: str
                     ) -> bytes:
    """One slip per token: the link and the code, in Danish and `language` (if any)."""
    languages = [DANISH, *([language] if language and language != DANISH else [])]
    blocks = [{"language": code, "dir": direction(code), "name": language_name(code),
               "title": survey.title_in(code), "intro": survey.intro_in(code),
               "words": texts_for(code)} for code in languages]
    slips = [{"code": grouped(token), "url": f"{link_base}{token}/"} for token in tokens]
    html = render_to_string("surveys/pdf/slips.html", {
        "survey": survey, "blocks": blocks, "slips": slips, "start_url": link_base,
    })
    return render_html_pdf(html)
