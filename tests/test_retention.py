"""Tests for crmlearn.retention: the shifted-beta-geometric model, cohort tables and churn rates."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlearn import CRMDataError, NotFittedError
from crmlearn.clv import ConvergenceError
from crmlearn.retention import ShiftedBetaGeometric, churn_rate, cohort_table, simulate_sbg

# Fader & Hardie (2007), "How to project customer retention", percentage of customers still
# active at the start of years 0..12 (also in ../shared/data/README.md).
REGULAR = [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1, 22.3, 20.7, 19.4, 18.3, 17.3]
HIGH_END = [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1, 46.8, 44.5, 42.7, 40.9, 39.4]


def counts(percentages):
    """Exact counts out of 1,000 customers (631, not 630)."""
    return np.round(np.array(percentages) * 10).astype(int)


# ------------------------------------------------------------------------------------------
# sBG: reference
# ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("series, alpha, beta", [(REGULAR, 0.704, 1.182), (HIGH_END, 0.668, 3.806)])
def test_sbg_reproduces_fader_hardie_2007(series, alpha, beta):
    # Reference: Fader & Hardie (2007), fitted on years 1..7 of 1,000 customers:
    # regular alpha = 0.704, beta = 1.182; high end alpha = 0.668, beta = 3.806.
    model = ShiftedBetaGeometric().fit(counts(series)[:8])
    assert model.params_["alpha"] == pytest.approx(alpha, abs=5e-4)
    assert model.params_["beta"] == pytest.approx(beta, abs=5e-4)
    assert model.n_periods_ == 7


@pytest.mark.parametrize("series, tolerance", [(REGULAR, 0.5), (HIGH_END, 2.0)])
def test_sbg_projects_years_8_to_12(series, tolerance):
    # Reference: Fader & Hardie (2007), Figure 3: the sBG fitted on years 1-7 tracks the actual
    # survival of years 8-12 closely (regular within 0.5 points, high end within 2 points, low).
    model = ShiftedBetaGeometric().fit(counts(series)[:8])
    projected = 100 * model.survival(np.arange(8, 13))
    actual = np.array(series[8:])
    assert np.abs(projected - actual).max() < tolerance
    # the model's retention rate rises with tenure, as in the data
    assert np.all(np.diff(model.retention_rate(np.arange(1, 13))) > 0)


def test_sbg_projection_table():
    model = ShiftedBetaGeometric().fit(counts(REGULAR)[:8])
    proj = model.project(12)
    assert list(proj.columns) == ["survival", "retention_rate", "expected_alive", "actual_alive", "in_sample"]
    assert list(proj.index) == list(range(13))
    assert proj.loc[0, "survival"] == 1.0 and np.isnan(proj.loc[0, "retention_rate"])
    assert proj["in_sample"].sum() == 8
    assert proj["actual_alive"].iloc[:8].tolist() == counts(REGULAR)[:8].tolist()
    assert proj["actual_alive"].iloc[8:].isna().all()
    np.testing.assert_allclose(proj["expected_alive"], 1000 * proj["survival"])
    # survival is the product of the retention rates
    np.testing.assert_allclose(proj["survival"].iloc[1:], np.cumprod(proj["retention_rate"].iloc[1:]))


def test_sbg_formulas():
    model = ShiftedBetaGeometric().fit(counts(REGULAR)[:8])
    a, b = model.params_
    assert model.survival(0) == 1.0
    assert model.retention_rate(1) == pytest.approx(b / (a + b))
    assert model.survival(2) == pytest.approx(b / (a + b) * (b + 1) / (a + b + 1))
    assert model.expected_lifetime() == float("inf")            # alpha < 1: a heavy tail of loyal customers
    table = model.summary()
    assert list(table.index) == ["alpha", "beta"]
    assert (table["std_error"] > 0).all()
    assert model.log_likelihood_ < 0


def test_sbg_log_likelihood_by_hand():
    alive = np.array([1000, 631, 468, 382, 326, 289, 262, 241])
    model = ShiftedBetaGeometric().fit(alive)
    a, b = model.params_
    t = np.arange(1, 8)
    surv = np.r_[1.0, np.cumprod((b + t - 1) / (a + b + t - 1))]
    died = -np.diff(surv)
    want = np.dot(alive[:-1] - alive[1:], np.log(died)) + alive[-1] * np.log(surv[-1])
    assert model.log_likelihood_ == pytest.approx(want, rel=1e-10)


# ------------------------------------------------------------------------------------------
# sBG: simulated data, invariants, bad input
# ------------------------------------------------------------------------------------------
def test_sbg_recovers_simulated_parameters():
    alive = simulate_sbg(200_000, 1.5, 4.0, periods=12, random_state=3)
    model = ShiftedBetaGeometric().fit(alive)
    se = model.summary()["std_error"]
    assert abs(model.params_["alpha"] - 1.5) < 4 * se["alpha"]
    assert abs(model.params_["beta"] - 4.0) < 4 * se["beta"]
    assert model.expected_lifetime() == pytest.approx((model.params_.sum() - 1) / (model.params_["alpha"] - 1))


@settings(max_examples=30, deadline=None)
@given(st.floats(0.1, 20), st.floats(0.1, 20), st.integers(2, 15), st.integers(0, 10_000))
def test_sbg_invariants(alpha, beta, periods, seed):
    alive = simulate_sbg(5000, alpha, beta, periods=periods, random_state=seed)
    assert alive[0] == 5000 and (np.diff(alive) <= 0).all()
    try:
        model = ShiftedBetaGeometric(penalizer=1e-6).fit(alive)
    except ConvergenceError:
        return
    s = model.survival(np.arange(0, 30))
    assert s[0] == 1.0 and (np.diff(s) <= 0).all() and (s >= 0).all()
    r = model.retention_rate(np.arange(1, 30))
    assert ((r > 0) & (r < 1)).all() and (np.diff(r) >= 0).all()


def test_sbg_follows_sklearn_conventions():
    model = ShiftedBetaGeometric()
    assert vars(model) == {"penalizer": 0.0, "max_iter": 1000, "tol": 1e-12}
    alive = [1000, 631, 468]
    assert model.fit(alive) is model
    assert alive == [1000, 631, 468]
    s = pd.Series([100, 80, 70], index=[2019, 2020, 2021])
    ShiftedBetaGeometric().fit(s)
    assert s.tolist() == [100, 80, 70]


@pytest.mark.parametrize("alive, exc, match", [
    ([1000, 631, 700], CRMDataError, r"must not increase.*from 631 in period 1 to 700 in period 2"),
    ([1000], CRMDataError, "at least two values"),
    ([0, 0], CRMDataError, "cohort size and must be positive"),
    ([1000, -5], CRMDataError, "negative count"),
    ([1000, np.nan], CRMDataError, "missing"),
    ("1000, 631", TypeError, "alive must be a list"),
    ([[1000, 631]], CRMDataError, "one-dimensional"),
    (["a", "b"], TypeError, "alive must hold numbers"),
])
def test_sbg_bad_input(alive, exc, match):
    with pytest.raises(exc, match=match):
        ShiftedBetaGeometric().fit(alive)


def test_sbg_unfitted_and_bad_periods():
    for call in (lambda m: m.survival(1), lambda m: m.retention_rate(1), lambda m: m.project(5),
                 lambda m: m.summary(), lambda m: m.expected_lifetime()):
        with pytest.raises(NotFittedError, match="^ShiftedBetaGeometric is not fitted yet. Call .fit\\(data\\) first.$"):
            call(ShiftedBetaGeometric())
    model = ShiftedBetaGeometric().fit([100, 60, 45])
    with pytest.raises(CRMDataError, match="whole periods >= 1"):
        model.retention_rate(0)
    with pytest.raises(CRMDataError, match="whole periods >= 0"):
        model.survival(1.5)
    with pytest.raises(TypeError, match="periods must be a whole number"):
        model.project(2.5)


# ------------------------------------------------------------------------------------------
# cohorts and churn
# ------------------------------------------------------------------------------------------
@pytest.fixture
def tx():
    return pd.DataFrame({
        "customer_id": ["A", "A", "B", "B", "C", "A", "D", "D"],
        "order_date": pd.to_datetime(["2024-01-05", "2024-02-11", "2024-01-20", "2024-03-02", "2024-02-14",
                                      "2024-03-30", "2024-01-31", "2024-01-02"]),
        "amount": [1.0] * 8,
    })


def test_cohort_table_by_hand(tx):
    before = tx.copy()
    table = cohort_table(tx)
    pd.testing.assert_frame_equal(tx, before)
    assert [str(c) for c in table.index] == ["2024-01", "2024-02"]
    assert table.index.name == "cohort" and table.columns.name == "periods_since_first"
    # January: A, B, D (D twice in January counts once); February: A; March: A, B
    np.testing.assert_allclose(table.loc[pd.Period("2024-01")].to_numpy(), [1.0, 1 / 3, 2 / 3])
    assert table.loc[pd.Period("2024-02"), 0] == 1.0 and table.loc[pd.Period("2024-02"), 1] == 0.0
    assert np.isnan(table.loc[pd.Period("2024-02"), 2])          # April is not in the data
    assert table.attrs["cohort_size"].tolist() == [3, 1]
    counts_table = cohort_table(tx, values="count")
    assert counts_table.loc[pd.Period("2024-01")].tolist() == [3.0, 1.0, 2.0]


def test_cohort_table_other_periods(tx):
    q = cohort_table(tx, freq="Q")
    assert q.shape == (1, 1) and q.iloc[0, 0] == 1.0
    w = cohort_table(tx, freq="W")
    assert w.index.freqstr.startswith("W")
    assert (w[0] == 1.0).all()
    d = cohort_table(tx.rename(columns={"customer_id": "cid", "order_date": "day"}), freq="D",
                     customer="cid", date="day")
    assert len(d) == 4                                          # first days of A, B, C, D


def _naive_cohorts(tx, freq):
    p = tx.assign(period=tx["order_date"].dt.to_period(freq))
    first = p.groupby("customer_id")["period"].transform("min")
    p = p.assign(cohort=first, age=(p["period"] - first).apply(lambda off: off.n))
    counts = p.drop_duplicates(["customer_id", "period"]).groupby(["cohort", "age"]).size().unstack(fill_value=0)
    return counts.div(counts[0], axis=0)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 15), st.integers(0, 400)), min_size=1, max_size=60))
def test_cohort_table_matches_a_plain_groupby(rows):
    tx = pd.DataFrame({"customer_id": [r[0] for r in rows],
                       "order_date": pd.Timestamp("2023-01-01") + pd.to_timedelta([r[1] for r in rows], unit="D")})
    got = cohort_table(tx)
    want = _naive_cohorts(tx, "M")
    last = tx["order_date"].max().to_period("M")
    for cohort in want.index:
        for age in want.columns:
            if cohort + age <= last:
                assert got.loc[cohort, age] == pytest.approx(want.loc[cohort, age])
            else:
                assert np.isnan(got.loc[cohort, age])


def test_churn_rate_by_hand(tx):
    out = churn_rate(tx)
    assert [str(p) for p in out.index] == ["2024-01", "2024-02"]
    # January: A, B, D active; only A buys in February -> 2 of 3 churned.
    assert out.loc[pd.Period("2024-01")].tolist()[:3] == [3, 1, 2]
    assert out.loc[pd.Period("2024-01"), "churn_rate"] == pytest.approx(2 / 3)
    # February: A and C active; A buys in March -> churn 1/2
    assert out.loc[pd.Period("2024-02"), "churn_rate"] == pytest.approx(0.5)
    np.testing.assert_allclose(out["churn_rate"] + out["retention_rate"], 1.0)


def test_churn_rate_on_cdnow(shared_data):
    tx = pd.read_csv(shared_data / "cdnow" / "CDNOW_sample.txt", sep=r"\s+", header=None,
                     names=["master_id", "customer_id", "date", "number_of_cds", "amount"], dtype={"date": str})
    tx["order_date"] = pd.to_datetime(tx["date"], format="%Y%m%d")
    out = churn_rate(tx, freq="Q")
    # every CDNOW sample customer first bought in Q1 1997, so all 2,357 are active then
    assert out["active"].iloc[0] == 2357
    assert str(out.index[-1]) == "1998Q1"
    assert (out["retained"] <= out["active"]).all()
    table = cohort_table(tx, freq="Q")
    assert len(table) == 1 and table.attrs["cohort_size"].iloc[0] == 2357
    np.testing.assert_allclose(table.iloc[0, 1], out["retained"].iloc[0] / 2357)


def test_churn_rate_gap_periods_have_no_activity():
    tx = pd.DataFrame({"customer_id": [1, 1], "order_date": pd.to_datetime(["2024-01-10", "2024-04-10"])})
    out = churn_rate(tx)
    assert len(out) == 3
    assert out["active"].tolist() == [1, 0, 0]
    assert out["churn_rate"].iloc[0] == 1.0 and out["churn_rate"].iloc[1:].isna().all()


@pytest.mark.parametrize("func", [cohort_table, churn_rate])
def test_cohort_and_churn_bad_input(tx, func):
    with pytest.raises(TypeError, match="transactions must be a pandas DataFrame"):
        func([1, 2])
    with pytest.raises(CRMDataError, match="column 'date' not found"):
        func(tx, date="date")
    with pytest.raises(CRMDataError, match="freq='month' is not allowed"):
        func(tx, freq="month")
    with pytest.raises(CRMDataError, match="empty"):
        func(tx.iloc[:0])
    bad = tx.copy()
    bad.loc[0, "order_date"] = pd.NaT
    with pytest.raises(CRMDataError, match="missing 'order_date'"):
        func(bad)


# ------------------------------------------------------------------------------------------
# cohorts and churn: returns and lost tenders are not purchases
# ------------------------------------------------------------------------------------------
@pytest.fixture
def tx_with_returns(tx):
    """The hand-worked purchases plus a return by C and a lost tender by D, both in March."""
    extra = pd.DataFrame({"customer_id": ["C", "D", "E"],
                          "order_date": pd.to_datetime(["2024-03-05", "2024-03-09", "2024-03-20"]),
                          "amount": [-5.0, 0.0, 0.0]})
    out = pd.concat([tx, extra], ignore_index=True)
    out["is_return"] = [False] * len(tx) + [True, False, False]
    out["tender_result"] = ["n/a"] * len(tx) + ["n/a", "lost", "Lost"]
    return out


def test_returns_and_lost_tenders_are_not_activity(tx, tx_with_returns):
    before = tx_with_returns.copy()
    churn = churn_rate(tx_with_returns)
    pd.testing.assert_frame_equal(tx_with_returns, before)
    # the same as the purchases alone: C's return does not retain her, D's and E's lost bids count nowhere
    pd.testing.assert_frame_equal(churn, churn_rate(tx), check_exact=True)
    assert churn.loc[pd.Period("2024-02"), "churned"] == 1 and churn.attrs["excluded_rows"] == 3
    table = cohort_table(tx_with_returns, values="count")
    pd.testing.assert_frame_equal(table, cohort_table(tx, values="count"))
    assert table.attrs["cohort_size"].sum() == 4                      # E never bought: no cohort
    # counting every row (the old behaviour): C is retained in March, E starts a March cohort
    every = dict(is_return=None, tender=None, amount=None)
    assert churn_rate(tx_with_returns, **every).loc[pd.Period("2024-02"), "churned"] == 0
    assert cohort_table(tx_with_returns, **every).attrs["cohort_size"].sum() == 5
    # only one of the two rules
    assert churn_rate(tx_with_returns, tender=None).attrs["excluded_rows"] == 1
    assert churn_rate(tx_with_returns, is_return=None, amount=None).attrs["excluded_rows"] == 2


def test_negative_amounts_are_returns_without_a_flag(tx_with_returns):
    no_flag = tx_with_returns.drop(columns=["is_return", "tender_result"])
    assert churn_rate(no_flag).attrs["excluded_rows"] == 1            # the -5 row
    assert churn_rate(no_flag, amount=None).attrs["excluded_rows"] == 0
    # a flag, when there is one, decides (a positive amount flagged as a return is a return)
    flagged = tx_with_returns.assign(amount=tx_with_returns["amount"].abs())
    assert churn_rate(flagged, tender=None).attrs["excluded_rows"] == 1
    renamed = tx_with_returns.rename(columns={"is_return": "returned", "tender_result": "bid"})
    pd.testing.assert_frame_equal(churn_rate(renamed, is_return="returned", tender="bid"),
                                  churn_rate(tx_with_returns))


def test_the_window_includes_rows_that_are_not_purchases(tx):
    """A last month with only a return is still observed: February's buyers churn or not in it."""
    late = pd.concat([tx, pd.DataFrame({"customer_id": ["A"], "order_date": pd.to_datetime(["2024-04-02"]),
                                        "amount": [-1.0]})], ignore_index=True)
    out = churn_rate(late)
    assert str(out.index[-1]) == "2024-03" and out.loc[pd.Period("2024-03"), "churn_rate"] == 1.0
    assert cohort_table(late).shape[1] == 4                          # ages 0..3 observed for January


