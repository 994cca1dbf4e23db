"""Tests of crmlearn.accounts (Chapters 05 and 06): hand-worked cases, the syllabus exercises, the planted data."""
import numpy as np
import pandas as pd
import pytest

import crmlearn as crm
from crmlearn import accounts as A
from crmlearn._validation import CRMDataError


def _tx(rows):
    return pd.DataFrame(rows, columns=["order_id", "customer_id", "order_date", "amount", "cost", "is_return",
                                       "tender_result", "discount", "product_line"])


@pytest.fixture(scope="module")
def course():
    return {n: crm.load_dataset(n) for n in ["transactions", "customers", "payments", "contacts",
                                             "ka_cards", "ka_contacts"]}


# --- Chapter 05 ------------------------------------------------------------------------------
def test_ka_concentration_hand_worked():
    # K: 1 of 10 orders (10%) but 900 of 1,000 revenue (90%): ratio 9 -> the key-account signature
    rows = [("O1", "K", "2024-01-01", 900.0, 600.0, False, "n/a", 0.0, "paper")]
    rows += [(f"S{i}", f"S{i % 3}", "2024-01-02", 100 / 9, 5.0, False, "n/a", 0.0, "paper") for i in range(9)]
    rows += [("R1", "K", "2024-01-03", -50.0, -30.0, True, "n/a", 0.0, "paper"),    # a return: not an order
             ("T1", "S0", "2024-01-04", 0.0, 0.0, False, "lost", 0.0, "paper")]      # a lost tender: nothing
    out = A.ka_concentration(_tx(rows))
    assert out.loc["K", "n_transactions"] == 1 and out["n_transactions"].sum() == 10
    assert out.loc["K", "revenue"] == pytest.approx(850.0)
    assert out.loc["K", "transaction_share"] == pytest.approx(0.1)
    assert out.loc["K", "revenue_share"] == pytest.approx(850 / 950)
    assert out["ka_signature"].tolist() == [True, False, False, False]
    assert out["revenue_share"].sum() == pytest.approx(1.0)


def test_ka_concentration_bad_input():
    with pytest.raises(TypeError, match="ka_concentration"):
        A.ka_concentration([1, 2])
    t = _tx([("O1", "K", "2024-01-01", "900", 600.0, False, "n/a", 0.0, "paper")])
    with pytest.raises(TypeError, match="'amount'"):
        A.ka_concentration(t)
    with pytest.raises(CRMDataError, match="not found"):
        A.ka_concentration(t.drop(columns="amount"))


def test_ka_screen_finds_the_planted_lookalikes(course):
    c = course
    s = A.ka_screen(c["transactions"], customers=c["customers"], payments=c["payments"], contacts=c["contacts"])
    truth = c["customers"].set_index("customer_id")["planted_lookalike"].astype(str).reindex(s.index)
    flagged, planted = s["lookalike"], truth != "none"
    tp = (flagged & planted).sum()
    assert tp / flagged.sum() >= 0.9 and tp / planted.sum() >= 0.9       # precision and recall, all look-alikes
    for kind in A.LOOKALIKES:                                             # each kind is found
        assert (s[kind] & (truth == kind)).sum() / (truth == kind).sum() >= 0.9, kind
    assert not s.loc[planted, "candidate"].any()                          # look-alikes never on the list
    assert set(A.BASIC_STANDARDS) <= set(s.columns)
    assert (s["n_standards"] == s[list(A.BASIC_STANDARDS)].sum(axis=1)).all()
    assert s["candidate"].sum() > 20
    # the candidates are mostly the course's key accounts
    ka = c["customers"].set_index("customer_id")["is_key_account"].reindex(s.index)
    assert ka[s["candidate"]].mean() > 0.5


