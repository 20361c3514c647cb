"""Loading the pipeline the way users do, in fresh processes."""

import json
import subprocess
import sys

import pytest
import spacy

import zhgov

SCRIPT = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
doc = nlp("县民政局向陈先生发放3200元")
print(json.dumps([(e.text, e.label_) for e in doc.ents], ensure_ascii=False))
"""
EXPECTED = [["县民政局", "AGENCY"], ["陈先生", "PERSON_ALIAS"], ["3200元", "MONEY"]]


def _run(arg):
    out = subprocess.run([sys.executable, "-c", SCRIPT, arg], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_spacy_load_package_name():
    assert _run("zhgov") == EXPECTED


def test_saved_pipeline_loads_in_new_process(tmp_path):
    nlp = zhgov.load()
    nlp.to_disk(tmp_path / "saved")
    assert _run(str(tmp_path / "saved")) == EXPECTED


def test_load_matches_spacy_load():
    assert zhgov.load().pipe_names == spacy.load("zhgov").pipe_names


def test_bundled_lexicon_is_current():
    """The default pipeline embeds the word lists; rebuild it after editing data/."""
    from zhgov.lexicon import Lexicon

    ruler = zhgov.load().get_pipe("zhgov_entity_ruler")
    shipped = Lexicon.from_files()
    assert ruler.lexicon.to_data() == shipped.to_data(), "run: python scripts/build_default.py"


def test_bundled_scores_match_meta():
    """The bundled pipeline still scores on corpus/test exactly what its meta.json records."""
    from pathlib import Path

    from zhgov.training import evaluate, read_eval_data

    nlp = zhgov.load()
    recorded = nlp.meta["performance"]
    assert recorded["corpus"] == "corpus/test.jsonl"
    root = Path(__file__).resolve().parents[1]
    scores = evaluate(nlp, read_eval_data([root / "corpus" / "test.jsonl"]))
    exact = pytest.approx  # meta.json stores the figures rounded to 4 places
    assert scores["total"]["f"] == exact(recorded["ents_f"], abs=5e-5)
    assert scores["total"]["p"] == exact(recorded["ents_p"], abs=5e-5)
    for label, prf in recorded["ents_per_type"].items():
        assert scores["per_label"][label]["f"] == exact(prf["f"], abs=5e-5)


def test_bundled_pipeline_is_small():
    from pathlib import Path

    size = sum(p.stat().st_size for p in Path(zhgov.DEFAULT_PIPELINE).rglob("*") if p.is_file())
    assert size <= 15_000_000
