"""A readable plain-text view of one report, for a person at a terminal."""

from __future__ import annotations

from polybius.model import Report


def render_summary(report: Report) -> str:
    """The report as indented text: document, actors, attributions, events, places, times."""
    names = {e.id: e.name for e in report.entities}
    places = {p.id: p.name for p in report.places}
    sources = {a.id: a.source.text for a in report.attributions}
    lines = [*_document_lines(report)]
    lines.append(f"\nActors ({len(report.entities)})")
    for e in report.entities:
        extra = ", ".join(x for x in (e.title, e.country, e.sector) if x)
        lines.append(f"  {e.id} {e.name} [{e.type}]" + (f" ({extra})" if extra else "")
                     + f" x{len(e.mentions)}")
    lines.append(f"\nAttributions ({len(report.attributions)})")
    for a in report.attributions:
        via = f" via {sources.get(a.via, a.via)}" if a.via else ""
        outlet = f" to {names.get(a.outlet, a.outlet)}" if a.outlet else ""
        quote = "quote" if a.direct else "reported"
        lines.append(f"  {a.id} {a.source.text}{via}{outlet} ({quote}): {_clip(a.content.text)}")
    lines.append(f"\nEvents ({len(report.events)})")
    for v in report.events:
        who = ", ".join(names.get(i, i) for i in v.actors) or "?"
        whom = ", ".join(names.get(i, i) for i in v.recipients)
        when = v.date.value if v.date else "?"
        qty = "; ".join(q.text for q in v.quantities)
        also = f" (+{len(v.mentions)} later mention{'s' if len(v.mentions) > 1 else ''})" if v.mentions else ""
        lines.append(f"  {v.id} {v.type}/{v.mode or '-'} {v.status}{' (hedged)' if v.hedged else ''}:"
                     f" {who}{' -> ' + whom if whom else ''} | {places.get(v.place or '', '?')} | {when}"
                     + (f" | {qty}" if qty else "") + also)
        lines.append(f"      \"{_clip(v.evidence.text)}\"")
    lines.append(f"\nPlaces ({len(report.places)})")
    for p in report.places:
        where = f"{p.lat:.3f},{p.lon:.3f}" if p.lat is not None and p.lon is not None else "no coordinates"
        lines.append(f"  {p.id} {p.name} [{p.feature}] {p.country or ''} {where} geonames:{p.geonameid}")
    lines.append(f"\nTimes ({len(report.times)})")
    for t in report.times:
        lines.append(f"  {t.id} \"{t.text}\" -> {t.value} ({t.precision})")
    for w in report.warnings:
        lines.append(f"\nWarning: stage {w.stage} failed: {w.message}")
    return "\n".join(lines)


def _document_lines(report: Report) -> list[str]:
    d = report.document
    tags = "; ".join(f"{k}: {', '.join(v)}" for k, v in d.tags.items())
    rows = [("Title", d.title), ("Authors", ", ".join(d.authors)), ("Publisher", d.publisher),
            ("Published", d.published), ("Original source", d.original_source), ("URL", d.url),
            ("Tags", tags), ("Words", str(len(d.text.split())))]
    header = f"== {d.source or 'document'} ({d.id[:12]}) =="
    return [header, *(f"{label}: {value}" for label, value in rows if value)]


def _clip(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
