"""Settings of the desk itself: its database, logs, files, store name and pace."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from pydantic.dataclasses import dataclass

from bot.config.reading import SETTINGS, Reading, Settings, parsed, setting, wrong
from bot.config.values import File, Folder, OptionalAddress, Seconds, Text, one_of, whole
from bot.models import Limit

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/borderdesk.sqlite3"


def _rate(text: str) -> Limit:
    count, _, seconds = text.partition("/")
    if not (count.strip().isdigit() and seconds.strip().isdigit()) or not (
        1 <= int(count) <= 1000 and 1 <= int(seconds) <= 86400
    ):
        raise wrong(text, "write messages/seconds, e.g. 10/60 for ten a minute")
    return Limit(int(count), float(seconds))


def _cache_folder(text: str) -> Path | None:
    if text.lower() == "off":
        return None
    if text.lower() in {"on", "yes", "true", "1"}:  # a switch, not a folder named "on"
        return _default_cache()
    return Path(text).expanduser()


def _users_cache(reading: Reading) -> Path:
    """Unset: the user's cache folder (the XDG one, from the process environment: it
    belongs to the machine, not the desk)."""
    return _default_cache()


def _default_cache() -> Path:
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "borderdesk"


@dataclass(frozen=True, config=SETTINGS)
class RunningSettings(Settings):
    """Where the desk keeps its data and files, how much it logs, how fast it goes."""

    database_url: Text = setting("BORDERDESK_DATABASE_URL", DEFAULT_DATABASE_URL)
    log_level: Annotated[str, one_of(("DEBUG", "INFO", "WARNING", "ERROR"))] = setting(
        "BORDERDESK_LOG_LEVEL", "INFO"
    )
    # empty: answers use a neutral phrase in the shopper's language ("nuestra tienda")
    store_name: Text = setting("BORDERDESK_STORE_NAME", "")
    desk_file: File = setting("BORDERDESK_DESK_FILE", Path("desk.yaml"))
    # the store's own answer library; None: the built-in one
    library_dir: Folder = setting("BORDERDESK_LIBRARY_DIR")
    # where the trained intent model is kept: a folder, or "off"; None: no cache (a
    # Config built in code), and read from an unset variable: the user's cache folder
    model_cache: Annotated[Path | None, parsed(_cache_folder, blank=_users_cache)] = setting(
        "BORDERDESK_MODEL_CACHE"
    )
    outbox_max_attempts: Annotated[int, whole(1, 100)] = setting(
        "BORDERDESK_OUTBOX_MAX_ATTEMPTS", 8
    )
    # more than ``count`` messages in ``seconds`` from one shopper: the rest wait, together
    shopper_flood_limit: Annotated[Limit, parsed(_rate)] = setting(
        "BORDERDESK_SHOPPER_FLOOD_LIMIT", Limit(10, 60.0)
    )
    # ``run`` gives up at start when Telegram, Slack or Socket Mode has not answered by then
    connect_timeout: Seconds = setting("BORDERDESK_CONNECT_TIMEOUT", 30.0)
    # how soon an example staff taught in another process on the same database is learned
    # by this one's engine (the ``examples`` job, ``bot.jobs_periodic``)
    examples_interval: Seconds = setting("BORDERDESK_EXAMPLES_INTERVAL", 5.0)
    # how often the resume job looks for messages left unhandled (a dead process's, once
    # its claims lapse) and floods whose pause is over (``bot.jobs_periodic.resume``)
    resume_interval: Seconds = setting("BORDERDESK_RESUME_INTERVAL", 30.0)
    # how long a process's claim on a conversation holds unless renewed (every third of
    # it); a conversation of a process that died is taken over after this (bot.storage.claims)
    claim_lease: Seconds = setting("BORDERDESK_CLAIM_LEASE", 30.0)
    # this process's /healthz and /metrics (bot.health); unset or "off": not served. Off
    # by default: a fixed port would clash between several processes on one machine, and
    # only an operator who scrapes it knows which address their Prometheus can reach
    health_listen: OptionalAddress = setting("BORDERDESK_HEALTH_LISTEN")
