"""The pipeline, wired in one place: text -> marks -> cues -> speakers -> attribution
-> source resolution -> records. Each stage is a module of pure functions over offsets
(source resolution is ``_resolution`` with its fiction parts ``_turns`` and ``_kinship``
and their shared ``_entities``)."""

from __future__ import annotations

from typing import List, Optional

import attrs

from . import _attribution, _dialogue, _genre, _indirect, _marks
from ._attribution import Attribution
from ._config import Config
from ._layout import Layout
from ._records import Quote, Result, Span
from ._resolution import Resolver

_DEFAULT = Config()


def extract(text: str, *, config: Optional[Config] = None) -> Result:
    """Find the quotations and reported speech in ``text`` and who said them.

    Returns a :class:`Result` whose ``quotes`` are in text order and whose
    ``sources`` are the entities they are attributed to. Every span is an exact
    slice of ``text``. Raises ``TypeError`` for anything but ``str``.
    """
    if not isinstance(text, str):
        if isinstance(text, (bytes, bytearray, memoryview)):
            raise TypeError(
                f"extract() takes str, not {type(text).__name__}: decode it first, "
                "e.g. data.decode('utf-8')"
            )
        raise TypeError(f"extract() takes str, not {type(text).__name__}")
    if config is None:
        config = _DEFAULT
    elif not isinstance(config, Config):
        raise TypeError(f"config must be a quoteattr.Config, not {type(config).__name__}")
    layout = Layout(text)
    quotations = _marks.find_quotations(text, layout)
    genre = _genre.detect(text, layout, quotations) if config.genre == "auto" else config.genre
    attributor = _attribution.Attributor(text, layout, quotations, genre=genre)
    records = attributor.run(scare_quotes=config.include_scare_quotes)
    if genre == "fiction":
        records = _dialogue.assign_turns(text, layout, records)
    quote_spans = sorted((q.start, q.end) for q in quotations)
    reported = _indirect.find(text, layout, quote_spans, records, genre)
    if not config.include_indirect:
        reported = [r for r in reported if r.kind != "indirect"]
    records = records + reported
    records = _in_text_order(records)
    if records:
        spans = [p for r in records for p in r.parts] + [(q.start, q.end) for q in quotations]
        sources, used = Resolver(text, records, spans, genre, layout).resolve()
    else:
        # no record, no source: the names of the text (most of the cost of a text
        # without quotations or reports) are not read
        sources, used = [], []
    quotes: List[Quote] = []
    for rec, src in zip(records, sources):
        if rec.confidence < config.min_confidence:
            continue
        quotes.append(
            Quote(
                kind=rec.kind,
                parts=tuple(Span.of(text, s, e) for s, e in rec.parts),
                span=Span.of(text, *rec.span),
                speaker=Span.of(text, *rec.speaker) if rec.speaker else None,
                source=src,
                cue=Span.of(text, *rec.cue) if rec.cue else None,
                confidence=round(rec.confidence, 3),
                rule=rec.rule,
            )
        )
    kept = {id(q.source) for q in quotes if q.source is not None}
    return Result(quotes=tuple(quotes), sources=tuple(s for s in used if id(s) in kept), genre=genre)


def _in_text_order(records: List[Attribution]) -> List[Attribution]:
    """Records sorted by their first part, with ``inherit`` indices following the move."""
    order = sorted(range(len(records)), key=lambda i: (records[i].parts[0][0], records[i].parts[0][1]))
    if order == list(range(len(records))):
        return records
    new_index = {old: new for new, old in enumerate(order)}
    out = []
    for old in order:
        r = records[old]
        if r.inherit is not None or r.alt is not None or r.other_than is not None:
            r = attrs.evolve(
                r,
                inherit=None if r.inherit is None else new_index.get(r.inherit),
                alt=None if r.alt is None else new_index.get(r.alt),
                other_than=None if r.other_than is None else new_index.get(r.other_than),
            )
        out.append(r)
    return out
