"""Speed-only rewrites of whole-text passes give the same answers as the plain code
they replace (a companion to test_speed.py)."""

from typing import FrozenSet, Optional

import attrs
import regex

import quoteattr

from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr import _cues, _entities, _genre, _indirect, _kinship, _layout, _lexicons, _marks, _mentions, _resolution

_GENRE_ALPHABET = st.sampled_from(
    list(_genre._NEWS_CUE_STARTS) + list(_genre._FICTION_TAG_STARTS)
    + ["s", "ly", "é", "²", " ", "\n", "he", "she", "I", "x", "officials", "voters", ".", "Sen", "spokeswoman", "-"]
)


@given(st.lists(_GENRE_ALPHABET, max_size=14).map("".join))
def test_cue_counts_are_the_patterns_match_counts(text: str) -> None:
    assert _genre._news_cues(text) == len(_genre._NEWS_CUE.findall(text))
    assert _genre._count(text, _genre._FICTION_TAG, _genre._FICTION_TAG_STARTS) == len(_genre._FICTION_TAG.findall(text))


_NARRATION_ALPHABET = st.sampled_from(
    list(_genre._NARRATION_STARTS) + list(_genre._ARGUMENT_STARTS) + list(_genre._LITERARY_STARTS)
    + ["was", "walked", "ed", "think", "am", "I", "he", "t", "’", "'", "1", " ", "\n", "\t", "x", "Sir", "SIR"]
)


@given(st.lists(_NARRATION_ALPHABET, max_size=12).map("".join))
def test_narration_counts_are_the_patterns_match_counts(text: str) -> None:
    for pattern, starts in (
        (_genre._NARRATION, _genre._NARRATION_STARTS),
        (_genre._ARGUMENT, _genre._ARGUMENT_STARTS),
        (_genre._LITERARY, _genre._LITERARY_STARTS),
    ):
        assert _genre._count(text, pattern, starts) == len(pattern.findall(text))


# the pattern ``_mentions._mid_sentence_caps`` replaces
_MID_SENTENCE_CAP = regex.compile(r"[\p{Ll},;]\s{1,3}(\p{Lu}(?:" + _mentions._HYPHENED_TAIL + r"|[\p{Ll}\p{M}'’\-]+))")


def _plain_name_index(text: str) -> FrozenSet[str]:
    """``name_index`` as first written: every lower-case word of the text listed."""
    mid = set(_MID_SENTENCE_CAP.findall(text))
    not_names = _lexicons.words("not_names") | _lexicons.words("function_words")
    counts = {}
    for w in _mentions._CAP_WORD.findall(text):
        if w not in mid and w.lower() not in not_names:
            counts[w] = counts.get(w, 0) + 1
    lower = {m.group() for m in _mentions._LOWER_WORD.finditer(text)} if counts else set()
    acting = set(_mentions._ACTS_AFTER.findall(text))  # "Mara sat": once is enough
    return frozenset(mid | {w for w, n in counts.items() if (n >= 2 or w in acting) and w.lower() not in lower})


_NAME_ALPHABET = st.sampled_from(["Ab", "ab", "Cd", "cd", "-", "\u0301", "'", "’", " ", ". ", "x", "Éa", "éa",
                                  "\n", ",", "İa", "Ab-cd", "Ab'", "Said", "said", " sat", "sat"])


@given(st.lists(_NAME_ALPHABET, max_size=30).map("".join))
@example("Ab sat. Cd sat. cd. Éa  sat. Ab'sat")
def test_name_index_is_the_plain_one(text: str) -> None:
    assert _mentions.name_index.__wrapped__(text) == _plain_name_index(text)


def test_name_index_with_many_candidates_is_the_plain_one() -> None:
    words = ["Q" + "".join("abcdefghij"[int(d)] for d in str(i)) for i in range(100)]
    text = " ".join(f"{w}. {w}. x {w.lower()}" if i % 3 else f"{w}. {w}." for i, w in enumerate(words))
    assert _mentions.name_index.__wrapped__(text) == _plain_name_index(text)


_MID_ALPHABET = st.sampled_from(["a", "B", "Bc", " ", "  ", "\t", ",", ";", "x", "É", "é", "\u0301", "-", "'",
                                 "\n", "   ", "Ab-c", "A"])


@given(st.lists(_MID_ALPHABET, max_size=20).map("".join))
def test_mid_sentence_capitals_are_the_patterns_matches(text: str) -> None:
    assert _mentions._mid_sentence_caps(text) == set(_MID_SENTENCE_CAP.findall(text))


_TOKEN_ALPHABET = st.sampled_from(list("aZé9٣\u0301'’.-  \t\n,;“”!x_()\u2028\x1c") + ["said", "Mr.", "the", "Ana", "U.S.",
                                                                                   "St.", "A.", "etc.", "..."])


@given(st.lists(_TOKEN_ALPHABET, max_size=60).map("".join), st.integers(0, 70), st.integers(0, 70))
def test_tokens_are_the_token_iterators(text: str, a: int, b: int) -> None:
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    got = [(t.start, t.end, t.word) for t in _mentions.tokens(text, a, b)]
    assert got == [(t.start, t.end, t.word) for t in _mentions.iter_tokens(text, a, b)]
    assert all(text[s:e] == w for s, e, w in got)


_PREV_ALPHABET = st.sampled_from(list("ab’' \t\n.,É\u0301\u00a0\u2003x") + ["said ", "  "])


def _span_of(m: "Optional[regex.Match[str]]") -> object:
    return None if m is None else (m.span(), m.span(1), m.group(1))


@given(st.lists(_PREV_ALPHABET, max_size=16).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_word_before_found_backwards_is_the_forward_match(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    forward = regex.compile(r"([\p{L}'’]+)[^\S\n]+\Z")
    assert _span_of(_indirect._PREV_WORD.search(text, lo, hi)) == _span_of(forward.search(text, lo, hi))


def test_name_index_past_its_budget_of_places_is_the_plain_one() -> None:
    # "ab" occurs at thousands of places inside one long word before it occurs alone
    for tail in (" ab", " abc", ""):
        text = "Ab. Ab. Cd. Cd. " + "ab" * 3000 + tail + " well-cd"
        assert _mentions.name_index.__wrapped__(text) == _plain_name_index(text)


def _plain_words(text: str, lo: int, hi: int, forms: FrozenSet[str]) -> "list[tuple[int, int, str]]":
    """``_cues._words`` as first written: every ASCII word looked up in a Python loop."""
    out = []
    for m in _cues._ASCII_WORD.finditer(text, lo, hi):
        word = m.group()
        if word not in forms:
            continue
        s, e = m.span()
        if s > 0 and (text[s - 1].isalpha() or text[s - 1] in _cues._JOINERS) and text[max(s - 2, 0):s] != "--":
            continue
        if e < len(text) and (text[e].isalpha() or text[e] in _cues._JOINERS) and text[e:e + 2] != "--":
            continue  # a dash of two hyphens joins no word ("he exclaimed--")
        out.append((s, e, word))
    return out


_CUE_ALPHABET = st.sampled_from(["said", "Said", "says", "told", "x", "é", " ", "  ", "-", "'", "’", "\n", ".",
                                 "report", "reports", "the", "claimed", "said" * 50, " " * 300, "à"])


@given(st.lists(_CUE_ALPHABET, max_size=30).map("".join), st.integers(0, 2000), st.integers(0, 2000))
@example("said--", 0, 4)
@example("--said-x said--x", 0, 16)
def test_cue_words_are_the_plain_loops(text: str, a: int, b: int) -> None:
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    for forms in (_cues._tag_set(), _cues._speech_set(), _cues._every_set(), frozenset({"said", "x"})):
        got = [(w.start(), w.end(), w.group()) for w in _cues._words(text, a, b, forms)]
        assert got == _plain_words(text, a, b, forms)
    for pos in range(a, min(b, a + 40)):
        w = _cues.tag_verb_at(text, pos, b)
        m = _cues._ASCII_WORD.match(text, pos, b)
        plain = [] if m is None else _plain_words(text, pos, m.end(), _cues._tag_set())[:1]
        assert ([] if w is None else [(w.start(), w.end(), w.group())]) == plain


_ENTITY_NAMES = st.sampled_from(["Ana Ruiz", "Sen.", "Gov.", "ruiz", "Mr. Ruiz,", "the Dr.", "Ruiz’", "Prof. Li", "x"])


@given(st.lists(st.tuples(st.booleans(), _ENTITY_NAMES, st.booleans()), max_size=12))
def test_entity_words_grown_are_the_words_recomputed(steps: "list[tuple[bool, str, bool]]") -> None:
    from quoteattr._entities import _ABBREVIATED, _Entity
    ent = _Entity("person:x", "person")
    for is_title, name, look in steps:
        (ent.titles if is_title else ent.names).append(name)
        if look:
            words = {w.strip(".,'’").lower() for n in ent.titles + ent.names for w in n.split()}
            assert ent.words() == words | {_ABBREVIATED[w] for w in words if w in _ABBREVIATED}


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=12))
def test_intervals_are_the_merged_spans(spans: "list[tuple[int, int]]") -> None:
    from quoteattr._intervals import Intervals
    merged: "list[list[int]]" = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    iv = Intervals(spans)
    assert (iv.starts, iv.ends) == ([m[0] for m in merged], [m[1] for m in merged])


