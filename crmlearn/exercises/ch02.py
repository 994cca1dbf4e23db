"""Exercises for chapter 2, knowing, selecting and segmenting customers (认识、选择与细分客户).

Huaxin Office Supplies' customers by nature, by the four segmentation bases and by k-means; who
provides the revenue along a supply chain; the traits of quality customers; retention. The expected answers are computed with
:mod:`crmlearn.segmentation` and :mod:`crmlearn.customers` on the course data.

>>> from crmlearn.exercises import ch02
>>> [q.name for q in ch02.questions()]
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12', 'q13']
"""
from __future__ import annotations

import textwrap
from functools import lru_cache

from ._engine import (
    Case,
    CategoryQuestion,
    FunctionQuestion,
    ListQuestion,
    NumberQuestion,
    SetQuestion,
    chapter_functions,
)

CHAPTER = "ch02"

NATURE_TYPES = ["retail", "business", "channel", "internal"]
BASES = ["behaviour", "demographic", "geographic", "psychographic"]
BASIS_SYNONYMS = {
    "behaviour": ["behavior", "behavioural", "behavioral", "purchase behaviour", "purchase behavior",
                  "购买行为", "基于购买行为"],
    "demographic": ["demographics", "人口统计", "人口统计特征", "基于人口统计特征"],
    "geographic": ["geography", "geographical", "地理", "地理位置", "基于地理位置"],
    "psychographic": ["psychographics", "心理", "心理特征", "基于心理特征"],
}

_LOAD = """
    import crmlearn
    from crmlearn.customers import summarize_customers

    customers = crmlearn.load_dataset("customers")
    tx = crmlearn.load_dataset("transactions")
    cust = customers.set_index("customer_id").join(summarize_customers(tx, customers=customers))
"""
_START = textwrap.dedent(_LOAD).strip("\n") + "\n\n"   # starter cells: load the data, then the blank


@lru_cache(maxsize=None)
def _table(name: str):
    """A course table, loaded once per session (read only: never modify the result)."""
    import crmlearn

    return crmlearn.load_dataset(name)


@lru_cache(maxsize=None)
def _cust():
    """The customer master joined with summarize_customers (read only)."""
    from crmlearn.customers import summarize_customers

    customers = _table("customers")
    summary = summarize_customers(_table("transactions"), customers=customers)
    return customers.set_index("customer_id").join(summary)


@lru_cache(maxsize=None)
def _by_nature():
    from crmlearn.segmentation import nature_summary

    return nature_summary(_cust(), value="monetary")


# --- q1: the type with the highest revenue per customer -----------------------------------------
q1 = CategoryQuestion(
    chapter=CHAPTER, name="q1", title="Most valuable type per customer",
    prompt="""
        Which customer type by nature (retail, business, channel or internal) brings Huaxin the
        highest average net revenue **per customer** in 2023-2024? Net revenue is `monetary` from
        `crmlearn.customers.summarize_customers`. Store the label in `top_avg_type`.
    """,
    expected=lambda: str(_by_nature()["avg_value"].idxmax()),
    choices=NATURE_TYPES,
    solution_code=_LOAD + """
    from crmlearn.segmentation import nature_summary

    by_nature = nature_summary(cust, value="monetary")
    top_avg_type = by_nature["avg_value"].idxmax()
    """,
    answer_name="top_avg_type",
    hints=[
        "Join the customer master with summarize_customers(tx, customers=customers) to get `monetary` "
        "per customer, then add it up by `nature_type`.",
        "crmlearn.segmentation.nature_summary(cust, value=\"monetary\") has an `avg_value` column; "
        "take its .idxmax().",
    ],
    explanation="Business customers bring the most revenue in total because there are many of them; "
                "per customer the channel distributors buy the most (about twice a business customer).",
    wrong=["business", "retail", lambda: str(_by_nature()["value"].idxmax())],
)
q1.starter = _START + "top_avg_type = ____"

