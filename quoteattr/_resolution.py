"""Stage 5: source resolution, from speaker mentions to document-level sources.

This module holds the ``Resolver``: the entity index of a text and the order in which a
record's speaker is settled. Its fiction parts live beside it: ``_turns`` (who speaks
the turns of a conversation: untagged turns, pronoun tags, the narrator's name) and
``_kinship`` (relatives and role words: "said her aunt", "said the clergyman");
``_entities`` holds the entity record and the name helpers all three share.

- Names are grouped by surname ("Donald Trump", "Trump", "US President Donald
  Trump"); honorifics of different gender never merge (Mr. and Mrs. Bennet), nor a Miss
  with a Mrs. or a Lady of her family name (Miss Elliot, Lady Elliot);
  a bare first name joins a full name the text gives ("Elizabeth" and "Elizabeth
  Bennet") when only one full name has it; in fiction a nickname joins the untitled
  name the text links it to in so many words ("Elizabeth, or Lizzy as her sisters
  called her", "Elizabeth (Lizzy)"), never one alike in spelling, and a family's title
  joins the given name the text gives it in so many words ("Miss Pell, whose Christian
  name was Harriet": Harriet Pell; no other Pell). Fiction keeps a family's members apart:
  a full name joins the given name the narration uses alone ("George Emerson" is
  "George", not "Mr. Emerson"), a titled family name never joins such a person, a
  given name never joins the other sex's honorific, and a rank with a family name
  ("Admiral Croft") and a Mrs. or Miss of that name are a couple; an honorific or a
  style alone ("said Mademoiselle", "said her Ladyship") is the one so titled.
- Pronouns go to the nearest earlier person of agreeing gender mentioned outside
  quotations; gender comes from honorifics, role words ("spokeswoman"), common given
  names and the pronouns that follow the name in the text. Pronoun salience passes
  over names that are never a clause's subject (places, things, people only talked
  about) and, in fiction, over lone names of unknown sex that have not spoken.
  In fiction, a "she said" after narration that goes on with "she" and names no one
  of her sex as a clause's subject goes to the viewpoint person: the one of her sex
  the recent narration most often and last names as a subject, once she has spoken
  (``_turns._viewpoint_chain``). People the narration only describes ("A porter came
  in", "met by an old woman", "Children saw …") are antecedents too, each a source
  named by its description (``_turns._unnamed_subject``, ``_described_near``,
  ``_group_before``).
- Definite descriptions ("the minister", "the ministry", "the news outlet") go to
  the latest entity whose title or name has that head word, else stand alone.
- Indefinite descriptions ("a senior official") are anonymous sources, one each.
- Fiction: a source is named by the text's usual form of the name, lengthened to its
  fullest safe form; a bare family name is the man of that name. Names on an
  all-capital heading line are not mentions, nor a title under or after a Roman
  numeral ("PART I. The Wild Land"); a lone capitalised word the text writes in lower
  case at least as often ("Down", "Suddenly") is a word, not a person, and so is one a
  tag took for its speaker ("Finally, however, … Mr. Pell call out:"), which the
  conversation then gives its speaker; a name mostly
  written after "in", "at", "to" or after "Mr. Pell of" is a place and never speaks;
  "Old"/"Young" before a name does not lengthen it, and before a given name ("Old
  Stephen", "Poor Ottilie") it is the person the text also calls by that given name.
  A word the text writes in lower case before a given name is not part of it ("Whenever Kate came in": Kate), two
  given names the narration uses alone, written together once ("Kate Anna"), are two
  people, and a description followed by "of" and a name ("the girl of Robert") is not
  that name; in "Pell's Circus" the name is the possessor, Pell. Lower-case words a tag
  puts before a name ("at that moment Charles") are no title that keeps it from the
  person so named, nor is a capitalised opener before a full name part of it
  ("Remembering Mary Datchet"), nor one written once, opening a sentence, before a given
  name the narration uses alone ("Hence Cecil"); a bare given name stays with the person the text has
  called so once a second full name shares it ("William" of "William Rodney", after a
  "William Cowper"); a description is one source however a tag's span wrote it ("the
  King." and "the\nKing"). "Mrs. Charles" is not
  the "Charles Pell" met before, and "Mr. Pell" is the "Mr. James Pell" the text names
  so. "His voice", "his lips", "her
  reply" (``data/utterance_owners.txt``) are "he"/"she", "the Captain's voice" the
  Captain, and an unowned "said a voice", "the face said" makes no source of its own:
  it is the person the text then says it was (``_turns.voice_owner``), else the
  conversation gives the turn its speaker (not a definite one where the book calls
  someone "the Voice"). "The Pole", "the young American" are descriptions, the person
  the text said was one (``_nationality_tie``).
"""

from __future__ import annotations

import bisect
import functools
import math
from typing import Callable, Dict, FrozenSet, Iterator, List, Mapping, Optional, Sequence, Set, Tuple

from . import _lazyregex as regex

from . import _cues, _dialogue, _letters, _lexicons, _mentions
from ._attribution import Attribution
from ._intervals import Intervals
from ._layout import Layout, on_lines_with
from ._mentions import Mention
from ._records import Source, Span
from ._entities import _ABBREVIATED, _DEMONYM_ENDS, _EPITHETS, _Entity, _GENERIC_PERSON, _SHORT_HONORIFIC, _honorific, _honorific_conflict, _name_tokens, _name_tokens_of
from . import _kinship
from . import _turns


_PRONOUN_AFTER = regex.compile(r"(?<![\p{L}])(he|his|him|himself|she|her|hers|herself)(?![\p{L}])", regex.IGNORECASE)
# a pronoun that is a verb's or a preposition's object ("peered at her.", "told him so"),
# not a subject or an owner ("her hand")
_OBJECT_AFTER = regex.compile(r"him(?![\p{L}])|her(?=[^\S\n]*[,.;:!?\"”’)\N{EM DASH}]|[^\S\n]+(?:as|and|but|or|to|in|on|at|with|from|for|so|again|when|while|that|if|then)(?![\p{L}]))",
                              regex.IGNORECASE)
# the next sentence or clause opening with "He" or "She" (after a full stop, a semicolon,
# or ", and")
_SUBJECT_NEXT = regex.compile(r"(?:[.;!?][^\S\n]*|,[^\S\n]+and[^\S\n]+)\s*(He|She|he|she)(?![\p{L}])")
_ISSUED_BY = regex.compile(r"(?<![\p{L}])(?:by|from|of)[^\S\n]+(?:the[^\S\n]+)?(?P<name>\p{Lu}[\p{L}.'’&\-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’&\-]*)*)")
_NAME_BEFORE_HEAD = regex.compile(r"(?:(?:the|a|an)[^\S\n]+)?(?P<name>\p{Lu}[\p{L}.'’&\-]*+(?:[^\S\n]+\p{Lu}[\p{L}.'’&\-]*+)*+)[^\S\n]+\p{Ll}")
_OF_SPLIT = regex.compile(r"\s+of\s+(?=\p{Lu})")
_TURN_RULES = frozenset(("fiction.alternation", "fiction.vocative"))  # fiction: untagged turns linked to others
# characters of a heading line either side of a name in it
_HEADING_MAX = 80
# fiction: how often the narration must use a given name on its own ("Lucy") for the
# full name to join that person rather than a Mr. or Mrs. of the family name
_BARE_USES = 2
# fiction: honorifics of a married woman ("Mrs. Reed" is not "Georgiana Reed", her daughter)
_MARRIED = frozenset(["Mrs", "Madame", "Mme", "Frau"])
# fiction: after a tag's description, the name a relative clause gives it ("the man who called
# himself de Worms", "a young man who, for his sad face, was called Grief")
_CALLED_AFTER = regex.compile(
    r",?[^\S\n]*+\s?who(?:[^\S\n]*+,[^,\n“”\"]{1,80},)?\s(?:(?:was|is)\s(?:called|named)|called\s(?:himself|herself))"
    r"\s(?P<name>(?:(?:de|van|von|le|la|du)\s)?\p{Lu}[\p{L}'’\-]*+(?:[^\S\n]\p{Lu}[\p{L}'’\-]*+){0,2})(?![\p{L}'’\-])")
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
# a Roman numeral opening a heading: "IV." or "XI" before a title, "I." alone before its line's end
_ROMAN_HEADING = regex.compile(r"(?:[IVXLC]+\.|[IVXLC]{2,}(?=[^\S\n]*\n)|[IVXLC]{2,}\.?[^\S\n]+(?=\p{Lu}))")
_ROMAN_FIRST = frozenset("IVXLC")  # where a _ROMAN_HEADING match starts
_COMMON_MIN = 3  # fiction: lower-case uses that make a lone capitalised word a common word
_ROMAN_LINE = regex.compile(r"[^\S\n]*(?:(?:CHAPTER|Chapter|BOOK|Book|PART|Part)[^\S\n]+)?[IVXLC]+\.?[^\S\n]*")
# a heading line's opening: "Chapter XII", "CHAPTER 4.", "Chapter XIX: "
_CHAPTER_OPENS = regex.compile(r"[^\S\n]*(?:CHAPTER|Chapter)[^\S\n]+(?:[IVXLC]+|\d+)(?:[.:]|[^\S\n]*(?:\n|\Z)|[^\S\n]+(?=\p{Lu}))")
_CHAPTER_LINE = regex.compile(r"[^\S\n]*(?:CHAPTER|Chapter)[^\S\n]+(?:[IVXLC]+|\d+)\.?[^\S\n]*")
_TITLE_ENDS = regex.compile(r"[^\n]*\n[^\S\n]*(?:\n|\Z)")  # the rest of the line, then a blank line
_LINE_END = regex.compile(r"[.:]?[^\S\n]*(?:\n|\Z)")
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
    return on_lines_with(_NICKNAMED, text, _NICK_ANCHORS)


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


# fiction: a family's title the text gives a given name in so many words ("Miss Pell, whose
# Christian name was Harriet", "Mrs. Pell, whose first name is Ann")
_TITLE_NAMED = regex.compile(
    r"(?<![\p{L}])(?P<hon>Miss|Mrs|Mr|Lady|Sir)\.?[^\S\n]+(?P<fam>\p{Lu}\p{Ll}[\p{Ll}'’\-]*+),?\s+whose\s+"
    r"(?:[Cc]hristian\s+|first\s+|given\s+)?name\s+(?:was|is)\s+(?P<given>\p{Lu}\p{Ll}[\p{Ll}'’\-]*+)(?![\p{L}])")
_TITLE_NAMED_BACK = 40  # characters before "whose" where the title and family name may start


def _titles_named(text: str) -> Dict[Tuple[str, str], str]:
    """Fiction: (honorific, family name in lower case) -> the given name the text says the
    person so titled bears ("Miss Pell, whose Christian name was Harriet"); a title the text
    gives two given names links to neither."""
    out: Dict[Tuple[str, str], str] = {}
    clash: Set[Tuple[str, str]] = set()
    at = text.find("whose")
    while at >= 0:
        for m in _TITLE_NAMED.finditer(text, max(0, at - _TITLE_NAMED_BACK), at + 60):
            if m.start("given") < at:
                continue
            key = (m.group("hon"), m.group("fam").lower())
            if out.get(key, m.group("given")) != m.group("given"):
                clash.add(key)
            out[key] = m.group("given")
        at = text.find("whose", at + 5)
    for key in clash:
        del out[key]
    return out


_FEMALE = frozenset({"she", "her", "hers", "herself"})


