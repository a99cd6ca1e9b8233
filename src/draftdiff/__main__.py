"""Allow ``python -m draftdiff``."""

from draftdiff.cli import entry

entry()
