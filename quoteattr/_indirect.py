"""Stage 4c: reported speech without quotation marks, and mixed quotations.

Rules (ids in ``docs/rules.md``), tried for every speech or belief verb outside
quotations:

- ``indirect.that``:      X said (that) …; X told reporters (on Monday) that …
- ``indirect.tag-after``: …, X said. / …, said X.
- ``indirect.according``: according to X, … / …, according to X.

The content is the reported clause: after the verb (and its object for "tell"-type
verbs, and "that"), to the end of the sentence; or from the sentence start to the
comma before a trailing tag. A content holding a quoted fragment is kind "mixed".
Belief verbs ("believes", "found", "shows") need a clear clause ("that …").
"""

from __future__ import annotations

import bisect
from typing import List, Optional, Sequence, Tuple

import attrs
from . import _lazyregex as regex

from . import _cues, _mentions
from ._attribution import Attribution, Span2
from ._intervals import Intervals
from ._layout import Layout

# verbs whose reported clause may come without "that"; the others need it ("criticised the plan" reports nothing)
_BARE_CLAUSE = frozenset(
    "say tell add state write tweet post reply respond explain insist warn argue claim contend maintain assert "
    "declare announce acknowledge admit concede confirm deny allege suggest note observe remark comment mention "
    "report recall predict estimate promise pledge vow threaten complain caution agree disagree boast joke "
    "testify inform advise assure reassure indicate signal hint reveal disclose conclude propose recommend "
    "concur counter retort protest object plead believe think feel fear worry expect hope suspect doubt assume "
    "find show continue emphasize emphasise stress repeat reiterate".split()
)
_TELL = frozenset("tell tells told telling inform informs informed informing assure assures assured "
                  "assuring warn warns warned warning remind reminds reminded reminding advise advises "
                  "advised advising promise promises promised promising convince convinced notify "
                  "notified urge urged ask asks asked".split())
_OBJECT = regex.compile(
    r"[^\S\n]+(?:him|her|them|me|us|you|reporters|journalists|lawmakers|supporters|voters|investigators"
    r"|(?:the|a|an|his|her|their)[^\S\n]+[\p{L}'’-]+(?:[^\S\n]+[\p{Lu}][\p{L}'’-]+){0,3}"
    r"|\p{Lu}[\p{L}.'’-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’-]*){0,3})(?![\p{L}])"
)
_THAT_SOON = regex.compile(r"[^\S\n]*,?[^\S\n]*(?:[^.;:!?\"“”\n]{0,80}?[^\S\n])?that[^\S\n]+")
_HEADLINE_TAG = regex.compile(r"[^\S\n]*(?:[.:]|\n|\Z)")
_WHO = regex.compile(r",?[^\S\n]*(?<![\p{L}])who[^\S\n]+(?:\p{Ll}+[^\S\n]+)?\Z")
_TO = regex.compile(r"[^\S\n]+to(?![\p{L}])")
_PARTICIPLE_TAIL = regex.compile(r",[^\S\n]+(?:arguing|saying|adding|noting|calling|insisting|claiming|warning|citing|explaining)(?![\p{L}])")
_FILLER_START = regex.compile(
    r"[^\S\n]*+,?[^\S\n]*(?:in|on|at|during|via|over|to|with|from|after|before|last|this|earlier|later|"
    r"yesterday|today|tonight|recently|repeatedly|publicly|privately|again|also|previously|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)(?![\p{L}])"
)
# a reported clause without "that" may start with any word but these
_NOT_CLAUSE = regex.compile(
    r"[^\S\n]+(?:in|on|at|to|with|for|of|from|by|about|after|before|during|over|under|through|into|and|or|"
    r"but|so|as|than|goodbye|hello|yes|no|nothing|something|anything|more|less|otherwise|so)(?![\p{L}])"
)
_CLAUSE_START = regex.compile(r"[^\S\n]+(?=[\p{L}\p{N}\"“‘'$])")
_COORDINATED = regex.compile(r"(?:,[^\S\n]*)?(?:and|but)(?:[^\S\n]+(?:also|then|later|has|had|did|would))*[^\S\n]*\Z")
_AND_VERB = regex.compile(
    r"(?:,[^\S\n]*)?[^\S\n](?:and|but)[^\S\n]+(?:also[^\S\n]+)?(?:said|says|told|tells|added|argued|warned|noted|insisted|claimed)(?![\p{L}])"
)
_TAIL = regex.compile(r"(?:[^\S\n]+(?:in|on|at|during|to|with|after|before|last|this|earlier|later|yesterday|today|"
                      r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|recently|repeatedly|again|also|"
                      r"of|about|,)[^.!?\n\"“”]{0,80}?)?[.!?]?[\"”’]?[^\S\n]*\Z|[^\S\n]*,[^.!?\n\"“”]{0,120}[.!?]?[^\S\n]*\Z")
