"""Stage 3: candidate speaker mentions, the noun phrases a cue can attach to.

No part-of-speech tagger: a speaker is found by walking the words next to a cue
(backward from "said" for "the minister said", forward for "said the minister"),
stopping at function words, punctuation and determiners. Each mention is then
described: pronoun, name (with its title and honorific split off) or description
("a senior official"), and typed from the word lists (person, organization, media,
document, anonymous).
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
from typing import Callable, Dict, FrozenSet, Iterator, List, Optional, Set, Tuple

import attrs
from . import _lazyregex as regex

from . import _cues, _lexicons

# A word: a letter or digit, then letters, digits, marks and apostrophes, with single
# dots or hyphens between them, and an optional final dot; or one other non-space
# character. (Written as runs, not a loop over single characters: the same matches,
# about twice as fast in the regex engine.)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*(?:[.\-](?=[\p{L}\p{N}])[\p{L}\p{N}\p{M}'’]*)*\.?|[^\s\p{L}\p{N}]")
PRONOUNS = {row[0]: row for row in _lexicons.rows("pronouns")}
_CONNECTORS = frozenset({"of", "de", "van", "von", "der", "den", "da", "du", "del", "della", "la", "le",
                         "bin", "al", "el", "y", "di", "st.", "and"})
_POSTMOD_PREP = frozenset({"with", "of", "for", "from", "at", "in", "on", "to", "close", "inside", "within", "by"})
_POSTMOD_HEADS = frozenset({"familiar", "close", "knowledgeable", "briefed", "involved", "near", "loyal"})
# Courtesy titles go in a source's title; other forms of address stay in its name.
_COURTESY = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Dr Dr. Sir Lady Lord Madame Madam Monsieur M. Mme Mme. "
                      "Mademoiselle Mlle Mlle. Master Mistress Dame Prof Prof. Rev Rev. Herr Frau".split())
_FEMININE_ROLE = regex.compile(r"(?:wo|wom)an$|ess$|^(?:queen|princess|duchess|countess|lady)$")
_MASCULINE_ROLE = regex.compile(r"(?<!wo)man$|^(?:king|prince|duke|count|lord)$")


@functools.lru_cache(maxsize=None)
def _abbrevs() -> FrozenSet[str]:
    # an honorific is an abbreviation only in its short form ("Prof.", "Col."): the full
    # stop after "the King." or "the Professor." ends the sentence
    return _lexicons.words("abbreviations") | frozenset(
        h[:-1] for h in _lexicons.first_field("honorifics") if h.endswith("."))


def abbreviations() -> FrozenSet[str]:
    """Words whose full stop does not end a sentence ("Mr", "St"), honorifics included."""
    return _abbrevs()


class Token:
    """A word or punctuation mark (a plain slotted class: made thousands of times)."""

    __slots__ = ("start", "end", "word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self.start = start
        self.end = end
        self.word = word

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.word!r})"


# Every character of a text is white space or starts a token (the pattern's last branch
# takes any other single character), so a token is the white space before it and a
# _WORD match: ``findall`` gives them as strings, and the offsets follow from their
# lengths, without a match object per token. White space at the end matches with an
# empty word (else each of its places would be tried again: quadratic in its length).
_SPACED_WORD = regex.deferred(lambda: r"(\s*+)(" + _WORD.pattern + r"|\Z)")
# the two in a text of ASCII characters only, for the stdlib ``re`` engine (a letter or
# digit is A-Z, a-z, 0-9, there are no marks, and the white space ``regex``'s \s knows
# is \t \n \v \f \r and the space, not \x1c-\x1f): the same tokens, at less cost a call
_ASCII_TOKEN_PATTERN = (r"[A-Za-z0-9][A-Za-z0-9']*(?:[.\-](?=[A-Za-z0-9])[A-Za-z0-9']*)*\.?"
               r"|[^\t\n\x0b\x0c\r A-Za-z0-9]")
_ASCII_TOKEN = re.compile(_ASCII_TOKEN_PATTERN)
_ASCII_SPACED_WORD = re.compile(r"([\t\n\x0b\x0c\r ]*+)(" + _ASCII_TOKEN_PATTERN + r"|\Z)")


def tokens(text: str, start: int, end: int) -> List[Token]:
    """Words and punctuation of ``text[start:end]``; a full stop stays on abbreviations only."""
    abbr = _abbrevs()
    out: List[Token] = []
    add = out.append
    pos = start
    for space, w in (_ASCII_SPACED_WORD if text.isascii() else _SPACED_WORD).findall(text, start, end):
        if not w:
            break  # the white space at the end
        pos += len(space)
        e = pos + len(w)
        if len(w) > 1 and w[-1] == "." and w[-2] != ".":
            core = w[:-1]
            if not (core in abbr or "." in core or (len(core) == 1 and core.isupper())):
                add(Token(pos, e - 1, core))
                add(Token(e - 1, e, "."))
                pos = e
                continue
        add(Token(pos, e, w))
        pos = e
    return out


def _spaced_tokens(text: str, start: int, end: int) -> List[Token]:
    """``tokens``, a piece between plain spaces at a time: no token holds a space, so the
    pieces' tokens are the window's; a piece of ASCII letters is one token, and one with a
    comma or a full stop after it ("Smith,", "Mr.") is read without the pattern too."""
    out: List[Token] = []
    pos = start
    for piece in text[start:end].split(" "):
        if piece:
            e = pos + len(piece)
            if piece.isascii() and piece.isalpha():
                out.append(Token(pos, e, piece))
            elif piece[-1] in ",." and piece.isascii() and piece[:-1].isalpha():
                out.extend(_word_then_mark(pos, e, piece))
            else:
                out.extend(tokens(text, pos, e))
            pos = e
        pos += 1
    return out


def _word_then_mark(start: int, end: int, piece: str) -> Tuple[Token, ...]:
    """``tokens`` of ``piece``, ASCII letters and then a comma or a full stop, at ``start``:
    the word and the mark, or for an abbreviation ("Mr.", "A.") one token."""
    core = piece[:-1]
    if piece[-1] == "." and (core in _abbrevs() or (len(core) == 1 and core.isupper())):
        return (Token(start, end, piece),)
    return (Token(start, end - 1, core), Token(end - 1, end, piece[-1]))


def iter_tokens(text: str, start: int, end: int) -> Iterator[Token]:
    """``tokens``, one at a time: the text is scanned only as far as they are taken."""
    abbr = _abbrevs()
    for m in (_ASCII_TOKEN if text.isascii() else _WORD).finditer(text, start, end):
        s, e = m.span()
        w = m.group()
        if len(w) > 1 and w.endswith(".") and w[-2] != ".":
            core = w[:-1]
            if not (core in abbr or "." in core or (len(core) == 1 and core.isupper())):
                yield Token(s, e - 1, core)
                yield Token(e - 1, e, ".")
                continue
        yield Token(s, e, w)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_aux(word: str, before: str = "") -> bool:
    """An auxiliary, negation or -ly adverb between a subject and its verb; ``before`` is the
    word before ``word``. An -ly word after a determiner ("the family", "an ally") or with a
    capital ("Kelly") is a noun."""
    lw = word.lower()
    return (
        lw in _lexicons.words("auxiliaries")
        or (len(lw) > 4 and lw.endswith("ly") and lw.isalpha() and not word[0].isupper()
            and before.lower() not in _lexicons.first_field("determiners"))
        or lw.endswith(("n't", "n’t"))  # didn't say: still the speaker's verb
        or lw in ("not", "never")
    )


def _before(toks: List[Token], i: int) -> str:
    return toks[i - 1].word if i > 0 else ""


def _stop(word: str) -> bool:
    lw = word.lower()
    if len(word) > 1 and word.isupper():
        return False  # an acronym ("US", "IT"), not a function word
    return lw in _lexicons.words("function_words") or not word[:1].isalnum()


class _Watched(List[Token]):
    """Tokens of a window cut short, remembering the lowest and highest index read.

    ``subject_before`` and ``np_after`` look at a few words next to a cue but were
    given a window of 200-300 characters. They first run on the last tokens after a
    space (where the tokens are those of the long window) or on the first few tokens,
    and fall back to the whole window when they read near the cut: so the answer is
    the one the whole window gives."""

    __slots__ = ("low", "high")

    def __init__(self, toks: List[Token]) -> None:
        super().__init__(toks)
        self.low = len(toks)
        self.high = -1

    def __getitem__(self, i: int) -> Token:  # type: ignore[override]
        if i < 0:
            i += len(self)
        if i < self.low:
            self.low = i
        if i > self.high:
            self.high = i
        return list.__getitem__(self, i)


# The short windows tried first (in characters back, in tokens ahead); a reading this
# close to a cut (in tokens) means the cut might matter.
_SHORT_BACK = 90
_AHEAD_TOKENS = (6, 12)
_MARGIN = 4


# Answers of subject_before and np_after for the last text asked about: the stages ask
# the same questions more than once (a tag tried as a tag after one quotation and as
# the context of the next). One (text, answers) pair, replaced as a whole, so that
# two threads working on two texts never share answers.
# Answers found on a short window also hold for other windows around it: they are kept
# by the verb's position, with the bound the other window must respect.
_Answers = Dict[Tuple[int, int, int], Optional[Tuple[int, int]]]
_Short = Dict[Tuple[int, int], Tuple[int, Optional[Tuple[int, int]]]]
_memo: Tuple[str, _Answers, _Short] = ("", {}, {})


def _known(text: str) -> Tuple[str, _Answers, _Short]:
    global _memo
    cur = _memo
    if cur[0] is not text:
        cur = (text, {}, {})
        _memo = cur
    return cur


def _answer(text: str, kind: int, start: int, end: int,
            find: Callable[[str, int, int, _Short], Optional[Tuple[int, int]]]) -> Optional[Tuple[int, int]]:
    """``find``'s answer for one window of ``text``, computed once per document."""
    _, answers, short = _known(text)
    key = (kind, start, end)
    if key not in answers:
        answers[key] = find(text, start, end, short)
    return answers[key]


