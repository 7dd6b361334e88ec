"""Many documents, in order, streamed, on several cores.

Work goes to worker processes in batches (a few documents, or one large one), at
most two batches per worker in flight: the input is read only a little ahead of
the output, so an endless iterator of documents runs in constant memory. Results
come back in input order, and an error raised for one document surfaces at that
document's place, after every result before it.
"""

from __future__ import annotations

import collections
import functools
import os
import signal
from typing import Any, Callable, Deque, Iterable, Iterator, List, Optional, Tuple, TypeVar

from ._config import Config
from ._pipeline import extract
from ._records import Result

__all__ = ["extract_many", "imap"]

T = TypeVar("T")
R = TypeVar("R")

#: A batch closes when it holds this many characters or this many documents.
BATCH_CHARS = 256_000
BATCH_DOCS = 64
#: Batches in flight per worker: one being worked on, one waiting.
AHEAD = 2


def cores() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _workers(jobs: Optional[int]) -> int:
    if jobs is None or jobs == 0:
        return cores()
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be an int or None, not {type(jobs).__name__}")
    if jobs < 0:
        raise ValueError(f"jobs must be 1 or more (0 or None: one per core); got {jobs}")
    return jobs


def extract_many(
    texts: Iterable[str], *, config: Optional[Config] = None, jobs: Optional[int] = 1
) -> Iterator[Result]:
    """:func:`extract` every text of ``texts``; yields the results in input order.

    ``texts`` can be any iterable, also an endless generator: it is read only a
    little ahead of what has been yielded. ``jobs`` is the number of worker
    processes; 1 (the default) works in this process, ``None`` or 0 uses one per
    core. An item that is not a ``str`` raises ``TypeError`` at its place in the
    output. Stopping early (``break``) stops the workers.

    >>> for result in extract_many(["“Yes,” she said.", "No quotes here."]):
    ...     print(len(result.quotes))
    1
    0
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            f"extract_many() takes an iterable of str, not a single {type(texts).__name__}: "
            "use extract() for one text, or pass [text]"
        )
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"config must be a quoteattr.Config, not {type(config).__name__}")
    func = functools.partial(_extract_one, config=config)
    return imap(func, texts, jobs=jobs, size=_size)


def _extract_one(text: str, config: Optional[Config]) -> Result:
    if not isinstance(text, str):
        raise TypeError(f"extract_many() takes an iterable of str; got an item of type {type(text).__name__}")
    return extract(text, config=config)


def _size(item: object) -> int:
    return len(item) if isinstance(item, str) else 1


def imap(
    func: Callable[[T], R], items: Iterable[T], *, jobs: Optional[int] = 1,
    size: Callable[[T], int] = lambda _item: 1,
) -> Iterator[R]:
    """``map(func, items)`` on ``jobs`` processes, in order and streamed.

    ``func`` must pickle (a module-level function, or a ``functools.partial`` of
    one); ``size`` weighs an item for batching (characters of text).
    """
    n = _workers(jobs)
    if n == 1:
        return map(func, items)
    return _imap_pool(func, iter(items), n, size)


def _batches(items: Iterator[T], size: Callable[[T], int]) -> Iterator[List[T]]:
    batch: List[T] = []
    weight = 0
    for item in items:
        batch.append(item)
        weight += size(item)
        if weight >= BATCH_CHARS or len(batch) >= BATCH_DOCS:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


#: In a worker: an event the parent sets when nobody will read more results.
_STOP: Any = None


def _run_batch(func: Callable[[T], R], batch: List[T]) -> List[Tuple[bool, Any]]:
    """Every item's result, or the exception it raised (which the parent re-raises).

    Once the parent has stopped reading, the rest of the batch is dropped.
    """
    out: List[Tuple[bool, Any]] = []
    for item in batch:
        if _STOP is not None and _STOP.is_set():
            break
        try:
            out.append((True, func(item)))
        except Exception as exc:  # noqa: BLE001 - handed back to be raised in order
            out.append((False, exc))
    return out


def _init_worker(stop: Any) -> None:
    global _STOP
    # Ctrl-C reaches the whole process group; the parent decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STOP = stop


def _imap_pool(func: Callable[[T], R], items: Iterator[T], n: int, size: Callable[[T], int]) -> Iterator[R]:
    import multiprocessing  # slow to import: only when used
    from concurrent.futures import Future, ProcessPoolExecutor

    stop = multiprocessing.get_context().Event()
    pool = ProcessPoolExecutor(max_workers=n, initializer=_init_worker, initargs=(stop,))
    pending: Deque["Future[List[Tuple[bool, Any]]]"] = collections.deque()
    batches = _batches(items, size)
    clean = False
    try:
        for batch in batches:
            pending.append(pool.submit(_run_batch, func, batch))
            while len(pending) >= n * AHEAD:
                yield from _unpack(pending.popleft().result())
        while pending:
            yield from _unpack(pending.popleft().result())
        clean = True
    finally:
        if not clean:
            # interrupted or abandoned: the workers finish the document at hand and
            # drop the rest. (Terminating them instead can cut a result short in the
            # pipe, and the pool's reader thread then waits for its end for ever.)
            stop.set()
            for fut in pending:
                fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _unpack(results: List[Tuple[bool, Any]]) -> Iterator[Any]:
    for ok, value in results:
        if not ok:
            raise value
        yield value
