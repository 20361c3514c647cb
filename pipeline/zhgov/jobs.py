"""Tagging jobs: inputs to output, on one process, several, or with resume.

``run_tag`` streams documents from the inputs through the pipeline into a writer.
With ``n_process > 1`` it runs its own worker pool: each worker loads the pipeline once
and sends back only the entities (small dicts), not whole ``Doc`` objects, which is
what makes a second process pay off. Order is the input order, always.

Output goes to ``OUTPUT.partial`` line by line and is renamed to ``OUTPUT`` when the job
ends, so a finished file is always complete. ``resume=True`` keeps the documents an
interrupted run already wrote there and tags only the rest.
"""

from __future__ import annotations

import collections
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .errors import Errors, ZhgovError
from .tagging import TaggedDoc, bounded_batches, tag_documents
from .textio import InputDoc, atomic_output, decode, expand_inputs, read_inputs

PARTIAL = ".partial"


def load_pipeline(model: Optional[str]):
    """The pipeline to tag with: a saved path or package name, or zhgov's default."""
    import spacy

    import zhgov

    if model is None or model == "zhgov":
        return zhgov.load()
    if Path(model).exists():
        return spacy.load(model)
    try:
        return spacy.load(model)
    except OSError:
        raise ZhgovError(Errors.E002.format(path=model)) from None


_WORKER_NLP = None


def _worker_init(model: Optional[str]) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load_pipeline(model)


def _worker_tag(batch: list[InputDoc], batch_size: int) -> list[TaggedDoc]:
    return list(tag_documents(_WORKER_NLP, batch, batch_size=batch_size))


def tag_parallel(model: Optional[str], docs: Iterable[InputDoc], *, n_process: int,
                 batch_size: int = 64, chunk: int = 256, chunk_chars: int = 200_000) -> Iterator[TaggedDoc]:
    """Tag on ``n_process`` workers, in input order, with a bounded number of chunks in flight.

    A chunk (up to ``chunk`` documents or ``chunk_chars`` characters) is one task: large
    enough that a worker fills its model batches (chunks of 16 short articles ran 15 %
    slower per worker), small enough that memory stays bounded.
    """
    in_flight: collections.deque = collections.deque()
    limit = n_process * 3
    with ProcessPoolExecutor(max_workers=n_process, initializer=_worker_init, initargs=(model,)) as pool:
        for batch in bounded_batches(docs, chunk, chunk_chars, lambda doc: len(doc.text)):
            in_flight.append(pool.submit(_worker_tag, batch, batch_size))
            while len(in_flight) >= limit:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


def done_sources(partial: Path) -> list[str]:
    """Sources already written to a partial JSONL output; a torn last line is dropped."""
    if not partial.exists():
        return []
    data = partial.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):
        with open(partial, "r+b") as fh:
            fh.truncate(end)  # the interrupted run died mid-line
    sources = []
    for line in data[:end].decode("utf8").splitlines():
        if line.strip():
            sources.append(json.loads(line)["source"])
    return sources


def run_tag(
    inputs: list[str],
    *,
    texts: Optional[list[str]] = None,
    output: Optional[Path] = None,
    fmt: str = "jsonl",
    model: Optional[str] = None,
    encoding: str = "utf-8",
    batch_size: int = 64,
    n_process: int = 1,
    resume: bool = False,
    progress: bool = True,
    stdin=None,
    stdout=None,
    on_error: Optional[Callable[[ZhgovError], None]] = None,
    nlp=None,
) -> dict:
    """Tag ``inputs`` (strings, files, folders, ``-``) and write them; return a summary."""
    from .formats import get_writer

    writer = get_writer(fmt)
    decode(b"", "<check>", encoding)  # fail early on an unknown encoding
    items = [("text", t) for t in texts or []] + expand_inputs(inputs)
    failures: list[str] = []

    def report(err: ZhgovError) -> None:
        failures.append(str(err))
        (on_error or (lambda e: print(e, file=sys.stderr)))(err)

    skip: set[str] = set()
    if resume:
        if output is None or fmt != "jsonl":
            raise ZhgovError("--resume needs --output and the jsonl format")
        skip = set(done_sources(Path(str(output) + PARTIAL)))
    items = [it for it in items if not (it[0] == "file" and str(it[1]) in skip)]
    if n_process == 1 and nlp is None:
        nlp = load_pipeline(model)
    docs = read_inputs(items, encoding, stdin=stdin, on_error=report)
    if n_process > 1:
        tagged = tag_parallel(model, docs, n_process=n_process, batch_size=batch_size)
    else:
        tagged = tag_documents(nlp, docs, batch_size=batch_size)
    files = [v for k, v in items if k == "file"]
    if progress and len(files) > 1:
        # stat the files only when a progress bar will use their sizes
        tagged = _with_progress(tagged, {str(f): os.path.getsize(f) for f in files})
    if output is not None and fmt == "jsonl":
        count = _write_resumable(tagged, Path(output), writer, append=resume)
    else:
        with atomic_output(output, stdout=stdout) as out:
            count = writer(tagged, out)
    return {"documents": count + len(skip), "failures": failures, "skipped": len(skip)}


def _write_resumable(tagged: Iterable[TaggedDoc], output: Path, writer, append: bool) -> int:
    partial = Path(str(output) + PARTIAL)
    if not output.parent.is_dir():
        raise ZhgovError(Errors.E010.format(path=output, reason=f"folder {output.parent} does not exist"))
    with open(partial, "a" if append else "w", encoding="utf8") as fh:
        count = 0
        for doc in tagged:
            writer([doc], fh)
            fh.flush()
            count += 1
        os.fsync(fh.fileno())
    os.replace(partial, output)
    return count


def _with_progress(tagged: Iterable[TaggedDoc], sizes: dict[str, int]) -> Iterator[TaggedDoc]:
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("tagging"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("tag", total=sum(sizes.values()))
        for doc in tagged:
            bar.advance(task, sizes.get(doc.source, 0))
            yield doc
