"""The DuckDB path (crmlearn/_core/duck.py) gives the pandas path's tables from files and relations.

Every comparison is against the pandas path on the same data: exact, or rtol=1e-12 where DuckDB
adds floats in another order.
"""
from __future__ import annotations

import warnings

import duckdb  # a core dependency: a missing install fails here instead of skipping
import numpy as np
import pandas as pd
import pytest

import crmlearn
from crmlearn._core.duck import purchase_rule_sql
from crmlearn._core.purchases import purchase_rule
from crmlearn._validation import CRMDataError
from crmlearn.clv import rfm_summary
from crmlearn.customers import summarize_customers
from crmlearn.grading import abc_classify, customer_pyramid, rfm_scores


EQ = dict(rtol=1e-12)


@pytest.fixture(scope="module")
def course():
    return crmlearn.load_dataset("transactions")


@pytest.fixture(scope="module")
def course_files(course, tmp_path_factory):
    d = tmp_path_factory.mktemp("course")
    course.to_parquet(d / "tx.parquet")
    course.to_csv(d / "tx.csv", index=False)
    return d


def _generated(n=4000, *, ids="text", seed=1, tz=False, flag="bool"):
    """Transactions with returns, lost tenders, ties (amounts of whole yuan, repeated days), orders."""
    rng = np.random.default_rng(seed)
    cust = rng.integers(0, 300, n)
    days = rng.integers(0, 400, n)
    when = pd.Timestamp("2023-01-01") + pd.to_timedelta(days, unit="D") + pd.to_timedelta(rng.integers(0, 86400, n), unit="s")
    when = pd.Series(when).astype("datetime64[us]")
    if tz:
        when = when.dt.tz_localize("UTC").dt.tz_convert("Asia/Shanghai")
    ret = rng.random(n) < 0.08
    amount = rng.integers(1, 40, n).astype(float) * 5.0          # few distinct values: ties
    df = pd.DataFrame({
        "customer_id": [f"K{c:04d}" for c in cust] if ids == "text" else (cust * 7 + 1000).astype(np.int64),
        "order_date": when,
        "amount": np.where(ret & (rng.random(n) < 0.5), -amount, amount),   # returns booked with either sign
        "cost": np.round(amount * 0.6, 2),
        "order_id": [f"O{i // 2:05d}" for i in range(n)],
        "tender_result": rng.choice(["n/a", "won", "lost", "LOST"], n, p=[0.85, 0.07, 0.05, 0.03]),
    })
    if flag == "bool":
        df["is_return"] = ret
    elif flag == "words":
        df["is_return"] = np.where(ret, "yes", "no")
    else:   # no flag: the sign marks returns
        df["amount"] = np.where(ret, -amount, amount)
    return df


def _files(df, tmp_path, kind):
    if kind == "parquet":
        path = tmp_path / "tx.parquet"
        df.to_parquet(path)
    else:
        path = tmp_path / "tx.csv"
        df.to_csv(path, index=False)
    return str(path)


# ---------------------------------------------------------------------------------------------
# the course data
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["parquet", "csv"])
def test_course_summary_equals_pandas(course, course_files, kind):
    path = course_files / f"tx.{kind}"
    duck = summarize_customers(path)
    ref = summarize_customers(course)
    pd.testing.assert_frame_equal(duck, ref, **EQ)
    assert duck.attrs == ref.attrs
    assert duck["n_returns"].sum() > 0 and duck["frequency"].sum() < len(course)   # returns and orders were used


@pytest.mark.parametrize("kw", [{}, {"amount": "amount"},
                                {"amount": "amount", "calibration_end": "2024-06-30", "holdout_end": "2024-12-31",
                                 "unit": "W"}])
def test_course_rfm_summary_equals_pandas(course, course_files, kw):
    with warnings.catch_warnings(record=True) as ref_warn:
        warnings.simplefilter("always")
        ref = rfm_summary(course, **kw)
    with warnings.catch_warnings(record=True) as duck_warn:
        warnings.simplefilter("always")
        duck = rfm_summary(str(course_files / "tx.parquet"), **kw)
    pd.testing.assert_frame_equal(duck, ref, **EQ)
    assert [str(w.message) for w in duck_warn] == [str(w.message) for w in ref_warn]


