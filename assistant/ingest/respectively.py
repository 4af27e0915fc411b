"""Figures paired with the things a sentence lists before 分别 ("respectively").

Real reports often give several channels' or categories' figures in one clause:
「广州医保」微信公众号、官方抖音号分别发布信息255条、63条 (a 2025 city bureau's report),
政务动态和村务公开两项内容…分别为总数的28%和20% (a 2010 town's report). The n-th figure after
分别 belongs to the n-th thing named before it; its label is that name with the words between
分别 and the first figure (微信公众号发布信息, 官方抖音号发布信息). Nothing is paired unless the
numbers of names and figures agree and the figures follow one another with only 、，和 between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_RESPECTIVELY_RE = re.compile(r"分别")
_CLAUSE_MARKS = "，,；;：:。"
# the things named: 微信公众号、官方抖音号 / 政务动态和村务公开 / 网站、微博及公开栏
_NAME_SEPARATOR_RE = re.compile(r"、|以及|及|和|与")
# a count of the things named closes the list (政务动态和村务公开两项内容占比也最大)
_COUNT_OF_NAMES_RE = re.compile(r"(?:这|等)?[两二三四五六七八九十0-9０-９]+(?:项|个|类|种|大类|方面)[^、和及与]*$")
_BETWEEN_FIGURES_RE = re.compile(r"^\s*(?:、|，|,|和|及|与|以及)\s*$")
_NAME_STRIP = "，,、：: \t\n\u3000\u00a0"


def respective_labels(sentence: str, figures: Sequence[tuple[int, int]]) -> dict[int, str]:
    """Label per figure start for the figures a 分别 clause pairs with the names before it."""
    labels: dict[int, str] = {}
    ordered = sorted(figures)
    for mark in _RESPECTIVELY_RE.finditer(sentence):
        named = _clause_before(sentence, mark.start())
        if not named.strip(_NAME_STRIP):  # …两项内容占比也最大，分别为总数的28%和20%: the clause before
            named = _clause_before(sentence, mark.start() - 1)
        if re.search(r"[0-9０-９]", named):
            continue  # 受理12件、办结11件，分别…: the figures come first, nothing to pair
        named = _COUNT_OF_NAMES_RE.sub("", named)
        names = [n.strip(_NAME_STRIP) for n in _NAME_SEPARATOR_RE.split(named)]
        if len(names) < 2 or not all(names):
            continue
        run = _figures_in_a_row(sentence, [f for f in ordered if f[0] >= mark.end()])
        if not run:
            continue
        between = sentence[mark.end() : run[0][0]]
        if any(c in _CLAUSE_MARKS for c in between) or len(between) > 12 or len(run) != len(names):
            continue
        done = between.strip(_NAME_STRIP)  # what was done: 发布信息, 为总数的
        for name, (start, _) in zip(names, run):
            labels[start] = name + done
    return labels


def _clause_before(sentence: str, position: int) -> str:
    return sentence[max(sentence.rfind(c, 0, position) for c in _CLAUSE_MARKS) + 1 : max(position, 0)]


def _figures_in_a_row(sentence: str, figures: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The figures from the first one on that follow each other with only 、 or 和 between them."""
    run: list[tuple[int, int]] = []
    for start, end in figures:
        if run and not _BETWEEN_FIGURES_RE.match(sentence[run[-1][1] : start]):
            break
        run.append((start, end))
    return run