# "Kitty and Lydia", "Mr. Hale and Ann": two people named together
_PAIR_NAME = r"(?:(?:Mr|Mrs|Miss|Ms|Dr|Lady|Sir)\.?[^\S\n]+)?\p{Lu}[\p{Ll}'’\-]+"
_PAIR = regex.compile(r"(?<![\p{L}])(?P<a>" + _PAIR_NAME + r")[^\S\n]+and[^\S\n]+(?P<b>" + _PAIR_NAME + r")(?![\p{L}'’])")
# a plural after the pair that "they" may stand for instead ("the girls", "all the men"; not
# "their sisters", who are others)
_PLURAL_AFTER = regex.compile(r"(?<![\p{L}])(?:the|all)[^\S\n]+(?:[\p{Ll}\-]+[^\S\n]+)?(?:girls|boys|men|women|ladies|gentlemen|children|sisters|brothers|friends|others|people)(?![\p{L}])", regex.IGNORECASE)
_PAIR_BACK = 400  # characters before "they" looked at for a pair of names


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
        # fiction: "her father", "his wife" in the narration (``_kin_spots``): their
        # starts, ends and heads in text order, found on first need, and the person each
        # reads as once read (``_kin_person``)
        self._kin_spots: Optional[List[Tuple[int, int, str]]] = None
        self._kin_at: List[int] = []
        self._kin_read: Dict[int, Optional[_Entity]] = {}
        self._kin_busy = False
        self._quoted_names: List[Tuple[int, int]] = []  # names inside quotations, in order
        self._capitals: Set[Tuple[int, int]] = set()  # fiction: names a paragraph opens with in capitals
        # speakers of earlier records, in text order: (position, entity)
        self.spoken: List[Tuple[int, _Entity]] = []
        self._subject_count: Dict[int, int] = {}  # fiction: names that open a clause, per entity
        # fiction: names that open a clause (not possessors), in text order: (start, entity)
        self.subjects: List[Tuple[int, _Entity]] = []
        self.subjects_at: List[int] = []
        self.spoken_at: List[int] = []
        self.speakers: Set[int] = set()  # ids of the entities in ``spoken``
        self.counts: Dict[int, int] = {}
        # fiction: mentions right after a preposition of place ("in London", "at Hartwell")
        self.placed: Dict[int, int] = {}
        # fiction: mentions that read as a place or a thing ("across England", "went to
        # Sonora", "a Greeklike struggle"), and mentions that read as a person ("Oak said",
        # "said Oak", "Oak smiled"): see ``_place_like``
        self._sited: Dict[int, int] = {}
        self._acted: Dict[int, int] = {}
        self._saint_acted: Set[int] = set()  # fiction: "St. John rose": a saint's style that is a person's name
        self._place_named: Set[int] = set()  # fiction: names a place word opens ("Castle Dracula")
        self._job_named: Set[int] = set()  # fiction: starts of names read in full ("Farmer Oak": see _named_in_full)
        self._job_titled: Set[int] = set()  # fiction: the entities of those names
        self._from_tail = False  # the last narration subject came from after a quotation
        self._exclude: Optional[_Entity] = None
        # fiction: people a pronoun tag cannot name: those the sentence just before, whose
        # subject is a pronoun of that sex, names otherwise ("he took the mirror from Tom")
        self._bound: Set[int] = set()
        self._addressed: Optional[_Entity] = None  # fiction: the person the quotation speaks to
        self._nation_ties: Dict[str, List[Tuple[int, _Entity]]] = {}  # fiction: see ``_nationality_tie``
        self._voice_name: Dict[str, bool] = {}  # fiction: see ``_voice_named``
        self._unowned: Set[int] = set()  # fiction: records tagged by a voice of nobody named ("said a voice")
        self._by_first: Optional[Dict[str, List[_Entity]]] = None
        # fiction: people by the family name their given name joined ("Elizabeth" of "Elizabeth
        # Bennet"; kept up where ``_Entity.family`` is set)
        self.by_family: Dict[str, List[_Entity]] = {}
        self._couples_cache: Optional[Tuple[int, FrozenSet[str]]] = None
        self._kin_named: Optional[Dict[str, _Entity]] = None
        self._idx: Optional[int] = None  # the record being resolved (fiction kinship tags)
        # fiction: records tagged "he"/"she" -> that sex; no later pass gives them someone of the other
        self.pronoun_sex: Dict[int, str] = {}
        self._reply_sexed: Set[int] = set()  # fiction: untagged turns sexed by the reply's "sir"
        self._ties: Optional[Tuple[Dict[str, Set[int]], Dict[str, FrozenSet[int]]]] = None
        # fiction: relatives the people talking name to each other (``_kinship._kin_talk``)
        self._kin_talk: Optional[Dict[Tuple[int, str], Dict[int, _Entity]]] = None
        # fiction: descriptions the text ties to a name ("Mr. Hale, the curate"): key -> [(pos, entity)]
        self._roles: Optional[Dict[str, Tuple[List[int], List[_Entity]]]] = None
        self._aged: Dict[str, Set[int]] = {}  # fiction: "old"/"young" -> people so called ("old Mr. Hale")
        self._role_words: Dict[str, List[int]] = {}  # fiction: a role word -> where the text uses it (``_kinship._newcomer``)
        self._last_issuer: Optional[_Entity] = None
        # fiction: speakers known by an indefinite description ("a thin, elderly gentleman"),
        # in text order: (record start, entity)
        self._described_spoken: List[Tuple[int, _Entity]] = []
        # fiction: entity id -> (start, index) of the first record it spoke
        self._first_spoke: Dict[int, Tuple[int, int]] = {}
        # fiction: each person once, where the text first names them, and where they first
        # speak, taken from ``spoken`` up to ``_heard_upto`` (``_turns._sex_met_before``)
        self._first_named: Optional[List[Tuple[int, _Entity]]] = None
        self._first_heard: List[Tuple[int, _Entity]] = []
        self._heard_upto = 0
        # fiction: records whose description names an unnamed person who spoke so described
        # before (``_spoke_so_described``): no later pass gives them a named person
        self._restated: Dict[int, _Entity] = {}
        # fiction: unnamed people a definite description took up just after the text brought
        # them in ("An old woman came out. … “…,” said the old woman")
        self._strangers: Set[int] = set()
        self._restated_at: Dict[str, int] = {}  # fiction: description -> where it last named a stranger so
        self._speaker_starts: Optional[Set[int]] = None
        self._named_so: Set[str] = set()  # fiction: those descriptions once taken for a named person
        self._by_word: Dict[str, List[_Entity]] = {}
        self._by_kind: Dict[str, List[_Entity]] = {}
        self._index_version: Dict[int, Tuple[int, int]] = {}
        self._title_sets: Dict[int, Tuple[int, List[str]]] = {}  # see _distinct_titles
        # see _place_like: id -> (the entity, its names/titles/named when judged, the answer)
        self._place_memo: Dict[int, Tuple[_Entity, Tuple[int, int, int, int], bool]] = {}
        self._scanned = False  # ``scan`` done: the counts ``_place_like`` reads are final
        self._with_first: Dict[str, List[_Entity]] = {}  # entities by their ``first`` (set once, never changed)
        self._bare_owner: Dict[str, Optional[_Entity]] = {}  # see _entity_for_name
        self.lost_s: Set[int] = set()  # fiction: ends of names read without a possessive's "s" ("Toms hat")
        self._touched: List[_Entity] = []  # entities whose names or titles grew
        self.names = _mentions.name_index(text)
        self._starts: List[int] = []
        self._bare: Dict[str, int] = {}  # fiction: one-word untitled names -> how often the narration uses them
        # fiction: a title and family name the text gives a given name ("Miss Pell, whose name was
        # Harriet": see ``_titles_named``), and the person each stands for once met
        self._titled_as: Dict[Tuple[str, str], str] = (
            _titles_named(text) if genre == "fiction" and "whose" in text else {})
        self._titled_person: Dict[Tuple[str, str], _Entity] = {}
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

    def _title_link(self, m: Mention) -> Optional[Tuple[str, str]]:
        """Fiction: the key in ``_titled_as`` of a titled family name ("Miss Pell"), if any."""
        if not self._titled_as or not m.title or m.name is None or m.form != "name":
            return None
        toks = _name_tokens(m.name)
        words = m.title.split()
        if len(toks) != 1 or len(words) != 1:
            return None
        key = (words[0].rstrip("."), toks[0].lower())
        return key if key in self._titled_as else None

    def _entity_for_name(self, m: Mention, pos: int) -> _Entity:
        m = self._alias(m)
        linked = self._title_link(m)
        if linked is not None:
            # "Miss Pell" of "Miss Pell, whose Christian name was Harriet": Harriet Pell, the
            # one the given name or the full name names
            ent = self._titled_person.get(linked)
            if ent is None:
                assert m.name is not None
                sex = _lexicons.mapping("honorifics").get(m.title or "")
                full = Mention(m.start, m.end, m.form, m.kind, sex if sex in ("m", "f") else m.gender, m.plural,
                               self._titled_as[linked] + " " + m.name.strip(), None, m.head, m.definite, m.person)
                ent = self._entity_for_name(full, pos)
                self._titled_person[linked] = ent
            assert m.name is not None and m.title is not None
            ent.names.append(m.name)
            ent.titles.append(m.title)
            ent.honored |= {h for h in (_lexicons.mapping("honorifics").get(m.title),) if h in ("m", "f")}
            form = (m.title, m.name)
            ent.forms[form] = ent.forms.get(form, 0) + 1
            self._touched.append(ent)
            return ent
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
        fiction = self.genre == "fiction"
        if fiction and len(toks) > 2 and not m.title and self._opener(toks):
            toks = toks[1:]  # a speaker mention "Remembering Mary Datchet": Mary Datchet
            given = _lexicons.mapping("first_names").get(toks[0])
            m = Mention(m.start, m.end, m.form, m.kind, m.gender or (given if given in ("m", "f") else None),
                        m.plural, " ".join(toks), None, m.head, m.definite, m.person)
        if (fiction and len(toks) == 2 and not m.title and toks[0].lower() in _EPITHETS
                and (toks[1].lower() in self._with_first
                     or (toks[1] in _lexicons.mapping("first_names") and self._bare.get(toks[1].lower(), 0) > 0))):
            # "Old Stephen", "Little Nell": the Stephen, the Nell the text names otherwise too
            # (not "Young Pell", one of a family, nor a "Little John" never called "John")
            toks = toks[1:]
            m = Mention(m.start, m.end, m.form, m.kind, m.gender, m.plural, toks[0], None, m.head, m.definite, m.person)
        assert m.name is not None
        surname = toks[-1].lower()
        first = toks[0].lower() if len(toks) > 1 else ""
        if len(toks) == 2 and first in _PARTICLES:
            first = ""  # "De Blasio" opening a sentence: the family name of "Bill de Blasio", no given name
        if fiction and len(toks) == 2 and toks[0] in _lexicons.mapping("occupation_titles"):
            first = ""  # "Farmer Oak": a title before a family name, no given name
        gender = m.gender
        cands = self.by_surname.get(surname, [])
        best: Optional[_Entity] = None
        hons = _lexicons.mapping("honorifics")
        honored = {hons[w] for w in (m.title or "").split() if w in hons}
        if fiction and len(toks) >= 2 and hons.get(toks[0]) == "-":
            honored.add("-")  # "Admiral Croft", "Dr. Grant" as a name
        if fiction and any(w.rstrip(".") in _MARRIED for w in (m.title or "").split()):
            honored.add("married")
        # a title that is one ("Mrs.", "Captain"), not the words a tag put before the name
        # ("at this point Charles told them", "finally made William answer")
        styled = bool(m.title) and any(w in hons or w.rstrip(".").lower() in _lexicons.words("titles")
                                       for w in (m.title or "").split())
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
                    if best.family != surname and best.surname != surname:
                        self.by_family.setdefault(surname, []).append(best)
                    best.family = surname  # "Charles Musgrove": no other family's Charles joins him
                    break
            if best is None:
                cands = [e for e in cands if e.first]
        for ent in ([] if best is not None else reversed(cands)):
            if gender and ent.gender and gender != ent.gender and _honorific(m.title):
                continue
            if (fiction and not first and styled and ent.first and self._bare.get(ent.first, 0) >= _BARE_USES
                    and not any(t == m.title and " " in n.strip() for t, n in ent.forms)
                    and not (id(ent) in self._job_titled and len(cands) == 1)):
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
            # (several: the one the text already calls so alone, "William" of "William Rodney"
            # once a "William Cowper" is named; never a loop over them)
            hits = self._with_first.get(surname, [])
            pick = hits[0] if len(hits) == 1 else self._bare_owner.get(surname)
            if pick is not None and not (gender and _honorific(m.title) and pick.guess_gender() not in (None, gender)):
                best = pick  # ("Mrs. Charles" is the wife of the "Charles Pell" met before)
        if best is None:
            best = self._new("person:" + " ".join(t.lower() for t in toks), "person")
            best.surname = surname
            self.by_surname.setdefault(surname, []).append(best)
        if pos in self._job_named:
            self._job_titled.add(id(best))  # "Farmer Oak": "Mr. Oak" is he too
        if first and not best.first:
            best.first = first
            self._with_first.setdefault(first, []).append(best)
        if fiction and len(toks) == 1 and not m.title and best.first == surname:
            # fiction: the one a bare given name has named (None once it has named two)
            owner = self._bare_owner.setdefault(surname, best)
            if owner is not best:
                self._bare_owner[surname] = None
        best.names.append(m.name)
        if m.title and (styled or not fiction):
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

    def _common_word(self, word: str) -> bool:
        """Fiction: a capitalised word a tag took for a speaker ("Suddenly") that the text
        writes in lower case at least ``_COMMON_MIN`` times, no given name, and that the
        narration never names anyone by (no person of that name was found)."""
        return (word not in _lexicons.mapping("first_names") and word.lower() not in self.by_surname
                and word.lower() not in self._with_first
                and _mentions.lower_counts(self.text).get(word.lower(), 0) >= _COMMON_MIN)

    def _opener(self, toks: Sequence[str]) -> bool:
        """Fiction: the first of a name's words is a sentence's opening word before a given
        name ("Remembering Mary Datchet"): no given name nor form of address, written in
        lower case elsewhere."""
        first_names = _lexicons.mapping("first_names")
        return (len(toks) > 1 and toks[1] in first_names and toks[0] not in first_names
                and toks[0] not in _lexicons.mapping("honorifics")
                and _mentions.lower_counts(self.text).get(toks[0].lower(), 0) >= _COMMON_MIN)

    def _distinct_titles(self, ent: _Entity) -> List[str]:
        """``ent.titles`` without repeats, first seen first (the same title recurs with every
        mention: a novel's "Mr." hundreds of times), grown with the list."""
        seen, distinct = self._title_sets.get(id(ent), (0, []))
        if seen != len(ent.titles):
            distinct = list(dict.fromkeys(distinct + ent.titles[seen:]))
            self._title_sets[id(ent)] = (len(ent.titles), distinct)
        return distinct

    def _bears_title(self, ent: _Entity, title: str) -> bool:
        """The text gives ``ent`` the title ``title`` itself ("Mr Elliot" for "Mr."), not
        merely one that agrees with it ("Sir Walter Elliot")."""
        mine = title.rstrip(".").lower()
        return any(t.rstrip(".").lower() == mine for t in self._distinct_titles(ent))

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
        self._quoted_names = []
        for s, e in self._name_spans():
            if self._quotes.covers(s):
                self._quoted_names.append((s, e))  # fiction: names inside quotations (``_turns._decode_run``)
                continue
            # what the words are, without their offsets (nothing below reads them): no Mention made per name
            phrase = text[s:e]
            if (s, e) in self._capitals:
                phrase = " ".join(w[:1] + w[1:].lower() for w in phrase.split())  # "MR. PELL": Mr. Pell
            m = self._alias(_mentions.describe_phrase(phrase))
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
            found = self._lost_apostrophes(found)
        common = _common_words(text, self._bare) if self.genre == "fiction" else frozenset()
        if common:
            # a word that ends or goes on a longer name is a name ("Small" of "Jonathan Small"),
            # not one that only opens one ("Suddenly Mrs. Hale")
            common = common - {t.lower() for _, _, _, n in found for t in n.split()[1:] if " " in n.strip()}
        if self.genre == "fiction":
            found = _named_in_full(found, first_names, self._job_named)
        for s, e, m, name in found:
            if m.kind == "person" and _adjectival(text, s, e):
                continue
            if m.kind == "person" and _date_like(text, s, e):
                continue
            if self.genre == "fiction" and m.title is None and (_heading_line(text, s, e) or _numbered_heading(text, s, e)):
                continue  # "CHAPTER XV. THE MAN WHO WAS RUNNING", "IV. The Long Road"
            if self.genre == "fiction" and _chapter_title(text, s, e):
                continue  # "Chapter XIX: Lying to Mr. Emerson", "Chapter XII" over "The Story of Jonathan Small"
            if (self.genre == "fiction" and m.title is None and s >= 1 and text[s - 1] == "_"
                    and text[e : e + 1] == "_" and (s < 2 or not text[s - 2].isalnum())
                    and not _stressed_person(text, s, name, first_names)):
                continue  # "The _Lusitania_ was sinking": a name in italics is a ship's or a book's
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
            placed = (_PLACE_BEFORE.search(text, max(0, s - 12), s) is not None
                      or (self.genre == "fiction" and "of" in text[max(0, s - 4) : s]
                          and _HOME_BEFORE.search(text, max(0, s - 40), s) is not None))
            if placed:
                self.placed[id(ent)] = self.placed.get(id(ent), 0) + 1
            if self.genre == "fiction" and ent.kind == "person":
                if not m.title and len(toks) >= 2 and toks[0].lower() in _lexicons.words("place_prefixes"):
                    self._place_named.add(id(ent))  # "Castle Dracula", "Lake Como"
                if _person_act(text, s, e):
                    self._acted[id(ent)] = self._acted.get(id(ent), 0) + 1
                elif (placed and not text.startswith(("'s", "’s"), e)) or _sited(text, s, e):
                    self._sited[id(ent)] = self._sited.get(id(ent), 0) + 1
            if ent.kind == "person":
                self.timeline.append((s, e, ent))
                self._vote(ent, e)
                if self.genre == "fiction" and _SUBJECT_BEFORE.search(text, max(0, s - 40), s) is not None:
                    self._subject_count[id(ent)] = self._subject_count.get(id(ent), 0) + 1
                    if toks and toks[0].lower() in _SAINT_WORDS and _SAINT_ACTS.match(text, e, e + 40) is not None:
                        self._saint_acted.add(id(ent))  # "St. John rose": a person so named
                    if not self.owner_at(e):
                        self.subjects.append((s, ent))
                elif (self.genre == "fiction" and not self.owner_at(e)
                      and _FRONTED_WHEN.search(text, max(0, s - 20), s) is not None):
                    he = _MAIN_PRONOUN.match(text, e, min(len(text), e + _MAIN_PRONOUN_BACK))
                    if he is not None and (he.group("p") == "she") == (ent.guess_gender() == "f"):
                        # "When Ann had rejoiced over it, she found": the one the
                        # narration follows, though named in a fronted clause
                        self.subjects.append((s, ent))

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
            if (m.title is not None or m.kind != "person" or len(toks) < 2 or toks[1] not in first_names
                    or len(_name_tokens(name)) != len(toks) or (len(toks) > 2 and toks[0] in first_names)):
                out.append((s, e, m, name))
                continue
            # (three words or more: "Remembering Mary Datchet" is Mary Datchet)
            second = (self.text.rfind(toks[1], s, e) if len(toks) == 2
                      else self.text.find(toks[1], s + len(toks[0]), e))
            rest = second + len(toks[1]) if len(toks) == 2 else e
            keep: List[Tuple[int, int]] = []
            if toks[0] not in first_names:
                if toks[0] in hons:
                    out.append((s, e, m, name))
                    continue  # "Aunt Polly", "Father Brown": a form of address in the name
                if lower is None:
                    lower = _mentions.lower_counts(self.text)
                if lower.get(toks[0].lower(), 0) >= _COMMON_MIN:
                    keep = [(second, rest)]
                elif (len(toks) == 2 and pairs.get(name, 0) == 1 and toks[0].lower() not in _EPITHETS
                      and toks[0] not in self.names and self._bare.get(toks[1].lower(), 0) >= _BARE_USES
                      and _sentence_initial(self.text, s)):
                    # "Hence Cecil", written once and opening a sentence, where "Cecil" alone is
                    # usual ("Lucian Gregory" at a sentence's start keeps "Lucian", a name elsewhere)
                    keep = [(second, rest)]
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

    def owner_at(self, e: int) -> bool:
        """The name ending at ``e`` is a possessor: "'s" after it, a lone "s" whose
        apostrophe the text lost ("Tom s hat"), or the "s" of a possessive written
        without its apostrophe ("Toms hat": ``lost_s``)."""
        return self.text.startswith(("'s", "’s"), e) or _dialogue.possessive_s(self.text, e) or e in self.lost_s

    def _lost_apostrophes(self, found: List[Tuple[int, int, Mention, str]]) -> List[Tuple[int, int, Mention, str]]:
        """Fiction: a name ending in "s" before a word in lower case ("poor Mr. Pellows
        nerves"), whose stem is a name the narration uses on its own with the same title
        ("Mr. Pellow"), is that name's possessive with its apostrophe lost: the stem, the
        "s" left after it (its end kept in ``lost_s``: a possessor, see ``owner_at``). Not
        when any of its uses (quotations too) reads as a plural: after a determiner or
        a number ("the Pellows house", "two Pellows"), or before a function word, an
        auxiliary or a verb in -ed ("Pellows were", "Pellows and", "Pellows walked")."""
        text = self.text
        forms: Dict[Tuple[str, str], int] = {}
        cands: Dict[Tuple[str, str], List[int]] = {}
        for k, (s, e, m, name) in enumerate(found):
            if m.kind != "person":
                continue
            key = (m.title or "", name)
            forms[key] = forms.get(key, 0) + 1
            if (len(name) > 3 and name.endswith("s") and name[-2].islower() and text.endswith(name, s, e)
                    and (not m.title or text.startswith(m.title, s))):
                cands.setdefault(key, []).append(k)  # (the name's words are the span's: not "Ten Minutes")
        if not cands:
            return found
        first_names = _lexicons.mapping("first_names")
        nations = _lexicons.words("nationality_nouns")
        # the stem a name the narration uses on its own, with the same title; a title, a given
        # name or a word the text uses as a name ("Italians" of "an Italian" is a plural)
        cands = {key: ks for key, ks in cands.items()
                 if forms.get((key[0], key[1][:-1]), 0) > 0 and key[1][:-1].split()[-1].lower() not in nations
                 and (_honorific(key[0]) or key[1][:-1].split()[0] in first_names)}
        if not cands:
            return found
        # the same words inside quotations (read once: names there are few, and only those asked of)
        quoted: Dict[str, List[Tuple[int, int]]] = {}
        wanted = {(t + " " if t else "") + n for t, n in cands}
        for s, e in self._quoted_names:
            if text.endswith("s", s, e):
                phrase = " ".join(text[s:e].split())
                if phrase in wanted:
                    quoted.setdefault(phrase, []).append((s, e))
        out = list(found)
        for (title, name), ks in cands.items():
            uses = [found[k][:2] for k in ks] + quoted.get((title + " " if title else "") + name, [])
            if not all(_possessive_use(text, s, e) for s, e in uses):
                continue
            for k in ks:
                s, e, _m, _name = found[k]
                pm = self._alias(_mentions.describe_phrase(text[s : e - 1]))
                if pm.form == "name" and pm.name is not None and pm.kind == "person":
                    out[k] = (s, e - 1, pm, pm.name)
                    self.lost_s.add(e - 1)
        return out

    def of_split(self, s: int, e: int) -> Optional[Tuple[int, int]]:
        """Fiction: where a name span "Robert of Mrs. Hale" (from "asked Robert of Mrs.
        Hale") holds two names: the " of " between them; None for one name ("the Duke of
        Ely": a title before "of"; "Hal of Brackley": a place word)."""
        m = _OF_SPLIT.search(self.text, s, e) if e - s > 6 and self.text.find("of", s, e) >= 0 else None
        if m is None:
            return None
        before = self.text[s : m.start()].split()
        last = before[-1] if before else ""
        if (not last or last in _lexicons.mapping("honorifics") or last.lower() in _lexicons.words("titles")
                or last.lower() in _lexicons.words("place_words")):
            return None
        return (m.start(), m.end())

    def _name_spans(self) -> List[Tuple[int, int]]:
        """The names of ``scan_names``; in fiction "Mary of Ralph" (from "reminded Mary
        of Ralph") is two names, while "the Duke of Ely" (a title before "of") stays one."""
        spans = _mentions.scan_names(self.text)
        if self.genre != "fiction":
            return spans
        if self.layout is not None:
            spans = self._capital_openings(spans)
        out: List[Tuple[int, int]] = []
        for s, e in spans:
            cut = self.of_split(s, e)
            if cut is not None:
                out.append((s, cut[0]))
                out.append((cut[1], e))
                continue
            out.append((s, e))
        return out

    def _capital_openings(self, spans: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
        """Fiction: a name in capitals that opens a paragraph, the words after it in
        lower case ("MR. PELL'S pleasure knew no bounds", "ANNA, on the long walk"), as a
        chapter's first words are often printed, is one name (read in ``scan`` as
        "Mr. Pell"), in place of the pieces ``scan_names`` found in it."""
        assert self.layout is not None
        text = self.text
        found: List[Tuple[int, int]] = []
        for ps, _pe in self.layout.paragraphs:
            m = _CAPITAL_OPENING.match(text, ps)
            if m is not None:
                found.append(m.span("name"))
        if not found:
            return spans
        self._capitals.update(found)
        out: List[Tuple[int, int]] = []
        k = 0
        for s, e in spans:
            while k < len(found) and found[k][1] <= s:
                k += 1
            if k < len(found) and found[k][0] <= s < found[k][1] + 2:
                continue  # a piece of the name in capitals (or its "'S")
            out.append((s, e))
        out.extend(found)
        out.sort()
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
        word = pm.group(1).lower()
        female = word in _FEMALE
        if (word == "her" or word == "him") and self.genre == "fiction" and _OBJECT_AFTER.match(text, pm.start(), hi):
            # "Tom Snyder peered at her. He rammed …": the object of the named person's
            # verb is someone else; the next sentence's subject of the other sex is he
            nxt = _SUBJECT_NEXT.search(text, pm.end(), hi)
            after = _PRONOUN_AFTER.search(text, pm.end(), hi) if nxt is not None else None
            if (nxt is not None and after is not None and after.start() == nxt.start(1)
                    and (nxt.group(1).lower() == "she") != female):
                female = not female
        ent.votes[1 if female else 0] += 1

    def agrees(self, idx: int, ent: Optional[_Entity]) -> bool:
        """Fiction: ``ent`` may speak record ``idx``: not a man for a turn tagged "she"
        or a woman for one tagged "he"."""
        sex = self.pronoun_sex.get(idx)
        if sex is None or ent is None:
            return True
        g = ent.guess_gender()
        return g is None or g == sex

    def _nationality_tie(self, noun: str, pos: int) -> Optional[_Entity]:
        """Fiction: the person the text last said, before ``pos``, was a ``noun`` ("Tom
        Hale was a Pole", "his name was Hale; he was a Pole"): the last person named
        before "was a …" in its sentence."""
        if noun not in self._nation_ties:
            ties: List[Tuple[int, _Entity]] = []
            pattern = r"\b(?:was|is)[^\S\n]+an?[^\S\n]+(?:\p{Ll}+[^\S\n]+){0,2}" + regex.escape(noun) + r"\b"
            for hit in regex.finditer(pattern, self.text):
                p = hit.start()
                k = bisect.bisect_left(self._starts, p) - 1
                if k < 0:
                    continue
                ms, me, ent = self.timeline[k]
                between = self.text[me:p]
                if (len(between) > _TIE_GAP or "." in between or "!" in between or "?" in between
                        or self._quotes.covers(ms) or self._quotes.covers(p) or ent.kind != "person"):
                    continue
                ties.append((p, ent))
            self._nation_ties[noun] = ties
        found = None
        for p, ent in self._nation_ties[noun]:
            if p >= pos:
                break
            found = ent
        return found

    def _voice_named(self, noun: str) -> bool:
        """Fiction: the text calls someone "the Voice" (a capitalised ``noun`` as a name)."""
        if noun not in self._voice_name:
            pattern = r"(?<![\p{L}])[Tt]he[^\S\n]+" + noun.capitalize() + r"(?![\p{L}])"
            self._voice_name[noun] = regex.search(pattern, self.text) is not None
        return self._voice_name[noun]

    def resolve(self) -> Tuple[List[Optional[Source]], List[Source]]:
        """The source of every record, and the list of sources in order of first mention."""
        text = self.text
        self.scan()
        self._scanned = True
        self.timeline.sort(key=lambda t: t[0])
        starts = [t[0] for t in self.timeline]
        self.subjects.sort(key=lambda t: t[0])
        self.subjects_at = [t[0] for t in self.subjects]
        self._starts = starts
        chosen: List[Optional[_Entity]] = [None] * len(self.records)
        anchored: Set[int] = set()  # fiction: pronoun tags settled by their own paragraph
        described: List[Tuple[int, Mention, Optional[_Entity]]] = []  # fiction: description tags
        the_other: Set[int] = set()  # fiction: records tagged "the other"
        epithets: List[Tuple[int, str, Mention]] = []  # fiction: tags "the <words>" and their words
        extra: Dict[int, List[Tuple[int, int]]] = {}
        letters: Dict[int, _Entity] = {}  # fiction: the writers of the letters quoted
        self._unowned = set()
        voices: List[int] = []  # fiction: records tagged by a voice of nobody named
        for idx, rec in enumerate(self.records):
            ent: Optional[_Entity] = None
            self._addressed = _turns._addressee(self, rec)
            self._idx = idx
            if rec.speaker is not None and rec.rule == _letters.RULE:
                ws, we = rec.speaker
                if ws >= rec.parts[0][0]:
                    ent = _letters.writer(self, ws, we)  # a letter: the one who signs it
                else:  # "a letter from Ann", "from him", "her father's letter"
                    wm = _letters.named_writer(text, ws, we)
                    ent = self._kin_person(ws, we, wm.head, starts) if wm.form == "description" else None
                    ent = ent or self._resolve_mention(wm, starts)
                if ent is not None:
                    letters[idx] = ent
                    extra.setdefault(id(ent), []).append(rec.speaker)
                ent = None  # (set once the turns are settled: a letter is none of them)
            elif rec.speaker is not None:
                s, e = rec.speaker
                m = _mentions.describe(text, s, e)
                if text[s:e].lower() in _RELATIVE_PRONOUNS:
                    ante = _relative_antecedent(text, s)
                    if ante is not None:
                        m = _mentions.describe(text, *ante)  # "the union, which endorsed her": the union
                if (self.genre == "fiction" and m.form == "description" and m.kind in ("person", "anonymous")
                        and not m.plural):
                    known = _CALLED_AFTER.match(text, e)
                    if known is not None:
                        km = _mentions.describe(text, *known.span("name"))
                        if km.form == "name" and km.kind == "person":
                            m = km  # "said a young man who was called Grief": Grief
                if self.genre == "fiction" and m.form == "name":
                    cut = self.of_split(s, e)
                    if cut is not None and all(w[:1].isupper() for w in text[s : cut[0]].split()):
                        m = _mentions.describe(text, s, cut[0])  # "asked Robert of Mrs. Hale": Robert
                tied: Optional[_Entity] = None
                if self.genre == "fiction" and m.form == "name" and m.definite and _nationality_noun(text, s, e, m):
                    # "said the Pole", "the young American": a description, not a name;
                    # the person the text said was one ("Tom Hale was a Pole")
                    m = Mention(s, e, "description", "person", m.gender, m.plural, None,
                                " ".join(text[s:e].split()[1:]), m.head, True)
                    tied = self._nationality_tie(text[s:e].split()[-1], s)
                owner = _kinship.OWNER_SEX.get(text[s:e].lower())
                voice = _OWN_VOICE.match(text, s, e) if self.genre == "fiction" and owner is None else None
                if voice is not None and voice.end() == e and voice.group(2).lower() in _utterance_owners():
                    # “…,” came his voice: he; "His lips trembled.": he
                    owner = _kinship.OWNER_SEX[voice.group(1).lower()]
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
                        if unowned:
                            voices.append(idx)
                if (self.genre == "fiction" and m.form == "name" and not m.title and m.name is not None
                        and text[s:e].strip() == m.name.strip() and self._common_word(m.name.strip())):
                    unowned = True  # “Nothing.” Suddenly, together, they said good-bye: no one named
                if self.genre == "fiction" and " ".join(text[s:e].lower().split()) == "the other":
                    unowned = True  # “…,” said the other: the one of the two talking who did not speak last
                    the_other.add(idx)
                if (self.genre == "fiction" and m.form == "description" and m.kind in ("person", "unknown")
                        and not m.plural and not unowned):
                    key = _epithet_key(text, s, e, m)
                    if key is not None:
                        epithets.append((idx, key, m))
                if owner is not None and m.form != "pronoun":
                    # "was her cordial reply": the owner, read as "she"
                    m = Mention(s, e, "pronoun", "person", owner, False, None, None, text[s:e].lower(), True, 3)
                turn = chosen[rec.alt] if rec.alt is not None and 0 <= rec.alt < idx else None
                if self.genre == "fiction" and m.form == "pronoun" and m.gender in ("m", "f"):
                    self.pronoun_sex[idx] = m.gender
                    if self._addressed is None and m.person == 3 and not m.plural:
                        # “…,” he said to Oak: Oak is the one spoken to, not "he"
                        self._addressed = _turns._told(self, rec)
                thought = (self.genre == "fiction" and m.form == "pronoun" and m.gender in ("m", "f")
                           and m.person == 3 and not m.plural and _turns.thinks(self, rec))
                thinker = _turns._thinker(self, rec, m.gender, starts) if thought and m.gender else None
                if thought:
                    anchored.add(idx)  # a thought is no turn: no conversation's parity overrules its tag
                narrated = (_turns._narration_subject(self, rec, m.gender, starts, idx, chosen)
                            if self.genre == "fiction" and m.form == "pronoun" and m.gender else None)
                if thinker is not None:
                    narrated = thinker  # "He lay down; he laughed. “…,” he thought": the one the chain of "he" follows
                called = (_turns._called(self, idx, m.gender) if (narrated is None or self._from_tail)
                          and m.form == "pronoun" and m.gender else None)
                goes_on = (_turns._continued(self, idx, m.gender, chosen)
                           if self.genre == "fiction" and m.form == "pronoun" and m.gender else None)
                if called is not None and narrated is not None and thinker is None:
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
                    anchored.add(idx)  # whatever the parity of the conversation says
                elif goes_on is not None:
                    ent = goes_on  # "Then he went on, “…”": the speaker of the turn before
                elif m.form == "pronoun" and turn is not None and turn.guess_gender() == m.gender:
                    ent = turn  # "said he" in a dialogue: the speaker two turns back
                else:
                    self._exclude = _turns._previous_turn(self, idx, chosen)
                    ent = None
                    if self.genre == "fiction" and m.form == "pronoun" and m.gender:
                        # "She sat down; she thought. | “…,” she said": the one the narration follows
                        ent = _turns._viewpoint_chain(self, idx, m.gender, starts, chosen)
                        if ent is None:
                            ent = _turns._participant(self, idx, m.gender, chosen)  # the one talked with before
                        if ent is None:
                            ent = _turns._goes_on_addressing(self, idx, m.gender, chosen)
                    if ent is None and self.genre == "fiction" and m.form == "pronoun" and m.gender and m.person == 3:
                        # "As soon as we saw the master we ran up." | “…,” he said: the master
                        ent = _turns._one_described_last(self, rec, m.gender, starts)
                    if ent is None:
                        if self.genre == "fiction" and m.form == "pronoun" and m.gender and m.person == 3:
                            self._bound = _turns._bound_names(self, rec, m.gender, starts)
                        ent = tied if tied is not None else self._resolve_mention(m, starts)
                        self._bound = set()
                    if (self.genre == "fiction" and m.form == "pronoun" and m.gender and m.person == 3
                            and (ent is None or (ent.guess_gender() is None and id(ent) not in self.speakers))):
                        # "He was met by an old woman. She held a candle. | “…,” she said":
                        # the one person of her sex the narration has just brought in
                        ent = _turns._described_near(self, idx, m.gender, starts) or ent
                    if (self.genre == "fiction" and m.form == "pronoun" and m.gender and m.person == 3
                            and ent is not None and id(ent) not in self.speakers and _turns.in_passing(self, ent, s)):
                        # "… the scowl of Goliath on the chapel wall …" | "The keeper looked up." |
                        # “…,” he said: the one the narration has just described, not a name compared with
                        described_before = _turns._described_before(self, rec, starts)
                        if described_before is not None and _turns._entity_sex(described_before) in (None, m.gender):
                            ent = described_before
                    if (self.genre == "fiction" and m.form == "pronoun" and m.gender and m.person == 3
                            and not m.plural and ent is None):
                        # "The old lady pulled her spectacles down. … | “…,” she said", no woman
                        # named before: the one so described (named once the text names her)
                        ent = _turns._defined_first(self, idx, m.gender, starts)
                    if (self.genre == "fiction" and m.form == "pronoun" and m.gender
                            and self._exclude is not None and _turns._entity_sex(self._exclude) == m.gender
                            and (ent is None or self._far(ent, s, self._exclude))):
                        # nobody else of that sex is near: "she" goes on from the turn before
                        # (“…,” said Kemp. | He sat down again. “…?” he asked.: not a man
                        # last named pages back, nor "Coketown"; an unnamed "old woman" too)
                        ent = self._exclude
                    if (self.genre == "fiction" and m.form == "description" and m.kind == "person"
                            and m.definite and not m.plural and not _epithet(text, m)
                            and (ent is None or not ent.forms or m.head in _GENERIC_PERSON)
                            and (ent is None or ent.kind != "anonymous")  # (not one described alike)
                            and idx not in self._restated):
                        # “…,” said the old man: the one man of the two talking (the turns
                        # before; once all tags are settled, those after as well)
                        pair = _kinship._one_of_pair(self, idx, m, ent, chosen)
                        if pair is not None:
                            ent = pair
                        else:
                            described.append((idx, m, ent))
                    self._exclude = None
                if ent is not None:
                    extra.setdefault(id(ent), []).append((s, e))
                    if self.genre == "fiction" and m.form == "description" and ent.forms:
                        self._named_so.add(_plain_phrase(text[s:e]).lower())  # ("the old man" was Mr. Hale)
                    if ent.kind == "anonymous" and self.genre == "fiction":
                        self._described_spoken.append((rec.span[0], ent))  # ("a thin, elderly gentleman")
                    if ent.kind == "person":
                        # a speaker is a likely antecedent for the pronouns that follow
                        self.spoken.append((rec.span[0], ent))
                        self.spoken_at.append(rec.span[0])
                        self._first_spoke.setdefault(id(ent), (rec.span[0], idx))
                        self.speakers.add(id(ent))
            elif rec.hint is not None:
                m = _mentions.describe(text, *rec.hint)
                parent = _turns.addressed_parent(self, rec.hint, rec.span[0], _turns.speaker_of(self, rec.hint, idx, chosen))
                if parent is not None:
                    ent = parent  # “…, Father?” | “…”: the father answers
                elif m.form == "name":
                    ent = _turns.namesake_present(self, m, self._known_person(m) or _turns.addressed_surname(self, m),
                                                  rec.span[0])
                    if ent is not None and self._place_like(ent):
                        ent = None  # “London, then.” | “…”: a place does not answer
            chosen[idx] = ent
        self._addressed = None
        self._idx = None
        for idx in voices:
            if chosen[idx] is None:
                # “…,” said a voice. It was Tom. | “Ralph?” said a voice. | “Joan?”
                chosen[idx] = _turns.voice_owner(self, idx)
                if chosen[idx] is not None:
                    anchored.add(idx)
                    self._unowned.discard(idx)  # (a tag of its own now: no turn the conversation fills)
        for idx, m, own in described:
            self._addressed = _turns._addressee(self, self.records[idx])
            pair = _kinship._one_of_pair(self, idx, m, own, chosen)
            if pair is not None:
                chosen[idx] = pair  # “…,” said the old man: the one man of the two talking
        self._addressed = None
        if epithets:
            # “…,” said the clergyman: the one named person the text's other tags so
            # worded stand for
            _kinship._repeated_epithets(self, epithets, chosen)
            for idx, _key, m in epithets:
                ent = chosen[idx]
                if (ent is None or (not ent.forms and ent.kind != "anonymous")) and idx not in self._restated:
                    # “…,” said the housekeeper: the person the role word brought in, named after it
                    self._addressed = _turns._addressee(self, self.records[idx])
                    chosen[idx] = _kinship._newcomer(self, idx, m, starts, chosen) or ent
            self._addressed = None
        for idx, stranger in self._restated.items():
            found = chosen[self._first_spoke[id(stranger)][1]]
            if found is not None and found is not stranger and found.forms:
                chosen[idx] = found  # the stranger's first tag was found to be someone named: so is this one
        # replies to a first turn: the most present person who is not its speaker
        narrating = self.genre == "fiction" and _turns.first_person_novel(self, chosen)
        # records tagged "the other" not given the other of a pair: looked at again once
        # the turns are settled (and whether narration stands before the turn before)
        other_later: List[Tuple[int, bool]] = []
        for idx, rec in enumerate(self.records):
            first = rec.other_than
            if chosen[idx] is None and first is None and idx in the_other and self.layout is not None:
                # “…,” said Ann. | “…,” said the other: the other of the two, as in a reply
                j = _turns._direct_before(self, idx)
                first = j if j >= 0 and _turns._opens_run(self, j) else None
                if first is None:
                    # “…,” said Ann. | “…,” cried Tom. | “…,” said the other: Ann
                    chosen[idx] = _turns.the_other_of_pair(self, idx, chosen)
                    if chosen[idx] is not None:
                        anchored.add(idx)
                    else:
                        other_later.append((idx, False))  # (a turn between not yet settled)
            if chosen[idx] is None and first is not None and 0 <= first < len(chosen):
                self._exclude = chosen[first]
                if self._exclude is not None:
                    chosen[idx] = _turns._present(self, first, starts)
                    if chosen[idx] is not None and idx in the_other:
                        other_later.append((idx, True))  # (the pair talking before is known only later)
                if self._exclude is not None and chosen[idx] is None and idx in the_other:
                    # “…,” said Ann. | Tom sat up. | “…,” he cried. | “…,” said the other: Ann
                    chosen[idx] = _turns.the_other_of_pair(self, idx, chosen, across=True)
                if self._exclude is not None and chosen[idx] is None and self.layout is not None and rec.rule == "fiction.reply":
                    # "Ann showed them the portrait. | “…?” said Tom. | “…”": the one the
                    # narration before the question was about answers it
                    chosen[idx] = _turns._acted_before(self, first, starts)
                if narrating and self._exclude is not None and chosen[idx] is None and self._exclude.kind != "narrator":
                    # “What were you doing?” he asked me. | “…”: the narrator answers
                    chosen[idx] = _turns._narrator_near(self, first)
                if self._exclude is not None and chosen[idx] is None:
                    chosen[idx] = self._salient(rec.span[0], None, starts)
                    if self.genre == "fiction" and self.layout is not None and rec.rule == "fiction.reply":
                        # "A stranger was before him. … Finally Tom said: | “…” | “…”": the
                        # stranger answers, not someone the narration has not named since
                        came = _turns._stranger_before(self, first)
                        salient = chosen[idx]
                        if came is not None and (salient is None or self._last_seen(salient, rec.span[0]) < came[0]):
                            chosen[idx] = came[1]
                self._exclude = None
        if self.genre == "fiction" and self.layout is not None:
            self._sexed_by_reply()
        # records that share another's source: forward, backward, forward again
        order = list(range(len(self.records)))
        addressed = [_turns._addressee(self, rec) for rec in self.records]
        runs = _turns.dialogue_runs(self) if self.genre == "fiction" and self.layout is not None else []
        if self.genre == "fiction":
            _turns.narrator_addressed(self, chosen, addressed)
            _turns._conversations(self, runs, chosen, addressed, anchored)
            _turns._nearest_of_parity(self, chosen, addressed)
        for seq in (order, order[::-1], order):
            for idx in seq:
                rec = self.records[idx]
                if chosen[idx] is None:
                    for ref in (rec.inherit, rec.alt):
                        if ref is not None and 0 <= ref < len(chosen) and chosen[ref] is not None:
                            if addressed[idx] is not None and chosen[ref] is addressed[idx]:
                                continue  # “…, Pat?” is not Pat's turn, whatever the alternation says
                            if not self.agrees(idx, chosen[ref]):
                                continue  # "she said" is not his turn
                            if (self.genre == "fiction" and self.layout is not None and rec.inherit is not None
                                    and rec.rule in _TURN_RULES and not _turns._led_in(self, idx)
                                    and any(chosen[ref] is b for b in _turns._tagged_beside(self, idx, chosen))):
                                continue  # one does not answer oneself: not the tagged turn's speaker next to it
                            chosen[idx] = chosen[ref]
                            break
        if self.genre == "fiction":
            # turns still without a speaker: the person most present just before them,
            # other than the one who spoke the turn before
            for idx, rec in enumerate(self.records):
                if chosen[idx] is None and rec.kind == "direct" and (rec.speaker is None or idx in self._unowned):
                    self._exclude = _turns._previous_turn(self, idx, chosen)
                    if self._exclude is None and self.layout is not None:
                        # no turn before it: not the person tagged in the paragraph after
                        after = _turns._tagged_beside(self, idx, chosen)
                        self._exclude = after[-1] if after else None
                    self._addressed = _turns._addressee(self, rec)
                    first = self.layout is not None and (rec.rule == "fiction.nearest" or _turns._opens_run(self, idx))
                    if first:
                        # "The old clerk rubbed his eyes and went on: | “…”"
                        chosen[idx] = _turns._lead_in_subject(self, rec, starts)
                    # "After a pause, she added," | “…”: someone of her sex
                    sex = _turns._lead_in_sex(self, rec) if first else None
                    if sex is None and idx in self._reply_sexed:
                        sex = self.pronoun_sex.get(idx)  # (“…?” | “Yes, sir.”: a man asked)
                    if first and chosen[idx] is None and self.layout is not None:
                        # "Tom Harlow looked up. | “…”": the narration's last subject (also
                        # for a run's first turn that the alternation links to later turns)
                        chosen[idx] = _turns._previous_narration_subject(
                            self, self.layout.paragraph(rec.span[0])[0], sex, starts)
                        across = _turns._turn_across(self, idx, chosen) if self._exclude is None else None
                        if across is not None and chosen[idx] is across:
                            # “…,” replied Ann. | Tom looked shocked, and Ann wondered. | “…”: the
                            # narration's other subject answers, not the one who has just spoken
                            self._exclude = across
                            other = _turns._previous_narration_subject(
                                self, self.layout.paragraph(rec.span[0])[0], sex, starts)
                            if other is not None:
                                chosen[idx] = other
                            else:
                                self._exclude = None
                    named = chosen[idx]
                    if first and sex is None and named is not None and self.layout is not None:
                        # "Tom came in, but she did not look up." | “…”: hers, not Tom's
                        last = _turns._last_subject_sex(self, rec)
                        if last is not None and named.guess_gender() not in (None, last):
                            chosen[idx] = (_turns._previous_narration_subject(
                                self, self.layout.paragraph(rec.span[0])[0], last, starts)
                                or self._salient(rec.span[0], last, starts))
                    if chosen[idx] is None and not first and self.layout is not None and self._exclude is not None:
                        # "Mr. Pell declared that …" | “…,” said Mrs. Hale. | “…”: Mr. Pell answers
                        chosen[idx] = _turns._reported_before(self, idx, chosen)
                    if chosen[idx] is None and first:
                        # "A porter came in. | “…”": the one the narration has just brought in
                        chosen[idx] = _turns._brought_in_before(self, rec, sex)
                    if chosen[idx] is None:
                        chosen[idx] = self._salient(rec.span[0], sex, starts)
                    if chosen[idx] is None:
                        # no named person near: "The girl flushed. | “…”"
                        chosen[idx] = _turns._described_before(self, rec, starts)
                    self._exclude = self._addressed = None
        if self.genre == "fiction" and self.layout is not None:
            _turns._goes_on(self, runs, chosen, addressed)
            _turns._decode_runs(self, runs, chosen, addressed, anchored)
            for idx, led_in in other_later:
                # “…” | Ann smiled and said, “…” | “…,” replied the other: of the pair
                # talking before, the one who is not Ann, once the turns are settled
                chosen[idx] = _turns.the_other_of_pair(self, idx, chosen, across=led_in, near=True) or chosen[idx]
            _turns.parent_answers(self, chosen)
        if self.genre == "fiction":
            _turns._same_tag(self, chosen)
            _turns._name_the_narrator(self, chosen)
            _turns._narrator_answers(self, chosen)
            _turns._self_introduced(self, chosen)
            _turns.opening_calls(self, chosen)
            _turns.continued_described(self, chosen)
            _turns.not_addressed(self, chosen)  # (last: no pass may give a turn to the one it addresses)
        for idx, ent in letters.items():
            chosen[idx] = ent  # (no conversation's parity makes a letter another's words)
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
        linked = self._title_link(m)
        if linked is not None and linked in self._titled_person:
            return self._titled_person[linked]  # "Miss Pell" addressed: the Harriet the text says she is
        toks = _name_tokens(m.name or "")
        if not toks:
            return None
        last = toks[-1].lower()
        cands = self.by_surname.get(last, [])
        if not cands:
            # (the index of given names, not a pass over every entity per mention)
            cands = self._with_first.get(last, [])
        if len(toks) > 1 and cands:
            # "Joe Hamilton" is not Berry Hamilton: a given name of its own rules out the
            # family's other members
            cands = [e for e in cands if e.first == toks[0].lower() or (
                not e.first and (m.gender is None or e.guess_gender() in (None, m.gender)))]
        if len(cands) == 1:
            if m.title and _honorific(m.title) and _honorific_conflict(m.title, self._distinct_titles(cands[0])):
                return None  # "Mrs. Collins" addressed is not Mr. Collins
            return cands[0]
        if cands and m.title:
            # "Mr Elliot" among a "Sir Walter Elliot" and a "Mr Elliot": the one so titled
            # before the first one whose titles merely agree
            for e in cands:
                if self._bears_title(e, m.title):
                    return e
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
        if m.form == "description" and m.definite and m.head in _ONE_OF_TWO and not m.plural:
            picked = self._one_of_two(m, starts)  # "said the former": not a source named "former"
            if picked is not None:
                return picked
        if m.form == "pronoun":
            if m.person == 1 and not m.plural:
                ent = self.by_key.get("narrator:") or self._new("narrator:", "narrator")
                ent.names.append("narrator")
                return ent
            if (self.genre == "fiction" and m.person == 3 and not m.plural and m.gender is None
                    and self.text[m.start : m.end].lower() == "it" and self._idx is not None
                    and self.records[self._idx].kind == "direct" and _kinship._tags(self, self._idx, m)):
                named = self._it_named(m, starts)
                if named is not None:
                    return named  # "The Gryphon lifted up its paws. “…!” it exclaimed": the Gryphon
            if m.person != 3 or m.plural or m.gender is None:
                if self.genre == "fiction" and m.person == 3 and m.plural:
                    pair = self._pair_before(m.start)
                    if pair is not None:
                        return pair  # "… by Kitty and Lydia. | “…!” would they exclaim"
                    group = _turns._group_before(self, m.start)
                    if group is not None:
                        return group  # "Children saw nothing strange in it. “…,” they thought"
                return self._own(m)
            # an unresolved "he" stays a speaker mention without a source
            return self._antecedent(m.start, m.gender, starts)
        # descriptions
        rel = _kinship._relative(self, m, starts)
        if rel is not None:
            return rel
        if self.genre == "fiction" and m.kind == "person" and m.definite and not m.plural:
            role = _kinship._role(self, m)
            if role is not None:
                return role
            answered = _kinship._answered_by_name(self, m)
            if answered is not None:
                return answered
            parent = _kinship._parent_present(self, m, starts)
            if parent is not None:
                return parent
            aged = _kinship._aged_present(self, m, starts)
            if aged is not None:
                return aged
            partner = _kinship._companion(self, m, starts)
            if partner is not None:
                return partner
        if (self.genre == "fiction" and m.kind == "person" and m.definite and not m.plural
                and self.text[m.start : m.end].split(None, 1)[0].lower() in _DEMONSTRATIVES
                and m.head in _kinship._role_heads()):
            pointed = self._pointed_at(m, starts)
            if pointed is not None:
                return pointed  # "Mrs. Hale came in. “…,” said this lady": Mrs. Hale
        styled = _STYLES.get(" ".join(self.text[m.start : m.end].lower().split()))
        if styled is not None:
            # "her ladyship", "his lordship": the person with such a title most present
            seen: Dict[int, Tuple[int, int]] = {}
            found: Dict[int, _Entity] = {}
            for d, ent, _spk in self._recent(m.start, starts, 5000, 80):
                if any(w.rstrip(".").lower() in styled for t in self._distinct_titles(ent) for w in t.split()):
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
                and not _epithet(self.text, m)
                and self.text[m.start : m.end].split()[0].lower() == "the"
                and not any(w.lower() in _ORDINALS for w in self.text[m.start : m.end].split()[1:-1])):
            # (not "the second gentleman": one of some people the text has not named)
            # "the girl", "the young man": the person of that sex most present just now
            g = _GENERIC_PERSON[m.head]
            present = self._salient(m.start, g, starts)
            before = self._spoke_so_described(m, present)
            if before is not None:
                if self._idx is not None and before.key == f"person:{_plain_phrase(self.text[m.start : m.end]).lower()}":
                    self._restated[self._idx] = before  # (the very words: no call nor vote makes it another)
                    self._restated_at[_plain_phrase(self.text[m.start : m.end]).lower()] = m.start
                return before  # "the old woman" who spoke chapters ago, not the woman named just now
            alike = self._described_alike(m)
            if alike is not None:
                return alike  # "the thin gentleman": the "thin, elderly gentleman" who spoke before
            introduced = _INTRODUCED.get(m.head)
            if introduced is None:
                introduced = _INTRODUCED[m.head] = regex.compile(
                    r"(?<![\p{L}])(?:an?|some|another)[^\S\n]+(?:[\p{L}\-]+[^\S\n]+){0,2}" + m.head + r"(?![\p{L}])",
                    regex.IGNORECASE)
            brought_in = introduced.search(self.text, max(0, m.start - 1500), m.start) is not None
            if (present is not None and not brought_in
                    and _turns._beside_named(self.text, m, present.mentions, self._quotes.covers)):
                brought_in = True  # "The old woman sat by the fire, and Jenny sat opposite": two women
            if present is not None and present.guess_gender() == g and not brought_in:
                return present  # unless "an old man" has just come in: "the old man" is he
            if brought_in and m.kind == "person":
                stranger = self._own(m)
                self._strangers.add(id(stranger))
                return stranger
        if m.kind == "person" and not m.definite:
            m = Mention(m.start, m.end, m.form, "anonymous", m.gender, m.plural, m.name, m.title, m.head, False)
        return self._own(m)

    def _it_named(self, m: Mention, starts: List[int]) -> Optional[_Entity]:
        """Fiction: for a tag "it" ("“…,” it said"), the creature the narration of the
        tag's paragraph or the one before names last, within ``_IT_BACK`` characters
        (outside quotations): one who has spoken a turn, named by neither a given name
        nor an honorific (a creature: "the Mouse", "the Gryphon"; not "the Standard"
        quoted), never the one spoken to."""
        lo = max(0, m.start - _IT_BACK)
        brk = self.text.rfind("\n\n", lo, m.start)
        if brk >= 0:
            prev = self.text.rfind("\n\n", lo, brk)
            lo = prev if prev >= 0 else lo
        first_names = _lexicons.mapping("first_names")
        i = bisect.bisect_left(starts, m.start) - 1
        while i >= 0:
            s, _e, ent = self.timeline[i]
            i -= 1
            if s < lo:
                break
            if (self._quotes.covers(s) or ent is self._addressed or not ent.forms or self._place_like(ent)
                    or id(ent) not in self.speakers):
                continue
            if (ent.first or any(_honorific(t) for t in self._distinct_titles(ent))
                    or any(w in first_names for n in ent.names for w in n.split())):
                continue  # (a person: "Alice", "Mr. Hale"; "it" is the Mouse)
            return ent
        return None

    def _pointed_at(self, m: Mention, starts: List[int]) -> Optional[_Entity]:
        """Fiction: for a tag "this lady", "that worthy man" (a demonstrative points
        back), the named person of the description's sex last mentioned or heard in the
        ``_POINTED_BACK`` characters before it (later named in a quotation, that one);
        for one of no sex ("this fond parent"), the last who spoke a turn there; never
        the one spoken to, a place or a thing; none when the narration has brought in an
        unnamed person who may be so described since ("sat a stranger in a grey coat")."""
        g = _kinship._description_sex(m)
        found: Optional[_Entity] = None
        lo = max(0, m.start - _POINTED_BACK)
        for d, ent, spk in self._recent(m.start, starts, _POINTED_BACK, 12):
            if ent is self._addressed or ent.kind != "person" or not ent.forms or self._place_like(ent):
                continue
            if not spk and self._thing_like(ent):
                continue
            if (ent.guess_gender() != g) if g is not None else not spk:
                continue  # (of no sex, "this fond parent": the last who spoke, not one named since)
            found, lo = ent, m.start - d
            break
        heads = _kinship._role_heads()
        for im in _BROUGHT_IN.finditer(self.text, lo, m.start):
            if self._quotes.covers(im.start()):
                continue
            words = im.group(1).split()
            k = next((i for i, w in enumerate(words) if w.rstrip(",") in heads), -1)
            if k < 0:
                continue
            sex = _kinship._description_sex(_mentions.describe_phrase(" ".join(words[: k + 1]).replace(",", "")))
            if g is None or sex in (None, g):
                return None  # "Beside him sat a stranger. “…,” said this gentleman": the stranger
        if g is not None:
            # (“… here is Mrs. Hale to look after.” | “…,” said that lady: named in the
            # words just spoken, after any name the narration gave)
            k = bisect.bisect_left(self._quoted_names, (m.start, -1)) - 1
            while k >= 0 and self._quoted_names[k][0] > lo:
                qs, qe = self._quoted_names[k]
                k -= 1
                named = self._known_person(_mentions.describe_phrase(self.text[qs:qe]))
                if (named is not None and named.kind == "person" and named is not self._addressed
                        and named.guess_gender() == g):
                    return named
        return found

    def _pair_before(self, pos: int) -> Optional[_Entity]:
        """Fiction: for "they" at ``pos``, two people the narration just before names
        together ("Kitty and Lydia"), the last such pair in ``_PAIR_BACK`` characters
        outside quotations, when no plural description comes after it ("the girls"):
        one source for the two."""
        lo = max(0, pos - _PAIR_BACK)
        last = None
        for pm in _PAIR.finditer(self.text, lo, pos):
            if not self._quotes.covers(pm.start()):
                last = pm
        if last is None or _PLURAL_AFTER.search(self.text, last.end(), pos) is not None:
            return None
        not_names = _lexicons.words("not_names")
        words = [last.group("a"), last.group("b")]
        for w in words:
            core = w.split()[-1]
            if core not in self.names or core.lower() in not_names or core.lower() in _mentions.PRONOUNS:
                return None
        name = " and ".join(" ".join(w.split()) for w in words)
        key = f"unknown:{name.lower()}"
        ent = self.by_key.get(key) or self._new(key, "unknown")
        ent.names.append(name)
        self._touched.append(ent)
        return ent

    def _bare_honorific(self, m: Mention) -> bool:
        """The phrase is an honorific alone, capitalised: "Mademoiselle", "the Duchess"."""
        words = self.text[m.start : m.end].split()
        if words and words[0].lower() == "the":
            words = words[1:]
        return (len(words) == 1 and words[0][:1].isupper()
                and _lexicons.mapping("honorifics").get(words[0].rstrip(".")) is not None)

    def _own(self, m: Mention) -> _Entity:
        text = self.text
        phrase = _plain_phrase(text[m.start : m.end])
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
            ent.titles.append(_plain_phrase(m.title))
        if m.form != "pronoun" and not ent.gender:
            # "the old woman", "my mother": the description gives the sex
            g = m.gender or _lexicons.mapping("kinship_words").get(m.head or "")
            if g in ("m", "f"):
                ent.gender = g
        self._touched.append(ent)
        return ent

    def _one_of_two(self, m: Mention, starts: List[int]) -> Optional[_Entity]:
        """"the former" / "the latter" (``m``): the first or the second of the last two
        people named before it, outside quotations, within ``_TWO_BACK`` characters
        ("Tom and Harry came in. “…,” said the former.": Tom)."""
        text = self.text
        lo = _dialogue.sentence_start(text, m.start, max(0, m.start - _TWO_BACK))
        # the pair is named before the sentence's first "the former"/"the latter" ("between
        # Ann and Jane -- the former of whom listened to Tom, and the latter said": Jane)
        first = _turns._FORMER_LATTER.search(text, lo, m.start)
        at = first.start() if first is not None else m.start
        seen: List[_Entity] = []
        i = bisect.bisect_left(starts, at) - 1
        while i >= 0 and len(seen) < 2:
            s, _e, ent = self.timeline[i]
            i -= 1
            if at - s > _TWO_BACK:
                break
            if all(ent is not x for x in seen):
                seen.append(ent)
        if len(seen) < 2:
            return None
        return seen[1] if m.head == "former" else seen[0]

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

    def _sexed_by_reply(self) -> None:
        """Fiction: an untagged turn answered by one that calls its speaker "sir" (“…?” |
        “Yes, sir; …”) is a man's, one answered with "ma'am" or "madam" a woman's: the
        sex its speaker must have (``pronoun_sex``), as a "he said" would give it."""
        text = self.text
        assert self.layout is not None
        for i in range(1, len(self.records)):
            rec = self.records[i]
            if rec.kind != "direct" or not rec.parts:
                continue
            s, e = rec.parts[0]
            m = _SIR.search(text, max(0, s - 1), min(e, s + _SIR_REACH))
            if m is None:
                continue
            prev = self.records[i - 1]
            if prev.kind != "direct" or prev.speaker is not None or i - 1 in self.pronoun_sex:
                continue
            ps, _pe = self.layout.paragraph(s)
            qs, qe = self.layout.paragraph(prev.span[0])
            if qs >= ps or text[qe:ps].strip():
                continue  # (only the turn in the paragraph just before)
            self.pronoun_sex[i - 1] = "m" if m.group(1).lower() == "sir" else "f"
            self._reply_sexed.add(i - 1)

    def _kin_near(self, pos: int, gender: str, starts: List[int]) -> List[Tuple[int, _Entity, bool]]:
        """Fiction: a person the narration calls only by kinship ("She looked at her
        father. He took the hint") is present there as much as one it names: each
        "his/her/their <elder or spouse>" of ``gender`` outside quotations within
        ``_KIN_BACK`` characters before ``pos`` that reads as a named person
        (``_kin_person``), as a mention (distance, person, False) for ``_salient``."""
        if self._kin_spots is None:
            self._kin_spots = self._find_kin_spots()
            self._kin_at = [t[0] for t in self._kin_spots]
        out: List[Tuple[int, _Entity, bool]] = []
        sexes = _lexicons.mapping("kinship_words")
        k = bisect.bisect_left(self._kin_at, pos) - 1
        while k >= 0 and pos - self._kin_at[k] <= _KIN_BACK:
            s, e, head = self._kin_spots[k]
            k -= 1
            if e > pos or sexes.get(head) != gender:
                continue
            if s not in self._kin_read:
                self._kin_read[s] = self._kin_person(s, e, head, starts)
            ent = self._kin_read[s]
            if ent is not None:
                out.append((pos - s, ent, False))
        return out

    def _find_kin_spots(self) -> List[Tuple[int, int, str]]:
        """Fiction: "his/her/their <elder or spouse>" (``_KIN_ELDERS``) outside
        quotations: (start, end, head), in text order (a plain search per word)."""
        text = self.text
        found: List[Tuple[int, int, str]] = []
        for head in _KIN_ELDERS:
            i = text.find(" " + head)
            while i != -1:
                e = i + 1 + len(head)
                j = i
                while j > 0 and text[j - 1] in " \t\r\f\v":
                    j -= 1
                w = text[max(0, j - 5) : j]
                owner = next((o for o in ("their", "his", "her") if w.lower().endswith(o)), None)
                if (owner is not None and (e >= len(text) or not (text[e].isalpha() or text[e] == "-"))
                        and (j - len(owner) == 0 or not text[j - len(owner) - 1].isalpha())
                        and text[j - len(owner)] in "HhTt" and text[j - len(owner) + 1 : j].islower()
                        and not self._quotes.covers(j - len(owner))):
                    found.append((j - len(owner), e, head))
                i = text.find(" " + head, i + 1)
        found.sort()
        return found

    def _kin_person(self, s: int, e: int, head: str, starts: List[int]) -> Optional[_Entity]:
        """Fiction: the named person "her father" at ``s`` reads as (``_kinship._relative``,
        read as from the narration, for no record): one the text calls such a relative,
        or a parent or spouse of the possessor's family name ("Ann Hale … her father": Mr.
        Hale; a possessor of no known family, "Ann": one of a married couple the text
        names, with a parent's title); None for a mere guess."""
        text = self.text
        m = _mentions.describe(text, s, e)
        if m.form != "description":
            return None
        saved = (self._idx, self._exclude, self._addressed)
        self._idx, self._exclude, self._addressed = None, None, None
        self._kin_busy = True
        try:
            ent = _kinship._relative(self, m, starts)
            if ent is None or ent.kind != "person" or not ent.forms:
                return None
            ties, _owners = _kinship._kin_ties(self)
            if id(ent) in ties.get(head, ()):
                return ent
            if head not in _kinship._PARENT_OR_SPOUSE or not ent.surname:
                return None
            pg = _kinship.OWNER_SEX.get(text[s:e].split()[0].lower())
            _owner, family = _kinship._possessor(self, m, pg, starts)
            if family is None:
                if (ent.surname not in _kinship._couples(self)
                        or not _kinship._wed_title(self, ent, ent.guess_gender())):
                    return None
            elif family != ent.surname:
                return None
            return ent
        finally:
            self._idx, self._exclude, self._addressed = saved
            self._kin_busy = False

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
        # what is asked of each person once per call (the same few people fill the window)
        facts: Dict[int, Tuple[bool, bool, Optional[str], bool]] = {}
        recent = self._recent(pos, starts, 5000, 80)
        if self.genre == "fiction" and gender is not None and not self._kin_busy:
            recent.extend(self._kin_near(pos, gender, starts))
        for d, ent, spk in recent:
            if ent is self._exclude or ent is self._addressed or id(ent) in self._bound:
                continue
            known = facts.get(id(ent))
            if known is None:
                known = facts[id(ent)] = (self._place_like(ent), self._thing_like(ent), ent.guess_gender(),
                                          self._talked_about(ent))
            place, thing, g, talked = known
            if place or (not spk and thing):
                continue
            if gender is not None and g is not None and g != gender:
                continue
            if gender is not None and g is None and not spk and (not ent.first or self.placed.get(id(ent), 0) > 0):
                continue  # "she": not a lone name of no known sex ("Nebraska", "Bistritz") that has not spoken
            w = 1.0 / (1.0 + d / 100.0) * (1.5 if g == gender else 1.0)
            if not spk and talked:
                w *= _NEVER_SUBJECT_WEIGHT  # never the subject of a clause, only talked about: "a letter from Jane"
            elif (not spk and self.genre == "fiction" and self.text.startswith(" of ", pos - d - 4)
                    and _NAMED_OF.search(self.text, max(0, pos - d - 16), pos - d) is None):
                # "the expectation of Mr. Pell": talked about there, not present (but "a man
                # by the name of Tom Pell" brings him in)
                w *= _OF_WEIGHT
            if id(ent) not in scores:
                scores[id(ent)] = 0.1 * math.log1p(self.counts.get(id(ent), 0))
            scores[id(ent)] += w
            ents[id(ent)] = ent
        if not scores:
            return None
        return ents[max(scores, key=lambda k: scores[k])]

    def _far(self, ent: _Entity, pos: int, near: _Entity) -> bool:
        """Fiction: ``ent`` was last named or heard (as the speaker of a turn) more
        than ``_FAR_BACK`` characters before ``pos``, and ``near`` within them."""
        return pos - self._last_seen(ent, pos) > _FAR_BACK >= pos - self._last_seen(near, pos)

    def _last_seen(self, ent: _Entity, pos: int) -> int:
        """Fiction: where ``ent`` was last named (outside quotations; also as a relative
        ``_kin_near`` has read as it) or spoke a turn before ``pos``, -1 if nowhere (bounded: the last ``_FAR_SPOKEN`` speakers)."""
        i = bisect.bisect_left(ent.mentions, (pos, -1)) - 1
        at = ent.mentions[i][0] if i >= 0 else -1
        if self._kin_spots is not None:
            # "She looked at her father. | He took the hint": a kinship mention the
            # pronoun's own search has read as ``ent`` counts as naming it
            k = bisect.bisect_left(self._kin_at, pos) - 1
            while k >= 0 and self._kin_at[k] > at and pos - self._kin_at[k] <= _KIN_BACK:
                if self._kin_read.get(self._kin_at[k]) is ent:
                    at = self._kin_at[k]
                    break
                k -= 1
        j = bisect.bisect_left(self.spoken_at, pos) - 1
        for k in range(j, max(-1, j - _FAR_SPOKEN), -1):
            if self.spoken[k][1] is ent:
                return max(at, self.spoken[k][0])
        return at

    def _thing_like(self, ent: _Entity) -> bool:
        """Fiction: a name the text uses at least twice, never as a clause's subject,
        with no honorific and no given name ("Pemberley", "Windy Corner"): a place or
        a thing rather than someone who talks."""
        return self._talked_about(ent) and ent.named == [0, 0] and not any(_honorific(t) for t in self._distinct_titles(ent))

    def _talked_about(self, ent: _Entity) -> bool:
        """Fiction: named at least twice and never as the subject of a clause."""
        return self._subject_count.get(id(ent), 0) == 0 and self.counts.get(id(ent), 0) >= 2

    def _place_like(self, ent: _Entity) -> bool:
        """Fiction: a name mostly written after 'in', 'at', 'near' ("in Hartwell",
        "at Hartwell", "went to Hartwell") is a place, whatever its pronoun votes say; it
        never speaks. So is one that seldom does what a person does ("Oak nodded", "said
        Oak.": ``_person_act``) and reads as a place or a thing (``_sited``) in a quarter
        of its mentions ("across England", "the hills of Surrey", "a Greeklike struggle";
        a given name, "Florence", in half and twice at least), a place word opening it
        ("Castle Dracula") or an adjective's ending ("Homeric"). A name with an honorific or
        a rank ("to Mrs. Pell") is a person."""
        if not (_PLACE_MEMO and self._scanned):
            return self._judge_place(ent)
        # After ``scan`` the counts read below (``placed``, ``counts``, ``_acted``, ``_sited``,
        # ``_saint_acted``, ``_place_named``) no longer change; an entity's names and titles
        # only grow and ``named`` only counts up, so their sizes say when to judge again
        # (the entity is kept with its answer: its id is never another's meanwhile).
        state = (len(ent.names), len(ent.titles), ent.named[0], ent.named[1])
        memo = self._place_memo.get(id(ent))
        if memo is not None and memo[0] is ent and memo[1] == state:
            return memo[2]
        found = self._judge_place(ent)
        self._place_memo[id(ent)] = (ent, state, found)
        return found

    def _judge_place(self, ent: _Entity) -> bool:
        """``_place_like`` without its memo."""
        placed = self.placed.get(id(ent), 0)
        n = self.counts.get(id(ent), 0)
        if (self.genre == "fiction" and not self._acted.get(id(ent)) and id(ent) not in self._saint_acted
                and _saint_named(ent)):
            return True  # "St. Paul", "Saint Mary": a city, a church or a saint, unless the text has it act
        if not (placed > 0 and 2 * placed >= n):
            if self.genre != "fiction":
                return False
            sited = self._sited.get(id(ent), 0)
            acted = self._acted.get(id(ent), 0)
            if acted and 3 * acted >= sited:
                return False  # ("Irish murmured"; not "London agreed" once among many "in London")
            if id(ent) in self._place_named or (ent.named == [0, 0] and _adjective_name(ent)):
                sited = n  # "Castle Dracula"; "Homeric", "Greeklike"
            if not sited:
                return False
            if not (4 * sited >= n if ent.named == [0, 0] else (sited >= 2 and 2 * sited >= n)):
                return False
        hons = _lexicons.mapping("honorifics")
        return not any(hons.get(w) is not None for t in self._distinct_titles(ent) for w in t.split())

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

    def _described_alike(self, m: Mention) -> Optional[_Entity]:
        """Fiction: for "the thin gentleman", the unnamed speaker last described with that
        head and every one of those words before it ("a thin, elderly gentleman", "the
        old woman at the well" for "the old woman"), among the last ``_ALIKE_SPEAKERS``
        speakers of each kind within ``_ALIKE_BACK`` characters; None for a plain "the
        gentleman"."""
        words = self._tag_words(m)
        mods = {w for w in words[1:-1] if w}
        if not mods or words[-1] != m.head:
            return None
        best: Optional[Tuple[int, _Entity]] = None
        synonyms = _alike_words()
        heads = {m.head} | synonyms.get(m.head, frozenset())
        alike = [{w} | synonyms.get(w, frozenset()) for w in mods]  # ("the old lady": "an elderly woman")
        for told in (self._described_spoken, self.spoken):  # ("the old woman at the well" too)
            hit = _unnamed_speaker(told, m.start, _ALIKE_SPEAKERS, _ALIKE_BACK, -1 if best is None else best[0],
                                   lambda ent: not heads.isdisjoint(ent.words())
                                   and all(not a.isdisjoint(ent.words()) for a in alike))
            if hit is not None:
                best = hit
        return None if best is None else best[1]

    def _tag_words(self, m: Mention) -> List[str]:
        """The words of a description tag ``m``, in lower case, without edge punctuation."""
        return [w.strip(".,;:!?'’").lower() for w in self.text[m.start : m.end].split()]

    def _spoke_so_described(self, m: Mention, present: Optional[_Entity]) -> Optional[_Entity]:
        """Fiction: for "the gentleman", "the old woman" (a generic head, no tie to a name),
        the unnamed person who has already spoken under that description: for a plain
        head ("the gentleman"), one of the last ``_PLAIN_ALIKE_SPEAKERS`` speakers within
        ``_PLAIN_ALIKE_BACK`` characters described with it ("said this gentleman");
        unless the turn before calls someone of its sex (“…, Ann?” | “…,” said the girl);
        for one with more words ("the old woman"), the stranger (brought in as "an old
        woman") tagged with those very words anywhere before, when the narration just
        before speaks of her again ("the curious old woman he had met"; or such a tag
        took her up within ``_RECALL_BACK`` characters), the words never stood for a named
        person, and the person of that sex most present (``present``) was named before
        the stranger first spoke (one who came in beside her, not one the text names
        later), and no one of that sex is named for the first time in those characters
        ("The old lady gave her name as Mrs. Pell.")."""
        words = self._tag_words(m)
        if not words or words[-1] != m.head:
            return None
        if len(words) == 2:
            if self._idx is not None and _turns._called(self, self._idx, _GENERIC_PERSON[m.head]) is not None:
                return None  # “…, Jupe?” | “…,” said the girl: the one called answers
            hit = _unnamed_speaker(self.spoken, m.start, _PLAIN_ALIKE_SPEAKERS, _PLAIN_ALIKE_BACK, -1,
                                   lambda ent: ent.words() - _DETERMINERS == {m.head})  # (not "the old woman")
            return None if hit is None else hit[1]
        phrase = _plain_phrase(self.text[m.start : m.end]).lower()
        if phrase in self._named_so:
            return None  # ("the young girl" was Daisy before: a named person so described)
        said = self.by_key.get(f"person:{phrase}")
        if said is None or said.forms or id(said) not in self._first_spoke or id(said) not in self._strangers:
            return None
        if not (self._restated_at.get(phrase, -_RECALL_BACK - 1) >= m.start - _RECALL_BACK
                or self._recalled(m, phrase)):
            return None
        if present is not None and (not present.mentions or present.mentions[0][0] > self._first_spoke[id(said)][0]):
            return None
        g = _GENERIC_PERSON[m.head]
        i = bisect.bisect_left(self._starts, m.start - _RECALL_BACK)
        while i < len(self.timeline) and self.timeline[i][0] < m.start:
            named = self.timeline[i][2]
            if named.mentions and named.mentions[0][0] == self.timeline[i][0] and named.guess_gender() == g:
                return None  # someone of her sex named for the first time just now may be she
            i += 1
        return said

    def _recalled(self, m: Mention, phrase: str) -> bool:
        """Fiction: the narration in the ``_RECALL_BACK`` characters before the tag
        ``m`` speaks of a person with the tag's words, "the"/"this"/"that" and up to two
        words before them ("the curious old woman he had met before"), outside quotations
        and not as another tag's subject."""
        words = phrase.split()[1:]
        lo = max(0, m.start - _RECALL_BACK)
        key = " ".join(words)
        pat = _RECALL.get(key)
        if pat is None:
            pat = _RECALL[key] = regex.compile(
                r"(?<![\p{L}])(?:[Tt]he|[Tt]his|[Tt]hat)(?:\s+[\p{L}\-]+){0,2}?\s+" + r"\s+".join(
                    regex.escape(w) for w in words) + r"(?![\p{L}])", regex.IGNORECASE)
        if self._speaker_starts is None:
            self._speaker_starts = {rec.speaker[0] for rec in self.records if rec.speaker is not None}
        for rm in pat.finditer(self.text, lo, m.start):
            if not self._quotes.covers(rm.start()) and rm.start() not in self._speaker_starts:
                return True
        return False

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


