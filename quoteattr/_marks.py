"""Stage 1: find quotation marks and pair them into quotations.

One pass over the marks of the text (found by a single compiled pattern), with a
stack of open marks per paragraph. What pairs is kept; what does not pair is
reported as stray and never loses the rest of the document. Handled here:

- every mark style of ``data/quote_marks.txt``, mixed in one text;
- apostrophes (don't, O'Malley, rock 'n' roll, the '90s, students') and inch or
  feet marks (5'11"), which are not quotation marks;
- nested quotations (the inner one stays inside the outer content);
- a quotation over several paragraphs, each reopening and only the last closing
  (one quotation, one part per paragraph);
- a letter whose paragraphs are not reopened: a lone salutation left open at its
  paragraph's end (“MY DEAR SISTER,) runs on over the paragraphs without a mark to the
  closing mark that ends one (one quotation, one part per paragraph);
- a missing closing mark (the quotation ends with its paragraph) and a missing
  opening mark (a closing mark with nothing open before it in its paragraph,
  after sentence punctuation: the quotation starts with its paragraph);
- dialogue introduced by a dash at the start of a paragraph (— Come here).
"""

from __future__ import annotations

import bisect
import re
from typing import Dict, FrozenSet, List, Optional, Tuple

import attrs
from . import _lazyregex as regex

from . import _lexicons
from ._layout import Layout, trim

OPEN, CLOSE, EITHER, NEITHER = 1, 2, 3, 4


def _decode(code: str) -> str:
    return "".join(chr(int(c, 16)) for c in re.findall(r"U\+([0-9A-Fa-f]+)", code))


def _load_pairs() -> Tuple[Dict[str, FrozenSet[str]], Dict[str, str]]:
    closers: Dict[str, FrozenSet[str]] = {}
    family: Dict[str, str] = {}
    for row in _lexicons.rows("quote_marks"):
        opener = _decode(row[0])
        closers[opener] = frozenset(_decode(c) for c in row[1:-1])
        family[opener] = row[-1]
        for c in row[1:-1]:
            family.setdefault(_decode(c), row[-1])
    return closers, family


CLOSERS, FAMILY = _load_pairs()
_ALL_MARKS = sorted(set(CLOSERS) | set(FAMILY), key=lambda m: (-len(m), m))  # stable pattern text
# One token is a two-character mark ('' or ``) or a single mark; a run of more than
# three marks in a row is typographic noise and is skipped as a whole.
_MARK = regex.deferred(
    lambda: "|".join(regex.escape(m) for m in _ALL_MARKS if len(m) > 1)
    + "|["
    + "".join(regex.escape(m) for m in _ALL_MARKS if len(m) == 1)
    + "]"
)
_MARK_RUN = regex.deferred(
    lambda: "(?:" + "|".join(regex.escape(m) for m in _ALL_MARKS) + "){4,}"
)
# the characters a mark starts with: a run of marks goes on only with one of them
_MARK_FIRST = frozenset(m[0] for m in _ALL_MARKS)

