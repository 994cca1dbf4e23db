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

from ..retention import OPPORTUNITIES
from ._engine import CategoryQuestion, ListQuestion, NumberQuestion, SetQuestion, chapter_functions, teach

CHAPTER = "ch09"

#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = """
import crmlearn
from crmlearn import retention

transactions = crmlearn.load_dataset("transactions")        # Huaxin's order lines
customers = crmlearn.load_dataset("customers")              # slowdown_start marks the planted slowdowns
share_of_wallet = crmlearn.load_dataset("share_of_wallet")  # our share per customer, year and category
subscribers = crmlearn.load_dataset("subscribers")          # the telecom operator's subscribers
"""
from ._placeholder import ____  # noqa: E402,F401  (``ex.____`` in the starter cells)
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
WARNING_DATE = "2024-08-31"
WARNING_SET_DATE = "2024-06-30"
SUBSCRIBER = "S00008"
CLV_CUSTOMER = "C00131"
#: q1: the shares of the syllabus exercise, in another order than the stages
Q1_SHARES = [0.65, 0.0, 0.90, 0.30]
#: q11: the stage and year asked about (the chapter shows all stages and years together)
Q11_STAGE, Q11_YEAR = "development", 2024
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
        Our share of four customers' purchases is (a) 65%, (b) 0%, (c) 90% and (d) 30%. Which development
        stage is each relationship in ("development", "initial", "stable", "strategic")? Store the four
        labels, in the order (a)-(d), in `stages`.
    """,
    expected=lambda: _stages(Q1_SHARES),
    solution_code=f"""
        import pandas as pd

        shares = pd.DataFrame({{"share": {Q1_SHARES}}})
        stages = retention.wallet_stage(shares)["wallet_stage"].astype(str).tolist()
    """,
    answer_name="stages", synonyms=STAGE_SYNONYMS,
    hints=["No business at all is the customer development stage.",
           "Below 50%: initial; 50-80%: stable; 80-100%: strategic."],
    explanation="The stage follows the depth of cooperation: no business, secondary supplier, main supplier, "
                "strategic supplier.",
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
           "Divide our sales by the customer's total, not the other way round."],
    explanation="Our sales over the customer's total purchases in the category.", tol=0.0005, rtol=0.001,
    percent_hint=False,
)
q3 = CategoryQuestion(
    chapter=CHAPTER, name="q3", title="Stage of the case",
    prompt="""
        In which development stage is the relationship of the previous question (¥3.6 m of ¥8 m), and are
        we its main supplier? Store the stage label in `stage`.
    """,
    expected=lambda: _stages([3.6 / 8])[0], choices=STAGES, synonyms=STAGE_SYNONYMS,
    solution_code="""
        import pandas as pd

        stage = str(retention.wallet_stage(pd.DataFrame({"share": [3.6 / 8]}))["wallet_stage"].iloc[0])
    """,
    answer_name="stage",
    hints=["Compare the share with the 50% boundary.", "Below 50% we are a secondary or candidate supplier."],
    explanation="Below half of the customer's purchases we are a secondary supplier: initial cooperation, "
                "offensive strategies to become the main supplier.",
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
        lost_europe = 4_000_000 * retention.TELECOM_CHURN["Europe"]
    """,
    hints=["Customers lost = customers at the start x churn rate.",
           "The rates are in crmlearn.retention.TELECOM_CHURN."],
    explanation="A quarter of the base leaves every year: a whole new quarter must be won just to stay level.",
    tol=0.5,
)
q5 = NumberQuestion(
    chapter=CHAPTER, name="q5", title="Subscribers lost at the US rate",
    prompt="""
        The same operator at the US churn rate: how many subscribers does it lose in a year? Store it in `lost_us`.
    """,
    expected=lambda: _lost("US"), answer_name="lost_us",
    solution_code="""
        lost_us = 4_000_000 * retention.TELECOM_CHURN["US"]
    """,
    hints=["The US rate in the source is higher than Europe's.", "Subscribers at the start x the US rate."],
    explanation="Five points more churn cost 200,000 more subscribers a year.",
    tol=0.5,
)


def _us_total_bn():
    from crmlearn.retention import US_CHURN_COST_USD

    return (US_CHURN_COST_USD["lost_revenue"] + US_CHURN_COST_USD["extra_acquisition_cost"]) / 1e9


def _us_part_bn(part):
    from crmlearn.retention import US_CHURN_COST_USD

    return US_CHURN_COST_USD[part] / 1e9


q6 = NumberQuestion(
    chapter=CHAPTER, name="q6", title="US operators' yearly loss",
    prompt="""
        What total yearly loss (US$ billion) do US operators suffer from churn, lost revenue plus extra
        acquisition cost? Store it in `us_loss_bn`.
    """,
    expected=_us_total_bn, answer_name="us_loss_bn",
    solution_code="""
        us_loss_bn = sum(retention.US_CHURN_COST_USD.values()) / 1e9
    """,
    hints=["Two parts: revenue lost and the cost of acquiring replacements.", "Add them; give billions."],
    explanation="Churn costs twice: the revenue that leaves and the money spent to replace it.",
    tol=0.01,
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
        Classify four subscribers into the telecom case's value groups ("most_valuable", "growth",
        "negative_value", "pre_churn"): (a) high margin, stable; (b) low spend but fast-growing;
        (c) zero calls, minimum fee; (d) rising complaints and a competitor offer. Store the labels in `groups`.
    """,
    expected=_cases_groups, synonyms=GROUP_SYNONYMS, answer_name="groups",
    solution_code="groups = ['most_valuable', 'growth', 'negative_value', 'pre_churn']",
    hints=["Zero usage at the minimum fee costs more than it brings.",
           "Complaints plus a rival's offer are the signs of a customer about to leave."],
    explanation="Each group gets its own treatment: special care, limited personal service, a fee rise, retention care.",
)


