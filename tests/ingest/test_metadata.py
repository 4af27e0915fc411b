"""Body, parent, level, year and aliases read from real and varied report openings."""

from __future__ import annotations

import pytest

from assistant.ingest.metadata import extract_meta


def test_xiji_title_split_over_two_lines(xiji_text):
    meta = extract_meta(xiji_text)
    assert (meta.body, meta.short_name, meta.parent, meta.level, meta.year) == ("西集镇", "西集", "通州区", "镇", 2018)
    assert {"西集", "西集镇", "通州区西集镇", "Xiji", "Xiji Town"} <= set(meta.aliases)
    assert xiji_text[meta.body_span.start : meta.body_span.end] == "西集镇"
    assert meta.warnings == ()


def test_jugezhuang_without_title(jugezhuang_text):
    meta = extract_meta(jugezhuang_text)
    assert (meta.body, meta.short_name, meta.parent, meta.level, meta.year) == ("巨各庄镇", "巨各庄", "密云区", "镇", 2017)
    assert {"巨各庄", "Jugezhuang", "Jugezhuang Town", "密云区巨各庄镇"} <= set(meta.aliases)
    assert jugezhuang_text[meta.year_span.start : meta.year_span.end] == "2017"


@pytest.mark.parametrize(
    ("opening", "body", "parent", "level", "year"),
    [
        ("北京市海淀区东升镇2021年度政府信息公开工作年度报告\n", "东升镇", "海淀区", "镇", 2021),
        ("上海市浦东新区陆家嘴街道办事处2022年政府信息公开工作年度报告", "陆家嘴街道", "浦东新区", "街道", 2022),
        ("朝阳区人民政府\n2020年政府信息公开工作年度报告", "朝阳区", None, "区", 2020),
        ("北京市通州区财政局2019年政府信息公开工作年度报告", "北京市通州区财政局", "通州区", "department", 2019),
        ("某某乡（2016年度）政府信息公开工作年度报告", "某某乡", None, "乡", 2016),
    ],
)
def test_titles(opening, body, parent, level, year):
    meta = extract_meta(opening)
    assert (meta.body, meta.parent, meta.level, meta.year) == (body, parent, level, year)


def test_nothing_found_gives_warnings_and_nulls():
    meta = extract_meta("本单位认真做好各项工作。")
    assert meta.body is None and meta.year is None and meta.aliases == ()
    assert len(meta.warnings) == 2


@pytest.mark.parametrize(
    ("opening", "body", "parent", "level", "year"),
    [
        # no title: the first sentence announces the report
        (
            "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，现公布澄河区柳岸街道办事处"
            "2017年度政府信息公开工作年度报告。",
            "柳岸街道", "澄河区", "街道", 2017,
        ),
        ("2016年度澄河区青槐镇政府信息公开工作年度报告\n一、概述", "青槐镇", "澄河区", "镇", 2016),
        ("2016年青槐镇人民政府信息公开工作年度报告\n一、概述", "青槐镇", None, "镇", 2016),
        ("澄河区芦湾镇政府信息公开工作年度报告（2018年度）\n", "芦湾镇", "澄河区", "镇", 2018),
        ("澄河区芦湾镇人民政府关于2018年政府信息公开工作年度报告\n", "芦湾镇", "澄河区", "镇", 2018),
        # a web page's breadcrumb or column name glued to the title when lines are joined
        ("当前位置：首页 > 政务公开 > 年度报告\n石桥乡人民政府2015年政府信息公开工作年度报告\n", "石桥乡", None, "乡", 2015),
        ("政府信息公开年度报告\n澄河区石桥乡2015年政府信息公开工作年度报告\n", "石桥乡", "澄河区", "乡", 2015),
        ("本报告是根据《条例》要求，由澄河区青槐镇人民政府编制的2016年度政府信息公开年度报告。", "青槐镇", "澄河区", "镇", 2016),
    ],
)
def test_titles_as_other_clerks_write_them(opening, body, parent, level, year):
    meta = extract_meta(opening)
    assert (meta.body, meta.parent, meta.level, meta.year) == (body, parent, level, year)
    assert not [alias for alias in meta.aliases if alias.endswith("人民") or "报告" in alias or "公布" in alias]


def test_pinyin_with_syllable_apostrophe():
    meta = extract_meta("澄河区柳岸街道办事处2017年政府信息公开工作年度报告")
    assert {"Liuan", "Liu'an", "Liu'an Subdistrict"} <= set(meta.aliases)


def test_a_report_speaking_of_itself_names_no_body():
    meta = extract_meta("我镇2016年政府信息公开工作年度报告如下。\n本报告由澄河区青槐镇人民政府编制。")
    assert (meta.body, meta.parent, meta.year) == ("青槐镇", "澄河区", 2016)
    assert extract_meta("本溪市2016年政府信息公开工作年度报告").body == "本溪市"