def test_ka_screen_hand_worked_squeezer_and_one_off():
    rows = []
    for i in range(12):  # a steady customer with heavy discounts
        rows.append((f"Q{i}", "Q", f"2024-{i + 1:02d}-05", 100.0, 60.0, False, "n/a", 0.3, "paper"))
    rows.append(("G1", "G", "2023-03-01", 5000.0, 3000.0, False, "n/a", 0.0, "paper"))  # one bulk order
    rows.append(("G2", "G", "2023-01-01", 50.0, 30.0, False, "n/a", 0.0, "paper"))
    for i in range(3):
        rows.append((f"N{i}", "N", f"2024-0{i + 1}-10", 200.0, 100.0, False, "n/a", 0.0, "ink"))
    pay = pd.DataFrame({"customer_id": ["Q", "N"], "due_date": pd.to_datetime(["2024-01-10", "2024-01-10"]),
                        "payment_date": pd.to_datetime(["2024-02-19", "2024-01-09"])})
    s = A.ka_screen(_tx(rows), payments=pay, top=0.34)
    assert s.loc["Q", "mean_days_late"] == 40 and s.loc["N", "mean_days_late"] == 0
    assert s["squeezer"].tolist() == [False, False, True]          # index G, N, Q
    assert s["one_off_group_buyer"].tolist() == [True, False, False]
    assert s.loc["G", "largest_order_share"] == pytest.approx(5000 / 5050)
    with pytest.raises(CRMDataError, match="min_standards"):
        A.ka_screen(_tx(rows), min_standards=6)
    with pytest.raises(CRMDataError, match="top"):
        A.ka_screen(_tx(rows), top=1.5)


def test_ka_type_rules():
    a = pd.DataFrame({"industry": ["retail", "finance", "manufacturing", "it"],
                      "is_listed": [False, False, True, False], "size": ["medium", "small", "large", "small"],
                      "ownership": ["private", "state", "private", "private"], "growth": [0.0, 0.0, 0.0, 0.5]})
    assert A.ka_type(a, growth="growth").astype(str).tolist() == ["economic", "important", "group", "strategic"]
    assert A.ka_type(a).astype(str).tolist() == ["economic", "important", "group", "economic"]
    with pytest.raises(CRMDataError, match="ownership"):
        A.ka_type(a.drop(columns="ownership"))


def test_ka_potential_agrees_with_customer_lifetime_value(course):
    from crmlearn.clv import BetaGeo, GammaGamma, customer_lifetime_value, rfm_summary
    t = course["transactions"]
    pot = A.ka_potential(t, horizon=12)
    buy = t[~t["is_return"] & (t["tender_result"] != "lost")]
    s = rfm_summary(buy, amount="amount", unit="W")
    bg, gg = BetaGeo(0.001).fit(s), GammaGamma(0.0).fit(s)
    clv = customer_lifetime_value(bg, gg, s, horizon=12, discount_rate=0.01, unit="W")
    np.testing.assert_allclose(pot["potential"].to_numpy(), clv.reindex(pot.index).to_numpy(), rtol=1e-9)
    few = A.ka_potential(t, candidates=["C00002", "C00003"])
    np.testing.assert_allclose(few["potential"], pot.loc[["C00002", "C00003"], "potential"], rtol=1e-9)
    with pytest.raises(CRMDataError, match="candidates"):
        A.ka_potential(t, candidates=["NOPE"])
    with pytest.raises(TypeError, match="horizon"):
        A.ka_potential(t, horizon=1.5)


def test_concentration_risk_hand_worked():
    v = pd.Series([50.0, 30.0, 20.0], index=["a", "b", "c"])
    r = A.concentration_risk(v, top=2)
    assert r["top_share"] == pytest.approx(0.8)
    assert r["herfindahl"] == pytest.approx(0.25 + 0.09 + 0.04)
    assert r["largest_account"] == "a" and r["total_without_largest"] == 50
    assert A.concentration_risk(pd.Series([1.0] * 4))["herfindahl"] == pytest.approx(0.25)
    with pytest.raises(CRMDataError, match="negative"):
        A.concentration_risk(pd.Series([1.0, -2.0]))
    with pytest.raises(TypeError, match="value="):
        A.concentration_risk(v.to_frame("x"))


