"""Stage 4b (fiction): speakers of dialogue turns that carry no speech tag.

In novels most quotations have no speech verb. After the tag rules of
``_attribution`` have run, the quotations still without a speaker are settled here,
from the most to the least certain:

- ``fiction.same-turn``: another quotation of the same paragraph is tagged: same speaker
  (unless a clause leading in to the quotation tags someone else: “…,” said Ann, and Tom
  answered, after a pause, “…” is Tom's, a ``direct.tag-before``; one that addresses the
  tagged speaker, “…,” said Ann. “Nonsense, Ann!”, is another's answer: ``fiction.reply``);
  also an untagged one with only a beat of 'he'/'she' between them (“…” He frowned. “…”).
- ``fiction.beat``: the paragraph's own narration names someone ("Mara set down the
  lantern."; "She shook her head."): its first subject is the speaker. A subject only
  after the quotation (“…” She shook her head.) is as often the listener: the
  alternation and vocatives below go first there. A subject "the former" or "the
  latter" is the first or the second of the two people named before it in its
  sentence ("which Ann thought certain, and Miss Bell doubted; the former went on").
- ``fiction.vocative``: the turn before addressed someone by name (“…, Tobias.”): that
  person answers.
- ``fiction.alternation``: in a run of dialogue paragraphs, speakers alternate; an
  untagged turn has the speaker of the turn two before it (or two after it).
- ``fiction.reply``: the answer to a run's first turn goes to the other person present.
- ``fiction.goes-on``: an untagged turn after a narration paragraph that only says
  someone keeps silent (“…?” | Tom made no answer. | “…”) is the turn before it going
  on: same speaker, and the run's alternation goes on across the silence. So is an
  untagged turn right after one whose tag goes on to say its speaker takes up a story
  (“…!” Tom broke in, and took up the tale. | “…”).
- ``fiction.nearest``: a run's first turn with none of the above: the person most
  present in the text just before it (the resolver picks it; see ``_resolution``).
  The resolver uses the same fallback for any turn whose chain of alternation ends
  without a speaker.

A pronoun tag inside a run ("said he") is also pointed at the speaker two turns back,
which the resolver prefers when the gender agrees. First-person tags ("I said") need
no rule here: the resolver makes "I" outside quotations the narrator.

A new paragraph is a new turn (but a quotation left open at a paragraph's end goes on
in the next: one turn, ending where it closes); a narration paragraph between two
turns breaks the run (but for one that only says someone keeps silent). Records keep their offsets; sources are resolved later (``_resolution``).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Callable, Dict, FrozenSet, Iterator, List, Optional, Sequence, Tuple

import attrs
from . import _lazyregex as regex

from . import _cues, _letters, _lexicons, _mentions
from . import _attribution
from ._attribution import Attribution, Span2
from ._layout import Layout

_UNSETTLED = ("direct.unattributed", "direct.continuation", "direct.context")
_LEAD_IN_CONFIDENCE = 0.85  # a tag before the quotation found after the paragraph's first (``_other_lead_in``)
# each rule's confidence: the share of its speakers that were right (by name) on the
# three fiction dev corpora when it was last measured, rounded down to 0.05 (docs/rules.md)
_CONFIDENCE = {"fiction.same-turn": 0.9, "fiction.vocative": 0.85, "fiction.alternation": 0.8,
               "fiction.beat": 0.75, "fiction.reply": 0.6, "fiction.nearest": 0.55,
               "fiction.goes-on": 0.75}
# A name addressed at the start of a quotation (“Jane, …”) or set off by a comma (“…, Jane.”)
_HON = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Master|Aunt|Uncle|Captain|Colonel|Madam)\.?[^\S\n]+)?"
# an endearment before the name: “My dear Harriet, …”, “…, dearest Jane.”
_ENDEARMENT = r"(?:(?:[Mm]y[^\S\n]+)?(?:[Dd]ear(?:est)?|[Ss]weet)[^\S\n]+)?"
# the words a child calls a parent by (“Father, …”, “…, Mamma?”): a vocative though not a name
PARENT_VOCATIVES = {"father": "m", "papa": "m", "pa": "m", "mother": "f", "mamma": "f", "mama": "f", "ma": "f"}
# a parent addressed in lower case after a comma: “Yes, father.”, “…, my dear mother?”
# an aunt or uncle addressed so (“I don't know, aunt.”): the one the text names "Aunt …" or "Uncle …"
KIN_VOCATIVES = {"aunt": "f", "auntie": "f", "aunty": "f", "uncle": "m"}
_PARENT_INSIDE = regex.compile(r",[^\S\n]+(?:my[^\S\n]+)?(?:dear(?:est)?[^\S\n]+)?(?P<whole>(?P<name>father|mother|papa|mamma|mama|ma|pa"
                               r"|aunt|auntie|aunty|uncle))"
                               r"(?=[^\S\n]*(?:[,.!?;\N{EM DASH}]|--))")
_VOCATIVE_TAIL = 200  # characters of a turn after a name addressed, beyond which the name settles no reply
# a given name and a patronymic addressed together (“Well, Ivan Ivanitch, …”, “…, Anna
# Petrovna?”): one person called the way Russian speech calls people; other full names
# after a comma are more often spoken of than to (“…, for example, Tom Pell.”)
_FAMILY = r"(?:[^\S\n]+\p{Lu}[\p{Ll}'’\-]+)?"
_PATRONYMIC = regex.compile(r"(?:[ei]?[vt]?itch|[oe]vich|[oe]vna|[ie]chna|ishna)\Z")
_VOCATIVE_START = regex.compile(_ENDEARMENT + r"(?P<whole>" + _HON + r"(?P<name>\p{Lu}(?:[\p{Ll}'’\-]+|\p{Lu}+(?=[^\S\n]*,)))" + _FAMILY + r")(?=[^\S\n]*(?:[,!\N{EM DASH}]|--))")
_VOCATIVE_INSIDE = regex.compile(
    r",(?:[^\S\n]++|[^\S\n]*+\n[^\S\n]*+)" + _ENDEARMENT + r"(?P<whole>" + _HON + r"(?P<name>\p{Lu}[\p{Ll}'’\-]+)" + _FAMILY + r")(?=[^\S\n]*(?:[,.!?;\N{EM DASH}]|--))"
)
# a name opening a later sentence of the quotation and set off by a comma or an
# exclamation (“Red it was! Harry!”, “Oh! Miss Ellen, my …”, “I will. Tom, you …”)
_VOCATIVE_SENTENCE = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|St|Messrs|Mme|Mlle|Jr|Sr|\p{Lu}))[.!?][\"'”’]?[^\S\n]+" + _ENDEARMENT + r"(?P<whole>" + _HON + r"(?P<name>\p{Lu}[\p{Ll}'’\-]+)" + _FAMILY
    + r")(?=[^\S\n]*(?:[,!?\N{EM DASH}]|--))"
)
# a name the speaker turns to in mid-speech after a dash, a stop or a semicolon and
# "and"/"but"/"now", set off by a comma, its clause a question or an exclamation (“Good
# lad!—and Kit, what have you been about?”): the one who answers next
_VOCATIVE_TURNING = regex.compile(
    r"(?:[.!?;:]|--|\N{EM DASH})[^\S\n]*(?:[Aa]nd|[Bb]ut|[Nn]ow)[^\S\n]+" + _ENDEARMENT + r"(?P<whole>" + _HON
    + r"(?P<name>\p{Lu}[\p{Ll}'’\-]+))[^\S\n]*,(?![^\S\n]*(?:who|whom|whose|which|that|too|also|I|he|she|they)(?![\p{L}]))"
    r"[^.!?;\n\"“”‘’]{1,80}[?!]"
)


def _narration(text: str, start: int, end: int, quotes: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """The stretches of ``[start, end)`` outside the given quotation spans."""
    out: List[Tuple[int, int]] = []
    pos = start
    for qs, qe in quotes:
        if qs > pos:
            out.append((pos, qs))
        pos = max(pos, qe)
    if pos < end:
        out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip(" \t\n\r,.;:!?-—–\"'“”‘’")]


def _ended_by(stretches: Sequence[Tuple[int, int]], pos: int) -> int:
    """How many of a paragraph's narration stretches (sorted, apart) end at or before ``pos``."""
    k = bisect.bisect_left(stretches, (pos,))  # the ones starting before it …
    return k - 1 if k and stretches[k - 1][1] > pos else k  # … but for one running over it


