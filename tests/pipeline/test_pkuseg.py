"""The rules give the same entities on character tokens and on pkuseg words."""

import json
from pathlib import Path

import pytest

from zhgov.segmenter import model_available
from zhgov.training import rules_pipeline

from .test_ruler import AGENCY_CASES, ALIAS_CASES, MONEY_CASES, POLICY_CASES

pytestmark = pytest.mark.skipif(
    not model_available(), reason="no pkuseg model; run `zhgov segmenter init` to test pkuseg tokens"
)
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def pkuseg_nlp():
    return rules_pipeline("pkuseg")


def _spans(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_pkuseg_cuts_inside_entities(pkuseg_nlp):
    doc = pkuseg_nlp("自治区民政厅向徐先生和聂女士发放1.17万元")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("自治区民政厅", "AGENCY"), ("徐先生", "PERSON_ALIAS"), ("聂女士", "PERSON_ALIAS"), ("1.17万元", "MONEY"),
    ]


@pytest.mark.parametrize("text", [c[0] for c in AGENCY_CASES + POLICY_CASES + MONEY_CASES + ALIAS_CASES])
def test_same_entities_as_characters(pkuseg_nlp, rules_nlp, text):
    assert _spans(pkuseg_nlp(text)) == _spans(rules_nlp(text))


def test_same_entities_on_corpus(pkuseg_nlp, rules_nlp):
    char = rules_nlp
    texts = [json.loads(line)["text"] for line in (CORPUS / "dev.jsonl").open(encoding="utf8")]
    for a, b in zip(pkuseg_nlp.pipe(texts), char.pipe(texts)):
        assert _spans(a) == _spans(b)
