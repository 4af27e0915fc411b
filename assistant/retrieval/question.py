"""Question understanding moved to ``assistant.understanding``.

compatibility: removed when answering/ lands
"""

from __future__ import annotations

from assistant.understanding import BodyDirectory, BodyEntry, Question, parse_question, unknown_place

__all__ = ["BodyDirectory", "BodyEntry", "Question", "parse_question", "unknown_place"]
