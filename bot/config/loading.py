"""``load_config``: the only place that reads the environment.

Values come from the process environment, then from a ``.env`` file in the working
directory (the environment wins). Every problem is collected and reported at once, each
naming the variable and how to fix it::

    config = load_config()                       # raises ConfigError on bad settings
    config = load_config({"TELEGRAM_BOT_TOKEN": "..."}, env_file=None)   # in tests
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from dotenv import dotenv_values
from pydantic import TypeAdapter

from bot.config.model import Config
from bot.config.reading import Reading
from bot.errors import ConfigError

_CONFIG = TypeAdapter(Config)


def load_config(
    environ: Mapping[str, str] | None = None,
    *,
    env_file: Path | None = Path(".env"),
    require_platforms: bool = False,
) -> Config:
    """Build a Config from the environment and ``env_file``; raise ConfigError naming each problem.

    ``require_platforms`` is set by ``borderdesk run``: the Telegram and Slack
    credentials are then mandatory. Offline commands (demo, chat, classify) do not need them.
    """
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    reading = Reading(require_platforms)
    # every declared variable is read, an unset one as blank (most keep their default)
    given = {variable: values.get(variable, "") for variable in Config.variables().values()}
    config = _CONFIG.validate_python(given, context=reading)
    if reading.problems:
        source = f"the environment or {env_file}" if env_file else "the environment"
        lines = "\n".join(f"  - {problem}" for problem in reading.problems)
        raise ConfigError(f"invalid settings (from {source}):\n{lines}")
    return config
