"""Where the corpus stage finds its packaged data.

The packaged article is the default; `PNS_ARTICLE_PATH` (settings.corpus.article_path) points elsewhere,
e.g. at an edited copy in a test. Resolved here, not in Settings, because the ground floor must not know
where a stage keeps its files.
"""

from __future__ import annotations

from pathlib import Path

from foundation.settings import Settings

PACKAGE_DATA = Path(__file__).resolve().parent / "data"


def article_path(settings: Settings) -> Path:
    """The raw article file this run reads."""
    return settings.corpus.article_path or PACKAGE_DATA / "article.txt"
