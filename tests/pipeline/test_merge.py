"""zhgov_rule_fill: how rule spans and model entities are combined."""

import pytest
import spacy


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhgov_entity_ruler", config={"spans_key": "zhgov_rules"})
    nlp.add_pipe("zhgov_rule_fill", config={"covering_labels": ["AGENCY"]})
    nlp.initialize()
    return nlp


def run(nlp, text, model_ents):
    """Rules, then the given 'model' entities as (surface, label), then the fill."""
    doc = nlp.get_pipe("zhgov_entity_ruler")(nlp.make_doc(text))
    ents = []
    for surface, label in model_ents:
        start = text.index(surface)
        ents.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = ents
    doc = nlp.get_pipe("zhgov_rule_fill")(doc)
    return [(e.text, e.label_) for e in doc.ents]


CASES = [
    # nothing from the model: every rule span comes back
    ("县民政局向陈先生发放3200元", [], [("县民政局", "AGENCY"), ("陈先生", "PERSON_ALIAS"), ("3200元", "MONEY")]),
    # trusted labels win over the model
    ("县民政局发放3200元", [("放3200", "POLICY")], [("县民政局", "AGENCY"), ("3200元", "MONEY")]),
    # the model's own entities stay, rule spans fill around them
    ("县民政局发放3200元", [("县民政局发", "AGENCY")], [("县民政局发", "AGENCY"), ("3200元", "MONEY")]),
    # a piece the grammar rejects is replaced by the covering rule span
    ("新闻出版总署查处", [("版总署", "AGENCY")], [("新闻出版总署", "AGENCY")]),
    ("美国中央情报局回应", [("美国中", "AGENCY")], [("美国中央情报局", "AGENCY")]),
    # a piece the grammar accepts on its own is a correction and stays
    ("江州市各级财政部门要加强监管", [("财政部门", "AGENCY")], [("财政部门", "AGENCY")]),
    # a model entity reaching outside the rule span is not a piece of it
    ("县医保局窗口办理", [("县医保局窗口", "AGENCY")], [("县医保局窗口", "AGENCY")]),
]


@pytest.mark.parametrize("text,model_ents,expected", CASES)
def test_rule_fill(nlp, text, model_ents, expected):
    assert run(nlp, text, model_ents) == expected


def test_covering_is_off_by_default():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhgov_entity_ruler", config={"spans_key": "zhgov_rules"})
    nlp.add_pipe("zhgov_rule_fill")
    nlp.initialize()
    assert run(nlp, "新闻出版总署查处", [("版总署", "AGENCY")]) == [("版总署", "AGENCY")]


def test_settings_round_trip(nlp):
    fill = nlp.get_pipe("zhgov_rule_fill")
    copy = spacy.blank("zh").add_pipe("zhgov_rule_fill")
    copy.from_bytes(fill.to_bytes())
    assert copy.covering_labels == ["AGENCY"] and copy.trusted_labels == ["MONEY", "PERSON_ALIAS"]
