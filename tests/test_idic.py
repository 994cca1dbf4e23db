"""Tests for crmlearn.idic: hand-worked examples, bad input, and the done-when figures (issue 10)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import crmlearn
from crmlearn import idic
from crmlearn._validation import CRMDataError


def _recs():
    return pd.DataFrame({
        "record_id": ["R1", "R2", "R3", "R4", "R5"],
        "name": ["福州荣凯汽车零部件股份有限公司", "荣凯汽车零部件股份有限公司（福州）", "李 雪", "李雪", "上海海瑞商行"],
        "phone": ["13979713972", "+8613979713972", "+86 136 2476 6061", "13624766061", "021-73884479"],
        "email": ["office@rongkai.cn", "OFFICE@rongkai.cn ", None, "xueli@sina.com", "caigou@hairui.cn"],
        "city": ["Fuzhou", "Fuzhou", "Jinan", "Jinan", "Shanghai"],
        "last_updated": pd.to_datetime(["2013-08-12", "2024-08-03", "2023-10-12", "2024-05-20", "2019-01-01"]),
        "contact_person": ["梁英斌", None, "李雪", None, "胡涛"],
    })


def test_normalisers_hand_worked():
    assert idic.normalise_name(pd.Series(["华信 Co., Ltd.", "ＡＢＣ有限公司", "广州 人力资源"])).tolist() == ["华信", "abc", "广州人力资源"]
    assert idic.normalise_phone(pd.Series(["0755-6201 0600", "+86-755-62010600", "86 13979713972"])).tolist() == \
        ["75562010600", "75562010600", "13979713972"]


def test_find_duplicates_hand_worked():
    r = _recs()
    pairs = idic.find_duplicates(r)
    assert pairs[["record_a", "record_b"]].values.tolist() == [["R1", "R2"], ["R3", "R4"]]
    first = pairs.iloc[0]
    assert bool(first["phone_match"]) and bool(first["email_match"])
    assert "phone" in first["agreed"] and "email" in first["agreed"]
    # R3/R4: e-mail missing on R3, so the score is the mean of name and phone
    second = pairs.iloc[1]
    assert second["score"] == pytest.approx((second["name_score"] + 1.0) / 2, abs=1e-4)


def test_find_duplicates_does_not_mutate_and_bad_input():
    r = _recs()
    before = r.copy()
    idic.find_duplicates(r)
    pd.testing.assert_frame_equal(r, before)
    with pytest.raises(TypeError, match="find_duplicates"):
        idic.find_duplicates(r.values)
    with pytest.raises(CRMDataError, match="'telephone'"):
        idic.find_duplicates(r, phone="telephone")
    with pytest.raises(CRMDataError, match="threshold"):
        idic.find_duplicates(r, threshold=1.5)


def test_merge_duplicates_survivorship():
    r = _recs()
    pairs = idic.find_duplicates(r)
    g = idic.merge_duplicates(r, pairs)
    assert g["record_ids"].tolist() == ["R1,R2", "R3,R4", "R5"]
    row = g.iloc[0]
    # newest non-missing: R2 is newer, but its contact person is missing, so R1's survives
    assert row["phone"] == "+8613979713972" and row["contact_person"] == "梁英斌"
    g2 = idic.merge_duplicates(r, pairs, rules="most_complete")
    assert g2.iloc[0]["phone"] == "13979713972"  # R1 has more fields filled
    with pytest.raises(CRMDataError, match="rules"):
        idic.merge_duplicates(r, pairs, rules="oldest")
    bad = pd.DataFrame({"record_a": ["R1"], "record_b": ["R99"]})
    with pytest.raises(CRMDataError, match="R99"):
        idic.merge_duplicates(r, bad)


def test_done_when_precision_recall_on_course_data():
    raw = crmlearn.load_dataset("customers_raw")
    golden = idic.merge_duplicates(raw, idic.find_duplicates(raw))
    q = idic.pair_quality(golden, raw)
    assert q["precision"] >= 0.95
    assert q["recall"] >= 0.90
    ids = golden["record_ids"].str.split(",").explode()
    assert sorted(ids) == sorted(raw["record_id"])  # every record exactly once


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 25), edges=st.lists(st.tuples(st.integers(0, 24), st.integers(0, 24)), max_size=40))
def test_property_no_record_lost_or_in_two_golden_records(n, edges):
    recs = pd.DataFrame({"record_id": [f"R{i}" for i in range(n)], "name": [f"n{i % 3}" for i in range(n)],
                         "last_updated": pd.date_range("2020-01-01", periods=n, freq="D")})
    e = [(a, b) for a, b in edges if a < n and b < n and a != b]
    pairs = pd.DataFrame({"record_a": [f"R{a}" for a, _ in e], "record_b": [f"R{b}" for _, b in e]},
                         dtype=object)
    g = idic.merge_duplicates(recs, pairs)
    ids = g["record_ids"].str.split(",").explode().tolist()
    assert sorted(ids) == sorted(recs["record_id"])
    assert len(ids) == len(set(ids))
    assert g["n_records"].sum() == n
    # linked records end up together
    where = {rid: k for k, s in enumerate(g["record_ids"]) for rid in s.split(",")}
    for a, b in e:
        assert where[f"R{a}"] == where[f"R{b}"]


def test_pair_quality_hand_worked():
    recs = pd.DataFrame({"record_id": ["a", "b", "c", "d"], "customer_id_true": ["X", "X", "X", "Y"]})
    golden = pd.DataFrame({"record_ids": ["a,b", "c,d"]})
    q = idic.pair_quality(golden, recs)
    # true pairs ab, ac, bc = 3; predicted ab, cd = 2; correct ab = 1
    assert (q["true_pairs"], q["predicted_pairs"], q["correct_pairs"]) == (3, 2, 1)
    assert q["precision"] == 0.5 and q["recall"] == pytest.approx(1 / 3)


def test_stale_records_and_data_quality():
    r = _recs()
    s = idic.stale_records(r, as_of="2024-12-31", max_age_days=365)
    # R3 was last updated 2023-10-12: 446 days before the cut-off, so it is stale too
    assert s["record_id"].tolist() == ["R1", "R3", "R5"]
    assert s["age_days"].tolist() == [(pd.Timestamp("2024-12-31") - pd.Timestamp(d)).days
                                      for d in ("2013-08-12", "2023-10-12", "2019-01-01")]
    with pytest.raises(CRMDataError, match="as_of"):
        idic.stale_records(r, as_of="not a date")
    q = idic.data_quality(r, as_of="2024-12-31")
    assert q.loc["email", "completeness"] == 0.8
    assert q.loc["contact_person", "completeness"] == 0.6
    assert q.loc["phone", "uniqueness"] == 0.6  # 5 phones, 3 distinct after normalising
    assert q.loc["phone", "freshness"] == 0.4
    assert "overall" in q.index


def test_profile_questions():
    r = _recs()
    p = idic.profile_questions(r, questions_per_contact=1, fields=["email", "contact_person"])
    assert p["contacts_needed"].tolist() == [0, 1, 1, 1, 0]
    assert p.loc[2, "ask_next"] == "email"
    with pytest.raises(CRMDataError, match="questions_per_contact"):
        idic.profile_questions(r, questions_per_contact=0)


def test_cross_sell_and_resource_shift():
    tx = pd.DataFrame({"customer_id": ["A", "A", "A", "B", "B", "C"],
                       "product_line": ["p", "q", "r", "p", "p", "q"]})
    t = idic.cross_sell_targets(tx, max_lines=1)
    assert t.index.tolist() == ["B", "C"]
    with pytest.raises(CRMDataError, match="max_lines"):
        idic.cross_sell_targets(tx, max_lines=0)
    d = pd.DataFrame({"grade": ["A", "C", "C", "C"], "cost_to_serve_cny": [100.0, 50.0, 50.0, 50.0]})
    rs = idic.resource_shift(d, shift=0.5)
    assert rs["effort_after"].tolist() == [175.0, 75.0]
    assert rs["effort_after"].sum() == rs["effort_before"].sum()
    with pytest.raises(CRMDataError, match="'B'"):
        idic.resource_shift(d, target="B")


def test_interact_functions():
    c = pd.DataFrame({
        "customer_id": ["A", "A", "B", "B"],
        "contact_datetime": pd.to_datetime(["2024-01-01 09:00", "2024-01-01 10:00", "2024-01-02 09:00", "2024-03-02 09:00"]),
        "contact_type": ["complaint", "complaint", "complaint", "inquiry"],
        "resolved_first_time": pd.array([True, False, True, pd.NA], dtype="boolean"),
        "staff_level": ["VP", "sales", "manager", "sales"],
        "counterpart_title": ["vice president", "general manager", "buyer", "buyer"],
        "channel": ["phone", "email", "visit", "visit"], "direction": ["inbound", "outbound", "inbound", "outbound"],
    })
    f = idic.first_contact_resolution(c)
    assert f["complaints"].tolist() == [2, 1] and f["fcr_rate"].tolist() == [0.5, 1.0]
    with pytest.raises(CRMDataError, match="freq"):
        idic.first_contact_resolution(c, freq="fortnight")
    lv = idic.contact_level_match(c)
    assert (lv["matched"], lv["ours_lower"], lv["ours_higher"]) == (2, 1, 1)
    p = idic.contact_preferences(c)
    assert p.loc["A", "preferred_channel"] == "phone" and p.loc["B", "preferred_channel"] == "visit"


def test_mystery_shopper_and_contacts_per_company():
    s = pd.DataFrame({"competitor": ["X"] * 11, "scenario": range(11), "score": [3.0] * 11})
    out = idic.mystery_shopper_score(s)
    assert out.loc["X", "scenarios"] == 11 and not out.loc["X", "scenario_count_ok"]
    with pytest.raises(TypeError, match="score"):
        idic.mystery_shopper_score(s.assign(score="good"))
    k = pd.DataFrame({"customer_id": ["A", "B"], "contacted_person": ["x", None]})
    assert idic.contacts_per_company(k, min_contacts=1)["named_contacts"].tolist() == [1, 0]


def test_course_data_has_the_chapter_03_plants():
    """crmlearn/datasets/_make_ch03.py: a short mystery-shopper plan to flag, multi-threaded key accounts."""
    from crmlearn.datasets import _make_ch03

    ms = idic.mystery_shopper_score(crmlearn.load_dataset("mystery_shopper"))
    assert set(ms.index) == set(_make_ch03.SHOPPED)
    assert ms.index[~ms["scenario_count_ok"]].tolist() == ["晨曦办公服务"]     # 6 scenarios only
    assert ms["mean_score"].between(1, 5).all()
    kc = crmlearn.load_dataset("ka_contacts")
    named = idic.contacts_per_company(kc, min_contacts=3)
    assert 0.1 < (~named["too_few"]).mean() < 0.5           # some key accounts multi-threaded, most not
    assert named.loc["C00415", "named_contacts"] == 1         # the textbook card is unchanged
    # a named person keeps one position within a company, and the contact log shows the same positions
    assert (kc.groupby(["customer_id", "contacted_person"])["position"].nunique() == 1).all()
    log = crmlearn.load_dataset("contacts")
    log = log[log["contact_type"].isin(["task", "process_step"])]
    for _, r in kc[kc["contact_no"] >= 3].head(40).iterrows():
        m = log[(log["customer_id"] == r["customer_id"]) & (log["contact_datetime"].dt.normalize() == r["contact_date"])
                & (log["staff_id"] == r["our_person"])]
        assert str(r["position"]) in set(m["counterpart_title"].astype(str)), r["customer_id"]


def test_next_best_offer_hand_worked():
    # p and q always go together; r is bought alone
    tx = pd.DataFrame({"customer_id": ["A", "A", "B", "B", "C", "D"],
                       "product_line": ["p", "q", "p", "q", "p", "r"]})
    nbo = idic.next_best_offer(tx)
    # C buys p; P(q|p) = 2/3, P(q) = 2/4 -> lift 4/3; r never bought with p -> not offered
    assert nbo.to_dict("records")[0]["customer_id"] == "C"
    row = nbo[nbo["customer_id"] == "C"].iloc[0]
    assert row["offer"] == "q" and row["lift"] == pytest.approx(4 / 3, abs=1e-4)
    assert "p" in row["reason"]
    assert "r" not in nbo["offer"].tolist()
    with pytest.raises(CRMDataError, match="top"):
        idic.next_best_offer(tx, top=0)


def test_idic_run_on_course_data():
    rep = idic.idic_run(crmlearn.load_dataset("customers_raw"), crmlearn.load_dataset("transactions"),
                        crmlearn.load_dataset("contacts"), as_of="2024-12-31")
    assert set(rep) == {"identify", "differentiate", "interact", "customize"}
    assert rep["identify"].loc["golden records", "value"] < rep["identify"].loc["records", "value"]
    assert rep["differentiate"]["share"].between(0, 1).all()


def test_plots_and_widgets_draw(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crmlearn.plots import data_quality_bars, duplicate_score_hist, fcr_chart
    from crmlearn.widgets import duplicate_threshold_widget

    raw = crmlearn.load_dataset("customers_raw")
    pairs = idic.find_duplicates(raw, threshold=0)
    fig, ax = plt.subplots()
    assert duplicate_score_hist(pairs, threshold=0.6, ax=ax) is ax
    assert data_quality_bars(idic.data_quality(raw, as_of="2024-12-31"), ax=ax) is ax
    assert fcr_chart(idic.first_contact_resolution(crmlearn.load_dataset("contacts"), freq="M"), ax=ax) is ax
    plt.close(fig)
    w = duplicate_threshold_widget(raw)
    low = float(w.result["recall"])
    w.controls["threshold"].value = 0.95
    assert float(w.result["recall"]) <= low  # a stricter threshold links fewer true pairs