def subject_before(text: str, end: int, lo: int) -> Optional[Tuple[int, int]]:
    """The noun phrase that is the subject of a verb starting at ``end`` (not before ``lo``)."""
    return _answer(text, 0, max(lo, end - 300), end, _subject_before)


def _subject_before(text: str, start: int, end: int, known: _Short) -> Optional[Tuple[int, int]]:
    if end - start > _SHORT_BACK:
        # no token holds a space, so the tokens after one are the long window's last ones
        cut = text.find(" ", end - _SHORT_BACK, end)
        if cut > start:
            hit = known.get((0, end))
            if hit is not None:
                return hit[1]  # the same cut (it depends on ``end`` only), the same answer
            short = _Watched(_spaced_tokens(text, cut, end))
            got = _subject_in(short)
            if short.low >= _MARGIN:
                known[(0, end)] = (cut, got)
                return got
    return _subject_in(_spaced_tokens(text, start, end))


# degree words before an -ly adverb between a subject and its verb ("Mary very gravely replied")
def _subject_in(toks: List[Token]) -> Optional[Tuple[int, int]]:
    i = len(toks) - 1
    skipped = 0
    while i >= 0 and skipped < 3 and toks[i].word.lower() not in PRONOUNS and (
            _is_aux(toks[i].word, _before(toks, i)) or (skipped and _intensifies(toks, i))):
        i -= 1
        skipped += 1
    if i < 0:
        return None
    if i >= 1 and toks[i].word.lower() in ("and", "but") and _verbish(toks[i - 1].word):
        i -= 2  # "I laughed and said"
        while i >= 0 and skipped < 5 and toks[i].word.lower() not in PRONOUNS and _is_aux(toks[i].word, _before(toks, i)):
            i -= 1
            skipped += 1
        if i < 0:
            return None
    if toks[i].word == ")":
        # a parenthetical: "Rep. John Mica (R-Fla.) said"
        j = i - 1
        while j >= 0 and i - j <= 8 and toks[j].word != "(":
            j -= 1
        if j < 1:
            return None
        i = j - 1
    if toks[i].word == ",":
        # an appositive or relative clause: "Smith, the mayor, said"; "an aide, who ..., said"
        j = i - 1
        while j >= 0 and i - j <= 40 and toks[j].word not in (",", ";", ":", "!", "?", "\"", "“", "”"):
            j -= 1
        if j < 0 or toks[j].word != "," or i - j < 2:
            return None
        k = j - 1
        if k >= 0 and toks[k].word == ")":
            while k >= 0 and toks[k].word != "(":
                k -= 1
            k -= 1
        return _np_back(toks, k)
    return _np_back(toks, i)


# words that grade the adverb after them ("she very innocently said", "he rather coldly replied")
_INTENSIFIERS = frozenset("very so too rather quite most more less somewhat".split())


def _intensifies(toks: List[Token], i: int) -> bool:
    """``toks[i]`` grades an adverb in -ly right after it: "very" in "very innocently"."""
    nxt = toks[i + 1].word if i + 1 < len(toks) else ""
    return toks[i].word.lower() in _INTENSIFIERS and nxt.islower() and len(nxt) > 4 and nxt.endswith("ly")


def _verbish(word: str) -> bool:
    lw = word.lower()
    return lw.endswith("ed") or lw in _tag_forms()


@functools.lru_cache(maxsize=None)
def _tag_forms() -> FrozenSet[str]:
    return frozenset(_lexicons.lemmas("speech_verbs")) | frozenset(_lexicons.lemmas("tag_verbs"))


# inflected cue forms that also stand before a name as adjectives ("noted economist X")
_ADJECTIVE_FORMS = frozenset("noted reported alleged so-called acclaimed respected leading acting ranking "
                             "presiding sitting outgoing incoming retired".split())


@functools.lru_cache(maxsize=4096)
def _verb_in_phrase(word: str) -> bool:
    """A lower-case inflected verb of saying or of stance ("called", "endorses", "recalled")
    inside the words read back from a verb: a clause's verb, which no noun phrase holds."""
    if not word[:1].islower() or word in _ADJECTIVE_FORMS:
        return False
    if word not in _tag_forms() and word not in _cues.stance_forms():
        return False
    return word.endswith(("ed", "es", "ing")) or _cues.lemma_of().get(word, word) != word


def _clause_verb(toks: List[Token], k: int) -> bool:
    """``toks[k]``, before a preposition, is a clause's verb, not the head of a noun phrase
    the preposition's phrase modifies: a past form in -ed after a pronoun, a plural noun or
    a name ("they turned to the police", "Lee explained in an interview"), a participle
    opening a sentence ("Writing for a paper, Lee said"), or an inflected verb of saying."""
    w = toks[k].word
    lw = w.lower()
    if w[:1].isupper():
        return lw.endswith("ing") and len(lw) > 5 and k == 0 and lw not in _lexicons.mapping("first_names")
    if _verb_in_phrase(w):
        return True
    if not (lw.endswith("ed") and len(lw) > 4 and lw.isalpha()) or lw in _POSTMOD_HEADS or k == 0:
        return False
    if k + 1 < len(toks) and toks[k + 1].word.lower() == "by":
        return False  # "an analysis released by the agency": a participle in the noun phrase
    before = toks[k - 1].word
    lb = before.lower()
    if not before[:1].isalpha() or lb in _lexicons.first_field("determiners") or lb.endswith(("ly", "'s", "’s")):
        return False  # "the embattled mayor", "newly elected", "the party's elected"
    if lb in PRONOUNS:
        return True
    if lb in _lexicons.words("not_names"):
        return False  # "rather distressed for an answer": an adverb before an adjective
    return (lb.endswith("s") and not lb.endswith("ss")) or before[:1].isupper()


