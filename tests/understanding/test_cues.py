"""The question vocabulary is data: it loads, every cue compiles, a bad file is refused by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.errors import AssistantError, DataFileError
from assistant.understanding import cues
from assistant.understanding.cues import CONDITIONS, cue_pattern, load_cues, load_departments

PACKAGED = Path(cues.__file__).resolve().parent.parent / "data" / "question_cues.yaml"


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _packaged() -> dict:
    return yaml.safe_load(PACKAGED.read_text(encoding="utf-8"))


def test_packaged_cues_load_and_compile():
    loaded = load_cues()
    assert loaded is load_cues()  # read once
    assert [intent for intent, _, _ in loaded.intent_rules][:5] == ["report_year", "report_date", "report_number", "written", "contact"]  # order kept
    assert {condition for _, condition, _ in loaded.intent_rules} <= CONDITIONS
    tables = [
        *(c for _, _, c in loaded.intent_rules), *loaded.breakdown_cues.values(), *loaded.contact_cues.values(),
        loaded.name_cues, loaded.all_years_cues, loaded.follow_up_cues, loaded.across_bodies_cues,
        loaded.person_cues, *loaded.result_cues.values(), [c for c, _ in loaded.fallback_metric_cues],
        *(c for _, c in loaded.column_cues), [c for c, _ in loaded.en_topic_terms],
        [c for c, _ in loaded.zh_topic_terms], loaded.not_a_count_cues,
    ]
    for table in tables:
        assert isinstance(cue_pattern(table), re.Pattern)
    assert r"\b" in loaded.intent_rules[-1][2][0]  # single quotes kept the backslash
    assert list(loaded.contact_cues) == ["fax", "phone", "postcode", "email", "address"]  # a tie: the first wins
    assert loaded.places["zh_levels"][0] == "街道"


def test_the_module_tables_are_the_packaged_file():
    assert cues.INTENT_RULES == load_cues().intent_rules
    assert cues.BREAKDOWN_OF_METRIC["lawsuits"] == "outcome"


def test_a_missing_key_is_named(tmp_path):
    data = _packaged()
    del data["name_cues"]
    with pytest.raises(DataFileError, match=r"cues\.yaml: .*missing key\(s\) name_cues"):
        load_cues(_write(tmp_path, data))


def test_a_bad_cue_is_named_with_its_key(tmp_path):
    data = _packaged()
    data["follow_up_cues"].append("(unclosed")
    with pytest.raises(AssistantError, match=r"cues\.yaml: follow_up_cues\[\d+\]: cue '\(unclosed' is no regular expression"):
        load_cues(_write(tmp_path, data))


def test_an_unquoted_boolean_is_refused(tmp_path):
    data = _packaged()
    data["intent_rules"][0]["cues"].append(True)  # what a bare yes in YAML becomes
    with pytest.raises(DataFileError, match=r"intent_rules\[0\]\.cues\[\d+\]: expected a non-empty string, got True"):
        load_cues(_write(tmp_path, data))


def test_an_unknown_condition_is_refused(tmp_path):
    data = _packaged()
    data["intent_rules"][1]["when"] = "sometimes"
    with pytest.raises(DataFileError, match=r"intent_rules\[1\]\.when: unknown condition 'sometimes'"):
        load_cues(_write(tmp_path, data))


def test_an_unknown_key_and_bad_yaml_are_refused(tmp_path):
    data = _packaged()
    data["places"]["zh_levle"] = ["镇"]
    with pytest.raises(DataFileError, match=r"places: unknown key\(s\) zh_levle"):
        load_cues(_write(tmp_path, data))
    broken = tmp_path / "broken.yaml"
    broken.write_text("intent_rules: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.yaml: not valid YAML"):
        load_cues(broken)


def test_departments_are_checked():
    entries = load_departments()
    assert all(isinstance(e["zh"], str) and e["en"] for e in entries)
    assert [len(e["zh"]) for e in entries] == sorted((len(e["zh"]) for e in entries), reverse=True)
    with pytest.raises(DataFileError, match=r"departments\.yaml: 教育局\.en: expected a non-empty list"):
        cues._check_departments([{"zh": "教育局", "en": []}], "assistant/data/departments.yaml")
    with pytest.raises(DataFileError, match=r"\[0\]: unknown key\(s\) english"):
        cues._check_departments([{"zh": "教育局", "english": ["Education Bureau"]}], "departments.yaml")
