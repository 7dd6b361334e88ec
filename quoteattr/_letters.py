"""Stage 4a (fiction): letters and notes quoted in a novel.

A letter set in quotation marks is its WRITER's words, whoever reads it out or holds it,
and it is no turn of the conversation around it. A letter is found by its sign-off: a
closing formula ("Yours, &c.", "Your affectionate friend,", "I remain, dear sir, …,")
and, on a line of its own after it, a signature ("EDW. PELL.", "Ann Vane"), either
inside one quotation or as the last of the quotations a letter is cut into, one per
paragraph ("Yours truly," | "ANN VANE."). Going back from the signature, the letter's
earlier paragraphs belong to it up to its salutation ("MY DEAR BROTHER,", "Dear Sir,")
and the heading lines before it ("Rose Lane, Monday."); a quotation another's tag
interrupts (“Then he has come!” cried Jane) is no part of it, and the letter goes on
after it only in a quotation a reading lead-in brings back ("Ann read on: “…”").
Without a salutation or a lead-in announcing the letter, only the quotations of the
sign-off are taken.

Every part of a letter becomes a ``fiction.letter`` record whose speaker is the
signature; ``_resolution`` reads the signature (capitals, an abbreviated given name)
as the person the text knows by that family or given name (``writer``).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Tuple

from . import _lazyregex as regex

from . import _lexicons, _marks, _mentions
from ._attribution import Attribution, Span2
from ._layout import Layout
from ._mentions import Mention

if TYPE_CHECKING:
    from ._entities import _Entity
    from ._resolution import Resolver

RULE = "fiction.letter"
CONFIDENCE = 0.9  # measured on the fiction dev corpora (docs/rules.md)

# a signature: one to four capitalised words or initials on a line of its own, at most
# 40 characters ("EDW. PELL.", "A. M. Vane", "Ann V---.")
_SIGNATURE = regex.compile(
    r"(?P<name>(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.)(?:[^\S\n]+(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.)){0,3})"
    r"(?:-{2,}|\N{EM DASH}+)?\.?[^\S\n]*\Z")
# a closing formula ending the text before a signature: its last line or sentence opens
# with a word of leave-taking ("Yours", "Your affectionate", "Ever yours", "I remain, …",
# "Believe me,") and ends with a comma or "&c." (or is a bare "Your affectionate")
_CLOSING = regex.compile(
    r"(?i)(?:i[^\S\n]+(?:remain(?![\p{L}])|am,)[^\n]{0,160}?,[^\S\n]*\Z)"
    r"|(?:(?:and[^\S\n]+)?(?:believe[^\S\n]+me|i[^\S\n]+(?:remain|am)|ever|always|most|with[^\S\n]+(?:much|best|kind|all)?[^\S\n]*love)"
    r"(?![\p{L}]),?\s+)*(?:yours|your's|your|thine|ever|affectionately|sincerely|faithfully|truly|respectfully"
    r"|remain|believe[^\S\n]+me|love)(?![\p{L}])[^\n]{0,160}?(?:,|&c\.?|(?<=^[^,.;:!?]{1,40}))[^\S\n]*\Z")
_CLOSING_MAX = 200
_SALUTATION = _marks.SALUTATION
# a salutation run into the letter's first line by a dash ("Dearest Meg,--I do not know",
# "My dear Sir,—"); one run in by a comma alone is as likely speech ("My dear Eliza, he …")
_RUN_IN = regex.compile(
    r"(?i)(?!dear[^\S\n]+me(?![\p{L}]))(?:(?:my|mine)[^\S\n]+)?(?:own[^\S\n]+)?(?:very[^\S\n]+)?(?:dear(?:est)?|beloved)"
    r"(?:,?[^\S\n]+dear(?:est)?)?(?:[^\S\n]+[\p{L}.'’\-]+){1,4}?[,.;:]?[^\S\n]*(?:-{2}|\N{EM DASH})(?=[^\S\n]*\p{L})")
# a heading line before the salutation: a place or a date ("Rose Lane, Monday,", "15th May."),
# at most so many characters
_HEADING_MAX = 60
_DATE_WORD = regex.compile(
    r"(?i)(?<![\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december|\d+(?:st|nd|rd|th)?)(?![\p{L}])")
# narration before a quotation that announces or resumes a reading ("read on:", "read as
# follows:", "These were the contents:", "It ran thus:", "brought the following note:")
_READING = regex.compile(
    r"(?i)(?<![\p{L}])(?:read(?:s|ing)?(?:[^\S\n]+(?:aloud|out|it(?:[^\S\n]+aloud)?|as[^\S\n]+follows))?|as[^\S\n]+follows"
    r"|to[^\S\n]+this[^\S\n]+effect|contents|ran[^\S\n]+thus|following[^\S\n]+(?:note|letter|lines)"
    r"|(?:letter|note)[^\S\n]+(?:ran|said|read))(?![\p{L}])[^\p{L}]*\Z")
# ... and one that takes up a reading an interruption broke ("Ann read on:")
_READ_ON = regex.compile(r"(?i)(?<![\p{L}])(?:read|reading)[^\S\n]+on(?![\p{L}])[^\p{L}]*\Z")
_READING_BACK = 200  # characters of the narration before a quotation looked at
_MAX_PARTS = 40  # quotations of one letter at most, going back from its signature
_MAX_HEADINGS = 3
_MARKS = " \t\r\"'“”‘’"
_MARKS_NL = _MARKS + "\n"
_CLOSERS = frozenset("\"'”’»")
_GAP_MAX = 200  # characters between a letter's quotations looked at for unquoted lines


def _content(text: str, rec: Attribution) -> str:
    return text[rec.parts[0][0] : rec.parts[-1][1]]


def _signature(text: str, layout: Layout, rec: Attribution, before: Optional[Attribution],
               spans: Sequence[Span2]) -> Optional[Span2]:
    """The signature closing ``rec`` (whose direct record before is ``before``): its
    name's span, or None. It stands on a line of its own after a blank line, or opens a
    paragraph of the quotation, or is the whole of a quotation alone in its paragraph
    after one that ends with the closing formula."""
    s, e = rec.parts[-1]
    lo = max(s, e - 60)
    nl = text.rfind("\n", lo, e)
    line_start = s if nl < 0 else nl + 1
    if nl >= 0 and not text[max(s, nl - 20) : nl].rstrip(" \t\r").endswith("\n"):
        return None  # a line of hard-wrapped text ("…, Use your own discretion,⏎Bitzer.")
    if nl < 0 and s < lo:
        return None  # no line of its own in a long part
    m = _SIGNATURE.match(text, line_start, e)
    if m is None or m.start("name") != line_start or not _name_like(m.group("name")):
        return None
    if nl >= 0:
        closing = text[max(s, line_start - _CLOSING_MAX) : line_start]
    elif len(rec.parts) > 1:
        closing = text[max(rec.parts[-2][0], rec.parts[-2][1] - _CLOSING_MAX) : rec.parts[-2][1]]
    elif (before is not None and _bare(text, layout, rec, spans)
          and not text[before.span[1] : rec.span[0]].strip(" \t\n\r\"'“”‘’")
          and layout.paragraph_index(before.span[1] - 1) == layout.paragraph_index(s) - 1):
        bs, be = before.parts[-1]
        closing = text[max(bs, be - _CLOSING_MAX) : be]
    else:
        return None
    if not _closing(closing):
        return None
    ns, ne = m.span("name")
    if ne - ns > 3 and text[ne - 1] == "." and text[ne - 3] != ".":
        ne -= 1  # (the full stop after the name, not an initial's: "ANN VANE.")
    return ns, ne


def _closing(tail: str) -> bool:
    """``tail`` (the text before a signature) ends with a closing formula."""
    tail = tail.rstrip(" \t\n\r\"'”’")
    lo = max(tail.rfind("\n"), 0)
    for m in _SENTENCE_BREAK.finditer(tail, max(0, len(tail) - _CLOSING_MAX)):
        if not tail.startswith("&c", m.end()):
            lo = max(lo, m.end())
    return _CLOSING.match(tail[lo:].strip()) is not None


_SENTENCE_BREAK = regex.compile(r"(?<!&c)[.!?;:][\"'”’]?\s+|\n|--|\N{EM DASH}")


def _name_like(name: str) -> bool:
    """A signature's words: not a sentence of common capitalised words ("I AM.")."""
    words = [w.strip(".'’-") for w in name.split()]
    if not words or any(not w for w in words):
        return False
    stop = _lexicons.words("function_words")
    return not any(w.lower() in stop and len(w) > 1 for w in words) and words[0].lower() not in ("i", "yours", "your")


