"""`python -m assistant` runs the same CLI as `needs-led`."""

from assistant.cli import main

raise SystemExit(main())
