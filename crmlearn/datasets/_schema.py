"""The one description of the course data: every table, every column, its type, unit and meaning.

Used by three things so that they never drift apart:

* the loader (:func:`crmlearn.load_dataset`) types the columns from it;
* the generator writes ``datapackage.json`` from it;
* the generator writes the data cards ``datasets/<name>.md`` from it.

Only the standard library here: ``import crmlearn`` reads this module.
"""
from __future__ import annotations

import json
from typing import Any

SEED = 20231101
AS_OF = "2024-12-31"
LICENCE = {
    "name": "CC0-1.0",
    "title": "Creative Commons Zero v1.0 Universal (public domain dedication)",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
}
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"

CHAPTERS = {
    "00": "Welcome: how the course works",
    "01": "CRM foundations and the customer lifecycle",
    "02": "Knowing, selecting and segmenting customers",
    "03": "One-to-one marketing: the IDIC model",
    "04": "Customer grading",
    "05": "Key accounts",
    "06": "The key-account service system",
    "07": "Customer satisfaction",
    "08": "Loyalty, trust and switching costs",
    "09": "Relationship stages, churn and lifetime value",
}

# value lists shared by several tables
REGIONS = ["East", "North", "South", "Central", "Southwest", "Northwest", "Northeast"]
CITIES = [
    "Shanghai", "Hangzhou", "Nanjing", "Suzhou", "Ningbo", "Jinan", "Qingdao", "Wenzhou", "Jiaxing", "Yangzhou",
    "Beijing", "Tianjin", "Shijiazhuang", "Taiyuan", "Hohhot", "Baoding", "Tangshan", "Guangzhou", "Shenzhen",
    "Xiamen", "Fuzhou", "Nanning", "Dongguan", "Foshan", "Zhuhai", "Haikou", "Wuhan", "Changsha", "Zhengzhou",
    "Nanchang", "Luoyang", "Yichang", "Chengdu", "Chongqing", "Kunming", "Guiyang", "Mianyang", "Xi'an", "Lanzhou",
    "Urumqi", "Yinchuan", "Xining", "Shenyang", "Dalian", "Harbin", "Changchun", "Anshan",
]
INDUSTRIES = ["manufacturing", "education", "finance", "government", "healthcare", "IT", "retail_trade", "logistics"]
OWNERSHIP = ["state_owned", "private", "foreign", "joint_venture"]
SOURCES = ["ad_response", "trade_show", "referral", "walk_in"]
PRODUCT_LINES = ["paper", "ink_toner", "stationery", "furniture", "it_hardware", "software", "cleaning", "catering"]
STAFF_LEVELS = ["sales", "inside_sales", "manager", "VP"]
TITLES = ["purchasing manager", "buyer", "office director", "administration assistant", "general manager",
          "vice president", "finance manager", "IT manager", "HR director", "private customer"]
KA_POSITIONS = ["office director", "purchasing manager", "administration manager", "HR director", "IT director",
                "finance director", "general manager", "deputy general manager"]
SERVQUAL = {
    "tangibles": ["facilities", "materials"],
    "reliability": ["quality", "delivery"],
    "responsiveness": ["response_speed", "tech_support"],
    "assurance": ["expertise", "attitude"],
    "empathy": ["personalisation", "after_sales"],
}
SERVQUAL_ITEMS = [it for items in SERVQUAL.values() for it in items]
ITEM_MEANING = {
    "facilities": "modern-looking offices, showroom and warehouse",
    "materials": "catalogues, quotations and invoices that look clear and professional",
    "quality": "products as specified, without faults",
    "delivery": "orders delivered complete and on the promised day",
    "response_speed": "quick answers to calls, e-mails and problems",
    "tech_support": "help with printers, IT hardware and software",
    "expertise": "staff who know the products and give sound advice",
    "attitude": "courteous, friendly staff",
    "personalisation": "offers and service fitted to this customer's own needs",
    "after_sales": "returns, repairs and complaints handled well",
}
KANO_FEATURES = ["quality_certificate", "fast_delivery", "online_tracking", "dedicated_manager", "gift_packaging"]
KANO_MEANING = {
    "quality_certificate": "products come with a quality certificate",
    "fast_delivery": "next-day delivery",
    "online_tracking": "orders can be tracked online",
    "dedicated_manager": "a dedicated account manager",
    "gift_packaging": "festive gift packaging",
}
KANO_PLANTED = {"quality_certificate": "M", "fast_delivery": "O", "online_tracking": "O",
                "dedicated_manager": "A", "gift_packaging": "I"}
SOW_EVENTS = ["new_product_launch", "annual_supplier_review", "personnel_change", "rival_quality_issue",
              "service_complaint", "single_contact_rival", "relationship_breakdown", "cost_pressure"]


def F(name: str, type: str, description: str, unit: str = "", categories: list | None = None,
      ordered: bool = False) -> dict:
    """One column: name, type (string, category, integer, number, boolean, date, datetime), unit, meaning."""
    field = {"name": name, "type": type, "unit": unit, "description": description}
    if categories is not None:
        field["categories"] = list(categories)
        field["ordered"] = ordered
    return field


