"""Stage 4c: reported speech without quotation marks, and mixed quotations.

Rules (ids in ``docs/rules.md``):

- ``indirect.according``:     according to X, … / …, according to X.
- ``indirect.relative``:      … what the senators said was … (two parts: "what", "was …").
- ``indirect.that``:          X said (that) …; X told reporters (on Monday) that …; I think he …
- ``indirect.question``:      X asked whether …; Asked whether …, X said …
- ``indirect.parenthetical``: A, X said, B (two parts).
- ``indirect.tag-after``:     …, X said. / …, said X.
- ``indirect.infinitival``:   X plans to …; X urged Y to …; X called on Y to …
- ``indirect.object``:        X criticized the plan; X called for a recount.
- ``indirect.label``:         NAME: … at the start of a paragraph (transcripts, headlines).
- ``indirect.nominal``:       his claim that …; the mayor's call for …
- ``indirect.adjective``:     X is confident that …; X is eager to …; it is unclear whether …
- ``indirect.appearance``:    X seems / is expected to … (no speaker); it appears that …
- ``indirect.passive``:       X was criticized by Y (for …); X has been accused of … (two parts).

The content is the reported clause: after the verb (and its object for "tell"-type
verbs, and "that"), to the end of the sentence or clause; or from the sentence start to
the comma before a trailing tag. A content holding a quoted fragment is kind "mixed".
Belief verbs ("believes", "found", "shows") need a clear clause. The speaker is the
verb's subject, or failing that the subject of the sentence (participles, coordinated
verbs), a name in apposition or the clause's first noun phrase (``_subject``). In
fiction only the clause rules run (that, question, parenthetical, tag-after, according).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Protocol, Sequence, Tuple, TypeVar

import attrs
from . import _lazyregex as regex

from . import _cues, _lexicons, _mentions
from ._attribution import Attribution, Span2
from ._intervals import Intervals
from ._layout import Layout, on_lines

# verbs whose reported clause may come without "that"; the others need it ("criticised the plan" reports nothing)
_BARE_CLAUSE = frozenset(
    "say tell add state write tweet post reply respond explain insist warn argue claim contend maintain assert "
    "declare announce acknowledge admit concede confirm deny allege suggest note observe remark comment mention "
    "report recall predict estimate promise pledge vow threaten complain caution agree disagree boast joke "
    "testify inform advise assure reassure indicate signal hint reveal disclose conclude propose recommend "
    "concur counter retort protest object plead believe think feel fear worry expect hope suspect doubt assume "
    "find show continue emphasize emphasise stress repeat reiterate".split()
)
# belief verbs whose clause may come without "that" when it starts like a clause ("I think he is right")
_BELIEF_BARE = frozenset("think believe feel fear suspect hope assume doubt worry".split())
_SUBJECT_START = regex.compile(
    r"[^\S\n]+(?:(?:he|she|they|it|we|I|you|there|this|these|those|the|his|her|their|its|our|my|your|some|many|most|"
    r"all|no|every)[^\S\n]|\p{Lu}\p{Ll}+[^\S\n]+(?!\p{Lu})\p{Ll}"
    r"|(?:[\p{L}\p{N}'’-]+[^\S\n]+){1,4}(?:would|will|could|can|should|might|may|must|is|are|was|were|has|have|had)[^\S\n])"
)
_TELL = frozenset("tell tells told telling inform informs informed informing assure assures assured "
                  "assuring warn warns warned warning remind reminds reminded reminding advise advises "
                  "advised advising promise promises promised promising convince convinced notify "
                  "notified urge urged ask asks asked".split())
_OBJECT = regex.compile(
    r"[^\S\n]+(?:him|her|them|me|us|you|reporters|journalists|lawmakers|supporters|voters|investigators"
    r"|(?:the|a|an|his|her|their|its|our|my|your)[^\S\n]+[\p{L}'’-]+(?:[^\S\n]+[\p{Lu}][\p{L}'’-]+){0,3}"
    r"|\p{Lu}[\p{L}.'’-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’-]*){0,3})(?![\p{L}])"
)
_HER_NP = regex.compile(r"[^\S\n]+her[^\S\n]+\p{Ll}[\p{L}'’-]*(?:[^\S\n]+\p{Ll}[\p{L}'’-]*)?(?=[^\S\n]+(?:not[^\S\n]+)?to[^\S\n])")
_THAT_SOON = regex.compile(r"[^\S\n]*,?[^\S\n]*(?:[^.;:!?\"“”\n]{0,80}?[^\S\n])??that,?[^\S\n]+")
_THAT_SOON_LEAD = regex.compile(r"[^\S\n]*,?[^\S\n]*")  # the longest start _THAT_SOON can have


def _that_soon(text: str, pos: int, hi: int) -> "Optional[regex.Match[str]]":
    """``_THAT_SOON.match(text, pos, hi)``, tried only when "that" stands where a match can
    have it: at most 81 characters after the spaces and comma it may start with (most verbs
    have no "that" that close, and the pattern would try every length up to 80 to learn it)."""
    lead = _THAT_SOON_LEAD.match(text, pos, hi)
    if text.find("that", pos, min(hi, (lead.end() if lead is not None else pos) + 85)) < 0:
        return None
    return _THAT_SOON.match(text, pos, hi)


# a short time or setting phrase between a verb and a clause that starts like one
_SHORT_FILLER = regex.compile(
    r"[^\S\n]+(?:(?:for|on|in|at|last|this|earlier|after|before|during|since)[^\S\n]+(?:the[^\S\n]+|a[^\S\n]+)?\p{L}+"
    r"|(?:on[^\S\n]+)?(?:" + _cues.WEEKDAYS + r")"
    r"|yesterday|today|tonight|recently|repeatedly|publicly|privately|previously|again|also|earlier|later)"
    r"(?:[^\S\n]+(?:morning|afternoon|evening|night|interview|statement))?"
    r"(?![^\S\n]+this[^\S\n]+(?:week|month|year|morning|afternoon|evening|time)(?![\p{L}]))"
    r"(?=[^\S\n]+(?:he|she|they|it|we|I|the|his|her|their|there|this|its)(?:['’]\p{Ll}{1,2})?[^\S\n])"
)
_HEADLINE_TAG = regex.compile(r"[^\S\n]*(?:[.:]|\n|\Z)")
_WHO = regex.compile(r"(?:,[^\S\n]*+|(?<![^\S\n])[^\S\n]*+)(?<![\p{L}])(who|which|that)[^\S\n]+(?:\p{Ll}+[^\S\n]+)?\Z")
_TO = regex.compile(r"[^\S\n]+to(?![\p{L}])")
_PARTICIPLE_TAIL = regex.compile(r",[^\S\n]+(?:(?:even|also|again|then|later|further)[^\S\n]+)?(?:arguing|saying|adding|noting|calling|insisting|claiming|warning|citing|explaining)(?![\p{L}])")
_FILLER_START = regex.compile(
    r"[^\S\n]*+,?[^\S\n]*(?:in|on|at|during|via|over|to|with|from|after|before|last|this|earlier|later|"
    r"yesterday|today|tonight|recently|repeatedly|publicly|privately|again|also|previously|out|of|for|as|"
    + _cues.WEEKDAYS + r")(?![\p{L}])"
)
# a reported clause without "that" may start with any word but these
_NOT_CLAUSE = regex.compile(
    r"[^\S\n]+(?:in|on|at|to|with|for|of|from|by|about(?![^\S\n]+(?:half|a[^\S\n]+(?:third|quarter|dozen)|one|two|three|\d))|after|before|during|over|under|through|into|and|or|"
    r"but|so|as|than|goodbye|hello|(?:yes|no|then)(?=[^\S\n]*(?:[,.;:!?]|to[^\S\n]|\Z))|nothing|something|anything|more|less|otherwise|so)(?![\p{L}])"
)
# a verb with a particle ("added up the column", "wrote down the number") reports nothing
_VERB_PARTICLE = regex.compile(r"[^\S\n]+(?:up(?![^\S\n]+to[^\S\n])|down|off|away)(?![\p{L}])")
# fiction: a bare "clause" that is only a determiner and a noun: the verb's object ("believe his ears")
_BARE_NP = regex.compile(r"(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those)[^\S\n]+\p{Ll}[\p{L}'’-]*")
# "told her story in …", "told her tale.": "her" owns the noun the clause would start with
_HER_POSSESSIVE = regex.compile(
    r"[^\S\n]+her[^\S\n]+(?!(?:nothing|something|anything|everything|nobody|somebody|everybody|everyone|someone|all|both|that|this|so|how|what|why|where|when|whether|if|about)(?![\p{L}]))"
    r"\p{Ll}[\p{L}'’-]*+(?<!ly)(?=[^\S\n]*(?:[.,;:!?]|(?:in|with|to|and|at|as|for|from|of|by|again)(?![\p{L}])))")
# fiction: how much one said is no reported clause ("Mr. Pell, indeed, said little; but …")
_SAID_HOW_MUCH = regex.compile(r"[^\S\n]+(?:little|much|everything|enough)(?![\p{L}])")
_CLAUSE_START = regex.compile(r"[^\S\n]+(?=[\p{L}\p{N}\"“‘'$])")
_COORDINATED = regex.compile(r"(?:,[^\S\n]*)?(?:and|but)(?:[^\S\n]+(?:also|then|later|has|had|did|would))*[^\S\n]*\Z")
_TAIL = regex.compile(r"(?:[^\S\n]+(?:in|on|at|during|to|with|after|before|last|this|earlier|later|yesterday|today|"
                      + _cues.WEEKDAYS + r"|recently|repeatedly|again|also|"
                      r"of|about|,)[^.!?\n\"“”]{0,200}?)?[.!?]?[\"”’]?[^\S\n]*\Z|[^\S\n]*,[^.!?\n\"“”]{0,120}[.!?]?[^\S\n]*\Z")
_TRIM = " \t\n\r,;:.!?"
# where a reported clause ends before the sentence does: a dash, a semicolon, a new coordinated clause
_DASHES = frozenset("— – --".split())
_DASH = regex.compile(r"(?<![^\S\n])[^\S\n]++(?:[—–]|--)[^\S\n]")
_THAT_END = regex.compile(
    r"(?<![^\S\n])[^\S\n]++(?:[—–]|--)[^\S\n]|;"
    r"|(?:,|(?<![^\S\n]))[^\S\n]++(?:but)[^\S\n]++(?:he|she|they|we|it|when|then)[^\S\n]"
    r"|,[^\S\n]++(?:though|although|whereas)(?![\p{L}])"
)
# every match of _THAT_END holds one of these strings; most reported clauses hold none
_THAT_END_HINTS = ("—", "–", "--", ";", "but", "though", "whereas")


def _that_end(text: str, lo: int, hi: int) -> "Optional[regex.Match[str]]":
    """``_THAT_END.search(text, lo, hi)``, tried only when ``text[lo:hi]`` holds one of the
    strings each of its matches holds (a few ``str.find`` instead of the pattern tried at
    every place of the clause)."""
    return _THAT_END.search(text, lo, hi) if _holds_one(text, lo, hi, _THAT_END_HINTS) else None


def _holds_one(text: str, lo: int, hi: int, strings: Tuple[str, ...]) -> bool:
    """Whether one of ``strings`` stands whole inside ``text[lo:hi]``."""
    for s in strings:
        if text.find(s, lo, hi) >= 0:
            return True
    return False


# searched backwards ((?r)): the same match as forwards (the word's run of letters ends where
# the spaces before the end start, and it reaches back as far as the window lets it), found
# from the end instead of by trying every start in the window
_PREV_WORD = regex.compile(r"(?r)([\p{L}'’]+)[^\S\n]+\Z")
_NEXT_VERB = regex.compile(r"[^\S\n]+([\p{L}]+)")
_THAT_ONLY = frozenset("state states".split())
# words before "states" that make it the plural noun
_STATES_BEFORE = frozenset("the these those other many several some all both few most of in from across two three four five "
                           "six seven eight nine ten dozen early key swing battleground remaining".split())
# words after a noun-or-verb form that show it is the verb: "Lynch notes they were …"
_CLAUSE_OPENERS = frozenset("that he she they we it".split())
_POSSESSIVE = frozenset("his her their its our my your".split())
_NOUN_BEFORE = frozenset("the a an this that these those his her its their our my your new latest recent "
                         "such whose".split())


@functools.lru_cache(maxsize=4096)
def _subject_before(text: str, end: int, lo: int) -> Optional[Span2]:
    """``_mentions.subject_before``, asked once per place: several rules ask for the same subject.
    (The text's hash is computed once per string, so the key costs nothing; ``find`` clears it.)"""
    return _mentions.subject_before(text, end, lo)


@functools.lru_cache(maxsize=4096)
def _np_after(text: str, start: int, hi: int) -> Optional[Span2]:
    return _mentions.np_after(text, start, hi)


_HEADLINE_VERBS = frozenset("Says Said Tells Told Warns Claims Insists Admits Reveals Announces Predicts Vows Thinks "
                            "Believes".split())
_CAP_WORD = regex.compile(r"(?<![\p{L}'’])\p{L}[\p{L}'’]*")


def _title_cased(text: str, layout: Layout, pos: int) -> bool:
    """A short headline in title case: "Senator Says He Will Run Again"."""
    ps, pe = layout.paragraph(pos)
    if pe - ps > 160:
        return False
    words = [w.group() for w in _CAP_WORD.finditer(text, ps, pe)]
    long = [w for w in words if len(w) > 3]
    return len(words) >= 4 and len(long) >= 3 and all(w[0].isupper() for w in long)


def _is_verb(text: str, layout: Layout, m: "_cues.WordMatch") -> bool:
    """A speech form used as a verb: not a capitalised word inside a name, not "the report"."""
    vs, ve = m.span()
    word = m.group()
    if word[0].isupper() and vs != layout.sentence(vs)[0] and not _HEADLINE_TAG.match(text, ve, min(len(text), ve + 3)) \
            and not (word in _HEADLINE_VERBS and _title_cased(text, layout, vs)):
        return False  # "State Department", "Washington Post" (but "…, Lindsey Graham Says." and headlines)
    lw = word.lower()
    if lw not in _cues.NOUN_FORMS and lw not in _THAT_ONLY:
        return True  # the plain verb forms ("said", "argued"): the tests below are for the others
    nxt = _NEXT_VERB.match(text, ve, min(len(text), ve + 30))
    if nxt is not None and nxt.group(1).lower() in _cues.speech_forms() and lw in _cues.NOUN_FORMS:
        return False  # "New York Times reports says": the second word is the verb
    if lw in _THAT_ONLY and not (nxt is not None and nxt.group(1) == "that"):
        return False  # "secretary of state", "state troopers", "states' rights"
    if lw not in _cues.NOUN_FORMS and word != "states":
        return True
    prev = _PREV_WORD.search(text, max(0, vs - 30), vs)  # only a noun form or "states" asks for the word before
    if word == "states" and (prev is None or prev.group(1).lower() in _STATES_BEFORE or prev.group(1).isdigit()):
        return False  # "the three states that voted", "Ohio, states that …": the noun, not "it states that"
    if lw not in _cues.NOUN_FORMS:
        return True
    if prev is not None and (prev.group(1).lower() in _POSSESSIVE or prev.group(1).endswith(("'s", "’s"))):
        return False  # "his claim that …" is a noun (indirect.nominal)
    if not (nxt is not None and nxt.group(1) in _CLAUSE_OPENERS):
        if prev is not None:
            pw = prev.group(1)
            if pw.lower() in _NOUN_BEFORE or pw.endswith(("'s", "’s")) or (pw[0].isupper() and prev.start(1) != layout.sentence(vs)[0]):
                return False
    return True


def _first_subject(text: str, ss: int, hi: int) -> Optional[Span2]:
    """The subject of the first reporting verb of the sentence before ``hi``."""
    for m in _cues.speech_verbs(text, ss, hi):
        if m.group()[:1].isupper() and text[ss:m.start()].strip():
            continue  # "Clinton, the former secretary of State, …": a capitalised word inside, a name's
        sp = _subject_before(text, m.start(), ss)
        if sp is not None:
            return sp
    return None


class _Starts(Protocol):
    def start(self) -> int: ...


_Cue = TypeVar("_Cue", bound=_Starts)  # a cue match: a regex match or a _cues.WordMatch


def find(text: str, layout: Layout, quote_spans: Sequence[Span2], records: Sequence[Attribution],
         genre: str = "news") -> List[Attribution]:
    """Indirect and mixed attributions not already among ``records``.

    In fiction only the clause rules run (that, question, parenthetical, tag-after,
    according): stances, labels, nouns, relatives and appearances are news conventions."""
    news = genre != "fiction"
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
    verb_at: Dict[int, bool] = {}  # _is_verb by place: a word in two lists is tested once

    def is_verb(verb: "_cues.WordMatch") -> bool:
        got = verb_at.get(verb.start())
        if got is None:
            got = verb_at[verb.start()] = _is_verb(text, layout, verb)
        return got

    def add(rec: Attribution) -> None:
        rec = _fronted_cut(text, layout, rec)
        parts = []
        for s, e in rec.parts:
            if recorded.overlaps(s, e):
                # never across a quotation already reported: stop before it
                i = bisect.bisect_right(recorded.starts, s)
                if i >= len(recorded.starts) or recorded.covers(s):
                    continue
                s, e = _trim(text, s, min(e, recorded.starts[i]))
            if e - s < (3 if len(rec.parts) == 1 and text[s:e].lower() not in ("no", "so") else 2) or taken.overlaps(s, e):
                continue
            if rec.speaker is not None and s < rec.speaker[1] and rec.speaker[0] < e:
                continue
            if rec.cue is not None and s < rec.cue[1] and rec.cue[0] < e:
                continue
            parts.append((s, e))
        if not parts:
            return
        if len(parts) == 1 and len(rec.parts) > 1 and parts[0][1] - parts[0][0] < 8:
            return  # a parenthetical's short head alone is no report
        if tuple(parts) != rec.parts:
            rec = attrs.evolve(rec, parts=tuple(parts), span=(parts[0][0], parts[-1][1]),
                               kind=_parts_kind(text, parts, quote_spans))
        out.append(rec)
        for s, e in parts:
            taken.add(s, e)

    for acc in _cues.ACCORDING_TO.finditer(text):
        if blocked.covers(acc.start()):
            continue
        found = _according(text, layout, acc, quote_spans)
        if found is not None:
            add(found)

    def each(cues: Iterable[_Cue], rule: Callable[[str, Layout, _Cue, Sequence[Span2]], Optional[Attribution]]) -> None:
        """``rule`` at every cue not inside a quotation or a record already found."""
        for cue in cues:
            if not (blocked.covers(cue.start()) or taken.covers(cue.start())):
                found = rule(text, layout, cue, quote_spans)
                if found is not None:
                    add(found)

    (speech_words, reported_words, noun_words, appear_words, adjective_words,
     relative_at, passive_at) = _cues.reporting_words(text)
    if news:
        each(on_lines(_RELATIVE, text, relative_at, _RELATIVE_FIRSTS), _relative)
    after_verb = -1  # where the last reporting verb ended: a verb right after another has no subject of its own
    for verb in speech_words:
        vs = verb.start()
        if blocked.covers(vs) or taken.covers(vs) or not is_verb(verb):
            continue
        adjacent = after_verb >= 0 and vs - after_verb <= 3 and text[after_verb:vs].isspace()
        after_verb = verb.end()
        form = verb.group().lower()
        is_belief = form in belief and form not in speech
        if adjacent:  # no subject between two verbs ("… reports shows"): only a tag can fit
            found = _tag_after(text, layout, verb, quote_spans, news)
        else:
            found = (_that_clause(text, layout, verb, quote_spans, is_belief, news)
                     or _question(text, layout, verb, quote_spans, news)
                     or _parenthetical(text, layout, verb, quote_spans, news)
                     or _tag_after(text, layout, verb, quote_spans, news))
        if found is not None:
            add(found)
    for verb in reported_words if news else ():
        vs = verb.start()
        if blocked.covers(vs) or taken.covers(vs) or not is_verb(verb):
            continue
        found = _infinitival(text, layout, verb, quote_spans) or _object(text, layout, verb, quote_spans)
        if found is not None:
            add(found)
    for ps, pe in layout.paragraphs if news else ():
        hi = min(pe, ps + 60)
        lab = _LABEL.match(text, ps, hi) if text.find(":", ps, hi) >= 0 else None  # a label ends with a colon
        if lab is None or blocked.covers(lab.end(1)):
            continue
        found = _label(text, lab, pe, quote_spans)
        if found is not None:
            add(found)
    # nouns of saying, adjectives of stance, judgments without a holder: in that order
    if news:
        each(noun_words, _nominal)
        each(adjective_words, _adjective)
        each(appear_words, _appearance)
    # passives of judgment last: "X was criticized by Y for Z"
    if news:
        each(on_lines(_PASSIVE, text, passive_at), _passive)
    out.sort(key=lambda r: r.parts[0])
    _subject_before.cache_clear()
    _sentence.cache_clear()
    _lead_np.cache_clear()
    _np_after.cache_clear()
    return out


# a sentence that opens with a subordinate clause: "While critics argue that A, B", "But when he said A, B"
_FRONTED = regex.compile(
    r"[\"“‘'(]?(?:(?:And|But|Yet|So)[^\S\n]+(?=\p{Ll}))?"
    r"(?i:although|though|while|whilst|when|whenever|if|because|after|before|since|whereas|unless|once|until"
    r"|even[^\S\n]+(?:though|if|as|when))[^\S\n]"
)
_CLAUSE_COMMA = regex.compile(r",(?=[^\S\n])")


def _fronted_cut(text: str, layout: Layout, rec: Attribution) -> Attribution:
    """A report inside a fronted subordinate clause ends at the comma that closes the clause:
    "While critics argue that A, the president B" reports A, not "A, the president B"."""
    if rec.cue is None or len(rec.parts) != 1 or rec.parts[0][0] < rec.cue[1]:
        return rec
    cs, ce = rec.parts[0]
    ss, _ = _sentence(layout, rec.cue[0])
    if rec.cue[0] - ss > 300 or "," in text[ss:rec.cue[0]] or _FRONTED.match(text, ss, rec.cue[0]) is None:
        # (bounded: a clause opener far back is no longer this clause's, and the scan stays linear)
        return rec
    comma = _CLAUSE_COMMA.search(text, cs, min(ce, cs + 2000))
    if comma is None:
        return rec
    s, e = _trim(text, cs, comma.start())
    if e - s < 8:
        return rec
    return attrs.evolve(rec, parts=((s, e),), span=(s, e))


def _kind(text: str, s: int, e: int, quote_spans: Sequence[Span2]) -> str:
    i = bisect.bisect_left(quote_spans, (s, s))
    if i < len(quote_spans) and quote_spans[i][0] < e:
        return "mixed"
    return "indirect"


def _parts_kind(text: str, parts: Sequence[Span2], quote_spans: Sequence[Span2]) -> str:
    """"mixed" if any part holds a quotation, else "indirect"."""
    return "mixed" if any(_kind(text, s, e, quote_spans) == "mixed" for s, e in parts) else "indirect"


def _trim(text: str, s: int, e: int) -> Tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


@functools.lru_cache(maxsize=4096)
def _sentence(layout: Layout, pos: int) -> Tuple[int, int]:
    """The sentence holding ``pos``, cut to its paragraph; asked once per place (each rule
    tried at a cue asks; ``find`` clears it)."""
    ss, se = layout.sentence(pos)
    ps, pe = layout.paragraph(pos)
    return max(ss, ps), min(se, pe)


# a time phrase or adverb between a subject and its verb
_ADVERBS_BEFORE = (_cues.WEEKDAYS + r"|yesterday|today|recently|also|then|later|again|repeatedly|publicly|privately|"
                   r"previously|often|already|still|just|now|once|twice|long|quickly|immediately|initially|originally|"
                   r"ultimately|eventually")
_ADVERBIAL_BEFORE = regex.compile(
    r"(?<![^\S\n])(?:[^\S\n]++(?:(?:on|last|this|next|earlier|later)[^\S\n]++\p{L}+(?:[^\S\n]++(?:morning|afternoon|evening|night))?|"
    + _ADVERBS_BEFORE + r"))+[^\S\n]++\Z"
)
# how every match of _ADVERBIAL_BEFORE ends (its last phrase or adverb, after a space), matched
# back from the end of the window (a reversed pattern's match is anchored there): a window
# that does not end so has none, and the pattern is not tried at each of its places to learn it
_ADVERBIAL_LAST = regex.compile(
    r"(?r)[^\S\n](?:(?:on|last|this|next|earlier|later)[^\S\n]+\p{L}+|morning|afternoon|evening|night|"
    + _ADVERBS_BEFORE + r")[^\S\n]+\Z"
)


def _adverbial_before(text: str, lo: int, hi: int) -> "Optional[regex.Match[str]]":
    """``_ADVERBIAL_BEFORE.search(text, lo, hi)``, tried only where ``_ADVERBIAL_LAST`` is
    found: most verbs have no adverb right before them."""
    if _ADVERBIAL_LAST.match(text, lo, hi) is None:
        return None
    return _ADVERBIAL_BEFORE.search(text, lo, hi)
# quantifiers that stand for people as a subject ("Some believe …", "Many say …")
_QUANTIFIERS = frozenset("some many most others few several both everyone everybody nobody someone somebody".split())
_QUANTIFIER_BEFORE = regex.compile(
    r"(?<![\p{L}])((?i:some|many|most|others|few|several|both|everyone|everybody|nobody|someone|somebody))"
    r"(?:[^\S\n]+(?:also|still|now|even))?[^\S\n]+\Z"
)
# a share of people, as poll reports give it: "26%", "about half of Democratic voters", "4 in 10"
_SHARE = (
    r"(?:(?i:about|nearly|almost|roughly|over|more than|fewer than|less than|just|only|some)[^\S\n]+)?"
    r"(?:\d[\d.,]*+[^\S\n]*+(?:%|percent)|\d++[^\S\n]+(?:in|of|out of)[^\S\n]+\d++"
    r"|(?i:one|two|three|four|five|six|seven|eight|nine)[^\S\n]+in[^\S\n]+(?:10|ten)"
    r"|(?i:two|three)-(?:thirds|fourths|quarters|fifths)|(?:[Aa]|[Oo]ne|[Tt]wo)[^\S\n]+(?:third|quarter|fifth)s?"
    r"|[Hh]alf|[Aa][^\S\n]+majority|[Mm]ajorities|[Aa][^\S\n]+plurality|[Tt]hose[^\S\n]+(?:surveyed|polled|questioned|asked))"
)
_SHARE_BEFORE = regex.compile(
    r"(?<![\p{L}\p{N}])" + _SHARE + r"(?:[^\S\n]+of[^\S\n]+[^,.;:!?\n\"“”]{1,60}?)?[^\S\n]+(?:also[^\S\n]+)?\Z"
)
_SHARE_START = regex.compile(_SHARE)
_SHARE_HINT = regex.compile(r"\d|(?i:half|majorit|plurality|third|quarter|fifth|fourth)")  # cheap test before _SHARE_SUBJECT
# what _SHARE_HINT leaves out of _SHARE ("one in ten", "those surveyed"): with it, a cheap test
# that a window may hold a share, before _SHARE_BEFORE tries every place of it
_SHARE_HINT_REST = regex.compile(r"[^\S\n]in[^\S\n]+ten|[Tt]hose[^\S\n]")


_DIGIT = regex.compile(r"\d")
_SHARE_HINT_WORDS = regex.compile(r"(?i:half|majorit|plurality|third|quarter|fifth|fourth)")
_SHARE_WORDS = ("half", "majorit", "plurality", "third", "quarter", "fifth", "fourth")


def _share_hint(text: str, lo: int, hi: int) -> bool:
    """Whether ``_SHARE_HINT`` matches in ``text[lo:hi]``: a digit, or one of its words in any
    case, which in an ASCII window is a substring of the window in lower case (a few ``in``
    instead of a case-blind alternation tried at every place)."""
    if _DIGIT.search(text, lo, hi) is not None:
        return True
    window = text[lo:hi]
    if window.isascii():
        window = window.lower()
        for word in _SHARE_WORDS:
            if word in window:
                return True
        return False
    return _SHARE_HINT_WORDS.search(text, lo, hi) is not None


def _share_hint_rest(text: str, lo: int, hi: int) -> bool:
    """Whether ``_SHARE_HINT_REST`` matches in ``text[lo:hi]``: only where "ten" or "hose" is
    (each of its matches holds one), which two ``str.find`` tell."""
    if text.find("ten", lo, hi) < 0 and text.find("hose", lo, hi) < 0:
        return False
    return _SHARE_HINT_REST.search(text, lo, hi) is not None


_SHARE_SUBJECT = regex.compile(
    r"(?<![\p{L}\p{N}])" + _SHARE + r"(?:[^\S\n]+of[^\S\n]+[^,.;:!?\n\"“”]{1,60}?|(?:[^\S\n]+\p{L}[\p{L}'’-]*){1,3})?"
    r"[^\S\n]+(?:also[^\S\n]+)?\Z"
)
_TIME_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
                        "July August September October November December Today Yesterday".split())


