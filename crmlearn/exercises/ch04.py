"""Exercises for chapter 4, customer grading (客户分级): 80/20, A/B/C, tiers, pyramid, RFM, airline cabins.

Questions on Huaxin Office Supplies' customers (the 80/20 check, the Gini coefficient, A/B/C
classes, the platinum / gold / iron / lead tiers, the customer pyramid, RFM codes) and on the
textbook's airline cabin case. Every expected answer is computed by crmlearn from the course data.

>>> from crmlearn.exercises import ch04
>>> [q.name for q in ch04.questions()][:4]
['q1', 'q2', 'q3', 'q4']
"""
from __future__ import annotations

from functools import lru_cache

from ._engine import (
    Case,
    CategoryQuestion,
    FunctionQuestion,
    ListQuestion,
    NumberQuestion,
    TableQuestion,
    chapter_functions,
)

CHAPTER = "ch04"

#: The customer whose tier q4 asks for, and the one whose RFM code q5 asks for.
TIER_CUSTOMER = "C00007"
RFM_CUSTOMER = "C00022"
#: The economy fare of q8 (CNY) and the first-class passengers of q9.
ECONOMY_FARE = 1350
FIRST_CLASS_PASSENGERS = 30


@lru_cache(maxsize=None)
def _table(name: str):
    """A course table, loaded once per session (read only: never modify the result)."""
    import crmlearn

    return crmlearn.load_dataset(name)


@lru_cache(maxsize=None)
def _summary():
    """One row per customer: recency, frequency, monetary value, margin (read only)."""
    from crmlearn.customers import summarize_customers

    return summarize_customers(_table("transactions"), customers=_table("customers"))


@lru_cache(maxsize=None)
def _tiers():
    from crmlearn.grading import tier_classify

    graded = _summary().join(_table("customers").set_index("customer_id"))
    return tier_classify(graded, cost_periods=2)


@lru_cache(maxsize=None)
def _rfm():
    from crmlearn.grading import rfm_scores

    return rfm_scores(_summary())


@lru_cache(maxsize=None)
def _vip_pyramid():
    from crmlearn.grading import customer_pyramid, pyramid_summary

    return pyramid_summary(customer_pyramid(_summary(), levels="vip"))


def _fare(economy_fare, cabin: str) -> float:
    """The fare of ``cabin`` by crmlearn (multipliers from the cabin_fares table)."""
    from crmlearn.grading import cabin_fares

    return float(cabin_fares(economy_fare)[cabin])


# --- q1: the 80/20 check --------------------------------------------------------------------------
def _top20_share():
    from crmlearn.grading import top_share

    return top_share(_summary(), value="monetary", top=0.2)


q1 = NumberQuestion(
    chapter=CHAPTER, name="q1", title="Share of the top 20%",
    prompt="""
        Does the 80/20 rule hold at Huaxin? Summarise the `transactions` per customer with
        `crmlearn.customers.summarize_customers` and find the share of total net revenue
        (`monetary`) that the top 20% of customers bring. Give a share between 0 and 1
        (3 decimals are enough) and store it in `top20_share`.
    """,
    expected=_top20_share,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import top_share

        tx = crmlearn.load_dataset("transactions")
        summary = summarize_customers(tx)
        top20_share = top_share(summary, value="monetary", top=0.2)
    """,
    answer_name="top20_share",
    hints=[
        "First get one row per customer: summary = summarize_customers(tx). Its `monetary` column is "
        "the net revenue of each customer.",
        "crmlearn.grading.top_share(summary, value=\"monetary\", top=0.2) ranks the customers and adds "
        "up the top 20%. By hand: sort monetary descending, sum the first ceil(0.2 * n), divide by the total.",
    ],
    explanation="The top 20% bring close to 80% of net revenue: Huaxin's customer base follows the "
                "80/20 rule almost exactly.",
    tol=0.0005,
    wrong=[lambda: 100 * _top20_share(),
           lambda: __import__("crmlearn.grading", fromlist=["top_share"]).top_share(
               _summary(), value="frequency", top=0.2)],
)

# --- q2: how many A customers ---------------------------------------------------------------------
def _n_class_a():
    from crmlearn.grading import abc_classify

    return int((abc_classify(_summary(), value="monetary")["abc_class"] == "A").sum())


def _n_class_b():
    from crmlearn.grading import abc_classify

    return int((abc_classify(_summary(), value="monetary")["abc_class"] == "B").sum())


q2 = NumberQuestion(
    chapter=CHAPTER, name="q2", title="Number of A customers",
    prompt="""
        Classify the customers A/B/C by net revenue with `crmlearn.grading.abc_classify` and its
        default cut-offs (A up to 80% of cumulative revenue, B up to 95%, C the rest). How many
        customers are in class A? Store the number in `n_a`.
    """,
    expected=_n_class_a,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import abc_classify

        summary = summarize_customers(crmlearn.load_dataset("transactions"))
        abc = abc_classify(summary, value="monetary", cutoffs=(0.8, 0.95))
        n_a = int((abc["abc_class"] == "A").sum())
    """,
    answer_name="n_a",
    hints=[
        "abc_classify(summary) adds a column `abc_class` with the labels A, B and C.",
        "Count the A labels: (abc[\"abc_class\"] == \"A\").sum(), or abc[\"abc_class\"].value_counts().",
    ],
    explanation="Class A is the small group of customers (about a fifth here) that makes up 80% of "
                "revenue; the customer that crosses the 80% line still counts as A.",
    tol=0, rtol=0,
    wrong=[lambda: round(0.2 * len(_summary())), _n_class_b],
)

