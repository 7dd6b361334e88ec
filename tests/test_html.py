"""The HTML view: well-formed markup over any spans, the text shown unchanged and
escaped, and what a real browser shows (skipped where no Chromium is installed)."""

from __future__ import annotations

import html
import html.parser
import os
import shutil
import subprocess
import sys
from collections import Counter
from typing import Dict, List, Optional, Tuple

import hypothesis.strategies as st
import pytest
from hypothesis import given

import quoteattr
from quoteattr import _html

# Written for this test: two speakers, an interrupted quotation (the speaker and cue sit
# between its parts), a continuation, and a paragraph of markup that must stay text.
PASSAGE = (
    "“We will not back down,” Mayor Ana Ruiz said on Monday. “The bridge stays open.”\n\n"
    "“Close the road,” said Tom Okafor, “before the river rises.”\n\n"
    "<script>document.body.setAttribute('data-pwned', '1')</script> "
    "<img src=x onerror=\"document.body.setAttribute('data-pwned', '2')\"> & done."
)

VOID = {"meta", "img", "br", "link", "input", "hr"}


class Tree(html.parser.HTMLParser):
    """Checks nesting, collects elements with their attributes and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: List[Tuple[str, Dict[str, Optional[str]]]] = []
        self.errors: List[str] = []
        self.elements: List[Tuple[str, Dict[str, Optional[str]], List[str]]] = []
        self._open: List[List[str]] = []
        self.text_div: List[str] = []
        self.covered: Dict[str, set] = {}  # class -> offsets into the text div it covers

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in VOID:
            self.elements.append((tag, a, []))
            return
        self.stack.append((tag, a))
        buf: List[str] = []
        self._open.append(buf)
        self.elements.append((tag, a, buf))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        self._open.pop()

    def handle_data(self, data):
        for buf in self._open:
            buf.append(data)
        if any(t == "div" and a.get("class") == "text" for t, a in self.stack):
            at = sum(map(len, self.text_div))
            for _, a in self.stack:
                for cls in (a.get("class") or "").split():
                    self.covered.setdefault(cls, set()).update(range(at, at + len(data)))
            self.text_div.append(data)

    def find(self, tag: str, cls: Optional[str] = None):
        return [(a, "".join(b)) for t, a, b in self.elements
                if t == tag and (cls is None or cls in (a.get("class") or "").split())]


def parse(page: str) -> Tree:
    t = Tree()
    t.feed(page)
    t.close()
    assert not t.errors, t.errors
    assert not t.stack, t.stack
    return t


def test_page_is_well_formed_and_shows_the_text():
    result = quoteattr.extract(PASSAGE)
    page = _html.render_html(PASSAGE, result, title="A <test> page")
    tree = parse(page)
    assert "".join(tree.text_div) == PASSAGE
    assert not tree.find("script") and not [e for e in tree.find("img")]
    assert "<title>A &lt;test&gt; page</title>" in page
    marks = tree.find("mark")[1:]  # the first is the legend's sample
    assert len(marks) == sum(len(q.parts) for q in result.quotes)
    for q in result.quotes:
        for p in q.parts:
            assert any(body == p.text and q.rule in (a["title"] or "") for a, body in marks)


def test_page_is_self_contained():
    page = _html.render_html(PASSAGE, quoteattr.extract(PASSAGE))
    lower = page.lower()
    for needle in ("http:", "https:", "//", "<link", "<script", "@import", "url("):
        assert needle not in lower.replace(html.escape("//"), ""), needle


def test_unwritable_characters_are_replaced():
    text = "“Fine,\ud800” said Jo.\x00\x0b"
    page = _html.render_html(text, quoteattr.extract(text))
    page.encode("utf-8")
    assert "\x00" not in page and "\x0b" not in page


@st.composite
def text_and_elements(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\n“”")), max_size=30))
    kinds = st.sampled_from(["mark", "mention", "cue"])
    els = []
    for _ in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, len(text)))
        e = draw(st.integers(s, len(text)))
        k = draw(kinds)
        els.append(_html._Element(s, e, k, "mark" if k == "mark" else "span", {"class": k, "title": "<x&y>"}))
    return text, els


@given(text_and_elements())
def test_any_spans_give_well_formed_markup(case):
    """Nested, crossing, shared and empty spans: still balanced, text unchanged."""
    text, els = case
    tree = parse(f'<div class="text">{_html._markup(text, els)}</div>')
    assert "".join(tree.text_div) == text
    # Each kind of element covers exactly its spans, whatever pieces they were cut in.
    for kind in ("mark", "mention", "cue"):
        want = {i for el in els if el.kind == kind for i in range(el.start, el.end)}
        assert tree.covered.get(kind, set()) == want


@given(st.lists(st.sampled_from(list("ab .,\n\"“”‘’<&") + ["said ", "Ann Lee ", "she "]), max_size=40).map("".join))
def test_any_text_renders(text):
    result = quoteattr.extract(text, config=quoteattr.Config(include_scare_quotes=True))
    tree = parse(_html.render_html(text, result))
    assert "".join(tree.text_div) == text


def test_cli_html_one_section_per_document(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "one", "text": "“Hi,” said Jo."}\n{oops\n{"id": "two", "text": "No quotes."}\n',
                    encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "--format", "html", str(path)],
                          capture_output=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1  # one line could not be read; the others are shown
    tree = parse(proc.stdout.decode("utf-8"))
    assert [b for _, b in tree.find("h2")] == ["one", "line2", "two"]
    assert [a["id"] for a, _ in tree.find("section", "document") if a.get("id")] == ["doc1", "doc3"]


# -- In a real browser ---------------------------------------------------------------

def _browser() -> Optional[str]:
    for name in (os.environ.get("QUOTEATTR_CHROMIUM", ""), "chromium", "chromium-browser",
                 "google-chrome", "google-chrome-stable"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def dump_dom(path, tmp_path) -> str:
    exe = _browser()
    if exe is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    profile = tmp_path / f"profile-{path.stem}"
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--dump-dom", path.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, timeout=90)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    return proc.stdout.decode("utf-8")


def test_browser_runs_scripts_at_all(tmp_path):
    """The control: the same attack in a page that does not escape it works, so the
    test below would see it if the view let it through."""
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><html><body><div>{PASSAGE}</div></body></html>", encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    body = [a for t, a, _ in parse_loose(dom) if t == "body"][0]
    assert body.get("data-pwned") in ("1", "2")


def parse_loose(dom: str):
    t = Tree()
    t.feed(dom)
    return t.elements


def test_browser_shows_the_view(tmp_path):
    src = tmp_path / "article.txt"
    src.write_text(PASSAGE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "--format", "html", str(src)],
                          capture_output=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    page = tmp_path / "article.html"
    page.write_bytes(proc.stdout)
    dom = dump_dom(page, tmp_path)
    tree = Tree()
    tree.feed(dom)
    result = quoteattr.extract(PASSAGE)

    body = [a for t, a, _ in tree.elements if t == "body"][0]
    assert "data-pwned" not in body, "a script from the text ran"
    assert not [a for t, a, _ in tree.elements if t in ("script", "img")]
    shown = "".join(tree.text_div)
    assert shown == PASSAGE  # the markup in the text is shown as text, unchanged

    # Every quotation part is a mark whose hover names its rule and confidence.
    marks = [(a, b) for a, b in tree.find("mark") if a.get("data-quote")]
    assert len(marks) == sum(len(q.parts) for q in result.quotes)
    for n, q in enumerate(result.quotes, 1):
        mine = [(a, b) for a, b in marks if a["data-quote"] == str(n)]
        assert [b for _, b in mine] == [p.text for p in q.parts]
        assert all(q.rule in a["title"] and f"{q.confidence:.2f}" in a["title"] for a, _ in mine)
    speakers = [b for a, b in tree.find("span", "speaker")]
    distinct = {(q.speaker.start, q.speaker.end): q.speaker.text for q in result.quotes if q.speaker}
    assert sorted(speakers) == sorted([*distinct.values(), "speaker"])  # "speaker": the legend's sample
    assert len(tree.find("span", "cue")) >= 1

    # The legend: one row per source with its count of quotations.
    counts = Counter(q.source.name for q in result.quotes if q.source is not None)
    rows = {}
    for a, b in tree.find("li", "source"):
        name = b.split(" (")[0].split(" \N{EM DASH}")[0]
        rows[name] = int(b.rsplit("\N{EM DASH} ", 1)[1].split()[0])
    assert {k: v for k, v in rows.items() if k != "no source"} == dict(counts)
    # The robust part of the passage, whatever the rules become.
    assert any("Ana Ruiz" in k for k in rows) and any("Okafor" in k for k in rows)