def _speaker_ok(text: str, sp: Span2) -> bool:
    if text[sp[0]:sp[1]].lower() in _QUANTIFIERS:
        return True
    if text[sp[0]:sp[1]].lower().endswith(("n't", "n’t")) or text[sp[0]:sp[1]] in _TIME_WORDS:
        return False  # "Don't blame …"; "Monday"
    m = _mentions.describe_phrase(text[sp[0]:sp[1]])
    if m.form == "pronoun":
        return m.head in ("he", "she", "they", "we", "i", "it")
    if m.form == "description" and m.kind == "unknown" and m.plural:
        return _plural_speaker(m.head)  # "union leaders", "critics", "analysts"
    return _mentions.is_speaker_like(m)


_SPEAKER_LISTS = ("person_words", "titles", "anonymous_words", "organization_words", "media_words", "document_words")


def _plural_speaker(head: str) -> bool:
    """A plural head noun whose singular names people who speak ("leaders", "officials")."""
    if head.endswith("ies"):
        sing = head[:-3] + "y"
    elif head.endswith("s") and not head.endswith("ss"):
        sing = head[:-1]
    else:
        return False
    if any(sing in _lexicons.words(name) for name in _SPEAKER_LISTS):
        return True
    return len(sing) > 4 and sing.isalpha() and sing.endswith(("er", "or", "ist", "ian", "ant", "ent"))


