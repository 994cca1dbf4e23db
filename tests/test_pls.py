"""Tests for crmlearn.satisfaction.PLSPathModel (PLS path modelling, ACSI / ECSI layout)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmlearn import CRMDataError, NotFittedError
from crmlearn.satisfaction import PLSPathModel, cronbach_alpha

ECSI_BLOCKS = {
    "IMAG": [f"imag{i}" for i in range(1, 6)],
    "EXPE": [f"expe{i}" for i in range(1, 6)],
    "QUAL": [f"qual{i}" for i in range(1, 6)],
    "VAL": [f"val{i}" for i in range(1, 5)],
    "SAT": [f"sat{i}" for i in range(1, 5)],
    "LOY": [f"loy{i}" for i in range(1, 5)],
}
ECSI_PATHS = [("IMAG", "EXPE"), ("IMAG", "SAT"), ("IMAG", "LOY"), ("EXPE", "QUAL"), ("EXPE", "VAL"),
              ("EXPE", "SAT"), ("QUAL", "VAL"), ("QUAL", "SAT"), ("VAL", "SAT"), ("SAT", "LOY")]

# R plspm on its 'satisfaction' data (centroid scheme, mode A, scaled = FALSE), as listed in
# ../shared/data/README.md
PLSPM_PATHS = {("IMAG", "EXPE"): 0.579, ("EXPE", "QUAL"): 0.848, ("EXPE", "VAL"): 0.106, ("QUAL", "VAL"): 0.677,
               ("IMAG", "SAT"): 0.201, ("EXPE", "SAT"): -0.003, ("QUAL", "SAT"): 0.122, ("VAL", "SAT"): 0.589,
               ("IMAG", "LOY"): 0.275, ("SAT", "LOY"): 0.496}
PLSPM_R2 = {"EXPE": 0.335, "QUAL": 0.720, "VAL": 0.590, "SAT": 0.707, "LOY": 0.510}


@pytest.fixture
def ecsi(shared_data):
    return pd.read_csv(shared_data / "ecsi_bank" / "satisfaction.csv", index_col=0)


@pytest.fixture(scope="module")
def simulated():
    """Two latent variables with a known structure: QUAL -> SAT -> LOY."""
    rng = np.random.default_rng(42)
    n = 4000
    q = rng.normal(size=n)
    s = 0.6 * q + rng.normal(scale=0.8, size=n)
    s /= s.std()
    loy = 0.5 * s + rng.normal(scale=np.sqrt(0.75), size=n)
    cols = {}
    for name, lv in (("q", q), ("s", s), ("l", loy)):
        for i in range(1, 5):
            cols[f"{name}{i}"] = lv + rng.normal(scale=0.3, size=n)
    return pd.DataFrame(cols)


SIM_BLOCKS = {"QUAL": ["q1", "q2", "q3", "q4"], "SAT": ["s1", "s2", "s3", "s4"], "LOY": ["l1", "l2", "l3", "l4"]}
SIM_PATHS = [("QUAL", "SAT"), ("SAT", "LOY")]


# ----------------------------------------------------------------------------------------------
# the published reference
# ----------------------------------------------------------------------------------------------
def test_ecsi_matches_plspm_centroid(ecsi):
    model = PLSPathModel(ECSI_BLOCKS, ECSI_PATHS, scheme="centroid").fit(ecsi)
    assert model.fit(ecsi) is model
    got = {(r["from"], r["to"]): r["coefficient"] for _, r in model.path_coefficients_.iterrows()}
    assert set(got) == set(PLSPM_PATHS)
    for path, ref in PLSPM_PATHS.items():
        assert got[path] == pytest.approx(ref, abs=0.001), path
    assert list(model.path_coefficients_.columns) == ["from", "to", "coefficient"]
    for lv, ref in PLSPM_R2.items():
        assert model.r2_[lv] == pytest.approx(ref, abs=0.001), lv
    assert set(model.r2_.index) == set(PLSPM_R2)  # IMAG is exogenous: no R2


def test_ecsi_other_schemes_are_close(ecsi):
    # the weighting scheme hardly matters on this model (Tenenhaus et al. 2005 observe the same)
    for scheme in ("factorial", "path"):
        model = PLSPathModel(ECSI_BLOCKS, ECSI_PATHS, scheme=scheme).fit(ecsi)
        coefs = model.path_coefficients_.set_index(["from", "to"])["coefficient"]
        for path, ref in PLSPM_PATHS.items():
            assert coefs[path] == pytest.approx(ref, abs=0.01), (scheme, path)


def test_ecsi_scaled_differs_but_is_sensible(ecsi):
    # standardising the items changes the weights and so the paths (by about 0.02 here)
    unscaled = PLSPathModel(ECSI_BLOCKS, ECSI_PATHS).fit(ecsi).path_coefficients_["coefficient"]
    scaled = PLSPathModel(ECSI_BLOCKS, ECSI_PATHS, scaled=True).fit(ecsi).path_coefficients_["coefficient"]
    assert np.abs(scaled - unscaled).max() > 0.005
    assert np.abs(scaled - unscaled).max() < 0.05


def test_ecsi_measurement_model(ecsi):
    # the file is described as 1-10, but 98 answers are 0: the scale is 0-10
    with pytest.raises(CRMDataError, match="answer outside the scale 1-10"):
        PLSPathModel(ECSI_BLOCKS, ECSI_PATHS, scale=(1, 10)).fit(ecsi)
    model = PLSPathModel(ECSI_BLOCKS, ECSI_PATHS, scale=(0, 10)).fit(ecsi)
    om = model.outer_model_
    assert list(om.columns) == ["block", "weight", "loading", "communality", "index_weight"]
    assert len(om) == 27 and (om["loading"] > 0.5).all()
    assert model.outer_weights_.index.equals(om.index) and model.loadings_.index.equals(om.index)
    # scores: mean 0, (population) variance 1, indexed like the data
    assert model.scores_.index.equals(ecsi.index)
    assert np.allclose(model.scores_.mean(), 0) and np.allclose(model.scores_.std(ddof=0), 1)
    # a loading is the correlation of the item with its own score
    assert om.loc["sat1", "loading"] == pytest.approx(np.corrcoef(ecsi["sat1"], model.scores_["SAT"])[0, 1])
    # AVE = mean squared loading; composite reliability from the loadings
    lam = om.loc[om.block == "SAT", "loading"]
    assert model.ave_["SAT"] == pytest.approx((lam**2).mean())
    cr = lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum())
    assert model.composite_reliability_["SAT"] == pytest.approx(cr)
    assert model.ave_.between(0.5, 1).all() and model.composite_reliability_.between(0.8, 1).all()
    # GoF = sqrt(mean communality * mean R2)
    assert model.gof_ == pytest.approx(np.sqrt(om["communality"].mean() * model.r2_.mean()))
    assert 0.55 < model.gof_ < 0.65
    # index weights sum to one per block; indices on 0-100, the score is a linear map of the index
    assert np.allclose(om.groupby("block")["index_weight"].sum(), 1)
    assert model.index_.stack().between(0, 100).all()
    assert np.corrcoef(model.index_["SAT"], model.scores_["SAT"])[0, 1] == pytest.approx(1)
    summary = model.summary()
    assert list(summary.index) == list(ECSI_BLOCKS)
    assert summary.loc["IMAG", "cronbach_alpha"] == pytest.approx(
        cronbach_alpha(ecsi[ECSI_BLOCKS["IMAG"]])["alpha"])
    assert summary.loc["SAT", "r2"] == pytest.approx(model.r2_["SAT"]) and np.isnan(summary.loc["IMAG", "r2"])


def test_effects_decompose(ecsi):
    model = PLSPathModel(ECSI_BLOCKS, ECSI_PATHS).fit(ecsi)
    eff = model.effects_.set_index(["from", "to"])
    assert np.allclose(eff["total"], eff["direct"] + eff["indirect"])
    b = model.path_coefficients_.set_index(["from", "to"])["coefficient"]
    # EXPE -> SAT: direct, via QUAL, via VAL, via QUAL -> VAL
    total = (b["EXPE", "SAT"] + b["EXPE", "QUAL"] * b["QUAL", "SAT"] + b["EXPE", "VAL"] * b["VAL", "SAT"]
             + b["EXPE", "QUAL"] * b["QUAL", "VAL"] * b["VAL", "SAT"])
    assert eff.loc[("EXPE", "SAT"), "total"] == pytest.approx(total)
    assert eff.loc[("EXPE", "LOY"), "direct"] == 0 and eff.loc[("EXPE", "LOY"), "total"] > 0


def test_bootstrap_is_seeded_and_covers_the_estimate(ecsi):
    model = PLSPathModel(ECSI_BLOCKS, ECSI_PATHS).fit(ecsi)
    a = model.bootstrap(ecsi, n_boot=60, random_state=7)
    b = PLSPathModel(ECSI_BLOCKS, ECSI_PATHS).fit(ecsi).bootstrap(ecsi, n_boot=60, random_state=7)
    pd.testing.assert_frame_equal(a, b)
    assert model.bootstrap_ is a
    assert list(a.columns) == ["from", "to", "coefficient", "boot_mean", "boot_se", "ci_low", "ci_high"]
    assert (a["ci_low"] <= a["coefficient"]).all() and (a["coefficient"] <= a["ci_high"]).all()
    sig = a.set_index(["from", "to"])
    assert sig.loc[("EXPE", "QUAL"), "ci_low"] > 0.7          # a strong path stays away from 0
    assert sig.loc[("EXPE", "SAT"), "ci_low"] < 0 < sig.loc[("EXPE", "SAT"), "ci_high"]  # a null one covers it
    c = model.bootstrap(ecsi, n_boot=60, random_state=8)
    assert not np.allclose(a["ci_low"], c["ci_low"])


# ----------------------------------------------------------------------------------------------
# a model with a known answer
# ----------------------------------------------------------------------------------------------
def test_recovers_simulated_structure(simulated):
    model = PLSPathModel(SIM_BLOCKS, SIM_PATHS).fit(simulated)
    coefs = model.path_coefficients_.set_index(["from", "to"])["coefficient"]
    # reliable blocks (4 items, noise sd 0.3): PLS is close to the true 0.6 and 0.5
    assert coefs["QUAL", "SAT"] == pytest.approx(0.6, abs=0.04)
    assert coefs["SAT", "LOY"] == pytest.approx(0.5, abs=0.04)
    assert model.r2_["SAT"] == pytest.approx(coefs["QUAL", "SAT"] ** 2)  # one predictor: R2 = beta^2


def test_sign_orientation_follows_the_items(simulated):
    flipped = simulated.copy()
    for c in SIM_BLOCKS["SAT"]:
        flipped[c] = -flipped[c]
    model = PLSPathModel(SIM_BLOCKS, SIM_PATHS).fit(flipped)
    # the items now run the other way, so SAT is "dissatisfaction": the paths turn negative
    coefs = model.path_coefficients_.set_index(["from", "to"])["coefficient"]
    assert coefs["QUAL", "SAT"] < -0.5 and coefs["SAT", "LOY"] < -0.4
    assert (model.loadings_[SIM_BLOCKS["SAT"]] > 0).all()


def test_single_item_block_and_mode_b(simulated):
    blocks = {"QUAL": ["q1", "q2", "q3", "q4"], "SAT": ["s1"], "LOY": ["l1", "l2", "l3", "l4"]}
    model = PLSPathModel(blocks, SIM_PATHS).fit(simulated)
    assert model.loadings_["s1"] == pytest.approx(1)
    assert np.isnan(model.summary().loc["SAT", "cronbach_alpha"])
    formative = PLSPathModel(SIM_BLOCKS, SIM_PATHS, modes={"QUAL": "B"}).fit(simulated)
    assert formative.summary().loc["QUAL", "mode"] == "B"
    assert formative.path_coefficients_["coefficient"].iloc[0] == pytest.approx(0.6, abs=0.05)


def test_input_not_mutated(simulated):
    before = simulated.copy()
    m = PLSPathModel(SIM_BLOCKS, SIM_PATHS, scaled=True).fit(simulated)
    m.bootstrap(simulated, n_boot=5)
    pd.testing.assert_frame_equal(simulated, before)


# ----------------------------------------------------------------------------------------------
# clear errors
# ----------------------------------------------------------------------------------------------
def test_specification_errors(simulated):
    with pytest.raises(CRMDataError, match="path 'QUAL' -> 'VALUE' names the unknown block 'VALUE'"):
        PLSPathModel(SIM_BLOCKS, [("QUAL", "VALUE")]).fit(simulated)
    with pytest.raises(CRMDataError, match="cycle \\(QUAL -> SAT -> LOY -> QUAL\\)"):
        PLSPathModel(SIM_BLOCKS, SIM_PATHS + [("LOY", "QUAL")]).fit(simulated)
    with pytest.raises(CRMDataError, match="cycle \\(SAT -> SAT\\)"):
        PLSPathModel(SIM_BLOCKS, SIM_PATHS + [("SAT", "SAT")]).fit(simulated)
    with pytest.raises(CRMDataError, match="\\['LOY'\\] are on no path"):
        PLSPathModel(SIM_BLOCKS, [("QUAL", "SAT")]).fit(simulated)
    with pytest.raises(CRMDataError, match="item 'q1' is in block 'QUAL' and in block 'SAT'"):
        PLSPathModel({"QUAL": ["q1", "q2"], "SAT": ["q1", "s2"]}, [("QUAL", "SAT")]).fit(simulated)
    with pytest.raises(CRMDataError, match="listed twice"):
        PLSPathModel(SIM_BLOCKS, SIM_PATHS + [("QUAL", "SAT")]).fit(simulated)
    with pytest.raises(CRMDataError, match="scheme='mode' is not allowed"):
        PLSPathModel(SIM_BLOCKS, SIM_PATHS, scheme="mode").fit(simulated)
    with pytest.raises(TypeError, match="blocks must be a dict"):
        PLSPathModel([["q1"]], SIM_PATHS).fit(simulated)
    with pytest.raises(TypeError, match="each path must be a \\(from, to\\) pair"):
        PLSPathModel(SIM_BLOCKS, [("QUAL", "SAT", "LOY")]).fit(simulated)


def test_data_errors(simulated):
    with pytest.raises(CRMDataError, match="column 'q9' not found"):
        PLSPathModel({"QUAL": ["q1", "q9"], "SAT": ["s1"]}, [("QUAL", "SAT")]).fit(simulated)
    holes = simulated.copy()
    holes.loc[5, "s2"] = np.nan
    with pytest.raises(CRMDataError, match="1 row has a missing 's2' value"):
        PLSPathModel(SIM_BLOCKS, SIM_PATHS).fit(holes)
    flat = simulated.copy()
    flat["q2"] = 3.0
    with pytest.raises(CRMDataError, match="item 'q2' has the same value for every respondent"):
        PLSPathModel(SIM_BLOCKS, SIM_PATHS).fit(flat)
    with pytest.raises(NotFittedError, match="PLSPathModel is not fitted yet. Call .fit\\(data\\) first."):
        PLSPathModel(SIM_BLOCKS, SIM_PATHS).summary()
    model = PLSPathModel(SIM_BLOCKS, SIM_PATHS).fit(simulated)
    with pytest.raises(CRMDataError, match="fitted on 4000 rows but data has 10"):
        model.bootstrap(simulated.head(10))
    with pytest.raises(CRMDataError, match="did not converge in max_iter=1"):
        PLSPathModel(SIM_BLOCKS, SIM_PATHS, max_iter=1).fit(simulated)


def test_course_survey_index_model():
    """A small satisfaction index model on the course survey gives the signs the chapter teaches."""
    import crmlearn
    from crmlearn.satisfaction import SURVEY_ITEMS

    survey = crmlearn.load_dataset("survey")
    blocks = {"EXPE": [f"exp_{it}" for it in SURVEY_ITEMS], "QUAL": [f"per_{it}" for it in SURVEY_ITEMS],
              "SAT": ["overall_satisfaction"],
              "LOY": ["repurchase_intent", "likelihood_to_recommend", "emotional_attachment"]}
    paths = [("EXPE", "QUAL"), ("EXPE", "SAT"), ("QUAL", "SAT"), ("SAT", "LOY"), ("QUAL", "LOY")]
    scale = {c: (1, 7) for c in blocks["EXPE"] + blocks["QUAL"]} | {
        "overall_satisfaction": (1, 5), "repurchase_intent": (1, 5), "emotional_attachment": (1, 5),
        "likelihood_to_recommend": (0, 10)}
    model = PLSPathModel(blocks, paths, scaled=True, scale=scale).fit(survey)
    b = model.path_coefficients_.set_index(["from", "to"])["coefficient"]
    assert b["QUAL", "SAT"] > 0.5 and b["SAT", "LOY"] > 0.5
    assert b["EXPE", "SAT"] < 0   # at equal perception, higher expectations mean lower satisfaction
    assert model.r2_["SAT"] > 0.5
    # the one-item SAT index is the rescaled answer: 87% say 4 or 5, so the mean index is high
    assert model.index_["SAT"].mean() == pytest.approx(100 * (survey["overall_satisfaction"].mean() - 1) / 4)
    assert model.index_.stack().between(0, 100).all()
