"""Exercises for chapter 8, customer loyalty (客户忠诚): loyalty types, the loyalty matrix, Bain, switching cost.

The six exercises of the syllabus (the Bain range, the car-industry gap, the insurers' rate war, the
hardware store, three loyalty types, a switch decision), then questions on Huaxin's survey with other
cut-offs, indices and groups than the chapter shows. Every expected answer is computed by crmlearn.

>>> from crmlearn.exercises import ch08
>>> len(ch08.questions()) >= 10
True
"""
from __future__ import annotations

from functools import lru_cache

from ._engine import CategoryQuestion, ListQuestion, NumberQuestion, chapter_functions, teach

#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = """
import crmlearn

survey = crmlearn.load_dataset("survey")              # Huaxin's satisfaction survey
transactions = crmlearn.load_dataset("transactions")  # the orders
"""
from ._placeholder import ____  # noqa: E402,F401  (``ex.____`` in the starter cells)

CHAPTER = "ch08"

#: The patronage cut-off of q7 (orders in the 12 months before the survey).
Q7_MIN_ORDERS = 12


@lru_cache(maxsize=None)
def _survey():
    """The survey with each respondent's orders in the 12 months before it (read only)."""
    import crmlearn
    from crmlearn.loyalty import orders_before_survey

    return orders_before_survey(crmlearn.load_dataset("survey"), crmlearn.load_dataset("transactions"))


# --- q1: the Bain range (syllabus exercise 1) -------------------------------------------------------
def _bain_2000():
    from crmlearn.loyalty import bain_switchers

    r = bain_switchers(2000)
    return [float(r["low"]), float(r["high"])]


q1 = ListQuestion(
    chapter=CHAPTER, name="q1", title="Satisfied customers who may switch",
    prompt="""
        By the range the source quotes (65%-85% of satisfied customers still switch), how many of
        2,000 customers who say they are satisfied may switch? Give `[lowest, highest]` in `switchers`.
    """,
    expected=_bain_2000,
    solution_code="""
        from crmlearn.loyalty import bain_switchers

        r = bain_switchers(2000)
        switchers = [r["low"], r["high"]]
    """,
    answer_name="switchers",
    hints=["Multiply 2,000 by each end of the range.", "65% of 2,000 and 85% of 2,000."],
    explanation="1,300 to 1,700 of the 2,000 satisfied customers: satisfaction alone does not keep them.",
    tol=0.5,
)


# --- q2: the car industry (syllabus exercise 2) -----------------------------------------------------
def _car_gaps():
    sat, rep = (85, 95), (30, 40)
    return [max(sat) - min(rep), min(sat) - max(rep)]


q2 = ListQuestion(
    chapter=CHAPTER, name="q2", title="The car industry's satisfaction-loyalty gap",
    prompt="""
        In the car industry 85%-95% of buyers are satisfied, yet only 30%-40% buy the same make again.
        What are the widest and the narrowest possible gaps between the satisfaction and repurchase
        rates, in percentage points? Give `[widest, narrowest]` in `gaps`.
    """,
    expected=_car_gaps,
    solution_code="""
        widest = 95 - 30
        narrowest = 85 - 40
        gaps = [widest, narrowest]
    """,
    answer_name="gaps",
    hints=["The widest gap pairs the highest satisfaction with the lowest repurchase.",
           "The narrowest pairs the lowest satisfaction with the highest repurchase."],
    explanation="65 and 45 points: even in the best case more than 4 in 10 buyers are satisfied but do not come back.",
    tol=1e-6,
)


# --- q3: the rate war (syllabus exercise 3) ----------------------------------------------------------
def _promised():
    from crmlearn.loyalty import rate_war

    return 100 * float(rate_war(0.0225, spread=0.03)["promised_rate"])


q3 = NumberQuestion(
    chapter=CHAPTER, name="q3", title="The insurer's promised rate",
    prompt="""
        The bank benchmark deposit rate is 2.25%. What rate did the insurer promise if it offered
        3 percentage points more? Give it in percent (e.g. 4.5 for 4.5%) in `promised`.
    """,
    expected=_promised,
    solution_code="""
        from crmlearn.loyalty import rate_war

        promised = 100 * rate_war(0.0225, spread=0.03)["promised_rate"]
    """,
    answer_name="promised",
    hints=["Percentage points are added, not multiplied.", "2.25 + 3."],
    explanation="5.25%: a promise competitors copy at once and the insurer cannot keep: price alone wins no loyalty.",
    tol=1e-6,
    percent_hint=False,
)