def _first_subject(text: str, stretches: Sequence[Tuple[int, int]], names: FrozenSet[str]) -> Optional[Span2]:
    """The first person-like clause subject of a paragraph's narration."""
    for s, e in stretches:
        for cs in clause_starts(text, s, e):
            sp = clause_subject(text, cs, e, names)
            if sp is not None:
                return sp
    return None


def _beat_subject(text: str, stretches: List[Tuple[int, int]], names: FrozenSet[str],
                  before: int, first: Callable[[], Optional[Span2]]) -> Optional[Span2]:
    """The person-like subject at the start of a narration clause: the last one of the
    narration right before the quotation at ``before`` ("Jane sewed. Then Nell stood
    up. “…”" is Nell's), else the first one of the paragraph (``first()``, found once
    per paragraph), one after the quotation only if no narration comes before it (“…”
    Nell smiled.)."""
    k = _ended_by(stretches, before)
    if k and not text[stretches[k - 1][1] : before].strip(_MARKS_AND_SPACE):
        ls, le = stretches[k - 1]
        found: Optional[Span2] = None
        for cs in clause_starts(text, ls, le):
            sp = clause_subject(text, cs, le, names)
            if sp is not None:
                found = sp
        picked = _former_or_latter(text, ls, le, found)
        if picked is not None:
            return picked  # "Ann hoped and Jane doubted; the former went on, “…”": Ann
        if found is not None:
            return found
    sp = first()
    if sp is not None and k and sp[0] > before:
        return None  # "The fire was low. “…” Nell yawned.": Nell may be the one who listens
    return sp


def _pronoun_beat_between(text: str, stretches: List[Tuple[int, int]], names: FrozenSet[str],
                          out: Sequence[Attribution], idxs: Sequence[int], k: int,
                          sp: Optional[Span2]) -> Optional[int]:
    """The record of the quotation before record ``idxs[k]`` in its paragraph, when only
    narration whose clause subjects are all 'he' or 'she' (``sp``, the beat subject
    before it, among them) stands between the two (“…” He frowned. “…”); else None."""
    if sp is None or text[sp[0] : sp[1]].lower() not in ("he", "she"):
        return None
    if k == 0:
        return None
    j = idxs[k - 1]
    lo, hi = out[j].span[1], out[idxs[k]].span[0]
    if not lo <= sp[0] < hi:
        return None
    for s, e in stretches[max(0, _ended_by(stretches, lo) - 1) : _ended_by(stretches, hi) + 1]:
        if e <= lo or s >= hi:
            continue
        for cs in clause_starts(text, max(s, lo), min(e, hi)):
            sub = clause_subject(text, cs, min(e, hi), names)
            if sub is not None and text[sub[0] : sub[1]].lower() not in ("he", "she"):
                return None  # “…” He turned to her, and Ann laughed. “…”: someone named
    return j


# a clause whose subject is "the former" or "the latter" (then a word in lower case: its verb)
_FORMER_LATTER = regex.compile(r"(?<![\p{L}])[Tt]he[^\S\n]+(?P<which>former|latter)[^\S\n]+\p{Ll}")
_PAIR_NAMES_BACK = 300  # characters before "the former" looked at for the two people it picks from


def _former_or_latter(text: str, lo: int, hi: int, found: Optional[Span2]) -> Optional[Span2]:
    """The name "the former" or "the latter" picks, when it is the subject of the last
    clause of the narration ``[lo, hi)`` (after ``found``, the last subject otherwise
    seen): the first or the second of the last two people named before it in its sentence
    ("which Ann thought certain, and Miss Bell could not deny; the former went on")."""
    f = None
    for f in _FORMER_LATTER.finditer(text, max(lo, hi - _PAIR_NAMES_BACK), hi):
        pass
    if f is None or (found is not None and found[0] > f.start()):
        return None
    start = sentence_start(text, f.start(), max(lo, f.start() - _PAIR_NAMES_BACK))
    people: List[Span2] = []
    for s, e in _mentions.scan_names(text[start : f.start()]):
        m = _mentions.describe(text, s + start, e + start)
        if m.form == "name" and m.kind == "person" and not m.plural:
            if not people or text[people[-1][0] : people[-1][1]].split() != text[s + start : e + start].split():
                people.append((s + start, e + start))
    if len(people) < 2:
        return None
    return people[-2] if f.group("which") == "former" else people[-1]


def clause_starts(text: str, lo: int, hi: int) -> Iterator[int]:
    """Where the clauses of ``text[lo:hi]`` start (after a sentence end, a colon or
    dash, a line start or ", and"), past their leading spaces and marks; a line start
    that is only a wrap inside a sentence is none."""
    for m in _clause_start_matches(text, lo, hi):
        if not _wrap_inside_sentence(text, m.start()) and not _after_abbreviation(text, m.start()):
            yield m.end()


def clause_start_spans(text: str, lo: int, hi: int) -> List[Span2]:
    """``clause_starts`` as a list, each start with where its match begins (before the
    leading spaces). For ``0 <= lo <= lo2 <= hi <= len(text)``, ``clause_starts(text,
    lo2, hi)`` is the starts of the spans here that begin at ``lo2`` or after: a match
    begins only right after a mark, a line break or a word, never inside the spaces
    another one takes, so a later ``lo`` only drops the first ones (tested)."""
    return [m.span() for m in _clause_start_matches(text, lo, hi)
            if not _wrap_inside_sentence(text, m.start()) and not _after_abbreviation(text, m.start())]


def sentence_start(text: str, pos: int, lo: int) -> int:
    """Where the sentence holding ``pos`` starts: just after the last ".", "!" or "?"
    before it that is no abbreviation's ("Mrs."), looked for back to ``lo`` at most."""
    for k in range(pos - 1, lo - 1, -1):
        if text[k] in ".!?" and not (text[k] == "." and _after_abbreviation(text, k + 1)):
            return k + 1
    return lo


def _after_abbreviation(text: str, pos: int) -> bool:
    """``pos`` follows the full stop of an abbreviation ("Mrs. Hale", "St. Clare"): no
    clause starts there. Looks back at most a few characters."""
    if pos == 0 or text[pos - 1] != ".":
        return False
    a = pos - 1
    while a > 0 and pos - a <= 6 and text[a - 1].isalpha():
        a -= 1
    return a < pos - 1 and text[a : pos - 1] in _mentions.abbreviations()


_CONNECTIVE = regex.compile(r"(?:Then|And|But|So|Now|Still|Yet|Presently|Suddenly|Meanwhile|At last|At once|At length"
                            r"|At first|Again|Once more|Soon|After a (?:moment|pause|while|time)|In a moment)"
                            r",?[^\S\n]+")