def _that_clause(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2],
                 is_belief: bool, news: bool = True) -> Optional[Attribution]:
    """X said (that) …"""
    vs, ve = m.span()
    ss, se = _sentence(layout, vs)
    pos = ve
    form = m.group().lower()
    if form in _TELL:
        obj = _OBJECT.match(text, pos, se)
        if obj is not None:
            # "told her story in a low voice": "her" is a possessive, "her story" the object
            obj = _HER_POSSESSIVE.match(text, pos, se) or obj
            pos = obj.end()
    answer = _ANSWER.match(text, pos, se) if news and _cues.lemma_of().get(form) in _ANSWER_VERBS else None
    if answer is not None:
        # "46 percent said yes", "after 55 percent said so in December": the answer word is the content
        sp = _subject(text, layout, vs, ss)
        if sp is None:
            return None
        a, b = answer.span(1)
        return Attribution(_kind(text, a, b, quote_spans), ((a, b),), (a, b), sp, (vs, ve), 0.6, "indirect.that")
    that = _that_soon(text, pos, se)
    conf = 0.75
    if that is not None and (that.end() - pos <= 6 + (text[that.end() - 2:that.end() - 1] == ",")
                             or _FILLER_START.match(text, pos, se)):
        cstart = that.end()
        if _RELATIVE_THAT.match(text, cstart, se):
            if that.end() - pos > 6 or _NOUN_CUE_BEFORE.search(text, max(ss, vs - 12), vs):
                return None  # "… called for dresses that showed …", "a charge that stung": a relative clause
            cstart = that.end() - 5  # "said that was wrong": "that" is the clause's subject
    else:
        if _TO.match(text, pos, se):
            return None  # "said to be": not a report
        if is_belief and not (_cues.lemma_of().get(form) in _BELIEF_BARE and _SUBJECT_START.match(text, pos, se)):
            return None  # "found the keys"; but "thinks he will win"
        if _cues.lemma_of().get(form) not in _BARE_CLAUSE:
            return None
        short = _SHORT_FILLER.match(text, pos, se)
        if short is not None:
            pos = short.end()  # "has said for weeks he is …", "said on Monday the talks …"
        elif _FILLER_START.match(text, pos, se) is not None:
            return None
        cl = _CLAUSE_START.match(text, pos, se)
        if (cl is None or _NOT_CLAUSE.match(text, pos, se) or _VERB_PARTICLE.match(text, pos, se)
                or not news and _SAID_HOW_MUCH.match(text, pos, se)):
            return None
        cstart = cl.end()
        conf = 0.65
    sp = _subject(text, layout, vs, ss)
    if sp is None and news and _cues.lemma_of().get(form) in _PLAIN_SAY:
        sp = _plain_subject(text, layout, vs, ss)
        conf -= 0.1
    if sp is None and news and conf == 0.75 and not is_belief:
        sp = _any_subject(text, vs, ss)  # "Surety companies that had insured it agreed that …": "that" is signal enough
        conf -= 0.15
    if sp is None:
        return None
    end = se
    nxt = _and_said(text, cstart, min(se, cstart + 2000))  # bounded: linear in one endless sentence
    if nxt is not None:
        end = nxt.start()  # "… and said B": B is reported by its own verb
    hi = min(end, cstart + 2000)
    nxt = _that_end(text, cstart, hi)
    while nxt is not None and nxt.group().strip() in _DASHES:
        close = _DASH.search(text, nxt.end(), min(hi, nxt.end() + 200))
        if close is None or _THAT_END.match(text, close.end(), hi) is not None:
            break
        # "A -- an aside -- B": a pair of dashes sets off an aside, and the clause goes on
        nxt = _that_end(text, close.end(), hi)
    if nxt is not None and nxt.start() - cstart >= 12:
        end = nxt.start()  # "…, and he urged B": a new clause of the narrator's
    end = _before_next_report(text, cstart, end)
    part = _PARTICIPLE_TAIL.search(text, cstart, min(end, cstart + 2000))
    if part is not None:
        end = part.start()  # "…, arguing that B": B is reported by its own verb
    end = _before_comma_tag(text, cstart, end)
    app = _APPOSITIVE_TAIL.search(text, max(cstart + 12, end - 80), end)
    if app is not None and not _BARE_VERB.search(text, app.end(), end):
        end = app.start()  # "… did not support Mr. Trump, the presumed Putin favorite": the writer's aside
    cs, ce = _trim(text, cstart, end)
    if ce - cs < 8 or " " not in text[cs:ce]:
        return None
    if not news and conf == 0.65 and _BARE_NP.fullmatch(text, cs, ce) is not None:
        return None  # "could not believe his ears": a noun phrase, the verb's object, is no clause
    if is_belief:
        conf -= 0.15
    if _mentions.describe_phrase(text[sp[0]:sp[1]]).form == "pronoun":
        conf -= 0.05
    kind = _kind(text, cs, ce, quote_spans)
    return Attribution(kind, ((cs, ce),), (cs, ce), sp, (vs, ve), conf, "indirect.that")