# --- q3: the Gini coefficient ---------------------------------------------------------------------
def _gini():
    from crmlearn.grading import gini

    return gini(_summary(), value="monetary")


q3 = NumberQuestion(
    chapter=CHAPTER, name="q3", title="Gini coefficient of revenue",
    prompt="""
        How concentrated is Huaxin's net revenue across customers? Compute the Gini coefficient of
        `monetary` over all customers (`crmlearn.grading.gini`). Give it to 3 decimals in `gini_revenue`.
    """,
    expected=_gini,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import gini

        summary = summarize_customers(crmlearn.load_dataset("transactions"))
        gini_revenue = gini(summary, value="monetary")
    """,
    answer_name="gini_revenue",
    hints=[
        "The Gini coefficient is 0 when every customer buys the same and close to 1 when one customer "
        "buys everything.",
        "gini(summary, value=\"monetary\"); by hand, with values sorted ascending x1..xn: "
        "G = 2 * sum(i * xi) / (n * sum(x)) - (n + 1) / n.",
    ],
    explanation="A Gini around three quarters means revenue is very unequally spread: the Lorenz "
                "curve sags far below the diagonal of equality.",
    tol=0.0005,
    wrong=[lambda: 100 * _gini(), _top20_share],
)

# --- q4: the tier of one customer -----------------------------------------------------------------
TIER_CHOICES = ["platinum", "gold", "iron", "lead"]


def _tier_of_customer():
    return str(_tiers().loc[TIER_CUSTOMER, "tier"])


q4 = CategoryQuestion(
    chapter=CHAPTER, name="q4", title=f"Tier of customer {TIER_CUSTOMER}",
    prompt=f"""
        Join the customer summary with the customer master
        (`summary.join(customers.set_index("customer_id"))`) and sort the customers into the
        platinum / gold / iron / lead tiers with `crmlearn.grading.tier_classify(graded, cost_periods=2)`
        (the margin covers two years, the cost to serve is per year). Which tier is customer
        {TIER_CUSTOMER} in? Store the label in `tier`.
    """,
    expected=_tier_of_customer,
    choices=TIER_CHOICES,
    solution_code=f"""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import tier_classify

        customers = crmlearn.load_dataset("customers")
        summary = summarize_customers(crmlearn.load_dataset("transactions"), customers=customers)
        graded = summary.join(customers.set_index("customer_id"))
        tiers = tier_classify(graded, cost_periods=2)
        tier = tiers.loc["{TIER_CUSTOMER}", "tier"]
    """,
    answer_name="tier",
    hints=[
        f"tier_classify adds the columns `net_profit` and `tier`; read the row of {TIER_CUSTOMER} with "
        f"tiers.loc[\"{TIER_CUSTOMER}\", ...].",
        f"Look at {TIER_CUSTOMER}'s net profit, price_sensitivity and n_suppliers: a top-20% customer is "
        "platinum only if it is not price sensitive (<= 0.4) and uses at most two suppliers.",
    ],
    explanation="A very profitable customer is not automatically platinum: a price-sensitive buyer who "
                "spreads its business over several suppliers is gold in the tier model.",
    wrong=["platinum", "iron"],
)

# --- q5: an RFM code ------------------------------------------------------------------------------
def _rfm_code():
    return str(_rfm().loc[RFM_CUSTOMER, "rfm_code"])


def _rfm_code_recency_reversed():
    r = _rfm().loc[RFM_CUSTOMER]
    return f"{6 - int(r['R'])}{int(r['F'])}{int(r['M'])}"


q5 = CategoryQuestion(
    chapter=CHAPTER, name="q5", title=f"RFM code of {RFM_CUSTOMER}",
    prompt=f"""
        Score every customer 1-5 on recency, frequency and monetary value with
        `crmlearn.grading.rfm_scores(summary)` (5 = best: most recent, most frequent, biggest
        spender). What is the RFM code of customer {RFM_CUSTOMER} (three digits R, F, M, e.g. "543")?
        Store it in `rfm_code`.
    """,
    expected=_rfm_code,
    solution_code=f"""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import rfm_scores

        summary = summarize_customers(crmlearn.load_dataset("transactions"))
        rfm = rfm_scores(summary)
        rfm_code = rfm.loc["{RFM_CUSTOMER}", "rfm_code"]
    """,
    answer_name="rfm_code",
    hints=[
        "rfm_scores(summary) adds the columns R, F, M and rfm_code.",
        "Recency is scored the other way round from the others: FEW days since the last purchase "
        f"give a HIGH R. Read rfm.loc[\"{RFM_CUSTOMER}\", \"rfm_code\"].",
    ],
    explanation="A code with a low R but high F and M is an 'important retention' customer "
                "(重要保持客户): valuable, but it has stopped buying recently and needs a call.",
    wrong=[_rfm_code_recency_reversed, lambda: _rfm_code()[::-1]],
)

# --- q6: which pyramid level holds most revenue ---------------------------------------------------
def _richest_level():
    return str(_vip_pyramid()["value_share"].idxmax())


q6 = CategoryQuestion(
    chapter=CHAPTER, name="q6", title="Pyramid level with most revenue",
    prompt="""
        Build the VIP customer pyramid of net revenue: `crmlearn.grading.customer_pyramid(summary,
        levels="vip")` (top 1%, big 4%, medium 15%, small 80% of customers), then
        `pyramid_summary(...)`. Which level brings the largest share of revenue? Store its name
        (e.g. "top") in `richest_level`.
    """,
    expected=_richest_level,
    choices=["top", "big", "medium", "small", "inactive"],
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import customer_pyramid, pyramid_summary

        summary = summarize_customers(crmlearn.load_dataset("transactions"))
        levels = pyramid_summary(customer_pyramid(summary, levels="vip"))
        richest_level = levels["value_share"].idxmax()
    """,
    answer_name="richest_level",
    hints=[
        "pyramid_summary(...) has one row per level with `customers`, `value` and `value_share`.",
        "levels[\"value_share\"].idxmax() gives the name of the level with the largest share.",
    ],
    explanation="The top level has the richest customers, but so few of them that a wider level can "
                "bring more revenue in total: compare avg_value with value_share.",
    wrong=["top", "small"],
)

