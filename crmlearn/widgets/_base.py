"""What every widget builder shares."""
from __future__ import annotations

from typing import Callable


def show_figure(out, draw: Callable, *, figsize=(7, 3.8)) -> None:
    """Draw a fresh figure with ``draw(ax)`` and show it in the ``out`` Output widget.

    Outside a notebook kernel (tests, scripts) the figure is drawn, so errors still surface,
    and thrown away: ``clear_output`` would only print control codes there.
    """
    import matplotlib.pyplot as plt
    from IPython import get_ipython
    from IPython.display import display

    fig, ax = plt.subplots(figsize=figsize)
    try:
        draw(ax)
        fig.tight_layout()
        if get_ipython() is not None:
            with out:
                out.clear_output(wait=True)
                display(fig)
    finally:
        plt.close(fig)
