"""The Textual face of draftdiff: views over the core's objects, no logic of its own.

Importing this package is cheap; Textual is imported by :mod:`draftdiff.tui.app`.
"""
