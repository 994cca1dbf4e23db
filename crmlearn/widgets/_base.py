"""The one helper every "try it" widget of the course goes through: :func:`try_it`.

A builder names its controls and gives a *view* function: ``view(**values) -> View`` computes
what the widget shows for one setting of the controls (a line of HTML, a figure, a table).
:func:`try_it` wires them: in JupyterLab it is a live ipywidgets ``VBox`` that calls the view
again whenever a control moves. When the widget is displayed it also computes the view for
each deck position of its main control(s) and adds a self-contained HTML "flipbook" to the
output (a range input or drop-down, the precomputed frames and a few lines of JavaScript).
JupyterLab shows the live widget; the exported slide deck (tools/export_slides.py) shows the
flipbook, so moving the control on a slide shows the true result for that position,
without a kernel. Controls that are not in the flipbook are shown on the slide as fixed text.

Writing a new widget::

    def my_widget(data, *, k=4):
        import ipywidgets as W
        controls = {"k": W.IntSlider(value=k, min=2, max=10, description="Segments k")}

        def view(k):
            table = compute(data, k=k)                      # a crmlearn function
            return View(summary=f"<b>{k}</b> segments", draw=lambda ax: plot(table, ax=ax),
                        table=table, result=table)

        return try_it(controls, view, title="k-means segments")

``deck=`` chooses the flipbook positions (a dict: control name -> list of values); by
default it is the first control, at most ``MAX_FRAMES`` evenly spread positions of it.
"""
from __future__ import annotations

import base64
import html as _html
import io
import itertools
import json
import math
import numbers
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

__all__: list[str] = []  # nothing here is for learners; builders import it

MAX_FRAMES = 21  # per widget: enough to feel continuous, small enough for a deck
MAX_GRID = 48  # when a builder asks for several controls at once
SLIDER_PX = 360  # the flipbook's range inputs (>= 300 px so a presenter can hit a position)
FIGSIZE = (7.6, 4.0)  # 760 x 400 px: a slide keeps room for its heading, the control and a line
STYLE = {"description_width": "initial"}


@dataclass
class View:
    """What a widget shows for one setting: an HTML line, a figure, a table, the computed result.

    ``draw(ax)`` draws on a fresh Axes; ``table`` is a DataFrame (shown with
    :func:`crmlearn.display.pretty`) or an HTML string; ``error`` replaces everything with a
    message (use it for a setting the computation refuses).
    """

    summary: str = ""
    draw: Callable | None = None
    table: Any = None
    result: Any = None
    error: str | None = None


_MONEY_COLUMNS = ("value", "avg_value", "monetary", "revenue", "net_profit", "margin")


def table_html(table) -> str:
    """A DataFrame as HTML for reading: ``*_share`` columns as percentages, money with separators."""
    if table is None:
        return ""
    if isinstance(table, str):
        return table
    from ..display import pretty

    percent = [c for c in table.columns if str(c).endswith("share")]
    money = [c for c in table.columns if c in _MONEY_COLUMNS]
    shown = pretty(table, percent=percent, money=money, other_digits=3)
    return shown.to_html(float_format=lambda v: f"{v:,.3f}", border=0, classes="crmlearn-table")


def render_png(draw: Callable, *, figsize=FIGSIZE) -> bytes:
    """Draw a fresh figure with ``draw(ax)`` (course style) and return it as PNG bytes; the figure is closed."""
    import matplotlib.pyplot as plt

    from ..plots import _style

    import warnings

    with _style.course_style():
        fig, ax = plt.subplots(figsize=figsize)
    try:
        with warnings.catch_warnings():  # a label with Chinese on a machine without a CJK font: boxes, not noise
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
            draw(ax)
            fig.tight_layout()
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=_style.DPI)
    finally:
        plt.close(fig)
    return _compress_png(buf.getvalue())


