"""The SQLite fact store, on a small hand-built report."""

from __future__ import annotations

import sqlite3

import pytest

from assistant.errors import StoreError
from assistant.records import Chunk, Document, Fact, Finding, ParsedReport, ReportMeta, Span, content_hash
from assistant.store.facts_db import FactStore
from assistant.store.keyword import KeywordTokenizer

TEXT = (
    "西集镇2018年政府信息公开工作年度报告\n"
    "四、教育培训工作\n"
    "西集镇政府共组织各类培训班5次，接受培训人员267人。\n"
    "五、依申请公开工作情况\n"
    "截止到2018年12月31日，发生依申请公开6件。所有申请均已按规定时限按时办结。\n"
    "统计表\n（一）收到申请数 | 件 | 6\n1.按时办结数 | 件 | 5\n"
)


def _span(text, needle):
    start = text.index(needle)
    return Span(start, start + len(needle))


def _line_after(text, heading):
    start = text.index(heading) + len(heading)
    return Span(start, text.index("\n", start))


def _report(text=TEXT, name="000_xiji.txt", body="西集镇", year=2018, aliases=("西集", "通州区西集镇", "Xiji", "Xiji Town")):
    received_row = _span(text, "（一）收到申请数 | 件 | 6")
    on_time_row = _span(text, "1.按时办结数 | 件 | 5")
    received = Fact("table", "统计表", ("（一）收到申请数",), "统计数", 6.0, "件", "6", received_row,
                    Span(received_row.end - 1, received_row.end), metric="requests_received")
    on_time = Fact("table", "统计表", ("（一）收到申请数", "1.按时办结数"), "统计数", 5.0, "件", "5", on_time_row,
                   Span(on_time_row.end - 1, on_time_row.end), metric="requests_on_time")
    training_line = _line_after(text, "四、教育培训工作\n")
    five = training_line.start + text[training_line.start : training_line.end].index("班") + 1
    training = Fact("prose", "四、教育培训工作", ("培训班",), None, float(text[five]), "次", text[five], training_line,
                    Span(five, five + 1), metric="training_sessions")
    requests_line = _line_after(text, "五、依申请公开工作情况\n")
    claim = _span(text, "所有申请均已按规定时限按时办结。")
    finding = Finding("prose_vs_table", "requests_on_time", "prose says all on time; table says 5 of 6",
                      ((None, claim), (5.0, on_time_row)))
    passages = [
        Chunk("passage", "四、教育培训工作", text[text.index("四、") : training_line.end],
              Span(text.index("四、"), training_line.end)),
        Chunk("passage", "五、依申请公开工作情况", text[text.index("五、") : requests_line.end],
              Span(text.index("五、"), requests_line.end)),
    ]
    rows = [
        Chunk("table_row", "统计表", "统计表 › （一）收到申请数: 6 件", received_row),
        Chunk("table_row", "统计表", "统计表 › （一）收到申请数 › 1.按时办结数: 5 件", on_time_row),
    ]
    meta = ReportMeta(body=body, short_name=body[:-1] if body else None, parent="通州区", level="镇", year=year,
                      aliases=tuple(aliases))
    document = Document(name=name, path=f"/data/{name}", text=text, file_type="txt", warnings=("a warning",))
    return ParsedReport(document, meta, "old_table", (received, on_time, training), (finding,), (*passages, *rows),
                        warnings=("a warning",))


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    return KeywordTokenizer(cache_dir=tmp_path_factory.mktemp("jieba"))


@pytest.fixture
def store(tmp_path, tokenizer):
    # a fresh tokenizer per store (user dictionaries must not leak between tests); jieba's
    # prefix-dictionary cache is shared through the module's cache dir
    with FactStore(tmp_path / "facts.sqlite", tokenizer=KeywordTokenizer(cache_dir=tokenizer._cache_dir)) as s:
        yield s