_TIME_NAMES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
                        "June July August September October November December".split())
_CONTACT_SUBJECTS = frozenset("I we he she they you".split())
_THAT_ADJECTIVES = frozenset("clear obvious apparent true likely evident certain possible".split())


def _takes_that(word: str) -> bool:
    """A word a clause of "that" follows: a verb of saying or believing, or an adjective
    ("shows that", "reflect that", "obvious that")."""
    lw = word.lower()
    return lw in _tag_forms() or lw in _cues.lemma_of() or lw in _THAT_ADJECTIVES


def _np_back(toks: List[Token], i: int) -> Optional[Tuple[int, int]]:
    if i < 0:
        return None
    last = toks[i].word
    if last.lower() in PRONOUNS:
        return (toks[i].start, toks[i].end)
    if _stop(last) or last.lower() in _lexicons.first_field("determiners"):
        return None
    if last.lower() in _POSTMOD_PREP and last.lower() != "of" and not _is_cap(last):
        return None  # "the movement for speaking out": no noun phrase ends in a preposition
    k = i
    n = 0
    if i >= 2 and last[:1].islower() and last.endswith("ed") and toks[i - 1].word in _CONTACT_SUBJECTS \
            and toks[i - 2].word[:1].islower() and toks[i - 2].word.endswith("s") and not _stop(toks[i - 2].word) \
            and toks[i - 2].word.lower() not in PRONOUNS:
        k = i - 2  # "the experts I interviewed said": a relative clause without "that" after its noun
        n = 2
    dets = _lexicons.first_field("determiners")
    while k >= 0 and n < 9:
        w = toks[k].word
        lw = w.lower()
        if lw in dets:
            # "people familiar with the matter": a post-modifier; go on to its head
            # (not past a verb: "they turned to the police", "Writing for a paper")
            if k >= 2 and toks[k - 1].word.lower() in _POSTMOD_PREP and not _stop(toks[k - 2].word) \
                    and not _clause_verb(toks, k - 2):
                k -= 2
                n += 2
                continue
            nxt = toks[k + 1].word if k < i else ""
            if lw == "that" and 0 < k < i and (_is_cap(nxt) or (nxt.endswith("s") and not nxt.endswith("ss"))) \
                    and _takes_that(toks[k - 1].word):
                break  # "shows that Clinton talked": the "that" of a clause, not a determiner
            k -= 1
            break
        if lw in ("of", "for") and k < i and k > 0 and not _stop(toks[k - 1].word):
            k -= 1
            n += 1
            continue
        if lw == "on" and 0 < k < i and _is_cap(toks[k + 1].word) and _is_cap(toks[k - 1].word) \
                and toks[k - 1].word.lower() in _lexicons.words("organization_words"):
            k -= 1  # "the Commission on Presidential Debates", "the Council on Foreign Relations"
            n += 1
            continue
        if lw in ("to", "at", "in", "with", "from") and k < i and k > 0 and toks[k + 1].word[:1].isupper() \
                and toks[k - 1].word[1:].islower() and not _stop(toks[k - 1].word) \
                and toks[k - 1].word.lower().endswith(("ers", "ors", "ists", "ials", "ants", "ents", "aides", "man", "woman")):
            k -= 1  # "advisers to Mr. Obama", "officials in Washington": a head noun of people before the name
            n += 1
            continue
        if _stop(w) or lw in PRONOUNS:
            break
        if lw.endswith(("'s", "’s")) and k < i and _is_cap(w) is False and lw[:-2] in PRONOUNS:
            break
        if k < i and _verb_in_phrase(w):
            if not _is_cap(toks[k + 1].word):
                return None  # "Al Sharpton began taking": no noun phrase ends a clause's verb
            break  # "Minyon Moore called Mr. Obama's remarks", "Ted Cruz endorses Trump": a clause's verb
        k -= 1
        n += 1
    first = k + 1
    # a leading sentence adverb or preposition-less opener: "Yesterday Smith said"
    not_names = _lexicons.words("not_names")
    while first < i and toks[first].word.lower() in not_names and toks[first].word.lower() not in dets:
        first += 1
    if first > i:
        return None
    return (toks[first].start, toks[i].end)


def np_after(text: str, start: int, hi: int) -> Optional[Tuple[int, int]]:
    """The noun phrase right after a verb ending at ``start``: "said the old man"."""
    return _answer(text, 1, start, min(hi, start + 200), _np_after)


def _np_after(text: str, start: int, end: int, known: _Short) -> Optional[Tuple[int, int]]:
    hit = known.get((1, start))
    if hit is not None and end >= hit[0]:
        return hit[1]  # a window that holds the same first tokens
    # the first few tokens of the window first, then a few more; the rest only when they
    # were read near their end (or the window has no more)
    more = iter_tokens(text, start, end)
    taken: List[Token] = []
    for n in _AHEAD_TOKENS:
        taken.extend(itertools.islice(more, n - len(taken)))
        first = _Watched(taken)
        got = _np_after_in(first)
        if len(taken) < n:
            return got  # all of the window's tokens
        if 0 <= first.high <= n - _MARGIN:
            # any window reaching two characters past the last of these tokens has them
            # as its first tokens (the pattern looks at most one character past a word)
            known[(1, start)] = (taken[-1].end + 2, got)
            return got
    return _np_after_in(taken + list(more))


def owned_person(word: str) -> bool:
    """``word`` after a name's possessive names a person ("Tom's young man", "Ann's mother"),
    not a part or an utterance of the owner ("Tom's voice")."""
    return word not in _lexicons.words("utterance_owners") and (
        word in _lexicons.words("person_words") or word in _lexicons.first_field("kinship_words")
        or word in _lexicons.first_field("relation_words"))


# the pronouns a partitive "one of" / "some of" takes ("said one of them")
_PARTITIVE_OBJECTS = frozenset("them us these those".split())
# where an unnamed speaker is ("shouted someone from the back", "… at the door")
_SOMEONE_WHERE = frozenset("from at in behind near outside inside".split())


