"""Tagging on a local Dask cluster: same output as one process; a lost worker loses nothing."""

import json
import os

import pytest

pytest.importorskip("distributed")
from distributed import Client, LocalCluster  # noqa: E402

from zhgov.distributed import run_dask  # noqa: E402
from zhgov.jobs import run_tag  # noqa: E402

ARTICLE = "县民政局第{i}次向王某{i}发放{i}000元。依据《临时救助办法》，市财政局拨付1.17万元。\n" * 30


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture()
def folder(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for i in range(40):
        (root / ("sub" if i % 3 else ".") / f"{i:03d}.txt").write_text(ARTICLE.format(i=i), encoding="utf8")
    return root


def _single(folder, tmp_path):
    out = tmp_path / "single.jsonl"
    run_tag([str(folder)], output=out, progress=False)
    return out.read_text(encoding="utf8")


def test_same_output_as_one_process(client, folder, tmp_path):
    out = tmp_path / "dask.jsonl"
    summary = run_dask([str(folder)], output=out, client=client, partition_size=3)
    assert summary["documents"] == 40 and summary["partitions"] == 14
    assert out.read_text(encoding="utf8") == _single(folder, tmp_path)
    assert not (tmp_path / ".dask.jsonl.parts").exists()


def test_killed_worker_loses_and_duplicates_nothing(client, folder, tmp_path):
    out = tmp_path / "dask.jsonl"
    killed = []

    def kill_one(result, client):
        if not killed:
            victim = sorted(client.scheduler_info()["workers"])[0]
            killed.append(victim)
            client.run(os._exit, 1, workers=[victim], on_error="ignore")

    summary = run_dask([str(folder)], output=out, client=client, partition_size=2, on_partition_done=kill_one)
    assert killed
    lines = out.read_text(encoding="utf8").splitlines()
    sources = [json.loads(line)["source"] for line in lines]
    assert len(sources) == len(set(sources)) == 40 == summary["documents"]
    assert out.read_text(encoding="utf8") == _single(folder, tmp_path)
