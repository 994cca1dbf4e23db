"""Exercises for chapter 3, one-to-one marketing and the I.D.I.C process (一对一营销).

Identify (duplicates, stale records, the gradual profile), Differentiate (cross-selling targets),
Interact (mystery shoppers, contact levels, named contacts) and Customize (next best offer), on
Huaxin's data for other thresholds, cut-offs and customers than the chapter shows. Every expected
answer is computed by crmlearn.

>>> from crmlearn.exercises import ch03
>>> len(ch03.questions()) >= 10
True
"""
from __future__ import annotations

from functools import lru_cache

from ._placeholder import ____  # noqa: F401  (``ex.____`` in the starter cells)
from ._engine import CategoryQuestion, NumberQuestion, chapter_functions
from ._targeted import targeted

CHAPTER = "ch03"
_STEPS = ["identify", "differentiate", "interact", "customize"]


@lru_cache(maxsize=None)
def _table(name: str):
    import crmlearn

    return crmlearn.load_dataset(name)


@lru_cache(maxsize=None)
def _quality(threshold: float):
    from crmlearn.idic import find_duplicates, merge_duplicates, pair_quality

    raw = _table("customers_raw")
    return pair_quality(merge_duplicates(raw, find_duplicates(raw, threshold=threshold)), raw)


def _stale(days):
    from crmlearn.idic import stale_records

    return len(stale_records(_table("customers_raw"), as_of="2024-12-31", max_age_days=days))


def _xsell(k):
    from crmlearn.idic import cross_sell_targets

    return len(cross_sell_targets(_table("transactions"), max_lines=k))


def _nbo(rank, customer="C00010"):
    from crmlearn.idic import next_best_offer

    n = next_best_offer(_table("transactions"), top=3)
    return n[(n["customer_id"] == customer) & (n["rank"] == rank)]["offer"].iloc[0]


def _bought(customer="C00010"):
    t = _table("transactions")
    return sorted(t.loc[t["customer_id"] == customer, "product_line"].astype(str).unique())[0]


q1 = targeted(NumberQuestion(
    chapter=CHAPTER, name="q1", title="Precision at a strict threshold",
    prompt="""
        Find the duplicate records of `customers_raw` with `find_duplicates(raw, threshold=0.9)`, merge
        them with `merge_duplicates` and measure with `pair_quality`. What is the pair precision? Store
        it in `precision` (a share between 0 and 1).
    """,
    expected=lambda: float(_quality(0.9)["precision"]),
    solution_code="""
        import crmlearn
        from crmlearn.idic import find_duplicates, merge_duplicates, pair_quality

        raw = crmlearn.load_dataset("customers_raw")
        q = pair_quality(merge_duplicates(raw, find_duplicates(raw, threshold=0.9)), raw)
        precision = q["precision"]
    """,
    answer_name="precision",
    hints=["Precision = correct pairs / predicted pairs.", "Use threshold=0.9, not the default."],
    explanation="A stricter threshold links fewer pairs; nearly all it links are right.",
    tol=1e-4,
), [(lambda: float(_quality(0.9)["recall"]), "That is the recall (share of true pairs found), not the precision."),
    (lambda: float(_quality(0.9)["correct_pairs"]), "That is a count of correct pairs; precision divides it "
     "by the predicted pairs."),
    (lambda: float(_quality(0.6)["precision"]), "That is the precision at the default threshold; use 0.9.")])

q2 = targeted(NumberQuestion(
    chapter=CHAPTER, name="q2", title="Recall at a loose threshold",
    prompt="""
        Same as q1 but with `threshold=0.4`: what is the pair recall? Store it in `recall`.
    """,
    expected=lambda: float(_quality(0.4)["recall"]),
    solution_code="""
        import crmlearn
        from crmlearn.idic import find_duplicates, merge_duplicates, pair_quality

        raw = crmlearn.load_dataset("customers_raw")
        recall = pair_quality(merge_duplicates(raw, find_duplicates(raw, threshold=0.4)), raw)["recall"]
    """,
    answer_name="recall",
    hints=["Recall = correct pairs / true pairs.", "True pairs: records with the same customer_id_true."],
    explanation="A loose threshold finds almost every true pair but links some different customers too.",
    tol=1e-4,
), [(lambda: float(_quality(0.4)["precision"]), "That is the precision; recall divides by the true pairs."),
    (lambda: float(_quality(0.4)["recall"]) * 100, "Give a share between 0 and 1, not a percentage.")])

