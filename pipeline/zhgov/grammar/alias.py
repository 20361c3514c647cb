"""PERSON_ALIAS: private persons whose real name is withheld.

Four shapes: a name marked 化名 (and every later mention of that name), a surname
with 某/某某/某甲, a surname with an honorific or kinship term (陈先生, 老郑), and a
name masked with symbols (扶*兵, 李××).
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ._util import CJK, Match, is_cjk, trie_regex

PSEUDONYM = re.compile(r"[（(]\s*化名\s*[）)]")
STEMS = "甲乙丙丁戊己庚辛壬癸"
MASKS = "*＊×Ｘ✕"
# 于某日 / 县某公司: after these, a single 某 starts a determiner phrase, not a name
DETERMINED = re.compile(
    r"(?:日|月|年|时|天|处|地|种|些|个|位|项|次|方面|单位|公司|企业|部门|机关|医院|学校|银行|小区|村|镇|乡|县|市|区|省|店|厂|人)"
)
# Characters that end the word before a name: 村民|韦某, 儿童|小宇, 护林员|努尔兰
ROLE_END = set("人员民者户工生童众属妇女儿婆爷奶姨叔伯兄弟姐妹父母妻夫子孙友主亲")
LEVEL_CHARS = set("县市区镇州省村乡旗盟")
# 老X / 小X that are words, not people: X after these prefixes is not a surname there
OLD_YOUNG_WORDS = {
    "老": set("年龄党家百师区乡旧化人板大二公婆总实虎鼠式牌城街屋房宅干兵将手伴汉太钱金少小幼弱病残赖"),
    "小": set("区时康麦学组型额微吃孩伙说年城镇农商额号米车品件数朋规字额班队寨程"),
}
# 养老金 / 敬老院: 老 bound to the word before it
OLD_BOUND_BEFORE = set("养敬尊孝防终赡托帮助爱护关扶元古遗父")
# 小孙子 / 小周末 / 小龙虾: the next character completes a word
YOUNG_BOUND_AFTER = {"孙": set("子女"), "周": set("末"), "龙": set("虾"), "林": set("子"), "米": set("粒")}
KINSHIP = ("太太", "奶奶", "爷爷", "婆婆", "妈妈", "爸爸", "姐姐", "哥哥", "弟弟", "妹妹", "阿姨", "叔叔", "伯伯", "婶婶")


class AliasGrammar:
    label = "PERSON_ALIAS"

    def __init__(self, lexicon: Lexicon):
        self.surnames = set(lexicon["alias_surname"])
        self.ambiguous = set(lexicon["alias_ambiguous_surname"])
        # function words never start a name; level words (县某公司) never carry 某
        # a masked name's visible tail ends at a function word or a verb: 王*明|举报
        self.tail_stop = set(lexicon["agency_stopchar"]) | set("举表反申领获介告称说因系将已为")
        self.places = {d.name for d in lexicon.divisions} | {d.short for d in lexicon.divisions if d.short}
        self.stopchars = set(lexicon["agency_stopchar"]) | set("某一二三四五六七八九十百千万亿多几每任人者友户民员县市区镇州省村乡旗盟")
        surname = trie_regex(lexicon["alias_surname"])
        honorific = trie_regex(lexicon["alias_honorific"])
        short = "".join(sorted(lexicon["alias_short_surname"]))
        # Court documents mask rare surnames too (遆某某): with 某某 or 某甲 any
        # character that is not a function word may carry it. Matching starts at 某
        # and looks back, which is far cheaper than trying every character.
        self.compound = {t for t in lexicon["alias_surname"] if len(t) == 2}
        self.mou_tail = re.compile(rf"某(?:某某|某[{STEMS}]|某|[{STEMS}]|[0-9０-９](?![0-9０-９.．万元千百亿]))?")
        # honorifics are found first and the surname looked up behind them: scanning
        # for ~40 honorifics is far cheaper than for ~500 surnames
        self.honorific = re.compile(honorific)
        self.old_young = re.compile(rf"([老小])([{short}])")
        self.mask_run = re.compile(rf"[{MASKS}]+")

    def find(self, text: str) -> list[Match]:
        spans: list[tuple[int, int]] = []
        names = []
        for m in PSEUDONYM.finditer(text):
            start = self._pseudonym_start(text, m.start())
            if start is not None:
                spans.append((start, m.start()))
                names.append(text[start : m.start()])
        spans.extend(self._mou(text))
        for m in self.honorific.finditer(text):
            s, e = m.span()
            if s >= 2 and text[s - 2 : s] in self.compound:
                s -= 2
            elif s >= 1 and text[s - 1] in self.surnames:
                s -= 1
            else:
                continue
            word = text[s:e]
            if text[s] in self.ambiguous and (len(word) < 3 or word.endswith(KINSHIP)):
                continue  # 和姐姐, 和奶奶: a conjunction before a kinship word
            spans.append((s, e))
        for m in self.old_young.finditer(text):
            prefix, surname = m.group(1), m.group(2)
            s, e = m.span()
            if surname in OLD_YOUNG_WORDS[prefix]:
                continue
            if prefix == "老" and s > 0 and text[s - 1] in OLD_BOUND_BEFORE:
                continue
            if prefix == "小" and e < len(text) and text[e] in YOUNG_BOUND_AFTER.get(surname, ()):
                continue
            if s > 0 and text[s - 1] in "大": # 大小王: a size word
                continue
            spans.append((s, e))
        spans.extend(self._masked(text))
        # Every mention of a 化名 name is the same person.
        for name in set(names):
            for m in re.finditer(re.escape(name), text):
                spans.append(m.span())
        return [Match(s, e, self.label) for s, e in spans]

    def _mou(self, text: str):
        for m in self.mou_tail.finditer(text):
            s, e = m.span()
            tail = m.group()
            if s >= 2 and text[s - 2 : s] in self.compound:
                s -= 2
            elif s >= 1 and is_cjk(text[s - 1]) and text[s - 1] != "某":
                s -= 1
            word = text[s:e]
            if word.endswith("某某某") and word[0] not in self.surnames:
                s, word = e - len(tail), tail  # 组某某某: the name is the masked 某某某
            if word.startswith("某"):
                if word in ("某某某",) or (len(word) == 3 and word[2] in STEMS):
                    yield s, e
                continue
            if word[0] in LEVEL_CHARS or self._place_ends(text, s + 1):
                continue  # 云南某公司, 禅城区某药店: a place, then 某
            initial = word[:2] if word[:2] in self.surnames else word[0]
            single = word.count("某") == 1 and not word[-1] in STEMS and not word[-1].isdigit()
            if initial not in self.surnames:
                # a rare surname is trusted only in the court forms 某某 / 某甲
                if single or word[0] in self.stopchars:
                    continue
            elif word[0] in self.stopchars and word[0] not in self.surnames:
                continue
            if single and initial in self.ambiguous and DETERMINED.match(text, e):
                continue
            yield s, e

    def _place_ends(self, text: str, end: int) -> bool:
        return any(text[max(0, end - n) : end] in self.places for n in range(2, 6) if end - n >= 0)

    def _masked(self, text: str):
        for m in self.mask_run.finditer(text):
            k, masks = m.end(), len(m.group())
            s = m.start() - 1
            if s < 0 or masks > 3 or not is_cjk(text[s]):
                continue
            if s >= 1 and text[s - 1 : s + 1] in self.compound:
                s -= 1
            if s > 0 and (text[s - 1].isdigit() or text[s - 1] in "号栋楼层室"):
                continue
            if text[s] not in self.surnames and (text[s] in self.stopchars or m.group()[0] not in "*＊"):
                continue  # 面积×补贴: a formula, not a masked name
            end = k
            if masks == 1:
                # 扶*兵 keeps up to two visible characters; they end at a function word
                while end < min(k + 2, len(text)) and is_cjk(text[end]) and text[end] not in self.tail_stop:
                    end += 1
                if end == k and k < len(text) and is_cjk(text[k]):
                    continue  # 王×… inside a word; 王×， alone is a masked name
            yield s, end

    def _pseudonym_start(self, text: str, end: int) -> int | None:
        """Where the name before ``（化名）`` begins.

        The shortest candidate that follows a word boundary wins (村民|韦某, 儿童|小宇,
        老人|阿依古丽); failing that, a surname-initial candidate.
        """
        cjk_run = 0
        while cjk_run < 4 and end - cjk_run - 1 >= 0 and is_cjk(text[end - cjk_run - 1]):
            cjk_run += 1
        if cjk_run < 2:
            return None
        for n in range(2, cjk_run + 1):
            start = end - n
            if text[start] in self.stopchars:
                break
            if n >= 3 and not (text[start] in self.surnames or text[start] in "小老阿"):
                continue
            before = text[start - 1] if start > 0 else ""
            if not before or not is_cjk(before) or before in self.stopchars or before in ROLE_END:
                return start
        for n in (3, 2, 4):
            start = end - n
            if n > cjk_run or text[start] in self.stopchars:
                continue
            if text[start] in self.surnames or text[start : start + 2] in self.surnames:
                return start
        return end - 2
