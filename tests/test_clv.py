"""Tests for crmlearn.clv: rfm_summary, simple CLV, BG/NBD, Gamma-Gamma, CLV from the models."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from crmlearn import CRMDataError, NotFittedError
from crmlearn.clv import (
    BetaGeo,
    ConvergenceError,
    GammaGamma,
    calibration_holdout,
    customer_lifetime_value,
    frequency_recency_grid,
    rfm_summary,
    simple_clv,
    simple_clv_schedule,
    simulate_bgnbd,
    simulate_gamma_gamma,
)

CDNOW_PARAMS = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}


# ------------------------------------------------------------------------------------------
# fixtures
# ------------------------------------------------------------------------------------------
def read_cdnow_transactions(folder):
    """CDNOW_sample.txt: whitespace-separated, no header: master id, sample id, date, CDs, dollars."""
    tx = pd.read_csv(folder / "cdnow" / "CDNOW_sample.txt", sep=r"\s+", header=None,
                     names=["master_id", "customer_id", "date", "number_of_cds", "amount"], dtype={"date": str})
    tx["order_date"] = pd.to_datetime(tx["date"], format="%Y%m%d")
    return tx


@pytest.fixture
def cdnow_tx(shared_data):
    return read_cdnow_transactions(shared_data)


@pytest.fixture
def cdnow_summary(shared_data):
    return pd.read_csv(shared_data / "cdnow" / "cdnow_customers_summary.csv", index_col="ID")


@pytest.fixture
def cdnow_spend(shared_data):
    return pd.read_csv(shared_data / "cdnow" / "cdnow_customers_summary_with_transactions.csv", index_col="ID")


@pytest.fixture
def small_tx():
    return pd.DataFrame({
        "customer_id": ["A", "A", "A", "A", "B", "C", "C", "A"],
        "order_date": pd.to_datetime(["2024-01-01 09:00", "2024-01-01 17:30", "2024-01-15", "2024-02-10",
                                      "2024-01-20", "2024-01-25", "2024-03-05", "2024-03-20"], format="ISO8601"),
        "amount": [10.0, 5.0, 20.0, 40.0, 8.0, 12.0, 30.0, 50.0],
    })


@pytest.fixture(scope="module")
def simulated():
    return simulate_bgnbd(20_000, CDNOW_PARAMS, T=np.random.default_rng(0).uniform(30, 52, 20_000), random_state=11)


@pytest.fixture(scope="module")
def fitted_sim(simulated):
    return BetaGeo().fit(simulated)


# ------------------------------------------------------------------------------------------
# rfm_summary: reference
# ------------------------------------------------------------------------------------------
def test_rfm_summary_rebuilds_the_cdnow_summary(cdnow_tx, cdnow_summary):
    # Reference: cdnow_customers_summary.csv, the 39-week calibration summary of Fader, Hardie & Lee (2005).
    s = rfm_summary(cdnow_tx, unit="W", calibration_end="1997-09-30")
    assert len(s) == 2357
    assert list(s.index) == list(cdnow_summary.index)
    assert (s["frequency"] == cdnow_summary["frequency"]).all()
    np.testing.assert_allclose(s["recency"], cdnow_summary["recency"], atol=0.005 + 1e-9)
    np.testing.assert_allclose(s["T"], cdnow_summary["T"], atol=0.005 + 1e-9)


def test_rfm_summary_rebuilds_the_cdnow_spend_summary(cdnow_tx, cdnow_spend):
    # Reference: cdnow_customers_summary_with_transactions.csv (x, t_x, T, zbar), Fader & Hardie (2013).
    s = rfm_summary(cdnow_tx, amount="amount", unit="W", calibration_end="1997-09-30")
    assert (s["frequency"].to_numpy() == cdnow_spend["x"].to_numpy()).all()
    np.testing.assert_allclose(s["recency"], cdnow_spend["t_x"], atol=0.005 + 1e-9)
    np.testing.assert_allclose(s["T"], cdnow_spend["T"], atol=0.005 + 1e-9)
    np.testing.assert_allclose(s["monetary_value"], cdnow_spend["zbar"], atol=0.005 + 1e-9)


def test_rfm_summary_holdout_on_cdnow(cdnow_tx):
    s = rfm_summary(cdnow_tx, amount="amount", unit="W", calibration_end="1997-09-30", holdout_end="1998-06-30")
    assert (s["duration_holdout"] == 273 / 7).all()        # 1997-10-01 .. 1998-06-30 is 273 days
    # every purchase day after the calibration period is counted once
    after = cdnow_tx[cdnow_tx["order_date"] > "1997-09-30"]
    assert s["frequency_holdout"].sum() == after.drop_duplicates(["customer_id", "order_date"]).shape[0]
    assert s["monetary_value_holdout"].mul(s["frequency_holdout"]).sum() == pytest.approx(after["amount"].sum())


# ------------------------------------------------------------------------------------------
# rfm_summary: behaviour
# ------------------------------------------------------------------------------------------
def test_rfm_summary_small_example(small_tx):
    s = rfm_summary(small_tx, amount="amount", as_of="2024-02-29")
    # A: 1 Jan (two orders, one purchase of 15), 15 Jan, 10 Feb; 20 Mar is after as_of
    assert s.loc["A", "frequency"] == 2
    assert s.loc["A", "recency"] == 40
    assert s.loc["A", "T"] == 59
    assert s.loc["A", "monetary_value"] == 30
    assert s.loc["B"].tolist() == [0, 0, 40, 0]
    assert s.loc["C", "frequency"] == 0                     # 5 March is after as_of
    assert list(s.columns) == ["frequency", "recency", "T", "monetary_value"]
    assert s["frequency"].dtype == np.int64


def test_rfm_summary_weeks_and_holdout(small_tx):
    s = rfm_summary(small_tx, amount="amount", unit="W", calibration_end="2024-01-31", holdout_end="2024-03-31")
    assert list(s.columns) == ["frequency", "recency", "T", "monetary_value", "frequency_holdout",
                               "monetary_value_holdout", "duration_holdout"]
    assert s.loc["A", "frequency"] == 1 and s.loc["A", "recency"] == pytest.approx(2.0)
    assert s.loc["A", "T"] == pytest.approx(30 / 7)
    assert s.loc["A", "frequency_holdout"] == 2 and s.loc["A", "monetary_value_holdout"] == 45
    assert s.loc["C", "frequency_holdout"] == 1
    assert s["duration_holdout"].iloc[0] == pytest.approx(60 / 7)


def test_rfm_summary_default_end_is_last_purchase(small_tx):
    s = rfm_summary(small_tx)
    assert s["T"].max() == (pd.Timestamp("2024-03-20") - pd.Timestamp("2024-01-01")).days


def test_rfm_summary_does_not_mutate_and_sorts(small_tx):
    before = small_tx.copy()
    shuffled = small_tx.sample(frac=1, random_state=1)
    s = rfm_summary(shuffled, amount="amount")
    pd.testing.assert_frame_equal(small_tx, before)
    assert list(s.index) == ["A", "B", "C"]
    assert s.index.name == "customer_id"
    pd.testing.assert_frame_equal(s, rfm_summary(small_tx, amount="amount"))


def test_rfm_summary_reads_text_dates_and_custom_names(small_tx):
    tx = small_tx.rename(columns={"customer_id": "cid", "order_date": "when", "amount": "value"})
    tx["when"] = tx["when"].dt.strftime("%Y-%m-%d")
    s = rfm_summary(tx, customer="cid", date="when", amount="value")
    assert s.index.name == "cid"
    pd.testing.assert_frame_equal(s.rename_axis("customer_id"), rfm_summary(small_tx, amount="amount"))


def test_rfm_summary_warns_about_customers_acquired_later(small_tx):
    with pytest.warns(UserWarning, match="1 customers first bought after calibration_end"):
        s = rfm_summary(small_tx, calibration_end="2024-01-22")
    assert "C" not in s.index


def _naive_rfm(tx, end):
    days = tx.assign(day=tx["order_date"].dt.normalize())
    days = days[days["day"] <= end].groupby(["customer_id", "day"], as_index=False)["amount"].sum()
    rows = {}
    for cid, g in days.groupby("customer_id"):
        g = g.sort_values("day")
        rows[cid] = {"frequency": len(g) - 1, "recency": (g["day"].iloc[-1] - g["day"].iloc[0]).days,
                     "T": (end - g["day"].iloc[0]).days,
                     "monetary_value": g["amount"].iloc[1:].mean() if len(g) > 1 else 0.0}
    return pd.DataFrame.from_dict(rows, orient="index")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 60), st.floats(0.5, 100)), min_size=1, max_size=40),
       st.integers(30, 80))
def test_rfm_summary_matches_a_plain_groupby(rows, end_offset):
    start = pd.Timestamp("2024-01-01")
    tx = pd.DataFrame({"customer_id": [r[0] for r in rows],
                       "order_date": [start + pd.Timedelta(days=r[1], hours=3) for r in rows],
                       "amount": [round(r[2], 2) for r in rows]})
    end = start + pd.Timedelta(days=end_offset)
    assume(any(r[1] <= end_offset for r in rows))        # at least one purchase by the end date
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        got = rfm_summary(tx, amount="amount", as_of=end)
    want = _naive_rfm(tx, end)
    assert list(got.index) == list(want.index)
    assert (got["frequency"].to_numpy() == want["frequency"].to_numpy()).all()
    np.testing.assert_allclose(got[["recency", "T", "monetary_value"]].to_numpy(),
                               want[["recency", "T", "monetary_value"]].to_numpy(dtype=float), atol=1e-9)
    assert (got["recency"] <= got["T"]).all() and (got["recency"] >= 0).all()


@pytest.mark.parametrize("kwargs, exc, match", [
    ({"date": "day"}, CRMDataError, "column 'day' not found.*Pass date="),
    ({"customer": "client"}, CRMDataError, "column 'client' not found.*Pass customer="),
    ({"amount": "value"}, CRMDataError, "column 'value' not found"),
    ({"unit": "H"}, CRMDataError, "unit='H' is not allowed"),
    ({"unit": 7}, TypeError, "unit must be a string"),
    ({"as_of": "2024-02-01", "calibration_end": "2024-02-01"}, CRMDataError, "either as_of or calibration_end"),
    ({"holdout_end": "2024-03-01"}, CRMDataError, "holdout_end needs calibration_end"),
    ({"calibration_end": "2024-02-01", "holdout_end": "2024-01-01"}, CRMDataError, "must be after"),
    ({"as_of": "not a date"}, CRMDataError, "as_of='not a date' is not a date"),
    ({"as_of": "2023-01-01"}, CRMDataError, "no purchase on or before as_of"),
])
def test_rfm_summary_bad_arguments(small_tx, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        rfm_summary(small_tx, **kwargs)


def test_rfm_summary_bad_tables(small_tx):
    with pytest.raises(TypeError, match="rfm_summary: transactions must be a pandas DataFrame"):
        rfm_summary(small_tx.to_dict())
    with pytest.raises(CRMDataError, match="empty"):
        rfm_summary(small_tx.iloc[:0])
    bad = small_tx.copy()
    bad.loc[2, "customer_id"] = None
    with pytest.raises(CRMDataError, match="1 row has a missing 'customer_id'"):
        rfm_summary(bad)
    bad = small_tx.copy()
    bad.loc[1, "amount"] = -5.0
    # issue 8: without an is_return column a negative amount is a return (the one purchase rule):
    # not a purchase day, and netted against A's repeat spend (20 + 40 + 50 - 5) / 3 repeats
    got = rfm_summary(bad, amount="amount")
    assert got.loc["A", "frequency"] == 3 and got.loc["A", "monetary_value"] == pytest.approx(35.0)
    with pytest.raises(CRMDataError, match="negative 'amount'.*Remove returns"):   # a flagged table: a negative purchase
        rfm_summary(bad.assign(is_return=False), amount="amount")
    bad = small_tx.assign(order_date=20240101)
    with pytest.raises(TypeError, match="must hold dates.*to_datetime"):
        rfm_summary(bad)
    bad = small_tx.assign(order_date=small_tx["order_date"].dt.strftime("%Y-%m-%d"))
    bad.loc[3, "order_date"] = "someday"
    with pytest.raises(CRMDataError, match="1 row has a value that is not a date.*'someday'"):
        rfm_summary(bad)


# ------------------------------------------------------------------------------------------
# simple CLV
# ------------------------------------------------------------------------------------------
def test_simple_clv_formula():
    assert simple_clv(100, 0.8, 0.1) == pytest.approx(100 * 0.8 / (1.1 - 0.8))
    # finite horizon: the plain sum
    want = sum(100 * 0.8**t / 1.1**t for t in range(1, 6))
    assert simple_clv(100, 0.8, 0.1, periods=5) == pytest.approx(want)
    assert simple_clv(100, 0.8, 0.1, periods=0) == 0
    assert simple_clv(100, 0.8, 0.1, periods=2000) == pytest.approx(simple_clv(100, 0.8, 0.1))
    # no discounting and full retention over a finite horizon: n margins
    assert simple_clv(50, 1.0, 0.0, periods=4) == pytest.approx(200)


def test_simple_clv_vectorised():
    out = simple_clv(np.array([100.0, 200.0]), np.array([0.8, 0.9]), 0.1)
    np.testing.assert_allclose(out, [100 * 0.8 / 0.3, 200 * 0.9 / 0.2])
    margins = pd.Series([100.0, 50.0], index=["C1", "C2"])
    s = simple_clv(margins, 0.5, 0.0, periods=3)
    assert isinstance(s, pd.Series) and list(s.index) == ["C1", "C2"] and s.name == "clv"
    np.testing.assert_allclose(s, [100 * (0.5 + 0.25 + 0.125), 50 * 0.875])
    s2 = simple_clv(10.0, pd.Series([0.5, 0.6], index=[7, 8]), 0.1)
    assert list(s2.index) == [7, 8]


@given(st.floats(0, 1000), st.floats(0, 0.99), st.floats(0.0, 0.5), st.integers(1, 60))
def test_simple_clv_invariants(m, r, d, n):
    finite = simple_clv(m, r, d, periods=n)
    infinite = simple_clv(m, r, d)
    assert 0 <= finite <= infinite * (1 + 1e-9) + 1e-9
    assert simple_clv(m, r, d, periods=n + 1) >= finite - 1e-9
    assert simple_clv(m, min(r + 0.005, 0.995), d) >= infinite - 1e-9


@pytest.mark.parametrize("args, kwargs, exc, match", [
    ((100, 1.2, 0.1), {}, CRMDataError, "retention must be between 0 and 1"),
    ((100, 0.8, -1.0), {}, CRMDataError, "discount_rate must be greater than -1"),
    ((100, 1.0, 0.0), {}, CRMDataError, "unbounded"),
    (("100", 0.8, 0.1), {}, TypeError, "margin must be a number"),
    ((100, 0.8, 0.1), {"periods": 2.5}, TypeError, "periods must be a whole number"),
    ((100, [0.8, np.nan], 0.1), {}, CRMDataError, "retention has missing values"),
])
def test_simple_clv_bad_input(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        simple_clv(*args, **kwargs)


def test_simple_clv_schedule_adds_up():
    sched = simple_clv_schedule(100, 0.8, 0.1, periods=12)
    assert list(sched.index) == list(range(1, 13))
    assert sched["cumulative_clv"].iloc[-1] == pytest.approx(simple_clv(100, 0.8, 0.1, periods=12))
    assert sched.attrs["clv_infinite"] == pytest.approx(simple_clv(100, 0.8, 0.1))
    np.testing.assert_allclose(sched["present_value"], sched["expected_margin"] * sched["discount_factor"])


# ------------------------------------------------------------------------------------------
# BG/NBD: reference
# ------------------------------------------------------------------------------------------
def test_bgnbd_reproduces_fader_hardie_lee_2005(cdnow_summary):
    # Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", CDNOW sample:
    # r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
    bg = BetaGeo().fit(cdnow_summary)
    for name, value in CDNOW_PARAMS.items():
        assert bg.params_[name] == pytest.approx(value, abs=1e-3)
    assert bg.log_likelihood_ == pytest.approx(-9582.4, abs=0.05)
    assert bg.n_customers_ == 2357


def test_bgnbd_reproduces_the_paper_from_raw_transactions(cdnow_tx):
    # Reference: the same published BG/NBD fit (Fader, Hardie & Lee 2005), starting from CDNOW_sample.txt.
    s = rfm_summary(cdnow_tx, unit="W", calibration_end="1997-09-30")
    bg = BetaGeo().fit(s)
    for name, value in CDNOW_PARAMS.items():
        assert bg.params_[name] == pytest.approx(value, abs=1e-3)
    assert bg.log_likelihood_ == pytest.approx(-9582.4, abs=0.05)


def test_bgnbd_standard_errors_and_predictions_match_lifetimes(cdnow_spend):
    # Reference: lifetimes 0.11.3 BetaGeoFitter on the same file (summary, predict(39, ...),
    # conditional_probability_alive, expected_number_of_purchases_up_to_time,
    # probability_of_n_purchases_up_to_time), run once in a separate environment.
    bg = BetaGeo().fit(cdnow_spend, frequency="x", recency="t_x")
    table = bg.summary()
    assert list(table.columns) == ["estimate", "std_error", "lower_95", "upper_95"]
    np.testing.assert_allclose(table["std_error"], [0.012557, 0.378221, 0.185719, 0.705345], rtol=2e-3)
    assert (table["lower_95"] < table["estimate"]).all() and (table["estimate"] < table["upper_95"]).all()
    d = cdnow_spend.loc[[1, 2, 3, 18, 1516]]
    e39 = bg.expected_purchases(d, 39, frequency="x", recency="t_x")
    np.testing.assert_allclose(e39, [1.2259104, 0.2032506, 0.1947809, 0.2977642, 20.7505705], rtol=1e-5)
    alive = bg.probability_alive(d, frequency="x", recency="t_x")
    np.testing.assert_allclose(alive, [0.7266091, 0.2122274, 1.0, 0.3109153, 0.9689197], rtol=1e-5)
    np.testing.assert_allclose(bg.expected_purchases_new([39, 78]), [1.1950162, 1.8579717], rtol=1e-5)
    np.testing.assert_allclose(bg.probability_of_n_purchases(39, [0, 1, 2, 3]),
                               [0.5743073, 0.1991931, 0.0853224, 0.0457972], rtol=1e-5)


def test_gamma_gamma_reproduces_fader_hardie_2013(cdnow_spend):
    # Reference: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", CDNOW 946 repeat
    # buyers: p = 6.25, q = 3.74, gamma = 15.44, LL = -4055.92.
    gg = GammaGamma().fit(cdnow_spend, frequency="x", monetary_value="zbar")
    assert gg.n_customers_ == 946
    assert gg.params_["p"] == pytest.approx(6.25, abs=5e-3)
    assert gg.params_["q"] == pytest.approx(3.74, abs=5e-3)
    assert gg.params_["gamma"] == pytest.approx(15.44, abs=1e-2)
    assert gg.log_likelihood_ == pytest.approx(-4055.92, abs=0.01)
    # spend predictions as lifetimes 0.11.3 GammaGammaFitter.conditional_expected_average_profit
    d = cdnow_spend.loc[[1, 2, 3, 18, 1516]]
    np.testing.assert_allclose(gg.expected_spend(d, frequency="x", monetary_value="zbar"),
                               [24.6586162, 18.9114799, 35.1710022, 17.6746974, 39.8902772], rtol=1e-6)
    assert gg.mean_spend_ == pytest.approx(gg.expected_spend(d, frequency="x", monetary_value="zbar").loc[3])


def test_gamma_gamma_from_raw_transactions(cdnow_tx):
    # Reference: Fader & Hardie (2013) again, through rfm_summary(amount=...).
    s = rfm_summary(cdnow_tx, amount="amount", unit="W", calibration_end="1997-09-30")
    gg = GammaGamma().fit(s)
    np.testing.assert_allclose(gg.params_, [6.25, 3.74, 15.44], atol=0.01)


def test_clv_on_cdnow_matches_lifetimes(cdnow_spend):
    # Reference: lifetimes 0.11.3 GammaGammaFitter.customer_lifetime_value(time=12, discount_rate=0.01, freq="W");
    # lifetimes takes a month as 4.345 weeks, crmlearn as 365.25/12/7 = 4.348, hence rtol 0.2%.
    kw = dict(frequency="x", recency="t_x")
    bg = BetaGeo().fit(cdnow_spend, **kw)
    gg = GammaGamma().fit(cdnow_spend, frequency="x", monetary_value="zbar")
    d = cdnow_spend.loc[[1, 2, 3, 18, 1516]]
    clv = customer_lifetime_value(bg, gg, d, horizon=12, discount_rate=0.01, unit="W", monetary_value="zbar", **kw)
    np.testing.assert_allclose(clv, [36.2785, 4.6375, 8.3441, 6.3496, 972.1256], rtol=2e-3)


# ------------------------------------------------------------------------------------------
# BG/NBD and Gamma-Gamma on simulated data
# ------------------------------------------------------------------------------------------
def test_bgnbd_recovers_simulated_parameters(fitted_sim):
    se = fitted_sim.summary()["std_error"]
    for name, value in CDNOW_PARAMS.items():
        assert abs(fitted_sim.params_[name] - value) < 4 * se[name], name


@pytest.mark.parametrize("params", [
    {"r": 2.0, "alpha": 10.0, "a": 3.0, "b": 10.0},
    {"r": 0.5, "alpha": 1.0, "a": 0.3, "b": 0.5},
])
def test_bgnbd_recovers_other_parameters(params):
    data = simulate_bgnbd(30_000, params, T=100, random_state=3)
    bg = BetaGeo().fit(data)
    se = bg.summary()["std_error"]
    for name, value in params.items():
        assert abs(bg.params_[name] - value) < 4 * se[name], name


def test_bgnbd_predicts_simulated_holdout():
    data = simulate_bgnbd(40_000, CDNOW_PARAMS, T=39, holdout=39, random_state=5)
    bg = BetaGeo().fit(data)
    pred = bg.expected_purchases(data, "duration_holdout")
    assert pred.sum() == pytest.approx(data["frequency_holdout"].sum(), rel=0.03)
    table = calibration_holdout(bg, data, max_frequency=4)
    assert list(table.index) == [0, 1, 2, 3, 4]
    assert table["n_customers"].sum() == len(data)
    np.testing.assert_allclose(table["predicted"], table["actual"], rtol=0.1, atol=0.02)


def test_population_predictions_agree_with_simulation(fitted_sim):
    params = fitted_sim.params_
    fresh = simulate_bgnbd(200_000, params, T=39, random_state=8)
    assert fitted_sim.expected_purchases_new(39) == pytest.approx(fresh["frequency"].mean(), rel=0.02)
    p = fitted_sim.probability_of_n_purchases(39, np.arange(4))
    observed = np.bincount(fresh["frequency"], minlength=4)[:4] / len(fresh)
    np.testing.assert_allclose(p, observed, atol=0.005)


def test_probability_of_n_purchases_is_a_distribution(fitted_sim):
    n = np.arange(0, 400)
    p = fitted_sim.probability_of_n_purchases(52, n)
    assert (p >= 0).all()
    assert p.sum() == pytest.approx(1.0, abs=1e-6)
    assert np.dot(n, p) == pytest.approx(fitted_sim.expected_purchases_new(52), rel=1e-5)
    assert fitted_sim.probability_of_n_purchases(0, 0) == pytest.approx(1.0)


def test_gamma_gamma_recovers_simulated_parameters():
    rng = np.random.default_rng(4)
    freq = pd.Series(rng.integers(0, 12, 20_000))
    true = {"p": 6.0, "q": 4.0, "gamma": 15.0}
    data = pd.DataFrame({"frequency": freq, "monetary_value": simulate_gamma_gamma(freq, true, random_state=9)})
    gg = GammaGamma().fit(data)
    se = gg.summary()["std_error"]
    for name, value in true.items():
        assert abs(gg.params_[name] - value) < 4 * se[name], name
    spend = gg.expected_spend(data)
    assert (spend > 0).all()
    # customers without repeat purchases get the population mean
    assert spend[data["frequency"] == 0].nunique() == 1
    assert spend[data["frequency"] == 0].iloc[0] == pytest.approx(gg.mean_spend_)


def test_aggregated_weights_give_the_same_fit(simulated):
    small = simulated.iloc[:3000].copy()
    small[["recency", "T"]] = small[["recency", "T"]].round(0)
    agg = small.groupby(["frequency", "recency", "T"]).size().rename("n").reset_index()
    a = BetaGeo().fit(small)
    b = BetaGeo().fit(agg, weights="n")
    np.testing.assert_allclose(a.params_, b.params_, rtol=1e-4)
    assert a.log_likelihood_ == pytest.approx(b.log_likelihood_, rel=1e-8)


def test_penalizer_shrinks_parameters(simulated):
    plain = BetaGeo().fit(simulated.iloc[:2000])
    shrunk = BetaGeo(penalizer=0.1).fit(simulated.iloc[:2000])
    assert (shrunk.params_**2).sum() < (plain.params_**2).sum()
    assert shrunk.log_likelihood_ < plain.log_likelihood_


# ------------------------------------------------------------------------------------------
# numerical stability and invariants
# ------------------------------------------------------------------------------------------
params_st = st.fixed_dictionaries({
    "r": st.floats(0.01, 50), "alpha": st.floats(0.01, 500), "a": st.floats(0.01, 20), "b": st.floats(0.01, 50)})


@settings(max_examples=150, deadline=None)
@given(params_st, st.integers(0, 100_000), st.floats(0, 1), st.floats(0, 5000), st.floats(0.01, 1000))
def test_predictions_stay_finite_and_in_range(params, x, frac, T, t):
    bg = BetaGeo()
    bg.params_ = pd.Series(params)
    row = pd.DataFrame({"frequency": [x], "recency": [T * frac if x > 0 else 0.0], "T": [T]})
    alive = bg.probability_alive(row).iloc[0]
    assert 0.0 <= alive <= 1.0
    e1 = bg.expected_purchases(row, t).iloc[0]
    e2 = bg.expected_purchases(row, 2 * t).iloc[0]
    assert np.isfinite(e1) and np.isfinite(e2)
    assert e1 >= 0
    assert e2 >= e1 * (1 - 1e-7) - 1e-12


@settings(max_examples=60, deadline=None)
@given(params_st, st.floats(0.01, 1000))
def test_new_customer_expectation_grows_with_time(params, t):
    bg = BetaGeo()
    bg.params_ = pd.Series(params)
    e = bg.expected_purchases_new([t / 2, t, 2 * t])
    assert np.all(np.isfinite(e)) and np.all(e >= 0)
    assert np.all(np.diff(e) >= -1e-9 * np.abs(e[1:]))


def test_log_likelihood_is_finite_at_extreme_data():
    data = pd.DataFrame({"frequency": [0, 1, 5000, 200_000, 3], "recency": [0.0, 1e-9, 3.0, 9000.0, 1e6],
                         "T": [0.0, 1e-9, 1e5, 9000.0, 1e6]})
    bg = BetaGeo()
    for p in ([0.243, 4.414, 0.793, 2.426], [1e-6, 1e-6, 1e-6, 1e-6], [1e6, 1e6, 1e6, 1e6]):
        ll, grad = bg._ll_grad(np.array(p), bg._prepare(data["frequency"].to_numpy(float),
                                                          data["recency"].to_numpy(float),
                                                          data["T"].to_numpy(float), np.ones(5)))
        assert np.isfinite(ll) and np.all(np.isfinite(grad))
    bg.params_ = pd.Series(CDNOW_PARAMS)
    assert np.isfinite(bg.expected_purchases(data, 52)).all()
    assert bg.probability_alive(data).between(0, 1).all()


@pytest.mark.parametrize("params, row, want", [
    # Reference values: the closed form evaluated with mpmath at 100 digits (scipy's hyp2f1 returns
    # inf or nan for these, so the quadrature fallback is used).
    ((0.5, 1.0, 0.5, 2.0), (98, 0.0, 0.0, 10.0), 457.979395556635 / (1 + 0.5 / 99)),
    ((1.0, 0.5, 104.0, 1.0), (0, 0.0, 0.0, 6.0), 0.93133700810964),
    ((1.0, 0.5, 100.0, 2.0), (0, 0.0, 0.0, 6.0), 0.940250072542032),
    ((0.243, 4.414, 1.0, 2.426), (0, 0.0, 40.0, 52.0), 0.24009433796068),      # a = 1 exactly
    ((0.243, 4.414, 0.793, 2.426), (0, 0.0, 0.0, 520.0), 4.97461786184966),
])
def test_expected_purchases_where_hyp2f1_fails(params, row, want):
    bg = BetaGeo()
    bg.params_ = pd.Series(params, index=["r", "alpha", "a", "b"])
    x, tx, T, t = row
    got = bg.expected_purchases(pd.DataFrame({"frequency": [x], "recency": [tx], "T": [T]}), t).iloc[0]
    assert got == pytest.approx(want, rel=1e-7)


def test_fit_handles_customers_without_repeat_purchases_only():
    # x = 0 everywhere: the dropout parameters are not identified, but nothing breaks silently
    data = pd.DataFrame({"frequency": [0] * 50 + [1], "recency": [0.0] * 50 + [3.0], "T": [30.0] * 51})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        bg = BetaGeo(penalizer=0.01).fit(data)
    assert np.isfinite(bg.log_likelihood_)


def test_expected_purchases_accepts_column_and_array(fitted_sim, simulated):
    head = simulated.head(5).assign(h=[1.0, 2.0, 3.0, 4.0, 5.0])
    by_col = fitted_sim.expected_purchases(head, "h")
    by_arr = fitted_sim.expected_purchases(head, head["h"].to_numpy())
    pd.testing.assert_series_equal(by_col, by_arr)
    assert by_col.index.equals(head.index) and by_col.name == "expected_purchases"
    assert fitted_sim.expected_purchases(head, 0).eq(0).all()


# ------------------------------------------------------------------------------------------
# scikit-learn conventions and bad input
# ------------------------------------------------------------------------------------------
def test_models_follow_sklearn_conventions(simulated):
    bg = BetaGeo(penalizer=0.0)
    assert vars(bg) == {"penalizer": 0.0, "max_iter": 2000, "tol": 1e-12, "initial_params": None}
    before = simulated.copy()
    assert bg.fit(simulated) is bg
    pd.testing.assert_frame_equal(simulated, before)
    assert isinstance(bg.params_, pd.Series) and list(bg.params_.index) == ["r", "alpha", "a", "b"]
    assert "fitted on 20,000 customers" in repr(bg)
    gg = GammaGamma()
    assert vars(gg) == {"penalizer": 0.0, "max_iter": 2000, "tol": 1e-12, "initial_params": None}


@pytest.mark.parametrize("model, call", [
    (BetaGeo, lambda m, d: m.expected_purchases(d, 1)),
    (BetaGeo, lambda m, d: m.probability_alive(d)),
    (BetaGeo, lambda m, d: m.summary()),
    (BetaGeo, lambda m, d: m.expected_purchases_new(1)),
    (BetaGeo, lambda m, d: m.probability_of_n_purchases(1, 0)),
    (GammaGamma, lambda m, d: m.expected_spend(d)),
    (GammaGamma, lambda m, d: m.summary()),
])
def test_unfitted_models_say_so(model, call):
    d = pd.DataFrame({"frequency": [1], "recency": [1.0], "T": [2.0], "monetary_value": [3.0]})
    with pytest.raises(NotFittedError, match=f"^{model.__name__} is not fitted yet. Call .fit\\(data\\) first.$"):
        call(model(), d)


def _good():
    return pd.DataFrame({"frequency": [0, 2, 1], "recency": [0.0, 5.0, 3.0], "T": [10.0, 10.0, 8.0],
                         "monetary_value": [0.0, 20.0, 30.0]}, index=pd.Index(["C1", "C2", "C3"], name="customer_id"))


@pytest.mark.parametrize("change, match", [
    (lambda d: d.assign(recency=[0.0, 12.0, 3.0]), r"1 rows have 'recency' greater than 'T' \(first: customer C2"),
    (lambda d: d.assign(T=[10.0, -1.0, 8.0]), r"negative 'T' value \(first: customer C2"),
    (lambda d: d.assign(frequency=[0, 1.5, 1]), r"'frequency' must hold whole numbers.*customer C2, value 1.5\)"),
    (lambda d: d.drop(columns="T"), r"column 'T' not found.*Pass T="),
    (lambda d: d.iloc[:0], r"summary is empty"),
    (lambda d: d.assign(recency=[np.nan, 5.0, 3.0]), r"1 row has a missing 'recency' value"),
    (lambda d: d.assign(recency=[2.0, 5.0, 3.0]), r"'frequency' 0 but 'recency' > 0.*not the RFM"),
    (lambda d: d.assign(T=["a", "b", "c"]), r"column 'T' must be numeric"),
    (lambda d: d.assign(T=[np.inf, 10.0, 8.0]), r"infinite"),
])
def test_bgnbd_bad_input(change, match):
    with pytest.raises(CRMDataError, match=match):
        BetaGeo().fit(change(_good()))


def test_bad_types_and_settings():
    with pytest.raises(TypeError, match="summary must be a pandas DataFrame"):
        BetaGeo().fit(np.zeros((3, 3)))
    with pytest.raises(CRMDataError, match="penalizer must be at least 0"):
        BetaGeo(penalizer=-1).fit(_good())
    with pytest.raises(TypeError, match="max_iter must be a whole number"):
        BetaGeo(max_iter=1.5).fit(_good())


def test_non_convergence_names_what_to_try(simulated):
    with pytest.raises(ConvergenceError, match=r"did not converge.*Try: BetaGeo\(penalizer=0.001\).*max_iter"):
        BetaGeo(max_iter=1).fit(simulated)
    with pytest.raises(ConvergenceError, match="GammaGamma"):
        rng = np.random.default_rng(0)
        d = pd.DataFrame({"frequency": rng.integers(1, 5, 500), "monetary_value": rng.gamma(3, 10, 500)})
        GammaGamma(max_iter=1).fit(d)


def test_gamma_gamma_bad_input():
    with pytest.raises(CRMDataError, match=r"no customer has a repeat purchase"):
        GammaGamma().fit(_good().assign(frequency=0, recency=0.0))
    with pytest.raises(CRMDataError, match=r"1 customers with repeat purchases have 'monetary_value' <= 0 \(first: "
                                           r"customer C3\)"):
        GammaGamma().fit(_good().assign(monetary_value=[0.0, 20.0, 0.0]))
    with pytest.raises(CRMDataError, match=r"column 'spend' not found.*Pass monetary_value="):
        GammaGamma().fit(_good(), monetary_value="spend")


def test_customer_lifetime_value_properties(fitted_sim, simulated):
    data = simulated.head(300).copy()
    data["monetary_value"] = simulate_gamma_gamma(data["frequency"], {"p": 6, "q": 4, "gamma": 15}, random_state=1)
    big = simulated.copy()
    big["monetary_value"] = simulate_gamma_gamma(big["frequency"], {"p": 6, "q": 4, "gamma": 15}, random_state=1)
    gg = GammaGamma().fit(big)
    before = data.copy()
    base = customer_lifetime_value(fitted_sim, gg, data, horizon=12, discount_rate=0.01, unit="W")
    pd.testing.assert_frame_equal(data, before)
    assert base.index.equals(data.index) and base.name == "clv"
    assert (base >= 0).all()
    longer = customer_lifetime_value(fitted_sim, gg, data, horizon=24, discount_rate=0.01, unit="W")
    dearer = customer_lifetime_value(fitted_sim, gg, data, horizon=12, discount_rate=0.05, unit="W")
    half = customer_lifetime_value(fitted_sim, gg, data, horizon=12, discount_rate=0.01, unit="W", margin=0.5)
    assert (longer >= base - 1e-12).all() and (dearer <= base + 1e-12).all()
    np.testing.assert_allclose(half, base / 2)
    # no discounting: expected purchases over the horizon times expected spend
    flat = customer_lifetime_value(fitted_sim, gg, data, horizon=3, discount_rate=0.0, unit="W", period="W")
    want = fitted_sim.expected_purchases(data, 3) * gg.expected_spend(data)
    np.testing.assert_allclose(flat, want, rtol=1e-9)


def test_customer_lifetime_value_bad_input(fitted_sim, simulated):
    data = simulated.head(5).assign(monetary_value=10.0)
    with pytest.raises(NotFittedError, match="GammaGamma is not fitted yet"):
        customer_lifetime_value(fitted_sim, GammaGamma(), data, horizon=12, discount_rate=0.01, unit="W")
    with pytest.raises(TypeError, match="gg must be a fitted GammaGamma"):
        customer_lifetime_value(fitted_sim, fitted_sim, data, horizon=12, discount_rate=0.01, unit="W")
    gg = GammaGamma().fit(simulated.head(2000).assign(
        monetary_value=simulate_gamma_gamma(simulated["frequency"].head(2000), {"p": 6, "q": 4, "gamma": 15}, random_state=2)))
    with pytest.raises(CRMDataError, match="unit='weeks' is not allowed"):
        customer_lifetime_value(fitted_sim, gg, data, horizon=12, discount_rate=0.01, unit="weeks")
    with pytest.raises(CRMDataError, match="discount_rate must be at least 0"):
        customer_lifetime_value(fitted_sim, gg, data, horizon=12, discount_rate=-0.1, unit="W")


def test_frequency_recency_grid(fitted_sim):
    grid = frequency_recency_grid(fitted_sim, T=40, t=10, max_frequency=8, n_recency=21)
    assert grid.shape == (9, 21) and grid.index.name == "frequency" and grid.columns.name == "recency"
    assert grid.loc[0].iloc[1:].isna().all()
    inner = grid.iloc[1:].to_numpy()
    assert (inner >= 0).all()
    # more recent last purchase -> more expected purchases, for every frequency
    assert (np.diff(inner, axis=1) >= -1e-12).all()
    alive = frequency_recency_grid(fitted_sim, T=40, what="probability_alive", max_frequency=8, n_recency=21)
    assert ((alive.iloc[1:] >= 0) & (alive.iloc[1:] <= 1)).all().all()
    with pytest.raises(CRMDataError, match="what='alive' is not allowed"):
        frequency_recency_grid(fitted_sim, what="alive")


def test_simulators_validate():
    with pytest.raises(CRMDataError, match=r"params lacks \['b'\]"):
        simulate_bgnbd(10, {"r": 1, "alpha": 1, "a": 1}, random_state=0)
    with pytest.raises(CRMDataError, match=r"params\['r'\] must be greater than 0"):
        simulate_bgnbd(10, [0, 1, 1, 1], random_state=0)
    with pytest.raises(CRMDataError, match="non-negative whole numbers"):
        simulate_gamma_gamma([1.5], {"p": 1, "q": 2, "gamma": 3})
    a = simulate_bgnbd(100, CDNOW_PARAMS, random_state=3)
    pd.testing.assert_frame_equal(a, simulate_bgnbd(100, CDNOW_PARAMS, random_state=3))
    assert (a["recency"] <= a["T"]).all() and ((a["frequency"] == 0) == (a["recency"] == 0)).all()
