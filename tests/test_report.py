"""crmlearn report / grade: a self-contained page whose numbers are the library's, and the CLI."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import crmlearn
from crmlearn.cli import main
from crmlearn.io import read_transactions
from crmlearn.report import build_report, customer_grades

HOSTILE = '<img src="http://evil.example/x.png" onerror="alert(1)">'


@pytest.fixture(scope="module")
def course_tx():
    tx = crmlearn.load_dataset("transactions")
    # the biggest customer gets a hostile name: it shows in the top tables of the report
    top = tx.groupby("customer_id", observed=True)["amount"].sum().idxmax()
    tx["customer_id"] = tx["customer_id"].astype(str).replace({top: HOSTILE})
    return tx


@pytest.fixture(scope="module")
def page(course_tx):
    return build_report(course_tx, currency="CNY")


def _figure(page: str, key: str) -> str:
    m = re.search(rf'data-key="{key}">([^<]*)<', page)
    assert m, f"figure {key} missing from the report"
    return m.group(1)


def test_report_is_self_contained(page):
    links = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', page)
    assert links, "the report has no images"
    assert not [u for u in links if not u.startswith("data:")]
    assert "http" not in " ".join(links)
    assert "<script" not in page.lower()
    assert page.count('src="data:image/png;base64,') >= 3


def test_hostile_text_is_escaped(page):
    assert HOSTILE not in page
    assert html_escape(HOSTILE) in page


def html_escape(s):
    import html
    return html.escape(s)


def test_numbers_are_the_librarys(course_tx, page):
    from crmlearn.customers import summarize_customers
    from crmlearn.grading import gini, top_share

    customers = summarize_customers(course_tx)
    assert _figure(page, "gini") == f"{gini(customers):.3f}"
    assert _figure(page, "top20_share") == f"{top_share(customers, top=0.2):.1%}"
    assert _figure(page, "customers") == f"{course_tx['customer_id'].nunique():,}"
    grades = customer_grades(course_tx)
    assert _figure(page, "clv_total") == f"{grades['clv_12m'].sum():,.0f} CNY"
    for cls, n in grades["abc_class"].value_counts().items():
        assert re.search(rf"<th>{cls}</th>\s*<td>{n}</td>", page), f"ABC class {cls}: {n} customers not shown"
    for section in ("Concentration", "ABC classes", "The customer pyramid", "RFM segments",
                    "Lifetime value", "k-means segments", "what to do"):
        assert section in page


def test_grades_keep_every_customer(course_tx):
    grades = customer_grades(course_tx, lifetime_value=False)
    assert len(grades) == course_tx["customer_id"].nunique()
    assert grades["abc_class"].notna().all() and grades["rfm_segment"].notna().all()
    assert {"pyramid_level", "kmeans_segment", "R", "F", "M"} <= set(grades.columns)


def test_short_history_says_why_there_is_no_lifetime_value():
    tx = pd.DataFrame({"customer_id": ["a", "b", "a"], "order_date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-20"]),
                       "amount": [10.0, 5.0, 7.0], "is_return": [False, False, False]})
    page = build_report(tx, currency="EUR")
    assert "Not estimated" in page and "EUR" in page


def _csv(tmp_path, text, name="orders.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_report_and_grade(tmp_path, capsys):
    src = tmp_path / "tx.csv"
    crmlearn.load_dataset("transactions").to_csv(src, index=False)
    out = tmp_path / "r.html"
    assert main(["report", str(src), "-o", str(out), "--quiet", "--currency", "CNY"]) == 0
    assert "Report written" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for suffix in (".csv", ".parquet"):
        dest = tmp_path / f"customers{suffix}"
        assert main(["grade", str(src), "-o", str(dest)]) == 0
        grades = pd.read_csv(dest) if suffix == ".csv" else pd.read_parquet(dest)
        assert len(grades) == 1500 and "abc_class" in grades.columns


def test_cli_errors(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.csv"), "--quiet"]) == 1
    assert "no file" in capsys.readouterr().err
    bad = _csv(tmp_path, "who,when,how_much\na,2024-01-01,1\n")
    assert main(["report", bad, "--quiet"]) == 1
    assert "no customer column found" in capsys.readouterr().err
    assert main(["report", bad, "--quiet", "--map", "client=who"]) == 2
    assert "--map takes ROLE=COLUMN" in capsys.readouterr().err
    assert main(["grade", bad, "-o", str(tmp_path / "x.txt")]) == 2
    assert "-o must end in" in capsys.readouterr().err
    ok = _csv(tmp_path, "who,when,how_much\na,03/04/2024,1\nb,05/06/2024,2\n")
    assert main(["grade", ok, "--map", "customer=who", "--map", "date=when", "--map", "amount=how_much",
                 "-o", str(tmp_path / "g.csv")]) == 1
    assert "dayfirst" in capsys.readouterr().err
    assert main(["grade", ok, "--map", "customer=who", "--map", "date=when", "--map", "amount=how_much",
                 "--dayfirst", "yes", "-o", str(tmp_path / "g.csv")]) == 0


def test_a_customer_with_only_returns_is_kept_and_graded_apart():
    tx = pd.DataFrame({"customer_id": list("abcdefghijkl") + ["z"],
                       "order_date": pd.date_range("2024-01-01", periods=13, freq="D"),
                       "amount": [float(i + 1) for i in range(12)] + [-5.0],
                       "is_return": [False] * 12 + [True]})
    grades = customer_grades(tx, lifetime_value=False)
    assert len(grades) == 13
    assert grades.loc["z", "rfm_segment"] == "no purchase (returns only)"
    assert grades.loc["z", "abc_class"] in {"A", "B", "C"}


def test_a_cancelled_order_adds_no_lifetime_value():
    from crmlearn.report import _rfm_summary

    tx = pd.DataFrame({"customer_id": ["a"] * 4,
                       "order_date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-02-01", "2024-03-01"]),
                       "amount": [10.0, 168_000.0, -168_000.0, 12.0], "is_return": [False, False, True, False]})
    summary = _rfm_summary(tx)
    assert summary.loc["a", "monetary_value"] < 100      # the 168,000 order and its cancellation net out
