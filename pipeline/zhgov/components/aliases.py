"""``zhgov_aliases``: the kind of each PERSON_ALIAS and which mentions are one person.

``span._.alias_kind`` is ``pseudonym`` (the name is marked 化名 somewhere in the
document), ``masked`` (某, 某某, ×, *) or ``honorific`` (陈先生, 老郑).
``span._.alias_id`` is shared by every mention of the same person in the document
(the same written name: 韦某（化名） … 韦某 …), and ``doc._.aliases`` lists each
person with their mentions.
"""

import re

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span

from ..grammar.alias import MASKS, PSEUDONYM
from ..tokenizer import doc_text
from . import SettingsOnly

for _name in ("alias_kind", "alias_id"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("aliases"):
    Doc.set_extension("aliases", default=None)


@Language.factory(
    "zhgov_aliases",
    assigns=["span._.alias_kind", "span._.alias_id", "doc._.aliases"],
    requires=["doc.ents"],
    default_config={"label": "PERSON_ALIAS"},
)
def make_aliases(nlp: Language, name: str, label: str):
    return AliasLinker(nlp, name, label=label)


def alias_kind(name: str, pseudonyms: set[str]) -> str:
    if name in pseudonyms:
        return "pseudonym"
    if "某" in name or any(ch in MASKS for ch in name):
        return "masked"
    return "honorific"


class AliasLinker(SettingsOnly, Pipe):
    """Cluster PERSON_ALIAS mentions by person."""

    cfg_keys = ("label",)

    def __init__(self, nlp: Language, name: str = "zhgov_aliases", *, label: str = "PERSON_ALIAS") -> None:
        self.nlp, self.name, self.label = nlp, name, label

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        mentions = [e for e in doc.ents if e.label_ == self.label]
        pseudonyms = {
            m.text for m in mentions
            if PSEUDONYM.match(text, m.end_char) or re.match(r"\s*[（(]\s*化名", text[m.end_char : m.end_char + 6])
        }
        people: dict[str, dict] = {}
        for m in mentions:
            person = people.get(m.text)
            if person is None:
                person = people[m.text] = {
                    "id": f"P{len(people) + 1}",
                    "name": m.text,
                    "kind": alias_kind(m.text, pseudonyms),
                    "mentions": [],
                }
            person["mentions"].append([m.start_char, m.end_char])
            m._.alias_kind, m._.alias_id = person["kind"], person["id"]
        doc._.aliases = list(people.values())
        return doc

