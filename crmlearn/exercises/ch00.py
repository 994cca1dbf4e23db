"""Exercises for chapter 0, the welcome tour (欢迎): first steps with the course data.

Warm-up questions on Huaxin Office Supplies (华信办公用品), one of each kind of answer:
a number, a label, a set, a share, a table and a function.

>>> from crmlearn.exercises import ch00
>>> [q.name for q in ch00.questions()]
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']
"""
from __future__ import annotations

from functools import lru_cache

from ._engine import (
    Case,
    CategoryQuestion,
    FunctionQuestion,
    NumberQuestion,
    SetQuestion,
    TableQuestion,
    chapter_functions,
)

CHAPTER = "ch00"


@lru_cache(maxsize=None)
def _table(name: str):
    """A course table, loaded once per session (read only: never modify the result)."""
    import crmlearn

    return crmlearn.load_dataset(name)


def _year(dates):
    import pandas as pd

    return pd.to_datetime(dates).dt.year


# --- q1: how many customers ---------------------------------------------------------------------
q1 = NumberQuestion(
    chapter=CHAPTER, name="q1", title="How many customers?",
    prompt="""
        How many customers does Huaxin have? Load the `customers` table with
        `crmlearn.load_dataset("customers")` and count its rows (one row per customer).
        Store the number in `n_customers`.
    """,
    expected=lambda: int(_table("customers")["customer_id"].nunique()),
    solution_code="""
        import crmlearn

        customers = crmlearn.load_dataset("customers")
        n_customers = len(customers)
    """,
    answer_name="n_customers",
    hints=[
        "Load the table first: customers = crmlearn.load_dataset(\"customers\").",
        "len(table) is the number of rows; table.shape gives (rows, columns).",
    ],
    explanation="The customers table has one row per customer, so its length is the number of customers. "
                "customers_raw, the messy CRM export, has more rows because it holds duplicate records.",
    tol=0,
    rtol=0,
    wrong=[lambda: len(_table("customers_raw")), lambda: len(_table("customers")) - 1],
)

# --- q2: the most common customer type -------------------------------------------------------------
NATURE_TYPES = ["retail", "business", "channel", "internal"]


def _most_common_nature():
    return str(_table("customers")["nature_type"].value_counts().idxmax())


def _least_common_nature():
    return str(_table("customers")["nature_type"].value_counts().idxmin())


q2 = CategoryQuestion(
    chapter=CHAPTER, name="q2", title="Most common customer type",
    prompt="""
        Customers are classified by nature (按客户性质分类) in the column `nature_type`:
        retail, business, channel or internal. Which type has the most customers?
        Store the label (e.g. "retail") in `top_type`.
    """,
    expected=_most_common_nature,
    choices=NATURE_TYPES,
    solution_code="""
        import crmlearn

        customers = crmlearn.load_dataset("customers")
        counts = customers["nature_type"].value_counts()
        top_type = counts.idxmax()
    """,
    answer_name="top_type",
    hints=[
        "customers[\"nature_type\"].value_counts() counts the customers of each type.",
        "value_counts() sorts from most to least common; .idxmax() returns the label with the largest count.",
    ],
    explanation="value_counts() counts each label; idxmax() picks the label, not the count. "
                "Chinese labels (零售客户, 商家, 渠道经销商, 内部客户) are accepted too.",
    wrong=[_least_common_nature, lambda: int(_table("customers")["nature_type"].value_counts().max())],
)

# --- q3: net revenue in 2024 ----------------------------------------------------------------------


def _net_revenue_2024():
    tx = _table("transactions")
    return float(tx.loc[_year(tx["order_date"]) == 2024, "amount"].sum())


q3 = NumberQuestion(
    chapter=CHAPTER, name="q3", title="Net revenue in 2024",
    prompt="""
        What was Huaxin's total net revenue in 2024, in CNY? Use the `transactions` table: `amount` is
        already net of discount and negative for returns, so returns reduce revenue. Only orders with an
        `order_date` in 2024 count. Store the number (to the nearest yuan is fine) in `revenue_2024`.
    """,
    expected=_net_revenue_2024,
    solution_code="""
        import pandas as pd
        import crmlearn

        tx = crmlearn.load_dataset("transactions")
        year = pd.to_datetime(tx["order_date"]).dt.year
        revenue_2024 = tx.loc[year == 2024, "amount"].sum()
    """,
    answer_name="revenue_2024",
    hints=[
        "Turn order_date into dates with pd.to_datetime(...) and take .dt.year.",
        "Select the 2024 rows with tx.loc[year == 2024, \"amount\"] and .sum() them; keep the returns in.",
    ],
    explanation="Net revenue sums every amount of the year, returns included (they are negative). "
                "Leaving the returns out overstates revenue.",
    tol=1.0,
    wrong=[
        lambda: float(_table("transactions")["amount"].sum()),  # both years
        lambda: float(_table("transactions").loc[(_year(_table("transactions")["order_date"]) == 2024)
                                                 & ~_table("transactions")["is_return"].astype(bool),
                                                 "amount"].sum()),  # returns left out
        lambda: str(round(_net_revenue_2024())),  # a number as text
    ],
)

# --- q4: the product lines ------------------------------------------------------------------------


