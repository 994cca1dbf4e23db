"""Scale benchmark for Chapters 05-06 (crmlearn.accounts) on generated data.

Generates ``--customers`` customers (default 1,000,000) with about 3 transactions each, payments and
key-account contacts, then times every public function of :mod:`crmlearn.accounts` once and prints
the wall time of each (target: a few seconds each).

    .venv/bin/python benchmarks/bench_accounts.py
    .venv/bin/python benchmarks/bench_accounts.py --customers 1e5   # a quick run
"""
from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from crmlearn import accounts as A


def make_data(n: int, seed: int = 5):
    rng = np.random.default_rng(seed)
    per = rng.poisson(2.0, n) + 1
    cust = np.repeat(np.arange(n), per)
    m = len(cust)
    amount = np.round(rng.lognormal(5, 1.2, m), 2)
    ret = rng.random(m) < 0.03
    tx = pd.DataFrame({
        "order_id": np.arange(m), "customer_id": cust,
        "order_date": np.datetime64("2023-01-01") + rng.integers(0, 730, m).astype("timedelta64[D]"),
        "amount": np.where(ret, -amount, amount), "cost": np.round(amount * rng.uniform(0.5, 1.0, m), 2),
        "is_return": ret, "tender_result": "n/a", "discount": np.round(rng.uniform(0, 0.35, m), 2),
        "product_line": rng.choice(np.array(["paper", "ink", "stationery"], dtype=object), m),
    })
    customers = pd.DataFrame({"customer_id": np.arange(n), "cost_to_serve_cny": rng.uniform(50, 500, n)})
    due = tx["order_date"].to_numpy() + np.timedelta64(30, "D")
    pay = pd.DataFrame({"customer_id": cust, "due_date": due,
                        "payment_date": due + rng.integers(-10, 40, m).astype("timedelta64[D]")})
    k = n // 10
    cc = np.repeat(np.arange(k), 3)
    cdate = np.datetime64("2024-01-01") + rng.integers(0, 300, len(cc)).astype("timedelta64[D]")
    contacts = pd.DataFrame({"customer_id": cc, "contact_no": np.tile([1, 2, 3], k), "contact_date": cdate,
                             "promised_callback_date": cdate + np.timedelta64(14, "D")})
    return tx, customers, pay, contacts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=float, default=1e6)
    args = ap.parse_args(argv)
    n = int(args.customers)
    t0 = time.perf_counter()
    tx, customers, pay, contacts = make_data(n)
    print(f"data: {n:,} customers, {len(tx):,} transactions, {len(contacts):,} contacts "
          f"({time.perf_counter() - t0:.1f} s to generate)")
    rng = np.random.default_rng(1)
    accounts = pd.DataFrame({"customer_id": np.arange(n),
                             "ka_type": rng.choice(np.array(A.KA_TYPES, dtype=object), n),
                             "industry": rng.choice(np.array(["finance", "retail", "it"], dtype=object), n),
                             "is_listed": rng.random(n) < 0.1,
                             "size": rng.choice(np.array(["small", "large"], dtype=object), n),
                             "ownership": rng.choice(np.array(["state", "private"], dtype=object), n),
                             "share": rng.random(n), "retention": rng.random(n), "growth": rng.normal(0, 0.2, n)})
    cards = pd.DataFrame({"customer_id": np.arange(n // 10), "company_name": "x"})
    runs = [
        ("ka_concentration", lambda: A.ka_concentration(tx)),
        ("ka_screen", lambda: A.ka_screen(tx, customers=customers, payments=pay, contacts=contacts)),
        ("ka_type", lambda: A.ka_type(accounts, growth="growth")),
        ("ka_potential", lambda: A.ka_potential(tx)),
        ("concentration_risk", lambda: A.concentration_risk(pd.Series(np.abs(rng.lognormal(5, 1, n))))),
        ("account_card", lambda: A.account_card(7, cards=cards, contacts=contacts)),
        ("overdue_followups", lambda: A.overdue_followups(contacts, as_of="2024-12-31")),
        ("managers_needed", lambda: A.managers_needed(n // 100, n, small_per_manager=5)),
        ("care_plan", lambda: A.care_plan(accounts, year=2025)),
        ("account_stage", lambda: A.account_stage(accounts)),
        ("delivery_sla", lambda: A.delivery_sla(rng.integers(0, 12, n))),
        ("service_tiers", lambda: A.service_tiers(pd.Series(rng.lognormal(5, 1, n)))),
        ("fee_applies", lambda: A.fee_applies(rng.lognormal(8, 1, n))),
        ("distributor_eligible", lambda: A.distributor_eligible(pd.Series(rng.lognormal(15, 0.5, n)))),
    ]
    for name, f in runs:
        t = time.perf_counter()
        out = f()
        rows = len(out) if hasattr(out, "__len__") and not isinstance(out, str) else 1
        print(f"{name:20s} {time.perf_counter() - t:7.2f} s   ({rows:,} rows out)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
