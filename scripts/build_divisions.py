"""Generate ``pipeline/zhgov/data/divisions.tsv`` from the cpca package's adcode table.

cpca (MIT, on PyPI) ships ``resources/adcodes.csv``: every province-, prefecture- and
county-level division with its 12-digit code. We keep name, level, code and province,
and derive the short forms used in news ("百色" for 百色市, "广西" for 广西壮族自治区).

    pip download --no-deps cpca==0.5.5 -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    python scripts/build_divisions.py /tmp/cpca/cpca/resources/adcodes.csv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "zhgov" / "data" / "divisions.tsv"
# Longest first: a suffix is stripped only once.
SUFFIXES = sorted(
    ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区",
     "省", "市", "县", "区", "盟", "旗", "州"],
    key=len, reverse=True,
)
PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}
SKIP = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def ethnic_names(path: Path) -> list[str]:
    nations = path.with_name("56_nations.csv")
    names = [n.strip() for n in nations.read_text(encoding="utf8").split() if n.strip()]
    # "壮族" appears as "壮族" and as the bare root "壮" inside names like 各族自治县
    return sorted({*names, *(n[:-1] for n in names if n.endswith("族")), "各族"}, key=len, reverse=True)


def short_form(name: str, level: str, ethnic: list[str]) -> str:
    if name in PROVINCE_SHORT:
        return PROVINCE_SHORT[name]
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                # 百色 from 隆林各族自治县 is 隆林; strip the ethnic names before 自治
                changed = True
                while changed:
                    changed = False
                    for e in ethnic:
                        if stem.endswith(e) and len(stem) > len(e):
                            stem, changed = stem[: -len(e)], True
            return stem if len(stem) >= 2 else ""
    return ""


def level_of(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "prefecture"
    return "county"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    src = Path(argv[0])
    ethnic = ethnic_names(src)
    rows = {}
    with src.open(encoding="utf8") as fh:
        for rec in csv.DictReader(fh):
            name, code = rec["name"].strip(), rec["adcode"].strip()
            if name in SKIP or not re.fullmatch(r"\d{12}", code):
                continue
            rows[(name, code)] = rec
    provinces = {code[:2]: name for (name, code) in rows if level_of(code) == "province"}
    out = ["# name\tshort\tlevel\tadcode\tprovince"]
    for name, code in sorted(rows, key=lambda k: k[1]):
        level = level_of(code)
        short = short_form(name, level, ethnic)
        out.append("\t".join([name, short, level, code, provinces.get(code[:2], "")]))
        if level == "county" and len(short) >= 4 and "自治" in name:
            # 前郭尔罗斯蒙古族自治县 is written 前郭县 in news
            out.append("\t".join([short[:2] + name[-1], short[:2], level, code, provinces.get(code[:2], "")]))
    OUT.write_text("\n".join(out) + "\n", encoding="utf8")
    print(f"wrote {len(out) - 1} divisions to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
