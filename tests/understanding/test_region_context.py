"""A region written against a body's name narrows it; it is never a second place we do not have."""

from __future__ import annotations

import pytest

from assistant.catalogue import load_catalogue
from assistant.understanding import BodyDirectory, parse_question

REPORTS = [
    {"body": "中村乡", "short_name": "中村", "parent": None, "level": "乡", "year": 2020,
     "aliases": ["中村乡", "中村", "中村乡人民政府", "中村乡政府", "Zhongcun", "Zhongcun Township"]},
    {"body": "横山镇", "short_name": "横山", "parent": "安居区", "level": "镇", "year": 2022,
     "aliases": ["横山镇", "横山", "安居区横山镇", "Hengshan", "Hengshan Town"]},
]


@pytest.fixture(scope="module")
def directory():
    return BodyDirectory.from_reports(REPORTS)


@pytest.mark.parametrize(
    "question",
    [
        "会昌县中村乡2020年主动公开了多少条信息？",
        "中村乡（会昌县）2020年主动公开了多少条信息？",
        "江西省赣州市会昌县中村乡2020年收到多少件申请？",
        "How many requests did Zhongcun Township (Huichang County) receive in 2020?",
        "How many requests did Zhongcun Township in Huichang County receive in 2020?",
        "How many requests did Huichang County's Zhongcun Township receive in 2020?",
        "How many requests did Zhongcun Township (Huichang County, Ganzhou) receive in 2020?",
    ],
)
def test_a_region_before_or_after_the_body_is_context(question, directory):
    q = parse_question(question, catalogue=load_catalogue(), directory=directory)
    assert q.bodies == ("中村乡",)
    assert q.unknown_place is None and q.unknown_beside is None


def test_a_region_that_contradicts_the_stored_one_stays_a_place_we_do_not_have(directory):
    q = parse_question("龙游县横山镇2022年主动公开了多少条政府信息？", catalogue=load_catalogue(), directory=directory)
    assert q.unknown_beside == "龙游县"
    q = parse_question("安居区横山镇2022年主动公开了多少条政府信息？", catalogue=load_catalogue(), directory=directory)
    assert q.unknown_beside is None and q.bodies == ("横山镇",)


@pytest.mark.parametrize(
    "question",
    [
        # seen in published-shape questions: a portal's words end in a level character (乡镇栏目, 区政府)
        "中村乡2020年在会昌县政府门户网站乡镇栏目发布了多少条工作动态？",
        "中村乡2020年依托县政府门户网站公开了多少条县政府信息？",
        "中村乡2020年向各区县报送了多少条信息？",
    ],
)
def test_words_of_a_portal_or_a_kind_of_place_are_no_place_we_do_not_have(question, directory):
    q = parse_question(question, catalogue=load_catalogue(), directory=directory)
    assert q.bodies == ("中村乡",)
    assert q.unknown_beside is None


def test_a_place_written_beside_portal_words_is_still_read(directory):
    q = parse_question("朝阳区政府门户网站2020年发布了多少条信息？", catalogue=load_catalogue(), directory=directory)
    assert q.unknown_place == "朝阳区"


WATER = [
    {"body": "桐乡市水利局", "short_name": "桐乡市水利局", "parent": "桐乡市", "level": "department", "year": 2017,
     "aliases": ["桐乡市水利局", "水利局", "桐乡水利局", "Tongxiang Water Resources Bureau"]},
    {"body": "聊城市水利局", "short_name": "聊城市水利局", "parent": "聊城市", "level": "department", "year": 2025,
     "aliases": ["聊城市水利局", "水利局", "聊城水利局", "Liaocheng Water Resources Bureau"]},
]


@pytest.mark.parametrize(
    ("question", "bodies", "readings", "unknown"),
    [
        ("水利局2017年收到几件申请？", (), ("桐乡市水利局", "聊城市水利局"), None),  # one name, two bodies: ask which
        ("山东省聊城市的水利局2025年收到几件申请？", ("聊城市水利局",), (), None),  # the region picks one
        ("聊城水利局2025年收到几件申请？", ("聊城市水利局",), (), None),
        ("长春市水利局2013年主动公开了多少条信息？", (), (), "长春市水利局"),  # none of ours
        ("桐乡市水利局2017年收到几件申请？", ("桐乡市水利局",), (), None),
    ],
)
def test_a_name_several_bodies_share_is_never_given_to_one_silently(question, bodies, readings, unknown):
    q = parse_question(question, catalogue=load_catalogue(), directory=BodyDirectory.from_reports(WATER))
    assert (q.bodies, q.readings, q.unknown_place) == (bodies, readings, unknown)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("中村乡2020年收到多少件申请？其中网络申请几件？", "requests_received"),
        ("中村乡2020年收到多少件申请，其中网络申请几件", "requests_received"),
        ("How many requests did Zhongcun Township receive in 2020, and how many were disclosed in full?", "requests_received"),
        ("中村乡2020年行政复议多少件？其中结果纠正几件？", "reconsiderations"),
        ("中村乡2020年收到的申请中当面申请多少件", "requests_in_person"),  # one ask: the specific figure
        ("中村乡2020年行政复议中结果纠正的有几件", "reconsideration_corrected"),
    ],
)
def test_the_figure_asked_first_is_the_primary_one(question, first, directory):
    # seen in published questions: two figures in one question (…多少件？其中…几件？)
    q = parse_question(question, catalogue=load_catalogue(), directory=directory)
    assert q.metrics[0] == first