def _np_after_in(toks: List[Token]) -> Optional[Tuple[int, int]]:
    if not toks:
        return None
    first = toks[0].word
    lf = first.lower()
    if lf in PRONOUNS:
        return (toks[0].start, toks[0].end)
    if lf in _POSTMOD_PREP or lf in ("about", "into", "upon", "over", "after", "before"):
        return None  # "says of Clinton": a prepositional phrase, not a speaker
    dets = _lexicons.first_field("determiners")
    honorifics = _lexicons.first_field("honorifics")
    if lf == "the" and len(toks) > 1 and toks[1].word.lower() == "other" and (
            len(toks) == 2 or _stop(toks[2].word) or toks[2].word.lower().endswith("ly")):
        return (toks[0].start, toks[1].end)  # "said the other, smiling": one of two people talking
    if lf == "another" and (len(toks) == 1 or _stop(toks[1].word) or toks[1].word.lower().endswith("ly")):
        return (toks[0].start, toks[0].end)  # "said another, …": one more of a group talking
    if lf in ("someone", "somebody") and (len(toks) == 1 or _stop(toks[1].word) or toks[1].word in _SOMEONE_WHERE):
        return (toks[0].start, toks[0].end)  # "shouted someone.", "said somebody from the back": no one named
    i = 0
    if lf in dets:
        i = 1
    elif not (_is_cap(first) or first in honorifics):
        # "said longtime pollster Pat Caddell", "said 9/11 widow Terry Strada"
        k = 0
        while k < min(len(toks), 5) and not _is_cap(toks[k].word) and not _stop(toks[k].word):
            k += 1
        if k == 0 or k >= len(toks) or not _is_cap(toks[k].word) or toks[k].word.lower() in PRONOUNS:
            return None
        lf = "the"  # a description: lower-case words allowed up to the name
        i = 0
    n = 0
    last = -1
    joined = False
    while i < len(toks) and n < 7:
        w = toks[i].word
        lw = w.lower()
        if lw in ("of", "for") and not joined and (last >= 0 or i > 0) and i + 1 < len(toks):
            nxt = toks[i + 1].word
            if nxt.lower() in dets or _is_cap(nxt):
                joined = True
                i += 1 if nxt.lower() not in dets else 2
                continue
        if lw == "of" and lf in dets and (last == i - 1 or (last < 0 and i == 1)) and i + 1 < len(toks) \
                and toks[i + 1].word.lower() in _PARTITIVE_OBJECTS:
            last = i + 1  # "said one of them", "cried some of us": a partitive, the whole phrase
            break
        if _stop(w) or lw in PRONOUNS or lw in dets:
            break
        if last >= 0 and lw.endswith("ly") and not _is_cap(w):
            break  # "said her mother resentfully": the adverb is not part of the speaker
        if last >= 0 and lw in _TIME_WORDS and not _is_cap(w):
            break  # "said her aunt next morning", "continued her mother soon afterwards", "a voice behind"
        if lf in dets and last >= 1 and _past_verb_next(toks, i):
            break  # "the old man raised his head": the phrase ends before its verb
        if lf not in dets and not _is_cap(w) and w not in honorifics and lw not in _CONNECTORS:
            # "Chief executive Dana Brooks": lower-case words between capitalised ones
            j = i
            while j < len(toks) and j - i < 3 and toks[j].word[:1].islower() and not _stop(toks[j].word):
                j += 1
            if j > i and j < len(toks) and _is_cap(toks[j].word) and toks[j].word.lower() not in PRONOUNS:
                i = j
                continue
            break
        last = i
        i += 1
        n += 1
    if last < 0:
        return None
    if lf in ("a", "an", "the") and last + 3 < len(toks) and toks[last].word.lower() in _lexicons.words("person_words"):
        last = _place_after(toks, last)  # "said a man in the crowd", "the man at the toll-bar"
    return (toks[0].start, toks[last].end)


# words of time (or place) after a speaker's description that are not part of it
_TIME_WORDS = frozenset("next soon afterwards afterward presently again then now later still once directly "
                        "instantly immediately suddenly meanwhile too also "
                        "behind ahead below above outside nearby".split())  # and of place: "said a voice behind him"


def _past_verb_next(toks: List[Token], i: int) -> bool:
    """``toks[i]``, after a noun, is a verb in the past in -ed: a lower-case word in -ed
    (or a common one not in -ed: ``_IRREGULAR_PAST``) before a determiner, a pronoun, a
    function word or a particle ("raised his head", "turned to", "reached out", "rose and")."""
    w = toks[i].word
    if not (w.islower() and ((w.endswith("ed") and len(w) > 4 and w.isalpha()) or w in _IRREGULAR_PAST)) or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1].word.lower()
    return (nxt in _lexicons.first_field("determiners") or nxt in PRONOUNS or _stop(toks[i + 1].word)
            or nxt in _PARTICLES)


# particles after a verb ("reached out her hand", "looked up"): not words of a noun phrase
_PARTICLES = frozenset("out up down off away back round forward".split())
# common verbs of the past not in -ed that a person's description may stand before ("The
# old lady rose and said", "The tall man took off his hat")
_IRREGULAR_PAST = frozenset("rose sat stood took came went got gave held ran shook drew felt knew saw began "
                            "put kept left threw caught brought bent fell".split())


# prepositions of a place a described person is at ("a man in the crowd")
_PLACE_PREPS = frozenset("in at on near by behind beside from".split())
# nouns after them that say how or when, not where ("said the man in the same tone")
_NOT_PLACES = frozenset("tone voice way manner same meantime end first least hurry time morning evening "
                        "afternoon night day dark whisper undertone silence".split())


def _place_after(toks: List[Token], last: int) -> int:
    """Where a description whose head is token ``last`` ends when a place follows it and
    ends the phrase: "in"/"at"/... "the", one or two lower-case words, then punctuation
    or the end ("a man in the crowd," -> "crowd"); else ``last``."""
    if toks[last + 1].word.lower() not in _PLACE_PREPS or toks[last + 2].word.lower() != "the":
        return last
    k = last + 3
    while k < len(toks) and k - last <= 4 and toks[k].word[:1].islower() and not _stop(toks[k].word):
        if toks[k].word.lower() in _NOT_PLACES:
            return last
        k += 1
    if k == last + 3 or k >= len(toks) or toks[k].word[:1].isalnum() or toks[k - 1].word.endswith("ed"):
        return last  # no noun, or the phrase goes on or ends in a verb ("a man in the crowd shouted")
    return k - 1


@attrs.frozen(slots=True)
class Mention:
    """A described speaker mention. ``name`` and ``title`` are None where absent."""

    start: int
    end: int
    form: str  # "pronoun", "name" or "description"
    kind: str  # person, organization, media, document, anonymous, unknown
    gender: Optional[str]  # "m", "f" or None
    plural: bool
    name: Optional[str]
    title: Optional[str]
    head: str
    definite: bool
    person: int = 3  # grammatical person of a pronoun


def is_speaker_like(m: "Mention") -> bool:
    """A mention that can be somebody speaking: a person pronoun, a name, a person description."""
    if m.form == "pronoun":
        return m.kind == "person" or m.plural
    if m.form == "name":
        return m.kind in ("person", "organization", "media")
    return m.kind in ("person", "anonymous", "organization", "media", "document")


def describe(text: str, start: int, end: int) -> Mention:
    """What kind of speaker the words ``text[start:end]`` name.

    The answer depends on those words alone, so it is computed once per distinct phrase
    (names recur: "Trump" fifty times in one article) and moved to the offsets asked for.
    """
    m = _describe_phrase(text[start:end])
    return Mention(start, end, m.form, m.kind, m.gender, m.plural, m.name, m.title, m.head, m.definite, m.person)


@functools.lru_cache(maxsize=8192)
def _describe_phrase(phrase: str) -> Mention:
    return _describe(phrase, 0, len(phrase))


def describe_phrase(phrase: str) -> Mention:
    """``describe`` of a whole phrase, with the offsets of the phrase itself (0 and its
    length): for callers that read only what the words are."""
    return _describe_phrase(phrase)


