"""Training and evaluation end to end on a tiny corpus (marked slow; CI runs it)."""

import json
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from zhgov.cli import app
from zhgov.training import evaluate, read_eval_data, rules_pipeline

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_train_tiny_pipeline_and_evaluate(tmp_path):
    out = tmp_path / "model"
    result = runner.invoke(app, [
        "train", str(ROOT / "corpus"), "--config", str(ROOT / "configs" / "ner_char.cfg"),
        "--output", str(out), "--limit", "4",
        "--training.max_steps", "20", "--training.eval_frequency", "10",
        "--components.tok2vec.model.encode.width", "16",
    ])
    assert result.exit_code == 0, result.output
    best = out / "model-best"
    nlp = spacy.load(best)
    assert nlp.pipe_names == ["zhgov_entity_ruler", "tok2vec", "ner", "zhgov_rule_fill"]
    assert nlp.get_pipe("zhgov_entity_ruler").spans_key == "zhgov_rules"
    doc = nlp("县民政局向陈先生发放3200元")
    assert "zhgov_rules" in doc.spans and len(doc.spans["zhgov_rules"]) == 3
    report = tmp_path / "scores.json"
    result = runner.invoke(app, ["evaluate", str(best), str(ROOT / "corpus" / "dev.jsonl"),
                                 "--compare", "--output", str(report)])
    assert result.exit_code == 0, result.output
    scores = json.loads(report.read_text(encoding="utf8"))
    assert set(scores) == {"rules-only", "model-only", "combined"}
    assert scores["rules-only"]["total"]["f"] > 0.9
    for res in scores.values():
        assert res["documents"] == 42


def test_evaluate_reads_recall_suite_format(tmp_path):
    path = tmp_path / "suite.jsonl"
    path.write_text(json.dumps({"text": "县民政局发放3200元", "spans": [{"start": 6, "end": 11, "label": "MONEY"}]},
                               ensure_ascii=False) + "\n", encoding="utf8")
    res = evaluate(rules_pipeline(), read_eval_data([path]))
    assert res["per_label"]["MONEY"]["r"] == 1.0
    assert res["per_label"]["AGENCY"]["p"] == 0.0  # unannotated there: counts as a false positive


def test_evaluate_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "a", "spans": []}\n{"text": 1}\n', encoding="utf8")
    result = runner.invoke(app, ["evaluate", "zhgov", str(path)])
    assert result.exit_code == 1 and f"{path}:2" in result.stderr
