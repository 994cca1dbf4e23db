"""Scale: crmlearn against hand-written DuckDB SQL doing the same RFM and ABC, side by side.

Three measurements, printed as one table:

1. ``--rows`` transactions in memory (default 10,000,000): crmlearn's pipeline
   ``summarize_customers -> rfm_scores -> abc_classify`` on the DataFrame against one SQL query
   that DuckDB runs on the same DataFrame (target: ratio <= 1.2);
2. ``--big-rows`` transactions of ``--big-customers`` customers in Parquet files (default
   100,000,000 and 10,000,000; written in chunks with pyarrow into a temporary folder, deleted
   after): the same pipeline through the path API against the same SQL on the same files, each in
   a fresh subprocess whose peak memory (RSS) is read from the kernel, the sides alternating
   ``--repeat`` times (best time, highest peak; target: ratio <= 1.5, peak < 4 GB);
3. ``crmlearn report`` on a ``--csv-rows`` line messy CSV export (default 1,000,000; the
   generator of bench_report.py; target: under 60 s).

The SQL is the plain one a skilled analyst would write (:func:`plain_sql`): one GROUP BY per
customer (recency days, frequency and monetary under the purchase rule: returns are no purchases
and are netted in monetary), ``NTILE(5)`` window scores for R, F and M, and ABC by a cumulative-share
window with the 80% / 95% cut-offs. It is the headline comparison.

NTILE breaks ties arbitrarily: customers with equal values can land in different scores, where
crmlearn.grading.rfm_scores keeps equal values in one bin (cuts nearest the equal-count
positions). So the per-customer R, F, M can differ at the bin edges; the script prints the share
of customers whose R, F or M differ, and checks that the summary (recency, frequency, monetary)
and the ABC class are identical for every customer. ``--exact-sql`` adds a second, slower SQL
(:func:`exact_sql`) that re-implements crmlearn's tie-aware rule and must agree on everything.

    nice .venv/bin/python benchmarks/bench_scale.py                      # the issue's sizes
    nice .venv/bin/python benchmarks/bench_scale.py --rows 200000 --big-rows 1000000 \\
        --big-customers 100000 --csv-rows 20000                          # a quick check
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

BINS = 5


# --------------------------------------------------------------------------------------------
# the hand-written SQL
# --------------------------------------------------------------------------------------------
def _score_ctes(name: str, expr: str) -> str:
    """CTEs giving ``{name}_score(v, score)``: tie-aware scores 1..BINS of ``expr`` (higher is better)."""
    return f"""
    {name}_v AS MATERIALIZED (SELECT {expr} AS v, count(*) AS c FROM s GROUP BY 1),
    {name}_u AS MATERIALIZED (SELECT v, row_number() OVER (ORDER BY v) - 1 AS k,
                        sum(c) OVER (ORDER BY v ROWS UNBOUNDED PRECEDING) - c AS below FROM {name}_v),
    {name}_d AS (SELECT count(*) AS d FROM {name}_v),
    {name}_cum AS (SELECT k, below AS cum FROM {name}_u UNION ALL SELECT d, (SELECT n FROM nn) FROM {name}_d),
    {name}_t AS (SELECT j, j * (SELECT n FROM nn) / {BINS} AS target FROM range(1, {BINS}) r(j)),
    {name}_hi AS (SELECT t.j, t.target, min(c.k) AS hi FROM {name}_t t JOIN {name}_cum c ON c.cum >= t.target
                  GROUP BY t.j, t.target),
    {name}_c0 AS (SELECT h.j, CASE WHEN h.target - lo.cum <= up.cum - h.target THEN lo.k ELSE up.k END AS cut
                  FROM {name}_hi h, {name}_d
                  JOIN {name}_cum lo ON lo.k = greatest(h.hi - 1, 0)
                  JOIN {name}_cum up ON up.k = least(h.hi, {name}_d.d)),
    {name}_c1 AS (SELECT j, CASE WHEN d >= {BINS}
                       THEN least(greatest(j, max(cut - j) OVER (ORDER BY j ROWS UNBOUNDED PRECEDING) + j), d - ({BINS} - j))
                       ELSE cut END AS cut FROM {name}_c0, {name}_d),
    {name}_cuts AS (SELECT {", ".join(f"max(cut) FILTER (WHERE j = {j}) AS c{j}" for j in range(1, BINS))} FROM {name}_c1),
    {name}_score AS (SELECT v, 1 + {" + ".join(f"CAST(k >= c{j} AS INTEGER)" for j in range(1, BINS))} AS score
                     FROM {name}_u, {name}_cuts)"""


def plain_sql(source: str) -> str:
    """Summary, RFM (NTILE) and ABC of ``source`` (customer_id, order_date, amount): the analyst's query.

    A negative amount is a return: no purchase (not counted, not a last purchase), netted in
    monetary. NTILE(5) breaks ties arbitrarily (see the module docstring).
    """
    return f"""
    WITH s AS (
        SELECT customer_id,
               max(order_date) FILTER (WHERE amount >= 0) AS last_purchase,
               count(*) FILTER (WHERE amount >= 0) AS frequency,
               sum(amount) AS monetary
        FROM {source} GROUP BY customer_id),
    g AS (
        SELECT *, date_diff('day', last_purchase, max(last_purchase) OVER ()) AS recency_days,
               sum(monetary) OVER (ORDER BY monetary DESC, customer_id ROWS UNBOUNDED PRECEDING) AS cum,
               sum(monetary) OVER () AS total
        FROM s)
    SELECT customer_id, recency_days, frequency, monetary,
           ntile({BINS}) OVER (ORDER BY recency_days DESC) AS R,
           ntile({BINS}) OVER (ORDER BY frequency) AS F,
           ntile({BINS}) OVER (ORDER BY monetary) AS M,
           cum / total AS cum_share,
           CASE WHEN (cum - monetary) / total < 0.8 - 1e-9 THEN 'A'
                WHEN (cum - monetary) / total < 0.95 - 1e-9 THEN 'B' ELSE 'C' END AS abc_class
    FROM g"""


def exact_sql(source: str) -> str:
    """Summary, tie-aware RFM (crmlearn's rule) and ABC of ``source`` in one query (slow: ``--exact-sql``)."""
    return f"""
    WITH s AS MATERIALIZED (
        SELECT customer_id, max(order_date) AS last_purchase, count(*) AS frequency, sum(amount) AS monetary
        FROM {source} GROUP BY customer_id),
    lastday AS (SELECT max(last_purchase) AS as_of FROM s),
    nn AS (SELECT count(*) AS n FROM s),
    {_score_ctes("r", "-(epoch_us((SELECT as_of FROM lastday)) - epoch_us(last_purchase)) // 86400000000")},
    {_score_ctes("f", "frequency")},
    {_score_ctes("m", "monetary")},
    tot AS (SELECT sum(monetary) AS total FROM s),
    abc AS (SELECT customer_id, monetary,
                   sum(monetary) OVER (ORDER BY monetary DESC, customer_id ROWS UNBOUNDED PRECEDING) AS cum
            FROM s)
    SELECT s.customer_id,
           (epoch_us((SELECT as_of FROM lastday)) - epoch_us(s.last_purchase)) // 86400000000 AS recency_days,
           s.frequency, s.monetary, rs.score AS R, fs.score AS F, ms.score AS M,
           rs.score + fs.score + ms.score AS rfm_score,
           s.monetary / tot.total AS share, abc.cum / tot.total AS cum_share,
           CASE WHEN (abc.cum - abc.monetary) / tot.total < 0.8 - 1e-9 THEN 'A'
                WHEN (abc.cum - abc.monetary) / tot.total < 0.95 - 1e-9 THEN 'B' ELSE 'C' END AS abc_class
    FROM s
    JOIN r_score rs ON rs.v = -(epoch_us((SELECT as_of FROM lastday)) - epoch_us(s.last_purchase)) // 86400000000
    JOIN f_score fs ON fs.v = s.frequency
    JOIN m_score ms ON ms.v = s.monetary
    JOIN abc ON abc.customer_id = s.customer_id, tot
    ORDER BY s.customer_id"""


def crmlearn_pipeline(source):
    from crmlearn.customers import summarize_customers
    from crmlearn.grading import abc_classify, rfm_scores

    return abc_classify(rfm_scores(summarize_customers(source)))


def agree(ours, sql) -> str:
    """'yes' when the summary and ABC class agree for every customer, with the share of customers
    whose R, F or M differ (NTILE's arbitrary ties), e.g. 'yes; RFM differ R 0.7% F 11.5% M 0.0%'.

    DuckDB adds a customer's amounts in parallel, in an order that varies from run to run, so two
    runs' monetary can differ in the last bit (equal to 1e-12) and customers with "equal" monetary
    at an ABC cut-off can swap places. Then the ABC check is: crmlearn's rule applied to the SQL's
    own monetary gives the SQL's classes exactly, and the customers that differ are counted.
    """
    from crmlearn.grading import abc_classify

    sql = sql.set_index("customer_id").sort_index()
    same = (len(ours) == len(sql) and (ours.index.to_numpy() == sql.index.to_numpy()).all()
            and (ours["recency_days"].to_numpy() == sql["recency_days"].to_numpy()).all()
            and (ours["frequency"].to_numpy() == sql["frequency"].to_numpy()).all()
            and np.allclose(ours["monetary"].to_numpy(), sql["monetary"].to_numpy(), rtol=1e-12, atol=0))
    if not same:
        return "NO (summary)"
    note = ""
    abc_off = int((ours["abc_class"].astype(str).to_numpy() != sql["abc_class"].to_numpy()).sum())
    if abc_off:
        rule = abc_classify(sql[["monetary"]])["abc_class"].astype(str).to_numpy()
        if (rule != sql["abc_class"].to_numpy()).any():
            return "NO (ABC)"
        note = f" (ABC: {abc_off} at a cut-off swap, sums differ in the last bit)"
    share = {c: float((ours[c].to_numpy() != sql[c].to_numpy()).mean()) for c in ("R", "F", "M")}
    if not any(share.values()):
        return "yes; RFM 0.0%" + note
    return "yes; RFM differ " + " ".join(f"{c} {v:.1%}" for c, v in share.items()) + note


# --------------------------------------------------------------------------------------------
# 1. in memory
# --------------------------------------------------------------------------------------------
def in_memory(rows: int, threads: int, sql_of=None) -> dict:
    import duckdb

    from common import best_of, synthetic_transactions

    tx = synthetic_transactions(rows, max(rows * 7 // 100, 100))
    con = duckdb.connect(config={"threads": threads})
    con.register("tx", tx)
    query = (sql_of or plain_sql)("tx")
    ours = crmlearn_pipeline(tx)   # warm both once; check they agree
    sql = con.sql(query).df()
    ok = agree(ours, sql)
    t_ours = best_of(lambda: crmlearn_pipeline(tx), repeat=3)
    t_sql = best_of(lambda: con.sql(query).df(), repeat=3)
    return {"what": f"{rows:,} transactions in memory ({len(ours):,} customers)", "crmlearn": t_ours,
            "sql": t_sql, "ratio": t_ours / t_sql, "target": "<= 1.2", "agree": ok}


# --------------------------------------------------------------------------------------------
# 2. Parquet files, one fresh subprocess per side
# --------------------------------------------------------------------------------------------
def write_parquet(folder: Path, rows: int, customers: int, *, chunk: int = 10_000_000, seed: int = 0) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    n_files = max(1, -(-rows // chunk))
    per_file = -(-customers // n_files)
    start = np.datetime64("2023-01-01T00:00:00", "us")
    done = 0
    for i in range(n_files):
        n = min(chunk, rows - done)
        ids = rng.integers(0, customers, n, dtype=np.int64)
        block = np.arange(i * per_file, min((i + 1) * per_file, customers), dtype=np.int64)[:n]
        ids[:len(block)] = block                                   # every customer appears
        days = rng.integers(0, 730, n).astype("timedelta64[D]").astype("timedelta64[us]")
        amount = np.round(rng.lognormal(5.0, 1.0, n), 2)
        table = pa.table({"customer_id": ids, "order_date": pa.array(start + days, pa.timestamp("us")),
                          "amount": amount})
        pq.write_table(table, folder / f"part-{i:03d}.parquet", row_group_size=1_000_000)
        done += n
    return sum(p.stat().st_size for p in folder.glob("*.parquet"))


def child(side: str, source: str, memory_limit: str, threads: int) -> None:
    """Run one side ('crmlearn', 'sql' or 'exact') on the files and print its time."""
    t0 = time.perf_counter()
    if side == "crmlearn":
        os.environ["CRMLEARN_DUCKDB_MEMORY_LIMIT"] = memory_limit
        os.environ["CRMLEARN_DUCKDB_THREADS"] = str(threads)
        out = crmlearn_pipeline(source)
    else:
        import duckdb

        con = duckdb.connect(config={"memory_limit": memory_limit, "threads": threads,
                                     "preserve_insertion_order": False,
                                     "temp_directory": tempfile.mkdtemp(prefix="bench-sql-")})
        query = (plain_sql if side == "sql" else exact_sql)(f"read_parquet('{source}')")
        out = con.sql(query).df()
    seconds = time.perf_counter() - t0
    if os.environ.get("BENCH_SCALE_KEEP"):
        out.attrs = {}
        out.to_parquet(os.environ["BENCH_SCALE_KEEP"])
    print(json.dumps({"seconds": seconds, "customers": len(out)}))


def run_child(side: str, source: str, memory_limit: str, threads: int, keep: str | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if keep:
        env["BENCH_SCALE_KEEP"] = keep
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", side, "--source", source,
                             "--memory-limit", memory_limit, "--threads", str(threads)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{side} failed:\n{err}")
    res = json.loads(out.strip().splitlines()[-1])
    res["peak_rss"] = usage.ru_maxrss * 1024           # kilobytes on Linux
    res["wall"] = time.perf_counter() - t0
    return res


def on_files(rows: int, customers: int, memory_limit: str, threads: int, tmp: Path, check: bool,
             exact: bool = False, repeat: int = 2) -> list[dict]:
    folder = tmp / "parquet"
    folder.mkdir()
    t0 = time.perf_counter()
    size = write_parquet(folder, rows, customers)
    print(f"  wrote {rows:,} transactions of {customers:,} customers: {size / 1e9:.2f} GB Parquet "
          f"in {time.perf_counter() - t0:.0f} s", flush=True)
    source = str(folder / "*.parquet")
    keep_sql = str(tmp / "sql.parquet") if check else None
    keep_ours = str(tmp / "ours.parquet") if check else None
    sql = run_child("sql", source, memory_limit, threads, keep_sql)
    ours = run_child("crmlearn", source, memory_limit, threads, keep_ours)
    if check and repeat > 1:   # writing the results out for the check is not part of the peak
        sql["peak_rss"] = ours["peak_rss"] = 0
    for _ in range(repeat - 1):   # alternate the sides; keep each side's best time, its highest peak
        for side, best in (("sql", sql), ("crmlearn", ours)):
            again = run_child(side, source, memory_limit, threads)
            best["seconds"] = min(best["seconds"], again["seconds"])
            best["peak_rss"] = max(best["peak_rss"], again["peak_rss"])
    ok = "not checked"
    if check:
        import pandas as pd

        ok = agree(pd.read_parquet(keep_ours), pd.read_parquet(keep_sql))
    what = f"{rows:,} transactions in Parquet ({ours['customers']:,} customers)"
    out = [{"what": what, "crmlearn": ours["seconds"], "sql": sql["seconds"], "ratio": ours["seconds"] / sql["seconds"],
            "target": "<= 1.5", "agree": ok, "peak_crmlearn": ours["peak_rss"], "peak_sql": sql["peak_rss"]}]
    if exact:
        keep_exact = str(tmp / "exact.parquet") if check else None
        ex = run_child("exact", source, memory_limit, threads, keep_exact)
        ok = "not checked"
        if check:
            import pandas as pd

            ok = "yes" if agree(pd.read_parquet(keep_ours), pd.read_parquet(keep_exact)) == "yes; RFM 0.0%" else "NO"
        out.append({"what": "  the same, against the tie-aware (exact) SQL", "crmlearn": ours["seconds"],
                    "sql": ex["seconds"], "ratio": ours["seconds"] / ex["seconds"], "target": "-", "agree": ok,
                    "peak_crmlearn": ours["peak_rss"], "peak_sql": ex["peak_rss"]})
    shutil.rmtree(folder)
    return out


# --------------------------------------------------------------------------------------------
# 3. crmlearn report on a messy CSV
# --------------------------------------------------------------------------------------------
def report(rows: int, tmp: Path) -> dict:
    from bench_report import messy_export

    path = tmp / "orders.csv"
    messy_export(rows).to_csv(path, index=False)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "crmlearn", "report", str(path), "-o", str(tmp / "r.html"),
                           "--currency", "GBP", "--quiet"], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    seconds = time.perf_counter() - t0
    if done.returncode:
        raise RuntimeError(done.stderr)
    return {"what": f"crmlearn report, {rows:,}-line CSV", "crmlearn": seconds, "target": "< 60 s",
            "agree": "-"}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=10_000_000, help="transactions in memory")
    p.add_argument("--big-rows", type=int, default=100_000_000, help="transactions in Parquet files")
    p.add_argument("--big-customers", type=int, default=10_000_000, help="customers in the Parquet files")
    p.add_argument("--csv-rows", type=int, default=1_000_000, help="lines of the CSV for crmlearn report")
    p.add_argument("--memory-limit", default="2GB", help="DuckDB memory_limit on the files, both sides")
    p.add_argument("--threads", type=int, default=2, help="DuckDB threads, both sides")
    p.add_argument("--skip", nargs="*", default=[], choices=["memory", "files", "report"])
    p.add_argument("--check-files", action="store_true",
                   help="also compare both sides' results on the files (writes them out: slower)")
    p.add_argument("--repeat", type=int, default=2,
                   help="runs per side on the files, alternating (best time, highest peak)")
    p.add_argument("--exact-sql", action="store_true",
                   help="also time the slow tie-aware SQL that re-implements crmlearn's RFM rule exactly")
    p.add_argument("--child", choices=["crmlearn", "sql", "exact"], help=argparse.SUPPRESS)
    p.add_argument("--source", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args.child, args.source, args.memory_limit, args.threads)
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        tmp = Path(tmp)
        if "memory" not in args.skip:
            print("in memory ...", flush=True)
            rows.append(in_memory(args.rows, args.threads))
            if args.exact_sql:
                r = in_memory(args.rows, args.threads, exact_sql)
                r.update(what="  the same, against the tie-aware (exact) SQL", target="-",
                         agree="yes" if r["agree"] == "yes; RFM 0.0%" else "NO")
                rows.append(r)
        if "files" not in args.skip:
            print("Parquet files ...", flush=True)
            rows += on_files(args.big_rows, args.big_customers, args.memory_limit, args.threads, tmp,
                             args.check_files or args.big_rows <= 20_000_000, args.exact_sql, args.repeat)
        if "report" not in args.skip:
            print("crmlearn report ...", flush=True)
            rows.append(report(args.csv_rows, tmp))
    print()
    print(f"{'measurement':<52} {'crmlearn':>9} {'DuckDB SQL':>10} {'ratio':>6} {'target':>7} "
          f"{'peak crmlearn':>13} {'peak SQL':>9}  same")
    for r in rows:
        peak = (f"{r['peak_crmlearn'] / 2**30:.2f} GB", f"{r['peak_sql'] / 2**30:.2f} GB") if "peak_sql" in r else ("-", "-")
        sql = f"{r['sql']:.2f} s" if "sql" in r else "-"
        ratio = f"{r['ratio']:.2f}" if "ratio" in r else "-"
        print(f"{r['what']:<52} {r['crmlearn']:>7.2f} s {sql:>10} {ratio:>6} {r['target']:>7} "
              f"{peak[0]:>13} {peak[1]:>9}  {r['agree']}")
    print(f"(DuckDB {__import__('duckdb').__version__}, threads={args.threads}, memory_limit={args.memory_limit} "
          f"on the files; peak = peak RSS of the side's own process; same = 'yes' when recency, frequency, "
          "monetary and the ABC class agree for every customer (see agree()), with the share of customers whose "
          "R, F or M differ: NTILE(5) in the SQL breaks ties arbitrarily, crmlearn keeps equal values in one "
          "bin; against the exact SQL 'yes' means R, F, M identical too)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
