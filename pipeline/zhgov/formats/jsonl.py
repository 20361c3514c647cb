"""One JSON object per document: ``{"text", "source", "ents": [...]}``."""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from ..tagging import TaggedDoc


def write(docs: Iterable[TaggedDoc], out: TextIO) -> int:
    count = 0
    for doc in docs:
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count
