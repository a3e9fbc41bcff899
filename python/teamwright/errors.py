"""The exceptions teamwright raises, each carrying the C++ library's message unchanged.

Only invalid input raises. A request that cannot be met is not an error: solving it returns an
infeasible result that names what is missing.
"""

from __future__ import annotations


class Error(Exception):
    """Base of every teamwright exception."""


class InvalidInputError(Error, ValueError):
    """The input breaks a rule of the data model or the file format."""


class FormatError(InvalidInputError):
    """Malformed JSON, a wrong type, a missing or unknown field, an unsupported version."""


class DuplicateIdError(InvalidInputError):
    """Two items of one kind share an id, or a list names one item twice."""


class OutOfRangeError(InvalidInputError):
    """A number outside its allowed range."""


class CyclicHierarchyError(InvalidInputError):
    """The competency hierarchy has a cycle."""


class UnknownReferenceError(Error, KeyError):
    """The input names a competency, person, role or request that does not exist."""

    def __str__(self) -> str:
        # KeyError would quote the message; keep it exactly as the library wrote it.
        return str(self.args[0]) if self.args else ""


class FileError(Error, OSError):
    """A file cannot be read or written."""