def _plain_reporting_words(text: str) -> "tuple[list[tuple[int, int, str]], ...]":
    """``_cues.reporting_words`` as first written: the word lists from ``_words`` over the
    whole text, then where the anchor words stand as ASCII runs, from a plain loop."""
    sets = (_cues._speech_set(), _cues._reported_set(), _cues._report_noun_set(), _cues._appearance_set(),
            _cues._adjective_set())
    lists = tuple([w for w in _plain_words(text, 0, len(text), _cues._every_set()) if w[2] in forms] for forms in sets)
    runs = [(m.start(), m.group()) for m in _cues._ASCII_WORD.finditer(text)]
    return lists + ([s for s, w in runs if w in _cues.RELATIVE_VERBS], [s for s, w in runs if w in _cues.PASSIVE_PARTICIPLES])


_LINE_WORDS = st.sampled_from(
    ["which", "what", "that", "who", "critics", "The", "Ana", "say", "says", "said", "thought", "fear", "is", "was",
     "has", "been", "be", "not", "widely", "criticized", "accused", "branded", "lambasted", "sayé", "he", "would",
     "the", "will", "loudly", "allowed", "Mr.", "’s", "-", "critics'", "said’", "x" * 70]
)
_LINE_SEPARATORS = st.sampled_from([" "] * 8 + ["\n", "  ", "\t", "\r", ", ", ". ", "\u2028", "\u00a0", ""])
_LINE_ALPHABET = st.tuples(_LINE_WORDS, _LINE_SEPARATORS).map("".join)


@given(st.lists(_LINE_ALPHABET, max_size=40).map("".join))
@example("--say ")
def test_relative_and_passive_scans_on_lines_are_the_whole_text_scans(text: str) -> None:
    words = _cues.reporting_words(text)
    got = tuple([(w.start(), w.end(), w.group()) for w in found] for found in words[:5]) + words[5:]
    assert got == _plain_reporting_words(text)
    for pattern, at in ((_indirect._RELATIVE, words[5]), (_indirect._PASSIVE, words[6])):
        lines = [(m.span(), m.regs) for m in _layout.on_lines(pattern, text, at)]
        assert lines == [(m.span(), m.regs) for m in pattern.finditer(text)]


_NAMES_TEXT = st.sampled_from(
    ["Ana Ruiz", "Mr. Hale", "he", "she", "her uncle, Mr. Gardiner", " ", ". ", ", ", "\n", "\n\n", "“", "”", "\"",
     "said", "the mayor", "Sunday", "Mrs. Hale", "Hale", "CHAPTER I.", "in London", "x" * 40, "Senator Lee"]
)


@given(st.lists(_NAMES_TEXT, max_size=40).map("".join), st.sampled_from(["news", "fiction"]))
def test_a_text_without_records_resolves_to_nothing(text: str, genre: str) -> None:
    """``extract`` skips the resolver when there is no record: what the resolver gives then."""
    layout = _layout.Layout(text)
    spans = [(q.start, q.end) for q in _marks.find_quotations(text, layout)]
    assert _resolution.Resolver(text, [], spans, genre, layout).resolve() == ([], [])


_SHARE_WORDS = st.sampled_from(
    ["about", "Nearly", "26", "%", "percent", "4", "in", "of", "out", "10", "ten", "One", "two", "Two-thirds", "three",
     "quarters", "a", "third", "A", "Half", "half", "majority", "Majorities", "plurality", "Those", "those", "surveyed",
     "polled", "voters", "say", "also", "Democratic", "٣", "x"]
)
_SHARE_TEXT = st.tuples(_SHARE_WORDS, st.sampled_from([" "] * 6 + ["  ", "\n", ", ", "-", ""])).map("".join)


@given(st.lists(_SHARE_TEXT, max_size=30).map("".join), st.integers(0, 300), st.integers(0, 300))
def test_share_before_is_only_where_its_hints_are(text: str, a: int, b: int) -> None:
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    if _indirect._SHARE_HINT.search(text, a, b) is None and _indirect._SHARE_HINT_REST.search(text, a, b) is None:
        assert _indirect._SHARE_BEFORE.search(text, a, b) is None


@given(st.lists(st.sampled_from(_marks._ALL_MARKS + ["a", " ", "`", ",", "\n"]), max_size=12).map("".join))
def test_a_run_of_marks_goes_on_with_a_first_character_of_a_mark(text: str) -> None:
    """``find_quotations`` tries ``_MARK_RUN`` only where the next character can start a mark."""
    for s in range(len(text)):
        if _marks._MARK_RUN.match(text, s) is not None:
            assert text[s + 1] in _marks._MARK_FIRST


def _plain_is_verb(text: str, layout: "_layout.Layout", m: "_cues.WordMatch") -> bool:
    """``_indirect._is_verb`` as first written: the word after looked up for every form."""
    vs, ve = m.span()
    word = m.group()
    ss = layout.sentence(vs)[0] if word[0].isupper() else -1
    if word[0].isupper() and vs != ss and not _indirect._HEADLINE_TAG.match(text, ve, min(len(text), ve + 3)) \
            and not (word in _indirect._HEADLINE_VERBS and _indirect._title_cased(text, layout, vs)):
        return False
    nxt = _indirect._NEXT_VERB.match(text, ve, min(len(text), ve + 30))
    if nxt is not None and nxt.group(1).lower() in _cues.speech_forms() and word.lower() in _cues.NOUN_FORMS:
        return False
    if word.lower() in _indirect._THAT_ONLY and not (nxt is not None and nxt.group(1) == "that"):
        return False
    if word.lower() not in _cues.NOUN_FORMS and word != "states":
        return True
    return _indirect._is_verb(text, layout, m)  # the rest is unchanged


_VERB_WORDS = st.sampled_from(["said", "Says", "report", "reports", "State", "states", "state", "claims", "that", "he",
                               "the", "his", "New", "York", "Times", "three", "Ohio", ",", ".", "Reports", "notes"])


