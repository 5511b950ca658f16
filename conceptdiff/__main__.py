"""``python -m conceptdiff``: the command line."""

import sys

from conceptdiff.cli import main

sys.exit(main())
