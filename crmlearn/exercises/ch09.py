"""Exercises for chapter 9, relationship stages, regression, churn and lifetime value (客户关系发展阶段、流失与终身价值).

Stages by share of wallet, the telecom churn figures, regression causes, the four value groups,
stage moves and opportunities in the course data, the early warning at other dates, and the
retention and lifetime-value models. Every expected answer is computed by crmlearn when checked.

>>> from crmlearn.exercises import ch09
>>> len(ch09.questions()) >= 12
True
"""
from __future__ import annotations

from functools import lru_cache

from ._placeholder import ____  # noqa: F401  (``ex.____`` in the starter cells)
from ._engine import CategoryQuestion, ListQuestion, NumberQuestion, SetQuestion, chapter_functions

CHAPTER = "ch09"
STAGES = ["development", "initial", "stable", "strategic"]
STAGE_SYNONYMS = {"development": ["customer development", "客户开发阶段", "开发阶段"],
                  "initial": ["initial cooperation", "初期合作阶段"],
                  "stable": ["stable cooperation", "稳定合作阶段"],
                  "strategic": ["strategic cooperation", "战略合作阶段"]}
CAUSE_SYNONYMS = {"force majeure": ["force_majeure", "uncontrollable", "不可抗力"],
                  "controllable": ["可控", "可控制"]}
GROUPS = ["most_valuable", "growth", "negative_value", "pre_churn"]
GROUP_SYNONYMS = {"most_valuable": ["most valuable", "最有价值客户"], "growth": ["growth potential", "最具成长性客户"],
                  "negative_value": ["negative value", "负值客户"], "pre_churn": ["about to churn", "预流失客户"]}
#: the dates and cases of the questions (the chapter shows others)
WARNING_DATE = "2024-10-31"
WARNING_SET_DATE = "2024-06-30"
SUBSCRIBER = "S00010"
CLV_CUSTOMER = "C00020"
HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491]   # Fader & Hardie (2007), years 0..7


@lru_cache(maxsize=None)
def _table(name: str):
    import crmlearn

    return crmlearn.load_dataset(name)


def _stages(shares):
    import pandas as pd

    from crmlearn.retention import wallet_stage

    return wallet_stage(pd.DataFrame({"share": shares}))["wallet_stage"].astype(str).tolist()


@lru_cache(maxsize=None)
def _planted():
    c = _table("customers")
    return frozenset(c.loc[c["slowdown_start"].notna(), "customer_id"])


@lru_cache(maxsize=None)
def _warning(as_of):
    from crmlearn.retention import early_warning

    return early_warning(_table("transactions"), as_of=as_of)


def _precision(as_of):
    f = set(_warning(as_of).index[_warning(as_of)["flagged"]])
    return len(f & _planted()) / len(f)


def _recall(as_of):
    f = set(_warning(as_of).index[_warning(as_of)["flagged"]])
    return len(f & _planted()) / len(_planted())


# --- q1: stages of four shares (syllabus exercise 1) ------------------------------------------------
q1 = ListQuestion(
    chapter=CHAPTER, name="q1", title="Stages of four shares",
    prompt="""
        Our share of four customers' purchases is 0%, 30%, 65% and 90%. Which development stage is each
        relationship in (development, initial, stable, strategic)? Store the four labels, in order, in `stages`.
    """,
    expected=lambda: _stages([0.0, 0.30, 0.65, 0.90]),
    solution_code="""
        import pandas as pd
        from crmlearn.retention import wallet_stage

        stages = wallet_stage(pd.DataFrame({"share": [0.0, 0.30, 0.65, 0.90]}))["wallet_stage"].astype(str).tolist()
    """,
    answer_name="stages", synonyms=STAGE_SYNONYMS,
    hints=["No business at all is the customer development stage.",
           "Below 50%: initial; 50-80%: stable; 80-100%: strategic."],
    explanation="The stage follows the depth of cooperation: no business, secondary supplier, main supplier, strategic supplier.",
    wrong=[["initial", "initial", "stable", "strategic"], ["development", "initial", "stable", "stable"]],
)