# Default role of each glyph; EITHER is decided by the characters around it.
_ROLE = {
    "\N{LEFT DOUBLE QUOTATION MARK}": OPEN,
    "\N{RIGHT DOUBLE QUOTATION MARK}": CLOSE,
    "\N{DOUBLE LOW-9 QUOTATION MARK}": OPEN,
    "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}": OPEN,
    "\N{LEFT SINGLE QUOTATION MARK}": OPEN,
    "\N{RIGHT SINGLE QUOTATION MARK}": CLOSE,
    "\N{SINGLE LOW-9 QUOTATION MARK}": OPEN,
    "\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}": OPEN,
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}": OPEN,
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}": CLOSE,
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}": OPEN,
    "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}": CLOSE,
    "\N{LEFT CORNER BRACKET}": OPEN,
    "\N{RIGHT CORNER BRACKET}": CLOSE,
    "\N{LEFT WHITE CORNER BRACKET}": OPEN,
    "\N{RIGHT WHITE CORNER BRACKET}": CLOSE,
    "``": OPEN,
}
_APOSTROPHES = frozenset("'\N{RIGHT SINGLE QUOTATION MARK}")
# Characters after which a mark can open (besides white space) and before which one
# can close (besides white space).
_BEFORE_OPEN = frozenset("([{<\N{EM DASH}\N{EN DASH}-/\N{HORIZONTAL BAR}:") | frozenset(_ALL_MARKS)
_AFTER_CLOSE = frozenset(".,;:!?)]}>\N{HORIZONTAL ELLIPSIS}\N{EM DASH}\N{EN DASH}-/\N{HORIZONTAL BAR}*_") | frozenset(
    _ALL_MARKS
)
_SENTENCE_PUNCT = frozenset(".,!?;:\N{HORIZONTAL ELLIPSIS}\N{EM DASH}\N{EN DASH}-")
_DASH_START = regex.compile(r"(?:\N{EM DASH}|\N{HORIZONTAL BAR}|\N{EN DASH}|--)[^\S\n]*(?=[\p{L}\p{N}\"'\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}.])")
_DASH_FIRST = frozenset("\N{EM DASH}\N{HORIZONTAL BAR}\N{EN DASH}-")  # where a _DASH_START match starts
_SINGLE_MARK = regex.compile(r"['\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}]")
_WORD_AFTER = regex.compile(r"\p{L}+")


# a salutation opening a letter on a line of its own ("MY DEAR BROTHER,", "Dear Sir,",
# "My dearest Ann,--"); also read by ``_letters``
SALUTATION = regex.compile(
    r"(?i)(?:(?:my|mine)[^\S\n]+)?(?:own[^\S\n]+)?(?:very[^\S\n]+)?(?:dear(?:est)?|beloved)(?:,?[^\S\n]+dear(?:est)?)?"
    r"(?:[^\S\n]+[\p{L}.'’\-]+){1,4}[^\S\n]*,?(?:-{2}|\N{EM DASH})?[^\S\n]*(?:\n|\Z)"
    r"|(?i)(?:dear[^\S\n]+)?(?:sir|madam|madame|gentlemen)[^\S\n]*,[^\S\n]*(?:\n|\Z)")
# paragraphs without a mark a letter opened by a lone salutation may run over to its closing mark
_LETTER_PARAGRAPHS = 30
_SALUTATION_MAX = 60
_APOSTROPHES_PASSED = 200  # apostrophes in a letter's words looked past for its closing mark, at most


@attrs.frozen(slots=True)
class Quotation:
    """A paired (or best-effort) quotation: content parts and the marks around them.

    ``parts`` are content spans without marks or surrounding white space, one per
    paragraph; ``start``/``end`` run from the first opening mark to the last closing
    mark (or the content edge where a mark is missing).
    """

    parts: Tuple[Tuple[int, int], ...]
    start: int
    end: int
    family: str
    missing_open: bool = False
    missing_close: bool = False
    dash: bool = False


class _Open:
    __slots__ = ("pos", "end", "glyph", "parts", "first", "inner", "close", "through")

    def __init__(self, pos: int, end: int, glyph: str) -> None:
        self.pos = pos  # where the opening mark starts
        self.end = end  # where the content starts
        self.glyph = glyph
        self.parts: List[Tuple[int, int]] = []  # finished parts of earlier paragraphs
        self.first = pos  # start of the whole quotation (first paragraph's mark)
        self.inner: List["_Open"] = []  # quotations closed inside this one
        self.close = -1  # where its closing mark ends, once closed
        self.through = -1  # a letter's paragraphs without marks: it goes on up to this paragraph