def _survey_fields() -> list[dict]:
    fields = [
        F("response_id", "string", "Survey response id (`SV0001` ...), in order of survey date."),
        F("customer_id", "string", "The customer who answered (key to `customers`)."),
        F("survey_date", "date", "Date of the answer (annual survey, 2023-10-09 to 2023-12-15)."),
    ]
    for dim, items in SERVQUAL.items():
        for it in items:
            fields += [
                F(f"exp_{it}", "integer", f"Expected service, {dim}: {ITEM_MEANING[it]}.", "1-7 scale"),
                F(f"per_{it}", "integer", f"Perceived service, {dim}: {ITEM_MEANING[it]}.", "1-7 scale"),
                F(f"imp_{it}", "integer", f"Importance of this item to the customer ({ITEM_MEANING[it]}).",
                  "1-5 scale"),
            ]
    fields += [
        F("overall_satisfaction", "integer", "Overall satisfaction; 4 or 5 counts as satisfied (top-2-box).",
          "1-5 scale"),
        F("likelihood_to_recommend", "integer", "How likely to recommend us (NPS question; 9-10 promoter, "
          "0-6 detractor).", "0-10 scale"),
        F("repurchase_intent", "integer", "Intends to buy from us again (intentional loyalty).", "1-5 scale"),
        F("emotional_attachment", "integer", "Feels attached to us as a supplier (emotional loyalty).",
          "1-5 scale"),
        F("switched_within_12m", "boolean", "Moved most or all of its business to another supplier within "
          "12 months of the survey (its later orders with us fall by about 70% or stop)."),
        F("expectation_source", "category", "Where the customer says its expectations mainly come from.",
          categories=["past_experience", "word_of_mouth", "personal_need"]),
    ]
    for f in KANO_FEATURES:
        fields += [
            F(f"kano_func_{f}", "integer", f"Kano functional question: how do you feel if {KANO_MEANING[f]}? "
              "1 like, 2 expect it, 3 neutral, 4 can live with it, 5 dislike.", "code 1-5"),
            F(f"kano_dys_{f}", "integer", f"Kano dysfunctional question: how do you feel if it is NOT the case "
              f"that {KANO_MEANING[f]}? Same codes.", "code 1-5"),
        ]
    fields += _survey_loyalty_fields()
    return fields


# switching cost, purchasing risk and psychological needs (crmlearn/datasets/_make_survey_loyalty.py)
_SC_MEANING = {
    "sc_retraining": "learning a new supplier's products and retraining our staff",
    "sc_setup": "new equipment, spare parts, set-up and integration",
    "sc_rebate_loss": "year-end rebates (年终返利), points and other benefits lost by leaving",
    "sc_technical": "technical barriers (技术壁垒): compatibility, certification, data migration",
    "sc_differentiation": "no equivalent product available elsewhere",
}
_RISK_MEANING = {
    "risk_price": "inflated prices",
    "risk_quality": "quality problems",
    "risk_supply": "late supply",
    "risk_capacity": "insufficient supplier capacity",
    "risk_after_sales": "poor after-sales service",
    "risk_compliance": "improper dealings between buyer and supplier staff (a compliance risk)",
}
_NEED_MEANING = {
    "emotional_need": "being cared about personally, a pleasant relationship (情感需求)",
    "security_need": "feeling safe with the choice: no risk to the firm or to the buyer personally (安全需求)",
    "respect_need": "being treated with respect and taken seriously (尊重需求)",
}


def _survey_loyalty_fields() -> list[dict]:
    fields = [
        F(c, "integer", f"Switching cost if the customer moved to another supplier: {m}. 1 none, 5 very high "
          "(switching-cost index, chapter 8).", "1-5 scale")
        for c, m in _SC_MEANING.items()
    ]
    fields += [
        F(c, "integer", f"Purchasing risk the customer sees in a new supplier: {m}. 1 none, 5 very high "
          "(purchase-risk index, chapter 8).", "1-5 scale")
        for c, m in _RISK_MEANING.items()
    ]
    fields += [
        F(c, "integer", f"How much this psychological need matters to the customer: {m}. 1 not at all, "
          "5 very much.", "1-5 scale")
        for c, m in _NEED_MEANING.items()
    ]
    return fields