# a verb right after "that": "that" is a relative pronoun or the subject, not a complementizer
_RELATIVE_THAT = regex.compile(
    r"(?:\p{Ll}+ly[^\S\n]+)?(?:is|was|are|were|has|have|had|can|could|may|might|must|will|would|should|"
    r"shall|did|does|do)(?:n['’]t)?[^\S\n]"
)
_NOUN_CUE_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:a|an|the|any|every|no|his|her|their|its|our|of|in|for|from|with|by|on|at)[^\S\n]+\Z", regex.IGNORECASE
)
_ANSWER_VERBS = frozenset("say reply answer respond think".split())
# a one-word answer as the whole content: "said yes.", "said so in December", "said no, …"
_ANSWER = regex.compile(
    r"[^\S\n]++((yes|no|so|as[^\S\n]+much)(?:,[^\S\n]*+\2(?![\p{L}]))*+)"
    r"(?=[^\S\n]*+(?:[.,;:!?)](?![^\S\n]?\p{N})|$)"
    r"|[^\S\n]++(?:in|at|on|when|after|before|during|too|again|and|but|while|publicly)(?![\p{L}]))",
    regex.IGNORECASE,
)
_APPOSITIVE_TAIL = regex.compile(r"(?<=\p{Lu}[\p{L}.'’-]{0,30}),[^\S\n]++(?:the|a|an)[^\S\n]")
_BARE_VERB = regex.compile(
    r"(?<![\p{L}])(?:is|was|are|were|be|been|has|had|have|will|would|could|can|did|does|do|may|might|must|should|"
    r"who|which|that)(?![\p{L}])"
)
_JOIN = regex.compile(r"(?:,[^\S\n]*)?[^\S\n](?:and|but|while|whereas)[^\S\n]+")
_JOIN_WORDS = ("and", "but", "while", "whereas")  # one of which every match of _JOIN holds


def _and_said(text: str, lo: int, hi: int) -> "Optional[regex.Match[str]]":
    """``_cues.AND_SAID.search(text, lo, hi)``, tried only where "and" or "but" is (each of its
    matches holds one): two ``str.find`` settle most clauses."""
    if text.find("and", lo, hi) < 0 and text.find("but", lo, hi) < 0:
        return None
    return _cues.AND_SAID.search(text, lo, hi)


def _before_next_report(text: str, cstart: int, end: int) -> int:
    """Where a reported clause ends because a coordinated clause reports something of its own:
    "A, but agreed that B"; "A, while 22 percent said B"."""
    hi = min(end, cstart + 2000)
    joins = _JOIN.finditer(text, cstart, hi) if _holds_one(text, cstart, hi, _JOIN_WORDS) else ()
    for j in joins:
        if j.start() - cstart < 12:
            continue
        for v in _cues.speech_verbs(text, j.end(), min(end, j.end() + 50)):
            if _THAT_SOON.match(text, v.end(), min(end, v.end() + 8)):
                return j.start()
            if text[j.end():v.start()].strip() == "" and v.group().lower() not in _THAT_ONLY \
                    and _cues.lemma_of().get(v.group().lower()) not in _INNER_VERBS:
                return j.start()  # "A and said B"; but "federal and state law": a noun
            if v.group().lower() not in _THAT_ONLY and v.group()[:1].islower() and _is_verb_form(v.group()) \
                    and not _CAPITAL_BEFORE.search(text, max(cstart, j.start() - 30), j.start()):
                sp = _subject_before(text, v.start(), j.end())
                share = _SHARE_START.match(text, j.end(), v.start())
                if share is not None and text[share.end():v.start()].strip(" \t") == "" \
                        or sp is not None and sp[0] <= j.end() + 1 and _speaker_ok(text, sp):
                    return j.start()  # "A, and Democrats accused the GOP of B": a new speaker's report
            break
    return end


# verbs after "and" that go on the reported clause's own subject more often than the reporter's:
# "He says he is proud of his campaign and expects to win", "X is acting unlawfully and showing disregard"
_INNER_VERBS = frozenset("expect hope feel fear think believe worry show find continue".split())
_COMMA = regex.compile(r",[^\S\n]++(?=\p{L})")


_CAPITAL_BEFORE = regex.compile(r"\p{Lu}[\p{L}.'’-]*\Z")  # "Congress and President Obama agreed": one subject


def _is_verb_form(word: str) -> bool:
    """A finite-looking verb form, not a noun of saying ("statement", "claims" stay ambiguous: past and -s forms pass)."""
    w = word.lower()
    return w.endswith(("ed", "s")) or w in ("said", "told", "wrote", "thought", "felt", "spoke", "knew", "saw", "found")


_INLINE_SPACE = " \t\u00a0\u2009\u202f"
_TAG_THEN = regex.compile(r"[^\S\n]*+(?:[.!?,]|that[^\S\n]|\Z)")


def _before_comma_tag(text: str, cstart: int, end: int) -> int:
    """Where a reported clause ends because a new speaker and verb follow a comma:
    "A, Mr. Barrett said"; "A, Mr. Lee said that B" (the later verb reports its own)."""
    for c in _COMMA.finditer(text, cstart + 12, min(end, cstart + 2000)):
        for v in _cues.speech_verbs(text, c.end(), min(end, c.end() + 60)):
            if "," in text[c.end():v.start()] or v.start() == c.end():
                break
            if _TAG_THEN.match(text, v.end(), end) or v.end() >= end:
                sp = _subject_before(text, v.start(), c.end())
                if sp is not None and sp[0] <= c.end() + 1:
                    return c.start()
            break
    return end


def _leads_in(text: str, se: int) -> bool:
    """Fiction: the sentence ending at ``se`` ends with a comma, a colon or a dash: it
    leads in to a quotation (“…, he added,” | “…”), it reports nothing itself."""
    return text[max(0, se - 8) : se].rstrip()[-1:] in (",", ":", "-", "\N{EM DASH}")


def _tag_after(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2],
               news: bool = True) -> Optional[Attribution]:
    """…, X said. / …, said X. The reported clause ends at a comma after the sentence's
    start and before the verb: without one there is no tag, and no subject is sought."""
    vs = m.start()
    if text.find(",", _sentence(layout, vs)[0] + 1, vs) < 0:
        return None
    return _tag_after_rule(text, layout, m, quote_spans, news)


def _tag_after_rule(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2],
                    news: bool = True) -> Optional[Attribution]:
    """``_tag_after`` without its test for a comma (the rule as first written)."""
    vs, ve = m.span()
    ss, se = _sentence(layout, vs)
    if not news and _leads_in(text, se):
        return None  # "Emma nodded. After a pause, he added," | “…”: the lead-in of a quotation, nothing reported
    if news:
        semi = text.find(";", ve, min(se, ve + 80))
        if semi >= 0:
            se = semi  # "…, analysts say; in 2012 …": the tag ends its clause at the semicolon
        prev = max(text.rfind(";", max(ss, vs - 2000), vs), text.rfind(": ", max(ss, vs - 2000), vs))
        if prev >= 0:
            ss = prev + 1  # "… firms: London was the capital, the index said": the clause after the colon
    b = vs
    sp = None
    comma = -1
    while b > ss and text[b - 1] in _INLINE_SPACE:
        b -= 1
    if b > ss and text[b - 1] == ",":
        # inverted: "…, said the spokesman."
        comma = b - 1
        sp = _np_after(text, ve + 1 if text[ve : ve + 1] == " " else ve, se)
        if sp is None or _TAIL.match(text, sp[1], se) is None and _TAIL.match(text, ve, se) is None:
            sp = None
        elif not _speaker_ok(text, sp):
            sp = None
        if sp is None and not news:
            return None
    if sp is None:
        # "…, the airline said." / "…, a spokeswoman, Ana Ruiz, said on Saturday."
        comma = -1
        tail_at = ve
        if news and m.group().lower() in _TELL:
            obj = _OBJECT.match(text, ve, se)
            if obj is not None:
                tail_at = obj.end()  # "…, an official told The New York Times."
        if _TAIL.match(text, tail_at, se) is None:
            return None
        sp = _subject_before(text, vs, ss)
        if sp is not None and not _speaker_ok(text, sp):
            plain = news and _cues.lemma_of().get(m.group().lower()) in _PLAIN_SAY
            sp = _plain_subject(text, layout, vs, ss) if plain else None
        if sp is not None:
            c = sp[0]
            while c > ss and text[c - 1] in _INLINE_SPACE:
                c -= 1
            if c > ss and text[c - 1] == ",":
                comma = c - 1
    if sp is None or comma <= ss:
        return None
    cs, ce = _trim(text, ss, comma)
    if ce - cs < 12 or " " not in text[cs:ce] or news and _is_lead_adverbial(text, cs, ce):
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
    for tok in _mentions.iter_tokens(text, np_start, se):  # one at a time: the first mark ends the search
        if tok.word in (",", ";", ":", ".", "!", "?", "\"", "“", "”", "("):
            end = tok.start
            break
    sp = _trim(text, np_start, end)
    if sp[1] - sp[0] < 2:
        return None
    lead = text[ss:a].strip(" \t,").lower()
    after = _trim(text, end + 1, _clause_end(text, end + 1, se)) if end < se and text[end] in ",—–" else None
    if after is not None and (after[1] - after[0] < 12 or " " not in text[after[0]:after[1]]):
        after = None
    if lead in ("", "but", "and", "yet", "so", "also") and end < se and text[end] == ",":
        cs, ce = _trim(text, end + 1, se)
    elif after is not None and text[ss:a].rstrip(" \t").endswith(",") and len(lead.split()) <= 5 \
            and lead.split()[0] in _LEAD_ADVERBIAL:
        # "In addition, according to the agency, nine million more …": the clause resumes after the source
        cs, ce = after
    else:
        cs, ce = _trim(text, ss, a)
    if ce - cs < 12 or " " not in text[cs:ce]:
        return None
    kind = _kind(text, cs, ce, quote_spans)
    return Attribution(kind, ((cs, ce),), (cs, ce), sp, (a, b), 0.75, "indirect.according")


