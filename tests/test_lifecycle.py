"""Tests for crmlearn.lifecycle (chapter 1): hand-worked examples and bad input."""
from __future__ import annotations

import pandas as pd
import pytest

import crmlearn
from crmlearn import lifecycle
from crmlearn._validation import CRMDataError


def _tx():
    return pd.DataFrame({
        "customer_id": ["A", "A", "B", "C", "C", "D", "E", "E"],
        "order_date": pd.to_datetime(["2023-03-01", "2024-03-01", "2024-06-01", "2023-02-01", "2024-02-01",
                                      "2022-01-01", "2023-05-01", "2024-05-01"]),
        "amount": [100.0, 200.0, 50.0, 100.0, 50.0, 10.0, 100.0, 105.0],
    })


def test_lifecycle_stage_hand_worked():
    out = lifecycle.lifecycle_stage(_tx(), as_of="2024-12-31")
    # A doubled (growth), B first bought this year, C halved, D silent > 1 year, E +5% (within 10%)
    assert out["stage"].astype(str).to_dict() == {"A": "growth", "B": "acquisition", "C": "decline",
                                                  "D": "lost", "E": "maturity"}
    assert out.loc["A", "revenue_last"] == 200.0 and out.loc["A", "revenue_before"] == 100.0
    assert list(out["stage"].cat.categories) == list(lifecycle.STAGES)


def test_lifecycle_stage_ignores_later_purchases_and_bad_input():
    tx = _tx()
    before = tx.copy()
    out = lifecycle.lifecycle_stage(tx, as_of="2023-12-31")
    pd.testing.assert_frame_equal(tx, before)
    assert out.loc["A", "stage"] == "acquisition"  # only the 2023 order counts
    assert "B" not in out.index
    with pytest.raises(CRMDataError, match="as_of"):
        lifecycle.lifecycle_stage(tx, as_of="soon")
    with pytest.raises(CRMDataError, match="'revenue'"):
        lifecycle.lifecycle_stage(tx, as_of="2024-12-31", amount="revenue")
    with pytest.raises(TypeError, match="numeric"):
        lifecycle.lifecycle_stage(tx.assign(amount="x"), as_of="2024-12-31")
    with pytest.raises(CRMDataError, match="no purchases"):
        lifecycle.lifecycle_stage(tx, as_of="2000-01-01")


def test_lifecycle_stage_data_start_and_first_order_column():
    tx = _tx()   # data start 2022-01-01
    # both windows must lie inside the data: as_of 2023-06-30 with one-year windows reaches back to 2021-07
    with pytest.raises(CRMDataError, match="not fully observed.*2023-12-31"):
        lifecycle.lifecycle_stage(tx, as_of="2023-06-30")
    # B first appears in the data in 2024, but the customer table says it has ordered since 2019
    cu = pd.DataFrame({"customer_id": ["A", "B", "C", "D", "E"],
                       "first_order_date": pd.to_datetime(["2023-03-01", "2019-05-05", None, "2022-01-01", "2023-05-01"])})
    out = lifecycle.lifecycle_stage(tx, as_of="2024-12-31", customers=cu)
    assert out.loc["B", "first_purchase"] == pd.Timestamp("2019-05-05")
    assert out.loc["B", "stage"] == "growth"          # no longer "acquisition": it bought nothing in the window before
    assert out.loc["C", "first_purchase"] == pd.Timestamp("2023-02-01")   # a missing since-date keeps the data's
    with pytest.raises(CRMDataError, match="'joined'"):
        lifecycle.lifecycle_stage(tx, as_of="2024-12-31", customers=cu, first_order="joined")
    with pytest.raises(CRMDataError, match="window_days"):
        lifecycle.lifecycle_stage(tx, as_of="2024-12-31", window_days=0)


