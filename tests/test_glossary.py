"""The English-Chinese glossary: size, no duplicates, every chapter covered, lookup both ways."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from crmlearn import glossary
from crmlearn.glossary import key_terms_table, lookup, matches, suggest, terms


def test_at_least_150_terms_with_all_fields():
    t = terms()
    assert len(t) >= 150
    assert list(t.columns[:4]) == ["english", "chinese", "definition", "chapters"]
    for col in ("english", "chinese", "definition"):
        assert t[col].str.strip().str.len().gt(0).all(), col
    assert t["chapters"].map(lambda cs: len(cs) > 0 and all(0 <= c <= 9 for c in cs)).all()
    # a definition is one line
    assert not t["definition"].str.contains("\n").any()
    # no stray table separators from the storage format
    for col in ("english", "chinese", "definition"):
        assert not t[col].str.contains("|", regex=False).any(), col


def test_no_duplicate_terms():
    t = terms()
    english = t["english"].str.casefold()
    assert not english.duplicated().any(), list(t.loc[english.duplicated(), "english"])
    chinese = t["chinese"].str.split("；").explode()
    assert not chinese.duplicated().any(), list(chinese[chinese.duplicated()])


def test_no_name_or_alias_points_to_two_terms():
    seen = {}
    for entry in glossary._entries():
        for name in {glossary._norm(n) for n in glossary._names(entry)}:
            assert name not in seen, f"{name!r} names both {seen[name]!r} and {entry.english!r}"
            seen[name] = entry.english


@pytest.mark.parametrize("chapter", range(10))
def test_every_chapter_has_terms(chapter):
    assert len(terms(chapter)) >= 5


@pytest.mark.parametrize("query, english", [
    ("RFM", "RFM analysis"),
    ("rfm", "RFM analysis"),
    ("CLV", "Customer lifetime value (CLV)"),
    ("customer lifetime value", "Customer lifetime value (CLV)"),
    ("Gini coefficient", "Gini coefficient"),
    ("Lorenz", "Lorenz curve"),
    ("NPS", "Net Promoter Score (NPS)"),
    ("detractors", "Detractor"),
    ("BG/NBD", "BG/NBD model"),
    ("gamma gamma", "Gamma-Gamma model"),
    ("sBG", "Shifted-beta-geometric model (sBG)"),
    ("P(alive)", "Probability alive"),
    ("Cronbach's alpha", "Cronbach's alpha"),
    ("kmeans", "k-means clustering"),
    ("  SERVQUAL ", "SERVQUAL"),
    ("share of wallet", "Share of wallet (share of purchases)"),
])
def test_lookup_english_and_aliases(query, english):
    found = lookup(query)
    assert found is not None and found.english == english


@pytest.mark.parametrize("query, english", [
    ("客户分级", "Customer grading"),
    ("客户关系管理", "Customer relationship management (CRM)"),
    ("轮廓系数", "Silhouette coefficient"),
    ("差异待遇", "Differential treatment"),   # the second Chinese variant
    ("二八法则", "80/20 rule"),
    ("净推荐值", "Net Promoter Score (NPS)"),
])
def test_lookup_chinese(query, english):
    found = lookup(query)
    assert found is not None and found.english == english
    assert query in found.chinese


def test_lookup_partial():
    assert lookup("silhouette").english == "Silhouette coefficient"
    assert lookup("Pareto ch").english == "Pareto chart"
    assert lookup("what is the gini coefficient").english == "Gini coefficient"


@pytest.mark.parametrize("query", ["blockchain", "zz", "", "   ", None, 42, "lead generation"])
def test_unknown_is_none(query):
    assert lookup(query) is None


def test_entry_fields_and_text():
    entry = lookup("RFM")
    assert entry.chinese == "RFM分析" and 4 in entry.chapters
    text = str(entry)
    assert "RFM analysis" in text and "RFM分析" in text and "Chapter" in text


def test_suggest_close_matches():
    assert "Silhouette coefficient" in suggest("sillhouette coefficent")
    assert suggest("qqqqqqq") == []


def test_key_terms_table_renders_in_three_ways():
    table = key_terms_table(4, ["RFM", "基尼系数", "Pareto chart"])
    assert len(table) == 3
    md = table._repr_markdown_()
    assert md.splitlines()[0] == "| English | 中文 | Meaning |"
    assert "| RFM analysis | RFM分析 |" in md and "基尼系数" in md
    html = table._repr_html_()
    assert html.startswith("<table>") and "<td>Gini coefficient</td>" in html
    text = str(table)
    assert text.splitlines()[0].startswith("RFM analysis · RFM分析: ")
    assert isinstance(table.data, pd.DataFrame) and list(table.data["english"]) == [
        "RFM analysis", "Gini coefficient", "Pareto chart"]


def test_key_terms_table_whole_chapter_and_escaping():
    table = key_terms_table(9)
    assert len(table) == len(terms(9))
    md = key_terms_table(4, ["80/20 rule"])._repr_markdown_()
    assert md.count("|") == 3 * 4   # header, rule and one row, four pipes each: no stray pipes


def test_key_terms_table_errors():
    with pytest.raises(ValueError, match="not in the glossary.*Did you mean.*Silhouette"):
        key_terms_table(2, ["sillhouette coefficent"])
    with pytest.raises(ValueError, match="0 to 9"):
        key_terms_table(12)
    with pytest.raises(ValueError, match="0 to 9"):
        terms(chapter=-1)


# --- every key term of the sources (the syllabus lists them) -------------------------------------

SYLLABUS = Path(__file__).resolve().parents[1].parent / "shared" / "syllabus.md"
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A Chinese cell with several names: "差别待遇 / 差异待遇", "白金卡/金卡/银卡", "A、B、C三类" (tried whole first).
_SPLIT_CHINESE = re.compile(r"\s+/\s+|(?<=[\u4e00-\u9fff])/(?=[\u4e00-\u9fff])|、")

# Bold headings of the syllabus's Concepts whose Chinese is a sentence or a heading, not a term:
# what lookup should answer for each (None: a label of the source with no term behind it).
CONCEPT_HEADINGS = {
    "客户资源是企业最重要的资产之一": "Customer resources",
    "客户关系管理现状": "Customer relationship management (CRM)",
    "渠道经销商与持牌代理人": "Channel distributor",
    "一对一营销战略的发展": "One-to-one marketing",
    "关系营销 vs 一对一营销": "One-to-one marketing",
    '"小思考7-1"': None,             # a textbook box number ("small reflection 7-1")
    "跨国企业对大客户的认知观": "Key account (KA)",
    "构建大客户服务体系": "Key-account service system",
    "戴尔的大客户管理": "Key-account management (KAM)",
    "第四单元教学目的": None,        # "teaching aims of unit 4"
    "新观点": None,                  # "new views" (a slide title cut off in the source)
    "感知服务与期望服务": "Expected service",
    "客户期望值的来源": "Customer expectation",
    "建立客户忠诚": "Customer loyalty",
    "客户与忠诚客户": "Loyal customer",
    "企业客户关系管理对策": "Customer relationship management (CRM)",
}


@pytest.fixture(scope="module")
def syllabus() -> str:
    if not SYLLABUS.is_file():
        pytest.skip(f"syllabus not found at {SYLLABUS} (../shared is absent in this checkout)")
    return SYLLABUS.read_text(encoding="utf-8")


def syllabus_glossary(text: str) -> list[tuple[str, str]]:
    """(English, Chinese) of every row of the syllabus's "Bilingual glossary" table."""
    section = text.split("\n## Bilingual glossary", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 3 and cells[0] != "English term":
            rows.append((cells[0], cells[1]))
    return rows


def concept_terms(text: str) -> list[tuple[int, str, str]]:
    """(chapter, span, Chinese) for the Chinese in brackets of every bold or italic span of the
    chapters' "Concepts" sections, e.g. "**Customer pyramid (客户金字塔)**" -> (4, ..., "客户金字塔")."""
    out, chapter, in_concepts = [], None, False
    for line in text.splitlines():
        heading = re.match(r"## Chapter (\d+) ", line)
        if heading:
            chapter, in_concepts = int(heading.group(1)), False
        elif line.startswith("## "):
            chapter = None
        elif line.startswith("### "):
            in_concepts = line.strip() == "### Concepts"
        elif chapter and in_concepts:
            body = re.sub(r"^\s*(?:[*-]|\d+\.)\s+", "", line)        # the list marker is not italics
            spans = re.findall(r"\*\*(.+?)\*\*", body)
            spans += re.findall(r"(?<![*\w])\*([^*\s][^*]*?)\*(?![*\w])", re.sub(r"\*\*.+?\*\*", "", body))
            for span in spans:
                for bracket in re.findall(r"\(([^()]*)\)", span):
                    for piece in re.split(r"\s*(?:;|,|，| / )\s*", bracket):
                        if _CJK.search(piece):
                            out.append((chapter, span, piece.strip()))
    return out


def exact(query: str):
    """The entry the query names exactly (a name, abbreviation or alias), else None."""
    ranked = glossary._ranked(query)
    return ranked[0][1] if ranked and ranked[0][0] == 0 else None


def exact_all(chinese: str) -> list:
    """The entries named by a Chinese cell: the whole cell, or else each of its names."""
    whole = exact(chinese)
    if whole is not None:
        return [whole]
    return [exact(part) for part in _SPLIT_CHINESE.split(chinese)]


def test_syllabus_parsers_find_the_tables(syllabus):
    rows = syllabus_glossary(syllabus)
    assert len(rows) >= 150
    assert ("Customer pyramid", "客户金字塔") in rows and ("Switching cost", "转换成本") in rows
    concepts = concept_terms(syllabus)
    assert {c for c, _, _ in concepts} == set(range(1, 10))
    assert (4, "Customer pyramid (客户金字塔)", "客户金字塔") in concepts
    assert (6, "Dedicated (专有)", "专有") in concepts                  # an italic sub-item
    assert (8, "Interest as the basis of every deal (天下熙熙,皆为利来)", "皆为利来") in concepts


def test_every_syllabus_glossary_term_is_in_the_glossary(syllabus):
    missing = []
    for english, chinese in syllabus_glossary(syllabus):
        entry = exact(english)
        by_chinese = exact_all(chinese)
        if entry is None or any(e is not entry for e in by_chinese):
            missing.append((english, chinese, entry and entry.english, [e and e.english for e in by_chinese]))
    assert not missing, missing


def test_every_concept_term_of_each_chapter_is_in_the_glossary(syllabus):
    missing, wrong_chapter = [], []
    for chapter, span, chinese in concept_terms(syllabus):
        if chinese in CONCEPT_HEADINGS:
            continue
        entries = exact_all(chinese)
        if not all(entries):
            missing.append((chapter, chinese, span))
        elif not all(chapter in e.chapters for e in entries):
            wrong_chapter.append((chapter, chinese, [e.chapters for e in entries]))
    assert not missing, missing
    assert not wrong_chapter, wrong_chapter      # so that key_terms_table(N) lists them


def test_concept_headings_answer_the_right_term(syllabus):
    in_syllabus = {chinese for _, _, chinese in concept_terms(syllabus)}
    assert set(CONCEPT_HEADINGS) <= in_syllabus, set(CONCEPT_HEADINGS) - in_syllabus
    for chinese, english in CONCEPT_HEADINGS.items():
        assert exact(chinese) is None, chinese      # a heading, not a name: listed here on purpose
        found = lookup(chinese)
        assert (found.english if found else None) == english, chinese


@pytest.mark.parametrize("chapter", range(1, 10))
def test_each_chapter_has_enough_key_terms(chapter):
    assert len(key_terms_table(chapter)) >= 12


# --- traditional characters, full width, spaces, spelling -----------------------------------------

@pytest.mark.parametrize("query, english", [
    ("轉換成本", "Switching cost"),
    ("客戶金字塔", "Customer pyramid"),
    ("客戶分級", "Customer grading"),
    ("顧客滿意度", "Customer satisfaction"),
    ("大客戶資料卡", "Key-account information card"),    # not OpenCC's Taiwan phrase 数据卡
    ("採購份額", "Share of wallet (share of purchases)"),
    ("客戶流失率", "Churn rate"),
    ("客戶關係管理", "Customer relationship management (CRM)"),
    ("鉑金層級", "Platinum tier"),
    ("淨推薦值", "Net Promoter Score (NPS)"),
    ("客戶資訊分析", "Customer information analysis"),   # Taiwan vocabulary: 資訊 = 信息
    ("存活機率", "Probability alive"),                   # Taiwan 機率 = 概率 (OpenCC gives 几率)
])
def test_lookup_traditional(query, english):
    found = lookup(query)
    assert found is not None and found.english == english


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk", "s2twp"])
def test_every_chinese_name_is_found_in_traditional_characters(config):
    converter = pytest.importorskip("opencc").OpenCC(config)
    lost = []
    for entry in glossary._entries():
        for name in glossary._names(entry):
            if _CJK.search(name):
                traditional = converter.convert(name)
                if exact(traditional) is not entry:
                    lost.append((name, traditional))
    assert not lost, lost


@pytest.mark.parametrize("query, english", [
    ("ＲＦＭ", "RFM analysis"),
    ("ｒｆｍ分析", "RFM analysis"),
    ("客户　金字塔", "Customer pyramid"),          # an ideographic (full-width) space
    ("客户 金字塔", "Customer pyramid"),
    ("  客户关系 管理 ", "Customer relationship management (CRM)"),
    ("Ｇｉｎｉ　ｃｏｅｆｆｉｃｉｅｎｔ", "Gini coefficient"),
    ("８０／２０规则", "80/20 rule"),
    ("“扒皮大户”", "Exploitative big buyer"),
    ("客户满意度——一个变动的目标", "Satisfaction as a moving target"),
    ("behavioral loyalty", "Behavioural loyalty"),
    ("customer centered", "Customer-centred"),
    ("loyalty program", "Customer reward programme"),
    ("personalized service", "Personalised service"),
    ("standardization", "Standardisation (z-score)"),
    ("key accounts", "Key account (KA)"),
])
def test_lookup_normalises_width_spaces_and_spelling(query, english):
    found = lookup(query)
    assert (found.english if found else None) == english


def test_opencc_is_imported_only_for_chinese_lookups():
    code = ("import sys, crmlearn, crmlearn.glossary as g; g.lookup('RFM'); g.lookup('customer pyramid'); "
            "print('opencc' in sys.modules); g.lookup('轉換成本'); print('opencc' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


# --- synonyms -------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, english", [
    ("转移成本", "Switching cost"),
    ("钱包份额", "Share of wallet (share of purchases)"),
    ("share of purchases", "Share of wallet (share of purchases)"),
    ("大客户信息卡", "Key-account information card"),
    ("客户流失", "Churn"),
    ("顾客流失", "Churn"),
    ("顾客满意度", "Customer satisfaction"),
    ("客户满意度", "Customer satisfaction"),
    ("顾客满意度指数", "Customer satisfaction index (CSI)"),
    ("客户满意度指数", "Customer satisfaction index (CSI)"),
    ("顾客忠诚", "Customer loyalty"),
    ("客户忠诚度", "Customer loyalty"),
    ("顾客", "Customer"),
    ("顾客是上帝", "Customer is God"),
    ("帕累托法则", "80/20 rule"),
    ("80/20客户黄金定律", "80/20 rule"),
    ("关键客户", "Key account (KA)"),
    ("主要客户", "Key account (KA)"),
    ("重点客户", "Key customer"),
    ("消费者", "Retail customer"),
    ("贝恩公司调查", "Bain paradox"),
    ("次要供应商", "Candidate / secondary supplier"),
    ("客户保留", "Customer retention"),
    ("客户终身价值", "Customer lifetime value (CLV)"),
])
def test_synonyms_are_aliases(query, english):
    assert exact(query) is not None, f"{query!r} should be an exact name or alias"
    assert exact(query).english == english


