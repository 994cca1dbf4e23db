"""``crmlearn report`` and ``crmlearn grade``: the course's methods on your own file, in one go.

:func:`customer_grades` gives one row per customer with every grade the course teaches (ABC class,
pyramid level, RFM scores and segment, k-means segment, and, where the history allows it, the
probability of being active and a 12-month lifetime value). :func:`build_report` writes a single
self-contained HTML page (figures embedded, no external address, every text from the data
escaped) with the import report and data quality, concentration, ABC, the pyramid, RFM segments,
lifetime value with a holdout check and plain warnings, k-means segments, and what to do per
segment.

Both take the transaction table that :func:`crmlearn.io.read_transactions` returns.
"""
from __future__ import annotations

import base64
import html
import io
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._validation import CRMDataError

__all__ = ["customer_grades", "build_report", "SEGMENT_ACTIONS"]

#: What the course advises for each RFM segment (chapter 4), in plain words.
SEGMENT_ACTIONS = {
    "important value": "Your best customers: protect them. Personal contact, priority service, no discount needed.",
    "important development": "Recent big spenders who buy rarely: give them reasons to come back more often.",
    "important retention": "Frequent big spenders who have not bought lately: call them before they leave.",
    "important win-back": "Big spenders, rare and lapsed: find out why and make a win-back offer worth their value.",
    "general value": "Frequent and recent but small: cross-sell and up-sell to raise the order value.",
    "general development": "New or occasional small buyers: low-cost nurture (newsletters, first-repeat offers).",
    "general retention": "Used to buy often, small and now quiet: a low-cost reminder, then let go if no answer.",
    "general win-back": "Small, rare and lapsed: serve at the lowest cost; do not spend on winning them back.",
    "no purchase (returns only)": "Only returns in the period: check the returns and the account before any offer.",
}

NO_PURCHASE = ("no purchase (returns only)", "无购买（仅退货）")
KMEANS_FEATURES = ("recency_days", "frequency", "monetary")
K_RANGE = range(2, 7)
HOLDOUT_SHARE = 0.25        # the last quarter of the history checks the lifetime-value model
MIN_WEEKS_FOR_CLV = 26      # shorter histories get no lifetime-value section
CLV_HORIZON_MONTHS = 12
CLV_DISCOUNT_RATE = 0.01    # per month
HOLDOUT_GAP = 0.2           # predicted vs actual holdout purchases further apart than this: warn
ALIVE_FLOOR = 0.95          # 90% of customers above this P(alive): the model sees no churn


def _customers(transactions: pd.DataFrame, as_of):
    from ..customers import summarize_customers

    return summarize_customers(transactions, as_of=as_of)


def _rfm_summary(transactions, *, calibration_end=None, holdout_end=None, as_of=None):
    from ..clv import rfm_summary

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)   # customers acquired in the holdout: said in the report
        return rfm_summary(transactions, amount="amount", unit="W", as_of=as_of,
                           calibration_end=calibration_end, holdout_end=holdout_end)


def customer_grades(transactions: pd.DataFrame, *, as_of: Any = None, random_state: int = 0,
                    lifetime_value: bool = True) -> pd.DataFrame:
    """One row per customer with every grade the course teaches.

    Parameters
    ----------
    transactions : DataFrame
        Transactions as :func:`crmlearn.io.read_transactions` returns them (``customer_id``,
        ``order_date``, ``amount``, ``is_return``).
    as_of : date, optional
        The reference day (default: the last order date).
    random_state : int, default 0
        Seed of the k-means segmentation.
    lifetime_value : bool, default True
        Add ``p_alive`` and ``clv_12m`` from BG/NBD and Gamma-Gamma (needs 26 weeks of history).

    Returns
    -------
    DataFrame
        The customer summary (recency, frequency, monetary, ...) with ``abc_class``,
        ``pyramid_level``, ``R``, ``F``, ``M``, ``rfm_score``, ``rfm_segment``, ``rfm_segment_zh``,
        ``kmeans_segment`` and, when fitted, ``p_alive``, ``clv_12m``. ``attrs["clv_notes"]``
        notes why there is no lifetime value, or its caveats (provenance only).
    """
    out, notes = _grades(transactions, as_of=as_of, random_state=random_state, lifetime_value=lifetime_value)
    out.attrs["clv_notes"] = notes
    return out


