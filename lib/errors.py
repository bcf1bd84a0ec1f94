"""Typed errors raised by the core. Pages turn them into ``st.error``; the CLI into exit code 2."""

from __future__ import annotations


class SecondLookError(Exception):
    """Base class: every error the core raises on purpose. ``str(err)`` is a user-facing sentence."""


class ValidationError(SecondLookError):
    """A value a person typed (or a file supplied) is not acceptable.

    ``field`` names the form field so a page can show the message next to it.
    """

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class NotFound(SecondLookError):
    """The object does not exist *for this owner*. A forbidden object looks exactly like a missing one."""


class ConflictError(SecondLookError):
    """A stale edit: somebody (another tab) saved this record since it was loaded."""


class PermissionDenied(SecondLookError):
    """The current role may not do this (for example a coach trying to edit)."""


class ImportRefused(SecondLookError):
    """A backup or CSV file was refused as a whole; nothing was written.

    ``problems`` lists per-row details where there are any: (row number, column, reason).
    """

    def __init__(self, message: str, problems: tuple[tuple[int, str, str], ...] = ()):
        super().__init__(message)
        self.problems = problems


class UploadRefused(SecondLookError):
    """An uploaded file was refused (too large, wrong type, unreadable, or too costly to parse)."""


class SchemaTooNew(SecondLookError):
    """The database was written by a newer version of Second Look; we refuse to write to it."""
