"""Exercises for chapter 6, the key-account service system (大客户服务体系): staffing, PAS, care, cards, Dell.

The five exercises of the syllabus (the BMW visits, the PAS attainment, the account managers
needed, the CITIC dates, Air China's measures), then questions on Huaxin's key-account cards,
care plans, stages and service tiers with other dates, types and cut-offs than the chapter shows.
Every expected answer is computed by crmlearn.

>>> from crmlearn.exercises import ch06
>>> len(ch06.questions()) >= 10
True
"""
from __future__ import annotations

from functools import lru_cache

from ._engine import CategoryQuestion, ListQuestion, NumberQuestion, SetQuestion, chapter_functions, teach

CHAPTER = "ch06"

#: The chapter's setup: one cell at the top of the exercise notebook (and run before every solution).
SETUP = """
import crmlearn

customers = crmlearn.load_dataset("customers")        # the customer master (is_key_account, ka_type)
transactions = crmlearn.load_dataset("transactions")  # the orders
cards = crmlearn.load_dataset("ka_cards")             # the key-account information cards
kcon = crmlearn.load_dataset("ka_contacts")           # the contacts recorded on the cards
"""
from ._placeholder import ____  # noqa: E402,F401  (``ex.____`` in the starter cells)

#: The date of q7 and of q8's call-back question.
Q7_AS_OF = "2023-09-30"
Q8_AS_OF = "2023-05-10"
#: The account of q11 and the tier cut-offs it uses.
Q11_CUSTOMER = "C00146"
Q11_CUTOFFS = (0.05, 0.15, 0.4)


@lru_cache(maxsize=None)
def _table(name: str):
    """A course table, loaded once per session (read only)."""
    import crmlearn

    return crmlearn.load_dataset(name)


# --- q1: the BMW visit (syllabus exercise 1) -----------------------------------------------------------
def _bmw(date="2012-12-10", spend=1200, tyre=True):
    from crmlearn.accounts import bmw_campaign

    return bmw_campaign(date, spend, tyre_change=tyre)


q1 = SetQuestion(
    chapter=CHAPTER, name="q1", title="What does the BMW owner get?",
    prompt="""
        A BMW owner visits on 10 December 2012, spends CNY 1,200 and replaces her tyres. What does she get in
        the 2012 winter care campaign? Use `crmlearn.accounts.bmw_campaign(visit_date, spend, tyre_change=...)`
        and store the list it returns in `benefits`.
    """,
    expected=_bmw,
    solution_code="""
        from crmlearn.accounts import bmw_campaign

        benefits = bmw_campaign("2012-12-10", 1200, tyre_change=True)
    """,
    answer_name="benefits",
    hints=["The campaign runs from 15 November to 15 December 2012: is the visit inside it?",
           "Four rules: the checks, any spend, a spend of CNY 1,000 or more, a tyre change."],
    explanation="All four: the 30 checks, the gift pack, the 2013 desk calendar (spend >= CNY 1,000) and the "
                "tyre-pressure gauge.",
)


# --- q2: the second BMW visit (syllabus exercise 1, second part) ------------------------------------------
def _second_visit():
    return "yes" if _bmw("2012-12-20", 1200, True) else "no"


q2 = CategoryQuestion(
    chapter=CHAPTER, name="q2", title="A visit on 20 December",
    prompt="""
        Another owner visits on 20 December 2012 with the same spend and a tyre change. Does the winter care
        campaign give her anything? Answer "yes" or "no" in `earns`.
    """,
    expected=_second_visit,
    choices=["yes", "no"],
    solution_code="""
        from crmlearn.accounts import bmw_campaign

        print(bmw_campaign("2012-12-20", 1200, tyre_change=True))
        earns = "no"
    """,
    answer_name="earns",
    hints=["A time-boxed campaign: check the dates first.", "The campaign ends on 15 December 2012."],
    explanation="Nothing: the campaign ended on 15 December. A time box is part of the offer.",
)


# --- q3: PAS delivery (syllabus exercise 2) ------------------------------------------------------------
def _sla():
    from crmlearn.accounts import delivery_sla

    return float(delivery_sla([5] * 34 + [9] * 6, max_days=7)["attainment"])


q3 = NumberQuestion(
    chapter=CHAPTER, name="q3", title="Nippon Paint's 7-day attainment",
    prompt="""
        Of 40 PAS orders, 34 arrived within 7 days of the order. What is the SLA attainment? A share (0-1) in
        `attainment`.
    """,
    expected=_sla,
    solution_code="""
        from crmlearn.accounts import delivery_sla

        days = [5] * 34 + [9] * 6          # 34 on time, 6 late
        attainment = delivery_sla(days, max_days=7)["attainment"]
    """,
    answer_name="attainment",
    hints=["Attainment = orders on time / all orders.", "34 / 40."],
    explanation="85%: six strategic-client orders in forty broke the promise of delivery within 7 days.",
    tol=1e-6,
)


