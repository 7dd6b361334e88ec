"""Options for :func:`quoteattr.extract`, as one immutable object."""

from __future__ import annotations

import attrs

__all__ = ["Config"]

GENRES = ("auto", "news", "fiction")


def _check_genre(_inst: object, _attr: object, value: str) -> None:
    if value not in GENRES:
        raise ValueError(f"genre must be one of {', '.join(GENRES)}; got {value!r}")


def _check_unit(_inst: object, attr: "attrs.Attribute[float]", value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attr.name} must be between 0 and 1; got {value!r}")


@attrs.frozen(kw_only=True)
class Config:
    """How :func:`quoteattr.extract` behaves. Change a copy with ``attrs.evolve``.

    - ``genre`` ("auto"): "news" or "fiction" rules. "auto" picks fiction for long
      texts whose quotations are mostly unattributed dialogue turns, or whose prose
      narrates a story with few numbers and news words; news otherwise.
    - ``include_indirect`` (True): report reported speech without quotation marks
      ("X said that ...", "according to X"). False keeps quotations only (direct and
      mixed).
    - ``include_scare_quotes`` (False): also report quoted fragments that have no
      speaker (scare quotes, coinages) as records with kind "direct", no speaker, no
      source, rule ``scare-quote`` and confidence 0.1. Titles of works, nicknames,
      inch marks and apostrophes are never reported.
    - ``min_confidence`` (0.0): drop records whose confidence is below this.
    """

    genre: str = attrs.field(default="auto", validator=_check_genre)
    include_indirect: bool = True
    include_scare_quotes: bool = False
    min_confidence: float = attrs.field(default=0.0, converter=float, validator=_check_unit)
