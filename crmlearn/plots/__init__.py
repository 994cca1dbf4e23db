"""Every matplotlib figure of the course, one submodule per subject.

Each function takes a computed table and ``ax=None``, draws on ``ax`` (or
``plt.gca()``), labels it with ``ax.set(...)`` and returns the Axes. Nothing
here calls ``plt.show()``; notebooks do.

The submodules are re-exported here, so ``from crmlearn.plots import pareto_chart``
works for every plot.
"""
from ._base import get_ax, cjk_font, use_cjk_font
from .course import *  # noqa: F401,F403
from .grading import *  # noqa: F401,F403
from .clv import *  # noqa: F401,F403
from .satisfaction import *  # noqa: F401,F403
from .idic import *  # noqa: F401,F403
from .lifecycle import *  # noqa: F401,F403
from . import course, grading, clv, satisfaction, idic, lifecycle

__all__ = ["get_ax", "cjk_font", "use_cjk_font"]
for _m in (course, grading, clv, satisfaction, idic, lifecycle):
    __all__ += list(_m.__all__)
del _m
