"""The naming table of DESIGN.md ("Names"), checked on the whole public API.

Every parameter of every public function, class and public method of the subject modules must
be in the DESIGN table, be a ``min_...``/``max_...`` threshold, or be a role name listed below
with the reason it is not one of the table's names. A new parameter outside the table fails
here until it is renamed or listed (with a reason). Old keywords that were renamed keep working
with a FutureWarning naming the new one; that is tested at the end.
"""
from __future__ import annotations

import importlib
import inspect
import warnings

import numpy as np
import pandas as pd
import pytest

MODULES = ["customers", "grading", "segmentation", "satisfaction", "loyalty", "clv", "retention", "idic", "lifecycle",
           "display", "overview", "plots", "io", "report", "accounts"]

#: DESIGN.md "Names": the idea -> the one name.
DESIGN = {
    "customer": "customer id column", "date": "date column", "amount": "money on a transaction row",
    "value": "the per-customer value that is ranked, shared or graded", "top": "a top fraction",
    "cutoffs": "cut-offs between classes", "bins": "number of bins / levels", "random_state": "a seed",
    "unit": "time unit of a model", "freq": "calendar frequency", "ax": "matplotlib axes (keyword-only)",
    # the table, first positional: data, or what it is
    "data": "the table", "transactions": "the table", "survey": "the table",
}