def _grades(transactions, *, as_of, random_state, lifetime_value):
    """The customer grades and the lifetime-value notes (what the report says about the fit)."""
    from ..grading import abc_classify, customer_pyramid, rfm_scores, rfm_segments
    from ..segmentation import choose_k, kmeans_segments

    customers = _customers(transactions, as_of)
    out = customers.copy()
    # net spend below zero (more returned than bought) counts as 0 in the shares, as the report says
    positive = customers.assign(monetary=customers["monetary"].clip(lower=0))
    out["abc_class"] = abc_classify(positive)["abc_class"]
    out["pyramid_level"] = customer_pyramid(positive)["level"]
    # customers whose lines are all returns (or lost tenders) have no recency: kept, graded apart
    bought = customers[customers["recency_days"].notna() & (customers["frequency"] > 0)]
    seg = rfm_segments(rfm_scores(bought.assign(monetary=bought["monetary"].clip(lower=0))))
    for col in ("R", "F", "M", "rfm_score"):
        out[col] = seg[col].reindex(out.index)
    out["rfm_segment"] = seg["segment"].reindex(out.index).astype(object).fillna(NO_PURCHASE[0])
    out["rfm_segment_zh"] = seg["segment_zh"].reindex(out.index).astype(object).fillna(NO_PURCHASE[1])
    features = bought[list(KMEANS_FEATURES)].clip(lower=0)
    if len(features) >= 10:
        k_table = choose_k(features, features=list(KMEANS_FEATURES), k_range=K_RANGE, log=True,
                           random_state=random_state)
        k = int(k_table["silhouette"].idxmax())
        out["kmeans_segment"] = kmeans_segments(features, features=list(KMEANS_FEATURES), k=k, log=True,
                                                random_state=random_state)["segment"].reindex(out.index)
    notes = []
    if lifetime_value:
        clv, notes = _lifetime_value(transactions, as_of=as_of)
        if clv is not None:
            out["p_alive"] = clv["p_alive"].reindex(out.index)
            out["clv_12m"] = clv["clv_12m"].reindex(out.index)
    return out, notes


def _fit_models(summary):
    """BG/NBD and Gamma-Gamma, with a light penalty as a second try; warnings collected."""
    from ..clv import BetaGeo, ConvergenceError, GammaGamma

    notes: list[str] = []
    repeat = summary[(summary["frequency"] > 0) & (summary["monetary_value"] > 0)]
    for penalizer in (0.0, 0.001):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                bg = BetaGeo(penalizer=penalizer).fit(summary)
                gg = GammaGamma(penalizer=penalizer).fit(repeat)
            except ConvergenceError as e:
                last = str(e)
                continue
        notes += [str(w.message) for w in caught]
        if penalizer:
            notes.append(f"The models converged only with a small penalty (penalizer={penalizer}).")
        return bg, gg, notes
    raise CRMDataError(f"the lifetime-value models did not converge on this file ({last})")


def _lifetime_value(transactions, *, as_of=None) -> tuple[pd.DataFrame | None, list[str]]:
    from ..clv import customer_lifetime_value

    summary = _rfm_summary(transactions, as_of=as_of)
    if summary["T"].max() < MIN_WEEKS_FOR_CLV or (summary["frequency"] > 0).sum() < 20:
        return None, [f"Not estimated: the file covers less than {MIN_WEEKS_FOR_CLV} weeks or fewer than "
                      "20 customers bought twice."]
    try:
        bg, gg, notes = _fit_models(summary)
    except CRMDataError as e:
        return None, [f"Not estimated: {e}."]
    clv = customer_lifetime_value(bg, gg, summary, horizon=CLV_HORIZON_MONTHS,
                                  discount_rate=CLV_DISCOUNT_RATE, unit="W")
    return pd.DataFrame({"p_alive": bg.probability_alive(summary), "clv_12m": clv}, index=summary.index), notes


