"""Keep old keyword names working for a while, with a FutureWarning that names the new one.

One decorator, :func:`renamed_kwargs`, used by every public function whose keyword was renamed
when the package settled on one set of names (``DESIGN.md``, "Names")::

    @renamed_kwargs(seed="random_state")
    def simulate_sbg(n, alpha, beta, *, periods, random_state=None): ...

    simulate_sbg(10, 1.0, 1.0, periods=3, seed=0)   # works, warns "use random_state="

``keyword_only=("ax",)`` does the same for an argument that used to be positional and is now
keyword-only: an old call ``ipa_chart(table, ax)`` still works, with a FutureWarning.
"""
from __future__ import annotations

import functools
import inspect
import warnings
from typing import Callable, Sequence

__all__ = ["renamed_kwargs"]


def _n_positional(func: Callable) -> int:
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return sum(p.kind in kinds for p in inspect.signature(func).parameters.values())


def renamed_kwargs(keyword_only: Sequence[str] = (), **renames: str) -> Callable:
    """Decorate a function so old keyword names (and old positional slots) keep working.

    Parameters
    ----------
    keyword_only : sequence of str, optional
        Names of keyword-only parameters that older versions took positionally, in their old
        positional order after the current positional parameters.
    **renames : str
        ``old_name="new_name"`` pairs.

    Examples
    --------
    >>> import warnings
    >>> @renamed_kwargs(seed="random_state")
    ... def draw(n, *, random_state=None):
    ...     return n, random_state
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     draw(3, seed=7)
    (3, 7)
    >>> print(w[0].message)
    draw: the keyword seed= is now random_state=; pass random_state=7 instead (seed= will be removed).
    """
    keyword_only = tuple(keyword_only)

    def decorate(func: Callable) -> Callable:
        name = func.__qualname__.replace(".<locals>", "")
        n_pos = _n_positional(func)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if keyword_only and len(args) > n_pos:
                extra = args[n_pos:]
                if len(extra) > len(keyword_only):
                    raise TypeError(f"{name}: takes {n_pos} positional arguments but {len(args)} were given.")
                for kw, val in zip(keyword_only, extra):
                    if kw in kwargs:
                        raise TypeError(f"{name}: got {kw}= both by position and by keyword; pass {kw}= once.")
                    warnings.warn(f"{name}: pass {kw}= as a keyword ({kw}=...); passing it by position "
                                  "will stop working.", FutureWarning, stacklevel=2)
                    kwargs[kw] = val
                args = args[:n_pos]
            for old, new in renames.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{name}: got both {old}= (the old name) and {new}=; pass only {new}=.")
                    val = kwargs.pop(old)
                    shown = repr(val) if isinstance(val, (int, float, str, bool, type(None))) else "..."
                    warnings.warn(f"{name}: the keyword {old}= is now {new}=; pass {new}={shown} instead "
                                  f"({old}= will be removed).", FutureWarning, stacklevel=2)
                    kwargs[new] = val
            return func(*args, **kwargs)

        wrapper.__renamed_kwargs__ = dict(renames)
        wrapper.__keyword_only_was_positional__ = keyword_only
        return wrapper

    return decorate