# --- q4: the hardware store (syllabus exercise 4) -----------------------------------------------------
q4 = NumberQuestion(
    chapter=CHAPTER, name="q4", title="Novices in the hardware store",
    prompt="""
        At least 65% of the people who enter the hardware store have no relevant experience. 400 people
        enter in a day. At least how many lack experience? Store it in `novices`.
    """,
    expected=lambda: 400 * 0.65,
    solution_code="""
        novices = 400 * 0.65
    """,
    answer_name="novices",
    hints=["'At least 65%' gives the lower bound.", "0.65 x 400."],
    explanation="At least 260 visitors need their doubts removed (guarantees, returns, staff sent on request).",
    tol=1e-6,
)


# --- q5: three loyalty types (syllabus exercise 5) ----------------------------------------------------
_TYPES = ["behavioural", "intentional", "emotional"]
_TYPE_SYNONYMS = {"behavioural": ["behavioral", "行为忠诚", "behaviour", "behavior"],
                  "intentional": ["cognitive", "意识忠诚", "intention"],
                  "emotional": ["情感忠诚", "attitudinal", "emotion"]}

q5 = ListQuestion(
    chapter=CHAPTER, name="q5", title="Which loyalty type?",
    prompt="""
        Classify by Jill Griffin's loyalty types ("behavioural", "intentional", "emotional"), in this
        order: (a) a customer reordered five times this year, (b) a survey answer "I will buy again
        next year", (c) a customer recommended us to two peers. Store the list in `kinds`.
    """,
    expected=lambda: list(_TYPES),
    synonyms=_TYPE_SYNONYMS,
    solution_code="""
        kinds = ["behavioural", "intentional", "emotional"]
    """,
    answer_name="kinds",
    hints=["One is what the customer did, one what it says it will do, one how it feels about us.",
           "Recommending us shows an attitude."],
    explanation="Repeat orders are behaviour, a stated intention is intentional loyalty, recommending is emotional.",
)


# --- q6: a switch decision (syllabus exercise 6) -------------------------------------------------------
def _switch_6():
    import pandas as pd

    from crmlearn.loyalty import switch_decision

    df = pd.DataFrame({"annual_saving": [80_000], "switching_cost": [150_000], "risk_cost": [0]})
    return "yes" if bool(switch_decision(df, horizon=1)["switches"].iloc[0]) else "no"


q6 = CategoryQuestion(
    chapter=CHAPTER, name="q6", title="Switch for 4% lower prices?",
    prompt="""
        A competitor offers 4% lower prices, worth CNY 80,000 a year. Retraining and new spare parts would
        cost CNY 150,000 once. The customer plans one year ahead. Should it switch? Answer "yes" or "no"
        in `switch`.
    """,
    expected=_switch_6,
    choices=["yes", "no"],
    solution_code="""
        import pandas as pd
        from crmlearn.loyalty import switch_decision

        df = pd.DataFrame({"annual_saving": [80_000], "switching_cost": [150_000], "risk_cost": [0]})
        print(switch_decision(df, horizon=1))
        switch = "no"
    """,
    answer_name="switch",
    hints=["Compare the saving over the horizon with the one-off switching cost.",
           "One year of savings against the one-off cost."],
    explanation="CNY 80,000 < CNY 150,000: the switching cost keeps the customer (Boeing vs Airbus).",
)


# --- q7: the loyalty matrix with another cut-off ------------------------------------------------------
def _spurious_12():
    from crmlearn.loyalty import loyalty_matrix

    m = loyalty_matrix(_survey(), attitude="emotional_attachment", min_patronage=Q7_MIN_ORDERS)
    return int((m["loyalty"] == "spurious").sum())


def _spurious_median():
    from crmlearn.loyalty import loyalty_matrix

    return int((loyalty_matrix(_survey(), attitude="emotional_attachment")["loyalty"] == "spurious").sum())


