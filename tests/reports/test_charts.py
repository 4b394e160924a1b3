"""Bar charts as inline SVG (integration_portal/reports/charts.py) and how their values read."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import translation

from integration_portal.reports.charts import (
    LABEL_WIDTH,
    REFERENCE_COLOUR,
    bar_chart_svg,
    format_value,
)
from integration_portal.reports.registry import Bar, Chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart: Chart, **kwargs) -> ET.Element:
    # Parsing it as XML also proves every label was escaped.
    return ET.fromstring(str(bar_chart_svg(chart, **kwargs)))  # noqa: S314 - our own output


def bars_of(svg: ET.Element) -> list[float]:
    return [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect")]


def texts_of(svg: ET.Element, css_class: str) -> list[str]:
    return [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == css_class]


@pytest.mark.parametrize(("value", "unit", "danish", "english"), [
    (1234567, "", "1.234.567", "1,234,567"),
    (0, "persons", "0 persons", "0 persons"),
    (Decimal("87.5"), "%", "87,5 %", "87.5 %"),
    (2.0, "days", "2 days", "2 days"),
    # rounded to one decimal, not cut off
    (0.96, "%", "1 %", "1 %"),
    (Decimal("2.25"), "", "2,3", "2.3"),
    (1234.5, "", "1.234,5", "1,234.5"),
    (-1.5, "", "-1,5", "-1.5"),
    (None, "%", "–", "–"),
])
def test_values_read_as_the_language_writes_numbers(value, unit, danish, english):
    with translation.override("da"):
        assert format_value(value, unit) == danish
    with translation.override("en"):
        assert format_value(value, unit) == english


def test_bars_are_scaled_to_the_largest_value():
    # given
    chart = Chart(key="status", title="Open cases by status", bars=(
        Bar(key="announced", label="Announced", value=10),
        Bar(key="arrived", label="Arrived", value=5),
    ))

    # when
    svg = parse(chart, width=640)

    # then the largest bar fills the plot, the other is half of it
    full, half = bars_of(svg)
    assert full == 640 - LABEL_WIDTH - 90
    assert half == full / 2
    assert texts_of(svg, "portal-chart-label") == ["Announced", "Arrived"]
    assert texts_of(svg, "portal-chart-value") == ["10", "5"]


def test_a_bar_that_cannot_be_computed_is_kept_empty_with_a_dash():
    chart = Chart(key="outcome", title="Outcome after 12 months", unit="%", bars=(
        Bar(key="job", label="In a job", value=Decimal("40.0")),
        Bar(key="education", label="In education", value=None),
    ))

    svg = parse(chart)

    assert bars_of(svg)[1] == 0
    assert texts_of(svg, "portal-chart-value") == ["40 %", "–"]


def test_only_none_or_zero_bars_draw_without_dividing_by_zero():
    chart = Chart(key="empty", title="Hours", bars=(
        Bar(key="a", label="A", value=None), Bar(key="b", label="B", value=0)))

    assert bars_of(parse(chart)) == [0, 0]


def test_the_reference_line_sits_at_its_value_and_is_labelled():
    # given arrivals against a quota larger than any bar
    chart = Chart(key="quota", title="Arrivals against the quota", reference=20,
                  reference_label="Quota", bars=(Bar(key="refugees", label="Refugees", value=10),))

    # when
    svg = parse(chart, width=640)

    # then the scale reaches the quota, so the bar is half the plot and the line at its end
    plot = 640 - LABEL_WIDTH - 90
    assert bars_of(svg) == [plot / 2]
    dashed = [line for line in svg.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(dashed) == 1
    assert float(dashed[0].get("x1")) == LABEL_WIDTH + plot
    assert dashed[0].get("stroke") == REFERENCE_COLOUR
    assert texts_of(svg, "portal-chart-reference") == ["Quota 20"]


def test_without_a_reference_there_is_no_line_and_no_room_for_its_label():
    bars = (Bar(key="a", label="A", value=3),)
    with_reference = parse(Chart(key="c", title="C", bars=bars, reference=2))
    without = parse(Chart(key="c", title="C", bars=bars))

    assert not [line for line in without.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert int(without.get("height")) < int(with_reference.get("height"))


def test_labels_title_and_description_are_escaped():
    # given text typed by people (an employer's name) in every place a chart shows text
    chart = Chart(key="employers", title="Jobs <b>now</b>", description='"Top" & <i>rest</i>',
                  bars=(Bar(key="x", label="<script>alert(1)</script>", value=1),),
                  reference=1, reference_label="<img src=x>")

    # when
    markup = str(bar_chart_svg(chart))
    svg = ET.fromstring(markup)  # noqa: S314 - our own output

    # then no tag is injected, and the text reads as typed
    assert "<script>" not in markup and "<b>" not in markup and "<img" not in markup
    assert svg.find(f"{SVG}title").text == "Jobs <b>now</b>"
    assert svg.find(f"{SVG}desc").text == '"Top" & <i>rest</i>'
    assert texts_of(svg, "portal-chart-label") == ["<script>alert(1)</script>"]
    assert texts_of(svg, "portal-chart-reference") == ["<img src=x> 1"]


def test_the_svg_is_an_image_named_by_its_title_and_description():
    chart = Chart(key="status", title="Open cases", description="By status",
                  bars=(Bar(key="a", label="A", value=1),))

    svg = parse(chart, dom_id="chart-reception-status")

    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == (
        "chart-reception-status-title chart-reception-status-desc")
    assert svg.find(f"{SVG}title").get("id") == "chart-reception-status-title"
    assert svg.find(f"{SVG}desc").text == "By status"
    # and without a description the title describes it
    assert parse(Chart(key="k", title="T", bars=())).find(f"{SVG}desc").text == "T"


def test_a_long_label_is_shortened_in_the_chart():
    label = "Familiesammenførte til flygtninge med opholdstilladelse"
    chart = Chart(key="c", title="C", bars=(Bar(key="a", label=label, value=1),))

    (shown,) = texts_of(parse(chart), "portal-chart-label")

    assert len(shown) == 30 and shown.endswith("…")
    assert label.startswith(shown[:-1])
