"""Choosing news or fiction rules for a text (``Config(genre="auto")``).

Fiction dialogue is a run of paragraphs that each open with a quotation and carry
little narration; news quotes sit in paragraphs of reporting. The share of
quotation paragraphs that open with the quotation, and inverted tags ("said he"),
tell them apart.
"""

from __future__ import annotations

from typing import List

from . import _lazyregex as regex

from ._layout import Layout
from ._marks import Quotation

_FICTION_TAG = regex.compile(
    r"(?<![\p{L}])(?:said|cried|replied|returned|exclaimed|answered|asked|added)[^\S\n]+(?:he|she|I)(?![\p{L}])"
    r"|(?<![\p{L}])(?:cried|exclaimed|rejoined|returned)(?![\p{L}])"
)
_NEWS_CUE = regex.compile(
    r"(?<![\p{L}])(?:according to|told reporters|percent|said in a statement|spokes(?:man|woman|person)|"
    r"officials?|campaign|Twitter|tweeted|interview|president|senator|governor|Republicans?|Democrats?|"
    r"administration|government|election|voters?|policy|police|court|congress|(?:Sen|Rep|Gov)\.|U\.S\.|"
    r"reported|press|billion|million)(?![\p{L}])|[$%]"
)


_MIN_NEWS_CUES = 3


def _opens_line(text: str, pos: int) -> bool:
    """The mark at ``pos`` is the first thing on its line."""
    k = pos - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


def detect(text: str, layout: Layout, quotations: List[Quotation]) -> str:
    """"fiction" or "news".

    News is dense in numbers (dates, sums, percentages) and reporting words
    ("according to", "officials"); novels are not, and their dialogue paragraphs open
    with the quotation. Hard-wrapped text (e-books) is fiction unless it reads as news.
    """
    if len(quotations) < 4 or len(text) < 1500:
        return "news"  # too little to tell: news rules are the safer default
    size = max(1, len(text))
    opening = sum(1 for q in quotations if layout.paragraph(q.start)[0] == q.start) / len(quotations)
    if layout.wrapped and opening < 0.2:
        # hard-wrapped dialogue without blank lines between turns: a turn opens a line
        opening = sum(1 for q in quotations if _opens_line(text, q.start)) / len(quotations)
    if layout.wrapped and opening >= 0.2:
        cues = len(_NEWS_CUE.findall(text))
        return "news" if cues >= _MIN_NEWS_CUES and cues * 10_000 / size >= 5 else "fiction"
    digits = sum(text.count(d) for d in "0123456789") * 1_000 / size
    # the digits are counted first: when they decide, the pass over the text for news
    # words is not needed; a few news words in a short text decide nothing ("court" twice
    # in a chapter)
    cues = 0 if digits >= 1.5 else len(_NEWS_CUE.findall(text))
    if digits >= 1.5 or (cues >= _MIN_NEWS_CUES and cues * 10_000 / size >= 2):
        return "news"
    fiction_tags = len(_FICTION_TAG.findall(text))
    return "fiction" if opening >= 0.3 or fiction_tags > 0 else "news"
