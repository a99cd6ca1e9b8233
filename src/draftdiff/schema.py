"""The JSON Schema of a draft file, generated from the models (one source of truth)."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_ID = "https://draftdiff.invalid/schema/draft.schema.json"


def draft_json_schema() -> dict[str, Any]:
    from draftdiff.model import Draft

    schema = Draft.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "draftdiff draft",
        "description": "One version of a negotiated agreement's text (a proposal, a joint text, a status report).",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def draft_json_schema_text() -> str:
    return json.dumps(draft_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
