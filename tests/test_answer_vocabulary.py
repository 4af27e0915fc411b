"""The answering vocabulary (assistant/data/answer_vocabulary.yaml): it loads, its patterns read as
they did when they were Python literals, and the schema rejects a bad file naming file and key."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from assistant.answering.vocabulary import VocabularyError, load_vocabulary, parse_vocabulary, vocabulary
from assistant.errors import AssistantError


def _packaged_text() -> str:
    return resources.files("assistant").joinpath("data/answer_vocabulary.yaml").read_text(encoding="utf-8")


def test_loads_once_and_compiles_every_pattern():
    v = vocabulary()
    assert vocabulary() is v  # cached
    patterns = [v.named_applicant, v.asks_difference, v.asks_which, v.plans, v.asks_figure, v.all_on_time, v.area_code, v.digit_dash]
    patterns += list(v.contact_patterns.values()) + [p for pair in v.section_topics for p in pair]
    assert all(isinstance(p, re.Pattern) for p in patterns)
    assert set(v.contact_patterns) == {"fax", "phone", "postcode", "email", "address"}
    assert all(p.groups >= 1 for p in v.contact_patterns.values())


def test_patterns_read_as_the_python_literals_did():
    """Single-quoted YAML keeps \\b and \\d; a double-quoted one would have turned \\b into a backspace."""
    v = vocabulary()
    assert v.plans.pattern == r"计划|打算|下一步|明年|\bplan|\bnext year|\bintend|\bwill\b"
    assert v.plans.search("what will they do") and not v.plans.search("goodwill")
    assert v.area_code.pattern == r"^[（(](0\d{2,3})[）)]\s*"
    assert v.area_code.sub(r"\1-", "（0745）6238417") == "0745-6238417"
    assert v.digit_dash.sub("-", "0743—8215620") == "0743-8215620"
    assert v.named_applicant.search("，郭洋申请公开某文件")
    assert v.all_on_time.search("所有申请均已按时办结")
    assert v.asks_difference.search("多了几件") and v.asks_difference.search("how many more requests")
    assert v.asks_figure.search("收到多少申请")
    assert v.contact_patterns["phone"].search("联系电话：\n0738-5550463").group(1) == "0738-5550463"
    assert v.contact_patterns["email"].search("邮箱：a.b@c.gov.cn").group(1) == "a.b@c.gov.cn"
    asked, heading = v.section_topics[0]
    assert asked.flags & re.I and not heading.flags & re.I
    assert v.section_topic("What PROBLEMS remain?") is heading
    assert v.section_topic("收到多少申请") is None


def test_words_stay_strings():
    v = vocabulary()
    assert v.whole_columns == (None, "统计数", "总计", "合计")
    assert v.legal_entity_columns == ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    assert all(isinstance(w, str) for w in v.question_words) and "信息公开" in v.question_words


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (("question_words: [", "question_words: [yes, "), "question_words"),  # a bare yes is a boolean
        (("  plans: '", "  plans: '(unclosed"), "patterns.plans"),
        (("  plans: '", "  plan: '"), "patterns"),
        (("  email: '([A-Za-z0-9._%+-]+", "  email: '(?:[A-Za-z0-9._%+-]+"), "contact_patterns.email"),
        (("  - asked: '培训|train'", "  - asked: ''"), "section_topics[2].asked"),
        (("columns:", "kolumns:"), "kolumns"),
    ],
)
def test_schema_rejects_a_bad_file_naming_file_and_key(tmp_path, change, key):
    old, new = change
    text = _packaged_text()
    assert old in text
    bad = tmp_path / "vocabulary.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(bad)
    assert isinstance(caught.value, AssistantError)
    message = str(caught.value)
    assert str(bad) in message and key in message


def test_rejects_what_is_not_yaml_or_not_a_mapping():
    with pytest.raises(VocabularyError, match="x.yaml: not valid YAML"):
        parse_vocabulary("columns: [", "x.yaml")
    with pytest.raises(VocabularyError, match="x.yaml: expected a mapping"):
        parse_vocabulary("- a", "x.yaml")
