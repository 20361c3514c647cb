"""The ``zhgov`` command line: thin Typer commands over the package's functions."""

from __future__ import annotations

import os
import sys

# Before numpy loads: OpenBLAS then starts without its worker thread. The pipeline's
# matrices are small, and with a second thread alive every allocation in them takes
# locks: tok2vec runs 1.4x faster single-threaded here (docs/benchmarks.md). Parallel
# work uses processes (--n-process). A value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import Errors, ZhgovError

app = typer.Typer(
    name="zhgov",
    help="Tag agencies, policies, money and withheld names in Chinese government texts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Tag agencies, policies, money and withheld names in Chinese government texts."""


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    text = "text"
    html = "html"
    csv = "csv"


def _err(message: str) -> None:
    typer.echo(message, err=True)


def load_pipeline(model: Optional[str]):
    """Kept here so tests can swap the pipeline the commands use."""
    from .jobs import load_pipeline as _load

    return _load(model)


@app.command("tag")
def tag_command(
    inputs: Annotated[
        Optional[list[str]],
        typer.Argument(help="Texts, .txt files, folders (searched recursively for *.txt) or - for stdin.", show_default=False),
    ] = None,
    text: Annotated[Optional[list[str]], typer.Option("--text", "-t", help="Tag this string (repeatable); never read as a path.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="jsonl (one object per document), text (inline [实体|LABEL]), html (displaCy page) or csv (one row per entity).")] = OutputFormat.jsonl,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="Pipeline path or package name; default: the bundled zhgov pipeline.")] = None,
    encoding: Annotated[str, typer.Option("--encoding", "-e", help="Encoding of input files, e.g. gbk.")] = "utf-8",
    batch_size: Annotated[int, typer.Option("--batch-size", "-b", min=1, help="Documents per batch.")] = 64,
    n_process: Annotated[int, typer.Option("--n-process", "-n", min=1, help="Worker processes.")] = 1,
    dask: Annotated[bool, typer.Option("--dask", help="Run on a local Dask cluster of --n-process workers.")] = False,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", "-s", help="Run on the Dask cluster at this scheduler address (tcp://host:8786).")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Files per Dask task.")] = 64,
    resume: Annotated[bool, typer.Option("--resume", "-r", help="Continue an interrupted jsonl --output run: skip documents already written.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Tag texts, files, folders or stdin and print the entities."""
    if not inputs and not text:
        _err("Nothing to tag: give texts, files, folders, --text or - for stdin.")
        raise typer.Exit(2)
    try:
        if dask or scheduler:
            from .distributed import run_dask

            if output is None:
                raise ZhgovError("the Dask runner needs --output")
            summary = run_dask(list(inputs or []), output=output, model=model, scheduler=scheduler,
                               n_workers=max(n_process, 1), partition_size=partition_size,
                               encoding=encoding, fmt=fmt.value)
            for failure in summary["failures"]:
                _err(failure)
            if summary["failures"]:
                raise typer.Exit(1)
            return
        from .jobs import run_tag

        summary = run_tag(
            list(inputs or []), texts=text, output=output, fmt=fmt.value, model=model,
            encoding=encoding, batch_size=batch_size, n_process=n_process, resume=resume,
            progress=not quiet, on_error=lambda e: _err(str(e)),
            nlp=load_pipeline(model) if n_process == 1 else None,
        )
    except ZhgovError as err:
        _err(str(err))
        raise typer.Exit(1)
    if summary["failures"]:
        _err(Errors.E013.format(count=len(summary["failures"]), total=summary["documents"] + len(summary["failures"])))
        raise typer.Exit(1)


@app.command("validate")
def validate_command(
    paths: Annotated[list[Path], typer.Argument(help="Corpus JSONL files or folders of them.", show_default=False)],
) -> None:
    """Check annotated corpus files; report every problem as file:line."""
    from .corpus import validate_paths

    try:
        problems, summary = validate_paths(paths)
    except ZhgovError as err:
        _err(str(err))
        raise typer.Exit(1)
    for problem in problems:
        typer.echo(str(problem))
    ents = ", ".join(f"{k} {v}" for k, v in sorted(summary["entities"].items()))
    _err(f"{summary['files']} files, {summary['articles']} articles, {summary['characters']} characters; {ents}")
    if problems:
        _err(f"{len(problems)} problems")
        raise typer.Exit(1)


def _overrides(ctx: typer.Context) -> dict:
    from spacy.cli._util import parse_config_overrides

    return parse_config_overrides(ctx.args)


@app.command("train", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train_command(
    ctx: typer.Context,
    corpus: Annotated[Path, typer.Argument(help="Folder with train.jsonl and dev.jsonl.")],
    config: Annotated[Path, typer.Option("--config", "-c", help="spaCy training config.")] = Path("configs/ner_char.cfg"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the trained pipelines (model-best, model-last).")] = Path("training/char"),
    limit: Annotated[int, typer.Option("--limit", "-l", help="Use only the first N articles of each split (smoke tests).")] = 0,
) -> None:
    """Train the combined pipeline on the JSONL corpus. Extra --section.key value pairs override the config."""
    from .training import train

    try:
        best = train(corpus, config, output, _overrides(ctx), limit=limit)
    except ZhgovError as err:
        _err(str(err))
        raise typer.Exit(1)
    typer.echo(str(best))


def _score_table(results: dict[str, dict]) -> str:
    labels = sorted({l for r in results.values() for l in r["per_label"]})
    lines = []
    for name, res in results.items():
        lines.append(f"{name}: {res['documents']} documents, {res['chars_per_second']:,.0f} chars/s")
        lines.append(f"  {'label':<14}{'P':>8}{'R':>8}{'F':>8}{'n':>7}")
        for label in labels + ["ALL"]:
            prf = res["total"] if label == "ALL" else res["per_label"].get(label)
            if prf:
                lines.append(f"  {label:<14}{prf['p']:>8.3f}{prf['r']:>8.3f}{prf['f']:>8.3f}{prf['support']:>7}")
    return "\n".join(lines)


@app.command("evaluate")
def evaluate_command(
    model: Annotated[str, typer.Argument(help="Pipeline path or package name (zhgov for the bundled one).")],
    data: Annotated[list[Path], typer.Argument(help="Corpus JSONL files/folders or recall suites ({text, spans}).")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the scores as JSON here.")] = None,
    compare: Annotated[bool, typer.Option("--compare", "-C", help="Also score rules-only and model-only on the same data.")] = False,
    model_only: Annotated[Optional[str], typer.Option("--model-only", help="A separately trained model-only pipeline for --compare.")] = None,
) -> None:
    """Per-label precision, recall and F1 of a pipeline on annotated data."""
    import json

    from .textio import atomic_output
    from .training import compare as compare_pipelines
    from .training import evaluate, read_eval_data

    try:
        records = read_eval_data(data)
        if compare:
            results = compare_pipelines(model, records, model_only)
        else:
            results = {model: evaluate(load_pipeline(model), records)}
    except ZhgovError as err:
        _err(str(err))
        raise typer.Exit(1)
    typer.echo(_score_table(results))
    if output is not None:
        with atomic_output(output) as fh:
            fh.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")


segmenter_app = typer.Typer(help="The optional pkuseg word segmenter.", no_args_is_help=True)
app.add_typer(segmenter_app, name="segmenter")


@segmenter_app.command("init")
def segmenter_init_command(
    target: Annotated[Optional[Path], typer.Option("--target", "-t", help="Model folder (default: $ZHGOV_HOME/pkuseg/default or ~/.cache/zhgov/pkuseg/default).")] = None,
    sdist: Annotated[Optional[Path], typer.Option("--sdist", "-s", help="Use this downloaded pkuseg-0.0.25.tar.gz instead of fetching it.")] = None,
) -> None:
    """Fetch pkuseg's default model from PyPI (pinned, hash-checked) and convert it safely."""
    from .segmenter import PKUSEG_VERSION, init_segmenter

    try:
        path = init_segmenter(target, sdist)
    except ZhgovError as err:
        _err(str(err))
        raise typer.Exit(1)
    except OSError as err:
        _err(f"Could not fetch pkuseg {PKUSEG_VERSION}: {err}")
        raise typer.Exit(1)
    typer.echo(str(path))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
