"""Peak memory of ``zhgov tag`` on folders of growing size: it must stay flat.

    python scripts/bench_memory.py --sizes 20 100     # MB of text per run

Each run tags a generated folder (corpus articles, fixed seed) in a fresh process with
``--output`` and reports its peak RSS; the ratio of the largest to the smallest run
shows whether memory grows with the corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_folder(target: Path, megabytes: float, seed: int = 7) -> int:
    texts = [json.loads(l)["text"] for s in ("train", "dev", "test")
             for l in (ROOT / "corpus" / f"{s}.jsonl").open(encoding="utf8")]
    rng = random.Random(seed)
    total, i = 0, 0
    while total < megabytes * 1_000_000:
        sub = target / f"{i // 1000:04d}"
        sub.mkdir(exist_ok=True)
        data = "\n".join(rng.choice(texts) for _ in range(8)).encode("utf8")
        (sub / f"{i:07d}.txt").write_bytes(data)
        total += len(data)
        i += 1
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[20, 100])
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            nbytes = make_folder(folder, size)
            cmd = [sys.executable, "-m", "zhgov.cli", "tag", "-q", str(folder), "-o", str(Path(tmp) / "out.jsonl")]
            if args.model:
                cmd += ["-m", args.model]
            start = time.perf_counter()
            subprocess.run(cmd, check=True)
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            rows.append((size, nbytes, seconds, peak))
            print(f"{nbytes / 1e6:8.1f} MB  {seconds:7.1f} s  peak RSS {peak:7.0f} MB", flush=True)
    print(f"peak RSS ratio largest/smallest: {rows[-1][3] / rows[0][3]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
