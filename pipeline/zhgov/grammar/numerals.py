"""Reading amounts of money: 1.17万元 -> 11700, 3-5万元 -> 30000..50000, 5万多元 -> 50000 (approximate).

Pure Chinese numerals (四千五百, 二〇二三, 两万三) go to ``cn2an`` (normal mode), which
reads them correctly; it cannot read Arabic digits mixed with multipliers (1.17万,
3千5百万), decimals in Chinese (三点五万) or bare units (百余万), so those go through
the section parser below. Vague amounts become ranges: 几/数 = 2..9 of the unit,
十几 = 11..19, 几十 = 20..90, 上万 = at least 10000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
             "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
             "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8}
FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
APPROX_MARKS = ("多", "余", "来", "左右", "上下")
RANGE_SPLIT = re.compile(r"(?<=.)(?:至|到|－|-|—{1,2}|–|~|～)")
TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|[零〇○一壹二贰两三叁四肆五伍六陆七柒八捌九玖]|[十拾百佰千仟万萬亿億]|点|[多余来几数上成]")


class UnreadableAmount(ValueError):
    pass


@dataclass(frozen=True)
class Amount:
    value: Decimal
    value_max: Decimal
    approximate: bool


def tidy(d: Decimal) -> Decimal:
    """11700.00 -> 11700, 0.50 -> 0.5: no exponent, no trailing zeros."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def _cn2an(s: str) -> Optional[Decimal]:
    try:
        import cn2an
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        return Decimal(str(cn2an.cn2an(s, "normal")))
    except (ValueError, KeyError, IndexError, InvalidOperation):
        return None


def parse_number(s: str) -> tuple[Decimal, bool]:
    """A number with optional multipliers; returns (value, approximate)."""
    s = s.translate(FULLWIDTH).replace(",", "").replace("，", "")
    if not s:
        raise UnreadableAmount("empty number")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", s):
        return Decimal(s), False
    approximate = any(ch in s for ch in "多余来")
    core = re.sub("[多余来]", "", s)
    well_formed = not re.search(r"[一二两三四五六七八九][一二两三四五六七八九]", core) or _digit_string(core)
    if core and well_formed and all(ch in CN_DIGITS or ch in SMALL_UNITS or ch in BIG_UNITS for ch in core):
        value = _cn2an(core)
        if value is not None and value > 0 or core in ("零", "〇"):
            return value, approximate
    return _sections(core), approximate


def _digit_string(s: str) -> bool:
    """二〇二三 (digit by digit) as opposed to 三五 or 三两, which are not one number."""
    return len(s) >= 3 and "两" not in s and all(ch in CN_DIGITS for ch in s)


def _sections(s: str) -> Decimal:
    """Read digits (Arabic or Chinese, with 点 decimals) and multipliers section by section."""
    tokens = TOKEN.findall(s)
    if "".join(tokens) != s:
        raise UnreadableAmount(f"cannot read {s!r}")
    if _digit_string(s):
        return Decimal("".join(str(CN_DIGITS[t]) for t in tokens))  # 二〇二三
    result, section, number = Decimal(0), Decimal(0), None
    decimals: Optional[str] = None
    prev = None
    for t in tokens:
        if prev is not None and (prev in CN_DIGITS or prev[0].isdigit()) and (t in CN_DIGITS or t[0].isdigit()) \
                and decimals is None:
            raise UnreadableAmount(f"two numbers in a row in {s!r}")  # 两三千 is a range, not 3000
        if t == "点":
            if number is None:
                raise UnreadableAmount(f"cannot read {s!r}")
            decimals = ""
        elif t in CN_DIGITS or t[0].isdigit():
            if decimals is not None and t in CN_DIGITS:
                decimals += str(CN_DIGITS[t])
                number = Decimal(f"{int(number)}.{decimals}")
            else:
                number = Decimal(t) if t[0].isdigit() else Decimal(CN_DIGITS[t])
        elif t in SMALL_UNITS:
            section += (number if number is not None else Decimal(1)) * SMALL_UNITS[t]
            number, decimals = None, None
        elif t in BIG_UNITS:
            group = section + (number or 0)
            if group == 0:
                if prev in ("万", "萬") and BIG_UNITS[t] == 10 ** 8 and result:
                    result *= BIG_UNITS[t]  # 2.3万亿
                    prev = t
                    continue
                raise UnreadableAmount(f"a multiplier without a number in {s!r}")
            if BIG_UNITS[t] == 10 ** 8:
                result = (result + group) * BIG_UNITS[t]
            else:
                result += group * BIG_UNITS[t]
            section, number, decimals = Decimal(0), None, None
        else:
            raise UnreadableAmount(f"cannot read {s!r}")
        prev = t
    return result + section + (number or 0)


def _vague(s: str) -> Optional[tuple[Decimal, Decimal]]:
    """几千 / 数百万 / 十几万 / 几十万 / 上万 / 两三千: (low, high), or None when not vague."""
    pair = re.fullmatch(r"([一二两三四五六七八])([二三四五六七八九])([十百千万亿]+)", s)
    if pair and CN_DIGITS[pair.group(2)] == CN_DIGITS[pair.group(1)] + 1:
        scale = Decimal(1)
        for ch in pair.group(3):
            scale *= SMALL_UNITS.get(ch) or BIG_UNITS[ch]
        return CN_DIGITS[pair.group(1)] * scale, CN_DIGITS[pair.group(2)] * scale
    m = re.fullmatch(r"(十几|几十|[几数上成])([十百千万亿]*)", s)
    if not m:
        return None
    head, units = m.groups()
    scale = Decimal(1)
    for ch in units:
        scale *= SMALL_UNITS.get(ch) or BIG_UNITS[ch]
    if head in ("上", "成"):
        return scale, scale
    if head == "十几":
        return 11 * scale, 19 * scale
    if head == "几十":
        return 20 * scale, 90 * scale
    return 2 * scale, 9 * scale


def _trailing_units(s: str) -> str:
    m = re.search(r"[十百千万亿]+$", s)
    return m.group() if m else ""


def read_amount(amount: str) -> Amount:
    """Read the numeric part of a MONEY span (currency words removed)."""
    amount = amount.strip()
    approx = amount.endswith(APPROX_MARKS)
    for mark in ("左右", "上下"):
        if amount.endswith(mark):
            amount = amount[: -len(mark)]
    if amount.endswith("多") and not re.search(r"[0-9０-９一二三四五六七八九十百千万亿]多$", amount[-2:]):
        amount = amount[:-1]
    parts = RANGE_SPLIT.split(amount, maxsplit=1)
    if len(parts) == 2:
        low_s, high_s = parts
        high, a2 = _one(high_s)
        low, a1 = _one(low_s)
        units = _trailing_units(high_s)
        if units and not _trailing_units(re.sub("[多余来]$", "", low_s)):
            # 3-5万: the multiplier applies to both ends, unless that inverts the range
            # (2000元到8万元)
            scaled, a3 = _one(low_s + units)
            if scaled.value <= high.value_max:
                low, a1 = scaled, a3
        if high.value_max < low.value:
            raise UnreadableAmount(f"range {amount!r} runs backwards")
        return Amount(tidy(low.value), tidy(high.value_max), approx or a1 or a2)
    single, a = _one(amount)
    return Amount(tidy(single.value), tidy(single.value_max), approx or a)


def _one(s: str) -> tuple[Amount, bool]:
    vague = _vague(s)
    if vague is not None:
        return Amount(vague[0], vague[1], True), True
    value, approx = parse_number(s)
    return Amount(value, value, approx), approx
