"""What a figure stated in a sentence counts when the words right before it do not say: the words
after a remainder (其余7件|结转2017年办理), after a verb-ended label (公开了|21218条|政府信息), the
parts of the report itself (…等6个部分), a level changed (由原来的2人|增加到现在的5人), and a row of
the national template written as a sentence (行政规范性文件：制发件数2件，废止件数1件).

Pure functions of the stored text and one prose fact; ``pipeline`` picks the metric from them.
"""

from __future__ import annotations

import re

from assistant.records import Fact

# The words after a figure's unit, up to its clause's end: 其余7件|结转2017年办理.
_CLAUSE_AFTER_RE = re.compile(r"[^，,；;。：:（(\n]{0,20}")


# A figure named only as the rest of a count (已办结49件，其余3件结转2017年办理): its words come after it.
_REMAINDER_RE = re.compile(r"(?:其余|另有|剩余|余下|尚有)\W*$")
# ... unless they list several things (其余6件为不予公开、无法提供或不予处理): no one figure's name.
_LIST_RE = re.compile(r"[、和及或与]")


def words_after_a_remainder(text: str, fact: Fact) -> str:
    """What a sentence says right after a figure named only as the rest of a count (其余7件结转2017年
    办理: 结转2017年办理); '' for any other figure, or when the words list several things."""
    if not _REMAINDER_RE.search(fact.row_path[0]):
        return ""
    after = text[fact.value_span.end : fact.value_span.end + 40]
    if fact.unit and after.lstrip().startswith(fact.unit):
        after = after.lstrip()[len(fact.unit) :]
    words = _CLAUSE_AFTER_RE.match(after).group(0)  # type: ignore[union-attr]
    return "" if _LIST_RE.search(words) else words


# What a count of a text's own parts is followed by: 本报告由总体情况、…等6个部分组成.
_PARTS_OF_TEXT_RE = re.compile(r"\s*(?:个)?\s*(?:部分|方面|板块|章节)")


# The national template's section titles (一、总体情况 … 六、其他需要报告的事项): a figure after two
# or more of them counts the report's parts (包含总体情况、主动公开政府信息情况、…其他需要报告事项共6项).
_SECTION_TITLE_RE = re.compile(
    r"总体情况|概述|主动公开政府信息的?情况|收到和处理政府信息公开申请的?情况|行政复议[、和及]?行政诉讼的?情况"
    r"|存在的?主要问题及(?:其)?改进(?:情况|措施)|其他需要报告的?事项"
)


def counts_parts_of_text(text: str, fact: Fact) -> bool:
    """Whether a figure counts the parts of a text (…收到和处理政府信息公开申请情况…等6个部分; a list
    of the template's section titles before 共6项): the section names are no metric's words."""
    after = text[fact.value_span.end : fact.value_span.end + 8]
    if fact.unit and after.lstrip().startswith(fact.unit):
        after = after.lstrip()[len(fact.unit) :]
    return bool(_PARTS_OF_TEXT_RE.match(after)) or len(_SECTION_TITLE_RE.findall(fact.row_path[0])) >= 2


# A label that ends on its verb (通过不同渠道公开了|21218条|政府信息): what it counts is written after the unit.
_ENDS_ON_VERB_RE = re.compile(r"(?:公开|发布|公布|推送|刊发|报送|更新)了?$")
_COUNTED_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?=[，,。；;、（(：:\s]|$)")


def words_counted_after(text: str, fact: Fact) -> str:
    """The label with the words written right after its unit when the label ends on its verb
    (通过不同渠道公开了21218条政府信息: 通过不同渠道公开了政府信息); '' otherwise."""
    label = fact.row_path[0]
    if fact.kind != "prose" or not _ENDS_ON_VERB_RE.search(label):
        return ""
    after = text[fact.value_span.end : fact.value_span.end + 12].lstrip()
    if fact.unit and after.startswith(fact.unit):
        after = after[len(fact.unit) :]
    counted = _COUNTED_AFTER_RE.match(after)
    return label + counted.group(0) if counted else ""


# A level changed in one sentence (专兼职工作人员由原来的2人增加到现在的5人): the figure before 增加到 is
# the earlier level, no count of the year; the one after it is the level reached, named by the
# words before 由.
_CHANGE_TO_RE = r"(?:增加|增|提高|上升|扩大|扩充|减少|减|下降|降低|调整|变更)(?:到|至|为)"
_EARLIER_LEVEL_RE = re.compile(r"\s*" + _CHANGE_TO_RE)
_LEVEL_REACHED_RE = re.compile(r"由(?:原来的?|原先的?|原)?[^，,。；;]*?" + _CHANGE_TO_RE + r"(?:现在的?|目前的?|现有的?)?$")


def is_earlier_level(text: str, fact: Fact) -> bool:
    """Whether a figure is the level a sentence says was changed (由原来的2人|增加到…)."""
    after = text[fact.value_span.end : fact.value_span.end + 8]
    if fact.unit and after.lstrip().startswith(fact.unit):
        after = after.lstrip()[len(fact.unit) :]
    return fact.kind == "prose" and bool(_EARLIER_LEVEL_RE.match(after)) and "由" in fact.row_path[0]


def words_of_level_reached(fact: Fact) -> str:
    """The words naming a level reached (专兼职工作人员 of 专兼职工作人员由原来的2人增加到现在的); '' for
    any other figure."""
    label = fact.row_path[0]
    found = _LEVEL_REACHED_RE.search(label) if fact.kind == "prose" else None
    return label[: found.start()] if found else ""


# A row of the template written as a sentence: the row's name, a colon, then its columns with their
# figures (本年出台行政规范性文件:制发件数2件,废止件数1件,现行有效件数22件; 海南省生态环境厅 2022 of the
# development set). A figure named only by a column's words (件数, 数量) is that row's cell.
_COLUMN_WORDS_RE = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:件数|数量|总数|数)$")
_ROW_BEFORE_COLON_RE = re.compile(r"(?:^|[，,；;。])(?P<row>[^，,；;。:：0-9０-９]{2,24})[:：][^:：]*$")


def row_of_a_written_row(text: str, fact: Fact) -> str:
    """The row a figure named by a column's words belongs to, when its sentence writes a template
    row (行政规范性文件 for 废止件数 in 行政规范性文件:制发件数2件,废止件数1件); '' otherwise."""
    label = fact.row_path[0]
    if fact.kind != "prose" or len(fact.row_path) != 1 or not _COLUMN_WORDS_RE.match(label):
        return ""
    before = text[fact.span.start : fact.value_span.start]
    found = _ROW_BEFORE_COLON_RE.search(before)
    return found["row"].strip() if found else ""
