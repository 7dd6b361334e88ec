"""A spaCy pipeline component: quoteattr's records on spaCy docs and spans.

Install with ``pip install quoteattr[spacy]``; spaCy finds the component through its
``spacy_factories`` entry point, so no import is needed::

    import spacy

    nlp = spacy.blank("en")          # any pipeline; quoteattr needs no tagger or parser
    nlp.add_pipe("quoteattr")
    doc = nlp("“We will win,” Ana Ruiz said.")
    for quote in doc._.quotes:
        print(quote.text, "|", quote._.speaker, "|", quote._.source.name)

What the component sets (see ``docs/spacy.md``):

- ``doc._.quotes``: a list of :class:`spacy.tokens.Span`, one per quotation record,
  in text order, each covering the record's ``span`` (from the first opening mark to
  the last closing mark, so a quotation split by its attribution covers the
  attribution too; for indirect speech, the content).
- ``doc._.quoteattr``: the :class:`quoteattr.Result` itself.
- on every span: ``span._.quote`` (the :class:`quoteattr.Quote` record whose span
  aligns with this one, or None), ``span._.parts`` (one Span per part of the
  content, without the marks), ``span._.speaker`` (the speaker mention as a Span),
  ``span._.cue`` (the reporting verb as a Span) and ``span._.source`` (the
  :class:`quoteattr.Source` entity); each is None, or empty, on spans that are not
  quotations.

quoteattr works on characters and spaCy on tokens. Each character span is aligned
with ``doc.char_span(start, end, alignment_mode="expand")``: a span that starts or
ends inside a token grows to take the whole token ("Ruiz" in a token "Ruiz's"
becomes "Ruiz's"). The records themselves keep the exact character offsets.

The result is stored on the doc as plain data (lists, strings and numbers), so
``doc.to_bytes()``, ``DocBin`` and ``nlp.pipe(..., n_process=2)`` keep it.
"""

from __future__ import annotations

import weakref
from typing import Any, Dict, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan

from ._config import Config
from ._pipeline import extract
from ._records import Quote, Result, Source, Span

__all__ = ["QuoteattrComponent", "make_component"]

# Where the component keeps its result on the doc: doc.user_data[_KEY], plain data
# that msgpack can write (Doc.to_bytes serialises user_data with it).
_KEY = "quoteattr.result"


@Language.factory(
    "quoteattr",
    default_config={
        "genre": "auto",
        "include_indirect": True,
        "include_scare_quotes": False,
        "min_confidence": 0.0,
    },
)
def make_component(
    nlp: Language,
    name: str,
    genre: str,
    include_indirect: bool,
    include_scare_quotes: bool,
    min_confidence: float,
) -> "QuoteattrComponent":
    """The ``quoteattr`` factory: ``nlp.add_pipe("quoteattr", config={...})`` with
    any option of :class:`quoteattr.Config` (same names, same defaults)."""
    config = Config(
        genre=genre,
        include_indirect=include_indirect,
        include_scare_quotes=include_scare_quotes,
        min_confidence=min_confidence,
    )
    return QuoteattrComponent(config=config)


class QuoteattrComponent:
    """Runs :func:`quoteattr.extract` on ``doc.text`` and stores the result on the doc."""

    def __init__(self, *, config: Optional[Config] = None) -> None:
        self.config = Config() if config is None else config
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        result = extract(doc.text, config=self.config)
        doc.user_data[_KEY] = _encode(result)
        return doc


def _register_extensions() -> None:
    # Getters, not stored values: every span with the same boundaries as a quotation
    # answers the same, and nothing but the encoded result lives in user_data.
    doc_getters = {"quoteattr": _result_of, "quotes": _quotes_of}
    span_getters = {
        "quote": _quote_of,
        "parts": _parts_of,
        "speaker": _speaker_of,
        "cue": _cue_of,
        "source": _source_of,
    }
    for name, doc_getter in doc_getters.items():
        if Doc.has_extension(name):
            _check_ours(Doc, name)
        else:
            Doc.set_extension(name, getter=doc_getter)
    for name, span_getter in span_getters.items():
        if SpacySpan.has_extension(name):
            _check_ours(SpacySpan, name)
        else:
            SpacySpan.set_extension(name, getter=span_getter)


def _check_ours(cls: Any, name: str) -> None:
    # Another package may have taken the name; reading its attribute as ours would
    # give wrong answers without a word, so say so.
    getter = cls.get_extension(name)[2]
    if getattr(getter, "__module__", None) != __name__:
        raise ValueError(
            f"{cls.__name__}._.{name} is already registered by something else "
            f"({getattr(getter, '__module__', 'no getter')}), and the quoteattr "
            f"component needs it: remove it first with "
            f"{cls.__name__}.remove_extension({name!r})"
        )