DATASETS: dict[str, dict[str, Any]] = {
    "customers": {
        "title": "Customer master (客户主数据)",
        "description": "One row per customer: who, where, characteristics, key-account flags, cost to serve, status",
        "summary": "One row per customer of Huaxin Office Supplies: kind, nature, place, organisation or "
                       "person characteristics, key-account flags, price sensitivity, cost to serve, status.",
        "chapters": ["01", "02", "03", "04", "05", "08", "09"],
        "primary_key": "customer_id",
        "fields": [
            F("customer_id", "string", "Customer id `C00001` ... (numbered in order of the first order)."),
            F("name", "string", "Company, institution or person name (invented, Chinese)."),
            F("customer_kind", "category", "Organisation or individual; decides which characteristic "
              "indicators apply.", categories=["organisation", "individual"]),
            F("nature_type", "category", "Customer type by nature: retail consumer, business customer, channel "
              "distributor/agent, internal department of Huaxin.",
              categories=["retail", "business", "channel", "internal"]),
            F("region", "category", "Region of China.", categories=REGIONS),
            F("city", "category", "City (the prefecture for rural customers).", categories=CITIES),
            F("city_tier", "category", "Tier-1/2/3 city or rural area (geographic segmentation).",
              categories=["tier1", "tier2", "tier3", "rural"], ordered=True),
            F("industry", "category", "Industry (organisations other than internal ones; empty for individuals).",
              categories=INDUSTRIES),
            F("size", "category", "Company size (organisations).", categories=["micro", "small", "medium", "large"],
              ordered=True),
            F("registered_capital_cny", "number", "Registered capital (organisations).", "CNY"),
            F("annual_sales_cny", "number", "The organisation's own yearly sales.", "CNY per year"),
            F("is_listed", "boolean", "Listed on a stock exchange (organisations)."),
            F("ownership", "category", "Ownership (organisations).", categories=OWNERSHIP),
            F("age", "integer", "Age on 2024-12-31 (individuals).", "years"),
            F("gender", "category", "Gender (individuals).", categories=["female", "male"]),
            F("education", "category", "Highest education (individuals).",
              categories=["below_high_school", "high_school", "college", "bachelor", "postgraduate"], ordered=True),
            F("marital_status", "category", "Marital status (individuals).",
              categories=["single", "married", "divorced", "widowed"]),
            F("monthly_income_cny", "number", "Monthly income (individuals).", "CNY per month"),
            F("favourite_colour", "category", "Favourite colour (individuals; a characteristic indicator).",
              categories=["red", "blue", "black", "white", "green", "yellow", "purple", "pink", "grey"]),
            F("has_car", "boolean", "Owns a car (individuals)."),
            F("has_children", "boolean", "Has children (individuals)."),
            F("lifestyle_segment", "category", "Psychographic lifestyle segment (individuals).",
              categories=["student_life", "young_professional", "home_office", "family_organiser",
                          "retiree_hobbyist"]),
            F("values_segment", "category", "Psychographic values segment (individuals).",
              categories=["price_conscious", "quality_first", "eco_conscious", "convenience_first", "brand_loyal"]),
            F("acquisition_source", "category", "How the customer was won (as on the info card; empty for "
              "internal departments).",
              categories=SOURCES),
            F("first_order_date", "date", "Date of the first order ever (before 2023 for most customers; "
              "equal to the first row in `transactions` for customers won in 2023-2024)."),
            F("account_manager_id", "string", "Account manager `AM01`-`AM24` (organisations; individuals are "
              "served by the call centre, empty). AM01-AM04 form the key-account team."),
            F("is_key_account", "boolean", "Key account (大客户)."),
            F("ka_type", "category", "Key-account type (key accounts only).",
              categories=["economic", "important", "group", "strategic"]),
            F("n_suppliers", "integer", "How many suppliers of office supplies the customer uses (us included).",
              "count"),
            F("price_sensitivity", "number", "Price sensitivity from the sales team's assessment "
              "(0 insensitive, 1 very sensitive).", "0-1"),
            F("cost_to_serve_cny", "number", "Yearly cost of serving the customer (visits, support, handling, "
              "complaints), not in `transactions.cost`.", "CNY per year"),
            F("club_member", "boolean", "Member of the Huaxin customer club (reward programme)."),
            F("status", "category", "inactive = no row in `transactions` in the 365 days before 2024-12-31.",
              categories=["active", "inactive"]),
            F("slowdown_start", "date", "Chapter 9 ground truth: the day a planted slowdown before churn "
              "began (fewer orders, smaller orders, then no orders); empty for other customers."),
            F("planted_lookalike", "category", "Planted key-account look-alike (Chapter 05, 小思考7-1): "
              "one_off_group_buyer, volume_without_profit, squeezer; none for everyone else. The answer "
              "key of `crmlearn.accounts.ka_screen`.",
              categories=["none", "one_off_group_buyer", "volume_without_profit", "squeezer"]),
        ],
        "generation": [
            "1,500 customers: 540 retail consumers, 770 business customers, 160 channel distributors and "
            "30 internal departments. Regions weighted towards the East (Huaxin is based in Shanghai).",
            "Each customer gets a hidden yearly spend (log-normal; organisations by size, distributors about twice "
            "as much) and a hidden profitability tier drawn from its spend rank: in the top fifth 45% platinum, "
            "44% gold, 11% lead; below it mostly iron. Price sensitivity, number of suppliers, usual discount, "
            "return rate and cost to serve follow the tier: platinum customers are price-insensitive single-"
            "supplier buyers, gold ones discount-seeking multi-supplier buyers, lead ones very price sensitive, "
            "use many suppliers, get 30-38% discount (organisations), return about 13% of lines and cost 2.5 "
            "times as much to serve. The tier itself is not a column: finding it from the data is the "
            "Chapter 4 exercise.",
            "Key accounts: the 72 largest platinum/gold organisations plus 22 strategic picks in growing "
            "industries (IT, finance, government, healthcare, education); types economic, group (large "
            "companies), important (government, finance or listed) and strategic. 30 business customers are "
            "one-off group buyers (one bulk `group_buy` order); they are not key accounts.",
            "About 10% of customers are planned to stop ordering during 2023 (more often lead and iron "
            "customers, less often referrals and club members); with the survey switchers and customers who "
            "simply did not order for a year this gives the inactive share. `status` and `first_order_date` "
            "are computed from the generated transactions.",
        ],
        "planted": [
            "Revenue concentration about 80/20: the top 20% of customers by net revenue (sum of "
            "`transactions.amount`) bring about 80% of it; the top 5% (the 'gold' customers) about 45%.",
            "Loss-makers: some customers have a negative total margin (sum of amount - cost), more once the cost "
            "to serve is deducted; they are the price-sensitive, multi-supplier, high-discount, high-return ones.",
            "About 20% of customers inactive for more than 365 days on 2024-12-31.",
            "Key accounts are about 6% of customers and bring a large share of revenue.",
        ],
    },
    "customers_raw": {
        "title": "Messy CRM export of the customers (客户信息原始导出)",
        "description": "Messy CRM export of the customers: duplicates, spelling variants, stale and missing fields",
        "summary": "The same customers as the CRM system exports them: duplicate records with spelling, "
                       "phone and e-mail variants, stale and incomplete records; customer_id_true is the answer key.",
        "chapters": ["03"],
        "primary_key": "record_id",
        "fields": [
            F("record_id", "string", "CRM record id `R00001` ... in order of creation."),
            F("customer_id_true", "string", "The real customer this record belongs to (answer key for "
              "de-duplication; key to `customers`)."),
            F("name", "string", "Name as typed: variants such as 有限公司 / 有限责任公司 / Co., Ltd., extra "
              "spaces, city moved into brackets, pinyin for persons."),
            F("phone", "string", "Telephone as typed: +86 prefixes, spaces, dashes, brackets; sometimes missing."),
            F("email", "string", "E-mail as typed: case variants, trailing spaces; sometimes missing."),
            F("city", "string", "City as typed: English, Chinese or lower case; sometimes missing."),
            F("created_date", "date", "When the record was created."),
            F("last_updated", "date", "When the record was last updated (stale records: not since 2021)."),
            F("contact_person", "string", "Contact person (organisations) or the person (individuals); "
              "often missing."),
        ],
        "generation": [
            "One clean-ish record per customer (phone, e-mail and contact person from the same hidden contact "
            "details as the key-account cards), plus 215 extra records (about 12.5% of rows) for customers "
            "entered again later by another salesperson, weighted towards organisations and key accounts.",
            "Extra records get a name variant (85%), a phone variant (70%), an e-mail case variant (60%) and "
            "sometimes the city in Chinese or lower case. Records created before mid-2021 are stale with "
            "probability 0.22 (last update before 2022). Fields go missing at random (phone 6%, e-mail 6-14%, "
            "city 3%, contact person 10-50%).",
        ],
        "planted": [
            "About 12% duplicate records: `customer_id_true` has 1,500 distinct values in about 1,715 rows.",
            "Stale records: a part not updated for more than three years before 2024-12-31.",
        ],
    },
    "transactions": {
        "title": "Order lines 2023-2024 (交易明细)",
        "description": "Order lines and returns 2023-2024: product, quantity, price, amount, cost, discount, channel",
        "summary": "Every order line and return of 2023-2024: product line, quantity, list price, net amount, "
                       "cost, discount, channel, order type and tender result.",
        "chapters": ["01", "02", "03", "04", "05", "06", "09"],
        "primary_key": None,
        "fields": [
            F("order_id", "string", "Order id `O000001` ..., numbered by date; an order has one or more lines; "
              "a return line carries the id of the order it returns."),
            F("customer_id", "string", "Buying customer (key to `customers`)."),
            F("order_date", "date", "Order date (a return is booked on the order's date)."),
            F("product_line", "category", "Product line.", categories=PRODUCT_LINES),
            F("quantity", "integer", "Units; negative on a return line; 0 on a lost tender.", "units"),
            F("unit_price", "number", "List price per unit before discount.", "CNY per unit"),
            F("amount", "number", "Net amount = quantity x unit_price x (1 - discount), rounded to fen; "
              "negative on returns; 0 on lost tenders.", "CNY"),
            F("cost", "number", "Cost of the goods; on a return line the cost credited back "
              "(60% of the cost: returned goods are partly written off).", "CNY"),
            F("discount", "number", "Discount off list price.", "fraction 0-0.4"),
            F("is_return", "boolean", "Return line (negative quantity, amount and cost)."),
            F("channel", "category", "How the order came in: field sales, inside sales, the key-account "
              "ordering homepage, the call centre, a distributor.",
              categories=["field_sales", "inside_sales", "ka_homepage", "call_centre", "distributor"]),
            F("order_type", "category", "Regular order, one-off group buy, or public tender.",
              categories=["regular", "group_buy", "tender"]),
            F("tender_result", "category", "Result of a tender (n/a for other orders); a lost tender keeps "
              "the bid price and discount with quantity, amount and cost 0.",
              categories=["won", "lost", "n/a"]),
        ],
        "generation": [
            "Orders come from a day-by-customer Poisson process: the customer's yearly order rate (heavier "
            "buyers order more often: rate grows with the square root of spend, and each order is bigger too) "
            "times a season factor (Chinese New Year and National Day dips, September and December peaks, "
            "11 November for consumers), a weekday factor (organisations rarely order at weekends), the "
            "customer's own growth trend, its active period, and the survey switching plan.",
            "Each order has 1-6 lines; the product lines are drawn from the customer's own preferences (a "
            "quarter of customers buy only one or two lines), list prices vary around a typical price per "
            "line, quantities make up the order value, discounts follow the customer's usual discount "
            "(tenders and group buys get more). Cost = quantity x price x (1 - list margin), list margins "
            "15% (IT hardware) to 50% (software).",
            "Public-sector buyers (government, education, most hospitals) put about 18% of orders out to "
            "tender, 2.5 times the usual size; win chances follow the tier (lapsed customers lose most). "
            "Returns: a share of lines (about 1% for platinum, 13% for lead customers) get a return line "
            "for part or all of the quantity.",
        ],
        "planted": [
            "At least 50,000 rows; about 3% of lines are returns with negative amount.",
            "B2B orders are much larger than consumer orders; group buys are one-off bulk orders; tenders "
            "have won/lost results.",
            "Six key accounts slow down sharply from July 2024 and complain repeatedly (an early-warning case).",
        ],
    },
    "payments": {
        "title": "Invoices and payments (应收与收款)",
        "description": "Invoices and payments: due dates, days to pay, open and part-paid invoices",
        "summary": "Invoices (monthly for organisations, per order for consumers) with due dates, payment "
                       "dates and amounts: collection cycle, arrears and bad debts.",
        "chapters": ["04"],
        "primary_key": "invoice_id",
        "fields": [
            F("invoice_id", "string", "Invoice id `INV000001` ... in date order."),
            F("customer_id", "string", "Invoiced customer (key to `customers`)."),
            F("invoice_date", "date", "Invoice date: month end for organisations, order date for consumers."),
            F("invoice_amount", "number", "Net amount invoiced (the month's or order's net transactions).", "CNY"),
            F("due_date", "date", "Payment due: on receipt for consumers, 30 days, 60 days for state-owned "
              "customers and key accounts."),
            F("payment_date", "date", "Date paid; empty if unpaid on 2024-12-31."),
            F("payment_amount", "number", "Amount received (0 if unpaid; less than invoiced if paid in part).",
              "CNY"),
            F("days_to_pay", "integer", "payment_date - invoice_date (collection cycle); empty if unpaid.", "days"),
        ],
        "generation": [
            "Invoices are summed from `transactions` (net of returns; months with no positive net are not "
            "invoiced). Payment delay = terms + a tier shift (platinum pay about 8 days early, lead about "
            "28 days late) + noise. Lead customers leave about 12% of invoices unpaid, lapsed customers 6%; "
            "2.5-10% of organisation invoices are paid in part; invoices not yet paid on 2024-12-31 are open.",
        ],
        "planted": ["Loss-making (lead) customers pay late and leave arrears."],
    },
    "contacts": {
        "title": "Contact and complaint log (客户接触与投诉记录)",
        "description": "Contact and complaint log: channel, staff, counterpart, type, topic, first-contact resolution",
        "summary": "Every logged contact: channel, direction, our staff and level, the customer's "
                       "counterpart, type (task, complaint, praise ...), topic, first-contact resolution, hours.",
        "chapters": ["01", "03", "06", "07", "09"],
        "primary_key": "contact_id",
        "fields": [
            F("contact_id", "string", "Contact id `CT000001` ... in time order."),
            F("customer_id", "string", "Customer (key to `customers`)."),
            F("contact_datetime", "datetime", "Date and time (hotline and IVR 7x24, others office hours)."),
            F("channel", "category", "Contact channel (hotline_400 is the 7x24 service line).",
              categories=["phone", "visit", "email", "online_form", "fax", "hotline_400", "IVR"]),
            F("direction", "category", "Inbound (the customer contacts us) or outbound.",
              categories=["inbound", "outbound"]),
            F("staff_id", "string", "Our staff: `AM..` account managers, `IS..` inside sales, `MG..` managers, "
              "`VP..` vice presidents."),
            F("staff_level", "category", "Level of our staff member.", categories=STAFF_LEVELS, ordered=True),
            F("counterpart_title", "category", "Title of the person we dealt with at the customer.",
              categories=sorted(set(TITLES) | set(KA_POSITIONS))),
            F("contact_type", "category", "Kind of contact (contact indicators: tasks, process steps, praise, "
              "complaints, suggestions).",
              categories=["task", "process_step", "praise", "complaint", "suggestion", "inquiry", "care_activity"]),
            F("topic", "category", "What it was about.",
              categories=["quality", "delivery", "price", "after_sales", "tech_support", "attitude", "billing"]),
            F("resolved_first_time", "boolean", "Solved at the first contact (complaints and inquiries; "
              "empty otherwise)."),
            F("resolution_hours", "number", "Hours until solved (complaints and inquiries; empty otherwise).",
              "hours"),
        ],
        "generation": [
            "Contacts per customer grow with its number of orders; key accounts get many more (with managers "
            "and VPs visiting), lead customers about twice as many, mostly complaints. Counterparts go beyond "
            "purchasing the deeper the relationship (share of wallet). The key-account card entries "
            "(`ka_contacts`) are in this log too, as tasks and process steps.",
            "First-contact resolution of complaints improves from about 60% to 76% over the two years "
            "(lower by e-mail, online form and fax); complaint resolution hours are log-normal around 16 h.",
        ],
        "planted": [
            "Six sliding key accounts complain five extra times in the second half of 2024.",
            "Contact depth (executive visits, departments in contact) grows with the relationship stage.",
        ],
    },
    "survey": {
        "title": "Customer satisfaction survey 2023 (客户满意度调查)",
        "description": "Satisfaction survey, 800 answers: SERVQUAL items, satisfaction, NPS, loyalty, switching, Kano",
        "summary": "800 answers to the end-2023 survey: SERVQUAL expectation, perception and importance for "
                       "ten items, overall satisfaction, NPS, loyalty, switching, five Kano question pairs, switching-cost "
                       "and purchase-risk items and three psychological needs.",
        "chapters": ["07", "08"],
        "primary_key": "response_id",
        "fields": _survey_fields(),
        "generation": [
            "800 customers who had bought before and were still buying were surveyed between 2023-10-09 and "
            "2023-12-15. Each item's expectation and perception are rounded normal draws around planted means "
            "with a respondent halo (perception) and a respondent expectation shift (higher for word of mouth "
            "and key accounts). Overall satisfaction follows the importance-weighted perception-expectation "
            "gap; by rank, 87% answer 4 or 5.",
            "Whether a respondent switched depends on price sensitivity, number of suppliers, key-account "
            "status, club membership and (weakly) satisfaction. Switchers' later orders fall to 30% "
            "(28% of them stop), so `transactions` shows it.",
            "Kano answers: each respondent's category per feature is drawn from planted shares (dominant "
            "category 42-58%), then coded as an answer pair of the standard Kano evaluation table.",
            "Switching-cost (`sc_*`), purchase-risk (`risk_*`) and need items are drawn afterwards from a "
            "separate random stream, so the columns above are unchanged: a respondent's perceived barrier is "
            "lower when it went on to switch, higher for key accounts, club members and price-insensitive "
            "customers; needs are rounded normal draws (security highest, higher for key accounts; emotional "
            "higher for club members).",
        ],
        "planted": [
            "SERVQUAL gaps (perception - expectation): about -1.2 for response_speed and personalisation; "
            "about -0.5 for delivery, tech_support and after_sales; about 0 for quality, expertise, attitude; "
            "positive for facilities (+0.7) and materials (+0.5).",
            "Importance: quality, delivery, response_speed high; facilities and materials low. So IPA puts "
            "response_speed and personalisation in 'concentrate here' and facilities in 'possible overkill'.",
            "Kano: quality_certificate Must-be (M), fast_delivery and online_tracking One-dimensional (O), "
            "dedicated_manager Attractive (A), gift_packaging Indifferent (I).",
            "About 87% satisfied (4 or 5), yet a good share of satisfied customers switched within 12 months "
            "(the Bain satisfaction-loyalty paradox).",
            "Switching cost explains part of it: among satisfied respondents, those in the lowest third of "
            "the switching-cost index switch about five times as often as those in the highest third (about 65% against 13%).",
            "Psychological needs: security matters most (mean about 4), then respect, then emotional needs.",
        ],
    },
    "share_of_wallet": {
        "title": "Share of wallet by customer, year and category (采购份额)",
        "description": "Share of wallet per business customer, year and category, with the relationship stage",
        "summary": "For each business customer, year and its three main product categories: its total "
                       "purchases, our sales, the share, suppliers, our role, the relationship stage, contact "
                       "depth and the opportunities seen.",
        "chapters": ["06", "09"],
        "primary_key": None,
        "fields": [
            F("customer_id", "string", "Business or channel customer (key to `customers`)."),
            F("year", "integer", "Calendar year (2023 or 2024)."),
            F("category", "category", "Product category (our product line).", categories=PRODUCT_LINES),
            F("customer_total_purchases", "number", "The customer's total purchases in the category that year "
              "from all suppliers (sales team's estimate).", "CNY"),
            F("our_sales", "number", "Our net sales to the customer in the category that year (equals the sum "
              "of `transactions.amount`).", "CNY"),
            F("share", "number", "our_sales / customer_total_purchases (share of wallet).", "fraction 0-1"),
            F("n_suppliers", "integer", "Suppliers the customer uses in the category (us included when "
              "our_sales > 0).", "count"),
            F("our_role", "category", "Our role: none, candidate (< 20%), secondary (< 50%), main (50-80%), "
              "strategic (>= 80%).", categories=["none", "candidate", "secondary", "main", "strategic"],
              ordered=True),
            F("stage", "category", "Relationship stage by share: 0 development, < 50% initial, 50% to < 80% "
              "stable, 80-100% strategic.", categories=["development", "initial", "stable", "strategic"],
              ordered=True),
            F("exec_visits", "integer", "Visits by our managers and VPs to the customer that year (from "
              "`contacts`).", "count"),
            F("departments_in_contact", "integer", "Distinct departments of the customer we were in contact "
              "with that year (from `contacts`).", "count"),
            F("events", "string", "Opportunities seen at the account that year, separated by ';' (of: "
              + ", ".join(SOW_EVENTS) + "); empty if none. (Added for Chapter 9.)"),
        ],
        "generation": [
            "Rows for every business and channel customer, both years, and the customer's three favourite "
            "categories. our_sales comes from `transactions`; the customer's total is our sales divided by a "
            "share drawn around the customer's hidden relationship depth (tied to its number of suppliers "
            "and tier; single-supplier customers 90-100%). Where we sold nothing (not yet a customer, lapsed, "
            "or a category it buys elsewhere) the stage is development.",
        ],
        "planted": ["All four stages occur; stage transitions between 2023 and 2024 show growth and regression; "
                    "executive visits and departments in contact rise with the stage."],
    },
    "subscribers": {
        "title": "Telecom subscriber base (电信用户)",
        "description": "Telecom subscriber base (10,000): plan, usage, ARPU, margin, complaints, churn, value group",
        "summary": "A telecom operator's 10,000 subscribers on 2024-01-01 followed through 2024: plan, usage, "
                       "ARPU, margin, growth, complaints, competitor offers, churn and value group.",
        "chapters": ["01", "09"],
        "primary_key": "subscriber_id",
        "fields": [
            F("subscriber_id", "string", "Subscriber id `S00001` ... (not a Huaxin customer)."),
            F("region", "category", "Region.", categories=REGIONS),
            F("join_date", "date", "Date the subscriber joined (before 2024)."),
            F("tenure_months", "integer", "Months from joining to churn or to 2024-12-31.", "months"),
            F("monthly_fee_cny", "number", "Monthly plan fee.", "CNY per month"),
            F("minutes", "integer", "Call minutes per month (zero for many negative-value users).",
              "minutes per month"),
            F("data_gb", "number", "Mobile data per month.", "GB per month"),
            F("value_added_services", "integer", "Number of value-added services subscribed.", "count"),
            F("arpu_cny", "number", "Average revenue per user per month.", "CNY per month"),
            F("margin_cny", "number", "ARPU minus the cost to carry the user (network, billing, service).",
              "CNY per month"),
            F("growth_rate", "number", "Year-on-year growth of the user's spending.", "fraction"),
            F("complaints_90d", "integer", "Complaints in the last 90 days.", "count"),
            F("competitor_offer_flag", "boolean", "Known to have received a competitor's offer."),
            F("churned", "boolean", "Left during 2024."),
            F("churn_date", "date", "Date of leaving (empty if still a subscriber)."),
            F("acquisition_cost_cny", "number", "What it cost to win the subscriber (commission, subsidy).", "CNY"),
            F("value_group", "category", "Planted value group (the answer key): most valuable, growth potential, "
              "negative value, about to churn.",
              categories=["most_valuable", "growth", "negative_value", "pre_churn"]),
        ],
        "generation": [
            "Each subscriber is first given a value group (20% most valuable, 35% growth, 15% negative value, "
            "30% pre-churn); plan, usage, services, growth, complaints and competitor offers are drawn by "
            "group: most valuable users have big plans and usage, growth users fast-rising spending, "
            "negative-value users the cheapest plans with zero or ultra-low usage (so margin below zero), "
            "pre-churn users complaints, competitor offers and falling spending. Churn during 2024 is drawn "
            "by group (6%, 15%, 32%, 56%) and nudged by offers and complaints.",
        ],
        "planted": ["Annual churn about 27% (between the European 25% and the US 30% in the sources)."],
    },
    "ka_cards": {
        "title": "Key-account information cards (大客户资料卡)",
        "description": "Key-account information cards: company profile, project, incumbent supplier, needs",
        "summary": "One information card per key account: company nature, founding date, source, industry, "
                       "product type, potential project, address, phone, fax, e-mail, website, cooperation "
                       "intent, incumbent supplier, needs, account manager.",
        "chapters": ["05", "06"],
        "primary_key": "customer_id",
        "fields": [
            F("customer_id", "string", "Key account (key to `customers`)."),
            F("company_name", "string", "Company name (as in `customers.name`)."),
            F("company_nature", "category", "Ownership of the company.", categories=OWNERSHIP),
            F("founded_date", "date", "Date the company was founded."),
            F("customer_source", "category", "How we got to know the customer.", categories=SOURCES),
            F("industry", "category", "Industry.", categories=INDUSTRIES),
            F("product_type", "category", "Product line the customer buys most from us.", categories=PRODUCT_LINES),
            F("potential_project", "string", "Project we hope to win (e.g. assessment software)."),
            F("address", "string", "Address (invented)."),
            F("postcode", "string", "Postcode (six digits)."),
            F("phone", "string", "Main telephone."),
            F("fax", "string", "Fax (empty if none)."),
            F("email", "string", "E-mail of the purchasing contact."),
            F("website", "string", "Website (invented)."),
            F("cooperation_intent", "category", "How keen the customer is to work with us.",
              categories=["weak", "moderate", "strong"], ordered=True),
            F("incumbent_supplier", "string", "Current main competing supplier (e.g. 'Company X')."),
            F("needs", "string", "What the customer wants (e.g. lower price; faster service)."),
            F("account_manager_id", "string", "Responsible account manager."),
        ],
        "generation": ["One card per key account, from the customer master, its transactions (main product "
                       "line) and invented contact details that match the CRM export."],
        "planted": ["Cooperation intent follows the relationship depth (share of wallet)."],
    },
    "ka_contacts": {
        "title": "Key-account contact histories (大客户资料卡接触记录)",
        "description": "Key-account contact histories: numbered calls and visits, next steps, promised call-backs",
        "summary": "The contact history on each key-account card: 3 or more numbered phone calls and "
                       "visits with the person met, content, next step and promised call-back date.",
        "chapters": ["03", "06"],
        "primary_key": None,
        "fields": [
            F("customer_id", "string", "Key account (key to `customers` and `ka_cards`)."),
            F("contact_no", "integer", "Number of the contact on the card: 1, 2, 3, ..."),
            F("method", "category", "Phone call or visit.", categories=["phone", "visit"]),
            F("contact_date", "date", "Date of the contact."),
            F("our_person", "string", "Our staff member (`AM..`, `MG..`, `VP..`)."),
            F("contacted_person", "string", "The customer's person we spoke to (invented name)."),
            F("position", "category", "That person's position.", categories=KA_POSITIONS),
            F("content", "string", "What happened (English; mirrors the textbook's example card)."),
            F("next_step_plan", "string", "The next step agreed."),
            F("promised_callback_date", "date", "Date the customer promised to call back (usually contact "
              "date + 14 days; empty if none)."),
        ],
        "generation": [
            "3-7 contacts per key account: 1 a phone call introducing the offer, 2 a visit learning the "
            "incumbent supplier and the needs, 3 a proposal with a promised call back within two weeks, then "
            "follow-ups. Gaps between contacts are 6-39 days, so some promised call-backs are overdue."
        ],
        "planted": ["Every key account has at least three contacts, numbered 1..n in date order; "
                    "promised_callback_date = contact_date + 14 days in most rows.",
                    "Most key accounts meet one or two people (single-threaded). About 40% of those with four or "
                    "more entries meet a new person in another position from the third entry on, so they have "
                    "three or more named contacts (chapter 03, 多线联系; drawn from a separate stream, and the "
                    "contact log's counterpart_title follows). The C00415 card (the textbook's example) is unchanged."],
    },
    "cabin_fares": {
        "title": "Airline cabins (case 7-3: economy, business, first)",
        "description": "Airline cabins: fare multipliers 1.0/1.3/1.5, passengers per attendant, service",
        "summary": "Three airline cabins with fare multipliers 1.0/1.3/1.5, an example fare, passengers "
                       "per attendant, position, baggage, lounge, boarding and meals.",
        "chapters": ["04"],
        "primary_key": "cabin",
        "fields": [
            F("cabin", "category", "Cabin class.", categories=["economy", "business", "first"], ordered=True),
            F("fare_multiplier", "number", "Fare as a multiple of the economy fare (source: 1.0, 1.3, 1.5).",
              "x economy"),
            F("example_fare_cny", "number", "Fare when economy costs 1,200 CNY.", "CNY"),
            F("passengers_per_attendant_min", "integer", "Fewest passengers per flight attendant (source: first "
              "class 10-15; other cabins illustrative).", "passengers"),
            F("passengers_per_attendant_max", "integer", "Most passengers per flight attendant.", "passengers"),
            F("cabin_position", "string", "Where the cabin is (economy: mid-fuselage to tail)."),
            F("share_of_cabin", "number", "Share of the cabin space (economy three quarters or more).",
              "fraction"),
            F("baggage_allowance_kg", "integer", "Free checked baggage (illustrative).", "kg"),
            F("lounge", "boolean", "Lounge access."),
            F("priority_boarding", "boolean", "Boards first."),
            F("meal_service", "string", "Meals offered."),
        ],
        "generation": ["Hand-written from the textbook case (multipliers, first-class attendant ratio, cabin "
                       "position); the other attendant ratios and baggage allowances are illustrative."],
        "planted": [],
    },
    "mystery_shopper": {
        "title": "Mystery-shopper calls (神秘客户测试)",
        "description": "Mystery-shopper calls: our service centre and five competitors, scenario scores 1-5",
        "summary": "A mystery-shopper study of November 2024: Huaxin's own service centre and five competitors "
                   "phoned under scripted scenarios, each call scored 1-5 with the waiting time.",
        "chapters": ["03"],
        "primary_key": None,
        "fields": [
            F("competitor", "string", "Who was called: `Huaxin (own service centre)` or a competitor."),
            F("scenario", "string", "The scripted scenario (price inquiry, repair request, complaint, ...)."),
            F("call_date", "date", "Date of the call."),
            F("score", "integer", "The shopper's rating of the call, 1 (poor) to 5 (excellent).", "points"),
            F("wait_seconds", "integer", "Waiting time before a person answered.", "s"),
        ],
        "generation": ["Drawn from a separate random stream (chapter 03): for each of the six, a set of "
                       "distinct scenarios out of ten scripts, scores rounded normal around a planted mean "
                       "(clipped to 1-5), log-normal waiting times (longer where the mean score is lower)."],
        "planted": ["The source asks for 8-10 scenarios; 晨曦办公服务 was only called under 6, so its mean rests "
                    "on too few scenarios and is flagged."],
    },
}


