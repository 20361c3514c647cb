"""PERSON_ALIAS: private persons whose real name is withheld.

Four shapes: a name marked 化名 (and every later mention of that name), a surname
with 某/某某/某甲, a surname with an honorific or kinship term (陈先生, 老郑), and a
name masked with symbols (扶*兵, 李××).
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ._util import CJK, Match, is_cjk, trie_regex

_is_cjk_char = is_cjk

PSEUDONYM = re.compile(r"[（(]\s*化名\s*[）)]")
STEMS = "甲乙丙丁戊己庚辛壬癸"
# 于某日 / 同某公司: after an ambiguous surname, 某 starts a determiner phrase
DETERMINED = re.compile(
    r"(?:日|月|年|时|天|处|地|种|些|个|位|项|次|方面|单位|公司|企业|部门|机关|医院|学校|银行|小区|村|镇|乡|县|市|区|省|店|厂|人)"
)
MASKS = "*＊×Ｘ✕"
# 老郑说 / 小何的: what may follow 老X or 小X when X is a surname, not a word
FOLLOW = "说表讲告介称家的是在和也就都今还又便一所坦笑想觉认拿领带把被向给从对跟与等们夫妻俩"


class AliasGrammar:
    label = "PERSON_ALIAS"

    def __init__(self, lexicon: Lexicon):
        self.surnames = set(lexicon["alias_surname"])
        self.ambiguous = set(lexicon["alias_ambiguous_surname"])
        surname = trie_regex(lexicon["alias_surname"])
        honorific = trie_regex(lexicon["alias_honorific"])
        short = "".join(sorted(lexicon["alias_short_surname"]))
        # Court documents mask rare surnames too (遆某某, 犹某): any character that is not
        # a function word may carry 某; the surname list only decides ambiguous cases.
        self.stopchars = set(lexicon["agency_stopchar"]) | set("某一二三四五六七八九十百千万亿多几每任人者友户民员")
        self.mou = re.compile(rf"(?:{surname}|[{CJK}])某(?:某某|某[{STEMS}]|某|[{STEMS}]|[0-9０-９])?|某某某|某某[{STEMS}]")
        self.honorific = re.compile(rf"(?:{surname})(?:{honorific})")
        self.old_young = re.compile(rf"[老小][{short}](?=[{FOLLOW}]|[^{CJK}]|$)")
        # 扶*兵 keeps its visible last character; 李×× is masked whole
        self.masked = re.compile(rf"(?:{surname})(?:[{MASKS}][{CJK}]|[{MASKS}]{{2,3}})")

    def find(self, text: str) -> list[Match]:
        spans: list[tuple[int, int]] = []
        names = []
        for m in PSEUDONYM.finditer(text):
            start = self._pseudonym_start(text, m.start())
            if start is not None:
                spans.append((start, m.start()))
                names.append(text[start : m.start()])
        for m in self.mou.finditer(text):
            s, e = m.span()
            first = m.group()
            if first.endswith("某某某") and first[0] not in self.surnames:
                # 组某某某: the name is the masked 某某某, not the word before it
                s, first = s + 1, first[1:]
            if first.startswith("某"):
                if s > 0 and text[s - 1] not in self.stopchars and _is_cjk_char(text[s - 1]):
                    continue  # 张某某某: the longer match from the surname wins elsewhere
                spans.append((s, e))
                continue
            initial = first[0] if first[1] == "某" else first[:2]
            if first[1] == "某" and first[0] in self.stopchars and first[0] not in self.surnames:
                continue
            if (initial in self.ambiguous or initial not in self.surnames) and first.endswith("某") and first.count("某") == 1 and DETERMINED.match(text, e):
                continue
            spans.append((s, e))
        for m in self.honorific.finditer(text):
            s, e = m.span()
            if text[s] in self.ambiguous and len(m.group()) - 1 < 2:
                continue
            spans.append((s, e))
        for m in self.old_young.finditer(text):
            spans.append(m.span())
        for m in self.masked.finditer(text):
            spans.append(m.span())
        # Every mention of a 化名 name is the same person.
        for name in set(names):
            for m in re.finditer(re.escape(name), text):
                spans.append(m.span())
        return [Match(s, e, self.label) for s, e in spans]

    def _pseudonym_start(self, text: str, end: int) -> int | None:
        """Where the name before ``（化名）`` begins: prefer a surname-initial name."""
        candidates = [end - n for n in (3, 2, 4) if end - n >= 0]
        cjk_run = 0
        while cjk_run < 4 and end - cjk_run - 1 >= 0 and is_cjk(text[end - cjk_run - 1]):
            cjk_run += 1
        if cjk_run < 2:
            return None
        for start in candidates:
            if end - start > cjk_run or text[start] in self.stopchars:
                continue
            if text[start] in self.surnames or text[start : start + 2] in self.surnames:
                return start
        for start in candidates:
            if end - start <= cjk_run and text[start] in "小老阿":
                return start
        return end - 2
