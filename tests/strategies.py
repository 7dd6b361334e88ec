"""Hypothesis strategies for the property tests (texts rich in quotation marks and
cues), and the walk over every span of a result that those tests check."""

from typing import Iterator

from hypothesis import strategies as st

import quoteattr


def all_spans(result: quoteattr.Result) -> Iterator[quoteattr.Span]:
    """Every span a result holds: parts, whole quotations, speakers, cues, mentions."""
    for q in result.quotes:
        yield from q.parts
        yield q.span
        if q.speaker is not None:
            yield q.speaker
        if q.cue is not None:
            yield q.cue
    for s in result.sources:
        yield from s.mentions

NAMES = ["Ana Ruiz", "Mr. Okafor", "the minister", "a senior official", "Tom Lee", "she", "he", "The ministry"]
VERBS = ["said", "told reporters", "added", "insisted", "wrote", "asked", "cried"]
MARKS = [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("「", "」"), ("''", "''")]
WORDS = ["we", "will", "win", "the", "vote", "is", "not", "over", "don't", "O'Brien", "5'11\"", "rock 'n' roll",
         "the '90s", "students'", "now", "never"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
    body = " ".join(words)
    body = body[0].upper() + body[1:]
    shape = draw(st.integers(0, 6))
    o, c = draw(st.sampled_from(MARKS))
    who = draw(st.sampled_from(NAMES))
    verb = draw(st.sampled_from(VERBS))
    if shape == 0:
        return f"{o}{body},{c} {who} {verb}."
    if shape == 1:
        return f"{who.capitalize()} {verb}: {o}{body}.{c}"
    if shape == 2:
        return f"{o}{body},{c} {verb} {who}, {o}{body}.{c}"
    if shape == 3:
        return f"{who.capitalize()} {verb} that {body}."
    if shape == 4:
        return f"{body} {o}{draw(st.sampled_from(WORDS))}{c} {body}."
    if shape == 5:
        return f"{o}{body}."  # left open
    return f"{body}.{c} {who} {verb}."  # opening mark missing


@st.composite
def documents(draw: st.DrawFn) -> str:
    paras = draw(st.lists(st.lists(sentences(), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6))
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
    return sep.join(paras)


texts = documents() | st.text(st.sampled_from(list("“”‘’\"'«»„ \n.,:aAs—")), max_size=60)


# Fiction fragments that the speaker rules read: tags, honorifics, kin words, repeated
# name words, headings, body parts, places, openers, vocatives. Joined at random they
# make texts that no novel holds but every rule must survive.
FICTION_PIECES = ["“", "”", "‘", "’", '"', "'", " said ", " cried ", " replied ", " went on", " asked ", "she ",
                  "he ", "I said", "Mr. ", "Mrs. ", "Miss ", "Lady ", "Admiral ", "Tom ", "Tom Tom ", "Reed",
                  "Jane Reed", "George", "Lizzy", "her aunt", "his lips", "the voice of ", "Part of him",
                  " of ", "my mother", "the old man", "Chapter XI\n", "PART I. ", "The Wild Land\n", "\n\n",
                  "\n", ". ", ", ", ": ", "--", "—", "? ", "! ", "Suddenly ", "Nobody ", " Heights", " to ",
                  " at ", "and ", "When ", "Yes, "]
fiction_soup = st.lists(st.sampled_from(FICTION_PIECES), max_size=60).map("".join)