def test_course_pipeline_and_per_customer_files(course, tmp_path):
    summary = summarize_customers(course)
    plain = summary.copy()
    plain.attrs = {}
    plain.to_parquet(tmp_path / "customers.parquet")
    plain.to_csv(tmp_path / "customers.csv")
    back = pd.read_csv(tmp_path / "customers.csv", parse_dates=["first_purchase", "last_purchase"])
    for func in (rfm_scores, abc_classify, customer_pyramid):
        # a pandas-written Parquet file gets its customer index back, as pandas.read_parquet does
        pd.testing.assert_frame_equal(func(tmp_path / "customers.parquet"), func(summary))
        pd.testing.assert_frame_equal(func(str(tmp_path / "customers.csv")), func(back))
    # the whole route from the transaction file
    course.to_parquet(tmp_path / "course_tx.parquet")
    via_duck = abc_classify(rfm_scores(summarize_customers(tmp_path / "course_tx.parquet")))
    pd.testing.assert_frame_equal(via_duck, abc_classify(rfm_scores(summary)), **EQ)


# ---------------------------------------------------------------------------------------------
# generated data: returns, lost tenders, ties, text and integer ids, tz-aware dates
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["parquet", "csv"])
@pytest.mark.parametrize("ids,tz,flag", [("text", False, "bool"), ("int", False, "sign"), ("text", True, "words"),
                                         ("int", True, "bool")])
def test_generated_summary_equals_pandas(tmp_path, kind, ids, tz, flag):
    df = _generated(ids=ids, tz=tz, flag=flag)
    path = _files(df, tmp_path, kind)
    ref_data = df if kind == "parquet" else pd.read_csv(path)
    for kw in ({}, {"as_of": "2023-11-30"}, {"order": None, "cost": None, "tender": None}):
        ref = summarize_customers(ref_data, **kw)
        duck = summarize_customers(path, **kw)
        pd.testing.assert_frame_equal(duck, ref, **EQ)
        assert duck.attrs == ref.attrs
    assert summarize_customers(path, as_of="2023-11-30").attrs["excluded_rows"] > 0


@pytest.mark.parametrize("ids,tz,flag", [("text", False, "bool"), ("int", True, "sign"), ("text", True, "words")])
def test_generated_rfm_summary_equals_pandas(tmp_path, ids, tz, flag):
    df = _generated(ids=ids, tz=tz, flag=flag)
    path = _files(df, tmp_path, "parquet")
    for kw in ({"amount": "amount"}, {}, {"amount": "amount", "calibration_end": "2023-09-30",
                                          "holdout_end": "2024-02-04", "unit": "D"}):
        if "amount" in kw and flag != "sign":   # a purchase row with a negative amount is refused: book returns
            data = df.assign(amount=df["amount"].abs())   # with the flag and positive amounts here
            path = _files(data, tmp_path, "parquet")
        else:
            data = df
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ref = rfm_summary(data, **kw)
            duck = rfm_summary(path, **kw)
        pd.testing.assert_frame_equal(duck, ref, **EQ)


def test_ties_and_rank_order_from_files(tmp_path):
    """Equal values: RFM puts them in one bin and ABC / the pyramid keep table order, from files too."""
    df = pd.DataFrame({"recency_days": [5, 5, 40, 40, 40, 200, 7, 7],
                       "frequency": [3, 3, 1, 1, 2, 1, 3, 1],
                       "monetary": [100.0, 100.0, 50.0, 50.0, 50.0, 0.0, 100.0, 20.0]},
                      index=pd.Index([f"C{i}" for i in range(8)], name="customer_id"))
    df.to_parquet(tmp_path / "c.parquet")
    for func in (rfm_scores, abc_classify, customer_pyramid):
        pd.testing.assert_frame_equal(func(tmp_path / "c.parquet"), func(df))
    assert customer_pyramid(tmp_path / "c.parquet")["rank"].tolist() == [1, 2, 4, 5, 6, 8, 3, 7]


def test_purchase_rule_sql_equals_the_pandas_rule():
    """The one purchase rule, written in SQL, against crmlearn._core.purchases.purchase_rule row by row."""
    df = _generated(n=3000, flag="bool")
    con = duckdb.connect()
    con.register("tx", df)
    for is_return in ("is_return", None):
        rule = purchase_rule_sql('"amount"', is_return=is_return, tender="tender_result",
                                 flag='"is_return"' if is_return else None)
        got = con.sql(f"SELECT {rule['ret']} AS ret, {rule['lost']} AS lost, {rule['buy']} AS buy, {rule['amt']} AS amt "
                      "FROM tx").df()
        want = purchase_rule(df, func="t", is_return=is_return, tender="tender_result", amount="amount")
        np.testing.assert_array_equal(got["ret"].to_numpy(), want.ret)
        np.testing.assert_array_equal(got["lost"].to_numpy(), want.lost)
        np.testing.assert_array_equal(got["buy"].to_numpy(), want.buy)
        np.testing.assert_array_equal(got["amt"].to_numpy(), want.amount)
        assert want.ret.any() and want.lost.any() and (want.amount == 0).any()


