"""draftdiff: versions of a negotiated text, compared and validated article by article."""

__version__ = "0.1.0"
