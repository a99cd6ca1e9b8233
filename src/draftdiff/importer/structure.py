"""Find a treaty text's parts: its title, the preamble, the articles and the annexes.

Headings are recognised in the forms treaties use: "Article 1", "ARTICLE I",
"Art. 15", "Article 7. Title", "Article 7 — Title", "Article 1er", "Article
premier", "Article 146-1", "Article 5 bis", "Annex 2". An article's title is
on its heading line or the short line right after it. Everything else (the
paragraphs, numbered paragraphs, bracketed negotiating text such as
``[the Parties shall]`` or ``[alt 2: …]``) stays in its article verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from draftdiff.errors import Hint
from draftdiff.importer.formats import ImportProblem, Line, SourceText
from draftdiff.numbering import ArticleNumber, display, sort_key

_SUFFIX = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)"
_NUMBER = (r"(?:\d+(?:er|re|st|nd|rd|th)?(?:[-‐.]\d+)*(?:[a-z](?![\w]))?|(?-i:[IVXLCDM]+)(?![\w])"
           r"|premier|premi[eè]re|first)"
           rf"(?:[ \u00a0]?[-‐]?[ \u00a0]?{_SUFFIX}(?![\w]))?")
_SEPARATOR = r"(?:\s*[.:)]\s*|\s+[-‐–—]\s+|\s*[–—]\s*|\s{2,}|\t+)"
_ARTICLE_WORDS = r"(?:article|art\.?|artículo|articulo|articolo|artikel|artigo|статья|հոդված|maddə|madde)"
_ANNEX_WORDS = r"(?:annex|annexe|appendix|schedule|anexo|anhang|приложение|հավելված)"

ARTICLE_PATTERN = (rf"^\s*{_ARTICLE_WORDS}\s*(?P<number>{_NUMBER})"
                   rf"(?:{_SEPARATOR}(?P<title>\S.*?))?\s*[.:]?\s*$")
ANNEX_PATTERN = (rf"^\s*{_ANNEX_WORDS}(?:\s+(?P<number>\d+|(?-i:[IVXLCDM]+)|[A-Z]))?"
                 rf"(?:{_SEPARATOR}(?P<title>\S.*?))?\s*[.:]?\s*$")
DEFAULT_PATTERNS = (ARTICLE_PATTERN,)
HEADING_FORMS = "'Article 1', 'ARTICLE I', 'Art. 15', 'Article 7 — Title' or 'Article 5 bis'"
"""The headings :data:`DEFAULT_PATTERNS` finds, as a message names them."""

RUN_IN_WORDS = 16
"""A "title" on the heading line longer than this is the article's first sentence ("Article 5. The Parties …")."""
TITLE_CHARS = 160


@dataclass
class Entry:
    """One part of the text: the title, the preamble, an article or an annex."""

    part: str
    number: ArticleNumber | None
    title: str | None
    """The title as the text gives it; None when it gives none."""
    text: str
    first: Line
    """The heading line (or the first line, for the title and preamble)."""
    heading: str = ""

    @property
    def label(self) -> str:
        """How a reader names the entry: "Article 5 bis", "Annex 2", "Preamble", "Title"."""
        if self.part in ("article", "annex"):
            word = "Article" if self.part == "article" else "Annex"
            return f"{word} {display(self.number)}" if self.number is not None else word
        return self.part.capitalize()


@dataclass
class Recognised:
    """What the structure step found, in the text's order."""

    source: SourceText
    entries: list[Entry] = field(default_factory=list)
    patterns: tuple[str, ...] = DEFAULT_PATTERNS

    @property
    def title(self) -> str | None:
        found = next((e for e in self.entries if e.part == "title"), None)
        return " ".join(found.text.split()) if found else None


class StructureProblem(ImportProblem):
    """The text was read but its structure cannot make a valid draft; ``problems`` lists each place."""

    def __init__(self, message: str, problems: list[str], hint: str | Hint | None = None) -> None:
        super().__init__(message, hint)
        self.problems = problems