# --- q2/q3: a share-of-wallet case (syllabus exercise 2) --------------------------------------------
q2 = NumberQuestion(
    chapter=CHAPTER, name="q2", title="Share of wallet",
    prompt="""
        A customer buys components for ¥8 m a year, ¥3.6 m of them from us. What is our share of its
        purchases (a share between 0 and 1)? Store it in `share`.
    """,
    expected=lambda: 3.6 / 8, solution_code="share = 3.6 / 8", answer_name="share",
    hints=["Share of wallet = our sales to the customer / the customer's total purchases.",
           "Divide the ¥3.6 m by the ¥8 m, not the other way round."],
    explanation="Our sales over the customer's total purchases in the category.", tol=0.0005,
    wrong=[45.0, 8 / 3.6],
)
q3 = CategoryQuestion(
    chapter=CHAPTER, name="q3", title="Stage of the case",
    prompt="""
        In which development stage is the relationship of the previous question, and are we its main
        supplier? Store the stage label in `stage`.
    """,
    expected=lambda: _stages([3.6 / 8])[0], choices=STAGES, synonyms=STAGE_SYNONYMS,
    solution_code="stage = 'initial'", answer_name="stage",
    hints=["Compare the share with the 50% boundary.", "Below 50% we are a secondary or candidate supplier."],
    explanation="Below half of the customer's purchases we are a secondary supplier: initial cooperation, "
                "offensive strategies to become the main supplier.",
    wrong=["stable", "development"],
)

# --- q4/q5/q6: telecom churn (syllabus exercises 3 and 4) -----------------------------------------
def _lost(rate_key):
    from crmlearn.retention import TELECOM_CHURN, churn_cost

    return float(churn_cost(n_subscribers=4_000_000, churn_rate=TELECOM_CHURN[rate_key])["lost"])


q4 = NumberQuestion(
    chapter=CHAPTER, name="q4", title="Subscribers lost at Europe's rate",
    prompt="""
        An operator has 4 million subscribers and Europe's churn rate from the chapter (taken as annual).
        How many subscribers does it lose in a year? Store the number in `lost_europe`.
    """,
    expected=lambda: _lost("Europe"), answer_name="lost_europe",
    solution_code="""
        from crmlearn.retention import TELECOM_CHURN
        lost_europe = 4_000_000 * TELECOM_CHURN["Europe"]
    """,
    hints=["Customers lost = customers at the start x churn rate.", "Europe's rate is a quarter."],
    explanation="A quarter of the base leaves every year: a whole new quarter must be won just to stay level.",
    tol=0.5, wrong=[lambda: _lost("US"), 0.25],
)
q5 = NumberQuestion(
    chapter=CHAPTER, name="q5", title="Subscribers lost at the US rate",
    prompt="""
        The same operator at the US churn rate: how many subscribers does it lose in a year? Store it in `lost_us`.
    """,
    expected=lambda: _lost("US"), answer_name="lost_us",
    solution_code="""
        from crmlearn.retention import TELECOM_CHURN
        lost_us = 4_000_000 * TELECOM_CHURN["US"]
    """,
    hints=["The US rate in the source is higher than Europe's.", "4 million x 30%."],
    explanation="Five points more churn cost 200,000 more subscribers a year.",
    tol=0.5, wrong=[lambda: _lost("Europe"), 0.30],
)


def _us_total_bn():
    from crmlearn.retention import US_CHURN_COST_USD

    return (US_CHURN_COST_USD["lost_revenue"] + US_CHURN_COST_USD["extra_acquisition_cost"]) / 1e9


q6 = NumberQuestion(
    chapter=CHAPTER, name="q6", title="US operators' yearly loss",
    prompt="""
        What total yearly loss (US$ billion) do US operators suffer from churn, lost revenue plus extra
        acquisition cost? Store it in `us_loss_bn`.
    """,
    expected=_us_total_bn, answer_name="us_loss_bn",
    solution_code="""
        from crmlearn.retention import US_CHURN_COST_USD
        us_loss_bn = sum(US_CHURN_COST_USD.values()) / 1e9
    """,
    hints=["Two parts: revenue lost and the cost of acquiring replacements.", "Add them; give billions."],
    explanation="Churn costs twice: the revenue that leaves and the money spent to replace it.",
    tol=0.01, wrong=[9.0, 7.5, 1.5],
)

# --- q7: regression causes (syllabus exercise 5) -------------------------------------------------
q7 = ListQuestion(
    chapter=CHAPTER, name="q7", title="Controllable or force majeure?",
    prompt="""
        Classify each cause of relationship regression as "controllable" or "force majeure":
        (a) the customer starts making the part itself, (b) a rival offers lower prices,
        (c) complaints left unanswered for months, (d) the customer exits the product line.
        Store the four labels, in order, in `causes`.
    """,
    expected=["force majeure", "controllable", "controllable", "force majeure"], synonyms=CAUSE_SYNONYMS,
    solution_code="causes = ['force majeure', 'controllable', 'controllable', 'force majeure']",
    answer_name="causes",
    hints=["Force majeure: the customer changes direction, narrows its scope or integrates upstream.",
           "Controllable: a competitor wins, our offer no longer fits, complaints are not solved."],
    explanation="What the customer decides about its own business is beyond our control; what competitors "
                "and our own service do is not.",
    wrong=[["controllable"] * 4, ["controllable", "force majeure", "force majeure", "controllable"]],
)


