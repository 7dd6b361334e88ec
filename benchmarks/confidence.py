"""Does confidence mean something? Precision of quoteattr's records by confidence band.

    python benchmarks/confidence.py ../shared/corpora/polnear/dev.jsonl
    python benchmarks/confidence.py GOLD.jsonl --kinds indirect,mixed --bands 0.9,0.7,0.5,0

GOLD is a JSONL file of annotated documents in the corpus format (``id``, ``text``,
``quotes`` with ``start``, ``end``, ``kind`` and an optional ``speaker`` span). Each
record part quoteattr returns is *correct* when it overlaps a gold span by a character
Jaccard of at least 0.5 (after stripping white space and quotation marks, as the
project's scorer does) and, where the gold names a speaker span, when the record's
speaker mention or any mention of its source overlaps that span. The script prints,
per confidence band and per rule, how many parts fell in it and the share correct.
It reads the gold only to measure; nothing of it is kept.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys
from typing import Any, Dict, List, Optional, Sequence, Tuple

try:
    import quoteattr
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
    import quoteattr

_STRIP = " \t\n\r\"'“”‘’«»„‚‹›「」『』.,;:!?"


def _norm(text: str, s: int, e: int) -> Tuple[int, int]:
    while s < e and text[s] in _STRIP:
        s += 1
    while e > s and text[e - 1] in _STRIP:
        e -= 1
    if text[s : s + 5].lower() == "that ":
        s += 5
    return s, e


def _jaccard(a: Tuple[int, int], b: Tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def _overlaps(a: Tuple[int, int], b: Tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_document(doc: Dict[str, Any], kinds: Optional[set]) -> List[Tuple[float, str, bool]]:
    """(confidence, rule, correct) for every record part of one document."""
    text = doc["text"]
    gold = [q for q in doc.get("quotes", []) if kinds is None or q.get("kind") in kinds]
    gold_spans = [_norm(text, q["start"], q["end"]) for q in gold]
    out: List[Tuple[float, str, bool]] = []
    for q in quoteattr.extract(text).quotes:
        if kinds is not None and q.kind not in kinds:
            continue
        mentions = [(m.start, m.end) for m in (q.source.mentions if q.source else ())]
        if q.speaker is not None:
            mentions.append((q.speaker.start, q.speaker.end))
        for p in q.parts:
            span = _norm(text, p.start, p.end)
            best, best_j = None, 0.0
            for g, gs in zip(gold, gold_spans):
                j = _jaccard(span, gs)
                if j > best_j:
                    best, best_j = g, j
            ok = best is not None and best_j >= 0.5
            if ok and best is not None and best.get("speaker"):
                gsp = (best["speaker"]["start"], best["speaker"]["end"])
                ok = any(_overlaps(m, gsp) for m in mentions)
            out.append((q.confidence, q.rule, ok))
    return out


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", help="annotated JSONL file")
    ap.add_argument("--kinds", help="only these kinds, comma-separated (default: all)")
    ap.add_argument("--bands", default="0.9,0.7,0.5,0.3,0", help="lower edges of the bands")
    args = ap.parse_args(argv)
    kinds = set(args.kinds.split(",")) if args.kinds else None
    edges = sorted((float(b) for b in args.bands.split(",")), reverse=True)
    rows: List[Tuple[float, str, bool]] = []
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows += score_document(json.loads(line), kinds)
    band_of = lambda c: next(e for e in edges if c >= e)  # noqa: E731
    bands: Dict[float, List[int]] = collections.defaultdict(lambda: [0, 0])
    rules: Dict[str, List[int]] = collections.defaultdict(lambda: [0, 0])
    for conf, rule, ok in rows:
        bands[band_of(conf)][0] += 1
        bands[band_of(conf)][1] += ok
        rules[rule][0] += 1
        rules[rule][1] += ok
    print(f"{args.gold}: {len(rows)} record parts" + (f" of kinds {args.kinds}" if kinds else ""))
    print(f"{'confidence':>12}  {'parts':>6}  {'correct':>7}  {'precision':>9}")
    for e in edges:
        n, ok = bands.get(e, [0, 0])
        print(f"{'>= ' + format(e, '.2f'):>12}  {n:6d}  {ok:7d}  {(100 * ok / n if n else 0):8.1f}%")
    print()
    print(f"{'rule':>24}  {'parts':>6}  {'precision':>9}")
    for rule, (n, ok) in sorted(rules.items(), key=lambda kv: -kv[1][0]):
        print(f"{rule:>24}  {n:6d}  {100 * ok / n:8.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
