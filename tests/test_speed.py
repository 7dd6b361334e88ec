"""Speed-only rewrites give the same answers as the plain code they replace."""

import hypothesis
import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import _attribution, _mentions

# characters that matter to the tokeniser: letters, digits, marks, apostrophes, dots,
# hyphens, spaces, punctuation and quotation marks
_ALPHABET = st.sampled_from(list("aZé9٣\u0301'’.-  \t\n,;“”!x_()") + ["said", "Mr.", "the", "Ana", "U.S."])
_TEXT = st.lists(_ALPHABET, max_size=120).map("".join)

# the tokeniser's pattern as first written (a loop over single characters)
_PLAIN_WORD = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’]|[.\-](?=[\p{L}\p{N}]))*\.?|[^\s\p{L}\p{N}]")


@given(_TEXT, st.integers(0, 130), st.integers(0, 130))
def test_word_pattern_matches_as_the_plain_one(text, a, b):
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    got = [m.span() for m in _mentions._WORD.finditer(text, a, b)]
    assert got == [m.span() for m in _PLAIN_WORD.finditer(text, a, b)]


@hypothesis.settings(max_examples=300)
@given(_TEXT, st.integers(0, 130), st.integers(0, 130), st.lists(st.integers(0, 400), max_size=5))
def test_short_windows_give_the_long_windows_answers(text, a, b, others):
    text = text * 4  # long enough for the short windows to be tried
    lo, pos = min(a, b, len(text)), min(max(a, b) * 3, len(text))
    # the same text asked several times: answers kept from one window serve others
    for other in [lo] + others:
        other = min(other, pos)
        start = max(other, pos - 300)
        want = _mentions._subject_in(_mentions.tokens(text, start, pos))
        assert _mentions.subject_before(text, pos, other) == want
    for hi in [len(text)] + others:
        hi = max(lo, min(hi, len(text)))
        want = _mentions._np_after_in(_mentions.tokens(text, lo, min(hi, lo + 200)))
        assert _mentions.np_after(text, lo, hi) == want



_CLAUSE_TAIL = regex.compile(r"[^.!?;\"“”\n]{1,200}?(?=[^\S\n]*[.!?;]|[^\S\n]*\Z)")
_TAIL_TEXT = st.lists(st.sampled_from(list("ab .!?;\"“”\n\t\u00a0\u2003\x1c,") + [" " * 150, "x" * 120]),
                      max_size=40).map("".join)


@given(_TAIL_TEXT, st.integers(0, 400), st.integers(0, 400))
def test_clause_tail_ends_where_the_pattern_did(text, a, b):
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    m = _CLAUSE_TAIL.match(text, a, b)
    assert _attribution._clause_tail(text, a, b) == (m.end() if m else None)


def test_horizontal_space_is_the_regex_class():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert _attribution._HSPACE == frozenset(regex.findall(r"[^\S\n]", every))
