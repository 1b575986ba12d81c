"""``python -m lottery``: the command line."""

import sys

from lottery.cli import main

sys.exit(main())
