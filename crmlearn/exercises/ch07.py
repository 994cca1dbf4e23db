"""Exercises for chapter 7, customer satisfaction (客户满意): disconfirmation, delivered value, SERVQUAL, IPA, Kano, NPS.

The five exercises of the syllabus (delivered value, two verdicts, the restaurant bill, a Likert
summary, the feedback mechanism), then questions on Huaxin's survey and contact log for other
groups, weights and cut-offs than the chapter shows. Every expected answer is computed by crmlearn.

>>> from crmlearn.exercises import ch07
>>> len(ch07.questions()) >= 10
True
"""
from __future__ import annotations

from functools import lru_cache

from ._engine import CategoryQuestion, ListQuestion, NumberQuestion, chapter_functions, teach

CHAPTER = "ch07"


#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = """
import crmlearn

survey = crmlearn.load_dataset("survey")        # Huaxin's satisfaction survey
customers = crmlearn.load_dataset("customers")  # the customer master
contacts = crmlearn.load_dataset("contacts")    # the contact log
"""
from ._placeholder import ____  # noqa: E402,F401  (``ex.____`` in the starter cells)

#: SERVQUAL dimension weights of q6 (points out of 100).
Q6_WEIGHTS = {"tangibles": 10, "reliability": 30, "responsiveness": 25, "assurance": 15, "empathy": 20}
#: The ten overall scores of the syllabus exercise 4.
LIKERT = [5, 4, 4, 3, 5, 2, 4, 5, 3, 4]


@lru_cache(maxsize=None)
def _table(name: str):
    """A course table, loaded once per session (read only)."""
    import crmlearn

    return crmlearn.load_dataset(name)


@lru_cache(maxsize=None)
def _key_account_ids():
    c = _table("customers")
    return frozenset(c.loc[c["is_key_account"].astype(bool), "customer_id"])


def _key_accounts():
    s = _table("survey")
    return s[s["customer_id"].isin(_key_account_ids())]


# --- q1: delivered value (syllabus exercise 1) -----------------------------------------------------
def _dv():
    import pandas as pd

    from crmlearn.satisfaction import delivered_value

    offer = pd.DataFrame({"total_value": [1000], "total_cost": [700]})
    return float(delivered_value(offer, value="total_value", cost="total_cost")["delivered_value"].iloc[0])


q1 = NumberQuestion(
    chapter=CHAPTER, name="q1", title="Customer delivered value",
    prompt="""
        An offer gives a customer a total customer value of CNY 1,000 and costs it a total customer
        cost of CNY 700 (money, time, energy and psychic cost together). What is the customer
        delivered value (客户让渡价值), in CNY? Store it in `dv`.
    """,
    expected=_dv,
    solution_code="""
        import pandas as pd
        from crmlearn.satisfaction import delivered_value

        offer = pd.DataFrame({"total_value": [1000], "total_cost": [700]})
        dv = delivered_value(offer, value="total_value", cost="total_cost")["delivered_value"].iloc[0]
    """,
    answer_name="dv",
    hints=["Delivered value is a difference, not a sum or a ratio.", "Total value minus total cost."],
    explanation="CNY 1,000 - CNY 700 = CNY 300: what the customer gets beyond what it gives up.",
    wrong=[1700, 1000 / 700, -300],
)


# --- q2: two verdicts (syllabus exercise 2) --------------------------------------------------------
def _two_verdicts():
    import pandas as pd

    from crmlearn.satisfaction import disconfirmation

    df = pd.DataFrame({"exp_item": [3.8, 4.0], "per_item": [4.2, 3.5]})
    v = disconfirmation(df, expected=["exp_item"], perceived=["per_item"], tolerance=0)["verdict"].astype(str)
    return ["satisfied" if x == "delighted" else x for x in v]


q2 = ListQuestion(
    chapter=CHAPTER, name="q2", title="Satisfied or dissatisfied?",
    prompt="""
        A customer rates expectation 3.8 and perception 4.2 on one item, and expectation 4.0 and
        perception 3.5 on another. Comparing strictly (no tolerance band), is the customer
        "satisfied" or "dissatisfied" on each item? Give a list of two labels, first item first,
        in `verdicts`.
    """,
    expected=_two_verdicts,
    synonyms={"satisfied": ["满意", "delighted", "very satisfied"], "dissatisfied": ["不满意", "unsatisfied"]},
    solution_code="""
        import pandas as pd
        from crmlearn.satisfaction import disconfirmation

        df = pd.DataFrame({"exp_item": [3.8, 4.0], "per_item": [4.2, 3.5]})
        print(disconfirmation(df, expected=["exp_item"], perceived=["per_item"], tolerance=0))
        verdicts = ["satisfied", "dissatisfied"]   # gaps +0.4 and -0.5
    """,
    answer_name="verdicts",
    hints=["Compute the gap perception - expectation for each item.",
           "A positive gap means the perception beat the expectation."],
    explanation="Gaps +0.4 (satisfied: perception above expectation) and -0.5 (dissatisfied).",
    wrong=[["dissatisfied", "satisfied"], ["satisfied", "satisfied"]],
)


# --- q3: the restaurant bill (syllabus exercise 3) -------------------------------------------------
def _restaurant_extra():
    from crmlearn.satisfaction import restaurant_story

    return float(-restaurant_story(bills=(300, 1500), discounts=(0.2, 0.0))["surprise"].iloc[1])


q3 = NumberQuestion(
    chapter=CHAPTER, name="q3", title="The restaurant's second bill",
    prompt="""
        The first restaurant bill is CNY 300 before the 20% anniversary discount (8折). The customer
        now expects the same discount; the next group bill of CNY 1,500 is charged in full. How many
        CNY more does he pay than he expected? Store it in `extra`.
    """,
    expected=_restaurant_extra,
    solution_code="""
        from crmlearn.satisfaction import restaurant_story

        story = restaurant_story(bills=(300, 1500), discounts=(0.2, 0.0))
        print(story)
        extra = -story["surprise"].iloc[1]
    """,
    answer_name="extra",
    hints=["He expects to pay 80% of CNY 1,500.", "Extra = what he pays - what he expected to pay."],
    explanation="He expected CNY 1,200 and pays CNY 1,500: CNY 300 more. (On the first visit he paid CNY 240 "
                "and saved CNY 60.) The one-off discount moved his expectation.",
    wrong=[60, 1200, 1500],
)


# --- q4: Likert summary (syllabus exercise 4) ------------------------------------------------------
def _top2():
    import numpy as np

    return float((np.array(LIKERT) >= 4).mean())


q4 = ListQuestion(
    chapter=CHAPTER, name="q4", title="Mean and top-2-box share",
    prompt=f"""
        Ten customers give these overall scores on a 5-point Likert scale: {LIKERT}. Summarise them
        the two usual ways: the mean score, and the share answering in the top two boxes (4 or 5, a
        share between 0 and 1). Give the list `[mean, top2]` in `likert_summary`.
    """,
    expected=lambda: [float(sum(LIKERT)) / len(LIKERT), _top2()],
    solution_code=f"""
        import numpy as np

        scores = np.array({LIKERT})
        likert_summary = [scores.mean(), (scores >= 4).mean()]
    """,
    answer_name="likert_summary",
    hints=["The mean is the sum of the scores divided by 10.",
           "For the top-2-box share, count the answers that are 4 or 5 and divide by 10."],
    explanation="The mean hides the spread; the top-2-box share says how many are clearly satisfied.",
    tol=1e-9,
    wrong=[[3.9, 0.3]],
)


# --- q5: the feedback mechanism (syllabus exercise 5) ----------------------------------------------
_PARTS = ["channel", "collection", "analysis", "handling"]

q5 = ListQuestion(
    chapter=CHAPTER, name="q5", title="Parts of the feedback mechanism",
    prompt="""
        The customer feedback mechanism (客户反馈机制) has four parts: "channel" (set up feedback
        channels), "collection" (collect feedback regularly), "analysis" (analyse it to spot problem
        trends) and "handling" (a defined handling process). Classify, in this order: (a) adding an
        online complaint form, (b) a monthly survey, (c) a dashboard of complaint topics, (d) a rule
        that every complaint gets an answer within 48 hours. Store the list in `parts`.
    """,
    expected=lambda: list(_PARTS),
    synonyms={"channel": ["channels", "渠道", "feedback channel"], "collection": ["collect", "收集"],
              "analysis": ["analyse", "analyze", "分析"], "handling": ["handle", "handling process", "处理"]},
    solution_code="""
        parts = ["channel", "collection", "analysis", "handling"]
    """,
    answer_name="parts",
    hints=["A form is a way for the customer to reach us; a survey is how we ask regularly.",
           "A dashboard looks for trends; a response-time rule is part of a process."],
    explanation="Channel, collection, analysis, handling: the four parts in the order the sources list them.",
    wrong=[["collection", "channel", "analysis", "handling"], ["channel", "collection", "handling", "analysis"]],
)


# --- q6: a weighted SERVQUAL gap --------------------------------------------------------------------
def _weighted_gap():
    from crmlearn.satisfaction import servqual

    return float(servqual(_table("survey"), weights=Q6_WEIGHTS)["gap"].iloc[-1])


def _equal_gap():
    from crmlearn.satisfaction import servqual

    return float(servqual(_table("survey"))["gap"].iloc[-1])


q6 = NumberQuestion(
    chapter=CHAPTER, name="q6", title="Weighted SERVQUAL gap",
    prompt=f"""
        Huaxin's customers split 100 importance points over the SERVQUAL dimensions like this:
        {Q6_WEIGHTS}. With `crmlearn.satisfaction.servqual` on the survey and these weights, what is
        the weighted overall gap (perception - expectation)? 2 decimals are enough; store it in `overall_gap`.
    """,
    expected=_weighted_gap,
    solution_code=f"""
        import crmlearn
        from crmlearn.satisfaction import servqual

        survey = crmlearn.load_dataset("survey")
        table = servqual(survey, weights={Q6_WEIGHTS})
        overall_gap = table.loc[table["level"] == "overall", "gap"].iloc[0]
    """,
    answer_name="overall_gap",
    hints=["servqual(survey, weights=...) takes the points as a dict; they are normalised for you.",
           "The overall row is the last row of the table (level == 'overall')."],
    explanation="Reliability and responsiveness weigh most; responsiveness has a large shortfall, so the "
                "weighted gap is more negative than the unweighted one.",
    tol=0.005,
    wrong=[_equal_gap, lambda: -_weighted_gap()],
)


# --- q7: IPA with another crosshair ----------------------------------------------------------------
#: The fixed crosshair of q7, (importance, performance): the scale midpoints 3 (of 1-5) and 4 (of 1-7).
Q7_CROSSHAIR = (3, 4)


def _ipa_mid():
    from crmlearn.satisfaction import ipa

    return str(ipa(_table("survey"), crosshair=Q7_CROSSHAIR).loc["response_speed", "quadrant"])


_QUADRANTS = ["concentrate here", "keep up the good work", "low priority", "possible overkill"]

q7 = CategoryQuestion(
    chapter=CHAPTER, name="q7", title="IPA with a fixed crosshair",
    prompt="""
        Run the importance-performance analysis on the survey with the crosshair fixed at the scale
        midpoints, importance 3 and performance 4 (`ipa(survey, crosshair=(3, 4))`), instead of the means.
        In which quadrant is `response_speed` now? Answer one of "concentrate here", "keep up the good
        work", "low priority", "possible overkill", in `quadrant`.
    """,
    expected=_ipa_mid,
    choices=_QUADRANTS,
    synonyms={"concentrate here": ["重点改进区", "concentrate"], "keep up the good work": ["继续保持区", "keep up"],
              "low priority": ["低优先区"], "possible overkill": ["过度投入区", "overkill"]},
    solution_code="""
        import crmlearn
        from crmlearn.satisfaction import ipa

        grid = ipa(crmlearn.load_dataset("survey"), crosshair=(3, 4))
        print(grid)
        quadrant = str(grid.loc["response_speed", "quadrant"])
    """,
    answer_name="quadrant",
    hints=["Only the crosshair moves: compare response_speed's mean importance and performance with 3 and 4.",
           "On a 1-7 scale, is a mean performance near 5 above or below 4?"],
    explanation="Against the scale midpoints every important item looks fine; against the other items' means "
                "response speed is a weakness. The crosshair decides what 'low' means: say which one you used.",
    wrong=["concentrate here", "low priority"],
)


# --- q8: Kano for a group --------------------------------------------------------------------------
def _kano_wom_worst():
    from crmlearn.satisfaction import kano

    s = _table("survey")
    return str(kano(s[s["expectation_source"] == "word_of_mouth"])["worse"].idxmin())


q8 = CategoryQuestion(
    chapter=CHAPTER, name="q8", title="The feature never to miss",
    prompt="""
        Take only the respondents whose expectations come from word of mouth
        (`expectation_source == "word_of_mouth"`) and run `crmlearn.satisfaction.kano`. Which feature's
        absence would dissatisfy them most (the most negative Worse coefficient)? Give the feature name
        (e.g. "gift_packaging") in `feature`.
    """,
    expected=_kano_wom_worst,
    choices=["quality_certificate", "fast_delivery", "online_tracking", "dedicated_manager", "gift_packaging"],
    solution_code="""
        import crmlearn
        from crmlearn.satisfaction import kano

        survey = crmlearn.load_dataset("survey")
        k = kano(survey[survey["expectation_source"] == "word_of_mouth"])
        print(k[["category", "better", "worse"]])
        feature = k["worse"].idxmin()
    """,
    answer_name="feature",
    hints=["Worse runs from 0 to -1: the closer to -1, the more its absence hurts.",
           "Must-be and one-dimensional answers both push Worse down."],
    explanation="A must-be or one-dimensional feature: its absence dissatisfies, so it must always be there.",
    wrong=["dedicated_manager", "gift_packaging"],
)


# --- q9: NPS of key accounts -----------------------------------------------------------------------
def _nps_ka():
    from crmlearn.satisfaction import nps

    return float(nps(_key_accounts()["likelihood_to_recommend"])["nps"])


q9 = NumberQuestion(
    chapter=CHAPTER, name="q9", title="NPS of the key accounts",
    prompt="""
        What is the Net Promoter Score of the key accounts only (respondents whose customer has
        `is_key_account` True in `customers`)? Give it on the -100..100 scale in `nps_ka`
        (1 decimal is enough).
    """,
    expected=_nps_ka,
    solution_code="""
        import crmlearn
        from crmlearn.satisfaction import nps

        survey = crmlearn.load_dataset("survey")
        customers = crmlearn.load_dataset("customers")
        ka = set(customers.loc[customers["is_key_account"], "customer_id"])
        nps_ka = nps(survey[survey["customer_id"].isin(ka)]["likelihood_to_recommend"])["nps"]
    """,
    answer_name="nps_ka",
    hints=["Select the survey rows whose customer_id is a key account, then call nps on their 0-10 answers.",
           "NPS = % promoters (9-10) - % detractors (0-6)."],
    explanation="With only a few dozen key accounts the interval is wide: compare the ci_low and ci_high.",
    tol=0.05,
    wrong=[lambda: __import__("crmlearn.satisfaction", fromlist=["nps"]).nps(_table("survey"))["nps"],
           lambda: _nps_ka() / 100],
)


# --- q10: alpha of the expectation items -----------------------------------------------------------
def _alpha_exp():
    from crmlearn.satisfaction import SURVEY_ITEMS, cronbach_alpha

    return float(cronbach_alpha(_table("survey")[[f"exp_{it}" for it in SURVEY_ITEMS]])["alpha"])


q10 = NumberQuestion(
    chapter=CHAPTER, name="q10", title="Cronbach's alpha of the expectations",
    prompt="""
        Do the ten EXPECTATION items (`exp_<item>`) of the survey form a reliable scale? Compute
        Cronbach's alpha (raw) with `crmlearn.satisfaction.cronbach_alpha`, 3 decimals, in `alpha_exp`.
    """,
    expected=_alpha_exp,
    solution_code="""
        import crmlearn
        from crmlearn.satisfaction import SURVEY_ITEMS, cronbach_alpha

        survey = crmlearn.load_dataset("survey")
        alpha_exp = cronbach_alpha(survey[[f"exp_{it}" for it in SURVEY_ITEMS]])["alpha"]
    """,
    answer_name="alpha_exp",
    hints=["Pass a table with just the ten exp_ columns.", "Take the 'alpha' entry of the result."],
    explanation="The expectations share a respondent-level shift, so they hang together as a scale.",
    tol=0.0005,
    wrong=[lambda: float(__import__("crmlearn.satisfaction", fromlist=["cronbach_alpha"]).cronbach_alpha(
        _table("survey")[[f"per_{it}" for it in __import__("crmlearn.satisfaction", fromlist=["x"]).SURVEY_ITEMS]])["alpha"]),
           0.7],
)


# --- q11: the complaint trend ----------------------------------------------------------------------
def _worst_month():
    from crmlearn.satisfaction import complaint_trend

    m = complaint_trend(_table("contacts"), freq="MS")
    m = m[m.index.year == 2024]
    return m["first_time_rate"].idxmin().strftime("%Y-%m")


def _most_complaints_month():
    from crmlearn.satisfaction import complaint_trend

    m = complaint_trend(_table("contacts"), freq="MS")
    m = m[m.index.year == 2024]
    return m["complaints"].idxmax().strftime("%Y-%m")


q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title="The weakest month of 2024",
    prompt="""
        Count the complaints per calendar month with `complaint_trend(contacts, freq="MS")`. In which
        month of 2024 was the share of complaints solved at the first contact lowest? Answer as
        "YYYY-MM" in `month`.
    """,
    expected=_worst_month,
    solution_code="""
        import crmlearn
        from crmlearn.satisfaction import complaint_trend

        monthly = complaint_trend(crmlearn.load_dataset("contacts"), freq="MS")
        y2024 = monthly[monthly.index.year == 2024]
        month = y2024["first_time_rate"].idxmin().strftime("%Y-%m")
    """,
    answer_name="month",
    hints=["Keep the rows of 2024 and look at first_time_rate, not at the complaint count.",
           "idxmin() gives the month; .strftime('%Y-%m') formats it."],
    explanation="A month to look into: which channels and topics were behind the complaints not solved at once?",
    wrong=[_most_complaints_month, "2023-02"],
)


# --- q12: needs of club members --------------------------------------------------------------------
def _club_need():
    from crmlearn.satisfaction import psychological_needs

    club = _table("customers").set_index("customer_id")["club_member"]
    s = _table("survey")
    t = psychological_needs(s.assign(club=s["customer_id"].map(club).astype(bool)), by="club")
    w = t.pivot(index="need", columns="club", values="mean")
    return str((w[True] - w[False]).idxmax())


q12 = CategoryQuestion(
    chapter=CHAPTER, name="q12", title="The need that sets club members apart",
    prompt="""
        Compare customer-club members (`club_member` in `customers`) with the other respondents using
        `crmlearn.satisfaction.psychological_needs(..., by=...)`. For which need is the mean rating of the
        members furthest ABOVE that of the others: "emotional", "security" or "respect"? Store it in `need`.
    """,
    expected=_club_need,
    choices=["emotional", "security", "respect"],
    synonyms={"emotional": ["情感需求", "emotional need", "emotional_need"],
              "security": ["安全需求", "security need", "security_need"],
              "respect": ["尊重需求", "respect need", "respect_need"]},
    solution_code="""
        import crmlearn
        from crmlearn.satisfaction import psychological_needs

        survey = crmlearn.load_dataset("survey")
        club = crmlearn.load_dataset("customers").set_index("customer_id")["club_member"]
        t = psychological_needs(survey.assign(club=survey["customer_id"].map(club)), by="club")
        wide = t.pivot(index="need", columns="club", values="mean")
        need = (wide[True] - wide[False]).idxmax()
    """,
    answer_name="need",
    hints=["Put the group means side by side (pivot) and subtract.",
           "The need that matters most overall is not necessarily the one with the largest difference."],
    explanation="A club is a community: its members care more about the relationship itself.",
    wrong=["security", "respect"],
)


# --- q13: raising expectations ----------------------------------------------------------------------
q13 = CategoryQuestion(
    chapter=CHAPTER, name="q13", title="How a challenger raises the bar",
    prompt="""
        A challenger wants a customer to become dissatisfied with its current supplier. It offers the
        customer's buyer a personalised stock-replenishment service that the incumbent cannot copy
        quickly. Which of the three methods of raising expectations is this: "better service",
        "better products" or "personal needs"? Store it in `method`.
    """,
    expected="better service",
    choices=["better service", "better products", "personal needs"],
    synonyms={"better service": ["service", "personalised value-add", "个性化增值", "更好的服务"],
              "better products": ["products", "solutions", "more competitive products"],
              "personal needs": ["personal need", "个人需求"]},
    solution_code="""
        method = "better service"   # personalised value-add: the hardest service to copy
    """,
    answer_name="method",
    hints=["Is the offer a new product, or a way of serving the customer?",
           "The source calls personalised value-add the best entry point of one of the three methods."],
    explanation="Better service through personalised value-add (个性化增值): hard to copy, unlike price or delivery speed.",
    wrong=["better products", "personal needs"],
)


# --- targeted messages for the typical mistakes ----------------------------------------------------
MISTAKES = {
    "q1": [(1700, "You added value and cost; delivered value is what is left after the cost is taken away."),
           (1000 / 700, "That is the value ratio (value / cost), not the delivered value, which is a difference in CNY."),
           (-300, "The sign is reversed: subtract the cost from the value, not the value from the cost.")],
    "q2": [(["dissatisfied", "satisfied"], "You read the gaps the wrong way round: perception ABOVE expectation "
            "means satisfied."),
           (["satisfied", "satisfied"], "Look at the second item again: its perception is below its expectation.")],
    "q3": [(60, "CNY 60 is what he saved on the FIRST visit; the question is about the second bill."),
           (1200, "CNY 1,200 is what he expected to pay; give the difference between what he pays and that."),
           (1500, "CNY 1,500 is the whole bill; the question asks how much MORE than expected he pays.")],
    "q4": [(lambda: [_top2(), sum(LIKERT) / len(LIKERT)], "The two numbers are swapped: the mean comes first, "
            "then the top-2-box share."),
           (lambda: [sum(LIKERT) / len(LIKERT), 1 - _top2()], "Your second number is the share of answers BELOW 4; "
            "top-2-box counts the 4s and 5s."),
           (lambda: [sum(LIKERT) / len(LIKERT), sum(x >= 4 for x in LIKERT)], "Your second number is a count of "
            "answers; give it as a share between 0 and 1.")],
    "q5": [(["collection", "channel", "analysis", "handling"], "(a) and (b) look swapped: which one opens a way "
            "for customers to speak, and which one gathers their views on a schedule?"),
           (["channel", "collection", "handling", "analysis"], "(c) and (d) look swapped: which one looks for "
            "trends, and which one says what happens to each complaint?")],
    "q6": [(_equal_gap, "That is the unweighted overall gap; pass the importance points as weights=..."),
           (lambda: -_weighted_gap(), "The sign is reversed: the gap is perception minus expectation.")],
    "q7": [("concentrate here", "That is the quadrant with the crosshair at the means (the chapter's chart); "
            "here the crosshair is at importance 3, performance 4."),
           ("low priority", "Check importance: response speed's mean importance is well above 3.")],
    "q8": [("dedicated_manager", "That is the attractive feature: large Better, small Worse. The question asks "
            "about the most negative Worse."),
           ("gift_packaging", "Gift packaging is indifferent: its Worse is close to 0. Look for the most negative one.")],
    "q9": [(lambda: __import__("crmlearn.satisfaction", fromlist=["nps"]).nps(_table("survey"))["nps"],
            "That is the NPS of all 800 respondents; keep only the key accounts."),
           (lambda: _nps_ka() / 100, "Give the NPS on the -100..100 scale, not as a fraction.")],
    "q10": [(lambda: float(__import__("crmlearn.satisfaction", fromlist=["cronbach_alpha"]).cronbach_alpha(
                _table("survey")[[f"per_{it}" for it in __import__("crmlearn.satisfaction",
                                                                   fromlist=["x"]).SURVEY_ITEMS]])["alpha"]),
             "That is alpha of the PERCEPTION items; the question asks about the expectation items (exp_)."),
            (0.7, "0.7 is the usual floor for an acceptable alpha, not the alpha of these items.")],
    "q11": [(_most_complaints_month, "That is the month with the MOST complaints; the question asks for the "
             "lowest first-contact resolution rate."),
            ("2023-02", "That month is in 2023; keep only the months of 2024.")],
    "q12": [("security", "Security matters most to everyone; the question asks where club members differ most "
             "from the others."),
            ("respect", "Compare the differences of the means again: respect barely differs between the groups.")],
    "q13": [("better products", "The offer is not a new product or solution; it is a way of serving the customer."),
            ("personal needs", "It serves the firm's purchasing, not the buyer's personal needs.")],
}
#: The taught options of the list questions (for the answer leak test).
CHOICES = {"q2": ["satisfied", "dissatisfied"], "q5": _PARTS}
#: Questions that ask for a judgement (classify a case, choose an action, interpret a chart).
JUDGEMENT = {"q2", "q5", "q7", "q8", "q11", "q12", "q13"}
#: The words that identify a question's case when its answer is one of the taught options.
LEAK_CONTEXT = {"q2": ["3.8", "4.2"], "q5": ["complaint form", "48 hours"], "q7": ["response_speed", "crosshair"], "q8": ["word_of_mouth", "Worse"],
                "q12": ["club_member", "psychological_needs"], "q13": ["replenishment"]}
for _name, _mistakes in MISTAKES.items():
    teach(globals()[_name], mistakes=_mistakes, setup=SETUP, judgement=_name in JUDGEMENT,
          leak_context=LEAK_CONTEXT.get(_name, ()), choices=CHOICES.get(_name),
          starter=f"{globals()[_name].answer_name} = ex.____")

questions, progress, reset_progress = chapter_functions(CHAPTER)
