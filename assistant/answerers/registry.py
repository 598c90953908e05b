"""Which answerer `settings.answer.answerer` names: one registration line per answerer.

Adding an answerer: write `assistant/answerers/<name>.py` with a `create(settings, llm)` function
returning an object that satisfies `Answerer` (assistant/answerers/base.py), then add one line to
ANSWERERS below. Modules are imported only when chosen, so an answerer's heavy dependencies
never slow the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.answerers.base import Answerer
    from foundation.settings import Settings

# name in settings.answer.answerer -> module holding its `create(settings, llm) -> Answerer`
ANSWERERS: dict[str, str] = {
    "extractive": "assistant.answerers.extractive",
    "generate": "assistant.answerers.generate",
    "llm-select": "assistant.answerers.llm_select",
}


def create_answerer(settings: "Settings", llm: Any | None = None) -> "Answerer":
    """The configured answerer (cheap: nothing slow is loaded until its warm_up or first draft).

    `llm` injects a ready model for answerers that use one (tests drive them with a scripted fake).
    """
    name = settings.answer.answerer
    module = ANSWERERS.get(name)
    if module is None:
        raise AssistantError(f"the {name!r} answerer is not available in this version; "
                             f"set PNS_ANSWERER to one of: {', '.join(ANSWERERS)}")
    answerer: Answerer = importlib.import_module(module).create(settings, llm)
    return answerer
