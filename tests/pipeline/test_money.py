"""Reading MONEY spans: value, upper bound, currency, approximation."""

import warnings
from decimal import Decimal

import pytest
import spacy

import zhgov
from zhgov.grammar.numerals import UnreadableAmount, read_amount

# expression | value | value_max | currency | approximate
TABLE = """
1.17万元 | 11700 | 11700 | CNY | n
4860元 | 4860 | 4860 | CNY | n
5万多元 | 50000 | 50000 | CNY | y
人民币80万元 | 800000 | 800000 | CNY | n
3.5万元 | 35000 | 35000 | CNY | n
2860元 | 2860 | 2860 | CNY | n
6万多元 | 60000 | 60000 | CNY | y
1200余元 | 1200 | 1200 | CNY | y
四千五百元 | 4500 | 4500 | CNY | n
120美元 | 120 | 120 | USD | n
2000至3000元 | 2000 | 3000 | CNY | n
2000-3000元 | 2000 | 3000 | CNY | n
数百万元 | 2000000 | 9000000 | CNY | y
上万元 | 10000 | 10000 | CNY | y
几千元 | 2000 | 9000 | CNY | y
2,266.00元 | 2266 | 2266 | CNY | n
2，266元 | 2266 | 2266 | CNY | n
２，２６６元 | 2266 | 2266 | CNY | n
１２０元 | 120 | 120 | CNY | n
5000元左右 | 5000 | 5000 | CNY | y
3000元上下 | 3000 | 3000 | CNY | y
3-5万元 | 30000 | 50000 | CNY | n
3至5万元 | 30000 | 50000 | CNY | n
3~5万元 | 30000 | 50000 | CNY | n
3～5万元 | 30000 | 50000 | CNY | n
1.5亿美元 | 150000000 | 150000000 | USD | n
2000元至3000元 | 2000 | 3000 | CNY | n
5000元至2万元 | 5000 | 20000 | CNY | n
2000元到8万元 | 2000 | 80000 | CNY | n
3千5百万元 | 35000000 | 35000000 | CNY | n
一百多万元 | 1000000 | 1000000 | CNY | y
十几万元 | 110000 | 190000 | CNY | y
几十万元 | 200000 | 900000 | CNY | y
两千元 | 2000 | 2000 | CNY | n
两万三千元 | 23000 | 23000 | CNY | n
人民币5万 | 50000 | 50000 | CNY | n
人民币352元 | 352 | 352 | CNY | n
500港元 | 500 | 500 | HKD | n
500港币 | 500 | 500 | HKD | n
港币2000元 | 2000 | 2000 | HKD | n
1000欧元 | 1000 | 1000 | EUR | n
300日元 | 300 | 300 | JPY | n
50英镑 | 50 | 50 | GBP | n
200澳门元 | 200 | 200 | MOP | n
数十亿元 | 2000000000 | 9000000000 | CNY | y
20余万元 | 200000 | 200000 | CNY | y
3000万元 | 30000000 | 30000000 | CNY | n
0.5元 | 0.5 | 0.5 | CNY | n
0.8元左右 | 0.8 | 0.8 | CNY | y
二〇二三元 | 2023 | 2023 | CNY | n
一千五百一十五元 | 1515 | 1515 | CNY | n
一百零五元 | 105 | 105 | CNY | n
十五元 | 15 | 15 | CNY | n
五十元 | 50 | 50 | CNY | n
三千五百万元 | 35000000 | 35000000 | CNY | n
一亿三千万元 | 130000000 | 130000000 | CNY | n
1亿3000万元 | 130000000 | 130000000 | CNY | n
三点五万元 | 35000 | 35000 | CNY | n
百余万元 | 1000000 | 1000000 | CNY | y
600来元 | 600 | 600 | CNY | y
40来块钱 | 40 | 40 | CNY | y
1元多 | 1 | 1 | CNY | y
80万元人民币 | 800000 | 800000 | CNY | n
1700元人民币 | 1700 | 1700 | CNY | n
￥500 | 500 | 500 | CNY | n
¥1,200 | 1200 | 1200 | CNY | n
$300 | 300 | 300 | USD | n
US$1.5万 | 15000 | 15000 | USD | n
壹仟贰佰元 | 1200 | 1200 | CNY | n
拾万元 | 100000 | 100000 | CNY | n
十万元 | 100000 | 100000 | CNY | n
一万元 | 10000 | 10000 | CNY | n
九千九百九十九元 | 9999 | 9999 | CNY | n
三万元 | 30000 | 30000 | CNY | n
12.5万元 | 125000 | 125000 | CNY | n
0.35亿元 | 35000000 | 35000000 | CNY | n
1,234,567.89元 | 1234567.89 | 1234567.89 | CNY | n
100.50元 | 100.5 | 100.5 | CNY | n
7亿元 | 700000000 | 700000000 | CNY | n
2.3万亿元 | 2300000000000 | 2300000000000 | CNY | n
5千元 | 5000 | 5000 | CNY | n
5百元 | 500 | 500 | CNY | n
8千多元 | 8000 | 8000 | CNY | y
3万余元 | 30000 | 30000 | CNY | y
1000多元 | 1000 | 1000 | CNY | y
两百元 | 200 | 200 | CNY | n
两百多元 | 200 | 200 | CNY | y
二十元 | 20 | 20 | CNY | n
两亿元 | 200000000 | 200000000 | CNY | n
1.2亿元左右 | 120000000 | 120000000 | CNY | y
60万元左右 | 600000 | 600000 | CNY | y
800-1200元 | 800 | 1200 | CNY | n
800—1200元 | 800 | 1200 | CNY | n
1万至1.5万元 | 10000 | 15000 | CNY | n
1到2万元 | 10000 | 20000 | CNY | n
5-10万美元 | 50000 | 100000 | USD | n
100万-200万元 | 1000000 | 2000000 | CNY | n
三至五万元 | 30000 | 50000 | CNY | n
两三千元 | 2000 | 3000 | CNY | y
七八百元 | 700 | 800 | CNY | y
几百元 | 200 | 900 | CNY | y
数千元 | 2000 | 9000 | CNY | y
数万元 | 20000 | 90000 | CNY | y
上千万元 | 10000000 | 10000000 | CNY | y
上亿元 | 100000000 | 100000000 | CNY | y
成千元 | 1000 | 1000 | CNY | y
十几元 | 11 | 19 | CNY | y
几十元 | 20 | 90 | CNY | y
五角 | None | None | None | n
3200元 | 3200 | 3200 | CNY | n
860元 | 860 | 860 | CNY | n
352元 | 352 | 352 | CNY | n
15.5万元 | 155000 | 155000 | CNY | n
4.26亿元 | 426000000 | 426000000 | CNY | n
2,860余万元 | 28600000 | 28600000 | CNY | y
人民币2,860余万元 | 28600000 | 28600000 | CNY | y
0元 | 0 | 0 | CNY | n
〇元 | 0 | 0 | CNY | n
1.17万余元 | 11700 | 11700 | CNY | y
300加元 | 300 | 300 | CAD | n
1000新台币 | 1000 | 1000 | TWD | n
2000韩元 | 2000 | 2000 | KRW | n
"""