# after a mid-sentence tag: an optional time phrase, then the comma that resumes the content
_PAREN_AFTER = regex.compile(
    r"(?:[^\S\n]+(?:on|in|at|last|this|earlier|later|yesterday|today|recently|then|once|"
    + _cues.WEEKDAYS + r")(?![\p{L}])[^,.;:!?\n\"“”]{0,40}?)?[^\S\n]*,[^\S\n]*(?=[\p{L}\p{N}\"“‘'$])"
)
# words that start a subordinate or adverbial phrase, not the resumed content
_AS_BEFORE = regex.compile(r",[^\S\n]+as(?:[^\S\n]+(?:one|some|many|several|most|each|two|three)[^\S\n]+of)?\Z")
# a sentence that opens with "As" and a tag: "As one adviser pointed out, …"
_AS_LEAD = regex.compile(r"[\"“‘(]?(?:(?:But|And|Yet|So)[^\S\n]+as|As)[^\S\n]+")
_GERUND_SUBJECT = regex.compile(
    r"\p{Ll}+ing(?:[^\S\n]+[\p{L}\p{N}'’-]+){0,5}?[^\S\n]+(?:would|will|could|can|should|might|may|must|is|was|are|were|has|had)(?![\p{L}])"
)
# fiction: a tag verb with a pronoun object before the comma ("As he said this,", "When she
# had said so,"): what follows the comma is no content of it
_SAID_THIS = regex.compile(r"[^\S\n]+(?:this|that|so|it|these|those)[^\S\n]*,")
# fiction: verbs that take no content when a sentence opens "As she spoke,"
_TALK = frozenset(("speak", "talk"))
_NOT_RESUMED = frozenset("as while when which who whom whose where according including".split())
_LEAD_CONJ = regex.compile(r"(?:But|And|So|Yet|Still|Now|Instead|Meanwhile)[^\S\n]*,?[^\S\n]+")
# where a reported infinitive or object ends: a comma before a participle or a subordinate clause, or a dash
_CLAUSE_END = regex.compile(
    r",[^\S\n]++(?:(?!including(?![\p{L}]))\p{Ll}++(?<=ing)|which|who|while|whereas|although|though|as|because|since|but|and[^\S\n]++(?:then|also))(?![\p{L}])"
    r"|(?<![^\S\n])[^\S\n]++(?:[—–]|--)[^\S\n]|;"
)
_CLAUSE_END_MARKS = (",", ";", "—", "–", "--")
_OBJECT_TAIL = regex.compile(
    r"(?<![^\S\n])[^\S\n]++(?:during|(?:on|last|this)[^\S\n]++(?:" + _cues.WEEKDAYS + r"|week|month)"
    r"|after|before|while|when|amid|following"
    r"|in[^\S\n]++(?:(?:a|an|his|her|their|its|the)[^\S\n]++)?(?:[\p{Ll}-]+[^\S\n]++)?"
    r"(?:speech|speeches|interview|interviews|statement|statements|tweet|tweets|letter|letters|op-ed|post|posts|remarks|"
    r"diatribe|appearance|rally|debate))(?![\p{L}])"
)
_INF = regex.compile(r"[^\S\n]+(?:not[^\S\n]+)?(to)[^\S\n]+(?=\p{Ll})")
_CALL_ON = regex.compile(r"[^\S\n]+(on|upon)(?![\p{L}])")
_PARTICLE = regex.compile(r"[^\S\n]+(\p{Ll}+)(?![\p{L}])")
_BE = frozenset("is are was were be been being am 's ’s".split())
_EXPECT_OBJECT = frozenset("expect want prefer like wish".split())
_OBJECT_CONTROL = frozenset("urge encourage implore ask warn invite tell".split())
_LEAD_ADVERBIAL = frozenset(
    "on in at after before during last this earlier later yesterday today tonight when while as since though "
    "although if asked speaking meanwhile still but and so yet".split()
)
_QUOTED_COMMA = regex.compile(r"[\"”’]")
# a comma inside a list of noun phrases: ", B and C", ", B, and C"
_INCLUDING = regex.compile(r",[^\S\n]++including[^\S\n]")
_LIST_NEXT = regex.compile(
    r",[^\S\n]++(?:(?!(?:which|who|including|and|or|but)(?![\p{L}]))[\p{L}\p{N}'’-]++[^\S\n]++){0,3}?"
    r"[\p{L}\p{N}'’-]++,?[^\S\n]++(?:and|or)[^\S\n]++(?:[\p{L}\p{N}'’-]++(?:[^\S\n]++|(?=[,.;:!?]|\Z))){1,4}"
)
_NAME_ITEM = regex.compile(r",[^\S\n]++(?:\p{Lu}[\p{L}.'’-]*+[^\S\n]++){0,3}\p{Lu}[\p{L}.'’-]*+(?=,)")
_TIME_START = frozenset("last this next yesterday today tonight earlier later".split())
_PAST = frozenset("sought".split())
_FINDING = frozenset("find finds found finding".split())
_SEEING = frozenset("see sees saw seeing".split())
_SEE_AS = regex.compile(r"[^\S\n]as[^\S\n]")
_OBJECT_NOT_START = frozenset(
    "by to for as on in at with from into about of and or but that than so up out off down back over away "
    "when while if because".split()
)


# verbs that report whatever their subject is: "the actress said …", "some families said …"
_PLAIN_SAY = frozenset("say tell add write report announce explain insist argue claim warn predict acknowledge admit "
                       "note testify".split())
_PLAIN_HEAD = regex.compile(r"\p{Ll}{3,}+(?<!ly|ing)")


def _plain_subject(text: str, layout: Layout, vs: int, ss: int) -> Optional[Span2]:
    """The subject of a plain "say" verb that ``_speaker_ok`` does not know as a speaker: a noun
    phrase with a common-noun head, or the name that starts the clause before appositives
    ("Dana Marsh, 34, a nurse from Tulsa, said …")."""
    b = vs
    while b > ss and text[b - 1] in " \t":
        b -= 1
    if b > ss and text[b - 1] == ",":
        cand = _lead_np(text, _clause_start(text, ss, vs), vs)
        if cand is not None and text[cand[1]:cand[1] + 1] == "," and _mentions.describe_phrase(text[cand[0]:cand[1]]).form == "name":
            return cand
        return None
    sp = _subject_before(text, vs, ss)
    if sp is None or text[sp[0]:sp[1]] in _TIME_WORDS:
        return None
    m = _mentions.describe_phrase(text[sp[0]:sp[1]])
    if m.form != "description" or not _PLAIN_HEAD.fullmatch(m.head) or m.head in _cues.lemma_of():
        return None
    if m.head in _lexicons.words("auxiliaries") or m.head in _lexicons.words("function_words"):
        return None
    return sp


def _any_subject(text: str, vs: int, ss: int) -> Optional[Span2]:
    """The noun phrase that starts the clause of the verb at ``vs``, whatever its head; not "it" or a time."""
    sp = _subject_before(text, vs, ss)
    if sp is None:
        sp = _lead_np(text, _clause_start(text, ss, vs), vs)
    if sp is None or sp[1] > vs:
        return None
    word = text[sp[0]:sp[1]]
    if word.lower() in ("it", "this", "that", "which", "there", "what") or word in _TIME_WORDS:
        return None
    return sp


def _subject(text: str, layout: Layout, vs: int, ss: int) -> Optional[Span2]:
    """The speaker of a verb at ``vs``: its subject, the subject of a coordinated verb or of a
    relative "who", a name in apposition, for a participle after a comma the subject of the
    sentence, or the first noun phrase of the clause when only noun-phrase words stand between."""
    for sp in _subjects(text, vs, ss):
        if sp is not None and (_speaker_ok(text, sp) or _SHARE_START.match(text, sp[0], sp[1])
                               or text[sp[0]:sp[1]] in ("which", "that", "who")):
            if _reported_document(text, sp, ss):
                continue
            return sp
    return None


_SAYING_LEMMAS = frozenset("say add note claim argue insist explain write".split())


def _reported_document(text: str, sp: Span2, ss: int) -> bool:
    """A document that is the subject of a clause another speaker reports ("Lee said the videos
    do not show …"): what it shows is part of what Lee said, not a report of its own."""
    prev = _PREV_WORD.search(text, max(ss, sp[0] - 30), sp[0])
    if prev is None or _cues.lemma_of().get(prev.group(1).lower()) not in _SAYING_LEMMAS:
        return False
    return _mentions.describe_phrase(text[sp[0]:sp[1]]).kind == "document"


def _subjects(text: str, vs: int, ss: int) -> Iterator[Optional[Span2]]:
    win = max(ss, vs - 100)
    hint = _share_hint(text, win, vs)
    share = _SHARE_SUBJECT.search(text, win, vs) if hint else None
    if share is not None:
        yield _trim(text, share.start(), vs)  # "Six in 10 voters say …": the whole share, not "10 voters"
    first = _subject_before(text, vs, ss)
    if first is None or text[first[0]:first[1]] not in _TIME_WORDS:
        yield first
    adv = _adverbial_before(text, max(ss, vs - 60), vs)
    if adv is not None and adv.start() > ss:
        yield _subject_before(text, adv.start(), ss)  # "the court this month rejected …"
    q = _QUANTIFIER_BEFORE.search(text, max(ss, vs - 12), vs)
    if q is not None:
        yield q.span(1)  # "Some believe …"
    q = _SHARE_BEFORE.search(text, win, vs) if hint or _share_hint_rest(text, win, vs) else None
    if q is not None:
        yield _trim(text, q.start(), vs)  # "26% say …", "about half of GOP voters said …"
    if _COORDINATED.search(text, max(ss, vs - 80), vs):
        yield _first_subject(text, ss, vs)  # "X says A and said B"
        yield _lead_np(text, _clause_start(text, ss, vs), vs)  # "X supported A for years, and said B"
    rel = _WHO.search(text, max(ss, vs - 14), vs)
    if rel is not None:
        if rel.group(1) == "who":
            yield _subject_before(text, rel.start(), ss)  # "an architect who said …"
            yield rel.span(1)  # an antecedent the lexicons do not know as a speaker: "who" itself
        else:
            yield rel.span(1)  # "the union, which endorsed her": PolNeAR marks the relative pronoun
    comma = _PARTICIPLE.search(text, max(ss, vs - 16), vs)
    if comma is not None:
        if text[vs:vs + 30].split(" ", 1)[0].endswith("ing"):
            yield _lead_np(text, _clause_start(text, ss, vs), vs)  # "X mocked the claim, saying …"
            # "“…,” the mayor said, adding …": the speaker of the tag before the comma
            last = None
            for tag in _cues.speech_verbs(text, max(ss, comma.start() - 60), comma.start()):
                last = tag
            if last is not None:
                yield _subject_before(text, last.start(), max(ss, last.start() - 80))
                yield _np_after(text, last.end() + 1, comma.start())
            return
        app = _subject_before(text, comma.start(), ss)
        if app is not None and _COMMA_BEFORE.search(text, max(ss, app[0] - 3), app[0]):
            yield app  # "A lawyer for them, Dana Cole, said …"
    cand = _loose_lead(text, ss, vs)
    if cand is not None:
        yield cand  # "RT and its defenders say …", "Those close to him say …"


# what a clause's first noun phrase and the words between it and its verb are made of:
# word characters (those of ``_mentions`` tokens) and white space
_NOT_NP_OR_GAP = regex.compile(r"[^\p{L}\p{N}\p{M}'’.\-\s]")


def _loose_lead(text: str, ss: int, vs: int) -> Optional[Span2]:
    """The first noun phrase of the clause of the verb at ``vs`` when only noun-phrase words
    stand between it and the verb (``_LOOSE_GAP``). Then nothing but words and spaces stands
    between the clause start and the verb: where anything else does (looked for in a bounded
    window of it, to stay linear), no noun phrase is sought."""
    lo = _clause_start(text, ss, vs)
    if lo is None or _NOT_NP_OR_GAP.search(text, max(lo, vs - 300), vs) is not None:
        return None
    return _loose_lead_rule(text, lo, vs)


