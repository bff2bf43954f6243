"""Settings of the shoppers' second channel: WhatsApp, through the Business Cloud API.

All of it is off until an access token is set; then the business number's id, the app
secret (signatures of Meta's webhook calls) and a verify token (Meta's handshake when
the webhook URL is saved) are needed too, and each missing one is named. Where they
are in Meta's dashboards is said in each hint, as ``check-config`` shows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, NamedTuple, Self

from pydantic import ValidationInfo, model_validator
from pydantic.dataclasses import dataclass

from bot.config.orders import PROACTIVE_KINDS
from bot.config.reading import SETTINGS, Reading, Settings, Unfit, parsed, setting, wrong
from bot.config.values import Address, Text, secret


def _phone_number_id(text: str) -> str:
    if not re.fullmatch(r"\d{6,20}", text):
        raise wrong(
            text,
            "use the Phone number ID (digits only, like 106540352242922) shown under "
            "WhatsApp > API Setup, not the phone number itself",
        )
    return text


def _api_version(text: str) -> str:
    version = text if text.startswith("v") else f"v{text}"
    if not re.fullmatch(r"v\d{1,3}\.\d", version):
        raise wrong(text, "write the Graph API version like v23.0")
    return version


# What each approved template is for: ``update`` goes out in place of a reply written
# after the 24-hour window closed, and each proactive notice kind (BORDERDESK_PROACTIVE)
# may have a template of its own, sent in place of that notice after the window; a kind
# without one goes as the update template (see bot/channels/whatsapp_window.py).
TEMPLATE_PURPOSES = {
    "update": "a reply written after the shopper's 24-hour window closed",
    "payment_reminder": "the reminder of an unpaid order",
    "shipped": "the notice that an order shipped",
    "delay": "the notice that an order is late",
    "review_request": "the request for a review after delivery",
    "rating": "the question how the desk did, once a conversation is resolved",
}
# The values a template's body variables {{1}}, {{2}}... are filled from, in order, when
# the setting does not list them: ``text`` is the whole message on one line (the reply,
# or the notice as the shopper would have read it), the rest the notice's own values.
TEMPLATE_VARIABLES: dict[str, tuple[str, ...]] = {
    "update": ("text",),
    "payment_reminder": ("shopper_name", "order_number"),
    "shipped": ("shopper_name", "order_number", "carrier", "tracking_number"),
    "delay": ("shopper_name", "order_number"),
    "review_request": ("shopper_name", "order_number"),
    "rating": ("shopper_name",),
}
# what each purpose's text was rendered from (handlers/proactive/send.py: notice_variables)
ORDER_VALUES = (
    "shopper_name",
    "order_number",
    "carrier",
    "tracking_number",
    "tracking_link",
    "estimated_delivery",
)
TEMPLATE_VALUES: dict[str, tuple[str, ...]] = {
    "update": ("text",),
    **{kind: ("text", *ORDER_VALUES) for kind in PROACTIVE_KINDS if kind != "rating"},
    "rating": ("text", "shopper_name"),
}
# Meta: a template's name is lowercase letters, digits and underscores; its language a
# code like en, en_US, pt_BR or zh_CN, as listed under WhatsApp Manager > Message templates
TEMPLATE_NAME = re.compile(r"[a-z0-9_]{1,512}")
TEMPLATE_LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2,4})?")
HOW_TO_WRITE = (
    "Write purpose=template_name:language, or purpose=template_name:language:value+value "
    "to say which values fill the body's {{1}}, {{2}}..., like update=request_update:en_US,"
    "shipped=order_shipped:en_US:order_number+carrier+tracking_number, for templates Meta "
    "approved (WhatsApp Manager > Message templates)"
)


class TemplateSetting(NamedTuple):
    """An approved template named for a purpose: its name, its language, and the values
    that fill its body's variables, in order."""

    name: str
    language: str
    variables: tuple[str, ...]


def _templates(text: str) -> dict[str, TemplateSetting]:
    """``update=request_update:pt_BR,shipped=order_shipped:pt_BR:order_number+carrier``
    (comma-separated) -> {"update": TemplateSetting("request_update", "pt_BR", ("text",)),
    ...}; every entry that cannot be used is named, with how to write it."""
    templates: dict[str, TemplateSetting] = {}
    bad: list[str] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        purpose, _, template = part.partition("=")
        name, _, rest = template.strip().partition(":")
        language, _, listed = rest.partition(":")
        purpose, name, language = purpose.strip().lower(), name.strip(), language.strip()
        variables = tuple(filter(None, (v.strip() for v in listed.split("+"))))
        if purpose not in TEMPLATE_PURPOSES:
            bad.append(f"{part!r}: {purpose!r} is not one of {', '.join(TEMPLATE_PURPOSES)}")
        elif purpose in templates:
            bad.append(f"{part!r}: {purpose} is named twice")
        elif not TEMPLATE_NAME.fullmatch(name):
            bad.append(f"{part!r}: the template's name is lowercase letters, digits and _")
        elif not TEMPLATE_LANGUAGE.fullmatch(language):
            bad.append(f"{part!r}: give the template's language after a colon, like :en_US")
        elif unknown := [v for v in variables if v not in TEMPLATE_VALUES[purpose]]:
            bad.append(
                f"{part!r}: {', '.join(unknown)} is not a value of {purpose} (it has "
                f"{', '.join(TEMPLATE_VALUES[purpose])})"
            )
        else:
            chosen = variables or TEMPLATE_VARIABLES[purpose]
            templates[purpose] = TemplateSetting(name, language, chosen)
    if bad:
        raise Unfit(": " + "; ".join(bad) + ". " + HOW_TO_WRITE)
    return templates


