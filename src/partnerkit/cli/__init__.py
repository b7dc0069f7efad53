"""The ``partnerkit`` command: thin argument parsing and output over the library."""

from partnerkit.cli._main import main

__all__ = ["main"]
