"""Rules the reader enforces while loading a file, before any collection rule runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from draftdiff.rules import Rule


def reader_rules() -> tuple[Rule, ...]:
    """The reader's rules, each an error: a file that breaks one is not loaded."""
    from draftdiff.rules import Rule
    from draftdiff.yamlsource import MAX_DEPTH, MAX_KEYS, MAX_LINES, MAX_NODES

    table = [
        ("file-too-large", "A draft file is larger than 8 MiB.",
         "Real drafts are a few hundred kilobytes at most; a larger file is refused before parsing so that "
         "validation never exhausts memory. Split the text."),
        ("file-link-outside", "A linked draft file in a collection folder leads out of that folder.",
         "A collection is what its folder holds: a link to a file elsewhere is not read, so that no file outside "
         "(a tampered copy, a system file) is echoed in diagnostics or snapshots. Copy the file in, or choose "
         "to follow such links. A file named on the command line is read wherever it points."),
        ("file-encoding", "The file is not valid UTF-8.",
         "The position is that of the first byte that is not UTF-8. Save the file as UTF-8."),
        ("file-control-char", "The file contains a control character (NUL, escape, …).",
         "Tabs and line breaks (LF, CRLF, CR) are fine; other C0/C1 control characters and DEL are refused, "
         "because they corrupt terminals and diffs. So are NEL (U+0085) and the Unicode line and paragraph "
         "separators (U+2028, U+2029): YAML 1.1 readers break lines there and YAML 1.2 readers do not, so "
         "tools would disagree on the text and on line numbers. Remove the character. (The same characters "
         "written as escapes inside a string are the escaped-control-char rule.)"),
        ("file-too-many-lines", f"The file has more than {MAX_LINES:,} lines.",
         "The largest bundled draft has ~1,300 lines and a generated 1,700-article draft ~82,000; a "
         "file far beyond that is refused before it is parsed, so that reading stays fast and small."),
        ("file-empty", "The file holds no YAML document.",
         "An empty file or one with only comments is not a draft."),
        ("yaml-syntax", "The file is not well-formed YAML.",
         "The message is the YAML parser's own, at a line and column the file has. A quote, '[' or '{' the "
         "file ends inside is reported where it opens; so is a quoted string whose closing quote is missing "
         "and which the parser ran on to the next quote in the file, with the place where the parser gave up."),
        ("yaml-multi-document", "The file holds more than one YAML document.",
         "One draft per file: split the documents ('---') into separate files."),
        ("yaml-top-level", "The document is not a mapping.",
         "A draft is a mapping of keys (schema_version, id, articles, …) to values, never a list or scalar."),
        ("yaml-duplicate-key", "A mapping has the same key twice.",
         "YAML parsers disagree on which value wins, so a duplicate key is always an error."),
        ("yaml-anchor", "An anchor (&name) is used.",
         "Drafts do not need anchors; they are refused so that no file can expand into huge data."),
        ("yaml-alias", "An alias (*name) is used.", "Write the value out in full."),
        ("yaml-merge-key", "A merge key (<<) is used.", "Write the keys out in full."),
        ("yaml-tag", "A YAML tag (!!python/object, !custom, …) is used.",
         "Tags can make YAML loaders build arbitrary objects; drafts hold plain text, numbers and lists only."),
        ("yaml-complex-key", "A mapping key is itself a list or mapping.", "Keys are plain words."),
        ("yaml-depth", f"Nesting is deeper than {MAX_DEPTH} levels.", "Drafts need about six levels."),
        ("yaml-too-many-nodes", f"The document holds more than {MAX_NODES:,} values (scalars, lists, mappings).",
         "The largest bundled draft holds ~2,100 (keys included), a generated 1,700-article draft ~65,000. The reader stops at "
         "the first value over the limit, so a hostile file costs bounded time and memory."),
        ("yaml-too-many-keys", f"The document holds more than {MAX_KEYS:,} mapping keys.",
         "The largest bundled draft has ~900 keys, a generated 1,700-article draft ~29,000. The reader stops at the "
         "first key over the limit instead of reading (and reporting) every one."),
        ("schema-unknown-key", "A key that the draft format does not have (often a typo).",
         "Every model forbids extra keys; the message suggests the closest known key."),
        ("schema-missing-key", "A required key is missing.", "The message names the key and where it belongs."),
        ("schema-type", "A value has the wrong type (text where a list is needed, …).", ""),
        ("schema-value", "A value is not one of the allowed values or not in the right form.",
         "Statuses, kinds, stages and bases come from fixed vocabularies; identifiers are lower-case slugs."),
        ("schema-date", "A date is not a real calendar date written YYYY-MM-DD.",
         "Dates stay text (never YAML timestamps); 2023-02-29 is refused because the day does not exist."),
    ]
    return tuple(Rule(rid, "error", summary, f"{summary}\n\n{doc}".strip()) for rid, summary, doc in table)

