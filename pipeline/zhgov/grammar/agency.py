"""AGENCY: official bodies.

An agency is a *head* (an organ word: 人民政府, 民政局, 派出所, or a function word
plus an organ suffix: 人社 + 局, 财政 + 部门) extended to the left over the prefix
material attached to it: division names (百色市, 右江区, short forms 广州), level words
(省, 县, 街道), party qualifiers (中共, 团) and, before a level word, a place name
the gazetteer does not know (江州市, 桥东街道). Adjacent heads join into one body
when the second names a unit of the first (市公安局经侦支队, 县委组织部).

Quantifiers and determiners stay outside: 全市人社部门 -> 人社部门.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from ..lexicon import Lexicon
from ._util import Match, first_fit, is_cjk, trie_regex

# Level words before which a place name the gazetteer lacks may stand (江州市, 桥东街道).
NAMEABLE_LEVELS = {"省", "市", "县", "区", "州", "旗", "盟", "乡", "镇", "村", "街道", "社区", "新区", "开发区"}
# Heads that are named by a place directly (城关派出所, 红星村委会).
NAMED_HEADS = {"警察局", "警署", "警局", "地方法院", "高等法院", "高院", "派出所", "边防派出所", "村委会", "居委会", "村民委员会", "居民委员会", "司法所", "财政所",
               "税务所", "人民法庭", "法庭", "检察室", "中队", "大队", "支队", "办事处", "街道办事处", "街道办"}
MAX_NAME = 4
MAX_TASK = 16
COUNTRY_ABBR = set("美俄日英法德韩朝印巴澳加意")
STATE_HEADS = {"政府", "国防部", "外交部", "国会", "参议院", "众议院", "议会", "国务院", "总统府", "央行"}
TASK_HEADS = {"领导小组", "指挥部", "工作专班", "办公室", "委员会"}
UNIT_SUFFIXES = ("科", "股", "处", "室", "办", "办公室", "部", "司", "局", "中心", "委员会", "支队", "大队", "中队",
                 "所", "站", "组", "庭", "分局", "支部", "党支部", "检察部", "执行局")
WEB_WORDS = ("网站", "网页", "网上", "网络")
# Units of a body that are not bodies on their own (国务院|发展研究中心, 建设部|政策研究中心).
UNIT_ONLY = ("研究中心", "研究院", "研究所", "研究室", "数据中心", "培训中心")
# Characters that never occur inside a unit name (function words, Arabic numbers).
UNIT_STOP = set("楼层的在或向对由将把被给了着过是为到从让等并且也都就又即而于至说称以要应须可能会必需罪""0123456789、，。；：！？,.;:!? \n")
NOT_UNITS = ("网站", "家庭", "干部", "人员", "群众", "工作站", "服务站", "大厅", "窗口", "查处", "判处", "惩处", "论处",
             "督办", "承办", "协办", "主办", "举办", "创办", "开办", "代办", "交办", "转办", "领办", "到处",
             "好处", "用处", "相处", "住处", "全部", "内部", "外部", "局部", "大部", "干部", "总部", "东部", "西部",
             "南部", "北部", "中部", "一组", "小组", "分组", "各组", "教室", "会议室", "办公室主任")
# 县强基办: two characters and 办, not a verb (开办), an adjective (民办 学校) or 办公, 办理 …
OFFICE_NOT_AFTER = set("公理法事结好成学园校医企证件案了的")
NOT_OFFICES = ("民办", "公办", "包办", "试办", "补办", "兴办", "照办", "查办", "难办", "好办", "买办", "新办",
               "自办", "合办", "联办", "帮办", "快办", "就办", "即办", "马上办", "网办", "掌上办", "经办", "来办", "去办",
               "再办", "还办", "要办", "能办", "可办", "难办")
NOT_OFFICE_WORDS = NOT_UNITS + NOT_OFFICES
# Committees of owners, parents, companies and universities are not official bodies.
NOT_COMMITTEES = ("业主委员会", "家长委员会", "伦理委员会", "学术委员会", "学位委员会", "薪酬委员会", "提名委员会",
                  "战略委员会", "业委会", "家委会")
# A foreign body named freely after its country (比利时电影局, 俄罗斯国家安全委员会).
FOREIGN_SUFFIXES = ("政府", "议会", "国会", "委员会", "部", "局", "署", "厅", "司")
NOT_FOREIGN = ("格局", "布局", "结局", "大局", "时局", "政局", "开局", "僵局", "骗局", "残局", "全局", "棋局",
               "终局", "赌局", "饭局", "俱乐部", "总部", "本部", "司令部")
NOT_FOREIGN_WORDS = NOT_UNITS + NOT_FOREIGN
# Heads kept only as a unit of the body before them (人民银行|河源市分行).
MERGE_ONLY = {"分行", "支行", "中心支行", "检察部", "审判庭"}
PLACE_KINDS = {"division", "short", "level", "name", "country"}
MASKS = "*＊×Ｘ"
# Heads that name a unit inside the body before them, even with their own place name.
SUBUNITS = ("分行", "支行", "分局", "派出所", "大队", "支队", "中队", "总队", "中心", "所", "科", "处", "室", "站", "支部")


LEVEL_WORDS = {
    "国家": "national", "中华人民共和国": "national", "中共中央": "national",
    "省": "provincial", "自治区": "provincial", "省级": "provincial",
    "市": "prefectural", "州": "prefectural", "盟": "prefectural", "地区": "prefectural",
    "自治州": "prefectural", "市级": "prefectural", "师市": "prefectural",
    "县": "county", "区": "county", "旗": "county", "自治县": "county", "自治旗": "county",
    "县级": "county", "区级": "county", "新区": "county", "开发区": "county",
    "乡": "township", "镇": "township", "街道": "township", "苏木": "township", "乡镇": "township",
    "乡级": "township", "镇级": "township",
    "村": "village", "社区": "village", "村（居）": "village",
}
DIVISION_LEVELS = {"province": "provincial", "prefecture": "prefectural", "county": "county"}
ORGAN_FUNCTIONS = (
    ("法院", "法院"), ("中院", "法院"), ("高院", "法院"), ("法庭", "法院"), ("检察", "检察院"),
    ("派出所", "公安"), ("公安", "公安"), ("警", "公安"), ("纪委", "纪检监察"), ("监委", "纪检监察"),
    ("纪检", "纪检监察"), ("人大", "人大"), ("政协", "政协"), ("工会", "工会"), ("妇联", "妇联"),
    ("团", "共青团"), ("残联", "残联"), ("村委会", "基层自治"), ("居委会", "基层自治"),
    ("村民委员会", "基层自治"), ("居民委员会", "基层自治"), ("医保", "医保"), ("社保", "社保"),
    ("疾控", "疾控"), ("政务服务", "政务服务"), ("办事处", "政府"), ("街道办", "政府"),
    ("政府", "政府"), ("办公厅", "政府"), ("办公室", "政府"), ("委", "党委"), ("党", "党委"), ("支部", "党委"),
)
HEAD_LEVELS = (("村委会", "village"), ("居委会", "village"), ("村民委员会", "village"),
               ("居民委员会", "village"), ("村（居）", "village"), ("社区", "village"), ("村", "village"),
               ("街道", "township"), ("乡镇", "township"), ("镇", "township"), ("乡", "township"),
               ("省委", "provincial"), ("市委", "prefectural"), ("州委", "prefectural"),
               ("县委", "county"), ("区委", "county"), ("旗委", "county"))


@dataclass
class _Cand:
    start: int
    head_start: int
    end: int
    head: str
    prefixes: list  # (start, end, kind) innermost first
    kind: str  # national | organ | function
    merged: bool = False

    @property
    def has_level_prefix(self) -> bool:
        return any(k == "level" for _, _, k in self.prefixes)


class AgencyGrammar:
    label = "AGENCY"

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        organs = lexicon["agency_organ"]
        self.prefix_required = {t for t in organs if lexicon.flags.get(f"agency_organ:{t}") == "prefix"}
        self.national = set(lexicon["agency_national"])
        self.functions = lexicon["agency_function"]
        words = set(organs) | self.national
        self.word_re = re.compile(trie_regex(words))
        self.function_re = re.compile(
            f"(?:{trie_regex(self.functions)})(?:{trie_regex(lexicon['agency_suffix'])})"
        )
        # All heads in one Aho-Corasick automaton (function x suffix spelled out): one
        # pass in C gives the leftmost-longest heads, where regex alternations would try
        # hundreds of words at every character.
        self.heads = ahocorasick.Automaton()
        for f in self.functions:
            for suffix in lexicon["agency_suffix"]:
                self.heads.add_word(f + suffix, (len(f) + len(suffix), "function"))
        for w in words:
            self.heads.add_word(w, (len(w), "national" if w in self.national else "organ"))
        self.heads.make_automaton()
        self.prefix_words = set(lexicon["agency_prefix"])
        self.levels = {w for w in self.prefix_words if w in NAMEABLE_LEVELS or w in {"省", "自治区", "自治州", "自治县", "自治旗", "地区"}}
        self.division_full = {d.name for d in lexicon.divisions}
        self.stopwords = set(lexicon["agency_stopword"])
        # 会同县, 通道县: a short form that is also an everyday word is not a prefix
        self.division_short = {d.short for d in lexicon.divisions if d.short and d.short not in self.stopwords}
        self.countries = set(lexicon["agency_country"])
        self.max_prefix = max(len(w) for w in self.division_full | self.division_short | self.prefix_words | self.countries)
        # candidate lengths by last character, longest first: most positions need no lookup
        lengths: dict[str, set[int]] = {}
        for w in self.division_full | self.division_short | self.prefix_words | self.countries:
            lengths.setdefault(w[-1], set()).add(len(w))
        self.prefix_lengths = {ch: sorted(ns, reverse=True) for ch, ns in lengths.items()}
        self.stopwords = set(lexicon["agency_stopword"])
        self.stopchars = set(lexicon["agency_stopchar"])
        self.determiners = set(lexicon["agency_determiner"])
        self.blocked_after = {w: set(v.split()) for w, v in lexicon["agency_blocked_after"].items()}
        self.blocked_after_re = re.compile(trie_regex(self.blocked_after)) if self.blocked_after else None
        self.not_head = tuple(lexicon["agency_not_head"])
        foreign = sorted(c for c in self.countries if c != "中国")
        self.foreign_re = re.compile(
            rf"(?:{trie_regex(foreign)})[\u4e00-\u9fff]{{1,10}}?(?P<suffix>{trie_regex(FOREIGN_SUFFIXES)})"
        ) if foreign else None
        self.subunit_re = re.compile(
            rf"(?P<ord>第[一二三四五六七八九十]{{1,3}})?[\u4e00-\u9fff]{{0,14}}?(?P<suffix>{trie_regex(UNIT_SUFFIXES)})"
        )

    # -- heads -------------------------------------------------------------
    def _heads(self, text: str) -> list[tuple[int, int, str]]:
        """Head words, leftmost-longest and non-overlapping."""
        heads = [(end + 1 - n, end + 1, kind) for end, (n, kind) in self.heads.iter_long(text)]
        offices = self._offices(text, heads)
        return sorted(heads + offices) if offices else heads

    def _offices(self, text: str, heads: list) -> list[tuple[int, int, str]]:
        """Abbreviated offices after a place or level word: 县强基办, 杭州市房改办, 中央文明办."""
        out = []
        p = text.find("办", 2)
        while p >= 0:
            s, e = p - 2, p + 1
            name = text[s:p]
            if (e == len(text) or text[e] not in OFFICE_NOT_AFTER) and is_cjk(name[0]) and is_cjk(name[1]) \
                    and not any(ch in UNIT_STOP or ch in "里还" for ch in name) \
                    and not text[s:e].endswith(NOT_OFFICE_WORDS) and name not in self.stopwords:
                unit = self._prefix_unit(text, s)
                if unit is not None and unit[1] in ("level", "division", "short", "qualifier") \
                        and not any(s < he and hs < e for hs, he, _ in heads):
                    out.append((s, e, "organ"))
            p = text.find("办", p + 1)
        return out

    def _joins(self, text: str, prev: "_Cand", c: "_Cand") -> bool:
        """Whether ``c`` continues the body ``prev`` (a unit of it, or the same body)."""
        gap = text[prev.end : c.start]
        if gap == "驻":
            return True  # 县纪委监委驻农业农村局纪检监察组
        if gap:
            return False
        kinds = {k for *_, k in c.prefixes}
        if not kinds & PLACE_KINDS:
            return True  # 市公安局 + 经侦支队, 县委 + 组织部
        if prev.head.endswith("纪委") and c.head == "监委":
            return True  # 区纪委区监委: one body under two names
        return c.head.endswith(SUBUNITS) and kinds <= {"name", "short", "level", "division"} and "level" not in {
            k for q, e, k in c.prefixes if text[q:e] not in ("镇", "乡", "街道", "村")
        }

    def _blocked(self, text: str, head: str, end: int) -> bool:
        return head.endswith(self.not_head) or self._blocked_after(text, head, end)

    def _blocked_after(self, text: str, head: str, end: int) -> bool:
        if text.startswith("网", end) and not text.startswith(WEB_WORDS, end):
            return True  # 省政府网 names a website; 省政府网站 is the body's site
        if self.blocked_after_re is None:
            return False
        m = self.blocked_after_re.match(text, end)
        if not m:
            return False
        heads = self.blocked_after[m.group()]
        return "*" in heads or head in heads or any(head.endswith(h) for h in heads if h != "*")

    # -- prefixes ----------------------------------------------------------
    def _prefix_unit(self, text: str, p: int):
        """The longest known prefix unit ending at ``p``: (start, kind) or None."""
        if p <= 0:
            return None
        for n in self.prefix_lengths.get(text[p - 1], ()):
            if n > p:
                continue
            piece = text[p - n : p]
            if piece in self.division_full:
                return p - n, "division"
            if piece in self.countries:
                return p - n, "country"
            if piece in self.prefix_words:
                return p - n, "level" if piece in self.levels else "qualifier"
            if n >= 2 and piece in self.division_short:
                return p - n, "short"
        return None

    def _place_name(self, text: str, p: int, floor: int = 0) -> int | None:
        """Start of an unknown place name ending at ``p`` (江州 in 江州市), or None.

        Masked names (**县) count as names. A run that reaches ``floor`` (the end of the
        body before it, as in 公安局鲤鱼江派出所) or the start of a phrase is taken whole.
        """
        run = 0
        while run < MAX_NAME + 1 and p - run - 1 >= floor:
            ch = text[p - run - 1]
            if not (is_cjk(ch) or ch in MASKS) or ch in self.stopchars:
                break
            run += 1
        if run < 2 and not (run == 1 and text[p - 1] in MASKS):
            return None
        # the run stopped at a boundary (not at the length limit): it is the whole name
        bounded = run <= MAX_NAME
        n = run if bounded else 2
        while n > 2 and text[p - n - 1 : p - n + 1] in self.stopwords:
            n -= 1  # 跟随城门镇: 随 belongs to the verb before it
        if run > 2:
            # 美国夏威夷州, 重庆朝天门派出所, 无锡市崇安区: a known unit right before fixes
            # the name's length
            for k in range(2, min(run, MAX_NAME) + 1):
                if self._prefix_unit(text, p - k) is not None:
                    n = k
                    break
        name = text[p - n : p]
        if any(name[i:] in self.stopwords for i in range(n - 1)):
            return None
        return p - n

    def _extend_left(self, text: str, head_start: int, head: str, kind: str, floor: int) -> list:
        prefixes = []
        p = head_start
        named_head = head in NAMED_HEADS or head.startswith(("村", "社区", "街道"))
        while p > floor:
            unit = self._prefix_unit(text, p)
            if unit is not None and unit[0] < floor:
                unit = None
            if unit is None and p - 1 >= floor and text[p - 1] in COUNTRY_ABBR and head in STATE_HEADS and (
                p - 1 == 0 or not is_cjk(text[p - 2]) or text[p - 2] in self.stopchars
            ):
                prefixes.append((p - 1, p, "country"))  # 美国防部, 俄政府
                break
            if unit is None or (kind == "national" and unit[1] not in ("country", "qualifier")):
                if not prefixes and named_head:
                    name = self._place_name(text, p, floor)
                    if name is not None:
                        prefixes.append((name, p, "name"))
                        p = name
                        continue
                break
            q, unit_kind = unit
            if (not prefixes and named_head and unit_kind == "short" and q > floor and is_cjk(text[q - 1])
                    and text[q - 1] not in self.stopchars and self._prefix_unit(text, q) is None):
                name = self._place_name(text, p, floor)
                if name is not None and name < q:
                    prefixes.append((name, p, "name"))  # 朝天门派出所 is not 朝 + 天门
                    p = name
                    continue
            if unit_kind == "division" and text[q : p - 1] in self.stopwords:
                # 会同县 after 农业农村局: the verb 会同, then 县
                q, unit_kind = p - 1, "level"
            elif unit_kind == "division" and p - q == 2 and q > floor and is_cjk(text[q - 1]) and text[q - 1] not in self.stopchars:
                # 崇礼县 is not 崇 + 礼县: a one-character county inside a longer unknown name
                q, unit_kind = p - 1, "level"
            prefixes.append((q, p, unit_kind))
            if unit_kind == "level" and text[q:p] in NAMEABLE_LEVELS:
                before = self._prefix_unit(text, q)
                # 盘州市: 州 before 市 is part of the name, not a second level word
                if before is None or (before[1] == "level" and q - before[0] == 1):
                    name = self._place_name(text, q, floor)
                    if name is not None:
                        prefixes.append((name, q, "name"))
                        q = name
            p = q
        if not prefixes and head in TASK_HEADS:
            prefixes = self._task_body_prefix(text, head_start, floor)
        # 全市 / 各县 / 本区: a level word bound to a determiner is not an attached prefix
        while prefixes:
            q, e, kind = prefixes[-1]
            if kind == "level" and q > 0 and text[q - 1] in self.determiners and e - q == 1:
                prefixes.pop()
                continue
            break
        return prefixes

    def _task_body_prefix(self, text: str, head_start: int, floor: int) -> list:
        """市根治拖欠农民工工资工作领导小组: a free-text task name after a place prefix."""
        k = head_start
        while k > max(floor, head_start - MAX_TASK) and is_cjk(text[k - 1]) and text[k - 1] not in self.stopchars:
            k -= 1
            unit = self._prefix_unit(text, k)
            if unit is not None and unit[1] in ("division", "level", "qualifier", "short", "country"):
                inner = [(k, head_start, "task")]
                return inner + self._extend_left(text, k, "", "organ", floor) or inner
        if head_start - k >= 2 and (k == floor or k == 0 or not is_cjk(text[k - 1]) or text[k - 1] in self.stopchars):
            return [(k, head_start, "task")]
        return []

    def _starts_body(self, s: str) -> bool:
        """Whether ``s`` names another body: a head, or a place or level word first."""
        if self.function_re.search(s) or self.word_re.search(s):
            return True
        return any(s[:n] in self.prefix_words or s[:n] in self.division_full or s[:n] in self.division_short
                   for n in range(1, min(len(s), self.max_prefix) + 1))

    def _has_stopword(self, s: str) -> bool:
        return any(s[i : i + k] in self.stopwords for k in (2, 3, 4) for i in range(len(s) - k + 1))

    def _subunit_end(self, text: str, end: int) -> int:
        """End of a unit named right after a body: 市医保局|待遇保障科, 县人民检察院|第四检察部."""
        m = self.subunit_re.match(text, end)
        if not m:
            return end
        unit = m.group()
        body = unit[len(m.group("ord") or "") :]
        if len(body) - len(m.group("suffix")) < 2 and not m.group("ord"):
            return end
        inner = body[: -len(m.group("suffix"))]
        if any(ch in UNIT_STOP for ch in inner) or unit.endswith(NOT_UNITS):
            return end
        if m.group("suffix") == "司" and text.startswith("法", m.end()):
            return end  # 向县民政局发出|司法建议
        if self._has_stopword(inner) or self.function_re.search(inner):
            return end  # 联合市公安局, 和财政局: another body or a verb, not a unit
        for i, ch in enumerate(inner):
            # 救灾和物资保障科 is one unit; 国家局和省局, 房管局和物价局 are two bodies
            rest = unit[i + 1 :]
            if ch in "和与及" and (not rest or self._starts_body(rest)):
                return end
        if self._blocked_after(text, unit, m.end()) or (unit.endswith(self.not_head) and not unit.endswith(UNIT_ONLY)):
            return end
        return m.end()

    def _foreign(self, text: str) -> list[Match]:
        """Bodies of other states the head words do not cover: country + name + suffix."""
        if self.foreign_re is None:
            return []
        out = []
        for m in self.foreign_re.finditer(text):
            span = m.group()
            inner = span[: -len(m.group("suffix"))]
            if any(ch in UNIT_STOP for ch in inner) or span.endswith(NOT_FOREIGN_WORDS):
                continue
            if self._has_stopword(inner) or self._blocked_after(text, span, m.end()):
                continue
            out.append(Match(m.start(), m.end(), self.label))
        return out

    # -- main --------------------------------------------------------------
    def find(self, text: str) -> list[Match]:
        cands: list[_Cand] = []
        floor = 0
        for hs, he, kind in self._heads(text):
            head = text[hs:he]
            if self._blocked(text, head, he):
                # 市政府办|公楼 is 市政府 + 办公楼: fall back to the longest shorter head
                shorter = next((k for k in range(he - 1, hs + 1, -1) if text[hs:k] in self.heads
                                and not self._blocked(text, text[hs:k], k)), None)
                if shorter is None:
                    continue
                he, kind = shorter, self.heads.get(text[hs:shorter])[1]
                head = text[hs:he]
            prefixes = self._extend_left(text, hs, head, kind, floor)
            start = prefixes[-1][0] if prefixes else hs
            cands.append(_Cand(start, hs, he, head, prefixes, kind))
            floor = he
        merged: list[_Cand] = []
        for c in cands:
            prev = merged[-1] if merged else None
            if prev is not None and c.kind != "national" and self._joins(text, prev, c):
                prev.end = c.end
                prev.merged = True
                continue
            merged.append(c)
        for c in merged:
            # a unit of a unit: 住房和城乡建设部|政策研究中心|住宅与房地产研究处
            for _ in range(3):
                end = self._subunit_end(text, c.end)
                if end == c.end:
                    break
                c.end = end
        out = []
        for c in merged:
            if c.head in self.prefix_required and not c.prefixes:
                continue
            if c.head in MERGE_ONLY and not c.merged:
                continue
            if c.head == "委员会" and text[c.start : c.end].endswith(NOT_COMMITTEES):
                continue
            if c.head == "局" and not all(k == "level" or text[q:e] == "国家" for q, e, k in c.prefixes):
                continue
            out.append(Match(c.start, c.end, self.label))
        foreign = self._foreign(text)
        if foreign:
            # a foreign body's span wins over the part of it the heads found (美国|参议院拨款委员会)
            out = sorted(first_fit(sorted(foreign + out, key=lambda m: (m.start, m.start - m.end)),
                                   lambda m: (m.start, m.end)), key=lambda m: m.start)
        return out

    # -- description (zhgov_agencies) ---------------------------------------
    def _describe(self, text: str) -> dict:
        heads = self._heads(text)
        out = {"level": "unknown", "region": None, "region_full": None, "function": None}
        if not heads:
            return out
        hs, he, kind = heads[0]
        head = text[hs:he]
        if kind == "function":
            for n in range(len(head) - 1, 0, -1):
                if head[:n] in self.functions:
                    out["function"] = self.functions[head[:n]]
                    break
        else:
            out["function"] = next((f for key, f in ORGAN_FUNCTIONS if key in head), None)
            if out["function"] is None:
                for n in range(len(head) - 1, 1, -1):
                    for i in range(0, len(head) - n + 1):
                        if head[i : i + n] in self.functions:
                            out["function"] = self.functions[head[i : i + n]]
                            break
                    if out["function"]:
                        break
        if kind == "national":
            out["level"] = "national"
        units = sorted(self._extend_left(text, hs, head, kind, 0)) if kind != "national" else []
        places = [(q, e, k) for q, e, k in units if k in ("division", "short", "name", "country")]
        levels = []
        for q, e, k in units:
            word = text[q:e]
            if k == "division":
                levels.append(DIVISION_LEVELS[self.division_levels.get(word, "county")])
            elif word in LEVEL_WORDS:
                levels.append(LEVEL_WORDS[word])
            elif k == "short":
                levels.append(DIVISION_LEVELS[self.short_levels.get(word, "county")])
        # a level inside the head itself (街道办事处, 村委会, 县委) is the most specific one
        head_level = next((lv for key, lv in HEAD_LEVELS if head.startswith(key)), None)
        if out["level"] == "unknown":
            out["level"] = head_level or (levels[-1] if levels else "unknown")
        if any(text[q:e] == "团" for q, e, k in units):
            out["function"] = "共青团"
        if places:
            start = places[0][0]
            end = max(e for q, e, k in units if k in ("division", "short", "name", "country", "level"))
            out["region"] = text[start:end]
            full = []
            for i, (q, e, k) in enumerate(units):
                word = text[q:e]
                if q < start or e > end:
                    continue
                nxt = text[e : units[i + 1][1]] if i + 1 < len(units) else ""
                if k == "short" and nxt and word + nxt in self.division_levels:
                    full.append(word)  # 石门 + 县 is 石门县 itself
                elif k == "short" and not nxt and head_level is None and word in self.short_to_full:
                    full.append(self.short_to_full[word])  # 广州中院: 广州 is 广州市
                else:
                    full.append(word)
            out["region_full"] = "".join(full)
        return out


    def _init_describe(self) -> None:
        self.division_levels = {d.name: d.level for d in self.lex.divisions}
        shorts: dict[str, dict[str, str]] = {}
        for d in self.lex.divisions:
            if d.short:
                shorts.setdefault(d.short, {})[d.adcode] = d.name
        # a short form names its division only when it is unambiguous (河东 is two districts)
        self.short_to_full = {s: next(iter(codes.values())) for s, codes in shorts.items() if len(codes) == 1}
        levels = {d.short: d.level for d in self.lex.divisions if d.short}
        self.short_levels = levels


    def describe(self, text: str) -> dict:
        """Level, region and function of one agency name (the text of an AGENCY span)."""
        if not hasattr(self, "short_to_full"):
            self._init_describe()
        return self._describe(text)
