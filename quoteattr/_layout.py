"""Text layout: paragraphs and sentences, as offsets into the original text.

Two paragraph conventions exist in the wild: hard-wrapped text (books, e-texts) where
a blank line separates paragraphs and single newlines are mere line breaks, and
one-paragraph-a-line text (news feeds). The document's line lengths tell which.
"""

from __future__ import annotations

import bisect
from typing import Dict, Iterator, List, Sequence, Tuple

from . import _lazyregex as regex

from . import _lexicons

_ASCII_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ."  # each isalpha() or "."
_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n\s*")
_NEWLINE = regex.compile(r"\n\s*")
# A blank line between two stretches of text (what "\S[^\S\n]*\n[^\S\n]*\n\s*\S" finds, a
# pattern tried at every non-space of a text that has none): two newlines with only
# spaces between them, after the text's first non-space and before its last.
_NON_SPACE = regex.compile(r"\S")
_LAST_NON_SPACE = regex.compile(r"(?r)\S")  # searched from the end
_BLANK_RUN = regex.compile(r"\n[^\S\n]*\n")

# A sentence ends at . ! ? or … (with closing marks and brackets after it) followed by
# space and something that can start a sentence.
_SENTENCE_END = regex.compile(
    r"""
    (?<![.!?\N{HORIZONTAL ELLIPSIS}])(?P<punct>[.!?\N{HORIZONTAL ELLIPSIS}]++)  # whole runs: linear on "....."
    [\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK})\]]*
    (?=\s+[\"'\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}\N{LEFT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}(\[]{0,2}[\p{Lu}\d])
    """,
    regex.VERBOSE,
)


def trim(text: str, start: int, end: int) -> Tuple[int, int]:
    """``[start, end)`` without the white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_wrapped(text: str) -> bool:
    """Hard-wrapped text: most lines are of a similar, short length."""
    lengths = [len(line) for line in text.split("\n", 4000)[:4000] if line.strip()]
    if len(lengths) < 4:
        return False
    lengths.sort()
    median = lengths[len(lengths) // 2]
    return 30 <= median <= 100 and _has_inner_blank_line(text)


def _has_inner_blank_line(text: str) -> bool:
    """A blank line with text before and after it: two newlines with only spaces between
    them anywhere after the text's first non-space and before its last (the white space
    around them then reaches text on both sides). One search, tried at newlines only."""
    first = _NON_SPACE.search(text)
    if first is None:
        return False
    last = _LAST_NON_SPACE.search(text)
    assert last is not None
    return _BLANK_RUN.search(text, first.start(), last.start()) is not None


# a line that opens with a quotation mark (after its indent): the first word, mark included
_LINE_OPENING_QUOTE = regex.compile(r"\n[^\S\n]*+([\"'\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}]\S*)")
_LINE_START = regex.compile(r"\n[^\S\n]*+(\S+)")
# a line that ends a sentence: . ! ? or … and any closing marks
_ENDS_SENTENCE = regex.compile(
    r"[.!?\N{HORIZONTAL ELLIPSIS}][\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK})\]]*$")
# this many turns opening a line after a short one make a stretch whose blank lines were lost
_LOST_BREAKS_MIN = 3


def _wrap_width(text: str) -> int:
    """The width a hard-wrapped text is wrapped to, as far as its lines tell: the length
    that nine lines in ten do not exceed (over its first 4000 lines)."""
    lengths = sorted(len(line.rstrip()) for line in text.split("\n", 4000)[:4000] if line.strip())
    return lengths[len(lengths) * 9 // 10] if lengths else 0


def _short_before(text: str, start: int, brk: int, word: str, width: int) -> bool:
    """The line ending at the newline ``brk`` (not before ``start``) ends a paragraph: the
    word after the break would have fitted on it and it ends a sentence, or it is shorter
    still (a wrap never leaves a line short of the next word; the lines of an e-text are
    not all of one length, hence the margin for a line that ends mid-sentence)."""
    line_start = max(start, text.rfind("\n", start, brk) + 1)
    line = text[line_start:brk].rstrip()
    if not line:
        return False
    room = width - len(line) - 1 - len(word)
    return room >= width // 5 or (room >= 0 and _ENDS_SENTENCE.search(line) is not None)


def _unwrap_lost_breaks(text: str, paras: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Hard-wrapped text whose blank lines were lost in a stretch (an e-text that breaks
    paragraphs with a newline alone there): a blank-line paragraph in which at least
    ``_LOST_BREAKS_MIN`` lines open with a quotation mark after a line that ends short is
    such a stretch, and every line after a short one starts a paragraph in it. A wrap
    never leaves a line short of the next word; a turn going on on a new line of the same
    paragraph ("…,” he added.⏎“Or perhaps…”) happens once or twice, not on and on."""
    width = -1
    out: List[Tuple[int, int]] = []
    for start, end in paras:
        if text.count("\n", start, end) < 2 * _LOST_BREAKS_MIN:
            out.append((start, end))
            continue
        if width < 0:
            width = _wrap_width(text)
        turns = 0
        for m in _LINE_OPENING_QUOTE.finditer(text, start, end):
            if _short_before(text, start, m.start(), m.group(1), width):
                turns += 1
                if turns >= _LOST_BREAKS_MIN:
                    break
        if turns < _LOST_BREAKS_MIN:
            out.append((start, end))
            continue
        pos = start
        for m in _LINE_START.finditer(text, start, end):
            if _short_before(text, start, m.start(), m.group(1), width):
                out.append(trim(text, pos, m.start()))
                pos = m.start(1)
        out.append(trim(text, pos, end))
    return out