@given(st.lists(st.tuples(_VERB_WORDS, st.sampled_from([" ", " ", "\n", ". "])).map("".join), max_size=20).map("".join))
def test_is_verb_is_the_plain_one(text: str) -> None:
    layout = _layout.Layout(text)
    for w in _cues.reporting_words(text)[0]:
        assert _indirect._is_verb(text, layout, w) == _plain_is_verb(text, layout, w)


# the pattern ``_layout._has_inner_blank_line`` replaces
_INNER_BLANK_LINE = regex.compile(r"\S[^\S\n]*\n[^\S\n]*\n\s*\S")


@given(st.lists(st.sampled_from([" ", "\n", "\t", "\r", "\u00a0", "\u2028", "\u3000", "\x1c", "a", "b c", "\n\n"]),
                max_size=16).map("".join))
def test_inner_blank_line_is_the_patterns_answer(text: str) -> None:
    assert _layout._has_inner_blank_line(text) == (_INNER_BLANK_LINE.search(text) is not None)


def _plain_clause_start(text: str, ss: int, hi: int) -> "Optional[int]":
    """``_indirect._clause_start`` as first written: all the tokens of 120 characters."""
    toks = _mentions.tokens(text, ss, min(hi, ss + 120))
    if not toks:
        return None
    lo = ss
    if toks[0].word.lower() in _indirect._LEAD_ADVERBIAL:
        for t in toks[:12]:
            if t.word == ",":
                lo = t.end
                break
        else:
            return None
    while lo < hi and text[lo] in " \t":
        lo += 1
    return lo


_CLAUSE_WORDS = st.sampled_from(["On", "on", "In", "After", "yesterday", "Meanwhile", "the", "mayor", ",", ", ", " ",
                                 "  ", "\t", "\n", "said", "x" * 50, "Mr.", "U.S.", "a.", "-", "é", "But", "when"])


@given(st.lists(_CLAUSE_WORDS, max_size=40).map("".join), st.integers(0, 300), st.integers(0, 300))
def test_clause_start_is_the_plain_one(text: str, a: int, b: int) -> None:
    ss, hi = min(a, b, len(text)), min(max(a, b), len(text))
    assert _indirect._clause_start(text, ss, hi) == _plain_clause_start(text, ss, hi)


_END_WORDS = st.sampled_from(["but", "But", "he", "she", "when", "though", "although", "whereas", "—", "–", "--", "-",
                              ";", ",", " ", "  ", "\n", "\t", "x", "butter", "the", "thoughts", "that"])


