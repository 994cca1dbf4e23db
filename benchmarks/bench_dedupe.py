"""Benchmark: duplicate detection on generated customer records (issue 10).

Generates ``--n`` customer records (default 1,000,000) with about 12% planted
duplicates (name, phone and e-mail variants like the course's ``customers_raw``),
runs ``crmlearn.idic.find_duplicates`` + ``merge_duplicates`` and reports time,
peak memory (VmHWM, the peak resident memory of a fresh process per run), pair precision and pair recall against the true ids.

Side by side, in the same run and on the same records (all of them by default,
or the first ``--rl-n``), the ``recordlinkage`` package: it needs pandas < 3, so it runs in its own venv
``benchmarks/.recordlinkage-venv`` (created on first use; kept out of git) in a
subprocess that reads the same generated file. With ``--rl-n`` smaller than
``--n`` crmlearn is also run on that subset, so the two tools see identical data.

Run: ``nice .venv/bin/python benchmarks/bench_dedupe.py`` (``--help`` for options).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
from common import ensure_venv  # noqa: E402

VENV = HERE / ".recordlinkage-venv"
VENV_PY = VENV / "bin" / "python"

CITIES = [("Beijing", "北京", "010"), ("Shanghai", "上海", "021"), ("Guangzhou", "广州", "020"),
          ("Shenzhen", "深圳", "0755"), ("Hangzhou", "杭州", "0571"), ("Chengdu", "成都", "028"),
          ("Wuhan", "武汉", "027"), ("Nanjing", "南京", "025"), ("Tianjin", "天津", "022"),
          ("Xiamen", "厦门", "0592"), ("Qingdao", "青岛", "0532"), ("Fuzhou", "福州", "0591")]
BRAND = list("天光诚星润德荣凯鑫宇达泰海瑞启航安昌福博金恒华明盛远立宏祥瑞嘉和信通佳泰隆兴富康乐永")
TRADE = ["文具批发", "办公设备", "电子", "物流", "医疗器械", "商贸", "包装", "金融服务", "汽车零部件", "精密制造",
         "供应链", "软件", "印刷", "建材", "餐饮管理"]
SUFFIX = ["有限公司", "股份有限公司", "商行"]


def generate(n: int, seed: int = 1, dup_share: float = 0.12) -> pd.DataFrame:
    """n records, about dup_share of them extra records of an earlier customer, with variants."""
    rng = np.random.default_rng(seed)
    n_base = int(round(n * (1 - dup_share)))
    city = rng.integers(0, len(CITIES), n_base)
    b1, b2, b3 = (rng.integers(0, len(BRAND), n_base) for _ in range(3))
    trade = rng.integers(0, len(TRADE), n_base)
    suf = rng.integers(0, len(SUFFIX), n_base)
    cn = np.array([c[1] for c in CITIES], dtype=object)
    en = np.array([c[0] for c in CITIES], dtype=object)
    area = np.array([c[2] for c in CITIES], dtype=object)
    brand = np.array(BRAND, dtype=object)
    core = brand[b1] + brand[b2] + brand[b3] + np.array(TRADE, dtype=object)[trade]
    name = cn[city] + core + np.array(SUFFIX, dtype=object)[suf]
    number = pd.Series(rng.integers(10_000_000, 99_999_999, n_base)).astype(str).to_numpy(dtype=object)
    mobile = rng.random(n_base) < 0.3
    mob = pd.Series(rng.integers(13_000_000_000, 18_999_999_999, n_base)).astype(str).to_numpy(dtype=object)
    phone = np.where(mobile, mob, area[city] + "-" + number)
    ids = np.char.add("C", np.char.zfill(np.arange(n_base).astype(str), 7)).astype(object)
    email = "info" + pd.Series(np.arange(n_base)).astype(str).to_numpy(dtype=object) + "@" + \
        pd.Series(b1 * 1000 + b2 * 37 + trade).astype(str).to_numpy(dtype=object) + ".com.cn"
    base = pd.DataFrame({"customer_id_true": ids, "name": name, "phone": phone, "email": email,
                         "city": en[city], "core": core, "cityi": city, "mob": mobile})
    n_dup = n - n_base
    src = base.iloc[rng.integers(0, n_base, n_dup)].reset_index(drop=True)
    u = rng.random((n_dup, 6))
    dn = src["name"].to_numpy(dtype=object).copy()
    v1 = u[:, 0] < 0.3            # city moved into brackets
    dn[v1] = src["core"].to_numpy(dtype=object)[v1] + "有限公司（" + cn[src["cityi"].to_numpy()[v1]] + "）"
    v2 = (u[:, 0] >= 0.3) & (u[:, 0] < 0.55)   # legal form changed to Co., Ltd.
    dn[v2] = cn[src["cityi"].to_numpy()[v2]] + src["core"].to_numpy(dtype=object)[v2] + " Co., Ltd."
    v3 = (u[:, 0] >= 0.55) & (u[:, 0] < 0.85)  # a space typed in
    dn[v3] = cn[src["cityi"].to_numpy()[v3]] + " " + src["core"].to_numpy(dtype=object)[v3] + "有限责任公司"
    dp = src["phone"].to_numpy(dtype=object).copy()
    digits = pd.Series(dp).str.replace("-", "", regex=False).str.lstrip("0").to_numpy(dtype=object)
    p1 = u[:, 1] < 0.35
    dp[p1] = "+86 " + digits[p1]
    p2 = (u[:, 1] >= 0.35) & (u[:, 1] < 0.7)
    dp[p2] = "+86-" + digits[p2]
    de = src["email"].to_numpy(dtype=object).copy()
    e1 = u[:, 2] < 0.6
    de[e1] = pd.Series(de[e1]).str.upper().to_numpy(dtype=object)
    # hard cases (about 3%): entered again with a new phone number and no e-mail, only the name links them
    hard = u[:, 3] < 0.03
    dp[hard] = pd.Series(rng.integers(13_000_000_000, 18_999_999_999, int(hard.sum()))).astype(str).to_numpy(dtype=object)
    de[hard] = None
    dup = pd.DataFrame({"customer_id_true": src["customer_id_true"], "name": dn, "phone": dp, "email": de,
                        "city": src["city"]})
    out = pd.concat([base[dup.columns], dup], ignore_index=True)
    out = out.iloc[rng.permutation(len(out))].reset_index(drop=True)
    miss = rng.random((len(out), 2))
    out.loc[miss[:, 0] < 0.06, "phone"] = None
    out.loc[miss[:, 1] < 0.08, "email"] = None
    out.insert(0, "record_id", np.char.add("R", np.char.zfill(np.arange(len(out)).astype(str), 7)))
    start = np.datetime64("2010-01-01")
    out["last_updated"] = start + rng.integers(0, 5000, len(out)).astype("timedelta64[D]")
    return out


def _vm_hwm() -> int:
    """Peak resident memory of this process in bytes (VmHWM; Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def run_crmlearn_subprocess(path: Path) -> dict:
    """Run crmlearn in a fresh process on the records at ``path`` so its peak memory is its own."""
    out = subprocess.run([sys.executable, __file__, "--worker", str(path)], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_crmlearn(records: pd.DataFrame) -> dict:
    from crmlearn import idic

    t0 = time.perf_counter()
    pairs = idic.find_duplicates(records)
    golden = idic.merge_duplicates(records, pairs)
    seconds = time.perf_counter() - t0
    peak = _vm_hwm()
    q = idic.pair_quality(golden, records)
    return {"tool": "crmlearn", "records": len(records), "seconds": round(seconds, 1),
            "peak_mb": round(peak / 2**20), "precision": round(float(q["precision"]), 4),
            "recall": round(float(q["recall"]), 4)}


RL_SCRIPT = textwrap.dedent(r"""
    import json, re, sys, time, unicodedata
    import numpy as np, pandas as pd, recordlinkage
    df = pd.read_parquet(sys.argv[1]) if sys.argv[1].endswith(".parquet") else pd.read_csv(sys.argv[1], dtype=str)
    t0 = time.perf_counter()
    ph = df["phone"].fillna("").str.replace(r"\D", "", regex=True)
    ph = ph.where(~(ph.str.startswith("86") & (ph.str.len() >= 12)), ph.str[2:]).str.lstrip("0")
    df["ph"] = ph.replace("", np.nan)
    df["em"] = df["email"].str.strip().str.lower()
    nm = df["name"].map(lambda s: unicodedata.normalize("NFKC", s)).str.lower()
    nm = nm.str.replace(r"[（(][^）)]*[）)]", "", regex=True).str.replace(r"\s+", "", regex=True)
    for suf in ("股份有限公司", "有限责任公司", "有限公司", "公司", "co.,ltd."):
        nm = nm.where(~nm.str.endswith(suf), nm.str[: -len(suf)])
    df["nm"] = nm
    idx = recordlinkage.Index()
    idx.block("ph")
    idx.block("em")
    cand = idx.index(df)
    cmp = recordlinkage.Compare()
    cmp.string("nm", "nm", method="jarowinkler", label="name")
    cmp.exact("ph", "ph", label="phone", missing_value=np.nan)
    cmp.exact("em", "em", label="email", missing_value=np.nan)
    f = cmp.compute(cand, df)
    score = f.mean(axis=1, skipna=True)
    links = score[score >= 0.6].index
    # transitive closure, as crmlearn's merge does
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    a = links.get_level_values(0).to_numpy(); b = links.get_level_values(1).to_numpy()
    n = len(df)
    _, lab = connected_components(coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n)), directed=False)
    seconds = time.perf_counter() - t0
    peak = next(int(l.split()[1]) * 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    def npairs(s): s = np.asarray(s, dtype=np.int64); return int((s * (s - 1) // 2).sum())
    pred = npairs(np.bincount(lab)); true = npairs(df.groupby("customer_id_true").size())
    correct = npairs(pd.DataFrame({"g": lab, "t": df["customer_id_true"]}).groupby(["g", "t"]).size())
    print(json.dumps({"tool": "recordlinkage " + recordlinkage.__version__, "records": n,
                      "seconds": round(seconds, 1), "peak_mb": round(peak / 2**20),
                      "precision": round(correct / pred, 4), "recall": round(correct / true, 4)}))
""")


def ensure_rl_venv() -> bool:
    return ensure_venv(VENV, ["recordlinkage", "pandas<3", "scipy"], label="recordlinkage")


def run_recordlinkage(path: Path) -> dict | None:
    if not ensure_rl_venv():
        return None
    out = subprocess.run([str(VENV_PY), "-c", RL_SCRIPT, str(path)], capture_output=True, text=True)
    if out.returncode != 0:
        print("recordlinkage failed:", out.stderr[-2000:])
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="records to generate (default 1,000,000)")
    ap.add_argument("--rl-n", type=int, default=None,
                    help="records for the side-by-side run (default: all of --n; a smaller number runs both tools "
                         "on that subset)")
    ap.add_argument("--no-recordlinkage", action="store_true", help="skip the other tool")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        recs = pd.read_csv(args.worker, dtype=str, keep_default_na=False, na_values=[""])
        recs["last_updated"] = pd.to_datetime(recs["last_updated"])
        print(json.dumps(run_crmlearn(recs)))
        return 0
    import crmlearn
    from crmlearn import idic

    raw = crmlearn.load_dataset("customers_raw")
    q = idic.pair_quality(idic.merge_duplicates(raw, idic.find_duplicates(raw)), raw)
    course = {"tool": "crmlearn (course data customers_raw)", "records": len(raw), "seconds": None, "peak_mb": None,
              "precision": round(float(q["precision"]), 4), "recall": round(float(q["recall"]), 4)}
    t0 = time.perf_counter()
    recs = generate(args.n)
    print(f"generated {len(recs):,} records in {time.perf_counter() - t0:.1f} s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        full, part = Path(tmp) / "records.csv", Path(tmp) / "subset.csv"
        recs.to_csv(full, index=False)
        rows = [course, run_crmlearn_subprocess(full)]
        print(rows[-1], flush=True)
        rl_n = args.n if args.rl_n is None else min(args.rl_n, args.n)
        if not args.no_recordlinkage and rl_n:
            if rl_n < args.n:   # a subset: crmlearn runs on it too, so both tools see identical records
                recs.iloc[:rl_n].to_csv(part, index=False)
                rows.append(run_crmlearn_subprocess(part) | {"tool": "crmlearn (same subset)"})
            rl = run_recordlinkage(part if rl_n < args.n else full)
            if rl:
                rows.append(rl)
    table = pd.DataFrame(rows).set_index("tool")
    print(table.to_string())
    big = rows[1]
    print(f"\ntarget: < 120 s for {args.n:,} records -> {big['seconds']} s; "
          f"precision/recall within 0.02 of the course data: "
          f"{abs(big['precision'] - course['precision']) <= 0.02 and abs(big['recall'] - course['recall']) <= 0.02}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
