"""Tests for crmlearn.customers: the customer summary and the four indicator families."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlearn import CRMDataError
from crmlearn.customers import (
    characteristic_indicators,
    contact_indicators,
    financial_indicators,
    sales_by_year,
    summarize_customers,
    transaction_indicators,
)


@pytest.fixture
def tx():
    """Three customers worked by hand (dates in 2024; as_of defaults to 2024-03-31)."""
    return pd.DataFrame({
        "order_id": ["O1", "O2", "O2", "O3", "O4", "O5", "O6"],
        "customer_id": ["A", "A", "A", "B", "A", "C", "B"],
        "order_date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-02-01", "2024-01-15",
                                      "2024-02-10", "2024-03-31", "2024-03-01"]),
        "amount": [100.0, 200.0, 50.0, 400.0, -30.0, 10.0, 600.0],
        "cost": [60.0, 120.0, 30.0, 300.0, -18.0, 8.0, 450.0],
        "is_return": [False, False, False, False, True, False, False],
    })


@pytest.fixture
def course():
    import crmlearn

    return crmlearn.load_dataset("transactions")


# ---------------------------------------------------------------------------------------------
# summarize_customers: worked by hand
# ---------------------------------------------------------------------------------------------
def test_summary_by_hand(tx):
    s = summarize_customers(tx)
    assert list(s.index) == ["A", "B", "C"]
    assert s.index.name == "customer_id"
    a = s.loc["A"]
    # A: orders O1 (100) and O2 (two lines, 250), a return O4 of 30 -> 2 orders, net 320
    assert a["frequency"] == 2
    assert a["monetary"] == pytest.approx(320.0)
    assert a["avg_order_value"] == pytest.approx(160.0)
    assert a["n_returns"] == 1 and a["return_amount"] == pytest.approx(30.0)
    # last purchase 2024-02-01 (the return on 02-10 is not a purchase); as_of = 2024-03-31
    assert a["last_purchase"] == pd.Timestamp("2024-02-01")
    assert a["recency_days"] == 59
    assert a["tenure_days"] == 90
    # margin: (100-60) + (200-120) + (50-30) - (30-18) = 128
    assert a["margin"] == pytest.approx(128.0)
    assert a["margin_rate"] == pytest.approx(128 / 320)
    b = s.loc["B"]
    assert (b["frequency"], b["monetary"], b["recency_days"], b["tenure_days"]) == (2, 1000.0, 30, 76)
    assert s.loc["C", "recency_days"] == 0
    assert s["recency_days"].dtype == np.int64
    assert s.attrs["as_of"] == pd.Timestamp("2024-03-31")
    assert s.attrs["excluded_rows"] == 0


def test_summary_counts_rows_without_order_column(tx):
    s = summarize_customers(tx, order=None)
    assert s.loc["A", "frequency"] == 3  # the two lines of O2 count twice


def test_returns_booked_with_positive_sign_count_the_same(tx):
    positive = tx.assign(amount=tx["amount"].abs(), cost=tx["cost"].abs())
    pd.testing.assert_frame_equal(summarize_customers(positive), summarize_customers(tx))


def test_without_return_flag_negative_amounts_are_returns(tx):
    s = summarize_customers(tx.drop(columns="is_return"))
    assert s.loc["A", "n_returns"] == 1 and s.loc["A", "frequency"] == 2


def test_optional_columns(tx):
    s = summarize_customers(tx.drop(columns="cost"))
    assert "margin" not in s.columns
    assert "margin" not in summarize_customers(tx, cost=None).columns
    with pytest.raises(CRMDataError, match="column 'costs' not found"):
        summarize_customers(tx, cost="costs")


def test_as_of_excludes_later_transactions_and_reports_them(tx):
    s = summarize_customers(tx, as_of="2024-02-15")
    assert s.attrs["excluded_rows"] == 2  # C on 03-31 and B on 03-01
    assert s.attrs["excluded_customers"] == 1  # C only bought later
    assert list(s.index) == ["A", "B"]
    assert s.loc["B", "monetary"] == 400.0
    assert s.loc["A", "recency_days"] == 14


def test_as_of_later_than_data(tx):
    s = summarize_customers(tx, as_of=pd.Timestamp("2024-04-10"))
    assert s.loc["C", "recency_days"] == 10


def test_as_of_before_everything_is_an_error(tx):
    with pytest.raises(CRMDataError, match="every transaction is after as_of"):
        summarize_customers(tx, as_of="2023-01-01")
    with pytest.raises(CRMDataError, match="not a date"):
        summarize_customers(tx, as_of="yesterday-ish")


def test_customers_list_keeps_customers_without_purchases(tx):
    s = summarize_customers(tx, customers=["D", "A", "B", "C"])
    assert list(s.index) == ["D", "A", "B", "C"]
    assert s.loc["D", "frequency"] == 0 and s.loc["D", "monetary"] == 0
    assert np.isnan(s.loc["D", "recency_days"]) and pd.isna(s.loc["D", "first_purchase"])
    assert s["frequency"].dtype == np.int64


def test_customers_list_missing_someone_warns(tx):
    with pytest.warns(UserWarning, match="customers in the table but not in `customers`: 1 \\(first: 'C'\\)"):
        s = summarize_customers(tx, customers=pd.Index(["A", "B"]))
    assert list(s.index) == ["A", "B"]


def test_customers_list_from_master_table(tx):
    master = pd.DataFrame({"customer_id": ["A", "B", "C", "E"], "name": list("abce")})
    s = summarize_customers(tx, customers=master)
    assert list(s.index) == ["A", "B", "C", "E"]
    with pytest.raises(CRMDataError, match="more than once"):
        summarize_customers(tx, customers=["A", "A", "B", "C"])
    with pytest.raises(TypeError, match="customers must be"):
        summarize_customers(tx, customers=42)


def test_customer_with_only_returns_has_missing_recency():
    tx = pd.DataFrame({"customer_id": [1, 2], "order_date": pd.to_datetime(["2024-01-01", "2024-01-05"]),
                       "amount": [10.0, -5.0]})
    s = summarize_customers(tx)
    assert s.loc[2, "frequency"] == 0 and np.isnan(s.loc[2, "recency_days"])
    assert s["recency_days"].dtype == np.float64
    assert s.loc[1, "recency_days"] == 4


def test_text_dates_are_parsed(tx):
    text = tx.assign(order_date=tx["order_date"].dt.strftime("%Y-%m-%d"))
    pd.testing.assert_frame_equal(summarize_customers(text).drop(columns=["first_purchase", "last_purchase"]),
                                  summarize_customers(tx).drop(columns=["first_purchase", "last_purchase"]))


def test_integer_ids_give_the_same_as_text_ids(tx):
    ids = {"A": 10, "B": 5_000_000_000, "C": 7}  # a huge span takes the general path
    by_int = summarize_customers(tx.assign(customer_id=tx["customer_id"].map(ids)))
    compact = summarize_customers(tx.assign(customer_id=tx["customer_id"].map({"A": 3, "B": 1, "C": 2})))
    by_text = summarize_customers(tx)
    np.testing.assert_allclose(by_int.loc[[10, 5_000_000_000, 7], "monetary"], by_text["monetary"])
    np.testing.assert_allclose(compact.loc[[3, 1, 2], "monetary"], by_text["monetary"])
    assert list(compact.index) == [1, 2, 3]


def test_input_not_mutated(tx):
    before = tx.copy()
    summarize_customers(tx)
    transaction_indicators(tx)
    pd.testing.assert_frame_equal(tx, before)


# ---------------------------------------------------------------------------------------------
# summarize_customers: bad input
# ---------------------------------------------------------------------------------------------
def test_not_a_table():
    with pytest.raises(TypeError, match="must be a pandas DataFrame, got list"):
        summarize_customers([1, 2, 3])


def test_empty_table(tx):
    with pytest.raises(CRMDataError, match="empty"):
        summarize_customers(tx.iloc[:0])


def test_missing_column(tx):
    with pytest.raises(CRMDataError, match=r"summarize_customers: column 'monetary' not found\. Available: .*Pass amount="):
        summarize_customers(tx, amount="monetary")


def test_non_numeric_amount(tx):
    bad = tx.assign(amount=tx["amount"].astype(str).where(tx.index != 2, "lots"))
    with pytest.raises(CRMDataError, match="'amount' must be numeric.*'lots'"):
        summarize_customers(bad)


def test_missing_values(tx):
    bad = tx.assign(amount=tx["amount"].where(tx.index != 3))
    with pytest.raises(CRMDataError, match="1 row has a missing 'amount' value \\(first: customer B\\)"):
        summarize_customers(bad)


def test_bad_dates(tx):
    bad = tx.assign(order_date=["2024-01-01", "2024-02-01", "not a date", "2024-01-15", "2024-02-10",
                                "2024-03-31", "2024-03-01"])
    with pytest.raises(CRMDataError, match=r"summarize_customers: column 'order_date' must hold dates; 1 row has a value that is not a date \(first: customer A, value 'not a date'\)"):
        summarize_customers(bad)
    with pytest.raises(TypeError, match="must hold dates"):   # issue 8: a wrong type is a TypeError
        summarize_customers(tx.assign(order_date=range(7)))


def test_bad_return_flag(tx):
    assert summarize_customers(tx.assign(is_return=np.where(tx["is_return"], "yes", "no"))).loc["A", "n_returns"] == 1
    with pytest.raises(CRMDataError, match="must be true/false, found 'maybe'"):
        summarize_customers(tx.assign(is_return=["no"] * 6 + ["maybe"]))


# ---------------------------------------------------------------------------------------------
# invariants on generated transactions
# ---------------------------------------------------------------------------------------------
@st.composite
def transactions(draw):
    n = draw(st.integers(1, 60))
    cust = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    days = draw(st.lists(st.integers(0, 400), min_size=n, max_size=n))
    amount = draw(st.lists(st.floats(-500, 5000, allow_nan=False, allow_infinity=False), min_size=n, max_size=n))
    return pd.DataFrame({
        "customer_id": [f"C{c}" for c in cust],
        "order_date": pd.Timestamp("2023-01-01") + pd.to_timedelta(days, unit="D"),
        "amount": amount,
    })


@settings(max_examples=60, deadline=None)
@given(transactions())
def test_summary_invariants(data):
    before = data.copy()
    s = summarize_customers(data)
    pd.testing.assert_frame_equal(data, before)
    assert set(s.index) == set(data["customer_id"])
    assert s.index.is_monotonic_increasing
    assert s["monetary"].sum() == pytest.approx(data["amount"].sum(), abs=1e-6)
    assert s["frequency"].sum() == (data["amount"] >= 0).sum()
    assert s["n_returns"].sum() == (data["amount"] < 0).sum()
    assert s["return_amount"].sum() == pytest.approx(-data.loc[data["amount"] < 0, "amount"].sum(), abs=1e-6)
    bought = s["frequency"] > 0
    assert (s.loc[bought, "recency_days"] >= 0).all()
    assert (s.loc[bought, "recency_days"] <= s.loc[bought, "tenure_days"]).all()
    assert s.loc[~bought, "recency_days"].isna().all()


# ---------------------------------------------------------------------------------------------
# transaction indicators
# ---------------------------------------------------------------------------------------------
def test_transaction_indicators_by_hand(tx):
    ind = transaction_indicators(tx)
    a = ind.loc["A"]
    assert a["n_transactions"] == 2
    assert a["amount"] == pytest.approx(320.0)
    assert a["profit"] == pytest.approx(128.0)
    assert a["gross_margin_rate"] == pytest.approx(0.4)
    assert a["max_transaction_amount"] == pytest.approx(250.0)  # order O2 = two lines
    assert a["avg_transaction_amount"] == pytest.approx(160.0)
    assert a["avg_cycle_days"] == pytest.approx(31.0)  # 2024-01-01 -> 2024-02-01
    assert (a["return_amount"], a["n_returns"]) == (30.0, 1)
    assert np.isnan(ind.loc["C", "avg_cycle_days"])
    assert ind.loc["B", "avg_cycle_days"] == pytest.approx(46.0)
    # expected sales = net amount in the last 60 days before 2024-03-31 (from 2024-01-31 on)
    short = transaction_indicators(tx, period_days=60)
    assert short.loc["A", "expected_sales"] == pytest.approx(220.0)
    assert short.loc["B", "expected_sales"] == pytest.approx(600.0)


def test_transaction_indicators_customers_and_errors(tx):
    ind = transaction_indicators(tx, customers=["A", "B", "C", "Z"])
    assert ind.loc["Z", "n_transactions"] == 0 and np.isnan(ind.loc["Z", "max_transaction_amount"])
    with pytest.raises(CRMDataError, match="period_days must be at least 1"):
        transaction_indicators(tx, period_days=0)


def test_cycle_is_mean_gap_between_purchases():
    dates = pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-10", "2024-02-09"])
    tx = pd.DataFrame({"customer_id": ["X"] * 4, "order_date": dates, "amount": [1.0] * 4})
    gaps = np.diff(dates.values).astype("timedelta64[D]").astype(float)
    assert transaction_indicators(tx).loc["X", "avg_cycle_days"] == pytest.approx(gaps.mean())


# ---------------------------------------------------------------------------------------------
# financial indicators
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def payments():
    return pd.DataFrame({
        "customer_id": ["C1", "C1", "C2", "C3"],
        "invoice_date": pd.to_datetime(["2024-01-10", "2024-02-10", "2024-01-15", "2024-03-05"]),
        "invoice_amount": [1000.0, 500.0, 800.0, 300.0],
        "payment_date": pd.to_datetime(["2024-02-09", None, "2024-01-25", "2024-03-10"]),
        "payment_amount": [1000.0, np.nan, 800.0, 100.0],
    })


def test_financial_indicators_by_hand(payments):
    fin = financial_indicators(payments, as_of="2024-03-31")
    c1 = fin.loc["C1"]
    # month ends Jan 31, Feb 29, Mar 31: owed 1000, 500, 500; invoiced to date 1000, 1500, 1500
    assert c1["avg_amount_owed"] == pytest.approx(2000 / 3)
    assert c1["arrears_rate"] == pytest.approx(2000 / 4000)
    assert c1["outstanding"] == 500 and c1["n_invoices"] == 2
    assert (c1["max_payment"], c1["avg_payment"], c1["avg_collection_days"]) == (1000.0, 1000.0, 30.0)
    c3 = fin.loc["C3"]  # partly paid in March: owed 0, 0, 200
    assert c3["avg_amount_owed"] == pytest.approx(200 / 3)
    assert c3["arrears_rate"] == pytest.approx(200 / 300)
    assert fin.loc["C2", "outstanding"] == 0


def test_financial_as_of_ignores_later_payments(payments):
    fin = financial_indicators(payments, as_of="2024-02-01")
    assert fin.loc["C1", "outstanding"] == 1000  # paid on 02-09, after as_of
    assert np.isnan(fin.loc["C1", "avg_collection_days"])
    assert "C3" not in fin.index and fin.attrs["excluded_rows"] == 2


def test_financial_bad_input(payments):
    early = payments.assign(payment_date=pd.to_datetime(["2024-01-01", None, "2024-01-25", "2024-03-10"]))
    with pytest.raises(CRMDataError, match="dated before their invoice \\(first: customer C1\\)"):
        financial_indicators(early)
    with pytest.raises(CRMDataError, match="negative 'invoice_amount'"):
        financial_indicators(payments.assign(invoice_amount=[1000.0, -5.0, 800.0, 300.0]))
    with pytest.raises(CRMDataError, match="missing 'invoice_date'"):
        financial_indicators(payments.assign(invoice_date=payments["invoice_date"].where(payments.index != 1)))
    with pytest.raises(CRMDataError, match="column 'paid' not found"):
        financial_indicators(payments, payment_amount="paid")
    with pytest.raises(CRMDataError, match="empty"):
        financial_indicators(payments.iloc[:0])


def test_financial_customers_without_invoices(payments):
    fin = financial_indicators(payments, customers=["C1", "C2", "C3", "C9"])
    assert fin.loc["C9", "n_invoices"] == 0 and fin.loc["C9", "avg_amount_owed"] == 0
    assert np.isnan(fin.loc["C9", "arrears_rate"])


def test_financial_on_time_share_by_hand():
    pay = pd.DataFrame({
        "customer_id": ["A", "A", "A", "A", "B", "B", "C"],
        "invoice_date": pd.to_datetime(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30",
                                        "2024-01-15", "2024-04-20", "2024-04-25"]),
        "invoice_amount": [100.0, 100.0, 100.0, 100.0, 50.0, 50.0, 10.0],
        "due_date": pd.to_datetime(["2024-03-01", "2024-03-30", "2024-04-30", "2024-05-30",
                                    "2024-01-15", "2024-04-20", "2024-05-25"]),
        # A: on the due date; 5 days late; paid in part on time; not yet due and unpaid (open)
        # B: 3 days late; unpaid and overdue. C: only an open invoice.
        "payment_date": pd.to_datetime(["2024-03-01", "2024-04-04", "2024-04-29", None,
                                        "2024-01-18", None, None]),
        "payment_amount": [100.0, 100.0, 60.0, np.nan, 50.0, np.nan, np.nan],
    })
    before = pay.copy()
    fin = financial_indicators(pay, as_of="2024-05-15")
    pd.testing.assert_frame_equal(pay, before)
    # A: 1 on time of 3 decided (the part-paid one is overdue by 2024-05-15); B: 0 of 2; C: none decided
    assert fin.loc["A", "on_time_share"] == pytest.approx(1 / 3)
    assert fin.loc["B", "on_time_share"] == 0.0
    assert np.isnan(fin.loc["C", "on_time_share"])
    graced = financial_indicators(pay, as_of="2024-05-15", grace_days=5)
    assert graced.loc["A", "on_time_share"] == pytest.approx(2 / 3)     # 5 days late is within 5 days' grace
    assert graced.loc["B", "on_time_share"] == 0.5
    # on 2024-04-30 A's third invoice is still open (due that day, part-paid), so 1 of 2
    assert financial_indicators(pay, as_of="2024-04-30").loc["A", "on_time_share"] == 0.5
    # the columns that were there before do not change
    pd.testing.assert_frame_equal(fin.drop(columns="on_time_share"),
                                  financial_indicators(pay.drop(columns="due_date"), as_of="2024-05-15"))
    assert "on_time_share" not in financial_indicators(pay, due_date=None).columns
    renamed = pay.rename(columns={"due_date": "due"})
    assert "on_time_share" not in financial_indicators(renamed).columns
    pd.testing.assert_series_equal(financial_indicators(renamed, due_date="due", as_of="2024-05-15")["on_time_share"],
                                   fin["on_time_share"])
    full = financial_indicators(pay, as_of="2024-05-15", customers=["A", "B", "C", "D"])
    assert np.isnan(full.loc["D", "on_time_share"])


def test_financial_on_time_share_bad_input(payments):
    with_due = payments.assign(due_date=payments["invoice_date"] + pd.Timedelta(days=30))
    with pytest.raises(CRMDataError, match="column 'due' not found"):
        financial_indicators(with_due, due_date="due")
    with pytest.raises(CRMDataError, match="grace_days must be at least 0"):
        financial_indicators(with_due, grace_days=-1)
    with pytest.raises(TypeError, match="grace_days"):
        financial_indicators(with_due, grace_days=1.5)
    with pytest.raises(CRMDataError, match="missing 'due_date'"):
        financial_indicators(with_due.assign(due_date=with_due["due_date"].where(with_due.index != 2)))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 60), st.integers(0, 60), st.booleans()),
                min_size=1, max_size=30), st.integers(0, 10))
def test_financial_on_time_share_is_a_share_and_grace_only_helps(rows, grace):
    start = pd.Timestamp("2024-01-01")
    pay = pd.DataFrame({
        "customer_id": [f"C{r[0]}" for r in rows],
        "invoice_date": [start] * len(rows),
        "invoice_amount": 100.0,
        "due_date": [start + pd.Timedelta(days=r[1]) for r in rows],
        "payment_date": [start + pd.Timedelta(days=r[2]) if r[3] else pd.NaT for r in rows],
        "payment_amount": [100.0 if r[3] else np.nan for r in rows],
    })
    strict = financial_indicators(pay, as_of="2024-04-30")["on_time_share"]
    loose = financial_indicators(pay, as_of="2024-04-30", grace_days=grace)["on_time_share"]
    assert strict.between(0, 1).all() and loose.between(0, 1).all()    # every invoice is decided by April
    assert (loose >= strict - 1e-12).all()


# ---------------------------------------------------------------------------------------------
# contact indicators
# ---------------------------------------------------------------------------------------------
def test_contact_indicators_by_hand():
    log = pd.DataFrame({"customer_id": ["C1"] * 5 + ["C2"],
                        "contact_type": ["complaint", "praise", "task", "process_step", "complaint", "suggestion"]})
    ind = contact_indicators(log)
    assert ind.loc["C1"].to_dict() == pytest.approx({
        "n_contacts": 5, "n_tasks": 1, "n_processes": 1, "n_praise": 1, "n_complaints": 2, "n_suggestions": 0,
        "praise_ratio": 0.2, "complaint_ratio": 0.4, "suggestion_ratio": 0.0})
    assert ind.loc["C2", "suggestion_ratio"] == 1.0
    renamed = contact_indicators(log.replace({"process_step": "case"}), types={"process": "case"})
    assert renamed.loc["C1", "n_processes"] == 1
    padded = contact_indicators(log, customers=["C1", "C2", "C3"])
    assert padded.loc["C3", "n_contacts"] == 0 and np.isnan(padded.loc["C3", "complaint_ratio"])
    with pytest.raises(CRMDataError, match="unknown key 'praises'"):
        contact_indicators(log, types={"praises": "praise"})
    with pytest.raises(TypeError, match="types must be a dict"):
        contact_indicators(log, types=["praise"])
    with pytest.raises(CRMDataError, match="missing 'contact_type'"):
        contact_indicators(log.assign(contact_type=[None, "praise", "task", "task", "task", "task"]))


# ---------------------------------------------------------------------------------------------
# characteristic indicators
# ---------------------------------------------------------------------------------------------
def test_characteristic_indicators():
    master = pd.DataFrame({
        "customer_id": ["C1", "C2", "C3"],
        "customer_kind": ["organisation", "individual", "organisation"],
        "size": ["large", "small", "micro"],
        "industry": ["IT", None, "finance"],
        "age": [40, 35, 50],
        "has_car": [True, False, True],
        "notes": ["x", "y", "z"],
    })
    ch = characteristic_indicators(master)
    assert list(ch.columns) == ["customer_kind", "size", "industry", "age", "has_car"]
    assert pd.isna(ch.loc["C2", "size"]) and pd.isna(ch.loc["C1", "age"]) and pd.isna(ch.loc["C3", "has_car"])
    assert ch.loc["C2", "age"] == 35
    raw = characteristic_indicators(master, kind=None, organisation=["size"], individual=["age"])
    assert list(raw.columns) == ["size", "age"] and raw.loc["C1", "age"] == 40
    with pytest.raises(CRMDataError, match="column 'revenue' not found"):
        characteristic_indicators(master, organisation=["revenue"])
    with pytest.raises(CRMDataError, match="appears more than once"):
        characteristic_indicators(pd.concat([master, master.iloc[:1]]))


def test_indicator_families_join_on_customer_id(tx):
    log = pd.DataFrame({"customer_id": ["A", "C"], "contact_type": ["praise", "complaint"]})
    master = pd.DataFrame({"customer_id": ["A", "B", "C"], "customer_kind": ["individual"] * 3, "age": [1, 2, 3]})
    joined = transaction_indicators(tx).join(contact_indicators(log, customers=master)).join(
        characteristic_indicators(master))
    assert list(joined.index) == ["A", "B", "C"]
    assert joined.loc["B", "n_contacts"] == 0 and joined.loc["C", "age"] == 3


# ---------------------------------------------------------------------------------------------
# real data
# ---------------------------------------------------------------------------------------------
def test_cdnow_calibration_summary(shared_data):
    """CDNOW 1/10 sample, 39-week calibration to 1997-09-30, as summarised for Fader, Hardie & Lee (2005).

    Repeat purchases (x) = distinct purchase days - 1; t_x = weeks from first to last purchase; T = weeks
    from first purchase to the end of calibration. Source: cdnow_customers_summary.csv (see ../shared/data).
    """
    raw = pd.read_csv(shared_data / "cdnow" / "CDNOW_sample.txt", sep=r"\s+", header=None,
                      names=["master_id", "id", "date", "cds", "dollars"], dtype={"date": str})
    raw["date"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    s = summarize_customers(raw, customer="id", date="date", amount="dollars", as_of="1997-09-30", order="date")
    ref = pd.read_csv(shared_data / "cdnow" / "cdnow_customers_summary.csv").set_index("ID")
    assert len(s) == len(ref) == 2357
    s = s.loc[ref.index]
    np.testing.assert_array_equal(s["frequency"] - 1, ref["frequency"])
    np.testing.assert_allclose(((s["tenure_days"] - s["recency_days"]) / 7).round(2), ref["recency"], atol=0.006)
    np.testing.assert_allclose((s["tenure_days"] / 7).round(2), ref["T"], atol=0.006)
    assert s.attrs["excluded_rows"] > 0 and s.attrs["excluded_customers"] == 0


def test_course_transactions(course):
    s = summarize_customers(course)
    assert s["monetary"].sum() == pytest.approx(course["amount"].sum())
    assert s.index.is_unique and len(s) == course["customer_id"].nunique()
    assert (s["frequency"] >= 1).all()
    assert s["n_returns"].sum() > 0 and (s["margin"] < 0).any()  # planted: some customers lose money
    ind = transaction_indicators(course)
    assert (ind["max_transaction_amount"] >= ind["avg_transaction_amount"] - 1e-9).all()


def test_lost_tenders_are_not_purchases(tx):
    # a lost tender booked as a zero-amount line after A's last purchase changes nothing
    lost = pd.DataFrame({"order_id": ["O9"], "customer_id": ["A"], "order_date": pd.to_datetime(["2024-03-20"]),
                         "amount": [0.0], "cost": [0.0], "is_return": [False], "tender_result": ["lost"]})
    with_lost = pd.concat([tx.assign(tender_result="n/a"), lost], ignore_index=True)
    pd.testing.assert_frame_equal(summarize_customers(with_lost), summarize_customers(tx))
    ti, ti_lost = transaction_indicators(tx), transaction_indicators(with_lost)
    assert ti_lost.loc["A", "n_transactions"] == ti.loc["A", "n_transactions"] == 2
    # ignoring the column counts the bid as an order dated 2024-03-20
    counted = summarize_customers(with_lost, tender=None)
    assert counted.loc["A", "frequency"] == 3 and counted.loc["A", "last_purchase"] == pd.Timestamp("2024-03-20")


def test_course_lost_tenders_do_not_count_as_orders(course):
    lost = course["tender_result"].astype(str).eq("lost")
    assert lost.any()
    s = summarize_customers(course)
    s_without = summarize_customers(course[~lost])
    pd.testing.assert_series_equal(s.loc[s_without.index, "frequency"], s_without["frequency"])
    pd.testing.assert_series_equal(s.loc[s_without.index, "last_purchase"], s_without["last_purchase"])


# ---------------------------------------------------------------------------------------------
# number of product lines bought; sales by year
# ---------------------------------------------------------------------------------------------
def test_n_product_lines_by_hand(tx):
    lines = tx.assign(product_line=["paper", "ink", "paper", "paper", "furniture", "ink", "paper"],
                      tender_result="n/a")
    lost = pd.DataFrame({"order_id": ["O9"], "customer_id": ["B"], "order_date": pd.to_datetime(["2024-03-20"]),
                         "amount": [0.0], "cost": [0.0], "is_return": [False], "tender_result": ["lost"],
                         "product_line": ["furniture"]})
    data = pd.concat([lines, lost], ignore_index=True)
    before = data.copy()
    ind = transaction_indicators(data, customers=["A", "B", "C", "Z"])
    pd.testing.assert_frame_equal(data, before)
    # A bought paper and ink (the furniture row is a return); B paper only (its furniture bid was lost)
    assert ind["n_product_lines"].tolist() == [2, 1, 1, 0]
    assert ind["n_product_lines"].dtype.kind == "i"
    # the other indicators do not change
    pd.testing.assert_frame_equal(ind.drop(columns="n_product_lines"),
                                  transaction_indicators(tx, customers=["A", "B", "C", "Z"]))


def test_n_product_lines_optional_column(tx):
    assert "n_product_lines" not in transaction_indicators(tx).columns          # no column: left out
    lines = tx.assign(product_line="paper")
    assert "n_product_lines" not in transaction_indicators(lines, product_line=None).columns
    renamed = tx.assign(category=["a", "b", "a", "a", "a", "a", "a"])
    assert transaction_indicators(renamed, product_line="category").loc["A", "n_product_lines"] == 2
    with pytest.raises(CRMDataError, match="column 'line' not found.*Pass product_line="):
        transaction_indicators(tx, product_line="line")
    with pytest.raises(CRMDataError, match="missing 'product_line'"):
        transaction_indicators(tx.assign(product_line=["paper", None, "ink", "ink", "ink", "ink", "ink"]))


def test_course_product_lines(course):
    ind = transaction_indicators(course)
    direct = course[(course["amount"] > 0) & ~course["is_return"]].groupby("customer_id")["product_line"].nunique()
    pd.testing.assert_series_equal(ind["n_product_lines"], direct.rename("n_product_lines"), check_dtype=False)
    assert ind["n_product_lines"].max() <= course["product_line"].nunique()


def test_sales_by_year_by_hand(tx):
    more = pd.concat([tx, pd.DataFrame({"order_id": ["O7"], "customer_id": ["B"],
                                        "order_date": pd.to_datetime(["2022-12-31"]), "amount": [5.0],
                                        "cost": [1.0], "is_return": [False]})], ignore_index=True)
    before = more.copy()
    years = sales_by_year(more, customers=["A", "B", "C", "Z"])
    pd.testing.assert_frame_equal(more, before)
    assert list(years.columns) == [2022, 2023, 2024] and years.columns.name == "year"
    assert list(years.index) == ["A", "B", "C", "Z"] and years.index.name == "customer_id"
    # A: 100 + 250 - 30 (a return) in 2024; B: 5 in 2022, 1,000 in 2024; nobody bought in 2023
    assert years.loc["A"].tolist() == [0.0, 0.0, 320.0]
    assert years.loc["B"].tolist() == [5.0, 0.0, 1000.0]
    assert years.loc["Z"].tolist() == [0.0, 0.0, 0.0]
    s = summarize_customers(more)
    np.testing.assert_allclose(years.loc[s.index].sum(axis=1), s["monetary"])
    with pytest.raises(CRMDataError, match="sales_by_year: column 'when' not found"):
        sales_by_year(tx, date="when")


def test_course_sales_by_year_add_up_to_monetary(course):
    years = sales_by_year(course)
    assert list(years.columns) == [2023, 2024]
    np.testing.assert_allclose(years.sum(axis=1), summarize_customers(course)["monetary"])
