"""MONEY: amounts of money written with Arabic or Chinese numerals.

Shape: ``[currency-before] number [multiplier] [多|余] currency-after [左右|上下|多]``,
or a range ``number (至|到|-|~) number … currency``. Words before the amount
(约, 近, 共计 …) are never part of the span because the pattern starts at the number.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ._util import Match, trie_regex
from .numerals import UnreadableAmount, read_amount

DIGIT = "0-9０-９"
# 1,234 / 2，266.00 / 1.17 / ５００: separators only before exactly three digits
ARABIC = rf"[{DIGIT}]+(?:[,，][{DIGIT}]{{3}}(?![{DIGIT}]))*(?:[.．][{DIGIT}]+)?"
CN_DIGIT = "零〇○一二两三四五六七八九壹贰贰叁肆伍陆柒捌玖"
CN_UNIT = "十百千万亿拾佰仟萬億"
CN_NUMBER = rf"[{CN_DIGIT}{CN_UNIT}](?:[{CN_DIGIT}{CN_UNIT}点]|[多余](?=[{CN_UNIT}]))*"
MULT = rf"[{CN_UNIT}]"
# 数百万, 上万, 几千, 十几万, 数十亿
VAGUE = rf"(?:[数几上成]|十几|几十)(?:{MULT}|几)*"
# 3千5百万: digits and multipliers interleaved
NUMBER = (
    rf"(?:{ARABIC}(?:多(?={MULT})|余(?={MULT})|{MULT})*(?:{ARABIC}{MULT}+)*"
    rf"|{VAGUE}|{CN_NUMBER})"
)
APPROX_INNER = "(?:多|余|几|来)?"
# 1元多 / 5000元左右; 多 only when it does not start the next word (100元多次)
APPROX_AFTER = "(?:左右|上下|多(?![次个种项人年月天位名家户条件样方]))?"
RANGE_SEP = "(?:至|到|－|-|—{1,2}|–|~|～)"
RANGE_IN = re.compile(RANGE_SEP)
MATH_TERM = re.compile(r"[一二三四五六七八九]元[一二三四五六七八九]次")


class MoneyGrammar:
    label = "MONEY"

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.currencies_after = sorted(lexicon["money_currency_after"], key=len, reverse=True)
        after = trie_regex(self.currencies_after)
        before = trie_regex(lexicon["money_currency_before"])
        amount = rf"{NUMBER}{APPROX_INNER}"
        # 元旦, 元素, 多元化: 元 followed by these is not the currency
        cur_after = rf"(?:{after})(?![旦素宵首帅件器化代朝音])"
        self.regex = re.compile(
            rf"(?P<before>(?:{before})\s?)?"
            rf"(?P<amount>{amount}(?:(?:{cur_after})?{RANGE_SEP}{amount})?)"
            rf"(?P<after>{cur_after}{APPROX_AFTER})?"
        )

    def find(self, text: str) -> list[Match]:
        out = []
        for m in self.regex.finditer(text):
            if not (m.group("after") or m.group("before")):
                continue
            s, e = m.span()
            if s > 0 and text[s - 1] in ".．0123456789０１２３４５６７８９":
                continue
            amount = m.group("amount")
            if len(amount) == 1 and MATH_TERM.match(text, s):
                continue  # 一元二次方程
            if len(amount) == 1 and amount in CN_UNIT and not m.group("before"):
                continue  # （单位：万元）: a unit label, not an amount
            if not m.group("after") and not re.search(rf"[{DIGIT}{CN_UNIT}]", amount):
                # 人民币一 / 美元两: a bare Chinese digit after a currency word is not an amount
                continue
            if m.group("amount") and RANGE_IN.search(m.group("amount")[1:]) and not self._ascending(m):
                # 10万元－2万元 is arithmetic, not a range: two amounts
                out.extend(self._halves(m))
                continue
            out.append(Match(s, e, self.label))
        return out

    def bare_amount(self, m: re.Match) -> str:
        """The amount of a match without currency words (2000元至3000元 -> 2000至3000)."""
        amount = m.group("amount")
        for word in self.currencies_after:
            amount = amount.replace(word, "")
        return amount

    def _ascending(self, m: re.Match) -> bool:
        try:
            read_amount(self.bare_amount(m))
        except (UnreadableAmount, ArithmeticError, ValueError):
            return False
        return True

    def _halves(self, m: re.Match) -> list[Match]:
        s, e = m.span()
        text = m.string
        sep = RANGE_IN.search(text, m.start("amount") + 1, m.end("amount"))
        left, right = (s, sep.start()), (sep.end(), e)
        return [Match(a, b, self.label) for a, b in (left, right)
                if self.regex.fullmatch(text, a, b) and any(text[a:b].endswith(c) or text[a:b].startswith(c)
                                                             for c in self.currencies_after)]
