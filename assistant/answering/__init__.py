"""From an understood question to an honest, cited answer (see ``dispatch`` for the kinds).

``Answerer(store, catalogue, directory, retriever=None).answer(question)`` is the package's one
entry point; each kind of answer is a module of plain functions over a shared ``Context``.
"""

from __future__ import annotations

from assistant.answering.dispatch import Answerer

__all__ = ["Answerer"]
