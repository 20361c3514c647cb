"""The entity ruler's grammar, label by label: positives and negatives side by side.

Each case gives a text and every entity the rules must find in it (any label), so a
case also fails when something extra is tagged.
"""

import pytest
import spacy
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st

A, P, M, N = "AGENCY", "POLICY", "MONEY", "PERSON_ALIAS"

AGENCY_CASES = [
    # the guideline's own examples
    ("自治区民政厅统一部署", [("自治区民政厅", A)]),
    ("桥东街道办事处工作人员上门核查", [("桥东街道办事处", A)]),
    ("请到县医保局办理", [("县医保局", A)]),
    ("民政部门将及时跟进", [("民政部门", A)]),
    ("临川县人民政府印发通知", [("临川县人民政府", A)]),
    ("市政府办公室牵头", [("市政府办公室", A)]),
    ("县政府办转发", [("县政府办", A)]),
    ("省财政厅下达资金", [("省财政厅", A)]),
    ("区卫生健康委员会通报", [("区卫生健康委员会", A)]),
    ("县应急管理局启动响应", [("县应急管理局", A)]),
    ("中共临川县委召开会议", [("中共临川县委", A)]),
    ("县纪委监委通报", [("县纪委监委", A)]),
    ("机关党委第二支部开展学习", [("机关党委第二支部", A)]),
    ("市人大常委会审议", [("市人大常委会", A)]),
    ("县人民法院审理", [("县人民法院", A)]),
    ("石门镇人民政府组织排查", [("石门镇人民政府", A)]),
    ("红星村委会上报名单", [("红星村委会", A)]),
    ("省总工会慰问一线职工", [("省总工会", A)]),
    ("县妇联走访", [("县妇联", A)]),
    ("团市委发起倡议", [("团市委", A)]),
    ("市医保中心结算", [("市医保中心", A)]),
    ("县政务服务中心设立专窗", [("县政务服务中心", A)]),
    ("区社保经办中心受理", [("区社保经办中心", A)]),
    ("财政部门、社保部门和人社部门联合发文", [("财政部门", A), ("社保部门", A), ("人社部门", A)]),
    ("工会组织要发挥作用", [("工会组织", A)]),
    ("公安机关立案侦查", [("公安机关", A)]),
    ("法院依法判决", [("法院", A)]),
    ("河东法院受理此案", [("河东法院", A)]),
    ("县人社局劳动保障监察大队介入", [("县人社局劳动保障监察大队", A)]),
    ("市公安局经侦支队破获", [("市公安局经侦支队", A)]),
    ("县防汛抗旱指挥部发布预警", [("县防汛抗旱指挥部", A)]),
    ("市就业工作领导小组部署", [("市就业工作领导小组", A)]),
    ("江州市财政局拨付", [("江州市财政局", A)]),
    ("城区社保部门核实", [("城区社保部门", A)]),
    ("各级财政部门要加强监管", [("财政部门", A)]),
    ("全市人社部门开展专项检查", [("人社部门", A)]),
    ("桥东街道办协调", [("桥东街道办", A)]),
    ("石门镇政府安排", [("石门镇政府", A)]),
    ("红星社区居委会登记", [("红星社区居委会", A)]),
    ("向工会反映诉求", [("工会", A)]),
    ("广西壮族自治区百色市右江区人力资源和社会保障局", [("广西壮族自治区百色市右江区人力资源和社会保障局", A)]),
    ("国务院办公厅印发", [("国务院办公厅", A)]),
    ("国家医保局会同财政部", [("国家医保局", A), ("财政部", A)]),
    ("县委县政府高度重视", [("县委", A), ("县政府", A)]),
    ("温岭市公安局泽国镇派出所民警", [("温岭市公安局泽国镇派出所", A)]),
    ("**县公安局立案", [("**县公安局", A)]),
    ("国家局和省局联合督导", [("国家局", A), ("省局", A)]),
    # not agencies
    ("江州市推动出台新政", []),
    ("乡镇（街道）要落实责任", []),
    ("桥东街道、石门镇和红星社区", []),
    ("某公司拖欠工资", []),
    ("据江州日报报道", []),
    ("登录社会救助信息系统或拨打12345热线", []),
    ("市图书馆和展览馆开放", []),
    ("党和政府的关怀", []),
    ("政府兜底保障", []),
    ("有关部门、相关部门和各部门", []),
    ("该局表示，本机关将整改", []),
    ("县人民医院和社区卫生服务中心", []),
    ("工会帮扶平台和工会困难职工档案", []),
    ("全市局面总体稳定", []),
    ("人大代表提出建议", []),
    # the owner of a website or a building is tagged; a website's own name is not
    ("结果在县人民政府网站公示", [("县人民政府", A)]),
    ("登录市人社局门户网站查询", [("市人社局", A)]),
    ("镇政府办公楼维修", [("镇政府", A)]),
    ("详见省政府网", []),
    # units of units, with 与/和 and ordinals inside their names
    ("住房和城乡建设部政策研究中心住宅与房地产研究处处长", [("住房和城乡建设部政策研究中心住宅与房地产研究处", A)]),
    ("教育部国际合作与交流司司长", [("教育部国际合作与交流司", A)]),
    ("银保监会监管二部主任", [("银保监会监管二部", A)]),
    ("国务院发展研究中心副主任", [("国务院发展研究中心", A)]),
    # 司法 after a body is a word, not a unit named ...司
    ("法院向县农业农村局发出司法建议", [("法院", A), ("县农业农村局", A)]),
    ("市教育局三楼学生资助科", [("市教育局", A), ("学生资助科", A)]),
    ("全国人大财政经济委员会主任", [("全国人大财政经济委员会", A)]),
    # abbreviated offices after a place or level word; verbs and 民办/公办 are not offices
    ("县强基办和乡政府", [("县强基办", A), ("乡政府", A)]),
    ("杭州市房改办相关负责人", [("杭州市房改办", A)]),
    ("中央文明办部署", [("中央文明办", A)]),
    ("江州市民办学校和县里开办的工厂", []),
    ("乡镇经办人员和村里还办起了民宿", []),
    # local governments and local bodies; not the bonds or funds named after them
    ("督促地方政府严格执行", [("地方政府", A)]),
    ("湖南省地方金融监督管理局", [("湖南省地方金融监督管理局", A)]),
    ("新增地方政府专项债券", []),
    ("政府性基金预算", []),
    # bodies of other states, named after their country
    ("比利时电影局拨款", [("比利时电影局", A)]),
    ("俄罗斯国家安全委员会副秘书", [("俄罗斯国家安全委员会", A)]),
    ("美国参议院拨款委员会表决", [("美国参议院拨款委员会", A)]),
    ("美国中部地区和日本经济格局", []),
    ("美国各部门", []),
    # committees named freely are bodies; owners', parents' and academic ones are not
    ("这是我们人居环境委员会的工作", [("人居环境委员会", A)]),
    ("开发区管理委员会发布", [("开发区管理委员会", A)]),
    ("小区业主委员会和学校家长委员会", []),
]

