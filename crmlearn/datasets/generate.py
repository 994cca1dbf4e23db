"""Generate the course's synthetic datasets: one company, Huaxin Office Supplies Co. (华信办公用品).

Every table talks about the same customers. The generator is deterministic (numpy
``default_rng`` streams spawned from one fixed seed), so the CSV files in ``datasets/`` are
exactly what it writes::

    python -m crmlearn.datasets.generate datasets      # writes CSVs, data cards, datapackage.json

or, in Python, :func:`generate_all` returns the tables as DataFrames and
:func:`realism_report` measures the structure the course teaches (80/20, loss-makers,
inactive customers, duplicates, SERVQUAL gaps, Kano categories, churn ...).

How it works, in order:

1. customers: kind and nature, region and city, organisation or person characteristics, and
   hidden planning values (yearly spend, a profitability tier platinum/gold/iron/lead, share of
   wallet, a churn plan) that the later tables follow;
2. the survey plan (who answered at the end of 2023, who switched afterwards), because switching
   changes the later orders;
3. transactions from a day-by-customer Poisson order rate (season, weekday, trend, churn,
   switching), order lines, prices, discounts, lost tenders and returns;
4. everything else from these: payments, contacts, survey answers, share of wallet, key-account
   cards, the messy CRM export; plus the separate telecom subscriber base and the cabin table.

Numbers depend on numpy's random streams; a numpy release that changes them would change the
data (the regeneration test then says so).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from . import _vocab as V
from . import _make_survey_loyalty
from . import _make_ch09
from . import _make_ch05
from . import _make_ch03
from ._schema import AS_OF as _AS_OF, DATASETS, SEED, datapackage_json, field_names, render_card

__all__ = ["generate_all", "write_all", "realism_report", "SEED"]

START = pd.Timestamp("2023-01-01")
END = pd.Timestamp("2024-12-31")
AS_OF = END
N_DAYS = (END - START).days + 1          # 731 (2024 is a leap year)
DAY0 = np.datetime64("2023-01-01", "D")

PRODUCT_LINES = ["paper", "ink_toner", "stationery", "furniture", "it_hardware", "software", "cleaning", "catering"]
# typical list price per unit (CNY) and gross margin at list price, per product line
BASE_PRICE = np.array([28.0, 320.0, 12.0, 850.0, 2600.0, 1200.0, 35.0, 45.0])
LIST_MARGIN = np.array([0.22, 0.35, 0.45, 0.32, 0.15, 0.50, 0.30, 0.25])
RETURN_RECOVERY = 0.6     # share of a returned line's cost that goes back into stock

N_CUSTOMERS = 1500
#: One-off group buyers (团购) planted among the business organisations.
N_GROUP_BUYERS = 30
NATURE_COUNTS = {"retail": 540, "business": 770, "channel": 160, "internal": 30}
TIERS = np.array(["platinum", "gold", "iron", "lead"])

SERVQUAL_ITEMS = {
    "tangibles": ["facilities", "materials"],
    "reliability": ["quality", "delivery"],
    "responsiveness": ["response_speed", "tech_support"],
    "assurance": ["expertise", "attitude"],
    "empathy": ["personalisation", "after_sales"],
}
ITEMS = [it for dim in SERVQUAL_ITEMS.values() for it in dim]
KANO_FEATURES = ["quality_certificate", "fast_delivery", "online_tracking", "dedicated_manager", "gift_packaging"]


# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------
def _pick(rng, options, size, p=None):
    """Draw ``size`` items from ``options`` (a list) with probabilities ``p``; returns an object array."""
    options = np.asarray(options, dtype=object)
    if p is not None:
        p = np.asarray(p, dtype=float)
        p = p / p.sum()
    return options[rng.choice(len(options), size=size, p=p)]


def _pick_rows(rng, probs):
    """One category index per row of the probability matrix ``probs`` (rows need not sum to 1)."""
    probs = np.asarray(probs, dtype=float)
    cum = np.cumsum(probs / probs.sum(axis=1, keepdims=True), axis=1)
    u = rng.random(len(probs))[:, None]
    return np.minimum((u > cum).sum(axis=1), probs.shape[1] - 1)


def _days_to_dates(days):
    """Day numbers since 2023-01-01 -> datetime64[D] array."""
    return DAY0 + np.asarray(days).astype("timedelta64[D]")


def _iso(dates):
    """datetime-like array -> ISO strings (missing stays missing)."""
    s = pd.Series(pd.to_datetime(pd.Series(dates)))
    return s.dt.strftime("%Y-%m-%d").astype(object).where(s.notna(), None)


def _beta_mean(rng, mean, conc, size):
    """Beta draws with the given mean(s) and concentration."""
    mean = np.clip(np.asarray(mean, dtype=float), 0.01, 0.99)
    return rng.beta(mean * conc, (1 - mean) * conc, size=size)


def _person_names(rng, n):
    """Invented Chinese person names and their pinyin (given name + surname)."""
    sw = np.asarray(V.SURNAME_WEIGHTS)
    s_idx = rng.choice(len(V.SURNAMES), size=n, p=sw / sw.sum())
    g1 = rng.integers(0, len(V.GIVEN_CHARS), n)
    g2 = rng.integers(0, len(V.GIVEN_CHARS), n)
    two = rng.random(n) < 0.6
    names, pinyin = [], []
    for s, a, b, t in zip(s_idx, g1, g2, two):
        sc, sp = V.SURNAMES[s]
        ac, ap = V.GIVEN_CHARS[a]
        bc, bp = V.GIVEN_CHARS[b]
        names.append(sc + ac + (bc if t else ""))
        pinyin.append((ap + (bp if t else ""), sp))
    return np.array(names, dtype=object), pinyin


# ----------------------------------------------------------------------------------------------
# 1. customers and their hidden plan
# ----------------------------------------------------------------------------------------------
def _org_names(rng, industry, nature, size, city_cn, is_listed):
    """Unique invented organisation names plus a pinyin slug for their e-mail domain."""
    n = len(industry)
    names = np.empty(n, dtype=object)
    slugs = np.empty(n, dtype=object)
    used = set()
    for i in range(n):
        for _attempt in range(50):
            a, b = rng.integers(0, len(V.BRAND_SYLLABLES), 2)
            if a == b:
                continue
            brand = V.BRAND_SYLLABLES[a][0] + V.BRAND_SYLLABLES[b][0]
            bslug = V.BRAND_SYLLABLES[a][1] + V.BRAND_SYLLABLES[b][1]
            city = city_cn[i]
            ind = industry[i]
            if nature[i] == "internal":
                site = "总部" if city == "上海" else f"{city}分公司"
                unit = V.INTERNAL_UNITS[rng.integers(0, len(V.INTERNAL_UNITS))]
                name, slug = f"{V.COMPANY_CN}{site}{unit}", "huaxin-office"
            elif nature[i] == "channel":
                word, wslug = V.CHANNEL_WORDS[rng.integers(0, len(V.CHANNEL_WORDS))]
                suffix = "有限公司" if rng.random() < 0.7 else "商行"
                name, slug = f"{city}{brand}{word}{suffix}", f"{bslug}-{wslug}"
            elif ind == "government":
                d = V.GOV_DISTRICTS[rng.integers(0, len(V.GOV_DISTRICTS))]
                unit = V.GOV_UNITS[rng.integers(0, len(V.GOV_UNITS))]
                name, slug = f"{city}市{d}{unit}", f"{bslug}-gov"
            elif ind == "education":
                unit = V.EDU_UNITS[rng.integers(0, len(V.EDU_UNITS))].format(
                    n=V.CN_NUMERALS[rng.integers(0, 10)])
                name, slug = (f"{city}市{unit}" if rng.random() < 0.6 else f"{city}{brand}{unit}"), f"{bslug}-edu"
            elif ind == "healthcare" and rng.random() < 0.7:
                unit = V.HEALTH_UNITS[rng.integers(0, len(V.HEALTH_UNITS))].format(
                    n=V.CN_NUMERALS[rng.integers(0, 10)])
                name, slug = f"{city}市{unit}", f"{bslug}-hospital"
            else:
                if ind == "healthcare":
                    word, wslug = ("医疗器械", "medical")
                else:
                    opts = V.INDUSTRY_WORDS[ind]
                    word, wslug = opts[rng.integers(0, len(opts))]
                suffix = "股份有限公司" if (is_listed[i] or (size[i] == "large" and rng.random() < 0.4)) else "有限公司"
                name, slug = f"{city}{brand}{word}{suffix}", f"{bslug}-{wslug}"
            if name not in used:
                used.add(name)
                names[i], slugs[i] = name, slug
                break
        else:  # pragma: no cover - 50 clashes in a row cannot happen with these pools
            raise RuntimeError("could not draw a unique organisation name")
    return names, slugs


def _customers_organisations(rng, internal, n, nature, org):
    """Customers, step: organisation characteristics."""
    industry = np.full(n, None, dtype=object)
    ind_names = ["manufacturing", "education", "finance", "government", "healthcare", "IT", "retail_trade", "logistics"]
    biz = nature == "business"
    industry[biz] = _pick(rng, ind_names, biz.sum(), [0.24, 0.10, 0.10, 0.08, 0.08, 0.16, 0.12, 0.12])
    chan = nature == "channel"
    industry[chan] = _pick(rng, ["retail_trade", "logistics"], chan.sum(), [0.85, 0.15])
    size = np.full(n, None, dtype=object)
    ext = org & ~internal
    size[ext] = _pick(rng, ["micro", "small", "medium", "large"], ext.sum(), [0.22, 0.38, 0.26, 0.14])
    size_num = pd.Series(size).map({"micro": 0, "small": 1, "medium": 2, "large": 3}).to_numpy()
    public = np.isin(industry, ["government", "education"]) | ((industry == "healthcare") & (rng.random(n) < 0.7))
    listed_p = np.select([size == "large", size == "medium", size == "small"], [0.35, 0.06, 0.005], 0.0)
    is_listed = np.where(ext, (rng.random(n) < listed_p) & ~public, None)
    own_p = {
        "government": [1, 0, 0, 0], "education": [0.9, 0.1, 0, 0], "healthcare": [0.7, 0.25, 0.03, 0.02],
        "finance": [0.5, 0.3, 0.1, 0.1], "manufacturing": [0.1, 0.55, 0.2, 0.15], "IT": [0.05, 0.75, 0.15, 0.05],
        "retail_trade": [0.08, 0.82, 0.05, 0.05], "logistics": [0.25, 0.6, 0.08, 0.07],
    }
    ownership = np.full(n, None, dtype=object)
    for ind, p in own_p.items():
        m = industry == ind
        ownership[m] = _pick(rng, ["state_owned", "private", "foreign", "joint_venture"], m.sum(), p)
    ownership[public & ext] = "state_owned"
    cap_med = np.array([0.5e6, 3e6, 20e6, 200e6])
    sales_med = np.array([2e6, 15e6, 120e6, 1.5e9])
    si = np.nan_to_num(size_num, nan=0).astype(int)
    registered_capital = np.where(ext, np.round(cap_med[si] * rng.lognormal(0, 0.6, n), -4), np.nan)
    annual_sales = np.where(ext, np.round(sales_med[si] * rng.lognormal(0, 0.7, n), -4), np.nan)
    return annual_sales, biz, chan, ext, industry, is_listed, ownership, public, registered_capital, si, size


def _customers_individuals(rng, indiv, n):
    """Customers, step: individual characteristics."""
    life = np.full(n, None, dtype=object)
    life_opts = ["student_life", "young_professional", "home_office", "family_organiser", "retiree_hobbyist"]
    li = rng.choice(5, size=n, p=[0.17, 0.27, 0.22, 0.24, 0.10])
    life[indiv] = np.array(life_opts, dtype=object)[li[indiv]]
    age_lo = np.array([18, 23, 27, 30, 58])[li]
    age_hi = np.array([25, 36, 58, 50, 76])[li]
    age = np.where(indiv, rng.integers(age_lo, age_hi), np.nan)
    gender = np.where(indiv, _pick(rng, ["female", "male"], n, [0.53, 0.47]), None)
    edu_opts = ["below_high_school", "high_school", "college", "bachelor", "postgraduate"]
    edu_p = np.array([[0.0, 0.05, 0.35, 0.55, 0.05], [0.02, 0.1, 0.25, 0.48, 0.15], [0.05, 0.15, 0.3, 0.38, 0.12],
                      [0.08, 0.25, 0.3, 0.3, 0.07], [0.3, 0.35, 0.2, 0.13, 0.02]])
    ei = _pick_rows(rng, edu_p[li])
    education = np.where(indiv, np.array(edu_opts, dtype=object)[ei], None)
    married_p = np.clip((np.nan_to_num(age) - 22) / 12, 0.02, 0.85)
    u = rng.random(n)
    marital = np.select([u < married_p, u < married_p + 0.05 * (np.nan_to_num(age) > 35),
                         u < married_p + 0.05 * (np.nan_to_num(age) > 35) + 0.08 * (np.nan_to_num(age) > 62)],
                        ["married", "divorced", "widowed"], "single").astype(object)
    marital = np.where(indiv, marital, None)
    has_children = np.where(indiv, (np.isin(marital, ["married", "divorced", "widowed"]) & (rng.random(n) < 0.8))
                            | (li == 3), None)
    inc_med = np.array([2200, 9000, 12000, 11000, 5500])[li] * np.array([0.6, 0.75, 0.95, 1.15, 1.6])[ei]
    income = np.where(indiv, np.round(inc_med * rng.lognormal(0, 0.4, n), -2), np.nan)
    has_car = np.where(indiv, rng.random(n) < np.clip((np.nan_to_num(income) - 3000) / 25000, 0.03, 0.85), None)
    colours = ["red", "blue", "black", "white", "green", "yellow", "purple", "pink", "grey"]
    fav = np.where(indiv, _pick(rng, colours, n, [0.2, 0.2, 0.14, 0.1, 0.1, 0.05, 0.08, 0.07, 0.06]), None)
    val_opts = ["price_conscious", "quality_first", "eco_conscious", "convenience_first", "brand_loyal"]
    val_p = np.array([[0.5, 0.1, 0.2, 0.15, 0.05], [0.15, 0.25, 0.15, 0.35, 0.1], [0.2, 0.35, 0.1, 0.2, 0.15],
                      [0.35, 0.2, 0.1, 0.25, 0.1], [0.35, 0.2, 0.1, 0.05, 0.3]])
    vi = _pick_rows(rng, val_p[li])
    values = np.where(indiv, np.array(val_opts, dtype=object)[vi], None)
    return age, education, fav, gender, has_car, has_children, income, li, life, marital, values, vi


def _customers_behaviour(rng, indiv, internal, n, tier, values):
    """Customers, step: behaviour that goes with the tier."""
    t = {k: tier == k for k in TIERS}
    ps_mean = np.select([t["platinum"], t["gold"], t["iron"]], [0.22, 0.58, 0.45], 0.82)
    ps_mean = np.where(values == "price_conscious", ps_mean + 0.15, ps_mean)
    ps_mean = np.where(values == "quality_first", ps_mean - 0.1, ps_mean)
    price_sens = np.round(_beta_mean(rng, ps_mean, 12, n), 3)
    n_sup = np.select([t["platinum"], t["gold"], t["iron"]],
                      [1 + rng.poisson(0.4, n), 2 + rng.poisson(1.4, n), 1 + rng.poisson(1.3, n)],
                      3 + rng.poisson(2.0, n))
    n_sup = np.minimum(n_sup, 10)
    n_sup[internal] = 1
    disc_org = np.select([t["platinum"], t["gold"], t["iron"]], [0.04, 0.16, 0.08], 0.34) + 0.04 * (price_sens - 0.5)
    disc_ind = np.select([t["platinum"], t["gold"], t["iron"]], [0.02, 0.08, 0.04], 0.16) + 0.04 * (price_sens - 0.5)
    base_disc = np.clip(np.where(indiv, disc_ind, disc_org) + rng.normal(0, 0.015, n), 0.0, 0.38)
    base_disc[internal] = 0.0
    return_rate = np.select([t["platinum"], t["gold"], t["iron"]], [0.012, 0.022, 0.03], 0.13)
    return base_disc, n_sup, price_sens, return_rate, t


def _customers_timing(rng, group_buyer, indiv, internal, ka, n, size, t):
    """Customers, step: when: first order (history before 2023 for most), planned churn."""
    is_new = rng.random(n) < np.where(ka, 0.05, 0.24)
    is_new |= group_buyer
    start_day = np.where(is_new, rng.integers(0, 700, n), 0)
    years_back = np.where(ka | (size == "large"), rng.uniform(2, 14, n), rng.exponential(3.5, n) + 0.05)
    years_back = np.where(years_back > 12.9, rng.uniform(6, 12.9, n), years_back)
    hist = (START - pd.to_timedelta(np.round(years_back * 365.25), unit="D")).to_numpy()
    first_hist = np.where(is_new, np.datetime64("NaT"), hist.astype("datetime64[D]"))
    acq_p = np.where(indiv[:, None], [0.35, 0.03, 0.22, 0.40], [0.20, 0.35, 0.35, 0.10])
    acquisition = np.array(["ad_response", "trade_show", "referral", "walk_in"], dtype=object)[_pick_rows(rng, acq_p)]
    acquisition[internal] = None
    club = np.where(indiv | (size == "micro") | (size == "small"), rng.random(n) < 0.3, False)
    club &= ~internal

    churn_p = np.select([t["platinum"], t["gold"], t["iron"]], [0.05, 0.12, 0.17], 0.30)
    churn_p = churn_p * np.where(acquisition == "referral", 0.6, 1.0) * np.where(club, 0.6, 1.0)
    churn_p = np.where(ka | internal | group_buyer, 0.0, churn_p)
    churn_p = np.where(start_day > 300, 0.0, churn_p)
    churner = rng.random(n) < churn_p
    end_day = np.where(churner, rng.integers(np.minimum(np.maximum(start_day, 20), 360), 365), N_DAYS - 1)
    end_day = np.maximum(end_day, start_day)
    return acquisition, churner, club, end_day, first_hist, start_day


def _customers_products(rng, chan, indiv, internal, n):
    """Customers, step: product preferences, concentrated so that some customers buy only one or two lines."""
    base_pref = np.select(
        [indiv[:, None], chan[:, None], internal[:, None]],
        [np.array([3, 3, 6, 0.3, 0.8, 0.5, 0.5, 0.2]), np.array([6, 4, 6, 0.6, 1.2, 0.3, 1.5, 0.5]),
         np.array([5, 3, 3, 0.5, 1, 0.5, 2, 2])],
        np.array([5, 4, 4, 1.2, 1.6, 1.0, 2, 1.5]))
    conc = np.where(rng.random(n) < 0.25, 0.12, 0.6)[:, None]
    pref = rng.gamma(base_pref / base_pref.sum(axis=1, keepdims=True) * 8 * conc) + 1e-9
    pref /= pref.sum(axis=1, keepdims=True)
    return pref


def _customers_places(rng, indiv, internal, n):
    """Customers, step: where."""
    region = _pick(rng, V.REGIONS, n, V.REGION_WEIGHTS)
    region[internal] = _pick(rng, ["East", "North", "South", "Southwest", "Central"], internal.sum(),
                             [0.5, 0.15, 0.15, 0.1, 0.1])
    cities = pd.DataFrame(V.CITIES, columns=["city", "city_cn", "region", "tier", "area", "postcode", "w"])
    city_idx = np.empty(n, dtype=int)
    for r in V.REGIONS:
        m = region == r
        sub = cities.index[cities.region == r].to_numpy()
        w = cities.w.to_numpy()[sub].astype(float)
        city_idx[m] = sub[rng.choice(len(sub), size=m.sum(), p=w / w.sum())]
    city = cities.city.to_numpy()[city_idx]
    city_tier = cities.tier.to_numpy()[city_idx].astype(object)
    rural_p = np.where(indiv, 0.10, np.where(internal, 0.0, 0.06))
    city_tier[(rng.random(n) < rural_p) & (city_tier != "tier1")] = "rural"
    return cities, city, city_idx, city_tier, region


def _customers_spend(rng, chan, ext, income, indiv, internal, li, n, si, vi):
    """Customers, step: spend plan (CNY per year)."""
    spend = np.empty(n)
    life_f = np.array([0.55, 1.2, 2.0, 1.0, 0.6])[li]
    val_f = np.array([0.8, 1.35, 1.0, 1.1, 1.15])[vi]
    spend[indiv] = (800 * np.sqrt(np.nan_to_num(income) / 8000) * life_f * val_f * rng.lognormal(0, 0.85, n))[indiv]
    size_med = np.array([6000, 14000, 35000, 100000])[si]
    chan_f = np.where(chan, 2.2, 1.0)
    spend[ext] = (size_med * chan_f * rng.lognormal(0, 0.8, n))[ext]
    spend[internal] = (12000 * rng.lognormal(0, 0.5, n))[internal]
    return spend


def _customers_key_accounts(rng, ext, group_buyer, industry, is_listed, n, rank_pct, size, spend, tier):
    """Customers, step: key accounts: big, profitable organisations (economic/group/important) plus a few strategic picks."""
    ka = np.zeros(n, bool)
    cand = ext & ~group_buyer & np.isin(tier, ["platinum", "gold"])
    order = np.argsort(-np.where(cand, spend, -1), kind="stable")
    ka[order[:72]] = True
    strat_cand = np.flatnonzero(ext & ~group_buyer & ~ka & (tier != "lead") & (rank_pct > 0.08) & (rank_pct < 0.45)
                                & np.isin(industry, ["IT", "finance", "government", "healthcare", "education"]))
    ka[rng.choice(strat_cand, size=22, replace=False)] = True
    ka_type = np.full(n, None, dtype=object)
    ka_type[ka] = "economic"
    ka_type[ka & (size == "large") & (rng.random(n) < 0.45)] = "group"
    ka_type[ka & (np.isin(industry, ["government", "finance"]) | (is_listed == True)) & (rng.random(n) < 0.5)
            & (ka_type == "economic")] = "important"  # noqa: E712
    ka_type[np.isin(np.arange(n), np.flatnonzero(ka)) & ~np.isin(np.arange(n), order[:72])] = "strategic"
    tier[ka & (tier == "iron")] = "gold"
    spend[ka & (ka_type == "strategic")] *= 1.6
    return ka, ka_type


def _customers_frequency(rng, chan, churner, ext, group_buyer, indiv, internal, ka, ka_type, n, public, spend, t):
    """Customers, step: order frequency: heavier buyers order more often and bigger."""
    f0 = np.select([indiv, chan, internal], [3.1, 22.0, 9.0], 12.2)
    med = np.select([indiv, chan, internal], [900.0, 60000.0, 12000.0], 20000.0)
    rate = np.clip(f0 * np.sqrt(spend / med), 0.6, 320)
    rate = np.where(group_buyer, 0.35, rate)
    trend = rng.normal(0.0, 0.22, n)
    trend = np.where(ka & (ka_type == "strategic"), np.abs(trend) + 0.25, trend)
    public_buyer = public & ext
    won_p = np.select([t["platinum"], t["gold"], t["iron"]], [0.75, 0.62, 0.52], 0.30)
    won_p = np.where(churner, 0.22, won_p)
    return public_buyer, rate, trend, won_p


def _customers_tier(rng, biz, internal, n, spend):
    """Customers, step: profitability tier planted from spend rank plus chance; 30 one-off group buyers."""
    rank_pct = pd.Series(spend).rank(ascending=False, pct=True).to_numpy()
    top = rank_pct <= 0.2
    tier_p = np.where(top[:, None], [0.45, 0.44, 0.0, 0.11], [0.03, 0.12, 0.74, 0.11])
    tier = TIERS[_pick_rows(rng, tier_p)]
    tier[internal] = "iron"
    # group buyers: one-off bulk buyers (business organisations, new in the window)
    gb_cand = np.flatnonzero(biz & (tier != "lead"))
    group_buyer = np.zeros(n, bool)
    group_buyer[rng.choice(gb_cand, size=N_GROUP_BUYERS, replace=False)] = True
    tier[group_buyer] = "iron"
    return rank_pct, tier, group_buyer


def _customers_wallet(rng, ka, n, n_sup, t):
    """Customers, step: the share of wallet the relationship reaches, tied to n_suppliers and tier."""
    sow_mean = np.clip(1.0 / n_sup ** 0.75 + np.select([t["platinum"], t["gold"], t["iron"]], [0.12, -0.05, 0.0], -0.1)
                       + 0.1 * ka, 0.05, 0.97)
    return np.where(n_sup == 1, rng.uniform(0.82, 1.0, n), _beta_mean(rng, sow_mean, 10, n))


#: Account managers AM01-AM24: AM01-AM04 are the key-account team, the others serve regions.
_AM_IDS = np.array([f"AM{i:02d}" for i in range(1, 25)], dtype=object)
_AM_REGION = np.array(["KA"] * 4 + ["East"] * 6 + ["North"] * 4 + ["South"] * 4 + ["Central"] * 2
                      + ["Southwest"] * 2 + ["Northwest"] + ["Northeast"], dtype=object)
#: The largest key accounts that get a manager of the key-account team.
N_DEDICATED_KA = 12


def _customers_managers(rng, ka, n, org, region, spend):
    """Customers, step: each organisation's account manager (by region; the largest key accounts by the KA team)."""
    account_mgr = np.full(n, None, dtype=object)
    for r in V.REGIONS:
        m = (region == r) & org
        pool = _AM_IDS[_AM_REGION == r]
        account_mgr[m] = pool[rng.integers(0, len(pool), m.sum())]
    top_ka = np.flatnonzero(ka)[np.argsort(-spend[ka], kind="stable")][:N_DEDICATED_KA]
    account_mgr[top_ka] = _AM_IDS[:4][np.arange(N_DEDICATED_KA) % 4]
    return account_mgr