_AND_AFTER_SEMICOLON = regex.compile(r"(?:and|but)(?:[^\S\n]+even)?[^\S\n]+(?=\p{Lu})")
_SUBJECT_PRONOUNS = frozenset(("he", "she", "i", "they", "we"))
# subjects that are no one person: none of them is a turn's speaker or a pronoun's referent
_NO_ONE_IN_PARTICULAR = frozenset(("nobody", "no one", "no-one", "none", "everybody", "everyone", "anybody", "anyone"))
_MARKS_AND_SPACE = " \t\n\r\"'“”‘’"
# a speaker's own part as a clause's subject: "his face", "her grave eyes" (one word
# before the noun at most, as the resolver reads it)
_OWN_PART_SUBJECT = regex.compile(r"(?:[Hh]is|[Hh]er)[^\S\n]+(\p{Ll}+)(?:[^\S\n]+(\p{Ll}+))?")


def _part_after(text: str, stretches: Sequence[Tuple[int, int]], end: int) -> Optional[Span2]:
    """A part of a speaker as the subject opening the narration right after the
    quotation ending at ``end`` (“Yes?” Her grave eyes met his.): its span (``_own_part``)."""
    k = bisect.bisect_left(stretches, (end,))
    if k >= len(stretches) or text[end : stretches[k][0]].strip(_MARKS_AND_SPACE):
        return None
    p, e = stretches[k]
    while p < e and text[p] in _MARKS_AND_SPACE:
        p += 1
    return _own_part(text, p, e) if p < e else None


def _own_part(text: str, start: int, end: int) -> Optional[Span2]:
    """"His face", "her grave eyes" at ``start``: a part of the speaker (a noun of
    ``data/utterance_owners.txt``) as a clause's subject; the phrase's span."""
    m = _OWN_PART_SUBJECT.match(text, start, min(end, start + 40))
    if m is None:
        return None
    owners = _lexicons.words("utterance_owners")
    if m.group(1) in owners:
        return (start, m.end(1))
    if m.group(2) is not None and m.group(2) in owners:
        return (start, m.end(2))
    return None


_VOICE_OF = regex.compile(r"(?:(?:[Tt]he|[Aa])[^\S\n]+)?(?:\p{Ll}+[^\S\n]+)?(?:voice|cry|shout|tones?)[^\S\n]+of[^\S\n]+"
                          r"(?=\p{Lu})")

# characters a pattern with a word it must hold ("of", "voice") is matched over: the regex
# module looks for that word first, through all the text it is given
_NEAR = 200
# an inverted clause of a voice heard ("came Tom's voice", "Then came the voice of Mr. Pell")
_CAME = regex.compile(r"(?:[Tt]hen[^\S\n]+)?(?:[Tt]here[^\S\n]+)?[Cc]ame[^\S\n]+(?=\p{Lu}|(?:the|a)[^\S\n])")
# a possessive before "voice" ("The Vicar's voice", "Tom s voice", its apostrophe lost,
# "Tom's low voice"): where the owner's name ends
_POSSESSED_VOICE = regex.compile(r"(?<=\p{L})(?:['’]|[^\S\n])s[^\S\n]+(?:\p{Ll}+[^\S\n]+)?voice(?![\p{L}])")
_VOICE_REACH = 24  # characters after a subject's noun phrase looked at for its "'s voice"

# fiction: "he heard Tom's voice", "she recognised the old man's voice": the owner of the voice
_HEARD_VOICE = regex.compile(
    r"[^\S\n]+(?:heard|recogni[sz]ed|caught)[^\S\n]+(?P<who>(?:(?:Mr|Mrs|Miss|Dr)\.?[^\S\n]+)?\p{Lu}\p{Ll}+"
    r"(?:[^\S\n]+\p{Lu}\p{Ll}+)?|the[^\S\n]+(?:\p{Ll}+[^\S\n]+)?\p{Ll}+)['’]s[^\S\n]+(?:\p{Ll}+[^\S\n]+)?voice(?![\p{L}])")


_LOST_APOSTROPHE = regex.compile(r"(?:[^\S\n]|[`´‘])s[^\S\n]+\p{Ll}")
# the same, its "s" ending a line ("Tom s⏎hat"): read so only for a beat's subject
_LOST_APOSTROPHE_WRAP = regex.compile(r"(?:[^\S\n]|[`´‘])s[^\S\n]*\n[^\S\n]*\p{Ll}")


def possessive_s(text: str, end: int) -> bool:
    """A name ending at ``end`` is followed by a possessive whose apostrophe the text
    lost ("Margaret s face"): a lone "s" before a word in lower case; or written with a
    backtick, an acute accent or an opening single quote for its apostrophe ("Margaret`s
    face", "Margaret´s face", "Margaret‘s face"), marks no name's words take."""
    return _LOST_APOSTROPHE.match(text, end, end + 4) is not None


_NAME_JOINS = frozenset("de da di du del della der den van von la le of y".split())
_FIRST_WORDS = regex.compile(r"\S+")


def _subject_name_only(text: str, sp: Span2) -> Span2:
    """A clause subject read as "Tom bent towards Nell" or "The Colonel leaned across"
    (lower-case words after a name, as "Chief executive Dana Brooks" after a verb may
    have) ends with its name: "Tom", "The Colonel"."""
    words = list(_FIRST_WORDS.finditer(text, sp[0], sp[1]))
    if len(words) < 3:
        return sp
    dets = _lexicons.first_field("determiners")
    end = -1  # the end of the name so far
    for n, w in enumerate(words):
        word = w.group()
        if word[:1].isupper() and not (n == 0 and word.lower() in dets):
            end = w.end()
        elif word in _NAME_JOINS or (n == 0 and word.lower() in dets):
            continue
        elif end < 0:
            return sp  # "The elder lady", "A classmate named Tom Snyder": a description
        else:
            return (sp[0], end)  # a lower-case word that joins no name: the clause's verb
    return sp


