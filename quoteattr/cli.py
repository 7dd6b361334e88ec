"""The ``quoteattr`` command: files or stdin in, a table, JSON, JSONL or an HTML page out.

Input is plain text, or JSONL whose lines hold at least "id" and "text" (other keys
are ignored); a file is read as JSONL when its name ends in ``.jsonl`` or its first
non-blank character is ``{``. ``--format jsonl`` writes one line per input document
in the prediction format of ``docs/schema.md``, with the input's id.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import IO, Iterator, List, Optional, Sequence, Tuple

from . import _html
from ._config import GENRES, Config
from ._pipeline import extract
from ._records import Result

FORMATS = ("table", "json", "jsonl", "html")


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
    return p


class InputError(Exception):
    """A document that could not be read; the run goes on."""


Doc = Tuple[str, Optional[str], Optional[str]]  # (id, text, error)


def _open(path: str) -> IO[str]:
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict")
    return open(path, encoding="utf-8", errors="strict")


def read_documents(path: str) -> Iterator[Doc]:
    """The documents of one file, streamed: JSONL line by line, plain text whole."""
    fh = _open(path)
    try:
        head = ""
        while True:
            c = fh.read(1)
            head += c
            if not c or not c.isspace():
                break
        first = head.strip()[:1]
        is_jsonl = path.endswith(".jsonl") or first == "{"
        if not is_jsonl:
            yield (_stem(path), head + fh.read(), None)
            return
        lineno = 0
        pending = head
        for raw in fh:
            line = pending + raw
            pending = ""
            lineno += 1
            if not line.strip():
                continue
            yield _parse_line(line, lineno)
        if pending.strip():
            yield _parse_line(pending, lineno + 1)
    finally:
        if fh is not sys.stdin:
            fh.close()


def _stem(path: str) -> str:
    if path == "-":
        return "stdin"
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _parse_line(line: str, lineno: int) -> Doc:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return (f"line{lineno}", None, f"line {lineno}: not JSON ({exc.msg})")
    if not isinstance(obj, dict):
        return (f"line{lineno}", None, f"line {lineno}: not a JSON object")
    did = obj.get("id", f"line{lineno}")
    if not isinstance(did, str):
        did = json.dumps(did)
    text = obj.get("text")
    if text is None:
        return (did, None, f"line {lineno}: no \"text\"")
    if not isinstance(text, str):
        return (did, None, f"line {lineno}: \"text\" is {type(text).__name__}, not a string")
    return (did, text, None)


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


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    config = Config(genre=args.genre, include_indirect=not args.no_indirect,
                    include_scare_quotes=args.scare_quotes)
    out = sys.stdout
    failed = False
    sections: List[str] = []  # --format html: one page, a section per document
    try:
        for path in args.files:
            try:
                for doc_id, text, error in read_documents(path):
                    if error is not None or text is None:
                        failed = True
                        print(f"quoteattr: {path}: {error}", file=sys.stderr)
                        if args.format == "html":
                            sections.append(_html.render_error(doc_id, error))
                        elif args.format != "table":
                            out.write(json.dumps({"id": doc_id, "error": error}, ensure_ascii=False) + "\n")
                        continue
                    result = extract(text, config=config)
                    if args.format == "table":
                        out.write(format_table(doc_id, result) + "\n\n")
                    elif args.format == "jsonl":
                        out.write(_dumps(result.to_dict(doc_id)) + "\n")
                    elif args.format == "html":
                        sections.append(_html.render_section(doc_id, text, result, anchor=f"doc{len(sections) + 1}"))
                    else:
                        out.write(_dumps(result.to_dict(doc_id), indent=1) + "\n")
            except OSError as exc:
                print(f"quoteattr: {path}: {exc.strerror or exc}", file=sys.stderr)
                return 2
            except UnicodeDecodeError as exc:
                print(f"quoteattr: {path}: not UTF-8 (byte offset {exc.start})", file=sys.stderr)
                return 2
        if args.format == "html":
            out.write(_html.render_page(sections, title="quoteattr: " + ", ".join(map(_stem, args.files))))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return 1 if failed else 0


def _dumps(obj: object, indent: Optional[int] = None) -> str:
    out = json.dumps(obj, ensure_ascii=False, indent=indent)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: only escapes can carry them
        out = json.dumps(obj, ensure_ascii=True, indent=indent)
    return out
