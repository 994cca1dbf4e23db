"""Tests for crmlearn.segmentation: types by nature, segmentation bases, k-means."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlearn import CRMDataError
from crmlearn.segmentation import (
    behaviour_segments,
    choose_k,
    classify_by_nature,
    kmeans_segments,
    nature_summary,
    segment_by,
    segment_profiles,
)


@pytest.fixture
def course():
    import crmlearn
    from crmlearn.customers import summarize_customers

    try:
        tx = crmlearn.load_dataset("transactions")
        master = crmlearn.load_dataset("customers")
    except (NotImplementedError, FileNotFoundError, KeyError) as exc:  # pragma: no cover
        pytest.skip(f"course data not available: {exc}")
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
    assert behaviour_segments(df, frequent=3)["behaviour_segment"].value_counts()["frequent"] == 6
    with pytest.raises(CRMDataError, match="negative 'frequency'"):
        behaviour_segments(pd.DataFrame({"frequency": [1, -1]}))
    with pytest.raises(CRMDataError, match="frequent must be at least 2"):
        behaviour_segments(df, frequent=1)


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