_TRIM = " \t\n\r,;:.!?"


_PREV_WORD = regex.compile(r"([\p{L}'’]+)[^\S\n]+\Z")
_NEXT_VERB = regex.compile(r"[^\S\n]+([\p{L}]+)")
_NOUN_BEFORE = frozenset("the a an this that these those his her its their our my your new latest recent "
                         "such whose".split())


def _is_verb(text: str, layout: Layout, m: "_cues.WordMatch") -> bool:
    """A speech form used as a verb: not a capitalised word inside a name, not "the report"."""
    vs, ve = m.span()
    word = m.group()
    ss, _ = layout.sentence(vs)
    if word[0].isupper() and vs != ss and not _HEADLINE_TAG.match(text, ve, min(len(text), ve + 3)):
        return False  # "State Department", "Washington Post" (but "…, Lindsey Graham Says.")
    nxt = _NEXT_VERB.match(text, ve, min(len(text), ve + 30))
    if nxt is not None and nxt.group(1).lower() in _cues.speech_forms():
        return False  # "New York Times reports says": the second word is the verb
    if word.lower() in _cues.NOUN_FORMS and not (nxt is not None and nxt.group(1) == "that"):
        prev = _PREV_WORD.search(text, max(0, vs - 30), vs)
        if prev is not None:
            pw = prev.group(1)
            if pw.lower() in _NOUN_BEFORE or pw.endswith(("'s", "’s")) or (pw[0].isupper() and prev.start(1) != ss):
                return False
    return True


def _first_subject(text: str, ss: int, hi: int) -> Optional[Span2]:
    """The subject of the first reporting verb of the sentence before ``hi``."""
    for m in _cues.speech_verbs(text, ss, hi):
        sp = _mentions.subject_before(text, m.start(), ss)
        if sp is not None:
            return sp
    return None


def find(text: str, layout: Layout, quote_spans: Sequence[Span2], records: Sequence[Attribution]) -> List[Attribution]:
    """Indirect and mixed attributions not already among ``records``."""
    owned = [p for r in records for p in r.parts] + [r.span for r in records]
    # a tag belongs to its quotation; a cue borrowed from the sentence before does not
    tagged = [r for r in records if r.rule not in ("direct.context", "direct.colon-lead")]
    blocked = Intervals(list(quote_spans) + owned
                       + [r.cue for r in tagged if r.cue] + [r.speaker for r in tagged if r.speaker])
    recorded = Intervals(owned)
    out: List[Attribution] = []
    taken = Intervals([])
    belief = _cues.belief_forms()
    speech = _cues.speech_forms()

    def add(rec: Attribution) -> None:
        s, e = rec.parts[0]
        if recorded.overlaps(s, e):
            # never across a quotation already reported: stop before it
            i = bisect.bisect_right(recorded.starts, s)
            if i >= len(recorded.starts) or recorded.covers(s):
                return
            s, e = _trim(text, s, min(e, recorded.starts[i]))
            rec = attrs.evolve(rec, parts=((s, e),), span=(s, e), kind=_kind(text, s, e, quote_spans))
        if e - s < 3 or taken.overlaps(s, e):
            return
        if rec.speaker is not None and s < rec.speaker[1] and rec.speaker[0] < e:
            return
        if rec.cue is not None and s < rec.cue[1] and rec.cue[0] < e:
            return
        out.append(rec)
        taken.add(s, e)

    for acc in _cues.ACCORDING_TO.finditer(text):
        if blocked.covers(acc.start()):
            continue
        found = _according(text, layout, acc, quote_spans)
        if found is not None:
            add(found)
    for verb in _cues.speech_verbs(text):
        vs = verb.start()
        if blocked.covers(vs) or taken.covers(vs) or not _is_verb(text, layout, verb):
            continue
        form = verb.group().lower()
        is_belief = form in belief and form not in speech
        found = _that_clause(text, layout, verb, quote_spans, is_belief) or _tag_after(text, layout, verb, quote_spans)
        if found is not None:
            add(found)
    out.sort(key=lambda r: r.parts[0])
    return out


def _kind(text: str, s: int, e: int, quote_spans: Sequence[Span2]) -> str:
    i = bisect.bisect_left(quote_spans, (s, s))
    if i < len(quote_spans) and quote_spans[i][0] < e:
        return "mixed"
    return "indirect"


def _trim(text: str, s: int, e: int) -> Tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _sentence(layout: Layout, pos: int) -> Tuple[int, int]:
    ss, se = layout.sentence(pos)
    ps, pe = layout.paragraph(pos)
    return max(ss, ps), min(se, pe)


def _speaker_ok(text: str, sp: Span2) -> bool:
    m = _mentions.describe(text, *sp)
    if m.form == "pronoun":
        return m.head in ("he", "she", "they", "we", "i", "it")
    return _mentions.is_speaker_like(m)


