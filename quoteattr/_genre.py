"""Choosing news or fiction rules for a text (``Config(genre="auto")``).

Fiction dialogue is a run of paragraphs that each open with a quotation and carry
little narration; news quotes sit in paragraphs of reporting. The share of
quotation paragraphs that open with the quotation, and inverted tags ("said he"),
tell them apart. A text that reads as news by those tests (few quotations, few
dialogue paragraphs) is still fiction when its prose is narration: pronoun subjects
with past-tense verbs ("she had", "I walked") and literary words ("upon", "madam"),
with few news words or numbers and no dateline.
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


# A subject pronoun and a space, then a past-tense verb: the narration of a story ("she
# had", "I walked", "they were"). News tells past events too, but between names, titles,
# numbers and attributions, far less densely.
_NARRATION = regex.compile(
    r"(?<![\p{L}\p{N}'’])(?:I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey) "
    r"(?:was|were|had|did|could|would|[a-z]{1,20}ed)(?![\p{L}\p{N}'’])"
)
_NARRATION_STARTS = ("I ", "he ", "He ", "she ", "She ", "we ", "We ", "they ", "They ")
# "I", "we" or "you" and a space, then a verb in the present: the voice of an argument or
# a column ("I think", "we need", "you will forgive me"), which outweighs the same
# writer's narration of the past ("I grew up").
_ARGUMENT = regex.compile(
    r"(?<![\p{L}\p{N}'’])(?:I|[Ww]e|[Yy]ou) "
    r"(?:am|are|have|will|should|must|need|think|believe|hope|want|know|can)(?![\p{L}\p{N}'’])"
)
_ARGUMENT_STARTS = ("I ", "we ", "We ", "you ", "You ")
# Function words and forms of address of literary (older, letter-writing) prose that
# news copy does not use, in lower case or capitalised.
_LITERARY_WORDS = (
    "upon", "whilst", "thee", "thou", "thy", "ere", "hath", "nay", "alas", "madam", "sir", "shall",
    "myself", "herself", "himself", "dear",
)
_LITERARY = regex.compile(
    r"(?<![\p{L}\p{N}'’])(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _LITERARY_WORDS)
    + r")(?![\p{L}\p{N}'’])"
)
_LITERARY_STARTS = _LITERARY_WORDS + tuple(w.capitalize() for w in _LITERARY_WORDS)
# A dateline opening a paragraph ("SPRINGFIELD, Ill. — The mayor ...", "LONDON (Reuters) -
# A ...", "DAYTON, Ohio, March 3 — ..."): a place in capitals, a dash, then the report in
# running text (a heading in capitals has no lower-case words after its dash). News copy.
_DATELINE = regex.compile(
    r"(?m)^[^\S\n]*(?!(?:CHAPTER|BOOK|PART|VOLUME|LETTER|VOL)(?![\p{L}]))\p{Lu}{2,}(?:[^\S\n]\p{Lu}{2,}){0,2}"
    r"(?:,[^\S\n]+[\p{Lu}\p{N}][\p{L}\p{N}.]{0,12}(?:[^\S\n][\p{Lu}\p{N}][\p{L}\p{N}.]{0,12})?){0,2}[^\S\n]*"
    r"(?:\([^()\n]{1,30}\)[^\S\n]*)?[—–-]{1,2}[^\S\n]+(?=[^\n]{0,60}\p{Ll})"
)
_DATELINE_WINDOW = 400
# Narration plus literary words per 10,000 characters stay well under _MAX_STORY in any
# prose (some 170 in the densest first-person telling seen), literary words alone under
# _MAX_LITERARY (some 60 in a letter novel): news evidence beyond them decides.
_MAX_STORY = 250
_MAX_LITERARY = 120


def _narrated(text: str) -> bool:
    """The text is told as a story: per 10,000 characters, pronoun subjects with a past
    verb plus literary words outweigh four times the news words, twice the "said"s,
    the first and second persons with a present verb and, per 1,000 characters, five
    times the digits; and no dateline opens it. A first-person column argues in the
    present, among numbers and news words; a novel narrates the past."""
    if _DATELINE.search(text[:_DATELINE_WINDOW]) is not None:
        return False
    size = max(1, len(text))
    # the cheap counts first, and the story's counts only while the news side leaves
    # them a chance
    digits = sum(text.count(d) for d in "0123456789") * 1_000 / size
    # "said" (the verb of news attribution, "Keene said she had ...") in prose with few
    # quotations is reporting, not a story's dialogue
    said = text.count(" said") * 10_000 / size
    against = 5 * digits + 2 * said
    if against >= _MAX_STORY:
        return False
    against += 4 * _news_cues(text) * 10_000 / size
    if against >= _MAX_STORY:
        return False
    story = _count(text, _NARRATION, _NARRATION_STARTS) * 10_000 / size
    if story + _MAX_LITERARY <= against:
        return False
    story += _count(text, _LITERARY, _LITERARY_STARTS) * 10_000 / size
    if story <= against:
        return False
    return story > against + _count(text, _ARGUMENT, _ARGUMENT_STARTS) * 10_000 / size


def detect(text: str, layout: Layout, quotations: List[Quotation]) -> str:
    """"fiction" or "news".

    Texts the layout tests below call news are fiction when :func:`_narrated`.
    """
    if len(text) < 1500:
        return "news"  # too little to tell: news rules are the safer default
    genre = _by_layout(text, layout, quotations)
    if genre == "news" and _narrated(text):
        return "fiction"
    return genre


def _by_layout(text: str, layout: Layout, quotations: List[Quotation]) -> str:
    """"fiction" or "news" from the quotations' layout and the density of news words.

    News is dense in numbers (dates, sums, percentages) and reporting words
    ("according to", "officials"); novels are not, and their dialogue paragraphs open
    with the quotation. Hard-wrapped text (e-books) is fiction unless it reads as news.
    """
    if len(quotations) < 4:
        return "news"  # too few quotations to tell
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