# ------------------------------------------------------------------------------------------------
# the HTML report
# ------------------------------------------------------------------------------------------------
@dataclass
class _Page:
    currency: str
    sections: list[str] = field(default_factory=list)
    figures: dict[str, str] = field(default_factory=dict)

    def money(self, v: float) -> str:
        return f"{v:,.0f} {self.currency}"

    def add(self, title: str, body: str) -> None:
        self.sections.append(f"<section><h2>{html.escape(title)}</h2>{body}</section>")


def _esc(v: Any) -> str:
    return html.escape(str(v))


def _figure(draw) -> str:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4.2))
    try:
        draw(ax)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=90)
    finally:
        plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="figure" src="data:image/png;base64,{data}">'


def _table(df: pd.DataFrame, *, index: bool = True) -> str:
    """A table as HTML with every text escaped, quotes included (pandas leaves quotes alone)."""
    def esc(v):
        return html.escape(v) if isinstance(v, str) else v

    safe = df.copy()
    for col in safe.columns:
        if pd.api.types.is_integer_dtype(safe[col]):
            safe[col] = safe[col].map("{:,}".format)
        elif not pd.api.types.is_numeric_dtype(safe[col]):
            safe[col] = safe[col].map(esc)
    safe.index = safe.index.map(esc)
    safe.index.name = esc(df.index.name)
    safe.columns = [esc(str(c)) for c in df.columns]
    return safe.to_html(index=index, escape=False, border=0, classes="t",
                        float_format=lambda v: f"{v:,.2f}", na_rep="")


def _figures_table(pairs: list[tuple[str, str, str]]) -> str:
    rows = "".join(f'<tr><th>{_esc(label)}</th><td data-key="{_esc(key)}">{_esc(value)}</td></tr>'
                   for key, label, value in pairs)
    return f'<table class="figures">{rows}</table>'


def _section_import(page: _Page, report, transactions) -> None:
    parts = []
    if report is not None:
        parts.append(f"<p>{_esc(str(report).splitlines()[0])}</p>")
        parts.append("<ul>" + "".join(f"<li>{_esc(n)}</li>" for n in report.notes) + "</ul>")
        parts.append(_table(report.summary(), index=False))
    quality = pd.DataFrame({
        "column": transactions.columns,
        "filled": [f"{transactions[c].notna().mean():.1%}" for c in transactions.columns],
        "distinct values": [transactions[c].nunique() for c in transactions.columns],
    })
    span = f"{transactions['order_date'].min():%Y-%m-%d} to {transactions['order_date'].max():%Y-%m-%d}"
    parts.append(_figures_table([
        ("lines", "transaction lines", f"{len(transactions):,}"),
        ("customers", "customers", f"{transactions['customer_id'].nunique():,}"),
        ("period", "period", span),
        ("returns", "return lines", f"{int(transactions['is_return'].sum()):,}"),
    ]))
    parts.append(_table(quality, index=False))
    page.add("Your file and its quality", "".join(parts))


def _section_concentration(page: _Page, customers) -> None:
    from ..grading import gini, lorenz_curve, pareto_table, top_share
    from ..plots import lorenz_plot, pareto_chart

    positive = customers.assign(monetary=customers["monetary"].clip(lower=0))
    g = gini(positive)
    share = top_share(positive, top=0.2)
    pareto = pareto_table(positive)
    lorenz = lorenz_curve(positive)
    losses = int((customers["monetary"] < 0).sum())
    body = _figures_table([
        ("top20_share", "share of revenue from the top 20% of customers", f"{share:.1%}"),
        ("gini", "Gini coefficient of revenue", f"{g:.3f}"),
        ("negative_customers", "customers with negative net spend (counted as 0 here)", f"{losses:,}"),
    ])
    body += _figure(lambda ax: pareto_chart(pareto, ax=ax))
    body += _figure(lambda ax: lorenz_plot(lorenz, gini=g, ax=ax))
    page.add("Concentration: the 80/20 check", body)


