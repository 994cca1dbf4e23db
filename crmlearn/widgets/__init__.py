"""Every ipywidgets builder of the course, one submodule per subject.

Widgets are thin: a builder wires sliders to a computation function in
crmlearn and a plot function in :mod:`crmlearn.plots`; the logic they show is
tested as plain functions. Each builder returns the widget (display it by
leaving it as the last expression of a cell).
"""
from .course import *  # noqa: F401,F403
from .grading import *  # noqa: F401,F403
from .clv import *  # noqa: F401,F403
from .satisfaction import *  # noqa: F401,F403
from .loyalty import *  # noqa: F401,F403
from .idic import *  # noqa: F401,F403
from .lifecycle import *  # noqa: F401,F403
from . import course, grading, clv, satisfaction, loyalty, idic, lifecycle

__all__: list[str] = []
for _m in (course, grading, clv, satisfaction, loyalty, idic, lifecycle):
    __all__ += list(_m.__all__)
del _m
