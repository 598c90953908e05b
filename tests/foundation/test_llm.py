"""foundation.llm: one interface over llama.cpp, OpenAI-compatible servers and Ollama.

The HTTP backends are driven over a real loopback socket by a ScriptedLLMServer (scripted replies,
wiring only); the llama.cpp backend with a real GGUF is tests/foundation/test_llm_llamacpp_real.py (slow).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from scripted_llm import ScriptedFakeLLM
from scripted_llm_server import ScriptedLLMServer, scripted_llm_server

from foundation.errors import LLMError
from foundation.llm import load_llm
from foundation.llm.base import yes_share
from foundation.llm.ollama import OllamaLLM
from foundation.llm.openai_compat import OpenAICompatibleLLM
from foundation.settings import LLMSettings


@pytest.fixture
def server():
    with scripted_llm_server() as state:
        yield state


def _openai_top(pairs: list[tuple[str, float]]) -> dict:
    top = [{"token": t, "logprob": math.log(p)} for t, p in pairs]
    return {"choices": [{"message": {"content": pairs[0][0]}, "logprobs": {"content": [{"token": pairs[0][0],
                                                                                          "top_logprobs": top}]}}]}


# ---- OpenAI-compatible -------------------------------------------------------------------------------
def test_openai_chat_sends_the_options_and_reads_the_reply(server: ScriptedLLMServer) -> None:
    server.script("/v1/chat/completions", {"choices": [{"message": {"role": "assistant", "content": "Hello."}}]})
    llm = OpenAICompatibleLLM(f"{server.base}/v1", "m1", api_key="k")
    reply = llm.chat([{"role": "user", "content": "Say hello"}], temperature=0.2, max_tokens=7, stop=["\n"], json_mode=True)
    assert reply == "Hello."
    path, sent = server.requests[0]
    assert path == "/v1/chat/completions" and sent["_auth"] == "Bearer k"
    assert sent["model"] == "m1" and sent["messages"] == [{"role": "user", "content": "Say hello"}]
    assert (sent["temperature"], sent["max_tokens"], sent["stop"]) == (0.2, 7, ["\n"])
    assert sent["response_format"] == {"type": "json_object"}


def test_openai_complete_uses_the_completions_endpoint(server: ScriptedLLMServer) -> None:
    server.script("/v1/completions", {"choices": [{"text": " Paris."}]})
    assert OpenAICompatibleLLM(f"{server.base}/v1", "m1").complete("The capital of France is", max_tokens=3) == " Paris."
    assert server.requests[0][1]["prompt"] == "The capital of France is" and "_auth" in server.requests[0][1]


def test_openai_yes_probability_sums_the_spellings_of_yes_and_no(server: ScriptedLLMServer) -> None:
    server.script("/v1/chat/completions", _openai_top([("Yes", 0.6), (" yes", 0.1), ("No", 0.2), ("Maybe", 0.1)]))
    p = OpenAICompatibleLLM(f"{server.base}/v1", "m1").yes_probability("Is it? Answer yes or no.")
    assert p == pytest.approx(0.7 / 0.9)
    sent = server.requests[0][1]
    assert sent["logprobs"] is True and sent["top_logprobs"] == 20 and sent["max_tokens"] == 1 and sent["temperature"] == 0.0


def test_openai_without_logprobs_is_a_clear_error(server: ScriptedLLMServer) -> None:
    server.script("/v1/chat/completions", {"choices": [{"message": {"content": "Yes"}, "logprobs": None}]})
    with pytest.raises(LLMError, match="returned no token logprobs for m1"):
        OpenAICompatibleLLM(f"{server.base}/v1", "m1").yes_probability("Is it?")


def test_a_reply_that_is_neither_yes_nor_no_is_a_clear_error(server: ScriptedLLMServer) -> None:
    server.script("/v1/chat/completions", _openai_top([("Perhaps", 0.9), ("Maybe", 0.1)]))
    with pytest.raises(LLMError, match="does not start with yes or no"):
        OpenAICompatibleLLM(f"{server.base}/v1", "m1").yes_probability("Is it?")


@pytest.mark.parametrize(("status", "body", "needle"), [
    (500, {"error": "model crashed"}, "answered HTTP 500: .*model crashed"),
    (200, "<html>not json</html>", "not JSON"),
    (200, {"choices": []}, r"the reply has no \['choices'\]\[0\]"),
])
def test_server_failures_become_llm_errors(server: ScriptedLLMServer, status: int, body, needle: str) -> None:
    server.script("/v1/chat/completions", body, status=status)
    with pytest.raises(LLMError, match=needle):
        OpenAICompatibleLLM(f"{server.base}/v1", "m1").chat([{"role": "user", "content": "hi"}])


def test_a_server_that_is_down_is_named_with_the_setting_to_change() -> None:
    from chroma_server import free_port

    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(LLMError, match=rf"cannot reach the OpenAI-compatible server at {url}/chat/completions .*PNS_LLM_BASE_URL"):
        OpenAICompatibleLLM(url, "m1").chat([{"role": "user", "content": "hi"}])


# ---- Ollama ------------------------------------------------------------------------------------------
def test_ollama_chat_and_raw_completion(server: ScriptedLLMServer) -> None:
    server.script("/api/chat", {"message": {"role": "assistant", "content": "{\"ok\": true}"}})
    server.script("/api/generate", {"response": " Paris."})
    llm = OllamaLLM("llama3.2:3b", server.base, context=2048)
    assert llm.chat([{"role": "user", "content": "hi"}], max_tokens=5, json_mode=True) == "{\"ok\": true}"
    assert llm.complete("The capital of France is", stop=["."]) == " Paris."
    chat, generate = server.requests[0][1], server.requests[1][1]
    assert chat["stream"] is False and chat["format"] == "json"
    assert chat["options"] == {"temperature": 0.0, "num_predict": 5, "num_ctx": 2048}
    assert generate["raw"] is True and generate["options"]["stop"] == ["."]


def test_ollama_yes_probability_reads_its_logprobs(server: ScriptedLLMServer) -> None:
    top = [{"token": "No", "logprob": math.log(0.75)}, {"token": "Yes", "logprob": math.log(0.25)}]
    server.script("/api/chat", {"message": {"content": "No"}, "logprobs": [{"token": "No", "top_logprobs": top}]})
    assert OllamaLLM("m", server.base).yes_probability("Is it?") == pytest.approx(0.25)
    assert server.requests[0][1]["logprobs"] is True


def test_an_ollama_without_logprobs_says_to_update(server: ScriptedLLMServer) -> None:
    server.script("/api/chat", {"message": {"content": "Yes"}})
    with pytest.raises(LLMError, match="returned no token logprobs .*update Ollama"):
        OllamaLLM("m", server.base).yes_probability("Is it?")


# ---- the registry ------------------------------------------------------------------------------------
def test_one_instance_per_model_per_process(server: ScriptedLLMServer) -> None:
    settings = LLMSettings(backend="openai", base_url=f"{server.base}/v1", model="m1")
    first = load_llm(settings)
    assert load_llm(settings.model_copy()) is first
    assert load_llm(settings.model_copy(update={"model": "m2"})) is not first


@pytest.mark.parametrize(("updates", "needle"), [
    ({"backend": "openai"}, "needs PNS_LLM_BASE_URL"),
    ({"backend": "ollama"}, "needs PNS_LLM_MODEL"),
    ({"backend": "llamacpp", "model_path": Path("/nonexistent/model.gguf")}, "is not a file"),
])
def test_missing_settings_are_named(updates: dict, needle: str) -> None:
    with pytest.raises(LLMError, match=needle):
        load_llm(LLMSettings().model_copy(update=updates))


def test_an_unknown_backend_is_refused_by_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    monkeypatch.setenv("PNS_LLM_BACKEND", "gpt-in-a-box")
    with pytest.raises(ValidationError, match="choose one of llamacpp, openai, ollama"):
        LLMSettings()


def test_yes_share_needs_yes_or_no() -> None:
    assert yes_share([("YES", math.log(0.3)), ("no", math.log(0.1))], "x") == pytest.approx(0.75)
    with pytest.raises(LLMError, match="x: the reply does not start"):
        yes_share([("maybe", 0.0)], "x")


# ---- wrapping for LangChain (how the eval judge uses a backend) --------------------------------------
def test_a_backend_wraps_into_a_langchain_chat_model() -> None:
    from typing import Any

    from langchain_core.language_models.chat_models import BaseChatModel
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
    from langchain_core.outputs import ChatGeneration, ChatResult

    class BackendChat(BaseChatModel):  # the sketch in foundation/llm/base.py's docstring
        llm: Any

        @property
        def _llm_type(self) -> str:
            return f"pns-{self.llm.backend}"

        def _generate(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[no-untyped-def]
            roles = {"human": "user", "ai": "assistant", "system": "system"}
            text = self.llm.chat([{"role": roles.get(m.type, "user"), "content": str(m.content)} for m in messages],
                                 stop=stop, json_mode=kwargs.get("json_mode", False))
            return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    fake = ScriptedFakeLLM(script='{"supported": true}')
    reply = BackendChat(llm=fake).invoke([SystemMessage(content="Judge."), HumanMessage(content="Claim?")], stop=["}"])
    assert reply.content == '{"supported": true}'
    assert fake.prompts == ["Judge.\nClaim?"] and fake.calls[0]["stop"] == ["}"]