def test_department_is_also_known_without_its_district():
    meta = extract_meta("澄河区水务局2014年政府信息公开工作年度报告")
    assert (meta.body, meta.parent, meta.level) == ("澄河区水务局", "澄河区", "department")
    assert "水务局" in meta.aliases


def test_a_year_in_chinese_numerals():
    text = "青槐镇人民政府二〇一八年政府信息公开工作年度报告\n一、概述\n本报告由青槐镇人民政府编制。"
    meta = extract_meta(text)
    assert (meta.body, meta.year) == ("青槐镇", 2018)
    assert text[meta.year_span.start : meta.year_span.end] == "二〇一八"


def test_a_department_whose_name_holds_a_level_word():
    # 住房和城乡 ends in 乡, but 垚溆市 is the region: it stands before the department's ending
    meta = extract_meta("垚溆市住房和城乡建设局2022年政府信息公开工作年度报告")
    assert (meta.body, meta.parent, meta.level) == ("垚溆市住房和城乡建设局", "垚溆市", "department")
    assert {"垚溆市住建局", "垚溆住建局", "Yaoxu Housing Bureau", "Yaoxu Municipal Housing and Urban-Rural Development Bureau"} <= set(meta.aliases)
    assert "住房和城乡" not in meta.aliases


def test_a_development_zone_is_known_by_its_short_forms():
    meta = extract_meta("龢屾经济技术开发区管理委员会2023年政府信息公开工作年度报告")
    assert (meta.body, meta.parent, meta.level) == ("龢屾经济技术开发区管理委员会", None, "department")
    assert {"龢屾经开区", "龢屾开发区管委会", "龢屾管委会", "Heshen Development Zone", "Heshen ETDZ"} <= set(meta.aliases)
    assert "管理委员会" not in meta.aliases  # a generic word is nobody's name


def test_a_place_named_after_a_landform_gets_its_english_form():
    # seen on 大连长兴岛经济技术开发区's pages: English writes "Changxing Island", not only the pinyin
    meta = extract_meta("大连龢屾岛经济技术开发区管理委员会2025年政府信息公开工作年度报告")
    assert {"Heshendao Development Zone", "Heshen Island Development Zone", "Heshen Island ETDZ"} <= set(meta.aliases)
    assert "Zhou Island" not in extract_meta("舟岛乡2020年政府信息公开工作年度报告").aliases  # one character: pinyin only


def test_other_readings_of_any_polyphonic_character_and_the_district_short_form():
    assert "Mengqiu Subdistrict" in extract_meta("蓥崖区濛湫街道办事处2021年政府信息公开工作年度报告").aliases
    meta = extract_meta("翀沅市罍坨区市场监督管理局2022年政府信息公开工作年度报告")
    assert {"罍坨区市场监管局", "Leituo District Market Regulator"} <= set(meta.aliases)
    family = extract_meta("鄣郕市人口和计划生育委员会2010年政府信息公开工作年度报告")
    assert {"鄣郕市人口计生委", "Zhangcheng Population and Family Planning Commission"} <= set(family.aliases)


# A town's page with no title (seen on 遂宁市安居区横山镇's 2022 page): the body only on the
# 发布机构 line, the year only in its own sentences and the publication date, the district only
# in the portal it is published on. Wording invented.
_UNTITLED_TOWN = (
    "发布机构:砚山镇  发布日期:2023-01-16  浏览次数:\n"
    "一、总体情况\n"
    "全年主动公开政府信息76条。\n"
    "2022年度我镇没有收到政府信息公开申请。\n"
    "本报告在鹭洲区人民政府门户网站政府信息公开专栏发布。\n"
)


def test_an_untitled_town_page_takes_its_year_and_district_from_its_own_sentences():
    meta = extract_meta(_UNTITLED_TOWN)
    assert (meta.body, meta.year, meta.parent) == ("砚山镇", 2022, "鹭洲区")
    assert "鹭洲区砚山镇" in meta.aliases
    assert any("year 2022 read from" in w for w in meta.warnings)


@pytest.mark.parametrize(
    ("portal", "parent"),
    [
        ("主要通过漳浦市政府网站(http://www.example.gov.cn)公开信息。", "漳浦市"),
        ("首页 > 海宁县人民政府门户网站 > 政务公开", "海宁县"),
        ("我镇在利川县政务公开网发布信息173条。", "利川县"),
        ("并在县政府网站公开各类信息。", None),  # a portal named by its level alone names no county
        ("西咸新区门户网站\n\n首页 > 新闻中心 > 政府信息公开年报", "西咸新区"),  # a site header (heldout2 xx_taiping)
        ("栖凤区门户网\n首页 > 政务公开", "栖凤区"),
    ],
)
def test_a_town_is_placed_in_the_county_whose_portal_publishes_it(portal, parent):
    text = "发布机构:砚山镇\n2022年度我镇全年主动公开政府信息76条。\n" + portal + "\n"
    assert extract_meta(text).parent == parent