# --- q2: revenue share of channel customers ------------------------------------------------------
q2 = NumberQuestion(
    chapter=CHAPTER, name="q2", title="Revenue share of channel customers",
    prompt="""
        What share of Huaxin's net revenue (2023-2024, sum of `monetary`) comes from channel
        distributors and licensed agents (`nature_type == "channel"`)? Give a share between 0 and 1,
        to 3 decimals. Store it in `channel_share`.
    """,
    expected=lambda: float(_by_nature().loc["channel", "value_share"]),
    solution_code=_LOAD + """
    from crmlearn.segmentation import nature_summary

    channel_share = nature_summary(cust, value="monetary").loc["channel", "value_share"]
    """,
    answer_name="channel_share",
    hints=[
        "Add up `monetary` for the channel customers and divide by the total of all customers.",
        "nature_summary(cust, value=\"monetary\").loc[\"channel\", \"value_share\"]",
    ],
    explanation="Channel customers are about a tenth of the customers but bring more than a quarter of "
                "the revenue: a revenue source worth studying first (the supply-chain case).",
    tol=0.0005,
    wrong=[lambda: float(_by_nature().loc["channel", "customer_share"]),
           lambda: 100 * float(_by_nature().loc["channel", "value_share"]),
           lambda: float(_by_nature().loc["business", "value_share"])],
)
q2.starter = _START + "channel_share = ____"

# --- q3: customers in a region and city tier -----------------------------------------------------


def _east_tier1():
    c = _table("customers")
    return int(((c["region"] == "East") & (c["city_tier"] == "tier1")).sum())


q3 = NumberQuestion(
    chapter=CHAPTER, name="q3", title="Customers in East-region tier-1 cities",
    prompt="""
        Geographic segmentation: how many Huaxin customers are in a **tier-1 city of the East region**
        (`region == "East"` and `city_tier == "tier1"` in the `customers` table)?
        Store the number in `n_east_tier1`.
    """,
    expected=_east_tier1,
    solution_code="""
        import crmlearn
        from crmlearn.segmentation import segment_by

        customers = crmlearn.load_dataset("customers")
        cells = segment_by(customers, by=["region", "city_tier"], value=None)
        n_east_tier1 = cells.loc[("East", "tier1"), "customers"]
    """,
    answer_name="n_east_tier1",
    hints=[
        "Both conditions must hold: combine them with &.",
        "((customers[\"region\"] == \"East\") & (customers[\"city_tier\"] == \"tier1\")).sum(), or "
        "segment_by(customers, by=[\"region\", \"city_tier\"], value=None).",
    ],
    explanation="segment_by with two columns gives one row per region and tier (a MultiIndex): the "
                "cross-tab of a geographic segmentation.",
    tol=0, rtol=0,
    wrong=[lambda: int((_table("customers")["city_tier"] == "tier1").sum()),
           lambda: int((_table("customers")["region"] == "East").sum())],
)
q3.starter = """customers = crmlearn.load_dataset("customers")

n_east_tier1 = ____"""

# --- q4: behaviour segment with the highest average order value ----------------------------------


def _aov_by_behaviour():
    from crmlearn.segmentation import behaviour_segments

    b = behaviour_segments(_cust(), min_frequent=5)
    g = b.groupby("behaviour_segment", observed=True)
    return g["monetary"].sum() / g["frequency"].sum()


