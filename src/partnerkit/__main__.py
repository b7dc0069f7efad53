"""``python -m partnerkit``: the same as the ``partnerkit`` command."""

from partnerkit.cli import main

main()
