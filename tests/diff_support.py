"""Small hand-made drafts for the diff tests, built as plain data."""

from __future__ import annotations

from typing import Any

from draftdiff.diff.result import Segment
from draftdiff.model import Draft


def art(id: str, number: int | None, text: str, status: str = "agreed", **extra: Any) -> dict[str, Any]:
    return {"id": id, "number": number, "title": extra.pop("title", id.replace("-", " ").capitalize()),
            "status": status, "text": text, "text_basis": "verbatim", **extra}


def draft(articles: list[dict[str, Any]], **extra: Any) -> Draft:
    data: dict[str, Any] = {
        "schema_version": 1, "agreement": "test-peace", "id": "d-old", "title": "A test proposal",
        "date": "2024-01-01", "kind": "proposal", "proposed_by": "armenia", "stage": "negotiating",
        "parties": ["armenia", "azerbaijan"], "articles": articles,
        "sources": [{"id": s, "title": s, "publisher": "Example"} for s in ("s1", "s2", "s3")]}
    data.update(extra)
    return Draft.model_validate(data)


def marked(segments: list[Segment]) -> str:
    """A redline in git's word-diff markers, for readable assertions."""
    out = []
    for s in segments:
        out.append(s.text if s.op == "equal" else f"[-{s.text}-]" if s.op == "delete" else f"{{+{s.text}+}}")
    return "".join(out)


TEXTS = {
    "recognition": "The Parties recognise each other's sovereignty and territorial integrity. "
                   "They shall respect the inviolability of borders.",
    "forces": "The Parties shall not deploy third-party forces along the border. "
              "Forces present shall be withdrawn within one month of entry into force.",
    "communications": "Communications shall be unblocked on the basis of sovereignty and reciprocity. "
                      "Transit through each Party's territory shall be free.",
    "claims": "Each Party shall withdraw interstate claims within one month. "
              "Neither Party shall file new claims against the other.",
    "commission": "A bilateral commission shall oversee the implementation of this Agreement. "
                  "It shall meet at least twice a year and report to the Ministers.",
    "final": "This Agreement enters into force on the exchange of instruments of ratification.",
}
