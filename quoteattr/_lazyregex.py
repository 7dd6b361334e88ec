"""The ``regex`` module with patterns compiled on first use, not at import.

The stages compile some sixty patterns at module level; compiling them all costs about
a hundred milliseconds, which every ``import quoteattr`` (and every CLI run, even on
empty input) would otherwise pay. A module does ``from . import _lazyregex as regex``
and keeps writing ``regex.compile(...)`` at module level: it gets a stand-in that
compiles the real pattern the first time a method is looked up, then keeps the
pattern's bound methods as its own attributes, so later calls cost what calls on the
real pattern cost. Everything else (``escape``, ``sub``, ``Match``, ...) is the real
``regex`` module's, imported when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, Tuple, Union

if TYPE_CHECKING:  # pragma: no cover
    from regex import Match as Match
    from regex import Pattern as Pattern
    from regex import escape as escape
    from regex import findall as findall
    from regex import sub as sub

# The flags of the ``regex`` module, as plain ints (tests check they agree with it).
ASCII = 0x80
IGNORECASE = 0x2
MULTILINE = 0x8
VERBOSE = 0x40

# Methods and attributes copied onto the stand-in once the pattern is compiled.
_FORWARDED = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split",
              "splititer", "scanner", "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """A compiled pattern, compiled when first used."""

    def __init__(self, pattern: Union[str, Callable[[], str]], flags: int) -> None:
        self._args: Tuple[Union[str, Callable[[], str]], int] = (pattern, flags)

    def compiled(self) -> "Pattern[str]":
        """The real compiled pattern."""
        got: Dict[str, Any] = self.__dict__
        real = got.get("_real")
        if real is None:
            import regex

            pattern, flags = self._args
            real = regex.compile(pattern if isinstance(pattern, str) else pattern(), flags)
            got["_real"] = real
            for name in _FORWARDED:
                got[name] = getattr(real, name)
        return real

    def __getattr__(self, name: str) -> Any:
        # only reached for what is not yet an instance attribute
        if name.startswith("__") or name in ("_args", "_real"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r}, {self._args[1]})"

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (LazyPattern, self._args)


def compile(pattern: str, flags: int = 0) -> "Pattern[str]":
    """A stand-in for ``regex.compile(pattern, flags)`` that compiles on first use."""
    return LazyPattern(pattern, int(flags))  # type: ignore[return-value]


def deferred(build: Callable[[], str], flags: int = 0) -> "Pattern[str]":
    """Like :func:`compile`, for a pattern whose text ``build()`` makes on first use
    (from word lists, with ``regex.escape``)."""
    return LazyPattern(build, int(flags))  # type: ignore[return-value]


def __getattr__(name: str) -> Any:
    import regex

    return getattr(regex, name)