def dataset_names() -> list[str]:
    """Names of the datasets, in datapackage order."""
    return list(DATASETS)


def field_names(name: str) -> list[str]:
    """Column names of a dataset, in file order."""
    return [f["name"] for f in DATASETS[name]["fields"]]


_FRICTIONLESS = {"string": "string", "category": "string", "integer": "integer", "number": "number",
                 "boolean": "boolean", "date": "date", "datetime": "datetime"}


def datapackage(rows: dict[str, int]) -> dict:
    """The Frictionless-style ``datapackage.json`` content, given the row count of every table."""
    resources = []
    for name, spec in DATASETS.items():
        fields = []
        for f in spec["fields"]:
            out = {"name": f["name"], "type": _FRICTIONLESS[f["type"]], "description": f["description"]}
            if f["unit"]:
                out["unit"] = f["unit"]
            if f["type"] == "category":
                out["constraints"] = {"enum": f["categories"]}
                out["categorical"] = True
            if f["type"] == "datetime":
                out["format"] = DATETIME_FORMAT
            fields.append(out)
        schema = {"fields": fields, "missingValues": [""]}
        if spec["primary_key"]:
            schema["primaryKey"] = spec["primary_key"]
        if any(f["name"] in ("customer_id", "customer_id_true") for f in spec["fields"]) and name != "customers":
            key = "customer_id_true" if name == "customers_raw" else "customer_id"
            schema["foreignKeys"] = [{"fields": key, "reference": {"resource": "customers", "fields": "customer_id"}}]
        resources.append({
            "name": name, "title": spec["title"], "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "rows": int(rows[name]), "description": spec["description"],
            "chapters": spec["chapters"], "schema": schema,
        })
    return {
        "name": "crmlearn-course-data",
        "title": "crmlearn course data: Huaxin Office Supplies Co. (华信办公用品), synthetic",
        "description": "Synthetic, deterministic data of one invented company for the crmlearn course in "
                       f"customer relationship management. Reference date {AS_OF}. Generated by "
                       f"`python -m crmlearn.datasets.generate datasets` with seed {SEED}.",
        "licenses": [LICENCE],
        "resources": resources,
    }