# --- q7: the top level's share of revenue ---------------------------------------------------------
def _top_level_value_share():
    return float(_vip_pyramid().loc["top", "value_share"])


q7 = NumberQuestion(
    chapter=CHAPTER, name="q7", title="Revenue share of the pyramid's top",
    prompt="""
        In the same VIP pyramid, the top level holds 1% of the customers. What share of net revenue
        does it bring? Give a share between 0 and 1 (3 decimals) in `top_level_share`.
    """,
    expected=_top_level_value_share,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import customer_pyramid, pyramid_summary

        summary = summarize_customers(crmlearn.load_dataset("transactions"))
        levels = pyramid_summary(customer_pyramid(summary, levels="vip"))
        top_level_share = levels.loc["top", "value_share"]
    """,
    answer_name="top_level_share",
    hints=[
        "The summary table is indexed by level: levels.loc[\"top\", ...].",
        "The column value_share is the level's revenue divided by total revenue "
        "(customer_share would be the 1% of customers).",
    ],
    explanation="1% of the customers bring close to a fifth of the revenue: each of them is worth "
                "dozens of average customers.",
    tol=0.0005,
    wrong=[lambda: float(_vip_pyramid().loc["top", "customer_share"]), lambda: 100 * _top_level_value_share()],
)

# --- q8: the airline fare -------------------------------------------------------------------------
def _first_class_fare():
    return _fare(ECONOMY_FARE, "first")


q8 = NumberQuestion(
    chapter=CHAPTER, name="q8", title="First-class fare",
    prompt=f"""
        Case 7-3: on domestic routes business class costs 1.3 times and first class 1.5 times the
        economy fare (the multipliers are in the `cabin_fares` table, column `fare_multiplier`).
        An economy ticket costs CNY {ECONOMY_FARE:,}. What does first class cost? Store the fare in CNY
        in `first_fare`.
    """,
    expected=_first_class_fare,
    solution_code=f"""
        import crmlearn

        cabins = crmlearn.load_dataset("cabin_fares").set_index("cabin")
        first_fare = {ECONOMY_FARE} * cabins.loc["first", "fare_multiplier"]

        # the same with the library: every cabin's fare at once
        from crmlearn.grading import cabin_fares
        print(cabin_fares({ECONOMY_FARE}))
    """,
    answer_name="first_fare",
    hints=[
        "Load the table with crmlearn.load_dataset(\"cabin_fares\") and find the row of the first-class cabin.",
        "Multiply the economy fare by first class's fare_multiplier.",
    ],
    explanation="Price differences follow the grade: first class pays 50% more for space, attention "
                "(one attendant per 10-15 passengers), lounges, baggage and meals.",
    tol=0.5,
    wrong=[lambda: _fare(ECONOMY_FARE, "business"), ECONOMY_FARE],
)

# --- q9: flight attendants ------------------------------------------------------------------------
def _attendants():
    from crmlearn.grading import attendants_needed

    first = _table("cabin_fares").set_index("cabin").loc["first"]
    ratio = (int(first["passengers_per_attendant_min"]), int(first["passengers_per_attendant_max"]))
    return list(attendants_needed(FIRST_CLASS_PASSENGERS, per_attendant=ratio))


q9 = ListQuestion(
    chapter=CHAPTER, name="q9", title="First-class attendants",
    prompt=f"""
        In first class, one flight attendant serves 10-15 passengers (`cabin_fares`, columns
        `passengers_per_attendant_min` and `_max`). A first-class cabin carries
        {FIRST_CLASS_PASSENGERS} passengers. How many attendants does that imply, at least and at
        most? Give `[fewest, most]` (whole attendants) in `attendants`.
    """,
    expected=_attendants,
    solution_code=f"""
        import math
        import crmlearn

        first = crmlearn.load_dataset("cabin_fares").set_index("cabin").loc["first"]
        fewest = math.ceil({FIRST_CLASS_PASSENGERS} / first["passengers_per_attendant_max"])
        most = math.ceil({FIRST_CLASS_PASSENGERS} / first["passengers_per_attendant_min"])
        attendants = [fewest, most]

        # the same with the library
        from crmlearn.grading import attendants_needed
        print(attendants_needed({FIRST_CLASS_PASSENGERS}, per_attendant=(10, 15)))
    """,
    answer_name="attendants",
    hints=[
        "The fewest attendants are needed when each serves the most passengers (15), and the other way round.",
        f"{FIRST_CLASS_PASSENGERS} / 15 and {FIRST_CLASS_PASSENGERS} / 10, each rounded up to a whole attendant.",
    ],
    explanation="Two to three attendants for 30 passengers; economy runs at several times that ratio. "
                "Graded service costs money, which the fare difference pays for.",
    tol=0, rtol=0,
    wrong=[lambda: list(reversed(_attendants())), [10, 15]],
)

# --- q10: tier four described customers ------------------------------------------------------------
def _four_customers():
    import pandas as pd

    return pd.DataFrame({"margin": [900.0, 700.0, 50.0, 30.0],
                         "cost_to_serve_cny": [100.0, 100.0, 20.0, 80.0],
                         "price_sensitivity": [0.1, 0.8, 0.5, 0.6],
                         "n_suppliers": [1, 3, 2, 2]}, index=["a", "b", "c", "d"])


def _four_tiers():
    from crmlearn.grading import tier_classify

    return [str(t) for t in tier_classify(_four_customers(), top=0.5)["tier"]]


q10 = ListQuestion(
    chapter=CHAPTER, name="q10", title="Tier four customers",
    prompt="""
        Put each customer in its tier (platinum, gold, iron or lead):
        (a) a long-time heavy user, not price sensitive, who tries new products;
        (b) a profitable buyer who asks for discounts and splits its orders among three suppliers;
        (c) a buyer of small standard volumes with average loyalty;
        (d) a customer who loses the firm money and files constant demands.
        Give the four tiers in order a, b, c, d as a list in `four_tiers`.
    """,
    expected=_four_tiers,
    solution_code="""
        four_tiers = ["platinum", "gold", "iron", "lead"]

        # the same with the library, describing the four customers by numbers:
        import pandas as pd
        from crmlearn.grading import tier_classify

        df = pd.DataFrame({"margin": [900.0, 700.0, 50.0, 30.0],
                           "cost_to_serve_cny": [100.0, 100.0, 20.0, 80.0],
                           "price_sensitivity": [0.1, 0.8, 0.5, 0.6],
                           "n_suppliers": [1, 3, 2, 2]}, index=["a", "b", "c", "d"])
        assert list(tier_classify(df, top=0.5)["tier"]) == four_tiers
    """,
    answer_name="four_tiers",
    hints=[
        "Platinum: most profitable and loyal; gold: profitable but wants discounts and uses several "
        "suppliers; iron: many, modest, nothing special; lead: unprofitable problem customers.",
        "One customer per tier, in the order best to worst.",
    ],
    explanation="The four tiers of the practitioner article: platinum (铂金), gold (黄金), iron (钢铁) "
                "and lead (重铅).",
    wrong=[["gold", "platinum", "iron", "lead"], ["platinum", "gold", "lead", "iron"]],
)

# --- q11: the option for a non-core customer -------------------------------------------------------
def _transfer_option():
    from crmlearn.grading import NON_CORE_OPTIONS

    return next(k for k in NON_CORE_OPTIONS if "third party" in NON_CORE_OPTIONS[k])


q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title="A non-core customer's option",
    prompt="""
        The textbook gives three options for non-core customers (非核心客户) of the pyramid:
        "convert" them into core customers, "transfer" them to a third party, or "give_up".
        A non-core customer sits in a region Huaxin no longer serves directly, and a local
        distributor could serve it. Which option fits? Store it in `option`.
    """,
    expected=_transfer_option,
    choices=["convert", "transfer", "give_up"],
    synonyms={"transfer": ["转移", "转移给第三方", "third party", "hand over", "transfer to a third party"],
              "convert": ["转化", "转化为核心客户", "upgrade"],
              "give_up": ["放弃", "abandon", "drop", "give up"]},
    solution_code="""
        from crmlearn.grading import NON_CORE_OPTIONS

        print(NON_CORE_OPTIONS["transfer"])
        option = "transfer"
    """,
    answer_name="option",
    hints=[
        "crmlearn.grading.NON_CORE_OPTIONS lists the three options with a short explanation each.",
        "Someone else can serve the customer better and more cheaply than Huaxin.",
    ],
    explanation="Transfer (转移给第三方): the customer keeps a supplier close by, and Huaxin stops paying "
                "the cost of serving it from afar.",
    wrong=["give_up", "convert"],
)

# --- q12: customers per tier (a table) ------------------------------------------------------------
def _customers_per_tier():
    return _tiers()["tier"].value_counts().sort_index()


q12 = TableQuestion(
    chapter=CHAPTER, name="q12", title="Customers per tier",
    prompt="""
        With the tiers of question 4 (`tier_classify(graded, cost_periods=2)`), how many customers
        are in each tier? Give a Series indexed by tier (platinum, gold, iron, lead) with the number
        of customers. Store it in `per_tier`.
    """,
    expected=_customers_per_tier,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import tier_classify

        customers = crmlearn.load_dataset("customers")
        summary = summarize_customers(crmlearn.load_dataset("transactions"), customers=customers)
        tiers = tier_classify(summary.join(customers.set_index("customer_id")), cost_periods=2)
        per_tier = tiers["tier"].value_counts()
    """,
    answer_name="per_tier",
    hints=[
        "value_counts() on the tier column counts the customers of each tier.",
        "Forgetting cost_periods=2 charges only one year of cost to serve against two years of margin, "
        "and fewer customers end up in lead.",
    ],
    explanation="Most customers are iron; the lead tier, which loses money after the cost to serve, "
                "is larger than platinum and gold together.",
    wrong=[lambda: __import__("crmlearn.grading", fromlist=["tier_classify"]).tier_classify(
               _summary().join(_table("customers").set_index("customer_id")))["tier"].value_counts(),
           lambda: _tiers()["tier"].value_counts(normalize=True)],
)

