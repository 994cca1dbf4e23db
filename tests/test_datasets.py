"""The course data: regeneration, planted structure, integrity, loader typing, cards and package."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import crmlearn
from crmlearn import CRMDataError
from crmlearn.datasets import data_dir, dataset_overview, describe_dataset, list_datasets, load_dataset
from crmlearn.datasets import generate as gen
from crmlearn.datasets._schema import DATASETS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "datasets"
AS_OF = pd.Timestamp("2024-12-31")
ITEMS = ["facilities", "materials", "quality", "delivery", "response_speed", "tech_support", "expertise",
         "attitude", "personalisation", "after_sales"]

# Standard Kano evaluation table (Berger et al. 1993, "Kano's methods for understanding customer-defined
# quality", Center for Quality Management Journal 2(4)): functional answer (row) x dysfunctional answer
# (column), answers 1 like, 2 must-be/expect, 3 neutral, 4 live with, 5 dislike.
KANO_TABLE = {
    1: {1: "Q", 2: "A", 3: "A", 4: "A", 5: "O"},
    2: {1: "R", 2: "I", 3: "I", 4: "I", 5: "M"},
    3: {1: "R", 2: "I", 3: "I", 4: "I", 5: "M"},
    4: {1: "R", 2: "I", 3: "I", 4: "I", 5: "M"},
    5: {1: "R", 2: "R", 3: "R", 4: "R", 5: "Q"},
}


@pytest.fixture(scope="module")
def t():
    """All tables as loaded from the committed files (never from $CRMLEARN_DATA)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("CRMLEARN_DATA", raising=False)
        return {name: load_dataset(name) for name in list_datasets()}


@pytest.fixture(scope="module")
def revenue(t):
    cust, tx = t["customers"], t["transactions"]
    return tx.groupby("customer_id")["amount"].sum().reindex(cust["customer_id"], fill_value=0.0)


@pytest.fixture(scope="module")
def margin(t):
    cust, tx = t["customers"], t["transactions"]
    m = (tx["amount"] - tx["cost"]).groupby(tx["customer_id"]).sum()
    return m.reindex(cust["customer_id"], fill_value=0.0)


# ---------------------------------------------------------------------------------------------
# regeneration, size, package, cards
# ---------------------------------------------------------------------------------------------
def test_regeneration_is_byte_identical(tmp_path, capsys):
    assert gen.main([str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "transactions" in printed and "MB" in printed
    made = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in DATA.iterdir() if p.suffix in (".csv", ".md", ".json"))
    assert made == committed
    for name in made:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), (
            f"datasets/{name} differs from what the generator writes; run "
            "`python -m crmlearn.datasets.generate datasets`")


def test_datasets_folder_is_small():
    total = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    assert total < 15e6, f"datasets/ is {total / 1e6:.1f} MB; keep it under 15 MB"


def test_datapackage_lists_every_csv_with_its_rows_and_columns():
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["licenses"][0]["name"] == "CC0-1.0"
    resources = {r["name"]: r for r in pkg["resources"]}
    csvs = sorted(p.stem for p in DATA.glob("*.csv"))
    assert sorted(resources) == csvs
    assert [r["name"] for r in pkg["resources"]] == list_datasets()
    for name, res in resources.items():
        lines = (DATA / res["path"]).read_text(encoding="utf-8").splitlines()
        assert res["rows"] == len(lines) - 1, name
        header = lines[0].split(",")
        assert [f["name"] for f in res["schema"]["fields"]] == header, name
        assert all(f["type"] in {"string", "integer", "number", "boolean", "date", "datetime"}
                   for f in res["schema"]["fields"])
        assert res["description"]


