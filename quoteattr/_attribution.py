"""Stage 4: attribution, linking each quotation to its cue and speaker mention.

Rules are tried from the most to the least certain; the first that fires gives the
record its rule id and confidence (every id is documented in ``docs/rules.md``):

- ``direct.dash-tag``:   —Come here, he said. (dialogue after a dash, tag inside)
- ``direct.tag-after``:  “…,” X said / “…,” said X
- ``direct.split``:      “A,” X said, “B.” (one record, two parts)
- ``direct.credit``:     “…” ― Jane Doe
- ``direct.tag-before``: X said, “…” / X told reporters: “…”
- ``direct.colon-lead``: a paragraph ending "X said:" and the quotation after it
- ``direct.continuation``: an untagged quotation right after one by a known speaker
- ``direct.context``:    the subject of the sentence before
- ``direct.unattributed``: a quotation whose speaker the text does not give nearby
- ``mixed.fragment``:    a quoted fragment in a sentence with a cue ("condemned “X”")
- ``mixed.tag-after``:   a clause closed by a quoted fragment, then a tag (A “b,” X said)
- ``scare-quote``:       a quoted fragment without a speaker (only with the option)

Fiction dialogue (turn-taking, vocatives, action beats) lives in ``_dialogue``.
"""

from __future__ import annotations

import bisect
import functools
from typing import Dict, FrozenSet, List, Optional, Tuple

import attrs
from . import _lazyregex as regex

from . import _cues, _lexicons, _mentions
from ._layout import Layout
from ._marks import Quotation

Span2 = Tuple[int, int]

_END_PUNCT = frozenset(".,!?…;:—–-")
_CLAUSE_BEFORE = frozenset(".!?:;—–―(\"”»」』")
_GAP = regex.compile(r"[^\S\n]*(?:(?:,|;|\N{EM DASH}|\N{EN DASH}|--|-)[^\S\n]*)?")
# between a tag verb and the opening mark: an aside, if any ("said coolly"), then a
# comma, colon or dash (a line break right after the verb or right before the mark is a
# space: "called out,⏎“…”" in hard-wrapped text)
_ASIDE_OPEN = r"\s++[^\s.!?\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]"
_ASIDE_CHAR = r"[^.!?\"\n\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]"
_ASIDE = _ASIDE_OPEN + _ASIDE_CHAR + r"{0,79}?"
# a line break inside a paragraph of hard-wrapped text (not a blank line)
_WRAP_BREAK = r"\n(?![^\S\n]*+\n)"
_FILLER_END = r"\s*+(?:[,:\N{EM DASH}]|[,:]?--)?\s*+\Z"  # "said,--" / "added:--" written with two hyphens
_FILLER = regex.compile(r"(?:" + _ASIDE + r")?" + _FILLER_END)
# in a lead-in paragraph the aside may also open with a comma: "said, in a colder voice," | “…”,
# and in hard-wrapped text run over a line break ("could say in her usual tone of⏎reproach:")
_LEAD_ASIDE = _ASIDE_OPEN + r"(?:" + _ASIDE_CHAR + r"|" + _WRAP_BREAK + r"){0,79}?"
_LEAD_FILLER = regex.compile(r"(?:,?" + _LEAD_ASIDE + r")?" + _FILLER_END)
_THAT = regex.compile(r"[^\S\n]*(?:that[^\S\n]+)?")
# "said Monday that …", "said on Tuesday that …": the time word is not content
_TIME_THAT = regex.compile(
    r"[^\S\n]+(?:on[^\S\n]+)?(?:" + _cues.WEEKDAYS + r"|yesterday|today|"
    r"tonight|recently|earlier|later)[^\S\n]+that[^\S\n]+"
)


def _token_before(text: str, s: int) -> str:
    """The word (letters, apostrophes, hyphens, dots) that ends at the spaces right before
    ``s`` ("" if none, or if a line break comes between); looks back at most 40 characters."""
    window = text[max(0, s - 40):s]
    stripped = window.rstrip(" \t\u00a0")
    if len(stripped) == len(window):
        return ""
    k = len(stripped)
    while k > 0 and (stripped[k - 1].isalpha() or stripped[k - 1] in ".'’-"):
        k -= 1
    return stripped[k:]


def _name_part(text: str, s: int, e: int) -> bool:
    """A capitalised cue word after a capitalised word and before a lower-case one is part
    of a name ("Islamic State militants", "the United States and"), not a verb."""
    if not text[s].isupper():
        return False
    prev = _token_before(text, s)
    after = text[e:e + 20]
    nxt = after.lstrip(" \t\u00a0")
    return (prev[:1].isupper() and len(nxt) < len(after) and nxt[:1].islower())


def _noun_use(text: str, s: int, word: str) -> bool:
    """A cue word that can be a noun, after a lower-case hyphenated modifier ("late-night
    tweets", "long-awaited report") or a capitalised possessive ("Mr. Hale's remarks"), is
    that noun, not a verb."""
    if word.lower() not in _cues.NOUN_FORMS:
        return False
    pw = _token_before(text, s)
    if pw.endswith(("'s", "’s")) and pw[:1].isupper() and word.islower():
        return True  # "Mr. Hale's remarks": a possessive's noun
    return "-" in pw.strip("-") and pw.islower()


# "told reporters (in Ohio) that": a tell verb's object and "that" before a quoted fragment
_TOLD_THAT = regex.compile(r"[^\S\n]+[^.!?;:\"“”\n]{1,80}?[^\S\n]that[^\S\n]+\Z")
_TELL_FORMS = frozenset("told tell tells telling assured assures warned warns reminded reminds informed informs".split())
# where the words after a quoted fragment stop being its clause: a participle or a new clause
_TAIL_STOP = regex.compile(
    r",[^\S\n]++\p{Ll}++(?<=ing)(?![\p{L}])|(?<![^\S\n])[^\S\n]++(?:as|while|but|—|–|--)(?=[^\S\n])"
)


@attrs.frozen(slots=True)
class Attribution:
    """An attribution before source resolution; offsets only."""

    kind: str
    parts: Tuple[Span2, ...]
    span: Span2
    speaker: Optional[Span2]
    cue: Optional[Span2]
    confidence: float
    rule: str
    inherit: Optional[int] = None  # index of another record whose source this one shares
    hint: Optional[Span2] = None  # a mention naming the source that is not the speaker (a vocative)
    alt: Optional[int] = None  # a second record to share the source with, when ``inherit`` has none
    other_than: Optional[int] = None  # fiction: someone present, but not the speaker of this record
    addressee: Optional[Span2] = None  # fiction: a name the quotation addresses (“…, Tobias?”): not its speaker


def _verb_at(text: str, pos: int, hi: int) -> Optional[Span2]:
    m = _cues.tag_verb_at(text, pos, hi)
    return m.span() if m else None


# A lone capitalised word closed by punctuation ("Will.", "May,", "Sunday!")
_LONE_CAP = regex.compile(r"\p{Lu}\p{Ll}+(?=[^\S\n]*[,.;:!?\N{EM DASH}])")


def tagged_name(text: str, pos: int, hi: int) -> Optional[Span2]:
    """A capitalised word right after a tag verb and before punctuation (“…,” said Will.):
    a name there, even when the word is also a modal verb ("Will", "May") or a date
    ("Sunday"), which the noun-phrase reader skips. Pronouns and determiners never."""
    m = _LONE_CAP.match(text, pos, hi)
    if m is None:
        return None
    return m.span() if _mentions.may_name_in_tag(m.group()) else None


_ADJECTIVE_COMMA = regex.compile(r",[^\S\n]+(?=\p{Ll})")
_LOWER_WORDS = regex.compile(r"\p{Ll}[\p{Ll}\-]*(?:[^\S\n]+\p{Ll}[\p{Ll}\-]*){0,2}(?=[^\S\n]*[,.;:!?\N{EM DASH}])")


def _past_adjectives(text: str, sp: Span2, hi: int) -> Span2:
    """A description cut at a comma between its adjectives ("a thin, elderly gentleman"
    read as "a thin"): the whole phrase when the part before the comma names no kind of
    speaker and the whole names a person."""
    c = _ADJECTIVE_COMMA.match(text, sp[1], hi)
    if c is None or text[sp[0] : sp[1]].split()[0].lower() not in ("a", "an", "the"):
        return sp
    if _mentions.describe(text, sp[0], sp[1]).kind != "unknown":
        return sp
    rest = _LOWER_WORDS.match(text, c.end(), min(hi, c.end() + 60))
    if rest is None:
        return sp
    who = _mentions.describe(text, sp[0], rest.end())
    return (sp[0], rest.end()) if who.form == "description" and who.kind in ("person", "anonymous") else sp


# fiction: a description's epithet ("the man with the black beard", "the man in blue"):
# "with the" and one or two words, or "in" and one word, ending the tag
_EPITHET = regex.compile(r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?P<pp>(?:with\s+the|in)\s+\p{Ll}[\p{Ll}\-]*(?:\s+\p{Ll}[\p{Ll}\-]*)?)"
                         r"(?=[^\S\n]*[,.;:!?\N{EM DASH}])")
# every "<word> with the <word> [<word>]" and "<word> in <word>" of a text
# (the head word is looked behind for: the search runs on from the literal "with"/"in")
_EPITHET_ANY = regex.compile(r"(?<=(?<![\p{L}])(?P<head>\p{Ll}+)\s{1,3})(?P<prep>with\s+the|in)\s+"
                             r"(?P<w1>\p{Ll}[\p{Ll}\-]*)(?:\s+(?P<w2>\p{Ll}[\p{Ll}\-]*))?")
_epithets: Tuple[str, Dict[str, int]] = ("", {})


def _epithet_counts(text: str) -> Dict[str, int]:
    """How often each "<word> with the <word> [<word>]" and "<word> in <word>" occurs in
    ``text`` (spaces normalised): one pass, made once for the last text asked about."""
    global _epithets
    cur = _epithets
    if cur[0] is not text:
        counts: Dict[str, int] = {}
        for m in _EPITHET_ANY.finditer(text):
            base = m.group("head") + " " + " ".join(m.group("prep").split()) + " " + m.group("w1")
            counts[base] = counts.get(base, 0) + 1
            if m.group("w2"):
                key = base + " " + m.group("w2")
                counts[key] = counts.get(key, 0) + 1
        cur = (text, counts)
        _epithets = cur
    return cur[1]


def _with_epithet(text: str, sp: Span2, hi: int) -> Span2:
    """ "the man" of "said the man with the black beard," read whole when the text uses
    that epithet more than once (a way of naming someone, not "with a smile")."""
    words = text[sp[0] : sp[1]].split()
    if len(words) < 2 or words[0].lower() != "the":
        return sp
    m = _EPITHET.match(text, sp[1], min(hi, sp[1] + 60))
    if m is None:
        return sp
    who = _mentions.describe(text, sp[0], sp[1])
    if who.form != "description" or who.kind != "person" or words[-1].lower() != who.head:
        return sp
    key = words[-1].lower() + " " + " ".join(m.group("pp").split())
    return (sp[0], m.end("pp")) if _epithet_counts(text).get(key, 0) >= 2 else sp


_SP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"  # a space, or one line break
# “…” was her reply / was her husband's answer / were Tom Hale's first words, also as a
# sentence of its own (“…” These were the carter's words. / Such was her answer.): the
# owner of the words that name an utterance speaks
_WAS_WORDS = regex.compile(
    r"(?:(?:These|Those|Such|This|That)" + _SP + r")?(?:was|were)" + _SP + r"(?:(?P<who>his|her|their|my|our)|(?P<who>(?:his|her|their|my|our|the)" + _SP
    + r"\p{Ll}+|(?:\p{Lu}[\p{L}.\-]*" + _SP + r"){0,2}\p{Lu}[\p{Ll}\-]*)['’]s)(?:" + _SP + r"\p{Ll}+){0,2}?" + _SP
    + r"(?P<noun>answer|reply|question|words|rejoinder|retort|comment|remark|greeting|inquiry|response|exclamation"
    r"|observation|reproach|protest|objection|admission|salutation|contribution|explanation)(?![\p{L}])")


