"""Bring a published or leaked text (plain text, Markdown, Word, a saved web page) into a draft.

Three steps, each its own module: a reader per format turns the file into
lines (:mod:`.formats`); :mod:`.structure` finds the title, the preamble, the
articles and the annexes; :mod:`.continuity` gives each article the id of the
article it continues in the base version, using the diff engine's alignment;
:mod:`.build` makes the draft's plain data. Writing is the one write path's job.
"""

from draftdiff.importer.formats import FORMATS, ImportProblem, Line, SourceText, read_source
from draftdiff.importer.structure import DEFAULT_PATTERNS, Entry, Recognised, recognise

__all__ = ["DEFAULT_PATTERNS", "Entry", "FORMATS", "ImportProblem", "Line", "Recognised", "SourceText",
           "read_source", "recognise"]
