import io
import pickle
import tarfile

import pytest
import srsly

from zhgov.errors import ZhgovError
from zhgov import segmenter


def test_plain_pickle_loads_containers():
    data = {"unigram": ["a"], "bigram": ["ab"], "feature_to_idx": {"a": 1}, "tag_to_idx": {"B": 0}}
    assert segmenter.load_plain_pickle(pickle.dumps(data)) == data


class Evil:
    def __reduce__(self):
        return (print, ("pwned",))


def test_code_in_pickle_is_refused():
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        segmenter.load_plain_pickle(pickle.dumps({"unigram": Evil()}))


def _fake_sdist(path, features):
    with tarfile.open(path, "w:gz") as tar:
        for name, payload in (("features.pkl", pickle.dumps(features)), ("weights.npz", b"npz")):
            info = tarfile.TarInfo(f"pkuseg-0.0.25/pkuseg/models/default/{name}")
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))


def test_install_checks_hash_and_converts(tmp_path, monkeypatch):
    features = {"unigram": {"b", "a"}, "bigram": {"ab"}, "feature_to_idx": {"x": 0}, "tag_to_idx": {"B": 0}}
    sdist = tmp_path / "pkuseg-0.0.25.tar.gz"
    _fake_sdist(sdist, features)
    with pytest.raises(ZhgovError, match="SHA-256"):
        segmenter.install_model(sdist, tmp_path / "model")
    assert not (tmp_path / "model").exists()
    monkeypatch.setattr(segmenter, "PKUSEG_SHA256", segmenter.sha256_of(sdist))
    out = segmenter.install_model(sdist, tmp_path / "model")
    data = srsly.read_msgpack(out / "features.msgpack")
    assert data["unigram"] == ["a", "b"] and data["tag_to_idx"] == {"B": 0}
    assert (out / "weights.npz").read_bytes() == b"npz"
    assert not (out / "features.pkl").exists()
    assert segmenter.model_available(out)
