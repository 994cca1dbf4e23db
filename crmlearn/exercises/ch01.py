"""Exercises for chapter 1, CRM foundations (客户关系管理基础): ARPU, the WTO cap, revenue at risk, the lifecycle.

The four exercises of the syllabus (ARPU change, the 49% stake cap, the share that leaves with a
salesperson, the four ways to extract value), then questions on Huaxin's transactions and customers
for other managers, customers, windows and shares than the chapter shows. Every expected answer is
computed by crmlearn or from the question's own numbers.

>>> from crmlearn.exercises import ch01
>>> len(ch01.questions()) >= 10
True
"""
from __future__ import annotations

from functools import lru_cache

from ._engine import CategoryQuestion, ListQuestion, NumberQuestion, chapter_functions, teach

CHAPTER = "ch01"

#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = """
import crmlearn

tx = crmlearn.load_dataset("transactions")        # Huaxin's order lines 2023-2024
customers = crmlearn.load_dataset("customers")    # the customer master (owner, first order)
subscribers = crmlearn.load_dataset("subscribers")  # the telecom operator's lines
"""
from ._placeholder import ____  # noqa: E402,F401  (``ex.____`` in the starter cells)

_WAYS = ["classified management", "communication", "tracking", "expanded service"]
_ACTIONS = ["win back", "retain", "develop", "welcome"]
_STAGE_ACTION = {"lost": "win back", "decline": "retain", "maturity": "retain", "growth": "develop",
                 "acquisition": "welcome"}


@lru_cache(maxsize=None)
def _table(name: str):
    """A course table, loaded once per session (read only)."""
    import crmlearn

    return crmlearn.load_dataset(name)


def _arpu(s, r):
    from crmlearn.lifecycle import arpu_change

    return arpu_change(s, r)


@lru_cache(maxsize=None)
def _risk():
    from crmlearn.lifecycle import revenue_at_risk

    return revenue_at_risk(_table("transactions"), _table("customers"))


@lru_cache(maxsize=None)
def _stages(window_days: int = 365, with_customers: bool = True):
    from crmlearn.lifecycle import lifecycle_stage

    cu = _table("customers") if with_customers else None
    return lifecycle_stage(_table("transactions"), as_of="2024-12-31", window_days=window_days,
                           customers=cu)["stage"].astype(str)


def _uplift(take_up=0.15, price=25.0):
    from crmlearn.lifecycle import package_uplift

    return float(package_uplift(_table("subscribers"), price_per_service=price, take_up=take_up)["uplift"])


# --- q1: ARPU change (syllabus exercise 1) ---------------------------------------------------------
q1 = NumberQuestion(
    chapter=CHAPTER, name="q1", title="Revenue per user",
    prompt="""
        An operator's subscribers grow by 15% in a year while its revenue grows by 3%. By how much does
        revenue per user (ARPU) change? Give the change as a share (e.g. -0.05 for -5%) in `arpu`.
    """,
    expected=lambda: float(_arpu(0.15, 0.03)["arpu_growth"]),
    solution_code="""
        from crmlearn.lifecycle import arpu_change

        arpu = arpu_change(0.15, 0.03)["arpu_growth"]   # 1.03 / 1.15 - 1
    """,
    answer_name="arpu",
    hints=["ARPU = revenue / subscribers: both change by a factor.", "(1 + revenue growth) / (1 + subscriber growth) - 1."],
    explanation="1.03 / 1.15 - 1: each user brings about a tenth less revenue: volume without revenue (增量不增收).",
    tol=1e-4,
)

# --- q2: volume without revenue? -------------------------------------------------------------------
q2 = CategoryQuestion(
    chapter=CHAPTER, name="q2", title="Volume without revenue?",
    prompt="""
        Another operator's subscribers grow by 6% and its revenue by 9%. Is this "volume without revenue
        growth" (增量不增收)? Answer "yes" or "no" in `flag`.
    """,
    expected=lambda: "yes" if _arpu(0.06, 0.09)["volume_without_revenue"] else "no",
    choices=["yes", "no"],
    synonyms={"yes": ["是", "true"], "no": ["否", "false"]},
    solution_code="""
        from crmlearn.lifecycle import arpu_change

        r = arpu_change(0.06, 0.09)
        flag = "yes" if r["volume_without_revenue"] else "no"
    """,
    answer_name="flag",
    hints=["Which grows faster: users or revenue?", "ARPU falls only when subscribers grow faster than revenue."],
    explanation="Revenue grows faster than the user base, so each user brings more: healthy growth.",
)


# --- q3: the WTO cap (syllabus exercise 2) ---------------------------------------------------------
def _allowed():
    ok = [s for s in (0.55, 0.45) if s <= 0.49]
    return {(): "neither", (0.55,): "only 55%", (0.45,): "only 45%", (0.55, 0.45): "both"}[tuple(ok)]


q3 = CategoryQuestion(
    chapter=CHAPTER, name="q3", title="A joint venture under the WTO cap",
    prompt="""
        After the WTO opening, foreign operators may own up to 49% of a value-added-service venture. One
        foreign operator proposes a 55% stake, another a 45% stake. Which proposals are allowed:
        "only 55%", "only 45%", "both" or "neither"? Store the answer in `allowed`.
    """,
    expected=_allowed,
    choices=["only 55%", "only 45%", "both", "neither"],
    synonyms={"only 45%": ["45%", "45", "only 45"], "only 55%": ["55%", "55", "only 55"]},
    solution_code="""
        cap = 0.49
        allowed = "only 45%"   # 0.45 <= 0.49 < 0.55
    """,
    answer_name="allowed",
    hints=["The cap is a maximum share of ownership.", "Compare each stake with 49%."],
    explanation="Only the 45% stake is within the 49% cap; 55% would give the foreign side control.",
)

# --- q4: the share that leaves with a salesperson (syllabus exercise 3) ----------------------------
q4 = NumberQuestion(
    chapter=CHAPTER, name="q4", title="What leaves with rep R7",
    prompt="""
        Sales rep R7 alone manages customers worth CNY 3.2 million of a firm's CNY 20 million annual
        revenue. What share of revenue is at risk if R7 resigns? Give a share between 0 and 1 in `share`.
    """,
    expected=lambda: 3.2 / 20,
    solution_code="""
        share = 3.2 / 20
    """,
    answer_name="share",
    hints=["Revenue at risk / all revenue.", "Both numbers are in CNY million."],
    explanation="3.2 / 20: that share of the firm's revenue depends on one person's relationships.",
    tol=1e-6,
)

# --- q5: the four ways to extract value (syllabus exercise 4) --------------------------------------
q5 = ListQuestion(
    chapter=CHAPTER, name="q5", title="The four ways to extract value",
    prompt="""
        Match each action to one of the four ways of extracting value from customer resources:
        "classified management", "communication" (real-time communication), "tracking" (continuous
        tracking) or "expanded service". (a) calling a key customer weekly to hear its concerns,
        (b) re-ranking the key customers every quarter, (c) selling call forwarding and broadband to an
        existing phone user, (d) focusing staff on the top 20% of customers. Give the list in `ways`.
    """,
    expected=lambda: ["communication", "tracking", "expanded service", "classified management"],
    synonyms={"classified management": ["classification", "分类管理", "classified"],
              "communication": ["real-time communication", "与客户实时沟通", "实时沟通"],
              "tracking": ["continuous tracking", "持续的客户跟踪管理", "跟踪"],
              "expanded service": ["expanding customer service", "expanding service", "拓展客户服务"]},
    solution_code="""
        ways = ["communication", "tracking", "expanded service", "classified management"]
    """,
    answer_name="ways",
    hints=["Which actions change whom we treat as key, and which add to what one customer buys?",
           "Differential treatment by the 80/20 principle is one of the four."],
    explanation="Weekly calls: communication; re-ranking: tracking; added services: expanded service; "
                "top 20%: classified management.",
)


# --- q6: revenue at risk for one manager -----------------------------------------------------------
q6 = NumberQuestion(
    chapter=CHAPTER, name="q6", title="What leaves with AM23",
    prompt="""
        With `revenue_at_risk(tx, customers)`, what share of Huaxin's 2023-2024 revenue has account
        manager AM23 as its only relationship owner? Give a share between 0 and 1 in `share`.
    """,
    expected=lambda: float(_risk().loc["AM23", "share"]),
    solution_code="""
        from crmlearn.lifecycle import revenue_at_risk

        risk = revenue_at_risk(tx, customers)
        share = risk.loc["AM23", "share"]
    """,
    answer_name="share",
    hints=["The table has one row per account manager.", "Look up AM23's row, column share."],
    explanation="Every customer has one owner at Huaxin, so this share leaves if AM23 leaves and takes the relationships along.",
    tol=1e-5,
)


# --- q7: the stage of a customer, and the action -----------------------------------------------------
q7 = CategoryQuestion(
    chapter=CHAPTER, name="q7", title="The right action for C00150",
    prompt="""
        Find customer C00150's lifecycle stage at 2024-12-31 with `lifecycle_stage(tx, as_of="2024-12-31",
        customers=customers)`, then choose the action that fits it: "win back" (lost), "retain" (decline or
        maturity), "develop" (growth) or "welcome" (acquisition). Store the action in `action`.
    """,
    expected=lambda: _STAGE_ACTION[_stages()["C00150"]],
    choices=_ACTIONS,
    synonyms={"win back": ["winback", "挽回"], "retain": ["keep", "保持"], "develop": ["grow", "发展"],
              "welcome": ["onboard", "欢迎"]},
    solution_code="""
        from crmlearn.lifecycle import lifecycle_stage

        st = lifecycle_stage(tx, as_of="2024-12-31", customers=customers)
        print(st.loc["C00150"])
        action = {"lost": "win back", "decline": "retain", "maturity": "retain", "growth": "develop",
                  "acquisition": "welcome"}[st.loc["C00150", "stage"]]
    """,
    answer_name="action",
    hints=["Print the customer's row: first_purchase, revenue_last, revenue_before, stage.",
           "The customer master's first_order_date goes back before the data start."],
    explanation="C00150 first appears in the data in 2024 but has ordered since 2014: not a new customer. Its "
                "revenue rose by more than 25%, so the relationship is growing and worth developing.",
)

# --- q8: a stage count with half-year windows --------------------------------------------------------
q8 = NumberQuestion(
    chapter=CHAPTER, name="q8", title="Growing customers, half-year windows",
    prompt="""
        With half-year windows (`window_days=182`) and the customer master's first-order dates
        (`customers=customers`), how many customers are in the growth stage at 2024-12-31? Store the count
        in `n_growth`.
    """,
    expected=lambda: int((_stages(182) == "growth").sum()),
    solution_code="""
        from crmlearn.lifecycle import lifecycle_stage

        st = lifecycle_stage(tx, as_of="2024-12-31", window_days=182, customers=customers)
        n_growth = int((st["stage"] == "growth").sum())
    """,
    answer_name="n_growth",
    hints=["Pass window_days=182 and customers=customers.", "Count the rows whose stage is growth."],
    explanation="Half-year windows compare the second half of 2024 with the first: a shorter, noisier view than a year.",
)

# --- q9: which manager's book gets a second owner --------------------------------------------------
_Q9 = ["AM02", "AM15", "AM21"]

q9 = CategoryQuestion(
    chapter=CHAPTER, name="q9", title="Where a second owner helps most",
    prompt="""
        Huaxin can give a second relationship owner to the customers of only one of these account managers:
        AM02, AM15 or AM21. Using `revenue_at_risk(tx, customers)`, choose the manager whose departure would
        take the most revenue with it. Store the id in `am`.
    """,
    expected=lambda: str(_risk().loc[_Q9, "revenue"].idxmax()),
    choices=_Q9,
    solution_code="""
        from crmlearn.lifecycle import revenue_at_risk

        risk = revenue_at_risk(tx, customers)
        print(risk.loc[["AM02", "AM15", "AM21"]])
        am = risk.loc[["AM02", "AM15", "AM21"], "revenue"].idxmax()
    """,
    answer_name="am",
    hints=["Look at the three rows of the revenue_at_risk table.", "The risk is revenue, not the number of customers."],
    explanation="AM02 looks after only three customers, but they are key accounts: a short list can hold more "
                "revenue than a long one.",
)


# --- q10: package uplift (extension) ---------------------------------------------------------------
q10 = NumberQuestion(
    chapter=CHAPTER, name="q10", title="Package uplift (extension)",
    prompt="""
        Extension: if 15% of the operator's `subscribers` add one value-added service at CNY 25 a month, by
        what share does the monthly fee revenue rise (`package_uplift`)? Store the share in `uplift`.
    """,
    expected=_uplift,
    solution_code="""
        from crmlearn.lifecycle import package_uplift

        uplift = package_uplift(subscribers, price_per_service=25.0, take_up=0.15)["uplift"]
    """,
    answer_name="uplift",
    hints=["Added revenue = lines x take-up x price.", "Divide by the current monthly fee revenue."],
    explanation="Selling more to existing lines raises revenue without a single new subscriber.",
    tol=1e-6,
)


# --- targeted messages for the typical mistakes ----------------------------------------------------
MISTAKES = {
    "q1": [(0.03 - 0.15, "Growth rates do not subtract: ARPU is a ratio, so divide (1 + revenue growth) by "
            "(1 + subscriber growth) and take 1 away."),
           (lambda: -float(_arpu(0.15, 0.03)["arpu_growth"]), "Check the sign: users grew faster than revenue, so "
            "revenue per user fell."),
           (lambda: 100 * float(_arpu(0.15, 0.03)["arpu_growth"]), "Give the change as a share (e.g. -0.05), not "
            "in percent.")],
    "q2": [("yes", "Volume without revenue means users grow FASTER than revenue; compare 6% with 9% again."),
           ("maybe", "The flag is exact: compare the two growth rates and answer yes or no.")],
    "q3": [("both", "A cap is a maximum: a stake above 49% is not allowed."),
           ("only 55%", "The larger stake is above the cap; the cap limits how much a foreign operator may own.")],
    "q4": [(16, "Give a share between 0 and 1, not a percentage."),
           (3.2 / 16.8, "You divided by the revenue of the OTHER customers; divide by all revenue (CNY 20 million).")],
    "q5": [(["tracking", "communication", "expanded service", "classified management"], "(a) and (b) look "
            "swapped: which one is talking to a customer, and which one re-checks who is key?"),
           (["communication", "tracking", "classified management", "expanded service"], "(c) and (d) look "
            "swapped: which one sells more to one customer, and which one concentrates effort on the major ones?")],
    "q6": [(lambda: float(_risk().loc["AM23", "share"] * 100), "Give a share between 0 and 1, not a percentage."),
           (lambda: float(_risk().loc["AM23", "customers"]) / len(_table("customers")), "That is AM23's share of "
            "the customers; the question asks for the share of revenue."),
           (lambda: float(_risk().loc["AM23", "revenue"]), "That is the revenue in CNY; divide by all revenue "
            "for the share.")],
    "q7": [("welcome", "C00150 first appears in the data in 2024, but pass customers=customers: the customer "
            "master says it has ordered since 2014, so it is not a new customer."),
           ("retain", "Compare revenue_last with revenue_before: did its revenue fall, or stay within 25%?"),
           ("win back", "C00150 ordered in the last 12 months: it is not lost.")],
    "q8": [(lambda: int((_stages(182, False) == "growth").sum()), "Pass customers=customers: without the "
            "first-order dates, customers first seen in the second half of 2024 count as acquisition even if "
            "they ordered years ago."),
           (lambda: int((_stages(365) == "growth").sum()), "That is the count with one-year windows; the "
            "question asks for window_days=182.")],
    "q9": [("AM15", "AM15 has the most customers of the three, but compare the revenue: the risk is what the "
            "customers buy, not how many there are."),
           ("AM21", "Compare the revenue column: AM21 does not hold the most revenue of the three.")],
    "q10": [(lambda: _uplift(1.0), "Only 15% of the lines take the service up, not all of them."),
            (lambda: _uplift() * 100, "Give a share between 0 and 1, not a percentage."),
            (lambda: _uplift(0.15, 10.0), "That is the uplift at CNY 10 a month, the function's default; pass "
             "price_per_service=25.")],
}
#: The taught options of the list questions (for the answer leak test).
CHOICES = {"q5": _WAYS, "q9": _Q9}
#: Questions that ask for a judgement (classify a case, choose an action, interpret a result).
JUDGEMENT = {"q2", "q3", "q5", "q7", "q9"}
#: The words that identify a question's case when its answer is one of the taught options.
LEAK_CONTEXT = {"q2": ["6%", "9%"], "q3": ["55%"], "q5": ["call forwarding", "broadband"], "q7": ["C00150"],
                "q9": ["second relationship owner"]}
for _name, _mistakes in MISTAKES.items():
    teach(globals()[_name], mistakes=_mistakes, setup=SETUP, judgement=_name in JUDGEMENT,
          leak_context=LEAK_CONTEXT.get(_name, ()), choices=CHOICES.get(_name),
          starter=f"{globals()[_name].answer_name} = ex.____")

questions, progress, reset_progress = chapter_functions(CHAPTER)