def find_quotations(text: str, layout: Layout) -> List[Quotation]:
    """All top-level quotations of ``text`` in text order."""
    out: List[Quotation] = []
    paras = layout.paragraphs
    if not paras:
        return out
    tokens: List[Tuple[int, int]] = []
    skip_until = -1
    for m in _MARK.finditer(text):
        s = m.start()
        if s < skip_until:
            continue
        if s >= skip_until and m.end() - s == 1 and s + 3 < len(text) and text[s + 1] in _MARK_FIRST:
            run = _MARK_RUN.match(text, s)
            if run is not None:
                skip_until = run.end()
                continue
        tokens.append((s, m.end()))
    _pair(text, layout, tokens, out)
    _dash_dialogue(text, layout, out)
    out.sort(key=lambda q: q.start)
    return out


def _classify(text: str, s: int, e: int, glyph: str) -> int:
    """OPEN, CLOSE, EITHER, or 0 for a mark that is not a quotation mark here."""
    p = text[s - 1] if s > 0 else "\n"
    n = text[e] if e < len(text) else "\n"
    can_open = not n.isspace() and (p.isspace() or p in _BEFORE_OPEN)
    can_close = not p.isspace() and (n.isspace() or n in _AFTER_CLOSE)
    if glyph in _APOSTROPHES or glyph == "\N{LEFT SINGLE QUOTATION MARK}":
        if p.isalnum() and (n.isalnum()):
            return 0  # don't, O'Malley, rock'n'roll
        if can_open and n.isdigit():
            return 0  # the '90s
        if can_open:
            w = _WORD_AFTER.match(text, e)
            if w is not None and w.group().islower() and w.group() in _lexicons.words("elisions"):
                after = text[w.end()] if w.end() < len(text) else " "
                if not (after in _APOSTROPHES and w.group() not in ("n",)):
                    return 0  # 'em, 'tis, 'cause
                if w.group() == "n":
                    return 0
        if p.isdigit() and glyph == "'":
            return 0  # feet: 5'11"
    if glyph in ('"', "''", "\N{FULLWIDTH QUOTATION MARK}") and p.isdigit() and not can_open:
        return -1  # maybe inches: decided with the stack
    role = _ROLE.get(glyph, EITHER)
    if role == EITHER and not can_open and not can_close and p.isspace() and n.isspace():
        return NEITHER  # " between two spaces: closes a pending mark, else it is stray
    if role == CLOSE and can_open and not can_close and glyph not in _APOSTROPHES:
        return EITHER  # » used as an opener, ” as an opener (Swedish, careless text)
    if role == OPEN and can_close and not can_open:
        return EITHER  # “ closing a „ (German); « closing a »
    if role == EITHER:
        if can_open and not can_close:
            return OPEN
        if can_close and not can_open:
            return CLOSE
    if glyph == "\N{RIGHT SINGLE QUOTATION MARK}" and can_open and not can_close:
        return 0  # ’ before a word, after a space: an elision in careful typography
    return role


