"""The ``quoteattr`` command: files or stdin in, a table, JSON, JSONL or an HTML page out.

Input is plain text, or JSONL whose lines hold at least "id" and "text" (other keys
are ignored); a file is read as JSONL when its name ends in ``.jsonl`` or its first
non-blank character is ``{``. ``--format jsonl`` writes one line per input document
in the prediction format of ``docs/schema.md``, with the input's id.

JSONL is streamed: one line is read, worked on and written at a time (a few per
worker with ``--jobs``), so a corpus of any size runs in constant memory. A line
that cannot be read is reported on standard error with its line number and written
as ``{"id": ..., "error": ...}``, so output lines match input lines (blank lines
are skipped); the exit status is then 1. A file that cannot be opened or is not
UTF-8 is reported in one line (with the byte offset of the first bad byte) and the
exit status is 2. Interrupted, the command leaves whole output lines behind.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import signal
import sys
import time
from typing import IO, Any, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from . import _html, _parallel
from ._config import GENRES, Config
from ._pipeline import extract
from ._records import Result

FORMATS = ("table", "json", "jsonl", "html")
_BOM = b"\xef\xbb\xbf"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find the quotations in a text and who said each one.",
    )
    p.add_argument("files", nargs="*", default=["-"], metavar="FILE",
                   help="text or JSONL files ('-' or nothing: standard input)")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table (readable, default), json (one object per document), jsonl, or html (one page)")
    p.add_argument("--genre", choices=GENRES, default="auto", help="news or fiction rules (default: auto)")
    p.add_argument("--no-indirect", action="store_true", help="leave out reported speech without marks")
    p.add_argument("--scare-quotes", action="store_true", help="also report quoted fragments without a speaker")
    p.add_argument("--jobs", "-j", type=_jobs, nargs="?", const=0, default=1, metavar="N",
                   help="worker processes (default 1; --jobs alone or 0: one per core)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show progress and a summary on standard error (default: when it is a terminal)")
    return p


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per core) or more: {n}")
    return n


class FileError(Exception):
    """A file that cannot be read on: not there, not readable, or not UTF-8."""


class Doc(NamedTuple):
    """One input document, or the reason it could not be read."""

    path: str
    id: str
    text: Optional[str]
    error: Optional[str]  # a line that could not be read: reported, the run goes on
    fatal: bool = False  # the file cannot be read on (exit status 2)


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def read_documents(path: str) -> Iterator[Doc]:
    """The documents of one file, streamed: JSONL line by line, plain text whole.

    A file that cannot be read on ends with a ``fatal`` entry.
    """
    try:
        fh = _open(path)
    except OSError as exc:
        yield Doc(path, _stem(path), None, exc.strerror or str(exc), True)
        return
    try:
        yield from _read(path, fh)
    except OSError as exc:
        yield Doc(path, _stem(path), None, exc.strerror or str(exc), True)
    except FileError as exc:
        yield Doc(path, _stem(path), None, str(exc), True)
    finally:
        if path != "-":
            fh.close()


def _read(path: str, fh: IO[bytes]) -> Iterator[Doc]:
    offset = 0  # bytes of the file before the current line
    head: List[bytes] = []
    first = b""
    for raw in fh:  # the blank lines before the first character tell nothing
        if offset == 0 and not head and raw.startswith(_BOM):
            offset, raw = len(_BOM), raw[len(_BOM):]
        head.append(raw)
        first = raw.lstrip()[:1]
        if first:
            break
    if not first:
        return  # empty input: no documents
    if not (path.endswith(".jsonl") or first == b"{"):
        data = b"".join(head) + fh.read()
        yield Doc(path, _stem(path), _decode(data, offset), None)
        return
    lineno = 0
    for raw in _chain(head, fh):
        lineno += 1
        line = _decode(raw, offset)
        offset += len(raw)
        if line.strip(" \t\r\n\x0b\x0c"):  # JSON white space; "\xa0" alone is a bad line
            yield _parse_line(path, line, lineno)


def _chain(head: List[bytes], fh: IO[bytes]) -> Iterator[bytes]:
    yield from head
    yield from fh


def _decode(data: bytes, offset: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileError(f"not UTF-8 (byte offset {offset + exc.start}): decode or convert it first, "
                        "e.g. iconv -f latin1 -t utf-8") from None


def _stem(path: str) -> str:
    if path == "-":
        return "stdin"
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _parse_line(path: str, line: str, lineno: int) -> Doc:
    try:
        obj = json.loads(line)
    except RecursionError:
        return Doc(path, f"line{lineno}", None, f"line {lineno}: not JSON (nested too deeply)")
    except ValueError as exc:
        why = getattr(exc, "msg", None) or str(exc)
        return Doc(path, f"line{lineno}", None, f"line {lineno}: not JSON ({why})")
    if not isinstance(obj, dict):
        return Doc(path, f"line{lineno}", None, f"line {lineno}: not a JSON object")
    did = obj.get("id", f"line{lineno}")
    if not isinstance(did, str):
        did = json.dumps(did)
    text = obj.get("text")
    if text is None:
        return Doc(path, did, None, f"line {lineno}: no \"text\"")
    if not isinstance(text, str):
        return Doc(path, did, None, f"line {lineno}: \"text\" is {type(text).__name__}, not a string")
    return Doc(path, did, text, None)


def format_table(doc_id: str, result: Result) -> str:
    rows: List[Tuple[str, ...]] = [("quotation", "speaker", "source", "cue", "rule")]
    for q in result.quotes:
        content = q.text.replace("\n", " ")
        if len(content) > 60:
            content = content[:57] + "..."
        src = q.source.name if q.source else "-"
        if q.source is not None and q.source.kind != "person":
            src += f" ({q.source.kind})"
        rows.append((
            f"{q.kind[:3]} {content}",
            q.speaker.text.replace("\n", " ") if q.speaker else "-",
            src,
            q.cue.text if q.cue else "-",
            f"{q.rule} {q.confidence:.2f}",
        ))
    widths = [min(64, max(len(r[k]) for r in rows)) for k in range(5)]
    lines = [f"== {doc_id}: {len(result.quotes)} quotations, {len(result.sources)} sources"]
    for n, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


class Rendered(NamedTuple):
    """What one document gives: its output and what the run needs to know of it."""

    path: str
    error: Optional[str]
    fatal: bool
    output: str  # whole lines (for html: a section)
    quotes: int
    chars: int


def render(doc: Doc, *, fmt: str, config: Config, anchor: int = 0) -> Rendered:
    """Work on one document and format it (in a worker process with ``--jobs``)."""
    if doc.text is None:
        err = doc.error or "unreadable"
        if doc.fatal or fmt == "table":
            out = ""
        elif fmt == "html":
            out = _html.render_error(doc.id, err)
        else:
            out = _dumps({"id": doc.id, "error": err}) + "\n"
        return Rendered(doc.path, err, doc.fatal, out, 0, 0)
    result = extract(doc.text, config=config)
    if fmt == "table":
        out = format_table(doc.id, result) + "\n\n"
    elif fmt == "jsonl":
        out = _dumps(result.to_dict(doc.id)) + "\n"
    elif fmt == "html":
        out = _html.render_section(doc.id, doc.text, result, anchor=f"doc{anchor}")
    else:
        out = _dumps(result.to_dict(doc.id), indent=1) + "\n"
    return Rendered(doc.path, None, False, out, len(result.quotes), len(doc.text))


def _render_numbered(item: Tuple[int, Doc], fmt: str, config: Config) -> Rendered:
    return render(item[1], fmt=fmt, config=config, anchor=item[0])


def _doc_size(item: Tuple[int, Doc]) -> int:
    return len(item[1].text or "")


class _Interrupt:
    """Ctrl-C: at once, except while a line is being written (whole lines only)."""

    def __init__(self) -> None:
        self.writing = False
        self.pending = False
        self.previous: Any = None

    def __enter__(self) -> "_Interrupt":
        try:
            self.previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread: leave signals alone
            self.previous = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    def _handle(self, _signum: int, _frame: object) -> None:
        if self.writing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def write(self, out: IO[str], text: str) -> None:
        self.writing = True
        try:
            try:
                out.write(text)
            except UnicodeEncodeError:  # an output encoding short of UTF-8, or lone surrogates
                enc = getattr(out, "encoding", None) or "utf-8"
                out.write(text.encode(enc, "backslashreplace").decode(enc))
        finally:
            self.writing = False
        if self.pending:
            raise KeyboardInterrupt


class _Progress:
    """Documents done and the rate, redrawn on one line of standard error."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.docs = self.failed = self.quotes = self.chars = 0

    def add(self, r: Rendered) -> None:
        if r.fatal:
            return
        self.docs += 1
        self.failed += r.error is not None
        self.quotes += r.quotes
        self.chars += r.chars
        now = time.monotonic()
        if self.enabled and now - self.last >= 0.25:
            self.last = now
            sys.stderr.write(f"\r\x1b[Kquoteattr: {self.docs} documents, {self._rate(now)}")
            sys.stderr.flush()

    def _rate(self, now: float) -> str:
        dt = max(now - self.start, 1e-9)
        return f"{self.docs / dt:.1f} documents/s, {self.chars / dt / 1e6:.2f} M characters/s"

    def clear(self) -> None:
        if self.enabled and self.last:
            sys.stderr.write("\r\x1b[K")

    def summary(self) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        failed = f" ({self.failed} failed)" if self.failed else ""
        sys.stderr.write(f"quoteattr: {self.docs} documents{failed}, {self.quotes} quotations "
                         f"in {now - self.start:.1f} s: {self._rate(now)}\n")


