"""Plots of comparisons (matplotlib, the ``plot`` extra), with Chinese labels that render.

Each function draws on ``ax`` (a new figure when none is given) and returns
the Axes.  They take the tables the comparison functions return:

- :func:`plot_keyness`: a keyness or keyword table (``term`` and a score column);
- :func:`plot_trends`: a tidy frequency table (a group column such as
  ``year``, ``term`` or ``category``, and ``per_10k``);
- :func:`plot_similarity`: a labelled square similarity table;
- :func:`plot_reuse`: a :class:`~policytext.compare.reuse.ReusePair`, the
  passages two speeches share drawn as ribbons between the two texts.

Chinese needs a CJK font; :func:`cjk_font` finds one (see there) and the plots
use it, so labels never come out as empty boxes.
"""
from __future__ import annotations

import functools
from typing import Any, Optional

__all__ = ["cjk_font", "plot_keyness", "plot_reuse", "plot_similarity", "plot_trends"]

# families that cover the CJK Unified Ideographs in both scripts, best first
_CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "SimHei", "Noto Sans CJK TC",
    "Noto Sans CJK JP", "AR PL UMing CN", "Droid Sans Fallback",
)


@functools.lru_cache(maxsize=1)
def cjk_font() -> str:
    """The name of a font family with Chinese glyphs, registered with matplotlib.

    An installed CJK font is used when matplotlib knows one (Noto Sans CJK,
    Source Han Sans, WenQuanYi, Microsoft YaHei, PingFang …); otherwise the
    Noto Sans CJK SC that the ``mplfonts`` package ships (installed with
    ``pip install 'policytext[plot]'``).  Raises ``RuntimeError`` saying what to
    install when there is neither.
    """
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in _CJK_FAMILIES:
        if family in known:
            return family
    try:
        from importlib.resources import files

        path = files("mplfonts") / "fonts" / "NotoSansCJKsc-Regular.otf"
        if path.is_file():
            font_manager.fontManager.addfont(str(path))
            return font_manager.FontProperties(fname=str(path)).get_name()
    except ImportError:
        pass
    raise RuntimeError("no font with Chinese glyphs: pip install 'policytext[plot]' (it brings mplfonts and its "
                       "Noto Sans CJK), or install a CJK font (Debian/Ubuntu: apt install fonts-noto-cjk)")


def _axes(ax, figsize):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=figsize)
    return ax


def _style(ax) -> None:
    """The CJK family for every text of the Axes (titles, ticks, labels, legend) drawn from here on."""
    ax.figure.set_layout_engine("constrained")
    family = cjk_font()
    for t in [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.get_xticklabels(), *ax.get_yticklabels()]:
        t.set_fontfamily(family)
    legend = ax.get_legend()
    if legend is not None:
        for t in legend.get_texts():
            t.set_fontfamily(family)


def _frame(table: Any, **kw):
    return table.to_frame(**kw) if hasattr(table, "to_frame") else table


def plot_keyness(table: Any, *, top: int = 20, score: Optional[str] = None, ax=None, title: Optional[str] = None):
    """Horizontal bars of the ``top`` terms by ``score`` (default ``score``, else ``log_ratio``), largest on top."""
    df = _frame(table)
    score = score or ("score" if "score" in df.columns else "log_ratio")
    df = df.sort_values(score, ascending=False).head(top).iloc[::-1]
    ax = _axes(ax, (6, 0.28 * len(df) + 1.2))
    colors = ["#b2182b" if v >= 0 else "#2166ac" for v in df[score]]
    ax.barh(range(len(df)), df[score], color=colors)
    ax.set_yticks(range(len(df)), [str(t) for t in df["term"]])
    ax.set_xlabel(score)
    if title:
        ax.set_title(title)
    _style(ax)
    return ax


def plot_trends(table: Any, *, x: Optional[str] = None, y: str = "per_10k", ax=None, title: Optional[str] = None):
    """One line per term (or category) over the group column (default: the first column, e.g. ``year``)."""
    df = _frame(table)
    series = "category" if "category" in df.columns else "term"
    x = x or df.columns[0]
    ax = _axes(ax, (7, 4))
    for name, g in df.groupby(series, sort=False):
        g = g.sort_values(x)
        ax.plot(g[x].astype(float) if g[x].dtype.kind in "iuf" else g[x].astype(str), g[y], marker="o", label=str(name))
    ax.set_xlabel(x)
    ax.set_ylabel("per 10,000 characters" if y == "per_10k" else y)
    ax.legend(prop={"family": cjk_font()})
    if title:
        ax.set_title(title)
    _style(ax)
    return ax