# --- ranking --------------------------------------------------------------------------------------

def test_exact_name_ranks_before_longer_names():
    assert lookup("客户").english == "Customer"
    assert lookup("customer").english == "Customer"
    assert lookup("customers").english == "Customer"
    assert lookup("客户分级").english == "Customer grading"
    # "lead" is the alias of the lead tier; "Key-opinion-leader customer" only contains it in a word
    assert lookup("lead").english == "Lead tier"
    table = matches("lead")
    assert list(table["english"]) == ["Lead tier", "Key-opinion-leader customer"]
    assert list(table["match"]) == ["exact", "partial"]


def test_whole_word_ranks_before_partial():
    # "churn" is a whole word of "Cost of churn" and a part of none; "Churn" itself is exact
    assert list(matches("churn")["match"][:2]) == ["exact", "whole word"]
    # "loyal": not a name; a whole word of "Loyal customer", a part of "loyalty" in others
    ranked = matches("loyal", n=50)
    assert ranked["english"].iloc[0] == "Loyal customer"
    assert ranked["match"].iloc[0] == "whole word"
    tiers = ranked["match"].map({"exact": 0, "whole word": 1, "partial": 2, "contains": 3})
    assert tiers.is_monotonic_increasing
    assert "Customer loyalty" in set(ranked.loc[ranked["match"] == "partial", "english"])


