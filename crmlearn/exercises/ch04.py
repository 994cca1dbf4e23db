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
    SetQuestion,
    LazyList,
    teach,
    Case,
    CategoryQuestion,
    FunctionQuestion,
    ListQuestion,
    NumberQuestion,
    TableQuestion,
    chapter_functions,
)

CHAPTER = "ch04"

#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = """
import crmlearn
from crmlearn.customers import summarize_customers

tx = crmlearn.load_dataset("transactions")
customers = crmlearn.load_dataset("customers")
summary = summarize_customers(tx, customers=customers)      # one row per customer
graded = summary.join(customers.set_index("customer_id"))   # with the customer master's columns
cabins = crmlearn.load_dataset("cabin_fares").set_index("cabin")
"""
from ._placeholder import ____  # noqa: E402,F401  (``ex.____`` in the starter cells)

#: The customer whose tier q4 asks for, and the one whose RFM code q5 asks for.
TIER_CUSTOMER = "C00306"
RFM_CUSTOMER = "C00733"
#: The economy fare of q8 (CNY) and the first-class passengers of q9.
ECONOMY_FARE = 1350
FIRST_CLASS_PASSENGERS = 45
#: q1's top fraction; q2's A/B/C cut-offs.
TOP = 0.1
CUTOFFS = (0.7, 0.9)


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

    return top_share(_summary(), value="monetary", top=TOP)


q1 = NumberQuestion(
    chapter=CHAPTER, name="q1", title="Share of the top 10%",
    prompt="""
        The chapter checks the top 20%. Go further up the ranking: what share of total net revenue
        (`monetary` in `summary`) do the top **10%** of customers bring? Give a share between 0 and 1
        (3 decimals are enough) and store it in `top20_share`.
    """,
    expected=_top20_share,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import top_share

        tx = crmlearn.load_dataset("transactions")
        summary = summarize_customers(tx)
        top20_share = top_share(summary, value="monetary", top=0.1)
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

    return int((abc_classify(_summary(), value="monetary", cutoffs=CUTOFFS)["abc_class"] == "A").sum())


def _n_class_b():
    from crmlearn.grading import abc_classify

    return int((abc_classify(_summary(), value="monetary", cutoffs=CUTOFFS)["abc_class"] == "B").sum())


def _n_class_a_default():
    from crmlearn.grading import abc_classify

    return int((abc_classify(_summary(), value="monetary")["abc_class"] == "A").sum())


q2 = NumberQuestion(
    chapter=CHAPTER, name="q2", title="Number of A customers",
    prompt="""
        Classify the customers A/B/C by net revenue with `crmlearn.grading.abc_classify`, but with
        stricter cut-offs than the chapter's: A up to **70%** of cumulative revenue, B up to **90%**,
        C the rest (`cutoffs=(0.7, 0.9)`). How many customers are in class A? Store the number in `n_a`.
    """,
    expected=_n_class_a,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import abc_classify

        summary = summarize_customers(crmlearn.load_dataset("transactions"))
        abc = abc_classify(summary, value="monetary", cutoffs=(0.7, 0.9))
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

    return gini(_summary(), value="frequency")


q3 = NumberQuestion(
    chapter=CHAPTER, name="q3", title="Gini coefficient of orders",
    prompt="""
        The chapter measures how concentrated revenue is. How concentrated are the **orders**? Compute
        the Gini coefficient of `frequency` (orders per customer) over all customers
        (`crmlearn.grading.gini`). Give it to 3 decimals in `gini_revenue`.
    """,
    expected=_gini,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import gini

        summary = summarize_customers(crmlearn.load_dataset("transactions"))
        gini_revenue = gini(summary, value="frequency")
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
@lru_cache(maxsize=None)
def _order_pyramid():
    from crmlearn.grading import customer_pyramid, pyramid_summary

    return pyramid_summary(customer_pyramid(_summary(), value="frequency", levels="vip"))


def _top_level_value_share():
    return float(_order_pyramid().loc["top", "value_share"])


q7 = NumberQuestion(
    chapter=CHAPTER, name="q7", title="Orders of the pyramid's top",
    prompt="""
        Build the VIP pyramid on **orders** instead of revenue: `customer_pyramid(summary,
        value="frequency", levels="vip")`, then `pyramid_summary(...)`. What share of all orders does its
        top level (1% of the customers) place? Give a share between 0 and 1 (3 decimals) in `top_level_share`.
    """,
    expected=_top_level_value_share,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import customer_pyramid, pyramid_summary

        summary = summarize_customers(crmlearn.load_dataset("transactions"))
        levels = pyramid_summary(customer_pyramid(summary, value="frequency", levels="vip"))
        top_level_share = levels.loc["top", "value_share"]
    """,
    answer_name="top_level_share",
    hints=[
        "Pass value=\"frequency\" to customer_pyramid so the customers are ranked and shared by orders; "
        "the summary table is indexed by level: levels.loc[\"top\", ...].",
        "The column value_share is the level's orders divided by all orders "
        "(customer_share would be the 1% of customers).",
    ],
    explanation="Compare with the top level's share of revenue in the chapter: Huaxin's biggest customers "
                "are also its most frequent buyers, so the two pyramids have nearly the same top.",
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

    return pd.DataFrame({"margin": [700.0, 50.0, 30.0, 900.0],
                         "cost_to_serve_cny": [100.0, 20.0, 80.0, 100.0],
                         "price_sensitivity": [0.8, 0.5, 0.6, 0.1],
                         "n_suppliers": [4, 2, 2, 1]}, index=["a", "b", "c", "d"])