def _customers_cost_to_serve(rng, indiv, ka, n, spend, tier):
    """Customers, step: yearly cost to serve (CNY); the lead tier costs far more than it brings."""
    cost_to_serve = np.where(indiv, 45 * rng.lognormal(0, 0.4, n),
                             300 + 0.02 * spend * rng.lognormal(0, 0.3, n) + 6000 * ka)
    cost_to_serve = np.where(tier == "lead", cost_to_serve * 2.5 + np.where(indiv, 300, 2500), cost_to_serve)
    return np.round(cost_to_serve, -1)


def _customers_names(rng, cities, city_idx, indiv, industry, is_listed, n, nature, org, size):
    """Customers, step: names of people and organisations, and the organisations' web slugs."""
    names = np.empty(n, dtype=object)
    person, person_py = _person_names(rng, n)
    names[indiv] = person[indiv]
    city_cn = cities.city_cn.to_numpy()[city_idx]
    org_names, slugs = _org_names(rng, industry[org], nature[org], size[org], city_cn[org], is_listed[org])
    names[org] = org_names
    slug = np.full(n, None, dtype=object)
    slug[org] = slugs
    return names, person_py, slug


def _make_customers(rng):
    n = N_CUSTOMERS
    nature = np.repeat(list(NATURE_COUNTS), list(NATURE_COUNTS.values())).astype(object)
    nature = nature[rng.permutation(n)]
    indiv = nature == "retail"
    org = ~indiv
    internal = nature == "internal"
    kind = np.where(indiv, "individual", "organisation").astype(object)

    # where
    cities, city, city_idx, city_tier, region = _customers_places(rng, indiv, internal, n)

    # organisation characteristics
    (annual_sales, biz, chan, ext, industry, is_listed, ownership, public, registered_capital,
     si, size) = _customers_organisations(rng, internal, n, nature, org)

    # individual characteristics
    age, education, fav, gender, has_car, has_children, income, li, life, marital, values, vi = _customers_individuals(
        rng, indiv, n)

    # spend plan (CNY per year)
    spend = _customers_spend(rng, chan, ext, income, indiv, internal, li, n, si, vi)

    # profitability tier (planted from spend rank plus chance) and the one-off group buyers
    rank_pct, tier, group_buyer = _customers_tier(rng, biz, internal, n, spend)

    # key accounts: big, profitable organisations (economic/group/important) plus a few strategic picks
    ka, ka_type = _customers_key_accounts(
        rng, ext, group_buyer, industry, is_listed, n, rank_pct, size, spend, tier)

    # behaviour that goes with the tier
    base_disc, n_sup, price_sens, return_rate, t = _customers_behaviour(
        rng, indiv, internal, n, tier, values)

    # when: first order (history before 2023 for most), planned churn
    acquisition, churner, club, end_day, first_hist, start_day = _customers_timing(
        rng, group_buyer, indiv, internal, ka, n, size, t)
    # group buyers: the bulk order at start_day and at most a little after
    end_day = np.where(group_buyer, np.minimum(start_day + 240, N_DAYS - 1), end_day)

    # order frequency: heavier buyers order more often and bigger
    public_buyer, rate, trend, won_p = _customers_frequency(
        rng, chan, churner, ext, group_buyer, indiv, internal, ka, ka_type, n, public, spend, t)

    # product preferences, concentrated so that some customers buy only one or two lines
    pref = _customers_products(rng, chan, indiv, internal, n)

    # share of wallet the relationship reaches (depth), tied to n_suppliers and tier
    sow = _customers_wallet(rng, ka, n, n_sup, t)
    account_mgr = _customers_managers(rng, ka, n, org, region, spend)
    cost_to_serve = _customers_cost_to_serve(rng, indiv, ka, n, spend, tier)
    names, person_py, slug = _customers_names(rng, cities, city_idx, indiv, industry, is_listed, n, nature, org, size)

    cust = pd.DataFrame({
        "name": names, "customer_kind": kind, "nature_type": nature, "region": region, "city": city,
        "city_tier": city_tier, "industry": industry, "size": size, "registered_capital_cny": registered_capital,
        "annual_sales_cny": annual_sales, "is_listed": is_listed, "ownership": ownership,
        "age": age, "gender": gender, "education": education, "marital_status": marital,
        "monthly_income_cny": income, "favourite_colour": fav, "has_car": has_car, "has_children": has_children,
        "lifestyle_segment": life, "values_segment": values, "acquisition_source": acquisition,
        "account_manager_id": account_mgr, "is_key_account": ka, "ka_type": ka_type, "n_suppliers": n_sup,
        "price_sensitivity": price_sens, "cost_to_serve_cny": cost_to_serve, "club_member": club,
    })
    lat = dict(
        spend=spend, tier=tier, group_buyer=group_buyer, start_day=start_day, end_day=end_day, churner=churner,
        first_hist=first_hist, rate=rate, trend=trend, base_disc=base_disc, return_rate=return_rate,
        public_buyer=public_buyer, won_p=won_p, pref=pref, sow=sow, city_idx=city_idx, person_py=person_py,
        slug=slug, indiv=indiv, chan=chan, internal=internal, ka=ka, rank_pct=rank_pct,
    )
    return cust, lat


