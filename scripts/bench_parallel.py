"""Speed-up of ``zhgov tag --n-process 2`` over one process, measured side by side.

    python scripts/bench_parallel.py [--model zhgov] [--files 4000]

Writes a folder of corpus articles (shuffled, fixed seed), runs the same ``zhgov tag``
command with one and with two processes, each a fresh process timed from start to
finish (so both pay for loading the pipeline), checks the outputs are identical and
prints the ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_folder(target: Path, n_files: int, seed: int = 13) -> int:
    texts = [json.loads(l)["text"] for s in ("train", "dev", "test")
             for l in (ROOT / "corpus" / f"{s}.jsonl").open(encoding="utf8")]
    rng = random.Random(seed)
    chars = 0
    for i in range(n_files):
        text = rng.choice(texts)
        (target / f"{i:05d}.txt").write_text(text, encoding="utf8")
        chars += len(text)
    return chars


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="pipeline (default: the bundled one)")
    parser.add_argument("--files", type=int, default=4000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        chars = make_folder(folder, args.files)
        timings = {}
        for n in (1, 2):
            out = Path(tmp) / f"out{n}.jsonl"
            cmd = [sys.executable, "-m", "zhgov.cli", "tag", "-q", str(folder), "-o", str(out), "--n-process", str(n)]
            if args.model:
                cmd += ["--model", args.model]
            start = time.perf_counter()
            subprocess.run(cmd, check=True)
            timings[n] = time.perf_counter() - start
        same = (Path(tmp) / "out1.jsonl").read_bytes() == (Path(tmp) / "out2.jsonl").read_bytes()
    print(f"# {args.files} files, {chars:,} characters, model {args.model or 'zhgov (bundled)'}")
    for n, seconds in timings.items():
        print(f"n_process={n}: {seconds:6.2f} s  {chars / seconds:>10,.0f} chars/s")
    print(f"speed-up 2 vs 1: {timings[1] / timings[2]:.2f}x; identical output: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
