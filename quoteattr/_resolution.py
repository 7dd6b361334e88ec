"""Stage 5: source resolution, from speaker mentions to document-level sources.

- Names are grouped by surname ("Donald Trump", "Trump", "US President Donald
  Trump"); honorifics of different gender never merge (Mr. and Mrs. Bennet);
  a bare first name joins a full name the text gives ("Elizabeth" and "Elizabeth
  Bennet") when only one full name has it; in fiction a nickname joins the untitled
  name the text links it to in so many words ("Elizabeth, or Lizzy as her sisters
  called her", "Elizabeth (Lizzy)"), never one alike in spelling. Fiction keeps a family's members apart:
  a full name joins the given name the narration uses alone ("George Emerson" is
  "George", not "Mr. Emerson"), a titled family name never joins such a person, a
  given name never joins the other sex's honorific, and a rank with a family name
  ("Admiral Croft") and a Mrs. or Miss of that name are a couple; an honorific or a
  style alone ("said Mademoiselle", "said her Ladyship") is the one so titled.
- Pronouns go to the nearest earlier person of agreeing gender mentioned outside
  quotations; gender comes from honorifics, role words ("spokeswoman"), common given
  names and the pronouns that follow the name in the text.
- Definite descriptions ("the minister", "the ministry", "the news outlet") go to
  the latest entity whose title or name has that head word, else stand alone.
- Indefinite descriptions ("a senior official") are anonymous sources, one each.
- Fiction: a source is named by the text's usual form of the name, lengthened to its
  fullest safe form; dialogue runs are settled as conversations (the named turns of
  each parity vote for the untagged turns and the pronoun tags); a vocative is never
  its own quotation's speaker; a first-person narrator is named by the vocatives of
  the turns next to its own. A pronoun tag answering a turn that addressed someone
  by name goes to that person; pronoun salience passes over names that are never a
  clause's subject (places, things, people only talked about); a bare family name
  is the man of that name; "her father" of someone with no family name is the father
  of the household with children. "He went on" after his own turn is that turn's
  speaker; any other untagged-by-name "he said" first looks to the people just
  talking (the latest earlier speaker of its gender, not the one who spoke last,
  while the narration names no one else of that gender). Names on an all-capital
  heading line are not mentions, nor a title under or after a Roman numeral ("PART I.
  The Wild Land"); a lone capitalised word the text writes in lower case at least as
  often ("Down", "Suddenly") is a word, not a person; a name mostly written after
  "in", "at", "to" or after "Mr. Pell of" is a place and never speaks; "Old"/"Young"
  before a name does not lengthen it. A word the text writes in lower case before a
  given name is not part of it ("Whenever Kate came in": Kate), two given names the
  narration uses alone, written together once ("Kate Anna"), are two people, and a
  description followed by "of" and a name ("the girl of Robert") is not that name;
  in "Pell's Circus" the name is the possessor, Pell. "Mrs. Charles" is not the
  "Charles Pell" met before, and "Mr. Pell" is the "Mr. James Pell" the text names so.
  A description tag ("said the clergyman", "said his friend") is the named person the
  text ties it to earlier on (an apposition, "Mr. Pell, the clergyman,"; a predicate,
  "Mr. Pell was a clergyman"; a possessive role, "his friend Tom"), else, in a
  conversation of two named people of whom exactly one is of its sex, that one.
- Fiction kinship tags ("said her aunt"): the possessor is the one the turn addresses,
  else the previous turn's speaker; the relative is the person present whom the text
  calls that relative (apposition, "Aunt Kitty", "Mrs. Hale looked at her niece", and
  the spouse of a tied aunt or mother), never one the narration gives such a relative
  ("Kitty learned from her aunt"); "the mother" is the Mrs. most present; "the old
  man" the man present the narration calls "old Mr. Pell"; "his friend" the most
  salient person other than the friend's owner; "his voice", "his lips", "her reply"
  (``data/utterance_owners.txt``) are "he"/"she", "the Captain's voice" the Captain,
  and an unowned "said a voice", "the face said" makes no source of its own: the
  conversation gives the turn its speaker (not a definite one where the book calls
  someone "the Voice"). A narrator is named by the vocatives of every part of the
  turns next to its own.
- Fiction pronoun tags: the latest clause subject of the tag's sex before it (a name,
  or a description of a known person: "Her mother", "The old Professor"; a subject
  also after a fronted clause, an aside, "; but" or a sentence adverb; never a name
  with a possessive 's), else the named tag of an earlier turn of its paragraph, else
  the subject of the narration paragraph before; the salience fallback passes over lone
  names of unknown sex that have not spoken (places).
"""

from __future__ import annotations

import bisect
import functools
import math
from typing import Dict, FrozenSet, Iterator, List, Optional, Sequence, Set, Tuple

from . import _lazyregex as regex

from . import _dialogue, _lexicons, _mentions
from ._attribution import Attribution
from ._intervals import Intervals
from ._layout import Layout, on_lines
from ._mentions import Mention
from ._records import Source, Span

_PRONOUN_AFTER = regex.compile(r"(?<![\p{L}])(he|his|him|himself|she|her|hers|herself)(?![\p{L}])", regex.IGNORECASE)
_KIN = r"(?:uncle|aunt|father|mother|husband|wife|sister|brother|cousin)"
# an honorific as the narration writes it before a name ("Mr.", "Lady")
_SHORT_HONORIFIC = r"(?:Mr|Mrs|Miss|Lady|Sir|Dr)\.?"
_NAME = r"(?:" + _SHORT_HONORIFIC + r"[^\S\n]+)?\p{Lu}[\p{Ll}'’\-]+(?:[^\S\n]+\p{Lu}[\p{Ll}'’\-]+)?"
_KIN_APPOSITION = regex.compile(
    r"(?<![\p{L}])(?:his|her|their)[^\S\n]+(?P<kin1>" + _KIN + r"),[^\S\n]+(?P<name1>" + _NAME + r")"
    r"|(?P<name2>" + _NAME + r"),[^\S\n]+(?:his|her|their)[^\S\n]+(?P<kin2>" + _KIN + r")(?![\p{L}])"
)
_KIN_WORDS = tuple(_KIN[len("(?:"):-len(")")].split("|"))


def _kin_appositions(text: str) -> "Iterator[regex.Match[str]]":
    """``_KIN_APPOSITION.finditer(text)``, searching only the lines holding a kin word (a
    match holds one and never crosses a newline)."""
    at: List[int] = []
    for w in _KIN_WORDS:
        i = text.find(w)
        while i >= 0:
            at.append(i)
            i = text.find(w, i + 1)
    return on_lines(_KIN_APPOSITION, text, sorted(at))


_ISSUED_BY = regex.compile(r"(?<![\p{L}])(?:by|from|of)[^\S\n]+(?:the[^\S\n]+)?(?P<name>\p{Lu}[\p{L}.'’&\-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’&\-]*)*)")
_NAME_BEFORE_HEAD = regex.compile(r"(?:(?:the|a|an)[^\S\n]+)?(?P<name>\p{Lu}[\p{L}.'’&\-]*+(?:[^\S\n]+\p{Lu}[\p{L}.'’&\-]*+)*+)[^\S\n]+\p{Ll}")
# "Sen. Maria Lopez" is "the senator"
_ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                "col": "colonel", "capt": "captain", "lt": "lieutenant", "sgt": "sergeant", "prof": "professor",
                "dr": "doctor", "rev": "reverend", "pres": "president", "adm": "admiral", "maj": "major"}
_OF_SPLIT = regex.compile(r"\s+of\s+(?=\p{Lu})")
# fiction conversations: how many paragraphs either side vote on a turn, and how much
# a name addressed in a turn of the other parity weighs (a named tag weighs 3)
_WINDOW = 4
_ADDRESSED_WEIGHT = 3.0
# fiction: "he said" looks back this many turns, each at most this many paragraphs
# after the one before, for a speaker of its gender, and gives up when more than so
# many names lie in the narration since that speaker's turn
_PRESENT_QUOTES = 4  # quotations of a paragraph looked at around a turn
_PRESENT_NAMES = 12  # names of that paragraph looked at, last first
_PARTICIPANT_TURNS = 2
_TURN_LOOKBACK = 20  # fiction: records looked back over for the turn before (reported speech between)
_PARTICIPANT_GAP = 2
_PARTICIPANT_NAMES = 40
_TURN_PARTS = 6  # fiction: records of one paragraph looked at for a turn's vocatives
_PAIR_TURNS = 2  # fiction: turns looked at either side for the two people talking
_TAIL_ANCHORS = 200  # fiction: a narration tail this long after a turn settles "said she" on its own
_SUBJECT_NAMES = 100  # fiction: names of the narration before a turn looked at for its subject
_DESCRIBED_BACK = 400  # fiction: characters of narration looked at for a described subject
_TURN_RULES = frozenset(("fiction.alternation", "fiction.vocative"))  # fiction: untagged turns linked to others
# speech verbs by which a speaker takes up their own words again ("he went on")
_NO_ONE_IN_PARTICULAR = frozenset("nobody somebody everybody anybody someone everyone anyone".split())
_GOES_ON = frozenset(["continued", "resumed", "pursued", "persisted", "repeated", "added", "went on"])
# characters of a heading line either side of a name in it
_HEADING_MAX = 80
# words before a name that describe rather than name: "Old Stephen", "Little Nell"
_EPITHETS = frozenset("old young little poor dear good".split())
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
_POSSESSIVE_HEAD = regex.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)[^\S\n]+(?P<kin>\p{Ll}+)(?![\p{L}])")
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
# fiction: how often the narration must use a given name on its own ("Lucy") for the
# full name to join that person rather than a Mr. or Mrs. of the family name
_BARE_USES = 2
# fiction: honorifics of a married woman ("Mrs. Reed" is not "Georgiana Reed", her daughter)
_MARRIED = frozenset(["Mrs", "Madame", "Mme", "Frau"])
# a Roman numeral opening a heading: "IV." or "XI" before a title, "I." alone before its line's end
_ROMAN_HEADING = regex.compile(r"(?:[IVXLC]+\.|[IVXLC]{2,}(?=[^\S\n]*\n)|[IVXLC]{2,}\.?[^\S\n]+(?=\p{Lu}))")
_ROMAN_FIRST = frozenset("IVXLC")  # where a _ROMAN_HEADING match starts
_COMMON_MIN = 3  # fiction: lower-case uses that make a lone capitalised word a common word
_ROMAN_LINE = regex.compile(r"[^\S\n]*(?:(?:CHAPTER|Chapter|BOOK|Book|PART|Part)[^\S\n]+)?[IVXLC]+\.?[^\S\n]*")
_LINE_END = regex.compile(r"[.:]?[^\S\n]*(?:\n|\Z)")
_AGE_EPITHET = regex.compile(r"(?<![\p{L}])([Oo]ld|[Yy]oung)[^\S\n]+\Z")
_GENERIC_PERSON = {"girl": "f", "woman": "f", "lady": "f", "man": "m", "boy": "m", "gentleman": "m",
                   "fellow": "m"}
_INTRODUCED: Dict[str, "regex.Pattern[str]"] = {}
# fiction: a nickname the text gives a named person in so many words ("Elizabeth, or
# Lizzy as her sisters called her", "Elizabeth — Lizzy to her family —", "Elizabeth
# (Lizzy)", "Elizabeth, whom everybody called Lizzy", "Lizzy, as Elizabeth was called");
# never a link from the spelling alone
_NICK_WORD = r"\p{Lu}\p{Ll}[\p{Ll}'’\-]*+"
_NICK_FULL = (r"(?:" + _SHORT_HONORIFIC + r"[^\S\n]+)?" + _NICK_WORD
              + r"(?:[^\S\n]+" + _NICK_WORD + r")?+")
_S = r"[^\S\n]+"
_NICKNAMED = regex.compile(
    r"(?<![\p{L}])(?P<full>" + _NICK_FULL + r")(?:"
    r"," + _S + r"or" + _S + r"(?P<n1>" + _NICK_WORD + r"),?" + _S + r"as" + _S
    + r"(?:[\p{Ll}'’]+" + _S + r"){0,3}?(?:called|call|calls|named|knew|know|knows)(?![\p{L}])"
    r"|[^\S\n]*(?:\N{EM DASH}|\N{EN DASH}|--)[^\S\n]*(?P<n2>" + _NICK_WORD + r")" + _S + r"to" + _S
    + r"(?:her|his|their|the|everybody|everyone|all)(?![\p{L}])"
    r"|[^\S\n]*\((?:or" + _S + r"|called" + _S + r")?(?P<n3>" + _NICK_WORD + r")\)"
    r"|,?" + _S + r"(?:whom|who)" + _S + r"(?:[\p{L}'’]+" + _S + r"){1,3}?(?:called|call|calls|named)" + _S
    + r"(?P<n4>" + _NICK_WORD + r")(?![\p{L}])"
    r")"
    r"|(?<![\p{L}])(?P<n5>" + _NICK_WORD + r")," + _S + r"as" + _S + r"(?P<full5>" + _NICK_FULL + r")" + _S
    + r"(?:was|is)" + _S + r"(?:called|known)(?![\p{L}])"
)
# words that open such a phrase without naming anyone: "She, whom everybody called Lizzy"
_NOT_FULL_NAMES = frozenset("He She They It We You I The This That There Her His Their And But Then".split())


# strings one of which every _NICKNAMED match holds: a verb of naming, a dash, a bracket
_NICK_ANCHORS = ("call", "named", "knew", "know", "\N{EM DASH}", "\N{EN DASH}", "--", "(")


def _nicknamed(text: str) -> "Iterator[regex.Match[str]]":
    """``_NICKNAMED.finditer(text)``, searching only the lines holding one of
    ``_NICK_ANCHORS`` (a match holds one and never crosses a newline)."""
    at: List[int] = []
    for w in _NICK_ANCHORS:
        i = text.find(w)
        while i >= 0:
            at.append(i)
            i = text.find(w, i + 1)
    return on_lines(_NICKNAMED, text, sorted(at))


def _nicknames(text: str) -> Dict[str, str]:
    """Fiction: nickname -> the fuller name the text gives it (one linear scan); a
    nickname the text gives two different people links to neither."""
    out: Dict[str, str] = {}
    clash: Set[str] = set()
    for m in _nicknamed(text):
        full = m.group("full") or m.group("full5")
        nick = next(m.group(g) for g in ("n1", "n2", "n3", "n4", "n5") if m.group(g))
        full = " ".join(full.split())
        if full.split()[0] in _NOT_FULL_NAMES or nick in _NOT_FULL_NAMES or nick in full.split():
            continue
        if full.split()[0] in _lexicons.mapping("honorifics"):
            continue  # "Miss Schlegel (Margaret)": a given name glossing a family's title, which sisters share
        if out.get(nick, full) != full:
            clash.add(nick)
        out[nick] = full
    for nick in clash:
        del out[nick]
    return out


_FEMALE = frozenset({"she", "her", "hers", "herself"})


