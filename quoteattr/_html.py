"""An HTML view of a result: the text with every quotation highlighted.

Each quotation part is a ``<mark>`` coloured by its source; speaker mentions and cues
are marked too, and every element says on hover (its ``title``) which rule made it and
how sure it is. The page is self-contained (inline CSS, no script, no external asset;
a Content-Security-Policy forbids loading any) and everything taken from the text is
escaped, so a text holding ``<script>`` shows it as text.

Spans may nest or cross (a speaker inside a quotation, a cue between the two parts of
an interrupted quotation, a mention shared by two records), so the markup is built
from sorted boundary events with a stack of open elements: an element that must close
while others opened after it are still open closes them first and opens them again,
which always gives well-formed HTML.
"""

from __future__ import annotations

import html
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from . import _lazyregex as regex

from ._records import Result, Source

__all__ = ["render_html", "render_page", "render_section", "render_error"]

# Light backgrounds that stay readable under black text and differ from their
# neighbours; sources past the last one get colours spread round the hue circle.
_PALETTE = (
    "#ffe08a", "#a8e6ff", "#c7f0a0", "#ffc4d6", "#d9c8ff",
    "#ffd1a6", "#b5f0e0", "#f0c8f0", "#e6e6a0", "#c8d8ff",
)
_NO_SOURCE = "#e4e4e4"

