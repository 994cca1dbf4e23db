"""Try-it widget for chapter 3: move the duplicate threshold, see precision and recall against the true ids."""
from __future__ import annotations

from ._base import show_figure

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
    slider = W.FloatSlider(value=threshold, min=0.3, max=1.0, step=0.05, description="threshold",
                           continuous_update=False)
    text = W.HTML()
    out = W.Output()
    box = W.VBox([slider, text, out])
    box.controls = {"threshold": slider}
    box.summary = text

    def update(*_):
        th = slider.value
        chosen = allpairs[allpairs["score"] >= th - 1e-12]
        q = pair_quality(merge_duplicates(records, chosen), records)
        box.result = q
        text.value = (f"<b>{int(q['predicted_pairs'])}</b> pairs linked; precision <b>{q['precision']:.3f}</b>, "
                      f"recall <b>{q['recall']:.3f}</b> against the true customer ids")
        show_figure(out, lambda ax: duplicate_score_hist(allpairs, threshold=th, truth=np.asarray(truth), ax=ax))

    slider.observe(update, names="value")
    update()
    return box
