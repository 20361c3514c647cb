"""Training and evaluation over spaCy's own loop.

``train`` converts the JSONL corpus to DocBin files, fills the config's paths and runs
``spacy.cli.train.train`` (fixed seed from the config). ``evaluate`` scores any
pipeline on corpus files or recall suites, and ``compare`` puts rules-only, model-only
and combined side by side on the same data.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Optional

import spacy
from spacy.language import Language

from .corpus import read_corpus, to_docbin
from .errors import ZhgovError
from .evaluation import Scores, read_spans_jsonl

SPLITS = ("train", "dev")


def prepare_corpus(corpus_dir: Path, out_dir: Path, limit: int = 0) -> dict[str, Path]:
    """Write ``train.spacy`` and ``dev.spacy`` from ``corpus_dir/{train,dev}.jsonl``."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "zhgov.ChineseTokenizer.v1"}}})
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for split in SPLITS:
        source = Path(corpus_dir) / f"{split}.jsonl"
        if not source.exists():
            raise ZhgovError(f"{source}: missing; a corpus folder needs train.jsonl and dev.jsonl")
        records = read_corpus([source])
        if limit:
            records = records[:limit]
        paths[split] = out_dir / f"{split}.spacy"
        to_docbin(nlp, records).to_disk(paths[split])
    return paths


def train(
    corpus_dir: Path,
    config_path: Path,
    output: Path,
    overrides: Optional[dict[str, Any]] = None,
    limit: int = 0,
) -> Path:
    """Train a pipeline; return the path of the best model."""
    from spacy.cli.train import train as spacy_train

    output = Path(output)
    data = prepare_corpus(Path(corpus_dir), output / "corpus", limit=limit)
    settings: dict[str, Any] = {"paths.train": str(data["train"]), "paths.dev": str(data["dev"])}
    config_text = Path(config_path).read_text(encoding="utf8")
    if 'segmenter = "pkuseg"' in config_text:
        from .segmenter import default_model_dir, model_available

        if not model_available():
            raise ZhgovError("the pkuseg config needs a pkuseg model: run `zhgov segmenter init` first")
        settings["initialize.tokenizer.pkuseg_model"] = str(default_model_dir())
    settings.update(overrides or {})
    spacy_train(Path(config_path), output_path=output, overrides=settings)
    return output / "model-best"


def rules_pipeline(segmenter: str = "char") -> Language:
    """The grammar alone, on character tokens or on pkuseg words."""
    config: dict[str, Any] = {"nlp": {"tokenizer": {"@tokenizers": "zhgov.ChineseTokenizer.v1", "segmenter": segmenter}}}
    if segmenter == "pkuseg":
        from .segmenter import default_model_dir, model_available

        if not model_available():
            raise ZhgovError("no pkuseg model: run `zhgov segmenter init` first")
        config["initialize"] = {"tokenizer": {"pkuseg_model": str(default_model_dir())}}
    nlp = spacy.blank("zh", config=config)
    nlp.add_pipe("zhgov_entity_ruler")
    nlp.initialize()
    return nlp


def read_eval_data(paths: list[Path]) -> list[dict]:
    """Corpus files (with ids and meta) or recall suites (text and spans only)."""
    records = []
    for path in paths:
        path = Path(path)
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for f in files:
            records.extend(read_spans_jsonl(f))
    return records


def evaluate(nlp: Language, records: list[dict], batch_size: int = 64) -> dict:
    """Per-label precision, recall and F1 (exact span and label), and speed."""
    scores = Scores()
    texts = [r["text"] for r in records]
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - start
    for rec, doc in zip(records, docs):
        scores.add(rec["spans"], [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    out = scores.to_dict()
    out["documents"] = len(records)
    out["characters"] = sum(len(t) for t in texts)
    out["chars_per_second"] = out["characters"] / seconds if seconds else 0.0
    return out


def model_only(nlp: Language) -> Language:
    """The statistical part of a combined pipeline, with the rules switched off."""
    for name in nlp.pipe_names:
        if nlp.get_pipe_meta(name).factory == "zhgov_entity_ruler":
            nlp.disable_pipe(name)
    return nlp


def compare(model: str, records: list[dict], model_only_path: Optional[str] = None) -> dict[str, dict]:
    """Rules-only, model-only and combined pipelines on the same records."""
    combined = spacy.load(model)
    alone = spacy.load(model_only_path) if model_only_path else model_only(spacy.load(model))
    return {
        "rules-only": evaluate(rules_pipeline(), records),
        "model-only": evaluate(alone, records),
        "combined": evaluate(combined, records),
    }
