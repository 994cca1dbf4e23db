"""Issue 8: the one date reader (crmlearn._core.dates) as every function sees it."""
from __future__ import annotations

import pandas as pd
import pytest

from crmlearn import CRMDataError
from crmlearn.clv import rfm_summary
from crmlearn.customers import summarize_customers
from crmlearn.retention import churn_rate


def _tx(dates):
    return pd.DataFrame({"customer_id": ["C1", "C2", "C3"], "order_date": dates, "amount": [1.0, 2.0, 3.0]})


@pytest.mark.parametrize("bad", ["", "NaT", "soon"])
@pytest.mark.parametrize("func", [summarize_customers, rfm_summary, churn_rate])
def test_text_that_is_not_a_date_names_function_column_and_customer(func, bad):
    with pytest.raises(CRMDataError, match=rf"{func.__name__}: column 'order_date' must hold dates.*first: customer C2, value '{bad}'"):
        func(_tx(["2024-01-01", bad, "2024-01-03"]))


def test_mixed_offsets_are_converted_to_utc():
    tx = _tx(["2024-01-01T23:30:00+08:00", "2024-01-01T10:00:00Z", "2024-01-02T01:00:00-05:00"])
    s = summarize_customers(tx, as_of="2024-01-03")
    # 23:30 +08:00 is 15:30 UTC on 1 January; 01:00 -05:00 is 06:00 UTC on 2 January
    assert s["last_purchase"].dt.day.to_dict() == {"C1": 1, "C2": 1, "C3": 2}


def test_tz_aware_dates_give_the_same_day_counts_everywhere():
    naive = pd.to_datetime(["2024-01-01 20:00", "2024-01-05 20:00", "2024-01-09 20:00"])
    aware = naive.tz_localize("UTC").tz_convert("Asia/Shanghai")   # the local dates move a day on
    tx = pd.DataFrame({"customer_id": ["A", "A", "B"], "order_date": naive, "amount": [1.0, 2.0, 3.0]})
    tz = tx.assign(order_date=aware)
    pd.testing.assert_frame_equal(rfm_summary(tx), rfm_summary(tz))
    a, b = summarize_customers(tx), summarize_customers(tz)
    assert (a["recency_days"] == b["recency_days"]).all() and (a["tenure_days"] == b["tenure_days"]).all()
    pd.testing.assert_frame_equal(churn_rate(tx, period="D"), churn_rate(tz, period="D"))


def test_numbers_are_not_dates():
    with pytest.raises(TypeError, match="rfm_summary: column 'order_date' must hold dates, found dtype int64"):
        rfm_summary(_tx([20240101, 20240102, 20240103]))
