"""pydantic plugins are off on the command line, and pydantic is spared looking for them.

When it builds the first model, pydantic asks its plugin loader for plugins (the
``pydantic`` entry-point group), and the loader imports :mod:`importlib.metadata`
to find them: ~40 modules (email, zipfile, tempfile, sockets, compression), about
a tenth of ``draftdiff validate ONE.yaml``. Plugins instrument an application's own
validation; a command that checks draft files has no use for them. So the command
line sets ``PYDANTIC_DISABLE_PLUGINS=__all__`` unless the environment already says
otherwise, and with plugins off it answers the loader's one question itself, as
pydantic would. Anything else asked of the loader loads the real one.

To run pydantic plugins under draftdiff, set ``PYDANTIC_DISABLE_PLUGINS`` to
anything else (an empty value, or the names of the plugins to leave out).
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from typing import Any

LOADER = "pydantic.plugin._loader"
OFF = ("__all__", "1", "true")
"""The values with which pydantic itself loads no plugin at all."""


class _NoPlugins(types.ModuleType):
    """Stands in for pydantic's plugin loader while plugins are off."""

    @staticmethod
    def get_plugins() -> tuple[()]:
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asking whether this is a package, and the like
            raise AttributeError(name)
        # Something other than the one question: the real loader answers, and takes its place.
        if sys.modules.get(LOADER) is self:
            del sys.modules[LOADER]
        return getattr(importlib.import_module(LOADER), name)


def plugins_off() -> None:
    """Turn pydantic plugins off for this process unless the environment chose, before pydantic loads."""
    setting = os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if setting in OFF and LOADER not in sys.modules:
        sys.modules[LOADER] = _NoPlugins(LOADER)