# --- q8: four subscribers' value groups (syllabus exercise 6) -------------------------------------
def _cases_groups():
    import pandas as pd

    from crmlearn.retention import value_groups

    cases = pd.DataFrame({"margin_cny": [150.0, 20.0, -10.0, 60.0], "growth_rate": [0.02, 0.4, 0.0, 0.01],
                          "complaints_90d": [0, 0, 0, 3], "competitor_offer_flag": [False, False, False, True]})
    return value_groups(cases)["value_group_rule"].astype(str).tolist()


q8 = ListQuestion(
    chapter=CHAPTER, name="q8", title="Four subscribers, four groups",
    prompt="""
        Classify four subscribers into the telecom case's value groups (most_valuable, growth,
        negative_value, pre_churn): (a) high margin, stable; (b) low spend but fast-growing;
        (c) zero calls, minimum fee; (d) rising complaints and a competitor offer. Store the labels in `groups`.
    """,
    expected=_cases_groups, synonyms=GROUP_SYNONYMS, answer_name="groups",
    solution_code="groups = ['most_valuable', 'growth', 'negative_value', 'pre_churn']",
    hints=["Zero usage at the minimum fee costs more than it brings.",
           "Complaints plus a rival's offer are the signs of a customer about to leave."],
    explanation="Each group gets its own treatment: special care, limited personal service, a fee rise, retention care.",
    wrong=[["most_valuable", "growth", "pre_churn", "negative_value"], ["growth", "most_valuable", "negative_value", "pre_churn"]],
)


# --- q9: stage counts in the course data ----------------------------------------------------------
def _n_strategic_2023():
    from crmlearn.retention import wallet_stage

    s = wallet_stage(_table("share_of_wallet"))
    return int(((s["year"] == 2023) & (s["wallet_stage"] == "strategic")).sum())


def _n_strategic_all():
    from crmlearn.retention import wallet_stage

    return int((wallet_stage(_table("share_of_wallet"))["wallet_stage"] == "strategic").sum())


def _n_stable_2023():
    from crmlearn.retention import wallet_stage

    s = wallet_stage(_table("share_of_wallet"))
    return int(((s["year"] == 2023) & (s["wallet_stage"] == "stable")).sum())


q9 = NumberQuestion(
    chapter=CHAPTER, name="q9", title="Strategic account-categories in 2023",
    prompt="""
        In `share_of_wallet`, how many account-categories (rows) of **2023** were in the strategic stage?
        Store the count in `n_strategic_2023`.
    """,
    expected=_n_strategic_2023, answer_name="n_strategic_2023", tol=0, rtol=0,
    solution_code="""
        import crmlearn
        from crmlearn.retention import wallet_stage
        s = wallet_stage(crmlearn.load_dataset("share_of_wallet"))
        n_strategic_2023 = int(((s["year"] == 2023) & (s["wallet_stage"] == "strategic")).sum())
    """,
    hints=["wallet_stage adds the column `wallet_stage`.", "Keep only year 2023 before counting."],
    explanation="Strategic means 80% or more of the customer's purchases in that category.",
    wrong=[_n_strategic_all, _n_stable_2023],
)


# --- q10: regression in one category --------------------------------------------------------------
def _moves():
    from crmlearn.retention import stage_transitions

    return stage_transitions(_table("share_of_wallet"), output="moves")


def _n_move(move, category="paper"):
    m = _moves()
    return int(((m["category"] == category) & (m["move"] == move)).sum())


q10 = NumberQuestion(
    chapter=CHAPTER, name="q10", title="Regressions in paper",
    prompt="""
        From 2023 to 2024, how many **paper** account-categories fell back to a lower stage (relationship
        regression)? Use `crmlearn.retention.stage_transitions(..., output="moves")`. Store it in `n_down_paper`.
    """,
    expected=lambda: _n_move("down"), answer_name="n_down_paper", tol=0, rtol=0,
    solution_code="""
        import crmlearn
        from crmlearn.retention import stage_transitions
        m = stage_transitions(crmlearn.load_dataset("share_of_wallet"), output="moves")
        n_down_paper = int(((m["category"] == "paper") & (m["move"] == "down")).sum())
    """,
    hints=["Each row of the moves table is one customer and category from 2023 to 2024.",
           "Keep category == 'paper' and move == 'down'."],
    explanation="A fall of stage is the regression the three-phase control tries to catch early.",
    wrong=[lambda: _n_move("up"), lambda: int((_moves()["move"] == "down").sum())],
)