# a passive tag or one of hearing: “…,” was said by Ann / Tom was heard to say / were the
# words of Ann: the one named after "by" or "of", or the subject heard, speaks
_TAG_NAME = r"(?:(?:Mr|Mrs|Miss|Dr)\.?" + _SP + r")?\p{Lu}\p{Ll}+(?:[^\S\n]+\p{Lu}\p{Ll}+)?"
_PASSIVE_TAG = regex.compile(
    r"(?:(?:was|were)" + _SP + r"(?:\p{Ll}+ly" + _SP + r")?(?P<verb>\p{Ll}+)" + _SP + r"by" + _SP
    + r"(?P<who>" + _TAG_NAME + r"|him|her)"
    r"|(?P<who>he|she|" + _TAG_NAME + r")" + _SP + r"(?:was|were)" + _SP + r"heard" + _SP + r"to" + _SP
    + r"(?P<verb>\p{Ll}+)"
    r"|(?:was|were)" + _SP + r"the" + _SP + r"(?:\p{Ll}+" + _SP + r"){0,2}?(?P<verb>words|answer|reply)" + _SP + r"of"
    + _SP + r"(?P<who>" + _TAG_NAME + r"|him|her))"
    r"(?=[^\S\n]*[,.;:!?\N{EM DASH}])")


# “…,” interposed, more softly, a young wife: an -ly adverb (with a word of degree) set
# off by commas between an inverted tag's verb and its subject
_ADVERB_ASIDE = regex.compile(r"[^\S\n]*+,[^\S\n]*+(?:(?:more|most|very|less|rather|quite|so)[^\S\n]+)?"
                              r"\p{Ll}{3,}ly[^\S\n]*,[^\S\n]*")


# the lower-case words after a name's possessive, up to punctuation or the end of the tag
_OWNED = regex.compile(r"(?:[^\S\n]+\p{Ll}+){1,3}(?=[^\S\n]*+(?:[,.;:!?\N{EM DASH}]|--|\Z))")


def _owned_after(text: str, sp: Span2, hi: int) -> Span2:
    """An inverted tag's speaker read as a name's possessive, widened to the person it owns
    when lower-case words naming a person end the tag ("said Tom's young man,"); else ``sp``."""
    if not text.endswith(("'s", "’s"), sp[0], sp[1]):
        return sp
    m = _OWNED.match(text, sp[1], min(hi, sp[1] + 60))
    if m is None:
        return sp
    words = m.group().split()
    if any(w in _mentions.PRONOUNS or w in _lexicons.words("function_words") for w in words):
        return sp
    return (sp[0], m.end()) if _mentions.owned_person(words[-1]) else sp


# verbs of asking that take the one asked after "of" ("inquired the girl of Robert")
_ASKED_OF_VERB = regex.compile(r"(?i:asked|inquired|enquired|demanded|begged|requested)")
# "of" and a name or an object pronoun ending a description (with a lower-case head: not "the Duke of York")
_OF_ADDRESSEE = regex.compile(r"(?<=\p{Ll})[^\S\n]+of[^\S\n]+"
                              r"(?:(?:\p{Lu}[\p{L}.'’\-]*[^\S\n]*){1,3}|him|her|them|me|us)\Z")


# a particle of a phrasal tag verb between it and its subject ("cried out the Colonel")
_TAG_PARTICLE = regex.compile(r"(?:out|up|forth)[^\S\n]+(?=[\p{L}])")


def tag_after(text: str, pos: int, hi: int) -> Optional[Tuple[Span2, Span2]]:
    """A speech tag right after a closing mark at ``pos``: (speaker, cue)."""
    g = _GAP.match(text, pos, hi)
    p = g.end() if g else pos
    # said X / said he
    v = _verb_at(text, p, hi)
    if v is not None and text[v[1] - 3 : v[1]] == "ing":
        v = None  # “…,” addressing Tom, “…”: a participle's object is spoken to, not speaking
    if v is not None:
        at = _skip_space(text, v[1], hi)
        part = _TAG_PARTICLE.match(text, at, hi)
        if part is not None:
            # “…,” cried out the Colonel: the speaker after the verb's particle
            sp = _mentions.np_after(text, part.end(), hi)
            if sp is not None and sp[0] == part.end() and _speaker_like(text, sp):
                return _with_epithet(text, _past_adjectives(text, sp, hi), hi), v
        sp = None if part is not None else _mentions.np_after(text, at, hi)
        if sp is None:
            sp = tagged_name(text, at, hi)  # “…,” said Will.
        if sp is not None and sp[0] - v[1] <= 2:
            sp = _owned_after(text, sp, hi)
            if _ASKED_OF_VERB.fullmatch(text, v[0], v[1]) is not None:
                of = _OF_ADDRESSEE.search(text, sp[0], sp[1])
                head = text.rfind(" ", sp[0], of.start()) + 1 if of is not None else -1
                if of is not None and head > sp[0] and text[head].islower():
                    sp = (sp[0], of.start())  # “…?” inquired the girl of Robert: Robert is asked
            return _with_epithet(text, _past_adjectives(text, sp, hi), hi), v
        adv = _ADVERB_ASIDE.match(text, v[1], hi)
        if adv is not None:
            # “…,” put in, more gently, an old woman: the subject after an adverb set off by commas
            sp = _mentions.np_after(text, adv.end(), hi)
            if sp is not None and sp[0] == adv.end():
                return _with_epithet(text, _past_adjectives(text, sp, hi), hi), v
    # “…,” was said by Ann / Ann was heard to say / were the words of Ann
    passive = _PASSIVE_TAG.match(text, p, min(hi, p + 120))
    if passive is not None and (_cues.lemma_of().get(passive.group("verb").lower()) is not None
                                or passive.group("verb") in ("words", "answer", "reply")):
        return passive.span("who"), passive.span("verb")
    # “…” was her husband's answer / were Tom's first words
    was = _WAS_WORDS.match(text, p, min(hi, p + 120))
    if was is not None:
        return was.span("who"), was.span("noun")
    # X said / X, the mayor, said / he had said
    sub = _subject_then_verb(text, p, hi)
    if sub is not None:
        return sub
    return None


# the speaker of such a tag (a pronoun, or a name of one or two words, perhaps with an
# honorific and a line wrap after it), and what ends the tag (an -ly adverb, punctuation)
_TAG_WHO = (r"(?P<who>he|she|(?:(?:Mr|Mrs|Miss|Dr)\.?[^\S\n]*\n?[^\S\n]*)?\p{Lu}\p{Ll}+"
            r"(?:[^\S\n]+\p{Lu}\p{Ll}+)?)")
_TAG_DONE = r"(?=(?:[^\S\n]+\p{Ll}{2,}ly)?[^\S\n]*[,.;:!?\N{EM DASH}])"
# “…,” blustered Mr. Hale. / “…!” whimpered she, / “…,” put in Tom.: a past-tense verb the
# lexicons lack (or a verb and its particle), then a name or a pronoun, then punctuation
_INVERTED = regex.compile(r"(?P<verb>\p{Ll}{3,}ed(?:[^\S\n]+(?:in|out|on))?|(?:put|broke|struck|went|cut)[^\S\n]+(?:in|on))"
                          r"[^\S\n]+" + _TAG_WHO + _TAG_DONE)
# “…,” Mrs. Hale ventured. / “…,” she persisted gently.: the same with the subject first
_INVERTED_SUBJECT = regex.compile(_TAG_WHO + r"[^\S\n]+(?P<verb>\p{Ll}{3,}ed)" + _TAG_DONE)


def _inverted_tag(text: str, pos: int, hi: int) -> Optional[Tuple[Span2, Span2]]:
    """Fiction: an inverted tag with a verb of no lexicon right after a quotation that
    ends with a comma, "!", "?" or a dash (the sentence goes on into the tag)."""
    if pos < 2 or text[pos - 2] not in ",!?-\N{EM DASH}":
        return None
    g = _GAP.match(text, pos, hi)
    p = g.end() if g else pos
    m = _INVERTED.match(text, p, min(hi, p + 60)) or _INVERTED_SUBJECT.match(text, p, min(hi, p + 60))
    if m is None:
        return _inverted_described(text, p, hi)
    who = m.group("who")
    if who not in ("he", "she"):
        first = who.split()[0]
        if (not _mentions.may_name_in_tag(first) or first.lower() in _lexicons.words("not_names")
                or who.rstrip(".") in _BARE_HONORIFICS):
            return None
    return m.span("who"), m.span("verb")


_BARE_HONORIFICS = frozenset(("Mr", "Mrs", "Miss", "Dr"))
# “…,” rapped the clergyman. / “…,” moodily answered the son. / “…,” broke in old Tom Hale.:
# an -ly adverb perhaps, a verb (of the lexicons, or one they lack, or a verb and its
# particle), then a person description or a name the noun-phrase reader finds
_INVERTED_VERB = regex.compile(r"(?:\p{Ll}{3,}ly[^\S\n]+)?(?P<verb>\p{Ll}{3,}ed(?:[^\S\n]+(?:in|out|on))?"
                               r"|(?:put|broke|struck|went|cut)[^\S\n]+(?:in|on)|\p{Ll}+)[^\S\n]+")
_DESCRIBED_DONE = regex.compile(r"(?:[^\S\n]+(?:\p{Ll}{2,}ly|again))?[^\S\n]*[,.;:!?\N{EM DASH}]")


def _inverted_described(text: str, p: int, hi: int) -> Optional[Tuple[Span2, Span2]]:
    """The inverted tags of ``_inverted_tag`` whose subject is a description or a name
    with words before it: the phrase must end the tag and name a person."""
    m = _INVERTED_VERB.match(text, p, min(hi, p + 40))
    if m is None:
        return None
    verb = m.span("verb")
    if not m.group("verb").endswith(("ed", "in", "on")) and _verb_at(text, verb[0], verb[1]) is None:
        return None
    sp = _mentions.np_after(text, m.end(), hi)
    if sp is None or sp[0] != m.end():
        return None
    sp = _past_adjectives(text, sp, hi)
    if _DESCRIBED_DONE.match(text, sp[1], hi) is None:
        return None
    who = _mentions.describe(text, sp[0], sp[1])
    if who.form == "pronoun" or who.kind not in ("person", "anonymous"):
        return None
    return sp, verb
_WRAP_WINDOW = 120
_WRAPPED_SPEAKER = regex.compile(r"(?:he|she|they|I|we|(?:\p{Lu}[\p{L}.'’-]*[^\S\n]*){1,3})")


def _wrapped_tag_after(text: str, pos: int, hi: int) -> Optional[Tuple[Span2, Span2]]:
    """``tag_after`` in hard-wrapped text, reading a line break in the tag window as a space.

    “…,” she⏎said. / “…,” said⏎Mr. Brown. / “…,”⏎said Mr. Brown. (a break before the tag
    only when the quotation ends with a comma and the verb comes first): the window is a
    short slice (never past the paragraph, which ends at a blank line), so the cost stays
    bounded per quotation.
    """
    end = min(hi, pos + _WRAP_WINDOW)
    if text.find("\n", pos, end) < 0:
        return None
    window = text[pos:end].replace("\n", " ")  # same length: offsets carry over
    got = tag_after(window, 0, len(window))
    if got is None:
        return None
    (a, b), (c, d) = got
    lo, hi2 = min(a, c), max(b, d)
    # the break must fall inside the tag ("she⏎said", "said⏎Mr. Brown"), not before it,
    # unless the sentence runs on into the tag: “…,”⏎said Cecil, “…?”⏎her mother asked
    runs_on = text[pos - 2 : pos - 1] in (",", "?", "!") and not text[pos:end].startswith("\n\n")
    inverted = c < a and runs_on
    lower = runs_on and window[lo : lo + 1].islower()
    if not (inverted or lower) and ("\n" in text[pos : pos + lo] or "\n" not in text[pos + lo : pos + hi2]):
        return None  # a break before the tag only in “…,”⏎said Cecil
    # only the plain shapes: a person pronoun, a capitalised name or (the sentence running
    # on into the tag) a person description, right next to the verb
    between = window[min(b, d) : max(a, c)].strip()
    if between and not (a < c and (between in _lexicons.words("auxiliaries") or between in _BEFORE_VERB)):
        return None  # (but “…,” Fannie had⏎replied: an auxiliary between subject and verb)
    if not _WRAPPED_SPEAKER.fullmatch(window, a, b):
        who = _mentions.describe(window, a, b)
        if not runs_on or who.form != "description" or who.kind != "person":
            return None
    return (a + pos, b + pos), (c + pos, d + pos)


