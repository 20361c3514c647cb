"""``zhgov_ner``: a trainable entity recognizer that tags every token at once.

spaCy's transition-based ``ner`` takes one step per token in a loop; with one token per
Chinese character that loop costs about 6 µs per character here, more than the rest of
the pipeline together. This component reads the same tok2vec output but predicts a
BILUO tag for every token in one matrix product (spaCy's ``spacy.Tagger.v2`` model),
then decodes the tags into entities: a B or U tag, a change of label or a gap opens a
new entity, an L or U tag closes it. Ill-formed runs (I without B) still give an entity,
so a missing boundary tag costs a boundary, not the entity.

Entities already in ``doc.ents`` when it runs are kept; predictions overlapping them are
dropped, as the transition NER treats preset entities as fixed.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice
from typing import Callable, Iterable, Optional

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_examples, validate_get_examples
from spacy.vocab import Vocab
from thinc.api import Config, Model, SequenceCategoricalCrossentropy

from ..grammar._util import first_fit

MOVES = "BILU"

DEFAULT_MODEL = Config().from_str(
    """
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 32
depth = 3
embed_size = 2000
window_size = 1
maxout_pieces = 2
subword_features = false
"""
)["model"]


@Language.factory(
    "zhgov_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={"model": DEFAULT_MODEL, "scorer": {"@scorers": "spacy.ner_scorer.v1"}},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_tagger_ner(nlp: Language, name: str, model: Model, scorer: Optional[Callable]):
    return TaggerNER(nlp.vocab, model, name, scorer=scorer)


@lru_cache(maxsize=8)
def transitions(n_labels: int) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """BILUO constraints over tag ids: allowed[prev, next], allowed first and last tags."""
    n = 1 + 4 * n_labels
    begin = [1 + 4 * k for k in range(n_labels)]
    inside = [2 + 4 * k for k in range(n_labels)]
    last = [3 + 4 * k for k in range(n_labels)]
    unit = [4 + 4 * k for k in range(n_labels)]
    first_ok = numpy.zeros(n, bool)
    first_ok[[0] + begin + unit] = True
    last_ok = numpy.zeros(n, bool)
    last_ok[[0] + last + unit] = True
    allowed = numpy.zeros((n, n), bool)
    allowed[numpy.ix_(last_ok, first_ok)] = True  # O, L, U may be followed by O, B, U
    for k in range(n_labels):
        allowed[begin[k], [inside[k], last[k]]] = True
        allowed[inside[k], [inside[k], last[k]]] = True
    return allowed, first_ok, last_ok


def best_tags(scores: numpy.ndarray, allowed: numpy.ndarray, first_ok: numpy.ndarray,
              last_ok: numpy.ndarray) -> numpy.ndarray:
    """The best well-formed tag sequence for one document's (n_tokens, n_tags) scores.

    Where the per-token argmax is already well formed it is the answer (no valid path
    scores higher). Otherwise each run of non-O tokens holding a violation is decoded
    again by Viterbi, with the O tokens on either side free to change; those runs are a
    few tokens long, so the cost stays far below a Viterbi pass over the document (the
    result is well formed, and almost always the best path).
    """
    tags = scores.argmax(axis=1)
    n = len(tags)
    if n == 0:
        return tags
    bad = numpy.flatnonzero(~allowed[tags[:-1], tags[1:]]).tolist()
    if not first_ok[tags[0]]:
        bad.insert(0, 0)
    if not last_ok[tags[-1]]:
        bad.append(n - 1)
    if not bad:
        return tags
    outside = numpy.flatnonzero(tags == 0)
    windows: list[list[int]] = []
    for p in bad:
        # from the O before the run to the O after it (both may change)
        i = numpy.searchsorted(outside, p, side="right")
        start = int(outside[i - 1]) if i > 0 else 0
        j = numpy.searchsorted(outside, p + 1, side="left")
        end = int(outside[j]) + 1 if j < len(outside) else n
        if windows and start < windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        tags[start:end] = _viterbi(scores[start:end], allowed, first_ok, last_ok)
    return tags


def _viterbi(scores: numpy.ndarray, allowed: numpy.ndarray, first_ok: numpy.ndarray,
             last_ok: numpy.ndarray) -> numpy.ndarray:
    penalty = numpy.where(allowed, 0.0, -1e9)
    n = len(scores)
    back = numpy.zeros(scores.shape, dtype="i")
    total = scores[0] + numpy.where(first_ok, 0.0, -1e9)
    for t in range(1, n):
        cand = total[:, None] + penalty
        back[t] = cand.argmax(axis=0)
        total = cand[back[t], numpy.arange(cand.shape[1])] + scores[t]
    total = total + numpy.where(last_ok, 0.0, -1e9)
    path = numpy.zeros(n, dtype="i")
    path[-1] = total.argmax()
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def decode(tag_ids: numpy.ndarray, labels: list[str]) -> list[tuple[int, int, str]]:
    """Entities (start, end, label) from one document's BILUO tag ids (0 = O)."""
    spans = []
    start = last = -1
    label = -1
    for i in numpy.flatnonzero(tag_ids).tolist():
        tag = tag_ids[i] - 1
        lab, move = divmod(int(tag), 4)
        if start >= 0 and (i != last + 1 or lab != label or move in (0, 3)):
            spans.append((start, last + 1, labels[label]))
            start = -1
        if start < 0:
            start, label = i, lab
        last = i
        if move in (2, 3):
            spans.append((start, i + 1, labels[label]))
            start = -1
    if start >= 0:
        spans.append((start, last + 1, labels[label]))
    return spans


