"""Inline SVG drawings: an equirectangular event map and a stacked timeline of counts.

The map's user units are degrees (x = longitude + 180, y = 90 - latitude), so the view box
zooms on the located events; strokes keep their width with ``non-scaling-stroke``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from polybius.lexicons import read_table

# One colour per PLOVER type: cooperation in blues and greens, verbal conflict in oranges,
# material conflict in reds and purples.
TYPE_COLOURS = {
    "AGREE": "#2b8cbe", "CONSULT": "#4eb3d3", "SUPPORT": "#7bccc4", "CONCEDE": "#66c2a4",
    "COOPERATE": "#41ab5d", "AID": "#238b45", "RETREAT": "#807dba", "REQUEST": "#9e9ac8",
    "ACCUSE": "#fdae6b", "REJECT": "#fd8d3c", "THREATEN": "#f16913", "PROTEST": "#dd3497",
    "SANCTION": "#ae017e", "MOBILIZE": "#8c6d31", "COERCE": "#e31a1c", "ASSAULT": "#99000d",
}
OTHER_COLOUR = "#777777"
# Smallest view (degrees of longitude) and margin around the events, so that one city
# is shown with its region rather than filling the frame.
MIN_SPAN = 24.0
MARGIN = 6.0


def colour(kind: str | None) -> str:
    """The fill colour of an event type."""
    return TYPE_COLOURS.get((kind or "").upper(), OTHER_COLOUR)


def country_centroids() -> list[tuple[str, float, float]]:
    """(alpha-3, lat, lon) of the countries in the centroid lexicon."""
    return [(row[0], float(row[1]), float(row[2])) for row in read_table("country_centroids.tsv")]


def view_box(points: Sequence[dict[str, Any]]) -> tuple[float, float, float, float]:
    """(x, y, width, height) in degrees framing the points at 2:1, or the whole world."""
    if not points:
        return 0.0, 0.0, 360.0, 180.0
    xs = [p["lon"] + 180 for p in points]
    ys = [90 - p["lat"] for p in points]
    width = max(max(xs) - min(xs) + 2 * MARGIN, 2 * (max(ys) - min(ys) + 2 * MARGIN), MIN_SPAN)
    width = min(width, 360.0)
    height = width / 2
    x = min(max((min(xs) + max(xs) - width) / 2, 0.0), 360.0 - width)
    y = min(max((min(ys) + max(ys) - height) / 2, 0.0), 180.0 - height)
    return x, y, width, height


def _step(width: float) -> int:
    for step in (1, 2, 5, 10, 15, 30):
        if width / step <= 12:
            return step
    return 30


def _graticule(box: tuple[float, float, float, float]) -> list[str]:
    x, y, width, height = box
    step, size = _step(width), width / 70
    parts = ['<g class="graticule">']
    for lon in range(-180, 181, step):
        if x <= lon + 180 <= x + width:
            parts.append(f'<line x1="{lon + 180}" y1="0" x2="{lon + 180}" y2="180"/>')
            parts.append(f'<text x="{lon + 180 + size / 3:.3f}" y="{y + height - size / 2:.3f}" '
                         f'font-size="{size:.3f}">{lon}°</text>')
    for lat in range(-90, 91, step):
        if y <= 90 - lat <= y + height:
            parts.append(f'<line x1="0" y1="{90 - lat}" x2="360" y2="{90 - lat}"/>')
            parts.append(f'<text x="{x + size / 3:.3f}" y="{90 - lat - size / 3:.3f}" '
                         f'font-size="{size:.3f}">{lat}°</text>')
    parts.append("</g>")
    return parts


def _centroids(box: tuple[float, float, float, float]) -> list[str]:
    width = box[2]
    radius, size = width / 400, width / 80
    parts = ['<g class="countries">']
    for code, lat, lon in country_centroids():
        parts.append(f'<circle cx="{lon + 180:.3f}" cy="{90 - lat:.3f}" r="{radius:.3f}">'
                     f"<title>{escape(code)}</title></circle>")
        if width <= 120:
            parts.append(f'<text x="{lon + 180 + radius * 2:.3f}" y="{90 - lat:.3f}" '
                         f'font-size="{size:.3f}">{escape(code)}</text>')
    parts.append("</g>")
    return parts


def map_svg(points: Sequence[dict[str, Any]], link: Callable[[dict[str, Any]], str]) -> str:
    """The event map: graticule, country dots and one circle per place and type."""
    box = view_box(points)
    x, y, width, height = box
    base = width / 260
    parts = [f'<svg class="map" viewBox="{x:.3f} {y:.3f} {width:.3f} {height:.3f}" '
             f'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="map of events">',
             '<rect class="sea" x="0" y="0" width="360" height="180"/>']
    parts += _graticule(box) + _centroids(box)
    parts.append('<g class="events">')
    for point in sorted(points, key=lambda p: -p["events"]):
        radius = base * (1 + math.log2(point["events"]) / 2)
        label = f"{point['place']} ({point['country'] or '?'}): {point['events']} {point['type']}"
        parts.append(f'<a href="{escape(link(point))}"><circle cx="{point["lon"] + 180:.4f}" '
                     f'cy="{90 - point["lat"]:.4f}" r="{radius:.4f}" fill="{colour(point["type"])}">'
                     f"<title>{escape(label)}</title></circle></a>")
    parts.append("</g></svg>")
    return "".join(parts)


TIMELINE_WIDTH, TIMELINE_HEIGHT, AXIS = 1000, 120, 18


def _bar(item: dict[str, Any], x: float, width: float, scale: float) -> list[str]:
    parts, top = [], TIMELINE_HEIGHT - AXIS
    for kind, count in sorted(item["types"].items()):
        height = count * scale
        top -= height
        parts.append(f'<rect x="{x:.2f}" y="{top:.2f}" width="{width:.2f}" height="{height:.2f}" '
                     f'fill="{colour(kind)}"/>')
    return parts


def timeline_svg(bins: Sequence[dict[str, Any]], link: Callable[[dict[str, Any]], str]) -> str:
    """Stacked bars of events per bin, coloured by type; each bar links to its date range."""
    parts = [f'<svg class="timeline" viewBox="0 0 {TIMELINE_WIDTH} {TIMELINE_HEIGHT}" '
             'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="events over time">']
    if bins:
        top = max(b["events"] for b in bins) or 1
        scale = (TIMELINE_HEIGHT - AXIS - 14) / top
        slot = TIMELINE_WIDTH / len(bins)
        gap = min(slot * 0.15, 2)
        label_every = max(1, math.ceil(len(bins) / 8))
        parts.append(f'<text class="axis" x="2" y="10">max {top}</text>')
        for i, item in enumerate(bins):
            title = f"{item['start']}..{item['end']}: {item['events']} events"
            parts.append(f'<a href="{escape(link(item))}"><g><title>{escape(title)}</title>')
            parts.append(f'<rect class="slot" x="{i * slot:.2f}" y="0" width="{slot:.2f}" '
                         f'height="{TIMELINE_HEIGHT - AXIS}"/>')
            parts += _bar(item, i * slot + gap / 2, slot - gap, scale)
            parts.append("</g></a>")
            if i % label_every == 0:
                parts.append(f'<text class="axis" x="{i * slot + 1:.2f}" '
                             f'y="{TIMELINE_HEIGHT - 4}">{escape(item["start"])}</text>')
    parts.append(f'<line class="base" x1="0" y1="{TIMELINE_HEIGHT - AXIS}" x2="{TIMELINE_WIDTH}" '
                 f'y2="{TIMELINE_HEIGHT - AXIS}"/></svg>')
    return "".join(parts)