def _wrapped_inverted_tag(text: str, pos: int, hi: int) -> Optional[Tuple[Span2, Span2]]:
    """``_inverted_tag`` in hard-wrapped text, a line break in the tag read as a space
    (“…,” put in⏎Kitty. / “…,” whimpered the⏎boy.): the same bounded window."""
    if pos < 2:
        return None
    end = min(hi, pos + _WRAP_WINDOW)
    if text.find("\n", pos, end) < 0:
        return None
    window = text[pos - 2 : end].replace("\n", " ")  # the closing punctuation too
    got = _inverted_tag(window, 2, len(window))
    if got is None:
        return None
    (a, b), (c, d) = got
    return (a + pos - 2, b + pos - 2), (c + pos - 2, d + pos - 2)


def _skip_space(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos] in " \t":
        pos += 1
    return pos


_SUBJ_VERB_WINDOW = 300
_CONTEXT_BACK = 1000  # characters of the sentence before a quotation searched for its speech verb
_TAG_BREAK = regex.compile(r"[!?\n\"“”]")  # what ends the subject scan (see the loop below)
_APPOSITIVES = regex.compile(r"(?:,[^,;:!?\"“”\n]{1,120}){1,3},[^\S\n]*(?:\p{Ll}+[^\S\n]+){0,2}")
# words a subject scan may leave out at its start ("German" in "German Chancellor X")
_LEAD_WORDS = regex.compile(r"(?:[\p{L}\p{N}'’-]+[^\S\n]+){0,2}")
# a conjunction among those words opens a subordinate clause of the narration ("…?" when it
# grunted again), whose subject speaks no tag
_SUBORDINATE_LEAD = regex.compile(r"(?<![\p{L}])(?i:when|while|whilst|until|till|before|after|because|though|although"
                                  r"|unless|if|since)(?![\p{L}])")


def _subject_then_verb(text: str, p: int, hi: int) -> Optional[Tuple[Span2, Span2]]:
    """A subject starting at ``p`` followed by a tag verb within a short window."""
    end = min(hi, p + _SUBJ_VERB_WINDOW)
    stop = _TAG_BREAK.search(text, p, end)  # no verb after one of these is tried
    for m in _cues.tag_verbs(text, p, end if stop is None else stop.start()):
        between = text[p : m.start()]
        if any(c in between for c in "!?\n\"“”"):
            return None
        got = _subject_for(text, p, hi, m)
        if got is not None:
            return got
    return None


# tag verbs that speak only with a particle ("Tom put in", "she broke off"): "Nell put down
# her sewing" or "he cut the bread" is an action beat, not a tag
_NEEDS_PARTICLE = frozenset("put puts putting cut cuts cutting break breaks broke breaking".split())
_GOES = frozenset("go goes went gone going".split())
_BEGINS = frozenset("begin begins began begun".split())
_TO_AFTER = regex.compile(r"[^\S\n]+to[^\S\n]+\p{Ll}")
_ON_AFTER = regex.compile(r"[^\S\n]+on(?![\p{L}])")
_PARTICLE_AFTER = regex.compile(r"[^\S\n]+(?:in|on|out|off|forth|short)(?![\p{L}])")


# words that stand between a tag's subject and its verb ("the boy half cried", "Ann almost
# shouted") and belong to neither
_BEFORE_VERB = frozenset("half almost nearly then still only just also even never again once".split())


def _without_adverb(text: str, sp: Span2) -> Optional[Span2]:
    """A subject read with an adverb before its verb ("the boy half"), without it."""
    cut = text.rfind(" ", sp[0], sp[1])
    if cut <= sp[0] or text[cut + 1 : sp[1]] not in _BEFORE_VERB:
        return sp
    end = cut
    while end > sp[0] and text[end - 1].isspace():
        end -= 1
    return (sp[0], end) if end > sp[0] else None


# a verb of hearing read into a subject ("he heard Tom whisper", "Ann heard Tom whisper"):
# the name after it speaks
_HEARD_LEAD = regex.compile(r"(?<![\p{L}])(?:heard|hear|hears)[^\S\n]+(?=\p{Lu})")
# a subject pronoun and one word in lower case (its verb) opening a tag: “…” She fell sobbing
_PRONOUN_THEN_VERB = regex.compile(r"(?P<who>[Hh]e|[Ss]he|I|[Tt]hey|[Ww]e)[^\S\n]+(?P<verb>\p{Ll}+)")
# a passive auxiliary between a tag's subject and its verb ("James was talked to", "she
# had been asked"): the subject is the one spoken to
_PASSIVE_GAP = regex.compile(r"[^\S\n]+(?:was|were|is|are|been|being|be)(?:[^\S\n]+\p{Ll}+ly)?[^\S\n]+")
_IRREGULAR_PARTICIPLES = frozenset("told spoken said bidden".split())
_PARTICIPLE_BY = regex.compile(r"\p{Ll}+ed[^\S\n]+by(?![\p{L}])")
_PARTICIPLE_AFTER = regex.compile(r"[^\S\n]*+,?[^\S\n]*+\p{Ll}+ed[^\S\n]+by(?![\p{L}])")


def _subject_for(text: str, p: int, hi: int, m: _cues.WordMatch) -> Optional[Tuple[Span2, Span2]]:
    """The subject of verb ``m`` if it starts the tag at ``p``."""
    start = _skip_space(text, p, hi)
    if m.group().lower() in _NEEDS_PARTICLE and _PARTICLE_AFTER.match(text, m.end(), hi) is None:
        return None
    if m.group().lower() in _GOES and _ON_AFTER.match(text, m.end(), hi) is None:
        return None  # “…” Ann went to the window: a beat; “…,” Ann went on: a tag
    if m.group().lower() in _BEGINS and _TO_AFTER.match(text, m.end(), hi) is not None:
        return None  # “…” Ann began to cry: a beat; “…,” Ann began: a tag
    if m.group().lower() in _cues.NOUN_FORMS:
        # “…” was her reply / was Tom's answer: the owner speaks (no subject to read)
        was = _WAS_OWNER.fullmatch(text, start, m.start())
        if was is not None:
            return was.span("who"), m.span()
    aspect = _ASPECT_BEFORE.search(text, max(p, m.start() - 24), m.start()) if m.group().endswith("ing") else None
    # “…!” And he didn't stop crying: the subject of the verb the participle goes on with
    sp = _mentions.subject_before(text, m.start() if aspect is None else aspect.start(), p)
    if sp is not None:
        sp = _without_adverb(text, sp)  # “…,” the boy half cried: "the boy"
    if sp is not None:
        heard = _HEARD_LEAD.search(text, sp[0], sp[1])
        if heard is not None:
            sp = (heard.end(), sp[1])  # “…?” he heard Tom whisper: Tom speaks
    if sp is not None:
        pron = _PRONOUN_THEN_VERB.fullmatch(text, start, sp[1])
        if pron is not None and pron.start("verb") == sp[0]:
            sp = pron.span("who")  # “…” She fell sobbing: "fell" is her verb, not a noun phrase
    if sp is not None and _PARTICIPLE_BY.match(text, sp[0], sp[1]) is not None:
        return None  # “…” accompanied by a violent yawn / followed by a sigh: no one's tag
    if (sp is not None and _PASSIVE_GAP.fullmatch(text, sp[1], m.start()) is not None
            and (m.group().lower().endswith("ed") or m.group().lower() in _IRREGULAR_PARTICIPLES)):
        return None  # “…;” and James was talked to / Tom was told: spoken to, not speaking
    if sp is not None and _LEAD_WORDS.fullmatch(text, start, sp[0]):
        if _SUBORDINATE_LEAD.search(text, start, sp[0]) is not None:
            return None  # “…?” when it grunted again: a clause of the narration, not a tag
        if m.group().lower() in _cues.NOUN_FORMS:
            # “…” was her cordial reply / was Margaret's answer: the owner speaks
            own = _OWNER.match(text, sp[0], sp[1])
            if own is not None:
                return own.span("who"), m.span()
            if _WAS_BEFORE.search(text, start, sp[0]) is not None:
                return None  # “…” was the acid reply: the words before the noun name nobody
        return sp, m.span()
    # “…,” Jane Doe, a lawyer, one of the plaintiffs, said
    sp = _mentions.np_after(text, start, m.start())
    if sp is not None and text[sp[1] : sp[1] + 1] == "," and _APPOSITIVES.fullmatch(text, sp[1], m.start()) \
            and text[sp[0] : sp[1]].lower() not in _lexicons.words("not_names"):
        return sp, m.span()  # (not an opener: "Suddenly, together, at the same moment, they said")
    return None


def _speaker_like(text: str, sp: Span2) -> bool:
    """The words at ``sp`` may name who speaks (``_mentions.is_speaker_like``)."""
    return _mentions.is_speaker_like(_mentions.describe_phrase(text[sp[0] : sp[1]]))


# a name after a phrase of time read into one noun phrase with it ("Then for the first
# time Joe spoke:", "The next moment Ann said,"): the time noun, then the name
_NAME_AFTER_TIME = regex.compile(r"(?<![\p{L}])(?:time|moment|instant|minute|second|morning|evening|night|day|while)"
                                 r"[^\S\n]+(?P<name>(?:\p{Lu}[\p{L}'’\-]*\.?[^\S\n]+){0,2}\p{Lu}[\p{L}'’\-]*)\Z")


def _name_after_time(text: str, sp: Span2) -> Optional[Span2]:
    """The name that ends the noun phrase ``sp`` when a phrase of time runs into it
    ("the first time Joe"), if it may name who speaks; else None."""
    m = _NAME_AFTER_TIME.search(text, max(sp[0], sp[1] - 60), sp[1])
    if m is None:
        return None
    got = m.span("name")
    return got if _speaker_like(text, got) else None


# a verb of going on, starting or not holding back before a tag in -ing ("went on singing",
# "kept laughing", "began chanting", "fell to sobbing", "could not resist saying"): its
# subject is the tag's
_ASPECT_BEFORE = regex.compile(r"(?<![\p{L}])(?:went|goes|go|kept|keeps|keep|began|begins|started|starts|fell|falls"
                               r"|resist|resisted|help|helped|stop|stopped|forbear|forbore)"
                               r"(?:[^\S\n]+(?:on|to))?[^\S\n]+\Z")


# fiction: a semicolon or a dash after the closing mark, then perhaps "and"/"but", and a
# subject-first verb with words after it (“…”; and Tom begged the company to …): a clause
# of the narration going on, not the quotation's tag
_CLAUSE_AFTER_MARK = regex.compile(r"[^\S\n]*+(?:;|--|\N{EM DASH})\s*+(?:(?i:and|but|then)\s++)?\Z")
_OBJECT_AFTER = regex.compile(r"[^\S\n]*+\n?[^\S\n]*+(?<=\s)(?!(?:again|once|too|at|in|with|to|softly|gently)(?![\p{L}]))\p{L}{2,}+(?<!ly)")


