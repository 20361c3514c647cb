"""Recall of a pipeline on the real-data suites in ../shared/eval (measurement only).

    python scripts/eval_recall.py                      # rules-only pipeline
    python scripts/eval_recall.py --model PATH         # any saved pipeline
    python scripts/eval_recall.py --misses 20          # print missed spans per suite

Only some entities are annotated in these suites, so only recall is meaningful.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy

from zhgov.evaluation import evaluate_records, read_spans_jsonl

ROOT = Path(__file__).resolve().parents[1]
SUITES = ROOT.parent / "shared" / "eval"
TARGETS = {"MONEY": 0.98, "PERSON_ALIAS": 0.98, "POLICY": 0.90, "AGENCY": 0.80}


def rules_only():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhgov_entity_ruler")
    nlp.initialize()
    return nlp


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="saved pipeline (default: rules only)")
    parser.add_argument("--suites", type=Path, default=SUITES)
    parser.add_argument("--misses", type=int, default=0, help="print this many misses per suite")
    args = parser.parse_args()
    nlp = spacy.load(args.model) if args.model else rules_only()
    ok = True
    print(f"{'suite':38} {'label':13} {'gold':>6} {'found':>6} {'recall':>7} {'target':>7}")
    for path in sorted(args.suites.glob("*.jsonl")):
        records = read_spans_jsonl(path)
        scores, errors = evaluate_records(nlp, records)
        for label in scores.labels():
            tp, fn = scores.tp[label], scores.fn[label]
            if tp + fn == 0:
                continue
            recall = tp / (tp + fn)
            target = TARGETS.get(label, 0)
            ok &= recall >= target
            print(f"{path.name:38} {label:13} {tp + fn:6d} {tp:6d} {recall:7.3f} {target:7.2f}")
        shown = 0
        for err in errors:
            for s, e, label in err["missed"]:
                if shown >= args.misses:
                    break
                near = [err["text"][a:b] for a, b, _ in err["extra"] if a < e and s < b]
                print(f"  miss {label}: {err['text'][s:e]!r} found {near} in …{err['text'][max(0, s - 15):e + 10]}…")
                shown += 1
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
