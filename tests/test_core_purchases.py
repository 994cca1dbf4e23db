"""Issue 8: one purchase rule through every function that counts purchases."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmlearn.clv import rfm_summary
from crmlearn.customers import summarize_customers, transaction_indicators
from crmlearn.overview import monthly_revenue
from crmlearn.retention import cohort_table


@pytest.fixture
def tx():
    # A: two purchases and a cancelled 168,000 order; B: one purchase and a lost tender; C: one purchase
    return pd.DataFrame({
        "customer_id": ["A", "A", "A", "A", "B", "B", "C"],
        "order_date": pd.to_datetime(["2024-01-05", "2024-02-10", "2024-03-01", "2024-03-01",
                                      "2024-01-20", "2024-02-20", "2024-02-02"]),
        "amount": [2.0, 0.9, 168_000.0, 168_000.0, 50.0, 900.0, 30.0],
        "is_return": [False, False, False, True, False, False, False],
        "tender_result": ["won", "won", "won", "won", "won", "lost", "won"],
    })


def test_every_function_counts_the_same_purchases(tx):
    s = summarize_customers(tx)
    assert s["frequency"].to_dict() == {"A": 3, "B": 1, "C": 1}
    assert transaction_indicators(tx)["n_transactions"].to_dict() == {"A": 3, "B": 1, "C": 1}
    r = rfm_summary(tx, amount="amount")
    # distinct purchase days minus one: A bought on 3 days, B and C once (the lost tender is no purchase)
    assert (r["frequency"] + 1).to_dict() == {"A": 3, "B": 1, "C": 1}
    c = cohort_table(tx, values="count")
    assert c.iloc[:, 0].sum() == 3             # three customers acquired
    assert c.loc[pd.Period("2024-01", "M")].iloc[1] == 1   # February: only A bought again (B's bid was lost)


def test_a_cancelled_order_adds_no_value(tx):
    s = summarize_customers(tx)
    assert s.loc["A", "monetary"] == pytest.approx(2.9)
    assert s.loc["B", "monetary"] == pytest.approx(50.0)
    r = rfm_summary(tx, amount="amount")
    # A's repeat spend: 0.9 + 168,000 - 168,000 over two repeat days
    assert r.loc["A", "monetary_value"] == pytest.approx(0.45)
    assert r["monetary_value"].max() < 1.0


def test_monthly_revenue_nets_returns_and_skips_lost_tenders(tx):
    m = monthly_revenue(tx)
    assert m["revenue"].to_dict() == {pd.Timestamp("2024-01-01"): 52.0, pd.Timestamp("2024-02-01"): 30.9,
                                      pd.Timestamp("2024-03-01"): 0.0}


def test_monthly_revenue_refuses_a_missing_amount(tx):
    from crmlearn import CRMDataError
    bad = tx.assign(amount=tx["amount"].where(tx.index != 1))
    with pytest.raises(CRMDataError, match="monthly_revenue: 1 row has a missing 'amount' value"):
        monthly_revenue(bad)


def test_inputs_not_mutated(tx):
    before = tx.copy()
    summarize_customers(tx), rfm_summary(tx, amount="amount"), cohort_table(tx), monthly_revenue(tx)
    pd.testing.assert_frame_equal(tx, before)