def clause_subject(text: str, start: int, end: int, names: FrozenSet[str]) -> Optional[Span2]:
    """The person-like noun phrase a clause starts with, if any."""
    pron = _mentions.PRONOUNS
    came = _CAME.match(text, start, end)
    if came is not None:
        start = came.end()  # "came Tom's voice", "then came the voice of Mr. Pell": the voice
    voice = _VOICE_OF.match(text, start, min(end, start + _NEAR))
    if voice is not None:
        start = voice.end()  # "the voice of Mr. Heelas, bellowing": whose voice it is
    sp = _mentions.np_after(text, start, end)
    owner = None
    if sp is not None:
        owner = _POSSESSED_VOICE.search(text, sp[0] + 1, min(end, sp[1] + _VOICE_REACH))
        if owner is not None and sp[0] < owner.start() <= sp[1]:
            sp = (sp[0], owner.start())  # "The Vicar's voice rose", "Tom s voice": the voice's owner speaks
        else:
            owner = None
    if came is not None and owner is None:
        return None  # "came a knock", "came the answer": no one person
    if sp is None:
        lead = _CONNECTIVE.match(text, start, end)  # "Then Nell stood up."
        if lead is None and start > 0 and text[start - 1 : start] in " \t" and ";" in text[max(0, start - 3) : start]:
            lead = _AND_AFTER_SEMICOLON.match(text, start, end)  # "…; and even Nell was tired"
        sp = _mentions.np_after(text, lead.end(), end) if lead else None
    if sp is None:
        return None
    sp = _subject_name_only(text, sp)
    heard = _HEARD_VOICE.match(text, sp[1], min(end, sp[1] + _NEAR))
    if heard is not None:
        sp = heard.span("who")  # “…!” he heard Tom's voice below: Tom speaks, not the one who hears
    lw = text[sp[0] : sp[1]].lower()
    if lw in _NO_ONE_IN_PARTICULAR:
        return None  # "Nobody was listening.", "Everyone laughed.": no one person
    if lw in pron:
        return sp if pron[lw][1] in ("m", "f") or lw == "i" else None
    desc = _mentions.describe(text, sp[0], sp[1])
    if desc.form == "name" and desc.kind == "person" and not desc.title:
        first = text[sp[0] : sp[1]].split()[0]
        # "Presently she began": a word right before a subject pronoun opens the clause
        rest = _mentions.np_after(text, sp[0] + len(first), end) if sp[1] == sp[0] + len(first) else None
        lr = text[rest[0] : rest[1]].lower() if rest is not None else ""
        if rest is not None and lr in _SUBJECT_PRONOUNS:
            return rest if lr not in ("they", "we") else None
        if (sp[1] == sp[0] + len(first) and len(first) >= 6 and first.endswith("ly") and text.startswith(",", sp[1])
                and first not in _lexicons.mapping("first_names")):
            return None  # "Happily, the door held": an adverb opening the clause
        if not _mentions.plain_word_as_name(text, first):
            return None  # "Thus Slackbridge;", "Yes, it was": a capitalised common word, not a name
    if desc.form == "name" and desc.kind == "person" and _mentions.is_known_name(text, desc, names):
        if owner is None and (possessive_s(text, sp[1]) or _LOST_APOSTROPHE_WRAP.match(text, sp[1], sp[1] + 8)):
            return None  # "Margaret s face flushed", "Tom s⏎hat lay there": not Margaret, not Tom
        return sp
    if desc.form == "description" and desc.kind == "person":
        if text[sp[0]].isupper() and lw.split()[0] not in _lexicons.first_field("determiners") \
                and (desc.head.endswith("men") or (desc.head.endswith("s") and not desc.head.endswith("ss"))):
            return None  # "Women were screaming": people in general, not a speaker
        return sp
    return None


def _wrap_inside_sentence(text: str, pos: int) -> bool:
    """A line start at ``pos`` that is only a wrap inside a sentence ("…, looking at⏎Mary"):
    the line before does not end a clause. (Stretches never span a paragraph break.)"""
    if pos == 0 or text[pos - 1] != "\n":
        return False
    b = pos - 2
    while b >= 0 and text[b] in " \t\r":
        b -= 1
    if b >= 0 and text[b] == "." and _after_title(text, b + 1):
        return True  # "But Mrs.⏎Pell smiled": a title ends the line, its name starts the next
    return b >= 0 and text[b] not in ".!?;:\N{EM DASH}\"'”’\n"


# the abbreviated titles written before a name ("Mrs.", "Dr."), which end no sentence
_NAME_TITLES = frozenset("Mr Mrs Ms Dr Prof Rev Messrs Mme Mlle Capt Col Gen Lt Sgt Maj Adm Supt Insp".split())


def _after_title(text: str, pos: int) -> bool:
    """``pos`` follows the full stop of an abbreviated title ("Mrs.", "Dr."): a name goes
    on after it. Looks back at most a few characters."""
    a = pos - 1
    while a > 0 and pos - a <= 7 and text[a - 1].isalpha():
        a -= 1
    return text[a : pos - 1] in _NAME_TITLES and (a == 0 or not text[a - 1].isalnum())


_CLAUSE_START = regex.compile(r"(?:^|(?<=[.!?;:\N{EM DASH}][\"'”’]?)|(?<=[,\"”][^\S\n]*(?:and|but|then|while|as|when)))[^\S\n\"'“”‘’(]*", regex.MULTILINE)
# Where a _CLAUSE_START match may start: after one of its marks or a newline (its
# "^"), or a mark and then a quotation mark, or "and", "but", … after a space or a comma
# (``re``'s ``\s`` takes every space ``regex``'s does). Found in one C pass (``re``: no
# lookbehind tried at every place of the stretch).
_CLAUSE_CUE = re.compile("[.!?;:\N{EM DASH}\n]|[\\s,\"\N{RIGHT DOUBLE QUOTATION MARK}](?:and|but|then|while|as|when)")
_QUOTE_AFTER = frozenset("\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}")


def _clause_start_matches(text: str, lo: int, hi: int) -> "Iterator[regex.Match[str]]":
    """``_CLAUSE_START.finditer(text, lo, hi)``: the pattern is matched only at the places
    where it may start (``_CLAUSE_CUE``, a superset), in text order, each from where the
    last match ended. The same matches; the pattern's lookbehinds are not tried at every
    place of the stretch."""
    n = len(text)
    if not 0 <= lo <= hi <= n:
        yield from _CLAUSE_START.finditer(text, lo, hi)  # bounds as ``regex`` reads them
        return
    places = [lo] if lo == 0 else []
    for cue in _CLAUSE_CUE.finditer(text, max(0, lo - 6), hi):
        p = cue.end()
        places.append(p)
        if p < n and text[p] in _QUOTE_AFTER:
            places.append(p + 1)  # “Stop.” | a mark, then a closing quotation mark
    done = lo
    for p in sorted(set(places)):
        if p < done or p > hi:
            continue
        m = _CLAUSE_START.match(text, p, hi)
        if m is not None:
            yield m
            done = m.end() if m.end() > p else p + 1


# a narration paragraph that is one sentence saying its subject keeps silent ("Tom made
# no answer.", "She was silent for a moment.", "He shook his head in silent assent.") or
# listens ("Tom listened gravely."): the
# turns either side are one speaker's
_SILENT = regex.compile(
    r"(?:(?:[Bb]ut|[Ss]till|[Aa]nd),?[^\S\n]+)?"
    r"(?:[Tt]he[^\S\n]+)?(?:\p{Lu}[\p{L}.'’\-]*[^\S\n]+){0,3}?(?:\p{Lu}[\p{L}'’\-]*|[Hh]e|[Ss]he|I)\s+"
    r"(?:\p{Ll}+ly\s+)?"
    r"(?:(?:made|gave|returned)\s+(?:(?:him|her|them|me|us)\s+)?no\s+(?:answer|reply|response)"
    r"|(?:was|remained|kept|fell|sat|stood)\s+(?:\p{Ll}+ly\s+)?silent"
    r"|said\s+nothing|answered\s+nothing|held\s+(?:his|her|my)\s+(?:tongue|peace)"
    r"|(?:did|could|would)\s+not\s+(?:answer|reply|respond|speak)"
    r"|listened"
    # a gesture made in silence: "Tom shook his head in silent assent.", "Ann bowed in silence."
    r"|(?:shook|nodded|bowed|smiled|sighed|looked\s+up|looked\s+down)(?:\s+(?:his|her|my)\s+head)?"
    r"\s+in\s+(?:silence|silent\s+\p{Ll}+))"
    r"(?P<tail>[^.!?:;\n\N{EM DASH}\"“”]{0,60})[.!;](?P<rest>\s+[^\"“”]*)?\Z")
_SILENT_LEN = 300  # characters of such a paragraph at most
_NOT_SILENT_TAIL = frozenset("then till until but and".split())  # "…, then he said", "… and turned away"


