"""Settings of the shoppers' side: the Telegram bot, by long polling or a webhook."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import ValidationInfo, model_validator
from pydantic.dataclasses import dataclass

from bot.config.reading import SETTINGS, Reading, Settings, setting
from bot.config.values import Address, Seconds, Text, one_of, secret, url


@dataclass(frozen=True, config=SETTINGS)
class TelegramSettings(Settings):
    """The bot's token and how Telegram reaches it."""

    telegram_token: Annotated[
        str | None,
        secret(
            r"\d+:[A-Za-z0-9_-]{10,}",
            "the token @BotFather gave you, like 123456:ABC-...",
            required_to_run=True,
        ),
    ] = setting("TELEGRAM_BOT_TOKEN", secret=True)
    telegram_api_url: Text = setting("BORDERDESK_TELEGRAM_API_URL", "https://api.telegram.org/bot")
    # a public https URL: Telegram posts updates there; None: long polling
    telegram_webhook_url: Annotated[str | None, url("https://")] = setting(
        "BORDERDESK_TELEGRAM_WEBHOOK_URL"
    )
    telegram_webhook_secret: Annotated[
        str | None, secret(r"[A-Za-z0-9_-]{1,256}", "1-256 characters of A-Z, a-z, 0-9, _ and -")
    ] = setting("BORDERDESK_TELEGRAM_WEBHOOK_SECRET", secret=True)
    telegram_webhook_listen: Address = setting(
        "BORDERDESK_TELEGRAM_WEBHOOK_LISTEN", ("0.0.0.0", 8443)
    )
    # several processes on one PostgreSQL database poll Telegram one at a time: how often
    # one that does not poll asks to take over, and how often the poller checks that it
    # still holds the poller lock (``bot.storage.leader``)
    telegram_takeover: Seconds = setting("BORDERDESK_TELEGRAM_TAKEOVER", 5.0)
    # "ignore": only private chats are shoppers; "allow": group messages get cards too, and
    # replies to a group never carry order data (see README "Telegram groups")
    telegram_groups: Annotated[str, one_of(("ignore", "allow"))] = setting(
        "BORDERDESK_TELEGRAM_GROUPS", "ignore"
    )

    @property
    def telegram_mode(self) -> Literal["polling", "webhook"]:
        """Webhook when a public URL is configured, long polling otherwise."""
        return "webhook" if self.telegram_webhook_url else "polling"

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self, info: ValidationInfo) -> Self:
        """So only Telegram can post updates to the webhook."""
        if isinstance(info.context, Reading) and self.telegram_mode == "webhook":
            if not self.telegram_webhook_secret:
                info.context.problems.append(
                    f"{self.variable('telegram_webhook_secret')}: required with "
                    f"{self.variable('telegram_webhook_url')}, so only Telegram can post "
                    "updates to the webhook"
                )
        return self
