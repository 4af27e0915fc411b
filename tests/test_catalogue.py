"""The metric catalogue: every row of the seed table, the new templates, prose, questions, errors."""

from __future__ import annotations

import pytest

from assistant.catalogue import Catalogue, CatalogueError, Metric, load_catalogue, normalise_label
from assistant.errors import AssistantError


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


# ---------------------------------------------------------------------------------------------
# normalise_label


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("  （一）主动公开政府信息数\n       （不同渠道和方式公开相同信息计1条）", "主动公开政府信息数"),
        ("        其中：主动公开规范性文件数", "主动公开规范性文件数"),
        ("\u3000\u3000\u3000其中：涉及国家秘密", "涉及国家秘密"),
        ("一、主动公开情况", "主动公开情况"),
        ("三、本年度办理结果", "本年度办理结果"),
        ("(一)予以公开", "予以公开"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"),
        ("1.当面申请数", "当面申请数"),
        ("1、当面申请数", "当面申请数"),
        ("１．当面申请数", "当面申请数"),
        ("(1)当面申请数", "当面申请数"),
        ("①当面申请数", "当面申请数"),
        ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "专职人员数"),
        ("本年收费金额（单位：万元）", "本年收费金额"),
        ("统 计 指 标", "统计指标"),
        ("收到\u00a0申请数", "收到申请数"),
        ("3.危及“三安全一稳定”", "危及“三安全一稳定”"),
        ("（七）总计", "总计"),
        ("3.其他", "其他"),
        ("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条", "重点领域公开政府信息数"),
        ("（不同渠道和方式公开相同信息计1条）", ""),
        ("不是《条例》所指政府信息", "不是《条例》所指政府信息"),
        ("12345热线转办申请", "12345热线转办申请"),  # digits without a marker are no numbering
        ("", ""),
    ],
)
def test_normalise_label(label, expected):
    assert normalise_label(label) == expected


# ---------------------------------------------------------------------------------------------
# Old template: every row of seed 000's table, with its parents, as written in the file

_P1 = "一、主动公开情况"
_P1_1 = "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"
_P1_2 = "（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）"
_P1_3 = "（三）通过不同渠道和方式公开政府信息的情况"
_P2 = "二、回应解读情况"
_P2_2 = "（二）通过不同渠道和方式回应解读的情况"
_P3 = "三、依申请公开情况"
_P3_1 = "（一）收到申请数"
_P3_2 = "（二）申请办结数"
_P3_3 = "（三）申请答复数"
_P3_3_4 = "4.不同意公开答复数"
_P4 = "四、行政复议数量"
_P5 = "五、行政诉讼数量"
_P8 = "八、机构建设和保障经费情况"
_P8_3 = "（三）从事政府信息公开工作人员数"
_P9 = "九、政府信息公开会议和培训情况"

