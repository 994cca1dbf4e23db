"""The ``____`` placeholder that starter cells leave for the learner to fill in.

``____`` is a single object. Whatever a starter cell does with it (arithmetic,
an attribute, a call, an index), the result is ``____`` again, so a cell such as
``share = ____ / total`` or ``x = ____.sum()`` runs without a traceback and the
checker can then say "not attempted" instead of "wrong".

>>> from crmlearn.exercises import ____
>>> ____
____
>>> (____ / 3).sum()[0] is ____
True
>>> 10 - ____ is ____
True
"""
from __future__ import annotations

from typing import Any

__all__ = ["____", "is_placeholder", "contains_placeholder"]

_MESSAGE = "____ is a placeholder: replace it with your own code first, then run the cell again."


class _Placeholder:
    """Type of the ``____`` singleton (see the module docstring)."""

    _instance: "_Placeholder | None" = None
    __slots__ = ()

    # numpy and pandas hand operations over to us, so ``series / ____`` and
    # ``np.sqrt(____)`` are ``____`` too.
    __array_priority__ = 1_000_000
    __pandas_priority__ = 1_000_000

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> "_Placeholder":
        return self

    def __array_function__(self, func: Any, types: Any, args: Any, kwargs: Any) -> "_Placeholder":
        return self

    def __new__(cls) -> "_Placeholder":
        if cls._instance is None:
            cls._instance = object.__new__(cls)
        return cls._instance

    # --- how it looks -------------------------------------------------------------
    def __repr__(self) -> str:
        return "____"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return "____"

    # --- absorb everything a starter cell might do ------------------------------------
    def __getattr__(self, name: str) -> Any:
        # Private and special names stay missing, so IPython, copy, pickle and numpy
        # do not mistake the placeholder for something it is not.
        if name.startswith("_"):
            raise AttributeError(name)
        return self

    def __setattr__(self, name: str, value: Any) -> None:  # ``____.x = 1`` is ignored
        pass

    def __delattr__(self, name: str) -> None:
        pass

    def __call__(self, *args: Any, **kwargs: Any) -> "_Placeholder":
        return self

    def __getitem__(self, key: Any) -> "_Placeholder":
        return self

    def __setitem__(self, key: Any, value: Any) -> None:
        pass

    def __delitem__(self, key: Any) -> None:
        pass

    def _absorb(self, *other: Any) -> "_Placeholder":
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _absorb
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _absorb
    __mod__ = __rmod__ = __pow__ = __rpow__ = __matmul__ = __rmatmul__ = _absorb
    __divmod__ = __rdivmod__ = _absorb
    __and__ = __rand__ = __or__ = __ror__ = __xor__ = __rxor__ = _absorb
    __lshift__ = __rlshift__ = __rshift__ = __rrshift__ = _absorb
    __neg__ = __pos__ = __abs__ = __invert__ = _absorb
    __lt__ = __le__ = __gt__ = __ge__ = _absorb
    __round__ = __trunc__ = __floor__ = __ceil__ = _absorb

    def __eq__(self, other: Any) -> Any:
        return self

    def __ne__(self, other: Any) -> Any:
        return self

    def __hash__(self) -> int:
        return 0x5F5F5F5F

    def __bool__(self) -> bool:
        return False

    def __iter__(self):
        return iter(())

    def __contains__(self, item: Any) -> bool:
        return False

    def __enter__(self) -> "_Placeholder":
        return self

    def __exit__(self, *exc: Any) -> bool:
        return False

    # Converting it to a real number cannot work: say so plainly.
    def __float__(self) -> float:
        raise TypeError(_MESSAGE)

    __int__ = __complex__ = __index__ = __float__

    # Copies and pickles are the same singleton.
    def __copy__(self) -> "_Placeholder":
        return self

    def __deepcopy__(self, memo: Any) -> "_Placeholder":
        return self

    def __reduce__(self) -> str:
        return "____"


____ = _Placeholder()


def is_placeholder(value: Any) -> bool:
    """True when ``value`` is the ``____`` placeholder itself."""
    return value is ____


def contains_placeholder(value: Any, _depth: int = 0) -> bool:
    """True when ``value`` is ``____`` or holds it (in a list, tuple, set, dict, array or table).

    >>> contains_placeholder([1, (2, ____)])
    True
    >>> contains_placeholder({"a": 1})
    False
    """
    if value is ____:
        return True
    if _depth > 4:
        return False
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(contains_placeholder(v, _depth + 1) for v in value)
    if isinstance(value, dict):
        return any(contains_placeholder(k, _depth + 1) or contains_placeholder(v, _depth + 1)
                   for k, v in value.items())
    # numpy arrays and pandas objects: only object-dtype ones can hold the placeholder
    dtype = getattr(value, "dtype", None)
    if dtype is not None and getattr(dtype, "kind", None) == "O":
        values = getattr(value, "values", value)
        try:
            flat = values.ravel() if hasattr(values, "ravel") else values
            return any(v is ____ for v in flat)
        except Exception:
            return False
    dtypes = getattr(value, "dtypes", None)  # a DataFrame: look at its object columns
    if dtypes is not None and hasattr(value, "columns"):
        try:
            for col, dt in zip(value.columns, dtypes):
                if getattr(dt, "kind", None) == "O" and any(v is ____ for v in value[col].to_numpy()):
                    return True
        except Exception:
            return False
    return False
