"""Plain text with entities marked inline as ``[实体|LABEL]``, documents separated by a blank line."""

from __future__ import annotations

from typing import Iterable, TextIO

from ..tagging import TaggedDoc


def render(doc: TaggedDoc) -> str:
    parts, pos = [], 0
    for ent in doc.ents:
        parts.append(doc.text[pos : ent["start"]])
        parts.append(f"[{doc.text[ent['start']:ent['end']]}|{ent['label']}]")
        pos = ent["end"]
    parts.append(doc.text[pos:])
    return "".join(parts)


def write(docs: Iterable[TaggedDoc], out: TextIO) -> int:
    count = 0
    for doc in docs:
        if count:
            out.write("\n")
        out.write(render(doc).rstrip("\n") + "\n")
        count += 1
    return count
