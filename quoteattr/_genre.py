"""Choosing news or fiction rules for a text (``Config(genre="auto")``).

Fiction dialogue is a run of paragraphs that each open with a quotation and carry
little narration; news quotes sit in paragraphs of reporting. The share of
quotation paragraphs that open with the quotation, and inverted tags ("said he"),
tell them apart.
"""

from __future__ import annotations

from typing import List

import regex

from ._layout import Layout
from ._marks import Quotation

_FICTION_TAG = regex.compile(
    r"(?<![\p{L}])(?:said|cried|replied|returned|exclaimed|answered|asked|added)[^\S\n]+(?:he|she|I)(?![\p{L}])"
    r"|(?<![\p{L}])(?:cried|exclaimed|rejoined|returned)(?![\p{L}])"
)
_NEWS_CUE = regex.compile(
    r"(?<![\p{L}])(?:according to|told reporters|percent|said in a statement|spokes(?:man|woman|person)|"
    r"officials?|campaign|Twitter|tweeted|interview)(?![\p{L}])"
)


def detect(text: str, layout: Layout, quotations: List[Quotation]) -> str:
    """"fiction" or "news"."""
    if len(quotations) < 4:
        return "news"
    opening = 0
    for q in quotations:
        if layout.paragraph(q.start)[0] == q.start:
            opening += 1
    share = opening / len(quotations)
    fiction_tags = sum(1 for _ in _FICTION_TAG.finditer(text))
    news_cues = sum(1 for _ in _NEWS_CUE.finditer(text))
    score = share * 2 + min(fiction_tags, 20) / 10 - min(news_cues, 20) / 10
    return "fiction" if score > 1.2 else "news"
