"""Allow ``python -m draftdiff``."""

from draftdiff.cli import main

raise SystemExit(main())