# a share of people, as a poll gives it: "52 percent of Democrats", "half of GOP voters", "4 in 10 voters"
_SHARE_PHRASE = regex.compile(
    r"(?:(?i:about|nearly|almost|roughly|over|more than|fewer than|less than|just|only|some)[^\S\n]+)?"
    r"(?:\d[\d.,]*+[^\S\n]*+(?:%|percent)|\d++[^\S\n]+(?:in|out of)[^\S\n]+\d++"
    r"|(?i:one|two|three|four|five|six|seven|eight|nine)[^\S\n]+in[^\S\n]+(?:10|ten)"
    r"|(?i:two|three)-(?:thirds|fourths|quarters|fifths)|[Hh]alf|[Aa][^\S\n]+majority|[Mm]ajorities)"
    r"(?=[^\S\n]+(?:of|say|said|says)[^\S\n]|[^\S\n]+\p{Ll}+\Z|\Z)"
)


def _describe(text: str, start: int, end: int) -> Mention:
    toks = [t for t in tokens(text, start, end) if t.word not in (",",)]
    words = [t.word for t in toks]
    if not words:
        return Mention(start, end, "description", "unknown", None, False, None, None, "", False)
    if len(words) >= 3 and all(w.isupper() and len(w) > 1 for w in words if w[:1].isalpha()) and sum(
            len(w) >= 5 for w in words) >= 2:
        # a heading in capitals ("QUESTIONABLE MEDICAL CLAIMS", "CONGRESS HAS INVESTIGATED HIM"): no one's name
        return Mention(start, end, "description", "unknown", None, False, None, None, words[-1].lower(), False)
    if _SHARE_PHRASE.match(text, start, end):
        # a poll share speaks as a group without a name: "52 percent of Democrats", not "of Democrats"
        return Mention(start, end, "description", "anonymous", None, True, None, None, words[-1].lower(), False)
    lw0 = words[0].lower()
    if len(words) == 1 and lw0 == "i.":
        lw0 = "i"  # "said I." at the end of a sentence: the pronoun, not an initial
    if len(words) == 1 and lw0 in PRONOUNS:
        row = PRONOUNS[lw0]
        g = row[1] if row[1] in ("m", "f") else None
        kind = "person" if row[1] != "n" else "unknown"
        return Mention(start, end, "pronoun", kind, g, row[2] == "pl", None, None, lw0, True, int(row[3]))
    dets = _lexicons.mapping("determiners")
    definite = True
    if lw0 in dets:
        definite = dets[lw0] == "d"
        words = words[1:]
        toks = toks[1:]
    if not words:
        return Mention(start, end, "description", "unknown", None, False, None, None, lw0, definite)
    honorifics = _lexicons.mapping("honorifics")
    titles = _lexicons.words("titles")
    # split off the title: everything up to the last title word or honorific
    cut = -1
    for k, w in enumerate(words):
        lw = w.lower()
        if lw in titles or w in honorifics or lw.rstrip(".") in titles:
            cut = k
        elif lw in ("of", "for") and cut == k - 1:
            # "Secretary of State John Kerry": the title runs on to the name
            # (not "a spokeswoman for Hillary Clinton": a given name after "for" starts another person)
            if k + 2 < len(words) and _is_cap(words[k + 1]) and words[k + 1] not in _lexicons.mapping("first_names"):
                cut = k + 1
    if words and _is_cap(words[-1]):
        # "longtime Democratic pollster Pat Caddell": lower-case words before a name describe it
        for k in range(len(words) - 1, -1, -1):
            if not _is_cap(words[k]) and words[k].lower() not in _CONNECTORS:
                if not any(w.lower() in _POSTMOD_PREP or w.lower() in dets for w in words[: k + 1]):
                    cut = max(cut, k)
                    if cut + 2 < len(words) and words[cut].lower() == "voice" and words[cut + 1].lower() == "of":
                        cut += 1  # "the voice of John Reed" is John Reed ("the wife of John Reed" is not)
                break
    if cut >= 1 and cut == len(words) - 1 and _is_cap(words[cut]) and words[cut - 1] in _lexicons.mapping("first_names"):
        # "Howard Dean", "John Major": a family name that is also a title word, after a given name
        cut = cut - 2
        while cut >= 0 and not (words[cut].lower() in titles or words[cut] in honorifics
                                or words[cut].lower().rstrip(".") in titles):
            cut -= 1
    elif cut >= 1 and words[cut] in _COURTESY:
        # "the morning Mr. Obama": lower-case words before a courtesy title are not part of it
        j = cut - 1
        while j >= 0 and words[j][:1].islower() and words[j].lower() not in titles:
            j -= 1
        if j < 0:
            words, toks, cut = words[cut:], toks[cut:], 0
    if cut >= 0 and len(words) - cut == 2 and words[cut] in honorifics and words[cut] not in _COURTESY:
        cut -= 1  # a form of address that is part of the name: "Father Christopher", "Aunt Polly"
    name_words = [w for w in words[cut + 1 :]]
    title_words = words[: cut + 1]
    is_name = is_name_like(name_words)
    if is_name and name_words[0].lower() in ("of", "and") and not (title_words and title_words[-1] in honorifics):
        is_name = False  # "the girl of Robert" is a girl ("the Duke of Ely" keeps his style)
    if is_name and len(name_words) == 1 and cut < 0 and _common_noun(name_words[0]):
        is_name = False  # "Sources said", "Officials say": a capitalised common noun
    head = words[-1].lower().rstrip(".")
    if is_name and cut >= 0 and words[cut][:1].islower() \
            and (words[cut].endswith("ed") or words[cut] in ("late", "early", "mid", "last", "next")) \
            and all(w in _TIME_NAMES for w in name_words):
        # "a poll released Monday": a day is no one's name; the head is the noun the participle follows
        is_name = False
        k = cut
        while k > 0 and (words[k].lower().endswith("ed") or words[k] in _TIME_NAMES):
            k -= 1
        head = words[k].lower()
    if len(words) >= 3 and words[-2] in _CONTACT_SUBJECTS and head.endswith("ed"):
        head = words[-3].lower()  # "the experts I interviewed": the noun the clause follows
    for k, w in enumerate(words):
        # "a spokesman for the ministry", "sources familiar with the talks": the head comes first
        if k > 0 and w.lower() in _POSTMOD_PREP and (not is_name_like(words[:k]) or (
                k == 1 and w.lower() != "to" and _common_noun(words[0]))):
            # ("Video of the incident": a capitalised common noun opening a sentence is a head too)
            j = k - 1
            while j > 0 and words[j].lower() in _POSTMOD_HEADS:
                j -= 1
            head = words[j].lower()
            break
    for suffix in ("'s", "’s"):
        if head.endswith(suffix):
            head = head[: -len(suffix)]
    gender: Optional[str] = None
    for w in title_words:
        g = honorifics.get(w)
        if g in ("m", "f"):
            gender = g
        elif _FEMININE_ROLE.search(w.lower()):
            gender = gender or "f"
        elif _MASCULINE_ROLE.search(w.lower()):
            gender = gender or "m"
    if is_name:
        g = _lexicons.mapping("first_names").get(name_words[0])
        if g in ("m", "f") and gender is None:
            gender = g
        title_text = _span_text(text, toks, 0, cut) if cut >= 0 else None
        name_text = _span_text(text, toks, cut + 1, len(toks) - 1)
        for suffix in ("'s", "’s"):
            if name_text.endswith(suffix):
                name_text = name_text[: -len(suffix)]
        kind = _name_kind(words, name_words)
        if kind != "person":
            # an organisation's name keeps all its words ("US State Department") but the
            # lower-case words describing it ("the nonpartisan Commission on …")
            first = next((k for k, t in enumerate(toks) if _is_cap(t.word) or t.word[:1].isdigit()), 0)
            name_text = _span_text(text, toks, first, len(toks) - 1)
            title_text = None
        return Mention(start, end, "name", kind, gender if kind == "person" else None, False,
                       name_text, title_text, head, definite)
    kind = _description_kind(words, head, definite)
    if kind == "person" and gender is None:
        if _FEMININE_ROLE.search(head):
            gender = "f"
        elif _MASCULINE_ROLE.search(head):
            gender = "m"
    plural = head.endswith("s") and not head.endswith("ss") and kind in ("anonymous", "unknown")
    title_text = _span_text(text, toks, 0, len(toks) - 1) if kind == "person" else None
    return Mention(start, end, "description", kind, gender, plural, None, title_text, head, definite)