# ----------------------------------------------------------------------------------------------
# 2. survey plan and answers (end of 2023); switching changes the later orders
# ----------------------------------------------------------------------------------------------
# planted means: expectation (1-7), perception - expectation gap, importance (1-5)
SQ_EXP = {"facilities": 4.9, "materials": 4.5, "quality": 6.2, "delivery": 6.0, "response_speed": 6.0,
          "tech_support": 5.5, "expertise": 5.4, "attitude": 5.6, "personalisation": 5.6, "after_sales": 5.6}
SQ_GAP = {"facilities": 0.85, "materials": 0.7, "quality": 0.17, "delivery": -0.4, "response_speed": -1.12,
          "tech_support": -0.38, "expertise": 0.07, "attitude": 0.12, "personalisation": -1.1, "after_sales": -0.4}
SQ_IMP = {"facilities": 2.5, "materials": 2.6, "quality": 4.6, "delivery": 4.4, "response_speed": 4.4,
          "tech_support": 3.6, "expertise": 3.6, "attitude": 3.95, "personalisation": 4.1, "after_sales": 3.55}
# planted Kano category shares per feature: A, O, M, I, R, Q
KANO_SHARES = {
    "quality_certificate": [0.05, 0.15, 0.55, 0.18, 0.03, 0.04],
    "fast_delivery": [0.12, 0.50, 0.20, 0.13, 0.02, 0.03],
    "online_tracking": [0.22, 0.42, 0.10, 0.20, 0.03, 0.03],
    "dedicated_manager": [0.48, 0.15, 0.05, 0.25, 0.04, 0.03],
    "gift_packaging": [0.18, 0.04, 0.03, 0.58, 0.12, 0.05],
}
KANO_DOMINANT = {"quality_certificate": "M", "fast_delivery": "O", "online_tracking": "O",
                 "dedicated_manager": "A", "gift_packaging": "I"}
N_RESPONSES = 800


def _kano_answers(rng, shares, n):
    """Functional and dysfunctional answers (1 like .. 5 dislike) that code to the drawn categories."""
    cat = _pick_rows(rng, np.tile(shares, (n, 1)))  # 0 A, 1 O, 2 M, 3 I, 4 R, 5 Q
    mid = np.array([2, 3, 4])
    f_mid = mid[_pick_rows(rng, np.tile([0.45, 0.35, 0.20], (n, 1)))]
    d_mid = mid[_pick_rows(rng, np.tile([0.25, 0.45, 0.30], (n, 1)))]
    f_i = mid[_pick_rows(rng, np.tile([0.30, 0.45, 0.25], (n, 1)))]
    r_side = rng.random(n) < 0.5
    q_side = rng.random(n) < 0.5
    func = np.select([cat == 0, cat == 1, cat == 2, cat == 3, cat == 4],
                     [1, 1, f_mid, f_i, np.where(r_side, 5, f_mid)], np.where(q_side, 1, 5))
    dys = np.select([cat == 0, cat == 1, cat == 2, cat == 3, cat == 4],
                    [d_mid, 5, 5, d_mid, np.where(r_side, d_mid, 1)], np.where(q_side, 1, 5))
    return func, dys


def _plan_survey(rng, cust, lat):
    n = len(cust)
    eligible = np.flatnonzero((lat["start_day"] <= 200) & (lat["end_day"] == N_DAYS - 1) & ~lat["group_buyer"]
                              & ~lat["internal"])
    resp = np.sort(rng.choice(eligible, size=N_RESPONSES, replace=False))
    m = len(resp)
    day = rng.integers(281, 349, m)            # 2023-10-09 .. 2023-12-15
    src = _pick(rng, ["past_experience", "word_of_mouth", "personal_need"], m, [0.5, 0.3, 0.2])
    ka = cust.is_key_account.to_numpy()[resp]
    halo = rng.normal(0, 0.55, m)
    eshift = rng.normal(0, 0.35, m) + 0.3 * (src == "word_of_mouth") + 0.15 * ka
    out = {}
    wgap = np.zeros(m)
    wsum = np.zeros(m)
    for it in ITEMS:
        e = np.clip(np.round(SQ_EXP[it] + eshift + rng.normal(0, 0.75, m)), 1, 7)
        p = np.clip(np.round(SQ_EXP[it] + SQ_GAP[it] + halo + rng.normal(0, 0.75, m)), 1, 7)
        i = np.clip(np.round(SQ_IMP[it] + rng.normal(0, 0.6, m)), 1, 5)
        out[f"exp_{it}"], out[f"per_{it}"], out[f"imp_{it}"] = e.astype(int), p.astype(int), i.astype(int)
        wgap += i * (p - e)
        wsum += i
    score = wgap / wsum + 0.35 * halo + rng.normal(0, 0.35, m)
    # overall satisfaction by rank: 87% answer 4 or 5
    r = pd.Series(score).rank(method="first", pct=True).to_numpy()
    overall = np.select([r > 0.55, r > 0.13, r > 0.05, r > 0.015], [5, 4, 3, 2], 1)
    ps = cust.price_sensitivity.to_numpy()[resp]
    nsup = cust.n_suppliers.to_numpy()[resp]
    club = cust.club_member.to_numpy()[resp].astype(bool)
    logit = -0.2 + 2.6 * (ps - 0.5) + 0.25 * (nsup - 2) - 1.2 * ka - 0.5 * club - 0.55 * (overall - 4)
    switched = rng.random(m) < 1 / (1 + np.exp(-logit))
    ltr = np.clip(np.round(np.array([0, 2.0, 3.5, 5.5, 7.6, 9.1])[overall] + 0.6 * halo + rng.normal(0, 1.0, m)), 0, 10)
    rep = np.clip(np.round(overall - 0.2 - 0.9 * switched * (rng.random(m) < 0.5) + rng.normal(0, 0.6, m)), 1, 5)
    emo = np.clip(np.round(2.9 + 0.5 * (overall - 4) + 0.8 * club - 1.2 * (ps - 0.5) + 0.4 * ka
                           + rng.normal(0, 0.75, m)), 1, 5)
    survey = pd.DataFrame({"_cust": resp, "_day": day})
    for k, v in out.items():
        survey[k] = v
    survey["overall_satisfaction"] = overall.astype(int)
    survey["likelihood_to_recommend"] = ltr.astype(int)
    survey["repurchase_intent"] = rep.astype(int)
    survey["emotional_attachment"] = emo.astype(int)
    survey["switched_within_12m"] = switched
    survey["expectation_source"] = src
    for f in KANO_FEATURES:
        func, dys = _kano_answers(rng, KANO_SHARES[f], m)
        survey[f"kano_func_{f}"] = func.astype(int)
        survey[f"kano_dys_{f}"] = dys.astype(int)

    # switching: most switchers move the bulk of their business, some stop altogether
    switch_day = np.full(n, N_DAYS + 1)
    sw = resp[switched]
    stop = rng.random(len(sw)) < 0.28
    lag = rng.integers(15, 100, len(sw))
    sday = day[switched] + lag
    switch_day[sw[~stop]] = sday[~stop]
    lat["end_day"][sw[stop]] = sday[stop]
    lat["switch_day"] = switch_day
    # a few key accounts slide in the second half of 2024 (the early-warning example)
    cand = np.flatnonzero(lat["ka"] & (switch_day > N_DAYS) & (lat["end_day"] == N_DAYS - 1))
    declining = np.zeros(n, bool)
    declining[rng.choice(cand, size=6, replace=False)] = True
    lat["declining"] = declining
    return survey


