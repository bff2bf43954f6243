"""Settings of the staff's side: the Slack app, its channels, and who may act."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Literal, Self

from pydantic import ValidationInfo, model_validator
from pydantic.dataclasses import dataclass

from bot.config.reading import SETTINGS, Reading, Settings, Unfit, parsed, setting, wrong
from bot.config.values import Address, MemberIds, Text, missing, secret

DEPARTMENTS = ("purchasing", "warehouse", "logistics", "sales", "management")
SLACK_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{8,}$")


def _channel(text: str) -> str:
    if not SLACK_CHANNEL_ID.fullmatch(text):
        raise wrong(text, "use the channel id (like C0123456789), not its name")
    return text


def _departments(text: str) -> dict[str, str]:
    channels: dict[str, str] = {}
    bad: list[str] = []
    for part in text.split(","):
        department, _, channel = part.strip().partition("=")
        department, channel = department.strip().lower(), channel.strip()
        if department in DEPARTMENTS and SLACK_CHANNEL_ID.fullmatch(channel):
            channels[department] = channel
        else:
            bad.append(part.strip())
    if bad:
        raise Unfit(
            f": {', '.join(map(repr, bad))} should be department=CHANNEL_ID with a department "
            f"among {', '.join(DEPARTMENTS)}"
        )
    return channels


def _user_group(text: str) -> str:
    if not re.fullmatch(r"S[A-Z0-9]{6,}", text):
        raise wrong(text, "use the user group's id, like S0123ABCD")
    return text


@dataclass(frozen=True, config=SETTINGS)
class SlackSettings(Settings):
    """The app's credentials, where it listens, its channels, and the staff."""

    slack_bot_token: Annotated[
        str | None,
        secret(r"xoxb-\S+", "the Bot User OAuth Token, starting with xoxb-", required_to_run=True),
    ] = setting("SLACK_BOT_TOKEN", secret=True)
    # set: Socket Mode (no public URL); None: HTTP, signed with the signing secret
    slack_app_token: Annotated[
        str | None,
        secret(r"xapp-\S+", "an app-level token with connections:write, starting with xapp-"),
    ] = setting("SLACK_APP_TOKEN", secret=True)
    slack_signing_secret: Annotated[
        str | None, secret(r"\S{8,}", "the Signing Secret from Basic Information")
    ] = setting("SLACK_SIGNING_SECRET", secret=True)
    slack_api_url: Text = setting("BORDERDESK_SLACK_API_URL", "https://slack.com/api/")
    slack_listen: Address = setting("BORDERDESK_SLACK_LISTEN", ("0.0.0.0", 3000))
    slack_inbox_channel: Annotated[
        str | None,
        parsed(
            _channel,
            blank=missing(
                "the inbox channel's id (C0123456789; in Slack, open the channel details "
                "and copy the id at the bottom)"
            ),
        ),
    ] = setting("BORDERDESK_SLACK_INBOX_CHANNEL")
    # escalations: department -> channel id
    department_channels: Annotated[Mapping[str, str], parsed(_departments)] = setting(
        "BORDERDESK_DEPARTMENT_CHANNELS", factory=dict
    )
    staff_users: MemberIds = setting("BORDERDESK_STAFF_USERS", frozenset())  # empty: anyone
    # or a Slack user group id (S…) whose members may act
    staff_group: Annotated[str | None, parsed(_user_group)] = setting("BORDERDESK_STAFF_GROUP")

    @property
    def slack_mode(self) -> Literal["socket", "http"]:
        """Socket Mode when an app-level token is set, HTTP (Events API) otherwise."""
        return "socket" if self.slack_app_token else "http"

    @model_validator(mode="after")
    def _run_needs_a_way_in(self, info: ValidationInfo) -> Self:
        """``borderdesk run`` needs Socket Mode's token or HTTP mode's signing secret."""
        reading = info.context
        if isinstance(reading, Reading) and reading.require_platforms:
            if not (self.slack_app_token or self.slack_signing_secret):
                reading.problems.append(
                    f"{self.variable('slack_signing_secret')} or "
                    f"{self.variable('slack_app_token')}: set the app token for Socket Mode, "
                    "or the signing secret for HTTP mode"
                )
        return self
