"""The ``partnerkit`` command: thin argument parsing and output over the library.

``main`` runs it (the console script); ``cli`` is the click group, for click's
``CliRunner`` in tests and docs.
"""

from partnerkit.cli._main import cli, main

__all__ = ["cli", "main"]