# (searched backwards, (?r): only whether it is there is read, found from the end instead of
# by trying every start in the window)
_SUBJECT_BEFORE = regex.compile(r"(?r)(?:\A|[.!?;:\n\N{EM DASH}][\"'”’]?|,[^\S\n]+(?:and|but|then|while|when|as))"
                                r"(?:[^\S\n]*(?:and|but|then|so[^\S\n]+that|And|But|Then|the|The|old|young|little|poor))*"
                                r"[^\S\n\"'“‘(]*\Z")
_NEVER_SUBJECT_WEIGHT = 0.1
# fiction: a name opening a sentence's fronted clause of time or concession ("When Ann
# had gone,"), and the main clause's subject pronoun after its one comma (", she found")
_FRONTED_WHEN = regex.compile(r"(?:\A|[.!?][\"'”’]?[^\S\n]+|\n[^\S\n]*)(?:"
                              + "|".join(sorted(_turns.SUBORDINATE_OPENERS)) + r")[^\S\n]+\Z")
_MAIN_PRONOUN = regex.compile(r"[^.!?;:\"“”\n,]*+,[^\S\n]+(?P<p>he|she)[^\S\n]+\p{Ll}")
_MAIN_PRONOUN_BACK = 200
_OF_WEIGHT = 0.5  # fiction: a name after "of" weighs so much for a pronoun
_NAMED_OF = regex.compile(r"(?<![\p{L}])(?i:name|names|cognomen)\s+of\s+\Z")
# fiction: "sir", "ma'am", "madam" addressed near a turn's start (“Yes, sir; …”, “Sir, …”)
_SIR = regex.compile(r"(?:(?<=[,!?.;][^\S\n]{0,3})|(?<=[\"“‘'][^\S\n]{0,3}))([Ss]ir|[Mm]a['’]am|[Mm]adam)"
                     r"(?=[^\S\n]*(?:[,;.!?\N{EM DASH}]|--))")
