"""zhgov_ner: BILUO decoding, the well-formedness repair, training and serialization."""

import numpy
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span
from spacy.training import Example

from zhgov.components.tagger_ner import _viterbi, best_tags, decode, transitions

LABELS = ["AGENCY", "MONEY"]
ALLOWED, FIRST_OK, LAST_OK = transitions(len(LABELS))
# tag ids: 0 = O; AGENCY B I L U = 1 2 3 4; MONEY B I L U = 5 6 7 8
DECODE_CASES = [
    ([0, 0, 0], []),
    ([1, 2, 3], [(0, 3, "AGENCY")]),
    ([4, 4], [(0, 1, "AGENCY"), (1, 2, "AGENCY")]),
    ([0, 5, 7, 0, 8], [(1, 3, "MONEY"), (4, 5, "MONEY")]),
    ([2, 2, 3], [(0, 3, "AGENCY")]),  # I without B still gives the entity
    ([1, 2], [(0, 2, "AGENCY")]),  # unclosed at the end
    ([1, 6, 7], [(0, 1, "AGENCY"), (1, 3, "MONEY")]),  # a change of label splits
    ([1, 0, 3], [(0, 1, "AGENCY"), (2, 3, "AGENCY")]),  # a gap splits
    ([1, 3, 2, 3], [(0, 2, "AGENCY"), (2, 4, "AGENCY")]),  # L closes
]


@pytest.mark.parametrize("tags,expected", DECODE_CASES)
def test_decode(tags, expected):
    assert decode(numpy.asarray(tags), LABELS) == expected


def well_formed(tags) -> bool:
    return bool(FIRST_OK[tags[0]] and LAST_OK[tags[-1]]
                and all(ALLOWED[a, b] for a, b in zip(tags[:-1], tags[1:])))


def test_transitions_table():
    assert ALLOWED[0, 1] and ALLOWED[1, 2] and ALLOWED[2, 3] and ALLOWED[3, 0] and ALLOWED[4, 5]
    assert not ALLOWED[0, 2] and not ALLOWED[1, 0] and not ALLOWED[1, 7] and not ALLOWED[3, 2]
    assert list(numpy.flatnonzero(FIRST_OK)) == [0, 1, 4, 5, 8]
    assert list(numpy.flatnonzero(LAST_OK)) == [0, 3, 4, 7, 8]


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 30), st.integers(0, 2**32 - 1), st.floats(0, 4))
def test_best_tags_are_well_formed_and_argmax_when_possible(n, seed, bias):
    rng = numpy.random.default_rng(seed)
    scores = rng.normal(size=(n, 1 + 4 * len(LABELS)))
    scores[:, 0] += bias
    tags = best_tags(scores.copy(), ALLOWED, FIRST_OK, LAST_OK)
    assert well_formed(tags)
    greedy = scores.argmax(axis=1)
    if well_formed(greedy):
        assert list(tags) == list(greedy)
    # never worse than the best path's score by more than a little (windows are local)
    full = _viterbi(scores, ALLOWED, FIRST_OK, LAST_OK)
    assert well_formed(full)
    rows = numpy.arange(n)
    assert scores[rows, tags].sum() <= scores[rows, full].sum() + 1e-6


def test_viterbi_fixes_a_broken_entity():
    # argmax says O B O: the run must become B L, U or O
    scores = numpy.log(numpy.asarray([
        [0.9, 0.02, 0.02, 0.02, 0.02, 0.01, 0.01, 0.0, 0.0],
        [0.1, 0.6, 0.1, 0.1, 0.05, 0.05, 0.0, 0.0, 0.0],
        [0.5, 0.0, 0.1, 0.4, 0.0, 0.0, 0.0, 0.0, 0.0],
    ]) + 1e-9)
    tags = best_tags(scores.copy(), ALLOWED, FIRST_OK, LAST_OK)
    assert list(tags) == [0, 1, 3]


TRAIN = [
    ("县民政局发放3200元", [(0, 4, "AGENCY"), (6, 11, "MONEY")]),
    ("市财政局拨付5万元", [(0, 4, "AGENCY"), (6, 9, "MONEY")]),
    ("区人社局补贴800元", [(0, 4, "AGENCY"), (6, 10, "MONEY")]),
]


def _nlp():
    nlp = spacy.blank("zh")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 16, "attrs": ["ORTH"],
                  "rows": [200], "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 16, "depth": 1,
                   "window_size": 1, "maxout_pieces": 2}}})
    nlp.add_pipe("zhgov_ner", config={"model": {
        "@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 16, "upstream": "*"}}})
    return nlp


def _examples(nlp):
    out = []
    for text, spans in TRAIN:
        doc = nlp.make_doc(text)
        out.append(Example.from_dict(doc, {"entities": [(s, e, label) for s, e, label in spans]}))
    return out


@pytest.fixture(scope="module")
def trained():
    nlp = _nlp()
    examples = _examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(60):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp


def test_learns_the_training_examples(trained):
    assert trained.get_pipe("zhgov_ner").labels == ("AGENCY", "MONEY")
    doc = trained("县民政局发放3200元")
    assert [(e.text, e.label_) for e in doc.ents] == [("县民政局", "AGENCY"), ("3200元", "MONEY")]
    scores = trained.evaluate(_examples(trained))
    assert scores["ents_f"] == 1.0


def test_keeps_entities_set_before_it(trained):
    doc = trained.make_doc("县民政局发放3200元")
    doc.ents = [Span(doc, 1, 3, label="POLICY")]
    doc = trained.get_pipe("tok2vec")(doc)
    doc = trained.get_pipe("zhgov_ner")(doc)
    assert ("民政", "POLICY") in [(e.text, e.label_) for e in doc.ents]
    assert all(not (e.start < 3 and 1 < e.end) or e.label_ == "POLICY" for e in doc.ents)


def test_empty_docs(trained):
    docs = list(trained.pipe(["", "县民政局发放3200元", ""]))
    assert [len(d.ents) for d in docs] == [0, 2, 0]


def test_serialization_round_trip(trained, tmp_path):
    trained.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    text = "市财政局拨付5万元，区人社局补贴800元"
    assert [(e.start, e.end, e.label_) for e in loaded(text).ents] == [
        (e.start, e.end, e.label_) for e in trained(text).ents]
    fresh = _nlp()
    fresh.from_bytes(trained.to_bytes())
    assert fresh.get_pipe("zhgov_ner").labels == ("AGENCY", "MONEY")
    assert [e.text for e in fresh(text).ents] == [e.text for e in trained(text).ents]
