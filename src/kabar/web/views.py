"""Pure view builders for the web UI: highlighted article HTML and chart geometry.

Article text is untrusted. `highlight` builds markup from offsets by
escaping every text piece and every attribute value itself; its result is
the only HTML the templates take unescaped. Charts are plain geometry
(dataclasses) that the autoescaped templates lay out as SVG.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from kabar.records import AnalysedArticle, Reuse

# Outer layers first: a quote holds mentions, a mention never holds a quote.
_PRIORITY = {"cite": 0, "reuse": 1, "quote": 2, "mention": 3, "timex": 4}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    layer: str  # a _PRIORITY key
    tag: str  # "span" or "a"
    attrs: tuple[tuple[str, str], ...] = ()

    def open(self) -> str:
        attrs = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in self.attrs)
        return f"<{self.tag}{attrs}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def article_spans(a: AnalysedArticle, reuse: Sequence[Reuse] = (), cite: tuple[int, int] | None = None) -> list[Span]:
    """Every highlight of an article, from its records' offsets."""
    names = {e.id: e.canonical for e in a.entities}
    spans = [
        Span(
            m.start,
            m.end,
            "mention",
            "a",
            (
                ("class", f"ent ent-{m.type}"),
                ("href", f"/entities/{m.entity_id}"),
                ("title", f"{m.type}: {names.get(m.entity_id, m.text)}" + (f" ({m.role})" if m.role else "")),
            ),
        )
        for m in a.mentions
    ]
    spans += [
        Span(x.start, x.end, "timex", "span", (("class", f"timex timex-{x.type}"), ("title", f"{x.type}: {x.value}")))
        for x in a.timexes
    ]
    spans += [
        Span(
            q.start,
            q.end,
            "quote",
            "span",
            (
                ("class", f"quote quote-{q.kind}"),
                ("id", f"q{i}"),
                ("title", f"{q.kind} quote: {q.speaker or '?'}"),
            ),
        )
        for i, q in enumerate(a.quotes)
    ]
    aid = a.article.id
    for i, r in enumerate(reuse):
        own = (r.source_start, r.source_end) if r.source_article == aid else (r.target_start, r.target_end)
        other = r.target_article if r.source_article == aid else r.source_article
        spans.append(
            Span(own[0], own[1], "reuse", "span", (("class", "reuse"), ("id", f"r{i}"), ("title", f"Also in article {other}")))
        )
    if cite is not None:
        spans.append(Span(cite[0], cite[1], "cite", "span", (("class", "cited"), ("id", "cited"))))
    return spans


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """`text` as HTML paragraphs with `spans` wrapped in properly nested tags.

    Overlapping spans are split so tags always nest; spans outside the text
    or empty are dropped; every text piece is escaped.
    """
    n = len(text)
    spans = sorted(
        (s for s in spans if 0 <= s.start < s.end <= n),
        key=lambda s: (s.start, _PRIORITY[s.layer], -s.end),
    )
    cuts = {0, n} | {s.start for s in spans} | {s.end for s in spans} | {i for i, c in enumerate(text) if c == "\n"}
    starting: dict[int, list[Span]] = {}
    for s in spans:
        starting.setdefault(s.start, []).append(s)
    out = ["<p>"]
    stack: list[Span] = []
    pos = 0
    for cut in sorted(cuts):
        out.append(html.escape(text[pos:cut]))
        pos = cut
        ending = [i for i, s in enumerate(stack) if s.end == cut]
        if ending:  # close down to the deepest ending span, reopen the rest
            keep = [s for s in stack[ending[0] :] if s.end != cut]
            out += [s.close() for s in reversed(stack[ending[0] :])]
            del stack[ending[0] :]
            for s in keep:
                out.append(s.open())
                stack.append(s)
        if cut < n and text[cut] == "\n":  # a paragraph break: close everything, reopen after
            out += [s.close() for s in reversed(stack)]
            out.append("</p>\n<p>")
            out += [s.open() for s in stack]
            pos = cut + 1
        for s in sorted(starting.get(cut, ()), key=lambda s: (_PRIORITY[s.layer], -s.end)):
            out.append(s.open())
            stack.append(s)
    out += [s.close() for s in reversed(stack)]
    out.append("</p>")
    return Markup("".join(out).replace("<p></p>", ""))


# --- charts --------------------------------------------------------------------

_TIMEX_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def timex_date(value: str | None) -> date | None:
    """The first day a TIMEX3 date value covers ("2021-03" → 2021-03-01); None when it has none."""
    if not value:
        return None
    m = _TIMEX_DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    y: float
    label: str
    href: str
    kind: str  # "event", "article", "entry", "background"
    colour: int = 0  # palette index (an outlet)


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Lane:
    y: float
    label: str
    colour: int


@dataclass(slots=True)
class TimelineChart:
    width: int
    height: int
    left: int
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    axis_y: float = 0.0


PALETTE_SIZE = 8