def tag_before(text: str, lo: int, pos: int, lead_in: bool = False) -> Optional[Tuple[Span2, Span2]]:
    """A speech tag before an opening mark at ``pos`` in ``[lo, pos)``: (speaker, cue);
    with ``lead_in``, the tag ends a lead-in paragraph (``pos`` is that paragraph's end)."""
    last = noun = None
    said = -1  # where the finite tag verb a participle follows starts ("then said, laughing:")
    verbs: List[_cues.WordMatch] = []  # such verbs: a clause of time may follow one before the mark
    for m in _cues.tag_verbs(text, lo, pos):
        if _AFTER_PREPOSITION.search(text, max(lo, m.start() - 40), m.start()) is None:
            verbs.append(m)
            follows = (last is not None and m.group().endswith("ing") and not last.group().endswith("ing")
                       and _COMMA_ONLY.fullmatch(text, last.end(), m.start()) is not None)
            said = last.start() if follows and last is not None else -1
            last = m
        else:
            noun = m  # "said with a laugh", "in a hasty whisper": a noun; the verb before it is the tag's
    filler = _LEAD_FILLER if lead_in else _FILLER
    if not lead_in and len(verbs) > 1 and verbs[-1] is last:
        for before in verbs[-2::-1][:2]:
            if (not before.group().endswith("ing") or before.group().lower() == "saying") and _WHEN_ASIDE.match(
                    text, before.end(), pos) is not None:
                last, said = before, -1  # "Tom said, when Ann had gone, “…”": the aside's verb is no tag
                break
    if noun is not None and (last is None or filler.match(text, last.end(), pos) is None):
        last = noun  # "stopped her with the conclusive answer, “…”": only the noun says who speaks
    if last is None:
        return None
    if filler.match(text, last.end(), pos) is None and (
            lead_in or last.group().endswith("ing") or _COMMA_ASIDE.match(text, last.end(), pos) is None) and (
            lead_in or _WHEN_ASIDE.match(text, last.end(), pos) is None):
        # (but "the Gryphon said, in an offended tone, “…”": a short aside set off by commas;
        # "saying, as she left the room, “…”": a clause of time, even after a participle)
        return None
    v = last.span()
    heard = _HEARD_SAY.search(text, max(lo, v[0] - 40), v[0])
    if heard is not None:
        return heard.span("who"), v  # "He heard her murmur:", "let him say": the one heard speaks
    if last.group().endswith("ing"):
        owed = _FOR_SAYING.search(text, max(lo, v[0] - 60), v[0])
        if owed is not None:
            thanked = _mentions.np_after(text, owed.end("to"), owed.start("for"))
            if (thanked is not None and _skip_space(text, thanked[1], v[0]) == owed.start("for")
                    and _speaker_like(text, thanked)):
                return thanked, v  # "she was grateful to her uncle for saying": the uncle speaks
        owner = _OWNER_GERUND.search(text, max(lo, v[0] - 100), v[0])
        if owner is not None and _speaker_like(text, owner.span("np")):
            return owner.span("np"), v  # "without Tom's giving a sigh, and saying": Tom speaks
    aspect = _ASPECT_BEFORE.search(text, max(lo, v[0] - 24), v[0]) if last.group().endswith("ing") else None
    # "Ann went on singing, “…”": the subject of the verb the participle goes on with
    # ("She reflected a moment, and then said, laughing:": the subject of "said")
    sp = _mentions.subject_before(text, said if said >= 0 else v[0] if aspect is None else aspect.start(), lo)
    if sp is not None:
        sp = _name_after_time(text, sp) or (sp if _speaker_like(text, sp) else None)
    if sp is not None and _PREPOSITION_BEFORE.search(text, max(lo, sp[0] - 12), sp[0]) is not None:
        sp = None  # "Darcy spoke, and in a constrained manner said": no subject there
    who = None
    if text.find("who", max(lo, v[0] - 160), v[0]) != -1:
        who = _WHO_BEFORE.search(text, max(lo, v[0] - 12), v[0])
        if who is None:
            # "…from Mary, who, on having occasion to note the day, exclaimed": an aside after "who"
            who = _WHO_ASIDE_BEFORE.search(text, max(lo, v[0] - 160), v[0])
    if who is not None and (sp is None or sp[1] <= who.start()):
        # the verb is the relative clause's: its subject is the noun phrase "who" stands for,
        # also after the sentence's own subject ("She was met by Mary, who, running up, cried")
        np = _NP_END.search(text, max(lo, who.start() - 60), who.start())  # "…by the butler, who said"
        got = np.span() if np is not None else None
        if got is not None and text[got[0] : got[0] + 1].islower():
            pp = _PP_INSIDE.search(text, got[0], got[1])
            if pp is not None:
                got = (got[0], pp.start())  # "looked at his father for permission, who said": "his father"
        if got is not None and _speaker_like(text, got):
            sp = got
    if sp is None:
        # "He took the hint, and soon began with, “…”": the clause's subject is further back;
        # "Ann was quiet; but Tom, much offended, rose and said, “…”": the last clause's
        c = text.rfind(";", lo, v[0])
        if c != -1:
            lead = _CLAUSE_LEAD.match(text, c + 1, v[0])
            sp = _sentence_subject(text, lead.end() if lead else c + 1, v[0])
    if sp is None and lead_in and _BY_BEFORE.search(text, max(lo, v[0] - 8), v[0]) is not None:
        # "…, when Mary eagerly interrupted her by exclaiming--": the subject of the clause
        # whose verb the gerund goes with
        joins = list(_COMMA_WHEN.finditer(text, lo, v[0]))
        if joins:
            sp = _sentence_subject(text, joins[-1].end(), v[0])
            if sp is not None and not _speaker_like(text, sp):
                sp = None
    if sp is None and lead_in:
        # "Ann, amused, hardly knew what to answer, and the Admiral, fearing …, took up the
        # subject again, to say--": the subject of the last clause joined by ", and"
        joins = list(_COMMA_AND.finditer(text, lo, v[0]))
        if joins:
            sp = _sentence_subject(text, joins[-1].end(), v[0])
            if sp is not None and (not _speaker_like(text, sp) or (
                    text[sp[1] : sp[1] + 1] != "," and not _named_person(text, sp))):
                sp = None  # (only a subject set off by an aside: "the Admiral, fearing …,", or a name)
    if sp is None and _AND_BEFORE_VERB.search(text, max(lo, v[0] - 40), v[0]) is not None:
        # "He tried to take her hand, but she drew it back and said": the verb goes with
        # the last clause joined before it, not with the sentence's first
        sp = _joined_clause_subject(text, lo, v[0])
    if sp is None:
        sp = _sentence_subject(text, lo, v[0]) or _last_person_before(text, lo, v[0])
    if sp is None:
        # inverted: "…, cried Elizabeth, “…”": the name must end the tag
        sp = _mentions.np_after(text, _skip_space(text, v[1], pos), pos)
        if sp is None or sp[0] - v[1] > 2 or _INVERTED_END.match(text, sp[1], pos) is None:
            return None
        if last.group().endswith("ing"):
            return None  # "Then addressing her daughter, “…”": the participle's object is spoken to
        if not _speaker_like(text, sp):
            return None  # "answered most readily, “…”"
    if sp[1] - sp[0] <= 3 and text[sp[0] : sp[1]].lower() in ("he", "she"):
        aside = _AS_CLAUSE_BEFORE.search(text, max(lo, sp[0] - 12), sp[0])
        if aside is not None:
            # "“…,” he added, as she laughed, “…”": a clause of the moment after a tag of
            # its own is no tag; that earlier tag's speaker goes on
            earlier = tag_before(text, lo, aside.start())
            if earlier is not None and text[max(0, min(earlier[0][0], earlier[1][0]) - 4) : min(
                    earlier[0][0], earlier[1][0])].rstrip()[-1:] in ("\"", "\u201d", "'", "\u2019"):
                return earlier  # (a tag right after the closing mark of the part before)
    return sp, v


# a comma and a subordinator of time or manner right before a tag's subject pronoun
_AS_CLAUSE_BEFORE = regex.compile(r",[^\S\n]*(?:as|when|while|whilst)" + r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)\Z")

_COMMA_ONLY = regex.compile(r"[^\S\n]*+,[^\S\n]*+")
# a short aside set off by commas after a tag verb, before the opening mark: a phrase of
# manner ("said, in a low voice,", "added, with a smile,") or an adverb ("said, coldly,")
_COMMA_ASIDE = regex.compile(r",[^\S\n]*+(?:(?:in|with|without|after|at|for|to|by)[^\S\n]+[^,.;:!?\"“”\n]{1,60}"
                             r"|\p{Ll}+ly)[^\S\n]*+,[^\S\n]*+\Z")
# a clause of time set off by commas between a tag verb and its quotation (“and said, as he
# broke into a laugh, “…”, “saying, when she had gone, “…”): its own subject does not speak
_WHEN_ASIDE = regex.compile(r"(?:[^\S\n]+to[^\S\n]+(?:himself|herself))?,[^\S\n]*+(?:as|when|while|before|till|until)[^\S\n]+"
                          r"[^,.;:!?\"“”\n]{1,100}?[^\S\n]*+,[^\S\n]*+\Z")
# a preposition and an article (and an adjective) right before a word: that word is a noun
_AFTER_PREPOSITION = regex.compile(r"(?<![\p{L}])(?:in|with|into|of|after|by|from|without)[^\S\n]+(?:a|an|the|his|her|their|my|our|your)"
                                   r"(?:[^\S\n]+\p{Ll}+)?[^\S\n]+\Z")
# where a clause joined to the one before starts: after ", and", ", but", ", while" or a
# semicolon, a subject pronoun right after a comma (a main clause after a fronted one),
# or "that" before a subject ("showed such signs of floundering that Ann collected herself")
_WRAPPED_SPACE = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"  # spaces, or one line break of hard-wrapped text
_CLAUSE_JOIN = regex.compile(r"(?:,[^\S\n]*(?:and|but|yet|while|whilst)|;(?:[^\S\n]*(?:and|but|yet))?)[^\S\n]+"
                             r"|,[^\S\n]+(?=(?:he|she|they|I|we)[^\S\n]+\p{Ll})"
                             r"|(?<=[^\S\n])that[^\S\n]+(?=\p{Lu}|(?:he|she|they|we|the|his|her)[^\S\n])")
# words opening a subordinate clause: its subject is not the main verb's
_SUBORDINATORS = frozenset("when as if though although while whilst till until because since before after "
                           "whenever where once that who which".split())
_VERB_NEXT = regex.compile(r"(?:[^\S\n]*,[^\S\n]*[^,;:.!?\"“”\n]{1,60},)?[^\S\n]+\p{Ll}")
# a verb coordinated with the one before: "… and said", "…, and eagerly cried"
_AND_BEFORE_VERB = regex.compile(r"(?<![\p{L}])(?:and(?:[^\S\n]+\p{Ll}+ly)?|into|of)" + _WRAPPED_SPACE + r"\Z")
_WORD_AT = regex.compile(r"\p{L}+")
_POSSESSIVE_IN = regex.compile(r"['’]s[^\S\n]")
_PARENTHETICAL = regex.compile(r"[^\S\n]+\p{Ll}+[^\S\n]*,")


def _joined_clause_subject(text: str, lo: int, hi: int) -> Optional[Span2]:
    """The subject of the last clause of ``[lo, hi)`` when it is joined to the one before
    by ", and", ", but", ", while" or a semicolon, or opens with a pronoun after a comma
    (past joins that only add a verb: "…, came up, and eagerly cried out"): a person or
    a subject pronoun followed by a word in lower case (its verb), directly or after an
    aside set off by commas; None if that clause opens otherwise."""
    joins = list(_CLAUSE_JOIN.finditer(text, lo, hi))
    start = -1
    while joins:
        when = _TIME_AFTER_JOIN.match(text, joins[-1].end(), hi)
        if when is not None:
            start = when.end()  # "…, and at last Ann rose and said": the clause's subject after its word of time
            break
        word = _WORD_AT.match(text, joins[-1].end(), hi)
        if word is None and joins[-1].end() >= hi:
            joins.pop()  # "…, and" right before the verb
            continue
        if word is None or not word.group().islower() or word.group() in _SUBORDINATORS \
                or word.group() in _mentions.PRONOUNS or word.group() in _lexicons.first_field("determiners"):
            break
        joins.pop()  # "…, came up with him, and eagerly cried out": one more verb of the same subject
    if not joins:
        return None
    if start < 0:
        start = joins[-1].end()
    word = _WORD_AT.match(text, start, hi)
    if word is None or word.group().lower() in _SUBORDINATORS:
        return None
    sp = _sentence_subject(text, start, hi)
    if sp is None or sp[0] != start or _VERB_NEXT.match(text, sp[1], hi) is None:
        return None
    if _POSSESSIVE_IN.search(text, sp[0], sp[1]) is not None:
        return None  # "Tom's plan brought Ann …": a thing owned, not who speaks
    if _PARENTHETICAL.match(text, sp[1], hi) is not None:
        return None  # "His voice, she noticed, had …": an aside, not a clause
    m = _mentions.describe_phrase(text[sp[0] : sp[1]])
    if m.form == "pronoun":
        return sp if text[sp[0] : sp[1]].lower() in ("he", "she", "they", "i", "we") else None
    return sp if m.kind == "person" else None


