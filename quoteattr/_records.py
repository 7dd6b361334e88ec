"""The immutable records quoteattr hands back: spans, quotations, sources, results.

Every span is an exact slice of the caller's string: ``text[s.start:s.end] == s.text``.
Records are frozen attrs classes; they pickle, compare by value and export to the
JSON prediction format documented in ``docs/schema.md`` through ``to_dict``, and come
back from it through ``from_dict``.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Dict, List, Mapping, Optional, Tuple

import attrs

__all__ = ["Quote", "Result", "Source", "Span"]

#: The kinds of attribution a record can have.
KINDS = ("direct", "mixed", "indirect")

#: The kinds of source entity.
SOURCE_KINDS = ("person", "organization", "media", "document", "anonymous", "narrator", "unknown")

_NO_SOURCES: Mapping[str, "Source"] = MappingProxyType({})


@attrs.frozen(slots=True)
class Span:
    """A stretch of the input text: ``text == input[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span ``[start, end)`` of ``text``."""
        return cls(start, end, text[start:end])

    def shifted(self, offset: int) -> "Span":
        """The same span in a text that has ``offset`` more characters in front."""
        return Span(self.start + offset, self.end + offset, self.text)

    def to_dict(self) -> Dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: Optional[str] = None) -> "Span":
        """The span ``to_dict`` wrote; checked against ``text`` when it is given."""
        span = cls(_int(data, "start"), _int(data, "end"), _str(data, "text"))
        if text is not None and text[span.start : span.end] != span.text:
            raise ValueError(f"span {span.start}-{span.end} {span.text!r} is not a slice of the text")
        return span


@attrs.frozen(slots=True)
class Source:
    """A document-level source entity: the person, organisation or document quoted.

    ``name`` is the fullest form the text gives ("Donald Trump"), ``title`` a role or
    honorific that went with it ("US President", "Mrs."), ``mentions`` every span of
    the text that refers to it, in text order.
    """

    id: str
    name: str
    kind: str
    title: Optional[str]
    mentions: Tuple[Span, ...]

    def to_dict(self) -> Dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "title": self.title,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: Optional[str] = None) -> "Source":
        """The source ``to_dict`` wrote (mentions checked against ``text`` when given)."""
        title = data.get("title")
        if title is not None and not isinstance(title, str):
            raise ValueError(f"title must be a string or null, not {title!r}")
        return cls(
            id=_str(data, "id"),
            name=_str(data, "name"),
            kind=_str(data, "kind"),
            title=title,
            mentions=tuple(Span.from_dict(m, text) for m in _list(data, "mentions")),
        )


@attrs.frozen(slots=True)
class Quote:
    """One attribution: what was said (``parts``), by whom, and how we know.

    - ``kind``: "direct" (quoted words), "mixed" (a clause holding a quoted fragment)
      or "indirect" (reported speech without marks).
    - ``parts``: the content without the enclosing marks; a quotation interrupted by
      its attribution, or running over several paragraphs, has several parts.
    - ``span``: from the first opening mark to the last closing mark (for indirect
      speech: the content's hull).
    - ``speaker``: the mention the cue attaches to, as written ("he"), or None.
    - ``source``: the document-level entity the speaker stands for, or None.
    - ``cue``: the reporting verb or phrase ("said", "according to"), or None.
    - ``confidence``: how sure the rule is, between 0 and 1.
    - ``rule``: the stable id of the rule that produced the record (``docs/rules.md``).
    """

    kind: str
    parts: Tuple[Span, ...]
    span: Span
    speaker: Optional[Span]
    source: Optional[Source]
    cue: Optional[Span]
    confidence: float
    rule: str

    @property
    def text(self) -> str:
        """The content, parts joined by a space."""
        return " ".join(p.text for p in self.parts)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "kind": self.kind,
            "parts": [p.to_dict() for p in self.parts],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "source": self.source.id if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "confidence": self.confidence,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], sources: Mapping[str, Source] = _NO_SOURCES,
                  text: Optional[str] = None) -> "Quote":
        """The record ``to_dict`` wrote; ``sources`` maps source ids to sources.

        The dict has no ``span``: it becomes the stretch from the first part's start to
        the last part's end (a direct quotation's marks are not in it). That needs
        ``text`` when there are several parts; with one part, it is the part.
        """
        parts = tuple(Span.from_dict(p, text) for p in _list(data, "parts"))
        if not parts:
            raise ValueError("a quote has at least one part")
        if text is not None:
            span = Span.of(text, parts[0].start, parts[-1].end)
        elif len(parts) == 1:
            span = parts[0]
        else:
            raise ValueError("a quote in several parts needs the text to rebuild its span: pass text=")
        source_id = data.get("source")
        source = None
        if source_id is not None:
            if source_id not in sources:
                raise ValueError(f"quote names source {source_id!r}, which is not among the sources")
            source = sources[source_id]
        speaker, cue = data.get("speaker"), data.get("cue")
        confidence = data.get("confidence")
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
            raise ValueError(f"confidence must be a number, not {confidence!r}")
        return cls(
            kind=_str(data, "kind"),
            parts=parts,
            span=span,
            speaker=None if speaker is None else Span.from_dict(speaker, text),
            source=source,
            cue=None if cue is None else Span.from_dict(cue, text),
            confidence=float(confidence),
            rule=_str(data, "rule"),
        )


@attrs.frozen(slots=True)
class Result:
    """What :func:`quoteattr.extract` returns: records in text order and their sources."""

    quotes: Tuple[Quote, ...]
    sources: Tuple[Source, ...]
    genre: str = "news"

    def to_dict(self, id: Optional[str] = None) -> Dict[str, Any]:
        """The prediction format of ``docs/schema.md`` (``id`` is included when given)."""
        out: Dict[str, Any] = {} if id is None else {"id": id}
        out["quotes"] = [q.to_dict() for q in self.quotes]
        out["sources"] = [s.to_dict() for s in self.sources]
        return out

    def to_json(self, id: Optional[str] = None) -> str:
        """``to_dict`` as one line of JSON (UTF-8 characters kept as they are)."""
        import json  # here, not at import: most uses never write JSON

        return json.dumps(self.to_dict(id), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: Optional[str] = None, *, genre: str = "news") -> "Result":
        """The result ``to_dict`` wrote (an ``id`` in it is ignored).

        Everything in the dict comes back as it was: ``Result.from_dict(d, text).to_dict()
        == d``. Two things are not in the dict: ``genre`` (give it) and each quote's
        ``span`` (rebuilt from its parts, see :meth:`Quote.from_dict`). With ``text``,
        every span is checked to be a slice of it (``ValueError`` if not).
        """
        if "error" in data and "quotes" not in data:
            raise ValueError(f"a line for a document that could not be read: {data['error']!r}")
        sources = tuple(Source.from_dict(s, text) for s in _list(data, "sources"))
        by_id = {s.id: s for s in sources}
        if len(by_id) != len(sources):
            raise ValueError("two sources with the same id")
        quotes = tuple(Quote.from_dict(q, by_id, text) for q in _list(data, "quotes"))
        return cls(quotes=quotes, sources=sources, genre=genre)


def _int(data: Mapping[str, Any], key: str) -> int:
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key} must be an integer, not {value!r}")
    return value


def _str(data: Mapping[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise ValueError(f"{key} must be a string, not {value!r}")
    return value


def _list(data: Mapping[str, Any], key: str) -> List[Any]:
    value = data[key]
    if not isinstance(value, list):
        raise ValueError(f"{key} must be a list, not {value!r}")
    return value