class _Entity:
    __slots__ = ("key", "kind", "names", "titles", "gender", "mentions", "votes", "surname", "first",
                 "forms", "named", "honored", "family", "_words", "_words_version")

    def __init__(self, key: str, kind: str) -> None:
        self.key = key
        self.kind = kind
        self.names: List[str] = []
        self.titles: List[str] = []
        self.gender: Optional[str] = None
        self.mentions: List[Tuple[int, int]] = []
        self.votes = [0, 0]  # pronouns after its mentions: male, female
        self.surname = ""
        self.first = ""
        # how often each (honorific, name) form names it: a novel's usual form of a name
        self.forms: Dict[Tuple[str, str], int] = {}
        self.named = [0, 0]  # fiction: mentions whose honorific or given name is male, female
        # fiction: the kinds of honorific its mentions bear: "m", "f", "-" (a rank: "Admiral Croft")
        self.honored: Set[str] = set()
        self.family = ""  # fiction: the family name of the first full name that joined a given name
        self._words: FrozenSet[str] = frozenset()
        self._words_version = (0, 0)  # how many of its names and titles are in _words

    def words(self) -> FrozenSet[str]:
        """The lower-case words of its names and titles (names and titles only grow: the
        words of the new ones are added)."""
        seen_names, seen_titles = self._words_version
        if seen_names != len(self.names) or seen_titles != len(self.titles):
            words = {w.strip(".,'’").lower() for n in self.titles[seen_titles:] + self.names[seen_names:]
                     for w in n.split()}
            if not words <= self._words:
                self._words = self._words | words | {_ABBREVIATED[w] for w in words if w in _ABBREVIATED}
            self._words_version = (len(self.names), len(self.titles))
        return self._words

    def best_name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n))) if self.names else self.key

    def best_title(self) -> Optional[str]:
        return max(self.titles, key=len) if self.titles else None

    def usual_form(self, foreign: Dict[str, int], given: Dict[str, str]) -> Optional[Tuple[str, str]]:
        """Fiction: the name a reader would give: the form the text uses most often
        ("Mrs. Bennet", "Carol"), lengthened to the fullest form that contains it
        ("Carol Milford"), unless that adds a connector ("Bull of Syme" from "asked
        Bull of Syme") or a word that names another person ("Cassandra Katharine")."""
        if not self.forms:
            return None
        usual = max(self.forms, key=lambda f: (self.forms[f], len(f[1].split()), bool(f[0])))
        words = {w.lower() for w in usual[1].split()}
        best = usual
        for title, name in self.forms:
            toks = name.split()
            if len(toks) <= len(best[1].split()) or not words <= {w.lower() for w in toks}:
                continue
            extra = [w for w in toks if w.lower() not in words]
            if any(not w[:1].isupper() or foreign.get(w.lower(), id(self)) != id(self) for w in extra):
                continue
            if not extra or extra[0].lower() in _EPITHETS:  # no word added ("Tom Tom"): nothing to gain
                continue  # "Old Stephen" is Stephen
            if toks[0].lower() not in words and toks[0] not in given and self.forms[(title, name)] < 2:
                continue  # a word before the name, seen once: "Mostyn Henry" from a line break
            best = (title or usual[0], name)
        return best[0], " ".join(best[1].split())

    def guess_gender(self) -> Optional[str]:
        m, f = self.named
        if m != f:
            # fiction: most of its mentions, not the first one ("Mary of Ralph" is not Ralph)
            return "m" if m > f else "f"
        if self.gender:
            return self.gender
        ranked = self._ranked_gender()
        if ranked is not None:
            return ranked
        m, f = self.votes
        if m > f and m >= 1:
            return "m"
        if f > m and f >= 1:
            return "f"
        return None

    def _ranked_gender(self) -> Optional[str]:
        """Fiction: the gender of a rank read as part of a name ("Count Ostrov", "King
        Alaric", "Princess Ida": the mention has no title, the name's first word gives
        it), if its names agree on one."""
        if self.titles or self.kind != "person":
            return None
        hons = _lexicons.mapping("honorifics")
        found = {hons.get(n.split(None, 1)[0]) for n in self.names if n.strip()} & {"m", "f"}
        return next(iter(found)) if len(found) == 1 else None


def _name_tokens(name: str) -> List[str]:
    """The words of a name, possessive endings dropped (a copy: the caller may change it)."""
    return list(_name_tokens_of(name))


@functools.lru_cache(maxsize=4096)
def _name_tokens_of(name: str) -> Tuple[str, ...]:
    # names recur (a novel's "Elizabeth" thousands of times): split once per distinct name
    return tuple(w for w in name.replace("’s", "").replace("'s", "").split() if w[:1].isalnum())