# --- q4: account managers (syllabus exercise 3) --------------------------------------------------------
def _managers(n_key, n_small, per):
    from crmlearn.accounts import managers_needed

    return managers_needed(n_key, n_small, small_per_manager=per)


q4 = NumberQuestion(
    chapter=CHAPTER, name="q4", title="Account managers needed",
    prompt="""
        A firm has 6 important key accounts (one manager each) and 40 smaller accounts shared 5 per manager.
        How many account managers are needed? Use `crmlearn.accounts.managers_needed` and store it in `managers`.
    """,
    expected=lambda: _managers(6, 40, 5),
    solution_code="""
        from crmlearn.accounts import managers_needed

        managers = managers_needed(6, 40, small_per_manager=5)
    """,
    answer_name="managers",
    hints=["Important key accounts get one manager each; the small ones share.", "6 + 40 / 5."],
    explanation="6 + 8 = 14: the key accounts take almost half of the managers for an eighth of the accounts.",
    tol=1e-9,
)


# --- q5: CITIC (syllabus exercise 4) --------------------------------------------------------------------
def _citic_days():
    from crmlearn.accounts import CITIC_MILESTONES, days_between

    d = CITIC_MILESTONES["date"]
    return days_between(d.iloc[0], d.iloc[2])


q5 = NumberQuestion(
    chapter=CHAPTER, name="q5", title="From the first CITIC card to the Star Alliance label",
    prompt="""
        How many days passed between the first CITIC-Air China co-branded card (28 March 2006) and the CITIC
        Air China Zhiyin World card with the Star Alliance gold label (29 October 2010)? Store it in `days`.
    """,
    expected=_citic_days,
    solution_code="""
        from crmlearn.accounts import days_between

        days = days_between("2006-03-28", "2010-10-29")
    """,
    answer_name="days",
    hints=["Subtract the dates; pandas counts the leap day of 2008.", "crmlearn.accounts.days_between(start, end)."],
    explanation="1,676 days, four and a half years of building one cross-industry partnership.",
    tol=1e-9,
)


# --- q6: Air China's measures (syllabus exercise 5) ---------------------------------------------------------
_CARE_KINDS = ["individual", "group", "personalised"]

q6 = ListQuestion(
    chapter=CHAPTER, name="q6", title="Individual, group or personalised care?",
    prompt="""
        Classify these Air China measures as "individual", "group" or "personalised" care, in this order:
        (a) a travel forum, (b) a dedicated travel account manager, (c) a holiday care activity. Store the list
        in `kinds`.
    """,
    expected=lambda: ["group", "personalised", "group"],
    synonyms={"personalised": ["personalized", "个性化"], "group": ["团体", "group care"], "individual": ["个人"]},
    solution_code="""
        kinds = ["group", "personalised", "group"]
    """,
    answer_name="kinds",
    hints=["A forum and a holiday activity bring many customers together.",
           "A manager dedicated to one account is care fitted to that account."],
    explanation="Forums and holiday activities are group care; a dedicated manager is personalised care.",
)


# --- q7: overdue call-backs on another date ---------------------------------------------------------------
def _overdue(as_of=Q7_AS_OF):
    from crmlearn.accounts import overdue_followups

    return len(overdue_followups(_table("ka_contacts"), as_of=as_of))


def _promised_before():
    import pandas as pd

    k = _table("ka_contacts")
    return int((pd.to_datetime(k["promised_callback_date"]) < pd.Timestamp(Q7_AS_OF)).sum())


q7 = NumberQuestion(
    chapter=CHAPTER, name="q7", title="Overdue call-backs at the end of September",
    prompt=f"""
        How many promised call-backs on the key-account cards are overdue on {Q7_AS_OF} (promised before that
        day, and no later contact with the customer)? Use `crmlearn.accounts.overdue_followups` and store the
        number in `n_overdue`.
    """,
    expected=_overdue,
    solution_code=f"""
        from crmlearn.accounts import overdue_followups

        n_overdue = len(overdue_followups(kcon, as_of="{Q7_AS_OF}"))
    """,
    answer_name="n_overdue",
    hints=["A promise is kept if the customer was contacted again after it.",
           "overdue_followups(kcon, as_of=...) returns one row per overdue call-back."],
    explanation="Each one is a next step the salesperson owes: the card turns them into a to-do list.",
)


