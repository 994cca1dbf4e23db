"""read_transactions on hostile files made here: each variation of a real export, one at a time."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import crmlearn
from crmlearn import CRMDataError
from crmlearn.io import read_transactions


def _write(tmp_path, text: str, name="orders.csv", encoding="utf-8", bom=False) -> str:
    path = tmp_path / name
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return str(path)


def test_course_file_reads_back_as_the_loader_gives_it():
    tx, report = read_transactions(crmlearn.__path__[0] + "/../datasets/transactions.csv", currency="CNY")
    ref = crmlearn.load_dataset("transactions")
    assert len(tx) == len(ref) and report.lines_set_aside == 0
    assert np.allclose(tx["amount"], ref["amount"])
    assert (tx["customer_id"].to_numpy() == ref["customer_id"].astype(str).to_numpy()).all()
    assert (tx["order_date"].to_numpy() == ref["order_date"].to_numpy()).all()
    assert (tx["is_return"].to_numpy() == ref["is_return"].to_numpy()).all()
    assert pd.api.types.is_float_dtype(tx["cost"])        # other numeric columns come back numeric


def test_bom_semicolons_decimal_commas_and_currency_signs(tmp_path):
    path = _write(tmp_path, "Kunde;Datum;Betrag\n1;2024-01-05;1.234,50 €\n2;2024-01-06;7,25 €\n", bom=True)
    tx, report = read_transactions(path, columns={"customer": "Kunde", "date": "Datum", "amount": "Betrag"})
    assert tx["amount"].tolist() == [1234.5, 7.25]
    assert report.currency == "EUR"
    text = str(report)
    assert "byte-order mark" in text and "decimal commas" in text and "';'" in text


def test_tabs_thousands_separators_and_chinese_headers(tmp_path):
    path = _write(tmp_path, "客户编号\t下单日期\t金额\nA1\t2024-03-01\t¥12,500.00\nA2\t2024-03-02\t￥80\n")
    tx, report = read_transactions(path)
    assert tx["customer_id"].tolist() == ["A1", "A2"]
    assert tx["amount"].tolist() == [12500.0, 80.0]
    assert report.currency == "CNY"
    assert report.roles == {"customer": "客户编号", "date": "下单日期", "amount": "金额"}


def test_gb18030_file(tmp_path):
    path = _write(tmp_path, "客户,日期,金额\n王,2024-01-01,10\n", encoding="gb18030")
    tx, _ = read_transactions(path)
    assert tx["customer_id"].tolist() == ["王"]


def test_float_looking_ids_become_plain_ids(tmp_path):
    path = _write(tmp_path, "CustomerID,InvoiceDate,Quantity,UnitPrice\n17850.0,2010-12-01,6,2.55\n13047.0,2010-12-01,1,3\n")
    tx, report = read_transactions(path)
    assert tx["customer_id"].tolist() == ["17850", "13047"]
    assert tx["amount"].round(2).tolist() == [15.3, 3.0]
    assert any("17850" in n for n in report.notes)


def test_float_ids_in_a_dataframe_and_the_input_is_not_changed():
    raw = pd.DataFrame({"CustomerID": [17850.0, np.nan], "InvoiceDate": ["2010-12-01", "2010-12-01"],
                        "Quantity": [6, 2], "UnitPrice": [2.55, 1.0]})
    before = raw.copy()
    tx, report = read_transactions(raw)
    pd.testing.assert_frame_equal(raw, before)
    assert tx["customer_id"].tolist() == ["17850"]
    assert report.lines_set_aside == 1 and report.value_set_aside == pytest.approx(2.0)


def test_day_first_dates_detected_when_proved(tmp_path):
    path = _write(tmp_path, "customer,date,amount\na,03/04/2024,1\nb,25/04/2024,2\n")
    tx, report = read_transactions(path)
    assert tx["order_date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-04-03", "2024-04-25"]
    assert any("day-first" in n for n in report.notes)


def test_month_first_dates_with_times_detected_when_proved(tmp_path):
    path = _write(tmp_path, "customer,date,amount\na,12/1/2010 8:26,1\nb,12/13/2010 9:00,2\n")
    tx, _ = read_transactions(path)
    assert tx["order_date"].dt.strftime("%Y-%m-%d %H:%M").tolist() == ["2010-12-01 08:26", "2010-12-13 09:00"]


def test_ambiguous_dates_ask_for_dayfirst(tmp_path):
    path = _write(tmp_path, "customer,date,amount\na,03/04/2024,1\nb,05/06/2024,2\n")
    with pytest.raises(CRMDataError, match=r"read_transactions: dates such as '03/04/2024'.*dayfirst=True"):
        read_transactions(path)
    tx, _ = read_transactions(path, dayfirst=True)
    assert tx["order_date"].dt.month.tolist() == [4, 6]
    tx, _ = read_transactions(path, dayfirst=False)
    assert tx["order_date"].dt.month.tolist() == [3, 5]


def test_dayfirst_that_contradicts_the_data_is_refused(tmp_path):
    path = _write(tmp_path, "customer,date,amount\na,25/04/2024,1\n")
    with pytest.raises(CRMDataError, match="contradicts"):
        read_transactions(path, dayfirst=False)


def test_mixed_utc_offsets_are_converted(tmp_path):
    path = _write(tmp_path, "customer,date,amount\na,2024-01-01T23:30:00+08:00,1\nb,2024-01-01T10:00:00-05:00,2\n")
    tx, report = read_transactions(path)
    assert tx["order_date"].dt.strftime("%Y-%m-%d %H:%M").tolist() == ["2024-01-01 15:30", "2024-01-01 15:00"]
    assert any("UTC" in n for n in report.notes)


def test_cancellations_by_prefix_and_negative_quantity(tmp_path):
    path = _write(tmp_path, "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n"
                            "536365,1,2010-12-01,6,2.5\nC536379,1,2010-12-02,-1,2.5\n"
                            "C536380,2,2010-12-02,2,4\n536381,2,2010-12-03,-3,1\n")
    tx, report = read_transactions(path)
    assert tx["is_return"].tolist() == [False, True, True, True]
    assert tx["amount"].tolist() == [15.0, -2.5, -8.0, -3.0]
    assert any("'C'" in n for n in report.notes)


def test_lines_without_customer_zero_price_and_unreadable_are_set_aside_and_kept(tmp_path):
    path = _write(tmp_path, "customer,date,quantity,unit_price\n"
                            "a,2024-01-01,2,5\n,2024-01-01,3,10\nb,2024-01-02,4,0\n"
                            "c,not a date,1,7\nd,2024-01-03,x,2\n")
    tx, report = read_transactions(path, currency="GBP")
    assert tx["customer_id"].tolist() == ["a"]
    assert report.lines_read == 5 and report.lines_kept == 1 and report.lines_set_aside == 4
    summary = report.summary().set_index("outcome")
    assert summary.loc["set aside: no customer", "lines"] == 1
    assert summary.loc["set aside: no customer", "value (GBP)"] == pytest.approx(30.0)
    assert set(report.set_aside["reason"]) == {"no customer", "zero price", "date not readable",
                                               "quantity not readable"}
    assert report.lines_kept + report.lines_set_aside == report.lines_read
    assert "GBP" in str(report) and "GBP" in report._repr_html_()


def test_hostile_text_is_escaped_in_the_report_html():
    raw = pd.DataFrame({"customer": ["<script>alert(1)</script>"], "date": ["2024-01-01"], "amount": [1.0]})
    tx, report = read_transactions(raw, currency="<b>X</b>")
    assert tx["customer_id"].iloc[0] == "<script>alert(1)</script>"
    assert "<b>X</b>" not in report._repr_html_()


def test_ambiguous_role_lists_the_candidates():
    raw = pd.DataFrame({"Customer": ["a"], "customer_id": ["b"], "Date": ["2024-01-01"], "Amount": [1]})
    tx, report = read_transactions(raw)                  # the more specific name wins
    assert report.roles["customer"] == "customer_id"
    raw = pd.DataFrame({"Customer ID": ["a"], "customer_id": ["b"], "date": ["2024-01-01"], "amount": [1]})
    with pytest.raises(CRMDataError, match=r"more than one column could be the customer: \['Customer ID', 'customer_id'\]"):
        read_transactions(raw)


def test_missing_roles_and_bad_mappings_are_clear():
    raw = pd.DataFrame({"who": ["a"], "when": ["2024-01-01"], "how_much": [1]})
    with pytest.raises(CRMDataError, match=r"no customer column found among \['who', 'when', 'how_much'\]"):
        read_transactions(raw)
    tx, _ = read_transactions(raw, columns={"customer": "who", "date": "when", "amount": "how_much"})
    assert len(tx) == 1
    with pytest.raises(CRMDataError, match=r"columns\['customer'\] = 'nobody' is not a column"):
        read_transactions(raw, columns={"customer": "nobody"})
    with pytest.raises(CRMDataError, match="unknown role"):
        read_transactions(raw, columns={"client": "who"})
    with pytest.raises(TypeError, match=r"columns\['customer'\] must be a column name"):
        read_transactions(raw, columns={"customer": ["who"]})


def test_wrong_source_types():
    with pytest.raises(TypeError, match="must be a file path or a pandas DataFrame"):
        read_transactions(np.zeros((2, 2)))
    with pytest.raises(FileNotFoundError, match="no file"):
        read_transactions("does/not/exist.csv")

    class FakePolars:
        def to_pandas(self):
            return pd.DataFrame()
    with pytest.raises(TypeError, match=r"convert it with \.to_pandas\(\)"):
        read_transactions(FakePolars())


def test_excel_and_parquet(tmp_path):
    raw = pd.DataFrame({"客户": ["甲", "乙"], "日期": ["2024-05-01", "2024-05-02"], "金额": [10.5, 20.0]})
    raw.to_excel(tmp_path / "o.xlsx", index=False)
    raw.to_parquet(tmp_path / "o.parquet")
    for name in ("o.xlsx", "o.parquet"):
        tx, report = read_transactions(tmp_path / name, currency="CNY")
        assert tx["customer_id"].tolist() == ["甲", "乙"] and tx["amount"].tolist() == [10.5, 20.0]


def test_return_flag_column_is_read_and_odd_values_refused():
    raw = pd.DataFrame({"customer": ["a", "b"], "date": ["2024-01-01"] * 2, "amount": [5, 5], "退货": ["否", "是"]})
    tx, _ = read_transactions(raw)
    assert tx["is_return"].tolist() == [False, True] and tx["amount"].tolist() == [5, -5]
    raw["退货"] = ["否", "maybe"]
    with pytest.raises(CRMDataError, match="'maybe'"):
        read_transactions(raw)


def test_the_library_runs_on_what_it_reads(tmp_path):
    from crmlearn.customers import summarize_customers
    path = _write(tmp_path, "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n"
                            "1,10.0,01/12/2010,2,5\n2,10.0,13/12/2010,1,5\nC3,10.0,13/12/2010,-1,5\n4,11.0,14/12/2010,3,1\n")
    tx, _ = read_transactions(path)
    customers = summarize_customers(tx, as_of="2010-12-31")
    assert customers.loc["10", "monetary"] == pytest.approx(10.0)
    assert customers.loc["11", "frequency"] == 1