def test_text_dates_with_offsets_are_read_as_utc(tmp_path):
    df = pd.DataFrame({"customer_id": ["A", "A", "B"],
                       "order_date": ["2024-01-01T23:30:00+08:00", "2024-01-05 10:00:00", "2024-01-03T01:00:00Z"],
                       "amount": [10.0, 20.0, 5.0]})
    df.to_parquet(tmp_path / "t.parquet")
    duck = summarize_customers(tmp_path / "t.parquet")
    pd.testing.assert_frame_equal(duck, summarize_customers(df), **EQ)
    assert duck.loc["A", "first_purchase"] == pd.Timestamp("2024-01-01 15:30")


# ---------------------------------------------------------------------------------------------
# other sources: a relation, a glob, a list of files
# ---------------------------------------------------------------------------------------------
def test_duckdb_relation_input(course):
    con = duckdb.connect()
    rel = con.from_df(course)
    pd.testing.assert_frame_equal(summarize_customers(rel), summarize_customers(course), **EQ)
    pd.testing.assert_frame_equal(rfm_summary(rel, amount="amount"), rfm_summary(course, amount="amount"), **EQ)
    summary = summarize_customers(course).reset_index()
    summary.attrs = {}
    srel = con.from_df(summary)
    pd.testing.assert_frame_equal(abc_classify(srel), abc_classify(summary))


def test_glob_and_list_of_files(course, tmp_path):
    parts = np.array_split(np.arange(len(course)), 3)
    for i, rows in enumerate(parts):
        course.iloc[rows].to_parquet(tmp_path / f"part{i}.parquet")
    ref = summarize_customers(course)
    pd.testing.assert_frame_equal(summarize_customers(str(tmp_path / "*.parquet")), ref, **EQ)
    pd.testing.assert_frame_equal(summarize_customers([tmp_path / f"part{i}.parquet" for i in range(3)]), ref, **EQ)


# ---------------------------------------------------------------------------------------------
# bad input: the pandas path's errors
# ---------------------------------------------------------------------------------------------
def _same_error(df, tmp_path, func, **kw):
    with pytest.raises((CRMDataError, TypeError)) as pandas_err:
        func(df, **kw)
    path = tmp_path / "bad.parquet"
    df.to_parquet(path)
    with pytest.raises(pandas_err.type) as duck_err:
        func(path, **kw)
    assert str(duck_err.value) == str(pandas_err.value)
    return str(duck_err.value)


def test_bad_inputs_give_the_pandas_messages(tmp_path):
    df = _generated(n=200)
    msg = _same_error(df, tmp_path, summarize_customers, amount="amout")
    assert msg.startswith("summarize_customers: column 'amout' not found") and "Pass amount='amount'" in msg
    _same_error(df, tmp_path, summarize_customers, date="day")
    _same_error(df.drop(columns="customer_id"), tmp_path, summarize_customers)
    msg = _same_error(df.assign(amount=df["amount"].where(df.index != 7)), tmp_path, summarize_customers)
    assert "1 row has a missing 'amount' value (first: customer K" in msg
    _same_error(df.assign(amount=df["amount"].replace(df["amount"].iloc[3], np.inf)), tmp_path, summarize_customers)
    _same_error(df.assign(amount=df["amount"].astype(str).where(df.index != 4, "12,5")), tmp_path, summarize_customers)
    _same_error(df.assign(order_date=df["order_date"].astype(str).where(df.index != 2, "soon")), tmp_path,
                summarize_customers)
    msg = _same_error(df.assign(order_date=np.arange(len(df))), tmp_path, summarize_customers)
    assert "must hold dates" in msg
    _same_error(df.assign(is_return="maybe"), tmp_path, summarize_customers)
    _same_error(df.iloc[:0], tmp_path, summarize_customers)
    _same_error(df, tmp_path, summarize_customers, as_of="2020-01-01")
    _same_error(df, tmp_path, rfm_summary, unit="fortnight")
    _same_error(df, tmp_path, rfm_summary, customer="client")
    _same_error(df.assign(is_return=False), tmp_path, rfm_summary, amount="amount")   # negative purchases
    summary = summarize_customers(df)
    summary.attrs = {}
    _same_error(summary, tmp_path, abc_classify, value="monetory")
    _same_error(summary, tmp_path, rfm_scores, bins=1)


def test_missing_file_and_unknown_kind(tmp_path):
    with pytest.raises(FileNotFoundError, match="summarize_customers: transactions file .*nowhere.parquet"):
        summarize_customers(tmp_path / "nowhere.parquet")
    (tmp_path / "a.xlsx").write_bytes(b"")
    with pytest.raises(CRMDataError, match="neither Parquet .* nor CSV"):
        summarize_customers(tmp_path / "a.xlsx")
    with pytest.raises(FileNotFoundError, match="no transactions file matches"):
        summarize_customers(str(tmp_path / "*.parquet"))
    with pytest.raises(TypeError, match="must be a pandas DataFrame, got list"):
        summarize_customers([1, 2, 3])   # a list of numbers is not a list of paths