# ----------------------------------------------------------------------------------------------
# 3. transactions
# ----------------------------------------------------------------------------------------------
def _day_factors(indiv):
    """Season x weekday factor per customer kind and day, normalised to a yearly mean of 1."""
    d = np.arange(N_DAYS)
    dates = pd.DatetimeIndex(_days_to_dates(d))
    season = np.ones(N_DAYS)
    for cny in ("2023-01-22", "2024-02-10"):
        c = (pd.Timestamp(cny) - START).days
        season[max(c - 7, 0): c + 14] = 0.35
    for gw in ("2023-10-01", "2024-10-01"):
        c = (pd.Timestamp(gw) - START).days
        season[c: c + 7] = 0.4
    season[dates.month == 9] *= 1.15
    season[dates.month == 12] *= 1.2
    dow = dates.day_of_week.to_numpy()
    org_f = season * np.select([dow == 5, dow == 6], [0.12, 0.05], 1.0)
    ind_f = season * np.select([dow == 5, dow == 6], [1.3, 1.2], 1.0)
    for s11 in ("2023-11-11", "2024-11-11"):
        ind_f[(pd.Timestamp(s11) - START).days] *= 4.0
    org_f /= org_f.mean()
    ind_f /= ind_f.mean()
    return np.where(indiv[:, None], ind_f[None, :], org_f[None, :])


def _transactions_orders(rng, ci, lat, n_orders):
    """Customers, step: order type and value."""
    is_first = np.zeros(n_orders, bool)
    _, first_pos = np.unique(ci, return_index=True)
    is_first[first_pos] = True
    gb = lat["group_buyer"][ci] & is_first
    tender = lat["public_buyer"][ci] & ~gb & (rng.random(n_orders) < 0.18)
    ov = lat["spend"] / lat["rate"]
    value = ov[ci] * rng.lognormal(-0.1, 0.45, n_orders)
    value = np.where(tender, value * 2.5, value)
    value = np.where(gb, rng.uniform(40000, 260000, n_orders), value)
    order_type = np.where(gb, "group_buy", np.where(tender, "tender", "regular")).astype(object)
    return gb, order_type, ov, tender, value


def _transactions_lines(rng, ci, gb, indiv, internal, lat, n_orders, ov, tender, value):
    """Customers, step: lines per order and which product lines (Gumbel top-k on preferences)."""
    lam_l = np.where(indiv, 0.35, np.where(internal, 1.0, np.clip(0.8 + 0.4 * np.log10(np.maximum(ov, 1) / 1000),
                                                                  0.3, 2.6)))[ci]
    lam_l = np.where(tender, 0.3, np.where(gb, 0.4, lam_l))
    n_lines = 1 + np.minimum(rng.poisson(lam_l), 5)
    logw = np.log(lat["pref"][ci]) + np.log(np.minimum(1.0, value[:, None] / (2 * BASE_PRICE[None, :])))
    keys = logw + rng.gumbel(size=logw.shape)
    ranked = np.argsort(-keys, axis=1, kind="stable")
    pos = np.arange(8)[None, :]
    sel = pos < n_lines[:, None]
    oi = np.repeat(np.arange(n_orders), n_lines)
    line = ranked[sel]
    w = rng.gamma(2.0, size=len(oi))
    w = w / np.bincount(oi, weights=w)[oi]
    line_value = value[oi] * w
    price = BASE_PRICE[line] * rng.lognormal(0, 0.3, len(oi))
    return line, line_value, oi, price


def _transactions_prices(rng, ci, lat, line, line_value, oi, order_type, price):
    """Customers, step: list prices are 'nice' numbers: to 0.10 below 100 CNY, to 1 below 1,000, to 10 above."""
    price = np.where(price < 100, np.round(price, 1), np.where(price < 1000, np.round(price), np.round(price, -1)))
    price = np.maximum(price, 0.5)
    qty = np.maximum(1, np.round(line_value / price)).astype(int)
    c_line = ci[oi]
    disc = lat["base_disc"][c_line] + rng.normal(0, 0.015, len(oi))
    disc = disc + np.where(order_type[oi] == "tender", rng.uniform(0.03, 0.08, len(oi)), 0.0)
    disc = disc + np.where(order_type[oi] == "group_buy", rng.uniform(0.08, 0.15, len(oi)), 0.0)
    disc = np.round(np.clip(disc, 0.0, 0.4), 2)
    cost = np.round(qty * price * (1 - LIST_MARGIN[line]) * rng.lognormal(0, 0.04, len(oi)), 2)
    amount = np.round(qty * price * (1 - disc), 2)
    return amount, c_line, cost, disc, price, qty


def _transactions_channels(rng, chan, ci, cust, gb, indiv, internal, ka, n_orders, tender):
    """Customers, step: channel per order."""
    rural = cust.city_tier.to_numpy()[ci] == "rural"
    tier3 = np.isin(cust.city_tier.to_numpy()[ci], ["tier3", "rural"])
    big = np.isin(cust["size"].to_numpy()[ci], ["medium", "large"])
    probs = np.select(
        [indiv[ci][:, None], ka[ci][:, None], chan[ci][:, None], internal[ci][:, None]],
        [np.where(tier3[:, None], [0, 0.15, 0, 0.45, 0.40], [0, 0.25, 0, 0.70, 0.05]),
         np.tile([0.35, 0.15, 0.50, 0, 0], (n_orders, 1)),
         np.tile([0.60, 0.40, 0, 0, 0], (n_orders, 1)),
         np.tile([0, 1.0, 0, 0, 0], (n_orders, 1))],
        np.where(big[:, None], [0.60, 0.35, 0, 0.05, 0], [0.25, 0.60, 0, 0.10, 0.05]))
    del rural
    channels = np.array(["field_sales", "inside_sales", "ka_homepage", "call_centre", "distributor"], dtype=object)
    channel = channels[_pick_rows(rng, probs)]
    channel[tender | gb] = "field_sales"
    return channel


def _transactions_tenders(rng, amount, c_line, channel, ci, cost, day, disc, lat, line, n_orders, oi, order_type,
                          price, qty, tender):
    """Customers, step: tenders: won or lost; a lost tender records the bid with quantity, amount and cost 0."""
    won = rng.random(n_orders) < lat["won_p"][ci]
    result = np.where(tender, np.where(won, "won", "lost"), "n/a").astype(object)
    lost = (result == "lost")[oi]
    qty = np.where(lost, 0, qty)
    amount = np.where(lost, 0.0, amount)
    cost = np.where(lost, 0.0, cost)

    order_id = np.array([f"O{i:06d}" for i in range(1, n_orders + 1)], dtype=object)
    tx = pd.DataFrame({
        "_order": oi, "_cust": c_line, "_day": day[oi], "product_line": np.array(PRODUCT_LINES, dtype=object)[line],
        "quantity": qty, "unit_price": price, "amount": amount, "cost": cost, "discount": disc,
        "is_return": False, "channel": channel[oi], "order_type": order_type[oi], "tender_result": result[oi],
    })
    return cost, order_id, qty, tx


def _make_transactions(rng, cust, lat):
    n = len(cust)
    indiv, chan, internal, ka = lat["indiv"], lat["chan"], lat["internal"], lat["ka"]
    d = np.arange(N_DAYS)[None, :]
    lam = (lat["rate"] / 365.0)[:, None] * _day_factors(indiv)
    lam = lam * np.exp(lat["trend"][:, None] * (d - 365) / 365.0)
    active = (d >= lat["start_day"][:, None]) & (d <= lat["end_day"][:, None])
    lam = np.where(active, lam, 0.0)
    lam = np.where(d >= lat["switch_day"][:, None], lam * 0.3, lam)
    lam = np.where(lat["declining"][:, None] & (d >= 548), lam * 0.3, lam)
    counts = rng.poisson(lam)
    new = lat["start_day"] > 0
    counts[new, lat["start_day"][new]] = np.maximum(counts[new, lat["start_day"][new]], 1)
    none = np.flatnonzero(counts.sum(axis=1) == 0)
    if len(none):
        lo, hi = lat["start_day"][none], lat["end_day"][none]
        counts[none, lo + (rng.random(len(none)) * (hi - lo + 1)).astype(int)] = 1
    ci, day = np.nonzero(counts)
    reps = counts[ci, day]
    ci, day = np.repeat(ci, reps), np.repeat(day, reps)
    o = np.lexsort((ci, day))
    ci, day = ci[o], day[o]
    n_orders = len(ci)

    # order type and value
    gb, order_type, ov, tender, value = _transactions_orders(rng, ci, lat, n_orders)

    # lines per order and which product lines (Gumbel top-k on preferences)
    line, line_value, oi, price = _transactions_lines(
        rng, ci, gb, indiv, internal, lat, n_orders, ov, tender, value)
    # list prices are 'nice' numbers: to 0.10 below 100 CNY, to 1 below 1,000, to 10 above
    amount, c_line, cost, disc, price, qty = _transactions_prices(
        rng, ci, lat, line, line_value, oi, order_type, price)

    # channel per order
    channel = _transactions_channels(rng, chan, ci, cust, gb, indiv, internal, ka, n_orders, tender)

    # tenders: won or lost; a lost tender records the bid with quantity, amount and cost 0
    cost, order_id, qty, tx = _transactions_tenders(
        rng, amount, c_line, channel, ci, cost, day, disc, lat, line, n_orders, oi, order_type, price, qty,
        tender)

    # returns: a later credit on the same order line, for part or all of the quantity
    rr = lat["return_rate"][c_line] * np.where(order_type[oi] == "regular", 1.0, 0.3)
    ret = (rng.random(len(oi)) < rr) & (qty > 0)
    rq = np.maximum(1, np.round(qty[ret] * rng.uniform(0.2, 1.0, ret.sum()))).astype(int)
    rq = np.minimum(rq, qty[ret])
    back = tx.loc[ret].copy()
    back["quantity"] = -rq
    back["amount"] = -np.round(rq * price[ret] * (1 - disc[ret]), 2)
    back["cost"] = -np.round(cost[ret] / qty[ret] * rq * RETURN_RECOVERY, 2)
    back["is_return"] = True
    tx = pd.concat([tx, back]).sort_values(["_order", "is_return"], kind="stable").reset_index(drop=True)
    tx.insert(0, "order_id", order_id[tx["_order"].to_numpy()])
    return tx


# ----------------------------------------------------------------------------------------------
# 4. tables derived from customers and transactions
# ----------------------------------------------------------------------------------------------
STAFF_LEVEL = {"AM": "sales", "IS": "inside_sales", "MG": "manager", "VP": "VP"}
INSIDE = np.array([f"IS{i:02d}" for i in range(1, 13)], dtype=object)
MANAGERS = np.array([f"MG{i:02d}" for i in range(1, 5)], dtype=object)
VPS = np.array(["VP01", "VP02"], dtype=object)
CONTACT_TYPES = ["task", "process_step", "praise", "complaint", "suggestion", "inquiry", "care_activity"]
TOPICS = ["quality", "delivery", "price", "after_sales", "tech_support", "attitude", "billing"]
CHANNELS_C = ["phone", "visit", "email", "online_form", "fax", "hotline_400", "IVR"]
TITLES = ["purchasing manager", "buyer", "office director", "administration assistant", "general manager",
          "vice president", "finance manager", "IT manager", "HR director"]
TITLE_DEPT = {"purchasing manager": "purchasing", "buyer": "purchasing", "office director": "administration",
              "administration assistant": "administration", "general manager": "executive",
              "vice president": "executive", "finance manager": "finance", "IT manager": "IT",
              "HR director": "HR", "HR manager": "HR", "office manager": "administration",
              "IT director": "IT", "finance director": "finance", "administration manager": "administration",
              "deputy general manager": "executive"}