def _that_clause(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2],
                 is_belief: bool) -> Optional[Attribution]:
    """X said (that) …"""
    vs, ve = m.span()
    ss, se = _sentence(layout, vs)
    sp = _mentions.subject_before(text, vs, ss)
    if sp is None and _COORDINATED.search(text, max(ss, vs - 80), vs):
        sp = _first_subject(text, ss, vs)  # "X says A and said B"
    if sp is None:
        rel = _WHO.search(text, max(ss, vs - 12), vs)
        if rel is not None:
            sp = _mentions.subject_before(text, rel.start(), ss)  # "an architect who said …"
    if sp is None or not _speaker_ok(text, sp):
        return None
    pos = ve
    form = m.group().lower()
    if form in _TELL:
        obj = _OBJECT.match(text, pos, se)
        if obj is not None:
            pos = obj.end()
    that = _THAT_SOON.match(text, pos, se)
    conf = 0.75
    if that is not None and (that.end() - pos <= 6 or _FILLER_START.match(text, pos, se)):
        cstart = that.end()
    else:
        if is_belief or _TO.match(text, pos, se):
            return None  # "said to be": not a report
        if _cues.lemma_of().get(form) not in _BARE_CLAUSE:
            return None
        filler = _FILLER_START.match(text, pos, se)
        if filler is not None:
            return None
        cl = _CLAUSE_START.match(text, pos, se)
        if cl is None or _NOT_CLAUSE.match(text, pos, se):
            return None
        cstart = cl.end()
        conf = 0.65
    end = se
    nxt = _AND_VERB.search(text, cstart, min(se, cstart + 2000))  # bounded: linear in one endless sentence
    if nxt is not None:
        end = nxt.start()  # "… and said B": B is reported by its own verb
    part = _PARTICIPLE_TAIL.search(text, cstart, min(end, cstart + 2000))
    if part is not None:
        end = part.start()  # "…, arguing that B": B is reported by its own verb
    cs, ce = _trim(text, cstart, end)
    if ce - cs < 8 or " " not in text[cs:ce]:
        return None
    if is_belief:
        conf -= 0.15
    if _mentions.describe(text, *sp).form == "pronoun":
        conf -= 0.05
    kind = _kind(text, cs, ce, quote_spans)
    return Attribution(kind, ((cs, ce),), (cs, ce), sp, (vs, ve), conf, "indirect.that")


def _tag_after(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """…, X said. / …, said X."""
    vs, ve = m.span()
    ss, se = _sentence(layout, vs)
    if _TAIL.match(text, ve, se) is None:
        return None
    b = vs
    sp = None
    comma = -1
    while b > ss and text[b - 1] in " \t":
        b -= 1
    if b > ss and text[b - 1] == ",":
        # inverted: "…, said the spokesman."
        comma = b - 1
        sp = _mentions.np_after(text, ve + 1 if text[ve : ve + 1] == " " else ve, se)
    else:
        sp = _mentions.subject_before(text, vs, ss)
        if sp is not None:
            c = sp[0]
            while c > ss and text[c - 1] in " \t":
                c -= 1
            if c > ss and text[c - 1] == ",":
                comma = c - 1
    if sp is None or comma <= ss or not _speaker_ok(text, sp):
        return None
    cs, ce = _trim(text, ss, comma)
    if ce - cs < 12 or " " not in text[cs:ce]:
        return None
    kind = _kind(text, cs, ce, quote_spans)
    return Attribution(kind, ((cs, ce),), (cs, ce), sp, (vs, ve), 0.7, "indirect.tag-after")


def _according(text: str, layout: Layout, m: "regex.Match[str]", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """according to X, … / …, according to X."""
    a, b = m.span()
    ss, se = _sentence(layout, a)
    np_start = b
    while np_start < se and text[np_start] in " \t":
        np_start += 1
    # the source phrase runs to the next comma or the end of the sentence ("Dr." goes on)
    end = se
    for tok in _mentions.tokens(text, np_start, se):
        if tok.word in (",", ";", ":", ".", "!", "?", "\"", "“", "”", "("):
            end = tok.start
            break
    sp = _trim(text, np_start, end)
    if sp[1] - sp[0] < 2:
        return None
    lead = text[ss:a].strip(" \t,").lower()
    if lead in ("", "but", "and", "yet", "so", "also") and end < se and text[end] == ",":
        cs, ce = _trim(text, end + 1, se)
    else:
        cs, ce = _trim(text, ss, a)
    if ce - cs < 12 or " " not in text[cs:ce]:
        return None
    kind = _kind(text, cs, ce, quote_spans)
    return Attribution(kind, ((cs, ce),), (cs, ce), sp, (a, b), 0.75, "indirect.according")

