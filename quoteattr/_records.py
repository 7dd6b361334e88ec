"""The immutable records quoteattr hands back: spans, quotations, sources, results.

Every span is an exact slice of the caller's string: ``text[s.start:s.end] == s.text``.
Records are frozen attrs classes; they pickle, compare by value and export to the
JSON prediction format documented in ``docs/schema.md`` through ``to_dict``.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Tuple

import attrs

__all__ = ["Quote", "Result", "Source", "Span"]

#: The kinds of attribution a record can have.
KINDS = ("direct", "mixed", "indirect")

#: The kinds of source entity.
SOURCE_KINDS = ("person", "organization", "media", "document", "anonymous", "narrator", "unknown")


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
        return json.dumps(self.to_dict(id), ensure_ascii=False)