class Layout:
    """Paragraph and sentence boundaries of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.wrapped = _is_wrapped(text)
        sep = _BLANK_LINE if self.wrapped else _NEWLINE
        paras: List[Tuple[int, int]] = []
        pos = 0
        for m in sep.finditer(text):
            self._add(paras, pos, m.start())
            pos = m.end()
        self._add(paras, pos, len(text))
        if self.wrapped:
            paras = _unwrap_lost_breaks(text, paras)
        self.paragraphs = paras
        self._starts = [p[0] for p in paras]
        self._sentences: Dict[int, List[int]] = {}
        self._sentence_at: Dict[int, Tuple[int, int]] = {}  # the stages ask for the same places again

    def _add(self, paras: List[Tuple[int, int]], start: int, end: int) -> None:
        start, end = trim(self.text, start, end)
        if end > start:
            paras.append((start, end))

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (or the last one starting before it)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i if i > 0 else 0

    def paragraph(self, pos: int) -> Tuple[int, int]:
        if not self.paragraphs:
            return (0, len(self.text))
        return self.paragraphs[self.paragraph_index(pos)]

    def sentence_starts(self, para: int) -> List[int]:
        """Start offsets of the sentences of paragraph ``para`` (the first is its start)."""
        got = self._sentences.get(para)
        if got is not None:
            return got
        start, end = self.paragraphs[para]
        abbrevs = _lexicons.words("abbreviations")
        out = [start]
        text = self.text
        for m in _SENTENCE_END.finditer(text, start, end):
            # the word before: letters and dots, at most 12 characters back; ASCII ones
            # stripped in one call, then any other letter one at a time
            lo = max(start, m.start() - 12)
            w = lo + len(text[lo : m.start()].rstrip(_ASCII_WORD_CHARS))
            while w > lo and (text[w - 1].isalpha() or text[w - 1] == "."):
                w -= 1
            word = text[w : m.start()]
            if m.group("punct") == "." and (word.rstrip(".") in abbrevs or (len(word) == 1 and word.isupper())):
                continue
            nxt = m.end()
            while nxt < end and self.text[nxt].isspace():
                nxt += 1
            if word == "No" and nxt < end and self.text[nxt].isdigit() and nxt - m.end() <= 1:
                continue  # "the No. 2 Republican": a number sign, not "no" ending a sentence
            if nxt < end:
                out.append(nxt)
        self._sentences[para] = out
        return out

    def sentence(self, pos: int) -> Tuple[int, int]:
        """The sentence holding ``pos``: ``(start, end)``."""
        got = self._sentence_at.get(pos)
        if got is not None:
            return got
        if not self.paragraphs:
            return (0, len(self.text))
        pi = self.paragraph_index(pos)
        starts = self.sentence_starts(pi)
        i = bisect.bisect_right(starts, pos) - 1
        s = starts[max(i, 0)]
        e = starts[i + 1] if i + 1 < len(starts) else self.paragraphs[pi][1]
        got = self._sentence_at[pos] = (s, e)
        return got


def on_lines(pattern: "regex.Pattern[str]", text: str, anchors: Sequence[int],
             firsts: Tuple[str, ...] = ()) -> Iterator["regex.Match[str]"]:
    r"""``pattern.finditer(text)`` for a pattern whose every match holds one of ``anchors``
    whole (the places, in text order, of the words it needs: ``_indirect``'s report verbs and
    participles, ``_kinship``'s kin words), searching only the lines that hold one. The
    same matches when no match holds a newline (every space in the pattern is ``[^\S\n]``,
    every ``.`` stops at one) and none looks past the newline that ends its line: a text's
    matches are then its lines' matches, and a line without an anchor has none. Each line is
    searched once: linear. With ``firsts`` (strings one of which starts every match, none
    empty), the pattern is tried only where one of them stands (``at_starts``)."""
    done = -1  # where the last line searched ends
    for pos in anchors:
        if pos < done:
            continue
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        start = text.rfind("\n", 0, pos) + 1
        yield from at_starts(pattern, text, start, end, firsts) if firsts else pattern.finditer(text, start, end)
        done = end


def on_lines_with(pattern: "regex.Pattern[str]", text: str, words: Sequence[str]) -> Iterator["regex.Match[str]"]:
    """``pattern.finditer(text)`` for a pattern whose every match holds one of ``words``
    whole and no newline (see ``on_lines``): only the lines holding one are searched
    (``_kinship``'s kin appositions, ``_resolution``'s nicknames)."""
    return on_lines(pattern, text, places(text, words, 0, len(text)))


def places(text: str, words: Sequence[str], start: int, end: int) -> List[int]:
    """Where each of ``words`` (none empty) stands in ``text[start:end]``, in text order."""
    at: List[int] = []
    for w in words:
        p = text.find(w, start, end)
        while p >= 0:
            at.append(p)
            p = text.find(w, p + 1, end)
    at.sort()
    return at


def at_starts(pattern: "regex.Pattern[str]", text: str, start: int, end: int,
              firsts: Tuple[str, ...]) -> Iterator["regex.Match[str]"]:
    """``pattern.finditer(text, start, end)`` for a pattern whose every match is non-empty and
    starts with one of ``firsts``: the pattern is matched at those places only, in text order,
    each from where the last match ended (lookbehinds see before the place, as in a search).
    The same matches, without trying the pattern at every place of a long line; never more
    places than the search tries."""
    done = start
    for p in places(text, firsts, start, end):
        if p >= done:
            m = pattern.match(text, p, end)
            if m is not None:
                yield m
                done = m.end()