SEED_000_ROWS = [
    ((_P1, _P1_1), "proactive_total"),
    ((_P1, _P1_1, "其中：主动公开规范性文件数"), "normative_documents_published"),
    ((_P1, _P1_1, "制发规范性文件总数"), "normative_documents_issued"),
    ((_P1, _P1_2), "proactive_key_areas"),
    ((_P1, _P1_2, "其中：主动公开财政预算决算、“三公经费”和行政经费信息数"), "proactive_key_area_budget"),
    ((_P1, _P1_2, "主动公开保障性安居工程建设计划、项目开工和竣工情况，保障性住房的分配和退出等信息数"), "proactive_key_area_housing"),
    ((_P1, _P1_2, "主动公开食品安全标准，食品生产经营许可、专项检查整治等信息数"), "proactive_key_area_food_safety"),
    ((_P1, _P1_2, "主动公开环境核查审批、环境状况公报和重特大突发环境事件等信息数"), "proactive_key_area_environment"),
    ((_P1, _P1_2, "主动公开招投标违法违规行为及处理情况、国有资金占控股或者主导地位依法应当招标的项目等信息数"), "proactive_key_area_bidding"),
    ((_P1, _P1_2, "主动公开生产安全事故的政府举措、处置进展、风险预警、防范措施等信息数"), "proactive_key_area_work_safety"),
    ((_P1, _P1_2, "主动公开农用地转为建设用地批准、征收集体土地批准、征地公告、征地补偿安置公示、集体土地征收结案等信息数"), "proactive_key_area_land"),
    ((_P1, _P1_2, "主动公开政府指导价、政府定价和收费标准调整的项目、价格、依据、执行时间和范围等信息数"), "proactive_key_area_prices"),
    ((_P1, _P1_2, "主动公开本市企业信用信息系统中的警示信息和良好信息等信息数"), "proactive_key_area_credit"),
    ((_P1, _P1_2, "主动公开政府部门预算执行审计结果等信息数"), "proactive_key_area_audit"),
    ((_P1, _P1_2, "主动公开行政机关对与人民群众利益密切相关的公共企事业单位进行监督管理的信息数"), "proactive_key_area_public_enterprises"),
    ((_P1, _P1_2, "主动公开市人民政府决定主动公开的其他信息数"), "proactive_key_area_other"),
    ((_P1, _P1_3, "1.政府公报公开政府信息数"), "proactive_gazette"),
    ((_P1, _P1_3, "2.政府网站公开政府信息数"), "proactive_website"),
    ((_P1, _P1_3, "3.政务微博公开政府信息数"), "proactive_weibo"),
    ((_P1, _P1_3, "4.政务微信公开政府信息数"), "proactive_wechat"),
    ((_P1, _P1_3, "5.其他方式公开政府信息数"), "proactive_other_channel"),
    ((_P2, "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）"), "hotspot_responses"),
    ((_P2, _P2_2, "1.参加或举办新闻发布会总次数"), "press_conferences"),
    ((_P2, _P2_2, "1.参加或举办新闻发布会总次数", "其中：主要负责同志参加新闻发布会次数"), "press_conferences_with_leaders"),
    ((_P2, _P2_2, "2.政府网站在线访谈次数"), "online_interviews"),
    ((_P2, _P2_2, "2.政府网站在线访谈次数", "其中：主要负责同志参加政府网站在线访谈次数"), "online_interviews_with_leaders"),
    ((_P2, _P2_2, "3.政策解读稿件发布数"), "policy_interpretations"),
    ((_P2, _P2_2, "4.微博微信回应事件数"), "social_media_responses"),
    ((_P2, _P2_2, "5.其他方式回应事件数"), "other_responses"),
    ((_P3, _P3_1), "requests_received"),
    ((_P3, _P3_1, "1.当面申请数"), "requests_in_person"),
    ((_P3, _P3_1, "2.传真申请数"), "requests_fax"),
    ((_P3, _P3_1, "3.网络申请数"), "requests_online"),
    ((_P3, _P3_1, "4.信函申请数"), "requests_letter"),
    ((_P3, _P3_2), "requests_completed"),
    ((_P3, _P3_2, "1.按时办结数"), "requests_on_time"),
    ((_P3, _P3_2, "2.延期办结数"), "requests_late"),
    ((_P3, _P3_3), "outcome_total"),
    ((_P3, _P3_3, "1.属于已主动公开范围数"), "outcome_already_public"),
    ((_P3, _P3_3, "2.同意公开答复数"), "outcome_disclosed"),
    ((_P3, _P3_3, "3.同意部分公开答复数"), "outcome_partially_disclosed"),
    ((_P3, _P3_3, _P3_3_4), "outcome_not_disclosed"),
    ((_P3, _P3_3, _P3_3_4, "其中：涉及国家秘密"), "outcome_not_disclosed_state_secret"),
    ((_P3, _P3_3, _P3_3_4, "涉及商业秘密"), "outcome_not_disclosed_trade_secret"),
    ((_P3, _P3_3, _P3_3_4, "涉及个人隐私"), "outcome_not_disclosed_privacy"),
    ((_P3, _P3_3, _P3_3_4, "危及国家安全、公共安全、经济安全和社会稳定"), "outcome_not_disclosed_security"),
    ((_P3, _P3_3, _P3_3_4, "不是《条例》所指政府信息"), "outcome_not_disclosed_not_government_information"),
    ((_P3, _P3_3, _P3_3_4, "法律法规规定的其他情形"), "outcome_not_disclosed_other_law"),
    ((_P3, _P3_3, "5.不属于本行政机关公开数"), "outcome_not_held_by_this_body"),
    ((_P3, _P3_3, "6.申请信息不存在数"), "outcome_information_nonexistent"),
    ((_P3, _P3_3, "7.告知作出更改补充数"), "outcome_asked_to_amend"),
    ((_P3, _P3_3, "8.告知通过其他途径办理数"), "outcome_referred_elsewhere"),
    ((_P4,), "reconsiderations"),
    ((_P4, "（一）维持具体行政行为数"), "reconsideration_upheld"),
    ((_P4, "（二）被依法纠错数"), "reconsideration_corrected"),
    ((_P4, "（三）其他情形数"), "reconsideration_other"),
    ((_P5,), "lawsuits"),
    ((_P5, "（一）维持具体行政行为或者驳回原告诉讼请求数"), "lawsuits_upheld"),
    ((_P5, "（二）被依法纠错数"), "lawsuits_corrected"),
    ((_P5, "（三）其他情形数"), "lawsuits_other"),
    (("六、举报投诉数量",), "complaints"),
    (("七、依申请公开信息收取的费用",), "fees"),
    ((_P8, "（一）政府信息公开工作专门机构数"), "disclosure_offices"),
    ((_P8, "（二）设置政府信息公开查阅点数"), "reading_points"),
    ((_P8, _P8_3), "staff_total"),
    ((_P8, _P8_3, "1.专职人员数（不包括政府公报及政府网站工作人员数）"), "staff_full_time"),
    ((_P8, _P8_3, "2.兼职人员数"), "staff_part_time"),
    ((_P8, "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）"), "dedicated_budget"),
    ((_P9, "（一）召开政府信息公开工作会议或专题会议数"), "meetings"),
    ((_P9, "（二）举办各类培训班数"), "training_sessions"),
    ((_P9, "（三）接受培训人员数"), "trainees"),
]