def test_names_are_found_in_one_pass_as_written_or_folded():
    directory = BodyDirectory.from_reports([
        {"body": "西集镇", "short_name": "西集", "parent": "通州区", "level": "镇", "year": 2018,
         "aliases": ["西集镇", "西集", "通州区西集镇", "Xiji", "Xiji Town"]},
    ])
    found = lambda text: [(text[s:e], b) for b, s, e in directory.find(text)]  # noqa: E731
    assert found("通州区西集镇2018年") == [("通州区西集镇", "西集镇")]  # the longest name, once
    assert found("how many did xiji-town receive") == [("xiji-town", "西集镇")]
    assert found("XIJI  Town, 2018") == [("XIJI  Town", "西集镇")]
    assert found("Xijiang Town and Axiji") == []  # Latin names stand on word boundaries
    assert BodyDirectory.from_reports([]).find("西集镇") == []


WRITTEN_IN_WAYS = [
    {"body": "甘南州卫生健康委", "short_name": "甘南州卫生健康委", "parent": "甘南州", "level": "department", "year": 2025,
     "aliases": ["甘南州卫生健康委", "Health Commission of Gannan Prefecture"]},
    {"body": "东湖高新区教育局", "short_name": "东湖高新区教育局", "parent": "东湖高新区", "level": "department", "year": 2021,
     "aliases": ["东湖高新区教育局", "教育局"]},
    {"body": "杨柳镇", "short_name": "杨柳", "parent": "宣州区", "level": "镇", "year": 2021,
     "aliases": ["杨柳镇", "宣州区杨柳镇", "Yangliu Town", "Yangliu Town, Xuanzhou District"]},
    {"body": "涡阳县人民政府办公室", "short_name": "涡阳县人民政府办公室", "parent": "涡阳县", "level": "department", "year": 2019,
     "aliases": ["涡阳县人民政府办公室", "政府办公室", "政府办"]},
]


@pytest.mark.parametrize(
    ("question", "body"),
    [
        ("甘南藏族自治州卫生健康委2025年订阅用户有多少？", "甘南州卫生健康委"),
        ("How many subscribers did the Health Commission of Gannan Tibetan Autonomous Prefecture have in 2025?", "甘南州卫生健康委"),
        ("武汉东湖新技术开发区教育局2021年主动公开多少条？", "东湖高新区教育局"),
        # the town's own office, not the county office whose short name is 政府办公室
        ("宣州区杨柳镇政府办公室的电话是多少？", "杨柳镇"),
        # the body's district written again, away from its name
        ("How many items did Yangliu Town (Xuanzhou District) publish on the Xuanzhou District website in 2021?", "杨柳镇"),
    ],
)
def test_names_written_in_other_ways_read_as_the_stored_body(question, body):
    q = parse_question(question, catalogue=load_catalogue(), directory=BodyDirectory.from_reports(WRITTEN_IN_WAYS))
    assert q.bodies == (body,)
    assert q.unknown_place is None and q.unknown_beside is None


@pytest.mark.parametrize(
    "question",
    [
        # real comparisons name no metric word but "more items" (dev-set shapes, 2017 and 2020)
        "In 2020, how many more items did Zhongcun Township disclose than Hengshan Town?",
        "In 2022, which published more items, Zhongcun Township or Hengshan Town, and by how many?",
    ],
)
def test_more_items_compared_is_the_count_of_proactive_disclosure(question, directory):
    q = parse_question(question, catalogue=load_catalogue(), directory=directory)
    assert q.metrics[:1] == ("proactive_total",)
    assert set(q.bodies) == {"中村乡", "横山镇"}


# heldout2: two 太平镇 stored (邹城市's and 西咸新区's), asked beside a town that only one region has
TOWNS = [
    {"body": "西咸新区太平镇", "short_name": "太平", "parent": "西咸新区", "level": "镇", "year": 2022,
     "aliases": ["太平镇", "太平", "西咸新区太平镇", "太平镇人民政府", "Taiping Town"]},
    {"body": "邹城市太平镇", "short_name": "太平", "parent": "邹城市", "level": "镇", "year": 2024,
     "aliases": ["太平镇", "太平", "邹城市太平镇", "太平镇人民政府", "Taiping Town"]},
    {"body": "唐村镇", "short_name": "唐村", "parent": "邹城市", "level": "镇", "year": 2020,
     "aliases": ["唐村镇", "唐村", "邹城市唐村镇", "Tangcun Town"]},
]


@pytest.mark.parametrize(
    ("question", "bodies"),
    [
        ("邹城市唐村镇2020年和太平镇2024年的年报中，主动公开的信息合计多少条？", ("唐村镇", "邹城市太平镇")),
        ("唐村镇2020年和西咸新区太平镇2022年收到的申请合计多少件？", ("唐村镇", "西咸新区太平镇")),
        ("邹城市太平镇和西咸新区太平镇哪个收到的申请多？", ("邹城市太平镇", "西咸新区太平镇")),
        # the first stored 太平镇 is 西咸新区's: the region, not the order stored, picks
    ],
)
def test_a_shared_name_beside_another_body_is_read_by_the_regions_the_question_writes(question, bodies):
    q = parse_question(question, catalogue=load_catalogue(), directory=BodyDirectory.from_reports(TOWNS))
    assert q.bodies == bodies