def _contacts_complaints(rng, ci, cust, day, indiv, ka, lat, lead, m):
    """Customers, step: the sliding key accounts complain repeatedly in the second half of 2024."""
    dec = np.flatnonzero(lat["declining"])
    extra_c = np.repeat(dec, 5)
    extra_d = rng.integers(520, N_DAYS, len(extra_c))
    ci = np.r_[ci, extra_c]
    day = np.r_[day, extra_d]
    m = len(ci)
    forced_complaint = np.r_[np.zeros(m - len(extra_c), bool), np.ones(len(extra_c), bool)]

    tp = np.select([indiv[ci][:, None], ka[ci][:, None]],
                   [np.tile([0.05, 0.10, 0.08, 0.20, 0.07, 0.40, 0.10], (m, 1)),
                    np.tile([0.25, 0.15, 0.07, 0.10, 0.06, 0.12, 0.25], (m, 1))],
                   np.tile([0.25, 0.17, 0.06, 0.14, 0.06, 0.20, 0.12], (m, 1)))
    tp[:, 3] = np.where(lead[ci], 0.45, tp[:, 3])
    ctype = np.array(CONTACT_TYPES, dtype=object)[_pick_rows(rng, tp)]
    ctype[forced_complaint] = "complaint"
    topic_p = {
        "complaint": [0.20, 0.28, 0.07, 0.15, 0.10, 0.10, 0.10],
        "inquiry": [0.10, 0.25, 0.35, 0.10, 0.15, 0.0, 0.05],
        "praise": [0.30, 0.20, 0.0, 0.10, 0.10, 0.30, 0.0],
        "suggestion": [0.20, 0.20, 0.20, 0.15, 0.15, 0.0, 0.10],
    }
    other = [0.10, 0.30, 0.40, 0.10, 0.0, 0.0, 0.10]
    tpm = np.array([topic_p.get(t, other) for t in CONTACT_TYPES])
    cidx = pd.Series(ctype).map({t: i for i, t in enumerate(CONTACT_TYPES)}).to_numpy()
    topic = np.array(TOPICS, dtype=object)[_pick_rows(rng, tpm[cidx])]
    inbound = np.isin(ctype, ["complaint", "inquiry", "praise", "suggestion"]) | (
        (ctype == "process_step") & (rng.random(m) < 0.4))
    direction = np.where(inbound, "inbound", "outbound").astype(object)
    ind_c = indiv[ci][:, None]
    ch_p = np.select(
        [inbound[:, None] & ind_c, inbound[:, None], ind_c],
        [np.tile([0.20, 0.0, 0.08, 0.20, 0.0, 0.35, 0.17], (m, 1)),
         np.tile([0.35, 0.03, 0.22, 0.12, 0.03, 0.20, 0.05], (m, 1)),
         np.tile([0.70, 0.0, 0.30, 0.0, 0.0, 0.0, 0.0], (m, 1))],
        np.tile([0.40, 0.40, 0.18, 0.0, 0.02, 0.0, 0.0], (m, 1)))
    channel = np.array(CHANNELS_C, dtype=object)[_pick_rows(rng, ch_p)]

    am = cust.account_manager_id.to_numpy()[ci]
    u = rng.random(m)
    staff = np.where(inbound, INSIDE[rng.integers(0, len(INSIDE), m)], am)
    staff = np.where(~inbound & indiv[ci], INSIDE[rng.integers(0, len(INSIDE), m)], staff)
    ka_c = ka[ci] & ~inbound
    staff = np.where(ka_c & (u < 0.10), VPS[rng.integers(0, 2, m)], staff)
    staff = np.where(ka_c & (u >= 0.10) & (u < 0.32), MANAGERS[rng.integers(0, 4, m)], staff)
    staff = np.where((ctype == "complaint") & (rng.random(m) < 0.12), MANAGERS[rng.integers(0, 4, m)], staff)
    return channel, ci, ctype, day, direction, m, staff, topic


def _contacts_counterparts(rng, ci, indiv, lat, level, m):
    """Customers, step: counterpart: purchasing first; deeper relationships reach more departments."""
    depth = lat["sow"][ci]
    tw = np.array([1.0, 0.8, 0.5, 0.3, 0.35, 0.15, 0.35, 0.35, 0.2])
    tmat = np.tile(tw, (m, 1))
    tmat[:, 2:] *= (0.08 + 2.0 * depth ** 2)[:, None]
    title = np.array(TITLES, dtype=object)[_pick_rows(rng, tmat)]
    exec_t = np.where(rng.random(m) < 0.5, "vice president", "general manager")
    title = np.where(level == "VP", exec_t, title)
    title = np.where(indiv[ci], "private customer", title).astype(object)
    return title


def _contacts_resolution(rng, channel, ci, ctype, day, direction, level, m, staff, title, topic):
    """Customers, step: resolution: complaints and inquiries; first-contact resolution improves over the two years."""
    issue = np.isin(ctype, ["complaint", "inquiry"])
    p_ok = np.where(ctype == "complaint", 0.60 + 0.16 * day / N_DAYS, 0.86)
    p_ok = p_ok - 0.12 * np.isin(channel, ["email", "online_form", "fax"])
    ok = rng.random(m) < p_ok
    hours = np.where(ctype == "complaint", rng.lognormal(np.log(16), 0.75, m), rng.lognormal(np.log(2.5), 0.9, m))
    hours = np.round(np.where(ok, hours, hours * 2.6), 1)
    resolved = pd.array(np.where(issue, ok, False), dtype="boolean")
    resolved[~issue] = pd.NA
    hours = np.where(issue, np.maximum(hours, 0.1), np.nan)

    anytime = np.isin(channel, ["hotline_400", "IVR"])
    minute = np.where(anytime, (rng.beta(2.2, 1.6, m) * 24 * 60).astype(int),
                      8 * 60 + 30 + (rng.random(m) * 9.5 * 60).astype(int))
    ts = _days_to_dates(day).astype("datetime64[m]") + minute.astype("timedelta64[m]")
    out = pd.DataFrame({
        "_cust": ci, "contact_datetime": ts.astype("datetime64[s]"), "channel": channel, "direction": direction,
        "staff_id": staff, "staff_level": level, "counterpart_title": title, "contact_type": ctype,
        "topic": topic, "resolved_first_time": resolved, "resolution_hours": hours,
    })
    return out


def _make_contacts(rng, cust, lat, tx):
    n = len(cust)
    indiv, ka = lat["indiv"], lat["ka"]
    lead = lat["tier"] == "lead"
    n_orders = np.bincount(tx["_cust"].to_numpy()[~tx.is_return.to_numpy()], minlength=n)
    lo = lat["start_day"]
    hi = np.minimum(lat["end_day"] + 60, N_DAYS - 1)
    frac = (hi - lo + 1) / N_DAYS
    base = np.where(indiv, 1.2, (2.5 + 0.45 * np.sqrt(n_orders)) * (0.6 + lat["sow"])) + 12 * ka
    base = base * np.where(lead, 1.8, 1.0)
    k = rng.poisson(base * frac)
    ci = np.repeat(np.arange(n), k)
    m = len(ci)
    day = lo[ci] + (rng.random(m) * (hi[ci] - lo[ci] + 1)).astype(int)
    # the sliding key accounts complain repeatedly in the second half of 2024
    channel, ci, ctype, day, direction, m, staff, topic = _contacts_complaints(
        rng, ci, cust, day, indiv, ka, lat, lead, m)
    # deeper relationships: managers join more of the visits
    mgr_visit = (channel == "visit") & ~indiv[ci] & ~ka[ci] & (rng.random(m) < 0.35 * lat["sow"][ci] ** 2)
    staff = np.where(mgr_visit, MANAGERS[rng.integers(0, 4, m)], staff)
    staff = staff.astype(object)
    level = pd.Series(staff).str[:2].map(STAFF_LEVEL).to_numpy()

    # counterpart: purchasing first; deeper relationships reach more departments
    title = _contacts_counterparts(rng, ci, indiv, lat, level, m)

    # resolution: complaints and inquiries; first-contact resolution improves over the two years
    out = _contacts_resolution(rng, channel, ci, ctype, day, direction, level, m, staff, title, topic)
    return out


def _make_ka(rng, cust, lat, tx, phone, email):
    """Key-account information cards and their contact histories (3 or more contacts each)."""
    ka_idx = np.flatnonzero(lat["ka"])
    cards, project, incumbent, needs = _ka_cards(rng, cust, lat, tx, phone, email, ka_idx)
    return cards, _ka_contacts(rng, cards, ka_idx, project, incumbent, needs)


def _ka_cards(rng, cust, lat, tx, phone, email, ka_idx):
    """Key accounts, step: the information cards (大客户资料卡), one per key account."""
    k = len(ka_idx)
    cities = pd.DataFrame(V.CITIES, columns=["city", "city_cn", "region", "tier", "area", "postcode", "w"])
    ci = lat["city_idx"][ka_idx]
    area = cities.area.to_numpy()[ci]
    city_cn = cities.city_cn.to_numpy()[ci]
    main_line = (tx[~tx.is_return].groupby(["_cust", "product_line"]).amount.sum()
                 .reset_index().sort_values(["_cust", "amount"], ascending=[True, False])
                 .drop_duplicates("_cust").set_index("_cust").product_line)
    own = cust.ownership.to_numpy()[ka_idx]
    founded = np.where(own == "state_owned", rng.integers(1955, 2005, k), rng.integers(1988, 2017, k))
    founded_date = pd.to_datetime(pd.DataFrame({"year": founded, "month": rng.integers(1, 13, k),
                                                "day": rng.integers(1, 29, k)}))
    road = _pick(rng, V.ROAD_WORDS, k)
    dist = _pick(rng, V.DISTRICT_WORDS, k)
    address = [f"{c}市{d}{r}路{no}号" for c, d, r, no in zip(city_cn, dist, road, rng.integers(1, 999, k))]
    postcode = [f"{p}{s:03d}" for p, s in zip(cities.postcode.to_numpy()[ci], rng.integers(0, 100, k))]
    fax = np.where(rng.random(k) < 0.6, [f"{a}-{f}" for a, f in zip(area, rng.integers(55000000, 89999999, k))], None)
    slug = lat["slug"][ka_idx]
    ind = cust.industry.to_numpy()[ka_idx]
    tld = np.where(ind == "government", ".gov.cn", np.where(ind == "education", ".edu.cn", ".com.cn"))
    website = [f"www.{s}{t}" for s, t in zip(slug, tld)]
    sow = lat["sow"][ka_idx]
    intent = np.where(sow > 0.7, "strong", np.where(sow > 0.35, "moderate", "weak")).astype(object)
    project = _pick(rng, V.POTENTIAL_PROJECTS, k)
    incumbent = _pick(rng, V.COMPETITORS, k, [0.3, 0.15, 0.15, 0.15, 0.15, 0.1])
    needs = _pick(rng, V.NEEDS, k, [0.12, 0.12, 0.2, 0.08, 0.1, 0.1, 0.08, 0.08, 0.06, 0.06])
    cards = pd.DataFrame({
        "_cust": ka_idx, "company_name": cust.name.to_numpy()[ka_idx], "company_nature": own,
        "founded_date": founded_date.to_numpy(), "customer_source": cust.acquisition_source.to_numpy()[ka_idx],
        "industry": ind, "product_type": main_line.reindex(ka_idx).to_numpy(), "potential_project": project,
        "address": address, "postcode": postcode, "phone": phone[ka_idx], "fax": fax, "email": email[ka_idx],
        "website": website, "cooperation_intent": intent, "incumbent_supplier": incumbent, "needs": needs,
        "account_manager_id": cust.account_manager_id.to_numpy()[ka_idx],
    })
    return cards, project, incumbent, needs


#: Contents and next steps of the fourth and later contacts with a key account.
_LATER_CONTACTS = ["Follow-up call: asked for a revised quotation.",
                   "Product demonstration at the customer's office.",
                   "Trial order delivered; feedback collected.", "Contract terms discussed.",
                   "Quarterly review with the purchasing team."]
_LATER_PLANS = ["Send revised quotation.", "Arrange a trial order.", "Prepare framework contract.",
                "Invite to the customer seminar.", "Schedule the next quarterly review."]


def _ka_contact_texts(no, proj, inc, nd, p2, lc):
    """Key accounts, step: what was said at each contact and the next step planned."""
    content = np.empty(len(no), dtype=object)
    plan = np.empty(len(no), dtype=object)
    for i in range(len(no)):
        if no[i] == 1:
            content[i] = f"Phone call: introduced Huaxin and the {proj[i]} offer; meeting set for next week."
            plan[i] = "Prepare the visit and product samples."
        elif no[i] == 2:
            content[i] = f"Visit: the customer uses {inc[i]} for the {proj[i]}; wants {nd[i]}."
            plan[i] = "Send proposal and quotation."
        elif no[i] == 3:
            content[i] = (f"Proposal handed over; feedback 'looks good'; will discuss with the {p2[i]} "
                          "and call back within two weeks.")
            plan[i] = "Wait for the call back; call again if none within two weeks."
        else:
            content[i] = _LATER_CONTACTS[lc[i]]
            plan[i] = _LATER_PLANS[lc[i]]
    return content, plan


