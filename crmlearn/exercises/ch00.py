"""Exercises for chapter 0, the welcome tour (欢迎): first steps with the course data.

Warm-up questions on Huaxin Office Supplies (华信办公用品), one of each kind of answer (a number,
a label, a set, a table, a function), about 2023 and about things the chapter does not print:
the chapter shows the method, the exercises ask you to use it on another year or another column.

>>> from crmlearn.exercises import ch00
>>> len(ch00.questions()) >= 7
True
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
from ._placeholder import ____  # noqa: F401  (``ex.____`` in the starter cells)

CHAPTER = "ch00"

#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = """
import pandas as pd
import crmlearn

customers = crmlearn.load_dataset("customers")
tx = crmlearn.load_dataset("transactions")
orders = tx[tx["tender_result"] != "lost"]       # a lost tender is a bid, not a sale
year = orders["order_date"].dt.year
"""
#: A fall of more than this share from 2023 to 2024 is a "sharp fall" (q5).
SHARP_FALL = 0.10
#: The top fraction and the share of revenue that q4 tests in 2023 alone.
TOP, CLAIMED_SHARE = 0.2, 0.75


@lru_cache(maxsize=None)
def _table(name: str):
    """A course table, loaded once per session (read only: never modify the result)."""
    import crmlearn

    return crmlearn.load_dataset(name)


@lru_cache(maxsize=None)
def _orders():
    tx = _table("transactions")
    return tx[tx["tender_result"] != "lost"]


def _in_year(y: int, *, returns: bool = True):
    o = _orders()
    keep = o["order_date"].dt.year == y
    if not returns:
        keep &= ~o["is_return"].astype(bool)
    return o[keep]


def _q(**kw):
    kw.setdefault("setup", SETUP)
    return kw


# --- q1: customers who ordered in 2023 -----------------------------------------------------------
q1 = NumberQuestion(**_q(
    chapter=CHAPTER, name="q1", title="Customers who bought in 2023",
    prompt="""
        How many different customers placed at least one order in **2023**? Use `orders` and `year`
        from the setup cell (`customer_id` says who ordered). Store the number in `n_buyers_2023`.
    """,
    expected=lambda: int(_in_year(2023)["customer_id"].nunique()),
    solution_code="""
        n_buyers_2023 = orders.loc[year == 2023, "customer_id"].nunique()
    """,
    answer_name="n_buyers_2023",
    hints=["Keep the 2023 rows first: orders[year == 2023].",
           "One customer has many order lines: count the distinct ids with .nunique()."],
    explanation="An order table has one row per order line; the number of customers is the number of "
                "distinct customer ids, not the number of rows.",
    tol=0, rtol=0,
    wrong=[(lambda: int(len(_in_year(2023))),
            "You counted order lines, not customers: most customers order many times. Count the distinct ids."),
           (lambda: int(_orders()["customer_id"].nunique()),
            "That counts the customers of both years (or the whole customer master); keep only the rows "
            "with an order date in 2023.")],
    starter="n_buyers_2023 = ex.____",
))

# --- q2: net revenue 2023 -------------------------------------------------------------------------
q2 = NumberQuestion(**_q(
    chapter=CHAPTER, name="q2", title="Net revenue in 2023",
    prompt="""
        What was Huaxin's net revenue in **2023**, in CNY? `amount` is net of discounts and negative
        for returns, so returns reduce revenue. Store the number (to the nearest yuan) in `revenue_2023`.
    """,
    expected=lambda: float(_in_year(2023)["amount"].sum()),
    solution_code="""
        revenue_2023 = orders.loc[year == 2023, "amount"].sum()
    """,
    answer_name="revenue_2023",
    hints=["Select the 2023 rows with orders.loc[year == 2023, \"amount\"].",
           "Sum them with the returns kept in: they are negative amounts and reduce the total."],
    explanation="Net revenue adds every amount of the year, returns included.",
    tol=1.0,
    wrong=[(lambda: float(_in_year(2023, returns=False)["amount"].sum()),
            "You left the returns out: they are negative amounts and belong in net revenue."),
           (lambda: float(_in_year(2024)["amount"].sum()), "That is the revenue of the other year."),
           (lambda: float(_orders()["amount"].sum()), "That adds up both years; keep only 2023.")],
    starter="revenue_2023 = ex.____",
))

# --- q3: the type that carries revenue (judgement on a claim) -------------------------------------
NATURE_TYPES = ["retail", "business", "channel", "internal"]


def _revenue_by_type(y: int):
    o = _in_year(y).merge(_table("customers")[["customer_id", "nature_type"]], on="customer_id")
    return o.groupby("nature_type", observed=True)["amount"].sum()


q3 = CategoryQuestion(**_q(
    chapter=CHAPTER, name="q3", title="Who carries the 2024 revenue?", judgement=True,
    prompt="""
        A new manager says: "Huaxin lives on private buyers." Check the claim against the data: which
        customer type by nature (`nature_type` in `customers`: retail, business, channel or internal)
        brought the most **net revenue in 2024**? Store the label in `main_type`.
    """,
    expected=lambda: str(_revenue_by_type(2024).idxmax()),
    choices=NATURE_TYPES,
    leak_context=["2024", "revenue", "type"],
    solution_code="""
        with_type = orders.merge(customers[["customer_id", "nature_type"]], on="customer_id")
        by_type = with_type[with_type["order_date"].dt.year == 2024].groupby("nature_type", observed=True)["amount"].sum()
        main_type = by_type.idxmax()
    """,
    answer_name="main_type",
    hints=["Bring the customer type onto each order line: orders.merge(customers[[\"customer_id\", \"nature_type\"]]).",
           "Group the 2024 lines by nature_type, sum amount, and take .idxmax()."],
    explanation="Counting customers and weighing revenue give different pictures: a type can be numerous "
                "and still bring little money.",
    wrong=[(lambda: str(_table("customers")["nature_type"].value_counts().idxmax())
            if str(_table("customers")["nature_type"].value_counts().idxmax()) != str(_revenue_by_type(2024).idxmax())
            else "retail",
            "That type has many customers, or is the one the manager named; the question weighs revenue, not heads."),
           (lambda: float(_revenue_by_type(2024).max()),
            "Give the label of the type (a word such as 'internal'), not its revenue.")],
    starter="main_type = ex.____",
))

# --- q4: does 80/20 hold for 2023 alone? (judgement) ---------------------------------------------


def _share_top_2023():
    from crmlearn.customers import summarize_customers
    from crmlearn.grading import top_share

    return float(top_share(summarize_customers(_in_year(2023)), value="monetary", top=TOP))


q4 = CategoryQuestion(**_q(
    chapter=CHAPTER, name="q4", title="80/20 in 2023 alone?", judgement=True,
    prompt=f"""
        The chapter checks the 80/20 rule on both years together. Does it also hold for **2023 alone**
        in this sense: do the top {TOP:.0%} of customers by 2023 net revenue bring at least
        {CLAIMED_SHARE:.0%} of 2023 net revenue? Summarise the 2023 orders with
        `crmlearn.customers.summarize_customers` and use `crmlearn.grading.top_share`.
        Answer "yes" or "no" in `holds_2023`.
    """,
    expected=lambda: "yes" if _share_top_2023() >= CLAIMED_SHARE else "no",
    choices=["yes", "no"],
    leak_context=["2023", f"{CLAIMED_SHARE:.0%}"],
    solution_code=f"""
        from crmlearn.customers import summarize_customers
        from crmlearn.grading import top_share

        summary_2023 = summarize_customers(orders[year == 2023])
        share = top_share(summary_2023, value="monetary", top={TOP})
        holds_2023 = "yes" if share >= {CLAIMED_SHARE} else "no"
    """,
    answer_name="holds_2023",
    hints=["Summarise only the 2023 rows: summarize_customers(orders[year == 2023]).",
           f"top_share(..., value=\"monetary\", top={TOP}) gives the share; compare it with {CLAIMED_SHARE}."],
    explanation="The concentration of revenue is a property of the customer base, and it is stable from "
                "year to year here; one year alone is enough to see it.",
    wrong=[(lambda: "no" if _share_top_2023() >= CLAIMED_SHARE else "yes",
            "Check the comparison: rank the customers by 2023 revenue only, take the top fifth, and compare "
            "their share with the threshold (at least, not more than)."),
           (_share_top_2023, "Give the judgement, yes or no, not the share itself.")],
    starter="holds_2023 = ex.____",
))

# --- q5: product lines that fell sharply (pick those that fit a rule) -----------------------------


def _change_by_line():
    a = _in_year(2023).groupby("product_line", observed=True)["amount"].sum()
    b = _in_year(2024).groupby("product_line", observed=True)["amount"].sum()
    return b / a - 1


q5 = SetQuestion(**_q(
    chapter=CHAPTER, name="q5", title="Product lines in sharp decline", judgement=True,
    prompt=f"""
        Huaxin's sales director wants to review every product line whose net revenue **fell by more than
        {SHARP_FALL:.0%}** from 2023 to 2024. Which product lines are they? Give their names
        (`product_line`) as a list or set in `declining`.
    """,
    expected=lambda: sorted(str(k) for k, v in _change_by_line().items() if v < -SHARP_FALL),
    solution_code=f"""
        by_year = orders.groupby([year, "product_line"], observed=True)["amount"].sum().unstack(0)
        change = by_year[2024] / by_year[2023] - 1
        declining = list(change[change < -{SHARP_FALL}].index)
    """,
    answer_name="declining",
    hints=["Net revenue per product line and year: orders.groupby([year, \"product_line\"])[\"amount\"].sum().unstack(0).",
           f"The change is 2024 / 2023 - 1; keep the lines where it is below -{SHARP_FALL}."],
    explanation="A small fall across the board and a sharp fall in a few lines call for different actions: "
                "the rule makes the review list short.",
    wrong=[(lambda: sorted(str(k) for k, v in _change_by_line().items() if v < 0),
            "You picked every line that fell; the rule asks only for falls of more than the threshold."),
           (lambda: sorted(str(k) for k, v in _change_by_line().items() if v > 0),
            "You picked lines that grew: the change must be negative (2024 below 2023)."),
           (lambda: sorted(str(k) for k, v in _change_by_line().items() if -SHARP_FALL <= v < 0),
            "You picked the lines with a mild fall; the rule is the other side of the threshold.")],
    starter="declining = ex.____",
))

# --- q6: active customers per city tier (a table) -------------------------------------------------


def _active_per_tier():
    c = _table("customers")
    return c[c["status"] == "active"].groupby("city_tier", observed=True).size()


q6 = TableQuestion(**_q(
    chapter=CHAPTER, name="q6", title="Active customers per city tier",
    prompt="""
        How many **active** customers (`status` is "active") are there in each city tier (`city_tier`:
        tier1, tier2, tier3, rural)? Give a Series indexed by city tier with the counts in `active_per_tier`.
    """,
    expected=_active_per_tier,
    solution_code="""
        active = customers[customers["status"] == "active"]
        active_per_tier = active["city_tier"].value_counts()
    """,
    answer_name="active_per_tier",
    hints=["Keep the active customers: customers[customers[\"status\"] == \"active\"].",
           "Count them per city tier with value_counts() or groupby(\"city_tier\").size()."],
    explanation="Filtering first and counting second is the pattern of most customer counts.",
    wrong=[(lambda: _table("customers").groupby("city_tier", observed=True).size(),
            "You counted every customer; keep only the active ones first."),
           (lambda: _active_per_tier() / _active_per_tier().sum(),
            "Those are shares of the active customers; the question asks for counts."),
           (lambda: _table("customers").query("status == 'inactive'").groupby("city_tier", observed=True).size(),
            "You counted the inactive customers; the question asks for the active ones.")],
    starter="active_per_tier = ex.____",
))

# --- q7: a function ---------------------------------------------------------------------------------


def _revenue_by_line(transactions):
    return transactions.groupby("product_line", observed=True)["amount"].sum()


def _revenue_cases():
    import pandas as pd

    tiny = pd.DataFrame({"order_id": ["O1", "O2", "O3", "O4"],
                         "product_line": ["paper", "paper", "software", "paper"],
                         "amount": [100.0, 50.0, 300.0, -20.0],
                         "is_return": [False, False, False, True]})
    return [Case(tiny, label="a four-row table with one return"),
            Case(_orders().head(500).copy(), label="the first 500 order lines")]


def _wrong_no_returns(transactions):
    kept = transactions[~transactions["is_return"].astype(bool)]
    return kept.groupby("product_line", observed=True)["amount"].sum()


def _wrong_total(transactions):
    return transactions["amount"].sum()


def _wrong_count(transactions):
    return transactions.groupby("product_line", observed=True)["amount"].count()


q7 = FunctionQuestion(**_q(
    chapter=CHAPTER, name="q7", title="A function: revenue by product line",
    prompt="""
        Write a function `revenue_by_line(transactions)` that returns a Series indexed by `product_line`
        with the net revenue (sum of `amount`, returns included) of each line, for any such table, without
        changing the table it is given.
    """,
    reference=_revenue_by_line,
    cases=_revenue_cases,
    solution_code="""
        def revenue_by_line(transactions):
            return transactions.groupby("product_line", observed=True)["amount"].sum()
    """,
    answer_name="revenue_by_line",
    hints=["Group the rows by product_line, then sum amount within each group.",
           "return transactions.groupby(\"product_line\", observed=True)[\"amount\"].sum()"],
    explanation="groupby(...)[column].sum() gives revenue per customer, per region or per month alike, "
                "and leaves its input untouched, as every crmlearn function does.",
    wrong=[(_wrong_no_returns, "Your function drops the returns; net revenue keeps them (they are negative)."),
           (_wrong_total, "Your function returns one total; one value per product line is expected."),
           (_wrong_count, "Your function counts order lines per product line; sum the amounts instead.")],
    starter="def revenue_by_line(transactions):\n    # your code here\n    return ex.____",
))

# --- a demonstration question for the chapter notebook (not one of the exercises) ----------------
#: ``ex.demo`` shows in notebooks/00_welcome.ipynb how a check, a hint and a solution look. It is not
#: among ``questions()`` and never records progress (``record=False``), so running the chapter
#: writes nothing to the learner's record, and its answer (printed in the chapter) gives no exercise away.
demo = NumberQuestion(
    chapter=CHAPTER, name="demo", title="How many customers? (a demonstration)", record=False,
    prompt="""
        How many customers does Huaxin have? The `customers` table has one row per customer.
        Store the number in `n_customers`.
    """,
    expected=lambda: int(_table("customers")["customer_id"].nunique()),
    setup=SETUP,
    solution_code="""
        n_customers = len(customers)
    """,
    answer_name="n_customers",
    hints=["Load the table first: customers = crmlearn.load_dataset(\"customers\").",
           "len(table) is the number of rows; table.shape gives (rows, columns)."],
    explanation="The customers table has one row per customer, so its length is the number of customers.",
    tol=0, rtol=0,
    wrong=[(lambda: len(_table("customers_raw")),
            "That is the messy CRM export, which holds duplicate records; count the clean customers table."),
           (lambda: int(len(_orders())), "You counted order lines, not customers.")],
    starter="n_customers = ex.____",
)

questions, progress, reset_progress = chapter_functions(CHAPTER)
