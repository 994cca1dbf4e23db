"""`crmlearn report` on a messy 1,000,000-line CSV export (target: under 60 s).

The file looks like a real retail export: invoice numbers with a 'C' prefix for cancellations,
negative quantities, a quarter of the lines without a customer, float-looking customer ids,
month-first date-times, amounts as quantity x unit price. Prints the import time, the whole
report's time, and what the import set aside.

    .venv/bin/python benchmarks/bench_report.py [--rows 1000000]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def messy_export(n: int, *, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n_customers = max(n // 100, 50)
    weights = rng.pareto(1.5, n_customers) + 0.05
    customer = rng.choice(n_customers, size=n, p=weights / weights.sum()) + 12000
    cancelled = rng.random(n) < 0.02
    quantity = rng.integers(1, 24, n)
    quantity = np.where(cancelled, -quantity, quantity)
    when = pd.Timestamp("2010-12-01") + pd.to_timedelta(rng.integers(0, 373 * 24 * 60, n), unit="min")
    return pd.DataFrame({
        "InvoiceNo": np.where(cancelled, "C", "") + (536000 + np.arange(n) // 20).astype(str),
        "StockCode": rng.integers(10000, 14000, n).astype(str),
        "Quantity": quantity,
        "InvoiceDate": when.strftime("%m/%d/%Y %H:%M"),
        "UnitPrice": np.round(rng.lognormal(0.8, 0.9, n), 2),
        "CustomerID": np.where(rng.random(n) < 0.25, np.nan, customer.astype(float)),
        "Country": "United Kingdom",
    })


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "orders.csv"
        messy_export(args.rows).to_csv(path, index=False)
        print(f"messy export: {args.rows:,} lines, {path.stat().st_size / 1e6:.0f} MB")
        from crmlearn.io import read_transactions

        t0 = time.perf_counter()
        tx, report = read_transactions(path, currency="GBP")
        print(f"read_transactions: {time.perf_counter() - t0:.1f} s; {report.lines_kept:,} kept, "
              f"{report.lines_set_aside:,} set aside ({report.value_set_aside:,.0f} GBP)")
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "crmlearn", "report", str(path), "-o", str(Path(tmp) / "r.html"),
                               "--currency", "GBP", "--quiet"], cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        if done.returncode:
            print(done.stderr)
            return done.returncode
        print(f"crmlearn report (whole command, import included): {seconds:.1f} s (target < 60 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