@pytest.mark.parametrize("func", [cohort_table, churn_rate])
def test_return_columns_bad_input(tx_with_returns, func):
    with pytest.raises(CRMDataError, match="column 'returned' not found"):
        func(tx_with_returns, is_return="returned")
    with pytest.raises(CRMDataError, match="column 'is_return' must be true/false"):
        func(tx_with_returns.assign(is_return="maybe"))
    with pytest.raises(CRMDataError, match="every row is a return or a lost tender"):
        func(tx_with_returns.assign(is_return=True))


def test_course_data_needs_no_purchase_filter():
    """On the course data, the default rule gives what filtering amount > 0 by hand gave."""
    import crmlearn

    course = crmlearn.load_dataset("transactions")
    purchases = course[course["amount"] > 0]
    yearly = churn_rate(course, freq="Y")
    pd.testing.assert_frame_equal(yearly, churn_rate(purchases, freq="Y"))
    assert yearly.attrs["excluded_rows"] == len(course) - len(purchases)
    assert churn_rate(course, freq="Y", is_return=None, tender=None)["retained"].iloc[0] != \
        yearly["retained"].iloc[0]                                  # the rule matters here
    pd.testing.assert_frame_equal(cohort_table(course, freq="Q"), cohort_table(purchases, freq="Q"))


def test_churn_rate_single_period(tx):
    with pytest.raises(CRMDataError, match="single period"):
        churn_rate(tx, freq="Y")