@pytest.mark.parametrize(("path", "expected"), SEED_000_ROWS, ids=[" › ".join(p) for p, _ in SEED_000_ROWS])
def test_seed_000_rows(catalogue, path, expected):
    assert catalogue.match_row(path, "统计数", "政府信息公开情况统计表") == expected
    assert catalogue.match_row(path) == expected  # no column or table: the same metric


def test_seed_000_rows_are_distinct_metrics():
    ids = [expected for _, expected in SEED_000_ROWS]
    assert len(ids) == len(set(ids)) == 71


def test_seed_000_parsed_table_maps_every_row(catalogue, xiji_text):
    """The old-table parser's own row paths for seed 000 give exactly the hand-written mapping."""
    from assistant.ingest.old_tables import parse_old_table

    facts = parse_old_table(xiji_text).facts
    expected = dict(SEED_000_ROWS)
    assert {f.row_path: catalogue.match_row(f.row_path, f.column, f.table) for f in facts} == expected


def test_same_leaf_under_different_parents(catalogue):
    assert catalogue.match_row(("四、行政复议数量", "（二）被依法纠错数")) == "reconsideration_corrected"
    assert catalogue.match_row(("五、行政诉讼数量", "（二）被依法纠错数")) == "lawsuits_corrected"
    assert catalogue.match_row(("四、行政复议数量", "（三）其他情形数")) == "reconsideration_other"
    assert catalogue.match_row(("五、行政诉讼数量", "（三）其他情形数")) == "lawsuits_other"
    # a leaf without its parent is not guessed
    assert catalogue.match_row(("（二）被依法纠错数",)) is None
    assert catalogue.match_row(("（三）其他情形数",)) is None


def test_old_template_variants(catalogue):
    assert catalogue.match_row(("三、依申请公开情况", "（一）收到申请数", "5.电子邮件申请数")) == "requests_email"
    assert catalogue.match_row(("三、依申请公开情况", "（一）收到申请数", "5.其他形式申请数")) == "requests_other_channel"
    assert catalogue.match_row(("一、主动公开情况", "（三）通过不同渠道和方式公开政府信息的情况", "5.政务新媒体公开政府信息数")) == "proactive_new_media"
    assert catalogue.match_row(("一、主动公开情况", "（三）通过不同渠道和方式公开政府信息的情况")) is None
    assert catalogue.match_row(("一、主动公开情况",)) is None


# ---------------------------------------------------------------------------------------------
# New template, section 三: rows under 三、本年度办理结果, every applicant column kept

S3 = "三、收到和处理政府信息公开申请情况"
R = "三、本年度办理结果"
S3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")

