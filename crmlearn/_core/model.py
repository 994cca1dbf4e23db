"""The one base class of crmlearn's fitted models (BetaGeo, GammaGamma, ShiftedBetaGeometric, PLSPathModel).

It follows scikit-learn's conventions without importing scikit-learn:

- ``__init__`` stores the settings only, under the names of its parameters;
- ``get_params()`` / ``set_params(**settings)`` read and change them, so
  ``sklearn.base.clone(model)`` gives an unfitted copy with the same settings;
- learned values end in ``_`` and are set by ``fit`` (``params_``), never by ``__init__``;
- asking for results before ``fit`` raises :class:`~crmlearn.NotFittedError`
  ("... is not fitted yet. Call .fit(data) first.");
- ``summary()`` returns a DataFrame indexed by what was estimated (parameter or latent variable);
- predictions for customers come back as a Series on the index of the table passed in
  (:meth:`_per_customer`).
"""
from __future__ import annotations

import inspect
from typing import Any

import pandas as pd

from .._validation import check_fitted

__all__ = ["Model"]


class Model:
    """Settings, ``get_params``/``set_params``, the fitted check and the summary convention."""

    #: the learned attribute whose presence means "fitted"
    _fitted_attribute = "params_"

    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return [p.name for p in sig.parameters.values()
                if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The settings given to ``__init__``, by name (``deep`` is accepted for scikit-learn)."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> "Model":
        """Change settings by name and return ``self``; an unknown name raises a ValueError listing the valid ones.

        Changing a setting does not refit: call ``.fit(data)`` again.
        """
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(f"{type(self).__name__}.set_params: unknown setting {name!r}. "
                                 f"Valid settings: {valid}.")
            setattr(self, name, value)
        return self

    @property
    def is_fitted(self) -> bool:
        """True once ``fit`` has run."""
        return getattr(self, self._fitted_attribute, None) is not None

    def _check_fitted(self) -> None:
        check_fitted(self, self._fitted_attribute)

    def _settings_repr(self) -> str:
        """The settings that differ from their defaults, as ``name=value`` (scikit-learn's repr)."""
        sig = inspect.signature(type(self).__init__)
        parts = []
        for name in self._param_names():
            default = sig.parameters[name].default
            value = getattr(self, name)
            if default is inspect.Parameter.empty or value is not default and value != default:
                parts.append(f"{name}={value!r}")
        return ", ".join(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._settings_repr()})"

    def summary(self) -> pd.DataFrame:
        """The estimates, one row each (subclasses say which columns)."""
        raise NotImplementedError

    @staticmethod
    def _per_customer(values: Any, data: pd.DataFrame, name: str) -> pd.Series:
        """Per-customer predictions as a Series on ``data``'s index, named ``name``."""
        return pd.Series(values, index=data.index, name=name)
