"""Consistency findings at ingest: figures of one report that should agree and do not.

The checks, all on the facts of a single report:
- enumerated parts (1. 2. 3. / （一）（二）) that do not add up to their parent row, a 总计
  row that is not the sum of its siblings, a 总计 column that is not the sum of the row;
- a figure stated in prose that differs from the table value of the same metric;
- a sentence claiming every request was settled on time while the table counts late ones;
- a total stated in a sentence against the parts listed after it (``prose_list_findings``);
- new requests that the settled and carried-on requests sentences state cannot account for
  (``balance_findings``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.ingest.numbers import format_value
from assistant.ingest.prose import is_change
from assistant.records import Fact, Finding, Span

_ENUMERATED_RE = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十]+\s*[）)]|\d+\s*[.．、]|[一二三四五六七八九十]+\s*[、.．])")
_TOTAL_RE = re.compile(r"(?:^|[）)、.．\s])(?:总计|合计)$")
_TOTAL_COLUMNS = ("总计", "合计")
_WHOLE_COLUMNS = (None, "统计数", "总计", "合计")


def find_inconsistencies(facts: Sequence[Fact], all_on_time_claims: Sequence[Span] = ()) -> tuple[Finding, ...]:
    table = [f for f in facts if f.kind == "table"]
    findings = _parts_vs_parent(table) + _total_rows(table) + _total_columns(table)
    findings += _prose_vs_table(facts)
    findings += _on_time_claims(table, all_on_time_claims)
    unique = {finding.id: finding for finding in findings}
    return tuple(unique.values())


# Words that open a list of parts after a total (共公开信息46条，按类别分：工作动态36条…); the
# complete ones say every part is listed, so the parts must add up to the total.
_LIST_MARKER_RE = re.compile(r"其中|按类别分|按类别|分别为|分别是|具体为|包括")
_COMPLETE_LIST_RE = re.compile(r"按类别分|按类别|分别为|分别是|具体为")
_ITEM_LABEL_CHARS = 16
_INCLUDED_LABEL_CHARS = 30
_NESTED_LIST_RE = re.compile(r"其中|包括|含|分别")
# A part named "other" (其他文件, 其它类信息, 其他处理): the list covers every part.
_OTHER_PART_RE = re.compile(r"[、，,：:]\s*其[他它]|^\W*其[他它]")


def prose_list_findings(text: str, facts: Sequence[Fact], parent_of: Callable[[str], str | None] = lambda _: None) -> tuple[Finding, ...]:
    """A total stated in a sentence against the parts listed after it (其中/按类别分…): a finding
    when the parts add up to more than the total, or, for a list that names every part
    (按类别分, 分别为), to anything else. A partial list (其中政策文件6条) may add up to less.
    ``parent_of`` gives a metric's parent: a clause after 包括 that counts another figure than a
    part of the total (包括当面申请3件，办结申请11件) ends its list."""
    prose = sorted(
        (f for f in facts if f.kind == "prose" and f.value is not None and f.unit not in ("%", None) and not is_change(f.row_path[0])),
        key=lambda f: f.value_span.start,
    )
    found = []
    for index, total in enumerate(prose[:-1]):
        first = prose[index + 1]
        between = text[total.value_span.end : first.value_span.start]
        marker = _LIST_MARKER_RE.search(between)
        if not marker or re.search(r"[0-9０-９。；;\n）)]", between[: marker.start()]) or first.unit != total.unit:
            continue  # (a figure in brackets before 其中 leaves the total unclear)
        # 包括 lists the parts themselves, their labels as long as a channel's (包括政府网站35条，新华社、
        # 新甘肃等媒体上发布信息80条，…微信公众号2443条: 临洮县新添镇 2022)
        including = marker.group() == "包括"
        longest = _INCLUDED_LABEL_CHARS if including else _ITEM_LABEL_CHARS
        items, separator, gaps = [first], None, [between[marker.end() :]]
        for following in prose[index + 2 :]:
            gap = text[items[-1].value_span.end : following.value_span.start]
            if following.unit != total.unit or len(gap) > longest or re.search(r"[0-9０-９。；;\n]", gap):
                break
            if including and total.metric and following.metric not in (None, total.metric) and parent_of(following.metric) != total.metric:
                break
            mark = next((c for c in gap if c in "、，,"), None)
            if mark is None or (separator is not None and mark != separator) or _NESTED_LIST_RE.search(gap):
                break  # (…1233条，含规范性文件2条、其他1231条: the parts of a part are no parts of the total)
            separator = mark
            items.append(following)
            gaps.append(gap)
        # a list that says it names every part (按类别分, 分别为), or that names an "other" part
        # (其他文件4条, 其他处理76件), must add up to the total
        complete = bool(_COMPLETE_LIST_RE.search(between)) or any(_OTHER_PART_RE.search(gap) for gap in gaps)
        if not complete and separator != "、" and not including:
            # 其中网络申请11件，申请办结数8件: after 其中 only 、 joins parts of a partial list; the
            # clauses a comma joins are figures of their own
            items = items[:1]
        if len(items) < 2:
            continue
        parts_sum = _sum(items)
        if parts_sum > total.value + 1e-6 or (complete and abs(parts_sum - total.value) > 1e-6):
            names = "、".join(f"{i.row_path[0]}{format_value(i.value)}" for i in items)
            message = (
                f"{total.row_path[0]} {format_value(total.value)}{total.unit}, but the parts listed after it add up to "
                f"{format_value(parts_sum)} ({names})"
            )
            evidence = ((total.value, total.value_span),) + tuple((i.value, i.value_span) for i in items)
            found.append(Finding(kind="parts_vs_total", metric=total.metric, message=message, evidence=evidence))
    return tuple(found)


def _sum(parts: Sequence[Fact]) -> float:
    return sum(p.value for p in parts)  # type: ignore[misc]


def _mismatch(total: Fact, parts: Sequence[Fact], what: str) -> Finding | None:
    if total.value is None or len(parts) < 2 or any(p.value is None for p in parts):
        return None
    parts_sum = _sum(parts)
    if abs(parts_sum - total.value) < 1e-6:
        return None
    names = " + ".join(f"{p.row_path[-1] if what != 'columns' else p.column} {format_value(p.value)}" for p in parts)
    message = (
        f"{total.label}{' [' + total.column + ']' if what == 'columns' else ''} = {format_value(total.value)}, "
        f"but its {what} add up to {format_value(parts_sum)} ({names})"
    )
    evidence = ((total.value, total.span),) + tuple((p.value, p.span) for p in parts)
    return Finding(kind="parts_vs_total", metric=total.metric, message=message, evidence=evidence)


def _parts_vs_parent(facts: Sequence[Fact]) -> list[Finding]:
    """A parent row against its enumerated child rows (其中 rows are not a partition)."""
    children: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        leaf = fact.row_path[-1]
        if len(fact.row_path) > 1 and _ENUMERATED_RE.match(leaf) and not _TOTAL_RE.search(leaf):
            children[(fact.table, fact.row_path[:-1], fact.column)].append(fact)
    found = []
    for fact in facts:
        parts = children.get((fact.table, fact.row_path, fact.column), [])
        finding = _mismatch(fact, parts, "parts")
        if finding:
            found.append(finding)
    return found


def _total_rows(facts: Sequence[Fact]) -> list[Finding]:
    """A （七）总计 row against its enumerated sibling rows.

    A sibling without figures of its own (（三）不予公开 in the national table) counts as the sum of
    its enumerated child rows.
    """
    found = []
    for total in facts:
        if not _TOTAL_RE.search(total.row_path[-1]):
            continue
        parent, depth = total.row_path[:-1], len(total.row_path)
        same_cells = [f for f in facts if f.table == total.table and f.column == total.column]
        siblings = dict.fromkeys(
            f.row_path[:depth]
            for f in same_cells
            if len(f.row_path) >= depth
            and f.row_path[: depth - 1] == parent
            and f.row_path[depth - 1] != total.row_path[-1]
            and _ENUMERATED_RE.match(f.row_path[depth - 1])
        )
        parts: list[Fact] = []
        for path in siblings:
            own = [f for f in same_cells if f.row_path == path]
            if own:
                parts.append(own[0])
                continue
            children = [f for f in same_cells if len(f.row_path) == depth + 1 and f.row_path[:depth] == path]
            if not children or any(c.value is None for c in children):
                parts = []
                break
            parts.append(replace(children[0], row_path=path, value=_sum(children)))
        finding = _mismatch(total, parts, "rows") if len(parts) == len(siblings) else None
        if finding:
            found.append(finding)
    return found


def _total_columns(facts: Sequence[Fact]) -> list[Finding]:
    """A 总计 column against the other cells of its row."""
    rows: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.column is not None:
            rows[(fact.table, fact.row_path, fact.span)].append(fact)
    found = []
    for cells in rows.values():
        totals = [c for c in cells if c.column in _TOTAL_COLUMNS]
        if len(totals) != 1:
            continue
        parts = [c for c in cells if c.column not in _TOTAL_COLUMNS]
        finding = _mismatch(totals[0], parts, "columns")
        if finding:
            found.append(finding)
    return found


def _prose_vs_table(facts: Sequence[Fact]) -> list[Finding]:
    by_metric: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.metric and fact.value is not None and fact.column in _WHOLE_COLUMNS:
            by_metric[fact.metric].append(fact)
    found = []
    for metric, group in by_metric.items():
        table = [f for f in group if f.kind == "table"]
        prose = [f for f in group if f.kind == "prose"]
        for stated in prose:
            for counted in table:
                if abs(_in_table_unit(stated, counted) - counted.value) > 1e-6:  # type: ignore[operator]
                    found.append(
                        Finding(
                            kind="prose_vs_table",
                            metric=metric,
                            message=(
                                f"the text says {format_value(stated.value)}{stated.unit or ''} "
                                f"({stated.row_path[0]}) but the table says {format_value(counted.value)}"
                                f"{counted.unit or ''} ({counted.label})"
                            ),
                            evidence=((stated.value, stated.span), (counted.value, counted.span)),
                        )
                    )
    return found


def _in_table_unit(stated: Fact, counted: Fact) -> float:
    """The prose value in the table's unit: text writes 收取费用150元 where the table counts 万元."""
    if stated.unit == "元" and counted.unit == "万元":
        return stated.value / 10_000  # type: ignore[operator]
    return stated.value  # type: ignore[return-value]


