"""Keep the native thread pools (BLAS, OpenMP) to one thread around a computation.

NumPy's BLAS and scikit-learn's OpenMP loops start one thread per core. For the small problems
of the course (a model with 2-4 parameters, k-means on a few thousand customers) the threads
only add wake-up and hand-over costs, and on a busy machine they compete with every other
process: on a busy two-core machine one k-means fit of the course's 1,500 customers took
0.1-1.4 s with the default threads against 0.03 s on one thread, and a BG/NBD fit on CDNOW
was 20 times slower. :func:`single_thread` limits the pools
for the duration of a ``with`` block and restores them afterwards.

It uses threadpoolctl, which is installed with scikit-learn; without it the block runs
unchanged. Finding the loaded libraries takes a few milliseconds, so the controller is kept
and rebuilt only when new modules have been imported since (a new extension module may have
loaded a new thread pool, e.g. scikit-learn's OpenMP runtime).
"""
from __future__ import annotations

import contextlib
import sys
from typing import ContextManager

_controller = None
_modules_seen = -1


def single_thread(user_api: str | None = None) -> ContextManager:
    """A context manager that runs its block with the native thread pools limited to one thread.

    Parameters
    ----------
    user_api : {"blas", "openmp"} or None, default None
        Which pools to limit; None limits all of them.

    Returns
    -------
    context manager
        Restores the previous limits on exit.

    Examples
    --------
    >>> import numpy as np
    >>> with single_thread("blas"):
    ...     float(np.ones(3) @ np.ones(3))
    3.0
    """
    global _controller, _modules_seen
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:                      # pragma: no cover - threadpoolctl comes with scikit-learn
        return contextlib.nullcontext()
    if _controller is None or len(sys.modules) != _modules_seen:
        _controller = ThreadpoolController()
        _modules_seen = len(sys.modules)
    return _controller.limit(limits=1, user_api=user_api)