def _common_noun(word: str) -> bool:
    lw = word.lower()
    return any(lw in _lexicons.words(n) for n in ("anonymous_words", "person_words", "document_words",
                                                  "media_words", "organization_words", "titles"))


def is_name_like(words: List[str]) -> bool:
    """Capitalised words, connectors only between them: "Duke of Ely", never "Part of"."""
    return bool(words) and bool(_is_cap(words[-1])) and all(_is_cap(w) or w.lower() in _CONNECTORS for w in words)


def _span_text(text: str, toks: List[Token], a: int, b: int) -> str:
    return text[toks[a].start : toks[b].end]


def _name_kind(words: List[str], name_words: List[str]) -> str:
    last = name_words[-1].lower().rstrip(".")
    if (last in _lexicons.words("place_words") and len(name_words) > 1
            and name_words[0] not in _lexicons.mapping("first_names") and len(words) == len(name_words)):
        return "place"
    media = _lexicons.words("media_words")
    orgs = _lexicons.words("organization_words")
    lowered = [w.lower() for w in name_words]
    if any(w in ("times", "news", "post", "journal", "press") for w in lowered[1:]):
        return "media"
    # the head of "Federal Bureau of Prisons", "Association of Flight Attendants": the word before "of"
    k = lowered.index("of") if "of" in lowered[1:] else len(lowered)
    head = lowered[k - 1].rstrip(".")
    if head in orgs and (head not in media or (head == "agency" and len(name_words) > 1)):
        # "International Atomic Energy Agency": an agency named by capitalised words and none of
        # news is a public body (a news agency's name says so: "… News Agency", "… Press")
        return "organization"
    if head in media or last in media:
        return "media"
    if last in orgs or any(w in ("department", "ministry", "party", "council", "committee") for w in lowered):
        return "organization"
    if len(name_words) == 1 and name_words[0].isupper() and len(name_words[0]) >= 2:
        return "media" if last in media else "organization"
    return "person"


def _in(lexicon: str, head: str) -> bool:
    """``head`` or its singular is in the word list."""
    words = _lexicons.words(lexicon)
    return head in words or (head.endswith("s") and (head[:-1] in words or (head.endswith("es") and head[:-2] in words)))


_AGENT_SUFFIX = ("er", "or", "ist", "man", "woman", "ent", "ant", "ian", "ee")


# "the oldest of the colts", "the tallest of them": one of a group picked out by a
# superlative, someone (the "-est" words below are nouns, no superlatives)
_NOT_SUPERLATIVE = frozenset("rest interest forest west chest nest crest test request conquest protest quest contest "
                             "breast harvest honest modest arrest behest manifest unrest zest vest pest inquest "
                             "bequest guest priest jest digest".split())
_PARTITIVE_GROUPS = frozenset("them us these those two three four five".split())


def _superlative_partitive(words: List[str], head: str) -> bool:
    """``words`` (no determiner) are a superlative picking one of a group: "oldest of the
    colts", "youngest of them"."""
    if len(head) < 5 or not head.endswith("est") or head in _NOT_SUPERLATIVE or not head.isalpha():
        return False
    lw = [w.lower() for w in words]
    k = lw.index(head) if head in lw else -1
    if k < 0 or lw[k + 1 : k + 2] != ["of"]:
        return False
    rest = lw[k + 2 :]
    if rest[:1] in (["the"], ["my"], ["our"], ["his"], ["her"], ["their"]):
        rest = rest[1:]
    return len(rest) == 1 and (rest[0] in _PARTITIVE_GROUPS or (rest[0].endswith("s") and not rest[0].endswith("ss"))
                               or rest[0].endswith(("men", "children")))


def _description_kind(words: List[str], head: str, definite: bool) -> str:
    if _superlative_partitive(words, head):
        return "person" if definite else "anonymous"
    if head in _lexicons.words("person_words") or head in _lexicons.first_field("kinship_words"):
        return "person" if definite else "anonymous"
    if _in("document_words", head):
        return "document"
    if _in("media_words", head) and not (head in ("agency", "agencies") and not any(
            w.lower() in ("news", "press", "wire", "photo") for w in words)):
        return "media"  # ("the agency" that is no news agency is a public body: an organization)
    if _in("organization_words", head):
        return "organization"
    if head in _lexicons.words("titles") and definite:
        return "person"
    if head in _lexicons.words("anonymous_words") or head in _lexicons.words("titles"):
        return "anonymous"
    last = head.rsplit("-", 1)[-1]  # "the turnpike-keeper": the last part is the noun
    if len(last) > 4 and last.endswith(_AGENT_SUFFIX) and last.isalpha():
        # an agent noun: "the announcer", "a New York businessman", "the economist"
        return "person" if definite else "anonymous"
    return "unknown"


# a capitalised word after a lower-case letter, comma or semicolon and one to three
# spaces, found from the capital (tried at capitals only, not at every lower-case
# letter); group 1 is the character before the spaces
# a capitalised word's letters after its capital when hyphens join it to more words,
# capitalised or not ("Winnie-the-Pooh", "Mary-Anne"): the whole name, not "Winnie-the-"
_HYPHENED_TAIL = r"\p{Ll}[\p{Ll}\p{M}'’]*(?:-\p{L}[\p{Ll}\p{M}'’]*)+"
_CAP_AFTER_LOWER = regex.compile(r"(?<=([\p{Ll},;])\s{1,3})\p{Lu}(?:" + _HYPHENED_TAIL + r"|[\p{Ll}\p{M}'’\-]+)")


def _mid_sentence_caps(text: str) -> Set[str]:
    """The capitalised words that follow a lower-case letter, comma or semicolon and one
    to three spaces, as non-overlapping matches of "[\\p{Ll},;]\\s{1,3}(Word)" would
    find them (three times faster on a novel than that pattern): a capital whose
    lower-case letter before ends an earlier match's word ("a Bc De": not "De") is not
    one of them."""
    out = set()
    last = 0
    for m in _CAP_AFTER_LOWER.finditer(text):
        if m.start(1) >= last:
            out.add(m.group())
            last = m.end()
    return out


_CAP_WORD = regex.compile(r"(?<![\p{L}'’])\p{Lu}(?:" + _HYPHENED_TAIL + r"|\p{Ll}[\p{Ll}\p{M}'’\-]*)")
_LOWER_WORD = regex.compile(r"(?<![\p{L}'’])\p{Ll}[\p{Ll}\p{M}'’\-]*")