def _salutation(text: str, rec: Attribution) -> bool:
    """``rec`` opens with a salutation line, after at most a few heading lines."""
    s, e = rec.parts[0]
    pos = s
    for _ in range(_MAX_HEADINGS + 1):
        m = _SALUTATION.match(text, pos, e)
        if m is not None or _RUN_IN.match(text, pos, e) is not None:
            return True
        nl = text.find("\n", pos, min(e, pos + 80))
        if nl < 0 or not _heading(text[pos:nl].strip()):
            return False
        pos = nl + 1
        while pos < e and text[pos].isspace():
            pos += 1
    return False


def _heading(line: str) -> bool:
    line = line.strip(_MARKS_NL)
    return (0 < len(line) <= _HEADING_MAX and "\n" not in line and line[-1] not in "?!"  # (not “From Meg?”)
            and (_DATE_WORD.search(line) is not None
                 or all(w[:1].isupper() for w in line.replace("-", " ").split())))


def _bare(text: str, layout: Layout, rec: Attribution, spans: Sequence[Span2]) -> bool:
    """``rec``'s paragraph holds nothing but quotations (no tag, no narration);
    ``spans``: the parts of all direct records, sorted."""
    ps, pe = layout.paragraph(rec.span[0])
    pos = ps
    for k in range(max(0, bisect.bisect_left(spans, (ps, -1)) - 1), len(spans)):
        qs, qe = spans[k]
        if qs >= pe:
            break
        if qe <= ps:
            continue
        if text[pos:qs].strip(_MARKS_NL):
            return False
        pos = max(pos, qe)
    return not text[pos:pe].strip(_MARKS_NL)


