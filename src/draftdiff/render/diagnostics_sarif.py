"""Diagnostics as SARIF 2.1.0, for code-scanning dashboards.

Columns are counted in Unicode code points (declared with ``columnKind``),
1-based as SARIF requires; every rule is described in ``tool.driver.rules``.
"""

from __future__ import annotations

import json
from pathlib import Path

from draftdiff import __version__
from draftdiff.diagnostics import Report
from draftdiff.textsafe import json_visible

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(file: str) -> str:
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return path.as_posix()


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
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json_visible(json.dumps(sarif, ensure_ascii=False, indent=2)) + "\n"