@functools.lru_cache(maxsize=4)
def name_index(text: str) -> FrozenSet[str]:
    """Capitalised words the text uses as names: seen in mid-sentence, or more than once
    at the start of a sentence without being a common word there ("Mara set down…"), or
    once as the subject of a verb only a person does ("Mara sat by the fire.")."""
    mid = _mid_sentence_caps(text)
    not_names = _lexicons.words("not_names") | _lexicons.words("function_words")
    counts: Dict[str, int] = {}
    for w in _CAP_WORD.findall(text):
        if w not in mid and w.lower() not in not_names:
            counts[w] = counts.get(w, 0) + 1
    # a word capitalised only where a sentence starts, and written in lower case
    # elsewhere, is an ordinary word ("Finally", "Making"), not a name
    twice = [w for w, n in counts.items() if n >= 2]
    # once, but as the subject of a verb of action that opens a sentence ("Mara sat by the fire.")
    acting = [w for w in dict.fromkeys(_ACTS_AFTER.findall(text)) if counts.get(w) == 1]
    lower = _written_lower(text, twice + acting)
    found = mid | {w for w in twice + acting if w not in lower}
    # one syllable said over and over ("Haw-haw-haw", "Tut-tut"): a laugh or a cry, no name
    return frozenset(w for w in found if "-" not in w or len(set(w.lower().split("-"))) > 1)


# a capitalised word and a verb of action that a person does ("Mara sat", "Tobias nodded")
_ACTS_AFTER = regex.compile(
    r"(?<![\p{L}'’])(\p{Lu}\p{Ll}+)[^\S\n]+(?:sat|stood|smiled|nodded|laughed|sighed|frowned|shrugged|"
    r"glanced|stared|whispered|muttered|grinned|blushed|wept)(?![\p{L}])")


_MARK_OR_HYPHEN = regex.compile(r"[\p{M}\-]")
_LOWER_GOES_ON = regex.compile(r"[\p{Ll}\p{M}'’\-]")  # what _LOWER_WORD takes after its first letter


_EVERY_LOWER: List[Tuple[str, Dict[str, int]]] = []  # the last text's lower-case words, counted
# ``_LOWER_WORD`` in a text of ASCII characters only (no mark, no curly apostrophe there; a
# letter is one of A-Z, a-z), for the ``re`` engine: the same words, found in half the time
_ASCII_LOWER_WORD = re.compile(r"(?<![A-Za-z'])[a-z][a-z'\-]*")


def _every_lower(text: str) -> Dict[str, int]:
    """Every ``_LOWER_WORD`` word of ``text`` with how often it occurs, kept for the last
    text asked about (one scan, shared by the stages that ask)."""
    if _EVERY_LOWER and _EVERY_LOWER[0][0] is text:
        return _EVERY_LOWER[0][1]
    words = (_ASCII_LOWER_WORD if text.isascii() else _LOWER_WORD).findall(text)  # no group: the whole matches
    every: Dict[str, int] = collections.Counter(words)
    _EVERY_LOWER[:] = [(text, every)]
    return every


def lower_counts(text: str) -> Dict[str, int]:
    """How often ``text`` writes each lower-case word (read only)."""
    return _every_lower(text)


def _written_lower(text: str, words: List[str]) -> FrozenSet[str]:
    """Those of ``words`` whose lower-case form is one of the ``_LOWER_WORD`` words of
    ``text``. A few words are looked for where they occur (``str.find`` and one match
    there) instead of listing every lower-case word of the text: making those strings
    was most of the cost of ``name_index``. Past a bounded number of passes or places
    tried, the whole scan answers (linear on any input)."""
    every: Optional[Dict[str, int]] = None
    if len(words) > 64:
        every = _every_lower(text)
    budget = len(text) // 64 + 64  # places tried before the whole scan is cheaper
    out = set()
    for w in words:
        lw = w.lower()
        n = len(lw)
        i = text.find(lw) if every is None else -1
        while i != -1:
            budget -= 1
            if budget < 0:
                every = _every_lower(text)
                break
            # the match here is lw exactly: it takes lw's characters (looked at up to its end
            # only: a long word after it is not read again at each place) and no more
            m = _LOWER_WORD.match(text, i, i + n)
            if m is not None and m.end() == i + n and _LOWER_GOES_ON.match(text, i + n) is None:
                if i > 0 and _MARK_OR_HYPHEN.match(text, i - 1):
                    # after a hyphen or mark a match from further back may hold this one
                    # ("well-known"): the whole scan answers, for this word and the rest
                    every = _every_lower(text)
                else:
                    out.add(w)
                break
            i = text.find(lw, i + 1)
        if every is not None and lw in every:
            out.add(w)
    return frozenset(out)


_TITLED_WORD = regex.compile(r"(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Master|Aunt|Uncle|Captain|Colonel)\.?"
                             r"[^\S\n]*\n?[^\S\n]*(\p{Lu}\p{Ll}+)")


class _WordEvidence:
    """Per text: the capitalised words seen after an honorific ("Mr. Hall") or as the
    speaker of a tag (“…,” said Hall), and the words looked up in lower case so far."""

    __slots__ = ("text", "titled", "lower", "asked")

    def __init__(self, text: str) -> None:
        self.text = text
        self.titled = frozenset(_TITLED_WORD.findall(text)) | {w.capitalize() for w in tagged_words(text)}
        self.lower: Dict[str, bool] = {}
        self.asked = 0


_evidence: List[_WordEvidence] = []


def plain_word_as_name(text: str, word: str) -> bool:
    """A capitalised word that starts a clause ("Presently she began", "Women were
    screaming") names someone only if the text gives it as a name elsewhere: a given
    name, after an honorific, in a tag, or never written in lower case. Past a bounded
    number of look-ups per text, one scan lists the lower-case words (linear)."""
    if word in _lexicons.mapping("first_names") or word in _lexicons.first_field("honorifics"):
        return True  # "Father Christopher", "Aunt Polly": a form of address starts a name
    if word.lower() in _lexicons.words("not_names"):
        return False
    ev = _evidence[0] if _evidence and _evidence[0].text is text else None
    if ev is None:
        ev = _WordEvidence(text)
        _evidence[:] = [ev]
    if word in ev.titled:
        return True
    if word not in ev.lower:
        ev.asked += 1
        if ev.asked == 64:
            every = _every_lower(text)
            ev.lower = _AllLower(every)
        ev.lower[word] = bool(_written_lower(text, [word])) if not isinstance(ev.lower, _AllLower) \
            else word.lower() in ev.lower.every
    return not ev.lower[word]


class _AllLower(Dict[str, bool]):
    def __init__(self, every: Dict[str, int]) -> None:
        super().__init__()
        self.every = every


def is_known_name(text: str, m: "Mention", names: FrozenSet[str]) -> bool:
    """A name mention the document supports: a title, a given name, or a word used as a name."""
    if m.form != "name" or m.name is None:
        return False
    if m.title or m.kind != "person":
        return True
    words = [w for w in m.name.split() if w[:1].isupper()]
    first_names = _lexicons.mapping("first_names")
    return any(w in names or w in first_names for w in words) or len(words) >= 3


# --- names across the whole document (for pronouns, titles and canonical names) ---

_NAME_SEQ = regex.compile(
    r"""
    (?=\p{Lu})  # every match starts with a capital: tested first, it skips other places fast
    (?<![\p{L}\p{N}'’])
    (?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|Rev|St)\.?\s+)?
    \p{Lu}(?:[\p{L}\p{M}'’]|-(?=\p{L}))*+
    (?:(?=\s)[^\S\n]*+\n?[^\S\n]*+(?:(?:of|de|van|von|der|da|du|del|la|le|bin|al)[^\S\n]++)?(?:\p{Lu}\.|\p{Lu}(?:[\p{L}\p{M}'’]|-(?=\p{L}))++))*+
    """,
    regex.VERBOSE,
)


