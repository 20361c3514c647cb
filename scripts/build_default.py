"""Build the pipeline bundled with the package (``pipeline/zhgov/default``).

    python scripts/build_default.py            # rules-only pipeline from the package data

The ruler embeds the word lists it was initialised with, so rebuild after editing
``pipeline/zhgov/data``; a test checks that the bundled copy is current.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import spacy

import zhgov

TARGET = Path(zhgov.__file__).parent / "default"


NORMALIZERS = ("zhgov_money", "zhgov_aliases", "zhgov_policies", "zhgov_agencies")


def add_normalizers(nlp):
    for name in NORMALIZERS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)


def build_rules_only():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "zhgov.ChineseTokenizer.v1"}}})
    nlp.add_pipe("zhgov_entity_ruler")
    add_normalizers(nlp)
    nlp.initialize()
    nlp.meta.update({
        "name": "zhgov_rules", "version": zhgov.__version__,
        "description": "zhgov rules-only pipeline: character tokens + zhgov_entity_ruler",
        "license": "MIT",
    })
    return nlp


def main() -> int:
    nlp = build_rules_only()
    tmp = TARGET.with_name("default.tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if TARGET.exists():
        shutil.rmtree(TARGET)
    tmp.rename(TARGET)
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
