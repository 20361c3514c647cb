"""Scoring: per-label precision/recall/F1 on exact spans, and recall on partial suites."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import srsly

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import Errors, ZhgovError


class _Span(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    start: int
    end: int
    label: str


class _SpanDoc(BaseModel):
    # corpus records carry id and meta; recall suites only text and spans
    model_config = ConfigDict(extra="ignore", strict=True)
    text: str
    spans: list[_Span] = []
    id: str | None = None


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: Iterable[tuple[int, int, str]], pred: Iterable[tuple[int, int, str]]) -> None:
        gold, pred = set(gold), set(pred)
        for s in gold & pred:
            self.tp[s[2]] += 1
        for s in pred - gold:
            self.fp[s[2]] += 1
        for s in gold - pred:
            self.fn[s[2]] += 1

    def prf(self, label: str | None = None) -> dict[str, float]:
        tp = self.tp[label] if label else sum(self.tp.values())
        fp = self.fp[label] if label else sum(self.fp.values())
        fn = self.fn[label] if label else sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": p, "r": r, "f": f, "support": tp + fn}

    def labels(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def to_dict(self) -> dict:
        return {"total": self.prf(), "per_label": {l: self.prf(l) for l in self.labels()}}


def read_spans_jsonl(path: Path) -> list[dict]:
    """Records ``{"text", "spans": [{"start", "end", "label"}]}``, checked line by line."""
    path = Path(path)
    records = []
    try:
        lines = path.read_text(encoding="utf8").splitlines()
    except OSError:
        raise ZhgovError(Errors.E002.format(path=path)) from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = _SpanDoc.model_validate(srsly.json_loads(line))
        except (ValueError, ValidationError) as err:
            raise ZhgovError(Errors.E001.format(path=path, line=lineno, message=f"not a span record: {err}")) from None
        spans = [(s.start, s.end, s.label) for s in rec.spans]
        bad = [s for s in spans if not 0 <= s[0] < s[1] <= len(rec.text)]
        if bad:
            raise ZhgovError(Errors.E001.format(path=path, line=lineno, message=f"span {bad[0]} outside the text"))
        records.append({"text": rec.text, "spans": spans, "line": lineno, "id": rec.id})
    return records


def predict_spans(nlp, texts: list[str], batch_size: int = 64) -> list[list[tuple[int, int, str]]]:
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]


def evaluate_records(nlp, records: list[dict]) -> tuple[Scores, list[dict]]:
    """Score ``nlp`` on records; also return the misses and false alarms per record."""
    scores = Scores()
    errors = []
    preds = predict_spans(nlp, [r["text"] for r in records])
    for rec, pred in zip(records, preds):
        scores.add(rec["spans"], pred)
        gold = set(rec["spans"])
        missed = sorted(gold - set(pred))
        extra = sorted(set(pred) - gold)
        if missed or extra:
            errors.append({"line": rec["line"], "text": rec["text"], "missed": missed, "extra": extra})
    return scores, errors