#: Names of roles and of the tables a function takes, with why they are not a DESIGN name.
ROLES = {
    # tables named for what they are (DESIGN: "or transactions, survey, records where that is what it is")
    "summary": "the per-customer summary a model or rule reads (rfm_summary / summarize_customers)",
    "scores": "the rfm_scores table (or NPS scores)", "payments": "the invoices table",
    "contacts": "the contact log", "pyramid": "customer_pyramid's table", "tiers": "tier_classify's table",
    "table": "a computed table a plot draws", "pareto": "pareto_table's table", "lorenz": "lorenz_curve's table",
    "abc": "abc_classify's table", "scorecard": "value_scorecard's table", "profile": "a segment profile",
    "profiles": "segment_profiles' table", "k_table": "choose_k's table", "monthly": "monthly_revenue's table",
    "schedule": "simple_clv_schedule's table", "result": "nps()'s result", "items": "the rating item columns",
    "experiences": "a sequence of experiences", "alive": "survivor counts of one cohort",
    "model": "a fitted model", "bg": "a fitted BetaGeo", "gg": "a fitted GammaGamma",
    "customers": "the customers to report on (ids or the customers table)",
    # roles of RFM, CLV and the models (the lifetimes convention, DESIGN's CLV summary columns)
    "recency": "RFM/CLV role", "frequency": "RFM/CLV role", "monetary": "RFM role",
    "monetary_value": "CLV summary column", "T": "CLV summary column: the customer's age",
    "frequency_holdout": "holdout column", "duration_holdout": "holdout column",
    "t": "a time horizon in the model's unit", "n": "a count (customers, purchases)",
    "k": "number of clusters", "alpha": "sBG parameter", "beta": "sBG parameter", "params": "model parameters",
    "penalizer": "L2 penalty (lifetimes' name)", "tol": "optimiser tolerance (scikit-learn's name)",
    "initial_params": "optimiser start", "holdout": "length of the holdout period", "what": "which prediction",
    "blocks": "PLS blocks", "paths": "PLS paths", "scheme": "PLS inner scheme", "modes": "PLS outer modes",
    "scaled": "PLS scaling", "scale": "rating scale (low, high) or standardise features",
    "confidence": "interval level", "weights": "weights of items or perspectives",
    # chapters 07-08: columns and inputs named for what they hold
    "complaint": "the contact-log column flagging a complaint", "resolved": "the column flagging first-contact resolution",
    "hours": "the column of hours spent", "needs": "the need items to summarise", "year": "the calendar year to cost",
    "hour_cost": "money per hour of the customer's time (an assumption)", "contact_cost": "money per contact (an assumption)",
    "barrier": "the switching-barrier index column", "benchmark_rate": "the bank benchmark rate of the rate-war case",
    "spread": "the promised spread above the benchmark", "portfolio_yield": "what the insurer earns",
    "days": "length of the look-back window in days", "survey_date": "the survey's date column",
    "expectation": "the expected level (disconfirmation)", "rolling": "periods of the rolling mean",
    "barrier_name": "the barrier's label on the chart",
    # chapter 09 (retention) and chapters 05-06 (accounts): names the issues give, and tables/columns
    "cuts": "wallet_stage's stage boundaries (issue 13 names it cuts=)", "share": "the share-of-wallet column (issue 13)",
    "share_of_wallet": "the share-of-wallet table", "category": "the product-category column",
    "stage": "the stage column", "staged": "wallet_stage's table", "stages": "the stage order",
    "subscribers": "the telecom subscribers table", "n_subscribers": "a number of subscribers (churn_cost)",
    "churn_rate": "a churn rate (churn_cost's worked figures)", "acquisition_cost": "cost of winning one customer",
    "acquisition": "the acquisition-stage rule", "revenue_per_churner": "revenue lost per churned customer",
    "churned": "the churned flag column", "competitor_offer": "the competitor-offer flag column",
    "complaints": "the complaints column", "growth": "the growth column", "months": "a number of months",
    "target": "the outcome column of churn_model", "test_size": "scikit-learn's name for the holdout share",
    "window": "length of the recent window in days", "lost_after": "days without an order after which a customer is lost",
    "events": "the events table of opportunities()", "warnings": "early_warning's table", "truth": "ids of known cases",
    "start": "the start of a period", "period": "a period label (not a calendar frequency)", "output": "what to return",
    "sep": "the separator of a text list", "revenue": "revenue per account (a Series), accounts",
    "plan": "care_plan's table", "screen": "ka_screen's table", "conc": "ka_concentration's table",
    "accounts": "the key-account table (issue 11 names care_plan(accounts, ...))", "cards": "the ka_cards table (issue 11)",
    "customer_id": "one customer's id (issue 11: account_card(customer_id, ...))", "orders": "the orders table (issue 11: delivery_sla(orders))",
    "n_key_accounts": "issue 11's managers_needed(n_key_accounts, n_small, small_per_manager)", "n_small": "issue 11",
    "small_per_manager": "issue 11", "promised": "the promised call-back column", "candidates": "the candidate ids",
    "gg_penalizer": "the Gamma-Gamma model's penalizer", "sales_cover": "the sales-coverage column",
    "industry": "the industry column", "is_listed": "the listed-company column", "ownership": "the ownership column",
    "size": "the company-size column", "type_col": "the account-type column", "html_text": "AccountCard's HTML (a record field)",
    "balances": "the Citibank case's deposit balances", "deposits": "the P&G case's distributor deposits",
    "n_accounts": "a number of key accounts (Xerox)", "n_reps": "key-account representatives (Xerox)",
    "n_execs": "focused executives (Xerox)", "end": "the end of a period",
    "visit_date": "the BMW case's visit date", "spend": "the BMW case's spend", "tyre_change": "the BMW case's tyre change",
    # chapters 01 and 03 (crmlearn.idic, crmlearn.lifecycle)
    "add": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "big_share": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "channel": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "city": "the city column (issue 10)",
    "classes": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "competitor": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "contact_date": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "counterpart": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "direction": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "effort": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "email": "the e-mail column (issue 10)",
    "fcr": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "fee": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "fields": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "gold_share": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "golden": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "grade": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "highlight": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "id_col": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "mix": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "name": "the name column (issue 10: find_duplicates(name=...))",
    "names": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "owner": "the relationship-owner column (issue 10)",
    "pairs": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "person": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "phone": "the phone column (issue 10)",
    "phones": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "price_per_service": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "product": "the product column (issue 10: next_best_offer(product=...))",
    "quality": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "questions_per_contact": "issue 10's profile_questions parameter",
    "records": "the customer records table (issue 10)",
    "revenue_growth": "issue 10's arpu_change",
    "rules": "merge_duplicates' survivorship rules (issue 10)",
    "scenario": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "score": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "services": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "shift": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "staff_level": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "subscriber_growth": "issue 10's arpu_change(subscriber_growth, revenue_growth)",
    "take_up": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "threshold": "find_duplicates' score threshold (issue 10 names it threshold=)",
    "updated": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    "window_days": "a column or input of chapter 01/03 named for what it holds (crmlearn.idic, crmlearn.lifecycle)",
    # your own file (crmlearn.io, crmlearn.report)
    "source": "the file or table to read", "columns": "role -> column mapping", "dayfirst": "pandas' name for day-first dates",
    "currency": "the file's currency", "decimal": "pandas' name for the decimal mark", "sheet": "the Excel sheet",
    "import_report": "read_transactions' report", "title": "the report's title", "progress": "show a progress bar",
    "lifetime_value": "whether to fit the CLV models",
    "lines_read": "ImportReport field (a record of what was read, not an input)", "lines_kept": "ImportReport field",
    "value_kept": "ImportReport field", "set_aside": "ImportReport field: the lines not used", "notes": "ImportReport field",
    # the scorecard's four perspectives and its split
    "financial": "scorecard perspective", "service": "scorecard perspective",
    "potential": "scorecard perspective", "sales": "scorecard perspective",
    "split": "where current/potential value count as high", "method": "normalisation method",
    # column roles named for the idea they hold
    "cost": "cost column", "is_return": "return flag column", "order": "order id column",
    "tender": "tender result column", "lost": "the tender value meaning lost", "product_line": "column",
    "invoice_date": "column", "invoice_amount": "column", "payment_date": "column", "payment_amount": "column",
    "due_date": "column", "contact_type": "column", "kind": "customer kind column", "title": "column",
    "profit": "profit column", "cost_to_serve": "column", "price_sensitivity": "column",
    "n_suppliers": "column", "first_order": "column", "on_time": "column", "nature": "column",
    "internal": "flag column", "agent": "flag column", "adds_to_offering": "flag column",
    "attitude": "column", "patronage": "column", "repeat": "column", "intention": "column",
    "recommendation": "column", "satisfaction": "column", "switched": "column", "saving": "column",
    "switching_cost": "column", "risk": "column", "importance": "item columns", "performance": "item columns",
    "expected": "item columns", "perceived": "item columns", "functional": "Kano answer columns",
    "dysfunctional": "Kano answer columns", "features": "feature columns", "segment": "segment column",
    "tier": "tier column", "level": "level column / detail level", "column": "one column to look at",
    "columns": "columns to show / crosstab columns", "rows": "crosstab rows", "by": "group-by column(s)",
    "bases": "segmentation bases", "value_label": "axis label", "value_name": "legend word for the value",
    # settings with a meaning of their own
    "as_of": "the reference date", "calibration_end": "date", "holdout_end": "date",
    "period_days": "length of the indicator window in days", "grace_days": "days of grace after the due date",
    "cost_periods": "how many cost periods the value covers", "negative": "what to do with negative values",
    "inactive": "name of the inactive level", "levels": "pyramid levels", "labels": "class labels",
    "shares": "top fractions, one per grade (top= is a single fraction)",
    "thresholds": "value limits per grade (absolute, not shares)",
    "segment_map": "code pattern -> segment", "core": "core levels",
    "options": "strategy per level", "types": "contact type map", "organisation": "kinds", "individual": "kinds",
    "roles": "title -> role map", "other": "label for the rest", "normalize": "pandas crosstab's name",
    "tolerance": "half-width of the 'as expected' band", "initial": "starting expectation",
    "learning_rate": "expectation update rate", "bills": "story input", "discounts": "story input",
    "initial_discount": "story input", "dimensions": "SERVQUAL dimensions", "expected_prefix": "prefix",
    "perceived_prefix": "prefix", "crosshair": "IPA crosshair", "annotate": "write values in cells",
    "positions": "diagram layout", "r2": "R2 per latent", "stacked": "bar style", "figsize": "figure size",
    "log": "log-transform features", "k_range": "candidate k", "sample_size": "silhouette sample",
    "n_init": "k-means restarts (scikit-learn's name)", "n_boot": "bootstrap resamples",
    "n_recency": "grid points on the recency axis", "n_customers": "simulated customers",
    "n_satisfied": "number of satisfied customers", "preset": "Bain preset", "low": "range end",
    "high": "range end", "horizon": "periods or years ahead", "discount_rate": "CLV input",
    "margin": "CLV input", "retention": "CLV input (retention rate)", "periods": "number of periods",
    "actual": "actual survival to compare with", "gini": "Gini to print", "economy_fare": "case input",
    "multipliers": "case input", "passengers": "case input", "per_attendant": "case input",
    "digits": "display digits", "money_digits": "display digits", "other_digits": "display digits",
    "percent": "columns shown as percentages", "money": "columns shown as money",
    "values": "share or count (cohort_table's choice)",
}

