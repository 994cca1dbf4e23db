"""The chapter 7-8 additions: complaint trend, needs, NPS cut-offs, customer costs, barriers, rate war, widgets."""
from __future__ import annotations

import json
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

import crmlearn
from crmlearn import CRMDataError
from crmlearn.loyalty import (LOYALTY_TACTICS, orders_before_survey, rate_war, switching_by_barrier,
                              switching_cost_index)
from crmlearn.satisfaction import (PSYCHOLOGICAL_NEEDS, complaint_trend, customer_costs, nps, nps_cutoffs,
                                   psychological_needs)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def contacts():
    return crmlearn.load_dataset("contacts")


@pytest.fixture(scope="module")
def survey():
    return crmlearn.load_dataset("survey")


# ---------------------------------------------------------------- complaint_trend
@pytest.mark.parametrize("freq", ["D", "W", "MS", "QS"])
def test_complaint_trend_counts_every_contact_and_complaint(contacts, freq):
    before = contacts.copy()
    t = complaint_trend(contacts, freq=freq)
    pd.testing.assert_frame_equal(contacts, before)                 # input not changed
    assert t["contacts"].sum() == len(contacts)
    assert t["complaints"].sum() == (contacts["contact_type"] == "complaint").sum()
    assert t.index.is_monotonic_increasing and t.index.is_unique
    assert t["first_time_rate"].dropna().between(0, 1).all()


def test_complaint_trend_rate_and_groups(contacts):
    t = complaint_trend(contacts, freq="YS", by="channel")
    comp = contacts[contacts["contact_type"] == "complaint"]
    y24 = comp[comp["contact_datetime"].dt.year == 2024]
    assert t.loc["2024-01-01", "first_time_rate"] == pytest.approx(y24["resolved_first_time"].astype(float).mean())
    assert t.loc["2024-01-01", "median_hours"] == pytest.approx(y24["resolution_hours"].median())
    groups = [c for c in t.columns if c.startswith("complaints_")]
    assert (t[groups].sum(axis=1) == t["complaints"]).all()
    # the planted improvement of first-contact resolution
    assert t["first_time_rate"].iloc[-1] > t["first_time_rate"].iloc[0] + 0.02


def test_complaint_trend_keeps_quiet_periods():
    log = pd.DataFrame({"contact_datetime": pd.to_datetime(["2024-01-01", "2024-03-15"]),
                        "contact_type": ["complaint", "task"], "resolved_first_time": [True, None],
                        "resolution_hours": [3.0, None]})
    t = complaint_trend(log, freq="MS")
    assert list(t["complaints"]) == [1, 0, 0] and np.isnan(t["first_time_rate"].iloc[1])


def test_complaint_trend_errors(contacts):
    with pytest.raises(CRMDataError, match="complaint_trend.*'contact_type'"):
        complaint_trend(contacts.drop(columns="contact_type"))
    with pytest.raises(CRMDataError, match="freq='fortnight'"):
        complaint_trend(contacts, freq="fortnight")
    with pytest.raises(TypeError, match="freq must be"):
        complaint_trend(contacts, freq=7)
    bad = contacts.head(3).copy()
    bad["contact_datetime"] = ["2024-01-01", "not a date", "2024-01-02"]
    with pytest.raises(CRMDataError, match="unreadable"):
        complaint_trend(bad)


# ---------------------------------------------------------------- needs, NPS cut-offs
def test_psychological_needs(survey):
    t = psychological_needs(survey)
    assert list(t["need"]) == list(t.sort_values("mean", ascending=False)["need"])
    assert set(t["need"]) == set(PSYCHOLOGICAL_NEEDS.index)
    assert t.set_index("need").loc["security", "mean"] == pytest.approx(survey["security_need"].mean())
    g = psychological_needs(survey.assign(src=survey["expectation_source"]), by="src")
    assert len(g) == 9 and (g.groupby("src")["n"].first().sum() == len(survey))
    with pytest.raises(CRMDataError):
        psychological_needs(survey.drop(columns="respect_need"))


