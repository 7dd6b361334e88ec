"""Loading the word lists in ``quoteattr/data``: read once, cached, immutable.

Each data file starts with ``#`` comment lines saying what belongs in it and what
deliberately does not; blank lines and text after ``#`` are ignored.
"""

from __future__ import annotations

import functools
import os
from typing import Dict, FrozenSet, List, Tuple

_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _read(name: str) -> str:
    # a plain file read: importlib.resources costs ~20 ms of import time that every
    # `import quoteattr` would pay; it stays the way in for an installation in a zip file
    try:
        with open(os.path.join(_DATA, f"{name}.txt"), encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        from importlib import resources

        return resources.files("quoteattr").joinpath("data", f"{name}.txt").read_text("utf-8")


@functools.lru_cache(maxsize=None)
def rows(name: str) -> Tuple[Tuple[str, ...], ...]:
    """The whitespace-separated fields of every entry line of ``data/<name>.txt``."""
    raw = _read(name)
    out: List[Tuple[str, ...]] = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(tuple(line.split()))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def words(name: str) -> FrozenSet[str]:
    """Every word of ``data/<name>.txt`` (all fields of all lines)."""
    return frozenset(w for row in rows(name) for w in row)


@functools.lru_cache(maxsize=None)
def first_field(name: str) -> FrozenSet[str]:
    """The first field of every line of ``data/<name>.txt``."""
    return frozenset(row[0] for row in rows(name))


@functools.lru_cache(maxsize=None)
def mapping(name: str) -> Dict[str, str]:
    """First field -> second field, for two-column files (``honorifics``, ``first_names``)."""
    return {row[0]: row[1] for row in rows(name) if len(row) > 1}


@functools.lru_cache(maxsize=None)
def lemmas(name: str) -> Dict[str, str]:
    """Every inflected form -> its lemma (the first form on its line), for verb lists."""
    out: Dict[str, str] = {}
    for row in rows(name):
        for form in row:
            out.setdefault(form, row[0])
    return out
