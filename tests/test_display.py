"""crmlearn.display.pretty: formatting for reading, without touching the computed table."""
import numpy as np
import pandas as pd
import pytest

from crmlearn import CRMDataError
from crmlearn.display import pretty


def test_pretty_formats_named_columns_and_rounds_the_rest():
    t = pd.DataFrame({"n": [1, 2], "share": [0.12345, np.nan], "cny": [1234567.891, 5.0], "x": [1.23456, 2.0],
                      "name": ["a", "b"]})
    before = t.copy()
    out = pretty(t, percent=["share"], money="cny", digits=2, money_digits=1)
    assert out["share"].tolist() == ["12.35%", ""]
    assert out["cny"].tolist() == ["1,234,567.9", "5.0"]
    assert out["x"].tolist() == [1.23, 2.0]
    assert out["n"].tolist() == [1, 2] and out["name"].tolist() == ["a", "b"]
    pd.testing.assert_frame_equal(t, before)


def test_pretty_series_and_errors():
    assert pretty(pd.Series([1234.5]), money=True).tolist() == ["1,234"]
    with pytest.raises(CRMDataError, match="pretty: column 'shares' not found"):
        pretty(pd.DataFrame({"share": [0.1]}), percent="shares")
    with pytest.raises(TypeError, match="DataFrame or Series"):
        pretty([1, 2])