def silent_between(text: str, layout: Layout, pi: int) -> bool:
    """Paragraph ``pi`` is narration saying only that someone keeps silent or listens
    (“…?” | Tom made no answer. | “…”; “…” | Tom listened. | “…”): the one who spoke before it goes on after it."""
    if not 0 <= pi < len(layout.paragraphs):
        return False
    ps, pe = layout.paragraphs[pi]
    gap = text[ps:pe].strip()
    if len(gap) > _SILENT_LEN:
        return False
    m = _SILENT.match(gap)
    if m is None:
        return False
    rest = m.group("rest") or ""
    if rest.rstrip().endswith((",", ":", "--", "\N{EM DASH}")):
        return False  # leads in to the turn after: "…; then she said,"
    return not any(w.strip(",").lower() in _NOT_SILENT_TAIL or w.strip(",") in _cues.tag_forms()
                   for w in m.group("tail").split()) and not any(
        w.strip(",.;!?").lower() in ("then", "till", "until") or w.strip(",.;!?") in _cues.tag_forms()
        for w in rest.split())


def joined_turn(text: str, layout: Layout, records: Sequence[Attribution], before: Sequence[int],
                idxs: Sequence[int], pi: int) -> bool:
    """The untagged turn of paragraph ``pi`` (records ``idxs``) goes on the turn
    ``before`` across one silence paragraph (``silent_between``): one person's words."""
    return (last_paragraph(layout, records, before) == pi - 2 and silent_between(text, layout, pi - 1)
            and all(records[i].rule in _UNSETTLED for i in idxs))


# the clause joined to a turn's tag that says its speaker goes on to tell a story: the
# next paragraph, untagged, is that story ("…,” Tom said, and took up the tale, which …")
_TELLS_ON = regex.compile(
    r"(?:\s{1,3}(?:in|out|up|again|\p{Ll}+ly))?[^\S\n]*,?\s{1,3}(?:and\s{1,3})?(?:then\s{1,3})?(?:\p{Ll}+ly\s{1,3})?"
    r"(?:(?:took|takes|taking)\s{1,3}up|began|begins|commenced|resumed|continued|told|tells"
    r"|(?:went|goes|proceeded|proceeds)\s{1,3}on\s{1,3}with|proceeded\s{1,3}with|launched\s{1,3}(?:forth\s{1,3})?into"
    r"|plunged\s{1,3}into|embarked\s{1,3}(?:up)?on)\s{1,3}"
    r"(?:the|his|her|their|an?|this|that)\s{1,3}(?:[\p{Ll}\-]+\s{1,3}){0,2}?"
    + _attribution.STORY_NOUN)


_TELLS_ASKED = 80  # characters of a question at most that a listener puts in, not the tale going on


def _tells_on(text: str, layout: Layout, records: Sequence[Attribution], before: Sequence[int],
              idxs: Sequence[int], pi: int) -> Optional[int]:
    """The record of the turn ``before`` whose tag goes on to say its speaker takes up a
    story (``_TELLS_ON``), when the untagged turn of paragraph ``pi`` (records ``idxs``)
    follows that turn's paragraph: the story is that speaker's."""
    last = records[before[-1]]
    if last.speaker is None or last.rule in _UNSETTLED:
        return None
    if not all(records[i].rule in _UNSETTLED for i in idxs):
        return None
    at = max(last.span[1], last.speaker[1], last.cue[1] if last.cue else 0)
    if at > records[idxs[0]].span[0] or layout.paragraph_index(at) != pi - 1:
        return None
    said = [text[s:e] for i in idxs for s, e in records[i].parts]
    if sum(len(x) for x in said) <= _TELLS_ASKED and said and said[-1].rstrip(" \"'”’").endswith("?"):
        return None  # (“…,” said the sailor, and took up the tale. | “Were you afraid?”: a listener asks)
    return before[-1] if _TELLS_ON.match(text, at, layout.paragraphs[pi - 1][1]) is not None else None


def assign_turns(text: str, layout: Layout, records: List[Attribution]) -> List[Attribution]:
    """Settle the speakers of untagged dialogue turns; returns the new record list."""
    out = list(records)
    names = _mentions.name_index(text)
    # letters quoted in the text: their writer's words, and no turns
    for i, sig in _letters.find(text, layout, out).items():
        out[i] = attrs.evolve(out[i], speaker=sig, cue=None, confidence=_letters.CONFIDENCE, rule=_letters.RULE,
                              inherit=None, alt=None, hint=None, other_than=None, addressee=None)
    by_para: Dict[int, List[int]] = {}
    for i, r in enumerate(out):
        if r.kind == "direct" and r.rule != _letters.RULE:
            by_para.setdefault(layout.paragraph_index(r.span[0]), []).append(i)
    paras = sorted(by_para)
    quote_spans = sorted(r.span for r in out)
    # 0. a name the quotation addresses is not its speaker
    for pi in paras:
        # the turn just before (the paragraph before's last quotation): a name echoed from it is not addressed
        said = _Said(text, out[by_para[pi - 1][-1]] if pi - 1 in by_para else None)
        for i in by_para[pi]:
            voc = _vocative(text, out[i], names, said)
            if voc is not None:
                out[i] = attrs.evolve(out[i], addressee=voc)
    # 1. action beats and narration of the turn's own paragraph
    narrated: Dict[int, bool] = {}
    after: Dict[int, Span2] = {}  # beats that only follow their quotation: weaker than the turns
    for pi in paras:
        ps, pe = layout.paragraphs[pi]
        lo = bisect.bisect_left(quote_spans, (ps, -1))
        hi = bisect.bisect_left(quote_spans, (pe, -1))
        inside = quote_spans[lo:hi]
        stretches = _narration(text, ps, pe, inside)
        narrated[pi] = bool(stretches)
        idxs = by_para[pi]
        if not any(out[i].rule in _UNSETTLED for i in idxs):
            continue
        known_at = next((i for i in idxs if out[i].rule not in _UNSETTLED and out[i].speaker), None)
        known = out[known_at] if known_at is not None else None
        ends = sorted(out[i].span[1] for i in idxs)  # (looked up by bisection: a paragraph may hold thousands)
        first_subject = functools.lru_cache(maxsize=1)(functools.partial(_first_subject, text, stretches, names))
        for k, i in enumerate(idxs):
            r = out[i]
            if r.rule not in _UNSETTLED:
                continue
            other = _other_lead_in(text, stretches, names, out, ends, i, known) if known is not None else None
            if other is not None:
                # “…,” said Ann, and Tom answered, “…”: another's tag leads in to it
                out[i] = attrs.evolve(r, speaker=other[0], cue=other[1], confidence=_LEAD_IN_CONFIDENCE,
                                      rule="direct.tag-before", inherit=None)
                continue
            if known is not None and _addresses(text, r, known):
                # “…,” said Ann. “Nonsense, Ann!”: the one who answers her, not Ann
                out[i] = attrs.evolve(r, speaker=None, cue=None, confidence=_CONFIDENCE["fiction.reply"],
                                      rule="fiction.reply", inherit=None,
                                      other_than=known_at)
                continue
            if known is not None:
                out[i] = attrs.evolve(r, speaker=known.speaker, cue=known.cue,
                                      confidence=_CONFIDENCE["fiction.same-turn"], rule="fiction.same-turn",
                                      inherit=None)
                continue
            sp = _beat_subject(text, stretches, names, r.span[0], first_subject)
            before = _pronoun_beat_between(text, stretches, names, out, idxs, k, sp)
            if before is not None:
                # “…” He frowned. “…”: a beat of 'he' or 'she' alone between two quotations
                # of one paragraph is a pause in one turn (as often the listener's doing)
                out[i] = attrs.evolve(r, speaker=None, cue=None, confidence=_CONFIDENCE["fiction.same-turn"],
                                      rule="fiction.same-turn", inherit=before, alt=None)
                continue
            if sp is not None and sp[0] > r.span[0] and not (inside and inside[-1][0] > sp[1]):
                # “…” She shook her head.: as often the one who listens; the turns of the run
                # go first (“…” She sighed. “…” is hers: her words go on after it)
                after[i] = sp
                continue
            if sp is None and inside and inside[-1][0] == r.span[0]:
                part = _part_after(text, stretches, r.span[1])
                if part is not None:
                    after[i] = part  # “Yes?” Her grave eyes met his.: hers, as “…” She smiled. is
                    continue
            if sp is not None:
                out[i] = attrs.evolve(r, speaker=sp, cue=None, confidence=_CONFIDENCE["fiction.beat"],
                                      rule="fiction.beat", inherit=None)
    # 2. runs of consecutive dialogue paragraphs: vocatives and alternation
    runs: List[List[int]] = []
    goes_on: Dict[int, int] = {}  # the paragraph of a turn going on after a silence: the turn's record before
    for pi in paras:
        # a quotation that runs on over several paragraphs ends its turn in the last
        if runs and last_paragraph(layout, out, by_para[runs[-1][-1]]) == pi - 1:
            told = _tells_on(text, layout, out, by_para[runs[-1][-1]], by_para[pi], pi)
            if told is not None:
                # “…!” Tom cried, and took up the tale. | “…”: his story, the turn told on
                goes_on[pi] = told
            runs[-1].append(pi)
        elif runs and joined_turn(text, layout, out, by_para[runs[-1][-1]], by_para[pi], pi):
            goes_on[pi] = by_para[runs[-1][-1]][0]
            runs[-1].append(pi)
        else:
            runs.append([pi])
    for run in runs:
        _alternate(text, out, by_para, [pi for pi in run if pi not in goes_on], names, after)
    for pi, before in goes_on.items():
        for i in by_para[pi]:
            # “…?” | Tom made no answer. | “…”: the one who spoke before goes on
            out[i] = attrs.evolve(out[i], speaker=None, cue=None, confidence=_CONFIDENCE["fiction.goes-on"],
                                  rule="fiction.goes-on", inherit=before, alt=None)
    return out


