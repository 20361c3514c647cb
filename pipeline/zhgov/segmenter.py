"""Obtain spacy-pkuseg's default model without GitHub and without running pickle code.

spacy-pkuseg ships no model and downloads one from GitHub, which many networks block.
The ``pkuseg`` sdist on PyPI carries the same default model (``features.pkl`` and
``weights.npz``). We fetch that sdist from the package index (pinned version, pinned
SHA-256), read the two files straight out of the archive, and convert ``features.pkl``
to the ``features.msgpack`` spacy-pkuseg prefers with an unpickler that admits only
plain containers, strings and numbers: any class or function reference is refused.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
import shutil
import tarfile
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

import srsly

from .errors import ZhgovError

PKUSEG_VERSION = "0.0.25"
PKUSEG_SDIST = f"pkuseg-{PKUSEG_VERSION}.tar.gz"
PKUSEG_SHA256 = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
MODEL_MEMBERS = ("features.pkl", "weights.npz")
INDEX_URL = os.environ.get("ZHGOV_INDEX_URL", "https://pypi.org/simple")


def default_model_dir() -> Path:
    """Where ``zhgov segmenter init`` puts the model (``$ZHGOV_HOME`` or ~/.cache/zhgov)."""
    home = os.environ.get("ZHGOV_HOME")
    base = Path(home) if home else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "zhgov"
    return base / "pkuseg" / "default"


class _PlainUnpickler(pickle.Unpickler):
    """Refuses every global: the feature file needs only dicts, lists, str and int."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}: the feature file may hold only plain data")


def load_plain_pickle(data: bytes):
    return _PlainUnpickler(io.BytesIO(data)).load()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_sdist_url(index_url: str = INDEX_URL) -> str:
    """The sdist's URL from the package index's simple (PEP 503) page."""
    page = urllib.request.urlopen(f"{index_url.rstrip('/')}/pkuseg/", timeout=60).read().decode("utf8")
    for href in re.findall(r'href="([^"]+)"', page):
        if href.split("#")[0].endswith(PKUSEG_SDIST):
            return urllib.parse.urljoin(f"{index_url.rstrip('/')}/pkuseg/", href.split("#")[0])
    raise ZhgovError(f"{PKUSEG_SDIST} is not listed on {index_url}/pkuseg/")


def download_sdist(dest: Path, index_url: str = INDEX_URL) -> Path:
    url = find_sdist_url(index_url)
    target = dest / PKUSEG_SDIST
    with urllib.request.urlopen(url, timeout=120) as resp, open(target, "wb") as fh:
        shutil.copyfileobj(resp, fh)
    return target


def convert_features(pkl: bytes) -> dict:
    data = load_plain_pickle(pkl)
    if not isinstance(data, dict) or not {"unigram", "bigram", "feature_to_idx", "tag_to_idx"} <= set(data):
        raise ZhgovError("features.pkl does not have the fields of a pkuseg feature file")
    return {
        "unigram": sorted(data["unigram"]),
        "bigram": sorted(data["bigram"]),
        "feature_to_idx": data["feature_to_idx"],
        "tag_to_idx": data["tag_to_idx"],
    }


def install_model(sdist: Path, target: Path) -> Path:
    """Check the sdist's hash, extract the model and write it to ``target`` atomically."""
    digest = sha256_of(sdist)
    if digest != PKUSEG_SHA256:
        raise ZhgovError(f"{sdist}: SHA-256 {digest} does not match pkuseg {PKUSEG_VERSION} ({PKUSEG_SHA256})")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".pkuseg-", dir=target.parent))
    try:
        with tarfile.open(sdist, "r:gz") as tar:
            members = {Path(m.name).name: m for m in tar.getmembers() if "/models/default/" in m.name}
            for name in MODEL_MEMBERS:
                if name not in members or not members[name].isfile():
                    raise ZhgovError(f"{sdist} has no models/default/{name}")
            pkl = tar.extractfile(members["features.pkl"]).read()
            with open(tmp / "weights.npz", "wb") as fh:
                shutil.copyfileobj(tar.extractfile(members["weights.npz"]), fh)
        srsly.write_msgpack(tmp / "features.msgpack", convert_features(pkl))
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def init_segmenter(target: Path | None = None, sdist: Path | None = None, index_url: str = INDEX_URL) -> Path:
    """Make the pkuseg model available at ``target``; download the sdist unless given."""
    target = Path(target) if target else default_model_dir()
    if sdist is not None:
        return install_model(Path(sdist), target)
    with tempfile.TemporaryDirectory() as tmp:
        return install_model(download_sdist(Path(tmp), index_url), target)


def model_available(path: Path | None = None) -> bool:
    path = Path(path) if path else default_model_dir()
    return (path / "features.msgpack").exists() and (path / "weights.npz").exists()
