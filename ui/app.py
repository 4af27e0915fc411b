"""The web chat: a gradio app mounted on FastAPI, with a page per stored report.

``assistant serve`` runs it; tests start it with ``running(settings)`` on a free loopback port.
The layout lives here; what it does lives in ``ui.service`` and the HTML in ``ui.render``.
"""

from __future__ import annotations

import atexit
import re
import shutil
import socket
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from assistant.config import Settings, quiet_environment
from assistant.errors import AssistantError
from ui.labels import LANGUAGES, label
from ui.render import answer_html, plain_value, report_page, report_url, sources_html
from ui.service import UPLOAD_SUFFIXES, WebService
from ui.stats import cells_csv, chart_kind, metric_cells, metric_choices

CSS = """
.answer { border-left: 4px solid #52c41a; padding: 4px 10px; }
.answer-conflict { border-left-color: #fa8c16; }
.answer-not_found { border-left-color: #8c8c8c; }
.answer-ambiguous { border-left-color: #1677ff; }
.answer .badge { font-weight: 600; font-size: 0.9em; margin-bottom: 4px; }
.disagree { background: #fff7e6; border: 1px solid #ffd591; border-radius: 6px; padding: 6px 10px; margin-top: 8px; }
.readings { margin-top: 6px; }
.source { margin: 6px 0 10px; }
.source-context { background: #fafafa; border-radius: 4px; padding: 4px 8px; margin-top: 2px; }
.source-context mark, .answer mark { background: #ffe58f; padding: 0 2px; }
body, .gradio-container { font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; }
"""

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _question_lang(question: str) -> str:
    return "zh" if _CJK.search(question) else "en"


def pick_question(candidate: dict, lang: str) -> str:
    """The follow-up that settles an ambiguous question on one candidate."""
    org, year = candidate.get("org") or "", candidate.get("year")
    if lang == "zh":
        return f"{org}{year}年呢？" if year else f"{org}呢？"
    return f"What about {org} in {year}?" if year else f"What about {org}?"


def example_questions(service: WebService) -> list[str]:
    """Examples built from what is stored, so they work on any store."""
    reports = [r for r in service.reports() if r["body"] and r["year"] and r["facts"]]
    if not reports:
        return ["西集镇2018年收到多少政府信息公开申请", "how many information requests did Xiji receive in 2018"]
    first = max(reports, key=lambda r: r["facts"])
    name, year = first["short_name"] or first["body"], first["year"]
    latin = next((a for a in first["aliases"] if a.isascii() and " " not in a), None) or name
    other = next((r for r in reports if r["body"] != first["body"]), None)
    examples = [
        f"{first['body']}{year}年收到多少政府信息公开申请",
        f"how many information requests did {latin} receive in {year}",
        f"{name}{year}年的申请是否都按时办结？",
        f"{name}的联系电话是多少",
        f"what problems did {latin} report in {year}?",
    ]
    if other:
        examples.append(f"{first['body']}和{other['body']}哪个收到的申请多？")
    return examples