def _other_lead_in(text: str, stretches: List[Tuple[int, int]], names: FrozenSet[str],
                   out: Sequence[Attribution], ends: Sequence[int], i: int,
                   known: Attribution) -> Optional[Tuple[Span2, Optional[Span2]]]:
    """The tag of someone other than ``known`` (the paragraph's tagged speaker) that the
    narration right before the untagged quotation ``i`` ends with, after an earlier
    quotation of the paragraph: (speaker, verb). A clause leading in to the quotation
    with a comma, colon or dash (“…?” she asked Tom, and Tom answered, after a pause,
    “…”; “…,” said Ann, so gently that the boy said, “…”). Someone of the same name as
    ``known`` or a pronoun not known to be of the other sex is no other person; nor is
    the subject of a clause opened by "when", "as", … (“…,” said Ann, as Tom came in, “…”)."""
    r = out[i]
    at = bisect.bisect_right(ends, r.span[0])  # ``ends``: the ends of the paragraph's records, sorted
    prev_end = ends[at - 1] if at else -1
    lead = stretches[bisect.bisect_left(stretches, (prev_end,)) : _ended_by(stretches, r.span[0])] if prev_end >= 0 else []
    if not lead or text[lead[-1][1] : r.span[0]].strip(_MARKS_AND_SPACE) or known.speaker is None:
        return None
    ls, le = lead[-1]
    pe = le
    while pe > ls and text[pe - 1] in _MARKS_AND_SPACE:
        pe -= 1
    if pe <= ls or not (text[pe - 1] in ",:" or text.endswith(("--", "\N{EM DASH}"), ls, pe)):
        return None  # not a lead-in ("Tom laughed. “…”" is a beat, the same speaker's as often)
    found: Optional[Tuple[Span2, Optional[Span2]]] = None
    ss = ls  # the last sentence of the narration
    for k in range(pe - 1, ls - 1, -1):
        if text[k] in ".!?;" and not (text[k] == "." and _after_abbreviation(text, k + 1)):
            ss = k + 1
            break
    tb = _attribution.tag_before(text, ss, pe, lead_in=True)
    if tb is not None:
        found = tb
    else:
        # "…, and Kanga said to Roo," across line breaks: the last clause's subject, a tag verb after it
        last: Optional[Tuple[int, Span2]] = None
        for cs in clause_starts(text, ls, le):
            sp = clause_subject(text, cs, le, names)
            if sp is not None:
                last = (cs, sp)
        if last is None or any(c in text[last[1][1] : le] for c in ".!?;()"):
            return None  # (a subject in an earlier sentence leads in to nothing)
        before = text[max(ls, last[0] - 12) : last[0]].lower().split()
        if before and before[-1] in _SUBORDINATE:
            return None
        verb = next(iter(_cues.tag_verbs(text, last[1][1], le)), None)
        if verb is None:
            return None
        found = (last[1], verb.span())
    sp = found[0]
    kw = text[known.speaker[0] : known.speaker[1]].lower().split()
    fw = text[sp[0] : sp[1]].lower().split()
    if not fw or kw == fw or (kw and kw[-1] == fw[-1]):
        return None
    fm = _mentions.describe(text, sp[0], sp[1])
    if fm.plural or fm.kind not in ("person", "anonymous"):
        return None
    if fm.form == "pronoun":
        km = _mentions.describe(text, known.speaker[0], known.speaker[1])
        if km.gender is None or fm.gender is None or km.gender == fm.gender:
            return None  # (“…,” said Ann. She smiled and said, “…”: Ann)
    return found


def _addresses(text: str, r: Attribution, known: Attribution) -> bool:
    """The untagged quotation ``r`` addresses by name the speaker ``known`` of a tagged
    one of its paragraph (“…,” said Ann. “Nonsense, Ann!”): a word of the name they share,
    and no title that tells them apart ("Mrs. Bell" is not "Miss Bell")."""
    if r.addressee is None or known.speaker is None:
        return False
    km = _mentions.describe(text, known.speaker[0], known.speaker[1])
    if km.form != "name" or km.kind != "person" or km.plural:
        return False
    honorifics = _lexicons.mapping("honorifics")
    def words(s: int, e: int) -> Tuple[Optional[str], FrozenSet[str]]:
        ws = [w.strip(".,") for w in text[s:e].split()]
        title = ws[0].lower() if ws and honorifics.get(ws[0]) is not None else None
        return title, frozenset(w for w in ws[1 if title else 0:] if w[:1].isupper())
    at, aw = words(r.addressee[0], r.addressee[1])
    kt, kw = words(known.speaker[0], known.speaker[1])
    return bool(aw & kw) and (at is None or kt is None or at == kt)


# words opening a subordinate clause: its subject leads in to nothing
_SUBORDINATE = frozenset("when as while whilst till until before after if though".split())


def last_paragraph(layout: Layout, records: Sequence[Attribution], idxs: Sequence[int]) -> int:
    """The paragraph where the last of the given records (one turn's) ends: a quotation
    left open at a paragraph's end goes on in the next (“… | “…” is one turn)."""
    return max(layout.paragraph_index(records[i].span[1] - 1) for i in idxs)