def timeline_chart(
    events: Sequence[tuple[str, str | None, str]],  # (event id, date, title)
    articles: Sequence[tuple[str, str | None, str | None, str]],  # (event id, outlet, published, article id)
    entries: Sequence[tuple[str, str, bool]] = (),  # (date, description, background)
    *,
    width: int = 900,
) -> TimelineChart | None:
    """A timeline: the story's entries and events on top, one lane per outlet with its articles.

    Articles sit at their publication date (their event's date when they have none), so the
    lanes show who reported what, and how soon.
    None when nothing has a date.
    """
    event_dates = {eid: timex_date(d) for eid, d, _ in events}
    # Background entries (recalled history) do not stretch the axis: earlier ones sit at its left edge.
    points = [d for d in event_dates.values() if d] + [d for d in (timex_date(x[0]) for x in entries if not x[2]) if d]
    art_dates = [(timex_date(pub) or event_dates.get(eid), outlet, aid) for eid, outlet, pub, aid in articles]
    points += [d for d, _, _ in art_dates if d]
    if not points:
        points = [d for d in (timex_date(x[0]) for x in entries) if d]
    if not points:
        return None
    lo, hi = min(points), max(points)
    span_days = max((hi - lo).days, 1)
    left, right = 160, 30
    plot = width - left - right
    pad = max(span_days * 0.04, 2)

    def x(d: date) -> float:
        return round(left + plot * ((d - lo).days + pad) / (span_days + 2 * pad), 1)

    outlets = sorted({o or "?" for _, o, _ in art_dates})
    lane_h = 28
    # The timeline lane only when the story has entries; the others shift up a lane without it.
    top = 30 if entries else 30 - lane_h
    chart = TimelineChart(width=width, height=0, left=left)
    if entries:
        chart.lanes.append(Lane(top, "Timeline", -1))
    chart.lanes.append(Lane(top + lane_h, "Events", -1))
    for i, o in enumerate(outlets):
        chart.lanes.append(Lane(top + lane_h * (i + 2), o, i % PALETTE_SIZE))
    chart.axis_y = top + lane_h * (len(outlets) + 2) - 8
    chart.height = int(chart.axis_y + 36)
    # Entries before the axis share one mark at its left edge (one label each would overlap there):
    # its label names the first and last of them, its hover text lists them all.
    earlier = sorted((timex_date(v), v, text) for v, text, _ in entries if timex_date(v) and timex_date(v) < lo)
    if earlier:
        span = earlier[0][1] if len(earlier) == 1 else f"{earlier[0][1]}–{earlier[-1][1]}"
        listing = "\n".join(f"{v}: {text}" for _, v, text in earlier)
        chart.marks.append(Mark(left + 10.0, top, f"{span}: {listing}", "#timeline", "earlier"))
    for d_value, description, background in entries:
        d = timex_date(d_value)
        if d and d < lo:
            continue
        elif d and d <= hi:
            chart.marks.append(Mark(x(d), top, f"{d_value}: {description}", "#timeline", "background" if background else "entry"))
    for eid, d_value, title in events:
        d = event_dates.get(eid)
        if d:
            chart.marks.append(Mark(x(d), top + lane_h, f"{d_value}: {title}", f"#event-{eid}", "event"))
    for (d, outlet, aid), (eid, _, pub, _) in zip(art_dates, articles):
        if d:
            lane = outlets.index(outlet or "?")
            chart.marks.append(
                Mark(x(d), top + lane_h * (lane + 2), f"{outlet or '?'} · {pub or 'undated'}", f"/articles/{aid}", "article", lane % PALETTE_SIZE)
            )
    chart.ticks = [Tick(x(d), label) for d, label in _ticks(lo, hi)]
    return chart


def _ticks(lo: date, hi: date, most: int = 7) -> list[tuple[date, str]]:
    """Round dates between lo and hi for axis labels: years, months or days."""
    days = (hi - lo).days
    if days > 3 * 365:
        step = max(1, (hi.year - lo.year) // most + 1)
        return [(date(y, 1, 1), str(y)) for y in range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1, step)] or [(lo, str(lo.year))]
    if days > 60:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month
        step = max(1, months // most + 1)
        out = []
        y, m = lo.year, lo.month
        if lo.day > 1:
            y, m = (y + (m == 12), m % 12 + 1)
        while (y, m) <= (hi.year, hi.month):
            out.append((date(y, m, 1), f"{y}-{m:02d}"))
            m += step
            while m > 12:
                y, m = y + 1, m - 12
        return out or [(lo, lo.isoformat())]
    step = max(1, days // most + 1)
    return [(date.fromordinal(o), date.fromordinal(o).isoformat()) for o in range(lo.toordinal(), hi.toordinal() + 1, step)]


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(slots=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    top: int = 0  # the largest count


def mentions_chart(by_day: Sequence[tuple[str, int]], *, width: int = 700, height: int = 140) -> BarChart | None:
    """Mentions per month as bars (per day when they fall within two months)."""
    dated = [(timex_date(d), n) for d, n in by_day]
    dated = [(d, n) for d, n in dated if d]
    if not dated:
        return None
    lo, hi = dated[0][0], dated[-1][0]
    monthly = (hi - lo).days > 62
    buckets: dict[date, int] = {}
    for d, n in dated:
        key = d.replace(day=1) if monthly else d
        buckets[key] = buckets.get(key, 0) + n
    keys = sorted(buckets)
    if monthly:  # fill empty months so gaps show
        keys, (y, m) = [], (lo.year, lo.month)
        while (y, m) <= (hi.year, hi.month):
            keys.append(date(y, m, 1))
            y, m = (y + (m == 12), m % 12 + 1)
    top = max(buckets.values())
    chart = BarChart(width=width, height=height, top=top)
    plot_h, base = height - 30, height - 20
    slot = (width - 40) / len(keys)
    for i, k in enumerate(keys):
        n = buckets.get(k, 0)
        h = plot_h * n / top
        label = k.strftime("%Y-%m") if monthly else k.isoformat()
        bar_w = min(slot * 0.7, 36)
        x = 30 + i * slot + (slot - bar_w) / 2
        chart.bars.append(Bar(round(x, 1), round(base - h, 1), round(bar_w, 1), round(h, 1), f"{label}: {n}"))
    every = max(1, len(keys) // 6)
    chart.ticks = [
        Tick(round(30 + i * slot + slot / 2, 1), k.strftime("%Y-%m") if monthly else k.isoformat())
        for i, k in enumerate(keys)
        if i % every == 0
    ]
    return chart
