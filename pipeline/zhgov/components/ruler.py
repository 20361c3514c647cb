"""``zhgov_entity_ruler``: the domain grammar as a spaCy pipeline component.

The grammar runs on ``doc.text`` and yields character spans; they are mapped onto the
tokens afterwards. With character tokens every span aligns. With word segmenters
(pkuseg cuts 徐|先生 but also 县医保局长) a boundary may fall inside a token; the
default ``alignment_mode="split"`` splits such tokens at the entity boundary so the
entity keeps exactly the same characters whatever the tokenizer.
"""

# no "from __future__ import annotations": spaCy validates initialize() signatures at run time

from pathlib import Path
from typing import Callable, Iterable, Optional

import numpy as np
import srsly
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import SimpleFrozenList, from_disk, registry, to_disk

from ..errors import Errors, ZhgovError
from ..grammar import LABELS, Grammar, Match
from ..grammar._util import first_fit
from ..lexicon import Lexicon, default_lexicon
from ..tokenizer import doc_text

ALIGNMENT_MODES = ("split", "strict", "contract", "expand")


@Language.factory(
    "zhgov_entity_ruler",
    assigns=["doc.ents"],
    default_config={
        "overwrite_ents": False,
        "labels": list(LABELS),
        "alignment_mode": "split",
        "spans_key": None,
        "scorer": {"@scorers": "spacy.entity_ruler_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_entity_ruler(
    nlp: Language,
    name: str,
    overwrite_ents: bool,
    labels: list[str],
    alignment_mode: str,
    spans_key: Optional[str],
    scorer: Optional[Callable],
):
    return ZhgovEntityRuler(
        nlp, name, overwrite_ents=overwrite_ents, labels=labels,
        alignment_mode=alignment_mode, spans_key=spans_key, scorer=scorer,
    )


class ZhgovEntityRuler(Pipe):
    """Tag AGENCY, POLICY, MONEY and PERSON_ALIAS by rule."""

    def __init__(
        self,
        nlp: Language,
        name: str = "zhgov_entity_ruler",
        *,
        overwrite_ents: bool = False,
        labels: Iterable[str] = LABELS,
        alignment_mode: str = "split",
        spans_key: Optional[str] = None,
        scorer: Optional[Callable] = None,
    ) -> None:
        if alignment_mode not in ALIGNMENT_MODES:
            raise ZhgovError(Errors.E012.format(mode=alignment_mode, choices=", ".join(ALIGNMENT_MODES)))
        unknown = set(labels) - set(LABELS)
        if unknown:
            raise ZhgovError(f"Unknown labels {sorted(unknown)}; choose from {list(LABELS)}")
        self.nlp = nlp
        self.name = name
        self.overwrite_ents = overwrite_ents
        self.labels_enabled = tuple(l for l in LABELS if l in set(labels))
        self.alignment_mode = alignment_mode
        # with a spans_key the rules annotate doc.spans[key] (features for the NER) and
        # leave doc.ents alone
        self.spans_key = spans_key
        self.scorer = scorer
        self.lexicon: Optional[Lexicon] = None
        self.grammar: Optional[Grammar] = None

    @property
    def labels(self) -> tuple[str, ...]:
        return self.labels_enabled

    def initialize(
        self,
        get_examples: Optional[Callable[[], Iterable[Example]]] = None,
        *,
        nlp: Optional[Language] = None,
        lexicon_path: Optional[Path] = None,
        divisions_path: Optional[Path] = None,
    ) -> None:
        """Load the word lists (the package's own unless paths are given) and build the grammar."""
        if lexicon_path is None and divisions_path is None:
            self.set_lexicon(default_lexicon())
        else:
            self.set_lexicon(Lexicon.from_files(lexicon_path, divisions_path))

    def set_lexicon(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.grammar = Grammar(lexicon, self.labels_enabled)

    def find(self, text: str) -> list[Match]:
        """Character spans the grammar finds in ``text``."""
        if self.grammar is None:
            self.initialize()
        return self.grammar.find(text)

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            matches = self.find(doc_text(doc))
            if self.spans_key is not None:
                doc.spans[self.spans_key] = []
            self.set_annotations(doc, matches)
            return doc
        except Exception as e:  # routed like spaCy's own components
            error_handler(self.name, self, [doc], e)
            return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    def set_annotations(self, doc: Doc, matches: list[Match]) -> None:
        if not matches:
            return
        found, misaligned = _token_offsets(doc, matches)
        if misaligned:
            if self.alignment_mode == "split":
                # rare with character tokens, common with pkuseg: cut the tokens, map again
                _split_at_boundaries(doc, misaligned)
                found, misaligned = _token_offsets(doc, matches)
            else:
                for m in misaligned:
                    span = doc.char_span(m.start, m.end, label=m.label, alignment_mode=self.alignment_mode)
                    if span is not None and len(span):
                        found.append((m.label, span.start, span.end))
        if self.spans_key is not None:
            doc.spans[self.spans_key] = [Span(doc, i, j, label=label) for label, i, j in found]
            return
        # reading doc.ents walks every token in Python; skip it when nothing is set yet
        existing = [(e.label_, e.start, e.end) for e in doc.ents] if doc.has_annotation("ENT_IOB") else []
        doc.ents = _combine(existing, found, self.overwrite_ents)

    # -- serialization -----------------------------------------------------
    def _cfg(self) -> dict:
        return {
            "overwrite_ents": self.overwrite_ents,
            "labels": list(self.labels_enabled),
            "alignment_mode": self.alignment_mode,
            "spans_key": self.spans_key,
        }

    def _load_cfg(self, cfg: dict) -> None:
        self.overwrite_ents = cfg.get("overwrite_ents", self.overwrite_ents)
        self.labels_enabled = tuple(cfg.get("labels", self.labels_enabled))
        self.alignment_mode = cfg.get("alignment_mode", self.alignment_mode)
        self.spans_key = cfg.get("spans_key", self.spans_key)

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        lexicon = self.lexicon or default_lexicon()
        return srsly.msgpack_dumps({"cfg": self._cfg(), "lexicon": lexicon.to_data()})

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()):
        data = srsly.msgpack_loads(bytes_data)
        self._load_cfg(data.get("cfg", {}))
        self.set_lexicon(Lexicon.from_data(data["lexicon"]))
        return self

    def to_disk(self, path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        lexicon = self.lexicon or default_lexicon()
        serializers = {
            "cfg": lambda p: srsly.write_json(p, self._cfg()),
            "lexicon": lambda p: srsly.write_gzip_json(p, lexicon.to_data()),
        }
        to_disk(path, serializers, exclude)

    def from_disk(self, path, *, exclude: Iterable[str] = SimpleFrozenList()):
        holder: dict = {}
        deserializers = {
            "cfg": lambda p: self._load_cfg(srsly.read_json(p)),
            "lexicon": lambda p: holder.update(lexicon=srsly.read_gzip_json(p)),
        }
        from_disk(path, deserializers, exclude)
        if "lexicon" in holder:
            self.set_lexicon(Lexicon.from_data(holder["lexicon"]))
        return self


def _split_at_boundaries(doc: Doc, matches: list[Match]) -> None:
    """Split tokens that an entity boundary falls inside, so spans align exactly."""
    cuts: dict[int, set[int]] = {}
    for m in matches:
        outer = doc.char_span(m.start, m.end, alignment_mode="expand")
        if outer is None or not len(outer):
            continue
        first, last = outer[0], outer[-1]
        if first.idx < m.start:
            cuts.setdefault(first.i, set()).add(m.start - first.idx)
        if last.idx + len(last.text) > m.end:
            cuts.setdefault(last.i, set()).add(m.end - last.idx)
    if not cuts:
        return
    with doc.retokenize() as retok:
        for i, offsets in cuts.items():
            tok = doc[i]
            edges = [0, *sorted(o for o in offsets if 0 < o < len(tok.text)), len(tok.text)]
            orths = [tok.text[a:b] for a, b in zip(edges, edges[1:])]
            if len(orths) > 1:
                retok.split(tok, orths, heads=[(tok, 0)] * len(orths))


def _token_offsets(doc: Doc, matches: list[Match]) -> tuple[list, list]:
    """Map character spans to ``(label, start_token, end_token)``; also return the misfits."""
    table = doc.to_array([IDX, LENGTH])
    starts = table[:, 0]
    ends = starts + table[:, 1]
    first = np.searchsorted(starts, [m.start for m in matches])
    last = np.searchsorted(ends, [m.end for m in matches])
    found, misaligned = [], []
    n = len(starts)
    for m, i, j in zip(matches, first.tolist(), last.tolist()):
        if i < n and j < n and starts[i] == m.start and ends[j] == m.end and i <= j:
            found.append((m.label, i, j + 1))
        else:
            misaligned.append(m)
    return found, misaligned


def _combine(existing: list[tuple], new: list[tuple], overwrite: bool) -> list[tuple]:
    """Merge rule spans with entities already on the doc, without overlaps."""
    if not existing:
        return new  # the grammar's spans are flat and sorted already
    first, second = (new, existing) if overwrite else (existing, new)
    kept = first_fit(first + second, lambda item: (item[1], item[2]))
    return sorted(kept, key=lambda item: item[1])
