"""The English-Chinese glossary: size, no duplicates, every chapter covered, lookup both ways."""
from __future__ import annotations

import pandas as pd
import pytest

from crmlearn import glossary
from crmlearn.glossary import key_terms_table, lookup, suggest, terms


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
