"""Quotations as table rows: one row per quotation, for pandas, Dask and Spark.

:func:`quote_rows` works on plain Python data and needs nothing installed;
:func:`quote_table` turns a pandas DataFrame of documents into a DataFrame of
quotations, the shape that Dask's ``map_partitions`` and Spark's ``mapInPandas``
expect (pandas is imported only when it is called).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Tuple

from .._config import Config
from .._pipeline import extract

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["COLUMNS", "quote_rows", "quote_table"]

#: The columns of a quotation row, with their types (pandas dtypes; for Spark
#: ``SPARK_SCHEMA``). ``start``/``end`` are the quotation's span (marks included),
#: ``text`` its content (parts joined by a space); ``error`` is set, and every other
#: column empty, on a row standing for a document that could not be read.
COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("id", "object"),
    ("quote", "int64"),
    ("kind", "object"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "object"),
    ("speaker", "object"),
    ("source", "object"),
    ("source_kind", "object"),
    ("cue", "object"),
    ("confidence", "float64"),
    ("rule", "object"),
    ("error", "object"),
)

#: The same columns as a Spark SQL schema string (for ``mapInPandas``).
SPARK_SCHEMA = (
    "id string, quote long, kind string, start long, end long, text string, speaker string, "
    "source string, source_kind string, cue string, confidence double, rule string, error string"
)


def quote_rows(docs: Iterable[Tuple[Any, Any]], *, config: Optional[Config] = None) -> Iterator[Dict[str, Any]]:
    """One dict per quotation of every ``(id, text)`` pair, in order.

    A text that is not a ``str`` (a missing value, a number) gives one row with
    ``error`` set instead of stopping the partition.
    """
    for doc_id, text in docs:
        if not isinstance(text, str):
            yield _row(doc_id, error=f"text is {type(text).__name__}, not a string")
            continue
        result = extract(text, config=config)
        for n, q in enumerate(result.quotes):
            yield _row(
                doc_id, quote=n, kind=q.kind, start=q.span.start, end=q.span.end, text=q.text,
                speaker=q.speaker.text if q.speaker else None,
                source=q.source.name if q.source else None,
                source_kind=q.source.kind if q.source else None,
                cue=q.cue.text if q.cue else None, confidence=q.confidence, rule=q.rule,
            )


def _row(doc_id: Any, **values: Any) -> Dict[str, Any]:
    row: Dict[str, Any] = {name: None for name, _ in COLUMNS}
    row["id"] = None if doc_id is None else str(doc_id)
    row.update(values)
    for name, dtype in COLUMNS:
        if row[name] is None and dtype == "int64":
            row[name] = -1
        elif row[name] is None and dtype == "float64":
            row[name] = float("nan")
    return row


def empty_table() -> "pandas.DataFrame":
    """A DataFrame with the columns and types of :func:`quote_table`, and no rows."""
    import pandas

    return pandas.DataFrame({name: pandas.Series([], dtype=dtype) for name, dtype in COLUMNS})


def quote_table(frame: "pandas.DataFrame", *, text: str = "text", id: Optional[str] = "id",
                config: Optional[Config] = None) -> "pandas.DataFrame":
    """The quotations of the documents of ``frame`` (columns ``text`` and ``id``).

    Without an id column (``id=None``) the frame's index stands for the id.
    """
    import pandas

    ids = frame.index if id is None else frame[id]
    rows: List[Dict[str, Any]] = list(quote_rows(zip(ids, frame[text]), config=config))
    if not rows:
        return empty_table()
    out = pandas.DataFrame(rows, columns=[name for name, _ in COLUMNS])
    return out.astype({name: dtype for name, dtype in COLUMNS})
