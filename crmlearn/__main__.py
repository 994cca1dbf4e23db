"""``python -m crmlearn ...`` runs the ``crmlearn`` command (see :mod:`crmlearn.cli`)."""
import sys

from crmlearn.cli import main

if __name__ == "__main__":
    sys.exit(main())