class Resolver:
    """Resolves the speakers of one text's records to sources."""

    def __init__(self, text: str, records: Sequence[Attribution], quote_spans: Sequence[Tuple[int, int]],
                 genre: str, layout: Optional[Layout] = None) -> None:
        self.text = text
        self.layout = layout
        self.wrapped = bool(layout and layout.wrapped)
        self.records = records
        self.genre = genre
        self.entities: List[_Entity] = []
        self.by_surname: Dict[str, List[_Entity]] = {}
        self.by_key: Dict[str, _Entity] = {}
        self._quotes = Intervals(quote_spans)
        # fiction: only the quotations of direct speech end a paragraph's narration (a
        # reported clause, "assured her that he was rising in his esteem", is narration)
        self._direct = Intervals([p for r in records if r.kind == "direct" for p in r.parts])
        # person mentions outside quotations, in text order: (start, end, entity)
        self.timeline: List[Tuple[int, int, _Entity]] = []
        # speakers of earlier records, in text order: (position, entity)
        self.spoken: List[Tuple[int, _Entity]] = []
        self._subject_count: Dict[int, int] = {}  # fiction: names that open a clause, per entity
        self.spoken_at: List[int] = []
        self.counts: Dict[int, int] = {}
        # fiction: mentions right after a preposition of place ("in London", "at Hartwell")
        self.placed: Dict[int, int] = {}
        self._from_tail = False  # the last narration subject came from after a quotation
        self._exclude: Optional[_Entity] = None
        self._addressed: Optional[_Entity] = None  # fiction: the person the quotation speaks to
        self._voice_name: Dict[str, bool] = {}  # fiction: see ``_voice_named``
        self._unowned: Set[int] = set()  # fiction: records tagged by a voice of nobody named ("said a voice")
        self._by_first: Optional[Dict[str, List[_Entity]]] = None
        self._couples_cache: Optional[Tuple[int, FrozenSet[str]]] = None
        self._kin_named: Optional[Dict[str, _Entity]] = None
        self._idx: Optional[int] = None  # the record being resolved (fiction kinship tags)
        self._ties: Optional[Tuple[Dict[str, Set[int]], Dict[str, FrozenSet[int]]]] = None
        # fiction: descriptions the text ties to a name ("Mr. Hale, the curate"): key -> [(pos, entity)]
        self._roles: Optional[Dict[str, Tuple[List[int], List[_Entity]]]] = None
        self._aged: Dict[str, Set[int]] = {}  # fiction: "old"/"young" -> people so called ("old Mr. Hale")
        self._last_issuer: Optional[_Entity] = None
        self._by_word: Dict[str, List[_Entity]] = {}
        self._by_kind: Dict[str, List[_Entity]] = {}
        self._index_version: Dict[int, Tuple[int, int]] = {}
        self._title_sets: Dict[int, Tuple[int, List[str]]] = {}  # see _distinct_titles
        self._with_first: Dict[str, List[_Entity]] = {}  # entities by their ``first`` (set once, never changed)
        self._touched: List[_Entity] = []  # entities whose names or titles grew
        self.names = _mentions.name_index(text)
        self._starts: List[int] = []
        self._bare: Dict[str, int] = {}  # fiction: one-word untitled names -> how often the narration uses them
        # fiction: nickname -> the mention of the fuller name the text links it to
        self._aliases: Dict[str, Mention] = (
            {k: _mentions.describe_phrase(v) for k, v in _nicknames(text).items()} if genre == "fiction" else {})

    def _alias(self, m: Mention) -> Mention:
        """Fiction: a nickname the text links to a fuller name ("Lizzy") read as that name."""
        if not self._aliases or m.form != "name" or m.title or m.name is None or m.plural:
            return m
        toks = _name_tokens(m.name)
        if len(toks) != 1 or toks[0] not in self._aliases:
            return m
        full = self._aliases[toks[0]]
        if full.form != "name" or full.name is None or full.kind not in ("person", "unknown"):
            return m
        return Mention(m.start, m.end, "name", "person", full.gender, False, full.name, full.title, full.head,
                       full.definite)

    # -- entities from names ------------------------------------------------

    def _entity_for_name(self, m: Mention, pos: int) -> _Entity:
        m = self._alias(m)
        assert m.name is not None
        toks = _name_tokens(m.name)
        if m.kind != "person" or not toks:
            key = m.kind + ":" + " ".join(t.lower() for t in toks if t.lower() != "the")
            ent = self.by_key.get(key)
            if ent is None:
                ent = self._new(key, m.kind)
            ent.names.append(m.name)
            self._touched.append(ent)
            return ent
        surname = toks[-1].lower()
        first = toks[0].lower() if len(toks) > 1 else ""
        gender = m.gender
        cands = self.by_surname.get(surname, [])
        best: Optional[_Entity] = None
        fiction = self.genre == "fiction"
        hons = _lexicons.mapping("honorifics")
        honored = {hons[w] for w in (m.title or "").split() if w in hons}
        if fiction and len(toks) >= 2 and hons.get(toks[0]) == "-":
            honored.add("-")  # "Admiral Croft", "Dr. Grant" as a name
        if fiction and any(w.rstrip(".") in _MARRIED for w in (m.title or "").split()):
            honored.add("married")
        if fiction and len(cands) > 1 and len(toks) == 1 and not m.title:
            # a bare family name in a novel ("Hall") is a man rather than his mother, wife
            # or sister ("Mrs. Hall", "Miss Hall"), then the one the text already calls so
            # (a woman once taken for "Hall" must not keep every later "Hall")
            bare = ("", m.name)
            cands = sorted(cands, key=lambda e: (e.guess_gender() != "f", e.forms.get(bare, 0) > 0,
                                                 self.counts.get(id(e), 0)))
        elif fiction and len(cands) > 1:
            # a novel's form of a name goes to the one it already names ("Mr. Emerson" is
            # not the "George Emerson" met since)
            seen = ((m.title if _honorific(m.title) and m.title else ""), m.name)
            cands = sorted(cands, key=lambda e: e.forms.get(seen, 0) > 0)
        if fiction and first and self._bare.get(first, 0) >= _BARE_USES:
            # "George Emerson" where the narration calls someone "George": that one, not
            # "Mr. Emerson" (his father) nor "Mrs. Emerson"
            for ent in self.by_surname.get(first, []):
                if (ent.first in ("", first) and ent.family in ("", surname)
                        and ent.forms.get(("", toks[0]), 0) > 0
                        and not (gender and ent.guess_gender() and ent.guess_gender() != gender)):
                    best = ent
                    best.family = surname  # "Charles Musgrove": no other family's Charles joins him
                    break
            if best is None:
                cands = [e for e in cands if e.first]
        for ent in ([] if best is not None else reversed(cands)):
            if gender and ent.gender and gender != ent.gender and _honorific(m.title):
                continue
            if (fiction and not first and m.title and ent.first and self._bare.get(ent.first, 0) >= _BARE_USES
                    and not any(t == m.title and " " in n.strip() for t, n in ent.forms)):
                continue  # "Mrs. Hilbery" is not "Katharine Hilbery", whom the text calls "Katharine"
                # (but "Mr. Pell" is the "Mr. James Pell" the text names so)
            if fiction and first and ent.honored == {"f", "married"} and not ent.first:
                continue  # "Georgiana Reed" is the daughter of "Mrs. Reed", not she
            if fiction and not first and "married" in honored and ent.first and "married" not in ent.honored:
                continue  # nor is "Mrs. Reed" the "Georgiana Reed" met before
            if fiction and _couple(honored, ent.honored):
                continue  # "Mrs. Croft" is the wife of "Admiral Croft"
            if fiction and gender and not _honorific(m.title) and _titled_gender(ent.honored) not in (None, gender):
                continue  # "Josiah Bounderby" is not "Mrs. Bounderby"
            if first and ent.first and first != ent.first:
                continue
            if _honorific(m.title) and ent.titles and _honorific_conflict(m.title, self._distinct_titles(ent)):
                continue
            best = ent
            break
        if best is None and len(toks) == 1:
            # a bare first name ("Elizabeth") that begins exactly one full name
            hits = [e for e in self._with_first.get(surname, []) if e.kind == "person"]
            if len(hits) == 1 and not (gender and _honorific(m.title) and hits[0].guess_gender() not in (None, gender)):
                best = hits[0]  # ("Mrs. Charles" is the wife of the "Charles Pell" met before)
        if best is None:
            best = self._new("person:" + " ".join(t.lower() for t in toks), "person")
            best.surname = surname
            self.by_surname.setdefault(surname, []).append(best)
        if first and not best.first:
            best.first = first
            self._with_first.setdefault(first, []).append(best)
        best.names.append(m.name)
        if m.title:
            best.titles.append(m.title)
        best.honored |= honored
        form = (m.title if _honorific(m.title) and m.title else "", m.name)
        best.forms[form] = best.forms.get(form, 0) + 1
        self._touched.append(best)
        if gender and not best.gender:
            best.gender = gender
        if gender and self.genre == "fiction":
            best.named[0 if gender == "m" else 1] += 1
        return best

    def _distinct_titles(self, ent: _Entity) -> List[str]:
        """``ent.titles`` without repeats, first seen first (the same title recurs with every
        mention: a novel's "Mr." hundreds of times), grown with the list."""
        seen, distinct = self._title_sets.get(id(ent), (0, []))
        if seen != len(ent.titles):
            distinct = list(dict.fromkeys(distinct + ent.titles[seen:]))
            self._title_sets[id(ent)] = (len(ent.titles), distinct)
        return distinct

    def _new(self, key: str, kind: str) -> _Entity:
        ent = _Entity(key, kind)
        self.entities.append(ent)
        self.by_key[key] = ent
        self._by_kind.setdefault(kind, []).append(ent)
        return ent

    def scan(self) -> None:
        """Every name in the text outside quotations, typed and grouped."""
        text = self.text
        first_names = _lexicons.mapping("first_names")
        found: List[Tuple[int, int, Mention, str]] = []
        for s, e in self._name_spans():
            if self._quotes.covers(s):
                continue
            # what the words are, without their offsets (nothing below reads them): no Mention made per name
            m = self._alias(_mentions.describe_phrase(text[s:e]))
            if m.form != "name" or m.name is None:
                continue
            found.append((s, e, m, m.name))
            if self.genre == "fiction" and m.kind == "person" and not m.title:
                toks = _name_tokens(m.name)
                if len(toks) == 1:
                    # fiction: given names the narration uses on their own ("Lucy")
                    self._bare[toks[0].lower()] = self._bare.get(toks[0].lower(), 0) + 1
        if self.genre == "fiction":
            found = self._split_pairs(found, first_names)
        common = _common_words(text, self._bare) if self.genre == "fiction" else frozenset()
        if common:
            # a word that ends or goes on a longer name is a name ("Small" of "Jonathan Small"),
            # not one that only opens one ("Suddenly Mrs. Hale")
            common = common - {t.lower() for _, _, _, n in found for t in n.split()[1:] if " " in n.strip()}
        for s, e, m, name in found:
            if m.kind == "person" and _adjectival(text, s, e):
                continue
            if m.kind == "person" and _date_like(text, s, e):
                continue
            if self.genre == "fiction" and m.title is None and (_heading_line(text, s, e) or _numbered_heading(text, s, e)):
                continue  # "CHAPTER XV. THE MAN WHO WAS RUNNING", "IV. The Long Road"
            toks = _name_tokens(name)
            if (common and m.title is None and len(toks) == 1 and toks[0].lower() in common
                    and toks[0] not in first_names):
                continue  # "Suddenly", "Down", "Breakfast": a word the text mostly writes in lower case
            if (self.genre == "fiction" and m.title is None and len(toks) == 1 and _opening_adverb(text, s, e)
                    and toks[0] not in first_names):
                continue  # "Happily, the door held."
            evidence = (
                m.title is not None
                or (toks and toks[0] in first_names)
                or m.kind != "person"
                or len(toks) >= 2
                or (toks and toks[0] in self.names)
            )
            if not evidence and not self.by_surname.get(toks[-1].lower() if toks else ""):
                continue
            ent = self._entity_for_name(m, s)
            ent.mentions.append((s, e))
            self.counts[id(ent)] = self.counts.get(id(ent), 0) + 1
            if (_PLACE_BEFORE.search(text, max(0, s - 12), s) is not None
                    or (self.genre == "fiction" and "of" in text[max(0, s - 4) : s]
                        and _HOME_BEFORE.search(text, max(0, s - 40), s) is not None)):
                self.placed[id(ent)] = self.placed.get(id(ent), 0) + 1
            if ent.kind == "person":
                self.timeline.append((s, e, ent))
                self._vote(ent, e)
                if self.genre == "fiction" and _SUBJECT_BEFORE.search(text, max(0, s - 40), s) is not None:
                    self._subject_count[id(ent)] = self._subject_count.get(id(ent), 0) + 1

    def _split_pairs(self, found: List[Tuple[int, int, Mention, str]],
                     first_names: Dict[str, str]) -> List[Tuple[int, int, Mention, str]]:
        """Fiction: two capitalised words read as one name that are not one person: a
        sentence's opening word before a given name ("First Kate looked up": Kate), or two
        given names the narration uses alone, joined only once ("Kate Anna; Anna Kate they
        alternated"): two people."""
        pairs: Dict[str, int] = {}
        for _, _, m, name in found:
            if m.title is None and m.kind == "person" and " " in name.strip():
                pairs[name] = pairs.get(name, 0) + 1
        lower: Optional[Dict[str, int]] = None
        hons = _lexicons.mapping("honorifics")
        out: List[Tuple[int, int, Mention, str]] = []
        for s, e, m, name in found:
            cut = _possessive_end(self.text, s, e) if m.kind == "person" else -1
            if cut > s:
                # "Lucy's Sabbath", "Mr. Pell's Circus": the possessor is the name
                pm = self._alias(_mentions.describe_phrase(self.text[s:cut]))
                if pm.form == "name" and pm.name is not None and pm.kind == "person":
                    out.append((s, cut, pm, pm.name))
                continue
            toks = name.split()
            if (m.title is not None or m.kind != "person" or len(toks) != 2 or toks[1] not in first_names
                    or len(_name_tokens(name)) != 2):
                out.append((s, e, m, name))
                continue
            second = self.text.rfind(toks[1], s, e)
            keep: List[Tuple[int, int]] = []
            if toks[0] not in first_names:
                if toks[0] in hons:
                    out.append((s, e, m, name))
                    continue  # "Aunt Polly", "Father Brown": a form of address in the name
                if lower is None:
                    lower = _mentions.lower_counts(self.text)
                if lower.get(toks[0].lower(), 0) >= _COMMON_MIN:
                    keep = [(second, second + len(toks[1]))]
            elif (pairs.get(name, 0) == 1 and self._bare.get(toks[0].lower(), 0) >= _BARE_USES
                  and self._bare.get(toks[1].lower(), 0) >= _BARE_USES):
                keep = [(s, s + len(toks[0])), (second, second + len(toks[1]))]
            if not keep or second < 0:
                out.append((s, e, m, name))
                continue
            for ps, pe in keep:
                pm = self._alias(_mentions.describe_phrase(self.text[ps:pe]))
                if pm.form == "name" and pm.name is not None:
                    out.append((ps, pe, pm, pm.name))
        return out

    def _name_spans(self) -> List[Tuple[int, int]]:
        """The names of ``scan_names``; in fiction "Mary of Ralph" (from "reminded Mary
        of Ralph") is two names, while "the Duke of Ely" (a title before "of") stays one."""
        spans = _mentions.scan_names(self.text)
        if self.genre != "fiction":
            return spans
        out: List[Tuple[int, int]] = []
        hons = _lexicons.mapping("honorifics")
        titles = _lexicons.words("titles")
        places = _lexicons.words("place_words")
        for s, e in spans:
            # every split holds "of": looked for first, in C
            m = _OF_SPLIT.search(self.text, s, e) if e - s > 6 and self.text.find("of", s, e) >= 0 else None
            if m is not None:
                before = self.text[s : m.start()].split()
                last = before[-1] if before else ""
                if last and last not in hons and last.lower() not in titles and last.lower() not in places:
                    out.append((s, m.start()))
                    out.append((m.end(), e))
                    continue
            out.append((s, e))
        return out

    def _vote(self, ent: _Entity, end: int) -> None:
        text = self.text
        hi = min(len(text), end + 160)
        nl = text.find("\n\n" if self.wrapped else "\n", end, hi)
        if nl != -1:
            hi = nl
        pm = _PRONOUN_AFTER.search(text, end, hi)
        if pm is None:
            return
        ent.votes[1 if pm.group(1).lower() in _FEMALE else 0] += 1

    def _voice_named(self, noun: str) -> bool:
        """Fiction: the text calls someone "the Voice" (a capitalised ``noun`` as a name)."""
        if noun not in self._voice_name:
            pattern = r"(?<![\p{L}])[Tt]he[^\S\n]+" + noun.capitalize() + r"(?![\p{L}])"
            self._voice_name[noun] = regex.search(pattern, self.text) is not None
        return self._voice_name[noun]

    # -- speakers -----------------------------------------------------------

    def resolve(self) -> Tuple[List[Optional[Source]], List[Source]]:
        """The source of every record, and the list of sources in order of first mention."""
        text = self.text
        self.scan()
        self.timeline.sort(key=lambda t: t[0])
        starts = [t[0] for t in self.timeline]
        self._starts = starts
        chosen: List[Optional[_Entity]] = [None] * len(self.records)
        anchored: Set[int] = set()  # fiction: pronoun tags settled by their own paragraph
        described: List[Tuple[int, Mention, Optional[_Entity]]] = []  # fiction: description tags
        extra: Dict[int, List[Tuple[int, int]]] = {}
        self._unowned = set()
        for idx, rec in enumerate(self.records):
            ent: Optional[_Entity] = None
            self._addressed = self._addressee(rec)
            self._idx = idx
            if rec.speaker is not None:
                s, e = rec.speaker
                m = _mentions.describe(text, s, e)
                if text[s:e].lower() in _RELATIVE_PRONOUNS:
                    ante = _relative_antecedent(text, s)
                    if ante is not None:
                        m = _mentions.describe(text, *ante)  # "the union, which endorsed her": the union
                owner = _OWNER_GENDER.get(text[s:e].lower())
                voice = _OWN_VOICE.match(text, s, e) if self.genre == "fiction" and owner is None else None
                if voice is not None and voice.end() == e and voice.group(2).lower() in _utterance_owners():
                    # “…,” came his voice: he; "His lips trembled.": he
                    owner = _OWNER_GENDER[voice.group(1).lower()]
                unowned = False
                if (self.genre == "fiction" and owner is None and m.form == "description"
                        and m.head in _utterance_owners()):
                    held = _HELD_VOICE.match(text, s, e)
                    if held is not None and held.end() == e and held.group(2) == m.head:
                        m = _mentions.describe(text, s, held.end(1))  # "the Rabbit's voice": the Rabbit
                    else:
                        # "said the low voice", "the face said", unless the book calls
                        # someone "the Voice" (then any definite voice may be that one)
                        words = text[s:e].split(None, 4)[:4]
                        unowned = (len(words) > 1 and words[0].lower() in _UNOWNED_DETERMINERS
                                   and m.head in words[1:] and all(w.islower() for w in words[1:])
                                   and (words[0].lower() != "the" or not self._voice_named(m.head)))
                if owner is not None and m.form != "pronoun":
                    # "was her cordial reply": the owner, read as "she"
                    m = Mention(s, e, "pronoun", "person", owner, False, None, None, text[s:e].lower(), True, 3)
                turn = chosen[rec.alt] if rec.alt is not None and 0 <= rec.alt < idx else None
                narrated = (self._narration_subject(rec, m.gender, starts, idx, chosen)
                            if self.genre == "fiction" and m.form == "pronoun" and m.gender else None)
                called = (self._called(idx, m.gender) if (narrated is None or self._from_tail)
                          and m.form == "pronoun" and m.gender else None)
                goes_on = (self._continued(idx, m.gender, chosen)
                           if self.genre == "fiction" and m.form == "pronoun" and m.gender else None)
                if called is not None and narrated is not None:
                    narrated = None  # a tail of narration ("…, and Tom nodded.") counts less
                if unowned:
                    self._unowned.add(idx)
                    ent = None  # “…,” said a voice: whoever the conversation says speaks
                elif narrated is not None:
                    ent = narrated  # "Kitty sat repining. “…,” said she."
                    if not self._from_tail:
                        anchored.add(idx)  # a conversation's votes may still overrule a tail
                elif called is not None:
                    ent = called  # “…, Fergus.” | “…,” replied he: the one addressed answers
                elif goes_on is not None:
                    ent = goes_on  # "Then he went on, “…”": the speaker of the turn before
                elif m.form == "pronoun" and turn is not None and turn.guess_gender() == m.gender:
                    ent = turn  # "said he" in a dialogue: the speaker two turns back
                else:
                    self._exclude = self._previous_turn(idx, chosen)
                    ent = None
                    if self.genre == "fiction" and m.form == "pronoun" and m.gender:
                        ent = self._participant(idx, m.gender, chosen)  # the one talked with before
                    if ent is None:
                        ent = self._resolve_mention(m, starts)
                    if (self.genre == "fiction" and m.form == "description" and m.kind == "person"
                            and m.definite and not m.plural
                            and (ent is None or not ent.forms or m.head in _GENERIC_PERSON)):
                        # “…,” said the old man: the one man of the two talking (the turns
                        # before; once all tags are settled, those after as well)
                        pair = self._one_of_pair(idx, m, ent, chosen)
                        if pair is not None:
                            ent = pair
                        else:
                            described.append((idx, m, ent))
                    self._exclude = None
                if ent is not None:
                    extra.setdefault(id(ent), []).append((s, e))
                    if ent.kind == "person":
                        # a speaker is a likely antecedent for the pronouns that follow
                        self.spoken.append((rec.span[0], ent))
                        self.spoken_at.append(rec.span[0])
            elif rec.hint is not None:
                m = _mentions.describe(text, *rec.hint)
                if m.form == "name":
                    ent = self._known_person(m)
                    if ent is not None and self._place_like(ent):
                        ent = None  # “London, then.” | “…”: a place does not answer
            chosen[idx] = ent
        self._addressed = None
        self._idx = None
        for idx, m, own in described:
            self._addressed = self._addressee(self.records[idx])
            pair = self._one_of_pair(idx, m, own, chosen)
            if pair is not None:
                chosen[idx] = pair  # “…,” said the old man: the one man of the two talking
        self._addressed = None
        # replies to a first turn: the most present person who is not its speaker
        for idx, rec in enumerate(self.records):
            if chosen[idx] is None and rec.other_than is not None and 0 <= rec.other_than < len(chosen):
                self._exclude = chosen[rec.other_than]
                if self._exclude is not None:
                    chosen[idx] = self._present(rec.other_than, starts)
                if self._exclude is not None and chosen[idx] is None:
                    chosen[idx] = self._salient(rec.span[0], None, starts)
                self._exclude = None
        # records that share another's source: forward, backward, forward again
        order = list(range(len(self.records)))
        addressed = [self._addressee(rec) for rec in self.records]
        if self.genre == "fiction":
            self._conversations(chosen, addressed, anchored)
            self._nearest_of_parity(chosen, addressed)
        for seq in (order, order[::-1], order):
            for idx in seq:
                rec = self.records[idx]
                if chosen[idx] is None:
                    for ref in (rec.inherit, rec.alt):
                        if ref is not None and 0 <= ref < len(chosen) and chosen[ref] is not None:
                            if addressed[idx] is not None and chosen[ref] is addressed[idx]:
                                continue  # “…, Pat?” is not Pat's turn, whatever the alternation says
                            if (self.genre == "fiction" and self.layout is not None and rec.inherit is not None
                                    and rec.rule in _TURN_RULES and not self._led_in(idx)
                                    and any(chosen[ref] is b for b in self._tagged_beside(idx, chosen))):
                                continue  # one does not answer oneself: not the tagged turn's speaker next to it
                            chosen[idx] = chosen[ref]
                            break
        if self.genre == "fiction":
            # turns still without a speaker: the person most present just before them,
            # other than the one who spoke the turn before
            for idx, rec in enumerate(self.records):
                if chosen[idx] is None and rec.kind == "direct" and (rec.speaker is None or idx in self._unowned):
                    self._exclude = self._previous_turn(idx, chosen)
                    if self._exclude is None and self.layout is not None:
                        # no turn before it: not the person tagged in the paragraph after
                        after = self._tagged_beside(idx, chosen)
                        self._exclude = after[-1] if after else None
                    self._addressed = self._addressee(rec)
                    first = self.layout is not None and (rec.rule == "fiction.nearest" or self._opens_run(idx))
                    if first:
                        # "The old clerk rubbed his eyes and went on: | “…”"
                        chosen[idx] = self._lead_in_subject(rec, starts)
                    if first and chosen[idx] is None and self.layout is not None:
                        # "Tom Harlow looked up. | “…”": the narration's last subject (also
                        # for a run's first turn that the alternation links to later turns)
                        chosen[idx] = self._previous_narration_subject(
                            self.layout.paragraph(rec.span[0])[0], None, starts)
                    if chosen[idx] is None:
                        chosen[idx] = self._salient(rec.span[0], None, starts)
                    if chosen[idx] is None:
                        # no named person near: "The girl flushed. | “…”"
                        chosen[idx] = self._described_before(rec, starts)
                    self._exclude = self._addressed = None
        if self.genre == "fiction":
            self._name_the_narrator(chosen)
            self._self_introduced(chosen)
        # build the sources, in order of first mention, only those that speak
        used: List[_Entity] = []
        seen = set()
        for ent in chosen:
            if ent is not None and id(ent) not in seen:
                seen.add(id(ent))
                used.append(ent)
        spans: Dict[int, List[Tuple[int, int]]] = {}
        for ent in used:
            allm = sorted(set(ent.mentions) | set(extra.get(id(ent), [])))
            spans[id(ent)] = allm
        used.sort(key=lambda ent: spans[id(ent)][0] if spans[id(ent)] else (0, 0))
        sources: Dict[int, Source] = {}
        foreign = self._name_words() if self.genre == "fiction" else {}
        given = _lexicons.mapping("first_names")
        for n, ent in enumerate(used, 1):
            name, title = ent.best_name(), ent.best_title()
            usual = ent.usual_form(foreign, given) if self.genre == "fiction" else None
            if usual is not None:
                name = usual[1]
                title = usual[0] or (title if title and not _honorific(title) else None)
            sources[id(ent)] = Source(
                id=f"s{n}",
                name=name,
                kind=ent.kind,
                title=title,
                mentions=tuple(Span.of(text, s, e) for s, e in spans[id(ent)]),
            )
        return [sources[id(e)] if e is not None else None for e in chosen], [sources[id(e)] for e in used]

    def _name_words(self) -> Dict[str, int]:
        """Each word of a person's name: the id of the one entity whose usual name has it
        (-1 when several do)."""
        out: Dict[str, int] = {}
        for ent in self.entities:
            if ent.kind != "person" or not ent.forms:
                continue
            usual = max(ent.forms, key=lambda f: ent.forms[f])
            for w in usual[1].split():
                lw = w.lower()
                out[lw] = id(ent) if out.get(lw, id(ent)) == id(ent) else -1
        return out

    def _name_the_narrator(self, chosen: List[Optional[_Entity]]) -> None:
        """Fiction: a first-person narrator is named by what the others call them: the
        names addressed (“…, Watson?”) in the turns just before and after the
        narrator's own turns, when one name has most of those votes."""
        narrator = self.by_key.get("narrator:")
        if narrator is None or self.layout is None:
            return
        votes: Dict[Tuple[str, str], int] = {}
        total = 0
        para = self.layout.paragraph_index
        paras = [para(rec.span[0]) for rec in self.records]
        counted: Set[int] = set()  # a turn votes once, whichever of its parts names the narrator
        for idx, ent in enumerate(chosen):
            if ent is not narrator:
                continue
            for j in self._next_turn_records(idx, paras):
                if chosen[j] is narrator or self.records[j].addressee is None or j in counted:
                    continue
                counted.add(j)
                to = self.records[j].addressee
                if to is None:
                    continue
                m = _mentions.describe(self.text, to[0], to[1])
                if m.form != "name" or m.kind != "person" or m.name is None:
                    continue
                key = (m.title if m.title and _honorific(m.title) else "", m.name)
                votes[key] = votes.get(key, 0) + 1
                total += 1
        if not votes:
            return
        best = max(votes, key=lambda k: votes[k])
        # the same name with or without its honorific counts once
        support = sum(n for k, n in votes.items() if k[1] == best[1])
        if support >= 2 and 2 * support > total:
            narrator.forms[best] = support

    def _next_turn_records(self, idx: int, paras: List[int]) -> Iterator[int]:
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

    def _self_introduced(self, chosen: List[Optional[_Entity]]) -> None:
        """Fiction: a speaker the narration never names ("the parson") is named by its own
        words: “I am Parson Tringham, …” or “My name is Hal Orme.”"""
        done: Set[int] = set()
        not_names = _lexicons.words("not_names")
        first_names = _lexicons.mapping("first_names")
        for idx, ent in enumerate(chosen):
            if ent is None or ent.forms or id(ent) in done or ent.kind not in ("person", "narrator"):
                continue
            for ps, pe in self.records[idx].parts:
                m = _SELF_INTRO.search(self.text, ps, pe)
                if m is None:
                    continue
                words = m.group("name").split()
                if any(w.lower() in not_names or w.endswith(_DEMONYM_ENDS) for w in words):
                    continue
                if not any(w in self.names or w in first_names for w in words):
                    continue
                ent.forms[("", " ".join(words))] = 1
                done.add(id(ent))
                break

    def _conversations(self, chosen: List[Optional[_Entity]], addressed: List[Optional[_Entity]],
                       anchored: Set[int]) -> None:
        """Fiction: in a run of dialogue paragraphs, each untagged turn goes to the person
        the settled turns of its parity (two, four, ... paragraphs away) vote for, a
        named tag counting more than a pronoun and a near turn more than a far one; a
        name addressed in a turn of the other parity votes for that person too; the
        person tagged in the paragraph just before or after is never chosen (one does
        not answer oneself: in a talk of three the alternation breaks there). A
        pronoun tag ("she said") goes to the person of its gender that the named turns
        of its parity vote for, if there is one."""
        if self.layout is None:
            return
        para = self.layout.paragraph_index
        by_para: Dict[int, List[int]] = {}
        for idx, rec in enumerate(self.records):
            if rec.kind == "direct":
                by_para.setdefault(para(rec.span[0]), []).append(idx)
        runs: List[List[int]] = []
        for p in sorted(by_para):
            if runs and _dialogue.last_paragraph(self.layout, self.records, by_para[runs[-1][-1]]) == p - 1:
                runs[-1].append(p)
            else:
                runs.append([p])
        weight = {"name": 3.0, "description": 2.0, "pronoun": 1.0}
        for run in runs:
            if len(run) < 2:
                continue
            votes: List[Optional[Tuple[_Entity, float]]] = []
            heard: List[Optional[_Entity]] = []
            for p in run:
                best: Optional[Tuple[_Entity, float]] = None
                to: Optional[_Entity] = None
                for idx in by_para[p]:
                    rec = self.records[idx]
                    to = to or addressed[idx]
                    ent = chosen[idx]
                    if ent is None:
                        continue
                    if rec.speaker is not None:
                        w = weight.get(_mentions.describe(self.text, *rec.speaker).form, 1.0)
                    elif rec.hint is not None:
                        w = 1.5
                    else:
                        continue
                    if best is None or w > best[1]:
                        best = (ent, w)
                votes.append(best)
                heard.append(to)
            for j, p in enumerate(run):
                todo = [idx for idx in by_para[p] if chosen[idx] is None
                        and (self.records[idx].speaker is None or idx in self._unowned)]
                pron: List[Tuple[int, Optional[str]]] = []
                for idx in by_para[p]:
                    sp = self.records[idx].speaker
                    if sp is not None and idx not in anchored:
                        m = _mentions.describe(self.text, sp[0], sp[1])
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
                    if i != j and (i - j) % 2 == 0 and vote is not None:
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

    def _narration_subject(self, rec: Attribution, gender: str, starts: List[int], idx: int = -1,
                           chosen: Sequence[Optional[_Entity]] = ()) -> Optional[_Entity]:
        """Fiction: for "said she", a person of that gender named as a subject in the
        narration that opens the quotation's own paragraph ("Kitty sat repining. “…,”
        said she."), or named by the tag of an earlier turn of the paragraph with no
        such subject since (“…,” cried Kitty. “…,” said she.), else a subject in the
        paragraph before it when that one is all narration."""
        if self.layout is None:
            return None
        ps = self.layout.paragraph(rec.span[0])[0]
        qs = rec.span[0]
        self._from_tail = False
        if qs - ps < 2:
            found = self._previous_narration_subject(ps, gender, starts)
            if found is None and idx > 0:
                found = self._tail_goes_on(idx, ps, gender, chosen)
            if found is None and not self._from_tail:
                found = self._chain_back(ps, gender, starts)
            return found
        named = self._named_before(idx, ps, gender, chosen)
        if named is not None:
            # "“…,” wheezed Tom, “…?” he asked.": Tom, unless the narration since names
            # another subject of that sex
            return self._subject_between(named[0], qs, gender, starts) or named[1]
        found = self._subject_between(ps, qs, gender, starts)
        if found is None:
            # "Tom Harlow shrugged. | He rose. “…,” he said.": the narration goes on
            # about the person of the paragraph before, when that one is all narration
            pi = self.layout.paragraph_index(ps)
            if pi > 0 and not self._direct.overlaps(*self.layout.paragraphs[pi - 1]):
                found = self._previous_narration_subject(ps, gender, starts)
        return found

    def _goes_on_with(self, lo: int, hi: int, gender: str) -> bool:
        """Fiction: a clause of the narration ``[lo, hi)`` opens with the subject
        pronoun of ``gender`` ("He rose.", "And then she laughed.")."""
        text = self.text
        for cs in _dialogue.clause_starts(text, lo, hi):
            he = _GOES_ON_AS.match(text, cs, hi)
            if he is not None and (he.group("p").lower() == "she") == (gender == "f"):
                return True
        return False

    def _chain_back(self, ps: int, gender: str, starts: List[int]) -> Optional[_Entity]:
        """Fiction: for "said he" after narration paragraphs that only say "he" ("He
        sat down. | “…,” said he."), the subject of the narration paragraph before those,
        a few paragraphs back at most, when all between are narration going on with "he"
        and naming no one of his sex."""
        assert self.layout is not None
        pi = self.layout.paragraph_index(ps)
        for _ in range(_CHAIN_PARAGRAPHS):
            if pi == 0:
                return None
            pps, ppe = self.layout.paragraphs[pi - 1]
            if self._direct.overlaps(pps, ppe) or not self._goes_on_with(pps, ppe, gender):
                return None
            lo = bisect.bisect_left(self._starts, pps)
            hi = bisect.bisect_left(self._starts, ppe)
            if any(ent.guess_gender() == gender for _s, _e, ent in self.timeline[lo:min(hi, lo + _SUBJECT_NAMES)]):
                return None  # someone of that sex named there: not only "he"
            pi -= 1
            found = self._previous_narration_subject(pps, gender, starts)
            if found is not None:
                if self._from_tail or found.named == [0, 0]:
                    return None  # a tail's subject, or a name of no known sex ("the Strand")
                return found
        return None

    def _tail_goes_on(self, idx: int, ps: int, gender: str,
                      chosen: Sequence[Optional[_Entity]]) -> Optional[_Entity]:
        """Fiction: for a paragraph opening with “…,” said he, the speaker of the last
        turn of the paragraph before, when that one is of his gender and the narration
        after it goes on with "he" and names no one (“…?” said Tom. Then he smiled. |
        “…,” he said.): the tag settles it, whatever the conversation's parity says."""
        assert self.layout is not None
        pi = self.layout.paragraph_index(ps)
        if pi == 0:
            return None
        pps, ppe = self.layout.paragraphs[pi - 1]
        j = self._direct_before(idx)
        if j < 0 or j >= len(chosen) or not pps <= self.records[j].span[0] < ppe:
            return None
        ent = chosen[j]
        tag = self.records[j].speaker
        if (ent is None or ent.kind != "person" or ent.guess_gender() != gender or ent is self._addressed
                or tag is None or _mentions.describe(self.text, *tag).form != "name"):
            return None  # only after a turn its tag names ("said Tom")
        i = bisect.bisect_right(self._direct.starts, ppe - 1) - 1
        if self._direct.starts[i] > self.records[j].span[1]:
            return None  # a quotation after that turn
        lo = max(self._direct.ends[i], self.records[j].span[1], tag[1])
        text = self.text
        went_on = False
        for cs in _dialogue.clause_starts(text, lo, ppe):
            he = _GOES_ON_AS.match(text, cs, ppe)
            if he is not None:
                if (he.group("p").lower() == "she") != (gender == "f"):
                    return None  # "… Then she smiled.": someone else goes on
                went_on = True
        if not went_on:
            return None
        k = bisect.bisect_left(self._starts, lo)
        if k < len(self._starts) and self._starts[k] < ppe:
            return None  # a name in the tail: the subjects rule above has had its say
        self._from_tail = False  # not a tail's guess: the tag settles it
        return ent

    def _named_before(self, idx: int, ps: int, gender: str,
                      chosen: Sequence[Optional[_Entity]]) -> Optional[Tuple[int, _Entity]]:
        """Fiction: the latest turn before record ``idx`` in its paragraph (starting at
        ``ps``) whose tag names a person of ``gender``: where it ends, and that person."""
        for j in range(idx - 1, max(-1, idx - 1 - _PRESENT_QUOTES), -1):
            rec = self.records[j]
            if rec.span[0] < ps:
                break
            ent = chosen[j] if j < len(chosen) else None
            if rec.kind != "direct" or rec.speaker is None or ent is None or ent.guess_gender() != gender:
                continue
            if _mentions.describe(self.text, *rec.speaker).form == "name":
                return max(rec.span[1], rec.speaker[1]), ent
        return None

    def _described_before(self, rec: Attribution, starts: List[int]) -> Optional[_Entity]:
        """Fiction: the person a definite description ("the girl", "the old clerk") names
        as the last clause subject of the narration just before an untagged turn: in
        its own paragraph, else in the paragraph before when that one has no quotation."""
        if self.layout is None:
            return None
        pi = self.layout.paragraph_index(rec.span[0])
        lo = self.layout.paragraphs[pi][0]
        if rec.span[0] - lo < 2:
            if pi == 0:
                return None
            lo, hi = self.layout.paragraphs[pi - 1]
            if self._direct.overlaps(lo, hi):
                return None
        else:
            hi = rec.span[0]
        text = self.text
        last: Optional[Tuple[int, int]] = None
        for cs in _dialogue.clause_starts(text, max(lo, hi - 400), hi):
            sp = _dialogue.clause_subject(text, cs, hi, self.names) or _described_head(text, cs, hi)
            if sp is not None:
                last = sp
        if last is None:
            return None
        m = _mentions.describe(text, last[0], last[1])
        if m.form != "description" or m.kind != "person" or not m.definite or m.plural:
            return None
        if m.head in _NO_ONE_IN_PARTICULAR:
            return None  # "Nobody spoke." | “…”: no one in particular
        ent = self._resolve_mention(m, starts)
        return ent if ent is not None and ent is not self._addressed and ent is not self._exclude else None

    def _previous_narration_subject(self, ps: int, gender: Optional[str], starts: List[int]) -> Optional[_Entity]:
        """Fiction: for a paragraph opening with “…,” said he, the last person of that
        gender named as a subject in the paragraph before, when that paragraph is all
        narration ("Tom shrugged. | “…,” he said."), else in the narration after its last
        quotation (a short tail of it counts less than a conversation's votes)."""
        assert self.layout is not None
        pi = self.layout.paragraph_index(ps)
        if pi == 0:
            return None
        pps, ppe = self.layout.paragraphs[pi - 1]
        if self._direct.overlaps(pps, ppe):
            # narration after the paragraph's last quotation ("…,” said Ann. Tom rose.)
            i = bisect.bisect_right(self._direct.starts, ppe - 1) - 1
            pps = self._direct.ends[i]
            if pps >= ppe:
                return None
            self._from_tail = ppe - pps < _TAIL_ANCHORS
        return self._subject_between(pps, ppe, gender, starts)

    def _subject_between(self, ps: int, qs: int, gender: Optional[str], starts: List[int]) -> Optional[_Entity]:
        """The last person (of ``gender``, if given) named as a clause's subject in
        ``[ps, qs)``, other than the person addressed or excluded."""
        hi = bisect.bisect_left(starts, qs)
        lo = max(bisect.bisect_left(starts, ps), hi - _SUBJECT_NAMES)  # the last ones: bounded work per record
        best: Optional[_Entity] = None
        best_at = ps
        for k in range(hi - 1, lo - 1, -1):  # the last one wins: look from the end
            s, e, ent = self.timeline[k]
            if e > qs or ent is self._addressed or ent is self._exclude or self._place_like(ent):
                continue
            if gender is not None and ent.guess_gender() != gender:
                continue
            if self.text.startswith(("'s", "’s"), e):
                continue  # "Tom's hat fell": Tom is not the subject
            if not self._opens_clause(ps, s):
                continue
            best, best_at = ent, s
            break
        if gender is not None:
            described = self._described_subject(max(best_at, ps, qs - _DESCRIBED_BACK), qs, gender)
            if described is not None:
                named = self._resolve_mention(described, starts)
                if (named is not None and named is not self._addressed and named is not self._exclude
                        and named.kind == "person" and named.forms and named.guess_gender() == gender):
                    return named  # "Her mother came in. | “…,” said she": the latest subject
        return best

    def _described_subject(self, lo: int, hi: int, gender: str) -> Optional[Mention]:
        """Fiction: the last clause subject in the narration ``[lo, hi)`` that is a
        description of a person of ``gender`` ("her mother", "the old man"), if it is
        the last subject of that gender there (no pronoun of it after)."""
        text = self.text
        found: Optional[Mention] = None
        kin = _lexicons.mapping("kinship_words")
        titles = _lexicons.words("titles")
        i = bisect.bisect_right(self._direct.ends, hi) - 1
        if i >= 0:
            lo = max(lo, self._direct.ends[i])  # only the narration since the last quotation
        for cs in _dialogue.clause_starts(text, lo, hi):
            if self._quotes.covers(cs):
                continue
            he = _HE_OR_SHE.match(text, cs, hi)
            if he is not None:
                if (he.group("p").lower() == "she") == (gender == "f"):
                    found = None  # "Her mother came in. She sat down.": "she" goes on as before
                continue
            sp = _described_head(text, cs, hi)
            pm = _POSSESSIVE_HEAD.match(text, cs, hi)
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
                found = m
        return found

    def _opens_clause(self, ps: int, s: int) -> bool:
        """Fiction: the name at ``s`` is the subject a clause opens with (the clause
        starting at or after ``ps``)."""
        words = self.text[max(ps, s - _CLAUSE_BACK) : s].split()
        joined = False  # "…, and Cassandra stepped forth"
        while words and (words[-1] in _LEADING_WORDS or words[-1] in _LATER_JOINING
                         or (words[-1] in _SENTENCE_ADVERBS and (len(words) == 1 or words[-2][-1:] in _CLAUSE_ENDS))):
            joined = joined or words[-1] in _JOINING or words[-1] in _LATER_JOINING
            words.pop()
        if words and words[-1] in _ASIDES and len(words) > 1 and words[-2][-1:] == ",":
            words.pop()  # "…, however, Louisa spoke again"
        if words or s - _CLAUSE_BACK > ps:
            last = words[-1] if words else ""
            if last[-1:] in _CLAUSE_ENDS or last.endswith("--"):
                return True  # "… evening. -- Elizabeth read her feelings"
            return last[-1:] == "," and (joined or _fronted(words) or _after_subordinate(words))
        return True

    def _nearest_of_parity(self, chosen: List[Optional[_Entity]], addressed: List[Optional[_Entity]]) -> None:
        """Fiction: an untagged turn takes the speaker of the NEAREST settled turn of the
        same parity in its run (two, four, ... turns before or after), so that one
        wrong guess at a run's start does not run on past a tagged turn; never the
        person tagged in the paragraph just before or after (then the other side's)."""
        n = len(self.records)
        back: List[Tuple[Optional[_Entity], int]] = [(None, 0)] * n
        ahead: List[Tuple[Optional[_Entity], int]] = [(None, 0)] * n
        for idx in range(n):
            if chosen[idx] is not None:
                back[idx] = (chosen[idx], 0)
                continue
            for ref in (self.records[idx].inherit, self.records[idx].alt):
                if ref is not None and 0 <= ref < idx and back[ref][0] is not None:
                    back[idx] = (back[ref][0], back[ref][1] + 1)
                    break
        for idx in range(n - 1, -1, -1):
            if chosen[idx] is not None:
                ahead[idx] = (chosen[idx], 0)
                continue
            for ref in (self.records[idx].alt, self.records[idx].inherit):
                if ref is not None and idx < ref < n and ahead[ref][0] is not None:
                    ahead[idx] = (ahead[ref][0], ahead[ref][1] + 1)
                    break
        for idx in range(n):
            if chosen[idx] is not None:
                continue
            options = sorted((d, k, e) for k, (e, d) in enumerate((back[idx], ahead[idx])) if e is not None)
            beside = self._tagged_beside(idx, chosen) if options else []
            for _d, _k, ent in options:
                if ent is not addressed[idx] and not any(ent is b for b in beside):
                    chosen[idx] = ent
                    break

    def _lead_in_subject(self, rec: Attribution, starts: List[int]) -> Optional[_Entity]:
        """Fiction: for a turn after a paragraph of narration that ends with a colon
        ("The old clerk rubbed his eyes, looked at the fire, and went on:"), the person
        named or described as the subject of that paragraph's last sentence."""
        assert self.layout is not None
        pi = self.layout.paragraph_index(rec.span[0])
        if pi == 0 or rec.span[0] - self.layout.paragraphs[pi][0] > 2:
            return None
        ps, pe = self.layout.paragraphs[pi - 1]
        if self._direct.overlaps(ps, pe) or not self.text[max(ps, pe - 8) : pe].rstrip("-\N{EM DASH}").endswith(":"):
            return None  # it ends "…, and went on:" or "…, and went on:--"
        ss, _ = self.layout.sentence(pe - 1)
        cs = max(ps, ss)
        sp = _described_head(self.text, cs, pe) or _dialogue.clause_subject(self.text, cs, pe, self.names)
        if sp is None:
            return None
        m = _mentions.describe(self.text, sp[0], sp[1])
        if m.form not in ("name", "description") or m.kind != "person" or m.plural:
            return None
        ent = self._resolve_mention(m, starts)
        if ent is None or ent is self._exclude or ent is self._addressed or ent.kind != "person":
            return None
        return ent

    def _tagged_beside(self, idx: int, chosen: List[Optional[_Entity]]) -> List[_Entity]:
        """Fiction: the speakers of the tagged turns in the paragraphs just before and
        just after record ``idx``'s (a turn is not its neighbour's answer to itself)."""
        assert self.layout is not None
        para = self.layout.paragraph_index
        here = para(self.records[idx].span[0])
        out: List[_Entity] = []
        for step in (-1, 1):
            j = idx + step
            while 0 <= j < len(self.records) and abs(j - idx) <= _TURN_LOOKBACK:
                rec = self.records[j]
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

    def _addressee(self, rec: Attribution) -> Optional[_Entity]:
        """Fiction: the known person a quotation addresses by name (never its speaker)."""
        if rec.addressee is None:
            return None
        m = _mentions.describe(self.text, *rec.addressee)
        if m.form != "name":
            return None
        ent = self._known_person(m)
        if ent is None:
            # "Ralph" with a "Ralph" and a "Ralph Denham" in the text: the one named most
            toks = _name_tokens(m.name or "")
            if toks:
                last = toks[-1].lower()
                if self._by_first is None:
                    self._by_first = {}
                    for e in self.entities:
                        if e.kind == "person" and e.first:
                            self._by_first.setdefault(e.first, []).append(e)
                cands = self.by_surname.get(last, []) + self._by_first.get(last, [])
                if m.title:
                    cands = [e for e in cands if not _honorific_conflict(m.title, e.titles)]
                if cands:
                    ent = max(cands, key=lambda e: self.counts.get(id(e), 0))
        if ent is not None and (ent.kind != "person" or self._place_like(ent)):
            return None  # “London, then.”: a place or a thing is no one to answer
        return ent

    def _called(self, idx: int, gender: str) -> Optional[_Entity]:
        """Fiction: the person of ``gender`` the turn just before record ``idx`` (the
        paragraph before) addresses by name, if any."""
        if self.genre != "fiction" or idx == 0 or self.layout is None:
            return None
        prev = self.records[idx - 1]
        if prev.kind != "direct" or prev.addressee is None:
            return None
        para = self.layout.paragraph_index
        if para(self.records[idx].span[0]) != para(prev.span[0]) + 1:
            return None
        ent = self._addressee(prev)
        if ent is None or ent is self._addressed or ent.guess_gender() not in (None, gender):
            return None
        return ent

    def _continued(self, idx: int, gender: str, chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
        """Fiction: "he continued", "she went on" after a turn of that gender a paragraph
        or two before, with only narration between: the speaker of that turn."""
        rec = self.records[idx]
        if rec.cue is None or idx == 0 or self.layout is None:
            return None
        word = " ".join(self.text[rec.cue[0] : rec.cue[1]].lower().split())
        if word == "went" and self.text.startswith(" on", rec.cue[1]):
            word = "went on"
        if word not in _GOES_ON:
            return None
        prev = self.records[idx - 1]
        ent = chosen[idx - 1]
        if prev.kind != "direct" or ent is None or ent.kind != "person" or ent.guess_gender() != gender:
            return None
        para = self.layout.paragraph_index
        if not 0 <= para(rec.span[0]) - para(prev.span[0]) <= 2:
            return None
        return ent

    def _participant(self, idx: int, gender: str, chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
        """Fiction: for "he said" in a conversation, the latest speaker of that gender in
        the turns just before, other than the one who spoke the turn before and the one
        addressed."""
        qs = self.records[idx].span[0]
        for j in self._turns_near(idx, -1, _PARTICIPANT_TURNS):
            rec = self.records[j]
            ent = chosen[j]
            if ent is None or ent is self._exclude or ent is self._addressed or ent.kind != "person":
                continue
            if ent.guess_gender() == gender:
                # not when someone else of that gender is named in the narration since
                lo = bisect.bisect_left(self._starts, rec.span[1])
                hi = bisect.bisect_left(self._starts, qs)
                if hi - lo > _PARTICIPANT_NAMES:
                    return None
                for _s, _e, other in self.timeline[lo:hi]:
                    if other is not ent and other.guess_gender() == gender:
                        return None
                return ent
        return None

    def _turns_near(self, idx: int, step: int, count: int) -> Iterator[int]:
        """Fiction: the direct turns next to record ``idx``, before it (``step`` -1) or
        after it (1), at most ``count``, each at most ``_PARTICIPANT_GAP`` paragraphs
        from the one before."""
        assert self.layout is not None
        para = self.layout.paragraph_index
        here = para(self.records[idx].span[0])
        seen = 0
        j = idx + step
        while 0 <= j < len(self.records) and seen < count:
            rec = self.records[j]
            if rec.kind == "direct":
                there = para(rec.span[0])
                if abs(here - there) > _PARTICIPANT_GAP:
                    return
                here = there
                seen += 1
                yield j
            j += step

    def _present(self, idx: int, starts: List[int]) -> Optional[_Entity]:
        """Fiction: the person last named in the narration of record ``idx``'s paragraph
        other than its speaker ("“Who is for lunch?” said Tom. Nell sat down." | “…”:
        Nell answers; "she said to Mr. Hale:" | “…”: Mr. Hale answers)."""
        if self.layout is None:
            return None
        ps, pe = self.layout.paragraph(self.records[idx].span[0])
        inside: List[Tuple[int, int]] = []
        for j in range(max(0, idx - _PRESENT_QUOTES), min(len(self.records), idx + _PRESENT_QUOTES)):
            qs, qe = self.records[j].span
            if qs < pe and qe > ps:
                inside.append((qs, qe))
        lo = bisect.bisect_left(starts, ps)
        hi = bisect.bisect_left(starts, pe)
        for k in range(hi - 1, max(lo, hi - _PRESENT_NAMES) - 1, -1):
            s, _e, ent = self.timeline[k]
            if any(qs <= s < qe for qs, qe in inside):
                continue
            if (ent is self._exclude or ent.kind != "person" or self._place_like(ent) or self._thing_like(ent)):
                continue
            return ent
        return None

    def _led_in(self, idx: int) -> bool:
        """Fiction: the paragraph before record ``idx``'s ends its narration with a colon
        or a comma ("…,” she replied, suddenly exclaiming, | “…”): a lead-in to it."""
        assert self.layout is not None
        pi = self.layout.paragraph_index(self.records[idx].span[0])
        if pi == 0:
            return False
        ps, pe = self.layout.paragraphs[pi - 1]
        end = self.text[max(ps, pe - 8) : pe].rstrip(" \t\r\n-\N{EM DASH}")
        return end.endswith((":", ",")) and not self._quotes.covers(pe - 1)

    def _opens_run(self, idx: int) -> bool:
        """Fiction: record ``idx`` is a direct quotation whose paragraph follows one with
        no direct quotation (the first turn of a run of dialogue)."""
        assert self.layout is not None
        para = self.layout.paragraph_index
        j = self._direct_before(idx)
        return j < 0 or para(self.records[j].span[1] - 1) < para(self.records[idx].span[0]) - 1

    def _previous_turn(self, idx: int, chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
        """In fiction, the speaker of the dialogue turn just before record ``idx``."""
        if self.genre != "fiction" or idx == 0 or self.layout is None:
            return None
        here = self.layout.paragraph_index(self.records[idx].span[0])
        there = self.layout.paragraph_index(self.records[idx - 1].span[1] - 1)
        return chosen[idx - 1] if here == there + 1 else None

    def _direct_before(self, idx: int) -> int:
        """The index of the last quotation before record ``idx`` that is not reported
        speech (reported speech in the narration between is no turn), -1 if none within
        ``_TURN_LOOKBACK`` records."""
        j = idx - 1
        while j >= 0 and idx - j <= _TURN_LOOKBACK and self.records[j].kind == "indirect":
            j -= 1
        return j if j >= 0 and self.records[j].kind != "indirect" else -1

    def _relative(self, m: Mention, starts: List[int]) -> Optional[_Entity]:
        """ "her father", "his wife": a relative of the person the possessive points to."""
        words = self.text[m.start : m.end].split()
        kin = _lexicons.rows("kinship_words")
        if len(words) != 2 or words[0].lower() not in ("his", "her", "their"):
            return None
        head = words[1].lower()
        row = next((r for r in kin if r[0] == head), None)
        if row is None:
            return None
        if self._kin_named is None:
            self._kin_named = self._learn_kin()
        named = self._kin_named.get(head)
        gender = row[1] if row[1] in ("m", "f") else None
        pg = {"his": "m", "her": "f"}.get(words[0].lower())
        ranked: List[_Entity] = []
        has: FrozenSet[int] = frozenset()
        if self.genre == "fiction":
            # the people of the relative's sex present now: one the text calls such a
            # relative (its apposition, "Aunt Kitty", "Mrs. Hale … her niece") is it
            ties, owners = self._kin_ties()
            has = owners.get(head, frozenset())
            ranked = self._present_people(m.start, gender, starts)
            # not the one who spoke just before when the text gives them such a relative:
            # theirs is likely meant ("Kitty … her sister" and "Nell … her sister")
            prev = (self._exclude if self._exclude is not None and self._exclude.guess_gender() == pg
                    and id(self._exclude) in has else None)
            called = self._called(self._idx, gender) if self._idx is not None and gender else None
            if called is not None and called.forms and (head in _SIBLINGS or id(called) in ties.get(head, ())):
                return called  # “Oh, Kitty, …” | “…,” replied her sister: the one called answers
            tied = [e for e in ranked if id(e) in ties.get(head, ()) and e is not prev]
            if tied:
                return tied[0]
        possessor = self._antecedent(m.start, pg, starts) if pg else None
        if self.genre == "fiction" and pg:
            # “…, Kitty,” said her aunt | “…,” said Kitty. “…,” said her aunt: "her" is the
            # one addressed, else the one who spoke the turn before
            for other in (self._addressed, self._exclude):
                if other is not None and other.kind == "person" and other.guess_gender() == pg:
                    possessor = other
                    break
        # the possessor's family name, when the text gives one ("Tom Hale", "Mr. Hale"; a
        # lone "Elizabeth" has none)
        family = (possessor.surname if possessor is not None
                  and (possessor.first or any(_honorific(t) for t in possessor.titles)) else None)
        if (family is not None and self.genre == "fiction" and possessor is not None and not possessor.first
                and family.capitalize() in _lexicons.mapping("first_names")):
            family = None  # "Miss Kitty": a given name, not the family's
        if named is not None and (self.genre != "fiction" or family is None or named.surname == family
                                  or row[2] != "same"):
            return named
        if self.genre == "fiction":
            ent = self._relative_of(m, head, row, gender, possessor, family, starts, ranked)
            if ent is not None and id(ent) in has:
                # one the text gives such a relative ("Kitty … her aunt") is not that relative
                ent = next((e for e in ranked if id(e) not in has and e is not ent), ent)
            return ent
        return self._relative_of(m, head, row, gender, possessor, family, starts, ranked)

    def _relative_of(self, m: Mention, head: str, row: Sequence[str], gender: Optional[str],
                     possessor: Optional[_Entity], family: Optional[str], starts: List[int],
                     ranked: List[_Entity]) -> Optional[_Entity]:
        """ "her father" of ``possessor``: the one of its family name and the relative's
        courtesy title (in fiction those present first: ``ranked``), else the person of
        the relative's sex most present."""
        if row[2] != "same":
            if head in _AUNT_UNCLE and ranked:
                # "said her uncle" with a married couple present: the husband (the wife for
                # "her aunt") of that couple
                mine = "Mr" if gender == "m" else "Mrs"
                other = "Mrs" if mine == "Mr" else "Mr"
                around = self._present_people(m.start, None, starts)[:_PARENT_CANDIDATES * 2]
                for ent in ranked[:_PARENT_CANDIDATES]:
                    if ent is possessor or not ent.surname:
                        continue
                    if not any(t.split()[0].rstrip(".") == mine for t in ent.titles if t.split()):
                        continue
                    if any(e is not ent and e.surname == ent.surname and any(
                            t.split()[0].rstrip(".") == other for t in e.titles if t.split()) for e in around):
                        return ent
            return self._kin_present(m, gender, possessor, starts)
        courtesy = {"m": "Mr", "f": "Mrs"}.get(gender or "")
        best: Optional[_Entity] = None
        couples: Optional[FrozenSet[str]] = None  # the same for every entity below
        present = {id(e) for e in ranked[:_PARENT_CANDIDATES]}
        for ent in self.entities:
            if ent.kind != "person" or ent is possessor:
                continue
            g = ent.guess_gender()
            if gender and g and g != gender:
                continue
            if family is not None and ent.surname != family:
                continue
            if family is None:
                if head not in ("father", "mother", "papa", "mamma", "husband", "wife"):
                    continue
                if couples is None:
                    couples = self._couples()
                if ent.surname not in couples:
                    continue
            if courtesy and head in ("father", "mother", "papa", "mamma", "husband", "wife"):
                if not any(t.rstrip(".") == courtesy for title in ent.titles for t in title.split()):
                    continue
            if best is None or self._parent_rank(ent, head, family, present) > self._parent_rank(
                    best, head, family, present):
                best = ent
        if (best is None and self.genre == "fiction" and possessor is not None and courtesy
                and head in _PARENT_OR_SPOUSE and possessor.guess_gender() == gender
                and any(t.rstrip(".") == courtesy for title in possessor.titles for t in title.split())):
            # "said her mother" where the woman most present is a "Mrs.": she is the
            # mother, not the one whose mother is meant
            return possessor
        if best is None and courtesy and head in _PARENTS:
            # no household to go by: the first of those present with a parent's title
            best = next((e for e in ranked[:_PARENT_CANDIDATES] if e is not possessor and any(
                t.rstrip(".") == courtesy for title in e.titles for t in title.split())), None)
        return best if best is not None else self._kin_present(m, gender, possessor, starts)

    def _kin_ties(self) -> Tuple[Dict[str, Set[int]], Dict[str, FrozenSet[int]]]:
        """Fiction: who the text calls whose relative, as kinship words: ``ties[w]`` are
        the people called a ``w`` ("her aunt, Mrs. Hale", "Aunt Kitty", and "Mrs. Hale
        looked at her niece": an aunt), ``owners[w]`` those said to have one ("Kitty
        found her aunt"). Learned once, one look back from each "his/her <kin>" of the
        narration to the name just before it in its sentence: linear in the text."""
        if self._ties is not None:
            return self._ties
        ties: Dict[str, Set[int]] = {}
        owners: Dict[str, Set[int]] = {}
        gender_of = _lexicons.mapping("kinship_words")
        if self._kin_named is None:
            self._kin_named = self._learn_kin()
        for head, ent in self._kin_named.items():
            ties.setdefault(head, set()).add(id(ent))
        for ent in self.entities:
            if ent.kind != "person" or not ent.forms:
                continue
            for title, name in ent.forms:
                w = (title or name).split()[0].rstrip(".").lower()
                if w in gender_of and len(name.split()) >= (1 if title else 2):
                    ties.setdefault(w, set()).add(id(ent))  # "Aunt Kitty"
        text = self.text
        starts = self._starts
        for km in _POSSESSED_KIN.finditer(text):
            s = km.start()
            if self._quotes.covers(s):
                continue
            i = bisect.bisect_left(starts, s) - 1
            if i < 0:
                continue
            ns, ne, ent = self.timeline[i]
            if s - ne > _KIN_OWNER_GAP or ent.kind != "person" or _SENTENCE_BREAK.search(text, ne, s):
                continue
            pg = "m" if km.group(1).lower() == "his" else "f"
            if ent.guess_gender() != pg:
                continue
            head = km.group(2).lower()  # "his daughters" as "his daughter"
            owners.setdefault(head, set()).add(id(ent))
            other = _KIN_INVERSE.get(head)
            if other is not None:
                ties.setdefault(other[0 if pg == "m" else 1], set()).add(id(ent))
        # the same relative by another word, and the spouse of a tied Mr./Mrs. as the
        # counterpart ("Mrs. Hale", an aunt: "Mr. Hale" an uncle)
        by_id = {id(e): e for e in self.entities}
        courtesy: Dict[Tuple[str, str], List[_Entity]] = {}
        for ent in self.entities:
            if ent.kind == "person" and ent.surname:
                for t in {t.split()[0].rstrip(".") for t in ent.titles if t.split()}:
                    if t in ("Mr", "Mrs"):
                        courtesy.setdefault((t, ent.surname), []).append(ent)
        for word, (same, spouse) in _KIN_COUNTERPART.items():
            for i in list(ties.get(word, ())):
                ties.setdefault(same, set()).add(i)
                ent = by_id[i]
                mine = "Mr" if gender_of.get(word) == "m" else "Mrs"
                if not any(t.split()[0].rstrip(".") == mine for t in ent.titles if t.split()):
                    continue
                partners = courtesy.get(("Mrs" if mine == "Mr" else "Mr", ent.surname), [])
                if len(partners) == 1:
                    ties.setdefault(spouse, set()).add(id(partners[0]))
        self._ties = (ties, {k: frozenset(v) for k, v in owners.items()})
        return self._ties

    def _present_people(self, pos: int, gender: Optional[str], starts: List[int]) -> List[_Entity]:
        """Fiction: the named people of ``gender`` mentioned or speaking in the recent
        text, most present first (the weights of ``_salient``), never the one addressed."""
        scores: Dict[int, float] = {}
        ents: Dict[int, _Entity] = {}
        for d, ent, spk in self._recent(pos, starts, 5000, 80):
            if ent is self._addressed or not ent.forms or self._place_like(ent):
                continue
            if not spk and self._thing_like(ent):
                continue
            if gender is not None and ent.guess_gender() != gender:
                continue
            scores[id(ent)] = scores.get(id(ent), 0.0) + (2.0 if spk else 1.0) / (1.0 + d / 100.0)
            ents[id(ent)] = ent
        return [ents[k] for k in sorted(scores, key=lambda k: -scores[k])]

    def _companion(self, m: Mention, starts: List[int]) -> Optional[_Entity]:
        """Fiction: "said his friend", "asked my companion" (no tie to a name): the person
        most salient (else most present) other than the one whose friend is meant, who is
        the one the turn addresses, else the one who spoke the turn before, else the
        narrator for "my"."""
        words = self.text[m.start : m.end].lower().split()
        if len(words) not in (2, 3) or words[0] not in ("his", "her", "my") or words[-1] not in _COMPANIONS:
            return None
        pg = {"his": "m", "her": "f"}.get(words[0])
        owner: Optional[_Entity] = None
        for other in (self._addressed, self._exclude):
            if other is not None and other.kind == "person" and (pg is None or other.guess_gender() == pg):
                owner = other
                break
        if owner is None and pg is not None:
            owner = self._salient(m.start, pg, starts)
            if owner is None:
                return None
        saved = self._exclude
        self._exclude = owner
        ent = self._salient(m.start, None, starts)
        self._exclude = saved
        if ent is not None and ent.forms and ent is not saved:
            return ent
        return next((e for e in self._present_people(m.start, None, starts)[:_PAIR_TURNS + 1]
                     if e is not owner and e is not saved), None)

    def _aged_present(self, m: Mention, starts: List[int]) -> Optional[_Entity]:
        """Fiction: "the old man", "the young lady": of the few people of that sex most
        present, the first the narration calls "old"/"young" before the name ("old Mr.
        Hale", "young Tom")."""
        words = self.text[m.start : m.end].lower().split()
        gender = _GENERIC_PERSON.get(words[-1]) if len(words) >= 3 else None
        if gender is None or words[0] != "the" or words[-2] not in ("old", "young"):
            return None
        if self._roles is None:
            self._roles = self._learn_roles()
        aged = self._aged.get(words[-2], set())
        for ent in self._present_people(m.start, gender, starts)[:_AGED_CANDIDATES]:
            if id(ent) in aged and ent is not self._exclude:
                return ent
        return None

    def _parent_present(self, m: Mention, starts: List[int]) -> Optional[_Entity]:
        """Fiction: "the mother", "my father" (no possessor to follow): of the few people
        of that sex most present, the first who bears the courtesy title of a parent
        ("Mrs. Hale", "Mr. Hale")."""
        words = self.text[m.start : m.end].lower().split()
        if len(words) != 2 or words[0] not in ("the", "my", "our") or words[1] not in _PARENTS:
            return None
        gender = _lexicons.mapping("kinship_words").get(words[1])
        courtesy = {"m": "Mr", "f": "Mrs"}.get(gender or "")
        if courtesy is None:
            return None
        for ent in self._present_people(m.start, gender, starts)[:_PARENT_CANDIDATES]:
            if ent is self._exclude:
                continue
            if any(t.rstrip(".") == courtesy for title in ent.titles for t in title.split()):
                return ent
        return None

    def _parent_rank(self, ent: _Entity, head: str, family: Optional[str],
                     present: Optional[Set[int]] = None) -> Tuple[bool, bool, int]:
        """How likely ``ent`` is "her father" or "her mother" of someone: in fiction one of
        the few people of that sex most present (``present``) first; then, when the text
        does not give the family name, a couple with a daughter or son named by a "Miss"
        or "Master" (a household with children); then the one named most often."""
        children = False
        if family is None and head in ("father", "mother", "papa", "mamma"):
            children = any(
                other is not ent and any(t.split()[0].rstrip(".") in ("Miss", "Master") for t in other.titles)
                for other in self.by_surname.get(ent.surname, ()))
        return bool(present and id(ent) in present), children, self.counts.get(id(ent), 0)

    def _kin_present(self, m: Mention, gender: Optional[str], possessor: Optional[_Entity],
                     starts: List[int]) -> Optional[_Entity]:
        """Fiction: "said her aunt" with no aunt named as such: the named person of the
        relative's sex most present just before, other than the possessor."""
        if self.genre != "fiction" or gender is None or possessor is None:
            return None
        saved = self._exclude
        self._exclude = possessor
        ent = self._salient(m.start, gender, starts)
        self._exclude = saved
        if ent is None or ent.guess_gender() != gender or not ent.forms:
            return None
        return ent

    def _couples(self) -> FrozenSet[str]:
        """Family names that both a Mr. and a Mrs. bear in the text (a household)."""
        if self._couples_cache is not None and self._couples_cache[0] == len(self.entities):
            return self._couples_cache[1]
        found = self._find_couples()
        self._couples_cache = (len(self.entities), found)
        return found

    def _find_couples(self) -> FrozenSet[str]:
        mr: set[str] = set()
        mrs: set[str] = set()
        for ent in self.entities:
            if ent.kind != "person" or not ent.surname:
                continue
            for title in set(ent.titles):  # a title recurs with every mention
                t = title.split()[0].rstrip(".")
                (mr if t == "Mr" else mrs if t == "Mrs" else set()).add(ent.surname)
        return frozenset(mr & mrs)

    def _learn_kin(self) -> Dict[str, _Entity]:
        """Relatives the text names in apposition: "her uncle, Mr. Gardiner"."""
        out: Dict[str, _Entity] = {}
        for km in _kin_appositions(self.text):
            name_span = km.span("name1") if km.group("name1") else km.span("name2")
            head = (km.group("kin1") or km.group("kin2")).lower()
            m = _mentions.describe(self.text, *name_span)
            if m.form == "name" and m.kind == "person":
                ent = self._known_person(m)
                row = next((r for r in _lexicons.rows("kinship_words") if r[0] == head), None)
                g = ent.guess_gender() if ent is not None else None
                if ent is not None and row is not None and g in ("m", "f") and row[1] in ("m", "f") and g != row[1]:
                    continue  # "Mr. Collins, her mother ...": not an apposition
                if ent is not None:
                    out.setdefault(head, ent)
        return out

    def _one_of_pair(self, idx: int, m: Mention, own: Optional[_Entity],
                     chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
        """Fiction: a description tag of known sex ("said the old man") in a conversation
        of two named people (the turns just before and after it), of whom exactly one is
        of that sex: that one."""
        if self.layout is None:
            return None
        g = m.gender or _GENERIC_PERSON.get(m.head or "") or (own.gender if own is not None else None)
        if g is None:
            g = _lexicons.mapping("kinship_words").get(m.head or "")
        if g not in ("m", "f"):
            return None
        if own is None or not own.forms:
            called = self._called(idx, g)
            if called is not None and called.forms and called.guess_gender() == g:
                return called  # “George, tell them!” | “…,” said the son: the one called answers
        people: Dict[int, _Entity] = {}
        for step in (-1, 1):
            for j in self._turns_near(idx, step, _PAIR_TURNS):
                ent = chosen[j]
                if ent is not None and ent.kind == "person" and ent.forms:
                    people[id(ent)] = ent
        if len(people) != 2:
            return None
        fits = [e for e in people.values() if e.guess_gender() == g]
        others = [e for e in people.values() if e.guess_gender() not in (None, g)]
        if len(fits) == 1 and len(others) == 1 and fits[0] is not self._addressed:
            return fits[0]
        return None

    def _role(self, m: Mention) -> Optional[_Entity]:
        """Fiction: the named person a definite description ("the curate", "his friend",
        "the old sailor") stands for when the text ties the two earlier on: in apposition
        ("Mr. Hale, the curate," / "the curate, Mr. Hale"), as a predicate ("Mr. Hale was
        the curate", "Mr. Hale, who was a curate") or as a possessive role ("his friend
        Tom"). The whole description is matched first, then its head word (never a
        head as plain as "man" or "girl"); the latest such tie before it wins."""
        if self._roles is None:
            self._roles = self._learn_roles()
        words = self.text[m.start : m.end].lower().split()
        if len(words) < 2 or words[0] not in _ROLE_DETERMINERS:
            return None
        keys = [" ".join(words)] if words[0] in _POSSESSIVES else []  # "his friend" as "his friend Tom"
        if len(words) > 2 or not (words[1] in _GENERIC_PERSON or words[1] in _PLAIN_HEADS):
            keys.append(" ".join(words[1:]))  # "the man": too plain to follow a tie
        if m.head and m.head not in _GENERIC_PERSON and m.head not in _PLAIN_HEADS and m.head not in keys:
            keys.append(m.head)
        for key in keys:
            links = self._roles.get(key)
            if not links:
                continue
            i = bisect.bisect_left(links[0], m.start) - 1
            while i >= 0:
                ent = links[1][i]
                if ent is not self._addressed and ent is not self._exclude:
                    # the one so described, while still in the story: a tie to someone
                    # the text has long stopped naming is not followed ("Mr. Jaffers, the
                    # constable" a hundred pages before another constable speaks)
                    j = bisect.bisect_left(ent.mentions, (m.start, -1)) - 1
                    if j >= 0 and m.start - ent.mentions[j][0] <= _ROLE_GONE:
                        return ent
                    return None
                i -= 1
        return None

    def _learn_roles(self) -> Dict[str, Tuple[List[int], List[_Entity]]]:
        """Fiction: descriptions tied to the person names of the narration (see ``_role``),
        one look either side of each name: linear in the text."""
        out: Dict[str, Tuple[List[int], List[_Entity]]] = {}
        heads = _role_heads()
        text = self.text
        for s, e, ent in self.timeline:
            if ent.kind != "person" or not ent.forms:
                continue
            found: List[str] = []
            am = _ROLE_APPOSITION.match(text, e, min(len(text), e + 80))
            if am is not None:
                words = am.group("desc").split()
                if am.group("pred") is not None:
                    k = next((k for k, w in enumerate(words) if w in heads), -1)
                    if k >= 0:
                        found.append(" ".join(words[: k + 1]))
                elif am.group("end") is not None and words[-1] in heads:
                    # an apposition ends with the description: "Mr. Hale, the curate, …"
                    found.append(" ".join(words))
            pm = _ROLE_PREDICATE.match(text, e, min(len(text), e + 80))
            if pm is not None:
                words = pm.group("desc").split()
                k = next((k for k, w in enumerate(words) if w in heads), -1)
                if k >= 0:
                    found.append(" ".join(words[: k + 1]))
            bm = _ROLE_BEFORE.search(text, max(0, s - 60), s)
            if bm is not None:
                words = bm.group("desc").split()
                if len(words) > 1 and words[-1] in ("himself", "herself"):
                    words = words[:-1]  # "the painter himself, Tom Hale"
                if words[-1] in heads:
                    det = bm.group("det").lower()
                    found.append((det + " " if det in _POSSESSIVES else "") + " ".join(words))
            em = _AGE_EPITHET.search(text, max(0, s - 8), s)
            if em is not None:
                # "old Mr. Hale", "young Tom": the old man, the young man (when present)
                self._aged.setdefault(em.group(1).lower(), set()).add(id(ent))
            for desc in found:
                words = desc.split()
                plain = words[-1] in _GENERIC_PERSON or words[-1] in _PLAIN_HEADS
                keys = {desc} if len(words) > 1 or not plain else set()
                if words[0] in _POSSESSIVES:
                    keys.add(" ".join(words[1:]) if len(words) > 2 or not plain else desc)
                if not plain:
                    keys.add(words[-1])
                for key in keys:
                    pos, ents = out.setdefault(key, ([], []))
                    pos.append(s)
                    ents.append(ent)
        return out

    def _issuer(self, m: Mention) -> Optional[_Entity]:
        """Who issued a document: "a report by the New York Times", "the Times report"."""
        phrase = self.text[m.start : m.end]
        by = _ISSUED_BY.search(phrase)
        if by is not None:
            s = m.start + by.start("name")
            e = m.start + by.end("name")
        else:
            lead = _NAME_BEFORE_HEAD.match(phrase)
            if lead is None:
                return None
            s = m.start + lead.start("name")
            e = m.start + lead.end("name")
        im = _mentions.describe(self.text, s, e)
        if im.form != "name":
            return None
        ent = self._entity_for_name(im, s)
        if (s, e) not in ent.mentions:
            bisect.insort(ent.mentions, (s, e))
        return ent

    def _known_person(self, m: Mention) -> Optional[_Entity]:
        """The person entity a name refers to, if the text already has one (no new entity)."""
        m = self._alias(m)
        toks = _name_tokens(m.name or "")
        if not toks:
            return None
        last = toks[-1].lower()
        cands = [e for e in self.by_surname.get(last, [])]
        if not cands:
            cands = [e for e in self.entities if e.kind == "person" and e.first == last]
        if len(cands) == 1:
            if m.title and _honorific(m.title) and _honorific_conflict(m.title, self._distinct_titles(cands[0])):
                return None  # "Mrs. Collins" addressed is not Mr. Collins
            return cands[0]
        if cands and m.title:
            for e in cands:
                if not _honorific_conflict(m.title, self._distinct_titles(e)):
                    return e
        return None

    def _resolve_mention(self, m: Mention, starts: List[int]) -> Optional[_Entity]:
        if self.genre == "fiction" and m.form in ("name", "description") and not m.plural and self._bare_honorific(m):
            # "said Mademoiselle", "said the Duchess": a person, the one the text calls so
            m = Mention(m.start, m.end, "description", "person", m.gender, False, None, m.title,
                        m.head.rstrip("."), True)
        if (self.genre == "fiction" and m.form == "name"
                and " ".join(self.text[m.start : m.end].lower().split()) in _STYLES):
            # "said her Ladyship": a style, not a name (the person so titled, below)
            m = Mention(m.start, m.end, "description", "person", None, False, None, None, m.head, True)
        if m.form == "name":
            return self._entity_for_name(m, m.start)
        if m.form == "pronoun":
            if m.person == 1 and not m.plural:
                ent = self.by_key.get("narrator:") or self._new("narrator:", "narrator")
                ent.names.append("narrator")
                return ent
            if m.person != 3 or m.plural or m.gender is None:
                return self._own(m)
            # an unresolved "he" stays a speaker mention without a source
            return self._antecedent(m.start, m.gender, starts)
        # descriptions
        rel = self._relative(m, starts)
        if rel is not None:
            return rel
        if self.genre == "fiction" and m.kind == "person" and m.definite and not m.plural:
            role = self._role(m)
            if role is not None:
                return role
            parent = self._parent_present(m, starts)
            if parent is not None:
                return parent
            aged = self._aged_present(m, starts)
            if aged is not None:
                return aged
            partner = self._companion(m, starts)
            if partner is not None:
                return partner
        styled = _STYLES.get(" ".join(self.text[m.start : m.end].lower().split()))
        if styled is not None:
            # "her ladyship", "his lordship": the person with such a title most present
            seen: Dict[int, Tuple[int, int]] = {}
            found: Dict[int, _Entity] = {}
            for d, ent, _spk in self._recent(m.start, starts, 5000, 80):
                if any(w.rstrip(".").lower() in styled for t in ent.titles for w in t.split()):
                    n, near = seen.get(id(ent), (0, d))
                    seen[id(ent)] = (n + 1, min(near, d))
                    found[id(ent)] = ent
            if found:
                return found[max(seen, key=lambda k: (seen[k][0], -seen[k][1]))]
        if m.kind == "document":
            issuer = self._issuer(m)
            if issuer is not None:
                self._last_issuer = issuer
                return issuer
            if m.definite and self._last_issuer is not None:
                return self._last_issuer  # "the report": the one just named
        if m.definite and m.kind in ("person", "organization", "media", "document") and not (
                self.genre == "fiction" and m.head in _GENERIC_PERSON):
            # (fiction: "the man", "the lady" are anyone's, not "the Invisible Man"'s or
            # "Lady Russell"'s: the person of that sex most present, below)
            latest = self._latest_with_head(m, starts)
            if latest is not None:
                return latest
        if (self.genre == "fiction" and m.definite and m.kind == "person" and m.head in _GENERIC_PERSON
                and self.text[m.start : m.end].split()[0].lower() == "the"):
            # "the girl", "the young man": the person of that sex most present just now
            g = _GENERIC_PERSON[m.head]
            present = self._salient(m.start, g, starts)
            introduced = _INTRODUCED.get(m.head)
            if introduced is None:
                introduced = _INTRODUCED[m.head] = regex.compile(
                    r"(?<![\p{L}])(?:an?|some|another)[^\S\n]+(?:[\p{L}\-]+[^\S\n]+){0,2}" + m.head + r"(?![\p{L}])",
                    regex.IGNORECASE)
            if (present is not None and present.guess_gender() == g
                    and introduced.search(self.text, max(0, m.start - 1500), m.start) is None):
                return present  # unless "an old man" has just come in: "the old man" is he
        if m.kind == "person" and not m.definite:
            m = Mention(m.start, m.end, m.form, "anonymous", m.gender, m.plural, m.name, m.title, m.head, False)
        return self._own(m)

    def _bare_honorific(self, m: Mention) -> bool:
        """The phrase is an honorific alone, capitalised: "Mademoiselle", "the Duchess"."""
        words = self.text[m.start : m.end].split()
        if words and words[0].lower() == "the":
            words = words[1:]
        return (len(words) == 1 and words[0][:1].isupper()
                and _lexicons.mapping("honorifics").get(words[0].rstrip(".")) is not None)

    def _own(self, m: Mention) -> _Entity:
        text = self.text
        phrase = text[m.start : m.end]
        kind = m.kind
        if m.form == "pronoun":
            kind = "unknown"
        if kind in ("anonymous", "unknown") and m.form != "pronoun":
            ent = self._new(f"{kind}@{m.start}", kind)
        else:
            key = f"{kind}:{phrase.lower()}"
            ent = self.by_key.get(key) or self._new(key, kind)
        ent.names.append(_strip_det(phrase))
        if m.title:
            ent.titles.append(m.title)
        if m.form != "pronoun" and not ent.gender:
            # "the old woman", "my mother": the description gives the sex
            g = m.gender or _lexicons.mapping("kinship_words").get(m.head or "")
            if g in ("m", "f"):
                ent.gender = g
        self._touched.append(ent)
        return ent

    def _recent(self, pos: int, starts: List[int], window: int, limit: int) -> List[Tuple[int, _Entity, bool]]:
        """Person mentions before ``pos``, nearest first: (distance, entity, is_speaker)."""
        out: List[Tuple[int, _Entity, bool]] = []
        i = bisect.bisect_left(starts, pos) - 1
        while i >= 0 and len(out) < limit:
            s, e, ent = self.timeline[i]
            i -= 1
            if pos - s > window:
                break
            if e <= pos:
                out.append((pos - s, ent, False))
        j = bisect.bisect_left(self.spoken_at, pos) - 1
        n = 0
        while j >= 0 and n < limit:
            at, ent = self.spoken[j]
            j -= 1
            if pos - at > window:
                break
            out.append((pos - at, ent, True))
            n += 1
        out.sort(key=lambda t: t[0])
        return out

    def _antecedent(self, pos: int, gender: str, starts: List[int]) -> Optional[_Entity]:
        if self.genre == "fiction":
            return self._salient(pos, gender, starts)
        for _d, ent, _spk in self._recent(pos, starts, 3000, 40):
            if ent is self._exclude or ent is self._addressed:
                continue
            g = ent.guess_gender()
            if g is None or g == gender:
                return ent
        return None

    def _salient(self, pos: int, gender: Optional[str], starts: List[int]) -> Optional[_Entity]:
        """Fiction: the person of agreeing gender most present in the recent text.

        In a conversation the pronoun in "said he" rarely names the last man mentioned
        in passing; it names one of the people talking. A pronoun never names a lone
        name of unknown sex (often a place) that has not spoken. Each recent mention (names in
        narration, earlier speakers) adds weight that decays quickly with distance
        (half at 100 characters), plus a little for how often the text names them.
        """
        scores: Dict[int, float] = {}
        ents: Dict[int, _Entity] = {}
        for d, ent, spk in self._recent(pos, starts, 5000, 80):
            if ent is self._exclude or ent is self._addressed or self._place_like(ent):
                continue
            if not spk and self._thing_like(ent):
                continue
            g = ent.guess_gender()
            if gender is not None and g is not None and g != gender:
                continue
            if gender is not None and g is None and not spk and (not ent.first or self.placed.get(id(ent), 0) > 0):
                continue  # "she": not a lone name of no known sex ("Nebraska", "Bistritz") that has not spoken
            w = 1.0 / (1.0 + d / 100.0) * (1.5 if g == gender else 1.0)
            if not spk and self._talked_about(ent):
                w *= _NEVER_SUBJECT_WEIGHT  # never the subject of a clause, only talked about: "a letter from Jane"
            if id(ent) not in scores:
                scores[id(ent)] = 0.1 * math.log1p(self.counts.get(id(ent), 0))
            scores[id(ent)] += w
            ents[id(ent)] = ent
        if not scores:
            return None
        return ents[max(scores, key=lambda k: scores[k])]

    def _thing_like(self, ent: _Entity) -> bool:
        """Fiction: a name the text uses at least twice, never as a clause's subject,
        with no honorific and no given name ("Pemberley", "Windy Corner"): a place or
        a thing rather than someone who talks."""
        return self._talked_about(ent) and ent.named == [0, 0] and not any(_honorific(t) for t in ent.titles)

    def _talked_about(self, ent: _Entity) -> bool:
        """Fiction: named at least twice and never as the subject of a clause."""
        return self._subject_count.get(id(ent), 0) == 0 and self.counts.get(id(ent), 0) >= 2

    def _place_like(self, ent: _Entity) -> bool:
        """Fiction: a name mostly written after 'in', 'at', 'near' ("in Hartwell",
        "at Hartwell", "went to Hartwell") is a place, whatever its pronoun votes say; it
        never speaks. A name with an honorific or a rank ("to Mrs. Pell") is a person."""
        placed = self.placed.get(id(ent), 0)
        if not (placed > 0 and 2 * placed >= self.counts.get(id(ent), 0)):
            return False
        hons = _lexicons.mapping("honorifics")
        return not any(hons.get(w) is not None for t in ent.titles for w in t.split())

    def _latest_with_head(self, m: Mention, starts: List[int]) -> Optional[_Entity]:
        """The entity whose name or title has the description's head word ("the
        minister", "the ministry") and which was mentioned last before it."""
        head = m.head
        if m.kind == "media" and head in ("outlet", "newspaper", "paper", "network", "broadcaster", "channel"):
            cands = [e for e in self._by_kind.get("media", ())]
        else:
            self._refresh_index()
            cands = self._by_word.get(head, [])
        best: Optional[_Entity] = None
        best_pos = -1
        for ent in cands:
            if ent.kind != m.kind and not (m.kind == "media" and ent.kind in ("media", "organization")):
                continue
            i = bisect.bisect_left(ent.mentions, (m.start, -1)) - 1
            pos = ent.mentions[i][0] if i >= 0 else -1
            if pos > best_pos:
                best, best_pos = ent, pos
        return best

    def _refresh_index(self) -> None:
        """Index entities by the words of their names and titles (only those touched)."""
        for ent in self._touched:
            version = (len(ent.names), len(ent.titles))
            if self._index_version.get(id(ent)) == version:
                continue
            self._index_version[id(ent)] = version
            for w in ent.words():
                lst = self._by_word.setdefault(w, [])
                if ent not in lst:
                    lst.append(ent)
        self._touched = []


_SUBJECT_BEFORE = regex.compile(r"(?:\A|[.!?;:\n\N{EM DASH}][\"'”’]?|,[^\S\n]+(?:and|but|then|while|when|as))"
                                r"(?:[^\S\n]*(?:and|but|then|And|But|Then|the|The|old|young|little|poor))*[^\S\n\"'“‘(]*\Z")
_NEVER_SUBJECT_WEIGHT = 0.1
_STYLES = {"her ladyship": frozenset({"lady", "duchess", "countess", "marchioness", "baroness"}),
           "his lordship": frozenset({"lord", "duke", "earl", "marquis", "baron", "viscount"}),
           "her grace": frozenset({"duchess"}), "his grace": frozenset({"duke", "archbishop"})}
_OWNER_GENDER = {"his": "m", "her": "f"}
# fiction: a speaker's own voice, reply or body part as the tag's subject ("came his low
# voice", "His lips trembled"); the noun must be in ``data/utterance_owners.txt``
_OWN_VOICE = regex.compile(r"([Hh]is|[Hh]er)(?:\s{1,3}[\p{Ll}\-]+)?\s{1,3}(\p{L}+)")
# fiction: a voice of nobody named ("said a voice", "came a low voice behind", "the face")
_UNOWNED_DETERMINERS = frozenset("a an one the".split())
# fiction: somebody's voice ("the Rabbit's voice", "Tom's low voice"): group 1 is the owner
_HELD_VOICE = regex.compile(r"((?:[Tt]he\s{1,3})?\p{Lu}[\p{L}.\-]*(?:\s{1,3}\p{Lu}[\p{L}.\-]*){0,2})['’]s?"
                            r"(?:\s{1,3}[\p{Ll}\-]+)?\s{1,3}(\p{Ll}+)")


def _utterance_owners() -> FrozenSet[str]:
    return _lexicons.words("utterance_owners")


_PLACE_BEFORE = regex.compile(r"(?<![\w'’])(?:in|at|near|into|to|towards?|through|from)[^\S\n]+(?:the[^\S\n]+)?\Z",
                              regex.IGNORECASE)
# fiction: "Mr. Pell of Brackley", "Josiah Pell of Brackley": the name after "of" is where a person is from
_HOME_BEFORE = regex.compile(r"(?<![\p{L}.])(?:" + _SHORT_HONORIFIC + r"|\p{Lu}\p{Ll}+)[^\S\n]+\p{Lu}\p{Ll}+[^\S\n]+of[^\S\n]+\Z")
_SELF_INTRO = regex.compile(
    r"(?<![\p{L}])(?:I\s{1,3}am|I['’]m|[Mm]y\s{1,3}name\s{1,3}is)\s{1,3}"
    r"(?P<name>\p{Lu}[\p{Ll}'’\-]+(?:(?:[^\S\n]{1,3}|[^\S\n]{0,3}\n[^\S\n]{0,3})\p{Lu}[\p{Ll}'’\-]+){0,2})"
    r"(?=\s{0,3}[,.!;?\N{EM DASH}]|\s*\Z)")
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_DATE_BEFORE = regex.compile(
    r"(?:(?<![\p{L}\d])\d{1,2}(?:st|nd|rd|th)?\.?[^\S\n]+(?:of[^\S\n]+)?"
    r"|(?<![\p{L}])(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\p{L}+teenth"
    r"|twentieth|thirtieth|\p{L}+-(?:first|second|third|\p{L}+th))[^\S\n]+of[^\S\n]+)\Z", regex.IGNORECASE)
_DATE_AFTER = regex.compile(r",?[^\S\n]*\d")
# endings of demonyms ("Italian", "Chinese", "English", "Icelandic", "Israeli"; "ian" ends in "an")
_DEMONYM_ENDS = ("an", "ese", "ish", "ic", "i")


_RELATIVE_PRONOUNS = frozenset("which that who".split())
# fiction: kinship ties of the narration (``Resolver._kin_ties``): "his/her <kin>" and
# how far after the name it follows in its sentence
_POSSESSED_KIN = regex.compile(r"(?<![\p{L}])([Hh]is|[Hh]er)[^\S\n]+(uncle|aunt|father|mother|papa|mamma|husband|wife"
                               r"|sister|brother|son|daughter|niece|nephew)s?(?![\p{L}'’])")
_KIN_OWNER_GAP = 60
_SENTENCE_BREAK = regex.compile(r"[.!?;\"“”\n]")
# what one is to those who have one as such a relative: (if a man, if a woman)
_KIN_INVERSE = {"niece": ("uncle", "aunt"), "nephew": ("uncle", "aunt"), "aunt": ("nephew", "niece"),
                "uncle": ("nephew", "niece"), "father": ("son", "daughter"), "mother": ("son", "daughter"),
                "papa": ("son", "daughter"), "mamma": ("son", "daughter"), "son": ("father", "mother"),
                "daughter": ("father", "mother"), "husband": ("husband", "wife"), "wife": ("husband", "wife"),
                "sister": ("brother", "sister"), "brother": ("brother", "sister")}
# a relative's other word and the spouse's word (``Resolver._kin_ties``)
_KIN_COUNTERPART = {"aunt": ("aunt", "uncle"), "uncle": ("uncle", "aunt"), "mother": ("mamma", "father"),
                    "mamma": ("mother", "papa"), "father": ("papa", "mother"), "papa": ("father", "mamma")}
_PARENTS = frozenset("father mother papa mamma".split())
_AUNT_UNCLE = frozenset(["aunt", "uncle"])
_SIBLINGS = frozenset(["sister", "brother"])
_COMPANIONS = frozenset(["friend", "companion"])
_AGED_CANDIDATES = 3  # "the old man": the people of his sex most present looked at
_PARENT_CANDIDATES = 3  # "the mother": the people of her sex most present looked at
_PARENT_OR_SPOUSE = frozenset("father mother papa mamma husband wife".split())
# fiction: descriptions tied to a name (``Resolver._role``)
_ROLE_GONE = 30000  # fiction: characters since a person was last named after which a tie to a role lapses
_ROLE_DETERMINERS = frozenset("the his her their my our".split())
# heads too plain to stand for one person on their own; with their modifiers they may
_PLAIN_HEADS = frozenset("person people one friend companion stranger figure voice visitor".split())
# a space between words, a line break of the paragraph included ("the painter\nhimself")
_WRAP = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"
_ROLE_WORDS = r"(?P<desc>[\p{Ll}\-]+(?:" + _WRAP + r"[\p{Ll}\-]+){0,2})"
_ROLE_APPOSITION = regex.compile(
    r"," + _WRAP + r"(?:(?P<pred>who" + _WRAP + r"(?:was|is))" + _WRAP + r")?(?:the|an?)" + _WRAP + _ROLE_WORDS
    + r"(?P<end>[^\S\n]*[,;.:!?])?")
_ROLE_PREDICATE = regex.compile(_WRAP + r"(?:was|is)" + _WRAP + r"(?:the|an?)" + _WRAP + _ROLE_WORDS)
_POSSESSIVES = frozenset("his her their my our".split())
_ROLE_BEFORE = regex.compile(r"(?<![\p{L}])(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)" + _WRAP + _ROLE_WORDS + r",?" + _WRAP + r"\Z")
_ROLE_HEADS: List[FrozenSet[str]] = []


def _role_heads() -> FrozenSet[str]:
    """Words that end a description of a person: person words, titles and kinship nouns."""
    if not _ROLE_HEADS:
        _ROLE_HEADS.append(_lexicons.words("person_words") | _lexicons.words("titles")
                           | _lexicons.first_field("kinship_words") | frozenset(["friend", "companion"]))
    return _ROLE_HEADS[0]


def _relative_antecedent(text: str, pos: int) -> Optional[Tuple[int, int]]:
    """The noun phrase a relative pronoun at ``pos`` stands for: the one just before it
    ("the union, which …"), within its sentence."""
    b = pos
    while b > 0 and text[b - 1] in " \t":
        b -= 1
    if b > 0 and text[b - 1] == ",":
        b -= 1
    lo = max(0, b - 200)
    for ch in ".!?\n":
        lo = max(lo, text.rfind(ch, lo, b) + 1)
    return _mentions.subject_before(text, b, lo)


def _adjectival(text: str, s: int, e: int) -> bool:
    """A capitalised modifier, not a person: "the South American state", "Venezuelan officers"."""
    if text[max(0, s - 4) : s] == "the ":
        return True
    after = text[e : e + 2]
    if not (len(after) == 2 and after[0] == " " and after[1].islower() and text.endswith(_DEMONYM_ENDS, s, e)):
        return False
    # one word, and not a given name: "Buck Mulligan frowned" and "Julian smiled" are people
    word = text[s:e]
    return not any(c.isspace() for c in word) and word not in _lexicons.mapping("first_names")


_THE_NOUN = regex.compile(r"[Tt]he(?:[^\S\n]+[\p{Ll}\-]+){1,3}")


def _described_head(text: str, start: int, end: int) -> Optional[Tuple[int, int]]:
    """A clause opening "The (old) girl <verb>…": the description before the verb,
    when its last word is a word for a person ("girl", "clerk", "mother")."""
    m = _THE_NOUN.match(text, start, end)
    if m is None:
        return None
    words = text[m.start() : m.end()].split()
    heads = _lexicons.words("person_words") | _lexicons.words("titles") | _lexicons.first_field("kinship_words")
    for n in range(len(words), 1, -1):  # the longest first: "The old man", not "The old"
        if words[n - 1] in heads:
            e = m.start() + len(" ".join(words[:n]))
            if text[m.start() : e] == " ".join(words[:n]):
                return (m.start(), e)
            return None  # a line break inside: leave it
    return None


def _after_subordinate(words: List[str]) -> bool:
    """``words`` (before a subject, the last one ending with a comma) are a fronted
    subordinate clause opening the sentence: "When Tom came into the room,"."""
    k = len(words) - 1
    while k > 0 and len(words) - k <= _SUBORDINATE_WORDS and words[k - 1][-1:] not in _CLAUSE_ENDS:
        k -= 1
    if len(words) - k > _SUBORDINATE_WORDS or (k > 0 and words[k - 1][-1:] not in _CLAUSE_ENDS):
        return False
    if words[k] in _CLAUSE_LEADS and k + 1 < len(words):
        k += 1  # "And as ill luck would have it," "Even when she came,"
        return words[k] in _SUBORDINATING
    return words[k][:1].isupper() and words[k] in _SUBORDINATING


def _fronted(words: List[str]) -> bool:
    """``words`` (before a subject) end with a short fronted phrase of place or time set
    off by a comma and opening a sentence: "… flowers. In the garden,"."""
    k = len(words) - 1
    while k > 0 and len(words) - k <= 4 and words[k - 1][-1:] not in (".", "!", "?", ";", ":", '"', "”", "’"):
        k -= 1
    if len(words) - k > 4 or (k > 0 and words[k - 1][-1:] not in (".", "!", "?", ";", ":", '"', "”", "’")):
        return False
    return words[k][:1].isupper() and words[k].lower() in _FRONTING


def _heading_line(text: str, s: int, e: int) -> bool:
    """A name on a short line of its own with no small letter: a chapter heading."""
    lo = text.rfind("\n", max(0, s - _HEADING_MAX), s)
    if lo == -1 and s > _HEADING_MAX:
        return False
    hi = text.find("\n", e, e + _HEADING_MAX)
    if hi == -1:
        if len(text) - e > _HEADING_MAX:
            return False
        hi = len(text)
    line = text[lo + 1 : hi]
    return not any(c.islower() for c in line) and len(line.split()) >= 2


def _opening_adverb(text: str, s: int, e: int) -> bool:
    """A word in "-ly" that opens a sentence and is followed by a comma: "Happily, …"."""
    if e - s < 6 or not text.endswith("ly", s, e) or not text.startswith(",", e):
        return False
    k = s - 1
    while k >= 0 and s - k < 8 and text[k] in " \t\n\r\"“”'‘’(":
        k -= 1
    return k < 0 or text[k] in ".!?\n"


def _possessive_end(text: str, s: int, e: int) -> int:
    """Where the possessor of a name span ends, if one of its words but the last ends in
    "'s" ("Lucy's Sabbath": after "Lucy"), else -1."""
    for mark in ("'s", "’s"):
        k = text.find(mark, s, e)
        if k > s and k + 2 < e and text[k + 2].isspace():
            return k
    return -1


def _common_words(text: str, bare: Dict[str, int]) -> FrozenSet[str]:
    """Fiction: those of the words a name stands alone as (``bare``: how often, lower-cased)
    that the text writes in lower case at least as often and at least so many times:
    "Suddenly", "Down", "Breakfast" opening sentences are words, not people. A given name
    stays a name."""
    first_names = _lexicons.mapping("first_names")
    cands = [w for w in bare if w.capitalize() not in first_names]
    if not cands:
        return frozenset()
    lower = _mentions.lower_counts(text)
    return frozenset(w for w in cands if lower.get(w, 0) >= max(_COMMON_MIN, bare[w]))


def _numbered_heading(text: str, s: int, e: int) -> bool:
    """A name that fills a line opened by a Roman numeral ("IV. The Long Road") or under a
    line holding only one ("XI" above "The Inn at Dover"), or that took a heading's numeral
    from the line above ("I." over "Down the Well"): a chapter's title, not a person."""
    lo = text.rfind("\n", max(0, s - _HEADING_MAX), s)
    if lo == -1 and s > _HEADING_MAX:
        return False
    before = text[lo + 1 : s]
    numeral = _ROMAN_HEADING.match(text, s, e) if text[s] in _ROMAN_FIRST else None
    if numeral is not None:
        before += text[s : numeral.end()]  # "PART I. The Wild Land": the name took the numeral
        if "\n" in text[numeral.end() : e]:
            return _ROMAN_LINE.fullmatch(before) is not None
    if _LINE_END.match(text, e, min(len(text), e + 4)) is None:
        return False
    if numeral is None and not before.strip():
        if lo <= 0:
            return False
        prev = text.rfind("\n", max(0, lo - 16), lo)
        before = text[prev + 1 : lo]  # the line above
        if prev == -1 and lo > 16:
            return False
    return _ROMAN_LINE.fullmatch(before) is not None


def _date_like(text: str, s: int, e: int) -> bool:
    """A month written in a date ("the 4th of May", "May 4", "on the fourth of May"),
    not a person called May."""
    if text[s:e].lower() not in _MONTHS:
        return False
    return (_DATE_BEFORE.search(text, max(0, s - 24), s) is not None
            or _DATE_AFTER.match(text, e, min(len(text), e + 6)) is not None)


def _strip_det(phrase: str) -> str:
    words = phrase.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        return " ".join(words[1:])
    return phrase


@functools.lru_cache(maxsize=1024)
def _honorific(title: Optional[str]) -> bool:
    if not title:
        return False
    hons = _lexicons.mapping("honorifics")
    return any(hons.get(w) in ("m", "f") for w in title.split())


def _titled_gender(honored: Set[str]) -> Optional[str]:
    """The gender an entity's honorifics give ("Mrs." -> f), None if none or both."""
    found = honored & {"m", "f"}
    return next(iter(found)) if len(found) == 1 else None


def _couple(mine: Set[str], theirs: Set[str]) -> bool:
    """A woman's honorific ("Mrs.", "Miss", "Lady") against names that bear only ranks
    with no gender ("Admiral", "Captain", "Dr."), or the other way round: in a novel, a
    husband and wife (or a father and daughter) of one family name."""
    mine, theirs = mine - {"married"}, theirs - {"married"}
    return (mine == {"f"} and theirs == {"-"}) or (mine == {"-"} and theirs == {"f"})


def _honorific_conflict(title: Optional[str], others: List[str]) -> bool:
    hons = _lexicons.mapping("honorifics")
    others = list(set(others))  # the same title recurs with every mention
    mine = {hons.get(w) for w in (title or "").split()} & {"m", "f"}
    for o in others:
        theirs = {hons.get(w) for w in o.split()} & {"m", "f"}
        if mine and theirs and mine != theirs:
            return True
    mine_w = {w.rstrip(".") for w in (title or "").split() if hons.get(w) in ("m", "f")}
    for o in others:
        theirs_w = {w.rstrip(".") for w in o.split() if hons.get(w) in ("m", "f")}
        if mine_w and theirs_w and not (mine_w & theirs_w) and ({"Mrs", "Miss"} <= (mine_w | theirs_w)):
            return True
    return False
