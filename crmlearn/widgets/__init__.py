"""Every ipywidgets builder of the course, one submodule per computation module.

``widgets/grading.py`` holds the widgets of :mod:`crmlearn.grading`, ``widgets/segmentation.py``
those of :mod:`crmlearn.segmentation`, and so on; all are re-exported here
(``from crmlearn.widgets import abc_widget``). Widgets are thin: each builder names its
controls and a view function (computation from crmlearn, a plot from :mod:`crmlearn.plots`)
and hands them to :func:`crmlearn.widgets._base.try_it`, which makes the live widget and,
for the slide decks, the precomputed flipbook. The logic they show is tested as plain functions.
"""
from .overview import *  # noqa: F401,F403
from .grading import *  # noqa: F401,F403
from .segmentation import *  # noqa: F401,F403
from .clv import *  # noqa: F401,F403
from .satisfaction import *  # noqa: F401,F403
from .loyalty import *  # noqa: F401,F403
from .retention import *  # noqa: F401,F403
from .accounts import *  # noqa: F401,F403
from .idic import *  # noqa: F401,F403
from .lifecycle import *  # noqa: F401,F403
from . import overview, grading, segmentation, clv, satisfaction, loyalty, retention, accounts, idic, lifecycle

__all__: list[str] = []
for _m in (overview, grading, segmentation, clv, satisfaction, loyalty, retention, accounts, idic, lifecycle):
    __all__ += list(_m.__all__)
del _m
