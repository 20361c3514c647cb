"""Tag documents of any length with a loaded pipeline.

spaCy refuses texts longer than ``nlp.max_length``. Long documents are cut at line
ends (or sentence ends, or as a last resort anywhere) into pieces that fit, tagged
piece by piece, and the entity offsets are mapped back onto the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, TypeVar

from spacy.language import Language
from spacy.tokens import Span

from .textio import InputDoc

T = TypeVar("T")

SENTENCE_END = re.compile(r"[。！？!?；;]")


@dataclass
class TaggedDoc:
    source: str
    text: str
    ents: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "source": self.source, "ents": self.ents}


def split_text(text: str, max_length: int) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` with every piece at most ``max_length`` long."""
    if len(text) <= max_length:
        return [(0, text)]
    pieces, start, n = [], 0, len(text)
    while start < n:
        end = min(start + max_length, n)
        if end < n:
            cut = text.rfind("\n", start, end)
            if cut <= start:
                ends = [m.end() for m in SENTENCE_END.finditer(text, start, end)]
                cut = ends[-1] if ends else end
            else:
                cut += 1
            end = cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def ent_to_dict(span: Span, offset: int = 0) -> dict[str, Any]:
    """The JSON form of an entity; normalising components add their attributes here."""
    out = {
        "start": span.start_char + offset,
        "end": span.end_char + offset,
        "label": span.label_,
        "text": span.text,
    }
    for name in ("value", "value_max", "currency", "approximate", "alias_kind", "alias_id",
                 "doc_type", "title", "issuer", "doc_number", "level", "region", "region_full", "function"):
        if Span.has_extension(name):
            value = getattr(span._, name)
            if value is not None:
                out[name] = str(value) if name in ("value", "value_max") else value
    return out


def bounded_batches(items: Iterable[T], max_items: int, max_chars: int,
                    length: Callable[[T], int]) -> Iterator[list[T]]:
    """Consecutive batches of at most ``max_items`` items and about ``max_chars`` characters."""
    batch: list[T] = []
    size = 0
    for item in items:
        batch.append(item)
        size += length(item)
        if len(batch) >= max_items or size >= max_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def tag_documents(
    nlp: Language,
    docs: Iterable[InputDoc],
    *,
    batch_size: int = 64,
    batch_chars: int = 50_000,
) -> Iterator[TaggedDoc]:
    """Tag documents in input order, streaming; long ones are tagged in pieces.

    A batch holds at most ``batch_size`` pieces and about ``batch_chars`` characters:
    the model's activations grow with the characters in a batch, so counting documents
    alone lets a folder of long files take gigabytes.
    """
    piece_length = max(1, min(nlp.max_length, batch_chars))

    def pieces():
        for item in docs:
            parts = split_text(item.text, piece_length)
            for k, (offset, piece) in enumerate(parts):
                yield piece, (item.source, item.text if k == len(parts) - 1 else None, offset)

    ents: list[dict[str, Any]] = []
    for batch in bounded_batches(pieces(), batch_size, batch_chars, lambda piece: len(piece[0])):
        for doc, (source, whole, offset) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            ents.extend(ent_to_dict(e, offset) for e in doc.ents)
            if whole is not None:
                yield TaggedDoc(source, whole, ents)
                ents = []