def _on_time_claims(facts: Sequence[Fact], claims: Sequence[Span]) -> list[Finding]:
    late = [f for f in facts if f.metric == "requests_late" and f.value]
    on_time = [f for f in facts if f.metric == "requests_on_time" and f.value is not None]
    found = []
    for claim in claims:
        for counted in late:
            evidence = ((None, claim),) + tuple((f.value, f.span) for f in on_time) + ((counted.value, counted.span),)
            on_time_text = f"{format_value(on_time[0].value)} on time and " if on_time else ""
            found.append(
                Finding(
                    kind="prose_vs_table",
                    metric="requests_on_time",
                    message=(
                        "the text says every request was settled on time, but the table counts "
                        f"{on_time_text}{format_value(counted.value)} late ({counted.label})"
                    ),
                    evidence=evidence,
                )
            )
    return found


def identity_findings(facts: Sequence[Fact], catalogue) -> tuple[Finding, ...]:
    """本年新收 + 上年结转 = （七）总计 + 结转下年度 where the decoded request table breaks it (the
    template's other identities are the parts and totals checked above)."""
    from assistant.ingest.table_arithmetic import identities_of_facts

    checks = identities_of_facts(facts, catalogue.children)
    found = []
    for check in checks[:1]:
        if check.holds is not False:
            continue
        involved = [f for f in facts if f.kind == "table" and f.metric in _CARRY_METRICS and f.value is not None]
        evidence = tuple(dict.fromkeys((f.value, f.span) for f in involved))
        found.append(Finding(kind="identity", metric="outcome_total", message=f"{check.name}: {check.detail}", evidence=evidence))
    return tuple(found)


