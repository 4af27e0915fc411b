"""A question's parts (one for now, equal to its flat fields) and the directory's scored candidates."""

from __future__ import annotations

import dataclasses
import re

import pytest

from assistant.catalogue import load_catalogue
from assistant.understanding import BodyDirectory, Question, QuestionPart, parse_question
from assistant.understanding.places import BodyCandidate
from tests.understanding.test_question import REPORTS, XI, XL

QUESTIONS = [
    "西集镇2018年收到多少政府信息公开申请",
    "How many requests did Xiji Town receive in 2018?",
    "西集镇和巨各庄镇哪个收到的申请多",
    "星岚镇历年收到的申请分别是多少",
    "星岚镇2021年按渠道收到的申请分别是多少",
    "西集镇的联系电话是多少",
    "星岚镇2021年自然人申请多少件",
    "西集镇信息公开存在哪些问题",
    "珀溪镇2016年、棠岑街道2018年收到多少申请",
    "通州区西集镇和星岚2020至2021年一共收到多少申请",
    "青云镇2018年收到多少申请",
]
FOLLOW_UPS = ["那2017年呢？", "巨各庄呢？", "and by channel?", "How many of them were upheld?"]
FLAT = ("bodies", "years", "all_years", "metrics", "intent", "breakdown", "contact", "column")


@pytest.fixture(scope="module")
def directory() -> BodyDirectory:
    return BodyDirectory.from_reports(REPORTS)


@pytest.fixture(scope="module")
def parse(directory):
    catalogue = load_catalogue()

    def run(text: str, previous: Question | None = None) -> Question:
        return parse_question(text, catalogue=catalogue, directory=directory, previous=previous)

    return run


def _assert_one_part_like_the_flat_fields(question: Question) -> None:
    assert len(question.parts) == 1
    (part,) = question.parts
    assert isinstance(part, QuestionPart)
    assert {name: getattr(part, name) for name in FLAT} == {name: getattr(question, name) for name in FLAT}


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_has_one_part_equal_to_its_flat_fields(parse, directory, text):
    question = parse(text)
    _assert_one_part_like_the_flat_fields(question)
    assert question.parts[0].text == text  # one clause: the whole question
    assert question.parts[0].candidates == tuple(directory.candidates(text))


@pytest.mark.parametrize("follow_up", FOLLOW_UPS)
def test_a_follow_up_part_holds_what_it_inherited(parse, follow_up):
    first = parse("How many lawsuits did Xiji face in 2018?")
    question = parse(follow_up, previous=first)
    _assert_one_part_like_the_flat_fields(question)
    assert question.inherited  # bodies, years or metrics came from the first question


def test_a_question_built_or_copied_keeps_its_part_in_step(parse):
    built = Question(text="", lang="zh", bodies=(XI,), years=(2018,), all_years=False, metrics=("lawsuits",), intent="lookup")
    _assert_one_part_like_the_flat_fields(built)
    copied = dataclasses.replace(parse("西集镇2018年行政诉讼多少件"), years=(2017,))
    _assert_one_part_like_the_flat_fields(copied)
    assert copied.parts[0].years == (2017,) and copied.parts[0].candidates  # the clause's names stay


def _old_find(directory: BodyDirectory, text: str) -> list[tuple[str, int, int]]:
    """BodyDirectory.find as it was before candidates: longest name first, never overlapping."""
    patterns, seen = [], set()
    for entry in directory.bodies:
        for name in (entry.body, entry.short_name or "", *entry.aliases):
            name = name.strip()
            if len(name) < 2 or name.lower() in seen:
                continue
            seen.add(name.lower())
            if name.isascii():
                joined = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", name) if w)
                pattern = re.compile(rf"(?<![A-Za-z0-9]){joined}(?![A-Za-z0-9])", re.IGNORECASE)
            else:
                pattern = re.compile(re.escape(name), re.IGNORECASE)
            patterns.append((len(name), pattern, entry.body))
    patterns.sort(key=lambda item: -item[0])
    taken, found = [False] * len(text), []
    for _, pattern, body in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                found.append((body, start, end))
    return sorted(found, key=lambda item: item[1])


@pytest.mark.parametrize("text", [*QUESTIONS, *FOLLOW_UPS, "Xinglan and XIJI town", "星岚镇星岚西集"])
def test_scored_candidates_give_the_same_mentions_as_find(directory, text):
    candidates = directory.candidates(text)
    assert all(isinstance(c, BodyCandidate) for c in candidates)
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)  # best first
    assert directory.find(text) == directory.choose(candidates) == _old_find(directory, text)
    if candidates:  # the best candidate is always kept
        best = candidates[0]
        assert (best.body, *best.span) in directory.find(text)


def test_candidates_list_every_reading_with_its_score_and_span(directory):
    text = "通州区西集镇"
    candidates = directory.candidates(text)
    assert candidates[0] == BodyCandidate(XI, "通州区西集镇", 6.0, (0, 6))
    assert BodyCandidate(XI, "西集", 2.0, (3, 5)) in candidates  # overlapping, still listed
    assert directory.find(text) == [(XI, 0, 6)]
    assert [c.body for c in directory.candidates("Xinglan")] == [XL]
