"""Plots for key accounts (Chapters 05 and 06).

Each function takes a table from :mod:`crmlearn.accounts`, draws on ``ax`` (or the current Axes),
labels it in English and returns the Axes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import CRMDataError
from ._base import _need, get_ax

__all__ = ["concentration_plot", "screen_plot", "contact_timeline_plot", "care_calendar_plot", "stage_plot"]




def concentration_plot(conc: pd.DataFrame, *, top: int = 15, ax=None):
    """Share of transactions against share of revenue for the ``top`` customers by revenue (ka_concentration)."""
    _need(conc, ["transaction_share", "revenue_share"], "concentration_plot", "accounts.ka_concentration")
    d = conc.sort_values("revenue_share", ascending=False).head(top)
    ax = get_ax(ax, figsize=(8, 4.5))
    x = np.arange(len(d))
    ax.bar(x - 0.2, d["transaction_share"], 0.4, label="share of transactions", color="#90a4ae")
    ax.bar(x + 0.2, d["revenue_share"], 0.4, label="share of revenue", color="#1b5e20")
    ax.set_xticks(x, [str(i) for i in d.index], rotation=60, ha="right")
    from matplotlib.ticker import PercentFormatter
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set(title="Key-account signature: few transactions, much revenue", ylabel="share")
    ax.legend()
    return ax


def screen_plot(screen: pd.DataFrame, *, columns=None, ax=None):
    """The screen of a few customers as a table of ticks (rows: customers, columns: standards/look-alikes)."""
    from ..accounts import BASIC_STANDARDS, LOOKALIKES
    cols = list(columns) if columns is not None else list(BASIC_STANDARDS) + list(LOOKALIKES)
    _need(screen, cols, "screen_plot", "accounts.ka_screen")
    if len(screen) > 12:
        raise CRMDataError(f"screen_plot: {len(screen)} customers do not fit; pass at most 12 rows (e.g. .head(8))")
    ax = get_ax(ax, figsize=(8, 4.5))
    from matplotlib.colors import ListedColormap
    v = screen[cols].to_numpy(dtype=bool)
    bad = np.array([c in LOOKALIKES for c in cols])
    code = np.where(v, np.where(bad, 2, 1), 0)        # 0 not met, 1 standard met (green), 2 look-alike (red)
    ax.imshow(code, cmap=ListedColormap(["#eceff1", "#a5d6a7", "#ef9a9a"]), vmin=0, vmax=2, aspect="auto")
    for i in range(v.shape[0]):
        for j in range(v.shape[1]):
            ax.text(j, i, "✓" if v[i, j] else "·", ha="center", va="center", fontsize=14)
    ax.set_xticks(range(len(cols)), [c.replace("_", " ") for c in cols], rotation=35, ha="right")
    ax.set_yticks(range(len(screen)), [str(i) for i in screen.index])
    ax.set_title("Five standards and three look-alikes")
    return ax


def contact_timeline_plot(contacts: pd.DataFrame, *, as_of=None, ax=None):
    """The contacts of one card on a time line, with promised call-backs as open markers."""
    _need(contacts, ["contact_date"], "contact_timeline_plot", "the ka_contacts rows of one customer")
    ax = get_ax(ax, figsize=(8, 3.5))
    d = pd.to_datetime(contacts["contact_date"])
    y = np.zeros(len(d))
    ax.plot(d, y, "o", ms=12, color="#1b5e20", label="contact")
    for i, (dt, m) in enumerate(zip(d, contacts.get("method", [""] * len(d)))):
        ax.annotate(f"{i + 1} {m}", (dt, 0), xytext=(0, 12), textcoords="offset points", ha="center", fontsize=12)
    if "promised_callback_date" in contacts:
        p = pd.to_datetime(contacts["promised_callback_date"]).dropna()
        ax.plot(p, np.zeros(len(p)), "o", ms=12, mfc="none", color="#b71c1c", label="promised call-back")
    if as_of is not None:
        ax.axvline(pd.Timestamp(as_of), color="grey", ls="--", label="today")
    ax.set_yticks([])
    ax.set(title="Contact timeline of the key-account card")
    ax.legend(loc="lower right")
    return ax


def care_calendar_plot(plan: pd.DataFrame, *, ax=None):
    """Care actions by month and kind for the accounts of a care plan (care_plan)."""
    from matplotlib.ticker import MaxNLocator

    _need(plan, ["date", "kind", "action"], "care_calendar_plot", "accounts.care_plan")
    ax = get_ax(ax, figsize=(8, 4.5))
    m = pd.to_datetime(plan["date"]).dt.month
    tab = pd.crosstab(m, plan["kind"]).reindex(range(1, 13), fill_value=0)
    bottom = np.zeros(12)
    colours = {"common": "#1b5e20", "group": "#f9a825", "personalised": "#5c6bc0"}  # one colour per kind, always
    for kind in tab.columns:
        ax.bar(tab.index, tab[kind], bottom=bottom, label=kind, color=colours.get(kind))
        bottom += tab[kind].to_numpy()
    ax.set_xticks(range(1, 13), ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # actions are counted: no half actions
    ax.set(title="Care calendar", xlabel="month", ylabel="care actions")
    ax.legend()
    return ax


def stage_plot(stages: pd.DataFrame, *, period: str = "year", stage: str = "stage", ax=None):
    """Accounts in each Dell stage per period (account_stage on several periods)."""
    _need(stages, [period, stage], "stage_plot", "accounts.account_stage")
    ax = get_ax(ax, figsize=(8, 4.5))
    tab = pd.crosstab(stages[period], stages[stage])
    tab.plot(kind="bar", stacked=True, ax=ax, color=["#90a4ae", "#f9a825", "#1b5e20"][: tab.shape[1]], rot=0)
    ax.set(title="Key accounts by stage", xlabel=period, ylabel="accounts")
    return ax
