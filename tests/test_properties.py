"""Issue 8: invariants on finite values up to 1e308 (hypothesis)."""
from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings, strategies as st

from crmlearn.grading import abc_classify, customer_pyramid, gini, lorenz_curve, pareto_table, top_share

values = st.lists(st.floats(min_value=0, max_value=1e308, allow_nan=False, allow_infinity=False),
                  min_size=1, max_size=60).filter(lambda v: sum(x > 0 for x in v) > 0)


@settings(max_examples=150, deadline=None)
@given(values)
def test_shares_sum_to_one_and_gini_is_finite(v):
    df = pd.DataFrame({"monetary": v})
    before = df.copy()
    abc = abc_classify(df)
    assert np.isfinite(abc["share"]).all()
    assert abs(abc["share"].sum() - 1) < 1e-9
    assert set(abc["abc_class"]) <= {"A", "B", "C"} and len(abc) == len(df)
    assert abs(pareto_table(df)["cum_share"].iloc[-1] - 1) < 1e-9
    assert abs(lorenz_curve(df)["cum_value_share"].iloc[-1] - 1) < 1e-9
    g = gini(df)
    assert np.isfinite(g) and 0 <= g <= 1
    assert 0 < top_share(df, top=0.2) <= 1 + 1e-12
    pd.testing.assert_frame_equal(df, before)


@settings(max_examples=100, deadline=None)
@given(values)
def test_pyramid_levels_partition_the_customers(v):
    df = pd.DataFrame({"monetary": v})
    pyr = customer_pyramid(df, levels={"gold": 0.2, "silver": 0.3, "bronze": 0.5})
    assert len(pyr) == len(df) and pyr["level"].notna().all()
    assert pyr.index.equals(df.index)
