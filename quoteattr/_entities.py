"""Source resolution, shared parts: the entity record (one person, organisation,
document or group a text quotes) and the name helpers that ``_resolution``,
``_turns`` and ``_kinship`` all use."""

from __future__ import annotations

import functools
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from . import _lexicons


_KIN = r"(?:uncle|aunt|father|mother|husband|wife|sister|brother|cousin)"
# an honorific as the narration writes it before a name ("Mr.", "Lady")
_SHORT_HONORIFIC = r"(?:Mr|Mrs|Miss|Lady|Sir|Dr)\.?"
_NAME = r"(?:" + _SHORT_HONORIFIC + r"[^\S\n]+)?\p{Lu}[\p{Ll}'’\-]+(?:[^\S\n]+\p{Lu}[\p{Ll}'’\-]+)?"
# "Sen. Maria Lopez" is "the senator"
_ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                "col": "colonel", "capt": "captain", "lt": "lieutenant", "sgt": "sergeant", "prof": "professor",
                "dr": "doctor", "rev": "reverend", "pres": "president", "adm": "admiral", "maj": "major"}
# words before a name that describe rather than name: "Old Stephen", "Little Nell"
_EPITHETS = frozenset("old young little poor dear good".split())
_GENERIC_PERSON = {"girl": "f", "woman": "f", "lady": "f", "man": "m", "boy": "m", "gentleman": "m",
                   "fellow": "m"}


class _Entity:
    __slots__ = ("key", "kind", "names", "titles", "gender", "mentions", "votes", "surname", "first",
                 "forms", "named", "honored", "family", "_words", "_words_version", "_ranks", "_ranks_seen")

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
        # fiction: genders of the ranks opening its names, over its first ``_ranks_seen`` names
        self._ranks: Set[Optional[str]] = set()
        self._ranks_seen = 0
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
        if self._ranks_seen != len(self.names):
            # read only the names added since the last call: a novel's hero gathers
            # thousands, and the gender is asked for at every pronoun
            hons = _lexicons.mapping("honorifics")
            self._ranks |= {hons.get(n.split(None, 1)[0]) for n in self.names[self._ranks_seen:] if n.strip()}
            self._ranks_seen = len(self.names)
        found = self._ranks & {"m", "f"}
        return next(iter(found)) if len(found) == 1 else None


def _name_tokens(name: str) -> List[str]:
    """The words of a name, possessive endings dropped (a copy: the caller may change it)."""
    return list(_name_tokens_of(name))


@functools.lru_cache(maxsize=4096)
def _name_tokens_of(name: str) -> Tuple[str, ...]:
    # names recur (a novel's "Elizabeth" thousands of times): split once per distinct name
    return tuple(w for w in name.replace("’s", "").replace("'s", "").split() if w[:1].isalnum())


# endings of demonyms ("Italian", "Chinese", "English", "Icelandic", "Israeli"; "ian" ends in "an")
_DEMONYM_ENDS = ("an", "ese", "ish", "ic", "i")
# heads too plain to stand for one person on their own; with their modifiers they may
_PLAIN_HEADS = frozenset("person people one friend companion stranger figure voice visitor".split())
# a space between words, a line break of the paragraph included ("the painter\nhimself")
_WRAP = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"


@functools.lru_cache(maxsize=1024)
def _honorific(title: Optional[str]) -> bool:
    if not title:
        return False
    hons = _lexicons.mapping("honorifics")
    return any(hons.get(w) in ("m", "f") for w in title.split())


def _honorific_conflict(title: Optional[str], others: List[str]) -> bool:
    others = list(set(others))  # the same title recurs with every mention
    mine, mine_w = _title_sexes(title or "")
    if not mine_w:
        return False  # (``mine`` is empty too: neither test below can hold)
    for o in others:
        theirs = _title_sexes(o)[0]
        if mine and theirs and mine != theirs:
            return True
    for o in others:
        theirs_w = _title_sexes(o)[1]
        if mine_w and theirs_w and not (mine_w & theirs_w) and (
                {"Mrs", "Miss"} <= (mine_w | theirs_w) or {"Lady", "Miss"} <= (mine_w | theirs_w)):
            return True  # "Miss Elliot" is the daughter of "Lady Elliot", not she
    return False


@functools.lru_cache(maxsize=4096)
def _title_sexes(title: str) -> Tuple[FrozenSet[Optional[str]], FrozenSet[str]]:
    """The sexes ("m", "f") the honorifics of ``title`` give, and those honorifics
    without their full stop (for ``_honorific_conflict``; a title recurs with every mention)."""
    hons = _lexicons.mapping("honorifics")
    words = title.split()
    return (frozenset(hons.get(w) for w in words) & {"m", "f"},
            frozenset(w.rstrip(".") for w in words if hons.get(w) in ("m", "f")))