# --- Chapter 06 ------------------------------------------------------------------------------
def test_managers_needed_syllabus():  # 6 key accounts + 40 small at 5 per manager = 14
    assert A.managers_needed(6, 40, small_per_manager=5) == 14
    assert A.managers_needed(6, 41, small_per_manager=5) == 15
    assert A.managers_needed(0, 0) == 0
    with pytest.raises(TypeError, match="n_small"):
        A.managers_needed(6, 40.5)
    with pytest.raises(CRMDataError, match="small_per_manager"):
        A.managers_needed(6, 40, small_per_manager=0)


def test_delivery_sla_syllabus():  # 34 of 40 orders within 7 days = 85%
    days = [3] * 34 + [9] * 6
    r = A.delivery_sla(days)
    assert r["attainment"] == pytest.approx(0.85) and r["on_time"] == 34 and r["late"] == 6
    o = pd.DataFrame({"order_date": pd.to_datetime(["2024-01-01"] * 2),
                      "delivery_date": pd.to_datetime(["2024-01-08", "2024-01-09"])})
    assert A.delivery_sla(o)["attainment"] == 0.5                         # exactly 7 days counts as on time
    with pytest.raises(CRMDataError, match="before"):
        A.delivery_sla([-1, 3])
    with pytest.raises(CRMDataError, match="no orders"):
        A.delivery_sla([])


def test_bmw_campaign_syllabus():
    got = A.bmw_campaign("2012-12-10", 1200, tyre_change=True)
    assert got == ["30 free winter checks", "BMW New Year gift pack", "2013 BMW after-sales desk calendar",
                   "tyre-pressure gauge"]
    assert A.bmw_campaign("2012-12-20", 1200, tyre_change=True) == []    # after 15 Dec
    assert "2013 BMW after-sales desk calendar" not in A.bmw_campaign("2012-11-15", 999.99)
    with pytest.raises(CRMDataError, match="spend"):
        A.bmw_campaign("2012-12-10", -5)


def test_account_card_escapes_hostile_text():
    cards = pd.DataFrame({"customer_id": ["X"], "company_name": ["<script>alert(1)</script>"], "needs": ["a & b"]})
    con = pd.DataFrame({"customer_id": ["X"], "contact_no": [1], "contact_date": pd.to_datetime(["2024-01-02"]),
                        "method": ["phone"], "content": ['<img src=x onerror="boom">'],
                        "next_step_plan": ["call"], "promised_callback_date": pd.to_datetime(["2024-01-16"])})
    h = A.account_card("X", cards=cards, contacts=con)._repr_html_()
    assert "<script>" not in h and "&lt;script&gt;" in h and "<img" not in h and "a &amp; b" in h
    assert "2024-01-16" in h and "2024-01-02" in h
    with pytest.raises(CRMDataError, match="no card"):
        A.account_card("Y", cards=cards, contacts=con)


def test_account_card_from_course_data(course):
    cid = course["ka_cards"]["customer_id"].iloc[0]
    h = A.account_card(cid, cards=course["ka_cards"], contacts=course["ka_contacts"]).html
    n = (course["ka_contacts"]["customer_id"] == cid).sum()
    assert h.count("<li>") == n >= 3


def test_overdue_followups_hand_worked():
    con = pd.DataFrame({"customer_id": ["A", "A", "B", "C"],
                        "contact_date": pd.to_datetime(["2024-01-01", "2024-01-20", "2024-01-05", "2024-01-05"]),
                        "promised_callback_date": pd.to_datetime(["2024-01-15", "2024-02-03", "2024-01-19", pd.NaT])})
    out = A.overdue_followups(con, as_of="2024-02-10")
    assert out["customer_id"].tolist() == ["B", "A"]                       # B 22 days, A 7 days
    assert out["days_overdue"].tolist() == [22, 7]
    assert A.overdue_followups(con, as_of="2024-01-10").empty               # nothing due yet
    assert len(con) == 4 and "days_overdue" not in con                      # input untouched
    with pytest.raises(CRMDataError, match="as_of"):
        A.overdue_followups(con, as_of="not a date")