def test_each_data_card_lists_every_column():
    for name in list_datasets():
        card = (DATA / f"{name}.md").read_text(encoding="utf-8")
        header = (DATA / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        listed = [line.split("`")[1] for line in card.splitlines() if line.startswith("| `")]
        assert listed == header, name
        for section in ("## Columns", "## How it was generated", "## Used in chapters", "## Licence", "CC0-1.0"):
            assert section in card, (name, section)


def test_csv_format_conventions():
    text = (DATA / "transactions.csv").read_bytes()
    assert b"\r\n" not in text
    first = text.decode("utf-8").splitlines()[1].split(",")
    assert first[2] == "2023-01-01" or first[2].startswith("2023-")  # ISO date
    assert "False" in first or "True" in first
    assert "\ufeff" not in (DATA / "customers.csv").read_text(encoding="utf-8")[:1]
    assert "华信" in (DATA / "customers.csv").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# loader
# ---------------------------------------------------------------------------------------------
def test_list_and_overview_match_the_package():
    assert list_datasets() == list(DATASETS)
    ov = dataset_overview()
    assert ov.columns.tolist() == ["name", "rows", "columns", "description"]
    assert ov["name"].tolist() == list_datasets()
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert ov["rows"].tolist() == [r["rows"] for r in pkg["resources"]]
    assert (ov["description"].str.len() > 20).all()


def test_loader_types_every_column_from_the_schema(t):
    for name, df in t.items():
        assert isinstance(df.index, pd.RangeIndex) and df.index.start == 0, name
        for f in DATASETS[name]["fields"]:
            s = df[f["name"]]
            kind = f["type"]
            where = f"{name}.{f['name']} ({s.dtype})"
            if kind in ("date", "datetime"):
                assert pd.api.types.is_datetime64_dtype(s), where
            elif kind == "category":
                assert isinstance(s.dtype, pd.CategoricalDtype), where
                assert set(s.dropna().unique()) <= set(f["categories"]), where
                assert list(s.cat.categories) == f["categories"], where
            elif kind == "boolean":
                assert str(s.dtype) == ("boolean" if s.isna().any() else "bool"), where
            elif kind == "integer":
                assert str(s.dtype) == ("Int64" if s.isna().any() else "int64"), where
            elif kind == "number":
                assert s.dtype == np.float64, where
            else:
                assert pd.api.types.is_string_dtype(s) and not isinstance(s.dtype, pd.CategoricalDtype), where


def test_ids_stay_strings_and_na_text_is_a_value(t):
    assert t["customers"]["customer_id"].str.fullmatch(r"C\d{5}").all()
    assert t["transactions"]["order_id"].str.fullmatch(r"O\d{6}").all()
    assert (t["transactions"]["tender_result"] == "n/a").sum() > 40000
    assert t["ka_cards"]["postcode"].str.fullmatch(r"\d{6}").all()


def test_load_dataset_returns_a_fresh_copy():
    a = load_dataset("customers")
    a.loc[0, "name"] = "changed"
    a["extra"] = 1
    a.iloc[1:3, 1] = "also changed"
    b = load_dataset("customers")
    assert b.loc[0, "name"] != "changed" and "extra" not in b.columns and len(b) == 1500


def test_unknown_name_gives_a_helpful_error():
    with pytest.raises(CRMDataError, match=r"no dataset named 'customer'\. Did you mean 'customers'\?"):
        load_dataset("customer")
    with pytest.raises(CRMDataError, match=r"Available: \['customers', 'customers_raw'"):
        describe_dataset("sales")
    with pytest.raises(TypeError, match="name must be a string"):
        load_dataset(3)
    assert issubclass(CRMDataError, ValueError)


def test_describe_dataset_is_the_card():
    assert describe_dataset("survey") == (DATA / "survey.md").read_text(encoding="utf-8")
    assert "switched_within_12m" in describe_dataset("survey")


def test_data_dir_and_environment_override(tmp_path, monkeypatch):
    monkeypatch.delenv("CRMLEARN_DATA", raising=False)
    assert data_dir() == DATA
    monkeypatch.setenv("CRMLEARN_DATA", str(tmp_path))
    assert data_dir() == tmp_path
    (tmp_path / "cabin_fares.csv").write_bytes((DATA / "cabin_fares.csv").read_bytes().replace(b"1800.0", b"1900.0"))
    assert load_dataset("cabin_fares")["example_fare_cny"].iloc[2] == 1900.0


def test_missing_files_are_generated_in_memory(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMLEARN_DATA", str(tmp_path))      # an empty folder
    generated = load_dataset("customers")
    monkeypatch.delenv("CRMLEARN_DATA")
    pd.testing.assert_frame_equal(generated, load_dataset("customers"))
    monkeypatch.setenv("CRMLEARN_DATA", str(tmp_path))
    assert describe_dataset("payments") == (DATA / "payments.md").read_text(encoding="utf-8")
    assert dataset_overview().set_index("name").loc["transactions", "rows"] == len(load_dataset("transactions"))


def test_import_crmlearn_stays_light():
    code = ("import sys, crmlearn; heavy = [m for m in ('scipy', 'sklearn', 'matplotlib', 'ipywidgets', "
            "'crmlearn.datasets.generate') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert crmlearn.load_dataset is load_dataset


# ---------------------------------------------------------------------------------------------
# referential integrity
# ---------------------------------------------------------------------------------------------
def test_every_customer_id_exists_in_customers(t):
    ids = set(t["customers"]["customer_id"])
    assert t["customers"]["customer_id"].is_unique and len(ids) == 1500
    for name in ("transactions", "payments", "contacts", "survey", "share_of_wallet", "ka_cards", "ka_contacts"):
        assert set(t[name]["customer_id"]) <= ids, name
    assert set(t["customers_raw"]["customer_id_true"]) == ids
    assert set(t["transactions"]["customer_id"]) == ids  # every customer has bought


def test_primary_keys_are_unique(t):
    for name, spec in DATASETS.items():
        if spec["primary_key"]:
            assert t[name][spec["primary_key"]].is_unique, name


def test_first_order_date_and_status_agree_with_transactions(t):
    cust = t["customers"].set_index("customer_id")
    tx = t["transactions"]
    first = tx.groupby("customer_id")["order_date"].min()
    last = tx.groupby("customer_id")["order_date"].max()
    assert (cust["first_order_date"] <= first[cust.index]).all()
    new = cust["first_order_date"] >= "2023-01-01"
    assert (cust.loc[new, "first_order_date"] == first[cust.index[new]]).all()
    inactive = (AS_OF - last[cust.index]).dt.days > 365
    assert ((cust["status"] == "inactive") == inactive).all()
    assert t["customers"]["customer_id"].tolist() == sorted(t["customers"]["customer_id"])
    assert t["customers"]["first_order_date"].is_monotonic_increasing


def test_kind_specific_columns_are_filled_for_the_right_kind(t):
    c = t["customers"]
    ind = c["customer_kind"] == "individual"
    assert (ind == (c["nature_type"] == "retail")).all()
    for col in ("age", "gender", "education", "marital_status", "monthly_income_cny", "lifestyle_segment"):
        assert c.loc[ind, col].notna().all() and c.loc[~ind, col].isna().all(), col
    ext = ~ind & (c["nature_type"] != "internal")
    for col in ("industry", "size", "registered_capital_cny", "annual_sales_cny", "ownership"):
        assert c.loc[ext, col].notna().all() and c.loc[ind, col].isna().all(), col
    assert (c["ka_type"].notna() == c["is_key_account"]).all()
    assert c["price_sensitivity"].between(0, 1).all()
    assert c["age"].dropna().between(18, 80).all()


# ---------------------------------------------------------------------------------------------
# planted structure
# ---------------------------------------------------------------------------------------------
def test_revenue_is_concentrated_about_80_20(revenue):
    r = revenue.sort_values(ascending=False)
    top20 = r.iloc[: int(0.2 * len(r))].sum() / r.sum()
    top5 = r.iloc[: int(0.05 * len(r))].sum() / r.sum()
    assert 0.75 <= top20 <= 0.85
    assert top5 >= 0.35                          # the 5% "gold" customers stand out
    assert r.iloc[: int(0.05 * len(r))].min() > 5 * r.median()


def test_some_customers_lose_money_and_they_look_like_lead_customers(t, margin):
    c = t["customers"].set_index("customer_id")
    loss = margin < 0
    assert 0.03 <= loss.mean() <= 0.15
    assert c.loc[loss, "price_sensitivity"].mean() > c.loc[~loss, "price_sensitivity"].mean() + 0.15
    assert c.loc[loss, "n_suppliers"].mean() > c.loc[~loss, "n_suppliers"].mean() + 1
    tx = t["transactions"]
    disc = tx[~tx["is_return"]].groupby("customer_id")["discount"].mean()
    ret = tx.groupby("customer_id")["is_return"].mean()
    assert disc[loss[loss].index].mean() > disc.mean() + 0.08
    assert ret[loss[loss].index].mean() > 2 * ret.mean()
    assert (c.loc[loss, "cost_to_serve_cny"].median() > c.loc[~loss, "cost_to_serve_cny"].median())


def test_inactive_share(t):
    share = (t["customers"]["status"] == "inactive").mean()
    assert 0.15 <= share <= 0.25


def test_key_accounts(t, revenue):
    c = t["customers"]
    ka = c["is_key_account"]
    assert 0.05 <= ka.mean() <= 0.08
    assert set(c.loc[ka, "ka_type"]) == {"economic", "important", "group", "strategic"}
    assert revenue[c.loc[ka, "customer_id"]].sum() / revenue.sum() > 0.3
    assert sorted(t["ka_cards"]["customer_id"]) == sorted(c.loc[ka, "customer_id"])
    kc = t["ka_contacts"]
    n = kc.groupby("customer_id").size()
    assert n.min() >= 3 and set(n.index) == set(c.loc[ka, "customer_id"])
    assert (kc.groupby("customer_id")["contact_no"].apply(lambda s: list(s) == list(range(1, len(s) + 1)))).all()
    assert (kc.groupby("customer_id")["contact_date"].apply(lambda s: s.is_monotonic_increasing)).all()
    gap = (kc["promised_callback_date"] - kc["contact_date"]).dt.days
    assert (gap == 14).mean() > 0.7


def test_transactions_shape_and_rules(t):
    tx = t["transactions"]
    assert len(tx) >= 50_000
    assert tx["order_date"].min() >= pd.Timestamp("2023-01-01") and tx["order_date"].max() <= AS_OF
    ret = tx["is_return"]
    assert 0.02 <= ret.mean() <= 0.04
    assert (tx.loc[ret, "amount"] < 0).all() and (tx.loc[ret, "quantity"] < 0).all()
    assert (tx.loc[~ret, "amount"] >= 0).all()
    assert tx["discount"].between(0, 0.4).all()
    sale = tx[~ret & (tx["quantity"] > 0)]
    expected = (sale["quantity"] * sale["unit_price"] * (1 - sale["discount"])).round(2)
    assert np.allclose(sale["amount"], expected, atol=0.011)
    tender = tx["order_type"] == "tender"
    assert set(tx.loc[tender, "tender_result"]) == {"won", "lost"}
    assert (tx.loc[~tender, "tender_result"] == "n/a").all()
    lost = tx["tender_result"] == "lost"
    assert (tx.loc[lost, ["quantity", "amount", "cost"]] == 0).all().all()
    assert tx.groupby("order_id")["customer_id"].nunique().max() == 1
    assert tx.groupby("order_id")["order_date"].nunique().max() == 1


def test_b2b_orders_are_larger_and_heavy_buyers_order_more_often_and_bigger(t, revenue):
    tx, c = t["transactions"], t["customers"].set_index("customer_id")
    orders = tx[~tx["is_return"] & (tx["order_type"] == "regular")].groupby("order_id").agg(
        customer_id=("customer_id", "first"), amount=("amount", "sum"))
    kind = c.loc[orders["customer_id"], "customer_kind"].to_numpy()
    median = orders.groupby(kind)["amount"].median()
    assert median["organisation"] > 3 * median["individual"]
    per = orders.groupby("customer_id").agg(n=("amount", "size"), avg=("amount", "mean"))
    per["revenue"] = revenue[per.index]
    ranks = per.rank()
    assert ranks["revenue"].corr(ranks["n"]) > 0.5
    assert ranks["revenue"].corr(ranks["avg"]) > 0.5


def test_group_buys_are_one_off_bulk_orders_not_key_accounts(t):
    tx, c = t["transactions"], t["customers"].set_index("customer_id")
    gb = tx[tx["order_type"] == "group_buy"]
    per_customer = gb.groupby("customer_id")["order_id"].nunique()
    assert len(per_customer) >= 20 and (per_customer == 1).all()
    assert not c.loc[per_customer.index, "is_key_account"].any()
    sizes = gb.groupby("order_id")["amount"].sum()
    regular = tx[tx["order_type"] == "regular"].groupby("order_id")["amount"].sum()
    assert sizes.median() > 20 * regular.median()


def test_customers_raw_has_duplicates_variants_stale_and_gaps(t):
    raw, cust = t["customers_raw"], t["customers"].set_index("customer_id")
    dup_share = raw["customer_id_true"].duplicated().mean()
    assert 0.10 <= dup_share <= 0.15
    dups = raw[raw["customer_id_true"].duplicated(keep="first")]
    clean = cust.loc[dups["customer_id_true"], "name"].to_numpy()
    assert (dups["name"].to_numpy() != clean).mean() > 0.6            # spelling variants
    assert dups["name"].str.contains("有限责任公司|Co\\., Ltd\\.|CO\\.,LTD").any()
    digits = raw["phone"].str.replace(r"\D", "", regex=True).str.removeprefix("86")
    assert (raw["phone"].dropna() != digits.dropna()).any()
    stale = raw["last_updated"] < AS_OF - pd.DateOffset(years=3)
    assert 0.05 <= stale.mean() <= 0.3
    assert raw["phone"].isna().mean() > 0.02 and raw["email"].isna().mean() > 0.02
    assert (raw["last_updated"] >= raw["created_date"]).all()


def _kano(func, dys):
    return pd.Series([KANO_TABLE[f][d] for f, d in zip(func, dys)])


def test_kano_categories_are_as_planted(t):
    sv = t["survey"]
    planted = {"quality_certificate": "M", "fast_delivery": "O", "online_tracking": "O",
               "dedicated_manager": "A", "gift_packaging": "I"}
    for feature, category in planted.items():
        counts = _kano(sv[f"kano_func_{feature}"], sv[f"kano_dys_{feature}"]).value_counts(normalize=True)
        assert counts.index[0] == category, feature
        assert counts.iloc[0] - counts.iloc[1] > 0.1, feature       # clearly dominant


def test_servqual_gaps_have_the_planted_signs_and_order(t):
    sv = t["survey"]
    gap = pd.Series({it: (sv[f"per_{it}"] - sv[f"exp_{it}"]).mean() for it in ITEMS})
    assert set(gap.nsmallest(2).index) == {"response_speed", "personalisation"}
    assert (gap[["response_speed", "personalisation"]] < -0.9).all()
    assert gap[["delivery", "tech_support", "after_sales"]].between(-0.8, -0.2).all()
    assert (gap[["quality", "expertise", "attitude"]].abs() < 0.2).all()
    assert (gap[["facilities", "materials"]] > 0.3).all()
    for it in ITEMS:
        assert sv[f"exp_{it}"].between(1, 7).all() and sv[f"imp_{it}"].between(1, 5).all()


def test_importance_performance_quadrants(t):
    sv = t["survey"]
    imp = pd.Series({it: sv[f"imp_{it}"].mean() for it in ITEMS})
    per = pd.Series({it: sv[f"per_{it}"].mean() for it in ITEMS})
    concentrate = set(imp.index[(imp > imp.mean()) & (per < per.mean())])
    assert concentrate == {"response_speed", "personalisation"}
    assert imp["facilities"] < imp.mean() and per["facilities"] > per.mean()     # possible overkill
    assert set(imp.nlargest(3).index) == {"quality", "delivery", "response_speed"}
    assert set(imp.nsmallest(2).index) == {"facilities", "materials"}


def test_satisfied_customers_still_switch(t):
    sv, tx = t["survey"], t["transactions"]
    sat = sv["overall_satisfaction"] >= 4
    assert 0.85 <= sat.mean() <= 0.90
    assert sv.loc[sat, "switched_within_12m"].mean() >= 0.25
    assert sv.loc[~sat, "switched_within_12m"].mean() > sv.loc[sat, "switched_within_12m"].mean()
    assert sv["survey_date"].between("2023-01-01", "2023-12-31").all()
    # switching shows in the later orders: the year after the survey against the months before
    m = sv[["response_id", "customer_id", "survey_date", "switched_within_12m"]].merge(tx, on="customer_id")
    days = (m["order_date"] - m["survey_date"]).dt.days
    before = m[(days < 0) & (days >= -270)].groupby("response_id")["amount"].sum()
    after = m[(days >= 0) & (days < 270)].groupby("response_id")["amount"].sum()
    ratio = (after.reindex(sv["response_id"]).fillna(0) / before.reindex(sv["response_id"])).to_numpy()
    sw = sv["switched_within_12m"].to_numpy()
    assert np.nanmedian(ratio[sw]) < 0.5 < np.nanmedian(ratio[~sw])


def test_subscriber_churn_and_value_groups(t):
    s = t["subscribers"]
    assert len(s) == 10_000
    assert 0.25 <= s["churned"].mean() <= 0.30
    assert (s["churn_date"].notna() == s["churned"]).all()
    assert s["churn_date"].dropna().between("2024-01-01", "2024-12-31").all()
    assert (s["join_date"] < "2024-01-01").all()
    g = s.groupby("value_group", observed=True)
    assert g["margin_cny"].mean().idxmax() == "most_valuable"
    assert g["margin_cny"].median()["negative_value"] < 0
    assert g["growth_rate"].mean().idxmax() == "growth"
    assert g["churned"].mean().idxmax() == "pre_churn"
    assert g["complaints_90d"].mean().idxmax() == "pre_churn"


def test_share_of_wallet_stages(t):
    sow, tx = t["share_of_wallet"], t["transactions"]
    assert set(sow["stage"]) == {"development", "initial", "stable", "strategic"}
    assert sow["stage"].value_counts().min() > 200
    share = sow["share"]
    expected = np.select([sow["our_sales"] <= 0, share < 0.5, share < 0.8], ["development", "initial", "stable"],
                         "strategic")
    assert (sow["stage"].astype(str).to_numpy() == expected).all()
    assert np.allclose(share, (sow["our_sales"] / sow["customer_total_purchases"]).round(4), atol=1e-4)
    assert (sow["our_sales"] <= sow["customer_total_purchases"]).all()
    ours = tx.assign(year=tx["order_date"].dt.year).groupby(["customer_id", "year", "product_line"],
                                                            observed=True)["amount"].sum()
    key = pd.MultiIndex.from_frame(sow[["customer_id", "year", "category"]].astype({"category": str}))
    assert np.allclose(ours.reindex(key).fillna(0).clip(lower=0).round(2).to_numpy(), sow["our_sales"], atol=0.01)
    depth = sow.groupby("stage", observed=True)[["exec_visits", "departments_in_contact"]].mean()
    assert depth["exec_visits"].is_monotonic_increasing and depth["departments_in_contact"].is_monotonic_increasing


def test_contacts_log(t):
    con = t["contacts"]
    assert con["contact_datetime"].is_monotonic_increasing
    issue = con["contact_type"].isin(["complaint", "inquiry"])
    assert con.loc[issue, "resolved_first_time"].notna().all() and con.loc[~issue, "resolved_first_time"].isna().all()
    assert (con["staff_level"].astype(str) == con["staff_id"].str[:2].map(
        {"AM": "sales", "IS": "inside_sales", "MG": "manager", "VP": "VP"})).all()
    compl = con[con["contact_type"] == "complaint"]
    fcr = compl.groupby(compl["contact_datetime"].dt.year)["resolved_first_time"].mean()
    assert fcr[2024] > fcr[2023]                                  # first-contact resolution improves
    assert set(con["channel"]) == {"phone", "visit", "email", "online_form", "fax", "hotline_400", "IVR"}


def test_payments(t):
    p = t["payments"]
    paid = p["payment_date"].notna()
    assert ((p.loc[paid, "payment_date"] - p.loc[paid, "invoice_date"]).dt.days == p.loc[paid, "days_to_pay"]).all()
    assert p.loc[~paid, "days_to_pay"].isna().all() and (p.loc[~paid, "payment_amount"] == 0).all()
    assert (p["payment_amount"] <= p["invoice_amount"] + 1e-9).all()
    assert (p["due_date"] >= p["invoice_date"]).all()
    assert 0.01 < (~paid).mean() < 0.2


def test_cabin_fares(t):
    cab = t["cabin_fares"].set_index("cabin")
    assert cab["fare_multiplier"].tolist() == [1.0, 1.3, 1.5]
    assert cab.loc["first", ["passengers_per_attendant_min", "passengers_per_attendant_max"]].tolist() == [10, 15]
    assert np.allclose(cab["example_fare_cny"], 1200 * cab["fare_multiplier"])


# ---------------------------------------------------------------------------------------------
# realism_report
# ---------------------------------------------------------------------------------------------
def test_realism_report_measures_the_planted_structure(t, revenue, margin):
    rep = gen.realism_report(t)
    r = revenue.sort_values(ascending=False)
    assert rep["top20_share"] == pytest.approx(r.iloc[:300].sum() / r.sum(), abs=1e-4)
    assert rep["negative_margin_customers"] == int((margin < 0).sum())
    assert rep["inactive_share"] == pytest.approx((t["customers"]["status"] == "inactive").mean(), abs=1e-4)
    assert rep["kano_dominant"] == {"quality_certificate": "M", "fast_delivery": "O", "online_tracking": "O",
                                    "dedicated_manager": "A", "gift_packaging": "I"}
    assert set(rep["servqual_gaps"]) == set(ITEMS)
    assert set(rep["sow_stage_counts"]) == {"development", "initial", "stable", "strategic"}
    assert 0.25 <= rep["subscriber_churn"] <= 0.30
    assert rep["ka_min_contacts"] >= 3
    assert rep["transactions_rows"] == len(t["transactions"])
    json.dumps(rep)                                   # plain numbers, quotable
    assert gen.realism_report() == rep                # default: the loaded course data