def test_lifecycle_mix_counts_every_customer_at_each_cutoff():
    tx = _tx()
    mix = lifecycle.lifecycle_mix(tx, cutoffs=["2023-12-31", "2024-12-31"], normalize=False)
    assert list(mix.columns) == list(lifecycle.STAGES)
    # 2023-12-31: A, C, D, E have bought by then; 2024-12-31: all five
    assert mix.sum(axis=1).tolist() == [4, 5]
    assert mix.loc["2024-12-31"].to_dict() == {"acquisition": 1, "growth": 1, "maturity": 1, "decline": 1, "lost": 1}
    with pytest.raises(TypeError, match="cutoffs"):
        lifecycle.lifecycle_mix(tx, cutoffs="2024-12-31")


def test_revenue_at_risk_hand_worked():
    tx = pd.DataFrame({"customer_id": ["A", "A", "B", "C"], "amount": [50.0, 10.0, 30.0, 10.0]})
    cu = pd.DataFrame({"customer_id": ["A", "B", "C"], "account_manager_id": ["AM1", "AM2", None]})
    out = lifecycle.revenue_at_risk(tx, cu)
    assert out.index.tolist() == ["AM1", "AM2", "(none)"]
    assert out["revenue"].tolist() == [60.0, 30.0, 10.0]
    assert out["share"].sum() == pytest.approx(1.0)
    with pytest.raises(CRMDataError, match="not in customers"):
        lifecycle.revenue_at_risk(tx, cu.iloc[:2])
    with pytest.raises(CRMDataError, match="'owner_id'"):
        lifecycle.revenue_at_risk(tx, cu, owner="owner_id")


def test_revenue_at_risk_course_data_keeps_all_revenue():
    tx = crmlearn.load_dataset("transactions")
    cu = crmlearn.load_dataset("customers")
    out = lifecycle.revenue_at_risk(tx, cu)
    assert out["revenue"].sum() == pytest.approx(tx["amount"].sum())
    assert out["customers"].sum() == tx["customer_id"].nunique()


def test_arpu_change():
    r = lifecycle.arpu_change(0.10, 0.21)
    assert r["arpu_growth"] == pytest.approx(0.10)
    assert r["volume_without_revenue"] is False
    assert lifecycle.arpu_change(0.30, 0.0)["volume_without_revenue"] is True
    with pytest.raises(TypeError, match="subscriber_growth"):
        lifecycle.arpu_change("10%", 0.1)
    with pytest.raises(CRMDataError, match="-1"):
        lifecycle.arpu_change(0.1, -1.5)


def test_package_uplift():
    s = pd.DataFrame({"value_added_services": [0, 1], "monthly_fee_cny": [50.0, 150.0]})
    r = lifecycle.package_uplift(s, price_per_service=10.0, take_up=0.5)
    assert r["added_revenue"] == 10.0 and r["uplift"] == pytest.approx(0.05)
    with pytest.raises(CRMDataError, match="take_up"):
        lifecycle.package_uplift(s, take_up=2)


def test_plots_and_widgets_draw():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crmlearn.plots import lifecycle_mix_plot, revenue_at_risk_bars
    from crmlearn.widgets import gold_share_widget, manager_leaves_widget

    tx = crmlearn.load_dataset("transactions")
    cu = crmlearn.load_dataset("customers")
    fig, ax = plt.subplots()
    risk = lifecycle.revenue_at_risk(tx, cu)
    assert revenue_at_risk_bars(risk, highlight=risk.index[0], ax=ax) is ax
    mix = lifecycle.lifecycle_mix(tx, cutoffs=["2023-12-31", "2024-12-31"], window_days=182, customers=cu)
    assert mix.shape == (2, 5) and mix.sum(axis=1).round(9).eq(1).all()
    assert lifecycle_mix_plot(mix, ax=ax) is ax
    plt.close(fig)
    w = manager_leaves_widget(tx, cu)
    w.controls["manager"].value = risk.index[1]
    assert risk.index[1] in w.summary.value
    g = gold_share_widget(tx)
    g.controls["top"].value = 0.2
    assert "Top 20%" in g.summary.value