def plot_similarity(table: Any, *, ax=None, annotate: bool = True, title: Optional[str] = None):
    """A heatmap of a labelled square similarity table (in clustering order when the table offers one)."""
    try:
        df = _frame(table, ordered=True)
    except TypeError:
        df = _frame(table)
    n = len(df)
    ax = _axes(ax, (0.5 * n + 3, 0.5 * n + 2.5))
    im = ax.imshow(df.to_numpy(dtype=float), cmap="viridis", vmin=0, vmax=1)
    labels = [str(c) for c in df.columns]
    ax.set_xticks(range(n), labels, rotation=60, ha="right")
    ax.set_yticks(range(n), [str(i) for i in df.index])
    if annotate and n <= 20:
        for i in range(n):
            for j in range(n):
                v = float(df.iat[i, j])
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=7, color="white" if v < 0.6 else "black")
    ax.figure.colorbar(im, ax=ax, shrink=0.8, label="cosine")
    if title:
        ax.set_title(title)
    _style(ax)
    return ax


def plot_reuse(pair: Any, *, ax=None, label_a: Optional[str] = None, label_b: Optional[str] = None,
               annotate: int = 5, title: Optional[str] = None):
    """The passages two speeches share, as ribbons from their place in one text to their place in the other.

    The top bar is document a, the bottom bar document b, each drawn over its
    whole length (in characters of its own text); the ``annotate`` longest
    passages are labelled with their opening words, as written in document b.
    """
    from matplotlib.patches import Polygon, Rectangle

    ax = _axes(ax, (9, 3.6))
    la = pair.length_a or max((p.span_a[1] for p in pair.passages), default=1)
    lb = pair.length_b or max((p.span_b[1] for p in pair.passages), default=1)
    top, bottom, h = 1.0, 0.0, 0.08
    for y, n in ((top, la), (bottom, lb)):
        ax.add_patch(Rectangle((0, y - h / 2), 1, h, color="#dddddd"))
    longest = sorted(pair.passages, key=lambda p: -p.chars)[:annotate]
    for p in pair.passages:
        a0, a1 = p.span_a[0] / la, p.span_a[1] / la
        b0, b1 = p.span_b[0] / lb, p.span_b[1] / lb
        ax.add_patch(Polygon([(a0, top - h / 2), (a1, top - h / 2), (b1, bottom + h / 2), (b0, bottom + h / 2)],
                             closed=True, alpha=0.35, color="#b2182b", lw=0))
        for x0, x1, y in ((a0, a1, top), (b0, b1, bottom)):
            ax.add_patch(Rectangle((x0, y - h / 2), max(x1 - x0, 0.002), h, color="#b2182b"))
    family = cjk_font()
    row_end = [-1.0, -1.0, -1.0]  # labels go on the first of three rows where they do not overlap
    for p in sorted(longest, key=lambda p: p.span_b[0]):
        x = (p.span_b[0] + p.span_b[1]) / 2 / lb
        row = next((r for r, end in enumerate(row_end) if x - 0.07 > end), None)
        if row is None:
            continue
        row_end[row] = x + 0.07
        ax.text(x, bottom - h * (1.2 + 1.1 * row), p.text_b.replace("\n", "")[:8] + "…", ha="center", va="top",
                fontsize=7, family=family)
    ax.set_xlim(-0.01, 1.01)
    ax.set_ylim(bottom - 0.45, top + 0.25)
    ax.set_yticks([bottom, top], [label_b or _name(pair.source_b, "b"), label_a or _name(pair.source_a, "a")])
    ax.set_xlabel(f"position in each text (a: {la:,} characters, b: {lb:,}); shared: "
                  f"{pair.share_a:.1%} of a, {pair.share_b:.1%} of b, {len(pair.passages)} passages")
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0", "¼", "½", "¾", "end"])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if title:
        ax.set_title(title)
    _style(ax)
    return ax


def _name(source: Optional[str], default: str) -> str:
    if not source:
        return default
    return source.replace("\\", "/").rsplit("/", 1)[-1]