def _rows():
    for line in TABLE.strip().splitlines():
        expr, value, vmax, cur, approx = (c.strip() for c in line.split("|"))
        yield expr, value, vmax, cur, approx


ROWS = list(_rows())


@pytest.fixture(scope="module")
def money():
    nlp = zhgov.load()
    return nlp.get_pipe("zhgov_money")


def test_table_is_large_enough():
    assert len(ROWS) >= 120


@pytest.mark.parametrize("expr,value,vmax,cur,approx", ROWS, ids=[r[0] for r in ROWS])
def test_money_expression(money, expr, value, vmax, cur, approx):
    amount, currency = money.read(expr)
    if value == "None":
        assert amount is None
        return
    assert amount is not None, expr
    assert amount.value == Decimal(value) and isinstance(amount.value, Decimal)
    assert amount.value_max == Decimal(vmax)
    assert currency == cur
    assert amount.approximate is (approx == "y")


def test_span_attributes_and_json_output():
    nlp = zhgov.load()
    doc = nlp("向困难群众发放1.17万元，每户补助3-5万元。")
    first, second = doc.ents
    assert first._.value == Decimal("11700") and first._.currency == "CNY" and first._.approximate is False
    assert (second._.value, second._.value_max) == (Decimal("30000"), Decimal("50000"))


def test_unreadable_amount_warns_and_is_none():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhgov_money")
    doc = nlp.make_doc("发放若干万元")
    doc.ents = [doc.char_span(2, 6, label="MONEY")]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp.get_pipe("zhgov_money")(doc)
    assert doc.ents[0]._.value is None
    assert any("W003" in str(w.message) and "若干万元" in str(w.message) for w in caught)


@pytest.mark.parametrize("bad", ["", "点", "万万", "abc", "5 5", "三两", "三五"])
def test_read_amount_never_guesses(bad):
    with pytest.raises(UnreadableAmount):
        read_amount(bad)


def test_cn2an_edge_cases_we_rely_on():
    """cn2an reads these; we test them rather than trust it."""
    assert read_amount("二〇二三").value == 2023
    assert read_amount("两万三").value == 23000
    assert read_amount("一百零五").value == 105
    assert read_amount("壹仟贰佰").value == 1200
