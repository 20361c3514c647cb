"""POLICY: official documents and named mechanisms.

- ``《…》`` titles whose last word is a document type, found by scanning for the
  balanced closing mark (nested ``〈〉``/``《》`` allowed); a title cut off before its
  closing mark, or running past a line end, is not a title.
- ``关于……的通知``-style titles without marks, from 关于 to the document-type word; a
  cited ``《…》`` inside them is part of the span.
- Quoted mechanism names directly followed by a head noun: “一窗通办”工作机制.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ._util import Match, trie_regex

OPEN, CLOSE = "《〈", "》〉"
MAX_TITLE = 120
# trailing qualifiers after the document type: 办法（试行）, 条例(2023年修订)
QUALIFIER = re.compile(r"[（(][^（）()]{1,12}[）)]$")
QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"', "'": "'"}
TITLE_STOP = "。！？；\n\r"


class PolicyGrammar:
    label = "POLICY"

    def __init__(self, lexicon: Lexicon):
        self.doctypes = sorted(lexicon["policy_doctype"], key=len, reverse=True)
        self.blocked = tuple(lexicon["policy_blocked_suffix"])
        unbracketed = trie_regex(lexicon["policy_unbracketed_doctype"])
        mechanism = trie_regex(lexicon["policy_mechanism"])
        # 关于 … 的 … doctype; a cited 《…》 may sit inside, other punctuation may not
        self.about = re.compile(
            rf"关于(?:《[^《》{TITLE_STOP}]{{1,{MAX_TITLE}}}》|[^《》，,、：:“”\"{TITLE_STOP}]){{3,{MAX_TITLE}}}?的(?:{unbracketed})(?![书单表件])"
        )
        self.mechanism = re.compile(
            rf"(?:“[^“”{TITLE_STOP}]{{1,30}}”|‘[^‘’{TITLE_STOP}]{{1,30}}’|「[^「」{TITLE_STOP}]{{1,30}}」"
            rf"|『[^『』{TITLE_STOP}]{{1,30}}』|\"[^\"{TITLE_STOP}]{{1,30}}\"|'[^'{TITLE_STOP}]{{1,30}}')"
            rf"(?:{mechanism})"
        )

    def find(self, text: str) -> list[Match]:
        out = [Match(s, e, self.label) for s, e in self._bracketed(text)]
        out.extend(Match(*m.span(), self.label) for m in self.about.finditer(text))
        out.extend(Match(*m.span(), self.label) for m in self.mechanism.finditer(text))
        return out

    def is_document_title(self, title: str) -> bool:
        """Whether the text inside 《》 names an official document."""
        core = title.strip()
        while True:
            stripped = QUALIFIER.sub("", core).strip()
            if stripped == core:
                break
            core = stripped
        if not core or core.endswith(self.blocked):
            return False
        return core.endswith(tuple(self.doctypes))

    def _bracketed(self, text: str):
        i, n = 0, len(text)
        while True:
            i = text.find("《", i)
            if i < 0:
                return
            depth, j = 0, i
            end = None
            while j < n and j - i <= MAX_TITLE:
                ch = text[j]
                if ch in OPEN:
                    depth += 1
                elif ch in CLOSE:
                    depth -= 1
                    if depth == 0:
                        end = j + 1
                        break
                elif ch in "\n\r":
                    break
                j += 1
            if end is None:
                i += 1
                continue
            if self.is_document_title(text[i + 1 : end - 1]):
                yield i, end
                i = end
            else:
                i += 1
