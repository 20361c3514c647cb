"""spaCy components: one per module. Normalisers share the ruler's word lists."""

from spacy.language import Language

from ..grammar import Grammar
from ..lexicon import Lexicon, default_lexicon


def lexicon_for(nlp: Language) -> Lexicon:
    """The lexicon of the pipeline's entity ruler, or the package's own."""
    for _, proc in getattr(nlp, "components", []):
        lexicon = getattr(proc, "lexicon", None)
        if isinstance(lexicon, Lexicon):
            return lexicon
    return default_lexicon()


def _ruler_grammar(nlp: Language):
    """The entity ruler's built grammar, or None."""
    for _, proc in getattr(nlp, "components", []):
        # the ruler keeps its grammar as an attribute; normalisers' grammar is a property
        grammar = vars(proc).get("grammar")
        if isinstance(grammar, Grammar):
            return grammar
    return None


def rule_grammar(nlp: Language):
    """The ruler's whole grammar (built once), or a new one on the same lexicon."""
    return _ruler_grammar(nlp) or Grammar(lexicon_for(nlp))


def grammar_part(nlp: Language, cls):
    """The ruler's own grammar of type ``cls`` (built once), or a new one on the same lexicon."""
    for part in getattr(_ruler_grammar(nlp), "parts", ()):
        if isinstance(part, cls):
            return part
    return cls(lexicon_for(nlp))


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


class EntityAnnotator(SettingsOnly):
    """A component that annotates every entity of one label (``self.annotate(span)``)."""

    label: str
    _grammar_cls: type
    _grammar = None

    @property
    def grammar(self):
        if self._grammar is None:
            self._grammar = grammar_part(self.nlp, self._grammar_cls)
        return self._grammar

    def __call__(self, doc):
        for ent in doc.ents:
            if ent.label_ == self.label:
                self.annotate(ent)
        return doc
