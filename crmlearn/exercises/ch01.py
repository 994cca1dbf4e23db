"""Exercises for chapter 1, CRM foundations (客户关系管理基础): lifecycle, relationship owners, ARPU.

Questions on Huaxin's transactions and customers for other cut-offs and managers than the chapter
shows, and on the telecom "volume without revenue" case. Every expected answer is computed by crmlearn.

>>> from crmlearn.exercises import ch01
>>> len(ch01.questions()) >= 10
True
"""
from __future__ import annotations

from functools import lru_cache

from ._placeholder import ____  # noqa: F401  (``ex.____`` in the starter cells)
from ._engine import CategoryQuestion, NumberQuestion, chapter_functions
from ._targeted import targeted

CHAPTER = "ch01"
_STAGES = ["acquisition", "growth", "maturity", "decline", "lost"]


@lru_cache(maxsize=None)
def _table(name: str):
    import crmlearn

    return crmlearn.load_dataset(name)


@lru_cache(maxsize=None)
def _stages(as_of: str):
    from crmlearn.lifecycle import lifecycle_stage

    return lifecycle_stage(_table("transactions"), as_of=as_of)["stage"].astype(str)


@lru_cache(maxsize=None)
def _risk():
    from crmlearn.lifecycle import revenue_at_risk

    return revenue_at_risk(_table("transactions"), _table("customers"))


def _arpu(s, r):
    from crmlearn.lifecycle import arpu_change

    return arpu_change(s, r)


def _count(stage, as_of="2024-06-30"):
    return int((_stages(as_of) == stage).sum())


def _stage_of(c, as_of="2024-06-30"):
    return _stages(as_of)[c]


_SYN = {"acquisition": ["获取", "获取期"], "growth": ["成长", "成长期"], "maturity": ["成熟", "成熟期"],
        "decline": ["衰退", "衰退期"], "lost": ["流失", "churned"]}


def _q_count(name, stage, wrong_stage):
    return targeted(NumberQuestion(
        chapter=CHAPTER, name=name, title=f"Customers in {stage} at mid-2024",
        prompt=f"""
            With `lifecycle_stage(tx, as_of="2024-06-30")`, how many customers are in the {stage} stage?
            Store the count in `n`.
        """,
        expected=lambda: _count(stage),
        solution_code=f"""
            import crmlearn
            from crmlearn.lifecycle import lifecycle_stage

            st = lifecycle_stage(crmlearn.load_dataset("transactions"), as_of="2024-06-30")
            n = int((st["stage"] == "{stage}").sum())
        """,
        answer_name="n",
        hints=["Use the cut-off 2024-06-30, not the end of the data.", "Count the rows with that stage."],
        explanation="The stage mix shows where the relationship effort should go.",
    ), [(lambda: _count(stage, "2024-12-31"), "That is the count at the end of 2024; use the cut-off 2024-06-30."),
        (lambda: _count(wrong_stage), f"That counts the {wrong_stage} stage.")])


q1 = _q_count("q1", "growth", "maturity")
q2 = _q_count("q2", "lost", "decline")


def _q_stage(name, customer):
    stage = lambda: _stage_of(customer)  # noqa: E731
    others = lambda: _stage_of(customer, "2024-12-31")  # noqa: E731
    return targeted(CategoryQuestion(
        chapter=CHAPTER, name=name, title=f"The stage of {customer}",
        prompt=f"""
            Which lifecycle stage is customer {customer} in at 2024-06-30 (acquisition, growth, maturity,
            decline or lost)? Store it in `stage`.
        """,
        expected=stage, choices=_STAGES, synonyms=_SYN,
        solution_code=f"""
            import crmlearn
            from crmlearn.lifecycle import lifecycle_stage

            st = lifecycle_stage(crmlearn.load_dataset("transactions"), as_of="2024-06-30")
            stage = st.loc["{customer}", "stage"]
        """,
        answer_name="stage",
        hints=["Compare the revenue of the last 12 months with the 12 months before.",
               "No purchase for a year means lost; a first purchase within the year means acquisition."],
        explanation="The rule: lost, then acquisition, then growth / decline beyond ±10%, else maturity.",
    ), [(lambda: "maturity" if stage() != "maturity" else "growth",
         "Compare revenue_last with revenue_before: the change is beyond or within ±10%?"),
        (lambda: others() if others() != stage() else ("lost" if stage() != "lost" else "decline"),
         "Check the cut-off: 2024-06-30, not the end of 2024.")])


q3 = _q_stage("q3", "C00020")
q4 = _q_stage("q4", "C00034")

q5 = targeted(NumberQuestion(
    chapter=CHAPTER, name="q5", title="What leaves with the third manager",
    prompt="""
        With `revenue_at_risk(tx, customers)`, what share of Huaxin's revenue leaves if the account
        manager with the THIRD largest revenue leaves? Store the share (0-1) in `share`.
    """,
    expected=lambda: float(_risk()["share"].iloc[2]),
    solution_code="""
        import crmlearn
        from crmlearn.lifecycle import revenue_at_risk

        risk = revenue_at_risk(crmlearn.load_dataset("transactions"), crmlearn.load_dataset("customers"))
        share = risk["share"].iloc[2]
    """,
    answer_name="share",
    hints=["The table is sorted by revenue, largest first.", "The third row is position 2."],
    explanation="When one person owns the relationship, the revenue leaves with that person.",
    tol=1e-6,
), [(lambda: float(_risk()["share"].iloc[0]), "That is the largest manager; the question asks for the third."),
    (lambda: float(_risk()["share"].iloc[2] * 100), "Give a share between 0 and 1, not a percentage.")])

