"""``zhgov_money``: the value, range, currency and approximation of MONEY spans.

Sets ``span._.value`` (a ``Decimal`` in the currency's unit; the lower bound of a
range), ``span._.value_max``, ``span._.currency`` (ISO 4217) and
``span._.approximate``. A span the grammar cannot read gets ``value = None`` and a
``W003`` warning with its text, never a guess.
"""

import re
import warnings
from decimal import Decimal
from typing import Optional

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Span

from ..errors import Warnings
from ..grammar.money import MoneyGrammar
from ..grammar.numerals import Amount, UnreadableAmount, read_amount
from . import EntityAnnotator

ATTRS = ("value", "value_max", "currency", "approximate")
# Amounts are stored as text (doc user data must survive msgpack across processes) and
# read back as Decimal through the getters.
for _name in ("value_text", "value_max_text", "currency", "approximate"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
for _name in ("value", "value_max"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=lambda span, _n=_name: _as_decimal(getattr(span._, f"{_n}_text")))


def _as_decimal(text: Optional[str]) -> Optional[Decimal]:
    return None if text is None else Decimal(text)


@Language.factory(
    "zhgov_money",
    assigns=[f"span._.{a}" for a in ATTRS],
    requires=["doc.ents"],
    default_config={"label": "MONEY", "default_currency": "CNY"},
)
def make_money(nlp: Language, name: str, label: str, default_currency: str):
    return MoneyNormalizer(nlp, name, label=label, default_currency=default_currency)


class MoneyNormalizer(EntityAnnotator, Pipe):
    """Read the amounts of MONEY entities."""

    cfg_keys = ("label", "default_currency")
    _grammar_cls = MoneyGrammar

    def __init__(self, nlp: Language, name: str = "zhgov_money", *, label: str = "MONEY",
                 default_currency: str = "CNY") -> None:
        self.nlp, self.name = nlp, name
        self.label = label
        self.default_currency = default_currency

    def read(self, text: str) -> tuple[Optional[Amount], Optional[str]]:
        """``(amount, currency)`` of a money expression, or ``(None, currency)``."""
        grammar = self.grammar
        m = grammar.regex.fullmatch(text)
        lex = grammar.lexicon
        if not m:
            return None, None
        before = (m.group("before") or "").strip()
        after = m.group("after") or ""
        currency = None
        if before:
            currency = lex["money_currency_before"].get(before)
        if currency is None and after:
            word = re.sub(r"(?:左右|上下|多)$", "", after)
            currency = lex["money_currency_after"].get(word)
        amount_text = grammar.bare_amount(m)
        if after.endswith(("左右", "上下", "多")):
            amount_text += after[-2:] if after.endswith(("左右", "上下")) else "多"
        try:
            return read_amount(amount_text), currency or self.default_currency
        except (UnreadableAmount, ArithmeticError, ValueError):
            return None, currency or self.default_currency

    def annotate(self, span: Span) -> None:
        amount, currency = self.read(span.text)
        span._.currency = currency
        if amount is None:
            span._.value_text = span._.value_max_text = span._.approximate = None
            warnings.warn(Warnings.W003.format(text=span.text), UserWarning)
            return
        span._.value_text, span._.value_max_text = str(amount.value), str(amount.value_max)
        span._.approximate = amount.approximate

