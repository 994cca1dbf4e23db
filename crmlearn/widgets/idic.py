"""Try-it widget for chapter 3: move the duplicate threshold, see precision and recall against the true ids.

It goes through :func:`crmlearn.widgets._base.try_it`: ``.controls``, ``.summary``, ``.result``.
"""
from __future__ import annotations

from ._base import STYLE, View, try_it

__all__ = ["duplicate_threshold_widget"]


def duplicate_threshold_widget(records=None, *, threshold: float = 0.6):
    """A slider for ``find_duplicates``' threshold; precision/recall on pairs update live (needs ``customer_id_true``)."""
    import ipywidgets as W
    import numpy as np

    from .. import load_dataset
    from ..idic import find_duplicates, merge_duplicates, pair_quality
    from ..plots.idic import duplicate_score_hist

    records = load_dataset("customers_raw") if records is None else records
    allpairs = find_duplicates(records, threshold=0)
    t = records.set_index("record_id")["customer_id_true"]
    truth = t.reindex(allpairs["record_a"]).to_numpy() == t.reindex(allpairs["record_b"]).to_numpy()
    slider = W.FloatSlider(value=threshold, min=0.3, max=1.0, step=0.05, description="threshold", style=STYLE)

    def view(threshold):
        chosen = allpairs[allpairs["score"] >= threshold - 1e-12]
        q = pair_quality(merge_duplicates(records, chosen), records)
        return View(summary=(f"<b>{int(q['predicted_pairs'])}</b> pairs linked; precision <b>{q['precision']:.3f}</b>, "
                             f"recall <b>{q['recall']:.3f}</b> against the true customer ids"),
                    draw=lambda ax: duplicate_score_hist(allpairs, threshold=threshold, truth=np.asarray(truth), ax=ax),
                    result=q)

    return try_it({"threshold": slider}, view, title="the duplicate threshold")