def _four_tiers():
    from crmlearn.grading import tier_classify

    return [str(t) for t in tier_classify(_four_customers(), top=0.5)["tier"]]


q10 = ListQuestion(
    chapter=CHAPTER, name="q10", title="Tier four customers",
    prompt="""
        Put each customer in its tier (platinum, gold, iron or lead):
        (a) a hospital group that brings Huaxin a good margin but tenders every order among four suppliers
        and always asks for a further discount;
        (b) a small design studio that reorders the same standard paper every quarter, nothing more;
        (c) a trading company whose orders do not cover the cost of serving it and which phones the
        service desk every week;
        (d) a law firm that has bought from Huaxin for ten years, takes new products when offered and
        never haggles.
        Give the four tiers in order a, b, c, d as a list in `four_tiers`.
    """,
    expected=_four_tiers,
    solution_code="""
        four_tiers = ["gold", "iron", "lead", "platinum"]

        # the same with the library, describing the four customers by numbers:
        import pandas as pd
        from crmlearn.grading import tier_classify

        df = pd.DataFrame({"margin": [700.0, 50.0, 30.0, 900.0],
                           "cost_to_serve_cny": [100.0, 20.0, 80.0, 100.0],
                           "price_sensitivity": [0.8, 0.5, 0.6, 0.1],
                           "n_suppliers": [4, 2, 2, 1]}, index=["a", "b", "c", "d"])
        assert list(tier_classify(df, top=0.5)["tier"]) == four_tiers
    """,
    answer_name="four_tiers",
    hints=[
        "Platinum: most profitable and loyal; gold: profitable but wants discounts and uses several "
        "suppliers; iron: many, modest, nothing special; lead: unprofitable problem customers.",
        "One customer per tier; the order of the cases is not the order of the tiers.",
    ],
    explanation="The four tiers of the practitioner article: platinum (铂金), gold (黄金), iron (钢铁) "
                "and lead (重铅).",
    wrong=[["gold", "platinum", "iron", "lead"], ["platinum", "gold", "lead", "iron"]],
)

# --- q11: the option for a non-core customer -------------------------------------------------------
def _transfer_option():
    from crmlearn.grading import NON_CORE_OPTIONS

    return next(k for k in NON_CORE_OPTIONS if "core" in NON_CORE_OPTIONS[k].lower() and k != "give_up"
                and "third party" not in NON_CORE_OPTIONS[k])


