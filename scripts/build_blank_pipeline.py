"""Build the small blank English fallback pipeline shipped in ``assistant/wording/blank_en``.

Why: when no trained English pipeline is installed, the coach still needs lemmas (so that
"needs"/"needed" match "need"). spaCy's lookup lemmatizer gives them, but its tables live in
spacy-lookups-data (~100 MB). This script, run once by a developer, copies only the English
lemma table into a saved pipeline, so spacy-lookups-data is a build-time tool and never a
runtime dependency.

    .venv/bin/pip install spacy-lookups-data   # build time only
    .venv/bin/python scripts/build_blank_pipeline.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "assistant" / "wording" / "blank_en"


def build(target: Path = TARGET) -> Path:
    """Save a blank English pipeline with a lookup lemmatizer to ``target``."""
    import spacy
    from spacy.lookups import load_lookups

    nlp = spacy.blank("en")
    nlp.meta["name"] = "blank_lookup"
    nlp.meta["description"] = "needs-led fallback: tokenizer and lookup lemmatizer only"
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lookups = load_lookups("en", ["lemma_lookup"])  # raises if spacy-lookups-data is missing
    lemmatizer.initialize(lookups=lookups)
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    return target


if __name__ == "__main__":
    try:
        path = build()
    except (ImportError, ValueError) as exc:
        print(f"cannot build: {exc}\n(pip install spacy-lookups-data into .venv first)",
              file=sys.stderr)
        raise SystemExit(1) from None
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    print(f"saved {path} ({size / 1024:.0f} KiB)")