q6 = targeted(CategoryQuestion(
    chapter=CHAPTER, name="q6", title="Which manager is the biggest risk?",
    prompt="""
        Which account manager (id) would take the most revenue with them on leaving (`revenue_at_risk`;
        "(none)" is not a manager)? Store the id in `am`.
    """,
    expected=lambda: str(_risk().drop(index="(none)", errors="ignore")["revenue"].idxmax()),
    solution_code="""
        import crmlearn
        from crmlearn.lifecycle import revenue_at_risk

        risk = revenue_at_risk(crmlearn.load_dataset("transactions"), crmlearn.load_dataset("customers"))
        am = risk.drop(index="(none)")["revenue"].idxmax()   # "(none)": customers without a manager
    """,
    answer_name="am",
    hints=["Look at the revenue column.", "idxmax gives the owner."],
    explanation="The largest single owner is the biggest single point of failure in the relationships.",
), [(lambda: str(_risk().drop(index="(none)", errors="ignore")["revenue"].idxmin()),
     "That manager has the least revenue: the biggest risk is the largest owner."),
    ("(none)", "Customers without an owner are not a manager.")])

q7 = targeted(NumberQuestion(
    chapter=CHAPTER, name="q7", title="ARPU growth",
    prompt="""
        A telecom operator's subscribers grow by 25% and its revenue by 8%. By how much does ARPU change
        (use `arpu_change`)? Store the growth as a share (e.g. -0.1) in `arpu`.
    """,
    expected=lambda: float(_arpu(0.25, 0.08)["arpu_growth"]),
    solution_code="""
        from crmlearn.lifecycle import arpu_change

        arpu = arpu_change(0.25, 0.08)["arpu_growth"]
    """,
    answer_name="arpu",
    hints=["ARPU = revenue / subscribers.", "(1 + revenue growth) / (1 + subscriber growth) - 1."],
    explanation="Subscribers grew faster than revenue: each user brings less (增量不增收).",
    tol=1e-6,
), [(0.08 - 0.25, "Growth rates do not subtract: divide (1 + 0.08) by (1 + 0.25)."),
    (lambda: float(-_arpu(0.25, 0.08)["arpu_growth"]), "Check the sign: revenue per user fell.")])

q8 = targeted(CategoryQuestion(
    chapter=CHAPTER, name="q8", title="Volume without revenue?",
    prompt="""
        Subscribers grow by 6%, revenue by 9%. Is this "volume without revenue" (增量不增收)? Answer
        "yes" or "no" in `flag`.
    """,
    expected=lambda: "yes" if _arpu(0.06, 0.09)["volume_without_revenue"] else "no",
    choices=["yes", "no"],
    solution_code="""
        from crmlearn.lifecycle import arpu_change

        r = arpu_change(0.06, 0.09)
        flag = "yes" if r["volume_without_revenue"] else "no"
    """,
    answer_name="flag",
    hints=["Compare the two growth rates.", "ARPU falls only if subscribers grow faster."],
    explanation="Revenue grows faster than subscribers, so ARPU rises: healthy growth.",
), [("yes", "Revenue grew faster than subscribers here: ARPU rises."), ("maybe", "Answer yes or no.")])

q9 = targeted(CategoryQuestion(
    chapter=CHAPTER, name="q9", title="The right action for a declining customer",
    prompt="""
        A customer's revenue fell by 40% from last year but it still orders. Which action fits its stage:
        "win back" (lost customers), "retain" (declining), "develop" (growth) or "welcome" (acquisition)?
        Store it in `action`.
    """,
    expected="retain",
    choices=["win back", "retain", "develop", "welcome"],
    solution_code="""
        action = "retain"   # decline: find out why and keep the customer before it is lost
    """,
    answer_name="action",
    hints=["It still orders, so it is not lost.", "A fall beyond 10% is the decline stage."],
    explanation="Decline calls for retention: find out why and act before the customer is lost.",
), [("win back", "It still orders: it is declining, not lost yet."),
    ("develop", "Revenue fell: this is not a growth customer.")])


def _uplift():
    from crmlearn.lifecycle import package_uplift

    return float(package_uplift(_table("subscribers"), price_per_service=15.0, take_up=0.1)["uplift"])


q10 = targeted(NumberQuestion(
    chapter=CHAPTER, name="q10", title="Package uplift (extension)",
    prompt="""
        Extension: if 10% of `subscribers` add one value-added service at CNY 15 a month, by what share
        does the monthly fee revenue rise (`package_uplift`)? Store it in `uplift`.
    """,
    expected=_uplift,
    solution_code="""
        import crmlearn
        from crmlearn.lifecycle import package_uplift

        uplift = package_uplift(crmlearn.load_dataset("subscribers"), price_per_service=15.0, take_up=0.1)["uplift"]
    """,
    answer_name="uplift",
    hints=["Added revenue = subscribers x take-up x price.", "Divide by the current monthly fee revenue."],
    explanation="Selling more to existing lines raises revenue without new subscribers.",
    tol=1e-6,
), [(lambda: _uplift() * 10, "Only 10% of subscribers take it up, not all of them."),
    (lambda: _uplift() * 100, "Give a share between 0 and 1, not a percentage.")])

questions, progress, reset_progress = chapter_functions(CHAPTER)
