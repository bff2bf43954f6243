"""Settings: the only package that reads the environment.

Each setting is declared once, as a field of one group by idea, naming its environment
variable, type, default and how its text is read: ``running`` (database, files, logs,
pace), ``telegram``, ``whatsapp``, ``slack`` (and who may act), ``language`` (and translation),
``orders`` (customers, order webhooks, proactive messages). ``reading`` is how text
becomes values with every problem collected, ``values`` the shapes several groups share;
``model`` gathers the groups into ``Config`` and ``loading`` reads it::

    config = load_config()                       # raises ConfigError on bad settings
    config = load_config({"TELEGRAM_BOT_TOKEN": "..."}, env_file=None)   # in tests
    config = Config(database_url="sqlite+aiosqlite:///x.db")   # in code: as given
"""

from bot.config.language import DEFAULT_LANGUAGES, DETECTORS, TRANSLATORS
from bot.config.loading import load_config
from bot.config.model import Config
from bot.config.orders import PROACTIVE_KINDS
from bot.config.running import DEFAULT_DATABASE_URL
from bot.config.slack import DEPARTMENTS, SLACK_CHANNEL_ID

__all__ = [
    "DEFAULT_DATABASE_URL",
    "DEFAULT_LANGUAGES",
    "DEPARTMENTS",
    "DETECTORS",
    "PROACTIVE_KINDS",
    "SLACK_CHANNEL_ID",
    "TRANSLATORS",
    "Config",
    "load_config",
]