# What the HTML parser would turn into U+FFFD or reject: lone surrogates (which cannot
# even be written as UTF-8) and C0/C1 control characters other than tab and newlines.
_UNWRITABLE = regex.compile(r"[\p{Cs}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Nesting order when two elements start and end together: quotation outermost.
_ORDER = {"mark": 0, "mention": 1, "cue": 2}

_CSS = """
body { font: 16px/1.6 Georgia, "Times New Roman", serif; margin: 2em auto; max-width: 46em;
       padding: 0 1em; color: #111; background: #fff; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; }
.text { white-space: pre-wrap; overflow-wrap: break-word; }
mark { padding: 0.05em 0; border-radius: 2px; color: inherit; }
mark.no-source { background: #e4e4e4; outline: 1px dashed #888; }
.mention { border-bottom: 2px solid #555; }
.mention.speaker { border-bottom: 3px double #000; font-weight: bold; }
.cue { font-style: italic; text-decoration: underline dotted; text-underline-offset: 3px; }
.legend { font: 14px/1.4 system-ui, sans-serif; border: 1px solid #ccc; padding: 0.5em 1em;
          background: #fafafa; margin-bottom: 1.2em; }
.legend ul { list-style: none; padding: 0; margin: 0.3em 0; columns: 2; }
.legend li { margin: 0.15em 0; }
.swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -0.15em;
          border: 1px solid #888; margin-right: 0.4em; }
.count { font-variant-numeric: tabular-nums; color: #444; }
.key { color: #444; }
.error { color: #a00; font-family: monospace; }
""".strip()


def _clean(s: str) -> str:
    return _UNWRITABLE.sub("\N{REPLACEMENT CHARACTER}", s)


def _esc(s: str) -> str:
    """Escaped for element content or a double-quoted attribute value."""
    return html.escape(_clean(s), quote=True)


def _colour(n: int) -> str:
    if n < len(_PALETTE):
        return _PALETTE[n]
    return f"hsl({(n * 137.508) % 360:.0f}, 80%, 82%)"


class _Element:
    """One element to place over ``[start, end)`` of the text."""

    __slots__ = ("start", "end", "kind", "tag", "attrs")

    def __init__(self, start: int, end: int, kind: str, tag: str, attrs: Dict[str, str]):
        self.start, self.end, self.kind, self.tag, self.attrs = start, end, kind, tag, attrs

    def open_tag(self) -> str:
        inner = "".join(f' {k}="{_esc(v)}"' for k, v in self.attrs.items())
        self.attrs.pop("id", None)  # a reopened piece must not repeat the id
        return f"<{self.tag}{inner}>"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


def _source_label(src: Optional[Source]) -> str:
    if src is None:
        return "no source"
    label = src.name
    if src.title and src.title not in src.name:
        label = f"{src.title} {label}"
    return f"{label} ({src.kind})"


def _elements(result: Result, index: Dict[int, int], prefix: str) -> List[_Element]:
    out: List[_Element] = []
    speakers: Dict[Tuple[int, int], List[int]] = {}
    cues: Dict[Tuple[int, int], List[int]] = {}
    for n, q in enumerate(result.quotes, 1):
        hint = f"quotation {n}: {q.kind}, rule {q.rule}, confidence {q.confidence:.2f}, source: {_source_label(q.source)}"
        cls = "no-source" if q.source is None else f"src-{index[id(q.source)]}"
        for k, part in enumerate(q.parts):
            attrs = {"class": cls, "title": hint, "data-quote": str(n)}
            if k == 0:
                attrs["id"] = f"{prefix}q{n}"
            out.append(_Element(part.start, part.end, "mark", "mark", attrs))
        if q.speaker is not None:
            speakers.setdefault((q.speaker.start, q.speaker.end), []).append(n)
        if q.cue is not None:
            cues.setdefault((q.cue.start, q.cue.end), []).append(n)
    mentions: Dict[Tuple[int, int], Tuple[Optional[Source], int]] = {}
    for src in result.sources:
        for m in src.mentions:
            mentions.setdefault((m.start, m.end), (src, index[id(src)]))
    for (s, e), ns in speakers.items():
        if (s, e) not in mentions:
            q = result.quotes[ns[0] - 1]
            mentions[(s, e)] = (q.source, index[id(q.source)]) if q.source is not None else (None, -1)
    for (s, e), (owner, k) in mentions.items():
        who = _source_label(owner)
        if (s, e) in speakers:
            quotes = ", ".join(str(n) for n in speakers[(s, e)])
            attrs = {"class": f"mention speaker src-{k}" if k >= 0 else "mention speaker",
                     "title": f"speaker of quotation {quotes}: {who}"}
        else:
            attrs = {"class": f"mention src-{k}", "title": f"mention of {who}"}
        out.append(_Element(s, e, "mention", "span", attrs))
    for (s, e), ns in cues.items():
        quotes = ", ".join(str(n) for n in ns)
        out.append(_Element(s, e, "cue", "span", {"class": "cue", "title": f"cue of quotation {quotes}"}))
    return [el for el in out if el.end > el.start]


def _markup(text: str, elements: Sequence[_Element]) -> str:
    """``text`` escaped, with ``elements`` placed over it as well-formed nested markup."""
    n = len(text)
    elements = [el for el in elements if 0 <= el.start < el.end <= n]
    # Outer elements first: earlier start, then later end, then the kind's rank.
    elements = sorted(elements, key=lambda el: (el.start, -el.end, _ORDER[el.kind]))
    cuts = sorted({0, n} | {el.start for el in elements} | {el.end for el in elements})
    starting: Dict[int, List[_Element]] = {}
    for el in elements:
        starting.setdefault(el.start, []).append(el)
    out: List[str] = []
    stack: List[_Element] = []
    for i, pos in enumerate(cuts):
        # Close what ends here; close and reopen what was opened inside it.
        if any(el.end == pos for el in stack):
            keep = [el for el in stack if el.end > pos]
            # The bottom of the stack that stays open is left alone.
            common = 0
            while common < len(stack) and stack[common].end > pos:
                common += 1
            for el in reversed(stack[common:]):
                out.append(el.close_tag())
            stack = stack[:common]
            for el in keep[common:]:
                out.append(el.open_tag())
                stack.append(el)
        for el in starting.get(pos, ()):
            # If something open ends before this one does, the closing step above
            # splits this one in two when that boundary comes.
            out.append(el.open_tag())
            stack.append(el)
        if i + 1 < len(cuts):
            out.append(_esc(text[pos:cuts[i + 1]]))
    for el in reversed(stack):
        out.append(el.close_tag())
    return "".join(out)


def _index(result: Result) -> Dict[int, int]:
    return {id(src): k for k, src in enumerate(result.sources)}


def _legend(result: Result, index: Dict[int, int]) -> str:
    counts: Dict[int, int] = {}
    unsourced = 0
    for q in result.quotes:
        if q.source is None:
            unsourced += 1
        else:
            counts[index[id(q.source)]] = counts.get(index[id(q.source)], 0) + 1
    rows: List[Tuple[int, str]] = []
    for src in result.sources:
        k = index[id(src)]
        c = counts.get(k, 0)
        title = f", {_esc(src.title)}" if src.title else ""
        rows.append((c, (
            f'<li class="source src-{k}"><span class="swatch src-{k}"></span>'
            f'<span class="name">{_esc(src.name)}</span> <span class="key">({_esc(src.kind)}{title})</span> '
            f'<span class="count">{_quotations(c)}</span></li>'
        )))
    rows.sort(key=lambda r: -r[0])  # stable: ties keep text order
    items = [r[1] for r in rows]
    if unsourced:
        items.append(
            f'<li class="source no-source"><span class="swatch no-source"></span>'
            f'<span class="name">no source</span> <span class="count">{_quotations(unsourced)}</span></li>'
        )
    nq, ns = len(result.quotes), len(result.sources)
    head = (f'<p><b class="n-quotes">{nq}</b> quotation{"s" if nq != 1 else ""}, '
            f'<b class="n-sources">{ns}</b> source{"s" if ns != 1 else ""}. '
            f'<mark class="no-source">quotation</mark> (coloured by source) <span class="mention speaker">speaker</span> '
            f'<span class="mention">other mention</span> <span class="cue">cue</span>; '
            f'hover for the rule and confidence.</p>')
    return f'<div class="legend">{head}<ul>{"".join(items)}</ul></div>'


def _quotations(n: int) -> str:
    return f"\N{EM DASH} {n} quotation{'s' if n != 1 else ''}"


def _colours_css(result: Result, index: Dict[int, int], scope: str) -> str:
    rules = []
    for src in result.sources:
        k = index[id(src)]
        c = _colour(k)
        rules.append(f"{scope} mark.src-{k}, {scope} .swatch.src-{k} {{ background: {c}; }}")
        rules.append(f"{scope} .mention.src-{k} {{ border-bottom-color: {_darker(c, k)}; }}")
    rules.append(f"{scope} .swatch.no-source {{ background: {_NO_SOURCE}; }}")
    return "\n".join(rules)


def _darker(colour: str, k: int) -> str:
    if colour.startswith("#"):
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        return f"#{r * 6 // 10:02x}{g * 6 // 10:02x}{b * 6 // 10:02x}"
    return f"hsl({(k * 137.508) % 360:.0f}, 60%, 40%)"


def render_section(doc_id: str, text: str, result: Result, *, heading: bool = True,
                   anchor: Optional[str] = None) -> str:
    """One document as an HTML ``<section>`` (its own colours, legend and text).

    ``anchor`` is the section's element id (default: made from ``doc_id``); sections
    of one page need different anchors, since each scopes its colours by it.
    """
    if anchor is None:
        anchor = "d" + regex.sub(r"[^\w-]", "_", doc_id, flags=regex.ASCII)
    index = _index(result)
    scope = f"#{anchor}"
    head = f"<h2>{_esc(doc_id)}</h2>\n" if heading else ""
    return (
        f'<section class="document" id="{_esc(anchor)}">\n{head}'
        f"<style>\n{_colours_css(result, index, scope)}\n</style>\n"
        f"{_legend(result, index)}\n"
        f'<div class="text">{_markup(text, _elements(result, index, anchor + "-"))}</div>\n'
        "</section>"
    )


def render_error(doc_id: str, error: Optional[str]) -> str:
    """A section saying that one input document could not be read."""
    return (f'<section class="document error-doc"><h2>{_esc(doc_id)}</h2>'
            f'<p class="error">{_esc(error or "could not be read")}</p></section>')


def render_page(sections: Iterable[str], *, title: str = "quoteattr") -> str:
    """A self-contained page holding the ``sections`` (from :func:`render_section`)."""
    body = "\n".join(sections)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{_esc(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        f"<h1>{_esc(title)}</h1>\n{body}\n</body>\n</html>\n"
    )


def render_html(text: str, result: Result, *, title: str = "quoteattr") -> str:
    """A self-contained HTML page showing ``text`` with the quotations of ``result``.

    ``result`` must come from ``extract(text)``: its offsets index ``text``.
    """
    return render_page([render_section(title, text, result, heading=False)], title=title)