def test_write_and_read_back(store):
    parsed = _report()
    store.write_report(parsed, ingested_at="2024-01-01T00:00:00+00:00")
    report = store.get_report_by_source("000_xiji.txt")
    assert report["report_id"] == parsed.report_id == parsed.document.sha256[:16]
    assert report["body"] == "西集镇" and report["year"] == 2018 and report["aliases"][0] == "西集"
    assert store.get_report_by_hash(parsed.document.sha256)["source"] == "000_xiji.txt"
    assert store.get_report_by_source("nope.txt") is None
    assert store.report_text("000_xiji.txt") == TEXT

    listed = store.list_reports()
    assert [(r["source"], r["facts"], r["findings"], r["warnings"]) for r in listed] == [("000_xiji.txt", 3, 1, 1)]

    for body in ("西集镇", "西集", "通州区西集镇", "xiji", "XIJI TOWN"):
        facts = store.query_facts(body=body, year=2018, metric="requests_received")
        assert [f["value"] for f in facts] == [6.0], body
    fact = store.query_facts(metric="requests_on_time")[0]
    assert fact["row_path"] == "（一）收到申请数 › 1.按时办结数" and fact["column_name"] == "统计数"
    assert TEXT[fact["start"] : fact["end"]].endswith("5") and TEXT[fact["value_start"] : fact["value_end"]] == "5"
    assert store.query_facts(body="巨各庄") == [] and store.query_facts(year=2017) == []
    assert len(store.query_facts(source="000_xiji.txt")) == 3

    findings = store.findings(source="000_xiji.txt")
    assert findings[0]["metric"] == "requests_on_time"
    (v1, s1, e1), (v2, s2, e2) = findings[0]["evidence"]
    assert v1 is None and TEXT[s1:e1] == "所有申请均已按规定时限按时办结。" and v2 == 5.0

    ids = store.chunk_ids("000_xiji.txt")
    assert len(ids) == 2  # only passages are embedded
    assert len(store.chunk_ids("000_xiji.txt", embedded_only=False)) == 4
    chunks = store.get_chunks(ids)
    assert [c["kind"] for c in chunks] == ["passage", "passage"] and chunks[0]["source"] == "000_xiji.txt"


def test_keyword_search(store):
    store.write_report(_report(), ingested_at="t")
    other = _report(
        text=TEXT.replace("西集镇", "巨各庄镇").replace("培训班5次", "培训班7次"),
        name="004_jugezhuang.txt", body="巨各庄镇", year=2017, aliases=("巨各庄", "Jugezhuang"),
    )
    store.write_report(other, ingested_at="t")
    xiji = store.keyword_search("西集", k=10)
    assert xiji and {c["source"] for c in store.get_chunks([i for i, _ in xiji])} == {"000_xiji.txt"}
    assert all(score > 0 for _, score in xiji)
    training = store.keyword_search("培训", k=10)
    assert len(training) == 2  # one passage per report
    only_2017 = store.keyword_search("培训", year=2017)
    assert {c["source"] for c in store.get_chunks([i for i, _ in only_2017])} == {"004_jugezhuang.txt"}
    by_short_name = store.keyword_search("培训", body="西集")
    assert by_short_name == store.keyword_search("培训", body="Xiji Town") == store.keyword_search("培训", body="西集镇")
    assert {c["source"] for c in store.get_chunks([i for i, _ in by_short_name])} == {"000_xiji.txt"}
    assert store.keyword_search("收到申请数", kinds=["table_row"])
    assert all(c["kind"] == "table_row" for c in store.get_chunks(
        [i for i, _ in store.keyword_search("收到申请数", kinds=["table_row"])]))
    # FTS5 syntax in user input is inert
    for hostile in ('"', 'NEAR(西集 培训)', "tokens:西集", "西集 OR *", "') DROP TABLE chunks; --", ""):
        store.keyword_search(hostile)
    assert store.keyword_search("，。！") == []


def test_new_names_reindex_earlier_chunks(store):
    # a chunk mentioning 巨各庄镇 is stored before any report names that body
    first = _report(text=TEXT.replace("接受培训人员267人", "与巨各庄镇联合培训267人"))
    store.write_report(first, ingested_at="t")
    other = _report(text=TEXT.replace("西集镇", "巨各庄镇"), name="b.txt", body="巨各庄镇", year=2017,
                    aliases=("巨各庄",))
    store.write_report(other, ingested_at="t")
    sources = {c["source"] for c in store.get_chunks([i for i, _ in store.keyword_search("巨各庄", k=20)])}
    assert sources == {"000_xiji.txt", "b.txt"}
    store.add_keywords(["依申请公开"])
    assert store.keyword_search("依申请公开")