def test_nps_cutoffs(survey):
    a = nps(survey)
    b = nps_cutoffs(survey["likelihood_to_recommend"])
    for k in ("nps", "promoters", "detractors", "ci_low", "ci_high"):
        assert b[k] == pytest.approx(a[k])
    wider = nps_cutoffs(survey["likelihood_to_recommend"], min_promoter=8)
    assert wider["promoters"] > a["promoters"] and wider["nps"] > a["nps"]
    with pytest.raises(CRMDataError, match="below min_promoter"):
        nps_cutoffs([1, 2, 3], min_promoter=6, max_detractor=6)
    with pytest.raises(CRMDataError, match="0 to 10"):
        nps_cutoffs([1, 2, 3], min_promoter=11)


# ---------------------------------------------------------------- customer costs
def test_customer_costs(survey):
    tx, con = crmlearn.load_dataset("transactions"), crmlearn.load_dataset("contacts")
    ids = list(survey["customer_id"]) + ["NOBODY"]
    c = customer_costs(tx, con, customers=ids, year=2023)
    assert list(c.index) == list(pd.unique(np.array(ids)))             # nobody lost, order kept
    assert (c.loc["NOBODY"] == 0).all()
    one = survey["customer_id"].iloc[0]
    t1 = tx[(tx["customer_id"] == one) & (tx["order_date"].dt.year == 2023) & (tx["tender_result"] != "lost")]
    assert c.loc[one, "money_cost"] == pytest.approx(t1["amount"].sum())
    assert (c["total_cost"] == c[["money_cost", "time_cost", "energy_cost"]].sum(axis=1)).all()
    double = customer_costs(tx, con, customers=ids, year=2023, hour_cost=300)
    assert (double["time_cost"] == 2 * c["time_cost"]).all()


# ---------------------------------------------------------------- loyalty additions
def test_switching_by_barrier_partitions_the_satisfied(survey):
    s = survey.assign(switching_cost_index=switching_cost_index(survey))
    t = switching_by_barrier(s)
    sat = s[s["overall_satisfaction"] >= 4]
    assert t["n"].sum() == len(sat) and t["switched"].sum() == sat["switched_within_12m"].sum()
    assert t.attrs["all_satisfied_rate"] == pytest.approx(sat["switched_within_12m"].mean())
    assert list(t.index) == ["low", "mid", "high"]
    assert (t["min_barrier"].diff().dropna() >= 0).all()
    assert list(switching_by_barrier(s, bins=4).index) == ["Q1", "Q2", "Q3", "Q4"]
    with pytest.raises(CRMDataError, match="fewer bins"):
        switching_by_barrier(s.head(2), bins=3)


def test_rate_war():
    r = rate_war(0.0225)
    assert r["promised_rate"] == pytest.approx(0.0525) and "margin" not in r
    assert rate_war(0.02, spread=0.03, portfolio_yield=0.04)["margin"] == pytest.approx(-0.01)
    with pytest.raises(CRMDataError, match="fractions"):
        rate_war(2.25)


def test_orders_before_survey(survey):
    tx = crmlearn.load_dataset("transactions")
    out = orders_before_survey(survey, tx)
    assert len(out) == len(survey) and list(out.columns) == list(survey.columns) + ["frequency"]
    row = out.iloc[0]
    mine = tx[(tx["customer_id"] == row["customer_id"]) & ~tx["is_return"] & (tx["tender_result"] != "lost")
              & (tx["order_date"] <= row["survey_date"])
              & (tx["order_date"] > row["survey_date"] - pd.Timedelta(days=365))]
    assert row["frequency"] == mine["order_id"].nunique()


def test_tactics_table():
    assert set(LOYALTY_TACTICS["quadrant"]) <= {"true", "latent", "spurious", "none"}
    assert set(LOYALTY_TACTICS["route"]) <= {"happy to stay", "painful to leave", "neither"}
    assert LOYALTY_TACTICS["tactic"].is_unique