q7 = NumberQuestion(
    chapter=CHAPTER, name="q7", title="Spuriously loyal customers",
    prompt=f"""
        Add each respondent's orders in the 12 months before the survey with
        `crmlearn.loyalty.orders_before_survey(survey, transactions)`. Then build the loyalty matrix with
        attitude = `emotional_attachment` (high from 4) and patronage = `frequency` high from
        {Q7_MIN_ORDERS} orders (`min_patronage={Q7_MIN_ORDERS}`). How many respondents show
        spurious loyalty? Store the number in `n_spurious`.
    """,
    expected=_spurious_12,
    solution_code=f"""
        import crmlearn
        from crmlearn.loyalty import loyalty_matrix, orders_before_survey

        survey = orders_before_survey(crmlearn.load_dataset("survey"), crmlearn.load_dataset("transactions"))
        m = loyalty_matrix(survey, attitude="emotional_attachment", min_patronage={Q7_MIN_ORDERS})
        n_spurious = int((m["loyalty"] == "spurious").sum())
    """,
    answer_name="n_spurious",
    hints=["Spurious loyalty: high repeat patronage, low attitude.",
           "Count the rows whose 'loyalty' is 'spurious'."],
    explanation="A stricter patronage cut-off moves customers out of the high-repeat cells: where 'high' "
                "begins is a choice to state.",
)


# --- q8: which reading is the original Bain figure? ---------------------------------------------------
q8 = CategoryQuestion(
    chapter=CHAPTER, name="q8", title="The original Bain figure",
    prompt="""
        `satisfied_switchers` reports `satisfied_switch_rate` (of the satisfied customers, the share who
        switched) and `switchers_satisfied_share` (of the customers who switched, the share who had been
        satisfied). The original study is usually quoted as "of customers who defected, 65%-85% said they
        were satisfied". Which of the two figures is that? Store its name in `figure`.
    """,
    expected="switchers_satisfied_share",
    choices=["satisfied_switch_rate", "switchers_satisfied_share"],
    synonyms={"switchers_satisfied_share": ["P(satisfied | switched)", "p(satisfied|switched)"],
              "satisfied_switch_rate": ["P(switch | satisfied)", "p(switch|satisfied)"]},
    solution_code="""
        figure = "switchers_satisfied_share"   # P(satisfied | switched)
    """,
    answer_name="figure",
    hints=["Which group does the sentence start from: the satisfied customers or the defectors?",
           "'Of customers who defected, x% were satisfied': x is a share OF THE DEFECTORS."],
    explanation="P(satisfied | switched). The source's own sentence, P(switch | satisfied), is a different figure "
                "and can be much lower in the same population.",
)


# --- q9: purchase risk thirds --------------------------------------------------------------------------
def _risk_high_rate():
    from crmlearn.loyalty import purchase_risk_index, switching_by_barrier

    s = _survey().assign(purchase_risk_index=purchase_risk_index(_survey()))
    return float(switching_by_barrier(s, barrier="purchase_risk_index").loc["high", "switch_rate"])


def _sc_high_rate():
    from crmlearn.loyalty import switching_by_barrier, switching_cost_index

    s = _survey().assign(switching_cost_index=switching_cost_index(_survey()))
    return float(switching_by_barrier(s, barrier="switching_cost_index").loc["high", "switch_rate"])


def _risk_low_rate():
    from crmlearn.loyalty import purchase_risk_index, switching_by_barrier

    s = _survey().assign(purchase_risk_index=purchase_risk_index(_survey()))
    return float(switching_by_barrier(s, barrier="purchase_risk_index").loc["low", "switch_rate"])


q9 = NumberQuestion(
    chapter=CHAPTER, name="q9", title="Switching with a high purchase risk",
    prompt="""
        Compute the purchase-risk index of every respondent (`crmlearn.loyalty.purchase_risk_index`) and
        cut the SATISFIED respondents into thirds with `switching_by_barrier(...,
        barrier="purchase_risk_index")`. What share of the satisfied respondents in the HIGH purchase-risk
        third switched within 12 months? A share (0-1), 3 decimals, in `rate_high`.
    """,
    expected=_risk_high_rate,
    solution_code="""
        import crmlearn
        from crmlearn.loyalty import purchase_risk_index, switching_by_barrier

        survey = crmlearn.load_dataset("survey")
        survey["purchase_risk_index"] = purchase_risk_index(survey)
        table = switching_by_barrier(survey, barrier="purchase_risk_index")
        rate_high = table.loc["high", "switch_rate"]
    """,
    answer_name="rate_high",
    hints=["First add the index as a column named purchase_risk_index, then pass barrier='purchase_risk_index'.",
           "Read the switch_rate of the 'high' row."],
    explanation="A higher perceived risk of switching goes with less switching, but the effect is weaker than "
                "that of switching cost.",
    tol=0.0005,
)