q4 = CategoryQuestion(
    chapter=CHAPTER, name="q4", title="Highest average order value by behaviour",
    prompt="""
        Behaviour segmentation: label customers one-time (1 order), repeat (2-4) or frequent (5 or more
        orders in 2023-2024) with `crmlearn.segmentation.behaviour_segments(cust, frequent=5)`.
        Which of the three segments has the highest **average order value**, i.e. the segment's net
        revenue divided by the segment's number of orders? Store the label in `top_aov_segment`.
    """,
    expected=lambda: str(_aov_by_behaviour().idxmax()),
    choices=["one-time", "repeat", "frequent"],
    synonyms={"one-time": ["one time", "onetime", "one-off", "一次性"], "frequent": ["经常"],
              "repeat": ["重复"]},
    solution_code=_LOAD + """
    from crmlearn.segmentation import behaviour_segments

    behaviour = behaviour_segments(cust, min_frequent=5)
    groups = behaviour.groupby("behaviour_segment", observed=True)
    aov = groups["monetary"].sum() / groups["frequency"].sum()
    top_aov_segment = aov.idxmax()
    """,
    answer_name="top_aov_segment",
    hints=[
        "Group the labelled table by behaviour_segment and add up `monetary` and `frequency` separately.",
        "Divide the two sums (revenue / orders) and take .idxmax(). Look at who the one-time buyers are.",
    ],
    explanation="The one-time buyers include Huaxin's group buyers: one bulk order, then nothing. By "
                "frequency they look like the smallest customers; by order value they are the largest. "
                "Behaviour segmentation needs more than one measure.",
    wrong=["frequent", "repeat"],
)
q4.starter = _START + "from crmlearn.segmentation import behaviour_segments\n\ntop_aov_segment = ____"

# --- q5: which basis does a variable belong to ---------------------------------------------------
VARIABLES = ["monthly_income_cny", "values_segment", "city_tier", "recency_days"]


def _bases_of_variables():
    from crmlearn.segmentation import SEGMENTATION_BASES

    basis_of = {col: basis for basis, cols in SEGMENTATION_BASES.items() for col in cols}
    return [basis_of[v] for v in VARIABLES]


q5 = ListQuestion(
    chapter=CHAPTER, name="q5", title="Which segmentation basis?",
    prompt="""
        The four segmentation bases are behaviour, demographic, geographic and psychographic. To which
        basis does each of these Huaxin variables belong: `monthly_income_cny`, `values_segment`,
        `city_tier`, `recency_days`? Give a list of four labels in this order, e.g.
        `["geographic", "behaviour", ...]`. Store it in `bases`.
    """,
    expected=_bases_of_variables,
    synonyms=BASIS_SYNONYMS,
    solution_code="""
        from crmlearn.segmentation import SEGMENTATION_BASES

        variables = ["monthly_income_cny", "values_segment", "city_tier", "recency_days"]
        basis_of = {col: basis for basis, cols in SEGMENTATION_BASES.items() for col in cols}
        bases = [basis_of[v] for v in variables]
    """,
    answer_name="bases",
    hints=[
        "Income describes the person (like age and gender); values and lifestyle come from market research; "
        "a city tier is a place; days since the last order describe buying.",
        "crmlearn.segmentation.SEGMENTATION_BASES maps each basis to its columns.",
    ],
    explanation="Income is demographic, values psychographic, city tier geographic and recency "
                "behavioural. A column's name does not always tell its basis: ask what it measures "
                "about the customer (who they are, where, how they think, how they buy).",
    wrong=[["demographic", "demographic", "geographic", "behaviour"],
           ["psychographic", "demographic", "geographic", "behaviour"],
           ["demographic", "psychographic", "geographic"]],
)

# --- q6: best k by silhouette --------------------------------------------------------------------
K_FEATURES = ["frequency", "avg_order_value"]


def _best_k():
    from crmlearn.segmentation import choose_k

    return int(choose_k(_cust(), features=K_FEATURES, k_range=range(2, 9), log=True).attrs["best_k"])


