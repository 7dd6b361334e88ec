"""quoteattr: find the quotations in a text, say who said each one.

>>> import quoteattr
>>> result = quoteattr.extract('“We will win,” she said.')
>>> [(q.text, q.speaker.text) for q in result.quotes]
[('We will win,', 'she')]
"""

from __future__ import annotations

from ._config import Config
from ._parallel import extract_many
from ._pipeline import extract
from ._records import Quote, Result, Source, Span


def __getattr__(name: str) -> str:
    # The version is read from the package metadata on first use: importlib.metadata
    # costs tens of milliseconds that every `import quoteattr` would otherwise pay.
    if name == "__version__":
        from importlib import metadata

        try:
            version = metadata.version("quoteattr")
        except metadata.PackageNotFoundError:  # a checkout that is not installed
            version = "0+unknown"
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module 'quoteattr' has no attribute {name!r}")


__all__ = ["Config", "Quote", "Result", "Source", "Span", "__version__", "extract", "extract_many"]
