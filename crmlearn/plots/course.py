"""Moved to :mod:`crmlearn.plots.overview` (the plots of :mod:`crmlearn.overview`); kept so old imports work."""
from .overview import column_chart, revenue_chart  # noqa: F401

__all__: list[str] = []