@given(st.lists(_END_WORDS, max_size=30).map("".join), st.integers(0, 200), st.integers(0, 200))
def test_that_end_is_the_patterns_search(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    got = _indirect._that_end(text, lo, hi)
    want = _indirect._THAT_END.search(text, lo, hi)
    assert (None if got is None else (got.span(), got.group())) == (None if want is None else (want.span(), want.group()))


_SHARE_REST_WORDS = st.sampled_from(["in", "ten", "Those", "those", "hose", "x", " ", "  ", "\n", "\t", "tent", "Tin"])


@given(st.lists(_SHARE_REST_WORDS, max_size=20).map("".join), st.integers(0, 100), st.integers(0, 100))
def test_share_hint_rest_is_the_patterns_search(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    assert _indirect._share_hint_rest(text, lo, hi) == (_indirect._SHARE_HINT_REST.search(text, lo, hi) is not None)


_RELATIVE_WORDS = st.sampled_from(
    ["which", "what", "that", "who", "whom", "somewhat", "thatch", "What", "critics", "the", "senators", "he", "Ana",
     "say", "says", "said", "believe", "claimed", "was", "is", "would", "wanted", "his", "a", "plan", "They", "it",
     "x" * 30, "’s", "-", "which critics say was", "what the senators said would", "that Ana believes is",
     "who they think had", "what he says the plan will"]
)


@given(st.lists(st.tuples(_RELATIVE_WORDS, st.sampled_from([" "] * 6 + ["\n", "  ", ", ", ". ", "\t", ""]))
                .map("".join), max_size=40).map("".join), st.integers(0, 400), st.integers(0, 400))
def test_relative_matches_at_their_first_words_are_the_search(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    got = [(m.span(), m.regs) for m in _layout.at_starts(_indirect._RELATIVE, text, start, end,
                                                            _indirect._RELATIVE_FIRSTS)]
    assert got == [(m.span(), m.regs) for m in _indirect._RELATIVE.finditer(text, start, end)]


_HINT_WORDS = st.sampled_from(["half", "HALF", "Half", "majority", "MAJORIT", "plurality", "third", "Thirds", "quarter",
                               "fifth", "fourth", "FOURTH", "x", " ", "4", "٣", "²", "İ", "ı", "K", "ſ", "é", "thİrd",
                               "ha", "lf", "-", "\n"])


@given(st.lists(_HINT_WORDS, max_size=20).map("".join), st.integers(0, 100), st.integers(0, 100))
def test_share_hint_is_the_patterns_search(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    assert _indirect._share_hint(text, lo, hi) == (_indirect._SHARE_HINT.search(text, lo, hi) is not None)


_JOIN_TEXT = st.sampled_from(["and", "but", "while", "whereas", "band", "x", " ", "  ", ", ", ",", ";", "—", "–", "--",
                              "-", "\n", "saying", "including", "which", "as", "because", "then", "also", "Ana"])


@given(st.lists(_JOIN_TEXT, max_size=30).map("".join), st.integers(0, 200), st.integers(0, 200))
def test_join_and_clause_end_are_only_where_their_strings_are(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    if not any(text.find(w, lo, hi) >= 0 for w in _indirect._JOIN_WORDS):
        assert _indirect._JOIN.search(text, lo, hi) is None
    if not any(text.find(c, lo, hi) >= 0 for c in _indirect._CLAUSE_END_MARKS):
        assert _indirect._CLAUSE_END.search(text, lo, hi) is None


_AND_SAID_TEXT = st.sampled_from(["and", "but", "also", "said", "says", "told", "claimed", "band", "butter", ",", " ",
                                  "  ", "\n", "\t", "x", "Ana", "-"])


@given(st.lists(_AND_SAID_TEXT, max_size=30).map("".join), st.integers(0, 200), st.integers(0, 200))
def test_and_said_is_the_patterns_search(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    got, want = _indirect._and_said(text, lo, hi), _cues.AND_SAID.search(text, lo, hi)
    assert (None if got is None else got.span()) == (None if want is None else want.span())


_THAT_TEXT = st.sampled_from(["that", "that,", "thatch", "x" * 30, "word", " ", "  ", "\t", ",", ", ", "\n", ".", "“",
                              "\u00a0", "\u2003", "\x1c", "on Monday", "said", " that ", ", that ",
                              "x" * 70 + " that "])


@given(st.lists(_THAT_TEXT, max_size=30).map("".join), st.integers(0, 200), st.integers(0, 200))
def test_that_soon_is_the_patterns_match(text: str, a: int, b: int) -> None:
    pos, hi = min(a, b, len(text)), min(max(a, b), len(text))
    got, want = _indirect._that_soon(text, pos, hi), _indirect._THAT_SOON.match(text, pos, hi)
    assert (None if got is None else got.span()) == (None if want is None else want.span())


_KIN_ALPHABET = st.sampled_from(["his ", "her ", "their ", "uncle", "aunt", "wife", "cousin", "Uncle", ", ", ",", " ",
                                 "\n", "\r", "\u2028", "Mr. ", "Mr", "Ann", "Bo", "Lee-", "x", "é", "É", "fatherly"])


@example("her uncle, Mr. Bo Lee\nAnn, his wife\nx Bo, their cousin")
@given(st.lists(_KIN_ALPHABET, max_size=30).map("".join))
def test_kin_appositions_are_the_patterns_matches(text: str) -> None:
    got = [(m.span(), m.groupdict()) for m in _kinship._kin_appositions(text)]
    assert got == [(m.span(), m.groupdict()) for m in _kinship._KIN_APPOSITION.finditer(text)]


# the demonym test as first written (a pattern), kept here as the suffixes' oracle
_DEMONYM = regex.compile(r"(?:an|ian|ese|ish|ic|i)\Z")
_DEMONYM_ALPHABET = st.sampled_from(list("anisheécIAN\u017f\u0130 \n") + ["ian", "ese", "ish", "ic"])


@given(st.lists(_DEMONYM_ALPHABET, max_size=12).map("".join), st.integers(0, 14), st.integers(0, 14))
def test_demonym_suffixes_are_the_pattern(text: str, s: int, e: int) -> None:
    assert text.endswith(_entities._DEMONYM_ENDS, s, e) == (_DEMONYM.search(text, s, e) is not None)
    assert text.endswith(_entities._DEMONYM_ENDS) == (_DEMONYM.search(text) is not None)


def _plain_subject_before(text: str, start: int, end: int) -> object:
    """``_mentions._subject_before`` as it was before tokens were taken a piece between
    spaces at a time (its memo left out)."""
    if end - start > _mentions._SHORT_BACK:
        cut = text.find(" ", end - _mentions._SHORT_BACK, end)
        if cut > start:
            short = _mentions._Watched(_mentions.tokens(text, cut, end))
            got = _mentions._subject_in(short)
            if short.low >= _mentions._MARGIN:
                return got
    return _mentions._subject_in(_mentions.tokens(text, start, end))


_SUBJECT_WORDS = st.sampled_from(["said", "he", "the", "mayor", "Smith", "Mr.", "U.S.", "A.", "and", "laughed",
                                  "did", "not", "quickly", "(", ")", "R-Fla.", ",", "who", "é", "Éa", "x\u0301",
                                  "officials", "in", "Washington", "of", "“", "\"", "9", "it's", "x.", "...", "\t",
                                  "\n", "\u00a0", "\x1c", "ab’s", "", "D.C."])


@given(st.lists(st.tuples(_SUBJECT_WORDS, st.sampled_from([" ", " ", " ", "", "  ", ", ", "\n", ". "])).map("".join),
                max_size=60).map("".join),
       st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), min_size=1, max_size=12))
def test_subject_before_is_the_plain_one(text: str, places: "list[tuple[int, int]]") -> None:
    assert all((t.start, t.end, t.word) == (u.start, u.end, u.word) for t, u in
               zip(_mentions._spaced_tokens(text, 0, len(text)), _mentions.tokens(text, 0, len(text))))
    assert len(_mentions._spaced_tokens(text, 0, len(text))) == len(_mentions.tokens(text, 0, len(text)))
    for a, b in places:  # many places of one text: the memo of answers is shared
        end, lo = min(max(a, b), len(text)), min(a, b, len(text))
        assert _mentions.subject_before(text, end, lo) == _plain_subject_before(text, max(lo, end - 300), end)


def _plain_scan_names(text: str) -> "list[tuple[int, int]]":
    """``_mentions.scan_names`` as first written: every match through the openers loop,
    with the honorific read again after an opener ("But Mr. Ruiz") and the cut before a
    headline's verb ("Ruiz Says …") and the inverted tag's verb ("Said Ruiz: …") written out plainly."""
    out = []
    not_names = _lexicons.words("not_names")
    headline_verbs = _lexicons.words("headline_verbs")
    tagged = None
    skip_to = 0
    for m in _mentions._NAME_SEQ.finditer(text):
        s, e = m.span()
        if s < skip_to:
            continue
        words = m.group().split()
        if len(words) > 1 and words[-1] in _mentions._ABBREVIATED_HONORIFICS and text[e:e + 1] == ".":
            again = _mentions._NAME_SEQ.match(text, e - len(words[-1]))
            if again is not None and again.end() > e + 1 and all(
                    (w.lower() in not_names and w.lower() != "the") or (w.endswith("ly") and w[1:].islower())
                    for w in words[:-1]):
                skip_to = again.end()
                out.append((again.start(), again.end() - 2 if again.group().endswith(("'s", "’s")) else again.end()))
                continue
        k = 0
        while k < len(words) - 1 and (
            (words[k].lower() in not_names and words[k].lower() != "the"
             and not (words[k].isupper() and 1 < len(words[k]) < 3))
            or (words[k].endswith("ly") and words[k][1:].islower())
        ):
            k += 1
        lw0 = words[0].lower()
        if k == 0 and len(words) > 1 and words[0] not in _lexicons.mapping("first_names") \
                and lw0 in _mentions._tag_forms() and _cues.lemma_of().get(lw0, lw0) != lw0:
            k = 1  # "Said Ellis: …": an inverted tag's verb
        if k == 0 and len(words) > 1 and len(words[0]) > 6 and words[0].endswith("ing") \
                and words[0][0].isupper() and words[0][1:].islower() \
                and words[0] not in _lexicons.mapping("first_names") \
                and (text[:m.start()].rstrip(" \t") == "" or text[:m.start()].rstrip(" \t")[-1] in "\n.!?"):
            k = 1  # "Injecting Clinton's …": a participle opening a sentence
        if k:
            s = m.start() + m.group().index(words[k], sum(len(w) for w in words[:k]))
        for i in range(k + 1, len(words)):
            if words[i].lower() in headline_verbs:
                words = words[:i]
                e = m.start()
                for w in words:
                    e = text.index(w, e) + len(w)
                break
        if len(words) - k == 1 and _mentions._possessive_stem(words[k].lower()) in not_names:
            if tagged is None:
                tagged = _mentions.tagged_words(text)
            if words[k].lower() not in tagged:
                continue
        if words[-1].endswith(("'s", "’s")):
            e -= 2
        out.append((s, e))
    return out


_SCAN_ALPHABET = st.sampled_from(["The", "He", "Trump", "Trump's", "Sunday", "Sunday’s", "But", "Mr.", "Ana", "Ruiz", "Says", "Mrs",
                                  " ", "  ", "\n", ", ", ". ", "“", "”", "said", "Happily", "US", "of", "x", "’s",
                                  "é", "Élan", "Said", "Added", "Bringing"])


@given(st.lists(_SCAN_ALPHABET, max_size=30).map("".join))
@example("“Hi,” said Sunday. Sunday came. The Sunday’s.")
@example("But Mr. Ruiz came. Ruiz Says Ana  Ruiz Says Trump’s Says")
@example("Said Ruiz: no. Added Ana Ruiz, yes. Said")
@example("Bringing Ruiz in. But Bringing Ana. x Bringing Ruiz")
def test_scan_names_is_the_plain_loop(text: str) -> None:
    assert _mentions.scan_names(text) == _plain_scan_names(text)


@given(st.lists(st.sampled_from(["Ana", "ruiz", "'s", "’s", " ", "\n", "-x", "9", "é", "_a", "Ó'Neil"]),
                max_size=8).map("".join))
def test_name_tokens_are_the_plain_split(name: str) -> None:
    plain = [w for w in name.replace("’s", "").replace("'s", "").split() if w[:1].isalnum()]
    assert _resolution._name_tokens(name) == plain
    _resolution._name_tokens(name).append("x")  # a copy each time
    assert _resolution._name_tokens(name) == plain


@given(st.lists(st.sampled_from(["\u2014", "\u2015", "\u2013", "-", "--", " ", "\n", "a", "“", "'", ".", "9", "x-"]),
                max_size=12).map("".join))
def test_dash_starts_open_with_a_dash_first_character(text: str) -> None:
    for i in range(len(text)):
        assert _marks._DASH_START.match(text, i) is None or text[i] in _marks._DASH_FIRST


_TAG_TEXT = st.sampled_from(["“Hi,” said Sunday.", "”", "\"", " said ", "Sunday", "May", "He", ".", ",", " ", "\n",
                             "asked", "x", "’ cried May!"])


@given(st.lists(st.lists(_TAG_TEXT, max_size=10).map("".join), min_size=1, max_size=4))
def test_tagged_words_kept_for_the_last_text_are_the_scan(texts: "list[str]") -> None:
    for text in texts + texts[::-1]:
        assert _mentions.tagged_words(text) == _mentions._tagged_words(text)
        assert _mentions.tagged_words(text) == _mentions._tagged_words(text)


_NICK_TEXT = st.sampled_from(["Elizabeth", "Lizzy", "Mr. Hale", " ", "  ", "\n", ",", ", or ", " as ", "her sisters",
                              " called her", "call", "named", "knew", "know", "knows", "\u2014", "\u2013", "--",
                              " to her", "(", ")", "(or ", "whom", " who ", "everybody", " was ", " is ", "known",
                              "x", "é", "Ab"])


@given(st.lists(_NICK_TEXT, max_size=30).map("".join))
@example("Elizabeth, or Lizzy as her sisters called her\nElizabeth \u2014 Lizzy to her family. Ana (Annie)")
def test_nicknames_on_lines_are_the_whole_text_search(text: str) -> None:
    got = [(m.span(), m.regs) for m in _resolution._nicknamed(text)]
    assert got == [(m.span(), m.regs) for m in _resolution._NICKNAMED.finditer(text)]


_TITLES = st.sampled_from(["Mr.", "Mrs.", "Miss", "Mr", "Dr.", "Lady", "Sir", "Admiral", "Mrs. Dr.", ""])


@given(st.lists(st.lists(_TITLES, max_size=3), max_size=6), st.sampled_from(["Mr.", "Mrs.", "Miss", "Lady", None]))
def test_distinct_titles_grown_give_the_conflicts_of_all_titles(steps: "list[list[str]]", title: Optional[str]) -> None:
    from quoteattr._resolution import _Entity, _honorific, _honorific_conflict
    r = _resolution.Resolver("", [], [], "fiction")
    ent = _Entity("person:x", "person")
    for grown in steps:
        ent.titles.extend(grown)
        distinct = r._distinct_titles(ent)
        assert distinct == list(dict.fromkeys(ent.titles))
        assert _honorific_conflict(title, distinct) == _honorific_conflict(title, ent.titles)
        assert _honorific(title) == _honorific.__wrapped__(title)


def _plain_sentence_starts(layout: _layout.Layout, para: int) -> "list[int]":
    """``Layout.sentence_starts`` as first written: the word before each end found one
    character at a time."""
    start, end = layout.paragraphs[para]
    abbrevs = _lexicons.words("abbreviations")
    out = [start]
    text = layout.text
    for m in _layout._SENTENCE_END.finditer(text, start, end):
        w = m.start()
        while w > start and w > m.start() - 12 and (text[w - 1].isalpha() or text[w - 1] == "."):
            w -= 1
        word = text[w : m.start()]
        if m.group("punct") == "." and (word.rstrip(".") in abbrevs or (len(word) == 1 and word.isupper())):
            continue
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if word == "No" and nxt < end and text[nxt].isdigit() and nxt - m.end() <= 1:
            continue
        if nxt < end:
            out.append(nxt)
    return out


_SENTENCE_TEXT = st.sampled_from(["Mr.", "Dr.", "No.", "No", " 2", "U.S.", "A.", "etc.", "é", "Éa", "ab", "abcdefghijklmno",
                                  ".", "!", "?", "…", " ", "  ", "\n", "\n\n", "The", "x", "9", "”", "\u00df", "\u01c5"])


@given(st.lists(_SENTENCE_TEXT, max_size=40).map("".join))
def test_sentence_starts_are_the_plain_loop(text: str) -> None:
    layout = _layout.Layout(text)
    for i in range(len(layout.paragraphs)):
        assert layout.sentence_starts(i) == _plain_sentence_starts(layout, i)


@given(st.lists(_NAMES_TEXT, max_size=40).map("".join), st.sampled_from(["news", "fiction"]))
def test_entities_by_first_name_are_those_with_that_first(text: str, genre: str) -> None:
    r = _resolution.Resolver(text, [], [], genre, _layout.Layout(text))
    r.scan()
    for first, ents in r._with_first.items():
        assert ents and sorted(map(id, ents)) == sorted(id(e) for e in r.entities if e.first == first)
    assert {e.first for e in r.entities if e.first} == set(r._with_first)


@given(st.lists(st.sampled_from(["I", "V", "X", "L", "C", "IV", ".", " ", "\n", "The", "x", "Ab", "M", "\u2160"]),
                max_size=12).map("".join))
def test_roman_headings_start_with_a_roman_first_character(text: str) -> None:
    for i in range(len(text)):
        assert _resolution._ROMAN_HEADING.match(text, i) is None or text[i] in _resolution._ROMAN_FIRST


@given(st.lists(st.sampled_from(["Mary", " of ", "of", "Of", " ", "\n", "Ralph", "Duke", "x", "o", "f"]),
                max_size=10).map("".join))
def test_of_splits_hold_of(text: str) -> None:
    for m in _resolution._OF_SPLIT.finditer(text):
        assert "of" in m.group()


def test_tagged_words_kept_for_the_last_text_are_right_under_threads() -> None:
    import threading
    texts = [f"“Hi,” said {name}. “Yes,” asked May." * (i + 1) for i, name in enumerate(["Sunday", "Will", "June"])]
    want = [_mentions._tagged_words(t) for t in texts]
    wrong = []

    def ask(k: int) -> None:
        for j in range(300):
            i = (j + k) % len(texts)
            if _mentions.tagged_words(texts[i]) != want[i]:
                wrong.append(i)

    threads = [threading.Thread(target=ask, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not wrong


_PIECE_WORDS = st.sampled_from(["Smith", "said", "Mr", "A", "a", "U", "S", "St", "etc", "x", "é", "9", "Dr", "no", "No"])
_PIECE_MARKS = st.sampled_from(["", "", ",", ".", ". ", ", ", "..", ",.", ".,", "-", "'", " ", "  ", "\n", "\u00a0"])


@given(st.lists(st.tuples(_PIECE_WORDS, _PIECE_MARKS, st.sampled_from([" ", " ", "", "\t"])).map("".join),
                max_size=30).map("".join), st.integers(0, 200), st.integers(0, 200))
def test_spaced_tokens_of_words_with_a_mark_are_the_tokens(text: str, a: int, b: int) -> None:
    """``_spaced_tokens`` reads "Smith," and "Mr." without the pattern: the same tokens."""
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    got = [(t.start, t.end, t.word) for t in _mentions._spaced_tokens(text, start, end)]
    assert got == [(t.start, t.end, t.word) for t in _mentions.tokens(text, start, end)]


_TAG_WORDS = st.sampled_from(["said", "says", "told", "the", "mayor", "analysts", "he", "Ana", "Ruiz", "a", "spokeswoman",
                              "plan", "would", "fail", "”", "“", ",", ";", ":", ".", "Mr.", "on", "Monday", "x" * 20,
                              "according", "to", "which", "reporters", "\n", "-"])


@given(st.lists(st.tuples(_TAG_WORDS, st.sampled_from([" ", " ", " ", "", ", ", ". ", "  "])).map("".join),
                max_size=40).map("".join), st.booleans())
def test_tag_after_without_a_comma_before_the_verb_is_the_rule(text: str, news: bool) -> None:
    """``_indirect._tag_after`` tries its rule only where a comma stands before the verb."""
    layout = _layout.Layout(text)
    spans = [(q.start, q.end) for q in _marks.find_quotations(text, layout)]
    for verb in _cues.reporting_words(text)[0]:
        assert _indirect._tag_after(text, layout, verb, spans, news) == \
            _indirect._tag_after_rule(text, layout, verb, spans, news)
    _indirect._sentence.cache_clear()
    _indirect._subject_before.cache_clear()
    _indirect._np_after.cache_clear()
    _indirect._lead_np.cache_clear()


_MENTION_WORDS = st.sampled_from(["he", "I.", "the", "mayor", "Mr.", "Ana", "Ruiz", "52", "percent", "of", "voters", ",",
                                  "a", "spokesman", "for", "Acme", "Inc.", "The", "New", "York", "Times", "x", "é", "’s"])


@given(st.lists(st.tuples(_MENTION_WORDS, st.sampled_from([" ", " ", "", "\n", ", "])).map("".join),
                max_size=12).map("".join), st.integers(0, 80), st.integers(0, 80))
def test_a_phrase_is_described_as_at_its_offsets(text: str, a: int, b: int) -> None:
    """The rules that read only what a speaker mention is (not where) describe the phrase
    (``describe_phrase``, no new ``Mention``): the same answer as ``describe`` but for the offsets."""
    s, e = min(a, b, len(text)), min(max(a, b), len(text))
    at, phrase = _mentions.describe(text, s, e), _mentions.describe_phrase(text[s:e])
    assert attrs.evolve(at, start=0, end=e - s) == phrase


_LEAD_WORDS = st.sampled_from(["RT", "and", "its", "defenders", "Those", "close", "to", "him", "the", "mayor", "Ana",
                               "Ruiz", "On", "Monday", "In", "2016", ",", "(", ")", "“", "”", ";", "-", "’s", "é",
                               "x\u0301", "U.S.", "Mr.", "that", "who", "also", "x" * 60, "say", "said"])


@given(st.lists(st.tuples(_LEAD_WORDS, st.sampled_from([" ", " ", " ", "", "\n", "\t", "\u00a0", ", "])).map("".join),
                max_size=40).map("".join), st.integers(0, 400), st.integers(0, 400))
def test_loose_lead_only_where_words_and_spaces_stand_is_the_rule(text: str, a: int, b: int) -> None:
    """``_indirect._loose_lead`` seeks a noun phrase only where the clause before the verb
    holds nothing but words and spaces: the same answer as the rule everywhere."""
    ss, vs = min(a, b, len(text)), min(max(a, b), len(text))
    want = _indirect._loose_lead_rule(text, _indirect._clause_start(text, ss, vs), vs)
    assert _indirect._loose_lead(text, ss, vs) == want
    _indirect._np_after.cache_clear()
    _indirect._lead_np.cache_clear()


_ADVERB_WORDS = st.sampled_from(["on", "last", "this", "next", "earlier", "later", "Monday", "morning", "night", "also",
                                 "yesterday", "again", "now", "long", "eventually", "the", "court", "month", "said",
                                 "mayor", "x", "é", "alsox", "xalso", "ON", ",", "-", "Mondays"])


@given(st.lists(st.tuples(_ADVERB_WORDS, st.sampled_from([" ", " ", " ", "  ", "", "\n", "\t", "\u00a0", "\u2003",
                                                          "\x1c", ", "])).map("".join), max_size=20).map("".join),
       st.integers(0, 200), st.integers(0, 200))
def test_adverbial_before_is_the_patterns_search(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    got, want = _indirect._adverbial_before(text, lo, hi), _indirect._ADVERBIAL_BEFORE.search(text, lo, hi)
    assert (None if got is None else got.span()) == (None if want is None else want.span())


_RANKED_NAMES = st.sampled_from(["Count Orlov", "Princess Ida", "King Alaric", "Tom Hale", "Orlov", "Mr. Pell",
                                 "Lady Ann", "Duke", "", " ", "Captain Wren", "Queen Mab", "Ida"])


@given(st.lists(st.lists(_RANKED_NAMES, max_size=4), max_size=6), st.booleans())
def test_ranked_gender_read_as_names_come_is_the_rule_over_all_names(batches: list, titled: bool) -> None:
    """``_Entity._ranked_gender`` reads only the names added since it was last asked:
    after every batch of new names, the same answer as reading all of them."""
    ent = _entities._Entity("person:x", "person")
    if titled:
        ent.titles.append("Mr.")
    hons = _lexicons.mapping("honorifics")
    for batch in batches:
        ent.names.extend(batch)
        found = {hons.get(n.split(None, 1)[0]) for n in ent.names if n.strip()} & {"m", "f"}
        want = None if titled else (next(iter(found)) if len(found) == 1 else None)
        assert ent._ranked_gender() == want


def _regs(m: "Optional[regex.Match[str]]") -> object:
    return None if m is None else m.regs


_VOCATIVE_TEXT = st.sampled_from(["Tom", "tom", "Nell Orme", ",", ", ", "my dear ", "My ", "dear ", "Dearest ", "sweet ",
                                  "Sweet ", "Mr. ", "Aunt ", "Colonel ", "!", "\u2014", "--", ".", "?", " ", "\n", "É",
                                  "éa", "x", "\u01c5a", "\u2160", "m", "d", "s", "’s"])


@given(st.lists(_VOCATIVE_TEXT, max_size=16).map("".join), st.integers(0, 80), st.integers(0, 80))
@example("my dear Nell, come, Mr. Tom!", 0, 40)
@example("Tom, come, sweet Nell.", 0, 40)
@example("sweet Nell, come", 0, 16)
def test_vocatives_tried_where_they_may_stand_are_the_patterns(text: str, a: int, b: int) -> None:
    """``_dialogue._vocative`` tries the name at a part's start only where its first
    character may stand, and the names after a comma only in a part that holds one."""
    from quoteattr import _dialogue
    s, e = min(a, b, len(text)), min(max(a, b), len(text))
    assert _regs(_dialogue._vocative_start(text, s, e)) == _regs(_dialogue._VOCATIVE_START.match(text, s, e))
    assert [m.regs for m in _dialogue._vocatives_inside(text, s, e)] == \
        [m.regs for m in _dialogue._VOCATIVE_INSIDE.finditer(text, s, e)]


_CLAUSE_TEXT = st.sampled_from(["and", "but", "then", "while", "as", "when", "hand", "was", "abut", " ", "  ", "\n", "\t",
                                "\u00a0", "\x1c", "\u2028", "\x85", ",", "\"", "”", "’", "'", "“", "(", ".", "!", "?", ";",
                                ":", "\u2014", "x", "Ana", "Mrs."])


@given(st.lists(_CLAUSE_TEXT, max_size=24).map("".join), st.integers(-2, 120), st.integers(-2, 120))
@example("Stop.” and then, as\n“Go!” she said;  but when", 0, 45)
@example("Stop.” and then, as\n“Go!” she said;  but when", 3, 26)
def test_clause_starts_found_at_their_cues_are_the_patterns_matches(text: str, a: int, b: int) -> None:
    """``_dialogue._clause_start_matches`` matches the pattern only after a mark, a newline
    or a conjunction: the same matches as its ``finditer`` (any bounds)."""
    from quoteattr import _dialogue
    inside = min(max(a, 0), len(text)), min(max(b, 0), len(text))
    for lo, hi in (tuple(sorted(inside)), (min(a, b), max(a, b)), (a, b)):
        want = [m.regs for m in _dialogue._CLAUSE_START.finditer(text, lo, hi)]
        assert [m.regs for m in _dialogue._clause_start_matches(text, lo, hi)] == want


@given(st.lists(st.sampled_from(["a", "ab", "abc", "Said", "x", " ", "'", "-", "é", "9", "ß", "\n", "told", "K"]),
                max_size=20).map("".join), st.integers(1, 5), st.integers(0, 60), st.integers(0, 60))
def test_long_runs_are_the_ascii_words_that_long(text: str, shortest: int, a: int, b: int) -> None:
    """``_cues._runs(k)`` finds the ``_ASCII_WORD`` runs of ``k`` letters or more (the cue
    scans look only at those when every word of their set is that long)."""
    lo, hi = min(a, b), max(a, b)
    want = [m.span() for m in _cues._ASCII_WORD.finditer(text, lo, hi) if m.end() - m.start() >= shortest]
    assert [m.span() for m in _cues._runs(shortest).finditer(text, lo, hi)] == want
    assert _cues._runs(shortest).findall(text, lo, hi) == [text[s:e] for s, e in want]


@given(st.lists(st.sampled_from(["ab", "Ab", "aB", "a", "'", "’", "-", "--", " ", "\n", "9", "_", "é", "\u0301", "x'y",
                                 "O'Neil", "well-known", ".", "ß", "K"]), max_size=24).map("".join))
def test_lower_words_of_an_ascii_text_are_the_patterns(text: str) -> None:
    """``_mentions._every_lower`` reads an ASCII text with the ASCII pattern: the same words."""
    from collections import Counter
    _mentions._EVERY_LOWER[:] = []
    assert _mentions._every_lower(text) == Counter(_mentions._LOWER_WORD.findall(text))
    if text.isascii():
        assert _mentions._ASCII_LOWER_WORD.findall(text) == _mentions._LOWER_WORD.findall(text)


_ASCII_NAME_TEXT = st.sampled_from(["The", "Mr.", "Mr", "Dr.", "St", "Ana", "Ruiz", "Ruiz's", "O'Neil", "Jean-Luc", "-x", "A.",
                                    "B", "of", "de", "la", " ", "  ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f",
                                    ",", ".", "9", "x", "'", "Smith", "SMITH", "van", "Duke"])


@given(st.lists(_ASCII_NAME_TEXT, max_size=30).map("".join))
@example("Mr.\x1cAna of\x0bRuiz Jean-Luc O'Neil A. B\n\nDuke de la Mer's")
@example("Ana \x1cRuiz of \x1cSmith Mr.\x0bAna \x0b\nRuiz")
def test_name_sequences_of_an_ascii_text_are_the_patterns(text: str) -> None:
    """``_mentions.scan_names`` reads an ASCII text with the ASCII pattern: the same matches."""
    assert text.isascii()
    assert [m.span() for m in _mentions._ASCII_NAME_SEQ.finditer(text)] == \
        [m.span() for m in _mentions._NAME_SEQ.finditer(text)]


_ASCII_TOKEN_TEXT = st.sampled_from(list("aZ9'.-  \t\n\r\x0b\x0c\x1c\x1f,;\"!x_()\x00") + ["said", "Mr.", "the", "Ana", "U.S.",
                                                                                     "St.", "A.", "etc.", "...", "a-b",
                                                                                     "x'", "9.5"])


@given(st.lists(_ASCII_TOKEN_TEXT, max_size=40).map("".join), st.integers(0, 60), st.integers(0, 60))
@example("Mr. Ana\x1cU.S.\x0b said-so 9.5 x' ...\x1f", 0, 40)
def test_tokens_of_an_ascii_text_are_the_patterns(text: str, a: int, b: int) -> None:
    """``_mentions.tokens`` and ``iter_tokens`` read an ASCII text with ASCII patterns: the
    same matches as ``_WORD`` and ``_SPACED_WORD``."""
    assert text.isascii()
    lo, hi = min(a, b), max(a, b)
    assert [m.span() for m in _mentions._ASCII_TOKEN.finditer(text, lo, hi)] == \
        [m.span() for m in _mentions._WORD.finditer(text, lo, hi)]
    assert _mentions._ASCII_SPACED_WORD.findall(text, lo, hi) == _mentions._SPACED_WORD.findall(text, lo, hi)


_FAMILY_TEXT = st.sampled_from(["Charles", "Charles Pell", "Mr. Pell", "Mrs. Pell", "Ann", "Ann Pell", "Ann Orme",
                                "Charles Orme", "Miss Orme", "William", "William Pell", " came in. ", " and ",
                                "\n\n", "“Yes, Mr. Pell,” said Ann.", "“No,” said a man.", "“Well, Miss Orme?”"])


@given(st.lists(_FAMILY_TEXT, max_size=30).map("".join))
@example("Charles came. Charles sat. Charles Pell came in.\n\n“Yes, Mr. Pell,” said Ann.\n\n“No,” said a man.")
def test_family_index_kept_up_is_the_index_over_all_people(text: str) -> None:
    """``Resolver.by_family`` is kept up where a given name joins a family name: at the
    end, the same index as one built over every entity (people whose given name joined
    another family name than their own surname)."""
    made = []

    class Kept(_resolution.Resolver):
        def resolve(self):  # type: ignore[no-untyped-def]
            out = super().resolve()
            made.append(self)
            return out

    from quoteattr import _pipeline
    real = _pipeline.Resolver
    _pipeline.Resolver = Kept
    try:
        quoteattr.extract(text, config=quoteattr.Config(genre="fiction"))
    finally:
        _pipeline.Resolver = real
    for r in made:
        want: dict = {}
        for e in r.entities:
            if e.family and e.family != e.surname:
                want.setdefault(e.family, []).append(e)
        assert {k: sorted(map(id, v)) for k, v in r.by_family.items()} == \
            {k: sorted(map(id, v)) for k, v in want.items()}


# the forward patterns the backward ones of ``_resolution`` stand for
_SITED_FORWARD = regex.compile(_resolution._SITED_BEFORE.pattern.replace("(?r)", "", 1), regex.IGNORECASE)
_SUBJECT_FORWARD = regex.compile(_resolution._SUBJECT_BEFORE.pattern.replace("(?r)", "", 1))
_WORD_BEFORE_FORWARD = regex.compile(r"(?<![\p{L}'’])(\p{Ll}++)[^\S\n]++\Z")
_BEFORE_NAME_TEXT = st.sampled_from(["in", "into", "all", "went", "to", "the", "The", "a", "an", "A", "his", "our",
                                     "this", "of", "and", "But", "then", "old", "great", "x", "Tom", "ſ", "K", "é",
                                     "\u0301", " ", "  ", "\t", "\n", "\u00a0", "\x1c", "\u2028", ".", ",", ";", "'",
                                     "’", "“", "”", "\"", "(", "-", "\u2014"])


@given(st.lists(_BEFORE_NAME_TEXT, max_size=20).map("".join), st.integers(0, 90), st.integers(0, 90))
@example("They went into the ", 0, 19)
@example("the land of his great ", 3, 22)
@example("He said. And the ", 0, 17)
def test_place_and_subject_words_searched_backwards_are_the_forward_search(text: str, a: int, b: int) -> None:
    """The words before a name that ``Resolver.scan`` reads (``_SITED_BEFORE``,
    ``_SUBJECT_BEFORE``, ``_WORD_BEFORE``; ``_MAY_MODIFY`` before ``_MODIFIER_BEFORE``)
    are searched from the end of the window: the same answers as the forward search."""
    for lo, hi in ((min(a, b), max(a, b)), (max(0, max(a, b) - 30), max(a, b))):
        assert (_resolution._SITED_BEFORE.search(text, lo, hi) is None) == (_SITED_FORWARD.search(text, lo, hi) is None)
        assert (_resolution._SUBJECT_BEFORE.search(text, lo, hi) is None) == (
            _SUBJECT_FORWARD.search(text, lo, hi) is None)
        assert _span_of(_resolution._WORD_BEFORE.search(text, lo, hi)) == _span_of(
            _WORD_BEFORE_FORWARD.search(text, lo, hi))
        if _resolution._MAY_MODIFY.search(text, lo, hi) is None:
            assert _resolution._MODIFIER_BEFORE.search(text, lo, hi) is None


@given(st.lists(_CLAUSE_TEXT, max_size=24).map("".join), st.integers(0, 120), st.integers(0, 120), st.integers(0, 120))
@example("Stop.” and then, as\n“Go!” she said;  but when", 0, 6, 45)
@example("Mrs. Ana.  x", 0, 9, 12)
def test_clause_starts_of_a_shorter_stretch_are_those_of_a_longer_one(text: str, a: int, b: int, c: int) -> None:
    """The clause start spans of ``[lo, hi)`` (``_dialogue.clause_start_spans``, which
    ``_turns._subject_between`` finds once for its scans) that begin at ``lo2`` or after
    are the clause starts of ``[lo2, hi)``, for any ``lo <= lo2 <= hi``."""
    from quoteattr import _dialogue
    lo, lo2, hi = sorted(min(x, len(text)) for x in (a, b, c))
    spans = _dialogue.clause_start_spans(text, lo, hi)
    assert [e for s, e in spans] == list(_dialogue.clause_starts(text, lo, hi))
    assert [e for s, e in spans if s >= lo2] == list(_dialogue.clause_starts(text, lo2, hi))


# role words where one holds another ("co-founder", "founder"), with determiners and other words
_ROLE_ALPHABET = st.sampled_from(["the ", "her ", "our ", "founder", "co-founder", "nurse", "nurses", "Nurse",
                                  "housekeeper", " ", "\n", "-", ".", "x", "and ", "gov.", "a"])


def _plain_role_word_uses(text: str, head: str) -> "list[int]":
    """Every role word at once, as one alternation (longest first), kept for ``head``."""
    alts = "|".join(regex.escape(w) for w in sorted(_kinship._role_heads(), key=len, reverse=True))
    out = []
    for x in regex.finditer(r"(?<![\p{L}])(?:" + alts + r")(?![\p{L}])", text):
        if x.group() == head and _kinship._ROLE_DETERMINED.search(text, max(0, x.start() - 40), x.start()):
            out.append(x.start())
    return out


@given(st.lists(_ROLE_ALPHABET, max_size=20).map("".join), st.sampled_from(["founder", "nurse", "housekeeper", "gov."]))
@example("the co-founder and the founder", "founder")
def test_role_word_uses_are_the_alternations_matches(text: str, head: str) -> None:
    assert _kinship._role_word_uses(text, head) == _plain_role_word_uses(text, head)


_PLACE_PIECES = st.sampled_from(["“", "”", " said ", " nodded", " in ", " at ", " near ", " went to ", " across ",
                                 "Mr. ", "Mrs. ", "Miss ", "Lady ", "St. ", "Saint ", "Castle ", "Tom", "Paul",
                                 "Hartwell", "Homeric", "Florence", "Mary", " Hale", "he ", "she ", "his mother",
                                 "her aunt", ". ", ", ", "\n\n", "When ", "Yes, ", "rose", " of "])


@given(st.lists(_PLACE_PIECES, max_size=50).map("".join))
@example("Ann and Tom were in Hartwell. “Go,” said Tom. She looked at Hartwell. “No,” she said. “Yes,” said Tom. "
         "“Why?” she said.")
@example("“Go,” said Tom. He went to Hartwell. In Hartwell Tom nodded. “Yes,” said Paul in Hartwell. St. Paul rose.")
def test_place_like_kept_per_entity_is_the_judgement_each_time(text: str) -> None:
    """``Resolver._place_like`` keeps its answer per entity once ``scan`` is done (the
    counts it reads are final then; names, titles and ``named`` only grow): the same
    records as judging at every call."""
    from unittest import mock
    config = quoteattr.Config(genre="fiction")
    kept = quoteattr.extract(text, config=config)
    with mock.patch.object(_resolution, "_PLACE_MEMO", False):
        assert quoteattr.extract(text, config=config) == kept


_TITLES = st.sampled_from(["Mr.", "Mrs.", "Miss", "Lady", "Sir", "Dr.", "Captain", "Mr", "Mrs", "Aunt", "Tom", "", " "])


@given(st.one_of(st.none(), st.lists(_TITLES, max_size=3).map(" ".join)),
       st.lists(st.lists(_TITLES, max_size=3).map(" ".join), max_size=5))
def test_honorific_conflict_read_per_title_is_the_rule(title: Optional[str], others: list) -> None:
    """``_entities._honorific_conflict`` reads each title's honorifics once
    (``_title_sexes``): the same answer as reading them at every comparison."""
    hons = _lexicons.mapping("honorifics")
    mine = {hons.get(w) for w in (title or "").split()} & {"m", "f"}
    mine_w = {w.rstrip(".") for w in (title or "").split() if hons.get(w) in ("m", "f")}
    want = any(mine and theirs and mine != theirs
               for theirs in ({hons.get(w) for w in o.split()} & {"m", "f"} for o in others)) or any(
        mine_w and theirs_w and not (mine_w & theirs_w)
        and ({"Mrs", "Miss"} <= (mine_w | theirs_w) or {"Lady", "Miss"} <= (mine_w | theirs_w))
        for theirs_w in ({w.rstrip(".") for w in o.split() if hons.get(w) in ("m", "f")} for o in others))
    assert _entities._honorific_conflict(title, others) == bool(want)


_NAME_WAS_TEXT = st.sampled_from(["Her", "her", "His", "his", " ", "  ", "\t", "\n", "name", " was ", "real ", "true ",
                                  "Christian ", "Ann", "Pell", "Mary-Jo", "O’Hara", "x", "é", "É", ".", "names"])


@given(st.lists(_NAME_WAS_TEXT, max_size=24).map("".join))
@example("Her name was Ann Pell.\nHis real name\nwas Tom. his true name was Mary-Jo O’Hara")
def test_names_given_on_lines_are_the_whole_text_search(text: str) -> None:
    from quoteattr import _turns
    got = [(m.span(), m.regs) for m in _turns._names_given(text)]
    assert got == [(m.span(), m.regs) for m in _turns._NAME_WAS.finditer(text)]


_ROLE_TEXT = st.sampled_from(["the", "The", "his", "her", "Her", "their", "Their", "my", "our", "whose", "name", "was",
                              "is", "old", "curate", "painter", "himself", "-", "co-", " ", "  ", "\n", ",", ", ", ".",
                              "x", "é", "Tom"])


@given(st.lists(_ROLE_TEXT, max_size=18).map("".join), st.integers(0, 40), st.integers(0, 40))
@example("the old curate, whose name was ", 0, 0)
@example("my the old painter himself, ", 0, 0)
def test_role_before_backwards_is_the_forward_search(text: str, cut_lo: int, cut_hi: int) -> None:
    forward = regex.compile(_kinship._ROLE_BEFORE.pattern.replace("(?r)", "", 1), _kinship._ROLE_BEFORE.flags)
    hi = max(0, len(text) - cut_hi)
    lo = min(cut_lo, hi)
    got = _kinship._ROLE_BEFORE.search(text, lo, hi)
    want = forward.search(text, lo, hi)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))