def _ka_contacts(rng, cards, ka_idx, project, incumbent, needs):
    """Key accounts, step: the contact history, 3 or more contacts per account, callbacks promised ahead."""
    k = len(ka_idx)
    nc = 3 + np.minimum(rng.poisson(1.0, k), 4)
    kc = np.repeat(np.arange(k), nc)
    no = np.concatenate([np.arange(1, x + 1) for x in nc])
    gaps = rng.integers(6, 40, len(kc))
    gaps[no == 1] = rng.integers(20, 420, k)
    day = np.concatenate([np.cumsum(g) for g in np.split(gaps, np.cumsum(nc)[:-1])])
    day = np.minimum(day, N_DAYS - 1)
    method = np.where(no == 1, "phone", np.where(no == 2, "visit", np.where(rng.random(len(kc)) < 0.5, "visit",
                                                                            "phone"))).astype(object)
    am = cards.account_manager_id.to_numpy()[kc]
    u = rng.random(len(kc))
    person = np.where(u < 0.8, am, np.where(u < 0.95, MANAGERS[rng.integers(0, 4, len(kc))], VPS[0])).astype(object)
    names, _ = _person_names(rng, 2 * k)
    pos1 = _pick(rng, ["office director", "purchasing manager", "administration manager"], k)
    pos2 = _pick(rng, ["HR director", "IT director", "finance director", "general manager",
                       "deputy general manager"], k)
    second = (no >= 3) & (rng.random(len(kc)) < 0.35)
    contacted = np.where(second, names[k + kc], names[kc]).astype(object)
    position = np.where(second, pos2[kc], pos1[kc]).astype(object)
    proj = project[kc]
    inc = incumbent[kc]
    nd = needs[kc]
    p2 = pos2[kc]
    lc = rng.integers(0, len(_LATER_CONTACTS), len(kc))
    content, plan = _ka_contact_texts(no, proj, inc, nd, p2, lc)
    cdate = _days_to_dates(day)
    off = np.select([u < 0.82, u < 0.92, u < 0.96], [14, 7, 30], -1)
    off = rng.permutation(off)
    promised = np.where(off >= 0, cdate + np.maximum(off, 0).astype("timedelta64[D]"), np.datetime64("NaT"))
    return pd.DataFrame({
        "_cust": ka_idx[kc], "contact_no": no, "method": method, "contact_date": cdate, "our_person": person,
        "contacted_person": contacted, "position": position, "content": content, "next_step_plan": plan,
        "promised_callback_date": promised,
    })


def _make_payments(rng, cust, lat, tx):
    """Monthly invoices for organisations, one invoice per order for individuals; payment behaviour by tier."""
    t = tx[["_cust", "_day", "order_id", "amount"]].copy()
    indiv = lat["indiv"][t["_cust"].to_numpy()]
    dates = _days_to_dates(t["_day"].to_numpy())
    month_end = (pd.DatetimeIndex(dates) + pd.offsets.MonthEnd(0)).to_numpy().astype("datetime64[D]")
    t["_key"] = np.where(indiv, t["order_id"].to_numpy(), pd.Series(month_end).dt.strftime("%Y-%m").to_numpy())
    t["_inv_date"] = np.where(indiv, dates, month_end)
    inv = t.groupby(["_cust", "_key"], sort=False).agg(_date=("_inv_date", "first"), amount=("amount", "sum"))
    inv = inv.reset_index()
    inv = inv[inv.amount > 0.005].sort_values(["_date", "_cust"], kind="stable").reset_index(drop=True)
    c = inv["_cust"].to_numpy()
    k = len(inv)
    ind = lat["indiv"][c]
    state = cust.ownership.to_numpy()[c] == "state_owned"
    terms = np.where(ind, 0, np.where(state | lat["ka"][c], 60, 30))
    tier = lat["tier"][c]
    shift = np.select([tier == "platinum", tier == "gold", tier == "iron"], [-8, 0, 6], 28)
    days = np.where(ind, rng.choice([0, 0, 0, 1, 2, 3], k),
                    np.maximum(0, np.round(terms + shift + rng.normal(0, 9, k)))).astype(int)
    inv_date = inv["_date"].to_numpy().astype("datetime64[D]")
    pay_date = inv_date + days.astype("timedelta64[D]")
    # bad debts: loss-making and lapsed customers leave some invoices unpaid
    bad = (tier == "lead") & (rng.random(k) < 0.12)
    bad |= lat["churner"][c] & (rng.random(k) < 0.06)
    unpaid = bad | (pay_date > np.datetime64("2024-12-31"))
    partial = ~unpaid & ~ind & (rng.random(k) < np.where(tier == "lead", 0.10, 0.025))
    amount = np.round(inv.amount.to_numpy(), 2)
    paid = np.where(unpaid, 0.0, np.where(partial, np.round(amount * rng.uniform(0.5, 0.95, k), 2), amount))
    pay = pd.DataFrame({
        "_cust": c, "invoice_date": inv_date, "invoice_amount": amount,
        "due_date": inv_date + terms.astype("timedelta64[D]"),
        "payment_date": np.where(unpaid, np.datetime64("NaT"), pay_date),
        "payment_amount": paid,
        "days_to_pay": pd.array(np.where(unpaid, 0, days), dtype="Int64"),
    })
    pay.loc[unpaid, "days_to_pay"] = pd.NA
    pay.insert(0, "invoice_id", [f"INV{i:06d}" for i in range(1, k + 1)])
    return pay


EVENTS = ["new_product_launch", "annual_supplier_review", "personnel_change", "rival_quality_issue",
          "service_complaint", "single_contact_rival", "relationship_breakdown", "cost_pressure"]


def _make_share_of_wallet(rng, cust, lat, tx, contacts):
    """Per business customer, year and its three main categories: their purchases, our sales, the stage."""
    orgs = np.flatnonzero(np.isin(cust.nature_type.to_numpy(), ["business", "channel"]))
    top3 = np.argsort(-lat["pref"][orgs], axis=1, kind="stable")[:, :3]
    rows = pd.DataFrame({
        "_cust": np.repeat(np.repeat(orgs, 3), 1), "_line": top3.ravel(),
    })
    rows = pd.concat([rows.assign(year=2023), rows.assign(year=2024)]).sort_values(
        ["_cust", "year", "_line"], kind="stable").reset_index(drop=True)
    rows["category"] = np.array(PRODUCT_LINES, dtype=object)[rows["_line"].to_numpy()]
    year = 2023 + (tx["_day"].to_numpy() >= 365)
    ours = tx.assign(year=year).groupby(["_cust", "year", "product_line"]).amount.sum()
    idx = pd.MultiIndex.from_arrays([rows["_cust"], rows["year"], rows["category"]])
    our = np.round(np.maximum(ours.reindex(idx).fillna(0.0).to_numpy(), 0.0), 2)
    c = rows["_cust"].to_numpy()
    k = len(rows)
    target = np.clip(lat["sow"][c] * rng.lognormal(0, 0.22, k), 0.02, 1.0)
    target = np.where(cust.n_suppliers.to_numpy()[c] == 1, np.maximum(target, rng.uniform(0.9, 1.0, k)), target)
    target = np.where(rng.random(k) < 0.15, 1.0, target) * (lat["sow"][c] > 0.8) + target * (lat["sow"][c] <= 0.8)
    target = np.minimum(target, 1.0)
    pref = lat["pref"][c, rows["_line"].to_numpy()]
    guess = lat["spend"][c] * pref / np.maximum(lat["sow"][c], 0.05) * rng.lognormal(0, 0.3, k)
    total = np.where(our > 0, np.round(our / target, 2), np.round(np.maximum(guess, 500), 2))
    total = np.maximum(total, our)
    share = np.where(total > 0, np.round(our / total, 4), 0.0)
    stage = np.select([our <= 0, share < 0.5, share < 0.8], ["development", "initial", "stable"],
                      "strategic").astype(object)
    role = np.select([our <= 0, share < 0.2, share < 0.5, share < 0.8], ["none", "candidate", "secondary", "main"],
                     "strategic").astype(object)
    nsup = cust.n_suppliers.to_numpy()[c]
    n_row = np.maximum(np.round(nsup * rng.uniform(0.7, 1.3, k)), 2).astype(int)
    n_row = np.where(share >= 0.9999, 1, n_row)
    n_row = np.where(our <= 0, np.maximum(nsup - 1, 1), n_row)

    # contact depth from the contact log of the same customer and year
    cy = contacts.assign(year=contacts.contact_datetime.dt.year.to_numpy())
    execv = cy[(cy.channel == "visit") & cy.staff_level.isin(["manager", "VP"])].groupby(["_cust", "year"]).size()
    dept = cy.counterpart_title.map(TITLE_DEPT)
    depts = cy.assign(dept=dept).dropna(subset=["dept"]).groupby(["_cust", "year"]).dept.nunique()
    compl = cy[cy.contact_type == "complaint"].groupby(["_cust", "year"]).size()
    idx2 = pd.MultiIndex.from_arrays([rows["_cust"], rows["year"]])
    exec_visits = execv.reindex(idx2).fillna(0).astype(int).to_numpy()
    departments = depts.reindex(idx2).fillna(0).astype(int).to_numpy()
    had_compl = compl.reindex(idx2).fillna(0).to_numpy() > 0

    # the eight opportunities (events) seen at the account that year
    ev_p = np.array([0.12, 0.35, 0.15, 0.08, 0.0, 0.08, 0.04, 0.18])
    hits = rng.random((k, 8)) < ev_p[None, :]
    hits[:, 4] = had_compl & (rng.random(k) < 0.7)
    hits[:, 6] |= (stage == "development") & (rng.random(k) < 0.1)
    ev_names = np.array(EVENTS, dtype=object)
    events = [";".join(ev_names[h]) for h in hits]
    events = np.array([e if e else None for e in events], dtype=object)
    sow = pd.DataFrame({
        "_cust": c, "year": rows["year"].to_numpy(), "category": rows["category"].to_numpy(),
        "customer_total_purchases": total, "our_sales": our, "share": share, "n_suppliers": n_row,
        "our_role": role, "stage": stage, "exec_visits": exec_visits, "departments_in_contact": departments,
        "events": events,
    })
    return sow


def _phone_variant(rng, phone, mobile):
    """Another way of writing the same telephone number."""
    if mobile:
        a, b, c = phone[:3], phone[3:7], phone[7:]
        opts = [f"{a}-{b}-{c}", f"+86 {a} {b} {c}", f"+86{phone}", f"{a} {b} {c}", f"+86-{phone}"]
    else:
        area, num = phone.split("-")
        opts = [f"+86-{area[1:]}-{num}", f"({area}){num}", f"{area} {num[:4]} {num[4:]}", f"{area}{num}",
                f"+86 {area[1:]} {num[:4]} {num[4:]}"]
    return opts[rng.integers(0, len(opts))]


def _name_variant(rng, name, indiv, pinyin, city_cn):
    """A misspelt or differently written name of the same customer."""
    r = rng.random()
    if indiv:
        given, sur = pinyin
        if r < 0.35:
            return name[0] + " " + name[1:]
        if r < 0.6:
            return f"{sur.upper()} {given.capitalize()}"
        if r < 0.8:
            return f"{given.capitalize()} {sur.capitalize()}"
        return " " + name + " "
    if "股份有限公司" not in name and name.endswith("有限公司"):
        stem = name[: -len("有限公司")]
        if r < 0.3:
            return stem + "有限责任公司"
        if r < 0.5:
            return stem + (" Co., Ltd." if rng.random() < 0.5 else " CO.,LTD")
    if r < 0.75 and name.startswith(city_cn):
        rest = name[len(city_cn):]
        if rest.startswith("市"):
            return city_cn + " " + rest[1:]
        return rest + f"（{city_cn}）"
    return name.replace("公司", " 公司") if "公司" in name and r < 0.9 else "  " + name