POLICY_CASES = [
    ("依据《江州市就业补贴管理办法》执行", [("《江州市就业补贴管理办法》", P)]),
    ("《意见》明确要求", [("《意见》", P)]),
    ("关于印发《江州市养老服务补贴办法》的通知", [("关于印发《江州市养老服务补贴办法》的通知", P)]),
    ("推行“一窗通办”工作机制", [("“一窗通办”工作机制", P)]),
    ("开展‘送岗上门’专项行动", [("‘送岗上门’专项行动", P)]),
    ("实施「暖心」工程", [("「暖心」工程", P)]),
    ('推广"一网通办"模式', [('"一网通办"模式', P)]),
    ("建立“救急难”制度", [("“救急难”制度", P)]),
    ("落实“两不愁三保障”政策", [("“两不愁三保障”政策", P)]),
    ("启动“春风”行动", [("“春风”行动", P)]),
    ("实施“百千万”计划", [("“百千万”计划", P)]),
    ("关于做好2024年城乡低保提标工作的通知", [("关于做好2024年城乡低保提标工作的通知", P)]),
    ("关于进一步加强困难群众基本生活保障工作的意见", [("关于进一步加强困难群众基本生活保障工作的意见", P)]),
    ("关于调整城乡居民基础养老金标准的决定", [("关于调整城乡居民基础养老金标准的决定", P)]),
    ("关于临时救助资金管理的办法", [("关于临时救助资金管理的办法", P)]),
    ("关于开展农民工工资专项整治的实施方案", [("关于开展农民工工资专项整治的实施方案", P)]),
    ("关于同意设立县级救助站的批复", [("关于同意设立县级救助站的批复", P)]),
    ("关于2023年度资金使用情况的通报", [("关于2023年度资金使用情况的通报", P)]),
    ("关于公开招聘社区工作者的公告", [("关于公开招聘社区工作者的公告", P)]),
    ("关于2023年预算执行情况的报告", [("关于2023年预算执行情况的报告", P)]),
    ("关于商请协助核查低保对象的函", [("关于商请协助核查低保对象的函", P)]),
    ("县人民政府关于下达水利建设资金的通知", [("县人民政府", A), ("关于下达水利建设资金的通知", P)]),
    ("《中华人民共和国社会救助法》", [("《中华人民共和国社会救助法》", P)]),
    ("《社会救助暂行办法》第十条", [("《社会救助暂行办法》", P)]),
    ("《江州市最低生活保障条例》", [("《江州市最低生活保障条例》", P)]),
    ("《医疗救助实施细则（试行）》", [("《医疗救助实施细则（试行）》", P)]),
    ("《乡村振兴战略规划（2018－2022年）》", [("《乡村振兴战略规划（2018－2022年）》", P)]),
    ("《防汛抗旱应急预案》", [("《防汛抗旱应急预案》", P)]),
    ("《关于印发〈就业创业补贴办法〉的通知》", [("《关于印发〈就业创业补贴办法〉的通知》", P)]),
    ("《住房公积金管理条例》", [("《住房公积金管理条例》", P)]),
    ("《政府工作报告》提出", [("《政府工作报告》", P)]),
    ("《农村危房改造实施方案》", [("《农村危房改造实施方案》", P)]),
    ("《就业促进法》", [("《就业促进法》", P)]),
    ("《2024年民生实事工作要点》", [("《2024年民生实事工作要点》", P)]),
    # not policies
    ("《红楼梦》和《平凡的世界》", []),
    ("《人民日报》刊文", []),
    ("《江州日报》头版", []),
    ("《孙子兵法》", []),
    ("文件《关于进一步加强", []),
    ("江财社〔2024〕8号", []),
    ("低保、临时救助、医疗救助和乡村振兴", []),
    ("“幸福不会从天降”", []),
    ("“我为群众办实事”", []),
    ("他关于此事的意见", []),
    ("关于调整最低工资标准的通知书", []),
]

