"""Tests for crmlearn.segmentation: types by nature, quality traits, segmentation bases, k-means."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlearn import CRMDataError
from crmlearn.segmentation import (
    CONTACT_ROLES,
    REVENUE_SOURCES,
    basis_spread,
    behaviour_segments,
    contact_roles,
    choose_k,
    classify_by_nature,
    kmeans_segments,
    nature_summary,
    quality_traits,
    revenue_crosstab,
    segment_by,
    segment_profiles,
)


@pytest.fixture
def course():
    import crmlearn
    from crmlearn.customers import summarize_customers

    tx = crmlearn.load_dataset("transactions")
    master = crmlearn.load_dataset("customers")
    return master.set_index("customer_id").join(summarize_customers(tx))


@pytest.fixture
def blobs():
    """Three well-separated groups of customers (40, 30, 20), shuffled."""
    rng = np.random.default_rng(1)
    parts = [pd.DataFrame({"frequency": rng.normal(f, 0.5, n), "monetary": rng.normal(m, 20, n), "truth": t})
             for f, m, n, t in ((2, 100, 40, "low"), (10, 800, 30, "mid"), (25, 3000, 20, "high"))]
    df = pd.concat(parts, ignore_index=True).sample(frac=1, random_state=2)
    df.index = [f"C{i:03d}" for i in range(len(df))]
    return df


# ---------------------------------------------------------------------------------------------
# customers by nature
# ---------------------------------------------------------------------------------------------
def test_classify_by_nature_exercise():
    # Exercise 1 of Chapter 2: family / car maker buying tyres / licensed dealer / own IT department
    df = pd.DataFrame({"is_internal": [False, False, False, True], "is_agent": [False, False, True, False],
                       "adds_to_offering": [False, True, False, False]}, index=list("abcd"))
    out = classify_by_nature(df)
    assert out["nature_type"].astype(str).tolist() == ["retail", "business", "channel", "internal"]
    assert out["nature_type_zh"].tolist()[3] == "内部客户"
    assert out.index.equals(df.index)
    with pytest.raises(CRMDataError, match="must be true/false"):
        classify_by_nature(df.assign(is_agent=["no", "no", "yes", "no"]))
    with pytest.raises(CRMDataError, match="column 'is_agent' not found"):
        classify_by_nature(df.drop(columns="is_agent"))


def test_nature_summary_by_hand():
    df = pd.DataFrame({"nature_type": ["retail", "retail", "business", "channel"],
                       "monetary": [100.0, 100.0, 600.0, 200.0]})
    s = nature_summary(df)
    assert list(s.index) == ["retail", "business", "channel", "internal"]
    assert s["customers"].tolist() == [2, 1, 1, 0]
    np.testing.assert_allclose(s["value_share"], [0.2, 0.6, 0.2, 0.0])
    assert s.loc["business", "value_index"] == pytest.approx(240.0)
    assert s.loc["channel", "name_zh"] == "渠道经销商与持牌代理人"
    counts = nature_summary(df.assign(nature_type=["retail", "partner", "business", "channel"]), value=None)
    assert list(counts.index)[-1] == "partner" and "value" not in counts.columns
    with pytest.raises(CRMDataError, match="missing 'nature_type'"):
        nature_summary(df.assign(nature_type=[None, "retail", "business", "channel"]))


# ---------------------------------------------------------------------------------------------
# segmentation bases
# ---------------------------------------------------------------------------------------------
def test_segment_by_bins_and_groups():
    df = pd.DataFrame({"age": [22, 31, 38, 45, 61, np.nan], "region": ["East", "East", "North", "South", "East", "North"],
                       "monetary": [100.0, 200.0, 300.0, 300.0, 100.0, 0.0]})
    by_age = segment_by(df, by="age", bins=[0, 30, 50, 120])
    assert by_age["customers"].tolist() == [1, 3, 1, 1]  # the missing age is its own group
    assert by_age["value_share"].sum() == pytest.approx(1.0)
    by_region = segment_by(df, by="region")
    assert by_region.loc["East", "customers"] == 3
    assert by_region.loc["East", "value_index"] == pytest.approx(400 / 3 / (1000 / 6) * 100)
    both = segment_by(df, by=["region", "age"], bins={"age": [0, 40, 120]})
    assert both.index.nlevels == 2 and both["customers"].sum() == 6
    quant = segment_by(df.dropna(), by="monetary", bins=2, value=None)
    assert quant["customers"].sum() == 5 and list(quant.columns) == ["customers", "customer_share"]


def test_segment_by_errors():
    df = pd.DataFrame({"age": [22, 31], "region": ["East", "West"], "monetary": [1.0, 2.0]})
    with pytest.raises(CRMDataError, match="fall outside the bins"):
        segment_by(df, by="age", bins=[0, 25])
    with pytest.raises(CRMDataError, match="bins given for 'region', which is not numeric"):
        segment_by(df, by="region", bins=3)
    with pytest.raises(CRMDataError, match="column 'city' not found"):
        segment_by(df, by="city")
    with pytest.raises(CRMDataError, match="bins names column 'income'"):
        segment_by(df, by="age", bins={"income": 3})
    with pytest.raises(TypeError, match="give bins as a dict"):
        segment_by(df, by=["age", "region"], bins=3)
    with pytest.raises(CRMDataError, match="empty"):
        segment_by(df.iloc[:0], by="age")


def test_behaviour_segments_exercise():
    # Exercise 4 of Chapter 2: frequent = 5 or more purchases -> 5 frequent, 4 one-time buyers
    df = pd.DataFrame({"frequency": [1, 1, 2, 5, 9, 1, 3, 12, 1, 6, 2, 8]})
    out = behaviour_segments(df)
    counts = out["behaviour_segment"].value_counts()
    assert (counts["frequent"], counts["one-time"], counts["repeat"], counts["none"]) == (5, 4, 3, 0)
    assert behaviour_segments(df, min_frequent=3)["behaviour_segment"].value_counts()["frequent"] == 6
    with pytest.raises(CRMDataError, match="negative 'frequency'"):
        behaviour_segments(pd.DataFrame({"frequency": [1, -1]}))
    with pytest.raises(CRMDataError, match="frequent must be at least 2"):
        behaviour_segments(df, min_frequent=1)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["East", "North", "South", "West"]), min_size=1, max_size=50), st.data())
def test_segment_by_invariants(regions, data):
    values = data.draw(st.lists(st.floats(0.01, 1e5), min_size=len(regions), max_size=len(regions)))
    df = pd.DataFrame({"region": regions, "monetary": values})
    before = df.copy()
    prof = segment_by(df, by="region")
    pd.testing.assert_frame_equal(df, before)
    assert prof["customers"].sum() == len(df)
    assert prof["customer_share"].sum() == pytest.approx(1.0)
    assert prof["value_share"].sum() == pytest.approx(1.0)
    assert (prof["value_index"] * prof["customer_share"]).sum() == pytest.approx(100.0)


# ---------------------------------------------------------------------------------------------
# k-means
# ---------------------------------------------------------------------------------------------
def test_kmeans_recovers_separated_groups(blobs):
    before = blobs.copy()
    out = kmeans_segments(blobs, features=["frequency", "monetary"], k=3)
    pd.testing.assert_frame_equal(blobs, before)
    assert out.index.equals(blobs.index)
    # each true group lands in exactly one segment; numbered by mean frequency, largest first
    assert pd.crosstab(out["truth"], out["segment"]).gt(0).sum(axis=1).tolist() == [1, 1, 1]
    assert out.groupby("truth")["segment"].first().to_dict() == {"high": 0, "mid": 1, "low": 2}
    centers = out.attrs["centers"]
    assert centers.loc[0, "frequency"] == pytest.approx(blobs.loc[blobs["truth"] == "high", "frequency"].mean())
    again = kmeans_segments(blobs, features=["frequency", "monetary"], k=3)
    assert (again["segment"] == out["segment"]).all()  # same seed, same segments


def test_kmeans_options_and_errors(blobs):
    logged = kmeans_segments(blobs.assign(monetary=blobs["monetary"].clip(lower=0)),
                             features=["frequency", "monetary"], k=2, log=True, scale=False)
    assert set(logged["segment"]) == {0, 1}
    assert kmeans_segments(blobs, features=["frequency"], k=1)["segment"].eq(0).all()
    with pytest.raises(CRMDataError, match="k=200 is more than the 90 customers"):
        kmeans_segments(blobs, features=["frequency"], k=200)
    with pytest.raises(CRMDataError, match="column 'recency' not found"):
        kmeans_segments(blobs, features=["recency"], k=2)
    with pytest.raises(CRMDataError, match="'truth' must be numeric"):
        kmeans_segments(blobs, features=["truth"], k=2)
    with pytest.raises(CRMDataError, match="missing 'monetary'"):
        kmeans_segments(blobs.assign(monetary=np.nan), features=["monetary"], k=2)
    with pytest.raises(CRMDataError, match="log=True needs features >= 0"):
        kmeans_segments(blobs.assign(monetary=-blobs["monetary"]), features=["monetary"], k=2, log=True)
    with pytest.raises(TypeError, match="k must be a whole number"):
        kmeans_segments(blobs, features=["frequency"], k=2.0)
    with pytest.raises(CRMDataError, match="features is empty"):
        kmeans_segments(blobs, features=[], k=2)


def test_segment_profiles(blobs):
    seg = kmeans_segments(blobs, features=["frequency", "monetary"], k=3)
    prof = segment_profiles(seg, features=["frequency", "monetary"], value="monetary")
    assert list(prof.index) == [0, 1, 2]
    assert prof["customers"].tolist() == [20, 30, 40]
    assert prof["value_share"].sum() == pytest.approx(1.0)
    assert prof.loc[2, "frequency"] == pytest.approx(blobs.loc[blobs["truth"] == "low", "frequency"].mean())
    auto = segment_profiles(seg.drop(columns="truth"))
    assert list(auto.columns) == ["customers", "customer_share", "frequency", "monetary"]
    with pytest.raises(CRMDataError, match="column 'segment' not found"):
        segment_profiles(blobs)


def test_choose_k(blobs):
    table = choose_k(blobs, features=["frequency", "monetary"], k_range=range(2, 6))
    assert list(table.index) == [2, 3, 4, 5]
    assert table.attrs["best_k"] == 3
    assert (np.diff(table["inertia"]) < 0).all()
    assert table["silhouette"].between(-1, 1).all()
    with pytest.raises(CRMDataError, match="k=90 needs more than 90 customers"):
        choose_k(blobs, features=["frequency"], k_range=[2, 90])
    with pytest.raises(CRMDataError, match="k_range must be at least 2"):
        choose_k(blobs, features=["frequency"], k_range=[1, 2])
    with pytest.raises(CRMDataError, match="k_range is empty"):
        choose_k(blobs, features=["frequency"], k_range=[])


def test_choose_k_samples_the_silhouette():
    rng = np.random.default_rng(0)
    big = pd.DataFrame({"x": np.r_[rng.normal(0, 1, 6000), rng.normal(10, 1, 6000)]})
    table = choose_k(big, features=["x"], k_range=[2, 3], sample_size=500, n_init=1)
    assert table.attrs["best_k"] == 2
    assert table.loc[2, "silhouette"] > 0.7


# ---------------------------------------------------------------------------------------------
# the course data
# ---------------------------------------------------------------------------------------------
def test_course_nature_and_segments(course):
    s = nature_summary(course)
    assert list(s.index[:4]) == ["retail", "business", "channel", "internal"]
    assert (s["customers"].iloc[:4] > 0).all()
    assert s["customers"].sum() == len(course)
    assert s.loc["business", "avg_value"] > s.loc["retail", "avg_value"]  # firms buy more than individuals
    geo = segment_by(course, by="region")
    assert geo["value_share"].sum() == pytest.approx(1.0)
    seg = kmeans_segments(course, features=["recency_days", "frequency", "monetary"], k=4, log=True)
    prof = segment_profiles(seg, features=["recency_days", "frequency", "monetary"], value="monetary")
    assert prof["customers"].sum() == len(course) and len(prof) == 4


# ---------------------------------------------------------------------------------------------
# quality traits
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def traits_input():
    """Four customers; C4 lacks most values."""
    return pd.DataFrame({
        "first_order_date": pd.to_datetime(["2019-05-01", "2023-03-01", "2021-12-31", None]),
        "n_suppliers": [1, 2, 4, 1],
        "on_time_share": [0.95, 1.0, 0.5, np.nan],
        "cost_to_serve_cny": [500.0, 300.0, 800.0, 100.0],
        "monetary": [20000.0, 9000.0, 5000.0, np.nan],
        "price_sensitivity": [0.2, 0.3, 0.7, np.nan],
    }, index=pd.Index(["C1", "C2", "C3", "C4"], name="customer_id"))


def test_quality_traits_by_hand(traits_input):
    before = traits_input.copy()
    out = quality_traits(traits_input, as_of="2024-12-31")
    pd.testing.assert_frame_equal(traits_input, before)
    assert list(out.columns) == list(traits_input.columns) + ["long_term", "profitable", "sees_value", "n_traits"]
    assert out.index.equals(traits_input.index)
    assert out["long_term"].tolist() == [True, False, True, False]     # 2021-12-31 is exactly 3 years
    assert out["profitable"].tolist() == [True, True, False, False]    # C3 uses 4 suppliers; C4 unknown
    assert out["sees_value"].tolist() == [True, True, False, False]
    assert out["n_traits"].tolist() == [3, 2, 1, 0]
    assert out["n_traits"].dtype == np.int64 and out["long_term"].dtype == bool
    assert out.attrs["as_of"] == pd.Timestamp("2024-12-31") and out.attrs["thresholds"]["max_suppliers"] == 2


def test_quality_traits_thresholds(traits_input):
    # C1's cost to serve is 2.5% of its revenue: out at 2% ...
    assert not quality_traits(traits_input, as_of="2024-12-31", max_cost_share=0.02).loc["C1", "profitable"]
    # ... and out when the revenue covers 5 cost periods (12.5% > 10%)
    assert not quality_traits(traits_input, as_of="2024-12-31", cost_periods=5).loc["C1", "profitable"]
    assert quality_traits(traits_input, as_of="2024-12-31", cost_periods=4).loc["C1", "profitable"]
    out = quality_traits(traits_input, as_of="2024-12-31", min_years=1, max_suppliers=4, min_on_time=0.5,
                         max_price_sensitivity=0.7)
    assert out["n_traits"].tolist() == [3, 3, 2, 0]                    # C3 still costs 16% of revenue
    assert quality_traits(traits_input, as_of="2024-12-30")["long_term"].tolist() == [True, False, False, False]
    named = traits_input.rename(columns={"on_time_share": "paid_ok", "monetary": "revenue"})
    again = quality_traits(named, on_time="paid_ok", value="revenue", as_of="2024-12-31")
    new = ["long_term", "profitable", "sees_value", "n_traits"]
    pd.testing.assert_frame_equal(again[new], quality_traits(traits_input, as_of="2024-12-31")[new])


@settings(max_examples=30, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.integers(0, 6))
def test_quality_traits_looser_thresholds_never_remove_a_trait(low, high, years):
    rng = np.random.default_rng(3)
    n = 60
    data = pd.DataFrame({
        "first_order_date": pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3650, n), unit="D"),
        "n_suppliers": rng.integers(1, 6, n), "on_time_share": rng.uniform(0, 1, n),
        "cost_to_serve_cny": rng.uniform(0, 500, n), "monetary": rng.uniform(-100, 10000, n),
        "price_sensitivity": rng.uniform(0, 1, n),
    })
    low, high = min(low, high), max(low, high)
    strict = quality_traits(data, as_of="2024-12-31", min_years=years + 1, min_on_time=high,
                            max_price_sensitivity=low, max_cost_share=low)
    loose = quality_traits(data, as_of="2024-12-31", min_years=years, min_on_time=low,
                           max_price_sensitivity=high, max_cost_share=high)
    for col in ["long_term", "profitable", "sees_value"]:
        assert not (strict[col] & ~loose[col]).any()
    assert (strict["n_traits"] <= loose["n_traits"]).all()
    assert (loose["n_traits"] == loose[["long_term", "profitable", "sees_value"]].sum(axis=1)).all()


def test_quality_traits_from_payments(traits_input):
    pay = pd.DataFrame({
        "customer_id": ["C1", "C1", "C2", "C3", "C3"],
        "invoice_date": pd.to_datetime(["2024-10-31", "2024-11-30", "2024-11-30", "2024-10-31", "2024-12-31"]),
        "invoice_amount": [100.0, 100.0, 50.0, 80.0, 80.0],
        "due_date": pd.to_datetime(["2024-11-30", "2024-12-30", "2024-12-30", "2024-11-30", "2025-01-30"]),
        # C1: on time, then 8 days late (grace is 7); C2 within the grace; C3 unpaid and overdue, then open
        "payment_date": pd.to_datetime(["2024-11-29", "2025-01-07", "2025-01-06", None, None]),
        "payment_amount": [100.0, 100.0, 50.0, 0.0, 0.0],
    })
    data = traits_input.drop(columns="on_time_share")
    out = quality_traits(data, payments=pay)
    assert out.attrs["as_of"] == pd.Timestamp("2025-01-07")      # the last payment
    assert out["profitable"].tolist() == [False, True, False, False]  # C1: 1 of 2 on time
    assert quality_traits(data, payments=pay, min_on_time=0.5).loc["C1", "profitable"]
    assert quality_traits(data, payments=pay, grace_days=8).loc["C1", "profitable"]
    # ids in a column instead of the index: the result keeps the input's index
    flat = data.reset_index()
    by_col = quality_traits(flat, payments=pay)
    assert by_col.index.equals(flat.index)
    assert by_col["n_traits"].tolist() == out["n_traits"].tolist()


@pytest.mark.filterwarnings("ignore:Could not infer format")
def test_quality_traits_bad_input(traits_input):
    with pytest.raises(TypeError, match="DataFrame"):
        quality_traits([1, 2], as_of="2024-12-31")
    with pytest.raises(CRMDataError, match="column 'n_suppliers' not found"):
        quality_traits(traits_input.drop(columns="n_suppliers"), as_of="2024-12-31")
    with pytest.raises(CRMDataError, match="'on_time_share' .* not found. Pass payments="):
        quality_traits(traits_input.drop(columns="on_time_share"), as_of="2024-12-31")
    with pytest.raises(CRMDataError, match="as_of is needed"):
        quality_traits(traits_input)
    with pytest.raises(CRMDataError, match="as_of='someday' is not a date"):
        quality_traits(traits_input, as_of="someday")
    with pytest.raises(CRMDataError, match="min_on_time must be \\[0, 1\\]"):
        quality_traits(traits_input, as_of="2024-12-31", min_on_time=80)
    with pytest.raises(CRMDataError, match="max_cost_share must be zero or more"):
        quality_traits(traits_input, as_of="2024-12-31", max_cost_share=-0.1)
    with pytest.raises(CRMDataError, match="cost_periods must be positive"):
        quality_traits(traits_input, as_of="2024-12-31", cost_periods=0)
    with pytest.raises(TypeError, match="max_suppliers"):
        quality_traits(traits_input, as_of="2024-12-31", max_suppliers=2.5)
    with pytest.raises(CRMDataError, match="not numeric|must be numeric"):
        quality_traits(traits_input.assign(price_sensitivity="low"), as_of="2024-12-31")
    with pytest.raises(CRMDataError, match="must hold dates"):
        quality_traits(traits_input.assign(first_order_date="long ago"), as_of="2024-12-31")
    pay = pd.DataFrame({"customer_id": ["C1"], "invoice_date": pd.to_datetime(["2024-01-31"]),
                        "invoice_amount": [10.0], "payment_date": pd.to_datetime([None]),
                        "payment_amount": [0.0]})
    with pytest.raises(CRMDataError, match="no 'due_date' column"):
        quality_traits(traits_input, payments=pay)
    with pytest.raises(TypeError, match="payments must be a DataFrame"):
        quality_traits(traits_input, payments="payments.csv")
    twice = pd.concat([traits_input, traits_input.iloc[:1]])
    with pytest.raises(CRMDataError, match="customer 'C1' more than once"):
        quality_traits(twice, payments=pay.assign(due_date=pd.to_datetime(["2024-02-29"])))


def test_quality_traits_course_data_matches_plain_pandas():
    """The library against the proxies written out in pandas (the chapter 2 definitions)."""
    import crmlearn
    from crmlearn.customers import summarize_customers

    master = crmlearn.load_dataset("customers")
    tx = crmlearn.load_dataset("transactions")
    pay = crmlearn.load_dataset("payments")
    cust = master.set_index("customer_id").join(summarize_customers(tx, customers=master))
    out = quality_traits(cust, payments=pay, cost_periods=2)
    # on time: paid in full within 7 days of the due date; open invoices (deadline not passed
    # at 2024-12-31, not paid in full) count in neither the numerator nor the denominator
    deadline = pay["due_date"] + pd.Timedelta(days=7)
    in_full = pay["payment_date"].notna() & (pay["payment_amount"] >= pay["invoice_amount"] - 0.005)
    on_time = in_full & (pay["payment_date"] <= deadline)
    decided = on_time | (deadline < pd.Timestamp("2024-12-31"))
    share = (on_time.groupby(pay["customer_id"]).sum()
             / decided.groupby(pay["customer_id"]).sum()).reindex(cust.index)
    want = pd.DataFrame({
        "long_term": cust["first_order_date"] < "2022-01-01",
        "profitable": (cust["n_suppliers"] <= 2) & (share >= 0.8)
        & (cust["cost_to_serve_cny"] * 2 <= 0.10 * cust["monetary"]),
        "sees_value": cust["price_sensitivity"] <= 0.4,
    })
    pd.testing.assert_frame_equal(out[want.columns], want, check_names=False)
    assert out.attrs["as_of"] == pd.Timestamp("2024-12-31")
    # the chapter's finding: customers with all three traits stay more often than the others
    active = cust["status"].eq("active")
    assert active[out["n_traits"] == 3].mean() > active.mean() + 0.1


# ---------------------------------------------------------------------------------------------
# threads
# ---------------------------------------------------------------------------------------------
def test_kmeans_fits_on_one_thread(blobs, monkeypatch):
    """k-means runs with every native thread pool at one thread, and the limits come back after."""
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_info

    seen = []
    fit_predict = KMeans.fit_predict

    def spy(self, X, *args, **kwargs):
        seen.append({(i["user_api"], i["num_threads"]) for i in threadpool_info()})
        return fit_predict(self, X, *args, **kwargs)

    before = {(i["user_api"], i["filepath"]): i["num_threads"] for i in threadpool_info()}
    monkeypatch.setattr(KMeans, "fit_predict", spy)
    kmeans_segments(blobs, features=["frequency", "monetary"], k=3)
    choose_k(blobs, features=["frequency", "monetary"], k_range=[2, 3])
    assert len(seen) == 3
    assert all(threads == 1 for pools in seen for _, threads in pools)
    assert any(api == "openmp" for api, _ in seen[0])            # scikit-learn's OpenMP pool included
    after = {(i["user_api"], i["filepath"]): i["num_threads"] for i in threadpool_info()}
    assert after == before


# ---------------------------------------------------------------------------------------------
# customer groups: who pays, who decides
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def small_tx():
    tx = pd.DataFrame({"customer_id": ["A", "A", "B", "C", "B"],
                       "channel": ["web", "phone", "web", "web", "phone"],
                       "amount": [100.0, 50.0, 300.0, 50.0, -20.0]},
                      index=[10, 11, 12, 13, 14])
    cust = pd.DataFrame({"customer_id": ["C", "B", "A"], "nature_type": ["retail", "business", "retail"]})
    return tx, cust


def test_revenue_crosstab_by_hand(small_tx):
    tx, cust = small_tx
    before_tx, before_cust = tx.copy(), cust.copy()
    table = revenue_crosstab(tx, cust)             # ids as a column of customers, any tx index
    pd.testing.assert_frame_equal(tx, before_tx)
    pd.testing.assert_frame_equal(cust, before_cust)
    assert table.index.name == "nature_type" and table.columns.name == "channel"
    # business: B web 300, B phone -20 (a return); retail: A web 100 + C web 50, A phone 50
    assert table.loc["business", "web"] == 300.0 and table.loc["business", "phone"] == -20.0
    assert table.loc["retail", "web"] == 150.0 and table.loc["retail", "phone"] == 50.0
    rows = revenue_crosstab(tx, cust, normalize="index")
    np.testing.assert_allclose(rows.loc["retail"], [50 / 200, 150 / 200])
    cols = revenue_crosstab(tx, cust, normalize="columns")
    np.testing.assert_allclose(cols["web"].sum(), 1.0)
    assert revenue_crosstab(tx, cust, normalize="all").to_numpy().sum() == pytest.approx(1.0)
    total = revenue_crosstab(tx, cust, columns=None)
    assert list(total.columns) == ["amount"] and total["amount"].sum() == pytest.approx(480.0)
    # both properties in the transactions: no customer table needed; ids as the index also work
    by_tx = revenue_crosstab(tx, rows="customer_id", columns="channel")
    assert by_tx.loc["A", "phone"] == 50.0
    indexed = revenue_crosstab(tx, cust.set_index("customer_id"))
    pd.testing.assert_frame_equal(indexed, table)


def test_revenue_crosstab_keeps_category_order():
    tx = pd.DataFrame({"customer_id": ["A", "B"], "channel": ["web", "web"], "amount": [1.0, 2.0]})
    cust = pd.DataFrame({"nature_type": pd.Categorical(["business", "retail"],
                                                       categories=["retail", "business", "channel"])},
                        index=pd.Index(["A", "B"], name="customer_id"))
    table = revenue_crosstab(tx, cust)
    assert list(table.index) == ["retail", "business"]             # category order, observed only


def test_revenue_crosstab_errors(small_tx):
    tx, cust = small_tx
    with pytest.raises(CRMDataError, match="rows='nature_type' is not a column of transactions"):
        revenue_crosstab(tx)
    with pytest.raises(CRMDataError, match="columns='region' is a column of neither"):
        revenue_crosstab(tx, cust, columns="region")
    with pytest.raises(CRMDataError, match=r"2 rows have a customer that is not in customers \(first: 'A'\)"):
        revenue_crosstab(tx, cust[cust["customer_id"] != "A"])
    with pytest.raises(CRMDataError, match="customer 'A' more than once"):
        revenue_crosstab(tx, pd.concat([cust, cust.iloc[[2]]]))
    with pytest.raises(CRMDataError, match="normalize='rows' is not allowed"):
        revenue_crosstab(tx, cust, normalize="rows")
    with pytest.raises(CRMDataError, match="missing 'amount'"):
        revenue_crosstab(tx.assign(amount=[1.0, None, 2.0, 3.0, 4.0]), cust)
    with pytest.raises(TypeError, match="transactions must be a pandas DataFrame"):
        revenue_crosstab("tx.csv", cust)
    with pytest.raises(TypeError, match="rows and columns must be column names"):
        revenue_crosstab(tx, cust, rows=["nature_type"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ABCD"), st.sampled_from(["web", "phone", "shop"]),
                          st.floats(0.01, 1e4)), min_size=1, max_size=40))
def test_revenue_crosstab_adds_up(rows):
    tx = pd.DataFrame(rows, columns=["customer_id", "channel", "amount"])
    cust = pd.DataFrame({"kind": ["x", "y", "x", "z"]}, index=pd.Index(list("ABCD"), name="customer_id"))
    table = revenue_crosstab(tx, cust, rows="kind")
    assert table.to_numpy().sum() == pytest.approx(tx["amount"].sum())
    shares = revenue_crosstab(tx, cust, rows="kind", normalize="index")
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)


def test_contact_roles():
    log = pd.DataFrame({"counterpart_title": [" Purchasing Manager", "office director", "IT manager",
                                              "private customer", "intern", None]},
                       index=list("abcdef"))
    before = log.copy()
    role = contact_roles(log)
    pd.testing.assert_frame_equal(log, before)
    assert role.index.equals(log.index) and role.name == "role"
    assert role.tolist()[:5] == ["buyer", "decision maker", "user / influencer", "consumer", "other"]
    assert pd.isna(role["f"])                                   # a missing title stays missing
    assert role.cat.categories.tolist() == ["decision maker", "buyer", "user / influencer", "consumer", "other"]
    mine = contact_roles(log, roles={"purchasing manager": "gatekeeper"}, other="unknown")
    assert mine.tolist()[:2] == ["gatekeeper", "unknown"]
    # a categorical title column (as in the course data) gives the same roles
    cat = contact_roles(log.astype({"counterpart_title": "category"}))
    pd.testing.assert_series_equal(cat, role)


def test_contact_roles_errors():
    log = pd.DataFrame({"counterpart_title": ["buyer"]})
    with pytest.raises(CRMDataError, match="column 'title' not found|column 'job' not found"):
        contact_roles(log, title="job")
    with pytest.raises(TypeError, match="roles must be a dict"):
        contact_roles(log, roles=["buyer"])
    with pytest.raises(CRMDataError, match="roles is empty"):
        contact_roles(log, roles={})
    with pytest.raises(CRMDataError, match="two roles"):
        contact_roles(log, roles={"Buyer": "buyer", "buyer": "user"})
    with pytest.raises(TypeError, match="other must be text"):
        contact_roles(log, other=None)


def test_contact_roles_course_titles():
    import crmlearn

    contacts = crmlearn.load_dataset("contacts")
    role = contact_roles(contacts)
    assert (role == "other").sum() == 0          # every title of the course data has a role
    assert role.notna().all() and len(role) == len(contacts)
    assert set(CONTACT_ROLES.values()) == {"decision maker", "buyer", "user / influencer", "consumer"}


def test_revenue_sources_case():
    # the supply-chain case of Chapter 2 (exercise 2): wholesalers live on retailers or
    # second-tier wholesalers, retailers on consumers
    assert set(REVENUE_SOURCES["wholesaler"]) == {"retailers", "second-tier wholesalers"}
    assert REVENUE_SOURCES["retailer"] == ("consumers",)


# ---------------------------------------------------------------------------------------------
# comparing segmentation bases
# ---------------------------------------------------------------------------------------------
def test_basis_spread_by_hand():
    df = pd.DataFrame({"size": ["small", "small", "large", "large"], "industry": ["IT", "retail", "IT", "retail"],
                       "age": [20, 40, 60, 80], "monetary": [10.0, 30.0, 90.0, 110.0]})
    before = df.copy()
    out = basis_spread(df, ["size", "industry"])
    pd.testing.assert_frame_equal(df, before)
    assert list(out.index) == ["size", "industry"] and out.index.name == "basis"
    # mean 60; size: groups 20 and 100 -> between 2*40^2 + 2*40^2 = 6400 of total 6800
    assert out.loc["size", "between_share"] == pytest.approx(6400 / 6800)
    assert out.loc["size", "ratio"] == pytest.approx(5.0)
    assert (out.loc["size", "lowest"], out.loc["size", "highest"]) == ("small", "large")
    assert (out.loc["size", "lowest_avg"], out.loc["size", "highest_avg"]) == (20.0, 100.0)
    # industry: groups 50 and 70 -> between 2*10^2 + 2*10^2 = 400
    assert out.loc["industry", "between_share"] == pytest.approx(400 / 6800)
    assert out["groups"].tolist() == [2, 2]
    banded = basis_spread(df, "age", bins={"age": [0, 50, 100]}, labels="range")
    assert banded.loc["age", "lowest"] == "0–50" and banded.loc["age", "ratio"] == pytest.approx(5.0)


def test_basis_spread_edge_cases():
    df = pd.DataFrame({"g": ["a", "a", "b"], "one": ["x", "x", "x"], "monetary": [0.0, 0.0, 5.0]})
    out = basis_spread(df, ["g", "one"])
    assert np.isnan(out.loc["g", "ratio"])               # lowest average 0: no ratio
    assert out.loc["g", "between_share"] == pytest.approx(1.0)
    assert out.loc["one", "between_share"] == 0.0 and out.loc["one", "ratio"] == 1.0
    same = basis_spread(df.assign(monetary=3.0), "g")
    assert np.isnan(same.loc["g", "between_share"])      # no variance at all


def test_basis_spread_errors():
    df = pd.DataFrame({"g": ["a", "b"], "monetary": [1.0, 2.0]})
    with pytest.raises(CRMDataError, match="column 'size' not found"):
        basis_spread(df, ["size"])
    with pytest.raises(CRMDataError, match="bases is empty"):
        basis_spread(df, [])
    with pytest.raises(CRMDataError, match="names a column twice"):
        basis_spread(df, ["g", "g"])
    with pytest.raises(TypeError, match="bases must be"):
        basis_spread(df, 3)
    with pytest.raises(CRMDataError, match="missing 'monetary'"):
        basis_spread(df.assign(monetary=[1.0, None]), "g")
    with pytest.raises(CRMDataError, match="bins names column 'age'"):
        basis_spread(df, "g", bins={"age": 3})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.floats(0, 1e5)), min_size=2, max_size=40))
def test_basis_spread_share_between_0_and_1(rows):
    df = pd.DataFrame(rows, columns=["g", "monetary"])
    out = basis_spread(df, "g")
    share = out.loc["g", "between_share"]
    assert np.isnan(share) or -1e-9 <= share <= 1 + 1e-9
    assert out.loc["g", "highest_avg"] >= out.loc["g", "lowest_avg"]


def test_segment_by_range_labels():
    df = pd.DataFrame({"income": [1100.0, 4000.0, 5000.0, 9000.0, 12000.0, 39800.0], "monetary": 1.0})
    out = segment_by(df, by="income", bins=[1000, 5000, 40000], labels="range")
    assert list(out.index) == ["1,000–5,000", "5,000–40,000"]
    small = segment_by(df.assign(share=[0.1, 0.12, 0.2, 0.3, 0.4, 0.5]), by="share", bins=[0, 0.15, 0.6],
                       labels="range")
    assert list(small.index) == ["0.00–0.15", "0.15–0.60"]      # decimals where needed
    with pytest.raises(CRMDataError, match="labels='pretty' is not allowed"):
        segment_by(df, by="income", bins=2, labels="pretty")