def describe_templates(templates: Mapping[str, TemplateSetting]) -> str:
    """The templates as ``check-config`` shows them: each with the values filling its
    variables, then what happens to the purposes without one."""
    shown = [
        f"{purpose}={t.name}:{t.language} ("
        + ", ".join(f"{{{{{n}}}}} {value}" for n, value in enumerate(t.variables, start=1))
        + ")"
        for purpose, t in templates.items()
    ]
    missing = [p for p in TEMPLATE_PURPOSES if p not in ("update", "rating", *templates)]
    if "update" not in templates:
        shown.append(
            "no update template: a reply after the 24-hour window is parked for staff"
            + (f", and so are {', '.join(missing)} notices" if missing else "")
        )
    elif missing:
        shown.append(f"{', '.join(missing)} notices go as the update template after the window")
    if "rating" not in templates:  # it is no update: not sent inside that template
        shown.append("the rating question is not asked after the window")
    return "; ".join(shown)


# what else a token needs, and where Meta shows it
NEEDED_WITH_THE_TOKEN = {
    "whatsapp_phone_number_id": "the Phone number ID under WhatsApp > API Setup (digits only)",
    "whatsapp_app_secret": "the App Secret (App settings > Basic): it signs Meta's webhook calls",
    "whatsapp_verify_token": (
        "a phrase you choose, typed again as Verify token where the app's webhook Callback "
        "URL is set (https://<your host>/whatsapp/webhook)"
    ),
}


@dataclass(frozen=True, config=SETTINGS)
class WhatsAppSettings(Settings):
    """The business number, its credentials, and where Meta's webhook calls arrive."""

    whatsapp_access_token: Annotated[
        str | None,
        secret(
            r"[A-Za-z0-9_-]{20,}",
            "a System User access token with whatsapp_business_messaging (Meta Business "
            "Suite > Business settings > System users > Generate token), like EAAG...",
        ),
    ] = setting("WHATSAPP_ACCESS_TOKEN", secret=True)
    whatsapp_phone_number_id: Annotated[str | None, parsed(_phone_number_id)] = setting(
        "BORDERDESK_WHATSAPP_PHONE_NUMBER_ID"
    )
    whatsapp_app_secret: Annotated[
        str | None,
        secret(
            r"[0-9a-fA-F]{32}",
            "the App Secret (App settings > Basic > App secret, 32 hexadecimal characters)",
        ),
    ] = setting("WHATSAPP_APP_SECRET", secret=True)
    whatsapp_verify_token: Annotated[
        str | None,
        secret(
            r"[A-Za-z0-9._~-]{8,256}",
            "a phrase you choose (8-256 of A-Z, a-z, 0-9 and . _ ~ -), typed again as "
            "Verify token where the app's webhook Callback URL is set",
        ),
    ] = setting("BORDERDESK_WHATSAPP_VERIFY_TOKEN", secret=True)
    # Meta posts to https://<your host>/whatsapp/webhook; a proxy forwards it here
    whatsapp_listen: Address = setting("BORDERDESK_WHATSAPP_LISTEN", ("0.0.0.0", 8444))
    whatsapp_api_version: Annotated[str, parsed(_api_version)] = setting(
        "BORDERDESK_WHATSAPP_API_VERSION", "v23.0"
    )
    whatsapp_api_url: Text = setting("BORDERDESK_WHATSAPP_API_URL", "https://graph.facebook.com")
    # approved templates by purpose; without ``update``, a reply after the 24-hour window
    # is parked for staff (it cannot go as free text), and so is a notice without its own
    whatsapp_templates: Annotated[Mapping[str, TemplateSetting], parsed(_templates)] = setting(
        "BORDERDESK_WHATSAPP_TEMPLATES", factory=dict
    )

    @property
    def whatsapp_enabled(self) -> bool:
        """WhatsApp runs when its access token is set (the rest is then checked)."""
        return bool(self.whatsapp_access_token)

    @model_validator(mode="after")
    def _all_or_nothing(self, info: ValidationInfo) -> Self:
        """With a token, the number, the app secret and the verify token are needed too:
        without them no reply could be sent to the right number or no webhook trusted."""
        reading = info.context
        if not isinstance(reading, Reading) or not self.whatsapp_enabled:
            return self
        for name, where in NEEDED_WITH_THE_TOKEN.items():
            named = any(p.startswith(self.variable(name)) for p in reading.problems)
            if not getattr(self, name) and not named:  # not twice for a bad value
                reading.problems.append(
                    f"{self.variable(name)}: required with "
                    f"{self.variable('whatsapp_access_token')}: set it to {where}"
                )
        return self
