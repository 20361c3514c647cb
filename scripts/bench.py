"""Throughput and memory of zhgov's pipelines against spaCy's bare tokenizer, side by side.

Contenders: blank (spacy.blank("zh"), the floor), rules (the grammar alone), default (the
bundled combined pipeline), pkuseg-rules (the grammar on pkuseg words), pkuseg (the
combined pipeline trained with configs/ner_pkuseg.cfg, if training/pkuseg exists),
transition (the default's design with spaCy's transition NER, configs/ner_char_transition.cfg,
if training/transition exists), spacy-efficiency (spaCy's stock efficiency NER trained on
the same corpus, if training/baseline exists) and jieba (jieba.posseg, if installed). F1
on corpus/test is printed for the NER pipelines. Every contender runs with
OPENBLAS_NUM_THREADS=1, as `zhgov tag` does, unless the variable is already set.

    python scripts/bench.py                  # every contender available here
    python scripts/bench.py --only blank rules --size 1

The benchmark text is built from the corpus: articles shuffled with a fixed seed and
repeated until the text reaches --size MB of UTF-8. Each contender runs in its own fresh
process (so peak RSS is its own), on the same text, in the same run; the table gives
characters per second (the fastest of --repeat passes), peak RSS and the speed ratio to
``spacy.blank("zh")``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CACHE = ROOT / "training" / "bench"
TRAINED = {"pkuseg": ROOT / "training" / "pkuseg" / "model-best",
           "transition": ROOT / "training" / "transition" / "model-best",
           "spacy-efficiency": ROOT / "training" / "baseline" / "model-best"}
CONTENDERS = ("blank", "rules", "default", "pkuseg-rules", "pkuseg", "transition", "spacy-efficiency", "jieba")


def build_text(size_mb: float, seed: int = 13) -> list[str]:
    articles = [
        json.loads(line)["text"]
        for split in ("train", "dev", "test")
        for line in (CORPUS / f"{split}.jsonl").open(encoding="utf8")
    ]
    rng = random.Random(seed)
    docs, total = [], 0
    while total < size_mb * 1_000_000:
        batch = articles[:]
        rng.shuffle(batch)
        for text in batch:
            docs.append(text)
            total += len(text.encode("utf8"))
            if total >= size_mb * 1_000_000:
                break
    return docs


def load(name: str):
    import spacy

    import zhgov
    from zhgov.training import rules_pipeline

    if name == "blank":
        return spacy.blank("zh")
    if name == "rules":
        return rules_pipeline()
    if name == "default":
        return zhgov.load()
    if name == "pkuseg-rules":
        from zhgov.segmenter import model_available

        return rules_pipeline("pkuseg") if model_available() else None
    if name in TRAINED:
        # trained with configs/ner_pkuseg.cfg, configs/ner_char_transition.cfg and
        # configs/baseline_spacy_efficiency.cfg
        return spacy.load(TRAINED[name]) if TRAINED[name].exists() else None
    if name == "jieba":
        try:
            import jieba
            import jieba.posseg
        except ImportError:
            return None
        jieba.setLogLevel(60)
        jieba.initialize()
        return jieba.posseg
    if Path(name).exists():
        return spacy.load(name)
    raise SystemExit(f"unknown contender {name}")


def child(name: str, text_path: Path, repeat: int = 1) -> dict:
    """Run one contender in this process and report its numbers."""
    docs = json.loads(text_path.read_text(encoding="utf8"))
    nlp = load(name)
    if nlp is None:
        return {"name": name, "skipped": True}
    chars = sum(len(d) for d in docs)
    seconds = float("inf")
    for _ in range(repeat):
        # the best of a few passes, as timeit does: noise from other work only adds time
        start = time.perf_counter()
        if name == "jieba":
            n = sum(1 for d in docs for _ in nlp.cut(d))
        else:
            n = sum(len(doc.ents) + 1 for doc in nlp.pipe(docs, batch_size=64))
        seconds = min(seconds, time.perf_counter() - start)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    f1 = None
    if name != "jieba" and name != "blank":
        from zhgov.training import evaluate, read_eval_data

        f1 = evaluate(nlp, read_eval_data([CORPUS / "test.jsonl"]))["total"]["f"]
    return {"name": name, "chars": chars, "seconds": seconds, "cps": chars / seconds,
            "peak_mb": peak_kb / 1024, "items": n, "f1": f1}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=5.0, help="benchmark text size in MB (default 5)")
    parser.add_argument("--only", nargs="+", default=list(CONTENDERS),
                        help=f"contenders: {', '.join(CONTENDERS)} or a pipeline path")
    parser.add_argument("--repeat", type=int, default=3, help="passes per contender; the fastest counts (default 3)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--text", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.text, args.repeat)))
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    docs = build_text(args.size)
    text_path = CACHE / f"bench-{args.size}MB.json"
    text_path.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf8")
    chars = sum(len(d) for d in docs)
    print(f"# text: {len(docs)} documents, {chars:,} characters, {args.size} MB; "
          f"{platform.processor() or platform.machine()}, python {platform.python_version()}", flush=True)
    # every contender in the environment `zhgov tag` sets up for itself (zhgov/cli.py)
    env = dict(os.environ)
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    print(f"# OPENBLAS_NUM_THREADS={env['OPENBLAS_NUM_THREADS']} for every contender", flush=True)
    results = []
    for name in args.only:
        out = subprocess.run([sys.executable, __file__, "--child", name, "--text", str(text_path),
                              "--repeat", str(args.repeat)],
                             capture_output=True, text=True, env=env)
        if out.returncode != 0:
            print(f"{name}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
            continue
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = next((r["cps"] for r in results if r["name"] == "blank" and not r.get("skipped")), None)
    print(f"{'contender':<17} {'chars/s':>12} {'peak RSS MB':>12} {'vs blank':>9} {'test F1':>8}")
    for r in results:
        if r.get("skipped"):
            print(f"{r['name']:<17} {'(not available here)':>35}")
            continue
        ratio = f"{r['cps'] / base:8.1%}" if base else "n/a"
        f1 = f"{r['f1']:.3f}" if r.get("f1") is not None else ""
        print(f"{r['name']:<17} {r['cps']:>12,.0f} {r['peak_mb']:>12,.0f} {ratio:>9} {f1:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
