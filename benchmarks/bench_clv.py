"""Speed of the lifetime-value models, each against a yardstick in the same run.

1. BG/NBD fit on the CDNOW summary: crmlearn.clv.BetaGeo vs lifetimes' BetaGeoFitter (best-of-N wall
   time of the fit alone, both fits' log-likelihoods evaluated with the same function). lifetimes is
   archived and needs old setuptools/pandas, so it runs in its own virtual environment,
   ``benchmarks/.lifetimes-venv`` (created on first use with ``lifetimes``, ``setuptools<81`` and
   ``pandas<3``; keep it out of git), in a subprocess that prints its timing.
2. BG/NBD fit on 1,000,000 simulated customers (target: under 10 s).
3. rfm_summary on 10 million transactions vs the grading benchmark's hand-written pandas baseline
   (``benchmarks/common.py``; target: within 1.5x), with peak memory.

Run: ``.venv/bin/python benchmarks/bench_clv.py`` (``--help`` for options).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from common import PeakMemory, best_of, ensure_venv, mb, pandas_baseline, synthetic_transactions  # noqa: E402

from crmlearn.clv import (  # noqa: E402
    BetaGeo,
    GammaGamma,
    customer_lifetime_value,
    rfm_summary,
    simulate_bgnbd,
    simulate_gamma_gamma,
)

CDNOW = ROOT.parent / "shared" / "data" / "cdnow" / "cdnow_customers_summary.csv"
VENV = HERE / ".lifetimes-venv"
VENV_PY = VENV / "bin" / "python"

LIFETIMES_SCRIPT = textwrap.dedent("""
    import json, sys, time
    import pandas as pd
    try:
        from lifetimes import BetaGeoFitter
    except Exception:                      # lifetimes' datasets module needs pkg_resources
        from lifetimes.fitters.beta_geo_fitter import BetaGeoFitter
    s = pd.read_csv(sys.argv[1])
    repeat = int(sys.argv[2])
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        bg = BetaGeoFitter().fit(s["frequency"], s["recency"], s["T"])
        times.append(time.perf_counter() - t0)
    import lifetimes
    print(json.dumps({"best": min(times), "params": [float(v) for v in bg.params_[["r", "alpha", "a", "b"]]],
                      "version": getattr(lifetimes, "__version__", "?")}))
""")


def ensure_lifetimes_venv() -> bool:
    return ensure_venv(VENV, ["lifetimes", "setuptools<81", "pandas<3"], label="lifetimes")


def bench_cdnow(repeat: int) -> None:
    print("\n1. BG/NBD fit on the CDNOW summary (2,357 customers)")
    if not CDNOW.exists():
        print(f"  skipped: {CDNOW} not found (../shared/data is absent)")
        return
    s = pd.read_csv(CDNOW)
    BetaGeo().fit(s)                                   # warm-up: scipy imports
    ours = best_of(lambda: BetaGeo().fit(s), repeat)
    bg = BetaGeo().fit(s)
    print(f"  crmlearn BetaGeo   best of {repeat}: {ours * 1000:8.1f} ms   LL = {bg.log_likelihood_:.4f}   "
          f"params = {np.round(bg.params_.to_numpy(), 4).tolist()}")
    if not ensure_lifetimes_venv():
        print("  lifetimes comparison skipped")
        return
    out = subprocess.run([str(VENV_PY), "-c", LIFETIMES_SCRIPT, str(CDNOW), str(repeat)], capture_output=True,
                         text=True)
    if out.returncode != 0:
        print("  lifetimes failed:\n" + textwrap.indent(out.stderr[-2000:], "    "))
        return
    res = json.loads(out.stdout.strip().splitlines()[-1])
    # the same log-likelihood function for both parameter sets
    x, tx, T = (s[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    ll_theirs = BetaGeo._ll_grad(np.array(res["params"]), BetaGeo._prepare(x, tx, T, np.ones_like(x)))[0]
    print(f"  lifetimes {res['version']:8s} best of {repeat}: {res['best'] * 1000:8.1f} ms   LL = {ll_theirs:.4f}   "
          f"params = {np.round(res['params'], 4).tolist()}")
    print(f"  speed-up: {res['best'] / ours:.1f}x (target >= 3x); |LL difference| = "
          f"{abs(ll_theirs - bg.log_likelihood_):.4f} (target <= 0.1)")


def bench_million(n: int) -> None:
    print(f"\n2. BG/NBD fit on {n:,} simulated customers")
    true = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    rng = np.random.default_rng(0)
    data = simulate_bgnbd(n, true, T=rng.uniform(13, 52, n), seed=1)
    t0 = time.perf_counter()
    bg = BetaGeo().fit(data)
    fit_time = time.perf_counter() - t0
    print(f"  fit: {fit_time:.2f} s (target < 10 s), {bg.n_iter_} iterations")
    print("  true  " + "  ".join(f"{k}={v:.4f}" for k, v in true.items()))
    print("  fitted" + "  ".join(f" {k}={v:.4f}" for k, v in bg.params_.items()))
    data["monetary_value"] = simulate_gamma_gamma(data["frequency"], {"p": 6.25, "q": 3.74, "gamma": 15.44}, seed=2)
    t0 = time.perf_counter()
    gg = GammaGamma().fit(data)
    print(f"  Gamma-Gamma fit on {gg.n_customers_:,} repeat buyers: {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    bg.expected_purchases(data, 52)
    print(f"  expected_purchases (52 weeks): {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    customer_lifetime_value(bg, gg, data, horizon=12, discount_rate=0.01, unit="W")
    print(f"  customer_lifetime_value (12 months): {time.perf_counter() - t0:.2f} s")


def bench_rfm(rows: int, repeat: int) -> None:
    print(f"\n3. rfm_summary on {rows:,} transactions")
    tx = synthetic_transactions(rows, n_customers=max(1, int(rows * 0.07)))
    base = best_of(lambda: pandas_baseline(tx), repeat)
    ours = best_of(lambda: rfm_summary(tx, amount="amount"), repeat)
    # memory in separate runs, counting every allocation (tracemalloc), so earlier runs do not hide it
    with PeakMemory(traced=True) as pm_base:
        pandas_baseline(tx)
    with PeakMemory(traced=True) as pm_ours:
        out = rfm_summary(tx, amount="amount")
    print(f"  pandas baseline (grading) best of {repeat}: {base:6.2f} s   peak +{mb(pm_base.extra)}")
    print(f"  crmlearn rfm_summary      best of {repeat}: {ours:6.2f} s   peak +{mb(pm_ours.extra)}   "
          f"({len(out):,} customers)")
    print(f"  ratio: {ours / base:.2f}x the baseline (target <= 1.5x)")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="best-of-N for the CDNOW fit (default 5)")
    parser.add_argument("--customers", type=int, default=1_000_000, help="simulated customers (default 1,000,000)")
    parser.add_argument("--rows", type=int, default=10_000_000, help="transactions for rfm_summary (default 10M)")
    parser.add_argument("--only", choices=["cdnow", "million", "rfm"], help="run one part")
    args = parser.parse_args(argv)
    if args.only in (None, "cdnow"):
        bench_cdnow(args.repeat)
    if args.only in (None, "million"):
        bench_million(args.customers)
    if args.only in (None, "rfm"):
        bench_rfm(args.rows, 3)


if __name__ == "__main__":
    main()
