"""quoteattr over Dask bags and dataframes, on the local scheduler, and the pandas rows Spark uses."""

import json

import pytest

import quoteattr
from quoteattr.contrib.frames import COLUMNS, quote_rows

DOCS = [
    {"id": "a", "text": "“We will not back down,” Mayor Ana Ruiz said on Monday."},
    {"id": "b", "text": "Nothing was said here."},
    {"id": "c", "text": "“It is late,” Tom Okafor said. “But it is safe.”"},
    {"id": "d", "text": None},
]


def _expected_ids():
    out = []
    for d in DOCS:
        n = len(quoteattr.extract(d["text"]).quotes) if isinstance(d["text"], str) else 1
        out += [d["id"]] * n
    return out


def test_rows_without_any_extra():
    rows = list(quote_rows([(d["id"], d["text"]) for d in DOCS]))
    assert [r["id"] for r in rows] == _expected_ids()
    assert "c" in _expected_ids()
    assert all(set(r) == {name for name, _ in COLUMNS} for r in rows)
    assert rows[0]["source"] == "Ana Ruiz" and rows[0]["rule"].startswith("direct.")
    assert rows[-1]["error"] == "text is NoneType, not a string" and rows[-1]["quote"] == -1


@pytest.mark.parametrize("scheduler", ["sync", "threads", "processes"])
def test_bag_matches_extract(scheduler):
    db = pytest.importorskip("dask.bag")
    from quoteattr.contrib.dask import extract_bag

    bag = db.from_sequence(DOCS + ["“Hi,” he said."], npartitions=3)
    got = extract_bag(bag).compute(scheduler=scheduler)
    want = [quoteattr.extract(d["text"]).to_dict(d["id"]) for d in DOCS[:3]]
    assert got[:3] == want
    assert got[3] == {"id": "d", "error": "text is NoneType, not a string"}
    assert got[4] == quoteattr.extract("“Hi,” he said.").to_dict()
    assert [json.loads(json.dumps(x)) for x in got] == got


def test_bag_to_jsonl_files(tmp_path):
    db = pytest.importorskip("dask.bag")
    from quoteattr.contrib.dask import extract_bag

    bag = db.from_sequence(DOCS[:3], npartitions=2)
    extract_bag(bag).map(json.dumps).to_textfiles(str(tmp_path / "out-*.jsonl"))
    lines = [json.loads(x) for p in sorted(tmp_path.glob("out-*.jsonl")) for x in p.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a", "b", "c"]


def test_dataframe_one_row_per_quotation():
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from quoteattr.contrib.dask import extract_dataframe

    frame = dd.from_pandas(pd.DataFrame(DOCS), npartitions=2)
    out = extract_dataframe(frame).compute(scheduler="sync")
    assert list(out.columns) == [name for name, _ in COLUMNS]
    assert list(out["id"]) == _expected_ids()
    assert list(out["quote"])[-1] == -1
    assert out["confidence"].dtype == "float64"
    text = DOCS[0]["text"]
    first = out.iloc[0]
    assert text[first["start"]:first["end"]].startswith("“We will")


def test_dataframe_with_other_columns_and_no_quotes():
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from quoteattr.contrib.dask import extract_dataframe

    pdf = pd.DataFrame({"body": ["No quotes.", "None at all."]}, index=["x", "y"])
    out = extract_dataframe(dd.from_pandas(pdf, npartitions=1), text="body", id=None).compute(scheduler="sync")
    assert len(out) == 0 and list(out.columns) == [name for name, _ in COLUMNS]


def test_quote_table_is_what_spark_map_in_pandas_calls():
    pd = pytest.importorskip("pandas")
    from quoteattr.contrib.frames import SPARK_SCHEMA, quote_table

    batches = [pd.DataFrame(DOCS[:2]), pd.DataFrame(DOCS[2:])]
    out = pd.concat([quote_table(b) for b in batches])
    assert list(out["id"]) == _expected_ids()
    assert [c.split()[0] for c in SPARK_SCHEMA.split(", ")] == list(out.columns)
