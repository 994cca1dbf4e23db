"""Shared helpers for the plotting submodules."""
from __future__ import annotations

import matplotlib

# Figures label in English by default. Chinese labels need a CJK font; these are
# tried in order, and :func:`use_cjk_font` says plainly when none is installed.
CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans SC", "Source Han Sans SC",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC",
    "Heiti SC", "Arial Unicode MS",
)


def get_ax(ax=None, *, figsize=(7, 4.5)):
    """Return ``ax`` or, when it is None, the current Axes (a new figure of ``figsize`` if none is open)."""
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax
    if plt.get_fignums():
        return plt.gca()
    _, ax = plt.subplots(figsize=figsize)
    return ax


def cjk_font() -> str | None:
    """The name of an installed font that has Chinese glyphs, or None when there is none."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    return None


def use_cjk_font() -> str:
    """Put a CJK font first in matplotlib's sans-serif list so Chinese labels render.

    Returns the font's name. Raises RuntimeError, naming what to install, when
    the machine has none (on Debian/Ubuntu: ``apt-get install fonts-noto-cjk``).
    """
    name = cjk_font()
    if name is None:
        raise RuntimeError(
            "use_cjk_font: no font with Chinese glyphs is installed, so Chinese labels would show as boxes. "
            "Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk; macOS and Windows have one) "
            "or keep the English labels."
        )
    matplotlib.rcParams["font.sans-serif"] = [name, *matplotlib.rcParams["font.sans-serif"]]
    matplotlib.rcParams["font.family"] = "sans-serif"
    return name


from ._style import apply as use_course_style  # noqa: E402  (the course figure style, crmlearn/plots/_style.py)

use_course_style()


def _need(table, cols, func, hint):
    """A plot's input check: the table a computation returns, with the columns the plot draws."""
    import pandas as pd

    from .._validation import CRMDataError

    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{func}: expected the table from {hint}, got {type(table).__name__}.")
    missing = [c for c in cols if c not in table.columns]
    if missing:
        raise CRMDataError(f"{func}: column '{missing[0]}' not found. Pass the result of {hint}.")
    if len(table) == 0:
        raise CRMDataError(f"{func}: the table is empty; nothing to draw.")
