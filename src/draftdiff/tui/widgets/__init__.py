"""Widgets: each shows one thing, fed by reactives bound from its screen."""