# ``_NAME_SEQ`` in a text of ASCII characters only, for the ``re`` engine (no property
# classes: a capital is A-Z, a letter A-Za-z, a digit 0-9, no marks, and the white space
# ``regex`` knows there is \t \n \v \f \r and the space, not \x1c-\x1f): the same
# matches, found in about two thirds of the time
_ASCII_SPACE = "[\t\n\x0b\x0c\r ]"
_ASCII_BLANK = "[\t\x0b\x0c\r ]"  # [^\S\n]
_ASCII_NAME_SEQ = re.compile(
    r"(?=[A-Z])(?<![A-Za-z0-9'])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|Rev|St)\.?" + _ASCII_SPACE + r"+)?"
    r"[A-Z](?:[A-Za-z']|-(?=[A-Za-z]))*+"
    r"(?:(?=" + _ASCII_SPACE + r")" + _ASCII_BLANK + r"*+\n?" + _ASCII_BLANK + r"*+"
    r"(?:(?:of|de|van|von|der|da|du|del|la|le|bin|al)" + _ASCII_BLANK + r"++)?"
    r"(?:[A-Z]\.|[A-Z](?:[A-Za-z']|-(?=[A-Za-z]))++))*+"
)


# “…,” said Sunday. | “…” asked May!: a closing mark, a tag verb, one capitalised word, punctuation
_TAGGED_WORD = regex.compile(r"[\"”’'][^\S\n]*(?P<verb>\p{Ll}+)[^\S\n]*\n?[^\S\n]*(?<=\s)(?P<name>\p{Lu}\p{Ll}+)(?=[^\S\n]*[,.;:!?\N{EM DASH}])")


# the last text's tagged words: (text, words); scan_names and plain_word_as_name both ask
_TAGGED: List[Tuple[str, FrozenSet[str]]] = [("", frozenset())]


def tagged_words(text: str) -> FrozenSet[str]:
    """Capitalised words that speak in a tag right after a quotation (“…,” said Sunday.):
    names in this text, even where the word is also a day, a month or a modal verb (kept
    for the last text asked about: one scan per text)."""
    last = _TAGGED[0]  # one read: another thread may replace it
    if last[0] is text:
        return last[1]
    got = _tagged_words(text)
    _TAGGED[0] = (text, got)
    return got


def _tagged_words(text: str) -> FrozenSet[str]:
    out = set()
    for m in _TAGGED_WORD.finditer(text):
        if _cues.tag_verb_at(text, m.start("verb"), m.end("verb")) is not None and may_name_in_tag(m.group("name")):
            out.add(m.group("name").lower())
    return frozenset(out)


def may_name_in_tag(word: str) -> bool:
    """A capitalised word right after a tag verb names the speaker unless it is a
    pronoun or a determiner ("said He", "said The" are not names)."""
    lw = word.lower()
    return lw not in PRONOUNS and lw not in _lexicons.first_field("determiners")


def _possessive_stem(word: str) -> str:
    """"perhaps" stays whole; "nobody's" is "nobody"."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


# the honorifics ``_NAME_SEQ`` reads with a full stop only at a match's start
_ABBREVIATED_HONORIFICS = frozenset("Mr Mrs Ms Dr Sen Rep Gov Gen Col Capt Lt Sgt Prof Rev St".split())


_NON_SPACE = re.compile(r"\S+")  # the words ``str.split()`` gives, with their places


@functools.lru_cache(maxsize=4096)
def _inflected_tag_verb(word: str) -> bool:
    """A capitalised inflected form of a verb of saying ("Said", "Added", "Asks"), not a
    given name and not a bare stem that is also a noun in names ("State", "Report")."""
    lw = word.lower()
    if not word[:1].isupper() or word in _lexicons.mapping("first_names") or lw not in _tag_forms():
        return False
    lemma = _cues.lemma_of().get(lw)
    return lemma is not None and lemma != lw


@functools.lru_cache(maxsize=4096)
def _opening_participle(word: str) -> bool:
    """A capitalised participle in -ing opening a sentence before a name ("Injecting
    Clinton's troubles into …"), not a given name ("Sterling") nor a name's word ("King")."""
    return (len(word) > 6 and word.endswith("ing") and word[0].isupper() and word[1:].islower()
            and word not in _lexicons.mapping("first_names"))


def _sentence_start(text: str, pos: int) -> bool:
    """Nothing but spaces between ``pos`` and the text's start, a line break or a full stop."""
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k == 0 or text[k - 1] in "\n.!?"


def scan_names(text: str) -> List[Tuple[int, int]]:
    """Capitalised word sequences that may name someone, leading openers dropped."""
    out: List[Tuple[int, int]] = []
    not_names = _lexicons.words("not_names")
    headline_verbs = _lexicons.words("headline_verbs")
    tagged: Optional[FrozenSet[str]] = None
    # one word alone (most matches: "The", "He", "Trump"): whether it is an opener, asked once per word
    opener: Dict[str, bool] = {}
    seq = _ASCII_NAME_SEQ if text.isascii() else _NAME_SEQ
    skip_to = 0  # the end of a name read again from its honorific ("When Mrs. Hall": Mrs. Hall)
    for m in seq.finditer(text):
        s, e = m.span()
        if s < skip_to:
            continue
        words = m.group().split()
        if len(words) > 1 and words[-1] in _ABBREVIATED_HONORIFICS and text.startswith(".", e):
            # an opener before an honorific and its full stop ("When Mrs. Hall", "Then Mr.
            # Pell"): the match stopped at the stop; the name is read from the honorific on
            again = seq.match(text, e - len(words[-1]))
            if again is not None and again.end() > e + 1 and all(
                    (w.lower() in not_names and w.lower() != "the") or (w.endswith("ly") and w[1:].islower())
                    for w in words[:-1]):  # ("Anne Mrs. Hall": no opener, left as it was)
                out_s, out_e = again.span()
                skip_to = out_e
                if again.group().endswith(("'s", "’s")):
                    out_e -= 2
                out.append((out_s, out_e))
                continue
        if len(words) == 1:
            word = words[0]
            dropped = opener.get(word)
            if dropped is None:
                dropped = opener[word] = _possessive_stem(word.lower()) in not_names
            if dropped:
                if tagged is None:
                    tagged = tagged_words(text)
                if word.lower() not in tagged:
                    continue
            out.append((s, e - 2 if word.endswith(("'s", "’s")) else e))
            continue
        # drop sentence openers ("But Trump", "The White House" keeps its words later)
        k = 0
        while k < len(words) - 1 and (
            (words[k].lower() in not_names and words[k].lower() != "the"
             and not (words[k].isupper() and 1 < len(words[k]) < 3))  # "US President": an acronym
            or (words[k].endswith("ly") and words[k][1:].islower())
        ):
            k += 1  # "But Trump"; a chapter's capitalised first word ("TILL Elizabeth")
        if k == 0 and len(words) > 1 and (_inflected_tag_verb(words[0]) or (
                _opening_participle(words[0]) and _sentence_start(text, m.start()))):
            k = 1  # an inverted tag opening a sentence: "Said Ellis: …", "Added Lee, …"; "Injecting Clinton's …"
        if k:
            s = m.start() + m.group().index(words[k], sum(len(w) for w in words[:k]))
        says = next((i for i in range(k + 1, len(words)) if words[i].lower() in headline_verbs), None)
        if says is not None:
            # a headline ("Obama Says Museum Will Open"): the name is what comes before the verb
            words = words[:says]
            e = m.start() + [w.end() for w in _NON_SPACE.finditer(m.group())][says - 1]
        if len(words) - k == 1 and _possessive_stem(words[k].lower()) in not_names:
            if tagged is None:
                tagged = tagged_words(text)
            if words[k].lower() not in tagged:
                continue  # but “…,” said Sunday.: a name in this text
        if words[-1].endswith(("'s", "’s")):
            e -= 2
        out.append((s, e))
    return out