def test_chinese_head_word_matches_before_parts():
    # 满意 is the head of 客户满意 (ends with it); 满意度与忠诚度调查 only starts with it and is longer
    assert lookup("满意").english == "Customer satisfaction"
    assert lookup("金字塔").english == "Customer pyramid"
    assert lookup("流失率").english == "Churn rate"
    ranked = matches("金字塔")
    assert list(ranked["english"][:2]) == ["Customer pyramid", "Customer pyramid management"]
    assert list(ranked["match"][:2]) == ["whole word", "partial"]


def test_query_containing_a_name_comes_last():
    assert lookup("what is the gini coefficient").english == "Gini coefficient"
    assert lookup("不要迷信价格竞争").english == "Price competition"
    ranked = matches("the gini coefficient and the lorenz curve")
    assert list(ranked["match"]) == ["contains", "contains"]
    assert list(ranked["english"]) == ["Gini coefficient", "Lorenz curve"]     # the longer name first
    assert list(matches("客户金字塔")["match"]) == ["exact", "whole word"]


def test_matches_checks_its_arguments():
    assert matches("blockchain").empty
    assert list(matches("客户", n=3).columns) == ["english", "chinese", "match"]
    assert len(matches("客户", n=3)) == 3
    with pytest.raises(TypeError, match="matches: n must be a whole number"):
        matches("客户", n=2.5)
    with pytest.raises(ValueError, match="matches: n must be at least 1"):
        matches("客户", n=0)


