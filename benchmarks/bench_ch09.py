"""Speed of the chapter 9 functions at scale: 1,000,000 customers, 10,000,000 transactions (generated).

Each function is timed once (wall and CPU time) on synthetic tables and its headline figure printed.
Run: ``nice .venv/bin/python benchmarks/bench_ch09.py`` (``--rows``/``--customers`` for smaller runs).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import synthetic_transactions  # noqa: E402

from crmlearn import retention as r  # noqa: E402
from crmlearn.retention import OPPORTUNITIES  # noqa: E402


def timed(label, fn):
    """Run fn once; print the wall time and this process's CPU time (steadier on a shared machine)."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    print(f"{label:<36} {time.perf_counter() - t:7.2f} s wall {time.process_time() - c:7.2f} s cpu", flush=True)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--customers", type=int, default=1_000_000)
    a = ap.parse_args(argv)
    rng = np.random.default_rng(9)
    n = a.customers
    tx = synthetic_transactions(a.rows, n, seed=9)
    tx["order_id"] = np.arange(len(tx))
    print(f"transactions: {len(tx):,} rows, {tx['customer_id'].nunique():,} customers")
    ew = timed("early_warning", lambda: r.early_warning(tx, as_of="2024-09-30"))
    print(f"  flagged {int(ew['flagged'].sum()):,} of {len(ew):,}")

    codes = np.array(list(OPPORTUNITIES), dtype=object)
    sow = pd.DataFrame({"customer_id": np.repeat(np.arange(n), 2), "year": np.tile([2023, 2024], n),
                        "share": np.round(rng.beta(1.2, 1.2, 2 * n) * (rng.random(2 * n) > 0.15), 4)})
    sow["events"] = np.where(rng.random(2 * n) < 0.5, codes[rng.integers(0, 8, 2 * n)], "")
    st = timed(f"wallet_stage ({len(sow):,} rows)", lambda: r.wallet_stage(sow))
    print("  " + st["wallet_stage"].value_counts(sort=False).to_string().replace("\n", "; "))
    tr = timed(f"stage_transitions ({len(sow):,} rows)", lambda: r.stage_transitions(sow, category=None))
    print(f"  moves {int(tr.to_numpy().sum()):,}")
    op = timed(f"opportunities ({len(sow):,} rows)", lambda: r.opportunities(sow))
    print(f"  rows with events {int(op['rows'].sum()):,}")

    subs = pd.DataFrame({
        "churned": rng.random(n) < 0.25, "arpu_cny": rng.gamma(4, 25, n), "acquisition_cost_cny": rng.uniform(200, 500, n),
        "margin_cny": rng.normal(40, 50, n), "growth_rate": rng.normal(0.05, 0.15, n),
        "complaints_90d": rng.poisson(0.6, n), "competitor_offer_flag": rng.random(n) < 0.2,
        "tenure_months": rng.integers(1, 120, n), "monthly_fee_cny": rng.gamma(4, 22, n),
    })
    cc = timed(f"churn_cost ({n:,} subscribers)", lambda: r.churn_cost(subs))
    print(f"  churn rate {cc['churn_rate']:.3f}, total CNY {cc['total']:,.0f}")
    vg = timed(f"value_groups ({n:,} subscribers)", lambda: r.value_groups(subs))
    print("  " + vg["value_group_rule"].value_counts(sort=False).to_string().replace("\n", "; "))
    cm = timed(f"churn_model ({n:,} subscribers)", lambda: r.churn_model(
        subs, features=["tenure_months", "monthly_fee_cny", "complaints_90d", "competitor_offer_flag", "margin_cny"]))
    print(f"  holdout AUC {cm['auc']:.3f} (random labels: about 0.5)")
    timed("churn_rate_simple", lambda: r.churn_rate_simple(4_000_000, 1_000_000))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