q6 = NumberQuestion(
    chapter=CHAPTER, name="q6", title="Best k by silhouette",
    prompt="""
        k-means on two behaviour features, `frequency` and `avg_order_value` (from summarize_customers),
        with the log taken and the features standardised: which number of segments k from 2 to 8 has the
        highest silhouette? Use `crmlearn.segmentation.choose_k(cust, features=[...],
        k_range=range(2, 9), log=True)` with its default seed. Store k in `best_k`.
    """,
    expected=_best_k,
    solution_code=_LOAD + """
    from crmlearn.segmentation import choose_k

    k_table = choose_k(cust, features=["frequency", "avg_order_value"], k_range=range(2, 9), log=True)
    best_k = k_table["silhouette"].idxmax()      # also in k_table.attrs["best_k"]
    """,
    answer_name="best_k",
    hints=[
        "choose_k returns one row per k with `inertia` and `silhouette`.",
        "The best k by silhouette is k_table[\"silhouette\"].idxmax(); the inertia always falls as k grows, "
        "so its minimum is not an answer.",
    ],
    explanation="On these two features the silhouette peaks above k = 2 (unlike recency-frequency-"
                "monetary in the notebook): which k is 'best' depends on the features you cluster on.",
    tol=0, rtol=0,
    wrong=[2, 8, lambda: float(_best_k()) + 1],
)
q6.starter = _START + "from crmlearn.segmentation import choose_k\n\nbest_k = ____"

# --- q7: share of customers with all three quality traits ----------------------------------------


@lru_cache(maxsize=None)
def _traits():
    """Number of quality traits per customer, as in the notebook (read only)."""
    from crmlearn.segmentation import quality_traits

    return quality_traits(_cust(), payments=_table("payments"), cost_periods=2)["n_traits"]


def _traits_open_invoices_late():
    """The typical slip: every unpaid invoice counts as late, even one not yet due at 2024-12-31."""
    import pandas as pd

    cust, pay = _cust(), _table("payments")
    late = (pay["payment_date"] - pay["due_date"]).dt.days
    on_time = late.le(7).groupby(pay["customer_id"]).mean().reindex(cust.index)
    traits = pd.DataFrame({
        "long_term": cust["first_order_date"] < "2022-01-01",
        "profitable": (cust["n_suppliers"] <= 2) & (on_time >= 0.8)
        & (cust["cost_to_serve_cny"] * 2 <= 0.10 * cust["monetary"]),
        "sees_value": cust["price_sensitivity"] <= 0.4,
    })
    return float((traits.sum(axis=1) == 3).mean())


q7 = NumberQuestion(
    chapter=CHAPTER, name="q7", title="Share of customers with all quality traits",
    prompt="""
        Measure the three traits of quality customers (优质客户) as in the chapter notebook, with
        `crmlearn.segmentation.quality_traits` and its default thresholds:

        1. long-term: a customer for at least 3 years at 2024-12-31 (first order before 2022);
        2. profitable: `n_suppliers` <= 2 **and** at least 80% of the customer's invoices (table
           `payments`) paid in full no more than 7 days after `due_date` (an invoice not yet due and
           not paid at 2024-12-31 counts neither way; a customer without such invoices fails) **and** a
           yearly `cost_to_serve_cny` of at most 10% of its yearly revenue (`monetary` covers two
           years: pass `cost_periods=2`);
        3. sees our value: `price_sensitivity` <= 0.4.

        What share of all customers meets all three traits? Give a share (0-1), 3 decimals.
        Store it in `all_traits_share`.
    """,
    expected=lambda: float((_traits() == 3).mean()),
    solution_code=_LOAD + """
    from crmlearn.segmentation import quality_traits

    payments = crmlearn.load_dataset("payments")
    traits = quality_traits(cust, payments=payments, cost_periods=2)
    all_traits_share = (traits["n_traits"] == 3).mean()
    """,
    answer_name="all_traits_share",
    hints=[
        "quality_traits(cust, payments=payments, cost_periods=2) returns one row per customer with a "
        "True/False column per trait and `n_traits`, the number of traits met (0-3).",
        "The share of customers with all three is the mean of (traits[\"n_traits\"] == 3). Forgot "
        "cost_periods=2? Then a yearly cost is compared with two years of revenue.",
    ],
    explanation="Fewer than one customer in ten meets all three traits, yet they bring over a third of "
                "the margin and stay far more often: the customers a firm should try to attract.",
    tol=0.0005,
    wrong=[lambda: float((_traits() >= 1).mean()),
           lambda: int((_traits() == 3).sum()),
           lambda: 100 * float((_traits() == 3).mean()),
           _traits_open_invoices_late],
)
q7.starter = (_START + "from crmlearn.segmentation import quality_traits\n\n"
              "payments = crmlearn.load_dataset(\"payments\")\n\nall_traits_share = ____")