#: Role names that may appear only in the functions listed (elsewhere the DESIGN name is due).
ONLY_IN = {
    "period": ({"customer_lifetime_value"}, "the discounting period of the CLV horizon (unit= is the "
               "summary's time unit); calendar periods elsewhere are freq="),
    "cutoff": ({"pareto_chart"}, "the one cumulative share where the chart marks the crossing, not class "
               "boundaries"),
}

VAR = {"args", "kwargs"}   # exceptions' constructors


def _public_callables():
    for m in MODULES:
        mod = importlib.import_module(f"crmlearn.{m}")
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.isclass(obj):
                if issubclass(obj, BaseException):
                    continue
                yield f"{m}.{name}", obj.__init__
                for k, v in vars(obj).items():
                    if not k.startswith("_") and inspect.isfunction(v):
                        yield f"{m}.{name}.{k}", v
            elif callable(obj):
                yield f"{m}.{name}", obj


def _params():
    out = []
    for qual, f in _public_callables():
        for p in inspect.signature(f).parameters.values():
            if p.name in ("self", "cls") or p.name in VAR:
                continue
            out.append((qual, p))
    return out


def test_the_walk_sees_the_api():
    names = {q for q, _ in _public_callables()}
    assert {"grading.abc_classify", "clv.BetaGeo.fit", "plots.ipa_chart", "retention.simulate_sbg",
            "satisfaction.PLSPathModel.bootstrap", "customers.summarize_customers"} <= names
    assert len(names) > 100


