"""The look-alike character table (linter/language/shapes.py, linter/data/shapes.tsv)."""

import importlib.util
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from linter.language.shapes import shape_alike, shape_similarity, similar_shapes

ROOT = Path(__file__).resolve().parent.parent
NOTO_FONTS = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
]

#: 形近字 pairs commonly cited in Chinese teaching material (general knowledge, not a test corpus).
TEXTBOOK_PAIRS = """
己已 已巳 己巳 未末 拨拔 候侯 戊戌 戌戍 戊戍 汩汨 人入 大太 土士 千干 天夫 日曰 析折 狠狼 货贷
辨辩 辩辫 茶荼 壁璧 冶治 崇祟 赢嬴 瞻赡 睛晴 刺剌 盲肓 徒徙 炙灸 拆折 免兔 鸟乌 母毋 幕慕 暮墓
侍待 卷券 今令 栗粟 坏怀 撤撒 衷衰 哀衷 宫官 菅管 径经 顷项 密蜜 责贵 载栽 末沫 蓝篮 喝渴 历厉
即既 休体 住往 陷馅 峰蜂 钩钓 买卖 准淮 刀力 王玉 免觅 延廷 眯咪 籍藉 务各
""".split()

#: 形近字 of one phonetic with different radicals (形声字 such as 清/请/情), commonly cited in
#: teaching material (general knowledge); some differ in structure and are left to the bitmaps.
SAME_PHONETIC_PAIRS = """
请清 清情 情晴 晴睛 请情 清精 况祝 织积 职织 效郊 较郊 饺较 咬较 校较 明朋 沌纯 钟种 蜡腊
烧浇 浇绕 晓烧 慢馒 漫慢 抄炒 吵炒 沙纱 炒沙 泡炮 抱饱 跑泡 袍抱 跳挑 桃挑 拾恰 洽恰 铜洞 桐铜
评坪 苹坪 蜂锋 峰锋 梢哨 稍梢 消哨 俏梢 妨防 访防 纺访 仿访 坊防 诗持 持侍 特持 等诗 概慨 拣炼
练炼 睁挣 筝睁 培陪 赔陪 倍培 棵颗 课棵 裸棵 枯估 姑枯 沽估 油抽 袖抽 铀油 棉锦 栋冻 喂偎 渴喝
历沥 辽疗 驶使 埋理 浅残 践浅 钱浅 线浅 贱钱 债绩 晴请 烧饶 娇桥 骄娇 桥侨 惊凉 谅凉 辆俩 惯贯
""".split()

#: Pairs every version of the table must list both ways.
CORE_PAIRS = ["己已", "未末", "拨拔", "候侯", "戊戌", "汩汨", "辨辩", "货贷", "径经", "壁璧", "冶治",
              "请清", "情晴", "效郊", "明朋"]


@pytest.mark.parametrize("pair", CORE_PAIRS)
def test_core_pairs_listed_both_ways(pair):
    a, b = pair
    assert b in similar_shapes(a) and a in similar_shapes(b)


def test_most_textbook_pairs_are_look_alikes():
    covered = [pair for pair in TEXTBOOK_PAIRS if shape_alike(*pair)]
    assert len(covered) >= 0.9 * len(TEXTBOOK_PAIRS), sorted(set(TEXTBOOK_PAIRS) - set(covered))


def test_most_same_phonetic_pairs_are_look_alikes():
    """The shared-component term of the build lifts these from 54 of 94 (bitmaps alone) to 72."""
    covered = [pair for pair in SAME_PHONETIC_PAIRS if shape_alike(*pair)]
    assert len(covered) >= 0.75 * len(SAME_PHONETIC_PAIRS), sorted(set(SAME_PHONETIC_PAIRS) - set(covered))