# --- unknown terms --------------------------------------------------------------------------------

@pytest.mark.parametrize("query, suggestion", [
    ("sillhouette", "Silhouette coefficient"),
    ("swiching cost", "Switching cost"),
    ("客户流矢率", "Churn rate"),           # 矢 typed for 失
    ("客戶流矢率", "Churn rate"),           # and in traditional characters
    ("客户金子塔", "Customer pyramid"),     # 子 typed for 字
])
def test_unknown_terms_get_suggestions(query, suggestion):
    assert lookup(query) is None            # not "Customer" because the typo contains 客户
    assert suggestion in suggest(query)


def test_a_short_chinese_name_inside_a_query_answers_only_when_it_is_most_of_it():
    assert lookup("好口碑").english == "Word of mouth"     # 2 of 3 characters
    assert lookup("客户区块链") is None                    # 客户 is 2 of 5: not telling
    assert lookup("客户期望值的来源").english == "Customer expectation"   # a 5-character name


def test_suggest_of_nothing_is_empty():
    assert suggest("") == [] and suggest(None) == [] and suggest("区块链") == []


# --- key terms table in parts ---------------------------------------------------------------------

def test_key_terms_table_default_is_the_whole_chapter():
    full = key_terms_table(4)
    assert [t.english for t in full.entries] == list(terms(4)["english"])
    assert repr(full).startswith("Key terms, chapter 4:\n")