def _compress_png(png: bytes) -> bytes:
    """The same picture with a 256-colour palette (plots have few colours): 3-4x smaller frames."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - matplotlib depends on pillow
        return png
    im = Image.open(io.BytesIO(png))
    dpi = im.info.get("dpi")
    pal = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    pal.save(out, format="PNG", optimize=True, **({"dpi": dpi} if dpi else {}))
    return out.getvalue() if out.tell() < len(png) else png


def _png_output(png: bytes) -> dict:
    return {"output_type": "display_data", "metadata": {},
            "data": {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": "<Figure>"}}


def show_figure(out, draw: Callable, *, figsize=FIGSIZE) -> bytes:
    """Draw ``draw(ax)`` and put the PNG into the ``out`` Output widget (kernel-side, so the state holds it)."""
    png = render_png(draw, figsize=figsize)
    out.outputs = (_png_output(png),)
    return png


def error_html(message: str) -> str:
    return f"<span class='crmlearn-error' style='color:#b71c1c'>{_html.escape(str(message))}</span>"


# ------------------------------------------------------------------------------ positions
def _decimals(step: float) -> int:
    text = f"{step:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def slider_positions(control, *, max_frames: int = MAX_FRAMES) -> list:
    """The values a flipbook offers for ``control``: every step of a slider, thinned to ``max_frames``.

    The control's current value is always one of them. Drop-downs give their options.

    >>> import ipywidgets as W
    >>> slider_positions(W.IntSlider(value=4, min=2, max=10))
    [2, 3, 4, 5, 6, 7, 8, 9, 10]
    >>> slider_positions(W.FloatSlider(value=0.2, min=0.0, max=1.0, step=0.01), max_frames=6)
    [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    """
    options = getattr(control, "options", None)
    if options is not None and not hasattr(control, "min"):
        return [o[1] if isinstance(o, tuple) else o for o in options][:max_frames]
    lo, hi, step, current = control.min, control.max, control.step, control.value
    if isinstance(current, (tuple, list)):
        raise TypeError("slider_positions: a range slider has two handles; give its deck positions with deck=")
    n = int(math.floor((hi - lo) / step + 1e-9)) + 1
    stride = max(1, math.ceil((n - 1) / (max_frames - 1))) if n > max_frames else 1
    idx = list(range(0, n, stride))
    if idx[-1] != n - 1 and len(idx) < max_frames:
        idx.append(n - 1)
    is_int = isinstance(current, int) and not isinstance(current, bool)
    digits = _decimals(step)
    values = [lo + i * step for i in idx]
    values = [int(round(v)) for v in values] if is_int else [round(v, digits + 1) for v in values]
    if current not in values:  # the slide starts where the notebook left the control
        values[_nearest(values, current)] = current
        values = sorted(set(values))
    return values


def format_value(control, value) -> str:
    """The value as the control's readout shows it (``readout_format`` for sliders, the label for drop-downs)."""
    options = getattr(control, "options", None)
    if options is not None and not hasattr(control, "min"):
        for o in options:
            if isinstance(o, tuple) and o[1] == value:
                return str(o[0])
        return str(value)
    fmt = getattr(control, "readout_format", None) or ("d" if isinstance(value, int) else ".2f")
    fmt = fmt.lstrip("~")

    def one(v):
        try:
            return format(v, fmt)
        except (ValueError, TypeError):
            return str(v)

    if isinstance(value, (tuple, list)):
        return " | ".join(one(v) for v in value)
    return one(value)


def _label(control, name: str) -> str:
    return getattr(control, "description", "") or name


# ------------------------------------------------------------------------------ the widget
def _tryit_class():
    import ipywidgets as W

    class TryIt(W.VBox):
        """A live "try it" widget that also carries its slide-deck flipbook (see :func:`try_it`)."""

        @property
        def last(self):
            """The last result (an older name of ``.result``)."""
            return self.result

        def _repr_mimebundle_(self, **kwargs):
            data = super()._repr_mimebundle_(**kwargs)
            data["text/plain"] = (f"Try it: {self.title or 'interactive widget'} (move the controls in "
                                  "JupyterLab; the exported slides carry a precomputed version)")
            try:
                data["text/html"] = self.flipbook_html()
            except Exception as exc:  # a broken flipbook must not hide the live widget
                data["text/html"] = error_html(f"The slide version of this widget could not be built: {exc}")
            return data

    return TryIt


_TRYIT = None


def try_it(controls: Mapping[str, Any], view: Callable[..., View], *, rows: Sequence | None = None,
           figsize=FIGSIZE, deck: Mapping[str, Sequence] | None = None, title: str = "",
           errors: tuple = (ValueError,)):
    """Build a course widget from its controls and its view function.

    Parameters
    ----------
    controls : dict name -> ipywidgets control
        Passed to ``view`` as keyword arguments (``view(**{name: control.value})``).
    view : callable
        Returns a :class:`View` for one setting. An exception of a type in ``errors`` (the
        library's CRMDataError is a ValueError) is shown as the message, the last result kept.
    rows : list of widgets, optional
        How the controls are laid out (default: one row).
    figsize : (float, float)
        Size of the figure in inches (at 100 dpi: 8 x 4.5 in is 800 x 450 px on a slide).
    deck : dict name -> list of values, optional
        The positions the slide-deck flipbook offers (default: the first control's positions,
        see :func:`slider_positions`). Controls not named keep their current value on the slide.
    title : str
        A short name, used when widgets cannot be shown.

    Returns
    -------
    ipywidgets.VBox
        With ``.controls`` (the dict), ``.summary`` and ``.table`` (HTML widgets), ``.output``
        (the figure's Output widget), ``.result`` (the last View's result), ``.error`` (the
        last refused setting's message or None), ``.view`` (the view function),
        ``.frame_html(values)`` and ``.flipbook_html()``.
    """
    global _TRYIT
    import ipywidgets as W

    if _TRYIT is None:
        _TRYIT = _tryit_class()
    controls = dict(controls)
    if not controls:
        raise ValueError("try_it: controls is empty; give at least one control")
    for c in controls.values():  # live sliders wide enough that the track stays >= 300 px beside its label
        if hasattr(c, "min") and not c.layout.width:
            c.layout.width = "520px"
    summary, out, tab = W.HTML(), W.Output(), W.HTML()
    layout_rows = list(rows) if rows is not None else [W.HBox(list(controls.values()))]
    for r in layout_rows:
        r.layout.flex_flow = "row wrap"
    box = _TRYIT([*layout_rows, summary, out, tab])
    box.add_class("crmlearn-tryit")
    box.title = title
    box.controls = controls
    box.summary, box.output, box.table = summary, out, tab
    box.result = None
    box.error = None
    box.view = view
    box.figsize = figsize
    box.deck = dict(deck) if deck is not None else None
    box._flipbook = None

    def current() -> dict:
        return {k: c.value for k, c in controls.items()}

    def update(*_):
        try:
            v = view(**current())
        except errors as exc:
            v = View(error=str(exc))
        if v.error is not None:
            box.error = v.error
            summary.value = error_html(v.error)
            return
        box.error = None
        box.result = v.result
        summary.value = v.summary or ""
        tab.value = table_html(v.table)
        if v.draw is not None:
            show_figure(out, v.draw, figsize=figsize)
        else:
            out.outputs = ()

    for c in controls.values():
        c.observe(update, names="value")
    box.update = update
    box.frame_html = lambda values: frame_html(view, values, figsize=figsize, errors=errors)
    box.flipbook_html = lambda: _cached_flipbook(box, errors)
    update()
    return box


def frame_html(view: Callable[..., View], values: Mapping[str, Any], *, figsize=FIGSIZE,
               errors: tuple = (ValueError,)) -> str:
    """What the widget shows for ``values`` as one piece of HTML (summary, figure, table)."""
    try:
        v = view(**values)
    except errors as exc:
        v = View(error=str(exc))
    if v.error is not None:
        return f"<div class='tryit-summary'>{error_html(v.error)}</div>"
    parts = []
    if v.summary:
        parts.append(f"<div class='tryit-summary'>{v.summary}</div>")
    body = []
    if v.draw is not None:
        png = render_png(v.draw, figsize=figsize)
        w, h = _png_size(png)
        body.append(f"<img class='tryit-figure' alt='figure' width='{w}' height='{h}' "
                    f"src='data:image/png;base64,{base64.b64encode(png).decode('ascii')}'>")
    if v.table is not None:
        body.append(f"<div class='tryit-table'>{table_html(v.table)}</div>")
    if body:
        parts.append(f"<div class='tryit-body'>{''.join(body)}</div>")
    return "".join(parts)


def _png_size(png: bytes) -> tuple[int, int]:
    import struct

    w, h = struct.unpack(">II", png[16:24])
    return w, h


def deck_positions(box) -> dict[str, list]:
    """The flipbook's positions: ``box.deck`` or the first control's :func:`slider_positions`."""
    if box.deck:
        unknown = [k for k in box.deck if k not in box.controls]
        if unknown:
            raise ValueError(f"try_it: deck names {unknown}, which are not controls ({sorted(box.controls)})")
        return {k: list(v) for k, v in box.deck.items()}
    name = next(iter(box.controls))
    return {name: slider_positions(box.controls[name])}


def _cached_flipbook(box, errors) -> str:
    key = json.dumps({k: c.value for k, c in box.controls.items()}, default=str, sort_keys=True)
    if box._flipbook is None or box._flipbook[0] != key:
        box._flipbook = (key, flipbook_html(box, errors=errors))
    return box._flipbook[1]


def _start_position(values: Sequence, current) -> int:
    """Where the flipbook opens: at the notebook's value, or the nearest position to it (numbers)."""
    if current in values:
        return list(values).index(current)
    if isinstance(current, numbers.Real) and all(isinstance(v, numbers.Real) for v in values):
        return _nearest(values, current)
    return 0


def _nearest(values: Sequence, current) -> int:
    """The position of the value nearest ``current`` (numbers)."""
    return min(range(len(values)), key=lambda i: abs(values[i] - current))


def flipbook_html(box, *, errors: tuple = (ValueError,)) -> str:
    """The self-contained HTML version of ``box`` for slides: controls over precomputed frames."""
    positions = deck_positions(box)
    names = list(positions)
    sizes = [len(positions[n]) for n in names]
    total = math.prod(sizes)
    if total > max(MAX_GRID, MAX_FRAMES):
        raise ValueError(f"try_it: the deck positions make {total} frames (at most {max(MAX_GRID, MAX_FRAMES)}); "
                         "give fewer positions in deck=")
    fixed = {k: c.value for k, c in box.controls.items() if k not in positions}
    start_idx = []
    for n in names:
        cur = box.controls[n].value
        vals = positions[n]
        start_idx.append(_start_position(vals, cur))
    uniq: list[str] = []
    seen: dict[str, int] = {}
    frames: list[int] = []
    for combo in itertools.product(*[positions[n] for n in names]):
        html_ = frame_html(box.view, {**fixed, **dict(zip(names, combo))}, figsize=box.figsize, errors=errors)
        if html_ not in seen:
            seen[html_] = len(uniq)
            uniq.append(html_)
        frames.append(seen[html_])
    dims = [{"name": n, "labels": [format_value(box.controls[n], v) for v in positions[n]]} for n in names]
    start = 0
    for i, s in zip(start_idx, sizes):
        start = start * s + i
    controls_html = []
    for d, n, i in zip(dims, names, start_idx):
        c = box.controls[n]
        label = _html.escape(_label(c, n))
        if getattr(c, "options", None) is not None and not hasattr(c, "min"):
            opts = "".join(f"<option value='{j}'{' selected' if j == i else ''}>{_html.escape(t)}</option>"
                           for j, t in enumerate(d["labels"]))
            widget = f"<select class='tryit-input' data-dim='{len(controls_html)}'>{opts}</select>"
            readout = ""
        else:
            widget = (f"<input class='tryit-input' type='range' min='0' max='{len(d['labels']) - 1}' step='1' "
                      f"value='{i}' data-dim='{len(controls_html)}' style='width:{SLIDER_PX}px' "
                      f"aria-label='{label}'>")
            readout = f"<output class='tryit-readout'>{_html.escape(d['labels'][i])}</output>"
        controls_html.append(f"<label class='tryit-control'><span class='tryit-label'>{label}</span>"
                             f"{widget}{readout}</label>")
    fixed_text = ", ".join(f"{_html.escape(_label(box.controls[k], k))} {_html.escape(format_value(box.controls[k], v))}"
                           for k, v in fixed.items())
    if fixed_text:
        controls_html.append(f"<span class='tryit-fixed'>(fixed here: {fixed_text})</span>")
    data = json.dumps({"sizes": sizes, "dims": dims, "frames": frames, "uniq": uniq}, ensure_ascii=False)
    data = data.replace("</", "<\\/")
    return (
        f"<div class='crmlearn-flipbook' data-frames='{len(uniq)}' data-positions='{total}'>"
        f"<div class='tryit-controls'>{''.join(controls_html)}</div>"
        f"<div class='tryit-frame'>{uniq[frames[start]]}</div>"
        f"<script type='application/json' class='tryit-data'>{data}</script>"
        f"<script>{_FLIPBOOK_JS}</script></div>"
    )


_FLIPBOOK_JS = """(function () {
  var s = document.currentScript, root = s.parentNode;
  var d = JSON.parse(root.querySelector('script.tryit-data').textContent);
  var inputs = root.querySelectorAll('.tryit-input'), frame = root.querySelector('.tryit-frame');
  function show() {
    var k = 0;
    for (var i = 0; i < inputs.length; i++) {
      var j = parseInt(inputs[i].value, 10); k = k * d.sizes[i] + j;
      var o = inputs[i].parentNode.querySelector('output');
      if (o) { o.textContent = d.dims[i].labels[j]; }
    }
    frame.innerHTML = d.uniq[d.frames[k]];
    if (window.crmAlignTables) window.crmAlignTables(frame);  // the deck's table alignment, when present
    root.setAttribute('data-shown', String(k));
  }
  for (var i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener('input', show);
    inputs[i].addEventListener('change', show);
    /* a focused control keeps the keys: reveal.js must not change the slide */
    inputs[i].addEventListener('keydown', function (e) { e.stopPropagation(); });
  }
}());"""