# --- q11: the commonest opportunity at stable accounts --------------------------------------------
def _stable_events_ranked():
    from crmlearn.retention import opportunities, wallet_stage

    s = wallet_stage(_table("share_of_wallet"))
    sub = s[(s["year"] == 2024) & (s["wallet_stage"] == "stable")]
    op = opportunities(sub).sort_values(["rows", "opportunity"], ascending=[False, True])
    return op["opportunity"].tolist()


q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title="Commonest opportunity at stable accounts",
    prompt="""
        Among the **2024** account-categories in the **stable** stage, which of the eight opportunities
        appears most often in `events`? Give its code (e.g. "cost_pressure") in `top_opportunity`.
    """,
    expected=lambda: _stable_events_ranked()[0], answer_name="top_opportunity",
    solution_code="""
        import crmlearn
        from crmlearn.retention import opportunities, wallet_stage
        s = wallet_stage(crmlearn.load_dataset("share_of_wallet"))
        op = opportunities(s[(s["year"] == 2024) & (s["wallet_stage"] == "stable")])
        top_opportunity = op.sort_values("rows", ascending=False)["opportunity"].iloc[0]
    """,
    hints=["Filter the staged table first, then pass it to opportunities().", "Sort by the `rows` column."],
    explanation="For a main supplier (stable stage) these events are threats: the same moments a rival uses.",
    wrong=[lambda: _stable_events_ranked()[1], lambda: _stable_events_ranked()[-1]],
)

# --- q12: precision at another date ---------------------------------------------------------------
q12 = NumberQuestion(
    chapter=CHAPTER, name="q12", title=f"Early-warning precision on {WARNING_DATE}",
    prompt=f"""
        Run `crmlearn.retention.early_warning` on the transactions with `as_of="{WARNING_DATE}"` and its
        default settings. What share of the flagged customers are planted slowdowns
        (`customers.slowdown_start` not empty)? Store the precision (0-1) in `precision`.
    """,
    expected=lambda: _precision(WARNING_DATE), answer_name="precision", tol=0.005,
    solution_code=f"""
        import crmlearn
        from crmlearn.retention import early_warning
        c = crmlearn.load_dataset("customers")
        planted = set(c.loc[c["slowdown_start"].notna(), "customer_id"])
        ew = early_warning(crmlearn.load_dataset("transactions"), as_of="{WARNING_DATE}")
        flagged = set(ew.index[ew["flagged"]])
        precision = len(flagged & planted) / len(flagged)
    """,
    hints=["Precision divides by the number of warnings; recall by the number of real slowdowns.",
           "flagged = set(ew.index[ew['flagged']]); hits = flagged & planted."],
    explanation="High precision means a warning is worth a call: few false alarms.",
    wrong=[lambda: _recall(WARNING_DATE), lambda: 100 * _precision(WARNING_DATE)],
)


# --- q13: pick the flagged customers --------------------------------------------------------------
def _flagged_set(as_of):
    w = _warning(as_of)
    return sorted(w.index[w["flagged"]])


q13 = SetQuestion(
    chapter=CHAPTER, name="q13", title=f"Accounts to call on {WARNING_SET_DATE}",
    prompt=f"""
        Which customers does the early warning flag on {WARNING_SET_DATE} (default settings)? These are the
        accounts for phase 2, in-process control. Store their ids in `to_call`.
    """,
    expected=lambda: _flagged_set(WARNING_SET_DATE), answer_name="to_call",
    solution_code=f"""
        import crmlearn
        from crmlearn.retention import early_warning
        ew = early_warning(crmlearn.load_dataset("transactions"), as_of="{WARNING_SET_DATE}")
        to_call = list(ew.index[ew["flagged"]])
    """,
    hints=["The result is indexed by customer_id; keep the rows where `flagged` is True.",
           "Silent or lost customers are not flagged: a stop is no longer an early sign."],
    explanation="Early warning gives a short list months before the last order, while the account can still be saved.",
    wrong=[lambda: _flagged_set("2024-09-30"), lambda: sorted(_planted())],
)


# --- q14: sBG on the high-end customers -----------------------------------------------------------
def _sbg(which):
    from crmlearn.retention import ShiftedBetaGeometric

    return float(ShiftedBetaGeometric().fit(HIGH_END).summary().loc[which, "estimate"])