# --- q8: what to do when Tang Jun does not call back ------------------------------------------------------
q8 = CategoryQuestion(
    chapter=CHAPTER, name="q8", title="Tang Jun has not called back",
    prompt=f"""
        It is {Q8_AS_OF}. The Shanghai Tobacco printing factory (C00415) promised to call back within two weeks
        of the proposal; nobody has called. Read its card (`crmlearn.accounts.account_card("C00415",
        cards=cards, contacts=kcon)`) and its overdue follow-up. What should the salesperson do: "wait",
        "call again" or "close the account"? Store it in `action`.
    """,
    expected="call again",
    choices=["wait", "call again", "close the account"],
    synonyms={"call again": ["call", "follow up", "phone", "回访", "call back"], "close the account": ["close", "drop"]},
    solution_code=f"""
        from crmlearn.accounts import overdue_followups

        late = overdue_followups(kcon, as_of="{Q8_AS_OF}")
        print(late.loc[late["customer_id"] == "C00415", ["next_step_plan", "days_overdue"]])
        action = "call again"
    """,
    answer_name="action",
    hints=["The card's last next step says what was agreed if the promise is not kept.",
           "An overdue promise is the supplier's task, not the customer's."],
    explanation="Call again: the next step was agreed ('call again if none within two weeks'); the customer "
                "still has the incumbent, so waiting hands the project back to company X.",
)


# --- q9: Dell's stage of an account -------------------------------------------------------------------------
def _stage():
    import pandas as pd

    from crmlearn.accounts import account_stage

    d = pd.DataFrame({"share": [0.35], "retention": [0.8], "growth": [0.25]})
    return str(account_stage(d)["stage"].iloc[0])


q9 = CategoryQuestion(
    chapter=CHAPTER, name="q9", title="Which Dell stage?",
    prompt="""
        A key account buys 35% of its office supplies from us, keeps 80% of the product categories it bought
        from us last year, and its purchases from us grew by 25%. In which stage is it by the course's rules
        (`crmlearn.accounts.account_stage`): "acquisition", "expansion" or "retention"? Store it in `stage`.
    """,
    expected=_stage,
    choices=["acquisition", "expansion", "retention"],
    synonyms={"acquisition": ["获得", "acquire"], "expansion": ["拓展", "expand"], "retention": ["保持", "retain"]},
    solution_code="""
        import pandas as pd
        from crmlearn.accounts import account_stage

        d = pd.DataFrame({"share": [0.35], "retention": [0.8], "growth": [0.25]})
        stage = str(account_stage(d)["stage"].iloc[0])
    """,
    answer_name="stage",
    hints=["The rules: acquisition below a 20% share or 50% retention; retention from a 50% share with "
           "growth below 10%; expansion otherwise.",
           "Check the share against both limits."],
    explanation="Expansion: the account is won and kept, and there is room for a larger share; field sales "
                "bring solutions for more categories.",
)


# --- q10: care actions for the important accounts ---------------------------------------------------------
def _care_important(kind=None):
    from crmlearn.accounts import care_plan

    c = _table("customers")
    ka = c[c["is_key_account"].astype(bool) & (c["ka_type"] == "important")]
    plan = care_plan(ka, year=2026)
    return len(plan) if kind is None else int((plan["kind"] == kind).sum())


def _care_one_important():
    import pandas as pd

    from crmlearn.accounts import care_plan

    return len(care_plan(pd.DataFrame({"customer_id": ["x"], "ka_type": ["important"]}), year=2026))


q10 = NumberQuestion(
    chapter=CHAPTER, name="q10", title="Care actions for the important accounts",
    prompt="""
        Build the 2026 care plan (`crmlearn.accounts.care_plan(accounts, year=2026)`) for Huaxin's key accounts of
        type "important" (`customers` with `is_key_account` true and `ka_type == "important"`). How many care
        actions does it hold in all? Store the number in `n_actions`.
    """,
    expected=_care_important,
    solution_code="""
        from crmlearn.accounts import care_plan

        important = customers[customers["is_key_account"] & (customers["ka_type"] == "important")]
        n_actions = len(care_plan(important, year=2026))
    """,
    answer_name="n_actions",
    hints=["care_plan returns one row per account and action.", "Count the rows of the plan for all important accounts."],
    explanation="Every important account gets the four common actions, two group activities and two "
                "personalised measures: the plan scales with the number of accounts.",
)


# --- q11: the tier of one account with other cut-offs --------------------------------------------------------
def _ka_value():
    t = _table("transactions")
    c = _table("customers")
    buy = t[~t["is_return"].astype(bool) & (t["tender_result"] != "lost")]
    ka = c.loc[c["is_key_account"].astype(bool), "customer_id"]
    return buy[buy["customer_id"].isin(ka)].groupby("customer_id")["amount"].sum()


def _tier(cutoffs=Q11_CUTOFFS):
    from crmlearn.accounts import service_tiers

    return str(service_tiers(_ka_value(), cutoffs=cutoffs).loc[Q11_CUSTOMER, "tier"])