def compile_patterns(patterns: tuple[str, ...] | list[str]) -> list[re.Pattern[str]]:
    """The heading patterns, checked: each must compile and name a ``number`` group."""
    compiled = []
    for pattern in patterns:
        try:
            regex = re.compile(pattern, re.IGNORECASE if pattern in (ARTICLE_PATTERN, ANNEX_PATTERN) else 0)
        except re.error as exc:
            raise ImportProblem(f"the heading pattern {pattern!r} is not a valid regular expression ({exc})",
                                setting="heading_pattern") from None
        if "number" not in regex.groupindex:
            raise ImportProblem(f"the heading pattern {pattern!r} has no group named 'number'",
                                "name the article number (?P<number>…) and, optionally, the title (?P<title>…); "
                                r"e.g. '^Статья\s+(?P<number>\d+)\.?\s*(?P<title>.*)$'", setting="heading_pattern")
        compiled.append(regex)
    return compiled


def as_number(written: str) -> ArticleNumber:
    """The number as written, spaces made single; plain digits become an integer (7, not "7")."""
    text = " ".join(written.replace("\u00a0", " ").split())
    if text.isdigit() and (text == "0" or not text.startswith("0")):
        return int(text)
    return text


def _heading(line: Line, articles: list[re.Pattern[str]], annex: re.Pattern[str]) -> tuple[str, re.Match[str]] | None:
    text = line.text
    if not text or len(text) > 400:
        return None
    for regex in articles:
        found = regex.match(text)
        if found and found.group("number"):
            return "article", found
    found = annex.match(text)
    if found:
        return "annex", found
    return None


def _is_title_line(lines: list[Line], k: int) -> bool:
    """A short line right after a heading, standing alone, that reads as a title rather than a sentence."""
    line = lines[k]
    text = line.text.strip()
    if not text or len(text) > TITLE_CHARS:
        return False
    after = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
    # alone, or right above a line at least twice as long that starts a sentence ("Recognition" over "The
    # Parties recognise …"): a wrapped paragraph's first line is as long as the next, never half as long
    alone = not after or (len(after) >= 2 * len(text) and after[0].isupper())
    if line.level is not None:
        return True
    if not alone or len(text.split()) > RUN_IN_WORDS or text[-1] in ".;,:" or text[0] in "[(\"'«“-–—•*":
        return False
    return not re.match(r"^(?:\d+|[a-z]|[ivx]+)[.)]\s", text, re.IGNORECASE)


def _body(lines: list[Line]) -> str:
    """Lines as written, without blank lines at either end and with one blank line between paragraphs."""
    out: list[str] = []
    for line in lines:
        if line.text.strip():
            out.append(line.text)
        elif out and out[-1] != "":
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def recognise(source: SourceText, patterns: tuple[str, ...] | list[str] | None = None) -> Recognised:
    """The entries of the text; raise :class:`StructureProblem` when no valid draft can be made of it."""
    chosen = tuple(patterns) if patterns else DEFAULT_PATTERNS
    articles = compile_patterns(chosen)
    annex = re.compile(ANNEX_PATTERN, re.IGNORECASE)
    lines = source.lines
    marks: list[tuple[int, str, re.Match[str]]] = []
    for k, line in enumerate(lines):
        heading = _heading(line, articles, annex)
        if heading is not None:
            marks.append((k, *heading))
    result = Recognised(source, patterns=chosen)
    if not any(kind == "article" for _, kind, _ in marks):
        raise _no_headings(source, chosen)
    _front(result, lines[:marks[0][0]])
    for n, (k, kind, match) in enumerate(marks):
        end = marks[n + 1][0] if n + 1 < len(marks) else len(lines)
        result.entries.append(_entry(kind, match, lines, k, end))
    _check(result)
    return result