def _alternate(text: str, out: List[Attribution], by_para: Dict[int, List[int]], run: List[int],
               names: FrozenSet[str], after: Dict[int, Span2]) -> None:
    settled = [not any(out[i].rule in _UNSETTLED for i in by_para[pi]) for pi in run]
    for k in range(len(run)):
        if settled[k]:
            # a pronoun tag ("said he") most likely names the speaker two turns back
            if k >= 2:
                for i in by_para[run[k]]:
                    sp = out[i].speaker
                    if sp is not None and text[sp[0] : sp[1]].lower() in ("he", "she"):
                        out[i] = attrs.evolve(out[i], alt=by_para[run[k - 2]][0])
            continue
        # speakers alternate: two turns back, else two turns ahead
        anchor = by_para[run[k - 2]][0] if k >= 2 else None
        ahead = by_para[run[k + 2]][0] if k + 2 < len(run) else None
        if anchor is None:
            anchor, ahead = ahead, None
        # the turn before addressed someone by name: that person answers
        said = _Said(text, out[by_para[run[k - 2]][-1]] if k >= 2 else None)
        # (the name nearest the end of that turn; one addressed early in a long speech,
        # sentences before its end, settles nothing)
        hint = _vocative(text, out[by_para[run[k - 1]][-1]], names, said, last=True) if k >= 1 else None
        if hint is not None and _addressed_early(text, hint, out[by_para[run[k - 1]][-1]]):
            hint = None
        for i in by_para[run[k]]:
            if i in after and hint is None and k < 2:
                # a beat after the turn, with no turn two before it to alternate with
                out[i] = attrs.evolve(out[i], speaker=after[i], cue=None, confidence=_CONFIDENCE["fiction.beat"],
                                      rule="fiction.beat", inherit=None)
                continue
            if hint is None and anchor is None and k == 0:
                # a conversation's first untagged turn: the person the narration just
                # before it is about (settled by the resolver); never the previous
                # paragraph's speaker
                out[i] = attrs.evolve(out[i], speaker=None, cue=None, confidence=_CONFIDENCE["fiction.nearest"],
                                      rule="fiction.nearest", inherit=None)
            elif hint is not None:
                out[i] = attrs.evolve(out[i], speaker=None, cue=None, confidence=_CONFIDENCE["fiction.vocative"],
                                      rule="fiction.vocative", inherit=anchor, alt=ahead, hint=hint)
            elif anchor is not None:
                out[i] = attrs.evolve(out[i], speaker=None, cue=None, confidence=_CONFIDENCE["fiction.alternation"],
                                      rule="fiction.alternation", inherit=anchor, alt=ahead)
            elif k >= 1:
                # the reply to the run's first turn: the other person present
                out[i] = attrs.evolve(out[i], speaker=None, cue=None, confidence=_CONFIDENCE["fiction.reply"],
                                      rule="fiction.reply", inherit=None, other_than=by_para[run[k - 1]][0])


class _Said:
    """The capitalised words (the names) of one quotation, read once when first asked."""

    def __init__(self, text: str, rec: Optional[Attribution]) -> None:
        self.text = text
        self.rec = rec
        self._words: Optional[FrozenSet[str]] = None

    def __contains__(self, word: object) -> bool:
        if self.rec is None:
            return False
        if self._words is None:
            self._words = frozenset(w for s, e in self.rec.parts for w in _CAPITALISED.findall(self.text, s, e))
            # "Tom's", "Tom--": Tom
            self._words |= {w.replace("’", "'").split("'")[0].split("--")[0] for w in self._words}
        return word in self._words


_CAPITALISED = regex.compile(r"(?<![\p{L}])\p{Lu}[\p{Ll}'’\-]+")


def _vocative(text: str, rec: Attribution, names: FrozenSet[str], said: Optional[_Said] = None,
              last: bool = False) -> Optional[Span2]:
    """A character's name the quotation addresses, if any (with ``last``, the one
    nearest its end). A name that opens the
    quotation and is one of the words ``said`` in the turn before (“… remind me of Nell
    Orme!” | “Nell!”) is echoed, not addressed."""
    best: Optional[Span2] = None
    for found in _addressed_names(text, rec, names, said):
        best = found
        if not last:
            return best
    return best


def addressed_names(text: str, rec: Attribution) -> List[Span2]:
    """Every name the quotation ``rec`` addresses, also one opening a later sentence of it
    (“Red it was! Harry!”, “Oh! Miss Ellen, my …”): none of them is its speaker, though
    the one addressed so in mid-speech is not always the one who answers."""
    if rec.kind != "direct":
        return []
    out = []
    for span in _addressed_names(text, rec, _mentions.name_index(text), None, later=True):
        s = next(s for s, e in rec.parts if s <= span[0] < e)
        if _quoted_within(text, s, span[0]) or _REPORTED_TO_ME.search(text, max(s, span[0] - 30), span[0]) is not None:
            continue  # “… told me, ‘Oh, we don’t, Mrs. Pell.’”: another's words to the speaker
        if not text[s : span[0]].strip(" \t\n,.!?;:-\N{EM DASH}") and not text[span[1] : rec.parts[-1][1]].strip(
                " \t\n,.!?;:-\N{EM DASH}"):
            continue  # “Ned,” was his answer: a name alone may be the speaker's own
        out.append(span)
    return out


# words reported to the speaker with no inner marks (“Ann said to me, Tom, you are a
# fool”): the name after them is the speaker's own
_REPORTED_TO_ME = regex.compile(r"(?<![\p{L}])(?:said|says|told|tells|cried|called|asked|asks)(?:[^\S\n]+to)?[^\S\n]+(?:me|us)"
                                r"[^\S\n]*[,:][^\S\n]*\Z")


# a quotation opened inside another (‘…’ or '…': a capital after the mark), and the mark
# that closes it (not an apostrophe inside a word: “don’t”, “'ave”)
_INNER_OPEN = regex.compile(r"(?<![\p{L}\p{N}])['‘](?=\p{Lu})")
_INNER_CLOSE = regex.compile(r"(?<=[\p{L}.,!?\-\N{EM DASH}])['’](?![\p{L}\p{N}])")


def _quoted_within(text: str, s: int, at: int) -> bool:
    """Offset ``at`` of a quotation opening at ``s`` stands inside a quotation that it
    quotes, opened before ``at`` and not closed by then."""
    if "'" not in text[s:at] and "‘" not in text[s:at]:
        return False
    opened = -1
    for m in _INNER_OPEN.finditer(text, s, at):
        opened = m.start()
    return opened >= 0 and _INNER_CLOSE.search(text, opened + 1, at) is None


