"""The one model convention (crmlearn._core.model.Model) on every fitted model of crmlearn.

BetaGeo, GammaGamma (clv), ShiftedBetaGeometric (retention) and PLSPathModel (satisfaction):
get_params/set_params so scikit-learn's clone works, learned attributes (ending in "_") set only by
fit, "call .fit(data) first" before it, one summary() DataFrame, per-customer predictions as a
Series on the customers' index.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from crmlearn import NotFittedError
from crmlearn._core.model import Model
from crmlearn.clv import BetaGeo, GammaGamma, simulate_bgnbd, simulate_gamma_gamma
from crmlearn.retention import ShiftedBetaGeometric
from crmlearn.satisfaction import PLSPathModel

BLOCKS = {"QUAL": ["q1", "q2"], "SAT": ["s1", "s2"]}
PATHS = [("QUAL", "SAT")]


def _bg_data():
    data = simulate_bgnbd(3000, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, random_state=2)
    data.index = pd.Index([f"C{i:05d}" for i in range(len(data))][::-1], name="customer_id")
    data["monetary_value"] = simulate_gamma_gamma(data["frequency"], {"p": 6, "q": 4, "gamma": 15}, random_state=3)
    return data


def _pls_data():
    rng = np.random.default_rng(0)
    q = rng.normal(size=300)
    s = 0.7 * q + rng.normal(scale=0.7, size=300)
    df = pd.DataFrame({"q1": q + rng.normal(scale=0.5, size=300), "q2": q + rng.normal(scale=0.5, size=300),
                       "s1": s + rng.normal(scale=0.5, size=300), "s2": s + rng.normal(scale=0.5, size=300)})
    df.index = pd.Index([f"R{i}" for i in range(300)], name="respondent")
    return df


MODELS = {
    "BetaGeo": (lambda: BetaGeo(penalizer=0.001), _bg_data, {"penalizer": 0.01}),
    "GammaGamma": (lambda: GammaGamma(penalizer=0.0), _bg_data, {"max_iter": 500}),
    "ShiftedBetaGeometric": (lambda: ShiftedBetaGeometric(), lambda: [1000, 631, 468, 382, 326], {"tol": 1e-10}),
    "PLSPathModel": (lambda: PLSPathModel(BLOCKS, PATHS), _pls_data, {"scheme": "path"}),
}


@pytest.fixture(params=list(MODELS), ids=list(MODELS))
def case(request):
    make, data, change = MODELS[request.param]
    return make, data(), change


def _learned(model):
    return sorted(k for k in vars(model) if k.endswith("_") and not k.startswith("_"))


def test_every_model_uses_the_base(case):
    make, _, _ = case
    assert isinstance(make(), Model)


def test_get_params_set_params_and_clone(case):
    make, data, change = case
    model = make()
    params = model.get_params()
    assert params, "no settings"
    assert set(params) == set(type(model)._param_names())
    copy = clone(model)
    assert type(copy) is type(model) and copy is not model
    assert copy.get_params().keys() == params.keys()
    for k, v in params.items():
        assert copy.get_params()[k] == v
    assert model.set_params(**change) is model
    for k, v in change.items():
        assert model.get_params()[k] == v
    with pytest.raises(ValueError, match="unknown setting 'no_such_setting'"):
        model.set_params(no_such_setting=1)


def test_learned_attributes_only_after_fit(case):
    make, data, _ = case
    model = make()
    assert _learned(model) == [], f"__init__ set learned attributes {_learned(model)}"
    assert not model.is_fitted
    with pytest.raises(NotFittedError, match=r"is not fitted yet\. Call \.fit\(data\) first\."):
        model.summary()
    assert model.fit(data) is model
    assert model.is_fitted and _learned(model)
    table = model.summary()
    assert isinstance(table, pd.DataFrame) and len(table) > 0
    # a clone of a fitted model is unfitted and has the same settings
    fresh = clone(model)
    assert not fresh.is_fitted and _learned(fresh) == []
    assert fresh.get_params().keys() == model.get_params().keys()


def test_refit_after_set_params_changes_the_result():
    data = _bg_data()
    a = BetaGeo().fit(data)
    b = clone(a).set_params(penalizer=0.5).fit(data)
    assert not np.allclose(a.params_.to_numpy(), b.params_.to_numpy())


def test_predictions_are_series_on_the_customers_index():
    data = _bg_data()
    bg = BetaGeo().fit(data)
    gg = GammaGamma().fit(data[data["frequency"] > 0])
    for pred in (bg.expected_purchases(data, 10), bg.probability_alive(data), gg.expected_spend(data)):
        assert isinstance(pred, pd.Series)
        assert pred.index.equals(data.index)
    pls = PLSPathModel(BLOCKS, PATHS)
    survey = _pls_data()
    pls.fit(survey)
    assert pls.scores_.index.equals(survey.index)


def test_unfitted_predictions_say_fit_first():
    data = _bg_data()
    with pytest.raises(NotFittedError, match=r"BetaGeo is not fitted yet\. Call \.fit\(data\) first\."):
        BetaGeo().probability_alive(data)
    with pytest.raises(NotFittedError, match=r"GammaGamma is not fitted yet"):
        GammaGamma().expected_spend(data)
    with pytest.raises(NotFittedError, match=r"ShiftedBetaGeometric is not fitted yet"):
        ShiftedBetaGeometric().survival(3)
    with pytest.raises(NotFittedError, match=r"PLSPathModel is not fitted yet"):
        PLSPathModel(BLOCKS, PATHS).bootstrap(_pls_data(), n_boot=5)