# a word or two of time opening a joined clause before its subject, a name or "he"/"she"
# ("…, and at last Ann rose", "…; then she said"): the subject comes after it
_TIME_AFTER_JOIN = regex.compile(r"(?:at" + _WRAPPED_SPACE + r"(?:last|length|once)|then|now|presently|suddenly|soon|finally),?"
                                 + _WRAPPED_SPACE + r"(?=\p{Lu}|(?:he|she)[^\S\n])")


_FORMER_LATTER_AT = regex.compile(r"[Tt]he[^\S\n]+(?:former|latter)(?![\p{L}])")


_COMMA_WHEN = regex.compile(r",\s{1,3}(?:and|when|as|while|till|until)\s{1,3}")
_BY_BEFORE = regex.compile(r"(?<![\p{L}])by\s{1,3}\Z")
_COMMA_AND = regex.compile(r",\s{1,3}and\s{1,3}")
_NP_END = regex.compile(r"(?:(?<![\p{L}])(?:the|a|an|his|her|their|my|our|your)\s+(?:[\p{Ll}\-]+\s+){0,2}"
                        r"[\p{Ll}\-]+|(?<![\p{L}.'’\-])(?:\p{Lu}[\p{L}.'’\-]*[^\S\n]+){0,3}\p{Lu}[\p{L}'’\-]*)\Z")
# a preposition inside a lower-case noun phrase read back from "…, who": the phrase ends before it
_PP_INSIDE = regex.compile(r"(?<=\p{L})\s+(?=(?:for|with|at|in|on|by|from|to|of)\s)")
_PREPOSITION_BEFORE = regex.compile(r"(?<![\p{L}])(?:in|with|at|by|from|for|of|on|to|into|upon|without|like|than|about"
                                    r"|against|towards|toward|behind|beside|among)[^\S\n]+\Z",
                                    regex.IGNORECASE)
_OWNER = regex.compile(r"(?P<who>his|her|their|my|our|(?:\p{Lu}[\p{L}.\-]*[^\S\n]+){0,2}\p{Lu}[\p{L}\-]*(?=['’]s(?![\p{L}])))"
                    r"(?![\p{L}])", regex.IGNORECASE)
_WAS_OWNER = regex.compile(r"(?:was|were)[^\S\n]+(?:(?P<who>his|her|their|my|our)"
                           r"|(?P<who>(?:\p{Lu}[\p{L}.\-]*[^\S\n]+){0,2}\p{Lu}[\p{Ll}\-]*)['’]s)"
                           r"(?:[^\S\n]+\p{Ll}+){0,2}[^\S\n]+")
_WAS_BEFORE = regex.compile(r"(?<![\p{L}])(?:was|were)[^\S\n]+\Z")
# a verb of hearing or letting, its object, then the tag verb bare: the object speaks
_HEARD_SAY = regex.compile(r"(?<![\p{L}])(?:hear|hears|heard|hearing|let|lets|letting)[^\S\n]+"
                           r"(?P<who>him|her|them|me|us)[^\S\n]+\Z")
# "grateful to her uncle for saying", "thanked Tom for saying": the one thanked says it
_FOR_SAYING = regex.compile(r"(?<![\p{L}])(?P<to>(?:grateful|thankful|obliged|indebted)[^\S\n]+to|thanked|thanks|thank"
                           r"|thanking|blamed|blame|forgave|forgive)[^\S\n]+"
                           r"[^,;:.!?\"“”\n]{1,40}?(?P<for>(?<![\p{L}])for)[^\S\n]+\Z")
# a name owning a gerund, and another gerund joined to it: "Tom's giving a sigh, and saying"
_OWNER_GERUND = regex.compile(r"(?<![\p{L}.])(?P<np>\p{Lu}[\p{L}.]*+(?:[^\S\n]+\p{Lu}[\p{L}.]*+){0,2})['’]s[^\S\n]+"
                              r"\p{Ll}+ing(?![\p{L}])[^.;:!?\"“”\n]{0,60}?,?[^\S\n]+and[^\S\n]+\Z")
# ", who" right before a tag verb, or ", who, <aside>," (either may wrap over one line break)
_WHO_BEFORE = regex.compile(r",[^\S\n]*who" + _WRAPPED_SPACE + r"\Z")
_WHO_ASIDE_BEFORE = regex.compile(r",[^\S\n]*who[^\S\n]*,(?:[^;:.!?\"“”\n]|\n(?![^\S\n]*\n)){1,150},"
                                  r"(?:[^\S\n]*|" + _WRAPPED_SPACE + r")\Z")
_CLAUSE_LEAD = regex.compile(r"[^\S\n]*(?:(?:but|and|yet|so|then|when|while)(?![\p{L}])[^\S\n]*)?")


# verbs by which a speaker takes up the word again, and what may follow them before the
# full stop that ends a lead-in ("began again.", "continued, speaking quickly.", "went
# on in the same vein."): nothing, "on"/"again", then an aside that opens with a comma,
# a preposition, an adverb in -ly or a participle -- never an object ("added a dash of
# pepper")
_GOES_ON_VERBS = frozenset(("continued", "resumed", "pursued", "persisted", "proceeded", "went", "began", "added"))
# a story told (its object after a telling verb): "told her story", "went on with his tale"
_TELLING_VERBS = frozenset(("told", "began", "commenced", "resumed", "continued", "proceeded", "went", "narrated"))
# a word for a story told ("took up the tale", "told her story"; ``_dialogue._TELLS_ON`` too)
STORY_NOUN = r"(?:tale|story|narrative|narration|recital|account|yarn|history|reminiscences?)(?![\p{L}])"
_STORY_OBJECT = regex.compile(
    r"(?:[^\S\n]+(?:on[^\S\n]+with|with|into|upon|on))?\s{1,3}(?:the|his|her|their|an?)\s{1,3}(?:[\p{Ll}\-]+\s{1,3}){0,2}?"
    + STORY_NOUN)
_GOES_ON_TAIL = regex.compile(
    r"(?:[^\S\n]+(?:on|again))?"
    r"(?:,\s*[^.!?;:\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]{1,80}"
    r"|\s{1,3}(?:in|with|without|after|as|at|for|to|from|by|\p{Ll}+ly)(?![\p{L}])"
    r"[^.!?;:\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]{0,80})?\Z")


# what a lead-in sentence may open with before the main clause whose subject speaks: a
# cleft ("It was not till the door shut that Ann could say:"), a fronted subordinate
# clause ("Just before I left, the old lady came up and said:") or an absolute phrase
# ("Tom having gone, Ann said:"); its words may run over a line break in wrapped text
_CLAUSE_CHAR = r"(?:[^,;:.!?\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\n]|" + _WRAP_BREAK + r")"
_LEAD_OPENING = regex.compile(
    r"(?:(?:But|And|Then|So)[^\S\n]+)?(?:"
    r"It\s+was\s+(?:not\s+|only\s+)?(?:till|until|when|after|before|then|now|only)(?![\p{L}])"
    + _CLAUSE_CHAR + r"{1,150}?(?<=\s)that"
    r"|(?i:(?:just|even|only|soon|long|shortly|directly|immediately)\s+)?"
    r"(?i:when|while|whilst|as|before|after|till|until|since|though|although|once)(?![\p{L}])"
    + _CLAUSE_CHAR + r"{1,150}?,"
    r"|\p{Lu}[\p{L}'’\-]*+(?:[^\S\n]+[\p{L}'’\-]++){0,3}?,?\s+having(?![\p{L}])" + _CLAUSE_CHAR + r"{1,150}?,"
    r")\s+")


_WHO_AT = regex.compile(r",[^\S\n]*+who(?=\s)")


def _main_clause_tag(text: str, lo: int, hi: int, tb: Optional[Tuple[Span2, Span2]]) -> Optional[Tuple[Span2, Span2]]:
    """A lead-in sentence's tag ``tb`` (from ``tag_before``) or, when that sentence opens
    with a cleft, a fronted clause or an absolute phrase (``_LEAD_OPENING``) and ``tb``
    found no subject after it, the tag of its main clause, if that clause opens with its
    subject ("It was not till the door shut that Ann could say:": Ann, not "It"); when
    ``tb`` is None, the tag of the last relative clause's "who" (its noun phrase)."""
    if tb is None and text.find("who", lo, hi) != -1:
        # "…were all united by the voice of Mr. Pell, who strode up to the table, and
        # began:": no subject of the sentence speaks; the one "who" stands for does
        last = None
        for last in _WHO_AT.finditer(text, lo, hi):
            pass
        np = _NP_END.search(text, max(lo, last.start() - 60), last.start()) if last is not None else None
        if np is not None and _speaker_like(text, np.span()):
            got = tag_before(text, np.start(), hi, lead_in=True)
            if got is not None and got[0] == np.span():
                return got
    m = _LEAD_OPENING.match(text, lo, hi)
    if m is None or (tb is not None and tb[0][0] >= m.end()):
        return tb
    got = tag_before(text, m.end(), hi, lead_in=True)
    if got is None or got[0][0] != m.end() or (tb is not None and got[1] != tb[1]):
        return tb
    return got


def _goes_on_lead(text: str, lo: int, hi: int) -> Optional[Tuple[Span2, Span2]]:
    """A sentence ``[lo, hi)`` (its full stop left out) that ends with a speaker taking
    up the word again ("Then Tom went on.", "Mrs. Hurst began again.") or telling a
    story ("She told her story in a low voice.", "Tom proceeded with his tale."):
    (speaker, verb)."""
    last = None
    for m in _cues.tag_verbs(text, lo, hi):
        last = m
        if m.group().lower() in _TELLING_VERBS:
            # (the story's tail may hold a verb of its own: "in a broken voice")
            story = _STORY_OBJECT.match(text, m.end(), hi)
            if story is not None and _GOES_ON_TAIL.match(text, story.end(), hi) is not None:
                return tag_before(text, lo, m.end(), lead_in=True)
    if last is None or last.group().lower() not in _GOES_ON_VERBS:
        return None
    tail = _GOES_ON_TAIL.match(text, last.end(), hi)
    if tail is None:
        return None
    word = last.group().lower()
    if (word == "went" and not text.startswith(" on", last.end())) or (word == "began" and not text.startswith(" again", last.end())):
        return None  # "went out.", "off they went again.", "began to cry."
    return tag_before(text, lo, last.end(), lead_in=True)


def _named_person(text: str, sp: Span2) -> bool:
    """The phrase is a person's name with a capital ("Mrs. Hale", "Tom"), not a pronoun
    nor a description."""
    if not text[sp[0]].isupper():
        return False  # "and met Maria on the landing": an object, the verb before it
    m = _mentions.describe_phrase(text[sp[0] : sp[1]])
    return m.form == "name" and m.kind == "person"


def _common_opener(word: str) -> bool:
    """A capitalised common word opening a sentence ("Something", "Such", "Smiling",
    "Startled": a participle in "-ed" after a consonant, six letters or more)."""
    w = word.lower()
    if " " in w or word in _lexicons.mapping("first_names"):
        return False
    return (w in _lexicons.words("not_names") or w in _lexicons.words("function_words") or w.endswith("ing")
            or (len(w) >= 6 and w.endswith("ed") and w[-3] not in "aeiou"))  # "Halted, he peered down"


