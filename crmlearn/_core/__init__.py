"""Private machinery shared by the subject modules (not public API).

- :mod:`.dates`: the one date reader (text, tz-aware and mixed-offset dates -> naive UTC);
- :mod:`.model`: the one base class of the fitted models; :mod:`.compat`: renamed keywords;
  :mod:`.tables`: the table contract; :mod:`.defaults`: shared thresholds;
- :mod:`.purchases`: the one purchase rule (returns and lost tenders are not purchases) and the
  customer-id check (ids of mixed types such as 1 and "1").
"""