_SIR_REACH = 40  # characters from a turn's start within which its "sir" answers the turn before
_KIN_ELDERS = frozenset("father mother papa mamma husband wife uncle aunt".split())
_KIN_BACK = 1500  # fiction: characters back a kinship mention ("her father") weighs for a pronoun


# fiction: a "he said" whose most salient referent was last named or heard this many
# characters back, when the speaker of the turn before (of that sex) is nearer, goes
# on with that speaker
_FAR_BACK = 1500
_ONE_OF_TWO = frozenset({"former", "latter"})
_TWO_BACK = 600  # characters before "the former" looked at for the two people it picks from
_FAR_SPOKEN = 40  # earlier speakers looked back over for the last time someone spoke
_STYLES = {"her ladyship": frozenset({"lady", "duchess", "countess", "marchioness", "baroness"}),
           "his lordship": frozenset({"lord", "duke", "earl", "marquis", "baron", "viscount"}),
           "her grace": frozenset({"duchess"}), "his grace": frozenset({"duke", "archbishop"})}
_TIE_GAP = 80  # characters between a name and "was a Pole" in one sentence
# fiction: a speaker's own voice, reply or body part as the tag's subject ("came his low
# voice", "His lips trembled"); the noun must be in ``data/utterance_owners.txt``
_OWN_VOICE = regex.compile(r"([Hh]is|[Hh]er)(?:\s{1,3}[\p{Ll}\-]+)?\s{1,3}(\p{L}+)")
# fiction: a voice of nobody named ("said a voice", "came a low voice behind", "the face")
_UNOWNED_DETERMINERS = frozenset("a an one the".split())
# fiction: somebody's voice ("the Rabbit's voice", "Tom's low voice"): group 1 is the owner
_HELD_VOICE = regex.compile(r"((?:[Tt]he\s{1,3})?\p{Lu}[\p{L}.\-]*(?:\s{1,3}\p{Lu}[\p{L}.\-]*){0,2})['’]s?"
                            r"(?:\s{1,3}[\p{Ll}\-]+)?\s{1,3}(\p{Ll}+)")