def _loose_lead_rule(text: str, lo: Optional[int], vs: int) -> Optional[Span2]:
    """``_loose_lead`` from the clause start ``lo``, without its test of the characters."""
    cand = _lead_np(text, lo, vs)
    if cand is not None and vs - cand[1] <= 70 and _LOOSE_GAP.fullmatch(text, cand[1], vs):
        return cand
    return None


@functools.lru_cache(maxsize=4096)
def _lead_np(text: str, lo: Optional[int], hi: int) -> Optional[Span2]:
    """The noun phrase at ``lo``; a name stops at its last capitalised word."""
    if lo is None:
        return None
    sp = _np_after(text, lo, hi)
    if sp is None or sp[1] > hi:
        return None
    toks = _mentions.tokens(text, sp[0], sp[1])
    for i in range(1, len(toks)):
        w = toks[i].word
        if w[:1].islower() and (w.endswith("ed") or w in _cues.lemma_of() or w in _cues.stance_forms()
                                or w in _lexicons.words("auxiliaries")):
            toks = toks[:i]  # "two speechwriters implored …": the verb ends the noun phrase
            sp = (sp[0], toks[-1].end)
            break
    if toks and toks[0].word[:1].isupper() and toks[0].word.lower() not in _lexicons.first_field("determiners"):
        end = toks[0].end
        for t in toks[1:]:
            if not (t.word[:1].isupper() or t.word in ("of", "the", "and", "&", "-")):
                break
            end = t.end
        sp = (sp[0], end)
    return sp


_PARTICIPLE = regex.compile(r",[^\S\n]*(?:(?:even|also|again|then|later|further|repeatedly|often)[^\S\n]+)?\Z")
_COMMA_BEFORE = regex.compile(r",[^\S\n]*\Z")


# between a clause's first noun phrase and its verb: more noun-phrase words, no punctuation or clause
_LOOSE_GAP = regex.compile(
    r"(?:[^\S\n]+(?!(?:that|which|who|when|while|if|because|as|after|before|is|was|are|were|has|have|had)(?![\p{L}]))"
    r"[\p{L}\p{N}'’.-]+){0,10}[^\S\n]+"
)


def _clause_start(text: str, ss: int, hi: int) -> Optional[int]:
    """Where the clause of a verb before ``hi`` starts: after a leading adverbial phrase."""
    # the tokens one at a time (``iter_tokens`` gives ``tokens``' list): most clauses need
    # only the first, an adverbial opener at most twelve, not all of the 120 characters
    toks = _mentions.iter_tokens(text, ss, min(hi, ss + 120))
    first = next(toks, None)
    if first is None:
        return None
    lo = ss
    if first.word.lower() in _LEAD_ADVERBIAL:
        for t in itertools.chain((first,), itertools.islice(toks, 11)):
            if t.word == ",":
                lo = t.end
                break
        else:
            return None
    while lo < hi and text[lo] in " \t":
        lo += 1
    return lo


def _clause_end(text: str, cstart: int, se: int) -> int:
    end = se
    hi = min(se, cstart + 2000)  # bounded: linear in one endless sentence
    # every match of _CLAUSE_END holds a comma, a dash or a semicolon: str.find tells first
    nxt = _CLAUSE_END.search(text, cstart, hi) if _holds_one(text, cstart, hi, _CLAUSE_END_MARKS) else None
    if nxt is not None:
        end = nxt.start()
    nxt = _and_said(text, cstart, min(end, cstart + 2000))
    if nxt is not None:
        end = nxt.start()
    return end


_FINITE_WORD = regex.compile(
    r"(?<![\p{L}])(?:is|was|are|were|be|been|has|had|have|will|would|could|can|did|does|do|may|might|must|should|\p{Ll}+ed)(?![\p{L}])"
)
_ADVERBIAL_WORDS = _LEAD_ADVERBIAL | frozenset("yet however a few".split())


def _is_lead_adverbial(text: str, s: int, e: int) -> bool:
    """A short phrase of time or setting with no verb ("On Thursday, however", "In his speech",
    "A few weeks earlier"): it sets the scene of the report and is not what was said."""
    words = text[s:e].split()
    if not words or len(words) > 8 or words[0].lower() not in _ADVERBIAL_WORDS:
        return False
    return _FINITE_WORD.search(text, s, e) is None


def _parenthetical(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2],
                   news: bool = True) -> Optional[Attribution]:
    """A, X said, B. — the content on both sides of a tag in mid-sentence."""
    vs, ve = m.span()
    ss, se = _sentence(layout, vs)
    if not news and _leads_in(text, se):
        return None  # "At this moment, a suspicion entering her mind, she said, with a smile," | “…”
    b = vs
    while b > ss and text[b - 1] in " \t":
        b -= 1
    if b > ss and text[b - 1] == ",":
        comma = b - 1  # "A, said the spokesman, B"
        sp = _np_after(text, ve + 1 if text[ve : ve + 1] == " " else ve, se)
        after = sp[1] if sp is not None else ve
    else:
        if _PAREN_AFTER.match(text, ve, se) is None and not (
                text.startswith(" out", ve) and _PAREN_AFTER.match(text, ve + 4, se) is not None):
            return None  # cheap test first: no comma resuming the content ("pointed out,")
        sp = _subject_before(text, vs, ss)
        if sp is None:
            return None
        c = sp[0]
        while c > ss and text[c - 1] in " \t":
            c -= 1
        as_ = _AS_BEFORE.search(text, max(ss, c - 18), c)
        if as_ is not None:
            c = as_.start() + 1  # "Hawaii, as one adviser pointed out, rarely …"
        else:
            as_ = _AS_LEAD.fullmatch(text, ss, sp[0])  # "As one adviser pointed out, Hawaii rarely …"
        if (not news and as_ is not None and as_.start() == ss and as_.end() == sp[0]
                and _cues.lemma_of().get(m.group().lower()) in _TALK):
            return None  # fiction: "As she spoke, she pulled off her rings": a time, not a report
        if as_ is not None and as_.start() == ss and as_.end() == sp[0]:
            comma = ss - 1  # the sentence opens with the tag: only the main clause is reported
        elif not (c > ss and text[c - 1] == ","):
            return None
        else:
            comma = c - 1
        after = ve
        if as_ is not None and text.startswith(" out", ve) and not text[ve + 4:ve + 5].isalpha():
            after = ve + 4
    if sp is not None and not _speaker_ok(text, sp):
        # "…, a wide array of economists say, …": a plain say verb takes any common-noun subject
        plain = news and after == ve and _cues.lemma_of().get(m.group().lower()) in _PLAIN_SAY
        sp = _plain_subject(text, layout, vs, ss) if plain else None
    if sp is None:
        return None
    res = _PAREN_AFTER.match(text, after, se)
    if res is None:
        return None
    if not news and _SAID_THIS.match(text, after, res.end()) is not None:
        return None  # "As he said this, the curtains parted": the verb has its object, no content
    first = _NEXT_VERB.match(text, res.end() - 1, min(se, res.end() + 30)) if res.end() > after else None
    word = text[res.end():res.end() + 30].split(" ", 1)[0].lower()
    if word.endswith("ing") and word not in _cues.lemma_of() and _GERUND_SUBJECT.match(text, res.end(), se):
        pass  # "…, he said, replacing her would be …": a gerund subject, the clause resumes
    elif word in _NOT_RESUMED or word.endswith("ing") or first is None and not word:
        return None
    if not news and word in ("and", "but"):
        return None  # "While she was gone, Tom called, and sat with them": a second verb of his, no content
    a0 = ss
    lead = _LEAD_CONJ.match(text, ss, max(ss, comma))
    if lead is not None:
        a0 = lead.end()
    a = _trim(text, a0, comma) if comma >= ss else (ss, ss)
    bs = res.end()
    be = _clause_end(text, bs, se)
    part = _PARTICIPLE_TAIL.search(text, bs, min(be, bs + 2000))
    if part is not None:
        be = part.start()
    bb = _trim(text, bs, be)
    if comma < ss:  # "As X noted, B": B alone
        if bb[1] - bb[0] < 8 or " " not in text[bb[0]:bb[1]]:
            return None
        return Attribution(_kind(text, *bb, quote_spans), (bb,), bb, sp, (vs, ve), 0.65, "indirect.parenthetical")
    if a[1] - a[0] < 2 or bb[1] - bb[0] < 8 or " " not in text[bb[0]:bb[1]]:
        return None
    kind = _parts_kind(text, (a, bb), quote_spans)
    return Attribution(kind, (a, bb), (a[0], bb[1]), sp, (vs, ve), 0.65, "indirect.parenthetical")


_INF_TAIL = regex.compile(r",[^\S\n]++and[^\S\n]++(?!(?:to|then|also)(?![\p{L}]))")


