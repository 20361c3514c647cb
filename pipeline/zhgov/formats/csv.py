"""One row per entity, with its normalised attributes (empty where they do not apply)."""

from __future__ import annotations

import csv as _csv
from typing import Iterable, TextIO

from ..tagging import TaggedDoc

COLUMNS = ("source", "start", "end", "label", "text", "value", "value_max", "currency", "approximate",
           "alias_kind", "alias_id", "doc_type", "title", "issuer", "doc_number",
           "level", "region", "region_full", "function")


def write(docs: Iterable[TaggedDoc], out: TextIO) -> int:
    writer = _csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for doc in docs:
        for ent in doc.ents:
            row = {"source": doc.source, **ent}
            writer.writerow(["" if row.get(c) is None else row[c] for c in COLUMNS])
        count += 1
    return count
