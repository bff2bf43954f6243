"""Settings: the only place that reads the environment.

Values come from the process environment, then from a ``.env`` file in the working
directory (the environment wins). Every problem is collected and reported at once, each
naming the variable and how to fix it::

    config = load_config()                       # raises ConfigError on bad settings
    config = load_config({"TELEGRAM_BOT_TOKEN": "..."}, env_file=None)   # in tests
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from babel import Locale, UnknownLocaleError
from dotenv import dotenv_values

from bot.errors import ConfigError
from bot.models import Limit

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/borderdesk.sqlite3"
DEFAULT_LANGUAGES = (
    "en",
    "es",
    "fr",
    "de",
    "it",
    "pt",
    "nl",
    "pl",
    "ru",
    "tr",
    "ja",
    "ko",
    "zh",
    "ar",
)
DEPARTMENTS = ("purchasing", "warehouse", "logistics", "sales", "management")
DETECTORS = ("lingua", "langdetect")
TRANSLATORS = ("google", "deepl", "microsoft", "mymemory", "libretranslate", "none")

Mode = Literal["polling", "webhook", "socket", "http"]

_TELEGRAM_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]{10,}$")
SLACK_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{8,}$")
PROACTIVE_KINDS = ("payment_reminder", "shipped", "delay", "review_request")
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass(frozen=True)
class Config:
    """Every setting BorderDesk reads; see ``.env.example`` for what each one means."""

    database_url: str = DEFAULT_DATABASE_URL
    log_level: str = "INFO"
    # empty: answers use a neutral phrase in the shopper's language ("nuestra tienda")
    store_name: str = ""
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    language_detector: str = "lingua"
    staff_language: str = "en"
    translator: str = "google"
    translator_api_key: str | None = None
    libretranslate_url: str | None = None
    glossary: tuple[str, ...] = ()
    translation_timeout: float = 4.0
    telegram_token: str | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_webhook_listen: tuple[str, int] = ("0.0.0.0", 8443)
    # "ignore": only private chats are shoppers; "allow": group messages get cards too, and
    # replies to a group never carry order data (see README "Telegram groups")
    telegram_groups: str = "ignore"
    slack_bot_token: str | None = None
    slack_app_token: str | None = None
    slack_signing_secret: str | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_listen: tuple[str, int] = ("0.0.0.0", 3000)
    # ``run`` gives up at start when Telegram, Slack or Socket Mode has not answered by then
    connect_timeout: float = 30.0
    slack_inbox_channel: str | None = None
    department_channels: Mapping[str, str] = field(default_factory=dict)
    outbox_max_attempts: int = 8
    # more than ``count`` messages in ``seconds`` from one shopper: the rest wait, together
    shopper_flood_limit: Limit = Limit(10, 60.0)
    staff_users: frozenset[str] = frozenset()  # Slack user ids allowed to act; empty: anyone
    staff_group: str | None = None  # or a Slack user group id (S…) whose members may act
    # orders and customers (see README "Customers and orders")
    webhook_listen: tuple[str, int] = ("0.0.0.0", 8080)
    order_events_secret: str | None = None  # HMAC key of the generic order-event endpoint
    shopify_webhook_secret: str | None = None  # the Shopify app's API secret key
    managers: frozenset[str] = frozenset()  # Slack ids who approve refunds for flagged buyers
    vip_spend: float = 500.0
    vip_orders: int = 5
    retention_days: int = 0  # 0: keep message text; else erase text older than this
    proactive: frozenset[str] = frozenset(PROACTIVE_KINDS)
    payment_reminder_hours: int = 24
    review_request_days: int = 5
    delay_grace_days: int = 1
    quiet_hours: tuple[int, int] = (21, 9)  # shopper's local time, no proactive messages
    notices_dir: Path | None = None  # the store's own notice texts; None: built-in
    desk_file: Path = Path("desk.yaml")
    library_dir: Path | None = None  # the store's own answer library; None: the built-in one
    model_cache: Path | None = None  # where the trained intent model is kept; None: no cache

    @property
    def telegram_mode(self) -> Mode:
        """Webhook when a public URL is configured, long polling otherwise."""
        return "webhook" if self.telegram_webhook_url else "polling"

    @property
    def slack_mode(self) -> Mode:
        """Socket Mode when an app-level token is set, HTTP (Events API) otherwise."""
        return "socket" if self.slack_app_token else "http"

    def secrets(self) -> list[str]:
        """Values that must never appear in logs."""
        values = (
            self.telegram_token,
            self.telegram_webhook_secret,
            self.translator_api_key,
            self.slack_bot_token,
            self.slack_app_token,
            self.slack_signing_secret,
            self.order_events_secret,
            self.shopify_webhook_secret,
        )
        return [v for v in values if v]

    def describe(self) -> list[tuple[str, str]]:
        """Settings as (name, shown value) pairs, secrets masked, for ``check-config``."""

        def mask(value: str | None) -> str:
            return "(not set)" if not value else f"set, ends in …{value[-4:]}"

        return [
            ("BORDERDESK_DATABASE_URL", self.database_url),
            ("BORDERDESK_STORE_NAME", self.store_name or "(not set: a neutral phrase)"),
            ("BORDERDESK_LANGUAGES", ",".join(self.languages)),
            ("BORDERDESK_LANGUAGE_DETECTOR", self.language_detector),
            ("BORDERDESK_STAFF_LANGUAGE", self.staff_language),
            ("BORDERDESK_TRANSLATOR", self.translator),
            ("BORDERDESK_TRANSLATOR_API_KEY", mask(self.translator_api_key)),
            ("BORDERDESK_LIBRETRANSLATE_URL", self.libretranslate_url or "(not set)"),
            ("BORDERDESK_GLOSSARY", ", ".join(self.glossary) or "(none)"),
            ("TELEGRAM_BOT_TOKEN", mask(self.telegram_token)),
            ("Telegram mode", self.telegram_mode),
            ("SLACK_BOT_TOKEN", mask(self.slack_bot_token)),
            ("SLACK_APP_TOKEN", mask(self.slack_app_token)),
            ("SLACK_SIGNING_SECRET", mask(self.slack_signing_secret)),
            ("Slack mode", self.slack_mode),
            ("BORDERDESK_SLACK_INBOX_CHANNEL", self.slack_inbox_channel or "(not set)"),
            ("BORDERDESK_STAFF_USERS", ", ".join(sorted(self.staff_users)) or "(anyone)"),
            ("BORDERDESK_STAFF_GROUP", self.staff_group or "(not set)"),
            ("BORDERDESK_MANAGERS", ", ".join(sorted(self.managers)) or "(none)"),
            ("BORDERDESK_WEBHOOK_LISTEN", "{}:{}".format(*self.webhook_listen)),
            ("BORDERDESK_ORDER_EVENTS_SECRET", mask(self.order_events_secret)),
            ("BORDERDESK_SHOPIFY_WEBHOOK_SECRET", mask(self.shopify_webhook_secret)),
            ("BORDERDESK_PROACTIVE", ", ".join(sorted(self.proactive)) or "none"),
            (
                "BORDERDESK_DEPARTMENT_CHANNELS",
                ", ".join(f"{k}={v}" for k, v in self.department_channels.items()) or "(none)",
            ),
        ]


def _model_cache(raw: str) -> Path | None:
    """BORDERDESK_MODEL_CACHE: a folder, or "off"; unset: the user's cache folder (the
    XDG one, from the process environment: it belongs to the machine, not the desk)."""
    if raw.strip().lower() == "off":
        return None
    if raw.strip():
        return Path(raw.strip()).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "borderdesk"


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
    source = f"the environment or {env_file}" if env_file else "the environment"
    reader = _Reader(values, source)
    config = Config(
        database_url=reader.text("BORDERDESK_DATABASE_URL", DEFAULT_DATABASE_URL),
        log_level=reader.choice(
            "BORDERDESK_LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR")
        ),
        store_name=reader.text("BORDERDESK_STORE_NAME", Config.store_name),
        languages=reader.languages("BORDERDESK_LANGUAGES", DEFAULT_LANGUAGES),
        language_detector=reader.choice("BORDERDESK_LANGUAGE_DETECTOR", "lingua", DETECTORS),
        staff_language=reader.language("BORDERDESK_STAFF_LANGUAGE", "en"),
        translator=reader.choice("BORDERDESK_TRANSLATOR", "google", TRANSLATORS),
        translator_api_key=reader.secret(
            "BORDERDESK_TRANSLATOR_API_KEY",
            re.compile(r"^\S+$"),
            False,
            "the API key of the translation provider",
        ),
        libretranslate_url=reader.optional_url(
            "BORDERDESK_LIBRETRANSLATE_URL", ("http://", "https://")
        ),
        glossary=reader.terms("BORDERDESK_GLOSSARY"),
        translation_timeout=reader.seconds("BORDERDESK_TRANSLATION_TIMEOUT", 4.0),
        telegram_token=reader.secret(
            "TELEGRAM_BOT_TOKEN",
            _TELEGRAM_TOKEN,
            require_platforms,
            "the token @BotFather gave you, like 123456:ABC-...",
        ),
        telegram_api_url=reader.text("BORDERDESK_TELEGRAM_API_URL", Config.telegram_api_url),
        telegram_webhook_url=reader.optional_url("BORDERDESK_TELEGRAM_WEBHOOK_URL", ("https://",)),
        telegram_webhook_secret=reader.secret(
            "BORDERDESK_TELEGRAM_WEBHOOK_SECRET",
            _WEBHOOK_SECRET,
            False,
            "1-256 characters of A-Z, a-z, 0-9, _ and -",
        ),
        telegram_webhook_listen=reader.address(
            "BORDERDESK_TELEGRAM_WEBHOOK_LISTEN", ("0.0.0.0", 8443)
        ),
        telegram_groups=reader.choice("BORDERDESK_TELEGRAM_GROUPS", "ignore", ("ignore", "allow")),
        slack_bot_token=reader.secret(
            "SLACK_BOT_TOKEN",
            re.compile(r"^xoxb-\S+$"),
            require_platforms,
            "the Bot User OAuth Token, starting with xoxb-",
        ),
        slack_app_token=reader.secret(
            "SLACK_APP_TOKEN",
            re.compile(r"^xapp-\S+$"),
            False,
            "an app-level token with connections:write, starting with xapp-",
        ),
        slack_signing_secret=reader.secret(
            "SLACK_SIGNING_SECRET",
            re.compile(r"^\S{8,}$"),
            False,
            "the Signing Secret from Basic Information",
        ),
        slack_api_url=reader.text("BORDERDESK_SLACK_API_URL", Config.slack_api_url),
        slack_listen=reader.address("BORDERDESK_SLACK_LISTEN", ("0.0.0.0", 3000)),
        connect_timeout=reader.seconds("BORDERDESK_CONNECT_TIMEOUT", 30.0),
        slack_inbox_channel=reader.channel("BORDERDESK_SLACK_INBOX_CHANNEL", require_platforms),
        department_channels=reader.departments("BORDERDESK_DEPARTMENT_CHANNELS"),
        outbox_max_attempts=reader.integer("BORDERDESK_OUTBOX_MAX_ATTEMPTS", 8, 1, 100),
        shopper_flood_limit=reader.rate("BORDERDESK_SHOPPER_FLOOD_LIMIT", Limit(10, 60.0)),
        staff_users=reader.slack_ids("BORDERDESK_STAFF_USERS", "UW"),
        staff_group=reader.slack_id("BORDERDESK_STAFF_GROUP", "S"),
        webhook_listen=reader.address("BORDERDESK_WEBHOOK_LISTEN", ("0.0.0.0", 8080)),
        order_events_secret=reader.secret(
            "BORDERDESK_ORDER_EVENTS_SECRET",
            re.compile(r"^\S{16,}$"),
            False,
            "a random string of 16 or more characters shared with the system sending events",
        ),
        shopify_webhook_secret=reader.secret(
            "BORDERDESK_SHOPIFY_WEBHOOK_SECRET",
            re.compile(r"^\S{8,}$"),
            False,
            "the API secret key of your Shopify app (it signs the webhooks)",
        ),
        managers=reader.slack_ids("BORDERDESK_MANAGERS", "UW"),
        vip_spend=float(reader.integer("BORDERDESK_VIP_SPEND", 500, 0, 10_000_000)),
        vip_orders=reader.integer("BORDERDESK_VIP_ORDERS", 5, 1, 10_000),
        retention_days=reader.integer("BORDERDESK_RETENTION_DAYS", 0, 0, 36_500),
        proactive=reader.kinds("BORDERDESK_PROACTIVE", PROACTIVE_KINDS),
        payment_reminder_hours=reader.integer("BORDERDESK_PAYMENT_REMINDER_HOURS", 24, 1, 720),
        review_request_days=reader.integer("BORDERDESK_REVIEW_REQUEST_DAYS", 5, 1, 90),
        delay_grace_days=reader.integer("BORDERDESK_DELAY_GRACE_DAYS", 1, 0, 30),
        quiet_hours=reader.hours_span("BORDERDESK_QUIET_HOURS", (21, 9)),
        notices_dir=reader.folder("BORDERDESK_NOTICES_DIR"),
        desk_file=Path(reader.text("BORDERDESK_DESK_FILE", "desk.yaml")),
        library_dir=reader.folder("BORDERDESK_LIBRARY_DIR"),
        model_cache=_model_cache(reader.text("BORDERDESK_MODEL_CACHE", "")),
    )
    if require_platforms and not (config.slack_app_token or config.slack_signing_secret):
        reader.problems.append(
            "SLACK_SIGNING_SECRET or SLACK_APP_TOKEN: set the app token for Socket Mode, "
            "or the signing secret for HTTP mode"
        )
    if config.telegram_webhook_url and not config.telegram_webhook_secret:
        reader.problems.append(
            "BORDERDESK_TELEGRAM_WEBHOOK_SECRET: required with BORDERDESK_TELEGRAM_WEBHOOK_URL, "
            "so only Telegram can post updates to the webhook"
        )
    if config.translator == "libretranslate" and not config.libretranslate_url:
        reader.problems.append(
            "BORDERDESK_LIBRETRANSLATE_URL is missing: BORDERDESK_TRANSLATOR=libretranslate "
            "needs the address of your LibreTranslate server"
        )
    if config.translator in ("deepl", "microsoft") and not config.translator_api_key:
        reader.problems.append(
            f"BORDERDESK_TRANSLATOR_API_KEY is missing: {config.translator} needs an API key"
        )
    if reader.problems:
        lines = "\n".join(f"  - {p}" for p in reader.problems)
        raise ConfigError(f"invalid settings (from {source}):\n{lines}")
    return config


def _is_language(code: str) -> bool:
    """A two-letter ISO 639-1 code of a real language ("ja", not "jp" or "xx"), as CLDR
    (through Babel) knows them."""
    if not re.fullmatch(r"[a-z]{2}", code):
        return False
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


class _Reader:
    """Reads typed values and collects every problem instead of stopping at the first."""

    def __init__(self, values: Mapping[str, str], source: str) -> None:
        self.values = values
        self.source = source
        self.problems: list[str] = []

    def _raw(self, name: str) -> str | None:
        value = self.values.get(name, "").strip()
        return value or None

    def text(self, name: str, default: str) -> str:
        return self._raw(name) or default

    def choice(self, name: str, default: str, allowed: tuple[str, ...]) -> str:
        value = self._raw(name) or default
        if value not in allowed:
            self.problems.append(f"{name}={value!r}: choose one of {', '.join(allowed)}")
            return default
        return value

    def language(self, name: str, default: str) -> str:
        value = (self._raw(name) or default).lower()
        if not _is_language(value):
            self.problems.append(
                f"{name}={value!r}: use a two-letter ISO 639-1 language code such as en"
            )
            return default
        return value

    def languages(self, name: str, default: tuple[str, ...]) -> tuple[str, ...]:
        raw = self._raw(name)
        if raw is None:
            return default
        codes = tuple(dict.fromkeys(c.strip().lower() for c in raw.split(",") if c.strip()))
        bad = [c for c in codes if not _is_language(c)]
        if bad or not codes:
            self.problems.append(
                f"{name}={raw!r}: give comma-separated ISO 639-1 codes, e.g. en,es,de (bad: {bad})"
            )
            return default
        return codes

    def secret(self, name: str, pattern: re.Pattern[str], required: bool, hint: str) -> str | None:
        value = self._raw(name)
        if value is None:
            if required:
                self.problems.append(f"{name} is missing: set it to {hint}")
            return None
        if not pattern.fullmatch(value):
            # Never echo a secret back: say what shape it should have instead.
            self.problems.append(f"{name} does not look right: it should be {hint}")
            return None
        return value

    def optional_url(self, name: str, schemes: tuple[str, ...]) -> str | None:
        value = self._raw(name)
        if value is not None and not value.startswith(schemes):
            self.problems.append(
                f"{name}={value!r}: the URL must start with {' or '.join(schemes)}"
            )
            return None
        return value

    def folder(self, name: str) -> Path | None:
        raw = self._raw(name)
        if raw is None:
            return None
        path = Path(raw).expanduser()
        if not path.is_dir():
            self.problems.append(f"{name}={raw!r}: no such folder")
            return None
        return path

    def terms(self, name: str) -> tuple[str, ...]:
        raw = self._raw(name) or ""
        return tuple(dict.fromkeys(t.strip() for t in raw.split(",") if t.strip()))

    def seconds(self, name: str, default: float) -> float:
        raw = self._raw(name)
        if raw is None:
            return default
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not 0 < value <= 60:
            self.problems.append(f"{name}={raw!r}: give a number of seconds between 0 and 60")
            return default
        return value

    def address(self, name: str, default: tuple[str, int]) -> tuple[str, int]:
        raw = self._raw(name)
        if raw is None:
            return default
        host, _, port = raw.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            self.problems.append(f"{name}={raw!r}: write host:port, e.g. 0.0.0.0:8443")
            return default
        return host, int(port)

    def channel(self, name: str, required: bool) -> str | None:
        value = self._raw(name)
        if value is None:
            if required:
                self.problems.append(
                    f"{name} is missing: set it to the inbox channel's id (C0123456789; "
                    "in Slack, open the channel details and copy the id at the bottom)"
                )
            return None
        if not SLACK_CHANNEL_ID.fullmatch(value):
            self.problems.append(
                f"{name}={value!r}: use the channel id (like C0123456789), not its name"
            )
            return None
        return value

    def departments(self, name: str) -> dict[str, str]:
        raw = self._raw(name)
        result: dict[str, str] = {}
        if raw is None:
            return result
        for part in raw.split(","):
            dept, _, channel = part.strip().partition("=")
            dept, channel = dept.strip().lower(), channel.strip()
            if dept not in DEPARTMENTS or not SLACK_CHANNEL_ID.fullmatch(channel):
                self.problems.append(
                    f"{name}: {part.strip()!r} should be department=CHANNEL_ID with a department "
                    f"among {', '.join(DEPARTMENTS)}"
                )
                continue
            result[dept] = channel
        return result

    def rate(self, name: str, default: Limit) -> Limit:
        raw = self._raw(name)
        if raw is None:
            return default
        count, _, seconds = raw.partition("/")
        if not (count.strip().isdigit() and seconds.strip().isdigit()) or not (
            1 <= int(count) <= 1000 and 1 <= int(seconds) <= 86400
        ):
            self.problems.append(
                f"{name}={raw!r}: write messages/seconds, e.g. 10/60 for ten a minute"
            )
            return default
        return Limit(int(count), float(seconds))

    def slack_ids(self, name: str, prefixes: str) -> frozenset[str]:
        raw = self._raw(name) or ""
        ids = [part.strip() for part in raw.split(",") if part.strip()]
        bad = [i for i in ids if not re.fullmatch(rf"[{prefixes}][A-Z0-9]{{6,}}", i)]
        if bad:
            self.problems.append(
                f"{name}: {', '.join(bad)} are not Slack member ids (like U0123ABCD; in Slack, "
                "open the person's profile, ⋮, Copy member ID)"
            )
            return frozenset(i for i in ids if i not in bad)
        return frozenset(ids)

    def slack_id(self, name: str, prefixes: str) -> str | None:
        raw = self._raw(name)
        if raw is not None and not re.fullmatch(rf"[{prefixes}][A-Z0-9]{{6,}}", raw):
            self.problems.append(f"{name}={raw!r}: use the user group's id, like S0123ABCD")
            return None
        return raw

    def kinds(self, name: str, allowed: tuple[str, ...]) -> frozenset[str]:
        raw = self._raw(name)
        if raw is None:
            return frozenset(allowed)
        if raw.lower() == "none":
            return frozenset()
        chosen = {part.strip() for part in raw.split(",") if part.strip()}
        if bad := sorted(chosen - set(allowed)):
            self.problems.append(
                f"{name}: unknown {', '.join(bad)}; choose among {', '.join(allowed)} or none"
            )
        return frozenset(chosen & set(allowed))

    def hours_span(self, name: str, default: tuple[int, int]) -> tuple[int, int]:
        raw = self._raw(name)
        if raw is None:
            return default
        match = re.fullmatch(r"(\d{1,2})(?::00)?-(\d{1,2})(?::00)?", raw)
        if not match or not all(0 <= int(h) <= 24 for h in match.groups()):
            self.problems.append(f"{name}={raw!r}: write start-end hours, e.g. 21:00-09:00")
            return default
        return int(match[1]) % 24, int(match[2]) % 24

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        raw = self._raw(name)
        if raw is None:
            return default
        if not raw.isdigit() or not low <= int(raw) <= high:
            self.problems.append(f"{name}={raw!r}: use a whole number from {low} to {high}")
            return default
        return int(raw)
