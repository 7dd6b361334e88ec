"""Any str in, a result with valid offsets out, in time linear in the input.

- Strange but valid text (lone surrogates, NUL, right-to-left and combining marks,
  CRLF, NBSP, zero-width joiners, one very long line) gives spans that are exact
  slices of the input; anything but ``str`` raises ``TypeError`` naming its type.
- Hostile texts (only quote marks, deep nesting, "said" repeated, ...) cost time
  linear in their length: eight times the input may cost at most 24 times the time
  (linear is 8, quadratic 64), best of a few runs, so a busy machine does not fail
  it. Every compiled pattern of the package gets the same check on its own, which
  is what catches catastrophic backtracking.
- Tests marked ``slow`` (``pytest -m slow``) run the property tests with the "slow"
  Hypothesis profile and a 10 MB line; they are skipped otherwise.
"""

import importlib
import inspect
import pkgutil
import time

import hypothesis
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import quoteattr
from quoteattr._lazyregex import LazyPattern
from strategies import all_spans

# -- helpers -----------------------------------------------------------------------


def check_offsets(text, result):
    for sp in all_spans(result):
        assert 0 <= sp.start <= sp.end <= len(text), sp
        assert text[sp.start:sp.end] == sp.text, sp
    for q in result.quotes:
        assert 0.0 <= q.confidence <= 1.0
        assert q.source is None or q.source in result.sources


@pytest.fixture(scope="module")  # not per test: Hypothesis refuses function-scoped fixtures
def slow_only(request):
    if "slow" not in (request.config.getoption("-m") or ""):
        pytest.skip("slow: run with pytest -m slow")


# -- any str --------------------------------------------------------------------------

STRANGE = {
    "lone surrogates": "“Yes \ud800 no,” she said \udfff.",
    "NUL": "“Stop\x00 now,” he said.\x00\x00",
    "right-to-left": "\u201cلن نتراجع\u201d، قال الوزير. \u05d0\u05de\u05e8 \u201c\u05db\u05df\u201d \u202eabc\u202c",
    "combining marks": "“Cafe\u0301 ope\u0301ns,” said Jose\u0301 Nun\u0303ez.\u0301\u0301",
    "CRLF": "Intro.\r\n\r\n“We are ready,” said Ana Ruiz.\r\n“Good,” he said.\r\n",
    "lone CR": "“One,” she said.\r“Two,” he said.\r",
    "NBSP": "“We\u00a0will\u00a0win,”\u00a0said\u00a0Ana\u00a0Ruiz.\u202f“Yes.”",
    "zero-width": "“Go\u200d now,”\u200b said\u200c Jo\ufeff.\u2060",
    "line and paragraph separators": "“A,” said Bo.\u2028“B,” said Cy.\u2029“C.”\x85“D.”",
    "only marks": "\"'“”‘’«»‹›„‚「」『』`",
    "empty": "",
    "space": " \n\t ",
    "emoji": "“👍🏽 fine,” said 👩‍👩‍👧. “🇫🇷!”",
}


@pytest.mark.parametrize("name", sorted(STRANGE))
def test_strange_text_gives_valid_offsets(name):
    text = STRANGE[name]
    config = quoteattr.Config(include_scare_quotes=True)
    check_offsets(text, quoteattr.extract(text, config=config))
    check_offsets(text, quoteattr.extract(text))


def test_a_long_single_line():
    text = ("“We will win,” Mayor Ana Ruiz said, and the council agreed. " * 5000)[:300_000]
    check_offsets(text, quoteattr.extract(text))


@pytest.mark.parametrize("bad", [b"bytes", bytearray(b"x"), None, 3, ["a list"], memoryview(b"x")])
def test_wrong_types_name_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        quoteattr.extract(bad)


class MyStr(str):
    pass


def test_str_subclass_is_fine():
    text = MyStr("“Yes,” she said.")
    check_offsets(text, quoteattr.extract(text))


_ANY_CHAR = st.characters(blacklist_categories=())  # includes surrogates and controls
_TEXTY = st.lists(
    st.sampled_from(["“", "”", "‘", "’", '"', "'", "«", "»", "„", " ", "\n", "\r\n", "\n\n", ".", ",", ":",
                     "—", "said", " she ", " Ann Lee ", "told", "Mr.", "according to", "that"]) | _ANY_CHAR,
    max_size=80,
).map("".join)


@given(st.text(_ANY_CHAR) | _TEXTY)
def test_any_str_gives_valid_offsets(text):
    check_offsets(text, quoteattr.extract(text, config=quoteattr.Config(include_scare_quotes=True)))


@pytest.mark.slow
@hypothesis.settings(hypothesis.settings.get_profile("slow"))
@given(st.text(_ANY_CHAR, max_size=400) | _TEXTY)
def test_any_str_gives_valid_offsets_slow(slow_only, text):
    check_offsets(text, quoteattr.extract(text, config=quoteattr.Config(include_scare_quotes=True)))
    assert quoteattr.extract(text) == quoteattr.extract(text)  # deterministic