def test_every_parameter_name_is_in_the_table():
    bad = []
    for qual, p in _params():
        name = p.name
        func = qual.split(".")[-1] if qual.count(".") == 1 else qual.split(".")[-2]
        if name in DESIGN or name in ROLES or name.startswith(("min_", "max_")):
            continue
        if name in ONLY_IN and func in ONLY_IN[name][0]:
            continue
        bad.append(f"{qual}({name}=)")
    assert not bad, ("parameter names outside DESIGN.md's table and the listed roles: " + ", ".join(bad)
                     + ". Rename them (with crmlearn._core.compat.renamed_kwargs) or list the role with a reason.")


def test_design_names_have_the_design_defaults():
    for qual, p in _params():
        if p.name == "customer" and p.default is not inspect.Parameter.empty:
            assert p.default == "customer_id", qual
        if p.name == "random_state":
            assert p.kind is p.KEYWORD_ONLY, qual


def test_ax_is_keyword_only_in_every_plot():
    plots = importlib.import_module("crmlearn.plots")
    for name in plots.__all__:
        f = getattr(plots, name)
        sig = inspect.signature(f)
        if "ax" in sig.parameters and name != "get_ax":
            assert sig.parameters["ax"].kind is inspect.Parameter.KEYWORD_ONLY, name
            assert sig.parameters["ax"].default is None, name


def test_no_seed_left():
    assert not [q for q, p in _params() if p.name == "seed"]


# ---------------------------------------------------------------------------------------------
# old keywords warn and still work
# ---------------------------------------------------------------------------------------------
def _same(a, b):
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b)
    else:
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))


def _tx():
    return pd.DataFrame({
        "customer_id": ["A", "A", "B", "B", "C", "C", "D"],
        "order_date": pd.to_datetime(["2023-01-05", "2024-02-01", "2023-03-01", "2024-03-02", "2023-06-01",
                                      "2024-07-01", "2024-08-01"]),
        "amount": [100.0, 50.0, 30.0, 300.0, 80.0, 20.0, 10.0]})


def _cases():
    from crmlearn import clv, grading, loyalty, overview, retention, segmentation

    summary = pd.DataFrame({"recency_days": [10, 400, 30, 700], "frequency": [5, 1, 3, 1],
                            "monetary": [900.0, 50.0, 300.0, 20.0], "abc_class": ["A", "C", "B", "C"],
                            "cost_to_serve_cny": [50.0, 20.0, 30.0, 10.0]},
                           index=pd.Index(["A", "B", "C", "D"], name="customer_id"))
    survey = pd.DataFrame({"emotional_attachment": [5, 2, 4, 1], "frequency": [6, 1, 2, 7],
                           "overall_satisfaction": [5, 4, 2, 5], "switched_within_12m": [True, False, False, True]})
    params = {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}
    return [
        ("simulate_bgnbd", lambda **k: clv.simulate_bgnbd(50, params, **k), {"seed": 1}, {"random_state": 1}),
        ("simulate_gamma_gamma", lambda **k: clv.simulate_gamma_gamma(np.array([1, 2, 3]), {"p": 6, "q": 4, "gamma": 15}, **k),
         {"seed": 2}, {"random_state": 2}),
        ("simulate_sbg", lambda **k: retention.simulate_sbg(100, 1.0, 2.0, periods=3, **k), {"seed": 3}, {"random_state": 3}),
        ("simulate_bain", lambda **k: loyalty.simulate_bain(n_customers=200, **k), {"seed": 4}, {"random_state": 4}),
        ("cost_to_serve_by_class", lambda **k: grading.cost_to_serve_by_class(summary, **k),
         {"revenue": "monetary"}, {"value": "monetary"}),
        ("gold_persistence", lambda **k: grading.gold_persistence(_tx(), **k), {"share": 0.5}, {"top": 0.5}),
        ("bad_customers", lambda **k: grading.bad_customers(summary, _tx(), tender=None, **k),
         {"inactive_days": 100}, {"max_recency_days": 100}),
        ("behaviour_segments", lambda **k: segmentation.behaviour_segments(summary, **k),
         {"frequent": 3}, {"min_frequent": 3}),
        ("loyalty_matrix", lambda **k: loyalty.loyalty_matrix(survey, **k),
         {"attitude_threshold": 3, "patronage_threshold": 3}, {"min_attitude": 3, "min_patronage": 3}),
        ("satisfied_switchers", lambda **k: loyalty.satisfied_switchers(survey, **k),
         {"satisfied_min": 5}, {"min_satisfaction": 5}),
        ("column_profile", lambda **k: overview.column_profile(summary, "abc_class", **k),
         {"top": 2}, {"max_categories": 2}),
        ("cohort_table", lambda **k: retention.cohort_table(_tx(), **k), {"period": "Y"}, {"freq": "Y"}),
        ("churn_rate", lambda **k: retention.churn_rate(_tx(), **k), {"period": "Y"}, {"freq": "Y"}),
    ]


