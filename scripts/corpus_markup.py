"""Convert hand-annotated article drafts into the JSONL corpus.

Drafts are plain UTF-8 files where each article starts with a header line

    === id: gx-001 | genre: news | domain: social_assistance | region: 广西

followed by its text, with every entity written inline as ``[[surface|LABEL]]``.
The converter strips the markup, computes character offsets on the clean text and
assigns each article to train/dev/test by a stable hash of its id, so a split never
cuts an article in two.

    python scripts/corpus_markup.py check corpus/drafts/*.txt
    python scripts/corpus_markup.py build corpus/drafts/*.txt --out corpus/
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

LABELS = {"AGENCY", "POLICY", "MONEY", "PERSON_ALIAS"}
HEADER = re.compile(r"^===\s*(.*)$")
MARK = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]", re.S)
META_KEYS = ("genre", "domain", "region")


class DraftError(ValueError):
    pass


def parse_header(line: str, where: str) -> dict:
    fields = {}
    for part in line.split("|"):
        if ":" not in part:
            raise DraftError(f"{where}: header field without ':' in {part!r}")
        key, value = part.split(":", 1)
        fields[key.strip()] = value.strip()
    missing = {"id", *META_KEYS} - fields.keys()
    if missing:
        raise DraftError(f"{where}: header lacks {sorted(missing)}")
    return fields


def convert_body(body: str, where: str) -> tuple[str, list[dict]]:
    """Strip ``[[surface|LABEL]]`` marks, returning clean text and spans."""
    out, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(body):
        before = body[pos : m.start()]
        if "[[" in before or "]]" in before:
            raise DraftError(f"{where}: unbalanced markup near {before[-30:]!r}")
        out.append(before)
        length += len(before)
        surface, label = m.group(1), m.group(2)
        if label not in LABELS:
            raise DraftError(f"{where}: unknown label {label!r} on {surface!r}")
        if "[[" in surface:
            raise DraftError(f"{where}: nested markup in {surface!r}")
        spans.append({"start": length, "end": length + len(surface), "label": label})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    rest = body[pos:]
    if "[[" in rest or "]]" in rest:
        raise DraftError(f"{where}: unbalanced markup near {rest[:30]!r}")
    out.append(rest)
    return "".join(out), spans


def split_of(doc_id: str) -> str:
    bucket = int(hashlib.sha1(doc_id.encode("utf8")).hexdigest(), 16) % 100
    return "train" if bucket < 70 else "dev" if bucket < 85 else "test"


def read_drafts(path: Path) -> list[dict]:
    records, header, header_line, lines = [], None, 0, []

    def flush():
        if header is None:
            return
        where = f"{path}:{header_line}"
        text, spans = convert_body("\n".join(lines).strip("\n"), where)
        meta = {k: header[k] for k in META_KEYS}
        records.append({"id": header["id"], "text": text, "spans": spans, "meta": meta})

    for lineno, line in enumerate(path.read_text(encoding="utf8").splitlines(), 1):
        m = HEADER.match(line)
        if m:
            flush()
            header, header_line, lines = parse_header(m.group(1), f"{path}:{lineno}"), lineno, []
        elif header is not None:
            lines.append(line)
        elif line.strip():
            raise DraftError(f"{path}:{lineno}: text before the first '===' header")
    flush()
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["check", "build"])
    parser.add_argument("drafts", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path("corpus"))
    args = parser.parse_args(argv)
    records, seen, errors = [], {}, 0
    for path in args.drafts:
        try:
            for rec in read_drafts(path):
                if rec["id"] in seen:
                    raise DraftError(f"{path}: id {rec['id']} already used in {seen[rec['id']]}")
                seen[rec["id"]] = path
                records.append(rec)
        except DraftError as err:
            print(err, file=sys.stderr)
            errors += 1
    counts: dict[str, int] = {}
    for rec in records:
        for span in rec["spans"]:
            counts[span["label"]] = counts.get(span["label"], 0) + 1
    chars = sum(len(r["text"]) for r in records)
    print(f"{len(records)} articles, {chars} characters, entities {counts}", file=sys.stderr)
    if errors:
        return 1
    if args.command == "build":
        args.out.mkdir(parents=True, exist_ok=True)
        by_split: dict[str, list[dict]] = {"train": [], "dev": [], "test": []}
        for rec in sorted(records, key=lambda r: r["id"]):
            by_split[split_of(rec["id"])].append(rec)
        for split, recs in by_split.items():
            target = args.out / f"{split}.jsonl"
            tmp = target.with_suffix(".jsonl.tmp")
            with tmp.open("w", encoding="utf8") as fh:
                for rec in recs:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            tmp.replace(target)
            print(f"{target}: {len(recs)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