MONEY_CASES = [
    ("发放1.17万元", [("1.17万元", M)]),
    ("补助4860元", [("4860元", M)]),
    ("垫付5万多元", [("5万多元", M)]),
    ("罚款人民币80万元", [("人民币80万元", M)]),
    ("共计3.5万元", [("3.5万元", M)]),
    ("每月2860元", [("2860元", M)]),
    ("6万多元", [("6万多元", M)]),
    ("1200余元", [("1200余元", M)]),
    ("四千五百元", [("四千五百元", M)]),
    ("120美元", [("120美元", M)]),
    ("2000至3000元", [("2000至3000元", M)]),
    ("2000-3000元", [("2000-3000元", M)]),
    ("数百万元", [("数百万元", M)]),
    ("上万元", [("上万元", M)]),
    ("几千元", [("几千元", M)]),
    ("约3200元", [("3200元", M)]),
    ("近5000元", [("5000元", M)]),
    ("超过10万元", [("10万元", M)]),
    ("达1.2亿元", [("1.2亿元", M)]),
    ("每人每月300元", [("300元", M)]),
    ("累计发放2,266.00元", [("2,266.00元", M)]),
    ("合计2，266元", [("2，266元", M)]),
    ("１２０元", [("１２０元", M)]),
    ("5000元左右", [("5000元左右", M)]),
    ("3000元上下", [("3000元上下", M)]),
    ("3-5万元", [("3-5万元", M)]),
    ("1.5亿美元", [("1.5亿美元", M)]),
    ("2000元至3000元", [("2000元至3000元", M)]),
    ("3千5百万元", [("3千5百万元", M)]),
    ("一百多万元", [("一百多万元", M)]),
    ("十几万元", [("十几万元", M)]),
    ("两千元", [("两千元", M)]),
    ("人民币5万", [("人民币5万", M)]),
    ("价值人民币352元", [("人民币352元", M)]),
    ("500港元", [("500港元", M)]),
    ("1000欧元", [("1000欧元", M)]),
    ("数十亿元", [("数十亿元", M)]),
    ("20余万元", [("20余万元", M)]),
    ("3000万元", [("3000万元", M)]),
    ("0.5元", [("0.5元", M)]),
    # not money
    ("3000多户", []),
    ("120名", []),
    ("增长12.5%", []),
    ("补贴金和医疗费", []),
    ("元旦前", []),
    ("多元化解", []),
    ("第3单元", []),
    ("2024年", []),
    ("45个村", []),
    ("人民币汇率", []),
    ("一元二次", []),
]

