import json
import os

import pytest
from typer.testing import CliRunner

from zhgov.cli import app
from zhgov.jobs import run_tag
from zhgov.tagging import split_text

runner = CliRunner()
SAMPLE = "江州市民政局依据《江州市临时救助实施办法》，向陈先生发放临时救助金3200元。"


def _jsonl(output):
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_tag_string():
    result = runner.invoke(app, ["tag", SAMPLE])
    assert result.exit_code == 0, result.output
    (doc,) = _jsonl(result.stdout)
    assert doc["text"] == SAMPLE and doc["source"] == "<arg:1>"
    assert [(e["text"], e["label"]) for e in doc["ents"]] == [
        ("江州市民政局", "AGENCY"), ("《江州市临时救助实施办法》", "POLICY"),
        ("陈先生", "PERSON_ALIAS"), ("3200元", "MONEY"),
    ]
    assert all(SAMPLE[e["start"]:e["end"]] == e["text"] for e in doc["ents"])


def test_text_option_is_never_a_path(tmp_path):
    result = runner.invoke(app, ["tag", "--text", "a.txt"])
    assert result.exit_code == 0
    assert _jsonl(result.stdout)[0]["text"] == "a.txt"


def test_text_format():
    result = runner.invoke(app, ["tag", "-f", "text", "县医保局向韦某（化名）报销1.17万元"])
    assert result.stdout.strip() == "[县医保局|AGENCY]向[韦某|PERSON_ALIAS]（化名）报销[1.17万元|MONEY]"


def test_html_format(tmp_path):
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["tag", "-f", "html", "-o", str(out), SAMPLE])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf8")
    assert page.startswith("<!DOCTYPE html>") and "江州市民政局" in page
    assert "#7aecec" in page and "#c887fb" in page  # one colour per label


def test_folder_recursive_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("县民政局发放3200元。", encoding="utf8")
    (tmp_path / "b" / "c.txt").write_text("王某某盗窃人民币352元", encoding="utf8")
    (tmp_path / "b" / "skip.md").write_text("not tagged", encoding="utf8")
    result = runner.invoke(app, ["tag", "-q", str(tmp_path)])
    assert result.exit_code == 0, result.output
    docs = _jsonl(result.stdout)
    assert [os.path.basename(d["source"]) for d in docs] == ["a.txt", "c.txt"]


def test_stdin():
    result = runner.invoke(app, ["tag", "-"], input="市财政局拨付1.2亿元".encode("utf8"))
    assert result.exit_code == 0
    (doc,) = _jsonl(result.stdout)
    assert doc["source"] == "<stdin>"
    assert [e["text"] for e in doc["ents"]] == ["市财政局", "1.2亿元"]


