"""The welcome chapter's helpers: monthly revenue, column profiles, their charts and the data explorer."""
from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

import crmlearn
from crmlearn import CRMDataError
from crmlearn.overview import column_profile, monthly_revenue


@pytest.fixture
def tx():
    return pd.DataFrame({
        "order_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-03-02", "2024-03-31"]),
        "amount": [100.0, 50.0, 80.0, -20.0],
        "channel": ["web", "phone", "web", "web"],
    })


def test_monthly_revenue_fills_empty_months_and_keeps_total(tx):
    before = tx.copy()
    out = monthly_revenue(tx)
    assert list(out.index) == list(pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]))
    assert out["revenue"].tolist() == [150.0, 0.0, 60.0]
    assert out["revenue"].sum() == tx["amount"].sum()
    pd.testing.assert_frame_equal(tx, before)


def test_monthly_revenue_by_column(tx):
    out = monthly_revenue(tx, by="channel")
    assert sorted(out.columns) == ["phone", "web"]
    assert out.loc["2024-01-01"].to_dict() == {"phone": 50.0, "web": 100.0}
    assert out.loc["2024-02-01"].sum() == 0.0


def test_monthly_revenue_quarters(tx):
    out = monthly_revenue(tx, freq="QS")
    assert out["revenue"].tolist() == [210.0]


def test_monthly_revenue_on_course_data_matches_total():
    tx = crmlearn.load_dataset("transactions")
    out = monthly_revenue(tx)
    assert len(out) == 24
    assert np.isclose(out["revenue"].sum(), tx["amount"].sum())


def test_monthly_revenue_errors(tx):
    with pytest.raises(CRMDataError, match=r"monthly_revenue: column 'date' not found.*Pass date='order_date'"):
        monthly_revenue(tx, date="date")
    with pytest.raises(CRMDataError, match="must be numeric"):
        monthly_revenue(tx.assign(amount=["1", "x", "2", "3"]))
    with pytest.raises(CRMDataError, match=r"freq='M' is not allowed"):
        monthly_revenue(tx, freq="M")
    with pytest.raises(CRMDataError, match="1 row has a missing 'order_date'"):
        monthly_revenue(tx.assign(order_date=tx["order_date"].where(tx["amount"] > 0)))


def test_column_profile_kinds():
    df = pd.DataFrame({"region": list("aabcdefghijkl") + [None], "x": np.arange(14.0),
                       "d": pd.date_range("2024-01-01", periods=14)})
    cat = column_profile(df, "region", max_categories=3)
    assert cat.index.tolist() == ["a", "b", "c", "(other)", "(missing)"]
    assert cat.sum() == len(df)
    num = column_profile(df, "x")
    assert num["count"] == 14 and num["missing"] == 0 and num["mean"] == 6.5
    dates = column_profile(df, "d")
    assert dates["first"] == pd.Timestamp("2024-01-01") and dates["count"] == 14
    with pytest.raises(CRMDataError, match="column 'y' not found"):
        column_profile(df, "y")


def test_charts_draw(tx):
    matplotlib.use("Agg")
    from crmlearn.plots import column_chart, revenue_chart

    ax = revenue_chart(monthly_revenue(tx, by="channel"))
    assert len(ax.collections) == 2 and ax.get_ylabel().startswith("net revenue")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["phone", "web"]
    ax = revenue_chart(monthly_revenue(tx))
    assert len(ax.lines) == 1
    import matplotlib.pyplot as plt

    for col, kind in (("amount", "patches"), ("channel", "patches"), ("order_date", "patches")):
        fig, ax = plt.subplots()
        column_chart(tx, col, ax=ax)
        assert len(getattr(ax, kind)) > 0


def test_dataset_explorer_redraws_on_change():
    from crmlearn.widgets import dataset_explorer

    box = dataset_explorer("customers", "region")
    pick, col = box.controls.values()
    assert col.value == "region"
    pick.value = "survey"
    assert "overall_satisfaction" in col.options and col.value in col.options
    col.value = "overall_satisfaction"
    assert box.last["dataset"] == "survey" and box.last["column"] == "overall_satisfaction"
    assert box.last["profile"]["count"] == 800
    assert len(box.last["axes"].patches) > 0 and "survey.overall_satisfaction" in box.last["axes"].get_title()