# fiction: a name in capitals opening a paragraph, lower-case words after it ("MR. PELL'S
# pleasure", "SIR HUGH MARSH was", "ANNA, on the long walk"): an honorific and one or two words
_CAPITAL_OPENING = regex.compile(
    r"(?P<name>(?:(?:MRS?|MISS|DR|SIR|LADY|LORD)\.?[^\S\n]+)?\p{Lu}{2,}(?:[^\S\n]+\p{Lu}{2,}){0,2})"
    r"(?:['’]S)?(?![\p{L}'’])[,;]?[^\S\n]+\p{Ll}")


def _nationality_noun(text: str, s: int, e: int, m: Mention) -> bool:
    """Fiction: ``text[s:e]`` is "the" and a capitalised noun for a person of a nation
    (``data/nationality_nouns.txt``), perhaps after lower-case adjectives: "the Pole",
    "the young American"."""
    words = text[s:e].split()
    return (len(words) >= 2 and words[0].lower() == "the" and words[-1][:1].isupper()
            and all(w.islower() for w in words[1:-1]) and m.head == words[-1].lower()
            and m.head in _lexicons.words("nationality_nouns"))


def _utterance_owners() -> FrozenSet[str]:
    return _lexicons.words("utterance_owners")


_PLACE_BEFORE = regex.compile(r"(?<![\w'’])(?:in|at|near|into|to|towards?|through|from)[^\S\n]+(?:the[^\S\n]+)?\Z",
                              regex.IGNORECASE)