def test_overdue_followups_in_course_data(course):
    out = A.overdue_followups(course["ka_contacts"], as_of="2024-12-31")
    assert len(out) > 0 and (out["days_overdue"] > 0).all()


def test_care_plan_by_type():
    acc = pd.DataFrame({"customer_id": ["S", "E"], "ka_type": ["strategic", "economic"]})
    plan = A.care_plan(acc, year=2025)
    s, e = plan[plan.customer_id == "S"], plan[plan.customer_id == "E"]
    assert set(s.loc[s.kind == "common", "action"]) == set(A.CARE_COMMON) == set(e.loc[e.kind == "common", "action"])
    assert (s.kind == "group").sum() == 4 and (e.kind == "group").sum() == 1
    assert set(s.loc[s.kind == "personalised", "action"]) == set(A.CARE_PERSONALISED)
    assert (plan["date"].dt.year == 2025).all()
    with pytest.raises(CRMDataError, match="ka_type"):
        A.care_plan(pd.DataFrame({"customer_id": ["x"], "ka_type": ["vip"]}), year=2025)


def test_account_stage_rules():
    d = pd.DataFrame({"share": [0.1, 0.3, 0.7, 0.7, 0.7], "retention": [0.9, 0.9, 0.9, 0.9, 0.3],
                      "growth": [0.0, 0.0, 0.0, 0.3, 0.0]})
    assert A.account_stage(d)["stage"].astype(str).tolist() == ["acquisition", "expansion", "retention",
                                                                "expansion", "acquisition"]
    with pytest.raises(CRMDataError, match="share"):
        A.account_stage(d.assign(share=1.5))


def test_service_tiers():
    v = pd.Series(np.arange(100, 0, -1, dtype=float))
    t = A.service_tiers(v)
    assert t["tier"].value_counts().to_dict() == {"platinum": 1, "gold": 4, "silver": 15, "standard": 80}
    assert t.loc[0, "service_cost"] == 20000 and t.loc[0, "net_value"] == 100 - 20000
    with pytest.raises(CRMDataError, match="cutoffs"):
        A.service_tiers(v, cutoffs=(0.5, 0.2, 0.1))


def test_shanghai_tobacco_card_is_in_the_course_data(course):
    cards, con = course["ka_cards"], course["ka_contacts"]
    row = cards[cards["company_name"] == "上海烟草工业印刷厂"]
    assert len(row) == 1 and row["company_nature"].iloc[0] == "state_owned"
    cid = row["customer_id"].iloc[0]
    mine = con[con["customer_id"] == cid].sort_values("contact_no")
    assert mine["method"].tolist() == ["phone", "visit", "visit"]
    assert "唐军" in mine["content"].iloc[0] and "two weeks" in mine["content"].iloc[2]
    promised = mine["promised_callback_date"].iloc[2]
    assert (promised - mine["contact_date"].iloc[2]).days == 14
    h = A.account_card(cid, cards=cards, contacts=con).html
    assert "上海烟草工业印刷厂" in h and h.count("<li>") == 3


# --- plots -----------------------------------------------------------------------------------
def test_plots_draw_and_return_axes(course):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from crmlearn.plots import accounts as P
    c = course
    conc = A.ka_concentration(c["transactions"])
    ax = P.concentration_plot(conc, top=10)
    assert len(ax.patches) == 20 and ax.get_title()
    plt.close("all")
    s = A.ka_screen(c["transactions"], customers=c["customers"], payments=c["payments"])
    ax = P.screen_plot(s.head(6))
    assert len(ax.get_yticklabels()) == 6
    with pytest.raises(CRMDataError, match="at most 12"):
        P.screen_plot(s)
    plt.close("all")
    con = c["ka_contacts"][c["ka_contacts"]["customer_id"] == "C00415"]
    ax = P.contact_timeline_plot(con, as_of="2023-05-01")
    assert len(ax.lines) >= 2
    plt.close("all")
    plan = A.care_plan(pd.DataFrame({"customer_id": ["a", "b"], "ka_type": ["strategic", "group"]}), year=2025)
    ax = P.care_calendar_plot(plan)
    assert sum(p.get_height() for p in ax.patches) == len(plan)
    plt.close("all")
    st = A.account_stage(pd.DataFrame({"share": [0.1, 0.6, 0.3], "retention": [0.9] * 3, "growth": [0.0] * 3,
                                       "year": [2023, 2024, 2024]}))
    ax = P.stage_plot(st)
    assert ax.get_ylabel() == "accounts"
    plt.close("all")
    with pytest.raises(TypeError, match="concentration_plot"):
        P.concentration_plot([1])


