"""Diagnostics as SARIF 2.1.0, for code-scanning dashboards.

Columns are counted in Unicode code points (declared with ``columnKind``),
1-based as SARIF requires; every rule is described in ``tool.driver.rules``.
The run's invocation says whether validation ran: when it could not (no such path,
no drafts) it is ``executionSuccessful: false`` with the reason as an error
notification, and the run has no ``results`` (SARIF 2.1.0, 3.14.23: absent, that
is null, for a tool that started but could not begin its analysis).
"""

from __future__ import annotations

import json
from pathlib import Path

from draftdiff import __version__
from draftdiff.diagnostics import Report
from draftdiff.errors import EXIT_TROUBLE
from draftdiff.textsafe import json_visible

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(file: str) -> str:
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return path.as_posix()


def _invocation(report: Report) -> dict[str, object]:
    if report.failure is None:
        return {"executionSuccessful": True}
    return {"executionSuccessful": False, "exitCode": EXIT_TROUBLE,
            "toolExecutionNotifications": [{"level": "error", "message": {"text": report.summary()}}]}


def render(report: Report, **_: object) -> str:
    from draftdiff.rules import all_rules

    rules = all_rules()
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = []
    for d in report.sorted():
        result: dict[str, object] = {
            "ruleId": d.rule,
            "level": d.severity,
            "message": {"text": d.message + (f" (hint: {d.hint})" if d.hint else "")},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(d.file)},
                    "region": {"startLine": max(d.line, 1), "startColumn": max(d.col, 1)},
                }
            }],
        }
        if d.rule in index:
            result["ruleIndex"] = index[d.rule]
        results.append(result)
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "draftdiff",
                "version": __version__,
                # no informationUri: the project has no public home yet, and the PyPI name "draftdiff"
                # belongs to an unrelated package, so pointing there would send readers to a stranger
                "rules": [{
                    "id": rule.id,
                    "shortDescription": {"text": rule.summary},
                    "fullDescription": {"text": rule.doc},
                    "defaultConfiguration": {"level": rule.severity},
                } for rule in rules],
            }},
            "invocations": [_invocation(report)],
            "columnKind": "unicodeCodePoints",
            **({"results": results} if report.failure is None else {}),
        }],
    }
    return json_visible(json.dumps(sarif, ensure_ascii=False, indent=2)) + "\n"
