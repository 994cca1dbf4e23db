"""Scale benchmark for Chapters 2 and 4: summarise, RFM, ABC and pyramid at ten million transactions.

Runs, in the same process and on the same generated table (``common.synthetic_transactions``):

- the library:  summarize_customers -> rfm_scores -> abc_classify -> customer_pyramid
- the baseline: the minimal hand-written pandas of ``common.pandas_baseline``
  (one groupby, qcut on ranks, a cumsum)

and prints both wall times (best of ``--repeat``, interleaved), their ratio, the peak memory
each needs above the starting point, and the size of the input table.
Targets (issue 8): library time <= 1.0 x baseline; library peak memory <= 1.5 x the input table.

    .venv/bin/python benchmarks/bench_grading.py              # 10,000,000 rows (~700,000 customers)
    .venv/bin/python benchmarks/bench_grading.py --rows 1e6   # a quick run
    .venv/bin/python benchmarks/bench_grading.py --string-ids # text ids, as in the course data

Memory is counted with ``PeakMemory(traced=True)`` (every numpy / pandas allocation, via
tracemalloc), so it is exact whatever ran before in the process.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from common import PeakMemory, mb, pandas_baseline, synthetic_transactions  # noqa: E402

from crmlearn.customers import summarize_customers  # noqa: E402
from crmlearn.grading import abc_classify, customer_pyramid, rfm_scores  # noqa: E402

TIME_TARGET = 1.0   # issue 8: no slower than the hand-written baseline
MEMORY_TARGET = 1.5  # issue 8: peak memory <= 1.5 x the input table


def library_pipeline(tx):
    summary = summarize_customers(tx)
    scored = rfm_scores(summary)
    graded = abc_classify(scored)
    return customer_pyramid(graded)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=float, default=10_000_000, help="transactions (default 1e7)")
    parser.add_argument("--customers", type=float, default=None,
                        help="customers (default: 7%% of rows, i.e. 700,000 for 1e7)")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of each (best is kept)")
    parser.add_argument("--string-ids", action="store_true",
                        help="text customer ids like 'C0000001' (as in the course data) instead of integers")
    args = parser.parse_args(argv)
    n_rows = int(args.rows)
    n_customers = int(args.customers) if args.customers else max(1, int(n_rows * 0.07))

    t0 = time.perf_counter()
    tx = synthetic_transactions(n_rows, n_customers, seed=0)
    if args.string_ids:
        names = np.array([f"C{i:07d}" for i in range(n_customers)], dtype=object)
        tx["customer_id"] = pd.array(names[tx["customer_id"].to_numpy()], dtype="str")
    input_bytes = int(tx.memory_usage(deep=True).sum())
    print(f"input: {n_rows:,} transactions, {tx['customer_id'].nunique():,} customers, "
          f"table {mb(input_bytes)} (generated in {time.perf_counter() - t0:.1f} s)")

    # warm-up on a slice (imports, first-call costs), then interleaved timings
    library_pipeline(tx.iloc[:10_000])
    pandas_baseline(tx.iloc[:10_000])
    lib_times, base_times = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        pandas_baseline(tx)
        base_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = library_pipeline(tx)
        lib_times.append(time.perf_counter() - t)
    lib, base = min(lib_times), min(base_times)
    del result

    with PeakMemory(traced=True) as base_mem:
        pandas_baseline(tx)
    with PeakMemory(traced=True) as lib_mem:
        result = library_pipeline(tx)
    n_out = len(result)
    del result

    ratio = lib / base
    mem_ratio = lib_mem.extra / input_bytes
    print(f"customers graded: {n_out:,}")
    print(f"baseline (hand-written pandas): {base:7.2f} s   peak memory +{mb(base_mem.extra)}")
    print(f"crmlearn pipeline:              {lib:7.2f} s   peak memory +{mb(lib_mem.extra)}")
    print(f"time ratio crmlearn / baseline: {ratio:.2f}  (target <= {TIME_TARGET})")
    print(f"peak memory / input table:      {mem_ratio:.2f}  (target <= {MEMORY_TARGET})")
    ok = ratio <= TIME_TARGET and mem_ratio <= MEMORY_TARGET
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
