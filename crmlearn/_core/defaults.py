"""Thresholds that more than one module uses, defined once so they cannot drift apart.

``tier_classify`` (grading) and ``quality_traits`` (segmentation) both ask "is this customer
not very price-sensitive, and does it buy from few suppliers?" (the sources' platinum tier and
quality customer); they use the same limits. ``price_sensitivity`` is on a 0-1 scale in the
course data; 0.4 was the limit of the quality-customer traits and is now the tiers' too.
"""
MAX_PRICE_SENSITIVITY = 0.4
MAX_SUPPLIERS = 2
