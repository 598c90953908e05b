"""The LLM judge: named in every report, cached on disk, asked narrow yes/no questions.

`build_judge(settings)` picks the backend; `Judge` asks (`entails`, `helps`) and feeds ragas; the cache,
the LangChain adapter over foundation.llm, the prompts and the agreement checks each live in their own module here.
"""

from eval.judge.agreement import agreement, agreement_stats, relevance_agreement
from eval.judge.backends import build_judge, judge_from_chat
from eval.judge.cache import DiskJudgeCache, judge_cache_path
from eval.judge.prompts import parse_helps, parse_supported
from eval.judge.verdicts import Judge, JudgeCallStats

__all__ = ["DiskJudgeCache", "Judge", "JudgeCallStats", "agreement", "agreement_stats", "build_judge",
           "judge_cache_path", "judge_from_chat", "parse_helps", "parse_supported", "relevance_agreement"]
