"""Answers and reports as HTML: pure functions, every piece of report text escaped.

Everything is emitted as one raw HTML block without blank lines, so the chat's Markdown renderer
leaves report text alone (a ``*`` or ``#`` in a quote stays a character) and ``<script>`` in a
report shows as text.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote as url_quote

from ui.labels import label

CONTEXT_CHARS = 160  # how much of the surrounding paragraph to show on each side of a quote


def plain_value(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "—" if value is None else str(value)


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def all_citations(data: dict) -> list[dict]:
    """The answer's citations, then the conflicts' and candidates' not already among them."""
    seen, out = set(), []
    extra = [c["citation"] for c in data.get("conflicts", [])] + [
        c["citation"] for c in data.get("candidates", []) if c.get("citation")
    ]
    for citation in list(data.get("citations", [])) + extra:
        key = (citation["source"], citation["start"], citation["end"])
        if key not in seen:
            seen.add(key)
            out.append(citation)
    return out


def _marker(citations: list[dict], citation: dict | None) -> str:
    if not citation:
        return ""
    for number, known in enumerate(citations, start=1):
        if (known["source"], known["start"], known["end"]) == (citation["source"], citation["start"], citation["end"]):
            return f"[{number}]"
    return ""


def _where(citation: dict) -> str:
    return " ".join(str(part) for part in (citation.get("org"), citation.get("year")) if part)


def answer_html(data: dict, lang: str, text: str | None = None) -> str:
    """The answer a person reads: a status line, the text (or ``text``, a streamed prefix of it),
    then the disagreeing values or the readings to pick from."""
    status = data["status"]
    conflicted = status == "answered" and bool(data.get("conflicts"))
    kind = "conflict" if conflicted else status
    badge = {
        "answered": label(lang, "answered"),
        "conflict": "⚠ " + label(lang, "disagree"),
        "not_found": label(lang, "not_found"),
        "ambiguous": label(lang, "ambiguous"),
    }[kind]
    body = _lines(data["answer"] if text is None else text)
    parts = [f'<div class="answer answer-{kind}">', f'<div class="badge">{badge}</div>',
             f'<div class="answer-text">{body}</div>']
    if text is None:
        citations = all_citations(data)
        if conflicted:
            items = "".join(
                f"<li><b>{escape(_says(c['value'], lang))}</b> {escape(_where(c['citation']))} "
                f"{_marker(citations, c['citation'])} <q>{escape(_short(c['citation']['quote']))}</q></li>"
                for c in data["conflicts"]
            )
            parts.append(f'<div class="disagree"><b>⚠ {label(lang, "disagree")}</b>: '
                         f'{label(lang, "disagree_note")}<ul>{items}</ul></div>')
        if status == "ambiguous" and data.get("candidates"):
            items = "".join(
                f"<li>{escape(_where(c))}: <b>{escape(plain_value(c.get('value')))}</b> "
                f"{_marker(citations, c.get('citation'))}</li>"
                for c in data["candidates"]
            )
            parts.append(f'<div class="readings">{label(lang, "readings")}<ul>{items}</ul></div>')
    parts.append("</div>")
    return "".join(parts)


def _says(value, lang: str) -> str:
    """A disagreeing value; yes/no claims read 是/否 in Chinese."""
    if lang == "zh" and value in ("yes", "no"):
        return {"yes": "是", "no": "否"}[value]
    return plain_value(value)


def _short(quote: str, limit: int = 80) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


def context_bounds(text: str, start: int, end: int, limit: int = CONTEXT_CHARS) -> tuple[int, int]:
    """The paragraph (or table row) around a quote, cut to ``limit`` characters on each side."""
    left = text.rfind("\n", max(0, start - limit), start)
    left = max(0, start - limit) if left < 0 else left + 1
    right = text.find("\n", end, end + limit)
    right = min(len(text), end + limit) if right < 0 else right
    return left, right


def highlighted_context(text: str, start: int, end: int) -> str:
    left, right = context_bounds(text, start, end)
    before = ("…" if left > 0 and text[left - 1] != "\n" else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) and text[right] != "\n" else "")
    return f"{_lines(before)}<mark>{_lines(text[start:end])}</mark>{_lines(after)}"


def report_url(source: str, start: int | None = None, end: int | None = None) -> str:
    url = f"/report/{url_quote(source)}"
    if start is not None and end is not None:
        url += f"?start={start}&end={end}#quote"
    return url


def sources_html(data: dict, texts: dict[str, str], lang: str) -> str:
    """One entry per citation: report, kind, the quote marked inside its paragraph, a link to the
    full stored text scrolled to the quote."""
    entries = []
    for number, citation in enumerate(all_citations(data), start=1):
        text = texts.get(citation["source"]) or citation["quote"]
        start, end = citation["start"], citation["end"]
        if text[start:end] != citation["quote"]:  # never show a quote out of place
            text, start, end = citation["quote"], 0, len(citation["quote"])
        kind = label(lang, citation.get("kind") or "passage") if (citation.get("kind") or "passage") in (
            "table_row", "sentence", "passage") else escape(citation.get("kind") or "")
        link = escape(report_url(citation["source"], citation["start"], citation["end"]), quote=True)
        entries.append(
            '<div class="source">'
            f'<div class="source-head"><b>[{number}]</b> {escape(_where(citation))} · '
            f'<code>{escape(citation["source"])}</code> · {kind} · '
            f'<a href="{link}" target="_blank" rel="noopener">{label(lang, "open_report")}</a></div>'
            f'<div class="source-context">{highlighted_context(text, start, end)}</div></div>'
        )
    return '<div class="sources">' + "".join(entries) + "</div>"


def report_page(source: str, text: str, meta: dict | None, start: int | None, end: int | None) -> str:
    """A whole stored report as a page; the cited span is marked and the page opens scrolled to it."""
    title = " ".join(str(p) for p in ((meta or {}).get("body"), (meta or {}).get("year")) if p) or source
    if start is not None and end is not None and 0 <= start <= end <= len(text):
        body = f'{escape(text[:start])}<mark id="quote">{escape(text[start:end])}</mark>{escape(text[end:])}'
    else:
        body = escape(text)
    return (
        "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)} · {escape(source)}</title>"
        "<style>body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;max-width:60rem;"
        "margin:2rem auto;padding:0 1rem;line-height:1.7}pre{white-space:pre-wrap;font-family:inherit}"
        "mark{background:#ffe58f;padding:0 2px}header{color:#555;border-bottom:1px solid #ddd}</style>"
        f"</head><body><header><h1>{escape(title)}</h1><p><code>{escape(source)}</code></p></header>"
        f"<pre>{body}</pre></body></html>"
    )