_CARRY_METRICS = ("requests_received", "requests_carried_over_from_last_year", "outcome_total", "requests_carried_to_next_year")


# The request table's balance written in sentences: every request of the year (新收, and those 上年
# 结转 when stated) is either settled or carried on to the next year.
_COUNTED = ("件", "个", "宗", "起", "条", "项")


def balance_findings(facts: Sequence[Fact]) -> tuple[Finding, ...]:
    """New requests that what a report's sentences say was settled and carried on cannot account
    for (受理11件…办结8件，结转下一年办理1件: 9, not 11), or, when the carried-over requests are
    stated, settled and carried on adding up to neither the new requests (含上年结转3件 counts them
    in) nor the new and carried over together. Table cells are checked by ``identity_findings``."""
    prose = [f for f in facts if f.kind == "prose" and f.value is not None and f.unit in _COUNTED]

    def stated(*metrics: str) -> Fact | None:
        for metric in metrics:
            of_metric = [f for f in prose if f.metric == metric]
            if of_metric:
                return of_metric[0] if len({f.value for f in of_metric}) == 1 else None
        return None

    received, settled = stated("requests_received"), stated("requests_completed", "outcome_total")
    onward, carried_in = stated("requests_carried_to_next_year"), stated("requests_carried_over_from_last_year")
    if not (received and settled and onward):
        return ()
    went = settled.value + onward.value
    balances = (received.value,) if carried_in is None else (received.value, received.value + carried_in.value)
    if any(abs(went - came) < 1e-6 for came in balances) or (carried_in is None and went > received.value):
        return ()  # (unstated carried-over requests may make up a larger outflow)
    message = (
        f"{received.row_path[0]} {format_value(received.value)}{received.unit}, but {settled.row_path[0]} "
        f"{format_value(settled.value)} + {onward.row_path[0]} {format_value(onward.value)} = {format_value(went)}"
    )
    sides = (received, settled, onward) + ((carried_in,) if carried_in else ())
    evidence = tuple((f.value, f.value_span) for f in sides)
    return (Finding(kind="balance", metric=received.metric, message=message, evidence=evidence),)