q11 = CategoryQuestion(
    chapter=CHAPTER, name="q11", title=f"The service tier of {Q11_CUSTOMER}",
    prompt=f"""
        Rank Huaxin's key accounts by their purchases (orders that are not returns or lost tenders, summed per
        customer) and give service tiers with `crmlearn.accounts.service_tiers(value, cutoffs={Q11_CUTOFFS})`:
        the top 5% platinum, up to 15% gold, up to 40% silver. Which tier does {Q11_CUSTOMER} get? Store it in `tier`.
    """,
    expected=_tier,
    choices=["platinum", "gold", "silver", "standard"],
    solution_code=f"""
        from crmlearn.accounts import service_tiers

        buy = transactions[~transactions["is_return"] & (transactions["tender_result"] != "lost")]
        ka_ids = customers.loc[customers["is_key_account"], "customer_id"]
        value = buy[buy["customer_id"].isin(ka_ids)].groupby("customer_id")["amount"].sum()
        tier = str(service_tiers(value, cutoffs={Q11_CUTOFFS})["tier"].loc["{Q11_CUSTOMER}"])
    """,
    answer_name="tier",
    hints=["Pass the cut-offs of the question, not the defaults.", "Read the tier column at the customer's id."],
    explanation="Wider tiers move accounts up: who gets platinum service is a choice with a cost to serve.",
)


# --- targeted messages for the typical mistakes ---------------------------------------------------------
MISTAKES = {
    "q1": [(lambda: _bmw(spend=800), "The desk calendar is missing: the owner spent more than CNY 1,000."),
           (lambda: _bmw(tyre=False), "The tyre change earns something too: look at the last rule.")],
    "q2": [("yes", "Check the date against the campaign window: when did it end?"),
           (lambda: len(_bmw("2012-12-20")), "That number is the length of the list; the question wants yes or "
            "no, as a word.")],
    "q3": [(34, "34 is the number of orders on time; divide it by the 40 orders."),
           (6 / 40, "That is the share of LATE orders; attainment counts the orders on time.")],
    "q4": [(40 // 5, "You counted only the managers of the small accounts; the key accounts get one each too."),
           (6 + 40, "One manager per account is too many: the 40 small accounts share, 5 per manager.")],
    "q5": [(1137, "That is the time to the Xiamen Airlines card (May 2009); the question goes on to October 2010."),
           (4 * 365, "Counting whole years drops the seven months after March and the leap day; subtract the dates.")],
    "q6": [(["personalised", "group", "group"], "(a) and (b) look swapped: which one brings many customers together?"),
           (["group", "individual", "group"], "A manager dedicated to the account is care fitted to it: the source "
            "calls that personalised.")],
    "q7": [(_promised_before, "That counts every promise before the date, also those followed by a later contact."),
           (lambda: _overdue("2023-04-26"), "That is the chapter's date; count on the date of the question.")],
    "q8": [("wait", "The promised two weeks are over, and the card's next step says what to do then."),
           ("close the account", "The customer said 'looks good' and has a need; one missed call does not end that.")],
    "q9": [("retention", "Retention needs a share of at least 50% and little growth; this account grows fast."),
           ("acquisition", "Acquisition is for accounts with a share below 20% or low retention; check both.")],
    "q10": [(_care_one_important, "That is the plan of ONE important account; count for all of them."),
            (lambda: _care_important("common"), "Those are the common actions only; count the group and "
             "personalised ones too.")],
    "q11": [(lambda: _tier((0.01, 0.05, 0.2)), "That is its tier with the default cut-offs; pass the question's."),
            ("platinum", "Platinum is only the top 5%: count how many accounts rank above it.")],
}
#: Questions that ask for a judgement (classify a case, choose an action, interpret a figure).
JUDGEMENT = {"q1", "q2", "q6", "q8", "q9", "q11"}
#: The taught options of the list questions (for the answer leak test).
CHOICES = {"q6": _CARE_KINDS}
#: The words that identify a question's case when its answer is one of the taught options.
LEAK_CONTEXT = {"q1": ["10 December", "1,200"], "q2": ["20 December"], "q6": ["travel forum", "holiday"],
                "q8": [Q8_AS_OF], "q9": ["35%", "80%"], "q11": [Q11_CUSTOMER]}
for _name, _mistakes in MISTAKES.items():
    teach(globals()[_name], mistakes=_mistakes, setup=SETUP, judgement=_name in JUDGEMENT,
          leak_context=LEAK_CONTEXT.get(_name, ()), choices=CHOICES.get(_name),
          starter=f"{globals()[_name].answer_name} = ex.____")

questions, progress, reset_progress = chapter_functions(CHAPTER)
