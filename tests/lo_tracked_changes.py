"""Decide every tracked change of a .docx in LibreOffice itself, and export the text it then holds.

Run with the system Python that has LibreOffice's UNO bridge (Debian's ``python3-uno``), not the
project's virtualenv:

    /usr/bin/python3 tests/lo_tracked_changes.py FILE.docx OUT_DIR

It starts ``soffice --headless`` with a private profile, listening on a named pipe, opens the
document hidden, lists its tracked changes (type, author, date) as LibreOffice read them, runs
Writer's own "Accept All" (``.uno:AcceptAllTrackedChanges``) on one copy and "Reject All" on
another, and saves each with Writer's text export (``Text (encoded)``, UTF-8, LF) as
``OUT_DIR/accept.txt`` and ``OUT_DIR/reject.txt``. A JSON summary goes to standard output.

A plain ``soffice --convert-to txt`` is no good for this: the text export writes the document as
it stands with changes still tracked, deleted and inserted words side by side.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _changes(doc: object) -> list[dict[str, object]]:
    out = []
    found = doc.getRedlines().createEnumeration()  # type: ignore[attr-defined]
    while found.hasMoreElements():
        change = found.nextElement()
        when = change.getPropertyValue("RedlineDateTime")
        out.append({"type": change.getPropertyValue("RedlineType"),
                    "author": change.getPropertyValue("RedlineAuthor"),
                    "date": f"{when.Year:04d}-{when.Month:02d}-{when.Day:02d}"})
    return out


def main(docx: str, out_dir: str) -> int:
    profile = tempfile.mkdtemp(prefix="draftdiff-lo-")
    pipe = f"draftdiff-{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 90
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or office.poll() is not None:
                    print("LibreOffice did not start", file=sys.stderr)
                    return 2
                time.sleep(0.25)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        summary: dict[str, object] = {}
        for action, command in COMMANDS.items():
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(docx)), "_blank", 0,
                                               (_prop("Hidden", True),))
            if action == "accept":
                summary["changes"] = _changes(doc)
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            summary[f"left_after_{action}"] = len(_changes(doc))
            target = os.path.abspath(os.path.join(out_dir, f"{action}.txt"))
            doc.storeToURL(uno.systemPathToFileUrl(target),
                           (_prop("FilterName", "Text (encoded)"), _prop("FilterOptions", "UTF8,LF")))
            doc.close(True)
        with contextlib.suppress(Exception):  # the bridge closes as the office quits
            desktop.terminate()
        print(json.dumps(summary))
        return 0
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