def _sentence_subject(text: str, lo: int, hi: int) -> Optional[Span2]:
    """The noun phrase a sentence starts with, if it is followed by a verb-like word."""
    dash = _DASH_OPENING.match(text, lo, hi)
    if dash is not None:
        lo = dash.end()  # "-- Mr. Collins listened …": a paragraph opening with a dash
    sp = _mentions.np_after(text, lo, hi)
    if sp is None:
        lead = _OPENER.match(text, lo, hi)  # "Then Mrs. Hale opened the door and said"
        sp = _mentions.np_after(text, lead.end(), hi) if lead is not None else None
    if sp is None:
        return None
    first = text[sp[0] : sp[1]].split(None, 1)
    if (len(first) == 2 and first[0].lower() in _lexicons.words("not_names") and first[1][:1].isupper()
            and first[0].lower() not in _lexicons.first_field("determiners")):
        sp = (text.index(first[1], sp[0]), sp[1])  # "Suddenly Nell Parry looked up and said": an opener
    if _FORMER_LATTER_AT.fullmatch(text, sp[0], sp[1]) is not None:
        return None  # "the former went on": the dialogue rules pick one of the two named before
    owned = _OWNED_PERSON.match(text, sp[1], hi) if text.endswith(("'s", "’s"), sp[0], sp[1]) else None
    if owned is not None and owned.group(1) in _companion_words():
        sp = (sp[0], owned.end(1))  # "But Tom's companion, when …, said": the companion, not Tom
    m = _mentions.describe_phrase(text[sp[0]:sp[1]])
    if m.form == "name" and m.kind == "person" and not m.title and _common_opener(text[sp[0] : sp[1]]):
        return None  # "Something must have bitten him": a capitalised opener, not a name
    if m.kind in ("person", "organization", "media", "anonymous") or m.form == "pronoun":
        return sp
    return None


# a word for a person right after a possessive subject ("Tom's companion", "Ann's friend")
_OWNED_PERSON = regex.compile(r"[^\S\n]+(\p{Ll}+)(?![\p{L}'’])")


@functools.lru_cache(maxsize=1)
def _companion_words() -> FrozenSet[str]:
    """Words for one who is with another ("companion", "friend") and relation words."""
    return frozenset(("companion", "friend", "comrade", "partner")) | _lexicons.first_field("relation_words")


_DASH_OPENING = regex.compile(r"[^\S\n]*+(?:--|\N{EM DASH}|\N{EN DASH})[^\S\n]*+(?=\p{Lu})")
_OPENER = regex.compile(r"[^\S\n]*(?:Then|And|But|So|Now|Presently|Suddenly|Soon|At last|At length|Again)"
                        r",?[^\S\n]+(?=\p{Lu}|(?:the|a|an|his|her|their|my|our)[^\S\n])")


# White space but a line break (the regex class [^\S\n]; tests/test_speed.py checks it).
_HSPACE = frozenset("\t\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_NOT_CLAUSE = frozenset(".!?;\"“”\n")


def _clause_tail(text: str, pos: int, hi: int) -> Optional[int]:
    r"""Where a clause from ``pos`` ends: before the white space ahead of a sentence
    mark (or of ``hi``), at most 200 characters on, with no quotation mark or line break
    on the way; None if there is no such end. (The regex
    ``[^.!?;"“”\n]{1,200}?(?=[^\S\n]*[.!?;]|[^\S\n]*\Z)`` matched from ``pos`` to ``hi``,
    without its cost on long runs of spaces: its look-ahead re-read a run of spaces at
    every step, this reads it once.)"""
    limit = min(hi, pos + 200)
    x = pos
    run_end = -1  # white space from a position up to run_end leads to what run_ok says
    run_ok = False
    while x < limit:
        if text[x] in _NOT_CLAUSE:
            return None
        x += 1
        if x > run_end:
            y = x
            while y < hi and text[y] in _HSPACE:
                y += 1
            run_end = y
            run_ok = y >= hi or text[y] in ".!?;"
        if run_ok:
            return x
    return None


_COORDINATED = regex.compile(r"(?:\band|\bbut)(?:[^\S\n]+(?:did|also|then|later|has|had|would|will))*[^\S\n]*\Z")
_INVERTED_END = regex.compile(r"(?:[^\S\n]++\p{Ll}+ly)?[^\S\n]*+(?:[,:;.\N{EM DASH}]|--)?[^\S\n]*\Z")
_SUBJECT_PRONOUN = regex.compile(r"(?<![\p{L}])(?:[Hh]e|[Ss]he|I|[Tt]hey|[Ww]e)(?![\p{L}'’])")


def _last_person_before(text: str, lo: int, hi: int) -> Optional[Span2]:
    """The last subject pronoun before ``hi`` in the clause: "…, and after a pause she added";
    before a verb joined by a semicolon, not one opening a subordinate clause if another
    comes before it ("He came to the table where she sat; and, smiling, said": he)."""
    last = main = None
    for m in _SUBJECT_PRONOUN.finditer(text, lo, hi):
        last = m
        word = _WORD_BEFORE.search(text, max(lo, m.start() - 12), m.start())
        if word is None or word.group(1).lower() not in _SUBORDINATORS:
            main = m
    if main is not None and last is not None and ";" in text[last.end() : hi]:
        last = main
    return last.span() if last is not None else None


_WORD_BEFORE = regex.compile(r"(?<![\p{L}])(\p{L}+)[^\S\n]+\Z")


