"""Diagnostics as JSON: ``{"version": 1, "summary": {…}, "diagnostics": [{file, line, col, …}], "could_not_run": …}``.

``could_not_run`` is ``null`` when the files were validated, else the reason none was (exit 2): no
file was checked then, so the summary counts nothing and the diagnostics are empty.
"""

from __future__ import annotations

import json

from draftdiff import __version__
from draftdiff.diagnostics import Report
from draftdiff.textsafe import json_visible

FORMAT_VERSION = 1


def render(report: Report, **_: object) -> str:
    data = {
        "version": FORMAT_VERSION,
        "tool": {"name": "draftdiff", "version": __version__},
        "summary": {"files": len(report.files), "drafts": report.drafts,
                    "errors": report.errors, "warnings": report.warnings},
        "diagnostics": [d.as_dict() for d in report.sorted()],
        "could_not_run": report.failure,
    }
    return json_visible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