# fiction: "Mr. Pell of Brackley", "Josiah Pell of Brackley": the name after "of" is where a person is from
_HOME_BEFORE = regex.compile(r"(?<![\p{L}.])(?:" + _SHORT_HONORIFIC + r"|\p{Lu}\p{Ll}+)[^\S\n]+\p{Lu}\p{Ll}+[^\S\n]+of[^\S\n]+\Z")
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_DATE_BEFORE = regex.compile(
    r"(?:(?<![\p{L}\d])\d{1,2}(?:st|nd|rd|th)?\.?[^\S\n]+(?:of[^\S\n]+)?"
    r"|(?<![\p{L}])(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\p{L}+teenth"
    r"|twentieth|thirtieth|\p{L}+-(?:first|second|third|\p{L}+th))[^\S\n]+of[^\S\n]+)\Z", regex.IGNORECASE)
_DATE_AFTER = regex.compile(r",?[^\S\n]*\d")
_RELATIVE_PRONOUNS = frozenset("which that who".split())


# particles of a family name ("de Blasio", "van Buren"): no given name when they open a name
_PARTICLES = frozenset("de van von der den da du del della di le la".split())


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


# fiction: words before a name that make it a place: a preposition of place ("across
# England", "in all France"), or a verb of going and its preposition ("went to Sonora");
# searched backwards ((?r)): only whether it is there is read
_SITED_BEFORE = regex.compile(
    r"(?r)(?<![\p{L}'’])(?:(?:in|into|near|across|through|throughout|beyond|within|outside)(?:[^\S\n]+all)?"
    r"|(?:went|go|goes|going|gone|came|come|comes|coming|returned|return|returning|back|journey|journeyed"
    r"|travelled|traveled|travelling|traveling|sailed|drove|rode|arrived|arrive|arriving|moved|fled|way)"
    r"[^\S\n]+(?:to|from|at|for|towards?|into))[^\S\n]+(?:the[^\S\n]+)?\Z", regex.IGNORECASE)