# --- q13: a function: the cabin fare --------------------------------------------------------------
def _cabin_fare(economy_fare, cabin):
    return _fare(economy_fare, cabin)


def _fare_cases():
    return [Case(1200, "first", label="CNY 1,200, first class"),
            Case(1000, "business", label="CNY 1,000, business class"),
            Case(850, "economy", label="CNY 850, economy"),
            Case(ECONOMY_FARE, "business", label=f"CNY {ECONOMY_FARE:,}, business class")]


def _wrong_always_first(economy_fare, cabin):
    return economy_fare * 1.5


def _wrong_swapped(economy_fare, cabin):
    return economy_fare * {"economy": 1.0, "business": 1.5, "first": 1.3}[cabin]


q13 = FunctionQuestion(
    chapter=CHAPTER, name="q13", title="A function: the cabin fare",
    prompt="""
        Write a function `cabin_fare(economy_fare, cabin)` that returns the fare of `cabin`
        ("economy", "business" or "first") when economy costs `economy_fare`, using the fare
        multipliers of the `cabin_fares` table.
    """,
    reference=_cabin_fare,
    cases=_fare_cases,
    solution_code="""
        import crmlearn

        MULTIPLIER = crmlearn.load_dataset("cabin_fares").set_index("cabin")["fare_multiplier"]

        def cabin_fare(economy_fare, cabin):
            return economy_fare * MULTIPLIER[cabin]

        # crmlearn.grading.cabin_fares(economy_fare) gives every cabin's fare as a Series:
        # cabin_fares(economy_fare)[cabin] is the same answer.
    """,
    answer_name="cabin_fare",
    hints=[
        "Load the table once, outside the function, and index it by cabin.",
        "return economy_fare * multipliers[cabin], with multipliers the fare_multiplier column indexed by cabin.",
    ],
    explanation="Keeping the multipliers in a table rather than in the code means the pricing rule "
                "changes in one place.",
    tol=0.005,
    wrong=[_wrong_always_first, _wrong_swapped],
)


# --- starter cells of the exercise notebook (load the tables the questions share) ------------------
q1.starter = """
from crmlearn.customers import summarize_customers
from crmlearn.grading import top_share

summary = summarize_customers(crmlearn.load_dataset("transactions"))
top20_share = ____
"""
q2.starter = """
from crmlearn.grading import abc_classify

n_a = ____
"""
q3.starter = """
from crmlearn.grading import gini

gini_revenue = ____
"""
q4.starter = """
from crmlearn.grading import tier_classify

customers = crmlearn.load_dataset("customers")
graded = summary.join(customers.set_index("customer_id"))
tier = ____
"""
q5.starter = """
from crmlearn.grading import rfm_scores

rfm_code = ____
"""
q6.starter = """
from crmlearn.grading import customer_pyramid, pyramid_summary

richest_level = ____
"""
q8.starter = """
cabins = crmlearn.load_dataset("cabin_fares").set_index("cabin")
first_fare = ____
"""

questions, progress, reset_progress = chapter_functions(CHAPTER)
