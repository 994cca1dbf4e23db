"""Exercises for chapter 5, key accounts (大客户): the signature, the screen, the types, potential, concentration.

The six exercises of the syllabus (Cisco's share, Haier's orders, Citibank's fee, P&G's deposit
benchmark, Xerox's coverage, customers K and G), then questions on Huaxin's data with other
customers, cut-offs and horizons than the chapter shows. Every expected answer is computed by crmlearn.

>>> from crmlearn.exercises import ch05
>>> len(ch05.questions()) >= 10
True
"""
from __future__ import annotations

from functools import lru_cache

from ._engine import CategoryQuestion, ListQuestion, NumberQuestion, SetQuestion, chapter_functions, teach

CHAPTER = "ch05"

#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = """
import crmlearn
from crmlearn.accounts import ka_screen

transactions = crmlearn.load_dataset("transactions")  # the orders
customers = crmlearn.load_dataset("customers")        # the customer master
payments = crmlearn.load_dataset("payments")          # the invoices
contacts = crmlearn.load_dataset("contacts")          # the contact log
screen = ka_screen(transactions, customers=customers, payments=payments, contacts=contacts)
"""
from ._placeholder import ____  # noqa: E402,F401  (``ex.____`` in the starter cells)

#: The customer of q8 (a look-alike the chapter does not show).
Q8_CUSTOMER = "C00919"
#: The candidate of q9 (typed with its growth).
Q9_CUSTOMER = "C00090"
#: The five candidates of q11.
Q11_PANEL = ["C00096", "C00197", "C00202", "C00351", "C00693"]
#: The eight customers of q12.
PANEL = ["C00002", "C01457", "C00919", "C00307", "C00683", "C00934", "C00018", "C00185"]


@lru_cache(maxsize=None)
def _table(name: str):
    """A course table, loaded once per session (read only)."""
    import crmlearn

    return crmlearn.load_dataset(name)


@lru_cache(maxsize=None)
def _screen():
    from crmlearn.accounts import ka_screen

    return ka_screen(_table("transactions"), customers=_table("customers"), payments=_table("payments"),
                     contacts=_table("contacts"))


# --- q1: Cisco (syllabus exercise 1) -----------------------------------------------------------------
q1 = NumberQuestion(
    chapter=CHAPTER, name="q1", title="Cisco's key accounts",
    prompt="""
        A supplier's total business is US$50 bn. If key accounts make up about 30% of it (Cisco's share),
        how much comes from them? Give it in **US$ million** in `ka_business`.
    """,
    expected=lambda: 50_000 * 0.30,
    solution_code="""
        total_million = 50_000          # US$50 bn in millions
        ka_business = total_million * 0.30
    """,
    answer_name="ka_business",
    hints=["US$1 bn is US$1,000 million.", "30% of 50,000 million."],
    explanation="About US$15 bn, a third of the business from a few global accounts: concentration is a strategy.",
    rtol=1e-6,
)


# --- q2: Haier (syllabus exercise 2) ----------------------------------------------------------------
q2 = NumberQuestion(
    chapter=CHAPTER, name="q2", title="Haier's export orders from the top-10 chains",
    prompt="""
        Haier received 1,200 export orders in a half-year, and "more than 85%" came from the local top-10
        retail chains. More than how many orders came from them? Store the bound in `from_top10`.
    """,
    expected=lambda: 1200 * 0.85,
    solution_code="""
        from_top10 = 1200 * 0.85
    """,
    answer_name="from_top10",
    hints=["'More than 85%' gives a lower bound.", "0.85 x 1,200."],
    explanation="More than 1,020 orders from ten customers: Haier's 'big customer, big order'.",
    tol=1e-6,
)


# --- q3: Citibank's fee (syllabus exercise 3) -------------------------------------------------------
def _fee():
    import pandas as pd

    from crmlearn.accounts import fee_applies

    b = pd.Series([3000, 4999, 8000])
    return [int(x) for x in b[fee_applies(b)]]


q3 = SetQuestion(
    chapter=CHAPTER, name="q3", title="Which balances pay Citibank's fee?",
    prompt="""
        Citibank's Puxi branch charged a management fee on deposits below US$5,000. Which of these balances
        attract the fee: US$3,000, US$4,999, US$8,000? Give the balances (numbers) as a list in `charged`.
    """,
    expected=_fee,
    solution_code="""
        import pandas as pd
        from crmlearn.accounts import fee_applies

        balances = pd.Series([3000, 4999, 8000])
        charged = list(balances[fee_applies(balances)])
    """,
    answer_name="charged",
    hints=["The fee is for balances BELOW the threshold.", "Compare each balance with 5,000: is it smaller?"],
    explanation="US$3,000 and US$4,999: every small depositor pays, which is what the court case was about.",
)


# --- q4: P&G's deposit benchmark (syllabus exercise 4) ----------------------------------------------
def _pg():
    import pandas as pd

    from crmlearn.accounts import distributor_eligible

    d = pd.Series([4_500_000, 6_000_000, 7_200_000])
    return [int(x) for x in d[distributor_eligible(d)]]


q4 = SetQuestion(
    chapter=CHAPTER, name="q4", title="Which distributors pass P&G's benchmark?",
    prompt="""
        P&G's benchmark for its distributors is a deposit of CNY 6 million. Which distributors may take part
        in the tender, with deposits of CNY 4.5 m, 6.0 m and 7.2 m? Give their deposits in CNY (e.g.
        `4_500_000`) as a list in `eligible`.
    """,
    expected=_pg,
    solution_code="""
        import pandas as pd
        from crmlearn.accounts import distributor_eligible

        deposits = pd.Series([4_500_000, 6_000_000, 7_200_000])
        eligible = list(deposits[distributor_eligible(deposits)])
    """,
    answer_name="eligible",
    hints=["A benchmark is a minimum: meeting it exactly is enough.", "Keep the deposits >= 6,000,000."],
    explanation="CNY 6.0 m and 7.2 m pass: like the talent show, the weakest are eliminated each round.",
)


# --- q5: Xerox (syllabus exercise 5) -----------------------------------------------------------------
def _xerox():
    from crmlearn.accounts import coverage_ratio

    r = coverage_ratio(250, n_reps=250, n_execs=250)
    return [float(r["people"]), float(r["people_per_account"])]


q5 = ListQuestion(
    chapter=CHAPTER, name="q5", title="Xerox's coverage",
    prompt="""
        Xerox has 250 key-account representatives and 250 focused executives who jointly manage 250 key
        accounts. How many people cover the accounts, and how many per account? Give `[people, per_account]`
        in `coverage`.
    """,
    expected=_xerox,
    solution_code="""
        from crmlearn.accounts import coverage_ratio

        r = coverage_ratio(250, n_reps=250, n_execs=250)
        coverage = [r["people"], r["people_per_account"]]
    """,
    answer_name="coverage",
    hints=["Representatives and executives both work on the accounts.", "(250 + 250) people for 250 accounts."],
    explanation="500 people, two per account: one commercial and one senior contact for every key account.",
    tol=1e-6,
)


# --- q6: customers K and G (syllabus exercise 6) ----------------------------------------------------
q6 = CategoryQuestion(
    chapter=CHAPTER, name="q6", title="K or G?",
    prompt="""
        Customer K makes 3% of our orders but 41% of revenue and is profitable. Customer G made one CNY 2
        million group purchase last year and nothing since. Which one is a key account? Answer "K", "G",
        "both" or "neither" in `key_account`.
    """,
    expected="K",
    choices=["K", "G", "both", "neither"],
    solution_code="""
        key_account = "K"   # G is a one-off group buyer (小思考7-1)
    """,
    answer_name="key_account",
    hints=["Which one shows the key-account signature: few transactions, much revenue, profit, continuing?",
           "Little Think 7-1: an occasional bulk group buyer is not a sustainable source of profit."],
    explanation="K: a small share of orders, a large share of revenue, profitable. G is the first look-alike.",
)


# --- q7: the candidate list with three standards ------------------------------------------------------
def _cand3():
    s = _screen()
    return int(((s["n_standards"] >= 3) & ~s["lookalike"]).sum())


def _cand3_with_lookalikes():
    return int((_screen()["n_standards"] >= 3).sum())


def _cand4():
    return int(_screen()["candidate"].sum())


q7 = NumberQuestion(
    chapter=CHAPTER, name="q7", title="Candidates with three standards",
    prompt="""
        The chapter asks a candidate to meet at least four of the five basic standards. Huaxin's sales director
        wants a longer list: at least **three** standards, and still no look-alike. How many customers are on
        it? Use `screen` (from the setup cell) or `ka_screen(..., min_standards=3)`. Store it in `n_candidates`.
    """,
    expected=_cand3,
    solution_code="""
        s3 = ka_screen(transactions, customers=customers, payments=payments, contacts=contacts, min_standards=3)
        n_candidates = int(s3["candidate"].sum())
    """,
    answer_name="n_candidates",
    hints=["The column n_standards counts the standards met; lookalike flags the look-alikes.",
           "Count the rows with n_standards >= 3 and lookalike False."],
    explanation="A lower bar lengthens the list; the look-alikes stay off it whatever the bar.",
)


# --- q8: which look-alike? ---------------------------------------------------------------------------
_KINDS = ["one_off_group_buyer", "volume_without_profit", "squeezer", "none"]
_KIND_SYNONYMS = {"one_off_group_buyer": ["one-off group buyer", "group buyer", "团购客户", "one off group buyer"],
                  "volume_without_profit": ["volume without profit", "大量重复购买但不赚钱"],
                  "squeezer": ["扒皮大户", "exploitative big buyer"], "none": ["no", "not a look-alike"]}


def _kind_of(cid):
    s = _screen().loc[cid]
    got = [k for k in _KINDS[:3] if bool(s[k])]
    return got[0] if got else "none"


q8 = CategoryQuestion(
    chapter=CHAPTER, name="q8", title=f"What kind of look-alike is {Q8_CUSTOMER}?",
    prompt=f"""
        Customer {Q8_CUSTOMER} orders often. Read its row of `screen` (its figures and the look-alike flags).
        Is it a "one_off_group_buyer", a "volume_without_profit" account, a "squeezer" or "none" of them?
        Store the answer in `kind`.
    """,
    expected=lambda: _kind_of(Q8_CUSTOMER),
    choices=_KINDS, synonyms=_KIND_SYNONYMS,
    solution_code=f"""
        from crmlearn.accounts import LOOKALIKES

        row = screen.loc["{Q8_CUSTOMER}"]
        print(row[["n_transactions", "gross_margin_rate", "net_margin", "mean_discount", "return_share",
                   "mean_days_late"]])
        kind = next((k for k in LOOKALIKES if row[k]), "none")
    """,
    answer_name="kind",
    hints=["Compare its gross margin rate and its margin after the cost to serve with the rules in "
           "crmlearn.accounts.LOOKALIKES.",
           "Many orders, a thin margin, and nothing left after the cost to serve."],
    explanation="It buys a lot and leaves no profit once the cost of serving it is counted: volume alone is "
                "not a key-account standard.",
)


# --- q9: the type of a candidate -----------------------------------------------------------------------
def _type_of(cid, with_growth=True):
    from crmlearn.accounts import ka_type

    s = _screen()
    growth = (s["revenue_last_12m"] / s["revenue_prev_12m"] - 1).rename("growth")
    info = _table("customers").set_index("customer_id").loc[[cid]].join(growth)
    return str(ka_type(info, growth="growth" if with_growth else None).iloc[0])


q9 = CategoryQuestion(
    chapter=CHAPTER, name="q9", title=f"The type of {Q9_CUSTOMER}",
    prompt=f"""
        Type candidate {Q9_CUSTOMER} with `crmlearn.accounts.ka_type`, passing its growth, the revenue of the last
        12 months over the 12 months before minus 1 (`screen["revenue_last_12m"] / screen["revenue_prev_12m"] - 1`),
        as in the chapter. Is it "economic", "important", "group" or "strategic"? Store it in `ka_kind`.
    """,
    expected=lambda: _type_of(Q9_CUSTOMER),
    choices=["economic", "important", "group", "strategic"],
    synonyms={"economic": ["经济大客户"], "important": ["重要客户"], "group": ["集团客户"], "strategic": ["战略客户"]},
    solution_code=f"""
        from crmlearn.accounts import ka_type

        growth = (screen["revenue_last_12m"] / screen["revenue_prev_12m"] - 1).rename("growth")
        info = customers.set_index("customer_id").loc[["{Q9_CUSTOMER}"]].join(growth)
        ka_kind = str(ka_type(info, growth="growth").iloc[0])
    """,
    answer_name="ka_kind",
    hints=["The rules are tested in order: strategic, group, important, economic; the first that applies wins.",
           "Look at its growth first, then its size, ownership and listing."],
    explanation="It is large, state-owned and listed, so it would be a group customer, but it grows fast: "
                "the course's rules put growth (strategy) first.",
)


# --- q10: concentration of all customers ----------------------------------------------------------------
def _hhi_all():
    from crmlearn.accounts import concentration_risk

    return float(concentration_risk(_screen()["revenue"].clip(lower=0))["herfindahl"])


def _hhi_candidates():
    from crmlearn.accounts import concentration_risk

    s = _screen()
    return float(concentration_risk(s.loc[s["candidate"], "revenue"].clip(lower=0))["herfindahl"])


q10 = NumberQuestion(
    chapter=CHAPTER, name="q10", title="The Herfindahl index of all customers",
    prompt="""
        The chapter measures the concentration of the candidates' revenue. Measure it for **all** customers:
        the Herfindahl index (sum of squared revenue shares) of `screen["revenue"]`, with net returns clipped
        at 0 (`.clip(lower=0)`), from `crmlearn.accounts.concentration_risk`. Store it in `hhi` (4 decimals).
    """,
    expected=_hhi_all,
    solution_code="""
        from crmlearn.accounts import concentration_risk

        hhi = concentration_risk(screen["revenue"].clip(lower=0))["herfindahl"]
    """,
    answer_name="hhi",
    hints=["concentration_risk takes a Series of revenue per account and reports 'herfindahl'.",
           "Pass every customer's revenue, not only the candidates'."],
    explanation="Spread over all customers, revenue is far less concentrated than within the short list: the "
                "index is near 1/n when accounts are alike.",
    tol=0.00005,
)


# --- q11: the largest potential ------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _pot24():
    from crmlearn.accounts import ka_potential

    return ka_potential(_table("transactions"), horizon=24, candidates=Q11_PANEL)


q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title="The candidate with the largest potential",
    prompt=f"""
        Of the five candidates {", ".join(Q11_PANEL)}, which has the largest predicted value over the next
        **24 months** (`crmlearn.accounts.ka_potential(transactions, horizon=24, candidates=[...])`, column
        `potential`)? Store its id in `best`.
    """,
    expected=lambda: str(_pot24()["potential"].idxmax()),
    choices=Q11_PANEL,
    solution_code=f"""
        from crmlearn.accounts import ka_potential

        pot = ka_potential(transactions, horizon=24, candidates={Q11_PANEL!r})
        best = pot["potential"].idxmax()
    """,
    answer_name="best",
    hints=["Potential is the model's prediction, not last year's revenue.", "Take idxmax() of the potential column."],
    explanation="The largest buyer of last year is not the one with the largest future: the model weighs how "
                "often and how much each customer is expected to buy, and whether it is still active.",
)


# --- q12: which of eight customers are candidates? -------------------------------------------------------
def _panel_candidates():
    s = _screen()
    return [c for c in PANEL if bool(s.loc[c, "candidate"])]


def _panel_four_standards():
    s = _screen()
    return [c for c in PANEL if s.loc[c, "n_standards"] >= 4]


def _panel_key_accounts():
    cu = _table("customers").set_index("customer_id")
    return [c for c in PANEL if bool(cu.loc[c, "is_key_account"])]


q12 = SetQuestion(
    chapter=CHAPTER, name="q12", title="Which of eight customers are candidates?",
    prompt="""
        The key-account team will review these eight customers: `ex.PANEL` (run `print(ex.PANEL)`). Which of
        them belong on the candidate list (at least four standards and no look-alike)? Store their ids as a
        list in `on_list`.
    """,
    expected=_panel_candidates,
    solution_code="""
        on_list = [c for c in ex.PANEL if screen.loc[c, "candidate"]]
    """,
    answer_name="on_list",
    hints=["Meeting the standards is not enough: a look-alike stays off the list.",
           "Look at n_standards and lookalike (or candidate) of each customer."],
    explanation="A one-off group buyer can meet four standards in the year of its big order, and a recorded "
                "key account can fall below the bar: the screen says both, a ranking by revenue would not.",
)


# --- targeted messages for the typical mistakes ---------------------------------------------------------
MISTAKES = {
    "q1": [(50_000 * 0.70, "That is the business that does NOT come from key accounts; take the 30%."),
           (50 * 0.30, "That is the amount in billions; the question wants US$ million.")],
    "q2": [(1200 * 0.15, "Those are the orders from other customers; the 85% come from the top-10 chains."),
           (0.85, "0.85 is the share; multiply it by the 1,200 orders.")],
    "q3": [([8000], "The fee is on balances BELOW the threshold, not above it."),
           ([3000], "Look at US$4,999 again: is it below US$5,000?")],
    "q4": [([7_200_000], "A benchmark is a minimum to reach: a deposit equal to it passes."),
           ([4_500_000], "That deposit is below the benchmark; the others reach it.")],
    "q5": [([250, 1], "Count the executives too: representatives AND executives cover the accounts."),
           ([2, 500], "The two numbers are swapped: people first, then people per account.")],
    "q6": [("G", "A single group purchase, however large, then nothing: which look-alike of Little Think 7-1 is that?"),
           ("both", "Only one shows a lasting, profitable relationship; the other bought once.")],
    "q7": [(_cand3_with_lookalikes, "That count keeps the look-alikes; a look-alike stays off the list at any bar."),
           (_cand4, "That is the list with four standards (the chapter's default); the director asks for three.")],
    "q8": [("squeezer", "Check its discount, return share and days late against the squeezer rule; its problem is "
            "what is left after the cost to serve."),
           ("none", "Its margin after the cost to serve is the clue: compare net_margin with 0.")],
    "q9": [(lambda: _type_of(Q9_CUSTOMER, with_growth=False), "That is its type without growth; pass growth= and "
            "remember which rule is tested first."),
           ("economic", "Economic is what is left when no other rule applies; look at its growth, size and ownership.")],
    "q10": [(_hhi_candidates, "That is the index of the candidates (the chapter's); this time use every customer."),
            (lambda: 1 / _hhi_all(), "That is the number of equivalent equal accounts (1 / Herfindahl), not the index.")],
    "q11": [(lambda: str(_screen().loc[Q11_PANEL, "revenue_last_12m"].idxmax()),
             "That customer bought the most in the last 12 months; the question asks for the predicted value."),
            (lambda: str(_pot24()["expected_purchases"].idxmax()),
             "That customer is expected to buy most OFTEN; potential also weighs the value of each order.")],
    "q12": [(_panel_four_standards, "Some of these meet four standards but are look-alikes: leave those out."),
            (_panel_key_accounts, "Those are Huaxin's recorded key accounts; the question asks what the screen says.")],
}
#: Questions that ask for a judgement (classify a case, choose an action, pick customers fitting a rule).
JUDGEMENT = {"q3", "q4", "q6", "q8", "q9", "q11", "q12"}
#: The words that identify a question's case when its answer is one of the taught options.
LEAK_CONTEXT = {"q6": ["41%", "2 million"], "q8": [Q8_CUSTOMER], "q9": [Q9_CUSTOMER], "q11": ["24 months"]}
for _name, _mistakes in MISTAKES.items():
    teach(globals()[_name], mistakes=_mistakes, setup=SETUP, judgement=_name in JUDGEMENT,
          leak_context=LEAK_CONTEXT.get(_name, ()), starter=f"{globals()[_name].answer_name} = ex.____")

questions, progress, reset_progress = chapter_functions(CHAPTER)