@pytest.mark.parametrize("case", _cases(), ids=[c[0] for c in _cases()])
def test_old_keyword_warns_and_works(case):
    name, call, old, new = case
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        expected = call(**new)                      # the new names do not warn
    with pytest.warns(FutureWarning) as record:
        got = call(**old)
    _same(expected, got)
    messages = " ".join(str(w.message) for w in record)
    for o, n in zip(old, new):
        assert f"{o}= is now {n}=" in messages and name in messages, messages


def test_old_and_new_keyword_together_is_an_error():
    from crmlearn.retention import simulate_sbg

    with pytest.raises(TypeError, match="got both seed= .* and random_state="):
        simulate_sbg(10, 1.0, 1.0, periods=2, seed=1, random_state=1)


def test_bootstrap_seed_still_works():
    from crmlearn.satisfaction import PLSPathModel

    rng = np.random.default_rng(0)
    q = rng.normal(size=120)
    df = pd.DataFrame({"q1": q + rng.normal(size=120), "q2": q + rng.normal(size=120),
                       "s1": q + rng.normal(size=120), "s2": q + rng.normal(size=120)})
    model = PLSPathModel({"Q": ["q1", "q2"], "S": ["s1", "s2"]}, [("Q", "S")]).fit(df)
    new = model.bootstrap(df, n_boot=20, random_state=5)
    with pytest.warns(FutureWarning, match="seed= is now random_state="):
        old = model.bootstrap(df, n_boot=20, seed=5)
    pd.testing.assert_frame_equal(new, old)


def test_positional_ax_warns_and_works():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crmlearn.plots import nps_chart
    from crmlearn.satisfaction import nps

    result = nps(pd.Series([10, 9, 8, 3, 10, 6]))
    fig, ax = plt.subplots()
    with pytest.warns(FutureWarning, match="pass ax= as a keyword"):
        out = nps_chart(result, ax)
    assert out is ax
    plt.close(fig)
    with pytest.raises(TypeError, match="positional"):
        nps_chart(result, ax, ax)


def test_plots_mirror_the_computation_modules():
    """plots/<name>.py draws the tables of crmlearn/<name>.py (DESIGN.md, "The package")."""
    import pkgutil

    import crmlearn.plots as plots

    subs = {m.name for m in pkgutil.iter_modules(plots.__path__) if not m.name.startswith("_")}
    subs.discard("course")   # the old name of plots.overview, kept for old imports
    assert {"grading", "segmentation", "satisfaction", "loyalty", "retention", "clv", "overview"} <= subs
    for name in subs:
        importlib.import_module(f"crmlearn.{name}")          # a computation module of that name exists
        mod = importlib.import_module(f"crmlearn.plots.{name}")
        for f in mod.__all__:
            assert getattr(mod, f).__module__ == mod.__name__, f"{f} is listed in plots.{name} but lives elsewhere"
    # the moved plots are still importable from their old modules
    from crmlearn.plots.clv import cohort_heatmap  # noqa: F401
    from crmlearn.plots.course import column_chart  # noqa: F401
    from crmlearn.plots.grading import segment_profile_plot  # noqa: F401
    from crmlearn.plots.satisfaction import loyalty_matrix_chart  # noqa: F401