def test_replace_on_same_source_and_remove_cascades(store, tmp_path):
    store.write_report(_report(), ingested_at="t1")
    changed = _report(text=TEXT.replace("培训班5次", "培训班8次"))
    store.write_report(changed, ingested_at="t2")
    reports = store.list_reports()
    assert len(reports) == 1 and reports[0]["ingested_at"] == "t2" and reports[0]["report_id"] == changed.report_id
    assert len(store.query_facts()) == 3
    assert "培训班8次" in store.get_chunks(store.chunk_ids("000_xiji.txt"))[0]["text"]
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT count(*) FROM chunks").fetchone()[0] == 4
    assert conn.execute("SELECT count(*) FROM chunks_fts").fetchone()[0] == 4

    removed = store.remove_report("000_xiji.txt")
    assert sorted(removed) == sorted(c.id for c in changed.chunks if c.kind == "passage")
    for table in ("reports", "facts", "findings", "chunks", "chunks_fts"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert store.remove_report("000_xiji.txt") == []
    assert store.keyword_search("培训") == []


def test_shared_chunk_ids_survive_removal_of_one_report(store):
    a = _report()
    b = _report(text=TEXT + "附：补充说明。\n", name="copy.txt")  # same chunks, different document
    store.write_report(a, ingested_at="t")
    store.write_report(b, ingested_at="t")
    assert store.remove_report("copy.txt") == []  # still used by 000_xiji.txt
    assert len(store.remove_report("000_xiji.txt")) == 2


def test_embedding_cache_round_trip(store):
    vectors = {content_hash("a"): [0.25, -0.5, 1.0], content_hash("b"): [0.0, 0.1, 0.2]}
    assert store.cached_vectors(vectors, "hash-3") == {}
    store.cache_vectors(vectors, "hash-3")
    got = store.cached_vectors([*vectors, "unknown"], "hash-3")
    assert set(got) == set(vectors)
    assert got[content_hash("a")] == [0.25, -0.5, 1.0]
    assert all(abs(x - y) < 1e-6 for x, y in zip(got[content_hash("b")], vectors[content_hash("b")]))
    assert store.cached_vectors(vectors, "other-embedder") == {}


def test_schema_is_queryable_by_hand(store):
    store.write_report(_report(), ingested_at="t")
    conn = sqlite3.connect(store.path)
    value, quote, source = conn.execute(
        "SELECT value, quote, source FROM v_facts WHERE body = '西集镇' AND year = 2018 AND metric = 'requests_received'"
    ).fetchone()
    assert value == 6 and quote == "（一）收到申请数 | 件 | 6" and source == "000_xiji.txt"
    assert conn.execute("SELECT count(*) FROM v_findings").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    strict = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'facts'").fetchone()[0]
    assert "STRICT" in strict and "--" in strict  # commented for readers
    with pytest.raises(sqlite3.IntegrityError):  # foreign keys are declared
        c2 = sqlite3.connect(store.path)
        c2.execute("PRAGMA foreign_keys = ON")
        c2.execute("INSERT INTO facts (id, report_id, kind, table_name, row_path, row_path_json, raw, start, end,"
                   " value_start, value_end) VALUES ('x', 'missing', 'table', 't', 'r', '[]', '1', 0, 1, 0, 1)")


def test_reopen_and_errors(tmp_path, tokenizer):
    with FactStore(tmp_path / "store", tokenizer=KeywordTokenizer(cache_dir=tokenizer._cache_dir)) as store:
        store.write_report(_report(), ingested_at="t")
        assert store.path == tmp_path / "store" / "facts.sqlite"
    with FactStore(tmp_path / "store" / "facts.sqlite") as store:  # its own tokenizer, dictionary reloaded
        assert "西集" in store.tokenizer.words
        assert store.keyword_search("西集")
    with pytest.raises(StoreError):
        FactStore(tmp_path / "absent", create=False)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        FactStore(bad)
    closed = FactStore(tmp_path / "c.sqlite")
    closed.close()
    with pytest.raises(StoreError):
        closed.list_reports()
