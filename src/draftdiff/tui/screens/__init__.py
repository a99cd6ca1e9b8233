"""Screens: board, article, compare, history, and the small dialogs."""
