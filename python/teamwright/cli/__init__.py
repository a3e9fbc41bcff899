"""The ``teamwright`` command line (``python -m teamwright``): the arguments (parser.py), the
commands (commands.py) and what they print (report.py)."""

from teamwright.cli.commands import main

__all__ = ["main"]