# --- q10: which matrix cell switches most, with intention as the attitude -----------------------------
def _worst_cell():
    from crmlearn.loyalty import loyalty_matrix

    s = _survey()
    m = loyalty_matrix(s, attitude="repurchase_intent")
    return str(s.assign(cell=m["loyalty"]).groupby("cell", observed=True)["switched_within_12m"].mean().idxmax())


q10 = CategoryQuestion(
    chapter=CHAPTER, name="q10", title="The cell that switches most",
    prompt="""
        Build the loyalty matrix with repurchase intent as the attitude (`attitude="repurchase_intent"`,
        high from 4) and the orders before the survey as patronage (median cut-off). In which cell ("true",
        "latent", "spurious", "none") did the largest share of respondents switch within 12 months?
        Store it in `cell`.
    """,
    expected=_worst_cell,
    choices=["true", "latent", "spurious", "none"],
    synonyms={"true": ["true loyalty", "真忠诚"], "latent": ["latent loyalty", "潜在忠诚"],
              "spurious": ["spurious loyalty", "虚假忠诚"], "none": ["no loyalty", "不忠诚"]},
    solution_code="""
        import crmlearn
        from crmlearn.loyalty import loyalty_matrix, orders_before_survey

        survey = orders_before_survey(crmlearn.load_dataset("survey"), crmlearn.load_dataset("transactions"))
        m = loyalty_matrix(survey, attitude="repurchase_intent")
        rates = survey.assign(cell=m["loyalty"]).groupby("cell", observed=True)["switched_within_12m"].mean()
        cell = rates.idxmax()
    """,
    answer_name="cell",
    hints=["Group the respondents by their cell and take the mean of switched_within_12m.",
           "Which combination of low attitude and low repeat buying would you expect to leave most?"],
    explanation="Customers with neither the intention nor the habit leave most; true loyalty leaves least.",
)


# --- q11: tactic for a quadrant --------------------------------------------------------------------------
q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title="Loyal only for the rebate",
    prompt="""
        A distributor orders from Huaxin every month, but tells its account manager it feels no attachment
        and stays only for the year-end rebate (年终返利). In which cell of the loyalty matrix is it
        ("true", "latent", "spurious", "none")? Store it in `cell`. (Then think: what happens when a
        competitor offers a bigger rebate?)
    """,
    expected="spurious",
    choices=["true", "latent", "spurious", "none"],
    synonyms={"true": ["true loyalty", "真忠诚"], "latent": ["latent loyalty", "潜在忠诚"],
              "spurious": ["spurious loyalty", "虚假忠诚"], "none": ["no loyalty", "不忠诚"]},
    solution_code="""
        from crmlearn.loyalty import LOYALTY_TACTICS

        print(LOYALTY_TACTICS[["tactic", "quadrant", "route"]])
        cell = "spurious"   # high repeat patronage, low attitude, held by a switching barrier
    """,
    answer_name="cell",
    hints=["Place it on two axes: how often it buys, and how it feels about us.",
           "A barrier, not attachment, keeps it: which cell does crmlearn.loyalty.LOYALTY_TACTICS give year-end rebates?"],
    explanation="Spurious loyalty: the rebate is a switching cost. It ends when a competitor pays more, so turn it "
                "into attachment with personalised service while the barrier holds.",
)


# --- q12: a switch decision over three years ---------------------------------------------------------------
def _switch_12():
    import pandas as pd

    from crmlearn.loyalty import switch_decision

    df = pd.DataFrame({"annual_saving": [60_000], "switching_cost": [150_000], "risk_cost": [40_000]})
    return "yes" if bool(switch_decision(df, horizon=3)["switches"].iloc[0]) else "no"


q12 = CategoryQuestion(
    chapter=CHAPTER, name="q12", title="Switch over three years, with risk?",
    prompt="""
        Another customer would save CNY 60,000 a year with a competitor. Switching costs CNY 150,000 once,
        and the buyer puts a money value of CNY 40,000 on the purchasing risk (late supply, quality
        problems). It plans three years ahead. Does it switch? "yes" or "no" in `switch`.
    """,
    expected=_switch_12,
    choices=["yes", "no"],
    solution_code="""
        import pandas as pd
        from crmlearn.loyalty import switch_decision

        df = pd.DataFrame({"annual_saving": [60_000], "switching_cost": [150_000], "risk_cost": [40_000]})
        print(switch_decision(df, horizon=3))
        switch = "no"
    """,
    answer_name="switch",
    hints=["Saving over the horizon: three years of savings.",
           "Barrier = switching cost + the money value of the risk."],
    explanation="CNY 180,000 of savings against a CNY 190,000 barrier: the purchasing risk tips the decision.",
)