def _read_in(text: str, rec: Attribution, pattern: "regex.Pattern[str]" = _READING) -> bool:
    """The narration just before ``rec`` ends with a reading lead-in ("read as follows:",
    or with ``_READ_ON``, "Ann read on:")."""
    before = text[max(0, rec.span[0] - _READING_BACK) : rec.span[0]].rstrip()
    if not before or before[-1] in _CLOSERS:
        return False  # the words before are another quotation's (“I was reading.”)
    return pattern.search(before) is not None


def find(text: str, layout: Layout, records: Sequence[Attribution]) -> Dict[int, Span2]:
    """Letter parts among ``records``: record index -> the span of the letter's signature."""
    direct = [i for i, r in enumerate(records) if r.kind == "direct"]
    if not direct:
        return {}
    spans = sorted(p for r in records if r.kind == "direct" for p in r.parts)
    out: Dict[int, Span2] = {}
    for k, i in enumerate(direct):
        rec = records[i]
        if rec.parts[-1][1] - rec.parts[-1][0] < 2:
            continue
        sig = _signature(text, layout, rec, records[direct[k - 1]] if k > 0 else None, spans)
        if sig is None:
            continue
        parts = _letter_parts(text, layout, records, direct, k, spans)
        for j in parts:
            out[j] = sig
    # letters with no signature, brought in by a reading lead-in: the writer the narration names
    talk_end = 0  # the end of the last quotation that is no letter
    for k, i in enumerate(direct):
        rec = records[i]
        if i not in out:
            found = _unsigned(text, layout, records, direct, k, out, talk_end)
            if found is not None:
                out[i] = found
            else:
                talk_end = rec.span[1]
    return out


def _unsigned(text: str, layout: Layout, records: Sequence[Attribution], direct: List[int], k: int,
              out: Dict[int, Span2], talk_end: int) -> Optional[Span2]:
    """The span of the words naming the writer of ``records[direct[k]]``, a letter with
    no signature, or None when it is none or no writer is named. A reading lead-in ends
    the narration just before it ("It was as follows:", "Ann read:", "a postscript to
    this effect:"), that narration or the quotation's opening
    shows a letter ("letter", "note", "written", a salutation on a line of its own), and
    the narration since the last quotation that is no letter names its writer ("a letter
    from Ann", "Ann had written", "Ann's note"; never the one who reads it)."""
    rec = records[direct[k]]
    s = rec.span[0]
    lead = text[max(0, s - 8) : s].rstrip(_MARKS_NL)
    if not lead.endswith((":", "-", "\N{EM DASH}")):
        return None  # (a lead-in ends with a colon or a dash: most quotations are passed over here)
    if not _read_in(text, rec) and not _read_in_aside(text, rec):
        return None
    ps, _ = layout.paragraph(s)
    narration = text[ps:s].rstrip(_MARKS_NL)
    if any(c in narration for c in "\"“”"):
        return None  # (another's quotation in the lead-in's paragraph: it is talk)
    lo = max(talk_end, s - _WRITER_BACK)
    if _LETTER_SEEN.search(text, max(lo, s - _EVIDENCE_BACK), s) is None and not _opens_letter(text, rec):
        return None  # "Ann began as follows:": speech
    # the narration back to the last quotation that is no letter, the letters between skipped
    pieces: List[Span2] = []
    hi = s
    for kk in range(k - 1, -1, -1):
        r = records[direct[kk]]
        if r.span[1] <= lo:
            break
        if len(pieces) == _LETTERS_PASSED:
            lo = hi  # (no writer looked for beyond so many letters)
            break
        pieces.append((max(lo, r.span[1]), hi))
        hi = r.span[0]
    pieces.append((lo, hi))
    for a, b in pieces:
        if a >= b:
            continue
        best: Optional[Span2] = None
        for pattern in _WRITER:
            for m in pattern.finditer(text, a, b, overlapped=False):
                w = m.span("w")
                if _writer_word(text[w[0] : w[1]]) and (best is None or w[0] > best[0]):
                    best = w
        if best is not None:
            return best
    return None