def datapackage_json(rows: dict[str, int]) -> str:
    """``datapackage.json`` as text (stable: two-space indent, UTF-8, trailing newline)."""
    return json.dumps(datapackage(rows), indent=2, ensure_ascii=False) + "\n"


def render_card(name: str, rows: int) -> str:
    """The data card (Markdown) of one dataset."""
    spec = DATASETS[name]
    lines = [f"# {name}: {spec['title']}", "", spec["summary"], "",
             f"- File: `{name}.csv` (UTF-8, comma-separated, header row), {rows:,} rows, "
             f"{len(spec['fields'])} columns.",
             f"- Load: `crmlearn.load_dataset(\"{name}\")` (columns typed as below).",
             f"- Primary key: `{spec['primary_key']}`." if spec["primary_key"] else "- Primary key: none.",
             f"- Reference date: {AS_OF}. Company: Huaxin Office Supplies Co. (华信办公用品), invented.",
             "", "## Columns", "", "| column | type | unit | meaning |", "|---|---|---|---|"]
    for f in spec["fields"]:
        meaning = f["description"]
        if f.get("categories"):
            order = " (ordered)" if f.get("ordered") else ""
            meaning += " Values" + order + ": " + ", ".join(f"`{c}`" for c in f["categories"]) + "."
        meaning = meaning.replace("|", "\\|")
        lines.append(f"| `{f['name']}` | {f['type']} | {f['unit'] or '-'} | {meaning} |")
    lines += ["", "Missing values are empty cells. Dates are ISO (`YYYY-MM-DD`), date-times "
              "`YYYY-MM-DD HH:MM:SS`, booleans `True`/`False`, money in CNY rounded to 0.01.", "",
              "## How it was generated", ""]
    lines += [f"- {p}" for p in spec["generation"]]
    if spec["planted"]:
        lines += ["", "## Planted structure (what the course measures)", ""]
        lines += [f"- {p}" for p in spec["planted"]]
    lines += ["", "## Used in chapters", ""]
    lines += [f"- {c} {CHAPTERS[c]}" for c in spec["chapters"]]
    lines += ["", "## Licence", "",
              "CC0-1.0 (public domain). The data are synthetic: generated by `crmlearn.datasets.generate` "
              f"with seed {SEED}; the company, customers, people, addresses, phone numbers and e-mails are "
              "invented, and any likeness to real ones is a coincidence.", "",
              "Regenerate with `python -m crmlearn.datasets.generate datasets` (or `make data`); a test "
              "checks that the files here are exactly what the generator writes.", ""]
    return "\n".join(lines)
