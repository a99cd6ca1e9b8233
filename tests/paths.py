"""Where things are, for tests in any folder under tests/: the repository's root and the tests folder."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
