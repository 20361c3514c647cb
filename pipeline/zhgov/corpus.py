"""The annotated corpus: read, validate and convert JSONL article samples.

Each line is one article::

    {"id": "p1-001", "text": "…", "spans": [{"start": 0, "end": 6, "label": "AGENCY"}],
     "meta": {"genre": "news", "domain": "social_assistance", "region": "广西"}}

``validate_paths`` reports every problem as ``file:line: message``; ``to_docbin``
turns records into spaCy's binary training format.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import srsly
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import Errors, ZhgovError
from .grammar import LABELS


class SpanRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str


class MetaRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    genre: str
    domain: str
    region: str


class ArticleRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    text: str
    spans: list[SpanRecord]
    meta: MetaRecord


@dataclass
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def corpus_files(paths: Iterable[Path]) -> list[Path]:
    """``*.jsonl`` files under the given files and folders, sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(path.glob("*.jsonl")))
        elif path.exists():
            files.append(path)
        else:
            raise ZhgovError(Errors.E002.format(path=path))
    return files


def _edge_ok(ch: str) -> bool:
    cat = unicodedata.category(ch)
    # punctuation may close a span only as part of the entity: 《…》, “…”机制, 某某（ is not
    return not (ch.isspace() or cat.startswith("Z") or (cat.startswith("P") and ch not in "《》〈〉“”‘’\"'「」*＊×"))


def read_records(path: Path) -> Iterator[tuple[int, dict | None, list[str]]]:
    """Yield ``(line, record or None, problems)`` for each non-empty line."""
    try:
        lines = Path(path).read_text(encoding="utf8").splitlines()
    except UnicodeDecodeError as err:
        raise ZhgovError(Errors.E003.format(path=path, encoding="utf-8", offset=err.start, reason=err.reason)) from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = srsly.json_loads(line)
        except ValueError as err:
            yield lineno, None, [f"not valid JSON: {err}"]
            continue
        try:
            rec = ArticleRecord.model_validate(raw)
        except ValidationError as err:
            yield lineno, None, [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()]
            continue
        yield lineno, rec.model_dump(), []


def check_record(rec: dict, labels: Iterable[str] = LABELS) -> list[str]:
    """Problems inside one record: offsets, labels, overlaps, span edges."""
    problems, text = [], rec["text"]
    spans = sorted(rec["spans"], key=lambda s: (s["start"], s["end"]))
    prev = None
    for s in spans:
        where = f"span {s['start']}-{s['end']} {s['label']}"
        if s["label"] not in labels:
            problems.append(f"{where}: unknown label (expected one of {', '.join(labels)})")
        if not (0 <= s["start"] < s["end"] <= len(text)):
            problems.append(f"{where}: offsets outside the text (length {len(text)})")
            continue
        surface = text[s["start"] : s["end"]]
        if not _edge_ok(surface[0]) or not _edge_ok(surface[-1]):
            problems.append(f"{where} {surface!r}: starts or ends with whitespace or punctuation")
        if prev is not None and s["start"] < prev["end"]:
            problems.append(f"{where}: overlaps span {prev['start']}-{prev['end']} {prev['label']}")
        prev = s
    return problems


def validate_paths(paths: Iterable[Path]) -> tuple[list[Problem], dict]:
    """Every problem in the corpus files, and a summary of what was read."""
    problems: list[Problem] = []
    surfaces: dict[str, dict[str, tuple[Path, int]]] = defaultdict(dict)
    ids: dict[str, tuple[Path, int]] = {}
    summary = {"files": 0, "articles": 0, "characters": 0, "entities": defaultdict(int)}
    for path in corpus_files(paths):
        summary["files"] += 1
        for lineno, rec, errs in read_records(path):
            problems.extend(Problem(path, lineno, e) for e in errs)
            if rec is None:
                continue
            summary["articles"] += 1
            summary["characters"] += len(rec["text"])
            if rec["id"] in ids:
                first = ids[rec["id"]]
                problems.append(Problem(path, lineno, f"id {rec['id']!r} already used at {first[0]}:{first[1]}"))
            ids.setdefault(rec["id"], (path, lineno))
            problems.extend(Problem(path, lineno, e) for e in check_record(rec))
            for s in rec["spans"]:
                if not (0 <= s["start"] < s["end"] <= len(rec["text"])):
                    continue
                summary["entities"][s["label"]] += 1
                surface = rec["text"][s["start"] : s["end"]]
                seen = surfaces[surface]
                seen.setdefault(s["label"], (path, lineno))
                if len(seen) > 1 and seen[s["label"]] == (path, lineno):
                    others = ", ".join(f"{l} at {p}:{n}" for l, (p, n) in seen.items() if l != s["label"])
                    problems.append(Problem(path, lineno, f"{surface!r} is {s['label']} here but {others}"))
    summary["entities"] = dict(summary["entities"])
    return problems, summary


def read_corpus(paths: Iterable[Path]) -> list[dict]:
    """Valid records from files or folders; raise on the first invalid line."""
    records = []
    for path in corpus_files(paths):
        for lineno, rec, errs in read_records(path):
            errs = errs or (check_record(rec) if rec else [])
            if errs:
                raise ZhgovError(Errors.E001.format(path=path, line=lineno, message="; ".join(errs)))
            rec["source"] = f"{path}:{lineno}"
            records.append(rec)
    return records


def to_docbin(nlp, records: list[dict]):
    """Records as a DocBin of gold entities on ``nlp``'s tokens (boundaries snapped out)."""
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for rec in records:
        doc = nlp.make_doc(rec["text"])
        ents = []
        for s in rec["spans"]:
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
            if span is not None:
                ents.append(span)
        doc.ents = _drop_overlaps(ents)
        db.add(doc)
    return db


def _drop_overlaps(spans):
    from spacy.util import filter_spans

    return filter_spans(spans)