# --- q9: stage counts in the course data ----------------------------------------------------------
def _staged():
    from crmlearn.retention import wallet_stage

    return wallet_stage(_table("share_of_wallet"))


def _n_stage(stage, year=None, *, distinct=False):
    s = _staged()
    rows = s[(s["wallet_stage"] == stage) & ((s["year"] == year) if year is not None else True)]
    return int(rows["customer_id"].nunique() if distinct else len(rows))


def _n_strategic_2023():
    return _n_stage("strategic", 2023)


q9 = NumberQuestion(
    chapter=CHAPTER, name="q9", title="Strategic account-categories in 2023",
    prompt="""
        In `share_of_wallet`, how many account-categories (rows) of **2023** were in the strategic stage?
        Store the count in `n_strategic_2023`.
    """,
    expected=_n_strategic_2023, answer_name="n_strategic_2023", tol=0, rtol=0,
    solution_code="""
        s = retention.wallet_stage(share_of_wallet)
        n_strategic_2023 = int(((s["year"] == 2023) & (s["wallet_stage"] == "strategic")).sum())
    """,
    hints=["wallet_stage adds the column `wallet_stage`.", "Keep only year 2023 before counting."],
    explanation="Strategic means 80% or more of the customer's purchases in that category.",
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
        m = retention.stage_transitions(share_of_wallet, output="moves")
        n_down_paper = int(((m["category"] == "paper") & (m["move"] == "down")).sum())
    """,
    hints=["Each row of the moves table is one customer and category from 2023 to 2024.",
           "Keep category == 'paper' and move == 'down'."],
    explanation="A fall of stage is the regression the three-phase control tries to catch early.",
)


# --- q11: the entry point to prepare for in development-stage accounts ----------------------------
def _ranked(stage=Q11_STAGE, year=Q11_YEAR):
    from crmlearn.retention import opportunities

    s = _staged()
    op = opportunities(s[(s["year"] == year) & (s["wallet_stage"] == stage)])
    return op.sort_values(["rows", "opportunity"], ascending=[False, True])["opportunity"].tolist()


def _q11_answer():
    return [o for o in _ranked() if o != "annual_supplier_review"][0]


q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title="The entry point to prepare for",
    prompt=f"""
        In stage 1 the sales team waits for an entry point. Among the **{Q11_YEAR}** account-categories in
        the **{Q11_STAGE}** stage (no business yet), the yearly supplier review is recorded most often (it
        happens everywhere). Which OTHER of the eight opportunities appears most often in `events`, so that
        the team should prepare for it? Give its code (as in the `opportunity` column) in `entry_point`.
    """,
    expected=_q11_answer, choices=list(OPPORTUNITIES),
    answer_name="entry_point",
    solution_code=f"""
        s = retention.wallet_stage(share_of_wallet)
        op = retention.opportunities(s[(s["year"] == {Q11_YEAR}) & (s["wallet_stage"] == "{Q11_STAGE}")])
        op = op[op["opportunity"] != "annual_supplier_review"]
        entry_point = op.sort_values("rows", ascending=False)["opportunity"].iloc[0]
    """,
    hints=["Filter the staged table (year and stage) first, then pass it to opportunities().",
           "Drop the annual_supplier_review row and sort by the `rows` column."],
    explanation="The openings differ by stage: where we have no business yet, changes of people at the customer "
                "open doors more often than complaints about a supplier we are not.",
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
        planted = set(customers.loc[customers["slowdown_start"].notna(), "customer_id"])
        ew = retention.early_warning(transactions, as_of="{WARNING_DATE}")
        flagged = set(ew.index[ew["flagged"]])
        precision = len(flagged & planted) / len(flagged)
    """,
    hints=["Precision divides by the number of warnings; recall by the number of real slowdowns.",
           "flagged = set(ew.index[ew['flagged']]); hits = flagged & planted."],
    explanation="High precision means a warning is worth a call: few false alarms.",
    rtol=0.005, percent_hint=False,   # rtol: a percentage rounded to 1 decimal still meets its targeted message
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
        ew = retention.early_warning(transactions, as_of="{WARNING_SET_DATE}")
        to_call = list(ew.index[ew["flagged"]])
    """,
    hints=["The result is indexed by customer_id; keep the rows where `flagged` is True.",
           "Silent or lost customers are not flagged: a stop is no longer an early sign."],
    explanation="Early warning gives a short list months before the last order, while the account can still be saved.",
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
        sbg = retention.ShiftedBetaGeometric().fit({HIGH_END})
        alpha = sbg.summary().loc["alpha", "estimate"]
    """,
    hints=["fit() takes the counts still active at the start of each year, year 0 first.",
           "summary() has one row per parameter; read the `estimate` of alpha."],
    explanation="The paper publishes 0.668 for the high-end customers: the same model, other customers, "
                "another mix of churn probabilities.",
)