ALIAS_CASES = [
    ("韦某（化名）告诉记者，韦某今年60岁", [("韦某", N), ("韦某", N)]),
    ("林芳（化名）说", [("林芳", N)]),
    ("林芳(化名)说，林芳家里", [("林芳", N), ("林芳", N)]),
    ("林大姐（化名）", [("林大姐", N)]),
    ("村民韦某（化名）", [("韦某", N)]),
    ("陈先生", [("陈先生", N)]),
    ("黄女士", [("黄女士", N)]),
    ("周阿姨", [("周阿姨", N)]),
    ("赵大爷", [("赵大爷", N)]),
    ("吴大妈", [("吴大妈", N)]),
    ("老郑说", [("老郑", N)]),
    ("小何表示", [("小何", N)]),
    ("王某", [("王某", N)]),
    ("张某某", [("张某某", N)]),
    ("王某甲和李某乙", [("王某甲", N), ("李某乙", N)]),
    ("扶*兵", [("扶*兵", N)]),
    ("李××", [("李××", N)]),
    ("徐先生", [("徐先生", N)]),
    ("聂女士", [("聂女士", N)]),
    ("王某某", [("王某某", N)]),
    ("被告人欧阳某某", [("欧阳某某", N)]),
    ("被害人遆某某", [("遆某某", N)]),
    ("被告人于某某", [("于某某", N)]),
    ("被告人某某某", [("某某某", N)]),
    ("郭师傅", [("郭师傅", N)]),
    ("李大叔", [("李大叔", N)]),
    ("唐婆婆", [("唐婆婆", N)]),
    ("张小明(化名)今年12岁", [("张小明", N)]),
    ("小雨（化名）的母亲", [("小雨", N)]),
    ("向韦某（化名）发放", [("韦某", N)]),
    ("老王的儿子", [("老王", N)]),
    ("蔡某8", [("蔡某8", N)]),
    ("黄阿姨", [("黄阿姨", N)]),
    ("杨大娘", [("杨大娘", N)]),
    ("刘大哥", [("刘大哥", N)]),
    ("马某甲", [("马某甲", N)]),
    ("陈某和吴某", [("陈某", N), ("吴某", N)]),
    ("钱女士", [("钱女士", N)]),
    ("孙老汉", [("孙老汉", N)]),
    ("覃某某", [("覃某某", N)]),
    # not aliases
    ("副局长覃海涛表示", []),
    ("记者 李敏", []),
    ("工作人员、负责人和妻子", []),
    ("某单位", []),
    ("于某日", []),
    ("和姐姐一起", []),
    ("小区", []),
    ("老党员", []),
    ("小时", []),
    ("老年人", []),
    ("小康", []),
    ("某公司", []),
]


def _ids(cases):
    return [c[0][:16] for c in cases]


@pytest.mark.parametrize("text,expected", AGENCY_CASES, ids=_ids(AGENCY_CASES))
def test_agency(ents, text, expected):
    assert ents(text) == expected


@pytest.mark.parametrize("text,expected", POLICY_CASES, ids=_ids(POLICY_CASES))
def test_policy(ents, text, expected):
    assert ents(text) == expected


@pytest.mark.parametrize("text,expected", MONEY_CASES, ids=_ids(MONEY_CASES))
def test_money(ents, text, expected):
    assert ents(text) == expected


@pytest.mark.parametrize("text,expected", ALIAS_CASES, ids=_ids(ALIAS_CASES))
def test_alias(ents, text, expected):
    assert ents(text) == expected


def test_each_label_has_forty_cases():
    for cases in (AGENCY_CASES, POLICY_CASES, MONEY_CASES, ALIAS_CASES):
        assert len(cases) >= 40


