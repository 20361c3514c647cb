"""Output formats for tagged documents: one module each, a ``write(docs, out)`` function."""

from __future__ import annotations

from typing import Callable, Iterable, TextIO

from ..errors import Errors, ZhgovError
from ..tagging import TaggedDoc
from . import csv, html, jsonl, text

WRITERS: dict[str, Callable[[Iterable[TaggedDoc], TextIO], int]] = {
    "jsonl": jsonl.write,
    "text": text.write,
    "html": html.write,
    "csv": csv.write,
}


def get_writer(name: str) -> Callable[[Iterable[TaggedDoc], TextIO], int]:
    try:
        return WRITERS[name]
    except KeyError:
        raise ZhgovError(Errors.E006.format(name=name, choices=", ".join(WRITERS))) from None
