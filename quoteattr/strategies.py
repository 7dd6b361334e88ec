"""Hypothesis strategies for testing code that uses quoteattr.

Each strategy draws a text holding quotations *together with* the records quoteattr
should find in it, so a downstream test can check its own handling of real records
without writing passages by hand::

    from hypothesis import given
    import quoteattr
    from quoteattr.strategies import quoted_passages

    @given(quoted_passages())
    def test_my_pipeline(passage):
        text, expected = passage
        result = quoteattr.extract(text)
        assert [q.parts for q in result.quotes] == [e.parts for e in expected]

The passages are built from a few plain templates (see :data:`TEMPLATES`), with
invented names, no pronouns (a pronoun's antecedent is a judgement, not a fact of the
template) and content that holds no quotation marks. Every template is checked against
:func:`quoteattr.extract` in quoteattr's own test suite, so a failure in a test built
on these strategies points at the code under test or at a quoteattr regression.

Needs Hypothesis (``pip install hypothesis``); ``import quoteattr`` never imports it.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

import attrs

from ._records import Span

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without hypothesis
    raise ImportError(
        "quoteattr.strategies needs Hypothesis, which is not installed: "
        "pip install hypothesis (or pip install 'quoteattr[test]')"
    ) from exc

__all__ = [
    "TEMPLATES",
    "Expected",
    "contents",
    "quotations",
    "quoted_passages",
    "speakers",
]


@attrs.frozen(slots=True)
class Expected:
    """A quotation a generated text holds, as quoteattr should report it.

    - ``parts``: the content of each part, without the enclosing marks; a
      quotation split by its attribution, or continued by a second quoted
      sentence, has two; reported speech has one, the clause without its full
      stop. Compare with ``Quote.parts``.
    - ``speaker``: the speaker as written. Compare with ``Quote.speaker``.
    - ``kind``: "direct" (quoted words) or "indirect" (reported speech without
      marks). Compare with ``Quote.kind``.
    - ``template``: the id of the template that made it (one of :data:`TEMPLATES`),
      to tell a failing case's shape at a glance.
    """

    parts: Tuple[Span, ...]
    speaker: Span
    kind: str
    template: str

    @property
    def text(self) -> str:
        """The content, parts joined by a space (as ``Quote.text``)."""
        return " ".join(p.text for p in self.parts)


#: The templates, by id. ``{c}`` is content, ``{c2}`` the second part of a split
#: quotation, ``{c3}`` a quoted sentence that continues the quotation before it,
#: ``{i}`` reported speech without marks, ``{s}`` the speaker, ``{v}`` a reporting
#: verb in the past tense, ``{a}`` an appositive, ``{d}`` a day. The
#: mark around each content is the opening and closing mark drawn for the passage
#: (written here as the curly pair, which reads best; straight marks replace them).
TEMPLATES: Mapping[str, str] = MappingProxyType({
    "tag-after": "“{c},” {s} {v}.",
    "tag-after-inverted": "“{c},” {v} {s}.",
    "tag-before-colon": "{s} {v}: “{c}.”",
    "tag-before-comma": "{s} {v}, “{c}.”",
    "split": "“{c},” {s} {v}, “{c2}.”",
    "split-inverted": "“{c},” {v} {s}, “{c2}.”",
    "question": "“{c}?” {s} asked.",
    "exclamation": "“{c}!” {s} {v}.",
    "tag-after-appositive": "“{c},” said {s}, {a}.",
    "tag-after-when": "“{c},” {s} {v} on {d}.",
    "continuation": "“{c},” {s} {v}. “{c3}.”",
    "indirect-that": "{s} {v} that {i}.",
    "according-to": "According to {s}, {i}.",
})

# Invented for these strategies: given names and family names from many languages,
# some in quoteattr's lexicon of first names and some not, so that a name is found
# by its shape and not by a list.
_GIVEN = (
    "Ana", "Tomas", "Mei", "Kwame", "Ingrid", "Ravi", "Lucia", "Oskar", "Amara",
    "Hiroshi", "Fatima", "Pedro", "Nadia", "Emeka", "Sofia", "Dmitri", "Aylin",
    "Joaquim", "Priya", "Lars", "Zanele", "Matteo", "Yusuf", "Elena", "Bruno",
)
_FAMILY = (
    "Ruiz", "Okafor", "Lindqvist", "Tanaka", "Haddad", "Moreau", "Kowalski",
    "Mensah", "Castillo", "Novak", "Brennan", "Sato", "Ferreira", "Nakamura",
    "Oyelaran", "Petrov", "Halvorsen", "Abara", "Quispe", "Delacroix",
)
# Appositives after a name: who the speaker is, never a name or a reporting verb.
_APPOSITIVES = (
    "a lawyer for the union",
    "the city engineer",
    "a spokeswoman for the port",
    "the head of the school board",
    "an economist at the central bank",
)
# Reported clauses: a subject and what is said of it (no names, no reporting verbs,
# never starting with "that", which would read as the conjunction).
_SUBJECTS = ("the plan", "prices", "the budget", "turnout", "the bridge", "schools", "the city")
_PREDICATES = (
    "is working",
    "will rise again",
    "must wait until spring",
    "was fair to everyone",
    "needs more water",
    "has gone up this year",
    "can open again soon",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Titles that stand before a name; quoteattr reports them as part of the speaker.
_TITLES = ("Mayor", "Senator", "Dr.", "Professor", "Governor", "Judge", "Minister")
_VERBS = ("said", "added", "explained", "told reporters", "insisted", "argued", "wrote")
_ONE_WORD = ("said", "added", "explained", "insisted", "argued", "wrote")
# Plain words for content: no names, no reporting verbs, no apostrophes or marks.
_WORDS = (
    "we", "will", "not", "back", "down", "the", "plan", "is", "working", "prices",
    "have", "gone", "up", "this", "year", "our", "city", "needs", "more", "water",
    "it", "was", "a", "long", "night", "for", "everyone", "they", "can", "wait",
    "schools", "open", "again", "in", "spring", "every", "vote", "counts", "now",
    "roads", "are", "safer", "than", "before", "that", "bridge", "must", "be",
    "repaired", "soon", "nobody", "expected", "such", "storm", "three", "months",
    "later", "people", "still", "wait", "and", "but", "or", "budget", "fair",
)
# Narrative sentences with no speaker, no reporting verb and no marks, put between
# quotations so that attribution has to stay local.
_FILLERS = (
    "The meeting ran late.",
    "Rain fell over the harbour all week.",
    "Tickets sold out within an hour.",
    "The bridge has been closed since March.",
    "Turnout was higher than in any year before.",
    "The budget is due next month.",
)
# The opening and closing marks a passage may use.
_MARKS = (
    ("\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
    ('"', '"'),
)


def speakers(*, titles: bool = True) -> "st.SearchStrategy[str]":
    """A speaker as written: "Ana Ruiz", "Okafor", "Mayor Ana Ruiz" (no pronouns)."""
    return _speakers(_TITLES if titles else ())


def _speakers(titles: Tuple[str, ...]) -> "st.SearchStrategy[str]":
    given = st.sampled_from(_GIVEN)
    family = st.sampled_from(_FAMILY)
    full = st.builds(lambda g, f: f"{g} {f}", given, family)
    forms = [full, family]
    if titles:
        forms.append(st.builds(lambda t, n: f"{t} {n}", st.sampled_from(titles), full))
    return st.one_of(*forms)


def contents(*, max_words: int = 10) -> "st.SearchStrategy[str]":
    """What a speaker says, without its final punctuation and without quotation marks:
    a capitalised run of one to ``max_words`` plain words, sometimes with a comma."""
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1; got {max_words}")

    def build(words: List[str], comma: int) -> str:
        # A comma after word ``comma`` (none when that is the last word).
        sentence = " ".join(w + ("," if i == comma - 1 else "") for i, w in enumerate(words[:-1]))
        sentence = f"{sentence} {words[-1]}" if sentence else words[-1]
        return sentence[0].upper() + sentence[1:]

    return st.builds(
        build,
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=max_words),
        st.integers(min_value=0, max_value=max_words),
    )


class _Builder:
    """Appends pieces of text and keeps the spans of the ones that matter."""

    def __init__(self) -> None:
        self.pieces: List[str] = []
        self.length = 0

    def add(self, piece: str) -> Tuple[int, int]:
        start = self.length
        self.pieces.append(piece)
        self.length += len(piece)
        return start, self.length

    def text(self) -> str:
        return "".join(self.pieces)


def _fill(
    builder: _Builder,
    template: str,
    values: Dict[str, str],
    marks: Tuple[str, str],
) -> Tuple[List[Tuple[int, int]], Tuple[int, int]]:
    """Write ``template`` into ``builder``; return the content spans and the speaker span."""
    parts: List[Tuple[int, int]] = []
    speaker = (0, 0)
    # Split the template into literal text and {fields}, writing each in turn.
    rest = TEMPLATES[template]
    while rest:
        i = rest.find("{")
        if i < 0:
            builder.add(_marked(rest, marks))
            break
        builder.add(_marked(rest[:i], marks))
        j = rest.index("}", i)
        field, rest = rest[i + 1 : j], rest[j + 1 :]
        if field in ("c", "c2", "c3"):
            # The content runs up to the closing mark: the punctuation before it is
            # part of the content, as quoteattr reports it.
            k = rest.index("\N{RIGHT DOUBLE QUOTATION MARK}")
            start, _ = builder.add(values[field])
            _, end = builder.add(rest[:k])
            parts.append((start, end))
            rest = rest[k:]
        else:
            span = builder.add(values[field])
            if field == "s":
                speaker = span
            elif field == "i":
                # Reported speech: the clause, without the full stop that ends it.
                parts.append(span)
    return parts, speaker


def _marked(literal: str, marks: Tuple[str, str]) -> str:
    return literal.replace("\N{LEFT DOUBLE QUOTATION MARK}", marks[0]).replace(
        "\N{RIGHT DOUBLE QUOTATION MARK}", marks[1]
    )


def _verbs(template: str) -> "st.SearchStrategy[str]":
    # "told reporters" is left out of the inverted and the split templates: "said
    # Ana Ruiz" is English and "told reporters Ana Ruiz" is not, and quoteattr 0.1
    # does not rejoin a quotation split by a two-word tag (tests/test_strategies.py).
    simple = template in (
        "tag-after", "tag-before-colon", "tag-before-comma", "tag-after-when", "indirect-that"
    )
    return st.sampled_from(_VERBS if simple else _ONE_WORD)


# Built once: Hypothesis validates a strategy the first time it is drawn from, and
# building fresh ones for every draw made generation ten times slower.
_VERB_FOR = {t: _verbs(t) for t in TEMPLATES}
_CONTENT = contents()
_SPEAKER = speakers()
# quoteattr 0.1 finds nothing in "According to Dr. Ana Ruiz, ..." (the abbreviation's
# full stop ends the clause; tests/test_strategies.py), so that template draws
# titles without one.
_SPEAKER_NO_ABBREVIATION = _speakers(tuple(t for t in _TITLES if not t.endswith(".")))
_FILLER = st.sampled_from(_FILLERS)
_APPOSITIVE = st.sampled_from(_APPOSITIVES)
_DAY = st.sampled_from(_DAYS)
_CLAUSE = st.builds(
    lambda subject, predicate: f"{subject} {predicate}",
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_PREDICATES),
)
_MARK_PAIR = st.sampled_from(_MARKS)


@st.composite
def _passage(
    draw: st.DrawFn,
    templates: Tuple[str, ...],
    min_quotes: int,
    max_quotes: int,
    fillers: bool,
    paragraphs: bool,
) -> Tuple[str, Tuple[Expected, ...]]:
    marks = draw(_MARK_PAIR)
    count = draw(st.integers(min_value=min_quotes, max_value=max_quotes))
    separator = "\n\n" if paragraphs else " "
    builder = _Builder()
    drafts: List[Tuple[str, List[Tuple[int, int]], Tuple[int, int]]] = []
    for n in range(count):
        if n:
            builder.add(separator)
        if fillers and draw(st.booleans()):
            builder.add(draw(_FILLER) + " ")
        template = draw(st.sampled_from(templates))
        values = {
            "c": draw(_CONTENT),
            "c2": draw(_CONTENT).lower(),
            "c3": draw(_CONTENT),
            "i": draw(_CLAUSE),
            "a": draw(_APPOSITIVE),
            "d": draw(_DAY),
            "s": draw(_SPEAKER_NO_ABBREVIATION if template == "according-to" else _SPEAKER),
            "v": draw(_VERB_FOR[template]),
        }
        parts, speaker = _fill(builder, template, values, marks)
        drafts.append((template, parts, speaker))
    text = builder.text()
    expected = tuple(
        Expected(
            parts=tuple(Span.of(text, s, e) for s, e in parts),
            speaker=Span.of(text, *speaker),
            kind="indirect" if "{i}" in TEMPLATES[template] else "direct",
            template=template,
        )
        for template, parts, speaker in drafts
    )
    return text, expected


def _check_templates(templates: Optional[Iterable[str]]) -> Tuple[str, ...]:
    chosen = tuple(TEMPLATES) if templates is None else tuple(templates)
    unknown = [t for t in chosen if t not in TEMPLATES]
    if unknown or not chosen:
        raise ValueError(
            f"templates must be a non-empty selection of {', '.join(TEMPLATES)}; "
            f"got {list(chosen)!r}"
        )
    return chosen


def quotations(
    *, templates: Optional[Iterable[str]] = None
) -> "st.SearchStrategy[Tuple[str, Tuple[Expected, ...]]]":
    """One sentence holding one quotation and its attribution: ``(text, expected)``,
    ``expected`` a one-tuple of :class:`Expected`.

    ``templates`` picks template ids from :data:`TEMPLATES` (all by default).
    """
    return _passage(_check_templates(templates), 1, 1, False, False)


def quoted_passages(
    *,
    templates: Optional[Iterable[str]] = None,
    min_quotes: int = 1,
    max_quotes: int = 4,
    fillers: bool = True,
    paragraphs: bool = True,
) -> "st.SearchStrategy[Tuple[str, Tuple[Expected, ...]]]":
    """A passage of ``min_quotes`` to ``max_quotes`` attributed quotations:
    ``(text, expected)``, ``expected`` a tuple of :class:`Expected` in text order.

    - ``templates``: template ids from :data:`TEMPLATES` (all by default).
    - ``fillers``: put a narrative sentence without quotations before some of them.
    - ``paragraphs``: put each quotation in a paragraph of its own (True, the
      default). False runs them on in one paragraph, where quoteattr 0.1 still
      joins some neighbours into one split quotation (``Ana Ruiz said: “We
      will win.” Tomas Novak said: “They will lose.”``), so that setting is for
      tracking that known failure, not for testing your code.

    Within one passage every quotation uses the same marks (curly or straight).
    """
    if not 1 <= min_quotes <= max_quotes:
        raise ValueError(
            f"need 1 <= min_quotes <= max_quotes; got min_quotes={min_quotes}, "
            f"max_quotes={max_quotes}"
        )
    return _passage(_check_templates(templates), min_quotes, max_quotes, fillers, paragraphs)
