"""quoteattr over a Dask bag or dataframe: ``pip install 'quoteattr[dask]'``.

>>> import dask.bag as db
>>> from quoteattr.contrib.dask import extract_bag
>>> docs = db.from_sequence([{"id": "a", "text": "“Yes,” she said."}], npartitions=1)
>>> [p["quotes"][0]["rule"] for p in extract_bag(docs).compute()]
['direct.tag-after']

Dask itself is imported only by the functions here; they take and give lazy Dask
collections, and work on any scheduler (local threads, processes, a cluster).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional

from .._config import Config
from .._pipeline import extract
from .frames import COLUMNS, empty_table, quote_table

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe

__all__ = ["COLUMNS", "extract_bag", "extract_dataframe"]


def extract_bag(bag: "dask.bag.Bag", *, config: Optional[Config] = None) -> "dask.bag.Bag":
    """Prediction dicts (``docs/schema.md``) for a bag of texts or of ``{"id", "text"}`` dicts.

    Each element gives one dict, in order: ``Result.to_dict(id)``, or ``{"id": ...,
    "error": ...}`` for an element without a string text, as the CLI writes it. Save
    with ``.map(json.dumps).to_textfiles("out/*.jsonl")``.
    """
    _require_dask()
    # through getattr: Dask's methods are untyped, and may not be installed for mypy
    out: "dask.bag.Bag" = getattr(bag, "map_partitions")(_predict, config=config)
    return out


def _predict(docs: Iterable[Any], config: Optional[Config] = None) -> List[Dict[str, Any]]:
    out: List[Dict[str, Any]] = []
    for n, doc in enumerate(docs):
        doc_id: Optional[str] = None
        text = doc
        if isinstance(doc, dict):
            raw = doc.get("id")
            doc_id = None if raw is None else str(raw)
            text = doc.get("text")
        if not isinstance(text, str):
            out.append({"id": doc_id, "error": f"text is {type(text).__name__}, not a string"})
            continue
        out.append(extract(text, config=config).to_dict(doc_id))
    return out


def extract_dataframe(frame: "dask.dataframe.DataFrame", *, text: str = "text", id: Optional[str] = "id",
                      config: Optional[Config] = None) -> "dask.dataframe.DataFrame":
    """A dataframe of quotations, one row each, for a dataframe of documents.

    ``text`` and ``id`` name the columns holding them (``id=None``: the index). The
    columns are :data:`COLUMNS` (id, quote number, kind, span, text, speaker, source,
    cue, confidence, rule, error).
    """
    _require_dask()
    out: "dask.dataframe.DataFrame" = getattr(frame, "map_partitions")(
        quote_table, text=text, id=id, config=config, meta=empty_table())
    return out


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
    except ImportError:
        raise ImportError("quoteattr.contrib.dask needs Dask: pip install 'quoteattr[dask]'") from None