# --- q15: one subscriber's group ------------------------------------------------------------------
def _subscriber_group():
    from crmlearn.retention import value_groups

    vg = value_groups(_table("subscribers")).set_index("subscriber_id")
    return str(vg.loc[SUBSCRIBER, "value_group_rule"])


def _recorded_group():
    return str(_table("subscribers").set_index("subscriber_id").loc[SUBSCRIBER, "value_group"])


q15 = CategoryQuestion(
    chapter=CHAPTER, name="q15", title=f"Value group of {SUBSCRIBER}",
    prompt=f"""
        Apply `crmlearn.retention.value_groups` to `subscribers`. Which group do the rules put subscriber
        {SUBSCRIBER} in, and so which treatment does it get? Store the group label in `group`.
    """,
    expected=_subscriber_group, choices=GROUPS, synonyms=GROUP_SYNONYMS, answer_name="group",
    solution_code=f"""
        vg = retention.value_groups(subscribers).set_index("subscriber_id")
        group = vg.loc["{SUBSCRIBER}", "value_group_rule"]
    """,
    hints=["The rules are checked in order: complaints or a rival offer first, then margin, then growth.",
           f"Look at {SUBSCRIBER}'s complaints_90d, margin_cny and growth_rate, in that order."],
    explanation="The group decides the treatment. A subscriber who grows but costs more than it pays is first a "
                "case for raising its value (the fee), and only then one for growth care.",
)


# --- q16: P(alive) of one customer ----------------------------------------------------------------
@lru_cache(maxsize=None)
def _bg_fit(purchases_only=True):
    import warnings

    from crmlearn.clv import BetaGeo, rfm_summary

    tx = _table("transactions")
    buy = tx[~tx["is_return"] & (tx["tender_result"] != "lost")] if purchases_only else tx
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        s = rfm_summary(buy, amount="amount", unit="W", calibration_end="2024-06-30", holdout_end="2024-12-31")
    return BetaGeo().fit(s), s


def _p_alive():
    bg, s = _bg_fit()
    return float(bg.probability_alive(s).loc[CLV_CUSTOMER])


def _expected_26w():
    bg, s = _bg_fit()
    return float(bg.expected_purchases(s, 26).loc[CLV_CUSTOMER])


