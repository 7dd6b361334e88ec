"""quoteattr: find the quotations in a text, say who said each one.

>>> import quoteattr
>>> result = quoteattr.extract('“We will win,” she said.')
>>> [(q.text, q.speaker.text) for q in result.quotes]
[('We will win,', 'she')]
"""

from __future__ import annotations

from importlib import metadata as _metadata

from ._config import Config
from ._parallel import extract_many
from ._pipeline import extract
from ._records import Quote, Result, Source, Span

try:
    __version__ = _metadata.version("quoteattr")
except _metadata.PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0+unknown"

__all__ = ["Config", "Quote", "Result", "Source", "Span", "__version__", "extract", "extract_many"]
