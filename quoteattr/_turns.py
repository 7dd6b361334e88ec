"""Source resolution, fiction conversations: who speaks each turn of a dialogue run.

Functions of the resolver (``_resolution.Resolver``, passed as ``r``) for novels:

- Dialogue runs are settled as conversations: the named turns of each parity vote for
  the untagged turns and the pronoun tags; a vocative is never its own quotation's
  speaker, and a pronoun tag answering a turn that addressed someone by name goes to
  that person. "He went on" after his own turn is that turn's speaker; any other
  untagged-by-name "he said" first looks to the people just talking (the latest
  earlier speaker of its gender, not the one who spoke last, while the narration
  names no one else of that gender).
- Pronoun tags: the latest clause subject of the tag's sex before it (a name, a
  description of a known person: "Her mother", "The old Professor", or of a person the
  narration only describes: "A porter came in", "The old woman laughed" after "an old
  woman", a source named by the description; a subject also
  after a fronted clause, an aside, "; but" or a sentence adverb; never a name with a
  possessive 's), else the named tag of an earlier turn of its paragraph, else the
  subject of the narration paragraph before; "“…,” said Tom. Then he yawned. | “…,” he
  said." is Tom's whatever the turn order says, and after one or two narration
  paragraphs that only go on with "he", the named subject of the paragraph before them.
  No subject: the name of an absolute phrase ("Tom still walking up and down, Ann
  spoke"), a name joined to another ("Ann and Tom followed her", unless "the former"
  or "the latter" picks one), a possessor ("Tom's dog", "Tom s dog"). The one a turn addresses by name or its tag speaks to ("said
  Robert to Edna") answers the "she said" after it, whatever the parity; the answer to a
  turn brought in by "when Rabbit said, “…”" is not Rabbit's; a quotation that shares
  another's tag has that one's speaker. A "she said" no named person answers for goes
  to the woman an indefinite description brought in just before ("met by an old
  woman"); "they" to the people of one kind opening the clause before ("Children").
- Last, each dialogue run is decoded as one sequence of speakers (Viterbi over pairs
  of consecutive speakers): its untagged turns and its "he said" tags not settled by
  their own paragraph go to the people of the run so that tags keep their speakers,
  speakers alternate, no one speaks two turns running and no one speaks the turn
  that addresses them, the guesses of the passes above weighing too.
- A first-person narrator is named by the vocatives of every part of the turns next
  to its own.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING, Callable, Dict, FrozenSet, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

import attrs

from . import _lazyregex as regex

from . import _attribution, _cues, _dialogue, _kinship, _letters, _lexicons, _mentions
from ._attribution import Attribution
from ._mentions import Mention
from ._layout import on_lines_with
from ._entities import _DEMONYM_ENDS, _Entity, _GENERIC_PERSON, _PLAIN_HEADS, _honorific, _honorific_conflict, _name_tokens

if TYPE_CHECKING:
    from ._resolution import Resolver


# fiction conversations: how many paragraphs either side vote on a turn, and how much
# a name addressed in a turn of the other parity weighs (a named tag weighs 3)
_WINDOW = 4
_ADDRESSED_WEIGHT = 3.0
# fiction: "he said" looks back this many turns, each at most this many paragraphs
# after the one before, for a speaker of its gender, and gives up when more than so
# many names lie in the narration since that speaker's turn
_PRESENT_QUOTES = 4  # quotations of a paragraph looked at around a turn
_PRESENT_NAMES = 12  # names of that paragraph looked at, last first
_NARRATOR_SHARE = 50  # a first-person novel: the narrator speaks at least one record in 50
_NARRATOR_BACK = 600  # characters of narration before a first turn looked at for "I", "me", "my"
_FIRST_PERSON = regex.compile(r"(?<![\p{L}'’])(?:I|me|my|myself)(?![\p{L}'’])")
_PARTICIPANT_TURNS = 2
_TURN_LOOKBACK = 20  # fiction: records looked back over for the turn before (reported speech between)
_PARTICIPANT_GAP = 2
_PARTICIPANT_NAMES = 40
_TURN_PARTS = 6  # fiction: records of one paragraph looked at for a turn's vocatives
_TAIL_ANCHORS = 200  # fiction: a narration tail this long after a turn settles "said she" on its own
_SUBJECT_NAMES = 100  # fiction: names of the narration before a turn looked at for its subject
_NAMESAKE_BACK = 3000  # fiction: characters looked back for the one of several namesakes addressed
_DESCRIBED_CLAUSES = 8  # fiction: clause starts read back for a described subject before an untagged turn
_NAMESAKE_MENTIONS = 6  # mentions of each namesake looked back over
_NAMESAKE_TURNS = 8  # tagged turns looked back over for a namesake who spoke one
_DESCRIBED_BACK = 400  # fiction: characters of narration looked at for a described subject
# speech verbs by which a speaker takes up their own words again ("he went on")
_NO_ONE_IN_PARTICULAR = frozenset("nobody somebody everybody anybody someone everyone anyone".split())
_GOES_ON = frozenset(["continued", "resumed", "pursued", "persisted", "repeated", "added", "went on"])
# words between a clause start and the name that is its subject: "then the luckless Kitty"
_SUBORDINATING = "when When while While whilst Whilst as As until till before Before after After since Since though Though although Although once Once"
_LEADING_WORDS = frozenset(("the The old young little poor luckless and then But And Then " + _SUBORDINATING).split())
_JOINING = frozenset(("and then But And Then " + _SUBORDINATING).split())
# joining words of a later clause whose subject is named: "…; but Mr. Hale, …"
_LATER_JOINING = frozenset("but yet".split())
# an aside between a fronted clause and the subject: "When she came, however, Ann rose"
_ASIDES = frozenset("however, indeed, therefore, too, then, though, meanwhile,".split())
_CLAUSE_ENDS = frozenset(".!?;:\"”’\N{EM DASH}")
_SUBORDINATE_BEFORE = regex.compile(r"(?<![\p{L}])(?:as|when|while|if|though)[^\S\n]*\Z", regex.IGNORECASE)
_POSSESSIVE_HEAD = regex.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)[^\S\n]+(?P<kin>\p{Ll}+)(?![\p{L}])")
# a relative of the one telling the story ("my mother", "our uncle")
_NARRATOR_KIN = regex.compile(r"(?:[Mm]y|[Oo]ur)[^\S\n]")
_SENTENCE_ADVERBS = frozenset("Indeed Perhaps Still Yet So Now Again Presently Suddenly Meanwhile Soon Only Even Here There Instantly Immediately Afterwards Finally".split())
_THE_TITLE = regex.compile(r"[Tt]he[^\S\n]+(?:[\p{Ll}\-]+[^\S\n]+){0,2}(?P<head>\p{Lu}\p{Ll}+)(?=[^\S\n]+\p{Ll})")
_CLAUSE_LEADS = frozenset("And But Then So Yet Even Just Only Now".split())  # before a fronted clause's conjunction
_HE_OR_SHE = regex.compile(r"(?:(?:Then|And|But|So|Now|Still|Yet),?[^\S\n]+)?(?P<p>[Hh]e|[Ss]he)(?![\p{L}])")
# a clause going on with a pronoun subject: "He smiled", "And then she rose"
_GOES_ON_AS = regex.compile(r"(?:(?:[Tt]hen|[Aa]nd|[Bb]ut|[Ss]o|[Nn]ow|[Ss]till|[Yy]et|[Aa]gain|[Pp]resently|[Ss]uddenly),?[^\S\n]+){0,2}"
                            r"(?P<p>[Hh]e|[Ss]he)(?![\p{L}])")
_CHAIN_PARAGRAPHS = 2  # fiction: narration paragraphs only saying "he" looked back over for his name
_CLAUSE_BACK = 160  # characters looked back from a name for the start of its clause
_SUBORDINATE_WORDS = 25  # at most so many words in a fronted clause: "When Tom came in,"
# a short phrase of place or time fronted before a subject: "In the garden, Mrs. Hale …"
_FRONTING = frozenset("in at on after before by from inside outside near under upon within presently "
                      "meanwhile suddenly then now here there later soon at".split())
_SELF_INTRO = regex.compile(
    r"(?<![\p{L}])(?:I\s{1,3}am|I['’]m|I\s{1,3}be|[Mm]y\s{1,3}(?:(?:[Cc]hristian|real|true|proper|first)\s{1,3})?name\s{1,3}is)\s{1,3}"
    r"(?:(?:plain|just|only|simply|but)\s{1,3})?"
    r"(?P<name>\p{Lu}[\p{Ll}'’\-]+(?:(?:[^\S\n]{1,3}|[^\S\n]{0,3}\n[^\S\n]{0,3})\p{Lu}[\p{Ll}'’\-]+){0,2})"
    r"(?=\s{0,3}[,.!;?\N{EM DASH}]|\s*\Z)")
# “Her name was Duchess, …”: the narration naming a described speaker of that sex
_NAME_WAS = regex.compile(
    r"(?<![\p{L}])(?P<p>[Hh]er|[Hh]is)[^\S\n]+(?:(?:real|true|Christian)[^\S\n]+)?name[^\S\n]+was[^\S\n]+"
    r"(?P<name>\p{Lu}[\p{Ll}'’\-]+(?:[^\S\n]+\p{Lu}[\p{Ll}'’\-]+){0,2})(?![\p{L}])")
_NAME_WAS_BACK = 300  # characters before “Her name was …” where the description is looked for
_NAME_WAS_MOST = 20  # such sentences read per text
_UNNAMED_MOST = 40  # described speakers considered
_ASKED_BACK = 120  # characters at a turn's end looked at for “…, are you Ann Pell?”
_THE_NOUN = regex.compile(r"[Tt]he(?:[^\S\n]+[\p{Ll}\-]+){1,3}")
# a turn that asks someone whether they are the person it names: “Perhaps you are Ann
# Pell?”, “Are you Mr. Hale?”, “You must be Tom, then?” (the name just before the "?")
_ASKED_WHO = regex.compile(
    r"(?<![\p{L}])(?:[Aa]re\s{1,3}you|[Yy]ou\s{1,3}are|[Yy]ou['’]re|[Yy]ou\s{1,3}must\s{1,3}be)\s{1,3}"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Master|Captain|Colonel|Father|Mother)\.?\s{1,3})?"
    r"(?P<name>\p{Lu}[\p{Ll}'’\-]+(?:(?:[^\S\n]{1,3}|[^\S\n]{0,3}\n[^\S\n]{0,3})\p{Lu}[\p{Ll}'’\-]+){0,2})"
    r"(?:,[^\S\n]{1,3}then)?\s{0,3}\?")
# a part of a turn that is a full name and nothing else, after a bare "yes" or "no" at
# most: the answer to a question the turn before put (“The gentleman from London?” |
# “Yes,” I said, “Tobias Vane.”)
_NAME_ALONE = regex.compile(
    r"(?:(?:[Yy]es|[Nn]o)[,!]?\s{1,3})?"
    r"(?P<name>\p{Lu}[\p{Ll}'’\-]+(?:(?:[^\S\n]{1,3}|[^\S\n]{0,3}\n[^\S\n]{0,3})\p{Lu}[\p{Ll}'’\-]+){1,2})"
    r"[.!]?\Z")
# a question after someone else (“Who is that at the gate?”): a name answering it is theirs
_WHO_ELSE = regex.compile(r"(?<![\p{L}])[Ww]ho(?:['’]s|\s{1,3}is|\s{1,3}was)\s{1,3}(?:that|this|he|she|it|they)(?![\p{L}])")
_ANSWER_BACK = 200  # characters between the question and the answer naming its speaker, at most
# the answer owning up to it: “Yes.”, “Well, yes, I am!”, “I am.”, “That I am.”
_OWNS_UP = regex.compile(r"(?:(?:Well|Oh|Why|Ah)[,!]?\s{1,3})?(?:[Yy]es|[Aa]y[e]?|I\s{1,3}am|That\s{1,3}I\s{1,3}am)(?![\p{L}])")


def _described_head(text: str, start: int, end: int) -> Optional[Tuple[int, int]]:
    """A clause opening "The (old) girl <verb>…": the description before the verb,
    when its last word is a word for a person ("girl", "clerk", "mother")."""
    m = _THE_NOUN.match(text, start, end)
    got = _person_prefix(text, m) if m is not None else None
    return None if got is None else (got[0], got[1])


def _person_prefix(text: str, m: "regex.Match[str]") -> Optional[Tuple[int, int, str]]:
    """The longest part of the words ``m`` matched that ends in a word for a person
    ("The old man", not "The old"), with that word; None when there is none, or when a
    line break falls inside it (left alone)."""
    words = text[m.start() : m.end()].split()
    heads = _person_heads()
    for n in range(len(words), 1, -1):
        if words[n - 1] in heads:
            e = m.start() + len(" ".join(words[:n]))
            return (m.start(), e, words[n - 1]) if text[m.start() : e] == " ".join(words[:n]) else None
    return None


def _ends_clause(word: str) -> bool:
    """A word that ends a clause ("came.", "said:"), not an abbreviation ("Mrs.")."""
    return word[-1:] in _CLAUSE_ENDS and not (word[-1:] == "." and word[:-1] in _mentions.abbreviations())


def _ends_sentence(word: str) -> bool:
    """A word that ends a sentence or a quotation before a fronted phrase ("flowers.")."""
    return word[-1:] in (".", "!", "?", ";", ":", '"', "”", "’")


def _phrase_start(words: List[str], most: int, ends: Callable[[str], bool]) -> Optional[int]:
    """Where the phrase that ``words`` end with starts: just after the last word that
    ``ends`` says closes what came before, or at the first word, at most ``most`` words
    back; None when no such start lies that near."""
    k = len(words) - 1
    while k > 0 and len(words) - k <= most and not ends(words[k - 1]):
        k -= 1
    if len(words) - k > most or (k > 0 and not ends(words[k - 1])):
        return None
    return k


def _after_subordinate(words: List[str]) -> bool:
    """``words`` (before a subject, the last one ending with a comma) are a fronted
    subordinate clause opening the sentence: "When Tom came into the room,"."""
    k = _phrase_start(words, _SUBORDINATE_WORDS, _ends_clause)
    if k is None:
        return False
    if (words[k] in _CLAUSE_LEADS or (k > 0 and words[k] in ("and", "but"))) and k + 1 < len(words):
        # "And as ill luck would have it," "Even when she came,"; after a semicolon, "…;
        # and when Tom was gone,"
        k += 1
        return words[k] in _SUBORDINATING
    if words[k][:1].isupper() and words[k] in _SUBORDINATING:
        return True
    if k + 1 < len(words) and words[k][:1].isupper() and _participle(words[k].lower()):
        return True  # "Turning to the window, Tom said": a fronted participial phrase
    return _absolute(words[k:])  # "Mr. Hale still walking up and down, Tom spoke"


# a participle after a name opening an absolute phrase ("Tom still walking up and down, …"),
# and words in "-ing" that are none
_NOT_PARTICIPLES = frozenset("bring sing ring fling sting swing cling wring spring string sling thing nothing "
                             "something anything everything king wing evening morning during".split())
_ABSOLUTE_ADVERBS = frozenset("still now then already once again meanwhile".split())
_PARTICIPLE_AFTER = regex.compile(r"[^\S\n]+(?:(?:still|now|then|already)[^\S\n]+)?(?P<p>\p{Ll}+ing)(?![\p{L}])")
# prepositions that may open a longer fronted phrase: "To these high-flown words, Ann listened"
_FRONTING_PREPOSITIONS = frozenset("in at on after before by from inside outside near under upon within to with "
                                   "without during through across among beside behind for against towards toward "
                                   "into beyond".split())
_PREPOSITIONAL_WORDS = 8  # at most so many words in a fronted prepositional phrase


# a name joined by "and" to another opening the subject: "Mrs. Bankes and Rodney followed"
_JOINED_SUBJECT = regex.compile(r"[^\S\n]*+(?:\n[^\S\n]*+)?(?:and|&)\s{1,3}\p{Lu}")


_FORMER_LATTER = regex.compile(r"(?<![\p{L}])the[^\S\n]+(?P<which>former|latter)(?![\p{L}])")
_PAIR_BACK = 200  # characters after a subject of two looked at for "the former"


def _picked(r: Resolver, end: int, second: int, qs: int) -> Optional[str]:
    """Fiction: for a subject of two ("When Ann and Jane were alone,") whose first name
    ends at ``end`` (and whose second starts at ``second``, if given), "former" or
    "latter" when the sentence goes on to pick one of them ("the former …")."""
    m = _JOINED_SUBJECT.match(r.text, end, end + 12)
    if m is None or (second >= 0 and m.end() - 1 != second):
        return None
    hi = min(qs, end + _PAIR_BACK)
    f = _FORMER_LATTER.search(r.text, end, hi)
    if f is None or any(c in r.text[end : f.start()] for c in ".!?;"):
        return None
    return f.group("which")


def _participle(word: str) -> bool:
    """A lower-case word in "-ing" that is a participle ("walking", "being")."""
    return len(word) > 4 and word.endswith("ing") and word.islower() and word not in _NOT_PARTICIPLES


def _absolute(words: List[str]) -> bool:
    """``words`` (a clause's opening words, up to the comma before a subject) are an
    absolute phrase: a name and a participle ("Mr. Hale still walking up and down when
    his wife had done,", "Tom being restrained by this,"), not a clause of their own."""
    for n, w in enumerate(words[1:5], 1):
        if _participle(w.rstrip(",")):
            return n > 0 and all(x[:1].isupper() or x in _ABSOLUTE_ADVERBS for x in words[:n])
        if not (w[:1].isupper() or w in _ABSOLUTE_ADVERBS):
            return False
    return False


def _opens_absolute(text: str, end: int) -> bool:
    """The name ending at ``end`` is followed by a participle ("Tom still walking …"):
    it opens an absolute phrase, and is not the subject of the sentence."""
    m = _PARTICIPLE_AFTER.match(text, end, end + 40)
    return m is not None and _participle(m.group("p"))


def _fronted(words: List[str]) -> bool:
    """``words`` (before a subject) end with a fronted phrase set off by a comma and
    opening a sentence: a short one of place or time ("… flowers. In the garden,"),
    or a longer one opened by a preposition ("To these high-flown words,")."""
    k = _phrase_start(words, 4, _ends_sentence)
    if k is not None and words[k][:1].isupper() and words[k].lower() in _FRONTING:
        return True
    k = _phrase_start(words, _PREPOSITIONAL_WORDS, _ends_clause)
    if k is None:
        return _joined_after_comma(words)
    if (k > 0 and words[k] in _JOINED_FRONTING and k + 1 < len(words) - 1
            and words[k + 1] in _FRONTING_PREPOSITIONS and not any(w[-1:] == "," for w in words[k + 1 : -1])):
        return True  # "…; for on first hearing it, Ann sat still": a clause joined after its end
    if (words[k][:1].isupper() and words[k].lower() in _FRONTING_PREPOSITIONS
            and not any(w[-1:] == "," for w in words[k:-1])):
        return True
    return _joined_after_comma(words)


def _joined_after_comma(words: List[str]) -> bool:
    """``words`` end with a short fronted phrase opened by a preposition, after a
    conjunction joining a clause that ended with a comma: "Tom sat by the fire, but
    for all that,", "…, and after all,", "…, yet in spite of it,"."""
    for j in range(len(words) - 2, max(0, len(words) - 1 - _JOINED_PHRASE_WORDS) - 1, -1):
        if j < 1 or words[j] not in _JOINED_COMMA or words[j - 1][-1:] != ",":
            continue
        return (words[j + 1] in _FRONTING_PREPOSITIONS
                and not any(w[-1:] == "," for w in words[j + 1 : -1]))
    return False


_JOINED_COMMA = frozenset("and but yet".split())  # "…, but for all that, Robert"
_JOINED_PHRASE_WORDS = 4  # at most so many words in such a phrase


_JOINED_FRONTING = frozenset("and but for yet".split())  # joining a clause that opens with a fronted phrase


# a short phrase of time opening a sentence with no comma before its subject: "In a
# moment Tom rose", "At last Ann spoke", "After a pause Tom went on", "At that moment
# Sir Hugh came up", "Just then Ann", "A moment later Tom"
_TIME_OPENERS = frozenset("In At After Within".split())
_NAME_COMMA = regex.compile(r"(?:\p{Lu}[\p{L}.'’\-]*[^\S\n]+){0,3}\p{Lu}[\p{L}'’\-]*,")  # "round Helen, and"
_NAME_AND = regex.compile(r"(?:\p{Lu}[\p{L}.'’\-]*[^\S\n]+){0,3}(?:and|&)[^\S\n]")
# words after which a phrase goes on into the name ("With the mention of Derbyshire")
_PHRASE_GOES_ON = frozenset("of the a an his her their my our its your this that".split())
# prepositions that open such a phrase ("For", "To" open clauses too: "For they were …")
_PLACE_OPENERS = frozenset("In At On After Before From Inside Outside Near Under Upon Within With Without During "
                           "Through Across Among Beside Behind Beyond Into Towards Toward".split())
_SUBJECT_PRONOUNS = frozenset("i he she it we they you".split())
_TIME_NOUNS = frozenset("second moment minute instant while pause last length once time".split())


# set phrases of time that open a sentence with no comma before its subject, after an
# "And", "But" or "Then" perhaps: "By and by Ann woke", "Then for the first time Tom
# spoke", "All at once Ann", "Once more Tom"
_TIME_PHRASE = regex.compile(
    r"(?:(?:and|but|then|so)[^\S\n]+){0,2}"
    r"(?:by[^\S\n]+and[^\S\n]+by|all[^\S\n]+at[^\S\n]+once|all[^\S\n]+of[^\S\n]+a[^\S\n]+sudden"
    r"|once[^\S\n]+(?:more|again)|now[^\S\n]+and[^\S\n]+then"
    r"|for[^\S\n]+the[^\S\n]+(?:first|second|third|last|hundredth)[^\S\n]+time)",
    regex.IGNORECASE)
_TIME_PHRASE_WORDS = 7  # at most so many words in such a phrase


def _fronted_time(words: List[str]) -> bool:
    """``words`` (before a subject) end with a short phrase of time or place that
    opens a sentence, set off by no comma ("… flowers. In a moment", "… gate. From
    his window on the stair", "… up. By and by", "… window. But on this point")."""
    k = _phrase_start(words, _TIME_PHRASE_WORDS, _ends_sentence)
    if k is not None and words[k][:1].isupper() and _TIME_PHRASE.fullmatch(" ".join(words[k:])) is not None:
        return True
    k = _phrase_start(words, 4, _ends_sentence)
    if k is not None and k < len(words) - 1 and (
            (words[k] in _TIME_OPENERS and words[-1] in _TIME_NOUNS)  # "In a moment", "At that instant"
            or words[k:] == ["Just", "then"] or (words[k] == "A" and words[-1] == "later")):  # "A moment later"
        return True
    # "From his window the next morning Tom watched": a phrase of place or time
    # opened by a preposition, all in lower case (no name inside it; no verb: not
    # "In vain did Ann try", "For they were to meet Ann")
    auxiliaries = _lexicons.words("auxiliaries")
    k = _phrase_start(words, _PREPOSITIONAL_WORDS, _ends_sentence)
    if (k is not None and words[k] in _CLAUSE_LEADS and k + 1 < len(words) and words[k + 1].islower()
            and words[k + 1].capitalize() in _PLACE_OPENERS):
        k += 1  # "But on this point Tom seemed calm"
        words = words[:k] + [words[k].capitalize()] + words[k + 1 :]
    return (k is not None and len(words) - k >= 3 and words[k] in _PLACE_OPENERS
            and all(w.isalpha() and w.islower() and w not in _SUBJECT_PRONOUNS and w not in auxiliaries
                    for w in words[k + 1 :])
            and words[-1] not in _FRONTING_PREPOSITIONS and words[-1] not in _PHRASE_GOES_ON)


def _same_tag(r: Resolver, chosen: List[Optional[_Entity]]) -> None:
    """Fiction: a quotation that shares the tag of another in its paragraph
    (“…,” she answered. “I am tired.”) has that tag's speaker, however each was
    resolved on its own."""
    for idx, rec in enumerate(r.records):
        if rec.rule != "fiction.same-turn" or rec.speaker is None:
            continue
        for j in range(max(0, idx - _TURN_PARTS), min(len(r.records), idx + _TURN_PARTS + 1)):
            other = r.records[j]
            if j != idx and other.speaker == rec.speaker and other.rule != "fiction.same-turn":
                if chosen[j] is not None:
                    chosen[idx] = chosen[j]
                break


def _name_the_narrator(r: Resolver, chosen: List[Optional[_Entity]]) -> None:
    """Fiction: a first-person narrator is named by what the others call them: the
    names addressed (“…, Watson?”) in the turns just before and after the
    narrator's own turns, when one name has most of those votes."""
    narrator = r.by_key.get("narrator:")
    if narrator is None or r.layout is None:
        return
    best = _narrator_called(r, chosen, narrator)
    if best is not None:
        narrator.forms[best[0]] = best[1]
        return
    _named_only_in_talk(r, chosen, narrator)


def _narrator_called(r: Resolver, chosen: List[Optional[_Entity]],
                     narrator: _Entity) -> Optional[Tuple[Tuple[str, str], int]]:
    """Fiction: the name (honorific, name) the others call a first-person narrator by
    in the turns next to the narrator's own, with its votes, when it has most of them."""
    if r.layout is None:
        return None
    votes: Dict[Tuple[str, str], int] = {}
    total = 0
    para = r.layout.paragraph_index
    paras = [para(rec.span[0]) for rec in r.records]
    counted: Set[int] = set()  # a turn votes once, whichever of its parts names the narrator
    for idx, ent in enumerate(chosen):
        if ent is not narrator:
            continue
        for j in _next_turn_records(r, idx, paras):
            if chosen[j] is narrator or r.records[j].addressee is None or j in counted:
                continue
            counted.add(j)
            to = r.records[j].addressee
            if to is None:
                continue
            m = _mentions.describe(r.text, to[0], to[1])
            if m.form != "name" or m.kind != "person" or m.name is None:
                continue
            key = (m.title if m.title and _honorific(m.title) else "", m.name)
            votes[key] = votes.get(key, 0) + 1
            total += 1
    if votes:
        best = max(votes, key=lambda k: votes[k])
        # the same name with or without its honorific counts once
        support = sum(n for k, n in votes.items() if k[1] == best[1])
        if support >= 2 and 2 * support > total:
            return best, support
    return None


def narrator_addressed(r: Resolver, chosen: List[Optional[_Entity]], addressed: List[Optional[_Entity]]) -> None:
    """Fiction: before the conversations are settled, a turn addressing by name the one
    the others call the first-person narrator (“That you, Watson?”, when the turns next
    to the narrator's own address “Watson”) addresses the narrator, whom the narration
    never names: the turn after it is the narrator's answer."""
    narrator = r.by_key.get("narrator:")
    if narrator is None:
        return
    best = _narrator_called(r, chosen, narrator)
    if best is None:
        return
    name = best[0][1]
    for idx, rec in enumerate(r.records):
        if addressed[idx] is None and rec.addressee is not None and chosen[idx] is not narrator:
            m = _mentions.describe(r.text, rec.addressee[0], rec.addressee[1])
            if m.form == "name" and m.name == name:
                addressed[idx] = narrator


def _narrator_answers(r: Resolver, chosen: List[Optional[_Entity]]) -> None:
    """Fiction: a turn answering a name addressed in the turn before (``fiction.vocative``)
    that names no one the text has (“That you, Watson?” he cried. | “Yes.”) is the
    narrator's when the narrator has since been named so (``_name_the_narrator``)."""
    narrator = r.by_key.get("narrator:")
    if narrator is None or not narrator.forms:
        return
    names = {f[1] for f in narrator.forms}
    for idx, rec in enumerate(r.records):
        if rec.rule != "fiction.vocative" or rec.hint is None or chosen[idx] is narrator:
            continue
        m = _mentions.describe(r.text, rec.hint[0], rec.hint[1])
        if m.form != "name" or m.name not in names or r._known_person(m) is not None:
            continue
        chosen[idx] = narrator


def _named_only_in_talk(r: Resolver, chosen: List[Optional[_Entity]], narrator: _Entity) -> None:
    """Fiction: a first-person narrator is named by the given name the others address
    (“…, you know, Gilbert.”) when the narration never writes that name: everyone else
    it calls by name is someone the narration names too. At least twice, and more than
    every other such name together; only in a text told in the first person
    (``first_person_novel``: a novel told in the third whose "narrator" is the writer
    of a letter it quotes has its nicknames addressed too: “Meg”)."""
    if not first_person_novel(r, chosen):
        return
    votes: Dict[str, int] = {}
    first_names = _lexicons.mapping("first_names")
    for idx, rec in enumerate(r.records):
        to = rec.addressee
        if to is None or chosen[idx] is narrator:
            continue
        m = _mentions.describe(r.text, to[0], to[1])
        if m.form != "name" or m.kind != "person" or m.name is None or m.title:
            continue
        words = m.name.split()
        if len(words) != 1 or words[0] not in first_names:
            continue
        low = words[0].lower()
        if low in r.by_surname or low in r._with_first or ("person:" + low) in r.by_key:
            continue  # a name the narration gives someone
        votes[words[0]] = votes.get(words[0], 0) + 1
    if not votes:
        return
    best = max(votes, key=lambda k: votes[k])
    support = votes[best]
    if support >= 2 and 2 * support > sum(votes.values()):
        narrator.forms[("", best)] = support


def _next_turn_records(r: Resolver, idx: int, paras: List[int]) -> Iterator[int]:
    """The records of the turns just before and after record ``idx``'s paragraph
    (the paragraphs next to it, every part of each; a few records each way)."""
    here = paras[idx]
    for step in (-1, 1):
        j = idx + step
        while 0 <= j < len(paras) and paras[j] == here and abs(j - idx) <= _TURN_PARTS:
            j += step
        there = paras[j] if 0 <= j < len(paras) else -1
        if there < 0 or abs(there - here) != 1:
            continue
        n = 0
        while 0 <= j < len(paras) and paras[j] == there and n < _TURN_PARTS:
            yield j
            j += step
            n += 1


def _self_introduced(r: Resolver, chosen: List[Optional[_Entity]]) -> None:
    """Fiction: a speaker the narration never names ("the parson") is named by its own
    words: “I am Parson Tringham, …” or “My name is Hal Orme.”, or by owning up to
    the name the turn before asks about (“Perhaps you are Ann Pell?” | “Well, yes, I am!”)."""
    done: Set[int] = set()
    not_names = _lexicons.words("not_names")
    first_names = _lexicons.mapping("first_names")
    for idx, ent in enumerate(chosen):
        if ent is None or ent.forms or id(ent) in done or ent.kind not in ("person", "narrator"):
            continue
        for ps, pe in r.records[idx].parts:
            m = _SELF_INTRO.search(r.text, ps, pe)
            if m is None:
                continue
            words = m.group("name").split()
            if any(w.lower() in not_names or w.endswith(_DEMONYM_ENDS) for w in words):
                continue
            if not any(w in r.names or w in first_names for w in words):
                continue
            ent.forms[("", " ".join(words))] = 1
            done.add(id(ent))
            break
        if id(ent) not in done and idx > 0:
            named = _asked_who(r, idx, chosen, not_names, first_names) or _answered_name(
                r, idx, chosen, not_names, first_names)
            if named is not None:
                ent.forms[("", named)] = 1  # “Perhaps you are Ann Pell?” | “Yes, I am.”
                done.add(id(ent))
    _named_by_narration(r, chosen, done, not_names, first_names)
    _named_by_address(r, chosen, done, not_names, first_names)


# a tag verb by which the first tagged turn answers the opening calls, not goes on with them
_OPENING_ANSWER = regex.compile(r"(?:answer|repl[iy]|respond|return|retort|call(?:ed)?[^\S\n]+back)\p{Ll}*(?![\p{L}])", regex.I)
_OPENING_REACH = 2000  # fiction: characters from a text's first quotation to the tagged turn that names its speaker


def opening_calls(r: Resolver, chosen: List[Optional[_Entity]]) -> None:
    """Fiction: the untagged quotations that open a text before anyone is named or heard
    (“Tom!” | No answer. | “Tom!” | The old lady looked round … and then said: | “…”),
    each with narration of its own after it, are the calls of the speaker of the first
    tagged turn after them, when the narration up to that turn names no one else."""
    if r.layout is None:
        return
    opening: List[int] = []
    for idx, rec in enumerate(r.records):
        if rec.kind != "direct":
            return
        if chosen[idx] is None and rec.speaker is None:
            opening.append(idx)
            continue
        ent = chosen[idx]
        if not opening or rec.speaker is None or ent is None or ent.kind != "person":
            return
        if rec.span[0] - r.records[opening[0]].span[0] > _OPENING_REACH:
            return
        b = bisect.bisect_left(r._starts, rec.span[0])
        if any(other is not ent for _s, _e, other in r.timeline[:b]):
            return  # someone else named before it
        paras = [r.layout.paragraph_index(r.records[j].span[0]) for j in opening + [idx]]
        if any(q - p < 2 for p, q in zip(paras, paras[1:])):
            return  # turns one after another: a talk, not calls
        own = {w for _t, name in ent.forms for w in name.split()}
        if any(w in own for j in opening for w in _WORD.findall(r.text, *r.records[j].span)):
            return  # (“Jim!” | … | “Coming!” shouted Jim: the calls call him, he does not make them)
        if rec.cue is not None and _OPENING_ANSWER.match(r.text, *rec.cue) is not None:
            return  # (“Is anybody there?” | … | “Who wants to know?” answered Mrs. Grange)
        for j in opening:
            chosen[j] = ent
        return


_NAMED_EARLIER = 3000  # characters before a vocative looked at for the name spoken of already
_TALK_TURNS = 6  # turns either side of a turn looked at for a tagged turn of the one it talks with


def _tagged_in_talk(r: Resolver, idx: int, them: _Entity, chosen: Sequence[Optional[_Entity]],
                    talked: Set[int]) -> bool:
    """Fiction: ``them`` speaks a turn tagged or beaten for them (“…,” said the youth; "The
    youth frowned. “…”") among the ``_TALK_TURNS`` turns either side of record ``idx``,
    with no paragraph of narration alone between the two (the same talk, not an earlier one)."""
    assert r.layout is not None
    here = r.layout.paragraph_index(r.records[idx].span[0])
    for j in range(max(0, idx - _TALK_TURNS), min(len(chosen), idx + _TALK_TURNS + 1)):
        if j == idx or chosen[j] is not them or r.records[j].speaker is None:
            continue
        there = r.layout.paragraph_index(r.records[j].span[0])
        if all(p in talked for p in range(min(here, there), max(here, there) + 1)):
            return True
    return False


def _named_by_address(r: Resolver, chosen: List[Optional[_Entity]], done: Set[int],
                      not_names: FrozenSet[str], first_names: Dict[str, str]) -> None:
    """Fiction: a speaker the narration only describes ("the stripling") is named by the
    one they talk with: in a talk of two, a turn of a named speaker that calls by a
    given name no one the text names ("Now obey me. … Well, Fred, …"), between or next
    to turns of the described one, calls the described one so; the given name must
    not say the other sex. Each described speaker takes the first such name."""
    if r.layout is None:
        return
    text = r.text
    n = len(chosen)
    talked: Optional[Set[int]] = None  # paragraphs that hold a quotation
    for idx, rec in enumerate(r.records):
        ent = chosen[idx]
        if rec.addressee is None or ent is None or not ent.forms or rec.kind != "direct":
            continue
        words = text[rec.addressee[0] : rec.addressee[1]].split()
        if len(words) != 1 or words[0] not in first_names or words[0].lower() in not_names:
            continue  # (a given name alone)
        if _addressee(r, rec) is not None:
            continue
        if _phrase_regex(words[0]).search(text, max(0, rec.addressee[0] - _NAMED_EARLIER), rec.addressee[0]) is not None:
            continue  # (“Fred will bring them up.” … “Well, Fred, there you are!”: one spoken of before)
        near = [chosen[j] for j in (idx - 1, idx + 1) if 0 <= j < n and r.records[j].kind == "direct"]
        other = [e for e in near if e is not None and e is not ent]
        if not other or any(e is not other[0] for e in other):
            continue  # (a talk of two: the turns beside it spoken by one other person)
        them = other[0]
        if them.forms or id(them) in done or them.kind != "person":
            continue
        if talked is None:
            talked = {r.layout.paragraph_index(rec2.span[0]) for rec2 in r.records}
        if not _tagged_in_talk(r, idx, them, chosen, talked):
            continue
        sex = first_names[words[0]]
        if sex in ("m", "f") and _entity_sex(them) not in (None, sex):
            continue
        them.forms[("", words[0])] = 1  # “Well, Fred, …”: the stripling is Fred
        done.add(id(them))


def _names_given(text: str) -> "Iterator[regex.Match[str]]":
    """``_NAME_WAS.finditer(text)``, searching only the lines holding "name" (a match
    holds it and never crosses a newline): most lines of a novel hold none."""
    return on_lines_with(_NAME_WAS, text, ("name",))


def _named_by_narration(r: Resolver, chosen: List[Optional[_Entity]], done: Set[int],
                        not_names: FrozenSet[str], first_names: Dict[str, str]) -> None:
    """Fiction: a speaker the tags only describe ("said my mother") is named by the
    narration: “… my mother's advice. Her name was Duchess.”: the described speaker
    of that sex whose description the text wrote last in the few sentences before."""
    unnamed: Dict[int, Tuple[_Entity, str, str]] = {}
    kin = _lexicons.mapping("kinship_words")
    for ent in chosen:
        if ent is None or ent.forms or id(ent) in done or ent.kind != "person" or id(ent) in unnamed:
            continue
        head = ent.best_name().split()[-1].lower() if ent.names else ""
        sex = ent.guess_gender() or kin.get(head) or _GENERIC_PERSON.get(head)
        if head and sex is not None and len(unnamed) < _UNNAMED_MOST:
            unnamed[id(ent)] = (ent, head, sex)
    if not unnamed:
        return
    text = r.text
    for n, m in enumerate(_names_given(text)):
        if n >= _NAME_WAS_MOST:
            break
        if r._quotes.covers(m.start()):
            continue  # “Her name was Ann,” said Tom: whose, the talk decides
        words = m.group("name").split()
        if any(w.lower() in not_names for w in words) or not any(w in r.names or w in first_names for w in words):
            continue
        sex = "f" if m.group("p").lower() == "her" else "m"
        lo = max(0, m.start() - _NAME_WAS_BACK)
        best: Optional[_Entity] = None
        best_at = -1
        for ent, head, esex in unnamed.values():
            if esex != sex or id(ent) in done:
                continue
            at = _word_before(text, head, lo, m.start())
            if at > best_at:
                best, best_at = ent, at
        if best is not None:
            best.forms[("", " ".join(words))] = 1
            done.add(id(best))


def _word_before(text: str, word: str, lo: int, hi: int) -> int:
    """Where the lower-case ``word`` was last written as a whole word in
    ``text[lo:hi]`` (any case), or -1."""
    low = text[lo:hi].lower()
    at = low.rfind(word)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not low[at - 1].isalpha()) and (after >= len(low) or not low[after].isalpha()):
            return lo + at
        at = low.rfind(word, 0, at)
    return -1


def _asked_who(r: Resolver, idx: int, chosen: List[Optional[_Entity]], not_names: FrozenSet[str],
               first_names: Dict[str, str]) -> Optional[str]:
    """Fiction: the name that the turn just before turn ``idx`` asks its speaker to
    own (“Perhaps you are Ann Pell?”), when turn ``idx`` owns up (“Well, yes, I am!”)
    and someone else spoke the turn before."""
    rec, prev = r.records[idx], r.records[idx - 1]
    if prev.kind != "direct" or rec.kind != "direct" or chosen[idx - 1] is chosen[idx] or r.layout is None:
        return None
    if r.layout.paragraph_index(prev.span[0]) + 1 != r.layout.paragraph_index(rec.span[0]):
        return None
    ps, pe = rec.parts[0]
    if _OWNS_UP.match(r.text, ps, pe) is None:
        return None
    qs, qe = prev.parts[-1]
    m = _ASKED_WHO.search(r.text, max(qs, qe - _ASKED_BACK), qe + 1)
    if m is None or m.end() < qe - 1:
        return None  # the question must end the turn
    words = m.group("name").split()
    if any(w.lower() in not_names or w.endswith(_DEMONYM_ENDS) for w in words):
        return None
    if not any(w in r.names or w in first_names for w in words):
        return None
    return " ".join(words)


def _answered_name(r: Resolver, idx: int, chosen: List[Optional[_Entity]], not_names: FrozenSet[str],
                   first_names: Dict[str, str]) -> Optional[str]:
    """Fiction: the full name a part of turn ``idx`` says and nothing else, when the
    turn just before is someone else's and ends with a question (“The gentleman from
    London?” | “Yes,” I said, “Tobias Vane.”): its speaker names themself. Not a
    name the narration gives someone, nor the answer to a question about someone
    else (“Who is that at the gate?” | “Tom Pell.”)."""
    rec, prev = r.records[idx], r.records[idx - 1]
    if prev.kind != "direct" or rec.kind != "direct" or chosen[idx - 1] is chosen[idx]:
        return None
    qs, qe = prev.parts[-1]
    if rec.span[0] - qe > _ANSWER_BACK or not r.text[qs:qe].rstrip().endswith("?"):
        return None
    if _WHO_ELSE.search(r.text, qs, qe) is not None:
        return None
    for ps, pe in rec.parts:
        m = _NAME_ALONE.match(r.text, ps, pe)
        if m is None:
            continue
        words = m.group("name").split()
        if any(w.lower() in not_names or (w.endswith(_DEMONYM_ENDS) and w not in first_names) for w in words):
            return None  # (“Jonathan” is a name, “Italian” is not)
        if words[0] not in first_names:
            return None
        if r.by_key.get("person:" + " ".join(w.lower() for w in words)) is not None:
            return None  # someone the narration names
        return " ".join(words)
    return None


def _conversations(r: Resolver, runs: List[List[List[int]]], chosen: List[Optional[_Entity]],
                   addressed: List[Optional[_Entity]], anchored: Set[int]) -> None:
    """Fiction: in a run of dialogue paragraphs, each untagged turn goes to the person
    the settled turns of its parity (two, four, ... paragraphs away) vote for, a
    named tag counting more than a pronoun and a near turn more than a far one, and
    a turn voting only while the settled turns between it and the untagged one keep
    to two people (``_pair_holds``: a nearer tag of the parity naming someone else, or
    a second person in the other parity, means the talk has changed company); a
    name addressed in a turn of the other parity votes for that person too; the
    person tagged in the paragraph just before or after is never chosen (one does
    not answer oneself: in a talk of three the alternation breaks there). A
    pronoun tag ("she said") goes to the person of its gender that the named turns
    of its parity vote for, if there is one. ``runs``: ``dialogue_runs``."""
    weight = {"name": 3.0, "description": 2.0, "pronoun": 1.0}
    for run in runs:
        if len(run) < 2:
            continue
        votes: List[Optional[Tuple[_Entity, float]]] = []
        heard: List[Optional[_Entity]] = []
        for turn in run:
            best: Optional[Tuple[_Entity, float]] = None
            to: Optional[_Entity] = None
            for idx in turn:
                rec = r.records[idx]
                to = to or addressed[idx]
                ent = chosen[idx]
                if ent is None:
                    continue
                if rec.speaker is not None:
                    w = weight.get(_mentions.describe(r.text, *rec.speaker).form, 1.0)
                elif rec.hint is not None:
                    w = 1.5
                else:
                    continue
                if best is None or w > best[1]:
                    best = (ent, w)
            votes.append(best)
            heard.append(to)
        for j, turn in enumerate(run):
            todo = [idx for idx in turn if chosen[idx] is None
                    and (r.records[idx].speaker is None or idx in r._unowned)]
            pron: List[Tuple[int, Optional[str]]] = []
            for idx in turn:
                sp = r.records[idx].speaker
                if sp is not None and idx not in anchored and not thinks(r, r.records[idx]):
                    m = _mentions.describe(r.text, sp[0], sp[1])
                    if m.form == "pronoun":
                        pron.append((idx, m.gender))
            if not todo and not pron:
                continue
            score: Dict[int, float] = {}
            strong: Dict[int, float] = {}  # named tags and vocatives only
            ents: Dict[int, _Entity] = {}
            for i in range(max(0, j - _WINDOW), min(len(run), j + _WINDOW + 1)):
                near = 1.0 / (1.0 + abs(i - j) / 2.0)
                vote = votes[i]
                heard_i = heard[i]
                if i != j and (i - j) % 2 == 0 and vote is not None and _pair_holds(votes, i, j):
                    ent, w = vote
                    score[id(ent)] = score.get(id(ent), 0.0) + w * near
                    if w > 1.0:
                        strong[id(ent)] = strong.get(id(ent), 0.0) + w * near
                    ents[id(ent)] = ent
                elif (i - j) % 2 == 1 and heard_i is not None:
                    score[id(heard_i)] = score.get(id(heard_i), 0.0) + _ADDRESSED_WEIGHT * near
                    ents[id(heard_i)] = heard_i
            # the speaker of a turn next to it (tagged) does not answer himself
            beside: List[_Entity] = []
            for i in (j - 1, j + 1):
                near_vote = votes[i] if 0 <= i < len(run) else None
                if near_vote is not None:
                    beside.append(near_vote[0])
            for idx in todo:
                options = [k for k in score if ents[k] is not addressed[idx]
                           and not any(ents[k] is b for b in beside)]
                if options:
                    chosen[idx] = ents[max(options, key=lambda k: score[k])]
            for idx, g in pron:
                options = [k for k in strong if ents[k] is not addressed[idx] and ents[k].guess_gender() == g]
                if options:
                    chosen[idx] = ents[max(options, key=lambda k: strong[k])]


def _pair_holds(votes: Sequence[Optional[Tuple[_Entity, float]]], i: int, j: int) -> bool:
    """Fiction: the settled turns strictly between turn ``i`` and turn ``j`` of a run
    (``votes``: each turn's tag, as ``_conversations`` reads them) keep to two people:
    those of ``i``'s parity all its own speaker's, those of the other parity all one
    person's. “…,” said Mrs. Pell. | “…” | “…,” replied Mr. Pell. | “…” | “…”: Mrs.
    Pell's tag votes no more for the last turn, Mr. Pell's nearer one stands between."""
    lo, hi = min(i, j), max(i, j)
    mine = votes[i]
    other: Optional[_Entity] = None
    for k in range(lo + 1, hi):
        v = votes[k]
        if v is None:
            continue
        if (k - i) % 2 == 0:
            if mine is not None and v[0] is not mine[0]:
                return False
        elif other is None:
            other = v[0]
        elif v[0] is not other:
            return False
    return True


def _narration_subject(r: Resolver, rec: Attribution, gender: str, starts: List[int], idx: int = -1,
                       chosen: Sequence[Optional[_Entity]] = ()) -> Optional[_Entity]:
    """Fiction: for "said she", a person of that gender named as a subject in the
    narration that opens the quotation's own paragraph ("Kitty sat repining. “…,”
    said she."), or named by the tag of an earlier turn of the paragraph with no
    such subject since (“…,” cried Kitty. “…,” said she.), else a subject in the
    paragraph before it when that one is all narration."""
    if r.layout is None:
        return None
    ps = r.layout.paragraph(rec.span[0])[0]
    qs = rec.span[0]
    r._from_tail = False
    after = _subject_after(r, rec, gender)
    if after is not None:
        return after
    if qs - ps < 2:
        found = _previous_narration_subject(r, ps, gender, starts)
        if found is None and idx > 0:
            found = _tail_goes_on(r, idx, ps, gender, chosen)
        if found is None and not r._from_tail:
            found = _chain_back(r, ps, gender, starts)
            if found is None:
                r._from_tail = False
                found = _spoke_through(r, ps, gender, starts)
        return found
    asked = _asked_before(r, idx, ps, chosen)
    if asked is not None and r._exclude is None:
        # "when Rabbit said, “…?” he said, “Both”": the one answering, not Rabbit
        r._exclude = asked
        try:
            return _narration_subject(r, rec, gender, starts, idx, chosen)
        finally:
            r._exclude = None
    named = _named_before(r, idx, ps, gender, chosen)
    if named is not None:
        # "“…,” wheezed Tom, “…?” he asked.": Tom, unless the narration since names
        # another subject of that sex
        return _subject_between(r, named[0], qs, gender, starts) or named[1]
    found = _subject_between(r, ps, qs, gender, starts, own=True, loose_ok=True)
    if found is None and idx > 0:
        # "“…,” said Kemp. | He went to the window. “…,” he said.": the one whose
        # named turn ends the paragraph before goes on
        found = _opening_goes_on(r, idx, ps, qs, gender, chosen)
    if found is None:
        # "Tom Harlow shrugged. | He rose. “…,” he said.": the narration goes on
        # about the person of the paragraph before, when that one is all narration
        pi = r.layout.paragraph_index(ps)
        if pi > 0 and not r._direct.overlaps(*r.layout.paragraphs[pi - 1]):
            found = _previous_narration_subject(r, ps, gender, starts)
    return found


# fiction: the viewpoint person of a stretch of narration (``_viewpoint``): the one of a
# sex most often named as a clause's subject among the last so many subject names, no
# further back than so many characters
_VIEW_SUBJECTS = 40
_VIEW_BACK = 12000
_VIEW_MIN = 2  # subject names the viewpoint person needs there
_VIEW_NARRATION = 3000  # characters of narration before a "she said" looked at for her chain
_VIEW_CHAIN = 2  # clauses of the narration before a "she said" opening with "she"
_VIEW_OWNERS = 8  # names looked at for a possessor of her sex, when only one clause opens with "she"


def _viewpoint(r: Resolver, pos: int, gender: str) -> Optional[_Entity]:
    """Fiction: the person of ``gender`` the narration before ``pos`` follows: the one
    most often named as a clause's subject ("Katharine thought", "Katharine rose")
    among the last ``_VIEW_SUBJECTS`` subject names (bounded work per call), the latest
    such name breaking a tie; None when no one is so named ``_VIEW_MIN`` times."""
    hi = bisect.bisect_left(r.subjects_at, pos)
    lo = max(0, hi - _VIEW_SUBJECTS)
    counts: Dict[int, int] = {}
    best: Optional[_Entity] = None
    best_n = 0
    for k in range(hi - 1, lo - 1, -1):
        at, ent = r.subjects[k]
        if pos - at > _VIEW_BACK:
            break
        if ent.kind != "person" or ent.guess_gender() != gender:
            continue
        n = counts[id(ent)] = counts.get(id(ent), 0) + 1
        if n > best_n:
            best, best_n = ent, n
    return best if best_n >= _VIEW_MIN else None


def _narration_before(r: Resolver, qs: int) -> Optional[int]:
    """Fiction: where the narration read before the quotation at ``qs`` starts: its own
    paragraph, and the paragraph before when that is all narration, at most
    ``_VIEW_NARRATION`` characters back (bounded work per record, however long the
    paragraph); None without a layout."""
    if r.layout is None:
        return None
    ps = r.layout.paragraph(qs)[0]
    lo = ps
    pi = r.layout.paragraph_index(ps)
    if pi > 0:
        pps, ppe = r.layout.paragraphs[pi - 1]
        if not r._direct.overlaps(pps, ppe):
            lo = pps  # the paragraph before is all narration
    return max(lo, qs - _VIEW_NARRATION)


def _viewpoint_chain(r: Resolver, idx: int, gender: str, starts: List[int],
                     chosen: Sequence[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: for "she said" after narration that goes on with "she" and names no one
    of her sex as a clause's subject (names only owning, or spoken to: "She thought of
    Mary's calm. | “…,” she said"; one clause of "she" is enough when a woman is named
    there as a possessor: "She went out. Mary's temper was worse."), the viewpoint person of the narration before it
    (``_viewpoint``) when she is also the last of her sex named as a subject there (the
    chain of "she" starts from her) and has spoken a turn before; not when the
    quotation addresses her or she spoke the turn in the paragraph before (reported
    speech in the narration is no turn). At most ``_VIEW_NARRATION`` characters back."""
    qs = r.records[idx].span[0]
    lo = _narration_before(r, qs)
    if lo is None or r.layout is None or r._direct.overlaps(r.layout.paragraph(qs)[0], qs):
        return None
    chain = _went_on_with(r, lo, qs, gender, _VIEW_CHAIN)
    if chain < _VIEW_CHAIN and (chain < 1 or not _owner_between(r, lo, qs, gender, starts)):
        return None  # one clause of "she" only when a woman named there only owns something
    if _names_subject(r, lo, qs, gender, starts):
        return None  # someone of her sex named as a subject: the rules on subjects decide
    view = _viewpoint(r, qs, gender)
    if view is None or view is r._addressed or view is _turn_before(r, idx, chosen):
        return None
    if id(view) not in r.speakers:
        return None  # no one who has not yet spoken ("the Ducal", a name read wrongly)
    if _last_subject(r, lo, gender) is not view:
        return None  # the chain of "she" did not start from her
    return view


# fiction: a tag that reports a thought, not speech ("thought she", "he reflected", "she
# said to herself"); its "he"/"she" is the person the narration follows (``_thinker``)
_THOUGHT_VERBS = frozenset("thought think thinks reflected mused wondered wonders pondered reasoned meditated".split())
_TO_ONESELF = regex.compile(r"[^\S\n]*+(?:\p{Ll}+ly[^\S\n]++)?to[^\S\n]++(?:her|him)self\b")


def thinks(r: Resolver, rec: Attribution) -> bool:
    """Fiction: ``rec`` is tagged as a thought: its tag verb is one of thinking
    ("“…,” thought she", "he mused") or is followed by "to herself"/"to himself"
    ("she said to herself", "he muttered softly to himself"). Words in the mind: not a
    turn the alternation of the talk around them settles (``_conversations``)."""
    if rec.cue is None or rec.speaker is None:
        return False
    if r.text[rec.cue[0]:rec.cue[1]].lower() in _THOUGHT_VERBS:
        return True
    end = max(rec.cue[1], rec.speaker[1])
    return _TO_ONESELF.match(r.text, end, min(len(r.text), end + 40)) is not None


def _thinker(r: Resolver, rec: Attribution, gender: str, starts: List[int]) -> Optional[_Entity]:
    """Fiction: for a thought tagged "he"/"she" (``thinks``) after narration that goes
    on with "he"/"she" in ``_VIEW_CHAIN`` clauses or more (the quotation's own
    paragraph, and the paragraph before when that is all narration, at most
    ``_VIEW_NARRATION`` characters back) and names no one of that sex as a clause's
    subject, the last person of that sex named as a subject before it: the one the
    chain of "he" starts from ("Tom lay down. | He pulled up his coat; he laughed. |
    “…,” he thought."), whoever has talked since. When someone of that sex is named
    as a subject there, the viewpoint person (``_viewpoint``) all the same, if she is
    the one the chain starts from, has spoken before and the clause after that name does not go
    on with the pronoun ("Ann was at the gate; and when they came, Tom asked her …
    she could hardly smile. “…,” thought she": not Ann). Not the person the thought
    addresses; None when a quotation comes between."""
    qs = rec.span[0]
    lo = _narration_before(r, qs)
    if lo is None or r._direct.overlaps(lo, qs) or _went_on_with(r, lo, qs, gender, _VIEW_CHAIN) < _VIEW_CHAIN:
        return None
    found = _last_subject(r, lo, gender)
    named = _subject_named(r, lo, qs, gender, starts)
    if named is not None:
        # someone of that sex named as a subject: the rules on subjects decide, unless
        # the narration follows another (``_viewpoint``) who the chain started from
        view = _viewpoint(r, qs, gender)
        if view is None or view is not found or view is r._addressed:
            return None
        if id(view) not in r.speakers and not _subject_since(r, view, lo, qs):
            return None  # no one who has not spoken, unless the narration here has her as a subject
        if _goes_on_from_subject(r, named, lo, qs, gender, starts):
            return None  # "Tom was there. He was proud. | “…,” he thought": the chain goes on from Tom
        return view
    return None if found is r._addressed else found


def _subject_since(r: Resolver, ent: _Entity, lo: int, hi: int) -> bool:
    """Fiction: ``ent`` is named as a clause's subject in ``[lo, hi)`` (among the last
    ``_VIEW_SUBJECTS`` subject names before ``hi``)."""
    b = bisect.bisect_left(r.subjects_at, hi)
    return any(lo <= at and named is ent for at, named in r.subjects[max(0, b - _VIEW_SUBJECTS):b])


def _goes_on_from_subject(r: Resolver, ent: _Entity, lo: int, hi: int, gender: str, starts: List[int]) -> bool:
    """Fiction: the clause right after the last name of ``ent`` (the last person of
    ``gender`` named as a subject in ``[lo, hi)``, ``_subject_named``) opens with the
    pronoun of ``gender`` ("Tom was there. He was proud"): the narration goes on about
    that person."""
    a = bisect.bisect_left(starts, lo)
    for k in range(bisect.bisect_left(starts, hi) - 1, max(a, bisect.bisect_left(starts, hi) - _SUBJECT_NAMES) - 1, -1):
        _s, e, named = r.timeline[k]
        if named is ent and e <= hi:
            for cs in _dialogue.clause_starts(r.text, e, hi):
                he = _GOES_ON_AS.match(r.text, cs, hi)
                return he is not None and (he.group("p").lower() == "she") == (gender == "f")
            return False
    return False


def _subject_named(r: Resolver, lo: int, hi: int, gender: str, starts: List[int]) -> Optional[_Entity]:
    """Fiction: the last person of ``gender`` the narration ``[lo, hi)`` names as a
    clause's subject (``_subject_between``, with no one excluded), if any."""
    held, r._exclude = r._exclude, None
    try:
        return _subject_between(r, lo, hi, gender, starts)
    finally:
        r._exclude = held


def _names_subject(r: Resolver, lo: int, hi: int, gender: str, starts: List[int]) -> bool:
    """Fiction: the narration ``[lo, hi)`` names someone of ``gender`` as a clause's
    subject (``_subject_named``)."""
    return _subject_named(r, lo, hi, gender, starts) is not None


def _owner_between(r: Resolver, lo: int, hi: int, gender: str, starts: List[int]) -> bool:
    """Fiction: one of the last ``_VIEW_OWNERS`` names in ``[lo, hi)`` is someone of
    ``gender`` named as a possessor ("Agnes's temper", "Agnes s temper")."""
    a = bisect.bisect_left(starts, lo)
    b = bisect.bisect_left(starts, hi)
    text = r.text
    return any(ent.guess_gender() == gender and r.owner_at(e)
               for _s, e, ent in r.timeline[max(a, b - _VIEW_OWNERS):b])


def _last_subject(r: Resolver, pos: int, gender: str) -> Optional[_Entity]:
    """Fiction: the last person of ``gender`` named as a clause's subject before
    ``pos``, among the last ``_VIEW_SUBJECTS`` subject names."""
    hi = bisect.bisect_left(r.subjects_at, pos)
    for k in range(hi - 1, max(0, hi - _VIEW_SUBJECTS) - 1, -1):
        at, ent = r.subjects[k]
        if pos - at > _VIEW_BACK:
            break
        if ent.kind == "person" and ent.guess_gender() == gender:
            return ent
    return None


def _turn_before(r: Resolver, idx: int, chosen: Sequence[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: the speaker the first pass gave the quotation of direct speech just
    before record ``idx`` when it is in the paragraph before (reported speech in the
    narration is no turn)."""
    assert r.layout is not None
    j = _direct_before(r, idx)
    if j < 0 or j >= len(chosen):
        return None
    here = r.layout.paragraph_index(r.records[idx].span[0])
    return chosen[j] if r.layout.paragraph_index(r.records[j].span[1] - 1) == here - 1 else None


def _went_on_with(r: Resolver, lo: int, hi: int, gender: str, enough: int) -> int:
    """Fiction: how many clauses of the narration ``[lo, hi)`` open with the subject
    pronoun of ``gender`` ("He rose.", "And then she laughed."), counted up to ``enough``.
    Once one does, a clause opening with it after a fronted phrase or an aside set off
    by commas counts too ("Upon the whole, therefore, she found", "With a grunt, he
    laughed": ``_opens_clause``); such a clause alone starts no chain (a participle's
    "Laughing, he took …" is no narration following him)."""
    text = r.text
    n = 0
    for cs in _dialogue.clause_starts(text, lo, hi):
        he = _GOES_ON_AS.match(text, cs, hi)
        if he is not None and (he.group("p").lower() == "she") == (gender == "f"):
            n += 1
            if n >= enough:
                return n
    for he in _AFTER_FRONTED.finditer(text, lo, hi):
        if (he.group("p") == "she") == (gender == "f") and _opens_clause(r, lo, he.start("p")):
            if not n and not _subordinate_opened(text, lo, he.start("p")):
                continue  # a participle's "Laughing, he took …" starts no chain
            n += 1  # "Upon the whole, therefore, she found", "With a smile, she replied"
            if n >= enough:
                break
    return n


# a sentence opening with a subordinate clause ("When Ann had gone, she found …"): its
# main clause's "she" starts the chain of "she" as one opening a sentence does (and its
# name counts as a subject for the viewpoint person: ``_resolution._FRONTED_WHEN``)
SUBORDINATE_OPENERS = frozenset("When Whenever As After Though Although While Whilst Since Before Till Until Once".split())
_SENTENCE_BACK = 300  # characters looked back for the start of the sentence


def _subordinate_opened(text: str, lo: int, s: int) -> bool:
    """Fiction: the pronoun at ``s`` is the main clause's subject after a fronted
    subordinate clause its sentence opens with ("When Ann had rejoiced over it, she
    found"), the sentence starting at or after ``lo`` (at most ``_SENTENCE_BACK``
    characters back), with no quotation or semicolon in it."""
    a = max(lo, s - _SENTENCE_BACK)
    seg = text[a:s]
    k = max(seg.rfind(". "), seg.rfind("! "), seg.rfind("? "), seg.rfind("\n"))
    if k < 0 and a > lo:
        return False  # the sentence starts further back than looked at
    head = seg[k + 1:].lstrip()
    if any(c in head for c in '"\u201c\u201d;'):
        return False
    return head.split(" ", 1)[0] in SUBORDINATE_OPENERS and head.count(",") == 1


# "she"/"he" after a comma, a word in lower case after it: the subject of a clause after
# a fronted phrase or an aside set off by commas ("Upon the whole, therefore, she found")
_AFTER_FRONTED = regex.compile(r"(?<=,)[^\S\n]+(?P<p>he|she)[^\S\n]+(?=\p{Ll})")


def _chain_back(r: Resolver, ps: int, gender: str, starts: List[int]) -> Optional[_Entity]:
    """Fiction: for "said he" after narration paragraphs that only say "he" ("He
    sat down. | “…,” said he."), the subject of the narration paragraph before those,
    a few paragraphs back at most, when all between are narration going on with "he"
    and naming no one of his sex."""
    assert r.layout is not None
    pi = r.layout.paragraph_index(ps)
    for _ in range(_CHAIN_PARAGRAPHS):
        if pi == 0:
            return None
        pps, ppe = r.layout.paragraphs[pi - 1]
        if r._direct.overlaps(pps, ppe) or not _went_on_with(r, pps, ppe, gender, 1):
            return None
        lo = bisect.bisect_left(r._starts, pps)
        hi = bisect.bisect_left(r._starts, ppe)
        if any(ent.guess_gender() == gender for _s, _e, ent in r.timeline[lo:min(hi, lo + _SUBJECT_NAMES)]):
            return None  # someone of that sex named there: not only "he"
        pi -= 1
        found = _previous_narration_subject(r, pps, gender, starts)
        if found is not None:
            if r._from_tail or found.named == [0, 0]:
                return None  # a tail's subject, or a name of no known sex ("the Strand")
            return found
    return None


# a lead-in opening with the time of the turn before: "As she spoke, …", "While he was speaking, …"
_AS_SPOKE = regex.compile(r"[^\S\n]*(?:As|While|Whilst)[^\S\n]+(?P<p>he|she)[^\S\n]+(?:spoke|talked|was[^\S\n]+speaking"
                          r"|was[^\S\n]+talking|said[^\S\n]+this|said[^\S\n]+so)[^\S\n]*,")


def _spoke_through(r: Resolver, ps: int, gender: str, starts: List[int]) -> Optional[_Entity]:
    """Fiction: for "she said:" in a lead-in paragraph that opens "As she spoke, …" and
    names no one of her sex, right after a paragraph that is one untagged turn: the
    one who spoke that turn goes on, the subject of the narration paragraph before it
    ("Ann grew plaintive. | “…!” | As she spoke, she pulled off her rings, and said: |
    “…”": Ann)."""
    assert r.layout is not None
    pi = r.layout.paragraph_index(ps)
    if pi < 3:
        return None
    lo, hi = r.layout.paragraphs[pi - 1]
    he = _AS_SPOKE.match(r.text, lo, hi)
    if he is None or (he.group("p") == "she") != (gender == "f") or r._direct.overlaps(lo, hi):
        return None
    a = bisect.bisect_left(starts, lo)
    if any(ent.guess_gender() == gender for _s, _e, ent in r.timeline[a:bisect.bisect_left(starts, hi)]):
        return None  # someone of her sex named there
    tlo, thi = r.layout.paragraphs[pi - 2]
    i = bisect.bisect_right(r._direct.starts, thi - 1) - 1
    if i < 0 or r._direct.starts[i] > tlo + 1 or r._direct.ends[i] < thi - 1:
        return None  # the paragraph before is one quotation, no narration nor tag
    return _previous_narration_subject(r, tlo, gender, starts)


def _named_turn_before(r: Resolver, idx: int, pi: int, gender: str,
                       chosen: Sequence[Optional[_Entity]]) -> Optional[Tuple[_Entity, int, int]]:
    """Fiction: the speaker of the turn before ``idx`` when it is the last quotation of
    paragraph ``pi - 1``, its tag names him (“…,” said Tom.), he is of ``gender`` and
    not the one addressed; with where the narration after that turn starts and where
    the paragraph ends."""
    assert r.layout is not None
    pps, ppe = r.layout.paragraphs[pi - 1]
    j = _direct_before(r, idx)
    if j < 0 or j >= len(chosen) or not pps <= r.records[j].span[0] < ppe:
        return None
    ent = chosen[j]
    tag = r.records[j].speaker
    if (ent is None or ent.kind != "person" or ent.guess_gender() != gender or ent is r._addressed
            or tag is None or _mentions.describe(r.text, *tag).form != "name"):
        return None  # only after a turn its tag names ("said Tom")
    i = bisect.bisect_right(r._direct.starts, ppe - 1) - 1
    if i < 0 or r._direct.starts[i] > r.records[j].span[1]:
        return None  # a quotation after that turn
    return ent, max(r._direct.ends[i], r.records[j].span[1], tag[1]), ppe


def _tail_goes_on(r: Resolver, idx: int, ps: int, gender: str,
                  chosen: Sequence[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: for a paragraph opening with “…,” said he, the speaker of the last
    turn of the paragraph before, when that one is of his gender and the narration
    after it goes on with "he" and names no one (“…?” said Tom. Then he smiled. |
    “…,” he said.): the tag settles it, whatever the conversation's parity says. A name
    in that narration ends it, unless the narration is long, goes on with "he" in
    ``_VIEW_CHAIN`` clauses and names no one of his sex as a subject."""
    assert r.layout is not None
    pi = r.layout.paragraph_index(ps)
    if pi == 0:
        return None
    named = _named_turn_before(r, idx, pi, gender, chosen)
    if named is None:
        return None
    ent, lo, ppe = named
    text = r.text
    went_on = False
    for cs in _dialogue.clause_starts(text, lo, ppe):
        he = _GOES_ON_AS.match(text, cs, ppe)
        if he is not None:
            if (he.group("p").lower() == "she") != (gender == "f"):
                return None  # "… Then she smiled.": someone else goes on
            went_on = True
    if not went_on:
        return None
    k = bisect.bisect_left(r._starts, lo)
    if k < len(r._starts) and r._starts[k] < ppe:
        # a name in the tail: the subjects rule above has had its say, unless the tail
        # is long, goes on with "he" in clauses enough and names no one of his sex
        # as a subject (names only owning or spoken to: the narration follows him)
        if ppe - lo < _TAIL_ANCHORS or _went_on_with(r, max(lo, ppe - _VIEW_NARRATION), ppe, gender, _VIEW_CHAIN) < _VIEW_CHAIN:
            return None
        if _names_subject(r, lo, ppe, gender, r._starts):
            return None
    r._from_tail = False  # not a tail's guess: the tag settles it
    return ent


# fiction: a person of a sex the narration brings in without a name ("her father",
# "the old man", "a young girl"), by sex
_SEXED_PERSON = {
    g: regex.compile(r"(?<![\p{L}])(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)"
                     r"(?:[^\S\n]+[\p{Ll}\-]+){0,2}?[^\S\n]+(?:" + words + r")(?![\p{L}])")
    for g, words in (("m", "father|papa|husband|uncle|brother|son|nephew|man|gentleman|boy|lad|fellow|youth"),
                     ("f", "mother|mamma|wife|aunt|sister|daughter|niece|woman|lady|girl|maid"))
}


_NO_ANSWER = regex.compile(r"[^\S\n]+(?:did[^\S\n]+not|didn['’]t|could[^\S\n]+not|couldn['’]t|would[^\S\n]+not|wouldn['’]t)"
                        r"[^\S\n]+(?:answer|reply|respond|speak)(?![\p{L}])")


# a subject taking in what was just said ("He heard this in dismay", "She could not believe
# her ears", "He was taken aback"): the one spoken to
_TAKES_IN = regex.compile(r"[^\S\n]+(?:\p{Ll}+ly[^\S\n]+)?(?:heard|listened|could[^\S\n]+(?:not|hardly|scarcely)[^\S\n]+believe"
                          r"|was[^\S\n]+(?:\p{Ll}+ly[^\S\n]+)?(?:startled|astonished|amazed|dismayed|staggered|taken[^\S\n]+aback))"
                          r"(?![\p{L}])")


def _opening_goes_on(r: Resolver, idx: int, ps: int, qs: int, gender: str,
                     chosen: Sequence[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: for a "he" tag after narration of its own paragraph that opens with
    "he" ("He went to the window. “…,” he said."), the speaker of the last turn of the
    paragraph before, when its tag names him (“…,” said Kemp.), he is of that gender,
    and no one of his sex is named from that turn's end to the quotation: the
    narration goes on with him, whatever the alternation of the turns says (a turn
    its tag only describes or leaves untagged settles nothing)."""
    assert r.layout is not None
    pi = r.layout.paragraph_index(ps)
    if pi == 0 or r.records[idx].kind != "direct":
        return None
    text = r.text
    lo = ps
    while lo < qs and text[lo].isspace():
        lo += 1
    he = _GOES_ON_AS.match(text, lo, qs)
    if he is None or (he.group("p").lower() == "she") != (gender == "f"):
        return None  # the paragraph does not open with "he"
    if (_KEEPS_SILENT.match(text, he.end(), qs) is not None or _NO_ANSWER.match(text, he.end(), qs) is not None
            or _TAKES_IN.match(text, he.end(), qs) is not None):
        return None  # "She did not answer.", "He heard this in dismay.": the one spoken to, not the one who spoke
    named = _named_turn_before(r, idx, pi, gender, chosen)
    if named is None:
        return None
    ent, since, _ppe = named
    if qs - since > _VIEW_NARRATION or _SEXED_PERSON[gender].search(text, since, qs) is not None:
        return None  # "Ann looked at her father. | He took the hint …": someone else of his sex
    lo_k = bisect.bisect_left(r._starts, since)
    hi_k = bisect.bisect_left(r._starts, qs)
    if any(ent_k.guess_gender() == gender for _s, _e, ent_k in r.timeline[lo_k:min(hi_k, lo_k + _SUBJECT_NAMES)]):
        return None  # someone of his sex named since
    return ent


def _asked_before(r: Resolver, idx: int, ps: int, chosen: Sequence[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: the speaker of the turn just before record ``idx`` in its paragraph
    when a subordinate clause brings that turn in ("when Rabbit said, “…?”"): the
    quotation after it answers, and is not that speaker's."""
    j = idx - 1
    if j < 0 or j >= len(chosen) or chosen[j] is None:
        return None
    prev = r.records[j]
    if prev.kind != "direct" or prev.speaker is None or prev.span[0] < ps or prev.speaker[0] > prev.span[0]:
        return None  # only a tag before its quotation: "when Rabbit said, “…”"
    s = prev.speaker[0]
    if _SUBORDINATE_BEFORE.search(r.text, max(ps, s - 8), s) is None:
        return None
    return chosen[j]


def _named_before(r: Resolver, idx: int, ps: int, gender: str,
                  chosen: Sequence[Optional[_Entity]]) -> Optional[Tuple[int, _Entity]]:
    """Fiction: the latest turn before record ``idx`` in its paragraph (starting at
    ``ps``) whose tag names a person of ``gender``: where it ends, and that person."""
    for j in range(idx - 1, max(-1, idx - 1 - _PRESENT_QUOTES), -1):
        rec = r.records[j]
        if rec.span[0] < ps:
            break
        ent = chosen[j] if j < len(chosen) else None
        if (rec.kind != "direct" or rec.speaker is None or ent is None or ent.guess_gender() != gender
                or ent is r._exclude):
            continue
        if _mentions.describe(r.text, *rec.speaker).form == "name":
            return max(rec.span[1], rec.speaker[1]), ent
    return None


def _described_before(r: Resolver, rec: Attribution, starts: List[int]) -> Optional[_Entity]:
    """Fiction: the person a definite description ("the girl", "the old clerk") names
    as the last clause subject of the narration just before an untagged turn: in
    its own paragraph, else in the paragraph before when that one has no quotation."""
    if r.layout is None:
        return None
    pi = r.layout.paragraph_index(rec.span[0])
    lo = r.layout.paragraphs[pi][0]
    if rec.span[0] - lo < 2:
        if pi == 0:
            return None
        lo, hi = r.layout.paragraphs[pi - 1]
        if r._direct.overlaps(lo, hi):
            return None
    else:
        hi = rec.span[0]
    text = r.text
    last: Optional[Tuple[int, int]] = None
    # the last clause with a subject, among the last few (400 characters of prose hold fewer);
    # the starts of a shorter stretch are the last ones of a longer (clause_start_spans)
    clauses = list(_dialogue.clause_starts(text, max(lo, hi - 100), hi))
    if len(clauses) < _DESCRIBED_CLAUSES and hi - 100 > lo:
        clauses = list(_dialogue.clause_starts(text, max(lo, hi - 400), hi))
    for cs in clauses[: -_DESCRIBED_CLAUSES - 1 : -1]:
        last = (_dialogue.clause_subject(text, cs, hi, r.names) or _described_head(text, cs, hi)
                or _described_person(text, cs, hi))
        if last is not None:
            break
    if last is None:
        return None
    m = _mentions.describe(text, last[0], last[1])
    if (m.form == "description" and not m.definite and not m.plural and m.kind in ("person", "anonymous")
            and _described_person(text, last[0], hi) == last):
        # "A porter came in." | “…”: the one the narration brings in, named by the description
        return _own_description(r, m)
    if m.form != "description" or m.kind != "person" or not m.definite or m.plural:
        return None
    if m.head in _NO_ONE_IN_PARTICULAR:
        return None  # "Nobody spoke." | “…”: no one in particular
    ent = r._resolve_mention(m, starts)
    return ent if ent is not None and ent is not r._addressed and ent is not r._exclude else None


def _reported_before(r: Resolver, idx: int, chosen: Sequence[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: for the untagged answer to a run's first turn, when the paragraph before
    that turn is narration, the speaker of the last speech it reports ("Mr. Pell was
    eloquent; he protested that he had never seen such kindness." | “…,” said Mrs. Hale.
    | “…”: Mr. Pell answers), if that is someone other than the one who spoke the turn
    before or the one this turn addresses."""
    assert r.layout is not None
    j = _direct_before(r, idx)
    if j < 0:
        return None
    pi = r.layout.paragraph_index(r.records[idx].span[0])
    if r.layout.paragraph_index(r.records[j].span[0]) != pi - 1 or not _opens_run(r, j) or pi < 2:
        return None
    ps, pe = r.layout.paragraphs[pi - 2]
    if r._direct.overlaps(ps, pe):
        return None
    k = j - 1
    while k >= 0 and r.records[k].span[0] >= ps:
        rec = r.records[k]
        if rec.kind != "direct" and rec.span[1] <= pe:
            ent = chosen[k]
            if ent is None or ent.kind != "person" or ent is r._exclude or ent is r._addressed:
                return None
            hi = bisect.bisect_left(r._starts, pe)
            lo = max(bisect.bisect_left(r._starts, ps), hi - _SUBJECT_NAMES)
            # someone that narration names (not "the refreshment of talking of him")
            return ent if any(r.timeline[t][2] is ent for t in range(lo, hi)) else None
        k -= 1
    return None


def _brought_in_before(r: Resolver, rec: Attribution, sex: Optional[str]) -> Optional[_Entity]:
    """Fiction: for a turn that opens a run, the person an indefinite description brings
    in as the last clause subject of the narration paragraph just before it ("A porter
    came in." | “…”), of ``sex`` when the lead-in gives one, when that paragraph
    names no one as a subject after it."""
    if r.layout is None:
        return None
    pi = r.layout.paragraph_index(rec.span[0])
    if pi == 0 or rec.span[0] - r.layout.paragraphs[pi][0] >= 2:
        return None
    lo, hi = r.layout.paragraphs[pi - 1]
    if r._direct.overlaps(lo, hi):
        return None
    text = r.text
    last: Optional[Tuple[int, int]] = None
    # the subject of the last clause that has one: looked for from the end
    for cs in reversed(list(_dialogue.clause_starts(text, max(lo, hi - _DESCRIBED_BACK), hi))):
        sp = _dialogue.clause_subject(text, cs, hi, r.names) or _described_person(text, cs, hi)
        if sp is None:
            lead = _DESCRIBED_LEAD.match(text, cs, hi)
            sp = _described_person(text, lead.end(), hi) if lead is not None else None
        if sp is not None:
            last = sp
            break
    if last is None or _described_person(text, last[0], hi) != last:
        return None
    m = _mentions.describe(text, last[0], last[1])
    if m.form != "description" or m.definite or m.plural or m.kind not in ("person", "anonymous"):
        return None
    if sex is not None and _sex_of(m) not in (None, sex):
        return None
    return _own_description(r, m)


# fiction: characters between a quotation's last part and a name that opens the
# narration right after it (the closing mark, a space)
_AFTER_GAP = 4
_VERB_AFTER = regex.compile(r"[^\S\n]+(\p{Ll}+)(?:[^\S\n]+(up))?")
# verbs that close a speech without being a tag verb: “…” Tom finished.
_CLOSERS = frozenset(("finished", "ended", "wound up", "summed up"))


def _subject_after(r: Resolver, rec: Attribution, gender: str) -> Optional[_Entity]:
    """Fiction: for “…,” he said, “…?” a person of that gender named as the subject
    of the narration that follows the quotation's last part in its paragraph (“…,” he
    replied, “…?” Tom wound up.): the paragraph's speaker."""
    assert r.layout is not None
    end = rec.parts[-1][1]
    i = bisect.bisect_left(r.subjects_at, end)
    if i >= len(r.subjects) or r.subjects_at[i] - end > _AFTER_GAP:
        return None
    s, ent = r.subjects[i]
    if "\n" in r.text[end:s] or s >= r.layout.paragraph(rec.span[0])[1]:
        return None
    if rec.kind != "direct" or ent is r._addressed or ent is r._exclude or ent.guess_gender() != gender:
        return None
    k = bisect.bisect_left(ent.mentions, (s, -1))
    if k >= len(ent.mentions) or ent.mentions[k][0] != s:
        return None
    vm = _VERB_AFTER.match(r.text, ent.mentions[k][1])
    if vm is None or not (vm.group(1) in _CLOSERS or (vm.group(2) and vm.group(1) + " up" in _CLOSERS)
                          or _cues.tag_verb_at(r.text, vm.start(1), vm.end(1)) is not None):
        return None  # “…” Daisy turned away: the one listening, not the speaker
    return ent


# fiction: a sentence of narration opening with "he"/"she" (after a fronted phrase and a
# comma at most: "Laughing again, he brought …")
_PRONOUN_OPENS = regex.compile(r"[^\S\n]*+(?:[\p{Lu}][^,.;:!?\n\"“”]{0,60},[^\S\n]*+)?(?P<p>[Hh]e|[Ss]he)[^\S\n]++\p{Ll}")
_SENTENCE_END = regex.compile(r"(?r)[.!?;][\"'”’]?[^\S\n]")
_BOUND_BACK = 300  # characters of narration looked at before a quotation
_PARTICIPLE_OPENS = regex.compile(r"[^\S\n]*+(?:\p{Lu}\p{Ll}+ing|Having)[^\S\n]")


def _bound_names(r: Resolver, rec: Attribution, gender: str, starts: List[int]) -> Set[int]:
    """Fiction: for "he said", the people of that sex the last sentence of narration
    before the quotation names other than as its subject, when its subject is "he"
    ("Laughing, he took the mirror from Tom's hands. | “…,” he said.": not Tom), and
    any it names in a participle clause it opens with ("Seeing Tom awake, he said:")."""
    if r.layout is None:
        return set()
    qs = rec.span[0]
    ps, _pe = r.layout.paragraph(qs)
    if qs - ps < 2:
        pi = r.layout.paragraph_index(ps)
        if pi == 0:
            return set()
        lo, hi = r.layout.paragraphs[pi - 1]
        if r._direct.overlaps(lo, hi):
            return set()
    else:
        lo, hi = ps, qs
        if r._direct.overlaps(lo, hi):
            return set()
    while hi > lo and r.text[hi - 1].isspace():
        hi -= 1
    lo = max(lo, hi - _BOUND_BACK)
    end = _SENTENCE_END.search(r.text, lo, max(lo, hi - 1))
    ss = end.end() if end is not None else lo
    if end is None and lo > 0 and lo == hi - _BOUND_BACK:
        return set()
    pm = _PRONOUN_OPENS.match(r.text, ss, hi)
    if pm is None or (pm.group("p").lower() == "she") != (gender == "f"):
        return set()
    # "Noticing that Tom was awake, he looked up and said:": a name in a fronted participle
    # clause is not the one whose doing the participle tells (he noticed that Tom …)
    fronted = _PARTICIPLE_OPENS.match(r.text, ss, pm.start("p")) is not None
    a = bisect.bisect_left(starts, ss if fronted else pm.end())
    b = bisect.bisect_left(starts, hi)
    out: Set[int] = set()
    for s, e, ent in r.timeline[a : min(b, a + 8)]:
        if ent.guess_gender() != gender:
            continue
        if s < pm.start("p"):
            out.add(id(ent))
            continue
        wb = _LOWER_BEFORE.search(r.text, max(0, s - 20), s)
        if r.text.startswith(("'s", "’s"), e) or (wb is not None and wb.group(1) not in _CLAUSE_OPENERS):
            out.add(id(ent))  # "from Tom's hands", "looked at Tom" (not ", and Tom took it")
    return out


_LOWER_BEFORE = regex.compile(r"(?<![\p{L}])(\p{Ll}++)[^\S\n]++\Z")
_CLAUSE_OPENERS = frozenset("and but then while when as so till until before after since because if though although "
                            "whilst where or nor yet".split())


def _previous_narration_subject(r: Resolver, ps: int, gender: Optional[str], starts: List[int]) -> Optional[_Entity]:
    """Fiction: for a paragraph opening with “…,” said he, the last person of that
    gender named as a subject in the paragraph before, when that paragraph is all
    narration ("Tom shrugged. | “…,” he said."), else in the narration after its last
    quotation (a short tail of it counts less than a conversation's votes)."""
    assert r.layout is not None
    pi = r.layout.paragraph_index(ps)
    if pi == 0:
        return None
    pps, ppe = r.layout.paragraphs[pi - 1]
    if r._direct.overlaps(pps, ppe):
        # narration after the paragraph's last quotation ("…,” said Ann. Tom rose.)
        i = bisect.bisect_right(r._direct.starts, ppe - 1) - 1
        pps = r._direct.ends[i]
        if pps >= ppe:
            return None
        r._from_tail = ppe - pps < _TAIL_ANCHORS
    return _subject_between(r, pps, ppe, gender, starts, loose_ok=True)


_ACTED_LEN = 250  # characters of a narration paragraph before a question that names who answers it


def _acted_before(r: Resolver, first: int, starts: List[int]) -> Optional[_Entity]:
    """Fiction: for the reply to record ``first`` (a run's first turn), the subject of the
    first sentence of the short narration paragraph (no quotation in it) right before
    that turn, other than its speaker ("Ann showed them the portrait. | “…?” said Tom. |
    “…”: Ann answers; a subject only in a later sentence, "It grew late. Ann came in.",
    is as often someone arriving who does not answer)."""
    assert r.layout is not None
    pi = r.layout.paragraph_index(r.records[first].span[0])
    if pi == 0:
        return None
    pps, ppe = r.layout.paragraphs[pi - 1]
    if ppe - pps > _ACTED_LEN or r._direct.overlaps(pps, ppe):
        return None
    _ss, se = r.layout.sentence(pps)
    return _subject_between(r, pps, min(ppe, max(se, pps + 1)), None, starts)


_STRANGER_BACK = 1500  # fiction: characters of lead-in narration looked at for a stranger brought in
# the verb after a stranger's description: there, in the past ("was before him", "came up")
_STRANGER_HERE = regex.compile(r"\s+(?:\p{Ll}+ly\s+)?(?:was|stood|sat|came|appeared|\p{Ll}+ed)(?![\p{L}])")


def _stranger_before(r: Resolver, first: int) -> Optional[Tuple[int, _Entity]]:
    """Fiction: for the reply to record ``first`` (a run's first turn), the unnamed
    person the narration leading in to that turn brings in as a clause's subject by an
    indefinite description ("A stranger was before him--a boy …. Finally Tom said: |
    “…” | “…”": the stranger answers), the first such one in the last
    ``_STRANGER_BACK`` characters of that narration (its own paragraph's, or the
    paragraph's before when the turn opens its own): where it stands, and the source."""
    assert r.layout is not None
    qs = r.records[first].span[0]
    pi = r.layout.paragraph_index(qs)
    lo = r.layout.paragraphs[pi][0]
    hi = qs
    if qs - lo < 2:
        if pi == 0:
            return None
        lo, hi = r.layout.paragraphs[pi - 1]
    if r._direct.overlaps(lo, hi):
        return None
    text = r.text
    for cs in _dialogue.clause_starts(text, max(lo, hi - _STRANGER_BACK), hi):
        if text[cs : cs + 2].lower() not in ("a ", "an") or text[lo:cs].rstrip()[-1:] not in ("", ".", "!", "?"):
            continue  # a sentence opening with "A"/"An"
        sp = _described_person(text, cs, hi)
        if sp is None or sp[0] != cs or _STRANGER_HERE.match(text, sp[1], min(hi, sp[1] + 40)) is None:
            continue  # "A stranger was before him", "A boy came up" (not "a woman should")
        m = _mentions.describe(text, sp[0], sp[1])
        if m.form != "description" or m.definite or m.plural or m.kind not in ("person", "anonymous"):
            continue
        ent = _own_description(r, m)
        return None if ent is None else (cs, ent)
    return None


# the words a subordinate clause opens with, before its subject: "though Mary wept"
# (not "when", "until", "before", …: "Ann was ready to go, when Tom came in and said": the
# clause after the main one tells what happened next, its subject often the one who speaks)
_SUBORDINATORS = frozenset("while whilst as since though although because whereas".split())
_SUBJECT_LEAD = frozenset("the old young little poor luckless".split())
_COORDINATORS = frozenset("and but yet then or nor so".split())


def _subordinate_subject(text: str, ps: int, s: int) -> bool:
    """Fiction: the name at ``s`` is the subject of a subordinate clause after its main
    clause ("Jane rose, though Mary wept"): the word before it (past "the", "old", …)
    is a subordinating one in lower case, mid-sentence and not after a joining word
    (not "…, and though Mary wept, she …": a fronted clause whose "she" is Mary)."""
    words = text[max(ps, s - 40) : s].split()
    while words and words[-1] in _SUBJECT_LEAD:
        words.pop()
    return (len(words) >= 2 and words[-1] in _SUBORDINATORS and words[-2].lower() not in _COORDINATORS
            and not _ends_clause(words[-2]))


def _same_sentence(r: Resolver, a: int, b: int) -> bool:
    """Fiction: the offsets ``a`` and ``b`` lie in one sentence."""
    if r.layout is None:
        return False
    return r.layout.sentence(a) == r.layout.sentence(b)


def _subject_between(r: Resolver, ps: int, qs: int, gender: Optional[str], starts: List[int],
                     own: bool = False, loose_ok: bool = False) -> Optional[_Entity]:
    """The last person (of ``gender``, if given) named as a clause's subject in
    ``[ps, qs)``, other than the person addressed or excluded (``own``: the narration
    of the quotation's own paragraph, where the owner of a part that acts counts); a
    later subject that describes a named person ("Her mother only laughed.") wins (of
    either sex when no gender is given). The subject of a subordinate clause after its
    main clause ("Ann rose, though Mary wept": ``_subordinate_subject``) loses to that
    main clause's subject in the same sentence, and counts only with none there.
    ``loose_ok``: with no such subject, the last one of a clause after the main one
    acting in the past ("He was reading when Tom came in.")."""
    hi = bisect.bisect_left(starts, qs)
    lo = max(bisect.bisect_left(starts, ps), hi - _SUBJECT_NAMES)  # the last ones: bounded work per record
    best: Optional[_Entity] = None
    best_at = ps
    loose: Optional[Tuple[_Entity, int]] = None
    pending: Optional[Tuple[_Entity, int]] = None
    for k in range(hi - 1, lo - 1, -1):  # the last one wins: look from the end
        s, e, ent = r.timeline[k]
        if e > qs or ent is r._addressed or ent is r._exclude or r._place_like(ent):
            continue
        if gender is not None and ent.guess_gender() != gender:
            continue
        if r.owner_at(e) and not (own and _owns_part(r.text, e, e in r.lost_s)) and not _owns_state(
                r.text, e, e in r.lost_s):
            # "Tom's hat fell" (or "Tom s hat", its apostrophe lost): Tom is not the subject
            # (but in the quotation's own paragraph, "Tom's eyes rested on her. “…,” he
            # said": a part of Tom acts for him; and anywhere, "Ann's misery increased.
            # … she felt …": her mind or feelings are Ann)
            continue
        if (gender is not None and not own and _KEEPS_SILENT.match(r.text, e, e + 60) is not None
                and r.text[s:qs].rstrip()[-1:] not in _LEAD_IN_ENDS):
            # "Tom was silent from dismay; …" | “…,” said he: not the one who keeps silent
            # (but "Tom made no answer, but turned and said," | “…”: he speaks after all)
            continue
        if gender is not None and _watches_another(r.text, e, gender) and k > lo:
            # "Tom climbed up. Will saw his face. | “…,” he said": the one seen, not the one seeing
            continue
        if k > lo and _picked(r, r.timeline[k - 1][1], s, qs) == "latter" and _opens_clause(r, ps, r.timeline[k - 1][0]):
            best, best_at = ent, s  # "When Ann and Jane were alone, the latter said"
            break
        joined = _JOINED_SUBJECT.match(r.text, e, e + 12) is not None
        if not _opens_clause(r, ps, s) or _opens_absolute(r.text, e) or (joined and _picked(r, e, -1, qs) != "former"):
            if (loose_ok and loose is None and gender is not None and not joined and _LATE_SUBORDINATE.search(r.text, max(ps, s - 12), s)
                    and _NAME_ACTS.match(r.text, s, s + 80) is not None):
                loose = (ent, s)  # "… when Tom came in.": the subject of a clause after the main one
            continue  # (not "Ann and Tom followed her": a subject of two)
        if _subordinate_subject(r.text, ps, s):
            if pending is None:
                pending = (ent, s)  # "…, though Mary wept": a main subject of the same sentence before it wins
            continue
        if pending is not None and not _same_sentence(r, s, pending[1]):
            best, best_at = pending
            break
        best, best_at = ent, s
        break
    if best is None and pending is not None:
        best, best_at = pending
    if best is None and loose is not None and loose_ok:
        best, best_at = loose
    lo_d = max(best_at, ps, qs - _DESCRIBED_BACK)
    lo_u = max(ps, qs - _UNNAMED_WINDOW, best_at - _CLAUSE_BACK)
    # the clause starts of the narration before the quotation, found once for the scans
    # below (each reads those of its own stretch, the one of _described_subject inside the
    # one of _unnamed_subject)
    spans = _narration_clauses(r, lo_u if gender is not None else lo_d, qs)
    if gender is not None:
        described = _described_subject(r, lo_d, qs, gender, spans)
        sexes = [gender]
    else:
        # no sex to go by: the later of the two sexes' described subjects
        found = [(m, g) for g in ("f", "m") for m in (_described_subject(r, lo_d, qs, g, spans),) if m is not None]
        found.sort(key=lambda mg: mg[0].start)
        described, sexes = (found[-1][0], [found[-1][1]]) if found else (None, [])
    if described is None and gender is not None:
        # (a subordinate clause's subject before it counts for less: "As Tom came near,
        # a porter came out"; the description is looked for further back than one of a
        # named person, as the narration goes on with "he" after it)
        unnamed = _unnamed_subject(r, lo_u, qs, gender, best_at, spans)
        if unnamed is not None:
            person = _unnamed_person(r, unnamed, gender, starts)
            if person is not None:
                # "A porter came in. | “…,” he said": the one the narration describes
                return person
    if described is not None:
        named = r._resolve_mention(described, starts)
        if (named is not None and named is not r._addressed and named is not r._exclude
                and named.kind == "person"
                and (named.forms and named.guess_gender() in sexes
                     or not named.forms and _NARRATOR_KIN.match(r.text, described.start) is not None
                     and named.guess_gender() in sexes + [None]
                     or gender is not None and not named.forms and described.title is not None
                     and r.text[described.start : described.end].split()[-1][:1].isupper()
                     and named.guess_gender() in (None, gender))):
            # "Her mother came in. | “…,” said she": the latest subject; "The
            # Secretary turned. | “…,” he said": a title the text uses as a name
            # (capitalised), for no one named otherwise, of a sex not yet known
            return named
    return best


# fiction: "Tom's eyes rested", "Tom s face fell" (apostrophe lost), "Tom`s eyes" (a backtick, an
# acute accent or an opening quote for the apostrophe): the word a possessive owns
_OWNED_WORD = regex.compile(r"(?:['’`´‘]s|[^\S\n]s)[^\S\n]+(\p{Ll}+)[^\S\n]+(\p{Ll}+)(?![\p{L}'’])")
# the same after a name read without the "s" of a possessive that lost its apostrophe
# ("Toms face fell" read as "Tom": ``Resolver.lost_s``)
_OWNED_AFTER_S = regex.compile(r"s[^\S\n]+(\p{Ll}+)[^\S\n]+(\p{Ll}+)(?![\p{L}'’])")
_BEING = frozenset("was were is are had".split())  # "Tom's face was hidden": something befalls it


def _owns_part(text: str, end: int, lost: bool = False) -> bool:
    """Fiction: the name ending at ``end`` owns a part of a speaker ("Tom's eyes
    rested on her", "Tom's voice rose"): the clause is about the owner. ``lost``: the
    name is one read without its possessive's "s" ("Toms eyes")."""
    m = (_OWNED_AFTER_S if lost else _OWNED_WORD).match(text, end, end + 30)
    return m is not None and m.group(1) in _lexicons.words("utterance_owners") and m.group(2) not in _BEING


# a fronted subordinate clause opening a clause, up to the comma before its main clause's
# subject: "But before she had been three minutes in her room, | her mother followed her"
_FRONTED_SUBORDINATE = regex.compile(
    r"(?:(?:[Aa]nd|[Bb]ut|[Tt]hen|[Yy]et)[^\S\n]+)?(?:(?:One|Some|Next|That)[^\S\n]+\p{Ll}+,[^\S\n]+)?(?:[Ww]hen|[Ww]hile|[Ww]hilst|[Aa]s|[Bb]efore|[Aa]fter|[Uu]ntil|[Tt]ill"
    r"|[Tt]hough|[Aa]lthough|[Ss]ince|[Oo]nce)(?![\p{L}])[^.!?;:,\n\"“”]{1,120},[^\S\n]+(?=\p{L})")


# a joining word opening a clause before its subject: "…; and her mother was too happy"
_JOINED_LEAD = regex.compile(r"(?:[Aa]nd|[Bb]ut|[Yy]et)[^\S\n]+(?=\p{Ll})")


def _narration_clauses(r: Resolver, lo: int, hi: int) -> Optional[List[Tuple[int, int]]]:
    """Speed only: the clause start spans (``_dialogue.clause_start_spans``) of the
    narration in ``[lo, hi)`` since the last quotation, for scans of stretches ending at
    ``hi`` that start there or later to share; None where the bounds are out of order."""
    i = bisect.bisect_right(r._direct.ends, hi) - 1
    if i >= 0:
        lo = max(lo, r._direct.ends[i])
    if not 0 <= lo <= hi <= len(r.text):
        return None
    return _dialogue.clause_start_spans(r.text, lo, hi)


def _clauses_from(text: str, lo: int, hi: int, spans: Optional[List[Tuple[int, int]]]) -> Iterable[int]:
    """``_dialogue.clause_starts(text, lo, hi)``, read off ``spans`` (``_narration_clauses``
    of a stretch ending at ``hi`` that starts at ``lo`` or before) when given."""
    if spans is None or not 0 <= lo <= hi <= len(text):
        return _dialogue.clause_starts(text, lo, hi)
    return [e for s, e in spans if s >= lo]


def _after_fronted_clauses(text: str, lo: int, hi: int, spans: Optional[List[Tuple[int, int]]] = None) -> Iterator[int]:
    """Fiction: the clause starts of ``[lo, hi)`` (``_dialogue.clause_starts``), each
    followed, when a fronted subordinate clause opens there, by the start of the main
    clause after its comma ("But before she had gone up, | her mother followed her")."""
    for cs in _clauses_from(text, lo, hi, spans):
        yield cs
        m = _FRONTED_SUBORDINATE.match(text, cs, hi)
        if m is not None:
            yield m.end()


def _clauses_back(r: Resolver, lo: int, hi: int,
                  clauses: Callable[[str, int, int, Optional[List[Tuple[int, int]]]], Iterable[int]],
                  spans: Optional[List[Tuple[int, int]]]) -> Iterator[Tuple[int, Optional[str]]]:
    """Fiction: the clause starts ``clauses`` gives for the narration ``[lo, hi)`` since
    the last quotation, from the last one back (the last clause that settles a question
    decides), none inside a quotation; each with the sex ("m"/"f") of the "he" or "she"
    that opens it, else None."""
    i = bisect.bisect_right(r._direct.ends, hi) - 1
    if i >= 0:
        lo = max(lo, r._direct.ends[i])  # only the narration since the last quotation
    for cs in reversed(list(clauses(r.text, lo, hi, spans))):
        if r._quotes.covers(cs):
            continue
        he = _HE_OR_SHE.match(r.text, cs, hi)
        yield cs, (None if he is None else "f" if he.group("p").lower() == "she" else "m")


def _owns_state(text: str, end: int, lost: bool = False) -> bool:
    """Fiction: the name ending at ``end`` owns its mind or a feeling ("Ann's misery
    increased", "Tom s heart sank"; ``data/inner_states.txt``): the clause is about
    the owner. ``lost``: as for ``_owns_part``."""
    m = (_OWNED_AFTER_S if lost else _OWNED_WORD).match(text, end, end + 30)
    return m is not None and m.group(1) in _lexicons.words("inner_states")


def _own_tag_clause(r: Resolver, cs: int, hi: int) -> bool:
    """Fiction: the "he"/"she" opening the clause at ``cs`` is the speaker mention of
    the tag being resolved ("…, and then she said:" | “…”)."""
    idx = r._idx
    if idx is None or not 0 <= idx < len(r.records):
        return False
    tag = r.records[idx].speaker
    he = _HE_OR_SHE.match(r.text, cs, hi)
    return tag is not None and he is not None and he.start("p") == tag[0]


def _described_subject(r: Resolver, lo: int, hi: int, gender: str,
                       spans: Optional[List[Tuple[int, int]]] = None) -> Optional[Mention]:
    """Fiction: the last clause subject in the narration ``[lo, hi)`` that is a
    description of a person of ``gender`` ("her mother", "the old man"), if it is
    the last subject of that gender there (no pronoun of it after)."""
    text = r.text
    kin = _lexicons.mapping("kinship_words")
    titles = _lexicons.words("titles")
    for cs, he in _clauses_back(r, lo, hi, _after_fronted_clauses, spans):
        if he is not None:
            if he == gender and not _own_tag_clause(r, cs, hi):
                return None  # "Her mother came in. She sat down.": "she" goes on as before
            continue  # (not the tag's own clause: "my mother called me, and then she said:")
        sp = _described_head(text, cs, hi)
        lead = _JOINED_LEAD.match(text, cs, hi)
        pm = _POSSESSIVE_HEAD.match(text, lead.end() if lead is not None else cs, hi)  # "…; and her mother was"
        if pm is not None and pm.group("kin") in kin:
            sp = pm.span()  # "Her mother came in"
        tm = _THE_TITLE.match(text, cs, hi)
        if tm is not None and tm.group("head").lower() in titles:
            sp = tm.span()  # "The Colonel looked up": the one the text calls so
        if sp is None:
            continue
        m = _mentions.describe(text, sp[0], sp[1])
        if m.form != "description" or m.kind != "person" or m.plural:
            continue
        if m.head in _GENERIC_PERSON or m.head in _PLAIN_HEADS or _SUBORDINATE_BEFORE.search(text, max(0, cs - 8), cs):
            continue  # "the young fellow", "as her mother had": too loose to name anyone
        g = m.gender or kin.get(m.head or "") or _GENERIC_PERSON.get(m.head or "")
        if g == gender or (g is None and tm is not None and sp == tm.span()):
            return m
    return None


# fiction: a clause opening with a description of someone ("A porter came in", "The
# old woman laughed", "an old woman who sat at the corner", "Our landlord was a stout
# man": one person of the narrator's household or circle): the description up to its
# head word
_DESCRIBED = regex.compile(r"(?:[Tt]he|[Aa]n?|[Oo]ur)(?:[^\S\n]+[\p{Ll}\-]+){1,4}")
# what may open a clause before its subject: a connective ("Then", "Suddenly", "Once"),
# or a fronted clause of time ("When the gate opened,")
_DESCRIBED_LEAD = regex.compile(
    r"(?:(?:Then|And|But|So|Now|Presently|Suddenly|Meanwhile|Once|Soon|Just then|At last|At once|At length"
    r"|At that moment|In a moment|After a (?:moment|pause|while|time)),?"
    r"|(?:As|When|While|Just as|Before|After)[^\S\n][^,.;:!?\"“”\n]{1,120},)[^\S\n]+")
# words for a person that name no one in particular, or a group, or a voice
_NO_ONE = frozenset("people crowd others one someone somebody everyone everybody nobody narrator voice voices "
                    "figure old baby infant friend companion".split())
# words for people that are more than one, or that need not be a person ("the chair")
_NOT_ONE_PERSON = frozenset("men women girls boys ladies gentlemen children chair general chief executive former "
                            "acting interim presumptive rival prime vice speaker leader candidate nominee democrat "
                            "republican mp mep counsel director manager anchor host principal deputy".split())
# after a description, what makes it no one's subject alone: a possessive, a second
# subject joined to it, a name or person it is ("The lady was Mrs. Hale.", "A patient man
# was that inspector"), or "of" ("A woman of
# rare grace went by": someone characterised, often one already named)
_NOT_ALONE = regex.compile(r"['’]|(?=\s)[^\S\n]*+(?:\n[^\S\n]*+)?(?:(?:and|or|&|of)\s|(?:was|is)\s+(?:\p{Lu}|(?:the|that|this|his|her|my|our|their)\s))")
# the sex a word for a person gives, besides the kinship words and "-man"/"-woman"/"-ess"
_SEX_OF = {"girl": "f", "lady": "f", "maid": "f", "housemaid": "f", "chambermaid": "f", "nursemaid": "f", "lass": "f", "wench": "f", "nun": "f", "widow": "f",
           "heroine": "f", "dame": "f", "matron": "f", "landlady": "f", "boy": "m", "lad": "m", "youth": "m", "stripling": "m",
           "monk": "m", "widower": "m", "squire": "m", "knight": "m", "groom": "m", "hero": "m",
           "gentleman": "m", "fellow": "m", "butler": "m", "master": "m"}


_UNNAMED_WINDOW = 1000  # fiction: characters of narration before a tag looked at for a described subject
_UNNAMED_TURNS = 8  # fiction: speakers looked back over for the one a description stands for
_UNNAMED_BACK = 3000  # and characters


@functools.lru_cache(maxsize=1)
def _person_heads() -> FrozenSet[str]:
    """Words for a person, a role or a relative (built once, not per clause)."""
    return _lexicons.words("person_words") | _lexicons.words("titles") | _lexicons.first_field("kinship_words")


def _described_person(text: str, start: int, end: int) -> Optional[Tuple[int, int]]:
    """A clause opening "A/The (old) porter <verb>…": the description before the verb,
    when its last word is a word for one person ("porter", "woman")."""
    m = _DESCRIBED.match(text, start, end)
    got = _person_prefix(text, m) if m is not None else None
    if got is None or got[2] in _NO_ONE or got[2] in _NOT_ONE_PERSON:
        return None
    if _NOT_ALONE.match(text, got[1], min(end, got[1] + 40)) is not None:
        return None  # "the ladies' voices", "the driver and his helper"
    return (got[0], got[1])


def _sex_of(m: Mention) -> Optional[str]:
    """The sex a description's head word gives ("the old woman": f), else None."""
    head = m.head or ""
    return (m.gender or _lexicons.mapping("kinship_words").get(head) or _GENERIC_PERSON.get(head)
            or _SEX_OF.get(head))


def _entity_sex(ent: _Entity) -> Optional[str]:
    """Fiction: ``ent``'s sex (``guess_gender``), else, for a person known only by a
    description ("elderly woman", "old man"), the sex its head word gives."""
    g = ent.guess_gender()
    if g is not None or ent.kind != "person" or ent.first or not ent.names:
        return g
    words = ent.names[0].split()
    if not words or words[0][:1].isupper():
        return None
    head = words[-1].lower()
    return _lexicons.mapping("kinship_words").get(head) or _GENERIC_PERSON.get(head) or _SEX_OF.get(head)


def _unnamed_subject(r: Resolver, lo: int, hi: int, gender: str, after: int,
                     spans: Optional[List[Tuple[int, int]]] = None) -> Optional[Mention]:
    """Fiction: the last clause subject in the narration ``[lo, hi)`` that describes
    someone the text does not name there ("A porter came in", "The old woman
    laughed"), of ``gender`` or of no known sex, when no pronoun of the other sex and no
    later subject of its own sex follow it; only one after ``after`` (where the last
    named subject stands)."""
    text = r.text
    for cs, he in _clauses_back(r, lo, hi, _clauses_from, spans):
        if he is not None:
            if he != gender:
                return None  # "A porter came in. She looked up.": someone else
            continue
        sp = _described_person(text, cs, hi)
        if sp is None:
            # "Suddenly an old woman screamed", "When the gate opened, a porter came out"
            lead = _DESCRIBED_LEAD.match(text, cs, hi)
            sp = _described_person(text, lead.end(), hi) if lead is not None else None
        if sp is None:
            continue
        if sp[0] < after:
            continue
        m = _mentions.describe(text, sp[0], sp[1])
        if m.form != "description" or m.kind not in ("person", "anonymous") or m.plural:
            continue
        if m.head in _NO_ONE or _SUBORDINATE_BEFORE.search(text, max(0, cs - 8), cs):
            continue
        g = _sex_of(m)
        if g == gender or (g is None and gender == "m"):
            # (a word for a person of no marked sex, "the clerk", is a man's: the
            # words for women in such roles are marked, "maid", "landlady")
            return m
        return None
    return None


def _own_description(r: Resolver, m: Mention, sex: Optional[str] = None) -> Optional[_Entity]:
    """Fiction: the source a description of an unnamed person stands for, named by it
    ("a porter", "the porter": "porter"); one source however often the text writes
    it, not a new one each time. None for the person addressed or excluded."""
    ent = r._own(Mention(m.start, m.end, "description", "person", m.gender or sex, False, None, m.title, m.head, True))
    return None if ent is r._addressed or ent is r._exclude else ent


def _introduced(text: str, m: Mention) -> bool:
    """Fiction: the text brought in someone so described just before a definite
    description ("an old woman who sat at the corner … The old woman laughed")."""
    words = text[m.start : m.end].split()
    if len(words) < 2:
        return False
    head = words[-1]
    pattern = _INTRODUCERS.get(head)
    if pattern is None:
        pattern = _INTRODUCERS[head] = regex.compile(
            r"(?<![\p{L}])(?:[Aa]n?|[Ss]ome|[Aa]nother)(?:[^\S\n]+[\p{Ll}\-,]+){0,3}?[^\S\n]+" + regex.escape(head)
            + r"(?![\p{L}])")
    for found in pattern.finditer(text, max(0, m.start - _INTRODUCED_BACK), m.start):
        before = text[max(0, found.start() - 12) : found.start()].split()
        if not before or before[-1].lower() not in _PREDICATING:
            return True  # (not "He was a very active lad": a named person said to be one)
    return False


_OURS = regex.compile(r"[Oo]ur(?![\p{L}])")  # "Our master was a kind man": the narrator's household's one
_PREDICATING = frozenset("was is were are be been being became become seemed seems like as such".split())


_INTRODUCERS: Dict[str, "regex.Pattern[str]"] = {}
_INTRODUCED_BACK = 1500  # characters before a definite description looked at for its introduction


def _unnamed_person(r: Resolver, m: Mention, gender: str, starts: List[int]) -> Optional[_Entity]:
    """Fiction: the person a description subject stands for: the named person it
    names ("the old man" the text ties to a name), else one source of its own for
    all that the text so describes ("porter", "old woman"); an unnamed speaker of the
    turns just before whose description has the same head word ("asked the woman. |
    … The stout woman stared.") is that one."""
    if m.definite and not _introduced(r.text, m) and not _OURS.match(r.text, m.start):
        return None  # "The artist shook his head": most often a named person so called
        # (but "Our landlord was a stout man" brings in someone the narrator's people know)
    pos = m.start
    j = bisect.bisect_left(r.spoken_at, pos) - 1
    for k in range(j, max(-1, j - _UNNAMED_TURNS), -1):
        at, spoke = r.spoken[k]
        if pos - at > _UNNAMED_BACK:
            break
        if (spoke.kind == "person" and not spoke.forms and spoke.names
                and spoke.best_name().split()[-1].lower() == m.head and spoke is not r._addressed):
            return spoke
    if m.definite:
        named = r._resolve_mention(m, starts)
        if named is not None and (named is r._addressed or named is r._exclude or named.kind != "person"
                                  or named.guess_gender() not in (None, gender)):
            return None
        return named
    # (one source however often the text writes "a porter": not a new one each time)
    return _own_description(r, m)


# fiction: someone brought in by an indefinite description anywhere in a clause ("met by
# a lean old woman with a sharp chin", "I faced a cheery elderly woman", "sat a little
# Danish girl": a capitalised word of a people or place before the lower-case head)
_BROUGHT_IN = regex.compile(r"(?<![\p{L}])(?:[Aa]n?)(?P<words>(?:\s{1,3}(?:[\p{Ll}\-]+|\p{Lu}\p{Ll}+(?![\p{L}.'’])))"
                            r"{1,4})")
_WORD = regex.compile(r"[\p{Ll}\-]+|\p{Lu}\p{Ll}+")
_NEAR_BACK = 1500  # fiction: characters before a pronoun tag looked at for someone brought in
_NEAR_SPOKEN = 3000  # and for a speaker of that sex, who would be the one meant


@functools.lru_cache(maxsize=1)
def _near_words() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """Words for a person or a relative, and words no description runs across."""
    return (_lexicons.words("person_words") | _lexicons.first_field("kinship_words"),
            _lexicons.words("function_words") | frozenset(_lexicons.mapping("determiners")) | {"of", "for"})


def _described_near(r: Resolver, idx: int, gender: str, starts: List[int]) -> Optional[_Entity]:
    """Fiction: for a "she said" no one named is the antecedent of, the person of her
    sex the narration brought in last by an indefinite description in the
    ``_NEAR_BACK`` characters before ("He was met by a lean old woman. She stood with
    a candle. | “…,” she said"), when no named person of that sex is mentioned since
    and none has spoken a turn lately; a source named by the description."""
    text = r.text
    qs = r.records[idx].span[0]
    lo = max(0, qs - _NEAR_BACK)
    heads, stops = _near_words()
    best: Optional[Tuple[int, int]] = None
    for bm in _BROUGHT_IN.finditer(text, lo, qs):
        if r._quotes.covers(bm.start()):
            continue
        before = text[max(0, bm.start() - 12) : bm.start()].split()
        if before and before[-1].lower() in _PREDICATING:
            continue  # "He was a fine lad": a named person said to be one
        spans = [(w.start(), w.end()) for w in _WORD.finditer(text, bm.start("words"), bm.end("words"))]
        for n in range(len(spans) - 1, -1, -1):  # the longest first: "an old woman", not "an old"
            w = text[spans[n][0] : spans[n][1]]
            if w[:1].islower() and (w in heads or _mentions._FEMININE_ROLE.search(w) or _mentions._MASCULINE_ROLE.search(w)):
                if w in _NO_ONE or w in _NOT_ONE_PERSON:
                    break
                e = spans[n][1]
                if "\n\n" in text[bm.start() : e] or _NOT_ALONE.match(text, e, e + 40):
                    break  # across paragraphs, "a man's voice", "a woman of rare grace", …
                if any(text[a:b] in stops for a, b in spans[:n]):
                    break  # "with a crisp knock our landlady": not one phrase
                m = _mentions.describe(text, bm.start(), e)
                if m.form == "description" and not m.plural and _sex_of(m) == gender:
                    best = (bm.start(), e)
                break
    if best is None:
        return None
    a = bisect.bisect_left(starts, best[1])  # (not a capitalised word inside it: "a little Swede girl")
    b = bisect.bisect_left(starts, qs)
    if any(ent.guess_gender() == gender for _s, _e, ent in r.timeline[a : min(b, a + _SUBJECT_NAMES)]):
        return None  # someone of her sex named since
    j = bisect.bisect_left(r.spoken_at, qs) - 1
    while j >= 0 and qs - r.spoken_at[j] <= _NEAR_SPOKEN:
        if r.spoken[j][1].guess_gender() == gender:
            return None  # one of her sex who has just spoken
        j -= 1
    m = _mentions.describe(text, best[0], best[1])
    return _own_description(r, m)


_WRAP_SPACE = r"(?:[^\S\n]{1,3}|[^\S\n]*\n[^\S\n]*)"  # spaces, or a line's wrap (no blank line)
# fiction: a clause opening with a definite description of one person ("The old lady
# pulled her spectacles down"): its words, up to three, the last the head
_DEFINITE_SUBJECT = regex.compile(r"(?:[Tt]he|[Oo]ne)(?P<words>(?:" + _WRAP_SPACE + r"[\p{Ll}\-]+){1,3})(?![\p{L}'’])")
_FIRST_NAMED_AFTER = 3000  # fiction: characters after a turn in which the one so described is first named
_DESCRIPTION_AGAIN = 600  # and before that naming, in which the description is used again


def _defined_first(r: Resolver, idx: int, gender: str, starts: List[int]) -> Optional[_Entity]:
    """Fiction: for a "she said" with no one of her sex named or heard before it in the
    text, the person the narration brought in by a definite description opening a clause
    in the ``_NEAR_BACK`` characters before ("The old lady pulled her spectacles down. …
    She looked perplexed, and then said: | “…”"): the person of that sex the text first
    names in the ``_FIRST_NAMED_AFTER`` characters after, when the description is used
    again shortly before that naming ("The old lady whirled round. … His aunt Polly
    stood surprised"), else a source named by the description. Failing that (or with
    someone of her sex named or heard before), ``_described_here``."""
    text = r.text
    qs = r.records[idx].span[0]
    b = bisect.bisect_left(starts, qs)
    if _sex_met_before(r, qs, gender):
        # someone of her sex named or heard before: only a description in this paragraph
        # or the one before, with no one of her sex named or heard lately
        return _described_here(r, idx, gender, starts)
    heads = _near_words()[0]
    best: Optional[Tuple[int, int]] = None
    for cs in _dialogue.clause_starts(text, max(0, qs - _NEAR_BACK), qs):
        if r._quotes.covers(cs):
            continue
        dm = _DEFINITE_SUBJECT.match(text, cs, qs)
        if dm is None:
            continue
        best = _sexed_description(text, dm, heads, gender) or best
    if best is None:
        return _described_here(r, idx, gender, starts)
    phrase = " ".join(text[best[0] : best[1]].lower().split())
    for s, _e, ent in r.timeline[b:]:
        if s - qs > _FIRST_NAMED_AFTER:
            break
        if not ent.forms or ent.kind != "person" or _entity_sex(ent) != gender:
            continue
        if ent.mentions and ent.mentions[0][0] < s:
            break  # (its first naming only)
        near = " ".join(text[max(qs, s - _DESCRIPTION_AGAIN) : s].lower().split())
        if phrase in near and not _beside_in_sentence(text, phrase, max(qs, s - _DESCRIPTION_AGAIN), s):
            return ent if ent is not r._addressed and ent is not r._exclude else None
        break
    m = _mentions.describe(text, best[0], best[1])
    return _own_description(r, m, gender)  # ("One girl stood alone": a woman, whom no "he said" is)


def _sex_met_before(r: Resolver, qs: int, gender: str) -> bool:
    """Fiction: someone of ``gender`` is named before ``qs`` in the text (``timeline``) or
    has spoken a turn before it (``spoken``). Each person is looked at once, where the
    text first names or hears them, not at each mention: a text naming one man a
    thousand times before a thousand "she said" is not read a thousand times over."""
    if r._first_named is None:
        named: Dict[int, Tuple[int, _Entity]] = {}
        for s, _e, ent in r.timeline:
            named.setdefault(id(ent), (s, ent))
        r._first_named = sorted(named.values(), key=lambda t: t[0])
    for s, ent in r._first_named:
        if s >= qs:
            break
        if _entity_sex(ent) == gender:
            return True
    for p, ent in r.spoken[r._heard_upto :]:
        if r._first_spoke.get(id(ent), (p,))[0] == p:
            r._first_heard.append((p, ent))  # (the turn ``ent`` first spoke)
    r._heard_upto = len(r.spoken)
    for p, ent in r._first_heard:
        if p >= qs:
            break
        if _entity_sex(ent) == gender:
            return True
    return False


def _beside_in_sentence(text: str, phrase: str, lo: int, hi: int) -> bool:
    """The last use of the description ``phrase`` (lower case, one space between words) in
    ``text[lo:hi]`` is in the same sentence as the naming at ``hi``, not set beside it
    as its apposition ("The old lady turned as her neighbour, Mrs. Brown, came in":
    two people; "The old lady, Mrs. Brown, turned": one)."""
    last = None
    for last in _phrase_regex(phrase, True).finditer(text, lo, hi):
        pass
    return last is not None and _side_by_side(text[last.end() : hi])


_BESIDE_BACK = 600  # characters before a description looked at for its earlier use beside a name


def _beside_named(text: str, m: Mention, mentions: Sequence[Tuple[int, int]],
                  quoted: Callable[[int], bool]) -> bool:
    """Fiction: the narration in the ``_BESIDE_BACK`` characters before description ``m``
    used the same words in one sentence with one of ``mentions`` (a person's names), not
    as its apposition ("The old woman sat by the fire, and Jenny sat opposite." | “…,”
    said the old woman: two people, the old woman is not Jenny)."""
    phrase = " ".join(text[m.start : m.end].lower().split())
    lo = max(0, m.start - _BESIDE_BACK)
    near = mentions[bisect.bisect_left(mentions, (lo, -1)) : bisect.bisect_left(mentions, (m.start, -1))]
    if not near:
        return False
    for dm in _phrase_regex(phrase, True).finditer(text, lo, m.start):
        if quoted(dm.start()):
            continue
        for s, e in near:
            a, b = (dm.end(), s) if s >= dm.end() else (e, dm.start())
            if a > b:
                continue
            if _side_by_side(text[a:b]):
                return True
    return False


_SENTENCE_BREAK = regex.compile(r"[.!?;:\n]")


def _side_by_side(between: str) -> bool:
    """Two phrases with ``between`` between them stand in one sentence as two people, not
    one in apposition to the other ("The old lady turned as Mrs. Brown came in", not
    "The old lady, Mrs. Brown, turned")."""
    return _SENTENCE_BREAK.search(between) is None and between.strip() not in ("", ",")


@functools.lru_cache(maxsize=256)
def _phrase_regex(phrase: str, ignore_case: bool = False) -> "regex.Pattern[str]":
    """The words of ``phrase`` as whole words, any white space between them."""
    return regex.compile(r"(?<![\p{L}])" + r"\s+".join(regex.escape(w) for w in phrase.split()) + r"(?![\p{L}])",
                         regex.I if ignore_case else 0)


def _sexed_description(text: str, dm: "regex.Match[str]", heads: FrozenSet[str], gender: str) -> Optional[Tuple[int, int]]:
    """The description ``dm`` opens, up to its last person word (the longest so ending:
    "The old lady"), when it describes one person of ``gender``."""
    spans = [(w.start(), w.end()) for w in _WORD.finditer(text, dm.start("words"), dm.end("words"))]
    for n in range(len(spans) - 1, -1, -1):
        if text[spans[n][0] : spans[n][1]] in heads:
            m = _mentions.describe(text, dm.start(), spans[n][1])
            return (dm.start(), spans[n][1]) if m.form == "description" and not m.plural and _sex_of(m) == gender else None
    return None


_HERE_DESCRIBED = regex.compile(r"(?<![\p{L}])(?:[Tt]he|[Oo]ur|[Tt]heir|[Mm]y|[Hh]is|[Hh]er)"
                                r"(?P<words>(?:" + _WRAP_SPACE + r"[\p{Ll}\-]+){1,3})(?![\p{L}'’])")


def _described_here(r: Resolver, idx: int, gender: str, starts: List[int]) -> Optional[_Entity]:
    """Fiction: for a "she said" whose antecedent nothing else found, with no one of her
    sex named in the ``_NEAR_BACK`` characters before nor heard in the ``_NEAR_SPOKEN``
    before, the last description of her sex ("the housemaid", "our landlady") in the
    narration of the tag's paragraph or the one before, ``_NEAR_BACK`` characters at most
    ("… called down to the housemaid as she crossed the hall. | “…,” she answered"); a
    source named by it."""
    if r.layout is None:
        return None
    text = r.text
    qs = r.records[idx].span[0]
    b = bisect.bisect_left(starts, qs)
    a = bisect.bisect_left(starts, qs - _NEAR_BACK)
    if any(_entity_sex(ent) == gender for _s, _e, ent in r.timeline[a:b]):
        return None
    j = bisect.bisect_left(r.spoken_at, qs) - 1
    while j >= 0 and qs - r.spoken_at[j] <= _NEAR_SPOKEN:
        if _entity_sex(r.spoken[j][1]) == gender:
            return None
        j -= 1
    pi = r.layout.paragraph_index(qs)
    lo = r.layout.paragraphs[pi - 1][0] if pi > 0 else r.layout.paragraph(qs)[0]
    lo = max(lo, qs - _NEAR_BACK)  # (bounded work on an endless paragraph)
    heads = _near_words()[0]
    best: Optional[Tuple[int, int]] = None
    for dm in _HERE_DESCRIBED.finditer(text, lo, qs, overlapped=True):
        if r._quotes.covers(dm.start()):
            continue
        best = _sexed_description(text, dm, heads, gender) or best
    if best is None:
        return None
    return _own_description(r, _mentions.describe(text, best[0], best[1]), gender)


# fiction: a clause opening with people of one kind ("Children, on the other hand, saw",
# "The girls laughed", "Two old peasants came up"): the head word is group "head"
_GROUP = regex.compile(r"(?:(?:[Tt]he|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal)[^\S\n]+)?(?:[\p{Ll}\-]+[^\S\n]+){0,2}?"
                       r"(?P<head>\p{L}\p{Ll}+)(?![\p{L}'’])")
_GROUP_BACK = 300  # characters before a "they" tag looked at for such a clause


def _group_before(r: Resolver, pos: int) -> Optional[_Entity]:
    """Fiction: for "they" in a tag, the people of one kind that open the last clause
    of the narration before it, in the ``_GROUP_BACK`` characters before and outside
    quotations ("Children saw nothing strange in it. “Let him play,” they thought"),
    when no clause after it opens with a name or "he"/"she"; one source named by the
    description ("children"). Not words that name no one in particular ("people")."""
    text = r.text
    heads = _lexicons.words("person_words")
    found: Optional[Tuple[int, int]] = None
    for cs in _dialogue.clause_starts(text, max(0, pos - _GROUP_BACK), pos):
        if r._quotes.covers(cs):
            continue
        if _HE_OR_SHE.match(text, cs, pos) is not None:
            found = None
            continue
        gm = _GROUP.match(text, cs, pos)
        head = gm.group("head").lower() if gm is not None else ""
        if gm is not None and head not in _NO_ONE and head.endswith(("s", "men", "children")) and (
                head in heads or (head.endswith("s") and head[:-1] in heads)) and head[:-1] not in _NO_ONE:
            found = (gm.start(), gm.end())
            continue
        sub = _dialogue.clause_subject(text, cs, pos, r.names)
        if sub is not None and _mentions.describe(text, sub[0], sub[1]).form == "name":
            found = None
    if found is None:
        return None
    phrase = " ".join(w for w in text[found[0] : found[1]].split() if w.lower() != "the").lower()
    key = "unknown:" + phrase
    ent = r.by_key.get(key) or r._new(key, "unknown")
    ent.names.append(phrase)
    r._touched.append(ent)
    return ent


def _opens_clause(r: Resolver, ps: int, s: int) -> bool:
    """Fiction: the name at ``s`` is the subject a clause opens with (the clause
    starting at or after ``ps``)."""
    words = r.text[max(ps, s - _CLAUSE_BACK) : s].split()
    if (len(words) > 1 and words[-1] in _NAMING and words[-2][-1:] == ","
            and _NAMED_GOES_ON.match(r.text, s, s + 80) is not None):
        return True  # "A man of hers, named Jim, was sitting there": the clause's subject, named
    if (words and words[-1] in _LEADING_WORDS and _fronted_time(words) and _NAME_AND.match(r.text, s, s + 80) is None
            and _NAME_COMMA.match(r.text, s, s + 80) is None):
        return True  # "All at once Tom looked up": a set phrase of time, whose last word is no subordinator
    joined = False  # "…, and Cassandra stepped forth"
    while words and (words[-1] in _LEADING_WORDS or words[-1] in _LATER_JOINING
                     or (words[-1] in _SENTENCE_ADVERBS and (len(words) == 1 or words[-2][-1:] in _CLAUSE_ENDS))
                     or ((words[-1] == "even" or words[-1].capitalize() in _SENTENCE_ADVERBS)
                         and words[-1].islower() and len(words) > 1 and words[-2].lower() in ("and", "but"))):
        # "; and even Ann", "And even Ann", ", and still Ann was"
        joined = joined or words[-1] in _JOINING or words[-1] in _LATER_JOINING
        words.pop()
    if words and words[-1] in _ASIDES and len(words) > 1 and words[-2][-1:] == ",":
        words.pop()  # "…, however, Louisa spoke again"
    if words or s - _CLAUSE_BACK > ps:
        last = words[-1] if words else ""
        if last[-1:] in _CLAUSE_ENDS or last.endswith("--"):
            return True  # "… evening. -- Elizabeth read her feelings"
        if (_fronted_time(words) and _NAME_AND.match(r.text, s, s + 80) is None
                and _NAME_COMMA.match(r.text, s, s + 80) is None):
            # "… hand. In a second Katharine was back again" (not "At last Ann and her
            # friend …", nor "With her arm round Helen, …")
            return True
        if words[-2:] == ["As", "for"] and (len(words) == 2 or words[-3][-1:] in _CLAUSE_ENDS):
            return _AS_FOR_HE.match(r.text, s, s + 80) is not None  # "As for Tom, he …"
        if last[-1:] != ",":
            # "When Tom was called in Ann was standing there": a fronted subordinate
            # clause with no comma, the name then going on with a finite verb
            return _after_bare_subordinate(words) and _NAME_FINITE.match(r.text, s, s + 80) is not None
        return joined or _fronted(words) or _after_subordinate(words)
    return True


# "…, named Jim, was sitting": a name set off by commas after "named"/"called", going on
# with a finite verb (the subject the name is given to)
_NAMING = frozenset(("named", "called"))
_NAMED_GOES_ON = regex.compile(r"(?:\p{Lu}[\p{L}.'’\-]*[^\S\n]+){0,2}\p{Lu}[\p{L}'’\-]*,\s{1,3}"
                               r"(?:\p{Ll}+ly[^\S\n]+)?"
                               r"(?:was|were|had|could|would|did|sat|stood|lay|came|went|\p{Ll}+ed)(?![\p{L}])")
# a name going on with a finite verb ("Ann was standing", "Tom had gone")
_NAME_FINITE = regex.compile(r"(?:\p{Lu}[\p{L}.'’\-]*[^\S\n]+){0,3}\p{Lu}[\p{L}'’\-]*\s{1,3}"
                             r"(?:was|were|had|is|has|could|would|did|sat|stood|lay)(?![\p{L}])")
# a lower-case subordinating word right before a name, mid-sentence: "… was ordering
# another when Tom came in", "… waited until Ann rose"
_LATE_SUBORDINATE = regex.compile(r"(?<![\p{L}])(?:when|while|whilst|till|until)[^\S\n]+\Z")
# a name going on with a verb in the past ("Tom came in", "Ann poured out")
_NAME_ACTS = regex.compile(r"(?:\p{Lu}[\p{L}.'’\-]*[^\S\n]+){0,3}\p{Lu}[\p{L}'’\-]*[^\S\n]+"
                           r"(?:had|came|went|rose|took|got|ran|saw|made|gave|\p{Ll}+ed)(?![\p{L}])")
# a subject said to keep silent ("Tom was silent", "Ann made no answer"; as _dialogue's
# _SILENT reads a paragraph of it), who does not speak the "he said" after it
_KEEPS_SILENT = regex.compile(
    r"[^\S\n]+(?:\p{Ll}+ly[^\S\n]+)?"
    r"(?:(?:made|gave|returned)[^\S\n]+(?:(?:him|her|them|me|us)[^\S\n]+)?no[^\S\n]+(?:answer|reply|response)"
    r"|(?:was|remained|kept|fell|sat|stood)[^\S\n]+(?:\p{Ll}+ly[^\S\n]+)?silent"
    r"|said[^\S\n]+nothing|answered[^\S\n]+nothing|held[^\S\n]+(?:his|her)[^\S\n]+(?:tongue|peace))(?![\p{L}])")
_LEAD_IN_ENDS = frozenset(",:-\N{EM DASH}")
# a subject that only sees another of its sex: "Will saw his face", "Ann caught sight of her"
_SEES = regex.compile(r"[^\S\n]+(?:(?:only|just|then|now|suddenly|at[^\S\n]+once)[^\S\n]+)?"
                      r"(?:saw|noticed|could[^\S\n]+see|caught[^\S\n]+sight[^\S\n]+of)[^\S\n]+"
                      r"(?P<who>him|his|her)(?![\p{L}])")


def _watches_another(text: str, end: int, gender: str) -> bool:
    """The name ending at ``end`` is the subject of a verb of seeing whose object is
    (the face of) another person of ``gender``: "Will saw his face", "Ann noticed her"."""
    m = _SEES.match(text, end, end + 60)
    return m is not None and (m.group("who") == "her") == (gender == "f")


# a topic name picked up by a pronoun: "As for Tom, he …"
_AS_FOR_HE = regex.compile(r"(?:\p{Lu}[\p{L}.'’\-]*[^\S\n]+){0,3}\p{Lu}[\p{L}'’\-]*,\s{1,3}(?:he|she)(?![\p{L}])")
_BARE_SUBORDINATING = frozenset("When While Whilst As Before After Until Till Since Though Although Once".split())
_NOT_BEFORE_SUBJECT = frozenset("to at with of by for from in on into upon and or but the a an his her their saw heard "
                                "told asked found met called knew thought said".split())


def _after_bare_subordinate(words: List[str]) -> bool:
    """``words`` (before a subject, no comma at their end) are a fronted subordinate
    clause opening the sentence with no comma after it: "When Tom was called in"."""
    k = _phrase_start(words, _SUBORDINATE_WORDS, _ends_clause)
    if k is None or len(words) - k < 3:
        return False
    if words[k] in _CLAUSE_LEADS and k + 1 < len(words):
        k += 1
    return words[k] in _BARE_SUBORDINATING and words[-1].lower() not in _NOT_BEFORE_SUBJECT


def _nearest_of_parity(r: Resolver, chosen: List[Optional[_Entity]], addressed: List[Optional[_Entity]]) -> None:
    """Fiction: an untagged turn takes the speaker of the NEAREST settled turn of the
    same parity in its run (two, four, ... turns before or after), so that one
    wrong guess at a run's start does not run on past a tagged turn; never the
    person tagged in the paragraph just before or after (then the other side's)."""
    n = len(r.records)
    back: List[Tuple[Optional[_Entity], int]] = [(None, 0)] * n
    ahead: List[Tuple[Optional[_Entity], int]] = [(None, 0)] * n
    for idx in range(n):
        if chosen[idx] is not None:
            back[idx] = (chosen[idx], 0)
            continue
        for ref in (r.records[idx].inherit, r.records[idx].alt):
            if ref is not None and 0 <= ref < idx and back[ref][0] is not None:
                back[idx] = (back[ref][0], back[ref][1] + 1)
                break
    for idx in range(n - 1, -1, -1):
        if chosen[idx] is not None:
            ahead[idx] = (chosen[idx], 0)
            continue
        for ref in (r.records[idx].alt, r.records[idx].inherit):
            if ref is not None and idx < ref < n and ahead[ref][0] is not None:
                ahead[idx] = (ahead[ref][0], ahead[ref][1] + 1)
                break
    for idx in range(n):
        if chosen[idx] is not None:
            continue
        options = sorted((d, k, e) for k, (e, d) in enumerate((back[idx], ahead[idx])) if e is not None)
        beside = _tagged_beside(r, idx, chosen) if options else []
        for _d, _k, ent in options:
            if ent is not addressed[idx] and not any(ent is b for b in beside) and r.agrees(idx, ent):
                chosen[idx] = ent
                break


def _paragraph_before(r: Resolver, rec: Attribution) -> Optional[Tuple[int, int]]:
    """Fiction: the paragraph just before turn ``rec`` (where a lead-in stands), when
    ``rec`` opens its own paragraph; else None."""
    assert r.layout is not None
    pi = r.layout.paragraph_index(rec.span[0])
    if pi == 0 or rec.span[0] - r.layout.paragraphs[pi][0] > 2:
        return None
    return r.layout.paragraphs[pi - 1]


def _lead_in_subject(r: Resolver, rec: Attribution, starts: List[int]) -> Optional[_Entity]:
    """Fiction: for a turn after a paragraph of narration that ends with a colon
    ("The old clerk rubbed his eyes, looked at the fire, and went on:"), the person
    named or described as the subject of that paragraph's last sentence."""
    assert r.layout is not None
    before = _paragraph_before(r, rec)
    if before is None:
        return None
    ps, pe = before
    if r._direct.overlaps(ps, pe) or not r.text[max(ps, pe - 8) : pe].rstrip("-\N{EM DASH}").endswith(":"):
        return None  # it ends "…, and went on:" or "…, and went on:--"
    ss, _ = r.layout.sentence(pe - 1)
    cs = max(ps, ss)
    sp = _described_head(r.text, cs, pe) or _dialogue.clause_subject(r.text, cs, pe, r.names)
    if sp is None:
        # "Seeing that she was tired, Tom turned to Nell and said:": after a fronted
        # participle or subordinate clause, the subject of the main clause
        after = _after_fronted_clause(r.text, cs, pe)
        if after is not None:
            sp = _described_head(r.text, after, pe) or _dialogue.clause_subject(r.text, after, pe, r.names)
    semi = pe
    while sp is None or r.text[sp[0] : sp[1]].lower() in _mentions.PRONOUNS:
        # "She had no time to answer; for Tom now came in, …; concluding with these words
        # to Nell:": the last clause after a semicolon that names its subject
        semi = r.text.rfind(";", cs, semi)
        if semi < 0:
            break
        lead = _FOR_AFTER_SEMICOLON.match(r.text, semi + 1, pe)
        at = lead.end() if lead is not None else semi + 1
        found = _described_head(r.text, at, pe) or _dialogue.clause_subject(r.text, at, pe, r.names)
        if found is not None and r.text[found[0] : found[1]].lower() not in _mentions.PRONOUNS:
            sp = found
    if sp is None:
        # "Then someone at the head of the line shouted:": no one named; not a guess
        lead = _DESCRIBED_LEAD.match(r.text, cs, pe)
        some = _SOMEONE.match(r.text, lead.end() if lead is not None else cs, pe)
        if some is not None:
            return _own_description(r, Mention(some.start(1), some.end(1), "description", "person", None, False,
                                               None, None, some.group(1).lower(), False, 3))
        return None
    m = _mentions.describe(r.text, sp[0], sp[1])
    if m.form not in ("name", "description") or m.kind != "person" or m.plural:
        return None
    if _OWN_PART.fullmatch(r.text, sp[0], sp[1]) and m.head in _lexicons.words("utterance_owners"):
        return None  # "Now her voice … floated up:": hers, whoever she is (not a person "her voice")
    ent = r._resolve_mention(m, starts)
    if ent is None or ent is r._exclude or ent is r._addressed or ent.kind != "person":
        return None
    return ent


_SOMEONE = regex.compile(r"[^\S\n]*+((?i:someone|somebody))[^\S\n]+(?=\p{Ll})")
_OWN_PART = regex.compile(r"(?:[Hh]is|[Hh]er)(?:\s{1,3}[\p{Ll}\-]+)?\s{1,3}\p{Ll}+")
_FOR_AFTER_SEMICOLON = regex.compile(r"\s*(?:for|and|but|so|yet|while|when)(?![\p{L}])")
_FRONTED_CLAUSE = regex.compile(r"(?P<lead>\p{Lu}\p{Ll}+)(?P<rest>[^\S\n]+[^,;:.!?\"“”\n]{1,150}?),\s+(?=\p{Lu})")


def _after_fronted_clause(text: str, start: int, end: int) -> Optional[int]:
    """Where the main clause starts in a sentence (``text[start:end]``) opening with a
    fronted participle or subordinate clause set off by a comma ("Seeing that she
    was tired, Tom …", "When the door shut, Ann …"); None when it opens otherwise."""
    m = _FRONTED_CLAUSE.match(text, start, end)
    if m is None:
        return None
    lead = m.group("lead")
    if not (_participle(lead.lower()) or lead in _SUBORDINATING.split()):
        return None
    if len(m.group("rest").split()) > _SUBORDINATE_WORDS:
        return None
    return m.end()


def _lead_in_sex(r: Resolver, rec: Attribution) -> Optional[str]:
    """Fiction: the sex of the pronoun that the paragraph before turn ``rec`` (which
    opens its paragraph) ends with as a tag ("After a pause she added," | “…”), if
    that paragraph holds no quotation at all (not even reported speech): the turn is
    by someone of that sex."""
    assert r.layout is not None
    before = _paragraph_before(r, rec)
    if before is None:
        return None
    ps, pe = before
    text = r.text
    while pe > ps + 1 and text[pe - 1] in " \t\r\n":
        pe -= 1
    if r._quotes.overlaps(ps, pe) or not (text[pe - 1] in ",:-\N{EM DASH}" or text[pe - 1].isalpha()):
        return None
    ss, _ = r.layout.sentence(pe - 1)
    tb = _attribution.tag_before(text, max(ss, ps), pe, lead_in=True)
    if tb is None:
        return None
    who = text[tb[0][0] : tb[0][1]].lower()
    return "m" if who == "he" else "f" if who == "she" else None


def _last_subject_sex(r: Resolver, rec: Attribution) -> Optional[str]:
    """Fiction: the sex of "he" or "she" when it is the last clause subject of the
    narration paragraph (no quotation in it) just before turn ``rec``."""
    assert r.layout is not None
    before = _paragraph_before(r, rec)
    if before is None:
        return None
    ps, pe = before
    if r._quotes.overlaps(ps, pe):
        return None
    text = r.text
    sex: Optional[str] = None
    for cs in _dialogue.clause_starts(text, max(ps, pe - _DESCRIBED_BACK), pe):
        lead = _FOR_AFTER_SEMICOLON.match(text, cs, pe) if ";" in text[max(ps, cs - 3) : cs] else None
        if lead is not None:
            cs = lead.end()  # "…; for Tom now came in": Tom's clause
            cs += len(text[cs:pe]) - len(text[cs:pe].lstrip())
        he = _HE_OR_SHE.match(text, cs, pe)
        if he is not None:
            sex = "f" if he.group("p").lower() == "she" else "m"
        elif _dialogue.clause_subject(text, cs, pe, r.names) is not None:
            sex = None
    return sex


def _tagged_beside(r: Resolver, idx: int, chosen: List[Optional[_Entity]]) -> List[_Entity]:
    """Fiction: the speakers of the tagged turns in the paragraphs just before and
    just after record ``idx``'s (a turn is not its neighbour's answer to itself)."""
    assert r.layout is not None
    para = r.layout.paragraph_index
    here = para(r.records[idx].span[0])
    out: List[_Entity] = []
    for step in (-1, 1):
        j = idx + step
        while 0 <= j < len(r.records) and abs(j - idx) <= _TURN_LOOKBACK:
            rec = r.records[j]
            there = para(rec.span[1] - 1 if step < 0 else rec.span[0])  # a turn before ends where it ends
            if there == here:
                j += step
                continue
            if there != here + step:
                break
            ent = chosen[j]
            if rec.kind == "direct" and rec.speaker is not None and ent is not None:
                out.append(ent)
            j += step
    return out


def _addressee(r: Resolver, rec: Attribution) -> Optional[_Entity]:
    """Fiction: the known person a quotation addresses by name (never its speaker)."""
    if rec.addressee is None:
        return None
    parent = addressed_parent(r, rec.addressee, rec.span[0])
    if parent is not None:
        return parent
    word = r.text[rec.addressee[0] : rec.addressee[1]]
    if word in _dialogue.KIN_VOCATIVES:
        return _titled_kin(r, word)
    m = _mentions.describe(r.text, *rec.addressee)
    if m.form != "name":
        return None
    ent = r._known_person(m) or addressed_surname(r, m)
    if ent is None:
        # "Ralph" with a "Ralph" and a "Ralph Denham" in the text: the one named most
        toks = _name_tokens(m.name or "")
        if toks:
            last = toks[-1].lower()
            if r._by_first is None:
                r._by_first = {}
                for e in r.entities:
                    if e.kind == "person" and e.first:
                        r._by_first.setdefault(e.first, []).append(e)
            cands = r.by_surname.get(last, []) + r._by_first.get(last, [])
            if len(toks) > 1:
                # “Well, Joe Hamilton”: of a family, the one of that given name, or the
                # one the text calls by it alone ("Joe"); never another member
                given = toks[0].lower()
                cands = ([e for e in cands if e.first == given]
                         + [e for e in r.by_surname.get(given, []) if not e.first and e.kind == "person"])
            if m.title:
                cands = [e for e in cands if not _honorific_conflict(m.title, r._distinct_titles(e))]
            if cands:
                ent = max(cands, key=lambda e: r.counts.get(id(e), 0))
    if ent is not None and (ent.kind != "person" or r._place_like(ent)):
        return None  # “London, then.”: a place or a thing is no one to answer
    return namesake_present(r, m, ent, rec.span[0])


def _titled_kin(r: Resolver, word: str) -> Optional[_Entity]:
    """Fiction: the one person the text names with ``word`` as a title ("Aunt Polly" for
    “…, aunt.”), else None (none, or several)."""
    title = word[:1].upper() + word[1:]
    found = [ent for ent in r.entities if ent.kind == "person"
             and any(t == title or n.split()[:1] == [title] for t, n in ent.forms)]
    return found[0] if len(found) == 1 else None


def addressed_parent(r: Resolver, span: Tuple[int, int], pos: int,
                     child: Optional[_Entity] = None) -> Optional[_Entity]:
    """Fiction: the parent a quotation at ``pos`` addresses (“Father, …”, “…, Mamma?”):
    of the few people of that sex most present before it, the one of the family name
    of ``child`` (the speaker who calls them so, when known) with a married person's
    title (Tom Pell's “Mother” is Mrs. Pell, or Madame Pell); else the first who bears the
    courtesy title of a parent (“Mr. Hale”, “Mrs. Hale”) of a family the text names
    both a Mr. and a Mrs. of (a household); else None (the text does not say who)."""
    words = r.text[span[0] : span[1]].split()
    gender = _dialogue.PARENT_VOCATIVES.get(words[-1].lower()) if len(words) == 1 else None
    if gender is None:
        return None
    courtesy = "Mr" if gender == "m" else "Mrs"
    saved, r._addressed = r._addressed, None
    people = _kinship._present_people(r, pos, gender, r._starts)[:_kinship._PARENT_CANDIDATES]
    r._addressed = saved
    family = _family_names(child) if child is not None and child.kind == "person" else frozenset()
    if family:
        kin = [ent for ent in people if ent is not child and _family_names(ent) & family
               and any(t.rstrip(".").lower() in _PARENT_TITLES[gender] for t, _n in ent.forms)]
        if len(kin) == 1:
            return kin[0]  # (not two of the name: a parent and an uncle, say)
    titled = [ent for ent in people
              if any(t.rstrip(".") == courtesy for title in r._distinct_titles(ent) for t in title.split())]
    couples = _kinship._couples(r)
    parents = [ent for ent in titled if ent.surname in couples]
    # a household with a child the text calls “Miss …” or “Master …” first
    found = next((ent for ent in parents if _kinship._parent_rank(r, ent, "father", None)[1]),
                 parents[0] if parents else None)
    if found is None:
        # no Mr. and Mrs. of one name (a widower, a widow): one with the parent's courtesy
        # title whose family has a “Miss …” or “Master …” (“Yes, papa” to Mr. Hale, with Miss Hale)
        found = next((ent for ent in titled if _kinship._parent_rank(r, ent, "father", None)[1]), None)
    return found


def speaker_of(r: Resolver, span: Tuple[int, int], idx: int,
               chosen: Sequence[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: the speaker found so far of the quotation before record ``idx`` that
    holds ``span`` (a name it addresses, the hint of a ``fiction.vocative`` turn)."""
    for j in range(idx - 1, max(-1, idx - _SPEAKER_OF_BACK), -1):
        if any(s <= span[0] < e for s, e in r.records[j].parts):
            return chosen[j]
    return None


def parent_answers(r: Resolver, chosen: List[Optional[_Entity]]) -> None:
    """Fiction: a turn answering a parent addressed in the turn before (“…, mother?” |
    “…”, ``fiction.vocative``) whose speaker was not known when the hint was read: once
    the turn before has its speaker, the parent of that speaker's family name present
    (``addressed_parent``) answers."""
    for idx, rec in enumerate(r.records):
        if rec.rule != "fiction.vocative" or rec.hint is None:
            continue
        words = r.text[rec.hint[0] : rec.hint[1]].split()
        if len(words) != 1 or words[0].lower() not in _dialogue.PARENT_VOCATIVES:
            continue
        child = speaker_of(r, rec.hint, idx, chosen)
        if child is None or child is chosen[idx]:
            continue
        parent = addressed_parent(r, rec.hint, rec.span[0], child)
        if parent is not None and _family_names(parent) & _family_names(child):
            chosen[idx] = parent


_SPEAKER_OF_BACK = 4  # records before a turn looked at for the one holding its hint


# the titles of a married man or woman, a parent's (not "Miss", nor "Master", a child's)
_PARENT_TITLES = {"m": frozenset(("mr", "monsieur", "herr", "signor", "señor")),
                  "f": frozenset(("mrs", "madame", "mme", "frau", "signora", "señora"))}


def _family_names(ent: _Entity) -> FrozenSet[str]:
    """The family names an entity goes by: the last word of a full name ("Ann Pell")
    and the name after a title ("Mrs. Pell", "Madame Pell")."""
    found = set()
    for title, name in ent.forms:
        toks = name.split()
        if len(toks) >= 2 or (title and toks):
            found.add(toks[-1].lower())
    return frozenset(found)


def addressed_surname(r: Resolver, m: Mention) -> Optional[_Entity]:
    """Fiction: the man a bare family name addressed in the turn before stands for
    (“Any good hunting, Otway?” | “…”) when the text has several people of that name
    (a mother, a sister) but one man among them: an untitled family name is a man's."""
    if m.title or m.name is None or len(m.name.split()) != 1:
        return None
    men = [e for e in r.by_surname.get(m.name.lower(), []) if e.kind == "person" and e.guess_gender() == "m"]
    return men[0] if len(men) == 1 else None


def namesake_present(r: Resolver, m: Mention, ent: Optional[_Entity], pos: int) -> Optional[_Entity]:
    """Fiction: of several people a bare family name fits (“…, Mr. Wilcox.” with a father
    and a son of that name), the one the text names last before ``pos`` by a form of their
    own (“Charles”, “said Charles Wilcox”), within ``_NAMESAKE_BACK`` characters, or the
    one who spoke a tagged turn since (“…,” said she: the Elizabeth of “Elizabeth Bennet”
    addressed as “Miss Bennet”, the name the narration gives her elder sister); else
    ``ent`` (the one the name resolves to on its own). A title addressed (“Mr Elliot”)
    that some of them bear leaves out those the text titles only otherwise (“Sir Walter
    Elliot”)."""
    if ent is None or not ent.surname:
        return ent
    toks = _name_tokens(m.name or "")
    if len(toks) != 1 or toks[0].lower() != ent.surname:
        return ent  # a given name or a full name picks its person itself
    # (“Miss Bennet” addressed: also the Elizabeth of “Elizabeth Bennet”)
    cands = [e for e in r.by_surname.get(ent.surname, []) + r.by_family.get(ent.surname, [])
             if e.kind == "person" and not (m.title and _honorific_conflict(m.title, r._distinct_titles(e)))
             and (m.gender is None or e.guess_gender() in (None, m.gender))]
    if m.title:
        # “…, Mr Elliot.” with a “Mr Elliot” in the text: not one the text only titles
        # otherwise (“Sir Walter Elliot”); one it never titles (“Charles”) stays
        titled = [e for e in cands if r._bears_title(e, m.title)]
        if titled:
            cands = [e for e in cands if e in titled or not r._distinct_titles(e)]
    if len(cands) < 2:
        return ent
    honorifics = _lexicons.mapping("honorifics")
    best, best_at = ent, pos - _NAMESAKE_BACK
    for e in cands:
        j = bisect.bisect_left(e.mentions, (pos, -1)) - 1
        # the latest mention of its own (not one spelled like the ambiguous name itself)
        for _step in range(_NAMESAKE_MENTIONS):
            if j < 0 or e.mentions[j][0] <= best_at:
                break
            s, t = e.mentions[j]
            words = r.text[s:t].split()
            if not (words[-1].strip(".,'’").lower() == ent.surname
                    and (len(words) == 1 or len(words) == 2 and words[0] in honorifics)):
                best, best_at = e, s
                break
            j -= 1
    # a turn one of them spoke since (“…,” said she: Elizabeth), the speakers of tags settled
    # so far, the latest first: the one talking is the one addressed (“…, Miss Bennet.”)
    # (an untitled family name is a man's: “…, Gradgrind!” is not his wife, whoever spoke last)
    sex = m.gender or (None if m.title else "m")
    k = bisect.bisect_left(r.spoken_at, pos) - 1
    for _step in range(_NAMESAKE_TURNS):
        if k < 0 or r.spoken_at[k] <= best_at:
            break
        e = r.spoken[k][1]
        if any(e is c for c in cands) and (sex is None or e.guess_gender() in (None, sex)):
            best = e
            break
        k -= 1
    return best


def _called(r: Resolver, idx: int, gender: str) -> Optional[_Entity]:
    """Fiction: the person of ``gender`` the turn just before record ``idx`` (the
    paragraph before) addresses by name (“…, Edna?”), or whom its tag names as the one
    spoken to (“…?” asked Robert of Edna; “…,” said Tom to Mary), if any."""
    if r.genre != "fiction" or idx == 0 or r.layout is None:
        return None
    prev = r.records[idx - 1]
    if prev.kind != "direct":
        return None
    para = r.layout.paragraph_index
    if para(r.records[idx].span[0]) != para(prev.span[0]) + 1:
        return None
    ent = _addressee(r, prev) if prev.addressee is not None else None
    if ent is None:
        ent = _told(r, prev)
    # a turn told in parts (“Well, Tom,” said Ann, “I am sorry.”): the name its earlier
    # parts of that paragraph address
    # (not after a tag that says its speaker goes on: “…,” she repeated; nor a name that
    # is a whole part: “Ow!” he said)
    j = idx - 2
    while ent is None and j >= max(0, idx - 1 - _TURN_PARTS) and r.records[j].kind == "direct" \
            and para(r.records[j].span[0]) == para(prev.span[0]) and not _goes_on_cue(r, r.records[idx]):
        a = r.records[j].addressee
        if a is not None and not any(r.text[p0:p1].strip(" \t\n,.!?;:") == r.text[a[0]:a[1]]
                                     for p0, p1 in r.records[j].parts):
            ent = _addressee(r, r.records[j])
        j -= 1
    if ent is None or ent is r._addressed or ent.guess_gender() not in (None, gender):
        return None
    return ent


def _called_next(r: Resolver, idx: int, gender: str) -> Optional[_Entity]:
    """Fiction: the person of ``gender`` the turn just after record ``idx`` (the
    paragraph after) addresses by name, if any (“…, Loo?” said her brother. | “Dear
    Tom,” she answered: the brother is Tom). Never the one record ``idx`` addresses,
    nor the one who spoke the turn before it."""
    if r.genre != "fiction" or r.layout is None or idx + 1 >= len(r.records):
        return None
    para = r.layout.paragraph_index
    here = para(r.records[idx].span[0])
    j = idx + 1
    while j < len(r.records) and j - idx <= _TURN_PARTS and para(r.records[j].span[0]) == here:
        j += 1
    if j >= len(r.records) or j - idx > _TURN_PARTS:
        return None
    nxt = r.records[j]
    if nxt.kind != "direct" or nxt.addressee is None or para(nxt.span[0]) != here + 1:
        return None
    ent = _addressee(r, nxt)
    if (ent is None or ent is r._addressed or ent is r._exclude or not ent.forms
            or ent.guess_gender() != gender):
        return None
    return ent


# fiction: the one a tag says a turn is spoken to: "asked Robert of Edna", "said Tom to
# Mary", "Robert asked Edna" (verbs whose object is the one spoken to)
_TOLD = regex.compile(r"[^\S\n]+(?:(?P<prep>to|of)[^\S\n]+)?"
                      r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Mme|Mlle)\.?[^\S\n]+|(?:Miss|Madame|Sir|Lady|Lord|Captain|Colonel|Aunt|Uncle)[^\S\n]+)?\p{Lu}[\p{Ll}\-]+(?:[^\S\n]+\p{Lu}[\p{Ll}\-]+){0,2})"
                      r"(?![\p{L}'’])")
_TOLD_VERBS = frozenset("asked told answered assured begged warned reminded informed urged implored entreated "
                        "bade questioned greeted interrupted thanked".split())


def _told(r: Resolver, rec: Attribution) -> Optional[_Entity]:
    """Fiction: the known person the tag of a turn names as the one spoken to."""
    if rec.speaker is None or rec.cue is None:
        return None
    cut = r.of_split(*rec.speaker) if rec.cue[1] <= rec.speaker[0] else None
    if cut is not None and not all(w[:1].isupper() for w in r.text[rec.speaker[0] : cut[0]].split()):
        cut = None  # "the voice of Kemp": one who speaks
    end = cut[0] if cut is not None else max(rec.speaker[1], rec.cue[1])  # "asked Robert of Mrs. Hale"
    m = _TOLD.match(r.text, end, end + 60)
    if m is None:
        return None
    if m.group("prep") is None and r.text[rec.cue[0] : rec.cue[1]].lower() not in _TOLD_VERBS:
        return None
    if m.group("prep") == "of" and r.text[rec.cue[0] : rec.cue[1]].lower() not in ("asked", "inquired", "enquired", "demanded"):
        return None
    name = _mentions.describe(r.text, m.start("name"), m.end("name"))
    if name.form != "name" or name.kind != "person":
        return None
    ent = r._known_person(name)
    return ent if ent is not None and ent.kind == "person" else None  # (one spoken to is no place)


def _goes_on_cue(r: Resolver, rec: Attribution) -> bool:
    """Fiction: the tag of ``rec`` says its speaker goes on ("continued", "went on")."""
    if rec.cue is None:
        return False
    word = " ".join(r.text[rec.cue[0] : rec.cue[1]].lower().split())
    if word == "went" and r.text.startswith(" on", rec.cue[1]):
        word = "went on"
    return word in _GOES_ON


def _continued(r: Resolver, idx: int, gender: str, chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: "he continued", "she went on" after a turn of that gender a paragraph
    or two before, with only narration between: the speaker of that turn."""
    rec = r.records[idx]
    if rec.cue is None or idx == 0 or r.layout is None:
        return None
    word = " ".join(r.text[rec.cue[0] : rec.cue[1]].lower().split())
    if word == "went" and r.text.startswith(" on", rec.cue[1]):
        word = "went on"
    if word not in _GOES_ON:
        return None
    prev = r.records[idx - 1]
    ent = chosen[idx - 1]
    if prev.kind != "direct" or ent is None or ent.kind != "person" or ent.guess_gender() != gender:
        return None
    para = r.layout.paragraph_index
    if not 0 <= para(rec.span[0]) - para(prev.span[0]) <= 2:
        return None
    return ent


def _participant(r: Resolver, idx: int, gender: str, chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: for "he said" in a conversation, the latest speaker of that gender in
    the turns just before, other than the one who spoke the turn before and the one
    addressed."""
    qs = r.records[idx].span[0]
    for j in _turns_near(r, idx, -1, _PARTICIPANT_TURNS):
        rec = r.records[j]
        ent = chosen[j]
        if ent is None or ent is r._exclude or ent is r._addressed or ent.kind != "person":
            continue
        if ent.guess_gender() == gender:
            # not when someone else of that gender is named in the narration since
            lo = bisect.bisect_left(r._starts, rec.span[1])
            hi = bisect.bisect_left(r._starts, qs)
            if hi - lo > _PARTICIPANT_NAMES:
                return None
            for _s, _e, other in r.timeline[lo:hi]:
                if other is not ent and other.guess_gender() == gender:
                    return None
            return ent
    return None


def _turns_near(r: Resolver, idx: int, step: int, count: int) -> Iterator[int]:
    """Fiction: the direct turns next to record ``idx``, before it (``step`` -1) or
    after it (1), at most ``count``, each at most ``_PARTICIPANT_GAP`` paragraphs
    from the one before."""
    assert r.layout is not None
    para = r.layout.paragraph_index
    here = para(r.records[idx].span[0])
    seen = 0
    j = idx + step
    while 0 <= j < len(r.records) and seen < count:
        rec = r.records[j]
        if rec.kind == "direct":
            there = para(rec.span[0])
            if abs(here - there) > _PARTICIPANT_GAP:
                return
            here = there
            seen += 1
            yield j
        j += step


def _present(r: Resolver, idx: int, starts: List[int]) -> Optional[_Entity]:
    """Fiction: the person last named in the narration of record ``idx``'s paragraph
    other than its speaker ("“Who is for lunch?” said Tom. Nell sat down." | “…”:
    Nell answers; "she said to Mr. Hale:" | “…”: Mr. Hale answers)."""
    if r.layout is None:
        return None
    ps, pe = r.layout.paragraph(r.records[idx].span[0])
    inside: List[Tuple[int, int]] = []
    for j in range(max(0, idx - _PRESENT_QUOTES), min(len(r.records), idx + _PRESENT_QUOTES)):
        qs, qe = r.records[j].span
        if qs < pe and qe > ps:
            inside.append((qs, qe))
    lo = bisect.bisect_left(starts, ps)
    hi = bisect.bisect_left(starts, pe)
    for k in range(hi - 1, max(lo, hi - _PRESENT_NAMES) - 1, -1):
        s, _e, ent = r.timeline[k]
        if any(qs <= s < qe for qs, qe in inside):
            continue
        if (ent is r._exclude or ent.kind != "person" or r._place_like(ent) or r._thing_like(ent)):
            continue
        return ent
    return None


def first_person_novel(r: Resolver, chosen: Sequence[Optional[_Entity]]) -> bool:
    """Fiction: a first-person narrator tells the text: "I" outside quotations is the
    speaker of at least one in ``_NARRATOR_SHARE`` of its records so far (not a
    third-person novel with a stray "I" where a quotation mark was lost)."""
    narrator = r.by_key.get("narrator:")
    if narrator is None:
        return False
    told = sum(1 for ent in chosen if ent is narrator)
    return told >= 1 and told * _NARRATOR_SHARE >= len(r.records)


def _narrator_near(r: Resolver, idx: int) -> Optional[_Entity]:
    """Fiction: the first-person narrator, when the narration of record ``idx``'s
    paragraph or of the paragraph before it says "I", "me" or "my" (the last
    ``_NARRATOR_BACK`` characters of each, outside quotations): someone talking to
    the narrator is answered by the narrator."""
    narrator = r.by_key.get("narrator:")
    if narrator is None or r.layout is None:
        return None
    pi = r.layout.paragraph_index(r.records[idx].span[0])
    for p in (pi, pi - 1):
        if p < 0:
            continue
        ps, pe = r.layout.paragraphs[p]
        for m in _FIRST_PERSON.finditer(r.text, max(ps, pe - _NARRATOR_BACK), pe):
            if not r._quotes.covers(m.start()):
                return narrator
    return None


def _led_in(r: Resolver, idx: int) -> bool:
    """Fiction: the paragraph before record ``idx``'s ends its narration with a colon
    or a comma ("…,” she replied, suddenly exclaiming, | “…”): a lead-in to it."""
    assert r.layout is not None
    pi = r.layout.paragraph_index(r.records[idx].span[0])
    if pi == 0:
        return False
    ps, pe = r.layout.paragraphs[pi - 1]
    end = r.text[max(ps, pe - 8) : pe].rstrip(" \t\r\n-\N{EM DASH}")
    return end.endswith((":", ",")) and not r._quotes.covers(pe - 1)


def _opens_run(r: Resolver, idx: int) -> bool:
    """Fiction: record ``idx`` is a direct quotation whose paragraph follows one with
    no direct quotation (the first turn of a run of dialogue)."""
    assert r.layout is not None
    para = r.layout.paragraph_index
    j = _direct_before(r, idx)
    return j < 0 or para(r.records[j].span[1] - 1) < para(r.records[idx].span[0]) - 1


_GOES_ON_TURNS = 4  # direct turns before a man's turn looked at for the one he answered


def _goes_on_addressing(r: Resolver, idx: int, gender: str,
                        chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: “…?” she asked. | “Yes,” said Tom. | “You are right,” he said: a
    "he said" in the paragraph after a turn by a man, when the speakers of the few
    turns before his are women (or him): the two are talking, so he goes on rather
    than someone the narration named (the same for "she" among men). Asked only
    once the turn before is excluded and no other of that sex in the conversation
    was found."""
    if r.layout is None:
        return None
    p1 = _direct_before(r, idx)
    if p1 < 1:
        return None
    prev = chosen[p1]
    if prev is None or prev.kind != "person" or prev.guess_gender() != gender:
        return None
    para = r.layout.paragraph_index
    if para(r.records[idx].span[0]) != para(r.records[p1].span[1] - 1) + 1:
        return None
    answered = False
    j = p1
    for _ in range(_GOES_ON_TURNS):
        j = _direct_before(r, j)
        if j < 0:
            break
        other = chosen[j]
        if other is None or other is prev:
            continue
        if other.kind != "person" or other.guess_gender() == gender:
            return None  # another man among the turns: "he" may be him
        answered = True
    if not answered:
        return None
    return prev


def _previous_turn(r: Resolver, idx: int, chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
    """In fiction, the speaker of the dialogue turn just before record ``idx``; not
    reported speech in the paragraph of its own tag, before that tag ("She explained
    the pictures to him. When she was tired she said to her son:" | “…”: she goes on)."""
    if r.genre != "fiction" or idx == 0 or r.layout is None:
        return None
    rec = r.records[idx]
    prev = r.records[idx - 1]
    here = r.layout.paragraph_index(rec.span[0])
    there = r.layout.paragraph_index(prev.span[1] - 1)
    if here != there + 1:
        return None
    if (prev.kind != "direct" and rec.speaker is not None and prev.span[1] <= rec.speaker[0] < rec.span[0]
            and r.layout.paragraph_index(rec.speaker[0]) == there):
        k = bisect.bisect_left(r._starts, prev.span[1])
        if k >= len(r._starts) or r._starts[k] >= rec.speaker[0]:
            return None  # (not past someone named since: "… Mrs. Pell. This lady looked up and said:")
    return chosen[idx - 1]


def _turn_across(r: Resolver, idx: int, chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: the speaker of the turn just before record ``idx`` when one paragraph of
    narration, with no quotation, stands between them (“…,” said Ann. | Tom frowned. | “…”)."""
    if r.layout is None:
        return None
    j = _direct_before(r, idx)
    if j < 0:
        return None
    here = r.layout.paragraph_index(r.records[idx].span[0])
    there = r.layout.paragraph_index(r.records[j].span[1] - 1)
    ps, pe = r.layout.paragraphs[here - 1]
    if here != there + 2 or r._direct.overlaps(ps, pe):
        return None
    tail = r.text[ps:pe].rstrip()
    if not tail or tail[-1] not in ".!?":
        return None  # "…, and Ann said--" | “…”: a lead-in, the turn is hers
    return chosen[j]


def _direct_before(r: Resolver, idx: int) -> int:
    """The index of the last quotation before record ``idx`` that is not reported
    speech (reported speech in the narration between is no turn), -1 if none within
    ``_TURN_LOOKBACK`` records."""
    j = idx - 1
    while j >= 0 and idx - j <= _TURN_LOOKBACK and r.records[j].kind == "indirect":
        j -= 1
    return j if j >= 0 and r.records[j].kind != "indirect" else -1


# fiction: the joint decoding of a dialogue run (``_decode_runs``): at most so many
# people per run, and the scores of a sequence of speakers
_DECODE_PEOPLE = 4
_DECODE_AROUND = 12  # turns either side whose people a turn's may be (a long run changes company)
_DECODE_TAG = {"name": 6.0, "description": 4.0, "pronoun": 2.0}  # a tag's own speaker
_DECODE_CHAIN = 0.5  # the speaker the turn-by-turn passes gave an untagged turn
_DECODE_PRONOUN = 2.0  # the speaker they gave a "he said" not settled by its own paragraph
_DECODE_CALLED = 1.5  # the person the turn before addressed by name (an untagged turn)
_DECODE_SAME = -1.5  # one person speaking two turns running
_DECODE_ABAB = 1.0  # the speaker of the turn two before
_DECODE_ASKED = 2.0  # more for the speaker two before when the turn between answered that one's call
_DECODE_ROUND = 3.0  # A | “…!” said B | “…?” said C | “…”: A, whom both cried out at
_ROUND_LEN = 30  # characters of such a cry at most
_DECODE_REPLY = 2.0  # “…,” said Tom. “Nonsense, Tom! …”: the one the paragraph's reply was given to
_DECODE_NAMED = -3.0  # a person an open turn names inside its own quotation (“Emma will show you.”)
_DECODE_RUN = 3  # turns a run needs to be decoded
_IMPOSSIBLE = -1e9


def dialogue_runs(r: Resolver) -> List[List[List[int]]]:
    """Fiction: the runs of consecutive dialogue paragraphs, each a list of turns, each
    turn the indexes of its paragraph's direct records."""
    assert r.layout is not None
    para = r.layout.paragraph_index
    by_para: Dict[int, List[int]] = {}
    for idx, rec in enumerate(r.records):
        if rec.kind == "direct" and rec.rule != _letters.RULE:  # (a letter is no turn)
            by_para.setdefault(para(rec.span[0]), []).append(idx)
    runs: List[List[List[int]]] = []
    for p in sorted(by_para):
        if runs and any(r.records[i].rule == "fiction.goes-on" for i in by_para[p]):
            # “…?” | Tom made no answer. | “…”, “…,” Tom said, and took up the tale. | “…”: one turn
            runs[-1][-1] = runs[-1][-1] + by_para[p]
        elif runs and _dialogue.last_paragraph(r.layout, r.records, runs[-1][-1]) == p - 1:
            runs[-1].append(by_para[p])
        else:
            runs.append([by_para[p]])
    return runs


def _decode_runs(r: Resolver, runs: List[List[List[int]]], chosen: List[Optional[_Entity]],
                 addressed: List[Optional[_Entity]], anchored: Set[int]) -> None:
    """Fiction: settle the open turns of each dialogue run together, as the best
    sequence of speakers (Viterbi over pairs of consecutive speakers, so linear in the
    run's length): the open turns are the untagged ones and those tagged "he"/"she"
    that their own paragraph did not settle. A turn's people are those of the turns
    around it (their tags' speakers, the names they address, the speakers the
    earlier passes gave their open turns; the four most weighty within a dozen
    turns either side) and its own; a tag's speaker known only by a description of
    no person's kind ("said the old horse") is one from its tag on. A tag keeps its speaker; an open turn leans to
    the speaker the earlier passes gave it, a "she" turn only goes to a woman; the
    person a turn addresses does not speak it, an untagged turn leans to the person
    the turn before addressed and away from anyone it speaks of by name inside its
    quotation (``_named_inside``); speakers alternate (A-B-A-B) and one person seldom
    speaks two turns running, but a tag may bring in a third. A paragraph whose
    quotations two people's tags share (“…,” said Ann. Tom turned and said: “…”) is
    a turn of the last of them that the first opens: the turns before it alternate
    with the first, those after it with the last; so is one tagged for a person that
    ends with another's reply to them (“…,” said Tom. “Hush, Tom! …?”), but no turn
    alternates across it. An open turn answering a call (its hint) leans to the one
    called last; the open turn after a call answered goes back to the caller
    (``_DECODE_ASKED``); after a person's turn and two short tagged cries of two
    others, an open turn leans to that person (``_DECODE_ROUND``). ``runs``:
    ``dialogue_runs``."""
    for turns in runs:
        if len(turns) >= _DECODE_RUN:
            _decode_run(r, turns, chosen, addressed, anchored)


# fiction: a narration paragraph between two turns at most so long may be a beat of the
# speaker who goes on (``_goes_on``)
_BEAT_LEN = 400
_PERSONAL = frozenset(("he", "she", "they", "i", "we"))


def _goes_on(r: Resolver, runs: List[List[List[int]]], chosen: List[Optional[_Entity]],
             addressed: List[Optional[_Entity]]) -> None:
    """Fiction: “…,” said Pat. | The fire crackled. | “…”: an untagged turn opening a
    dialogue run right after one short narration paragraph that follows a turn, where
    that narration names nobody, does not open with a personal pronoun and does not
    lead in with a colon, is spoken by the speaker of the turn before it (the narration
    is a pause in the same person's speech); not when that person is the one the turn
    addresses or of the other sex than its "she". ``runs``: ``dialogue_runs``."""
    assert r.layout is not None
    layout = r.layout
    for prev, run in zip(runs, runs[1:]):
        last = _dialogue.last_paragraph(layout, r.records, prev[-1])
        if layout.paragraph_index(r.records[run[0][0]].span[0]) != last + 2:
            continue
        ps, pe = layout.paragraphs[last + 1]
        gap = r.text[ps:pe].strip()
        if not gap or pe - ps > _BEAT_LEN or gap.endswith(":") or gap.split(None, 1)[0].lower() in _PERSONAL:
            continue
        if bisect.bisect_left(r._starts, pe) > bisect.bisect_left(r._starts, ps):
            continue  # the narration names someone
        turn = run[0]
        if not all(r.records[i].speaker is None or i in r._unowned for i in turn):
            continue
        before = [chosen[i] for i in prev[-1] if chosen[i] is not None]
        who = before[-1] if before else None
        if who is None or who.kind not in ("person", "narrator"):
            continue
        if all(addressed[i] is not who and r.agrees(i, who) for i in turn):
            for i in turn:
                chosen[i] = who


def _named_inside(r: Resolver, idxs: List[int]) -> Set[int]:
    """Fiction: the known people (by id) the quotations of records ``idxs`` name other
    than as the one they address (“Emma will show you the way.”): one seldom speaks of
    oneself by name. Not a name after a comma that a speech verb follows (“—Thanks, Tom
    said.”: a tag the quotation took in; “Tom said you would come.” counts). Reads only the names inside these quotations."""
    names = r._quoted_names
    out: Set[int] = set()
    for idx in idxs:
        rec = r.records[idx]
        for ps, pe in rec.parts:
            j = bisect.bisect_left(names, (ps, -1))
            while j < len(names) and names[j][0] < pe:
                s, e = names[j]
                j += 1
                if rec.addressee is not None and rec.addressee[0] <= s < rec.addressee[1]:
                    continue
                gap = r.text[e : e + 3]
                after = e + len(gap) - len(gap.lstrip())
                if (after > e and r.text[max(ps, s - 3) : s].rstrip().endswith(",")
                        and _cues.tag_verb_at(r.text, after, min(len(r.text), after + 20)) is not None):
                    continue
                m = _mentions.describe(r.text, s, e)
                if m.form == "name" and m.kind == "person":
                    ent = r._known_person(m)
                    if ent is not None:
                        out.add(id(ent))
    return out


def _decode_run(r: Resolver, turns: List[List[int]], chosen: List[Optional[_Entity]],
                addressed: List[Optional[_Entity]], anchored: Set[int]) -> None:
    """Fiction: decode one dialogue run (``_decode_runs``); updates ``chosen``."""
    tagged: List[Optional[Tuple[_Entity, float]]] = []  # each turn's tag: its speaker and weight
    open_: List[List[int]] = []  # each turn's open records
    heard: List[Optional[_Entity]] = []  # the person each turn addresses
    weighs: List[List[Tuple[_Entity, float]]] = []  # the people each turn brings in, and how much
    entry: List[Optional[_Entity]] = []  # a turn of two tagged speakers: the first (the last is its tag)
    replied: Set[int] = set()  # turns that a reply to their tag ends (``_DECODE_REPLY``)
    for idxs in turns:
        tag: Optional[Tuple[_Entity, float]] = None
        ends: List[Tuple[_Entity, float]] = []  # the first and the last tag of the paragraph
        todo: List[int] = []
        to: Optional[_Entity] = None
        for idx in idxs:
            rec = r.records[idx]
            to = to or addressed[idx]
            ent = chosen[idx]
            if rec.speaker is None or idx in r._unowned:
                todo.append(idx)
                continue
            form = _mentions.describe(r.text, *rec.speaker).form
            if (form == "pronoun" and idx not in anchored and ent is not None and idx in r.pronoun_sex
                    and ent.guess_gender() == r.pronoun_sex[idx]):
                todo.append(idx)  # "he said" as a conversation's parity has it
            elif ent is not None:
                w = _DECODE_TAG.get(form, _DECODE_TAG["pronoun"])
                if tag is None or w > tag[1]:
                    tag = (ent, w)
                ends[1 if ends else 0 :] = [(ent, w)]
        last = idxs[-1]
        reply = chosen[last]
        if (tag is not None and ends and last in todo and r.records[last].rule == "fiction.reply"
                and r.records[last].other_than in idxs and reply is not None
                and reply is not tag[0] and reply.kind == "person"):
            # “…,” observed Tom. “Nonsense, Tom! …?”: the paragraph's last words are another's
            ends = [ends[0], (reply, _DECODE_REPLY)]
            replied.add(len(tagged))
            if to is ends[0][0]:
                to = None  # (the reply addresses the one it answers, not the next speaker)
        first_of_two: Optional[_Entity] = None
        if len(ends) == 2 and ends[0][0] is not ends[1][0] and all(e.kind == "person" for e, _w in ends):
            # “…,” said Ann. … Tom turned and said: “…”: Tom's words end the turn, Ann's open it
            tag, first_of_two = ends[1], ends[0][0]
        if tag is not None:
            todo = []  # a paragraph's tag settles the whole turn
        # (a tag's described speaker of no person's kind speaks too: “…,” said the old horse)
        brought = [(e, tag[1] if tag and e is tag[0] else 1.0)
                   for e in [first_of_two, tag[0] if tag else None, to] + [chosen[i] for i in todo]
                   if e is not None and (e.kind in ("person", "narrator") or (
                       tag is not None and e is tag[0] and e.kind == "unknown" and tag[1] == _DECODE_TAG["description"]))]
        tagged.append(tag)
        entry.append(first_of_two)
        open_.append(todo)
        heard.append(to)
        weighs.append(brought)
    if not any(open_):
        return
    n = len(turns)
    inner = [_named_inside(r, todo) for todo in open_]  # the people each open turn speaks of by name
    # each turn's people: the weightiest of the turns around it, and its own
    people: List[List[_Entity]] = []
    for t in range(n):
        weight: Dict[int, float] = {}
        ents: Dict[int, _Entity] = {}
        for u in range(max(0, t - _DECODE_AROUND), min(n, t + _DECODE_AROUND + 1)):
            for ent, w in weighs[u]:
                if u > t and ent.kind == "unknown":
                    continue  # (one known only by a description speaks from its tag on, not before)
                ents[id(ent)] = ent
                weight[id(ent)] = weight.get(id(ent), 0.0) + w
        here = [ents[k] for k in sorted(weight, key=lambda k: -weight[k])[:_DECODE_PEOPLE]]
        for ent, _w in weighs[t]:
            if len(here) < _DECODE_PEOPLE + 2 and not any(ent is e for e in here):
                here.append(ent)
        people.append(here)

    # A | “…!” cried B. | “…?” said C. | “…”: two others cried out at A's words; A goes on
    round_to: List[Optional[_Entity]] = [None] * n
    for t in range(3, n):
        cry2, cry1, said = tagged[t - 1], tagged[t - 2], tagged[t - 3]
        if (cry2 is not None and cry1 is not None and said is not None and entry[t - 1] is None
                and entry[t - 2] is None and len({id(cry2[0]), id(cry1[0]), id(said[0])}) == 3
                and _cried_out(r, turns[t - 1]) and _cried_out(r, turns[t - 2])):
            round_to[t] = said[0]
    # the one the turn before called last, as an open turn's hint has it (“…, Ann?” | “…”):
    # that one answers (not the one it called first); and the turns that answer a call
    hinted: List[Optional[_Entity]] = [None] * n
    asked = [False] * n
    for t in range(1, n):
        for i in open_[t]:
            if r.records[i].rule == "fiction.vocative":
                asked[t] = True
                hinted[t] = chosen[i] or hinted[t]
        own = tagged[t]
        if own is not None and heard[t - 1] is own[0]:
            asked[t] = True  # “…, Ann?” | “…,” said Ann.

    def emit(t: int, ent: _Entity) -> float:
        tag = tagged[t]
        if tag is not None:
            return tag[1] if tag[0] is ent else -tag[1]
        score = 0.0
        pronoun = False
        for idx in open_[t]:
            if addressed[idx] is ent or not r.agrees(idx, ent):
                return _IMPOSSIBLE
            if r.records[idx].speaker is not None and idx not in r._unowned:
                pronoun = True
                if ent.guess_gender() is None:
                    return _IMPOSSIBLE  # "she said": not a person of no known sex
            if chosen[idx] is ent:
                score = _DECODE_PRONOUN if pronoun else _DECODE_CHAIN
        if id(ent) in inner[t]:
            score += _DECODE_NAMED
        if t > 0 and (hinted[t] or heard[t - 1]) is ent and not pronoun:
            score += _DECODE_CALLED  # (a "he said" answering a name: the earlier passes had their say)
        if t >= 3 and ent is round_to[t]:
            score += _DECODE_ROUND
        return score

    # best[(a, b)]: the best score of the turns so far, the last two spoken by people[t-1][a], people[t][b]
    if any(not p for p in people):
        return
    ems = [[emit(t, ent) for ent in people[t]] for t in range(n)]
    # the bonus for the speaker two turns before: more when the turn between answered that
    # one's call (“Isn't it, mamma?” | “Strange!” | “…”: the one who called goes on; not
    # when the turn is tagged, nor when it answers a call of its own); none after a turn
    # a reply to its tag ends (of two speakers: the one before it is no pair to alternate)
    abab = [0.0 if (t - 1) in replied else
            _DECODE_ABAB + (_DECODE_ASKED if asked[t - 1] and tagged[t] is None and hinted[t] is None else 0.0)
            for t in range(n)]
    best: Dict[Tuple[int, int], float] = {}
    for a, ea in enumerate(people[0]):
        for b, eb in enumerate(people[1]):
            best[(a, b)] = ems[0][a] + ems[1][b] + (_DECODE_SAME if ea is (entry[1] or eb) else 0.0)
    back: List[Dict[Tuple[int, int], Tuple[int, int]]] = []
    for t in range(2, n):
        nxt: Dict[Tuple[int, int], float] = {}
        ptr: Dict[Tuple[int, int], Tuple[int, int]] = {}
        two, one, now = people[t - 2], people[t - 1], people[t]
        into = entry[t]  # (who opens turn t, when two tagged speakers share it)
        for b, eb in enumerate(one):
            for c, ec in enumerate(now):
                top, arg = _IMPOSSIBLE * 10, (0, b)
                opener = into or ec
                for a, ea in enumerate(two):
                    v = best[(a, b)] + (abab[t] if ea is opener else 0.0)
                    if v > top:
                        top, arg = v, (a, b)
                nxt[(b, c)] = top + ems[t][c] + (_DECODE_SAME if eb is opener else 0.0)
                ptr[(b, c)] = arg
        best = nxt
        back.append(ptr)
    state = max(best, key=lambda st: best[st])
    path = [state[1], state[0]]
    for ptr in reversed(back):
        state = ptr[state]
        path.append(state[0])
    path.reverse()
    for t, todo in enumerate(open_):
        if ems[t][path[t]] <= _IMPOSSIBLE:
            continue  # nobody of the run may speak it: left as it was
        for idx in todo:
            chosen[idx] = people[t][path[t]]


def _cried_out(r: Resolver, idxs: List[int]) -> bool:
    """Fiction: the quotations of records ``idxs`` (a turn) are a short cry: at most
    ``_ROUND_LEN`` characters in all, ending with "!" or "?" (“Impossible!”)."""
    if sum(e - s for i in idxs for s, e in r.records[i].parts) > _ROUND_LEN:
        return False
    s, e = r.records[idxs[-1]].parts[-1]
    return r.text[s:e].rstrip(" \t\n\"'”’»").endswith(("!", "?"))


_OPENING_MARKS = frozenset("\"“‘'«„")
_OTHER_TURNS = 4  # turns before the one just spoken looked at for "the other" of a pair
_OTHER_STEPS = 24  # quotations walked back over at most (a turn told in many parts)
_OTHER_BACK = 3000  # characters back the other of the pair must have spoken within


def the_other_of_pair(r: Resolver, idx: int, chosen: List[Optional[_Entity]],
                      across: bool = False, near: bool = False) -> Optional[_Entity]:
    """Fiction: “…,” said Tom. | “…,” said the other: of the two just talking, the one
    who did not speak the turn before (also in a scene of three: “…,” said Ann. |
    “…,” cried Tom. | “…,” said the other: Ann). The turn before must have a known
    speaker; the other is the speaker of the last turn before it that is not that
    person's, when no turn between is unknown. ``across``: narration stands before
    the turn before; the other's turn must then be a paragraph of dialogue (opening
    with its quotation) just before that narration. ``near``: (with ``across``) the
    narration is only that turn's own lead-in (“…” | Ann smiled. Tom said, “…” |
    “…,” said the other: Ann), the other's turn the paragraph right before it."""
    if r.layout is None:
        return None
    j = _direct_before(r, idx)
    if j < 0:
        return None
    prev = chosen[j]
    if prev is None or prev.kind != "person":
        return None
    para = r.layout.paragraph_index
    here = para(r.records[j].span[0])
    start = r.records[idx].span[0]
    turns = steps = 0
    k = j
    while turns < _OTHER_TURNS and steps < _OTHER_STEPS:
        steps += 1
        k = _direct_before(r, k)
        if k < 0 or start - r.records[k].span[1] > _OTHER_BACK:
            return None
        p = para(r.records[k].span[1] - 1)
        if p == here:
            continue  # the same turn, told in parts
        here = p
        turns += 1
        ent = chosen[k]
        if ent is None:
            return None  # an unknown turn between: no pair to go by
        if ent is prev:
            continue
        if ent.kind != "person" or r._place_like(ent) or r._thing_like(ent):
            return None
        if across:
            ps, pe = r.layout.paragraphs[p]
            if (p < para(r.records[j].span[0]) - (1 if near else 2)
                    or r.text[ps : min(pe, ps + 40)].lstrip()[:1] not in _OPENING_MARKS):
                return None  # “…,” said Ann. | … Tom went out. Ann sat down. | “…”: a new scene
        return ent
    return None


# fiction: narration that says whose an unknown voice was: “…,” said a voice. It was
# Tom. | "Ann knew it was the Rabbit", "That was Mrs. Pell"
_IT_WAS = regex.compile(r"\b(?:[Ii]t|[Tt]hat)[^\S\n]+(?:was|is)[^\S\n]+(?:only[^\S\n]+|just[^\S\n]+)?")
# … said a voice close by, and Tom put his head out: the subject of the clause joined
# to the tag ("and there stood Tom" too)
_AND_THEN = regex.compile(r"(?:[^\S\n]+\p{Ll}+){0,2}[^\S\n]*,\s{1,3}and\s{1,3}"
                          r"(?:there\s{1,3}(?:stood|sat|was)\s{1,3}(?:the\s{1,3})?)?")
_CALLED_ALONE = 30  # characters of a turn that is a name alone (“Joan?”)
# "the Rabbit", "Mrs. Pell": a capitalised name, with "the" before a one-word name
_CAPITALISED = regex.compile(r"(?:the[^\S\n]+)?(?P<name>\p{Lu}[\p{L}.'’\-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’\-]*){0,2})")
_VOICE_AFTER = 400  # characters of narration after an unknown voice's turn read for whose it was


def _person_at(r: Resolver, pos: int, slack: int) -> Optional[_Entity]:
    """Fiction: the person a mention starting within ``slack`` characters after ``pos`` names."""
    k = bisect.bisect_left(r._starts, pos)
    if k < len(r._starts) and r._starts[k] <= pos + slack:
        ent = r.timeline[k][2]
        if ent.kind == "person" and not r._place_like(ent) and not r._thing_like(ent):
            return ent
    return None


def voice_owner(r: Resolver, idx: int) -> Optional[_Entity]:
    """Fiction: whose an unknown voice is ("said a voice", "a voice called"), as the
    text then says: the subject of a clause joined to the tag ('…,” said a voice close
    ahead, and Tom looked out'), a person the narration after the turn says it was
    ('It was Mrs. Pell.', 'Ann knew it was the Rabbit'), or the one the next turn
    addresses by name (“Ralph?” said a voice. | “Joan?”: Joan)."""
    if r.layout is None:
        return None
    rec = r.records[idx]
    text = r.text
    para = r.layout.paragraph_index
    pi = para(rec.span[1] - 1)
    if rec.speaker is not None and rec.speaker[1] >= rec.span[1]:
        joined = _AND_THEN.match(text, rec.speaker[1], min(len(text), rec.speaker[1] + 40))
        if joined is not None and not r._quotes.covers(joined.end()):
            ent = _person_at(r, joined.end(), 0)
            if ent is not None:
                return ent
    # the narration after the turn: the rest of its paragraph, and the next paragraph
    # when it holds no quotation
    start = max(rec.span[1], rec.speaker[1] if rec.speaker is not None else 0)
    ends = [r.layout.paragraphs[pi][1]]
    if pi + 1 < len(r.layout.paragraphs):
        ns, ne = r.layout.paragraphs[pi + 1]
        if not r._quotes.overlaps(ns, ne):
            ends.append(ne)
    stop = min(ends[-1], start + _VOICE_AFTER)
    for m in _IT_WAS.finditer(text, start, stop):
        if r._quotes.covers(m.start()):
            continue
        ent = _person_at(r, m.end(), 4 if text.startswith("the", m.end()) else 0)
        if ent is None:
            cap = _CAPITALISED.match(text, m.end(), min(len(text), m.end() + 60))
            if cap is not None:
                named = _mentions.describe(text, *cap.span("name"))
                ent = r._known_person(named) if named.form == "name" else None
        if ent is not None and ent.kind == "person" and not r._place_like(ent):
            return ent
    # the next turn: the one it calls by name answers the voice
    k = idx + 1
    while k < len(r.records) and r.records[k].kind == "direct" and para(r.records[k].span[0]) == pi:
        k += 1
    if k < len(r.records) and r.records[k].kind == "direct" and para(r.records[k].span[0]) == pi + 1:
        nxt = r.records[k]
        ent = _addressee(r, nxt)
        if ent is None and len(nxt.parts) == 1 and nxt.parts[0][1] - nxt.parts[0][0] <= _CALLED_ALONE + 3:
            # “Joan?”: a turn that is a name alone calls that person
            ps, pe = nxt.parts[0]
            called = r.text[ps:pe].rstrip("?!.")
            if 0 < len(called) <= _CALLED_ALONE and called[:1].isupper() and called.replace(".", "").replace(" ", "").isalpha():
                alone = _mentions.describe(r.text, ps, ps + len(called))
                ent = r._known_person(alone) if alone.form == "name" and alone.end == ps + len(called) else None
        if ent is not None and ent.kind == "person" and not r._place_like(ent):
            return ent
    # the turn before: the one it calls by name answers (“Miss Avery!” | “Yes,” said the voice)
    j = _direct_before(r, idx)
    if j >= 0 and para(r.records[j].span[1] - 1) == para(rec.span[0]) - 1:
        ent = _addressee(r, r.records[j])
        if ent is not None and ent.kind == "person" and not r._place_like(ent):
            return ent
    return None


def not_addressed(r: Resolver, chosen: List[Optional[_Entity]]) -> None:
    """Fiction: a quotation's speaker is never a person it addresses by name (“Red it
    was! Harry!”, “Good day, Mrs Hale … three parcels!”), whichever pass chose them:
    the speaker is then the person most present before it other than the one addressed and
    the one who spoke the turn before; an unnamed person the narration has just brought in
    ("the postman came round the house") first, for an untagged turn."""
    text = r.text
    for idx, rec in enumerate(r.records):
        ent = chosen[idx]
        if ent is None or rec.kind != "direct" or rec.rule == _letters.RULE or ent.kind != "person":
            continue
        if rec.rule == "direct.split" and rec.speaker is not None and _mentions.describe(text, *rec.speaker).form == "name":
            continue  # “Hello, Ann!”--and Ann said “…”: a tag between two turns joined, not this one's fault
        spans = _dialogue.addressed_names(text, rec)
        if not spans or not any(_names_addressed(r, rec, sp, ent) for sp in spans):
            continue
        sex = r.pronoun_sex.get(idx)
        prev = _previous_turn(r, idx, chosen)
        r._addressed = ent
        r._exclude = prev if prev is not ent else None
        found = None
        if rec.speaker is None:
            found = _brought_in_before(r, rec, sex) or _described_before(r, rec, r._starts)
        if found is None:
            found = r._salient(rec.span[0], sex, r._starts)
        r._exclude = r._addressed = None
        chosen[idx] = found if found is not ent else None


def _names_addressed(r: Resolver, rec: Attribution, span: Tuple[int, int], ent: _Entity) -> bool:
    """The name at ``span``, addressed by ``rec``, may be ``ent``'s: the person it
    resolves to, or one the text calls by that name (given or family name) with no title
    or sex against it (“Mrs Hale” is also the “Jane Hale” the text names)."""
    if _addressee(r, attrs.evolve(rec, addressee=span)) is ent:
        return True
    m = _mentions.describe(r.text, *span)
    if m.form != "name":
        return False
    toks = _name_tokens(m.name or "")
    if len(toks) != 1:
        return False
    word = toks[0].lower()
    if word != ent.surname and word != ent.first:
        return False
    if m.title and _honorific_conflict(m.title, r._distinct_titles(ent)):
        return False
    sex = m.gender or (None if m.title or word == ent.first else "m")
    return sex is None or ent.guess_gender() in (None, sex)


# the words before a name mentioned only in passing: compared with ("like Goliath", "than
# Tom"), or the object of an "of" phrase ("the scowl of Goliath")
_PASSING = frozenset(("of", "like", "than"))
_PASSING_MENTIONS = 3  # mentions of a person beyond which the text does more than mention them


def in_passing(r: Resolver, ent: _Entity, pos: int) -> bool:
    """Fiction: every mention of ``ent`` before ``pos`` (at most ``_PASSING_MENTIONS``) follows
    a word of comparison or "of": a name compared with or spoken of, never brought in
    ("the scowl of Goliath on the chapel wall")."""
    k = bisect.bisect_left(ent.mentions, (pos, -1))
    if k == 0 or k > _PASSING_MENTIONS:
        return False
    for s, _e in ent.mentions[:k]:
        words = r.text[max(0, s - 12) : s].split()
        if not words or words[-1].lower() not in _PASSING:
            return False
    return True


def continued_described(r: Resolver, chosen: List[Optional[_Entity]]) -> None:
    """Fiction: “Tuppence, old bean!” | “…,” continued the young man: a description tag
    whose verb says the speaker goes on ("continued", "went on", "pursued") after a turn a
    paragraph or two before whose speaker, once the turns are settled, is a named person
    of the description's sex: that person (not a new unnamed "young man"), unless the
    one so described spoke before."""
    if r.layout is None:
        return
    para = r.layout.paragraph_index
    text = r.text
    for idx, rec in enumerate(r.records):
        if rec.kind != "direct" or rec.speaker is None or not _goes_on_cue(r, rec):
            continue
        own = chosen[idx]
        if own is not None and (own.forms or own.kind not in ("person", "anonymous")):
            continue
        m = _mentions.describe(text, *rec.speaker)
        if m.form != "description" or m.kind != "person" or m.plural:
            continue
        g = m.gender or _GENERIC_PERSON.get(m.head or "") or _lexicons.mapping("kinship_words").get(m.head or "")
        if g not in ("m", "f"):
            continue
        j = _direct_before(r, idx)
        if j < 0:
            continue
        ent = chosen[j]
        if ent is None or ent.kind != "person" or not ent.forms or ent.guess_gender() != g:
            continue
        if not 0 <= para(rec.span[0]) - para(r.records[j].span[0]) <= 2:
            continue
        if own is not None and r._first_spoke.get(id(own), (0, idx))[1] < idx:
            continue  # the one so described spoke before: "continued" goes on from there
        if m.head and _brought_in(r, r.records[j].span[1], rec.span[0], m.head):
            continue  # (“…,” said Henry. | A young man came out of the house. | “…,” continued the young man)
        chosen[idx] = ent
        k = idx + 1
        while k < len(r.records) and r.records[k].inherit == idx:
            if chosen[k] is own:
                chosen[k] = ent  # (the same turn's quotations after the tag)
            k += 1


def _brought_in(r: Resolver, lo: int, hi: int, head: str) -> bool:
    """Fiction: the narration in ``text[lo:hi]`` (outside quotations, at most
    ``_BOUND_BACK`` characters) brings someone in by an indefinite description whose
    head word is ``head`` ("a young man in a blue coat came out")."""
    lo = max(lo, hi - _BOUND_BACK)
    low = r.text[lo:hi].lower()
    at = low.find(head)
    while at >= 0:
        m = _INDEFINITE_BEFORE.search(low, max(0, at - 40), at)
        if m is not None and not r._quotes.covers(lo + at):
            return True
        at = low.find(head, at + len(head))
    return False


# an indefinite article and up to three words ending right before a head word
_INDEFINITE_BEFORE = regex.compile(r"(?<![\p{L}])(?:an?|another|one)(?:\s+[\p{Ll}\-]+){0,3}\s+$")


# a definite description of one person ("the master", "our old master", "the tall girl")
_DEFINITE_PERSON = regex.compile(r"(?<![\p{L}])(?:[Tt]he|[Oo]ur|[Mm]y)(?:[^\S\n]+[\p{Ll}\-]+){1,3}(?![\p{L}'’])")
_SAME_SEX_PRONOUN = {"m": regex.compile(r"(?<![\p{L}])(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)(?![\p{L}])"),
                     "f": regex.compile(r"(?<![\p{L}])(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)(?![\p{L}])")}


def _one_described_last(r: Resolver, rec: Attribution, gender: str, starts: List[int]) -> Optional[_Entity]:
    """Fiction: for "he said" opening a paragraph after narration, the one person of that
    sex the last sentence of that narration names, when it names them only by a definite
    description whose word has that sex ("As soon as we saw the master we ran up." |
    “…,” he said: the master, not a boy named in the sentence before), with no name and
    no "he"/"him"/"his" in that sentence."""
    if r.layout is None:
        return None
    before = _paragraph_before(r, rec)
    if before is None or r._direct.overlaps(*before):
        return None
    lo, hi = before
    text = r.text
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    lo = max(lo, hi - _BOUND_BACK)
    end = _SENTENCE_END.search(text, lo, max(lo, hi - 1))
    if end is None and lo > 0 and lo == hi - _BOUND_BACK:
        return None
    ss = end.end() if end is not None else lo
    if _SAME_SEX_PRONOUN[gender].search(text, ss, hi) is not None:
        return None
    if bisect.bisect_left(starts, hi) > bisect.bisect_left(starts, ss):
        return None  # a name there: the usual reading
    found: Optional[_Entity] = None
    for dm in _DEFINITE_PERSON.finditer(text, ss, hi):
        got = _person_prefix(text, dm)
        if got is None:
            continue
        head = got[2]
        sex = _lexicons.mapping("kinship_words").get(head) or _GENERIC_PERSON.get(head) or _SEX_OF.get(head)
        if sex is None or sex != gender:
            continue  # (a word of no sex, "the waiter", "the others", may be anyone's listener)
        m = _mentions.describe(text, got[0], got[1])
        if m.form != "description" or m.kind != "person" or m.plural:
            return None
        ent = r._resolve_mention(m, starts)
        if (ent is None or ent.kind != "person" or _entity_sex(ent) not in (None, gender)
                or (found is not None and ent is not found)):
            return None
        found = ent
    return found