def _pair(text: str, layout: Layout, tokens: List[Tuple[int, int]], out: List[Quotation]) -> None:
    paras = layout.paragraphs
    npara = len(paras)
    ntok = len(tokens)
    stack: List[_Open] = []

    def emit(op: _Open, *, end: Optional[int] = None, missing_close: bool = False,
             missing_open: bool = False) -> None:
        kept = tuple(p for p in op.parts if p[1] > p[0])
        if kept:
            out.append(Quotation(parts=kept, start=op.first, end=end if end is not None else kept[-1][1],
                                 family=FAMILY.get(op.glyph, "double"),
                                 missing_open=missing_open, missing_close=missing_close))

    def end_paragraph(pi: int, ti: int) -> Optional[_Open]:
        """Close out paragraph ``pi`` (``ti``: index of the first token after it);
        returns a quotation that goes on in the next paragraph."""
        if not stack:
            return None
        outer = stack[0]
        del stack[:]
        pstart, pend = paras[pi]
        fam = FAMILY.get(outer.glyph, "double")
        if outer.inner and outer.pos != pstart and not outer.parts:
            # an unclosed mark before complete quotations: the mark was stray
            for op in outer.inner:
                emit(op, end=op.close)
            return None
        if fam == "single" and outer.pos != pstart and not outer.parts:
            return None  # a lone ' mid-paragraph is far likelier an apostrophe
        outer.parts.append(trim(text, outer.end, pend))
        if pi + 1 < npara and ti < ntok and tokens[ti][0] < paras[pi + 1][1]:
            s, e = tokens[ti]
            role = _classify(text, s, e, text[s:e])
            if s == paras[pi + 1][0] and role in (OPEN, EITHER):
                return outer  # the next paragraph reopens: one quotation goes on
            if role == CLOSE and text[s:e] in CLOSERS.get(outer.glyph, frozenset()):
                return outer  # it closes with nothing opened: the reopening mark is missing
        if ti < ntok and not outer.inner and len(outer.parts) == 1:
            ps, pe = outer.parts[0]
            if pe - ps <= _SALUTATION_MAX and SALUTATION.fullmatch(text, ps, pe) is not None:
                # “MY DEAR SISTER, | You will … | Your loving LUCY.”: a letter whose
                # paragraphs are not reopened, up to the closing mark that ends one
                # (apostrophes in its words passed over: "a parent's mind")
                tj = ti
                while (tj + 1 < ntok and tj - ti < _APOSTROPHES_PASSED and tokens[tj][1] - tokens[tj][0] == 1
                       and text[tokens[tj][0]] in _APOSTROPHES
                       and _classify(text, tokens[tj][0], tokens[tj][1], text[tokens[tj][0]]) == 0):
                    tj += 1
                s, e = tokens[tj]
                pj = bisect.bisect_right(starts, s) - 1
                if (pi + 1 < pj <= pi + _LETTER_PARAGRAPHS and _classify(text, s, e, text[s:e]) == CLOSE
                        and text[s:e] in CLOSERS.get(outer.glyph, frozenset())
                        and not text[e : paras[pj][1]].strip()):
                    outer.through = pj
                    return outer
        emit(outer, missing_close=True)
        return None

    starts = [p[0] for p in paras]
    pi = 0
    carry: Optional[_Open] = None
    seen_in_para = 0
    # the end of the first mark between spaces skipped in this paragraph, with nothing
    # open (-1: none; -2: it opened the paragraph)
    spaced = -1
    for ti in range(ntok):
        s, e = tokens[ti]
        while pi < npara and s >= paras[pi][1]:
            if carry is not None and carry.through > pi:
                carry.parts.append(paras[pi])  # a letter's paragraph without marks
                pi += 1
                seen_in_para = 0
                spaced = -1
                continue
            if carry is not None:  # carried into a paragraph that had no mark for it
                emit(carry, missing_close=True)
                carry = None
            carry = end_paragraph(pi, ti)
            pi += 1
            seen_in_para = 0
            spaced = -1
        if pi >= npara:
            break
        if s < paras[pi][0]:
            continue
        glyph = text[s:e]
        role = _classify(text, s, e, glyph)
        if role in (-1, NEITHER):  # a " after a digit or between spaces: closes a pending ", else skipped
            role = CLOSE if _find_opener(stack, glyph) is not None else 0
            if role == 0 and not stack and spaced == -1:
                spaced = e if s > paras[pi][0] else -2  # (the first such mark only)
        if role == 0:
            continue
        seen_in_para += 1
        if carry is not None:
            op, carry = carry, None
            if seen_in_para == 1 and s == paras[pi][0] and role in (OPEN, EITHER):
                op.pos, op.end = s, e
                stack.append(op)
                continue
            if role in (CLOSE, EITHER) and glyph in CLOSERS.get(op.glyph, frozenset()):
                op.parts.append(trim(text, paras[pi][0], s))
                emit(op, end=e)
                continue
            emit(op, missing_close=True)
        if role == EITHER:
            role = CLOSE if _find_opener(stack, glyph) is not None else OPEN
        if role == OPEN:
            if glyph in ('"', "''", "'") and stack and stack[-1].glyph == glyph:
                stack.pop()  # straight marks do not nest in themselves: the earlier one was stray
            stack.append(_Open(s, e, glyph))
            continue
        k = _find_opener(stack, glyph)
        if k is None:
            if (
                not stack
                and seen_in_para == 1
                and FAMILY.get(glyph) in ("double", "guillemet", "corner")
                and s > paras[pi][0]
                and text[s - 1] in _SENTENCE_PUNCT
            ):
                # "twopence -- " Here." he said": a mark between spaces before it opened
                begin = paras[pi][0] if spaced < 0 else spaced - 1
                op = _Open(begin, begin, glyph)
                op.parts.append(trim(text, paras[pi][0] if spaced < 0 else spaced, s))
                emit(op, end=e, missing_open=spaced < 0)
            continue
        if glyph in _APOSTROPHES:
            if k != len(stack) - 1:
                continue  # a possessive s' inside a double-quoted passage
            n = text[e] if e < len(text) else "\n"
            if text[s - 1].isalpha() and n == " " and text[e + 1 : e + 2].islower():
                # students' union, goin' home: a weak closer, skipped when the next
                # single mark shortly after closes too
                nxt = _SINGLE_MARK.search(text, e, min(paras[pi][1], e + 300))
                if nxt is not None and _classify(text, nxt.start(), nxt.end(), nxt.group()) == CLOSE:
                    continue
        op = stack[k]
        del stack[k:]
        op.parts.append(trim(text, op.end, s))
        if stack:
            # nested: stays inside the outer content, unless the outer never closes
            if len(stack) == 1:
                op.close = e
                stack[0].inner.append(op)
            continue
        emit(op, end=e)
    # flush the paragraphs after the last mark
    while pi < npara:
        if carry is not None:
            emit(carry, missing_close=True)
            carry = None
        carry = end_paragraph(pi, ntok)
        pi += 1
    if carry is not None:
        emit(carry, missing_close=True)