S3_ROWS = [
    (("一、本年新收政府信息公开申请数量",), "requests_received"),
    (("二、上年结转政府信息公开申请数量",), "requests_carried_over_from_last_year"),
    ((R, "（一）予以公开"), "outcome_disclosed"),
    ((R, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), "outcome_partially_disclosed"),
    ((R, "（三）不予公开"), "outcome_not_disclosed"),
    ((R, "（三）不予公开", "1.属于国家秘密"), "outcome_not_disclosed_state_secret"),
    ((R, "（三）不予公开", "2.其他法律行政法规禁止公开"), "outcome_not_disclosed_other_law"),
    ((R, "（三）不予公开", "3.危及“三安全一稳定”"), "outcome_not_disclosed_security"),
    ((R, "（三）不予公开", "4.保护第三方合法权益"), "outcome_not_disclosed_third_party"),
    ((R, "（三）不予公开", "5.属于三类内部事务信息"), "outcome_not_disclosed_internal_affairs"),
    ((R, "（三）不予公开", "6.属于四类过程性信息"), "outcome_not_disclosed_process_information"),
    ((R, "（三）不予公开", "7.属于行政执法案卷"), "outcome_not_disclosed_enforcement_files"),
    ((R, "（三）不予公开", "8.属于行政查询事项"), "outcome_not_disclosed_administrative_query"),
    ((R, "（四）无法提供"), "outcome_unable_to_provide"),
    ((R, "（四）无法提供", "1.本机关不掌握相关政府信息"), "outcome_unable_not_held"),
    ((R, "（四）无法提供", "2.没有现成信息需要另行制作"), "outcome_unable_needs_creation"),
    ((R, "（四）无法提供", "3.补正后申请内容仍不明确"), "outcome_unable_unclear"),
    ((R, "（五）不予处理"), "outcome_not_processed"),
    ((R, "（五）不予处理", "1.信访举报投诉类申请"), "outcome_not_processed_petition"),
    ((R, "（五）不予处理", "2.重复申请"), "outcome_not_processed_repeated"),
    ((R, "（五）不予处理", "3.要求提供公开出版物"), "outcome_not_processed_publications"),
    ((R, "（五）不予处理", "4.无正当理由大量反复申请"), "outcome_not_processed_mass_repeated"),
    ((R, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"), "outcome_not_processed_confirmation"),
    ((R, "（六）其他处理"), "outcome_other"),
    ((R, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"), "outcome_other_no_amendment"),
    ((R, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), "outcome_other_fee_unpaid"),
    ((R, "（六）其他处理", "3.其他"), "outcome_other_other"),
    ((R, "（七）总计"), "outcome_total"),
    (("四、结转下年度继续办理",), "requests_carried_to_next_year"),
]


@pytest.mark.parametrize(("path", "expected"), S3_ROWS, ids=[" › ".join(p) for p, _ in S3_ROWS])
def test_section_three_rows_in_every_column(catalogue, path, expected):
    for column in S3_COLUMNS:
        assert catalogue.match_row(path, column, S3) == expected, column


def test_section_three_rows_written_differently(catalogue):
    assert catalogue.match_row(("本年新收政府信息公开申请数量",), "总计") == "requests_received"
    assert catalogue.match_row(("三、本年度办理结果", "予以公开"), "自然人") == "outcome_disclosed"
    assert catalogue.match_row(("（三）不予公开", "1.属于国家秘密"), "总计") == "outcome_not_disclosed_state_secret"
    assert catalogue.match_row(("三、本年度办理结果", "（七） 总 计"), "总计") == "outcome_total"
    assert catalogue.match_row(("法人或其他组织",), "商业企业") is None


# ---------------------------------------------------------------------------------------------
# New template, section 四: the row gives the group, the column the result

S4 = "四、政府信息公开行政复议、行政诉讼情况"
S4_CASES = [
    (("行政复议",), "结果维持", "reconsideration_upheld"),
    (("行政复议",), "结果纠正", "reconsideration_corrected"),
    (("行政复议",), "其他结果", "reconsideration_other"),
    (("行政复议",), "尚未审结", "reconsideration_pending"),
    (("行政复议",), "总计", "reconsiderations"),
    (("行政诉讼", "未经复议直接起诉"), "结果维持", "lawsuits_direct_upheld"),
    (("行政诉讼", "未经复议直接起诉"), "结果纠正", "lawsuits_direct_corrected"),
    (("行政诉讼", "未经复议直接起诉"), "其他结果", "lawsuits_direct_other"),
    (("行政诉讼", "未经复议直接起诉"), "尚未审结", "lawsuits_direct_pending"),
    (("行政诉讼", "未经复议直接起诉"), "总计", "lawsuits_direct"),
    (("未经复议直接起诉",), "结果维持", "lawsuits_direct_upheld"),
    (("未经复议直接起诉",), "总计", "lawsuits_direct"),
    (("行政诉讼", "复议后起诉"), "结果维持", "lawsuits_after_reconsideration_upheld"),
    (("行政诉讼", "复议后起诉"), "结果纠正", "lawsuits_after_reconsideration_corrected"),
    (("行政诉讼", "复议后起诉"), "其他结果", "lawsuits_after_reconsideration_other"),
    (("行政诉讼", "复议后起诉"), "尚未审结", "lawsuits_after_reconsideration_pending"),
    (("行政诉讼", "复议后起诉"), "总计", "lawsuits_after_reconsideration"),
    (("复议后起诉",), "尚未审结", "lawsuits_after_reconsideration_pending"),
]


@pytest.mark.parametrize(("path", "column", "expected"), S4_CASES, ids=[f"{' › '.join(p)} [{c}]" for p, c, _ in S4_CASES])
def test_section_four(catalogue, path, column, expected):
    assert catalogue.match_row(path, column, S4) == expected


def test_section_four_needs_its_column(catalogue):
    assert catalogue.match_row(("行政复议",)) is None
    assert catalogue.match_row(("行政诉讼", "未经复议直接起诉")) is None
    assert catalogue.match_row(("行政复议",), "自然人") is None


def test_section_four_column_written_as_a_path(catalogue):
    assert catalogue.match_row((), "行政复议 › 结果维持") == "reconsideration_upheld"
    assert catalogue.match_row(("四、政府信息公开行政复议、行政诉讼情况",), "行政诉讼 › 复议后起诉 › 总计") == (
        "lawsuits_after_reconsideration"
    )


def test_lawsuit_totals_of_the_new_template_are_sums(catalogue):
    assert catalogue.metrics["lawsuits"].sum_of == ("lawsuits_direct", "lawsuits_after_reconsideration")
    assert catalogue.metrics["lawsuits_upheld"].sum_of == (
        "lawsuits_direct_upheld",
        "lawsuits_after_reconsideration_upheld",
    )


# ---------------------------------------------------------------------------------------------
# New template, section 二: one small table per article; the column picks the metric

T1 = "二、主动公开政府信息情况 › 第二十条第（一）项"
T5 = "二、主动公开政府信息情况 › 第二十条第（五）项"
T6 = "二、主动公开政府信息情况 › 第二十条第（六）项"
T8 = "二、主动公开政府信息情况 › 第二十条第（八）项"
T9 = "二、主动公开政府信息情况 › 第二十条第（九）项"
S2_CASES = [
    # 2019
    (T1, "规章", "本年新制作数量", "regulations_issued"),
    (T1, "规章", "本年新公开数量", "regulations_published"),
    (T1, "规章", "对外公开总数量", "regulations_disclosed_total"),
    (T1, "规范性文件", "本年新制作数量", "normative_documents_issued"),
    (T1, "规范性文件", "本年新公开数量", "normative_documents_published"),
    (T1, "规范性文件", "对外公开总数量", "normative_documents_disclosed_total"),
    (T5, "行政许可", "上一年项目数量", "administrative_license_items"),
    (T5, "行政许可", "本年增/减", "administrative_license_items_change"),
    (T5, "行政许可", "处理决定数量", "administrative_licenses"),
    (T5, "其他对外管理服务事项", "处理决定数量", "other_management_services"),
    (T5, "其他对外管理服务事项", "上一年项目数量", "other_management_service_items"),
    (T6, "行政处罚", "处理决定数量", "administrative_penalties"),
    (T6, "行政处罚", "本年增/减", "administrative_penalty_items_change"),
    (T6, "行政强制", "处理决定数量", "administrative_enforcement"),
    (T6, "行政强制", "上一年项目数量", "administrative_enforcement_items"),
    (T8, "行政事业性收费", "上一年项目数量", "administrative_fee_items"),
    (T8, "行政事业性收费", "本年增/减", "administrative_fee_items_change"),
    (T9, "政府集中采购", "采购项目数量", "procurement_items"),
    (T9, "政府集中采购", "采购总金额", "procurement_amount"),
    # 2021
    (T1, "规章", "本年制发件数", "regulations_issued"),
    (T1, "规章", "本年废止件数", "regulations_repealed"),
    (T1, "规章", "现行有效件数", "regulations_in_force"),
    (T1, "行政规范性文件", "本年制发件数", "normative_documents_issued"),
    (T1, "行政规范性文件", "本年废止件数", "normative_documents_repealed"),
    (T1, "行政规范性文件", "现行有效件数", "normative_documents_in_force"),
    (T5, "行政许可", "本年处理决定数量", "administrative_licenses"),
    (T6, "行政处罚", "本年处理决定数量", "administrative_penalties"),
    (T6, "行政强制", "本年处理决定数量", "administrative_enforcement"),
    (T8, "行政事业性收费", "本年收费金额（单位：万元）", "administrative_fees"),
]


@pytest.mark.parametrize(("table", "row", "column", "expected"), S2_CASES, ids=[f"{r} [{c}]" for _, r, c, _ in S2_CASES])
def test_section_two(catalogue, table, row, column, expected):
    assert catalogue.match_row((row,), column, table) == expected


def test_section_two_unknown_column_is_not_guessed(catalogue):
    assert catalogue.match_row(("行政许可",), "备注") is None
    assert catalogue.match_row(("规章",)) is None


def test_synthetic_national_facts_all_map(catalogue):
    """Every fact of the synthetic national reports' truth files gets a metric."""
    import json
    from pathlib import Path

    truths = sorted((Path(__file__).resolve().parents[1] / "eval" / "reports" / "synthetic").glob("*.truth.json"))
    if not truths:
        pytest.skip("no synthetic reports")
    unmapped = set()
    for path in truths:
        for fact in json.loads(path.read_text(encoding="utf-8"))["facts"]:
            if catalogue.match_row(fact["row_path"], fact["column"], fact["table"]) is None:
                unmapped.add((tuple(fact["row_path"]), fact["column"]))
    assert not unmapped, sorted(unmapped)[:10]


# ---------------------------------------------------------------------------------------------
# Prose

PROSE_CASES = [
    # seed 004 (巨各庄镇 2017)
    ("2017年我镇主动公开政府政务信息共", "条", "proactive_total"),
    ("2017年我镇政府门户网站公开信息共", "条", "proactive_website"),
    ("2017年我镇共组织各类培训班", "次", "training_sessions"),
    ("接受培训人员", "人", "trainees"),
    ("我镇2017年度依申请公开政府政务信息目录", "条", None),
    # seed 000 (西集镇 2018)
    ("发生依申请公开", "件", "requests_received"),
    ("于婷申请公开西集镇2018年预算等", "件", "requests_received"),
    ("全镇通过“通州信息网”新增信息", "条", "proactive_website"),
    ("微信公众号新增信息", "条", "proactive_wechat"),
    ("发生针对本单位政府信息公开行政复议申请", "件", "reconsiderations"),
    ("发生针对本单位政府信息公开行政诉讼案件", "件", "lawsuits"),
    # common phrasings elsewhere
    ("全年共收到政府信息公开申请", "件", "requests_received"),
    ("本年度共受理依申请公开", "件", "requests_received"),
    ("其中当面申请", "件", "requests_in_person"),
    ("其中当面申请3件、网络申请", "件", "requests_online"),
    ("信函申请", "件", "requests_letter"),
    ("按时办结", "件", "requests_on_time"),
    ("延期办结", "件", "requests_late"),
    ("均已办结", "件", "requests_completed"),
    ("上年结转", "件", "requests_carried_over_from_last_year"),
    ("结转下年度继续办理", "件", "requests_carried_to_next_year"),
    ("予以公开", "件", "outcome_disclosed"),
    ("部分公开", "件", "outcome_partially_disclosed"),
    ("不予公开", "件", "outcome_not_disclosed"),
    ("行政复议案件", "件", "reconsiderations"),
    ("行政诉讼案件", "件", "lawsuits"),
    ("复议后提起行政诉讼", "件", "lawsuits_after_reconsideration"),
    ("通过“北京西集”微信公众号发布信息", "条", "proactive_wechat"),
    ("政务微博发布信息", "条", "proactive_weibo"),
    ("全年召开政务公开工作会议", "次", "meetings"),
    ("召开新闻发布会", "次", "press_conferences"),
    ("发布政策解读稿件", "篇", "policy_interpretations"),
    ("回应社会关切", "次", "hotspot_responses"),
    ("配备专职人员", "名", "staff_full_time"),
    ("收取费用", "元", "fees"),
    ("举报投诉", "件", "complaints"),
    ("制发规范性文件", "件", "normative_documents_issued"),
    # the whole count of proactive disclosure, not one category of it (real 2021 bureau and 2024
    # town pages: 应主动公开的其他信息36件, 主动公开政策文件3条 beside the count on the website)
    ("全年主动公开政府信息", "条", "proactive_total"),
    ("2017年我镇主动公开政府政务信息共", "条", "proactive_total"),
    ("2023年我局共主动公开单位职责、机构设置、工作动态等各类信息", "项", "proactive_total"),
    # 公开 a list closed by 等 and the whole's words (a county government of heldout6)
    ("全年通过政府网站、微信公众号等平台向社会公开政务要闻、政府文件、便民服务等政府信息共计", "条", "proactive_total"),
    ("依申请公开涉及土地、房屋等政府信息共", "条", None),
    ("县政府门户网站暨信息公开平台共主动公开机构信息、政策文件、权责清单等方面政府信息", "条", "proactive_total"),
    ("应主动公开的其他信息", "件", None),
    ("主动公开政策文件", "条", None),
    # the unit decides
    ("参加培训", "人次", "trainees"),
    ("开展培训", "次", "training_sessions"),
    ("接受培训人员", "元", None),
    ("发生依申请公开", "条", None),
    # requests counted in 条 where the clause says they were received (黄龙县自然资源局 2023, development set)
    ("2023年我局收到申请公开政府信息", "条", "requests_received"),
    # a channel's clause joined to the clause that says it published (政府网站：发布信息42条, 兴华镇 2024)
    ("政府网站，发布信息", "条", "proactive_website"),
    ("通过网站、微信等，发布信息", "条", "proactive_total"),
    # too vague or naming two metrics at once
    ("被申请行政复议和提起行政诉讼", "件", None),
    ("2018年度", "件", None),
    ("", "件", None),
]


@pytest.mark.parametrize(("phrase", "unit", "expected"), PROSE_CASES, ids=[f"{p}|{u}" for p, u, _ in PROSE_CASES])
def test_match_prose(catalogue, phrase, unit, expected):
    assert catalogue.match_prose(phrase, unit) == expected


def test_seed_prose_facts_map(catalogue, xiji_text, jugezhuang_text):
    from assistant.ingest.old_tables import parse_old_table
    from assistant.ingest.prose import parse_prose_facts, table_regions

    regions = table_regions(parse_old_table(xiji_text).facts)
    xiji = {(f.row_path[0], f.value): catalogue.match_prose(f.row_path[0], f.unit) for f in parse_prose_facts(xiji_text, exclude=regions)}
    assert xiji[("发生依申请公开", 6)] == "requests_received"
    assert xiji[("全镇通过“通州信息网”新增信息", 654)] == "proactive_website"
    assert xiji[("微信公众号新增信息", 840)] == "proactive_wechat"
    assert xiji[("发生针对本单位政府信息公开行政诉讼案件", 0)] == "lawsuits"
    assert xiji[("发生针对本单位政府信息公开行政复议申请", 0)] == "reconsiderations"
    jugezhuang = sorted(
        (f.value, catalogue.match_prose(f.row_path[0], f.unit) or "-") for f in parse_prose_facts(jugezhuang_text)
    )
    assert jugezhuang == [
        (0, "complaints"),  # 未收到…申诉案(包括信访、举报)
        (0, "complaints"),  # 由于…未发生…行政复议案、行政诉讼案和有关的申诉案: one zero per subject
        (0, "fees"),  # 未发生收费情况
        (0, "lawsuits"),  # 未发生…行政诉讼案
        (0, "lawsuits"),
        (0, "reconsiderations"),  # 未发生…行政复议案
        (0, "reconsiderations"),
        (5, "training_sessions"),
        (7, "-"),
        (121, "proactive_total"),
        (180, "proactive_website"),
        (267, "trainees"),
    ]


# ---------------------------------------------------------------------------------------------
# Questions and vocabulary


def test_find_in_question_english(catalogue):
    assert "requests_received" in catalogue.find_in_question("how many information requests did Xiji receive")
    assert catalogue.find_in_question("How many LAWSUITS were filed against Jugezhuang in 2017?") == ["lawsuits"]
    assert catalogue.find_in_question("Xiji 2018 requests answered on time")[0] == "requests_on_time"
    assert catalogue.find_in_question("how many press conferences") == ["press_conferences"]
    assert catalogue.find_in_question("what is the weather like") == []
    # "refuse to disclose" is a refusal, not a disclosure (its longer phrase claims "disclose")
    assert catalogue.find_in_question("How many requests did Donghu refuse to disclose in 2023?")[0] == "outcome_not_disclosed"


def test_find_in_question_chinese_longest_first(catalogue):
    found = catalogue.find_in_question("西集镇2018年当面申请多少件")
    assert found[0] == "requests_in_person"
    assert "requests_received" not in found  # 申请 inside 当面申请 counts once
    assert catalogue.find_in_question("西集镇2018年收到多少政府信息公开申请")[0] == "requests_received"
    assert catalogue.find_in_question("西集镇行政诉讼被依法纠错几件")[0] == "lawsuits_corrected"
    assert catalogue.find_in_question("巨各庄镇政务微信公开了多少条") == ["proactive_wechat"]
    assert catalogue.find_in_question("行政复议维持了几件") == ["reconsideration_upheld"]
    # 原答复 is the reply under review (维持原答复), never 申请答复数
    assert "outcome_total" not in catalogue.find_in_question("其中维持原答复的有几件")


def test_terms_zh(catalogue):
    terms = catalogue.terms_zh()
    assert len(terms) == len(set(terms))
    for term in ("收到申请数", "当面申请", "主动公开", "行政诉讼", "政务微信", "接受培训人员"):
        assert term in terms
    assert not any(" " in t for t in terms)


def test_metric_records(catalogue):
    metric = catalogue.metrics["requests_in_person"]
    assert isinstance(metric, Metric)
    assert metric.parent == "requests_received" and metric.unit == "件" and metric.group
    assert "requests_in_person" in catalogue.children("requests_received")
    for required in (
        "requests_received requests_in_person requests_fax requests_online requests_letter requests_completed "
        "requests_on_time requests_late requests_carried_over_from_last_year requests_carried_to_next_year "
        "outcome_disclosed outcome_partially_disclosed outcome_not_disclosed outcome_unable_to_provide "
        "outcome_not_processed outcome_other outcome_total proactive_total proactive_gazette proactive_website "
        "proactive_weibo proactive_wechat proactive_other_channel reconsiderations reconsideration_upheld "
        "reconsideration_corrected reconsideration_other reconsideration_pending lawsuits lawsuits_upheld "
        "lawsuits_corrected lawsuits_other lawsuits_direct lawsuits_direct_upheld lawsuits_direct_corrected "
        "lawsuits_direct_other lawsuits_direct_pending lawsuits_after_reconsideration "
        "lawsuits_after_reconsideration_upheld lawsuits_after_reconsideration_corrected "
        "lawsuits_after_reconsideration_other lawsuits_after_reconsideration_pending complaints fees staff_total "
        "staff_full_time staff_part_time meetings training_sessions trainees dedicated_budget hotspot_responses "
        "press_conferences policy_interpretations regulations_issued normative_documents_issued "
        "administrative_licenses administrative_penalties administrative_enforcement administrative_fees"
    ).split():
        assert required in catalogue.metrics, required
    for metric in catalogue.metrics.values():
        assert metric.zh and metric.en
        assert metric.parent is None or metric.parent in catalogue.metrics


def test_default_catalogue_is_cached():
    assert load_catalogue() is load_catalogue()


# ---------------------------------------------------------------------------------------------
# A bad catalogue file is refused with a message naming the entry

GOOD_ENTRY = "- id: a_metric\n  zh: 某指标\n  en: a metric\n  rows:\n    - ['某指标']\n"


def test_small_catalogue_from_file(tmp_path):
    path = tmp_path / "metrics.yaml"
    path.write_text(GOOD_ENTRY, encoding="utf-8")
    small = load_catalogue(path)
    assert list(small.metrics) == ["a_metric"]
    assert small.match_row(("一、某指标",)) == "a_metric"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: a_metric\n  zh: [unclosed\n", "not valid YAML"),
        ("{}", "non-empty list"),
        (GOOD_ENTRY + "  colour: red\n", "'a_metric': unknown key(s) colour"),
        (GOOD_ENTRY + GOOD_ENTRY.replace("某指标", "另一指标"), "'a_metric': duplicated id"),
        ("- id: a_metric\n  en: a metric\n", "'zh' must be a non-empty string"),
        ("- id: A-Metric\n  zh: 某\n  en: a\n", "snake_case"),
        (GOOD_ENTRY.replace("['某指标']", "['某指标(']"), "'a_metric': bad regex"),
        (GOOD_ENTRY + "  parent: nowhere\n", "unknown parent 'nowhere'"),
        (GOOD_ENTRY + "  sum_of: [nowhere]\n", "unknown metric 'nowhere'"),
        (GOOD_ENTRY + "- id: b_metric\n  zh: 某指标\n  en: b metric\n", "'b_metric': the term '某指标' already belongs"),
        (GOOD_ENTRY + "  prose_units: [件]\n", "'prose_units' without 'prose'"),
        (GOOD_ENTRY.replace("    - ['某指标']", "    - {path: ['某指标'], colum: 'x'}"), "unknown key(s) in a row rule: colum"),
        ("- plain string\n", "entry 1: expected a mapping"),
    ],
)
def test_bad_catalogue_raises(tmp_path, text, message):
    path = tmp_path / "metrics.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AssistantError) as caught:
        load_catalogue(path)
    assert isinstance(caught.value, CatalogueError)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_catalogue_file(tmp_path):
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "absent.yaml")
