"""Alias clusters, policy attributes and agency attributes."""

import pytest
import spacy

import zhgov

ARTICLE = """本报讯 近日，江州市民政局联合桥东街道办事处走访困难家庭。
村民韦某（化名）今年62岁，去年因病花去医疗费5万多元。“多亏了政府的帮助。”韦某说。
韦某的邻居陈先生介绍，韦某一家曾向社区反映困难。街道工作人员随后为韦某申请了临时救助。
另据了解，林芳(化名)也在救助名单上。林芳告诉记者，她和陈先生都收到了救助金。
被告人王某某和王某分别被判处罚金。"""


@pytest.fixture(scope="module")
def nlp():
    return zhgov.load()


def test_alias_clusters_across_paragraphs(nlp):
    doc = nlp(ARTICLE)
    aliases = {p["name"]: p for p in doc._.aliases}
    assert aliases["韦某"]["kind"] == "pseudonym"
    assert len(aliases["韦某"]["mentions"]) == 5
    assert aliases["林芳"]["kind"] == "pseudonym" and len(aliases["林芳"]["mentions"]) == 2
    assert aliases["陈先生"]["kind"] == "honorific" and len(aliases["陈先生"]["mentions"]) == 2
    assert aliases["王某某"]["kind"] == aliases["王某"]["kind"] == "masked"
    assert aliases["王某某"]["id"] != aliases["王某"]["id"]  # different people
    ids = {e._.alias_id for e in doc.ents if e.text == "韦某"}
    assert len(ids) == 1
    assert all(e._.alias_id is not None for e in doc.ents if e.label_ == "PERSON_ALIAS")
    assert all(e._.alias_id is None for e in doc.ents if e.label_ != "PERSON_ALIAS")


@pytest.mark.parametrize("text,doc_type,title,issuer,number", [
    ("县人民政府关于印发《江州市养老服务补贴办法》的通知（江政发〔2024〕3号）", "通知",
     "关于印发《江州市养老服务补贴办法》的通知", "县人民政府", "江政发〔2024〕3号"),
    ("依据《江州市临时救助实施办法》", "办法", "江州市临时救助实施办法", None, None),
    ("《社会救助暂行办法（试行）》", "办法", "社会救助暂行办法（试行）", None, None),
    ("《中华人民共和国社会救助法》", "法", "中华人民共和国社会救助法", None, None),
    ("《关于进一步加强低保工作的意见》（民发〔2023〕15号）", "意见", "关于进一步加强低保工作的意见", None, "民发〔2023〕15号"),
    ("市财政局关于下达2024年救助资金的通知 江财社〔2024〕8号", "通知", "关于下达2024年救助资金的通知", "市财政局", "江财社〔2024〕8号"),
    ("推行“一窗通办”工作机制", "机制", "一窗通办工作机制", None, None),
    ("开展‘送岗上门’专项行动", "行动", "送岗上门专项行动", None, None),
    ("《防汛抗旱应急预案》", "预案", "防汛抗旱应急预案", None, None),
    ("关于调整最低工资标准的决定", "决定", "关于调整最低工资标准的决定", None, None),
])
def test_policy_attributes(nlp, text, doc_type, title, issuer, number):
    (policy,) = [e for e in nlp(text).ents if e.label_ == "POLICY"]
    assert (policy._.doc_type, policy._.title, policy._.issuer, policy._.doc_number) == (doc_type, title, issuer, number)


@pytest.mark.parametrize("text,level,region,region_full,function", [
    ("江州市民政局", "prefectural", "江州市", "江州市", "民政"),
    ("市人社局", "prefectural", None, None, "人社"),
    ("省财政厅", "provincial", None, None, "财政"),
    ("国家医保局", "national", None, None, "医保"),
    ("民政部门", "unknown", None, None, "民政"),
    ("广州中院", "prefectural", "广州", "广州市", "法院"),
    ("百色市右江区人力资源和社会保障局", "county", "百色市右江区", "百色市右江区", "人社"),
    ("桥东街道办事处", "township", "桥东", "桥东", "政府"),
    ("红星村委会", "village", "红星", "红星", "基层自治"),
    ("县纪委监委", "county", None, None, "纪检监察"),
    ("石门镇人民政府", "township", "石门镇", "石门镇", "政府"),
    ("团市委", "prefectural", None, None, "共青团"),
    ("广西壮族自治区民政厅", "provincial", "广西壮族自治区", "广西壮族自治区", "民政"),
    ("县公安局", "county", None, None, "公安"),
])
def test_agency_attributes(nlp, text, level, region, region_full, function):
    (agency,) = nlp(text).ents
    assert (agency._.level, agency._.region, agency._.region_full, agency._.function) == (level, region, region_full, function)


def test_normalizers_survive_a_round_trip(tmp_path, nlp):
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.pipe_names == nlp.pipe_names
    doc = loaded("县医保局向韦某（化名）报销1.17万元")
    assert [str(e._.value) for e in doc.ents if e.label_ == "MONEY"] == ["11700"]
    money = loaded.get_pipe("zhgov_money")
    money.default_currency = "USD"
    again = spacy.blank("zh").add_pipe("zhgov_money")
    again.from_bytes(money.to_bytes())
    assert again.default_currency == "USD"