def build_blocks(service: WebService):
    import gradio as gr
    import pandas as pd

    def lang_of(name: str) -> str:
        return LANGUAGES.get(name, "zh")

    def respond(message, chat, history, body, year, lang_name):
        lang = lang_of(lang_name)
        message = (message or "").strip()
        hidden = gr.update(visible=False, choices=[], value=None)
        if not message:
            yield chat, history, hidden, ""
            return
        chat = list(chat or []) + [{"role": "user", "content": message}]
        yield chat, history, hidden, ""
        data = service.ask(message, history, body=body or None, year=int(year) if year else None)
        text = data["answer"]
        for cut in range(0, len(text), max(8, len(text) // 6))[1:]:  # stream: the figure comes first
            yield chat + [{"role": "assistant", "content": answer_html(data, lang, text[:cut])}], history, hidden, ""
            time.sleep(0.02)
        final = chat + [{"role": "assistant", "content": answer_html(data, lang)}]
        if data["citations"] or data["conflicts"] or data["candidates"]:
            panel = sources_html(data, service.texts_for(data), lang)
            count = panel.count('class="source"')
            final.append({"role": "assistant", "content": panel,
                          "metadata": {"title": f"{label(lang, 'sources')} ({count})", "status": "done"}})
        picker = hidden
        if data["status"] == "ambiguous" and data["candidates"]:
            qlang = _question_lang(message)
            choices = [(" ".join(str(p) for p in (c["org"], c["year"]) if p) +
                        (f" · {plain_value(c['value'])}" if c.get("value") is not None else ""), pick_question(c, qlang))
                       for c in data["candidates"]]
            picker = gr.update(visible=True, choices=choices, value=None, label=label(lang, "pick"))
        yield final, list(history or []) + [message], picker, ""

    def clear():
        return [], [], gr.update(visible=False, choices=[], value=None), ""

    def report_rows(lang: str):
        keys = ("col_source", "col_body", "col_year", "col_template", "col_facts", "col_findings", "col_warnings")
        rows = [[r["source"], r["body"] or "?", r["year"] or "", r["template"], r["facts"], r["findings"], r["warnings"]]
                for r in service.reports()]
        return pd.DataFrame(rows, columns=[label(lang, k) for k in keys])

    def report_detail(source, lang_name):
        lang = lang_of(lang_name)
        if not source:
            return ""
        from html import escape

        findings = service.findings(source)
        warnings = service.warnings(source)
        parts = [f'<p><a href="{escape(report_url(source), quote=True)}" target="_blank">{label(lang, "open_report")}: '
                 f'<code>{escape(source)}</code></a></p>', f"<h4>{label(lang, 'findings')}</h4>"]
        if findings:
            parts.append("<ul>" + "".join(f"<li><b>{escape(f['kind'])}</b>: {escape(f['message'])}</li>" for f in findings) + "</ul>")
        else:
            parts.append(f"<p>{label(lang, 'no_findings')}</p>")
        identities = service.identities(source)
        if identities:
            verdicts = {True: label(lang, "identity_holds"), False: label(lang, "identity_fails"), None: label(lang, "identity_unchecked")}
            parts.append(f"<h4>{label(lang, 'identities')}</h4><ul>" + "".join(
                f"<li>{escape(i['name'])}: <b>{escape(verdicts[i['holds']])}</b> ({escape(i['detail'])})</li>" for i in identities
            ) + "</ul>")
        if warnings:
            parts.append(f"<h4>{label(lang, 'warnings')}</h4><ul>" + "".join(f"<li>{escape(w)}</li>" for w in warnings) + "</ul>")
        return "".join(parts)

    def refreshed(lang_name):
        lang = lang_of(lang_name)
        sources = [r["source"] for r in service.reports()]
        bodies = service.bodies()
        return (report_rows(lang), gr.update(choices=sources), gr.update(choices=sources, value=None),
                gr.update(choices=[(label(lang, "any"), "")] + [(b, b) for b in bodies]),
                gr.update(choices=bodies), gr.update(choices=metric_choices(service.assistant)))

    def upload(files, token, lang_name, progress=gr.Progress(track_tqdm=True)):
        lang = lang_of(lang_name)
        columns = [label(lang, k) for k in ("col_source", "col_status", "col_body", "col_year", "col_detail")]
        if not files:
            raise gr.Error(label(lang, "no_files"))
        try:
            summary = service.upload([getattr(f, "name", f) for f in files], token)
        except AssistantError as error:
            raise gr.Error(label(lang, "bad_token") if "token" in str(error) else str(error))
        rows = [[f["path"], f["status"], f["body"] or "", f["year"] or "",
                 f"{f['facts']} facts, {f['chunks']} chunks, {f['findings']} findings" if f["status"] in ("added", "replaced")
                 else f["message"]] for f in summary["files"]]
        return (pd.DataFrame(rows, columns=columns), *refreshed(lang_name))

    def remove(source, token, lang_name):
        lang = lang_of(lang_name)
        columns = [label(lang, k) for k in ("col_source", "col_status", "col_body", "col_year", "col_detail")]
        if not source:
            raise gr.Error(label(lang, "remove_pick"))
        try:
            service.remove(source, token)
        except AssistantError as error:
            raise gr.Error(label(lang, "bad_token") if "token" in str(error) else str(error))
        return (pd.DataFrame([[source, label(lang, "removed"), "", "", ""]], columns=columns), *refreshed(lang_name))

    def statistics(metric, bodies, lang_name):
        lang = lang_of(lang_name)
        columns = [label(lang, k) for k in ("col_body", "col_year", "col_value", "col_unit", "col_source", "col_quote", "col_note")]
        cells = metric_cells(service.assistant, metric, bodies or None) if metric else []
        table = pd.DataFrame([[c.body, c.year, plain_value(c.value), c.unit or "", c.source, " ".join(c.quote.split()), c.note]
                              for c in cells], columns=columns)
        numeric = [c for c in cells if isinstance(c.value, (int, float))]
        chart = pd.DataFrame({"body": [c.body for c in numeric], "year": [str(c.year) for c in numeric],
                              "label": [f"{c.body} {c.year}" for c in numeric], "value": [float(c.value) for c in numeric]})
        kind = chart_kind(numeric)
        csv_path = None
        if cells:
            csv_path = downloads / f"{metric}.csv"
            csv_path.write_text(cells_csv(cells), encoding="utf-8-sig")  # the BOM lets spreadsheet programs read Chinese
        note = "" if cells else label(lang, "no_data")
        return (table, gr.update(value=chart, visible=kind == "bar" and bool(numeric)),
                gr.update(value=chart, visible=kind == "line" and bool(numeric)),
                gr.update(value=str(csv_path) if csv_path else None, visible=csv_path is not None), note)

    def relabel(lang_name):
        lang = lang_of(lang_name)
        return (
            f"## {label(lang, 'title')}\n{label(lang, 'subtitle')}",
            gr.update(label=label(lang, "question"), placeholder=label(lang, "placeholder")),
            gr.update(value=label(lang, "send")),
            gr.update(value=label(lang, "clear")),
            gr.update(label=label(lang, "filter_body")),
            gr.update(label=label(lang, "filter_year")),
            gr.update(label=label(lang, "tab_chat")),
            gr.update(label=label(lang, "tab_reports")),
            gr.update(label=label(lang, "tab_stats")),
            report_rows(lang),
        )

    downloads = Path(tempfile.mkdtemp(prefix="assistant-downloads-"))  # one folder, removed at exit
    atexit.register(shutil.rmtree, downloads, ignore_errors=True)
    reports = service.reports()
    bodies = service.bodies()
    with gr.Blocks(title=label("zh", "title")) as demo:
        with gr.Row():
            heading = gr.Markdown(f"## {label('zh', 'title')}\n{label('zh', 'subtitle')}")
            language = gr.Radio(list(LANGUAGES), value="中文", label=label("zh", "language"), scale=0, min_width=220,
                                elem_id="language")
        if not reports:
            gr.Markdown(f"> {label('zh', 'empty_store')}  \n> {label('en', 'empty_store')}")
        with gr.Tab(label("zh", "tab_chat"), elem_id="tab-chat") as chat_tab:
            chatbot = gr.Chatbot(height=520, elem_id="chat", show_label=False, sanitize_html=True,
                                 buttons=["copy"], feedback_options=None)
            picker = gr.Radio([], visible=False, label=label("zh", "pick"), elem_id="picker")
            with gr.Row():
                box = gr.Textbox(label=label("zh", "question"), placeholder=label("zh", "placeholder"), scale=5,
                                 elem_id="question", autofocus=True)
                send = gr.Button(label("zh", "send"), variant="primary", scale=1, elem_id="send")
            with gr.Row():
                body_filter = gr.Dropdown([(label("zh", "any"), "")] + [(b, b) for b in bodies], value="",
                                          label=label("zh", "filter_body"), elem_id="filter-body")
                year_filter = gr.Dropdown([(label("zh", "any"), "")] + [(str(y), str(y)) for y in service.years()],
                                          value="", label=label("zh", "filter_year"), elem_id="filter-year")
                clear_button = gr.Button(label("zh", "clear"), elem_id="clear")
            gr.Examples(example_questions(service), inputs=[box], label=label("zh", "examples"))
            history = gr.State([])
        with gr.Tab(label("zh", "tab_reports"), elem_id="tab-reports") as reports_tab:
            reports_table = gr.Dataframe(report_rows("zh"), interactive=False, elem_id="reports-table", wrap=True)
            sources = [r["source"] for r in reports]
            detail_pick = gr.Dropdown(sources, value=None, label=label("zh", "pick_report"), elem_id="report-pick")
            detail = gr.HTML(elem_id="report-detail")
            with gr.Accordion(label("zh", "upload"), open=True, elem_id="upload"):
                if not service.writable:
                    gr.Markdown(f"{label('zh', 'writing_off')}\n\n{label('en', 'writing_off')}", elem_id="writing-off")
                with gr.Row():
                    files = gr.File(file_count="multiple", file_types=list(UPLOAD_SUFFIXES), show_label=False,
                                    interactive=service.writable, elem_id="upload-files", scale=3, height=160)
                    with gr.Column(scale=1):
                        token = gr.Textbox(label=label("zh", "admin_token"), type="password",
                                           interactive=service.writable, elem_id="admin-token")
                        ingest_button = gr.Button(label("zh", "ingest"), variant="primary",
                                                  interactive=service.writable, elem_id="ingest")
                with gr.Row(equal_height=True):
                    remove_pick = gr.Dropdown(sources, value=None, label=label("zh", "remove_pick"),
                                              interactive=service.writable, elem_id="remove-pick", scale=3)
                    remove_button = gr.Button(label("zh", "remove"), variant="stop", interactive=service.writable,
                                              elem_id="remove", scale=1)
                outcome_columns = [label("zh", k) for k in ("col_source", "col_status", "col_body", "col_year", "col_detail")]
                outcome = gr.Dataframe(pd.DataFrame(columns=outcome_columns), label=label("zh", "outcome"),
                                       interactive=False, elem_id="outcome", wrap=True)
        with gr.Tab(label("zh", "tab_stats"), elem_id="tab-stats") as stats_tab:
            with gr.Row():
                metric = gr.Dropdown(metric_choices(service.assistant), label=label("zh", "metric"), elem_id="metric")
                stat_bodies = gr.Dropdown(bodies, multiselect=True, label=label("zh", "bodies"), elem_id="stat-bodies")
                show = gr.Button(label("zh", "show"), variant="primary", elem_id="show")
            stat_note = gr.Markdown(elem_id="stat-note")
            bar = gr.BarPlot(x="label", y="value", visible=False, elem_id="bar", sort="x")
            line = gr.LinePlot(x="year", y="value", color="body", visible=False, elem_id="line")
            stat_table = gr.Dataframe(label=label("zh", "stats_table"), interactive=False, wrap=True, elem_id="stat-table")
            csv_file = gr.File(label=label("zh", "csv"), visible=False, elem_id="csv")

        ui_only = {"api_visibility": "private"}
        chat_inputs = [chatbot, history, body_filter, year_filter, language]
        chat_outputs = [chatbot, history, picker, box]
        box.submit(respond, [box, *chat_inputs], chat_outputs, **ui_only)
        send.click(respond, [box, *chat_inputs], chat_outputs, **ui_only)
        picker.input(respond, [picker, *chat_inputs], chat_outputs, **ui_only)
        clear_button.click(clear, None, chat_outputs, **ui_only)
        detail_pick.change(report_detail, [detail_pick, language], detail, **ui_only)
        refresh_outputs = [reports_table, detail_pick, remove_pick, body_filter, stat_bodies, metric]
        ingest_button.click(upload, [files, token, language], [outcome, *refresh_outputs], **ui_only)
        remove_button.click(remove, [remove_pick, token, language], [outcome, *refresh_outputs], **ui_only)
        show.click(statistics, [metric, stat_bodies, language], [stat_table, bar, line, csv_file, stat_note], **ui_only)
        language.change(relabel, language, [heading, box, send, clear_button, body_filter, year_filter,
                                             chat_tab, reports_tab, stats_tab, reports_table], **ui_only)

        def answer(question: str, history: list[str] | None = None) -> dict:
            """The JSON object of `assistant ask --json`; ``history`` holds earlier questions of the conversation."""
            return service.ask(question, list(history or []))

        gr.api(answer, api_name="answer")
    return demo


def create_app(service: WebService):
    """FastAPI with the gradio app at / and each stored report's full text at /report/{source}."""
    import gradio as gr
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse

    app = FastAPI(title="disclosure-assistant", docs_url=None, redoc_url=None)

    @app.get("/report/{source:path}", response_class=HTMLResponse)
    def report(source: str, start: int | None = None, end: int | None = None):
        found = service.report_text(source)
        if found is None:
            return HTMLResponse(report_page(source, f"没有名为 {source} 的报告 / no stored report named {source}", None,
                                            None, None), status_code=404)
        text, meta = found
        return HTMLResponse(report_page(source, text, meta, start, end))

    return gr.mount_gradio_app(app, build_blocks(service), path="/", css=CSS, footer_links=["api"], ssr_mode=False)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@contextmanager
def running(settings: Settings, *, admin_token: str | None = None, host: str = "127.0.0.1", port: int = 0):
    """Serve in a background thread until the block ends; yields the base URL."""
    import uvicorn

    quiet_environment()
    service = WebService(settings, admin_token=admin_token)
    server = uvicorn.Server(uvicorn.Config(create_app(service), host=host, port=port or free_port(host),
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the web app did not start on {host}:{server.config.port}")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{server.config.port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        service.close()


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 7860, admin_token: str | None = None) -> None:
    """Serve until interrupted (``assistant serve``)."""
    import uvicorn

    quiet_environment()
    service = WebService(settings, admin_token=admin_token)
    port = port or free_port(host)
    count = len(service.reports())
    writing = "upload allowed with the admin token" if service.writable else "read-only (no admin token)"
    print(f"web chat over {settings.store_dir} ({count} reports, {writing}): http://{host}:{port}/", flush=True)
    threading.Thread(target=service.warm_up, daemon=True).start()
    try:
        uvicorn.run(create_app(service), host=host, port=port, log_level="warning")
    finally:
        service.close()
