"""``zhgov.RuleFeatureEmbed.v1``: token embeddings that also see the rules' verdict.

The entity ruler can write its spans to ``doc.spans[spans_key]`` instead of
``doc.ents``. This embedding adds, for every token, a learned vector for its rule tag
(outside, or begin/inside/last/unit of one of the four labels) to spaCy's usual hashed
attribute embeddings. The NER then starts from the grammar's answer and learns where
the corpus disagrees with it: the rules' entities are *corrected* by the model rather
than fixed.
"""

from typing import List

from spacy.ml.models import MultiHashEmbed
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Embed, Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d, Ints2d

from .grammar import LABELS

N_TAGS = 1 + 4 * len(LABELS)  # 0 = outside; then B, I, L, U for each label


def rule_tags(doc: Doc, spans_key: str) -> list[int]:
    """Per-token rule tag ids for ``doc``."""
    tags = [0] * len(doc)
    if spans_key not in doc.spans:
        return tags
    for span in doc.spans[spans_key]:
        if span.label_ not in LABELS:
            continue
        base = 1 + 4 * LABELS.index(span.label_)
        if len(span) == 1:
            tags[span.start] = base + 3
            continue
        tags[span.start] = base
        for i in range(span.start + 1, span.end - 1):
            tags[i] = base + 1
        tags[span.end - 1] = base + 2
    return tags


def RuleTags(spans_key: str) -> Model[List[Doc], List[Ints2d]]:
    def forward(model: Model, docs: List[Doc], is_train: bool):
        out = [model.ops.asarray2i([[t] for t in rule_tags(doc, spans_key)]) for doc in docs]
        return out, lambda d_out: []

    return Model("zhgov_rule_tags", forward)


@registry.architectures("zhgov.RuleFeatureEmbed.v1")
def rule_feature_embed(
    width: int,
    attrs: List[str],
    rows: List[int],
    rule_width: int = 16,
    spans_key: str = "zhgov_rules",
    include_static_vectors: bool = False,
) -> Model[List[Doc], List[Floats2d]]:
    """Hashed attribute embeddings plus an embedding of each token's rule tag."""
    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=include_static_vectors)
    rules = chain(RuleTags(spans_key), with_array(Embed(nO=rule_width, nV=N_TAGS, column=0)))
    model = chain(
        concatenate(hashed, rules),
        with_array(Maxout(nO=width, nI=width + rule_width, nP=2, normalize=True)),
    )
    model.set_ref("hashed", hashed)
    return model