# How far down the stack of open marks a closing mark looks for its opener. Real
# quotations nest two or three deep; a paragraph of hundreds of unclosed marks
# would otherwise cost time quadratic in their number.
_MAX_DEPTH = 32


def _find_opener(stack: List[_Open], glyph: str) -> Optional[int]:
    for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _MAX_DEPTH), -1):
        if glyph in CLOSERS.get(stack[k].glyph, frozenset()):
            return k
    return None


def _dash_dialogue(text: str, layout: Layout, out: List[Quotation]) -> None:
    """Paragraphs opening with a quotation dash, where the text uses them for dialogue."""
    # a paragraph opening with a dash opens with one of its first characters: tested first
    starts = [p for p in layout.paragraphs if text[p[0]] in _DASH_FIRST and _DASH_START.match(text, p[0])]
    if len(starts) < 2:
        return
    taken = {q.parts[0][0] for q in out}
    added: List[Tuple[int, int]] = []
    for ps, pe in starts:
        m = _DASH_START.match(text, ps)
        assert m is not None
        cs, ce = trim(text, m.end(), pe)
        if ce > cs and cs not in taken and not any(q.start <= cs < q.end for q in out):
            out.append(Quotation(parts=((cs, ce),), start=ps, end=pe, family="dash", dash=True))
            added.append((cs, ce))
    if added:
        # a quotation by marks inside a dash line (“— They call it «the old hall.”) is part
        # of that line's words, not a quotation of its own beside it
        firsts = [a for a, _ in added]
        def inside(q: Quotation) -> bool:
            k = bisect.bisect_right(firsts, q.start) - 1
            return k >= 0 and q.start < added[k][1]
        out[:] = [q for q in out if q.dash or not inside(q)]
