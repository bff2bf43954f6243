"""``Config``: every setting BorderDesk reads, gathered from the groups by idea.

A Config built in code holds what it is given (tests, the demo; ``dataclasses.replace``
works): ``Config(database_url=..., translator="none")``. A Config read from the environment
comes from ``load_config``. See ``.env.example`` for what each setting means.
"""

from __future__ import annotations

from pydantic.dataclasses import dataclass

from bot.config.language import LanguageSettings
from bot.config.orders import OrderSettings
from bot.config.reading import SETTINGS
from bot.config.running import RunningSettings
from bot.config.slack import SlackSettings
from bot.config.telegram import TelegramSettings
from bot.config.whatsapp import WhatsAppSettings, describe_templates


@dataclass(frozen=True, config=SETTINGS)
class Config(
    OrderSettings,
    LanguageSettings,
    SlackSettings,
    WhatsAppSettings,
    TelegramSettings,
    RunningSettings,
):
    """Every setting BorderDesk reads; see ``.env.example`` for what each one means.

    (A dataclass lists the fields of its last base first: the running settings lead.)
    """

    def describe(self) -> list[tuple[str, str]]:
        """Settings as (variable, shown value) pairs for ``check-config``; a secret shows
        only whether it is set and its last four characters."""
        shown: list[tuple[str, object]] = [
            ("database_url", self.database_url),
            ("store_name", self.store_name or "(not set: a neutral phrase)"),
            ("languages", ",".join(self.languages)),
            ("language_detector", self.language_detector),
            ("staff_language", self.staff_language),
            ("translator", self.translator),
            ("translator_api_key", self.translator_api_key),
            ("libretranslate_url", self.libretranslate_url or "(not set)"),
            ("glossary", ", ".join(self.glossary) or "(none)"),
            ("telegram_token", self.telegram_token),
            ("Telegram mode", self.telegram_mode),
            ("telegram_takeover", f"{self.telegram_takeover:g} s"),
            ("whatsapp_access_token", self.whatsapp_access_token),
            ("whatsapp_phone_number_id", self.whatsapp_phone_number_id or "(not set)"),
            ("whatsapp_app_secret", self.whatsapp_app_secret),
            ("whatsapp_verify_token", self.whatsapp_verify_token),
            (
                "WhatsApp webhook",
                "{}:{}/whatsapp/webhook".format(*self.whatsapp_listen)
                if self.whatsapp_enabled
                else "off (no WHATSAPP_ACCESS_TOKEN)",
            ),
            ("whatsapp_api_version", self.whatsapp_api_version),
            ("whatsapp_templates", describe_templates(self.whatsapp_templates)),
            ("slack_bot_token", self.slack_bot_token),
            ("slack_app_token", self.slack_app_token),
            ("slack_signing_secret", self.slack_signing_secret),
            ("Slack mode", self.slack_mode),
            ("slack_inbox_channel", self.slack_inbox_channel or "(not set)"),
            ("staff_users", ", ".join(sorted(self.staff_users)) or "(anyone)"),
            ("staff_group", self.staff_group or "(not set)"),
            ("managers", ", ".join(sorted(self.managers)) or "(none)"),
            ("webhook_listen", "{}:{}".format(*self.webhook_listen)),
            (
                "health_listen",
                "{}:{}".format(*self.health_listen) if self.health_listen else "off",
            ),
            ("order_events_secret", self.order_events_secret),
            ("shopify_webhook_secret", self.shopify_webhook_secret),
            ("proactive", ", ".join(sorted(self.proactive)) or "none"),
            (
                "department_channels",
                ", ".join(f"{k}={v}" for k, v in self.department_channels.items()) or "(none)",
            ),
        ]
        variables = self.variables()
        return [
            (variables.get(key, key), _masked(value) if self.is_secret(key) else str(value))
            for key, value in shown
        ]


def _masked(value: object) -> str:
    return "(not set)" if not value else f"set, ends in …{str(value)[-4:]}"