# a determiner before a name used as a modifier ("a Greeklike struggle", "our own Ordnance Survey maps")
_SPACE = r"(?:[^\S\n]++\n?+[^\S\n]*+|\n[^\S\n]*+)"  # spaces, with one line break at most
_MODIFIER_BEFORE = regex.compile(r"(?<![\p{L}'’])(?i:a|an|our|my|your|his|her|their|its|this|that)"
                                 r"(?:" + _SPACE + r"\p{Ll}++){0,2}+" + _SPACE + r"\Z")
# speed only: what any _MODIFIER_BEFORE match is too (a determiner, up to two words, spaces,
# the end), searched backwards ((?r), no possessive runs: their classes do not overlap); the
# window is searched forwards only where this is found
_MAY_MODIFY = regex.compile(r"(?r)(?<![\p{L}'’])(?i:a|an|our|my|your|his|her|their|its|this|that)(?:\s+\p{Ll}+){0,2}\s+\Z")
# a place word and "of" before a name ("the county of Surrey", "the hills of Surrey"): group 1
_PLACE_OF_BEFORE = regex.compile(r"(?<![\p{L}'’])(\p{Ll}++)[^\S\n]++of[^\S\n]++\Z")
_WORD_AFTER = regex.compile(_SPACE + r"(\p{Ll}++)(?![\p{L}'’])")
# searched backwards ((?r)): the same match as forwards (the one run of lower-case letters
# before the spaces that end the window), found from the end instead of by trying every start
_WORD_BEFORE = regex.compile(r"(?r)(?<![\p{L}'’])(\p{Ll}+)[^\S\n]+\Z")
_TAG_END = regex.compile(r"[^\S\n]*+(?:[,.;:!?\N{EM DASH}]|\n|\Z)")
_PREPOSITIONS = frozenset("of in at to from with by for on into near".split())
_PLACE_OF_WORDS = frozenset("country countries kingdom province provinces streets shores coast capital "
                            "towns villages counties cities parish port".split())
_NAMING_VERBS = frozenset("called named termed".split())
# what only a person does, as the verb right after a name ("Oak nodded")
_PERSON_ACTS = frozenset("sat stood smiled nodded laughed sighed frowned shrugged glanced stared whispered muttered "
                         "grinned blushed wept thought looked turned walked".split())


