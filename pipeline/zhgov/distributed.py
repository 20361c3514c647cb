"""Tagging a corpus on a ``dask.distributed`` cluster.

The inputs are cut into partitions of file paths; each task reads its files on the
worker, tags them with a pipeline loaded once per worker process, and writes its own
part file (written to a temporary name and renamed, so a task that runs twice after a
worker failure replaces its part instead of duplicating it). When every partition is
done, the parts are concatenated in input order into the output, atomically.

Dask is optional: ``pip install "zhgov[dask]"``. Workers need zhgov installed too.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable, Optional

from .errors import ZhgovError
from .textio import atomic_output, expand_inputs

_PIPELINES: dict = {}


def _pipeline(model: Optional[str]):
    if model not in _PIPELINES:
        from .jobs import load_pipeline

        _PIPELINES[model] = load_pipeline(model)
    return _PIPELINES[model]


def tag_partition(index: int, paths: list[str], model: Optional[str], encoding: str,
                  parts_dir: str, fmt: str) -> dict:
    """One task: tag the files of a partition and write ``part-NNNNNN``."""
    from .errors import ZhgovError as Error
    from .formats import get_writer
    from .tagging import tag_documents
    from .textio import read_inputs

    failures: list[str] = []
    docs = read_inputs([("file", Path(p)) for p in paths], encoding, on_error=lambda e: failures.append(str(e)))
    final = Path(parts_dir) / f"part-{index:06d}.{fmt}"
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf8") as fh:
            count = get_writer(fmt)(tag_documents(_pipeline(model), docs), fh)
        os.replace(tmp, final)
    except Error:
        tmp.unlink(missing_ok=True)
        raise
    return {"index": index, "path": str(final), "documents": count, "failures": failures}


def run_dask(
    inputs: list[str],
    *,
    output: Path,
    model: Optional[str] = None,
    scheduler: Optional[str] = None,
    n_workers: int = 2,
    partition_size: int = 64,
    encoding: str = "utf-8",
    fmt: str = "jsonl",
    client=None,
    on_partition_done: Optional[Callable[[dict, object], None]] = None,
) -> dict:
    """Tag files and folders on a Dask cluster; write ``output`` in input order."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ZhgovError('Dask is not installed: pip install "zhgov[dask]"') from None
    if fmt not in ("jsonl", "csv"):
        raise ZhgovError("the Dask runner writes jsonl or csv")
    output = Path(output)
    files, failures = [], []
    for kind, value in expand_inputs(inputs):
        if kind == "file":
            files.append(str(value))
        elif kind == "error":
            failures.append(str(value))
        else:
            raise ZhgovError("the Dask runner tags files and folders, not strings or stdin")
    partitions = [files[i : i + partition_size] for i in range(0, len(files), partition_size)]
    parts_dir = output.parent / f".{output.name}.parts"
    parts_dir.mkdir(parents=True, exist_ok=True)
    own_cluster = None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            own_cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
            client = Client(own_cluster)
    try:
        futures = [
            client.submit(tag_partition, i, part, model, encoding, str(parts_dir), fmt,
                          key=f"zhgov-part-{i}-{abs(hash((str(output), i)))}", retries=2)
            for i, part in enumerate(partitions)
        ]
        results = {}
        for future in as_completed(futures):
            result = future.result()
            results[result["index"]] = result
            if on_partition_done is not None:
                on_partition_done(result, client)
        count = 0
        with atomic_output(output) as out:
            for i in range(len(partitions)):
                with open(results[i]["path"], encoding="utf8") as fh:
                    lines = fh.readlines()
                if fmt == "csv" and i > 0:
                    lines = lines[1:]  # one header for the whole file
                out.writelines(lines)
                count += results[i]["documents"]
                failures.extend(results[i]["failures"])
        shutil.rmtree(parts_dir, ignore_errors=True)
        return {"documents": count, "failures": failures, "partitions": len(partitions)}
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()