def test_guideline_worked_example(ents):
    text = "江州市民政局依据《江州市临时救助实施办法》，向陈先生发放临时救助金3200元。"
    assert ents(text) == [
        ("江州市民政局", A), ("《江州市临时救助实施办法》", P), ("陈先生", N), ("3200元", M),
    ]


def test_overwrite_ents():
    text = "县民政局发放3200元"
    for overwrite, expected in ((False, [("县民政局发放", "OTHER"), ("3200元", M)]),
                                (True, [("县民政局", A), ("3200元", M)])):
        nlp = spacy.blank("zh")

        @spacy.Language.component(f"preset_{overwrite}")
        def preset(doc):
            doc.ents = [doc.char_span(0, 6, label="OTHER")]
            return doc

        nlp.add_pipe(f"preset_{overwrite}")
        nlp.add_pipe("zhgov_entity_ruler", config={"overwrite_ents": overwrite})
        nlp.initialize()
        assert [(e.text, e.label_) for e in nlp(text).ents] == expected


def test_labels_setting():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhgov_entity_ruler", config={"labels": ["MONEY"]})
    nlp.initialize()
    assert [e.label_ for e in nlp("县民政局向陈先生发放3200元").ents] == ["MONEY"]


def test_bad_settings_raise():
    nlp = spacy.blank("zh")
    with pytest.raises(ValueError, match="alignment"):
        nlp.add_pipe("zhgov_entity_ruler", config={"alignment_mode": "sideways"})


def test_serialization_round_trip(tmp_path, rules_nlp):
    text = "县民政局依据《临时救助办法》向王某某发放3200元"
    expected = [(e.text, e.label_) for e in rules_nlp(text).ents]
    rules_nlp.to_disk(tmp_path / "p")
    assert [(e.text, e.label_) for e in spacy.load(tmp_path / "p")(text).ents] == expected
    ruler = rules_nlp.get_pipe("zhgov_entity_ruler")
    fresh = spacy.blank("zh").add_pipe("zhgov_entity_ruler", config={"overwrite_ents": True})
    fresh.from_bytes(ruler.to_bytes())
    assert fresh.overwrite_ents is False
    assert [(m.start, m.end, m.label) for m in fresh.find(text)] == [
        (e.start_char, e.end_char, e.label_) for e in rules_nlp(text).ents
    ]


def test_saved_lexicon_is_self_contained(tmp_path, rules_nlp):
    rules_nlp.to_disk(tmp_path / "p")
    cfg = srsly.read_json(tmp_path / "p" / "zhgov_entity_ruler" / "cfg")
    assert cfg["alignment_mode"] == "split"
    data = srsly.read_gzip_json(tmp_path / "p" / "zhgov_entity_ruler" / "lexicon")
    assert len(data["divisions"]) > 3000


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_string_tags_without_error(rules_nlp, text):
    doc = rules_nlp(text)
    for ent in doc.ents:
        assert 0 <= ent.start_char < ent.end_char <= len(text)
        assert ent.text == text[ent.start_char : ent.end_char]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("县市省区镇局厅委办某元万亿《》〈〉“”\"（）()化名关于的通知王李张0123456789，。、 \n*×")), max_size=80))
def test_grammar_alphabet_tags_without_error(rules_nlp, chars):
    text = "".join(chars)
    doc = rules_nlp(text)
    assert all(ent.text == text[ent.start_char : ent.end_char] for ent in doc.ents)


def test_text_keeping_tokenizer_matches_doc_text():
    from zhgov.tokenizer import TEXT_KEY, doc_text

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "zhgov.ChineseTokenizer.v1"}}})
    for text in ["", " ", "县民政局 发放\n3200元", "a  b"]:
        doc = nlp(text)
        assert doc.user_data[TEXT_KEY] == text == doc.text == doc_text(doc)
    doc = nlp("县民政局")
    doc.user_data[TEXT_KEY] = "stale"
    assert doc_text(doc) == "县民政局"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab县民 \n\t\u3000\u00a0\r")), max_size=30) | st.text(max_size=30))
def test_char_tokens_identical_to_spacy(text):
    from spacy.util import get_words_and_spaces

    from zhgov.tokenizer import char_words_and_spaces

    assert char_words_and_spaces(text) == get_words_and_spaces(list(text), text)