def _infinitival(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """X plans to …; X urged Y to …; X called on Y to …"""
    vs, ve = m.span()
    form = m.group().lower()
    ss, se = _sentence(layout, vs)
    lemma = _lexicons.lemmas("intention_verbs").get(form)
    pos = ve
    call_on = False
    if lemma is None:
        on = _CALL_ON.match(text, ve, se)
        if on is None or not form.startswith("call"):
            return None
        pos = on_end = on.end()
        lemma = "urge"
        call_on = True
    prev = _PREV_WORD.search(text, max(ss, vs - 30), vs)
    if prev is not None and prev.group(1).lower() in _BE and form.endswith("ed"):
        return None  # "was asked to": a passive, the subject did not ask
    if lemma in _OBJECT_CONTROL:
        obj = _OBJECT.match(text, pos, se)
        if obj is not None and obj.group().strip() == "her" and not _INF.match(text, obj.end(), se):
            obj = _HER_NP.match(text, pos, se) or obj  # "urges her husband to …": "her" is a possessive
        if obj is not None:
            pos = obj.end()
    inf = _INF.match(text, pos, se)
    subject_of_inf = None
    if call_on:
        inf = _INF.search(text, pos, min(se, pos + 60))  # "called on fellow Republicans to …": the object is part of it
    elif inf is None and lemma in _EXPECT_OBJECT:
        obj = _OBJECT.match(text, pos, se)
        if obj is not None:
            inf = _INF.match(text, obj.end(), se)
            subject_of_inf = _trim(text, pos, obj.end())[0]  # "expect Clinton to win": Clinton winning is expected
    if inf is None:
        return None
    sp = _subject(text, layout, vs, ss)
    if sp is None:
        return None
    cs = on_end if call_on else subject_of_inf if subject_of_inf is not None else inf.start(1)
    end = _clause_end(text, inf.start(1), se)
    tail = _INF_TAIL.search(text, inf.end(), min(end, inf.end() + 2000))
    if tail is not None:
        end = tail.start()  # "to speak to reporters as she left …": the time of the intention is not its content
    cs, ce = _trim(text, cs, end)
    if ce - cs < 8 or " " not in text[cs:ce]:
        return None
    conf = 0.55
    if _mentions.describe_phrase(text[sp[0]:sp[1]]).form == "pronoun":
        conf -= 0.05
    return Attribution(_kind(text, cs, ce, quote_spans), ((cs, ce),), (cs, ce), sp, (vs, ve), conf, "indirect.infinitival")


def _phrase_comma(text: str, lo: int, hi: int) -> int:
    """The first comma in ``text[lo:hi]`` that is not a digit group separator ("30,000"), or -1."""
    c = text.find(",", lo, hi)
    while c >= 0 and 0 < c < len(text) - 1 and text[c - 1].isdigit() and text[c + 1].isdigit():
        c = text.find(",", c + 1, hi)
    return c


def _object(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """X criticized the plan; X called for a recount; X talked about jobs."""
    vs, ve = m.span()
    form = m.group().lower()
    ss, se = _sentence(layout, vs)
    pos = ve
    particle = _PARTICLE.match(text, ve, se)
    if particle is not None and particle.group(1).lower() in _cues.phrasal_particles().get(form, ()):
        pos = particle.end()  # "called for a recount", "talked about jobs"
    elif form not in _cues.stance_forms():
        return None
    prev = _PREV_WORD.search(text, max(ss, vs - 30), vs)
    if prev is not None and prev.group(1).lower() in _BE and form.endswith("ed"):
        return None  # "was criticized": a passive
    cl = _CLAUSE_START.match(text, pos, se)
    if cl is None:
        return None
    word = text[cl.end():cl.end() + 30].split(" ", 1)[0].lower().rstrip(".,;:!?")
    if word in _OBJECT_NOT_START or word.capitalize() in _TIME_WORDS or word in _TIME_START:
        return None  # "backed out", "announced Monday"
    if prev is not None and form in _cues.stance_forms() and not form.endswith(("ed", "ing")) and form not in _PAST:
        pw = prev.group(1).lower()
        if pw in _NOUN_BEFORE or pw in _POSSESSIVE or pw.endswith(("'s", "’s")) or pw.isdigit() or pw in ("percent", "of", "for", "and", "in", "with"):
            return None  # "85 percent support among …", "the call for …": a noun
    sp = _subject(text, layout, vs, ss)
    if sp is None:
        return None
    if form in _FINDING and _mentions.describe_phrase(text[sp[0]:sp[1]]).kind != "document":
        return None  # "the study found 31 cases"; but "police found the car"
    cs = cl.end()
    end = _clause_end(text, cs, se)
    if form in _SEEING and not _SEE_AS.search(text, cs, min(end, cs + 150)):
        return None  # "she sees him as a threat"; but "she saw the film"
    tail = _OBJECT_TAIL.search(text, cs, min(end, cs + 2000))
    if tail is not None:
        end = tail.start()
    comma = _phrase_comma(text, cs, end)
    while comma >= 0:
        lst = _LIST_NEXT.match(text, comma, end) or _INCLUDING.match(text, comma, end)
        if lst is None:
            item = _NAME_ITEM.match(text, comma, end)  # "Obama, Hillary Clinton, Bill Clinton, and Paul Ryan"
            if item is None or _LIST_NEXT.match(text, item.end(), end) is None and _NAME_ITEM.match(text, item.end(), end) is None:
                break
            comma = item.end()
            continue
        # "low growth, unemployment and inequality": one list; "the polls, including …": one phrase
        comma = _phrase_comma(text, lst.end(), end)
    if comma >= 0 and not _QUOTED_COMMA.match(text, comma + 1, end):
        end = comma  # a noun phrase ends at its first comma ("the plan, which …")
    cs, ce = _trim(text, cs, end)
    if ce - cs < 3:
        return None
    conf = 0.45
    return Attribution(_kind(text, cs, ce, quote_spans), ((cs, ce),), (cs, ce), sp, (vs, ve), conf, "indirect.object")


_QUESTION_VERBS = frozenset("ask asks asked asking wonder wonders wondered wondering question questions questioned "
                            "questioning".split())
_WH = regex.compile(r"[^\S\n]+(?:whether|if|why|how|what|when|where|who|whom|whose|which|about)(?![\p{L}])")


_TO_ASKED = regex.compile(r"[^\S\n]+(?:to)(?=[^\S\n]+\p{Ll})")
_WH_GAP = regex.compile(r"(?:[^\S\n]+(?!(?:whether|if|why|how|what|when|where|who|whom|whose|which|about|to|that)(?![\p{L}]))[\p{L}\p{N}'’.-]+){1,6}?(?=[^\S\n]+(?:whether|if|why|how|what|when|where|who|whom|whose|which)(?![\p{L}]))[^\S\n]")


def _question(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2],
              news: bool = True) -> Optional[Attribution]:
    """X asked (Y) whether …; Asked about …, X said …"""
    vs, ve = m.span()
    form = m.group().lower()
    if form not in _QUESTION_VERBS:
        return None
    ss, se = _sentence(layout, vs)
    pos = ve
    obj = _OBJECT.match(text, pos, se)
    if obj is not None and not _WH.match(text, pos, se):
        pos = obj.end()
    wh = _WH.match(text, pos, se)
    opening = (text[ss:vs].strip() in ("When", "when", "If", "if") and news or not text[ss:vs].strip()) and form == "asked"
    if wh is None and opening and news:
        wh = _TO_ASKED.match(text, pos, se)  # "Asked to describe the device, officials said …"
    if wh is None and news:
        gap = _WH_GAP.match(text, ve, min(se, ve + 80))  # "asked on Fox News who …", "asked the 2016 contender if …"
        wh = _WH.match(text, gap.end() - 1, se) if gap is not None else None
    if wh is None:
        return None
    cs = wh.start() + len(wh.group()) - len(wh.group().lstrip())
    if opening:
        # "Asked whether …, X said …": the speaker answers in the main clause
        comma = text.find(",", cs, min(se, cs + 300))
        if comma < 0:
            return None
        lo = comma + 1
        while lo < se and (text[lo] in _INLINE_SPACE or text[lo] in "\"”’'"):
            lo += 1
        sp = _lead_np(text, lo, se)
        if sp is None or not (_speaker_ok(text, sp) or _SHARE_START.match(text, sp[0], sp[1])):
            return None
        ce = comma
        conf = 0.55
    else:
        sp = _subject(text, layout, vs, ss)
        if sp is None:
            return None
        ce = _clause_end(text, cs, se)
        conf = 0.6
    cs, ce = _trim(text, cs, ce)
    if ce - cs < 6 or " " not in text[cs:ce]:
        return None
    return Attribution(_kind(text, cs, ce, quote_spans), ((cs, ce),), (cs, ce), sp, (vs, ve), conf, "indirect.question")


_BE_BEFORE = regex.compile(r"(?:is|are|was|were|be|been|being|’s|'s)(?:[^\S\n]+(?:not|also|still|widely|now|generally))?[^\S\n]+\Z")
_EXPLETIVE = regex.compile(r"(?:[Ii]t|[Tt]here)[^\S\n]+\Z")
_APPEAR_THAT = regex.compile(r"[^\S\n]*+,?[^\S\n]*+(?:though,[^\S\n]*+)?(?:that|as if|as though|like)[^\S\n]+")
# "seemed (equally) unperturbed", "seems like a comparable moment", "appeared ready to …"
_APPEAR_PREDICATE = regex.compile(
    r"[^\S\n]+(?!(?:to|on|in|at|before|with|for|from|by|as|onstage|alongside|and|or|but|that|if|the|a|an|this|his|her|their)(?![\p{L}]))"
    r"(?=\p{Ll})"
)
_APPEAR_ADJ = regex.compile(
    r"(?:(?:equally|more|less|most|very|so|too|increasingly|somewhat|rather|almost|visibly|clearly|not)[^\S\n]+)?"
    r"(?:\p{Ll}+(?:ed|able|ible|ful|ive|ous|ent|ant|less)|ready|likely|unlikely|closer|close|poised|set|open|willing|eager|"
    r"unable|able|intent|keen|happy|unhappy|upset|angry|calm|confident|sure|unsure|uneasy|nervous)(?![\p{L}])"
)
_APPEAR_COMPLEMENT = regex.compile(r"[^\S\n]+(?:(?:also|now|still|not)[^\S\n]+)?(?=to[^\S\n]+\p{Ll})")


_HEARSAY = frozenset("reportedly allegedly purportedly seemingly".split())
_AUX_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:is|are|was|were|has|have|had|will|would|could|may|might|had been|has been|have been)[^\S\n]+\Z"
)
_RELATIVE_BEFORE = regex.compile(r"(?<![\p{L}])(which|who|that)[^\S\n]+(?:(?:is|are|was|were|has|have|had)[^\S\n]+)?\Z")
_HEARSAY_NEXT = regex.compile(r"[^\S\n]+(?=[\p{Ll}$\p{N}])(?!(?:and|or|but|to|that)(?![\p{L}]))")


