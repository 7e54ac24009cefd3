"""Server-side SVG charts: bars and stacked bars with a legend, axis labels, an accessible name and
description, escaped text and nothing a strict Content-Security-Policy would block."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.template import Context, Template

from stttt.core.charts import Series, bar_chart, nice_ticks, numeric_pairs, stacked_bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_bar_chart_is_valid_svg_with_title_desc_and_axis():
    svg = bar_chart(
        [("Văn phòng", 3), ("Phòng Báo chí", 12)],
        title="Việc đang mở theo đơn vị",
        value_label="Số việc",
        category_label="Đơn vị",
    )
    root = _parse(svg)
    assert root.tag == SVG + "svg" and root.get("role") == "img"
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title.text == "Việc đang mở theo đơn vị"
    assert "Văn phòng: 3" in desc.text and "Phòng Báo chí: 12" in desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "Số việc" in texts and "Đơn vị" in texts and "Văn phòng" in texts
    bars = [r for r in root.iter(SVG + "rect")]
    widths = [float(r.get("width")) for r in bars]
    assert len(bars) == 2 and widths[1] == max(widths) and abs(widths[1] / widths[0] - 4) < 0.01


def test_stacked_bar_chart_has_a_legend_and_stacks_segments():
    svg = stacked_bar_chart(
        ["A", "B"],
        [Series("Quá hạn", [1, 0], "danger"), Series("Đúng hạn", [2, 5], "success")],
        title="Việc theo đơn vị",
        value_label="Số việc",
    )
    root = _parse(svg)
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "Quá hạn" in texts and "Đúng hạn" in texts  # the legend names each colour
    segments = [r for r in root.iter(SVG + "rect") if r.find(SVG + "title") is not None]
    assert len(segments) == 3  # the zero is not drawn
    first, second = segments[0], segments[1]
    assert float(second.get("x")) == round(float(first.get("x")) + float(first.get("width")), 1)
    assert "A: Quá hạn 1, Đúng hạn 2" in root.find(SVG + "desc").text


def test_no_script_no_style_no_external_reference_and_text_is_escaped():
    svg = bar_chart([("<script>alert(1)</script>", 1), ("B & C", 2)], title='"x" <y>')
    lowered = svg.lower()
    assert "<script" not in lowered and "style=" not in lowered and "href" not in lowered
    assert "http://" not in lowered.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "on" + "load" not in lowered
    root = _parse(svg)  # still well-formed
    assert root.find(SVG + "title").text == '"x" <y>'


def test_ticks_are_round_and_cover_the_maximum():
    assert nice_ticks(12) == [0, 5, 10, 15]
    assert nice_ticks(3) == [0, 1, 2, 3]
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(0.4)[-1] >= 0.4


def test_empty_data_draws_nothing_and_ids_differ_between_charts():
    assert stacked_bar_chart([], [], title="x") == ""
    one = _parse(bar_chart([("A", 1), ("B", 2)], title="Một"))
    two = _parse(bar_chart([("A", 1), ("B", 2)], title="Hai"))
    assert one.find(SVG + "title").get("id") != two.find(SVG + "title").get("id")


def test_figures_filter_charts_only_the_numbers():
    assert numeric_pairs([("a", 1), ("b", "text"), ("c", True), ("d", 2.5)]) == [("a", 1.0), ("d", 2.5)]
    html = Template("{% load stttt_charts %}{{ figures|figures_chart:'Hồ sơ' }}").render(
        Context({"figures": [("Đã nhận", 10), ("Quá hạn", 2), ("Ghi chú", "—")]})
    )
    root = _parse(html)
    assert root.find(SVG + "title").text == "Hồ sơ"
    assert Template("{% load stttt_charts %}{{ f|figures_chart:'x' }}").render(Context({"f": [("a", 1)]})) == ""