def _class_table(page: _Page, grades, column: str, order=None) -> pd.DataFrame:
    g = grades.groupby(column, observed=True, sort=False)["monetary"]
    table = pd.DataFrame({"customers": g.size(), f"revenue ({page.currency})": g.sum()})
    table["share of revenue"] = (table.iloc[:, 1] / table.iloc[:, 1].clip(lower=0).sum()).map("{:.1%}".format)
    if order is not None:
        table = table.reindex([o for o in order if o in table.index])
    return table


def _section_abc(page: _Page, grades) -> None:
    table = _class_table(page, grades, "abc_class", order=["A", "B", "C"])
    page.add("ABC classes", "<p>A: the customers who bring the first 80% of revenue; B: the next 15%; "
             "C: the rest.</p>" + _table(table))


def _section_pyramid(page: _Page, grades) -> None:
    table = _class_table(page, grades, "pyramid_level", order=["top", "big", "medium", "small", "inactive"])
    page.add("The customer pyramid", "<p>Top 1%, big 4%, medium 15%, small 80% of the active customers, "
             "ranked by revenue; inactive customers apart.</p>" + _table(table))


def _section_rfm(page: _Page, grades) -> None:
    table = _class_table(page, grades, "rfm_segment")
    zh = grades.groupby("rfm_segment", observed=True)["rfm_segment_zh"].first()
    table.insert(0, "中文", zh.reindex(table.index))
    table["what to do"] = [SEGMENT_ACTIONS.get(s, "") for s in table.index]
    page.add("RFM segments and what to do", _table(table.sort_values("customers", ascending=False)))


def _section_kmeans(page: _Page, grades) -> None:
    if "kmeans_segment" not in grades:
        page.add("k-means segments", "<p>Too few customers to segment.</p>")
        return
    g = grades.groupby("kmeans_segment", observed=True)
    table = g[list(KMEANS_FEATURES)].median().round(1)
    table.insert(0, "customers", g.size())
    table.columns = ["customers", "median recency (days)", "median orders", f"median revenue ({page.currency})"]
    page.add("k-means segments (log recency, frequency, monetary)",
             f"<p>{len(table)} segments, the number with the best silhouette among "
             f"{K_RANGE.start}-{K_RANGE.stop - 1}.</p>" + _table(table))


def _section_clv(page: _Page, transactions, grades, notes) -> None:
    from ..clv import calibration_holdout
    from ..plots import calibration_holdout_plot

    first, last = transactions["order_date"].min(), transactions["order_date"].max()
    if "clv_12m" not in grades:
        page.add("Lifetime value", "".join(f'<p class="warn">{_esc(n)}</p>' for n in notes))
        return
    cut = first + (last - first) * (1 - HOLDOUT_SHARE)
    summary = _rfm_summary(transactions, calibration_end=cut.normalize(), holdout_end=last)
    try:
        bg = _fit_models(summary)[0]
    except CRMDataError as e:
        page.add("Lifetime value", f'<p class="warn">The holdout check could not be made: {_esc(e)}.</p>')
        return
    check = calibration_holdout(bg, summary)
    actual = float((check["actual"] * check["n_customers"]).sum())
    predicted = float((check["predicted"] * check["n_customers"]).sum())
    gap = predicted / actual - 1 if actual > 0 else np.inf
    warns = list(notes)
    if abs(gap) > HOLDOUT_GAP:
        warns.append(f"In the holdout ({cut:%Y-%m-%d} to {last:%Y-%m-%d}) the model predicted {predicted:,.0f} "
                     f"repeat purchases and {actual:,.0f} happened ({gap:+.0%}). Seasonality (a holiday peak "
                     "inside or outside the holdout) or a change in the business can cause this: read the "
                     "lifetime values as rough.")
    p_alive = grades["p_alive"].dropna()
    if len(p_alive) and p_alive.quantile(0.1) > ALIVE_FLOOR:
        warns.append("Nearly every customer looks active (P(alive) above 95% for 90% of them): the history "
                     "may be too short to see anyone leave.")
    params = bg.params_
    if ((params < 1e-3) | (params > 1e3)).any():
        warns.append("Some BG/NBD parameters are at an extreme (" + ", ".join(
            f"{k} = {v:.3g}" for k, v in params.items()) + "): the fit is doubtful.")
    top = grades.sort_values("clv_12m", ascending=False).head(10)
    body = _figures_table([
        ("clv_total", f"expected value of all customers over {CLV_HORIZON_MONTHS} months",
         page.money(float(grades["clv_12m"].sum()))),
        ("holdout_gap", "holdout: predicted vs actual repeat purchases", f"{gap:+.1%}"),
        ("p_alive_median", "median probability of being active", f"{float(p_alive.median()):.2f}"),
    ])
    body += "".join(f'<p class="warn">{_esc(w)}</p>' for w in warns)
    body += _figure(lambda ax: calibration_holdout_plot(check, ax=ax))
    body += "<h3>Highest expected value</h3>" + _table(
        top[["frequency", "monetary", "p_alive", "clv_12m"]].round(2))
    page.add("Lifetime value (BG/NBD and Gamma-Gamma)", body)