# --- q8: classify four examples by nature --------------------------------------------------------


def _examples():
    import pandas as pd

    return pd.DataFrame({
        "is_internal": [False, False, False, True],
        "is_agent": [False, False, True, False],
        "adds_to_offering": [False, True, False, False],
    })


def _example_types():
    from crmlearn.segmentation import classify_by_nature

    return [str(t) for t in classify_by_nature(_examples())["nature_type"]]


q8 = ListQuestion(
    chapter=CHAPTER, name="q8", title="Classify four buyers by nature",
    prompt="""
        Classify each buyer by nature (retail, business, channel or internal):
        (a) a family buying a washing machine; (b) a car maker buying tyres to fit on its cars;
        (c) a licensed dealer reselling the product locally; (d) the firm's own IT department using the
        help desk. Give a list of four labels in the order a-d. Store it in `types`.
    """,
    expected=_example_types,
    synonyms={"channel": ["licensed agent", "agent", "持牌代理人", "渠道经销商与持牌代理人"]},
    solution_code="""
        import pandas as pd
        from crmlearn.segmentation import classify_by_nature

        buyers = pd.DataFrame({
            "is_internal": [False, False, False, True],      # a unit inside the firm?
            "is_agent": [False, False, True, False],         # buys to resell as our local representative?
            "adds_to_offering": [False, True, False, False], # builds it into its own offer and sells on?
        })
        types = classify_by_nature(buyers)["nature_type"].tolist()
    """,
    answer_name="types",
    hints=[
        "Ask three questions in order: is the buyer inside the firm? does it resell as our local "
        "representative? does it build our product into its own offer?",
        "Only the car maker adds the tyres to its own product; the dealer resells; the family uses it itself.",
    ],
    explanation="Retail, business, channel, internal: the car maker is a business customer (商家) because it "
                "sells the tyres on inside its cars; the dealer is channel (渠道经销商与持牌代理人).",
    wrong=[["retail", "business", "business", "internal"], ["retail", "channel", "channel", "internal"],
           ["retail", "business", "channel", "business"]],
)

# --- q9: retention rate 2023 -> 2024 -------------------------------------------------------------


def _retention():
    from crmlearn.retention import churn_rate

    return float(churn_rate(_table("transactions"), freq="Y")["retention_rate"].iloc[0])



def _retention_every_row():
    """The typical slip: a return or a lost bid in 2024 counted as buying again."""
    from crmlearn.retention import churn_rate

    yearly = churn_rate(_table("transactions"), freq="Y", is_return=None, tender=None, amount=None)
    return float(yearly["retention_rate"].iloc[0])


q9 = NumberQuestion(
    chapter=CHAPTER, name="q9", title="Retention rate 2023 to 2024",
    prompt="""
        Quality customers raise the retention rate (客户保持率). What is Huaxin's yearly retention rate:
        of the customers who bought at least once in 2023, what share bought again in 2024? Use the
        `transactions` table; a customer *bought* in a year when it has a purchase that year: returns
        (`is_return`) and lost tenders (`tender_result == "lost"`) are not purchases.
        Give a share (0-1), 3 decimals. Store it in `retention_2023`.
    """,
    expected=_retention,
    solution_code="""
        import crmlearn
        from crmlearn.retention import churn_rate

        tx = crmlearn.load_dataset("transactions")
        yearly = churn_rate(tx, freq="Y")          # leaves returns and lost tenders out
        retention_2023 = yearly.loc["2023", "retention_rate"]
    """,
    answer_name="retention_2023",
    hints=[
        "crmlearn.retention.churn_rate(tx, freq=\"Y\") counts purchases only: the row for 2023 has the "
        "customers active that year and the share of them retained in 2024.",
        "By hand: keep the rows that are neither returns nor lost tenders, find the set of customers with "
        "a 2023 purchase and the set with a 2024 purchase; retained = len(set_2023 & set_2024) / len(set_2023).",
    ],
    explanation="Retention = customers kept / customers at the start. Its complement, the churn rate, is "
                "the share lost; Chapter 9 models both.",
    tol=0.0005,
    wrong=[lambda: 1 - _retention(), lambda: 100 * _retention(),
           lambda: float((_table("customers")["status"] == "active").mean()),
           _retention_every_row],
)
q9.starter = """tx = crmlearn.load_dataset("transactions")

retention_2023 = ____"""

