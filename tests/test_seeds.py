"""The sample article in seeds/: every hand-checked core attribution comes out right."""

import json
import pathlib
from typing import Any, Dict, List, Optional

import pytest

import quoteattr

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"


def _load() -> List[Dict[str, Any]]:
    out = []
    for path in sorted(SEEDS.glob("*.expected.json")):
        spec = json.loads(path.read_text("utf-8"))
        text = (SEEDS / spec["text_file"]).read_text("utf-8")
        out.append({"name": path.name, "text": text, "records": spec["records"]})
    return out


def _norm(name: str) -> str:
    words = [w for w in name.replace(".", "").split() if w.lower() != "the"]
    return " ".join(words).lower()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def same_source(expected: str, got: Optional[quoteattr.Source]) -> bool:
    """Same entity: equal names up to a leading "the", or an acronym of the expected name."""
    if got is None:
        return False
    names = {got.name} | {m.text for m in got.mentions}
    return any(_norm(n) == _norm(expected) or n.replace(".", "") == _initials(expected) for n in names)


def _overlap(a: str, text: str, start: int, b_start: int, b_end: int) -> float:
    a_start = text.find(a, max(0, start - 5))
    if a_start < 0:
        return 0.0
    a_end = a_start + len(a)
    inter = max(0, min(a_end, b_end) - max(a_start, b_start))
    return inter / (max(a_end, b_end) - min(a_start, b_start))


def _find(result: quoteattr.Result, text: str, want: Dict[str, Any]) -> Optional[quoteattr.Quote]:
    for q in result.quotes:
        if want["kind"] in ("direct", "mixed"):
            if [p.text for p in q.parts] == want["parts"]:
                return q
        elif q.parts and _overlap(want["parts"][0], text, q.parts[0].start - 300, q.parts[0].start, q.parts[-1].end) >= 0.5:
            return q
    return None


CASES = [
    pytest.param(doc, rec, id=f"{doc['name']}:{i}:{rec['kind']}:{rec['speaker']}")
    for doc in _load()
    for i, rec in enumerate(doc["records"])
    if rec["tier"] == "core"
]


@pytest.mark.parametrize("doc,want", CASES)
def test_core_attribution(doc: Dict[str, Any], want: Dict[str, Any]) -> None:
    result = quoteattr.extract(doc["text"])
    got = _find(result, doc["text"], want)
    assert got is not None, f"not found: {want['parts']}"
    assert same_source(want["source"], got.source), (want["source"], got.source)
    for q in result.quotes:
        for p in q.parts:
            assert doc["text"][p.start : p.end] == p.text


def test_sources_fold_titles() -> None:
    doc = _load()[0]
    result = quoteattr.extract(doc["text"])
    by_name = {s.name: s for s in result.sources}
    assert by_name["Donald Trump"].title == "US President"
    assert by_name["Jorge Arreaza"].title == "Venezuelan Foreign Minister"
