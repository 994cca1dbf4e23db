"""Exercises for chapter 3, one-to-one marketing and the I.D.I.C process (一对一营销).

The five exercises of the syllabus (gold customers by the 5% rule and the 2/8 ratio, inactive
customers, first-contact resolution, a mystery-shopper mean, the I.D.I.C step of four activities),
then questions on Huaxin's raw customer file, key-account cards and transactions for other
thresholds, cut-offs and customers than the chapter shows. Every expected answer is computed by
crmlearn or from the question's own numbers.

>>> from crmlearn.exercises import ch03
>>> len(ch03.questions()) >= 10
True
"""
from __future__ import annotations

from functools import lru_cache

from ._engine import CategoryQuestion, ListQuestion, NumberQuestion, chapter_functions, teach

CHAPTER = "ch03"

#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = """
import crmlearn
from crmlearn import idic

raw = crmlearn.load_dataset("customers_raw")          # the CRM export with duplicates
tx = crmlearn.load_dataset("transactions")            # order lines 2023-2024
ka_contacts = crmlearn.load_dataset("ka_contacts")    # key-account contact histories
"""
from ._placeholder import ____  # noqa: E402,F401  (``ex.____`` in the starter cells)

_STEPS = ["identify", "differentiate", "interact", "customize"]
_STEP_SYN = {"identify": ["识别", "identification", "i"], "differentiate": ["差异分析", "differentiation", "d"],
             "interact": ["互动", "interaction"], "customize": ["定制", "customise", "customization"]}
_LINES = ["paper", "ink_toner", "stationery", "furniture", "it_hardware", "software", "cleaning", "catering"]
MYSTERY = [4, 3, 5, 4, 2, 4, 3, 5, 4]


@lru_cache(maxsize=None)
def _table(name: str):
    """A course table, loaded once per session (read only)."""
    import crmlearn

    return crmlearn.load_dataset(name)


@lru_cache(maxsize=None)
def _merged(threshold: float):
    from crmlearn.idic import find_duplicates, merge_duplicates, pair_quality

    raw = _table("customers_raw")
    golden = merge_duplicates(raw, find_duplicates(raw, threshold=threshold))
    return len(golden), pair_quality(golden, raw)


def _q(threshold, what):
    return float(_merged(threshold)[1][what])


def _stale(days):
    from crmlearn.idic import stale_records

    return len(stale_records(_table("customers_raw"), as_of="2024-12-31", max_age_days=days))


def _inactive(as_of="2024-09-30", days=365):
    from crmlearn.customers import summarize_customers

    return int((summarize_customers(_table("transactions"), as_of=as_of)["recency_days"] > days).sum())


def _fcr_demo():
    import pandas as pd

    from crmlearn.idic import first_contact_resolution

    log = pd.DataFrame({"contact_datetime": pd.Timestamp("2024-03-04"), "contact_type": "complaint",
                        "resolved_first_time": [True] * 180 + [False] * 60})
    return float(first_contact_resolution(log, freq="W")["fcr_rate"].iloc[0])


def _mystery():
    import pandas as pd

    from crmlearn.idic import mystery_shopper_score

    s = pd.DataFrame({"competitor": "X", "scenario": range(len(MYSTERY)), "score": MYSTERY})
    return mystery_shopper_score(s).iloc[0]


def _plan_ok(n_scenarios):
    import pandas as pd

    from crmlearn.idic import mystery_shopper_score

    s = pd.DataFrame({"competitor": "X", "scenario": range(n_scenarios), "score": 4})
    return mystery_shopper_score(s)["scenario_count_ok"].iloc[0]


def _nbo(customer="C00010", rank=1):
    from crmlearn.idic import next_best_offer

    n = next_best_offer(_table("transactions"), top=3)
    return str(n[(n["customer_id"] == customer) & (n["rank"] == rank)]["offer"].iloc[0])


def _named(customer="C00415"):
    from crmlearn.idic import contacts_per_company

    c = contacts_per_company(_table("ka_contacts"), min_contacts=3)
    return "add contacts" if bool(c.loc[customer, "too_few"]) else "enough"


def _level(staff, title):
    import pandas as pd

    from crmlearn.idic import contact_level_match

    r = contact_level_match(pd.DataFrame({"staff_level": [staff], "counterpart_title": [title]}))
    return "matched" if r["matched"] else ("ours lower" if r["ours_lower"] else "ours higher")


# --- q1: gold customers (syllabus exercise 1) --------------------------------------------------------
q1 = ListQuestion(
    chapter=CHAPTER, name="q1", title="Gold customers of a 400-customer firm",
    prompt="""
        A firm has 400 customers. How many are "gold" under the 5% rule, and how many are the key group
        under the 2/8 ratio? Give the list `[by_5_percent, by_2_8_ratio]` in `gold`.
    """,
    expected=lambda: [round(0.05 * 400), round(0.20 * 400)],
    solution_code="""
        n = 400
        gold = [round(0.05 * n), round(0.20 * n)]
    """,
    answer_name="gold",
    hints=["5% of the customers, and 20% of the customers.", "The 2/8 ratio: 20% of customers, 80% of sales."],
    explanation="5% of 400 and 20% of 400: the 5% rule picks a much shorter list than the 2/8 ratio.",
)

# --- q2: customers without an order for more than a year (syllabus exercise 2) ----------------------
q2 = NumberQuestion(
    chapter=CHAPTER, name="q2", title="A year without an order",
    prompt="""
        The source's "bad" customers often go more than a year without an order. How many of Huaxin's
        customers had no order in the more than 365 days before 2024-09-30? Use
        `summarize_customers(tx, as_of="2024-09-30")` (from `crmlearn.customers`) and its `recency_days`.
        Store the count in `n_inactive`.
    """,
    expected=_inactive,
    solution_code="""
        from crmlearn.customers import summarize_customers

        s = summarize_customers(tx, as_of="2024-09-30")
        n_inactive = int((s["recency_days"] > 365).sum())
    """,
    answer_name="n_inactive",
    hints=["recency_days is the number of days since the last order.", "Count the customers with more than 365."],
    explanation="A year without an order is the first sign of a 'bad' customer; the mail budget can move elsewhere.",
)

# --- q3: first-contact resolution (syllabus exercise 3) ---------------------------------------------
q3 = NumberQuestion(
    chapter=CHAPTER, name="q3", title="Solved the first time",
    prompt="""
        240 complaints were logged in a week and 180 of them were solved at the first contact. What is the
        first-contact resolution rate (一次即圆满)? Give a share between 0 and 1 in `fcr`.
    """,
    expected=_fcr_demo,
    solution_code="""
        fcr = 180 / 240
    """,
    answer_name="fcr",
    hints=["Solved at the first contact / all complaints.", "Both numbers are counts of complaints."],
    explanation="180 of 240: a quarter of the complaints needed a second contact or more.",
    tol=1e-6,
)

# --- q4: a mystery-shopper mean (syllabus exercise 4) -----------------------------------------------
q4 = NumberQuestion(
    chapter=CHAPTER, name="q4", title="A mystery shopper's mean score",
    prompt=f"""
        A mystery shopper ran 9 scenarios against a competitor and scored {MYSTERY} (out of 5). What is
        the mean score (`mystery_shopper_score` gives it too)? Store it in `mean_score`.
    """,
    expected=lambda: float(_mystery()["mean_score"]),
    solution_code=f"""
        import pandas as pd

        s = pd.DataFrame({{"competitor": "X", "scenario": range(9), "score": {MYSTERY}}})
        print(idic.mystery_shopper_score(s))
        mean_score = s["score"].mean()
    """,
    answer_name="mean_score",
    hints=["Add the nine scores.", "Divide by the number of scenarios, 9."],
    explanation="34 / 9: and 9 scenarios lie within the source's 8-10, so the mean can be compared.",
    tol=1e-3,
)

# --- q5: which I.D.I.C step (syllabus exercise 5) ----------------------------------------------------
q5 = ListQuestion(
    chapter=CHAPTER, name="q5", title="Which I.D.I.C step?",
    prompt="""
        Classify each activity by I.D.I.C step ("identify", "differentiate", "interact" or "customize"):
        (a) swapping customer lists with a non-competing firm, (b) ranking customers A/B/C, (c) printing a
        personal note on an invoice, (d) asking customers how often they want newsletters. Give the list in
        `steps`.
    """,
    expected=lambda: ["identify", "differentiate", "interact", "customize"],
    synonyms=_STEP_SYN,
    solution_code="""
        steps = ["identify", "differentiate", "interact", "customize"]
    """,
    answer_name="steps",
    hints=["Which activity adds names to the file, and which ranks the customers already there?",
           "A note on an invoice is a contact; asking how the customer wants to be contacted adapts the service."],
    explanation="Lists: identify; A/B/C: differentiate; a personal note: interact; contact preferences: customize.",
)


# --- q6 / q7: precision and recall at other thresholds ----------------------------------------------
q6 = NumberQuestion(
    chapter=CHAPTER, name="q6", title="Precision at a loose threshold",
    prompt="""
        Find the duplicate records of `raw` with `idic.find_duplicates(raw, threshold=0.5)`, merge them with
        `idic.merge_duplicates` and measure with `idic.pair_quality`. What is the pair precision? Store it in
        `precision` (a share between 0 and 1).
    """,
    expected=lambda: _q(0.5, "precision"),
    solution_code="""
        golden = idic.merge_duplicates(raw, idic.find_duplicates(raw, threshold=0.5))
        precision = idic.pair_quality(golden, raw)["precision"]
    """,
    answer_name="precision",
    hints=["Precision = correct pairs / pairs linked.", "Use threshold=0.5, not the default."],
    explanation="A loose threshold links different customers that only share a block: precision falls.",
    tol=1e-4,
)

q7 = NumberQuestion(
    chapter=CHAPTER, name="q7", title="Recall at a strict threshold",
    prompt="""
        Same as q6 with `threshold=0.8`: what is the pair recall? Store it in `recall`.
    """,
    expected=lambda: _q(0.8, "recall"),
    solution_code="""
        golden = idic.merge_duplicates(raw, idic.find_duplicates(raw, threshold=0.8))
        recall = idic.pair_quality(golden, raw)["recall"]
    """,
    answer_name="recall",
    hints=["Recall = correct pairs / true pairs.", "True pairs: records with the same customer_id_true."],
    explanation="A strict threshold misses the duplicates whose names were rewritten: recall falls.",
    tol=1e-4,
)

q8 = NumberQuestion(
    chapter=CHAPTER, name="q8", title="Stale records",
    prompt="""
        How many records of `raw` were not updated for more than two years (730 days) before 2024-12-31
        (`idic.stale_records`)? Store the count in `n_stale`.
    """,
    expected=lambda: _stale(730),
    solution_code="""
        n_stale = len(idic.stale_records(raw, as_of="2024-12-31", max_age_days=730))
    """,
    answer_name="n_stale",
    hints=["Use max_age_days.", "Two years are 730 days."],
    explanation="Stale records need a check call before anyone relies on them.",
)

# --- q9: named contacts at the textbook's key account -------------------------------------------------
q9 = CategoryQuestion(
    chapter=CHAPTER, name="q9", title="Named contacts at C00415",
    prompt="""
        The source wants at least three named contacts per target company. Using `ka_contacts` and
        `idic.contacts_per_company(ka_contacts, min_contacts=3)`, should Huaxin "add contacts" at key
        account C00415 (the Shanghai Tobacco printing factory), or does it have "enough"? Store the action
        in `action`.
    """,
    expected=_named,
    choices=["add contacts", "enough"],
    synonyms={"add contacts": ["add", "more contacts", "增加联系人"], "enough": ["ok", "enough contacts", "足够"]},
    solution_code="""
        c = idic.contacts_per_company(ka_contacts, min_contacts=3)
        print(c.loc["C00415"])
        action = "add contacts" if c.loc["C00415", "too_few"] else "enough"
    """,
    answer_name="action",
    hints=["Count the distinct people the card names, not the entries.", "Compare with min_contacts=3."],
    explanation="Three entries on the card, all with the same person: if that person leaves, the relationship goes.",
)

# --- q10: contact levels ------------------------------------------------------------------------------
q10 = CategoryQuestion(
    chapter=CHAPTER, name="q10", title="Contact levels",
    prompt="""
        An inside-sales rep (`inside_sales`) calls the customer's general manager. Classify the contact with
        `idic.contact_level_match`: "matched", "ours lower" or "ours higher"? Store it in `level`.
    """,
    expected=lambda: _level("inside_sales", "general manager"),
    choices=["matched", "ours lower", "ours higher"],
    solution_code="""
        import pandas as pd

        print(idic.contact_level_match(pd.DataFrame({"staff_level": ["inside_sales"],
                                                     "counterpart_title": ["general manager"]})))
        level = "ours lower"
    """,
    answer_name="level",
    hints=["Rank both sides: rep, manager, VP against buyer, manager, general manager.", "Compare our rank with theirs."],
    explanation="A general manager should be met by our VP: the rep is below the customer's level.",
)

# --- q11: next best offer -----------------------------------------------------------------------------
q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title="Next best offer for C00010",
    prompt="""
        With `idic.next_best_offer(tx, top=3)`, which product line should Huaxin offer customer C00010 first?
        Store the line in `offer`.
    """,
    expected=_nbo,
    choices=_LINES,
    solution_code="""
        n = idic.next_best_offer(tx, top=3)
        print(n[n["customer_id"] == "C00010"])
        offer = n[(n["customer_id"] == "C00010") & (n["rank"] == 1)]["offer"].iloc[0]
    """,
    answer_name="offer",
    hints=["Keep the rows of customer C00010.", "Rank 1 has the largest lift."],
    explanation="The first offer is the line C00010 does not buy whose buyers overlap most with its own lines.",
)

# --- q12: the mystery-shopper plan --------------------------------------------------------------------
q12 = CategoryQuestion(
    chapter=CHAPTER, name="q12", title="A mystery-shopper plan",
    prompt="""
        A mystery-shopper study plans 12 scenarios against one competitor. Does that fit the source's
        advice on the number of scenarios (`idic.mystery_shopper_score` flags it)? Answer "yes" or "no" in
        `fits`.
    """,
    expected=lambda: "yes" if bool(_plan_ok(12)) else "no",
    choices=["yes", "no"],
    synonyms={"yes": ["是", "true"], "no": ["否", "false"]},
    solution_code="""
        import pandas as pd

        s = pd.DataFrame({"competitor": "X", "scenario": range(12), "score": 4})
        print(idic.mystery_shopper_score(s))
        fits = "yes" if idic.mystery_shopper_score(s)["scenario_count_ok"].iloc[0] else "no"
    """,
    answer_name="fits",
    hints=["The source names a range of scenarios.", "Look at scenario_count_ok."],
    explanation="The source advises 8 to 10 scenarios; 12 costs more calls than it recommends.",
)


# --- targeted messages for the typical mistakes ----------------------------------------------------
MISTAKES = {
    "q1": [([round(0.20 * 400), round(0.05 * 400)], "The two numbers are swapped: the 5% rule comes first."),
           ([round(0.05 * 400), round(0.80 * 400)], "The 2/8 ratio's key group is the 20% of customers, not the "
            "80% of sales."),
           ([0.05 * 400 / 100, 0.2 * 400 / 100], "Give counts of customers, not shares.")],
    "q2": [(lambda: _inactive("2024-12-31"), "That is the count at the end of 2024; the cut-off is 2024-09-30."),
           (lambda: _inactive(days=180), "That counts half a year without an order; the rule is more than 365 days.")],
    "q3": [(75, "Give a share between 0 and 1, not a percentage."),
           (60 / 240, "That is the share NOT solved at the first contact."),
           (180 / 60, "Divide the solved complaints by ALL complaints, not by the unsolved ones.")],
    "q4": [(sum(MYSTERY), "That is the sum of the scores; divide by the number of scenarios."),
           (sum(MYSTERY) / 10, "There were 9 scenarios, not 10: divide by 9.")],
    "q5": [(["differentiate", "identify", "interact", "customize"], "(a) and (b) look swapped: which activity "
            "brings new names into the file, and which ranks customers already in it?"),
           (["identify", "differentiate", "customize", "interact"], "(c) and (d) look swapped: which one is a "
            "contact with the customer, and which one adapts how we serve it?")],
    "q6": [(lambda: _q(0.5, "recall"), "That is the recall (share of true pairs found), not the precision."),
           (lambda: _q(0.6, "precision"), "That is the precision at the default threshold 0.6; pass threshold=0.5."),
           (lambda: _q(0.5, "correct_pairs"), "That is a count of correct pairs; precision divides it by the pairs "
            "linked.")],
    "q7": [(lambda: _q(0.8, "precision"), "That is the precision; recall divides the correct pairs by the TRUE pairs."),
           (lambda: _q(0.6, "recall"), "That is the recall at the default threshold 0.6; pass threshold=0.8."),
           (lambda: _q(0.8, "recall") * 100, "Give a share between 0 and 1, not a percentage.")],
    "q8": [(lambda: _stale(365), "That counts records older than one year; the question asks for two."),
           (lambda: _stale(1095), "That counts records older than three years; the question asks for two.")],
    "q9": [("enough", "The card has three entries, but count the distinct people: contacts_per_company counts "
            "named persons, not calls."),
           ("C00415", "Answer with the action, not the customer id.")],
    "q10": [("matched", "A rep and a general manager are not at the same level."),
            ("ours higher", "Check the direction: which side is more senior?")],
    "q11": [(lambda: _nbo(rank=2), "That is the second offer; rank 1 has the largest lift."),
            ("furniture", "C00010 already buys furniture: the offer is a line it does not buy yet.")],
    "q12": [("yes", "More is not always better here: compare 12 with the recommended range."),
            ("maybe", "Answer yes or no: the function's flag decides.")],
}
#: The taught options of the list questions (for the answer leak test).
CHOICES = {"q5": _STEPS}
#: Questions that ask for a judgement (classify a case, choose an action, interpret a result).
JUDGEMENT = {"q5", "q9", "q10", "q11", "q12"}
#: The words that identify a question's case when its answer is one of the taught options.
LEAK_CONTEXT = {"q5": ["swapping", "invoice"], "q9": ["C00415"], "q10": ["inside_sales", "general manager"],
                "q11": ["C00010"], "q12": ["12 scenarios"]}
for _name, _mistakes in MISTAKES.items():
    teach(globals()[_name], mistakes=_mistakes, setup=SETUP, judgement=_name in JUDGEMENT,
          leak_context=LEAK_CONTEXT.get(_name, ()), choices=CHOICES.get(_name),
          starter=f"{globals()[_name].answer_name} = ex.____")

questions, progress, reset_progress = chapter_functions(CHAPTER)