q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title="A growing non-core customer",
    prompt="""
        The textbook gives three options for non-core customers (非核心客户) of the pyramid:
        "convert" them into core customers, "transfer" them to a third party, or "give_up".
        A non-core customer, a growing logistics firm in Huaxin's home region, buys only its paper from
        Huaxin and its furniture and IT equipment elsewhere; its purchases rise every quarter and it pays
        on time. Which option fits? Store it in `option`.
    """,
    expected=_transfer_option,
    choices=["convert", "transfer", "give_up"],
    synonyms={"transfer": ["转移", "转移给第三方", "third party", "hand over", "transfer to a third party"],
              "convert": ["转化", "转化为核心客户", "upgrade"],
              "give_up": ["放弃", "abandon", "drop", "give up"]},
    solution_code="""
        from crmlearn.grading import NON_CORE_OPTIONS

        print(NON_CORE_OPTIONS["convert"])
        option = "convert"
    """,
    answer_name="option",
    hints=[
        "crmlearn.grading.NON_CORE_OPTIONS lists the three options with a short explanation each.",
        "Is there more business to win from this customer, and can Huaxin serve it well where it is?",
    ],
    explanation="Convert (转化为核心客户): a growing, reliable customer that buys only part of its needs "
                "from Huaxin is worth developing: offer it the other product lines.",
    wrong=["give_up", "convert"],
)

# --- q12: customers per tier (a table) ------------------------------------------------------------
def _business_ids():
    c = _table("customers")
    return c.loc[c["nature_type"] == "business", "customer_id"]


def _customers_per_tier():
    t = _tiers()
    return t.loc[t.index.isin(_business_ids()), "tier"].value_counts().sort_index()