q16 = NumberQuestion(
    chapter=CHAPTER, name="q16", title=f"P(alive) of {CLV_CUSTOMER}",
    prompt=f"""
        Fit the BG/NBD model as in the chapter (purchases only, weekly `rfm_summary` with
        calibration_end="2024-06-30", holdout_end="2024-12-31"). What is the probability that customer
        {CLV_CUSTOMER} is still alive at the end of the calibration period? Store it (0-1) in `p_alive`.
    """,
    expected=_p_alive, answer_name="p_alive", tol=0.005, rtol=0.005, percent_hint=False,
    solution_code="""
        import warnings
        from crmlearn.clv import BetaGeo, rfm_summary

        buy = transactions[~transactions["is_return"] & (transactions["tender_result"] != "lost")]
        with warnings.catch_warnings():   # customers acquired after the calibration end are left out, on purpose
            warnings.simplefilter("ignore", UserWarning)
            s = rfm_summary(buy, amount="amount", unit="W", calibration_end="2024-06-30", holdout_end="2024-12-31")
        p_alive = BetaGeo().fit(s).probability_alive(s).loc["%s"]
    """ % CLV_CUSTOMER,
    hints=["Returns and lost tenders are not purchases: filter them out first.",
           "probability_alive(summary) returns one value per customer."],
    explanation="P(alive) falls when a frequent buyer has not bought for a long time, relative to their rhythm: "
                "this customer bought regularly, then stopped for months before the end of June.",
)


