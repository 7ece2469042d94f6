"""``python -m policytext.cli``: the ``policytext`` command."""
import sys

from . import main

sys.exit(main())