_WRITER_BACK = 2500  # characters of narration before an unsigned letter looked at for its writer
_EVIDENCE_BACK = 600
_LETTERS_PASSED = 8  # letters passed over going back for a writer, at most
_LETTER_SEEN = regex.compile(
    r"(?i)(?<![\p{L}])(?:letters?|notes?|lines|postscript|epistle|billet|written|wrote|writes)(?![\p{L}])")
_WHO = (r"(?:(?:Mr|Mrs|Miss|Ms|Dr|Lady|Sir|Lord|Colonel|Captain|Uncle|Aunt|Cousin)\.?[^\S\n]+)?"
        r"\p{Lu}[\p{Ll}'’\-]+(?:[^\S\n]+\p{Lu}[\p{Ll}'’\-]+){0,2}")
_WRITER = (
    # "a letter from Ann", "the note was from Mr. Pell", "a letter came for him from Ann"
    # (a title's full stop goes on with the sentence; "from her brother, Mr. Pell": Mr. Pell)
    regex.compile(r"(?<![\p{L}])(?:letters?|note|lines|postscript|epistle|billet)(?![\p{L}])"
                  r"(?:[^.;!?\n\"“”]|(?<=(?<![\p{L}])\p{Lu}\p{Ll}{0,2})\.){0,100}?"
                  r"(?<![\p{L}])from[^\S\n]+(?:(?:(?:his|her|their)[^\S\n]+[\p{Ll}\-]+,?[^\S\n]+)?(?P<w>" + _WHO + r")"
                  r"|(?P<w>him(?![\p{L}])|her(?![\p{L}'’\-]|[^\S\n]+\p{Ll})|(?:his|her|their)[^\S\n]+\p{Ll}+))"),
    # "Ann had written", "he wrote"
    regex.compile(r"(?<![\p{L}])(?P<w>" + _WHO + r"|he|she)(?:[^\S\n]+(?:had|has))?[^\S\n]+(?:wrote|written|writes)"
                  r"(?![\p{L}])"),
    # "Ann's letter", "her father's note"
    regex.compile(r"(?P<w>" + _WHO + r"|(?<![\p{L}])(?:his|her|their)[^\S\n]+\p{Ll}+)['’]s[^\S\n]+(?:\p{Ll}+[^\S\n]+)?"
                  r"(?:letter|note|lines)(?![\p{L}])"),
)


# a reading lead-in followed by an aside up to the colon ("read as follows -- it had been
# written a day later:")
_LEAD_ASIDE = regex.compile(
    r"(?i)(?<![\p{L}])(?:read(?:s|ing)?[^\S\n]+as[^\S\n]+follows|to[^\S\n]+this[^\S\n]+effect|ran[^\S\n]+thus)"
    r"[^\S\n]*(?:--|\N{EM DASH}|,)[^.!?;:\n\"“”]{1,120}:[^\p{L}]*\Z")


def _read_in_aside(text: str, rec: Attribution) -> bool:
    return _read_in(text, rec, _LEAD_ASIDE)


def _writer_word(words: str) -> bool:
    """A writer's words: a name (not a capitalised common word, "It", "There"), a
    pronoun of a person, or "his" or "her" with a word of kinship ("her father")."""
    first = words.split()[0]
    low = first.lower()
    if low in ("he", "she", "him", "her"):
        return True
    if low in ("his", "their") or (low == "her" and len(words.split()) > 1):
        return words.split()[-1].lower() in _lexicons.mapping("kinship_words")
    return low not in _lexicons.words("function_words") and low not in ("it", "this", "that", "there", "i")


