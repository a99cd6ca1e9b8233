"""Diagnostics as JSON: ``{"version": 1, "summary": {…}, "diagnostics": [{file, line, col, …}]}``."""

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
    }
    return json_visible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
