"""extract_many: same results as extract, in order, streamed; records pickle and go through JSON."""

import itertools
import json
import pickle

import pytest

import quoteattr
from quoteattr import _parallel

PASSAGES = [
    "“We will not back down,” Mayor Ana Ruiz said on Monday.",
    "Nobody was quoted in this one.",
    "The minister said the talks would resume. “It is a good start,” she added.",
    "Tom Okafor told reporters: “The bridge opens in May.”",
    "",
    "“Run,” he whispered. “Now.”\n\n“Where?” asked Jo.",
]


def _docs(n):
    return [f"{PASSAGES[k % len(PASSAGES)]} ({k})" for k in range(n)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_same_results_in_order(jobs):
    docs = _docs(40)
    got = list(quoteattr.extract_many(docs, jobs=jobs))
    assert got == [quoteattr.extract(d) for d in docs]


def test_config_reaches_the_workers():
    config = quoteattr.Config(include_scare_quotes=True)
    docs = ["He called it a “coinage” of sorts."] * 3
    got = list(quoteattr.extract_many(docs, config=config, jobs=2))
    assert got == [quoteattr.extract(d, config=config) for d in docs]


class _Counting:
    """An endless source of documents that counts how many were taken."""

    def __init__(self):
        self.taken = 0

    def __iter__(self):
        for k in itertools.count():
            self.taken += 1
            yield PASSAGES[k % len(PASSAGES)]


def test_streams_in_process():
    src = _Counting()
    it = quoteattr.extract_many(src)
    next(it)
    assert src.taken == 1


def test_streams_with_workers():
    src = _Counting()
    it = quoteattr.extract_many(src, jobs=2)
    first = list(itertools.islice(it, 3))
    assert len(first) == 3
    # read ahead: at most the batches in flight and the one being filled
    assert src.taken <= (2 * _parallel.AHEAD + 1) * _parallel.BATCH_DOCS
    it.close()  # stops the workers


_STOP_EARLY = """
import multiprocessing, quoteattr
quoteattr._parallel.BATCH_CHARS = 20_000
docs = ["“Yes,” she said. " * 300] * 400  # results far larger than a pipe's buffer
for _ in range(10):
    it = quoteattr.extract_many(docs, jobs=2)
    next(it)
    it.close()
    assert multiprocessing.active_children() == []
print("ok")
"""


def test_stopping_early_ends_the_workers_again_and_again():
    """Regression: stopping while a worker was writing its results could cut a result
    short in the pipe, and the pool's reader then waited for the rest for ever (the CLI
    hung on Ctrl-C). Run apart, so that a hang fails the test instead of stalling it."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", _STOP_EARLY], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    assert proc.stdout.strip() == b"ok"


def test_large_documents_are_batched_alone():
    docs = ["“Yes,” she said. " * 2000] * 3  # 34 KB each
    assert list(quoteattr.extract_many(docs, jobs=2)) == [quoteattr.extract(docs[0])] * 3


@pytest.mark.parametrize("jobs", [1, 2])
def test_wrong_item_raises_at_its_place(jobs):
    it = quoteattr.extract_many(["“Yes,” she said.", b"bytes", "more"], jobs=jobs)
    assert len(next(it).quotes) == 1
    with pytest.raises(TypeError, match="bytes"):
        next(it)


@pytest.mark.parametrize("bad", ["one text", b"one text"])
def test_a_single_text_is_refused(bad):
    with pytest.raises(TypeError, match="use extract"):
        quoteattr.extract_many(bad)


def test_wrong_config_and_jobs():
    with pytest.raises(TypeError, match="Config"):
        quoteattr.extract_many([], config={"genre": "news"})
    with pytest.raises(ValueError, match="jobs"):
        list(quoteattr.extract_many([], jobs=-1))
    with pytest.raises(TypeError, match="str"):
        list(quoteattr.extract_many([], jobs="2"))


def test_all_cores_and_empty_input():
    assert list(quoteattr.extract_many([], jobs=None)) == []
    assert list(quoteattr.extract_many(iter(["a", "b"]), jobs=0)) == [quoteattr.extract("a"), quoteattr.extract("b")]


@pytest.mark.parametrize("text", PASSAGES)
def test_records_pickle_and_go_through_json(text):
    result = quoteattr.extract(text)
    assert pickle.loads(pickle.dumps(result)) == result
    for q in result.quotes:
        assert pickle.loads(pickle.dumps(q)) == q
    assert json.loads(result.to_json("d")) == result.to_dict("d")
    assert json.loads(json.dumps(result.to_dict())) == result.to_dict()
