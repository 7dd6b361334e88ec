"""The spaCy component (``pip install quoteattr[spacy]``), on a blank English pipeline:
no model to download. Skipped when spaCy is not installed."""

import pathlib
import pickle
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings

spacy = pytest.importorskip("spacy")

import quoteattr  # noqa: E402
from quoteattr.strategies import quoted_passages  # noqa: E402

PASSAGE = (
    "“The bridge will open in May,” said Tom Okafor, the city engineer. "
    "Ana Ruiz, the mayor, disagreed. “It will not open before June,” she said, "
    "“and maybe not this year.”"
)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    return nlp


def test_add_pipe_works_through_the_entry_point_alone():
    # A fresh interpreter that never imports quoteattr: spaCy must find the factory
    # through the spacy_factories entry point of the installed package.
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('quoteattr')\n"
        "doc = nlp('“We will win,” Ana Ruiz said.')\n"
        "print([(q.text, q._.speaker.text) for q in doc._.quotes])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[('“We will win,”', 'Ana Ruiz')]"


def test_quotes_are_the_records_of_extract(nlp):
    doc = nlp(PASSAGE)
    result = quoteattr.extract(PASSAGE)
    assert doc._.quoteattr == result
    assert len(doc._.quotes) == len(result.quotes) > 0
    for span, quote in zip(doc._.quotes, result.quotes):
        assert isinstance(span, spacy.tokens.Span)
        assert span._.quote == quote
        assert (span.start_char, span.end_char) == (quote.span.start, quote.span.end)
        assert [p.text for p in span._.parts] == [p.text for p in quote.parts]
        assert span._.speaker.text == quote.speaker.text
        assert span._.cue.text == quote.cue.text
        assert span._.source == quote.source


def test_a_split_quotation_is_one_span_with_two_parts(nlp):
    doc = nlp("“Close the window,” said Mara Lindqvist, “before the rain gets in.”")
    (quote,) = doc._.quotes
    assert quote.text == doc.text
    assert [p.text for p in quote._.parts] == ["Close the window,", "before the rain gets in."]
    assert quote._.speaker.text == "Mara Lindqvist"
    assert quote._.source.name == "Mara Lindqvist"


def test_spans_that_are_not_quotations_answer_none(nlp):
    doc = nlp(PASSAGE)
    other = doc[0:3]
    assert other._.quote is None
    assert other._.speaker is None and other._.cue is None and other._.source is None
    assert other._.parts == []


def test_a_doc_the_component_did_not_see_has_no_quotes(nlp):
    blank = spacy.blank("en")
    doc = blank("“We will win,” Ana Ruiz said.")
    assert doc._.quotes == []
    assert doc._.quoteattr is None


def test_offsets_inside_a_token_expand_to_whole_tokens(nlp):
    # The blank English tokenizer keeps "said:“We" as one token; the quotation
    # starts inside it, so its span takes the whole token.
    text = "He said:“We will win.”"
    doc = nlp(text)
    assert "said:“We" in [t.text for t in doc]
    (record,) = doc._.quoteattr.quotes
    (quote,) = doc._.quotes
    assert record.span.text == "“We will win.”"
    assert quote.text == "said:“We will win.”"
    assert quote._.quote == record  # the record keeps the exact characters
    assert quote._.parts[0].text == "said:“We will win."


def test_config_options_pass_through():
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr", config={"include_scare_quotes": True, "min_confidence": 0.0})
    text = "The “reform” passed on Monday."
    assert quoteattr.extract(text).quotes == ()
    assert [q._.quote.rule for q in nlp(text)._.quotes] == ["scare-quote"]
    with pytest.raises(ValueError, match="genre must be one of"):
        spacy.blank("en").add_pipe("quoteattr", config={"genre": "poetry"})


def test_the_result_survives_serialisation(nlp):
    doc = nlp(PASSAGE)
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.quoteattr == doc._.quoteattr
    assert [q.text for q in again._.quotes] == [q.text for q in doc._.quotes]
    assert pickle.loads(pickle.dumps(doc))._.quoteattr == doc._.quoteattr
    stored = spacy.tokens.DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (loaded,) = spacy.tokens.DocBin().from_bytes(stored).get_docs(nlp.vocab)
    assert loaded._.quoteattr == doc._.quoteattr


def test_the_result_comes_back_from_worker_processes(nlp):
    texts = [PASSAGE, "“Go,” said Tom Okafor."]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d._.quoteattr for d in docs] == [quoteattr.extract(t) for t in texts]


def test_the_spacy_page_example_runs():
    page = pathlib.Path(__file__).resolve().parent.parent / "docs" / "spacy.md"
    blocks = re.findall(r"^```python\n(.*?)^```", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, str(page), "exec"), {"__name__": "docs_spacy"})


@settings(max_examples=30)
@given(quoted_passages())
def test_drawn_passages_through_spacy(nlp, passage):
    text, expected = passage
    doc = nlp(text)
    assert len(doc._.quotes) == len(expected)
    for span, e in zip(doc._.quotes, expected):
        # Drawn passages put spaces around names, so these align without expanding.
        assert span._.speaker.text == e.speaker.text
        assert [p.text for p in span._.parts] == [p.text for p in e.parts]


def test_running_the_component_again_replaces_the_result():
    text = "The “reform” passed. “We will win,” Ana Ruiz said."
    plain = spacy.blank("en")
    plain.add_pipe("quoteattr")
    scare = spacy.blank("en")
    scare.add_pipe("quoteattr", config={"include_scare_quotes": True})
    doc = plain(text)
    assert [q.text for q in doc._.quotes] == ["“We will win,”"]
    scare.get_pipe("quoteattr")(doc)
    assert [q.text for q in doc._.quotes] == ["“reform”", "“We will win,”"]
    assert doc._.quotes[0]._.quote.rule == "scare-quote"


def test_an_extension_name_taken_by_something_else_is_an_error(nlp):
    from spacy.tokens import Span

    Span.remove_extension("cue")
    Span.set_extension("cue", default="someone else's")
    try:
        with pytest.raises(ValueError, match=r"Span\._\.cue is already registered.*remove_extension"):
            spacy.blank("en").add_pipe("quoteattr")
    finally:
        Span.remove_extension("cue")
        spacy.blank("en").add_pipe("quoteattr")  # registers it again
    assert nlp(PASSAGE)._.quotes[0]._.cue.text == "said"


def test_a_saved_pipeline_loads_with_its_options(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr", config={"include_indirect": False})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["quoteattr"]
    assert loaded.get_pipe("quoteattr").config == quoteattr.Config(include_indirect=False)
    assert loaded("Ana Ruiz said that the plan is working.")._.quotes == []
