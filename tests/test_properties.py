"""Invariants of every result, on generated texts (strategies in tests/strategies.py)."""

import json
import pickle
from typing import List, Tuple

import attrs
from hypothesis import given
from hypothesis import strategies as st

import quoteattr
from strategies import all_spans, fiction_soup, texts

GENRES = st.sampled_from(["news", "fiction"])


def _overlap(a: quoteattr.Span, b: quoteattr.Span) -> bool:
    return a.start < b.end and b.start < a.end


@given(texts, GENRES)
def test_every_span_is_a_slice_of_the_input(text: str, genre: str) -> None:
    result = quoteattr.extract(text, config=quoteattr.Config(genre=genre))
    for sp in all_spans(result):
        assert 0 <= sp.start <= sp.end <= len(text)
        assert text[sp.start : sp.end] == sp.text


@given(texts, GENRES)
def test_parts_are_ordered_and_disjoint(text: str, genre: str) -> None:
    result = quoteattr.extract(text, config=quoteattr.Config(genre=genre))
    starts = [q.parts[0].start for q in result.quotes]
    assert starts == sorted(starts)
    every: List[Tuple[int, int]] = []
    for q in result.quotes:
        assert q.parts, q
        for a, b in zip(q.parts, q.parts[1:]):
            assert a.end <= b.start
        every += [(p.start, p.end) for p in q.parts]
    every.sort()
    for (s1, e1), (s2, e2) in zip(every, every[1:]):
        assert e1 <= s2, (s1, e1, s2, e2)


@given(texts, GENRES)
def test_cue_and_speaker_lie_outside_the_content(text: str, genre: str) -> None:
    result = quoteattr.extract(text, config=quoteattr.Config(genre=genre))
    for q in result.quotes:
        for extra in (q.cue, q.speaker):
            if extra is not None:
                assert not any(_overlap(extra, p) for p in q.parts), (extra, q.parts)


@given(texts, GENRES)
def test_records_say_how_sure_and_which_rule(text: str, genre: str) -> None:
    result = quoteattr.extract(text, config=quoteattr.Config(genre=genre))
    for q in result.quotes:
        assert 0.0 <= q.confidence <= 1.0
        assert q.rule and q.kind in ("direct", "mixed", "indirect")
        assert q.source is None or q.source in result.sources


@given(texts)
def test_deterministic(text: str) -> None:
    assert quoteattr.extract(text) == quoteattr.extract(text)


@given(texts, GENRES, st.sampled_from(["\n\n", "\n\n\n", "  \n\n", "\n"]))
def test_prefix_shifts_every_offset(text: str, genre: str, prefix: str) -> None:
    config = quoteattr.Config(genre=genre)
    plain = quoteattr.extract(text, config=config)
    shifted = quoteattr.extract(prefix + text, config=config)
    n = len(prefix)
    assert [q.kind for q in shifted.quotes] == [q.kind for q in plain.quotes]
    assert [[p.shifted(n) for p in q.parts] for q in plain.quotes] == [list(q.parts) for q in shifted.quotes]
    assert [q.speaker and q.speaker.shifted(n) for q in plain.quotes] == [q.speaker for q in shifted.quotes]
    assert [q.cue and q.cue.shifted(n) for q in plain.quotes] == [q.cue for q in shifted.quotes]
    assert [q.rule for q in plain.quotes] == [q.rule for q in shifted.quotes]
    assert [s.name for s in plain.sources] == [s.name for s in shifted.sources]


@given(texts | st.text(), GENRES)
def test_results_come_back_from_json_and_pickle(text: str, genre: str) -> None:
    result = quoteattr.extract(text, config=quoteattr.Config(genre=genre, include_scare_quotes=True))
    assert pickle.loads(pickle.dumps(result)) == result
    data = json.loads(json.dumps(result.to_dict("doc")))
    back = quoteattr.Result.from_dict(data, text, genre=result.genre)
    assert back.to_dict("doc") == data
    # the dict has everything but each quote's span, which comes back as its parts' hull
    hull = tuple(attrs.evolve(q, span=quoteattr.Span.of(text, q.parts[0].start, q.parts[-1].end))
                 for q in result.quotes)
    assert back == attrs.evolve(result, quotes=hull)
    assert all(q.source is None or q.source in back.sources for q in back.quotes)


@given(fiction_soup)
def test_fiction_rules_survive_any_mix_of_their_cues(text: str) -> None:
    """Any mix of what the fiction rules read gives valid offsets, the same each time."""
    config = quoteattr.Config(genre="fiction")
    result = quoteattr.extract(text, config=config)
    for span in all_spans(result):
        assert text[span.start:span.end] == span.text
    assert quoteattr.extract(text, config=config) == result