@pytest.mark.slow
def test_a_10_mb_single_line(slow_only):
    text = ("“We will win,” Mayor Ana Ruiz said, and the council agreed. " * 170_000)[:10_000_000]
    check_offsets(text, quoteattr.extract(text))


# -- linear time on hostile input -------------------------------------------------


def _cycle(unit, n):
    return (unit * (n // len(unit) + 1))[:n]


def _nesting(n):
    k = max(1, n // 6)
    opened = "".join("“‘«„「"[i % 5] + "a " for i in range(k))
    closed = "".join(" a" + "”’»“」"[(k - 1 - i) % 5] for i in range(k))
    return (opened + closed)[:n]


_SENTENCES = ("“We will not back down,” Mayor Ana Ruiz said on Monday. The council met again. "
              "Tom Okafor, the city engineer, told reporters that the bridge would open in May. "
              "“It is late,” he added, “but it is safe.” According to the ministry, costs rose. ")

HOSTILE = {
    "only quote marks": lambda n: _cycle("\"'“”‘’«»‹›„‚「」『』`", n),
    "spaced quote marks": lambda n: _cycle("\" ' “ ” ‘ ’ « » ‹ › „ ‚ 「 」 ` ", n),
    "marks and words": lambda n: _cycle("“a ”b ‘c ’d «e »f \"g 'h ", n),
    "one endless paragraph": lambda n: _cycle(_SENTENCES, n),
    "one endless sentence": lambda n: _cycle("“We will win,” Mayor Ana Ruiz said, and the council agreed that ", n),
    "dots": lambda n: "." * n,
    "said before spaces": lambda n: "Ana Ruiz said" + " " * n + "that it rained.",
    "many paragraphs": lambda n: _cycle(_SENTENCES.replace(". ", ".\n"), n),
    "apostrophes": lambda n: _cycle("don't ' the students' 'tis O'Neil ’90s rock 'n' roll ' ", n),
    "deep nesting": _nesting,
    "said repeated": lambda n: "“Yes,” " + _cycle("said ", n - 7),
    "Said, quoted": lambda n: _cycle("“Said,” said Said, “said.” ", n),
    "unclosed mark per line": lambda n: _cycle("“He said the vote was close, she said\n", n),
    "names": lambda n: _cycle("Ana Bo Cy De Mr. Ed Fo ", n),
    "commas": lambda n: _cycle(", ", n),
    "dashes": lambda n: _cycle("— ", n),
    "one word": lambda n: "x" * n,
    # a novel's dialogue about a person of unknown sex: the sex is asked for at every
    # pronoun (a regression: it once read all of the person's names each time)
    "dialogue, a name of unknown sex": lambda n: _cycle(
        "Orlov came in and Vesk looked up.\n\n“Is it late?” he asked.\n\n“Nearly,” he said. Orlov sat down.\n\n", n),
    # kinship and role tags among people with a rank that gives no sex ("Dr.", "Captain"):
    # a regression: each tag once read every title of every person met so far
    "kin tags among ranked names": lambda n: _cycle(
        "Mrs. Pell came in with Dr. Wren.\n\n“Is it late?” said her aunt.\n\n“Nearly,” said the doctor. "
        "Captain Orme sat down.\n\n", n),
}


def _best(func, arg, runs):
    """The least CPU time of a few runs: CPU time, not wall time, so that other
    processes busy on the machine do not make a linear input look slow."""
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        func(arg)
        best = min(best, time.process_time() - t)
    return best


def _grows_linearly(func, make, small):
    """Eight times the input costs at most 24 times the time (or too little to tell)."""
    a = _best(func, make(small), 3)
    b = _best(func, make(8 * small), 2)
    return b < 0.03 or b / max(a, 1e-6) < 24, (a, b)


# Known to be slower than linear, in the stage named: strict, so a fix is noticed.
KNOWN_SLOW: dict = {}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_SLOW[n], strict=True)) if n in KNOWN_SLOW else n
    for n in sorted(HOSTILE)
])
def test_hostile_input_is_linear(name):
    make = HOSTILE[name]
    check_offsets(make(3000), quoteattr.extract(make(3000)))
    ok, (a, b) = _grows_linearly(quoteattr.extract, make, 4000)
    if not ok:  # once more, in case the machine was busy
        ok, (a, b) = _grows_linearly(quoteattr.extract, make, 4000)
    assert ok, f"{name}: 4000 chars {a:.4f} s, 32000 chars {b:.4f} s"


# one endless paragraph of a novel's dialogue, read as fiction: a regression, each untagged
# quotation once looked at all the paragraph's narration (the beat rules) or all of its
# "sentence" before it (the context and fragment rules), so time grew with the square of
# the paragraph
HOSTILE_FICTION = {
    "quotations with no stop between": lambda n: _cycle("“a” ", n),
    "quotations and beats with no subject": lambda n: _cycle("“Yes.” Ran. ", n),
    "quotations and a verb with no stop": lambda n: _cycle("“Hi!” came ", n),
    # each "she said" with no woman named once read every mention of the man before it
    # (and every description of the paragraph) for someone of her sex
    "a man named, then she said": lambda n: _cycle("Tom Tom Tom Tom Tom Tom Tom Tom. “Hi,” she said. ", n),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FICTION))