def _opens_letter(text: str, rec: Attribution) -> bool:
    """``rec`` opens with a salutation on a line of its own, or run into its first line by
    a dash ("Dearest Meg,--I do not know …"); not a quotation that is a salutation alone
    (“My dear aunt,” said she)."""
    s, e = rec.parts[0]
    m = _SALUTATION.match(text, s, e)
    return (m is not None and m.end() < e and text[m.end() - 1] == "\n") or _RUN_IN.match(text, s, e) is not None


def _letter_parts(text: str, layout: Layout, records: Sequence[Attribution], direct: List[int], k: int,
                  spans: Sequence[Span2]) -> List[int]:
    """The records of the letter whose signature closes ``records[direct[k]]``."""
    last = records[direct[k]]
    if _salutation(text, last) or _read_in(text, last) or k == 0:
        return [direct[k]] + _headings_before(text, layout, records, direct, k, spans)
    taken = [direct[k]]
    resumed = _read_in(text, last, _READ_ON)  # the earliest part taken so far: "Ann read on: “…”"
    skipped = 0
    pi = layout.paragraph_index(last.span[0])
    for kk in range(k - 1, max(-1, k - 1 - _MAX_PARTS), -1):
        rec = records[direct[kk]]
        pk = layout.paragraph_index(rec.span[0])
        if layout.paragraph_index(rec.span[1] - 1) < pi - 1:
            gap = records[taken[-1]].span[0] - rec.span[1]
            between = text[rec.span[1] : records[taken[-1]].span[0]].strip(_MARKS_NL) if gap <= _GAP_MAX else ""
            if not between or _SALUTATION.fullmatch(between + "\n") is None:
                break  # narration between: the letter began after it
            # the salutation, unquoted, between: the letter opens there (after its heading)
            c = text[rec.parts[0][0] : rec.parts[-1][1]] if rec.parts[-1][1] - rec.parts[0][0] <= _GAP_MAX else ""
            if c and _bare(text, layout, rec, spans) and all(_heading(x) for x in _lines(c)):
                taken.append(direct[kk])
            return taken
        if _read_in(text, rec):
            taken.append(direct[kk])
            return taken + _headings_before(text, layout, records, direct, kk, spans)
        if not _bare(text, layout, rec, spans) and not _read_in(text, rec, _READ_ON):
            if resumed and skipped < 2:
                skipped += 1  # “…” cried Jane: an interruption the reading comes back from
                pi = pk
                continue
            break
        taken.append(direct[kk])
        pi = pk
        skipped = 0
        if _salutation(text, rec):
            return taken + _headings_before(text, layout, records, direct, kk, spans)
        resumed = _read_in(text, rec, _READ_ON)
    first = records[taken[-1]]
    c = _content(text, first).strip() if first.parts[-1][1] - first.parts[0][0] <= _GAP_MAX else ""
    if len(taken) > 1 and ((c and "\n" not in c and _heading(c) and _DATE_WORD.search(c) is not None)
                           or _announced(text, layout, first)):
        return taken  # "Rose Lane, Monday." | …, or after "“Read it aloud,” said he."
    # no salutation nor lead-in found: only the sign-off (the signature's record and the
    # closing formula's, when the signature stands alone)
    return [direct[k]] + ([direct[k - 1]] if len(taken) > 1 and _sign_off_only(text, last) else [])


_LETTER_WORD = regex.compile(r"(?i)(?<![\p{L}])(?:letter|note|read|wrote|written|contents)(?![\p{L}])")


def _announced(text: str, layout: Layout, rec: Attribution) -> bool:
    """The paragraph before the one of ``rec`` speaks of a letter or of reading it."""
    pi = layout.paragraph_index(rec.span[0])
    if pi == 0:
        return False
    ps, pe = layout.paragraphs[pi - 1]
    return _LETTER_WORD.search(text, max(ps, pe - 300), pe) is not None


def _sign_off_only(text: str, rec: Attribution) -> bool:
    return len(rec.parts) == 1 and "\n" not in text[rec.parts[0][0] : rec.parts[0][1]]