def _make_contact_details(rng, cust, lat):
    """Canonical phone, e-mail and contact person of every customer (the clean truth behind the raw export)."""
    n = len(cust)
    indiv = lat["indiv"]
    cities = pd.DataFrame(V.CITIES, columns=["city", "city_cn", "region", "tier", "area", "postcode", "w"])
    area = cities.area.to_numpy()[lat["city_idx"]]
    prefixes = np.array(["138", "139", "137", "136", "135", "150", "151", "158", "186", "187", "189", "133", "177"])
    mob = [f"{p}{x:08d}" for p, x in zip(prefixes[rng.integers(0, len(prefixes), n)], rng.integers(0, 10**8, n))]
    land = [f"{a}-{x}" for a, x in zip(area, rng.integers(52000000, 89999999, n))]
    org_mobile = rng.random(n) < 0.15
    phone = np.where(indiv | org_mobile, mob, land).astype(object)
    doms = np.array(V.EMAIL_DOMAINS, dtype=object)
    py = lat["person_py"]
    num = rng.integers(1, 999, n)
    dom = doms[rng.integers(0, len(doms), n)]
    email = np.empty(n, dtype=object)
    roles = np.array(["purchasing", "office", "admin", "procurement", "info", "caigou"], dtype=object)
    role = roles[rng.integers(0, len(roles), n)]
    contact_names, contact_py = _person_names(rng, n)
    for i in range(n):
        if indiv[i]:
            g, s = py[i]
            email[i] = (f"{rng.integers(10**7, 10**10)}@qq.com" if dom[i] == "qq.com"
                        else f"{g}{s}{num[i]}@{dom[i]}")
        else:
            ind = cust.industry.iat[i]
            tld = ".gov.cn" if ind == "government" else ".edu.cn" if ind == "education" else ".com.cn"
            email[i] = f"{role[i]}@{lat['slug'][i]}{tld}" if cust.nature_type.iat[i] != "internal" else \
                f"{contact_py[i][0]}.{contact_py[i][1]}@huaxin-office.com.cn"
    contact = np.where(indiv, cust.name.to_numpy(), contact_names).astype(object)
    return phone, email, contact


def _make_raw(rng, cust, lat, first_order, phone, email, contact):
    """The messy CRM export: duplicates with spelling variants, stale and incomplete records."""
    n = len(cust)
    indiv = lat["indiv"]
    cities = pd.DataFrame(V.CITIES, columns=["city", "city_cn", "region", "tier", "area", "postcode", "w"])
    city_cn = cities.city_cn.to_numpy()[lat["city_idx"]]
    w = np.where(indiv, 0.7, 1.3) * np.where(lat["ka"], 1.6, 1.0)
    extra = rng.choice(n, size=215, replace=True, p=w / w.sum())
    src = np.r_[np.arange(n), extra]
    dup = np.r_[np.zeros(n, bool), np.ones(len(extra), bool)]
    m = len(src)
    fo = first_order[src]
    created = fo - rng.integers(0, 60, m).astype("timedelta64[D]")
    created = np.maximum(created, np.datetime64("2010-01-04"))
    later = fo + (rng.random(m) * (np.datetime64("2024-12-20") - fo).astype(int)).astype("timedelta64[D]")
    created = np.where(dup, np.maximum(later, created), created)
    span = (np.datetime64("2024-12-31") - created).astype(int)
    stale = (rng.random(m) < 0.22) & (created < np.datetime64("2021-06-30"))
    upd_recent = created + (span * rng.uniform(0.6, 1.0, m)).astype(int).astype("timedelta64[D]")
    upd_stale = created + ((np.datetime64("2021-12-31") - created).astype(int) * rng.uniform(0, 1, m)
                           ).astype(int).astype("timedelta64[D]")
    updated = np.where(stale, upd_stale, upd_recent)
    names = cust.name.to_numpy()[src].copy()
    ph = phone[src].copy()
    em = email[src].copy()
    city = cust.city.to_numpy()[src].copy().astype(object)
    cp = contact[src].copy()
    for j in range(m):
        i = src[j]
        if dup[j]:
            r = rng.random(3)
            names[j] = _name_variant(rng, names[j], indiv[i], lat["person_py"][i], city_cn[i]) if r[0] < 0.85 \
                else names[j]
            if r[1] < 0.7:
                ph[j] = _phone_variant(rng, ph[j], "-" not in ph[j])
            if r[2] < 0.6:
                e = em[j]
                em[j] = e.upper() if rng.random() < 0.3 else e[0].upper() + e[1:] if rng.random() < 0.6 else e + " "
            rc = rng.random()
            if rc < 0.15:
                city[j] = city_cn[i]
            elif rc < 0.25:
                city[j] = city[j].lower()
        elif rng.random() < 0.08:
            names[j] = names[j] + " "
    miss_phone = rng.random(m) < 0.06
    miss_email = rng.random(m) < np.where(indiv[src], 0.14, 0.06)
    miss_city = rng.random(m) < 0.03
    miss_cp = rng.random(m) < np.where(indiv[src], 0.5, 0.1)
    ph[miss_phone] = None
    em[miss_email] = None
    city[miss_city] = None
    cp[miss_cp] = None
    raw = pd.DataFrame({
        "_cust": src, "name": names, "phone": ph, "email": em, "city": city, "created_date": created,
        "last_updated": updated, "contact_person": cp,
    })
    raw = raw.iloc[np.lexsort((rng.random(m), raw.created_date.to_numpy()))].reset_index(drop=True)
    raw.insert(0, "record_id", [f"R{i:05d}" for i in range(1, m + 1)])
    return raw


def _make_subscribers(rng, n=10_000):
    """A telecom operator's subscriber base on 2024-01-01, followed through 2024 (Chapters 1 and 9)."""
    groups = np.array(["most_valuable", "growth", "negative_value", "pre_churn"], dtype=object)
    g = rng.choice(4, size=n, p=[0.20, 0.35, 0.15, 0.30])
    region = _pick(rng, V.REGIONS, n, V.REGION_WEIGHTS)
    tenure0 = np.minimum(rng.gamma(1.6, 24, n), 180).astype(int) + 1       # months at 2024-01-01
    join = (np.datetime64("2024-01-01") - (tenure0 * 30.44).astype(int).astype("timedelta64[D]")
            - rng.integers(0, 28, n).astype("timedelta64[D]"))
    plans = np.array([8, 18, 28, 38, 58, 88, 128, 158, 198, 238, 288])
    plan_p = np.array([
        [0, 0, 0, 0, 0.02, 0.1, 0.25, 0.25, 0.18, 0.12, 0.08],
        [0, 0, 0.02, 0.1, 0.3, 0.3, 0.18, 0.07, 0.03, 0, 0],
        [0.35, 0.4, 0.2, 0.05, 0, 0, 0, 0, 0, 0, 0],
        [0, 0.02, 0.08, 0.15, 0.25, 0.25, 0.15, 0.06, 0.04, 0, 0],
    ])
    fee = plans[_pick_rows(rng, plan_p[g])].astype(float)
    mins = np.select([g == 0, g == 1, g == 2], [rng.gamma(4, 160, n), rng.gamma(3, 100, n), rng.gamma(0.4, 10, n)],
                     rng.gamma(3, 85, n))
    mins = np.where((g == 2) & (rng.random(n) < 0.45), 0.0, mins)
    data = np.select([g == 0, g == 1, g == 2], [rng.gamma(4, 10, n), rng.gamma(3, 8, n), rng.gamma(0.3, 0.5, n)],
                     rng.gamma(2, 7, n))
    data = np.where((g == 2) & (rng.random(n) < 0.45), 0.0, data)
    vas = np.minimum(rng.poisson(np.array([2.6, 1.6, 0.1, 0.9])[g]), 8)
    arpu = np.round(fee * rng.uniform(0.96, 1.12, n) + 6.0 * vas, 2)
    cost = 30.0 + 0.035 * mins + 0.9 * data + rng.normal(0, 2, n)
    margin = np.round(arpu - cost, 2)
    growth = np.round(np.select([g == 0, g == 1, g == 2], [rng.normal(0.03, 0.05, n), rng.normal(0.26, 0.09, n),
                                                           rng.normal(-0.04, 0.08, n)], rng.normal(-0.2, 0.12, n)), 3)
    compl = rng.poisson(np.array([0.15, 0.25, 0.1, 1.9])[g])
    offer = rng.random(n) < np.array([0.1, 0.15, 0.05, 0.6])[g]
    p_churn = np.array([0.06, 0.14, 0.30, 0.54])[g] * np.where(offer, 1.15, 0.95) * np.where(compl >= 2, 1.1, 0.97)
    churned = rng.random(n) < np.minimum(p_churn, 0.95)
    cday = np.minimum((rng.random(n) * 366).astype(int), 365)
    churn_date = np.where(churned, np.datetime64("2024-01-01") + cday.astype("timedelta64[D]"), np.datetime64("NaT"))
    end = np.where(churned, churn_date, np.datetime64("2024-12-31"))
    tenure = ((end - join).astype(int) / 30.44).astype(int)
    acq = np.round(150 + 1.6 * fee * rng.lognormal(0, 0.35, n), -1)
    return pd.DataFrame({
        "subscriber_id": [f"S{i:05d}" for i in range(1, n + 1)], "region": region, "join_date": join,
        "tenure_months": tenure, "monthly_fee_cny": fee, "minutes": np.round(mins, 0).astype(int),
        "data_gb": np.round(data, 2), "value_added_services": vas, "arpu_cny": arpu, "margin_cny": margin,
        "growth_rate": growth, "complaints_90d": compl, "competitor_offer_flag": offer, "churned": churned,
        "churn_date": churn_date, "acquisition_cost_cny": acq, "value_group": groups[g],
    })


def _make_cabin_fares():
    """The airline cabin example (case 7-3): fare multipliers and service differences per cabin."""
    return pd.DataFrame({
        "cabin": ["economy", "business", "first"],
        "fare_multiplier": [1.0, 1.3, 1.5],
        "example_fare_cny": [1200.0, 1560.0, 1800.0],
        "passengers_per_attendant_min": [40, 20, 10],
        "passengers_per_attendant_max": [50, 30, 15],
        "cabin_position": ["mid-fuselage to tail", "middle", "front"],
        "share_of_cabin": [0.75, 0.15, 0.10],
        "baggage_allowance_kg": [20, 30, 40],
        "lounge": [False, True, True],
        "priority_boarding": [False, True, True],
        "meal_service": ["standard", "enhanced", "fine dining with champagne"],
    })


# ----------------------------------------------------------------------------------------------
# assembly
# ----------------------------------------------------------------------------------------------
def _build(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """All tables in their file form (ids as strings, dates as datetime64, booleans, numbers)."""
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(10)]
    cust, lat = _make_customers(streams[0])
    survey = _plan_survey(streams[1], cust, lat)
    tx = _make_transactions(streams[2], cust, lat)
    tx, slow_start = _make_ch09.plant_slowdowns(seed, tx, lat, len(cust), N_DAYS)  # chapter 9
    contacts = _make_contacts(streams[3], cust, lat, tx)
    phone, email, contact_person = _make_contact_details(streams[4], cust, lat)
    cards, kcon = _make_ka(streams[5], cust, lat, tx, phone, email)
    payments = _make_payments(streams[6], cust, lat, tx)
    sow = _make_share_of_wallet(streams[7], cust, lat, tx, contacts)
    subscribers = _make_subscribers(streams[8])
    cust, cid, first, order = _number_customers(cust, tx, lat, slow_start)
    raw = _make_raw(streams[9], cust, lat, first, phone, email, contact_person)
    cust = cust.iloc[order].reset_index(drop=True)

    def ids(df):
        df = df.copy()
        df.insert(0, "customer_id", cid[df.pop("_cust").to_numpy()])
        return df

    tx = tx.drop(columns=["_order"])
    tx["order_date"] = _days_to_dates(tx.pop("_day").to_numpy())
    tx = ids(tx)

    svy = survey.copy()
    svy["survey_date"] = _days_to_dates(svy.pop("_day").to_numpy())
    svy = ids(svy)
    svy = svy.sort_values(["survey_date", "customer_id"], kind="stable").reset_index(drop=True)
    svy.insert(0, "response_id", [f"SV{i:04d}" for i in range(1, len(svy) + 1)])
    svy = _make_survey_loyalty.add_loyalty_columns(svy, cust, seed)  # own stream: nothing else changes

    con = pd.concat([contacts, _ka_contact_log(streams[3], kcon)], ignore_index=True)
    con = ids(con)
    con = con.sort_values(["contact_datetime", "customer_id"], kind="stable").reset_index(drop=True)
    con.insert(0, "contact_id", [f"CT{i:06d}" for i in range(1, len(con) + 1)])

    pay = payments.copy()
    cust_col = cid[pay.pop("_cust").to_numpy()]
    pay.insert(1, "customer_id", cust_col)

    sow = ids(sow).sort_values(["customer_id", "year", "category"], kind="stable").reset_index(drop=True)
    cards = ids(cards).sort_values("customer_id").reset_index(drop=True)
    kcon = ids(kcon).sort_values(["customer_id", "contact_no"]).reset_index(drop=True)
    raw = raw.copy()
    raw.insert(1, "customer_id_true", cid[raw.pop("_cust").to_numpy()])

    tables = {
        "customers": cust, "customers_raw": raw, "transactions": tx, "payments": pay, "contacts": con,
        "survey": svy, "share_of_wallet": sow, "subscribers": subscribers, "ka_cards": cards,
        "ka_contacts": kcon, "cabin_fares": _make_cabin_fares(),
    }
    tables = _make_ch05.plant(tables, seed, tier=pd.Series(lat["tier"], index=cid))  # Chapter 05, own stream
    tables = _make_ch03.plant(tables, seed)  # Chapter 03 (mystery shopper, named contacts), own stream
    return {name: _in_schema_order(tables[name], name) for name in DATASETS}


