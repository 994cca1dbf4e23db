"""Every matplotlib figure of the course, one submodule per computation module.

``plots/grading.py`` draws the tables of ``crmlearn.grading``, ``plots/segmentation.py`` those of
``crmlearn.segmentation``, and so on (overview, grading, segmentation, satisfaction, loyalty,
retention, clv). Each function takes a computed table and ``ax=None`` (keyword-only), draws on
``ax`` (or ``plt.gca()``), labels it with ``ax.set(...)`` and returns the Axes. Nothing here
calls ``plt.show()``; notebooks do.

The submodules are re-exported here, so ``from crmlearn.plots import pareto_chart``
works for every plot.
"""
from ._base import get_ax, cjk_font, use_cjk_font, use_course_style
from .overview import *  # noqa: F401,F403
from .grading import *  # noqa: F401,F403
from .segmentation import *  # noqa: F401,F403
from .satisfaction import *  # noqa: F401,F403
from .loyalty import *  # noqa: F401,F403
from .retention import *  # noqa: F401,F403
from .clv import *  # noqa: F401,F403
from .accounts import *  # noqa: F401,F403
from .idic import *  # noqa: F401,F403
from .lifecycle import *  # noqa: F401,F403
from . import overview, grading, segmentation, satisfaction, loyalty, retention, clv, accounts, idic, lifecycle
from . import course  # noqa: F401  (the old name of plots.overview)

__all__ = ["get_ax", "cjk_font", "use_cjk_font", "use_course_style"]
for _m in (overview, grading, segmentation, satisfaction, loyalty, retention, clv, accounts, idic, lifecycle):
    __all__ += list(_m.__all__)
del _m
