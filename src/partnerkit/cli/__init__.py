"""The ``partnerkit`` command: thin argument parsing and output over the library."""

from partnerkit.cli import _sources  # noqa: F401 - registers the sources and read commands
from partnerkit.cli._main import main

__all__ = ["main"]