# --- targeted messages for the typical mistakes ---------------------------------------------------------
MISTAKES = {
    "q1": [([700, 300], "Those are the customers who would NOT switch; the range is 65%-85% of 2,000 switching."),
           ([1300, 1300], "Use both ends of the range: 65% for the lowest and 85% for the highest.")],
    "q2": [([45, 65], "The two numbers are swapped: give the widest gap first."),
           ([55, 55], "Pair the extremes: the widest gap uses the highest satisfaction and the lowest repurchase.")],
    "q3": [(2.25 * 1.03, "You raised the rate by 3 percent of itself; the insurer offered 3 percentage POINTS more."),
           (0.0525, "Give the rate in percent (5.25 for 5.25%), not as a fraction.")],
    "q4": [(140, "140 is the 35% who may have experience; the question asks for the novices."),
           (0.65, "0.65 is the share; multiply it by the 400 visitors.")],
    "q5": [(["intentional", "behavioural", "emotional"], "(a) and (b) look swapped: which one is something the "
            "customer did, and which one something it says it will do?"),
           (["behavioural", "emotional", "intentional"], "(b) and (c) look swapped: is a recommendation to peers a "
            "plan to buy, or a sign of how the customer feels about us?")],
    "q6": [("yes", "Compare one year of savings (CNY 80,000) with the one-off switching cost (CNY 150,000) again.")],
    "q7": [(_spurious_median, "That count uses the median cut-off of the chapter; here patronage is high from "
            f"{Q7_MIN_ORDERS} orders."),
           (lambda: _spurious_12() + 1, "Close, but recount: spurious means attitude below 4 AND at least "
            f"{Q7_MIN_ORDERS} orders.")],
    "q8": [("satisfied_switch_rate", "That is the source's own reading, P(switch | satisfied); the original starts "
            "from the customers who defected.")],
    "q9": [(_risk_low_rate, "That is the LOW purchase-risk third; the question asks for the high one."),
           (_sc_high_rate, "That is the high SWITCHING-COST third; use the purchase-risk index.")],
    "q10": [("true", "True loyalty switches least; look for the cell with the highest switch rate."),
            ("spurious", "Spurious loyalty is second; the highest rate is in the cell with neither attitude nor "
             "repeat buying.")],
    "q11": [("true", "It buys often but feels no attachment: attitude is low, so it cannot be true loyalty."),
            ("latent", "Latent loyalty is high attitude with low buying; this customer is the other way round.")],
    "q12": [("yes", "Add the risk to the barrier: CNY 150,000 + 40,000 against three years of savings.")],
}
# q6, q8 and q12 have two options only: the second typical mistake is an answer of another form
MISTAKES["q6"].append((80_000 - 150_000, "That number is the first year's saving minus the one-off cost; the "
                       "question wants the decision it implies, as a word."))
MISTAKES["q8"].append(("switchers", "A shortened name: give the full name of one of the two columns "
                       "`satisfied_switchers` reports."))
MISTAKES["q12"].append((3 * 60_000 - 150_000 - 40_000, "That number is three years of savings minus the cost and "
                        "the risk; the question wants the decision it implies, as a word."))
#: The taught options of the list questions (for the answer leak test).
CHOICES = {"q5": ["behavioural", "intentional", "emotional"]}
#: Questions that ask for a judgement (classify a case, choose an action, interpret a figure).
JUDGEMENT = {"q5", "q6", "q8", "q10", "q11", "q12"}
#: The words that identify a question's case when its answer is one of the taught options.
LEAK_CONTEXT = {"q5": ["reordered", "two peers"], "q6": ["80,000", "150,000"], "q8": ["defected", "original"],
                "q10": ["12 months", "largest share"], "q11": ["rebate", "distributor"],
                "q12": ["60,000", "40,000"]}
for _name, _mistakes in MISTAKES.items():
    teach(globals()[_name], mistakes=_mistakes, setup=SETUP, judgement=_name in JUDGEMENT,
          leak_context=LEAK_CONTEXT.get(_name, ()), choices=CHOICES.get(_name),
          starter=f"{globals()[_name].answer_name} = ex.____")

questions, progress, reset_progress = chapter_functions(CHAPTER)
