"""``zhgov_agencies``: level, region and function of AGENCY spans.

``span._.level`` is national, provincial, prefectural, county, township, village or
unknown; ``span._.region`` the place prefix as written and ``span._.region_full`` its
full name where a short form is unambiguous (广州 -> 广州市); ``span._.function`` the
canonical function (民政, 医保, 财政, 公安, 法院 …).
"""

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Span

from ..grammar.agency import AgencyGrammar
from . import EntityAnnotator

ATTRS = ("level", "region", "region_full", "function")
for _name in ATTRS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


@Language.factory(
    "zhgov_agencies",
    assigns=[f"span._.{a}" for a in ATTRS],
    requires=["doc.ents"],
    default_config={"label": "AGENCY"},
)
def make_agencies(nlp: Language, name: str, label: str):
    return AgencyAttributes(nlp, name, label=label)


class AgencyAttributes(EntityAnnotator, Pipe):
    """Describe AGENCY entities."""

    cfg_keys = ("label",)
    _grammar_cls = AgencyGrammar

    def __init__(self, nlp: Language, name: str = "zhgov_agencies", *, label: str = "AGENCY") -> None:
        self.nlp, self.name, self.label = nlp, name, label

    def annotate(self, span: Span) -> None:
        for key, value in self.grammar.describe(span.text).items():
            setattr(span._, key, value)