q14 = NumberQuestion(
    chapter=CHAPTER, name="q14", title="sBG alpha of high-end customers",
    prompt=f"""
        Fader & Hardie (2007) also publish "high end" customers still active at the start of years 0-7:
        {HIGH_END}. Fit `crmlearn.retention.ShiftedBetaGeometric` to them and give alpha (3 decimals) in `alpha`.
    """,
    expected=lambda: _sbg("alpha"), answer_name="alpha", tol=0.001,
    solution_code=f"""
        from crmlearn.retention import ShiftedBetaGeometric
        sbg = ShiftedBetaGeometric().fit({HIGH_END})
        alpha = sbg.summary().loc["alpha", "estimate"]
    """,
    hints=["fit() takes the counts still active at the start of each year, year 0 first.",
           "summary() has one row per parameter; read the `estimate` of alpha."],
    explanation="Compare with the published 0.668: the model is the same, the data differ from the regular customers.",
    wrong=[0.704, lambda: _sbg("beta")],
)


# --- q15: one subscriber's group ------------------------------------------------------------------
def _subscriber_group():
    from crmlearn.retention import value_groups

    vg = value_groups(_table("subscribers")).set_index("subscriber_id")
    return str(vg.loc[SUBSCRIBER, "value_group_rule"])


q15 = CategoryQuestion(
    chapter=CHAPTER, name="q15", title=f"Value group of {SUBSCRIBER}",
    prompt=f"""
        Apply `crmlearn.retention.value_groups` to `subscribers`. Which group is subscriber {SUBSCRIBER} in,
        and so which treatment does it get? Store the group label in `group`.
    """,
    expected=_subscriber_group, choices=GROUPS, synonyms=GROUP_SYNONYMS, answer_name="group",
    solution_code=f"""
        import crmlearn
        from crmlearn.retention import value_groups
        vg = value_groups(crmlearn.load_dataset("subscribers")).set_index("subscriber_id")
        group = vg.loc["{SUBSCRIBER}", "value_group_rule"]
    """,
    hints=["The rules are checked in order: complaints or a rival offer first, then margin, then growth.",
           f"Look at {SUBSCRIBER}'s complaints_90d, margin_cny and growth_rate."],
    explanation="The group decides the treatment: care, limited personal service, a fee rise, or retention care.",
    wrong=[lambda i=i: [g for g in GROUPS if g != _subscriber_group()][i] for i in range(2)],
)


# --- q16: P(alive) of one customer ----------------------------------------------------------------
@lru_cache(maxsize=None)
def _bg_fit():
    import warnings

    from crmlearn.clv import BetaGeo, rfm_summary

    tx = _table("transactions")
    buy = tx[~tx["is_return"] & (tx["tender_result"] != "lost")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        s = rfm_summary(buy, amount="amount", unit="W", calibration_end="2024-06-30", holdout_end="2024-12-31")
    return BetaGeo().fit(s), s


def _p_alive():
    bg, s = _bg_fit()
    return float(bg.probability_alive(s).loc[CLV_CUSTOMER])


q16 = NumberQuestion(
    chapter=CHAPTER, name="q16", title=f"P(alive) of {CLV_CUSTOMER}",
    prompt=f"""
        Fit the BG/NBD model as in the chapter (purchases only, weekly `rfm_summary` with
        calibration_end="2024-06-30", holdout_end="2024-12-31"). What is the probability that customer
        {CLV_CUSTOMER} is still alive at the end of the calibration period? Store it (0-1) in `p_alive`.
    """,
    expected=_p_alive, answer_name="p_alive", tol=0.005,
    solution_code="""
        import crmlearn
        from crmlearn.clv import BetaGeo, rfm_summary
        tx = crmlearn.load_dataset("transactions")
        buy = tx[~tx["is_return"] & (tx["tender_result"] != "lost")]
        s = rfm_summary(buy, amount="amount", unit="W", calibration_end="2024-06-30", holdout_end="2024-12-31")
        p_alive = BetaGeo().fit(s).probability_alive(s).loc["%s"]
    """ % CLV_CUSTOMER,
    hints=["Returns and lost tenders are not purchases: filter them out first.",
           "probability_alive(summary) returns one value per customer."],
    explanation="P(alive) falls when a frequent buyer has not bought for a long time, relative to their rhythm.",
    wrong=[lambda: 1 - _p_alive(), lambda: float(_bg_fit()[0].expected_purchases(_bg_fit()[1], 26).loc[CLV_CUSTOMER])],
)

questions, progress, reset_progress = chapter_functions(CHAPTER)

# The answers of q3 and q15 are taught options (a stage, a value group); the leak test searches them
# only next to the words that identify the case.
q3.leak_context = ("3.6",)
q15.leak_context = (SUBSCRIBER,)