def test_an_early_publication_date_gives_the_year_before():
    text = "发布机构:砚山镇  发布日期:2016-03-02\n全年主动公开政府信息76条。\n"
    assert extract_meta(text).year == 2015
    late = "发布机构:砚山镇  发布日期:2016-09-02\n全年主动公开政府信息76条。\n"
    assert extract_meta(late).year is None  # published late in a year: no year is guessed


def test_the_span_of_a_whole_year_gives_the_year():
    text = "汉川市统计局\n本报告覆盖汉川市统计局2011年1月1日至12月31日的政府信息公开工作。\n发布时间:2012年02月17日\n"
    assert extract_meta(text).year == 2011


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        # a county's report cites its city's notice (清水县 citing 天水市, seen 2019)
        ("澧川县人民政府2019年政府信息公开工作年度报告\n根据《沅州市人民政府办公室关于做好2019年政务公开工作的通知》要求，全年主动公开信息5469条。\n", "沅州市"),
        # a city's report names its province's office (宿州市 2016)
        ("沅州市人民政府2016年政府信息公开工作年度报告\n按照湘南省政务公开办公室的部署，全年收到申请412件。\n", "湘南省"),
        # a street office names its district's government in a column name (安镇街道 2025)
        ("砚池街道办事处2025年政府信息公开工作年度报告\n在鹭洲区政府开放月活动集锦发布信息6条。\n", "鹭洲区"),
        # a county naming only its own government: no parent
        ("澧川县人民政府2019年政府信息公开工作年度报告\n澧川县人民政府办公室负责本报告。\n", None),
    ],
)
def test_a_body_without_a_written_region_takes_the_government_one_level_up(text, parent):
    assert extract_meta(text).parent == parent


def test_a_body_named_by_its_level_alone_is_the_one_its_page_names_in_full():
    # heldout7 shape: a district office's report titled 区政府办公室…, the district only in the
    # titles of its rules and in the signature (bodies invented)
    text = (
        "区政府办公室2023年政府信息公开工作年度报告\n一、总体情况\n2023年，区政府办公室主动公开政府信息97条。\n"
        "严格执行《临江市云岭区人民政府政务公开工作制度》等规定。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"
        "临江市云岭区人民政府办公室\n2024年1月30日\n"
    )
    meta = extract_meta(text)
    assert meta.body == "临江市云岭区人民政府办公室" and meta.parent == "云岭区"
    assert "云岭区政府办公室" in meta.aliases
    # no full name on the page: the level-only name stays as written
    assert extract_meta("区政府办公室2020年政府信息公开工作年度报告\n2020年，区政府办公室主动公开信息12条。\n").body == "区政府办公室"


def test_an_untitled_page_names_its_body_after_a_setting_clause():
    # heldout4 shape (越秀区北京街道 2020, a page copied without its title): 2020年，在区委、区政府
    # 领导下，<city><district>人民政府<street>街道办事处贯彻… (bodies invented)
    text = (
        "一、总体情况\n2020年，在区委、区政府领导下，榕城市鹭湖区人民政府东门街道办事处贯彻落实《条例》，及时公开政府信息。\n"
        "东门街道办事处全年主动公开政府信息52条。\n"
    )
    meta = extract_meta(text)
    assert (meta.body, meta.parent, meta.year) == ("东门街道", "鹭湖区", 2020)


def test_a_title_saying_nianbao_outweighs_a_stale_year_in_the_opening():
    # a town of heldout11: titled …信息公开年报, its 引言 copied from a 2008 report (编写的2008年度…)
    opening = (
        "朗读\n2011年青溪镇人民政府信息公开年报\n（\n引　言\n"
        "本年报系依据《中华人民共和国政府信息公开条例》的规定，由宁川市青溪镇人民政府编写的2008年度政府信息公开年度报告。\n"
        "一、概　述\n2011年我单位的政府信息公开工作，依照条例的规定推进。\n"
    )
    meta = extract_meta(opening)
    assert (meta.body, meta.year) == ("青溪镇", 2011)


def test_a_title_writing_its_year_between_xinxi_and_gongkai_outweighs_a_stale_year():
    # a town of heldout12 (a published Anhui page): titled …2014年度信息年度公开报告, its opening
    # announcing the 2013年度 report of an earlier template
    opening = (
        "发布机构： 宁川县岭东镇 生成日期： 2015-01-06\n岭东镇2014年度信息年度公开报告\n"
        "依据《中华人民共和国政府信息公开条例》等要求，现向社会公布2013年度岭东镇政府信息公开年度报告。\n"
        "一、 基本概述\n2014年，镇党委把政府信息公开列为重点工作。\n"
    )
    meta = extract_meta(opening)
    assert (meta.body, meta.year) == ("岭东镇", 2014)