@pytest.mark.parametrize("rows", [5, 10, 12])
def test_key_terms_table_parts_cover_the_chapter_once(rows):
    full = key_terms_table(4).entries
    first = key_terms_table(4, part=1, rows=rows)
    parts = [key_terms_table(4, part=p, rows=rows) for p in range(1, first.parts + 1)]
    assert first.parts == -(-len(full) // rows) >= 2
    assert all(len(p) <= rows for p in parts) and all(len(p) == rows for p in parts[:-1])
    assert [t for p in parts for t in p.entries] == full
    assert repr(parts[1]).startswith(f"Key terms, chapter 4 (part 2 of {first.parts}):\n")


def test_key_terms_table_rows_alone_and_with_named_terms():
    assert key_terms_table(4, rows=3).entries == key_terms_table(4).entries[:3]
    named = key_terms_table(4, ["RFM", "基尼系数", "Pareto chart"], part=2, rows=2)
    assert [t.english for t in named.entries] == ["Pareto chart"] and named.parts == 2


def test_key_terms_table_part_errors():
    n = len(key_terms_table(5))
    with pytest.raises(ValueError, match=rf"chapter 5 has {n} terms, so 2 part\(s\) of 10 rows; got part=3"):
        key_terms_table(5, part=3)
    with pytest.raises(ValueError, match="at least 1"):
        key_terms_table(5, part=0)
    with pytest.raises(ValueError, match="at least 1"):
        key_terms_table(5, rows=0)
    with pytest.raises(TypeError, match="part must be a whole number, got str"):
        key_terms_table(5, part="1")