_STYLE = """body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1000px;margin:2em auto;
padding:0 1em;color:#222}h1{font-size:1.6em}h2{border-bottom:2px solid #2a6f97;padding-bottom:.2em;margin-top:2em}
table.t,table.figures{border-collapse:collapse;margin:1em 0;font-size:.92em}table.t th,table.t td,
table.figures th,table.figures td{padding:.3em .7em;border-bottom:1px solid #ddd;text-align:right}
table.figures th{text-align:left;font-weight:normal}table.t td:last-child{text-align:left}img{max-width:100%}.warn{background:#fff4e5;
border-left:4px solid #e07b00;padding:.5em 1em}"""


def build_report(transactions: pd.DataFrame, *, import_report=None, currency: str | None = None,
                 as_of: Any = None, random_state: int = 0, title: str = "Customer report",
                 progress: bool = False) -> str:
    """The whole analysis of a transaction table as one self-contained HTML page.

    Parameters
    ----------
    transactions : DataFrame
        As :func:`crmlearn.io.read_transactions` returns it.
    import_report : ImportReport, optional
        The import report, shown first.
    currency : str, optional
        Label for money (default: the import report's, else "money").
    as_of, random_state
        As in :func:`customer_grades`.
    progress : bool, default False
        Show a progress bar on the terminal (tqdm).

    Returns
    -------
    str
        The HTML page: figures are embedded PNG, there are no external addresses, and every text
        from the data is escaped.
    """
    if not isinstance(transactions, pd.DataFrame):
        raise TypeError(f"build_report: transactions must be a pandas DataFrame, got {type(transactions).__name__}.")
    if transactions.empty:
        raise CRMDataError("build_report: the transaction table is empty; nothing to report.")
    currency = currency or getattr(import_report, "currency", None) or "money"
    page = _Page(currency=currency)
    steps = [
        ("import", lambda: _section_import(page, import_report, transactions)),
        ("grades", None),
        ("concentration", lambda: _section_concentration(page, state["grades"])),
        ("ABC", lambda: _section_abc(page, state["grades"])),
        ("pyramid", lambda: _section_pyramid(page, state["grades"])),
        ("RFM", lambda: _section_rfm(page, state["grades"])),
        ("lifetime value", lambda: _section_clv(page, transactions, state["grades"], state["clv_notes"])),
        ("k-means", lambda: _section_kmeans(page, state["grades"])),
    ]
    state: dict[str, Any] = {}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(steps), desc="crmlearn report", unit="step")
    for name, run in steps:
        if bar is not None:
            bar.set_postfix_str(name)
        if run is None:
            state["grades"], state["clv_notes"] = _grades(transactions, as_of=as_of, random_state=random_state,
                                                          lifetime_value=True)
        else:
            run()
        if bar is not None:
            bar.update()
    if bar is not None:
        bar.close()
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{_esc(title)}</title>"
            f"<style>{_STYLE}</style></head><body><h1>{_esc(title)}</h1>"
            f"<p>Money in {_esc(currency)}. Made with crmlearn; each section is a method of the course.</p>"
            + "".join(page.sections) + "</body></html>")