def _number_customers(cust, tx, lat, slow_start):
    """Build step: first order, status and slowdown start; customer ids C00001... numbered by first order.

    Returns the customers (still in generation order) with those columns, the id of each generated
    customer, the first-order dates and the order that sorts the customers by id.
    """
    n = len(cust)
    tx_first = tx.groupby("_cust")["_day"].min().reindex(range(n)).to_numpy()
    tx_last = tx.groupby("_cust")["_day"].max().reindex(range(n)).to_numpy()
    first = np.where(np.isnat(lat["first_hist"]), _days_to_dates(tx_first), lat["first_hist"])
    order = np.lexsort((np.arange(n), first))
    rank = np.empty(n, int)
    rank[order] = np.arange(n)
    cid = np.array([f"C{i + 1:05d}" for i in range(n)], dtype=object)[rank]
    cust = cust.copy()
    cust.insert(0, "customer_id", cid)
    cust["first_order_date"] = first
    cust["status"] = np.where((N_DAYS - 1 - tx_last) > 365, "inactive", "active")
    cust["slowdown_start"] = np.where(slow_start >= 0, _days_to_dates(np.maximum(slow_start, 0)),
                                      np.datetime64("NaT"))
    return cust, cid, first, order


def _ka_contact_log(rng, kcon):
    """Build step: the key-account card entries as rows of the contact log (office hours, outbound)."""
    minute = 9 * 60 + (rng.random(len(kcon)) * 8 * 60).astype(int)
    return pd.DataFrame({
        "_cust": kcon["_cust"].to_numpy(),
        "contact_datetime": (kcon["contact_date"].to_numpy().astype("datetime64[m]")
                             + minute.astype("timedelta64[m]")).astype("datetime64[s]"),
        "channel": kcon["method"].to_numpy(), "direction": "outbound", "staff_id": kcon["our_person"].to_numpy(),
        "staff_level": pd.Series(kcon["our_person"]).str[:2].map(STAFF_LEVEL).to_numpy(),
        "counterpart_title": kcon["position"].to_numpy(),
        "contact_type": np.where(kcon["contact_no"].to_numpy() == 1, "task", "process_step"),
        "topic": "price", "resolved_first_time": pd.array([pd.NA] * len(kcon), dtype="boolean"),
        "resolution_hours": np.nan,
    })


def _in_schema_order(df, name):
    """Build step: a table's columns in the order of its schema (a missing column is a generator bug)."""
    cols = field_names(name)
    missing = [c for c in cols if c not in df.columns]
    if missing:  # pragma: no cover - a generator bug
        raise RuntimeError(f"generator: table {name} lacks columns {missing}")
    return df[cols].reset_index(drop=True)


def _csv_text(df: pd.DataFrame, name: str) -> str:
    """The exact CSV text of a table: fixed column order, ISO dates, True/False, money to the fen."""
    out = df.copy()
    for f in DATASETS[name]["fields"]:
        col = f["name"]
        if f["type"] == "date":
            out[col] = _iso(out[col])
        elif f["type"] == "datetime":
            s = pd.to_datetime(out[col])
            out[col] = s.dt.strftime("%Y-%m-%d %H:%M:%S").astype(object).where(s.notna(), None)
        elif f["type"] == "boolean":
            out[col] = pd.array(out[col].astype(object).where(out[col].notna(), None), dtype="boolean")
        elif f["type"] == "integer":
            out[col] = pd.array(pd.to_numeric(out[col]), dtype="Int64")
        elif f["type"] == "number":
            out[col] = np.round(pd.to_numeric(out[col]).astype(float), 4 if col in ("share",) else 3
                                if col in ("price_sensitivity", "growth_rate") else 2)
        else:
            out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out.to_csv(index=False, lineterminator="\n")


def _csv_texts(seed: int = SEED) -> dict[str, str]:
    return {name: _csv_text(df, name) for name, df in _build(seed).items()}


def generate_all(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Generate every course table in memory, typed exactly as :func:`crmlearn.load_dataset` types them.

    Parameters
    ----------
    seed : int, default the course seed
        Seed of the random streams. The committed files use the default.

    Returns
    -------
    dict of str to DataFrame
        One table per dataset name, in datapackage order.

    Examples
    --------
    >>> tables = generate_all()                       # doctest: +SKIP
    >>> len(tables["customers"])                      # doctest: +SKIP
    1500
    """
    from . import _read_csv_text

    return {name: _read_csv_text(text, name) for name, text in _csv_texts(seed).items()}


def write_all(folder: str | Path, seed: int = SEED) -> dict[str, int]:
    """Write every CSV, its data card and ``datapackage.json`` into ``folder``.

    The files are byte-reproducible: UTF-8, ``\\n`` line ends, fixed column order, ISO dates,
    ``True``/``False``, money rounded to 0.01.

    Parameters
    ----------
    folder : str or pathlib.Path
        Where to write (created if needed); the course's own folder is ``datasets``.
    seed : int, default the course seed

    Returns
    -------
    dict of str to int
        Rows written per dataset.

    Examples
    --------
    >>> rows = write_all("datasets")                 # doctest: +SKIP
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    texts = _csv_texts(seed)
    rows = {}
    for name, text in texts.items():
        (folder / f"{name}.csv").write_bytes(text.encode("utf-8"))
        rows[name] = text.count("\n") - 1
    for name in texts:
        (folder / f"{name}.md").write_bytes(render_card(name, rows[name]).encode("utf-8"))
    (folder / "datapackage.json").write_bytes(datapackage_json(rows).encode("utf-8"))
    return rows


# ----------------------------------------------------------------------------------------------
# measuring the planted structure
# ----------------------------------------------------------------------------------------------
# standard Kano evaluation table (Berger et al. 1993): rows functional answer 1-5, columns dysfunctional 1-5
_KANO_TABLE = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"]


def _kano_category(func, dys):
    table = np.array([list(r) for r in _KANO_TABLE], dtype=object)
    return table[np.asarray(func, dtype=int) - 1, np.asarray(dys, dtype=int) - 1]


def realism_report(tables: dict[str, pd.DataFrame] | None = None) -> dict:
    """Measure the structure planted in the course data, with plain pandas.

    Parameters
    ----------
    tables : dict of str to DataFrame, optional
        The tables (as :func:`generate_all` or :func:`crmlearn.load_dataset` give them);
        by default they are loaded with :func:`crmlearn.load_dataset`.

    Returns
    -------
    dict
        Figures keyed by name: ``top20_share``, ``top5_share`` (of net revenue),
        ``negative_margin_customers``, ``negative_margin_share``, ``loss_after_cost_to_serve_share``,
        ``lossmaker_price_sensitivity`` / ``others_price_sensitivity``, ``lossmaker_n_suppliers`` /
        ``others_n_suppliers``, ``inactive_share``, ``key_account_share``, ``key_account_revenue_share``,
        ``return_line_share``, ``transactions_rows``, ``raw_rows``, ``raw_duplicate_share``,
        ``raw_stale_share``, ``satisfied_share``, ``satisfied_switched_share``,
        ``dissatisfied_switched_share``, ``nps``, ``servqual_gaps`` (dict), ``kano_dominant`` (dict),
        ``subscriber_churn``, ``sow_stage_counts`` (dict), ``ka_min_contacts``.

    Examples
    --------
    >>> report = realism_report()
    >>> 0.75 <= report["top20_share"] <= 0.85
    True
    >>> report["kano_dominant"]["quality_certificate"]
    'M'
    """
    if tables is None:
        from . import load_dataset

        tables = {name: load_dataset(name) for name in DATASETS}
    cust, tx = tables["customers"], tables["transactions"]
    rev = tx.groupby("customer_id", observed=True)["amount"].sum().reindex(cust.customer_id, fill_value=0.0)
    rev = rev.sort_values(ascending=False)
    n = len(rev)
    margin = (tx["amount"] - tx["cost"]).groupby(tx["customer_id"]).sum().reindex(cust.customer_id, fill_value=0.0)
    c = cust.set_index("customer_id")
    loss = margin < 0
    profit = margin - 2 * c["cost_to_serve_cny"]
    raw = tables["customers_raw"]
    sv = tables["survey"]
    sat = sv["overall_satisfaction"] >= 4
    ltr = sv["likelihood_to_recommend"]
    gaps = {it: round(float((sv[f"per_{it}"] - sv[f"exp_{it}"]).mean()), 3) for it in ITEMS}
    kano = {}
    for f in KANO_FEATURES:
        cats = pd.Series(_kano_category(sv[f"kano_func_{f}"], sv[f"kano_dys_{f}"]))
        kano[f] = str(cats.value_counts().idxmax())
    sow = tables["share_of_wallet"]
    kac = tables["ka_contacts"]
    stale_before = pd.Timestamp(_AS_OF) - pd.DateOffset(years=3)
    return {
        "n_customers": int(len(cust)),
        "transactions_rows": int(len(tx)),
        "top20_share": round(float(rev.iloc[: int(round(0.2 * n))].sum() / rev.sum()), 4),
        "top5_share": round(float(rev.iloc[: int(round(0.05 * n))].sum() / rev.sum()), 4),
        "negative_margin_customers": int(loss.sum()),
        "negative_margin_share": round(float(loss.mean()), 4),
        "loss_after_cost_to_serve_share": round(float((profit < 0).mean()), 4),
        "lossmaker_price_sensitivity": round(float(c.loc[loss, "price_sensitivity"].mean()), 3),
        "others_price_sensitivity": round(float(c.loc[~loss, "price_sensitivity"].mean()), 3),
        "lossmaker_n_suppliers": round(float(c.loc[loss, "n_suppliers"].mean()), 2),
        "others_n_suppliers": round(float(c.loc[~loss, "n_suppliers"].mean()), 2),
        "inactive_share": round(float((cust["status"] == "inactive").mean()), 4),
        "key_account_share": round(float(cust["is_key_account"].mean()), 4),
        "key_account_revenue_share": round(float(rev[c.index[c["is_key_account"]]].sum() / rev.sum()), 4),
        "return_line_share": round(float(tx["is_return"].mean()), 4),
        "raw_rows": int(len(raw)),
        "raw_duplicate_share": round(float(1 - raw["customer_id_true"].nunique() / len(raw)), 4),
        "raw_stale_share": round(float((raw["last_updated"] < stale_before).mean()), 4),
        "satisfied_share": round(float(sat.mean()), 4),
        "satisfied_switched_share": round(float(sv.loc[sat, "switched_within_12m"].mean()), 4),
        "dissatisfied_switched_share": round(float(sv.loc[~sat, "switched_within_12m"].mean()), 4),
        "nps": round(float(100 * ((ltr >= 9).mean() - (ltr <= 6).mean())), 1),
        "servqual_gaps": gaps,
        "kano_dominant": kano,
        "subscriber_churn": round(float(tables["subscribers"]["churned"].mean()), 4),
        "sow_stage_counts": {str(k): int(v) for k, v in sow["stage"].value_counts(sort=False).items()},
        "ka_min_contacts": int(kac.groupby("customer_id").size().min()),
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m crmlearn.datasets.generate [FOLDER]`` (default ``datasets``)."""
    argv = sys.argv[1:] if argv is None else argv
    if any(a in ("-h", "--help") for a in argv):
        print("usage: python -m crmlearn.datasets.generate [FOLDER]\n"
              "Write the course CSVs, data cards and datapackage.json into FOLDER (default: datasets).")
        return 0
    folder = Path(argv[0] if argv else "datasets")
    t0 = time.perf_counter()
    rows = write_all(folder)
    took = time.perf_counter() - t0
    total = 0
    for name, r in rows.items():
        size = (folder / f"{name}.csv").stat().st_size
        total += size
        print(f"{name:<16} {r:>7,} rows  {size / 1e6:6.2f} MB")
    print(f"{'total':<16} {sum(rows.values()):>7,} rows  {total / 1e6:6.2f} MB  (written to {folder} in {took:.1f} s)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
