"""Stage 2: reporting cues, the verbs and phrases that introduce what someone said.

Cue words come from ``data/speech_verbs.txt`` (speech acts), ``data/tag_verbs.txt``
(dialogue tags only), ``data/belief_verbs.txt`` (belief with a clause),
``data/intention_verbs.txt`` (stance through an infinitive) and
``data/stance_verbs.txt`` (stance through a noun-phrase object) and
``data/phrasal_cues.txt`` (the same through a particle: "called for") and
``data/appearance_verbs.txt`` (judgments without a holder: "seems to"); nouns of
saying come from ``data/report_nouns.txt`` ("his claim that"), adjectives of stance from
``data/stance_adjectives.txt`` ("is confident that"). Cue words are found by one
pass over the ASCII words of a window and a look-up in the word lists' sets.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Dict, FrozenSet, Iterator, List, Optional, Tuple

from . import _lazyregex as regex

from . import _lexicons


@functools.lru_cache(maxsize=None)
def speech_forms() -> FrozenSet[str]:
    return frozenset(_lexicons.lemmas("speech_verbs"))


@functools.lru_cache(maxsize=None)
def tag_forms() -> FrozenSet[str]:
    """Every form that can tag a direct quotation (speech verbs and dialogue verbs)."""
    return speech_forms() | frozenset(_lexicons.lemmas("tag_verbs"))


@functools.lru_cache(maxsize=None)
def belief_forms() -> FrozenSet[str]:
    return frozenset(_lexicons.lemmas("belief_verbs"))


@functools.lru_cache(maxsize=None)
def intention_forms() -> FrozenSet[str]:
    """Verbs that report a stance through an infinitive ("plans to", "urged them to")."""
    return frozenset(_lexicons.lemmas("intention_verbs"))


@functools.lru_cache(maxsize=None)
def stance_forms() -> FrozenSet[str]:
    """Verbs whose object is what was said or judged ("criticized the plan")."""
    return frozenset(_lexicons.lemmas("stance_verbs"))


@functools.lru_cache(maxsize=None)
def phrasal_particles() -> Dict[str, FrozenSet[str]]:
    """Verb form -> the particles after which it reports an object ("called" -> for)."""
    out: Dict[str, FrozenSet[str]] = {}
    for row in _lexicons.rows("phrasal_cues"):
        if "|" not in row:
            continue
        i = row.index("|")
        for form in row[:i]:
            out[form] = out.get(form, frozenset()) | frozenset(row[i + 1 :])
    return out


@functools.lru_cache(maxsize=None)
def lemma_of() -> Dict[str, str]:
    out = dict(_lexicons.lemmas("belief_verbs"))
    out.update(_lexicons.lemmas("tag_verbs"))
    out.update(_lexicons.lemmas("speech_verbs"))
    return out


class WordMatch:
    """A found word, with the part of the ``re.Match`` interface the stages use."""

    __slots__ = ("_start", "_end", "_word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self._start = start
        self._end = end
        self._word = word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> Tuple[int, int]:
        return (self._start, self._end)

    def group(self) -> str:
        return self._word


# One pass of a plain-letter pattern plus a set look-up is some thirty times faster than
# an alternation of a few hundred verbs (measured on a novel), and linear in any input.
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_JOINERS = frozenset("'’-")
_GROUP = re.Match.group


def _with_capitals(forms: FrozenSet[str]) -> FrozenSet[str]:
    return forms | frozenset(f[0].upper() + f[1:] for f in forms)


@functools.lru_cache(maxsize=None)
def _tag_set() -> FrozenSet[str]:
    return _with_capitals(tag_forms())


@functools.lru_cache(maxsize=None)
def _speech_set() -> FrozenSet[str]:
    return _with_capitals(speech_forms() | belief_forms())


@functools.lru_cache(maxsize=None)
def _runs(shortest: int) -> "re.Pattern[str]":
    """The ``_ASCII_WORD`` runs of at least ``shortest`` letters (the scanner reaches a run's
    first letter first, so a match is a whole run): the only runs that can be a word of a
    set whose words are that long, without a string made for each shorter one ("a", "he")."""
    return re.compile("[A-Za-z]{%d,}" % shortest)


@functools.lru_cache(maxsize=64)
def _runs_for(forms: FrozenSet[str]) -> "re.Pattern[str]":
    return _runs(max(1, min(map(len, forms), default=1)))


def _whole(text: str, s: int, e: int) -> bool:
    """The letters ``text[s:e]`` are a whole word: no letter, apostrophe or hyphen touches
    them, though a dash of two hyphens joins no word ("he exclaimed--")."""
    if s > 0 and (text[s - 1].isalpha() or text[s - 1] in _JOINERS) and text[max(s - 2, 0) : s] != "--":
        return False
    return not (e < len(text) and (text[e].isalpha() or text[e] in _JOINERS) and text[e : e + 2] != "--")


def _words(text: str, lo: int, hi: int, forms: FrozenSet[str]) -> Iterator[WordMatch]:
    runs = _runs_for(forms)
    if hi - lo < 400 and forms.isdisjoint(runs.findall(text, lo, hi)):
        return  # most windows hold no cue word: one C pass and a set look-up tell
    # the set look-up for every word runs in C (map, compress); Python sees only the hits
    found, words = itertools.tee(runs.finditer(text, lo, hi))
    for m in itertools.compress(found, map(forms.__contains__, map(_GROUP, words))):
        word = m.group()
        s, e = m.span()
        if _whole(text, s, e):
            yield WordMatch(s, e, word)


def tag_verbs(text: str, lo: int = 0, hi: Optional[int] = None) -> Iterator[WordMatch]:
    """Every tag verb (speech or dialogue verb) as a whole word in ``text[lo:hi]``."""
    return _words(text, lo, len(text) if hi is None else hi, _tag_set())


def speech_verbs(text: str, lo: int = 0, hi: Optional[int] = None) -> Iterator[WordMatch]:
    """Every speech or belief verb as a whole word in ``text[lo:hi]``."""
    return _words(text, lo, len(text) if hi is None else hi, _speech_set())


@functools.lru_cache(maxsize=None)
def _reported_set() -> FrozenSet[str]:
    return _with_capitals(intention_forms() | stance_forms() | frozenset(phrasal_particles()))


@functools.lru_cache(maxsize=None)
def _appearance_set() -> FrozenSet[str]:
    return _with_capitals(frozenset(_lexicons.lemmas("appearance_verbs")))


@functools.lru_cache(maxsize=None)
def _report_noun_set() -> FrozenSet[str]:
    return _lexicons.words("report_nouns")


Words = List[WordMatch]

# The verb of a relative report ("which critics say was …") and the participle of a
# passive judgment ("was criticized by …"): the rules for them (``_indirect``) look only
# at the lines where one of these words stands.
RELATIVE_VERBS = (
    "say says said believe believes believed claim claims claimed argue argues argued contend contends allege "
    "alleges alleged think thinks thought insist insists insisted feel feels felt hope hopes hoped fear fears "
    "feared".split()
)
PASSIVE_PARTICIPLES = (
    "criticized criticised accused charged echoed endorsed supported attacked challenged blamed labeled labelled "
    "praised condemned denounced mocked slammed blasted derided ridiculed dubbed branded decried lambasted".split()
)


def reporting_words(text: str) -> Tuple[Words, Words, Words, Words, Words, List[int], List[int]]:
    """In one pass over ``text``: the speech or belief verbs, the intention, stance and phrasal
    verbs, the report nouns, the appearance verbs and the stance adjectives (a word may be in
    several); then where one of ``RELATIVE_VERBS`` and where one of ``PASSIVE_PARTICIPLES``
    stands as a run of ASCII letters, whatever is next to it (so wherever their patterns in
    ``_indirect`` can match one)."""
    sets = (_speech_set(), _reported_set(), _report_noun_set(), _appearance_set(), _adjective_set())
    out: Tuple[Words, Words, Words, Words, Words] = ([], [], [], [], [])
    relative_at: List[int] = []
    passive_at: List[int] = []
    relative, passive = _relative_set(), _passive_set()
    found, words = itertools.tee(_runs_for(_scan_set()).finditer(text))
    for m in itertools.compress(found, map(_scan_set().__contains__, map(_GROUP, words))):
        word = m.group()
        s, e = m.span()
        if word in relative:
            relative_at.append(s)
        elif word in passive:
            passive_at.append(s)
        if not _whole(text, s, e):
            continue
        w = WordMatch(s, e, word)
        for got, forms in zip(out, sets):
            if word in forms:
                got.append(w)
    return out + (relative_at, passive_at)


@functools.lru_cache(maxsize=None)
def _relative_set() -> FrozenSet[str]:
    return frozenset(RELATIVE_VERBS)


@functools.lru_cache(maxsize=None)
def _passive_set() -> FrozenSet[str]:
    return frozenset(PASSIVE_PARTICIPLES)


@functools.lru_cache(maxsize=None)
def _scan_set() -> FrozenSet[str]:
    return _every_set() | _relative_set() | _passive_set()


@functools.lru_cache(maxsize=None)
def _adjective_set() -> FrozenSet[str]:
    return _lexicons.words("stance_adjectives")


@functools.lru_cache(maxsize=None)
def _every_set() -> FrozenSet[str]:
    return _speech_set() | _reported_set() | _report_noun_set() | _appearance_set() | _adjective_set()


def tag_verb_at(text: str, pos: int, hi: int) -> Optional[WordMatch]:
    """A tag verb starting exactly at ``pos``."""
    m = _ASCII_WORD.match(text, pos, hi)
    if m is None:
        return None
    word = m.group()  # the window is this one word: _words(text, pos, m.end(), _tag_set()) in short
    if word not in _tag_set():
        return None
    e = m.end()
    return WordMatch(pos, e, word) if _whole(text, pos, e) else None


# Forms that are common nouns too ("the report", "his claims"): a verb only when no
# determiner, possessive or name stands right before them.
NOUN_FORMS = frozenset(
    "report reports claim claims comment comments note notes post posts tweet tweets call calls order orders "
    "charge charges protest protests promise promises estimate estimates demand demands pledge pledges vow "
    "vows threat threats answer answers reply replies response statement state states signal signals record "
    "plea pleas concern concerns warning warnings suggestion find finds show shows fear fears doubt doubts "
    "hope hopes feel counter boast boasts joke jokes complaint remark remarks talk talks order praise".split()
)

# the days of the week, as a regex alternation: "said Monday", "on Tuesday"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
ACCORDING_TO = regex.compile(r"(?<![\p{L}])[Aa]ccording to(?![\p{L}])")
# a coordinated second report of the same sentence: "…, and insisted", " but also told"
AND_SAID = regex.compile(
    r"(?:,[^\S\n]*)?[^\S\n](?:and|but)[^\S\n]+(?:also[^\S\n]+)?"
    r"(?:said|says|told|tells|added|argued|warned|noted|insisted|claimed)(?![\p{L}])"
)
