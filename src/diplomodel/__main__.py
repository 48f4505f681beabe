"""``python -m diplomodel``: run the command line."""

import sys

from diplomodel.cli import main

if __name__ == "__main__":
    sys.exit(main())