def _hearsay(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """X is reportedly spending …; X allegedly paid … — hearsay whose source is not named: the
    subject (with its auxiliary) and the predicate are the two parts."""
    vs, ve = m.span()
    ss, se = _sentence(layout, vs)
    if vs == ss:
        return None  # "Reportedly, …": no subject to report on
    nxt = _HEARSAY_NEXT.match(text, ve, se)
    if nxt is None:
        return None
    aux = _AUX_BEFORE.search(text, max(ss, vs - 12), vs)
    head = aux.start() if aux is not None else vs
    rel = _RELATIVE_BEFORE.search(text, max(ss, vs - 20), vs)
    if rel is not None:
        subj: Optional[Span2] = rel.span(1)
    else:
        subj = _subject_before(text, head, ss)
    if subj is None:
        return None
    first = _trim(text, subj[0], vs)
    cs, ce = _trim(text, nxt.end(), _clause_end(text, nxt.end(), se))
    if ce - cs < 6 or first[1] - first[0] < 2:
        return None
    parts = (first, (cs, ce))
    return Attribution(_parts_kind(text, parts, quote_spans), parts, (first[0], ce), None, (vs, ve), 0.5,
                       "indirect.appearance")


def _appearance(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """X seems to …; X is expected to …; it appears that … — a judgment whose holder is not named."""
    vs, ve = m.span()
    form = m.group().lower()
    ss, se = _sentence(layout, vs)
    cue_start = vs
    if form in _HEARSAY:
        return _hearsay(text, layout, m, quote_spans)
    if form == "expected":
        be = _BE_BEFORE.search(text, max(ss, vs - 30), vs)
        if be is None or not _INF.match(text, ve, se):
            return None  # "as expected", "expected results": no judgment reported
        cue_start = be.start()
    if _EXPLETIVE.search(text, max(ss, cue_start - 8), cue_start):
        that = _APPEAR_THAT.match(text, ve, se)
        if that is None:
            return None
        cs, ce = _trim(text, that.end(), _clause_end(text, that.end(), se))
        if ce - cs < 8 or " " not in text[cs:ce]:
            return None
        return Attribution(_kind(text, cs, ce, quote_spans), ((cs, ce),), (cs, ce), None, (cue_start, ve), 0.5,
                           "indirect.appearance")
    subj = _subject_before(text, cue_start, ss)
    rel = _RELATIVE_BEFORE.search(text, max(ss, cue_start - 12), cue_start)
    if rel is not None:
        subj = rel.span(1)  # "delegates who are expected to …": the relative pronoun stands for them
    b = cue_start
    while b > ss and text[b - 1] in _INLINE_SPACE:
        b -= 1
    if b > ss and text[b - 1] == ",":
        # "Hizbollah, which has lost …, seems unlikely to …": the name before the appositive
        subj = _lead_np(text, _clause_start(text, ss, cue_start), cue_start)
        if subj is None or text[subj[1]:subj[1] + 1] != ",":
            return None
    comp = _APPEAR_COMPLEMENT.match(text, ve, se)
    if comp is None and form != "expected":
        comp = _APPEAR_PREDICATE.match(text, ve, se)
        if comp is not None and not form.startswith("seem") and not _APPEAR_ADJ.match(text, comp.end(), se):
            comp = None  # "appeared on television", "appeared in court"
    if subj is None or comp is None:
        return None
    end = _clause_end(text, comp.end(), se)
    if rel is not None:
        comma = text.find(",", comp.end(), end)
        if comma >= 0:
            end = comma  # the relative clause ends at its comma
    cs, ce = _trim(text, comp.end(), end)
    if ce - cs < 6:
        return None
    parts = (subj, (cs, ce))
    return Attribution(_parts_kind(text, parts, quote_spans), parts, (subj[0], ce), None, (cue_start, ve), 0.5,
                       "indirect.appearance")


# "NAME: what they said" at the start of a paragraph: a transcript turn or a headline's source
_LABEL = regex.compile(
    r"[^\S\n]*((?:\p{Lu}[\p{L}.'’-]*|Q|A)(?:[^\S\n]+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|of)){0,3}):[^\S\n]+(?=\S)"
)
_NOT_LABEL = frozenset(
    "update updated exclusive watch breaking note editor's editor’s photo photos video source sources related read "
    "correction clarification warning caution spoiler listen transcript tags topics advertisement subscribe "
    "share follow contact email watch more also see p.s. ps latest name notice".split()
)


def _label(text: str, lab: "regex.Match[str]", pe: int, quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """NAME: … — a transcript turn (TRUMP: …, Q: …) or a headline's source (Poll: …, Sanders: …)."""
    ls, le = lab.span(1)
    label = text[ls:le]
    words = label.split()
    if words[0].lower() in _NOT_LABEL or words[-1].lower() in _NOT_LABEL:
        return None
    if label not in ("Q", "A") and not label.isupper():
        m = _mentions.describe_phrase(label)
        if not (_mentions.is_speaker_like(m) or m.kind == "document"):
            return None
        if m.kind == "unknown" or m.kind == "place":
            return None
    cs, ce = _trim(text, lab.end(), pe)
    if ce - cs < 8 or " " not in text[cs:ce]:
        return None
    conf = 0.5
    return Attribution(_kind(text, cs, ce, quote_spans), ((cs, ce),), (cs, ce), (ls, le), (le, le + 1), conf,
                       "indirect.label")


_OWNER = regex.compile(
    r"(?:(?<![\p{L}])(his|her|their|its|our|my|His|Her|Their|Its|Our|My)"
    r"|(\p{Lu}[\p{L}.-]*(?:[^\S\n]+\p{Lu}[\p{L}.-]*){0,3}|(?:the|The)[^\S\n]+\p{Ll}[\p{L}-]*)['’]s)"
    r"(?:[^\S\n]+(?:\p{Ll}[\p{Ll}-]*|\p{Lu}[\p{L}-]*)){0,2}[^\S\n]+\Z"
)
_NOMINAL_LINK = regex.compile(r"[^\S\n]+(that|to|for|of|on|about)[^\S\n]+(?=[\p{L}\p{N}\"“‘$])")
_FINITE = regex.compile(
    r"(?<![^\S\n])[^\S\n]++(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|did|does|do|drew|drawn|"
    r"came|comes|remains|remained|seems|seemed)(?![\p{L}])|,"
)


def _nominal(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """his claim that …; Trump's call for …; her plan to … — the owner of the noun is the source."""
    vs, ve = m.span()
    ss, se = _sentence(layout, vs)
    link = _NOMINAL_LINK.match(text, ve, se)  # the cheap test first: most report nouns have no link
    if link is None:
        return None
    own = _OWNER.search(text, max(ss, vs - 60), vs)
    if own is None:
        return None
    if own.group(1) is not None:
        sp = own.span(1)
    else:
        sp = own.span(2)
        if not _speaker_ok(text, sp):
            return None
    word = link.group(1)
    if word == "to" and not regex.match(r"\p{Ll}+[^\S\n]", text[link.end():link.end() + 30]):
        return None
    cs = link.start(1) if word == "to" else link.end()
    if word == "that":
        end = _clause_end(text, cs, se)
    else:
        fin = _FINITE.search(text, cs, min(se, cs + 300))
        end = fin.start() if fin is not None else se
    cs, ce = _trim(text, cs, end)
    if ce - cs < 3:
        return None
    return Attribution(_kind(text, cs, ce, quote_spans), ((cs, ce),), (cs, ce), sp, (vs, ve), 0.5, "indirect.nominal")


# "which critics say was …": a relative pronoun, a speaker, a speech verb and the rest of the relative clause
_RELATIVE = regex.compile(
    r"(?<![\p{L}])(which|what|that|who)[^\S\n]+"
    r"((?:[\p{L}\p{N}'’.-]+[^\S\n]+){1,6}?)"
    r"(" + "|".join(_cues.RELATIVE_VERBS) + r")"
    r"[^\S\n]+(?=(?:is|was|are|were|has|had|have|will|would|could|can|may|might|should|must|\p{Ll}+ed)(?![\p{L}])"
    r"|(?<=(?:which|who|what)[^\S\n].{0,60})(?:the|a|an|his|her|their|its|he|she|they|it|we|I|\p{Lu}\p{Ll}+)[^\S\n]+(?:[\p{L}'’-]+[^\S\n]+){0,3}?"
    r"(?:is|was|are|were|has|had|have|will|would|could|can|may|might|should|must)(?![\p{L}]))"
)


# every match of _RELATIVE starts with "which", "what", "who" or "that"
_RELATIVE_FIRSTS = ("wh", "that")


def _relative(text: str, layout: Layout, m: "regex.Match[str]", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """… what the senators said was gerrymandering; a decision they say allowed …"""
    ss, se = _sentence(layout, m.start())
    vs, ve = m.span(3)
    sp = _trim(text, *m.span(2))
    if not _speaker_ok(text, sp):
        return None
    head = m.span(1)
    end = _clause_end(text, m.end(), se)
    wh = _AND_WH.search(text, m.end(), end)
    if wh is not None:
        end = wh.start()  # "what X says A would do and how experts say B": a second relative of its own
    cs, ce = _trim(text, m.end(), end)
    if ce - cs < 3:
        return None
    parts = (head, (cs, ce))
    return Attribution(_parts_kind(text, parts, quote_spans), parts, (head[0], ce), sp, (vs, ve), 0.5,
                       "indirect.relative")


# "X was criticized by Y for Z", "X has been accused of Z": the one reported on is the content
_PASSIVE = regex.compile(
    r"(?<![\p{L}])(?:(?:has|have|had|will|would|could|may|might)(?:[^\S\n]++(?:not|also|still|sometimes|often|long|never|"
    r"\p{Ll}+ly)){0,2}[^\S\n]++(?:been|be)|is|are|was|were|being)(?:[^\S\n]++(?:not|also|still|widely|often|now|first|"
    r"\p{Ll}+ly)){0,2}"
    r"[^\S\n]++(" + "|".join(_cues.PASSIVE_PARTICIPLES) + r")"
    r"(?![\p{L}])"
)
_PASSIVE_LINK = regex.compile(r"[^\S\n]++(?:of|for|as|with)[^\S\n]++(?=[\p{L}\p{N}\"“‘$])")
_BY_PLAIN = regex.compile(
    r"(?:\p{Ll}+[^\S\n]+){0,2}\p{Ll}+(?=[^\S\n]+(?:for|of|as|with|over|after|in|on|at|who)(?![\p{L}])|[^\S\n]*[.,;])"
)
_BY_AGENT = regex.compile(r"[^\S\n]++by[^\S\n]++(?=\S)")


def _passive(text: str, layout: Layout, m: "regex.Match[str]", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """X was criticized by Y (for Z); X has been accused of Z: X (and Z) are the content, Y the speaker."""
    ss, se = _sentence(layout, m.start())
    vs, ve = m.start(), m.end()
    subj = _subject_before(text, vs, ss)
    if subj is None:
        return None
    word = text[subj[0]:subj[1]]
    if word.lower() in ("it", "there", "this", "that", "which", "what") or word in _TIME_WORDS:
        return None
    sp = None
    pos = ve
    by = _BY_AGENT.match(text, pos, se)
    if by is not None:
        sp = _np_after(text, by.end(), se)
        if sp is None:
            plain = _BY_PLAIN.match(text, by.end(), se)  # "by union leaders for …", "by some as …"
            sp = plain.span() if plain is not None else None
        if sp is None or not _speaker_ok(text, sp):
            return None
        pos = sp[1]
    parts = [subj]
    link = _PASSIVE_LINK.match(text, pos, se)
    if link is not None:
        cs, ce = _trim(text, link.end(), _clause_end(text, link.end(), se))
        if ce - cs >= 3:
            parts.append((cs, ce))
    if sp is None and len(parts) == 1:
        return None  # "was endorsed." alone: too little to tell a report
    return Attribution(_parts_kind(text, parts, quote_spans), tuple(parts), (subj[0], parts[-1][1]), sp,
                       (vs, ve), 0.45, "indirect.passive")


_AND_WH = regex.compile(r"(?:,|(?<![^\S\n]))[^\S\n]++(?:and|but|or)[^\S\n]++(?:how|what|why|whether|where|when)[^\S\n]")
_BE_ADJ = regex.compile(
    r"(?<![\p{L}])(?:is|are|was|were|be|been|being|am|remain|remains|remained|grew|grown|become|became|seems|seemed|feel|feels|felt|"
    r"’s|'s|’re|'re|’m|'m)(?:[^\S\n]++(?:not|very|so|too|also|still|increasingly|less|more|fully|deeply|now|quite|"
    r"particularly|especially|clearly|all|both|extremely|really)){0,2}[^\S\n]++\Z"
)
_ADJ_LINK = regex.compile(r"[^\S\n]++(?:(that|whether|if|how|what|why|who|when)|(to)|(about|of|over|with|by))[^\S\n]++(?=[\p{L}\p{N}\"“‘$])")
_IT_BE = regex.compile(r"(?<![\p{L}])(?:[Ii]t|[Tt]hat)[^\S\n]++\Z")
_IMPERSONAL = frozenset("clear unclear obvious".split())


def _adjective(text: str, layout: Layout, m: "_cues.WordMatch", quote_spans: Sequence[Span2]) -> Optional[Attribution]:
    """X is confident that …; X is eager to …; X was worried about …; it is unclear whether …"""
    vs, ve = m.span()
    ss, se = _sentence(layout, vs)
    link = _ADJ_LINK.match(text, ve, se)  # the cheap test first
    if link is None:
        return None
    be = _BE_ADJ.search(text, max(ss, vs - 60), vs)
    if be is None:
        return None
    word = m.group()
    if word in _IMPERSONAL or _IT_BE.search(text, max(ss, be.start() - 6), be.start()):
        if not (word in _IMPERSONAL and link.group(1) and _IT_BE.search(text, max(ss, be.start() - 6), be.start())):
            return None  # "the plan is clear"; "it is eager" is no report
        cs, ce = _trim(text, link.end() if link.group(1) == "that" else link.start(1), _clause_end(text, link.end(), se))
        if ce - cs < 8:
            return None
        return Attribution(_kind(text, cs, ce, quote_spans), ((cs, ce),), (cs, ce), None, (vs, ve), 0.45,
                           "indirect.adjective")
    sp = _subject(text, layout, be.start(), ss)
    if sp is None:
        return None
    if link.group(1):
        cs = link.end() if link.group(1) == "that" else link.start(1)
        end = _clause_end(text, link.end(), se)
    elif link.group(2):
        cs = link.start(2)
        end = _clause_end(text, cs, se)
    else:
        cs = link.end()
        end = _clause_end(text, cs, se)
        comma = text.find(",", cs, end)
        if comma >= 0:
            end = comma
    cs, ce = _trim(text, cs, end)
    if ce - cs < 3:
        return None
    return Attribution(_kind(text, cs, ce, quote_spans), ((cs, ce),), (cs, ce), sp, (be.start(), ve), 0.5,
                       "indirect.adjective")
