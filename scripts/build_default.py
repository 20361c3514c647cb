"""Build the pipeline bundled with the package (``pipeline/zhgov/default``).

    python scripts/build_default.py                       # train on corpus/, then bundle
    python scripts/build_default.py --from training/char/model-best   # bundle a trained model
    python scripts/build_default.py --rules-only          # the grammar without a model

The bundled pipeline gets the normalisers and, in ``meta.json``, its scores on
``corpus/test.jsonl`` (``performance``); a test checks that the bundle still scores
exactly that. Rebuild after editing ``pipeline/zhgov/data`` (the ruler embeds it).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy

import zhgov
from zhgov.training import evaluate, read_eval_data, train

ROOT = Path(__file__).resolve().parents[1]
TARGET = Path(zhgov.__file__).parent / "default"
NORMALIZERS = ("zhgov_money", "zhgov_aliases", "zhgov_policies", "zhgov_agencies")


def add_normalizers(nlp):
    for name in NORMALIZERS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)


def build_rules_only():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "zhgov.ChineseTokenizer.v1"}}})
    nlp.add_pipe("zhgov_entity_ruler")
    add_normalizers(nlp)
    nlp.initialize()
    return nlp, "zhgov_rules", "character tokens + zhgov_entity_ruler + normalisers"


def build_trained(model: Path):
    nlp = spacy.load(model)
    ruler = nlp.get_pipe("zhgov_entity_ruler")
    ruler.initialize()  # the current word lists from pipeline/zhgov/data
    if "zhgov_rule_fill" not in nlp.pipe_names:
        nlp.add_pipe("zhgov_rule_fill", after="ner", config={"spans_key": ruler.spans_key})
    add_normalizers(nlp)
    return nlp, "zhgov", "character tokens + rules as features of a per-token NER (zhgov_ner, configs/ner_char.cfg), rule spans filled in where the model left gaps or cut names + normalisers"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--from", dest="model", type=Path, help="bundle this trained pipeline")
    group.add_argument("--rules-only", action="store_true")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--output", type=Path, default=ROOT / "training" / "default")
    args = parser.parse_args()
    if args.rules_only:
        nlp, name, description = build_rules_only()
    else:
        model = args.model or train(args.corpus, ROOT / "configs" / "ner_char.cfg", args.output)
        nlp, name, description = build_trained(model)
    scores = evaluate(nlp, read_eval_data([args.corpus / "test.jsonl"]))
    nlp.meta.update({
        "name": name, "version": zhgov.__version__, "description": description, "license": "MIT",
        "performance": {
            "corpus": "corpus/test.jsonl",
            "ents_p": round(scores["total"]["p"], 4),
            "ents_r": round(scores["total"]["r"], 4),
            "ents_f": round(scores["total"]["f"], 4),
            "ents_per_type": {k: {m: round(v[m], 4) for m in ("p", "r", "f")} for k, v in scores["per_label"].items()},
        },
    })
    tmp = TARGET.with_name("default.tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if TARGET.exists():
        shutil.rmtree(TARGET)
    tmp.rename(TARGET)
    size = sum(p.stat().st_size for p in TARGET.rglob("*") if p.is_file())
    print(f"wrote {TARGET} ({size / 1e6:.1f} MB); test F1 {scores['total']['f']:.4f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
