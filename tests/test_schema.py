"""The JSON Schema shipped in the package (``quoteattr/data/schema.json``) describes
what ``Result.to_dict`` and ``quoteattr --format jsonl`` really write.

Validated with ``jsonschema`` (in the ``test`` extra). What a schema cannot say, that
every ``text`` is the input slice and every ``source`` id names an entry of
``sources``, is checked here by hand.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import hypothesis.strategies as st
import jsonschema
import pytest
from hypothesis import given

import quoteattr

# Passages written for this test (news and fiction shapes, an interrupted quotation,
# a continuation, a title, an organisation, a document, scare quotes, no quotes).
PASSAGES = [
    "“We will not back down,” Mayor Ana Ruiz said on Monday.",
    "“The bridge will open in May,” said Tom Okafor, the city engineer. "
    "“We are ahead of schedule.”",
    "“Close the window,” said Mara, “before the rain gets in.”",
    "“Prices will fall,” the central bank said on Tuesday. "
    "The bank's report called the rise “temporary”.",
    "Nurse Kim Lee said the ward was full.\n\n“We have no beds left,” Lee told reporters.",
    "According to a statement from the ministry, the talks will resume next week.",
    "The council called the plan a “bold step”. Nobody said anything else.",
    "",
    "No quotation marks here at all.",
]


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(resources.files("quoteattr").joinpath("data", "schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def check(validator: jsonschema.protocols.Validator, obj: dict, text: str) -> None:
    validator.validate(obj)
    # The same object must survive a JSON round trip (no tuples, no non-finite floats).
    assert json.loads(json.dumps(obj)) == obj
    ids = {s["id"] for s in obj["sources"]}
    assert len(ids) == len(obj["sources"])
    spans = []
    for q in obj["quotes"]:
        spans += q["parts"]
        spans += [x for x in (q["speaker"], q["cue"]) if x is not None]
        assert q["source"] is None or q["source"] in ids
    for s in obj["sources"]:
        spans += s["mentions"]
    for sp in spans:
        assert 0 <= sp["start"] <= sp["end"] <= len(text)
        assert text[sp["start"]:sp["end"]] == sp["text"]


@pytest.mark.parametrize("text", PASSAGES)
@pytest.mark.parametrize("config", [quoteattr.Config(), quoteattr.Config(include_scare_quotes=True)])
def test_to_dict_matches_schema(validator, text, config):
    result = quoteattr.extract(text, config=config)
    check(validator, result.to_dict("doc-1"), text)
    check(validator, result.to_dict(), text)
    check(validator, json.loads(result.to_json("doc-1")), text)


def test_passages_exercise_the_schema(validator):
    """The passages above are not all empty results: the schema is really tested."""
    dicts = [quoteattr.extract(t).to_dict() for t in PASSAGES]
    quotes = [q for d in dicts for q in d["quotes"]]
    assert any(len(q["parts"]) > 1 for q in quotes)
    assert any(q["speaker"] is not None and q["cue"] is not None for q in quotes)
    assert any(s["mentions"] for d in dicts for s in d["sources"])


_CHARS = st.sampled_from(list("ab Z.,:;\n\"'“”‘’«»—-") + ["said", " she ", " Ann Lee ", " told "])


@given(st.lists(_CHARS, max_size=40).map("".join))
def test_any_text_matches_schema(validator, text):
    check(validator, quoteattr.extract(text, config=quoteattr.Config(include_scare_quotes=True)).to_dict("x"), text)


def test_cli_jsonl_matches_schema(validator, tmp_path):
    lines = [{"id": f"p{n}", "text": t} for n, t in enumerate(PASSAGES)]
    path = tmp_path / "in.jsonl"
    body = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
    path.write_text(body + "\n{not json}\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--format", "jsonl", str(path)],
        capture_output=True, timeout=120, cwd=tmp_path,  # not the checkout: python -m puts cwd first
    )
    out = [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines()]
    assert len(out) == len(lines) + 1
    for obj, src in zip(out, lines):
        assert obj["id"] == src["id"]
        check(validator, obj, src["text"])
    validator.validate(out[-1])  # the unreadable line is reported, in the schema
    assert set(out[-1]) == {"id", "error"}