q12 = TableQuestion(
    chapter=CHAPTER, name="q12", title="Business customers per tier",
    prompt="""
        With the tiers of question 4 (`tier_classify(graded, cost_periods=2)`), how many **business
        customers** (`nature_type == "business"`) are in each tier? Give a Series indexed by tier
        (platinum, gold, iron, lead) with the number of customers. Store it in `per_tier`.
    """,
    expected=_customers_per_tier,
    solution_code="""
        import crmlearn
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import tier_classify

        customers = crmlearn.load_dataset("customers")
        summary = summarize_customers(crmlearn.load_dataset("transactions"), customers=customers)
        tiers = tier_classify(summary.join(customers.set_index("customer_id")), cost_periods=2)
        per_tier = tiers.loc[tiers["nature_type"] == "business", "tier"].value_counts()
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
    return [Case(980, "first", label="CNY 980, first class"),
            Case(1640, "business", label="CNY 1,640, business class"),
            Case(760, "economy", label="CNY 760, economy"),
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



# --- q14: pick the lead customers among twelve --------------------------------------------------------


def _panel():
    """Twelve customers the chapter does not show: the 301st to 312th by id."""
    return [str(i) for i in _tiers().index[300:312]]


#: The twelve customers of q14.
PANEL = LazyList(_panel)


def _panel_in(tier: str, tiers=None):
    t = _tiers() if tiers is None else tiers
    return [i for i in _panel() if t.loc[i, "tier"] == tier]


def _panel_lead_one_period():
    from crmlearn.grading import tier_classify

    return _panel_in("lead", tier_classify(_summary().join(_table("customers").set_index("customer_id"))))


q14 = SetQuestion(
    chapter=CHAPTER, name="q14", title="Which of twelve customers are lead?",
    prompt="""
        Huaxin's service manager wants to review the terms of the **lead** customers (重铅: they do not
        bring a profit once the cost to serve is paid) among twelve accounts: `ex.PANEL` (run
        `print(ex.PANEL)`). Using the tiers of question 4, which of the twelve are lead? Store their ids
        as a list in `lead_ids`.
    """,
    expected=lambda: _panel_in("lead"),
    solution_code="""
        from crmlearn.grading import tier_classify

        tiers = tier_classify(graded, cost_periods=2)
        panel = tiers.loc[ex.PANEL]
        lead_ids = list(panel.index[panel["tier"] == "lead"])
    """,
    answer_name="lead_ids",
    hints=["tier_classify(graded, cost_periods=2) adds the column tier.",
           "Select the twelve rows with .loc[ex.PANEL] and keep those whose tier is lead."],
    explanation="Lead customers are not dropped blindly: the review asks why they cost more than they "
                "bring (many small orders, many complaints) and what terms would change that.",
)

# --- q15: interpret two Gini coefficients ---------------------------------------------------------------


def _more_concentrated():
    from crmlearn.grading import gini

    s = _summary()
    return "revenue" if gini(s, value="monetary") > gini(s, value="frequency") else "orders"


q15 = CategoryQuestion(
    chapter=CHAPTER, name="q15", title="Revenue or orders: which is more concentrated?",
    prompt="""
        Compare the Gini coefficient of revenue (`monetary`) with that of orders (`frequency`). Which is
        more concentrated among Huaxin's customers, "revenue" or "orders"? A grading scheme should rank
        by the more concentrated measure, because that is where customers differ most. Store your answer
        in `more_concentrated`.
    """,
    expected=_more_concentrated,
    choices=["revenue", "orders"],
    synonyms={"revenue": ["monetary", "net revenue", "sales", "收入", "销售额"],
              "orders": ["frequency", "order count", "订单", "购买次数"]},
    solution_code="""
        from crmlearn.grading import gini

        g_revenue, g_orders = gini(summary, value="monetary"), gini(summary, value="frequency")
        more_concentrated = "revenue" if g_revenue > g_orders else "orders"
    """,
    answer_name="more_concentrated",
    hints=["gini(summary, value=...) for each of the two columns.",
           "The larger Gini is the more unequal spread."],
    explanation="Big customers order more often and also order bigger baskets, so revenue is more "
                "unequal than the number of orders: grade on value, not on visits.",
)

# --- teaching parts: setup, judgements, targeted messages, leak contexts --------------------------------
_ABC = lambda: __import__("crmlearn.grading", fromlist=["abc_classify"]).abc_classify  # noqa: E731
teach(q1, setup=SETUP, starter="from crmlearn.grading import top_share\n\ntop20_share = ex.____", mistakes=[
    (lambda: float(__import__("crmlearn.grading", fromlist=["top_share"]).top_share(_summary(), value="monetary", top=0.2)),
     "That is the share of the top 20% (the chapter's figure); the question asks for the top 10%."),
    (lambda: 100 * _top20_share(), "That looks like a percentage; give a share between 0 and 1."),
    (lambda: float(__import__("crmlearn.grading", fromlist=["top_share"]).top_share(_summary(), value="frequency", top=TOP)),
     "You ranked by the number of orders; rank and share by net revenue (monetary)."),
])
teach(q2, setup=SETUP, starter="from crmlearn.grading import abc_classify\n\nn_a = ex.____", mistakes=[
    (_n_class_a_default, "That is class A with the default cut-offs (80% / 95%); pass cutoffs=(0.7, 0.9)."),
    (_n_class_b, "That is the number of B customers; count the A labels."),
    (lambda: round(0.2 * len(_summary())),
     "That is a fixed 20% of the customers; class A is found from the cumulative revenue share."),
])
teach(q3, setup=SETUP, starter="from crmlearn.grading import gini\n\ngini_revenue = ex.____", mistakes=[
    (lambda: float(__import__("crmlearn.grading", fromlist=["gini"]).gini(_summary(), value="monetary")),
     "That is the Gini coefficient of revenue; the question asks about orders (frequency)."),
    (lambda: 100 * _gini(), "The Gini coefficient lies between 0 and 1; do not multiply by 100."),
])
teach(q4, setup=SETUP, judgement=True, leak_context=[TIER_CUSTOMER],
      starter="from crmlearn.grading import tier_classify\n\ntier = ex.____", mistakes=[
    ("platinum", "A top-20% customer is platinum only if it is not price sensitive and uses at most two "
                 "suppliers: check this customer's price_sensitivity and n_suppliers."),
    ("iron", "Check the customer's net profit first: is it among the top 20%?"),
    ("lead", "Check the customer's net profit after the cost to serve: is it negative?"),
])
teach(q5, setup=SETUP, leak_context=[RFM_CUSTOMER],
      starter="from crmlearn.grading import rfm_scores\n\nrfm_code = ex.____", mistakes=[
    (_rfm_code_recency_reversed,
     "Recency is scored the other way round: FEW days since the last purchase give a HIGH R."),
    (lambda: _rfm_code()[::-1], "The code is written R, F, M in that order."),
])
teach(q6, setup=SETUP, judgement=True, leak_context=["VIP", "value_share"],
      starter="from crmlearn.grading import customer_pyramid, pyramid_summary\n\nrichest_level = ex.____",
      mistakes=[
    ("top", "The top level has the richest customers, but only 1% of them: compare the levels' total "
            "revenue share, not the revenue per customer."),
    ("small", "The small level has the most customers, but each brings little: look at value_share."),
])
teach(q7, setup=SETUP, starter="top_level_share = ex.____", mistakes=[
    (lambda: float(_order_pyramid().loc["top", "customer_share"]),
     "That is the level's share of customers; the question asks for its share of orders."),
    (lambda: float(_vip_pyramid().loc["top", "value_share"]),
     "That is the top level's share of revenue; build the pyramid on frequency (orders)."),
    (lambda: 100 * _top_level_value_share(), "That looks like a percentage; give a share between 0 and 1."),
])
teach(q8, setup=SETUP, starter="first_fare = ex.____", mistakes=[
    (lambda: _fare(ECONOMY_FARE, "business"), "That is the business-class fare; use first class's multiplier."),
    (ECONOMY_FARE, "That is the economy fare itself; multiply it by first class's fare multiplier."),
    (lambda: ECONOMY_FARE * 0.5, "That is only the surcharge; the fare is the economy fare times the multiplier."),
])
teach(q9, setup=SETUP, starter="attendants = ex.____", mistakes=[
    (lambda: list(reversed(_attendants())), "Give the fewest first, then the most."),
    ([10, 15], "Those are passengers per attendant; divide the cabin's passengers by them."),
    (lambda: [FIRST_CLASS_PASSENGERS // 15, FIRST_CLASS_PASSENGERS // 10] if FIRST_CLASS_PASSENGERS % 10 else [-1, -1],
     "Round up: a part of an attendant is a whole attendant."),
])
teach(q10, setup=SETUP, judgement=True, choices=TIER_CHOICES, leak_context=["hospital group", "design studio"],
      starter="four_tiers = ex.____", mistakes=[
    (["platinum", "gold", "iron", "lead"], "The cases are not listed from best to worst: judge each one by itself."),
    (lambda: ["platinum" if t == "gold" else t for t in _four_tiers()],
     "A profitable buyer who haggles and spreads its orders over several suppliers is not platinum."),
    (lambda: ["lead" if t == "iron" else t for t in _four_tiers()],
     "A small buyer of standard goods that pays its way is not lead: lead customers lose the firm money."),
])
teach(q11, setup=SETUP, judgement=True, leak_context=["logistics firm"], starter="option = ex.____", mistakes=[
    ("give_up", "Giving up is for customers with no prospect of profit; this one grows and pays on time."),
    ("transfer", "Transfer suits a customer someone else can serve better, e.g. far from Huaxin; this one is "
                 "in the home region."),
])
teach(q12, setup=SETUP, starter="from crmlearn.grading import tier_classify\n\nper_tier = ex.____", mistakes=[
    (lambda: _tiers()["tier"].value_counts(), "You counted every customer; keep only the business customers."),
    (lambda: __import__("crmlearn.grading", fromlist=["tier_classify"]).tier_classify(
        _summary().join(_table("customers").set_index("customer_id"))).loc[
        lambda d: d["nature_type"] == "business", "tier"].value_counts(),
     "Forgetting cost_periods=2 charges one year of cost to serve against two years of margin."),
    (lambda: _customers_per_tier() / _customers_per_tier().sum(), "Those are shares; the question asks for counts."),
])
teach(q13, setup=SETUP, starter="def cabin_fare(economy_fare, cabin):\n    # your code here\n    return ex.____",
      mistakes=[
    (_wrong_always_first, "Your function ignores the cabin: it always applies first class's multiplier."),
    (_wrong_swapped, "The business and first-class multipliers are swapped: first class is the dearer one."),
])
teach(q14, setup=SETUP, judgement=True, starter="lead_ids = ex.____", mistakes=[
    (lambda: _panel_in("iron"), "Those are iron customers: modest but profitable. Lead customers lose money."),
    (_panel_lead_one_period,
     "Forgetting cost_periods=2 charges one year of cost to serve against two years of margin."),
    (lambda: list(_panel()), "Not all twelve are lead: check the tier of each."),
])
teach(q15, setup=SETUP, judgement=True, leak_context=["orders", "concentrated"], starter="more_concentrated = ex.____",
      mistakes=[
    (lambda: "orders" if _more_concentrated() == "revenue" else "revenue",
     "Compare the two Gini coefficients: the larger one is the more unequal spread."),
    (lambda: float(__import__("crmlearn.grading", fromlist=["gini"]).gini(_summary(), value="monetary")),
     "Give the name of the measure, revenue or orders, not a Gini coefficient."),
])

questions, progress, reset_progress = chapter_functions(CHAPTER)
