"""A set of stretches of the text, merged, with look-ups by bisection.

Several stages ask "is this position inside a quotation (or a record)?": they share
this one structure instead of each keeping sorted lists of its own.
"""

from __future__ import annotations

import bisect
from typing import List, Sequence, Tuple


class Intervals:
    """Merged ``[start, end)`` stretches; ``covers`` and ``overlaps`` cost O(log n)."""

    def __init__(self, spans: Sequence[Tuple[int, int]] = ()) -> None:
        starts: List[int] = []
        ends: List[int] = []
        for s, e in sorted(spans):
            if ends and s <= ends[-1]:
                if e > ends[-1]:
                    ends[-1] = e
            else:
                starts.append(s)
                ends.append(e)
        self.starts = starts
        self.ends = ends

    def covers(self, pos: int) -> bool:
        """``pos`` lies inside one of the stretches."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def overlaps(self, s: int, e: int) -> bool:
        """``[s, e)`` shares a character with one of the stretches."""
        i = bisect.bisect_right(self.starts, e - 1) - 1
        return i >= 0 and self.ends[i] > s

    def add(self, s: int, e: int) -> None:
        """Add a stretch that overlaps none already here."""
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)