def test_customer_list_and_cost_from_files(tmp_path):
    df = _generated(n=500, ids="int")
    path = _files(df, tmp_path, "parquet")
    ids = list(range(1000, 1000 + 7 * 310, 7))          # 10 customers with no transaction at all
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        duck = summarize_customers(path, customers=ids)
    ref = summarize_customers(df, customers=ids)
    pd.testing.assert_frame_equal(duck, ref, **EQ)
    assert (duck["frequency"] == 0).sum() >= 10 and "margin" in duck


def test_checks_ride_along_the_one_scan_and_name_the_first_offender(tmp_path, monkeypatch, capsys):
    """A clean file is read by two statements (checks in a scan without GROUP BY, then the GROUP BY),
    and each kind of bad row still gets the pandas path's message (column, count, first offender)."""
    df = _generated(n=300, ids="int")
    plain = df[(df["amount"] > 0) & ~df["is_return"]].drop(columns="tender_result")   # purchases only
    for data in (plain, plain.drop(columns="order_id")):   # the GROUP BY without FILTER
        data.to_parquet(tmp_path / "plain.parquet")
        for kw in ({}, {"as_of": "2023-11-30"}):
            got, ref = summarize_customers(tmp_path / "plain.parquet", **kw), summarize_customers(data, **kw)
            pd.testing.assert_frame_equal(got, ref, **EQ)
            assert got.attrs == ref.attrs and ref["n_returns"].sum() == 0
    path = tmp_path / "ok.parquet"
    df.to_parquet(path)
    monkeypatch.setenv("CRMLEARN_DUCKDB_DEBUG", "1")
    for kw in ({}, {"as_of": "2023-11-30"}):
        pd.testing.assert_frame_equal(summarize_customers(path, **kw), summarize_customers(df, **kw), **EQ)
        got = summarize_customers(path, **kw)
        ref = summarize_customers(df, **kw)
        assert got.attrs == ref.attrs
        statements = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("[crmlearn duckdb]")]
        assert len(statements) == 4, statements   # two calls
        assert ["GROUP BY" in ln for ln in statements] == [False, True, False, True], statements
    monkeypatch.delenv("CRMLEARN_DUCKDB_DEBUG")
    later = summarize_customers(df, as_of="2023-03-01")
    assert later.attrs["excluded_customers"] > 0 or later.attrs["excluded_rows"] > 0
    got = summarize_customers(path, as_of="2023-03-01")
    pd.testing.assert_frame_equal(got, later, **EQ)
    assert got.attrs == later.attrs
    bad_id = df.astype({"customer_id": "float64"})
    bad_id.loc[5, "customer_id"] = np.nan
    bad_id.to_parquet(tmp_path / "no_id.parquet")   # (pandas names the id 'nan', DuckDB 'None')
    with pytest.raises(CRMDataError, match="1 row has a missing 'customer_id' value"):
        summarize_customers(tmp_path / "no_id.parquet")
    bad_flag = df.assign(is_return=df["is_return"].astype(int))
    bad_flag.loc[9, "is_return"] = 2
    assert "must be true/false, found 2" in _same_error(bad_flag, tmp_path, summarize_customers)
    missing_flag = df.assign(is_return=df["is_return"].astype("boolean"))
    missing_flag.loc[3, "is_return"] = pd.NA
    assert "missing 'is_return'" in _same_error(missing_flag, tmp_path, summarize_customers)
    missing_cost = df.assign(cost=df["cost"].where(df.index != 11))
    assert "missing 'cost'" in _same_error(missing_cost, tmp_path, summarize_customers)
    late_bad = df.assign(order_date=df["order_date"].astype(str))   # text dates, one bad after as_of
    late_bad.loc[late_bad["order_date"].idxmax(), "order_date"] = "never"
    csv = tmp_path / "late.csv"
    late_bad.to_csv(csv, index=False)
    with pytest.raises(CRMDataError, match="value that is not a date .*'never'"):
        summarize_customers(csv, as_of="2023-03-01")


def test_sorting_order_of_customer_ids():
    from crmlearn._core.duck import _sorting_order

    rng = np.random.default_rng(3)
    for ids in (rng.permutation(5000) - 100,                                       # dense, some negative
                rng.choice(10**12, 3000, replace=False),                           # sparse
                rng.permutation(200).astype(np.uint32) + 7,
                np.array([f"K{i}" for i in rng.permutation(500)], dtype=object)):  # text
        order = _sorting_order(ids)
        assert (ids[order] == np.sort(ids)).all() and len(order) == len(ids)
