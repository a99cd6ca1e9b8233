r"""The snapshot's citation as a BibTeX ``@misc`` entry (biblatex reads it as well).

Every value is escaped for (La)TeX: braces, backslash and the specials
``# $ % & _ ^ ~``; ``--`` is broken up so TeX does not print a dash in the command.
Braces become ``\textbraceleft{}`` and ``\textbraceright{}``, not ``\{``: BibTeX counts
a brace even after a backslash, so ``--author 'X}, title={Y'`` would end the field and
start a forged one.
Control and hidden characters are first written as ``\\u202e``-style escapes
(whose backslash TeX then prints as a backslash).
"""

from __future__ import annotations

from draftdiff.snapshot import cite
from draftdiff.snapshot.model import Snapshot
from draftdiff.textsafe import visible

_TEX = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "#": r"\#", "$": r"\$",
        "%": r"\%", "&": r"\&", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}


def tex(text: str) -> str:
    out = "".join(_TEX.get(ch, ch) for ch in visible(text))
    while "--" in out:
        out = out.replace("--", "-{}-")
    return " ".join(out.split())


def _author(name: str) -> str:
    """``Family, Given`` stays a person; anything else is an organisation and gets braces."""
    return tex(name) if "," in name else "{" + tex(name) + "}"


def render(snap: Snapshot, **_options: object) -> str:
    c = cite.citation(snap, "bibtex")
    fields = [("title", "{" + tex(c.title) + "}")]
    if c.authors:
        fields.append(("author", " and ".join(_author(a) for a in c.authors)))
    fields += [("howpublished", tex(f"Data set (status snapshot) made with draftdiff {c.version}")),
               ("version", tex(c.digest)), ("note", tex(cite.note(c)))]
    if c.repository:
        fields.append(("url", tex(c.repository)))
    fields += [("year", c.as_of[:4]), ("month", str(int(c.as_of[5:7]))), ("date", c.as_of)]
    if c.generated_at:
        fields.append(("urldate", c.generated_at[:10]))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{c.key},\n{body}\n}}\n"