def build_script():
    """scripts/build_shape_table.py as a module, or skip where its inputs are not installed."""
    pytest.importorskip("numpy")
    pytest.importorskip("PIL")
    if importlib.util.find_spec("char_similar") is None or not all(Path(font).exists() for font in NOTO_FONTS):
        pytest.skip("the build inputs (fonts-noto-cjk, char-similar) are not installed")
    spec = importlib.util.spec_from_file_location("build_shape_table", ROOT / "scripts" / "build_shape_table.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    return builder


def test_shared_component_pairs_need_different_radicals_and_short_differing_parts():
    shared = build_script().shared_components(list("清请情务各钋钏计针"))
    assert {("情", "清"), ("清", "请"), ("务", "各")} <= set(shared)  # 务 splits as 夕 + 力, 各 as 夂 + 口
    assert round(shared["清", "请"], 2) == round(8 / 11, 2)  # 青 is 8 of 清's 11 strokes
    assert ("钋", "钏") not in shared  # one radical, only the short phonetics differ
    assert ("计", "针") not in shared  # the differing 讠/钅 outweigh the shared 十


@pytest.mark.parametrize("pair", ["一鑫", "人国", "的是", "金木", "预算", "口鹰", "政府"])
def test_different_characters_are_not_alike(pair):
    assert not shape_alike(*pair) and shape_similarity(*pair) == 0.0


def test_neighbours_are_few_and_exclude_the_character():
    assert similar_shapes("未")[0] == "末"
    for char in "的是国预算资金己拨":
        alikes = similar_shapes(char)
        assert 0 < len(alikes) <= 8 and char not in alikes


def test_every_row_is_well_formed():
    from linter.language.shapes import _table

    header = files("linter.data").joinpath("shapes.tsv").read_text(encoding="utf-8").split("\n# Rebuilt")[0]
    min_score = float(re.search(r"score ≥ ([0-9.]+)", header).group(1))
    assert len(_table()) >= 3500
    for char, row in _table().items():
        alikes, scores = row.split("\t")
        values = [float(value) for value in scores.split()]
        assert len(char) == 1 and char not in alikes and len(set(alikes)) == len(alikes) == len(values) <= 8
        level_2 = [other.encode("gb2312") >= b"\xd8\xa1" for other in alikes]  # ranked 0.05 lower
        ranks = [round(value - 0.05 * rare, 2) for value, rare in zip(values, level_2)]
        assert ranks == sorted(ranks, reverse=True) and min(values) >= round(min_score, 2)


def test_alike_and_similarity_are_symmetric():
    for char in "候己拨货径末戊":
        for other in similar_shapes(char):
            assert shape_alike(other, char)
            assert shape_similarity(other, char) == shape_similarity(char, other) > 0


def test_non_hanzi_and_multi_character_input():
    assert similar_shapes("a") == similar_shapes("１") == ""
    assert not shape_alike("己", "己") and not shape_alike("己已", "已") and not shape_alike("", "")


def test_table_header_names_sources_licences_and_command():
    header = [line for line in files("linter.data").joinpath("shapes.tsv").read_text(encoding="utf-8").splitlines()
              if line.startswith("#")]
    text = "\n".join(header)
    assert "Noto Sans CJK SC" in text and "Open Font License" in text
    assert "char-similar" in text and "Apache License 2.0" in text
    assert "python scripts/build_shape_table.py" in text


def test_table_loads_lazily_once():
    code = (
        "import linter.language.shapes as s; assert s._table.cache_info().currsize == 0; "
        "s.similar_shapes('己'); s.shape_alike('未', '末'); info = s._table.cache_info(); "
        "assert (info.misses, info.currsize) == (1, 1), info"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.slow
def test_shipped_table_is_what_the_build_script_makes():
    """Where the build inputs are installed (numpy, Pillow, fonts-noto-cjk, char-similar), the
    script rebuilds the shipped tsv byte for byte (~20 s)."""
    builder = build_script()
    assert [font for font, _ in builder.FONTS] == NOTO_FONTS
    assert builder.table_text() == files("linter.data").joinpath("shapes.tsv").read_text(encoding="utf-8")
