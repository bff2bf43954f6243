"""The one error tree of BorderDesk.

    BorderDeskError
    ├── ConfigError            a setting is missing or invalid (names the variable)
    ├── UsageError             a command's arguments cannot work (names the argument)
    ├── StorageError           the database cannot be opened or migrated
    └── ChannelError           a platform call failed (SDK errors are wrapped here)
        ├── ChannelRateLimited     the platform asked us to wait ``retry_after`` seconds
        ├── ChannelUnavailable     network or server trouble: retry later
        └── ChannelRejected        the platform refused the request: retrying will not help

Adapters raise ``ChannelError`` subclasses ``from`` the SDK exception, so the outbox can
decide between retrying and giving up without knowing any SDK.
"""

from __future__ import annotations


class BorderDeskError(Exception):
    """Base of every error BorderDesk raises on purpose."""


class ConfigError(BorderDeskError):
    """A setting is missing or invalid; the message names it and says how to fix it."""


class UsageError(BorderDeskError):
    """A command line argument is wrong (a missing file, a bad date); the message names the
    argument and says what would work. Unlike ``ConfigError``, no setting is involved."""


class StorageError(BorderDeskError):
    """The database cannot be reached or migrated."""


class ChannelError(BorderDeskError):
    """A call to a chat platform failed."""


class ChannelRateLimited(ChannelError):
    """The platform asked us to slow down."""

    def __init__(self, retry_after: float, message: str = "") -> None:
        super().__init__(message or f"rate limited, retry after {retry_after:g}s")
        self.retry_after = retry_after


class ChannelUnavailable(ChannelError):
    """Temporary trouble (network, timeout, 5xx): the same call may succeed later."""


class ChannelRejected(ChannelError):
    """The platform refused the request (blocked bot, bad chat id, bad token)."""