# --- widgets ---------------------------------------------------------------------------------
def test_widgets_update(course):
    from crmlearn.widgets import accounts as W
    conc = A.ka_concentration(course["transactions"])
    box = W.ka_threshold_widget(conc, top=10)
    share10 = conc["revenue_share"].nlargest(10).sum()
    assert f"{share10:.1%}" in box.summary.value and box.result == pytest.approx(share10)
    box.controls["top"].value = 12
    assert box.result == pytest.approx(conc["revenue_share"].nlargest(12).sum())
    b2 = W.largest_account_leaves_widget(pd.Series([50.0, 30.0, 20.0]), top=1)
    assert "50.0%" in b2.summary.value
    b3 = W.care_plan_widget(2025)
    b3.controls["ka_type"].value = "economic"
    assert "<b>6</b>" in b3.summary.value          # 4 common + 1 group activity + the 7x24 hotline


# --- the small rules of the cases (syllabus Chapter 05 exercises 3-5, Chapter 06 exercise 4) -----------
def test_fee_applies_syllabus():  # Citibank: a fee on deposits below US$5,000
    assert A.fee_applies([3000, 4999, 8000]).tolist() == [True, True, False]
    assert A.fee_applies(5000).tolist() == [False]                      # exactly 5,000: no fee
    s = pd.Series([100.0, 6000.0], index=["a", "b"])
    assert A.fee_applies(s).to_dict() == {"a": True, "b": False}
    with pytest.raises(TypeError, match="fee_applies"):
        A.fee_applies("3000")
    with pytest.raises(CRMDataError, match="balances"):
        A.fee_applies([-1, 10])


def test_distributor_eligible_syllabus():  # P&G: deposit benchmark CNY 6 million
    assert A.distributor_eligible([4.5e6, 6.0e6, 7.2e6]).tolist() == [False, True, True]
    assert A.distributor_eligible([5e6], min_deposit=5e6).tolist() == [True]
    with pytest.raises(TypeError, match="distributor_eligible"):
        A.distributor_eligible(["a lot"])


def test_coverage_ratio_xerox():  # 250 reps + 250 executives for 250 accounts: 500 people, 2 per account
    r = A.coverage_ratio(250, n_reps=250, n_execs=250)
    assert r["people"] == 500 and r["people_per_account"] == 2 and r["accounts_per_rep"] == 1
    assert A.coverage_ratio(10, n_reps=2)["accounts_per_rep"] == 5
    with pytest.raises(CRMDataError, match="n_accounts"):
        A.coverage_ratio(0, n_reps=1)
    with pytest.raises(TypeError, match="n_reps"):
        A.coverage_ratio(5, n_reps=2.5)


def test_days_between_citic():  # 28 Mar 2006 -> 29 Oct 2010 is 1,676 days (syllabus Chapter 06 exercise 4)
    m = A.CITIC_MILESTONES
    assert A.days_between(m["date"].iloc[0], m["date"].iloc[2]) == 1676
    assert A.days_between("2010-10-29", "2006-03-28") == -1676
    assert A.days_between("2024-02-28", "2024-03-01") == 2      # a leap year
    with pytest.raises(CRMDataError, match="days_between"):
        A.days_between("not a date", "2020-01-01")
