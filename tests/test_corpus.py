import json
from pathlib import Path

from typer.testing import CliRunner

from zhgov.cli import app
from zhgov.corpus import read_corpus, to_docbin, validate_paths

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
META = {"genre": "news", "domain": "social_assistance", "region": "广西"}


def _write(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf8")


def _rec(i, text, spans):
    return {"id": f"t-{i}", "text": text, "spans": [dict(zip(("start", "end", "label"), s)) for s in spans], "meta": META}


def test_shipped_corpus_is_valid():
    result = runner.invoke(app, ["validate", str(ROOT / "corpus")])
    assert result.exit_code == 0, result.stdout
    assert "240 articles" in result.stderr


def test_shipped_corpus_meets_the_size_targets():
    _, summary = validate_paths([ROOT / "corpus"])
    assert summary["articles"] >= 200 and summary["characters"] >= 250_000
    for split, minimum in (("train", 400), ("dev", 80), ("test", 80)):
        _, s = validate_paths([ROOT / "corpus" / f"{split}.jsonl"])
        assert all(s["entities"][label] >= minimum for label in ("AGENCY", "POLICY", "MONEY", "PERSON_ALIAS"))


def test_every_problem_is_reported_with_file_and_line(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write(a, [
        _rec(1, "县民政局发放3200元", [(0, 4, "AGENCY"), (6, 11, "MONEY")]),   # fine
        _rec(2, "县民政局发放3200元", [(0, 40, "AGENCY")]),                    # out of range
        _rec(3, "县民政局发放3200元", [(0, 4, "AGENCY"), (2, 6, "AGENCY")]),   # overlap
        _rec(4, "县民政局发放3200元", [(0, 4, "ORG")]),                        # unknown label
        _rec(5, "县民政局，发放", [(0, 5, "AGENCY")]),                          # punctuation edge
        _rec(6, " 县民政局", [(0, 5, "AGENCY")]),                              # whitespace edge
    ])
    a.write_text(a.read_text(encoding="utf8") + "{not json\n", encoding="utf8")
    _write(b, [_rec(1, "县民政局", [(0, 4, "POLICY")])])                        # dup id, label clash
    problems, _ = validate_paths([tmp_path])
    text = "\n".join(map(str, problems))
    assert f"{a}:2: span 0-40 AGENCY: offsets outside" in text
    assert f"{a}:3: span 2-6 AGENCY: overlaps" in text
    assert f"{a}:4: span 0-4 ORG: unknown label" in text
    assert f"{a}:5:" in text and "punctuation" in text
    assert f"{a}:6:" in text
    assert f"{a}:7: not valid JSON" in text
    assert f"{b}:1: id 't-1' already used at {a}:1" in text
    assert f"{b}:1: '县民政局' is POLICY here but AGENCY at {a}:1" in text
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1 and f"{a}:2:" in result.stdout


def test_missing_fields_are_problems(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "x", "text": "abc", "spans": [], "extra": 1}\n', encoding="utf8")
    problems, _ = validate_paths([path])
    messages = [p.message for p in problems]
    assert any(m.startswith("meta:") for m in messages) and any(m.startswith("extra:") for m in messages)


def test_docbin_round_trip(tmp_path):
    import spacy

    records = read_corpus([ROOT / "corpus" / "dev.jsonl"])
    nlp = spacy.blank("zh")
    docs = list(to_docbin(nlp, records).get_docs(nlp.vocab))
    assert len(docs) == len(records)
    first = records[0]
    assert [(e.start_char, e.end_char, e.label_) for e in docs[0].ents] == [
        (s["start"], s["end"], s["label"]) for s in sorted(first["spans"], key=lambda s: s["start"])
    ]