def _front(result: Recognised, front: list[Line]) -> None:
    """The title (first heading, or first short paragraph) and the preamble, from what precedes the first heading."""
    k = 0
    while k < len(front) and not front[k].text.strip():
        k += 1
    if k == len(front):
        return
    first = front[k]
    end = k
    if first.level is not None:
        while end < len(front) and front[end].level == first.level and front[end].text.strip():
            end += 1
    else:
        while end < len(front) and front[end].text.strip():
            end += 1
        block = [line.text for line in front[k:end]]
        if len(block) > 4 or any(len(t) > 200 for t in block) or block[-1].rstrip()[-1] in ",;:":
            end = k + 1 if len(block[0]) <= 200 and block[0].rstrip()[-1] not in ",;:" else k
    if end > k:
        result.entries.append(Entry("title", None, None, _body(front[k:end]), first))
    rest = front[end:]
    text = _body(rest)
    if text:
        result.entries.append(Entry("preamble", None, None, text, next(x for x in rest if x.text.strip())))


def _entry(kind: str, found: re.Match[str], lines: list[Line], k: int, end: int) -> Entry:
    groups = found.groupdict()
    number = as_number(groups["number"]) if groups.get("number") else None
    title = (groups.get("title") or "").strip() or None
    body = lines[k + 1:end]
    lead: list[Line] = []
    if title is not None and (len(title.split()) > RUN_IN_WORDS or len(title) > TITLE_CHARS):
        run_in = lines[k].text[found.start("title"):].strip()  # with its final full stop
        lead, title = [Line(run_in, None, lines[k].where)], None  # "Article 5. The Parties shall …": run-in text
    if title is None and not lead:
        j = 0
        while j < len(body) and not body[j].text.strip():
            j += 1
        rest = any(line.text.strip() for line in body[j + 1:])
        if j < len(body) and rest and _is_title_line(body, j):
            title = body[j].text.strip()
            body = body[j + 1:]
    return Entry(kind, number, title, _body(lead + body), lines[k], lines[k].text.strip())


def _check(result: Recognised) -> None:
    source = result.source
    problems: list[str] = []
    seen: dict[tuple[str, object], Entry] = {}
    for entry in result.entries:
        if entry.part not in ("article", "annex"):
            continue
        key = (entry.part, sort_key(entry.number))
        if key in seen and entry.number is not None:
            other = seen[key]
            problems.append(f"{source.at(entry.first)}: {entry.label} again ('{entry.heading}'); "
                            f"{other.label} is at {source.at(other.first)}")
        seen.setdefault(key, entry)
        if not entry.text.strip():
            problems.append(f"{source.at(entry.first)}: {entry.label} ('{entry.heading}') has no text")
    if problems:
        raise StructureProblem(
            f"{source.name}: {len(problems)} problem{'s' * (len(problems) != 1)} with the articles found", problems,
            Hint.coded("each article needs its own number and some text: fix the file, or if a line was taken "
                       "for a heading that is not one, give a heading pattern to say what headings look like",
                       "heading-problems"))


def _no_headings(source: SourceText, patterns: tuple[str, ...]) -> StructureProblem:
    shown = [f"{source.at(line)}: {line.text[:100]}" for line in source.lines if line.text.strip()][:6]
    tried = [f"pattern: {p}" for p in patterns] + [f"annexes: {ANNEX_PATTERN}"]
    before = ""
    if source.auto_numbered:
        before = (f"{source.auto_numbered} paragraphs use Word's automatic numbering, whose numbers (\"Article 1\") "
                  "are not part of the text: in Word, convert the numbering to text (or save as plain text) and "
                  "import again; else ")
    hint = Hint.coded(f"{before}headings are lines such as {HEADING_FORMS}; for another language or form give a "
                      "heading pattern with a (?P<number>…) group", "no-headings", before=before,
                      forms=HEADING_FORMS)
    if not shown:
        return StructureProblem(f"{source.name}: the file has no text", [], "check that it is the right file")
    return StructureProblem(f"{source.name}: no article headings found", ["the text begins:", *shown,
                                                                            "patterns tried:", *tried], hint)