def _headings_before(text: str, layout: Layout, records: Sequence[Attribution], direct: List[int], k: int,
                     spans: Sequence[Span2]) -> List[int]:
    """Quotations just before the letter's first one that are heading lines ("Rose Lane,"
    | "Monday.")."""
    out: List[int] = []
    nxt = records[direct[k]].span[0]
    for kk in range(k - 1, max(-1, k - 1 - _MAX_HEADINGS), -1):
        rec = records[direct[kk]]
        if nxt - rec.span[1] > _GAP_MAX or rec.span[1] - rec.span[0] > _GAP_MAX:
            break
        lines = _lines(_content(text, rec)) + _lines(text[rec.span[1] : nxt])  # (and unquoted ones between)
        if len(lines) > _MAX_HEADINGS or not all(_heading(x) for x in lines) or not _bare(text, layout, rec, spans):
            break
        out.append(direct[kk])
        nxt = rec.span[0]
    return out


def _lines(chunk: str) -> List[str]:
    return [x.strip(_MARKS) for x in chunk.splitlines() if x.strip(_MARKS)]


_WORD = regex.compile(r"\p{L}[\p{L}'’]*\.?")


def writer(r: "Resolver", s: int, e: int) -> Optional["_Entity"]:
    """The person a signature names: its words in capitals read as a name ("EDW. PELL"
    is the "Pell" of the text, a man), an abbreviated given name left out."""
    words = [w.group() for w in _WORD.finditer(r.text, s, e)]
    if words:
        words[-1] = words[-1].rstrip(".")  # (the full stop after the signature)
    full = [w for w in words if not w.endswith(".") and len(w) > 1]
    initials = [w for w in words if w not in full]
    if not full:
        return None
    names = [w if not w.isupper() else w[:1] + w[1:].lower() for w in full]
    if len(names) > 1 and names[0].lower() in _lexicons.mapping("first_names") and initials:
        names = names[-1:]
    gender = None
    given = _lexicons.mapping("first_names")
    if len(names) > 1:
        g = given.get(names[0])
        gender = g if g in ("m", "f") else None
    elif len(names) == 1 and not initials:
        g = given.get(names[0])
        gender = g if g in ("m", "f") else None
    elif initials:
        stem = initials[0].rstrip(".")
        if len(stem) > 1:
            found = {v for k, v in given.items() if k.lower().startswith(stem.lower()) and v in ("m", "f")}
            gender = found.pop() if len(found) == 1 else None
    known = _known(r, names, initials, gender)
    if known is not None:
        return known
    name = " ".join(names)
    m = Mention(s, e, "name", "person", gender, False, name, None, names[-1].lower(), True, 3)
    return r._entity_for_name(m, s)


def _known(r: "Resolver", names: List[str], initials: List[str], gender: Optional[str]) -> Optional["_Entity"]:
    """The person of the text a signature's words name, left as the text knows them:
    by its family name (or its one word, a given name: "HELEN."), narrowed by a given
    name or the first letter of an initial ("M. J. VANE": Margaret Vane), then by the sex
    an initial's given names share, then the one most named."""
    last = names[-1].lower()
    cands = list(r.by_surname.get(last, []))
    if len(names) == 1 and not initials:
        cands += [e for e in r._with_first.get(last, []) if e not in cands]
    cands = [e for e in cands if e.kind == "person" and not r._place_like(e)]  # (not "Castle Pell")
    if not cands and len(names) == 1:
        return None
    if len(names) > 1:
        # a full given name: the one of the family so named, or the one the text calls by it
        # alone ("LYDIA PELL" is the "Lydia" of the text, not "Mrs. Pell")
        given = names[0].lower()
        cands = [e for e in cands if e.first == given] or [
            e for e in r.by_surname.get(given, []) if e.kind == "person" and not e.first and len(e.names) > 0
            and all(len(n.split()) == 1 for n in e.names[:3])]
        if not cands:
            return None
    elif initials:
        letter = initials[0][:1].lower()
        firsts = [e for e in cands if e.first.startswith(letter)]
        cands = firsts or cands
    if gender is not None:
        cands = [e for e in cands if e.guess_gender() in (None, gender)] or cands
    return max(cands, key=lambda e: r.counts.get(id(e), 0))


_PRONOUN_SEX = {"he": "m", "him": "m", "she": "f", "her": "f"}


def named_writer(text: str, s: int, e: int) -> Mention:
    """The mention of the writer the narration names before an unsigned letter: a name,
    a kinship description ("her father") or a pronoun ("a letter from him")."""
    sex = _PRONOUN_SEX.get(text[s:e].lower())
    if sex is not None:
        return Mention(s, e, "pronoun", "person", sex, False, None, None, text[s:e].lower(), True, 3)
    return _mentions.describe(text, s, e)