def test_hostile_fiction_is_linear(name):
    make = HOSTILE_FICTION[name]
    fiction = quoteattr.Config(genre="fiction")

    def run(text):
        return quoteattr.extract(text, config=fiction)

    check_offsets(make(3000), run(make(3000)))
    # larger than the news cases: the square term shows only past a few thousand quotations
    ok, (a, b) = _grows_linearly(run, make, 8000)
    if not ok:  # once more, in case the machine was busy
        ok, (a, b) = _grows_linearly(run, make, 8000)
    assert ok, f"{name}: 8000 chars {a:.4f} s, 64000 chars {b:.4f} s"


def _package_patterns():
    """Every compiled pattern of the package (module constants and cached builders),
    with the methods the package calls on it."""
    pattern_type = type(regex.compile(""))
    found = {}
    sources = {}
    for info in pkgutil.iter_modules(quoteattr.__path__, "quoteattr."):
        if info.name.endswith("__main__"):
            continue
        try:
            mod = importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        sources[info.name] = inspect.getsource(mod)
        for attr, value in vars(mod).items():
            if isinstance(value, pattern_type):
                found[f"{info.name}.{attr}"] = (mod, attr, value)
            elif isinstance(value, LazyPattern):  # compiled on first use
                found[f"{info.name}.{attr}"] = (mod, attr, value.compiled())
            elif attr.endswith("_pattern") and callable(getattr(value, "cache_info", None)):
                found[f"{info.name}.{attr}()"] = (mod, attr, value())
    out = {}
    for key, (mod, attr, pattern) in found.items():
        # where it is used: its own module, or any module that names it with a prefix
        own = regex.findall(rf"(?<![\w.]){attr}(?:\(\))?\.(\w+)\(", sources[mod.__name__])
        short = mod.__name__.rsplit(".", 1)[-1]
        others = [m for src in sources.values() for m in regex.findall(rf"\b{short}\.{attr}(?:\(\))?\.(\w+)\(", src)]
        out[key] = (pattern, set(own) | set(others))
    return out


PATTERNS = _package_patterns()
_REGEX_HOSTILE = dict(HOSTILE)
_REGEX_HOSTILE.update({
    "spaces": lambda n: " " * n,
    "space then newline": lambda n: _cycle(" \t\u00a0\n", n),
    "capitalised run": lambda n: _cycle("Abc ", n),
    "dots": lambda n: "." * n,
    "letters and apostrophes": lambda n: _cycle("a'", n),
})


def test_patterns_were_found():
    assert len(PATTERNS) >= 10, sorted(PATTERNS)


# Patterns the package only ever scans over a short window: a whole-text scan is no
# concern for them (a single match attempt still is).
WINDOWED = {
    "quoteattr._indirect._PREV_WORD": "searched in the 30 characters before a verb",
}
# Patterns the package only applies to short strings.
SHORT_INPUT = {
    "quoteattr._attribution._TAG_TAIL": "matched on gaps under 40 characters",
}
KNOWN_BACKTRACKING: dict = {}
_BUDGET = 10.0  # wall seconds for one pattern on one hostile text: only a guard against hanging (a busy
# machine stretches wall time; the growth check above, on CPU time, is what catches backtracking)


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_BACKTRACKING[n], strict=True))
    if n in KNOWN_BACKTRACKING else n
    for n in sorted(PATTERNS)
])
def test_pattern_has_no_catastrophic_backtracking(name):
    """One match attempt costs at most linear time anywhere in a hostile text; so does a
    whole scan, for the patterns the package scans with (search, finditer, ...)."""
    pattern, used = PATTERNS[name]
    if name in SHORT_INPUT:
        pytest.skip(SHORT_INPUT[name])
    scans = name not in WINDOWED and bool(used & {"search", "finditer", "findall", "sub", "subn", "split"})

    def attempt(text):
        # regex's timeout stops a runaway match instead of hanging the test run
        deadline = time.perf_counter() + _BUDGET
        step = max(1, len(text) // 16)
        for pos in range(0, len(text), step):
            pattern.match(text, pos, timeout=max(0.01, deadline - time.perf_counter()))
        if scans:
            for _ in pattern.finditer(text, timeout=max(0.01, deadline - time.perf_counter())):
                pass

    slow = []
    for kind, make in _REGEX_HOSTILE.items():
        try:
            ok, (a, b) = _grows_linearly(attempt, make, 2000)
            if not ok:
                # small inputs carry fixed costs that blur the ratio: try again four times larger
                ok, (a, b) = _grows_linearly(attempt, make, 8000)
        except TimeoutError:
            ok, a, b = False, float("nan"), float("inf")
        if not ok:
            slow.append(f"{kind}: {a:.4f} s -> {b:.4f} s")
    assert not slow, f"{name} ({', '.join(sorted(used))}): {slow}"


def test_lazy_regex_flags_are_the_regex_modules():
    from quoteattr import _lazyregex

    for name in ("ASCII", "IGNORECASE", "MULTILINE", "VERBOSE"):
        assert getattr(_lazyregex, name) == int(getattr(regex, name)), name