def _result_of(doc: Doc) -> Optional[Result]:
    return _index(doc)[0]


def _align(doc: Doc, span: Optional[Span]) -> Optional[SpacySpan]:
    if span is None or span.start == span.end:
        return None
    aligned: Optional[SpacySpan] = doc.char_span(span.start, span.end, alignment_mode="expand")
    return aligned


# The decoded result and each quotation's token boundaries, per doc, so that reading
# the attributes of every quotation costs one decoding, not one per read. Kept only
# while the doc lives, and only for the data it was made from (the values hold no
# reference to the doc, or the weak key would never go).
_Index = Tuple[Optional[Result], List[Tuple[int, int, Quote]]]
_CACHE: "weakref.WeakKeyDictionary[Doc, Tuple[object, _Index]]" = weakref.WeakKeyDictionary()


def _index(doc: Doc) -> _Index:
    data = doc.user_data.get(_KEY)
    cached = _CACHE.get(doc)
    if cached is not None and cached[0] is data:
        return cached[1]
    if data is None:
        index: _Index = (None, [])
    else:
        result = _decode(data)
        bounds = []
        for quote in result.quotes:
            aligned = _align(doc, quote.span)
            if aligned is not None:
                bounds.append((aligned.start, aligned.end, quote))
        index = (result, bounds)
    _CACHE[doc] = (data, index)
    return index


def _quotes_of(doc: Doc) -> List[SpacySpan]:
    return [doc[start:end] for start, end, _ in _index(doc)[1]]


def _quote_of(span: SpacySpan) -> Optional[Quote]:
    # Two quotations that align to the same tokens (both inside one token) answer
    # with the first.
    for start, end, quote in _index(span.doc)[1]:
        if start == span.start and end == span.end:
            return quote
    return None


def _parts_of(span: SpacySpan) -> List[SpacySpan]:
    quote = _quote_of(span)
    if quote is None:
        return []
    aligned = (_align(span.doc, part) for part in quote.parts)
    return [a for a in aligned if a is not None]


def _speaker_of(span: SpacySpan) -> Optional[SpacySpan]:
    quote = _quote_of(span)
    return None if quote is None else _align(span.doc, quote.speaker)


def _cue_of(span: SpacySpan) -> Optional[SpacySpan]:
    quote = _quote_of(span)
    return None if quote is None else _align(span.doc, quote.cue)


def _source_of(span: SpacySpan) -> Optional[Source]:
    quote = _quote_of(span)
    return None if quote is None else quote.source


# The result as msgpack-friendly data and back. Quote.to_dict leaves out the span, so
# this keeps its own, complete form; every quote's source is one of result.sources.


def _encode(result: Result) -> Dict[str, Any]:
    return {
        "genre": result.genre,
        "sources": [_encode_source(s) for s in result.sources],
        "quotes": [
            {
                "kind": q.kind,
                "parts": [_encode_span(p) for p in q.parts],
                "span": _encode_span(q.span),
                "speaker": _encode_span(q.speaker),
                "source": None if q.source is None else q.source.id,
                "cue": _encode_span(q.cue),
                "confidence": q.confidence,
                "rule": q.rule,
            }
            for q in result.quotes
        ],
    }


def _encode_span(span: Optional[Span]) -> Optional[List[Any]]:
    return None if span is None else [span.start, span.end, span.text]


def _encode_source(source: Source) -> Dict[str, Any]:
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "title": source.title,
        "mentions": [_encode_span(m) for m in source.mentions],
    }


def _decode(data: Dict[str, Any]) -> Result:
    sources = {s["id"]: _decode_source(s) for s in data["sources"]}
    quotes = []
    for q in data["quotes"]:
        quotes.append(
            Quote(
                kind=q["kind"],
                parts=tuple(_require(_decode_span(p)) for p in q["parts"]),
                span=_require(_decode_span(q["span"])),
                speaker=_decode_span(q["speaker"]),
                # One object per entity, as in the Result extract returned.
                source=None if q["source"] is None else sources[q["source"]],
                cue=_decode_span(q["cue"]),
                confidence=q["confidence"],
                rule=q["rule"],
            )
        )
    return Result(quotes=tuple(quotes), sources=tuple(sources.values()), genre=data["genre"])


def _decode_span(data: Optional[List[Any]]) -> Optional[Span]:
    return None if data is None else Span(int(data[0]), int(data[1]), str(data[2]))


def _require(span: Optional[Span]) -> Span:
    if span is None:
        raise ValueError(f"{_KEY} in doc.user_data is damaged: a required span is missing")
    return span


def _decode_source(data: Dict[str, Any]) -> Source:
    mentions = tuple(_require(_decode_span(m)) for m in data["mentions"])
    return Source(
        id=data["id"], name=data["name"], kind=data["kind"], title=data["title"], mentions=mentions
    )