def _documents(paths: Sequence[str]) -> Iterator[Tuple[int, Doc]]:
    n = 0
    for path in paths:
        for doc in read_documents(path):
            n += 1
            yield n, doc


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    config = Config(genre=args.genre, include_indirect=not args.no_indirect,
                    include_scare_quotes=args.scare_quotes)
    out = sys.stdout
    show = args.progress if args.progress is not None else _is_terminal(sys.stderr)
    progress = _Progress(show)
    func = functools.partial(_render_numbered, fmt=args.format, config=config)
    status = 0
    sections: List[str] = []  # --format html: one page, a section per document
    with _Interrupt() as guard:
        try:
            for r in _parallel.imap(func, _documents(args.files), jobs=args.jobs, size=_doc_size):
                progress.add(r)
                if r.error is not None:
                    progress.clear()
                    print(f"quoteattr: {r.path}: {r.error}", file=sys.stderr)
                    status = 2 if r.fatal else max(status, 1)
                if args.format == "html":
                    if r.output:
                        sections.append(r.output)
                elif r.output:
                    guard.write(out, r.output)
            if args.format == "html":
                guard.write(out, _html.render_page(sections, title="quoteattr: " + ", ".join(map(_stem, args.files))))
            guard.writing = True
            out.flush()
            guard.writing = False
        except KeyboardInterrupt:
            progress.clear()
            _flush_quietly(out)
            print("quoteattr: interrupted", file=sys.stderr)
            return 130
        except BrokenPipeError:
            # the reader went away (quoteattr ... | head): stop quietly
            _silence_stdout()
            return status
    progress.clear()
    progress.summary()
    return status


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _flush_quietly(out: IO[str]) -> None:
    try:
        out.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at /dev/null so that raises nothing.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


# Characters that some line readers (str.splitlines, JavaScript) take for line breaks:
# written as escapes, so one document stays one line.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029",
                              "\x0b": "\\u000b", "\x0c": "\\u000c", "\x1c": "\\u001c",
                              "\x1d": "\\u001d", "\x1e": "\\u001e"})


def _dumps(obj: object, indent: Optional[int] = None) -> str:
    out = json.dumps(obj, ensure_ascii=False, indent=indent)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: only escapes can carry them
        out = json.dumps(obj, ensure_ascii=True, indent=indent)
    return out.translate(_LINE_BREAKS)
