"""Choosing news or fiction rules for a text (``Config(genre="auto")``).

Fiction dialogue is a run of paragraphs that each open with a quotation and carry
little narration; news quotes sit in paragraphs of reporting. The share of
quotation paragraphs that open with the quotation, and inverted tags ("said he"),
tell them apart.
"""

from __future__ import annotations

from typing import List, Tuple

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
# What every match of _NEWS_CUE starts with; no two of them start at the same place, and
# no match of it starts inside another.
_NEWS_CUE_STARTS = (
    "according to", "told reporters", "percent", "said in a statement", "spokes", "official", "campaign",
    "Twitter", "tweeted", "interview", "president", "senator", "governor", "Republican", "Democrat",
    "administration", "government", "election", "voter", "polic", "court", "congress", "Sen.", "Rep.", "Gov.",
    "U.S.", "reported", "press", "billion", "million", "$", "%",
)


_FICTION_TAG_STARTS = ("said", "cried", "replied", "returned", "exclaimed", "answered", "asked", "added", "rejoined")


def _count(text: str, pattern: "regex.Pattern[str]", starts: Tuple[str, ...]) -> int:
    """``len(pattern.findall(text))`` for a pattern whose matches begin with one of
    ``starts`` and never start inside one another: ``str.find`` goes to where a match can
    start (a fixed number of passes in C) and the pattern is tried there only, instead of
    at every character of a novel."""
    found = set()
    match = pattern.match
    for start in starts:
        i = text.find(start)
        while i != -1:
            if match(text, i) is not None:
                found.add(i)
            i = text.find(start, i + 1)
    return len(found)


def _news_cues(text: str) -> int:
    return _count(text, _NEWS_CUE, _NEWS_CUE_STARTS)


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
        cues = _news_cues(text)
        return "news" if cues >= _MIN_NEWS_CUES and cues * 10_000 / size >= 5 else "fiction"
    digits = sum(text.count(d) for d in "0123456789") * 1_000 / size
    # the digits are counted first: when they decide, the pass over the text for news
    # words is not needed; a few news words in a short text decide nothing ("court" twice
    # in a chapter)
    cues = 0 if digits >= 1.5 else _news_cues(text)
    if digits >= 1.5 or (cues >= _MIN_NEWS_CUES and cues * 10_000 / size >= 2):
        return "news"
    fiction_tags = _count(text, _FICTION_TAG, _FICTION_TAG_STARTS)
    return "fiction" if opening >= 0.3 or fiction_tags > 0 else "news"