def test_gbk_needs_encoding(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("市财政局拨付1.2亿元".encode("gbk"))
    result = runner.invoke(app, ["tag", str(path)])
    assert result.exit_code == 1
    assert "E003" in result.stderr and str(path) in result.stderr and "byte 0" in result.stderr
    result = runner.invoke(app, ["tag", "-e", "gbk", str(path)])
    assert result.exit_code == 0
    assert [e["text"] for e in _jsonl(result.stdout)[0]["ents"]] == ["市财政局", "1.2亿元"]


@pytest.mark.parametrize(
    "content,code",
    [(b"", "E004"), (b"  \n", "E004"), (b"ab\x00cd", "E005"), ("好".encode("utf8")[:2], "E003")],
)
def test_bad_files_are_reported(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["tag", str(path)])
    assert result.exit_code == 1
    assert code in result.stderr and str(path) in result.stderr


def test_missing_path():
    result = runner.invoke(app, ["tag", "no/such/file.txt"])
    assert result.exit_code == 1
    assert "E002" in result.stderr and "no/such/file.txt" in result.stderr


def test_unknown_encoding(tmp_path):
    result = runner.invoke(app, ["tag", "-e", "klingon", "县民政局"])
    assert result.exit_code == 1 and "E007" in result.stderr


def test_one_bad_file_keeps_the_others(tmp_path):
    (tmp_path / "a.txt").write_text("县民政局发放3200元。", encoding="utf8")
    (tmp_path / "b.txt").write_bytes("市财政局".encode("gbk"))
    (tmp_path / "c.txt").write_text("王某某", encoding="utf8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["tag", "-q", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "b.txt" in result.stderr and "E013" in result.stderr
    docs = [json.loads(l) for l in out.read_text(encoding="utf8").splitlines()]
    assert [os.path.basename(d["source"]) for d in docs] == ["a.txt", "c.txt"]


@pytest.mark.parametrize("fmt,leftover", [
    ("jsonl", ["out.jsonl", "out.jsonl.partial"]),  # the journal waits for --resume
    ("text", ["out.jsonl"]),
])
def test_output_is_atomic(tmp_path, monkeypatch, fmt, leftover):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf8")

    def explode(docs, fh):
        fh.write("half")
        raise RuntimeError("disk full")

    monkeypatch.setattr("zhgov.formats.WRITERS", {fmt: explode})
    with pytest.raises(RuntimeError):
        run_tag([], texts=["县民政局"], output=out, fmt=fmt)
    assert out.read_text(encoding="utf8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == leftover


def _folder(tmp_path, n):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(f"县民政局第{i}次发放{i}000元，王某{i}领取。", encoding="utf8")
    return folder


def test_resume_after_interruption(tmp_path):
    folder = _folder(tmp_path, 12)
    full = tmp_path / "full.jsonl"
    run_tag([str(folder)], output=full, progress=False)
    expected = full.read_text(encoding="utf8").splitlines()
    out = tmp_path / "out.jsonl"
    # an interrupted run: five documents written, the sixth torn mid-line
    partial = tmp_path / "out.jsonl.partial"
    partial.write_text("\n".join(expected[:5]) + "\n" + expected[5][:20], encoding="utf8")
    result = runner.invoke(app, ["tag", "-q", "--resume", "-o", str(out), str(folder)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf8").splitlines() == expected
    assert not partial.exists()


def test_resume_needs_jsonl_output():
    result = runner.invoke(app, ["tag", "--resume", "县民政局"])
    assert result.exit_code == 1 and "--resume" in result.stderr


def test_output_folder_must_exist(tmp_path):
    result = runner.invoke(app, ["tag", "-o", str(tmp_path / "no" / "x.jsonl"), "县民政局"])
    assert result.exit_code == 1 and "E010" in result.stderr


def test_nothing_to_tag():
    result = runner.invoke(app, ["tag"])
    assert result.exit_code == 2


def test_split_text_keeps_offsets():
    text = "第一行。\n第二行很长很长。第三句！\n" * 50
    pieces = split_text(text, 37)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 37 for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert split_text("短", 10) == [(0, "短")]


def test_long_document_is_tagged_in_pieces(monkeypatch):
    import zhgov

    nlp = zhgov.load()
    nlp.max_length = 60
    monkeypatch.setattr("zhgov.cli.load_pipeline", lambda model: nlp)
    line = "县民政局向王某某发放3200元。\n"
    text = line * 40
    result = runner.invoke(app, ["tag", text])
    assert result.exit_code == 0, result.output
    (doc,) = _jsonl(result.stdout)
    assert doc["text"] == text
    assert len(doc["ents"]) == 120
    assert all(text[e["start"]:e["end"]] == e["text"] for e in doc["ents"])


def test_n_process_gives_same_output(tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"县民政局第{i}次发放{i}000元，王某{i}领取。", encoding="utf8")
    one = runner.invoke(app, ["tag", "-q", str(tmp_path)])
    two = runner.invoke(app, ["tag", "-q", "-n", "2", "-b", "2", str(tmp_path)])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_csv_format_has_attributes(tmp_path):
    out = tmp_path / "ents.csv"
    result = runner.invoke(app, ["tag", "-f", "csv", "-o", str(out), "县医保局向韦某（化名）报销3-5万元"])
    assert result.exit_code == 0, result.output
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf8")))
    assert [r["label"] for r in rows] == ["AGENCY", "PERSON_ALIAS", "MONEY"]
    money = rows[2]
    assert (money["value"], money["value_max"], money["currency"], money["approximate"]) == ("30000", "50000", "CNY", "False")
    assert rows[1]["alias_kind"] == "pseudonym" and rows[1]["alias_id"] == "P1"
    assert rows[0]["level"] == "county" and rows[0]["function"] == "医保"


def test_jsonl_has_attributes():
    result = runner.invoke(app, ["tag", "县人民政府关于下达救助资金的通知（江财社〔2024〕8号）发放1.17万元"])
    ents = _jsonl(result.stdout)[0]["ents"]
    policy = next(e for e in ents if e["label"] == "POLICY")
    assert policy["issuer"] == "县人民政府" and policy["doc_number"] == "江财社〔2024〕8号" and policy["doc_type"] == "通知"
    money = next(e for e in ents if e["label"] == "MONEY")
    assert money["value"] == "11700" and money["currency"] == "CNY"


def test_html_hover_shows_values():
    result = runner.invoke(app, ["tag", "-f", "html", "市民政局发放5万多元"])
    assert 'title="value=50000; value_max=50000; currency=CNY; approximate=True"' in result.stdout
