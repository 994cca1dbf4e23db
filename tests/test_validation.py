"""The shared input checks give the messages DESIGN.md promises."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmlearn._validation import (
    CRMDataError, NotFittedError, check_choice, check_columns, check_fitted, check_fraction,
    check_no_missing, check_non_negative, check_numeric, check_positive_int, check_table,
)


@pytest.fixture
def table():
    return pd.DataFrame({"customer_id": ["C00001", "C00002", "C00017"], "amount": [10.0, 20.0, np.nan],
                         "region": ["East", "North", "East"]})


def test_crmdataerror_is_a_valueerror():
    assert issubclass(CRMDataError, ValueError)
    assert issubclass(NotFittedError, CRMDataError)


def test_missing_column_lists_available_and_suggests_only_a_close_name(table):
    # issue 8: no column is close to 'monetary', so none is suggested (it used to say value='amount')
    with pytest.raises(CRMDataError, match=r"abc_classify: column 'monetary' not found\. Available: \['customer_id', 'amount', 'region'\]\. Pass value=<the column that holds it>\."):
        check_columns(table, ["monetary"], func="abc_classify", param="value")
    with pytest.raises(CRMDataError, match=r"Pass value='amount'\."):
        check_columns(table, ["amout"], func="abc_classify", param="value")


def test_present_columns_pass(table):
    check_columns(table, ["amount", "region"], func="f")


def test_missing_values_counted_and_first_customer_named(table):
    with pytest.raises(CRMDataError, match=r"rfm_scores: 1 row has a missing 'amount' value \(first: customer C00017\)\. Drop or fill them first\."):
        check_no_missing(table, ["amount"], func="rfm_scores")


def test_missing_values_named_by_index_when_no_customer_column():
    df = pd.DataFrame({"x": [1.0, None, None]}, index=pd.Index(["a", "b", "c"], name="customer_id"))
    with pytest.raises(CRMDataError, match=r"2 rows have a missing 'x' value \(first: customer b\)"):
        check_no_missing(df, ["x"], func="f")


def test_non_numeric_column_named_with_first_bad_value(table):
    df = table.assign(amount=["10", "x", "3"])
    with pytest.raises(CRMDataError, match=r"f: column 'amount' must be numeric.*first: customer C00002, value 'x'.*pandas.to_numeric"):
        check_numeric(df, ["amount"], func="f")


def test_numeric_and_bool_columns_pass(table):
    check_numeric(table.assign(flag=[True, False, True]), ["amount", "flag"], func="f")


def test_negative_values(table):
    df = table.assign(amount=[1.0, -5.0, 2.0])
    with pytest.raises(CRMDataError, match=r"1 row has a negative 'amount' value \(first: customer C00002"):
        check_non_negative(df, ["amount"], func="f")


def test_table_type_and_empty():
    with pytest.raises(TypeError, match="must be a pandas DataFrame, got dict"):
        check_table({"a": [1]}, func="f")
    with pytest.raises(CRMDataError, match="empty"):
        check_table(pd.DataFrame({"a": []}), func="f")
    assert check_table(pd.DataFrame({"a": []}), func="f", allow_empty=True).empty


def test_choices_fractions_ints():
    assert check_choice("mean", ["mean", "median"], func="f", param="p") == "mean"
    with pytest.raises(CRMDataError, match=r"f: p='mode' is not allowed\. Choose one of \['mean', 'median'\]"):
        check_choice("mode", ["mean", "median"], func="f", param="p")
    assert check_fraction(0.2, func="f", param="top") == 0.2
    for bad in (0, 1, 1.5, -0.1, float("nan")):
        with pytest.raises(CRMDataError, match="top must be"):
            check_fraction(bad, func="f", param="top")
    with pytest.raises(TypeError):
        check_fraction("0.2", func="f", param="top")
    assert check_positive_int(5, func="f", param="bins") == 5
    with pytest.raises(CRMDataError, match="bins must be at least 2"):
        check_positive_int(1, func="f", param="bins", minimum=2)
    with pytest.raises(TypeError):
        check_positive_int(2.5, func="f", param="bins")


def test_fitted():
    class Model:
        params_ = None

    with pytest.raises(NotFittedError, match=r"Model is not fitted yet\. Call \.fit\(data\) first\."):
        check_fitted(Model())
    m = Model()
    m.params_ = pd.Series([1.0])
    check_fitted(m)


def test_checks_do_not_mutate(table):
    before = table.copy()
    for f in (lambda: check_columns(table, ["amount"], func="f"), lambda: check_numeric(table, ["amount"], func="f")):
        f()
    pd.testing.assert_frame_equal(table, before)
