"""Question understanding moved to ``assistant.understanding``; this module only re-exports it.

compatibility: removed when answering/ lands
"""

from __future__ import annotations

# compatibility: removed when answering/ lands
from assistant.understanding import BodyDirectory, BodyEntry, Question, QuestionPart, parse_question, unknown_place

__all__ = ["BodyDirectory", "BodyEntry", "Question", "QuestionPart", "parse_question", "unknown_place"]