# ---------------------------------------------------------------- plots and widgets
def test_new_plots_return_axes(survey, contacts):
    import matplotlib.pyplot as plt

    from crmlearn import plots

    _, ax = plt.subplots()
    assert plots.disconfirmation_chart(5, 3, ax=ax) is ax and "dissatisfied" in ax.get_title()
    _, ax = plt.subplots()
    assert plots.complaint_trend_chart(complaint_trend(contacts, freq="MS"), ax=ax) is ax
    _, ax = plt.subplots()
    assert plots.needs_chart(psychological_needs(survey), ax=ax) is ax
    s = survey.assign(switching_cost_index=switching_cost_index(survey))
    _, ax = plt.subplots()
    t = switching_by_barrier(s)
    t.attrs = {}                      # the chart reads the table's columns, never its attrs
    assert plots.barrier_chart(t, ax=ax) is ax
    line = [ln for ln in ax.get_lines() if ln.get_label() == "all satisfied customers"]
    assert line and line[0].get_ydata()[0] == pytest.approx(100 * t["switched"].sum() / t["n"].sum())
    with pytest.raises(TypeError):
        plots.barrier_chart([1, 2, 3])


def test_widgets_compute_the_library_result(survey):
    from crmlearn import widgets
    from crmlearn.satisfaction import servqual

    w = widgets.servqual_weights_widget(survey)
    w.controls["tangibles"].value = 0
    expected = servqual(survey, weights={"tangibles": 0, "reliability": 20, "responsiveness": 20,
                                         "assurance": 20, "empathy": 20})["gap"].iloc[-1]
    assert w.result["gap"].iloc[-1] == pytest.approx(expected)
    n = widgets.nps_threshold_widget(survey)
    n.controls["min_promoter"].value = 8
    assert n.result["nps"] == pytest.approx(nps_cutoffs(survey["likelihood_to_recommend"], min_promoter=8)["nps"])
    n.controls["max_detractor"].value = 9        # pushed back below the promoter cut-off
    assert n.controls["max_detractor"].value == 7
    d = widgets.disconfirmation_widget(expectation=4, performance=4.3, tolerance=0.5)
    assert str(d.result["verdict"].iloc[0]) == "satisfied"
    d.controls["tolerance"].value = 0.0
    assert str(d.result["verdict"].iloc[0]) == "delighted"
    m = widgets.loyalty_matrix_widget()
    before = (m.result["loyalty"] == "spurious").sum()
    m.controls["min_patronage"].value = 20
    assert (m.result["loyalty"] == "spurious").sum() < before
    s = widgets.switch_decision_widget(saving=80_000, switching_cost=150_000)
    s.controls["horizon"].value = 2.0
    assert bool(s.result["switches"].iloc[0])


# ---------------------------------------------------------------- exercises do not print their answers
def _notebook_text(name: str) -> str:
    nb = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    parts = []
    for c in nb["cells"]:
        parts.append("".join(c["source"]))
        for o in c.get("outputs", []):
            parts.append("".join(o.get("text", "")))
            for k in ("text/plain", "text/html", "text/markdown"):
                v = o.get("data", {}).get(k, "")
                parts.append(v if isinstance(v, str) else "".join(v))
    return "\n".join(parts)


@pytest.mark.parametrize("chapter, notebook", [("ch07", "07_customer_satisfaction.ipynb"),
                                               ("ch08", "08_customer_loyalty.ipynb")])
def test_exercise_numbers_are_not_in_the_chapter(chapter, notebook):
    import importlib

    module = importlib.import_module(f"crmlearn.exercises.{chapter}")
    text = _notebook_text(notebook)
    judgement = 0
    for q in module.questions():
        exp = q.expected()
        values = exp if isinstance(exp, list) else [exp]
        if all(isinstance(v, str) for v in values):
            judgement += 1
        for v in values:
            if isinstance(v, (int, float, np.number)) and not isinstance(v, bool) and abs(v) >= 1 and v != int(v):
                for shown in (f"{v:.2f}", f"{v:.3f}"):
                    assert shown not in text, f"{q.label}: its answer {shown} is printed in {notebook}"
            if isinstance(v, (float, np.floating)) and 0 < abs(v) < 1:
                for shown in (f"{v:.3f}", f"{100 * v:.1f}%"):
                    assert shown not in text, f"{q.label}: its answer {shown} is printed in {notebook}"
    assert len(module.questions()) >= 10
    assert judgement / len(module.questions()) >= 0.4, f"{chapter}: only {judgement} judgement questions"