def _addressed_names(text: str, rec: Attribution, names: FrozenSet[str], said: Optional[_Said],
                     later: bool = False) -> Iterator[Span2]:
    """The names ``_vocative`` reads as addressed, in order (with ``later``, also those
    opening a later sentence of the quotation)."""
    not_names = _lexicons.words("not_names")
    for s, e in rec.parts:
        found = [m for m in (_vocative_start(text, s, e),) if m is not None]
        if found and said is not None and found[0].group("name") in said:
            found = []
        found += _vocatives_inside(text, s, e)
        comma = text.find(",", s, e) >= 0
        if comma:
            found += list(_PARENT_INSIDE.finditer(text, s, e))  # “Yes, father.”
        if later:
            found += _vocatives_later(text, s, e)
        if comma:
            found += list(_VOCATIVE_TURNING.finditer(text, s, e))  # “…!—and Kit, what …?”
        if found and "," in text[s:e]:
            # “Tom, Nell, Ada and you”: names listed, nobody addressed (but “Hullo, Hullo, Tom!”
            # lists one name only: Tom is addressed)
            lists = [(m.start(), m.end()) for m in _NAME_LIST.finditer(text, s, e)
                     if sum(w in names and w.lower() not in not_names
                            for w in (x.strip() for x in m.group().split(","))) >= 2]
            found = [m for m in found if not any(a <= m.start("name") < b for a, b in lists)]
        if found and ("'" in text[s:e] or "‘" in text[s:e]):
            # “Say, ‘What do you want, Master Reed?’”: a name addressed in a quotation the
            # turn quotes is not addressed by the turn
            inner = [(n.start(), n.end()) for n in _INNER_QUOTE.finditer(text, s, e)]
            if inner:
                found = [m for m in found if not any(a < m.start("name") < b for a, b in inner)]
        for m in found:
            name = m.group("name")
            if name.isupper() and len(name) > 1:
                name = name.capitalize()  # “TOMMY, old thing!”: a chapter's first word in capitals
            if m.start("whole") == m.start("name") and (name.lower() in PARENT_VOCATIVES or name in KIN_VOCATIVES):
                yield (m.start("whole"), m.end("whole"))  # “Father, …”: the one the speaker calls so
                continue
            if name.lower() in not_names or name.lower() in _mentions.PRONOUNS or name not in names:
                continue
            family = text[m.end("name") : m.end("whole")].strip()
            if family and _PATRONYMIC.search(family) is None and not (
                    m.start("whole") < m.start("name") and _FULL_ADDRESS.match(text, m.end("whole"), e + 1)
                    and text[s:e].strip(" \t\n,.!?;:") != text[m.start("whole") : m.end("whole")]
                    and _APPOSED.search(text, max(s, m.start("whole") - 40), m.start("whole")) is None):
                # “…, for example, Tom Pell.”: a full name spoken of, not to (but “…, Mr.
                # Tom Pell,” said Ann: a title and a full name closing the part, addressed)
                continue
            if m.start("whole") == m.start("name") and _lexicons.mapping("honorifics").get(name) is not None:
                continue  # “Yes, sir.”, “…, Colonel?”: an honorific alone is no name to go by
            if m.start("whole") == m.start("name") and _plural_address(name):
                continue  # “Italians, dear, …”, “Gentlemen, …”: a group addressed, not one person
            yield (m.start("whole"), m.end("whole"))  # "Mr. Bennet", honorific and all


def _vocative_start(text: str, s: int, e: int) -> "Optional[regex.Match[str]]":
    """``_VOCATIVE_START.match(text, s, e)``, tried only where its first character may stand:
    a capital (of the name or its honorific) or the m, d or s of an endearment ("my dear")."""
    if s >= e or not (text[s].isupper() or text[s] in "mds"):
        return None
    return _VOCATIVE_START.match(text, s, e)


def _vocatives_inside(text: str, s: int, e: int) -> "List[regex.Match[str]]":
    """``_VOCATIVE_INSIDE``'s matches in ``text[s:e]``, looked for only when a comma stands
    there (each match opens with one; most turns have none)."""
    if text.find(",", s, e) < 0:
        return []
    found = list(_VOCATIVE_INSIDE.finditer(text, s, e))
    found += _VOCATIVE_BID.finditer(text, s, e)
    if not found and text[e : e + 1] in (" ", "\t") and text[e + 1 : e + 2] in _CLOSING_MARKS:
        # “…, William ”: the punctuation before the closing mark lost, the name ends the turn
        m = _VOCATIVE_AT_END.search(text, max(s, e - 60), e)
        if m is not None:
            found.append(m)
    return found


def _vocatives_later(text: str, s: int, e: int) -> "List[regex.Match[str]]":
    """``_VOCATIVE_SENTENCE``'s matches in ``text[s:e]``, looked for only when a sentence
    ends inside the quotation before its last characters."""
    cut = max(text.rfind(".", s, e - 2), text.rfind("!", s, e - 2), text.rfind("?", s, e - 2))
    if cut < 0:
        return []
    return list(_VOCATIVE_SENTENCE.finditer(text, s, e))


# after a full name with a title, the end of a part: a comma before its closing mark
# (“…, Mr. Tom Pell,” said he), or a question or a cry (“…, Mr. Tom Pell?”)
_FULL_ADDRESS = regex.compile(r"[^\S\n]*(?:[?!]|,[^\S\n]*$|,[\"”’'])")
# a noun phrase of a determiner and a noun before ", Mr. Tom Pell" (“… from his cousin, Mr.
# Tom Pell,”): the full name is in apposition to it, spoken of, not to
_APPOSED = regex.compile(r"(?<![\p{L}])(?:his|her|their|my|our|your|the|a|an)(?:[^\S\n]+\p{Ll}+){1,2},[^\S\n]*+\Z")
_CLOSING_MARKS = frozenset("\"”’'")
# a name opening a sentence inside the turn and set off by a comma before "you" or a bid
# (“… so it was.  Mr. Pell, you cannot deny it.”): addressed; not “Tom, you know, …”, nor a
# name after a title's full stop (“… and Mrs. Dixon, you …”), nor one a relation in
# apposition or an aside follows (“Tom, your brother, took it”, “Tom, you must understand, is …”)
_VOCATIVE_BID = regex.compile(
    r"(?<=[.!?][^\S\n]{1,3})(?<!\b(?:Mr|Mrs|Ms|Dr|St|Messrs)\.[^\S\n]{1,3})" + _ENDEARMENT + r"(?P<whole>" + _HON + r"(?P<name>\p{Lu}[\p{Ll}'’\-]+)" + _FAMILY
    + r"),[^\S\n]+(?!your[^\S\n]+\p{Ll}+(?:[^\S\n]+\p{Ll}+)?,[^\S\n]*(?!please)\p{Ll}"
    r"|you[^\S\n]+(?:must|may|will|should|shall|can|could|might|would)[^\S\n]+\p{Ll}+,)"
    r"(?=(?:you|your)[^\S\n]+(?!(?:know|see|understand|perceive|observe|remember|may[^\S\n]+be[^\S\n]+sure|must[^\S\n]+know"
    r"|will[^\S\n]+(?:own|allow|find))\b)\p{Ll}"
    r"|(?:pray|do[^\S\n]+not|don't|tell|let|come|look)\b)")
_VOCATIVE_AT_END = regex.compile(
    r",[^\S\n]+" + _ENDEARMENT + r"(?P<whole>" + _HON + r"(?P<name>\p{Lu}[\p{Ll}'’\-]+))$")


# a quotation inside a quotation: ‘What…?’ or 'What…?' (capital after it, a stop before it
# closes: not a dialect's elisions, 'tis … fro')
_INNER_QUOTE = regex.compile(r"(?<![\p{L}\p{N}])['‘](?=\p{Lu})[^'‘’\n\"“”]{1,300}?[.,!?\-\N{EM DASH}]['’](?![\p{L}\p{N}])")
_SENTENCE_GOES_ON = regex.compile(r"[.!?][\"'”’]?[^\S\n]+[\"'“‘]?\p{Lu}")


def _addressed_early(text: str, voc: Span2, rec: Attribution) -> bool:
    """The name ``voc`` is addressed early in a long speech: more than
    ``_VOCATIVE_TAIL`` characters and a new sentence follow it before the turn ends."""
    end = rec.parts[-1][1]
    return end - voc[1] > _VOCATIVE_TAIL and _SENTENCE_GOES_ON.search(text, voc[1], end) is not None


_NAME_LIST = regex.compile(r"\p{Lu}[\p{Ll}'’\-]+(?:,[^\S\n]+\p{Lu}[\p{Ll}'’\-]+){2,}")


def _plural_address(word: str) -> bool:
    """A capitalised plural of people ("Italians", "Gentlemen", "Ladies", "Boys")."""
    lw = word.lower()
    return lw.endswith(("ians", "men", "ies")) or lw in _lexicons.words("person_words") and lw.endswith("s")
