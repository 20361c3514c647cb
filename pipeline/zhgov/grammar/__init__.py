"""The domain grammar: rules over plain strings, one module per label.

Nothing here knows about spaCy pipelines; :class:`Grammar` takes a string and returns
flat, non-overlapping character spans.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from ._util import Match, first_fit
from .agency import AgencyGrammar
from .alias import AliasGrammar
from .money import MoneyGrammar
from .policy import PolicyGrammar

LABELS = ("AGENCY", "POLICY", "MONEY", "PERSON_ALIAS")
# On equal length, the more specific rule wins: a title beats the agency inside it.
PRIORITY = {"POLICY": 0, "MONEY": 1, "PERSON_ALIAS": 2, "AGENCY": 3}

__all__ = ["Grammar", "Match", "LABELS", "resolve_overlaps"]


def resolve_overlaps(matches: list[Match]) -> list[Match]:
    """Keep a flat set of spans: longest first, then by label priority, then leftmost."""
    ranked = sorted(set(matches), key=lambda m: (m.start - m.end, PRIORITY.get(m.label, 9), m.start))
    return sorted(first_fit(ranked, lambda m: (m.start, m.end)))


class Grammar:
    """All four label grammars over one lexicon."""

    def __init__(self, lexicon: Lexicon, labels: tuple[str, ...] = LABELS):
        parts = {
            "AGENCY": AgencyGrammar, "POLICY": PolicyGrammar,
            "MONEY": MoneyGrammar, "PERSON_ALIAS": AliasGrammar,
        }
        self.lexicon = lexicon
        self.parts = [parts[label](lexicon) for label in labels]

    def find(self, text: str) -> list[Match]:
        """Entity spans in ``text`` as character offsets, flat and sorted."""
        found: list[Match] = []
        for part in self.parts:
            found.extend(part.find(text))
        return resolve_overlaps(found)