# --- targeted messages for the typical mistakes ---------------------------------------------------
MISTAKES = {
    "q1": [(lambda: _stages(sorted(Q1_SHARES)), "That is the order of the stages from low to high share, not the "
            "order (a)-(d) of the question: classify 65%, 0%, 90% and 30% as given."),
           (["initial", "development", "strategic", "initial"], "Look at (a) again: 65% is more than half of the "
            "customer's purchases. What is our role then?"),
           (["stable", "initial", "strategic", "initial"], "Look at (b) again: 0% means no business at all, which "
            "is the stage before any cooperation.")],
    "q2": [(45.0, "Give a share between 0 and 1, not a percentage."),
           (8 / 3.6, "The division is upside down: our sales go on top, the customer's total purchases below."),
           (8 - 3.6, "That is what the customer buys from other suppliers (¥ m); the question asks for our share.")],
    "q3": [("stable", "The stable stage needs at least half of the customer's purchases; compare our share with 50% again."),
           ("development", "We already sell to this customer, so the relationship is past the first stage."),
           ("strategic", "A strategic supplier has 80% or more of the purchases; our share is far below that.")],
    "q4": [(lambda: _lost("US"), "That uses the US rate; the question asks for Europe's."),
           (lambda: 4_000_000 - _lost("Europe"), "That is the number of subscribers who STAY; the question asks how "
            "many are lost."),
           (0.25, "That is the churn rate itself; multiply it by the number of subscribers.")],
    "q5": [(lambda: _lost("Europe"), "That uses Europe's rate; the question asks for the US rate."),
           (lambda: 4_000_000 - _lost("US"), "That is the number of subscribers who STAY; the question asks how many "
            "are lost."),
           (0.30, "That is the churn rate itself; multiply it by the number of subscribers.")],
    "q6": [(lambda: _us_part_bn("lost_revenue"), "That is the lost revenue only; add the extra acquisition cost."),
           (lambda: _us_part_bn("extra_acquisition_cost"), "That is the extra acquisition cost only; add the lost "
            "revenue."),
           (lambda: _us_part_bn("lost_revenue") - _us_part_bn("extra_acquisition_cost"), "You subtracted the two "
            "parts; churn costs both, so add them."),
           (lambda: _us_total_bn() * 1e9, "Give the total in billions of US$, not in dollars.")],
    "q7": [(["controllable"] * 4, "Not everything is in our hands: which of these are the customer's own decisions "
            "about its business?"),
           (["controllable", "force majeure", "force majeure", "controllable"], "The labels are reversed: a rival's "
            "price and our unanswered complaints are things we can act on."),
           (["force majeure", "controllable", "force majeure", "force majeure"], "Look at (c) again: answering "
            "complaints is our own job.")],
    "q8": [(["most_valuable", "growth", "pre_churn", "negative_value"], "(c) and (d) look swapped: which one costs "
            "more than it brings, and which one shows the signs of leaving?"),
           (["growth", "most_valuable", "negative_value", "pre_churn"], "(a) and (b) look swapped: which one earns "
            "most today, and which one is small but growing fast?")],
    "q9": [(lambda: _n_stage("strategic"), "That counts both years; keep only the rows of 2023."),
           (lambda: _n_stage("stable", 2023), "That is the stable stage (50-80%); the question asks for strategic "
            "(80-100%)."),
           (lambda: _n_stage("strategic", 2023, distinct=True), "That counts customers; the question counts "
            "account-categories (rows): a customer can be strategic in several categories.")],
    "q10": [(lambda: _n_move("up"), "Those moved UP a stage; regression is a move down."),
            (lambda: int((_moves()["move"] == "down").sum()), "That counts the regressions of all categories; keep "
             "paper only."),
            (lambda: _n_move("same"), "Those stayed in their stage; regression is a move down.")],
    "q11": [("annual_supplier_review", "The question leaves the yearly supplier review out (it is recorded "
             "everywhere); give the next one."),
            ("service_complaint", "That is the runner-up of the whole table (all stages and years together); keep "
             f"only the {Q11_STAGE}-stage rows of {Q11_YEAR}."),
            (lambda: _ranked()[-1], "That is the rarest opportunity in these accounts; sort by `rows` from high to low.")],
    "q12": [(lambda: _recall(WARNING_DATE), "That is the recall (share of the slowdowns that were warned); precision "
             "divides by the number of warnings."),
            (lambda: _precision("2024-09-30"), "That is the precision on the chapter's date; run the warning with "
             f'as_of="{WARNING_DATE}".'),
            (lambda: 100 * _precision(WARNING_DATE), "Give the precision as a share between 0 and 1, not a percentage.")],
    "q13": [(lambda: _flagged_set("2024-09-30"), "That is the list of the chapter's date; run the warning with "
             f'as_of="{WARNING_SET_DATE}".'),
            (lambda: sorted(_planted()), "Those are all the planted slowdowns; the early warning cannot see the "
             "answer key: list what IT flags."),
            (lambda: sorted(set(_flagged_set(WARNING_SET_DATE)) & _planted()), "You kept only the real slowdowns; in "
             "practice you do not know them, so call every flagged account.")],
    "q14": [(0.704, "0.704 is the published alpha of the REGULAR customers (the chapter's example); fit the "
             "high-end counts."),
            (lambda: _sbg("beta"), "That is beta; the question asks for alpha.")],
    "q15": [(_recorded_group, "That is the group recorded in the table's `value_group` column; the question asks "
             "for the group the rules of value_groups give, checked in their order."),
            ("pre_churn", f"{SUBSCRIBER} has no complaints and no competitor offer: the first rule does not apply."),
            ("most_valuable", f"Check {SUBSCRIBER}'s margin again: the most valuable group needs a top margin.")],
    "q16": [(lambda: 1 - _p_alive(), "That is the probability that the customer has already dropped out; give the "
             "probability that it is alive."),
            (_expected_26w, "That is the number of purchases expected in the 26 holdout weeks, not a probability."),
            (lambda: 100 * _p_alive(), "Give a probability between 0 and 1, not a percentage.")],
}
#: The taught options of the list questions (for the answer leak test).
CHOICES = {"q1": STAGES, "q7": ["controllable", "force majeure"], "q8": GROUPS}
#: Questions that ask for a judgement (classify a case, choose an action, pick customers, interpret).
JUDGEMENT = {"q1", "q3", "q7", "q8", "q11", "q13", "q15"}
#: The words that identify a question's case when its answer is one of the taught options.
LEAK_CONTEXT = {"q1": ["65%", "90%", "30%"], "q3": ["3.6"], "q7": ["part itself", "product line"],
                "q8": ["zero calls", "fast-growing"], "q11": [Q11_STAGE, str(Q11_YEAR), "entry point"],
                "q15": [SUBSCRIBER]}
for _name, _mistakes in MISTAKES.items():
    teach(globals()[_name], mistakes=_mistakes, setup=SETUP, judgement=_name in JUDGEMENT,
          leak_context=LEAK_CONTEXT.get(_name, ()), choices=CHOICES.get(_name),
          starter=f"{globals()[_name].answer_name} = ex.____")

questions, progress, reset_progress = chapter_functions(CHAPTER)
