"""Synthetic inputs for the benchmark: news-like articles and hostile texts.

Everything here is generated from templates written for this file (no corpus text),
deterministically from a seed, so figures are comparable between runs and machines.
"""

from __future__ import annotations

import random
from typing import Callable, Dict, Iterator, List

_FIRST = ["Ana", "David", "Maria", "James", "Li", "Fatima", "Peter", "Olga", "Samuel", "Grace",
          "Tomas", "Ines", "Kwame", "Sofia", "Henrik", "Amira", "Jonas", "Ruth", "Pablo", "Elena"]
_LAST = ["Ruiz", "Okafor", "Lindqvist", "Chen", "Haddad", "Moreau", "Novak", "Mensah", "Walsh",
         "Tanaka", "Ferreira", "Kowalski", "Brandt", "Osei", "Duarte", "Ivanova", "Keller", "Nakamura"]
_TITLES = ["Mayor", "Senator", "Finance Minister", "Governor", "Police Chief", "Professor",
           "Health Secretary", "Judge", "Ambassador", "union leader"]
_ORGS = ["the ministry", "the city council", "the central bank", "the Port Authority",
         "the health agency", "the electoral commission", "the teachers' union"]
_VERBS = ["said", "told reporters", "added", "warned", "argued", "explained", "insisted", "noted"]
_CLAUSES = [
    "we will not back down on the budget", "the bridge must be repaired before winter",
    "nobody expected the vote to be this close", "the new rules take effect in March",
    "our schools need more teachers, not fewer", "the talks broke down late on Tuesday",
    "prices have risen faster than wages for two years", "the report's figures don't add up",
    "we're asking residents to stay indoors tonight", "the company has denied any wrongdoing",
    "this is the worst flooding in forty years", "the deal protects jobs in the region",
]
_FILLER = [
    "The decision follows months of debate in the regional assembly.",
    "Officials did not give a date for the next round of talks.",
    "Turnout in the district was 61 percent, up from 54 percent in 2019.",
    "The measure passed by 212 votes to 198 after a late amendment.",
    "Residents in the northern suburbs have complained about the delays since last spring.",
    "Analysts expect the figures to be revised when the quarter's data arrive.",
    "The agency's budget for next year is $4.2bn, according to documents seen by reporters.",
    "Schools in three districts stayed closed on Monday.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def article(rng: random.Random) -> str:
    """One news-like article: a headline and 8-20 paragraphs, one paragraph a line."""
    people = [(_person(rng), rng.choice(_TITLES)) for _ in range(rng.randint(2, 4))]
    paras: List[str] = [f"{_cap(rng.choice(_CLAUSES))}, {people[0][1].lower()} says"]
    for _ in range(rng.randint(8, 20)):
        name, title = rng.choice(people)
        surname = name.split()[1]
        c1, c2 = rng.sample(_CLAUSES, 2)
        verb = rng.choice(_VERBS)
        form = rng.randrange(9)
        if form == 0:
            p = f"“{_cap(c1)},” {title} {name} {verb}."
        elif form == 1:
            p = f"“{_cap(c1)},” {verb} {surname}. “{_cap(c2)}.”"
        elif form == 2:
            p = f"{surname} {verb}: “{_cap(c1)}.”"
        elif form == 3:
            p = f"“{_cap(c1)},” she {verb}, “and {c2}.”"
        elif form == 4:
            p = f"{_cap(rng.choice(_ORGS))} said {c1}, while {surname} {verb} that {c2}."
        elif form == 5:
            p = f"According to {name}, {c1}. {rng.choice(_FILLER)}"
        elif form == 6:
            p = f"{name} called the plan \"{rng.choice(['reckless', 'a good start', 'long overdue'])}\" and said {c2}."
        else:
            p = " ".join(rng.sample(_FILLER, 2))
        paras.append(p)
    return "\n\n".join(paras) if rng.random() < 0.5 else "\n".join(paras)


def news_documents(total_chars: int, seed: int = 1) -> Iterator[str]:
    """Articles until about ``total_chars`` characters."""
    rng = random.Random(seed)
    n = 0
    while n < total_chars:
        a = article(rng)
        n += len(a)
        yield a


def news_text(chars: int, seed: int = 2) -> str:
    """One document of about ``chars`` characters: articles one after another."""
    out: List[str] = []
    n = 0
    for a in news_documents(chars, seed):
        out.append(a)
        n += len(a) + 2
    return "\n\n".join(out)[:chars]


# --- hostile inputs: each takes a size in characters ----------------------------

_MARKS = "\"'“”‘’«»‹›„‚「」『』`"


def _cycle(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _nesting(n: int) -> str:
    openers = "“‘«„「"
    closers = "”’»“」"
    half = n // 2
    k = max(1, half // 3)
    o = "".join(openers[i % 5] + "a " for i in range(k))
    c = "".join(" a" + closers[(k - 1 - i) % 5] for i in range(k))
    return (o + c)[:n]


HOSTILE: Dict[str, Callable[[int], str]] = {
    "only quote marks": lambda n: _cycle(_MARKS, n),
    "spaced quote marks": lambda n: _cycle(" ".join(_MARKS) + " ", n),
    "marks and words": lambda n: _cycle("“a ”b ‘c ’d «e »f \"g 'h ", n),
    "one endless paragraph": lambda n: news_text(n).replace("\n", " "),
    "apostrophes": lambda n: _cycle("don't ' the students' 'tis O'Neil ’90s rock 'n' roll ' ", n),
    "deep nesting": _nesting,
    "said repeated": lambda n: "“Yes,” " + _cycle("said ", n - 7),
    "Said, quoted": lambda n: _cycle("“Said,” said Said, “said.” ", n),
    "unclosed mark per line": lambda n: _cycle("“He said the vote was close, she said\n", n),
    "no spaces": lambda n: _cycle("x", n),
    "newlines": lambda n: _cycle("\n", n),
    "capitalised words": lambda n: _cycle("Ana Bo Cy De ", n),
}

# the same, read as fiction (``Config(genre="fiction")``): one endless paragraph of a
# novel's dialogue, where every untagged quotation looks back for a beat or a tag
HOSTILE_FICTION: Dict[str, Callable[[int], str]] = {
    "fiction: no stops": lambda n: _cycle("“a” ", n),
    "fiction: beats": lambda n: _cycle("“Yes.” He ran. ", n),
    "fiction: short beats": lambda n: _cycle("“A.” b. ", n),
    "fiction: Said, quoted": lambda n: _cycle("“Said,” said Said, “said.” ", n),
    "fiction: a verb, no stops": lambda n: _cycle("“Hi!” came ", n),
}