q3 = targeted(NumberQuestion(
    chapter=CHAPTER, name="q3", title="Stale records",
    prompt="""
        How many records of `customers_raw` were not updated for more than two years (730 days) before
        2024-12-31? Store the count in `n_stale`.
    """,
    expected=lambda: _stale(730),
    solution_code="""
        import crmlearn
        from crmlearn.idic import stale_records

        raw = crmlearn.load_dataset("customers_raw")
        n_stale = len(stale_records(raw, as_of="2024-12-31", max_age_days=730))
    """,
    answer_name="n_stale",
    hints=["Use stale_records with max_age_days.", "Two years are 730 days."],
    explanation="Stale records need a check call before anyone relies on them.",
), [(lambda: _stale(365), "That counts records older than one year; the question asks for two."),
    (lambda: _stale(1095), "That counts records older than three years; the question asks for two.")])

q4 = targeted(NumberQuestion(
    chapter=CHAPTER, name="q4", title="Customers for cross-selling",
    prompt="""
        How many customers of `transactions` buy only ONE of Huaxin's product lines? Store the count in
        `n_single`.
    """,
    expected=lambda: _xsell(1),
    solution_code="""
        import crmlearn
        from crmlearn.idic import cross_sell_targets

        tx = crmlearn.load_dataset("transactions")
        n_single = len(cross_sell_targets(tx, max_lines=1))
    """,
    answer_name="n_single",
    hints=["cross_sell_targets(tx, max_lines=...)", "Only one line: max_lines=1."],
    explanation="Single-line buyers are the first cross-selling targets.",
), [(lambda: _xsell(2), "That counts customers with one OR two lines; the question asks for exactly one."),
    (lambda: _table("transactions")["customer_id"].nunique(), "That is every buyer, not the single-line ones.")])


def _golden_count():
    from crmlearn.idic import find_duplicates, merge_duplicates

    raw = _table("customers_raw")
    return len(merge_duplicates(raw, find_duplicates(raw, threshold=0.9)))


q5 = targeted(NumberQuestion(
    chapter=CHAPTER, name="q5", title="Golden records",
    prompt="""
        With `threshold=0.9`, how many golden records does `merge_duplicates` make from `customers_raw`?
        Store the count in `n_golden`.
    """,
    expected=_golden_count,
    solution_code="""
        import crmlearn
        from crmlearn.idic import find_duplicates, merge_duplicates

        raw = crmlearn.load_dataset("customers_raw")
        n_golden = len(merge_duplicates(raw, find_duplicates(raw, threshold=0.9)))
    """,
    answer_name="n_golden",
    hints=["One golden record per group of linked records.", "Count the rows of the merged table."],
    explanation="Golden records approach the true number of customers; the gap is what the threshold missed.",
), [(lambda: len(_table("customers_raw")), "That is the number of raw records, before merging."),
    (lambda: _table("customers_raw")["customer_id_true"].nunique(), "That is the true number of customers "
     "(the answer key), not what the method found.")])

q6 = targeted(CategoryQuestion(
    chapter=CHAPTER, name="q6", title="Which I.D.I.C step?",
    prompt="""
        A salesperson finds that three CRM records (different spellings, one with +86 in the phone) are
        the same company and merges them. Which I.D.I.C step is this: identify, differentiate, interact
        or customize? Store the step in `step`.
    """,
    expected="identify",
    choices=_STEPS,
    synonyms={"identify": ["识别", "identification"], "differentiate": ["差异分析"], "interact": ["互动"],
              "customize": ["定制", "customise"]},
    solution_code="""
        step = "identify"   # knowing who each customer is, once, is the first step
    """,
    answer_name="step",
    hints=["Which step is about knowing who the customer is?", "Merging records changes no offer and no contact."],
    explanation="Identify (识别): one record per real customer is what every later step needs.",
), [("differentiate", "Differentiating ranks customers by value and needs; merging records only says who they are."),
    ("interact", "No contact with the customer happens here; it is back-office work on the records.")])


def _scenario_ok():
    import pandas as pd

    from crmlearn.idic import mystery_shopper_score

    s = pd.DataFrame({"competitor": ["X"] * 12, "scenario": range(12), "score": [4.0] * 12})
    return "yes" if bool(mystery_shopper_score(s)["scenario_count_ok"].iloc[0]) else "no"


