"""``zhgov_policies``: document type, title, issuer and document number of POLICY spans.

``span._.doc_type`` is the base document type (通知, 意见, 办法 …; 暂行办法 -> 办法), or
the head noun of a named mechanism (机制, 行动 …); ``span._.title`` the name without book-title or
quotation marks; ``span._.issuer`` the AGENCY right before a 关于 title; and
``span._.doc_number`` a number such as 〔2023〕15号 that follows the title.
"""

import re
from typing import Optional

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span

from ..grammar.policy import QUALIFIER
from ..tokenizer import doc_text
from . import SettingsOnly, lexicon_for

ATTRS = ("doc_type", "title", "issuer", "doc_number")
for _name in ATTRS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

DOC_NUMBER = re.compile(
    r"\s*[（(]?\s*(?P<number>[\u4e00-\u9fff]{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d+\s*号)"
)
QUOTES = "“”‘’「」『』\"'"


@Language.factory(
    "zhgov_policies",
    assigns=[f"span._.{a}" for a in ATTRS],
    requires=["doc.ents"],
    default_config={"label": "POLICY", "issuer_label": "AGENCY"},
)
def make_policies(nlp: Language, name: str, label: str, issuer_label: str):
    return PolicyAttributes(nlp, name, label=label, issuer_label=issuer_label)


class PolicyAttributes(SettingsOnly, Pipe):
    """Describe POLICY entities."""

    cfg_keys = ("label", "issuer_label")

    def __init__(self, nlp: Language, name: str = "zhgov_policies", *, label: str = "POLICY",
                 issuer_label: str = "AGENCY") -> None:
        self.nlp, self.name = nlp, name
        self.label, self.issuer_label = label, issuer_label
        self._types: Optional[list[str]] = None

    @property
    def doc_types(self) -> list[str]:
        if self._types is None:
            # the base type: 管理办法 -> 办法, 工作机制 -> 机制, 行动计划 -> 计划
            self._types = sorted(lexicon_for(self.nlp)["policy_base_type"], key=len, reverse=True)
        return self._types

    def describe(self, text: str) -> dict:
        """doc_type and title of a policy name."""
        title = text
        if title.startswith("《") and title.endswith("》"):
            title = title[1:-1]
        core = title
        while True:
            stripped = QUALIFIER.sub("", core)
            if stripped == core:
                break
            core = stripped
        doc_type = next((t for t in self.doc_types if core.endswith(t)), None)
        if title and title[0] in QUOTES:
            title = "".join(ch for ch in title if ch not in QUOTES)
        return {"doc_type": doc_type, "title": title}

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ents = list(doc.ents)
        for i, ent in enumerate(ents):
            if ent.label_ != self.label:
                continue
            for key, value in self.describe(ent.text).items():
                setattr(ent._, key, value)
            ent._.issuer = None
            if ent.text.startswith(("关于", "《关于")) and i > 0:
                prev = ents[i - 1]
                if prev.label_ == self.issuer_label and not text[prev.end_char : ent.start_char].strip():
                    ent._.issuer = prev.text
            m = DOC_NUMBER.match(text, ent.end_char)
            ent._.doc_number = m.group("number") if m else None
        return doc
