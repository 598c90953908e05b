"""ScriptedJudgeChat: a scripted fake judge LLM for wiring tests — NOT a real judge.

It answers each ragas / entailment prompt with well-formed JSON decided by simple lexical rules, so
the eval machinery (prompt parsing, score collection, failure counting, caching, reports) can be
tested fast and deterministically. Reports produced with it name it as 'custom:ScriptedJudgeChat'.
"""

from __future__ import annotations

import json
import re
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from eval.metrics.alce import lexical_entails
from corpus.sentence_split import rough_sentences

_INPUT = re.compile(r"input:\s*(\{.*\})\s*Output:\s*$", re.S)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in rough_sentences(text)]


class ScriptedJudgeChat(BaseChatModel):
    """A scripted fake chat model that imitates a judge's JSON answers (named as such in reports)."""

    temperature: float = 0.0
    broken: bool = False  # when True, answers garbage: for testing that failures are counted
    calls: int = 0

    @property
    def _llm_type(self) -> str:
        return "scripted-judge"

    def respond(self, prompt: str) -> str:
        if self.broken:
            return "I am not JSON"
        if prompt.startswith("You check whether one sentence of an answer helps"):
            question = prompt.split('Question:\n"""', 1)[1].split('"""', 1)[0]
            sentence = prompt.split('Sentence from the answer:\n"""', 1)[1].split('"""', 1)[0]
            return json.dumps({"helps": lexical_entails(sentence, question, threshold=0.3)})
        if prompt.startswith("You check whether a claim is supported"):
            premise = prompt.split('Source text:\n"""', 1)[1].split('"""', 1)[0]
            claim = prompt.split('Claim:\n"""', 1)[1].split('"""', 1)[0]
            return json.dumps({"supported": lexical_entails(premise, claim)})
        match = _INPUT.search(prompt)
        data: dict[str, Any] = json.loads(match.group(1)) if match else {}
        if "analyze the complexity of each sentence" in prompt:
            return json.dumps({"statements": _sentences(data.get("answer", ""))})
        if "judge the faithfulness of a series of statements" in prompt:
            ctx = data.get("context", "")
            return json.dumps({"statements": [
                {"statement": s, "reason": "scripted", "verdict": int(lexical_entails(ctx, s))}
                for s in data.get("statements", [])]})
        if "verify if the context was useful" in prompt:
            useful = lexical_entails(data.get("context", ""), data.get("answer", ""), threshold=0.3)
            return json.dumps({"reason": "scripted", "verdict": int(useful)})
        if "classify if the sentence can be attributed" in prompt:
            ctx = data.get("context", "")
            return json.dumps({"classifications": [
                {"statement": s, "reason": "scripted", "attributed": int(lexical_entails(ctx, s))}
                for s in _sentences(data.get("answer", ""))]})
        if "noncommittal" in prompt:
            return json.dumps({"question": data.get("response", ""), "noncommittal": 0})
        return "{}"

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        self.calls += 1
        text = self.respond(str(messages[-1].content))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text),
                                                      generation_info={"finish_reason": "stop"})])