q7 = targeted(CategoryQuestion(
    chapter=CHAPTER, name="q7", title="A mystery-shopper plan",
    prompt="""
        A mystery-shopper study runs 12 scenarios against one competitor. Does that fit the source's
        advice on the number of scenarios (use `mystery_shopper_score`)? Answer "yes" or "no" in `fits`.
    """,
    expected=_scenario_ok,
    choices=["yes", "no"],
    solution_code="""
        import pandas as pd
        from crmlearn.idic import mystery_shopper_score

        s = pd.DataFrame({"competitor": ["X"] * 12, "scenario": range(12), "score": [4.0] * 12})
        print(mystery_shopper_score(s))
        fits = "no"
    """,
    answer_name="fits",
    hints=["The source names a range of scenarios.", "Look at scenario_count_ok."],
    explanation="The source advises 8 to 10 scenarios; 12 is more than it recommends.",
), [("yes", "More is not always better here: compare 12 with the recommended range."),
    ("maybe", "Answer yes or no: the function's flag decides.")])


def _level(staff, title):
    import pandas as pd

    from crmlearn.idic import contact_level_match

    r = contact_level_match(pd.DataFrame({"staff_level": [staff], "counterpart_title": [title]}))
    return "matched" if r["matched"] else ("ours lower" if r["ours_lower"] else "ours higher")


q8 = targeted(CategoryQuestion(
    chapter=CHAPTER, name="q8", title="Contact levels",
    prompt="""
        An inside-sales rep (`inside_sales`) calls the customer's general manager. Classify the contact
        with `contact_level_match`: "matched", "ours lower" or "ours higher"? Store it in `level`.
    """,
    expected=lambda: _level("inside_sales", "general manager"),
    choices=["matched", "ours lower", "ours higher"],
    solution_code="""
        import pandas as pd
        from crmlearn.idic import contact_level_match

        print(contact_level_match(pd.DataFrame({"staff_level": ["inside_sales"],
                                                "counterpart_title": ["general manager"]})))
        level = "ours lower"
    """,
    answer_name="level",
    hints=["Rank both sides: rep, manager, VP against buyer, manager, general manager.",
           "Compare our rank with theirs."],
    explanation="A general manager should be met by our VP: the rep is below the customer's level.",
), [("matched", "A rep and a general manager are not at the same level."),
    ("ours higher", "Check the direction: which side is more senior?")])

q9 = targeted(CategoryQuestion(
    chapter=CHAPTER, name="q9", title="Next best offer",
    prompt="""
        With `next_best_offer(tx, top=3)`, which product line is the FIRST offer for customer C00010?
        Store it in `offer`.
    """,
    expected=lambda: _nbo(1),
    solution_code="""
        import crmlearn
        from crmlearn.idic import next_best_offer

        n = next_best_offer(crmlearn.load_dataset("transactions"), top=3)
        offer = n[(n["customer_id"] == "C00010") & (n["rank"] == 1)]["offer"].iloc[0]
    """,
    answer_name="offer",
    hints=["Filter the result to customer C00010.", "Rank 1 has the largest lift."],
    explanation="The first offer is the line C00010 does not buy whose buyers overlap most with its own lines.",
), [(lambda: _nbo(2), "That is the second offer; rank 1 has the largest lift."),
    (_bought, "C00010 already buys that line: the offer is a line it does not buy yet.")])


def _too_few(customer):
    from crmlearn.idic import contacts_per_company

    c = contacts_per_company(_table("ka_contacts"), min_contacts=2)
    return "add contacts" if bool(c.loc[customer, "too_few"]) else "enough"


q10 = targeted(CategoryQuestion(
    chapter=CHAPTER, name="q10", title="Named contacts at a key account",
    prompt="""
        Using `ka_contacts` and `contacts_per_company(..., min_contacts=2)`, should Huaxin "add contacts"
        at key account C00002, or does it have "enough" named contacts? Store the action in `action`.
    """,
    expected=lambda: _too_few("C00002"),
    choices=["add contacts", "enough"],
    solution_code="""
        import crmlearn
        from crmlearn.idic import contacts_per_company

        c = contacts_per_company(crmlearn.load_dataset("ka_contacts"), min_contacts=2)
        print(c.loc["C00002"])
        action = "add contacts" if c.loc["C00002", "too_few"] else "enough"
    """,
    answer_name="action",
    hints=["Count the distinct contacted persons of C00002.", "Compare with min_contacts=2."],
    explanation="Several named contacts protect the relationship when one person leaves.",
), [(lambda: "enough" if _too_few("C00002") == "add contacts" else "add contacts",
     "Count the distinct named persons again and compare with 2."),
    ("C00002", "Answer with the action, not the customer id.")])

questions, progress, reset_progress = chapter_functions(CHAPTER)
