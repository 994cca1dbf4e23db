"""Shared pieces of the scale benchmarks: synthetic transactions, the hand-written baseline, measuring.

Run a benchmark as a script, e.g. ``.venv/bin/python benchmarks/bench_grading.py``; each prints its
figures. Nothing here is imported by the package or the tests.
"""
from __future__ import annotations

import gc
import resource
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import numpy as np
import pandas as pd


def synthetic_transactions(n_rows: int = 10_000_000, n_customers: int = 700_000, *, seed: int = 0) -> pd.DataFrame:
    """A transactions table at scale: customer_id (int64), order_date (datetime64), amount (float64).

    Order counts per customer are heavy-tailed (a few customers buy very often), dates span two
    years, amounts are log-normal, so the grading has real ties and a real 80/20 shape.
    """
    rng = np.random.default_rng(seed)
    weights = rng.pareto(1.5, n_customers) + 0.05
    weights /= weights.sum()
    customer = rng.choice(n_customers, size=n_rows, p=weights)
    # make sure every customer id appears at least once
    customer[:n_customers] = np.arange(n_customers)
    start = np.datetime64("2023-01-01")
    days = rng.integers(0, 730, n_rows)
    amount = np.round(rng.lognormal(5.0, 1.0, n_rows), 2)
    return pd.DataFrame({
        "customer_id": customer.astype(np.int64),
        "order_date": (start + days.astype("timedelta64[D]")).astype("datetime64[ns]"),
        "amount": amount,
    })


def pandas_baseline(tx: pd.DataFrame, *, bins: int = 5) -> pd.DataFrame:
    """The minimal hand-written pandas a skilled analyst would write: one groupby, qcut on ranks, a cumsum."""
    as_of = tx["order_date"].max()
    g = tx.groupby("customer_id").agg(last=("order_date", "max"), frequency=("order_date", "size"),
                                      monetary=("amount", "sum"))
    g["recency_days"] = (as_of - g["last"]).dt.days
    g["R"] = pd.qcut((-g["recency_days"]).rank(method="first"), bins, labels=False) + 1
    g["F"] = pd.qcut(g["frequency"].rank(method="first"), bins, labels=False) + 1
    g["M"] = pd.qcut(g["monetary"].rank(method="first"), bins, labels=False) + 1
    s = g["monetary"].sort_values(ascending=False)
    cum = s.cumsum() / s.sum()
    g["abc"] = pd.cut(cum, [-np.inf, 0.8, 0.95, np.inf], labels=["A", "B", "C"]).reindex(g.index)
    return g


class PeakMemory:
    """Peak memory of this process while the block runs (bytes above start in ``.extra``).

    By default the resident memory (RSS) is sampled every 5 ms. RSS only rises when the process
    needs pages it does not hold yet, so after earlier big runs (whose freed memory the allocator
    keeps) it under-reports, often to zero. ``PeakMemory(traced=True)`` instead counts every
    allocation numpy, pandas and Python make (``tracemalloc``; numpy buffers and pandas hash
    tables are traced), which is exact whatever ran before, at some cost in speed: use it for a
    separate memory run, not for timing.
    """

    def __init__(self, traced: bool = False):
        self.peak = 0
        self.traced = traced
        self._stop = threading.Event()

    @staticmethod
    def _rss() -> int:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize()

    def __enter__(self):
        gc.collect()
        if self.traced:
            import tracemalloc

            self._was_tracing = tracemalloc.is_tracing()
            if not self._was_tracing:
                tracemalloc.start()
            tracemalloc.reset_peak()
            self.start, _ = tracemalloc.get_traced_memory()
            self.peak = self.start
            return self
        self.start = self._rss()
        self.peak = self.start

        def watch():
            while not self._stop.is_set():
                self.peak = max(self.peak, self._rss())
                time.sleep(0.005)

        self._thread = threading.Thread(target=watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        if self.traced:
            import tracemalloc

            _, self.peak = tracemalloc.get_traced_memory()
            if not self._was_tracing:
                tracemalloc.stop()
            self.extra = self.peak - self.start
            return
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())
        self.extra = self.peak - self.start


@contextmanager
def timer(label: str, results: dict):
    t0 = time.perf_counter()
    yield
    results[label] = time.perf_counter() - t0


def best_of(fn, repeat: int = 3) -> float:
    """Best wall time of ``repeat`` calls of ``fn()`` in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def mb(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:,.0f} MB"


def ensure_venv(venv, packages, *, label: str) -> bool:
    """Create ``venv`` with ``packages`` for a yardstick tool (first run only); True when usable.

    The yardsticks (lifetimes, recordlinkage) pin pandas below 3, so they get a venv of their
    own beside the benchmarks (git-ignored) instead of the course's environment.
    """
    python = venv / "bin" / "python"
    if python.exists():
        return True
    print(f"creating {venv.name} with {label} (first run only) ...", flush=True)
    base = getattr(sys, "_base_executable", sys.executable)
    try:
        subprocess.run([base, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"  could not set up {label}: {exc}")
        return False
    return True
