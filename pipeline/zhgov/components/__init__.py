"""spaCy components: one per module. Normalisers share the ruler's word lists."""

from spacy.language import Language

from ..lexicon import Lexicon, default_lexicon


def lexicon_for(nlp: Language) -> Lexicon:
    """The lexicon of the pipeline's entity ruler, or the package's own."""
    for _, proc in getattr(nlp, "components", []):
        lexicon = getattr(proc, "lexicon", None)
        if isinstance(lexicon, Lexicon):
            return lexicon
    return default_lexicon()


class SettingsOnly:
    """Serialization for components whose whole state is their settings (``cfg_keys``)."""

    cfg_keys: tuple[str, ...] = ()

    def _cfg(self) -> dict:
        return {k: getattr(self, k) for k in self.cfg_keys}

    def _load_cfg(self, cfg: dict) -> None:
        for k in self.cfg_keys:
            if k in cfg:
                setattr(self, k, cfg[k])

    def to_bytes(self, *, exclude=()) -> bytes:
        import srsly

        return srsly.msgpack_dumps(self._cfg())

    def from_bytes(self, data: bytes, *, exclude=()):
        import srsly

        self._load_cfg(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        import srsly
        from spacy.util import to_disk

        to_disk(path, {"cfg": lambda p: srsly.write_json(p, self._cfg())}, exclude)

    def from_disk(self, path, *, exclude=()):
        import srsly
        from spacy.util import from_disk

        from_disk(path, {"cfg": lambda p: self._load_cfg(srsly.read_json(p))}, exclude)
        return self
