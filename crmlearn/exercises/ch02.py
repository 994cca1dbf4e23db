"""Exercises for chapter 2, knowing, selecting and segmenting customers (认识、选择与细分客户).

Huaxin Office Supplies' customers by nature, by the four segmentation bases and by k-means; who
provides the revenue along a supply chain; the traits of quality customers; retention. The expected answers are computed with
:mod:`crmlearn.segmentation` and :mod:`crmlearn.customers` on the course data.

>>> from crmlearn.exercises import ch02
>>> len(ch02.questions()) >= 10
True
"""
from __future__ import annotations

import textwrap
from functools import lru_cache

from ._engine import (
    LazyList,
    teach,
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
#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = textwrap.dedent(_LOAD).strip("\n") + '\npayments = crmlearn.load_dataset("payments")\n'
from ._placeholder import ____  # noqa: E402,F401  (``ex.____`` in the starter cells)


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
def _margin_by_nature():
    from crmlearn.segmentation import nature_summary

    return nature_summary(_cust(), value="margin")


@lru_cache(maxsize=None)
def _by_nature():
    from crmlearn.segmentation import nature_summary

    return nature_summary(_cust(), value="monetary")


# --- q1: the type with the highest revenue per customer -----------------------------------------
def _returns_per_customer():
    return _cust().groupby("nature_type", observed=True)["return_amount"].mean()


def _returns_share():
    c = _cust()
    return c.groupby("nature_type", observed=True)["return_amount"].sum() / c["return_amount"].sum()


q1 = CategoryQuestion(
    chapter=CHAPTER, name="q1", title="Which type returns the most per customer?",
    prompt="""
        Returns cost Huaxin handling and goodwill. Which customer type by nature (retail, business,
        channel or internal) has the highest average **returned amount per customer** in 2023-2024
        (`return_amount` in `cust`)? Store the label in `top_return_type`.
    """,
    expected=lambda: str(_returns_per_customer().idxmax()),
    choices=NATURE_TYPES,
    solution_code="""
        per_customer = cust.groupby("nature_type", observed=True)["return_amount"].mean()
        top_return_type = per_customer.idxmax()
    """,
    answer_name="top_return_type",
    hints=["Group cust by nature_type and average return_amount.",
           "Take the label of the largest average with .idxmax()."],
    explanation="Large returns per customer come with large orders: the types that buy the most per "
                "customer also send the most back.",
)

# --- q2: share of returns from retail customers ---------------------------------------------------
q2 = NumberQuestion(
    chapter=CHAPTER, name="q2", title="Retail customers' share of returns",
    prompt="""
        What share of all returned amounts (sum of `return_amount` in `cust`) comes from retail
        customers (individuals and households, `nature_type == "retail"`)? Give a share between 0 and 1, to 3 decimals.
        Store it in `retail_return_share`.
    """,
    expected=lambda: float(_returns_share().loc["retail"]),
    solution_code="""
        by_type = cust.groupby("nature_type", observed=True)["return_amount"].sum()
        retail_return_share = by_type["retail"] / by_type.sum()
    """,
    answer_name="retail_return_share",
    hints=["Sum return_amount per nature_type.",
           "Divide the retail customers' sum by the total of all types."],
    explanation="Compare the share of returns with the share of revenue: a type that returns more than "
                "its share of revenue deserves a look at its orders.",
    tol=0.0005,
)

# --- q3: customers in a region and city tier -----------------------------------------------------


def _north_tier1():
    c = _table("customers")
    return int(((c["region"] == "North") & (c["city_tier"] == "tier1") & (c["status"] == "active")).sum())


q3 = NumberQuestion(
    chapter=CHAPTER, name="q3", title="Customers in North-region tier-1 cities",
    prompt="""
        Geographic segmentation: how many **active** Huaxin customers (`status == "active"`) are in a
        **tier-1 city of the North region** (`region == "North"` and `city_tier == "tier1"` in `customers`)?
        Store the number in `n_north_tier1`.
    """,
    expected=_north_tier1,
    solution_code="""
        from crmlearn.segmentation import segment_by

        active = customers[customers["status"] == "active"]
        cells = segment_by(active, by=["region", "city_tier"], value=None)
        n_north_tier1 = cells.loc[("North", "tier1"), "customers"]
    """,
    answer_name="n_north_tier1",
    hints=[
        "Both conditions must hold: combine them with &.",
        "((customers[\"region\"] == \"North\") & (customers[\"city_tier\"] == \"tier1\")).sum(), or "
        "segment_by(customers, by=[\"region\", \"city_tier\"], value=None).",
    ],
    explanation="segment_by with two columns gives one row per region and tier (a MultiIndex): the "
                "cross-tab of a geographic segmentation.",
    tol=0, rtol=0,
    wrong=[lambda: int((_table("customers")["city_tier"] == "tier1").sum()),
           lambda: int((_table("customers")["region"] == "North").sum())],
)


# --- q4: behaviour segment with the highest average order value ----------------------------------


def _aov_by_behaviour():
    from crmlearn.segmentation import behaviour_segments

    b = behaviour_segments(_cust(), min_frequent=5)
    g = b.groupby("behaviour_segment", observed=True)
    return g["monetary"].sum() / g["frequency"].sum()


q4 = CategoryQuestion(
    chapter=CHAPTER, name="q4", title="Richest behaviour segment at 10 orders",
    prompt="""
        Huaxin's marketing team can run one loyalty offer and wants to aim it at the behaviour segment
        whose customers are worth the most each. With a stricter cut-off, label customers one-time (1 order), repeat
        (2-9) or frequent (**10 or more** orders in 2023-2024) with
        `crmlearn.segmentation.behaviour_segments(cust, min_frequent=10)`. Which segment has the highest
        average net revenue **per customer** (`monetary`), i.e. which segment should the offer target?
        Store the label in `top_segment`.
    """,
    expected=lambda: str(_value_by_behaviour(10).idxmax()),
    choices=["one-time", "repeat", "frequent"],
    synonyms={"one-time": ["one time", "onetime", "one-off", "一次性"], "frequent": ["经常"],
              "repeat": ["重复"]},
    solution_code="""
        from crmlearn.segmentation import behaviour_segments

        behaviour = behaviour_segments(cust, min_frequent=10)
        top_segment = behaviour.groupby("behaviour_segment", observed=True)["monetary"].mean().idxmax()
    """,
    answer_name="top_segment",
    hints=["behaviour_segments(cust, min_frequent=10) adds the column behaviour_segment.",
           "Average monetary per segment and take .idxmax()."],
    explanation="Per order the one-time group buyers are the biggest; per customer, over two years, the "
                "frequent buyers are: which measure you rank by changes the answer.",
)


def _value_by_behaviour(frequent: int):
    from crmlearn.segmentation import behaviour_segments

    return behaviour_segments(_cust(), min_frequent=frequent).groupby("behaviour_segment", observed=True)["monetary"].mean()


def _retail_by_region():
    c = _cust()
    return c[c["nature_type"] == "retail"].groupby("region", observed=True)["monetary"].mean()


REGIONS = ["East", "North", "South", "Central", "Southwest", "Northwest", "Northeast"]

q5 = CategoryQuestion(
    chapter=CHAPTER, name="q5", title="Best region for retail buyers",
    prompt="""
        Geographic segmentation of the retail buyers: which region (`region`) has the highest average
        net revenue (`monetary`) per **retail** customer? Store the region in `best_retail_region`.
    """,
    expected=lambda: str(_retail_by_region().idxmax()),
    choices=REGIONS,
    solution_code="""
        retail = cust[cust["nature_type"] == "retail"]
        best_retail_region = retail.groupby("region", observed=True)["monetary"].mean().idxmax()
    """,
    answer_name="best_retail_region",
    hints=["Keep the retail customers first.", "Average monetary per region; .idxmax() gives the region."],
    explanation="A regional campaign for private buyers starts where each buyer brings the most.",
)

# --- q6: best k by silhouette --------------------------------------------------------------------
K_FEATURES = ["recency_days", "monetary"]


def _best_k():
    from crmlearn.segmentation import choose_k

    return int(choose_k(_cust(), features=K_FEATURES, k_range=range(2, 9), log=True).attrs["best_k"])


q6 = NumberQuestion(
    chapter=CHAPTER, name="q6", title="Best k by silhouette",
    prompt="""
        k-means on two behaviour features, `recency_days` and `monetary` (from summarize_customers),
        with the log taken and the features standardised: which number of segments k from 2 to 8 has the
        highest silhouette? Use `crmlearn.segmentation.choose_k(cust, features=[...],
        k_range=range(2, 9), log=True)` with its default seed. Store k in `best_k`.
    """,
    expected=_best_k,
    solution_code="""
    from crmlearn.segmentation import choose_k

    k_table = choose_k(cust, features=["recency_days", "monetary"], k_range=range(2, 9), log=True)
    best_k = k_table["silhouette"].idxmax()      # also in k_table.attrs["best_k"]
    """,
    answer_name="best_k",
    hints=[
        "choose_k returns one row per k with `inertia` and `silhouette`.",
        "The best k by silhouette is k_table[\"silhouette\"].idxmax(); the inertia always falls as k grows, "
        "so its minimum is not an answer.",
    ],
    explanation="Which k is 'best' depends on the features you cluster on: compare with the chapter's "
                "choice on its own features.",
    tol=0, rtol=0,
    wrong=[2, 8, lambda: float(_best_k()) + 1],
)

# --- q7: share of customers with all three quality traits ----------------------------------------


@lru_cache(maxsize=None)
def _traits():
    """Number of quality traits per customer, as in the notebook (read only)."""
    from crmlearn.segmentation import quality_traits

    return quality_traits(_cust(), payments=_table("payments"), cost_periods=2)["n_traits"]


def _business():
    return _cust()["nature_type"] == "business"


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
    return float((traits.sum(axis=1) == 2)[_business()].mean())


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

        Among the **business customers** (`nature_type == "business"`), what share meets **exactly two**
        of the three traits? Give a share (0-1), 3 decimals. Store it in `two_traits_share`.
    """,
    expected=lambda: float((_traits()[_business()] == 2).mean()),
    solution_code="""
    from crmlearn.segmentation import quality_traits

    payments = crmlearn.load_dataset("payments")
    traits = quality_traits(cust, payments=payments, cost_periods=2)
    business = cust["nature_type"] == "business"
    two_traits_share = (traits.loc[business, "n_traits"] == 2).mean()
    """,
    answer_name="two_traits_share",
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

# --- q8: classify four examples by nature --------------------------------------------------------


def _examples():
    import pandas as pd

    return pd.DataFrame({
        "is_internal": [False, False, True, False],
        "is_agent": [False, False, False, True],
        "adds_to_offering": [True, False, False, False],
    })


def _example_types():
    from crmlearn.segmentation import classify_by_nature

    return [str(t) for t in classify_by_nature(_examples())["nature_type"]]


q8 = ListQuestion(
    chapter=CHAPTER, name="q8", title="Classify four buyers by nature",
    prompt="""
        Classify each buyer by nature (retail, business, channel or internal):
        (a) a hotel chain that buys Huaxin's notepads and pens to put in its rooms as part of the stay it
        sells; (b) a retired teacher buying a printer for her flat; (c) Huaxin's own accounting department
        ordering toner through the staff portal; (d) an agent in Urumqi licensed to sell Huaxin's range in
        Xinjiang. Give a list of four labels in the order a-d. Store it in `types`.
    """,
    expected=_example_types,
    synonyms={"channel": ["licensed agent", "agent", "持牌代理人", "渠道经销商与持牌代理人"]},
    solution_code="""
        import pandas as pd
        from crmlearn.segmentation import classify_by_nature

        buyers = pd.DataFrame({
            "is_internal": [False, False, True, False],      # a unit inside the firm?
            "is_agent": [False, False, False, True],         # buys to resell as our local representative?
            "adds_to_offering": [True, False, False, False], # builds it into its own offer and sells on?
        })
        types = classify_by_nature(buyers)["nature_type"].tolist()
    """,
    answer_name="types",
    hints=[
        "Ask three questions in order: is the buyer inside the firm? does it resell as our local "
        "representative? does it build our product into its own offer?",
        "Who builds the goods into something it sells? Who uses them itself? Who is part of Huaxin?",
    ],
    explanation="A buyer that adds our product to the offer it sells is a business customer (商家); a "
                "licensed local reseller is channel (渠道经销商与持牌代理人); a unit of the firm is internal.",
    wrong=[["retail", "business", "business", "internal"], ["retail", "channel", "channel", "internal"],
           ["retail", "business", "channel", "business"]],
)

# --- q9: retention rate 2023 -> 2024 -------------------------------------------------------------


def _business_tx():
    tx, c = _table("transactions"), _table("customers")
    return tx[tx["customer_id"].isin(c.loc[c["nature_type"] == "retail", "customer_id"])]


def _retention():
    from crmlearn.retention import churn_rate

    return float(churn_rate(_business_tx(), freq="Y")["retention_rate"].iloc[0])



def _retention_every_row():
    """The typical slip: a return or a lost bid in 2024 counted as buying again."""
    from crmlearn.retention import churn_rate

    yearly = churn_rate(_business_tx(), freq="Y", is_return=None, tender=None, amount=None)
    return float(yearly["retention_rate"].iloc[0])


q9 = NumberQuestion(
    chapter=CHAPTER, name="q9", title="Retention rate 2023 to 2024",
    prompt="""
        Quality customers raise the retention rate (客户保持率). What is the yearly retention rate of
        Huaxin's retail customers: of the retail customers who bought at least once in 2023, what share bought again in 2024? Use the
        `transactions` of the **retail customers** only (`nature_type == "retail"`); a customer
        *bought* in a year when it has a purchase that year: returns
        (`is_return`) and lost tenders (`tender_result == "lost"`) are not purchases.
        Give a share (0-1), 3 decimals. Store it in `retention_2023`.
    """,
    expected=_retention,
    solution_code="""
        import crmlearn
        from crmlearn.retention import churn_rate

        retail_ids = customers.loc[customers["nature_type"] == "retail", "customer_id"]
        yearly = churn_rate(tx[tx["customer_id"].isin(retail_ids)], freq="Y")   # purchases only
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


# --- q10: a function ------------------------------------------------------------------------------


def _frequent_share(summary, threshold=5):
    return float((summary["frequency"] >= threshold).mean())


def _frequent_cases():
    import pandas as pd

    nine = pd.DataFrame({"frequency": [4, 7, 1, 3, 7, 2, 11, 1]})
    cust = _cust()[["frequency", "monetary"]].copy()
    return [Case(nine, label="eight customers, threshold 5"),
            Case(nine.copy(), 7, label="eight customers, threshold 7"),
            Case(cust, 3, label="Huaxin's customers, threshold 3"),
            Case(cust.copy(), threshold=15, label="Huaxin's customers, threshold=15")]


q10 = FunctionQuestion(
    chapter=CHAPTER, name="q10", title="A function: share of frequent buyers",
    prompt="""
        Write a function `frequent_share(summary, threshold=5)` that takes a customer table with a
        `frequency` column (orders per customer) and returns the share of customers (0-1) with **at least**
        `threshold` orders: the frequent buyers of behaviour segmentation. It must not change its input.
        (Try it on the chapter's twelve customers first.)
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


def _manufacturer_must_stimulate():
    from crmlearn.segmentation import REVENUE_SOURCES

    # the source: a manufacturer that fails to stimulate end-consumer demand loses its retailers;
    # the end consumers are who pays the last link of the chain
    return list(REVENUE_SOURCES["retailer"])


q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title="Whose demand must a paper mill win?",
    prompt="""
        A paper mill sells all its copy paper to wholesalers; it never meets the people who use the paper.
        Its sales director says: "our customers are the wholesalers, the rest is not our business."
        Following the chapter's reasoning on revenue sources along the supply chain, whose demand must
        the mill still stimulate, or its retailers will stop stocking the paper: manufacturers,
        wholesalers, retailers or consumers? Store the label in `must_win`.
    """,
    expected=_manufacturer_must_stimulate,
    choices=["manufacturers", "wholesalers", "retailers", "consumers"],
    synonyms=PARTIES,
    solution_code="""
        from crmlearn.segmentation import REVENUE_SOURCES

        # the last link of the chain: who pays the retailers?
        must_win = REVENUE_SOURCES["retailer"][0]
    """,
    answer_name="must_win",
    hints=["Follow the paper down the chain: mill, wholesaler, retailer, and then?",
           "If the people at the end stop asking for the paper, the retailers stop ordering it."],
    explanation="A manufacturer that does not stimulate the end consumers' demand loses its appeal to "
                "retailers, and with them its wholesalers' orders.",
)


def _retailer_payers():
    from crmlearn.segmentation import REVENUE_SOURCES

    return list(REVENUE_SOURCES["retailer"])


q12 = CategoryQuestion(
    chapter=CHAPTER, name="q12", title="Who pays a stationery shop?",
    prompt="""
        A stationery shop chain in Chengdu buys from Huaxin and sells over the counter. When the chain
        studies *its own* customer groups, who provides its revenue: manufacturers, wholesalers,
        retailers or consumers? Store the label in `shop_payers`.
    """,
    expected=_retailer_payers,
    choices=["manufacturers", "wholesalers", "retailers", "consumers"],
    synonyms=PARTIES,
    solution_code="""
        from crmlearn.segmentation import REVENUE_SOURCES

        shop_payers = REVENUE_SOURCES["retailer"][0]   # the chain is a retailer
    """,
    answer_name="shop_payers",
    hints=["First decide the chain's position in the supply chain.",
           "Who walks into a shop and pays at the till?"],
    explanation="For a retailer the paying customer and the end user are usually the same person.",
)


# --- q13: how many quality traits does customer X meet ---------------------------------------------
_X = """
    import pandas as pd
    from crmlearn.segmentation import quality_traits

    x = pd.DataFrame({
        "first_order_date": [pd.Timestamp("2023-05-01")],  # a new customer
        "n_suppliers": [3],                 # splits its purchases among three suppliers
        "on_time_share": [0.5],             # pays half of its invoices late
        "cost_to_serve_cny": [400.0], "monetary": [30000.0],   # simple to serve
        "price_sensitivity": [0.2],         # believes our offer is clearly the best
    }, index=pd.Index(["X"], name="customer_id"))
"""


def _x_traits():
    namespace: dict = {}
    exec(textwrap.dedent(_X), namespace)
    return int(namespace["quality_traits"](namespace["x"], as_of="2024-12-31").loc["X", "n_traits"])


q13 = NumberQuestion(
    chapter=CHAPTER, name="q13", title="Quality traits of customer X",
    prompt="""
        Customer X first ordered in May 2023, splits its purchases among three suppliers and pays half of
        its invoices late, but believes Huaxin's offer is clearly better than the competitors'. How many of the three traits of quality
        customers (优质客户) does X meet? Store the number in `x_traits`. (To check your reasoning in
        data, describe X in a one-row table and pass it to `crmlearn.segmentation.quality_traits`.)
    """,
    expected=_x_traits,
    solution_code=_X + """
    traits = quality_traits(x, as_of="2024-12-31")
    x_traits = traits.loc["X", "n_traits"]
    """,
    answer_name="x_traits",
    hints=[
        "The three traits: (1) reliable and honest, preferring long relationships; (2) higher potential "
        "profit: concentrated buying, paying on time, simple service; (3) believes our offer is better.",
        "Tick them off one by one; trait 2 needs all of its parts (concentrated buying AND paying on time).",
    ],
    explanation="A customer who values the offer but is new and buys from several suppliers is a "
                "prospect to develop: trait 3 is there, traits 1 and 2 are the job of the relationship.",
    tol=0, rtol=0,
    wrong=[3, 1, 0],
)


# --- q14: pick the customers that fit a rule --------------------------------------------------------


def churn_rate_all():
    from crmlearn.retention import churn_rate

    return churn_rate(_table("transactions"), freq="Y")["retention_rate"].iloc[0]


def _panel():
    """Twelve business customers the chapter does not show (the 201st to 212th business customer)."""
    return [str(i) for i in _cust().index[_business()][200:212]]


def _at_least_two():
    t = _traits()
    return [i for i in _panel() if t.loc[i] >= 2]


q14 = SetQuestion(
    chapter=CHAPTER, name="q14", title="Which of twelve customers are near-quality?",
    prompt="""
        Huaxin's key-account team can visit a few business customers this month and wants those that meet
        **at least two** of the three quality traits (measured as in question 7). Which of these twelve
        customers fit: `ex.PANEL` (run `print(ex.PANEL)`)? Store their ids as a list in `visit`.
    """,
    expected=_at_least_two,
    solution_code="""
        from crmlearn.segmentation import quality_traits

        traits = quality_traits(cust, payments=payments, cost_periods=2)
        panel = traits.loc[ex.PANEL]
        visit = list(panel.index[panel["n_traits"] >= 2])
    """,
    answer_name="visit",
    hints=["quality_traits(cust, payments=payments, cost_periods=2) gives n_traits per customer.",
           "Select the twelve rows with .loc[ex.PANEL] and keep those with n_traits >= 2."],
    explanation="A rule that picks customers is only as good as its measures: check the traits one by one "
                "for a customer you know before trusting the list.",
)


def _only_three():
    t = _traits()
    return [i for i in _panel() if t.loc[i] == 3]


def _more_than_two_cp1():
    from crmlearn.segmentation import quality_traits

    t = quality_traits(_cust(), payments=_table("payments"))["n_traits"]
    return [i for i in _panel() if t.loc[i] >= 2]


# --- teaching parts: setup, judgements, targeted messages, leak contexts ------------------------------
_AVG = lambda: _by_nature()["avg_value"]  # noqa: E731
teach(q1, setup=SETUP, leak_context=["return"], starter="top_return_type = ex.____", mistakes=[
    (lambda: str(_cust().groupby("nature_type", observed=True)["return_amount"].sum().idxmax()),
     "That type returns the most in total, because it has many customers; average per customer."),
    (lambda: str(_by_nature()["avg_value"].idxmax()) if str(_by_nature()["avg_value"].idxmax())
     != str(_returns_per_customer().idxmax()) else "internal",
     "That is the type that buys the most per customer (or a guess); the question is about returns."),
    (lambda: float(_returns_per_customer().max()), "Give the label of the type, not its average."),
])
teach(q2, setup=SETUP, starter="retail_return_share = ex.____", mistakes=[
    (lambda: float(_by_nature().loc["retail", "value_share"]),
     "That is the retail customers' share of revenue; the question asks for their share of returns."),
    (lambda: float(_by_nature().loc["retail", "customer_share"]),
     "That is the share of customers who are retail customers, not their share of returns."),
    (lambda: 100 * float(_returns_share().loc["retail"]),
     "That looks like a percentage; give a share between 0 and 1."),
])
teach(q3, setup=SETUP, starter="n_north_tier1 = ex.____", mistakes=[
    (lambda: int(((_table("customers")["region"] == "North") & (_table("customers")["city_tier"] == "tier1")).sum()),
     "You counted every customer in North tier-1 cities; keep only the active ones."),
    (lambda: int(((_table("customers")["city_tier"] == "tier1") & (_table("customers")["status"] == "active")).sum()),
     "You counted the active tier-1 customers of every region; add the condition on the region."),
    (lambda: int(((_table("customers")["region"] == "North") & (_table("customers")["status"] == "active")).sum()),
     "You counted the active customers of the whole North region; add the condition on the city tier."),
])
teach(q4, setup=SETUP, judgement=True, leak_context=["10 or more"], starter="top_segment = ex.____", mistakes=[
    ("one-time", "One-time buyers have the largest orders, but per customer over two years the picture differs: "
                 "average monetary per customer, not per order."),
    (lambda: str(_value_by_behaviour(5).idxmax()) if str(_value_by_behaviour(5).idxmax())
     != str(_value_by_behaviour(10).idxmax()) else "repeat",
     "Check the cut-off (10 orders) and rank the segments by average monetary per customer."),
])
teach(q5, setup=SETUP, leak_context=["retail", "region", "per customer"], starter="best_retail_region = ex.____",
      mistakes=[
    (lambda: str(_cust().groupby("region", observed=True)["monetary"].mean().idxmax())
     if str(_cust().groupby("region", observed=True)["monetary"].mean().idxmax()) != str(_retail_by_region().idxmax())
     else "Southwest",
     "That region is the best across all customers (or one of the weakest for private buyers); keep only the "
     "retail customers."),
    (lambda: str(_retail_by_region().idxmin()),
     "That region has the lowest average per retail customer; the question asks for the highest."),
])
teach(q6, setup=SETUP, starter="from crmlearn.segmentation import choose_k\n\nbest_k = ex.____", mistakes=[
    (lambda: 8 if _best_k() != 8 else 7,
     "The inertia always falls as k grows, so its minimum is at the largest k; use the silhouette."),
    (lambda: 2 if _best_k() != 2 else 3,
     "Check the features: the question clusters on recency_days and monetary, not the chapter's features."),
])
teach(q7, setup=SETUP, starter="from crmlearn.segmentation import quality_traits\n\ntwo_traits_share = ex.____",
      mistakes=[
    (lambda: float((_traits() == 2).mean()),
     "That is the share among all customers; keep only the business customers."),
    (lambda: float((_traits()[_business()] >= 2).mean()),
     "That counts customers with at least two traits; the question asks for exactly two."),
    (_traits_open_invoices_late,
     "An unpaid invoice that is not yet due at 2024-12-31 is not late: leave it out of the on-time share."),
])
teach(q8, setup=SETUP, judgement=True, choices=NATURE_TYPES, leak_context=["hotel", "Urumqi"],
      starter="types = ex.____", mistakes=[
    (lambda: ["retail" if t == "business" else t for t in _example_types()],
     "A buyer that puts the goods into the offer it sells (here, the stay) is not a final consumer."),
    (lambda: ["business" if t == "channel" else t for t in _example_types()],
     "A licensed local reseller of our range is a channel customer, not a business customer."),
    (lambda: ["business" if t == "internal" else t for t in _example_types()],
     "A department of Huaxin itself is an internal customer, even if it orders like a company."),
])
teach(q9, setup=SETUP, starter="from crmlearn.retention import churn_rate\n\nretention_2023 = ex.____", mistakes=[
    (lambda: 1 - _retention(), "That is the churn rate (the share lost); retention is the share kept."),
    (lambda: float(churn_rate_all()),
     "That is the retention rate of all customers; keep only the retail customers' transactions."),
    (lambda: float((_table("customers").query("nature_type == 'retail'")["status"] == "active").mean()),
     "That is the share of retail customers marked active today, not the share of 2023 buyers who bought "
     "again in 2024."),
])
teach(q10, setup=SETUP, starter="def frequent_share(summary, threshold=5):\n    # your code here\n    return ex.____",
      mistakes=[
    (lambda summary, threshold=5: float((summary["frequency"] > threshold).mean()),
     "'At least threshold' includes a customer with exactly threshold orders: use >=, not >."),
    (lambda summary, threshold=5: int((summary["frequency"] >= threshold).sum()),
     "Your function returns a count; a share between 0 and 1 is expected (divide by the number of customers)."),
    (lambda summary, threshold=5: float((summary["frequency"] >= 5).mean()),
     "Your function ignores its threshold argument (it always uses 5)."),
])
teach(q11, setup=SETUP, judgement=True, leak_context=["paper mill"], starter="must_win = ex.____", mistakes=[
    ("wholesalers", "The wholesalers pay the mill, but the question asks whose demand keeps the retailers "
                    "stocking the paper: look further down the chain."),
    ("retailers", "The retailers stock the paper only while someone asks for it: who is that?"),
    ("manufacturers", "The mill is the manufacturer itself; look down the chain, not up."),
])
teach(q12, setup=SETUP, judgement=True, leak_context=["stationery shop"], starter="shop_payers = ex.____", mistakes=[
    ("wholesalers", "Wholesalers are who the chain buys from; the question asks who pays the chain."),
    ("retailers", "The chain is the retailer; its revenue comes from the people it sells to."),
])
teach(q13, setup=SETUP, judgement=True, starter="x_traits = ex.____", mistakes=[
    (lambda: _x_traits() + 1,
     "Trait 2 needs all of its parts: concentrated buying and paying on time, not just a simple service."),
    (lambda: 3, "A customer since 2023 is not yet a long-term customer, and X spreads its purchases."),
    (lambda: 0, "X does believe our offer is better than the competitors': that is one of the traits."),
])
teach(q14, setup=SETUP, judgement=True, starter="visit = ex.____", mistakes=[
    (_only_three, "You kept only the customers with all three traits; the rule is at least two."),
    (lambda: list(_panel()), "Not every one of the twelve fits: check n_traits customer by customer."),
])

#: The twelve customers of q14.
PANEL = LazyList(_panel)

questions, progress, reset_progress = chapter_functions(CHAPTER)
