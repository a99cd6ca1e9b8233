"""pydantic plugins are off for the ``draftdiff`` command, unless the environment says otherwise.

Plugins instrument an application's own validation; a command that checks draft
files has no use for them, and looking for them costs start-up time (pydantic
reads every installed package's entry points). The console entry point therefore
sets pydantic's own public switch, ``PYDANTIC_DISABLE_PLUGINS=__all__``, before
pydantic is imported, unless the variable is already set. To run pydantic plugins
under draftdiff, set it to anything else (an empty value, or the names of the
plugins to leave out). Code that calls :func:`draftdiff.cli.main` itself is left
as pydantic would have it.
"""

from __future__ import annotations

import os

SWITCH = "PYDANTIC_DISABLE_PLUGINS"


def plugins_off() -> None:
    """Turn pydantic plugins off for this process unless the environment already chose."""
    os.environ.setdefault(SWITCH, "__all__")
