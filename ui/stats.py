"""One metric across bodies and years: each cell is the assistant's own lookup, so each has a citation."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ui.render import plain_value


@dataclass(frozen=True)
class Cell:
    body: str
    year: int
    value: float | str | None
    unit: str | None
    source: str
    quote: str
    start: int
    end: int
    note: str  # "" or the disagreeing values


def metric_choices(assistant) -> list[tuple[str, str]]:
    """(label, id) for every metric some stored report has a figure for, in catalogue order."""
    present = assistant.metrics_in_use()
    return [(f"{m.zh} / {m.en}", m.id) for m in assistant.catalogue.metrics.values() if m.id in present]


def metric_cells(assistant, metric: str, bodies: list[str] | None = None) -> list[Cell]:
    """The metric for every stored (body, year), or only for ``bodies``; reports without it are left out."""
    cells = []
    for report in assistant.store.list_reports():
        body, year = report["body"], report["year"]
        if not body or not year or (bodies and body not in bodies):
            continue
        answer = assistant.figure(body, year, metric).to_dict()
        if answer["status"] != "answered" or not answer["citations"]:
            continue
        citation = answer["citations"][0]
        note = ""
        if answer["conflicts"]:
            note = " / ".join(sorted({plain_value(c["value"]) for c in answer["conflicts"]}))
        cells.append(Cell(body, year, answer["value"], answer["unit"], citation["source"], citation["quote"],
                          citation["start"], citation["end"], note))
    return sorted({(c.body, c.year, c.source): c for c in cells}.values(), key=lambda c: (c.body, c.year))


def chart_kind(cells: list[Cell]) -> str:
    """A line over years when some body has several years (a trend), else bars across bodies."""
    years_per_body: dict[str, set[int]] = {}
    for cell in cells:
        years_per_body.setdefault(cell.body, set()).add(cell.year)
    return "line" if any(len(years) > 1 for years in years_per_body.values()) else "bar"


def cells_csv(cells: list[Cell]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["body", "year", "value", "unit", "source", "start", "end", "quote", "note"])
    for c in cells:
        writer.writerow([c.body, c.year, plain_value(c.value), c.unit or "", c.source, c.start, c.end,
                         " ".join(c.quote.split()), c.note])
    return out.getvalue()
