"""crmlearn: a hands-on course in customer relationship management (客户关系管理).

The package does the analysis the course notebooks show: customer summaries,
grading (80/20, ABC, tiers, pyramid, RFM), segmentation, satisfaction and
loyalty models, retention and lifetime value. Everything runs on the course's
bundled data (:func:`load_dataset`) or on your own tables.

``import crmlearn`` stays light: the subject modules (and matplotlib, scipy,
scikit-learn, ipywidgets) are imported the first time you use them, e.g.
``crmlearn.grading`` or ``from crmlearn.grading import abc_classify``.
"""
from __future__ import annotations

import importlib

from ._validation import CRMDataError, NotFittedError
from .datasets import dataset_overview, describe_dataset, list_datasets, load_dataset

__version__ = "0.1.0"

_SUBMODULES = (
    "accounts", "cli", "clv", "customers", "datasets", "display", "exercises", "glossary", "grading", "idic", "io",
    "lifecycle",
    "loyalty", "overview", "plots", "retention", "satisfaction", "segmentation", "widgets",
)

__all__ = [
    "CRMDataError",
    "NotFittedError",
    "dataset_overview",
    "describe_dataset",
    "list_datasets",
    "load_dataset",
    "__version__",
    *_SUBMODULES,
]


def __getattr__(name: str):
    """Import subject modules on first use, so ``import crmlearn`` stays fast."""
    if name in _SUBMODULES:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'crmlearn' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_SUBMODULES))
