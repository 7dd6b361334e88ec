"""Golden cases: hand-written texts with the records they must give (see golden/README.md)."""

import json
import pathlib
from typing import Any, Dict, List

import pytest

import quoteattr

GOLDEN = pathlib.Path(__file__).parent / "golden"
OPTIONAL_KEYS = ("kind", "speaker", "source", "source_kind", "title", "cue", "rule")


def _cases() -> List[Any]:
    out = []
    for path in sorted(GOLDEN.glob("*.json")):
        for case in json.loads(path.read_text("utf-8")):
            marks = []
            if path.name == "known_failures.json":
                marks.append(pytest.mark.xfail(strict=True, reason=case.get("why", "known failure")))
            out.append(pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks))
    return out


def _actual(q: quoteattr.Quote) -> Dict[str, Any]:
    return {
        "kind": q.kind,
        "parts": [p.text for p in q.parts],
        "speaker": q.speaker.text if q.speaker else None,
        "source": q.source.name if q.source else None,
        "source_kind": q.source.kind if q.source else None,
        "title": q.source.title if q.source else None,
        "cue": q.cue.text if q.cue else None,
        "rule": q.rule,
        "confidence": q.confidence,
    }


def _matches(want: Dict[str, Any], got: Dict[str, Any]) -> bool:
    if want["parts"] != got["parts"]:
        return False
    if any(k in want and want[k] != got[k] for k in OPTIONAL_KEYS):
        return False
    if "min_confidence" in want and got["confidence"] < want["min_confidence"]:
        return False
    if "max_confidence" in want and got["confidence"] > want["max_confidence"]:
        return False
    return True


def test_case_ids_are_unique() -> None:
    for path in GOLDEN.glob("*.json"):
        ids = [c["id"] for c in json.loads(path.read_text("utf-8"))]
        assert len(ids) == len(set(ids)), path.name


@pytest.mark.parametrize("case", _cases())
def test_golden(case: Dict[str, Any]) -> None:
    config = quoteattr.Config(**case.get("config", {}))
    result = quoteattr.extract(case["text"], config=config)
    if "genre" in case:
        assert result.genre == case["genre"], f"genre {result.genre}, expected {case['genre']}"
    got = [_actual(q) for q in result.quotes]
    missing = [w for w in case["expect"] if not any(_matches(w, g) for g in got)]
    assert not missing, f"missing {missing}\ngot {got}"
    if case.get("exact", True):
        extra = [g for g in got if not any(_matches(w, g) for w in case["expect"])]
        assert not extra, f"unexpected {extra}"


def test_every_golden_file_is_described():
    """tests/golden/README.md says what belongs in each golden file."""
    readme = (GOLDEN / "README.md").read_text("utf-8")
    missing = [p.name for p in sorted(GOLDEN.glob("*.json")) if f"`{p.name}`" not in readme]
    assert not missing, f"add a row to tests/golden/README.md for {missing}"
