"""Source resolution, fiction relatives and roles: "said her aunt", "said the clergyman".

Functions of the resolver (``_resolution.Resolver``, passed as ``r``) for novels:

- Kinship tags ("said her aunt"): the possessor is the one the turn addresses, else
  the previous turn's speaker; the relative is the person present whom the text calls
  that relative (apposition, "Aunt Kitty", "Mrs. Hale looked at her niece", and the
  spouse of a tied aunt or mother, a brother or sister the one a turn tagged "said his
  sister" addresses by name), never one the narration gives such a relative
  ("Kitty learned from her aunt"); "her father" of someone with no family name is the
  father of the household with children; "the mother" is the Mrs. most present. A
  relative named in apposition counts only while present; with no tie, the one the
  reply calls by name (“…, Loo?” said her brother. | “Dear Tom,” she answered), and a
  spouse answering a turn of the other's that calls someone by name is that one. A tag
  that neither a tie nor anyone present resolves is the one person of its sex the
  whole text makes that relative of the possessor (``_kin_elsewhere``): named in
  apposition after the possessor ("Clara and her uncle, Mr. Vane"), or the spouse of a
  Mr. or Mrs. who speaks of "your uncle" to the possessor (or to whom the possessor
  speaks of "my uncle").
- Description tags ("said the clergyman", "said his friend"): the named person the
  text ties the description to earlier on (an apposition, "Mr. Pell, the clergyman,";
  a predicate, "Mr. Pell was a clergyman"; a possessive role, "his friend Tom"), else,
  in a conversation of two named people of whom exactly one is of its sex, that one;
  "the old man" is the man present the narration calls "old Mr. Pell"; "his friend"
  the most salient person other than the friend's owner, and so "his visitor", "her
  host" (``relation_words``: someone named at the scene, not of the owner's household,
  and first the one the turn before speaks to); a description tag is the person of its
  sex the reply calls by name; "the old man answered" a turn
  whose tag asks "him" the man the narration before it names last (``_asked_one``);
  with none of these, "the housekeeper" is the person present whom the text first
  names shortly after bringing the role in ("waited for the housekeeper. … Mrs. Pell
  led them in": ``_newcomer``).
- Repeated epithets ("said the vicar" again and again, with no tie): the named person
  most of the tags so worded stand for, by ties or by their conversations (the other
  of two named people talking, when the one who spoke the turn before is one of them).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Dict, FrozenSet, Iterator, List, Optional, Sequence, Set, Tuple

from . import _lazyregex as regex

from . import _lexicons, _mentions
from ._layout import on_lines_with
from ._mentions import Mention
from ._entities import _Entity, _GENERIC_PERSON, _KIN, _NAME, _PLAIN_HEADS, _WRAP, _honorific
from . import _turns

if TYPE_CHECKING:
    from ._attribution import Attribution
    from ._resolution import Resolver


_KIN_APPOSITION = regex.compile(
    r"(?<![\p{L}])(?:his|her|their)[^\S\n]+(?P<kin1>" + _KIN + r"),[^\S\n]+(?P<name1>" + _NAME + r")"
    r"|(?P<name2>" + _NAME + r"),[^\S\n]+(?:his|her|their)[^\S\n]+(?P<kin2>" + _KIN + r")(?![\p{L}])"
)
_KIN_WORDS = tuple(_KIN[len("(?:"):-len(")")].split("|"))


def _kin_appositions(text: str) -> "Iterator[regex.Match[str]]":
    """``_KIN_APPOSITION.finditer(text)``, searching only the lines holding a kin word (a
    match holds one and never crosses a newline)."""
    return on_lines_with(_KIN_APPOSITION, text, _KIN_WORDS)


# the sex of a possessive owner word ("his uncle", "her mother")
OWNER_SEX = {"his": "m", "her": "f"}
_PAIR_TURNS = 2  # fiction: turns looked at either side for the two people talking
_AGE_EPITHET = regex.compile(r"(?<![\p{L}])([Oo]ld|[Yy]oung)[^\S\n]+\Z")
# fiction: kinship ties of the narration (``_kin_ties``): "his/her <kin>" and
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
# a relative's other word and the spouse's word (``_kin_ties``)
_KIN_COUNTERPART = {"aunt": ("aunt", "uncle"), "uncle": ("uncle", "aunt"), "mother": ("mamma", "father"),
                    "mamma": ("mother", "papa"), "father": ("papa", "mother"), "papa": ("father", "mamma")}
# relatives with a parent's or spouse's title who bear the family name of the one they
# are relatives of (a wife, her husband's; "her husband" of a woman named by her maiden
# name does not)
_NAME_KEEPERS = frozenset("father mother papa mamma wife brother son".split())
_PARENTS = frozenset("father mother papa mamma".split())
_AUNT_UNCLE = frozenset(["aunt", "uncle"])
_SIBLINGS = frozenset(["sister", "brother"])
_SPOUSES = frozenset(["husband", "wife"])
_COMPANIONS = frozenset(["friend", "companion"])
_EPITHET_PRESENT = 3  # fiction: the people of its sex most present among whom a repeated "the girl" finds its usual one
_EPITHET_VOTES = 3  # fiction: votes a named person needs to stand for a repeated description (``_repeated_epithets``)
_AGED_CANDIDATES = 3  # "the old man": the people of his sex most present looked at
_PARENT_CANDIDATES = 3  # "the mother": the people of her sex most present looked at
_PARENT_OR_SPOUSE = frozenset("father mother papa mamma husband wife".split())
# fiction: descriptions tied to a name (``_role``)
_ROLE_GONE = 30000  # fiction: characters since a person was last named after which a tie to a role lapses
_ROLE_DETERMINERS = frozenset("the his her their my our".split())
_ROLE_WORDS = r"(?P<desc>[\p{Ll}\-]+(?:" + _WRAP + r"[\p{Ll}\-]+){0,2})"
_ROLE_APPOSITION = regex.compile(
    r"," + _WRAP + r"(?:(?P<pred>who" + _WRAP + r"(?:was|is))" + _WRAP + r")?(?:the|an?|(?P<poss>his|her|their|our|my|your))"
    + _WRAP + _ROLE_WORDS
    + r"(?P<end>[^\S\n]*[,;.:!?])?")
_ROLE_PREDICATE = regex.compile(r"(?:" + _WRAP + r"(?:was|is)|['’]s)" + _WRAP
                                + r"(?:the|an?|(?P<poss>his|her|their|our|my|your))" + _WRAP + _ROLE_WORDS)
_POSSESSIVES = frozenset("his her their my our".split())
# searched backwards ((?r)), from the name: the same match as forwards (the one with the
# most words of description a determiner opens), without trying every place of the window
_ROLE_BEFORE = regex.compile(r"(?r)(?<![\p{L}])(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)" + _WRAP + _ROLE_WORDS
                            + r"(?:,?" + _WRAP + r"|," + _WRAP + r"whose" + _WRAP + r"name" + _WRAP + r"(?:was|is)"
                            + _WRAP + r")\Z")
_ROLE_HEADS: List[FrozenSet[str]] = []


def _role_heads() -> FrozenSet[str]:
    """Words that end a description of a person: person words, titles and kinship nouns."""
    if not _ROLE_HEADS:
        _ROLE_HEADS.append(_lexicons.words("person_words") | _lexicons.words("titles")
                           | _lexicons.first_field("kinship_words") | frozenset(["friend", "companion"]))
    return _ROLE_HEADS[0]


# honorifics of the unmarried, the young or a religious order: no parent's or spouse's title
_UNWED_TITLES = frozenset("Miss Mademoiselle Mlle Señorita Fräulein Master Ms Father Mother Brother Sister Aunt Uncle "
                          "Cousin".split())


def _wed_title(r: Resolver, ent: _Entity, gender: Optional[str]) -> bool:
    """``ent`` bears a title a parent or spouse of ``gender`` may bear: "Mr.", "Mrs.",
    and as well "Sir", "Lady", "Lord" ("Sir Walter" is a father as much as a "Mr."),
    never "Miss" or "Master"."""
    if gender not in ("m", "f"):
        return False
    hons = _lexicons.mapping("honorifics")
    return any(hons.get(w) == gender and w.rstrip(".") not in _UNWED_TITLES
               for title in r._distinct_titles(ent) for w in title.split())


def _relative(r: Resolver, m: Mention, starts: List[int]) -> Optional[_Entity]:
    """ "her father", "his wife": a relative of the person the possessive points to."""
    words = r.text[m.start : m.end].split()
    kin = _lexicons.rows("kinship_words")
    if len(words) != 2 or words[0].lower() not in ("his", "her", "their"):
        return None
    head = words[1].lower()
    row = next((r for r in kin if r[0] == head), None)
    if row is None:
        return None
    if r._kin_named is None:
        r._kin_named = _learn_kin(r)
    named = r._kin_named.get(head)
    gender = row[1] if row[1] in ("m", "f") else None
    pg = OWNER_SEX.get(words[0].lower())
    ranked: List[_Entity] = []
    has: FrozenSet[int] = frozenset()
    if r.genre == "fiction":
        # the people of the relative's sex present now: one the text calls such a
        # relative (its apposition, "Aunt Kitty", "Mrs. Hale … her niece") is it
        ties, owners = _kin_ties(r)
        has = owners.get(head, frozenset())
        ranked = _present_people(r, m.start, gender, starts)
        # not the one who spoke just before when the text gives them such a relative:
        # theirs is likely meant ("Kitty … her sister" and "Nell … her sister")
        prev = (r._exclude if r._exclude is not None and r._exclude.guess_gender() == pg
                and id(r._exclude) in has else None)
        called = _turns._called(r, r._idx, gender) if r._idx is not None and gender else None
        # (a spouse answers the one called when no one of the spouse's sex spoke the turn
        # before: “…, Charles,” | “…,” was her husband's answer; not “Come, Tom,” he
        # said to Ned. | “…,” added her husband: the one who spoke goes on)
        spoke_to = (head in _SPOUSES and r._idx is not None and r._idx > 0
                    and r.pronoun_sex.get(r._idx - 1) != gender
                    and (r._exclude is None or r._exclude.guess_gender() != gender))
        if called is not None and called.forms and (head in _SIBLINGS or spoke_to or id(called) in ties.get(head, ())):
            return called  # “Oh, Kitty, …” | “…,” replied her sister: the one called answers
        # (in the narration before a turn, not the one its paragraph has just named, whose
        # relative it is: "Frank turned away. His brother looked after him")
        owner_now = (_named_just_before(r, m.start, pg) if pg and r._idx is not None
                     and m.start < r.records[r._idx].span[0] else None)
        tied = [e for e in ranked if id(e) in ties.get(head, ()) and e is not prev and e is not owner_now]
        if tied and head in _NAME_KEEPERS and tied[0] in ranked[:_PARENT_CANDIDATES]:
            # "her father" of Anne Elliot, with Sir Walter Elliot present, is he, not the
            # Mr. Musgrove the text makes someone's father (a married woman's parents
            # bear her maiden name)
            owner, family = _possessor(r, m, pg, starts)
            if (family is not None and owner is not None and tied[0].surname != family
                    and not (owner.guess_gender() == "f" and _wed_title(r, owner, "f"))):
                kin_of = next((e for e in ranked[:_PARENT_CANDIDATES] if e is not owner and e.surname == family
                               and e.first != family
                               and (head not in _PARENT_OR_SPOUSE or _wed_title(r, e, gender))), None)
                if kin_of is not None:
                    return kin_of
        if tied:
            return tied[0]
    possessor, family = _possessor(r, m, pg, starts)
    if r.genre == "fiction" and gender and r._idx is not None and _tags(r, r._idx, m):
        # “…, Loo?” said her brother. | “Dear Tom,” she answered: the one the reply calls
        answered = _turns._called_next(r, r._idx, gender)
        if answered is not None and answered is not possessor:
            return answered
    if named is not None and (r.genre != "fiction" or family is None or named.surname == family
                              or row[2] != "same") and (r.genre != "fiction" or named in ranked):
        # (fiction: the one the text once calls "her mother, Mrs. Pell" is "her mother"
        # only while present: another's mother is meant elsewhere)
        return named
    if r.genre == "fiction":
        ent = _relative_of(r, m, head, row, gender, possessor, family, starts, ranked)
        if ent is not None and id(ent) in has:
            # one the text gives such a relative ("Kitty … her aunt") is not that relative
            ent = next((e for e in ranked if id(e) not in has and e is not ent), ent)
        if ent is None and possessor is not None and gender and r._idx is not None and _tags(r, r._idx, m):
            # no tie and no one present: the one the whole text makes that relative of
            # the possessor (“…, Kitty,” said her uncle … “…your uncle…,” Mrs. Hale told Kitty)
            ent = _kin_elsewhere(r, head, gender, possessor)
        return ent
    return _relative_of(r, m, head, row, gender, possessor, family, starts, ranked)


# fiction: a quotation naming a relative of the one it speaks to or of its speaker
# ("your uncle", "my aunt"; ``_kin_talk``)
_TALKED_KIN = regex.compile(r"(?<![\p{L}])([Yy]our|[Mm]y)[^\S\n]+(uncle|aunt|father|mother|papa|mamma)(?![\p{L}])")
_KIN_SAME = {"papa": "father", "mamma": "mother"}


def _kin_elsewhere(r: Resolver, head: str, gender: str, possessor: _Entity) -> Optional[_Entity]:
    """Fiction: "said her uncle" that no tie and no one present resolves: the one person
    of the relative's sex the whole text (before or after the tag) makes that relative
    of the possessor, when there is exactly one (``_kin_talk``): one named in apposition
    after the possessor ("Clara and her uncle, Mr. Vane"), the spouse of one who speaks
    of "your uncle" to the possessor, or to whom the possessor speaks of "my uncle"
    ("Mrs. Hale" → the one "Mr. Hale")."""
    if r._kin_talk is None:
        r._kin_talk = _kin_talk(r)
    word = _KIN_SAME.get(head, head)
    found = [e for e in r._kin_talk.get((id(possessor), word), {}).values()
             if e is not possessor and e.guess_gender() == gender]
    return found[0] if len(found) == 1 else None


def _kin_talk(r: Resolver) -> Dict[Tuple[int, str], Dict[int, _Entity]]:
    """Fiction: (the owner's id, kinship word) -> the relatives so called, by id: each relative the text names
    in apposition after its owner ("Clara and her uncle, Mr. Vane,": Clara's), and for
    each quotation whose named speaker, a Mr. or Mrs., speaks of "your uncle" to the one
    it calls by name or answers (the named speaker of the turn just before), or of "my
    uncle" to such a one who is a Mr. or Mrs.: there the relative is the spouse of the
    Mr. or Mrs., the one person of the other courtesy title and the same family name.
    One look at each apposition and each quotation: linear in the text."""
    out: Dict[Tuple[int, str], Dict[int, _Entity]] = {}
    text = r.text
    for km in _kin_appositions(text):
        # "Clara and her uncle, Mr. Vane, …": the owner named just before in the sentence
        word = km.group("kin1")
        if word is None or r._quotes.covers(km.start()):
            continue
        word = _KIN_SAME.get(word.lower(), word.lower())
        i = bisect.bisect_left(r._starts, km.start()) - 1
        if i < 0:
            continue
        _ns, ne, owner = r.timeline[i]
        pg = OWNER_SEX.get(text[km.start() : km.start() + 3].lower())
        if (km.start() - ne > _KIN_OWNER_GAP or owner.kind != "person" or not owner.forms
                or owner.guess_gender() != pg or _SENTENCE_BREAK.search(text, ne, km.start())):
            continue
        nm = _mentions.describe(text, *km.span("name1"))
        rel = r._known_person(nm) if nm.form == "name" and nm.kind == "person" else None
        if rel is not None and rel.kind == "person" and rel.forms and rel is not owner:
            out.setdefault((id(owner), word), {})[id(rel)] = rel
    if r.layout is None:
        return out
    para = r.layout.paragraph_index
    kin_sex = _lexicons.mapping("kinship_words")
    titled: Dict[Tuple[str, str], List[_Entity]] = {}  # (courtesy title, family name) -> those so titled

    def named(rec: Attribution) -> Optional[_Entity]:
        if rec.speaker is None:
            return None
        sm = _mentions.describe(text, *rec.speaker)
        ent = r._known_person(sm) if sm.form == "name" and sm.kind == "person" else None
        return ent if ent is not None and ent.kind == "person" and ent.forms else None

    for idx, rec in enumerate(r.records):
        if rec.kind != "direct" or rec.speaker is None:
            continue
        hits = [km for a, b in rec.parts for km in _TALKED_KIN.finditer(text, a, b)]
        if not hits:
            continue
        speaker = named(rec)
        if speaker is None:
            continue
        other = _turns._addressee(r, rec)
        if other is None:
            j = _turns._direct_before(r, idx)
            if j >= 0 and para(r.records[j].span[0]) + 1 == para(rec.span[0]):
                other = named(r.records[j])
        if other is None or other is speaker or other.kind != "person" or not other.forms:
            continue
        for km in hits:
            word = _KIN_SAME.get(km.group(2).lower(), km.group(2).lower())
            owner, told = (other, speaker) if km.group(1).lower() == "your" else (speaker, other)
            if not titled:
                titled = _courtesy(r)
            spouse = _spouse(r, titled, told, kin_sex.get(word))
            if spouse is not None:
                out.setdefault((id(owner), word), {})[id(spouse)] = spouse
    return out


def _courtesy(r: Resolver) -> Dict[Tuple[str, str], List[_Entity]]:
    """(courtesy title, family name) -> the named people the text so titles ("Mr", "Hale")."""
    out: Dict[Tuple[str, str], List[_Entity]] = {("", ""): []}  # (never empty once built)
    for ent in r.entities:
        if ent.kind == "person" and ent.forms and ent.surname:
            for t in {t.split()[0].rstrip(".") for t in r._distinct_titles(ent) if t.split()}:
                if t in ("Mr", "Mrs"):
                    out.setdefault((t, ent.surname), []).append(ent)
    return out


def _spouse(r: Resolver, titled: Dict[Tuple[str, str], List[_Entity]], ent: _Entity,
            gender: Optional[str]) -> Optional[_Entity]:
    """The one person of sex ``gender`` the text titles as ``ent``'s spouse: "Mr. Hale"
    of a "Mrs. Hale" and the reverse (the only Mr. or Mrs. of the same family name;
    ``titled`` from ``_courtesy``)."""
    if gender not in ("m", "f") or not ent.surname:
        return None
    mine, theirs = ("Mrs", "Mr") if gender == "m" else ("Mr", "Mrs")
    if not any(w.rstrip(".") == mine for t in r._distinct_titles(ent) for w in t.split()[:1]):
        return None
    partners = titled.get((theirs, ent.surname), [])
    if len(partners) == 2 and any(e is ent for e in partners):  # (two people: constant time)
        partners = [e for e in partners if e is not ent]
    return partners[0] if len(partners) == 1 and partners[0] is not ent else None


def _tags(r: Resolver, idx: int, m: Mention) -> bool:
    """``m`` is the speaker mention of record ``idx``'s tag."""
    sp = r.records[idx].speaker
    return sp is not None and sp[0] <= m.start and m.end <= sp[1]


def _possessor(r: Resolver, m: Mention, pg: Optional[str],
               starts: List[int]) -> Tuple[Optional[_Entity], Optional[str]]:
    """Whose relative "her father" is, and that person's family name when the text
    gives one ("Tom Hale", "Mr. Hale"; a lone "Elizabeth" has none)."""
    possessor = None
    if r.genre == "fiction" and pg:
        # “…, Kitty,” said her aunt | “…,” said Kitty. “…,” said her aunt: "her" is the
        # one addressed, else the one who spoke the turn before, else for a subject
        # before the turn one just named in the paragraph ("Harry came in. His brother
        # wrung his hand. “…,” he said")
        possessor = next((o for o in (r._addressed, r._exclude)
                          if o is not None and o.kind == "person" and o.guess_gender() == pg), None)
        if possessor is None and r._idx is not None and m.start < r.records[r._idx].span[0]:
            possessor = _named_just_before(r, m.start, pg)  # (not in a tag after the turn:
            # "Mrs. Hale looked at her niece. “…,” said her aunt")
    if possessor is None and pg:
        possessor = r._antecedent(m.start, pg, starts)
    family = (possessor.surname if possessor is not None
              and (possessor.first or any(_honorific(t) for t in r._distinct_titles(possessor))) else None)
    if (family is not None and r.genre == "fiction" and possessor is not None and not possessor.first
            and family.capitalize() in _lexicons.mapping("first_names")):
        family = None  # "Miss Kitty": a given name, not the family's
    return possessor, family


_OWNER_WINDOW = 300  # fiction: characters before "his brother" looked at for its owner, in its paragraph
_OWNER_MENTIONS = 4  # and the mentions of people there looked at
_SIDE_MENTIONS = 6  # the mentions looked at for two people just set side by side


def _named_just_before(r: Resolver, pos: int, gender: str) -> Optional[_Entity]:
    """Fiction: the person of ``gender`` named last in the narration of the paragraph
    just before ``pos`` (a bounded look back), if any."""
    lo = max(0, pos - _OWNER_WINDOW)
    brk = r.text.rfind("\n\n", lo, pos)
    if brk >= 0:
        lo = brk
    i = bisect.bisect_left(r._starts, pos) - 1
    for j in range(i, max(-1, i - _OWNER_MENTIONS), -1):
        ns, _ne, ent = r.timeline[j]
        if ns < lo:
            break
        if r._quotes.covers(ns) or ent.kind != "person" or not ent.forms:
            continue
        if _COMPARED.search(r.text, max(0, ns - _COMPARED_BACK), ns) is not None:
            continue  # "Jane, not so quick as Ann, lagged behind, while her sister …": Jane's
        if ent.guess_gender() == gender:
            return ent
    return None


# a name compared with ("not so light as Ann", "taller than Ann"), not one that acts there
# ("As Ann came in, her sister rose": Ann's)
_COMPARED = regex.compile(r"(?:(?<![\p{L}])(?:so|as)\s[^.;:!?\"“”]{1,80}?\sas|(?<![\p{L}])than)\s+\Z")
_COMPARED_BACK = 100


def _relative_of(r: Resolver, m: Mention, head: str, row: Sequence[str], gender: Optional[str],
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
            around = _present_people(r, m.start, None, starts)[:_PARENT_CANDIDATES * 2]
            for ent in ranked[:_PARENT_CANDIDATES]:
                if ent is possessor or not ent.surname:
                    continue
                if not any(t.split()[0].rstrip(".") == mine for t in r._distinct_titles(ent) if t.split()):
                    continue
                if any(e is not ent and e.surname == ent.surname and any(
                        t.split()[0].rstrip(".") == other for t in r._distinct_titles(e) if t.split()) for e in around):
                    return ent
        return _kin_present(r, m, gender, possessor, starts)
    courtesy = {"m": "Mr", "f": "Mrs"}.get(gender or "")
    best: Optional[_Entity] = None
    couples: Optional[FrozenSet[str]] = None  # the same for every entity below
    present = {id(e) for e in ranked[:_PARENT_CANDIDATES]}
    for ent in r.entities:
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
                couples = _couples(r)
            if ent.surname not in couples:
                continue
        if courtesy and head in ("father", "mother", "papa", "mamma", "husband", "wife"):
            if not _wed_title(r, ent, gender):
                continue
        if best is None or (_parent_rank(r, ent, head, family, present)
                            > _parent_rank(r, best, head, family, present)):
            best = ent
    if (best is None and r.genre == "fiction" and possessor is not None and courtesy
            and head in _PARENT_OR_SPOUSE and possessor.guess_gender() == gender
            and any(t.rstrip(".") == courtesy for title in r._distinct_titles(possessor) for t in title.split())):
        # "said her mother" where the woman most present is a "Mrs.": she is the
        # mother, not the one whose mother is meant
        return possessor
    if best is None and courtesy and head in _PARENTS:
        # no household to go by: the first of those present with a parent's title
        best = next((e for e in ranked[:_PARENT_CANDIDATES] if e is not possessor and _wed_title(r, e, gender)),
                    None)
    return best if best is not None else _kin_present(r, m, gender, possessor, starts,
                                                      family if head in _PARENT_OR_SPOUSE else None,
                                                      family if head in _SIBLINGS and possessor is not None
                                                      and not _wed_title(r, possessor, "f") else None)


def _kin_ties(r: Resolver) -> Tuple[Dict[str, Set[int]], Dict[str, FrozenSet[int]]]:
    """Fiction: who the text calls whose relative, as kinship words: ``ties[w]`` are
    the people called a ``w`` ("her aunt, Mrs. Hale", "Aunt Kitty", and "Mrs. Hale
    looked at her niece": an aunt), ``owners[w]`` those said to have one ("Kitty
    found her aunt"). Learned once, one look back from each "his/her <kin>" of the
    narration to the name just before it in its sentence: linear in the text."""
    if r._ties is not None:
        return r._ties
    ties: Dict[str, Set[int]] = {}
    owners: Dict[str, Set[int]] = {}
    gender_of = _lexicons.mapping("kinship_words")
    if r._kin_named is None:
        r._kin_named = _learn_kin(r)
    for head, ent in r._kin_named.items():
        ties.setdefault(head, set()).add(id(ent))
    for ent in r.entities:
        if ent.kind != "person" or not ent.forms:
            continue
        for title, name in ent.forms:
            w = (title or name).split()[0].rstrip(".").lower()
            if w in gender_of and len(name.split()) >= (1 if title else 2):
                ties.setdefault(w, set()).add(id(ent))  # "Aunt Kitty"
    text = r.text
    starts = r._starts
    for km in _POSSESSED_KIN.finditer(text):
        s = km.start()
        if r._quotes.covers(s):
            continue
        i = bisect.bisect_left(starts, s) - 1
        if i < 0:
            continue
        ns, ne, ent = r.timeline[i]
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
    for rec in r.records:
        # “…, Tom,” said his sister: the one the turn addresses by name has that relative
        if rec.kind != "direct" or rec.speaker is None or rec.addressee is None:
            continue
        tag = _POSSESSED_KIN.match(text, rec.speaker[0], rec.speaker[1])
        if tag is None or tag.end() != rec.speaker[1]:
            continue
        called = _turns._addressee(r, rec)
        pg = "m" if tag.group(1).lower() == "his" else "f"
        if called is None or called.kind != "person" or not called.forms or called.guess_gender() != pg:
            continue
        head = tag.group(2).lower()
        if head not in _SIBLINGS:
            continue  # (a parent's turn to a child is read by the households)
        owners.setdefault(head, set()).add(id(called))
        ties.setdefault(_KIN_INVERSE[head][0 if pg == "m" else 1], set()).add(id(called))
    # the same relative by another word, and the spouse of a tied Mr./Mrs. as the
    # counterpart ("Mrs. Hale", an aunt: "Mr. Hale" an uncle)
    by_id = {id(e): e for e in r.entities}
    courtesy: Dict[Tuple[str, str], List[_Entity]] = {}
    for ent in r.entities:
        if ent.kind == "person" and ent.surname:
            for t in {t.split()[0].rstrip(".") for t in r._distinct_titles(ent) if t.split()}:
                if t in ("Mr", "Mrs"):
                    courtesy.setdefault((t, ent.surname), []).append(ent)
    for word, (same, spouse) in _KIN_COUNTERPART.items():
        for i in list(ties.get(word, ())):
            ties.setdefault(same, set()).add(i)
            ent = by_id[i]
            mine = "Mr" if gender_of.get(word) == "m" else "Mrs"
            if not any(t.split()[0].rstrip(".") == mine for t in r._distinct_titles(ent) if t.split()):
                continue
            partners = courtesy.get(("Mrs" if mine == "Mr" else "Mr", ent.surname), [])
            if len(partners) == 1:
                ties.setdefault(spouse, set()).add(id(partners[0]))
    r._ties = (ties, {k: frozenset(v) for k, v in owners.items()})
    return r._ties


def _present_people(r: Resolver, pos: int, gender: Optional[str], starts: List[int]) -> List[_Entity]:
    """Fiction: the named people of ``gender`` mentioned or speaking in the recent
    text, most present first (the weights of ``_salient``), never the one addressed."""
    scores: Dict[int, float] = {}
    ents: Dict[int, _Entity] = {}
    for d, ent, spk in r._recent(pos, starts, 5000, 80):
        if ent is r._addressed or not ent.forms or r._place_like(ent):
            continue
        if not spk and r._thing_like(ent):
            continue
        if gender is not None and ent.guess_gender() != gender:
            continue
        scores[id(ent)] = scores.get(id(ent), 0.0) + (2.0 if spk else 1.0) / (1.0 + d / 100.0)
        ents[id(ent)] = ent
    return [ents[k] for k in sorted(scores, key=lambda k: -scores[k])]


def _companion(r: Resolver, m: Mention, starts: List[int]) -> Optional[_Entity]:
    """Fiction: "said his friend", "asked my companion" (no tie to a name): the person
    most salient (else most present) other than the one whose friend is meant, who is
    the one the turn addresses, else the one who spoke the turn before, else the
    narrator for "my"; the most salient may be an unnamed stranger ("said the man")
    if he spoke a turn just before."""
    words = r.text[m.start : m.end].lower().split()
    if len(words) not in (2, 3) or (
            words[-1] not in _COMPANIONS and words[-1] not in _lexicons.first_field("relation_words")):
        return None
    named: Optional[_Entity] = None
    if words[0] not in ("his", "her", "my"):
        # "Cameron's companion": the one so named is the owner
        if len(words) != 2 or not words[0].endswith(("'s", "’s")) or not r.text[m.start].isupper():
            return None
        nm = _mentions.describe(r.text, m.start, m.start + len(words[0]) - 2)
        named = r._known_person(nm) if nm.form == "name" and nm.kind == "person" else None
        if named is None:
            return None
    pg = OWNER_SEX.get(words[0])
    owner: Optional[_Entity] = named
    for other in (r._addressed, r._exclude):
        if owner is None and other is not None and other.kind == "person" and (pg is None or other.guess_gender() == pg):
            owner = other
            break
    if owner is None and pg is not None:
        owner = r._salient(m.start, pg, starts)
        if owner is None:
            return None
    # a relation word ("his visitor", "her hostess"): a person, of the word's sex if it has one
    related = words[-1] not in _COMPANIONS
    g = _lexicons.mapping("relation_words").get(words[-1]) if related else None
    g = g if g in ("m", "f") else None
    if related and r._idx is not None and _tags(r, r._idx, m):
        # “…,” he said to Mrs. Hale. | “…,” replied his hostess: the one spoken to answers
        called = _answers_call(r, r._idx, m)
        if called is not None and called is not owner and (g is None or called.guess_gender() == g):
            return called
    saved = r._exclude
    r._exclude = owner
    ent = r._salient(m.start, g, starts)
    r._exclude = saved
    if related and ent is not None and not _someone(r, ent, owner, m.start):
        ent = None
    cue = r.records[r._idx].cue if r._idx is not None else None
    goes_on = cue is not None and " ".join(r.text[cue[0] : cue[1]].lower().split()) in _turns._GOES_ON
    if ent is not None and ent.forms and (ent is not saved or goes_on):
        return ent  # (“…,” said Tom. Ann said nothing. Her companion added, “…”: Tom goes on)
    if (ent is not None and not related and not ent.forms and ent.kind == "person" and ent is not saved
            and _among_last_turns(r, ent, m.start)):
        return ent  # "a man came up. | “…,” said the man. … “…,” replied his companion": that stranger
    return next((e for e in _present_people(r, m.start, g, starts)[:_PAIR_TURNS + 1]
                 if e is not owner and e is not saved
                 and (not related or _someone(r, e, owner, m.start))), None)


def _among_last_turns(r: Resolver, ent: _Entity, pos: int) -> bool:
    """Fiction: ``ent`` spoke a turn in the ``_ASKED_BACK`` characters before ``pos``."""
    k = bisect.bisect_left(r.spoken_at, pos) - 1
    while k >= 0 and pos - r.spoken[k][0] <= _ASKED_BACK:
        if r.spoken[k][1] is ent:
            return True
        k -= 1
    return False


def _someone(r: Resolver, ent: _Entity, owner: Optional[_Entity], pos: int) -> bool:
    """Fiction: ``ent`` may be the visitor, host or guide of ``owner`` in a tag at
    ``pos``: named in the ``_ASKED_BACK`` characters before it (at the scene: an
    unnamed stranger's tag is not given to someone named pages back), surely a person
    of known sex (one who has spoken, or one named with a given name or a title; not a
    lone capitalised word like "Calvinism"), and not of the owner's household (her
    visitor is not Mr. Hale of Mrs. Hale)."""
    if owner is not None and ent.surname and ent.surname == owner.surname:
        return False
    j = bisect.bisect_left(ent.mentions, (pos, -1)) - 1
    if j < 0 or pos - ent.mentions[j][0] > _ASKED_BACK:
        return False
    return (ent.kind == "person" and ent.guess_gender() in ("m", "f")
            and (id(ent) in r.speakers or bool(ent.first) or bool(r._distinct_titles(ent))))


def _aged_present(r: Resolver, m: Mention, starts: List[int]) -> Optional[_Entity]:
    """Fiction: "the old man", "the young lady": of the few people of that sex most
    present, the first the narration calls "old"/"young" before the name ("old Mr.
    Hale", "young Tom")."""
    words = r.text[m.start : m.end].lower().split()
    gender = _GENERIC_PERSON.get(words[-1]) if len(words) >= 3 else None
    if gender is None or words[0] != "the" or words[-2] not in ("old", "young"):
        return None
    if r._roles is None:
        r._roles = _learn_roles(r)
    aged = r._aged.get(words[-2], set())
    for ent in _present_people(r, m.start, gender, starts)[:_AGED_CANDIDATES]:
        if id(ent) in aged and ent is not r._exclude:
            return ent
    return None


def _parent_present(r: Resolver, m: Mention, starts: List[int]) -> Optional[_Entity]:
    """Fiction: "the mother", "my father" (no possessor to follow): of the few people
    of that sex most present, the first who bears the title of a parent ("Mrs. Hale",
    "Mr. Hale", "Sir Walter")."""
    words = r.text[m.start : m.end].lower().split()
    if len(words) != 2 or words[0] not in ("the", "my", "our") or words[1] not in _PARENTS:
        return None
    gender = _lexicons.mapping("kinship_words").get(words[1])
    if gender not in ("m", "f"):
        return None
    for ent in _present_people(r, m.start, gender, starts)[:_PARENT_CANDIDATES]:
        if ent is r._exclude:
            continue
        if _wed_title(r, ent, gender):
            return ent
    return None


def _parent_rank(r: Resolver, ent: _Entity, head: str, family: Optional[str],
                 present: Optional[Set[int]] = None) -> Tuple[bool, bool, int]:
    """How likely ``ent`` is "her father" or "her mother" of someone: in fiction one of
    the few people of that sex most present (``present``) first; then, when the text
    does not give the family name, a couple with a daughter or son named by a "Miss"
    or "Master" (a household with children); then the one named most often."""
    children = False
    if family is None and head in ("father", "mother", "papa", "mamma"):
        children = any(
            other is not ent and any(t.split()[0].rstrip(".") in ("Miss", "Master") for t in r._distinct_titles(other))
            for other in r.by_surname.get(ent.surname, ()))
    return bool(present and id(ent) in present), children, r.counts.get(id(ent), 0)


def _kin_present(r: Resolver, m: Mention, gender: Optional[str], possessor: Optional[_Entity],
                 starts: List[int], family: Optional[str] = None,
                 kin_family: Optional[str] = None) -> Optional[_Entity]:
    """Fiction: "said her aunt" with no aunt named as such: the named person of the
    relative's sex most present just before, other than the possessor; for a parent
    or spouse of the family ``family``, never one of that family without a parent's
    title ("said his wife" of Mr. Hale is not his daughter "Kitty Hale"); for a
    sibling of the family ``kin_family`` (of one not married), never one of another
    family name but a married woman ("Clara Dale … Ann Pell. Her sister": not Ann Pell)."""
    if r.genre != "fiction" or gender is None or possessor is None:
        return None
    saved = r._exclude
    r._exclude = possessor
    ent = r._salient(m.start, gender, starts)
    r._exclude = saved
    if ent is None or ent.guess_gender() != gender or not ent.forms:
        return None
    if family is not None and ent.surname == family and not _wed_title(r, ent, gender):
        return None
    if kin_family is not None and not (gender == "f" and _wed_title(r, ent, gender)):
        mine, theirs = _turns._family_names(possessor), _turns._family_names(ent)
        if mine and theirs and not mine & theirs and _both_named_before(r, m.start, possessor, ent):
            return None
    return ent


def _both_named_before(r: Resolver, pos: int, one: _Entity, other: _Entity) -> bool:
    """Fiction: ``one`` and ``other`` are both named in the narration just before
    ``pos`` (a bounded look back, over paragraphs): two people the text has just set
    side by side ("Ann Pell sat with Clara Dale. Her sister …")."""
    lo = max(0, pos - _OWNER_WINDOW)
    seen = 0
    i = bisect.bisect_left(r._starts, pos) - 1
    for j in range(i, max(-1, i - _SIDE_MENTIONS), -1):
        ns, _ne, ent = r.timeline[j]
        if ns < lo:
            break
        if r._quotes.covers(ns):
            continue
        seen |= (1 if ent is one else 0) | (2 if ent is other else 0)
    return seen == 3


def _couples(r: Resolver) -> FrozenSet[str]:
    """Family names that both a Mr. and a Mrs. bear in the text (a household)."""
    if r._couples_cache is not None and r._couples_cache[0] == len(r.entities):
        return r._couples_cache[1]
    found = _find_couples(r)
    r._couples_cache = (len(r.entities), found)
    return found


def _find_couples(r: Resolver) -> FrozenSet[str]:
    mr: set[str] = set()
    mrs: set[str] = set()
    for ent in r.entities:
        if ent.kind != "person" or not ent.surname:
            continue
        for title in r._distinct_titles(ent):  # a title recurs with every mention
            t = title.split()[0].rstrip(".")
            (mr if t == "Mr" else mrs if t == "Mrs" else set()).add(ent.surname)
    return frozenset(mr & mrs)


def _learn_kin(r: Resolver) -> Dict[str, _Entity]:
    """Relatives the text names in apposition: "her uncle, Mr. Gardiner"."""
    out: Dict[str, _Entity] = {}
    for km in _kin_appositions(r.text):
        name_span = km.span("name1") if km.group("name1") else km.span("name2")
        head = (km.group("kin1") or km.group("kin2")).lower()
        m = _mentions.describe(r.text, *name_span)
        if m.form == "name" and m.kind == "person":
            ent = r._known_person(m)
            row = next((r for r in _lexicons.rows("kinship_words") if r[0] == head), None)
            g = ent.guess_gender() if ent is not None else None
            if ent is not None and row is not None and g in ("m", "f") and row[1] in ("m", "f") and g != row[1]:
                continue  # "Mr. Collins, her mother ...": not an apposition
            if ent is not None:
                out.setdefault(head, ent)
    return out


def _one_of_pair(r: Resolver, idx: int, m: Mention, own: Optional[_Entity],
                 chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: a description tag of known sex ("said the old man") in a conversation
    of two named people (the turns just before and after it), of whom exactly one is
    of that sex: that one."""
    if r.layout is None:
        return None
    g = m.gender or _GENERIC_PERSON.get(m.head or "") or (own.gender if own is not None else None)
    if g is None:
        g = _lexicons.mapping("kinship_words").get(m.head or "")
    if own is None or not own.forms:
        if g not in ("m", "f"):
            # “…, Basil,” said Harry. | “…,” said the painter: the one called answers,
            # whatever the sex (a description of none: "the painter", "the clerk")
            cue = r.records[idx].cue
            if cue is not None and " ".join(r.text[cue[0] : cue[1]].lower().split()) in _turns._GOES_ON:
                return None  # “…, Crane?” | “…,” repeated her host: the one who spoke before goes on
            called = _turns._called(r, idx, "m") or _turns._called(r, idx, "f")
            if called is not None and called.forms:
                return called
            return None
        called = _turns._called(r, idx, g)
        if called is not None and called.forms and called.guess_gender() == g:
            return called  # “George, tell them!” | “…,” said the son: the one called answers
        asked = _asked_one(r, idx, g, chosen) if own is None or not _spoke_lately(r, own, idx) else None
        if asked is not None:
            return asked  # "Tom sat down. | “…?” Ann asked him. | “…,” said the old man": Tom
    if g not in ("m", "f"):
        return None
    people: Dict[int, _Entity] = {}
    for step in (-1, 1):
        for j in _turns._turns_near(r, idx, step, _PAIR_TURNS):
            ent = chosen[j]
            if ent is not None and own is not None and ent is own:
                return None  # "the King", who has no name, is one of those talking himself
            if ent is not None and ent.kind == "person" and ent.forms:
                people[id(ent)] = ent
    if len(people) != 2:
        return None
    fits = [e for e in people.values() if e.guess_gender() == g]
    others = [e for e in people.values() if e.guess_gender() not in (None, g)]
    if len(fits) == 1 and len(others) == 1 and fits[0] is not r._addressed:
        words = r.text[m.start : m.end].lower().split()
        if len(words) == 2 and words[0] in ("his", "her") and words[1] in _lexicons.mapping("kinship_words"):
            # “…,” said her mother: a relative is never the one it is a relative of ("her"
            # the one woman of the two), nor a parent or spouse the other's child ("his
            # wife" of Mr. Hale talking with Kitty Hale)
            if (words[0] == "her") == (g == "f"):
                return None
            if (words[1] in _PARENT_OR_SPOUSE and fits[0].surname and fits[0].surname == others[0].surname
                    and not _wed_title(r, fits[0], g)):
                return None
        return fits[0]
    return None


_ASKED_PRONOUN = regex.compile(r"[^\S\n]+(him|her)(?![\p{L}])")
_ASKED_BACK = 1500  # fiction: characters back the subject a turn's "asked him" speaks to is looked for


def _asked_one(r: Resolver, idx: int, g: str, chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: for a description tag of sex ``g`` answering the turn just before, whose
    tag speaks to "him"/"her" ("Ann asked him"), the last person of that sex the
    narration before that turn names as a clause's subject, other than its speaker (not
    for an unnamed person so described who spoke in those characters: "An old man came
    up. | “…,” said the old man. | Ned went to the well. | “…?” Tom asked him. | “…,”
    the old man answered": the stranger still)."""
    if idx == 0 or r.layout is None:
        return None
    prev = r.records[idx - 1]
    if prev.kind != "direct" or prev.speaker is None or prev.cue is None:
        return None
    para = r.layout.paragraph_index
    if para(r.records[idx].span[0]) != para(prev.span[0]) + 1:
        return None
    pm = _ASKED_PRONOUN.match(r.text, max(prev.speaker[1], prev.cue[1]))
    if pm is None or {"him": "m", "her": "f"}[pm.group(1)] != g:
        return None
    k = bisect.bisect_left(r.subjects_at, prev.span[0]) - 1
    while k >= 0 and prev.span[0] - r.subjects[k][0] <= _ASKED_BACK:
        ent = r.subjects[k][1]
        k -= 1
        if ent is chosen[idx - 1] or ent.kind != "person" or not ent.forms or ent.guess_gender() != g:
            continue
        return ent
    return None


def _spoke_lately(r: Resolver, ent: _Entity, idx: int) -> bool:
    """Fiction: ``ent`` spoke a turn in the ``_ASKED_BACK`` characters before record ``idx``."""
    return _among_last_turns(r, ent, r.records[idx].span[0])


def _role(r: Resolver, m: Mention) -> Optional[_Entity]:
    """Fiction: the named person a definite description ("the curate", "his friend",
    "the old sailor") stands for when the text ties the two earlier on: in apposition
    ("Mr. Hale, the curate," / "the curate, Mr. Hale" / "Mr. Hale, our curate," / "the
    curate, whose name was Mr. Hale"), as a predicate ("Mr. Hale was the curate", "Mr.
    Hale, who was a curate", "Mr. Hale's our curate") or as a possessive role ("his
    friend Tom"); a possessive apposition of a relative ("Mr. Hale, her father,") is
    left to the kinship ties. The whole description is matched first, then its head word (never a
    head as plain as "man" or "girl"); the latest such tie before it wins."""
    if r._roles is None:
        r._roles = _learn_roles(r)
    words = r.text[m.start : m.end].lower().split()
    if len(words) < 2 or words[0] not in _ROLE_DETERMINERS:
        return None
    keys = [" ".join(words)] if words[0] in _POSSESSIVES else []  # "his friend" as "his friend Tom"
    if len(words) > 2 or not (words[1] in _GENERIC_PERSON or words[1] in _PLAIN_HEADS):
        keys.append(" ".join(words[1:]))  # "the man": too plain to follow a tie
    if m.head and m.head not in _GENERIC_PERSON and m.head not in _PLAIN_HEADS and m.head not in keys:
        keys.append(m.head)
    for key in keys:
        links = r._roles.get(key)
        if not links:
            continue
        i = bisect.bisect_left(links[0], m.start) - 1
        while i >= 0:
            ent = links[1][i]
            if ent is not r._addressed and ent is not r._exclude:
                # the one so described, while still in the story: a tie to someone
                # the text has long stopped naming is not followed ("Mr. Jaffers, the
                # constable" a hundred pages before another constable speaks)
                j = bisect.bisect_left(ent.mentions, (m.start, -1)) - 1
                if j >= 0 and m.start - ent.mentions[j][0] <= _ROLE_GONE:
                    return ent
                return None
            i -= 1
    return None


def _learn_roles(r: Resolver) -> Dict[str, Tuple[List[int], List[_Entity]]]:
    """Fiction: descriptions tied to the person names of the narration (see ``_role``),
    one look either side of each name: linear in the text."""
    out: Dict[str, Tuple[List[int], List[_Entity]]] = {}
    heads = _role_heads()
    kin = _lexicons.first_field("kinship_words") | _COMPANIONS
    text = r.text
    for s, e, ent in r.timeline:
        if ent.kind != "person" or not ent.forms:
            continue
        found: List[str] = []
        am = _ROLE_APPOSITION.match(text, e, min(len(text), e + 80))
        if am is not None and am.group("poss") is not None and am.group("desc").split()[-1] in kin:
            am = None  # ("Mr. Hale, her father,": a relative of someone, see ``_kin_ties``)
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
        if pm is not None and pm.group("poss") is not None and any(w in kin for w in pm.group("desc").split()):
            pm = None
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
            r._aged.setdefault(em.group(1).lower(), set()).add(id(ent))
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


_NEWCOMER_GAP = 2000  # fiction: characters before a person's first naming in which a role word introduces them
_NEWCOMER_CANDIDATES = 3  # the people of the role's sex most present looked at
_ROLE_WORD_CACHE: Dict[str, "regex.Pattern[str]"] = {}  # a role word -> its whole-word pattern, compiled once
# a role word as one person: "the housekeeper", "our courier", "her young hostess" (not "master and servant")
_ROLE_DETERMINED = regex.compile(r"(?<![\p{L}])(?:[Tt]he|[Hh]is|[Hh]er|[Oo]ur|[Mm]y|[Tt]heir|[Yy]our)"
                                 r"(?:" + _WRAP + r"[\p{Ll}\-]+){0,2}" + _WRAP + r"\Z")


def _role_word_uses(text: str, head: str) -> List[int]:
    """Where ``text`` uses the role word ``head`` after a determiner ("the housekeeper",
    "their nurse"), as a whole word and not inside a longer role word ("co-founder" for
    "founder"). One literal search per role word a tag needs, not per tag."""
    pat = _ROLE_WORD_CACHE.get(head)
    if pat is None:
        pat = _ROLE_WORD_CACHE[head] = regex.compile(r"(?<![\p{L}])" + regex.escape(head) + r"(?![\p{L}])")
    longer = [(w, w.index(head)) for w in _role_heads() if len(w) > len(head) and head in w]
    out: List[int] = []
    for x in pat.finditer(text):
        at = x.start()
        if any(text.startswith(w, at - o) and at - o >= 0 and not (at - o > 0 and text[at - o - 1].isalpha())
               and not (at - o + len(w) < len(text) and text[at - o + len(w)].isalpha()) for w, o in longer):
            continue
        if _ROLE_DETERMINED.search(text, max(0, at - 40), at):
            out.append(at)
    return out


def _newcomer(r: Resolver, idx: int, m: Mention, starts: List[int],
              chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: "said the housekeeper" with no tie to a name: of the few people of the
    description's sex most present, the first whom the text first names shortly after
    using the role word ("The housekeeper came. … Mrs. Hale replied"): a role holder
    introduced by the role and named afterwards."""
    words = r.text[m.start : m.end].lower().split()
    if len(words) not in (2, 3) or words[0] != "the":
        return None
    head = words[-1]
    if m.head != head:
        return None
    if head.endswith("s") and not head.endswith("ss") or head in ("men", "women", "children", "people"):
        return None  # (“…,” said the others)
    if r.text[m.end - len(head) : m.end] != head:
        return None  # "the Admiral", "the Footman": a title or a name, not a role word
    if (head in _GENERIC_PERSON or head in _PLAIN_HEADS or head not in _role_heads()
            or head in _lexicons.first_field("kinship_words") or head in _COMPANIONS):
        return None
    occ = r._role_words.get(head)
    if occ is None:
        occ = r._role_words[head] = _role_word_uses(r.text, head)
    gender = _description_sex(m)
    # (not the one who spoke the turn before: the role holder answers them)
    before = chosen[idx - 1] if idx > 0 else None
    for ent in _present_people(r, m.start, gender, starts)[:_NEWCOMER_CANDIDATES]:
        if (not ent.mentions or ent is r._addressed or ent is before or not any(ent.named)
                or ent.guess_gender() not in ("m", "f")):
            continue
        # (first named as a family: "Maurice Hale" is not new where "Mr. Hale" was named before)
        first = min([ent.mentions[0][0]] + [o.mentions[0][0] for o in r.by_surname.get(ent.surname or "", ())
                                            if o.mentions and o.kind == "person"])
        if first >= m.start:
            continue
        k = bisect.bisect_left(occ, first) - 1
        if k >= 0 and first - occ[k] <= _NEWCOMER_GAP:
            return ent
    return None


def _description_sex(m: Mention) -> Optional[str]:
    """The sex a description gives ("the vicar", "the girl", "her aunt"), if any."""
    g = m.gender or _GENERIC_PERSON.get(m.head or "") or _lexicons.mapping("kinship_words").get(m.head or "")
    return g if g in ("m", "f") else None


def _answers_call(r: Resolver, idx: int, m: Mention) -> Optional[_Entity]:
    """Fiction: the named person the turn before a description tag calls by name or
    speaks to (“…, Kit?” | “…,” said the cub), when the description's sex allows;
    never for a tag saying the speaker goes on (“…, Crane?” | “…,” repeated her
    host: the host, not Crane)."""
    cue = r.records[idx].cue
    if cue is not None and " ".join(r.text[cue[0] : cue[1]].lower().split()) in _turns._GOES_ON:
        return None
    g = _description_sex(m)
    for sex in ((g,) if g is not None else ("m", "f")):
        called = _turns._called(r, idx, sex)
        if called is not None and called.forms and called.kind == "person":
            return called
    return None


def _answered_by_name(r: Resolver, m: Mention) -> Optional[_Entity]:
    """Fiction: for a description tag ("said the girl", "the young man answered"), the
    person of its sex the reply calls by name (``_turns._called_next``)."""
    if r._idx is None or not _tags(r, r._idx, m):
        return None
    g = _description_sex(m)
    return _turns._called_next(r, r._idx, g) if g is not None else None


def _pair_other(r: Resolver, idx: int, m: Mention, chosen: List[Optional[_Entity]]) -> Optional[_Entity]:
    """Fiction: who a description tag ("said the clergyman", "said his host") stands
    for by its place in a conversation: the one the turn before calls (``_answers_call``),
    else, in a talk of two named people (the tagged turns either side) of whom one spoke
    the turn before, the other one, when the description's sex allows."""
    called = _answers_call(r, idx, m)
    if called is not None:
        return called
    cue = r.records[idx].cue
    if cue is not None and " ".join(r.text[cue[0] : cue[1]].lower().split()) in _turns._GOES_ON:
        return None
    people: Dict[int, _Entity] = {}
    for step in (-1, 1):
        for j in _turns._turns_near(r, idx, step, _PAIR_TURNS):
            ent = chosen[j]
            if ent is not None and ent.kind == "person" and ent.forms:
                people[id(ent)] = ent
    if len(people) != 2:
        return None
    prev = next(_turns._turns_near(r, idx, -1, 1), None)
    last = chosen[prev] if prev is not None else None
    if last is None or id(last) not in people:
        return None
    other = next(e for e in people.values() if e is not last)
    g = _description_sex(m)
    if other is r._addressed or (g is not None and other.guess_gender() not in (None, g)):
        return None
    return other


def _repeated_epithets(r: Resolver, tags: Sequence[Tuple[int, str, Mention]],
                       chosen: List[Optional[_Entity]]) -> None:
    """Fiction: description tags still without a named person after the ties and the
    pair of people talking (``_role``, ``_one_of_pair``).

    Tags the text words alike ("said the clergyman", "the whelp replied"; ``key`` the
    words after "the") stand, all of them, for the named person most of them stand
    for: each one resolved to a name and each one whose conversation says who speaks
    (``_pair_other``) gives a vote; the winner needs ``_EPITHET_VOTES`` votes, twice
    the runner-up's and a third of all the tags so worded (a stranger the text never
    names, talking to many people, gets few votes for any one). Such a tag with no
    winner is the one the turn before calls (``_answers_call``), if any. A possessive
    description ("said his host"; ``key`` empty), a relation to one of those talking,
    gets no vote: it is the other of the two talking (``_pair_other``)."""
    votes: Dict[str, Dict[int, int]] = {}
    people: Dict[int, _Entity] = {}
    count: Dict[str, int] = {}
    for idx, key, m in tags:
        if not key or idx in r._restated:
            continue  # (a stranger who spoke so described before: no vote for anyone)
        count[key] = count.get(key, 0) + 1
        ent = chosen[idx]
        if ent is None or not ent.forms:
            r._addressed = _turns._addressee(r, r.records[idx])
            ent = _pair_other(r, idx, m, chosen)
        if ent is not None and ent.forms and ent.kind == "person":
            tally = votes.setdefault(key, {})
            tally[id(ent)] = tally.get(id(ent), 0) + 1
            people[id(ent)] = ent
    winners: Dict[str, _Entity] = {}
    for key, tally in votes.items():
        ranked = sorted(tally.values(), reverse=True) + [0]
        if ranked[0] >= _EPITHET_VOTES and ranked[0] >= 2 * ranked[1] and 3 * ranked[0] >= count[key]:
            winners[key] = people[max(tally, key=lambda k: tally[k])]
    for idx, key, m in tags:
        ent = chosen[idx]
        if (ent is not None and ent.forms and m.head in _GENERIC_PERSON and key in winners
                and winners[key] is not ent and idx not in r._restated):
            # “…,” said the girl: the one most of the text's "the girl" tags stand for,
            # while present, over another girl the salience found
            usual = winners[key]
            if usual in _present_people(r, m.start, _GENERIC_PERSON[m.head], r._starts)[:_EPITHET_PRESENT]:
                r._addressed = _turns._addressee(r, r.records[idx])
                if usual is not r._addressed:
                    chosen[idx] = usual
                continue
        if ent is not None and (ent.forms or ent.kind == "anonymous" or idx in r._restated):
            continue  # (an unnamed speaker it was described as before: "a thin, elderly gentleman")
        r._addressed = _turns._addressee(r, r.records[idx])
        win = winners.get(key)
        if win is None:
            win = _answers_call(r, idx, m) if key else _pair_other(r, idx, m, chosen)
        if win is not None and win is not r._addressed:
            chosen[idx] = win
    r._addressed = None
