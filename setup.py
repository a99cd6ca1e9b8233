"""Puts the bundled drafts (``drafts/`` at the top of the repository) into the wheel.

They live once, in ``drafts/``, where analysts and CI edit them; a symbolic link
inside ``src/`` would not survive every checkout, archive or file system, so the
build copies them into ``draftdiff/data/drafts`` instead. An editable install and a
checkout read them from ``drafts/`` directly (see :mod:`draftdiff.bundled`).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithDrafts(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "draftdiff" / "data" / "drafts"
        self.mkpath(str(target))
        for draft in sorted(Path("drafts").glob("*.yaml")):
            self.copy_file(str(draft), str(target / draft.name))


setup(cmdclass={"build_py": BuildWithDrafts})
