"""The command: errors reported in place, exit statuses, streaming, --jobs, Ctrl-C.

Most tests call ``main`` in this process; the ones about signals, standard input and
start-up run ``python -m quoteattr`` from a temporary directory (so that the
installed package is the one imported, not the checkout).
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quoteattr.cli import main

GOOD = "“We will not back down,” Mayor Ana Ruiz said on Monday."


def _jsonl(*objs):
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objs)


def _run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _command(*argv, stdin=b"", cwd=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "quoteattr", *argv], input=stdin, capture_output=True,
                          timeout=timeout, cwd=cwd or tempfile.gettempdir())


def test_bad_lines_are_reported_and_kept_in_place(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl(
        {"id": "a", "text": GOOD},
        "{not json",
        {"id": "b"},
        {"id": 7, "text": 7},
        "[1, 2]",
        "",
        {"id": "c", "text": GOOD},
    ), encoding="utf-8")
    status, out, err = _run(capsys, "--format", "jsonl", str(path))
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["id"] for x in lines] == ["a", "line2", "b", "7", "line5", "c"]
    assert [("error" in x) for x in lines] == [False, True, True, True, True, False]
    assert lines[0]["quotes"] and lines[0]["quotes"] == lines[-1]["quotes"]
    assert status == 1
    for n in (2, 3, 4, 5):
        assert f"in.jsonl: line {n}: " in err
    assert "Traceback" not in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_gives_the_same_output(tmp_path, capsys, jobs):
    path = tmp_path / "in.jsonl"
    docs = [{"id": f"d{k}", "text": GOOD if k % 3 else "nothing quoted"} for k in range(150)]
    path.write_text(_jsonl(*docs[:70], "oops", *docs[70:]), encoding="utf-8")
    status, out, _ = _run(capsys, "--format", "jsonl", "--jobs", jobs, str(path))
    assert status == 1
    ids = [json.loads(x)["id"] for x in out.splitlines()]
    assert ids == [d["id"] for d in docs[:70]] + ["line71"] + [d["id"] for d in docs[70:]]


def test_jobs_without_a_number_means_every_core(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl({"id": "a", "text": GOOD}), encoding="utf-8")
    status, out, _ = _run(capsys, "--format", "jsonl", str(path), "--jobs")
    assert status == 0 and json.loads(out)["id"] == "a"


def test_non_utf8_names_the_file_and_byte_offset(tmp_path, capsys):
    path = tmp_path / "latin.jsonl"
    first = _jsonl({"id": "a", "text": "fine"}).encode("utf-8")
    second = b'{"id": "b", "text": "caf'
    path.write_bytes(first + second + b'\xe9"}\n')
    status, out, err = _run(capsys, "--format", "jsonl", str(path))
    assert status == 2
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["a"]
    assert err.count("\n") == 1 and "latin.jsonl" in err
    assert f"byte offset {len(first) + len(second)}" in err


def test_non_utf8_plain_text(tmp_path, capsys):
    path = tmp_path / "old.txt"
    path.write_bytes("“Oui,” dit-elle. ".encode("utf-8") + b"\xff rest")
    status, out, err = _run(capsys, str(path))
    assert status == 2 and out == ""
    assert "old.txt" in err and f"byte offset {len('“Oui,” dit-elle. '.encode())}" in err


def test_missing_file_and_directory(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    status, out, err = _run(capsys, "--format", "jsonl", str(tmp_path / "nope.txt"), str(tmp_path), str(good))
    assert status == 2
    assert len(err.splitlines()) == 2 and "nope.txt" in err
    assert json.loads(out)["id"] == "good"  # the run went on


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", "\N{ZERO WIDTH NO-BREAK SPACE}".encode("utf-8")])
@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl"])
def test_empty_input_writes_nothing(tmp_path, capsys, content, name):
    path = tmp_path / name
    path.write_bytes(content)
    assert _run(capsys, "--format", "jsonl", str(path)) == (0, "", "")


def test_byte_order_mark_and_crlf(tmp_path, capsys):
    path = tmp_path / "win.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _jsonl({"id": "a", "text": "“Hi,” he said.\r\nBye."}).replace("\n", "\r\n").encode())
    status, out, _ = _run(capsys, "--format", "jsonl", str(path))
    assert status == 0
    got = json.loads(out)
    assert got["id"] == "a" and got["quotes"][0]["parts"][0]["text"] == "Hi,"


def test_plain_text_keeps_offsets_of_the_file(tmp_path, capsys):
    text = "Intro.\r\n\r\n“We are ready,” said Ana Ruiz.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    _, out, _ = _run(capsys, "--format", "jsonl", str(path))
    part = json.loads(out)["quotes"][0]["parts"][0]
    assert text[part["start"]:part["end"]] == part["text"] == "We are ready,"


def test_lone_surrogates_come_out_as_json_escapes(tmp_path, capsys):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s", "text": "\\"Yes \\ud800,\\" she said."}\n', encoding="utf-8")
    status, out, _ = _run(capsys, "--format", "jsonl", str(path))
    assert status == 0
    assert json.loads(out)["quotes"][0]["parts"][0]["text"] == "Yes \ud800,"
    status, out, _ = _run(capsys, str(path))  # the table escapes what it cannot encode
    assert status == 0 and "Yes" in out


def test_progress_and_summary_on_request(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl({"id": "a", "text": GOOD}, "bad"), encoding="utf-8")
    status, _, err = _run(capsys, "--format", "jsonl", "--progress", str(path))
    assert status == 1
    assert "2 documents (1 failed), 1 quotations" in err.splitlines()[-1]
    _, _, err = _run(capsys, "--format", "jsonl", str(path))  # not a terminal: no summary
    assert "documents" not in err


def test_standard_input_streams():
    docs = _jsonl(*({"id": f"d{k}", "text": GOOD} for k in range(20))).encode()
    proc = _command("--format", "jsonl", stdin=docs)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 20
    proc = _command(stdin=b"")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupted_run_leaves_whole_lines(tmp_path, jobs):
    path = tmp_path / "big.jsonl"
    text = " ".join([GOOD, "The council met again."] * 200)
    path.write_text(_jsonl(*({"id": f"d{k}", "text": text} for k in range(3000))), encoding="utf-8")
    out_path = tmp_path / "out.jsonl"
    with open(out_path, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "quoteattr", "--format", "jsonl", "--jobs", jobs, str(path)],
                                stdout=out, stderr=subprocess.PIPE, cwd=tmp_path)
        deadline = time.monotonic() + 60
        while out_path.stat().st_size < 20_000 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    data = out_path.read_bytes()
    assert data.endswith(b"\n")
    lines = data.splitlines()
    assert 0 < len(lines) < 3000
    assert [json.loads(x)["id"] for x in lines] == [f"d{k}" for k in range(len(lines))]


def test_broken_pipe_is_quiet(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl(*({"id": f"d{k}", "text": GOOD} for k in range(3000))), encoding="utf-8")
    proc = subprocess.run(f'"{sys.executable}" -m quoteattr --format jsonl "{path}" | head -n 1',
                          shell=True, capture_output=True, cwd=tmp_path, timeout=120)
    assert len(proc.stdout.splitlines()) == 1
    assert b"Traceback" not in proc.stderr and b"Error" not in proc.stderr


# -- fuzz: any sequence of lines, good and bad ------------------------------------

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=6,
)


def _text_line(text):
    """A JSONL line for ``text``, in UTF-8 where it can be: a lone surrogate (which UTF-8
    cannot hold) is written as a JSON escape, and reads back as the same string."""
    line = json.dumps({"text": text}, ensure_ascii=False)
    return "".join(f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in line)


_TEXTS = st.text(st.characters(blacklist_categories=()), max_size=60) | st.sampled_from([GOOD, "“Hi,” he said."])
_LINES = st.one_of(
    st.builds(lambda i, t: json.dumps({"id": i, "text": t}), st.text(max_size=4), _TEXTS),
    st.builds(_text_line, _TEXTS),
    st.builds(json.dumps, _VALUES),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=20),
    st.just("[" * 5000),
)


def _expected_outputs(lines):
    return sum(1 for line in lines if line.strip(" \t\r\x0b\x0c"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=12))
@example([_text_line("\ud800 said"), '{"text": "ok"}'])  # regression: the test itself wrote a lone surrogate raw
def test_fuzz_output_lines_match_input_lines(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "in.jsonl")
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write("".join(line + "\n" for line in lines))
        out_path = os.path.join(tmp, "out.jsonl")
        saved = sys.stdout
        try:
            with open(out_path, "w", encoding="utf-8") as sys.stdout:
                status = main(["--format", "jsonl", path])
        finally:
            sys.stdout = saved
        with open(out_path, encoding="utf-8") as fh:
            got = [json.loads(x) for x in fh.read().splitlines()]
    assert len(got) == _expected_outputs(lines)
    failed = [x for x in got if "error" in x]
    assert status == (1 if failed else 0)
    for x in got:
        assert isinstance(x["id"], str)
        assert set(x) in ({"id", "error"}, {"id", "quotes", "sources"})


def test_line_break_characters_inside_text_stay_on_one_output_line(tmp_path, capsys):
    # regression: U+0085 and U+2028 written raw made str.splitlines see two lines
    text = "“One\x85two\u2028three,” said Ana Ruiz.\x0b"
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl({"id": "a", "text": text}, {"id": "b", "text": GOOD}), encoding="utf-8")
    status, out, _ = _run(capsys, "--format", "jsonl", str(path))
    lines = out.splitlines()
    assert status == 0 and len(lines) == 2
    first = json.loads(lines[0])
    assert first["quotes"][0]["parts"][0]["text"] == "One\x85two\u2028three,"