# --- q10: a function ------------------------------------------------------------------------------


def _frequent_share(summary, threshold=5):
    return float((summary["frequency"] >= threshold).mean())


def _frequent_cases():
    import pandas as pd

    twelve = pd.DataFrame({"frequency": [1, 1, 2, 5, 9, 1, 3, 12, 1, 6, 2, 8]})
    cust = _cust()[["frequency", "monetary"]].copy()
    return [Case(twelve, label="the chapter's twelve customers, threshold 5"),
            Case(twelve.copy(), 2, label="the twelve customers, threshold 2"),
            Case(cust, label="Huaxin's customers, threshold 5"),
            Case(cust.copy(), threshold=20, label="Huaxin's customers, threshold=20")]


q10 = FunctionQuestion(
    chapter=CHAPTER, name="q10", title="A function: share of frequent buyers",
    prompt="""
        Write a function `frequent_share(summary, threshold=5)` that takes a customer table with a
        `frequency` column (orders per customer) and returns the share of customers (0-1) with **at least**
        `threshold` orders: the frequent buyers of behaviour segmentation. It must not change its input.
        (On the chapter's twelve customers with purchase counts 1, 1, 2, 5, 9, 1, 3, 12, 1, 6, 2, 8 it
        returns 5/12.)
    """,
    reference=_frequent_share,
    cases=_frequent_cases,
    solution_code="""
        def frequent_share(summary, threshold=5):
            return (summary["frequency"] >= threshold).mean()
    """,
    answer_name="frequent_share",
    hints=[
        "summary[\"frequency\"] >= threshold gives True/False per customer.",
        "The mean of True/False values is the share of True: return (summary[\"frequency\"] >= threshold).mean()",
    ],
    explanation="'At least' means >=: a customer with exactly 5 orders is frequent. The same one-liner "
                "works on twelve customers or a million.",
    wrong=[lambda summary, threshold=5: float((summary["frequency"] > threshold).mean()),
           lambda summary, threshold=5: int((summary["frequency"] >= threshold).sum()),
           lambda summary, threshold=5: float((summary["frequency"] >= 5).mean())],
)

q10.starter = """def frequent_share(summary, threshold=5):
    # your code here
    return ____"""

# --- q11, q12: who provides the revenue along the supply chain -------------------------------------
PARTIES = {
    "retailers": ["retailer", "retail stores", "零售商"],
    "second-tier wholesalers": ["second tier wholesalers", "second-tier wholesaler", "secondary wholesalers",
                                "sub-wholesalers", "二级批发商"],
    "consumers": ["consumer", "end consumers", "end users", "households", "消费者", "最终消费者"],
    "wholesalers": ["wholesaler", "批发商"],
    "manufacturers": ["manufacturer", "producers", "制造商", "生产商"],
}


def _revenue_sources(position):
    from crmlearn.segmentation import REVENUE_SOURCES

    return list(REVENUE_SOURCES[position])