def _product_lines():
    return sorted(_table("transactions")["product_line"].dropna().unique().tolist())


q4 = SetQuestion(
    chapter=CHAPTER, name="q4", title="Which product lines?",
    prompt="""
        Which product lines does Huaxin sell? Give the distinct values of `product_line` in the
        `transactions` table, as a list or set (order does not matter). Store them in `lines`.
    """,
    expected=_product_lines,
    solution_code="""
        import crmlearn

        tx = crmlearn.load_dataset("transactions")
        lines = set(tx["product_line"].unique())
    """,
    answer_name="lines",
    hints=[
        "A column's distinct values: .unique().",
        "set(tx[\"product_line\"].unique()) gives them without repeats.",
    ],
    explanation="unique() lists each value once; a set ignores order, which is what this question asks for.",
    wrong=[lambda: _product_lines()[:-1], lambda: _product_lines() + ["toys"], lambda: _product_lines()[0]],
)

# --- q5: share of inactive customers --------------------------------------------------------------


def _inactive_share():
    return float((_table("customers")["status"] == "inactive").mean())


q5 = NumberQuestion(
    chapter=CHAPTER, name="q5", title="Share of inactive customers",
    prompt="""
        What share of customers is inactive (`status` is "inactive": no order in the last 365 days)?
        Give a share between 0 and 1 (e.g. 0.25, not 25%), to 3 decimals. Store it in `inactive_share`.
    """,
    expected=_inactive_share,
    solution_code="""
        import crmlearn

        customers = crmlearn.load_dataset("customers")
        inactive_share = (customers["status"] == "inactive").mean()
    """,
    answer_name="inactive_share",
    hints=[
        "customers[\"status\"] == \"inactive\" gives True/False per customer.",
        "The mean of True/False values is the share of True: (...).mean().",
    ],
    explanation="The mean of a True/False column is the share of True values: a quick way to get a rate.",
    tol=0.0005,
    wrong=[lambda: 100 * _inactive_share(),
           lambda: int((_table("customers")["status"] == "inactive").sum())],
)

# --- q6: customers per region (a table) -----------------------------------------------------------


def _customers_per_region():
    return _table("customers").groupby("region").size()


q6 = TableQuestion(
    chapter=CHAPTER, name="q6", title="Customers per region",
    prompt="""
        How many customers are there in each region? Give a Series indexed by `region`
        with the number of customers in each. Store it in `per_region`.
    """,
    expected=_customers_per_region,
    solution_code="""
        import crmlearn

        customers = crmlearn.load_dataset("customers")
        per_region = customers["region"].value_counts()
    """,
    answer_name="per_region",
    hints=[
        "value_counts() on the region column counts customers per region.",
        "customers[\"region\"].value_counts() (or customers.groupby(\"region\").size()).",
    ],
    explanation="value_counts() and groupby(...).size() both give one count per region, indexed by region.",
    wrong=[lambda: _table("customers")["region"].value_counts(normalize=True),
           lambda: _table("customers")["city_tier"].value_counts(),
           lambda: _table("customers")["region"].value_counts().reset_index()],
)

# --- q7: a function -------------------------------------------------------------------------------


def _revenue_by_line(transactions):
    return transactions.groupby("product_line")["amount"].sum()


def _revenue_cases():
    import pandas as pd

    tx = _table("transactions")
    tiny = pd.DataFrame({
        "order_id": ["O1", "O2", "O3", "O4"],
        "product_line": ["paper", "paper", "software", "paper"],
        "amount": [100.0, 50.0, 300.0, -20.0],
        "is_return": [False, False, False, True],
    })
    return [Case(tiny, label="a four-row table with one return"),
            Case(tx.head(500).copy(), label="the first 500 transactions"),
            Case(tx.copy(), label="all transactions")]


def _wrong_no_returns(transactions):
    kept = transactions[~transactions["is_return"].astype(bool)]
    return kept.groupby("product_line")["amount"].sum()


def _wrong_mutates(transactions):
    transactions["line"] = transactions["product_line"]
    return transactions.groupby("line")["amount"].sum()


q7 = FunctionQuestion(
    chapter=CHAPTER, name="q7", title="A function: revenue by product line",
    prompt="""
        Write a function `revenue_by_line(transactions)` that takes a transactions table and returns a
        Series indexed by `product_line` with the net revenue (sum of `amount`, returns included) of each
        line. It must work on any such table and must not change the table it is given.
    """,
    reference=_revenue_by_line,
    cases=_revenue_cases,
    solution_code="""
        def revenue_by_line(transactions):
            return transactions.groupby("product_line")["amount"].sum()
    """,
    answer_name="revenue_by_line",
    hints=[
        "Group the rows by product_line, then sum amount within each group.",
        "return transactions.groupby(\"product_line\")[\"amount\"].sum()",
    ],
    explanation="groupby(...)[column].sum() is the workhorse of customer analytics: the same pattern "
                "gives revenue per customer, per region or per month. It returns a new table and leaves "
                "its input untouched, as every crmlearn function does.",
    wrong=[_wrong_no_returns, _wrong_mutates, lambda transactions: transactions["amount"].sum()],
)

questions, progress, reset_progress = chapter_functions(CHAPTER)
