"""The update template: written the way Meta takes it, named in the settings the way a store
would, and judged by the fake as Meta judges it.

Why: after the 24-hour window a reply can reach the shopper only inside an approved
template, and Meta refuses a variable with a line break (132018), a body with the wrong
number of variables (132000), or a template it never approved in that language (132001).
Each of those would leave the shopper without the reply.
"""

from __future__ import annotations

import pytest

from bot.channels.whatsapp_graph import GraphClient
from bot.channels.whatsapp_window import PARAMETER_LIMIT, Template, one_line
from bot.config import load_config
from bot.config.whatsapp import TemplateSetting
from bot.errors import ChannelRejected, ConfigError
from tests.fakes.whatsapp_api import FakeWhatsAppAPI

ANA = "5511987654321"
REPLY = "Olá Ana!\n\nSeu pedido 10389 saiu hoje.\n\tCódigo:     BR123456789"


async def test_a_reply_of_several_lines_goes_in_the_template_as_meta_takes_it() -> None:
    async with FakeWhatsAppAPI() as graph:
        graph.approve_template("request_update", "pt_BR")
        async with GraphClient(graph.token, graph.phone_number_id, base_url=graph.base_url) as api:
            wamid = await api.send_template(ANA, Template("request_update", "pt_BR"), REPLY)
        [sent] = graph.sent
        assert sent.id == wamid and graph.violations == []
        assert sent.template == (
            "request_update",
            "pt_BR",
            ["Olá Ana! Seu pedido 10389 saiu hoje. Código: BR123456789"],
        )


def test_a_long_reply_is_cut_to_what_a_template_body_holds() -> None:
    cut = one_line("palavra " * 500)
    assert len(cut) == PARAMETER_LIMIT and cut.endswith("…")
    assert one_line("curto") == "curto"


@pytest.mark.parametrize(
    ("variables", "code"),
    [(["linha um\nlinha dois"], 132018), (["um", "dois"], 132000), ([], 132000)],
)
async def test_the_fake_refuses_variables_meta_refuses(variables: list[str], code: int) -> None:
    """The fake is a judge the desk could fail: a body the desk must never send."""
    body = Template("request_update", "pt_BR").message(ANA, "x")
    body["template"]["components"] = [
        {"type": "body", "parameters": [{"type": "text", "text": v} for v in variables]}
    ]
    async with FakeWhatsAppAPI() as graph:
        graph.approve_template("request_update", "pt_BR")
        async with GraphClient(graph.token, graph.phone_number_id, base_url=graph.base_url) as api:
            with pytest.raises(ChannelRejected, match=str(code)):
                await api.send_message(body)
        assert graph.sent == [] and len(graph.violations) == 1


async def test_a_template_not_approved_in_that_language_is_refused_as_meta_does() -> None:
    async with FakeWhatsAppAPI() as graph:
        graph.approve_template("request_update", "en_US")
        async with GraphClient(graph.token, graph.phone_number_id, base_url=graph.base_url) as api:
            with pytest.raises(ChannelRejected, match="132001"):
                await api.send_template(ANA, Template("request_update", "pt_BR"), REPLY)
        assert graph.sent == [] and graph.violations == []  # the store's to fix


def test_the_templates_setting_reads_purpose_name_and_language() -> None:
    config = load_config(
        {"BORDERDESK_WHATSAPP_TEMPLATES": " update = request_update : pt_BR "}, env_file=None
    )
    assert dict(config.whatsapp_templates) == {
        "update": TemplateSetting("request_update", "pt_BR", ("text",))
    }
    shown = dict(config.describe())["BORDERDESK_WHATSAPP_TEMPLATES"]
    assert shown.startswith("update=request_update:pt_BR ({{1}} text); ")
    assert "shipped, delay, review_request notices go as the update template" in shown
    assert shown.endswith("the rating question is not asked after the window")
    unset = dict(load_config({}, env_file=None).describe())["BORDERDESK_WHATSAPP_TEMPLATES"]
    assert "parked" in unset


def test_each_notice_kind_names_its_own_template_and_the_values_of_its_variables() -> None:
    config = load_config(
        {
            "BORDERDESK_WHATSAPP_TEMPLATES": "update=request_update:pt_BR,"
            "shipped=order_shipped:pt_BR,"
            "delay=order_late:en_US:order_number+estimated_delivery"
        },
        env_file=None,
    )
    templates = dict(config.whatsapp_templates)
    assert templates["shipped"] == TemplateSetting(
        "order_shipped", "pt_BR", ("shopper_name", "order_number", "carrier", "tracking_number")
    )
    assert templates["delay"] == TemplateSetting(
        "order_late", "en_US", ("order_number", "estimated_delivery")
    )
    shown = dict(config.describe())["BORDERDESK_WHATSAPP_TEMPLATES"]
    assert "delay=order_late:en_US ({{1}} order_number, {{2}} estimated_delivery)" in shown
    assert "payment_reminder, review_request notices go as the update template" in shown


def test_a_notice_template_is_filled_from_the_notice_s_values_in_order() -> None:
    shipped = Template("order_shipped", "pt_BR", ("shopper_name", "order_number", "tracking_link"))
    values = {"shopper_name": "Ana", "order_number": "10389", "carrier": "Correios"}
    # no tracking link yet: Meta refuses an empty variable, so it reads "-"
    assert shipped.parameters("Seu pedido saiu", values) == ["Ana", "10389", "-"]


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("shipping=order_shipped:en_US", "'shipping' is not one of update, payment_reminder"),
        ("shipped=order_shipped:en_US:order_number+colour", "colour is not a value of shipped"),
        ("update=request_update:en_US:order_number", "order_number is not a value of update"),
        ("update=Request-Update:en_US", "lowercase letters, digits and _"),
        ("update=request_update", "language after a colon, like :en_US"),
        ("update=a:en,update=b:pt_BR", "update is named twice"),
    ],
)
def test_a_templates_setting_that_cannot_be_used_says_how_to_write_it(
    value: str, said: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config({"BORDERDESK_WHATSAPP_TEMPLATES": value}, env_file=None)
    message = str(caught.value)
    assert "BORDERDESK_WHATSAPP_TEMPLATES" in message and said in message
    assert "purpose=template_name:language" in message and "value+value" in message