q11 = SetQuestion(
    chapter=CHAPTER, name="q11", title="Who pays a wholesaler?",
    prompt="""
        Identifying customer groups starts with *where does the revenue come from?* (收入来源), and the
        answer depends on the firm's position in the supply chain. Who provides the revenue of a
        **wholesaler**? Give a list of the parties, e.g. `["manufacturers", "consumers"]`.
        Store it in `wholesaler_payers`.
    """,
    expected=lambda: _revenue_sources("wholesaler"),
    synonyms=PARTIES,
    solution_code="""
        from crmlearn.segmentation import REVENUE_SOURCES

        wholesaler_payers = list(REVENUE_SOURCES["wholesaler"])
    """,
    answer_name="wholesaler_payers",
    hints=[
        "A wholesaler sells in bulk, but not to the people who finally use the goods.",
        "Two kinds of buyer resell what a wholesaler sells them: the shops, and smaller wholesalers. "
        "crmlearn.segmentation.REVENUE_SOURCES lists the payers of each position.",
    ],
    explanation="Retailers and second-tier wholesalers pay a wholesaler. It must still watch the end "
                "consumers: if their demand fades, its retailers stop ordering.",
    wrong=[["consumers"], ["retailers"], ["manufacturers", "retailers"]],
)

q12 = CategoryQuestion(
    chapter=CHAPTER, name="q12", title="Who pays a retailer?",
    prompt="""
        And who provides the revenue of a **retailer**: manufacturers, wholesalers, retailers or
        consumers? Store the label in `retailer_payers`.
    """,
    expected=lambda: _revenue_sources("retailer"),
    choices=["manufacturers", "wholesalers", "retailers", "consumers"],
    synonyms=PARTIES,
    solution_code="""
        from crmlearn.segmentation import REVENUE_SOURCES

        retailer_payers = REVENUE_SOURCES["retailer"][0]
    """,
    answer_name="retailer_payers",
    hints=[
        "A retailer sells to the people who finally use the goods.",
        "REVENUE_SOURCES[\"retailer\"] in crmlearn.segmentation.",
    ],
    explanation="Consumers pay the retailer: for a retailer the paying customer and the end user are "
                "usually the same person.",
    wrong=["wholesalers", "retailers", "manufacturers"],
)

# --- q13: how many quality traits does customer X meet ---------------------------------------------
_X = """
    import pandas as pd
    from crmlearn.segmentation import quality_traits

    x = pd.DataFrame({
        "first_order_date": [pd.Timestamp("2016-03-01")],  # honest, prefers a long relationship
        "n_suppliers": [1],                 # concentrates its purchases with us
        "on_time_share": [1.0],             # pays on time
        "cost_to_serve_cny": [400.0], "monetary": [30000.0],   # simple to serve
        "price_sensitivity": [0.8],         # competitors are just as good: it buys on price
    }, index=pd.Index(["X"], name="customer_id"))
"""


def _x_traits():
    namespace: dict = {}
    exec(textwrap.dedent(_X), namespace)
    return int(namespace["quality_traits"](namespace["x"], as_of="2024-12-31").loc["X", "n_traits"])


q13 = NumberQuestion(
    chapter=CHAPTER, name="q13", title="Quality traits of customer X",
    prompt="""
        Customer X is honest and prefers long relationships, pays on time and concentrates its purchases
        with us, but thinks competitors are just as good. How many of the three traits of quality
        customers (优质客户) does X meet? Store the number in `x_traits`. (To check your reasoning in
        data, describe X in a one-row table and pass it to `crmlearn.segmentation.quality_traits`.)
    """,
    expected=_x_traits,
    solution_code=_X + """
    traits = quality_traits(x, as_of="2024-12-31")
    x_traits = traits.loc["X", "n_traits"]      # long_term and profitable, not sees_value
    """,
    answer_name="x_traits",
    hints=[
        "The three traits: (1) reliable and honest, preferring long relationships; (2) higher potential "
        "profit: concentrated buying, paying on time, simple service; (3) believes our offer is better.",
        "Tick them off one by one: X meets the first two; the third asks whether X sees our offer as "
        "better than the competitors'.",
    ],
    explanation="Two: X is reliable (trait 1) and profitable (trait 2), but does not believe our offer is "
                "better (trait 3). Such a customer stays while the price is right; winning trait 3 is the "
                "job of value and service.",
    tol=0, rtol=0,
    wrong=[3, 1, 0],
)
q13.starter = "x_traits = ____"

questions, progress, reset_progress = chapter_functions(CHAPTER)
