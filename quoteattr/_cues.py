"""Stage 2: reporting cues, the verbs and phrases that introduce what someone said.

Cue words come from ``data/speech_verbs.txt`` (speech acts), ``data/tag_verbs.txt``
(dialogue tags only) and ``data/belief_verbs.txt`` (belief with a clause). The
patterns are compiled once, from the word lists, as alternations of literal words.
"""

from __future__ import annotations

import functools
from typing import Dict, FrozenSet

import regex

from . import _lexicons


def _alternation(forms: FrozenSet[str]) -> str:
    return "|".join(regex.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))


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
def lemma_of() -> Dict[str, str]:
    out = dict(_lexicons.lemmas("belief_verbs"))
    out.update(_lexicons.lemmas("tag_verbs"))
    out.update(_lexicons.lemmas("speech_verbs"))
    return out


@functools.lru_cache(maxsize=None)
def tag_verb_pattern() -> "regex.Pattern[str]":
    """A tag verb as a whole word (case-insensitive for the first letter only)."""
    forms = set(tag_forms())
    forms |= {f[0].upper() + f[1:] for f in forms}
    return regex.compile(r"(?<![\p{L}'’-])(?:" + _alternation(frozenset(forms)) + r")(?![\p{L}'’-])")


@functools.lru_cache(maxsize=None)
def speech_verb_pattern() -> "regex.Pattern[str]":
    """A speech or belief verb as a whole word, for finding reported speech in running text."""
    forms = set(speech_forms()) | set(belief_forms())
    forms |= {f[0].upper() + f[1:] for f in forms}
    return regex.compile(r"(?<![\p{L}'’-])(?:" + _alternation(frozenset(forms)) + r")(?![\p{L}'’-])")


# Forms that are common nouns too ("the report", "his claims"): a verb only when no
# determiner, possessive or name stands right before them.
NOUN_FORMS = frozenset(
    "report reports claim claims comment comments note notes post posts tweet tweets call calls order orders "
    "charge charges protest protests promise promises estimate estimates demand demands pledge pledges vow "
    "vows threat threats answer answers reply replies response statement state states signal signals record "
    "plea pleas concern concerns warning warnings suggestion find finds show shows fear fears doubt doubts "
    "hope hopes feel counter boast boasts joke jokes complaint remark remarks talk talks order praise".split()
)

ACCORDING_TO = regex.compile(r"(?<![\p{L}])[Aa]ccording to(?![\p{L}])")