class TaggerNER(TrainablePipe):
    """Entity recognition as per-token BILUO tagging over a shared tok2vec."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "zhgov_ner", *,
                 scorer: Optional[Callable] = None) -> None:
        self.vocab, self.model, self.name, self.scorer = vocab, model, name, scorer
        self.cfg = {"labels": []}

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def tags(self) -> list[str]:
        """Output classes: O, then B, I, L, U of each label."""
        return ["O"] + [f"{m}-{label}" for label in self.labels for m in MOVES]

    @property
    def label_data(self) -> list[str]:
        return list(self.labels)

    def add_label(self, label: str) -> int:
        if label in self.cfg["labels"]:
            return 0
        self._allow_extra_label()
        self.cfg["labels"].append(label)
        return 1

    def predict(self, docs: Iterable[Doc]) -> list[numpy.ndarray]:
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [numpy.zeros((len(doc),), dtype="i") for doc in docs]
        scores = self.model.predict(docs)
        constraints = transitions(len(self.labels))
        # log-probabilities, so that Viterbi adds comparable numbers
        return [best_tags(_log_softmax(self.model.ops.to_numpy(s)), *constraints) for s in scores]

    def set_annotations(self, docs: Iterable[Doc], tag_ids: list[numpy.ndarray]) -> None:
        labels = self.labels
        for doc, ids in zip(docs, tag_ids):
            found = [Span(doc, s, e, label=label) for s, e, label in decode(ids, labels)]
            if doc.ents:
                found = first_fit(list(doc.ents) + found, lambda span: (span.start, span.end))
            doc.set_ents(sorted(found, key=lambda span: span.start), default="outside")

    def _truths(self, examples: Iterable[Example]) -> list[list[Optional[str]]]:
        """Gold BILUO tags aligned to the predicted tokens; None where unknown."""
        known = set(self.tags)
        return [[tag if tag in known else None for tag in eg.get_aligned_ner()] for eg in examples]

    def get_loss(self, examples: Iterable[Example], scores) -> tuple[float, list]:
        validate_examples(examples, "TaggerNER.get_loss")
        loss_func = SequenceCategoricalCrossentropy(names=self.tags, normalize=False, missing_value=None)
        d_scores, loss = loss_func(scores, self._truths(examples))
        if self.model.ops.xp.isnan(loss):
            raise ValueError("NaN loss in zhgov_ner")
        return float(loss), d_scores

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd=None, losses=None) -> dict:
        if losses is None:
            losses = {}
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_examples(examples, "TaggerNER.update")
        if not any(len(eg.predicted) for eg in examples):
            return losses
        scores, backprop = self.model.begin_update([eg.predicted for eg in examples])
        loss, d_scores = self.get_loss(examples, scores)
        backprop(d_scores)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Optional[Language] = None,
                   labels: Optional[list[str]] = None) -> None:
        validate_get_examples(get_examples, "TaggerNER.initialize")
        if labels is not None:
            self.cfg["labels"] = list(labels)
        else:
            found = {ent.label_ for eg in get_examples() for ent in eg.reference.ents}
            self.cfg["labels"] = sorted(found)
        docs, truths = [], []
        for eg in islice(get_examples(), 10):
            docs.append(eg.x)
            truths.extend(self._truths([eg]))
        tags = self.tags
        Y = [self.model.ops.asarray2f([[1.0 if t == g else 0.0 for t in tags] for g in truth]) for truth in truths]
        self.model.initialize(X=docs, Y=Y)


def _log_softmax(x: numpy.ndarray) -> numpy.ndarray:
    x = x - x.max(axis=1, keepdims=True)
    return x - numpy.log(numpy.exp(x).sum(axis=1, keepdims=True))
