"""Issue 8: every bad input of the issue's list gets a clear error or a correct result."""
from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from crmlearn import CRMDataError
from crmlearn.clv import rfm_summary
from crmlearn.customers import summarize_customers
from crmlearn.grading import abc_classify, customer_pyramid, gini, pareto_table, pyramid_summary, rfm_scores
from crmlearn.loyalty import switching_cost_index


@pytest.fixture
def tx():
    return pd.DataFrame({"customer_id": ["C1", "C1", "C2", "C3"],
                         "order_date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-15", "2024-03-01"]),
                         "amount": [10.0, 20.0, 5.0, 7.0]})


def test_empty_and_nat_text_dates_are_refused_not_negative_tenure(tx):
    for bad in ("", "NaT"):
        t = tx.assign(order_date=["2024-01-01", bad, "2024-01-15", "2024-03-01"])
        with pytest.raises(CRMDataError, match=rf"summarize_customers: column 'order_date'.*customer C1, value '{bad}'"):
            summarize_customers(t)


def test_inf_amount_is_refused(tx):
    with pytest.raises(CRMDataError, match=r"summarize_customers: 1 row has an infinite 'amount' value \(first: customer C2, value inf\)"):
        summarize_customers(tx.assign(amount=[10.0, 20.0, np.inf, 7.0]))


def test_gini_and_abc_of_huge_values_stay_finite():
    df = pd.DataFrame({"monetary": [1e308, 1e308, 5e307, 1.0]})
    g = gini(df)
    assert np.isfinite(g) and 0 < g < 1
    abc = abc_classify(df)
    assert abc["share"].sum() == pytest.approx(1.0)
    assert pareto_table(df)["cum_share"].iloc[-1] == pytest.approx(1.0)


def test_rfm_scores_large_bins_refused_clearly():
    df = pd.DataFrame({"recency_days": np.arange(200.0), "frequency": np.arange(200.0), "monetary": np.arange(200.0)})
    with pytest.raises(CRMDataError, match=r"rfm_scores: bins=130 is more than 99"):
        rfm_scores(df, bins=130)
    s = rfm_scores(df, bins=99)
    assert s[["R", "F", "M"]].min().min() >= 1 and s[["R", "F", "M"]].max().max() <= 99


def test_mixed_type_ids_are_merged_with_a_warning(tx):
    t = tx.assign(customer_id=pd.Series([1, "1", 2, 3], dtype=object))
    with pytest.warns(UserWarning, match=r"mixes id types.*1 ids merged"):
        s = summarize_customers(t)
    assert len(s) == 3 and s.loc["1", "frequency"] == 2


def test_a_list_where_a_column_name_is_due(tx):
    with pytest.raises(TypeError, match=r"summarize_customers: customer=\['customer_id'\] must be one column name \(a string\), got list"):
        summarize_customers(tx, customer=["customer_id"])
    with pytest.raises(TypeError, match=r"abc_classify: value=3 must be one column name"):
        abc_classify(pd.DataFrame({"monetary": [1.0]}), value=3)


def test_duplicate_column_names(tx):
    t = pd.concat([tx, tx[["amount"]]], axis=1)
    with pytest.raises(CRMDataError, match=r"summarize_customers: transactions has duplicate column names \['amount'\]"):
        summarize_customers(t)


def test_non_pandas_tables(tx):
    # polars is not a dependency: a stand-in with polars' module name and to_pandas() is what is checked
    FakePolars = type("DataFrame", (), {"__module__": "polars.dataframe.frame", "to_pandas": lambda self: tx})
    with pytest.raises(TypeError, match=r"got a polars DataFrame\. Convert it with transactions\.to_pandas\(\)"):
        summarize_customers(FakePolars())


def test_numpy_and_arrow_tables(tx):
    import pyarrow as pa
    with pytest.raises(TypeError, match=r"abc_classify: data must be a pandas DataFrame with named columns, got a numpy array"):
        abc_classify(np.ones((3, 2)))
    with pytest.raises(TypeError, match=r"got a pyarrow Table\. Convert it with transactions\.to_pandas\(\)"):
        summarize_customers(pa.Table.from_pandas(tx))


def test_monthly_revenue_missing_amount_raises(tx):
    from crmlearn.overview import monthly_revenue
    with pytest.raises(CRMDataError, match="missing 'amount'"):
        monthly_revenue(tx.assign(amount=[1.0, None, 2.0, 3.0]))


def test_abc_on_a_transaction_table_points_to_summarize_customers(tx):
    with pytest.raises(CRMDataError, match=r"looks like a transaction table.*summarize_customers\(transactions\), then abc_classify\(summary\)") as e:
        abc_classify(tx)
    assert "value='amount'" not in str(e.value)


def test_round_off_below_zero_counts_as_zero():
    df = pd.DataFrame({"monetary": [100.0, 50.0, -5.7e-14]})
    assert abc_classify(df)["share"].iloc[2] == 0.0
    with pytest.raises(CRMDataError, match=r"negative 'monetary' value \(first: customer 2, value -0\.5\)"):
        abc_classify(pd.DataFrame({"monetary": [100.0, 50.0, -0.5]}, index=pd.Index([0, 1, 2], name="customer_id")))


def test_messages_use_plain_numbers_and_the_customer_id_not_the_row_label():
    tx = pd.DataFrame({"CustomerID": [14527, 14528], "order_date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
                       "amount": [10.0, np.nan]}, index=[140, 141])
    with pytest.raises(CRMDataError) as e:
        summarize_customers(tx, customer="CustomerID")
    assert "customer 14528" in str(e.value) and "141" not in str(e.value)
    with pytest.raises(CRMDataError) as e:
        rfm_scores(pd.DataFrame({"recency_days": [np.float64(-27.5)], "frequency": [1.0], "monetary": [1.0]}))
    assert "-27.5" in str(e.value) and "np.float64" not in str(e.value)


def test_switching_cost_errors_name_switching_cost_index():
    with pytest.raises(CRMDataError, match=r"^switching_cost_index:"):
        switching_cost_index(pd.DataFrame({"x": [1, 2]}), items=["nope"])


def test_no_suggestion_when_nothing_is_close(tx):
    with pytest.raises(CRMDataError) as e:
        rfm_scores(pd.DataFrame({"a": [1.0], "b": [1.0], "c": [1.0]}))
    assert "Pass recency=<the column that holds it>" in str(e.value)
    assert not re.search(r"Pass \w+='", str(e.value))


def test_pyramid_core_flag_with_inactive_customers():
    df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 0, 0, 0, 0, 0, 0, 0, 0]})
    pyr = customer_pyramid(df, levels={"gold": 0.25, "silver": 0.25, "bronze": 0.5})
    summ = pyramid_summary(pyr)
    assert summ["core"].to_dict() == {"gold": True, "silver": False, "bronze": False, "inactive": False}


def test_rfm_summary_mixed_offsets_do_not_fail():
    tx = pd.DataFrame({"customer_id": ["A", "A"], "order_date": ["2024-01-01T10:00+08:00", "2024-01-03T10:00Z"]})
    assert rfm_summary(tx).loc["A", "recency"] == 2.0
