"""The course figure style: figures that stay readable on a 1280x720 slide.

A figure is drawn at ``DPI`` (100) dots per inch, so a figure of the default size
``FIGSIZE`` (8 x 4.5 in) is an 800 x 450 px image, and the exported deck shows images at
their natural size (never wider than the slide). Text of ``p`` points is then
``p * DPI / 72`` px on the slide: the smallest text the style allows, ``MIN_FONT_PT``
(11 pt), is 15.3 px, above the 14 px a room can read (and still 14 px when a deck has to
shrink an image to 92 % of its width).

:func:`apply` is called when :mod:`crmlearn.plots` is imported, so every figure of a
notebook that uses crmlearn.plots (or crmlearn.widgets) gets the style; a notebook that draws
with matplotlib alone calls ``crmlearn.plots.use_course_style()`` in its set-up cell. Text
that a plot function sets smaller than ``MIN_FONT_PT`` (``fontsize=8``) is raised to it when
the figure is drawn (a pyplot figure hook), so no figure of the course has unreadable text.
"""
from __future__ import annotations

import contextlib

DPI = 100
FIGSIZE = (8.0, 4.5)
MIN_FONT_PT = 11.0
# (rcParam, points); every text size the style sets is at least MIN_FONT_PT
FONT_SIZES = {
    "font.size": 12.0,
    "axes.titlesize": 14.0,
    "axes.labelsize": 13.0,
    "xtick.labelsize": 12.0,
    "ytick.labelsize": 12.0,
    "legend.fontsize": 12.0,
    "legend.title_fontsize": 12.0,
    "figure.titlesize": 15.0,
}
HOOK = "crmlearn.plots._style:_on_new_figure"


def min_font_px(*, dpi: float = DPI, scale: float = 1.0) -> float:
    """The smallest text of a course figure in px, for an image shown at ``scale`` x its natural size.

    >>> round(min_font_px(), 1)
    15.3
    """
    return MIN_FONT_PT * dpi / 72.0 * scale


def rc() -> dict:
    """The rcParams of the course style (a new dict each call)."""
    from ._base import cjk_font

    cjk = cjk_font()  # an installed Chinese font after DejaVu: matplotlib falls back glyph by glyph
    params = {
        "figure.figsize": FIGSIZE,
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans", *([cjk] if cjk else []), "sans-serif"],
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "lines.linewidth": 2.0,
        "figure.constrained_layout.use": False,
        **FONT_SIZES,
    }
    return params


def _hooks(current) -> list[str]:
    hooks = [h for h in (current or []) if h != HOOK]
    return [*hooks, HOOK]


def apply() -> None:
    """Make the course style matplotlib's default (rcParams) for this session; safe to call again."""
    import matplotlib

    matplotlib.rcParams.update(rc())
    matplotlib.rcParams["figure.hooks"] = _hooks(matplotlib.rcParams.get("figure.hooks"))


@contextlib.contextmanager
def course_style():
    """The course style inside a ``with`` block only (for code that must not change the defaults)."""
    import matplotlib

    params = {**rc(), "figure.hooks": _hooks(matplotlib.rcParams.get("figure.hooks"))}
    with matplotlib.rc_context(params):
        yield


def raise_small_text(fig, *, min_pt: float = MIN_FONT_PT) -> int:
    """Set every text of ``fig`` smaller than ``min_pt`` points to ``min_pt``; return how many were raised."""
    from matplotlib.text import Text

    raised = 0
    for text in fig.findobj(Text):
        if text.get_text() and text.get_fontsize() < min_pt - 1e-9:
            text.set_fontsize(min_pt)
            raised += 1
    return raised


def _on_new_figure(fig) -> None:
    """pyplot figure hook: raise small text just before each draw of ``fig``."""
    if getattr(fig, "_crmlearn_min_font", False):
        return
    original = fig.draw

    def draw(renderer, *args, **kwargs):
        raise_small_text(fig)
        return original(renderer, *args, **kwargs)

    fig.draw = draw
    fig._crmlearn_min_font = True
