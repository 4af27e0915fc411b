"""Question understanding: which bodies, which years, which metrics, what kind of answer.

A question becomes a frozen ``Question`` with its ``parts`` (``QuestionPart``: for now exactly one,
the whole question; the flat fields of ``Question`` describe it). One module per concern:

- ``places``: the stored bodies and the names a user may type for them (``BodyDirectory``),
  places we do not have (``unknown_place``);
- ``years``: years, ranges, Chinese-numeral years, carry-over rows; Chinese numerals are read by ``assistant.numerals``;
- ``metrics``: catalogue metrics, their refinements and fallbacks, applicant columns, topic terms;
- ``intent``: the first-match intent rules and their conditions, breakdown and contact kinds;
- ``clauses``: the clauses of a question and what each says by itself;
- ``follow_ups``: what a question inherits from the previous one;
- ``cues``: the vocabulary every module matches, loaded from ``assistant/data/question_cues.yaml``;
- ``model``: ``Question`` and ``QuestionPart``;
- ``parse``: ``parse_question``, which composes them.
"""

from __future__ import annotations

from assistant.understanding.model import Question, QuestionPart
from assistant.understanding.parse import parse_question
from assistant.understanding.places import BodyDirectory, BodyEntry, unknown_place

__all__ = ["BodyDirectory", "BodyEntry", "Question", "QuestionPart", "parse_question", "unknown_place"]
