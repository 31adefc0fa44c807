"""``python -m lnox_site.new KIND ARGUMENTS…``: see :mod:`lnox_site.new`."""

import sys

from lnox_site.new import main

sys.exit(main())
