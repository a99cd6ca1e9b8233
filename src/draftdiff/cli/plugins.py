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
import importlib.machinery
import os
import sys
import types
from typing import Any

PARENT = "pydantic.plugin"
LOADER = f"{PARENT}._loader"
OFF = ("__all__", "1", "true")
"""The values with which pydantic itself loads no plugin at all."""


class _NoPlugins(types.ModuleType):
    """Stands in for pydantic's plugin loader while plugins are off."""

    def __init__(self) -> None:
        super().__init__(LOADER)
        self.__spec__ = importlib.machinery.ModuleSpec(LOADER, None)

    def get_plugins(self) -> Any:
        """No plugins, as pydantic answers with them off; should the setting change, pydantic's own answer."""
        parent = sys.modules.get(PARENT)
        if parent is not None and not hasattr(parent, "_loader"):
            parent._loader = self  # what the import system does for a submodule it loads itself
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in OFF:
            return ()
        return self.__getattr__("get_plugins")()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asking whether this is a package, and the like
            raise AttributeError(name)
        # Something other than the one question: the real loader answers, and takes its place.
        if sys.modules.get(LOADER) is self:
            del sys.modules[LOADER]
        parent = sys.modules.get(PARENT)
        if parent is not None and getattr(parent, "_loader", None) is self:
            del parent._loader
        return getattr(importlib.import_module(LOADER), name)


def plugins_off() -> None:
    """Turn pydantic plugins off for this process unless the environment chose, before pydantic loads."""
    setting = os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if setting in OFF and LOADER not in sys.modules:
        sys.modules[LOADER] = _NoPlugins()
