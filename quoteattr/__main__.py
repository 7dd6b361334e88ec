"""``python -m quoteattr``: the same as the ``quoteattr`` command."""

import sys

from .cli import main

sys.exit(main())