class Attributor:
    """Attributes the quotations of one text (news rules; fiction adds ``_dialogue``)."""

    def __init__(self, text: str, layout: Layout, quotations: List[Quotation], genre: str = "news") -> None:
        self.text = text
        self.news = genre != "fiction"
        self.layout = layout
        self.quotations = quotations
        self._starts = [q.start for q in quotations]  # in text order (find_quotations sorts them)
        self.records: List[Attribution] = []
        # per quotation: index of its record (or None when dropped/merged)
        self.record_of: List[Optional[int]] = [None] * len(quotations)
        self._starts = [q.start for q in quotations]

    def _in_quotation(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self.quotations[i].start <= pos < self.quotations[i].end

    def run(self, *, scare_quotes: bool = False) -> List[Attribution]:
        qs = self.quotations
        i = 0
        while i < len(qs):
            q = qs[i]
            used = self._direct(i)
            if used == 0:
                rec = self._fragment(q, scare_quotes)
                if rec is not None:
                    self.record_of[i] = len(self.records)
                    self.records.append(rec)
                used = 1
            i += used
        return self.records

    # -- direct quotations --------------------------------------------------

    def _is_direct_shape(self, q: Quotation) -> bool:
        text = self.text
        pstart, _ = self.layout.paragraph(q.start)
        if q.dash or q.missing_open or len(q.parts) > 1:
            return True
        cs, ce = q.parts[0]
        last = text[ce - 1]
        b = _nonspace_before(text, q.start, pstart)
        before = text[b] if b >= pstart else None
        if before is None or before in _CLAUSE_BEFORE:
            return True
        if not self.news and text[b - 1 : b + 1] == "--":
            # fiction: two hyphens after a finished sentence or quotation (“…!” she cried. --“…”),
            # or after a lead-in with its tag ("Tom felt it and said,--“…”")
            d = _nonspace_before(text, b - 1, pstart)
            if d >= pstart and text[d] in ".!?;\"”'’":
                return True
            return tag_before(text, max(pstart, self.layout.sentence(q.start)[0]), q.start) is not None
        if before == ",":
            return text[cs].isupper() or last in _END_PUNCT
        # mid-sentence: a full sentence right after a verb ("Trump said “We will win.”")
        if text[cs].isupper() and last in ".!?…":
            return _verb_ending_at(text, b + 1) is not None
        return False

    def _mid_sentence_lower(self, q: Quotation) -> bool:
        """A quotation starting in lower case right after a word: a quoted fragment."""
        text = self.text
        cs = q.parts[0][0]
        if q.dash or q.missing_open or not text[cs].islower():
            return False
        b = _nonspace_before(text, q.start, 0)
        return b >= 0 and (text[b].isalnum() or text[b] == ",")

    def _adverbial_tail(self, s: int, e: int) -> bool:
        """Fiction: the tag goes on with a clause of time or manner up to the next part,
        “…,” said he, when she had done, “…”: the same speaker goes on (not when the
        clause holds a speech verb of its own: “…,” said he, and Ann replied, “…”)."""
        if self.news or e - s > 80:
            return False
        m = _ADVERBIAL_TAIL.match(self.text, s, e)
        if m is None:
            return False
        return all(w.group().endswith("ing") for w in _cues.tag_verbs(self.text, s, e))

    def _direct(self, i: int) -> int:
        """Attribute quotation ``i`` as direct speech; returns how many quotations it used."""
        text = self.text
        q = self.quotations[i]
        if q.dash:
            inner = _dash_tag(text, q.parts[0])
            if inner is not None:
                parts_, sp, cue = inner
                self._add(i, 1, Attribution("direct", parts_, (q.start, q.end), sp, cue, 0.85, "direct.dash-tag"))
                return 1
        if self.news and _is_name_or_title(text, q):
            return 0  # on “Face the Nation,” the senator said …: a programme, not what was said
        pstart = self.layout.paragraph(q.start)[0]
        pend = self.layout.paragraph(q.end - 1)[1]
        tag = tag_after(text, q.end, pend)
        if tag is None and self.layout.wrapped and not self.news:
            tag = _wrapped_tag_after(text, q.end, pend)  # “…,” she⏎said.
        if tag is None and not self.news:
            tag = _inverted_tag(text, q.end, pend)  # “…,” blustered Mr. Hale.
            if tag is None and self.layout.wrapped:
                tag = _wrapped_inverted_tag(text, q.end, pend)  # “…,” put in⏎Kitty.
        if tag is not None and self.news:
            lead = None if text[tag[1][1] - 3:tag[1][1]] == "ing" else self._lead_clause(i, q, pstart)
            if lead is not None:
                # Clinton “is the only one who can win,” X said: the content is the whole clause
                self._add(i, 1, Attribution("mixed", ((lead, q.end),), (lead, q.end), tag[0], tag[1], 0.8,
                                            "mixed.tag-after"))
                return 1
        if tag is None or text[q.parts[-1][1] - 1] not in _END_PUNCT or self._mid_sentence_lower(q):
            if not self._is_direct_shape(q) and not (
                    not self.news and text[q.parts[-1][1] - 1] in "!?" and _PARTICIPLE_AFTER.match(text, q.end, min(pend, q.end + 200))):
                return 0  # (but fiction's exclamation of “…!” accompanied by a yawn is said)
        parts = list(q.parts)
        span_end = q.end
        used = 1
        conf_penalty = 0.15 if (q.missing_open or q.missing_close) else 0.0
        # 1. a tag right after the closing mark
        if (tag is not None and _leads_in(text, tag, pend, text[q.parts[-1][1] - 1] in ".!?")
                and not (not self.news and text[q.parts[-1][1] - 1] == ",")):
            # “A.” X said: “B.”: the tag introduces the next quotation (but in fiction
            # “A,” said the Duchess: “b …”: a quotation ending with a comma goes on into
            # its tag, which the colon only joins to the next part)
            tag = None
        if (tag is not None and not self.news and tag[0][0] < tag[1][0]
                and _AND_BEFORE_TAG.fullmatch(text, q.end, tag[0][0]) is not None
                and _leads_in(text, tag, pend, True)):
            sstart = self.layout.sentence(q.start)[0]
            before = self.quotations[i - 1].end if i > 0 and self.quotations[i - 1].end <= q.start else 0
            lo = max(pstart, sstart, before)
            if tag_before(text, lo, q.start) is not None:
                tag = None  # X said, “A,” and Y said, “B”: "and Y said" leads in B; A has its own tag
        if (tag is not None and not self.news and tag[0][0] < tag[1][0]
                and _CLAUSE_AFTER_MARK.match(text, q.end, tag[0][0]) is not None
                and _OBJECT_AFTER.match(text, tag[1][1], pend) is not None):
            tag = None  # “…”; and Tom begged the company to …: a new clause of the narration, not a tag
        if (tag is not None and not self.news and tag[0][0] < tag[1][0] and q.start == pstart
                and text[q.parts[-1][1] - 1] in ".!?" and self._colon_lead(q) is not None):
            tag = None  # X asked: ⏎ “…?” I answered that …: the lead-in tags it, the narration goes on
        if tag is not None:
            sp, cue = tag
            rule = "direct.tag-after"
            # split quotation: the tag is followed by the rest of the quotation
            after = max(sp[1], cue[1])
            j = i + 1
            while j < len(self.quotations):
                nq = self.quotations[j]
                gap = text[after : nq.start]
                if nq.start >= pend or not (_is_tag_tail(gap) or self._adverbial_tail(after, nq.start)):
                    break
                if text[nq.parts[-1][1] - 1] not in _END_PUNCT and not _ends_sentence(text, nq.end, pend):
                    break
                npend = self.layout.paragraph(nq.end - 1)[1]
                if "." in gap and tag_after(text, nq.end, npend) is not None:
                    break  # “A,” said X. “B,” said Y: another speaker's turn
                if not self.news and "." in gap and _addresses_at_start(text, nq.parts[0], sp):
                    break  # “A,” said Ned. “Nonsense, Ned! …”: another's answer to Ned
                parts.extend(nq.parts)
                span_end = nq.end
                rule = "direct.split"
                used += 1
                break  # one tag joins two parts; a third needs a tag of its own
            conf = (0.95 if rule == "direct.tag-after" else 0.93) - conf_penalty
            self._add(i, used, Attribution("direct", tuple(parts), (q.start, span_end), sp, cue, conf, rule))
            return used
        # 1b. a credit line after a dash: “…” ― Jane Doe
        credit = _credit_after(text, q.end, pend)
        if credit is not None:
            self._add(i, 1, Attribution("direct", tuple(parts), (q.start, q.end), credit, None,
                                        0.85 - conf_penalty, "direct.credit"))
            return 1
        # 2. a tag before the opening mark, in the same sentence (after any earlier quotation)
        sstart, _ = self.layout.sentence(q.start)
        lo = max(pstart, sstart)
        if i > 0 and self.quotations[i - 1].end <= q.start:
            lo = max(lo, self.quotations[i - 1].end)
        tb = tag_before(text, lo, q.start)
        if tb is not None:
            sp, cue = tb
            self._add(i, 1, Attribution("direct", tuple(parts), (q.start, q.end), sp, cue,
                                        0.9 - conf_penalty, "direct.tag-before"))
            return 1
        # 3. a lead-in paragraph ending with a colon
        if q.start == pstart:
            pi = self.layout.paragraph_index(q.start)
            if pi > 0:
                ps, pe = self.layout.paragraphs[pi - 1]
                while pe > ps + 1 and text[pe - 1] in " \t\r\n":
                    pe -= 1
                # or, in narration without quotations, a comma, a dash or no mark at all
                # after a tag that names its speaker ("Tom Harlow looked up and said
                # coolly,", "the Colonel said, in a harsh voice", "…, and Tom had said")
                colon = text[pe - 1] == ":"
                ss, _ = self.layout.sentence(pe - 1)
                # no quotation in the lead-in sentence itself (one earlier in its paragraph is
                # fine: “…” glanced at Emma. With a smile Emma said,)
                lead_free = i == 0 or self.quotations[i - 1].end <= max(ss, ps)
                # or one whose tag opens a clause of its own after a semicolon past that
                # quotation (“…,” thought I; … but Ann put her head in, and said at once--)
                joined = (not lead_free and not colon and not self.news
                          and text.find(";", self.quotations[i - 1].end, pe) != -1)
                if colon or ((text[pe - 1] in ",\N{EM DASH}-" or text[pe - 1].isalpha()) and (lead_free or joined)):
                    tb = _main_clause_tag(text, max(ss, ps), pe, tag_before(text, max(ss, ps), pe, lead_in=True))
                    if joined and tb is not None and text.find(";", self.quotations[i - 1].end, tb[0][0]) == -1:
                        tb = None  # (the quotation's own tag, or a clause the quotation is part of)
                    lead_m = _mentions.describe_phrase(text[tb[0][0]:tb[0][1]]) if tb is not None else None
                    if (lead_m is not None and not colon and lead_m.form == "pronoun"
                            and (self.news or lead_m.gender not in ("m", "f"))):
                        # "…, it seemed to say," | “…”: left to the turns; in fiction "…, she
                        # added," | “…” is a "she" tag like any other, the resolver's to settle
                        tb = None
                    if tb is not None and lead_m is not None and not self.news and lead_m.plural:
                        tb = None  # "…, when Miss Lavish stopped and cried:" taken as "they": left to the turns
                    if tb is not None:
                        sp, cue = tb
                        self._add(i, 1, Attribution("direct", tuple(parts), (q.start, q.end), sp, cue,
                                                    0.85 - conf_penalty, "direct.colon-lead"))
                        return 1
                elif not self.news and text[pe - 1] == "." and lead_free and not text[ps].islower():
                    # "Mrs. Hurst began again." | “…”, "She went on." | “…”: a speaker taking up
                    # the word again (not "she continued." alone: that tags the quotation before)
                    tb = _goes_on_lead(text, max(ss, ps), pe - 1)
                    lead_m = _mentions.describe_phrase(text[tb[0][0]:tb[0][1]]) if tb is not None else None
                    if tb is not None and lead_m is not None and not lead_m.plural:
                        sp, cue = tb
                        self._add(i, 1, Attribution("direct", tuple(parts), (q.start, q.end), sp, cue,
                                                    0.85 - conf_penalty, "direct.colon-lead"))
                        return 1
        # 4. no tag: the previous quotation's speaker goes on
        prev = self._continues(q)
        if prev is not None and prev[1] >= 0.7:
            idx, conf = prev
            self._add(i, 1, Attribution("direct", tuple(parts), (q.start, q.end), None, None,
                                        conf - conf_penalty, "direct.continuation", inherit=idx))
            return 1
        # 5. the subject of the sentence before
        ctx = self._context_speaker(q)
        if ctx is None and prev is not None:
            idx, conf = prev
            self._add(i, 1, Attribution("direct", tuple(parts), (q.start, q.end), None, None,
                                        conf - conf_penalty, "direct.continuation", inherit=idx))
            return 1
        if ctx is not None:
            self._add(i, 1, Attribution("direct", tuple(parts), (q.start, q.end), ctx[0], ctx[1],
                                        0.5 - conf_penalty, "direct.context"))
            return 1
        self._add(i, 1, Attribution("direct", tuple(parts), (q.start, q.end), None, None,
                                    0.3 - conf_penalty, "direct.unattributed"))
        return 1

    def _colon_lead(self, q: Quotation) -> Optional[Tuple[Span2, Span2]]:
        """The tag of a paragraph before ``q`` that ends "X said:" (one person), or None."""
        text = self.text
        pi = self.layout.paragraph_index(q.start)
        if pi == 0:
            return None
        ps, pe = self.layout.paragraphs[pi - 1]
        while pe > ps + 1 and text[pe - 1] in " \t\r\n":
            pe -= 1
        if text[pe - 1] != ":":
            return None
        ss, _ = self.layout.sentence(pe - 1)
        tb = tag_before(text, max(ss, ps), pe, lead_in=True)
        if tb is None:
            return None
        m = _mentions.describe_phrase(text[tb[0][0]:tb[0][1]])
        return None if m is None or m.plural else tb

    def _lead_clause(self, i: int, q: Quotation, pstart: int) -> Optional[int]:
        """Where the writer's clause starts when a quoted fragment closes it before a tag
        (The answers are “not meeting the demand,” says X): the sentence start, if the words
        before the fragment hold no quotation and no reporting verb."""
        text = self.text
        if q.dash or q.missing_open or len(q.parts) > 1 or text[q.parts[0][1] - 1] not in ",":
            return None
        if not text[q.parts[0][0]].islower():
            return None  # on Fox’s “Sunday Morning Futures,” X said …: a title, not a fragment
        lo = max(pstart, self.layout.sentence(q.start)[0])
        if i > 0 and self.quotations[i - 1].end > lo:
            return None
        b = _nonspace_before(text, q.start, lo)
        if b < lo or not (text[b].isalnum() or text[b] in ",’'") or q.start - lo > 300:
            return None
        if _is_name_or_title(text, q):
            return None
        for _ in _cues.speech_verbs(text, lo, q.start):
            return None  # “X said “…,” Y added”: the verb before reports it
        return lo

    def _continues(self, q: Quotation) -> Optional[Tuple[int, float]]:
        """The record an untagged quotation continues: one just before it, with a speaker."""
        if not self.records:
            return None
        idx = len(self.records) - 1
        prev = self.records[idx]
        if prev.kind != "direct" or (prev.speaker is None and prev.inherit is None):
            return None
        layout = self.layout
        pi = layout.paragraph_index(q.start)
        ppi = layout.paragraph_index(prev.span[1] - 1)
        if pi == ppi:
            lo = max(prev.span[1], prev.cue[1] if prev.cue else 0, prev.speaker[1] if prev.speaker else 0)
            for m in _cues.speech_verbs(self.text, lo, q.start):
                if not self._in_quotation(m.start()):
                    return idx, 0.55  # a new tag in between: the context rule goes first
            return idx, 0.8
        if pi == ppi + 1:
            # the previous paragraph ended with that quotation (and its tag); in fiction a
            # new paragraph is a new turn, unless that quotation was left open
            if not self.news:
                k = bisect.bisect_right(self._starts, prev.span[1] - 1) - 1
                if k < 0 or not self.quotations[k].missing_close:
                    return None
            pend = layout.paragraphs[ppi][1]
            tail = self.text[prev.span[1] : pend]
            if len(tail) < 80 and not any(c in tail for c in ".!?") or _only_tag(tail):
                return idx, 0.7
        return None

    def _context_speaker(self, q: Quotation) -> Optional[Tuple[Span2, Optional[Span2]]]:
        """A speaker from the sentence before the quotation (same or previous paragraph)."""
        text = self.text
        layout = self.layout
        pstart, _ = layout.paragraph(q.start)
        sstart = layout.sentence(q.start)[0]
        if q.start > max(pstart, sstart) + 1:
            lo, hi = max(pstart, sstart), q.start
        elif q.start > pstart:
            lo, hi = max(pstart, layout.sentence(sstart - 1)[0]), sstart
        else:
            pi = layout.paragraph_index(q.start)
            if pi == 0:
                return None
            ps, pe = layout.paragraphs[pi - 1]
            lo, hi = max(ps, layout.sentence(pe - 1)[0]), pe
        lo = max(lo, hi - _CONTEXT_BACK)  # (a "sentence" of thousands of quotations with no stop in it)
        if lo >= hi:
            return None
        last = None
        for m in _cues.speech_verbs(text, lo, hi):
            if self.news and text[m.start()].isupper() and _token_before(text, m.start())[:1].isupper():
                continue  # "an interview with The Huffington Post.": a name's last word, not a verb
            if not self._in_quotation(m.start()):
                last = m
        if last is not None:
            sp = _mentions.subject_before(text, last.start(), lo)
            if sp is None:
                sp = _sentence_subject(text, lo, last.start())
            if sp is not None:
                return sp, last.span()
        # a sentence that only introduces someone: "Jane Doe, a lawyer in Ohio."
        intro = _mentions.np_after(text, lo, hi)
        if intro is not None and text[intro[0]].isupper() and text[intro[1] : intro[1] + 1] == ",":
            desc = _mentions.describe_phrase(text[intro[0]:intro[1]])
            if desc.form == "name" and desc.kind == "person":
                return intro, None
        return None

    def _add(self, i: int, used: int, rec: Attribution) -> None:
        for k in range(i, i + used):
            self.record_of[k] = len(self.records)
        self.records.append(rec)

    # -- fragments: mixed quotations, titles, scare quotes --------------------

    def _fragment(self, q: Quotation, scare_quotes: bool) -> Optional[Attribution]:
        text = self.text
        cs, ce = q.parts[0]
        if _is_name_or_title(text, q):
            return None
        sstart, send = self.layout.sentence(q.start)
        pstart, _ = self.layout.paragraph(q.start)
        lo = max(sstart, pstart)
        # the last speech cue before the fragment, with a subject
        if self.records and self.records[-1].span[1] > lo:
            lo = self.records[-1].span[1]  # never across a quotation already reported
        lo = max(lo, q.start - _CONTEXT_BACK)  # (a "sentence" of thousands of quotations with no stop in it)
        last = None
        main = None
        main_that = -1
        for m in _cues.speech_verbs(text, lo, q.start):
            if self.news and _name_part(text, m.start(), m.end()):
                continue  # "Islamic State militants", "the United States and": a name, not a verb
            if self.news and _noun_use(text, m.start(), m.group()):
                continue  # "late-night tweets": a noun, not a verb
            last = m
            if main is None and self.news and _cues.lemma_of().get(m.group().lower()) in _MAIN_SAY \
                    and not m.group().endswith("ing") and m.group()[:1].islower():
                if _CLAUSE_AFTER.match(text, m.end(), q.start):
                    main = m
                else:
                    gap = _GAP_THAT.match(text, m.end(), q.start)  # "said during a rally in Ohio that …"
                    if gap is not None:
                        main, main_that = m, gap.end()
        if main is not None and last is not None and main is not last \
                and _mentions.subject_before(text, main.start(), lo) is not None:
            # "She said he felt the law was “unjust”": the verb that opens the sentence's report
            # reports the whole clause, the fragment in it too, not the verb nested in its clause
            last = main
        if last is not None:
            sp = _mentions.subject_before(text, last.start(), lo)
            if sp is None and (_COORDINATED.search(text, max(lo, last.start() - 80), last.start()) or (
                    self.news and last.group().endswith("ing")
                    and _PREPOSITION_BEFORE.search(text, max(lo, last.start() - 12), last.start()))):
                # "X did not respond but did say …"; "X was criticized for saying …": the
                # gerund after a preposition has the sentence's subject
                sp = _sentence_subject(text, lo, last.start())
            if sp is not None and not text[last.end() : last.end() + 1] == ",":
                that = _TIME_THAT.match(text, last.end()) or _THAT.match(text, last.end())
                cstart = that.end() if that is not None else last.end()
                if last is main and main_that >= 0:
                    cstart = main_that
                elif self.news and cstart == last.end() + (text[cstart - 1:cstart] == " ") \
                        and _THAT_BEFORE.search(text, max(lo, sp[0] - 8), sp[0]):
                    cstart = sp[0]  # "reports that Trump called her “Miss Piggy”": the clause of "that" is the content
                if self.news and cstart == last.end() + (text[cstart - 1:cstart] == " "):
                    told = _TOLD_THAT.match(text, last.end(), q.start)
                    if told is not None and last.group().lower() in _TELL_FORMS:
                        cstart = told.end()  # "told supporters in Ohio that “…”": the object is not content
                # the content runs to the last quoted fragment of the sentence
                end = q.end
                k = bisect.bisect_right(self._starts, q.end)
                while k < len(self.quotations) and self.quotations[k].start < send:
                    if self.news and _cues.AND_SAID.search(text, end, self.quotations[k].start):
                        break  # "… “A” and insisted that “B”": B is reported by its own verb
                    if self.quotations[k].end <= send:
                        end = self.quotations[k].end
                    k += 1
                if cstart == q.start and end == q.end:
                    # the content is the quoted fragment itself ("condemned “political violence”")
                    return Attribution("mixed", q.parts, (q.start, q.end), sp, last.span(), 0.7, "mixed.fragment")
                # a reported clause holding the fragment runs on to the end of its sentence
                tail = _clause_tail(text, end, send)
                if tail is not None:
                    stop = _TAIL_STOP.search(text, end, tail) if self.news else None
                    end = stop.start() if stop is not None else tail
                return Attribution("mixed", ((cstart, end),), (cstart, end), sp, last.span(), 0.7,
                                   "mixed.fragment")
        if scare_quotes:
            return Attribution("direct", q.parts, (q.start, q.end), None, None, 0.1, "scare-quote")
        return None


_MAIN_SAY = frozenset("say tell add write claim argue insist note explain".split())
# a clause right after the verb: "said (that) he …", "says Trump's tweets …"
_CLAUSE_AFTER = regex.compile(
    r"[^\S\n]+(?:that[^\S\n]+)?(?:he|she|they|it|we|I|you|there|his|her|their|its|the|this|these|those|"
    r"\p{Lu}[\p{L}.'’-]*)[^\S\n]"
)
_THAT_BEFORE = regex.compile(r"(?<![\p{L}])that[^\S\n]+\Z")
_GAP_THAT = regex.compile(r"[^\S\n]+(?:during|at|in|on|after|before|to)[^\S\n]+[^.!?;:\"“”\n,]{1,60}?[^\S\n]that[^\S\n]+")
_ONLY_TAG = regex.compile(r"[^\S\n]*+,?[^\S\n]*[^.!?\n]{0,120}[.!?,:]?[^\S\n]*\Z")


_CREDIT_DASH = regex.compile(r"[^\S\n]*(?:\N{HORIZONTAL BAR}|\N{EM DASH}|\N{EN DASH}|--?)[^\S\n]*(?=\p{Lu})")
_CREDIT_END = regex.compile(r"[^\S\n]*(?:[.,;]|\Z|$|[\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}(])")


def _credit_after(text: str, pos: int, hi: int) -> Optional[Span2]:
    """A name credited after a dash: “…” ― Jane Doe."""
    m = _CREDIT_DASH.match(text, pos, hi)
    if m is None:
        return None
    sp = _mentions.np_after(text, m.end(), hi)
    if sp is None or _CREDIT_END.match(text, sp[1], hi) is None:
        return None
    return sp


_OPENING = frozenset("\"“«„「『‘'")
_CLOSING_MARKS = frozenset("\"”»“」』’'")


_INNER_BREAK = regex.compile(r"[,.!?;:\N{HORIZONTAL ELLIPSIS}](?=[^\S\n]+)")
_TAG_END = regex.compile(r"(?:[^\S\n]+[\p{Ll}]+ly|[^\S\n]+(?:to|at|with)[^\S\n]+[^.,;:!?\n]{1,30}?)?[^\S\n]*(?:[.,;:!?]|\Z)")


def _dash_tag(text: str, part: Span2) -> Optional[Tuple[Tuple[Span2, ...], Span2, Span2]]:
    """Dialogue after a dash carries its tag inside: "—Come here, he said. Now." gives
    the parts "Come here," and "Now." with the speaker "he"."""
    cs, ce = part
    for m in _INNER_BREAK.finditer(text, cs, ce):
        tag = tag_after(text, m.end(), ce)
        if tag is None:
            continue
        sp, cue = tag
        end = _TAG_END.match(text, max(sp[1], cue[1]), ce)
        if end is None:
            continue
        first = (cs, m.end())
        rest = end.end()
        while rest < ce and text[rest] in " \t\n":
            rest += 1
        parts = (first,) if rest >= ce else (first, (rest, ce))
        return parts, sp, cue
    return None


# "and" or "but" joining a tag to the quotation before it (“…,” and Tom said, “…”)
_AND_BEFORE_TAG = regex.compile(r"[^\S\n]*+(?:and|but)[^\S\n]++")


def _leads_in(text: str, tag: Tuple[Span2, Span2], hi: int, closed: bool) -> bool:
    """The tag introduces what follows, not what went before: it ends with a colon, or
    the quotation before it ended its sentence and a comma and a new quotation follow."""
    end = max(tag[0][1], tag[1][1])
    while end < hi and text[end] in " \t":
        end += 1
    if end < hi and text[end] == ":":
        return True
    if closed and end < hi and text[end] == ",":
        nxt = end + 1
        while nxt < hi and text[nxt] in " \t":
            nxt += 1
        if nxt < hi and text[nxt] in _OPENING:
            # (but “…!” cried Tom, “it must …”: after an exclamation or a question, a
            # small letter goes on with the sentence the tag splits)
            first = nxt + 1
            while first < hi and text[first] in " \t":
                first += 1
            return not (first < hi and text[first].islower() and _exclaimed_before(text, min(tag[0][0], tag[1][0])))
        return False
    return False


def _exclaimed_before(text: str, pos: int) -> bool:
    """The quotation closing just before ``pos`` (a tag's start) ends with "!" or "?"."""
    b = pos - 1
    while b >= 0 and pos - b < 8 and (text[b] in " \t" or text[b] in _CLOSING_MARKS):
        b -= 1
    return b >= 0 and text[b] in "!?"


def _ends_sentence(text: str, pos: int, hi: int) -> bool:
    while pos < hi and text[pos] in " \t":
        pos += 1
    return pos >= hi or text[pos] in ".!?"


def _only_tag(tail: str) -> bool:
    return _ONLY_TAG.match(tail) is not None


def _verb_ending_at(text: str, end: int) -> Optional[Span2]:
    """A tag verb (possibly followed by a colon or comma) ending right before ``end``."""
    b = end
    while b > 0 and text[b - 1] in " \t,:":
        b -= 1
    a = b
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    if a < b and text[a:b].lower() in _cues.tag_forms():
        return (a, b)
    return None


_ADVERBIAL_TAIL = regex.compile(
    r",[^\S\n]+(?:when|as|while|after|before|till|until|with|without|in|on)(?:[^\S\n]+[\p{L}'’\-]+){1,8}"
    r"[^\S\n]*(?:,|\N{EM DASH}|--)[^\S\n]*\Z")
_TAG_TAIL = regex.compile(
    r"[^\S\n]*(?:[,;:.]|\N{EM DASH}|--)?[^\S\n]*\Z"
    r"|(?:[^\S\n]+[\p{L}\p{N}'’-]+){1,3}[^\S\n]*(?:,|\N{EM DASH}|--)[^\S\n]*\Z"  # "told reporters, “…"
)


def _is_tag_tail(gap: str) -> bool:
    """The text between a tag and the next quotation continues the same sentence."""
    return len(gap) < 40 and _TAG_TAIL.match(gap) is not None


def _nonspace_before(text: str, pos: int, lo: int) -> int:
    """Index of the last character before ``pos`` (not before ``lo``) that is not white
    space; ``lo - 1`` when there is none."""
    b = pos - 1
    while b >= lo and text[b] in " \t\n\r":
        b -= 1
    return b


def _is_name_or_title(text: str, q: Quotation) -> bool:
    """A nickname (Dwayne “The Rock” Johnson) or a title of a work (the film “Heat”)."""
    a, b = _word_before(text, q.start)
    prev = text[a:b]
    e = q.end
    while e < len(text) and text[e] in " \t\n\r":
        e += 1
    nxt = text[e : e + 1]
    if prev[:1].isupper() and nxt.isupper() and prev.lower() not in _lexicons.words("not_names"):
        return True  # a nickname between two parts of a name
    if prev.lower() in _lexicons.words("work_words") and not text[max(0, a - 3) : a].lower().endswith("so-"):
        return True  # the film “Heat”, a book called “Dune” (but a so-called “expert” is a scare quote)
    ws, we = _word_before(text, b - 1) if text[b - 1 : b] == "," else (b, b)
    if prev.lower() in _TITLE_LEAD or text[b - 2 : b] in ("'s", "’s") or text[ws:we].lower() in _lexicons.words("work_words"):
        return _title_shaped(text, q)  # an episode of “Face the Nation,”; CBS’s “Sunday Morning,”; his book, “Dune,”
    return False


# words after which a quotation in title case is the name of a work or a programme
_TITLE_LEAD = frozenset("of on in titled entitled called dubbed named".split())


def _word_before(text: str, pos: int) -> Span2:
    """The letters right before ``pos`` (white space skipped), as a span; empty when the
    character there is not a letter."""
    b = _nonspace_before(text, pos, 0) + 1
    a = b
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    return a, b


def _title_shaped(text: str, q: Quotation) -> bool:
    """A short quotation whose words of four letters or more are all capitalised."""
    if len(q.parts) > 1:
        return False
    words = text[q.parts[0][0] : q.parts[0][1]].rstrip(",").split()
    if not 1 <= len(words) <= 8 or words[-1][-1:] in ".!?":
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words if len(w) > 3)


_ADDRESS_OPENING = 40  # characters at a quotation's start where a name addressed is looked for


def _addresses_at_start(text: str, part: Tuple[int, int], speaker: Tuple[int, int]) -> bool:
    """Fiction: the quotation ``part`` opens by addressing (“Ned, …”, “Nonsense, Ned!”) a
    name of ``speaker``, the tag's subject before it: someone answering that speaker."""
    s, e = part
    head = text[s : min(e, s + _ADDRESS_OPENING)]
    honorifics = _lexicons.mapping("honorifics")
    for w in text[speaker[0] : speaker[1]].split():
        w = w.strip(".,")
        if len(w) < 2 or not w[0].isupper() or honorifics.get(w) is not None:
            continue
        k = head.find(w)
        while k >= 0:
            before = head[:k].rstrip(" ")
            after = head[k + len(w) : k + len(w) + 1]
            if (not before or before.endswith(",")) and after in (",", "!", "?", ".", ";", "\N{EM DASH}", "-"):
                return True
            k = head.find(w, k + 1)
    return False