_ADJECTIVE_ENDS = ("like", "ic", "ish", "ese", "esque")


def _unnamed_speaker(told: List[Tuple[int, _Entity]], at: int, most: int, back: int, floor: int,
                     fits: Callable[[_Entity], bool]) -> Optional[Tuple[int, _Entity]]:
    """Fiction: the last unnamed speaker in ``told`` (turns as (where, who), in text
    order) that ``fits``, with where it spoke: among the last ``most`` of them, within
    ``back`` characters before ``at`` and after ``floor``."""
    k = len(told) - 1
    while k >= 0 and len(told) - k <= most:
        pos, ent = told[k]
        k -= 1
        if at - pos > back or pos <= floor:
            break
        if not ent.forms and fits(ent):
            return pos, ent
    return None


# "St. Paul", "Saint Mary": a saint's style before a given name
_SAINT_WORDS = frozenset(("st.", "st", "saint"))
# a clause's subject going on with what a person does ("St. John rose", "St. John turned"; not
# "St. Paul was", "St. Paul had grown"): the text makes a person of the saint's name
_SAINT_ACTS = regex.compile(r"[^\S\n]+(?:\p{Ll}+ly[^\S\n]+)?"
                            r"(?:came|went|rose|took|got|ran|saw|made|gave|looked|turned|\p{Ll}+ed)(?![\p{L}])")


# ``_place_like`` keeps its answers per entity once ``scan`` is done (False: judged each
# call; tests/test_speed_prefilters.py checks both give the same records)
_PLACE_MEMO = True


def _saint_named(ent: _Entity) -> bool:
    """Fiction: every name of ``ent`` is a saint's style and a given name ("St. Paul",
    "Saint Catherine"; not "St. Aubert", a family name): a place, a church or the saint,
    not someone present (the first few names looked at: bounded work)."""
    for name in ent.names[:8]:
        toks = _name_tokens_of(name)
        if toks[-1:] == ("s",):
            toks = toks[:-1]  # "St. Paul s": a possessive, its apostrophe lost
        if len(toks) != 2 or toks[0].lower() not in _SAINT_WORDS or toks[1] not in _lexicons.mapping("first_names"):
            return False
    return bool(ent.names)


def _adjective_name(ent: _Entity) -> bool:
    """Fiction: one capitalised word with an adjective's ending ("Homeric", "Greeklike",
    "Irish"): no person unless the text makes it one (see ``_person_act``)."""
    return bool(ent.names) and all(" " not in n.strip() and len(n) > 5 and n.endswith(_ADJECTIVE_ENDS)
                                   for n in ent.names[:4])


def _person_act(text: str, s: int, e: int) -> bool:
    """Fiction: a name mention that reads as a person: the subject of a verb of saying or of
    what a person does ("Oak said", "Oak slowly nodded"), or after a verb of saying ("said Oak")."""
    b = _WORD_BEFORE.search(text, max(0, s - 30), s)
    m = _WORD_AFTER.match(text, e, e + 40)
    if m is not None and not (b is not None and b.group(1) in _PREPOSITIONS):  # ("the men of Coketown threatened")
        w = m.group(1)
        if w.endswith("ly"):
            m2 = _WORD_AFTER.match(text, m.end(), m.end() + 30)
            w = m2.group(1) if m2 is not None else w
        if w in _PERSON_ACTS or _inflected_saying(w):
            return True
    # "said Oak." (not "called Coketown in …", "rejoined Howards End and …")
    return (b is not None and _inflected_saying(b.group(1)) and b.group(1) not in _NAMING_VERBS
            and _TAG_END.match(text, e) is not None)


def _inflected_saying(word: str) -> bool:
    """"said", "asked", "replies": an inflected verb of saying."""
    if word not in _mentions._tag_forms():
        return False
    return word.endswith("ed") or _cues.lemma_of().get(word, word) != word


def _sited(text: str, s: int, e: int) -> bool:
    """Fiction: a name mention that reads as a place or a thing: after a preposition of place
    or a verb of going ("in all England", "went to Sonora"), not a possessor ("in Ann's
    room"); or a modifier between a determiner and a noun ("a Greeklike struggle")."""
    if text.startswith(("'s", "’s", "'", "’"), e):
        return False
    if _SITED_BEFORE.search(text, max(0, s - 30), s) is not None:
        return True
    of = _PLACE_OF_BEFORE.search(text, max(0, s - 24), s)
    if of is not None and (of.group(1) in _lexicons.words("place_words") or of.group(1) in _PLACE_OF_WORDS):
        return True
    if _MAY_MODIFY.search(text, max(0, s - 40), s) is None:
        return False
    det = _MODIFIER_BEFORE.search(text, max(0, s - 40), s)
    if det is None:
        return False
    between = det.group().split()[1:]  # "a great Greek dictionary"; not "her mother and Kitty made"
    if any(w in _lexicons.words("function_words") or w in _lexicons.words("person_words")
           or w in _lexicons.first_field("kinship_words") for w in between):
        return False
    m = _WORD_AFTER.match(text, e, e + 40)
    if m is None:
        return False
    w = m.group(1)
    return not (_mentions._verbish(w) or _mentions._is_aux(w) or w in _lexicons.words("function_words")
                or w in _PERSON_ACTS)


def _named_in_full(found: List[Tuple[int, int, Mention, str]], first_names: Dict[str, str],
                   read: Set[int]) -> List[Tuple[int, int, Mention, str]]:
    """Fiction: a family name after a word for a calling ("Farmer Oak", "Parson Hale") read as
    the one full name the text gives that family name with a given name of an agreeing sex
    ("Gabriel Oak"), so that the two are one person; left alone when the text gives the
    family name with two given names, or none."""
    jobs = _lexicons.mapping("occupation_titles")
    titled: Set[str] = set()
    for _s, _e, m, name in found:
        toks = _name_tokens(name)
        if len(toks) == 2 and not m.title and toks[0] in jobs and toks[0] not in first_names:
            titled.add(toks[1])
    if not titled:
        return found
    given: Dict[str, Set[str]] = {}
    for _s, _e, m, name in found:
        toks = _name_tokens(name)
        if len(toks) == 2 and toks[1] in titled and toks[0] in first_names and m.kind == "person":
            given.setdefault(toks[1], set()).add(toks[0])
    out = []
    for s, e, m, name in found:
        toks = _name_tokens(name)
        if len(toks) == 2 and not m.title and toks[0] in jobs and len(given.get(toks[1], ())) == 1:
            first = next(iter(given[toks[1]]))
            sex = first_names.get(first)
            if jobs[toks[0]] in ("m", "f") and sex in ("m", "f") and sex != jobs[toks[0]]:
                out.append((s, e, m, name))  # "Widow Pell" is not "John Pell"
                continue
            full = first + " " + toks[1]
            m = Mention(m.start, m.end, m.form, m.kind, m.gender or (sex if sex in ("m", "f") else None),
                        m.plural, full, None, m.head, m.definite, m.person)
            out.append((s, e, m, full))
            read.add(s)  # (the starts of the names so read)
            continue
        out.append((s, e, m, name))
    return out


# words before a name in italics that make it a title or a ship ("the _Mary_", "read _Emma_")
_ITALIC_TITLED = frozenset(("the", "a", "an", "of", "in", "aboard", "read", "reading", "called", "named"))


def _stressed_person(text: str, s: int, name: str, first_names: Mapping[str, str]) -> bool:
    """Fiction: a lone given name in italics that no article or title word leads in ("it
    was _Jane_ who had broken it"): a person's name stressed, not a ship's or a book's."""
    if " " in name.strip() or name.strip() not in first_names:
        return False
    before = text[max(0, s - 20) : s - 1].split()
    return not before or before[-1].lower().strip(",;:") not in _ITALIC_TITLED


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


# fiction: what makes a name in "s" a plural, not a possessive that lost its apostrophe: a
# determiner, number or quantifier before it ("the Pellows", "two Pellows", "all the …")
_PLURAL_BEFORE = frozenset("the these those two three four several many all both other such some "
                           "no any our your their what".split())
_OWNED_AFTER = regex.compile(r"[^\S\n]+(\p{Ll}+)(?![\p{L}'’\-])")
_PLURAL_WORD_BEFORE = regex.compile(r"(?r)(?<![\p{L}'’])(\p{L}+)[^\S\n]+\Z")


def _possessive_use(text: str, s: int, e: int) -> bool:
    """Fiction: a name in "s" at ``s:e`` reads as a possessive ("poor Mr. Pellows nerves"):
    a word in lower case after it that is no function word, auxiliary, pronoun, adverb in
    -ly or verb in -ed ("Pellows were", "Pellows and", "Pellows walked" are plurals), and
    before it no determiner, number or quantifier ("the Pellows house")."""
    after = _OWNED_AFTER.match(text, e, e + 40)
    if after is None:
        return False
    w = after.group(1)
    if (w in _lexicons.words("function_words") or w in _lexicons.first_field("determiners")
            or w in _lexicons.words("auxiliaries") or w in _mentions.PRONOUNS
            or w.endswith(("ed", "ly")) or w in _PLURAL_BEFORE):
        return False
    before = _PLURAL_WORD_BEFORE.search(text, max(0, s - 30), s)
    return before is None or before.group(1).lower() not in _PLURAL_BEFORE


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


def _chapter_title(text: str, s: int, e: int) -> bool:
    """A name on a chapter's heading line: one opened by "Chapter" and its number
    ("Chapter XIX: Lying to Mr. Emerson"), or the title line under a line holding only
    that ("Chapter XII" over "The Strange Story of Jonathan Small"), which a blank line
    ends. A heading names no one present."""
    lo = text.rfind("\n", max(0, s - _HEADING_MAX), s) + 1
    if lo == 0 and s > _HEADING_MAX:
        return False
    if _CHAPTER_OPENS.match(text, lo, s) is not None:
        return True
    if lo < 2 or _TITLE_ENDS.match(text, e, min(len(text), e + _HEADING_MAX)) is None:
        return False
    above = text.rfind("\n", max(0, lo - 1 - _HEADING_MAX), lo - 1) + 1
    return _CHAPTER_LINE.fullmatch(text, above, lo - 1) is not None


def _date_like(text: str, s: int, e: int) -> bool:
    """A month written in a date ("the 4th of May", "May 4", "on the fourth of May"),
    not a person called May."""
    if text[s:e].lower() not in _MONTHS:
        return False
    return (_DATE_BEFORE.search(text, max(0, s - 24), s) is not None
            or _DATE_AFTER.match(text, e, min(len(text), e + 6)) is not None)


def _sentence_initial(text: str, pos: int) -> bool:
    """What stands at ``pos`` opens a sentence: nothing but spaces (a few) between it and
    the text's start or a full stop, question or exclamation mark or colon, or a
    paragraph break."""
    j = pos - 1
    lo = max(0, pos - 12)
    while j >= lo and text[j] in " \t\r":
        j -= 1
    if j < 0:
        return True
    if text[j] == "\n":
        k = j - 1
        while k >= lo and text[k] in " \t\r":
            k -= 1
        if k < 0 or text[k] == "\n":
            return True
        j = k
    return text[j] in ".!?:"


def _plain_phrase(phrase: str) -> str:
    """A description as one source names it: its words one space apart, without the full
    stop a tag's span took in ("said the King." and "said the\nKing" are "the King"; an
    abbreviation keeps its point: "the Dr.")."""
    words = phrase.split()
    if words and words[-1].endswith(".") and not words[-1].endswith(".."):
        last = words[-1][:-1]
        if len(last) > 3 and last.lower() not in _ABBREVIATED:
            words[-1] = last
    return " ".join(words)


@functools.lru_cache(maxsize=None)
def _alike_words() -> Dict[str, FrozenSet[str]]:
    """Words a description may take up another's by ("the old lady" for "an elderly
    woman"): ``data/description_synonyms.txt``, read on first use, not at import."""
    return {w: frozenset(row) - {w} for row in _lexicons.rows("description_synonyms") for w in row}
_ALIKE_BACK = 8000  # characters back to the description "the thin gentleman" takes up
_ALIKE_SPEAKERS = 60  # speakers looked at for it, at most
_PLAIN_ALIKE_BACK = 2000  # characters back to an unnamed speaker "the gentleman" takes up
_PLAIN_ALIKE_SPEAKERS = 4  # speakers looked at for it, at most
_DETERMINERS = frozenset("the this that a an".split())
_DEMONSTRATIVES = frozenset(("this", "that"))  # fiction: determiners of a description that points back
# "a stranger", "an old, grey man": an indefinite description (its first four words)
_BROUGHT_IN = regex.compile(r"(?<![\p{L}])(?:[Aa]n?|[Aa]nother)[^\S\n]+((?:[\p{Ll}\-]+,?)(?:[^\S\n]+[\p{Ll}\-]+,?){0,3})")
_POINTED_BACK = 600  # fiction: characters back the person "this lady" points to is looked for
_IT_BACK = 400  # fiction: characters back the creature a tag "it" names is looked for
_RECALL_BACK = 1500  # fiction: characters back a stranger's description is looked for (``_recalled``)
_RECALL: Dict[str, "regex.Pattern[str]"] = {}


def _epithet(text: str, m: Mention) -> bool:
    """Fiction: a description that goes on past its head word ("the man with the black
    beard"): a way of naming one person, not "the man" most present."""
    words = text[m.start : m.end].split()
    return bool(words) and m.form == "description" and words[-1].lower() != m.head


def _epithet_key(text: str, s: int, e: int, m: Mention) -> Optional[str]:
    """Fiction: for a tag's description, the words after "the" in lower case ("the
    clergyman", "The old man", "the man in spectacles"), one key for all the tags so
    worded; "" for a possessive one that is no relative ("his host", "her eminently
    practical parent"); None for any other ("the Secretary", "her aunt", "a man")."""
    words = _plain_phrase(text[s:e]).split()
    if len(words) < 2 or not all(w.islower() for w in words[1:]):
        return None
    det = words[0].lower()
    if det == "the":
        return " ".join(words[1:])
    if det in _kinship._POSSESSIVES and m.head not in _lexicons.mapping("kinship_words"):
        return ""
    return None


def _strip_det(phrase: str) -> str:
    words = phrase.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        return " ".join(words[1:])
    return phrase


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
